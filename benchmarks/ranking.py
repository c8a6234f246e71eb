"""Ranking speed: the fast LexRank and TextRank against sumy's own, on the same sentences
and words, in one run; then the fast engines alone on large events, with peak memory.

Events are the first N sentences of all DUC 2006 articles taken in order (about 400, 800,
1,600 and 3,200; then 10,000, 20,000 and all of them, about 35,000, pooled into one event).
The fast engines run with sumy's settings (LexRank: damping 0; both: sumy's stopping rule;
TextRank: self-loops), so "same top 10" compares like with like.

On the large events each fast engine runs twice: with its defaults (above 10,000 sentences
the walk is estimated from 10,000 landmark sentences) and exact (`landmarks: null`, the
whole graph). "growth" is the multiple of the 10,000-sentence figure (sentences, then each
engine's time); "top 10 = exact" counts the sentences the two top 10s share, and so on.

    .venv/bin/python benchmarks/ranking.py
"""

from __future__ import annotations

import dataclasses
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import require_duc2006, table  # noqa: E402
from summarize.inputs.layout import discover_events  # noqa: E402
from summarize.models import CleanArticle, Sentence  # noqa: E402
from summarize.pipeline import load_prepared  # noqa: E402
from summarize.ranking.base import Ranker  # noqa: E402
from summarize.ranking.lexrank import LexRankRanker, lexrank_vectors, sumy_idf  # noqa: E402
from summarize.ranking.sumy_adapter import sumy_reference_scores  # noqa: E402
from summarize.ranking.textrank import TextRankRanker  # noqa: E402
from summarize.text.similarity import similar_pairs  # noqa: E402
from summarize.text.words import EventText, prepare_text  # noqa: E402

COMPARED_SIZES = (400, 800, 1_600, 3_200)
LARGE_SIZES = (10_000, 20_000)
FAST: dict[str, Ranker] = {
    "lexrank": LexRankRanker(damping=0.0, convergence="sumy"),
    "textrank": TextRankRanker(self_loops=True, convergence="sumy"),
}
DEFAULTS: dict[str, Ranker] = {"lexrank": LexRankRanker(), "textrank": TextRankRanker()}
EXACT: dict[str, Ranker] = {"lexrank": LexRankRanker(landmarks=None),
                            "textrank": TextRankRanker(landmarks=None)}


def pooled(root: Path) -> tuple[list[CleanArticle], list[Sentence]]:
    """Every DUC 2006 article, cleaned and split, as one list of sentences."""
    articles: list[CleanArticle] = []
    sentences: list[Sentence] = []
    for folder in discover_events(root):
        prepared = load_prepared(folder / "articles", folder, 5_000_000)
        offset = len(articles)
        articles.extend(prepared.articles)
        sentences.extend(Sentence(s.text, s.article + offset, s.position)
                         for s in prepared.sentences)
    return articles, sentences


def median_seconds(work: Callable[[], object], repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def fresh(text: EventText) -> EventText:
    """A copy without cached word counts, so each timing includes building them."""
    return dataclasses.replace(text)


def fast_scores(ranker: Ranker, text: EventText) -> np.ndarray:
    return ranker.score(fresh(text))


def sumy_scores(algorithm: str, text: EventText) -> np.ndarray:
    return sumy_reference_scores(algorithm, fresh(text))


def top10(scores: np.ndarray) -> list[int]:
    return np.argsort(-scores, kind="stable")[:10].tolist()


def top_sets(scores: np.ndarray) -> tuple[set[int], set[int]]:
    """The top 10 and top 100 sentences."""
    order = np.argsort(-scores, kind="stable")
    return set(order[:10].tolist()), set(order[:100].tolist())


def peak_mib(work: Callable[[], object]) -> float:
    """Peak memory allocated while `work` runs (tracemalloc sees numpy's buffers too)."""
    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def compare_with_sumy(articles: list[CleanArticle], sentences: list[Sentence]) -> list[list]:
    rows = []
    for size in COMPARED_SIZES:
        text = prepare_text(sentences[:size], articles)
        for algorithm, ranker in FAST.items():
            fast_s, fast = median_seconds(partial(fast_scores, ranker, text), 5)
            sumy_repeats = 3 if size <= 800 else 1
            sumy_s, sumy = median_seconds(
                partial(sumy_scores, algorithm, text), sumy_repeats)
            same = top10(fast) == top10(sumy)  # type: ignore[arg-type]
            rows.append([algorithm, f"{size:,}", f"{sumy_s:.2f} (x{sumy_repeats})",
                         f"{fast_s:.4f}", f"{sumy_s / fast_s:,.0f}×", "yes" if same else "NO"])
            print(f"  {algorithm} {size}: done", file=sys.stderr)
    return rows


def lexrank_edges(text: EventText, threshold: float = 0.1) -> int:
    """Edges of the thresholded LexRank graph (pairs with cosine above the threshold):
    the work any exact LexRank must do."""
    vectors = lexrank_vectors(text.counts, sumy_idf(text.counts))
    return similar_pairs(vectors, vectors, float(np.nextafter(threshold, 1.0))).nnz


def large_events(articles: list[CleanArticle], sentences: list[Sentence]) -> list[list]:
    texts = [prepare_text(sentences[:size], articles)
             for size in (*LARGE_SIZES, len(sentences))]
    rows = []
    for algorithm in DEFAULTS:
        default, exact = DEFAULTS[algorithm], EXACT[algorithm]
        first: dict[Ranker, float] = {}
        for text in texts:
            size, times, peaks, tops = len(text.sentences), {}, {}, {}
            for ranker in (default, exact):
                times[ranker], scores = median_seconds(partial(fast_scores, ranker, text), 3)
                peaks[ranker] = peak_mib(partial(fast_scores, ranker, text))
                tops[ranker] = top_sets(scores)  # type: ignore[arg-type]
                first.setdefault(ranker, times[ranker])
            rows.append([algorithm, f"{size:,}", f"×{size / LARGE_SIZES[0]:.1f}"] + [
                cell for ranker in (default, exact) for cell in (
                    f"{times[ranker]:.2f}", f"×{times[ranker] / first[ranker]:.1f}",
                    f"{peaks[ranker]:,.0f}")
            ] + [f"{lexrank_edges(text):,}" if algorithm == "lexrank" else "",
                 f"{len(tops[default][0] & tops[exact][0])}/10",
                 f"{len(tops[default][1] & tops[exact][1])}/100"])
            print(f"  {algorithm} {size}: done", file=sys.stderr)
    return rows


def main() -> None:
    articles, sentences = pooled(require_duc2006())
    print(f"DUC 2006 pooled: {len(articles):,} articles, {len(sentences):,} sentences\n")
    print("Fast engine (sumy's settings) vs sumy, same sentences and words; "
          "seconds are medians of the repeats shown (fast: 5).\n")
    print(table(["algorithm", "sentences", "sumy s", "fast s", "speed-up", "same top 10"],
                compare_with_sumy(articles, sentences)))
    print("\nFast engines alone: defaults (landmarks above 10,000 sentences) and exact "
          "(landmarks: null); median of 3 runs; peak memory allocated during one run "
          "(tracemalloc).\n")
    print(table(["algorithm", "sentences", "growth", "default s", "growth", "peak MiB",
                 "exact s", "growth", "peak MiB", "LexRank edges", "top 10 = exact",
                 "top 100 = exact"],
                large_events(articles, sentences)))
    print(f"\nprocess peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024:,} MiB")


if __name__ == "__main__":
    main()
