"""Evaluation: ROUGE of the briefings that configs write, against human references.

A dataset is laid out like DUC (`../shared/eval/duc2006`): one folder per event with
`articles/*` (the input), `refs/*.txt` (human summaries, one sentence per line) and,
optionally, `peers/*.txt` (other systems' summaries, for calibration and comparison).

    systems (configs, baselines or peers) -> summaries per event -> ROUGE per event
    -> means with bootstrap confidence intervals, paired tests -> results.{md,json,png}
"""

from __future__ import annotations

import fnmatch
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from tqdm import tqdm

from summarize.config import Config, Languages, validate_config
from summarize.errors import InputError
from summarize.evaluation.rouge import METRICS, Score, Summary, score
from summarize.inputs.layout import FOCUS_FILE
from summarize.inputs.loading import read_focus
from summarize.outputs.markdown import escape_markdown
from summarize.pipeline import (
    PreparedEvent,
    load_prepared,
    run_statistics,
    summarize_prepared,
)
from summarize.text.language import story_language
from summarize.text.languages import SUPPORTED_LANGUAGES
from summarize.text.words import DocumentFrequencies

BOOTSTRAP_SAMPLES = 1000  # ROUGE's -r 1000
PERMUTATIONS = 10_000
SEED = 0  # resampling is seeded: the same run prints the same intervals

# The baselines every table shows. lead: the newest article's first sentences, to the
# budget; random: sentences drawn with a fixed seed. Neither looks for copies or
# redundancy, chooses a lead, or skips any sentence.
_PLAIN_SELECTION = {
    "strategy": "threshold", "max_similarity": 1.0, "min_words": 1,
    "skip_questions": False, "skip_dependent": False, "skip_stale_plans": False,
}
_PLAIN = {"duplicates": {"threshold": None}, "corroboration": {"weight": 0.0},
          "output": {"lead_sentences": 0}, "selector": _PLAIN_SELECTION}
BASELINES: dict[str, dict] = {
    "lead": {"ranker": {"algorithm": "lead"}, **_PLAIN},
    "random": {"ranker": {"algorithm": "random", "seed": 0}, **_PLAIN},
}


@dataclass(frozen=True)
class DatasetEvent:
    slug: str
    folder: Path
    references: dict[str, Path]  # summarizer id -> file
    peers: dict[str, Path]

    def reference_summaries(self, words: int | None,
                            language: str = "en") -> dict[str, Summary]:
        return {name: Summary.of(read_lines(path), words, language)
                for name, path in self.references.items()}

    def language(self) -> str:
        """The language of the references (`summarize.text.language`): English unless
        they are plainly in another supported one."""
        lines = [line for path in self.references.values() for line in read_lines(path)]
        found = story_language(lines)
        return found if found in SUPPORTED_LANGUAGES else "en"


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def _natural(name: str) -> tuple[int, str]:
    return (int(name), "") if name.isdigit() else (10**9, name)


def discover_dataset(root: Path, pattern: str = "*") -> list[DatasetEvent]:
    """Every event folder of the dataset that has articles and references (and whose name
    matches the shell `pattern`: "fr-*C1")."""
    if not root.is_dir():
        raise InputError(f"dataset not found: {root}")
    events = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()
                         and fnmatch.fnmatchcase(p.name, pattern)):
        references = {p.stem: p for p in sorted((folder / "refs").glob("*.txt"))}
        if not references or not (folder / "articles").is_dir():
            continue
        peers = {p.stem: p for p in sorted((folder / "peers").glob("*.txt"),
                                           key=lambda p: _natural(p.stem))}
        events.append(DatasetEvent(folder.name, folder, references, peers))
    if not events:
        matching = "" if pattern == "*" else f" matching {pattern!r}"
        raise InputError(f"{root}: no event folder{matching} with articles/ and refs/*.txt")
    return events


# Top-level keys of results.json besides the systems' names.
RESERVED = ("per_event", "comparisons", "words")

# name -> event slug -> metric -> Score
PerEvent = dict[str, dict[str, dict[str, Score]]]


@dataclass
class Results:
    words: int | None
    per_event: PerEvent = field(default_factory=dict)
    official: dict[str, dict[str, float]] = field(default_factory=dict)
    # name -> event slug -> the briefing's sentences (configs only), for `--show`
    briefings: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    show: int = 0  # how many events' briefings results.md shows side by side
    languages: dict[str, str] = field(default_factory=dict)  # event slug -> its language

    def values(self, name: str, metric: str, measure: str = "recall") -> np.ndarray:
        return np.array([getattr(scores[metric], measure)
                         for scores in self.per_event[name].values()])


def _progress(items: Iterable, label: str, total: int) -> Iterable:
    # tqdm writes to stderr and switches itself off when stderr is not a terminal (cron).
    return tqdm(items, desc=label, total=total, unit="event", leave=False, disable=None)


def prepare_dataset(events: list[DatasetEvent], max_article_bytes: int,
                    languages: Languages | None = None) -> dict[str, PreparedEvent]:
    """Load, clean and split every event once; each config then starts from there. An
    event's `topic.txt` (DUC's topic) is its focus, used by configs with
    `focus.from_event` (the default)."""
    prepared = {}
    for event in _progress(events, "reading events", len(events)):
        try:
            loaded = load_prepared(event.folder / "articles", event.folder, max_article_bytes,
                                   languages=languages)
        except InputError as error:
            raise InputError(f"{event.folder}: {error}") from None
        topic = event.folder / FOCUS_FILE
        if topic.is_file():
            loaded = replace(loaded, focus=read_focus(topic, max_article_bytes))
        prepared[event.slug] = loaded
    return prepared


def briefing_lines(config: Config, prepared: PreparedEvent,
                   background: DocumentFrequencies | None = None) -> list[str]:
    """The briefing's sentences, in reading order: what ROUGE scores (none when no
    sentence could be chosen: an empty summary scores 0)."""
    try:
        briefing = summarize_prepared(prepared, config, background=background)
    except InputError:
        return []
    return [chosen.sentence.text for chosen in briefing.sentences]


def evaluate_configs(configs: dict[str, Config], events: list[DatasetEvent],
                     words: int | None) -> Results:
    """Run each config on every event and score its briefings against the references."""
    results = Results(words)
    first = next(iter(configs.values()))
    prepared = prepare_dataset(events, max(c.limits.max_article_bytes for c in configs.values()),
                               first.languages)
    # (each event scored in its briefing's language: its stemmer, `rouge.Summary.of`)
    results.languages = {e.slug: prepared[e.slug].language for e in events}
    references = {e.slug: e.reference_summaries(words, results.languages[e.slug])
                  for e in events}
    for name, config in configs.items():
        limit = words if words is not None else config.budget.words
        # `idf: batch`: the dataset's events are the run
        background = run_statistics(list(prepared.values())) \
            if config.ranker.uses_run_statistics else None
        scores: dict[str, dict[str, Score]] = {}
        written: dict[str, list[str]] = {}
        for event in _progress(events, name, len(events)):
            written[event.slug] = briefing_lines(config, prepared[event.slug], background)
            peer = Summary.of(written[event.slug], limit, results.languages[event.slug])
            scores[event.slug] = score(peer, list(references[event.slug].values()))
        results.per_event[name] = scores
        results.briefings[name] = written
    return results


def evaluate_peers(events: list[DatasetEvent], words: int | None) -> Results:
    """Score the dataset's own summaries: every peer against all references, and every
    reference (a human summarizer) against the other references."""
    results = Results(words)
    for event in _progress(events, "peers", len(events)):
        language = results.languages[event.slug] = event.language()
        references = event.reference_summaries(words, language)
        for name, path in event.peers.items():
            peer = Summary.of(read_lines(path), words, language)
            results.per_event.setdefault(name, {})[event.slug] = score(
                peer, list(references.values()))
        for name, reference in references.items():
            others = [r for other, r in references.items() if other != name]
            if others:
                results.per_event.setdefault(name, {})[event.slug] = score(reference, others)
    humans = sorted(n for n in results.per_event if not n.isdigit())
    systems = sorted((n for n in results.per_event if n.isdigit()), key=int)
    results.per_event = {n: results.per_event[n] for n in humans + systems}
    return results


def with_budget(config: Config, words: int | None) -> Config:
    """The config writing briefings of `words` words (when given) instead of its own budget."""
    if words is None:
        return config
    data = config.effective()
    data["budget"] = {"words": words, "sentences": None}
    return validate_config(data)


def baseline_configs(words: int | None) -> dict[str, Config]:
    return {name: with_budget(validate_config(data), words) for name, data in BASELINES.items()}


# -- statistics ---------------------------------------------------------------------------

def bootstrap_interval(values: np.ndarray, rng: np.random.Generator) -> tuple[float, float]:
    """95% interval of the mean over events, from resampling the events."""
    if len(values) == 0:
        return (0.0, 0.0)
    samples = rng.integers(0, len(values), size=(BOOTSTRAP_SAMPLES, len(values)))
    means = values[samples].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return float(low), float(high)


@dataclass(frozen=True)
class Comparison:
    name: str
    against: str
    metric: str
    difference: float  # mean over events of name - against
    interval: tuple[float, float]
    p_value: float  # two-sided, paired sign-flip permutation test


def compare(results: Results, name: str, against: str, metric: str) -> Comparison:
    """Did `name` score differently from `against`? Paired over the events both cover."""
    shared = sorted(set(results.per_event[name]) & set(results.per_event[against]))
    differences = np.array([results.per_event[name][e][metric].recall
                            - results.per_event[against][e][metric].recall for e in shared])
    rng = np.random.default_rng(SEED)
    observed = abs(differences.mean()) if len(differences) else 0.0
    signs = rng.choice([-1.0, 1.0], size=(PERMUTATIONS, len(differences)))
    flipped = np.abs((signs * differences).mean(axis=1)) if len(differences) else np.zeros(1)
    # +1 in both counts: the observed assignment is one of the permutations
    p_value = (1 + int((flipped >= observed - 1e-15).sum())) / (PERMUTATIONS + 1)
    return Comparison(name, against, metric, float(differences.mean()) if len(differences)
                      else 0.0, bootstrap_interval(differences, rng), p_value)


SIGNIFICANCE = 0.05  # the p-value, and the intervals' 1 - coverage, a reader looks for
# The bootstrap intervals may be this much narrower than Student's t interval before they
# are said to be too narrow.
NARROWER = 0.9


def few_events_cautions(events: int) -> list[str]:
    """What too few events do to the intervals and p-values (issue 34: with 4 events the
    intervals excluded 0 while p could not go below 0.125, and nothing said so)."""
    if events < 2:
        return [f"with {events} event{'s' if events != 1 else ''} there is no spread to "
                "estimate: no interval or p-value means anything"]
    cautions = []
    floor = 2 / 2**events
    if floor > SIGNIFICANCE:
        needed = next(n for n in range(events, 64) if 2 / 2**n <= SIGNIFICANCE)
        cautions.append(
            f"with {events} events the paired sign-flip test has {2**events} sign "
            f"patterns, and the observed one and its mirror image are always among the "
            f"most extreme: p cannot go below 2/{2**events} = {floor:.3g}, so no difference "
            f"can reach p < {SIGNIFICANCE} (that takes {needed} events)")
    ratio = _bootstrap_width_ratio(events)
    if ratio < NARROWER:
        needed = next(n for n in range(events, 10_000) if _bootstrap_width_ratio(n) >= NARROWER)
        cautions.append(
            f"a percentile bootstrap interval of a mean over {events} events is about "
            f"{ratio:.0%} as wide as Student's t interval (resampling so few values "
            f"understates their spread; Hesterberg 2015): read the intervals as too narrow "
            f"(within {1 - NARROWER:.0%} of t's from {needed} events)")
    return cautions


def _bootstrap_width_ratio(events: int) -> float:
    """The width of the percentile bootstrap interval of a mean over `events` values, as a
    share of Student's t interval's: z * sqrt((n - 1) / n) / t(n - 1) at 95% (the
    bootstrap's spread is the sample's, which divides by n; t widens for the few degrees
    of freedom)."""
    from scipy import stats

    level = 1 - SIGNIFICANCE / 2
    return float(stats.norm.ppf(level) * np.sqrt((events - 1) / events)
                 / stats.t.ppf(level, events - 1))


# -- official figures, when the dataset publishes them --------------------------------------

_OFFICIAL_ROW = re.compile(r"^\|\s*(\w+)\s*\|\s*([0-9.]+)\s*\|\s*([0-9.]+)\s*\|\s*$")


def official_scores(root: Path) -> dict[str, dict[str, float]]:
    """ROUGE-2 and ROUGE-SU4 recall per summarizer from the table in the dataset's
    README.md (as DUC 2006's copy has), to check our scores against; {} when absent."""
    readme = root / "README.md"
    if not readme.is_file():
        return {}
    scores, in_table = {}, False
    for line in readme.read_text(encoding="utf-8").splitlines():
        if line.startswith("|") and "ROUGE-2" in line and "ROUGE-SU4" in line:
            in_table = True
            continue
        match = _OFFICIAL_ROW.match(line) if in_table else None
        if match:
            scores[match.group(1)] = {"rouge-2": float(match.group(2)),
                                      "rouge-su4": float(match.group(3))}
        elif in_table and not line.startswith("|"):
            in_table = False
    return scores


def largest_differences(results: Results) -> dict[str, tuple[float, str]]:
    """Per metric, the largest |ours - official| recall over the systems (numbered peers)."""
    worst: dict[str, tuple[float, str]] = {}
    for name, official in results.official.items():
        if not name.isdigit() or name not in results.per_event:
            continue
        for metric, value in official.items():
            gap = abs(float(results.values(name, metric).mean()) - value)
            if gap > worst.get(metric, (-1.0, ""))[0]:
                worst[metric] = (gap, name)
    return worst


# -- reports ------------------------------------------------------------------------------

def summary_table(results: Results) -> dict[str, dict]:
    """name -> metric -> mean recall, precision, f1 and the recall's 95% interval."""
    table = {}
    for name in results.per_event:
        rng = np.random.default_rng(SEED)
        row = {}
        for metric in METRICS:
            recall = results.values(name, metric)
            row[metric] = {
                "recall": float(recall.mean()),
                "precision": float(results.values(name, metric, "precision").mean()),
                "f1": float(results.values(name, metric, "f1").mean()),
                "recall_95ci": list(bootstrap_interval(recall, rng)),
            }
        table[name] = row
    return table


def comparisons(results: Results, reference: str | None) -> list[Comparison]:
    if reference is None:
        return []
    return [compare(results, name, reference, metric)
            for name in results.per_event if name != reference
            for metric in ("rouge-2", "rouge-su4")]


def render_markdown(results: Results, table: dict[str, dict], compared: list[Comparison],
                    title: str) -> str:
    words = f"{results.words} words" if results.words else "each config's budget"
    events = len(next(iter(results.per_event.values()), {}))
    lines = [f"# {title}", "",
             f"ROUGE recall (mean over {events} events, [95% bootstrap interval]); summaries "
             f"cut at {words}; ROUGE-1.5.5 conventions (Porter stemming, stop words kept, "
             "jackknifed references).", ""]
    others = sorted(set(results.languages.values()) - {"en"})
    if others:
        lines[-1:-1] = [f"Events in {', '.join(others)} are scored in their language: "
                        "word tokens stemmed by its Snowball stemmer (none for Vietnamese), "
                        "summaries cut at as many of those tokens "
                        "(../shared/eval/multiling/score.py's conventions)."]
    lines += [f"**Too few events:** {caution}." for caution in few_events_cautions(events)]
    lines += [""] if lines[-1] != "" else []
    header = "| system | " + " | ".join(METRICS) + " |"
    lines += [header, "|---|" + "---|" * len(METRICS)]
    for name, row in table.items():
        cells = [f"{row[m]['recall']:.5f} [{row[m]['recall_95ci'][0]:.4f}, "
                 f"{row[m]['recall_95ci'][1]:.4f}]" for m in METRICS]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", "F1 (mean over events):", "", header, "|---|" + "---|" * len(METRICS)]
    for name, row in table.items():
        lines.append(f"| {name} | " + " | ".join(f"{row[m]['f1']:.5f}" for m in METRICS) + " |")
    if compared:
        lines += ["", f"Paired comparison with `{compared[0].against}` (recall difference per "
                  "event; p from a sign-flip permutation test):", "",
                  "| system | metric | difference | 95% interval | p |", "|---|---|---|---|---|"]
        for c in compared:
            lines.append(f"| {c.name} | {c.metric} | {c.difference:+.5f} | "
                         f"[{c.interval[0]:+.4f}, {c.interval[1]:+.4f}] | {c.p_value:.4f} |")
    if results.show and results.briefings:
        names = list(results.briefings)
        shown = sorted(next(iter(results.briefings.values())))[: results.show]
        lines += ["", f"Briefings of {len(shown)} events, one column per config:", "",
                  "| event | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
        for event in shown:
            cells = ["<br>".join(_cell(t) for t in results.briefings[n].get(event, []))
                     for n in names]
            lines.append(f"| {event} | " + " | ".join(cells) + " |")
    if results.official:
        worst = largest_differences(results)
        lines += ["", "Against the official figures in the dataset's README (systems):", ""]
        for metric, (gap, name) in sorted(worst.items()):
            lines.append(f"- {metric} recall: largest difference {gap:.5f} (system {name})")
        lines += ["", "| system | ROUGE-2 ours | official | ROUGE-SU4 ours | official |",
                  "|---|---|---|---|---|"]
        for name, official in results.official.items():
            if name in table:
                lines.append(f"| {name} | {table[name]['rouge-2']['recall']:.5f} | "
                             f"{official['rouge-2']:.5f} | "
                             f"{table[name]['rouge-su4']['recall']:.5f} | "
                             f"{official['rouge-su4']:.5f} |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Article text as a Markdown table cell: no markup, no column break."""
    return escape_markdown(text).replace("|", "\\|")


def results_json(results: Results, table: dict[str, dict], compared: list[Comparison]) -> str:
    """{name: {metric: {recall, precision, f1}}} plus "per_event" and "comparisons"."""
    data: dict[str, object] = {
        name: {m: {k: row[m][k] for k in ("recall", "precision", "f1")} for m in METRICS}
        for name, row in table.items()}
    data["per_event"] = {name: {event: {m: s.as_dict() for m, s in scores.items()}
                                for event, scores in events.items()}
                         for name, events in results.per_event.items()}
    data["comparisons"] = [
        {"system": c.name, "against": c.against, "metric": c.metric, "difference": c.difference,
         "difference_95ci": list(c.interval), "p_value": c.p_value} for c in compared]
    data["words"] = results.words
    return json.dumps(data, indent=2, sort_keys=False) + "\n"


def render_chart(table: dict[str, dict], path: Path, title: str,
                 compared: list[Comparison] | None = None) -> None:
    """Grouped bars: one group per metric, one bar per system, 95% intervals as error bars;
    beside them, when systems were compared with a reference, each system's paired
    difference from it with its interval (differences of 0.002 ROUGE-2 vanish on bars
    that start at 0, not on a scale centred on 0)."""
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt

    names = list(table)
    width_inches = max(8, 0.25 * len(names) * len(METRICS))
    if compared:
        figure, (axes, deltas) = plt.subplots(1, 2, figsize=(width_inches + 6, 4.5),
                                              gridspec_kw={"width_ratios": [3, 2]})
        _render_deltas(deltas, compared)
    else:
        figure, axes = plt.subplots(figsize=(width_inches, 4.5))
    width = 0.8 / max(len(names), 1)
    positions = np.arange(len(METRICS))
    for i, name in enumerate(names):
        means = [table[name][m]["recall"] for m in METRICS]
        errors = np.array([[table[name][m]["recall"] - table[name][m]["recall_95ci"][0],
                            table[name][m]["recall_95ci"][1] - table[name][m]["recall"]]
                           for m in METRICS]).T
        axes.bar(positions + i * width - 0.4 + width / 2, means, width, yerr=errors,
                 label=name, capsize=2)
    axes.set_xticks(positions, [m.upper() for m in METRICS])
    axes.set_ylabel("recall")
    axes.set_title(title)
    axes.legend(fontsize="small", ncol=max(1, len(names) // 12))
    figure.tight_layout()
    # no timestamp or version in the file: the same results give the same bytes
    figure.savefig(path, dpi=100, metadata={"Software": None})
    plt.close(figure)


def _render_deltas(axes, compared: list[Comparison]) -> None:  # type: ignore[no-untyped-def]
    metrics = list(dict.fromkeys(c.metric for c in compared))
    names = list(dict.fromkeys(c.name for c in compared))
    height = 0.8 / max(len(metrics), 1)
    for k, metric in enumerate(metrics):
        rows = {c.name: c for c in compared if c.metric == metric}
        positions = np.arange(len(names)) + k * height - 0.4 + height / 2
        values = [rows[n].difference for n in names]
        errors = np.array([[rows[n].difference - rows[n].interval[0],
                            rows[n].interval[1] - rows[n].difference] for n in names]).T
        axes.barh(positions, values, height, xerr=errors, label=metric.upper(), capsize=2)
    axes.axvline(0.0, color="black", linewidth=0.8)
    axes.set_yticks(np.arange(len(names)), names)
    axes.invert_yaxis()
    axes.set_xlabel(f"recall difference from {compared[0].against} (95% interval)")
    axes.legend(fontsize="small")


def write_results(results: Results, output: Path, reference: str | None, title: str,
                  write: Callable[[Path, str], None]) -> dict[str, dict]:
    """results.md, results.json and results.png under `output`; returns the summary table."""
    output.mkdir(parents=True, exist_ok=True)
    table = summary_table(results)
    compared = comparisons(results, reference)
    write(output / "results.md", render_markdown(results, table, compared, title))
    write(output / "results.json", results_json(results, table, compared))
    render_chart(table, output / "results.png", title, compared)
    return table
