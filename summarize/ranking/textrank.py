"""TextRank for sentences (Mihalcea & Tarau 2004, EMNLP, section 4.1).

Edge weight between sentences Si and Sj (formula of section 4.1):
    w(Si, Sj) = |shared words| / (log|Si| + log|Sj|)
with words the stemmed content words, counted with repetition as sumy does (the dot product
of the two count vectors). Scores are PageRank with damping 0.85 on the weighted graph.

Versus sumy's TextRankSummarizer, on the same words: same weights, damping and start vector.
With `self_loops: true` and `convergence: sumy` (sumy stops once p moves by less than 1e-4,
after a few steps on big events) our top 10 equals sumy's (tests/test_ranking/
test_sumy_equivalence.py, benchmarks/ranking.py).
We differ by default in three deliberate ways:
- no self-loops (`self_loops: false`): the paper's graph links distinct sentences; sumy also
  links each sentence to itself, which rewards long sentences twice;
- isolated sentences spread their mass uniformly instead of leaking it (sumy's rows of zeros
  plus (1-d)/n), so scores stay a probability distribution;
- we iterate until the ranking has converged (L1 change below `tolerance`).

Big events: any two sentences sharing a word are linked, so the graph grows with n² (about
2 GB for the 35,893 pooled DUC 2006 sentences). Above `landmarks` sentences the walk is
estimated from that many evenly spaced landmark sentences and the estimate's top 1,000 are
rescored on their exact edges (graph.landmark_centrality). Events up to `landmarks` are
ranked exactly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from summarize.ranking.base import Ranker

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

    from summarize.text.words import EventText


class TextRankRanker(Ranker):
    """TextRank (Mihalcea & Tarau 2004): PageRank over word-overlap edges."""

    algorithm: Literal["textrank"] = "textrank"
    engine: Literal["fast", "sumy"] = Field(
        "fast",
        description="fast: this vectorized implementation; sumy: sumy's own "
        "TextRankSummarizer (quadratic, pure Python), kept as the reference.",
    )
    damping: float = Field(
        0.85, gt=0.0, lt=1.0, description="Probability of following an edge (the paper's d)."
    )
    self_loops: bool = Field(
        False, description="Link each sentence to itself, as sumy does (the paper does not)."
    )
    tolerance: float = Field(
        1e-8, gt=0.0, description="Power iteration stops when the L1 change is below this."
    )
    convergence: Literal["l1", "sumy"] = Field(
        "l1",
        description="l1: iterate until the L1 change is below `tolerance`; sumy: sumy's rule "
        "(stop when p moves by at most 1e-4 in L2), which with self_loops reproduces sumy's "
        "ranking.",
    )
    landmarks: int | None = Field(
        10_000,
        ge=2,
        description="Events with more sentences than this are ranked from this many evenly "
        "spaced landmark sentences, so time and memory grow linearly; null: always build the "
        "whole graph.",
    )

    def score(self, text: EventText) -> np.ndarray:
        import numpy as np  # with scipy and the graph code, on first use (0.4 s)
        import scipy.sparse as sp

        from summarize.ranking.graph import PowerMethod, SentenceGraph, centrality

        n = len(text.sentences)
        if n == 0:
            return np.zeros(0)
        counts = sp.csr_matrix(text.counts)
        lengths = np.asarray(counts.sum(axis=1)).ravel()
        log_lengths = np.log(np.maximum(lengths, 1.0))
        self_loops = self.self_loops

        def keep(block: sp.csr_matrix, first_row: int, columns: np.ndarray) -> sp.csr_matrix:
            # Weights in place on the CSR arrays: no COO round trip, no re-sorting.
            rows = np.repeat(np.arange(first_row, first_row + block.shape[0]),
                             np.diff(block.indptr))
            cols = columns[block.indices]
            norm = log_lengths[rows] + log_lengths[cols]
            # Two one-word sentences: log 1 + log 1 = 0, and the overlap (0 or 1) is the weight.
            np.divide(block.data, norm, out=block.data, where=norm > 0)
            if not self_loops:
                block.data[rows == cols] = 0.0
                block.eliminate_zeros()
            return block

        # Our walks take the probability of a jump; TextRank's damping is that of following.
        method = PowerMethod(1.0 - self.damping, self.tolerance, self.convergence,
                             sumy_epsilon=1e-4, sumy_unit_length=False)
        return centrality(SentenceGraph(counts, keep), method, self.landmarks)
