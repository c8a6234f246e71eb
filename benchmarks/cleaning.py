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

Then the 50 DUC 2006 events as scraped pages (`benchmarks.scale.scraped_input`: each
article in the menus, teasers, comments and footers of one of 20 of those sites), cleaned
as events, which lets the lines that recur across an event's pages be judged
(`cleaning.template_lines`). Each page is scored against its article as Markdown, cleaned;
rows by half of the sites, since pages of one site share their template, and the pages
that lose a tenth of their story against each page cleaned alone.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import trafilatura  # noqa: E402

from benchmarks.common import DUC2006, table  # noqa: E402
from benchmarks.grouping import SITES, scraped_name, scraped_site  # noqa: E402
from benchmarks.scale import scraped_input  # noqa: E402
from benchmarks.webpages import (  # noqa: E402
    MISSING,
    WEBPAGES,
    Page,
    flatten_html,
    flatten_nodes,
    pages,
    per_page,
    score,
    split_dev_held_out,
)
from summarize.inputs.html import read_html  # noqa: E402
from summarize.inputs.loading import load_event  # noqa: E402
from summarize.models import Article  # noqa: E402
from summarize.text.cleaning import article_lines, clean_article, clean_lines, reads_as_sentence  # noqa: E402
from summarize.text.templates import template_lines  # noqa: E402


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
    if DUC2006.is_dir():
        print()
        scraped_events()


def cleaned(article: Article, lines: list[str], template: frozenset[str]) -> str:
    clean = clean_lines(article, lines, template)
    return "\n".join(([clean.title] if clean.title else []) + list(clean.paragraphs))


def scraped_events() -> None:
    """The DUC 2006 events as scraped pages, each page cleaned alone, then with the lines
    its event's pages share and that do not read as sentences (as before recurring
    sentences were judged), then with `template_lines` as it is."""
    truths, sites = {}, {}
    for topic in sorted(p for p in DUC2006.iterdir() if (p / "articles").is_dir()):
        for article in load_event(topic / "articles", topic, 1 << 24).articles:
            name = scraped_name(topic.name, Path(article.path).name)
            truths[name] = cleaned(article, article_lines(article), frozenset())
            sites[name] = scraped_site(Path(article.path).name)
    variants: dict[str, dict[str, str]] = {"page alone": {}, "recurring non-sentences": {},
                                           "template_lines": {}}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "scraped"
        scraped_input(DUC2006, folder)
        for topic in sorted(folder.iterdir()):
            event = load_event(topic, folder, 1 << 24)
            lines = [article_lines(article) for article in event.articles]
            template = template_lines(event.articles, lines)
            before = frozenset(line for line in template if not reads_as_sentence(line))
            for article, own in zip(event.articles, lines):
                name = Path(article.path).name
                variants["page alone"][name] = cleaned(article, own, frozenset())
                variants["recurring non-sentences"][name] = cleaned(article, own, before)
                variants["template_lines"][name] = cleaned(article, own, template)
    alone = dict(zip(truths, per_page((truths[n], variants["page alone"][n]) for n in truths)))
    half = SITES // 2
    subsets = {"all": list(truths), f"sites 0-{half - 1}": [n for n in truths if sites[n] < half],
               f"sites {half}-{SITES - 1}": [n for n in truths if sites[n] >= half]}
    rows = []
    for variant, outputs in variants.items():
        recalls = dict(zip(truths, (r for _, r in per_page((truths[n], outputs[n])
                                                           for n in truths))))
        lost = sum(recalls[n] < alone[n][1] - 0.1 for n in truths)
        for subset, names in subsets.items():
            s = score((truths[n], outputs[n]) for n in names)
            rows.append([variant, f"{subset} ({len(names)})", f"{s.precision:.3f}",
                         f"{s.recall:.3f}", f"**{s.f1:.3f}**" if subset == "all"
                         else f"{s.f1:.3f}", lost if subset == "all" else ""])
    print("The 50 DUC 2006 events as scraped pages, cleaned as events; each page against "
          "its article as Markdown, cleaned\n")
    print(table(["cleaning", "pages", "precision", "recall", "F1",
                 "pages losing a tenth of their story"], rows))


if __name__ == "__main__":
    main()
