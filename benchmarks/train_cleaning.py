"""Fit the boilerplate line models (`summarize/text/boilerplate.py`) on the web-page set.

    .venv/bin/python benchmarks/train_cleaning.py

Two thirds of `../shared/eval/webpages` (by id, `split_dev_held_out`) are flattened to the
text a scraper leaves, one visible block per line; a line is labelled story when at least
half of its 4-word shingles occur in the page's hand-made article body (a line of fewer than
four words: when it occurs in the body). Each page weighs the same, as in the benchmark's
measure, and within a page each line weighs by its characters. The weights go to
`summarize/data/boilerplate.json`; the script then prints the shingle scores on the pages
it fitted and on the third it did not, for that form and for a cruder scraper's (one text
node per line, paragraphs broken at every link, mended by `rejoin_broken_lines`), which the
models never saw.
Fitting is deterministic (L-BFGS from zeros), so rerunning it rewrites the same file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import table  # noqa: E402
from benchmarks.webpages import (  # noqa: E402
    MISSING,
    WEBPAGES,
    WORD,
    flatten_html,
    flatten_nodes,
    pages,
    score,
    split_dev_held_out,
)
from summarize.text import boilerplate, language  # noqa: E402

OUTPUT = Path(boilerplate.__file__).parent.parent / "data" / "boilerplate.json"
THRESHOLD = 0.6
FALLBACK_SHARE = 0.5
FALLBACK_BELOW = 800
L2 = 1e-3


def labels(lines: list[str], body: str) -> np.ndarray:
    words = WORD.findall(body)
    shingles = {tuple(words[i : i + 4]) for i in range(len(words) - 3)}
    joined = f" {' '.join(words)} "
    result = []
    for line in lines:
        tokens = WORD.findall(line)
        if len(tokens) >= 4:
            own = [tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)]
            result.append(sum(s in shingles for s in own) / len(own) >= 0.5)
        else:
            result.append(bool(tokens) and len(" ".join(tokens)) > 3
                          and f" {' '.join(tokens)} " in joined)
    return np.array(result, dtype=float)


def fit(rows: list[np.ndarray], targets: list[np.ndarray], weights: list[np.ndarray],
        ) -> np.ndarray:
    """L2-regularised logistic regression (bias unpenalised), weighted per line."""
    x, y, w = np.vstack(rows), np.concatenate(targets), np.concatenate(weights)
    w = w / w.sum()

    def loss(beta: np.ndarray) -> float:
        z = x @ beta
        return float((w * (np.logaddexp(0, -z) * y + np.logaddexp(0, z) * (1 - y))).sum()
                     + L2 * (beta[:-1] ** 2).sum())

    def gradient(beta: np.ndarray) -> np.ndarray:
        g = x.T @ (w * (1 / (1 + np.exp(-(x @ beta))) - y))
        g[:-1] += 2 * L2 * beta[:-1]
        return g

    return minimize(loss, np.zeros(x.shape[1]), jac=gradient, method="L-BFGS-B").x


FORMS = {"one block per line": flatten_html, "one text node per line": flatten_nodes}


def page_lines(text: str) -> tuple[list[str], frozenset[str]]:
    """The lines the classifier sees (as `cleaning` gives them) and the page's stop words."""
    lines = boilerplate.rejoin_broken_lines(text.split("\n"))
    return lines, language.stop_words(language.detect_language(text)[0])


def main() -> None:
    if not WEBPAGES.is_dir():
        sys.exit(MISSING)
    dev, held_out = split_dev_held_out(pages())
    # Fitted on the block form only: adding the node form (weight 1 or 0.25) lowered the
    # block form's precision from 0.891 to 0.871-0.878 for a node-form F1 of 0.87-0.88.
    prepared = [(page, *page_lines(flatten_html(page.html))) for page in dev]
    prepared = [(page, lines, stops) for page, lines, stops in prepared if lines]
    targets = [labels(lines, page.body) for page, lines, _ in prepared]
    weights = []
    for _, lines, _ in prepared:
        chars = np.array([max(len(line), 20) for line in lines], dtype=float)
        weights.append(chars / chars.sum())
    first_rows = [boilerplate.line_features(lines, stops) for _, lines, stops in prepared]
    first = fit(first_rows, targets, weights)
    second_rows = [boilerplate.context_features(lines, 1 / (1 + np.exp(-(rows @ first))), stops)
                   for (_, lines, stops), rows in zip(prepared, first_rows)]
    second = fit(second_rows, targets, weights)
    OUTPUT.write_text(json.dumps({
        "about": "Weights of summarize/text/boilerplate.py, written by "
                 "benchmarks/train_cleaning.py",
        "pages": len(dev),
        "threshold": THRESHOLD,
        "fallback_share": FALLBACK_SHARE,
        "fallback_below": FALLBACK_BELOW,
        "first": [round(float(v), 6) for v in first],
        "second": [round(float(v), 6) for v in second],
    }, indent=1) + "\n", encoding="utf-8")
    boilerplate.load_model.cache_clear()
    rows = []
    for form, flatten in FORMS.items():
        for name, subset in (("fitted on (2/3)", dev), ("held out (1/3)", held_out)):
            results = []
            for page in subset:
                lines, stops = page_lines(flatten(page.html))
                keep, _ = boilerplate.story_lines(lines, stops)
                results.append((page.body,
                                "\n".join(line for line, k in zip(lines, keep) if k)))
            s = score(results)
            rows.append([form, name, len(subset), f"{s.precision:.3f}", f"{s.recall:.3f}",
                         f"{s.f1:.3f}"])
    print(f"wrote {OUTPUT}")
    print(table(["text", "pages", "n", "precision", "recall", "F1"], rows))


if __name__ == "__main__":
    main()
