"""What is new: the sentences of a briefing that its reader has not seen before.

A reader who comes back after the next run wants to see what changed. The run's state
keeps, per event, the sentences of the briefing now published (`current`) and of the one
before it (`previous`), each with the time it was written. A rebuilt briefing is compared
with `current`; when it says the same things (a new article that adds nothing, a reorder),
it keeps comparing with `previous`, so the marks a reader may not have seen yet survive a
rebuild that changed nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Version:
    """One published briefing of an event: its sentences and when it was written."""

    sentences: frozenset[str]
    written: str  # ISO 8601, UTC: "2026-11-23T05:00:00Z"

    @classmethod
    def from_state(cls, record: Any) -> Version | None:
        """The version a state entry holds, or None when it holds none (or garbage)."""
        if not isinstance(record, dict):
            return None
        sentences, written = record.get("sentences"), record.get("written")
        if not isinstance(sentences, list) or not isinstance(written, str):
            return None
        return cls(frozenset(s for s in sentences if isinstance(s, str)), written)

    def to_state(self) -> dict[str, Any]:
        return {"written": self.written, "sentences": sorted(self.sentences)}


@dataclass(frozen=True)
class History:
    """What an event's readers have seen: the briefing now published and the one before."""

    current: Version | None = None
    previous: Version | None = None


def briefing_texts(data: dict[str, Any]) -> frozenset[str]:
    return frozenset(sentence["text"] for sentence in data["sentences"])


def is_change(data: dict[str, Any], history: History) -> bool:
    """Whether this briefing says something the published one does not (or drops
    something it says): only then is it a new version, an update for the index and feed."""
    return history.current is None or briefing_texts(data) != history.current.sentences


def mark_new(data: dict[str, Any], history: History) -> dict[str, Any]:
    """The briefing's data with `since` (when the version it is compared with was written)
    and each sentence's `new` flag. A first briefing marks nothing: all of it is new."""
    baseline = history.current if is_change(data, history) else history.previous
    if baseline is None:
        return data
    sentences = [{**sentence, "new": sentence["text"] not in baseline.sentences}
                 for sentence in data["sentences"]]
    return {**data, "since": baseline.written, "sentences": sentences}


def next_history(data: dict[str, Any], history: History, now: str) -> History:
    """The history after this briefing is published at `now`."""
    if not is_change(data, history):
        return history
    return History(Version(briefing_texts(data), now), history.current)


def iso_time(moment: dt.datetime) -> str:
    """"2026-11-23T05:00:00Z": the form the state, the JSON and the feed use."""
    return moment.astimezone(dt.UTC).replace(microsecond=0).strftime(
        "%Y-%m-%dT%H:%M:%SZ")


def reader_time(iso: str) -> str:
    """"2026-11-23 05:00 UTC": the form a reader sees."""
    return iso.replace("T", " ")[:16] + " UTC"
