"""Time and peak memory of one event that a feed floods (issue 35, finding 5): N short
entries, N copies of one story, one entry repeating a sentence N times. Each is a
`summarize run --jobs 1` in a fresh process (the event is built in it, so its peak
resident memory is the event's), the feed cut into files of 4 MB (the default
limits.max_article_bytes is 5 MB; the event's 20 MB); both should grow about linearly
with N.

Before the duplicate check found copies through sentence classes and a prefix filter,
and LexRank walked identical sentences as one node, 15,000 entries peaked at 3.6 GiB,
100,000 asked for 74.5 GiB, 5,000 copies took 7.8 GiB and 134 s, and an entry repeating
its sentence 20,000 times took 17 GB and 200 s.

    .venv/bin/python benchmarks/hostile_scale.py [--entries 1000,10000,100000]
        [--copies 1000,5000,10000] [--repeats 10000,45000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, SOURCE_DATE_EPOCH, table  # noqa: E402

WORDS = ("council budget river bridge tram harbour school market mayor police storm "
         "election factory strike court ruling museum festival airport rail bank price fuel "
         "water hospital doctor nurse teacher farmer minister vote plan road fire flood").split()
VERBS = "approved rejected opened closed delayed praised blocked funded repaired inspected".split()
STORY = ("The city council approved the new transport budget on Monday after a long debate. "
         "The plan adds three bus lines and repairs the old tram bridge over the river. "
         "Opponents said the fares would rise too fast for families on low incomes. "
         "The mayor promised a review of the fares within a year of the first new line.")

FEED_BYTES = 4_000_000  # each feed file (the default limits.max_article_bytes is 5 MB)
# Runs the event in this process and prints its peak resident memory (KiB on Linux).
MEASURE = """
import resource, sys
from pathlib import Path
from summarize.config import load_config
from summarize.runs.run import run
report = run(load_config(None), Path(sys.argv[1]), Path(sys.argv[2]), jobs=1, progress=False)
assert not report.articles_skipped, report.articles_skipped[:3]
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(report.written))
"""


def entries(count: int) -> list[dict]:
    """Short distinct entries, about 90 bytes of text each."""
    rng = random.Random(count)
    found = []
    for i in range(count):
        first, second = rng.sample(WORDS, 2)
        found.append({"title": f"{first} {i}",
                      "text": f"The {first} {rng.choice(VERBS)} the {second} plan {i} on the "
                              f"{rng.choice(WORDS)} of the city today."})
    return found


def copies(count: int) -> list[dict]:
    return [{"title": "Budget", "text": STORY, "outlet": f"Outlet {i}"} for i in range(count)]


def repeats(count: int) -> list[dict]:
    first = STORY.split(". ")[0] + ". "
    return [{"title": "Budget", "text": first * count}, {"title": "Budget", "text": STORY}]


def measure(feed: list[dict], scratch: Path) -> tuple[float, float, int, int]:
    """Seconds, peak MiB, feed bytes and briefings written of a run over the feed."""
    event = scratch / "in" / "event"
    event.mkdir(parents=True)
    lines = [json.dumps(entry) + "\n" for entry in feed]
    size, part = 0, 0
    while lines:  # feeds of FEED_BYTES at most, under limits.max_article_bytes
        taken, length = 1, len(lines[0])
        while taken < len(lines) and length + len(lines[taken]) <= FEED_BYTES:
            length += len(lines[taken])
            taken += 1
        (event / f"feed-{part:02d}.jsonl").write_text("".join(lines[:taken]), encoding="utf-8")
        lines, size, part = lines[taken:], size + length, part + 1
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", MEASURE, str(scratch / "in"),
                             str(scratch / "out")], cwd=ROOT, env=env, capture_output=True,
                            text=True, check=True)
    seconds = time.perf_counter() - start
    peak_kib, written = (int(x) for x in result.stdout.split())
    return seconds, peak_kib / 1024, size, written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", default="1000,10000,100000")
    parser.add_argument("--copies", default="1000,5000,10000")
    parser.add_argument("--repeats", default="10000,45000")
    args = parser.parse_args()
    rows = []
    for name, make, counts in (("short entries", entries, args.entries),
                               ("copies of one story", copies, args.copies),
                               ("one entry repeating a sentence", repeats, args.repeats)):
        previous = None
        for count in (int(c) for c in counts.split(",") if c):
            with tempfile.TemporaryDirectory() as scratch:
                seconds, mib, size, written = measure(make(count), Path(scratch))
            per = seconds / count * 1000
            growth = "" if previous is None else f"{per / previous:.2f}"
            rows.append([name, f"{count:,}", f"{size / 1e6:.1f}", f"{seconds:.1f}",
                         f"{per:.3f}", growth, f"{mib:,.0f}", written])
            print(f"{name}, {count:,}: {seconds:.1f} s, {mib:,.0f} MiB", file=sys.stderr,
                  flush=True)
            previous = per
    print(table(["event", "N", "feeds MB", "seconds", "ms per N", "x previous", "peak MiB",
                 "written"], rows))
    print("\nEach run: `summarize run --jobs 1` over one event folder holding the feed, in a "
          "fresh process (python, imports and the briefing included). 'x previous': ms per "
          "N against the smaller N above it (1.00: linear).")


if __name__ == "__main__":
    main()
