"""A run over many events, safe to start from cron on folders that keep filling.

    lock the output folder -> remove temporary files a killed run left -> plan: an event
    whose files and effective config are unchanged since its last briefing is skipped ->
    build the others in worker processes -> write each briefing atomically as it arrives,
    then record it in the state journal -> prune (with --prune) -> the site's index and
    feed (when anything changed) -> the state file -> run-report.json

- One run at a time per output folder: `flock` on `<output>/.lock`. The kernel releases
  it when the process dies, so a lock left by a killed run never blocks the next one.
- Atomic output: a briefing's files are written to temporary files in the same folder,
  flushed to disk, then renamed over the old ones; a reader, or a run killed at any
  moment, sees the old or the new complete file. The next run removes stray temporaries.
- The state file (`<output>/.state.json`) maps each event to a fingerprint of its files'
  names and bytes, the effective config, the template and this code (the bytes are read
  again only when a file's size or times changed: `event_fingerprint`), and to what its
  readers have seen (`outputs.changes`: the sentences of its last two versions, for the
  "new since" marks; its line in the index). Each event's entry goes to a journal
  (`<output>/.state.journal`) as soon as its briefing is written, so a killed run's
  finished events are not redone; the state file is rewritten once, at the run's end.
- Times (when a briefing was written, "new since …") come from the run's clock, or from
  SOURCE_DATE_EPOCH when it is set (reproducible-builds.org), as for the golden samples.
- A failing event (bad input, a full disk) is reported and the others go on; a template
  error stops the run before anything is written.
- Output does not depend on `--jobs`: each event is built alone, from its files only
  (`idf: batch` adds statistics of the whole run, computed once, the same for all).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarize.errors import InputError, OutputError
from summarize.inputs import saved
from summarize.inputs.layout import STDIN, discover_events, name_events, passed_over
from summarize.models import Article, Event, SkippedFile
from summarize.runs.build import BUILD_MODULES, Source, Task, build_event, outcomes, read_all
from summarize.runs.executors import default_jobs, start_fork_server
from summarize.runs.files import SUFFIXES, remove_temporaries, write_atomic, write_files_atomic
from summarize.runs.lock import run_lock
from summarize.runs.publishing import prune_briefings, write_site
from summarize.runs.report import REPORT_FILE, RunReport, run_clock
from summarize.runs.settings import ConfigFile, Settings
from summarize.runs.signals import signals_deferred
from summarize.runs.state import (
    JOURNAL_FILE,
    STATE_FILE,
    StateJournal,
    commit_state,
    event_fingerprint,
    history_of,
    load_state,
)
from summarize.timing import StageTimer

if TYPE_CHECKING:
    from summarize.config import Config
    from summarize.config import Run as RunConfig

log = logging.getLogger(__name__)

SETTINGS_FILE = ".settings.json"  # the last run's settings (summarize/runs/settings.py)


def _size(source: Source) -> int:
    if isinstance(source, Event):
        return sum(len(a.body) for a in source.articles)
    try:
        return sum(p.stat().st_size for p in source.iterdir() if p.is_file())
    except OSError:  # unreadable: its build reports why
        return 0


def run(config: Config | ConfigFile, input_root: Path, output_root: Path, *,
        jobs: int | None = None, force: bool = False, prune: bool = False,
        wait_for_lock: bool = False, progress: bool | None = None, now: str | None = None,
        group: bool = False) -> RunReport:
    """Write the briefing files (`output.formats`: `<event>.md`, `.json`, `.html`) under
    `output_root` for every event folder whose files or config changed since its last
    briefing, the site's `index.html` and `index.xml` (with html), and `run-report.json`.
    `config`: validated, or a `ConfigFile`, validated only when an event needs building
    (the settings a run plans with are kept in the output folder: summarize/runs/settings.py).
    `now`: the run's time, ISO 8601 UTC (default: `run_clock()`). With `group`, the input
    is a flat stream (a feed, or a folder of articles at any depth) that
    summarize/grouping/stories.py sorts into events, keeping its grouping in the output folder.
    An input that is one article file, or standard input (`Path("-")`), is one event
    (summarize/inputs/single.py)."""
    started = time.perf_counter()
    now = now or run_clock()
    single = not group and (input_root == STDIN or input_root.is_file())
    # The config is validated now, its errors stopping the run before any write, unless
    # it is a file that the last run recorded the settings of (not with --group, nor for
    # one file: the articles are read whatever changed, with the config's limits).
    key = config.key() if isinstance(config, ConfigFile) and not (group or single) else None
    settings = _recorded_settings(output_root, key) if key else None
    recorded = settings is not None
    validated = None
    try:
        folders = [] if group or single else discover_events(input_root)
        missing: InputError | None = None
    except InputError as error:  # said after the config's errors
        folders, missing = [], error
    if settings is None:
        # A first run, or a changed config: most likely every event is to be built.
        if isinstance(config, ConfigFile):  # unread: only the command line can say Dask
            dask = "run.executor=dask" in config.overrides
        else:
            dask = config.run.executor == "dask"
        _start_workers_early(dask, 1 if single else None if group else len(folders), jobs)
        validated = _validated(config)
        settings = Settings.of(validated)
    else:
        log.debug("the config's settings taken from %s", output_root / SETTINGS_FILE)
    if missing is not None:
        raise missing
    # An output folder inside the input is not an event (it would be rebuilt every run).
    folders = [f for f in folders if f.resolve() != output_root.resolve()]
    try:
        output_root.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create the output folder {output_root}: "
                          f"{error.strerror}") from None
    report = RunReport(jobs=jobs or default_jobs())
    for item in [] if group or single else passed_over(input_root):
        log.warning("%s: skipped: %s", item.path, item.reason)
        report.articles_skipped.append(item)
    timer = StageTimer()
    with run_lock(output_root, wait_for_lock):
        for stray in remove_temporaries(output_root):
            log.info("removed %s, left by an interrupted run", stray.name)
        state = load_state(output_root)
        if (output_root / JOURNAL_FILE).exists():
            # A run stopped before saving the state left its entries in the journal: they
            # go into the state now, so that the journal only ever holds this run's.
            try:
                commit_state(output_root, state)
            except OSError as error:  # a full disk: the journal keeps them meanwhile
                log.error("cannot save %s: %s", STATE_FILE, error.strerror or error)
        config_hash = settings.fingerprint()
        named: list[tuple[str, Source]]
        fingerprints: dict[str, str] = {}
        contents: dict[str, dict[str, str]] = {}  # per event folder, see event_fingerprint
        if group:
            with timer.stage("group"):
                assert validated is not None
                named, fingerprints = _grouped_events(input_root, output_root, validated,
                                                      config_hash, report)
        elif single:
            with timer.stage("load"):
                assert validated is not None
                named, fingerprints = _single_event(input_root, validated, config_hash, report)
        else:
            named, unnamed = name_events(folders)  # type: ignore[assignment]
            report.failed.extend(unnamed)
            with timer.stage("plan"):
                for slug, folder in named:
                    if isinstance(folder, Path):
                        fingerprints[slug], contents[slug] = event_fingerprint(
                            folder, config_hash, state.get(slug))
        with timer.stage("plan"):
            todo, fingerprints = _plan(named, fingerprints, state, output_root, force,
                                       settings.whole_run, settings.formats, report)
            for slug in report.unchanged:  # what lets the next run skip reading them
                if slug in contents:
                    state[slug].pop("listing", None)  # a listing too recent is not kept
                    state[slug].update(contents[slug])
        if todo:
            if validated is None:
                _start_workers_early(settings.executor == "dask", len(todo), jobs)
                validated = _validated(config)
            background, read = None, {}
            if settings.whole_run:
                from summarize.pipeline import run_statistics

                read = read_all(named, input_root, validated, timer)
                with timer.stage("words"):
                    background = run_statistics(list(read.values()))
            # absolute: a Dask worker runs in another folder, or on another machine
            tasks = [Task(slug, source if isinstance(source, Event) else source.absolute(),
                          input_root.absolute(), validated, background, read.get(slug),
                          history_of(state.get(slug, {})), now)
                     for slug, source in sorted(todo, key=lambda event: _size(event[1]),
                                                reverse=True)]  # big ones first
            _build_and_write(tasks, fingerprints, contents, state, output_root, report,
                             timer, progress, now, validated.run)
        if prune:
            prune_briefings(state, {slug for slug, _ in named}, output_root, report)
        if "html" in settings.formats:
            with timer.stage("write"):
                write_site(state, output_root, report, now, settings.site_url,
                           settings.site_title)
        try:
            commit_state(output_root, state, unless_unchanged=True)
        except OSError as error:  # a full disk: the briefings are written, and the
            # journal keeps their entries for the next run
            log.error("cannot save %s: %s", STATE_FILE, error.strerror or error)
        if key and not recorded:
            _record_settings(output_root, settings.as_record(key))
        report.seconds = {k: round(v, 4) for k, v in sorted(timer.seconds.items())}
        report.seconds["total"] = round(time.perf_counter() - started, 4)
        try:
            write_atomic(output_root / REPORT_FILE, report.as_json())
        except OSError as error:
            log.error("cannot write %s: %s", REPORT_FILE, error.strerror)
    return report


def _grouped_events(input_root: Path, output_root: Path, config: Config, config_hash: str,
                    report: RunReport) -> tuple[list[tuple[str, Source]], dict[str, str]]:
    """Read the stream, group its new articles (summarize/grouping/stories.py; the grouping is
    saved before any briefing is built), and return each event with its articles and
    their fingerprint: an event is rebuilt only when its articles change."""
    from summarize.grouping.stories import GROUPS_FILE, events_of, load_grouping
    from summarize.inputs.single import read_source

    articles, skipped = read_source(input_root, config.limits.max_article_bytes, output_root)
    for item in skipped:
        log.warning("%s: skipped: %s", item.path, item.reason)
    report.articles_skipped.extend(skipped)
    if not articles:  # a stream with nothing in it is a mistake to say, not an empty run
        raise InputError(f"no article to group in "
                         f"{'standard input' if input_root == STDIN else input_root}"
                         + (f" ({len(skipped)} files skipped)" if skipped else ""))
    grouping = load_grouping(output_root)
    for decision in grouping.add(articles, config.grouping):
        report.grouped.append((decision.article, decision.story, decision.reason))
    try:
        if report.grouped or not (output_root / GROUPS_FILE).is_file():
            # (unchanged otherwise: a run with nothing new skips writing megabytes)
            write_atomic(output_root / GROUPS_FILE, grouping.to_json())
    except OSError as error:  # nothing is built on a grouping the next run would not know
        raise OutputError(f"cannot save the grouping {output_root / GROUPS_FILE}: "
                          f"{error.strerror or error}") from None
    named: list[tuple[str, Source]] = []
    fingerprints = {}
    for slug, members in events_of(grouping, articles).items():
        named.append((slug, _event_of(slug, members, config.limits.max_event_bytes)))
        fingerprints[slug] = _articles_fingerprint(members, config_hash)
    return named, fingerprints


def _single_event(source: Path, config: Config, config_hash: str, report: RunReport,
                  ) -> tuple[list[tuple[str, Source]], dict[str, str]]:
    """The one event of an article file or of standard input, named after it."""
    from summarize.inputs.single import read_single

    slug, articles, skipped = read_single(source, config.limits.max_article_bytes)
    for item in skipped:
        log.warning("%s: skipped: %s", item.path, item.reason)
    report.articles_skipped.extend(skipped)
    event = _event_of(slug, articles, config.limits.max_event_bytes)
    return [(slug, event)], {slug: _articles_fingerprint(articles, config_hash)}


def _event_of(slug: str, articles: list[Article], max_event_bytes: int) -> Event:
    kept, over = _within(articles, max_event_bytes)
    return Event(slug, tuple(kept), tuple(over), next((a.focus for a in kept if a.focus), None))


def _articles_fingerprint(articles: list[Article], config_hash: str) -> str:
    """An event read from a stream is rebuilt only when its articles change."""
    digest = hashlib.sha256(config_hash.encode())
    for article in articles:  # every field, so an edited article rebuilds its event
        digest.update(repr(article).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _start_workers_early(dask: bool, events: int | None, jobs: int | None) -> None:
    """Start the local workers' fork server before validating the config: it imports the
    pipeline (0.6 s) while this process imports pydantic and validates (0.15-0.25 s), and
    the first events start that much sooner. Not when one process builds everything
    (`--jobs 1`, one event, one core), nor when Dask builds them (a config file read for
    the first time may still ask for Dask: the server is then left unused, and ends with
    the run). `events`: how many may be built (None: not known yet, a stream to group)."""
    cores = default_jobs()
    if dask or min(jobs or cores, cores, 2 if events is None else events) < 2:
        return
    start_fork_server([build_event.__module__, *BUILD_MODULES])


def _validated(config: Config | ConfigFile) -> Config:
    """The config, read and validated if it is a file, with its templates checked (a
    template error stops the run before anything is written)."""
    if isinstance(config, ConfigFile):
        config = config.load()
    check_templates(config)
    return config


def check_templates(config: Config) -> None:
    """Render the sample briefing through the templates the config names (shipped ones
    need no check)."""
    if config.output.template is not None:
        from summarize.outputs.markdown import check_template, load_template

        check_template(load_template(config.output.template), config.effective())
    if config.output.html_template is not None:
        from summarize.outputs.html import check_page_template, load_page_template

        check_page_template(load_page_template(config.output.html_template),
                            config.effective())


def _recorded_settings(output_root: Path, key: str) -> Settings | None:
    """The settings the last run recorded for a config with this key, if it did;
    OutputError when the record for this key holds what no config gives."""
    path = output_root / SETTINGS_FILE
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # none yet, or cut short: the config is validated
        return None
    try:
        return Settings.from_record(record, key)
    except saved.Damaged as error:
        raise OutputError(f"{path} is damaged ({error}); delete it: the next run writes "
                          "it again from the config") from None


def _record_settings(output_root: Path, record: dict[str, Any]) -> None:
    """Keep the settings a validated config gave for the next run (a run that took them
    from the record has nothing to add)."""
    path = output_root / SETTINGS_FILE
    try:
        write_atomic(path, json.dumps(record, sort_keys=True) + "\n")
    except OSError as error:  # the next run validates the config
        log.warning("cannot save %s: %s", path, error.strerror or error)


def _within(articles: list[Article], max_bytes: int) -> tuple[list[Article], list[SkippedFile]]:
    """The articles that fit in `limits.max_event_bytes` (in path order), and the rest."""
    kept, over, total = [], [], 0
    for article in articles:
        size = len(article.body.encode("utf-8", "surrogateescape"))
        if total + size > max_bytes:
            over.append(SkippedFile(article.path, f"the event's articles pass "
                                                  f"limits.max_event_bytes ({max_bytes})"))
        else:
            kept.append(article)
            total += size
    return kept, over



def _plan(named: list[tuple[str, Source]], fingerprints: dict[str, str],
          state: dict[str, dict], output_root: Path, force: bool, whole_run: bool,
          config_formats: tuple[str, ...], report: RunReport,
          ) -> tuple[list[tuple[str, Source]], dict[str, str]]:
    """The events (slug, source) to build, and every event's fingerprint; unchanged events
    go to the report (with the files they skipped last time). With `whole_run` (statistics
    of the whole run shape every briefing) a change in any event rebuilds them all."""
    suffixes = [SUFFIXES[name] for name in config_formats]
    if whole_run:
        combined = hashlib.sha256("".join(sorted(fingerprints.values())).encode()).hexdigest()
        fingerprints = {slug: combined for slug in fingerprints}
    todo = []
    for slug, source in named:
        known = state.get(slug, {})
        outputs_exist = all((output_root / f"{slug}{s}").is_file() for s in suffixes)
        if not force and outputs_exist and known.get("fingerprint") == fingerprints[slug]:
            report.unchanged.append(slug)
            report.articles_skipped.extend(SkippedFile(p, r) for p, r in known.get("skipped", []))
            report.articles_decoded.extend((p, e) for p, e in known.get("decoded", []))
        else:
            todo.append((slug, source))
    return todo, fingerprints


def _build_and_write(tasks: list[Task], fingerprints: dict[str, str],
                     contents: dict[str, dict[str, str]], state: dict[str, dict],
                     output_root: Path, report: RunReport, timer: StageTimer,
                     progress: bool | None, now: str, run_config: RunConfig) -> None:
    if not tasks:
        return
    from tqdm import tqdm  # only when there is work to show
    from tqdm.contrib.logging import logging_redirect_tqdm

    # tqdm draws on stderr and switches itself off when stderr is not a terminal (cron)
    bar = tqdm(total=len(tasks), unit="event", leave=False,
               disable=True if progress is False else None)
    journal = StateJournal(output_root)
    # warnings (the workers' too: runs/executors.py) are printed above the bar, not over it
    with bar, closing(journal), logging_redirect_tqdm([logging.getLogger("summarize")]):
        for outcome in outcomes(tasks, report.jobs, run_config):
            for stage, seconds in outcome.seconds.items():
                timer.seconds[stage] += seconds
            bar.update(1)
            if outcome.error is not None:
                log.error("%s: failed: %s", outcome.slug, outcome.error)
                report.failed.append((outcome.slug, outcome.error))
                report.articles_skipped.extend(outcome.skipped)  # why it had nothing to read
                continue
            try:
                with timer.stage("write"), signals_deferred():
                    write_files_atomic({output_root / f"{outcome.slug}{suffix}": text
                                        for suffix, text in outcome.files.items()})
                    known = state.get(outcome.slug, {})
                    current, previous = outcome.history.current, outcome.history.previous
                    state[outcome.slug] = {
                        "fingerprint": fingerprints[outcome.slug],
                        **contents.get(outcome.slug, {}),
                        "skipped": [[s.path, s.reason] for s in outcome.skipped],
                        "decoded": [list(d) for d in outcome.decoded],
                        "first_written": known.get("first_written", now),
                        "current": current.to_state() if current else None,
                        "previous": previous.to_state() if previous else None,
                        "index": outcome.index}
                    journal.record(outcome.slug, state[outcome.slug])
            except OSError as error:
                reason = f"cannot write its briefing: {error.strerror or error}"
                log.error("%s: failed: %s", outcome.slug, reason)
                report.failed.append((outcome.slug, reason))
                continue
            report.articles_skipped.extend(outcome.skipped)
            report.articles_decoded.extend(outcome.decoded)
            report.written.append(outcome.slug)
            log.info("%s: briefing written", outcome.slug)


