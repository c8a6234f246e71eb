"""Loading: read the articles of an event folder or of a stream.

Which folders are events and what they are named is summarize/inputs/layout.py's. Articles are
`.txt` (plain text as scraped) or `.md` (optional YAML front matter with id, title, source, url,
published, then the body). Every file that cannot be used becomes a `SkippedFile` with its
reason: one bad article never stops its event, and nothing is dropped silently. A file
named `topic.txt` is not an article but the event's focus (summarize/text/focus.py).
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from pathlib import Path

import yaml

from summarize.errors import InputError
from summarize.inputs.dates import numeric_date, read_published
from summarize.inputs.decoding import UTF8, decode, valid_text
from summarize.inputs.feeds import read_feed
from summarize.inputs.html import read_compressed, read_html
from summarize.inputs.layout import (
    ARTICLE_SUFFIXES,
    FEED_SUFFIXES,
    FOCUS_FILE,
    HTML_SUFFIXES,
    SYNDICATION_SUFFIXES,
    article_suffix,
    printable,
)
from summarize.models import Article, Event, SkippedFile

log = logging.getLogger(__name__)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# Why a folder inside an event folder is not read: a stream nested at any depth is read
# with --group (`read_stream`).
NESTED_FOLDER = "folder inside an event (not read)"
FRONT_MATTER_KEYS = ("id", "title", "source", "url", "published", "focus")


# libyaml's C parser where PyYAML was built with it (its wheels are): 5x faster than the
# pure-Python one on front matter (1,250 DUC 2006 articles: 0.14 s against 0.69 s), and
# the same documents, as the Python one reads them.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterLoader(_SAFE_LOADER):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader reading every scalar as the text it is written as (null aside):
    front matter fields are text. `published: 2023-13-45` stays a string for
    `read_published` to judge and report, `title: 3.10` stays "3.10", and no tag can make a
    constructor fail (`!!bool x` raised KeyError, `!!timestamp garbage` AttributeError,
    `!!int` of 5,000 digits ValueError). Aliases are refused before it runs
    (`load_front_matter`)."""


for _tag in ("bool", "int", "float", "timestamp", "binary"):
    FrontMatterLoader.add_constructor(f"tag:yaml.org,2002:{_tag}",
                                      _SAFE_LOADER.construct_scalar)


def load_front_matter(text: str) -> object:
    """The YAML of a front matter block, without aliases: metadata never needs them, and
    nine nested aliases of nine make a "billion laughs" that grows to gigabytes. The
    parser's events are scanned first (the C composer cannot be told to refuse them), when
    the text has an alias's "*" at all."""
    for event in yaml.parse(text, Loader=_SAFE_LOADER) if "*" in text else ():
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases are not allowed in "
                                              "front matter", event.start_mark)
    return yaml.load(text, Loader=FrontMatterLoader)


def parse_front_matter(text: str, path: str) -> tuple[dict[str, str], str]:
    """Split a Markdown article into its front matter fields and its body.

    Invalid front matter is reported and ignored; the whole text then stays the body, so no
    story text is lost to a typo in the metadata.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        fields = load_front_matter(match.group(1)) or {}
    except yaml.YAMLError as error:
        log.warning("%s: front matter ignored, not valid YAML (%s)", path, error)
        return {}, text
    except (TypeError, RecursionError) as error:
        # a set of lists (unhashable), or brackets nested thousands deep: the metadata is
        # unusable, the story is not
        log.warning("%s: front matter ignored (%s: %s)", path, type(error).__name__,
                    str(error)[:200])
        return {}, text
    if not isinstance(fields, dict):
        log.warning("%s: front matter ignored, not a mapping", path)
        return {}, text
    unknown = sorted(str(k) for k in fields if k not in FRONT_MATTER_KEYS)
    if unknown:
        log.info("%s: front matter keys ignored: %s", path, ", ".join(unknown))
    # A list or a mapping is no title or date (and one nested 3,000 deep cannot even be
    # printed): such a field is left out, the others are kept.
    structured = [key for key in FRONT_MATTER_KEYS if not isinstance(fields.get(key), str | None)]
    for key in structured:
        log.warning("%s: front matter %r ignored: a %s, not text", path, key,
                    "list" if isinstance(fields[key], list) else "mapping")
    return ({key: valid_text(fields[key]) for key in FRONT_MATTER_KEYS
             if isinstance(fields.get(key), str)}, text[match.end() :])


def read_file(path: Path, relative: str, max_bytes: int,
              ) -> tuple[list[Article], list[SkippedFile]]:
    """The articles of one file (a feed holds many) and what was skipped, with reasons: the
    one place where a file becomes text, in event folders and streams alike. It never
    raises: a file that cannot be read, decoded, parsed or extracted is skipped with the
    reason, so one file never costs its event, nor a stream its run."""
    try:
        return _read_file(path, relative, max_bytes)
    except OSError as error:  # vanished or changed since its folder was listed
        return [], [SkippedFile(relative, f"cannot be read: {error.strerror or error}")]
    except Exception as error:  # a reader's bug (ours or a library's) costs its file only
        log.debug("%s: internal error", relative, exc_info=True)
        return [], [SkippedFile(relative, f"cannot be read: internal error: "
                                          f"{type(error).__name__}: {str(error)[:200]}")]


def _read_file(path: Path, relative: str, max_bytes: int,
               ) -> tuple[list[Article], list[SkippedFile]]:
    suffix = article_suffix(path.name)
    if suffix is None:
        return [], [SkippedFile(relative, "not an article (expected "
                                f"{', '.join(ARTICLE_SUFFIXES)})")]
    size = path.stat().st_size
    if size > max_bytes:
        return [], [SkippedFile(relative, f"larger than limits.max_article_bytes "
                                          f"({size} > {max_bytes})")]
    return read_bytes(path.read_bytes(), relative, suffix, max_bytes)


def read_bytes(raw: bytes, relative: str, suffix: str, max_bytes: int,
               ) -> tuple[list[Article], list[SkippedFile]]:
    """`read_file` on a file's bytes, read as the article kind `suffix` says."""
    if suffix.endswith(".gz"):
        unpacked = read_compressed(raw, max_bytes)
        if isinstance(unpacked, str):
            return [], [SkippedFile(relative, unpacked)]
        raw = unpacked
    name = relative.rsplit("/", 1)[-1]
    named = name.lower().endswith(suffix) and name.lower() != suffix
    stem = name[: -len(suffix)] if named else name
    if suffix in HTML_SUFFIXES:
        page = read_html(raw, relative, stem)
        return ([], [page]) if isinstance(page, SkippedFile) else ([page], [])
    if suffix in SYNDICATION_SUFFIXES:  # XML: its declaration says its encoding
        from summarize.inputs.syndication import read_syndication  # lxml, when needed

        return read_syndication(raw, relative, stem)
    decoded = decode(raw)
    if decoded is None:
        return [], [SkippedFile(relative, "binary file, not text")]
    text, encoding = decoded
    if encoding not in UTF8:
        log.info("%s: decoded as %s", relative, encoding)
    if not text.strip():
        return [], [SkippedFile(relative, "empty article")]
    if suffix in FEED_SUFFIXES:
        articles, skipped = read_feed(text, relative, suffix, stem)
        if encoding != "utf-8":  # the report says which entries were decoded otherwise
            articles = [replace(article, encoding=encoding) for article in articles]
        if not articles and not skipped:
            skipped = [SkippedFile(relative, "feed with no articles")]
        return articles, skipped
    article = read_text_article(text, encoding, relative, stem, suffix)
    return [article], []


def read_text_article(text: str, encoding: str, relative: str, stem: str,
                      suffix: str) -> Article:
    """A `.txt` (scraped) or `.md` (front matter + body) article."""
    fields: dict[str, str] = {}
    body = text
    if suffix == ".md":
        fields, body = parse_front_matter(text, relative)

    def text_field(key: str) -> str | None:
        value = fields.get(key)
        return value.strip() or None if value is not None else None

    published = read_published(fields.get("published"), relative)
    return Article(
        path=relative,
        id=text_field("id") or stem,
        body=body,
        format=suffix[1:],
        title=text_field("title"),
        outlet=text_field("source"),
        url=text_field("url"),
        published=published,
        encoding=encoding,
        focus=text_field("focus"),
        numeric_date=numeric_date(fields.get("published")),
    )


def load_event(folder: Path, root: Path, max_bytes: int,
               max_event_bytes: int | None = None) -> Event:
    """All articles of one event folder, in file-name order, and the files it skipped;
    files past `max_event_bytes` in total are skipped."""
    articles: list[Article] = []
    skipped: list[SkippedFile] = []
    focus = None
    total = 0
    resolved_root = root.resolve()
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as error:
        raise InputError(f"the event folder cannot be read: {error.strerror or error}") from None
    try:
        real_folder: Path | None = folder.resolve()
    except (OSError, RuntimeError):  # (a link loop made since it was listed) each file's own
        real_folder = None
    for path in entries:
        relative = path.relative_to(root).as_posix()
        if path.name.lower() == FOCUS_FILE and path.is_file():
            # read from inside the input folder only, as articles are (README, "Inputs")
            problem = unreadable(path, relative, resolved_root, real_folder)
            if problem:
                log.warning("%s: focus ignored: %s", printable(relative), problem)
                skipped.append(SkippedFile(printable(relative), problem))
            else:
                focus = read_focus(path, max_bytes)
            continue
        if path.is_dir():
            skipped.append(SkippedFile(relative, NESTED_FOLDER))
            continue
        problem = unreadable(path, relative, resolved_root, real_folder)
        if problem:
            log.warning("%s: skipped: %s", printable(relative), problem)
            skipped.append(SkippedFile(printable(relative), problem))
            continue
        size = path.stat().st_size
        if max_event_bytes is not None and total + size > max_event_bytes:
            skipped.append(SkippedFile(relative, f"the event's files pass "
                                                 f"limits.max_event_bytes ({max_event_bytes})"))
            log.warning("%s: skipped: the event's files pass limits.max_event_bytes", relative)
            continue
        total += size
        found, passed_over = read_file(path, relative, max_bytes)
        for item in passed_over:
            log.warning("%s: skipped: %s", item.path, item.reason)
        articles.extend(found)
        skipped.extend(passed_over)
    focus = focus or next((a.focus for a in articles if a.focus), None)
    return Event(slug=folder.name, articles=tuple(articles), skipped=tuple(skipped),
                 focus=focus)


def read_stream(source: Path, max_bytes: int, exclude: Path | None = None,
                ) -> tuple[list[Article], list[SkippedFile]]:
    """Every article of a flat input, for grouping: one feed or article file, or a
    folder's article files at any depth, in path order (paths relative to the folder;
    hidden entries and `exclude`, the output folder, are passed over). What cannot be
    read is skipped with its reason, as in an event folder; the caller reports it (once:
    `summarize group` prints it, a run logs it and lists it in its report)."""
    if source.is_file():
        found, skipped = _read_one(source, source.name, source.parent.resolve(), max_bytes)
        return found, skipped
    if not source.is_dir():
        raise InputError(f"input not found: {source}")
    articles: list[Article] = []
    skipped: list[SkippedFile] = []
    root = source.resolve()
    excluded = exclude.resolve() if exclude is not None else None
    pending = [source]
    while pending:
        folder = pending.pop()
        try:
            entries = sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError as error:
            relative = folder.relative_to(source).as_posix()
            skipped.append(SkippedFile(printable(relative) + "/", f"folder cannot be read: "
                                       f"{error.strerror or error}"))
            continue
        for path in entries:
            relative = path.relative_to(source).as_posix()
            if path.name.startswith("."):
                kind = "folder" if path.is_dir() else "file"
                skipped.append(SkippedFile(printable(relative), f"hidden {kind} (its name "
                                                                "starts with '.')"))
            elif path.is_dir() and not path.is_symlink():
                if excluded is None or path.resolve() != excluded:
                    pending.append(path)
            elif path.name.lower() == FOCUS_FILE:
                skipped.append(SkippedFile(printable(relative), "an event folder's focus "
                                           "file; grouping reads articles only"))
            else:
                found, passed_over = _read_one(path, relative, root, max_bytes)
                articles.extend(found)
                skipped.extend(passed_over)
    return sorted(articles, key=lambda a: a.path), sorted(skipped, key=lambda s: s.path)


def _read_one(path: Path, relative: str, root: Path, max_bytes: int,
              ) -> tuple[list[Article], list[SkippedFile]]:
    problem = unreadable(path, relative, root)
    if problem:
        return [], [SkippedFile(printable(relative), problem)]
    return read_file(path, relative, max_bytes)


def unreadable(path: Path, relative: str, root: Path,
               real_folder: Path | None = None) -> str | None:
    """Why a directory entry cannot be read as an article (never an exception: one bad
    file must not cost its event), or None. A file that cannot be opened is found when it
    is read (`load_event` catches the error there): opening it here too would read the
    folder twice. `real_folder`: the folder's resolved path, when known (an entry that is
    no link is where its folder is; resolving it looks up every folder of its path)."""
    if printable(relative) != relative:
        return "file name is not valid UTF-8"
    link = path.is_symlink()
    if link and not path.exists():  # exists() is False for loops too
        return "broken or looping symbolic link"
    try:
        real = real_folder if real_folder is not None and not link else path.resolve()
        if not real.is_relative_to(root):
            return "link to a file outside the input folder"
        if not path.is_file():
            return "not a regular file (a pipe, device or socket is never read)"
    except RuntimeError:  # a symbolic link loop, on Python versions that raise
        return "broken or looping symbolic link"
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"
    return None


def read_focus(path: Path, max_bytes: int) -> str | None:
    """The text of a focus file (summarize/text/focus.py); None, with a warning, when
    unreadable."""
    try:
        if path.stat().st_size > max_bytes:
            raise ValueError(f"larger than {max_bytes} bytes")
        decoded = decode(path.read_bytes())
        if decoded is None:
            raise ValueError("binary file, not text")
    except (OSError, ValueError) as error:
        log.warning("%s: focus ignored: %s", path, error)
        return None
    # (a topic's title line stays a line of its own: `titles.topic_title` reads it)
    lines = [" ".join(line.split()) for line in decoded[0].strip().split("\n\n")]
    return "\n".join(line for line in lines if line) or None
