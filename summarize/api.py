"""The library in one call: a folder of articles, or articles in memory, to a briefing.

    import summarize
    briefing = summarize.summarize_folder("seeds/kim-putin-summit-2023")
    print(summarize.to_markdown(briefing))   # or to_html, to_json

Both calls run the same pipeline as `summarize run` with the same config (the built-in
defaults unless given), and raise `summarize.errors.InputError` when nothing in the input
can be summarized.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from summarize.config import Config, load_config, validate_config
from summarize.errors import InputError
from summarize.inputs.feeds import entry_article
from summarize.inputs.loading import load_event
from summarize.models import Article, Briefing, Event, SkippedFile
from summarize.outputs.data import briefing_data, render_json
from summarize.outputs.html import load_page_template, render_page
from summarize.outputs.markdown import load_template, render_markdown
from summarize.pipeline import summarize_event


def _config(config: Config | Mapping[str, Any] | str | Path | None) -> Config:
    if config is None or isinstance(config, Config):
        return config or load_config(None)
    if isinstance(config, Mapping):
        return validate_config(dict(config))
    return load_config(Path(config))


def summarize_folder(path: str | Path,
                     config: Config | Mapping[str, Any] | str | Path | None = None) -> Briefing:
    """The briefing of one event folder (its articles: .txt, .md, .html, feeds; a
    `topic.txt` focus). `config`: a Config, a mapping of config sections, or a YAML file."""
    settings = _config(config)
    folder = Path(path)
    if not folder.is_dir():
        raise InputError(f"not a folder: {folder}")
    event = load_event(folder, folder.parent, settings.limits.max_article_bytes,
                       settings.limits.max_event_bytes)
    if not event.articles:
        raise InputError(f"{folder}: no readable articles")
    return summarize_event(event, settings)


def summarize_articles(articles: Iterable[str | Mapping[str, Any]],
                       config: Config | Mapping[str, Any] | str | Path | None = None,
                       event: str = "event", focus: str | None = None) -> Briefing:
    """The briefing of articles given as texts (one paragraph per line) or as mappings with
    the fields of a feed entry (`text` or `html`, and optionally `title`, `outlet`, `url`,
    `published`, `id`; README, "Inputs"). Article n is cited as `articles#n`."""
    settings = _config(config)
    read: list[Article] = []
    skipped: list[SkippedFile] = []
    for number, item in enumerate(articles, start=1):
        entry = {"text": item} if isinstance(item, str) else dict(item)
        result = entry_article(entry, f"articles#{number}", f"article-{number}")
        (skipped if isinstance(result, SkippedFile) else read).append(result)  # type: ignore[arg-type]
    if not read:
        raise InputError("no usable article" + (f" ({skipped[0].path}: {skipped[0].reason})"
                                                if skipped else ""))
    return summarize_event(Event(event, tuple(read), tuple(skipped), focus), settings)


def to_markdown(briefing: Briefing, template: str | Path | None = None) -> str:
    """The briefing as `summarize run` writes it (`<event>.md`)."""
    return render_markdown(load_template(Path(template) if template else None),
                           briefing_data(briefing))


def to_html(briefing: Briefing, template: str | Path | None = None) -> str:
    """The briefing's page as `summarize run` writes it (`<event>.html`), standalone."""
    return render_page(briefing_data(briefing),
                       load_page_template(Path(template) if template else None))


def to_json(briefing: Briefing) -> dict[str, Any]:
    """The briefing as data (what `<event>.json` holds)."""
    return json.loads(render_json(briefing_data(briefing)))
