"""The config schema: defaults, overrides, and one exact line per mistake."""

from pathlib import Path

import pytest

from summarize.config import Config, load_config
from summarize.errors import ConfigError
from tests.conftest import ROOT

ALGORITHMS = ("lexrank, textrank, centroid, lead, lsa, luhn, kl, sumbasic, reduction, "
              "random, edmundson")


def error_of(*overrides: str, path: Path | None = None) -> str:
    with pytest.raises(ConfigError) as caught:
        load_config(path, overrides)
    return str(caught.value)


def test_defaults_when_no_file():
    config = load_config(None)
    assert config.ranker.algorithm == "lexrank"
    assert config.budget.words == 120
    assert config.budget.sentences is None


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "configs").glob("*.yaml")))
def test_shipped_configs_are_valid(name):
    assert isinstance(load_config(ROOT / "configs" / name), Config)


def test_textrank_config_selects_textrank():
    assert load_config(ROOT / "configs" / "textrank.yaml").ranker.algorithm == "textrank"


def test_override_sets_nested_key_and_parses_yaml_values():
    config = load_config(None, ("ranker.threshold=null", "budget.sentences=3"))
    assert config.ranker.threshold is None
    assert config.budget.sentences == 3


def test_switching_algorithm_on_the_default_config_works():
    config = load_config(ROOT / "configs" / "default.yaml", ("ranker.algorithm=textrank",))
    assert config.ranker.algorithm == "textrank"


def test_unknown_algorithm():
    assert error_of("ranker.algorithm=nope") == (
        f"ranker.algorithm: unknown value 'nope'; expected one of: {ALGORITHMS}")


def test_unknown_top_level_key():
    assert error_of("colour=red") == (
        "colour: unknown key (value 'red'); accepted keys here: ranker, duplicates, "
        "selector, corroboration, order, budget, focus, output, languages, limits, run, "
        "grouping")


def test_unknown_key_inside_an_algorithm():
    assert error_of("ranker.algorithm=textrank", "ranker.threshold=0.2") == (
        "ranker.threshold: unknown key (value 0.2); accepted keys here: algorithm, engine, "
        "damping, self_loops, tolerance, convergence, landmarks")


def test_wrong_type():
    assert error_of("budget.words=lots") == (
        "budget.words: 'lots' is invalid: Input should be a valid integer, unable to parse "
        "string as an integer")


def test_out_of_range():
    assert error_of("ranker.threshold=1.5") == (
        "ranker.threshold: 1.5 is invalid: Input should be less than 1")


def test_unknown_order_strategy():
    assert error_of("order.strategy=random") == (
        "order.strategy: unknown value 'random'; expected one of: chronological, score, source")


def test_budget_needs_a_limit():
    assert error_of("budget.words=null") == "budget: set budget.words, budget.sentences or both"


def test_grouping_weights_leave_the_text_a_share():
    assert error_of("grouping.lead_weight=0.6", "grouping.names_weight=0.5") == (
        "grouping: lead_weight 0.6 and names_weight 0.5 add up to more than 1")


def test_missing_file_is_an_error_not_a_default(tmp_path):
    missing = tmp_path / "nope.yaml"
    assert error_of(path=missing) == f"config file not found: {missing}"


def test_malformed_yaml(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("ranker: [unclosed\n")
    assert error_of(path=path) == f"{path}: not valid YAML (line 2)"


def test_malformed_override():
    assert error_of("ranker.algorithm") == (
        "--set 'ranker.algorithm': expected KEY=VALUE with a dotted key, "
        "e.g. ranker.algorithm=textrank")


def test_effective_config_has_every_default():
    effective = load_config(None).effective()
    assert effective["ranker"]["threshold"] == 0.1
    assert effective["selector"]["strategy"] == "concepts"
    assert effective["selector"]["min_sources"] == 3
    assert effective["focus"] == {"text": None, "from_event": True}
    assert load_config(None, ("selector.strategy=mmr",)).effective()["selector"]["lambda"] == 0.7
    assert effective["limits"]["max_article_bytes"] == 5_000_000


def test_yaml_is_loaded_safely(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text("ranker: !!python/object/apply:os.system ['echo hi']\n")
    assert "not valid YAML" in error_of(path=path)
