"""Loading: find the events under an input root and read their articles.

Each sub-folder of the root is one event, its slug the folder name. Articles are `.txt`
(plain text as scraped) or `.md` (optional YAML front matter with id, title, source, url,
published, then the body). Every file that cannot be used becomes a `SkippedFile` with its
reason: one bad article never stops its event, and nothing is dropped silently.
"""

from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
from pathlib import Path

import yaml

from summarize.errors import InputError
from summarize.models import Article, Event, SkippedFile

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
FRONT_MATTER_KEYS = ("id", "title", "source", "url", "published")


def discover_events(root: Path) -> list[Path]:
    """The event folders under `root`, sorted by name; files at the root are ignored."""
    if not root.is_dir():
        raise InputError(f"input folder not found: {root}")
    return sorted(
        (p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.name,
    )


def check_slug(name: str) -> str | None:
    """Why a folder name cannot be an event slug (it names output files), or None."""
    if not _SLUG.match(name) or name in (".", ".."):
        return "event folder names may use only letters, digits, '.', '_' and '-'"
    return None


def decode(raw: bytes) -> tuple[str, str] | None:
    """Text and encoding name of an article's bytes, or None when it is binary.

    UTF-8 (with or without BOM) and UTF-16 with BOM are recognized; anything else that is
    not valid UTF-8 is read as cp1252, the usual encoding of legacy Western pages, and bytes
    cp1252 leaves undefined fall back to latin-1, which decodes every byte.
    """
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return None
    if b"\x00" in raw:
        return None  # NUL bytes do not occur in text in any 8-bit encoding
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


# Dates as feeds write them: 2023-09-12, 09/12/2023 (US order) and, in some newswire
# archives, 1998-30-06 (year-day-month); the order is taken only when it is unambiguous.
_YEAR_FIRST = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})\b")
_YEAR_LAST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})\b")


def parse_date(value: object) -> dt.date | None:
    """A publication date from front matter, or None when it cannot be read for sure."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if match := _YEAR_FIRST.match(text):
        year, first, second = (int(g) for g in match.groups())
    elif match := _YEAR_LAST.match(text):
        first, second, year = (int(g) for g in match.groups())
    else:
        return None
    month, day = (second, first) if first > 12 else (first, second)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_front_matter(text: str, path: str) -> tuple[dict[str, object], str]:
    """Split a Markdown article into its front matter fields and its body.

    Invalid front matter is reported and ignored; the whole text then stays the body, so no
    story text is lost to a typo in the metadata.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        fields = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        log.warning("%s: front matter ignored, not valid YAML (%s)", path, error)
        return {}, text
    if not isinstance(fields, dict):
        log.warning("%s: front matter ignored, not a mapping", path)
        return {}, text
    unknown = sorted(str(k) for k in fields if k not in FRONT_MATTER_KEYS)
    if unknown:
        log.info("%s: front matter keys ignored: %s", path, ", ".join(unknown))
    return fields, text[match.end() :]


def read_article(path: Path, relative: str, max_bytes: int) -> Article | SkippedFile:
    """One article, or the reason it cannot be used."""
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        return SkippedFile(relative, f"not an article (expected {' or '.join(ARTICLE_SUFFIXES)})")
    size = path.stat().st_size
    if size > max_bytes:
        return SkippedFile(relative, f"larger than limits.max_article_bytes ({size} > {max_bytes})")
    raw = path.read_bytes()
    decoded = decode(raw)
    if decoded is None:
        return SkippedFile(relative, "binary file (NUL bytes), not text")
    text, encoding = decoded
    if encoding not in ("utf-8", "utf-8-sig"):
        log.info("%s: decoded as %s", relative, encoding)
    if not text.strip():
        return SkippedFile(relative, "empty article")
    fields: dict[str, object] = {}
    body = text
    if suffix == ".md":
        fields, body = parse_front_matter(text, relative)

    def text_field(key: str) -> str | None:
        value = fields.get(key)
        return str(value).strip() or None if value is not None else None

    published = parse_date(fields.get("published"))
    if fields.get("published") is not None and published is None:
        log.warning("%s: front matter 'published' is not a date: %r", relative,
                    fields["published"])
    return Article(
        path=relative,
        id=text_field("id") or path.stem,
        body=body,
        format=suffix[1:],
        title=text_field("title"),
        outlet=text_field("source"),
        url=text_field("url"),
        published=published,
        encoding=encoding,
    )


def load_event(folder: Path, root: Path, max_bytes: int) -> Event:
    """All articles of one event folder, in file-name order, and the files it skipped."""
    articles: list[Article] = []
    skipped: list[SkippedFile] = []
    resolved_root = root.resolve()
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        relative = path.relative_to(root).as_posix()
        if path.is_dir():
            skipped.append(SkippedFile(relative, "folder inside an event (not read)"))
            continue
        if not path.resolve().is_relative_to(resolved_root):
            skipped.append(SkippedFile(relative, "link to a file outside the input folder"))
            continue
        result = read_article(path, relative, max_bytes)
        if isinstance(result, SkippedFile):
            log.warning("%s: skipped: %s", result.path, result.reason)
            skipped.append(result)
        else:
            articles.append(result)
    return Event(slug=folder.name, articles=tuple(articles), skipped=tuple(skipped))
