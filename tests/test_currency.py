"""Current, not stale: what a later statement of the event overtakes."""

import datetime as dt

import pytest

from summarize.selection.currency import Currency, counts
from summarize.selection.states import past_tense, planned
from tests.conftest import event_text

DAY = dt.date(2024, 3, 4)
LATER = dt.date(2024, 3, 6)


@pytest.mark.parametrize(("text", "found"), [
    ("The blast killed 4 soldiers and injured 17 civilians.", [("dead", 4), ("hurt", 17)]),
    ("At least twelve people were reported missing.", [("missing", 12)]),
    ("Police arrested 1,200 protesters, officials said.", []),  # no counted noun known
    ("Rescuers pulled 8 survivors from the mud.", []),
    # the verb before the count binds it, not a nearer one after it
    ("The storm flattened houses on Friday, killing at least five people and injuring "
     "dozens.", [("dead", 5)]),
    ("Nine miners were injured and one died in hospital, the company said.", [("hurt", 9)]),
    ("The fire killed at least one person and destroyed the depot.", [("dead", 1)]),
    ("The blast ripped through the depot, killing 5 people and injuring dozens.",
     [("dead", 5)]),
    ("A landslide killed one child in the village.", [("dead", 1)]),
    ("No one was killed in the blast at the depot.", []),
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


def test_counts_of_one_day_are_ordered_as_undated_ones_are():
    # two reports of the same morning: a toll that only grows, the larger is the later
    first = ("A strong earthquake struck the coast of Varna province on Tuesday, killing at "
             "least one person, in a region devastated by floods in 2011.")
    second = ("A powerful earthquake struck the coast of Varna province on Tuesday, killing "
              "at least seven people and injuring dozens.")
    stale = Currency(event_text([[first], [second]], dates=[DAY, DAY]))
    assert stale(0)  # (the year in its aside puts the count on no other occasion)
    assert not stale(1)
    earlier = ("Last year, a strong earthquake struck the coast of Varna province, killing "
               "at least one person.")
    assert not Currency(event_text([[earlier], [second]], dates=[DAY, DAY]))(0)


def test_undated_counts_are_ordered_by_the_words_of_an_update():
    text = event_text([["The landslide in the valley village killed 14 villagers."],
                       ["The death toll from the landslide in the valley village rose to 9 "
                        "villagers killed."]])
    stale = Currency(text)
    assert stale(0)  # (the update words order them, even down)
    assert not stale(1)


@pytest.mark.parametrize(("older", "newer"), [
    # a toll of the dead or the injured only grows as its reports come in
    ("The flood in the river town killed 14 people, the mayor said.",
     "The flood that hit the river town overnight has killed 23 people."),
    ("The quake near the harbour town injured two villagers, the governor said.",
     "The quake struck near the harbour town, injuring five villagers."),
])
def test_of_two_undated_tolls_the_larger_is_the_later(older, newer):
    stale = Currency(event_text([[older], [newer]]))
    assert stale(0)
    assert not stale(1)


@pytest.mark.parametrize(("first", "second"), [
    # a count was revised down somewhere in the event: size no longer orders them
    ("The flood in the river town killed 14 people, the mayor said.",
     "The flood that hit the river town overnight killed 23 people, a figure officials "
     "later lowered."),
    # the larger is another happening's: a month puts it on another occasion
    ("The quake near the harbour town injured two villagers, the governor said.",
     "The last quake near the harbour town injured 50 villagers in September."),
    # a guess is no toll
    ("The flood in the river town killed 14 people, the mayor said.",
     "As many as 40 people may have died in the flood in the river town, the mayor feared."),
    # tolls that do not only grow: the missing are found, the arrested released
    ("Police said 12 people were missing after the flood in the river town.",
     "Police said 3 people were missing after the flood in the river town."),
    # different days, different places, "another": two happenings
    ("The quake near the harbour town on Sunday injured two villagers.",
     "The quake near the harbour town on Monday injured five villagers."),
    ("Two people were killed when a shell hit the school in the city of Marrow, medics said.",
     "Some 30 people were killed when shells hit the school in the camp of Dunmere, medics "
     "said."),
    ("Two people were killed when a shell hit the school in the border town, medics said.",
     "Thirty people were killed when a shell hit another school in the border town, medics "
     "said."),
    # a part of a toll is no toll
    ("Three soldiers were killed by fire from their own tank in the border town, the army "
     "said.",
     "Three of the ten soldiers killed in the border town were hit by their own tank, the "
     "army said."),
    # another year's or month's happening
    ("A gunman opened fire at the plant in the river town, killing two workers.",
     "In February, a gunman opened fire at a plant in the river town, killing three workers."),
])
def test_undated_tolls_that_size_does_not_order_are_both_kept(first, second):
    stale = Currency(event_text([[first], [second]]))
    assert not stale(0) and not stale(1)


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


@pytest.mark.parametrize(("text", "found"), [
    ("Ministers will meet on Friday and will be in Rome.", ["meet"]),
    ("The suspect will be arraigned on Monday.", ["arraigned"]),
    ("She is expected to be sentenced next month.", ["sentenced"]),
    ("He is scheduled to be released from prison in May.", ["released"]),
    ("The driver faces arraignment in the county court.", ["arraignment"]),
    ("The defendant is scheduled for sentencing on Friday.", ["sentencing"]),
    ("It would take 12 days to repair the cable.", ["repair"]),
    # no plan: a condition, a denial, a verb said again and again
    ("It is unclear whether the strike will end the season.", []),
    ("His father has no plans to travel to the capital.", []),
    ("The minister will announce the result on Friday.", []),
    ("Union leaders will face pressure to settle.", []),
])
def test_planned_predicates(text, found):
    assert planned(text) == found


@pytest.mark.parametrize(("plan", "done"), [
    ("Gary Hale, 35, will be arraigned today in the Eastbrook District Court on two counts "
     "of murder.",
     "Following his arraignment in the Eastbrook District Court, Gary Hale was held "
     "without bail on two counts of murder."),
    ("Gary Hale, 35, is expected to be arraigned in the Eastbrook District Court on two "
     "counts of murder.",
     "Gary Hale, 35, was arraigned in the Eastbrook District Court on two counts of murder "
     "and pleaded not guilty."),
    ("The former mayor of Linford will be sentenced by the district court for bribery.",
     "The former mayor of Linford was sentenced by the district court to four years for "
     "bribery."),
    ("The fishing crew seized off the coast of Dalvik is expected to be released by the "
     "navy this week.",
     "The navy released the fishing crew seized off the coast of Dalvik on Thursday."),
    ("The operator said it would take 12 days to repair the damaged undersea cable off the "
     "coast of Alvar.",
     "The operator said the damaged undersea cable off the coast of Alvar was repaired on "
     "29 October."),
])
def test_a_plan_in_any_form_is_stale_once_reported_done_dated_or_not(plan, done):
    for dates in (None, [DAY, LATER]):
        stale = Currency(event_text([[plan], [done]], dates=dates))
        assert stale(0)
        assert not stale(1)


def test_a_plan_is_not_done_by_a_report_of_it_still_to_come_or_long_before():
    plan = ("Gary Hale, 35, will be arraigned today in the Eastbrook District Court on two "
            "counts of murder.")
    for later in ("Gary Hale, 35, is still to be arraigned in the Eastbrook District Court "
                  "on two counts of murder.",
                  "Gary Hale, 35, had been arraigned in the Eastbrook District Court in 2004 "
                  "on two counts of theft.",
                  "Gary Hale, 35, awaits arraignment in the Eastbrook District Court on two "
                  "counts of murder."):
        assert not Currency(event_text([[plan], [later]]))(0), later


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


# Each state transition: an earlier state of a subject, and a later one of the same subject
# that overtakes it (from another article or the same one, dated or not).
TRANSITIONS = [
    ("Marta Lind, 41, was charged with fraud over the pension fund of the Varden council.",
     "Marta Lind was convicted of fraud over the pension fund of the Varden council."),
    ("Marta Lind was convicted of fraud over the pension fund of the Varden council.",
     "A judge sentenced Marta Lind to six years for fraud over the pension fund of the "
     "Varden council."),
    ("Residents near the chemical plant in Orvik were evacuated as a precaution.",
     "Residents near the chemical plant in Orvik were allowed to return home on Sunday."),
    ("The coastal road into Orvik was closed after the landslide.",
     "The coastal road into Orvik was reopened after the landslide was cleared."),
    ("Internet service across the islands was cut off when the undersea cable broke.",
     "Internet service across the islands was restored once the undersea cable was "
     "mended."),
    ("Talks between the dockworkers' union and the port owners have become deadlocked.",
     "The dockworkers' union and the port owners broke the deadlock in their talks."),
    ("Two hikers from Bergen remain missing on the glacier above Fjell.",
     "The two hikers from Bergen were found alive on the glacier above Fjell."),
    ("Bus drivers in Tarn went on strike over the new shift rota.",
     "Bus drivers in Tarn ended their strike over the new shift rota."),
]


@pytest.mark.parametrize(("earlier", "later"), TRANSITIONS)
def test_a_state_a_later_one_overtakes_is_stale(earlier, later):
    for dates in (None, [DAY, DAY], [DAY, LATER]):
        stale = Currency(event_text([[earlier], [later]], dates=dates))
        assert stale(0), dates
        assert not stale(1), dates


def test_the_clause_of_a_state_is_what_goes_stale():
    lead = ("More than 50 firefighters fought the blaze at the timber yard in Orvik, and "
            "residents nearby were evacuated as a precaution.")
    back = "Residents nearby were allowed to return by Saturday evening."
    assert Currency(event_text([[lead], [back]]))(0)


@pytest.mark.parametrize(("earlier", "later"), [
    # another occasion: a year, "previously", "prior"
    ("Marta Lind was charged in 2003 with fraud and convicted of murder now.",
     "Marta Lind was sentenced for fraud in 2004."),
    ("Marta Lind, 41, was charged with murder over the death of a Varden councillor.",
     "In 2005, Marta Lind was convicted of theft from a Varden councillor."),
    ("Marta Lind, 41, was charged with murder over the death of a Varden councillor.",
     "Marta Lind has prior convictions for theft from a Varden councillor."),
    # another person
    ("Marta Lind, 41, was charged with fraud over the pension fund of the Varden council.",
     "Olaf Berg was convicted of fraud over the pension fund of the Varden council."),
    ("The six were charged with fraud over the pension fund of the Varden council.",
     "Olaf Berg was convicted of fraud over the pension fund of the Varden council."),
    # not done: a condition, a plan, a denial
    ("Marta Lind, 41, was charged with fraud over the pension fund of the Varden council.",
     "Marta Lind could face prison if she is convicted of fraud over the pension fund."),
    ("Residents near the chemical plant in Orvik were evacuated as a precaution.",
     "Residents near the chemical plant in Orvik were not allowed to return home."),
    ("The coastal road into Orvik was closed after the landslide.",
     "It could take a week before the coastal road into Orvik is reopened."),
    # another subject
    ("The coastal road into Orvik was closed after the landslide.",
     "Power to the school in Brekke was restored after the storm."),
    # the sentence reports the later state itself, the earlier one only as background
    ("Rescuers found the two hikers from Bergen who had been missing since Sunday alive on "
     "the glacier above Fjell.",
     "The two hikers from Bergen were found alive on the glacier above Fjell."),
])
def test_a_state_stays_without_a_later_one_of_the_same_occasion(earlier, later):
    assert not Currency(event_text([[earlier], [later]]))(0)


def test_a_later_state_from_an_older_article_does_not_overtake():
    # evacuated again after the return: the newer article's evacuation stands
    text = event_text([["Residents near the chemical plant in Orvik were allowed to return."],
                       ["Residents near the chemical plant in Orvik were evacuated again."]],
                      dates=[DAY, LATER])
    assert not Currency(text)(1)


def test_a_killing_is_no_execution_of_a_sentence():
    charged = "Rita Moss, 44, was charged with murder over the shooting at the Kraft plant."
    killing = ("Rita Moss returned with a handgun and executed two of them at the Kraft "
               "plant, police said.")
    assert not Currency(event_text([[charged], [killing]]))(0)


def test_a_plan_done_in_an_irregular_past_is_stale():
    plan = "The separatists were expected to win 77 of the 125 seats in the provincial vote."
    done = "The separatists won 75 of the 125 seats in the provincial vote."
    assert Currency(event_text([[plan], [done]]))(0)


def test_an_active_charge_is_overtaken_by_the_verdict():
    charged = "Prosecutors have charged Ann Lee and Tom Berg with the murder of a guard."
    verdict = "Ann Lee was found guilty of the murder of a guard in the Tarn depot."
    assert Currency(event_text([[charged], [verdict]]))(0)


def test_a_plan_is_not_done_by_the_same_verb_on_another_count():
    plan = "The striker will miss the final two games of the season with a knee injury."
    earlier = "The striker missed four games of the season with a knee injury in October."
    assert not Currency(event_text([[plan], [earlier]]))(0)
    done = "The striker missed the final two games of the season with a knee injury."
    assert Currency(event_text([[plan], [done]]))(0)


def test_a_plan_done_in_a_past_form_that_is_a_stop_word_is_stale():
    plan = "The operator plans to send a repair ship to fix the broken cable off Alvar."
    done = "A repair ship has been sent to fix the broken cable off Alvar, the operator said."
    assert Currency(event_text([[plan], [done]]))(0)
