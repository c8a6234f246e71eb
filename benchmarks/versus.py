"""This code against another checkout of the project, side by side in one run: what a
change did to each whole run, stage by stage, and whether it changed any briefing.

The runs are those of `benchmarks/scale.py`: the pooled DUC 2006 event (`--jobs 1`), the
50 events plus the seeds (`--jobs 2`) and the same events as scraped pages (`--jobs 2`).
Each is `summarize run` in a fresh process, ROUNDS rounds, the two checkouts alternating
which goes first (a busy machine drifts); the tables give the medians of the wall-clock
seconds and of each stage (`seconds` in run-report.json) and their ratios. Then every
briefing (.md, .json: the HTML page shows the JSON's data) of the two checkouts' last
round is compared byte for byte: a change meant to be faster only must show none.

    git worktree add /tmp/before <commit>
    .venv/bin/python benchmarks/versus.py /tmp/before [--rounds 5] [--runs pooled,batch]
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.batch import briefings, build_input, timed_run  # noqa: E402
from benchmarks.common import ROOT, SOURCE_DATE_EPOCH, require_duc2006, table  # noqa: E402
from benchmarks.scale import pooled_input, scraped_input  # noqa: E402

RUNS = {"pooled": (pooled_input, "1"), "batch": (build_input, "2"),
        "scraped": (scraped_input, "2")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("baseline", type=Path, help="another checkout of the project")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--runs", default=",".join(RUNS))
    arguments = parser.parse_args()
    baseline = arguments.baseline.resolve()
    if not (baseline / "summarize" / "__init__.py").is_file():
        sys.exit(f"{baseline} is not a checkout of this project (no summarize/ package)")
    runs = arguments.runs.split(",")
    if unknown := sorted(set(runs) - set(RUNS)):
        sys.exit(f"unknown runs {', '.join(unknown)}: choose among {', '.join(RUNS)}")
    duc = require_duc2006()
    codes = {"this code": ROOT, "baseline": baseline}
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH  # (the runs inherit it)
    for code in codes.values():  # (byte code written once, as after any first run)
        compileall.compile_dir(code / "summarize", quiet=1)
    seconds: dict[tuple[str, str], dict[str, list[float]]] = defaultdict(
        lambda: defaultdict(list))
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        inputs = {}
        for kind in runs:
            make, _ = RUNS[kind]
            inputs[kind] = work / kind
            if not make(duc, inputs[kind]):
                sys.exit(f"no input for the {kind} run (../shared/eval/webpages missing?)")
        for number in range(arguments.rounds):
            order = list(codes.items())
            for kind in runs:
                for name, code in order if number % 2 else order[::-1]:
                    output = work / f"out-{name.replace(' ', '-')}-{kind}"
                    shutil.rmtree(output, ignore_errors=True)
                    wall, report = timed_run(inputs[kind], output, "--jobs", RUNS[kind][1],
                                             code=code)
                    seconds[kind, name]["whole run (wall)"].append(wall)
                    for stage, value in report["seconds"].items():
                        seconds[kind, name][stage].append(value)
        differing = {}
        for kind in runs:
            ours, theirs = (briefings(work / f"out-{name}-{kind}")
                            for name in ("this-code", "baseline"))
            differing[kind] = sorted(name for name in ours.keys() | theirs.keys()
                                     if ours.get(name) != theirs.get(name))
    print(f"this code ({ROOT}) against {baseline}: medians of {arguments.rounds} "
          "alternating rounds, seconds\n")
    for kind in runs:
        ours, theirs = seconds[kind, "this code"], seconds[kind, "baseline"]
        stages = sorted(theirs, key=lambda s: (s != "whole run (wall)", s == "total",
                                               -statistics.median(theirs[s])))
        rows = []
        for stage in stages:
            before, after = statistics.median(theirs[stage]), statistics.median(ours[stage] or [0])
            if max(before, after) >= 0.005:  # (stages that take no time say nothing)
                rows.append([stage, f"{before:.3f}", f"{after:.3f}",
                             f"{after / before:.2f}" if before > 0 else ""])
        print(f"{kind} (--jobs {RUNS[kind][1]})\n")
        print(table(["stage", f"baseline ({baseline.name})", "this code", "ratio"], rows))
        changed = differing[kind]
        verdict = "yes" if not changed else f"NO, {len(changed)} differ: {', '.join(changed[:5])}"
        print(f"\nbriefings byte-identical: {verdict}\n")


if __name__ == "__main__":
    main()
