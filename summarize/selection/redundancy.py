"""Redundancy across sources: copies of one story, and the sources that back each fact.

- `find_duplicates`: syndicated copies (the same wire story republished, trimmed or lightly
  edited) are articles most of whose sentences reappear in another. A group of copies is
  ranked once, through its longest copy, so a story that five outlets ran is not five
  times as "central"; every copy stays a source.
- `corroborate`: each chosen sentence cites every article that says the same thing, in a
  sentence or a clause (cosine at least `corroboration.min_similarity`), earliest first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import chain

import numpy as np
import scipy.sparse as sp

from summarize.selection.ordering import publication_order
from summarize.text.languages import LANGUAGES
from summarize.text.similarity import self_similar_pairs, similar_pairs
from summarize.text.words import (
    EventText,
    content_terms,
    smooth_idf,
    stem,
    term_presence,
    tfidf_unit_rows,
    tokenize,
    words_in,
)


def find_duplicates(
    text: EventText, threshold: float | None, sentence_similarity: float
) -> list[list[int]]:
    """Groups of articles that are copies of one story; singletons too.

    Two articles are copies when at least `threshold` of the shorter one's sentences
    reappear in the other (cosine >= `sentence_similarity`). Sentence containment, unlike
    the cosine of whole articles, also catches a trimmed copy inside a longer version, and
    does not join two different stories that merely share a topic. Each group starts with
    its representative, the copy with most sentences (it contains the others), then the
    rest in publication order; groups come in publication order of their representative.
    With `threshold` None every article is a story of its own.
    """
    n = len(text.articles)
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    sizes = np.bincount([s.article for s in text.sentences], minlength=n)
    if threshold is not None and n > 1 and text.sentences:
        matched = sentence_containment(text, sentence_similarity)
        containment = matched / np.maximum(sizes, 1)[:, None]
        for a, b in zip(*np.nonzero(np.maximum(containment, containment.T) >= threshold)):
            if a < b:
                parent[root(int(b))] = root(int(a))
    rank = {article: place for place, article in enumerate(publication_order(text.articles))}
    groups: dict[int, list[int]] = {}
    for article in range(n):
        groups.setdefault(root(article), []).append(article)
    ordered = []
    for members in groups.values():
        members.sort(key=rank.__getitem__)
        representative = max(members, key=lambda a: (sizes[a], -rank[a]))
        ordered.append([representative] + [a for a in members if a != representative])
    return sorted(ordered, key=lambda g: rank[g[0]])


# Prefix filtering pays at high similarities, where a row's prefix is a term or two. On
# the pooled DUC 2006 event (35,893 sentences) it takes 1.86 s against 1.71 s for the full
# product at 0.6, 0.70 s against 1.44 s at 0.7, 0.32 s against 1.33 s at 0.8; on the 51
# separate events (not used to choose this) the two are level from 0.7 up (0.16 s against
# 0.155 s at 0.7), and the pairs found are the same everywhere.
PREFIX_FILTER_FROM = 0.7


def sentence_containment(text: EventText, min_similarity: float) -> np.ndarray:
    """matched[a, b]: how many sentences of article a reappear in article b."""
    if min_similarity >= PREFIX_FILTER_FROM:
        pairs = self_similar_pairs(text.unit_vectors, min_similarity)
    else:
        pairs = similar_pairs(text.unit_vectors, text.unit_vectors, min_similarity)
    articles = np.array([s.article for s in text.sentences], dtype=np.int64)
    other = articles[pairs.row] != articles[pairs.col]
    # one count per (sentence, other article), however many sentences there match it
    found = np.unique(np.stack([pairs.row[other], articles[pairs.col[other]]]), axis=1)
    n = len(text.articles)
    matched = np.zeros((n, n))
    np.add.at(matched, (articles[found[0]], found[1]), 1.0)
    return matched


# Clause boundaries inside a sentence: punctuation, and the conjunctions that join two
# statements ("Kim vowed support as the leaders held a summit"). A fact is often one clause
# of a long sentence, and another outlet reports it in a sentence of its own.
_CLAUSE_BREAK = re.compile(
    r"\s*[,;:()\u2014\u2013]\s*|\s+-{1,2}\s+|"
    r"\s+(?:as|while|whereas|after|before|because|although|though|but|when|which|who|where)\s+",
    re.IGNORECASE,
)
# Words of attribution ("Russian state media reported", "the Kremlin said") say who told,
# not what happened: two sentences do not report the same fact because both were
# "reported by state media". They are left out when statements are compared, and a clause
# needs this many other content words to stand alone.
MIN_CLAUSE_TERMS = 4
ATTRIBUTION_WORDS = (
    "said says say told tells tell reported reports report according added adding stated "
    "announced quoted media spokesman spokeswoman".split()
)


@cache
def attribution(language: str = "en") -> frozenset[str]:
    """The stems of ATTRIBUTION_WORDS, or of a language's own (`summarize.text.languages`;
    computed once, on first use)."""
    if language == "en":
        return frozenset(stem(w) for w in ATTRIBUTION_WORDS)
    words = words_in(language)
    return frozenset(words.stem(w) for w in
                     words.tokenize(LANGUAGES[language].attribution))


@cache
def _clause_break(language: str) -> re.Pattern[str]:
    """_CLAUSE_BREAK with a language's own conjunctions (none: punctuation only)."""
    if language == "en":
        return _CLAUSE_BREAK
    joining = LANGUAGES[language].clause_words.split()
    return re.compile(r"\s*[,;:()\u2014\u2013]\s*|\s+-{1,2}\s+"
                      + (r"|\s+(?:" + "|".join(map(re.escape, joining)) + r")\s+"
                         if joining else ""), re.IGNORECASE)


def clauses(sentence: str, language: str = "en") -> list[tuple[str, ...]]:
    """Stemmed content words of each clause that states something on its own; pieces too
    short for that are joined to the clause before them (or after, at the start)."""
    result: list[list[str]] = []
    pending: list[str] = []
    ignored = attribution(language)
    split, terms_of = (tokenize, content_terms) if language == "en" else (
        words_in(language).tokenize, words_in(language).content_terms)
    for piece in _clause_break(language).split(sentence):
        terms = [t for t in terms_of(split(piece)) if t not in ignored]
        if len(terms) >= MIN_CLAUSE_TERMS:
            result.append(pending + terms)
            pending = []
        elif result:
            result[-1].extend(terms)
        else:
            pending.extend(terms)
    if pending and result:
        result[-1].extend(pending)
    return [tuple(c) for c in result]


def statement_vectors(text: EventText, sentences: Sequence[int], idf: np.ndarray,
                      ) -> tuple[sp.csr_matrix, np.ndarray]:
    """Unit TF-IDF vectors of each of these sentences and of each of its clauses (when it
    has more than one), in the event's similarity space (`idf`), and the sentence each row
    belongs to. A row does not depend on the others: vectors of a few sentences are rows
    of the vectors of all."""
    units: list[tuple[str, ...]] = []
    owner: list[int] = []
    ignored = attribution(text.language)
    for index in sentences:
        own = tuple(t for t in text.terms[index] if t not in ignored)
        units.append(own)
        owner.append(index)
        # Two clauses need MIN_CLAUSE_TERMS words each, and a clause's words are words of
        # its sentence: a third of DUC 2006's sentences have too few to be split at all.
        if len(own) >= 2 * MIN_CLAUSE_TERMS:
            parts = clauses(text.sentences[index].text, text.language)
            if len(parts) > 1:
                units.extend(parts)
                owner.extend([index] * len(parts))
    vocabulary = text.vocabulary
    found = list(map(vocabulary.get, chain.from_iterable(units)))
    rows = np.repeat(np.arange(len(units)), [len(u) for u in units])
    known = np.array([column is not None for column in found], dtype=bool)
    cols = np.array([column for column in found if column is not None], dtype=np.int64)
    counts = sp.csr_matrix((np.ones(len(cols)), (rows[known], cols)),
                           shape=(len(units), len(vocabulary)))
    return tfidf_unit_rows(counts, idf), np.array(owner, dtype=np.int64)


def corroborate(
    text: EventText, indices: Sequence[int], min_similarity: float
) -> list[tuple[int, ...]]:
    """For each sentence in `indices`, the articles that say the same, its own included.

    An article backs a sentence when the sentence, or one of its clauses, is at least
    `min_similarity` similar to a sentence or clause of that article; sources are given
    earliest first.
    """
    if not len(indices):
        return []
    rank = {article: place for place, article in enumerate(publication_order(text.articles))}
    idf = smooth_idf(text.counts)
    asked, asked_owner = statement_vectors(text, list(indices), idf)
    # Only a sentence that has enough of an asked statement's terms can back it: for unit
    # vectors, cos(u, w) is at most the length of u over the terms w has (Cauchy-Schwarz),
    # and a clause has no term its sentence lacks, so no statement of a sentence v comes
    # closer to u than the length of u over v's terms. The others are never split into
    # clauses (that was most of the time on big events; this bound leaves half as many
    # as the sum of u's weights over v's terms did, on DUC 2006).
    squared = asked.multiply(asked)
    reach = np.sqrt(sp.csr_matrix(term_presence(text.counts) @ squared.T)
                    .max(axis=1).toarray().ravel())
    others = np.union1d(np.flatnonzero(reach >= min_similarity - 1e-9), np.asarray(indices))
    vectors, owner = statement_vectors(text, others.tolist(), idf)
    sentence_article = np.array([s.article for s in text.sentences], dtype=np.int64)
    position = {sentence: place for place, sentence in enumerate(indices)}
    close = similar_pairs(asked, vectors, min_similarity)
    backing: list[set[int]] = [{text.sentences[i].article} for i in indices]
    for row, column in zip(close.row.tolist(), close.col.tolist()):
        backing[position[int(asked_owner[row])]].add(int(sentence_article[owner[column]]))
    return [tuple(sorted(found, key=rank.__getitem__)) for found in backing]


def independent_sources(backing: Sequence[tuple[int, ...]], groups: list[list[int]]) -> np.ndarray:
    """How many independent stories back each sentence: copies of one story count once."""
    story = {article: number for number, group in enumerate(groups) for article in group}
    return np.array([len({story[a] for a in sources}) for sources in backing], dtype=np.int64)
