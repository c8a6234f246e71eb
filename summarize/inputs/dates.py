"""Publication dates as feeds, pages and front matter write them.

ISO 8601 with or without time and zone (`2023-09-12`, `2023-09-12T14:15:00Z`), RFC 2822 as
RSS writes it (`Tue, 12 Sep 2023 14:15:00 GMT`, through the standard library's e-mail
parser), and written dates (`September 12, 2023`, `12 Sept. 2023`, through dateutil). A
numeric date whose day and month could be swapped (`12/09/2023`) is never guessed: the
caller is told it is ambiguous, and `settle_day_month` reads it the way the same outlet's
other dates in the event are written (`07/25/1998`: month first), when they all agree. The
date kept is the one the source wrote, in its own zone.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarize.models import Article

log = logging.getLogger(__name__)

# 1998-30-06: some newswire archives write year-day-month; read only when unambiguous.
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$"
_YEAR_FIRST = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME)
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})" + _TIME)
_NUMERIC_PARTS = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})[/.-](\d{4})")  # with its separator
_HAS_LETTERS = re.compile(r"[A-Za-z]{3}")
MAX_LENGTH = 80  # longer values are not dates; never hand them to a parser


class AmbiguousDate(ValueError):
    """A numeric date whose day and month can be read either way."""


def parse_date(value: object) -> dt.date | None:
    """The calendar date `value` states, None when it states none.

    Raises AmbiguousDate for `12/09/2023`-like values (day and month both ≤ 12 and different).
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > MAX_LENGTH:
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    if match := _YEAR_FIRST.match(text):
        year, first, second = (int(g) for g in match.groups())
        return _date(year, *((second, first) if first > 12 else (first, second)))
    if match := _NUMERIC.match(text):
        first, second, year = (int(g) for g in match.groups())
        if first <= 12 and second <= 12 and first != second:
            raise AmbiguousDate(f"{text!r}: day and month could be either way round")
        return _date(year, *((second, first) if first > 12 else (first, second)))
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    if _HAS_LETTERS.search(text):
        return _written(text)
    return None


def read_published(value: object, where: str) -> dt.date | None:
    """`parse_date` for a source's `published` field: what cannot be read is logged with
    `where` (the article's path) and left out, never guessed. An ambiguous numeric date is
    None here, for `settle_day_month` to read or report once the event's articles are in."""
    try:
        published = parse_date(value)
    except AmbiguousDate:
        return None
    if value is not None and published is None:
        log.warning("%s: 'published' is not a date: %.80r", where, str(value))
    return published


def numeric_date(value: object) -> str | None:
    """`value` when it is a date written in numbers, year last (`07/12/1998 07:24`,
    `25.07.1998`): the ones that `settle_day_month` learns from and reads."""
    if isinstance(value, str) and _NUMERIC.match(value.strip()):
        return value.strip()
    return None


def settle_day_month(articles: Sequence[Article]) -> list[Article]:
    """The articles, with those whose numeric date was ambiguous (`07/12/1998`) dated the
    way the same outlet writes its other numeric dates here (same separator): month first
    when one of them has a day past 12 in second place (`07/25/1998`), day first in the
    opposite case, and only when none says otherwise. The others stay undated, with a
    warning. Only the event's own articles count: its briefing never depends on another
    event's files."""
    numeric = [_numeric_parts(article) for article in articles]
    orders: defaultdict[tuple[str | None, str], set[str]] = defaultdict(set)
    for article, parts in zip(articles, numeric):
        if parts is not None and article.published is not None:  # (a real date)
            first, separator, second, _ = parts
            if first > 12 or second > 12:
                orders[article.outlet, separator].add("day" if first > 12 else "month")
    settled = []
    for article, parts in zip(articles, numeric):
        if parts is None or article.published is not None:
            settled.append(article)
            continue
        first, separator, second, year = parts
        if not (first <= 12 and second <= 12 and first != second):
            settled.append(article)  # not ambiguous: not a date at all (13/13/1998)
            continue
        found = orders.get((article.outlet, separator), set()) if article.outlet else set()
        if len(found) != 1:
            log.warning("%s: 'published' ignored: %r: day and month could be either way "
                        "round%s", article.path, article.numeric_date,
                        " (its outlet writes both)" if found else "")
            settled.append(article)
            continue
        (order,) = found
        month, day = (first, second) if order == "month" else (second, first)
        log.info("%s: 'published' %r read %s first, as %s writes its other dates here",
                 article.path, article.numeric_date, order, article.outlet)
        settled.append(replace(article, published=_date(year, month, day)))
    return settled


def _numeric_parts(article: Article) -> tuple[int, str, int, int] | None:
    """(first number, separator, second number, year) of the article's numeric date."""
    match = _NUMERIC_PARTS.match(article.numeric_date or "")
    if match is None:
        return None
    first, separator, second, year = match.groups()
    return int(first), separator, int(second), int(year)


def _written(text: str) -> dt.date | None:
    from dateutil import parser  # imported on first use

    try:
        # Fields the text does not state would come from `default`: a date without a year
        # or a day is not a publication date.
        first = parser.parse(text, fuzzy=False, default=dt.datetime(1, 1, 1))
        second = parser.parse(text, fuzzy=False, default=dt.datetime(2, 2, 2))
    except (parser.ParserError, OverflowError, ValueError):
        return None
    if first.date() != second.date():
        return None
    return first.date()


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
