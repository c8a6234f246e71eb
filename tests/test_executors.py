"""Where events are built: local processes by default, a Dask cluster on request; the
briefings are byte-identical either way, and a Dask run leaves no process behind."""

import logging
import os
import subprocess
import sys

import pytest

from summarize.config import load_config
from summarize.errors import ConfigError, OutputError
from summarize.runs import executors
from summarize.runs.run import run
from tests.conftest import ROOT
from tests.test_batch import briefings, make_corpus

NOW = "2026-11-23T05:00:00Z"


@pytest.fixture
def dask_installed():
    pytest.importorskip("distributed", reason="Dask is not installed: pip install "
                        "'summarize-news[dask]' (make test installs it)")


def test_a_local_dask_cluster_writes_the_same_briefings(tmp_path, dask_installed):
    corpus = make_corpus(tmp_path / "in", events=5)
    run(load_config(None), corpus, tmp_path / "local", jobs=2, now=NOW)
    report = run(load_config(None, ("run.executor=dask",)), corpus, tmp_path / "dask",
                 jobs=2, now=NOW)
    assert len(report.written) == 5 and not report.failed
    assert briefings(tmp_path / "dask") == briefings(tmp_path / "local")
    for name in ("index.html", "index.xml"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
    # the cluster's worker processes ended with the run
    import multiprocessing

    assert multiprocessing.active_children() == []


def test_the_executor_is_not_part_of_the_briefing(tmp_path, dask_installed):
    """Switching executors rebuilds nothing: a briefing does not depend on it."""
    corpus = make_corpus(tmp_path / "in", events=2)
    run(load_config(None), corpus, tmp_path / "out", now=NOW)
    again = run(load_config(None, ("run.executor=dask",)), corpus, tmp_path / "out", now=NOW)
    assert again.written == [] and len(again.unchanged) == 2


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path, monkeypatch, dask_installed):
    monkeypatch.setattr(executors, "DASK_CONNECT_SECONDS", 1)
    corpus = make_corpus(tmp_path / "in", events=2)
    config = load_config(None, ("run.executor=dask", "run.scheduler=tcp://127.0.0.1:9"))
    with pytest.raises(OutputError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        run(config, corpus, tmp_path / "out", now=NOW)


def test_a_scheduler_without_the_dask_executor_is_a_config_error():
    with pytest.raises(ConfigError, match="run: scheduler 'tcp://h:8786' is for the dask "
                       "executor; set run.executor: dask"):
        load_config(None, ("run.executor=local", "run.scheduler=tcp://h:8786"))


def test_without_dask_the_message_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if absent
    corpus = make_corpus(tmp_path / "in", events=2)
    with pytest.raises(ConfigError, match=r"pip install 'summarize-news\[dask\]'"):
        run(load_config(None, ("run.executor=dask",)), corpus, tmp_path / "out", now=NOW)


def test_the_default_run_does_not_import_dask(tmp_path):
    corpus = make_corpus(tmp_path / "in", events=2)
    code = ("import sys; from pathlib import Path; from summarize.runs.run import run; "
            "from summarize.config import load_config; "
            f"run(load_config(None), Path({str(corpus)!r}), Path({str(tmp_path / 'o')!r}), "
            "jobs=2); print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('dask', 'distributed')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=300, check=True)
    assert result.stdout.strip() == "[]"


def test_the_workers_warnings_reach_the_run_that_prints_them(tmp_path):
    """Issue 34: each worker wrote its warnings to the terminal itself, over the progress
    bar; they now reach the run's own logging, which prints them above the bar."""
    if executors.default_jobs() < 2:
        pytest.skip("one core: the events are built in the run's own process")
    corpus = make_corpus(tmp_path / "in", events=2)
    for folder in corpus.iterdir():
        (folder / "scan.txt").write_bytes(b"\x00\x01\x02 not text")
    seen: list[tuple[int, str]] = []

    class Seen(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append((record.process, record.getMessage()))

    logger, handler = logging.getLogger("summarize"), Seen()
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    try:
        run(load_config(None), corpus, tmp_path / "out", jobs=2, now=NOW)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    warned = [(process, message) for process, message in seen if "scan.txt" in message]
    assert sorted(message for _, message in warned) == [
        "event-00/scan.txt: skipped: binary file, not text",
        "event-01/scan.txt: skipped: binary file, not text"]
    assert all(process != os.getpid() for process, _ in warned)  # sent by the workers


class _SlowCluster:
    """A scheduler whose worker joins only when someone waits for it."""

    def __init__(self, joins=True):
        self.joins, self.waited = joins, False

    def wait_for_workers(self, n, timeout=None):
        self.waited = True
        if not self.joins:
            raise TimeoutError

    def run(self, function):
        return {"tcp://worker:1": function()} if self.waited and self.joins else {}


def test_workers_that_join_after_the_cluster_starts_are_waited_for():
    # under load a local cluster's workers joined after the run first asked: "no workers"
    executors._check_workers(_SlowCluster(), lambda: "this version")


def test_a_cluster_no_worker_joins_is_one_clear_error():
    with pytest.raises(OutputError, match="no workers"):
        executors._check_workers(_SlowCluster(joins=False), lambda: "this version")
