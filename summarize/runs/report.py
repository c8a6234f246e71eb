"""What a run did, for its caller and for `<output>/run-report.json`; the run's clock."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field

from summarize.errors import ConfigError
from summarize.models import SkippedFile
from summarize.outputs.changes import iso_time
from summarize.outputs.data import visible
from summarize.runs.settings import versions

REPORT_FILE = "run-report.json"


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
        return line + "".join(f"\n  failed: {visible(event)}: {visible(why)}"
                              for event, why in self.failed)

    def as_json(self) -> str:
        data = {
            "events": {
                "written": sorted(self.written),
                "unchanged": sorted(self.unchanged),
                "failed": [{"event": visible(e), "reason": visible(r)}
                       for e, r in sorted(self.failed)],
                "pruned": sorted(self.pruned),
            },
            # paths and reasons quote what the input held (file names, parsers' errors)
            "articles_skipped": [{"path": visible(s.path), "reason": visible(s.reason)}
                                 for s in sorted(self.articles_skipped, key=lambda s: s.path)],
            "articles_decoded": [{"path": visible(path), "encoding": encoding}
                                 for path, encoding in sorted(self.articles_decoded)],
            "articles_grouped": [{"path": visible(path), "event": event, "reason": reason}
                                 for path, event, reason in self.grouped],
            "seconds": self.seconds,
            "jobs": self.jobs,
            "versions": versions(),
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


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

