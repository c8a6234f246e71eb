"""Copies of one story inside the DUC 2006 events: every pair `find_duplicates` groups
under the default config, with each pair's sentence containment (both ways) and the
whole-article cosine the previous detector used, side by side, and the time it takes.

    .venv/bin/python benchmarks/duplicates.py
"""

from __future__ import annotations

import sys
import time
from itertools import combinations
from pathlib import Path

import numpy as np
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import require_duc2006, table  # noqa: E402
from summarize.config import load_config  # noqa: E402
from summarize.inputs.layout import discover_events  # noqa: E402
from summarize.pipeline import load_prepared  # noqa: E402
from summarize.selection.redundancy import Reappearances, find_duplicates  # noqa: E402
from summarize.text.words import prepare_text, smooth_idf, tfidf_unit_rows  # noqa: E402


def whole_article_cosine(text) -> np.ndarray:
    """The detector this one replaced: cosine of the articles' summed TF-IDF vectors."""
    rows = np.array([s.article for s in text.sentences])
    sums = np.zeros((len(text.articles), text.counts.shape[1]))
    np.add.at(sums, rows, text.counts.toarray())
    counts = sp.csr_matrix(sums)
    vectors = tfidf_unit_rows(counts, smooth_idf(counts))
    return (vectors @ vectors.T).toarray()


def main() -> None:
    settings = load_config(None).duplicates
    rows, seconds, events = [], 0.0, 0
    for folder in discover_events(require_duc2006()):
        prepared = load_prepared(folder / "articles", folder, 5_000_000)
        text = prepare_text(prepared.sentences, prepared.articles)
        start = time.perf_counter()
        groups = find_duplicates(text, settings.threshold, settings.sentence_similarity)
        seconds += time.perf_counter() - start
        events += 1
        sizes = np.bincount([s.article for s in text.sentences], minlength=len(text.articles))
        found = Reappearances.of(text, settings.sentence_similarity)
        cosine = whole_article_cosine(text)
        for group in groups:
            for a, b in combinations(sorted(group), 2):
                rows.append([folder.name, Path(text.articles[a].path).name,
                             Path(text.articles[b].path).name,
                             f"{found.matched(a, b) / sizes[a]:.2f}",
                             f"{found.matched(b, a) / sizes[b]:.2f}",
                             f"{cosine[a, b]:.2f}"])
    print(table(["event", "article a", "article b", "a in b", "b in a", "whole cosine"], rows))
    print(f"\n{len(rows)} pairs of copies in {events} events; find_duplicates took "
          f"{seconds:.2f} s in all (threshold {settings.threshold}, sentence similarity "
          f"{settings.sentence_similarity}).")


if __name__ == "__main__":
    main()
