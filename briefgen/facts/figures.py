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
figure of equal value and unit (read by :func:`briefgen.facts.amounts.amounts`,
so "58 %" is "58 percent" and "$5.5 billion" is "$ 5,500 million"), and a
content word near the figure in one (within :data:`NEAR` words) is in the
other sentence, what the figure is of. A figure is telling when it is a share,
a sum of money or another measurement, or a count of at least
:data:`MIN_COUNT`: small counts, ages and lengths of time recur in unrelated
statements ("five days", "41", "11 accidents" beside "apollo 11"), and
casualty counts have their own test (:mod:`briefgen.facts.tolls`). A number
written into a word ("mh370", "cfc-11", "j-32") is a name, no figure.

On the memos of the 300 Multi-News validation clusters (before the test) it
joins the bullet pairs README's "One fact, once" paragraph lists; it is used
where the memo keeps restatements apart (:class:`briefgen.select.statements.Statements`),
not by summaries.
"""

from __future__ import annotations

from functools import lru_cache

from briefgen.facts.amounts import Amount, amounts, split_words
from briefgen.text.words import content_terms

__all__ = ["MIN_COUNT", "NEAR", "same_figure", "telling_figures"]

#: Least count (a number with no unit) that tells a fact apart: below it, counts recur in
#: unrelated statements of one story. Set without data: three digits.
MIN_COUNT = 100
#: Words on either side of a figure that say what it is of ("288,000 *jobs*", "*loss* widened to
#: $ 3.3 billion"). Set without data: a short clause.
NEAR = 6
# Units of a length of time: "five days", "3,500 years", "the past four years" recur in statements of
# every kind.
_TIME_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year", "decade", "century", "age"})


@lru_cache(maxsize=65536)
def telling_figures(text: str) -> tuple[tuple[Amount, frozenset[str]], ...]:
    """The telling figures of ``text`` (see the module docs), each with the content terms near it."""
    words = split_words(text)
    out = []
    for a in amounts(text):
        if a.unit in _TIME_UNITS or (a.unit == "" and a.value < MIN_COUNT):
            continue
        glued = (a.number > 0 and not words[a.number].spaced and words[a.number - 1].text[-1:].isalnum()) or (
            a.number + 1 < len(words) and not words[a.number + 1].spaced
            and (words[a.number + 1].text[:1].isalpha() or words[a.number + 1].text == "-"))
        if glued or (a.number > 0 and words[a.number - 1].text == "-" and not words[a.number - 1].spaced):
            continue
        lo, hi = max(0, a.first - NEAR), min(len(words), a.last + 1 + NEAR)
        near = " ".join(w.text for k, w in enumerate(words[lo:hi], lo) if not a.first <= k <= a.last)
        out.append((a, frozenset(content_terms(near))))
    return tuple(out)


def same_figure(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` give one telling figure of one thing (see the module docs)."""
    first = telling_figures(a)
    if not first:
        return False
    second = telling_figures(b)
    if not second:
        return False
    terms_a, terms_b = frozenset(content_terms(a)), frozenset(content_terms(b))
    for x, near_x in first:
        for y, near_y in second:
            if x.unit == y.unit and x.value == y.value and (near_x & terms_b or near_y & terms_a):
                return True
    return False
