"""The config schema in words: what a validation error says (the key path, the bad value
and the accepted values, as scikit-learn's and mkdocs' messages do), and the reference
that `make docs` writes to docs/configuration.md."""

from __future__ import annotations

import json
import types
import typing
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ValidationError,
)

from summarize.config import Config


def describe_errors(error: ValidationError) -> str:
    """One line for the first error (in key order), and how many more there are."""
    # "too short" follows from the items refused ("formats: [pdf]"): those say more
    problems = sorted(error.errors(), key=lambda e: (e["type"] == "too_short",
                                                     [str(p) for p in e["loc"]]))
    first = _describe(problems[0])
    return first if len(problems) == 1 else f"{first} (and {len(problems) - 1} more)"


def _describe(problem: Any) -> str:
    path, model = _key_path(problem["loc"])
    value = problem.get("input")
    kind = problem["type"]
    ctx = problem.get("ctx", {})
    if kind == "union_tag_invalid":
        field = ctx["discriminator"].strip("'")
        tags = ", ".join(t.strip("' ") for t in ctx["expected_tags"].split(","))
        return f"{path}.{field}: unknown value {ctx['tag']!r}; expected one of: {tags}"
    if kind == "union_tag_not_found":
        field = ctx["discriminator"].strip("'")
        return f"{path}.{field}: missing; it chooses which options apply"
    if kind == "extra_forbidden":
        accepted = ", ".join(_accepted_keys(model)) if model else "none"
        return f"{path}: unknown key (value {value!r}); accepted keys here: {accepted}"
    if kind == "literal_error":
        return f"{path}: unknown value {value!r}; expected one of: {_choices(ctx['expected'])}"
    if kind == "model_type":
        return f"{path}: expected a section (mapping), got {value!r}"
    message = problem["msg"].removeprefix("Value error, ")
    if kind == "value_error" and path:
        return f"{path}: {message}"
    return f"{path or 'config'}: {value!r} is invalid: {message}"


def _choices(expected: str) -> str:
    return ", ".join(c.strip().strip("'") for c in expected.replace(" or ", ", ").split(","))


def _accepted_keys(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _key_path(loc: tuple[Any, ...]) -> tuple[str, type[BaseModel] | None]:
    """The dotted YAML key of an error location, skipping pydantic's union-tag steps.

    Also returns the section model that holds the last key (for its accepted keys).
    """
    parts: list[str] = []
    model: type[BaseModel] | None = Config
    holder: type[BaseModel] | None = Config
    steps = list(loc)
    while steps:
        step = steps.pop(0)
        parts.append(str(step))
        holder = model
        if model is None or str(step) not in _fields_by_key(model):
            model = None
            continue
        annotation = _fields_by_key(model)[str(step)]
        members = _section_members(annotation)
        if len(members) > 1 and steps:
            tag = str(steps.pop(0))  # pydantic puts the union's tag in the location
            model = members.get(tag)
        else:
            model = next(iter(members.values()), None)
    return ".".join(parts), holder


def _fields_by_key(model: type[BaseModel]) -> dict[str, Any]:
    return {info.alias or name: info.annotation for name, info in model.model_fields.items()}


def _section_members(annotation: Any) -> dict[str, type[BaseModel]]:
    """The section models an annotation allows, keyed by their union tag when there is one."""
    if typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {"": annotation}
    members: dict[str, type[BaseModel]] = {}
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        for member in typing.get_args(annotation):
            if isinstance(member, type) and issubclass(member, BaseModel):
                for field in ("algorithm", "strategy"):
                    if field in member.model_fields:
                        for tag in typing.get_args(member.model_fields[field].annotation):
                            members[tag] = member
    return members


# --- the reference: `make docs` writes docs/configuration.md from the schema ------------


def reference_markdown() -> str:
    """Every section and key of `Config` as Markdown: accepted values, default, description.

    Generated, so the reference cannot drift from the schema (tests/test_docs.py checks
    that docs/configuration.md is this text).
    """

    def text(doc: str | None) -> str:  # one paragraph; '<event>.md' is no HTML tag
        return " ".join((doc or "").split()).replace("<", "&lt;")

    def shown(value: Any) -> str:
        if isinstance(value, tuple | list):
            return "[" + ", ".join(shown(v) for v in value) + "]"
        return "null" if value is None else json.dumps(value).strip('"')

    def accepted(annotation: Any, metadata: list[Any]) -> str:
        members = typing.get_args(annotation)
        nullable = typing.get_origin(annotation) in (typing.Union, types.UnionType)
        if nullable:
            annotation = next(m for m in members if m is not type(None))
        if typing.get_origin(annotation) is Literal:
            kind = ", ".join(f"`{v}`" for v in typing.get_args(annotation))
        elif typing.get_origin(annotation) is tuple:
            kind = "a list of " + accepted(typing.get_args(annotation)[0], [])
        else:
            kind = {bool: "`true` or `false`", int: "integer", float: "number", str: "text",
                    Path: "path"}[annotation]
        ops = {"ge": "≥", "gt": ">", "le": "≤", "lt": "<"}
        bounds = [f"{ops[a]} {getattr(m, a)}" for m in metadata for a in ops if hasattr(m, a)]
        bounds += [f"(at least {m.min_length})" for m in metadata if hasattr(m, "min_length")]
        return " ".join([kind, " and ".join(bounds)]).strip() + (" or `null`" * nullable)

    def table(section: str, model: type[BaseModel], keys: list[str]) -> list[str]:
        rows = []
        for name in keys:
            info = model.model_fields[name]
            only = getattr(model, "OPTIONS", {}).get(name)
            note = f" ({', '.join(only)} only)" if only else ""
            rows.append(f"| `{section}.{info.alias or name}` "
                        f"| {accepted(info.annotation, info.metadata)} "
                        f"| `{shown(info.default)}` | {text(info.description)}{note} |")
        return ["", "| key | accepted values | default | description |", "|---|---|---|---|",
                *rows] if rows else []

    lines = [
        "# Configuration reference",
        "",
        "<!-- Generated from summarize/config.py by `make docs`: edit the schema, not this "
        "file. -->",
        "",
        text(Config.__doc__) + " A config is a YAML file of these sections, given with "
        "`--config FILE`; `--set KEY=VALUE` overrides one key, its value read as YAML "
        "(`--set ranker.threshold=null`), and `summarize validate FILE` checks a file. An "
        "unknown key or value is an error that names the key and the accepted values.",
    ]
    for section, info in Config.model_fields.items():
        members = _section_members(info.annotation)
        lines += ["", f"## `{section}`", "", text(info.description)]
        if len(members) == 1:
            model = members[""]
            if model.__doc__:
                lines += ["", text(model.__doc__)]
            lines += table(section, model, list(model.model_fields))
            continue
        # A choice among models (ranker.algorithm, selector.strategy): the keys every
        # choice takes alike are listed once, then each choice with its own.
        models = list(dict.fromkeys(members.values()))
        choice = next(k for k in ("algorithm", "strategy") if k in models[0].model_fields)
        fields = [{name: repr(field) for name, field in m.model_fields.items()} for m in models]
        shared = [name for name in fields[0]
                  if name != choice and all(f.get(name) == fields[0][name] for f in fields)]
        default = getattr(info.default_factory(), choice)  # type: ignore[misc]
        lines += ["", f"`{section}.{choice}` chooses one of: "
                  + ", ".join(f"`{tag}`" for tag in members) + f" (default `{default}`)."]
        if shared:
            lines += ["", "Every choice takes:", *table(section, models[0], shared)]
        for model in models:
            tags = [tag for tag, member in members.items() if member is model]
            described = getattr(model, "DESCRIPTIONS", {})
            lines += ["", f"### `{section}.{choice}`: " + ", ".join(f"`{t}`" for t in tags), ""]
            if described:
                lines += [f"- `{tag}`: {text(described[tag])}" for tag in tags]
            else:
                lines.append(text(model.__doc__))
            own = [name for name in model.model_fields if name not in (choice, *shared)]
            lines += table(section, model, own)
    return "\n".join(lines) + "\n"
