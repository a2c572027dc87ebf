"""A capitalised reading of text that writes names in lower case, for the stages that read capitals.

Some pages print names in lower case ("typhoon babs killed at least 129 people
in the philippines, officials said friday"), and the rules that tell a name, a
place or a day from a common word read its capital letter. :func:`truecased`
gives such text back with the capitals a cased page would most likely print,
letter for letter at the same offsets, so that what is read from the copy
points into the original. It is a reading aid only: the memo prints what the
source printed.

Capitalised:

* day and month names ("friday", "oct."); "may" and "march" only before a
  day's number or a year ("may 5", "march 2016"), since both are also common words;
* the letters of a designation ("ar-15", "f-16", "mh17"), which cased text
  prints in capitals;
* words rarer in English than :data:`~briefgen.text.frequency.NAME_ZIPF`
  (wordfreq's Zipf scale), as the stand-alone tests read names in such text
  ("babs", "carlsson", "catanduanes");
* the names of countries, from ISO 3166 as ``pycountry`` ships it ("the
  philippines", "south korea", "new zealand"; "jersey" and "guernsey" are
  left out, and "turkey", "china" and "guinea" are not read after "a" or
  "an": "a turkey"), the English names news gives countries ISO now lists
  otherwise ("turkey", "ivory coast"), and the continents.

Other names as common as words ("buffalo", "hans", "london") stay in lower
case.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen.text.frequency import NAME_ZIPF, RARE_ZIPF, zipf_table
from briefgen.text.words import CALENDAR_WORDS, MONTH_ABBREVIATIONS, STOPWORDS

__all__ = ["truecased"]

# A run of letters, apostrophes and inner hyphens, in lower case ("o'rourke", "sung-rak").
_WORD = re.compile(r"(?<![\w.])[a-z][a-z']*(?:-[a-z][a-z']*)*")
# A designation of letters and a number ("ar-15", "f-16", "g-20"), which cased text prints in capitals
# and the figure readers then take for no count; not a prefix before a number ("mid-30s", "top-10").
_DESIGNATION = re.compile(r"(?<![\w.'-])(?!(?:mid|top|pre|non|ex|no|up)-)([a-z]{1,3})-?(?=\d)")
# Month names that are common words too: capitalised only before a day's number.
_AMBIGUOUS_MONTHS = frozenset({"may", "march"})
_DAY_NUMBER = re.compile(r"\s+(?:\d{1,2}|(?:19|20)\d\d)\b")
# A month's abbreviation is a month only with its full stop ("oct. 5", not "dec" of "decibel").
_ABBREVIATION_STOP = re.compile(r"\.")


# Continents, and countries by the English names news uses where ISO 3166 now lists another
# ("Türkiye", "Czechia", "Myanmar", "Côte d'Ivoire", "Eswatini", "Cabo Verde", "Timor-Leste").
_OTHER_PLACES = ("africa", "america", "antarctica", "asia", "europe", "oceania", "turkey", "czech republic",
                 "burma", "ivory coast", "swaziland", "cape verde", "east timor", "macedonia")
# Places whose names are common nouns as well: none of them after "a" or "an" ("a turkey", "a china
# cup", "a guinea pig"); two never ("his jersey", "a guernsey").
_ALSO_NOUNS = frozenset({"turkey", "china", "guinea"})
_NOT_PLACES = frozenset({"jersey", "guernsey"})
# "a" or "an" right before a word.
_ARTICLE_BEFORE = re.compile(r"(?<![\w'])an?\s+$", re.IGNORECASE)
# Words of a country's name that stay in lower case ("bosnia and herzegovina", "isle of man").
_LOWER_WORDS = re.compile(r"(?:and|of|the|da|du|de)\b")


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, ...]]:
    """The lower-cased names of countries and continents by their first word, longest first (none
    without ``pycountry``).

    A country's short name and its common one ("Iran, Islamic Republic of" is read as
    "iran"); names that hold a comma or a bracket are only ever printed otherwise.
    """
    try:
        import pycountry
    except ImportError:
        return {}
    names = set(_OTHER_PLACES)
    for country in pycountry.countries:
        for name in (getattr(country, "name", None), getattr(country, "common_name", None)):
            if name and "," not in name and "(" not in name and name.lower() not in _NOT_PLACES:
                names.add(name.lower())
    out: dict[str, list[str]] = {}
    for name in sorted(names, key=lambda n: (-len(n), n)):
        out.setdefault(name.split()[0], []).append(name)
    return {first: tuple(them) for first, them in out.items()}


def _country_at(text: str, at: int, first: str) -> str:
    """The country's name that starts at ``at`` with the word ``first`` ("" if none): a whole name,
    and not a common noun after "a" or "an" ("a turkey")."""
    for name in _countries().get(first, ()):
        end = at + len(name)
        if text.startswith(name, at) and not (end < len(text) and (text[end].isalnum() or text[end] == "_")):
            return "" if name in _ALSO_NOUNS and _ARTICLE_BEFORE.search(text, max(0, at - 4), at) else name
    return ""


def _bases(word: str) -> list[str]:
    """``word`` and the words it may be formed from: a plural's singular, an agent's verb, a follower's
    creed ("rescuers", "rescuer", "rescue"; "landslides"; "jihadists", "jihad"). wordfreq's small list
    leaves out many such forms of common words."""
    out = [word]
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    for base in list(out):
        if base.endswith("er"):
            out += [base[:-1], base[:-2]]
        if base.endswith("ist"):
            out.append(base[:-3])
    return out


@lru_cache(maxsize=65536)
def _name_like(word: str) -> bool:
    """Whether a lower-case word is rarer in English than a common name, and so is every word it may
    be formed from; each part of a hyphenated one (cached: news repeats its words)."""
    parts = [p for p in word.replace("'", "-").split("-") if len(p) > 1]
    if not parts or len(word) < 3 or word in STOPWORDS:
        return False
    table = zipf_table()
    return all(table.get(base, RARE_ZIPF) < NAME_ZIPF for p in parts for base in _bases(p))


def _calendar(word: str, text: str, end: int) -> bool:
    if word in _AMBIGUOUS_MONTHS:
        return bool(_DAY_NUMBER.match(text, end))
    if word in MONTH_ABBREVIATIONS:
        return bool(_ABBREVIATION_STOP.match(text, end))
    return word in CALENDAR_WORDS


def truecased(text: str) -> str:
    """``text`` with days, months and rare words capitalised; the same length, the same offsets.

    Example:
        >>> truecased("typhoon babs struck catanduanes in the philippines on friday, may 5.")
        'typhoon Babs struck Catanduanes in the Philippines on Friday, May 5.'
    """
    out = list(text)
    for m in _DESIGNATION.finditer(text):
        out[m.start(1):m.end(1)] = m.group(1).upper()
    for m in _WORD.finditer(text):
        word = m.group()
        if _calendar(word, text, m.end()) or _name_like(word):
            for part in re.finditer(r"(?:^|(?<=-))[a-z]", word):
                out[m.start() + part.start()] = part.group().upper()
        elif name := _country_at(text, m.start(), re.split(r"[-']", word, maxsplit=1)[0]):
            for part in re.finditer(r"(?:^|(?<=[\s-]))[a-z]", name):
                if not _LOWER_WORDS.match(name, part.start()):
                    out[m.start() + part.start()] = part.group().upper()
    return "".join(out)
