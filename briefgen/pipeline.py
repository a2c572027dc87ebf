"""The whole job: inputs in, a :class:`~briefgen.model.Briefing` out.

Each stage is a function of the whole batch (read, clean, split, deduplicate,
classify, select); this module only wires them together and fills in the memo
header. Nothing here writes files: see :mod:`briefgen.output`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from briefgen.config import SectionSpec, Template, list_templates, load_template
from briefgen.dates import format_date, parse_date
from briefgen.errors import ConfigError, InputError
from briefgen.facts.conflicts import find_conflicts
from briefgen.facts.copies import with_reports
from briefgen.facts.members import Names, cited
from briefgen.facts.merge import cluster
from briefgen.facts.subject import Coverage
from briefgen.facts.subject import derive_subject as subject_line
from briefgen.model import Briefing, Fact, Line, MemoHeader, Section, Sentence, Skipped, Source
from briefgen.parallel import beside, collector_paused, pmap
from briefgen.resources import seeds_dir, templates_dir
from briefgen.select.anaphora import pointing_back
from briefgen.select.choice import select
from briefgen.select.concepts import stated
from briefgen.select.kinds import KindChoice, candidate_evidence, choose_kind
from briefgen.select.lead import lead_first, news_first
from briefgen.select.parts import Part, Selection, latest_figures
from briefgen.select.sections import OTHER, classify
from briefgen.select.selector import MEMO
from briefgen.select.standalone import broken, dangling
from briefgen.select.statements import Statements, choose_apart, unrestated
from briefgen.select.units import passages, unintroduced, writer_voice
from briefgen.sources.clean import CleanResult, clean
from briefgen.sources.decode import decode_entities, repaired
from briefgen.sources.limits import Limits
from briefgen.sources.load import load_sources
from briefgen.sources.metadata import UNKNOWN_OUTLET, infer_details, source_details
from briefgen.sources.stories import editorials, read_stories
from briefgen.text.datelines import dateline_end
from briefgen.text.sentences import segment
from briefgen.text.words import and_list

__all__ = [
    "AUTO", "Analysis", "Part", "Run", "Selection", "analyse", "build_briefing", "choose_template",
    "input_list", "run", "select_parts", "summarize", "text_sources",
]

log = logging.getLogger(__name__)

Input = str | os.PathLike[str]
#: One input or several: a single ``str`` is one input, never iterated.
Inputs = Input | Sequence[Input] | None
Progress = Callable[[str], None]
TemplateArg = str | os.PathLike[str] | Template | None
#: ``template=AUTO`` chooses among the packaged templates and the user's own.
AUTO = "auto"
#: The template kept whenever it fits.
DEFAULT = "default"


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the stages learnt before selection, for ``briefgen inspect``."""

    sources: tuple[Source, ...]
    skipped: tuple[Skipped, ...]
    cleaned: CleanResult
    sentences: tuple[Sentence, ...]
    facts: tuple[Fact, ...]
    #: Ids of the sources that are a paper's editorial (:func:`~briefgen.sources.stories.editorials`).
    editorials: frozenset[str] = frozenset()


def _noop(_stage: str) -> None:
    return None


def _split(item: tuple[Source, Sequence[Line]]) -> list[Sentence]:
    """Sentences of one source's prose blocks, each marked when it points back (a worker task)."""
    source, blocks = item
    return pointing_back(segment(source, blocks))


def input_list(inputs: Inputs) -> list[Input]:
    """``inputs`` as a list: one ``str`` or path is one input, never a sequence of characters.

    Raises:
        TypeError: an item is neither a ``str`` nor a path.
    """
    if inputs is None:
        return []
    if isinstance(inputs, (str, os.PathLike)):
        return [inputs]
    if isinstance(inputs, (bytes, bytearray)):
        raise TypeError("inputs must be paths, URLs or '-' as str or os.PathLike, not bytes")
    items = list(inputs)
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            raise TypeError(f"each input must be a str or os.PathLike, not {type(item).__name__}"
                            + (" (give article texts as texts=[...] or Source objects as sources=[...])"
                               if isinstance(item, Source) else ""))
    return items


def text_sources(texts: Sequence[str], first: int = 1) -> list[Source]:
    """Sources for article texts given as strings (never looked up as paths).

    Each gets a title and date as a file would (a headline and a date printed
    with it; none if the text prints none), an outlet only if the text names
    one (else "Text N", marked guessed), and the origin ``<text N>``. Character
    references a web page left are decoded and mojibake repaired, as in a file.
    """
    out = []
    for n, text in enumerate(texts, first):
        if not isinstance(text, str):
            raise TypeError(f"article texts must be str, not {type(text).__name__}")
        origin = f"<text {n}>"
        text = decode_entities(repaired(text, origin))  # as a plain-text file is read
        details = source_details(infer_details(text, origin) if text.strip() else {}, {}, {}, {})
        if details["outlet"] == UNKNOWN_OUTLET:
            details["outlet"] = f"Text {n}"
        out.append(Source(id=f"t{n}", origin=origin, text=text, **details))
    return out


#: Why a source on another event than the rest of the coverage is skipped.
OFF_STORY = "a story on another event: shares almost nothing with the other sources"
#: Why a source that gave no article sentence is skipped.
NO_ARTICLE = "no article sentence and no headline found (empty, or only page furniture: a notice, a prompt, \
captions, a web archive's notes, a weather or traffic box)"


def analyse(
    inputs: Inputs = None,
    *,
    texts: Sequence[str] = (),
    manifest: Input | None = None,
    strict: bool = False,
    progress: Progress | None = None,
    sources: Sequence[Source] | None = None,
    limits: Limits | None = None,
) -> Analysis:
    """Read, clean, split and deduplicate the inputs.

    Args:
        inputs: One or more files, folders, globs, URLs or ``"-"`` (see
            :func:`build_briefing`); with neither ``inputs`` nor ``texts``,
            the bundled sample corpus.
        texts: Article texts given as strings.
        manifest: A TOML, YAML or CSV file of source metadata.
        strict: Fail on the first unreadable input instead of skipping it.
        progress: Called with the name of each stage as it starts.
        sources: Already loaded sources, used instead of ``inputs`` and ``texts``.
        limits: Limits and containment rules for reading (default :class:`Limits`:
            no private URLs, no files outside the folders named).

    Raises:
        InputError: when no usable source or no article sentence remains.
        TypeError: ``inputs`` holds something that is not a path or string.
    """
    step = progress or _noop
    skipped: list[Skipped] = []
    if sources is None:
        step("reading sources")
        paths = input_list(inputs)
        if isinstance(texts, str):
            texts = [texts]
        given = text_sources(texts)
        loaded: list[Source] = []
        if paths or manifest is not None or not given:
            loaded, skipped = load_sources(paths or ([] if manifest is not None else [seeds_dir()]),
                                           manifest=manifest, strict=strict, limits=limits)
        # Ids must be unique across files and plain texts.
        sources = [replace(s, id=f"s{i}") for i, s in enumerate([*loaded, *given], 1)] if given else loaded
    if not sources:
        raise InputError("no usable sources in the inputs")
    # Which sources reprint one report (a wire story): corroboration counts it once.
    sources = with_reports(sources)
    step("cleaning")
    cleaned = clean(sources)
    step("splitting sentences")
    per_source = pmap(_split, [(src, cleaned.blocks.get(src.id, ())) for src in sources])
    sentences = [s for split in per_source for s in split]
    if not sentences:
        names = ", ".join(src.origin for src in sources[:3]) + (", ..." if len(sources) > 3 else "")
        raise InputError(f"no article sentences found in the inputs ({names})")
    # A page that holds no article (a web archive's notes, a video player's error, a log-in prompt)
    # is listed as not used, with the reason, not as a source: it reported nothing. A headline it
    # prints is reporting, and keeps it a source (the subject line reads headlines).
    # A whole story on another event among the coverage (sources/stories.py) is not used either.
    by_source: dict[str, list[str]] = {}
    for s in sentences:
        by_source.setdefault(s.source_id, []).append(s.text)
    stories = read_stories(by_source)
    off = stories.offtopic
    if stories.lone:
        _warn_lone(stories.lone, sources, len(by_source))
    if off:
        skipped = [*skipped, *(Skipped(src.origin, OFF_STORY) for src in sources if src.id in off)]
        log.info("likeness of the sources on another event: %s", {k: round(v, 2) for k, v in off.items()})
        sources = [src for src in sources if src.id not in off]
        sentences = [s for s in sentences if s.source_id not in off]
    told = {s.source_id for s in sentences}
    if len(told) < len(sources):
        told |= {src.id for src in sources if src.title.strip() and src.provenance.shown("title")}
        skipped = [*skipped, *(Skipped(src.origin, NO_ARTICLE) for src in sources if src.id not in told)]
        sources = [src for src in sources if src.id in told]
    step("merging facts across sources")
    # A fact prints its representative alone: merge marks down a member that leans on the
    # sentence before (Lee's five-outlet "small but meaningful progress" remark prints
    # through the one outlet's sentence that reads alone) and keeps only members that state it.
    # An editorial's sentence (sources/stories.editorials) or the writer's own voice stands for a fact
    # only when no report's sentence can (Multi-News 00162: "Tell me more! photos can also be ...").
    by_editorials = frozenset(editorials(sources))
    opinion = {s.text for s in sentences if s.source_id in by_editorials}
    facts = cluster(sentences, sources, {s.id: f"report {s.report}" if s.report else s.id for s in sources},
                    leans=dangling, broken=lambda t: t in opinion or broken(t) or writer_voice(t))
    return Analysis(tuple(sources), tuple(skipped), cleaned, tuple(sentences), tuple(facts), by_editorials)


def _warn_lone(lone: dict[str, float], sources: Sequence[Source], told: int) -> None:
    """Warn that sources sharing almost nothing with the others are kept: the coverage may mix events."""
    names = [src.origin for src in sources if src.id in lone]
    best = max(lone.values())
    listed = and_list(names)
    if len(names) == 1:
        log.warning("%s shares almost nothing with the other sources (likeness %.2f at best): it may report "
                    "another event; it is kept", listed, best)
    elif len(names) == told:
        log.warning("%s share almost nothing with each other (likeness %.2f at best): they may report "
                    "different events; all are kept", listed, best)
    else:
        log.warning("%s share almost nothing with the other sources (likeness %.2f at best): they may "
                    "report other events; they are kept", listed, best)


_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
#: Facts from which comparing sources runs in a second process beside the selection: about 100
#: articles, where it takes half a second or more and a process costs a few hundredths.
BESIDE_FACTS = 1_000
#: Words a source's lead holds at least for the subject line: a news lead paragraph (one to three
#: sentences of 25 to 40 words in wire style). Not fitted.
LEAD_WORDS = 40


def _order(facts: Sequence[Fact], spec: SectionSpec, sources: Sequence[Source]) -> list[Fact]:
    """Facts in the order the section asks for.

    ``rank`` keeps the selector's order; ``source`` follows the articles;
    ``chronological`` puts facts by the earliest year they mention, and facts
    naming no year after them in article order. A sentence printed after the
    one it leans on (:func:`briefgen.select.units.passages`) moves with it.
    """
    rank = {src.id: i for i, src in enumerate(sources)}
    # A sentence that leans on the one before moves with it, as one passage.
    groups = passages(facts)

    def position(group: list[Fact]) -> tuple[int, int]:
        first = group[0].representative
        return (rank.get(first.source_id, len(rank)), first.index)

    if spec.sort == "chronological":

        def when(group: list[Fact]) -> tuple[int, tuple[int, int]]:
            years = [int(y) for f in group for y in _YEAR.findall(f.text)]
            return (min(years) if years else 10_000, position(group))

        groups = sorted(groups, key=when)
    elif spec.sort == "source":
        groups = sorted(groups, key=position)
    return [f for group in groups for f in group]


def _memo_date(template: Template, sources: Sequence[Source], date: str | None) -> str:
    """The memo's date: ``date``, else the template's, else the latest real coverage date, else none.

    A coverage date is a source's date that was given or found (a dateline, a
    byline, metadata, a manifest); a guessed one never dates the memo, and
    neither does a date mentioned inside a story, which metadata never takes.

    Raises:
        ConfigError: ``date`` (or the template's) is not ``YYYY-MM-DD`` or ``today``.
    """
    wanted = date if date is not None else template.memo.date
    fmt = template.memo.date_format
    if wanted:
        try:
            return format_date(parse_date(wanted), fmt)
        except ValueError as exc:
            where = "date" if date is not None else f"{template.name}: [memo].date"
            raise ConfigError(f"{where}: {exc}") from None
    dated = sorted(s.date for s in sources if s.date and s.provenance.shown("date"))
    for iso in reversed(dated):
        try:
            return format_date(dt.date.fromisoformat(iso[:10]), fmt)
        except ValueError:
            continue
    return ""


def derive_subject(sources: Sequence[Source], sentences: Sequence[Sentence] = ()) -> str:
    """The event the coverage shares (what, where, who), from headlines and leads.

    See :mod:`briefgen.facts.subject`.

    A headline counts only when it was printed or given, never guessed; each
    source's lead is its first three article sentences that are no question
    (``sentences``, after cleaning: "Were 18th-century pirates literate?"
    tells nothing), and more while they hold fewer than :data:`LEAD_WORDS`
    words (a feature's opening: "A dark intersection. A church van full of
    parishioners. And tragedy."); the start of its text only when no source
    has article sentences.
    """
    leads: dict[str, list[str]] = {}
    size: dict[str, int] = {}
    told: dict[str, int] = {}  # the lead's statements: a question tells nothing ("Were pirates literate?")
    for sent in sentences:
        got = leads.setdefault(sent.source_id, [])
        if told.get(sent.source_id, 0) < 3 or size[sent.source_id] < LEAD_WORDS:
            got.append(sent.text)
            size[sent.source_id] = size.get(sent.source_id, 0) + len(sent.text.split())
            question = sent.text.rstrip(" \"'\u201d\u2019").endswith("?")
            told[sent.source_id] = told.get(sent.source_id, 0) + (not question)
    # A source with no article sentence among others that have some holds no story (a page of
    # furniture, a web archive's note): its text says nothing of the event.
    coverage = [Coverage(s.title.strip() if s.provenance.shown("title") else "",
                         " ".join(leads[s.id]) if s.id in leads else "" if leads else _undated(s.text)[:600])
                for s in sources]
    return subject_line(coverage)


def _undated(text: str) -> str:
    """``text`` from after the wire dateline that opens it, if any."""
    text = text.lstrip()
    return text[dateline_end(text):]


@dataclass(frozen=True, slots=True)
class Run:
    """A whole run: what the stages learnt, what was selected, and the briefing built from it.

    ``kind`` is the choice of template by fit, or None when the caller named the template.
    """

    analysis: Analysis
    template: Template
    method: str
    selection: Selection
    briefing: Briefing
    kind: KindChoice | None = None


def _candidates(auto: bool) -> list[Template]:
    """The templates to choose among: the packaged ones (a user template of the same name
    shadowing it), and with ``auto`` every user template too. A template that does not load
    is left out with a warning (``default`` is loaded again if chosen, and then raises)."""
    names = sorted(p.stem for p in templates_dir().glob("*.toml"))
    if auto:
        names = sorted({*names, *list_templates()})
    out = []
    for name in names:
        try:
            out.append(load_template(name))
        except ConfigError as exc:
            log.warning("template %s left out of the choice: %s", name, exc)
    return out


def choose_template(facts: Sequence[Fact],
                    template: TemplateArg = None) -> tuple[Template, KindChoice | None]:
    """The template to brief ``facts`` with, and the choice by fit when there was one.

    Args:
        facts: The facts of the briefing.
        template: A name, path or loaded :class:`Template` is used as given. None
            chooses among the packaged templates by fit and the sources' openings
            (:func:`briefgen.select.kinds.choose_kind`); ``"auto"`` among the user's too.
    """
    if template is not None and not (isinstance(template, str) and template == AUTO):
        return load_template(template), None
    templates = {t.name: t for t in _candidates(auto=template is not None)}
    kind = choose_kind(facts, [(name, t.sorted_sections) for name, t in templates.items()], prefer=DEFAULT,
                       evidence=candidate_evidence(facts, templates))
    chosen = templates.get(kind.name) or load_template(DEFAULT)
    log.info("template %s: %s", chosen.name, kind.reason)
    return chosen, kind


def select_parts(facts: Sequence[Fact], template: Template, method: str) -> Selection:
    """Sort ``facts`` into the template's sections and choose what each part prints.

    The bottom line chooses first, among the news (:func:`~briefgen.select.lead.news_first`), and
    prints first what the most independent reports lead with (:func:`~briefgen.select.lead.lead_first`);
    each section then chooses among its own facts that no part before it took, nor repeats (see
    :func:`~briefgen.select.selector.repeats`), nor restates in other words
    (:class:`~briefgen.select.statements.Statements`, over every fact), and
    chooses for what is new: the concepts printed before earn it nothing
    (``Params.stated``). A memo states each fact once. Within a part, the same holds
    (:func:`~briefgen.select.statements.choose_apart`).
    """
    # No part prints a sentence opening with the surname of someone the reader has not met.
    facts = [f for f, name in zip(facts, unintroduced(facts), strict=True) if name is None]
    grouped = classify(facts, template.sorted_sections)
    log.info("facts per section: %s", ", ".join(f"{key} {len(fs)}" for key, fs in grouped.items()))
    statements = Statements(f.text for f in facts)
    # Short sentences only where the coverage has nothing else to print (notes, headlines): the
    # bottom line, which sees every fact, takes them only if it can print nothing longer, and a
    # section then only if the bottom line did ("The child was saved." under a heading of its own).
    # The bottom line states the news in the reporters' words: a quotation, and what leans on one, or
    # background only where the coverage has nothing else to print (Params.quotations, news_first).
    tries = [replace(MEMO, quotations=q, short_fallback=s) for s in (False, True) for q in (False, True)]
    for pool, params in [(pool, params) for pool in news_first(facts) for params in tries]:
        bluf = choose_apart(pool, statements, words=template.bluf.words or None,
                             count=template.bluf.facts or None, method=method, params=params)
        if bluf.chosen:
            break
    # What the most independent reports lead with prints first (select/lead.py).
    bluf = lead_first(bluf, facts)
    taken = list(bluf.facts)
    parts = []
    for spec in template.enabled_sections:
        # The catch-all chooses among the facts that fit no section.
        pool = unrestated(grouped[OTHER if spec.catch_all else spec.key], taken, statements)
        # What the memo has said earns a section nothing: it chooses for what is new (Params.stated).
        choice = choose_apart(pool, statements, words=spec.words, count=spec.facts, method=method,
                              params=replace(params, quotations=True, stated=stated(taken)))
        taken.extend(choice.facts)
        parts.append(Part(spec.key, spec.title, choice))
    return Selection(Part("bluf", template.bluf.title, bluf), tuple(parts), tuple(grouped.get(OTHER, ())))


def _warn_unfit(selection: Selection, template: Template) -> None:
    """Warn when the memo prints no fact, or when most it prints fit none of its template's sections."""
    unfit = {f.id for f in selection.other}
    printed = [f.id for part in (selection.bluf, *selection.sections) for f in part.choice.facts]
    if not printed:
        log.warning("the memo prints no fact: no sentence of the sources reads on its own within its budgets")
    lost = sum(1 for fid in printed if fid in unfit)
    if printed and 2 * lost > len(printed):
        total = len(selection.bluf.choice.candidates)
        log.warning("%d of the memo's %d facts fit no section of template %s (%d of all %d facts); "
                    "another template may suit this news better: see 'briefgen templates list'",
                    lost, len(printed), template.name, len(unfit), total)


def _explain(selection: Selection) -> None:
    """Log why each chosen fact is there (shown with ``--verbose``)."""
    for part in (selection.bluf, *selection.sections):
        where = "bottom line" if part.key == "bluf" else part.key
        for f in part.choice.facts:
            n = len(f.sources)
            log.info("%s: %s (score %.3f, %d source%s) %.80s", where, f.id, f.score, n,
                     "" if n == 1 else "s", f.text)


def run(
    inputs: Inputs = None,
    *,
    texts: Sequence[str] = (),
    template: TemplateArg = None,
    manifest: Input | None = None,
    method: str | None = None,
    subject: str | None = None,
    date: str | None = None,
    to: str | None = None,
    sender: str | None = None,
    banner: str | None = None,
    strict: bool = False,
    progress: Progress | None = None,
    sources: Sequence[Source] | None = None,
    limits: Limits | None = None,
) -> Run:
    """Build a briefing and keep every stage's record (see :func:`build_briefing`)."""
    # A named template is read first, so that its problems show before the inputs are read.
    named = None if template is None or (isinstance(template, str) and template == AUTO) else template
    allow_outside = limits is not None and limits.allow_outside_files
    tpl = load_template(named, allow_outside=allow_outside) if named is not None else None
    step = progress or _noop
    # Millions of small acyclic objects: the cycle collector would cost a tenth of the time at 1,000 articles.
    with collector_paused():
        found = analyse(inputs, texts=texts, manifest=manifest, strict=strict, progress=progress,
                        sources=sources, limits=limits)
        n = len(found.sources)
        log.info(
            "%d source%s, %d lines dropped, %d sentences merged into %d facts",
            n, "" if n == 1 else "s", len(found.cleaned.dropped), len(found.sentences), len(found.facts),
        )
        # Comparing sources reads the facts only: for a large batch it runs in a second process
        # while this one chooses a template and selects.
        big = len(found.facts) >= BESIDE_FACTS
        with beside(find_conflicts, found.facts, found.sources, big=big) as compared:
            kind = None
            if tpl is None:
                step("choosing a template")
                tpl, kind = choose_template(found.facts, template)
            _check_citations(tpl, found.sources)
            method = method or tpl.method
            step("sorting facts into sections")
            step("selecting facts")
            # A paper's editorial states opinion: no fact prints in an editorial's words.
            opinion = found.editorials
            printable = [f for f in found.facts
                         if not opinion or not f.sentences or f.representative.source_id not in opinion]
            selection = select_parts(printable or found.facts, tpl, method)
            step("comparing sources")
            conflicts = compared()
    selection = latest_figures(selection, conflicts)
    _explain(selection)
    _warn_unfit(selection, tpl)
    by_key = {spec.key: spec for spec in tpl.enabled_sections}
    # Footnotes cite only the sources whose own sentence names the fact's subject (facts/members.py).
    by_id = {s.id: s for s in found.sources}
    printed = Names([s.text for s in found.sources])
    sections = []
    for part in selection.sections:
        spec = by_key[part.key]
        chosen = [replace(cited(f, by_id, printed), section=spec.key) for f in part.choice.facts]
        ordered = tuple(_order(chosen, spec, found.sources))
        # Nothing fits: the section is left out, or says so when the template asks.
        intro = (spec.intro or None) if ordered else (_no_reporting(spec) or None)
        sections.append(Section(spec.key, spec.title, ordered, intro))
    section_of = {f.id: part.key for part in selection.sections for f in part.choice.candidates}
    bluf = [replace(cited(f, by_id, printed), section=section_of.get(f.id))
            for f in selection.bluf.choice.facts]
    header = MemoHeader(
        subject=subject or tpl.memo.subject or derive_subject(found.sources, found.sentences),
        date=_memo_date(tpl, found.sources, date),
        to=to if to is not None else tpl.memo.to,
        sender=sender if sender is not None else tpl.memo.sender,
        banner=banner if banner is not None else tpl.memo.banner,
    )
    briefing = Briefing(
        header=header,
        bluf=tuple(bluf),
        sections=tuple(sections),
        sources=found.sources,
        conflicts=tuple(conflicts),
        other=selection.other,
        skipped=found.skipped,
        dropped=found.cleaned.dropped,
        style=tpl.style,
        consulted=_consulted(inputs if sources is None else None, manifest, tpl,
                             seeds=sources is None and not texts and not input_list(inputs)
                             and manifest is None),
    )
    return Run(found, tpl, method, selection, briefing, kind)


def _no_reporting(spec: SectionSpec) -> str:
    """The section's ``if_empty`` line, its ``{title}`` filled in (lower case unless an acronym leads)."""
    title = spec.title
    if title[:1].isupper() and title[1:2].islower():
        title = title[:1].lower() + title[1:]
    return spec.if_empty.replace("{title}", title)


def _check_citations(template: Template, sources: Sequence[Source]) -> None:
    """Render the template's citation of every source once, so a failure names the template file.

    Raises:
        ConfigError: the citation fails or grows past its limits on a real
            source (a template's citation is checked on sample values when it
            is loaded; real titles can still break it).
    """
    from briefgen.errors import RenderError
    from briefgen.render.citation import cite

    for src in sources:
        try:
            cite(src, template.citation)
        except RenderError as exc:
            where = template.path or template.name
            raise ConfigError(f"{where}: {exc}") from None


def _consulted(inputs: Inputs, manifest: Input | None, template: Template, *, seeds: bool) -> tuple[str, ...]:
    """The local files and folders a run was asked to read or consult, for the writer to protect."""
    named = [os.fspath(i) for i in input_list(inputs)] + ([str(seeds_dir())] if seeds else [])
    local = [ref for ref in named if ref != "-" and not re.match(r"(?i)^[a-z][a-z0-9+.-]*://", ref)]
    if manifest is not None:
        local.append(os.fspath(manifest))
    local.extend(str(p) for p in template.files)
    if template.reference_docx is not None:
        local.append(str(template.reference_docx))
    return tuple(local)


def build_briefing(
    inputs: Inputs = None,
    *,
    texts: Sequence[str] = (),
    template: TemplateArg = None,
    manifest: Input | None = None,
    method: str | None = None,
    subject: str | None = None,
    date: str | None = None,
    to: str | None = None,
    sender: str | None = None,
    banner: str | None = None,
    strict: bool = False,
    progress: Progress | None = None,
    sources: Sequence[Source] | None = None,
    limits: Limits | None = None,
) -> Briefing:
    """Build a briefing from news articles.

    Args:
        inputs: What to read: one file, folder, glob pattern, http(s) URL or
            ``"-"`` (standard input), given as a ``str`` or a path, or a list
            of them. A single string is one input, never a list of
            characters. With neither ``inputs`` nor ``texts``, the bundled
            sample corpus is briefed.
        texts: Article texts given as strings (never read as paths).
        template: Template name, path or loaded :class:`Template`. None (the
            default) chooses among the packaged templates the one whose
            sections the facts fit best, keeping ``"default"`` whenever it
            fits; ``"auto"`` chooses among the user's templates too.
        manifest: A TOML, YAML or CSV file of source metadata.
        method: Ranker name (``"briefgen"``, ``"lexrank"``, ...); defaults to
            the template's.
        subject, date, to, sender, banner: Override the memo header fields.
        strict: Fail on the first unreadable input instead of skipping it.
        progress: Called with the name of each stage as it starts.
        sources: Already loaded sources, used instead of ``inputs`` and ``texts``.
        limits: Limits and containment rules for reading inputs (default
            :class:`~briefgen.sources.limits.Limits`): URLs of loopback or
            private addresses and files a manifest names outside its folder
            are refused unless it allows them.

    Returns:
        The briefing, ready for :func:`briefgen.write`.

    Raises:
        BriefgenError: for an invalid template or unusable inputs.
    """
    return run(inputs, texts=texts, template=template, manifest=manifest, method=method, subject=subject,
               date=date, to=to, sender=sender, banner=banner, strict=strict, progress=progress,
               sources=sources, limits=limits).briefing


def summarize(
    inputs: str | Source | os.PathLike[str] | Sequence[str | Source | os.PathLike[str]] = (),
    *,
    paths: Inputs = None,
    words: int = 100,
    method: str = "briefgen",
    manifest: Input | None = None,
    fill: bool = False,
    limits: Limits | None = None,
) -> list[str]:
    """A generic extractive summary: the selection behind the bottom line up front.

    Args:
        inputs: The articles: a ``str`` is always article text, a path
            (``pathlib.Path`` or any ``os.PathLike``) is always a file or
            folder to read, and a :class:`Source` is used as it is. One of
            them alone, or a list.
        paths: Files, folders, globs, URLs or ``"-"`` given as strings, read
            as :func:`build_briefing` reads its ``inputs``.
        words: Word budget of the summary.
        method: Ranker name.
        manifest: Source metadata for the files read.
        fill: Fill the budget to its end: after the selection within
            ``words``, add the best remaining sentence however long, so the
            summary runs past ``words``. This is the form benchmarks that cut
            every summary at N words (DUC) expect; the memo's budgets stay strict.
        limits: Limits and containment rules for reading (see :func:`build_briefing`).

    Returns:
        The selected sentences, verbatim, most important first (with ``fill``,
        the sentence past the budget last).

    Raises:
        InputError: nothing usable was given.
    """
    items = [inputs] if isinstance(inputs, (str, Source, os.PathLike)) else list(inputs)
    texts = [i for i in items if isinstance(i, str)]
    given = [i for i in items if isinstance(i, Source)]
    files: list[Input] = [*(i for i in items if isinstance(i, os.PathLike)), *input_list(paths)]
    odd = [i for i in items if not isinstance(i, (str, Source, os.PathLike))]
    if odd:
        raise TypeError(f"summarize() takes texts (str), paths and Source objects, "
                        f"not {type(odd[0]).__name__}")
    loaded: list[Source] = []
    if files or manifest is not None:
        loaded, _ = load_sources(files, manifest=manifest, limits=limits)
    sources = [*given, *text_sources(texts), *loaded]
    if not sources:
        raise InputError("nothing to summarise: give article texts, paths or sources")
    # Ids must be unique across plain texts and loaded files.
    sources = [replace(s, id=f"s{i}") for i, s in enumerate(sources, 1)]
    found = analyse(sources=sources)
    return [f.text for f in select(found.facts, words=words, method=method, overflow=fill)]
