"""What each sentence states that sources may report differently: figures, dates, titles, names.

:func:`read_all` reads every distinct sentence text once (copies of one
wire story are common) into :class:`Value` records, the unit that
:mod:`briefgen.facts.conflicts` compares across sources:

* figures (:mod:`briefgen.facts.measures`): an amount with what it measures;
* dates of events ("the Sept. 2 crash", "approved ... in August", "slammed
  into Luzon on Wednesday", a death its clause tells with a verb, "died ... on
  nov. 17"), with the words of their clause; a month printed in lower case
  counts only with its day after it; the ends of a
  span ("between 1976 and 1983", "from 1973 to 1990", "1995-96") and dates
  after "since" or "until" date a period, not an event, and are left out;
* titles (:mod:`briefgen.facts.titles`): the office a sentence gives a named
  person;

and the spellings of the names it prints, which
:mod:`briefgen.facts.variants` compares.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from briefgen.facts.amounts import Word, split_words
from briefgen.facts.incidents import incident_values
from briefgen.facts.measures import figures, name_term, places, term_of
from briefgen.facts.titles import POST_WORDS, titles
from briefgen.facts.values import DatePart, Value
from briefgen.model import Sentence
from briefgen.parallel import pmap
from briefgen.text.frequency import RARE_ZIPF, zipf_table
from briefgen.text.names import join_name_parts, name_key
from briefgen.text.words import CALENDAR_WORDS, MONTH_ABBREVIATIONS, STOPWORDS, words

__all__ = ["HONORIFICS", "DatePart", "NameWord", "Reads", "TextReading", "Value", "name_spelling", "read_all"]

_MONTH_NAMES = "january february march april may june july august september october november december"
_MONTHS = {name: i + 1 for i, name in enumerate(_MONTH_NAMES.split())}
_MONTH_WORDS = {k[:3]: v for k, v in _MONTHS.items()} | {"sept": 9} | _MONTHS
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SPAN_WORDS = frozenset({"between", "from", "since", "until", "till", "through", "before", "after", "by"})
_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = frozenset(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                           "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                           "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                           "eighty", "ninety", "dozen"])
_CALENDAR = frozenset(_MONTH_WORDS) | frozenset(_WEEKDAYS)
_INCIDENT_WORDS = frozenset({"shot", "struck", "hit", "wounded", "stabbed", "tore", "stood", "sat", "lay",
                             "knelt",
                             "standing", "sitting", "lying", "kneeling"})
_BOUNDARY = frozenset({",", ";", ":", "(", ")", "\"", "_", "?", "!"})
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
# A regnal number between a monarch's name and the name it varies ("Carl XVI Gustaf").
_REGNAL = re.compile(r"^[IVXL]{2,}$")
_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")

_DASH_OR_SPACE = re.compile(r"[-\s]")
# Events a date names right before them ("the Sept. 2 crash"): what happens once.
_DATED_EVENTS = frozenset(["crash", "attack", "attacks", "bombing", "bombings", "blast", "explosion",
                           "earthquake", "quake", "fire", "flood", "storm", "hurricane", "typhoon",
                           "cyclone", "tsunami", "eruption", "landslide", "massacre", "killing", "killings",
                           "shooting", "assassination", "coup", "invasion", "raid", "election", "elections",
                           "vote", "referendum", "summit", "accident", "collision", "derailment", "sinking",
                           "arrest", "kidnapping", "hijacking", "uprising", "riot", "riots", "strike",
                           "ceasefire", "truce", "agreement", "accord", "treaty", "deadline", "ruling",
                           "verdict"])
# A death the clause around a date tells with a verb ("he died of a heart attack on nov. 17",
# "On Wednesday, November 15, 2017, ... Buchel passed away"): dated only with its day, since a
# year alone is usually someone else's death in the background ("his mother died in 1995").
_DIED = frozenset(["died", "dies"])
# How many words back from a date its verb of dying may stand ("died suddenly of a heart attack on").
_DEATH_REACH = 8
# The suffix of an ordinal day ("Nov. 17th"): no word of the event's clause.
_ORDINALS = frozenset(["th", "st", "nd", "rd"])
# Dates read in one sentence at most: each is read with its clause, and a sentence of more dates is a
# list or a table (the most in one sentence of DUC 2003 and Multi-News validation is 10).
_MOST_DATES = 16


class NameWord(NamedTuple):
    """A word of a sentence that can be a name, with the words around it."""

    spelling: str  # lower case, no hyphens (see name_spelling)
    key: str  # its romanisation key (briefgen.text.names.name_key)
    shown: str  # as printed; a short surname before a hyphenated given name joins it ("Wi Sung-lack")
    before: str  # the word before it, lower case ("" for none, a stop word or an honorific)
    before_cap: bool
    after: str  # the word after it, lower case ("" for none or a stop word)
    after_cap: bool
    before_printed: str = ""  # the word before it as printed
    after_printed: str = ""


@dataclass(frozen=True, slots=True)
class TextReading:
    """What the detectors take from one distinct sentence text."""

    terms: frozenset[str]  # content terms (term_of) of the whole sentence
    values: tuple[Value, ...]
    places: frozenset[str]  # places named after "in", "on", ... (read when the sentence gives a value)
    years: frozenset[int]  # the years it names
    names: tuple[NameWord, ...]  # its name words, for the spellings compared across sources


def _day(word: Word | None) -> int | None:
    """The day of the month ``word`` gives ("17"), else ``None``."""
    if word is None or not word.text.isdigit() or len(word.text) > 2 or not 1 <= int(word.text) <= 31:
        return None
    return int(word.text)


def _month(word: Word, after: Word | None = None) -> int | None:
    """The month ``word`` names: capitalised, or in lower case with a day of the month ``after`` it
    ("nov. 17", "november 15" in coverage printed in lower case)."""
    month = _MONTH_WORDS.get(word.low.rstrip("."))
    if month is None or word.text[:1].isupper():
        return month
    return month if _day(after) is not None else None


def _death_verb(words: tuple[Word, ...], k: int) -> bool:
    """Whether token ``k`` is a verb of dying or a word of one ("died", "dies", "passed away")."""
    w = words[k].low
    return w in _DIED or (w == "passed" and k + 1 < len(words) and words[k + 1].low == "away") or (
        w == "away" and k > 0 and words[k - 1].low == "passed")


def _death(words: tuple[Word, ...], first: int, last: int, dated: frozenset[int]) -> bool:
    """Whether the date at tokens ``first..last`` dates a death its sentence tells with a verb:

    * after the verb, within :data:`_DEATH_REACH` words, with "on" (and a weekday) or nothing
      between them and the date, no other date and no clause mark ("he died suddenly of a heart
      attack on nov. 17", "The singer died Friday, Nov. 17, at her home"); or
    * opening the sentence, the verb later in it with no other date between ("On Wednesday,
      November 15, 2017, ... Robert Buchel passed away").

    Not a date elsewhere in the clause ("He suffered a heart attack on nov. 15 and died two days
    later"), nor a post's date stamp before its text ("( @vtoumeh ) january 11, 2016 more than two
    dozen people ... have died"). ``dated`` holds the tokens of the sentence's other dates.
    """
    j = first - 1
    if j >= 1 and words[j].text == "," and words[j - 1].low in _WEEKDAYS:
        j -= 2  # "on Wednesday, November 15"
    if j >= 0 and words[j].low == "on":
        j -= 1
    opening = j < 0
    if opening:
        if last + 1 >= len(words) or words[last + 1].text != ",":
            return False
        for k in range(last + 1, len(words)):
            if k in dated or words[k].text == ";":
                return False
            if _death_verb(words, k):
                return True
        return False
    for k in range(j, max(-1, j - _DEATH_REACH), -1):
        if k in dated or words[k].text in _BOUNDARY:
            return False
        if _death_verb(words, k):
            return True
    return False


def _named(words: tuple[Word, ...]) -> frozenset[str]:
    """Terms of the words of a sentence that may name someone: capitalised words (not a month, a
    weekday or a function word) and words rare in English (a surname in text printed in lower case:
    "buchel")."""
    table = zipf_table()
    return frozenset(term_of(x.text) for x in words if x.text.isalpha() and x.low not in STOPWORDS
                     and x.low not in _FILLER and _month(x) is None and x.low not in _WEEKDAYS
                     and (x.text[:1].isupper() or (len(x.text) > 2 and table.get(x.low, 0.0) < RARE_ZIPF)))


def _event_words(words: tuple[Word, ...], first: int, last: int) -> tuple[int, int, str]:
    """The clause around tokens ``first..last`` and the noun right after them ("the Sept. 2 crash")."""
    lo = first
    while lo > 0 and words[lo - 1].text not in _BOUNDARY:
        lo -= 1
    hi = last
    while hi + 1 < len(words) and words[hi + 1].text not in _BOUNDARY:
        hi += 1
    noun = ""
    after = words[last + 1] if last + 1 < len(words) else None
    if after is not None and after.low in _DATED_EVENTS:
        noun = after.low
    if lo == first and hi == last and first > 0 and words[first - 1].text == "," \
            and (first < 2 or words[first - 2].text != ","):
        hi = len(words) - 1  # "In July, the U.N. Security Council backed ...": the clause that follows
        while hi > last + 1 and words[hi].text in _BOUNDARY:
            hi -= 1
    if first <= 1 and last + 1 < len(words) and words[last + 1].text == ",":
        k = last + 2
        hi = k
        while hi + 1 < len(words) and words[hi + 1].text not in _BOUNDARY:
            hi += 1
    return lo, hi, noun


def _dates(text: str) -> list[Value]:
    """The dates of events in ``text``, each with its clause (see the module docstring)."""
    words = split_words(text)
    found: list[tuple[int, int, DatePart, str]] = []  # first, last token, date, shown
    used: set[int] = set()
    n = len(words)
    for i, w in enumerate(words):
        if i in used:
            continue
        j = i + 2 if i + 1 < n and words[i + 1].text == "." else i + 1  # past "Nov."'s full stop
        month = _month(w, words[j] if j < n else None)
        if month is not None and not (w.low == "may" and not (i + 1 < n and words[i + 1].text[:1].isdigit())):
            day = year = None
            last = i
            if j < n and (day := _day(words[j])) is not None:
                last = j
                j += 1
                if j + 1 < n and words[j].text == "," and _is_year(words[j + 1].text):
                    year = int(words[j + 1].text)
                    last = j + 1
            elif j < n and _is_year(words[j].text):
                year = int(words[j].text)
                last = j
            if i > 0 and words[i - 1].text.isdigit() and 1 <= int(words[i - 1].text) <= 31 and day is None:
                day = int(words[i - 1].text)  # "13 January"
                i0 = i - 1
            else:
                i0 = i
            used.update(range(i0, last + 1))
            shown = " ".join(x.text for x in words[i0:last + 1]).replace(" .", ".").replace(" ,", ",")
            found.append((i0, last, DatePart(year, month, day), shown))
        elif w.low in _WEEKDAYS and w.text[:1].isupper():
            if i > 0 and words[i - 1].low == "next":
                continue
            found.append((i, i, DatePart(None, None, None, _WEEKDAYS.index(w.low)), w.text))
        elif _is_year(w.text) and not (i > 0 and words[i - 1].text == "-") \
                and not (i + 2 < n and words[i + 1].text == "-" and words[i + 2].text[:1].isdigit()):
            found.append((i, i, DatePart(int(w.text), None, None), w.text))
    found.sort(key=lambda f: f[0])
    del found[_MOST_DATES:]  # a list of dates is no prose: each date's clause is read in full
    dated = frozenset(j for first, last, _, _ in found for j in range(first, last + 1))

    def others(first: int, last: int) -> frozenset[int]:
        return dated.difference(range(first, last + 1))

    out = []
    for k, (first, last, date, shown) in enumerate(found):
        before = words[first - 1].low if first > 0 else ""
        if before in _SPAN_WORDS or (before == "the" and first > 1 and words[first - 2].low in _SPAN_WORDS):
            continue
        if k + 1 < len(found) and found[k + 1][0] - last <= 2 and any(
                words[j].low in ("and", "to", "-", "through") for j in range(last + 1, found[k + 1][0])):
            continue  # the first end of a span
        if k > 0 and first - found[k - 1][1] <= 2 and any(
                words[j].low in ("and", "to", "-", "through") for j in range(found[k - 1][1] + 1, first)):
            continue
        if before == "last" and date.weekday is not None:
            date = DatePart(None, None, None, date.weekday + 7)  # "last Thursday": the week before
        lo, hi, noun = _event_words(words, first, last)
        if not noun and date.day is not None and _death(words, first, last, others(first, last)):
            # Whose death: the names the sentence gives (two people's deaths share "died", "hospital").
            names = _named(words)
            out.append(Value("date", "date", "death", shown, date=date, window=names, role=names,
                             labelled=("death",)))
            continue
        if not noun:
            continue  # a date that does not name its event is not compared (see briefgen.facts.compare)
        window = frozenset(term_of(x.text) for j, x in enumerate(words[lo:hi + 1], lo)
                           if not first <= j <= last and x.text[:1].isalpha() and x.low not in STOPWORDS
                           and _month(x) is None and x.low not in _WEEKDAYS and len(x.low) > 1
                           and x.low not in _ORDINALS)
        names = frozenset(term_of(x.text) for j, x in enumerate(words[lo:hi + 1], lo)
                          if j > 0 and not first <= j <= last and x.text[:1].isupper() and x.text.isalpha()
                          and _month(x) is None and x.low not in _WEEKDAYS)
        out.append(Value("date", "date", noun, shown, date=date, window=window, role=names & window,
                         labelled=(noun,) if noun else ()))
    return out


def _is_year(text: str) -> bool:
    return text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100


#: Titles and honorifics: beside a name, they say nothing about whose name it is.
HONORIFICS = frozenset(["mr", "mrs", "ms", "dr", "president", "prime", "minister", "king", "queen", "gen",
                        "col", "lt", "sgt", "chairman", "secretary", "senator", "governor", "mayor", "judge"])


def name_spelling(word: str, first: bool) -> str | None:
    """The spelling of a word that can be a name (lower case, no hyphens), or ``None``.

    Of a capitalised content word: three letters or more, not a month, a day
    or an honorific; the first word of a sentence only when hyphenated
    ("Jae-myung"), since any word is capitalised there.
    """
    if first and "-" not in word:
        return None
    spelling = _DASH_OR_SPACE.sub("", word.lower())
    if not spelling.isalpha() or len(spelling) < 3:
        return None
    if spelling in CALENDAR_WORDS or spelling in MONTH_ABBREVIATIONS or spelling in HONORIFICS:
        return None
    return spelling


# Words that say who spoke or hold a title: never part of a name or its surroundings
# (briefgen.text.tokens reads them the same way).
_FILLER = frozenset(["said", "say", "says", "saying", "stated", "told", "added", "noted", "explained",
                     "stressed", "remarked", "according", "announced", "mr", "ms", "president", "prime",
                     "minister", "also", "however", "including"])


_NOT_CONTENT = STOPWORDS | _FILLER
_LETTER = re.compile(r"[^\W\d_]")


def _light_tokens(text: str) -> list[tuple[str, bool, bool]]:
    """(word, capitalised, content word) for each word: hyphenated words split unless they are one
    given name ("Jae-myung"), a possessive "'s" dropped."""
    out: list[tuple[str, bool, bool]] = []
    append = out.append  # this runs on every word of every sentence
    for word in words(text):
        if "-" in word:
            parts = word.split("-")
            if word[:1].isupper() and join_name_parts(parts):
                parts = [word]
        else:
            parts = [word]
        for part in parts:
            if not part:
                continue
            if part[-2:] in ("'s", "'S"):
                part = part[:-2]
            low = part.lower()
            append((part, part[:1].isupper(), low not in _NOT_CONTENT and _LETTER.search(low) is not None))
    return out


def _name_words(text: str) -> tuple[NameWord, ...]:
    """The name words of a sentence with their neighbours."""
    toks = _light_tokens(text)
    out = []
    for i, (word, cap, content) in enumerate(toks):
        if not cap or not content:
            continue  # most words: not capitalised, or a stop word
        spelling = name_spelling(word, i == 0)
        if spelling is None:
            continue
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        shown = word
        if prev is not None and prev[1] and prev[2] and len(prev[0]) <= 4 and "-" in word:
            shown = f"{prev[0]} {word}"  # a short surname before a given name: "Wi Sung-lack"
        before = prev[0].lower() if prev is not None and prev[2] else ""
        if before in HONORIFICS:
            before = ""
        after = nxt[0].lower() if nxt is not None and nxt[2] else ""
        before_cap = bool(before) and prev is not None and prev[1]
        after_cap = bool(after) and nxt is not None and nxt[1]
        printed_before = prev[0] if prev is not None and before else ""
        if printed_before and _REGNAL.match(printed_before) and i > 1 and toks[i - 2][1]:
            printed_before = f"{toks[i - 2][0]} {printed_before}"  # "Carl XVI Gustaf", not "XVI Gustaf"
        out.append(NameWord(spelling, name_key(word), shown, before, before_cap, after, after_cap,
                            printed_before, nxt[0] if nxt is not None and after else ""))
    return tuple(out)


def _number_values(text: str) -> list[Value]:
    found = figures(text)
    out = [Value("number", f.measure, f.subject, f.amount.shown, figure=f, scope=f.scope, window=f.window,
                 group=f.group) for f in found]
    out.extend(incident_values(text, found))
    return out


def _read_text(text: str) -> TextReading:
    found = _WORDS.findall(text)
    lower = {w.lower() for w in found}
    values: list[Value] = []
    if _DIGIT.search(text) or not lower.isdisjoint(_NUMBER_WORDS):
        values.extend(_number_values(text))  # with the incident details, which may need the figures
    elif not lower.isdisjoint(_INCIDENT_WORDS) or "where" in lower:
        values.extend(incident_values(text, []))
    if not lower.isdisjoint(_CALENDAR) or _YEAR.search(text):
        values.extend(_dates(text))
    if not lower.isdisjoint(POST_WORDS):
        values.extend(titles(text))
    distinct = set(found)
    terms = frozenset(term_of(w) for w in distinct if len(w) > 1 and w.lower() not in STOPWORDS)
    terms |= frozenset(name_term(w) for w in distinct if w[:1].isupper())
    if not values:
        return TextReading(terms, (), frozenset(), frozenset(), _name_words(text))
    years = frozenset(int(y) for y in _YEAR.findall(text))
    return TextReading(terms, tuple(values), places(text), years, _name_words(text))


@dataclass(frozen=True, slots=True)
class Reads:
    """Every sentence with its text read once.

    Attributes:
        sentences: The sentences, in citation order.
        text_of: The number of each sentence's text.
        texts: What each distinct text says, numbered in order of first use.
        copies: The sentences (positions in ``sentences``) of each text, in order.
    """

    sentences: list[Sentence]
    text_of: list[int]
    texts: list[TextReading]
    copies: list[list[int]]


def read_all(sentences: Sequence[Sentence]) -> Reads:
    """Read every distinct text of ``sentences`` once."""
    number: dict[str, int] = {}
    text_of = [number.setdefault(s.text, len(number)) for s in sentences]
    copies: list[list[int]] = [[] for _ in number]
    for k, t in enumerate(text_of):
        copies[t].append(k)
    # Each text is read on its own, so a large coverage reads its texts on every core. The workers are
    # forked after the selector's solver has run (its threads are not copied); reading a text never
    # reaches the solver.
    return Reads(list(sentences), text_of, pmap(_read_text, list(number)), copies)
