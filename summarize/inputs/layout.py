"""The input's layout: which folders under an input root are events, the slug each
event's briefings are named by, what else the root holds and why it is not read, and
which file names are articles. No file is opened here: a run with nothing to build needs
this and none of the readers (summarize/inputs/loading.py).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from summarize.errors import InputError
from summarize.models import SkippedFile

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
FEED_SUFFIXES = (".json", ".jsonl", ".ndjson")
SYNDICATION_SUFFIXES = (".rss", ".atom", ".xml")  # RSS 2.0 and Atom (inputs/syndication.py)
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES + SYNDICATION_SUFFIXES
_LONGEST_FIRST = sorted(ARTICLE_SUFFIXES, key=len, reverse=True)  # ".html.gz" before ".gz"
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
STDIN = Path("-")  # `--input -`: the articles come on standard input (inputs/single.py)


LAYOUT = ("expected a folder with one sub-folder per event, each holding that event's "
          "articles (e.g. seeds/kim-putin-summit-2023/*.txt)")


def discover_events(root: Path) -> list[Path]:
    """The event folders under `root`, sorted by name; files at the root are ignored.

    An input that holds no event folder is an error, never a silent empty run: a scheduled
    job pointed at the wrong place must fail where someone will see it.
    """
    if root.is_file():
        raise InputError(f"{root} is a file; {LAYOUT}")
    if not root.is_dir():
        raise InputError(f"input folder not found: {root}")
    events = sorted(
        (p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.name,
    )
    if not events:
        articles = [p.name for p in root.iterdir() if p.is_file() and article_suffix(p.name)]
        hint = (f"; it holds {len(articles)} article file(s) directly: is it one event's "
                "folder? Give its parent folder; or is it a stream? Add --group to sort "
                "its articles into events" if articles else "")
        raise InputError(f"no event folders in {root}{hint}; {LAYOUT}")
    return events


# An event folder's file that is not an article but its focus: what the reader wants to know
# (summarize/text/focus.py).
FOCUS_FILE = "topic.txt"
# Names of files the run writes beside the briefings: no event may take them.
RESERVED_SLUGS = ("run-report", "index")  # run-report.json; index.html and index.xml
# <slug>.html in a file name of 255 bytes (slugs are ASCII)
MAX_SLUG_LENGTH = 255 - len(".html")


def passed_over(root: Path) -> list[SkippedFile]:
    """What the input root holds besides event folders, with why it is not read: nothing
    in the input goes unmentioned."""
    found = []
    for path in sorted(root.iterdir(), key=lambda p: p.name):
        name = printable(path.name)
        if path.is_dir() and path.name.startswith("."):
            found.append(SkippedFile(name + "/", "hidden folder (its name starts with '.')"))
        elif not path.is_dir():
            found.append(SkippedFile(name, "not in an event folder (the input holds one "
                                           "folder per event)"))
    return found


def name_events(folders: list[Path]) -> tuple[list[tuple[str, Path]], list[tuple[str, str]]]:
    """Each event folder's slug, which names its output files: the folder's name when it
    is one (letters, digits, '.', '_', '-'), else the name with accents folded and every
    other run of characters made a '-' ("Kim Putin summit!" -> "Kim-Putin-summit").
    Returns the named events and, for the folders that cannot have one (nothing left, a
    reserved name, a slug another folder already has), why."""
    named: list[tuple[str, Path]] = []
    failed: list[tuple[str, str]] = []
    taken: dict[str, str] = {}
    # folders named as slugs first: a folder never loses its own name to a made-up one
    for folder in sorted(folders, key=lambda f: (not _SLUG.match(f.name), f.name)):
        shown = printable(folder.name)
        slug = folder.name if _SLUG.match(folder.name) else re.sub(
            r"[^A-Za-z0-9._-]+", "-", ascii_folded(shown)).strip("-._")
        problem = check_slug(slug) if slug else "no letter or digit to name its briefing by"
        if problem is None and slug.lower() in taken:
            problem = f"its briefing's name {slug!r} is taken by folder {taken[slug.lower()]!r}"
        if problem:
            failed.append((shown, problem))
            continue
        taken[slug.lower()] = shown
        named.append((slug, folder))
    return sorted(named, key=lambda event: event[1].name), failed


def ascii_folded(text: str) -> str:
    """The text with accents folded and other non-ASCII characters dropped ("Évora" ->
    "Evora"): what an event's name is made of."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def check_slug(name: str) -> str | None:
    """Why a folder name cannot be an event slug (it names output files), or None."""
    if not _SLUG.match(name) or name in (".", ".."):
        return "event folder names may use only letters, digits, '.', '_' and '-'"
    if name.lower() in RESERVED_SLUGS:
        return f"{name!r} is reserved for the run's own files; rename the folder"
    if len(name) > MAX_SLUG_LENGTH:
        return (f"event folder names may have {MAX_SLUG_LENGTH} characters at most (its "
                "briefing's files are named after it)")
    return None


def article_suffix(name: str) -> str | None:
    """The article kind a file name says (".txt", ".html.gz", ".jsonl"…), or None."""
    lowered = name.lower()
    return next((s for s in _LONGEST_FIRST if lowered.endswith(s)), None)


def printable(name: str) -> str:
    """A path as text that can be printed and written to JSON: bytes that are not UTF-8
    (kept by the OS as surrogate escapes) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
