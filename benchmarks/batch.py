"""A scheduled run over all 50 DUC 2006 events (1,250 articles) plus the seeds, as cron
would start it (`summarize run` in a fresh process): full runs with --jobs 1 and --jobs 2
side by side, then a second run with no change, then one after one article changed.

The articles are copied to a temporary input folder (DUC keeps them under
`<event>/articles/`, next to references this tool must not read).

    .venv/bin/python benchmarks/batch.py [--baseline CHECKOUT]

`--baseline` also times full `--jobs 2` runs of the code in another checkout of the
project (e.g. `git worktree add /tmp/before <commit>`) on the same input, in the same run:
PAIRS pairs, alternating which goes first (a busy machine drifts), and prints the ratio of
the medians: how a change moved the batch's time.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, require_duc2006, table  # noqa: E402

PAIRS = 4  # alternating runs of each checkout with --baseline


def build_input(duc: Path, target: Path) -> int:
    events = 0
    for event in sorted(p for p in duc.iterdir() if (p / "articles").is_dir()):
        shutil.copytree(event / "articles", target / event.name)
        events += 1
    for seed in sorted((ROOT / "seeds").iterdir()):
        shutil.copytree(seed, target / seed.name)
        events += 1
    return events


def briefings(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.suffix in (".md", ".json") and not p.name.startswith(".")
            and p.name != "run-report.json"}


def timed_run(input_root: Path, output: Path, *extra: str,
              code: Path = ROOT) -> tuple[float, dict]:
    env = {**os.environ, "PYTHONPATH": str(code)}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "summarize", "run", "--input",
                             str(input_root), "--output", str(output),
                             "--config", str(code / "configs" / "default.yaml"), *extra],
                            cwd=code, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"summarize run failed ({result.returncode}):\n{result.stderr}")
    return seconds, json.loads((output / "run-report.json").read_text(encoding="utf-8"))


def main() -> None:
    baseline = None
    if len(sys.argv) == 3 and sys.argv[1] == "--baseline":
        baseline = Path(sys.argv[2]).resolve()
    elif len(sys.argv) > 1:
        sys.exit("usage: benchmarks/batch.py [--baseline CHECKOUT]")
    duc = require_duc2006()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        events = build_input(duc, work / "input")
        rows = []
        serial_s, serial = timed_run(work / "input", work / "out-1", "--jobs", "1")
        rows.append(["full run", 1, len(serial["events"]["written"]),
                     len(serial["events"]["unchanged"]), f"{serial_s:.2f}", "1.00"])
        parallel_s, parallel = timed_run(work / "input", work / "out-2", "--jobs", "2")
        rows.append(["full run", 2, len(parallel["events"]["written"]),
                     len(parallel["events"]["unchanged"]), f"{parallel_s:.2f}",
                     f"{parallel_s / serial_s:.2f}"])
        same = briefings(work / "out-1") == briefings(work / "out-2")
        again_s, again = timed_run(work / "input", work / "out-2", "--jobs", "2")
        rows.append(["no change", 2, len(again["events"]["written"]),
                     len(again["events"]["unchanged"]), f"{again_s:.2f}",
                     f"{again_s / serial_s:.2f}"])
        article = sorted((work / "input" / "D0601A").iterdir())[0]
        with article.open("a", encoding="utf-8") as stream:
            stream.write("\nA late correction: the figures were revised on Friday.\n")
        touched_s, touched = timed_run(work / "input", work / "out-2", "--jobs", "2")
        rows.append(["one article changed", 2, len(touched["events"]["written"]),
                     len(touched["events"]["unchanged"]), f"{touched_s:.2f}",
                     f"{touched_s / serial_s:.2f}"])
        if baseline is not None:
            times: dict[str, list[float]] = {"this code": [], baseline.name: []}
            for pair in range(PAIRS):
                order = [("this code", ROOT), (baseline.name, baseline)]
                for name, code in order if pair % 2 else order[::-1]:
                    seconds, _ = timed_run(work / "input", work / f"out-{name}-{pair}",
                                           "--jobs", "2", code=code)
                    times[name].append(seconds)
            ours, theirs = (statistics.median(v) for v in times.values())
            for name, median in ((f"full run, median of {PAIRS}", ours),
                                 (f"full run, {baseline.name}, median of {PAIRS}", theirs)):
                rows.append([name, 2, "", "", f"{median:.2f}", f"{median / serial_s:.2f}"])
    print(f"{events} events; wall-clock seconds of `summarize run` in a fresh process "
          "(start-up included)\n")
    print(table(["run", "jobs", "written", "unchanged", "seconds", "vs full --jobs 1"], rows))
    print(f"\n--jobs 1 and --jobs 2 briefings byte-identical: {'yes' if same else 'NO'}; "
          f"rebuilt after the change: {', '.join(touched['events']['written'])}")
    if baseline is not None:
        print(f"full run --jobs 2, this code / {baseline.name}: {ours / theirs:.2f} "
              f"(medians of {PAIRS} alternating pairs)")


if __name__ == "__main__":
    main()
