"""A value one sentence gives for one measure of one thing: what the comparison of sources compares.

Plain records, made by :mod:`briefgen.facts.readings` (and :mod:`briefgen.facts.titles`)
and compared by :mod:`briefgen.facts.compare`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefgen.facts.measures import Figure

__all__ = ["DatePart", "Value"]


@dataclass(frozen=True, slots=True)
class DatePart:
    """A date as printed: known parts, or a weekday to resolve against the article's date."""

    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None


@dataclass(frozen=True, slots=True)
class Value:
    """One value a sentence gives for one measure of one thing.

    Attributes:
        type: ``"number"``, ``"date"`` or ``"title"``.
        measure: What is given ("deaths", "age", "length", "date", "title", ...).
        subject: Whose or of what ("slepi" for Slepian's age, "meeting", "crash").
        shown: The value as printed.
        figure: The figure, for a number.
        date: The date, for a date.
        role: The office words, for a title.
        scope: Place and cause terms that narrow what is counted.
        window: Content terms of the clause.
        group: Terms of the people or things counted.
        labelled: Printed words a label can use (the subject, the group, the scope).
        count: For a place where people were taken or held, the range of their count as printed
            ("78 other people ... who were also kidnapped in Chile": 78 to 78).
    """

    type: str
    measure: str
    subject: str
    shown: str
    figure: Figure | None = None
    date: DatePart | None = None
    role: frozenset[str] = frozenset()
    scope: frozenset[str] = frozenset()
    window: frozenset[str] = frozenset()
    group: frozenset[str] = frozenset()
    labelled: tuple[str, ...] = field(default=())
    count: tuple[float, float] | None = None
