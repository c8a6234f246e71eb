"""The people of an event, from its own articles: who is named, by which full name, with
which role, and which lone words stand for whom.

No named-entity model is installed, so a person is recognised from evidence in the text,
as the rule-based resolvers before statistical NER did (Wacholder, Ravin & Choi 1997,
"Disambiguation of proper names in text"): a run of capitalised words is a person's
name when some mention of it carries a title or role ("Prime Minister Ehud Barak",
"actress Tara Reid"), an age or "who" after it ("Reid, 33,", "Barnes, who"), or a verb of
speech beside it ("Heller said"), more often than a sign of a place or thing ("in North
Korea", "the Vostochny Cosmodrome"). Runs with an organisation's or a place's word
("Center", "County", "North …") are never people.

A lone word (a surname) stands for a person only when exactly one full name of the event
ends with it (Siddharthan, Nenkova & McKeown 2004 resolve a reference to a person to the
one full name it matches); a word two people share, or that the event also uses for
something else, stands for no one. A person's role is the title their articles put
before their name, the one most of them use.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import TYPE_CHECKING

from summarize.selection.names import (
    HONORIFICS,
    INITIAL,
    NOT_PERSON_WORDS,
    PLACE_BEFORE,
    PLACE_FIRST,
    ROLE_HEADS,
    SPEECH,
    Name,
    Run,
    clean_name,
    is_role_head,
    name_runs,
    name_words,
)
from summarize.text.words import STOP_WORDS

if TYPE_CHECKING:
    from summarize.selection.mentions import Mention


def surname(name: Name) -> str:
    return name_words(name)[-1]


def _is_full(name: Name) -> bool:
    return 2 <= len(name_words(name)) <= 4 and not INITIAL.match(name[-1])


def maybe_person(name: Name) -> bool:
    return not (any(w.lower() in NOT_PERSON_WORDS or w.lower().rstrip("s") in NOT_PERSON_WORDS
                    or is_role_head(w) or w == "&" for w in name)
                or name[-1].isupper() or name[0].lower() in PLACE_FIRST)


def _evidence(run: Run, single: bool) -> int:
    """2 when the context says a person (a title or role before the name, an age or "who"
    after it), 1 when it suggests one (a verb of speech beside it: "Apple said" too), -1
    when it says a place or a thing ("the", "in" before it), 0 when it says nothing. A lone
    word needs more: an honorific or a title written as one ("Mr. Salerno", "Gov.
    Kitzhaber"), or an age or "who" after it and no article before it ("the lanky
    Australian, who")."""
    before = run.before[-1] if run.before else ""
    after = run.after
    age_or_who = len(after) >= 2 and after[0] == "," and (
        after[1] == "who" or (after[1].isdigit() and after[2:3] == (",",))
        or _apposed_role(after[1:]))
    if single:
        if before in PLACE_BEFORE or before in ("of", "a", "an", ",") \
                or (run.before[:1] and run.before[0] in ("the", "a", "an")):
            return -1
        if run.role and (run.role[-1] in HONORIFICS
                         or (run.role[-1][0].isupper() and is_role_head(run.role[-1]))):
            return 2
        return 2 if age_or_who else 0
    if age_or_who or (run.role and any(is_role_head(w) for w in run.role)):
        return 2
    if before.islower() and is_role_head(before):
        # an occupation just before the name, in a description too long to be the
        # person's role ("the free-agent first baseman Mark Teixeira"): still a person
        return 2
    if before in PLACE_BEFORE:
        return -1
    return 1 if before in SPEECH or after[:1] and after[0] in SPEECH else 0


def _apposed_role(words: tuple[str, ...]) -> bool:
    """The words after a name's comma are a role in apposition ("Viktor Kazantsev, the
    commander of …", "Kazantsev, Russia's top general"): a role head within four words,
    after only an article, a possessive and words that describe it ("the regional
    commander"); a function word ("the capital where the leader …") ends the search."""
    for word in words[:4]:
        if is_role_head(word):
            return True
        if word not in ("the", "a", "an") and not word.endswith(("'s", "’s")) and (
                not word.isalpha() or word in STOP_WORDS):
            return False
    return False


@dataclass
class Person:
    """One person of the event: the full name most mentions use, and their roles."""

    name: Name
    mentions: int = 0
    evidence: int = 0
    against: int = 0
    roles: Counter = field(default_factory=Counter)  # (article, role) -> mentions

    def role(self, article: int | None = None) -> str | None:
        """The title put before the name in `article` (in every article when None), the
        form most mentions use, when they agree on it: one head word, and "former" in all
        or none. Roles change: Nelson Mandela is "President" in a 1998 article and not in
        a 2000 one, so a sentence takes the role its own article gives, or none."""
        roles = Counter({r: n for (a, r), n in self.roles.items()
                         if article is None or a == article})
        if not roles:
            return None
        heads = {r.split()[-1].lower().rstrip(".") for r in roles}
        former = {any(w.lower() in ("former", "ex") for w in r.replace("-", " ").split())
                  for r in roles}
        if len(heads) > 1 or len(former) > 1:
            return None
        return max(roles.items(), key=lambda item: (item[1], item[0]))[0]


_NAME_BEFORE = re.compile(r"[A-Z][\w'’.-]*\s+(?:(?:[A-Z]\.|[a-z]{2,4})\s+)?$")
_AGE_OR_WHO = re.compile(r"(?:['’]s?)?,\s+(?:who\b|\d{1,3},)")


def _IN_WORD(character: str) -> bool:
    return character.isalnum() or character in "-"


# What a word stands for is read from its first uses in the event, at most this many:
# evidence that a word names a person comes early (a person is introduced before being
# quoted at length), and a name the event uses hundreds of times ("Star Wars") costs no
# more than one it uses 20 times.
MAX_WINDOWS = 20
# Characters of context read on each side of a word (a title before a name runs to 40:
# "Santa Monica Chief Deputy City Attorney").
CONTEXT = 90


class People:
    """The people of an event, and which lone word stands for whom.

    Built on demand, word by word: what a surname stands for is read from the paragraphs
    that hold it (a substring test, in C), so an event pays for the few names its briefing
    uses, not for every capitalised word of its articles."""

    def __init__(self, texts: Iterable[str], articles: Sequence[int] | None = None):
        self.texts = tuple(texts)
        # the article each text comes from (each its own when not given)
        self.articles = tuple(articles) if articles is not None else tuple(
            range(len(self.texts)))
        self._by_surname: dict[str, dict[Name, Person]] = {}
        self._rivals: dict[str, int] = {}
        self.read: dict[str, list[Mention]] = {}  # `mentions` of each sentence asked about
        self._common: dict[str, bool] = {}
        self._lone: dict[str, bool] = {}

    @cached_property
    def _joined(self) -> str:
        return "\n".join(self.texts)

    @cached_property
    def _starts(self) -> list[int]:
        """Where each text begins in `_joined`."""
        return [0, *accumulate(len(text) + 1 for text in self.texts[:-1])]

    def is_common(self, word: str) -> bool:
        """The event writes `word` in lower case somewhere: a common word. (Asked of a few
        words per sentence read: a search of the event's text each, cached, costs less
        than collecting every lower-case word of the event.)"""
        lowered = word.lower()
        if lowered not in self._common:
            text, size, found = self._joined, len(lowered), False
            at = text.find(lowered)
            while at >= 0 and not found:
                end = at + size
                found = (at == 0 or not _IN_WORD(text[at - 1])) \
                    and (end == len(text) or not _IN_WORD(text[end]))
                at = text.find(lowered, end)
            self._common[lowered] = found
        return self._common[lowered]

    def named(self, word: str) -> dict[Name, Person]:
        """The people whose full name ends with `word`."""
        if word not in self._by_surname:
            self._read(word)
        return self._by_surname[word]

    def resolve(self, word: str) -> Person | None:
        """The one person whose full name ends with `word`; None when none or several do."""
        named = self.named(word)
        if len(named) != 1 or self._rivals[word] != 1:
            return None
        person = next(iter(named.values()))
        # a word the event also writes in lower case ("Episode", "Hall") stands for the
        # person only on more than one piece of evidence
        if self.is_common(word) and person.evidence < 4:
            return None
        return person

    def person(self, name: Name) -> Person | None:
        words = name_words(name)
        if not words:
            return None
        named = self.named(words[-1])
        if name in named:
            return named[name]
        same = [p for n, p in named.items() if name_words(n)[0] == words[0]]
        return same[0] if len(same) == 1 else None

    def is_person_word(self, word: str) -> bool:
        """`word` stands for a person: a full name of the event ends with it, or it is used
        alone for someone the event never names in full."""
        if word not in self._lone:
            self._read(word)
        return bool(self._by_surname[word]) or self._lone[word]

    def _runs_with(self, word: str) -> Iterable[tuple[int, Run]]:
        """The runs of name words that hold `word`, each read in a window of the text
        around it (wide enough for the longest title before a name), with the article of
        each."""
        # Only where a capitalised word stands before it (a full name, a title, "Mr.") or
        # an age or "who" after it: no other use of a word can show a person.
        # (found in the texts joined, one search for the event, not one per text)
        size, joined, starts = len(word), self._joined, self._starts
        read = 0
        found = joined.find(word)
        while found >= 0 and read < MAX_WINDOWS:
            number = bisect_right(starts, found) - 1
            text, at = self.texts[number], found - starts[number]
            end = at + size
            if (at == 0 or not _IN_WORD(text[at - 1])) \
                    and (end == len(text) or not _IN_WORD(text[end])) \
                    and (_NAME_BEFORE.search(text, max(0, at - 30), at)
                         or _AGE_OR_WHO.match(text, end)):
                read += 1
                yield from ((self.articles[number], run)
                            for run in self._runs_at(text, at, end))
            found = joined.find(word, found + size)

    def _runs_at(self, text: str, at: int, end: int) -> Iterable[Run]:
        """The run that holds the word at `at`, read in CONTEXT characters around it."""
        start = text.rfind(" ", 0, max(0, at - CONTEXT)) + 1
        stop = text.find(" ", end + CONTEXT)
        window = text[start:stop if stop >= 0 else len(text)]
        at -= start
        for run in name_runs(window, self.is_common, at):
            if run.role_start <= at < run.end:
                yield run

    def _read(self, word: str) -> None:
        if not maybe_person((word,)):  # "Bank", "Administration", "Minister"
            self._by_surname[word], self._lone[word], self._rivals[word] = {}, False, 0
            return
        seen: dict[Name, Person] = {}
        alone = titled = False
        for article, run in self._runs_with(word):
            name = clean_name(run.name)
            if word not in name or not maybe_person(name):
                continue
            if _is_full(name):
                if surname(name) != word:
                    continue
                person = seen.setdefault(name, Person(name))
                person.mentions += 1
                found = _evidence(run, single=False)
                person.evidence += max(found, 0)
                person.against += found < 0
                role = [w for w in run.role if w not in HONORIFICS]
                if role and role[-1].lower() in ROLE_HEADS:  # (one person's: "Coach")
                    person.roles[(article, " ".join(role))] += 1
            elif len(name) == 1 and _evidence(run, single=True) > 0:
                alone = True
                titled = titled or bool(run.role)
        # a person on a title, an age or "who" once, or on two verbs of speech
        named = _merge_variants({n: p for n, p in seen.items()
                                 if p.evidence >= 2 and p.evidence > p.against})
        candidates = _merge_variants({n: p for n, p in seen.items() if p.evidence >= 0
                                      and p.evidence >= p.against})
        if not named and alone and len(candidates) == 1 \
                and len({name_words(n)[0] for n in seen}) == 1:
            # The lone word is shown to be a person ("Teixeira, 28,", "Mr. Genovese"), and
            # one full name of the event ends with it: that full name is the person's
            # (a surname refers to the one full name it matches: Siddharthan, Nenkova &
            # McKeown 2004), though its own mentions carry no title or age.
            named = candidates
        self._by_surname[word] = named
        # Names without evidence still make a surname ambiguous: "Jones" is not "Alan
        # Jones" when the event also writes "Marion Jones" (as no more than a name).
        self._rivals[word] = len({(name_words(n)[0], word) for n in seen})
        # A lone word seen only with "who" or an age must not be a common word
        # ("Die-hards, who") or a plural ("Republicans, who").
        plural = word.endswith("s") and any(
            re.search(r"\b" + re.escape(word[:-1]) + r"\b(?!['’]?s)", text)
            for text in self.texts if word[:-1] in text)
        self._lone[word] = alone and not named and (
            titled or (not self.is_common(word) and not plural))


def _merge_variants(persons: dict[Name, Person]) -> dict[Name, Person]:
    """"Mark Heller" and "Mark Jay Heller" are one person (same first and last word): named
    by the form most mentions use (then the longer)."""
    groups: dict[tuple[str, str], list[Name]] = defaultdict(list)
    for name in persons:
        groups[(name_words(name)[0], surname(name))].append(name)
    merged: dict[Name, Person] = {}
    for members in groups.values():
        best = max(members, key=lambda n: (persons[n].mentions, len(n), n))
        person = merged[best] = Person(best)
        for name in members:
            person.mentions += persons[name].mentions
            person.evidence += persons[name].evidence
            person.roles.update(persons[name].roles)
    return merged
