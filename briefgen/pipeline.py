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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from briefgen.classify import OTHER, classify
from briefgen.clean import CleanResult, clean
from briefgen.config import SectionSpec, Template, load_template
from briefgen.conflicts import find_conflicts
from briefgen.dedupe import cluster
from briefgen.errors import InputError
from briefgen.ingest import infer_metadata, load_sources
from briefgen.model import Briefing, Fact, Line, MemoHeader, Section, Sentence, Skipped, Source
from briefgen.parallel import pmap
from briefgen.resources import seeds_dir
from briefgen.segment import segment
from briefgen.select import select
from briefgen.text import content_terms

__all__ = ["Analysis", "analyse", "build_briefing", "summarize"]

log = logging.getLogger(__name__)

Input = str | os.PathLike[str]
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


def analyse(
    inputs: Iterable[Input] | None = None,
    *,
    manifest: Input | None = None,
    strict: bool = False,
    progress: Progress | None = None,
    sources: Sequence[Source] | None = None,
) -> Analysis:
    """Read, clean, split and deduplicate the inputs.

    Args:
        inputs: Files, folders, globs, URLs or ``"-"``; none means the bundled
            sample corpus.
        manifest: A TOML, YAML or CSV file of source metadata.
        strict: Fail on the first unreadable input instead of skipping it.
        progress: Called with the name of each stage as it starts.
        sources: Already loaded sources, used instead of ``inputs``.

    Raises:
        InputError: when no usable source or no article sentence remains.
    """
    step = progress or _noop
    skipped: list[Skipped] = []
    if sources is None:
        step("reading sources")
        paths = list(inputs) if inputs is not None else []
        loaded, skipped = load_sources(paths or [seeds_dir()], manifest=manifest, strict=strict)
        sources = loaded
    if not sources:
        raise InputError("no usable sources in the inputs")
    step("cleaning")
    cleaned = clean(sources)
    step("splitting sentences")
    per_source = pmap(_split, [(src, cleaned.blocks.get(src.id, ())) for src in sources])
    sentences = [s for split in per_source for s in split]
    if not sentences:
        names = ", ".join(src.origin for src in sources[:3]) + (", ..." if len(sources) > 3 else "")
        raise InputError(f"no article sentences found in the inputs ({names})")
    step("merging facts across sources")
    facts = cluster(sentences, sources)
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
    wanted = date if date is not None else template.memo.date
    fmt = template.memo.date_format
    if wanted == "today":
        return dt.date.today().strftime(fmt)
    if wanted:
        try:
            return dt.date.fromisoformat(wanted).strftime(fmt)
        except ValueError:
            return wanted
    dated = sorted(s.date for s in sources if s.date)
    for iso in reversed(dated):
        try:
            return dt.date.fromisoformat(iso[:10]).strftime(fmt)
        except ValueError:
            continue
    return ""


def _explain(where: str, facts: Sequence[Fact]) -> None:
    """Log why each chosen fact is there (shown with ``--verbose``)."""
    for f in facts:
        log.info("%s: %s (score %.3f, %d sources) %.80s", where, f.id, f.score, len(f.sources), f.text)


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


def build_briefing(
    inputs: Iterable[Input] | None = None,
    *,
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
        inputs: Files, folders, globs, URLs or ``"-"``; none briefs the
            bundled sample corpus.
        template: Template name, path or loaded :class:`Template`.
        manifest: A TOML, YAML or CSV file of source metadata.
        method: Ranker name (``"briefgen"``, ``"lexrank"``, ...); defaults to
            the template's.
        subject, date, to, sender, banner: Override the memo header fields.
        strict: Fail on the first unreadable input instead of skipping it.
        progress: Called with the name of each stage as it starts.
        sources: Already loaded sources, used instead of ``inputs``.

    Returns:
        The briefing, ready for :func:`briefgen.write`.

    Raises:
        BriefgenError: for an invalid template or unusable inputs.
    """
    tpl = load_template(template)
    method = method or tpl.method
    step = progress or _noop
    found = analyse(inputs, manifest=manifest, strict=strict, progress=progress, sources=sources)
    step("sorting facts into sections")
    specs = tpl.enabled_sections
    grouped = classify(found.facts, specs)
    log.info(
        "%d sources, %d lines dropped, %d sentences merged into %d facts",
        len(found.sources), len(found.cleaned.dropped), len(found.sentences), len(found.facts),
    )
    log.info("facts per section: %s", ", ".join(f"{key} {len(fs)}" for key, fs in grouped.items()))
    step("selecting facts")
    bluf = select(found.facts, words=tpl.bluf.words or None, count=tpl.bluf.facts or None, method=method)
    _explain("bottom line", bluf)
    in_bluf = {f.id for f in bluf}
    sections = []
    for spec in specs:
        pool = [f for f in grouped[spec.key] if f.id not in in_bluf]
        chosen = select(pool, words=spec.words, count=spec.facts, method=method) if pool else []
        chosen = [replace(f, section=spec.key) for f in chosen]
        _explain(spec.key, chosen)
        ordered = tuple(_order(chosen, spec, found.sources))
        sections.append(Section(spec.key, spec.title, ordered, spec.intro or None))
    section_of = {f.id: f.section for fs in grouped.values() for f in fs}
    bluf = [replace(f, section=section_of.get(f.id)) for f in bluf]
    step("comparing sources")
    conflicts = find_conflicts(found.facts, found.sources)
    header = MemoHeader(
        subject=subject or tpl.memo.subject or derive_subject(found.sources),
        date=_memo_date(tpl, found.sources, date),
        to=to if to is not None else tpl.memo.to,
        sender=sender if sender is not None else tpl.memo.sender,
        banner=banner if banner is not None else tpl.memo.banner,
    )
    return Briefing(
        header=header,
        bluf=tuple(bluf),
        sections=tuple(sections),
        sources=found.sources,
        conflicts=tuple(conflicts),
        other=tuple(grouped.get(OTHER, ())),
        skipped=found.skipped,
        dropped=found.cleaned.dropped,
        template=tpl,
    )


def _as_sources(items: Sequence[str | Source | os.PathLike[str]]) -> tuple[list[Source] | None, list[Input]]:
    texts: list[Source] = []
    paths: list[Input] = []
    for item in items:
        if isinstance(item, Source):
            texts.append(item)
        elif isinstance(item, os.PathLike) or "\n" not in item and len(item) < 4096 and (
            item == "-" or item.startswith(("http://", "https://")) or Path(item).exists()
        ):
            paths.append(item)
        else:
            n = len(texts) + 1
            origin = f"<text {n}>"
            # Title and date as for a file (a headline, else the lead cut
            # short, never a whole first paragraph the cleaner would then take
            # for the headline); the outlet only if the text names it.
            meta = infer_metadata(item, origin) if item.strip() else {}
            outlet = meta.get("outlet", "")
            if outlet in ("", origin, "Unknown outlet"):
                outlet = f"Text {n}"
            texts.append(Source(id=f"t{n}", origin=origin, text=item, outlet=outlet,
                                title=meta.get("title", ""), date=meta.get("date")))
    return (texts or None), paths


def summarize(
    inputs: Sequence[str | Source | os.PathLike[str]] | str,
    *,
    words: int = 100,
    method: str = "briefgen",
    manifest: Input | None = None,
    fill: bool = False,
) -> list[str]:
    """A generic extractive summary: the selection behind the bottom line up front.

    Args:
        inputs: Article texts as plain strings, :class:`Source` objects, or
            paths/URLs (a string naming an existing file, a folder or a URL
            is read as one; any other string is article text).
        words: Word budget of the summary.
        method: Ranker name.
        manifest: Source metadata for path inputs.
        fill: Fill the budget to its end: after the selection within
            ``words``, add the best remaining sentence however long, so the
            summary runs past ``words``. This is the form benchmarks that cut
            every summary at N words (DUC) expect; the memo's budgets stay strict.

    Returns:
        The selected sentences, verbatim, most important first (with ``fill``,
        the sentence past the budget last).
    """
    items: Sequence[str | Source | os.PathLike[str]] = [inputs] if isinstance(inputs, str) else inputs
    texts, paths = _as_sources(items)
    sources: list[Source] = list(texts or [])
    if paths:
        loaded, _ = load_sources(paths, manifest=manifest)
        sources.extend(loaded)
    # Ids must be unique across plain texts and loaded files.
    sources = [replace(s, id=f"s{i}") for i, s in enumerate(sources, 1)]
    found = analyse(sources=sources)
    return [f.text for f in select(found.facts, words=words, method=method, overflow=fill)]
