"""Which way in time a clause points: the verb groups of a sentence, the tense of each, and
the one that governs a given word.

No tagger: verb groups are chunked (Abney 1991, "Parsing by chunks") from the closed
classes (auxiliaries, modals), a table of irregular past forms and the regular "-ed"
ending. A lexical verb in the present simple ("the trial begins Monday") is not seen, so
its clause stays undecided; undecided is an answer, and a caller that would write a fact
from the tense (a date, a headline) writes nothing then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PAST = "past"
PAST_PERFECT = "past perfect"  # "had met": before some other past time
PARTICIPLE = "participle"  # "a report released Tuesday": done, but not a clause's verb
PRESENT = "present"
FUTURE = "future"
DOUBT = "doubt"  # "would", "could", "was to": the sentence does not say when

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|['’](?:ll|s|re|ve|d)\b|\d+(?:[.,:]\d+)*|\S")

# Common irregular past forms (simple past and past participle) that differ from the base
# form. Forms that are as often a noun or a present tense in news copy ("lay", "ground",
# "bound", "wound", "hit", "put", "set", "cut") are left out.
IRREGULAR_PAST = frozenset("""
ate beaten became been began begun bent bit blew blown bore born borne bought brought built
burnt came caught chose chosen dealt did done drank drawn drew driven drove drunk fallen fell
felt flew flown forgot forgotten fought found frozen gave given gone got gotten grew grown
had heard held hid hidden hung kept knew known laid led left lent lost made meant met oversaw
paid proven ran rebuilt risen rode rose said sang sank sat saw seen sent shaken shook shot
shown shrank slain slept sold sought spent spoke spoken stole stolen stood struck stuck sunk
swept swore sworn taken taught thought threw thrown told took tore torn understood undertook
undertaken underwent upheld went were withdrawn withdrew won wore worn written wrote
agreed freed guaranteed decreed
""".split())
# Words ending in "-ed" that are no past form.
NOT_PAST_ED = frozenset("""
bed creed embed hundred kindred naked red sacred sled wicked wed hatred ahmed mohammed fred
ted ned united
""".split())
# Past forms spelled like their present ("A quake hit the coast on Sunday"): past after a
# noun, not after "to", an auxiliary or a pronoun that takes the present ("they hit").
SAME_AS_PRESENT = frozenset("hit put cut shut beat burst spread cost quit let hurt".split())
_PRESENT_SUBJECTS = frozenset("i we you they to not n't".split())
FUTURE_AUXILIARIES = frozenset("will shall 'll won't".split())
# What "may", "should", "must" say of a day, they say of a coming one.
FUTURE_MODALS = frozenset("may should must".split())
# A conditional, a possibility, an ability ("can only be strengthened by the shooting on
# Tuesday": which Tuesday?), or a future seen from the past.
DOUBT_MODALS = frozenset("would could might can 'd".split())
PRESENT_BE = frozenset("is are am 's 're".split())
PAST_BE = frozenset("was were".split())
PRESENT_HAVE = frozenset("has have 've".split())
_AUXILIARIES = (PRESENT_BE | PAST_BE | PRESENT_HAVE | FUTURE_AUXILIARIES | FUTURE_MODALS
                | DOUBT_MODALS | frozenset("be been being had do does did".split()))
# Present verbs whose infinitive is what is to come: "plans to vote on Friday".
PLANNING = frozenset("""
plan plans intend intends hope hopes aim aims want wants seek seeks expect expects vow vows
promise promises pledge pledges threaten threatens agree agrees decide decides prepare
prepares try tries need needs
""".split())
# "is expected to", "are scheduled for": an arrangement for a coming day.
SCHEDULED = frozenset("expected scheduled set due slated poised planned likely going about "
                      "supposed".split())
# Verbs whose infinitive says what is to be done later, even with words between them:
# "urged Congress to act", "decided Tuesday night to turn the boy over on Wednesday".
OBJECT_CONTROL = ("ask", "urg", "tell", "told", "order", "allow", "forc", "persuad", "invit",
                  "call", "expect", "want", "requir", "encourag", "instruct", "direct",
                  "advis", "warn", "authori", "permit", "compel", "press", "appeal",
                  "lobb", "challeng", "schedul", "set", "decid", "agree", "plan", "promis",
                  "vow", "pledg", "threaten", "hope", "tri", "prepar", "refus", "offer",
                  "sought", "seek", "aim", "intend", "vote")
# Words that may stand between the parts of a verb group (besides "-ly" adverbs).
_ADVERBS = frozenset("not n't never also already still just reportedly allegedly again "
                     "initially originally previously first then now later soon almost "
                     "quite even ever once since yet".split())
# Before an "-ed" word, these make it an adjective ("the injured man").
DETERMINERS = frozenset("the a an his her its their our my your this that these those some "
                        "any no every each many several more most so-called".split())
# Words that open a clause of their own.
SUBORDINATORS = frozenset("that which who whom whose when where while whereas because "
                          "although though if unless whether after before once as".split())
_CLAUSE_MARKS = frozenset(";:()—–“”\"")
_QUOTE_MARKS = frozenset("“”\"")
# A quotation shorter than this is a title or a term ("saw “Phantom” Friday"), not a clause.
MIN_QUOTED_WORDS = 4
# "After the vote, …", "As expected, …": openers of a stretch before the subject
# (`titles` drops such a stretch from a headline too).
PREPOSED = frozenset("after before despite in on at with without as amid while when although "
                     "though because since following like unlike according for during by "
                     "under once if from to among until unless".split())
_RELATIVES = frozenset("who which that whose whom".split())
# After "to", these are a noun phrase ("sent to prison"), not a verb.
_NOT_VERBS = frozenset("him her them us me it power court prison jail hospital death date "
                       "office".split())


@dataclass(frozen=True)
class Group:
    """A verb group: words [start, end) and the way it points in time."""

    start: int
    end: int
    tense: str
    head: str  # its first word, lower case


@dataclass(frozen=True)
class Parsed:
    """A sentence's words (with their character spans), verb groups and clause marks."""

    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    groups: tuple[Group, ...]
    marks: tuple[bool, ...]  # the word opens or closes a clause


def parse(text: str) -> Parsed:
    found = list(_TOKEN.finditer(text))
    words = [m.group() for m in found]
    return Parsed(tuple(words), tuple(m.span() for m in found), tuple(verb_groups(words)),
                  tuple(clause_marks(words)))


def is_past_form(word: str) -> bool:
    """A simple past or past participle, as far as spelling tells (lower case)."""
    if word in IRREGULAR_PAST:
        return True
    return (len(word) > 3 and word.endswith("ed") and not word.endswith("eed")
            and word not in NOT_PAST_ED)


def _is_adverb(word: str) -> bool:
    return word in _ADVERBS or word.endswith("ly")


def _skip_adverbs(words: list[str], i: int) -> int:
    while i < len(words) and _is_adverb(words[i]):
        i += 1
    return i


def _is_infinitive(words: list[str], raw: list[str], i: int) -> bool:
    """words[i] is "to" and a verb follows ("to meet"), not a noun phrase ("to Moscow",
    "to the court"). An unknown word counts as a verb: the infinitive is the reading that
    doubts."""
    j = i + 1
    return (j < len(words) and raw[j][:1].islower() and words[j] not in DETERMINERS
            and not words[j].endswith("ing") and words[j] not in _NOT_VERBS)


def verb_groups(raw: list[str] | tuple[str, ...]) -> list[Group]:
    """The verb groups among a sentence's words, left to right, each with its tense."""
    raw = list(raw)
    # (lower case in one pass over the words joined by NULs: a letter's lower case looks
    # no further than its word, whose end a NUL marks as well as the string's end does)
    words = "\0".join(raw).lower().replace("’", "'").split("\0")
    if len(words) != len(raw):  # (a word that held a NUL)
        words = [w.lower().replace("’", "'") for w in raw]
    groups: list[Group] = []
    i = 0
    # (most words start no group, `_tense_at`'s first test: only the others are visited)
    for start in [k for k, w in enumerate(words) if w in _STARTERS or w.endswith("ed")]:
        if start < i:
            continue  # (inside the group before)
        i, word = start, words[start]
        tense = None if i and raw[i][:1].isupper() else _tense_at(words, raw, i, groups)
        if tense is None:  # (a capitalized word inside a sentence is a name: "Mark Felt")
            i += 1
            continue
        # the rest of the group: auxiliaries, adverbs, participles, the verb ("to" and an
        # infinitive make a group of their own, with the time it points to)
        i += 1
        while i < len(words) and i - start < 6 and (
                _is_adverb(words[i]) or words[i] in ("be", "been", "being", "have")
                or is_past_form(words[i]) or words[i].endswith("ing")):
            i += 1
        groups.append(Group(start, i, tense, word))
    return groups


def _tense_at(words: list[str], raw: list[str], i: int, groups: list[Group]) -> str | None:
    """The tense of a verb group starting at word i, or None when no group starts there."""
    word = words[i]
    if word not in _STARTERS and not word.endswith("ed"):
        return None  # (most words: no group starts at them)
    after = _skip_adverbs(words, i + 1)
    following = words[after] if after < len(words) else ""
    if word in FUTURE_AUXILIARIES:
        return FUTURE
    if word in FUTURE_MODALS and raw[i][:1].islower():
        return DOUBT if following == "have" else FUTURE  # "may have met": a guess
    if word in DOUBT_MODALS:
        return DOUBT
    if word == "am" and i and words[i - 1][:1].isdigit():
        return None  # "10 am"
    if word in PRESENT_BE or word in PAST_BE:
        past = word in PAST_BE
        if (following == "to" and _is_infinitive(words, raw, after)) or (
                following in SCHEDULED and after + 1 < len(words)
                and words[after + 1] in ("to", "for")):
            return DOUBT if past else FUTURE  # "is to visit"; "was expected to" (did it?)
        if following.endswith("ing") and following != "being" and not past:
            return FUTURE  # "is meeting on Friday": an arrangement ("is being treated": now)
        return PAST if past else PRESENT
    if word in PRESENT_HAVE or word == "had":
        if following == "to":
            return DOUBT if word == "had" else FUTURE  # "has to appear"
        if following == "been" or is_past_form(following):
            return PAST_PERFECT if word == "had" else PAST  # present perfect: done by now
        return PAST if word == "had" else PRESENT
    if word == "did":
        return PAST
    if word in ("do", "does"):
        return PRESENT
    if word in PLANNING and following == "to":
        return FUTURE
    if is_past_form(word) and not (i and words[i - 1] in DETERMINERS
                                   and not (words[i - 1] == "that" and _noun_before(words, i))):
        # "analysts contacted by the paper": a participle describing a noun
        if following == "by" and i and words[i - 1] not in _AUXILIARIES:
            return PARTICIPLE
        return PAST
    if word in SAME_AS_PRESENT and i and words[i - 1] not in _PRESENT_SUBJECTS \
            and words[i - 1] not in _AUXILIARIES and words[i - 1] not in DETERMINERS:
        return PAST
    if word == "to" and groups and _is_infinitive(words, raw, i):
        # "agreed to meet on Friday", "asked the court to rule on Friday": what the verb
        # before wants done, later than its own time. "Stopped him in the sixth round to
        # retain his title" (a purpose) is no group of its own: the verb's time is its time.
        last = groups[-1]
        adjacent = _skip_back_adverbs(words, i) == last.end
        if adjacent or words[last.end - 1].startswith(OBJECT_CONTROL):
            return FUTURE if last.tense in (FUTURE, PRESENT) else DOUBT
    return None


def _noun_before(words: list[str], i: int) -> bool:
    """The word before "that" (words[i - 1]) ends a noun phrase: "that" then opens a
    relative clause ("a fire that ripped through the store"), not a noun phrase ("that
    damaged car"), whose "-ed" word would describe a noun."""
    return i >= 2 and words[i - 2].isalpha() and words[i - 2] not in _NOT_NOUNS


# Words that are no noun before a "that": verbs of saying and thinking ("said that"),
# prepositions and conjunctions ("so that", "after that").
_NOT_NOUNS = frozenset("said says say told tells tell believe believed think thought know knew "
                       "found find show showed shown reported announced added noted warned "
                       "argued claimed insisted so and but or after before than like of in on "
                       "at for with by from about is was are were be been has have had".split())


# The words a verb group can start with (besides "-ed" forms).
_STARTERS = (_AUXILIARIES | PLANNING | IRREGULAR_PAST | SAME_AS_PRESENT | frozenset(["to"]))


def _skip_back_adverbs(words: list[str], i: int) -> int:
    while i > 0 and _is_adverb(words[i - 1]):
        i -= 1
    return i


def clause_marks(raw: list[str] | tuple[str, ...]) -> list[bool]:
    """Which words open or close a clause: ";", ":", dashes, parentheses, subordinating
    words, and the marks of a quotation of MIN_QUOTED_WORDS words or more."""
    marks = [t in _CLAUSE_MARKS or t == "--" or t.lower() in SUBORDINATORS for t in raw]
    opened = None
    for k in [k for k, t in enumerate(raw) if t in _QUOTE_MARKS]:
        if opened is None and raw[k] != "”":
            opened = k
        elif opened is not None:
            if k - opened - 1 < MIN_QUOTED_WORDS:
                marks[opened] = marks[k] = False
            opened = None
    return marks


def clause_bounds(marks: tuple[bool, ...] | list[bool], position: int) -> tuple[int, int]:
    """The words [start, end) of the clause around word `position`."""
    start = next((k + 1 for k in range(position - 1, -1, -1) if marks[k]), 0)
    end = next((k for k in range(position + 1, len(marks)) if marks[k]), len(marks))
    return start, end


def governing_group(parsed: Parsed, position: int) -> Group | None:
    """The verb group that governs word `position`: the nearest before it in its clause;
    else the first after it (a fronted "On Friday, officials will …", or "The council on
    Friday approved …"); else the nearest before its clause (a clause with no verb of its
    own: "after the meeting on Friday"). A form of "be" or "have" after the word governs
    it only when the word is fronted: "The meeting on Friday was postponed" dates the
    meeting, not the postponing (then the tense is DOUBT)."""
    groups, words = parsed.groups, parsed.words
    lo, hi = clause_bounds(parsed.marks, position)
    before = [g for g in groups if lo <= g.start and g.end <= position]
    if before:
        return before[-1]
    after = [g for g in groups if position < g.start < hi]
    if after:
        fronted = position + 1 < len(words) and words[position + 1] == ","
        if after[0].head in PRESENT_BE | PAST_BE | PRESENT_HAVE | {"had"} and not fronted:
            return Group(after[0].start, after[0].end, DOUBT, after[0].head)
        return after[0]
    before = [g for g in groups if g.end <= lo]
    return before[-1] if before else None


def main_group(parsed: Parsed) -> Group | None:
    """The verb group of the main clause: after any stretch before the subject that a comma
    sets off ("After the vote, …"), the first group that is neither a participle nor inside
    a relative clause of the subject ("Chemists who examined the soil found …")."""
    words, start = parsed.words, 0
    while start < len(words):
        comma = next((k for k in range(start, len(words)) if words[k] == ","), None)
        opener = words[start].lower()
        if comma is None or not (opener in PREPOSED or opener.endswith("ing")):
            break
        start = comma + 1
    found = [g for g in parsed.groups if g.start >= start and g.tense != PARTICIPLE]
    if not found:
        return None
    if any(words[k].lower() in _RELATIVES for k in range(start, found[0].start)):
        return found[1] if len(found) > 1 else None
    return found[0]
