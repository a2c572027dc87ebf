"""The memo laid out once, independent of the output format.

:func:`layout` turns a :class:`~briefgen.model.Briefing` into a flat list of
blocks (headings, bullets, paragraphs, numbered source entries) made of spans
of text, links and footnotes. The .docx, Markdown and HTML writers only walk
this list, so the three formats print the same memo with the same notes in
the same order.

Every string from the model passes :func:`clean_text` here: characters XML
cannot hold (control characters, lone surrogates) are dropped and white space
is folded, so no writer has to care.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from briefgen.model import Briefing, Conflict, Fact, Source
from briefgen.render.citation import cite

__all__ = ["Block", "MemoLayout", "Note", "Span", "clean_text", "layout", "reports", "safe_url"]

# XML 1.0 forbids C0 controls except tab/newline/CR, lone surrogates and two
# non-characters; C1 controls are allowed but never meant in news text.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"\s+")
_URL_SCHEMES = ("http://", "https://", "ftp://", "mailto:")
# A title the sample manifest marks as written by the editor, not printed.


def clean_text(text: str | None) -> str:
    """``text`` with XML-invalid characters removed and white space folded."""
    if not text:
        return ""
    return _SPACE.sub(" ", _INVALID.sub("", text)).strip()


def safe_url(url: str | None) -> str | None:
    """``url`` if it is a web or mail link safe to make clickable, else None."""
    cleaned = clean_text(url)
    if cleaned and cleaned.lower().startswith(_URL_SCHEMES) and " " not in cleaned:
        return cleaned
    return None


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote: text and links, and the ids of the sources it names."""

    spans: tuple[Span, ...]
    sources: tuple[str, ...]

    @property
    def text(self) -> str:
        """The note as plain text."""
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text; a link when ``url`` is set; followed by ``note``'s mark."""

    text: str
    url: str | None = None
    note: Note | None = None
    strong: bool = False


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of the memo body.

    ``kind`` is ``"heading"``, ``"intro"``, ``"bullet"``, ``"paragraph"`` or
    ``"numbered"`` (an entry of the sources list).
    """

    kind: str
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        """The block as plain text, without note marks."""
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True, slots=True)
class MemoLayout:
    """The whole memo, ready for a writer."""

    heading: str
    banner: str
    fields: tuple[tuple[str, str], ...]
    blocks: tuple[Block, ...]
    page_label: str
    subject: str
    date: date | None

    @property
    def notes(self) -> tuple[Note, ...]:
        """Every footnote in reading order (note ``n`` is ``notes[n - 1]``)."""
        return tuple(s.note for b in self.blocks for s in b.spans if s.note is not None)


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def latest_source_date(briefing: Briefing) -> date | None:
    """The newest publication date among the sources, if any is known."""
    dates = [d for d in (_iso_date(s.date) for s in briefing.sources) if d is not None]
    return max(dates) if dates else None


class _Builder:
    """Turns model records into spans; knows the memo's style and the source numbers."""

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.style = briefing.style
        self.number = {s.id: i for i, s in enumerate(briefing.sources, start=1)}
        # Briefing.source() scans the list; a memo citing thousands of sources asks often.
        self.by_id: dict[str, Source] = {}
        for src in briefing.sources:
            self.by_id.setdefault(src.id, src)

    def citation(self, source: Source) -> list[Span]:
        """The template's citation of ``source``, its URL as a link where printed."""
        clean = replace(
            source,
            outlet=clean_text(source.outlet),
            title=clean_text(source.title),
            date=clean_text(source.date) or None,
            url=clean_text(source.url) or None,
            author=clean_text(source.author) or None,
        )
        text = clean_text(cite(clean, self.style.citation))
        url = safe_url(source.url)
        if url and url in text:
            before, _, after = text.partition(url)
            return [s for s in (Span(before), Span(url, url=url), Span(after)) if s.text]
        return [Span(text)]

    def note(self, source_ids: tuple[str, ...]) -> Note:
        """A footnote naming every source in ``source_ids``, in order; copies of one report together.

        "Reported by 4 sources, 3 independent reports: [1] ...; AP report,
        carried by [2] ... and [3] ...; [4] ..."
        """
        spans: list[Span] = []
        runs = reports(source_ids, self.by_id)
        if len(source_ids) > 1:
            independent = "" if len(runs) == len(source_ids) else f", {len(runs)} independent reports"
            spans.append(Span(f"Reported by {len(source_ids)} sources{independent}: "))
        for i, (report, members) in enumerate(runs):
            if i:
                spans.append(Span("; "))
            if len(members) > 1:
                spans.append(Span(f"{clean_text(report)} report, carried by "))
            for k, sid in enumerate(members):
                if k:
                    spans.append(Span(" and " if k == len(members) - 1 else ", "))
                spans.extend(self._cited(sid))
        spans.append(Span("."))
        return Note(spans=tuple(_merge(spans)), sources=tuple(source_ids))

    def _cited(self, sid: str) -> list[Span]:
        """One source as a footnote names it: its number and citation, without the final full stop."""
        if sid not in self.number:
            return [Span(clean_text(sid))]
        parts = self.citation(self.by_id[sid])
        last = parts[-1]
        if last.url is None and last.text.endswith("."):
            parts[-1] = Span(last.text[:-1])
            if not parts[-1].text:
                parts.pop()
        return [Span(f"[{self.number[sid]}] "), *parts]

    def fact(self, fact: Fact, kind: str) -> Block:
        """A fact printed verbatim, with its footnote."""
        return Block(kind, (Span(clean_text(fact.text), note=self.note(fact.sources)),))

    def conflict(self, conflict: Conflict) -> Block:
        """One disagreement: the topic, then each side's value with its own note."""
        topic = clean_text(conflict.topic)
        spans = [Span(topic[:1].upper() + topic[1:] + ": ", strong=True)]
        for i, side in enumerate(conflict.sides):
            if i:
                spans.append(Span("; "))
            outlets = ", ".join(
                clean_text(self.by_id[sid].outlet) if sid in self.number else clean_text(sid)
                for sid in side.sources
            )
            value = clean_text(side.value)
            text = f"{value} ({outlets})" if outlets else value
            spans.append(Span(text, note=self.note(side.sources)))
        return Block("bullet", tuple(spans))


def reports(source_ids: tuple[str, ...], by_id: dict[str, Source]) -> list[tuple[str, list[str]]]:
    """The cited sources as reports: (report name, its sources), in the order of each report's first source.

    Sources that carry one report (:attr:`~briefgen.model.Source.report`, a
    wire story reprinted) are one entry; every other source is an entry of
    its own, with an empty name.
    """
    runs: list[tuple[str, list[str]]] = []
    at: dict[str, int] = {}
    for sid in source_ids:
        src = by_id.get(sid)
        name = src.report if src is not None else ""
        if name and name in at:
            runs[at[name]][1].append(sid)
            continue
        if name:
            at[name] = len(runs)
        runs.append((name, [sid]))
    return runs


def _merge(spans: list[Span]) -> list[Span]:
    """Join neighbouring plain spans, so writers emit few runs."""
    out: list[Span] = []
    for span in spans:
        if out and span.url is None and out[-1].url is None and out[-1].note is None and not span.strong \
                and not out[-1].strong:
            out[-1] = Span(out[-1].text + span.text, note=span.note)
        else:
            out.append(span)
    return out


def layout(briefing: Briefing) -> MemoLayout:
    """Lay out ``briefing`` as the memo every writer prints.

    Order: bottom line up front, the sections in the briefing's order
    (sections without facts are left out), where sources differ, then the
    numbered sources followed by the inputs not used. The header prints what
    the briefing's header says: the pipeline decided the subject and the date.
    """
    style = briefing.style
    b = _Builder(briefing)
    labels = style.labels
    header = briefing.header
    subject = clean_text(header.subject)
    fields = [
        (labels.to, clean_text(header.to)),
        (labels.sender, clean_text(header.sender)),
        (labels.date, clean_text(header.date)),
        (labels.subject, subject),
    ]
    blocks: list[Block] = []

    def heading(text: str) -> None:
        blocks.append(Block("heading", (Span(clean_text(text)),)))

    if briefing.bluf:
        heading(style.bluf_title)
        blocks.extend(b.fact(f, "bullet") for f in briefing.bluf)
    for section in briefing.sections:
        if not section.facts:
            continue
        heading(section.title or section.key)
        intro = clean_text(section.intro)
        if intro:
            blocks.append(Block("intro", (Span(intro),)))
        kind = "paragraph" if section.key in style.paragraphs else "bullet"
        blocks.extend(b.fact(f, kind) for f in section.facts)
    if briefing.conflicts:
        heading(labels.conflicts)
        blocks.extend(b.conflict(c) for c in briefing.conflicts)
    if briefing.sources or briefing.skipped:
        heading(labels.sources)
        blocks.extend(Block("numbered", tuple(_merge(b.citation(s)))) for s in briefing.sources)
        for skip in briefing.skipped:
            text = f"{clean_text(skip.origin)} \u2014 {clean_text(labels.skipped)}: {clean_text(skip.reason)}"
            blocks.append(Block("numbered", (Span(text),)))
    return MemoLayout(
        heading=clean_text(style.heading),
        banner=clean_text(header.banner),
        fields=tuple((clean_text(k), v) for k, v in fields if v),
        blocks=tuple(blocks),
        page_label=labels.page,
        subject=subject,
        date=latest_source_date(briefing),
    )
