"""Real inputs: HTML pages, JSON feeds, legacy encodings and foreign languages in one event."""

import gzip
import json

from summarize.inputs.loading import load_event
from summarize.text.cleaning import clean_article
from tests.conftest import summarize, write_event

STORY = [
    "The city council approved a new budget for public transport on Tuesday after a "
    "long debate about fares and the cost of repairs to the old tram lines.",
    "The plan adds twelve bus routes and raises the price of a monthly pass by two "
    "dollars, the first increase in six years, council members said.",
    "Opponents said the higher fares would hurt workers who rely on buses, while the "
    "mayor said the repairs could not wait any longer.",
]
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Council approves transport budget | City Daily</title>
<meta property="og:site_name" content="City Daily">
<link rel="canonical" href="https://citydaily.example/transport-budget">
<meta property="article:published_time" content="2023-09-12T14:15:00Z">
<meta name="author" content="Jane Roe"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Council approves transport budget</h1>{}</article>
<footer><p>© 2023 City Daily. All rights reserved.</p></footer></body></html>"""
GERMAN = ("Der Stadtrat hat am Dienstag nach einer langen Debatte über Fahrpreise einen neuen "
          "Haushalt für den öffentlichen Nahverkehr beschlossen. Der Plan sieht zwölf neue "
          "Buslinien vor und erhöht den Preis der Monatskarte um zwei Euro, wie die "
          "Ratsmitglieder mitteilten. Gegner sagten, die höheren Preise würden Arbeitnehmern "
          "schaden, die auf Busse angewiesen sind.")
RUSSIAN = ("Городской совет во вторник утвердил новый бюджет общественного транспорта после "
           "долгих споров о стоимости проезда и ремонте старых трамвайных линий. План "
           "добавляет двенадцать автобусных маршрутов, сообщили члены совета.")


def page(paragraphs: list[str]) -> str:
    return PAGE.format("".join(f"<p>{p}</p>" for p in paragraphs))


def test_a_saved_page_gives_its_story_and_metadata(tmp_path):
    folder = write_event(tmp_path, "ev", {"budget.html": page(STORY)})
    (article,) = load_event(folder, tmp_path, 5_000_000).articles
    clean = clean_article(article)
    assert clean.paragraphs == tuple(STORY)
    assert (clean.title, clean.outlet, clean.url, str(clean.published)) == (
        "Council approves transport budget", "City Daily",
        "https://citydaily.example/transport-budget", "2023-09-12")
    assert article.author == "Jane Roe"


def test_gzipped_pages_are_read(tmp_path):
    folder = write_event(tmp_path, "ev", {"budget.html.gz": gzip.compress(page(STORY).encode())})
    (article,) = load_event(folder, tmp_path, 5_000_000).articles
    assert article.path == "ev/budget.html.gz" and article.id == "budget"


def test_a_feed_gives_one_article_per_line_and_reports_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "\n".join(STORY), "title": "Budget passes",
                    "source": "Wire One", "published": "Tue, 12 Sep 2023 14:15:00 GMT",
                    "url": "https://wire.example/a1"}),
        "{not json",
        json.dumps({"title": "No body"}),
        json.dumps({"html": page(STORY[:2]), "outlet": "Feed Two"}),
        json.dumps(["a list"]),
    ]
    folder = write_event(tmp_path, "ev", {"feed.jsonl": "\n".join(lines) + "\n"})
    event = load_event(folder, tmp_path, 5_000_000)
    assert [(a.path, a.id, a.outlet, str(a.published)) for a in event.articles] == [
        ("ev/feed.jsonl#1", "a1", "Wire One", "2023-09-12"),
        ("ev/feed.jsonl#4", "feed-4", "Feed Two", "2023-09-12")]
    assert {s.path: s.reason.split(" (")[0] for s in event.skipped} == {
        "ev/feed.jsonl#2": "not valid JSON",
        "ev/feed.jsonl#3": "no 'text' or 'html' field",
        "ev/feed.jsonl#5": "not a JSON object"}


def test_a_json_file_may_hold_a_list_of_articles(tmp_path):
    feed = {"articles": [{"text": STORY[0]}, {"text": STORY[1], "published": "12/09/2023"}]}
    folder = write_event(tmp_path, "ev", {"feed.json": json.dumps(feed)})
    event = load_event(folder, tmp_path, 5_000_000)
    assert [a.path for a in event.articles] == ["ev/feed.json#1", "ev/feed.json#2"]
    assert event.articles[1].published is None  # ambiguous: reported, not guessed


def test_one_event_of_every_input_kind(tmp_path):
    """html, txt, md, jsonl, cp1251, UTF-16 and German side by side: one briefing in
    English, the articles in other languages listed as its coverage, every skipped feed
    line in the run report."""
    markdown = ("---\ntitle: Transport budget approved\nsource: Metro News\n"
                "published: 2023-09-13\n---\n\n" + "\n\n".join(STORY))
    feed = "\n".join([json.dumps({"text": " ".join(STORY), "source": "Wire One",
                                  "title": "Fares rise", "published": "2023-09-12"}),
                      "{broken"])
    write_event(tmp_path / "in", "budget", {
        "page.html": page(STORY),
        "scraped.txt": "Home\nNews\nCouncil approves budget\n" + "\n".join(STORY)
                       + "\nShare this article\n",
        "metro.md": markdown,
        "feed.jsonl": feed,
        "russian.txt": RUSSIAN.encode("cp1251"),
        "utf16.txt": "\n".join(STORY).encode("utf-16"),
        "german.txt": GERMAN,
    })
    result = summarize("run", "--input", str(tmp_path / "in"), "--output",
                       str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "out" / "run-report.json").read_text())
    skipped = {s["path"]: s["reason"].split(" (")[0] for s in report["articles_skipped"]}
    assert skipped == {"budget/feed.jsonl#2": "not valid JSON"}
    briefing = json.loads((tmp_path / "out" / "budget.json").read_text())
    assert [(group["name"], [a["path"] for a in group["articles"]])
            for group in briefing["other_languages"]] == [
        ("German", ["budget/german.txt"]), ("Russian", ["budget/russian.txt"])]
    sources = {s["path"]: s for s in briefing["sources"]}
    assert sources["budget/page.html"]["outlet"] == "City Daily"
    assert sources["budget/page.html"]["title"] == "Council approves transport budget"
    assert sources["budget/metro.md"]["published"] == "2023-09-13"
    assert sources["budget/feed.jsonl#1"]["outlet"] == "Wire One"
    assert "budget/utf16.txt" in sources
    decoded = {d["path"]: d["encoding"] for d in report["articles_decoded"]}
    assert decoded == {"budget/russian.txt": "cp1251", "budget/utf16.txt": "utf-16"}


def test_a_page_that_says_latin_1_is_read_as_browsers_read_it(tmp_path):
    html = page(["The mayor said the “new” fares start in May, after a vote that ran "
                 "late into the night and split the council."]).replace(
        'charset="utf-8"', 'charset="iso-8859-1"')
    folder = write_event(tmp_path, "ev", {"page.html": html.encode("cp1252")})
    (article,) = load_event(folder, tmp_path, 5_000_000).articles
    assert "“new”" in article.body and article.encoding == "cp1252"


FERRY = "<p>" + " ".join(["The city council voted on Tuesday to expand the harbour ferry "
                          "service after months of delays."] * 3) + "</p>"


def test_a_page_dated_by_nothing_but_its_copyright_line_is_undated():
    """htmldate's last resort gave '© 2023' as published 2023-01-01: a date no source
    states. The page is undated; a page whose metadata says 1 January keeps it."""
    from summarize.inputs.html import extract

    footer = "<footer>© 2023 Harbour Gazette</footer>"
    undated = extract(f"<html><head><title>Ferries</title></head><body><article>{FERRY}"
                      f"</article>{footer}</body></html>", "a.html", "a")
    assert undated.published is None
    for day in ("2023-01-01", "2023-03-05"):
        dated = extract(f'<html><head><title>Ferries</title><meta property='
                        f'"article:published_time" content="{day}T09:00:00Z"></head><body>'
                        f"<article>{FERRY}</article>{footer}</body></html>", "b.html", "b")
        assert dated.published.isoformat() == day


def test_a_lone_surrogate_in_a_feed_is_read_as_u_fffd(tmp_path):
    """Issue 35: "\\udfff" in a JSON string is half a character, which no file can hold."""
    entry = json.dumps({"title": "Budget \udfff passes", "text": "\n".join(STORY) + "\ud800"})
    folder = write_event(tmp_path, "ev", {"feed.jsonl": entry + "\n"})
    (article,) = load_event(folder, tmp_path, 5_000_000).articles
    assert article.title == "Budget \ufffd passes" and article.body.endswith("\ufffd")


def test_a_page_with_thousands_of_attributes_on_one_element_is_skipped_unparsed(tmp_path):
    """Issue 35: lxml's time grows with the square of one element's attributes (200,000
    held a run for more than 800 s); quoted values may hold ">" and "<"."""
    attributes = " ".join(f'data-a{i}="<x>"' for i in range(5_000))
    bloated = PAGE.format(f"<p {attributes}>" + "</p><p>".join(STORY) + "</p>")
    folder = write_event(tmp_path, "ev", {"bloated.html": bloated, "good.html": page(STORY)})
    event = load_event(folder, tmp_path, 5_000_000)
    assert [a.path for a in event.articles] == ["ev/good.html"]
    (skipped,) = event.skipped
    assert skipped.path == "ev/bloated.html"
    assert skipped.reason.startswith("an element with 5000 attributes (more than 1000)")


def test_a_page_that_declares_a_codec_that_cannot_read_it_is_read_by_detection(tmp_path):
    """Issue 35: charset="undefined" and "punycode" are codecs Python knows that fail with
    UnicodeError, which stopped the event (and every --group run)."""
    pages = {f"{name}.html": page(STORY).replace('charset="utf-8"', f'charset="{name}"')
             for name in ("undefined", "punycode", "rot13", "base64")}
    event = load_event(write_event(tmp_path, "ev", pages), tmp_path, 5_000_000)
    assert len(event.articles) == 4 and not event.skipped


def test_a_feed_entry_with_an_integer_python_will_not_read_is_skipped(tmp_path):
    """Issue 35: an integer of 5,000 digits (Python reads 4,300 at most) raised ValueError
    out of the feed, which stopped its event (and every --group run)."""
    lines = ['{"text": "' + " ".join(STORY) + '", "views": ' + "9" * 5000 + "}",
             json.dumps({"text": " ".join(STORY)})]
    event = load_event(write_event(tmp_path, "ev", {"feed.jsonl": "\n".join(lines) + "\n"}),
                       tmp_path, 5_000_000)
    assert [a.path for a in event.articles] == ["ev/feed.jsonl#2"]
    assert [(s.path, s.reason) for s in event.skipped] == [
        ("ev/feed.jsonl#1", "not a feed entry (an integer of 5000 digits)")]


def test_a_reader_that_fails_costs_its_file_only(tmp_path, monkeypatch):
    """Whatever a parser raises (a bug of ours or a library's), the file is skipped with the
    reason and the event keeps its other articles."""
    from summarize.inputs import html

    def broken(*args, **kwargs):
        raise AttributeError("'NoneType' object has no attribute 'groupdict'")

    monkeypatch.setattr(html, "markup_problem", broken)
    event = load_event(write_event(tmp_path, "ev", {"a.html": page(STORY), "b.txt": STORY[0]}),
                       tmp_path, 5_000_000)
    assert [a.path for a in event.articles] == ["ev/b.txt"]
    assert [(s.path, s.reason) for s in event.skipped] == [(
        "ev/a.html", "cannot be read: internal error: AttributeError: 'NoneType' object has "
        "no attribute 'groupdict'")]


def test_json_lines_end_at_line_feeds_only(tmp_path):
    """Issue 35: str.splitlines broke a valid entry at U+2028, U+2029 or U+0085 into
    "invalid JSON" pieces, and later entries were cited by wrong line numbers."""
    first = {"title": "A\u2029B", "text": STORY[0] + "\u2028" + STORY[1] + "\x85" + STORY[2]}
    lines = [json.dumps(first, ensure_ascii=False), json.dumps({"text": " ".join(STORY)}),
             "not json\r"]
    event = load_event(write_event(tmp_path, "ev", {"feed.jsonl": "\n".join(lines) + "\r\n"}),
                       tmp_path, 5_000_000)
    assert [a.path for a in event.articles] == ["ev/feed.jsonl#1", "ev/feed.jsonl#2"]
    assert event.articles[0].body == first["text"]
    assert [s.path for s in event.skipped] == ["ev/feed.jsonl#3"]


def test_a_utf8_feed_with_one_invalid_byte_is_read_as_utf8_and_reported(tmp_path):
    """Issue 35: one invalid byte made a whole UTF-8 feed decode as a legacy code page
    ("Café" became "CafĂŠ"), with no line in the report's articles_decoded."""
    entry = {"title": "Café crème", "text": " ".join(STORY) + " Señora Núñez agreed."}
    raw = json.dumps([entry], ensure_ascii=False).encode().replace(b"agreed", b"agr\xffeed")
    event = load_event(write_event(tmp_path, "ev", {"feed.json": raw}), tmp_path, 5_000_000)
    (article,) = event.articles
    assert article.title == "Café crème" and article.body.endswith("Núñez agr\ufffdeed.")
    assert article.encoding == "utf-8, 1 invalid byte sequence replaced"
    legacy = load_event(write_event(tmp_path, "ev2", {"a.txt": " ".join(STORY).replace(
        "debate", "débat à l'hôtel de ville").encode("cp1252")}), tmp_path, 5_000_000)
    assert not legacy.articles[0].encoding.startswith("utf-8")  # a legacy file stays one


def test_a_reference_to_a_control_character_costs_a_page_nothing(tmp_path):
    """Issue 35: one "&#x0B;" in a page dropped its whole story (lxml refuses what XML
    has no character for); a raw one dropped its paragraph."""
    pages = {f"{n}.html": page([STORY[0] + bad, STORY[1], STORY[2]])
             for n, bad in enumerate(["&#x0B;", "&#11;", "\x0b", "&#xFFFF;", "\x1b", "&#x1b;"])}
    event = load_event(write_event(tmp_path, "ev", pages), tmp_path, 5_000_000)
    assert len(event.articles) == 6
    for article in event.articles:
        assert clean_article(article).paragraphs == tuple(STORY), article.path


def test_brackets_in_a_story_are_text_not_nesting(tmp_path):
    """Issue 35: an entry whose text held 70 "[" was refused as "nested deeper than 64
    levels"; nesting is counted in the JSON's structure, outside its strings."""
    quoted = {"text": " ".join(STORY) + ' Its code was "' + "[" * 70 + '".'}
    nested = {"text": " ".join(STORY), "x": json.loads("[" * 70 + "]" * 70)}
    event = load_event(write_event(tmp_path, "ev", {"feed.jsonl": json.dumps(quoted) + "\n"
                                                    + json.dumps(nested) + "\n"}),
                       tmp_path, 5_000_000)
    assert [a.path for a in event.articles] == ["ev/feed.jsonl#1"]
    assert [(s.path, s.reason) for s in event.skipped] == [
        ("ev/feed.jsonl#2", "nested deeper than 64 levels")]
