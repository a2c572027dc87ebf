"""When a figure is given for, as the words of its clause say: "police said Monday", "by midday
Saturday", "yesterday", "had earlier reported"."""

from __future__ import annotations

from briefgen.facts.amounts import Word

__all__ = ["DAY_PARTS", "MONTH_WORDS", "RELATIVE_DAYS", "REPORTED", "WEEKDAYS", "clause_time", "said_when"]

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
