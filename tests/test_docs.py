"""The documentation: the configuration reference is the schema's."""

import re

import pytest
import yaml

from summarize.config import reference_markdown
from tests.conftest import ROOT


def test_configuration_reference_is_current():
    written = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert written == reference_markdown(), (
        "docs/configuration.md is out of date with summarize/config.py: run `make docs`")


def key_paths(data, prefix=""):
    for key, value in data.items():
        yield f"{prefix}{key}"
        if isinstance(value, dict):
            yield from key_paths(value, f"{prefix}{key}.")


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "configs").glob("*.yaml")))
def test_every_key_of_the_shipped_configs_is_in_the_reference(name):
    data = yaml.safe_load((ROOT / "configs" / name).read_text(encoding="utf-8"))
    reference = reference_markdown()
    missing = [key for key in key_paths(data) if f"`{key}`" not in reference]
    assert missing == []
    choices = [f"`{data[s][k]}`" for s, k in (("ranker", "algorithm"), ("selector", "strategy"))
               if k in data.get(s, {})]
    assert [c for c in choices if c not in reference] == []


def test_every_option_in_the_reference_is_described():
    rows = [line.split(" | ") for line in reference_markdown().splitlines()
            if line.startswith("| `")]
    assert len(rows) > 40
    assert [row[0] for row in rows if len(row) != 4 or len(row[3].strip(" |")) < 10] == []
    sections = re.findall(r"^## `(\w+)`\n\n(.*)$", reference_markdown(), re.MULTILINE)
    assert len(sections) == 11
    assert [name for name, text in sections if not text.strip()] == []
