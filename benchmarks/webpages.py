"""The web-page development sets: pages, their article bodies, the flattening a scraper
does, and the benchmark's shingle measure.

- `../shared/eval/webpages`: 181 news and blog pages with hand-made bodies (the Zyte
  article extraction benchmark);
- `../shared/eval/webpages2`: 621 English Google News pages of 408 sites, hand-labelled
  (L3S-GN1, Kohlschütter et al. 2010), and 91 pages with Readability.js's accepted
  extractions as bodies (English ones used here: their README's guidance).

Each set is cut in two halves by site (`split_by_site`): pages of one site share their
template, so a page whose site the line models were fitted on is no test of pages they never
saw: what is tuned is chosen on the first half, and `benchmarks/cleaning.py` reports both.
The line models were fitted before that split, on two thirds of `webpages` by id
(`split_dev_held_out`, `benchmarks/train_cleaning.py`): pages of both its halves. Also
used by the cleaning quality gates in `tests/`. The data is never committed; MISSING and
MISSING2 say where it is expected.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
WEBPAGES = ROOT.parent / "shared" / "eval" / "webpages"
WEBPAGES2 = ROOT.parent / "shared" / "eval" / "webpages2"
MISSING = (f"web pages not found at {WEBPAGES}: they live beside the project in "
           "../shared/eval/webpages (never committed)")
MISSING2 = (f"web pages not found at {WEBPAGES2}: they live beside the project in "
            "../shared/eval/webpages2 (never committed)")
# The sets of pages the benchmarks report, by name: (folder, its pages' `source`)
PAGE_SETS = {"webpages": (WEBPAGES, None), "L3S-GN1": (WEBPAGES2, "l3s-gn1"),
             "Readability (English)": (WEBPAGES2, "readability")}

# Elements whose text a browser never shows.
INVISIBLE = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object",
             "canvas", "select")
# Elements a browser lays out as blocks: each starts a new line of the flattened text.
BLOCKS = frozenset(
    "address article aside blockquote br caption dd details div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary "
    "table tbody td tfoot th thead tr ul body html".split())


@dataclass(frozen=True)
class Page:
    id: str
    html: bytes
    body: str  # the article's text, by hand (or by Readability.js, for that subset)
    site: str  # `site_of` its address (the page's id when it has none)


def pages(root: Path = WEBPAGES, source: str | None = None) -> list[Page]:
    """Every page of a set (of its `source` subset, and then English only), sorted by id."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    chosen = sorted(id_ for id_, page in truth.items() if source is None
                    or (page["source"] == source and page["lang"] == "en"))
    return [Page(id_, gzip.decompress((root / "html" / f"{id_}.html.gz").read_bytes()),
                 truth[id_]["articleBody"], site_of(truth[id_].get("url")) or id_)
            for id_ in chosen]


def split_dev_held_out(items: list[Page]) -> tuple[list[Page], list[Page]]:
    """Two thirds to fit the line models on, one third kept aside (every third page by id)."""
    return ([p for i, p in enumerate(items) if i % 3 != 2],
            [p for i, p in enumerate(items) if i % 3 == 2])


def site_of(url: str | None) -> str:
    """The site a page's address belongs to: its host without "www.", cut to the name its
    owner registered (the last two labels; three under a country's "co.uk", "com.au"…),
    so a site's sections ("news.bbc.co.uk", "www.bbc.co.uk") are one site."""
    host = (urlsplit(url or "").hostname or "").lower().removeprefix("www.")
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3 else 2
    return ".".join(labels[-keep:]) if host else ""


def split_by_site(items: list[Page]) -> tuple[list[Page], list[Page]]:
    """The pages whose site falls in the half to fit and tune on, and the held-out half:
    by the first bit of the SHA-256 of the site's name, stable across runs and machines,
    so no site has pages on both sides."""
    def first_half(page: Page) -> bool:
        return hashlib.sha256(page.site.encode("utf-8")).digest()[0] % 2 == 0

    return [p for p in items if first_half(p)], [p for p in items if not first_half(p)]


def _visible_tree(html: bytes) -> lxml.html.HtmlElement:
    # Pages rarely declare UTF-8 when they use it; a browser would be told by the server.
    try:
        text = html.decode("utf-8")
    except UnicodeDecodeError:
        text = html.decode("cp1252", errors="replace")
    document = lxml.html.document_fromstring(re.sub(r"^<\?xml[^>]*>", "", text))
    for element in list(document.iter(*INVISIBLE)):
        element.drop_tree()
    return document


def flatten_nodes(html: bytes) -> str:
    """What a cruder scraper leaves: every text node on its own line, so a paragraph breaks
    at each link or emphasis (BeautifulSoup's `get_text("\\n")`)."""
    lines = (" ".join(node.split()) for node in _visible_tree(html).itertext())
    return "\n".join(line for line in lines if line) + "\n"


def flatten_html(html: bytes) -> str:
    """What a scraper that keeps every visible text block leaves: one block per line
    (paragraph, heading, list item, cell, link-list entry), scripts and styles dropped."""
    document = _visible_tree(html)
    lines: list[str] = []
    current: list[str] = []

    def end_line() -> None:
        text = " ".join("".join(current).split())
        if text:
            lines.append(text)
        current.clear()

    def walk(element: lxml.html.HtmlElement) -> None:
        block = isinstance(element.tag, str) and element.tag in BLOCKS
        if block:
            end_line()
        if isinstance(element.tag, str) and element.text:
            current.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            end_line()

    walk(document)
    end_line()
    return "\n".join(lines) + "\n"


# --- the benchmark's measure ---------------------------------------------------------

WORD = re.compile(r"\w+")


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    words = WORD.findall(text or "")
    return Counter(tuple(words[i : i + n]) for i in range(max(len(words) - n + 1, 1)))


def shingle_counts(truth: str, predicted: str) -> tuple[int, int, int]:
    """True positives, false positives, false negatives over 4-word shingles (multisets)."""
    expected, found = _shingles(truth), _shingles(predicted)
    return (sum((expected & found).values()), sum((found - expected).values()),
            sum((expected - found).values()))


def page_precision_recall(truth: str, predicted: str) -> tuple[float, float]:
    tp, fp, fn = shingle_counts(truth, predicted)
    if fp == fn == 0:
        return 1.0, 1.0
    if tp == 0:
        return 0.0, 0.0
    return tp / (tp + fp), tp / (tp + fn)


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def score(pairs: Iterable[tuple[str, str]]) -> Score:
    """Precision and recall averaged over pages (each page weighs the same), F1 of the means."""
    results = [page_precision_recall(truth, predicted) for truth, predicted in pairs]
    return Score(sum(p for p, _ in results) / len(results),
                 sum(r for _, r in results) / len(results))


def per_page(pairs: Iterable[tuple[str, str]]) -> Iterator[tuple[float, float]]:
    for truth, predicted in pairs:
        yield page_precision_recall(truth, predicted)
