"""Cleaning on real web pages and real newswire, in one run: ours beside keep-everything
and trafilatura.

    .venv/bin/python benchmarks/cleaning.py

Both page sets (`benchmarks/webpages.py`): `../shared/eval/webpages` (181 pages, hand-made
bodies) and `../shared/eval/webpages2` (L3S-GN1's 621 hand-labelled English Google News
pages; Readability.js's extractions of 76 English pages), in both forms a user has them:
- flattened to the text a scraper leaves (one visible block per line), cleaned as `.txt`,
  and as a cruder scraper leaves it (one text node per line), which nothing was fitted on;
- as HTML, read as `.html` (trafilatura, then our rules), beside trafilatura alone
  (`extract` with its defaults; webpages2's pages given as UTF-8 text, as its README says:
  some still declare the charset they had before the set was converted).
Scored with the benchmark's measure: 4-word shingles, precision and recall averaged over
pages, F1 of the means; beside all pages, each set's two halves by site (`split_by_site`):
the half what is tuned is chosen on, and the held-out half. The line models were fitted on
two thirds of `webpages` by id (`benchmarks/train_cleaning.py`), pages of both its halves;
they never saw a page of `webpages2`, whose 408 news sites are none of `webpages`'.

Then DUC 2006 as clean newswire in `.txt` (each article's text, a paragraph a line or the
whole article on one line; each with an identical copy of every eighth article in its
event, the commonest thing in a feed), prepared as events: articles skipped with no
sentences after cleaning, and the share of their words kept.

Then the 50 DUC 2006 events as scraped pages (`benchmarks.scale.scraped_input`: each
article in the menus, teasers, comments and footers of one of 20 of those sites), cleaned
as events, which lets the lines that recur across an event's pages be judged
(`cleaning.template_lines`). Each page is scored against its article as Markdown, cleaned;
rows by half of the sites, since pages of one site share their template, and the pages
that lose a tenth of their story against each page cleaned alone.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import trafilatura  # noqa: E402

from benchmarks.common import DUC2006, table  # noqa: E402
from benchmarks.grouping import SITES, scraped_name, scraped_site  # noqa: E402
from benchmarks.scale import scraped_input  # noqa: E402
from benchmarks.webpages import (  # noqa: E402
    MISSING,
    MISSING2,
    PAGE_SETS,
    WEBPAGES,
    WEBPAGES2,
    Page,
    flatten_html,
    flatten_nodes,
    pages,
    per_page,
    score,
    split_by_site,
)
from summarize.inputs.html import read_html  # noqa: E402
from summarize.inputs.loading import load_event  # noqa: E402
from summarize.models import Article  # noqa: E402
from summarize.pipeline import prepare_event  # noqa: E402
from summarize.text.cleaning import article_lines, clean_article, clean_lines, reads_as_sentence  # noqa: E402
from summarize.text.templates import template_lines  # noqa: E402


def clean_text(text: str) -> str:
    article = Article(path="page/a.txt", id="a", body=text, format="txt")
    return "\n".join(clean_article(article).paragraphs)


def clean_html(page: Page) -> str:
    article = read_html(page.html, "page/a.html", "a")
    return "\n".join(clean_article(article).paragraphs) if isinstance(article, Article) else ""


def trafilatura_alone(page: Page, root: Path) -> str:
    html = page.html.decode("utf-8", errors="replace") if root == WEBPAGES2 else page.html
    return trafilatura.extract(html) or ""


def main() -> None:
    if not WEBPAGES.is_dir():
        sys.exit(MISSING)
    rows = []
    for name, (root, source) in PAGE_SETS.items():
        if not root.is_dir():
            print(f"{MISSING2}: {name} left out")
            continue
        every = pages(root, source)
        chosen_on, held_out = split_by_site(every)
        flat = {page.id: flatten_html(page.html) for page in every}
        nodes = {page.id: flatten_nodes(page.html) for page in every}
        systems: dict[str, Callable[[Page], str]] = {
            "text: keep everything": lambda p, flat=flat: flat[p.id],
            "text: summarize cleaning": lambda p, flat=flat: clean_text(flat[p.id]),
            "text, a node per line: summarize cleaning":
                lambda p, nodes=nodes: clean_text(nodes[p.id]),
            "html: trafilatura alone": lambda p, root=root: trafilatura_alone(p, root),
            "html: summarize (trafilatura + rules)": clean_html,
        }
        for system, run in systems.items():
            start = time.perf_counter()
            outputs = {page.id: run(page) for page in every}
            seconds = time.perf_counter() - start
            scores = [score((page.body, outputs[page.id]) for page in subset) if subset else None
                      for subset in (every, chosen_on, held_out)]
            rows.append([f"{name} ({len(every)}: {len(chosen_on)} + {len(held_out)})", system,
                         f"{scores[0].precision:.3f}", f"{scores[0].recall:.3f}",
                         f"**{scores[0].f1:.3f}**", f"{scores[1].f1:.3f}" if scores[1] else "",
                         f"{scores[2].f1:.3f}" if scores[2] else "", f"{seconds:.1f}"])
    print("Both page sets, both forms: F1 of all pages and of each half by site: the half "
          "choices are made on, the held-out half\n")
    print(table(["pages (all: chosen-on half + held-out half)", "system", "precision",
                 "recall", "F1", "F1 chosen-on half", "F1 held-out half", "seconds"], rows))
    if DUC2006.is_dir():
        print()
        newswire()
        print()
        scraped_events()


FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def newswire() -> None:
    """DUC 2006's articles as clean `.txt` newswire, prepared as events: what is lost whole."""
    rows = []
    for one_line in (False, True):
        for copies in (False, True):
            with tempfile.TemporaryDirectory() as scratch:
                root = Path(scratch)
                for topic in sorted(p for p in DUC2006.iterdir() if (p / "articles").is_dir()):
                    (root / topic.name).mkdir()
                    for number, path in enumerate(sorted((topic / "articles").glob("*.md"))):
                        text = FRONT_MATTER.sub("", path.read_text(encoding="utf-8")).strip()
                        if one_line:
                            text = " ".join(p.strip() for p in text.split("\n\n") if p.strip())
                        names = [path.stem] + ([f"{path.stem}.copy"] if copies and
                                               number % 8 == 0 else [])
                        for stem in names:
                            (root / topic.name / f"{stem}.txt").write_text(
                                text + "\n", encoding="utf-8")
                read = skipped = 0
                words = kept = 0
                for topic in sorted(root.iterdir()):
                    event = load_event(topic, root, 1 << 24)
                    prepared = prepare_event(event)
                    read += len(event.articles)
                    skipped += Counter(s.reason for s in prepared.skipped)[
                        "no sentences after cleaning"]
                    words += sum(len(a.body.split()) for a in event.articles)
                    kept += sum(len(p.split()) for a in prepared.articles for p in a.paragraphs)
            rows.append(["the whole article" if one_line else "a paragraph",
                         "every eighth twice" if copies else "no", read, skipped,
                         f"{kept / words:.3f}"])
    print("DUC 2006 as clean newswire (.txt), prepared as events\n")
    print(table(["a line holds", "copies", "articles", "skipped: no sentences after cleaning",
                 "words kept"], rows))


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
