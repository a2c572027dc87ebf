"""Citation text for footnotes: a small Jinja template in a sandbox.

Templates are user files, so the Jinja environment is sandboxed (no attribute
access to Python internals) and only sees plain strings.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Template, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from briefgen.model import Source

__all__ = ["check_citation", "cite"]

_ENV = ImmutableSandboxedEnvironment(autoescape=False, keep_trailing_newline=False)


@lru_cache(maxsize=32)
def _compiled(text: str) -> Template:
    return _ENV.from_string(text)


def check_citation(text: str) -> str | None:
    """The problem with a citation template, or None if it renders."""
    try:
        _compiled(text).render(outlet="O", title="T", date="D", url="U", author="A")
    except TemplateError as exc:
        return f"is not a valid citation template: {exc}"
    return None


def cite(source: Source, text: str) -> str:
    """Render the citation of ``source`` with the template ``text``."""
    rendered = _compiled(text).render(
        outlet=source.outlet,
        title=source.title,
        date=source.date or "",
        url=source.url or "",
        author=source.author or "",
    )
    return " ".join(rendered.split())
