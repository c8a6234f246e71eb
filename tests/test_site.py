"""The published site: briefing pages, the index and the Atom feed; what is new since the
reader last looked; and untrusted text that must stay inert in every format."""

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from summarize.config import load_config
from summarize.runs.run import run
from tests.conftest import ROOT, SEED_EVENT, Page, write_event

ATOM = "{http://www.w3.org/2005/Atom}"
SLUG = "kim-putin-summit-2023"
LATE = "002_e6d29139e0651d57.txt"  # the Reuters story, which arrives after the first run
FIRST, SECOND = "2026-11-23T05:00:00Z", "2026-11-23T06:00:00Z"
STORY = ("The Springfield city council approved the new transport budget on Monday after a "
         "long debate. Mayor Ana Ruiz said the plan adds three bus lines and repairs the old "
         "Elm Street tram bridge over the Fox River. Springfield Transit warned that fares "
         "would rise too fast for families on low incomes.")
CONFIG = load_config(ROOT / "configs" / "default.yaml")


def budget_event(root: Path, slug: str = "city-budget") -> None:
    write_event(root, slug, {
        f"{n}.md": f"---\ntitle: Council passes budget\nsource: Outlet {n}\n"
                   f"published: 2023-09-1{n}\n---\n{STORY}\n" for n in range(3)})


@pytest.fixture
def two_runs(tmp_path):
    """The seeds event without its Reuters story beside another event, briefed at FIRST;
    then the Reuters story arrives and the run at SECOND briefs again."""
    source = tmp_path / "in"
    shutil.copytree(SEED_EVENT, source / SLUG, ignore=shutil.ignore_patterns(LATE))
    budget_event(source)
    out = tmp_path / "out"
    run(CONFIG, source, out, now=FIRST)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.glob("city-budget.*")}
    first_page = (out / f"{SLUG}.html").read_text(encoding="utf-8")
    shutil.copy(SEED_EVENT / LATE, source / SLUG / LATE)
    report = run(CONFIG, source, out, now=SECOND)
    return out, report, before, first_page


def test_a_new_article_marks_its_new_sentences_and_nothing_else_changes(two_runs):
    out, report, before, first_page = two_runs
    assert report.written == [SLUG] and report.unchanged == ["city-budget"]
    data = json.loads((out / f"{SLUG}.json").read_text(encoding="utf-8"))
    new = [s["text"] for s in data["sentences"] if s["new"]]
    assert data["since"] == FIRST and new
    assert all(s["text"] in first_page for s in data["sentences"] if not s["new"])
    # the page and the Markdown mark exactly the new sentences, and say since when
    page = (out / f"{SLUG}.html").read_text(encoding="utf-8")
    assert page.count('<mark class="new">new</mark> ') == len(new)
    assert f"{len(new)} sentence{'s' if len(new) > 1 else ''} new since 2026-11-23 05:00 UTC" \
        in page
    markdown = (out / f"{SLUG}.md").read_text(encoding="utf-8")
    assert markdown.count("**New:** ") == len(new)
    assert "new since 2026-11-23 05:00 UTC" in markdown
    # the other event's files were not touched
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.glob("city-budget.*")}
    assert after == before


def test_the_index_and_the_feed_say_which_event_was_updated(two_runs):
    out = two_runs[0]
    index = Page((out / "index.html").read_text(encoding="utf-8"))
    text = " ".join(" ".join(index.text).split())
    assert "updated" in text.split("Council passes budget")[0]  # the seeds event, listed first
    assert f"{SLUG}.html" in index.links() and "city-budget.html" in index.links()
    feed = ET.parse(out / "index.xml").getroot()
    entries = {e.find(f"{ATOM}link").get("href"): e for e in feed.iter(f"{ATOM}entry")}
    updated = entries[f"{SLUG}.html"]
    assert updated.findtext(f"{ATOM}updated") == SECOND
    assert updated.findtext(f"{ATOM}published") == FIRST
    assert "new sentence" in updated.findtext(f"{ATOM}summary")
    assert "New since" in updated.findtext(f"{ATOM}content")
    untouched = entries["city-budget.html"]
    assert untouched.findtext(f"{ATOM}updated") == FIRST
    assert feed.findtext(f"{ATOM}updated") == SECOND
    # most recently changed first
    assert [e.find(f"{ATOM}link").get("href") for e in feed.iter(f"{ATOM}entry")][0] == \
        f"{SLUG}.html"


def test_a_rebuild_that_says_nothing_new_keeps_the_marks(two_runs, tmp_path):
    out = two_runs[0]
    marked = (out / f"{SLUG}.html").read_text(encoding="utf-8")
    report = run(CONFIG, tmp_path / "in", out, now="2026-11-23T07:00:00Z", force=True)
    assert sorted(report.written) == ["city-budget", SLUG]
    assert (out / f"{SLUG}.html").read_text(encoding="utf-8") == marked
    feed = ET.parse(out / "index.xml").getroot()
    assert feed.findtext(f"{ATOM}updated") == SECOND  # nothing changed for a reader


def test_a_run_with_nothing_to_do_leaves_the_site_as_it_is(two_runs, tmp_path):
    out = two_runs[0]
    files = {name: (out / name).stat().st_mtime_ns for name in ("index.html", "index.xml")}
    report = run(CONFIG, tmp_path / "in", out, now="2026-11-23T08:00:00Z")
    assert report.written == []
    assert {name: (out / name).stat().st_mtime_ns for name in files} == files


def test_formats_choose_the_files_and_pruning_removes_them_all(tmp_path):
    budget_event(tmp_path / "in")
    config = load_config(None, ("output.formats=[json]",))
    run(config, tmp_path / "in", tmp_path / "out", now=FIRST)
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) \
        == ["city-budget.json", "run-report.json"]
    run(CONFIG, tmp_path / "in", tmp_path / "out", now=SECOND)  # now html too: rebuilt
    assert (tmp_path / "out" / "city-budget.html").is_file()
    shutil.rmtree(tmp_path / "in" / "city-budget")
    budget_event(tmp_path / "in", "other-budget")
    run(CONFIG, tmp_path / "in", tmp_path / "out", now=SECOND, prune=True)
    names = sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith("."))
    assert not [n for n in names if n.startswith("city-budget")]
    assert "city-budget.html" not in (tmp_path / "out" / "index.html").read_text()


def test_site_url_makes_feed_links_absolute(tmp_path):
    budget_event(tmp_path / "in")
    config = load_config(None, ("output.site_url=https://news.example/briefings",))
    run(config, tmp_path / "in", tmp_path / "out", now=FIRST)
    feed = ET.parse(tmp_path / "out" / "index.xml").getroot()
    entry = next(feed.iter(f"{ATOM}entry"))
    assert entry.find(f"{ATOM}link").get("href") == \
        "https://news.example/briefings/city-budget.html"
    assert entry.findtext(f"{ATOM}id") == "https://news.example/briefings/city-budget.html"


# -- untrusted text -----------------------------------------------------------------------

INJECTIONS = [
    "<script>alert(1)</script>", "javascript:alert(1)", "[click](javascript:alert(1))",
    "<img src=x onerror=alert(1)>", "{{ 7*7 }}", "{% raw %}", "]( http://evil.example )",
    'a"><svg onload=alert(1)><"b', "&lt;b&gt;", "]]></content><script>x</script>",
]


HOSTILE_STORY = (
    "Mayor Ana Ruiz said <script>alert(1)</script> the Springfield budget passed on Monday. "
    "Springfield Transit posted [click](javascript:alert(1)) and <img src=x onerror=alert(1)> "
    "on its site. The Springfield council agenda read {{ 7*7 }} and {% raw %} beside "
    "]( http://evil.example ) all week. Mayor Ana Ruiz wrote a\"><svg onload=alert(1)><\"b "
    "and &lt;b&gt; in the Springfield memo. Springfield Transit's feed ended with "
    "]]></content><script>x</script> on Monday.")


def hostile_event(root: Path) -> None:
    """Three stories whose every sentence carries markup (so the briefing must print
    some), with hostile titles, outlets and addresses."""
    files = {}
    for n in range(3):
        # (each title agrees with the story, as a title must to be the briefing's)
        front = {"title": f"{INJECTIONS[n + 3]} Springfield budget {INJECTIONS[n]} "
                          f"{INJECTIONS[0]}", "source": INJECTIONS[n + 5],
                 "url": ["javascript:alert(1)", "data:text/html,<script>x</script>",
                         'https://ok.example/a"onmouseover="x'][n],
                 "published": f"2023-09-1{n}"}
        header = "".join(f"{key}: {json.dumps(value)}\n" for key, value in front.items())
        files[f"{n}.md"] = f"---\n{header}---\n{HOSTILE_STORY}\n"
    write_event(root, "hostile", files)


def test_injections_render_inert_in_html_markdown_and_atom(tmp_path):
    from tests.test_outputs import _commonmark

    hostile_event(tmp_path / "in")
    out = tmp_path / "out"
    report = run(CONFIG, tmp_path / "in", out, now=FIRST)
    assert report.written == ["hostile"]
    data = json.loads((out / "hostile.json").read_text(encoding="utf-8"))
    assert any("<" in s["text"] for s in data["sentences"])  # the attack is printed
    allowed = {"", "index.html", "index.xml", "hostile.html", "https://ok.example/a%22onmouseover=%22x"}
    for name in ("hostile.html", "index.html"):
        page = Page((out / name).read_text(encoding="utf-8"))
        tags = {tag for tag, _ in page.tags}
        assert not tags & {"script", "img", "iframe", "object", "embed"}, name
        assert "svg" not in tags or name == "hostile.html"  # only the coverage strip
        for tag, attributes in page.tags:
            assert not [a for a in attributes if a.startswith("on")], (name, tag, attributes)
        for link in page.links():
            assert link.startswith("#source-") or link in allowed, (name, link)
        assert "alert(1)" in " ".join(page.text)  # shown as text
    tags, _ = _commonmark((out / "hostile.md").read_text(encoding="utf-8"))
    assert not tags & {"script", "img", "iframe", "svg"}
    feed = ET.parse(out / "index.xml").getroot()  # well-formed despite "]]>" and quotes
    for entry in feed.iter(f"{ATOM}entry"):
        content = Page(entry.findtext(f"{ATOM}content"))
        assert {tag for tag, _ in content.tags} <= {"p", "ul", "li"}
        assert "<script>" in entry.findtext(f"{ATOM}title")  # text, escaped in the XML


CONTROLS = ["\v", "\x0c", "\x1b[31m", "\x1b]0;pwned\x07", "\x01", "\x7f", "\x85", "\x9b",
            "\ufffe", "\uffff", "\U0001ffff", "\ufdd0", "\u2028", "\udfff"]


def test_index_xml_is_well_formed_and_no_output_holds_a_control_character(tmp_path):
    """Issue 35: one "\\v", "\\x1b", "\\x01" or U+FFFF in a title made index.xml not
    well-formed for every event; they passed into .md and .html too ("\\x1b[31m" coloured
    a terminal that printed the file)."""
    for n, control in enumerate(CONTROLS):
        entry = {"title": f"City budget{control}passes after a long debate",
                 "outlet": f"Daily{control}News",
                 "text": STORY.replace("debate.", f"debate{control}here."),
                 "published": "2023-09-12"}
        write_event(tmp_path / "in", f"event-{n:02d}", {"feed.json": json.dumps([entry])})
    out = tmp_path / "out"
    report = run(CONFIG, tmp_path / "in", out, now=FIRST)
    assert len(report.written) == len(CONTROLS)
    ET.parse(out / "index.xml")
    texts = [p.read_text(encoding="utf-8") for p in out.iterdir() if p.is_file()]
    for control in CONTROLS[:-1]:
        assert not any(control in text for text in texts), repr(control)
    titles = {e.findtext(f"{ATOM}title") for e in ET.parse(out / "index.xml").iter(
        f"{ATOM}entry")}
    assert titles == {f"City budget{shown}passes after a long debate"
                      for shown in ("", " ", "[31m", "]0;pwned", "\ufffd")}


def test_a_tampered_index_record_cannot_break_the_feed(tmp_path):
    budget_event(tmp_path / "in")
    out = tmp_path / "out"
    run(CONFIG, tmp_path / "in", out, now=FIRST)
    state = json.loads((out / ".state.json").read_text(encoding="utf-8"))
    state["events"]["city-budget"]["index"]["title"] = "Budget\x0b\x1b[2J\uffff"
    (out / ".state.json").write_text(json.dumps(state), encoding="utf-8")
    budget_event(tmp_path / "in", "another-budget")
    run(CONFIG, tmp_path / "in", out, now=SECOND)
    titles = {e.findtext(f"{ATOM}title") for e in ET.parse(out / "index.xml").iter(
        f"{ATOM}entry")}
    assert "Budget [2J" in titles
