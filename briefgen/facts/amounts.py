"""Amounts as news copy prints them: the number, the range its wording allows, its unit.

:func:`amounts` finds every stated quantity in a sentence: digits ("1,037",
"$2.1 billion", "88-minute", "7.2-magnitude"), spelled numbers ("Seventeen",
"two dozen", "two and a half hours") and the words that make a number a
bound or an estimate ("at least 82", "more than 150", "nearly 400,000",
"approximately 130"). Each becomes an :class:`Amount` with the interval of
values its wording allows, so that rounding and unit conversion are not read
as disagreements:

* "about 130" allows 125 to 135 (the place of its last non-zero digit), so
  136 is another figure, but "about two hours" allows 90 to 150 minutes and
  113 minutes fits;
* "more than 800" allows anything from 800 up, so 820 fits;
* a measurement (kilometres, miles an hour, degrees) allows half a unit of
  its last digit and 2% either way, and a conversion printed beside it ("72
  kilometers (45 miles)") narrows it: 72 km and 71 km (45 and 44 miles)
  are one distance reported twice. A length of time allows only half a unit
  of its last digit (hours and minutes convert exactly): "two and a half
  hours" is 135 to 165 minutes, so "two hours and 10 minutes" is another.

:func:`change_target` tells where a change started from the figure it reached
("to 22 planes from 57", "22 aircraft _ down from 54").

Years, clock times, days of the month, flight numbers and the like are not
amounts. What an amount measures is read by :mod:`briefgen.facts.measures`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from briefgen.text.words import fold

__all__ = ["CONVERSION", "Amount", "Word", "amounts", "change_target", "format_number", "split_words"]



class Word(NamedTuple):
    """One token of a sentence: a word, a number or a punctuation mark."""

    text: str
    low: str
    spaced: bool  # white space before it ("13th" is one word glued; "- " is a free dash)


_new = tuple.__new__
_SPACED_TOKEN = re.compile(r"(\s*)(\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)*|\S)")


@lru_cache(maxsize=32768)
def split_words(text: str) -> tuple[Word, ...]:
    """The tokens of ``text`` (folded quotes and dashes), each marked when white space precedes it."""
    # tuple.__new__ builds each Word without NamedTuple's argument checks: this runs on every word.
    return tuple(_new(Word, (token, token.lower(), bool(space)))
                 for space, token in _SPACED_TOKEN.findall(fold(text)))


_ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9}
_MONTHS = frozenset(["jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun",
                     "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october",
                     "nov", "november", "dec", "december"])
# Capitalised words after which a number names something ("Flight 103", "No. 2", "Article 5").
_NAMING = frozenset(["flight", "no", "number", "route", "highway", "article", "section", "chapter",
                     "resolution", "room", "gate", "terminal", "platform", "channel", "level", "phase",
                     "grade", "class", "type", "model", "version", "line", "bus", "interstate", "apollo",
                     "boeing", "airbus", "md", "dc", "mig", "su", "uss", "hms", "seat", "pier", "exit"])

# Words before a number that make it an estimate, a lower bound or an upper bound.
_APPROX1 = frozenset({"about", "approximately", "around", "roughly", "some", "estimated", "circa", "approx"})
_NEAR = frozenset({"nearly", "almost"})
_LOWER1 = frozenset({"over", "past", "exceeding", "above"})
_UPPER1 = frozenset({"under", "below", "within"})
# Words after an amount that make it a bound: "five years or more", "10 years to life".
_AFTER = {("or", "more"): "lower", ("or", "longer"): "lower", ("to", "life"): "lower",
          ("or", "less"): "upper",
          ("or", "fewer"): "upper"}
_PAIRS = {
    ("at", "least"): "lower", ("more", "than"): "lower", ("upwards", "of"): "lower",
    ("in", "excess"): "lower",
    ("less", "than"): "upper", ("fewer", "than"): "upper", ("up", "to"): "upper", ("at", "most"): "upper",
    ("as", "many"): "upper", ("close", "to"): "near", ("an", "estimated"): "approx",
    ("no", "more"): "upper", ("well", "over"): "lower", ("just", "over"): "lower", ("just", "under"): "upper",
}

# Units of measurement: printed word -> (unit, factor to the unit).
_TIME = {"second": ("minute", 1 / 60), "seconds": ("minute", 1 / 60), "minute": ("minute", 1.0),
         "minutes": ("minute", 1.0), "hour": ("minute", 60.0), "hours": ("minute", 60.0),
         "day": ("day", 1.0), "days": ("day", 1.0), "week": ("day", 7.0), "weeks": ("day", 7.0),
         "month": ("month", 1.0), "months": ("month", 1.0), "year": ("year", 1.0), "years": ("year", 1.0)}
_MEASURES = {
    "kilometers": ("km", 1.0), "kilometres": ("km", 1.0), "kilometer": ("km", 1.0), "kilometre": ("km", 1.0),
    "km": ("km", 1.0), "miles": ("km", 1.609344), "mile": ("km", 1.609344), "meters": ("m", 1.0),
    "metres": ("m", 1.0), "meter": ("m", 1.0), "metre": ("m", 1.0), "feet": ("m", 0.3048),
    "foot": ("m", 0.3048), "yards": ("m", 0.9144), "kph": ("kph", 1.0), "mph": ("kph", 1.609344),
    "knots": ("kph", 1.852), "celsius": ("celsius", 1.0), "centigrade": ("celsius", 1.0),
    "fahrenheit": ("fahrenheit", 1.0), "acres": ("hectare", 0.404686), "hectares": ("hectare", 1.0),
    "tons": ("tonne", 0.907185), "tonnes": ("tonne", 1.0), "kilograms": ("kg", 1.0), "kg": ("kg", 1.0),
    "pounds": ("kg", 0.453592),
}
_CURRENCY_AFTER = {"dollars": "$", "yuan": "yuan", "euros": "euro", "yen": "yen", "won": "won",
                   "pesos": "peso",
                   "rupees": "rupee", "rubles": "ruble", "roubles": "ruble"}
_CURRENCY_BEFORE = {"$": "$", "dlrs": "$", "us$": "$", "usd": "$", "€": "euro", "£": "pound", "¥": "yen"}
_SPEED_RATE = frozenset({"an", "per", "a"})
#: How far a measurement converted from another system of units strays: 72 km printed as 45 miles
#: (44.7) is 0.6% off, a rounded conversion of a rounded figure up to about 2% (set by hand when
#: rounding and conversion were written; see the module docstring).
CONVERSION = 0.02


@dataclass(frozen=True, slots=True)
class Amount:
    """A quantity a sentence states.

    Attributes:
        value: The number as stated, in ``unit`` (minutes for any length of
            time, kilometres for distances, km/h for speeds).
        lo: The smallest value the wording allows.
        hi: The largest value the wording allows (``inf`` for "at least").
        unit: ``""`` for a count, else the unit ("minute", "km", "kph",
            "celsius", "$", "percent", "magnitude", "age", ...).
        shown: The amount as printed, qualifier and unit included
            ("at least 82", "88 minutes", "$2.1 billion").
        first: Index of its first token (a qualifier included).
        last: Index of its last token (the unit included).
        number: Index of the number's own token.
        bound: ``"lower"``, ``"upper"``, ``"approx"``, ``"near"`` or ``""``.
    """

    value: float
    lo: float
    hi: float
    unit: str
    shown: str
    first: int
    last: int
    number: int
    bound: str


def _digits(text: str) -> float | None:
    if "," in text:
        head, *rest = text.split(",")
        if not (1 <= len(head) <= 3 and all(len(r) == 3 and r.isdigit() for r in rest)):
            return None
        text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def _spelled(words: tuple[Word, ...], i: int) -> tuple[float, int] | None:
    """A spelled-out number at ``i``: (value, index of its last word)."""
    low = words[i].low
    if low in _ONES:
        return float(_ONES[low]), i
    if low in _TENS:
        if i + 2 < len(words) and words[i + 1].text == "-" and words[i + 2].low in _ONES:
            return float(_TENS[low] + _ONES[words[i + 2].low]), i + 2
        return float(_TENS[low]), i
    if low == "dozen" and i > 0 and words[i - 1].low == "a":
        return 12.0, i
    return None


def _place(text: str) -> float:
    """The place of the last non-zero digit of a printed number (130 -> 10, 65 -> 5, 2.1 -> 0.1)."""
    digits = text.replace(",", "")
    if "." in digits:
        fraction = digits.split(".")[1].rstrip("0")
        return 10.0 ** -len(fraction) if fraction else 1.0
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped)
    if zeros == 0 and len(digits) > 1 and digits.endswith("5"):
        return 5.0  # "about 65": a round figure
    return 10.0 ** zeros


def format_number(value: float) -> str:
    """A value as a reader reads it: "1,037", "2.1", "-15"."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _qualifier(words: tuple[Word, ...], i: int) -> tuple[str, int]:
    """The bound the words before index ``i`` put on a number, and where they start."""
    j = i
    if j > 0 and words[j - 1].low == "a" and words[i].low == "dozen":
        j -= 1
    if j >= 2 and (words[j - 2].low, words[j - 1].low) in _PAIRS:
        return _PAIRS[(words[j - 2].low, words[j - 1].low)], j - 2
    if j >= 3 and (words[j - 3].low, words[j - 2].low) in _PAIRS and words[j - 1].low in ("than", "of", "to"):
        return _PAIRS[(words[j - 3].low, words[j - 2].low)], j - 3
    if j >= 1:
        low = words[j - 1].low
        if low in _APPROX1:
            return "approx", j - 1
        if low in _NEAR:
            return "near", j - 1
        if low in _LOWER1:
            return "lower", j - 1
        if low in _UPPER1:
            return "upper", j - 1
    return "", j


def _not_an_amount(words: tuple[Word, ...], i: int, value: float, text: str) -> bool:
    """Years, days of the month, clock times, numbered names, ordinals and scores."""
    prev = words[i - 1] if i > 0 else None
    nxt = words[i + 1] if i + 1 < len(words) else None
    month = words[i - 2] if prev is not None and prev.text == "." and i > 1 else prev
    if month is not None and month.low in _MONTHS:
        return True  # "Oct. 23", "Sept. 2"
    if prev is not None and prev.text == "-" and i > 1 and words[i - 2].text[:1].isdigit():
        return True  # "1995-96"
    if prev is not None and prev.text[:1].isupper() and prev.low in _NAMING:
        return True  # "Flight 103"
    if prev is not None and prev.text in ("#", "/", ":") or nxt is not None and nxt.text in (":", "/"):
        return True  # "11:43", "9/11"
    if nxt is not None and nxt.low in ("th", "st", "nd", "rd", "am", "pm", "gmt", "bc", "ad"):
        return True
    if nxt is not None and nxt.low in ("a", "p") and i + 2 < len(words) and words[i + 2].text == ".":
        return True  # "7 p.m."
    if prev is not None and prev.text == "-" and i > 1 and words[i - 2].text[:1].isupper():
        return True  # "MD-11", "Su-27"
    if nxt is not None and nxt.text == "-" and i + 2 < len(words) and words[i + 2].text[:1].isdigit():
        return True  # "1995-96", "3-2"
    # A year.
    return "." not in text and "," not in text and len(text) == 4 and 1800 <= value <= 2100


def _unit(words: tuple[Word, ...], k: int) -> tuple[str, float, int]:
    """A unit printed at ``k`` (a hyphen before it allowed): (unit, factor, index of its last word)."""
    if k < len(words) and words[k].text == "-":
        k += 1
    if k >= len(words):
        return "", 1.0, k - 1
    low = words[k].low
    if low in _TIME:
        unit, factor = _TIME[low]
        # "52-year-old", "52 years old"
        after = k + 1
        if after < len(words) and words[after].text == "-":
            after += 1
        if unit == "year" and after < len(words) and words[after].low == "old":
            return "age", 1.0, after
        return unit, factor, k
    if low in _MEASURES:
        unit, factor = _MEASURES[low]
        # "miles an hour", "kilometers per hour"
        if unit == "km" and k + 2 < len(words) and words[k + 1].low in _SPEED_RATE \
                and words[k + 2].low == "hour":
            return "kph", factor, k + 2
        if unit == "km" and k + 4 < len(words) and words[k + 1].text == "-" and words[k + 2].low == "per" \
                and words[k + 4].low == "hour":
            return "kph", factor, k + 4
        return unit, factor, k
    if low == "degrees" or low == "degree":
        if k + 1 < len(words) and words[k + 1].low in ("celsius", "centigrade", "c"):
            return "celsius", 1.0, k + 1
        if k + 1 < len(words) and words[k + 1].low in ("fahrenheit", "f"):
            return "fahrenheit", 1.0, k + 1
        return "degree", 1.0, k
    if low in ("percent", "%") or (low == "per" and k + 1 < len(words) and words[k + 1].low == "cent"):
        return "percent", 1.0, k + (1 if low == "per" else 0)
    if low in _CURRENCY_AFTER:
        return _CURRENCY_AFTER[low], 1.0, k
    if low == "magnitude":
        return "magnitude", 1.0, k
    return "", 1.0, k - 1


def _measurement(unit: str) -> bool:
    """Units of physical measurement: a printed value is rounded to its last digit."""
    return unit not in ("", "$", "yuan", "euro", "yen", "won", "peso", "rupee", "ruble", "pound", "age",
                        "percent", "day", "month", "year")


def amounts(text: str) -> list[Amount]:
    """Every quantity ``text`` states, in order; see the module docstring."""
    words = split_words(text)
    out: list[Amount] = []
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        value: float | None = None
        last = i
        printed = w.text
        if w.text[0].isdigit():
            if i + 1 < n and words[i + 1].text[:1].isalpha() and not words[i + 1].spaced \
                    and words[i + 1].low not in ("m", "bn", "km", "kph", "mph", "kg"):
                i += 1
                continue  # "13th", "4p", "3D"
            value = _digits(w.text)
            if value is None or _not_an_amount(words, i, value, w.text):
                i += 1
                continue
        else:
            spelled = _spelled(words, i)
            if spelled is None:
                i += 1
                continue
            value, last = spelled
            # "one" is too often a pronoun ("one of the", "no one") to read alone.
            if w.low == "one" and not (last + 1 < n and words[last + 1].text == "-"):
                i += 1
                continue
            printed = " ".join(x.text for x in words[i:last + 1] if x.text != "-") if last > i else w.text
        number_index = i
        place = _place(w.text) if w.text[0].isdigit() else (6.0 if words[last].low == "dozen" else 1.0)
        # The last printed digit: what an unqualified measurement is rounded at.
        digit = 10.0 ** -len(w.text.split(".")[1]) if w.text[0].isdigit() and "." in w.text else 1.0
        # "two dozen", "2 million", "1.5 billion"
        k = last + 1
        if k < n and words[k].low == "dozen" and words[i].low != "a":
            value *= 12
            place = 6.0
            printed += " dozen"
            last = k
            k += 1
        if k < n and words[k].low in _SCALES and not (words[k].low == "hundred" and w.text[0].isdigit()):
            value *= _SCALES[words[k].low]
            place *= _SCALES[words[k].low]
            digit *= _SCALES[words[k].low]
            printed += " " + words[k].text
            last = k
            k += 1
        # "two and a half hours", "two-and-a-half-hour"
        if k + 2 < n and [x.low for x in words[k:k + 7] if x.text != "-"][:3] == ["and", "a", "half"]:
            span = k
            seen = 0
            while span < n and seen < 3:
                if words[span].text != "-":
                    seen += 1
                span += 1
            value += 0.5
            place = digit = 0.5
            printed += " and a half"
            last = span - 1
            k = span
        qualifier, first = _qualifier(words, i)
        # currency before the number: "$2.1 billion", "dlrs 2.1 billion", "US$5"
        unit = ""
        factor = 1.0
        if i > 0 and words[i - 1].low in _CURRENCY_BEFORE:
            unit = _CURRENCY_BEFORE[words[i - 1].low]
            qualifier, first = _qualifier(words, i - 1)
            first = min(first, i - 1)
        if first > 0 and words[first - 1].low == "minus" or i > 0 and words[i - 1].low == "minus":
            value = -value
            first = min(first, i - 1)
        if not unit:
            unit, factor, last_unit = _unit(words, k)
            if unit:
                last = last_unit
                # "two hours and 10 minutes"
                if unit == "minute" and last + 2 < n and words[last + 1].low == "and" \
                        and words[last + 2].text.isdigit():
                    extra_unit, extra_factor, extra_last = _unit(words, last + 3)
                    if extra_unit == "minute":
                        value = value * factor + float(words[last + 2].text) * extra_factor
                        factor = 1.0
                        place = digit = 1.0
                        last = extra_last
        if not unit and i > 0 and words[i - 1].low == "magnitude":
            unit = "magnitude"
            first = min(first, i - 1)
        elif not unit and i > 1 and words[i - 1].low == "of" and words[i - 2].low == "magnitude":
            unit = "magnitude"  # "a magnitude of 7.2"
            first = min(first, i - 2)
        if not unit and k + 3 < n and [x.low for x in words[k:k + 4]] == ["on", "the", "richter", "scale"]:
            unit = "magnitude"
        value *= factor
        place *= factor
        digit *= factor
        after = (words[last + 1].low, words[last + 2].low) if last + 2 < n else ("", "")
        if not qualifier and after in _AFTER:
            qualifier = _AFTER[after]
        lo, hi = _interval(value, place, digit, qualifier, unit)
        shown = _shown(words, first, last, i, printed, qualifier, unit)
        if after in _AFTER:
            shown += f" {after[0]} {words[last + 2].text}"
        out.append(Amount(value, lo, hi, unit, shown, first, last, number_index, qualifier))
        i = last + 1
    _narrow_conversions(words, out)
    return out


def _interval(value: float, place: float, digit: float, qualifier: str, unit: str) -> tuple[float, float]:
    """The values a stated number allows, given its wording and unit.

    ``place`` is the place of its last non-zero digit (what "about" rounds
    at), ``digit`` the place of its last printed digit.
    """
    size = abs(value)
    if qualifier == "approx":
        half = place / 2
        return value - half, value + half
    if qualifier == "near":
        return value - place, value
    if qualifier == "lower":
        return value, math.inf
    if qualifier == "upper":
        return -math.inf if value < 0 else 0.0, value
    if _measurement(unit):
        # A stated measurement is rounded at its last digit ("100 minutes" is not "about 100 minutes"),
        # and one converted from another system of units a little more (72 km is 45 miles): lengths
        # of time convert exactly, so "two and a half hours" allows 135 to 165 minutes, not 130.
        slack = 0.5 * digit + (0.0 if unit == "minute" else CONVERSION * size)
        return value - slack, value + slack
    return value, value


def _shown(words: tuple[Word, ...], first: int, last: int, number: int, printed: str, qualifier: str,
           unit: str) -> str:
    """The amount as a reader would quote it."""
    if unit in ("minute",) or unit in ("day", "month", "year"):
        parts = [x.text for x in words[first:last + 1] if x.text != "-"]
        text = " ".join(parts)
        # "88-minute" reads "88 minutes"
        if parts and not parts[-1].endswith("s") and parts[-1].lower() in _TIME \
                and not printed.startswith(("1 ", "one")):
            text += "s" if (words[number].text not in ("1", "one")) else ""
        return _tidy(text)
    if unit == "age":
        return words[number].text
    return _tidy(" ".join(x.text for x in words[first:last + 1] if x.text != "-" or unit == ""))


def _tidy(text: str) -> str:
    return text.replace("$ ", "$").replace(" %", "%").replace(" - ", "-").replace("( ", "(")


def _narrow_conversions(words: tuple[Word, ...], found: list[Amount]) -> None:
    """A measurement with its conversion in brackets ("72 kilometers (45 miles)") allows what both allow."""
    for k in range(len(found) - 1):
        a, b = found[k], found[k + 1]
        if a.unit != b.unit or not _measurement(a.unit) or b.first != a.last + 2 \
                or words[a.last + 1].text != "(":
            continue
        lo, hi = max(a.lo, b.lo), min(a.hi, b.hi)
        if lo <= hi:
            found[k] = Amount(a.value, lo, hi, a.unit, a.shown, a.first, a.last, a.number, a.bound)
            found[k + 1] = Amount(b.value, lo, hi, b.unit, b.shown, b.first, b.last, b.number, b.bound)


# Words that may stand between a figure a change reaches and "down from" or "up from" ("22 aircraft
# _ down from 54", "to 22 planes, up from 17"): its noun and a dash or comma (set without data:
# a two-word noun, a dash and a comma).
_BETWEEN_CHANGE = 4


def change_target(words: tuple[Word, ...], found: list[Amount], k: int) -> Amount | None:
    """The figure a change reaches when ``found[k]`` is where it started, else None.

    "to 22 planes from 57" and "22 aircraft _ down from 54": 57 and 54 are
    where a change to 22 started. "from 5 to 10" is left alone: it reads as
    often as a range ("ages ranging from 5 to 10") as a change.
    """
    a = found[k]
    if k == 0 or a.bound or a.first == 0 or words[a.first - 1].low != "from":
        return None
    t = found[k - 1]
    j = a.first - 2  # the word before "from"
    if j >= 0 and words[j].low in ("down", "up"):
        between = words[t.last + 1:j]
    elif t.first > 0 and words[t.first - 1].low == "to":
        between = words[t.last + 1:a.first - 1]
    else:
        return None
    if len(between) > _BETWEEN_CHANGE or any(w.text[:1].isdigit() for w in between):
        return None
    return t if t.unit == a.unit else None

