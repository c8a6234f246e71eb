"""Sentences that stand alone: speakers, empty news, dates, headlines and restatements."""

import datetime as dt

import numpy as np
import pytest

from summarize.config import MMRSelector
from summarize.models import Article
from summarize.selection.casing import is_all_caps, truecase
from summarize.selection.eligibility import eligible, is_dependent
from summarize.selection.reading import has_dateline, no_news, restates, unnamed_quote
from summarize.text.cleaning import clean_article
from summarize.text.words import content_terms, tokenize
from tests.conftest import event_text


@pytest.mark.parametrize("sentence", [
    "“We would wish Concorde to fly again,” he said.",
    "“The situation is getting worse every single day.”",
    "“There is no room for compromise here,” officials said.",
    "Information from the flight data recorder should tell investigators more, he said.",
    "“We will win this fight in the end,” said he.",
])
def test_a_statement_without_a_named_speaker_is_unnamed(sentence):
    assert unnamed_quote(sentence)


@pytest.mark.parametrize("sentence", [
    "“We do not know at this point what caused the crash,” Hall said at a press conference.",
    "Kim vowed “full and unconditional support” for Russia’s Vladimir Putin on Wednesday.",
    "“It is a sacred fight,” said Mr. Kim, raising a glass to his host.",
    "Cuomo said the booming economy is creating a “housing crisis” for renters.",
    "The minister said the talks would resume next week in Geneva.",
])
def test_a_named_speaker_or_a_quoted_term_is_fine(sentence):
    assert not unnamed_quote(sentence)


def test_declining_to_comment_is_no_news():
    assert no_news("The company declined to comment on the report.")
    assert no_news("Officials could not be reached for comment on Sunday.")
    assert no_news("The embassy did not immediately respond to a request for comment.")
    assert not no_news("The court declined to hear the appeal on Monday.")


@pytest.mark.parametrize("sentence", [
    "Some were as young as 10 years old.",
    "Four of those swimmers were banned this summer for two years.",
    "In any case, doctors agree the side effects are similar.",
    "The plane lost altitude, however, and crashed into the hotel.",
    "The two cases were filed in federal court in Miami.",
    "Following is a transcript of the final two minutes of the conversation.",
    "A. By the bite of a mosquito that is infected with the virus.",
    "June 1 -- The appeals court rules for the government and the father.",
    "That includes $91 million for Army Corps of Engineers projects.",
    "The report was greeted skeptically by critics of global warming science.",
])
def test_sentences_that_lean_on_what_came_before_are_dependent(sentence):
    assert is_dependent(sentence)


@pytest.mark.parametrize("sentence", [
    "The report by the World Meteorological Organization was published on Monday.",
    "The vote of 52 to 47 ended the trial.",
    "Kim Jong Un met Vladimir Putin at the cosmodrome.",
])
def test_sentences_that_name_their_subject_stand_alone(sentence):
    assert not is_dependent(sentence)


def test_a_plan_from_an_older_article_is_not_chosen_once_newer_coverage_exists():
    plan = "The talks will focus on bilateral ties and regional security, Peskov said."
    fact = "Kim and Putin met at the cosmodrome and discussed military cooperation for hours."
    text = event_text([[plan, fact], [fact]], dates=[dt.date(2023, 9, 12),
                                                     dt.date(2023, 9, 13)])
    allowed = eligible(text, MMRSelector())
    assert list(allowed) == [False, True, True]
    undated = event_text([[plan, fact], [fact]])
    assert eligible(undated, MMRSelector()).all()
    assert eligible(text, MMRSelector(skip_stale_plans=False)).all()


def test_a_title_in_capitals_is_shown_in_its_usual_case():
    assert is_all_caps("STUDY SAYS INDIANS ARE VIOLENT CRIME VICTIMS")
    assert not is_all_caps("Clinton Focuses on American Indians")
    assert not is_all_caps("NATO summit opens")
    sentences = ["A study by the Justice Department says Indians are victims of violent crime.",
                 "The national average is lower, the study says."]
    assert truecase("STUDY SAYS INDIANS ARE VIOLENT CRIME VICTIMS AT TWICE NATIONAL AVERAGE",
                    sentences) == ("Study says Indians are violent crime victims at twice "
                                   "national average")


def test_restating_a_fact_in_other_words_is_detected():
    def terms(text):
        return content_terms(tokenize(text))

    a = terms("All 217 people on board died in the EgyptAir flight crash.")
    b = terms("EgyptAir Flight 990 crashed into the Atlantic, killing 217 people on board.")
    c = terms("“I really think they're trying to do it right,” Carter said.")
    d = terms("Jimmy Carter has monitored more than 20 elections since he left office.")
    assert restates(a, b)
    assert not restates(c, d)  # one shared name is not one shared statement


def test_datelines_of_every_wire_are_stripped_and_detected():
    body = ("WASHINGTON _ Despite the rain, the parade went ahead on Sunday afternoon.\n\n"
            "SYDNEY, September 28 (Xinhua) -- The prime minister opened the games today.\n\n"
            "CUBA-ELIAN _ MIAMI _ As both sides await a ruling, the mayor flies north.\n\n"
            "CARACAS, Venezuela (AP) _ Former Lt. Col. Hugo Chavez was elected president.\n\n"
            "U.S. officials said the talks would resume in the spring.")
    article = Article(path="e/a.md", id="a", body=body, format="md")
    paragraphs = clean_article(article).paragraphs
    assert [p.split()[0] for p in paragraphs] == ["Despite", "The", "As", "Former", "U.S."]
    assert has_dateline("SYDNEY, September 28 (Xinhua) -- The prime minister spoke.")
    assert not any(has_dateline(p) for p in paragraphs)


def test_newswire_quote_marks_become_typographic():
    body = "``We would wish Concorde to fly again,'' the chairman said on Tuesday."
    article = Article(path="e/a.md", id="a", body=body, format="md")
    assert clean_article(article).paragraphs == (
        "“We would wish Concorde to fly again,” the chairman said on Tuesday.",)


def test_eligible_skips_unnamed_statements_and_empty_news():
    good = "Russian President Vladimir Putin met Kim Jong Un at the Vostochny Cosmodrome."
    text = event_text([[good, "“This is a historic day for both of our peoples,” he said.",
                        "The Kremlin declined to comment on the possible arms deal."]])
    assert list(eligible(text, MMRSelector())) == [True, False, False]
    assert np.all(eligible(text, MMRSelector(skip_dependent=False)))
