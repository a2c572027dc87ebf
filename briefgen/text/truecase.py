"""A capitalised reading of text that writes names in lower case, for the stages that read capitals.

Some pages print names in lower case ("typhoon babs killed at least 129 people
in the philippines, officials said friday"), and the rules that tell a name, a
place or a day from a common word read its capital letter. :func:`truecased`
gives such text back with the capitals a cased page would most likely print,
letter for letter at the same offsets, so that what is read from the copy
points into the original. It is a reading aid only: the memo prints what the
source printed.

Capitalised:

* day and month names ("friday", "oct."); "may" and "march" only as dates,
  after a word that introduces one and before a day's number or a year ("in
  may 2016", "on march 3"), since both are also common words;
* a designation's letters ("ar-15", "f-16", "mh17", "h1n1") and a flight,
  route or category before its number ("flight 103"), which cased text
  prints so and the figure readers then take for no count;
* words rarer in English than :data:`~briefgen.text.frequency.NAME_ZIPF`
  (wordfreq's Zipf scale), as the stand-alone tests read names in such text
  ("babs", "carlsson", "catanduanes"), unless a word they may be formed from
  is common ("rescuers", "landslides", "wasn't") or an article or a
  determiner opens their phrase ("a shopkeeper", "the fishing trawler");
* the names of countries, from ISO 3166 as ``pycountry`` ships it ("the
  philippines", "south korea", "tanzania", "guinea-bissau"), the English
  names news gives countries and places ISO lists otherwise or not at all
  ("turkey", "russia", "britain", "gaza"), and the continents; "jersey" and
  "guernsey" never, "turkey", "china" and "guinea" not after "a" or "an".

Names as common as words ("buffalo", "hans", "london") stay in lower case,
and so do common nouns that name a country in a phrase ("cold turkey").
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen.text.frequency import NAME_ZIPF, RARE_ZIPF, zipf_table
from briefgen.text.words import CALENDAR_WORDS, MONTH_ABBREVIATIONS, STOPWORDS

__all__ = ["one_spelling", "truecased"]

# A run of letters with inner apostrophes and hyphens ("o'rourke", "sung-rak", "café", "wasn’t").
_LETTERS = r"[^\W\d_](?:[^\W\d_]|['\u2019](?=[^\W\d_]))*"
_WORD = re.compile(rf"(?<![\w.]){_LETTERS}(?:-{_LETTERS})*")
# Where such a word parts: hyphens and apostrophes.
_PARTS = re.compile(r"[-'\u2019]")
# A designation: letters and a number, again and again ("ar-15", "mh17", "h1n1", "f-16s"); not a
# prefix or a word before a number ("mid-30s", "low-20s", "top-10", "sub-20").
_DESIGNATION = re.compile(r"(?<![\w.'\u2019-])([a-z]{1,3})-?\d+(?:[a-z]{1,3}\d+)*(?=s?(?![\w-]))")
_NOT_DESIGNATIONS = frozenset({"low", "mid", "top", "pre", "non", "ex", "up", "sub", "pro", "old", "new",
                               "big", "age", "per", "day", "off", "out", "all", "any", "one", "two", "six",
                               "ten", "cat", "no"}) | STOPWORDS
# Words cased text capitalises before their number ("Flight 103", "Route 66", "Category 4"); a flight
# or a route not after "a" or "an" ("a flight 300 miles long").
_NUMBERED = re.compile(r"(?<![\w.])(flight|route|highway|interstate|category|apollo)(?=\s+\d)")
# "may" and "march" are dates only after a word that introduces one and before a day or a year.
_AMBIGUOUS_MONTHS = frozenset({"may", "march"})
_DATE_BEFORE = re.compile(r"(?<!\w)(?:in|on|of|since|until|till|by|from|through|early|late|mid|last|next|this"
                          r"|between|before|after|during)\s+$")
_DATE_AFTER = re.compile(r"\s+(?:\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|miles|km|people))"
                         r"|(?:19|20)\d\d\b)")
# A phrase an article or a determiner opens names a common noun ("a shopkeeper, 52,"; "the local
# shopkeeper"; "a 52-year-old shopkeeper"; "a fishing trawler, where ..."): the word right after it
# or one word on, not across punctuation. "That" after a verb of saying or thinking is a
# conjunction ("said that slepian ...").
_DETERMINED = re.compile(r"(?:^|(?<=\s))(?:(?<!said )(?<!says )(?<!say )(?<!told )(?<!reported )"
                         r"(?<!announced )(?<!added )(?<!confirmed )(?<!believe )(?<!believed )(?<!found )"
                         r"(?<!claimed )(?<!alleged )(?<!stated )(?<!noted )(?<!warned )(?<!ruled )that|a|an"
                         r"|the|this|these|those|his|her|its|their|our|my|your|every|each|another|some|any"
                         r"|no|one)\s+(?:\w[\w'-]*\s+)?$", re.IGNORECASE)
# A contraction's ending: the word is the part before it ("wasn't": "was"), and a negation is no name.
_CONTRACTION = re.compile(r"(?:n['\u2019]t|['\u2019](?:s|ll|re|ve|d|m))$")

# Continents, and the English names news gives countries and places ISO 3166 lists otherwise
# ("Türkiye", "Czechia", "Myanmar", "Russian Federation", "United Kingdom") or not at all.
_OTHER_PLACES = ("africa", "america", "antarctica", "asia", "europe", "oceania", "turkey", "czech republic",
                 "burma", "ivory coast", "swaziland", "cape verde", "east timor", "macedonia", "russia",
                 "britain", "great britain", "england", "scotland", "wales", "northern ireland", "kosovo",
                 "palestine", "gaza", "west bank", "vietnam", "vatican")
# Places whose names are common nouns as well: none of them after "a" or "an" ("a turkey", "a china
# cup", "a guinea pig"); two never ("his jersey", "a guernsey").
_ALSO_NOUNS = frozenset({"turkey", "china", "guinea"})
_NOT_PLACES = frozenset({"jersey", "guernsey"})
_ARTICLE_BEFORE = re.compile(r"(?<![\w'])an?\s+$", re.IGNORECASE)
# Words of a country's name that stay in lower case ("bosnia and herzegovina", "isle of man").
_LOWER_WORDS = re.compile(r"(?:and|of|the)\b")


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, ...]]:
    """The lower-cased names of countries and places by their first word (split at spaces and
    hyphens), longest first; only :data:`_OTHER_PLACES` without ``pycountry``.

    A country's short and common names; of "Iran, Islamic Republic of" and "Falkland Islands
    (Malvinas)", the part before the comma or the bracket.
    """
    names = set(_OTHER_PLACES)
    try:
        import pycountry

        countries: list[object] = list(pycountry.countries)
    except ImportError:
        countries = []
    for country in countries:
        for name in (getattr(country, "name", None), getattr(country, "common_name", None)):
            short = re.split(r"\s*[,(]", name or "")[0].lower()
            if short and short not in _NOT_PLACES:
                names.add(short)
    out: dict[str, list[str]] = {}
    for name in sorted(names, key=lambda n: (-len(n), n)):
        out.setdefault(re.split(r"[\s-]", name)[0], []).append(name)
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
    contraction = _CONTRACTION.search(word)
    if contraction:
        if contraction.group().startswith("n"):  # "wasn't", "couldn't"
            return False
        word = word[: contraction.start()]
    parts = [p for p in _PARTS.split(word) if len(p) > 1]
    if not parts or len(word) < 3 or word in STOPWORDS:
        return False
    table = zipf_table()
    return all(table.get(base, RARE_ZIPF) < NAME_ZIPF for p in parts for base in _bases(p))


def _calendar(word: str, text: str, start: int, end: int) -> bool:
    if word in _AMBIGUOUS_MONTHS:
        return (_DATE_BEFORE.search(text, max(0, start - 10), start) is not None
                and _DATE_AFTER.match(text, end) is not None)
    if word in MONTH_ABBREVIATIONS:
        return text.startswith(".", end)  # "oct. 5", not "dec" of "decibel"
    return word in CALENDAR_WORDS


def _common_noun(text: str, m: re.Match[str], found: list[re.Match[str]], k: int) -> bool:
    """Whether the rare word ``m`` heads a phrase an article or a determiner opens (:data:`_DETERMINED`),
    unless a rare word follows it in the same name ("his wife rahsan ecevit")."""
    if not _DETERMINED.search(text, max(0, m.start() - 40), m.start()):
        return False
    after = found[k + 1] if k + 1 < len(found) else None
    return not (after is not None and text[m.end():after.start()] == " " and _name_like(after.group()))


def _upper(out: list[str], at: int) -> None:
    """Capitalise the letter at ``at`` when its capital is one letter that lower-cases back to it ("ß"
    has none; the capital of Turkish "ı" is "I", whose small letter is "i")."""
    if len(up := out[at].upper()) == 1 and up.lower() == out[at]:
        out[at] = up


def truecased(text: str) -> str:
    """``text`` with the capitals a cased page would most likely print; the same length, the same offsets.

    Example:
        >>> truecased("typhoon babs struck catanduanes in the philippines on friday, may 5.")
        'typhoon Babs struck Catanduanes in the Philippines on Friday, May 5.'
    """
    out = list(text)
    countries = _countries()
    for m in _DESIGNATION.finditer(text):
        if m.group(1) not in _NOT_DESIGNATIONS:
            for k in range(m.start(), m.end()):
                _upper(out, k)
    for m in _NUMBERED.finditer(text):
        if m.group() not in ("flight", "route") or not _ARTICLE_BEFORE.search(
                text, max(0, m.start() - 4), m.start()):
            _upper(out, m.start())
    found = list(_WORD.finditer(text))
    for k, m in enumerate(found):
        word = m.group()
        if not word[0].islower():
            continue
        if _calendar(word, text, m.start(), m.end()) or (
                _name_like(word) and not _common_noun(text, m, found, k)):
            for part in re.finditer(r"(?:^|(?<=-))\w", word):
                _upper(out, m.start() + part.start())
        elif (first := _PARTS.split(word, maxsplit=1)[0]) in countries and (
                name := _country_at(text, m.start(), first)):
            for part in re.finditer(r"(?:^|(?<=[\s-]))\w", name):
                if not _LOWER_WORDS.match(name, part.start()):
                    _upper(out, m.start() + part.start())
    return "".join(out)


# English's two spelling conventions, British and American, each written as the American one:
# "equaliser" / "equalizer", "analyse" / "analyze", "anaesthetist" / "anesthetist", "channelled" /
# "channeled", "defence" / "defense", "centre" / "center", "colour" / "color", "catalogue" /
# "catalog", "sceptic" / "skeptic".
_CONVENTIONS = (
    (re.compile(r"is(ation|ations|e|ed|er|ers|es|ing)$"), r"iz\1"),
    (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"ae|oe"), "e"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"our(s|ed|ing)?$"), r"or\1"),
    (re.compile(r"tre(s)?$"), r"ter\1"),
    (re.compile(r"ence$"), "ense"),
    (re.compile(r"ogue$"), "og"),
    (re.compile(r"^sc(?=ep)"), "sk"),
)


def one_spelling(a: str, b: str) -> bool:
    """Whether two names differ only by words spelt in English's two conventions ("Martinelli
    Equaliser" / "Martinelli Equalizer"). Only for names a capitalised copy made: a writer's own
    capitals make a name, whatever its ending ("Mansour" / "Mansor")."""
    def american(word: str) -> str:
        word = word.lower()
        for pattern, repl in _CONVENTIONS:
            word = pattern.sub(repl, word)
        return word

    wa, wb = a.split(), b.split()
    return a.lower() != b.lower() and len(wa) == len(wb) and all(
        american(x) == american(y) for x, y in zip(wa, wb, strict=True))
