"""Who wrote an article and who published it (issue 34): a byline is never a title, the
outlet comes from the page's own evidence, and the author is shown among the sources."""

import json

import pytest

from summarize.inputs.credits import (
    agrees_with_address,
    byline_author,
    copyright_owner,
    title_outlet,
)
from summarize.inputs.html import extract
from summarize.models import Article
from summarize.text.cleaning import clean_article
from tests.conftest import summarize, write_event

STORY = [
    "The city council voted on Tuesday to close the old harbour bridge for two years of "
    "repairs, the mayor said after a long meeting.",
    "Engineers found cracks in three of its steel supports during an inspection in August, "
    "according to a report the council published on Monday.",
    "Ferries will carry commuters across the harbour while the bridge is closed, and fares "
    "will stay at two dollars, the transport department said.",
    "Shop owners near the bridge said they feared losing customers during the closure, "
    "which is expected to start in November and to last until the end of 2025.",
]


@pytest.mark.parametrize(("line", "author"), [
    ("By Maria Lopez", "Maria Lopez"),
    ("BY MARIA LOPEZ", "MARIA LOPEZ"),
    ("By Maria Lopez and Tom Reed", "Maria Lopez and Tom Reed"),
    ("By Maria Lopez, Tom Reed and Ana Silva", "Maria Lopez, Tom Reed and Ana Silva"),
    ("By Maria Lopez, Staff Writer", "Maria Lopez"),
    ("By Jean-Luc de la Croix | Harbour Gazette", "Jean-Luc de la Croix"),
    ("By the river, a crowd gathered to watch the bridge close.", None),
    ("By Tuesday the bridge will be closed", None),
    ("Harbour bridge to close for two years", None),
])
def test_bylines_give_their_names(line, author):
    assert byline_author(line) == author


def test_a_byline_is_never_the_title_of_a_scraped_page():
    """Issue 34: a .txt page's byline became its title though its headline was two lines
    above it."""
    page = ["Harbour Gazette", "Home", "News", "Sport", "",
            "Harbour bridge to close for two years", "", "By Maria Lopez", "", *STORY,
            "© 2023 Harbour Gazette. All rights reserved."]
    clean = clean_article(Article("ev/a.txt", "a", "\n".join(page), "txt"))
    assert clean.title == "Harbour bridge to close for two years"
    assert clean.author == "Maria Lopez"
    assert clean.outlet == "Harbour Gazette"
    assert clean.paragraphs[0].startswith("The city council voted on Tuesday")


def test_a_byline_opening_an_extracted_story_is_its_author():
    clean = clean_article(Article("ev/a.html", "a", "\n".join(["By Tom Reed", *STORY]), "html"))
    assert clean.author == "Tom Reed" and clean.paragraphs[0] == STORY[0]


@pytest.mark.parametrize(("line", "owner"), [
    ("© 2023 Harbour Gazette. All rights reserved.", "Harbour Gazette"),
    ("Copyright © 2008-2023 Harbour Gazette, Inc. All Rights Reserved", "Harbour Gazette"),
    ("Copyright 2023, Harbour Gazette Media", "Harbour Gazette Media"),
    ("(c) Harbour Gazette 2023", "Harbour Gazette"),
    ("© 2023", None),
    ("Copyright laws were debated in 2023 by the council.", None),
])
def test_copyright_lines_name_their_owner(line, owner):
    assert copyright_owner(line) == owner


def test_a_title_names_its_outlet_beside_the_headline():
    headline = "Harbour bridge to close for two years"
    assert title_outlet(f"{headline} | The Harbour Gazette", headline) == "The Harbour Gazette"
    assert title_outlet(f"{headline} - News - Harbour Gazette", headline) == "Harbour Gazette"
    assert title_outlet(f"Harbour Gazette: {headline}", headline) == "Harbour Gazette"
    assert title_outlet(headline, headline) is None  # no separator, no outlet
    assert title_outlet(f"{headline} | Published 12 September 2023", headline) is None
    # an extractor that took the site's name for the headline: the name is the short part
    assert title_outlet(f"{headline} : Harbour Gazette", "Harbour Gazette") is None


@pytest.mark.parametrize(("name", "url", "agrees"), [
    ("The Boston Globe", "https://www.bostonglobe.com/news/x", True),
    ("New York Times", "https://www.nytimes.com/2023/x.html", True),
    ("BBC News", "http://news.bbc.co.uk/2/hi/x.stm", True),
    ("Harbour Gazette Media", "https://harbourgazette.example/x", True),
    ("Arts and Entertainment", "https://www.summitdaily.com/article/1", False),
    ("Sports", "https://sports.indiatimes.com/x", False),  # a section's own host name
    ("Harbour Gazette", None, False),
])
def test_a_name_agrees_with_the_address_that_spells_it(name, url, agrees):
    assert agrees_with_address(name, url) is agrees


def page(head: str, body: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    return (f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>{body}"
            f"<article><h1>Harbour bridge to close for two years</h1>{paragraphs}</article>"
            "</body></html>")


CANONICAL = "<link rel='canonical' href='https://www.harbourgazette.com/bridge'>"


@pytest.mark.parametrize(("html", "outlet"), [
    # og:site_name first, whatever else the page says
    (page("<meta property='og:site_name' content='The Gazette'><title>Harbour bridge to "
          "close for two years | Harbour Gazette</title>" + CANONICAL), "The Gazette"),
    # the <title>'s part beside the headline, the address agreeing
    (page("<title>Harbour bridge to close for two years | Harbour Gazette</title>"
          + CANONICAL), "Harbour Gazette"),
    # a section in the <title> is not the outlet; the masthead (the home link's logo) is
    (page("<title>Harbour bridge to close for two years - Local News</title>" + CANONICAL,
          "<header><a href='/'><img src='logo.png' alt='Harbour Gazette logo'></a></header>"),
     "Harbour Gazette"),
    # the copyright line
    (page("<title>Harbour bridge to close for two years</title>" + CANONICAL,
          "<footer>Copyright © 2023 Harbour Gazette Media Ltd.</footer>"),
     "Harbour Gazette Media"),
])
def test_a_page_names_its_outlet_on_the_strongest_evidence(html, outlet):
    """Issue 34: "Unknown outlet" for pages naming their outlet in their <title> suffix,
    their masthead or their copyright line."""
    article = extract(html, "ev/a.html", "a")
    assert article.outlet == outlet


def test_a_partner_s_logo_or_a_wire_s_copyright_is_not_the_outlet():
    html = page("<title>Harbour bridge to close for two years</title>" + CANONICAL,
                "<a href='https://partner.example/'><img alt='Partner Radio'></a>"
                "<footer>© 2023 The Associated Press</footer>")
    assert extract(html, "ev/a.html", "a").outlet == "harbourgazette.com"  # its address


def test_the_author_is_shown_among_the_sources(tmp_path):
    entries = [{"id": "a", "outlet": "Harbour Gazette", "author": "Maria Lopez",
                "title": "Bridge to close", "text": "\n".join(STORY)},
               {"id": "b", "outlet": "City Courier", "text": "\n".join(STORY[:2])}]
    write_event(tmp_path / "in", "bridge",
                {"feed.jsonl": "\n".join(json.dumps(e) for e in entries)})
    summarize("run", "--input", str(tmp_path / "in"), "--output", str(tmp_path / "out"),
              check=True)
    markdown = (tmp_path / "out" / "bridge.md").read_text()
    assert "Harbour Gazette, “Bridge to close”, by Maria Lopez, undated" in markdown
    data = json.loads((tmp_path / "out" / "bridge.json").read_text())
    authors = {s["article"]: s["author"] for s in data["sources"] + data["also_covered"]}
    assert authors == {"a": "Maria Lopez", "b": None}
    assert "by Maria Lopez" in (tmp_path / "out" / "bridge.html").read_text()
