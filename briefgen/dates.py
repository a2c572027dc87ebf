"""Memo dates: checking a date the user gives and printing one the way a memo does."""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["format_date", "parse_date"]

# "%-d" and "%-m" (a day or month without its leading zero) are glibc
# extensions of strftime; they are expanded here so every platform prints them.
_NO_PAD = re.compile(r"%-([dm])")


def format_date(day: dt.date, fmt: str) -> str:
    """``day`` in strftime format ``fmt``, with ``%-d``/``%-m`` for an unpadded day or month."""
    expanded = _NO_PAD.sub(lambda m: str(day.day if m.group(1) == "d" else day.month), fmt)
    return day.strftime(expanded)


def parse_date(value: str, *, today: dt.date | None = None) -> dt.date:
    """A date the user gave: ``YYYY-MM-DD`` or ``today``.

    Raises:
        ValueError: with a message fit for one error line.
    """
    text = value.strip()
    if text.lower() == "today":
        return today or dt.date.today()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"{value!r} is not a date of the form YYYY-MM-DD (or 'today')")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{value!r} is not a real date") from None
