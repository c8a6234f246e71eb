"""Scheduled batch runs: parallel, incremental, crash-safe, locked, and safe with bad input.

Fault injection: SIGKILL in mid-run, two concurrent runs, an unwritable output folder and a
full disk (a failing write); a bad-input corpus generated here.
"""

import errno
import fcntl
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from summarize.config import load_config
from summarize.errors import ConfigError, OutputError, RenderError
from summarize.runs import executors, files, lock
from summarize.runs import run as batch
from summarize.runs import state as saved_state
from summarize.runs.settings import PACKAGES, ConfigFile, versions
from tests import redteam
from tests.conftest import ROOT, fresh_python, summarize, write_event

TOPICS = ["flood", "election", "harvest", "strike", "storm", "court", "bridge", "vaccine"]


def story(topic: str, number: int, sentences: int = 12) -> str:
    lines = [f"Officials in the {topic} district number {number} said on Monday that the "
             f"{topic} response had entered its phase {i} after a long week of planning."
             for i in range(sentences)]
    lines.append(f"Residents said the {topic} crisis had changed the town for good.")
    return " ".join(lines) + "\n"


def make_corpus(root: Path, events: int = 6, articles: int = 3) -> Path:
    for e in range(events):
        topic = TOPICS[e % len(TOPICS)]
        write_event(root, f"event-{e:02d}",
                    {f"{a}.txt": story(topic, e * 10 + a) for a in range(articles)})
    return root


def briefings(folder: Path) -> dict[str, bytes]:
    """Every briefing file (not the report, not the hidden state and lock files)."""
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.md")) + sorted(
        folder.glob("*.json")) if p.name != batch.REPORT_FILE and not p.name.startswith(".")}


def report(folder: Path) -> dict:
    return json.loads((folder / batch.REPORT_FILE).read_text(encoding="utf-8"))


def temporaries(folder: Path) -> list[Path]:
    return list(folder.glob(".*.tmp"))


def test_parallel_output_is_byte_identical_to_serial(tmp_path):
    corpus = make_corpus(tmp_path / "in")
    summarize("run", "--input", str(corpus), "--output", str(tmp_path / "serial"), "--jobs", "1",
              check=True)
    summarize("run", "--input", str(corpus), "--output", str(tmp_path / "parallel"), "--jobs",
              "2", check=True)
    serial = briefings(tmp_path / "serial")
    assert len(serial) == 12
    assert briefings(tmp_path / "parallel") == serial


def test_unchanged_events_are_skipped_and_a_changed_one_rebuilt(tmp_path):
    corpus = make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    first = summarize("run", "--input", str(corpus), "--output", str(out), check=True)
    assert "6 written, 0 unchanged" in first.stderr
    before = briefings(out)

    again = summarize("run", "--input", str(corpus), "--output", str(out), check=True)
    assert "0 written, 6 unchanged" in again.stderr
    assert briefings(out) == before

    with (corpus / "event-03" / "1.txt").open("a", encoding="utf-8") as article:
        article.write("Engineers said the new levee would be finished by the end of May.\n")
    changed = summarize("run", "--input", str(corpus), "--output", str(out), check=True)
    assert report(out)["events"]["written"] == ["event-03"]
    assert len(report(out)["events"]["unchanged"]) == 5
    assert "1 written, 5 unchanged" in changed.stderr

    forced = summarize("run", "--input", str(corpus), "--output", str(out), "--force", check=True)
    assert "6 written, 0 unchanged" in forced.stderr


def test_a_run_with_nothing_to_build_imports_no_numerical_code_and_keeps_the_state(tmp_path):
    """Cron starts a run every hour and most find nothing new: such a run fingerprints the
    files, takes its config's settings from the last run's record instead of validating
    it, pays for no numpy, scipy, pipeline or pydantic import (0.5 s), and rewrites (and
    flushes) nothing but its report."""
    corpus = make_corpus(tmp_path / "in", events=2)
    # Files old enough for their listing to be trusted by both runs: otherwise, on a busy
    # machine, the second run may be the first to trust them, and records their listing.
    time.sleep(saved_state.RACY_NANOSECONDS / 1e9 + 0.1)
    out = tmp_path / "out"
    summarize("run", "--input", str(corpus), "--output", str(out), check=True)
    state = (out / batch.STATE_FILE).stat()
    probe = ("import sys\n"
             "from summarize.cli import main\n"
             f"sys.argv = ['summarize', 'run', '-q', '--input', {str(corpus)!r}, "
             f"'--output', {str(out)!r}]\n"
             "try:\n    main()\nexcept SystemExit as stop:\n    assert not stop.code\n"
             "print(sorted(m for m in ('numpy', 'scipy', 'summarize.pipeline', 'pydantic', "
             "'importlib.metadata') if m in sys.modules))\n")
    imported = fresh_python(probe)
    assert report(out)["events"]["unchanged"] == ["event-00", "event-01"]
    assert imported == "[]"
    after = (out / batch.STATE_FILE).stat()
    assert (after.st_ino, after.st_mtime_ns) == (state.st_ino, state.st_mtime_ns)


def test_an_unchanged_event_is_not_read_again_and_an_edit_that_keeps_its_times_is_seen(
        tmp_path, monkeypatch):
    """An hourly run over an archive that keeps growing must not read every byte of it
    every hour: a file whose size, inode and times are those recorded is not read again
    (as git and make decide). An edit that puts the old modification time back still moves
    the change time, which no user can set, so it is rebuilt."""
    monkeypatch.setattr(saved_state, "RACY_NANOSECONDS", 0)  # the files were written just now
    corpus = make_corpus(tmp_path / "in", events=2, articles=2)
    out = tmp_path / "out"
    config = load_config(None)
    assert sorted(batch.run(config, corpus, out, jobs=1).written) == ["event-00", "event-01"]
    real_digest = saved_state._content_digest

    def no_reading(folder):
        raise AssertionError(f"{folder} was read")

    monkeypatch.setattr(saved_state, "_content_digest", no_reading)
    assert batch.run(config, corpus, out, jobs=1).unchanged == ["event-00", "event-01"]

    article = corpus / "event-01" / "1.txt"
    times = article.stat()
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Residents", "Townsfolk"), encoding="utf-8")
    os.utime(article, ns=(times.st_atime_ns, times.st_mtime_ns))
    assert article.stat().st_size == times.st_size
    monkeypatch.setattr(saved_state, "_content_digest", real_digest)
    again = batch.run(config, corpus, out, jobs=1)
    assert (again.written, again.unchanged) == (["event-01"], ["event-00"])


def test_files_changed_in_the_last_seconds_are_read_again_next_run(tmp_path, monkeypatch):
    """A file written within the file system's time resolution of being read may change
    again without its times moving: its event's listing is not recorded, so the next run
    reads the bytes (git's racily clean entries)."""
    corpus = make_corpus(tmp_path / "in", events=1, articles=2)
    out = tmp_path / "out"
    config = load_config(None)
    batch.run(config, corpus, out, jobs=1)
    state = json.loads((out / batch.STATE_FILE).read_text(encoding="utf-8"))["events"]
    assert "listing" not in state["event-00"] and "content" in state["event-00"]
    read = []
    real_digest = saved_state._content_digest
    monkeypatch.setattr(saved_state, "_content_digest", lambda f: read.append(f) or real_digest(f))
    assert batch.run(config, corpus, out, jobs=1).unchanged == ["event-00"]
    assert read == [corpus / "event-00"]


def test_a_config_change_rebuilds_every_event(tmp_path):
    corpus = make_corpus(tmp_path / "in", events=2)
    out = tmp_path / "out"
    summarize("run", "--input", str(corpus), "--output", str(out), check=True)
    result = summarize("run", "--input", str(corpus), "--output", str(out),
                       "--set", "budget.words=60", check=True)
    assert "2 written, 0 unchanged" in result.stderr


def test_the_settings_kept_for_the_next_run_follow_the_config_file(tmp_path):
    """A run that takes its settings from the last run's record (instead of validating its
    config) must see every change: in the file, the overrides, the template; and a record
    that is damaged or made for another config is never used."""
    corpus = make_corpus(tmp_path / "in", events=2)
    out = tmp_path / "out"
    config_path = tmp_path / "config.yaml"
    config_path.write_text("output:\n  formats: [markdown, json]\n", encoding="utf-8")
    config = ConfigFile(config_path)
    assert sorted(batch.run(config, corpus, out, jobs=1).written) == ["event-00", "event-01"]
    record = json.loads((out / batch.SETTINGS_FILE).read_text(encoding="utf-8"))
    assert record["effective"]["output"]["formats"] == ["markdown", "json"]
    assert batch.run(config, corpus, out, jobs=1).unchanged == ["event-00", "event-01"]

    config_path.write_text("output:\n  formats: [markdown, jsn]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="jsn"):
        batch.run(config, corpus, out, jobs=1)
    config_path.write_text("output:\n  formats: [markdown, json, html]\n", encoding="utf-8")
    assert len(batch.run(config, corpus, out, jobs=1).written) == 2
    assert (out / "event-00.html").is_file() and (out / "index.html").is_file()

    with_override = ConfigFile(config_path, ("budget.words=60",))
    assert len(batch.run(with_override, corpus, out, jobs=1).written) == 2
    # and back (had the override's record been taken for the file's, nothing was rebuilt)
    assert len(batch.run(config, corpus, out, jobs=1).written) == 2

    (out / batch.SETTINGS_FILE).write_text('{"key": "', encoding="utf-8")  # damaged
    assert len(batch.run(config, corpus, out, jobs=1).unchanged) == 2
    assert json.loads((out / batch.SETTINGS_FILE).read_text(encoding="utf-8"))["key"] == \
        config.key()

    template = tmp_path / "briefing.md.j2"
    template.write_text("# {{ briefing.title }}\n", encoding="utf-8")
    config_path.write_text(f"output:\n  template: {template}\n", encoding="utf-8")
    assert len(batch.run(config, corpus, out, jobs=1).written) == 2
    assert batch.run(config, corpus, out, jobs=1).unchanged == ["event-00", "event-01"]
    template.write_text("# {{ briefing.title }}!\n", encoding="utf-8")
    assert len(batch.run(config, corpus, out, jobs=1).written) == 2
    assert (out / "event-00.md").read_text(encoding="utf-8").rstrip().endswith("!")
    template.unlink()
    before = briefings(out)
    with pytest.raises(RenderError, match="template: file not found"):
        batch.run(config, corpus, out, jobs=1)
    assert briefings(out) == before


def test_versions_are_the_installed_ones():
    """The run report and the code's fingerprint read versions from the .dist-info folders'
    names (importlib.metadata costs a run with nothing to build 30 ms of imports)."""
    from importlib import metadata

    for package in PACKAGES:
        assert versions()[package] == metadata.version(package)


def test_a_vanished_event_keeps_its_briefing_unless_pruned(tmp_path):
    corpus = make_corpus(tmp_path / "in", events=3)
    out = tmp_path / "out"
    summarize("run", "--input", str(corpus), "--output", str(out), check=True)
    for path in (corpus / "event-01").iterdir():
        path.unlink()
    (corpus / "event-01").rmdir()
    summarize("run", "--input", str(corpus), "--output", str(out), check=True)
    assert (out / "event-01.md").is_file()
    summarize("run", "--input", str(corpus), "--output", str(out), "--prune", check=True)
    assert not (out / "event-01.md").exists() and not (out / "event-01.json").exists()
    assert report(out)["events"]["pruned"] == ["event-01"]
    assert (out / "event-00.md").is_file()


def processes_marked(marker: str) -> list[int]:
    """Processes whose environment holds `marker` (Linux /proc): a run and all it started."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and marker.encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:  # ended meanwhile, or not ours
            continue
    return found


def start_marked_run(corpus: Path, out: Path, marker: str, *extra: str,
                     **popen) -> tuple[subprocess.Popen, str]:
    """`summarize run --jobs 2` in a fresh process whose environment carries `marker`, so
    that `processes_marked` finds it and every process it starts. SIGINT is reset to its
    default, as from a terminal (a test runner started in the background ignores it, and
    its children would inherit that)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SUMMARIZE_TEST_RUN": marker}
    popen = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, **popen}
    process = subprocess.Popen([sys.executable, "-m", "summarize", "run", "--input",
                                str(corpus), "--output", str(out), "--jobs", "2", *extra],
                               cwd=ROOT, env=env,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
                               **popen)
    return process, f"SUMMARIZE_TEST_RUN={marker}"


def wait_for_first_briefing(out: Path) -> None:
    deadline = time.monotonic() + 60
    while not list(out.glob("*.md")) and time.monotonic() < deadline:
        time.sleep(0.01)


def wait_until_gone(marker: str) -> list[int]:
    """The processes still marked once they had 10 s to end (workers notice a killed run
    within a poll interval, at once with a pidfd)."""
    deadline = time.monotonic() + 10
    while processes_marked(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    return processes_marked(marker)


def test_sigkill_in_mid_run_leaves_complete_files_and_the_rerun_finishes(tmp_path):
    corpus = make_corpus(tmp_path / "in", events=40, articles=4)
    out = tmp_path / "out"
    process, marker = start_marked_run(corpus, out, str(tmp_path))
    wait_for_first_briefing(out)
    assert len(processes_marked(marker)) > 2, "the run had started its workers"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert wait_until_gone(marker) == [], "workers outlived the killed run"
    for path in out.glob("*.json"):
        if path.name != batch.REPORT_FILE:
            json.loads(path.read_text(encoding="utf-8"))  # complete, never half-written
    written_before = len(list(out.glob("*.md")))
    assert written_before < 40, "the run was killed before it finished"

    rerun = summarize("run", "--input", str(corpus), "--output", str(out))
    assert rerun.returncode == 0, rerun.stderr
    assert temporaries(out) == []
    assert len(report(out)["events"]["written"]) + len(report(out)["events"]["unchanged"]) == 40
    clean = tmp_path / "clean"
    summarize("run", "--input", str(corpus), "--output", str(clean), "--jobs", "1", check=True)
    assert briefings(out) == briefings(clean)


def hold_lock(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(folder / lock.LOCK_FILE, os.O_RDWR | os.O_CREAT)
    fcntl.flock(descriptor, fcntl.LOCK_EX)
    os.pwrite(descriptor, b"4242\n", 0)
    return descriptor


def test_a_second_concurrent_run_exits_75_at_once(tmp_path):
    corpus = make_corpus(tmp_path / "in", events=1)
    out = tmp_path / "out"
    descriptor = hold_lock(out)
    try:
        started = time.monotonic()
        result = summarize("run", "--input", str(corpus), "--output", str(out))
        assert result.returncode == 75
        assert time.monotonic() - started < 30
        assert "another run is writing to" in result.stderr and "pid 4242" in result.stderr
        assert not list(out.glob("*.md"))
    finally:
        os.close(descriptor)


def test_wait_runs_once_the_other_run_is_done(tmp_path):
    corpus = make_corpus(tmp_path / "in", events=1)
    out = tmp_path / "out"
    descriptor = hold_lock(out)
    threading.Timer(1.0, os.close, args=(descriptor,)).start()
    result = summarize("run", "--input", str(corpus), "--output", str(out), "--wait")
    assert result.returncode == 0, result.stderr
    assert (out / "event-00.md").is_file()


def test_a_lock_file_left_by_a_killed_run_does_not_block(tmp_path):
    corpus = make_corpus(tmp_path / "in", events=1)
    out = tmp_path / "out"
    out.mkdir()
    (out / lock.LOCK_FILE).write_text("999999\n")  # its process is gone, no flock held
    assert summarize("run", "--input", str(corpus), "--output", str(out)).returncode == 0


def test_an_output_folder_that_cannot_be_created_is_a_clear_error(tmp_path):
    corpus = make_corpus(tmp_path / "in", events=1)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = summarize("run", "--input", str(corpus), "--output", str(blocker / "out"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"summarize: error: cannot create the output folder {blocker / 'out'}: Not a directory"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_is_a_clear_error(tmp_path):
    corpus = make_corpus(tmp_path / "in", events=1)
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o500)
    try:
        result = summarize("run", "--input", str(corpus), "--output", str(out))
        assert result.returncode == 2
        assert "cannot write to the output folder" in result.stderr
    finally:
        out.chmod(0o700)


def test_a_full_disk_fails_that_event_keeps_its_old_briefing_and_the_others_go_on(
        tmp_path, monkeypatch):
    corpus = make_corpus(tmp_path / "in", events=3)
    out = tmp_path / "out"
    config = load_config(None)
    batch.run(config, corpus, out, jobs=1)
    old = (out / "event-01.md").read_bytes()
    with (corpus / "event-01" / "0.txt").open("a", encoding="utf-8") as article:
        article.write("A new paragraph says the storm moved north overnight.\n")
    with (corpus / "event-02" / "0.txt").open("a", encoding="utf-8") as article:
        article.write("A new paragraph says the court adjourned until Friday.\n")
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        if "event-01" in os.readlink(f"/proc/self/fd/{descriptor}"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    result = batch.run(config, corpus, out, jobs=1)
    assert result.exit_code == 1
    assert result.failed == [("event-01", "cannot write its briefing: No space left on device")]
    assert result.written == ["event-02"]
    assert (out / "event-01.md").read_bytes() == old
    assert temporaries(out) == []


def test_a_template_error_stops_the_run_before_anything_is_written(tmp_path):
    corpus = make_corpus(tmp_path / "in", events=2)
    template = tmp_path / "broken.md.j2"
    template.write_text("# {{ briefing.title }}\n{{ briefing.no_such_field }}\n")
    out = tmp_path / "out"
    result = summarize("run", "--input", str(corpus), "--output", str(out),
                       "--set", f"output.template={template}")
    assert result.returncode == 2
    assert "no_such_field" in result.stderr
    assert not out.exists() or not list(out.iterdir())


BOILERPLATE_ONLY = "Advertisement\nSubscribe to our newsletter\nShare this article\n"


def test_bad_input_corpus_reports_every_skipped_file_and_writes_the_good_events(tmp_path):
    root = tmp_path / "in"
    good = story("harvest", 1)
    write_event(root, "good", {"a.txt": good, "b.md": "---\ntitle: Harvest\n---\n\n" + good})
    write_event(root, "mixed", {
        "empty.txt": "",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "huge.txt": "word " * 2_000,
        "boilerplate.txt": BOILERPLATE_ONLY,
        "notes.pdf": b"%PDF-1.4",
        "utf16.txt": story("storm", 2).encode("utf-16"),
        "latin.txt": story("strike", 3).replace("said", "said caf\u00e9").encode("cp1252"),
    })
    write_event(root, "all-bad", {"empty.txt": "", "binary.txt": b"\x00\x01\x02"})
    write_event(root, "!!!", {"a.txt": good})
    out = tmp_path / "out"
    result = summarize("run", "--input", str(root), "--output", str(out),
                       "--set", "limits.max_article_bytes=5000")
    assert result.returncode == 1
    data = report(out)
    assert data["events"]["written"] == ["good", "mixed"]
    assert {f["event"] for f in data["events"]["failed"]} == {"all-bad", "!!!"}
    skipped = {s["path"]: s["reason"] for s in data["articles_skipped"]}
    for name in ("empty.txt", "binary.txt", "huge.txt", "boilerplate.txt", "notes.pdf"):
        assert f"mixed/{name}" in skipped, name
    assert "no sentences after cleaning" in skipped["mixed/boilerplate.txt"]
    sources = json.loads((out / "mixed.json").read_text(encoding="utf-8"))["sources"]
    assert {"mixed/utf16.txt", "mixed/latin.txt"} <= {s["path"] for s in sources}
    assert data["articles_decoded"] == [{"path": "mixed/latin.txt", "encoding": "cp1252"},
                                        {"path": "mixed/utf16.txt", "encoding": "utf-16"}]
    assert "failed: all-bad" in result.stderr


def test_the_report_says_what_happened(tmp_path):
    corpus = make_corpus(tmp_path / "in", events=2)
    out = tmp_path / "out"
    summarize("run", "--input", str(corpus), "--output", str(out), check=True)
    data = report(out)
    assert data["events"] == {"written": ["event-00", "event-01"], "unchanged": [],
                              "failed": [], "pruned": []}
    assert data["articles_skipped"] == [] and data["articles_decoded"] == []
    assert {"load", "clean", "rank", "write", "total"} <= set(data["seconds"])
    assert data["versions"]["python"].startswith("3.11")


def test_only_our_own_leftover_temporaries_are_removed(tmp_path):
    ours = [tmp_path / ".event-00.md.k2j3.tmp", tmp_path / ".event-00.json.x9.tmp",
            tmp_path / "..state.json.a1.tmp"]
    theirs = [tmp_path / ".notes.tmp", tmp_path / "draft.md.tmp", tmp_path / "event-00.md"]
    for path in ours + theirs:
        path.write_text("x")
    assert sorted(batch.remove_temporaries(tmp_path)) == sorted(ours)
    assert all(p.exists() for p in theirs)


def test_a_settings_record_holding_what_no_config_gives_stops_the_run(tmp_path):
    """Issue 35: .settings.json's site_url "javascript:alert(1)//" went into every link of
    index.xml, though a config that says it is refused."""
    corpus = make_corpus(tmp_path / "in", events=1, articles=2)
    out = tmp_path / "out"
    config_path = tmp_path / "config.yaml"
    config_path.write_text("output:\n  site_url: https://example.org/news\n", encoding="utf-8")
    config = ConfigFile(config_path)
    batch.run(config, corpus, out, jobs=1)
    record = json.loads((out / batch.SETTINGS_FILE).read_text(encoding="utf-8"))
    assert record["effective"]["output"]["site_url"] == "https://example.org/news/"
    before = (out / "index.xml").read_bytes()
    for key, value, problem in [
            ("site_url", "javascript:alert(1)//", "output.site_url: expected an http(s) "
                                                  "address such as https://example.org/"),
            ("site_url", "https://example.org/news", "output.site_url: expected "
                                                     "'https://example.org/news/'"),
            ("formats", ["markdown", "exe"], "output.formats: expected some of markdown, "
                                             "json, html"),
            ("formats", [], "output.formats: expected some of"),
            ("template", 5, "output.template: expected a string, found an integer"),
            (None, "sh -c x", "executor: expected one of local, dask")]:
        tampered = json.loads(json.dumps(record))
        if key is None:
            tampered["executor"] = value
        else:
            tampered["effective"]["output"][key] = value
        (out / batch.SETTINGS_FILE).write_text(json.dumps(tampered), encoding="utf-8")
        with pytest.raises(OutputError) as error:
            batch.run(config, corpus, out, jobs=1, force=True)
        assert str(error.value).startswith(
            f"{out / batch.SETTINGS_FILE} is damaged ({problem}"), error.value
        assert str(error.value).endswith("; delete it: the next run writes it again from "
                                         "the config")
    assert (out / "index.xml").read_bytes() == before


def test_pruning_never_leaves_the_output_folder(tmp_path):
    """Issue 15: a state entry "../victim" made --prune delete a file outside the output.
    Issue 35: such a state is damaged, and stops the run before anything is removed."""
    corpus = make_corpus(tmp_path / "in", events=1, articles=2)
    out = tmp_path / "out"
    batch.run(load_config(None), corpus, out)
    victim = tmp_path / "victim.md"
    victim.write_text("keep me\n")
    state = json.loads((out / batch.STATE_FILE).read_text())
    state["events"]["../victim"] = {"fingerprint": "x"}
    (out / batch.STATE_FILE).write_text(json.dumps(state))
    with pytest.raises(OutputError, match=r"\.state\.json is damaged \(events: '\.\./victim' "
                                          "is not an event name"):
        batch.run(load_config(None), corpus, out, prune=True)
    assert victim.read_text() == "keep me\n"


def test_every_name_and_value_of_the_state_is_checked(tmp_path):
    """Issue 35: a malformed index record in .state.json gave a TypeError or KeyError
    traceback; event names and times went into file names, the index and the feed."""
    corpus = make_corpus(tmp_path / "in", events=1, articles=2)
    out = tmp_path / "out"
    batch.run(load_config(None), corpus, out)
    text = (out / batch.STATE_FILE).read_text(encoding="utf-8")
    refused = []
    for case, tampered in redteam.tampered_states(text).items():
        (out / batch.STATE_FILE).write_bytes(tampered.encode("utf-8", "surrogateescape"))
        with pytest.raises(OutputError) as error:
            saved_state.load_state(out)
        assert str(error.value).startswith(f"{out / batch.STATE_FILE} is damaged ("), case
        refused.append(case)
    assert refused == list(redteam.tampered_states(text))
    # the journal's entries are checked alike (a line cut short by a kill is skipped)
    (out / batch.STATE_FILE).write_text(text, encoding="utf-8")
    for case in ("event named '../victim'", "a title that is a number"):
        events = json.loads(redteam.tampered_states(text)[case])["events"]
        lines = [json.dumps([slug, entry]) for slug, entry in events.items()]
        (out / saved_state.JOURNAL_FILE).write_text("\n" + "\n".join(lines) + '\n["ev',
                                                    encoding="utf-8")
        with pytest.raises(OutputError, match=re.escape(f"{out / saved_state.JOURNAL_FILE} "
                                                        "is damaged (")):
            saved_state.load_state(out)


def test_a_damaged_state_stops_the_run_with_one_line(tmp_path):
    corpus = make_corpus(tmp_path / "in", events=1, articles=2)
    out = tmp_path / "out"
    summarize("run", "--input", str(corpus), "--output", str(out), check=True)
    text = (out / batch.STATE_FILE).read_text(encoding="utf-8")
    (out / batch.STATE_FILE).write_text(
        redteam.tampered_states(text)["a title that is a number"], encoding="utf-8")
    before = briefings(out)
    result = summarize("run", "--input", str(corpus), "--output", str(out), "--force")
    assert result.returncode == 2 and result.stderr == (
        f"summarize: error: {out / batch.STATE_FILE} is damaged (events['event-00'].index."
        "title: expected a string, found an integer); move it away to rebuild every briefing "
        "(what readers are shown as new starts over)\n")
    assert briefings(out) == before


def test_an_event_folder_named_with_250_characters_gets_its_briefing(tmp_path):
    """Issue 35: a legal 250-character folder name failed "File name too long" (the
    temporary file of its briefing took 14 characters more); 251 cannot name
    <slug>.html in 255 bytes, and says so."""
    corpus = make_corpus(tmp_path / "in", events=2, articles=2)
    (corpus / "event-00").rename(corpus / ("a" * 250))
    (corpus / "event-01").rename(corpus / ("b" * 251))
    out = tmp_path / "out"
    result = batch.run(load_config(None), corpus, out)
    assert result.written == ["a" * 250]
    assert result.failed == [("b" * 251, "event folder names may have 250 characters at most "
                                         "(its briefing's files are named after it)")]
    assert sorted(p.suffix for p in out.glob("a*")) == [".html", ".json", ".md"]
    stray = out / f".{'a' * 238}.md.k2j3abcd.tmp"  # what a killed run would leave
    stray.write_text("x")
    assert batch.remove_temporaries(out) == [stray]


def test_an_event_cannot_take_the_run_reports_name(tmp_path):
    """Issue 15: a folder named run-report had its briefing overwritten by the report."""
    corpus = make_corpus(tmp_path / "in", events=1, articles=2)
    (corpus / "event-00").rename(corpus / "run-report")
    make_corpus(tmp_path / "in2", events=1, articles=2)
    (tmp_path / "in2" / "event-00").rename(corpus / "event-00")
    out = tmp_path / "out"
    result = batch.run(load_config(None), corpus, out)
    assert result.written == ["event-00"]
    assert [slug for slug, _ in result.failed] == ["run-report"]
    assert "reserved" in result.failed[0][1]
    assert report(out)["events"]["written"] == ["event-00"]


def test_an_output_folder_inside_the_input_is_not_an_event(tmp_path):
    corpus = make_corpus(tmp_path / "in", events=2, articles=2)
    out = corpus / "briefings"
    batch.run(load_config(None), corpus, out)
    again = batch.run(load_config(None), corpus, out)
    assert sorted(again.unchanged) == ["event-00", "event-01"]
    assert again.written == [] and again.failed == []


def test_an_event_with_no_sentence_to_choose_fails_instead_of_an_empty_briefing(tmp_path):
    """Issue 15: an event whose only article is "...." got a briefing with no sentence."""
    corpus = make_corpus(tmp_path / "in", events=1, articles=2)
    write_event(corpus, "dots", {"a.txt": "....\n"})
    result = batch.run(load_config(None), corpus, tmp_path / "out")
    assert result.written == ["event-00"]
    assert [slug for slug, _ in result.failed] == ["dots"]
    assert "no sentence can stand alone" in result.failed[0][1]
    assert not (tmp_path / "out" / "dots.md").exists()


@pytest.mark.parametrize("signum, code, words", [(signal.SIGTERM, 143, "stopped by SIGTERM"),
                                                (signal.SIGINT, 130, "interrupted")])
def test_sigterm_and_ctrl_c_stop_the_run_cleanly(tmp_path, signum, code, words):
    """Issue 15: SIGTERM exited 143 without a word and left 4 workers holding stdout."""
    corpus = make_corpus(tmp_path / "in", events=40, articles=4)
    out = tmp_path / "out"
    process, marker = start_marked_run(corpus, out, str(tmp_path), stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True)
    wait_for_first_briefing(out)
    process.send_signal(signum)
    # the pipes close: no worker keeps them open, so a parent reading them never hangs
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == code
    assert stderr.strip().splitlines()[-1].startswith(f"summarize: {words};")
    assert processes_marked(marker) == []
    assert temporaries(out) == []
    written = [p for p in out.glob("*.json")
               if p.name != batch.REPORT_FILE and not p.name.startswith(".")]
    assert 0 < len(written) < 40
    for path in written:
        json.loads(path.read_text(encoding="utf-8"))
        assert path.with_suffix(".md").is_file()
    rerun = summarize("run", "--input", str(corpus), "--output", str(out))
    assert rerun.returncode == 0, rerun.stderr
    assert len(report(out)["events"]["unchanged"]) == len(written)


def test_workers_are_capped_by_cores_events_and_free_memory(monkeypatch):
    """Issue 15: --jobs 64 on 2 cores started 50 workers and 6.9 GiB."""
    monkeypatch.setattr(executors, "default_jobs", lambda: 2)
    monkeypatch.setattr(executors, "_available_memory", lambda: 64 * 2**30)
    assert executors.worker_count(64, 50) == 2
    assert executors.worker_count(64, 1) == 1
    monkeypatch.setattr(executors, "default_jobs", lambda: 32)
    monkeypatch.setattr(executors, "_available_memory", lambda: 3 * executors.WORKER_MEMORY_BYTES)
    assert executors.worker_count(64, 50) == 3
    monkeypatch.setattr(executors, "_available_memory", lambda: 0)
    assert executors.worker_count(64, 50) == 1


def test_everything_at_the_input_root_that_is_not_an_event_is_reported(tmp_path):
    """Issue 15: files at the input root and hidden folders were ignored without a word."""
    corpus = make_corpus(tmp_path / "in", events=1, articles=2)
    (corpus / "stray.txt").write_text("An article outside any event folder.\n")
    (corpus / ".hidden-event").mkdir()
    result = batch.run(load_config(None), corpus, tmp_path / "out")
    reasons = {s.path: s.reason for s in result.articles_skipped}
    assert reasons["stray.txt"].startswith("not in an event folder")
    assert reasons[".hidden-event/"].startswith("hidden folder")
    assert result.written == ["event-00"]


def test_an_event_whose_every_file_is_skipped_lists_them_in_the_report(tmp_path):
    """Issue 15: the summary said "0 files skipped" and articles_skipped was empty."""
    corpus = make_corpus(tmp_path / "in", events=1, articles=2)
    write_event(corpus, "all-bad", {"empty.txt": "", "binary.txt": b"\x00\x01\x02" * 50})
    result = batch.run(load_config(None), corpus, tmp_path / "out")
    assert [slug for slug, _ in result.failed] == ["all-bad"]
    assert {s.path for s in result.articles_skipped} == {"all-bad/empty.txt",
                                                         "all-bad/binary.txt"}
    assert "2 files skipped" in result.summary()


def test_twenty_kill_9s_at_random_moments_leave_nothing_behind(tmp_path):
    """Issue 15's must-show: kill -9 of `summarize run --jobs 2` at 20 random moments
    (seeded): no process left, no partial file, and the next run equals a clean run."""
    import random

    corpus = make_corpus(tmp_path / "in", events=30, articles=4)
    out = tmp_path / "out"
    moments = random.Random(17)
    for kill in range(20):
        process, marker = start_marked_run(corpus, out, f"{tmp_path}/{kill}", "--force")
        time.sleep(moments.uniform(0.2, 3.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert wait_until_gone(marker) == [], f"kill {kill}: processes outlived the run"
        for path in out.glob("*.json"):
            json.loads(path.read_text(encoding="utf-8"))  # complete, never half-written
    rerun = summarize("run", "--input", str(corpus), "--output", str(out))
    assert rerun.returncode == 0, rerun.stderr
    assert temporaries(out) == []
    clean = tmp_path / "clean"
    summarize("run", "--input", str(corpus), "--output", str(clean), check=True)
    assert briefings(out) == briefings(clean)


def test_a_full_disk_at_the_final_state_save_still_ends_with_a_report(tmp_path, monkeypatch):
    """Issue 15: the final state save on a full disk ended the run with a traceback. The
    journal keeps what the state could not: the next run rebuilds nothing."""
    corpus = make_corpus(tmp_path / "in", events=2, articles=2)
    out = tmp_path / "out"
    real = saved_state.save_state

    def full_disk(folder, state, **options):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(saved_state, "save_state", full_disk)
    result = batch.run(load_config(None), corpus, out, jobs=1)
    assert sorted(result.written) == ["event-00", "event-01"]
    assert report(out)["events"]["written"] == ["event-00", "event-01"]
    assert not (out / batch.STATE_FILE).exists()

    monkeypatch.setattr(saved_state, "save_state", real)
    again = batch.run(load_config(None), corpus, out, jobs=1)
    assert (again.written, again.unchanged) == ([], ["event-00", "event-01"])
    assert not (out / batch.JOURNAL_FILE).exists()
    saved = json.loads((out / batch.STATE_FILE).read_text(encoding="utf-8"))["events"]
    assert sorted(saved) == ["event-00", "event-01"]


def test_each_built_event_is_recorded_once_and_the_state_file_written_once(
        tmp_path, monkeypatch):
    """Rewriting the whole state after each briefing cost time that grows with the events
    known (a first run over 10,000 would spend 11 minutes on it): each event's entry is
    appended to a journal instead, and the state file written once, at the end. A run
    killed before that leaves the journal; its lines (a last one cut short, skipped) are
    read back by the next run, which rebuilds none of those events."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1694649600")  # the same times in both runs
    corpus = make_corpus(tmp_path / "in", events=3, articles=2)
    out = tmp_path / "out"
    saves = []
    real = saved_state.save_state
    monkeypatch.setattr(saved_state, "save_state",
                        lambda folder, state, **options: (saves.append(len(state)),
                                                          real(folder, state, **options)))
    assert len(batch.run(load_config(None), corpus, out, jobs=1).written) == 3
    assert saves == [3]
    assert not (out / batch.JOURNAL_FILE).exists()
    complete = batch.load_state(out)

    # as a run killed after writing two briefings leaves it, the third line half-written
    (out / batch.STATE_FILE).unlink()
    lines = [json.dumps([slug, complete[slug]]) for slug in ("event-00", "event-01")]
    (out / batch.JOURNAL_FILE).write_text("\n" + "\n".join(lines) + '\n["event-02", {"fi',
                                          encoding="utf-8")
    assert batch.load_state(out) == {slug: complete[slug] for slug in ("event-00", "event-01")}
    saves.clear()
    again = batch.run(load_config(None), corpus, out, jobs=1)
    assert (again.written, again.unchanged) == (["event-02"], ["event-00", "event-01"])
    assert saves == [2, 3]  # the journal folded into the state first, then the run's end
    assert batch.load_state(out) == complete
    assert not (out / batch.JOURNAL_FILE).exists()


def test_an_event_folder_that_cannot_be_listed_fails_alone(tmp_path, monkeypatch):
    """Issue 15: an unreadable event folder ended the whole run with a traceback."""
    corpus = make_corpus(tmp_path / "in", events=2, articles=2)
    real = Path.iterdir

    def iterdir(self):
        if self.name == "event-01":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    result = batch.run(load_config(None), corpus, tmp_path / "out", jobs=1)
    assert result.written == ["event-00"]
    assert result.failed == [("event-01", "the event folder cannot be read: Permission denied")]


def test_a_folder_name_that_is_no_slug_is_made_one(tmp_path):
    """Issue 15: folder names with spaces failed instead of becoming slugs."""
    corpus = make_corpus(tmp_path / "in", events=2, articles=2)
    (corpus / "event-00").rename(corpus / "Flood in Évora, day 2")
    (corpus / "event-01").rename(corpus / "Flood-in-Evora-day-2")
    make_corpus(tmp_path / "more", events=1, articles=2)
    (tmp_path / "more" / "event-00").rename(corpus / "  ???  ")
    out = tmp_path / "out"
    result = batch.run(load_config(None), corpus, out)
    assert result.written == ["Flood-in-Evora-day-2"]  # the folder named so keeps its name
    failed = dict(result.failed)
    assert "is taken by folder 'Flood-in-Evora-day-2'" in failed["Flood in Évora, day 2"]
    assert failed["  ???  "] == "no letter or digit to name its briefing by"
    (corpus / "Flood-in-Evora-day-2").rename(corpus / "other")
    again = batch.run(load_config(None), corpus, out)
    assert sorted(again.written) == ["Flood-in-Evora-day-2", "other"]
    data = json.loads((out / "Flood-in-Evora-day-2.json").read_text(encoding="utf-8"))
    assert data["event"] == "Flood-in-Evora-day-2"


def test_an_output_folder_that_refuses_every_write_fails_each_event_in_one_line(
        tmp_path, monkeypatch):
    """Issue 15: a folder read-only while its .lock is writable ended the run with a
    traceback. (Root writes anywhere, so the refusal is simulated.)"""
    corpus = make_corpus(tmp_path / "in", events=2, articles=2)
    out = tmp_path / "out"
    out.mkdir()

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    result = batch.run(load_config(None), corpus, out, jobs=1)
    assert result.written == [] and result.exit_code == 1
    assert sorted(result.failed) == [(f"event-0{i}", "cannot write its briefing: Permission denied")
                             for i in range(2)]


def test_the_workers_fork_server_starts_early_only_when_workers_will_build(
        tmp_path, monkeypatch):
    """It imports the pipeline while the run validates the config; a run that builds in
    one process (--jobs 1, one event, one core, Dask) starts no process for nothing."""
    started: list[list[str]] = []
    monkeypatch.setattr(batch, "start_fork_server", started.append)
    monkeypatch.setattr(batch, "default_jobs", lambda: 2)
    corpus = make_corpus(tmp_path / "in", events=3)
    single = make_corpus(tmp_path / "single", events=1)
    config = ConfigFile(ROOT / "configs" / "default.yaml")
    outputs = iter(range(100))

    def starts(input_root: Path, jobs: int | None, given: ConfigFile = config) -> int:
        """Fork servers started by a first run (nothing built: that is not the point)."""
        started.clear()
        with monkeypatch.context() as patch:
            patch.setattr(batch, "_build_and_write", lambda *args, **kwargs: None)
            batch.run(given, input_root, tmp_path / f"out-{next(outputs)}", jobs=jobs)
        return len(started)

    assert starts(corpus, 2) == 1
    assert started == [["summarize.runs.build", *batch.BUILD_MODULES]]  # what local_results uses
    assert starts(corpus, None) == 1  # the default: every core
    assert starts(corpus, 1) == 0
    assert starts(single, 2) == 0
    assert starts(corpus, 2, ConfigFile(config.path, ("run.executor=dask",))) == 0
    monkeypatch.setattr(batch, "default_jobs", lambda: 1)
    assert starts(corpus, 2) == 0
    monkeypatch.setattr(batch, "default_jobs", lambda: 2)
    # A config file that asks for Dask is not read before the server starts; once its
    # settings are recorded, the next runs know.
    dask_file = tmp_path / "dask.yaml"
    dask_file.write_text("run:\n  executor: dask\n", encoding="utf-8")
    with monkeypatch.context() as patch:
        patch.setattr(batch, "_build_and_write", lambda *args, **kwargs: None)
        batch.run(ConfigFile(dask_file), corpus, tmp_path / "dask-out", jobs=2)
        started.clear()
        batch.run(ConfigFile(dask_file), corpus, tmp_path / "dask-out", jobs=2)
    assert started == []

    # A run that takes its settings from the last run's record starts it once it finds
    # two events to build, and not when it finds none.
    monkeypatch.setattr(batch, "default_jobs", lambda: 2)
    out = tmp_path / "kept"
    batch.run(config, corpus, out, jobs=1)
    started.clear()
    batch.run(config, corpus, out, jobs=2)
    assert started == []
    for event in ("event-00", "event-01"):
        with (corpus / event / "0.txt").open("a", encoding="utf-8") as article:
            article.write("\nThe talks ended late on Friday with a joint statement.\n")
    batch.run(config, corpus, out, jobs=2)
    assert len(started) == 1


def test_a_config_error_ends_the_fork_server_started_before_it_was_read(tmp_path):
    corpus = make_corpus(tmp_path / "in", events=3)
    bad = tmp_path / "bad.yaml"
    bad.write_text("budget:\n  words: many\n", encoding="utf-8")
    process, marker = start_marked_run(corpus, tmp_path / "out", str(tmp_path),
                                       "--config", str(bad), stderr=subprocess.PIPE,
                                       text=True)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 2 and "budget.words" in stderr, stderr
    assert wait_until_gone(marker) == [], "a process outlived the run"
