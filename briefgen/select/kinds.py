"""Choosing a template for the news: the one whose sections the facts fit best.

Each packaged template is written for one kind of news (a summit, a disaster,
an election, ...). Given the facts, every candidate template is scored by how
well the event's most important facts fit its sections, by the template's own
words alone: the keyword and example evidence of
:func:`briefgen.select.sections.direct_evidence`, best section per fact,
averaged over the facts. Importance is how many independent sources report a
fact and how near the top of its article it stands, so the core of the story
decides, not its long tail. The preferred template (``default``) is kept
whenever it fits about as well as the best.

The sections' words alone mistake incidental words for the event (a study
that mentions a shooting, a trial that mentions a crash). So each kind of news
also has an event vocabulary (``briefgen/data/kinds.toml``, written by hand),
and its evidence is read where the story is told: the opening sentences of
each source, averaged over the sources (:func:`lead_evidence`), so what most
sources open with counts and a word deep in one article does not. Words that
name a kind of event on their own (an earthquake, an indictment) are set
apart from the words it is told in that tell other stories too (killed,
officials): those count only when some source names the event, and common
phrases that give a word another sense (a heart attack, a clinical trial) are
read as no evidence at all (:class:`Vocabulary`). A
candidate's total is its fit plus :data:`EVIDENCE_WEIGHT` times its evidence;
the fallback kind (``general``) is given :data:`FALLBACK_BAR` as its evidence,
so a specific kind is chosen only on clearer evidence than that, plus its own
words' share of the rest (a study, an excavation, an obituary: the news no
other kind covers; :func:`fallback_evidence`). A template with no vocabulary of its own (a
user's, extending none of the packaged kinds) is given the same bar and
competes on its fit.

The number of facts that decide (:data:`SAMPLE`) and the margin the preferred
template is given (:data:`PREFER_MARGIN`) were set on the DUC 2003 clusters;
:data:`EVIDENCE_WEIGHT` and :data:`FALLBACK_BAR` were chosen by 5-fold
cross-validation on labelled Multi-News and DUC clusters
(``bench/kinds_multinews.py`` gives the figures).
"""

from __future__ import annotations

import functools
import logging
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from briefgen.model import Fact, SectionSpec
from briefgen.select.sections import Corpus, corpus, direct_evidence

__all__ = [
    "EVIDENCE_WEIGHT", "FALLBACK", "FALLBACK_BAR", "OPENING_SENTENCES", "PREFER_MARGIN", "SAMPLE",
    "SAMPLE_SOURCES", "TERMS_CAP",
    "Fit", "KindChoice", "Vocabulary", "candidate_evidence", "choose_kind", "decide",
    "fallback_evidence", "importance", "kind_terms", "lead_evidence",
]

log = logging.getLogger(__name__)

#: How many of the most important facts decide the choice.
SAMPLE = 150
#: The preferred template is kept while its fit is at least ``1 - PREFER_MARGIN`` of the best's.
PREFER_MARGIN = 0.1
#: The kind of news chosen when no other makes a clear case; it has no vocabulary.
FALLBACK = "general"
#: Sentences of each source that tell its story: a news article opens with what happened. (Its own
#: knob, fitted for the choice of template; not a report's lead, :data:`briefgen.model.LEAD_SENTENCES`.)
#: Chosen with TERMS_CAP among 2-5 sentences and caps of 3-5 on the labelled Multi-News and
#: DUC clusters (bench/kinds_multinews.py; the cross-validated figure counts that choice too);
#: 3 and 3 are still among the best on all 319 labelled clusters with today's vocabulary.
OPENING_SENTENCES = 3
#: Distinct words of a kind's vocabulary in a source's opening that make full evidence.
TERMS_CAP = 3
#: Sources whose openings are read at most: a larger batch is sampled evenly, so the cost stays
#: flat (the mean over 300 sources is as plain as over all; the subject line samples the same).
SAMPLE_SOURCES = 300
#: Weight of the event vocabulary's evidence (0 to 1) against the sections' fit. Chosen with
#: FALLBACK_BAR on 288 Multi-News validation clusters labelled by hand (two readers) and the 31
#: DUC 2003 development clusters (bench/kinds_multinews.py --cv): the middle of the pairs best
#: on all 319 clusters (0.75 and 1.0, 293 right each); 5-fold cross-validation chooses 0.75 or
#: 1.0 in every fold and scores 91.0% on Multi-News. (0.5 before the vocabulary's senses and
#: support words, on the first 113.)
EVIDENCE_WEIGHT = 1.0
#: The evidence the fallback kind is given at least: a specific kind must show more (with its
#: fit). Chosen with EVIDENCE_WEIGHT (0.55 in every fold).
FALLBACK_BAR = 0.55
# Importance falls with a fact's position in its article: 1 / (1 + index / _LEAD) + _FLOOR.
_LEAD = 5.0
_FLOOR = 0.2


@dataclass(frozen=True, slots=True)
class Fit:
    """How well the facts fit one template.

    Attributes:
        name: The template's name.
        score: Mean over the deciding facts of each fact's best section evidence
            (0 when no fact names anything the template's sections name).
        sections: Each section's share of that evidence, in template order.
        evidence: The kind's event vocabulary in the sources' openings (0 to 1;
            see :func:`lead_evidence`), None when it was not weighed.
        total: What the choice compares: ``score``, plus the weighed evidence
            when there is some.
    """

    name: str
    score: float
    sections: tuple[tuple[str, float], ...]
    evidence: float | None = None
    total: float = 0.0


@dataclass(frozen=True, slots=True)
class KindChoice:
    """The template chosen for the facts, every candidate's fit, and why.

    Attributes:
        name: The chosen template's name.
        fits: Every candidate's fit, best first.
        reason: One line saying why the choice fell as it did.
        facts: How many facts decided.
    """

    name: str
    fits: tuple[Fit, ...]
    reason: str
    facts: int

    def fit(self, name: str) -> Fit | None:
        """The fit of the candidate ``name``, if it was one."""
        return next((f for f in self.fits if f.name == name), None)


def _pattern(words: Sequence[str]) -> re.Pattern[str]:
    """One pattern matching any of ``words`` as whole words; ``word*`` matches words it begins."""
    parts = []
    for word in words:
        stem = word.rstrip("*")
        body = re.escape(stem).replace(r"\ ", r"\s+")
        parts.append(body + (r"[\w-]*" if word.endswith("*") else r"(?!\w)"))
    # The word boundary once, before the alternatives: inside a word the match fails at once.
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + ")", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """One kind's event vocabulary (``briefgen/data/kinds.toml``).

    Attributes:
        words: Words that name the kind of event on their own (an earthquake, an indictment).
        support: Words the kind is told in that also tell other stories (killed, officials,
            million): they count only where some source names the event with ``words``.
        senses: Phrases in which a word of the kind means something else (a heart attack, the
            terracotta army, a clinical trial); their words do not count.
    """

    words: re.Pattern[str]
    support: re.Pattern[str] | None = None
    senses: re.Pattern[str] | None = None

    def plain(self, text: str) -> str:
        """``text`` with the phrases that give the kind's words another sense blanked out."""
        return self.senses.sub(" ", text) if self.senses is not None else text

    def named(self, plain: str) -> set[str]:
        """The distinct ``words`` in a :meth:`plain` text, lower-cased."""
        return {m.group(0).lower() for m in self.words.finditer(plain)}

    def supporting(self, plain: str) -> set[str]:
        """The distinct ``support`` words in a :meth:`plain` text, lower-cased."""
        return {m.group(0).lower() for m in self.support.finditer(plain)} if self.support else set()

    def found(self, text: str) -> tuple[set[str], set[str]]:
        """The distinct ``words`` and ``support`` of the kind in ``text``, lower-cased, in their sense."""
        plain = self.plain(text)
        words = self.named(plain)
        return words, self.supporting(plain) - words

    def search(self, text: str) -> bool:
        """Whether ``text`` names the kind of event (one of ``words``, in its sense)."""
        return bool(self.found(text)[0])


def _optional(words: Sequence[str]) -> re.Pattern[str] | None:
    return _pattern(words) if words else None


@functools.cache
def kind_terms() -> dict[str, Vocabulary]:
    """Each kind's event vocabulary (``briefgen/data/kinds.toml``)."""
    raw = resources.files("briefgen.data").joinpath("kinds.toml").read_text("utf-8")
    return {kind: Vocabulary(_pattern(table["words"]), _optional(table.get("support", ())),
                             _optional(table.get("senses", ())))
            for kind, table in tomllib.loads(raw)["kinds"].items()}


def lead_evidence(facts: Sequence[Fact], *, lead: int = OPENING_SENTENCES,
                  cap: int = TERMS_CAP) -> dict[str, float]:
    """How plainly each kind's vocabulary tells the story where the sources open it.

    For every source, the distinct words of a kind in its first ``lead``
    sentences (:meth:`Vocabulary.found`), ``cap`` or more counting 1; averaged
    over the sources. A kind all sources open with scores near 1; a word deep
    in one article, nothing. The kind's support words count only when some
    source's opening names the event with one of its words: deaths in every
    opening are no disaster's unless a quake, a crash or a flood is named.
    """
    openings: dict[str, list[str]] = {}
    for fact in facts:
        for s in fact.sentences:
            if s.index < lead:
                openings.setdefault(s.source_id, []).append(s.text)
    if not openings:
        return {kind: 0.0 for kind in kind_terms()}
    texts = [" ".join(parts) for parts in openings.values()]
    if len(texts) > SAMPLE_SOURCES:
        step = len(texts) / SAMPLE_SOURCES
        texts = [texts[int(i * step)] for i in range(SAMPLE_SOURCES)]
    out = {}
    for kind, vocabulary in kind_terms().items():
        plain = [vocabulary.plain(t) for t in texts]
        words = [vocabulary.named(p) for p in plain]
        counts = [len(w) for w in words]
        if any(counts):  # the event is named: its support words count too
            counts = [len(w | vocabulary.supporting(p)) for w, p in zip(words, plain, strict=True)]
        out[kind] = float(sum(min(n, cap) / cap for n in counts) / len(counts))
    return out


class _Filed(Protocol):
    """A template as far as its kind goes: its file and every file it extends, nearest first."""

    @property
    def files(self) -> tuple[Path, ...]: ...


def candidate_evidence(facts: Sequence[Fact], templates: Mapping[str, _Filed]) -> dict[str, float]:
    """Each candidate template's :func:`lead_evidence`, by the kind it is of.

    The nearest of a template's own file and those it extends that is named
    after a kind gives it that kind's vocabulary, else its own name does (a
    user's ``nightclub.toml`` extending ``disaster`` is of the disaster kind).
    A template of no kind is left out, and so is one of the fallback's kind
    but of another name: the fallback's words only raise the fallback's bar
    (:func:`fallback_evidence`), and a user's template extending ``general``
    competes on its fit, as one of no kind does.
    """
    found = lead_evidence(facts)
    out = {}
    for name, template in templates.items():
        kind = next((p.stem for p in template.files if p.stem in found), name)
        if kind in found and (kind != FALLBACK or name == FALLBACK):
            out[name] = found[kind]
    return out


def importance(facts: Sequence[Fact]) -> npt.NDArray[np.float64]:
    """Each fact's weight in the choice: independent reports times nearness to its article's top."""
    if not facts:
        return np.zeros(0)
    reports = np.array([max(f.independent, 1) for f in facts], dtype=np.float64)
    position = np.array([min(s.index for s in f.sentences) if f.sentences else 0 for f in facts],
                        dtype=np.float64)
    return reports * (1.0 / (1.0 + position / _LEAD) + _FLOOR)


def _fit(name: str, terms: Corpus, sections: Sequence[SectionSpec]) -> Fit:
    evidence = direct_evidence(terms, sections)
    if evidence.size == 0:
        return Fit(name, 0.0, tuple((s.key, 0.0) for s in sections))
    best = evidence.max(axis=1)
    owner = evidence.argmax(axis=1)
    total = float(best.sum())
    shares = tuple(
        (s.key, float(best[owner == j].sum()) / total if total > 0 else 0.0) for j, s in enumerate(sections)
    )
    return Fit(name, float(best.mean()), shares)


def _describe(fit: Fit) -> str:
    ranked = sorted(fit.sections, key=lambda kv: -kv[1])
    parts = [f"{key} {share:.0%}" for key, share in ranked if share >= 0.05]
    if fit.evidence is not None:
        parts.append(f"fit {fit.score:.3f}, openings {fit.evidence:.2f}")
    return f"{fit.name} {fit.total:.3f}" + (f" ({', '.join(parts)})" if parts else "")


def choose_kind(
    facts: Sequence[Fact],
    candidates: Sequence[tuple[str, Sequence[SectionSpec]]],
    *,
    prefer: str = "default",
    sample: int = SAMPLE,
    margin: float = PREFER_MARGIN,
    evidence: Mapping[str, float] | None = None,
    fallback: str | None = FALLBACK,
    weight: float = EVIDENCE_WEIGHT,
    bar: float = FALLBACK_BAR,
) -> KindChoice:
    """Choose among ``candidates`` the template whose sections the facts fit best.

    Args:
        facts: Every fact of the briefing.
        candidates: ``(name, sections)`` of each template to choose among; the
            sections are those facts are sorted into (no catch-all).
        prefer: The template kept whenever it fits within ``margin`` of the
            best (the packaged ``default``); the first candidate breaks other ties.
        sample: How many of the most important facts decide (see :func:`importance`).
        margin: The preferred template's allowance, a fraction of the best total.
        evidence: Each candidate's event-vocabulary evidence (see
            :func:`lead_evidence`); a candidate without any is given ``bar``,
            ``fallback`` :func:`fallback_evidence`. None weighs the sections' fit alone.
        fallback: The candidate that needs no evidence of its own (``general``).
        weight: The evidence's weight in a candidate's total.
        bar: The evidence given to candidates without a vocabulary, and the least
            ``fallback`` is given.

    Returns:
        The choice; with no candidates it names ``prefer``.
    """
    if not candidates:
        return KindChoice(prefer, (), "no template to choose from", 0)
    weight_of = importance(facts)
    order = np.argsort(-weight_of, kind="stable")[:sample]
    deciding = [facts[int(i)] for i in sorted(order)]
    terms = corpus(deciding)
    fits = [_fit(name, terms, sections) for name, sections in candidates]
    return decide(fits, len(deciding), prefer=prefer, margin=margin, evidence=evidence, fallback=fallback,
                  weight=weight, bar=bar)


def fallback_evidence(own: float, bar: float) -> float:
    """The evidence the fallback kind is given: ``bar``, and its own vocabulary's share of the rest.

    ``general`` has words of its own (a study, an excavation, an obituary), for the news no
    other kind covers; where the sources open with them the fallback is harder to beat.
    """
    return bar + (1.0 - bar) * own


def decide(
    fits: Sequence[Fit],
    deciding: int,
    *,
    prefer: str = "default",
    margin: float = PREFER_MARGIN,
    evidence: Mapping[str, float] | None = None,
    fallback: str | None = FALLBACK,
    weight: float = EVIDENCE_WEIGHT,
    bar: float = FALLBACK_BAR,
) -> KindChoice:
    """The choice among candidates whose sections' fits are known (see :func:`choose_kind`).

    ``deciding`` is how many facts the fits were measured on; the other
    arguments are :func:`choose_kind`'s. Also used by the benchmark to weigh
    the evidence in other ways without measuring the fits again.
    """
    if evidence is not None:
        shown = {f.name: (fallback_evidence(evidence.get(f.name, 0.0), bar) if f.name == fallback
                          else evidence.get(f.name, bar)) for f in fits}
        fits = [replace(f, evidence=shown[f.name], total=f.score + weight * shown[f.name]) for f in fits]
    else:
        fits = [replace(f, evidence=None, total=f.score) for f in fits]
    ranked = tuple(sorted(fits, key=lambda f: -f.total))  # stable: candidate order breaks ties
    best = ranked[0]
    preferred = next((f for f in fits if f.name == prefer), None)
    runner = ranked[1] if len(ranked) > 1 else None
    if not deciding or best.total <= 0:
        name = preferred.name if preferred else best.name
        reason = f"no fact names what any template's sections name: {name} by default"
    elif preferred is best:
        name = prefer
        reason = f"{_describe(best)} fits best" + (f"; next {_describe(runner)}" if runner else "")
    elif preferred is not None and preferred.total >= (1.0 - margin) * best.total:
        name = prefer
        reason = (f"{_describe(preferred)} fits within {margin:.0%} of {_describe(best)}, "
                  f"and {prefer} is kept whenever it fits")
    else:
        name = best.name
        reason = f"{_describe(best)} fits best" + (f"; next {_describe(runner)}" if runner else "")
        if preferred is not None and preferred is not runner and preferred is not best:
            reason += f"; {prefer} {preferred.total:.3f}"
        if best.name == fallback and evidence is not None:
            reason += f" (no other kind's vocabulary opens the sources above {bar:.2f})"
    log.debug("template fits: %s", ", ".join(f"{f.name} {f.total:.3f}" for f in ranked))
    return KindChoice(name, ranked, reason, deciding)
