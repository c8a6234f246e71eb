"""Sentence splitting: speed over every DUC 2006 article and accuracy on the test table,
for our splitter, pysbd and NLTK's Punkt given our abbreviation list, in one run; then the
boundaries of real English text with gold sentences (`../shared/eval/sentences`: UD
English GUM's news-like genres and EWT's web text), scored by that set's own `score.py`
(prose paragraphs, boundaries inside them; its README says how), for the same splitters
and its naive regex floor.

    .venv/bin/python benchmarks/splitting.py
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pysbd  # noqa: E402
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer  # noqa: E402

from benchmarks.common import ROOT, require_duc2006, table  # noqa: E402
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


_PUNKT = punkt()


SENTENCES = ROOT.parent / "shared" / "eval" / "sentences"
# What `score.py` runs: its own names, or module:function (a str -> list of sentences)
SCORED = {"summarize.text.segmenting": "summarize.text.segmenting:split_sentences",
          "nltk punkt + our abbreviations": "benchmarks.splitting:punkt_split",
          "nltk punkt, untrained (the set's README)": "punkt",
          "pysbd 0.3.4": "pysbd", "naive regex (the set's floor)": "regex"}


def punkt_split(text: str) -> list[str]:
    return _PUNKT.tokenize(text)


def sentences_set() -> None:
    """The `sentences` set's boundary scores, one run of its score.py per splitter."""
    if not (SENTENCES / "score.py").is_file():
        print(f"\nsentences set not found at {SENTENCES}: it lives beside the project in "
              "../shared/eval/sentences (never committed); its table is skipped.")
        return
    rows = []
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name, splitter in SCORED.items():
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run([sys.executable, str(SENTENCES / "score.py"), splitter,
                            str(SENTENCES), "--json", out.name], check=True, cwd=ROOT,
                           env=environment, stdout=subprocess.DEVNULL)
            result = json.loads(Path(out.name).read_text(encoding="utf-8"))
        views = result["views"]["prose"]
        rows.append([name] + [f"{views[part][k]:.3f}" if k != "F1" else
                              f"**{views[part][k]:.3f}**"
                              for part in ("GUM all", "EWT all") for k in ("P", "R", "F1")]
                    + [f"{result['words_per_s']:,.0f}"])
    print("\nUD English GUM (news, interviews, bios, travel, how-to) and EWT (web text), "
          "prose paragraphs: boundaries inside them")
    print(table(["splitter", "GUM P", "GUM R", "GUM F1", "EWT P", "EWT R", "EWT F1",
                 "words/s"], rows))


def main() -> None:
    texts = paragraphs(require_duc2006())
    words = sum(len(t.split()) for t in texts)
    segmenter = pysbd.Segmenter(language="en", clean=False)
    splitters = {
        "summarize.text.segmenting": split_sentences,
        "nltk punkt + our abbreviations": punkt_split,
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
    sentences_set()


if __name__ == "__main__":
    main()
