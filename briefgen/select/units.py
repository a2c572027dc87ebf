"""A sentence that leans on the one before it, chosen together with it.

The memo prints each sentence verbatim, so a sentence that opens "He said"
or "They also agreed" (:func:`~briefgen.select.standalone.leans`) does not
read alone. Where such a sentence is worth its place, the sentence before it
in the same article (its antecedent) may come with it, within the budget,
and the two print together, the antecedent first: a short passage of the
article as it ran. An antecedent that leans in turn brings its own, up to
:data:`MAX_CHAIN` antecedents. A sentence that is :func:`broken` (cut off,
a glued heading, a dateline) is never chosen, with or without company.

:func:`needs` says what each fact requires; :func:`in_order` puts a choice
in print order, each antecedent right before the sentence that leans on it;
:func:`passages` groups a printed list into what prints as one bullet.
Antecedents are found by position: the fact that holds the sentence at
``index - 1`` of the representative's source, and prints that very
sentence (its text is the one the source printed there).
"""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.model import Fact
from briefgen.select.standalone import broken, leans

__all__ = ["MAX_CHAIN", "antecedent_of", "follows", "in_order", "needs", "passages"]

# At most this many antecedents come with one sentence: a passage of three
# sentences at most. A sentence whose antecedents lean further back than this
# is never chosen. Set without data: one quotation's speaker is rarely more
# than two sentences back.
MAX_CHAIN = 2


def antecedent_of(facts: Sequence[Fact]) -> list[int | None]:
    """For each fact, the position of the fact that prints the sentence before its own, if any.

    The sentence before is the one at ``index - 1`` in the source of the
    fact's representative sentence. It counts only when a fact of ``facts``
    holds it and prints that same text.
    """
    where: dict[tuple[str, int], tuple[int, str]] = {}
    for k, fact in enumerate(facts):
        for s in fact.sentences:
            where.setdefault((s.source_id, s.index), (k, s.text))
    out: list[int | None] = []
    for k, fact in enumerate(facts):
        if not fact.sentences:
            out.append(None)
            continue
        rep = fact.representative
        got = where.get((rep.source_id, rep.index - 1))
        out.append(got[0] if got is not None and got[0] != k and facts[got[0]].text == got[1] else None)
    return out


def needs(facts: Sequence[Fact], standalone: bool = True) -> list[tuple[int, ...] | None]:
    """What each fact needs to be chosen: ``()`` nothing, its antecedents (nearest first), or ``None``: never.

    Args:
        facts: The candidate facts; an antecedent must be one of them.
        standalone: Apply the rules; without, every fact needs nothing.

    Returns:
        Per fact: ``()`` if it reads alone; the positions of the antecedents
        it leans on, the nearest first, when each is whole and the chain ends
        within :data:`MAX_CHAIN`; ``None`` if it is broken, or leans on
        something missing, broken or too far back.
    """
    if not standalone:
        return [() for _ in facts]
    ante = antecedent_of(facts)
    whole = [not broken(f.text) for f in facts]
    leaning = [w and leans(f.text) for f, w in zip(facts, whole, strict=True)]
    out: list[tuple[int, ...] | None] = []
    for k in range(len(facts)):
        if not whole[k]:
            out.append(None)
            continue
        chain: list[int] = []
        at: int | None = k
        while at is not None and leaning[at] and len(chain) <= MAX_CHAIN:
            nxt = ante[at]
            if nxt is None or not whole[nxt] or nxt in chain or nxt == k:
                at = None
                break
            chain.append(nxt)
            at = nxt
        ok = at is not None and not leaning[at]
        out.append(tuple(chain) if ok and len(chain) <= MAX_CHAIN else None)
    return out


def follows(first: Fact, second: Fact) -> bool:
    """Whether ``second``'s sentence comes right after one of ``first``'s in the same source."""
    if not second.sentences:
        return False
    rep = second.representative
    return any(s.source_id == rep.source_id and s.index == rep.index - 1 for s in first.sentences)


def in_order(chosen: Sequence[int], facts: Sequence[Fact]) -> list[int]:
    """``chosen`` with each fact that follows another chosen one moved right after it.

    Facts keep their order otherwise (a passage takes the place of its
    earliest-ranked member), so every antecedent prints right before the
    sentence that leans on it.
    """
    picked = set(chosen)
    ante = antecedent_of(facts)
    after: dict[int, int] = {}
    for i in chosen:
        a = ante[i]
        if a is not None and a in picked and a not in after:
            after[a] = i
    tails = set(after.values())

    def head(i: int) -> int:
        seen = {i}
        while True:
            prev = next((a for a, b in after.items() if b == i), None)
            if prev is None or prev in seen:
                return i
            seen.add(prev)
            i = prev

    out: list[int] = []
    done: set[int] = set()
    for i in chosen:
        start = head(i) if i in tails else i
        while start not in done:
            out.append(start)
            done.add(start)
            if start not in after:
                break
            start = after[start]
    out.extend(i for i in chosen if i not in done)
    return out


def passages(facts: Sequence[Fact]) -> list[list[Fact]]:
    """``facts`` in order, grouped into passages that print as one bullet.

    A fact joins the passage before it when it leans on the sentence before
    (:func:`~briefgen.select.standalone.leans`) and that sentence is the
    last fact of the passage (:func:`follows`); every other fact starts a
    passage of its own.
    """
    out: list[list[Fact]] = []
    for fact in facts:
        if out and leans(fact.text) and follows(out[-1][-1], fact):
            out[-1].append(fact)
        else:
            out.append([fact])
    return out
