"""A run's bookkeeping as the events it knows grow: an archive of N small events (two articles
of one DUC 2006 event each, copies under new names), built by a first run, then an hourly run after
CHANGED of them changed, each `summarize run --jobs 2` in a fresh process.

The work per event is the same at every N, so a run's milliseconds per event built should
stay flat; what grows is what the coordinating process does per event on top of it
(`write` in `run-report.json`: the briefing's files and the event's state record).

    .venv/bin/python benchmarks/many_events.py [--events 100,400,1600] [--baseline CHECKOUT]

`--baseline` runs the same on the code of another checkout (e.g. `git worktree add
/tmp/before <commit>`), in the same run, and prints the ratio of the times.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.batch import briefings, timed_run  # noqa: E402
from benchmarks.common import ROOT, SOURCE_DATE_EPOCH, require_duc2006, table  # noqa: E402

CHANGED = 10  # events changed before the hourly run
ARTICLES_PER_EVENT = 2


def build_archive(duc: Path, target: Path, events: int) -> None:
    """`events` folders of ARTICLES_PER_EVENT articles of one DUC event each (event i takes
    DUC event i mod 50, and the next articles of it that earlier folders did not take)."""
    stories = [sorted((event / "articles").iterdir())
               for event in sorted(duc.iterdir()) if (event / "articles").is_dir()]
    for index in range(events):
        articles = stories[index % len(stories)]
        folder = target / f"event-{index:05d}"
        folder.mkdir(parents=True)
        for offset in range(ARTICLES_PER_EVENT):
            source = articles[(index // len(stories) * ARTICLES_PER_EVENT + offset)
                              % len(articles)]
            shutil.copyfile(source, folder / source.name)


def change_some(target: Path, events: int) -> None:
    """Add a paragraph to one article of CHANGED events spread over the archive."""
    for index in range(0, events, max(events // CHANGED, 1))[:CHANGED]:
        article = sorted((target / f"event-{index:05d}").iterdir())[0]
        with article.open("a", encoding="utf-8") as stream:
            stream.write(f"\n\nOfficials said on Monday that talks on item {index} would "
                         "resume next week in the capital, after a pause of two days.\n")


def measure(code: Path, work: Path, events: int) -> dict[str, float]:
    archive, output = work / "input", work / "output"
    first_s, first = timed_run(archive, output, "--jobs", "2", code=code)
    change_some(archive, events)
    hourly_s, hourly = timed_run(archive, output, "--jobs", "2", code=code)
    assert len(hourly["events"]["written"]) == min(CHANGED, events), hourly["events"]
    return {"first": first_s, "first write": first["seconds"].get("write", 0.0),
            "hourly": hourly_s, "hourly write": hourly["seconds"].get("write", 0.0),
            "briefings": briefings(output)}  # type: ignore[dict-item]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", default="100,400,1600",
                        help="archive sizes, comma-separated (default: 100,400,1600)")
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    options = parser.parse_args()
    duc = require_duc2006()
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH  # (the runs inherit it)
    sizes = [int(size) for size in options.events.split(",")]
    codes = {"this code": ROOT}
    if options.baseline:
        codes["baseline"] = options.baseline.resolve()
    rows = []
    for events in sizes:
        results = {}
        for name, code in codes.items():
            with tempfile.TemporaryDirectory() as scratch:
                work = Path(scratch)
                build_archive(duc, work / "input", events)
                results[name] = measure(code, work, events)
        for name, result in results.items():
            rows.append([
                name, f"{events:,}",
                f"{result['first']:.2f}", f"{result['first'] / events * 1000:.1f}",
                f"{result['first write'] / events * 1000:.1f}",
                f"{result['hourly']:.2f}", f"{result['hourly write'] / CHANGED * 1000:.1f}"])
        if "baseline" in results:
            this, base = results["this code"], results["baseline"]
            rows.append(["ratio", "", f"{this['first'] / base['first']:.2f}", "", "",
                         f"{this['hourly'] / base['hourly']:.2f}", ""])
            same = this["briefings"] == base["briefings"]
            rows.append(["same briefings", "", "yes" if same else "NO", "", "", "", ""])
    print(f"first run over N events of {ARTICLES_PER_EVENT} DUC 2006 articles, then an "
          f"hourly run after {CHANGED} changed; --jobs 2; write: the coordinating "
          "process's time writing briefings and state records (run-report.json)\n")
    print(table(["code", "events N", "first run s", "ms per event", "write ms per event",
                 f"hourly run s ({CHANGED} built)", "write ms per event built"], rows))


if __name__ == "__main__":
    main()
