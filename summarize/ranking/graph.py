"""Sparse sentence graphs and their stationary distribution, shared by LexRank and TextRank.

Similarities are computed in row blocks and only the edges a ranker keeps are stored, so no
dense n x n matrix is ever built: memory grows with the number of edges, not with n².

The number of edges itself grows with n² on a big event (every sentence of one story is
like many others), so above `landmarks` sentences `centrality` estimates the walk from an
evenly spaced sample of sentences instead of building the whole graph (`landmark_centrality`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import scipy.sparse as sp

from summarize.text.similarity import Keep, blockwise_edges, identical_rows


def top_k_per_row(block: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """Keep the k largest entries of each row (ties broken by column, for determinism)."""
    data, indices, indptr = block.data, block.indices, block.indptr
    keep = np.zeros(len(data), dtype=bool)
    for row in range(block.shape[0]):
        lo, hi = indptr[row], indptr[row + 1]
        if hi - lo <= k:
            keep[lo:hi] = True
            continue
        # The k-th largest value by partition (linear; a full sort was 4 of the 7 s of
        # continuous LexRank on 35,893 sentences): keep everything above it, and of the
        # entries equal to it the lowest columns.
        values = data[lo:hi]
        kth = np.partition(values, hi - lo - k)[hi - lo - k]
        above = np.flatnonzero(values > kth)
        ties = np.flatnonzero(values == kth)
        ties = ties[np.argsort(indices[lo + ties], kind="stable")[: k - len(above)]]
        keep[lo + above] = True
        keep[lo + ties] = True
    result = sp.csr_matrix(
        (np.where(keep, data, 0.0), indices, indptr), shape=block.shape
    )
    result.eliminate_zeros()
    return result


@dataclass(frozen=True)
class SentenceGraph:
    """A sentence graph given by its rule rather than its edges: the weight of (i, j) is
    `keep` applied to the dot product of rows i and j of `vectors`. Edges are computed on
    demand, from every sentence to all sentences or to a chosen few. Landmark estimates need
    the rule to be symmetric (continuous LexRank's top-k rule is not, so it never gets one).
    `pairwise`: the weight of (i, j) depends on their dot product alone (not on where i and
    j stand, as TextRank's lengths and continuous LexRank's top k do), so that sentences
    with the same vector are interchangeable (`centrality` walks them as one)."""

    vectors: sp.csr_matrix
    keep: Keep
    pairwise: bool = False

    @property
    def size(self) -> int:
        return int(self.vectors.shape[0])

    def edges_to(self, columns: np.ndarray) -> sp.csr_matrix:
        """size x len(columns): every sentence's edges to the sentences `columns`."""
        right_t = sp.csc_matrix(self.vectors[columns].T)
        return blockwise_edges(self.vectors, right_t, self.keep, columns)

    def self_weights(self) -> np.ndarray:
        """Each sentence's edge to itself, by the same rule (the graph's diagonal)."""
        dots = np.asarray(self.vectors.multiply(self.vectors).sum(axis=1)).ravel()
        diagonal = sp.csr_matrix(
            (dots, np.arange(self.size), np.arange(self.size + 1)), shape=(self.size,) * 2
        )
        return self.keep(diagonal, 0, np.arange(self.size)).diagonal()


@dataclass(frozen=True)
class PowerMethod:
    """How a ranker finds its walk's stationary distribution: the jump probability and the
    stopping rule (ours, or sumy's with its epsilon, to reproduce sumy's rankings)."""

    damping: float
    tolerance: float
    convergence: Literal["l1", "sumy"]
    sumy_epsilon: float
    sumy_unit_length: bool

    def solve(self, weights: sp.csr_matrix, jump: np.ndarray | None = None,
              sizes: np.ndarray | None = None) -> np.ndarray:
        """`jump`: where a random jump lands (a distribution; None: uniformly); `sizes`:
        how many sentences each node stands for (None: one each; our stopping rule only)."""
        if self.convergence == "sumy":
            return sumy_power_method(weights, self.damping, self.sumy_epsilon,
                                     self.sumy_unit_length)
        return stationary_distribution(weights, self.damping, self.tolerance,
                                       max_iterations=1000, jump=jump, sizes=sizes)


def centrality(graph: SentenceGraph, method: PowerMethod, landmarks: int | None,
               jump: np.ndarray | None = None) -> np.ndarray:
    """Stationary distribution of the walk on `graph`: exact (the whole graph, solved) up to
    `landmarks` sentences, estimated from that many landmark sentences above it. `jump`
    biases the random jumps (a distribution over sentences; None: uniform).

    Sentences with the same vector in a `pairwise` graph are walked as one node standing
    for all of them (`lumped_centrality`), when that leaves few enough to solve exactly."""
    if graph.pairwise and method.convergence == "l1":
        classes, first = identical_rows(graph.vectors)
        empty = np.flatnonzero(classes < 0)
        if len(empty):  # sentences without a term: interchangeable too (all isolated)
            classes[empty], first = len(first), np.append(first, empty[0])
        if len(first) < graph.size and (landmarks is None or len(first) <= landmarks) and (
                jump is None or np.array_equal(jump, jump[first][classes])):
            return lumped_centrality(graph, method, classes, first, jump)
    if landmarks is None or graph.size <= landmarks:
        return method.solve(graph.edges_to(np.arange(graph.size)), jump)
    return landmark_centrality(graph, method, landmarks, jump)


def lumped_centrality(graph: SentenceGraph, method: PowerMethod, classes: np.ndarray,
                      first: np.ndarray, jump: np.ndarray | None = None) -> np.ndarray:
    """The exact walk on a graph whose interchangeable sentences (class c: the sentences
    with the vector of sentence first[c]) are one node each.

    From any sentence, the walk reaches class D with probability size(D)·w(C, D) / deg(C),
    the same from every sentence of C: the chain is lumpable (Kemeny & Snell 1960, "Finite
    Markov Chains", sec. 6.3), and with jumps and isolated sentences' mass spread in
    proportion to the classes' sizes its stationary distribution is the sum over each
    class of the full walk's; by symmetry the class's sentences share it equally. A
    sentence repeated 100,000 times is one node instead of 10¹⁰ edges."""
    sizes = np.bincount(classes, minlength=len(first)).astype(np.float64)
    lumped = SentenceGraph(sp.csr_matrix(graph.vectors[first]), graph.keep, graph.pairwise)
    weights = sp.csr_matrix(lumped.edges_to(np.arange(len(first))) @ sp.diags(sizes))
    p = method.solve(weights, None if jump is None else jump[first] * sizes, sizes)
    return (p / sizes)[classes]


def landmark_indices(n: int, m: int) -> np.ndarray:
    """m sentences spread evenly over the event's n (articles are contiguous, so every part
    of the coverage is sampled alike); deterministic, unlike a random sample."""
    return (np.arange(m) * n) // m


# Sentences whose estimates are replaced by a step on their exact edges: the briefing draws
# on the top of the ranking (a few dozen sentences even after redundancy and eligibility
# skip some), so 1,000 leaves a wide margin at a cost of 1,000 x n similarities.
EXACT_TOP = 1_000


def landmark_centrality(graph: SentenceGraph, method: PowerMethod, m: int,
                        jump: np.ndarray | None = None) -> np.ndarray:
    """The walk's stationary distribution estimated from m landmark sentences, in O(n·m).

    The exact distribution satisfies p_i = d/n + (1-d) Σ_j W_ij p_j / deg_j over all n
    sentences j; here the sum runs over the landmarks only, each standing for about n/m
    sentences (a stratified Monte Carlo estimate, extended to every sentence as in the
    Nyström method):
    1. edges from every sentence to the landmarks (n x m), which also give each landmark's
       exact degree (the graph is symmetric);
    2. the walk on the landmarks alone, each landmark-landmark edge weighing n/m (it
       stands for that many edges), self-loops as they are: a proper weighted walk, so it
       converges;
    3. one step of the full walk from there: every other sentence receives the flow of the
       landmarks it is linked to;
    4. the EXACT_TOP best sentences of that estimate take one more step on their exact
       edges to every sentence, which removes the sampling noise of their own neighbours
       where it matters (the top of the ranking).
    benchmarks/ranking.py prints the agreement with the exact walk on the pooled DUC 2006
    sentences (the same top 10; at least 99 of the top 100).
    """
    n, damping = graph.size, method.damping
    own = graph.self_weights()
    landmarks = landmark_indices(n, m)
    to_landmarks = graph.edges_to(landmarks)
    landmark_degree = np.asarray(to_landmarks.sum(axis=0)).ravel()  # column j is row j

    # 2. A landmark's n - 1 fellow sentences are estimated from its m - 1 fellow landmarks.
    among = sp.csr_matrix(to_landmarks[landmarks])
    among.setdiag(0.0)
    among.eliminate_zeros()
    landmark_weights = (n - 1) / (m - 1) * among + sp.diags(own[landmarks])
    landmark_jump = None
    if jump is not None and jump[landmarks].sum() > 0:
        landmark_jump = jump[landmarks] / jump[landmarks].sum()
    p_landmarks = method.solve(sp.csr_matrix(landmark_weights), landmark_jump)
    p_landmarks = p_landmarks / p_landmarks.sum() * (m / n)  # their share of the total mass

    # 3. Any other sentence's n - 1 fellows are estimated from all m landmarks.
    scale = (n - 1) / m
    degree = own + scale * np.asarray(to_landmarks.sum(axis=1)).ravel()
    degree[landmarks] = landmark_degree
    dangling = scale * p_landmarks[landmark_degree == 0].sum()
    share = np.divide(p_landmarks, landmark_degree, out=np.zeros(m), where=landmark_degree > 0)
    p = walk_step(scale * np.asarray(to_landmarks @ share).ravel(), own, degree, dangling,
                  damping, n, jump)
    p[landmarks] = p_landmarks
    p /= p.sum()

    # 4. The top of the estimate, from its exact edges (n x EXACT_TOP, column c = top[c]).
    top = np.sort(np.argsort(-p, kind="stable")[:EXACT_TOP])
    to_top = graph.edges_to(top)
    share = np.divide(p, degree, out=np.zeros(n), where=degree > 0)
    inflow = np.asarray(to_top.T @ share).ravel() - own[top] * share[top]
    top_degree = np.asarray(to_top.sum(axis=0)).ravel()
    p[top] = walk_step(inflow, own[top], top_degree, p[degree == 0].sum(), damping, n,
                       None if jump is None else jump[top])
    return p / p.sum()


def walk_step(inflow: np.ndarray, own: np.ndarray, degree: np.ndarray, dangling: float,
              damping: float, n: int, jump: np.ndarray | None = None) -> np.ndarray:
    """p_i from p_i = d·j_i + (1-d) (dangling/n + inflow_i + own_i p_i / degree_i): what a
    sentence receives from the others (`inflow`, and the `dangling` mass of isolated ones,
    spread evenly) and from jumps (j_i = 1/n without a `jump` distribution) plus what its
    own self-loop keeps, solved for p_i."""
    kept = (1.0 - damping) * np.divide(own, degree, out=np.zeros(len(own)), where=degree > 0)
    landing = 1.0 / n if jump is None else jump
    received = damping * landing + (1.0 - damping) * (dangling / n + inflow)
    # kept = 1 only for an isolated sentence of an undamped walk: it keeps its first 1/n.
    return np.divide(received, 1.0 - kept, out=np.full(len(own), 1.0 / n), where=kept < 1.0)


class RandomWalk:
    """The walk on a weighted sentence graph: from a sentence, follow one of its edges with
    probability proportional to the edge's weight.

    One step computes Tᵀp for the row-stochastic T = D⁻¹W as Wᵀ(p / d) (d: row sums of W),
    so the normalized matrix and its transpose are never built (W.T is a free CSC view).
    Isolated sentences (d = 0) are `dangling`: they have nowhere to go.
    """

    def __init__(self, weights: sp.csr_matrix):
        self.n = weights.shape[0]
        self.forward = weights.T
        out = np.asarray(weights.sum(axis=1)).ravel()
        self.dangling = out == 0
        self.inverse_out = np.divide(1.0, out, out=np.zeros_like(out), where=~self.dangling)

    def step(self, p: np.ndarray) -> np.ndarray:
        """Tᵀp: where the probability mass p goes in one step (dangling mass is lost)."""
        return np.asarray(self.forward @ (p * self.inverse_out)).ravel()


def stationary_distribution(
    weights: sp.csr_matrix, damping: float, tolerance: float, max_iterations: int,
    jump: np.ndarray | None = None, sizes: np.ndarray | None = None,
) -> np.ndarray:
    """Power iteration p <- (1-d) Tᵀp + d·j with T the row-normalized `weights` (PageRank).

    `damping` is the probability of a random jump (LexRank's d, 1 - TextRank's 0.85); a
    jump lands on sentence i with probability j_i: 1/n, or `jump` (personalized PageRank,
    Haveliwala 2002; biased LexRank). Isolated sentences spread their mass uniformly, so
    mass is conserved. `sizes`: how many sentences each node stands for
    (`lumped_centrality`): the walk starts, jumps and spreads isolated mass in proportion.
    """
    walk = RandomWalk(weights)
    n = walk.n
    share = None if sizes is None else sizes / sizes.sum()
    p = np.full(n, 1.0 / n) if share is None else share
    landing = (1.0 / n if share is None else share) if jump is None else jump
    for _ in range(max_iterations):
        isolated = p[walk.dangling].sum()
        moved = walk.step(p) + (isolated / n if share is None else isolated * share)
        nxt = (1.0 - damping) * moved + damping * landing
        nxt /= nxt.sum()
        delta = np.abs(nxt - p).sum()
        p = nxt
        if delta < tolerance:
            break
    return p


def sumy_power_method(
    weights: sp.csr_matrix, damping: float, epsilon: float, unit_length: bool
) -> np.ndarray:
    """sumy's power method on our sparse graph, to reproduce sumy's rankings.

    p <- (1-d) Tᵀp + d·sum(p)/n, without giving isolated sentences' mass back, until p moves
    by at most `epsilon` in L2. sumy's LexRank rescales p to unit L2 length at each step and
    stops at ε = 0.1 (damping 0); its TextRank keeps p as is and stops at ε = 1e-4. On big
    events both stop after a few steps, long before the ranking has converged.
    """
    walk = RandomWalk(weights)
    n = walk.n
    p = np.full(n, 1.0 / n)
    change = 1.0
    while change > epsilon:
        nxt = (1.0 - damping) * walk.step(p) + damping * p.sum() / n
        if unit_length:
            length = np.linalg.norm(nxt)
            if length == 0:  # no sentence has an edge: nothing to rank
                return p
            nxt /= length
        change = float(np.linalg.norm(nxt - p))
        p = nxt
    return p
