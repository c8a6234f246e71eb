"""Whose words (selection/voices.py): transcripts, opinion pieces and unsourced judgements
appear only with their speaker in the sentence, or not at all."""

from summarize.config import ConceptSelector
from summarize.selection.eligibility import eligible
from summarize.selection.voices import (
    is_opinion,
    names_speaker,
    transcript_start,
    unsourced_judgement,
)
from tests.conftest import event_text

INTERVIEW = [
    "Senator Ruth Ames spoke with reporters about the farm bill on the eve of the vote.",
    "Q. Will the bill pass the Senate this week?",
    "A. I believe we have the votes, and the farmers in my state need it badly.",
    "Rural banks in Kansas have stayed open for a decade because of the subsidies.",
    "Q. What about the cost?",
    "A. The cost is lower than the alternative, and nobody in the chamber disputes that.",
]
HEARING = [
    "Following is an excerpt of the hearing on the dam.",
    "CHAIRMAN: Did you inspect the spillway before the flood?",
    "MILLER: I inspected it twice, and we found the gates rusted shut.",
    "CHAIRMAN: Why did you not report it?",
    "MILLER: We reported it to the district office in writing.",
]
FACT_BOX = [
    "Three viruses spread widely this year.",
    "NAME: Melissa.",
    "STATUS: Contained after infecting mail servers in 40 countries.",
    "NAME: Chernobyl.",
    "STATUS: Erased hard drives across Asia.",
]


def test_a_transcript_starts_at_its_first_turn():
    assert transcript_start(INTERVIEW) == 1
    assert transcript_start(HEARING) == 1


def test_labels_without_a_dialogue_are_no_transcript():
    # a fact box repeats its labels, but no one in it speaks in the first or second person
    assert transcript_start(FACT_BOX) is None
    # a round-up by country: each label once
    assert transcript_start(["BELGIUM: Smoking is banned in offices.",
                             "BRAZIL: Flights are smoke-free."]) is None
    assert transcript_start(["The council met.", "A new pool was approved."]) is None


COLUMN = [
    "When I moved to the city, my first lesson was that no one rides the bus on time.",
    "The Metro Transit board approved a fare increase in May.",
    "I have watched the buses get slower every year.",
    "My neighbors say the same, and I believe them.",
    "I take the 6:40 bus every morning, and it has not been on time since March.",
    "The board will vote again in June.",
]
NEWS_WITH_QUOTES = [
    "The transit board approved a fare increase on Tuesday.",
    "“I have watched the buses get slower every year,” said rider Ann Cole.",
    "The board will vote again in June.",
    "Ticket prices rise by a quarter.",
]


def test_opinion_is_known_by_its_section_its_writer_or_its_own_voice():
    assert is_opinion("EDITORIAL: A win for the wetlands", None, ["The board acted."])
    assert is_opinion("Letters to the Editor", None, ["The board acted."])
    assert is_opinion("Fare hike", "https://news.example/opinion/2024/fare-hike", ["x."])
    assert is_opinion("Fare hike", None,
                      ["The board acted.", "(Jane Roe is a columnist for the Daily Star.)"])
    assert is_opinion(None, None, COLUMN)


def test_a_news_story_that_quotes_people_is_no_opinion():
    assert not is_opinion("Board raises fares", "https://news.example/local/fares",
                          NEWS_WITH_QUOTES)
    assert not is_opinion("Analysts see a rise in fares", None, NEWS_WITH_QUOTES)


def test_transcripts_and_opinion_are_chosen_only_with_their_speaker_named():
    selector = ConceptSelector(min_words=3)
    named = "The subsidies have kept rural banks alive, Senator Ruth Ames said."
    text = event_text([INTERVIEW + [named], COLUMN, NEWS_WITH_QUOTES])
    allowed = dict(zip((s.text for s in text.sentences), eligible(text, selector)))
    assert allowed[INTERVIEW[0]]  # the reporter's introduction
    assert not allowed[INTERVIEW[3]]  # an answer, out of its turn
    assert allowed[named]
    assert not allowed[COLUMN[1]]  # a columnist's statement of fact is still hers
    assert allowed[NEWS_WITH_QUOTES[0]] and allowed[NEWS_WITH_QUOTES[3]]
    lenient = ConceptSelector(min_words=3, skip_dependent=False)
    kept = dict(zip((s.text for s in text.sentences), eligible(text, lenient)))
    assert kept[INTERVIEW[3]] and kept[COLUMN[1]]


def test_a_speaker_is_named_beside_a_verb_of_saying():
    assert names_speaker("The plan failed, Smith said.")
    assert names_speaker("The plan failed, said Mr. Cuomo.")
    assert names_speaker("According to Putin, the plan failed.")
    assert not names_speaker("The plan failed, officials said.")
    assert not names_speaker("The plan failed.")


def test_a_judgement_no_one_in_the_sentence_makes_is_unsourced():
    for sentence in [
        "The vote was the clearest sign yet that the coalition is breaking apart.",
        "The ruling dealt a severe blow to the tribe's plans for a casino.",
        "Prices rose for a third month, underscoring the strain on households.",
        "The blackout highlighted the fragility of the grid.",
        "Troops crossed the border, raising fears of a wider war.",
        # words straight news leaves to its sources
        "In an unprecedented move, the harbour board closed the quay to the press.",
        "Miraculously, no one on the ferry was hurt.",
        "The notorious smuggler was arrested in Tromso on Monday.",
    ]:
        assert unsourced_judgement(sentence), sentence


def test_a_judgement_someone_makes_or_a_plain_fact_is_not():
    for sentence in [
        "The vote was the clearest sign yet that the coalition is breaking apart, "
        "analysts said.",
        "Critics called the ruling a severe blow to the tribe's plans.",
        "A study released Monday suggests that the drug slows the disease, "
        "underscoring the need for trials.",
        "Troops crossed the border on Tuesday.",
        "He first signaled his intentions in a speech in May.",
        "The attack was senseless, the mayor of Tromso said.",
    ]:
        assert not unsourced_judgement(sentence), sentence
