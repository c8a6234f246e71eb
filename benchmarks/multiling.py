"""ROUGE in French and Vietnamese, against the round-robin lead: the multilingual
development set `../shared/eval/multiling` (its README), scored as its `score.py` scores
(summarize/evaluation/rouge.py: Snowball's French stemmer, Vietnamese syllables).

Per language: the default config's briefings (`configs/default.yaml`, with the set's
budget: 100 words in French, 225 syllables in Vietnamese; the clusters' topic.txt only
describes the corpus, so it is no focus), the round-robin lead (the first sentence of each
article in the order of its file's number, then the second…, as score.py's baseline, on
our sentences), and the set's own anchors. Each half of the clusters is reported apart
(French topics T01-T10 / T11-T20; Vietnamese clusters 1-150 / 151-300), with the paired
difference from the round-robin lead over all clusters (sign-flip permutation test, as
`summarize eval`). The French C2 clusters are an update task, not summarized here.

Then what a reader trips over in the default's briefings, by the reading benchmark's
checks (benchmarks/readability.py) in each language's own rules: openers that lean on the
sentence before and quotations of a pronoun (selection.eligibility's `is_dependent_in`,
`unnamed_quote_in`), datelines, titles in capitals, pairs of sentences that say the same.

    .venv/bin/python benchmarks/multiling.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, table  # noqa: E402
from summarize.config import load_config  # noqa: E402
from summarize.evaluation.evaluate import (  # noqa: E402
    DatasetEvent,
    Results,
    compare,
    discover_dataset,
    prepare_dataset,
    with_budget,
)
from summarize.evaluation.rouge import Summary, score  # noqa: E402
from summarize.models import Briefing  # noqa: E402
from summarize.pipeline import PreparedEvent, summarize_prepared  # noqa: E402
from summarize.selection.casing import is_all_caps  # noqa: E402
from summarize.selection.eligibility import is_dependent_in, unnamed_quote_in  # noqa: E402
from summarize.selection.reading import has_dateline, restates  # noqa: E402
from summarize.text.words import words_in  # noqa: E402

MULTILING = ROOT.parent / "shared" / "eval" / "multiling"
# (clusters, budget in the scorer's tokens, language, the README's anchors: round-robin
# lead recall, a human against the other references)
GROUPS = {
    "fr C1": ("fr-*C1", 100, "fr", (0.408, 0.121), (0.430, 0.130)),
    "vi": ("vi-*", 225, "vi", (0.507, 0.333), (0.533, 0.364)),
}
METRICS = ("rouge-1", "rouge-2")


def round_robin(prepared: PreparedEvent, words: int) -> list[str]:
    """The first sentence of each article (by the number its file name ends with), then
    the second…, until `words` words."""
    def number(article: int) -> int:
        found = re.findall(r"\d+", Path(prepared.articles[article].path).stem)
        return int(found[-1]) if found else 0

    order = sorted(range(len(prepared.articles)), key=number)
    by_article: dict[int, list[str]] = {a: [] for a in order}
    for sentence in prepared.sentences:
        by_article[sentence.article].append(sentence.text)
    chosen: list[str] = []
    position = 0
    while sum(len(s.split()) for s in chosen) < words and any(
            position < len(by_article[a]) for a in order):
        chosen += [by_article[a][position] for a in order if position < len(by_article[a])]
        position += 1
    return chosen


def half(slug: str) -> str:
    number = int(re.findall(r"\d+", slug)[0])
    return "first half" if number <= (10 if slug.startswith("fr") else 150) else "second half"


def evaluate(events: list[DatasetEvent], words: int,
             language: str) -> tuple[Results, list[Briefing]]:
    config = with_budget(load_config(ROOT / "configs" / "default.yaml",
                                     ("focus.from_event=false",)), words)
    prepared = prepare_dataset(events, config.limits.max_article_bytes, config.languages)
    results = Results(words)
    briefings = []
    for event in events:
        found = prepared[event.slug].language
        if found != language:
            print(f"{event.slug}: read as {found}, not {language}", file=sys.stderr)
        references = list(event.reference_summaries(words, language).values())
        briefing = summarize_prepared(prepared[event.slug], config)
        briefings.append(briefing)
        for system, lines in (("default", [c.sentence.text for c in briefing.sentences]),
                              ("round-robin lead",
                               round_robin(prepared[event.slug], words))):
            results.per_event.setdefault(system, {})[event.slug] = score(
                Summary.of(lines, words, language), references)
    return results, briefings


CHECKS = ("opens with a pronoun or connective", "quote of a pronoun", "dateline",
          "title in capitals", "pair saying the same thing")


def reading_problems(briefings: list[Briefing], language: str) -> dict[str, list[str]]:
    """The reading benchmark's checks, in the language's rules, over the briefings."""
    words = words_in(language)
    found: dict[str, list[str]] = {check: [] for check in CHECKS}
    for briefing in briefings:
        texts = [c.sentence.text for c in briefing.sentences]
        found[CHECKS[0]] += [t for t in texts if is_dependent_in(t, language)]
        found[CHECKS[1]] += [t for t in texts if unnamed_quote_in(t, language)]
        found[CHECKS[2]] += [t for t in texts if has_dateline(t)]
        found[CHECKS[3]] += [briefing.title] if is_all_caps(briefing.title) else []
        terms = [words.content_terms(words.tokenize(t)) for t in texts]
        found[CHECKS[4]] += [f"{texts[i]} | {texts[j]}" for i in range(len(texts))
                             for j in range(i + 1, len(texts))
                             if restates(terms[i], terms[j], language)]
    return found


def main() -> None:
    if not MULTILING.is_dir():
        sys.exit(f"the multilingual set is not at {MULTILING}: it lives beside the project "
                 "in ../shared/eval/multiling (never committed); nothing to benchmark.")
    for group, (pattern, words, language, lead, human) in GROUPS.items():
        events = discover_dataset(MULTILING, pattern)
        results, briefings = evaluate(events, words, language)
        rows = []
        for system in results.per_event:
            for part in ("all", "first half", "second half"):
                slugs = [e.slug for e in events if part == "all" or half(e.slug) == part]
                row: list[object] = [system, f"{part} ({len(slugs)})"]
                for metric in METRICS:
                    scores = [results.per_event[system][s][metric] for s in slugs]
                    row += [f"{sum(x.recall for x in scores) / len(scores):.4f}",
                            f"{sum(x.f1 for x in scores) / len(scores):.4f}"]
                rows.append(row)
        rows.append(["anchor: round-robin lead (README)", "all", f"{lead[0]:.3f}", "",
                     f"{lead[1]:.3f}", ""])
        rows.append(["anchor: a human (README)", "all", f"{human[0]:.3f}", "",
                     f"{human[1]:.3f}", ""])
        unit = "syllables" if language == "vi" else "words"
        print(f"\n{group}: {len(events)} clusters, {words} {unit}")
        print(table(["system", "clusters", "R-1 recall", "R-1 F1", "R-2 recall", "R-2 F1"],
                    rows))
        for metric in METRICS:
            c = compare(results, "default", "round-robin lead", metric)
            print(f"default - round-robin lead, {metric} recall: {c.difference:+.4f} "
                  f"[{c.interval[0]:+.4f}, {c.interval[1]:+.4f}], p = {c.p_value:.4f}")
        problems = reading_problems(briefings, language)
        sentences = sum(len(b.sentences) for b in briefings)
        print()
        print(table([f"{group}: {len(briefings)} briefings, {sentences} sentences", "count"],
                    [[check, len(problems[check])] for check in CHECKS]))
        for check, listed in problems.items():
            for line in listed:
                print(f"- {check}: {line}")


if __name__ == "__main__":
    main()
