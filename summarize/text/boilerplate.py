"""Boilerplate detection for scraped plain text: which lines are the story.

A scraper that keeps every visible block of a page leaves one block per line: menus, teasers,
share buttons, footers and reader comments around the story. This module decides, line by
line, from evidence in the text alone, with no rule naming a site:

- shallow text features of the line and of its neighbours, after Kohlschütter, Fankhauser
  and Nejdl (2010), "Boilerplate detection using shallow text features" (WSDM): words,
  characters, and the line's length relative to the page's longest lines;
- stop-word density, as jusText does for HTML blocks (Pomikálek 2011, "Removing
  boilerplate and duplicate content from web corpora", ch. 4), with the stop words of the
  page's language (jusText's lists, language found by langid; Lui and Baldwin 2012);
- sentence punctuation, capitalisation, digits, separators, links and e-mail addresses;
- repetition: a line, or a line of the same shape ("Aa says:", "A 0, 0 at 0:0 a"), that
  recurs on the page is template, and so are its neighbours' labels;
- lexical cohesion (Hearst 1997, "TextTiling"): story paragraphs share words with their
  neighbours and with the rest of the story; a list of teasers for other stories does not.

Two logistic models score each line: the first from the line and its neighbours, the second
from the first's scores in windows around the line, the page's best-scoring stretch (Finn,
Kushmerick and Smyth 2001, "Fact or fiction": the story is one dense region) and cohesion.
Their weights live in `data/boilerplate.json`, fitted by `benchmarks/train_cleaning.py` on
two thirds of `../shared/eval/webpages` and checked on the other third. When almost nothing
on a page reaches the threshold (a page of short paragraphs, or a language without a
stop-word list), the lines scoring at least half the page's best are kept instead: every
page has some most story-like text.
"""

from __future__ import annotations

import json
import logging
import math
import re
import struct
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import chain, count
from operator import itemgetter
from typing import NamedTuple

import numpy as np

from summarize.text.memo import per_line

log = logging.getLogger(__name__)

WORD = re.compile(r"\w+")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’)\]]*$")  # (as `ends_with` reads it)
_CLOSING = "\"'”’)]"


def ends_with(line: str, marks: str) -> bool:
    """Whether one of `marks`, then only closing quotes and brackets, ends the line or its
    last line feed (`[marks][closing]*$`), read from the end: a search for a pattern that
    ends in `$` tries every position (this runs on every line of every scraped page)."""
    for end in (line, line[:-1]) if line.endswith("\n") else (line,):
        last = end.rstrip(_CLOSING)[-1:]
        if last and last in marks:
            return True
    return False


_CLAUSE_ENDS = ".!?…:;"
_DIGIT = re.compile(r"\d")
_ASCII_DIGITS = "0123456789"
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z]")
_LINK = re.compile(r"https?://|www\.|@\w+\.\w")
_LETTERS = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"\d+")
_BULLETS = "-•»›|*·>"

# Stop-word density given to every line of a page whose language has no list (Japanese,
# Chinese, Thai…): the middle of the range, so that the other evidence decides.
NO_STOPLIST_DENSITY = 0.3
# Lines more distant than this from each other are not compared for cohesion.
COHESION_REACH = 3


@dataclass(frozen=True)
class Model:
    first: np.ndarray  # weights of the line model (last one: bias)
    second: np.ndarray  # weights of the context model (last one: bias)
    threshold: float  # a line whose second score exceeds this is story
    fallback_share: float  # too little above threshold: keep lines >= this share of the best
    fallback_below: int  # characters kept under which the fallback applies


@lru_cache(maxsize=1)
def load_model() -> Model:
    data = json.loads(resources.files("summarize").joinpath("data/boilerplate.json")
                      .read_text(encoding="utf-8"))
    return Model(np.array(data["first"]), np.array(data["second"]), data["threshold"],
                 data["fallback_share"], data["fallback_below"])


# A line continues the one before it when that one has not ended a sentence and this one
# starts lowercase or with closing punctuation (_GLUED): a scraper that writes each text node on its
# own line breaks a paragraph at every link or emphasis ("… said the", "Ministry", "in a…").
_GLUED = ",.;:)]”’'%"  # punctuation that attaches without a space


def rejoin_broken_lines(lines: Sequence[str]) -> list[str]:
    """Non-empty lines with a paragraph's pieces joined back."""
    joined: list[str] = []
    for line in lines:
        if not line:
            continue
        first = line[0]
        # (the first letter first: most lines open with a capital, and need no other test)
        if ((first.islower() or first in _GLUED) and joined
                and not ends_with(joined[-1], _CLAUSE_ENDS)):
            joined[-1] += line if first in _GLUED else " " + line
        else:
            joined.append(line)
    return joined


# Lines of fewer words are compared by their shape: a menu's items, a list of dates.
SHAPED_WORDS = 12


# An ASCII line's runs of letters that open with a capital, then the others: two passes
# in C instead of a Python call per run (every line of a page shorter than SHAPED_WORDS)
_CAPITAL_RUN = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]*")
_SMALL_RUN = re.compile(r"(?<![A-Za-z])[a-z][A-Za-z]*")


def _shape(line: str) -> str:
    """The line with each word reduced to its case and each number to 0: "Aa says:"."""
    if line.isascii():
        line = _SMALL_RUN.sub("a", _CAPITAL_RUN.sub("A", line))
    else:
        line = _LETTERS.sub(lambda m: "A" if m.group()[0].isupper() else "a", line)
    return _NUMBER.sub("0", line)


class _Evidence(NamedTuple):
    """What the line model reads in a line alone (`_line_evidence`)."""

    shape: str | None  # `_shape`, None for a line of SHAPED_WORDS words or more
    features: bytes  # the line's 12 features as float64, packed: a page's are one join
    words: tuple[str, ...]  # its distinct words that cohesion compares, in order


# The packed features: the first six come before, the last six after, the two columns that
# count the page's lines like it.
_FEATURES = struct.Struct("12d")


@per_line
def _line_evidence(line: str, stops: frozenset[str]) -> _Evidence:
    """What the line model reads in the line alone: its shape (only lines as short share a
    shape with a line of their size, since a shape keeps each run of letters or digits a
    word), its features, and the words cohesion compares: lower-cased, longer than two
    letters, not stop words."""
    words = WORD.findall(line)
    count = len(words) or 1
    # (counted by mapping C functions over the words, not by a Python test per word)
    lowered = list(map(str.lower, words))
    stop = (sum(map(stops.__contains__, lowered)) / count if stops
            else NO_STOPLIST_DENSITY)
    ascii_only = line.isascii()  # (then a digit is one of the ten, counted in C)
    digits = sum(map(line.count, _ASCII_DIGITS)) if ascii_only else len(_DIGIT.findall(line))
    return _Evidence(_shape(line) if len(words) < SHAPED_WORDS else None, _FEATURES.pack(
        math.log1p(len(words)),
        stop,
        sum(map(str.isupper, map(itemgetter(0), words))) / count,
        digits / max(len(line), 1),
        1.0 if ends_with(line, _CLAUSE_ENDS) else 0.0,
        min(sum(map(len, words)) / count, 15) / 10,
        1.0 if "©" in line or "opyright" in line else 0.0,
        1.0 if line[:1] in _BULLETS else 0.0,
        line.count("|") + line.count("•") + line.count("·"),
        math.log1p(len(_SENTENCE_END.findall(line))),
        1.0 if _might_link(line) and _LINK.search(line) else 0.0,
        1.0 if line.rstrip().endswith(":") else 0.0,
    ), tuple([word for word in dict.fromkeys(  # (as lower-cased words, when that is exact)
        lowered if ascii_only else WORD.findall(line.lower()))
        if len(word) > 2 and word not in stops]))


def _might_link(line: str) -> bool:
    """Whether the line holds what every `_LINK` match holds: `in` finds it in C 5x faster
    than the pattern's three branches are tried at each character."""
    return "://" in line or "www." in line or "@" in line


# Columns of the line model's features (`line_features`)
_WORDS, _STOPS, _ENDS, _CHARS, _RELATIVE = 0, 1, 4, 14, 16
_NEIGHBOURS = [_WORDS, _STOPS, _ENDS, _CHARS, _RELATIVE]


def line_features(lines: Sequence[str], stops: frozenset[str]) -> np.ndarray:
    """The line model's evidence: one row per line, the bias column last."""
    return _line_features(lines, [_line_evidence(line, stops) for line in lines],
                          bool(stops), _repeated(lines))


def _repeated(lines: Sequence[str]) -> list[int]:
    """How many times each line occurs on the page."""
    return list(map(Counter(lines).__getitem__, lines))


def _line_features(lines: Sequence[str], evidence: Sequence[_Evidence],
                   with_stops: bool, repeated: list[int]) -> np.ndarray:
    n = len(lines)
    shape_of = list(map(itemgetter(0), evidence))
    shapes = Counter(shape_of)
    shapes[None] = 1  # (a long line has no shape: its log count is 0)
    features = np.empty((n, 18 + 2 * len(_NEIGHBOURS) + 4))
    own = np.frombuffer(b"".join(map(itemgetter(1), evidence))).reshape(n, 12)
    features[:, :6] = own[:, :6]
    features[:, 6] = [_LOGS[count] for count in map(shapes.__getitem__, shape_of)]
    features[:, 7] = [_LOGS[count] for count in repeated]
    features[:, 8:14] = own[:, 6:]
    sizes = list(map(len, lines))
    chars = np.array(sizes, dtype=float)
    log_chars = np.log1p(chars)
    features[:, 14] = log_chars / 5
    features[:, 15] = np.argsort(np.argsort(chars, kind="stable"), kind="stable") / max(n - 1, 1)
    features[:, 16] = log_chars - np.log1p(_quantile(sizes, 0.95))
    features[:, 17] = 0.0 if with_stops else 1.0
    # A line reads as prose when it is long, ends a sentence and has stop words.
    prose = (((features[:, 0] > math.log1p(10)) | (chars > 80)) * features[:, 4]
             * (features[:, 1] > 0.2))
    neighbour = features[:, _NEIGHBOURS]
    width = len(_NEIGHBOURS)
    features[0, 18 : 18 + width] = 0.0
    features[1:, 18 : 18 + width] = neighbour[:-1]
    features[:-1, 18 + width : 18 + 2 * width] = neighbour[1:]
    features[-1, 18 + width : 18 + 2 * width] = 0.0
    at = 18 + 2 * width
    ones = np.ones(n)
    features[:, at] = _window_mean(prose, ones, 3)
    features[:, at + 1] = _window_mean(prose, ones, 10)
    features[:, at + 2] = np.arange(n) / n
    features[:, at + 3] = 1.0
    return features


class _Logs(dict[int, float]):
    """math.log of a count, each computed once."""

    def __missing__(self, count: int) -> float:
        self[count] = math.log(count)
        return self[count]


_LOGS = _Logs()


def _quantile(values: Sequence[float], share: float) -> float:
    """numpy.quantile(values, share), its default linear interpolation (Hyndman and Fan
    1996, method 7) step for step: the same float, without its 0.1 ms of dispatch a page."""
    ordered = sorted(values)
    virtual = share * (len(ordered) - 1)
    low = math.floor(virtual)
    fraction = virtual - low
    below, above = ordered[low], ordered[min(low + 1, len(ordered) - 1)]
    step = above - below
    return above - step * (1 - fraction) if fraction >= 0.5 else below + step * fraction


def _window_mean(values: np.ndarray, weights: np.ndarray, reach: int) -> np.ndarray:
    """Weighted mean of `values` over each line and `reach` lines on either side."""
    n = len(values)
    total, weight = np.zeros(n + 1), np.zeros(n + 1)
    np.cumsum(values * weights, out=total[1:])
    np.cumsum(weights, out=weight[1:])
    low = np.arange(-reach, n - reach).clip(0)
    high = np.arange(reach + 1, n + reach + 1).clip(None, n)
    return (total[high] - total[low]) / np.maximum(weight[high] - weight[low], 1e-9)


def _best_stretch(values: np.ndarray) -> tuple[int, int]:
    """The stretch of lines with the largest sum of `values` (Kadane), as [start, end)."""
    best, start, end, running, begin = 0.0, 0, 0, 0.0, 0
    for index, value in enumerate(values.tolist()):  # (floats: numpy's scalars are slow)
        if running <= 0:
            running, begin = 0.0, index
        running += value
        if running > best:
            best, start, end = running, begin, index + 1
    return start, end


def _cohesion(words: Sequence[tuple[str, ...]],
              weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each line's largest cosine with a nearby line, and its cosine with the rest of the
    page's text weighted by how story-like each line is; `words`: each line's distinct
    words that cohesion compares (`_line_evidence`).

    A line is the set of its words, so its unit vector has one value, 1/sqrt(words), at
    each of them: every sum below is over entries (line, word), ordered by line, then by
    the word's first appearance on the page. (Sparse matrices took 2 ms a page, this
    0.9 ms; and the words were numbered in the order of a set, which changes from process
    to process with Python's string hashing, and the last bits of these sums with it.)"""
    n = len(words)
    flat = list(chain.from_iterable(words))
    vocabulary = dict(zip(dict.fromkeys(flat), count()))  # (numbered as first seen)
    size = max(len(vocabulary), 1)
    row = np.repeat(np.arange(n, dtype=np.int64), np.fromiter(map(len, words), np.int64, n))
    column = np.fromiter(map(vocabulary.__getitem__, flat), np.int64, len(flat))
    # (each line's words by their number: the lines are in order already)
    entry = np.sort(row * size + column)
    column = entry - row * size
    words_of = np.bincount(row, minlength=n).astype(float)
    value = 1 / np.where(words_of == 0, 1, np.sqrt(words_of))  # each line's value at its words
    nearby = np.zeros(n)
    last = len(entry) - 1
    reach = min(COHESION_REACH, n - 1) if last >= 0 else 0
    if reach > 0:
        # the lines i that share a word with line i + distance, once per shared word, for
        # every distance at once (the entries are sorted: each entry's (line - distance,
        # word) is looked up by bisection); their sums line by line, distance by distance
        distances = np.arange(1, reach + 1)
        wanted = entry - (distances * size)[:, None]
        found = entry[np.searchsorted(entry, wanted).clip(None, last)] == wanted
        at, shared = np.nonzero(found)
        shared = wanted[at, shared] // size
        sums = _line_sums(at * n + shared, value[shared] * value[shared + at + 1], reach * n)
        for distance, similarity in zip(distances.tolist(), sums.reshape(reach, n)):
            similarity = similarity[: n - distance]
            nearby[:-distance] = np.maximum(nearby[:-distance], similarity)
            nearby[distance:] = np.maximum(nearby[distance:], similarity)
    # (bincount adds in the entries' order: by line, as the story weights come)
    centroid = np.bincount(column, weights=value[row] * weights[row], minlength=size)
    self_part = _line_sums(row, value[row] * value[row], n) * weights
    to_centroid = np.bincount(row, weights=value[row] * centroid[column], minlength=n)
    to_rest = (to_centroid - self_part) / (np.sqrt(centroid @ centroid) or 1.0)
    return nearby, to_rest


def _line_sums(rows: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """The sum of each line's `values` (`rows`: their lines, in order), added up the way
    numpy reduces an array (pairwise), as a sparse matrix's row sums are."""
    sums = np.zeros(n)
    if len(rows):
        first = np.empty(len(rows), dtype=bool)
        first[0] = True
        np.not_equal(rows[1:], rows[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        sums[rows[starts]] = np.add.reduceat(values, starts)
    return sums


def context_features(lines: Sequence[str], first: np.ndarray,
                     stops: frozenset[str]) -> np.ndarray:
    """The context model's evidence, from the line model's probabilities `first`."""
    return _context_features(lines, [_line_evidence(line, stops).words for line in lines],
                             first, _repeated(lines))


def _context_features(lines: Sequence[str], words: Sequence[tuple[str, ...]],
                      first: np.ndarray, repeated: list[int]) -> np.ndarray:
    n = len(lines)
    chars = np.fromiter(map(len, lines), dtype=float, count=n)
    features = np.empty((n, 13))
    logit = np.log(first / (1 - first))
    features[:, 0] = logit
    features[0, 1], features[1:, 1] = 0.0, logit[:-1]
    features[:-1, 2], features[-1, 2] = logit[1:], 0.0
    features[:, 3] = _window_mean(first, chars, 2)
    features[:, 4] = _window_mean(first, chars, 5)
    features[:, 5] = _window_mean(first, chars, 15)
    start, end = _best_stretch((first - 0.5) * chars)
    index = np.arange(n)
    inside = (index >= start) & (index < end)
    features[:, 6] = inside
    features[:, 7] = np.log1p(np.where(inside, 0, np.minimum(np.abs(index - start),
                                                             np.abs(index - end + 1))))
    features[:, 8], features[:, 9] = _cohesion(words, first)
    logs = np.log(repeated)  # (as the model was fitted: numpy's log, not math's)
    features[0, 10], features[1:, 10] = 0.0, logs[:-1]
    features[:-1, 11], features[-1, 11] = logs[1:], 0.0
    features[:, 12] = 1.0
    return features


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(z, -30, 30)))


def story_scores(lines: Sequence[str], stops: frozenset[str],
                 model: Model | None = None) -> np.ndarray:
    """Probability that each (non-empty) line belongs to the story."""
    model = model or load_model()
    if not lines:
        return np.zeros(0)
    evidence = list(map(_line_evidence.lines(stops).__getitem__, lines))
    repeated = _repeated(lines)
    first = _sigmoid(_line_features(lines, evidence, bool(stops), repeated) @ model.first)
    words = list(map(itemgetter(2), evidence))
    return _sigmoid(_context_features(lines, words, first, repeated) @ model.second)


def story_lines(lines: Sequence[str], stops: frozenset[str], model: Model | None = None,
                template: frozenset[str] = frozenset()) -> tuple[list[bool], np.ndarray]:
    """Which lines are story, and each line's score. Lines of the `template` (the page
    template the event's pages share, `cleaning.template_lines`) are none, and the
    fallback looks past them: a short story in a long page whose site's legal small print
    outscores it is still the page's most story-like text."""
    model = model or load_model()
    scores = story_scores(lines, stops, model)
    eligible = np.array([line not in template for line in lines], dtype=bool)
    keep = (scores > model.threshold) & eligible
    if eligible.any() and sum(len(line) for line, k in zip(lines, keep) if k) < \
            model.fallback_below:
        keep = eligible & (scores >= model.fallback_share * scores[eligible].max())
    return keep.tolist(), scores
