"""Two baselines every evaluation table needs: MEAD's centroid score and the lead."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from summarize.ranking.base import Ranker
from summarize.ranking.lexrank import sumy_idf

if TYPE_CHECKING:
    import numpy as np

    from summarize.text.words import EventText


class CentroidRanker(Ranker):
    """Centroid score of MEAD (Radev et al. 2004, IPM 40, section 3.1).

    The centroid gives each word tf(w) x idf(w), with tf its mean count per article of the
    event and idf over the event's sentences; a sentence scores the sum of the centroid
    values of its distinct words, so sentences that carry the event's core vocabulary win.
    """

    algorithm: Literal["centroid"] = "centroid"

    def score(self, text: EventText) -> np.ndarray:
        import numpy as np

        n = len(text.sentences)
        if n == 0:
            return np.zeros(0)
        counts = text.counts
        articles = max(1, len({s.article for s in text.sentences}))
        centroid = np.asarray(counts.sum(axis=0)).ravel() / articles * sumy_idf(counts)
        presence = counts.copy()
        presence.data[:] = 1.0
        return np.asarray(presence @ centroid).ravel()


class LeadRanker(Ranker):
    """The lead baseline: earlier in its article is better, newest article first.

    Scores fall from 1 towards 0 along that order; undated articles come after dated ones.
    """

    algorithm: Literal["lead"] = "lead"

    def score(self, text: EventText) -> np.ndarray:
        import numpy as np

        n = len(text.sentences)
        if n == 0:
            return np.zeros(0)

        def newest_first(article: int) -> tuple[int, int, int]:
            published = text.articles[article].published
            return (published is None, -(published.toordinal() if published else 0), article)

        order = sorted(
            range(n),
            key=lambda i: (*newest_first(text.sentences[i].article), text.sentences[i].position),
        )
        scores = np.empty(n)
        scores[order] = 1.0 - np.arange(n) / n
        return scores
