"""When a figure is given for, as the words of its clause say: "police said Monday", "by midday
Saturday", "yesterday", "had earlier reported"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from briefgen.facts.amounts import Word

__all__ = ["DAY_PARTS", "MONTH_WORDS", "RELATIVE_DAYS", "REPORTED", "WEEKDAYS", "clause_time",
           "named_weekdays", "said_when", "stand_in_days", "week_order"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Parts of the day, in order (1 morning ... 5 night).
DAY_PARTS = {"morning": 1, "midday": 2, "noon": 2, "afternoon": 3, "evening": 4, "night": 5, "tonight": 5}
#: Days from the article's date.
RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tonight": 0}
MONTH_WORDS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august",
                         "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
                         "jul", "aug", "sep", "sept", "oct", "nov", "dec"])
#: Verbs of an attribution whose day dates the figure ("..., police said Monday").
REPORTED = frozenset({"said", "says", "reported", "announced", "told", "added", "confirmed", "stated"})


def said_when(words: tuple[Word, ...], after: int) -> tuple[int | None, int | None, int, str] | None:
    """The day an attribution after the clause gives ("..., police said Monday"), if one does."""
    for j in range(after + 1, len(words)):
        if words[j].low not in REPORTED:
            continue
        weekday, relative, part, _, when = clause_time(words, j + 1, min(len(words) - 1, j + 3))
        if weekday is not None or relative is not None:
            return weekday, relative, part, when
    return None


def clause_time(words: tuple[Word, ...], lo: int, hi: int,
                figure: int = -1) -> tuple[int | None, int | None, int, bool, str]:
    """(weekday, days from the article date, part of day, earlier, words) the clause gives for its figure.

    A day named before the figure at ``figure`` counts only as "by Friday evening" or "as of
    Wednesday" does: "the fire Thursday night that killed 60" dates the fire, not the count.
    """
    weekday = relative = None
    part = 0
    earlier = False
    shown: list[str] = []
    for j in range(lo, hi + 1):
        low = words[j].low
        if low in WEEKDAYS and words[j].text[:1].isupper():
            if j > 0 and words[j - 1].low in ("next", "last"):
                continue
            k = j - 1 if j > 0 and words[j - 1].low not in DAY_PARTS else j - 2
            if j < figure and not (k >= 0 and words[k].low in ("by", "of", "through", "until")):
                continue
            weekday = WEEKDAYS.index(low)
            shown = [words[j].text]
            if j > 0 and words[j - 1].low in DAY_PARTS:
                part = DAY_PARTS[words[j - 1].low]
                shown.insert(0, words[j - 1].text)
            if j + 1 < len(words) and words[j + 1].low in DAY_PARTS:
                part = DAY_PARTS[words[j + 1].low]
                shown.append(words[j + 1].text)
        elif low in RELATIVE_DAYS:
            relative = RELATIVE_DAYS[low]
            shown = shown or [words[j].text]
        elif low in ("earlier", "previously", "initially", "originally"):
            earlier = True
    return weekday, relative, part, earlier, " ".join(shown)


#: A Monday. Undated coverage's weekdays are laid out on the week that starts here: any week would
#: do, the stand-in dates only order the days (see :func:`stand_in_days`).
_WEEK = dt.date(2001, 1, 1)


def named_weekdays(words: tuple[Word, ...]) -> list[int]:
    """The weekdays a sentence names as a day of its news ("headed toward southern China Friday",
    "police said Monday"); "next Friday" and "last Monday" are not."""
    out = []
    for j, w in enumerate(words):
        if w.low in WEEKDAYS and w.text[:1].isupper() \
                and not (j > 0 and words[j - 1].low in ("next", "last")):
            out.append(WEEKDAYS.index(w.low))
    return out


def week_order(days: Iterable[int]) -> dict[int, int] | None:
    """Each named weekday's place in time, for coverage whose sources carry no dates.

    Weekdays are ordered around the circle of the week, starting after its
    largest gap: coverage of one event spans days, not weeks, so Friday,
    Saturday and Sunday with Monday unnamed read Friday first, and Saturday,
    Sunday and Monday read Saturday first. ``None`` when no single gap is
    largest (every day named, or Monday, Thursday and Sunday): then nothing
    says where the week turns.
    """
    named = sorted(set(days))
    if not named:
        return None
    following = named[1:] + named[:1]
    # (days left unnamed after a day, the named day that ends the gap)
    gaps = [((after - d - 1) % 7, after) for d, after in zip(named, following, strict=True)]
    widest = max(g for g, _ in gaps)
    starts = [d for g, d in gaps if g == widest]
    if len(named) > 1 and len(starts) > 1:
        return None
    start = starts[0]
    return {d: (d - start) % 7 for d in named}


def stand_in_days(named: Mapping[str, Iterable[int]]) -> dict[str, dt.date | None]:
    """A stand-in date for each undated source: the latest weekday it names, in :func:`week_order`.

    ``named`` holds, for each source, the weekdays its lead and its counts' clauses name. The
    dates are of one arbitrary week and serve only to order the sources' figures in time (and
    to resolve "yesterday" against them); a source naming no weekday, or coverage whose
    weekdays have no order, gets ``None``.
    """
    days = {source: list(ws) for source, ws in named.items()}
    order = week_order(d for ws in days.values() for d in ws)
    out: dict[str, dt.date | None] = {}
    for source, ws in days.items():
        if order is None or not ws:
            out[source] = None
            continue
        latest = max(ws, key=order.__getitem__)
        first = _WEEK + dt.timedelta(days=min(order, key=order.__getitem__))
        out[source] = first + dt.timedelta(days=order[latest])
    return out
