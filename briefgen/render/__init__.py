"""Render a briefing: .docx with real Word footnotes, Markdown, HTML and JSON.

Every writer returns bytes or text; writing files is the caller's business.
"""

from __future__ import annotations

from collections.abc import Callable

from briefgen.model import Briefing
from briefgen.render.html import html_text
from briefgen.render.jsonout import json_text
from briefgen.render.markdown import markdown_text
from briefgen.render.memo import docx_bytes

__all__ = ["FORMATS", "docx_bytes", "html_text", "json_text", "markdown_text", "render"]


def _utf8(fn: Callable[[Briefing], str]) -> Callable[[Briefing], bytes]:
    def encoded(briefing: Briefing) -> bytes:
        return fn(briefing).encode("utf-8")

    encoded.__name__ = fn.__name__
    return encoded


#: Output format name (also the file extension) -> function giving the file's bytes.
FORMATS: dict[str, Callable[[Briefing], bytes]] = {
    "docx": docx_bytes,
    "html": _utf8(html_text),
    "json": _utf8(json_text),
    "md": _utf8(markdown_text),
}


def render(briefing: Briefing, fmt: str) -> bytes:
    """The briefing in format ``fmt`` (a key of :data:`FORMATS`) as bytes.

    Raises:
        KeyError: for an unknown format name.
    """
    return FORMATS[fmt](briefing)
