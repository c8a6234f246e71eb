"""The documentation: the configuration reference is the schema's, every file and link the
docs cite exists, and the README shows a real briefing."""

import re

import pytest
import yaml

from summarize.config_text import reference_markdown
from tests.conftest import ROOT

DOCS = sorted((ROOT / "docs").glob("*.md"))
# A file of this repository named in prose or code: a module, a benchmark, a test, a config,
# a committed output, an image. Placeholders (`<slug>.md`) and ../shared are not matched.
REPO_PATH = re.compile(r"(?<![\w./-])((?:summarize|benchmarks|tests|configs|outputs|seeds|docs)"
                       r"/[\w./-]*\.(?:py|md|yaml|json|html|xml|png|txt|j2|css))")
LINK = re.compile(r"\]\(([^)#\s]+)(?:#([^)\s]+))?\)")


def anchors(markdown: str) -> set[str]:
    """The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces
    made hyphens."""
    headings = re.findall(r"^#+ (.+)$", markdown, re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}


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
    assert len(sections) == 12
    assert [name for name, text in sections if not text.strip()] == []


@pytest.mark.parametrize("doc", [ROOT / "README.md", ROOT / "CHANGELOG.md", *DOCS],
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_cited_files_and_links_exist(doc):
    text = doc.read_text(encoding="utf-8")
    missing = sorted(p for p in set(REPO_PATH.findall(text)) if not (ROOT / p).exists())
    for link, anchor in sorted(set(LINK.findall(text))):
        target = doc.parent / link
        if "://" in link:
            continue
        if not target.exists():
            missing.append(link)
        elif anchor and anchor not in anchors(target.read_text(encoding="utf-8")):
            missing.append(f"{link}#{anchor}")
    assert missing == []


def test_readme_is_for_users():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 250
    assert any("pip install" in line for line in lines[:30])
    # `summarize` on PyPI is another project: the README installs from a clone
    assert [line for line in lines if re.search(r"pip install ['\"]?summarize\b", line)] == []


def test_the_readme_excerpt_is_the_sample_briefing():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    excerpt = re.search(r"```markdown\n(.*?)```", readme, re.DOTALL).group(1).splitlines()
    briefing = (ROOT / "outputs" / "kim-putin-summit-2023.md").read_text(encoding="utf-8")
    shown = [line for line in excerpt if line != "…"]
    assert len(shown) > 10
    assert [line for line in shown if line not in briefing.splitlines()] == []
