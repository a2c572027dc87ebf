"""The memo's parts as the selector chose them, and the changes made to them after the choice.

:class:`Selection` is the one record the memo, ``-v`` and ``inspect`` read.
After the choice, :func:`latest_figures` puts the latest value in place of a
figure that later changed, and :func:`in_passages` keeps a sentence that leans
on the one before only right after it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefgen.facts.conflicts import latest
from briefgen.model import Conflict, Fact
from briefgen.select.choice import Choice
from briefgen.select.selector import MEMO, repeats
from briefgen.select.units import comes_after, follows

__all__ = ["Part", "Selection", "in_passages", "latest_figures"]

log = logging.getLogger("briefgen.pipeline")


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
            it, bottom-line facts taken out; the catch-all's among the facts
            that fit no section.
        other: Facts that fit no section (printed only by a catch-all section).
    """

    bluf: Part
    sections: tuple[Part, ...]
    other: tuple[Fact, ...]


def in_passages(key: str, candidates: Sequence[Fact], chosen: list[int]) -> list[int]:
    """``chosen`` without any fact that needs the sentence before (:func:`~briefgen.select.units.comes_after`)
    and is not right after it."""
    out: list[int] = []
    for i in chosen:
        if comes_after(candidates[i]) and not (out and follows(candidates[out[-1]], candidates[i])):
            log.info("%s: %s left out: it leans on a sentence not printed before it", key, candidates[i].id)
            continue
        out.append(i)
    return out


def latest_figures(selection: Selection, conflicts: Sequence[Conflict]) -> Selection:
    """The selection with every figure that later changed replaced by the latest one.

    A chosen fact whose sentence gives an earlier value of a figure that
    changed ("killed at least 82 people" when a later report gives 156) is
    replaced by the fact that gives the latest value (added to the part's
    candidates if need be), or left out when that fact is printed already.
    When the latest fact repeats one other printed fact that gives no figure
    that changed ("weakened Sunday after lashing Taiwan" beside "lashed Taiwan
    Sunday after killing more than 150"), it takes that fact's place, so the
    memo keeps the figure and still states each fact once; when it repeats
    more, the older figure is left out.
    A sentence that leans on the one before is then kept only right after it
    (a replaced antecedent takes it along; a leaning replacement without its
    antecedent is left out). The memo, ``-v`` and ``inspect`` all read the result.
    """
    newer = latest(conflicts)
    if not newer:
        return selection
    every = [*selection.bluf.choice.candidates,
             *(f for part in selection.sections for f in part.choice.candidates), *selection.other]
    fact_of = {(s.source_id, s.index): f for f in every for s in f.sentences}
    printed = {f.id: f for part in (selection.bluf, *selection.sections) for f in part.choice.facts}

    def newest(fact: Fact) -> Fact | None:
        """The fact giving the latest value of a figure ``fact``'s sentence gives earlier, if any."""
        first = fact.representative
        sentence = newer.get((first.source_id, first.index))
        now = fact_of.get((sentence.source_id, sentence.index)) if sentence is not None else None
        return None if now is None or now.id == fact.id else now

    swaps: dict[str, Fact] = {}
    chosen = dict(printed)  # what the parts chose; a swap can only take the place of one of these
    for fact in chosen.values():
        now = newest(fact)
        if now is None or now.id in printed:
            continue
        held = [f for k, f in printed.items() if k != fact.id and repeats(now, f, share=MEMO.link_share)]
        if len(held) == 1 and held[0].id in chosen and held[0].id not in swaps and newest(held[0]) is None:
            log.info("%s gives the latest figure, in place of %s which it repeats", now.id, held[0].id)
            swaps[held[0].id] = now
            printed[now.id] = now

    def update(part: Part) -> Part:
        candidates = list(part.choice.candidates)
        chosen: list[int] = []
        for i in part.choice.chosen:
            now = swaps.get(candidates[i].id) or newest(candidates[i])
            if now is None:
                chosen.append(i)
                continue
            if candidates[i].id not in swaps:
                # A memo states each fact once: no latest figure that repeats another printed fact.
                mine = candidates[i].id
                if now.id in printed or any(repeats(now, f, share=MEMO.link_share)
                                            for k, f in printed.items() if k != mine):
                    log.info("%s: %s left out, its latest figure (%s) is printed already", part.key,
                             candidates[i].id, now.id)
                    continue
                log.info("%s: %s gives the latest figure, not %s", part.key, now.id, candidates[i].id)
                printed[now.id] = now
            at = next((k for k, f in enumerate(candidates) if f.id == now.id), None)
            if at is None:
                candidates.append(now)
                at = len(candidates) - 1
            chosen.append(at)
        chosen = in_passages(part.key, candidates, chosen)
        if chosen == list(part.choice.chosen):
            return part
        return replace(part, choice=replace(part.choice, candidates=tuple(candidates), chosen=tuple(chosen)))

    return replace(selection, bluf=update(selection.bluf),
                   sections=tuple(update(part) for part in selection.sections))
