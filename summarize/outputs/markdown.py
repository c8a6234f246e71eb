"""Markdown: a briefing's data through a Jinja2 template.

Article text is untrusted: it could carry Markdown links or images, raw HTML or template
syntax. Every value a template prints passes through `escape_markdown`, installed as the
environment's `finalize` hook, so no template (shipped or user-supplied) can forget it.
Templates render with StrictUndefined: a misspelt variable fails loudly instead of
leaving a blank.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from summarize.errors import RenderError
from summarize.models import Briefing, ChosenSentence, CleanArticle, Sentence
from summarize.outputs.data import also_covered, briefing_data, visible

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
DEFAULT_TEMPLATE = "briefing.md.j2"

# Characters that start Markdown or HTML constructs anywhere in a line, or Jinja syntax.
_INLINE_SPECIALS = re.compile(r"([\\`*_{}\[\]<>#|~&!])")
# Constructs that only act at the start of a line: lists, quotes, headings, rules.
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")
# Bare web addresses, which GitHub and other renderers turn into live links.
_BARE_LINK = re.compile(r"(?i)\b(https?|ftp)(:)(?=//)|\b(www)(\.)(?=\w)")


def escape_markdown(value: Any) -> Any:
    """Make text print literally in Markdown: backslash-escape what could become markup,
    including bare web addresses that renderers would turn into links."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    text = " ".join(visible(value).split())  # no line breaks: never a new block
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    text = _BARE_LINK.sub(lambda m: (m.group(1) or m.group(3)) + "\\" + (m.group(2) or m.group(4)),
                          text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def load_template(path: Path | None) -> jinja2.Template:
    """The briefing template: the shipped one, or the file named by `output.template`."""
    folder, name = (TEMPLATES, DEFAULT_TEMPLATE) if path is None else (path.parent, path.name)
    if path is not None and not path.is_file():
        raise RenderError(f"output.template: file not found: {path}")
    # The sandbox: a template (which anyone who can edit a config may supply) reads the
    # briefing's data and nothing else; `{{ lipsum.__globals__ }}` and the like fail.
    environment = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(folder)),
        undefined=jinja2.StrictUndefined,
        finalize=escape_markdown,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["also_covered"] = also_covered
    try:
        return environment.get_template(name)
    except jinja2.TemplateSyntaxError as error:
        raise RenderError(f"template {error.filename or name}, line {error.lineno}: "
                          f"{error.message}") from None
    except UnicodeDecodeError:
        raise RenderError(f"template {path or name}: not UTF-8 text") from None
    except (jinja2.TemplateError, OSError) as error:
        raise RenderError(f"template {path or name}: {error}") from None


def render_markdown(template: jinja2.Template, data: dict[str, Any]) -> str:
    try:
        return template.render(briefing=data)
    except jinja2.TemplateError as error:
        raise RenderError(f"template {template.name}: {error}") from None
    except RecursionError:
        raise RenderError(f"template {template.name}: it includes or calls itself "
                          "without end") from None
    except (TypeError, ValueError, AttributeError, OverflowError) as error:
        raise RenderError(f"template {template.name}: {type(error).__name__}: "
                          f"{error}") from None


def check_template(template: jinja2.Template, config: dict[str, Any]) -> None:
    """Render a small sample briefing, so that a template error (an unknown variable, a bad
    filter) stops the run before any file is written, not at the first event."""
    article = CleanArticle(path="sample/article.txt", id="sample", paragraphs=("A fact.",),
                           title="Sample", outlet="Outlet", url="https://example.org/a",
                           published=dt.date(2000, 1, 1))
    sample = Briefing(event="sample", title="Sample",
                      sentences=(ChosenSentence(Sentence("A fact.", 0, 0), 1.0, (0,)),),
                      lead=frozenset({0}), articles=(article,), config=config)
    render_markdown(template, briefing_data(sample))
