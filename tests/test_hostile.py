"""A hostile corpus (issue 15), built here rather than committed: the files a scraper, a
careless user or an attacker leaves in an input folder. One run over it must end in time,
without a traceback or an "internal error", within bounded memory, account for every
file in the run report or a briefing, and lose no event to one bad file."""

from __future__ import annotations

import gzip
import json
import os
import resource
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from tests import redteam
from tests.conftest import ROOT, SEED_EVENT, summarize

SEED_TEXTS = sorted(p.read_text(encoding="utf-8") for p in SEED_EVENT.iterdir())
STORY = ("The city council approved the new transport budget on Monday after a long debate. "
         "The plan adds three bus lines and repairs the old tram bridge over the river. "
         "Opponents said the fares would rise too fast for families on low incomes. ")


def hostile_files(number: int) -> dict[str, bytes | str]:
    """Eight files for event `number`: good articles beside two kinds of trouble."""
    good = {f"good{i}.txt": SEED_TEXTS[(number + i) % len(SEED_TEXTS)] for i in range(5)}
    bomb = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    bomb += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    bad = {
        "month13.md": "---\npublished: 2023-13-45\n---\n" + STORY,
        "tagged.md": "---\npublished: !!timestamp 2023-99-99\nid: !!int x\n---\n" + STORY,
        "deep.md": "---\ntitle: " + "[" * 3000 + "\n---\n" + STORY,
        "bomb.md": "---\n" + "\n".join(bomb) + "\npublished: *a9\n---\n" + STORY,
        "empty.txt": "",
        "binary.txt": bytes(range(256)) * 20,
        "huge.txt": "word " * 300_000,  # over the run's max_article_bytes below
        "dots.txt": "....\n",
        "feed.jsonl": json.dumps({"text": STORY, "title": "Budget"}) + "\nnot json\n"
                      + "[" * 5000 + "\n" + json.dumps({"text": 5}) + "\n",
        "page.html": f"<html><head><title>Budget</title></head><body><article><p>{STORY}"
                     "</p></article></body></html>",
        "bomb.html.gz": gzip.compress(b"<p>" + b"a" * 3_000_000 + b"</p>"),
        "utf32.txt": STORY.encode("utf-32"),
        "scripts.md": "---\ntitle: <script>alert(1)</script> {{ 7*7 }}\nurl: javascript:x\n---\n"
                      + STORY + " See [here](javascript:alert(1)) ![x](http://e/x.png) {% raw %}",
        "notes.pdf": b"%PDF-1.4 binary",
    }
    kind = list(bad)[number % len(bad)]
    second = list(bad)[(number * 7 + 3) % len(bad)]
    return {**good, kind: bad[kind], second: bad[second],
            "bidi.md": "---\ntitle: Invoice \u202egpj.exe\n---\n" + STORY}


def build(root: Path) -> int:
    """The corpus: 25 events of 7 or 8 files, special files and names, stray files."""
    files = 0
    for number in range(25):
        folder = root / f"event-{number:02d}"
        folder.mkdir(parents=True)
        for name, content in hostile_files(number).items():
            path = folder / name
            path.write_bytes(content if isinstance(content, bytes) else content.encode())
            files += 1
    special = root / "event-00"
    os.mkfifo(special / "pipe.txt")
    (special / "dangling.txt").symlink_to(root / "nowhere.txt")
    (special / "loop.txt").symlink_to(special / "loop.txt")
    (special / "outside.txt").symlink_to(ROOT / "README.md")
    (special / os.fsdecode(b"caf\xe9.txt")).write_text(STORY)
    (special / "folder-inside").mkdir()
    files += 6
    for name in ("run-report", "bad name!", "!!!", "...", "..foo", ".hidden-event",
                 "only-dots"):
        folder = root / name
        folder.mkdir()
        (folder / "a.txt").write_text("....\n" if name == "only-dots" else STORY)
        files += 1
    (root / "stray.txt").write_text(STORY)
    files += 1
    return files


def test_a_hostile_corpus_costs_nothing_but_the_bad_files(tmp_path):
    corpus, out = tmp_path / "in", tmp_path / "out"
    files = build(corpus)
    assert files >= 200
    config = tmp_path / "limits.yaml"
    config.write_text("limits:\n  max_article_bytes: 1000000\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = subprocess.run([sys.executable, "-m", "summarize", "run", "--input", str(corpus),
                             "--output", str(out), "--config", str(config), "--jobs", "2"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr  # the badly named events fail, nothing else
    report = json.loads((out / "run-report.json").read_text(encoding="utf-8"))
    failed = {f["event"]: f["reason"] for f in report["events"]["failed"]}
    assert set(failed) == {"run-report", "!!!", "only-dots"}, failed
    assert not any("internal error" in reason for reason in failed.values())
    assert sorted(report["events"]["written"]) == ["bad-name"] + [f"event-{n:02d}"
                                                                  for n in range(25)]
    assert max(before, peak_kib) < 1_500_000, "peak memory of a worker over 1.5 GB"

    # every file is accounted for: cited or listed in a briefing, skipped with a reason,
    # or inside an event that failed with its reason
    accounted = {s["path"].split("#")[0] for s in report["articles_skipped"]}
    for briefing in out.glob("*.json"):
        if briefing.name == "run-report.json" or briefing.name.startswith("."):
            continue
        data = json.loads(briefing.read_text(encoding="utf-8"))
        for source in data["sources"] + data["also_covered"]:
            accounted.add(source["path"].split("#")[0])
    for path in corpus.rglob("*"):
        relative = path.relative_to(corpus).as_posix().encode("utf-8", "surrogateescape")
        name = relative.decode("utf-8", "replace")
        top = name.split("/")[0]
        if path.is_dir() and not path.is_symlink() and "/" not in name:
            continue  # an event folder: its files are checked one by one
        if top in failed or top.startswith("."):
            continue  # reported as a failed event, or as a hidden folder (below)
        assert name in accounted or name + "/" in accounted, name
    assert ".hidden-event/" in accounted and "..foo/" in accounted and "stray.txt" in accounted

    # nothing written from article text is live markup
    for briefing in out.glob("event-*.md"):
        text = briefing.read_text(encoding="utf-8")
        assert "<script>" not in text and "](javascript:" not in text and "{{" not in text
        assert "\u202e" not in text


# -- the second red team (issue 35): tests/redteam.py ---------------------------------------

def test_no_hostile_file_stops_a_run_or_costs_its_event(tmp_path):
    """Each hostile file in an event folder beside good articles: the run ends with its
    report, and every event is written (its good articles at least); the same files as one
    stream, with --group and `summarize group`: the same."""
    redteam.write_corpus(tmp_path / "in")
    events = sorted(p.name for p in (tmp_path / "in" / "events").iterdir())
    result = summarize("run", "--input", str(tmp_path / "in" / "events"), "--output",
                       str(tmp_path / "out"), "--jobs", "2")
    assert "Traceback" not in result.stderr and result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "out" / "run-report.json").read_text(encoding="utf-8"))
    assert sorted(report["events"]["written"]) == events
    assert not [s for s in report["articles_skipped"] if "internal error" in s["reason"]]
    ET.parse(tmp_path / "out" / "index.xml")  # well-formed whatever the titles held
    for written in (tmp_path / "out").iterdir():
        text = written.read_text(encoding="utf-8") if written.is_file() else ""
        assert not {"\x1b", "\x0b", "\x01", "\uffff"} & set(text), written.name

    result = summarize("run", "--group", "--input", str(tmp_path / "in" / "stream"),
                       "--output", str(tmp_path / "grouped"))
    assert "Traceback" not in result.stderr and result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "grouped" / "run-report.json").read_text(encoding="utf-8"))
    assert report["events"]["written"] and not report["events"]["failed"]

    result = summarize("group", str(tmp_path / "in" / "stream"))
    assert "Traceback" not in result.stderr and result.returncode == 0, result.stderr
