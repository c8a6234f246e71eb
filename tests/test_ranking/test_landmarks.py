"""Big events: above `landmarks` sentences LexRank and TextRank estimate the walk from a sample
of landmark sentences, in time linear in the number of sentences, and keep the exact top."""

import numpy as np
import pytest

from summarize.config import ConfigError, load_config
from summarize.models import Sentence
from summarize.pipeline import load_prepared
from summarize.ranking import graph
from summarize.ranking.graph import SentenceGraph
from summarize.ranking.lexrank import LexRankRanker
from summarize.ranking.textrank import TextRankRanker
from summarize.text.words import EventText, prepare_text
from tests.conftest import SEED_EVENT, event_text

EXACT = {"lexrank": LexRankRanker(landmarks=None), "textrank": TextRankRanker(landmarks=None)}


def estimated(algorithm: str, landmarks: int):
    return EXACT[algorithm].model_copy(update={"landmarks": landmarks})


def top(scores: np.ndarray, k: int) -> set[int]:
    return set(np.argsort(-scores, kind="stable")[:k].tolist())


def seeds_text() -> EventText:
    prepared = load_prepared(SEED_EVENT, SEED_EVENT.parent, 5_000_000)
    return prepare_text(prepared.sentences, prepared.articles)


@pytest.mark.parametrize("algorithm", EXACT)
def test_events_up_to_landmarks_sentences_are_ranked_exactly(algorithm):
    text = seeds_text()
    exact = EXACT[algorithm].score(text)
    assert np.array_equal(estimated(algorithm, len(text.sentences)).score(text), exact)
    default = LexRankRanker() if algorithm == "lexrank" else TextRankRanker()
    assert np.array_equal(default.score(text), exact)


@pytest.mark.parametrize("algorithm", EXACT)
def test_estimate_keeps_the_top_of_the_exact_ranking(algorithm, duc2006):
    # Four DUC 2006 events pooled (3,414 sentences), half of them landmarks. Measured: the
    # same top 10 for both, and 99 (LexRank) and 100 (TextRank) of the top 100.
    articles, sentences = [], []
    for name in ("D0601A", "D0602B", "D0603C", "D0604D"):
        prepared = load_prepared(duc2006 / name / "articles", duc2006, 5_000_000)
        offset = len(articles)
        articles.extend(prepared.articles)
        sentences.extend(Sentence(s.text, s.article + offset, s.position)
                         for s in prepared.sentences)
    text = prepare_text(sentences, articles)
    exact = EXACT[algorithm].score(text)
    approximate = estimated(algorithm, len(sentences) // 2).score(text)
    assert len(top(exact, 10) & top(approximate, 10)) >= 9
    assert len(top(exact, 100) & top(approximate, 100)) >= 95
    assert approximate.sum() == pytest.approx(1.0)


@pytest.mark.parametrize("algorithm", EXACT)
def test_estimate_never_builds_the_whole_graph(algorithm, monkeypatch):
    """The cost grows with n x (landmarks + EXACT_TOP), not n x n."""
    monkeypatch.setattr(graph, "EXACT_TOP", 20)
    requested: list[int] = []
    edges_to = SentenceGraph.edges_to

    def counting(self, columns):
        requested.append(len(columns))
        return edges_to(self, columns)

    monkeypatch.setattr(SentenceGraph, "edges_to", counting)
    text = seeds_text()
    scores = estimated(algorithm, 50).score(text)
    assert len(text.sentences) > 50 + 20
    assert requested == [50, 20]
    assert np.isfinite(scores).all() and (scores > 0).all()


@pytest.mark.parametrize("convergence", ["l1", "sumy"])
def test_undamped_walk_with_isolated_sentences_stays_finite(convergence):
    # sumy's settings (no damping): "Rain fell…" is linked to nothing but itself, so it keeps
    # its mass forever; "It is." has no content word, so no edge at all.
    text = event_text([["Kim met Putin at the cosmodrome.", "Putin met Kim there.",
                        "It is.", "Rain fell on Tuesday."]])
    scores = LexRankRanker(damping=0.0, convergence=convergence, landmarks=2).score(text)
    assert np.isfinite(scores).all() and scores.sum() == pytest.approx(1.0)
    assert scores[2] == pytest.approx(0.0, abs=1e-6) and (scores[[0, 1, 3]] > 0.2).all()


def test_continuous_lexrank_has_no_landmarks():
    assert load_config(None, ("ranker.threshold=null",)).ranker.landmarks is None
    with pytest.raises(ConfigError, match="landmarks needs a threshold"):
        load_config(None, ("ranker.threshold=null", "ranker.landmarks=500"))

