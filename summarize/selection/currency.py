"""Current, not stale: a statement that a later statement of the event overtakes is never
chosen, so a briefing never keeps a superseded statement beside the one that replaced it.

Three kinds of statement go stale as an event unfolds, all read from the event's own
articles (the update summarization task of TAC 2008-2011 asks the same of a summary of
later articles: state what is new, not what they replaced):

- a count that changes: two sentences count the same toll (the dead, the injured, the
  missing, those arrested, evacuated or rescued) of the same happening (`same_happening`:
  they share MIN_SHARED_TERMS content words besides the numbers, and SHARED_PART of the
  shorter one's) with different numbers: the older one is stale, whatever the newer one
  did to the number (rose, was revised down);
- a plan that is done: a sentence says something will happen ("plans to sign", "will be
  arraigned", "is expected to be charged", "faces arraignment", "would take 12 days to
  repair") and another article reports the same predicate done ("signed", "was
  arraigned", "at his arraignment", "repaired") with MIN_SHARED_TERMS + 1 of its words,
  and no sign of an earlier occasion ("hosted the Oscars in 2007", "met before");
- a state that a later one replaces (`states.CHAINS`): "was charged with murder" once a
  sentence of the event says the same person "was convicted"; "residents were evacuated"
  once they "were allowed to return"; "the cable was cut" once it "was repaired";
  "talks are deadlocked" once the parties "broke the deadlock"; "missing" once "found";
  "on strike" once "back at work". Same subject: both name the same people where both
  name any, and share STATE_SHARED_TERMS content words besides the states' own.

Which statement is newer. A plan reported done, and a later state of a chain, are later by
their own evidence, dated or not; only a report from an article published before the
statement's is not taken (it may be another occasion). A count is newer when its article
was published later, where both are dated. Undated counts have the articles' own words:
a count stated as an update ("rose to", "climbed to", "revised", "now stands at") is newer
than one that is not; and of two counts of the dead or the injured in the same happening,
neither stated as an update, the larger is the later. That rule is sound for tolls of
casualties: the dead and the injured are counted as they are found and reported, so the
number a happening's reports give only grows ("the toll rose"), except where a count is
corrected down. So it holds only where no sentence of the event says a count was revised
down or lowered, where neither count is a guess ("feared", "as many as", "up to") and
where the larger is not put on another occasion ("killed 6 in September"). It is not
used for the missing (found people leave the count), the arrested (released people leave
it), the evacuated or the rescued.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from functools import cached_property
from itertools import accumulate

import numpy as np
import scipy.sparse as sp

from summarize.selection.people import People
from summarize.selection.states import (
    TRIGGERS,
    clause_of,
    is_denied,
    is_done,
    object_numbers,
    occasion_year,
    past_tense,
    planned,
    predicate_stems,
    reports_done,
    states,
)
from summarize.text.words import (
    STOP_WORDS,
    EventText,
    content_terms,
    stem,
    term_presence,
    tokenize,
)

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
    r"(?<!\bno )(?<!\bNo )\b(\d{1,3}(?:,\d{3})+|\d+|" + "|".join(list(_NUMBER_WORDS)[1:])
    + r")\s+"
    r"(?:[a-z-]+\s+){0,3}?(?:people|persons?|dead|deaths|victims?|bodies|soldiers?|"
    r"civilians?|passengers?|casualties|villagers?|residents?|miners?|workers?|children|"
    r"child|students?|troops|man|woman|men|women|others|killed|injured|wounded|missing|"
    r"arrested|detained)\b", re.IGNORECASE)
# What stands between a toll word and its number ("killing at least 10 people").
_QUANTIFIER = re.compile(r"(?:\s+(?:at least|about|some|more than|nearly|almost|around|"
                         r"over|up to|an estimated|as many as|only|another|a further))+\s*$")
# A toll word the count is the subject of ("12 people were injured").
_TOLL_AFTER_COUNT = re.compile(r"\s+(?:were|was|are|is|have been|has been|had been|been)\s+"
                               r"(?:\w+ly\s+)?(\w+)")
# Characters around a number where its toll word stands ("killing at least 10 people",
# "12 were injured").
_TOLL_BEFORE, _TOLL_AFTER = 25, 40
# A count stated as a change of an earlier one.
_UPDATE = re.compile(r"\b(?:rose|risen|rises|climbed|jumped|increased|grew|revised|"
                     r"now stands|has reached|reached|up from|down from)\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|shall|plans? to|expected to|scheduled to|set to|due to)\b",
                     re.IGNORECASE)
# A past that is another occasion than the one planned ("hosted the Oscars in 2007").
_YEARS = re.compile(r"\b((?:1[89]|20)\d\d)\b")
_EARLIER = re.compile(r"\b(?:previously|earlier|before|once|ago|last (?:year|month|week|time)|"
                      r"first time|in the past)\b", re.IGNORECASE)
_EARLIER_OCCASION = re.compile(r"\b(?:1[89]\d\d|20\d\d|previously|earlier|before|once|ago|"
                               r"last (?:year|month|week|time)|first time|in the past)\b",
                               re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
# A count put in a month ("killed six people in September") or on "another school" may be
# another happening's; "three of the four soldiers" is a part of a toll, not a toll.
_IN_MONTH = re.compile(r"\b(?:in|since|last|early|late|mid-?)\s+(?:January|February|March|April|"
                       r"May|June|July|August|September|October|November|December)\b"
                       r"|\banother\b|\b(?:\d+|[a-z]+) of (?:the|them|those)\b", re.IGNORECASE)
# Tolls whose count only grows as a happening's reports come in (see the module docstring).
GROWING_TOLLS = frozenset(["dead", "hurt"])
# A count revised down somewhere in the event: then no undated count is taken for the later
# by its size.
_REVISED_DOWN = re.compile(r"\b(?:revised (?:\w+ )?down|lowered|downgraded|corrected|"
                           r"overestimated|fewer than (?:first|initially|earlier))\b",
                           re.IGNORECASE)
# A count that is a guess, not a toll.
_GUESS = re.compile(r"\b(?:feared|fears?|may have|might have|could|up to|as many as|possibly|"
                    r"unconfirmed|estimated|expected to)\b", re.IGNORECASE)
# Words two sentences share to speak of the same happening (4 against 3 kept 0.0004 more
# ROUGE-2 on DUC 2006: fewer statements of other happenings taken for stale), and the part
# of the shorter one's words they must be.
MIN_SHARED_TERMS = 4
# Words a plan and the report of it done share, the predicate's among them.
PLAN_SHARED_TERMS = MIN_SHARED_TERMS + 1
SHARED_PART = 0.6


# Content words besides the states' own that a sentence and the one that overtakes its state
# share: the same subject, the same charge, the same cable.
STATE_SHARED_TERMS, STATE_SHARED_PART = 2, 0.3
# Chains of a person's states: many people are charged in one story, each convicted apart.
PERSONAL_CHAINS = frozenset(["trial"])
_NAME = re.compile(r"\b[A-Z][a-z]+\b")
_INSIDE_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+\b")
# Characters after a state's words where its object is named ("convicted Zhang of …").
_OBJECT = 40
_NOT_NAMES = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January "
                       "February March April May June July August September October November "
                       "December The A An He She They It I We In On At Mr Mrs Ms Dr".split())


def same_happening(terms: set[str], other: set[str]) -> bool:
    """Two counting sentences speak of the same happening: they share MIN_SHARED_TERMS
    content words, numbers aside, and at least SHARED_PART of the shorter one's ("the
    embassy bombing in Nairobi killed 253" and "the blast at the embassy in Tanzania killed
    11" share four words of eight: two bombings)."""
    own = {t for t in terms if not t[0].isdigit()}
    theirs = {t for t in other if not t[0].isdigit()}
    shared = len(own & theirs)
    return shared >= MIN_SHARED_TERMS and shared >= SHARED_PART * min(len(own), len(theirs))


# The stems of each chain's later-stage words, or None where one is a stop word (which the
# vocabulary leaves out: the chain is then always read).
_LATER_STEMS = {chain: None if any(w in STOP_WORDS for w in later)
                else frozenset(stem(w) for w in later)
                for chain, (_, later) in TRIGGERS.items()}


def related(terms: set[str], other: set[str]) -> bool:
    """Two sentences of one event may count the same happening's toll in words of their
    own ("the quake … injured two people", "the tremor struck … injuring five people"):
    they share MIN_SHARED_TERMS content words, numbers aside (`same_happening` asks more,
    for counts that dates or update words order)."""
    own = {t for t in terms if not t[0].isdigit()}
    return len(own & {t for t in other if not t[0].isdigit()}) >= MIN_SHARED_TERMS


def _counted_apart(plan: str, done: str, stems: set[str]) -> bool:
    """A plan and a report of it done count their objects differently ("will miss the
    final two games", "missed four games"): two occasions."""
    own, theirs = object_numbers(plan, stems), object_numbers(done, stems)
    return bool(own and theirs and not own & theirs)


def _same_days(text: str, other: str) -> bool:
    """Two sentences do not put their happenings on different days ("the quake on Sunday",
    "Monday's aftershock")."""
    days, theirs = set(_WEEKDAY.findall(text)), set(_WEEKDAY.findall(other))
    return not (days and theirs and not days & theirs)


def _number(written: str) -> int:
    lowered = written.lower()
    return _NUMBER_WORDS[lowered] if lowered in _NUMBER_WORDS else int(written.replace(",", ""))


def counts(text: str) -> list[tuple[str, int]]:
    """The tolls a sentence counts: (what is counted, the number)."""
    found = []
    lowered = text.lower()
    for match in _COUNT.finditer(text):
        # the toll word the count belongs to: the verb before it ("killing at least five
        # people and injuring dozens"), or the one it is the subject of ("12 were injured")
        bound = _toll_of(_QUANTIFIER.sub("", lowered[:match.start(1)]).rstrip()
                         .rsplit(" ", 1)[-1])
        after = _TOLL_AFTER_COUNT.match(lowered, match.end())
        bound = bound or (after and _toll_of(after.group(1)))
        if bound:
            found.append((bound, _number(match.group(1))))
            continue
        start = max(0, match.start(1) - _TOLL_BEFORE)
        window = lowered[start:match.end() + _TOLL_AFTER]
        at = match.start(1) - start
        # else the toll word nearest the number ("4 soldiers dead")
        near = [(abs(position - at), toll) for word, toll in TOLLS.items()
                for position in [window.find(word)] if position >= 0]
        if near:
            found.append((min(near)[1], _number(match.group(1))))
    return found


def _up_to_count(text: str) -> str:
    """The sentence up to the end of the piece that holds its count: what puts the count
    on another occasion stands there ("Last year, a quake … killed at least one"), not in
    an aside after it ("killed at least one person, … in a region devastated by the
    tsunami of 2004")."""
    match = _COUNT.search(text)
    end = text.find(",", match.end()) if match else -1
    return text if end < 0 else text[:end]


def _toll_of(word: str) -> str | None:
    return next((toll for start, toll in TOLLS.items() if word.startswith(start)), None)


class Currency:
    """Which sentences of an event a later statement overtakes, each decided when first
    asked (selection asks only of the sentences it reaches)."""

    def __init__(self, text: EventText, people: People | None = None):
        self.text = text
        self.people = people  # who the event's people are (`People`), when known
        self._decided: dict[int, tuple[str, int] | None] = {}
        self._states: dict[int, list[tuple[str, int, int, int]]] = {}
        self._later: dict[str, list[tuple[int, int, int, int]]] = {}

    def __call__(self, index: int) -> bool:
        """The sentence is stale: a later statement of the event overtakes it."""
        return self.overtaken_by(index) is not None

    def overtaken_by(self, index: int) -> tuple[str, int] | None:
        """What overtakes the sentence: ("count" | "plan" | "state", the sentence that
        does), or None when nothing does."""
        if index not in self._decided:
            self._decided[index] = self._recount(index) or self._done(index) \
                or self._moved_on(index)
        return self._decided[index]

    # -- counts --------------------------------------------------------------------------

    @cached_property
    def _counted(self) -> dict[int, list[tuple[str, int]]]:
        """The sentences that count a toll, and their counts: found in one pass of the
        regular expression over the event's text (built when a sentence asked about
        counts one)."""
        return {i: found for i in self._matching(_COUNT)
                if (found := counts(self.text.sentences[i].text))}

    @cached_property
    def _joined(self) -> tuple[str, list[int]]:
        texts = [s.text for s in self.text.sentences]
        return "\n".join(texts), list(accumulate((len(t) + 1 for t in texts), initial=0))

    def _matching(self, pattern: re.Pattern[str]) -> list[int]:
        """The sentences where `pattern` matches, in one pass over the event's text."""
        joined, starts = self._joined
        return sorted({bisect_right(starts, m.start()) - 1 for m in pattern.finditer(joined)})

    @cached_property
    def _revised_down(self) -> bool:
        return bool(_REVISED_DOWN.search(self._joined[0]))

    def _published(self, index: int) -> dt.date | None:
        return self.text.articles[self.text.sentences[index].article].published

    def _shared(self, a: int, b: int) -> int:
        return len(set(self.text.terms[a]) & set(self.text.terms[b]))

    def _newer(self, later: int, earlier: int, toll: str, grown: bool) -> bool:
        """`later` is the newer count of the same happening as `earlier`'s: its article
        was published later; or (without both dates) it states an update and `earlier`
        does not; or, neither an update, it is the larger count of a toll that only grows
        (`grown`; see the module docstring)."""
        first, second = self._published(earlier), self._published(later)
        own, theirs = set(self.text.terms[earlier]), set(self.text.terms[later])
        if first is not None and second is not None and first != second:
            return second > first and same_happening(own, theirs)
        # (articles of one day are ordered by what they say, as undated ones are)
        new, old = (self.text.sentences[i].text for i in (later, earlier))
        if _UPDATE.search(new) or _UPDATE.search(old):
            return bool(_UPDATE.search(new)) and not _UPDATE.search(old) \
                and same_happening(own, theirs)
        return grown and toll in GROWING_TOLLS and not self._revised_down \
            and not _GUESS.search(new) and not _GUESS.search(old) \
            and not any(p.search(_up_to_count(t)) for p in (_EARLIER_OCCASION, _IN_MONTH)
                        for t in (new, old)) \
            and _same_days(new, old) and related(own, theirs) \
            and not self._named_apart(new, old)

    def _named_apart(self, text: str, other: str) -> bool:
        """Both sentences name people or places, and none the same ("a school in Khan
        Younis", "the Jabaliya school"): two happenings."""
        names = self._names(text), self._names(other)
        return bool(names[0] and names[1] and not names[0] & names[1])

    def _recount(self, index: int) -> tuple[str, int] | None:
        own = counts(self.text.sentences[index].text)
        for toll, number in own:
            for other, theirs in self._counted.items():
                if other == index or (toll, number) in theirs:
                    continue
                for t, n in theirs:
                    if t == toll and n != number and self._newer(other, index, toll, n > number):
                        return "count", other
        return None

    # -- plans ---------------------------------------------------------------------------

    @cached_property
    def _presence(self) -> sp.csr_matrix:
        """Which terms each sentence has (built on the first plan asked of)."""
        return term_presence(self.text.counts)

    def _sharing(self, index: int, least: int) -> np.ndarray:
        """The sentences that share `least` content words with sentence `index` or more,
        in order: one sparse product, not a set per sentence."""
        shared = (self._presence @ self._presence[index].T).toarray().ravel()
        return np.flatnonzero(shared >= least)

    def _done(self, index: int) -> tuple[str, int] | None:
        sentence = self.text.sentences[index]
        for predicate in planned(sentence.text):
            stems = predicate_stems(predicate)
            # (a report of the plan done shares its words, the predicate's perhaps
            # spelled otherwise (`_respelled`): no other sentence is read)
            spelled = self._spelled(past_tense(predicate))
            holding = [int(i) for i in self._sharing(index, PLAN_SHARED_TERMS - 1)
                       if i in spelled or not stems.isdisjoint(self.text.terms[i])]
            for other in holding:
                said = self.text.sentences[other].text
                if self.text.sentences[other].article != sentence.article \
                        and self._shared(index, other) + self._respelled(index, other, stems) \
                        >= PLAN_SHARED_TERMS \
                        and not _FUTURE.search(said) \
                        and not _EARLIER.search(said) \
                        and not self._earlier_year(said, index) \
                        and not self._before(other, index) \
                        and reports_done(said, stems) \
                        and not _counted_apart(sentence.text, said, stems):
                    return "plan", other
        return None

    def _spelled(self, word: str) -> set[int]:
        """The sentences that write `word` when it is a stop word, which content terms
        leave out ("sent"): found in one pass over the event's text (asked for a plan's
        past form only)."""
        if word in STOP_WORDS:
            return set(self._matching(re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)))
        return set()

    def _respelled(self, index: int, other: int, stems: set[str]) -> int:
        """1 when the report of a plan done spells its predicate otherwise ("will send",
        "sent"): the words the two share then miss the predicate's."""
        return int(len(stems) > 1
                   and not stems & set(self.text.terms[index]) & set(self.text.terms[other]))

    def _earlier_year(self, said: str, index: int) -> bool:
        """`said` names a year before that of the article of sentence `index` (any year,
        when that article is undated): it may be another occasion ("hosted the Oscars in
        2007"), while "was repaired on 29 October 2011" reports a plan of 2011 done."""
        years = [int(y) for y in _YEARS.findall(said)]
        published = self._published(index)
        return bool(years) and (published is None or min(years) < published.year)

    def _before(self, other: int, index: int) -> bool:
        """`other` comes from an article published before `index`'s."""
        first, second = self._published(index), self._published(other)
        return first is not None and second is not None and second < first

    # -- states --------------------------------------------------------------------------

    @cached_property
    def _chains(self) -> tuple[str, ...]:
        """The chains whose later stages the event's words may say (by the stems of the
        event's vocabulary, which ranking has built already: a cheap prefilter)."""
        vocabulary = self.text.vocabulary
        return tuple(chain for chain, stems in _LATER_STEMS.items()
                     if stems is None or any(s in vocabulary for s in stems))

    def _states_of(self, index: int) -> list[tuple[str, int, int, int]]:
        """The states of the live chains the sentence says (read once, when asked)."""
        held = self._states.get(index)
        if held is None:
            held = self._states[index] = states(
                self.text.sentences[index].text, self._chains, set(self.text.tokens[index]))
        return held

    def _reached(self, chain: str) -> list[tuple[int, int, int, int]]:
        """(stage, sentence, start, end) of each later state of `chain` reported done,
        latest first: read, when a sentence first says an earlier state of the chain, in
        the sentences that hold the words of its later stages only."""
        if chain not in self._later:
            words = TRIGGERS[chain][1]
            found = set()
            for i, tokens in enumerate(self.text.tokens):
                if words.isdisjoint(tokens):
                    continue
                said = self.text.sentences[i].text
                found.update((stage, i, start, end)
                             for named, stage, start, end in self._states_of(i)
                             if named == chain and stage and is_done(said, start)
                             and not is_denied(said, start))
            self._later[chain] = sorted(found, key=lambda p: (-p[0], p[1], p[2]))
        return self._later[chain]

    def _moved_on(self, index: int) -> tuple[str, int] | None:
        held = self._states_of(index) if self._chains else None
        if not held:
            return None
        said = self.text.sentences[index].text
        top: dict[str, int] = {}  # the latest stage of each chain the sentence itself says
        for chain, stage, start, _ in held:
            if not is_denied(said, start) and (stage == 0 or is_done(said, start)):
                top[chain] = max(top.get(chain, -1), stage)
        for chain, stage, start, end in held:
            year = occasion_year(said, start)
            if stage != top.get(chain) or year is True:  # (a past occasion is history)
                continue
            clause = clause_of(said, start, end)
            for later, other, where, until in self._reached(chain):
                if later <= stage:
                    break
                if other != index and not self._before(other, index) \
                        and self._same_subject(index, clause, other,
                                               (chain, where, until, end)) \
                        and self._current(other, where, year, index):
                    return "state", other
        return None

    def _current(self, other: int, where: int, year: int | None, index: int) -> bool:
        """The later state of `other` (said at `where`) is on the occasion of `index`'s:
        no other occasion is said around it, or its year is no earlier than `index`'s
        (the year said around `index`'s state, else its article's)."""
        when = occasion_year(self.text.sentences[other].text, where)
        if when is None:
            return True
        published = self._published(index)
        known = year if year is not None else published.year if published else None
        return when is not True and known is not None and when >= known

    @cached_property
    def _capitalized(self) -> frozenset[str]:
        """Words the event writes capitalized inside a sentence: names, not the common
        word that opens one ("Residents were evacuated")."""
        return frozenset(_INSIDE_NAME.findall(self._joined[0]))

    def _names(self, text: str) -> set[str]:
        """The capitalized words of a sentence that may name a person or a place."""
        return {n for n in _NAME.findall(text) if n not in _NOT_NAMES
                and n.lower() not in STOP_WORDS and n in self._capitalized}

    def _same_subject(self, index: int, clause: str, other: int,
                      state: tuple[str, int, int, int]) -> bool:
        """A state's clause and a sentence that says a later `state` (chain, start, end of
        the later, end of the earlier state's words) speak of the same subject: they
        share a name where both name people or places, and for a person's states
        (`PERSONAL_CHAINS`) always, among the names up to just after each state's words,
        where its subject and object stand ("the six were charged" is not "Ewald was
        convicted", nor "Faulder, twice convicted" "Castillo was convicted"); and they
        share STATE_SHARED_TERMS content words besides the states' own (their
        `states.TRIGGERS` words: "charged Ann Lee with" leaves "Ann Lee"), and
        STATE_SHARED_PART of the clause's."""
        chain, start, end, own_end = state
        first, second = (self.text.sentences[i].text for i in (index, other))
        if chain in PERSONAL_CHAINS:
            shared_names = self._names(first[:own_end + _OBJECT]) \
                & self._names(second[:end + _OBJECT])
            if not any(self.people is None or self.people.is_person_word(n)
                       for n in shared_names):  # ("Texas" is no one)
                return False
        elif self._named_apart(first, second):
            return False
        said = {stem(w) for i in (index, other)
                for named, _, begin, until in self._states_of(i)
                for w in tokenize(self.text.sentences[i].text[begin:until])
                if w in TRIGGERS[named][0] or w in TRIGGERS[named][1]}
        own = set(content_terms(tokenize(clause))) - said
        shared = own & set(self.text.terms[other])
        return len(shared) >= STATE_SHARED_TERMS and len(shared) >= STATE_SHARED_PART * len(own)
