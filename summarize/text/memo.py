"""What a line of a scraped page says of itself, remembered: the pages of one site repeat
their menus, labels and footers, page after page, and cleaning reads each line several
times (ftfy, the rules, the line model's evidence, cohesion's words). On the DUC 2006 events
as scraped pages, nine of ten lines asked about had been seen before, and remembering them
cut cleaning's time by a quarter.

Only short lines are remembered (a site's furniture is short; a story's paragraphs rarely
recur), at most LINES of them per function and other arguments, so that memory stays
small in a long run.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Generic, TypeVar

LINES = 1 << 14
MAX_CHARS = 300

R = TypeVar("R")


class Remembered(dict[str, R], Generic[R]):
    """line -> `function(line, *args)`, filled on first sight: a loop over a page's lines
    maps `Remembered.__getitem__` over them, a dict lookup in C for each line seen
    before, where a Python wrapper around functools.lru_cache took 0.7 us a call (half a
    million calls on the 50 scraped DUC 2006 events, a tenth of cleaning's time). Short
    lines only are kept, at most LINES: then it starts again (as a cache of words does,
    `words.MAX_KNOWN_WORDS`)."""

    def __init__(self, function: Callable[..., R], args: tuple[object, ...]):
        super().__init__()
        self.function, self.args = function, args

    def __missing__(self, line: str) -> R:
        result = self.function(line, *self.args)
        if len(line) <= MAX_CHARS:
            if len(self) >= LINES:
                self.clear()
            self[line] = result
        return result


class PerLine(Generic[R]):
    """A pure function of a line and other hashable arguments, remembering its results for
    short lines: `per_line`."""

    def __init__(self, function: Callable[..., R]):
        self.function = function
        self.memos: dict[tuple[object, ...], Remembered[R]] = {}
        wraps(function)(self)

    def __call__(self, line: str, *args: object) -> R:
        memo = self.memos.get(args)
        return (memo if memo is not None else self.lines(*args))[line]

    def lines(self, *args: object) -> Remembered[R]:
        """The results for these other arguments, by line."""
        memo = self.memos.get(args)
        if memo is None:
            memo = self.memos[args] = Remembered(self.function, args)
        return memo


def per_line(function: Callable[..., R]) -> PerLine[R]:
    """`function` (pure, of a line and other hashable arguments) remembering its results
    for short lines."""
    return PerLine(function)
