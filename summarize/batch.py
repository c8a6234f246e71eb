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

import datetime as dt
import hashlib
import json
import logging
import os
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarize.errors import ConfigError, InputError, OutputError, RunLocked, SummarizeError
from summarize.executors import dask_results, default_jobs, local_results, start_fork_server
from summarize.layout import check_slug, discover_events, name_events, passed_over
from summarize.models import Article, Event, SkippedFile
from summarize.outputs.changes import History, Version, iso_time, mark_new, next_history
from summarize.settings import ConfigFile, Settings, code_fingerprint, versions
from summarize.timing import StageTimer

if TYPE_CHECKING:
    from summarize.config import Config
    from summarize.config import Run as RunConfig
    from summarize.pipeline import PreparedEvent
    from summarize.words import DocumentFrequencies

log = logging.getLogger(__name__)

Source = Path | Event  # an event's folder, or its articles grouped from a stream

LOCK_FILE = ".lock"
STATE_FILE = ".state.json"
# Each event's state entry as its briefing is written, replayed into the state by the
# next load (`StateJournal`): the state file is rewritten once a run, not once an event.
JOURNAL_FILE = ".state.journal"
SETTINGS_FILE = ".settings.json"  # the last run's settings (summarize/settings.py)
REPORT_FILE = "run-report.json"
STATE_VERSION = 2
# The file each output format writes per event.
SUFFIXES = {"markdown": ".md", "json": ".json", "html": ".html"}
_TEMPORARY_SUFFIX = ".tmp"


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Briefings are for people to read: files get the usual mode (mkstemp's is 0600).
_FILE_MODE = 0o666 & ~_current_umask()


# -- the report ---------------------------------------------------------------------------

@dataclass
class RunReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (event, reason)
    pruned: list[str] = field(default_factory=list)
    articles_skipped: list[SkippedFile] = field(default_factory=list)
    articles_decoded: list[tuple[str, str]] = field(default_factory=list)  # not UTF-8
    grouped: list[tuple[str, str, str]] = field(default_factory=list)  # (article, event, why)
    seconds: dict[str, float] = field(default_factory=dict)
    jobs: int = 1

    @property
    def exit_code(self) -> int:
        """0: every event written or unchanged; 1: some events failed."""
        return 1 if self.failed else 0

    def summary(self) -> str:
        events = len(self.written) + len(self.unchanged) + len(self.failed)
        line = (f"{events} event{'' if events == 1 else 's'}: {len(self.written)} written, "
                f"{len(self.unchanged)} unchanged, {len(self.failed)} failed"
                + (f", {len(self.pruned)} pruned" if self.pruned else "")
                + (f"; {len(self.grouped)} new articles grouped" if self.grouped else "")
                + f"; {len(self.articles_skipped)} files skipped; "
                f"{self.seconds.get('total', 0.0):.2f} s")
        return line + "".join(f"\n  failed: {event}: {why}" for event, why in self.failed)

    def as_json(self) -> str:
        data = {
            "events": {
                "written": sorted(self.written),
                "unchanged": sorted(self.unchanged),
                "failed": [{"event": e, "reason": r} for e, r in sorted(self.failed)],
                "pruned": sorted(self.pruned),
            },
            "articles_skipped": [{"path": s.path, "reason": s.reason}
                                 for s in sorted(self.articles_skipped, key=lambda s: s.path)],
            "articles_decoded": [{"path": path, "encoding": encoding}
                                 for path, encoding in sorted(self.articles_decoded)],
            "articles_grouped": [{"path": path, "event": event, "reason": reason}
                                 for path, event, reason in self.grouped],
            "seconds": self.seconds,
            "jobs": self.jobs,
            "versions": versions(),
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# -- writing ------------------------------------------------------------------------------

def write_atomic(path: Path, text: str) -> None:
    """Write one file through a temporary file in its folder and a rename."""
    write_files_atomic({path: text})


def write_files_atomic(files: dict[Path, str]) -> None:
    """Write every file to a temporary file in its folder, flush them all to disk, then
    rename each over its target: a failure while writing (a full disk) changes nothing."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, text in files.items():
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                                 suffix=_TEMPORARY_SUFFIX)
            staged.append((temporary, path))
            os.fchmod(handle, _FILE_MODE)
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
        for temporary, path in staged:
            os.replace(temporary, path)
    except BaseException:
        for temporary, _ in staged:
            Path(temporary).unlink(missing_ok=True)
        raise


def remove_temporaries(folder: Path) -> list[Path]:
    """Temporary files a killed run left behind: only the names `write_files_atomic` gives
    (`.<slug>.md.<random>.tmp`, `.index.xml.<random>.tmp`, …), never another file."""
    removed = []
    for suffix in (*SUFFIXES.values(), ".xml"):
        pattern = f".*{suffix}.*{_TEMPORARY_SUFFIX}"
        for path in sorted(folder.glob(pattern)):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def run_clock() -> str:
    """The run's time (ISO 8601, UTC): now, or SOURCE_DATE_EPOCH when set, so that a run
    that must write byte-identical files (the golden samples, tests) can fix it."""
    fixed = os.environ.get("SOURCE_DATE_EPOCH")
    if fixed is None:
        return iso_time(dt.datetime.now(dt.UTC))
    try:
        return iso_time(dt.datetime.fromtimestamp(int(fixed), dt.UTC))
    except (ValueError, OverflowError, OSError):
        raise ConfigError(f"SOURCE_DATE_EPOCH: expected seconds since 1970-01-01, "
                          f"got {fixed!r}") from None


@contextmanager
def run_lock(folder: Path, wait_for_it: bool) -> Iterator[None]:
    """Hold `<folder>/.lock` for the run; RunLocked at once when another run holds it."""
    path = folder / LOCK_FILE
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise OutputError(f"cannot write to the output folder {folder}: "
                          f"{error.strerror}") from None
    try:
        try:
            import fcntl  # POSIX only: imported here so that --help works anywhere
        except ImportError:
            raise OutputError("runs lock their output folder with flock(), which this "
                              "system lacks (Linux, macOS and the BSDs have it)") from None
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | (0 if wait_for_it else fcntl.LOCK_NB))
        except BlockingIOError:
            holder = os.pread(descriptor, 32, 0).decode(errors="replace").strip() or "?"
            raise RunLocked(f"another run is writing to {folder} (pid {holder}); it will "
                            "be done soon: try again later, or pass --wait") from None
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


# -- fingerprints and state ---------------------------------------------------------------

# A file changed within this long before its bytes were read may change again without its
# times moving (FAT keeps modification times to 2 s, some network file systems to 1 s):
# its listing is not trusted, and the next run reads its bytes again (git's "racily clean"
# entries, Documentation/technical/racy-git.txt).
RACY_NANOSECONDS = 2_000_000_000


def event_fingerprint(folder: Path, config_hash: str, known: dict[str, Any] | None = None,
                      ) -> tuple[str, dict[str, str]]:
    """The fingerprint of the event's files' names and bytes with the config's, and what
    the state keeps to skip reading them next time: a digest of their listing (name, size,
    inode, modification and change times) and of their content. When the listing is the
    one `known` recorded, its content digest is reused and no file is read; as git and
    make do, a file whose times and size stay the same is taken as unchanged."""
    listing = _listing_digest(folder)
    if listing is not None and known and known.get("listing") == listing \
            and isinstance(known.get("content"), str):
        content = known["content"]
    else:
        content = _content_digest(folder)
    record = {"content": content} if listing is None else {"listing": listing,
                                                            "content": content}
    fingerprint = hashlib.sha256(f"{config_hash}\0{content}".encode()).hexdigest()
    return fingerprint, record


def _listing_digest(folder: Path) -> str | None:
    """A digest of what `stat` says of each entry; None when the folder cannot be listed
    or an entry changed too recently to be trusted (RACY_NANOSECONDS)."""
    trusted_before = time.time_ns() - RACY_NANOSECONDS
    digest = hashlib.sha256()
    try:
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            info = entry.stat()  # follows links, as reading the file does
            if max(info.st_mtime_ns, info.st_ctime_ns) >= trusted_before:
                return None
            digest.update(f"{entry.name}\0{info.st_mode}\0{info.st_size}\0{info.st_ino}\0"
                          f"{info.st_mtime_ns}\0{info.st_ctime_ns}\0"
                          .encode(errors="surrogateescape"))
    except OSError:  # unreadable or vanishing: the content digest says what happened
        return None
    return digest.hexdigest()


def _content_digest(folder: Path) -> str:
    """The names and bytes of the event's files."""
    digest = hashlib.sha256()
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as error:  # an unreadable event folder: its build will fail and say why
        digest.update(f"unreadable folder: {error.strerror}".encode())
        return digest.hexdigest()
    for path in entries:
        digest.update(b"\0" + path.name.encode(errors="surrogateescape") + b"\0")
        if path.is_file():
            try:
                with path.open("rb") as stream:  # in chunks: a huge file never sits in memory
                    for chunk in iter(lambda: stream.read(1 << 20), b""):
                        digest.update(chunk)
            except OSError as error:  # unreadable now: the build will report it
                digest.update(f"unreadable: {error.strerror}".encode())
    return digest.hexdigest()


def load_state(folder: Path) -> dict[str, dict]:
    """Event slug -> {"fingerprint", "listing", "content", "skipped", "decoded",
    "first_written", "current", "previous", "index"}: the state file, then the entries a
    run that did not finish left in the journal (`StateJournal`)."""
    events = _saved_state(folder)
    try:
        journal = (folder / JOURNAL_FILE).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return events
    except OSError as error:
        log.warning("%s: unreadable (%s), its events will be rebuilt",
                    folder / JOURNAL_FILE, error.strerror or error)
        return events
    for line in journal.splitlines():
        try:
            slug, entry = json.loads(line)
        except (ValueError, TypeError):  # empty, or cut short by a kill or a full disk
            continue
        if isinstance(slug, str) and isinstance(entry, dict):
            events[slug] = entry
    return events


def _saved_state(folder: Path) -> dict[str, dict]:
    """The state file's events; empty when absent or unreadable."""
    path = folder / STATE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        log.warning("%s: unreadable, every event will be rebuilt", path)
        return {}
    if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
        return {}
    events = data.get("events")
    return events if isinstance(events, dict) else {}


def history_of(known: dict[str, Any]) -> History:
    return History(Version.from_state(known.get("current")),
                   Version.from_state(known.get("previous")))


def save_state(folder: Path, events: dict[str, dict], *, unless_unchanged: bool = False,
               ) -> None:
    """Write the state file; with `unless_unchanged`, not when it already holds these
    events (a run with nothing to build writes and flushes nothing but its report)."""
    data = {"version": STATE_VERSION, "events": dict(sorted(events.items()))}
    # Compact: json's C encoder (an indented dump runs in Python, 3x slower), on a file
    # that grows with the events
    text = json.dumps(data, separators=(",", ":")) + "\n"
    path = folder / STATE_FILE
    if unless_unchanged:
        try:
            if path.read_text(encoding="utf-8") == text:
                return
        except (OSError, UnicodeDecodeError):  # absent or unreadable: written below
            pass
    write_atomic(path, text)


def commit_state(folder: Path, events: dict[str, dict], *, unless_unchanged: bool = False,
                 ) -> None:
    """Save the state (`save_state`), then drop the journal it now holds."""
    save_state(folder, events, unless_unchanged=unless_unchanged)
    (folder / JOURNAL_FILE).unlink(missing_ok=True)


class StateJournal:
    """Records each event's state entry as soon as its briefing is written, so that a run
    killed later does not redo it: one line appended and flushed to disk per event.
    (Rewriting the state file each time cost time that grows with the events known: 0.13 s
    an event at 10,000, so that a first run over them would spend 11 minutes on it.)
    `load_state` replays the lines; `commit_state` folds them into the state file and
    removes the journal. Each line starts with a newline: one cut short by a kill or a
    full disk never runs into the next, and is skipped."""

    def __init__(self, folder: Path):
        self.path = folder / JOURNAL_FILE
        self._descriptor: int | None = None

    def record(self, slug: str, entry: dict[str, Any]) -> None:
        if self._descriptor is None:
            flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
            self._descriptor = os.open(self.path, flags, _FILE_MODE)
        line = "\n" + json.dumps([slug, entry], separators=(",", ":"))
        data = line.encode("utf-8", "surrogateescape")
        while data:
            data = data[os.write(self._descriptor, data):]
        os.fsync(self._descriptor)

    def close(self) -> None:
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None


# -- building one event (in a worker process) ---------------------------------------------

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


def _template(path: str | None):  # type: ignore[no-untyped-def]
    """The Markdown template, parsed once per process for as long as its file is
    unchanged (a long-lived process that runs again after an edit renders with the edit,
    as the briefings' fingerprints, which cover its bytes, expect)."""
    try:
        info = os.stat(path) if path else None
        stamp = info and (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    except OSError:
        stamp = None  # loading it says why
    return _parsed_template(path, stamp)


@cache
def _parsed_template(path: str | None, stamp: object):  # type: ignore[no-untyped-def]
    from summarize.outputs.markdown import load_template

    return load_template(Path(path) if path else None)


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
                template = _template(str(task.config.output.template)
                                     if task.config.output.template else None)
                files[SUFFIXES["markdown"]] = render_markdown(template, data)
            if "json" in formats:
                files[SUFFIXES["json"]] = render_json(data)
            if "html" in formats:
                files[SUFFIXES["html"]] = render_page(data)
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
        return prepare_loaded(source, timer)
    return load_prepared(source, root, config.limits.max_article_bytes, timer,
                         config.limits.max_event_bytes)


def _outcomes(tasks: list[Task], jobs: int, run_config: RunConfig) -> Iterator[Outcome]:
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


# -- the run ------------------------------------------------------------------------------

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
    (the settings a run plans with are kept in the output folder: summarize/settings.py).
    `now`: the run's time, ISO 8601 UTC (default: `run_clock()`). With `group`, the input
    is a flat stream (a feed, or a folder of articles at any depth) that
    summarize/grouping.py sorts into events, keeping its grouping in the output folder."""
    started = time.perf_counter()
    now = now or run_clock()
    # The config is validated now, its errors stopping the run before any write, unless
    # it is a file that the last run recorded the settings of (not with --group: grouping
    # reads every article, with the config's limits).
    key = config.key() if isinstance(config, ConfigFile) and not group else None
    settings = _recorded_settings(output_root, key) if key else None
    recorded = settings is not None
    validated = None
    try:
        folders = [] if group else discover_events(input_root)
        missing: InputError | None = None
    except InputError as error:  # said after the config's errors
        folders, missing = [], error
    if settings is None:
        # A first run, or a changed config: most likely every event is to be built.
        if isinstance(config, ConfigFile):  # unread: only the command line can say Dask
            dask = "run.executor=dask" in config.overrides
        else:
            dask = config.run.executor == "dask"
        _start_workers_early(dask, None if group else len(folders), jobs)
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
    for item in [] if group else passed_over(input_root):
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

                read = _read_all(named, input_root, validated, timer)
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
            _prune(state, {slug for slug, _ in named}, output_root, report)
        if "html" in settings.formats:
            with timer.stage("write"):
                _write_site(state, output_root, report, now, settings.site_url)
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
    """Read the stream, group its new articles (summarize/grouping.py; the grouping is
    saved before any briefing is built), and return each event with its articles and
    their fingerprint: an event is rebuilt only when its articles change."""
    from summarize.grouping import GROUPS_FILE, events_of, load_grouping
    from summarize.loading import read_stream

    articles, skipped = read_stream(input_root, config.limits.max_article_bytes, output_root)
    report.articles_skipped.extend(skipped)
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
        kept, over = _within(members, config.limits.max_event_bytes)
        event = Event(slug, tuple(kept), tuple(over), next((a.focus for a in kept if a.focus),
                                                           None))
        named.append((slug, event))
        digest = hashlib.sha256(config_hash.encode())
        for article in members:  # every field, so an edited article rebuilds its event
            digest.update(repr(article).encode("utf-8", "surrogateescape"))
        fingerprints[slug] = digest.hexdigest()
    return named, fingerprints


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
    """The config, read and validated if it is a file, with its Markdown template checked
    (a template error stops the run before anything is written)."""
    if isinstance(config, ConfigFile):
        config = config.load()
    if config.output.template is not None:
        from summarize.outputs.markdown import check_template, load_template

        check_template(load_template(config.output.template), config.effective())
    return config


def _recorded_settings(output_root: Path, key: str) -> Settings | None:
    """The settings the last run recorded for a config with this key, if it did."""
    try:
        record = json.loads((output_root / SETTINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # none yet, or damaged: the config is validated
        return None
    return Settings.from_record(record, key)


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


@contextmanager
def signals_deferred() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block is done: a briefing and its state entry are
    written together, so a stopped run never leaves a briefing the next run must rebuild.
    (Python runs a signal's handler between bytecodes, possibly well after the signal
    arrived: blocking the signal itself would not stop a handler already due, so the
    handlers are swapped for one that only records.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[tuple[int, Any]] = []
    previous = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}

    def record(number: int, frame: Any) -> None:
        arrived.append((number, frame))

    for number in previous:
        signal.signal(number, record)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for number, frame in arrived[:1]:
            handler = previous[number]
            if callable(handler):
                handler(number, frame)
            elif handler == signal.SIG_DFL:
                signal.raise_signal(number)


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

    # tqdm draws on stderr and switches itself off when stderr is not a terminal (cron)
    bar = tqdm(total=len(tasks), unit="event", leave=False,
               disable=True if progress is False else None)
    journal = StateJournal(output_root)
    with bar, closing(journal):
        for outcome in _outcomes(tasks, report.jobs, run_config):
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


def _prune(state: dict[str, dict], present: set[str], output_root: Path,
           report: RunReport) -> None:
    """Remove the briefings of events whose folder is gone: only files this tool wrote,
    inside the output folder (a state entry that is not a valid slug, such as
    "../victim", is dropped, never followed), and nothing when no event is present."""
    if not present:
        log.warning("no event folder in the input: nothing pruned")
        return
    for slug in sorted(set(state) - present):
        if check_slug(slug) is None:
            for suffix in SUFFIXES.values():
                target = output_root / f"{slug}{suffix}"
                if target.parent == output_root:
                    target.unlink(missing_ok=True)
            report.pruned.append(slug)
            log.info("%s: folder gone, briefing removed", slug)
        else:
            log.warning("state entry %r is not an event name: dropped, no file removed", slug)
        del state[slug]


def _write_site(state: dict[str, dict], output_root: Path, report: RunReport, now: str,
                site_url: str | None) -> None:
    """`index.html` and `index.xml`, when a briefing was written or removed (or they are
    missing): a run that changed nothing leaves them, and their "updated" marks, as
    they are."""
    from summarize.outputs import site

    files = [output_root / site.INDEX_PAGE, output_root / site.FEED]
    if not (report.written or report.pruned) and all(f.is_file() for f in files):
        return
    history = {slug: history_of(known) for slug, known in state.items()}
    entries = site.site_entries(state, history, now)
    try:
        write_files_atomic({files[0]: site.render_index(entries, now),
                            files[1]: site.render_feed(entries, now, site_url)})
    except OSError as error:
        log.error("cannot write %s and %s: %s", site.INDEX_PAGE, site.FEED,
                  error.strerror or error)


def _read_all(named: list[tuple[str, Source]], root: Path, config: Config,
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
