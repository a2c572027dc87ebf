"""One onset, one fact: two sentences that say one thing began on the same day restate it.

Coverage dates the start of what it reports, each outlet in its own words:
"Poland's extreme cold began Nov. 16, with temperatures dropping to minus 26
Celsius" and "The cold wave hit on Nov. 16, making it one of the coldest
Novembers in Poland". The two share the date and the thing, little else.

:func:`same_onset` calls two sentences one fact when each says that
something began (:data:`_STARTED`: "began", "started", "hit", "struck",
"erupted", "broke out", "set in") on a date (a month and a day), the dates
are the same, and a content word of what began (the :data:`BEFORE` words
before the verb) is the same in both ("cold"). Different things that began on
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
    r"(?P<day>\d{1,2})\b(?!\s*(?:%|percent|million|billion))",
    re.IGNORECASE)
_WORD = re.compile(r"[\w'\u2019-]+")


@lru_cache(maxsize=65536)
def onsets(text: str) -> tuple[tuple[tuple[int, int], frozenset[str]], ...]:
    """What ``text`` says began on a date: each the (month, day) and the content terms of what began."""
    out = []
    for m in _STARTED.finditer(text):
        before = _WORD.findall(text[:m.start()])[-BEFORE:]
        what = frozenset(content_terms(" ".join(before)))
        if what:
            out.append(((_MONTHS.index(m.group("month").lower()[:3]) + 1, int(m.group("day"))), what))
    return tuple(out)


def same_onset(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` say one thing began on the same day (see the module docs)."""
    return any(da == db and wa & wb for da, wa in onsets(a) for db, wb in onsets(b))
