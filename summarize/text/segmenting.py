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
from dataclasses import dataclass
from functools import cache

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

# After a time ("at 9 p.m."), a capitalized word starts a new sentence unless it belongs to
# the time: a zone ("EST", "Eastern", "Moscow time"), a day or a month ("10 a.m. Saturday").
TIME_ABBREVIATIONS = frozenset({"a.m", "p.m"})
TIME_ZONE_WORDS = frozenset("eastern central mountain pacific atlantic local greenwich".split())
DETERMINERS = frozenset("a an the this that each every".split())
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december jan feb mar apr jun jul aug "
    "sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun".split()
)

# Abbreviations are short (Kiss and Strunk 2006, "Unsupervised multilingual sentence
# boundary detection", Punkt's length factor), and a number after one is its usual
# collocation: a title-case word of at most this many letters before a number ("Op. 46",
# "Vol. 6", "Sec. 1302") is one. (Dates are "Aug. 7", in SOMETIMES_FINAL.)
SHORT_ABBREVIATION = 3

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
_WORD = re.compile(r"[^\W_]+")
_NEXT_WORD = re.compile(r"\s+([^\W_]+)")
MARKER_MAX_LENGTH = 5  # "(iii", "12": what _LIST_MARKER can match
_NUMBER_OR_TIME = re.compile(r"^\d{1,2}(?::\d{2})?$")
# A parenthetical citation right after a quotation ends it ("… forward.” (Lancet, 2021)"): it
# has no sentence punctuation or quotation of its own before its closing bracket.
_CITATION = re.compile(r"\s*\([^()\n]{1,80}?(?<![.!?\"'”’])\)(?=\s|$)")
# A title's abbreviation is also the last word of names ("Hun Sen", "Amartya Sen"): where
# the text writes it after a capitalized word, without a period and before no capitalized
# word ("Hun Sen complained", "Hun Sen's"), that pair is a name, and its period elsewhere
# is an ordinary one ("…from strongman Hun Sen. Hun Sen complained…").
_ABBREVIATION_WORDS = sorted({a.capitalize() for a in NEVER_FINAL | SOMETIMES_FINAL
                              if a.isalpha()}, key=len, reverse=True)
_AS_NAME = re.compile(r"\b([A-Z][\w'-]*) (" + "|".join(_ABBREVIATION_WORDS)
                      + r")\b(?![.\w])(?! [A-Z])")
# An emoticon after a sentence's end belongs to that sentence ("…worth it. :)"), as UD's
# treebanks have it: the boundary moves past it.
_EMOTICON_AFTER = re.compile(r" (?:>?[:;=][-o^']?[)(DPpO\]\[|*]|\^_\^|<3)(?!\S)")
_EMOTICON_STARTS = frozenset(":;=^<>")
_EXCLAMATIONS = frozenset({"!", "?", "!!", "??", "?!", "!?"})

# Items of a list written on one line: "1.) …", "2. …", "a. …", "b.) …". A bare "a) … b) …"
# is left alone: prose enumerates inside one sentence that way ("will a) alienate … and b) …").
_ITEM_MARKER = re.compile(
    r"(?<!\S)(?:(?P<number>\d{1,2})|(?P<letter>[a-z]))(?P<end>\.\)|\.)(?=\s)")


@dataclass(frozen=True)
class SplitRules:
    """One language's settings of the splitter; English's are this module's constants,
    another language's come from its entry in `summarize.text.languages`."""

    never_final: frozenset[str]
    sometimes_final: frozenset[str]
    sentence_starters: frozenset[str]
    time_abbreviations: frozenset[str]
    openers: str
    candidate: re.Pattern[str]
    # "am 3. Oktober", "der 2. Weltkrieg": a period after a day or an ordinal number
    months: frozenset[str] = frozenset()
    ordinal_before: frozenset[str] = frozenset()


ENGLISH = SplitRules(NEVER_FINAL, SOMETIMES_FINAL, SENTENCE_STARTERS, TIME_ABBREVIATIONS,
                     _OPENERS, _CANDIDATE)


@cache
def split_rules(language: str) -> SplitRules:
    """The splitter's settings for a supported language. After an acronym or an initial,
    a capitalized function word of the language (a stop word) opens a new sentence, as
    SENTENCE_STARTERS do in English; quotation marks set off by a space ("… partirons. »")
    close a sentence in the languages that space them."""
    if language == "en":
        return ENGLISH
    from summarize.text.languages import LANGUAGES, stop_words

    entry = LANGUAGES[language]
    spaced = (r"|\s[" + re.escape(entry.spaced_closers) + r"](?=\s)"
              if entry.spaced_closers else "")
    candidate = re.compile(r"(?P<end>\.(?:\s?\.){2,}|…|[.!?]+)(?P<close>(?:''|["
                           + re.escape(entry.closers) + r"]" + spaced + r")*)(?=\s)")
    return SplitRules(entry.never_final_words, entry.sometimes_final_words,
                      stop_words(language), frozenset(), entry.openers, candidate,
                      entry.months, entry.ordinal_words)


def _is_boundary(
    text: str, begin: int, start: int, end_punct: str, close: str, after: int,
    rules: SplitRules = ENGLISH,
    names: Names = frozenset(),
) -> bool:
    """Decide one candidate: `begin` starts the current sentence, `start` its punctuation."""
    # The first word after the boundary, past opening quotes and brackets.
    i, n = after, len(text)
    while i < n and text[i].isspace():
        i += 1
    while i < n and text[i] in rules.openers:
        i += 1
    if i >= n:
        return True
    first = text[i]
    if first.islower() and not _NEXT_LIST_MARKER.match(text, i):
        # A lowercase continuation: `?” she said`, `p.m. local time`, `... and then`. But
        # "!" or "?" outside a quotation ends a sentence that a careless writer's next one
        # follows in lowercase ("Don't give up! you can do it."): on the `sentences` set,
        # 120 boundaries of web text found for 7 false ones, no DUC 2006 paragraph changed.
        return end_punct in _EXCLAMATIONS and not close
    if end_punct != ".":
        return True  # ! ? ?! !! ... followed by a capital, digit or symbol
    if start - begin <= MARKER_MAX_LENGTH and _LIST_MARKER.match(text[begin:start]):
        return False  # "1. Item", "a.) Item": a list marker opening the sentence
    if close:
        return True  # ." or .” followed by a capital: the quotation ended the sentence
    word_start = text.rfind(" ", 0, start) + 1
    word = text[word_start:start].lstrip(rules.openers)
    lowered = word.lower()
    if not word:
        return True
    spaced = _previous_word(text, word_start)
    if len(word) == 1 and len(spaced) == 2 and spaced[0].isalpha() and spaced[1] == ".":
        # an acronym written with spaces ("1 p. m. Saturday", "U. S. Army"): as unspaced
        word_start -= len(spaced) + 1
        word = text[word_start:start].replace(" ", "").lstrip(rules.openers)
        lowered = word.lower()
    if rules is not ENGLISH:  # (the table of another language decides)
        if lowered in rules.never_final:
            return False
        if lowered in rules.sometimes_final:
            return not first.isdigit()
        if len(word) == 1 and word.isupper():
            return not _is_initial(text, begin, word_start, _WORD.match(text, i), rules)
    else:
        abbreviation = lowered in rules.never_final or lowered in rules.sometimes_final
        if abbreviation and (_previous_word(text, word_start).lower(), lowered) in names:
            abbreviation = False  # the last word of a name the text uses ("Hun Sen")
        if abbreviation and lowered in rules.never_final:
            return False
        if abbreviation and lowered in rules.sometimes_final:
            # "Acme Inc. The company", but "Sept. 12" and a weekday's date ("Wed. Sept. 20")
            next_word = _WORD.match(text, i)
            return not first.isdigit() and not (
                next_word and next_word.group().lower() in CALENDAR_WORDS)
        if len(word) == 1 and word.isupper():
            return not _is_initial(text, begin, word_start, _WORD.match(text, i), rules)
        if len(word) == 1 and word.islower():
            # A lowercase letter is no word that ends a sentence: an abbreviation ("b. 1950",
            # "c. 1818", "d. 1990") unless a word that often opens a sentence follows.
            next_word = _WORD.match(text, i)
            return bool(next_word) and next_word.group().lower() in SENTENCE_STARTERS
        if (first.isdigit() and i == after + 1 and len(word) <= SHORT_ABBREVIATION
                and word.istitle() and word.isalpha() and lowered not in CALENDAR_WORDS):
            return False  # "Op. 46", "Vol. 6", "Sec. 1302", but "on 30 May. 1998 was…"
    if _ACRONYM.match(word):
        next_word = _WORD.match(text, i)
        if not next_word:
            return False
        number = _previous_word(text, word_start)
        if lowered in rules.time_abbreviations and _NUMBER_OR_TIME.match(number):
            before = _previous_word(text, word_start - len(number) - 1).lower()
            # "the 7 p.m. Concorde": a time after a determiner describes the noun that follows
            return before not in DETERMINERS and not _belongs_to_time(text, next_word)
        return next_word.group().lower() in rules.sentence_starters
    if rules.ordinal_before and word.isdigit() and len(word) <= 2:
        return not _is_ordinal(text, word_start, _WORD.match(text, i), rules)
    return True


def _is_ordinal(text: str, word_start: int, next_word: re.Match[str] | None,
                rules: SplitRules) -> bool:
    """Whether a number before a period is an ordinal, as German writes them ("am 3.
    Oktober", "der 2. Weltkrieg"; Duden, Rechtschreibregeln § 104): before a month's name,
    or after a determiner or a preposition, not at a sentence's end ("… im Jahr 12. Dann")."""
    if next_word and next_word.group().lower() in rules.months:
        return True
    return _previous_word(text, word_start).lower() in rules.ordinal_before


def _belongs_to_time(text: str, next_word: re.Match[str]) -> bool:
    """Whether the word after a time (`next_word`, matched in `text`) is part of it."""
    following = next_word.group()
    if following.isupper() or not following[0].isalpha():
        return True  # "EST", "GMT", "(0600 GMT)"
    if following.lower() in CALENDAR_WORDS or following.lower() in TIME_ZONE_WORDS:
        return True
    after = _NEXT_WORD.match(text, next_word.end())
    return bool(after) and after.group(1).lower() == "time"  # "Moscow time"


def _previous_word(text: str, word_start: int) -> str:
    """The word before the one starting at `word_start` ("" at the start of the text)."""
    end = word_start - 1
    return text[text.rfind(" ", 0, max(end, 0)) + 1 : max(end, 0)]


def _is_initial(text: str, begin: int, word_start: int, next_word: re.Match[str] | None,
                rules: SplitRules = ENGLISH) -> bool:
    """Whether a capital letter before a period is a name's initial ("R. Allen Haywood",
    "Jonas E. Smith") rather than a word ending a sentence ("than I. Still", "vitamin D.
    Their"): only a lowercase word before it and a word that often opens a sentence after
    it make it a sentence's end, as for acronyms."""
    if word_start <= begin or not next_word:
        return True
    if next_word.end() - next_word.start() == 1 and text[next_word.end():next_word.end() + 1] \
            == "." and next_word.group().isupper():
        return True  # one initial after another ("A. S. Volkov", "J. A. Smith")
    before = _previous_word(text, word_start).lstrip(rules.openers)
    return not (before[:1].islower() and next_word.group().lower() in rules.sentence_starters)


def names_in(text: str) -> frozenset[tuple[str, str]]:
    """The names `text` ends with a title's abbreviation ("Hun Sen"), lower-cased pairs."""
    return frozenset((first.lower(), last.lower()) for first, last in _AS_NAME.findall(text))


class NamesIn:
    """`names_in(text)`, found the first time a pair is looked up: most texts never need
    it, and finding it is a quarter of the splitter's time (a whole article's, a tenth of
    the batch's splitting)."""

    __slots__ = ("text", "found")

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: frozenset[tuple[str, str]] | None = None

    def __contains__(self, pair: object) -> bool:
        if self.found is None:
            self.found = names_in(self.text)
        return pair in self.found


Names = frozenset[tuple[str, str]] | NamesIn


def _split_paragraph(paragraph: str, rules: SplitRules = ENGLISH,
                     names: Names = frozenset()) -> list[str]:
    sentences = []
    begin = 0
    for match in rules.candidate.finditer(paragraph):
        if match.start() < begin:
            continue  # inside a citation already attached to the sentence before
        end, close = match.group("end"), match.group("close")
        if _is_boundary(paragraph, begin, match.start(), end, close, match.end(), rules,
                        names):
            stop = match.end()
            if close and close[-1] in "\"”’'":
                citation = _CITATION.match(paragraph, stop)
                stop = citation.end() if citation else stop
            elif paragraph[stop + 1 : stop + 2] in _EMOTICON_STARTS and (
                    emoticon := _EMOTICON_AFTER.match(paragraph, stop)):
                stop = emoticon.end()
            sentence = paragraph[begin:stop].strip()
            if sentence:
                sentences.append(sentence)
            begin = stop
    rest = paragraph[begin:].strip()
    if rest:
        sentences.append(rest)
    if rules is ENGLISH and " " in paragraph:
        sentences = [part for sentence in sentences for part in _unglued(sentence)]
    return sentences


# A sentence run into the one before it with no punctuation between them, where a line
# break was lost ("… at the weekend A British climber has fallen …"): a lower-case word,
# then "The", "A" or "An" and a lower-case word. Inside a sentence these open a title
# ("the play The Tempest"), followed by a capitalised word, or are a letter after an
# article ("an A grade", "the A list"). On the sentences set: EWT F1 0.893 -> 0.894, GUM
# unchanged; 13 such joins in the 977 English articles of the grouping set, 0 in DUC 2006.
_GLUED = re.compile(r"(?<=[a-z]{2}) (?=(?:The|A|An) [a-z]+ [a-z])")


def _unglued(sentence: str) -> list[str]:
    if "The " not in sentence and "A " not in sentence and "An " not in sentence:
        return [sentence]
    parts, begin = [], 0
    for match in _GLUED.finditer(sentence):
        before = sentence[:match.start()].rsplit(" ", 1)[-1].lower()
        if before in DETERMINERS:
            continue
        parts.append(sentence[begin:match.start()])
        begin = match.end()
    parts.append(sentence[begin:])
    return parts


def _list_items(paragraph: str) -> list[str]:
    """The paragraph cut before each item of a list run together on one line.

    A marker counts only as part of a sequence that starts at 1 or a and goes on in order
    (1, 2, 3 or a, b, c) in one style ("1.)" or "1."): a lone "a." or "2." in prose is no
    list.
    """
    if not _ITEM_MARKER.search(paragraph):
        return [paragraph]
    cuts: list[int] = []
    runs: dict[tuple[bool, str], list[int]] = {}
    expected: dict[tuple[bool, str], int] = {}
    for marker in _ITEM_MARKER.finditer(paragraph):
        numeric = marker.group("number") is not None
        value = int(marker.group("number")) if numeric else ord(marker.group("letter")) - 96
        style = (numeric, marker.group("end"))
        if value == 1:
            runs[style], expected[style] = [marker.start()], 2
        elif value == expected.get(style):
            runs[style].append(marker.start())
            expected[style] += 1
            if value == 2:
                cuts.extend(runs[style])
            else:
                cuts.append(marker.start())
    if not cuts:
        return [paragraph]
    bounds = [0] + sorted(set(cuts)) + [len(paragraph)]
    return [paragraph[a:b] for a, b in zip(bounds, bounds[1:]) if paragraph[a:b].strip()]


def split_sentences(text: str, language: str = "en",
                    names: Names | None = None) -> list[str]:
    """The sentences of `text`, in order, with white space inside each folded to one space;
    `language` (a code of `summarize.text.languages`) gives the abbreviations and quotation
    marks. `names`: the names ending in a title's abbreviation its article uses (`names_in`
    of the whole article, or `NamesIn` of it); by default those `text` uses."""
    rules = split_rules(language)
    sentences: list[str] = []
    known: Names = NamesIn(text) if names is None else names
    for paragraph in _PARAGRAPH_BREAK.split(text):
        paragraph = " ".join(paragraph.split())  # (str.split's white space is re's \s)
        # (an item marker is followed by white space, here a space: without ". " or ".) "
        # the paragraph has none, as half of the paragraphs of news have one sentence)
        listed = ". " in paragraph or ".) " in paragraph
        for part in _list_items(paragraph) if listed else [paragraph]:
            sentences.extend(_split_paragraph(part.strip(), rules, known))
    return sentences
