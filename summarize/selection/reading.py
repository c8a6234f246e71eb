"""Can a sentence stand alone in a briefing? Checks shared by selection (which never chooses
a sentence that fails them) and `benchmarks/readability.py` (which counts failures in
what we wrote).

A briefing's sentences are lifted out of their articles: a reader never sees the
sentence before, the speaker the reporter named two paragraphs up, or the date of the
article. These checks find what breaks when that context is gone.
"""

from __future__ import annotations

import re
from collections.abc import Collection

import numpy as np

from summarize.text.words import STOP_WORDS

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


def restates(terms: Collection[str], other: Collection[str], language: str = "en") -> bool:
    """Two sentences say the same thing: at least RESTATED_SHARE of the stemmed content
    words (attribution words like "said" left out) of the shorter one, and at least
    RESTATED_MIN_WORDS of them, are in the other."""
    ignored = _attribution(language)
    a, b = set(terms) - ignored, set(other) - ignored
    return bool(restated(len(a & b), min(len(a), len(b))))


def restated(shared: int | np.ndarray, smaller: int | np.ndarray) -> bool | np.ndarray:
    """`restates` from the number of words two sentences share and the number the shorter
    one has: numbers, or numpy arrays of them (then a mask)."""
    return (shared >= RESTATED_MIN_WORDS) & (shared >= RESTATED_SHARE * smaller)


def _attribution(language: str) -> frozenset[str]:
    from summarize.selection.redundancy import attribution

    return attribution(language)
