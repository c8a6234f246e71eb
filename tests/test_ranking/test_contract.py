"""Every registered ranker honours the one ranking contract."""

import datetime as dt

import numpy as np
import pytest

from summarize.config import load_config
from summarize.ranking import ALGORITHMS, rank_sentences
from tests.conftest import event_text

# "landmarks": the fast engine estimating the walk from 2 landmark sentences, as it does on
# events with more sentences than `ranker.landmarks`.
RANKERS = [(a, "fast") for a in ALGORITHMS] + [
    ("lexrank", "sumy"), ("textrank", "sumy"), ("lexrank", "landmarks"), ("textrank", "landmarks")]


def ranker(algorithm: str, engine: str):
    overrides = [f"ranker.algorithm={algorithm}"]
    if engine == "sumy":
        overrides.append("ranker.engine=sumy")
    if engine == "landmarks":
        overrides.append("ranker.landmarks=2")
    return load_config(None, tuple(overrides)).ranker


def text_of(*articles: list[str]):
    return event_text(articles, [dt.date(2023, 9, 10 + i) for i in range(len(articles))],
                      titles=True)


STORY = [
    "Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome on Wednesday.",
    "The leaders discussed military cooperation and satellites for hours.",
    "Putin showed Kim the rocket launch site in the Russian Far East.",
    "Washington warned that an arms deal would violate sanctions.",
]
OTHER = [
    "North Korea fired two ballistic missiles before the summit.",
    "Kim met Putin at the cosmodrome to discuss satellites and weapons.",
]

pytestmark = pytest.mark.parametrize(("algorithm", "engine"), RANKERS)


def test_empty_event(algorithm, engine):
    assert rank_sentences(text_of(), ranker(algorithm, engine)).shape == (0,)


def test_one_sentence(algorithm, engine):
    scores = rank_sentences(text_of(STORY[:1]), ranker(algorithm, engine))
    assert scores.shape == (1,) and np.isfinite(scores).all()


def test_identical_sentences_score_alike(algorithm, engine):
    if algorithm in ("lead", "random", "edmundson"):
        pytest.skip("position-based: equal text at different places may score differently")
    scores = rank_sentences(text_of([STORY[0]] * 3), ranker(algorithm, engine))
    assert np.allclose(scores, scores[0])


def test_deterministic_and_finite(algorithm, engine):
    text = text_of(STORY, OTHER)
    first = rank_sentences(text, ranker(algorithm, engine))
    second = rank_sentences(text_of(STORY, OTHER), ranker(algorithm, engine))
    assert first.shape == (len(STORY) + len(OTHER),)
    assert np.isfinite(first).all()
    assert np.array_equal(first, second)


def test_sentences_without_content_words(algorithm, engine):
    scores = rank_sentences(text_of(["It is.", "He was there.", STORY[0]]),
                            ranker(algorithm, engine))
    assert np.isfinite(scores).all()
