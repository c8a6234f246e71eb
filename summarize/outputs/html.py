"""HTML: a briefing's page, and the site's index and Atom feed (`outputs.site`).

The templates are escaped by Jinja2's autoescape (HTML and XML alike), never by the
Markdown escaper: a value is text wherever it is printed, and only the template writes
markup. Links go only to http(s) addresses (`data.web_address`) or to anchors and pages
the site itself has. Pages are static: no script, one small stylesheet inlined, so a page
reads the same from `file://`, any static host, or an e-mail attachment.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from summarize.errors import RenderError
from summarize.outputs.data import sample_data, visible, web_address
from summarize.outputs.templating import TEMPLATES, load_or_explain, render_or_explain, sandbox
from summarize.outputs.templating import render as bounded_render

PAGE_TEMPLATE = "briefing.html.j2"

# The coverage strip: one row per outlet (the first MAX_OUTLET_ROWS by first article, the
# rest in one row), one column per day, a dot per outlet and day, bigger for more articles.
MAX_OUTLET_ROWS = 12
_LABEL_WIDTH = 120
_PLOT_WIDTH = 240
_ROW_HEIGHT = 16
_LABEL_CHARACTERS = 22


@cache
def environment(folder: Path | None = None) -> SandboxedEnvironment:
    """The shipped templates; with `folder` (that of `output.html_template`), its templates
    first, which may extend or include the shipped ones."""
    env = sandbox(TEMPLATES, autoescape=True, finalize=_visible)
    if folder is not None:
        env.loader = jinja2.FileSystemLoader([str(folder), str(TEMPLATES)])
    env.filters["web_address"] = web_address
    env.filters["outlets"] = outlet_names
    env.globals["coverage"] = coverage
    return env


def _visible(value: Any) -> Any:
    """Every value a page or the feed prints, made safe (`data.visible`) before it is
    escaped; markup our templates made stays markup."""
    if isinstance(value, Markup):
        return Markup(visible(str(value)))
    return visible(value) if isinstance(value, str) else value


def render(template: str, **values: Any) -> str:
    try:
        return bounded_render(environment().get_template(template), **values)
    except jinja2.TemplateError as error:  # a bug in a shipped template
        raise RenderError(f"template {template}: {error}") from None


def load_page_template(path: Path | None) -> jinja2.Template:
    """The briefing page's template: the shipped one, or the file `output.html_template`
    names."""
    if path is None:
        return environment().get_template(PAGE_TEMPLATE)
    if not path.is_file():
        raise RenderError(f"output.html_template: file not found: {path}")
    return load_or_explain(environment(path.parent.resolve()), path.name, path)


def render_page(data: dict[str, Any], template: jinja2.Template | None = None) -> str:
    """`<event>.html`: the briefing with linked citations, marks on what is new, the
    coverage strip and the sources (`template`: a user's, from `load_page_template`)."""
    template = template or load_page_template(None)
    # (bounded: a user's template, `output.html_template`, may loop without end)
    return render_or_explain(template, briefing=data, site_title=site_title(data["config"]))


def check_page_template(template: jinja2.Template, config: dict[str, Any]) -> None:
    """Render the sample briefing through a user's page template, so that its errors stop
    a run before any file is written."""
    render_page(sample_data(config), template)


def site_title(config: dict[str, Any]) -> str:
    """`output.site_title` of a briefing's effective config (the default for data that
    holds none)."""
    title = config.get("output", {}).get("site_title")
    if title is None:
        from summarize.config import Output

        title = Output.model_fields["site_title"].default
    return title


def outlet_names(data: dict[str, Any]) -> list[str]:
    """Every outlet that covered the event, cited ones first."""
    articles = data["sources"] + data["also_covered"]
    return list(dict.fromkeys(a["outlet"] for a in articles if a["outlet"]))


def _label(name: str) -> str:
    return name if len(name) <= _LABEL_CHARACTERS else name[:_LABEL_CHARACTERS - 1] + "…"


def coverage(data: dict[str, Any]) -> dict[str, Any] | None:
    """Where each article goes in the coverage strip: rows are outlets (earliest first),
    columns days from the first publication to the last, with one more column for the
    undated. None when no article is dated: there is nothing to draw."""
    if data["dates"] is None:
        return None
    articles = sorted(data["sources"] + data["also_covered"],
                      key=lambda a: (a["published"] or "9999", a["outlet"] or ""))
    first = dt.date.fromisoformat(data["dates"]["first"])
    days = (dt.date.fromisoformat(data["dates"]["last"]) - first).days + 1
    undated = any(a["published"] is None for a in articles)
    columns = days + (1 if undated else 0)
    width = _PLOT_WIDTH / columns
    rows: dict[str, int] = {}
    for article in articles:
        outlet = article["outlet"] or "Unknown outlet"
        if outlet not in rows and len(rows) < MAX_OUTLET_ROWS:
            rows[outlet] = len(rows)
    others = len(rows)
    cells: dict[tuple[int, int], list[str]] = {}
    for article in articles:
        outlet = article["outlet"] or "Unknown outlet"
        column = ((dt.date.fromisoformat(article["published"]) - first).days
                  if article["published"] else columns - 1)
        cells.setdefault((rows.get(outlet, others), column), []).append(
            ", ".join(part for part in (outlet, article["published"] or "undated",
                                        article["title"]) if part))
    marks = [{"x": round(_LABEL_WIDTH + (column + 0.5) * width, 1),
              "y": row * _ROW_HEIGHT + _ROW_HEIGHT // 2,
              "r": min(3 + len(titles), 7),
              "title": "; ".join(titles)}
             for (row, column), titles in sorted(cells.items())]
    labels = [{"text": _label(name), "y": row * _ROW_HEIGHT + _ROW_HEIGHT // 2}
              for name, row in rows.items()]
    if any((a["outlet"] or "Unknown outlet") not in rows for a in articles):
        labels.append({"text": "other outlets", "y": others * _ROW_HEIGHT + _ROW_HEIGHT // 2})
    height = len(labels) * _ROW_HEIGHT
    axis = [{"x": _LABEL_WIDTH + 0.5 * width, "text": data["dates"]["first"]}]
    if days > 1:
        axis.append({"x": _LABEL_WIDTH + (days - 0.5) * width, "text": data["dates"]["last"]})
    if undated:
        axis.append({"x": _LABEL_WIDTH + (columns - 0.5) * width, "text": "undated"})
    return {"width": _LABEL_WIDTH + _PLOT_WIDTH + 10, "height": height + 18,
            "plot": height, "labels": labels, "marks": marks, "axis": axis,
            "label_width": _LABEL_WIDTH}

