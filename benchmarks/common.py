"""Helpers shared by the benchmark scripts."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DUC2006 = ROOT.parent / "shared" / "eval" / "duc2006"
# The runs' clock in benchmarks that compare briefings of two checkouts: their "written"
# times cannot differ.
SOURCE_DATE_EPOCH = "1694649600"


def require_duc2006() -> Path:
    if not DUC2006.is_dir():
        sys.exit(f"DUC 2006 not found at {DUC2006}: it lives beside the project in "
                 "../shared/eval/duc2006 (never committed); nothing to benchmark.")
    return DUC2006


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A Markdown table, columns padded for reading in a terminal."""
    cells = [headers] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |" for row in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)
