"""Inputs that are no folder of events: one article file, or standard input (`--input -`).

A file is one event, named after it (`flood-day-2.html` -> `flood-day-2`); a feed file is
one event of all its entries. Standard input holds one article or a feed, told apart by
how it starts, as `file` tells kinds apart by their first bytes: JSON (`{`, `[`: one
object or a list; else one object per line, JSON Lines), an RSS or Atom feed (`<rss`,
`<feed`), other markup (`<`: an HTML page), YAML front matter (`---`: a Markdown
article), anything else a text article as scraped. Its event is named `stdin`.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from summarize.errors import InputError
from summarize.inputs.decoding import decode
from summarize.inputs.layout import STDIN, article_suffix, name_events
from summarize.inputs.loading import read_bytes, read_file, read_stream
from summarize.models import Article, SkippedFile

STDIN_NAME = "stdin"  # what standard input's articles and event are named by
_FEED_START = re.compile(r"\A(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed)\b", re.DOTALL)


def read_single(source: Path, max_bytes: int,
                ) -> tuple[str, list[Article], list[SkippedFile]]:
    """The event's slug, the articles of one file or of standard input, and what was
    skipped with its reason. InputError when nothing can be read: an empty input is never
    a silent empty run."""
    if source == STDIN:
        name = STDIN_NAME
        articles, skipped = read_standard_input(max_bytes)
    else:
        suffix = article_suffix(source.name)
        name = source.name[: -len(suffix)] if suffix else source.name
        articles, skipped = read_file(source, source.name, max_bytes)
    if not articles:
        why = "; ".join(f"{item.path}: {item.reason}" for item in skipped[:3])
        raise InputError(f"{'standard input' if source == STDIN else source}: no article to "
                         f"summarize ({why or 'nothing in it'})")
    (named, unnamed) = name_events([Path(name)])
    if unnamed:
        raise InputError(f"{name}: {unnamed[0][1]}")
    return named[0][0], articles, skipped


def read_source(source: Path, max_bytes: int, exclude: Path | None = None,
                ) -> tuple[list[Article], list[SkippedFile]]:
    """The articles of a stream to group: standard input, a file or a folder at any depth
    (`inputs.loading.read_stream`)."""
    if source == STDIN:
        return read_standard_input(max_bytes)
    return read_stream(source, max_bytes, exclude)


def read_standard_input(max_bytes: int) -> tuple[list[Article], list[SkippedFile]]:
    """The article, or the feed's articles, that standard input holds."""
    raw = sys.stdin.buffer.read(max_bytes + 1)
    if len(raw) > max_bytes:
        return [], [SkippedFile(STDIN_NAME, f"larger than limits.max_article_bytes "
                                            f"(> {max_bytes})")]
    return read_bytes(raw, STDIN_NAME, input_kind(raw), max_bytes)


def input_kind(raw: bytes) -> str:
    """The article kind (a file suffix) that bytes with no name hold, by how they start."""
    decoded = decode(raw[:4096])
    start = decoded[0].lstrip("\ufeff \t\r\n") if decoded else ""
    if start.startswith(("{", "[")):
        whole = decode(raw)
        try:
            json.loads(whole[0] if whole else "")
        except ValueError:
            return ".jsonl"
        return ".json"
    if start.startswith("<"):
        return ".rss" if _FEED_START.match(start) else ".html"
    if re.match(r"---[ \t]*\r?\n", start):
        return ".md"
    return ".txt"
