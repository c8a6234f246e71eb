"""Rendering: untrusted article text cannot inject markup; templates fail loudly."""

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from summarize.errors import RenderError
from summarize.outputs.markdown import escape_markdown, load_template, render_markdown
from tests.conftest import Page, summarize

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


def _commonmark(markdown: str) -> tuple[set[str], str]:
    """The tags a CommonMark renderer (with GFM's strikethrough, tables and bare links)
    makes of the text, and the text a reader sees."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"linkify": True}).enable(
        ["linkify", "strikethrough", "table"])
    page = Page(parser.render(markdown))
    return {tag for tag, _ in page.tags}, "".join(page.text).strip()


@pytest.mark.parametrize("text", ATTACKS + [
    "***", "---", "= = =", "~~~ fence", "    indented", "2023. A year", "+ plus",
    "AT&amp;T &#60;b&#62;", "<!-- comment -->", "<?php ?>", "a\\*b\\*", "trailing \\",
    "mail tips@evil.example now", "__init__ and **kw**", "~~gone~~", "``code``",
    "1.ba", "see evil.ru today", "Amazon.com Inc", "APW19990707.0181.md",
])
def test_escaped_text_renders_as_itself_and_nothing_else(text):
    tags, seen = _commonmark(escape_markdown(text))
    assert tags <= {"p"}, tags
    assert seen == " ".join(text.split())


@given(st.text(alphabet=st.sampled_from(list("ab 1.-+*_~`#>[]()!<>&;{}%\\/:@|=w")),
               max_size=40))
@settings(max_examples=400, deadline=None)
def test_no_text_becomes_markup(text):
    tags, seen = _commonmark(escape_markdown(text))
    assert tags <= {"p"}, (text, escape_markdown(text), tags)
    assert seen == " ".join(text.split())


@pytest.mark.parametrize("text", [
    "kim-putin-summit-2023/004_f1e603e65cfa6128.txt", "snake_case", "5 * 3 = 15",
    "AT&T", "a < b > c", "U.S. officials said $100.00 (about).", "{ braces }",
    "-5 degrees", "#1 seed", "C:\\temp", "100% sure!",
])
def test_what_is_not_markup_is_left_alone(text):
    """Issue 14: the raw file was hard to read (`004\\_f1e603e65cfa6128.txt`)."""
    assert escape_markdown(text) == text


def test_template_syntax_is_broken_for_site_generators():
    escaped = escape_markdown("{{ site.secret }} {% include x %} {# c #}")
    assert "{{" not in escaped and "{%" not in escaped and "{#" not in escaped


def test_line_breaks_cannot_start_new_blocks():
    assert "\n" not in escape_markdown("text\n# heading\n\n- item")


def _data(text: str) -> dict:
    return {
        "event": "ev", "title": "[T](x)", "dates": None, "since": None,
        "sentences": [{"text": text, "score": 1.0, "sources": [1], "lead": True,
                       "new": False}],
        "sources": [{"id": 1, "article": "a", "outlet": "<b>O</b>", "title": None,
                     "author": "<i>A</i>", "published": None, "path": "ev/a.txt",
                     "url": "javascript:alert(1)",
                     "sentences_used": 1, "cited_by": 1}],
        "also_covered": [{"outlet": "<i>Other</i>"}], "articles": 2,
        "config": {},
    }


def test_shipped_template_escapes_every_value():
    markdown = render_markdown(load_template(None), _data("See [here](http://x) <b>now</b>."))
    assert "[[1]](#source-1)" in markdown  # citations come from the template, unescaped
    assert "\\[here\\](http\\://x)" in markdown
    assert "\\<b>now\\</b>" in markdown
    tags, _ = _commonmark(markdown)
    assert not tags & {"img", "b", "i", "script"}  # "javascript:" stays text
    # the only links: the citation to source 1 and its entry's anchor
    links = [a for tag, a in Page(MarkdownIt("commonmark").render(markdown)).tags if tag == "a"]
    assert links == [{"href": "#source-1"}, {"id": "source-1"}]
    assert "# \\[T\\](x)" in markdown
    assert "Also covered by 1 more article from \\<i>Other\\</i>." in markdown
    assert ", by \\<i>A\\</i>, undated" in markdown


def test_sources_with_a_web_address_are_links_and_nothing_else_is():
    data = _data("A fact.")
    data["sources"].append({**data["sources"][0], "id": 2, "url": "https://news.example/a b"})
    data["sources"].append({**data["sources"][0], "id": 3, "url": "data:text/html,<b>"})
    markdown = render_markdown(load_template(None), data)
    assert "<https://news.example/a%20b>" in markdown
    html = MarkdownIt("commonmark").render(markdown)
    addresses = [a["href"] for tag, a in Page(html).tags
                 if tag == "a" and not a.get("href", "#").startswith("#")]
    assert addresses == ["https://news.example/a%20b"]


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
    from summarize.outputs.data import render_json
    assert render_json({"b": 1, "a": "é"}) == json.dumps({"b": 1, "a": "é"}, indent=2,
                                                          ensure_ascii=False) + "\n"


def test_sources_are_numbered_as_cited_and_the_rest_summed_up_in_one_line():
    from summarize.models import Briefing, ChosenSentence, CleanArticle, Sentence
    from summarize.outputs.data import briefing_data

    def article(i, outlet):
        return CleanArticle(path=f"e/{i}.txt", id=str(i), paragraphs=("x",), title=None,
                            outlet=outlet, url=None, published=dt.date(2023, 9, 10 + i))

    articles = tuple(article(i, o) for i, o in enumerate(
        ["Wire", "Daily", "Post", "Times", "Herald", "Wire"]))
    briefing = Briefing(event="e", title="T", lead=frozenset({0}), articles=articles,
                        sentences=(ChosenSentence(Sentence("First fact.", 3, 0), 1.0, (1, 3)),
                                   ChosenSentence(Sentence("Second fact.", 2, 0), 1.0, (2,))))
    data = briefing_data(briefing)
    assert [(s["id"], s["outlet"]) for s in data["sources"]] == [(1, "Daily"), (2, "Times"),
                                                                 (3, "Post")]
    assert [s["sources"] for s in data["sentences"]] == [[1, 2], [3]]
    markdown = render_markdown(load_template(None), data)
    assert "Also covered by 3 more articles from Wire and Herald." in markdown
    assert "used" not in markdown and "cited" not in markdown


@pytest.mark.parametrize("body, message", [
    ("{{ lipsum.__globals__['os'].popen('id').read() }}", "unsafe"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "unsafe"),
    ("{% include 'self.j2' %}", "itself"),
    ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "itself"),
    ("{% for i in range(10**12) %}{% endfor %}", "Range too big"),
])
def test_hostile_templates_fail_with_one_line_before_any_write(tmp_path, body, message):
    """Issue 15: a config's template ran shell commands, or looped or recursed forever."""
    path = tmp_path / "self.j2"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RenderError) as error:
        render_markdown(load_template(path), _data("A fact."))
    assert message in str(error.value)


@pytest.mark.parametrize("body, message", [
    ("{% for a in range(5000) %}{% for b in range(5000) %}x{% endfor %}{% endfor %}",
     "the template's loops ran more than 10,000,000 times"),
    ("{% for a in range(5000) %}{% for b in range(5000) %}{% endfor %}{% endfor %}",
     "the template's loops ran more than 10,000,000 times"),
    ('{{ "a" * 20000000 }}', "a value longer than 16,777,216"),
    ("{{ ([1] * 20000000) | length }}", "a value longer than 16,777,216"),
    ('{% set ns = namespace(s="ab") %}{% for i in range(25) %}{% set ns.s = ns.s ~ ns.s %}'
     "{% endfor %}{{ ns.s | length }}", "a value longer than 16,777,216"),
    ('{% set ns = namespace(s="ab") %}{% for i in range(25) %}{% set ns.s = ns.s + ns.s %}'
     "{% endfor %}{{ ns.s | length }}", "a value longer than 16,777,216"),
    ('{{ "ab" | replace("a", "a" * 10000000) | replace("a", "a" * 10) }}', "a value longer"),
    ("{{ 10 ** 100000 }}", "a power over 64"),
    ('{{ "x" | center(20000000) }}', "a padding longer than 16,777,216"),
    ('{{ "x".ljust(20000000) }}', "a padding longer than 16,777,216"),
    ('{{ "%20000000s" % "x" }}', "a padding longer than 16,777,216"),
    ('{{ "{:>20000000}".format("x") }}', "a padding longer than 16,777,216"),
    ('{% set s = ("https://example.org/" ~ "x" * 1000000) | link %}'
     "{% for i in range(100) %}{{ s }}{% endfor %}",
     "an output longer than 67,108,864 characters"),
])
def test_a_template_cannot_hold_a_run_or_exhaust_its_memory(tmp_path, body, message):
    """Issue 35: a nested loop grew to 7.3 GiB and ended in a MemoryError traceback at
    validation; `{{ "a" * 3000000000 }}` ran on. (Each case here is just past a limit.)"""
    path = tmp_path / "hostile.j2"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RenderError) as error:
        render_markdown(load_template(path), _data("A fact."))
    assert str(error.value).startswith(f"template hostile.j2: {message}")
    assert "\n" not in str(error.value)


def test_a_template_past_a_limit_stops_validation_with_one_line(tmp_path):
    template = tmp_path / "loops.j2"
    template.write_text("{% for a in range(100000) %}{% for b in range(100000) %}x"
                        "{% endfor %}{% endfor %}", encoding="utf-8")
    config = tmp_path / "c.yaml"
    config.write_text(f"output:\n  template: {template}\n", encoding="utf-8")
    result = summarize("validate", str(config))
    assert result.returncode == 2 and result.stderr == (
        "summarize: error: template loops.j2: the template's loops ran more than 10,000,000 "
        "times\n")


def test_validate_checks_the_template_the_config_names(tmp_path):
    broken = tmp_path / "broken.j2"
    broken.write_text("{{ briefing.nothing_here }}", encoding="utf-8")
    config = tmp_path / "c.yaml"
    for template, code in ((broken, 2), (tmp_path / "missing.j2", 2), (None, 0)):
        config.write_text(f"output:\n  template: {template}\n" if template else "{}\n")
        result = summarize("validate", str(config))
        assert result.returncode == code, result.stderr
        assert len(result.stderr.strip().splitlines()) == (1 if code else 0)


def test_bare_links_and_invisible_characters_cannot_mislead_a_reader():
    """Issue 15: GitHub made live links of bare URLs; "Invoice \\u202egpj.exe" showed as
    "Invoice exe.jpg"."""
    data = _data("Pay at https://evil.example/pay or www.evil.example today.")
    data["title"] = "Invoice \u202egpj.exe"
    data["sources"][0]["outlet"] = "Daily\u200b News"
    markdown = render_markdown(load_template(None), data)
    assert "https\\://evil.example" in markdown and "www\\.evil.example" in markdown
    assert "https://" not in markdown.split("## Sources")[0]
    assert "\u202e" not in markdown and "\u200b" not in markdown
    assert "Invoice gpj.exe" in markdown and "Daily News" in markdown
    assert escape_markdown("a\u2066b\u2069c\ufeff") == "abc"


def test_markdown_citations_link_to_their_sources_and_wrap_as_one():
    """Issue 34: Markdown citations were plain text, and a group of them could break across
    lines (as "[1][2]" it is also CommonMark's link to a reference "2")."""
    data = _data("A fact.")
    data["sentences"][0]["sources"] = [1, 2, 3]
    data["sources"] += [{**data["sources"][0], "id": n} for n in (2, 3)]
    markdown = render_markdown(load_template(None), data)
    assert "A fact. [[1]](#source-1)\u2060[[2]](#source-2)\u2060[[3]](#source-3)" in markdown
    page = Page(MarkdownIt("commonmark").render(markdown))
    cited = [a["href"] for tag, a in page.tags if tag == "a" and "href" in a]
    anchors = [a["id"] for tag, a in page.tags if tag == "a" and "id" in a]
    assert cited == ["#source-1", "#source-2", "#source-3"]
    assert anchors == ["source-1", "source-2", "source-3"]
    assert "[1]\u2060[2]\u2060[3]" in "".join(page.text)  # what a reader sees, unbroken


def test_an_html_page_s_citations_wrap_as_one(tmp_path):
    from summarize.outputs.html import render_page

    data = _data("A fact.")
    data["sentences"][0]["sources"] = [1, 2]
    data["sources"].append({**data["sources"][0], "id": 2})
    page = render_page({**data, "dates": None, "also_covered": []})
    group = page.split('<span class="cites">', 1)[1].split("</span>", 1)[0]
    assert group.count('class="cite"') == 2
    from summarize.outputs.templating import TEMPLATES

    assert ".cites { white-space: nowrap; }" in (TEMPLATES / "style.css").read_text()


def test_the_site_title_names_the_index_and_the_feed(tmp_path):
    """Issue 34: the index was always "Briefings" and the feed's author "summarize"."""
    result = summarize("run", "--input", "seeds", "--output", str(tmp_path),
                       "--set", "output.site_title=Harbour <News>")
    assert result.returncode == 0, result.stderr
    index = (tmp_path / "index.html").read_text()
    assert "<title>Harbour &lt;News&gt;</title>" in index
    assert "<h1>Harbour &lt;News&gt;</h1>" in index
    feed = (tmp_path / "index.xml").read_text()
    assert "<title>Harbour &lt;News&gt;</title>" in feed
    assert "<author><name>Harbour &lt;News&gt;</name></author>" in feed
    page = (tmp_path / "kim-putin-summit-2023.html").read_text()
    assert 'title="Harbour &lt;News&gt;" href="index.xml"' in page


def test_an_html_template_of_ones_own_replaces_the_page(tmp_path):
    """Issue 34: output.template replaced only the Markdown."""
    template = tmp_path / "mine.html.j2"
    template.write_text('{% extends "page.html.j2" %}{% block title %}{{ briefing.title }}'
                        '{% endblock %}{% block body %}<h1 class="mine">{{ briefing.title }}'
                        "</h1>{% for s in briefing.sentences %}<p>{{ s.text }}</p>{% endfor %}"
                        "{% endblock %}\n")
    out = tmp_path / "out"
    args = ("run", "--input", "seeds", "--output", str(out), "--set",
            f"output.html_template={template}")
    assert summarize(*args).returncode == 0
    page = (out / "kim-putin-summit-2023.html").read_text()
    assert '<h1 class="mine">North Korea’s Kim vows' in page
    assert "<style>" in page  # the shipped frame it extends
    assert summarize("validate", "configs/default.yaml", "--set",
                     f"output.html_template={template}").returncode == 0
    template.write_text(template.read_text().replace('class="mine"', 'class="edited"'))
    assert "1 written" in summarize(*args).stderr  # an edit rebuilds the briefings
    assert '<h1 class="edited">' in (out / "kim-putin-summit-2023.html").read_text()
    template.write_text("{{ briefing.nonexistent }}")
    broken = summarize("run", "--input", "seeds", "--output", str(tmp_path / "other"),
                       "--set", f"output.html_template={template}")
    assert broken.returncode == 2 and "nonexistent" in broken.stderr
    assert not (tmp_path / "other" / "kim-putin-summit-2023.md").exists()


def test_what_is_no_character_is_written_as_u_fffd():
    """Issue 35: a lone surrogate (half of a UTF-16 pair, which a JSON escape can spell and
    UTF-8 cannot encode) stopped every run at writing."""
    data = _data("Costs rose \udfff sharply.")
    data["title"] = "Budget \ud800"
    markdown = render_markdown(load_template(None), data)
    markdown.encode("utf-8")
    assert "Budget \ufffd" in markdown and "rose \ufffd sharply" in markdown
