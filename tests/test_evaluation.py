"""`summarize eval`: configs and baselines scored on a dataset laid out like DUC."""

import json

import numpy as np
from click.testing import CliRunner

from summarize.cli import cli
from summarize.config import load_config
from summarize.errors import SummarizeError
from summarize.evaluation import evaluate as evaluation
from summarize.evaluation.rouge import Score
from summarize.pipeline import summarize_prepared
from tests.conftest import ROOT, summarize

STORY = [
    "Floods closed the valley road on Monday after a week of heavy rain in the hills.",
    "Farmers in the valley lost most of their crops when the river burst its banks.",
    "The regional government promised emergency aid to families who lost their homes.",
    "Engineers said the old levee had not been repaired since the last great flood.",
    "Schools in three towns stayed closed while volunteers cleared mud from the streets.",
]


def make_dataset(root):
    for number in (1, 2):
        event = root / f"E{number}"
        (event / "articles").mkdir(parents=True)
        (event / "refs").mkdir()
        for i in range(3):
            sentences = STORY[i:] + STORY[:i]
            (event / "articles" / f"a{i}.md").write_text(
                f"---\nid: a{i}\nsource: Wire {i}\npublished: 2023-09-1{i}\n---\n\n"
                + " ".join(sentences) + "\n", encoding="utf-8")
        (event / "refs" / "A.txt").write_text("\n".join(STORY[:2]) + "\n", encoding="utf-8")
        (event / "refs" / "B.txt").write_text("\n".join(STORY[2:4]) + "\n", encoding="utf-8")
    return root


def test_eval_writes_tables_chart_and_json_with_baselines(tmp_path):
    dataset = make_dataset(tmp_path / "data")
    out = tmp_path / "eval"
    args = ["eval", str(dataset), "--config", str(ROOT / "configs" / "default.yaml"),
            "--words", "40", "--output", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    for name in ("default", "lead", "random"):
        assert set(data[name]) == {"rouge-1", "rouge-2", "rouge-su4", "rouge-l"}
        assert set(data[name]["rouge-2"]) == {"recall", "precision", "f1"}
        assert set(data["per_event"][name]) == {"E1", "E2"}
    assert {c["system"] for c in data["comparisons"]} == {"lead", "random"}
    assert (out / "results.png").read_bytes().startswith(b"\x89PNG")
    assert "| default |" in (out / "results.md").read_text(encoding="utf-8")
    first = (out / "results.json").read_bytes()
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert (out / "results.json").read_bytes() == first, "same input, same results"


def test_eval_of_a_folder_without_references_is_a_usage_error(tmp_path):
    result = summarize("eval", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"summarize: error: {tmp_path}: no event folder with articles/ and refs/*.txt"]


def results_with(differences):
    results = evaluation.Results(words=None)
    for name, shift in (("a", 0.0), ("b", 1.0)):
        results.per_event[name] = {
            f"e{i}": {"rouge-2": Score(0.1 + shift * d, 0.1, 0.1),
                      "rouge-su4": Score(0.1, 0.1, 0.1)}
            for i, d in enumerate(differences)}
    return results


def test_paired_comparison_detects_a_consistent_gain():
    gain = evaluation.compare(results_with([0.01] * 30), "b", "a", "rouge-2")
    assert gain.difference > 0 and gain.p_value < 0.01 and gain.interval[0] > 0


def test_paired_comparison_of_noise_is_not_significant():
    noise = list(np.random.default_rng(1).normal(0, 0.01, 30))
    result = evaluation.compare(results_with(noise), "b", "a", "rouge-2")
    assert result.p_value > 0.05 and result.interval[0] < 0 < result.interval[1]


def test_eval_uses_each_events_topic_as_focus_when_the_config_asks(tmp_path):
    root = make_dataset(tmp_path / "data")
    (root / "E1" / "topic.txt").write_text("Schools\n\nWhich schools stayed closed?\n")
    events = evaluation.discover_dataset(root)
    prepared = evaluation.prepare_dataset(events, 1_000_000)
    assert prepared["E1"].focus == "Schools\nWhich schools stayed closed?"
    assert prepared["E2"].focus is None
    briefings = {}
    for from_event in (True, False):
        config = evaluation.with_budget(
            load_config(None, (f"focus.from_event={str(from_event).lower()}",)), 40)
        briefings[from_event] = summarize_prepared(prepared["E1"], config)
    # biased LexRank ranks the sentence that answers the topic first; without the topic
    # the ranking is the plain one
    focused = max(briefings[True].sentences, key=lambda c: c.score)
    assert focused.sentence.text.startswith("Schools")
    assert [c.score for c in briefings[True].sentences] != \
        [c.score for c in briefings[False].sentences]


def test_eval_shows_the_briefings_of_n_events_side_by_side(tmp_path):
    """Issue 15: eval wrote no briefing texts to compare configs side by side."""
    dataset = make_dataset(tmp_path / "data")
    out = tmp_path / "eval"
    args = ["eval", str(dataset), "--config", str(ROOT / "configs" / "default.yaml"),
            "--config", str(ROOT / "configs" / "mmr.yaml"), "--words", "40",
            "--output", str(out), "--show", "1"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    markdown = (out / "results.md").read_text(encoding="utf-8")
    assert "| event | default | mmr | lead | random |" in markdown
    row = next(line for line in markdown.splitlines() if line.startswith("| E1 |"))
    assert "Floods closed the valley road" in row
    assert "| E2 |" not in markdown
    assert (out / "results.png").read_bytes().startswith(b"\x89PNG")


def test_eval_without_the_eval_extra_says_what_to_install(tmp_path, monkeypatch):
    """Issue 15: ROUGE and charts became an extra; without it, eval says so in one line."""
    import sys

    import summarize.evaluation

    for module in ("evaluate", "rouge"):  # imported afresh, as in a new process
        monkeypatch.delitem(sys.modules, f"summarize.evaluation.{module}", raising=False)
        monkeypatch.delattr(summarize.evaluation, module, raising=False)
    for module in ("rouge_score", "rouge_score.tokenize"):
        monkeypatch.setitem(sys.modules, module, None)  # as if not installed
    result = CliRunner().invoke(cli, ["eval", str(make_dataset(tmp_path / "data"))])
    assert isinstance(result.exception, SummarizeError)
    assert "pip install 'summarize-news[eval]'" in str(result.exception)


def test_too_few_events_for_the_intervals_and_p_values_are_said():
    """Issue 34: with 4 events the intervals excluded 0 while the permutation p could not
    go below 0.12, and nothing warned."""
    four = evaluation.few_events_cautions(4)
    assert four[0].startswith("with 4 events the paired sign-flip test has 16 sign patterns")
    assert "p cannot go below 2/16 = 0.125" in four[0] and "(that takes 6 events)" in four[0]
    assert "about 53% as wide as Student's t interval" in four[1]
    assert "from 18 events" in four[1]
    assert len(evaluation.few_events_cautions(6)) == 1  # p can reach 0.03; intervals narrow
    assert evaluation.few_events_cautions(18) == []
    assert evaluation.few_events_cautions(50) == []
    # the smallest p the test gives is the floor the caution names
    rng = np.random.default_rng(0)
    results = evaluation.Results(None)
    for name, shift in (("a", 0.1), ("b", 0.0)):
        results.per_event[name] = {f"E{e}": {"rouge-2": Score(shift + rng.random() / 100, 0, 0)}
                                   for e in range(4)}
    assert evaluation.compare(results, "a", "b", "rouge-2").p_value > 0.12


def test_eval_warns_when_there_are_too_few_events(tmp_path):
    dataset = make_dataset(tmp_path / "data")
    result = CliRunner().invoke(cli, ["eval", str(dataset), "--words", "40", "--output",
                                      str(tmp_path / "eval")])
    assert result.exit_code == 0, result.output
    assert "summarize: WARNING: too few events: with 2 events the paired sign-flip" in \
        result.stderr
    results = (tmp_path / "eval" / "results.md").read_text(encoding="utf-8")
    assert "**Too few events:** with 2 events" in results


FRENCH = [
    "Les pompiers ont maîtrisé jeudi l'incendie qui a détruit un entrepôt de Lyon.",
    "Plus de quatre-vingts pompiers ont lutté contre les flammes pendant six heures.",
    "Le propriétaire de l'entrepôt estime les dégâts à plusieurs millions d'euros.",
    "La police judiciaire a ouvert une enquête sur l'origine du sinistre à Lyon.",
    "Les habitants du quartier ont été invités à fermer leurs fenêtres à cause des fumées.",
]


def test_eval_selects_events_by_pattern_and_scores_each_in_its_language(tmp_path):
    dataset = make_dataset(tmp_path / "data")
    event = dataset / "fr-E3"
    (event / "articles").mkdir(parents=True)
    (event / "refs").mkdir()
    for i in range(3):
        (event / "articles" / f"a{i}.md").write_text(
            " ".join(FRENCH[i:] + FRENCH[:i]) + "\n", encoding="utf-8")
    (event / "refs" / "A.txt").write_text("\n".join(FRENCH[:2]) + "\n", encoding="utf-8")
    out = tmp_path / "eval"
    result = CliRunner().invoke(cli, ["eval", str(dataset), "--words", "40", "--events",
                                      "fr-*", "--output", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert set(data["per_event"]["default"]) == {"fr-E3"}
    assert "Events in fr are scored in their language" in result.output
    none = summarize("eval", str(dataset), "--events", "de-*")
    assert none.returncode == 2
    assert none.stderr.strip().splitlines() == [
        f"summarize: error: {dataset}: no event folder matching 'de-*' with articles/ and "
        "refs/*.txt"]
