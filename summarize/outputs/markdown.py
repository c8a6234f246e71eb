"""Markdown: a briefing's data through a Jinja2 template.

Article text is untrusted: it could carry Markdown links or images, raw HTML or template
syntax. Every value a template prints passes through `escape_markdown`, installed as the
environment's `finalize` hook, so no template (shipped or user-supplied) can forget it.
Templates render in the sandbox of `outputs.templating`.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import jinja2

from summarize.errors import RenderError
from summarize.outputs.data import sample_data, visible, web_address
from summarize.outputs.templating import TEMPLATES, load_or_explain, render_or_explain, sandbox

DEFAULT_TEMPLATE = "briefing.md.j2"

# ASCII punctuation: what a backslash can escape (CommonMark 0.31, "Backslash escapes").
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# Always markup, wherever they stand: code spans, link and image brackets.
_ALWAYS = frozenset("`[]")
# Emphasis (and GFM strikethrough) delimiters: markup only when a run of them is flanking.
_DELIMITERS = frozenset("*_~")
# What acts only at the start of a line (block starts): headings, quotes, list markers,
# thematic breaks, setext underlines, code fences.
_BLOCK_START = re.compile(r"^(?:([#>+*=_~-])(?=\s|$|\1)|(\d{1,9})([.)])(?=\s|$)|(>))")
# "<" opens raw HTML or an autolink only before a letter, "/", "!" or "?"; "&" an entity
# only as "&name;" or "&#123;". Template syntax ("{{", "{%", "{#": Jinja, Liquid, Hugo,
# which site generators run over Markdown) is broken by escaping its second character.
_HTML_OPEN = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_TEMPLATE_OPEN = re.compile(r"(?<=\{)[{%#]")
# GFM's bare links: http(s)://, www. and e-mail addresses become live links.
_BARE_LINK = re.compile(r"(?i)\b(?:https?|ftp)(:)(?=//)|\bwww(\.)(?=\w)|(?<=\w)(@)(?=[\w-]+\.\w)")
# Renderers that also link bare domains (markdown-it's linkify, through linkify-it) read
# "evil.ru" or "1.ba" as a link: a dot before a top-level domain (any two letters, or
# linkify-it's default list of longer ones) is escaped, which keeps the text as it is.
_BARE_DOMAIN = re.compile(
    r"(?i)(?<=[^\W_]|-)(\.)(?=(?:[a-z]{2}|biz|com|edu|gov|net|org|pro|web|xxx|aero|asia|coop"
    r"|info|museum|name|shop|рф|xn--[\w-]+)(?![\w-]))")


def _is_space(character: str) -> bool:
    return not character or character.isspace()


def _is_punctuation(character: str) -> bool:
    return bool(character) and (character in _ASCII_PUNCTUATION
                                or unicodedata.category(character)[0] in "PS")


def _flanking(before: str, after: str) -> tuple[bool, bool]:
    """Whether a delimiter run between these characters is left- and right-flanking
    (CommonMark 0.31, "Emphasis and strong emphasis"); "" is the edge of the value,
    taken as a space since we cannot know what a template puts there."""
    left = not _is_space(after) and (not _is_punctuation(after) or _is_space(before)
                                     or _is_punctuation(before))
    right = not _is_space(before) and (not _is_punctuation(before) or _is_space(after)
                                       or _is_punctuation(after))
    return left, right


def _delimiter_is_markup(run: str, before: str, after: str) -> bool:
    left, right = _flanking(before, after)
    if run[0] == "_":  # "_" inside a word ("snake_case") neither opens nor closes
        return (left and (not right or _is_punctuation(before))) or \
            (right and (not left or _is_punctuation(after)))
    return left or right


class Verbatim(str):
    """Markdown our own filters made safe (a link to a checked address): printed as is."""


def markdown_link(url: str | None, fallback: str | None = None) -> str:
    """An http(s) address as a live link (`<https://…>`); anything else as escaped text
    (the template's `link` filter)."""
    address = web_address(url)
    if address is None:
        return Verbatim(escape_markdown(url or fallback))
    return Verbatim(f"<{address}>")


# Between two citations: no line break there (the word joiner, UAX #14 rule LB11), and no
# "[…][…]" that CommonMark would read as one link to a reference.
CITATION_JOINER = "\u2060"


def markdown_citations(ids: list[int]) -> str:
    """"[[1]](#source-1)⁠[[2]](#source-2)": a sentence's citations, each a link to its
    source's entry in the list below it (the template's `citations` filter)."""
    return Verbatim(CITATION_JOINER.join(f"[[{int(i)}]](#source-{int(i)})" for i in ids))


def escape_markdown(value: Any) -> Any:
    """Make text print literally in Markdown, escaping only what CommonMark (and GFM's
    strikethrough and bare links) would read as markup, so the raw file reads clean:
    "snake_case", "5 * 3", "AT&T" and "a < b" stay as they are; "*bold*", "[link](x)",
    "<b>", "&amp;", "{{ x }}" and "https://x" are escaped. Line breaks become spaces: a
    value never starts a new block."""
    if value is None:
        return ""
    if not isinstance(value, str) or isinstance(value, Verbatim):
        return value
    text = " ".join(visible(value).split())
    marked: set[int] = set()  # indices of the characters to escape
    index = 0
    while index < len(text):
        character = text[index]
        if character in _ALWAYS:
            marked.add(index)
        elif character == "\\" and (index + 1 == len(text)
                                    or text[index + 1] in _ASCII_PUNCTUATION):
            marked.add(index)
        elif character in _DELIMITERS:
            end = index
            while end < len(text) and text[end] == character:
                end += 1
            if _delimiter_is_markup(text[index:end], text[index - 1:index], text[end:end + 1]):
                marked.update(range(index, end))
            index = end
            continue
        index += 1
    for pattern in (_HTML_OPEN, _ENTITY, _TEMPLATE_OPEN):
        marked.update(match.start() for match in pattern.finditer(text))
    for match in _BARE_LINK.finditer(text):
        marked.add(match.start(match.lastindex or 0))
    marked.update(match.start(1) for match in _BARE_DOMAIN.finditer(text))
    start = _BLOCK_START.match(text)
    if start:
        marked.add(start.start(3) if start.group(3) else 0)
    return "".join("\\" + c if i in marked else c for i, c in enumerate(text))


def load_template(path: Path | None) -> jinja2.Template:
    """The briefing template: the shipped one, or the file named by `output.template`."""
    folder, name = (TEMPLATES, DEFAULT_TEMPLATE) if path is None else (path.parent, path.name)
    if path is not None and not path.is_file():
        raise RenderError(f"output.template: file not found: {path}")
    environment = sandbox(folder, autoescape=False, finalize=escape_markdown)
    environment.filters["link"] = markdown_link
    environment.filters["citations"] = markdown_citations
    return load_or_explain(environment, name, path or name)


def render_markdown(template: jinja2.Template, data: dict[str, Any]) -> str:
    return render_or_explain(template, briefing=data)


def check_template(template: jinja2.Template, config: dict[str, Any]) -> None:
    """Render a small sample briefing, so that a template error (an unknown variable, a bad
    filter) stops the run before any file is written, not at the first event."""
    render_markdown(template, sample_data(config))
