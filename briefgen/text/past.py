"""Sentences that open on the past: a date before the coverage's own, early in the sentence.

"Workers digging a well outside Xi'an in 1974 struck upon the terracotta army"
and "Thirty years ago this month the U.S. signed the Montreal Protocol" are
background to the news, however many of the coverage's words they hold.
:func:`looks_back` tells them apart by their dates alone: a year earlier than
the coverage's (:func:`coverage_year`) after a word that dates something ("in
1941", "until 1991", "April 30, 1941", "the 1966 storm"), a decade that ended
before it ("the 1990s"), or a span reaching back ("thirty years ago"). A date
late in the sentence ("... have decreased markedly since 1998, a new study
says") is the news's context, not its subject, and does not count; nor does a
date the sentence compares the news with ("its lowest level since September
2008", "more than in 2014"), nor a count that looks like a year ("in 1800
homes", "by 1800 GMT"), nor a span that may still run ("banned for two years").

:func:`timeless` tells a truth in general, which dates nothing at all: "Cancer starts when cells in
the body begin to grow out of control", "Sex is a big part of most romances": background too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefgen.text.verbs import IRREGULAR_PAST, UNLISTED_PAST
from briefgen.text.words import CALENDAR_WORDS

__all__ = ["EARLY", "YEAR", "coverage_year", "looks_back", "timeless"]

#: A year as news writes one: four digits from 1500 to 2099, not inside a longer number, an amount
#: or a decimal ("$1,999", "2,000,000", "1.2000").
YEAR = re.compile(r"(?<![\d$.,])(1[5-9]\d\d|20\d\d)(?!,?\d)")

_MONTHS = (r"january|february|march|april|may|june|july|august|september|october|november|december"
           r"|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.")
# A word that dates what follows it. Not "of", which counts as often as it dates ("a crowd of 1500
# protesters", "the Espionage Act of 1917"), but a month's "of" ("January of 2008").
_DATING = rf"(?:in|until|till|by|between|early|late|mid|the|before|after|{_MONTHS}|(?:{_MONTHS}) of)"
# A year read as a count: a plural noun or a time zone after it ("in 1800 homes", "by 1800 GMT").
_COUNTED = (r"(?!\s+(?:(?!(?:was|has|is|as|its|his|this|thus|us|does|years)\b)[a-z]+s\b"
            r"|gmt|utc|hours?|hrs|local time)\b)")
# A dated year (group 1), a decade (group 2), or a span back that needs no year.
_BACK = re.compile(
    rf"\b{_DATING}[ -](?:\d{{1,2}},? )?(1[5-9]\d\d|20\d\d)(?!,?\d|['\u2019]?s\b){_COUNTED}"
    r"|\b(1[5-9]\d0|20\d0)['\u2019]?s\b"
    r"|\b(?:years|decades|centuries) ago\b",
    re.IGNORECASE)
# Four digits a year or a decade may be: a sentence with none, and no "ago", opens on no past.
_YEARISH = re.compile(r"1[5-9]\d\d|20\d\d")
# A date in a comparison measures the news against it ("its lowest level since September 2008",
# "since the end of 2008", "more than in 2014"; "from 2014" does not date).
_COMPARED = re.compile(r"\b(?:since\b[^,.;:!?]{0,25}|than\s+)$", re.IGNORECASE)

#: Share of a sentence, from its start, within which a date makes the sentence look back. A
#: half, so the date falls in the sentence's main clause; not fitted (0.33 and 0.67 give the same
#: first bullets on the labelled clusters of ``bench/main_news.py``).
EARLY = 0.5


def coverage_year(texts: Iterable[str], *, ahead: re.Pattern[str] | None = None) -> int | None:
    """The latest year ``texts`` date something to, skipping texts ``ahead`` matches; None if none does.

    It stands for the year the coverage was written in. Only a year after a
    word that dates it counts ("in 2015", "March 2015", "the 2016 election"),
    not a flight's or a count's number. Reporters date the present by weekday
    ("on Tuesday") more than by year, so it can fall short of that year, and
    then fewer sentences look back. It can also pass it where the coverage dates
    something to come without the future tense ("the 2016 nomination" in 2015);
    ``ahead`` (a pattern of the future tense) keeps a plan's target year ("will
    halve emissions by 2030") out.
    """
    latest: int | None = None
    for text in texts:
        if not YEAR.search(text) or (ahead is not None and ahead.search(text) is not None):
            continue
        years = [int(m.group(1)) for m in _BACK.finditer(text) if m.group(1)]
        if years:
            latest = max(latest or 0, *years)
    return latest


def looks_back(text: str, year: int | None, *, early: float = EARLY) -> bool:
    """Whether ``text`` dates what it opens on before ``year``, within its first ``early`` share.

    A decade counts once it ended before ``year`` ("the 2010s" is no past in
    2015). With ``year`` None (the coverage dates nothing) only a span back
    ("thirty years ago") counts.
    """
    if _YEARISH.search(text) is None and "ago" not in text.lower():
        return False  # what _BACK can match holds a year's four digits or "ago"
    limit = early * len(text)
    for m in _BACK.finditer(text):
        if m.start() > limit:
            break
        if _COMPARED.search(text, max(0, m.start() - 40), m.start()):
            continue
        dated, decade = m.group(1), m.group(2)
        if dated is None and decade is None:
            return True
        if year is not None and (int(dated) < year if dated else int(decade) + 9 < year):
            return True
    return False


# What dates a statement or gives it a teller, for :func:`timeless`: a tense other than the present
# ("will", "has", "was"), a reporting verb in the present ("says", "claims", a study "shows"),
# "according", a word of time ("today", "now", "recently") and the calendar's words. Set without data.
_TOLD = frozenset(("will", "would", "shall", "has", "have", "had", "was", "were", "did", "could", "might",
                   "ll", "says", "say", "tells", "claims", "warns", "announces", "reports", "writes", "notes",
                   "insists", "argues", "adds", "shows", "finds", "suggests", "indicates", "reveals",
                   "according", "today", "yesterday", "tonight", "tomorrow", "now", "recent", "recently",
                   "ago", "currently", "latest", "new", "newly"))
_DATED = _TOLD | frozenset(w.lower() for w in CALENDAR_WORDS) | IRREGULAR_PAST | UNLISTED_PAST
_WORD = re.compile(r"[a-z]+|\d")
# The present progressive tells what is going on ("is launching a geese removal project").
_GOING_ON = re.compile(r"\b(?:is|are|am)\s+(?:\w+\s+)?\w+ing\b", re.IGNORECASE)
# A name after the sentence's first word ("Obama is in Hanoi."): a particular thing, not things at large.
_NAMED = re.compile(r"(?<=\S)\s+[\"'(\u201c]?[A-Z][a-z]")


def timeless(text: str) -> bool:
    """Whether ``text`` states a truth in general: no word that dates it, gives it a teller or names.

    No figure or digit, no verb in the past ("-ed" words of four letters or more, irregular past
    forms), perfect or future, no progressive, no reporting verb in the present, no word of time
    or of the calendar, and in text that writes names with capitals none after the first word:
    "Carbohydrates are found in food and include sugar, fiber and starches", "Nobody ever gets one of
    these statuette dispensaries completely right". It reads words alone, so an adjective in "-ed"
    or a noun like "new" counts as dating: it errs toward news. What it cannot tell: news in the
    present with none of these ("The suspect is in custody.", and in text that writes names in lower
    case "obama is in hanoi.") reads as general.
    """
    words = _WORD.findall(text.lower())
    if any(w.isdigit() or w in _DATED or (len(w) > 3 and w.endswith("ed")) for w in words):
        return False
    return _GOING_ON.search(text) is None and _NAMED.search(text) is None
