"""Titles a desk would write (selection/titles.py): a headline from the articles in
sentence case, or the lead trimmed to a clause short enough to be one; never a sentence
cut off with "…"."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.config import Config
from summarize.models import Article, Event
from summarize.pipeline import summarize_event
from summarize.selection.casing import is_title_case, sentence_case, unshouted_lede
from summarize.selection.titles import (
    HEADLINE_MAX_WORDS,
    agrees,
    clean_title,
    is_headline,
    is_lede,
    reads_as_headline,
    topic_title,
    trim_headline,
    without_attribution,
)


@pytest.mark.parametrize("lead, headline", [
    # the attribution, the adjunct before the subject and the time go
    ("After a two-day search, rescuers on Tuesday found the missing hikers alive in a "
     "ravine near Boulder, the sheriff's office said.",
     "Rescuers found missing hikers alive in ravine near Boulder"),
    # appositives go
    ("Maria Lopez, 42, a nurse from Tulsa, was charged with fraud on Monday.",
     "Maria Lopez was charged with fraud"),
    # "X said that …": the statement; a trailing phrase while it is long
    ("The mayor said on Friday that the city will open a new shelter for homeless families "
     "in the old armory.", "City will open new shelter for homeless families"),
    ("The Federal Reserve raised its benchmark interest rate by a quarter point on Wednesday "
     "(March 6), its third increase this year.",
     "Federal Reserve raised its benchmark interest rate by quarter point"),
    # an "of" phrase completes its noun: never cut alone ("… struck in heart")
    ("A gang of robbers, some dressed as couriers, has struck in the heart of the old "
     "town's district of jewellers, taking watches worth millions.",
     "Gang of robbers has struck in heart of old town's district of jewellers"),
    # the predicate is the stretch that opens with a verb, past an apposition holding a
    # list ("whips, garters and heels": not its last item as the subject)
    ("Vera Holm, the dancer whose shows with fans, feathers and masks thrilled a generation "
     "of Oslo theatregoers, has died at the age of 91 after a fall at her home.",
     "Vera Holm has died at age of 91"),
])
def test_a_lead_is_trimmed_to_its_main_clause(lead, headline):
    assert trim_headline(lead) == headline


@pytest.mark.parametrize("sentence", [
    "In Boulder, on Tuesday.",                      # no clause
    "It was a quiet day in the capital.",           # a pronoun for a subject
    "Officials at the Pentagon, who asked not to be named because the report is not yet "
    "public, said the review found that the program had cost more than planned and that "
    "its contractors had missed most of their deadlines.",  # no clause short enough
])
def test_what_cannot_be_trimmed_to_a_headline_gives_none(sentence):
    assert trim_headline(sentence) is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdefgh ,.;:()“”'-ABCDE0123")), max_size=200))
def test_a_trimmed_headline_is_short_and_never_cut_off(text):
    headline = trim_headline(text)
    assert headline is None or (len(headline.split()) <= HEADLINE_MAX_WORDS
                                and not headline.endswith(("…", ",", ":")))


@pytest.mark.parametrize("title, clean", [
    ("EDITORIAL: Protection for the wetlands (DW)", "Protection for the wetlands"),
    ("Breaking News: Storm hits the coast.", "Storm hits the coast"),
    ("Breaking: man charged with arson", "Man charged with arson"),
    ("Floods close schools (2)", "Floods close schools"),
    ("Antarctica in the grip of warming, THE DAILY PLANET", "Antarctica in the grip of warming"),
    ("Floods close schools - Daily Planet", "Floods close schools"),
    ("Art and murder on a London stage (FOR RELEASE SUNDAY, MARCH 14)",
     "Art and murder on a London stage"),
    ("Talks resume in the U.S.", "Talks resume in the U.S."),
])
def test_labels_codes_and_the_outlet_name_leave_the_title(title, clean):
    assert clean_title(title, "Daily Planet") == clean


def test_a_headline_is_short_and_a_sentence_is_not():
    assert is_headline("Floods close schools")
    assert is_headline("Ellen DeGeneres to host the Oscars.")
    assert is_headline("North Korea’s Kim vows full support for Putin’s ‘sacred fight’ hours "
                       "after launching ballistic missiles")
    assert not is_headline("A series of powerful earthquakes rocked the capital of the "
                           "province on Sunday, killing four people and injuring dozens.")
    assert not is_headline("The BBC says little-known actor Matt Smith will take over the "
                           "title role in the sci-fi series \"Doctor Who.\"")
    assert not is_headline("A series of powerful earthquakes rocked the capital of the "
                           "province on Sunday, killing four people and injuring dozens of "
                           "residents of its old town")


def test_a_title_in_title_case_or_capitals_is_shown_in_sentence_case():
    sentences = ["The agency advised parents on how to fit child seats.",
                 "Officials at the Carter Center said the North Bay vote was fair.",
                 "The Carter Center sent observers, and the center's staff stayed.",
                 "The PM's office said the north of the country was calm.",
                 "Voters in the North Bay waited for hours."]
    assert is_title_case("Automaker Advises on Child Seats")
    assert not is_title_case("Lindsay Lohan checks into Betty Ford Center")
    assert sentence_case("Automaker Advises on Child Seats", sentences) == \
        "Automaker advises on child seats"
    assert sentence_case("Carter Center to Observe Vote", sentences) == \
        "Carter Center to observe vote"
    assert sentence_case("PM Visits The North Bay", sentences) == "PM visits the North Bay"
    assert sentence_case("U.S. Observers Praise Vote", sentences) == "U.S. observers praise vote"
    assert sentence_case("Lindsay Lohan checks into Betty Ford Center", sentences) == \
        "Lindsay Lohan checks into Betty Ford Center"
    compounds = sentences + ["Observers praised the next-generation voting machines."]
    assert sentence_case("Carter Center Praises Next-Generation Voting Machines",
                         compounds) == "Carter Center praises next-generation voting machines"


def _event(titles, bodies):
    return Event("ev", tuple(
        Article(path=f"ev/{k}.md", id=str(k), body=body, format="md", title=title,
                published=dt.date(2024, 3, 7))
        for k, (title, body) in enumerate(zip(titles, bodies))))


BODIES = [
    "After a two-day search, rescuers on Tuesday found the missing hikers alive in a ravine "
    "near Boulder, the sheriff's office said. The two men had been missing since Sunday "
    "morning. Rescuers found the hikers in a ravine after a helicopter crew spotted smoke.",
    "Rescuers found two missing hikers alive in a ravine near Boulder on Tuesday, officials "
    "said. The hikers were taken to a hospital in Boulder with minor injuries. A helicopter "
    "crew spotted smoke from the hikers' fire near the ravine.",
    "Two hikers missing in the mountains near Boulder were found alive in a ravine. The "
    "sheriff's office said the hikers were in good condition after two days in the ravine.",
]


def test_an_event_without_headlines_gets_its_lead_trimmed_never_cut():
    briefing = summarize_event(_event([None, None, None], BODIES), Config())
    assert not briefing.title.endswith("…")
    assert briefing.title.startswith("Rescuers found")
    assert len(briefing.title.split()) <= HEADLINE_MAX_WORDS


def test_a_title_that_is_a_sentence_is_no_headline_and_an_editorial_has_none():
    long = ("Rescuers on Tuesday found the two hikers who had been missing for two days "
            "alive in a ravine near Boulder after a helicopter crew spotted smoke.")
    briefing = summarize_event(_event([long, "EDITORIAL: Search crews deserve thanks", None],
                                      BODIES), Config())
    assert briefing.title != long and "thanks" not in briefing.title
    # (the long title is the first sentence of its story: the lead may be it; the title is
    # then the lead trimmed, never the sentence itself)
    assert len(briefing.title.split()) <= HEADLINE_MAX_WORDS
    assert agrees(briefing.title, briefing.sentences[0].sentence.text)
    titled = summarize_event(_event([long, None, "Hikers Found Alive Near Boulder"], BODIES),
                             Config())
    assert titled.title == "Hikers found alive near Boulder"


# -- a title agrees with the lead, comes from an article the lead cites, reads as a headline --

FLOOD = [
    "Floodwater from the Severn river swept through central Worcester on Monday, forcing "
    "200 families from their homes, the city council said.",
    "The Severn river burst its banks in Worcester on Monday and 200 families left their "
    "homes, officials said.",
    "Worcester council opened two shelters on Monday for the 200 families whose homes "
    "flooded when the Severn river rose.",
    "Bus drivers in Leeds walked out on Monday over a dispute about pay.",
]


@pytest.mark.parametrize("titles, chosen", [
    # the headline of an article the lead does not cite, on another story: never the title
    ([None, None, None, "Leeds bus drivers strike over pay"], None),
    # a feature opener, a question, a clock time: not headlines
    (["It's a hard week for Worcester", "Will Worcester ever be dry again?",
      "Severn floods Worcester at 9:15 am", None], None),
    # a headline that agrees with the lead, its attribution left to the story
    (["Severn floods Worcester, 200 families leave homes: officials"] * 3 + [None],
     "Severn floods Worcester, 200 families leave homes"),
])
def test_the_title_is_a_headline_that_agrees_with_the_lead_or_the_lead_trimmed(titles,
                                                                              chosen):
    briefing = summarize_event(_event(titles, FLOOD), Config())
    lead = briefing.sentences[0].sentence.text
    assert "Leeds" not in lead
    if chosen is not None:
        assert briefing.title == chosen
    else:  # the lead trimmed (Hedge Trimmer), agreeing with it
        assert briefing.title not in titles and agrees(briefing.title, lead)
        assert reads_as_headline(briefing.title)


@pytest.mark.parametrize("title, headline", [
    ("Quake hits island off south Iran, five hurt: media", True),
    ("Judge sentences Orozco to death", True),
    ("It's a tough job hosting the Academy Awards", False),  # a feature's first line
    ("Barack Obama to name Sanjay Gupta surgeon general: Onion headline or news?", False),
    ("Strong quake jolts Qeshm island at 17:06 pm (1336 GMT) on Sunday", False),
    ("If only he'll wear those gold pants", False),
])
def test_a_headline_has_no_question_clock_time_or_feature_opener(title, headline):
    assert reads_as_headline(title) is headline


def test_a_topic_event_is_titled_with_its_topics_title_line():
    assert topic_title("civil unrest in China\nNote examples of civil unrest in China.") == \
        "Civil unrest in China"
    assert topic_title("Discuss the causes of civil unrest in China.") is None
    assert topic_title("What caused the unrest in China?") is None
    assert without_attribution("Strong quake hits Iran - state TV") == "Strong quake hits Iran"


@pytest.mark.parametrize("title, lede", [
    ("A huge fire has destroyed the Waitrose store in Banstead High Street.", True),
    ("Relatively unknown actor Matt Smith was named as the next face of the Doctor.", True),
    ("Obama overturns Bush endangered species rule.", False),  # headlinese
    ("Colts Beat Chiefs 20-13 To Clinch Playoff Berth.", False),  # title case
    ("Death for Orozco.", False),
])
def test_a_title_that_is_the_storys_first_sentence_is_told_from_a_headline(title, lede):
    assert is_lede(title) is lede


@pytest.mark.parametrize(("lede", "shown"), [
    ("A WOMAN has been arrested after a crash on the ring road.",
     "A woman has been arrested after a crash on the ring road."),
    ("FLOOD water reached the town hall steps by noon.",
     "Flood water reached the town hall steps by noon."),
    ("AN ITALIAN cyclist won the stage in the rain.",
     "An Italian cyclist won the stage in the rain."),
    ("UEFA officials met the club on Monday.", "UEFA officials met the club on Monday."),
    ("The BBC reported the crash first.", "The BBC reported the crash first."),
    # an acronym that is also a word ("us", "it") the event writes in capitals too
    ("US officials met the club on Monday.", "US officials met the club on Monday."),
    ("IT staff at the club worked through the night.",
     "IT staff at the club worked through the night."),
])
def test_a_lede_opening_in_capitals_is_written_as_the_event_writes_its_words(lede, shown):
    event = ["Police said the woman was taken to a hospital.", "The flood water fell.",
             "The Italian team was delighted, UEFA said.", "It was shown by the BBC.",
             "The US and the club's IT team told us so.", "Fans said it was cold.", lede]
    assert unshouted_lede(lede, event) == shown


def test_a_name_a_title_writes_in_lower_case_is_written_as_the_event_writes_it():
    from summarize.selection.casing import names_restored

    title = "Leeds baker jack morrow's shop destroyed in a night fire"
    event = ["Firefighters said Jack Morrow was not in the shop.",
             "The shop of Jack Morrow's family had stood for 60 years.",
             "Police said Morrow's neighbours raised the alarm.",
             title + "."]  # (the title is also a sentence of its article: not evidence)
    assert names_restored(title, event) == \
        "Leeds baker Jack Morrow's shop destroyed in a night fire"
    # a common word the event also capitalizes in a name ("Doctor Who") stays as it is
    event = ["The actor will play Doctor Who from next year.",
             "He was cast as the new Doctor Who on Sunday.",
             "As a spin doctor he was feared by ministers."]
    assert names_restored("From spin doctor to Doctor Who", event) == \
        "From spin doctor to Doctor Who"
