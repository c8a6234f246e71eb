"""Wire abbreviations of money and units, spelled out where a number makes them certain."""

import pytest

from summarize.models import Article
from summarize.text.cleaning import clean_article
from summarize.text.normalizing import newswire_units


@pytest.mark.parametrize("wire, spelled", [
    ("Sales could reach dlrs 2.6 million by 2002.", "Sales could reach $2.6 million by 2002."),
    ("a 2.6 mln dlr loss", "a $2.6 million loss"),
    ("profit rose 12 pct to 1.5 bln dlrs.", "profit rose 12 percent to $1.5 billion."),
    ("dlrs 350 a month", "$350 a month"),
    ("200,000 Hong Kong dollars (U.S. dlrs 25,740)", "200,000 Hong Kong dollars (US$25,740)"),
    ("a fine of Canadian dlrs 5 mln", "a fine of 5 million Canadian dollars"),
    ("earnings of 35 cts a share", "earnings of 35 cents a share"),
    ("a term of 12 yrs", "a term of 12 years"),
])
def test_wire_abbreviations_beside_a_number_are_spelled_out(wire, spelled):
    assert newswire_units(wire) == spelled
    assert newswire_units(spelled) == spelled  # spelling what was spelled changes nothing


@pytest.mark.parametrize("text", [
    "The Dlrs index fell.",          # a name
    "The pct column is empty.",      # no number: not certainly a unit
    "a creep of 9 mm / yr",          # a unit of a unit, left as written
    "dlrs alone",
])
def test_abbreviations_without_a_number_are_left_alone(text):
    assert newswire_units(text) == text


def test_cleaning_spells_out_wire_units_in_the_story_and_its_title():
    article = Article(path="e/a.txt", id="a", format="md",
                      title="Viagra sales top dlrs 1 billion",
                      body="Pfizer said sales would top dlrs 1 billion, up 40 pct.\n")
    clean = clean_article(article)
    assert clean.paragraphs == ("Pfizer said sales would top $1 billion, up 40 percent.",)
    assert clean.title == "Viagra sales top $1 billion"


@pytest.mark.parametrize(("text", "joined"), [
    # contractions and possessives a tokenizer split off, as corpora carry them
    ("The goalkeeper just could n't reach it.", "The goalkeeper just couldn't reach it."),
    ("DO N'T feed the bears.", "DON'T feed the bears."),
    ("They ca n't and wo n't sign.", "They can't and won't sign."),
    ("Tromso ’ s mayor said they 're ready and we 've agreed.",
     "Tromso’s mayor said they're ready and we've agreed."),
    ("I 'm sure she 'll say you 'd won.", "I'm sure she'll say you'd won."),
    # prose keeps its quotation marks and its own spacing
    ("He called it 'a sham' and left.", "He called it 'a sham' and left."),
    ("Rock 'n' roll came to Tromso.", "Rock 'n' roll came to Tromso."),
    ("The mayor’s office didn’t answer.", "The mayor’s office didn’t answer."),
])
def test_split_contractions_are_joined_back(text, joined):
    from summarize.text.normalizing import joined_contractions

    assert joined_contractions(text) == joined
    assert joined_contractions(joined) == joined
