"""Loading: events are folders, articles are .txt or .md, and nothing is lost silently."""

import codecs
import datetime as dt
import json

import pytest

from summarize.errors import InputError
from summarize.inputs.dates import AmbiguousDate, parse_date
from summarize.inputs.decoding import decode
from summarize.inputs.layout import discover_events
from summarize.inputs.loading import load_event
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
        "ev/bin.txt": "binary file, not text",
        "ev/empty.txt": "empty article",
        "ev/photo.jpg": "not an article (expected .txt, .md, .html, .htm, .html.gz, .htm.gz, "
                        ".json, .jsonl, .ndjson, .rss, .atom, .xml)",
    }


def test_oversized_article_is_skipped(tmp_path):
    folder = write_event(tmp_path, "ev", {"big.txt": "word " * 100})
    (skipped,) = load_event(folder, tmp_path, max_bytes=100).skipped
    assert skipped.reason == "larger than limits.max_article_bytes (500 > 100)"


@pytest.mark.parametrize(("raw", "encoding"), [
    ("Café.".encode(), "utf-8"),
    (codecs.BOM_UTF8 + "Café.".encode(), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + "Café.".encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF32_LE + "Café.".encode("utf-32-le"), "utf-32"),
])
def test_encodings_are_detected(raw, encoding):
    text, detected = decode(raw)
    assert detected == encoding
    assert text.startswith("Caf")


@pytest.mark.parametrize(("text", "codec"), [
    ("Президент России Владимир Путин встретился с лидером КНДР Ким Чен Ыном на "
     "космодроме Восточный в Амурской области.", "cp1251"),
    ("Le président a déclaré que les négociations reprendraient à Genève la semaine "
     "prochaine, après l’échec des discussions.", "cp1252"),
])
def test_legacy_encodings_are_read_without_mojibake(text, codec):
    decoded, _ = decode(text.encode(codec))
    assert decoded == text


@pytest.mark.parametrize(("value", "date"), [
    ("2023-09-12", dt.date(2023, 9, 12)),
    ("1999-07-07 08:30:27", dt.date(1999, 7, 7)),
    ("08/13/1998 13:29:00", dt.date(1998, 8, 13)),
    ("2023-09-12T14:15:00Z", dt.date(2023, 9, 12)),
    ("2023-09-12T23:15:00-05:00", dt.date(2023, 9, 12)),
    ("Tue, 12 Sep 2023 14:15:00 GMT", dt.date(2023, 9, 12)),
    ("September 12, 2023", dt.date(2023, 9, 12)),
    ("12 Sept. 2023", dt.date(2023, 9, 12)),
    ("September 2023", None),
    ("1998-30-06 11:49:00", dt.date(1998, 6, 30)),
    (dt.date(2020, 1, 2), dt.date(2020, 1, 2)),
    ("2023-02-30", None),
    ("next Tuesday", None),
    (20230912, None),
])
def test_publication_dates_in_feed_formats(value, date):
    assert parse_date(value) == date


def test_an_ambiguous_numeric_date_is_reported_not_guessed():
    with pytest.raises(AmbiguousDate, match="day and month could be either way round"):
        parse_date("12/09/2023")


def dated_article(name: str, outlet: str | None, published: str) -> str:
    source = f"source: {outlet}\n" if outlet else ""
    return (f"---\n{source}published: \"{published}\"\n---\n\nFloodwaters rose through "
            f"the valley overnight, officials said, as crews worked to reach {name}.\n")


def test_an_ambiguous_date_is_read_the_way_its_outlet_writes_its_other_dates(
        tmp_path, caplog):
    """`07/12/1998` may be 12 July or 7 December. When the same outlet writes another date
    of the event `07/25/1998`, it writes the month first; with no such date, or dates both
    ways, or another separator, the date stays out (with a warning), never guessed."""
    from summarize.pipeline import prepare_event

    folder = write_event(tmp_path, "flood", {
        "a.md": dated_article("Vale", "Wire", "07/25/1998 10:00:00"),
        "b.md": dated_article("Ford", "Wire", "07/12/1998 07:24:00"),
        "b2.md": dated_article("Ash", "Wire", "08/03/1998"),  # settled by a.md too
        "c.md": dated_article("Mere", "Daily", "07/12/1998"),  # no other Daily date
        "d.md": dated_article("Holm", "Gazette", "25.07.1998"),
        "e.md": dated_article("Lea", "Gazette", "07.12.1998"),  # day first, as 25.07
        "f.md": dated_article("Tor", "Wire", "07.12.1998"),  # Wire's dots: unknown
        "g.md": dated_article("Ness", "Herald", "25/07/1998"),
        "h.md": dated_article("Dale", "Herald", "07/26/1998"),
        "i.md": dated_article("Combe", "Herald", "07/12/1998"),  # Herald writes both
        "j.md": dated_article("Wick", None, "07/12/1998"),  # no outlet, no evidence
        "k.jsonl": "\n".join(json.dumps({
            "outlet": "Feed", "published": published,
            "text": "Floodwaters rose through the valley overnight, officials said."})
            for published in ("07/30/1998", "08/04/1998")),
    })
    event = load_event(folder, tmp_path, 1_000_000)
    assert all(a.published is None for a in event.articles if a.path.endswith(
        ("b.md", "c.md", "e.md", "f.md", "i.md", "j.md")))
    with caplog.at_level("WARNING"):
        prepared = prepare_event(event)
    published = {a.path.rsplit("/", 1)[-1]: a.published for a in prepared.articles}
    assert published.pop("k.jsonl#2") == dt.date(1998, 8, 4)  # feed entries too
    assert published.pop("k.jsonl#1") == dt.date(1998, 7, 30)
    assert published == {
        "a.md": dt.date(1998, 7, 25), "b.md": dt.date(1998, 7, 12),
        "b2.md": dt.date(1998, 8, 3), "c.md": None,
        "d.md": dt.date(1998, 7, 25), "e.md": dt.date(1998, 12, 7), "f.md": None,
        "g.md": dt.date(1998, 7, 25), "h.md": dt.date(1998, 7, 26), "i.md": None,
        "j.md": None}
    warned = [r.getMessage() for r in caplog.records if "either way round" in r.getMessage()]
    assert sorted(m.split(":")[0].rsplit("/", 1)[-1] for m in warned) == [
        "c.md", "f.md", "i.md", "j.md"]
    assert any("i.md" in m and "writes both" in m for m in warned)


def test_an_input_without_event_folders_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("Story.", encoding="utf-8")
    with pytest.raises(InputError, match="it holds 1 article file.* directly.*--group"):
        discover_events(tmp_path)
    with pytest.raises(InputError, match="is a file; expected a folder with one sub-folder"):
        discover_events(tmp_path / "a.txt")


def test_topic_txt_is_the_events_focus_not_an_article(tmp_path):
    folder = write_event(tmp_path, "ev", {
        "a.txt": "Story one. It is long enough.",
        "topic.txt": "Kursk disaster\n\nDiscuss the sinking of the Russian submarine.\n",
    })
    event = load_event(folder, tmp_path, 10_000)
    assert [a.path for a in event.articles] == ["ev/a.txt"]
    assert not event.skipped
    # (the title line stays a line of its own: a topic event is titled with it)
    assert event.focus == "Kursk disaster\nDiscuss the sinking of the Russian submarine."


def test_a_topic_txt_linked_from_outside_the_input_is_not_read(tmp_path):
    """Issue 35: a topic.txt symlinked out of the input folder was followed and became the
    event's focus, though no file outside the input is ever read."""
    secret = tmp_path / "secret.txt"
    secret.write_text("the password is swordfish\n", encoding="utf-8")
    folder = write_event(tmp_path / "in", "ev", {"a.txt": "Story one. It is long enough."})
    (folder / "topic.txt").symlink_to(secret)
    event = load_event(folder, tmp_path / "in", 10_000)
    assert event.focus is None
    assert [(s.path, s.reason) for s in event.skipped] == [
        ("ev/topic.txt", "link to a file outside the input folder")]


def test_front_matter_focus_is_the_events_focus(tmp_path):
    folder = write_event(tmp_path, "ev", {
        "a.md": "---\ntitle: A\nfocus: What caused the crash?\n---\nStory text here.\n",
    })
    event = load_event(folder, tmp_path, 10_000)
    assert event.focus == "What caused the crash?"


STORY_MD = "The council approved the transport budget on Monday after a long debate.\n"


def test_one_bad_file_never_costs_its_event(tmp_path):
    """Issue 15: each of these used to fail the whole event with an internal error."""
    import os

    folder = write_event(tmp_path, "ev", {
        "good.md": "---\ntitle: Budget\n---\n" + STORY_MD,
        "month13.md": "---\npublished: 2023-13-45\n---\n" + STORY_MD,
        "hour25.md": "---\npublished: 2023-09-12 25:61:00\n---\n" + STORY_MD,
        "year0.md": "---\npublished: 0000-01-01\n---\n" + STORY_MD,
        "tagged.md": "---\npublished: !!timestamp 2023-99-99\nid: !!int x\n---\n" + STORY_MD,
        "deep.md": "---\ntitle: " + "[" * 3000 + "\n---\n" + STORY_MD,
    })
    os.mkfifo(folder / "pipe.txt")
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(STORY_MD)
    event = load_event(folder, tmp_path, 100_000)
    read = sorted(a.path for a in event.articles)
    assert read == ["ev/deep.md", "ev/good.md", "ev/hour25.md", "ev/month13.md",
                    "ev/tagged.md", "ev/year0.md"]
    assert all(a.published is None for a in event.articles if a.path != "ev/hour25.md")
    reasons = {s.path: s.reason for s in event.skipped}
    assert reasons == {
        "ev/caf\ufffd.txt": "file name is not valid UTF-8",
        "ev/dangling.txt": "broken or looping symbolic link",
        "ev/loop.txt": "broken or looping symbolic link",
        "ev/pipe.txt": "not a regular file (a pipe, device or socket is never read)",
    }


def test_front_matter_values_are_the_text_they_are_written_as(tmp_path):
    """Issue 35: a tag with an impossible value (`!!timestamp 'garbage'`, `!!bool x`) and a
    title nested 3,000 deep stopped their event, and every `--group` run."""
    folder = write_event(tmp_path, "ev", {
        "big.md": "---\nid: !!int " + "9" * 5000 + "\ntitle: Big\n---\n" + STORY_MD,
        "deep.md": "---\ntitle: " + "[" * 3000 + "]" * 3000 + "\nsource: Daily\n---\n"
                   + STORY_MD,
        "typed.md": "---\nid: 0x1F\ntitle: 3.10\npublished: !!timestamp 'garbage'\n"
                    "source: !!bool x\nurl: yes\n---\n" + STORY_MD,
    })
    event = load_event(folder, tmp_path, 100_000)
    assert not event.skipped
    big, deep, typed = event.articles
    assert (big.id, big.title) == ("9" * 5000, "Big")
    assert (deep.title, deep.outlet) == (None, "Daily")
    assert (typed.id, typed.title, typed.published, typed.outlet, typed.url) == (
        "0x1F", "3.10", None, "x", "yes")


def test_an_unreadable_file_is_skipped_with_its_reason(tmp_path):
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their permissions")
    folder = write_event(tmp_path, "ev", {"a.md": STORY_MD, "b.md": STORY_MD})
    (folder / "b.md").chmod(0)
    event = load_event(folder, tmp_path, 100_000)
    assert [a.path for a in event.articles] == ["ev/a.md"]
    assert event.skipped[0].reason.startswith("cannot be read")


def test_a_yaml_alias_bomb_in_front_matter_is_refused_at_once(tmp_path):
    """Issue 15: nine nested aliases grew to 5.6 GB before anything stopped them."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    lines += ["published: *a9"]
    folder = write_event(tmp_path, "ev", {"bomb.md": "---\n" + "\n".join(lines) + "\n---\n"
                                                     + STORY_MD})
    event = load_event(folder, tmp_path, 100_000)
    assert event.articles[0].published is None
    assert STORY_MD.strip() in event.articles[0].body


def test_an_event_reads_its_files_up_to_its_byte_limit(tmp_path):
    """Issue 15: five 4.9 MB articles in one event took 216 s and 1.08 GiB."""
    folder = write_event(tmp_path, "ev", {f"{i}.txt": STORY_MD * 20 for i in range(5)})
    size = len((STORY_MD * 20).encode())
    event = load_event(folder, tmp_path, 100_000, max_event_bytes=2 * size + 10)
    assert [a.path for a in event.articles] == ["ev/0.txt", "ev/1.txt"]
    assert [s.path for s in event.skipped] == ["ev/2.txt", "ev/3.txt", "ev/4.txt"]
    assert "limits.max_event_bytes" in event.skipped[0].reason


def test_a_device_node_or_an_unreadable_file_is_skipped_with_its_reason(tmp_path, monkeypatch):
    """Issue 15: a device node named .txt, or an unreadable file, cost the whole event."""
    import os
    import stat
    from pathlib import Path

    folder = write_event(tmp_path, "ev", {"a.md": STORY_MD, "locked.md": STORY_MD})
    try:
        os.mknod(folder / "null.txt", stat.S_IFCHR | 0o666, os.makedev(1, 3))
        device = True
    except (PermissionError, OSError):
        device = False  # no privilege to make device nodes here
    real = Path.open

    def open_(self, *args, **kwargs):
        if self.name == "locked.md":
            raise PermissionError(13, "Permission denied")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    event = load_event(folder, tmp_path, 100_000)
    assert [a.path for a in event.articles] == ["ev/a.md"]
    reasons = {s.path: s.reason for s in event.skipped}
    assert reasons["ev/locked.md"] == "cannot be read: Permission denied"
    if device:
        assert reasons["ev/null.txt"].startswith("not a regular file")


def test_files_are_read_only_from_inside_the_input_folder_whatever_links_lead_there(tmp_path):
    """A link to a file elsewhere in the input is read; a link out of it is not, nor the
    files of an event folder that is itself a link out of it."""
    root = tmp_path / "input"
    inside = write_event(root, "ev", {"a.md": STORY_MD})
    write_event(root, "other", {"b.md": STORY_MD})
    (inside / "b.md").symlink_to(root / "other" / "b.md")
    (inside / "c.md").symlink_to(write_event(tmp_path, "away", {"c.md": STORY_MD}) / "c.md")
    event = load_event(inside, root, 100_000)
    assert [a.path for a in event.articles] == ["ev/a.md", "ev/b.md"]
    assert {s.path: s.reason for s in event.skipped} == {
        "ev/c.md": "link to a file outside the input folder"}
    (root / "linked").symlink_to(tmp_path / "away")
    event = load_event(root / "linked", root, 100_000)
    assert not event.articles
    assert {s.path: s.reason for s in event.skipped} == {
        "linked/c.md": "link to a file outside the input folder"}
