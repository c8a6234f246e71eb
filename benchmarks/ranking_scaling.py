"""Ranking scale check (a first step toward issue 4's benchmarks/ranking.py): the fast
LexRank and TextRank on growing prefixes of all DUC 2006 sentences pooled into one event,
with sumy's engines on the smallest size for comparison, in one run.

    .venv/bin/python benchmarks/ranking_scaling.py
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import require_duc2006, table  # noqa: E402
from summarize.loading import discover_events, load_event  # noqa: E402
from summarize.models import Sentence  # noqa: E402
from summarize.pipeline import prepare_event  # noqa: E402
from summarize.ranking.lexrank import LexRankRanker  # noqa: E402
from summarize.ranking.sumy_adapter import sumy_reference_scores  # noqa: E402
from summarize.ranking.textrank import TextRankRanker  # noqa: E402
from summarize.words import prepare_text  # noqa: E402


def pooled(root: Path):
    articles, sentences = [], []
    for folder in discover_events(root):
        prepared = prepare_event(load_event(folder / "articles", folder, 5_000_000))
        offset = len(articles)
        articles.extend(prepared.articles)
        sentences.extend(Sentence(s.text, s.article + offset, s.position)
                         for s in prepared.sentences)
    return articles, sentences


def peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main() -> None:
    articles, sentences = pooled(require_duc2006())
    rows = []
    for size in (1_000, 10_000, len(sentences)):
        text = prepare_text(sentences[:size], articles)
        for name, score in (("fast lexrank", LexRankRanker().score),
                            ("fast textrank", TextRankRanker().score)):
            start = time.perf_counter()
            score(text)
            rows.append([name, size, f"{time.perf_counter() - start:.2f}", peak_mb()])
        if size == 1_000:
            for algorithm in ("lexrank", "textrank"):
                start = time.perf_counter()
                sumy_reference_scores(algorithm, text)
                rows.append([f"sumy {algorithm}", size, f"{time.perf_counter() - start:.2f}",
                             peak_mb()])
    print(table(["engine", "sentences", "seconds", "peak RSS so far (MB)"], rows))


if __name__ == "__main__":
    main()
