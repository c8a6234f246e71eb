"""Current, not stale: a statement that a later article of the event overtakes is never
chosen, so a briefing never keeps a superseded statement beside the one that replaced it.

Two kinds of statement go stale as an event unfolds, and both are read from the event's
own articles (the update summarization task of TAC 2008-2011 asks the same of a summary
of later articles: state what is new, not what they replaced):

- a count that changes: two sentences count the same toll (the dead, the injured, the
  missing, those arrested, evacuated or rescued) of the same happening (`same_happening`:
  they share MIN_SHARED_TERMS content words besides the numbers, and SHARED_PART of the
  shorter one's) with different numbers: the older one is stale, whatever the newer one
  did to the number (rose, was revised down);
- a plan that is done: a sentence says something will happen ("plans to sign", "will
  meet", "is expected to vote") and a later article reports it in the past tense
  ("signed", "met", "voted") with MIN_SHARED_TERMS + 1 of its words, and no sign of an
  earlier occasion ("hosted the Oscars in 2007", "met before").

Which statement is newer: the one from the article published later, when both are dated.
Undated input has only the articles' own evidence: a count stated as an update ("rose
to", "climbed to", "revised", "now stands at") is newer than one that is not, and a plan
an undated article reports done is done. Two undated counts with no such words are left alone:
nothing says which came first.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import defaultdict
from functools import cached_property
from itertools import accumulate

from summarize.text.words import EventText

# Words a count's toll is read from, nearest after the number ("killing 10 people", "12
# were injured"), each with the toll it counts.
TOLLS = {
    "kill": "dead", "dead": "dead", "death": "dead", "die": "dead", "bodies": "dead",
    "injur": "hurt", "wound": "hurt", "hurt": "hurt", "missing": "missing",
    "arrest": "held", "detain": "held", "evacuat": "evacuated", "rescu": "rescued",
}
_NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_COUNT = re.compile(
    r"\b(\d{1,3}(?:,\d{3})+|\d+|" + "|".join(list(_NUMBER_WORDS)[2:]) + r")\s+"
    r"(?:[a-z-]+\s+){0,3}?(?:people|persons|dead|deaths|victims|bodies|soldiers|civilians|"
    r"passengers|casualties|villagers|residents|miners|workers|children|students|troops|"
    r"others|killed|injured|wounded|missing|arrested|detained)\b", re.IGNORECASE)
# Characters around a number where its toll word stands ("killing at least 10 people",
# "12 were injured").
_TOLL_BEFORE, _TOLL_AFTER = 25, 40
# A count stated as a change of an earlier one.
_UPDATE = re.compile(r"\b(?:rose|risen|rises|climbed|jumped|increased|grew|revised|"
                     r"now stands|has reached|reached|up from|down from)\b", re.IGNORECASE)
# "will sign", "plans to sign", "is expected to vote": the verb announced.
_PLANNED = re.compile(
    r"\b(?:will|shall|plans? to|planned to|intends? to|(?:is|are) (?:to|expected to|set to|"
    r"due to|scheduled to|slated to|going to))\s+(?:\w+ly\s+)?([a-z]{3,})\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|shall|plans? to|expected to|scheduled to|set to|due to)\b",
                     re.IGNORECASE)
IRREGULAR_PAST = {
    "meet": "met", "hold": "held", "make": "made", "take": "took", "give": "gave",
    "begin": "began", "leave": "left", "go": "went", "come": "came", "send": "sent",
    "sell": "sold", "buy": "bought", "build": "built", "win": "won", "lose": "lost",
    "pay": "paid", "choose": "chose", "fly": "flew", "speak": "spoke", "tell": "told",
    "see": "saw", "run": "ran", "set": "set", "put": "put", "cut": "cut", "seek": "sought",
    "bring": "brought", "lead": "led", "sign": "signed", "strike": "struck", "rise": "rose",
}
# A past that is another occasion than the one planned ("hosted the Oscars in 2007").
_EARLIER_OCCASION = re.compile(r"\b(?:1[89]\d\d|20\d\d|previously|earlier|before|once|ago|"
                               r"last (?:year|month|week|time)|first time|in the past)\b",
                               re.IGNORECASE)
# Verbs a plan names that say nothing on their own ("will be", "will have").
_EMPTY_VERBS = frozenset("be have do get become remain continue keep make take".split())
# Words two sentences share to speak of the same happening (4 against 3 kept 0.0004 more
# ROUGE-2 on DUC 2006: fewer statements of other happenings taken for stale), and the part
# of the shorter one's words they must be.
MIN_SHARED_TERMS = 4
SHARED_PART = 0.6


def past_tense(verb: str) -> str:
    """The simple past of a verb ("sign" -> "signed", "meet" -> "met")."""
    verb = verb.lower()
    if verb in IRREGULAR_PAST:
        return IRREGULAR_PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def same_happening(terms: set[str], other: set[str]) -> bool:
    """Two counting sentences speak of the same happening: they share MIN_SHARED_TERMS
    content words, numbers aside, and at least SHARED_PART of the shorter one's ("the
    embassy bombing in Nairobi killed 253" and "the blast at the embassy in Tanzania killed
    11" share four words of eight: two bombings)."""
    own = {t for t in terms if not t[0].isdigit()}
    theirs = {t for t in other if not t[0].isdigit()}
    shared = len(own & theirs)
    return shared >= MIN_SHARED_TERMS and shared >= SHARED_PART * min(len(own), len(theirs))


def planned(text: str) -> list[str]:
    """The verbs of what a sentence says will happen ("will sign" -> "sign")."""
    return [m.group(1).lower() for m in _PLANNED.finditer(text)
            if m.group(1).lower() not in _EMPTY_VERBS]


def _number(written: str) -> int:
    lowered = written.lower()
    return _NUMBER_WORDS[lowered] if lowered in _NUMBER_WORDS else int(written.replace(",", ""))


def counts(text: str) -> list[tuple[str, int]]:
    """The tolls a sentence counts: (what is counted, the number)."""
    found = []
    lowered = text.lower()
    for match in _COUNT.finditer(text):
        start = max(0, match.start(1) - _TOLL_BEFORE)
        window = lowered[start:match.end() + _TOLL_AFTER]
        at = match.start(1) - start
        # the toll word nearest the number ("killed 4 soldiers and injured 17 civilians")
        near = [(abs(position - at), toll) for word, toll in TOLLS.items()
                for position in [window.find(word)] if position >= 0]
        if near:
            found.append((min(near)[1], _number(match.group(1))))
    return found


class Currency:
    """Which sentences of an event a later statement overtakes, each decided when first
    asked (selection asks only of the sentences it reaches)."""

    def __init__(self, text: EventText):
        self.text = text
        self._decided: dict[int, bool] = {}

    @cached_property
    def _counted(self) -> dict[int, list[tuple[str, int]]]:
        """The sentences that count a toll, and their counts: found in one pass of the
        regular expression over the event's text (built when a sentence asked about
        counts one)."""
        texts = [s.text for s in self.text.sentences]
        starts = list(accumulate((len(t) + 1 for t in texts), initial=0))
        holding = {bisect_right(starts, m.start()) - 1
                   for m in _COUNT.finditer("\n".join(texts))}
        return {i: found for i in sorted(holding) if (found := counts(texts[i]))}

    def __call__(self, index: int) -> bool:
        """The sentence is stale: a later statement of the event overtakes it."""
        decided = self._decided.get(index)
        if decided is None:
            decided = self._decided[index] = self._recount(index) or self._done(index)
        return decided

    def _published(self, index: int) -> dt.date | None:
        return self.text.articles[self.text.sentences[index].article].published

    def _shared(self, a: int, b: int) -> int:
        return len(set(self.text.terms[a]) & set(self.text.terms[b]))

    def _newer(self, later: int, earlier: int) -> bool:
        """`later` is the newer statement: its article was published later, or (without
        both dates) it states an update and `earlier` does not."""
        first, second = self._published(earlier), self._published(later)
        if first is not None and second is not None:
            return second > first
        return bool(_UPDATE.search(self.text.sentences[later].text)) \
            and not _UPDATE.search(self.text.sentences[earlier].text)

    def _recount(self, index: int) -> bool:
        own = counts(self.text.sentences[index].text)
        for toll, number in own:
            for other, theirs in self._counted.items():
                if other != index and any(t == toll and n != number for t, n in theirs) \
                        and (toll, number) not in theirs \
                        and same_happening(set(self.text.terms[index]),
                                           set(self.text.terms[other])) \
                        and self._newer(other, index):
                    return True
        return False

    @cached_property
    def _holding(self) -> dict[str, list[int]]:
        """word -> the sentences that hold it (built once, on the first plan asked of)."""
        found: dict[str, list[int]] = defaultdict(list)
        for i, tokens in enumerate(self.text.tokens):
            for token in set(tokens):
                found[token].append(i)
        return found

    def _done(self, index: int) -> bool:
        sentence = self.text.sentences[index]
        for verb in planned(sentence.text):
            done = past_tense(verb)
            for other in self._holding.get(done, ()):
                if self.text.sentences[other].article != sentence.article \
                        and self._shared(index, other) >= MIN_SHARED_TERMS + 1 \
                        and not _FUTURE.search(self.text.sentences[other].text) \
                        and not _EARLIER_OCCASION.search(self.text.sentences[other].text) \
                        and self._after(other, index):
                    return True
        return False

    def _after(self, other: int, index: int) -> bool:
        """`other` may report what `index` announced: published later, or either undated."""
        first, second = self._published(index), self._published(other)
        return first is None or second is None or second > first
