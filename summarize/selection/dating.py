"""Weekdays in a sentence, dated right or not at all: "on Thursday" means nothing a week
after the article was written, so a briefing adds the date the weekday stands for, where
the sentence tells it.

The rule is Mani & Wilson's ("Robust temporal processing of news", ACL 2000) for a
weekday named without a date: the tense of the verb that governs it decides the
direction from the article's publication date. A weekday in a past clause (main or
subordinate, "… after the council approved the plan on Thursday") is the latest such day
on or before publication; in a future clause ("will meet on Friday", "is expected to
arrive Saturday"), the first on or after it. Anything else is left undated, because a
reader trusts a bracketed date more than anything else in the sentence:

- another time in the weekday's reach moves the week ("on Monday last year", "In 1995,
  … on Monday", "two weeks later, on Friday", "… in March when … on Monday");
- the weekday is not this week's ("last Monday": the latest, or the one before it?;
  "next Tuesday", "this Sunday", "every Friday", "a Monday", "Friday to Sunday"), or a
  name ("Good Friday", "Tuesday's vote" is left alone too);
- the tense does not tell: the present simple ("the trial begins Monday"), "would",
  "could", "was to", an infinitive after a past verb ("decided on Tuesday to resign on
  Friday"), a past verb that sets a later day ("scheduled a hearing for Monday",
  "adjourned until Monday"), a past perfect beside another weekday ("had been agreed on
  Monday, collapsed on Wednesday");
- the day would be the one after publication in a past clause, or the one before it in a
  future clause: a story filed across midnight or from a time zone ahead.

"Yesterday", "today" and "tomorrow" are dated the same way, a day before, on or after
publication (Mani & Wilson resolve them from the document date too), where the tense
agrees: "yesterday" in a past clause, "tomorrow" in a future one, "today" in either. A
"today" in the present ("Today, more women play …") is "nowadays", not a day, and gets no
date; so does one in any doubt above ("a year ago today", "until tomorrow"). An undated
article's relative days stay as written: `unplaced_days` tells which sentences have one,
so that the lead can prefer a sentence a reader can place.

In a story whose articles span more than one year, a weekday's date carries its year, and
"this year", "last year" and "next year" the year they stand for (the publication year, the
one before, the one after): "Monday (Feb. 16)" and "last year" cannot be placed among the
years of a long story.
"""

from __future__ import annotations

import datetime as dt
import re

from summarize.text.tense import (
    FUTURE,
    PARTICIPLE,
    PAST,
    PAST_PERFECT,
    Group,
    Parsed,
    clause_bounds,
    governing_group,
    parse,
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# AP style: months of five letters or fewer are spelled out.
MONTH_ABBREVIATIONS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
                       "Sept.", "Oct.", "Nov.", "Dec.")
_MONTHS = (r"January|February|March|April|May|June|July|August|September|October|November|"
           r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.")
_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# Days named from the day of writing, and how far from it each is.
RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}
_DAY = re.compile(r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|[Yy]esterday|[Tt]oday|"
                  r"[Tt]omorrow)\b")
# A day only the day of writing places: "today", "yesterday", "this morning", unless its
# date follows ("yesterday afternoon (March 6)", as `date_weekdays` writes it).
_UNPLACED = re.compile(r"\b(?:today|tonight|yesterday|tomorrow|last night|this (?:morning|"
                       r"afternoon|evening))\b(?!(?:\s+(?:morning|afternoon|evening|night))?"
                       r"\s*\()", re.IGNORECASE)
# The tenses a relative day can be dated in.
_RELATIVE_TENSES = {-1: (PAST, PARTICIPLE), 0: (PAST, PARTICIPLE, FUTURE), 1: (FUTURE,)}
# Times that say which week, month or year a clause speaks of.
_SHIFTED = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b"
    r"|\bago\b"
    r"|\b(?:last|next|this|previous|following|coming|past|same|that|the)\s+"
    r"(?:week|weekend|month|year|season|spring|summer|fall|autumn|winter|decade|century|"
    r"term|semester|quarter|day|night|morning|evening|afternoon)s?\b(?<!\bthis morning)"
    r"(?<!\bthis afternoon)(?<!\bthis evening)(?<!\bthe morning)(?<!\bthe night)"
    r"(?<!\bthe afternoon)(?<!\bthe evening)(?<!\bthe day)"
    r"|\b(?:earlier|later)\s+(?:this|that|in|on)\b"
    r"|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|\d+)\s+"
    r"(?:days?|weeks?|months?|years?|decades?)\s+(?:later|earlier|before|after|from now|on)\b"
    r"|\b(?:days|weeks|months|years)\s+(?:later|earlier)\b"
    r"|\bthe\s+(?:next|following|previous|preceding)\s+day\b|\bthe\s+day\s+(?:before|after)\b"
    r"|\bin\s+the\s+(?:past|coming|next|last)\b"
    rf"|\b(?:{_MONTHS})\s+\d|\b(?:in|last|next|this|early|late|mid|since|until|by|of)[\s-]+"
    rf"(?:{_MONTHS})\b|\b(?:January|February|April|June|July|August|September|October|"
    r"November|December)\b",
)
# Before a weekday, these make it some other day than this week's.
_NOT_THIS_WEEK = frozenset("last next this that every each a an the one following previous "
                           "coming past same any some".split())
# Holidays and named days: "Good Friday", "Black Monday", "Super Tuesday".
NAMED_DAYS = frozenset("good black super ash maundy holy easter palm bloody cyber whit shrove "
                       "low".split())
# After a weekday: its date already ("Monday, Sept. 11", "Monday (Sept. 11)"), a shift
# ("Monday last week"), a range ("Monday-Friday"), a possessive, or a name it begins
# ("the Sunday Times", "Monday Night Football").
_AFTER_WEEKDAY = re.compile(
    rf",?\s*(?:(?:(?:night|morning|afternoon|evening)\s*)?\(|(?:{_MONTHS})\s+\d"
    rf"|\d{{1,2}}\s+(?:{_MONTHS}))"
    r"|\s*(?:,\s*)?(?:(?:night|morning|afternoon|evening)\s+)?(?:last|next|this|of\s+"
    r"(?:last|next|that))\s+(?:week|weekend|month|year)\b"
    r"|\s*(?:-|–|through|to|and|or|&)\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)\b|['’]s\b|\s+[A-Z]")
_PART_OF_DAY = re.compile(r"\s+(?:night|morning|afternoon|evening)\b")
# A clause opened by one of these happens at the time of the clause before it ("… in 1995
# when the cases landed on his desk Monday").
_TEMPORAL = frozenset("when while as after before once until since".split())
# The time a story is filed and the date it carries can be a day apart.
_ONE_DAY_OFF = 6


_FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|(?:is|are) (?:expected|set|due|scheduled|slated|"
    r"going) to|plans? to|planned for)\b",
    re.IGNORECASE,
)
_FUTURE_WORDS = ("will", "shall", "is to", "are to", "expected", "set to", "due to",
                 "scheduled", "slated", "going to", "plan")


def announces_future(text: str) -> bool:
    """Speaks of what will happen ("The talks will focus on …", "is expected to")."""
    lowered = text.lower()
    return any(w in lowered for w in _FUTURE_WORDS) and bool(_FUTURE.search(text))


# "this year", "last year", "next year" as a calendar year (not "the last year", the past
# twelve months, nor "this year's", where a bracket would split the possessive)
_RELATIVE_YEAR = re.compile(r"(?<!\bthe )\b(this|last|next) year\b(?!['’(]| \()", re.IGNORECASE)
_YEAR_OFFSET = {"this": 0, "last": -1, "next": 1}


def date_years(text: str, published: dt.date) -> str:
    """"last year" -> "last year (1997)" in an article published in 1998: for a briefing
    whose articles span several years, where the reader cannot tell which year is meant."""
    if "year" not in text:
        return text
    return _RELATIVE_YEAR.sub(
        lambda m: f"{m.group()} ({published.year + _YEAR_OFFSET[m.group(1).lower()]})", text)


def date_weekdays(text: str, published: dt.date | None, with_year: bool = False) -> str:
    """"on Tuesday" -> "on Tuesday (Sept. 12)", "Tuesday night" -> "Tuesday night (Sept.
    12)": each weekday the sentence dates (see the module docstring), once per weekday,
    and "yesterday", "today" and "tomorrow" as well; "(Sept. 12, 2023)" `with_year`, for a
    briefing whose articles span more than one year (a reader cannot place "Monday (Feb.
    16)" among the years of a long story). Unchanged without a publication date."""
    if published is None:
        return text
    if with_year:
        text = date_years(text, published)
    if "day" not in text and "orrow" not in text:
        return text  # (every weekday's name ends in "day", and so do two of three others)
    matches = list(_DAY.finditer(text))
    if not matches:
        return text
    parsed = parse(text)
    pieces, done, dated = [], 0, set()
    for match in matches:
        if match.group() in dated:
            continue
        day = (relative_date(parsed, text, match, published)
               if match.group().lower() in RELATIVE_DAYS
               else weekday_date(parsed, text, match, published))
        if day is None:
            continue
        dated.add(match.group())
        tail = _PART_OF_DAY.match(text, match.end())
        end = tail.end() if tail else match.end()
        year = f", {day.year}" if with_year else ""
        pieces.append(f"{text[done:end]} ({MONTH_ABBREVIATIONS[day.month - 1]} {day.day}{year})")
        done = end
    return "".join(pieces) + text[done:]


def unplaced_days(text: str) -> bool:
    """The sentence names a day from the day of writing that no date places ("was
    arrested yesterday and will be arraigned today", "this morning", in an undated
    article)."""
    return bool(_UNPLACED.search(text))


def relative_date(parsed: Parsed, text: str, match: re.Match[str],
                  published: dt.date) -> dt.date | None:
    """The date "yesterday", "today" or "tomorrow" (`match`) names, or None when the
    sentence does not tell it: the tense of its clause must agree, and nothing in its
    reach may move it (see the module docstring)."""
    if _AFTER_WEEKDAY.match(text, match.end()):
        return None
    position = parsed.spans.index(match.span())
    previous = parsed.words[position - 1].lower() if position else ""
    if previous in ("for", "until", "till", "since", "by"):
        return None
    group = governing_group(parsed, position)
    shift = RELATIVE_DAYS[match.group().lower()]
    if group is None or group.tense not in _RELATIVE_TENSES[shift]:
        return None
    if _SHIFTED.search(" ".join(parsed.words[k] for k in _reach(parsed, position, group))):
        return None
    return _shifted(published, shift)


def weekday_date(parsed: Parsed, text: str, match: re.Match[str],
                 published: dt.date) -> dt.date | None:
    """The date the weekday `match` names, or None when the sentence does not tell it."""
    if _AFTER_WEEKDAY.match(text, match.end()):
        return None
    position = parsed.spans.index(match.span())
    words = parsed.words
    previous = words[position - 1].lower() if position else ""
    if previous in _NOT_THIS_WEEK or previous in NAMED_DAYS:
        return None
    if position > 1 and previous in ("to", "through", "-", "–", "and", "or", "&") \
            and words[position - 2] in WEEKDAYS:
        return None  # the end of a range: "Friday to Sunday"
    group = governing_group(parsed, position)
    if group is None:
        return None
    reach = _reach(parsed, position, group)
    if _SHIFTED.search(" ".join(words[k] for k in reach)):
        return None
    tense = group.tense
    if previous in ("for", "until", "till") and tense in (PAST, PARTICIPLE, PAST_PERFECT):
        return None  # "scheduled a hearing for Monday", "adjourned until Monday": later
    if tense == PAST_PERFECT:
        # the latest such day, unless the sentence names a day it came before
        tense = PAST if len(_WEEKDAY.findall(text)) == 1 else None
    target = WEEKDAYS.index(match.group())
    if tense in (PAST, PARTICIPLE):
        back = (published.weekday() - target) % 7
        return _shifted(published, -back) if back < _ONE_DAY_OFF else None
    if tense == FUTURE:
        ahead = (target - published.weekday()) % 7
        return _shifted(published, ahead) if ahead < _ONE_DAY_OFF else None
    return None


def _reach(parsed: Parsed, position: int, group: Group) -> list[int]:
    """The words whose times could move the weekday's week: from the governing verb to the
    weekday and on to the next verb, within commas, clause marks and infinitives; the
    clause's opening stretch before its first verb (a fronted "Last year, …"); and all
    that goes before a temporal clause ("… in 1995 when …")."""
    words, marks, groups = parsed.words, parsed.marks, parsed.groups
    cuts = [k for k, w in enumerate(words) if marks[k] or w == "," or
            (w == "to" and k + 1 < len(words) and words[k + 1][:1].islower())]
    first, last = min(group.start, position), max(group.end - 1, position)
    lo = max([c + 1 for c in cuts if c < first]
             + [g.end for g in groups if g.end <= first], default=0)
    hi = min([c for c in cuts if c > last] + [g.start for g in groups if g.start > last],
             default=len(words))
    reach = set(range(lo, hi))
    start, _ = clause_bounds(marks, position)
    first_verb = min((g.start for g in groups if g.start >= start), default=len(words))
    reach |= set(range(start, min(first_verb, position)))
    if start and words[start - 1].lower() in _TEMPORAL:
        reach |= set(range(start))
    return sorted(reach)


def _shifted(published: dt.date, days: int) -> dt.date | None:
    """The day `days` from `published`, or None outside the calendar (a date of year 1 or
    9999 in a feed: "0001-01-01" beside a weekday stopped its event with OverflowError)."""
    ordinal = published.toordinal() + days
    return dt.date.fromordinal(ordinal) if 1 <= ordinal <= dt.date.max.toordinal() else None
