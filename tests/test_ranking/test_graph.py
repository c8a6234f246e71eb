"""The sparse graph helpers shared by LexRank and TextRank."""

import dataclasses

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.config import load_config
from summarize.models import Sentence
from summarize.pipeline import load_prepared
from summarize.ranking import graph, rank_sentences
from summarize.ranking.graph import top_k_per_row
from summarize.ranking.lexrank import LexRankRanker
from summarize.text.similarity import self_similar_pairs, similar_pairs
from summarize.text.words import prepare_text, tfidf_unit_rows
from tests.conftest import SEED_EVENT


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


def repeating_event(times: int):
    """Seed articles, and one that repeats the first seed sentence `times` times."""
    prepared = load_prepared(SEED_EVENT, SEED_EVENT.parent, 5_000_000)
    first = prepared.sentences[0].text
    extra = len(prepared.articles)
    sentences = list(prepared.sentences) + [Sentence(first, extra, p) for p in range(times)]
    return prepare_text(sentences, [*prepared.articles, prepared.articles[0]])


@pytest.mark.parametrize("focus", [(), ("putin", "kim")])
def test_a_repeated_sentence_is_walked_as_one_node_and_scored_as_the_whole_walk(focus):
    """Issue 35: identical sentences are interchangeable in LexRank's thresholded graph;
    walking them as one node gives the stationary distribution of the whole graph."""
    text = dataclasses.replace(repeating_event(40), focus=focus)
    ranker = LexRankRanker(landmarks=None, focus_bias=0.3 if focus else 0.0)
    lumped = ranker.score(text)
    whole = graph.centrality
    try:  # the same graph, walked sentence by sentence
        graph.centrality = lambda g, *args: whole(dataclasses.replace(g, pairwise=False),
                                                  *args)
        expected = ranker.score(text)
    finally:
        graph.centrality = whole
    assert np.allclose(lumped, expected, rtol=1e-9, atol=0)
    assert len(set(lumped[-40:])) == 1


def test_ranking_a_sentence_repeated_thousands_of_times_needs_no_graph_of_them():
    """Issue 35: an entry repeating its sentence 20,000 times took 17 GB and 200 s: every
    copy was linked to every other."""
    import tracemalloc

    text = repeating_event(3_000)
    assert text.counts.nnz  # (built for every stage: not counted)
    tracemalloc.start()
    scores = rank_sentences(text, load_config(None).ranker)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 25 * 2**20, f"{peak / 2**20:.0f} MiB"
    assert np.isfinite(scores).all() and len(set(scores[-3_000:])) == 1
