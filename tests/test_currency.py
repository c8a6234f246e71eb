"""Current, not stale: what a later statement of the event overtakes."""

import datetime as dt

import pytest

from summarize.selection.currency import Currency, counts, past_tense, planned
from tests.conftest import event_text

DAY = dt.date(2024, 3, 4)
LATER = dt.date(2024, 3, 6)


@pytest.mark.parametrize(("text", "found"), [
    ("The blast killed 4 soldiers and injured 17 civilians.", [("dead", 4), ("hurt", 17)]),
    ("At least twelve people were reported missing.", [("missing", 12)]),
    ("Police arrested 1,200 protesters, officials said.", []),  # no counted noun known
    ("Rescuers pulled 8 survivors from the mud.", []),
])
def test_counts_read_the_toll_beside_the_number(text, found):
    assert counts(text) == found


def test_an_older_count_is_stale_when_a_later_article_counts_differently():
    text = event_text([["The landslide in the valley village killed 14 villagers on Sunday."],
                       ["The landslide in the valley village has killed 23 villagers."]],
                      dates=[DAY, LATER])
    stale = Currency(text)
    assert stale(0)
    assert not stale(1)


def test_the_same_number_said_again_is_not_stale():
    text = event_text([["The landslide in the valley village killed 14 villagers."],
                       ["The landslide in the valley village killed 14 villagers, 5 of them "
                        "children."]], dates=[DAY, LATER])
    assert not Currency(text)(0)


def test_a_count_of_another_happening_is_left_alone():
    text = event_text([["The landslide in the valley village killed 14 villagers."],
                       ["A bus crash on the coast road killed 3 people."]], dates=[DAY, LATER])
    assert not Currency(text)(0)


def test_undated_counts_are_ordered_by_the_words_of_an_update():
    text = event_text([["The landslide in the valley village killed 14 villagers."],
                       ["The death toll from the landslide in the valley village rose to 23 "
                        "villagers killed."]])
    stale = Currency(text)
    assert stale(0)
    assert not stale(1)
    # two undated counts, neither an update: nothing says which came first
    text = event_text([["The landslide in the valley village killed 14 villagers."],
                       ["The landslide in the valley village killed 23 villagers."]])
    assert not Currency(text)(0) and not Currency(text)(1)


def test_a_plan_that_a_later_article_reports_done_is_stale():
    text = event_text([["The two governments will sign the border water treaty in Geneva."],
                       ["The two governments signed the border water treaty in Geneva."]],
                      dates=[DAY, LATER])
    stale = Currency(text)
    assert stale(0)
    assert not stale(1)


def test_a_plan_is_not_done_by_an_earlier_occasion_or_an_earlier_article():
    earlier_occasion = event_text(
        [["The two governments will sign the border water treaty in Geneva."],
         ["The two governments signed the border water treaty in Geneva in 1998."]],
        dates=[DAY, LATER])
    assert not Currency(earlier_occasion)(0)
    earlier_article = event_text(
        [["The two governments signed the border water treaty in Geneva."],
         ["The two governments will sign the border water treaty in Geneva."]],
        dates=[DAY, LATER])
    assert not Currency(earlier_article)(1)


@pytest.mark.parametrize(("verb", "past"), [
    ("sign", "signed"), ("vote", "voted"), ("meet", "met"), ("carry", "carried"),
    ("play", "played"),
])
def test_past_tense(verb, past):
    assert past_tense(verb) == past


def test_planned_verbs_leave_out_empty_ones():
    assert planned("Ministers will meet on Friday and will be in Rome.") == ["meet"]


def test_a_briefing_keeps_the_latest_count_not_the_one_it_replaced():
    from summarize.config import validate_config
    from summarize.models import Article, Event
    from summarize.pipeline import summarize_event

    older = "The landslide in the valley village of Ardal killed 14 villagers on Sunday."
    newer = "The landslide in the valley village of Ardal has killed 23 villagers, police said."
    other = "Rescue teams from Bergen reached the valley village of Ardal by helicopter."
    articles = (Article("e/0.txt", "0", f"{older}\n\n{other}\n", "feed", published=DAY),
                Article("e/1.txt", "1", f"{newer}\n", "feed", published=LATER))
    briefing = summarize_event(Event("e", articles), validate_config({}))
    shown = [c.sentence.text for c in briefing.sentences]
    assert newer in shown
    assert older not in shown
