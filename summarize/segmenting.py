"""Sentence splitting: offline, rule-based, fast.

One regular expression finds every candidate boundary (a run of . ! ? or an ellipsis, any
closing quotes or brackets, then white space); a few rules decide each candidate from the word
before it and the word after it. Work is done only at punctuation, so the splitter runs at
millions of words per second (benchmarks/splitting.py compares it with pysbd and with NLTK's
Punkt given the same abbreviations). Blank lines are hard boundaries; single line breaks
inside a paragraph are spaces.
"""

from __future__ import annotations

import re

# Abbreviations after which a period never ends a sentence: titles and honorifics that
# always precede a name ("Gen. Kim"), and words a number follows ("No. 5", "p. 12").
NEVER_FINAL = frozenset(
    "mr mrs ms dr prof gov gen lt col maj capt cmdr sgt cpl adm sen rep rev hon pres supt "
    "insp det messrs mme mlle sr st mt ft vs v cf al fig figs vol vols no nos nr p pp n° ca "
    "approx dept est".split()
)
# Abbreviations that can end a sentence too ("… Acme Inc. The company …"): the period is a
# boundary only when a capitalized word follows and no digit does ("Sept. 12").
SOMETIMES_FINAL = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri "
    "sat sun corp co inc ltd llc plc bros jr esq etc ave blvd rd hwy e.g i.e".split()
)
# Words that often start a sentence: after an acronym ("the U.S. The …") a boundary is
# likely only before one of these; before other capitalized words ("U.S. President") not.
SENTENCE_STARTERS = frozenset(
    "a an the he she it its they we i you his her their our my this that these those there "
    "here but and or so yet if in on at for of by as to from with after before when while "
    "since because although though however meanwhile still also then now today yesterday "
    "tomorrow some many most several all both each no not one two three what who why how "
    "where which officials police analysts experts".split()
)

_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«`"
# terminal punctuation (an ellipsis, spaced or not, or a run of . ! ?), closers, white space
_CANDIDATE = re.compile(
    r"(?P<end>\.(?:\s?\.){2,}|…|[.!?]+)(?P<close>(?:''|[" + re.escape(_CLOSERS) + r"])*)(?=\s)"
)
_ACRONYM = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]$")  # U.S, a.m, U.S.A (final period cut)
_NEXT_LIST_MARKER = re.compile(r"(?:[a-z]|[ivx]{2,4})[.)]\s+[A-Z(“\"]")  # "… b. Second"
_LIST_MARKER = re.compile(r"^\s*(?:\(?[0-9]{1,3}|\(?[a-zA-Z]|[ivxIVX]{1,4})$")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SPACE = re.compile(r"\s+")


def _is_boundary(
    text: str, begin: int, start: int, end_punct: str, close: str, after: int
) -> bool:
    """Decide one candidate: `begin` starts the current sentence, `start` its punctuation."""
    # The first word after the boundary, past opening quotes and brackets.
    i, n = after, len(text)
    while i < n and text[i].isspace():
        i += 1
    while i < n and text[i] in _OPENERS:
        i += 1
    if i >= n:
        return True
    first = text[i]
    if first.islower() and not _NEXT_LIST_MARKER.match(text, i):
        # a lowercase continuation: `?” she said`, `p.m. local time`, `... and then`
        return False
    if end_punct != ".":
        return True  # ! ? ?! !! ... followed by a capital, digit or symbol
    if close:
        return True  # ." or .” followed by a capital: the quotation ended the sentence
    word_start = text.rfind(" ", 0, start) + 1
    word = text[word_start:start].lstrip(_OPENERS)
    lowered = word.lower()
    if not word:
        return True
    if lowered in NEVER_FINAL:
        return False
    if _LIST_MARKER.match(text[begin:start]):
        return False  # "1. Item", "a. Item": a list marker opening the sentence
    if lowered in SOMETIMES_FINAL:
        return not first.isdigit()
    if len(word) == 1 and word.isupper():
        return False  # an initial: "Jonas E. Smith"
    if _ACRONYM.match(word):
        next_word = re.match(r"[^\W_]+", text[i:])
        return bool(next_word) and next_word.group().lower() in SENTENCE_STARTERS
    return True


def _split_paragraph(paragraph: str) -> list[str]:
    sentences = []
    begin = 0
    for match in _CANDIDATE.finditer(paragraph):
        end, close = match.group("end"), match.group("close")
        if _is_boundary(paragraph, begin, match.start(), end, close, match.end()):
            sentence = paragraph[begin : match.end()].strip()
            if sentence:
                sentences.append(sentence)
            begin = match.end()
    rest = paragraph[begin:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, in order, with white space inside each folded to one space."""
    sentences: list[str] = []
    for paragraph in _PARAGRAPH_BREAK.split(text):
        paragraph = _SPACE.sub(" ", paragraph).strip()
        if paragraph:
            sentences.extend(_split_paragraph(paragraph))
    return sentences
