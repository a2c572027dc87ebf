"""One figure, one fact: two sentences that give the same telling figure of the same thing restate it.

Coverage restates its figures in other words: "58 % think there's a war on
police" and "a rasmussen poll ... found that 58 percent of respondents now
believe there is now a war on police"; "employers added 288,000 jobs" and
"nonfarm employment grew by a seasonally adjusted 288,000 jobs"; "its
quarterly loss widened to $ 3.3 billion" and "the u.s. postal service's
losses shot up to $ 3.3 billion". Such pairs share few words besides the
figure, so word overlap does not call them one fact, but a reader sees the
figure twice.

:func:`same_figure` calls two sentences one fact when each gives a *telling*
figure, a share or a sum of money, of equal value and unit (read by
:func:`briefgen.facts.amounts.amounts`, so "58 %" is "58 percent" and "$5.5
billion" is "$ 5,500 million"), not one a rise and the other a fall ("rose 12
percent", "fell 12 percent"), and :data:`MIN_SHARED` content words near the
figure in one (within :data:`NEAR` words) are in the other sentence: what the
figure is of, and what it did. Counts are not telling figures: a model's or a
flight's number ("the 737 max", "flight 370"), a phone number, a population
beside the count of those evacuated recur in statements that differ, and
casualty counts have their own test (:mod:`briefgen.facts.tolls`).

:func:`same_figures` calls two sentences one fact when they share two figures or more, of any
kind, and :data:`MIN_SHARED` content words besides: "a total of 28 cases ... including the six people
who have died" and "health workers have reported 28 overdoses, with six of them fatal"; "the hall
held at least 250 and perhaps as many as 400" against its licence for 150, twice. One shared number
is as often chance (a day of the month, "two people") as one fact; two seldom are. Of the 36 pairs of
facts of different sources in DUC 2003 and Multi-News validation this joins beyond
:func:`same_figure`, 27 state one fact; the other 9 share a background clause while each says
something else ("... two Libyans wanted for the bombing of Pan Am Flight 103, which killed 270
people", in what Albright said and in what Farrakhan urged) or name two models ("the ipad 2", "the
ipad 3"), and the memo then prints one of the two. Bare years do not count (amounts reads none: a
story's background names them in every sentence), and a figure with its conversion ("130 kph (81
mph)") is one figure.

Both are used where the memo keeps restatements apart
(:class:`briefgen.select.statements.Statements`), not by summaries.
"""

from __future__ import annotations

import math
from functools import lru_cache

from briefgen.facts.amounts import CONVERSION, Amount, amounts, split_words
from briefgen.text.words import content_set, content_terms

__all__ = ["MIN_SHARED", "NEAR", "same_figure", "same_figures", "telling_figures"]

#: Content words near a figure in one sentence that the other must hold: what the figure is of
#: and what it did ("288,000 *jobs* ... *employment*"). One is not enough: sentences of one story
#: share its words ("2,000 *people* were evacuated", "about 2,000 *people* live in the town"; "the
#: 737 *max*"). Set without data, and checked on the pairs the module docs describe.
MIN_SHARED = 2
#: Words on either side of a figure that say what it is of ("288,000 *jobs*", "*loss* widened to
#: $ 3.3 billion"). Set without data: a short clause.
NEAR = 6
# Shares and sums of money (briefgen.facts.amounts' units). Counts are left out: a model's or a
# flight's number ("the 737 max", "flight 370"), a phone number ("911") and a town's population
# beside the count of its evacuated read as counts, and casualty counts have their own test.
_TELLING_UNITS = frozenset({"percent", "$", "euro", "pound", "yen", "yuan", "won", "rupee", "ruble", "peso"})
# Words of a rise and of a fall near a figure: "rose 12 percent" and "fell 12 percent" are two facts.
_RISE = frozenset(str.split("rose rise rises rising up increase increased increases grew grow growth gain "
                            "gained gains climbed climb jumped jump soared surged higher raised"))
_FALL = frozenset(str.split("fell fall falls falling down decrease decreased decreases dropped drop drops "
                            "declined decline shrank slid slumped plunged lower lowered cut cuts"))


@lru_cache(maxsize=65536)
def telling_figures(text: str) -> tuple[tuple[Amount, frozenset[str], int], ...]:
    """The telling figures of ``text`` (see the module docs): each with the content terms near it and
    its direction (1 a rise, -1 a fall, 0 neither, read from the words near it)."""
    words = split_words(text)
    out = []
    for a in amounts(text):
        if a.unit not in _TELLING_UNITS:
            continue
        lo, hi = max(0, a.first - NEAR), min(len(words), a.last + 1 + NEAR)
        near = [w.low for k, w in enumerate(words[lo:hi], lo) if not a.first <= k <= a.last]
        direction = (any(w in _RISE for w in near)) - (any(w in _FALL for w in near))
        out.append((a, frozenset(content_terms(" ".join(near))), direction))
    return tuple(out)


def same_figure(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` give one telling figure of one thing (see the module docs)."""
    pairs = [(x, y) for x in telling_figures(a) for y in telling_figures(b) if x[0].unit == y[0].unit]
    return any(math.isclose(x.value, y.value, rel_tol=1e-9) and up_x * up_y >= 0
               and max(len(near_x & content_set(b)), len(near_y & content_set(a))) >= MIN_SHARED
               for (x, near_x, up_x), (y, near_y, up_y) in pairs)


@lru_cache(maxsize=65536)
def _figures(text: str) -> tuple[tuple[float, str], ...]:
    """The figures of ``text`` (:func:`~briefgen.facts.amounts.amounts`, which reads no bare year), a
    conversion folded into the figure it converts: "130 kph (81 mph)" reads as 130 and 130.36 kph, within
    :data:`~briefgen.facts.amounts.CONVERSION` of each other, one figure given twice."""
    out: list[tuple[float, str]] = []
    for a in amounts(text):
        if not any(u == a.unit and math.isclose(v, a.value, rel_tol=CONVERSION) for v, u in out):
            out.append((a.value, a.unit))
    return tuple(out)


def same_figures(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` share two figures or more and :data:`MIN_SHARED` content words (see the
    module docs)."""
    fb = _figures(b)
    shared = sum(any(u == w and math.isclose(v, x, rel_tol=1e-9) for x, w in fb) for v, u in _figures(a))
    return shared >= 2 and len(content_set(a) & content_set(b)) >= MIN_SHARED
