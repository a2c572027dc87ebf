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
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from briefgen.config import SectionSpec, Template, load_template
from briefgen.dates import format_date, parse_date
from briefgen.errors import ConfigError, InputError
from briefgen.facts.conflicts import find_conflicts
from briefgen.facts.copies import with_reports
from briefgen.facts.merge import cluster
from briefgen.model import Briefing, Fact, Line, MemoHeader, Section, Sentence, Skipped, Source
from briefgen.parallel import pmap
from briefgen.resources import seeds_dir
from briefgen.select.choice import Choice, choose, select
from briefgen.select.sections import OTHER, classify
from briefgen.select.selector import repeats
from briefgen.sources.clean import CleanResult, clean
from briefgen.sources.load import infer_metadata, load_sources
from briefgen.text.sentences import segment
from briefgen.text.words import content_terms

__all__ = [
    "Analysis", "Part", "Run", "Selection", "analyse", "build_briefing", "input_list", "run", "select_parts",
    "summarize", "text_sources",
]

log = logging.getLogger(__name__)

Input = str | os.PathLike[str]
#: One input or several: a single ``str`` is one input, never iterated.
Inputs = Input | Sequence[Input] | None
Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the stages learnt before selection, for ``briefgen inspect``."""

    sources: tuple[Source, ...]
    skipped: tuple[Skipped, ...]
    cleaned: CleanResult
    sentences: tuple[Sentence, ...]
    facts: tuple[Fact, ...]


def _noop(_stage: str) -> None:
    return None


def _split(item: tuple[Source, Sequence[Line]]) -> list[Sentence]:
    """Sentences of one source's prose blocks (a worker task)."""
    source, blocks = item
    return segment(source, blocks)


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

    Each gets a title and date as a file would (a headline, else the lead cut
    short), an outlet only if the text names one (else "Text N"), and the
    origin ``<text N>``.
    """
    out = []
    for n, text in enumerate(texts, first):
        if not isinstance(text, str):
            raise TypeError(f"article texts must be str, not {type(text).__name__}")
        origin = f"<text {n}>"
        meta = infer_metadata(text, origin) if text.strip() else {}
        outlet = meta.get("outlet", "")
        if outlet in ("", origin, "Unknown outlet"):
            outlet = f"Text {n}"
        out.append(Source(id=f"t{n}", origin=origin, text=text, outlet=outlet, title=meta.get("title", ""),
                          date=meta.get("date")))
    return out


def analyse(
    inputs: Inputs = None,
    *,
    texts: Sequence[str] = (),
    manifest: Input | None = None,
    strict: bool = False,
    progress: Progress | None = None,
    sources: Sequence[Source] | None = None,
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
                                           manifest=manifest, strict=strict)
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
    step("merging facts across sources")
    facts = cluster(sentences, sources, {s.id: f"report {s.report}" if s.report else s.id for s in sources})
    return Analysis(tuple(sources), tuple(skipped), cleaned, tuple(sentences), tuple(facts))


_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


def _order(facts: Sequence[Fact], spec: SectionSpec, sources: Sequence[Source]) -> list[Fact]:
    """Facts in the order the section asks for.

    ``rank`` keeps the selector's order; ``source`` follows the articles;
    ``chronological`` puts facts by the earliest year they mention, and facts
    naming no year after them in article order.
    """
    rank = {src.id: i for i, src in enumerate(sources)}

    def position(fact: Fact) -> tuple[int, int]:
        first = fact.representative
        return (rank.get(first.source_id, len(rank)), first.index)

    if spec.sort == "chronological":

        def when(fact: Fact) -> tuple[int, tuple[int, int]]:
            years = [int(y) for y in _YEAR.findall(fact.text)]
            return (min(years) if years else 10_000, position(fact))

        return sorted(facts, key=when)
    if spec.sort == "source":
        return sorted(facts, key=position)
    return list(facts)


def _memo_date(template: Template, sources: Sequence[Source], date: str | None) -> str:
    """The memo's date: ``date``, else the template's, else the latest source date, else none.

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
    dated = sorted(s.date for s in sources if s.date)
    for iso in reversed(dated):
        try:
            return format_date(dt.date.fromisoformat(iso[:10]), fmt)
        except ValueError:
            continue
    return ""


def derive_subject(sources: Sequence[Source]) -> str:
    """The headline that shares most with the other sources' headlines and leads.

    A briefing's subject is what the coverage is about; the headline whose
    content words recur most across the other articles names it best.
    """
    titled = [s for s in sources if s.title.strip()]
    if not titled:
        return "Briefing"
    if len(titled) == 1:
        return titled[0].title.strip()
    bags = {s.id: set(content_terms(s.title + " " + s.text[:600])) for s in titled}
    # How many headlines' bags hold each term: the sum over the other sources
    # below, without a loop over every pair of sources.
    df: Counter[str] = Counter()
    for o in titled:
        df.update(bags[o.id])
    copies = Counter(o.id for o in titled)

    def centrality(src: Source) -> tuple[float, int]:
        terms = set(content_terms(src.title))
        if not terms:
            return (0.0, 0)
        shared = sum(df[t] for t in terms) - copies[src.id] * len(terms & bags[src.id])
        return (shared / (len(terms) ** 0.5), -len(src.title))

    best = max(titled, key=centrality)
    return best.title.strip()


@dataclass(frozen=True, slots=True)
class Part:
    """One part of the memo as the selector saw it: its candidates, scores and choice."""

    key: str
    title: str
    choice: Choice


@dataclass(frozen=True, slots=True)
class Selection:
    """What the memo prints and why: the one record the memo, ``-v`` and ``inspect`` read.

    Attributes:
        bluf: The bottom line's choice among every fact.
        sections: Each enabled section's choice among the facts sorted into
            it, bottom-line facts taken out.
        other: Facts that fit no section (never printed).
    """

    bluf: Part
    sections: tuple[Part, ...]
    other: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class Run:
    """A whole run: what the stages learnt, what was selected, and the briefing built from it."""

    analysis: Analysis
    template: Template
    method: str
    selection: Selection
    briefing: Briefing


def select_parts(facts: Sequence[Fact], template: Template, method: str) -> Selection:
    """Sort ``facts`` into the template's sections and choose what each part prints.

    The bottom line chooses first, among every fact; each section then
    chooses among its own facts that no part before it took, nor repeats (see
    :func:`~briefgen.select.selector.repeats`): a memo states each fact once.
    """
    specs = template.enabled_sections
    grouped = classify(facts, specs)
    log.info("facts per section: %s", ", ".join(f"{key} {len(fs)}" for key, fs in grouped.items()))
    bluf = choose(facts, words=template.bluf.words or None, count=template.bluf.facts or None, method=method)
    taken = list(bluf.facts)
    parts = []
    for spec in specs:
        pool = [f for f in grouped[spec.key] if not any(f.id == t.id or repeats(f, t) for t in taken)]
        choice = choose(pool, words=spec.words, count=spec.facts, method=method)
        taken.extend(choice.facts)
        parts.append(Part(spec.key, spec.title, choice))
    return Selection(Part("bluf", template.bluf.title, bluf), tuple(parts), tuple(grouped.get(OTHER, ())))


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
    template: str | os.PathLike[str] | Template = "default",
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
) -> Run:
    """Build a briefing and keep every stage's record (see :func:`build_briefing`)."""
    tpl = load_template(template)
    method = method or tpl.method
    step = progress or _noop
    found = analyse(inputs, texts=texts, manifest=manifest, strict=strict, progress=progress, sources=sources)
    n = len(found.sources)
    log.info(
        "%d source%s, %d lines dropped, %d sentences merged into %d facts",
        n, "" if n == 1 else "s", len(found.cleaned.dropped), len(found.sentences), len(found.facts),
    )
    step("sorting facts into sections")
    step("selecting facts")
    selection = select_parts(found.facts, tpl, method)
    _explain(selection)
    by_key = {spec.key: spec for spec in tpl.enabled_sections}
    sections = []
    for part in selection.sections:
        spec = by_key[part.key]
        chosen = [replace(f, section=spec.key) for f in part.choice.facts]
        ordered = tuple(_order(chosen, spec, found.sources))
        sections.append(Section(spec.key, spec.title, ordered, spec.intro or None))
    section_of = {f.id: part.key for part in selection.sections for f in part.choice.candidates}
    bluf = [replace(f, section=section_of.get(f.id)) for f in selection.bluf.choice.facts]
    step("comparing sources")
    conflicts = find_conflicts(found.facts, found.sources)
    header = MemoHeader(
        subject=subject or tpl.memo.subject or derive_subject(found.sources),
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
    )
    return Run(found, tpl, method, selection, briefing)


def build_briefing(
    inputs: Inputs = None,
    *,
    texts: Sequence[str] = (),
    template: str | os.PathLike[str] | Template = "default",
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
) -> Briefing:
    """Build a briefing from news articles.

    Args:
        inputs: What to read: one file, folder, glob pattern, http(s) URL or
            ``"-"`` (standard input), given as a ``str`` or a path, or a list
            of them. A single string is one input, never a list of
            characters. With neither ``inputs`` nor ``texts``, the bundled
            sample corpus is briefed.
        texts: Article texts given as strings (never read as paths).
        template: Template name, path or loaded :class:`Template`.
        manifest: A TOML, YAML or CSV file of source metadata.
        method: Ranker name (``"briefgen"``, ``"lexrank"``, ...); defaults to
            the template's.
        subject, date, to, sender, banner: Override the memo header fields.
        strict: Fail on the first unreadable input instead of skipping it.
        progress: Called with the name of each stage as it starts.
        sources: Already loaded sources, used instead of ``inputs`` and ``texts``.

    Returns:
        The briefing, ready for :func:`briefgen.write`.

    Raises:
        BriefgenError: for an invalid template or unusable inputs.
    """
    return run(inputs, texts=texts, template=template, manifest=manifest, method=method, subject=subject,
               date=date, to=to, sender=sender, banner=banner, strict=strict, progress=progress,
               sources=sources).briefing


def summarize(
    inputs: str | Source | os.PathLike[str] | Sequence[str | Source | os.PathLike[str]] = (),
    *,
    paths: Inputs = None,
    words: int = 100,
    method: str = "briefgen",
    manifest: Input | None = None,
    fill: bool = False,
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
        loaded, _ = load_sources(files, manifest=manifest)
    sources = [*given, *text_sources(texts), *loaded]
    if not sources:
        raise InputError("nothing to summarise: give article texts, paths or sources")
    # Ids must be unique across plain texts and loaded files.
    sources = [replace(s, id=f"s{i}") for i, s in enumerate(sources, 1)]
    found = analyse(sources=sources)
    return [f.text for f in select(found.facts, words=words, method=method, overflow=fill)]
