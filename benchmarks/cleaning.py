"""Cleaning on real web pages, in one run: ours beside keep-everything and trafilatura.

    .venv/bin/python benchmarks/cleaning.py

`../shared/eval/webpages` (181 pages with hand-made article bodies) in both forms a user
has them:
- flattened to the text a scraper leaves (one visible block per line), cleaned as `.txt`,
  and as a cruder scraper leaves it (one text node per line), which nothing was fitted on;
- as HTML, read as `.html` (trafilatura, then our rules).
Scored with the benchmark's measure: 4-word shingles, precision and recall averaged over
pages, F1 of the means. Rows for the pages the line models were fitted on and the third
they never saw (`benchmarks/train_cleaning.py`) show whether the fit holds.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import trafilatura  # noqa: E402

from benchmarks.common import table  # noqa: E402
from benchmarks.webpages import (  # noqa: E402
    MISSING,
    WEBPAGES,
    Page,
    flatten_html,
    flatten_nodes,
    pages,
    score,
    split_dev_held_out,
)
from summarize.cleaning import clean_article  # noqa: E402
from summarize.inputs.html import read_html  # noqa: E402
from summarize.models import Article  # noqa: E402


def clean_text(text: str) -> str:
    article = Article(path="page/a.txt", id="a", body=text, format="txt")
    return "\n".join(clean_article(article).paragraphs)


def clean_html(page: Page) -> str:
    article = read_html(page.html, "page/a.html", "a")
    return "\n".join(clean_article(article).paragraphs)


def main() -> None:
    if not WEBPAGES.is_dir():
        sys.exit(MISSING)
    every = pages()
    dev, held_out = split_dev_held_out(every)
    flat = {page.id: flatten_html(page.html) for page in every}
    nodes = {page.id: flatten_nodes(page.html) for page in every}
    systems = {
        "text: keep everything": lambda p: flat[p.id],
        "text: summarize cleaning": lambda p: clean_text(flat[p.id]),
        "text, a node per line: summarize cleaning": lambda p: clean_text(nodes[p.id]),
        "html: trafilatura alone": lambda p: trafilatura.extract(p.html) or "",
        "html: summarize (trafilatura + rules)": clean_html,
    }
    rows = []
    for name, system in systems.items():
        start = time.perf_counter()
        outputs = {page.id: system(page) for page in every}
        seconds = time.perf_counter() - start
        for subset_name, subset in (("all", every), ("fitted on", dev), ("held out", held_out)):
            s = score((page.body, outputs[page.id]) for page in subset)
            rows.append([name, f"{subset_name} ({len(subset)})", f"{s.precision:.3f}",
                         f"{s.recall:.3f}", f"**{s.f1:.3f}**" if subset_name == "all"
                         else f"{s.f1:.3f}", f"{seconds:.1f}" if subset_name == "all" else ""])
    print(table(["system", "pages", "precision", "recall", "F1", "seconds"], rows))


if __name__ == "__main__":
    main()
