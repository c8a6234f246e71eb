"""Line rules: what a line of a scraped page says of itself, by its words alone (a caption,
a label, a promo, a notice, a credit, page code), and the spans of a long line a rule
names, never a paragraph of story (`ruled_spans`). Cleaning (`text.cleaning`) applies them
line by line; every rule says what evidence it uses."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from summarize.text.boilerplate import ends_with
from summarize.text.memo import per_line
from summarize.text.segmenting import split_sentences

# --- line rules ----------------------------------------------------------------------

# Captions name where a photo came from; no story sentence does.
_CAPTION = re.compile(
    r"^\W*(?:in )?this (?:\w+ )?(?:photo|image|picture|video)\b"
    r"|(?:^|\bthis (?:\w+ )?)(?:photo|image|picture|video|footage) (?:provided|released|taken|"
    r"distributed|obtained) (?:by|from)\b"
    r"|\bvia (?:AP|Reuters|AFP|Getty Images)\)?\.?$"
    r"|\((?:AP|Reuters|AFP) Photo\b",
    re.IGNORECASE,
)
# Promotion and page furniture, matched as whole lines: these are labels, not prose.
_PROMO_LINE = re.compile(
    r"^(?:-\s*)?(?:advertisement|advertisment|sponsored|remote video url|"
    r"embed (?:twitter|instagram|youtube|facebook)|tweet url|share this article)(?:\s*-)?$",
    re.IGNORECASE,
)
# The header of a list of other stories' headlines.
_LIST_HEADER = re.compile(
    r"^(?:-\s*)?(?:most popular|most read|more on this topic|related(?: (?:articles|stories|"
    r"coverage))?|read more|trending now)(?:\s*-)?$",
    re.IGNORECASE,
)
_PROMO_PROSE = re.compile(
    r"^join\b.{0,40}\b(?:telegram|whatsapp|newsletter)\b|^(?:sign up|subscribe)\b.{0,60}"
    r"\bnewsletter\b",
    re.IGNORECASE,
)
# ("A series of" opens news sentences: "A series of explosions rocked…")
_SERIES_TEASER = re.compile(r"^here is a collection of\b|^a series (?:about|based on|on)\b",
                            re.IGNORECASE)
# Stray CSS or script from the page source: selectors end with "{", declarations are
# "property: value;" with a lowercase hyphenated property.
_CODE = re.compile(r"\{\s*$|^\}|^[a-z][a-z-]*\s*:\s*[^:]{0,120};\s*$|^(?:var|function)\s")
# Breadcrumbs: "Home" glued to a section name ("HomeasiaPutin and…") or followed by ">".
NAVIGATION = re.compile(r"^Home\s*(?:[>›»|/]|[a-z]+(?=[A-Z]))")
# "With AP wires": the wires an article drew on (its outlet read by cleaning, too).
WIRES = re.compile(r"^with (?P<outlet>[A-Z][\w.&' ]*?) wires?\.?$", re.IGNORECASE)
_RULE = re.compile(r"^[_*=~-]{3,}$")
# Credits name the journalists; story sentences about journalists do not end "contributed."
# Matched in one sentence at a time: a credit is a sentence of its own. (A name is
# capitalized whatever the rest of the pattern's case.)
_NAME = r"(?-i:[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,3})"
_CREDIT = re.compile(
    r"\b(?:journalists?|writers?|correspondents?|reporters?|staff)\b.*\bcontributed"
    r"(?: reporting)?(?: to (?:this|the) (?:report|story|article|coverage))?"
    r"(?: from [^.!?]*)?[.!?]?$"
    rf"|^{_NAME}(?: and {_NAME})? reported from {_NAME}(?:,? (?:and )?{_NAME})*[.!?]?$"
    r"|^(?:additional )?reporting by\b",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    r"©|\bcopyright\s+(?:©\s*)?\d{4}|\ball rights reserved\b"
    r"|\bmay not be (?:published|reproduced|redistributed)",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.!?…][”\"’')\]]*$|[.!?][”\"’]\s*$")


def ends_sentence(line: str) -> bool:
    """Whether `_TERMINAL` finds the line's end, read from the end (`ends_with`)."""
    if ends_with(line, ".!?…"):
        return True
    quoted = line.rstrip()
    return quoted[-1:] in ("”", '"', "’") and quoted[-2:-1] in (".", "!", "?")

# What a rule names is a line of its own (a caption, a label, a promo) or a sentence (a
# notice or a credit, also found at the end of a story's paragraph). None of the 1,992
# blocks of captions, bylines and credits hand-labelled in L3S-GN1 (../shared/eval/
# webpages2) has more than 72 words: a longer line a line's rule matches is prose (a
# paragraph, a table row, a whole article on one line), and only the sentences the match
# covers go.
LINE = "line"
SENTENCE = "sentence"
RULED_LINE_MAX_WORDS = 80


class LineRule(NamedTuple):
    pattern: re.Pattern[str]
    reason: str
    # words one of which any text it matches has, and beginnings one of which it starts
    # with (lower-cased; none: no such test): most lines lack them all, and `in` or
    # `startswith` rules a line out 20x faster than the pattern (the rules were an eighth
    # of cleaning's time on scraped pages, half of it in the seven patterns anchored at
    # the line's start, now ruled out by one test of its first letters)
    words: tuple[str, ...]
    starts: tuple[str, ...]
    scope: str  # LINE or SENTENCE
    # Also run on text an extractor (a page's HTML) or a feed chose. trafilatura leaves
    # out a page's furniture (labels, promos, teasers, code, menus: the other rules took
    # nothing more from its text on ../shared/eval/webpages and L3S-GN1, F1 +-0.0001),
    # but keeps what sits in the article's own markup: notices and credits (without the
    # notice rule L3S-GN1's F1 falls from 0.901 to 0.896). And figure captions, which
    # stay: taking them helped on no page set (HTML F1, benchmarks/cleaning.py's measure:
    # webpages 0.9616 either way, L3S-GN1 0.9027 with the rule and 0.9026 without, the
    # Readability pages, whose references keep captions, 0.9521 and 0.9542).
    extracted: bool = False


def _line_rules() -> list[LineRule]:
    return [
        LineRule(_RULE, "separator rule", (), tuple("_*=~-"), LINE),
        LineRule(_CODE, "stray CSS or script", ("{", "}", ";", "var", "function"), (), LINE),
        LineRule(NAVIGATION, "site navigation (breadcrumbs)", (), ("home",), LINE),
        LineRule(_LIST_HEADER, "header of a list of other stories", (),
                 ("-", "most ", "more on ", "related", "read more", "trending"), LINE),
        LineRule(_PROMO_LINE, "promo or page furniture", (),
                 ("-", "advertis", "sponsored", "remote video", "embed ", "tweet url",
                  "share this"), LINE),
        LineRule(_PROMO_PROSE, "promo", (), ("join", "sign up", "subscribe"), LINE),
        LineRule(_SERIES_TEASER, "series teaser", (), ("here is a collection", "a series"),
                 LINE),
        LineRule(_CAPTION, "photo or video caption",
                 ("photo", "image", "picture", "video", "footage", "via"), (), LINE),
        LineRule(_COPYRIGHT, "copyright or rights notice",
                 ("©", "copyright", "rights reserved", "may not be"), (), SENTENCE, True),
        LineRule(_CREDIT, "contributor credit",
                 ("contributed", "reported from", "reporting by"), (), SENTENCE, True),
        LineRule(WIRES, "wire-service credit", (), ("with ",), LINE, True),
    ]


LINE_RULES = _line_rules()
EXTRACTED_RULES = [rule for rule in LINE_RULES if rule.extracted]


def line_rule(line: str) -> str | None:
    """What the first line rule that matches names the line (or one of its sentences)."""
    spans = ruled_spans(line, first=True)
    return spans[0][2] if spans else None


def ruled_spans(line: str, first: bool = False, rules: Sequence[LineRule] | None = None,
                ) -> list[tuple[int, int, str]]:
    """The stretches of the line the `rules` (default: LINE_RULES) name: (start, end,
    reason), in order, not overlapping (`first`: only what the first rule that matches
    names). A line's rule takes a line of at most RULED_LINE_MAX_WORDS whole, and in a
    longer one the sentences its match covers; a sentence's rule takes the sentences it
    matches."""
    # Lower-casing is exact only for ASCII: a case-blind pattern also takes "\u212a" (the
    # Kelvin sign) for a "k", which str.lower() leaves alone. Other lines try every rule.
    rules = LINE_RULES if rules is None else rules
    lowered = line.lower() if line.isascii() else None
    if lowered is not None and (hints := _hints(rules)) is not None and not (
            lowered.startswith(hints[0]) or any(map(lowered.__contains__, hints[1]))):
        return []
    spans: list[tuple[int, int, str]] = []
    sentences: list[tuple[int, int]] = []
    for pattern, reason, words, starts, scope, _ in rules:
        if lowered is not None and (starts and not lowered.startswith(starts) or words and
                                    not any(map(lowered.__contains__, words))):
            continue
        if scope == LINE:
            match = pattern.search(line)
            if match is None:
                continue
            if len(line.split()) <= RULED_LINE_MAX_WORDS:
                return [(0, len(line), reason)]
            sentences = sentences or sentence_spans(line)
            low, high = match.start(), max(match.end(), match.start() + 1)
            found = [(a, b, reason) for a, b in sentences if a < high and b > low]
        else:
            sentences = sentences or sentence_spans(line)
            found = [(a, b, reason) for a, b in sentences if pattern.search(line[a:b])]
        spans.extend(found)
        if first and found:
            return found
    taken: list[tuple[int, int, str]] = []
    for span in sorted(spans):
        if not taken or span[0] >= taken[-1][1]:
            taken.append(span)
    return taken


# The hints of the rule lists asked about (`_hints`), by the list itself.
_KNOWN_HINTS: list[tuple[Sequence[LineRule], tuple[tuple[str, ...], tuple[str, ...]] | None]] = []


def _hints(rules: Sequence[LineRule]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Every rule's beginnings and every rule's words, or None when a rule has neither
    (it is always tried). A line that starts with none of the beginnings and holds none
    of the words is ruled out by these two tests instead of two for each rule: most lines
    of a page are (the tests were a third of the rules' time on scraped pages)."""
    for known, hints in _KNOWN_HINTS:
        if known is rules:
            return hints
    hints = ((tuple(start for rule in rules for start in rule.starts),
              tuple(word for rule in rules for word in rule.words))
             if all(rule.starts or rule.words for rule in rules) else None)
    _KNOWN_HINTS[:] = [*_KNOWN_HINTS[-3:], (rules, hints)]  # (LINE_RULES, EXTRACTED_RULES)
    return hints


@per_line
def remembered_spans(line: str, extracted: bool) -> tuple[tuple[int, int, str], ...]:
    return tuple(ruled_spans(line, rules=EXTRACTED_RULES if extracted else LINE_RULES))


def sentence_spans(line: str) -> list[tuple[int, int]]:
    """Where each sentence of the line (`split_sentences`) starts and ends in it."""
    spans, at = [], 0
    for sentence in split_sentences(line):
        start = line.find(sentence, at)
        if start < 0:  # (white space inside the line folded: the rest is one sentence)
            spans.append((at, len(line)))
            break
        spans.append((start, start + len(sentence)))
        at = start + len(sentence)
    return spans or [(0, len(line))]


def is_headline_like(line: str) -> bool:
    """Short and without a sentence's final punctuation: a headline, label or list item."""
    return not ends_sentence(line) and len(line.split()) <= 25
