"""One onset, one fact: two sentences that say one thing began on the same day restate it.

Coverage dates the start of what it reports, each outlet in its own words:
"Poland's extreme cold began Nov. 16, with temperatures dropping to minus 26
Celsius" and "The cold wave hit on Nov. 16, making it one of the coldest
Novembers in Poland". The two share the date and the thing, little else.

:func:`same_onset` calls two sentences one fact when each says that
something began (:data:`_STARTED`: "began", "started", "hit", "struck",
"erupted", "broke out", "set in") on a date (a month and a day), the dates
are the same (and the years, where both give one), and a content word of what
began (the :data:`BEFORE` words before the verb, after any comma, reporting verb
or "that") is the same in both ("cold"). Different things that began on
one day ("The strike began Nov. 16", "The cold began Nov. 16") stay apart.

It is used where the memo keeps restatements apart
(:class:`briefgen.select.statements.Statements`), not by summaries.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen.text.words import content_terms

__all__ = ["BEFORE", "onsets", "same_onset"]

#: Words before the verb that say what began ("Poland's extreme cold began", "The cold wave hit").
#: Set without data: a short noun phrase.
BEFORE = 4

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_STARTED = re.compile(
    r"\b(?:began|begun|begins|started|starts|hit|hits|struck|strikes|erupted|erupts|broke\s+out|set\s+in)"
    r"\s+(?:on\s+)?(?:\w+,?\s+)?(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
    r"(?P<day>\d{1,2})\b(?!\s*(?:%|percent|million|billion|years?|months?|weeks?|days?|ago))"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?",
    re.IGNORECASE)
_WORD = re.compile(r"[\w'\u2019-]+")
# Where what began starts: after a comma, a reporting verb or "that" ("Police said the attack began
# ...": the attack, not the police).
_SUBJECT_START = re.compile(r".*(?:,|\b(?:said|says|told|reported|reports|according to|that)\b)",
                            re.IGNORECASE | re.DOTALL)


@lru_cache(maxsize=65536)
def onsets(text: str) -> tuple[tuple[tuple[int, int, int], frozenset[str]], ...]:
    """What ``text`` says began on a date: each the (year or 0, month, day) and the content terms of
    what began."""
    out = []
    for m in _STARTED.finditer(text):
        head = text[max(0, m.start() - 200):m.start()]
        cut = _SUBJECT_START.match(head)
        before = _WORD.findall(head[cut.end():] if cut else head)[-BEFORE:]
        what = frozenset(content_terms(" ".join(before)))
        if what:
            month = _MONTHS.index(m.group("month").lower()[:3]) + 1
            out.append(((int(m.group("year") or 0), month, int(m.group("day"))), what))
    return tuple(out)


def same_onset(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` say one thing began on the same day (see the module docs)."""
    return any(_same_day(da, db) and wa & wb for da, wa in onsets(a) for db, wb in onsets(b))


def _same_day(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    """Whether two (year, month, day) dates are one day; a year given on one side only is not compared."""
    return a[1:] == b[1:] and (not a[0] or not b[0] or a[0] == b[0])
