"""Building one event's briefing files, in a worker process (local or Dask): never raises,
so that one broken event never stops the others."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarize.errors import InputError, SummarizeError
from summarize.models import Event, SkippedFile
from summarize.outputs.changes import History, mark_new, next_history
from summarize.runs.executors import dask_results, local_results
from summarize.runs.files import SUFFIXES
from summarize.runs.settings import code_fingerprint
from summarize.timing import StageTimer

if TYPE_CHECKING:
    from summarize.config import Config
    from summarize.config import Run as RunConfig
    from summarize.pipeline import PreparedEvent
    from summarize.text.words import DocumentFrequencies

log = logging.getLogger(__name__)

Source = Path | Event  # an event's folder, or its articles grouped from a stream


@dataclass(frozen=True)
class Task:
    slug: str
    source: Source
    input_root: Path
    config: Config
    background: DocumentFrequencies | None = None
    prepared: PreparedEvent | None = None  # already read for the run's statistics
    history: History = History()  # what readers have seen of this event
    now: str = ""  # the run's time


@dataclass(frozen=True)
class Outcome:
    slug: str
    files: dict[str, str] = field(default_factory=dict)  # suffix -> text
    history: History = History()  # after this briefing is written
    index: dict[str, Any] = field(default_factory=dict)  # its line in the site's index
    skipped: tuple[SkippedFile, ...] = ()
    decoded: tuple[tuple[str, str], ...] = ()
    seconds: dict[str, float] = field(default_factory=dict)
    error: str | None = None


# What build_event imports when it runs (not with this module: a run with nothing to
# build needs none of it); worker processes start with them already imported.
BUILD_MODULES = ("summarize.pipeline", "summarize.outputs.html", "summarize.outputs.markdown",
                 "summarize.outputs.site", "summarize.outputs.data")


def _template(path: Path | None, html: bool = False):  # type: ignore[no-untyped-def]
    """The Markdown template (`html`: the page's), parsed once per process for as long as
    its file is unchanged (a long-lived process that runs again after an edit renders with
    the edit, as the briefings' fingerprints, which cover its bytes, expect)."""
    try:
        info = os.stat(path) if path else None
        stamp = info and (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    except OSError:
        stamp = None  # loading it says why
    return _parsed_template(str(path) if path else None, stamp, html)


@cache
def _parsed_template(path: str | None, stamp: object,
                     html: bool):  # type: ignore[no-untyped-def]
    from summarize.outputs.html import load_page_template
    from summarize.outputs.markdown import load_template

    return (load_page_template if html else load_template)(Path(path) if path else None)


def build_event(task: Task) -> Outcome:
    """The files of one event's briefing (`output.formats`), or why it could not be
    built. Never raises: one broken event must not stop the others."""
    # Imported here, not with this module (BUILD_MODULES): a run that finds nothing to
    # build needs none of the pipeline (scipy, the cleaners: most of its time went to
    # importing them).
    from summarize.outputs import site
    from summarize.outputs.data import briefing_data, render_json
    from summarize.outputs.html import render_page
    from summarize.outputs.markdown import render_markdown
    from summarize.pipeline import summarize_prepared

    timer = StageTimer()
    try:
        prepared = task.prepared or replace(_prepared(task.source, task.input_root,
                                                      task.config, timer), slug=task.slug)
        briefing = summarize_prepared(prepared, task.config, timer, task.background)
        with timer.stage("render"):
            data = mark_new(briefing_data(briefing), task.history)
            files = {}
            formats = task.config.output.formats
            if "markdown" in formats:
                files[SUFFIXES["markdown"]] = render_markdown(
                    _template(task.config.output.template), data)
            if "json" in formats:
                files[SUFFIXES["json"]] = render_json(data)
            if "html" in formats:
                files[SUFFIXES["html"]] = render_page(
                    data, _template(task.config.output.html_template, html=True))
        return Outcome(task.slug, files, next_history(data, task.history, task.now),
                       site.index_record(data), prepared.skipped, prepared.decoded,
                       dict(timer.seconds))
    except SummarizeError as error:
        return Outcome(task.slug, error=str(error), seconds=dict(timer.seconds),
                       skipped=tuple(getattr(error, "skipped", ())))
    except Exception as error:  # a bug must cost one event, not the run
        log.debug("%s: internal error", task.slug, exc_info=True)
        return Outcome(task.slug, error=f"internal error: {type(error).__name__}: {error}",
                       seconds=dict(timer.seconds))


def _prepared(source: Source, root: Path, config: Config,
              timer: StageTimer) -> PreparedEvent:
    """Stages 1-3 of an event folder, or 2-3 of an event's grouped articles."""
    from summarize.pipeline import load_prepared, prepare_loaded

    if isinstance(source, Event):
        return prepare_loaded(source, timer, config.languages)
    return load_prepared(source, root, config.limits.max_article_bytes, timer,
                         config.limits.max_event_bytes, config.languages)


def outcomes(tasks: list[Task], jobs: int, run_config: RunConfig) -> Iterator[Outcome]:
    """Build the events in up to `jobs` local processes, or on a Dask cluster
    (`run.executor`); yields each outcome as soon as it is ready (a worker that died is
    that event's failure, not the run's)."""
    if run_config.executor == "dask":
        results = dask_results(build_event, tasks, jobs, run_config.scheduler,
                               code_fingerprint)
    else:
        results = local_results(build_event, tasks, jobs, BUILD_MODULES)
    for task, result in results:
        if isinstance(result, BaseException):
            yield Outcome(task.slug, error=f"worker process failed: {result}")
        else:
            yield result



def read_all(named: list[tuple[str, Source]], root: Path, config: Config,
              timer: StageTimer) -> dict[str, PreparedEvent]:
    """Every readable event of the run, for its statistics (events that fail are left out
    here and reported when their turn comes)."""
    read = {}
    for slug, source in named:
        try:
            read[slug] = replace(_prepared(source, root, config, timer), slug=slug)
        except InputError:
            continue
    return read
