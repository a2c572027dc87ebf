"""Citation text for footnotes: a small Jinja template, checked before it runs and bounded when it does.

Templates are user files, so a citation may use only a small, safe part of
Jinja: the seven fields (``outlet``, ``title``, ``date``, ``url``, ``author``,
``file``, the name of the file the source was read from, without its folder, and
``twin``, what tells the source from another whose citation would read the same),
text, ``~`` and ``+``, comparisons, ``and``/``or``/``not``, ``x if c else y``,
indexes and slices by number, ``{% if %}``, and the filters in
:data:`FILTERS`. There are no loops, macros, function or method calls,
attributes, ``{% set %}``, and no ``include``, ``import`` or ``extends`` (the
environment has no loader). Without them a citation's work grows only with
its own length, so rendering always ends quickly; every filter's result and
the whole citation are also held under :data:`MAX_OUTPUT` characters, and
rendering stops after :data:`MAX_SECONDS`. Only plain text and numbers are
printed: no object's ``repr`` (with its memory address) can reach a memo, so
builds stay byte-identical. Every problem is one line, raised as
:class:`~briefgen.errors.BriefgenError`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from jinja2 import Template, TemplateError, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from briefgen.errors import BriefgenError, RenderError
from briefgen.model import Source

__all__ = ["FIELDS", "FILTERS", "MAX_OUTPUT", "MAX_TEMPLATE", "check_citation", "cite", "file_name",
           "twin_label"]

#: The values a citation can name.
FIELDS = ("outlet", "title", "date", "url", "author", "file", "twin")
#: Filters a citation may use: each is linear in its input.
FILTERS = ("abs", "capitalize", "count", "d", "default", "e", "escape", "first", "float", "int", "last",
           "length", "lower", "replace", "round", "safe", "title", "trim", "truncate", "upper", "urlencode",
           "wordcount")
#: Longest citation template accepted (characters).
MAX_TEMPLATE = 4000
#: Longest citation, or value within one, a template may produce (characters).
MAX_OUTPUT = 20_000
#: Longest time one citation may take to render.
MAX_SECONDS = 1.0

_PLAIN = (str, int, float, bool)
_STATEMENTS: dict[type[nodes.Node], str] = {
    nodes.For: "{% for %} loops",
    nodes.Macro: "{% macro %}",
    nodes.CallBlock: "{% call %}",
    nodes.FilterBlock: "{% filter %}",
    nodes.With: "{% with %}",
    nodes.Block: "{% block %}",
    nodes.Include: "{% include %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from ... import %}",
    nodes.Extends: "{% extends %}",
    nodes.Assign: "{% set %}",
    nodes.AssignBlock: "{% set %}",
    nodes.ExprStmt: "{% do %}",
    nodes.Call: "function or method calls",
    nodes.Getattr: "attributes (x.y)",
    nodes.Mul: "'*'",
    nodes.Pow: "'**'",
    nodes.Div: "'/'",
    nodes.FloorDiv: "'//'",
    nodes.Mod: "'%'",
    nodes.Dict: "{...} mappings",
    nodes.NSRef: "namespaces",
}
_ALLOWED = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.Const, nodes.If, nodes.CondExpr,
            nodes.And, nodes.Or, nodes.Not, nodes.Neg, nodes.Pos, nodes.Compare, nodes.Operand, nodes.Concat,
            nodes.Add, nodes.Sub, nodes.Filter, nodes.Test, nodes.Getitem, nodes.Slice, nodes.List,
            nodes.Tuple, nodes.Keyword, nodes.Name)


class CitationError(BriefgenError):
    """A citation template breaks a rule or fails on a source; the message says which and why."""


def _check_tree(tree: nodes.Template) -> None:
    """Refuse anything outside the safe part of Jinja; raises CitationError naming the first problem."""
    todo: list[nodes.Node] = [tree]
    while todo:  # iterative: a deeply nested template costs no recursion here
        node = todo.pop()
        kind = type(node)
        if kind in _STATEMENTS or not isinstance(node, _ALLOWED):
            what = _STATEMENTS.get(kind, kind.__name__)
            raise CitationError(f"may not use {what} (only fields, filters and {{% if %}})")
        if isinstance(node, nodes.Name):
            if node.ctx != "load" or node.name not in FIELDS:
                raise CitationError(f"names an unknown field {node.name!r} "
                                    f"(the fields are {', '.join(FIELDS)})")
        elif isinstance(node, nodes.Filter):
            if node.name not in FILTERS:
                raise CitationError(f"may not use the filter {node.name!r} (allowed: {', '.join(FILTERS)})")
            if node.dyn_args is not None or node.dyn_kwargs is not None:
                raise CitationError("may not use *args or **kwargs")
        elif isinstance(node, nodes.Test) and (node.dyn_args is not None or node.dyn_kwargs is not None):
            raise CitationError("may not use *args or **kwargs")
        elif isinstance(node, nodes.Getitem) and not (
                isinstance(node.arg, nodes.Slice)
                or (isinstance(node.arg, nodes.Const) and type(node.arg.value) is int)):
            raise CitationError("may index only by number (title[0], title[:40])")
        todo.extend(node.iter_child_nodes())


class _Clock:
    """The render deadline, checked at every filter call."""

    end = 0.0


_CLOCK = _Clock()


def _bounded(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        if time.monotonic() > _CLOCK.end:
            raise CitationError(f"takes longer than {MAX_SECONDS:g} s to render")
        value = func(*args, **kwargs)
        if isinstance(value, str) and len(value) > MAX_OUTPUT:
            raise CitationError(f"makes more than {MAX_OUTPUT:,} characters (filter {name!r})")
        return value

    run.__name__ = getattr(func, "__name__", name)
    for attr in ("jinja_pass_arg",):  # pass_environment / pass_eval_context markers
        if hasattr(func, attr):
            setattr(run, attr, getattr(func, attr))
    return run


def _replace(value: Any, old: Any, new: Any, count: int | None = None) -> str:
    """``str.replace``, refusing a result over the limit before building it."""
    text, old, new = str(value), str(old), str(new)
    n = (len(text) + 1 if not old else text.count(old))
    if count is not None and count >= 0:
        n = min(n, count)
    if len(text) + n * (len(new) - len(old)) > MAX_OUTPUT:
        raise CitationError(f"makes more than {MAX_OUTPUT:,} characters (filter 'replace')")
    return text.replace(old, new, -1 if count is None else count)


def _finalize(value: Any) -> Any:
    """What ``{{ ... }}`` prints: plain text and numbers only, never an object's repr."""
    if value is None or isinstance(value, _PLAIN):
        return "" if value is None else value
    from jinja2 import Undefined

    if isinstance(value, Undefined):
        return ""
    raise CitationError(f"prints a {type(value).__name__}, not text")


def _environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(autoescape=False, keep_trailing_newline=False, finalize=_finalize,
                                        optimized=False)
    env.globals.clear()  # no range, lipsum, cycler, joiner, namespace or dict
    builtin = dict(env.filters)
    builtin["replace"] = _replace
    env.filters = {name: _bounded(name, builtin[name]) for name in FILTERS}
    return env


_ENV = _environment()


@lru_cache(maxsize=64)
def _compiled(text: str) -> Template | str:
    """The compiled citation template, or the problem with it (one short phrase)."""
    if len(text) > MAX_TEMPLATE:
        return f"is {len(text):,} characters long (limit {MAX_TEMPLATE:,})"
    try:
        tree = _ENV.parse(text)
        _check_tree(tree)
        return _ENV.from_string(tree)
    except CitationError as exc:
        return str(exc)
    except TemplateError as exc:
        return f"is not a valid citation template: {str(exc).splitlines()[0] if str(exc) else exc}"
    except (RecursionError, SyntaxError, MemoryError):  # Python's own compiler gives up on deep nesting
        return "nests too deeply"


def file_name(origin: str) -> str:
    """The name of the file a source was read from, without its folder; "" for standard input, a URL
    or a text given in memory (``"<text 1>"``)."""
    if not origin or origin == "-" or "://" in origin or (origin.startswith("<") and origin.endswith(">")):
        return ""
    return re.split(r"[\\/]", origin.rstrip("\\/"))[-1]


def twin_label(origin: str, *, whole: bool = False) -> str:
    """What tells a source from another whose citation reads the same: its file's name (with
    ``whole``, the path as given), else the name of a text given in memory ("text 2" for ``"<text
    2>"``), "standard input" for ``"-"``, else the address as given."""
    if origin == "-":
        return "standard input"
    if origin.startswith("<") and origin.endswith(">"):
        return origin[1:-1]
    return (origin if whole else file_name(origin)) or origin


def _render(template: Template, source: Source, twin: str = "") -> str:
    _CLOCK.end = time.monotonic() + MAX_SECONDS
    try:
        rendered = template.render(outlet=source.outlet, title=source.title, date=source.date or "",
                                   url=source.url or "", author=source.author or "",
                                   file=file_name(source.origin), twin=twin)
    except CitationError:
        raise
    except RecursionError:
        raise CitationError("nests too deeply") from None
    except Exception as exc:  # the template's own expressions fail on these values (TypeError, ...)
        detail = str(exc).splitlines()[0] if str(exc) else ""
        raise CitationError(f"fails ({type(exc).__name__}{': ' + detail if detail else ''})") from None
    if len(rendered) > MAX_OUTPUT:
        raise CitationError(f"makes more than {MAX_OUTPUT:,} characters ({len(rendered):,})")
    return rendered


_SAMPLES = (
    Source(id="s1", origin="sample", text="", outlet="Outlet", title="Title", date="2026-01-13",
           url="https://example.com/story", author="Author"),
    Source(id="s2", origin="sample", text="", outlet="Outlet", title="Title"),
)


def check_citation(text: str) -> str | None:
    """The problem with a citation template (a phrase for the template's error line), or None if it is fine.

    The template is checked against the rules above, then rendered for a
    source with every field and one with only an outlet and a title.
    """
    compiled = _compiled(text)
    if isinstance(compiled, str):
        return compiled
    for sample, twin in zip(_SAMPLES, ("", "sample.txt"), strict=True):
        try:
            _render(compiled, sample, twin)
        except CitationError as exc:
            return str(exc)
    return None


def cite(source: Source, text: str, template: str = "", twin: str = "") -> str:
    """Render the citation of ``source`` with the template ``text``.

    Args:
        source: The source to cite.
        text: The citation template (see the module's rules).
        template: The template's name, for error messages.
        twin: What tells this source from another whose citation reads the
            same (:func:`twin_label`); empty when none does.

    Raises:
        RenderError: the citation breaks a rule, fails on this source's
            values, or grows past the limits; one line naming the template
            and the source.
    """
    compiled = _compiled(text)
    where = f"template {template!r}: citation" if template else "citation"
    if isinstance(compiled, str):
        raise RenderError(f"{where} {compiled}")
    try:
        rendered = _render(compiled, source, twin)
    except CitationError as exc:
        raise RenderError(f"{where} {exc} for {source.origin}") from None
    return " ".join(rendered.split())
