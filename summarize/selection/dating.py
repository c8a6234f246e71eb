"""Weekdays in a sentence, dated: "on Thursday" means nothing a week after the article was
written, so a briefing adds the date the weekday stands for, where it can tell it."""

from __future__ import annotations

import datetime as dt
import re

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_RELATIVE_DAY = re.compile(
    r"\b(?P<lead>(?:on|last|next|this|since|until|by|from|late|early)\s+)?"
    r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"(?!\s*\()(?!,?\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)\s+\d)"
)
_FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|(?:is|are) (?:expected|set|due|scheduled|slated|"
    r"going) to|plans? to|planned for)\b",
    re.IGNORECASE,
)
# AP style: months of five letters or fewer are spelled out.
_MONTH_ABBREVIATIONS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
                        "Sept.", "Oct.", "Nov.", "Dec.")


_FUTURE_WORDS = ("will", "shall", "is to", "are to", "expected", "set to", "due to",
                 "scheduled", "slated", "going to", "plan")


def announces_future(text: str) -> bool:
    """Speaks of what will happen ("The talks will focus on …", "is expected to")."""
    lowered = text.lower()
    return any(w in lowered for w in _FUTURE_WORDS) and bool(_FUTURE.search(text))


def date_weekdays(text: str, published: dt.date | None) -> str:
    """"on Tuesday" -> "on Tuesday (Sept. 12)": the date a weekday names, from the article's
    publication date, so that the sentence still makes sense a week later. A weekday is
    the last one on or before publication, or the next one after it when its clause
    speaks of the future ("will meet on Tuesday", "next Tuesday"). Unchanged without a
    date."""
    if published is None or "day" not in text:  # (every weekday's name ends in "day")
        return text
    dated: set[str] = set()

    def anchored(match: re.Match[str]) -> str:
        # Once per weekday and sentence; not inside a possessive ("Tuesday's crash").
        if match.group("day") in dated or text[match.end():match.end() + 2] in ("'s", "’s"):
            return match.group(0)
        dated.add(match.group("day"))
        lead = (match.group("lead") or "").strip().lower()
        target = _WEEKDAYS.index(match.group("day"))
        # The tense of the weekday's own clause: "arrived on Tuesday, where he is expected
        # to…" is a past Tuesday.
        clause = re.split(r"[,;:—–()]|\s--\s", text[: match.start()])[-1]
        future = announces_future(clause)
        if lead == "next" or (future and lead not in ("last", "since")):
            offset = (target - published.weekday()) % 7 or 7
        else:
            offset = -((published.weekday() - target) % 7)
        if not 1 <= published.toordinal() + offset <= dt.date.max.toordinal():
            return match.group(0)  # a day before year 1 or after 9999: no calendar date
        day = published + dt.timedelta(days=offset)
        return f"{match.group(0)} ({_MONTH_ABBREVIATIONS[day.month - 1]} {day.day})"

    return _RELATIVE_DAY.sub(anchored, text)

