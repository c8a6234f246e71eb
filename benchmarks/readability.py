"""Do the briefings read like briefings? Counts what a reader trips over, over the 50
DUC 2006 briefings (250 words, each event's topic as its focus, as `summarize eval`
writes them) and the seeds briefing (the default config):

- sentences opening with an unresolved pronoun or connective ("He", "But", "The two …"),
  unless the sentence before it in the briefing ends a quotation that names no one;
- quotations without a named speaker ("… he said.");
- datelines and wire codes ("WASHINGTON _", "(Xinhua) --", "(AP)");
- titles in capitals only;
- pairs of briefing sentences that say the same thing (readability.restates: 60% of the
  shorter one's stemmed content words in the other).

Each count is printed for `configs/mmr.yaml` (LexRank + MMR, the selection before issue
17, with today's sentence rules) and for the default, side by side, with the offending
sentences of both listed below.

    .venv/bin/python benchmarks/readability.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, require_duc2006, table  # noqa: E402
from summarize.config import Config, load_config  # noqa: E402
from summarize.evaluation.evaluate import discover_dataset, prepare_dataset, with_budget  # noqa: E402
from summarize.models import Briefing  # noqa: E402
from summarize.pipeline import load_prepared, summarize_prepared  # noqa: E402
from summarize.selection.eligibility import is_dependent  # noqa: E402
from summarize.selection.reading import has_dateline, restates, unnamed_quote  # noqa: E402
from summarize.selection.titles import is_all_caps  # noqa: E402
from summarize.text.words import content_terms, tokenize  # noqa: E402

CHECKS = ("opens with a pronoun or connective", "quote without a named speaker", "dateline",
          "title in capitals", "pair saying the same thing")


def problems(briefing: Briefing) -> dict[str, list[str]]:
    texts = [c.sentence.text for c in briefing.sentences]
    found: dict[str, list[str]] = {check: [] for check in CHECKS}
    found[CHECKS[0]] = [t for t in texts if is_dependent(t)]
    found[CHECKS[1]] = [t for t in texts if unnamed_quote(t)]
    found[CHECKS[2]] = [t for t in texts if has_dateline(t)]
    found[CHECKS[3]] = [briefing.title] if is_all_caps(briefing.title) else []
    terms = [content_terms(tokenize(t)) for t in texts]
    found[CHECKS[4]] = [f"{texts[i]} | {texts[j]}" for i in range(len(texts))
                        for j in range(i + 1, len(texts)) if restates(terms[i], terms[j])]
    return found


def briefings(config: Config) -> list[Briefing]:
    dataset = discover_dataset(require_duc2006())
    prepared = prepare_dataset(dataset, config.limits.max_article_bytes)
    duc = with_budget(config, 250)
    result = [summarize_prepared(prepared[e.slug], duc) for e in dataset]
    seeds = ROOT / "seeds" / "kim-putin-summit-2023"
    result.append(summarize_prepared(load_prepared(seeds, seeds.parent, 5_000_000), config))
    return result


def main() -> None:
    counts = {}
    listed: dict[str, list[str]] = {}
    for name in ("mmr", "default"):
        config = load_config(ROOT / "configs" / f"{name}.yaml")
        totals = {check: 0 for check in CHECKS}
        sentences = 0
        for briefing in briefings(config):
            sentences += len(briefing.sentences)
            for check, found in problems(briefing).items():
                totals[check] += len(found)
                listed.setdefault(check, []).extend(f"{name}, {briefing.event}: {f}"
                                                    for f in found)
        counts[name] = (totals, sentences)
    rows = [[check] + [counts[n][0][check] for n in counts] for check in CHECKS]
    rows.append(["sentences in all briefings"] + [counts[n][1] for n in counts])
    print(table(["51 briefings (50 DUC 2006 + seeds)"] + list(counts), rows))
    for check, found in listed.items():
        for line in found:
            print(f"- {check}: {line}")


if __name__ == "__main__":
    main()
