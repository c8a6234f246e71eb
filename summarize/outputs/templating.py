"""The Jinja2 environment every output format renders in.

A sandbox: a template (which anyone who can edit a config may supply) reads the briefing's
data and nothing else; `{{ lipsum.__globals__ }}` and the like fail. StrictUndefined: a
misspelt variable fails loudly instead of leaving a blank. Block tags eat the line break
that follows them. Each format adds its escaping (Markdown: `finalize`; HTML and XML:
autoescape) and its own filters.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from summarize.outputs.changes import reader_time
from summarize.outputs.data import also_covered, covered_in

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def sandbox(folder: Path, *, autoescape: bool,
            finalize: Callable[[Any], Any] | None = None) -> SandboxedEnvironment:
    environment = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(folder)),
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["also_covered"] = also_covered
    environment.filters["covered_in"] = covered_in
    environment.filters["reader_time"] = reader_time
    return environment
