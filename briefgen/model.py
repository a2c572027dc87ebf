"""The briefing model: small frozen records that every stage passes along.

No I/O lives here. Identity is by position (``source_id`` and ``index``), never
by text, so two sources printing the same sentence stay two sentences until
deduplication deliberately merges them into one :class:`Fact`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "CONFLICT_KINDS",
    "DEFAULT_CITATION",
    "Briefing",
    "Conflict",
    "ConflictSide",
    "Fact",
    "Labels",
    "Line",
    "MemoHeader",
    "MemoStyle",
    "Provenance",
    "Section",
    "SectionSpec",
    "Sentence",
    "Skipped",
    "Source",
]

#: A report's lead: its first sentences, by :attr:`Sentence.index` within the article. Two, chosen
#: by ROUGE of the memo's first bullet against the DUC 2003 reference summaries' first sentences
#: before the main-news labels were made (the first sentence of a feature is often its hook); on
#: those 75 labelled memos, ordering the bottom line by a lead of one, two and three sentences
#: gives 45, 51 and 48 main-news openings (``bench/main_news.py``, 7 December; 42, 48 and 47 when
#: the value was chosen). Merging
#: (which lead stands for a restatement) and selection (what the bottom line opens on) read it; a
#: parameter of those stages, not part of the data model's public names.
LEAD_SENTENCES = 2

#: How the numbered source list names a source, unless a template says otherwise. ``title``
#: and ``date`` are empty when the source gives none (or only a guess, which is never printed).
#: A source whose outlet is unknown is named by its file, so that a reader can find what a
#: footnote cites ("Unknown outlet (article4.txt), [undated]."), and so is a source whose entry
#: would read as another's does ("Associated Press (ap-shooting.txt), [undated].").
DEFAULT_CITATION = ("{{ outlet }}{% if twin %} ({{ twin }})"
                    "{% elif file and outlet == 'Unknown outlet' %} ({{ file }}){% endif %}"
                    "{% if title %}, \u201c{{ title }}\u201d{% endif %}, "
                    "{{ date or '[undated]' }}{% if url %}, {{ url }}{% endif %}.")

#: How a detail of a source was learnt (see :class:`Provenance`).
GIVEN, FOUND, GUESSED = "given", "found", "guessed"


@dataclass(frozen=True, slots=True)
class Provenance:
    """How each of a source's details was learnt, and from what.

    Each of ``outlet``, ``title``, ``date``, ``url`` and ``author`` is
    ``"given"`` (stated by whoever supplied the source: a manifest, front
    matter, a page's or document's metadata, a date in the file name, or the
    caller who built the :class:`Source`), ``"found"`` (printed in the article
    where such a detail is printed: a headline, a credit or copyright line, a
    dateline, a byline, a date line under the headline), ``"guessed"``
    (inferred from weaker evidence: a file name's words, photo credits) or
    ``""`` (not known: the source has no such detail). A memo never prints a
    guessed title or date as if it were found.

    ``basis`` names where each inferred detail came from, as
    ``(detail, where)`` pairs: ``("date", "date line under the headline")``.
    The defaults say "given", so a ``Source`` built by hand keeps meaning what
    its caller says.
    """

    outlet: str = GIVEN
    title: str = GIVEN
    date: str = GIVEN
    url: str = GIVEN
    author: str = GIVEN
    basis: tuple[tuple[str, str], ...] = ()

    def how(self, detail: str) -> str:
        """``"given"``, ``"found"`` or ``"guessed"`` for ``detail`` (``"outlet"``, ``"title"``...)."""
        return str(getattr(self, detail))

    def where(self, detail: str) -> str:
        """Where ``detail`` came from ("manifest", "credit line", "file name"...), or ``""``."""
        return next((w for d, w in self.basis if d == detail), "")

    def shown(self, detail: str) -> bool:
        """Whether ``detail`` may be printed as a fact about the source (given or found)."""
        return self.how(detail) in (GIVEN, FOUND)

    def as_dict(self) -> dict[str, dict[str, str]]:
        """``{"outlet": {"how": "found", "where": "credit line"}, ...}``, as JSON output gives it."""
        details = ("outlet", "title", "date", "url", "author")
        return {d: {"how": self.how(d), "where": self.where(d)} for d in details}


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
        provenance: How each detail above was learnt (given, found or
            guessed); all given unless said otherwise.

    An empty ``title`` means the source prints no headline and none was
    given; ``date`` is ``None`` when no publication date is known.
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
    provenance: Provenance = field(default_factory=Provenance, compare=False)


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
    the prose block it came from. ``in_quotation`` marks the middle of a
    quotation that runs over several sentences of its source, which an
    earlier sentence opens and a later one closes
    (:func:`briefgen.text.quotes.middles`): its words are the speaker's. ``points_back``
    marks a sentence that calls by its kind a thing the sentences before it
    introduced ("The snake had died ...": :mod:`briefgen.select.anaphora`).
    """

    text: str
    source_id: str
    index: int
    start: int
    end: int
    paragraph: int = 0
    in_quotation: bool = False
    points_back: bool = False


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
    """One side of a difference between sources: a value and who reported it.

    ``time`` is when the value was given for, as the source says it
    ("Saturday", "24 Oct"); set for figures that changed, empty otherwise.
    """

    value: str
    sentences: tuple[Sentence, ...]
    sources: tuple[str, ...]
    time: str = ""


#: The kinds of :class:`Conflict`, in the order the memo shows them.
CONFLICT_KINDS = ("disagreement", "changed", "variant")


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources reporting something differently.

    Attributes:
        kind: ``"disagreement"`` (different values for the same thing as of
            the same time), ``"changed"`` (a figure that moved as reports came
            in; sides in time order) or ``"variant"`` (spellings of one name;
            the first side is the spelling most sources use). Conflicts made
            before kinds existed say ``"number"`` or ``"date"`` (read as
            disagreements) or ``"name"`` (read as a variant).
        topic: What differs, as a reader reads it ("Death toll", "Length of
            the meeting", "Wi Sung-rak's title"); also :attr:`label`.
        sides: The values, each with the sentences and sources that give it.
        value_type: What sort of value differs: ``"number"``, ``"date"``,
            ``"title"`` or ``"name"``.
    """

    kind: str
    topic: str
    sides: tuple[ConflictSide, ...]
    value_type: str = "number"

    @property
    def label(self) -> str:
        """What differs, as a reader reads it (the ``topic``)."""
        return self.topic

    @property
    def shown_as(self) -> str:
        """The kind this conflict is shown as: one of :data:`CONFLICT_KINDS`."""
        if self.kind in CONFLICT_KINDS:
            return self.kind
        return "variant" if self.kind == "name" else "disagreement"


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
    """One memo section as a template defines it.

    ``catch_all`` marks the section that prints the best facts fitting no
    other section (it has no keywords of its own). ``cues`` names signs
    beyond content words that a fact belongs here (``"future"``: the future
    tense or a plan; ``"quote"``: quotation marks), from
    :data:`briefgen.config.CUES`. ``if_empty`` is what the
    memo prints when no fact fits the section ("No reporting on {title}.");
    empty, the section is left out.
    """

    key: str
    title: str
    keywords: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    intro: str = ""
    words: int | None = 110
    facts: int | None = 4
    sort: str = "rank"
    style: str = "bullets"
    enabled: bool = True
    catch_all: bool = False
    if_empty: str = ""


@dataclass(frozen=True, slots=True)
class Labels:
    """Fixed strings the memo prints, so a template can translate them."""

    to: str = "To"
    sender: str = "From"
    date: str = "Date"
    subject: str = "Subject"
    conflicts: str = "Where sources differ"
    disagreements: str = "Sources disagree"
    changed: str = "Figures that changed as reports came in"
    variants: str = "Names spelled differently"
    also_spelled: str = "Also spelled"
    sources: str = "Sources"
    skipped: str = "Not used"
    page: str = "Page {page} of {pages}"
    nothing: str = "No fact from the sources is printed: none reads on its own within this memo's budgets."
    uncited: str = "Read; nothing in this memo cites it."


@dataclass(frozen=True, slots=True)
class MemoStyle:
    """How the memo is laid out: what its template decided, as plain data for the writers.

    Attributes:
        template: The name of the template the briefing was built with.
        heading: The memo's heading ("MEMORANDUM").
        bluf_title: The heading of the bottom line up front.
        labels: The fixed strings the memo prints.
        citation: How the numbered source list names a source (a Jinja text
            over ``outlet``, ``title``, ``date``, ``url`` and ``author``);
            footnotes cite that list in short form.
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
    ``style`` how the writers lay it out; ``consulted`` the files and folders
    the run was asked to read or consult (inputs, manifest, template files),
    which writing the memo never replaces.
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
    consulted: tuple[str, ...] = field(default=(), compare=False)

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
