"""An example briefgen plugin: a reader, a ranker and a writer.

* ``.note`` files: plain UTF-8 text whose first line is ``Outlet: NAME``; the
  rest is the article.
* ``first-sentences``: ranks each source's leading sentences first.
* ``.txt`` memos: headings, bullets with numbered citations, and the source list.

Each is a plain object named by an entry point in this package's
``pyproject.toml``; nothing here touches briefgen's internals.
"""

from __future__ import annotations

from collections.abc import Sequence

import briefgen
from briefgen import Briefing, Document, Fact, Reader, ReadHints, SourceError, Writer


def read_note(data: bytes, origin: str, hints: ReadHints) -> Document:
    """A ``.note`` file: ``Outlet: NAME`` on the first line, then the article."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError(f"{origin}: a .note file must be UTF-8 text") from None
    first, _, article = text.replace("\r\n", "\n").partition("\n")
    if not first.startswith("Outlet:") or not first[len("Outlet:"):].strip():
        raise SourceError(f"{origin}: a .note file must start with 'Outlet: NAME'")
    return Document(article, "note", {"outlet": first[len("Outlet:"):].strip()})


NOTE_READER = Reader((".note",), read_note, description="a note: 'Outlet: NAME', then the article")


def first_sentences(facts: Sequence[Fact]) -> list[float]:
    """Each source's leading sentences first."""
    return [1.0 / (1 + min(s.index for s in fact.sentences)) if fact.sentences else 0.0 for fact in facts]


def memo_text(briefing: Briefing) -> bytes:
    """The memo as plain text."""
    number = {s.id: i for i, s in enumerate(briefing.sources, 1)}
    header = briefing.header
    lines = [briefing.style.heading, ""]
    for label, value in (("To", header.to), ("From", header.sender), ("Date", header.date),
                         ("Subject", header.subject)):
        if value:
            lines.append(f"{label}: {value}")

    def part(title: str, facts: Sequence[Fact]) -> None:
        if facts:
            lines.extend(["", title.upper(), ""])
            for fact in facts:
                cites = "".join(f"[{number[s]}]" for s in fact.sources if s in number)
                lines.append(f"- {fact.text} {cites}")

    part(briefing.style.bluf_title, briefing.bluf)
    for section in briefing.sections:
        part(section.title, section.facts)
    lines.extend(["", briefing.style.labels.sources.upper(), ""])
    for src in briefing.sources:
        lines.append(f"[{number[src.id]}] {src.outlet}" + (f", {src.title}" if src.title else "")
                     + (f", {src.date}" if src.date else ""))
    return ("\n".join(lines) + "\n").encode("utf-8")


TEXT_WRITER = Writer((".txt",), memo_text, description="the memo as plain text")

__all__ = ["NOTE_READER", "TEXT_WRITER", "first_sentences", "memo_text", "read_note"]
assert briefgen.__version__  # the plugin needs briefgen itself, nothing more
