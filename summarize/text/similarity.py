"""Similar pairs of rows of TF-IDF unit vectors (cosines at or above a threshold), computed in
row blocks so that no dense n x n matrix is ever built; shared by ranking (sentence graphs),
duplicate detection and corroboration. With the prefix filter of Bayardo, Ma & Srikant (2007,
"Scaling up all pairs similarity search") when a threshold is high enough to prune."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import scipy.sparse as sp

# Rows per block of the all-pairs product: large enough for sparse kernels to be efficient,
# small enough that one block's candidate pairs (rows x n) stay a few hundred MB at worst.
BLOCK_ROWS = 2048

Keep = Callable[[sp.csr_matrix, int, np.ndarray], sp.csr_matrix]
"""keep(block, first_row, columns): the edges a ranker keeps from one block of dot products.
Block row i is sentence first_row + i; block column c is sentence columns[c]."""


def blockwise_edges(
    left: sp.csr_matrix,
    right_t: sp.csc_matrix | sp.csr_matrix,
    keep: Keep,
    columns: np.ndarray | None = None,
) -> sp.csr_matrix:
    """`keep(left[block] @ right_t, block_start, columns)` over row blocks, stacked into one
    matrix. `columns` names the sentence behind each column of right_t (default: 0, 1, …)."""
    n = left.shape[0]
    if columns is None:
        columns = np.arange(right_t.shape[1])
    blocks = []
    for start in range(0, n, BLOCK_ROWS):
        block = sp.csr_matrix(left[start : start + BLOCK_ROWS] @ right_t)
        blocks.append(keep(block, start, columns))
    if not blocks:
        return sp.csr_matrix((0, right_t.shape[1]))
    return sp.csr_matrix(sp.vstack(blocks, format="csr"))


def similar_pairs(
    left: sp.csr_matrix, right: sp.csr_matrix, min_similarity: float
) -> sp.coo_matrix:
    """Every (row of left, row of right) pair whose dot product (cosine, for unit rows) is
    at least `min_similarity`, computed blockwise."""

    def keep(block: sp.csr_matrix, first_row: int, columns: np.ndarray) -> sp.csr_matrix:
        block.data[block.data < min_similarity] = 0.0
        block.eliminate_zeros()
        return block

    return sp.coo_matrix(blockwise_edges(left, sp.csc_matrix(right.T), keep))


# Candidate pairs verified at a time by `self_similar_pairs`: bounds its memory.
VERIFY_PAIRS = 50_000


def self_similar_pairs(vectors: sp.csr_matrix, min_similarity: float) -> sp.coo_matrix:
    """The pairs of `similar_pairs(vectors, vectors, min_similarity)` for unit rows with
    nonnegative weights (TF-IDF), without computing every product: prefix filtering
    (Bayardo, Ma & Srikant 2007, "Scaling up all pairs similarity search", WWW, sec. 4).

    Terms are ordered rarest first; each row's prefix is its terms up to where the weight
    left after them has norm below `min_similarity`. Two rows whose prefixes share no term
    cannot reach it: their common terms all lie in one row's rest, and by Cauchy-Schwarz
    their dot product is at most that rest's norm. The candidates (rows sharing a prefix
    term: few, since rare terms come first) are then scored exactly."""
    vectors = sp.csr_matrix(vectors)
    n = vectors.shape[0]
    sizes = np.diff(vectors.indptr)
    rows = np.repeat(np.arange(n), sizes)
    rarity = np.bincount(vectors.indices, minlength=vectors.shape[1])
    # entries by row, each row's rarest terms first
    order = np.lexsort((vectors.indices, rarity[vectors.indices], rows))
    squares = vectors.data[order] ** 2
    through = np.cumsum(squares)
    filled = sizes > 0
    row_first = np.repeat((through - squares)[vectors.indptr[:-1][filled]], sizes[filled])
    before = through - squares - row_first  # weight of the row's entries before this one
    total = np.bincount(rows, weights=squares, minlength=n)[rows]
    in_prefix = total - before >= min_similarity ** 2 * (1 - 1e-9)  # a margin for rounding
    prefix = sp.csr_matrix((np.ones(int(in_prefix.sum())),
                            (rows[in_prefix], vectors.indices[order][in_prefix])),
                           shape=vectors.shape)
    candidates = sp.triu(sp.csr_matrix(prefix @ prefix.T), format="coo")
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for start in range(0, candidates.nnz, VERIFY_PAIRS):  # bounded memory
        first = candidates.row[start:start + VERIFY_PAIRS]
        second = candidates.col[start:start + VERIFY_PAIRS]
        dots = sp.csr_matrix(vectors[first].multiply(vectors[second])) @ \
            np.ones(vectors.shape[1])
        keep = dots >= min_similarity
        found.append((first[keep], second[keep], dots[keep]))
    upper_rows, upper_cols, values = (np.concatenate(parts) for parts in zip(*found)) \
        if found else (np.zeros(0, dtype=np.int64),) * 2 + (np.zeros(0),)
    mirror = upper_rows != upper_cols
    return sp.coo_matrix((np.concatenate([values, values[mirror]]),
                          (np.concatenate([upper_rows, upper_cols[mirror]]),
                           np.concatenate([upper_cols, upper_rows[mirror]]))),
                         shape=(n, n))



def identical_rows(vectors: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    """Each row's class, rows with the same entries sharing one (-1 for an empty row), and
    the first row of each class. A sentence repeated n times is one class: what is
    compared pairwise then grows with the distinct sentences, not with n² (a feed entry
    repeating one sentence 100,000 times asked for 47.7 GiB)."""
    vectors = sp.csr_matrix(vectors)
    vectors.sort_indices()
    indptr = vectors.indptr.tolist()
    # (each row's entries as slices of two byte strings: slicing bytes is a fifth of the
    # cost of slicing the arrays and converting each slice)
    indices, data = vectors.indices.tobytes(), vectors.data.tobytes()
    index_size, value_size = vectors.indices.itemsize, vectors.data.itemsize
    classes = np.full(vectors.shape[0], -1, dtype=np.int64)
    known: dict[tuple[bytes, bytes], int] = {}
    first: list[int] = []
    for row in range(vectors.shape[0]):
        low, high = indptr[row], indptr[row + 1]
        if low == high:
            continue
        key = (indices[low * index_size:high * index_size],
               data[low * value_size:high * value_size])
        found = known.setdefault(key, len(first))
        if found == len(first):
            first.append(row)
        classes[row] = found
    return classes, np.array(first, dtype=np.int64)
