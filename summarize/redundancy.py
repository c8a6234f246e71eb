"""Redundancy across sources: copies of one story, and the sources that back each fact.

- `find_duplicates`: syndicated copies (the same wire story republished, translated or
  lightly rewritten) are found by the cosine of whole articles' TF-IDF vectors over stemmed
  content words. A group of copies is ranked once, through its earliest member, so a
  story that five outlets ran is not five times as "central"; every copy stays a source.
- `corroborate`: each chosen sentence cites every article that contains a sentence saying
  the same thing (cosine at least `corroboration.min_similarity`), earliest first.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import scipy.sparse as sp

from summarize.models import CleanArticle
from summarize.words import EventText, smooth_idf, tfidf_unit_rows


def publication_order(articles: tuple[CleanArticle, ...]) -> list[int]:
    """Article indices, earliest publication first, undated last, then by path."""

    def key(i: int) -> tuple[bool, dt.date, str]:
        published = articles[i].published
        return (published is None, published or dt.date.min, articles[i].path)

    return sorted(range(len(articles)), key=key)


def article_vectors(text: EventText) -> sp.csr_matrix:
    """Unit TF-IDF vector of each article: the sum of its sentences' term counts."""
    rows = np.array([s.article for s in text.sentences], dtype=np.int64)
    membership = sp.csr_matrix(
        (np.ones(len(rows)), (rows, np.arange(len(rows)))),
        shape=(len(text.articles), len(rows)),
    )
    counts = sp.csr_matrix(membership @ text.counts)
    return tfidf_unit_rows(counts, smooth_idf(counts))


def find_duplicates(text: EventText, threshold: float) -> list[list[int]]:
    """Groups of articles that are copies of one story, each earliest first; singletons too."""
    n = len(text.articles)
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if n > 1 and text.sentences:
        vectors = article_vectors(text)
        similarity = sp.coo_matrix(vectors @ vectors.T)
        for i, j, value in zip(similarity.row, similarity.col, similarity.data):
            if i < j and value >= threshold:
                parent[root(int(j))] = root(int(i))
    rank = {article: place for place, article in enumerate(publication_order(text.articles))}
    groups: dict[int, list[int]] = {}
    for article in range(n):
        groups.setdefault(root(article), []).append(article)
    return sorted((sorted(g, key=rank.__getitem__) for g in groups.values()),
                  key=lambda g: rank[g[0]])


def corroborate(text: EventText, chosen: list[int], min_similarity: float) -> list[tuple[int, ...]]:
    """For each chosen sentence, the articles that say the same, its own included."""
    if not chosen:
        return []
    order = publication_order(text.articles)
    rank = {article: place for place, article in enumerate(order)}
    articles_of = np.array([s.article for s in text.sentences])
    vectors = text.unit_vectors
    similarity = np.asarray((vectors[chosen] @ vectors.T).todense())
    backing = []
    for row, index in enumerate(chosen):
        own = text.sentences[index].article
        close = set(articles_of[similarity[row] >= min_similarity].tolist())
        close.add(own)
        backing.append(tuple(sorted(close, key=rank.__getitem__)))
    return backing
