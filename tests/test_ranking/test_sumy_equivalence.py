"""The fast engines against sumy's own LexRank and TextRank, fed the same words."""

from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp

from summarize.pipeline import load_prepared
from summarize.ranking.graph import stationary_distribution
from summarize.ranking.lexrank import LexRankRanker
from summarize.ranking.sumy_adapter import configured, sumy_document, sumy_reference_scores
from summarize.ranking.textrank import TextRankRanker
from summarize.text.words import EventText, prepare_text
from tests.conftest import SEED_EVENT, SEEDS


def event_text(folder: Path, root: Path) -> EventText:
    prepared = load_prepared(folder, root, 5_000_000)
    return prepare_text(prepared.sentences, prepared.articles)


def top10(scores: np.ndarray) -> list[int]:
    return np.argsort(-scores, kind="stable")[:10].tolist()


@pytest.fixture(scope="module")
def seeds() -> EventText:
    return event_text(SEED_EVENT, SEEDS)


@pytest.fixture
def duc_event(duc2006) -> EventText:
    return event_text(duc2006 / "D0601A" / "articles", duc2006 / "D0601A")


def sumy_lexrank_converged(text: EventText) -> np.ndarray:
    """sumy's own LexRank matrix, iterated to convergence."""
    summarizer = configured("lexrank")
    document, _ = sumy_document(text)
    words = [summarizer._to_words_set(s) for s in document.sentences]
    matrix = summarizer._create_matrix(words, summarizer.threshold,
                                       summarizer._compute_tf(words),
                                       summarizer._compute_idf(words))
    return stationary_distribution(sp.csr_matrix(matrix), 0.0, 1e-12, 10_000)


def check_lexrank_graph_is_sumys(text: EventText) -> None:
    ours = LexRankRanker(damping=0.0, tolerance=1e-12).score(text)
    assert top10(ours) == top10(sumy_lexrank_converged(text))


def check_lexrank_reproduces_sumy(text: EventText) -> None:
    ours = LexRankRanker(damping=0.0, convergence="sumy").score(text)
    assert top10(ours) == top10(sumy_reference_scores("lexrank", text))


def check_textrank_matches_sumy(text: EventText) -> None:
    ours = TextRankRanker(self_loops=True, convergence="sumy").score(text)
    assert top10(ours) == top10(sumy_reference_scores("textrank", text))


def test_lexrank_graph_equals_sumys_on_the_seeds(seeds):
    check_lexrank_graph_is_sumys(seeds)


def test_lexrank_graph_equals_sumys_on_a_duc_event(duc_event):
    check_lexrank_graph_is_sumys(duc_event)


def test_lexrank_with_sumys_stopping_rule_reproduces_sumy_on_the_seeds(seeds):
    check_lexrank_reproduces_sumy(seeds)


def test_lexrank_with_sumys_stopping_rule_reproduces_sumy_on_a_duc_event(duc_event):
    check_lexrank_reproduces_sumy(duc_event)


def test_sumy_lexrank_stops_before_converging(seeds):
    """The documented difference: sumy's ε = 0.1 stop leaves its ranking unsettled."""
    loose = sumy_reference_scores("lexrank", seeds)
    converged = sumy_lexrank_converged(seeds)
    assert top10(loose) != top10(converged)
    assert len(set(top10(loose)) & set(top10(converged))) >= 8


def test_damping_changes_little_of_the_top(seeds):
    damped = LexRankRanker().score(seeds)
    undamped = LexRankRanker(damping=0.0).score(seeds)
    assert len(set(top10(damped)) & set(top10(undamped))) >= 8


def test_textrank_with_self_loops_matches_sumy_on_the_seeds(seeds):
    check_textrank_matches_sumy(seeds)


def test_textrank_with_self_loops_matches_sumy_on_a_duc_event(duc_event):
    check_textrank_matches_sumy(duc_event)


def test_textrank_without_self_loops_is_the_papers_graph(seeds):
    """Self-loops reward long sentences twice; the paper's graph has none."""
    paper = TextRankRanker().score(seeds)
    sumy_like = TextRankRanker(self_loops=True).score(seeds)
    assert top10(paper) != top10(sumy_like)
    assert np.isclose(paper.sum(), 1.0)
