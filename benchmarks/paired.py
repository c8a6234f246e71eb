"""Two checkouts' ROUGE, paired over the events: the `results.json` that `summarize eval`
wrote for each (run each checkout's own command into its own --output), compared event by
event with the test `summarize eval` uses between configs (a sign-flip permutation test,
and a bootstrap interval of the mean difference), and each half of the events (odd and
even, in name order) on its own, so that a difference that holds on one half only shows.

    summarize eval ../shared/eval/duc2006 --words 100 --output /tmp/before   # in one
    summarize eval ../shared/eval/duc2006 --words 100 --output /tmp/after    # in the other
    .venv/bin/python benchmarks/paired.py /tmp/before/results.json /tmp/after/results.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import table  # noqa: E402
from summarize.evaluation.evaluate import Results, compare  # noqa: E402
from summarize.evaluation.rouge import Score  # noqa: E402

METRICS = ("rouge-1", "rouge-2", "rouge-su4", "rouge-l")


def per_event(path: Path, system: str) -> dict[str, dict[str, Score]]:
    if not path.is_file():
        sys.exit(f"{path}: no such file (the results.json that summarize eval writes)")
    results = json.loads(path.read_text(encoding="utf-8"))
    if results.get("per_event", {}).get(system) is None:
        sys.exit(f"{path}: no per-event scores of '{system}' (written by summarize eval)")
    return {event: {metric: Score(**scores[metric]) for metric in METRICS}
            for event, scores in results["per_event"][system].items()}


def main() -> None:
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: benchmarks/paired.py BEFORE/results.json AFTER/results.json [SYSTEM]")
    system = sys.argv[3] if len(sys.argv) == 4 else "default"
    before, after = (per_event(Path(p), system) for p in sys.argv[1:3])
    events = sorted(set(before) & set(after))
    halves = {"odd": events[0::2], "even": events[1::2]}
    rows = []
    for metric in METRICS:
        whole = compare(Results(None, {"after": after, "before": before}),
                        "after", "before", metric)
        parts = [compare(Results(None, {"after": {e: after[e] for e in half},
                                        "before": {e: before[e] for e in half}}),
                         "after", "before", metric).difference for half in halves.values()]
        mean = sum(after[e][metric].recall for e in events) / len(events)
        rows.append([metric, f"{mean:.5f}", f"{whole.difference:+.4f}",
                     f"[{whole.interval[0]:+.4f}, {whole.interval[1]:+.4f}]",
                     f"{whole.p_value:.4f}", " / ".join(f"{d:+.4f}" for d in parts)])
    print(f"{len(events)} events; after minus before, recall\n")
    print(table(["metric", "after", "difference", "95% interval", "p", "odd / even events"],
                rows))


if __name__ == "__main__":
    main()
