"""Tolls a sentence states: the memo gives an event's toll once.

Coverage of a disaster restates its toll in many words: "a fire ... killing
60 people and injuring 162 others", "Police said another 173 people were
injured", "a fire that killed 67 of them". Such sentences share few words,
so neither the merger nor the selector's word overlap sees that they say one
thing; printed together they tell the reader the toll twice, with figures
that differ (the difference belongs to "Where sources differ").

:func:`stated_tolls` reads the tolls a sentence *states*: figures of a count
of casualties (:data:`TOLLS`) read from their own clause, that are not part
of a definite description. "The 60 young people who died", "of the 129
deaths" and "the dance-hall fire that killed 60" mention a toll the reader
already knows while the sentence says something else; "a fire that killed
67" and "rain that killed at least 82" state it. :func:`same_toll` says
whether two sentences state one toll: the same measure of the same people,
no places that differ (the figure's own narrowing, and the places each
sentence names: "throughout Europe" is not "Poland's cold front", nor "in
Romania and Bulgaria"), and figures no further apart than reports of one
count on one day (:data:`MAX_SPREAD`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from briefgen.facts.amounts import Word, split_words
from briefgen.facts.measures import figures, places, term_of

__all__ = ["MAX_SPREAD", "TOLLS", "Toll", "same_toll", "stated_tolls"]

#: Measures that count an event's casualties (keys of ``measures.CHANGING``).
TOLLS = frozenset({"deaths", "injured", "missing", "displaced", "casualties"})
#: Two statements of one toll differ at most this much (a ratio): the spread
#: of reports of one quantity on one day in ``briefgen.facts.compare``
#: (``_SAME_DAY``). 60 and 67 dead, 82 and more than 150 dead are one toll;
#: a government's 50 and activists' 200 are a disagreement the memo shows,
#: and 500 dead in the Caribbean and three on one island are two tolls.
MAX_SPREAD = 2.0
# Words that make the noun phrase before a figure or a relative clause definite.
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her", "our"})
_INDEFINITE = frozenset({"a", "an"})
_RELATIVE = frozenset({"that", "which", "who"})
# How far back a relative clause's noun phrase is searched for its determiner (tokens).
_NP_REACH = 5
_STOP = frozenset({",", ";", ":", "(", ")", "\"", "."})


class Toll(NamedTuple):
    """One stated toll: its measure, the people counted, the places narrowing it, the figure."""

    measure: str
    group: frozenset[str]
    scope: frozenset[str]
    value: float


def _definite_before(words: tuple[Word, ...], k: int) -> bool:
    """Whether the noun phrase ending just before token ``k`` opens with a definite word."""
    for j in range(k - 1, max(k - 1 - _NP_REACH, -1), -1):
        low = words[j].low
        if low in _DEFINITE:
            return True
        if low in _INDEFINITE or low in _STOP:
            return False
    return False


def _described(words: tuple[Word, ...], first: int) -> bool:
    """Whether the figure at token ``first`` belongs to a definite description.

    "the 60 young people", "of the 129 deaths": the figure's own determiner;
    "the fire that killed 60": the noun phrase a relative clause hangs from.
    """
    if first > 0 and words[first - 1].low in _DEFINITE:
        return True
    for j in range(first - 1, max(first - 4, -1), -1):
        if words[j].low in _STOP:
            return False
        if words[j].low in _RELATIVE:
            return _definite_before(words, j)
    return False


@lru_cache(maxsize=65536)
def stated_tolls(text: str) -> tuple[Toll, ...]:
    """The casualty counts ``text`` states (see the module docstring)."""
    found = [f for f in figures(text) if f.measure in TOLLS and not f.weak and f.amount.value > 0]
    if not found:
        return ()
    words = split_words(text)
    return tuple(Toll(f.measure, f.group, f.scope, f.amount.value) for f in found
                 if not _described(words, f.amount.first))


@lru_cache(maxsize=65536)
def _places(text: str) -> frozenset[str]:
    """Terms of the places ``text`` names: after "in", "throughout", ... and before "'s" ("Poland's")."""
    words = split_words(text)
    owners = {term_of(w.text[:-2]) for w in words[1:] if w.text[:1].isupper() and w.low.endswith("'s")}
    return places(text) | owners


def _one(a: Toll, b: Toll) -> bool:
    if a.measure != b.measure or a.group != b.group:
        return False
    if a.scope and b.scope and not a.scope & b.scope:
        return False
    return max(a.value, b.value) <= MAX_SPREAD * min(a.value, b.value)


def same_toll(a: str, b: str) -> bool:
    """Whether sentences ``a`` and ``b`` state one toll (see the module docstring)."""
    ta = stated_tolls(a)
    if not ta:
        return False
    tb = stated_tolls(b)
    if not tb:
        return False
    pa, pb = _places(a), _places(b)
    if pa and pb and not pa & pb:
        return False
    return any(_one(x, y) for x in ta for y in tb)
