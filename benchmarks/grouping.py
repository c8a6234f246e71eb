"""Grouping a flat stream into events, in one run: quality, stability, time and memory.

All 1,250 DUC 2006 articles (50 topics, 25 each) are copied into one flat folder under
names that do not tell their topic, and grouped by `summarize.grouping.stories` (the default
`grouping` config) without being told the number of events.

- **quality**: B-cubed precision, recall and F1 against the 50 topics; the same on the
  odd and the even topics alone (the default threshold was chosen on all 50, so the two
  halves show how much it depends on the set); beside two anchors from scikit-learn on
  the same TF-IDF vectors: k-means given the true number of events, and average-link
  agglomerative clustering at each cut (the best cut is an oracle: it is chosen on the
  answer). Last, a ceiling for any grouping by this similarity: each article put in the
  true topic whose articles it is most similar to on average (the grouping's own TF-IDF
  views and lead weight, IDF over all articles, the article itself left out). That is a
  classifier told the answer; its F1 bounds what clustering on the same similarity can
  reach. So does the other classic classifier: the true topics of the article's 10 most
  similar articles vote.
- **scraped**: the same articles as a scraper leaves them (`.txt`), each page wrapped in
  the menus, teasers and footers of one of 20 real sites (`../shared/eval/webpages`):
  grouping must follow the stories, not the sites (no dates: grouped by content alone).
- **batches**: the stream read in 5 batches by date (the state saved and read back in
  between, as `run --group` does), against one run over all of it: B-cubed F1 between
  the two groupings. Then the same 5 batches as 5 `summarize run --group` (the files
  copied into the input folder batch by batch): the events each run rebuilt against the
  events that received articles (`run-report.json`).
- **time and memory**: reading the folder, then grouping (best of 3; peak memory by
  tracemalloc), in this process, one core.
- **growth**: the stream 1x, 2x, 4x, 8x: each copy with every word respelled (new words,
  so new stories) and dates 10 years later; time per article.

    .venv/bin/python benchmarks/grouping.py [--scales 1,2,4,8] [--no-anchors]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import require_duc2006, table  # noqa: E402
from summarize.config import Grouping  # noqa: E402
from summarize.evaluation.clustering import bcubed  # noqa: E402
from summarize.grouping.stories import GroupingState, stream_order  # noqa: E402
from summarize.inputs.loading import read_stream  # noqa: E402
from summarize.models import Article  # noqa: E402


def pooled_folder(duc: Path, into: Path) -> dict[str, str]:
    """Copy every article into one folder under a name hashed from its topic and file;
    returns name -> topic."""
    topics = {}
    for topic in sorted(p for p in duc.iterdir() if (p / "articles").is_dir()):
        for path in sorted((topic / "articles").iterdir()):
            name = hashlib.sha256(f"{topic.name}/{path.name}".encode()).hexdigest()[:16] + ".md"
            (into / name).write_bytes(path.read_bytes())
            topics[name] = topic.name
    return topics


SITES = 20


def scraped_site(article_file: str, sites: int = SITES) -> int:
    """Which of the `sites` a DUC article's scraped page is drawn in (`scraped_folder`)."""
    return int(hashlib.sha256(article_file.encode()).hexdigest(), 16) % sites


def scraped_name(topic: str, article_file: str) -> str:
    """The file name of a DUC article's scraped page (`scraped_folder`)."""
    return hashlib.sha256(f"{topic}/{article_file}".encode()).hexdigest()[:16] + ".txt"


def scraped_folder(duc: Path, into: Path) -> dict[str, str] | None:
    """The articles of `pooled_folder` as a scraper leaves them (`.txt`: headline, then
    paragraphs), each wrapped in the page furniture of one of SITES real sites: the lines
    of a page of ../shared/eval/webpages (flattened, one visible block a line) above and
    below its hand-made article body. The site is drawn from the article's file name, so
    copies of one article get one site. None without the web pages."""
    from benchmarks.webpages import WEBPAGES, flatten_html, pages

    if not WEBPAGES.is_dir():
        return None
    sites: list[tuple[list[str], list[str]]] = []
    for page in pages():
        lines = flatten_html(page.html).split("\n")
        body = " ".join(page.body.split())
        inside = [i for i, line in enumerate(lines) if len(line) > 40 and line in body]
        head, foot = (lines[:inside[0]], lines[inside[-1] + 1:]) if len(inside) >= 3 else ([], [])
        if len(head) + len(foot) >= 10:  # a page with furniture around its story
            sites.append((head, foot))
        if len(sites) == SITES:
            break
    topics = {}
    for topic in sorted(p for p in duc.iterdir() if (p / "articles").is_dir()):
        for path in sorted((topic / "articles").iterdir()):
            name = scraped_name(topic.name, path.name)
            text = path.read_text(encoding="utf-8")
            front, body = re.match(r"---\n(.*?)\n---\n(.*)", text, re.DOTALL).groups()
            title = re.search(r'^title: "(.*)"$', front, re.MULTILINE)
            story = ([title.group(1)] if title else []) + [
                line for line in body.split("\n") if line.strip()]
            head, foot = sites[scraped_site(path.name, len(sites))]
            (into / name).write_text("\n".join(head + story + foot) + "\n", encoding="utf-8")
            topics[name] = topic.name
    return topics


def group(articles: list[Article], config: Grouping) -> dict[str, str]:
    state = GroupingState()
    state.add(articles, config)
    return state.articles


def f1_against(topics: dict[str, str], grouping: dict[str, str]) -> tuple[float, ...]:
    keys = sorted(topics)
    return bcubed([topics[k] for k in keys], [grouping[k] for k in keys])


def by_date(articles: list[Article], batches: int) -> list[list[Article]]:
    """The articles in publication order, cut into `batches` runs between days."""
    ordered = sorted(articles, key=stream_order)
    cut, start = [], 0
    for number in range(1, batches + 1):
        end = len(ordered) * number // batches
        while 0 < end < len(ordered) and ordered[end].published is not None and \
                ordered[end].published == ordered[end - 1].published:
            end += 1  # a day is never split between two runs
        cut.append(ordered[start:end])
        start = end
    return cut


def in_batches(articles: list[Article], config: Grouping, batches: int) -> dict[str, str]:
    """Group in `batches` runs by date, the state through JSON in between."""
    state_json = GroupingState().to_json()
    for batch in by_date(articles, batches):
        state = GroupingState.from_json(state_json)
        state.add(batch, config)
        state_json = state.to_json()
    return GroupingState.from_json(state_json).articles


def runs_in_batches(source: Path, articles: list[Article], batches: int) -> list[list[object]]:
    """`summarize run --group` once per batch, the batch's files added to its input."""
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory() as folder:
        stream, output = Path(folder) / "in", Path(folder) / "out"
        stream.mkdir()
        for number, batch in enumerate(by_date(articles, batches), 1):
            for article in batch:
                shutil.copy(source / article.path, stream / article.path)
            subprocess.run([sys.executable, "-m", "summarize", "run", "-q", "--group",
                            "--input", str(stream), "--output", str(output)], check=True)
            report = json.loads((output / "run-report.json").read_text(encoding="utf-8"))
            received = {g["event"] for g in report["articles_grouped"]}
            written = set(report["events"]["written"])
            rows.append([number, len(batch), len(received), len(written),
                         len(report["events"]["unchanged"]),
                         "yes" if written == received else "NO",
                         f"{report['seconds']['group']:.2f}"])
    return rows


def respelled(articles: list[Article], copy: int) -> list[Article]:
    """A copy of the stream that shares no word with it, ten years per copy later."""
    mark = "q" + chr(ord("a") + copy)

    def respell(text: str | None) -> str | None:
        return re.sub(r"[A-Za-z]+", lambda m: m.group(0) + mark, text) if text else text

    def later(day: dt.date | None) -> dt.date | None:
        return day.replace(year=day.year + 10 * copy) if day and day.month * 100 + day.day != 229 \
            else day

    return [dataclasses.replace(a, path=f"{copy}/{a.path}", body=respell(a.body) or "",
                                title=respell(a.title), published=later(a.published))
            for a in articles]


def timed(articles: list[Article], config: Grouping, repeats: int = 3) -> tuple[float, float]:
    """Best seconds of `repeats` groupings, and peak MB (tracemalloc) of one."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        group(articles, config)
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    group(articles, config)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return best, peak


def anchors(articles: list[Article], topics: dict[str, str]) -> list[list[object]]:
    try:
        from sklearn.cluster import AgglomerativeClustering, KMeans
        from sklearn.feature_extraction.text import TfidfVectorizer
    except ImportError:
        return [["anchors skipped: pip install scikit-learn", "", "", "", ""]]
    from summarize.grouping.stories import word_counts

    texts = [a.body for a in articles]
    truth = [topics[a.path] for a in articles]
    vectors = TfidfVectorizer(analyzer=lambda t: list(word_counts(t).elements()),
                              sublinear_tf=True).fit_transform(texts)
    rows: list[list[object]] = []
    labels = KMeans(len(set(truth)), n_init=10, random_state=0).fit_predict(vectors)
    rows.append(["k-means, true k (scikit-learn)", *fmt(bcubed(truth, list(map(str, labels)))),
                 len(set(truth))])
    distance = 1 - (vectors @ vectors.T).toarray()
    best = None
    for cut in (0.88, 0.9, 0.92, 0.94):
        model = AgglomerativeClustering(n_clusters=None, metric="precomputed",
                                        linkage="average", distance_threshold=cut)
        labels = model.fit_predict(distance)
        scores = bcubed(truth, list(map(str, labels)))
        if best is None or scores[2] > best[0][2]:
            best = (scores, cut, len(set(labels)))
    assert best is not None
    rows.append([f"average-link agglomerative, best cut {1 - best[1]:.2f} (oracle)",
                 *fmt(best[0]), best[2]])
    return rows


def supervised_ceiling(articles: list[Article], topics: dict[str, str],
                       config: Grouping) -> list[list[object]]:
    """B-cubed of putting each article in the true topic it is most similar to on average,
    and in the one its nearest articles belong to (leave-one-out), with the grouping's
    similarity: bounds, not methods."""
    import numpy as np
    import scipy.sparse as sp

    from summarize.grouping.stories import lead_text, word_counts
    from summarize.text.words import smooth_idf, term_counts, tfidf_unit_rows, tokenize

    def unit_tfidf(bags: list[Counter[str]]) -> sp.csr_matrix:
        counts, _ = term_counts([list(bag.elements()) for bag in bags])
        idf = smooth_idf(counts)
        counts.data = 1 + np.log(counts.data)  # as grouping.py weighs them
        return tfidf_unit_rows(counts, idf)

    body = unit_tfidf([word_counts(tokenize(a.body)) for a in articles])
    lead = unit_tfidf([word_counts(tokenize(lead_text(a.body, a.title))) for a in articles])
    similarity = ((1 - config.lead_weight) * (body @ body.T)
                  + config.lead_weight * (lead @ lead.T)).toarray()
    np.fill_diagonal(similarity, 0.0)
    names = sorted(set(topics.values()))
    truth = np.array([names.index(topics[a.path]) for a in articles])
    members = sp.csr_matrix((np.ones(len(articles)), (truth, np.arange(len(articles)))),
                            shape=(len(names), len(articles)))
    totals = np.asarray((members @ similarity).T)  # article x topic
    sizes = np.tile(np.bincount(truth, minlength=len(names)).astype(float),
                    (len(articles), 1))
    sizes[np.arange(len(articles)), truth] -= 1  # the article itself left out
    chosen = (totals / np.maximum(sizes, 1)).argmax(axis=1)
    rows = [["ceiling: nearest true topic, leave-one-out (told the answer)",
             *fmt(bcubed(truth.tolist(), chosen.tolist())), len(names)]]
    # the other usual classifier on a similarity: the true topics of the article's
    # NEIGHBOURS most similar articles vote, weighted by their similarity
    similarity[np.arange(len(articles)), np.arange(len(articles))] = -np.inf
    nearest = np.argsort(-similarity, axis=1, kind="stable")[:, :NEIGHBOURS]
    votes = np.zeros((len(articles), len(names)))
    for column in nearest.T:
        np.add.at(votes, (np.arange(len(articles)), truth[column]),
                  similarity[np.arange(len(articles)), column])
    rows.append([f"ceiling: {NEIGHBOURS} nearest articles vote, leave-one-out (told the "
                 "answer)", *fmt(bcubed(truth.tolist(), votes.argmax(axis=1).tolist())),
                 len(names)])
    return rows


NEIGHBOURS = 10


def fmt(scores: tuple[float, ...]) -> list[str]:
    return [f"{s:.3f}" for s in scores]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", default="1,2,4,8")
    parser.add_argument("--no-anchors", action="store_true")
    options = parser.parse_args()
    duc = require_duc2006()
    config = Grouping()
    with tempfile.TemporaryDirectory() as folder:
        topics = pooled_folder(duc, Path(folder))
        start = time.perf_counter()
        articles, skipped = read_stream(Path(folder), 5_000_000)
        read_seconds = time.perf_counter() - start
        assert not skipped and len(articles) == len(topics)
        run_rows = runs_in_batches(Path(folder), articles, 5)
    grouping = group(articles, config)
    ours = f1_against(topics, grouping)
    rows = [["summarize.grouping.stories (online, default config)", *fmt(ours),
             len(set(grouping.values()))]]
    names = sorted(set(topics.values()))
    for label, half in (("  odd topics only", set(names[0::2])),
                        ("  even topics only", set(names[1::2]))):
        part = {k: t for k, t in topics.items() if t in half}
        found = group([a for a in articles if a.path in part], config)
        rows.append([label, *fmt(f1_against(part, found)), len(set(found.values()))])
    with tempfile.TemporaryDirectory() as folder:
        scraped = scraped_folder(duc, Path(folder))
        if scraped is not None:
            pages, _ = read_stream(Path(folder), 5_000_000)
            found = group(pages, config)
            rows.append([f"  the same as scraped pages in {SITES} real sites' furniture",
                         *fmt(f1_against(scraped, found)), len(set(found.values()))])
    if not options.no_anchors:
        rows += anchors(articles, topics)
    rows += supervised_ceiling(articles, topics, config)
    print(f"Grouping {len(articles)} DUC 2006 articles ({len(set(topics.values()))} topics), "
          f"not told how many events:\n")
    print(table(["method", "B-cubed P", "R", "F1", "events"], rows))

    batched = in_batches(articles, config, 5)
    keys = sorted(grouping)
    agreement = bcubed([grouping[k] for k in keys], [batched[k] for k in keys])
    print(f"\n5 batches by date against one run: B-cubed F1 {agreement[2]:.4f} "
          f"({sum(grouping[k] != batched[k] for k in keys)} articles in a differently "
          "named event)\n")
    print(table(["run", "new articles", "events that received them", "events rebuilt",
                 "unchanged", "rebuilt = received", "group stage s"], run_rows))

    print(f"\nreading the folder: {read_seconds:.2f} s")
    rows = []
    for scale in (int(s) for s in options.scales.split(",")):
        stream = [a for copy in range(scale) for a in
                  (articles if copy == 0 else respelled(articles, copy))]
        seconds, peak = timed(stream, config, 3 if scale <= 2 else 1)
        rows.append([f"{scale}x", len(stream), f"{seconds:.2f}",
                     f"{1000 * seconds / len(stream):.3f}", f"{peak:.0f}"])
    print(table(["stream", "articles", "grouping s", "ms per article", "peak MB"], rows))


if __name__ == "__main__":
    main()
