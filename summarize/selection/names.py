"""Runs of capitalised words that may name someone, with the title or role written
before them ("Prime Minister Ehud Barak", "actress Tara Reid", "Texas Gov. George W.
Bush"), and the words that tell a name from a role, a place or a thing: what
`selection/people.py` reads the event's people from, and `selection/mentions.py` a
sentence's mentions of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

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
# Of those, players' positions that are also everyday words ("move back", "the center of
# town", "a guard rail"): a role before a name, not a person wherever they stand.
POSITIONS = frozenset("center centre guard forward back".split())
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
INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$")
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
                or (INITIAL.match(word) and i + 1 < len(words)
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
        if is_name_word(word) or INITIAL.match(word) or (word[0].isupper() and is_title(word)):
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
            and not INITIAL.match(w)]
