"""The checks of a grouping state read back from `.groups.json`: every name and value as
user input (summarize/inputs/saved.py), before scipy or the grouping trusts them."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np

from summarize.inputs import saved

FINGERPRINT = re.compile(r"[0-9a-f]{16}")


def story_fields(value: object, where: str,
                 ) -> tuple[str, int, dt.date | None, str, float]:
    """A saved story's slug, size, latest date, language and cohesion (`Story`'s fields)."""
    record = saved.expect(value, dict, where)
    return (saved.slug(record.get("slug"), f"{where}.slug"),
            saved.count(record.get("size"), f"{where}.size"),
            saved.optional(saved.date)(record.get("latest"), f"{where}.latest"),
            saved.text(record.get("language", ""), f"{where}.language"),
            share(record.get("inner", 0.0), f"{where}.inner"))


def share(value: object, where: str) -> float:
    """A saved sum of similarities: a finite number, not negative."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not \
            0 <= value < float("inf"):
        raise saved.Damaged(f"{where}: expected a number not below 0")
    return float(value)


def csr_arrays(value: object, where: str, shape: tuple[int, int],
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The data, indices and row pointers of a saved sparse matrix of this shape, checked
    as scipy does not: an index out of range made it read (or write) outside its arrays."""
    matrix = saved.expect(value, dict, where)
    data = saved.numbers(matrix.get("data"), f"{where}.data")
    indices = saved.integers(matrix.get("indices"), f"{where}.indices", shape[1])
    indptr = saved.integers(matrix.get("indptr"), f"{where}.indptr", len(data) + 1)
    if len(indices) != len(data) or len(indptr) != shape[0] + 1 or indptr[0] != 0 \
            or indptr[-1] != len(data) or np.any(np.diff(indptr) < 0):
        raise saved.Damaged(f"{where}: not a matrix of {shape[0]} rows")
    return data, indices, indptr
