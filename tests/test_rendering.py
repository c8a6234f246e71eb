"""Rendering: untrusted article text cannot inject markup; templates fail loudly."""

import json

import pytest

from summarize.errors import RenderError
from summarize.rendering import escape_markdown, load_template, render_markdown

ATTACKS = [
    "[click me](https://evil.example)",
    "![pixel](https://evil.example/p.png)",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "{{ config }} and {% raw %}",
    "# heading",
    "- list item",
    "1. ordered",
    "> quote",
    "**bold** _em_ `code`",
    "| table | cell |",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_escaped_text_has_no_active_markup(text):
    escaped = escape_markdown(text)
    for opener in ("[", "]", "<", ">", "{", "}", "*", "_", "`", "|", "#"):
        assert opener not in escaped.replace("\\" + opener, "")
    assert not escaped.startswith(("-", "1.", ">"))


def test_escaping_keeps_the_words():
    assert escape_markdown("U.S. officials said $100.00 (about).") == (
        "U.S. officials said $100.00 (about).")


def test_line_breaks_cannot_start_new_blocks():
    assert "\n" not in escape_markdown("text\n# heading\n\n- item")


def _data(text: str) -> dict:
    return {
        "event": "ev", "title": "[T](x)", "dates": None,
        "sentences": [{"text": text, "score": 1.0, "sources": [1], "lead": True}],
        "sources": [{"id": 1, "article": "a", "outlet": "<b>O</b>", "title": None,
                     "published": None, "path": "ev/a.txt", "url": "javascript:alert(1)",
                     "sentences_used": 1, "cited_by": 1}],
        "config": {},
    }


def test_shipped_template_escapes_every_value():
    markdown = render_markdown(load_template(None), _data("See [here](http://x) <b>now</b>."))
    assert "[1]" in markdown  # citation markers come from the template, unescaped
    assert "\\[here\\](http://x)" in markdown
    assert "\\<b\\>now\\</b\\>" in markdown
    assert "# \\[T\\](x)" in markdown


def test_undefined_variable_is_an_error(tmp_path):
    template = tmp_path / "t.md.j2"
    template.write_text("{{ briefing.nonexistent }}")
    with pytest.raises(RenderError, match="nonexistent"):
        render_markdown(load_template(template), _data("x"))


def test_template_syntax_error_names_the_line(tmp_path):
    template = tmp_path / "t.md.j2"
    template.write_text("ok\n{% if %}\n")
    with pytest.raises(RenderError, match="line 2"):
        load_template(template)


def test_missing_template_file(tmp_path):
    with pytest.raises(RenderError, match="output.template: file not found"):
        load_template(tmp_path / "none.j2")


def test_json_is_stable_text():
    from summarize.rendering import render_json
    assert render_json({"b": 1, "a": "é"}) == json.dumps({"b": 1, "a": "é"}, indent=2,
                                                          ensure_ascii=False) + "\n"
