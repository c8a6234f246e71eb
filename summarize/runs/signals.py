"""Signals during a run: a briefing and its state entry are written together."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def signals_deferred() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block is done: a briefing and its state entry are
    written together, so a stopped run never leaves a briefing the next run must rebuild.
    (Python runs a signal's handler between bytecodes, possibly well after the signal
    arrived: blocking the signal itself would not stop a handler already due, so the
    handlers are swapped for one that only records.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[tuple[int, Any]] = []
    previous = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}

    def record(number: int, frame: Any) -> None:
        arrived.append((number, frame))

    for number in previous:
        signal.signal(number, record)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for number, frame in arrived[:1]:
            handler = previous[number]
            if callable(handler):
                handler(number, frame)
            elif handler == signal.SIG_DFL:
                signal.raise_signal(number)

