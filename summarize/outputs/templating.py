"""The Jinja2 environment every output format renders in.

A sandbox: a template (which anyone who can edit a config may supply) reads the briefing's
data and nothing else; `{{ lipsum.__globals__ }}` and the like fail. StrictUndefined: a
misspelt variable fails loudly instead of leaving a blank. Block tags eat the line break
that follows them. Each format adds its escaping (Markdown: `finalize`; HTML and XML:
autoescape) and its own filters.

Bounded: a template's work and memory are limited (`render`), so that one cannot hold a
run or exhaust its memory (a nested loop grew to 7.3 GiB, `{{ "a" * 3000000000 }}` ran
on): every loop of one rendering shares MAX_ITERATIONS steps, the output has MAX_OUTPUT
characters at most, a value (a product, a sum, a concatenation, a filter's or a method's
result) MAX_VALUE, and a padding width (`center`, `indent`, `ljust`, "%9999999s")
MAX_VALUE too, checked before the padding is made. Each limit is an error of one line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from summarize.errors import RenderError
from summarize.outputs.changes import reader_time
from summarize.outputs.data import also_covered, covered_in

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# A briefing of 100,000 articles takes a few hundred thousand steps and about 20 MB of
# HTML with the shipped templates. (Markdown escapes what it prints at about 1 µs a
# character: the output's limit is also one of time.)
MAX_ITERATIONS = 10_000_000
MAX_OUTPUT = 64 * 2**20
MAX_VALUE = 16 * 2**20
# What pads a value to a width it is given: the width is checked before the padding
PADDING_FILTERS = ("center", "indent")
PADDING_METHODS = ("center", "ljust", "rjust", "zfill", "expandtabs")
# a width or precision in a "%" or str.format specification
_FORMAT_NUMBER = re.compile(r"\d+")

# The loop steps left to the rendering in progress (None: not rendering through `render`).
_steps: ContextVar[list[int] | None] = ContextVar("template_steps", default=None)


class _BoundedCode(CodeGenerator):
    """Compiles every loop to iterate through `environment.counted`, and every "~"
    concatenation through `environment.bounded`."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        counted = nodes.Call(nodes.EnvironmentAttribute("counted"), [node.iter], [], None,
                             None, lineno=node.lineno)
        super().visit_For(nodes.For(node.target, counted, node.body, node.else_, node.test,
                                    node.recursive, lineno=node.lineno), frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.bounded(")
        super().visit_Concat(node, frame)
        self.write(")")


def _size(value: object) -> int:
    return len(value) if isinstance(value, str | bytes | list | tuple) else 0


def _too_big(what: str = "a value") -> SecurityError:
    return SecurityError(f"{what} longer than {MAX_VALUE:,}, the limit of a template's "
                         "values")


def _widths(numbers: Iterable[object]) -> None:
    """SecurityError for a padding width past MAX_VALUE."""
    if any(isinstance(n, int) and n > MAX_VALUE for n in numbers):
        raise _too_big("a padding")


class BoundedEnvironment(SandboxedEnvironment):
    """The sandbox with the limits of this module."""

    code_generator_class = _BoundedCode
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def counted(self, iterable: Iterable[Any]) -> Iterator[Any]:
        steps = _steps.get()
        for item in iterable:
            if steps is not None:
                steps[0] -= 1
                if steps[0] < 0:
                    raise SecurityError(f"the template's loops ran more than "
                                        f"{MAX_ITERATIONS:,} times")
            yield item

    def bounded(self, value: Any) -> Any:
        if _size(value) > MAX_VALUE:
            raise _too_big()
        return value

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any,
                   right: Any) -> Any:
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if isinstance(count, int) and _size(sequence) * count > MAX_VALUE:
                    raise _too_big()
        elif operator == "**" and isinstance(right, int | float) and abs(right) > 64 \
                and isinstance(left, int | float) and abs(left) > 1:
            raise SecurityError("a power over 64, the limit of a template's powers")
        elif operator == "%" and isinstance(left, str):
            _widths(int(number) for number in _FORMAT_NUMBER.findall(left))
        return self.bounded(super().call_binop(context, operator, left, right))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        # (the sandbox's str.format: its widths are checked when the method is looked up)
        if isinstance(getattr(value, "__self__", None), str) and getattr(
                value, "__name__", None) in ("format", "format_map"):
            _widths(int(number) for number in _FORMAT_NUMBER.findall(value.__self__))
        return super().wrap_str_format(value)

    def call(__self, __context: jinja2.runtime.Context, __obj: Any,  # noqa: N805
             *args: Any, **kwargs: Any) -> Any:
        if getattr(__obj, "__name__", None) in PADDING_METHODS and isinstance(
                getattr(__obj, "__self__", None), str | bytes):
            _widths([*args, *kwargs.values()])
        return __self.bounded(super().call(__context, __obj, *args, **kwargs))


def _bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """The filter with its result's size checked, and its width first if it pads."""

    @functools.wraps(function)  # (keeps what Jinja reads of it: pass_context and the like)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        if name in PADDING_FILTERS:
            _widths([*args[1:], *kwargs.values()])
        result = function(*args, **kwargs)
        if _size(result) > MAX_VALUE:
            raise _too_big()
        return result

    return bounded


def sandbox(folder: Path, *, autoescape: bool,
            finalize: Callable[[Any], Any] | None = None) -> SandboxedEnvironment:
    environment = BoundedEnvironment(
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
    environment.filters = {name: _bounded_filter(name, function)
                           for name, function in environment.filters.items()}
    return environment


def render(template: jinja2.Template, **values: Any) -> str:
    """The template rendered within this module's limits (SecurityError past one)."""
    token = _steps.set([MAX_ITERATIONS])
    try:
        parts, length = [], 0
        for part in template.generate(**values):
            length += len(part)
            if length > MAX_OUTPUT:
                raise SecurityError(f"an output longer than {MAX_OUTPUT:,} characters")
            parts.append(part)
        return "".join(parts)
    finally:
        _steps.reset(token)


def render_or_explain(template: jinja2.Template, **values: Any) -> str:
    """`render`, with whatever a template can do wrong (a shipped one or a user's: an
    unknown variable, a loop past the limits, a call of itself) as one RenderError line."""
    try:
        return render(template, **values)
    except jinja2.TemplateError as error:
        raise RenderError(f"template {template.name}: {error}") from None
    except RecursionError:
        raise RenderError(f"template {template.name}: it includes or calls itself "
                          "without end") from None
    except MemoryError:  # what the limits of this module did not foresee
        raise RenderError(f"template {template.name}: out of memory") from None
    except (TypeError, ValueError, AttributeError, OverflowError) as error:
        raise RenderError(f"template {template.name}: {type(error).__name__}: "
                          f"{error}") from None


def load_or_explain(environment: jinja2.Environment, name: str, shown: object,
                    ) -> jinja2.Template:
    """`environment.get_template(name)`, or one RenderError line saying what is wrong with
    the file (`shown`: the path the config gave, or the shipped template's name)."""
    try:
        return environment.get_template(name)
    except jinja2.TemplateSyntaxError as error:
        raise RenderError(f"template {error.filename or shown}, line {error.lineno}: "
                          f"{error.message}") from None
    except UnicodeDecodeError:
        raise RenderError(f"template {shown}: not UTF-8 text") from None
    except (jinja2.TemplateError, OSError) as error:
        raise RenderError(f"template {shown}: {error}") from None
