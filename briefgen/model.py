"""The briefing model: small frozen records that every stage passes along.

No I/O lives here. Identity is by position (``source_id`` and ``index``), never
by text, so two sources printing the same sentence stay two sentences until
deduplication deliberately merges them into one :class:`Fact`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "DEFAULT_CITATION",
    "Briefing",
    "Conflict",
    "ConflictSide",
    "Fact",
    "Labels",
    "Line",
    "MemoHeader",
    "MemoStyle",
    "Section",
    "SectionSpec",
    "Sentence",
    "Skipped",
    "Source",
]

#: How a footnote or the source list names a source, unless a template says otherwise.
DEFAULT_CITATION = "{{ outlet }}, \u201c{{ title }}\u201d{% if date %}, {{ date }}{% endif %}."


@dataclass(frozen=True, slots=True)
class Source:
    """One article as read, with what is known of where it came from.

    Attributes:
        id: Short identifier, unique within one run (``"s1"``, ``"s2"``, ...).
        origin: The path, URL or ``"-"`` it was read from.
        text: The article text after format extraction, before cleaning.
            Sentence offsets point into this string.
        outlet: Who published it ("Yonhap News Agency").
        title: Its headline.
        date: Publication date as ISO 8601 (``"2026-01-13"``), if known.
        url: Where it can be read, if known.
        author: Byline, if known.
        format: ``"text"``, ``"markdown"``, ``"html"`` or ``"docx"``.
        report: The report this source carries, when other sources carry it
            too (a wire story reprinted): a name every copy shares, such as
            ``"AP"`` or the first copy's outlet. Empty for a report of its
            own, or before the pipeline has compared the sources.
    """

    id: str
    origin: str
    text: str
    outlet: str
    title: str
    date: str | None = None
    url: str | None = None
    author: str | None = None
    format: str = "text"
    report: str = ""


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be used, and why."""

    origin: str
    reason: str


@dataclass(frozen=True, slots=True)
class Line:
    """A stretch of a source's text as the cleaner judged it.

    ``kind`` is ``"prose"`` for article text that may yield facts; every other
    kind (``"headline"``, ``"subhead"``, ``"caption"``, ``"credit"``,
    ``"boilerplate"``, ``"navigation"``, ``"date"``, ``"byline"``,
    ``"offtopic"``, ``"duplicate"``) is kept out of the sentence stream, with
    ``reason`` saying why. ``start``/``end`` are offsets into ``Source.text``;
    a prose block may span several physical lines when a paragraph was broken
    mid-sentence.
    """

    source_id: str
    start: int
    end: int
    text: str
    kind: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence exactly as a source printed it.

    ``text`` is ``Source.text[start:end]`` with runs of white space folded to
    one space; nothing else is ever changed. ``index`` is the sentence's
    position in its source's sentence stream and ``paragraph`` the position of
    the prose block it came from.
    """

    text: str
    source_id: str
    index: int
    start: int
    end: int
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Fact:
    """One statement, merged from every source sentence that reports it.

    Attributes:
        id: Identifier unique within a briefing (``"f12"``).
        text: The representative sentence, verbatim from one source.
        sentences: Every member sentence, the representative first.
        sources: Ids of every source whose own sentence states it, in source
            order.
        independent: How many independent reports back it (copies of one wire
            story count once).
        section: Section key once classified; ``None`` before, or when it
            fits no section.
        score: Ranking score within its section (higher is more central).
        overlaps: Ids of the other facts that state this one's statement in
            part or in whole, or that it states: a memo prints at most one
            of them.
    """

    id: str
    text: str
    sentences: tuple[Sentence, ...]
    sources: tuple[str, ...]
    independent: int = 1
    section: str | None = None
    score: float = 0.0
    overlaps: tuple[str, ...] = ()

    @property
    def representative(self) -> Sentence:
        """The source sentence the memo prints."""
        return self.sentences[0]


@dataclass(frozen=True, slots=True)
class ConflictSide:
    """One side of a disagreement: a value and who reported it."""

    value: str
    sentences: tuple[Sentence, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources reporting different values for the same thing.

    ``kind`` is ``"number"``, ``"date"`` or ``"name"``; ``topic`` says what
    differs ("length of the meeting", "name of the coal mine").
    """

    kind: str
    topic: str
    sides: tuple[ConflictSide, ...]


@dataclass(frozen=True, slots=True)
class Section:
    """A titled part of the memo with its selected facts, in memo order."""

    key: str
    title: str
    facts: tuple[Fact, ...]
    intro: str | None = None


@dataclass(frozen=True, slots=True)
class MemoHeader:
    """The memo's header block."""

    subject: str
    date: str
    to: str = ""
    sender: str = ""
    banner: str = ""


@dataclass(frozen=True, slots=True)
class SectionSpec:
    """One memo section as a template defines it."""

    key: str
    title: str
    keywords: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    intro: str = ""
    words: int | None = 110
    facts: int | None = 4
    sort: str = "rank"
    style: str = "bullets"
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class Labels:
    """Fixed strings the memo prints, so a template can translate them."""

    to: str = "To"
    sender: str = "From"
    date: str = "Date"
    subject: str = "Subject"
    conflicts: str = "Where sources differ"
    sources: str = "Sources"
    skipped: str = "Not used"
    page: str = "Page {page} of {pages}"


@dataclass(frozen=True, slots=True)
class MemoStyle:
    """How the memo is laid out: what its template decided, as plain data for the writers.

    Attributes:
        template: The name of the template the briefing was built with.
        heading: The memo's heading ("MEMORANDUM").
        bluf_title: The heading of the bottom line up front.
        labels: The fixed strings the memo prints.
        citation: How a source is named (a Jinja text over ``outlet``,
            ``title``, ``date``, ``url`` and ``author``).
        reference_docx: A Word file whose styles the .docx memo uses, or
            ``None`` for the packaged one.
        paragraphs: Keys of the sections printed as paragraphs, not bullets.
    """

    template: str = "default"
    heading: str = "MEMORANDUM"
    bluf_title: str = "Bottom line up front"
    labels: Labels = field(default_factory=Labels)
    citation: str = DEFAULT_CITATION
    reference_docx: str | None = None
    paragraphs: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything a writer needs to produce the memo.

    ``bluf`` holds the bottom-line-up-front facts; ``other`` the facts that fit
    no section; ``dropped`` every line cleaning kept out, with its reason;
    ``style`` how the writers lay it out.
    """

    header: MemoHeader
    bluf: tuple[Fact, ...]
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    conflicts: tuple[Conflict, ...] = ()
    other: tuple[Fact, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    dropped: tuple[Line, ...] = ()
    style: MemoStyle = field(default_factory=MemoStyle, compare=False)

    def source(self, source_id: str) -> Source:
        """The source with this id."""
        for src in self.sources:
            if src.id == source_id:
                return src
        raise KeyError(source_id)

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every fact printed in a section, in memo order."""
        return tuple(f for sec in self.sections for f in sec.facts)
