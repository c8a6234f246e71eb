"""Sparse sentence graphs and their stationary distribution, shared by LexRank and TextRank.

Similarities are computed in row blocks and only the edges a ranker keeps are stored, so no
dense n x n matrix is ever built: memory grows with the number of edges, not with n².
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import scipy.sparse as sp

# Rows per block of the all-pairs product: large enough for sparse kernels to be efficient,
# small enough that one block's candidate pairs (rows x n) stay a few hundred MB at worst.
BLOCK_ROWS = 2048


def blockwise_edges(
    left: sp.csr_matrix,
    right_t: sp.csc_matrix | sp.csr_matrix,
    keep: Callable[[sp.csr_matrix, int], sp.csr_matrix],
) -> sp.csr_matrix:
    """`keep(left[block] @ right_t, block_start)` over row blocks, stacked into one matrix."""
    n = left.shape[0]
    blocks = []
    for start in range(0, n, BLOCK_ROWS):
        block = sp.csr_matrix(left[start : start + BLOCK_ROWS] @ right_t)
        blocks.append(keep(block, start))
    if not blocks:
        return sp.csr_matrix((0, right_t.shape[1]))
    return sp.csr_matrix(sp.vstack(blocks, format="csr"))


def top_k_per_row(block: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """Keep the k largest entries of each row (ties broken by column, for determinism)."""
    block.sort_indices()
    data, indices, indptr = block.data, block.indices, block.indptr
    keep = np.zeros(len(data), dtype=bool)
    for row in range(block.shape[0]):
        lo, hi = indptr[row], indptr[row + 1]
        if hi - lo <= k:
            keep[lo:hi] = True
            continue
        # stable sort on -value keeps the lower column first among equal values
        order = np.argsort(-data[lo:hi], kind="stable")[:k]
        keep[lo + order] = True
    result = sp.csr_matrix(
        (np.where(keep, data, 0.0), indices, indptr), shape=block.shape
    )
    result.eliminate_zeros()
    return result


def stationary_distribution(
    transition: sp.csr_matrix, damping: float, tolerance: float, max_iterations: int
) -> np.ndarray:
    """Power iteration p <- (1-d) Tᵀp + d/n for a row-stochastic T (PageRank form).

    `damping` is the probability of a random jump (LexRank's d, 1 - TextRank's 0.85). Rows
    of T that sum to 0 (isolated sentences) spread their mass uniformly, so mass is conserved.
    """
    n = transition.shape[0]
    p = np.full(n, 1.0 / n)
    transposed = sp.csr_matrix(transition.T)
    dangling = np.asarray(transition.sum(axis=1)).ravel() == 0
    for _ in range(max_iterations):
        walk = transposed @ p + p[dangling].sum() / n
        nxt = (1.0 - damping) * walk + damping / n
        nxt /= nxt.sum()
        delta = np.abs(nxt - p).sum()
        p = nxt
        if delta < tolerance:
            break
    return p


def row_stochastic(weights: sp.csr_matrix) -> sp.csr_matrix:
    """Divide each row by its sum; rows with no weight stay empty (dangling)."""
    sums = np.asarray(weights.sum(axis=1)).ravel()
    sums[sums == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / sums) @ weights)
