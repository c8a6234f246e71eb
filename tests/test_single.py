"""One article file or standard input as the whole input (issue 34): one event."""

import json
import subprocess
import sys

import pytest

from summarize.inputs.single import input_kind
from tests.conftest import ROOT, SEED_EVENT, summarize

ARTICLE = SEED_EVENT / "003_e4242199572dbd7e.txt"


@pytest.mark.parametrize(("start", "kind"), [
    ('{"text": "One."}\n{"text": "Two."}\n', ".jsonl"),
    ('{\n  "articles": [{"text": "One."}]\n}\n', ".json"),
    ('\ufeff[{"text": "One."}]', ".json"),
    ('<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', ".rss"),
    ('<?xml version="1.0"?><!-- a feed --><feed xmlns="http://www.w3.org/2005/Atom"/>', ".rss"),
    ("<!doctype html><html><body><p>Story.</p></body></html>", ".html"),
    ("---\ntitle: A story\n---\nThe story.\n", ".md"),
    ("Harbour bridge to close\nThe council voted on Tuesday.\n", ".txt"),
])
def test_what_standard_input_holds_is_told_by_how_it_starts(start, kind):
    assert input_kind(start.encode()) == kind


def stdin_run(data: bytes, *args: str, cwd) -> subprocess.CompletedProcess[bytes]:
    """`… | summarize run --input - ARGS` in a fresh process."""
    import os

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "summarize", "run", "--input", "-", *args],
                          input=data, cwd=cwd, env=env, capture_output=True, timeout=300)


def test_an_article_piped_in_gets_a_briefing(tmp_path):
    result = stdin_run(ARTICLE.read_bytes(), "--output", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    briefing = (tmp_path / "out" / "stdin.md").read_text()
    assert briefing.startswith("# North Korea’s Kim vows full support for Putin’s")
    assert json.loads((tmp_path / "out" / "stdin.json").read_text())["sources"][0]["path"] \
        == "stdin"


def test_a_json_lines_feed_piped_in_is_one_event_or_grouped(tmp_path):
    lines = [{"id": f"s{n}", "outlet": outlet, "text": (SEED_EVENT / name).read_text()}
             for n, (outlet, name) in enumerate([("AP", "000_fc8c981585371f72.txt"),
                                                 ("Post", "003_e4242199572dbd7e.txt")])]
    feed = ("\n".join(json.dumps(line) for line in lines) + "\nnot json\n").encode()
    result = stdin_run(feed, "--output", "one", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "one" / "stdin.json").read_text())
    assert data["articles"] == 2
    assert result.stderr.decode().count("stdin#3: skipped: not valid JSON") == 1
    grouped = stdin_run(feed, "--group", "--output", "grouped", cwd=tmp_path)
    assert grouped.returncode == 0, grouped.stderr
    assert "1 event: 1 written" in grouped.stderr.decode()


def test_an_empty_input_exits_2_whatever_the_mode(tmp_path):
    """Issue 34: an empty --group input ran nothing and exited 0 in silence."""
    (tmp_path / "empty").mkdir()
    nothing = stdin_run(b"", "--output", "out", cwd=tmp_path)
    assert nothing.returncode == 2
    assert nothing.stderr.decode().strip() == (
        "summarize: error: standard input: no article to summarize (stdin: empty article)")
    assert stdin_run(b"  \n", "--group", "--output", "out", cwd=tmp_path).returncode == 2
    grouped = summarize("run", "--group", "--input", str(tmp_path / "empty"), "--output",
                        str(tmp_path / "out"))
    assert grouped.returncode == 2
    assert grouped.stderr.strip() == (
        f"summarize: error: no article to group in {tmp_path / 'empty'}")
    listed = summarize("group", str(tmp_path / "empty"))
    assert listed.returncode == 2 and "no article to group" in listed.stderr
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    one = summarize("run", "--input", str(tmp_path / "notes.pdf"), "--output",
                    str(tmp_path / "out"))
    assert one.returncode == 2 and "notes.pdf: no article to summarize (notes.pdf: not an " \
        "article" in one.stderr


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour bridge to close for two years | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<link rel="canonical" href="https://gazette.example/bridge">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour bridge to close for two years</h1>
<p>The city council voted on Tuesday to close the old harbour bridge for two years of
repairs, the mayor said after the meeting.</p>
<p>Engineers found cracks in three of its steel supports during an inspection in August,
according to a report the council published on Monday.</p>
<p>Ferries will carry commuters across the harbour while the bridge is closed, and fares
will stay at two dollars, the transport department said.</p>
<p>Shop owners near the bridge said they feared losing customers during the closure, which
is expected to start in November.</p>
</article><footer>© 2023 Harbour Gazette</footer></body></html>
"""


def test_one_article_file_is_one_event_named_after_it(tmp_path):
    page = tmp_path / "bridge closure.html"
    page.write_text(PAGE, encoding="utf-8")
    result = summarize("run", "--input", str(page), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "out" / "bridge-closure.json").read_text())
    assert data["title"] == "Harbour bridge to close for two years"
    assert data["sources"][0]["outlet"] == "Harbour Gazette"
    again = summarize("run", "--input", str(page), "--output", str(tmp_path / "out"))
    assert "1 event: 0 written, 1 unchanged" in again.stderr
