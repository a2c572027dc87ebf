"""Output formats by name: the one registry every writer is looked up in.

briefgen's own writers (Word ``docx`` with real footnotes, Markdown ``md``,
``html`` and ``json``) are entries like any plugin's (entry-point group
``briefgen.writers``). The command line's ``--format`` choices, the format an
output file's extension picks, and the error for an unknown one all read
:data:`WRITERS`. A writer returns the file's bytes; writing files atomically is
:mod:`briefgen.output`'s business.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from briefgen.model import Briefing
from briefgen.plugins import Registry

__all__ = ["WRITERS", "Writer", "render", "writer_for_suffix"]


@dataclass(frozen=True, slots=True)
class Writer:
    """An output format.

    Attributes:
        suffixes: File extensions that pick it, the usual one first (``(".md", ".markdown")``).
        render: The briefing as the file's bytes.
        description: One line for help texts.
        binary: Whether the bytes are not text (never sent to a terminal).
    """

    suffixes: tuple[str, ...]
    render: Callable[[Briefing], bytes]
    description: str = ""
    binary: bool = False


def _accept(name: str, obj: object) -> Writer:
    if isinstance(obj, Writer):
        if not obj.suffixes or not all(s.startswith(".") for s in obj.suffixes):
            raise TypeError("a writer's suffixes must be extensions such as '.txt'")
        return obj
    raise TypeError(f"a writer must be a briefgen Writer, not {type(obj).__name__}")


# The built-in writers import their modules when first used: python-docx is
# not loaded to write Markdown.
def _docx(briefing: Briefing) -> bytes:
    from briefgen.render.memo import docx_bytes

    return docx_bytes(briefing)


def _markdown(briefing: Briefing) -> bytes:
    from briefgen.render.markdown import markdown_text

    return markdown_text(briefing).encode("utf-8")


def _html(briefing: Briefing) -> bytes:
    from briefgen.render.html import html_text

    return html_text(briefing).encode("utf-8")


def _json(briefing: Briefing) -> bytes:
    from briefgen.render.jsonout import json_text

    return json_text(briefing).encode("utf-8")


WRITERS: Registry[Writer] = Registry("briefgen.writers", "output format", _accept)
WRITERS.add("docx", Writer((".docx",), _docx, "Word memo with real footnotes", binary=True))
WRITERS.add("md", Writer((".md", ".markdown"), _markdown, "Markdown"))
WRITERS.add("html", Writer((".html", ".htm"), _html, "a standalone HTML page"))
WRITERS.add("json", Writer((".json",), _json, "the whole briefing as data"))


def writer_for_suffix(suffix: str) -> str | None:
    """The format whose writer takes files ending in ``suffix`` (lower case), or ``None``."""
    for name, writer in WRITERS.items():
        if suffix in writer.suffixes:
            return name
    return None


def render(briefing: Briefing, fmt: str) -> bytes:
    """The briefing in format ``fmt`` as bytes.

    Raises:
        KeyError: for an unknown format name.
    """
    writer = WRITERS.get(fmt)
    if writer is None:
        raise KeyError(fmt)
    return writer.render(briefing)
