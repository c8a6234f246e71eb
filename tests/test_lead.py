"""The lead states the main news (selection/lead.py): who did what, when or where."""

import datetime as dt
from dataclasses import replace

import numpy as np
import pytest

from summarize.config import ConceptSelector
from summarize.selection.concepts import ConceptIndex, event_concepts
from summarize.selection.lead import choose_lead, lead_weights, stands_alone, states_news
from summarize.text.focus import focus_relevance, focus_terms
from tests.conftest import event_text


@pytest.mark.parametrize("sentence", [
    "A powerful earthquake hit southern Iran on Sunday, killing at least 10 people.",
    "The Army Corps of Engineers tightened its rules on Thursday on building near the "
    "reservoir.",
    "Esther Williams, the swimmer who became a film star, died on Thursday in Beverly Hills.",
    "Microsoft has released an emergency patch for its browser, the company said today.",
    "After two days of talks, Boeing and the union reached a tentative agreement in Seattle.",
    "A jury in eastern Oklahoma has convicted a Spiro man of murder.",
    # an adverb without "-ly" inside the verb group
    "A gas blast has almost completely flattened a bakery in Tarn.",
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
    # a relative clause's past is not the main verb's, and "is being" is now, not a plan
    "A blaze that gutted a Leeds warehouse is being investigated as arson, police say.",
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
        # (without the hook, the lead's own stand-alone test prefers it too: `stands_alone`)
        assert text.sentences[choose_lead(text, everyone, index, weights, 1, 0.5)[0]].text \
            == placed


# -- which news leads: the latest development, a lead that stands alone, a topic's answer ---

CRASH = "A freight train derailed near Ashford on Monday, spilling diesel into the Stour river."
CLEANUP = ("Crews near Ashford finished clearing diesel from the Stour river on Thursday, "
           "three days after a freight train derailed there.")
CRASH_AGAIN = "A freight train came off the rails near Ashford on Monday, spilling diesel."
FEATURE = "Rail fans near Ashford gathered on Saturday to watch old steam engines pass."


def _dated_lead(articles, dates):
    text = event_text(articles, dates=dates)
    index = ConceptIndex.of(text)
    weights = lead_weights(text, index, [[a] for a in range(len(articles))])
    lead = choose_lead(text, np.ones(len(text.sentences), dtype=bool), index, weights, 1, 0.5)
    return text.sentences[lead[0]].text


@pytest.mark.parametrize("articles, dates, expected", [
    # most outlets report the derailment; a later article reports the clean-up done: the
    # later development of the same story leads
    ([[CRASH], [CRASH_AGAIN], [CRASH], [CLEANUP]],
     [dt.date(2024, 5, 6), dt.date(2024, 5, 6), dt.date(2024, 5, 7), dt.date(2024, 5, 9)],
     CLEANUP),
    # the same articles undated: nothing says which came later, the central one leads
    ([[CRASH], [CRASH_AGAIN], [CRASH], [CLEANUP]], None, CRASH),
    # a later article about something else of the town is no development of the story
    ([[CRASH], [CRASH_AGAIN], [CRASH], [FEATURE]],
     [dt.date(2024, 5, 6), dt.date(2024, 5, 6), dt.date(2024, 5, 7), dt.date(2024, 5, 11)],
     CRASH),
    # the central opening's articles undated, the clean-up's dated: the dated development
    # leads, for nothing shows the undated report to be the later one
    ([[CRASH], [CRASH_AGAIN], [CRASH], [CLEANUP]], [None, None, None, dt.date(2024, 5, 9)],
     CLEANUP),
])
def test_the_latest_development_of_the_main_story_leads_over_its_background(articles, dates,
                                                                            expected):
    assert _dated_lead(articles, dates) == expected


@pytest.mark.parametrize("sentence, alone", [
    ("Police in Leeds arrested a bus driver on Monday after a crash in central Leeds.", True),
    ("Police in Leeds arrested a bus driver yesterday after a crash in central Leeds.",
     False),  # a day nothing places
    ("More than 40 firefighters fought the blaze on the roof of the warehouse in Dover.",
     False),  # which blaze? a description of what the sentence never names
    ("I watched the Leeds bus crash from my office window on Monday.", False),  # whose "I"?
    ("“We lost everything,” said Ann Cole, whose shop in Leeds burned on Monday.", True),
    # a "his" or "her" after the person it stands for, or before any person at all
    ("A trial date was set on Monday for a son accused of killing his mother in Leeds.", True),
    ("The fine was paid on his behalf on Monday, a court in Leeds heard.", False),
    ("Flooding forced families to move back before his visit to Leeds on Monday.", False),
])
def test_a_lead_stands_alone(sentence, alone):
    assert stands_alone(sentence) is alone


def test_a_lead_with_a_relative_day_yields_to_a_comparable_one_without():
    today = "Police in Leeds arrested a bus driver today after a crash in central Leeds."
    dated = "Police in Leeds arrested a bus driver on Monday after a crash in central Leeds."
    assert _lead([[today], [today], [dated]]) == dated


def test_a_topic_event_leads_with_the_sentence_that_best_answers_the_topic():
    articles = [
        ["Residents of Leeds protested on Tuesday outside the town hall.",
         "Library closures across England have reached 500 since 2010 as councils cut "
         "budgets, the library association said."],
        ["Leeds residents protested on Tuesday outside the town hall over council budgets.",
         "Library closures across England have reached 500 since 2010, the association "
         "said."],
        ["The council of Leeds said on Monday it would cut budgets."],
    ]
    text = event_text(articles)
    text = replace(text, focus=focus_terms("library closures in England\nDescribe the "
                                           "closures of public libraries and their causes."))
    index, weights = event_concepts(text, [[0], [1], [2]], ConceptSelector(), None)
    leading = lead_weights(text, index, [[0], [1], [2]])
    lead = choose_lead(text, np.ones(len(text.sentences), dtype=bool), index, leading, 1,
                       0.5, focus_relevance(text), weights)
    # (an opening, a protest in one town, would lead a news event)
    assert text.sentences[lead[0]].text.startswith("Library closures across England")

