"""A run over many events: each event's briefing is written atomically, one failing event
never stops the others, and the run ends with a report of what happened."""

from __future__ import annotations

import logging
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from summarize.config import Config
from summarize.errors import InputError, RenderError
from summarize.loading import check_slug, discover_events, load_event
from summarize.models import SkippedFile
from summarize.pipeline import (
    PreparedEvent,
    StageTimer,
    prepare_event,
    run_statistics,
    summarize_prepared,
)
from summarize.rendering import briefing_data, load_template, render_json, render_markdown
from summarize.words import DocumentFrequencies

log = logging.getLogger(__name__)


@dataclass
class RunReport:
    written: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (event, reason)
    articles_skipped: list[SkippedFile] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def summary(self) -> str:
        written = len(self.written)
        line = (f"{written} briefing{'' if written == 1 else 's'} written, "
                f"{len(self.failed)} events failed, {len(self.articles_skipped)} files skipped")
        return line + "".join(f"\n  failed: {event}: {why}" for event, why in self.failed)


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder and rename it over `path`, so a
    reader (or a killed run) only ever sees the old or the new complete file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load_prepared(folder: Path, root: Path, config: Config, timer: StageTimer) -> PreparedEvent:
    """One event folder, loaded, cleaned and split; InputError when nothing is left."""
    with timer.stage("load"):
        event = load_event(folder, root, config.limits.max_article_bytes)
    if not event.articles:
        raise InputError("no readable articles")
    prepared = prepare_event(event, timer)
    if not prepared.articles:
        raise InputError("no article has any sentence after cleaning")
    return prepared


def render_event(folder: Path, root: Path, config: Config, template: jinja2.Template,
                 timer: StageTimer, background: DocumentFrequencies | None = None,
                 ) -> tuple[str, str, tuple[SkippedFile, ...]]:
    """Markdown and JSON of one event's briefing, and the files it skipped."""
    prepared = load_prepared(folder, root, config, timer)
    briefing = summarize_prepared(prepared, config, timer, background)
    with timer.stage("render"):
        data = briefing_data(briefing)
        markdown = render_markdown(template, data)
    return markdown, render_json(data), prepared.skipped


def _run_statistics(folders: list[Path], root: Path, config: Config,
                    timer: StageTimer) -> DocumentFrequencies:
    """Term statistics over every readable event of the run (events that fail are left out
    here and reported when their turn comes)."""
    prepared = []
    for folder in folders:
        if check_slug(folder.name):
            continue
        try:
            prepared.append(load_prepared(folder, root, config, timer))
        except InputError:
            continue
    with timer.stage("words"):
        return run_statistics(prepared)


def run(config: Config, input_root: Path, output_root: Path) -> RunReport:
    """Write `<event>.md` and `<event>.json` under `output_root` for every event folder."""
    template = load_template(config.output.template)
    folders = discover_events(input_root)
    output_root.mkdir(parents=True, exist_ok=True)
    report = RunReport()
    timer = StageTimer()
    started = time.perf_counter()
    background = None
    if config.ranker.uses_run_statistics:
        background = _run_statistics(folders, input_root, config, timer)
    for folder in folders:
        slug = folder.name
        problem = check_slug(slug)
        if problem:
            report.failed.append((slug, problem))
            continue
        try:
            markdown, data, skipped = render_event(folder, input_root, config, template, timer,
                                                   background)
        except (InputError, RenderError) as error:
            log.error("%s: failed: %s", slug, error)
            report.failed.append((slug, str(error)))
            continue
        report.articles_skipped.extend(skipped)
        with timer.stage("write"):
            write_atomic(output_root / f"{slug}.json", data)
            write_atomic(output_root / f"{slug}.md", markdown)
        report.written.append(slug)
        log.info("%s: briefing written", slug)
    report.seconds = {k: round(v, 4) for k, v in sorted(timer.seconds.items())}
    report.seconds["total"] = round(time.perf_counter() - started, 4)
    return report
