"""Sentence splitting: speed over every DUC 2006 article and accuracy on the test table,
for our splitter, pysbd and NLTK's Punkt given our abbreviation list, in one run.

    .venv/bin/python benchmarks/splitting.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pysbd  # noqa: E402
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer  # noqa: E402

from benchmarks.common import require_duc2006, table  # noqa: E402
from summarize.inputs.layout import discover_events  # noqa: E402
from summarize.inputs.loading import load_event  # noqa: E402
from summarize.text.cleaning import clean_article  # noqa: E402
from summarize.text.segmenting import NEVER_FINAL, SOMETIMES_FINAL, split_sentences  # noqa: E402
from tests.test_segmenting import CASES  # noqa: E402


def paragraphs(root: Path) -> list[str]:
    result = []
    for folder in discover_events(root):
        for article in load_event(folder / "articles", folder, 5_000_000).articles:
            result.extend(clean_article(article).paragraphs)
    return result


def punkt() -> PunktSentenceTokenizer:
    parameters = PunktParameters()
    parameters.abbrev_types = {a.rstrip(".") for a in NEVER_FINAL | SOMETIMES_FINAL} | {
        "u.s", "u.n", "e.u", "a.m", "p.m", "u.s.a"}
    return PunktSentenceTokenizer(parameters)


def main() -> None:
    texts = paragraphs(require_duc2006())
    words = sum(len(t.split()) for t in texts)
    segmenter = pysbd.Segmenter(language="en", clean=False)
    punkt_tokenizer = punkt()
    splitters = {
        "summarize.text.segmenting": split_sentences,
        "nltk punkt + our abbreviations": punkt_tokenizer.tokenize,
        "pysbd 0.3.4": lambda t: [s.strip() for s in segmenter.segment(t) if s.strip()],
    }
    cases = [(t, e) for group in CASES.values() for t, e in group]
    rows = []
    base = None
    for name, split in splitters.items():
        timings = []
        for _ in range(3 if name != "pysbd 0.3.4" else 1):
            start = time.perf_counter()
            for text in texts:
                split(text)
            timings.append(time.perf_counter() - start)
        seconds = statistics.median(timings)
        base = base or seconds
        correct = sum(split(t) == e for t, e in cases)
        rows.append([name, f"{seconds:.3f}", f"{words / seconds:,.0f}",
                     f"{seconds / base:.1f}x", f"{correct}/{len(cases)}"])
    print(f"DUC 2006: {len(texts):,} paragraphs, {words:,} words")
    print(table(["splitter", "seconds", "words/s", "time vs ours", "test cases right"], rows))


if __name__ == "__main__":
    main()
