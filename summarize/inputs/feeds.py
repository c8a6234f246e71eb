"""JSON and JSON Lines feeds: one article per object.

A `.jsonl` / `.ndjson` file holds one JSON object per line; a `.json` file holds a list of
objects, an object whose `articles` or `items` is that list, or one object. Each object:

| field | | |
|---|---|---|
| `text` or `html` | required | the story as plain text (one paragraph per line), or the page |
| `title`, `url`, `id`, `author` | optional | strings |
| `outlet` or `source` | optional | the publisher's name |
| `published` | optional | ISO 8601, RFC 2822 or a written date |
| `event` | optional | the event's slug, for grouping a flat feed |

An object that cannot be used is skipped with its line (or item) number and the reason; the
rest of the feed is read. Fields the object states win over what the page says.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterator

from summarize.inputs.dates import numeric_date, read_published
from summarize.inputs.decoding import valid_text
from summarize.inputs.html import extract
from summarize.models import Article, SkippedFile

LINE_FEEDS = (".jsonl", ".ndjson")
STRING_FIELDS = ("title", "url", "id", "author", "outlet", "source", "event", "text", "html")
# Nesting deeper than this is not an article (and would exhaust the parser's recursion).
MAX_DEPTH = 64


def read_feed(text: str, relative: str, suffix: str, stem: str,
              ) -> tuple[list[Article], list[SkippedFile]]:
    """The articles of a feed file, and the entries skipped with their reasons."""
    articles: list[Article] = []
    skipped: list[SkippedFile] = []
    for number, item in _entries(text, relative, suffix, skipped):
        result = entry_article(item, f"{relative}#{number}", f"{stem}-{number}")
        if isinstance(result, SkippedFile):  # (reported by who reads the file: once)
            skipped.append(result)
        else:
            articles.append(result)
    return articles, skipped


# A JSON string (brackets inside it are text, not structure: a story may quote "[[1]]"),
# and what nests
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"')
_BRACKET = re.compile(r"[\[\]{}]")


def _too_deep(raw: str) -> bool:
    if raw.count("[") + raw.count("{") <= MAX_DEPTH:
        return False  # cannot nest deeper than its brackets (counted in C, not in a loop)
    depth = deepest = 0
    for bracket in _BRACKET.findall(_STRING.sub("", raw)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest > MAX_DEPTH


class _TooLong(ValueError):
    """An integer longer than Python reads (CVE-2020-10735: `int` refuses more than
    `sys.get_int_max_str_digits()` digits, 4,300 by default)."""


def _integer(digits: str) -> int:
    limit = sys.get_int_max_str_digits()
    if limit and len(digits.lstrip("-")) > limit:
        raise _TooLong(f"an integer of {len(digits.lstrip('-'))} digits")
    return int(digits)


def _parse(raw: str) -> tuple[object, str | None]:
    if _too_deep(raw):
        return None, f"nested deeper than {MAX_DEPTH} levels"
    try:
        return json.loads(raw, parse_int=_integer), None
    except json.JSONDecodeError as error:
        return None, f"not valid JSON ({error.msg} at column {error.colno})"
    except _TooLong as error:
        return None, f"not a feed entry ({error})"


def _entries(text: str, relative: str, suffix: str,
             skipped: list[SkippedFile]) -> Iterator[tuple[int, object]]:
    if suffix in LINE_FEEDS:
        # JSON Lines end at "\n" only (jsonlines.org): str.splitlines also breaks at
        # U+2028, U+2029 or U+0085, which a JSON string may hold as they are
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                value, error = _parse(line)
                if error:
                    skipped.append(SkippedFile(f"{relative}#{number}", error))
                else:
                    yield number, value
        return
    value, error = _parse(text)
    if error:
        skipped.append(SkippedFile(relative, error))
        return
    if isinstance(value, dict):
        listed = value.get("articles", value.get("items"))
        items = listed if isinstance(listed, list) else [value]
    elif isinstance(value, list):
        items = value
    else:
        skipped.append(SkippedFile(relative, "not a JSON object or list of objects"))
        return
    yield from enumerate(items, start=1)


def entry_article(item: object, path: str, default_id: str) -> Article | SkippedFile:
    """One feed entry (a mapping with `text` or `html`, README "Inputs") as an article, or
    why it is skipped; also what `summarize.summarize_articles` reads its items with."""
    if not isinstance(item, dict):
        return SkippedFile(path, "not a JSON object")
    wrong = [k for k in STRING_FIELDS if item.get(k) is not None and not isinstance(item[k], str)]
    if wrong:
        return SkippedFile(path, f"field {wrong[0]!r} is not a string")
    item = {key: valid_text(value) if isinstance(value, str) else value
            for key, value in item.items()}
    text, html = (item.get("text") or "").strip(), (item.get("html") or "").strip()
    if not text and not html:
        return SkippedFile(path, "no 'text' or 'html' field")
    published = read_published(item.get("published"), path)
    stated = {
        "title": item.get("title"),
        "outlet": item.get("outlet") or item.get("source"),
        "url": item.get("url"),
        "author": item.get("author"),
    }
    stated = {k: v.strip() for k, v in stated.items() if isinstance(v, str) and v.strip()}
    article_id = (item.get("id") or "").strip() or default_id
    if text:
        return Article(path=path, id=article_id, body=text, format="feed",
                       published=published, event=item.get("event"),
                       numeric_date=numeric_date(item.get("published")), **stated)
    return html_entry(html, path, article_id, stated, published, item.get("published"),
                      event=item.get("event"))


def html_entry(html: str, path: str, article_id: str, stated: dict[str, str],
               published: dt.date | None, stated_date: object,
               event: str | None = None) -> Article | SkippedFile:
    """An entry of a feed (JSON or RSS/Atom) whose story is HTML, read as a page: what the
    feed `stated` (title, outlet, url, author) and its `published` date (read from
    `stated_date`) win over what the page says of itself, which fills only what the feed
    leaves out."""
    page = extract(html, path, article_id)
    if isinstance(page, SkippedFile):
        return page
    return Article(path=path, id=article_id, body=page.body, format="html",
                   title=stated.get("title", page.title),
                   outlet=stated.get("outlet", page.outlet), url=stated.get("url", page.url),
                   published=published or page.published,
                   author=stated.get("author", page.author), event=event,
                   numeric_date=numeric_date(stated_date))
