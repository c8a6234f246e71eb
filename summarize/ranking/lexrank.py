"""LexRank: graph-based lexical centrality (Erkan & Radev 2004, JAIR 22).

Sentences are TF-IDF vectors (tf divided by the sentence's largest tf, idf = log(N / (1 + df))
as in sumy); an edge joins two sentences whose cosine exceeds `threshold` (section 3.2; the
continuous variant of section 3.3 keeps the cosine as the edge weight). A sentence's score is
its stationary probability in the random walk on that graph with jump probability `damping`
(formula 5 of the paper, p = d/N + (1-d) Bᵀp).

Versus sumy's LexRankSummarizer, on the same words:
- same tf, idf, cosine, threshold and degree normalization (each row divided by its number
  of edges, the self-loop included), so the graph is identical: with `damping: 0`, our
  ranking equals the converged ranking of sumy's own matrix
  (tests/test_ranking/test_sumy_equivalence.py);
- sumy stops its power method when successive unit-length vectors differ by less than 0.1,
  three iterations in on the seeds, before the ranking has settled: its top 10 then differs
  from the converged one in 1 of 10 sentences on the seeds. We iterate until the L1 change
  is below `tolerance`, and add the paper's damping (default 0.15), which makes the
  stationary distribution unique even when the graph falls apart in components.
  `convergence: sumy` with `damping: 0` reproduces sumy's ranking itself (same top 10 on
  the seeds, a DUC 2006 event and benchmarks/ranking.py's events).

Big events: the thresholded graph has about n² · (share of linked pairs) edges, which grows
faster than n (9.6 M edges for the 35,893 pooled DUC 2006 sentences, 0.94 M for 10,000). Above
`landmarks` sentences the walk is estimated from that many evenly spaced landmark sentences
and the estimate's top 1,000 are rescored on their exact edges (graph.landmark_centrality),
so time and memory grow linearly with n. Events up to `landmarks` are ranked exactly.

IDF: from the event's own sentences (`idf: event`, sumy's choice) or from the sentences of
every event in the run (`idf: batch`), which tells words common in all news ("year",
"people") from words common in this one story.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from summarize.ranking.base import Ranker
from summarize.text.words import tfidf_unit_rows

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

    from summarize.text.words import DocumentFrequencies, EventText


def lexrank_vectors(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Unit-length rows of tf/max(tf) * idf (tf divided by the sentence's largest count)."""
    import numpy as np
    import scipy.sparse as sp

    counts = sp.csr_matrix(counts, dtype=np.float64)
    row_max = np.ones(counts.shape[0])
    nonempty = np.diff(counts.indptr) > 0
    row_max[nonempty] = np.maximum.reduceat(counts.data, counts.indptr[:-1][nonempty])
    return tfidf_unit_rows(sp.csr_matrix(sp.diags(1.0 / row_max) @ counts), idf)


def sumy_idf(counts: sp.csr_matrix) -> np.ndarray:
    """idf(t) = log(N / (1 + df(t))), sentences as documents (sumy's formula)."""
    import numpy as np

    df = np.bincount(counts.indices, minlength=counts.shape[1])
    return np.log(counts.shape[0] / (1.0 + df))


def batch_idf(text: EventText, background: DocumentFrequencies) -> np.ndarray:
    """sumy's formula with N and df(t) counted over the sentences of every event of the run."""
    import numpy as np

    df = np.array([background.df.get(term, 0) for term in text.vocabulary], dtype=np.float64)
    return np.log(max(background.sentences, 1) / (1.0 + df))


class LexRankRanker(Ranker):
    """LexRank (Erkan & Radev 2004): stationary distribution of the sentence-similarity graph."""

    algorithm: Literal["lexrank"] = "lexrank"
    engine: Literal["fast", "sumy"] = Field(
        "fast",
        description="fast: this vectorized implementation; sumy: sumy's own LexRankSummarizer "
        "(quadratic, pure Python), kept as the reference.",
    )
    threshold: float | None = Field(
        0.1,
        ge=0.0,
        lt=1.0,
        description="Cosine above which two sentences are linked (edges weigh 1); null for "
        "continuous LexRank, where the cosine itself is the edge weight.",
    )
    top_k: int = Field(
        50,
        ge=1,
        description="Continuous LexRank only: keep each sentence's k most similar neighbours, "
        "so huge events stay sparse.",
    )
    landmarks: int | None = Field(
        10_000,
        ge=2,
        description="Thresholded LexRank: events with more sentences than this are ranked "
        "from this many evenly spaced landmark sentences, so time and memory grow linearly "
        "(on the 35,893 pooled DUC 2006 sentences: the exact top 100); null: always build "
        "the whole graph.",
    )
    damping: float = Field(
        0.15,
        ge=0.0,
        lt=1.0,
        description="Probability of a random jump in the walk (the paper's d); 0 for sumy's "
        "undamped walk.",
    )
    tolerance: float = Field(
        1e-8, gt=0.0, description="Power iteration stops when the L1 change is below this."
    )
    convergence: Literal["l1", "sumy"] = Field(
        "l1",
        description="l1: iterate until the L1 change is below `tolerance`; sumy: sumy's rule "
        "(unit-length vectors, stop when they move by at most 0.1), which with damping 0 "
        "reproduces sumy's ranking.",
    )
    focus_bias: float = Field(
        0.5,
        ge=0.0,
        lt=1.0,
        description="With a focus (see `focus`): the probability of a jump, which lands on a "
        "sentence in proportion to its relevance to the focus (biased LexRank, Otterbacher "
        "et al. 2005); replaces damping. 0: ignore the focus.",
    )
    idf: Literal["event", "batch"] = Field(
        "event",
        description="event: IDF from this event's sentences; batch: from the sentences of "
        "every event of the run.",
    )

    @model_validator(mode="before")
    @classmethod
    def _continuous_has_no_landmarks(cls, data: object) -> object:
        # The top-k graph of continuous LexRank is directed; landmarks need a symmetric one.
        if isinstance(data, dict) and "threshold" in data and data["threshold"] is None:
            if data.get("landmarks") is not None:
                raise ValueError("landmarks needs a threshold: continuous LexRank (threshold: "
                                 "null) keeps each sentence's top_k neighbours instead")
            data = {**data, "landmarks": None}
        return data

    @property
    def uses_run_statistics(self) -> bool:
        return self.idf == "batch"

    def score(self, text: EventText) -> np.ndarray:
        # numpy, scipy and the graph code are imported on first use (0.4 s a run that
        # builds nothing skips).
        import numpy as np

        from summarize.ranking.graph import PowerMethod, SentenceGraph, centrality, top_k_per_row
        from summarize.text.focus import focus_relevance

        n = len(text.sentences)
        if n == 0:
            return np.zeros(0)
        counts = text.counts
        if self.idf == "batch" and text.background is not None:
            idf = batch_idf(text, text.background)
        else:  # a run of one event: the batch is the event
            idf = sumy_idf(counts)
        vectors = lexrank_vectors(counts, idf)
        threshold, top_k = self.threshold, self.top_k

        def keep(block: sp.csr_matrix, first_row: int, columns: np.ndarray) -> sp.csr_matrix:
            if threshold is None:
                return top_k_per_row(block, top_k)
            block.data = np.where(block.data > threshold, 1.0, 0.0)
            block.eliminate_zeros()
            return block

        damping, jump = self.damping, None
        relevance = focus_relevance(text) if self.focus_bias > 0 else None
        if relevance is not None and relevance.sum() > 0:
            damping, jump = self.focus_bias, relevance / relevance.sum()
        method = PowerMethod(damping, self.tolerance, self.convergence,
                             sumy_epsilon=0.1, sumy_unit_length=True)
        # the thresholded rule weighs a pair by its cosine alone; the top-k rule does not
        graph = SentenceGraph(vectors, keep, pairwise=threshold is not None)
        return centrality(graph, method, self.landmarks, jump)
