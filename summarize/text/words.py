"""Word processing shared by every ranker, selector and the redundancy stage.

Done once per event (`EventText`) so that tokenizing and stemming, the hot paths, never run
twice on the same sentence. Stop words come from sumy's English list and stems from Snowball's
English stemmer (PyStemmer): both ship with their packages, so nothing is downloaded at
run time.
"""

from __future__ import annotations

import pkgutil
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from itertools import chain
from typing import TYPE_CHECKING

import Stemmer

from summarize.models import CleanArticle, Sentence

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

# A word is a run of letters or digits, possibly joined by inner apostrophes (don't, Korea's)
# or inner periods of acronyms (U.S.), so that "U.S." and "us" stay different words. A
# trailing period belongs to the word only when it has an inner one: to an acronym (u.s.),
# not to the last word of a sentence.
WORD_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*(?:\.[^\W_]+(?:['.][^\W_]+)*\.?)?", re.UNICODE)
# sumy's English stop-word list, read as sumy.utils.get_stop_words("english") reads it
# (importing sumy.utils costs 0.14 s: it pulls in requests and pycountry).
STOP_WORDS = frozenset(
    word.rstrip()
    for word in pkgutil.get_data("sumy", "data/stopwords/english.txt").decode("utf-8").splitlines()  # type: ignore[union-attr]
    if word)


# Snowball's English stemmer (Porter2), in the Snowball project's own C code through
# PyStemmer: 20x faster than NLTK's Python port (34,000 distinct DUC 2006 words in 0.02 s
# against 0.39 s), imported in 2 ms against NLTK's 0.8 s, and the current algorithm, which
# no longer conflates "international" with "intern", "evening" with "even" or "organism"
# with "organ" (snowballstem.org/algorithms/english/stemmer.html). A stemmer object is not
# shared between threads (a Dask worker runs tasks in threads).
_STEMMERS = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    stemmer = getattr(_STEMMERS, "english", None)
    if stemmer is None:
        stemmer = _STEMMERS.english = Stemmer.Stemmer("english", 0)  # (cached by `stem`)
    return stemmer


def tokenize(text: str) -> list[str]:
    """Lower-cased words of `text`, typographic apostrophes folded to ASCII ones."""
    return WORD_RE.findall(text.replace("\u2019", "'").replace("\u2018", "'").lower())


# The words of the last few hundred lines asked about: cleaning reads an event's story
# paragraphs twice (the event's page template, then each page's language), and they are
# too long for `memo.per_line` to keep.
line_tokens = lru_cache(maxsize=512)(tokenize)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of a lower-cased word; cached because every event repeats most words."""
    return _stemmer().stemWord(word)


# Words kept in `_TERMS` before it starts again: a long-lived process (a Dask worker) meets
# ever new names and numbers. 500,000 words take about 60 MB; DUC 2006 has 34,000.
MAX_KNOWN_WORDS = 500_000


class _ContentTerm(dict[str, str | None]):
    """word -> its stem, or None for a stop word, filled on first sight: `content_terms`
    looks every word up in C (map, filter) instead of a Python test and call per word,
    1.7x faster on DUC 2006 sentences."""

    def __init__(self, stop_words: frozenset[str] = STOP_WORDS,
                 stemmer: Callable[[str], str] | None = None):
        super().__init__()
        self.stop_words, self.stemmer = stop_words, stemmer

    def __missing__(self, word: str) -> str | None:
        if len(self) >= MAX_KNOWN_WORDS:
            self.clear()
        term = None if word in self.stop_words else (self.stemmer or stem)(word)
        self[word] = term
        return term


_TERMS = _ContentTerm()


def content_terms(words: Sequence[str]) -> tuple[str, ...]:
    """Stems of the words that carry content: stop words and bare numbers' punctuation dropped."""
    # (filter drops the stop words' None; no token (it opens with a letter or a digit) has
    # an empty Snowball stem: checked on 530,000 random ones)
    return tuple(filter(None, map(_TERMS.__getitem__, words)))


# A word in the languages that elide an article or a preposition into the next word
# ("l'homme", "dell'anno", "l'any"): as WORD_RE, but an apostrophe separates two words.
ELIDING_WORD_RE = re.compile(r"[^\W_]+(?:\.[^\W_]+(?:\.[^\W_]+)*\.?)?", re.UNICODE)


@dataclass(frozen=True)
class Words:
    """How one language's text becomes words, stems and content terms: `words_in`."""

    language: str
    stop_words: frozenset[str]
    tokenize: Callable[[str], list[str]]
    stem: Callable[[str], str]
    content_terms: Callable[[Sequence[str]], tuple[str, ...]]


ENGLISH = Words("en", STOP_WORDS, tokenize, stem, content_terms)


@cache
def words_in(language: str) -> Words:
    """The words of a supported language (`summarize.text.languages`): English's are this
    module's functions; another language's come from its entry there, with caches of
    their own (a word is not stemmed alike in two languages)."""
    if language == "en":
        return ENGLISH
    from summarize.text.languages import LANGUAGES, stop_words

    entry = LANGUAGES[language]
    pattern = ELIDING_WORD_RE if entry.elision else WORD_RE
    stops = stop_words(language)

    def split(text: str) -> list[str]:
        return pattern.findall(text.replace("\u2019", "'").replace("\u2018", "'").lower())

    if entry.snowball is None:
        def stem_word(word: str) -> str:
            return word
    else:
        algorithm = entry.snowball

        @lru_cache(maxsize=200_000)
        def stem_word(word: str) -> str:
            stemmer = getattr(_STEMMERS, algorithm, None)
            if stemmer is None:
                stemmer = Stemmer.Stemmer(algorithm, 0)
                setattr(_STEMMERS, algorithm, stemmer)
            return stemmer.stemWord(word)

    known = _ContentTerm(stops, stem_word)

    def terms(words: Sequence[str]) -> tuple[str, ...]:
        return tuple(filter(None, map(known.__getitem__, words)))

    return Words(language, stops, split, stem_word, terms)


def word_count(text: str) -> int:
    """Words as a reader counts them: white-space separated tokens (the unit of budgets)."""
    return len(text.split())


def term_counts(documents: Sequence[Sequence[str]]) -> tuple[sp.csr_matrix, dict[str, int]]:
    """Sparse document x term count matrix and its vocabulary (term -> column).

    Columns are numbered in order of first appearance, so the result depends only on the input.
    Built with C-level iteration (dict.fromkeys, map, np.fromiter): rankers call it per event.
    """
    # numpy and scipy on first use: a run with nothing to build (and `summarize validate`)
    # imports neither (0.3 s)
    import numpy as np
    import scipy.sparse as sp

    flat = list(chain.from_iterable(documents))
    vocabulary = {term: column for column, term in enumerate(dict.fromkeys(flat))}
    indices = np.fromiter(map(vocabulary.__getitem__, flat), dtype=np.int64, count=len(flat))
    indptr = np.zeros(len(documents) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, documents), dtype=np.int64, count=len(documents)),
              out=indptr[1:])
    matrix = sp.csr_matrix(
        (np.ones(len(flat)), indices, indptr), shape=(len(documents), len(vocabulary))
    )
    matrix.sum_duplicates()  # repeated terms in one document add up to their count
    return matrix, vocabulary


def tfidf_unit_rows(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Rows scaled by idf and normalized to unit length (all-zero rows stay zero)."""
    import numpy as np
    import scipy.sparse as sp

    weighted = sp.csr_matrix(counts.multiply(idf[np.newaxis, :]))
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ weighted)


def term_presence(counts: sp.csr_matrix, ignored: Sequence[int] = ()) -> sp.csr_matrix:
    """Which terms each sentence has (1.0), from its sentence x term counts
    (`EventText.counts` rows), without the `ignored` columns (attribution words)."""
    import numpy as np
    import scipy.sparse as sp

    present = sp.csr_matrix(counts, copy=True)
    present.data[:] = 1.0
    if len(ignored):
        keep_column = np.ones(present.shape[1])
        keep_column[list(ignored)] = 0.0
        present = sp.csr_matrix(present @ sp.diags(keep_column))
        present.eliminate_zeros()
    return present


def smooth_idf(counts: sp.csr_matrix) -> np.ndarray:
    """idf(t) = log((1 + n) / (1 + df(t))) + 1: positive for every term, as in scikit-learn."""
    import numpy as np

    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    return np.log((1.0 + n) / (1.0 + df)) + 1.0


@dataclass(frozen=True)
class DocumentFrequencies:
    """In how many sentences of a whole run each term occurs (for `idf: batch`)."""

    sentences: int
    df: dict[str, int]

    @classmethod
    def of(cls, texts: Sequence[Sequence[Sequence[str]]]) -> DocumentFrequencies:
        """Counted over the sentences' terms of several events."""
        df: dict[str, int] = {}
        sentences = 0
        for terms_of_event in texts:
            sentences += len(terms_of_event)
            for terms in terms_of_event:
                for term in set(terms):
                    df[term] = df.get(term, 0) + 1
        return cls(sentences, df)


@dataclass(frozen=True)
class EventText:
    """An event's sentences with their words: what rankers and selectors see."""

    sentences: tuple[Sentence, ...]
    articles: tuple[CleanArticle, ...]
    tokens: tuple[tuple[str, ...], ...]  # lower-cased words of each sentence
    terms: tuple[tuple[str, ...], ...]  # stemmed content words of each sentence
    # Term statistics of the whole run, when a ranker asks for them (`idf: batch`).
    background: DocumentFrequencies | None = None
    # Stemmed content words of the event's focus (summarize/text/focus.py), if it has one.
    focus: tuple[str, ...] = ()
    language: str = "en"  # the language its sentences are read in (`words_in`)

    @property
    def words(self) -> Words:
        return words_in(self.language)

    @cached_property
    def _counts_and_vocabulary(self) -> tuple[sp.csr_matrix, dict[str, int]]:
        return term_counts(self.terms)

    @property
    def counts(self) -> sp.csr_matrix:
        """Sentence x term counts over `terms` (shared by rankers, selection, corroboration)."""
        return self._counts_and_vocabulary[0]

    @property
    def vocabulary(self) -> dict[str, int]:
        """Term -> column of `counts`, in order of first appearance."""
        return self._counts_and_vocabulary[1]

    @cached_property
    def word_counts(self) -> np.ndarray:
        """`word_count` of each sentence (selection, budgets and eligibility ask for it)."""
        import numpy as np

        counts = np.fromiter((word_count(s.text) for s in self.sentences), dtype=np.int64,
                             count=len(self.sentences))
        counts.flags.writeable = False  # (shared by every stage: no one may change it)
        return counts

    @cached_property
    def unit_vectors(self) -> sp.csr_matrix:
        """Unit-length TF-IDF rows, idf from this event's sentences: the similarity space."""
        return tfidf_unit_rows(self.counts, smooth_idf(self.counts))


def prepare_text(
    sentences: Sequence[Sentence],
    articles: Sequence[CleanArticle],
    background: DocumentFrequencies | None = None,
    focus: tuple[str, ...] = (),
    language: str = "en",
) -> EventText:
    """Tokenize and stem every sentence once, in the event's language."""
    split, terms = (tokenize, content_terms) if language == "en" else (
        words_in(language).tokenize, words_in(language).content_terms)
    tokens = tuple(tuple(split(s.text)) for s in sentences)
    return EventText(
        sentences=tuple(sentences),
        articles=tuple(articles),
        tokens=tokens,
        terms=tuple(terms(t) for t in tokens),
        background=background,
        focus=focus,
        language=language,
    )
