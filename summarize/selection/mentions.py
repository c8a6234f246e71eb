"""Mentions of the event's people in a sentence: where each name stands, whether it is in a
quotation, whether an apposition gives the role (selection/people.py finds who they are)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summarize.selection.names import (
    ATTRIBUTIVE,
    HONORIFICS,
    ROLE_MODIFIERS,
    Name,
    clean_name,
    is_role_head,
    name_runs,
    name_words,
)
from summarize.selection.people import People, maybe_person


def in_quotation(text: str, at: int) -> bool:
    """Whether offset `at` of a sentence lies inside a quotation."""
    before = text[:at]
    opened = before.count("“") + before.count("``") - before.count("”") - before.count("''")
    return opened > 0 or before.count('"') % 2 == 1


@dataclass(frozen=True)
class Mention:
    """A mention of a person in a sentence."""

    person: Name | None  # the person, when the event knows them
    word: str  # the mention's last word (a surname, or a lone word)
    words: tuple[str, ...]  # the words of the name that can stand for the person
    full: bool  # the mention gives the full name
    role: bool  # a title or role stands before it, or an apposition after it
    honorific: str | None  # "Mr." before a lone word
    start: int  # the name's offsets
    end: int
    role_start: int
    quoted: bool


def _apposition(after: Sequence[str]) -> bool:
    """The words after a name describe the person: ", the chairman of …", ", executive
    director", ", a spokesman"."""
    if len(after) < 2 or after[0] != ",":
        return False
    words = list(after[1:])
    if words[0] in ("a", "an", "the", "its", "his", "her", "their"):
        words = words[1:]
    for word in words[:4]:
        if is_role_head(word):
            return True
        if word.lower() not in ROLE_MODIFIERS and not word[:1].isupper():
            return False
    return False


def mentions(text: str, people: People) -> list[Mention]:
    """The people a sentence names: by full name, or by a lone word that stands for a
    person of the event. A surname used as a modifier names no one ("the Bush
    administration"). Kept in `people.read`: selection reads a sentence again each round."""
    if text not in people.read:
        people.read[text] = _mentions(text, people)
    return people.read[text]


def _mentions(text: str, people: People) -> list[Mention]:
    found = []
    # (a sentence's first word is a name when the event's people say so, however common)
    for run in name_runs(text, lambda w: people.is_common(w) and not people.is_person_word(w)):
        name = clean_name(run.name)
        if not name:
            continue
        role = any(is_role_head(w) and w not in HONORIFICS for w in run.role) \
            or _apposition(run.after)
        quoted = in_quotation(text, run.start)
        honorific = run.role[-1] if run.role and run.role[-1] in HONORIFICS else None
        if len(name) >= 2:
            words = name_words(name)
            if not words:
                continue
            known = people.person(name)
            person = known.name if known else None
            if person is not None or maybe_person(name):
                found.append(Mention(person, words[-1], tuple(words), True, role, honorific,
                                     run.start,
                                     run.end, run.role_start, quoted))
            continue
        word = name[0]
        if (run.after[:1] and run.after[0] in ATTRIBUTIVE) \
                or (not run.role and run.before[-1:] and run.before[-1] in ("the", "a", "an")):
            continue  # "the Bush administration", "the Berg plan": no one is named
        if people.is_person_word(word):
            resolved = people.resolve(word)
            found.append(Mention(resolved.name if resolved else None, word, (word,), False,
                                 role, honorific, run.start, run.end, run.role_start, quoted))
    return found
