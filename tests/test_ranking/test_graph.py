"""The sparse graph helpers shared by LexRank and TextRank."""

import numpy as np
import scipy.sparse as sp

from summarize.ranking.graph import top_k_per_row


def test_top_k_per_row_keeps_the_largest_and_breaks_ties_by_column():
    rng = np.random.default_rng(7)
    block = sp.random(40, 60, density=0.3, format="csr", random_state=rng)
    block.data = np.round(block.data, 1)  # many ties
    kept = top_k_per_row(block.copy(), 5).toarray()
    dense = block.toarray()
    for row in range(block.shape[0]):
        entries = sorted((-dense[row, c], c) for c in np.flatnonzero(dense[row]))[:5]
        expected = np.zeros(block.shape[1])
        for value, column in entries:
            expected[column] = -value
        assert np.array_equal(kept[row], expected)
