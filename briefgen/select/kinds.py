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

Nothing is fitted on data here: the only knobs are the number of facts that
decide (:data:`SAMPLE`) and the margin the preferred template is given
(:data:`PREFER_MARGIN`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from briefgen.model import Fact, SectionSpec
from briefgen.select.sections import Corpus, corpus, direct_evidence

__all__ = ["PREFER_MARGIN", "SAMPLE", "Fit", "KindChoice", "choose_kind", "importance"]

log = logging.getLogger(__name__)

#: How many of the most important facts decide the choice.
SAMPLE = 150
#: The preferred template is kept while its fit is at least ``1 - PREFER_MARGIN`` of the best's.
PREFER_MARGIN = 0.1
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
    """

    name: str
    score: float
    sections: tuple[tuple[str, float], ...]


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
    return f"{fit.name} {fit.score:.3f}" + (f" ({', '.join(parts)})" if parts else "")


def choose_kind(
    facts: Sequence[Fact],
    candidates: Sequence[tuple[str, Sequence[SectionSpec]]],
    *,
    prefer: str = "default",
    sample: int = SAMPLE,
    margin: float = PREFER_MARGIN,
) -> KindChoice:
    """Choose among ``candidates`` the template whose sections the facts fit best.

    Args:
        facts: Every fact of the briefing.
        candidates: ``(name, sections)`` of each template to choose among; the
            sections are those facts are sorted into (no catch-all).
        prefer: The template kept whenever it fits within ``margin`` of the
            best (the packaged ``default``); the first candidate breaks other ties.
        sample: How many of the most important facts decide (see :func:`importance`).
        margin: The preferred template's allowance, a fraction of the best fit.

    Returns:
        The choice; with no candidates it names ``prefer``.
    """
    if not candidates:
        return KindChoice(prefer, (), "no template to choose from", 0)
    weight = importance(facts)
    order = np.argsort(-weight, kind="stable")[:sample]
    deciding = [facts[int(i)] for i in sorted(order)]
    terms = corpus(deciding)
    fits = [_fit(name, terms, sections) for name, sections in candidates]
    ranked = tuple(sorted(fits, key=lambda f: -f.score))  # stable: candidate order breaks ties
    best = ranked[0]
    preferred = next((f for f in fits if f.name == prefer), None)
    runner = ranked[1] if len(ranked) > 1 else None
    if not deciding or best.score <= 0:
        name = preferred.name if preferred else best.name
        reason = f"no fact names what any template's sections name: {name} by default"
    elif preferred is best:
        name = prefer
        reason = f"{_describe(best)} fits best" + (f"; next {_describe(runner)}" if runner else "")
    elif preferred is not None and preferred.score >= (1.0 - margin) * best.score:
        name = prefer
        reason = (f"{_describe(preferred)} fits within {margin:.0%} of {_describe(best)}, "
                  f"and {prefer} is kept whenever it fits")
    else:
        name = best.name
        reason = f"{_describe(best)} fits best" + (f"; next {_describe(runner)}" if runner else "")
        if preferred is not None and preferred is not runner and preferred is not best:
            reason += f"; {prefer} {preferred.score:.3f}"
    log.debug("template fits: %s", ", ".join(f"{f.name} {f.score:.3f}" for f in ranked))
    return KindChoice(name, ranked, reason, len(deciding))
