"""Ordering: the order in which chosen sentences are read (`order.strategy`), and the
articles' publication order (sources are cited earliest first)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from summarize.models import ChosenSentence, CleanArticle


def order_sentences(
    chosen: Sequence[ChosenSentence], articles: Sequence[CleanArticle], strategy: str
) -> list[ChosenSentence]:
    """chronological: publication date, then place in the article, undated articles after
    dated ones; score: best first; source: article by article. Sorting is stable."""
    if strategy == "score":
        return sorted(chosen, key=lambda c: -c.score)
    if strategy == "source":
        return sorted(chosen, key=lambda c: (c.sentence.article, c.sentence.position))

    def chronological(c: ChosenSentence) -> tuple[bool, dt.date, int, int]:
        published = articles[c.sentence.article].published
        return (published is None, published or dt.date.min, c.sentence.article,
                c.sentence.position)

    return sorted(chosen, key=chronological)


def publication_order(articles: tuple[CleanArticle, ...]) -> list[int]:
    """Article indices, earliest publication first, undated last, then by path."""

    def key(i: int) -> tuple[bool, dt.date, str]:
        published = articles[i].published
        return (published is None, published or dt.date.min, articles[i].path)

    return sorted(range(len(articles)), key=key)
