"""What a run changes in the output folder besides each briefing: pruning the briefings of
events that are gone, and the site's index page and feed."""

from __future__ import annotations

import logging
from pathlib import Path

from summarize.runs.files import SUFFIXES, write_files_atomic
from summarize.runs.report import RunReport
from summarize.runs.state import history_of

log = logging.getLogger(__name__)


def prune_briefings(state: dict[str, dict], present: set[str], output_root: Path,
                    report: RunReport) -> None:
    """Remove the briefings of events whose folder is gone: only files this tool wrote,
    inside the output folder (the state's event names were checked when it was read: a
    state naming "../victim" stops the run), and nothing when no event is present."""
    if not present:
        log.warning("no event folder in the input: nothing pruned")
        return
    for slug in sorted(set(state) - present):
        for suffix in SUFFIXES.values():
            (output_root / f"{slug}{suffix}").unlink(missing_ok=True)
        report.pruned.append(slug)
        log.info("%s: folder gone, briefing removed", slug)
        del state[slug]


def write_site(state: dict[str, dict], output_root: Path, report: RunReport, now: str,
               site_url: str | None, site_title: str) -> None:
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
        write_files_atomic({files[0]: site.render_index(entries, now, site_title),
                            files[1]: site.render_feed(entries, now, site_url, site_title)})
    except OSError as error:
        log.error("cannot write %s and %s: %s", site.INDEX_PAGE, site.FEED,
                  error.strerror or error)


