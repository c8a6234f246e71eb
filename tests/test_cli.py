"""The command line: exit codes, one-line errors, and what each command prints."""

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.ranking import ALGORITHMS
from tests.conftest import ROOT, SEED_EVENT, SEEDS, fresh_python, summarize, write_event


def test_run_writes_markdown_and_json(tmp_path):
    result = summarize("run", "--output", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "kim-putin-summit-2023.md").is_file()
    data = json.loads((tmp_path / "kim-putin-summit-2023.json").read_text())
    assert data["event"] == "kim-putin-summit-2023"
    assert "1 event: 1 written, 0 unchanged, 0 failed" in result.stderr


def test_unknown_algorithm_exits_2_with_one_line(tmp_path):
    result = summarize("run", "--output", str(tmp_path), "--set", "ranker.algorithm=nope")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "summarize: error: ranker.algorithm: unknown value 'nope'; expected one of: lexrank, "
        "textrank, centroid, lead, lsa, luhn, kl, sumbasic, reduction, random, edmundson"]
    assert not any(tmp_path.iterdir()), "nothing is written for an invalid config"


def test_config_with_unknown_key_exits_2_with_one_line(tmp_path):
    config = tmp_path / "bad.yaml"
    config.write_text("ranker:\n  algorithm: lexrank\n  treshold: 0.2\n")
    result = summarize("run", "--config", str(config), "--output", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "summarize: error: ranker.treshold: unknown key (value 0.2); accepted keys here: "
        "algorithm, engine, threshold, top_k, landmarks, damping, tolerance, convergence, "
        "focus_bias, idf"]


def test_textrank_ranks_differently_from_the_default(tmp_path):
    assert summarize("run", "--output", str(tmp_path / "a")).returncode == 0
    assert summarize("run", "--output", str(tmp_path / "b"),
                     "--set", "ranker.algorithm=textrank").returncode == 0
    a = json.loads((tmp_path / "a" / "kim-putin-summit-2023.json").read_text())
    b = json.loads((tmp_path / "b" / "kim-putin-summit-2023.json").read_text())
    assert [s["text"] for s in a["sentences"]] != [s["text"] for s in b["sentences"]]
    assert b["config"]["ranker"]["algorithm"] == "textrank"


def test_validate():
    assert summarize("validate", "configs/default.yaml").returncode == 0
    bad = summarize("validate", "configs/nope.yaml")
    assert bad.returncode == 2
    assert bad.stderr.strip() == "summarize: error: config file not found: configs/nope.yaml"


def test_list_names_every_algorithm_with_options():
    result = summarize("list")
    assert result.returncode == 0
    names = [line.split(":")[0] for line in result.stdout.splitlines()
             if not line.startswith(" ")]
    assert names == ["lexrank", "textrank", "centroid", "lead", "lsa", "luhn", "kl",
                     "sumbasic", "reduction", "random", "edmundson"]
    assert "    threshold = 0.1: " in result.stdout


def test_missing_input_folder_exits_2(tmp_path):
    result = summarize("run", "--input", str(tmp_path / "none"), "--output", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip() == f"summarize: error: input folder not found: {tmp_path / 'none'}"


def test_usage_error_exits_2():
    assert summarize("run", "--bogus").returncode == 2


def test_event_without_articles_fails_alone_with_exit_1(tmp_path):
    root = tmp_path / "in"
    write_event(root, "empty-event", {"notes.pdf": b"%PDF"})
    write_event(root, "good", {"a.txt": (SEEDS / "kim-putin-summit-2023" /
                                         "000_fc8c981585371f72.txt").read_text()})
    result = summarize("run", "--input", str(root), "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert (tmp_path / "out" / "good.md").is_file()
    assert "failed: empty-event: no readable articles" in result.stderr


def test_sentences_prints_what_the_ranker_sees():
    result = summarize("sentences", "seeds/kim-putin-summit-2023/002_e6d29139e0651d57.txt")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("North Korean leader Kim Jong Un and Russian President")
    assert not any("Telegram" in line or "Advertisment" in line for line in lines)


def test_sentences_json_and_explain():
    result = summarize("sentences", "--json", "--explain",
                       "seeds/kim-putin-summit-2023/001_396e82068e8667b2.txt")
    assert result.returncode == 0
    records = json.loads(result.stdout[result.stdout.index("["):])
    assert records[0]["position"] == 0
    assert "# dropped (byline (outlet)): THE ASSOCIATED PRESS" in result.stdout


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_registered_algorithm_writes_the_seeds_briefing(tmp_path, algorithm):
    result = CliRunner().invoke(cli, ["run", "--output", str(tmp_path),
                                      "--set", f"ranker.algorithm={algorithm}"])
    assert result.exit_code == 0, result.output
    briefing = (tmp_path / "kim-putin-summit-2023.md").read_text(encoding="utf-8")
    assert re.search(r"\[\d+\]", briefing) and "## Sources" in briefing


def test_batch_idf_runs_over_several_events(tmp_path):
    story = ("Floods closed the valley road this year after a week of heavy rain. "
             "Farmers in the valley lost most of their crops to the floods this year.\n")
    budget = ("Officials said the budget for next year would grow by a tenth. "
              "The year ended with officials promising lower taxes for families.\n")
    write_event(tmp_path / "in", "floods", {"a.txt": story})
    write_event(tmp_path / "in", "budget", {"a.txt": budget})
    result = summarize("run", "--input", str(tmp_path / "in"), "--output", str(tmp_path / "out"),
                       "--set", "ranker.idf=batch")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").glob("*.md")) == ["budget.md", "floods.md"]


def test_version_and_quiet_run_and_any_current_folder(tmp_path):
    """Issue 15: no --version; `run -q` was no option; outside the repository the run
    failed with "config file not found: configs/default.yaml"."""
    version = summarize("--version", check=True)
    assert version.stdout.startswith("summarize 0.")
    out = tmp_path / "out"
    result = summarize("run", "-q", "--input", str(SEEDS), "--output", str(out), cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    golden = (ROOT / "outputs" / "kim-putin-summit-2023.md").read_bytes()
    assert (out / "kim-putin-summit-2023.md").read_bytes() == golden


def test_the_distribution_has_a_name_of_its_own_and_every_message_installs_by_it():
    """Issue 34: `summarize` is no name to install by; `pip install 'summarize[eval]'`, as
    the README and two messages advised, asked for another project."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["name"] == "summarize-news"
    assert project["scripts"] == {"summarize": "summarize.__main__:main"}
    assert summarize("--version", check=True).stdout.strip().endswith("(summarize-news)")
    shipped = [*ROOT.glob("summarize/**/*.py"), ROOT / "README.md", ROOT / "pyproject.toml"]
    shipped += [*ROOT.glob("docs/*.md")]
    for path in shipped:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"summarize\[(?:eval|dask|dev)", text), path
    help_text = CliRunner().invoke(cli, ["run", "--help"]).output
    assert "pipinstall'summarize-news[dask]'" in "".join(help_text.split())  # (as wrapped)


def test_list_describes_each_algorithm_and_only_its_own_options():
    """Issue 15: six sumy rankers shared one copied description and a seed only random uses."""
    listing = CliRunner().invoke(cli, ["list"]).output.splitlines()
    heads = {line.split(":")[0]: line for line in listing if not line.startswith(" ")}
    described = [heads[n].split(": ", 1)[1] for n in
                 ("lsa", "luhn", "kl", "sumbasic", "reduction", "random")]
    assert len(set(described)) == 6
    after = {name: listing[listing.index(line) + 1] for name, line in heads.items()
             if listing.index(line) + 1 < len(listing)}
    assert after["random"].strip().startswith("seed = 0")
    assert not after["lsa"].startswith(" ")


def test_verbosity_is_accepted_before_and_after_the_command(tmp_path):
    """Issue 34: `summarize run -v` was "No such option" (only `summarize -v run` worked,
    while -q worked in both places)."""
    for args in (["-v", "run"], ["run", "-v"]):
        result = summarize(*args, "--input", str(SEEDS), "--output", str(tmp_path / args[0]))
        assert result.returncode == 0, result.stderr
        assert "summarize: INFO: kim-putin-summit-2023: briefing written" in result.stderr
    for args in (["-q", "run"], ["run", "-q"]):
        result = summarize(*args, "--input", str(SEEDS), "--output", str(tmp_path / "q"),
                           "--force")
        assert result.returncode == 0 and result.stderr == ""
    assert summarize("group", "-v", str(SEED_EVENT)).returncode == 0
    assert summarize("sentences", "-q", str(SEED_EVENT)).returncode == 0


FEED_LINES = (json.dumps({"id": "a", "outlet": "AP",
                          "text": (SEED_EVENT / "000_fc8c981585371f72.txt").read_text()})
              + "\nthis line is no JSON\n" + '{"id": "b", "title": "No text"}\n')


def test_each_skipped_input_is_reported_once(tmp_path):
    """Issue 34: every bad feed line was reported twice (three times by `group`)."""
    write_event(tmp_path / "in", "ev", {"feed.jsonl": FEED_LINES})
    bad = ["feed.jsonl#2", "feed.jsonl#3"]  # not JSON; no text
    runs = {
        "run": summarize("run", "--input", str(tmp_path / "in"), "--output",
                         str(tmp_path / "out")),
        "run --group": summarize("run", "--group", "--input", str(tmp_path / "in" / "ev"),
                                 "--output", str(tmp_path / "grouped")),
        "group": summarize("group", str(tmp_path / "in" / "ev")),
        "sentences": summarize("sentences", str(tmp_path / "in" / "ev")),
    }
    for name, result in runs.items():
        assert result.returncode == 0, (name, result.stderr)
        for line in bad:
            assert result.stderr.count(line) == 1, (name, result.stderr)


def test_a_nested_stream_without_group_says_to_add_it(tmp_path):
    """Issue 34: articles one folder too deep failed with "no readable articles" alone."""
    write_event(tmp_path / "in" / "2023", "09", {"a.txt": FEED_LINES})
    result = summarize("run", "--input", str(tmp_path / "in"), "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert ("failed: 2023: no readable articles (it holds 1 folder, which an event's folder "
            "does not read: is the input a stream of articles at any depth? Add --group to "
            "sort them into events)") in result.stderr


@pytest.mark.parametrize("name, code", [("SIGINT", 130), ("SIGTERM", 143)])
def test_a_signal_while_the_command_starts_ends_it_with_one_line(name, code):
    """Issue 35: Ctrl-C or SIGTERM in a run's first tenth of a second (while the command
    line's modules are imported) printed a KeyboardInterrupt traceback."""
    script = (
        "import builtins, os, signal\n"
        "import summarize.__main__ as entry\n"
        "real = builtins.__import__\n"
        "def importing(name, *args, **kwargs):\n"
        "    if name == 'click':  # the signal arrives in the middle of the imports\n"
        f"        os.kill(os.getpid(), signal.{name})\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = importing\n"
        "entry.main()\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == code
    assert result.stderr == (f"summarize: {'interrupted' if code == 130 else 'stopped'} "
                             "before it started; nothing was written\n")


def test_the_workers_fork_server_ignores_ctrl_c_from_its_start():
    """Issue 35: the fork server ignored Ctrl-C only once it had imported the pipeline
    (about 0.6 s): Ctrl-C before that printed its traceback beside the run's own line."""
    if not Path("/proc/self/status").is_file():
        pytest.skip("reads a process's ignored signals from /proc (Linux)")
    ignored = fresh_python(
        "from multiprocessing import forkserver\n"
        "from summarize.runs.build import BUILD_MODULES\n"
        "from summarize.runs.executors import start_fork_server\n"
        "start_fork_server(BUILD_MODULES)\n"
        "pid = forkserver._forkserver._forkserver_pid\n"
        "status = open(f'/proc/{pid}/status').read()\n"
        "print(next(l.split()[1] for l in status.splitlines() if l.startswith('SigIgn')))\n")
    assert int(ignored, 16) & (1 << (signal.SIGINT - 1))
