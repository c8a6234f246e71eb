"""The sparse graph helpers shared by LexRank and TextRank."""

import numpy as np
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.ranking.graph import top_k_per_row
from summarize.text.similarity import self_similar_pairs, similar_pairs
from summarize.text.words import tfidf_unit_rows


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


@given(st.integers(0, 10_000), st.sampled_from([0.3, 0.5, 0.7, 0.8, 0.95]),
       st.sampled_from([20, 200]))
@settings(max_examples=60, deadline=None)
def test_prefix_filtering_finds_exactly_the_pairs_of_the_full_product(seed, threshold, rows):
    """Issue 16: the copies search compared every sentence with every other."""
    rng = np.random.default_rng(seed)
    vocabulary = 60
    counts = sp.random(rows, vocabulary, density=0.08, random_state=rng, format="csr")
    counts.data = np.ceil(counts.data * 3)
    duplicated = sp.vstack([counts, counts[: rows // 4]], format="csr")  # exact copies too
    vectors = tfidf_unit_rows(duplicated, rng.uniform(1.0, 4.0, vocabulary))
    full = similar_pairs(vectors, vectors, threshold)
    pruned = self_similar_pairs(vectors, threshold)
    assert set(zip(full.row.tolist(), full.col.tolist())) == \
        set(zip(pruned.row.tolist(), pruned.col.tolist()))
    assert np.allclose(np.sort(full.data), np.sort(pruned.data), rtol=0, atol=1e-12)
