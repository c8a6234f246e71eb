"""One run at a time per output folder: `flock` on `<output>/.lock`. The kernel releases
it when the process dies, so a lock left by a killed run never blocks the next one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from summarize.errors import OutputError, RunLocked

LOCK_FILE = ".lock"


@contextmanager
def run_lock(folder: Path, wait_for_it: bool) -> Iterator[None]:
    """Hold `<folder>/.lock` for the run; RunLocked at once when another run holds it."""
    path = folder / LOCK_FILE
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise OutputError(f"cannot write to the output folder {folder}: "
                          f"{error.strerror}") from None
    try:
        try:
            import fcntl  # POSIX only: imported here so that --help works anywhere
        except ImportError:
            raise OutputError("runs lock their output folder with flock(), which this "
                              "system lacks (Linux, macOS and the BSDs have it)") from None
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | (0 if wait_for_it else fcntl.LOCK_NB))
        except BlockingIOError:
            holder = os.pread(descriptor, 32, 0).decode(errors="replace").strip() or "?"
            raise RunLocked(f"another run is writing to {folder} (pid {holder}); it will "
                            "be done soon: try again later, or pass --wait") from None
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock

