"""Selection, corroboration and ordering on small hand-made events."""

import datetime as dt

import numpy as np
import pytest

from summarize.config import Budget, MMRSelector, ThresholdSelector
from summarize.models import ChosenSentence, CleanArticle, Sentence
from summarize.selection.eligibility import inside_quotations, is_dependent, quote_balance
from summarize.selection.ordering import order_sentences
from summarize.selection.redundancy import corroborate
from summarize.selection.strategies import select_sentences
from summarize.text.words import word_count
from tests.conftest import event_text

A = "Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome on Wednesday for talks."
A_AGAIN = "Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome on Wednesday."
B = "Washington warned that any arms deal would violate United Nations sanctions on Pyongyang."
C = "North Korea fired two ballistic missiles into the sea hours before the summit began."
Q = "Will Russia send satellite technology to North Korea in exchange for shells?"
D = "He said the talks covered economic cooperation and humanitarian issues in detail."


event = event_text


def test_word_budget_is_never_exceeded_and_filled_with_what_fits():
    text = event([[A, B, C]])
    budget = Budget(words=30)
    chosen = select_sentences(text, np.array([3.0, 2.0, 1.0]), MMRSelector(), budget)
    assert sum(word_count(text.sentences[i].text) for i in chosen) <= 30
    # A (15 words) then B (13) fit; C (15) does not: the budget is filled, not exceeded
    assert chosen == [0, 1]


def test_sentence_budget():
    chosen = select_sentences(event([[A, B, C]]), np.array([3.0, 2.0, 1.0]), MMRSelector(),
                              Budget(words=None, sentences=2))
    assert len(chosen) == 2


def test_repeated_fact_is_chosen_once():
    text = event([[A], [A_AGAIN, B]])
    for selector in (MMRSelector(), ThresholdSelector()):
        chosen = select_sentences(text, np.array([3.0, 2.9, 1.0]), selector, Budget(words=200))
        assert chosen == [0, 2], selector.strategy


def test_questions_and_dependent_sentences_are_skipped_unless_configured():
    text = event([[Q, D, B]])
    scores = np.array([3.0, 2.0, 1.0])
    assert select_sentences(text, scores, MMRSelector(), Budget(words=200)) == [2]
    permissive = MMRSelector(skip_questions=False, skip_dependent=False)
    assert sorted(select_sentences(text, scores, permissive, Budget(words=200))) == [0, 1, 2]


@pytest.mark.parametrize("damaged", [
    "Orders for the Lumia\ufffd 920 open at carriers across Europe on Monday morning.",
    "Customers can register at: http: / / shop. example.com / lumia-920 from Monday morning.",
    "Customers can register for the phone at www.example.com from Monday morning onwards.",
])
def test_text_a_reader_cannot_take_as_prose_is_never_chosen(damaged):
    text = event([[damaged, B]])
    for selector in (MMRSelector(), MMRSelector(skip_questions=False, skip_dependent=False)):
        assert select_sentences(text, np.array([3.0, 1.0]), selector, Budget(words=200)) == [1]


@pytest.mark.parametrize(("sentence", "appeal"), [
    ("Anyone with information about the break-in is asked to contact Leeds police.", True),
    ("Witnesses are being urged to come forward, detectives said.", True),
    ("Those with any information should call detectives on 0113 496 0000.", True),
    ("Call 020 7946 0321 to report a sighting of the missing dog.", True),
    ("Neighbours were asked to contact the council about the flooded cellars.", False),
    ("The hotline received 1,200 calls in its first week.", False),
    ("The airline said it had no information about the cause of the delay.", False),
])
def test_an_appeal_to_the_reader_is_no_report(sentence, appeal):
    from summarize.selection.eligibility import is_appeal

    assert is_appeal(sentence) is appeal


def test_dependent_openers_and_fragments():
    assert is_dependent("However, the talks failed.")
    assert is_dependent("But either way it ended.")
    assert is_dependent("A headline without a final stop")
    assert not is_dependent("Putin met Kim on Wednesday.")


@pytest.mark.parametrize("text", [
    "Which is why the ferry never sailed again.",
    "Indeed, the harbour had been closed twice before.",
    "Consequently, the union called a strike.",
    "After all, the quay was built in 1910.",
    "Even so, the port reopened in May.",
    # an answer or a spoken aside answers what the reader never saw
    "Yes, the new ferry will reach the island some time in February.",
    "No, the harbour master did not say when the quay would reopen.",
    "Unfortunately, the divers reached the wreck too late on Sunday.",
    # a time counted from one the sentence does not give
    "Minutes later, the harbour master closed the quay to all traffic.",
    "Soon afterward, the ferry company cancelled the evening sailings.",
    "Until then, ferries will sail from the old quay in Tromso.",
    "The next day, divers found a second crack in the hull.",
    "The harbour master then closed the quay to all traffic.",
    "The quay will be rebuilt by then, the harbour master said.",
    "The skipper was arrested on suspicion of manslaughter shortly afterwards.",
    # other than what the reader saw; a column speaking to its reader
    "In other ports, such as Bodo and Narvik, ferries sail as usual.",
    "Other harbours have also banned cruise ships in summer.",
    "You've come to Tromso to see the lights, but the clouds stay.",
])
def test_connective_openers_lean_on_the_sentence_before(text):
    assert is_dependent(text)


@pytest.mark.parametrize("text", [
    "No one was hurt when the ferry ran aground on Sunday.",
    "Well-known skippers joined the protest at the harbour.",
    "Now in its third week, the strike has closed the port.",
    # a time the sentence anchors itself
    "Crews closed the quay on Tuesday and then reopened it at dawn on Wednesday.",
    "The ferry ran aground in 2019 and sank two years later in the same strait.",
    "The ferry company will add two sailings to Tromso later this month.",
    "The skipper was arrested shortly after the ferry ran aground near Tromso.",
    "The harbour master said other ferries would sail on Monday.",
])
def test_the_same_words_without_the_comma_stand_alone(text):
    assert not is_dependent(text)


@pytest.mark.parametrize("text, points_back", [
    ("Robyn Mendes was the victim in that case.", True),
    ("The ferry operator said little about that decision on Monday.", True),
    ("Engineers found cracks in this bridge during an inspection.", True),
    ("Under that plan, fares would rise by a fifth.", True),
    ("Mayor Lund said that fares would rise by a fifth.", False),  # a conjunction
    ("Fares rose twice in March of this year, Mayor Lund said.", False),  # the calendar
    ("No decision has been reached at this point, Mayor Lund said.", False),
    ("Mayor Lund said this is the last delay.", False),
])
def test_that_or_this_after_a_preposition_points_at_what_the_article_named(text, points_back):
    """A blind read found "Robyn Mendes was the victim in that case." as a key point: the
    case was never shown. Any demonstrative after a preposition, not that phrase alone."""
    assert is_dependent(text) is points_back


def test_a_first_person_sentence_outside_quotation_marks_names_no_speaker():
    """A list of what workers say ("- Train me. I need portable, marketable skills…") gave
    a DUC 2006 briefing the key point "I need portable, marketable skills to take from job
    to job." Within quotation marks, the attribution names the speaker."""
    assert is_dependent("I need portable, marketable skills to take from job to job.")
    assert is_dependent("We must ensure that the deal strengthens environmental protection.")
    assert not is_dependent("“I can only thank them for believing the truth,” Lucas said.")
    assert not is_dependent("Iowa was not graded because it has no statewide standards.")


def test_the_end_of_an_aside_opened_in_an_earlier_sentence_is_dependent():
    """A paragraph in parentheses is an editor's note, a credit or an aside; its first
    sentence opens with "(" (a dependent opener), and its last closes what it did not open
    (39 of the DUC 2006 batch's 36,048 sentences, one of them in a briefing)."""
    assert is_dependent("The Press Democrat is part of the New York Times Regional "
                        "Newspaper Group.)")
    assert is_dependent("Optional material follows.)")
    assert not is_dependent("Kim (left) met Putin (right) at the cosmodrome on Wednesday.")
    assert not is_dependent("Officials listed two steps: 1) new talks and 2) aid for farmers.")


def test_nan_scores_are_never_chosen():
    chosen = select_sentences(event([[A, B]]), np.array([np.nan, 1.0]), MMRSelector(),
                              Budget(words=200))
    assert chosen == [1]


def test_corroboration_cites_every_article_saying_the_same_earliest_first():
    text = event([[A], [B], [A_AGAIN]], dates=[dt.date(2023, 9, 13), dt.date(2023, 9, 12),
                                               dt.date(2023, 9, 11)])
    assert corroborate(text, [0], min_similarity=0.5) == [(2, 0)]
    assert corroborate(text, [1], min_similarity=0.5) == [(1,)]


def test_chronological_order_puts_undated_articles_last_and_keeps_article_order():
    articles = [CleanArticle(path=f"{i}", id=f"{i}", paragraphs=(), title=None, outlet=None,
                             url=None, published=d)
                for i, d in enumerate([None, dt.date(2023, 9, 13), dt.date(2023, 9, 12)])]
    chosen = [ChosenSentence(Sentence("x", a, p), score, (a,))
              for a, p, score in [(0, 0, 9.0), (1, 1, 1.0), (1, 0, 2.0), (2, 3, 5.0)]]
    order = [(c.sentence.article, c.sentence.position)
             for c in order_sentences(chosen, articles, "chronological")]
    assert order == [(2, 3), (1, 0), (1, 1), (0, 0)]
    assert [c.score for c in order_sentences(chosen, articles, "score")] == [9.0, 5.0, 2.0, 1.0]
    assert [(c.sentence.article, c.sentence.position)
            for c in order_sentences(chosen, articles, "source")] == [(0, 0), (1, 0), (1, 1),
                                                                      (2, 3)]


def test_pieces_of_a_quotation_split_across_sentences_cannot_stand_alone():
    text = event([[
        "Putin said he would visit the region again in the spring of next year.",
        "Asked about weapons, Putin said \u201cwe will talk about all issues without a rush.",
        "There is time.\u201d",
        "The talks lasted four hours, the Kremlin said on Wednesday evening.",
    ], [
        "Putin was quoted as saying: \u201cThat's why we came here.\u201d",
        "The leader shows great interest in rocket technology.",
        "They are also trying to develop space,\u201d using the country's official name.",
        "Kim left the cosmodrome by train late on Wednesday.",
    ]])
    assert inside_quotations(text).tolist() == [False, True, True, False,
                                                False, True, True, False]


def test_newswire_and_straight_quotes_are_balanced_too():
    assert quote_balance("``We will win,'' he said.") == 0
    assert quote_balance('He said "we will win.') == 1
    assert quote_balance('That is all," he said.') == -1
