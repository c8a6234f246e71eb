"""Rendering: a Briefing becomes JSON data, then Markdown through a Jinja2 template.

Article text is untrusted: it could carry Markdown links or images, raw HTML or template
syntax. Every value a template prints passes through `escape_markdown`, installed as the
environment's `finalize` hook, so no template (shipped or user-supplied) can forget it.
Templates render with StrictUndefined: a misspelt variable fails loudly instead of
leaving a blank.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from summarize.errors import RenderError
from summarize.models import Briefing, ChosenSentence, CleanArticle, Sentence
from summarize.redundancy import publication_order

TEMPLATES = Path(__file__).parent / "templates"
DEFAULT_TEMPLATE = "briefing.md.j2"

# Characters that start Markdown or HTML constructs anywhere in a line, or Jinja syntax.
_INLINE_SPECIALS = re.compile(r"([\\`*_{}\[\]<>#|~&!])")
# Constructs that only act at the start of a line: lists, quotes, headings, rules.
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


# Bidirectional controls reorder what a reader sees ("Invoice \u202egpj.exe" shows as
# "Invoice exe.jpg"); zero-width characters hide inside names and links. Article text
# never needs them in a briefing.
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
# Bare web addresses, which GitHub and other renderers turn into live links.
_BARE_LINK = re.compile(r"(?i)\b(https?|ftp)(:)(?=//)|\b(www)(\.)(?=\w)")


def visible(value: str | None) -> str | None:
    """Text without bidirectional controls and zero-width characters."""
    return _INVISIBLE.sub("", value) if value else value


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


def briefing_data(briefing: Briefing) -> dict[str, Any]:
    """The briefing as JSON-ready data; also what templates receive as `briefing`.

    `sources` are the cited articles, numbered in the order the briefing first cites them
    (so [1] is the first citation a reader meets); `also_covered` lists the articles no
    sentence cites, earliest first: they reported the event too, but added nothing the
    briefing says."""
    number: dict[int, int] = {}
    for chosen in briefing.sentences:
        for article in chosen.sources:
            number.setdefault(article, len(number) + 1)
    used = {a: 0 for a in range(len(briefing.articles))}
    cited = {a: 0 for a in range(len(briefing.articles))}
    sentences = []
    for index, chosen in enumerate(briefing.sentences):
        used[chosen.sentence.article] += 1
        for article in chosen.sources:
            cited[article] += 1
        sentences.append({
            "text": visible(chosen.sentence.text),
            "score": round(float(chosen.score), 6),
            "sources": sorted(number[a] for a in chosen.sources),
            "lead": index in briefing.lead,
        })

    def described(article: int) -> dict[str, Any]:
        a = briefing.articles[article]
        return {
            "article": visible(a.id),
            "outlet": visible(a.outlet),
            "title": visible(a.title),
            "published": a.published.isoformat() if a.published else None,
            "path": visible(a.path),
            "url": visible(a.url),
        }

    sources = [{"id": place, **described(article), "sentences_used": used[article],
                "cited_by": cited[article]}
               for article, place in sorted(number.items(), key=lambda item: item[1])]
    also = [described(a) for a in publication_order(briefing.articles) if a not in number]
    dates = sorted(a.published.isoformat() for a in briefing.articles if a.published)
    return {
        "event": briefing.event,
        "title": visible(briefing.title),
        "dates": {"first": dates[0], "last": dates[-1]} if dates else None,
        "sentences": sentences,
        "sources": sources,
        "also_covered": also,
        "articles": len(briefing.articles),
        "config": briefing.config,
    }


def also_covered(data: dict[str, Any]) -> str:
    """"7 more articles from Reuters, Xinhua and 2 other outlets": the uncited coverage in
    one line (the template's `also_covered` filter)."""
    also = data["also_covered"]
    if not also:
        return ""
    outlets = list(dict.fromkeys(a["outlet"] for a in also if a["outlet"]))
    count = f"{len(also)} more article{'s' if len(also) > 1 else ''}"
    if not outlets:
        return count
    named = outlets[:3]
    rest = len(outlets) - len(named)
    if rest:
        listed = ", ".join(named) + f" and {rest} other outlet{'s' if rest > 1 else ''}"
    elif len(named) > 1:
        listed = ", ".join(named[:-1]) + " and " + named[-1]
    else:
        listed = named[0]
    return f"{count} from {listed}"


def render_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


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
