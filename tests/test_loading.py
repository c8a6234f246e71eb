"""Loading: events are folders, articles are .txt or .md, and nothing is lost silently."""

import codecs
import datetime as dt

import pytest

from summarize.errors import InputError
from summarize.loading import decode, discover_events, load_event, parse_date
from tests.conftest import SEED_EVENT, SEEDS, write_event


def test_each_subfolder_is_an_event(tmp_path):
    write_event(tmp_path, "b-event", {"a.txt": "Text."})
    write_event(tmp_path, "a-event", {"a.txt": "Text."})
    (tmp_path / "stray.txt").write_text("not an event")
    assert [p.name for p in discover_events(tmp_path)] == ["a-event", "b-event"]


def test_missing_root_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="input folder not found"):
        discover_events(tmp_path / "nope")


def test_seed_event_has_five_articles_in_name_order():
    event = load_event(SEED_EVENT, SEEDS, 5_000_000)
    assert event.slug == "kim-putin-summit-2023"
    assert [a.path for a in event.articles] == [
        f"kim-putin-summit-2023/{name}" for name in sorted(p.name for p in SEED_EVENT.iterdir())]
    assert all(a.format == "txt" for a in event.articles)


def test_markdown_front_matter_is_read(tmp_path):
    folder = write_event(tmp_path, "ev", {"x.md": (
        "---\nid: X1\ntitle: A title\nsource: Example News\nurl: https://example.com/a\n"
        "published: 2024-01-02 10:00:00\n---\n\nFirst paragraph.\n\nSecond one.\n")})
    (article,) = load_event(folder, tmp_path, 5_000_000).articles
    assert (article.id, article.title, article.outlet, article.url) == (
        "X1", "A title", "Example News", "https://example.com/a")
    assert article.published == dt.date(2024, 1, 2)
    assert article.body.strip() == "First paragraph.\n\nSecond one."


def test_invalid_front_matter_keeps_the_text(tmp_path):
    folder = write_event(tmp_path, "ev", {"x.md": "---\ntitle: [unclosed\n---\nBody text.\n"})
    (article,) = load_event(folder, tmp_path, 5_000_000).articles
    assert "Body text." in article.body and article.title is None


def test_other_files_are_reported_and_skipped(tmp_path):
    folder = write_event(tmp_path, "ev", {"a.txt": "Story.", "photo.jpg": b"\xff\xd8",
                                          "empty.txt": "  \n", "bin.txt": b"ab\x00cd"})
    event = load_event(folder, tmp_path, 5_000_000)
    assert [a.path for a in event.articles] == ["ev/a.txt"]
    assert {s.path: s.reason for s in event.skipped} == {
        "ev/bin.txt": "binary file (NUL bytes), not text",
        "ev/empty.txt": "empty article",
        "ev/photo.jpg": "not an article (expected .txt or .md)",
    }


def test_oversized_article_is_skipped(tmp_path):
    folder = write_event(tmp_path, "ev", {"big.txt": "word " * 100})
    (skipped,) = load_event(folder, tmp_path, max_bytes=100).skipped
    assert skipped.reason == "larger than limits.max_article_bytes (500 > 100)"


@pytest.mark.parametrize(("raw", "encoding"), [
    ("Café.".encode(), "utf-8"),
    (codecs.BOM_UTF8 + "Café.".encode(), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + "Café.".encode("utf-16-le"), "utf-16"),
    ("Café “quoted”.".encode("cp1252"), "cp1252"),
    (b"Caf\xe9 \x81.", "latin-1"),
])
def test_encodings_are_detected(raw, encoding):
    text, detected = decode(raw)
    assert detected == encoding
    assert text.startswith("Caf")


@pytest.mark.parametrize(("value", "date"), [
    ("2023-09-12", dt.date(2023, 9, 12)),
    ("1999-07-07 08:30:27", dt.date(1999, 7, 7)),
    ("08/12/1998 13:29:00", dt.date(1998, 8, 12)),
    ("1998-30-06 11:49:00", dt.date(1998, 6, 30)),
    (dt.date(2020, 1, 2), dt.date(2020, 1, 2)),
    ("2023-02-30", None),
    ("next Tuesday", None),
    (20230912, None),
])
def test_publication_dates_in_feed_formats(value, date):
    assert parse_date(value) == date
