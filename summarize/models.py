"""The plain data that flows between stages.

load -> Article; clean -> CleanArticle; split -> Sentence; rank -> scores (numpy);
select/order -> Selection; render -> Briefing. Stages never mutate what they receive.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One article file as read from disk, before any cleaning."""

    path: str  # relative to the input root, POSIX separators; "feed.jsonl#3" for feed entries
    id: str
    body: str
    format: str  # "txt" (scraped), "md", "html" (extracted story) or "feed" (a feed's text)
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    encoding: str = "utf-8"
    author: str | None = None
    event: str | None = None  # the event a feed entry names, if any
    focus: str | None = None  # what the reader wants to know (front matter `focus:`)
    # `published` as written when it is all numbers (`07/12/1998`): when day and month could
    # be either way round, the outlet's other dates settle them (inputs/dates.py)
    numeric_date: str | None = None


@dataclass(frozen=True)
class DroppedLine:
    """A line that cleaning removed, and the rule that removed it (for --explain)."""

    text: str
    reason: str


@dataclass(frozen=True)
class CleanArticle:
    """An article's story text and its metadata; front matter wins over what the text says."""

    path: str
    id: str
    paragraphs: tuple[str, ...]
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    dateline: str | None = None
    dropped: tuple[DroppedLine, ...] = ()
    language: str | None = None  # ISO 639-1 code of the story text, as detected
    author: str | None = None  # as the source states it, or its byline


@dataclass(frozen=True)
class Sentence:
    """One sentence of an event, addressed by the article it came from and its place there."""

    text: str
    article: int  # index into the event's articles
    position: int  # 0-based index of the sentence within its article


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str


@dataclass(frozen=True)
class Event:
    """One folder of articles about the same event."""

    slug: str
    articles: tuple[Article, ...]
    skipped: tuple[SkippedFile, ...] = ()
    focus: str | None = None  # the folder's topic.txt, or an article's front matter focus


@dataclass(frozen=True)
class ChosenSentence:
    """A sentence of the briefing with the articles that back it (first = its own)."""

    sentence: Sentence  # as the briefing shows it; `article` and `position` cite its source
    score: float
    sources: tuple[int, ...]  # article indices, earliest publication first
    # the source sentence's own words, when the briefing rewrote a first mention in it
    # (selection/references.py); None when it shows them as written
    source_text: str | None = None


@dataclass(frozen=True)
class Briefing:
    """One event's briefing as data: rendering turns it into Markdown and JSON."""

    event: str
    title: str
    sentences: tuple[ChosenSentence, ...]  # in reading order
    lead: frozenset[int]  # indices into `sentences` that form the lead paragraph
    articles: tuple[CleanArticle, ...]
    config: dict = field(default_factory=dict)
    language: str = "en"  # ISO 639-1 code of the language it is written in
    # the event's articles in other languages, listed as coverage (`languages.others`)
    elsewhere: tuple[CleanArticle, ...] = ()
