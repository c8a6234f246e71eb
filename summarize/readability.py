"""Can a sentence stand alone in a briefing? Checks shared by selection (which never chooses
a sentence that fails them) and `benchmarks/readability.py` (which counts failures in
what we wrote).

A briefing's sentences are lifted out of their articles: a reader never sees the
sentence before, the speaker the reporter named two paragraphs up, or the date of the
article. These checks find what breaks when that context is gone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

import numpy as np

from summarize.words import STOP_WORDS

# A quotation of this many words or more is someone's statement; fewer is a term in
# quotation marks (a “housing crisis”), which needs no speaker.
MIN_QUOTED_WORDS = 4
_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")
_SPEECH = re.compile(
    r"\b(?:said|says|say|saying|told|tells|added|adds|asked|stated|declared|noted|wrote|"
    r"writes|insisted|argued|explained|warned|announced|urged|stressed|recalled|"
    r"acknowledged|replied|according to|quoted|vowed|vows|pledged|pledges|promised|"
    r"promises|called|calls|calling|described|describes|describing|claimed|claims|"
    r"denied|denies|admitted|predicted|cautioned|suggested|toasted|hailed|praised)\b"
)
# Who says something without being named: a reader cannot tell which official.
GENERIC_SPEAKERS = frozenset(
    "official officials spokesman spokeswoman spokesperson police authorities experts "
    "analysts witnesses residents critics sources observers diplomats aides officers "
    "people person source statement report reports president minister".split()
)
_NAME = re.compile(r"^(?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*|[A-Z]{2,}|[A-Z]\.(?:[A-Z]\.)*)$")

# Sentences whose only news is that there is none.
_NO_NEWS = re.compile(
    r"\b(?:declined|refused|unavailable|not available|could not be reached|"
    r"did not (?:immediately )?(?:respond|return|reply)|no immediate)\b[^.]{0,40}"
    r"\b(?:comment|comments|request|requests|calls?|messages?|reply|response)\b"
    r"|\bno comment\b",
    re.IGNORECASE,
)

# Datelines and wire codes left in a sentence: "WASHINGTON _", "SYDNEY, September 28
# (Xinhua) --", "(AP)".
_DATELINE_LEFT = re.compile(
    r"^[A-Z][A-Z.' -]{2,}(?:,[^(]{1,40})?(?:\([A-Za-z ]{2,20}\))?\s*(?:--|_|—|–)\s"
    r"|\((?:AP|Xinhua|Reuters|AFP|UPI|dpa)\)"
)


def quoted_spans(text: str) -> list[str]:
    """The quotations of a sentence (typographic or straight marks), each with its marks."""
    return _QUOTED.findall(text)


# "…, he said." / "said she.": the speaker was named in a sentence the reader never saw.
_PRONOUN_ATTRIBUTION = re.compile(
    r"[,”\"]\s*(?:he|she|they|it|we|i)\s+(?:said|says|added|adds|told\s+\S+|explained|noted|"
    r"wrote|insisted|argued|warned|recalled)\s*[.!]?[”\"]?\s*$"
    r"|\b(?:said|says|added)\s+(?:he|she|they)\s*[.!]\s*$",
    re.IGNORECASE,
)


def unnamed_quote(text: str) -> bool:
    """A statement whose speaker the sentence does not name: a quotation with no
    attribution, or attributed to a pronoun or a generic noun ("officials said"), and any
    sentence that ends in "he said"."""
    if _PRONOUN_ATTRIBUTION.search(text[-60:]):  # it ends the sentence
        return True
    if "“" not in text and '"' not in text:
        return False
    spans = [s for s in quoted_spans(text) if len(s.split()) >= MIN_QUOTED_WORDS]
    if not spans:
        return False
    outside = _QUOTED.sub(" ", text)
    speech = list(_SPEECH.finditer(outside))
    if not speech:
        return True
    for verb in speech:
        before = outside[: verb.start()].split()[-4:]
        after = outside[verb.end():].split()[:2]
        if any(_is_name(w) for w in before):
            return False
        # "said Mr. Cuomo", "according to Putin": the speaker follows the verb directly
        if after and (_is_name(after[0]) or (after[0] in ("Mr.", "Ms.", "Mrs.", "Dr.")
                                             and len(after) > 1 and _is_name(after[1]))):
            return False
    return True


def _is_name(word: str) -> bool:
    word = word.strip(",.;:()“”\"'’")
    if word.endswith("'s") or word.endswith("’s"):
        word = word[:-2]
    return bool(_NAME.match(word)) and word.lower() not in STOP_WORDS \
        and word.lower() not in GENERIC_SPEAKERS


_NO_NEWS_WORDS = ("comment", "request", "call", "message", "repl", "respon")


def no_news(text: str) -> bool:
    """Says only that someone would not or could not comment."""
    lowered = text.lower()
    return any(w in lowered for w in _NO_NEWS_WORDS) and bool(_NO_NEWS.search(text))


def has_dateline(text: str) -> bool:
    """Opens with a dateline, or carries a wire's code ("(AP)")."""
    return bool(_DATELINE_LEFT.search(text))


# Two sentences say the same thing when most of the shorter one's stemmed content words
# are in the other, and enough of them to be a statement, not a shared name.
RESTATED_SHARE = 0.6
RESTATED_MIN_WORDS = 4


def restates(terms: Collection[str], other: Collection[str]) -> bool:
    """Two sentences say the same thing: at least RESTATED_SHARE of the stemmed content
    words (attribution words like "said" left out) of the shorter one, and at least
    RESTATED_MIN_WORDS of them, are in the other."""
    a, b = set(terms) - _attribution(), set(other) - _attribution()
    return bool(restated(len(a & b), min(len(a), len(b))))


def restated(shared: int | np.ndarray, smaller: int | np.ndarray) -> bool | np.ndarray:
    """`restates` from the number of words two sentences share and the number the shorter
    one has: numbers, or numpy arrays of them (then a mask)."""
    return (shared >= RESTATED_MIN_WORDS) & (shared >= RESTATED_SHARE * smaller)


def _attribution() -> frozenset[str]:
    from summarize.redundancy import attribution

    return attribution()


# -- time: what a sentence means a week after it was written --------------------------------

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
        day = published + dt.timedelta(days=offset)
        return f"{match.group(0)} ({_MONTH_ABBREVIATIONS[day.month - 1]} {day.day})"

    return _RELATIVE_DAY.sub(anchored, text)


# -- headlines ------------------------------------------------------------------------------

_LETTERS = re.compile(r"[^\W\d_]")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
HEADLINE_MAX_WORDS = 14


def is_all_caps(title: str) -> bool:
    """Written in capitals ("STUDY SAYS INDIANS ARE VICTIMS"): shouting, to a reader."""
    letters = _LETTERS.findall(title)
    words = [w for w in title.split() if _LETTERS.search(w)]
    return len(words) >= 2 and len(letters) >= 6 and all(c.isupper() for c in letters)


# A wire's slug line (ANPA 1312 keyword line): a budget code, the story's keywords joined
# by hyphens, its word count ("BC-NJ--Evolution & Schools,730"). Feeds pass it on as the
# title when the headline is missing; it is a filing label, not a headline.
_SLUG = re.compile(r"^[A-Z]{1,4}-\S*-|(?<=[^\W\d_]),\d{2,5}$")


def is_wire_slug(title: str) -> bool:
    return bool(_SLUG.search(title.strip()))


def truecase(title: str, sentences: list[str]) -> str:
    """A capitals-only title in sentence case, each word as the event's sentences usually
    write it inside a sentence ("Indians", "casino"); the first word capitalized (after
    Lita et al. 2003, truecasing by the most frequent form)."""
    forms: dict[str, dict[str, int]] = {}
    for sentence in sentences:
        for match in list(_TOKEN.finditer(sentence))[1:]:  # the first word is capitalized anyway
            word = match.group()
            counts = forms.setdefault(word.lower(), {})
            counts[word] = counts.get(word, 0) + 1

    def usual(match: re.Match[str]) -> str:
        word = match.group()
        seen = forms.get(word.lower())
        if not seen:
            return word.lower()
        return max(seen.items(), key=lambda kv: (kv[1], kv[0]))[0]

    cased = _TOKEN.sub(usual, title)
    first = _LETTERS.search(cased)
    if first:
        cased = cased[: first.start()] + cased[first.start()].upper() + cased[first.start() + 1:]
    return cased


def headline_from(sentence: str) -> str:
    """A headline from the lead sentence: its first clause, at most HEADLINE_MAX_WORDS
    words (cut at a word, marked with "…"), without the final period."""
    clause = re.split(r",\s|;\s|\s[—–]\s|\s--\s", sentence, maxsplit=1)[0].rstrip(" .")
    words = clause.split()
    if len(words) > HEADLINE_MAX_WORDS:
        return " ".join(words[:HEADLINE_MAX_WORDS]) + "…"
    return clause
