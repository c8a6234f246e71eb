"""LexRank's options: IDF from the event or from the whole run, and sumy's stopping rule."""

import numpy as np

from summarize.ranking.lexrank import LexRankRanker, batch_idf, sumy_idf
from summarize.text.words import DocumentFrequencies
from tests.conftest import event_text

STORY = [
    "Floods closed the valley road this year after a week of rain.",
    "The valley road stayed closed as rain kept falling all week.",
    "Officials said the year had been the wettest on record for the valley.",
    "Farmers in the valley lost most of their crops to the floods.",
]
# Another event of the same run, where "year" and "officials" are everyday words.
OTHER = [
    "Officials said the budget for next year would grow.",
    "The year ended with officials promising lower taxes.",
    "Officials expect the new year to bring more jobs.",
]


def terms_of(articles):
    return [event_text(articles).terms]


def test_batch_idf_of_a_one_event_run_is_the_event_idf():
    alone = DocumentFrequencies.of(terms_of([STORY]))
    text = event_text([STORY], background=alone)
    assert np.allclose(batch_idf(text, alone), sumy_idf(text.counts))
    assert np.allclose(LexRankRanker(idf="batch").score(text), LexRankRanker().score(text))


def test_batch_idf_discounts_words_common_across_the_run():
    run = DocumentFrequencies.of(terms_of([STORY]) + terms_of([OTHER]))
    text = event_text([STORY], background=run)
    idf_event, idf_batch = sumy_idf(text.counts), batch_idf(text, run)
    year, valley = text.vocabulary["year"], text.vocabulary["valley"]
    # In the event alone "year" is rarer than "valley"; across the run it is far commoner.
    assert idf_event[year] > idf_event[valley]
    assert idf_batch[year] < idf_batch[valley]
    assert not np.allclose(LexRankRanker(idf="batch").score(text), LexRankRanker().score(text))


def test_without_run_statistics_batch_falls_back_to_the_event():
    text = event_text([STORY])
    assert np.allclose(LexRankRanker(idf="batch").score(text), LexRankRanker().score(text))


def test_sumys_stopping_rule_gives_a_ranking_for_every_sentence():
    scores = LexRankRanker(damping=0.0, convergence="sumy").score(event_text([STORY, OTHER]))
    assert scores.shape == (7,) and np.all(np.isfinite(scores)) and np.all(scores > 0)
