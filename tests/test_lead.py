"""The lead states the main news (selection/lead.py): who did what, when or where."""

import numpy as np
import pytest

from summarize.selection.concepts import ConceptIndex
from summarize.selection.lead import choose_lead, lead_weights, states_news
from tests.conftest import event_text


@pytest.mark.parametrize("sentence", [
    "A powerful earthquake hit southern Iran on Sunday, killing at least 10 people.",
    "The Army Corps of Engineers tightened its rules on Thursday on building near the "
    "reservoir.",
    "Esther Williams, the swimmer who became a film star, died on Thursday in Beverly Hills.",
    "Microsoft has released an emergency patch for its browser, the company said today.",
    "After two days of talks, Boeing and the union reached a tentative agreement in Seattle.",
    "A jury in eastern Oklahoma has convicted a Spiro man of murder.",
])
def test_news_says_who_did_what_when_or_where(sentence):
    assert states_news(sentence)


@pytest.mark.parametrize("sentence", [
    "Melissa is a new and spectacularly promiscuous computer virus.",  # a state, now
    "The common wisdom was that members of Generation X preferred margaritas.",  # a state
    "Like thousands of children, Kyle Carroll takes Ritalin for a diagnosis of ADHD.",
    "Pain sufferers may be getting some new drug options.",  # no name, no past event
    "The Carter Center will observe the elections in Peru next month.",  # a plan
    "Chemists who examined the plant in Khartoum say the samples were clean.",  # present
    "Microsoft has issued an emergency patch for its browser.",  # no time or place
])
def test_background_plans_and_states_are_not_news(sentence):
    assert not states_news(sentence)


BACKGROUND = "Melissa is a new and spectacularly promiscuous computer virus of mail servers."
NEWS = ("Melissa, a promiscuous computer virus of mail servers, shut down mail servers in "
        "Europe on Monday.")
OTHER = "The Melissa virus spread to mail servers of banks."


def _lead(articles):
    text = event_text(articles)
    index = ConceptIndex.of(text)
    weights = lead_weights(text, index, [[a] for a in range(len(articles))])
    lead = choose_lead(text, np.ones(len(text.sentences), dtype=bool), index, weights, 1, 0.5)
    return text.sentences[lead[0]].text


def test_an_opening_that_states_news_leads_over_background_with_more_lead_weight():
    # three outlets open with background words, one of them states the news
    assert _lead([[BACKGROUND], [BACKGROUND.replace("new and ", "")], [NEWS],
                  [OTHER]]) == NEWS


def test_news_with_little_of_the_lead_weight_is_a_side_story():
    side = "Police in Oslo arrested a student on Monday for selling stolen bicycles."
    assert _lead([[BACKGROUND], [BACKGROUND.replace("new and ", "")], [side]]) != side


def test_of_two_openings_with_the_same_news_the_one_a_reader_can_place_leads():
    from summarize.selection.dating import unplaced_days

    relative = ("Gary Hale of Eastbrook was arrested yesterday and charged with the murder of "
                "two women in Eastbrook.")
    placed = ("Gary Hale of Eastbrook was arrested on Tuesday and charged with the murder of "
              "two women in Eastbrook.")
    for articles in ([[relative], [placed]], [[placed], [relative]]):
        text = event_text(articles)
        index = ConceptIndex.of(text)
        weights = lead_weights(text, index, [[0], [1]])
        everyone = np.ones(2, dtype=bool)
        said = [s.text for s in text.sentences]
        lead = choose_lead(text, everyone, index, weights, 1, 0.5,
                           unplaced=lambda i, said=said: unplaced_days(said[i]))
        assert text.sentences[lead[0]].text == placed
        # without the hook, the earlier of the two leads (the order of the articles)
        assert text.sentences[choose_lead(text, everyone, index, weights, 1, 0.5)[0]].text \
            == articles[0][0]
