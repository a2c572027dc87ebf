"""briefgen: several news articles about one event in, a footnoted briefing memo out.

Typical use::

    import briefgen

    briefing = briefgen.build_briefing(["articles/"], template="default")
    fact = briefing.sections[0].facts[0]
    print(fact.text, fact.sources)
    briefgen.write(briefing, "memo.docx")

Everything public is listed in ``__all__``; heavy modules load on first use,
so ``import briefgen`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "BriefgenError",
    "Briefing",
    "CONFLICT_KINDS",
    "ConfigError",
    "Conflict",
    "ConflictSide",
    "Document",
    "Fact",
    "InputError",
    "Labels",
    "Line",
    "MemoHeader",
    "MemoStyle",
    "Method",
    "Provenance",
    "ReadHints",
    "Reader",
    "RenderError",
    "Section",
    "SectionSpec",
    "Sentence",
    "Skipped",
    "Source",
    "SourceError",
    "Template",
    "Writer",
    "__version__",
    "build_briefing",
    "digest",
    "docx_bytes",
    "html_text",
    "json_text",
    "list_templates",
    "load_sources",
    "load_template",
    "markdown_text",
    "same_fact",
    "split_sentences",
    "summarize",
    "write",
    "write_docx",
]

_LAZY = {
    "Document": "briefgen.sources.readers",
    "ReadHints": "briefgen.sources.readers",
    "Reader": "briefgen.sources.readers",
    "Writer": "briefgen.render.writers",
    "Method": "briefgen.select.choice",
    "MemoStyle": "briefgen.model",
    "Labels": "briefgen.model",
    "Briefing": "briefgen.model",
    "CONFLICT_KINDS": "briefgen.model",
    "Conflict": "briefgen.model",
    "ConflictSide": "briefgen.model",
    "Fact": "briefgen.model",
    "Line": "briefgen.model",
    "MemoHeader": "briefgen.model",
    "Provenance": "briefgen.model",
    "Section": "briefgen.model",
    "Sentence": "briefgen.model",
    "Skipped": "briefgen.model",
    "Source": "briefgen.model",
    "BriefgenError": "briefgen.errors",
    "ConfigError": "briefgen.errors",
    "InputError": "briefgen.errors",
    "RenderError": "briefgen.errors",
    "SourceError": "briefgen.errors",
    "SectionSpec": "briefgen.model",
    "Template": "briefgen.config",
    "list_templates": "briefgen.config",
    "load_template": "briefgen.config",
    "build_briefing": "briefgen.pipeline",
    "summarize": "briefgen.pipeline",
    "digest": "briefgen.digest",
    "load_sources": "briefgen.sources.load",
    "split_sentences": "briefgen.text.sentences",
    "same_fact": "briefgen.facts.same",
    "write": "briefgen.output",
    "docx_bytes": "briefgen.render.memo",
    "markdown_text": "briefgen.render.markdown",
    "html_text": "briefgen.render.html",
    "json_text": "briefgen.render.jsonout",
}

if TYPE_CHECKING:
    from briefgen.config import Template, list_templates, load_template
    from briefgen.digest import digest
    from briefgen.errors import BriefgenError, ConfigError, InputError, RenderError, SourceError
    from briefgen.facts.same import same_fact
    from briefgen.model import (
        Briefing,
        Conflict,
        ConflictSide,
        Fact,
        Labels,
        Line,
        MemoHeader,
        MemoStyle,
        Provenance,
        Section,
        SectionSpec,
        Sentence,
        Skipped,
        Source,
    )
    from briefgen.output import write
    from briefgen.pipeline import build_briefing, summarize
    from briefgen.render.html import html_text
    from briefgen.render.jsonout import json_text
    from briefgen.render.markdown import markdown_text
    from briefgen.render.memo import docx_bytes
    from briefgen.render.writers import Writer
    from briefgen.select.choice import Method
    from briefgen.sources.load import load_sources
    from briefgen.sources.readers import Document, Reader, ReadHints
    from briefgen.text.sentences import split_sentences


def write_docx(briefing: Briefing, path: str) -> Any:
    """Write ``briefing`` as a Word memo to ``path`` (atomically)."""
    from briefgen.output import write

    return write(briefing, path, fmt="docx")


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'briefgen' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
