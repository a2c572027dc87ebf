"""What each sentence states that sources may report differently: quantities, dates, names.

:func:`read_all` reads every distinct sentence text once: its quantities with
their units and qualifiers ("about", "more than"), the dates it gives, and the
spellings of the names it prints, which :mod:`briefgen.facts.conflicts`
compares across sources. :func:`mentions` lays one kind of reading out as
arrays, so comparisons run on whole arrays.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from briefgen.model import Sentence
from briefgen.text.names import name_key
from briefgen.text.tokens import Token, quantity_unit, tokens

__all__ = [
    "PLURALS",
    "TIME_UNITS",
    "DateMention",
    "Mentions",
    "Quantity",
    "Reads",
    "codes",
    "mentions",
    "name_spellings",
    "read_all",
    "spread",
]

# Words that make a number approximate, or a bound rather than a value.
_APPROX = frozenset({"about", "approximately", "around", "roughly", "some", "nearly", "almost", "estimated"})
_BOUNDS = frozenset({"over", "under", "than", "least", "most", "up", "beyond", "below", "above", "exceeding"})
TIME_UNITS = {
    "minut": "minute", "hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year",
}


# Words that open a span of time whose other end is the next date given.
_SPAN_OPENERS = frozenset({"between", "from"})


PLURALS = frozenset({"people", "men", "women", "children", "police", "personnel", "staff", "cattle"})
_MONTH_NAMES = "january february march april may june july august september october november december"
_MONTHS = {name: i + 1 for i, name in enumerate(_MONTH_NAMES.split())}
_MONTH_ABBR = {k[:3]: v for k, v in _MONTHS.items()} | {"sept": 9}
_MONTH_WORDS = _MONTH_ABBR | _MONTHS
_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)$", re.IGNORECASE)
_DAY = re.compile(r"(\d{1,2})")
_DASH_OR_SPACE = re.compile(r"[-\s]")


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str
    shown: str
    approx: bool
    bound: bool


@dataclass(frozen=True, slots=True)
class DateMention:
    year: int | None
    month: int | None
    day: int | None
    shown: str


def _plural(unit: str, value: float) -> str:
    return unit if value == 1 else unit + "s"


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _quantities(toks: list[Token]) -> list[Quantity]:
    out = []
    for i in [k for k, t in enumerate(toks) if t.number is not None]:
        tok = toks[i]
        number = tok.number or ""
        if _is_year(number):
            continue
        before = {t.text.lower() for t in toks[max(0, i - 3):i]}
        unit = quantity_unit(toks, i)
        if not unit:
            continue
        value = float(number)
        approx = bool(before & _APPROX)
        bound = bool(before & _BOUNDS) or "less" in before or "more" in before
        qualifier = next((t.text for t in toks[max(0, i - 3):i] if t.text.lower() in _APPROX), "")
        if unit in TIME_UNITS:
            shown = f"{_fmt(value)} {_plural(TIME_UNITS[unit], value)}"
        else:
            shown = tok.text if not tok.text.isalpha() else _fmt(value)
        if qualifier:
            shown = f"{qualifier.lower()} {shown}"
        out.append(Quantity(value, unit, shown, approx, bound))
    return out


def _is_year(number: str) -> bool:
    return number.isdigit() and len(number) == 4 and 1800 <= int(number) <= 2100


@lru_cache(maxsize=65536)
def _month(word: str) -> int | None:
    return _MONTH_WORDS.get(word.lower().rstrip("."))


def _dates(toks: list[Token]) -> list[DateMention]:
    """The dates in a sentence that each name one moment.

    The ends of a span ("between 1976 and 1983", "from 1973 to 1990",
    "1995-96") date a period, not an event, and are left out.
    """
    found: list[tuple[int, DateMention]] = []  # first token, date
    used: set[int] = set()
    for i in [k for k, t in enumerate(toks) if t.cap and _month(t.text)]:
        tok = toks[i]
        month = _month(tok.text)
        day = year = None
        parts = [tok.text]
        j = i + 1
        if j < len(toks):
            m = _ORDINAL.match(toks[j].text) or _DAY.fullmatch(toks[j].text)
            if m and 1 <= int(m.group(1)) <= 31:
                day = int(m.group(1))
                parts.append(toks[j].text)
                used.add(j)
                j += 1
        if j < len(toks) and toks[j].number and _is_year(toks[j].number or ""):
            year = int(toks[j].number or 0)
            parts.append(toks[j].text)
            used.add(j)
        found.append((i, DateMention(year, month, day, " ".join(parts))))
    for i in [k for k, t in enumerate(toks) if t.number]:
        # A bare "13th" names a day of an unstated month: it agrees with any
        # date, so only month names and years are read.
        tok = toks[i]
        if i in used or not _is_year(tok.number or ""):
            continue
        # "1995-96", "1973-90": a year joined to the next number is a span.
        joined = (i + 1 < len(toks) and toks[i + 1].number) or (i > 0 and _is_year(toks[i - 1].number or ""))
        if not joined:
            found.append((i, DateMention(int(tok.number or 0), None, None, tok.text)))
    found.sort(key=lambda f: f[0])
    span: set[int] = set()
    for k, (start, _date) in enumerate(found[:-1]):
        if start > 0 and toks[start - 1].text.lower() in _SPAN_OPENERS:
            span.update((k, k + 1))
    return [date for k, (_start, date) in enumerate(found) if k not in span]


@lru_cache(maxsize=65536)
def _name_word(word: str) -> tuple[str, str] | None:
    """(key, spelling) of a capitalised word that can be a name; ``None`` for a month or a short word."""
    spelling = _DASH_OR_SPACE.sub("", word.lower())
    if not spelling.isalpha() or len(spelling) < 3 or _month(word):
        return None
    return name_key(word), spelling


def _spellings(toks: list[Token]) -> frozenset[tuple[str, str]]:
    """(key, spelling) of each name word in the sentence (the words :func:`names` reads)."""
    found = [_name_word(t.text) for i, t in enumerate(toks)
             if t.cap and t.term is not None and (i > 0 or "-" in t.text)]
    return frozenset(w for w in found if w is not None)


def name_spellings(toks: list[Token], keys: AbstractSet[str]) -> list[tuple[str, str, str, str]]:
    """(key, spelling, shown, neighbour) for each name word in the sentence with one of ``keys``."""
    out: list[tuple[str, str, str, str]] = []
    for i, tok in enumerate(toks):
        if not tok.cap or tok.term is None or (i == 0 and "-" not in tok.text):
            continue
        word = _name_word(tok.text)
        if word is None or word[0] not in keys:
            continue
        key, spelling = word
        prev = toks[i - 1] if i > 0 else None
        shown = tok.text
        if prev is not None and prev.cap and prev.term and len(prev.text) <= 4:
            shown = f"{prev.text} {tok.text}"  # a short surname before a given name: "Wi Sung-lack"
        neighbours = []
        if prev is not None and prev.term:
            neighbours.append("<" + prev.text.lower())
        if i + 1 < len(toks) and toks[i + 1].term:
            neighbours.append(">" + toks[i + 1].text.lower())
            if i + 2 < len(toks) and toks[i + 2].term:
                neighbours.append(">" + toks[i + 1].text.lower() + " " + toks[i + 2].text.lower())
        out.extend((key, spelling, shown, n) for n in neighbours or [""])
    return out


@dataclass(frozen=True, slots=True)
class _Text:
    """What the detectors take from one distinct sentence text."""

    context: frozenset[str]
    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    spellings: frozenset[tuple[str, str]]  # (key, spelling) of each name word
    words: list[Token]  # kept for what is read later: disputed names, unit words


def _read_text(text: str) -> _Text:
    toks = tokens(text)
    context = frozenset([t.term for t in toks if t.term])
    return _Text(context, tuple(_quantities(toks)), tuple(_dates(toks)), _spellings(toks), toks)


@dataclass(frozen=True, slots=True)
class Reads:
    """Every sentence with its text read once: copies of one article are common.

    Attributes:
        sentences: The sentences, in citation order.
        text_of: The number of each sentence's text.
        texts: What each distinct text says, numbered in order of first use.
        copies: The sentences (positions in ``sentences``) of each text, in order.
    """

    sentences: list[Sentence]
    text_of: list[int]
    texts: list[_Text]
    copies: list[list[int]]


def read_all(sentences: Sequence[Sentence]) -> Reads:
    """Read every distinct text of ``sentences`` once."""
    number: dict[str, int] = {}
    text_of = [number.setdefault(s.text, len(number)) for s in sentences]
    copies: list[list[int]] = [[] for _ in number]
    for k, t in enumerate(text_of):
        copies[t].append(k)
    return Reads(list(sentences), text_of, [_read_text(t) for t in number], copies)


@dataclass(frozen=True, slots=True)
class Mentions:
    """Every quantity (or every date) of every sentence, numbered in sentence order.

    Mention ``m`` is item ``item[m]`` of sentence ``sentence[m]``. The copies
    of one item of one text (a *class*, ``(text, item)``) are mentions
    ``first[k] + item`` for the sentences ``k`` of that text.
    """

    sentence: list[int]
    item: list[int]
    first: list[int]


def codes(keys: Sequence[object]) -> np.ndarray:
    """A number per distinct key (in order of first use), one entry per key."""
    number: dict[object, int] = {}
    return np.array([number.setdefault(k, len(number)) for k in keys], dtype=np.int64)


def spread(count: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For ``count[i]`` items of each ``i``: the owner and the rank of every item."""
    owner = np.repeat(np.arange(len(count)), count)
    return owner, np.arange(len(owner)) - (np.cumsum(count) - count)[owner]


def mentions(reads: Reads, count: Callable[[_Text], int]) -> Mentions:
    """The mentions of every sentence, ``count`` of them for each text."""
    sizes = np.array([count(t) for t in reads.texts], dtype=np.int64)[np.array(reads.text_of, dtype=np.int64)]
    sentence, item = spread(sizes)
    return Mentions(sentence.tolist(), item.tolist(), (np.cumsum(sizes) - sizes).tolist())
