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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import TYPE_CHECKING

from summarize.text.words import STOP_WORDS

if TYPE_CHECKING:
    from summarize.selection.mentions import Mention


HONORIFICS = frozenset("Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Mx MR. MRS. MS. DR.".split())
# The head word of a title or role written before a name ("Prime Minister", "actress").
ROLE_HEADS = frozenset("""
president premier chancellor minister secretary secretary-general senator sen. sen
representative rep. congressman congresswoman governor gov. mayor judge justice attorney
lawyer prosecutor sheriff chief chairman chairwoman chair director commissioner
ambassador envoy general gen. lt. lieutenant col. colonel capt. captain sgt. sergeant adm.
admiral commander officer constable detective inspector superintendent coroner marshal
marshall spokesman spokeswoman spokesperson publicist coach manager owner quarterback
pitcher player striker actor actress singer rapper star author writer professor prof.
doctor rev. reverend bishop archbishop cardinal pope king queen prince princess emperor
sheikh leader executive ceo founder boss analyst economist researcher scientist editor
reporter columnist correspondent trooper deputy aide adviser advisor counsel pastor rabbi
imam cleric speaker firefighter nurse surgeon physician psychiatrist psychologist teacher
principal businessman businesswoman investor banker candidate nominee activist
atty atty. producer comedian host presenter anchor anchorman anchorwoman dancer musician
guitarist drummer designer architect engineer pilot astronaut entrepreneur lawmaker
legislator politician diplomat negotiator mediator photographer
baseman receiver linebacker cornerback shortstop outfielder infielder catcher midfielder
defender goalkeeper goalie boxer golfer swimmer sprinter cyclist jockey skater champion
rookie mobster gangster gunman suspect defendant inmate center centre guard forward
winger fullback halfback tailback back rb qb wr
""".split())
# Titles written capitalised before a name (AP style); other roles are occupations,
# written in lower case there ("actress Tara Reid").
TITLES = frozenset("""
president premier chancellor minister secretary secretary-general senator sen
representative rep congressman congresswoman governor gov mayor judge justice sheriff
ambassador general gen lt lieutenant col colonel capt captain sgt sergeant adm admiral
commander detective inspector superintendent constable prof professor rev reverend bishop
archbishop cardinal pope king queen prince princess emperor sheikh chief chairman
chairwoman director commissioner coroner marshal ceo
""".split())
# Words a role written in lower case may follow; after any other word ("pin-up queen",
# "former travel reporter") it is part of a longer description, not a role.
ROLE_LEFT = frozenset("""
the a an his her their its our said says say told tells and or but with by to for from of
as that when while after before at on in is was were are according including
""".split())
# Words that qualify a role ("Deputy Foreign Minister", "former attorney").
ROLE_MODIFIERS = frozenset("""
prime vice deputy acting former interim foreign defense defence interior finance state
general chief executive assistant associate senior head managing police fire district
county superior supreme federal presidential house senate majority minority party team
cabinet dist. wide
""".split())
# A run holding one of these words names an organisation, a place or a thing.
NOT_PERSON_WORDS = frozenset("""
center centre university college school church street avenue road county city state court
department association party inc inc. corp corp. co co. ltd ltd. group bank board council
committee agency times news post airlines airline airport island islands river lake
mountain mountains beach park hospital institute foundation commission service society
union republic kingdom states ministry office club team press house senate congress army
navy police fire hall theatre theater museum library company corporation fund system
network station radio television magazine journal herald tribune gazette daily weekly
review festival awards award cup league conference summit treaty act bill law code prize
bay gulf sea ocean valley desert coast province district region port bridge tower building
square plaza market mall hotel restaurant clinic prison jail guard forces force corps
brigade parliament government administration organization organisation industries systems
technologies international holdings partners health affairs security services resources
safety transportation education energy commerce agriculture labor labour environment
welfare federation abuse olympic olympics games project program programme plan initiative
campaign operation mission
""".split())
# First words of places ("North Korea", "New Bedford", "San Jose") and institutions.
PLACE_FIRST = frozenset("""
north south east west northern southern eastern western new san santa los las saint fort
mount port lake cape upper lower great greater little central public national federal
royal united world american british
""".split())
# Words before a run that say it is a place or a thing.
PLACE_BEFORE = frozenset("the in at near into across inside outside toward towards".split())
PARTICLES = frozenset("de da del della der van von bin al le la du di dos das ibn ben".split())
SUFFIXES = frozenset("jr. jr sr. sr ii iii iv".split())
SPEECH = frozenset("said says say told tells added adds asked stated noted wrote explained "
                   "insisted argued warned recalled replied announced testified".split())
# Capitalised words that are never names (sentence openers, days, months).
NEVER_NAMES = frozenset("""
the a an in on at of for from to by with and or but as after before when while if this that
these those his her their its our my your he she they it we i you there here what who which
where why how according since until despite during under over about into than then also god
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december jan. feb. aug. sept. oct. nov. dec.
""".split())
# A surname before one of these names a thing, not the person ("the Bush administration").
ATTRIBUTIVE = frozenset("""
administration administrations government regime era years family case campaign camp trial
deal presidency cabinet doctrine estate foundation aides aide people organization
organisation crime gang
""".split())

_NAME_WORD = re.compile(r"^(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|(?:Mc|Mac|O'|O’|De|La|Le|Di)"
                        r"[A-Z][a-z]+|[A-Z][a-z]*[A-Z][a-z]+)$")
_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$")
_OPENING_MARKS = ("\"", "“", "‘", "'", "(")

Name = tuple[str, ...]


def base_word(word: str) -> str:
    """A word without its possessive ending ("Reid's", "Lucas'")."""
    for ending in ("'s", "’s"):
        if word.endswith(ending):
            return word[: -len(ending)]
    if word.endswith(("s'", "s’")) and len(word) > 3:
        return word[:-1]
    return word


def is_name_word(word: str) -> bool:
    word = base_word(word)
    return bool(_NAME_WORD.match(word)) and word.lower() not in NEVER_NAMES


def is_role_head(word: str) -> bool:
    """A title or role's head word ("Minister", "actress", "Coaches", "Mr.")."""
    lowered = word.lower()
    if word in HONORIFICS or lowered in ROLE_HEADS:
        return True
    return any(lowered.endswith(ending) and lowered[: -len(ending)] in ROLE_HEADS
               for ending in ("es", "s"))  # "Coaches Peter Mattonet"


def is_title(word: str) -> bool:
    """A title written capitalised inside a run of names ("Texas Gov. George W. Bush");
    an occupation there is part of a name ("Star Wars", "Rock Hudson")."""
    return word in HONORIFICS or word.lower().rstrip(".") in TITLES


def _is_role_word(word: str) -> bool:
    return is_role_head(word) or word.lower() in ROLE_MODIFIERS


@dataclass(frozen=True)
class Run:
    """A run of capitalised words in a sentence: the title or role before the name, the
    name, and the words around it."""

    role: tuple[str, ...]
    name: tuple[str, ...]
    start: int  # character offsets of the name
    end: int
    role_start: int  # character offset of the role (= start without one)
    before: tuple[str, ...]  # the two words before the role or name, lower-cased, nearest last
    after: tuple[str, ...]  # the six words after the name, lower-cased


# Runs of capitalised words (with initials, "&", particles and ", Jr." inside), found in
# one pass of the regular expression engine: a sentence is mostly lower-case words, which
# no Python code then looks at.
_RUN = re.compile(
    r"(?<![\w'’.-])[A-Z][\w'’.-]*"
    r"(?:(?:\s+|\s*&\s*)(?:[A-Z][\w'’.-]*|(?:" + "|".join(sorted(PARTICLES)) + r")(?=\s+[A-Z]))"
    r"|,\s*(?:Jr|Sr)\.?)*")
_ABBREVIATION = re.compile(r"^(?:(?:[A-Z]\.){1,3}|(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Sen|Gov|Lt|Col|Capt|Sgt|"
                           r"Gen|Adm|Rev|Prof|Rep|Mt|Ft|Inc|Corp|Co|Ltd)\.)$")
_CONTEXT_WORD = re.compile(r"(?:[A-Z]\.)+|[\w'’-]+|[^\w\s]")


def _run_segments(run: str) -> list[list[str]]:
    """The words of a run, cut where a period ends a sentence ("Dieter Binus. His"): that
    period belongs to no word."""
    segments: list[list[str]] = [[]]
    for word in run.replace("&", " & ").replace(",", " , ").split():
        if word.endswith(".") and not _ABBREVIATION.match(word):
            segments[-1].append(word[:-1])
            segments.append([])
        else:
            segments[-1].append(word)
    return [s for s in segments if s]


def name_runs(text: str, common: Callable[[str], bool] = lambda word: False,
              at: int | None = None) -> list[Run]:
    """Maximal runs of name words (initials, particles and "Jr." inside), each with the
    title or role words before it; only those of the capitalised words around offset
    `at`, when it is given. A sentence's first word is capitalised whatever it is: it
    starts no run when `common` says the event writes it in lower case elsewhere ("Today",
    "Many", "Although"), unless it is a title ("Inspector Gaskin")."""
    runs: list[Run] = []
    for match in _RUN.finditer(text):
        if at is not None and not match.start() <= at < match.end():
            continue
        position = match.start()
        for words in _run_segments(match.group()):
            offsets = []  # of each word in the text
            for word in words:
                position = text.index(word, position)
                offsets.append(position)
                position += len(word)
            runs.extend(_segment_runs(text, words, offsets, common))
    return runs


def _segment_runs(text: str, words: list[str], offsets: list[int],
                  common: Callable[[str], bool]) -> list[Run]:
    """The runs of name words among the capitalised words of one sentence."""
    runs: list[Run] = []
    end = offsets[-1] + len(words[-1])
    before = _CONTEXT_WORD.findall(text[max(0, offsets[0] - 60):offsets[0]])
    opens = not before or before[-1] in _OPENING_MARKS or before[-1] == "."
    i = 0
    while i < len(words):
        word = words[i]
        if not (is_name_word(word) or word in HONORIFICS or is_role_head(word)
                or (_INITIAL.match(word) and i + 1 < len(words)
                    and is_name_word(words[i + 1]))) \
                or (opens and i == 0 and not is_role_head(word) and common(word)):
            i += 1
            continue
        j = _run_end(words, i)
        runs.extend(_run(text, words[i:j], offsets[i:j], before + words[:i], end, j, words,
                         opens and i == 0))
        i = max(j, i + 1)
    return runs


def _run(text: str, run: list[str], offsets: list[int], preceding: list[str],
         end: int, j: int, words: list[str], opens: bool) -> list[Run]:
    """A run of name words, with its title or role words, as a `Run` (none without a
    name). An occupation opens a run only where every word is capitalised, at the start
    of a sentence ("Actress Tara Reid …"; elsewhere "Star Wars" is a name)."""
    k = max((h + 1 for h in range(len(run) - 1)
             if is_title(run[h]) or (h == 0 and opens and is_role_head(run[h]))), default=0)
    role, name = run[:k], run[k:]
    r = len(preceding)  # lower-case role words just before ("actress Tara Reid", "former")
    while r > 0 and preceding[r - 1].islower() and _is_role_word(preceding[r - 1]):
        r -= 1
    if not k and not any(is_role_head(w) for w in preceding[r:]):
        r = len(preceding)
    if r < len(preceding):
        # a description's own words before its role words ("union leader", "pin-up queen",
        # "former travel reporter"), then what it belongs to ("Playboy founder")
        s = r
        if s > 0 and preceding[s - 1].islower() and preceding[s - 1] not in ROLE_LEFT \
                and preceding[s - 1][0].isalpha() and not preceding[s - 1].endswith("ly"):
            s -= 1
        while s > 0 and len(preceding) - s < 5 and preceding[s - 1][0].isupper() \
                and preceding[s - 1].lower() not in NEVER_NAMES \
                and not preceding[s - 1].endswith(("'s", "’s")):
            s -= 1
        left = preceding[s - 1] if s > 0 else ""
        if left and left.lower() not in ROLE_LEFT and left[0].isalnum() \
                and not left[0].isupper():
            s = r = len(preceding)  # the description goes on further: no role
        r = s
    role_start = None
    if r < len(preceding):
        role_start = text.rindex(preceding[r], 0, offsets[0])
    role = preceding[r:] + role
    if not k and len(preceding) >= 2 and preceding[-1] == "of" and is_role_head(preceding[-2]):
        # "Secretary of State Madeleine Albright": the title's complement opens the run;
        # "the mayor of Maaleh Adumim" names a place, not the mayor
        if len(run) >= 3 and preceding[-2][0].isupper():
            role, name = preceding[-2:] + run[:1], run[1:]
            r = len(preceding) - 2
            role_start = text.rindex(preceding[-2], 0, offsets[0])
    if not name:
        return []
    first = offsets[len(run) - len(name)]
    if role and role_start is None:
        role_start = offsets[0]
    after = [w.lower() for w in words[j:]]
    if len(after) < 6:
        after += [w.lower() for w in _CONTEXT_WORD.findall(text[end:end + 80])]
    return [Run(tuple(role), tuple(name), first, offsets[-1] + len(run[-1]),
                role_start if role else first,
                tuple(w.lower() for w in preceding[max(0, r - 2):r]), tuple(after[:6]))]


def _run_end(words: list[str], i: int) -> int:
    """Where the run of name words that starts at `i` ends (exclusive)."""
    j = i
    while j < len(words):
        word = words[j]
        following = words[j + 1] if j + 1 < len(words) else ""
        if is_name_word(word) or _INITIAL.match(word) or (word[0].isupper() and is_title(word)):
            j += 1
            if word.endswith(("'s", "’s")):  # "Lindsay Lohan's lawyer": the name ends here
                break
        elif j > i and word == "&" and is_name_word(following):  # "Barnes & Noble"
            j += 1
        elif j > i and word.lower() in PARTICLES and is_name_word(following):
            j += 1
        elif j > i and word.lower() in SUFFIXES:
            j += 1
            break
        elif j > i and word == "," and following.lower() in SUFFIXES:
            j += 1
        else:
            break
    return j


def clean_name(name: Sequence[str]) -> Name:
    """The words of a name without possessive endings and commas."""
    return tuple(base_word(w) for w in name if w != ",")


def name_words(name: Name) -> list[str]:
    """The words of a name that can stand for the person (no initials, particles, "Jr.")."""
    return [w for w in name if w.lower() not in SUFFIXES and w.lower() not in PARTICLES
            and not _INITIAL.match(w)]


def surname(name: Name) -> str:
    return name_words(name)[-1]


def _is_full(name: Name) -> bool:
    return 2 <= len(name_words(name)) <= 4 and not _INITIAL.match(name[-1])


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
