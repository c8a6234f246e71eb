"""What a run reads back from its output folder (`.state.json` and its journal,
`.groups.json`, `.settings.json`), checked like user input.

Anyone who can write the output folder can edit these files, and a disk can damage them.
Every name and value is checked before it is used: a file that is not what this tool
writes is one clear error (`Damaged`, which the readers turn into an `OutputError`: exit
2 and one line saying what is wrong and what to do), never a traceback, a crash of
native code (scipy trusts a sparse matrix's indices) or a file written outside the
output folder (event names become file names).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from summarize.inputs.layout import check_slug

if TYPE_CHECKING:
    import numpy as np

T = TypeVar("T")

# "2023-09-14T00:00:00Z": the times a run writes (outputs.changes.iso_time)
_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


class Damaged(ValueError):
    """A saved file that is not what this tool writes; the message says where."""


def _no_constant(name: str) -> float:
    raise Damaged(f"{name} is not a number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise Damaged(f"{text[:20]} is not a finite number")
    return value


def _integer(digits: str) -> int:
    if len(digits) > 20:  # (and Python reads no more than sys.get_int_max_str_digits())
        raise Damaged(f"an integer of {len(digits)} digits")
    return int(digits)


def parse(text: str) -> Any:
    """The JSON of a saved file: finite numbers, integers of 20 digits at most."""
    try:
        return json.loads(text, parse_constant=_no_constant, parse_float=_finite,
                          parse_int=_integer)
    except json.JSONDecodeError as error:
        raise Damaged(f"not JSON: {error.msg} at line {error.lineno}") from None
    except RecursionError:  # json's decoder recurses once a level ("[" * 100_000)
        raise Damaged("nested thousands of levels deep") from None


def _kind(value: object) -> str:
    return "null" if value is None else {dict: "an object", list: "a list", str: "a string",
                                        bool: "true or false", int: "an integer",
                                        float: "a number"}.get(type(value), "a value")


def expect(value: object, kind: type[T], where: str) -> T:
    """`value` when it is of this JSON type (an integer is never true or false)."""
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise Damaged(f"{where}: expected {_kind(kind())}, found {_kind(value)}")
    return value


def count(value: object, where: str) -> int:
    """A non-negative integer."""
    if expect(value, int, where) < 0:
        raise Damaged(f"{where}: expected a count, found {value}")
    return value  # type: ignore[return-value]


def items(value: object, where: str, check: Callable[[object, str], T]) -> list[T]:
    """A list, each item passed through `check`."""
    return [check(item, f"{where}[{index}]")
            for index, item in enumerate(expect(value, list, where))]


def text(value: object, where: str) -> str:
    return expect(value, str, where)


def fixed(value: object, length: int, where: str) -> list:
    """A list of `length` items."""
    if len(expect(value, list, where)) != length:  # type: ignore[arg-type]
        raise Damaged(f"{where}: expected {length} items, found {len(value)}")  # type: ignore[arg-type]
    return value  # type: ignore[return-value]


def pair(value: object, where: str) -> tuple[str, str]:
    """[text, text]: a path and its reason, or its encoding."""
    first, second = fixed(value, 2, where)
    return text(first, f"{where}[0]"), text(second, f"{where}[1]")


def index(value: object, where: str, below: int) -> int:
    """An integer from 0 to `below` - 1."""
    if not 0 <= expect(value, int, where) < below:  # type: ignore[operator]
        raise Damaged(f"{where}: expected an integer from 0 to {below - 1}, found {value}")
    return value  # type: ignore[return-value]


def time(value: object, where: str) -> str:
    """A run's time, as `outputs.changes.iso_time` writes it."""
    if not _TIME.fullmatch(text(value, where)):
        raise Damaged(f"{where}: expected a time such as 2023-09-14T00:00:00Z, "
                      f"found {value!r:.40}")
    return value  # type: ignore[return-value]


def date(value: object, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text(value, where))
    except ValueError:
        raise Damaged(f"{where}: expected a date such as 2023-09-14, "
                      f"found {value!r:.40}") from None


def slug(value: object, where: str) -> str:
    """An event's name, which names its output files: never a path, never one of the run's
    own files."""
    problem = check_slug(text(value, where))
    if problem:
        raise Damaged(f"{where}: {value!r:.80} is not an event name ({problem})")
    return value  # type: ignore[return-value]


def optional(check: Callable[[object, str], T]) -> Callable[[object, str], T | None]:
    """`check`, or None for null."""
    return lambda value, where: None if value is None else check(value, where)


def integers(value: object, where: str, below: int) -> np.ndarray:
    """A list of integers from 0 to `below` - 1, as an int64 array."""
    import numpy as np  # (only files that hold arrays need it: .groups.json)

    numbers = expect(value, list, where)
    if not all(type(number) is int for number in numbers):
        raise Damaged(f"{where}: expected integers only")
    if numbers and (min(numbers) < 0 or max(numbers) >= below):
        raise Damaged(f"{where}: expected integers from 0 to {below - 1}, found "
                      f"{min(numbers) if min(numbers) < 0 else max(numbers)}")
    return np.array(numbers, dtype=np.int64)


def numbers(value: object, where: str) -> np.ndarray:
    """A list of (finite: `parse`) numbers, as a float64 array."""
    import numpy as np

    found = expect(value, list, where)
    if not all(type(number) in (int, float) for number in found):
        raise Damaged(f"{where}: expected numbers only")
    return np.array(found, dtype=np.float64)
