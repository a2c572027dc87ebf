"""Who a fact's members are: its representative, and only sentences that state it.

:mod:`briefgen.facts.merge` gathers sentences into groups; this module turns a
group into facts. A group's representative is the member that most of the
others state (they *carry* it: :func:`briefgen.facts.same.carries`) and that
reads clearly on its own; among equals, the one the others back most (the
common core, said completely). A member that does not carry the
representative leaves it and joins the next fact made from what is left
("the mine disaster occurred on February 3, 1942" is about the disaster, but
does not say it "killed 136 Koreans and 47 Japanese"). So a fact's members,
and the sources its footnote cites, are exactly the sentences that state it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from briefgen.text.tokens import PRONOUNS
from briefgen.text.words import words

__all__ = ["clarity_penalty", "representative", "split_group"]

# Representatives of large groups are judged against this many members.
_PANEL = 12
# How much the representative's clarity and the others' backing weigh
# against the share of members that carry it.
_CLARITY = 0.6
_BACKING = 0.25


def clarity_penalty(text: str) -> float:
    """How badly a sentence reads on its own, for choosing a representative."""
    toks = words(text)
    penalty = 0.0
    first = text.lstrip()[:1]
    if not first or not (first.isupper() or first.isdigit() or first in "\"'\u201c\u2018"):
        penalty += 1.0  # a fragment: starts lower-case or with stray punctuation
    if toks and toks[0].lower() in PRONOUNS:
        penalty += 0.5
    if not text.rstrip().endswith((".", "!", "?", '"', "\u201d", "'", "\u2019")):
        penalty += 0.5
    if text.count("\u201c") != text.count("\u201d") or text.count('"') % 2:
        penalty += 0.5  # a quotation cut off by the sentence split
    if not any(w[:1].isupper() and w.lower() not in PRONOUNS for w in toks[1:]):
        penalty += 0.25  # names nobody: "We made progress," he said.
    if len(toks) < 6:
        penalty += 0.5
    elif len(toks) > 45:
        penalty += 0.25
    return penalty


def representative(members: Sequence[int], texts: Sequence[str], carries: Callable[[int, int], bool],
                   backing: Callable[[int, int], float], leans: Callable[[str], bool] | None = None) -> int:
    """The member most others carry, clear on its own, and backed most by the others' words.

    Args:
        members: Unit numbers of the group.
        texts: Each unit's text.
        carries: ``carries(x, y)``: unit ``x`` states what unit ``y`` states.
        backing: ``backing(x, y)``: weighted share of unit ``x``'s terms that
            unit ``y`` has too.
        leans: Whether a sentence leans on the one before it, so it cannot be
            printed alone (the pipeline passes the selector's
            :func:`~briefgen.select.standalone.dangling`); such a member is
            marked down like a fragment. None judges by :func:`clarity_penalty` only.
    """
    if len(members) == 1:
        return members[0]
    # In a large group the earliest members stand for the rest.
    panel = sorted(members)[:_PANEL]

    def merit(i: int) -> tuple[float, int]:
        others = [j for j in panel if j != i]
        carried = sum(carries(j, i) for j in others) / len(others)
        backed = math.fsum(backing(i, j) for j in others) / len(others)
        unclear = clarity_penalty(texts[i]) + (1.0 if leans is not None and leans(texts[i]) else 0.0)
        return (carried + _BACKING * backed - _CLARITY * unclear, -i)

    return max(members, key=merit)


def split_group(members: Sequence[int], texts: Sequence[str], carries: Callable[[int, int], bool],
                backing: Callable[[int, int], float],
                leans: Callable[[str], bool] | None = None) -> list[tuple[int, list[int]]]:
    """A merged group as facts: (representative, the members that carry it), the largest part first.

    The first fact takes the group's representative and every member that
    carries it; the members left over make the next fact, chosen the same
    way, until none is left (``leans`` as for :func:`representative`).
    """
    rest = sorted(members)
    parts: list[tuple[int, list[int]]] = []
    while rest:
        rep = representative(rest, texts, carries, backing, leans)
        kept = [u for u in rest if u == rep or carries(u, rep)]
        parts.append((rep, kept))
        taken = set(kept)
        rest = [u for u in rest if u not in taken]
    return parts
