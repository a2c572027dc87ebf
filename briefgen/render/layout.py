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
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from briefgen.model import Briefing, Fact, Source
from briefgen.render.citation import cite, twin_label
from briefgen.render.differences import Line, difference_lines
from briefgen.sources.metadata import UNKNOWN_OUTLET
from briefgen.sources.outlets import short_name
from briefgen.text.words import and_list

__all__ = [
    "Block", "Cited", "MemoLayout", "Note", "Span", "clean_text", "footnote", "layout", "report_label",
    "reports", "safe_url", "sentence_case", "short_citation",
]

# XML 1.0 forbids C0 controls except tab/newline/CR, lone surrogates and two
# non-characters; C1 controls are allowed but never meant in news text.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"\s+")
# The number :func:`briefgen.facts.copies.with_reports` gives a second group of one agency's copies.
_REPORT_NUMBER = re.compile(r"\s+#\d+$")
_URL_SCHEMES = ("http://", "https://", "ftp://", "mailto:")
# A bullet's first word in lower case letters, after any opening quotation marks: text
# printed in lower case, or a sentence whose dateline or headline was cut from its start ("the united
# states announced wednesday ...", Multi-News 00281). Not a word with a capital or a digit inside
# ("iPhone", "eBay"), a handle, an address, a unit ("km/h"), or an abbreviation's letters ("e.g.",
# "u.s.").
_LOWER_START = re.compile("^([\"'\u201c\u2018 ]*)(?!www\\.)([a-z])(?=[a-z]*+(?![A-Z0-9_@/]|\\.[a-z]|:/))")
# Month abbreviations for short dates, fixed rather than the locale's.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def clean_text(text: str | None) -> str:
    """``text`` with XML-invalid characters removed and white space folded."""
    if not text:
        return ""
    return _SPACE.sub(" ", _INVALID.sub("", text)).strip()


def sentence_case(text: str) -> str:
    """``text`` with its first letter set as a capital when its first word is in lower case letters.

    A bullet opens as a sentence does, as a typesetter would set it; every other character is the
    source's. The model's text (and the JSON output) keeps the source's case.
    """
    return _LOWER_START.sub(lambda m: m.group(1) + m.group(2).upper(), text, count=1)


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


def source_date(source: Source) -> date | None:
    """The source's publication date, if it was given or found (a guessed one is never printed)."""
    return _iso_date(source.date) if source.provenance.shown("date") else None


def latest_source_date(briefing: Briefing) -> date | None:
    """The newest publication date among the sources, if any is known."""
    dates = [d for d in (source_date(s) for s in briefing.sources) if d is not None]
    return max(dates) if dates else None


@dataclass(frozen=True, slots=True)
class Cited:
    """The numbered source list a footnote points into: each source's number, record and short name.

    ``short`` is how a footnote names each source's outlet ("Yonhap" for
    "Yonhap News Agency", from the table of known outlets). ``years`` is set
    when the dated sources span more than one year, so a short date carries
    its year.
    """

    number: Mapping[str, int]
    source: Mapping[str, Source]
    short: Mapping[str, str]
    years: bool = False

    @classmethod
    def of(cls, sources: Sequence[Source]) -> Cited:
        """The list for ``sources``, numbered from 1 in their order."""
        number: dict[str, int] = {}
        by_id: dict[str, Source] = {}
        short: dict[str, str] = {}
        names: dict[str, str] = {}  # thousands of sources share a few outlets
        for i, src in enumerate(sources, start=1):
            number.setdefault(src.id, i)
            by_id.setdefault(src.id, src)
            outlet = clean_text(src.outlet)
            if outlet not in names:
                names[outlet] = clean_text(short_name(outlet)) or outlet
            short.setdefault(src.id, names[outlet])
        years = {d.year for d in (source_date(s) for s in sources) if d is not None}
        return cls(number, by_id, short, len(years) > 1)


def short_citation(source_id: str, cited: Cited) -> str:
    """One source in a footnote: its number in the list, its outlet, its date ("[2] Yonhap, 14 Jan")."""
    src = cited.source.get(source_id)
    if src is None or source_id not in cited.number:
        return clean_text(source_id)
    text = f"[{cited.number[source_id]}] {cited.short[source_id]}"
    day = source_date(src)
    if day is not None:
        text += f", {day.day} {_MONTHS[day.month - 1]}" + (f" {day.year}" if cited.years else "")
    return text


def footnote(source_ids: Sequence[str], cited: Cited) -> Note:
    """The footnote of one fact, or of one side of a disagreement: every source that reported it.

    Each source in its short form, in order, pointing into the numbered
    source list that gives the full citation: "[2] Chosun Daily, 13 Jan; [3]
    Korea.kr, 14 Jan."

    Copies of one wire report are named together, after a count of the
    independent reports: "Reported by 3 sources, 2 independent reports: [1]
    Chosun Daily, 13 Jan; AP report, carried by [2] The Star, 13 Jan and [3]
    The Gleaner, 13 Jan." (issue 17).
    """
    runs = reports(tuple(source_ids), cited.source)
    parts = []
    labels: list[str] = []
    for name, members in runs:
        names = [short_citation(sid, cited) for sid in members]
        listed = and_list(names)
        if len(members) > 1:
            label = report_label(name)
            # A report whose outlet nobody names is "one report" ("Unknown outlet report" says nothing).
            known = label and label != UNKNOWN_OUTLET
            said = f"{label} report" if known else "one report"
            if label in labels:
                said = f"another {label} report" if known else "another report"
            parts.append(f"{said}, carried by {listed}")
            labels.append(label)
        else:
            parts.append(listed)
    text = "; ".join(parts)
    # One report needs no count: "AP report, carried by ..." says it.
    if 1 < len(runs) < len(source_ids):
        text = f"Reported by {len(source_ids)} sources, {len(runs)} independent reports: {text}"
    return Note(spans=(Span(text + "."),), sources=tuple(source_ids))


class _Builder:
    """Turns model records into spans; knows the memo's style and the source numbers."""

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.style = briefing.style
        self.cited = Cited.of(briefing.sources)
        self.number = self.cited.number
        # Briefing.source() scans the list; a memo citing thousands of sources asks often.
        self.by_id = self.cited.source

    def citation(self, source: Source, twin: str = "") -> list[Span]:
        """The template's full citation of ``source`` for the source list, its URL as a link.

        A title or date is printed only when it was given or found: a guess
        is left out (the template sees it empty), never shown as found.
        ``twin`` tells the source from another whose citation reads the same.
        """
        shown = source.provenance.shown
        clean = replace(
            source,
            outlet=clean_text(source.outlet),
            title=clean_text(source.title) if shown("title") else "",
            date=(clean_text(source.date) or None) if shown("date") else None,
            url=clean_text(source.url) or None,
            author=(clean_text(source.author) or None) if shown("author") else None,
        )
        text = clean_text(cite(clean, self.style.citation, self.style.template, twin))
        url = safe_url(source.url)
        if url and url in text:
            before, _, after = text.partition(url)
            return [s for s in (Span(before), Span(url, url=url), Span(after)) if s.text]
        return [Span(text)]

    def note(self, source_ids: tuple[str, ...]) -> Note:
        """A footnote naming every source in ``source_ids``, in order (see :func:`footnote`)."""
        return footnote(source_ids, self.cited)

    def fact(self, fact: Fact, kind: str) -> Block:
        """A fact printed verbatim (:func:`sentence_case` aside), with its footnote."""
        return Block(kind, (Span(sentence_case(clean_text(fact.text)), note=self.note(fact.sources)),))

    def facts(self, facts: Sequence[Fact], kind: str) -> list[Block]:
        """Facts printed verbatim (:func:`sentence_case` aside), one block each, except that a sentence
        that leans on the one before prints in the same block right after it, each with its own footnote."""
        from briefgen.select.units import passages  # here: the stand-alone rules load nltk

        blocks = []
        for passage in passages(facts):
            spans = [Span(("" if i == 0 else " ") + sentence_case(clean_text(f.text)),
                          note=self.note(f.sources)) for i, f in enumerate(passage)]
            blocks.append(Block(kind, tuple(spans)))
        return blocks

    def outlet(self, source_id: str) -> str:
        """The outlet a line names for a source (its id when unknown); a source whose outlet nobody
        names is named by its file, as the source list names it ("article4.txt"), not "Unknown
        outlet", which would join two such sources into one."""
        if source_id not in self.number:
            return clean_text(source_id)
        source = self.by_id[source_id]
        if source.outlet == UNKNOWN_OUTLET:
            return clean_text(twin_label(source.origin))
        return clean_text(source.outlet)

    def difference(self, line: Line) -> Block:
        """A line of "Where sources differ", each part that names sources followed by their note."""
        return Block(line.kind, tuple(Span(_SPACE.sub(" ", _INVALID.sub("", p.text)), strong=p.strong,
                                           note=self.note(p.sources) if p.sources else None)
                                      for p in line.parts))


def report_label(name: str) -> str:
    """A report's name as a footnote prints it: without the number that tells two groups apart ("AP #2")."""
    return clean_text(_REPORT_NUMBER.sub("", name))


def reports(source_ids: tuple[str, ...], by_id: Mapping[str, Source]) -> list[tuple[str, list[str]]]:
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


def _source_list(b: _Builder, sources: Sequence[Source]) -> list[list[Span]]:
    """Each source's citation for the numbered list. Sources whose citations would read alike (two
    "Associated Press, [undated]." entries) are cited again with what tells them apart, their files'
    names (their paths when the names are alike too), so that a reader can find which text a
    footnote's number cites."""
    entries = [b.citation(s) for s in sources]
    alike: dict[str, list[int]] = defaultdict(list)
    for k, entry in enumerate(entries):
        alike["".join(span.text for span in entry)].append(k)
    for twins in alike.values():
        if len(twins) < 2:
            continue
        labels = [twin_label(sources[k].origin) for k in twins]
        if len(set(labels)) < len(labels):
            labels = [twin_label(sources[k].origin, whole=True) for k in twins]
        for k, label in zip(twins, labels, strict=True):
            entries[k] = b.citation(sources[k], label)
    return entries


def _skipped_names(briefing: Briefing) -> list[str]:
    """How the source list names each input not used: by its file's name, as a source is named
    (a memo goes to readers who need not see the analyst's folders), or by its path as given when
    another input has that name too."""
    names = [twin_label(skip.origin) for skip in briefing.skipped]
    taken = Counter([*names, *(twin_label(source.origin) for source in briefing.sources)])
    return [name if taken[name] == 1 else twin_label(skip.origin, whole=True)
            for name, skip in zip(names, briefing.skipped, strict=True)]


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
    (sections without facts are left out, unless the pipeline gave one a line
    saying so), where sources differ, then the
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
        blocks.extend(b.facts(briefing.bluf, "bullet"))
    elif not briefing.facts and not briefing.conflicts and clean_text(labels.nothing):
        # Nothing reads alone: the memo says so where its bottom line would be, not a blank page (a
        # memo showing only where sources differ says that much; an empty label turns the line off).
        heading(style.bluf_title)
        blocks.append(Block("intro", (Span(clean_text(labels.nothing)),)))
    for section in briefing.sections:
        if not section.facts and not section.intro:
            continue  # nothing fits it, and it has no line saying so
        heading(section.title or section.key)
        intro = clean_text(section.intro)
        if intro:
            blocks.append(Block("intro", (Span(intro),)))
        kind = "paragraph" if section.key in style.paragraphs else "bullet"
        blocks.extend(b.facts(section.facts, kind))
    if briefing.conflicts:
        heading(labels.conflicts)
        blocks.extend(b.difference(line) for line in difference_lines(briefing.conflicts, labels, b.outlet))
    if briefing.sources or briefing.skipped:
        heading(labels.sources)
        # A source no footnote names says so: a reader need not look for what it added.
        used = {sid for block in blocks for span in block.spans if span.note for sid in span.note.sources}
        uncited = clean_text(labels.uncited)
        for source, spans in zip(briefing.sources, _source_list(b, briefing.sources), strict=True):
            if used and uncited and source.id not in used:
                spans = [*spans, Span(f" {uncited}")]
            blocks.append(Block("numbered", tuple(_merge(spans))))
        for name, skip in zip(_skipped_names(briefing), briefing.skipped, strict=True):
            text = f"{clean_text(name)} \u2014 {clean_text(labels.skipped)}: {clean_text(skip.reason)}"
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
