"""Sentences that open on the past: a date before the coverage's own, early in the sentence.

"Workers digging a well outside Xi'an in 1974 struck upon the terracotta army"
and "Thirty years ago this month the U.S. signed the Montreal Protocol" are
background to the news, however many of the coverage's words they hold.
:func:`looks_back` tells them apart by their dates alone: a year earlier than
the coverage's (:func:`coverage_year`) after a word that dates something ("in
1941", "until 1991", "April 30, 1941", "the 1966 storm"), a decade ("the
1990s"), or a span reaching back ("years ago", "for a decade"). A date late in
the sentence ("... have decreased markedly since 1998, a new study says") is
the news's context, not its subject, and does not count; nor does a date
after "since" ("its lowest level since September 2008"), which measures the
news rather than telling the past.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["EARLY", "YEAR", "coverage_year", "looks_back"]

#: A year as news writes one: four digits from 1500 to 2099, not inside a longer number, an amount
#: or a decimal ("$1,999", "2,000,000", "1.2000").
YEAR = re.compile(r"(?<![\d$.,])(1[5-9]\d\d|20\d\d)(?!,?\d)")

_MONTHS = (r"january|february|march|april|may|june|july|august|september|october|november|december"
           r"|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.")
# A dated year (group 1), a decade (group 2), or a span back that needs no year.
_BACK = re.compile(
    rf"\b(?:in|from|until|till|of|by|between|early|late|mid|the|before|after|{_MONTHS})"
    r"[ -](?:\d{1,2},? )?(1[5-9]\d\d|20\d\d)(?!,?\d)"
    r"|\b(1[5-9]\d0|20\d0)['\u2019]?s\b"
    r"|\b(?:years|decades|centuries) ago\b"
    r"|\bfor (?:a|two|three|several|many) (?:decades?|years|centuries)\b",
    re.IGNORECASE)
# "Since" before a date measures the news against it ("its lowest level since September 2008"): a
# comparison, not a look back.
_SINCE = re.compile(r"\bsince\s+(?:the\s+|early\s+|late\s+|mid-?)?$", re.IGNORECASE)

#: Share of a sentence, from its start, within which a date makes the sentence look back. A
#: half, so the date falls in the sentence's main clause; not fitted (0.33 and 0.67 give the same
#: first bullets on the labelled clusters of ``bench/main_news.py``).
EARLY = 0.5


def coverage_year(texts: Iterable[str], *, ahead: re.Pattern[str] | None = None) -> int | None:
    """The latest year ``texts`` name, skipping texts ``ahead`` matches; None when none names one.

    It stands for the year the coverage was written in. Reporters date the
    present by weekday ("on Tuesday") more than by year, so it can fall short of
    that year, and then fewer sentences look back, never more. ``ahead`` (a
    pattern of the future tense) keeps a plan's target year ("by 2030") from
    making the present look like the past.
    """
    latest: int | None = None
    for text in texts:
        years = YEAR.findall(text)
        if years and (ahead is None or ahead.search(text) is None):
            latest = max(latest or 0, *map(int, years))
    return latest


def looks_back(text: str, year: int | None, *, early: float = EARLY) -> bool:
    """Whether ``text`` dates what it opens on before ``year``, within its first ``early`` share.

    With ``year`` None (the coverage names no year) only a span back ("years
    ago", "for a decade") counts.
    """
    limit = early * len(text)
    for m in _BACK.finditer(text):
        if m.start() > limit:
            break
        if _SINCE.search(text, max(0, m.start() - 20), m.start()):
            continue
        dated = m.group(1) or m.group(2)
        if dated is None or (year is not None and int(dated) < year):
            return True
    return False
