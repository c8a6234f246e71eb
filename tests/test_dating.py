"""Weekdays dated right or not at all (selection/dating.py): the tense table.

Every case below is published on Thursday 7 March 2024. The rule, in words: a weekday in
a past clause, main or subordinate, is the latest such day on or before publication (so
"Thursday" in a past clause is the publication day itself); in a future clause, the first
on or after it. A weekday whose week another time moves, that is not this week's, or whose
clause does not say which way it points gets no date: a wrong date is worse than none.
"""

import datetime as dt

import pytest

from summarize.selection.dating import date_weekdays
from summarize.text.tense import DOUBT, FUTURE, PAST, PAST_PERFECT, PRESENT, parse

THURSDAY = dt.date(2024, 3, 7)

DATED = [
    # -- a past clause: the latest such day on or before publication --------------------
    # the case: past in a subordinate clause after a future main clause
    ("The town will get a new pool after the council approved the plan on Thursday.",
     "The town will get a new pool after the council approved the plan on Thursday "
     "(March 7)."),
    ("The town will get a new pool: the council approved the plan on Thursday.",
     "The town will get a new pool: the council approved the plan on Thursday (March 7)."),
    ("The council approved the budget on Tuesday.",
     "The council approved the budget on Tuesday (March 5)."),
    ("The council on Tuesday approved the budget.",
     "The council on Tuesday (March 5) approved the budget."),
    ("The Senate Tuesday passed the bill.", "The Senate Tuesday (March 5) passed the bill."),
    ("The plaques went up on Wednesday.", "The plaques went up on Wednesday (March 6)."),
    ("They signed the deal on Saturday.", "They signed the deal on Saturday (March 2)."),
    ("He was sentenced on Thursday.", "He was sentenced on Thursday (March 7)."),
    # past progressive, present perfect, a participle describing a noun
    ("Rescuers were searching on Sunday for survivors.",
     "Rescuers were searching on Sunday (March 3) for survivors."),
    ("The firm has been closed since Monday.", "The firm has been closed since Monday (March 4)."),
    ("A report released Tuesday by the agency found no fault.",
     "A report released Tuesday (March 5) by the agency found no fault."),
    # a past perfect with no other day in the sentence
    ("The mayor had resigned on Monday.", "The mayor had resigned on Monday (March 4)."),
    # the date goes after the part of the day
    ("Police said the man was arrested Wednesday night.",
     "Police said the man was arrested Wednesday night (March 6)."),
    # a fronted weekday takes the tense of the verb after it
    ("On Monday, the mayor said the pool would open.",
     "On Monday (March 4), the mayor said the pool would open."),
    # an infinitive of purpose, after the object: the verb's own time
    ("The champion stopped his rival in the sixth round to keep his title on Saturday.",
     "The champion stopped his rival in the sixth round to keep his title on Saturday "
     "(March 2)."),
    ("Investigators pored over the recorder Monday to try to find the cause.",
     "Investigators pored over the recorder Monday (March 4) to try to find the cause."),
    # -- a future clause: the first such day on or after publication ---------------------
    ("Putin will visit Pyongyang on Friday.", "Putin will visit Pyongyang on Friday (March 8)."),
    ("On Friday, officials will meet the mayor.",
     "On Friday (March 8), officials will meet the mayor."),
    ("He will be sentenced on Thursday.", "He will be sentenced on Thursday (March 7)."),
    ("The minister is expected to arrive on Saturday.",
     "The minister is expected to arrive on Saturday (March 9)."),
    ("The company is holding talks on Monday.",
     "The company is holding talks on Monday (March 11)."),
    ("He has to appear in court on Monday.", "He has to appear in court on Monday (March 11)."),
    ("The storm may reach the coast on Saturday.",
     "The storm may reach the coast on Saturday (March 9)."),
    ("Residents plan to hold a march on Sunday.",
     "Residents plan to hold a march on Sunday (March 10)."),
    # -- both in one sentence: each weekday by its own clause ----------------------------
    # reported speech, with and without "that"
    ("The mayor said on Monday that the pool will open on Saturday.",
     "The mayor said on Monday (March 4) that the pool will open on Saturday (March 9)."),
    ("The mayor said on Monday it will close the plant on Friday.",
     "The mayor said on Monday (March 4) it will close the plant on Friday (March 8)."),
    ("“We will meet again on Friday,” the mayor said on Monday.",
     "“We will meet again on Friday (March 8),” the mayor said on Monday (March 4)."),
    ("The plant will reopen Monday, a spokesman said Tuesday.",
     "The plant will reopen Monday (March 11), a spokesman said Tuesday (March 5)."),
    ("The official, who was sworn in on Monday, will travel to Paris on Saturday.",
     "The official, who was sworn in on Monday (March 4), will travel to Paris on Saturday "
     "(March 9)."),
    ("The Senate passed the bill Tuesday, and it will take effect on Monday.",
     "The Senate passed the bill Tuesday (March 5), and it will take effect on Monday "
     "(March 11)."),
    # past forms the spelling hides: "hit" after a noun, a short "-ed"
    ("A powerful quake hit the coast on Sunday, killing ten people.",
     "A powerful quake hit the coast on Sunday (March 3), killing ten people."),
    ("On Tuesday, a climber died after a fall from a ridge.",
     "On Tuesday (March 5), a climber died after a fall from a ridge."),
    # what a past decision sets for later: no date for the later day
    ("The family decided on Tuesday night to hand the boy over on Saturday.",
     "The family decided on Tuesday night (March 5) to hand the boy over on Saturday."),
    # a time elsewhere in the sentence, in another clause, does not move the weekday's week
    ("A jury on Tuesday ordered execution for a man convicted of a murder in June 2005.",
     "A jury on Tuesday (March 5) ordered execution for a man convicted of a murder in "
     "June 2005."),
    ("The firm will hire 200 people in April, its chief said on Tuesday.",
     "The firm will hire 200 people in April, its chief said on Tuesday (March 5)."),
]

UNDATED = [
    # the case: another time moves the week
    "The plant closed on Monday last year.",
    "In 1995, the plant closed on Monday.",
    "Two weeks later, on Friday, she left.",
    "The vote was held Monday last week.",
    "George Smith had barely taken office in 2001 when the first case landed on his desk "
    "Monday.",
    # not this week's day, or a name
    "Last Monday, the council voted.",
    "The vote is set for next Tuesday.",
    "The council votes this Monday.",
    "Every Sunday, volunteers clean the beach.",
    "The shop is open Monday through Friday.",
    "Ceremonies marked Good Friday in Jerusalem.",
    "Tuesday's crash killed 113 people.",
    "The story ran in the Sunday Times.",
    "Talks began Monday, Sept. 11, in Moscow.",
    # the tense does not tell
    "The trial begins Monday.",
    "The shares could rise on Monday.",
    "Fears can only grow after the shooting on Tuesday.",
    "The court was to rule on Friday.",
    "The meeting on Friday was postponed.",
    "He said the agency would decide on Friday.",
    "Lawyers asked the court to rule on Friday.",
    "The agency scheduled a hearing for Monday.",
    "The judge adjourned the trial until Tuesday.",
    "The deal, which had been agreed on Monday, fell apart.",  # past perfect: see below
    # a day after publication in a past clause: filed across midnight or a time zone
    "The votes were counted by Friday morning.",
]


@pytest.mark.parametrize("sentence, dated", DATED)
def test_a_weekday_gets_the_date_its_clause_points_to(sentence, dated):
    assert date_weekdays(sentence, THURSDAY) == dated
    assert date_weekdays(dated, THURSDAY) == dated  # a dated weekday is left alone
    assert date_weekdays(sentence, None) == sentence


@pytest.mark.parametrize("sentence", UNDATED[:-2])
def test_a_weekday_is_left_undated_when_in_doubt(sentence):
    assert date_weekdays(sentence, THURSDAY) == sentence


def test_a_past_perfect_is_dated_only_when_no_later_weekday_follows_it():
    # "had been agreed on Monday, collapsed on Wednesday": Monday came before that
    # Wednesday, which may be before this week's Monday
    both = "The deal, which had been agreed on Monday, collapsed on Wednesday."
    assert date_weekdays(both, THURSDAY) == ("The deal, which had been agreed on Monday, "
                                            "collapsed on Wednesday (March 6).")
    assert date_weekdays(UNDATED[-2], THURSDAY) == (
        "The deal, which had been agreed on Monday (March 4), fell apart.")


def test_a_day_next_to_publication_on_the_wrong_side_gets_no_date():
    assert date_weekdays(UNDATED[-1], THURSDAY) == UNDATED[-1]
    # the same words a day later are dated: Friday is then the publication day
    assert date_weekdays(UNDATED[-1], dt.date(2024, 3, 8)) == (
        "The votes were counted by Friday morning (March 8).")
    assert date_weekdays("The talks resumed on Wednesday.", THURSDAY) == (
        "The talks resumed on Wednesday (March 6).")
    assert date_weekdays("The talks will resume on Wednesday.", THURSDAY) == (
        "The talks will resume on Wednesday.")


@pytest.mark.parametrize("sentence, word, tense", [
    ("The council approved the plan on Thursday.", "Thursday", PAST),
    ("The council will vote on Thursday.", "Thursday", FUTURE),
    ("The council had voted on Thursday.", "Thursday", PAST_PERFECT),
    ("The council votes on Thursday.", "Thursday", None),  # the present simple is not seen
    ("The council is closed on Thursday.", "Thursday", PRESENT),
    ("The council would vote on Thursday.", "Thursday", DOUBT),
    ("The council agreed to vote on Thursday.", "Thursday", DOUBT),
    ("The council agrees to vote on Thursday.", "Thursday", FUTURE),
])
def test_the_governing_verb_group_gives_the_tense(sentence, word, tense):
    from summarize.text.tense import governing_group

    parsed = parse(sentence)
    group = governing_group(parsed, parsed.words.index(word))
    assert (group.tense if group else None) == tense


def test_a_weekday_outside_the_calendar_is_left_undated():
    """Issue 35: `published: 0001-01-01` (a Monday) beside "on Tuesday" raised
    OverflowError, which cost the whole event; so did 9999-12-31 and a coming Saturday."""
    assert date_weekdays("The council met on Tuesday.", dt.date.min) == \
        "The council met on Tuesday."
    assert date_weekdays("The council will meet on Saturday.", dt.date.max) == \
        "The council will meet on Saturday."
    assert date_weekdays("The council met on Monday.", dt.date.min) == \
        "The council met on Monday (Jan. 1)."


def test_a_weekday_carries_the_year_when_asked():
    assert date_weekdays("The council met on Tuesday.", THURSDAY, with_year=True) == \
        "The council met on Tuesday (March 5, 2024)."


def test_a_story_of_more_than_one_year_dates_its_weekdays_with_the_year():
    """"Monday (Feb. 16)" in a briefing of articles from 1996 to 2000 cannot be placed."""
    from summarize.models import Article, Event
    from summarize.pipeline import prepare_event

    def event(*dates):
        return Event("e", tuple(
            Article(path=f"e/{i}.txt", id=str(i), format="feed", published=day,
                    body="The council approved the new harbour plan on Monday after a long debate.")
            for i, day in enumerate(dates)))

    one_year = prepare_event(event(dt.date(1998, 2, 18), dt.date(1998, 6, 3)))
    assert one_year.sentences[0].text.endswith("on Monday (Feb. 16) after a long debate.")
    two_years = prepare_event(event(dt.date(1998, 2, 18), dt.date(1999, 6, 3)))
    assert two_years.sentences[0].text.endswith("on Monday (Feb. 16, 1998) after a long debate.")
    assert two_years.sentences[1].text.endswith("on Monday (May 31, 1999) after a long debate.")


@pytest.mark.parametrize(("sentence", "dated"), [
    ("The plant closed last year.", "The plant closed last year (1997)."),
    ("Last year was hard.", "Last year (1997) was hard."),
    ("Sales rose this year and will rise next year.",
     "Sales rose this year (1998) and will rise next year (1999)."),
    # the past twelve months, a possessive, a year already given: left alone
    ("In the last year, sales rose.", "In the last year, sales rose."),
    ("This year's budget rose.", "This year's budget rose."),
    ("It closed last year (1997).", "It closed last year (1997)."),
    # a weekday "last year" stays undated: which week is not said
    ("The plant closed on Monday last year.", "The plant closed on Monday last year (1997)."),
])
def test_a_relative_year_is_dated_in_a_story_of_several_years(sentence, dated):
    published = dt.date(1998, 2, 18)
    assert date_weekdays(sentence, published, with_year=True) == dated
    assert date_weekdays(sentence, published) == sentence


@pytest.mark.parametrize(("sentence", "dated"), [
    ("Gary Hale, 35, was arrested yesterday and will be arraigned today in the county court.",
     "Gary Hale, 35, was arrested yesterday (March 6) and will be arraigned today (March 7) "
     "in the county court."),
    ("He appeared in court today.", "He appeared in court today (March 7)."),
    ("Yesterday, police arrested two men.", "Yesterday (March 6), police arrested two men."),
    ("The minister will visit the town tomorrow.",
     "The minister will visit the town tomorrow (March 8)."),
    # each by its own clause
    ("He said yesterday that the talks will resume tomorrow.",
     "He said yesterday (March 6) that the talks will resume tomorrow (March 8)."),
    # no date where the tense disagrees or does not tell, or another time moves the day
    ("Today, more women than ever play football.", None),  # "nowadays"
    ("The trial begins today.", None),
    ("Police will question them yesterday.", None),
    ("The talks collapsed tomorrow.", None),
    ("A year ago today, the plant closed.", None),
    ("The firm has been closed since yesterday.", None),
    ("The offer stands until tomorrow.", None),
    ("Seacom said today (14 October 2011) that it restored service.", None),  # dated already
    ("Today's vote was postponed.", None),
])
def test_yesterday_today_and_tomorrow_are_dated_as_their_clause_points(sentence, dated):
    assert date_weekdays(sentence, THURSDAY) == (dated or sentence)
    assert date_weekdays(sentence, None) == sentence


def test_unplaced_days_are_those_no_date_places():
    from summarize.selection.dating import unplaced_days

    assert unplaced_days("He was arrested yesterday and will be arraigned today.")
    assert not unplaced_days("He was arrested yesterday (March 6).")
    assert not unplaced_days("He was arrested on Wednesday.")
    # any part of a day from the day of writing, in any case; a date after it places it
    for unplaced in ("Crews were called this morning to the depot.",
                     "The striker scored twice last night.", "Tonight the council votes.",
                     "This evening the ferry sails again."):
        assert unplaced_days(unplaced), unplaced
    assert not unplaced_days("He was arrested yesterday afternoon (March 6).")
    assert not unplaced_days("The todays and yesterdays of the town's history.")
