"""Words as fact matching reads them: folded terms, quantities, names, who spoke.

:func:`tokens` turns a sentence into :class:`Token` records: each word with
its content term (Porter-stemmed and cut to a five-letter prefix, with name
spellings folded by :func:`briefgen.text.names.name_key`, a few place-name
aliases such as "South Korea", "ROK" and "Seoul" read as one term, and a small
table of news paraphrases such as "significant"/"meaningful") and the number
it states. :func:`quantity_unit` reads what a number counts, :func:`speakers`
who a sentence says spoke, and :func:`lead_actor` the titled person a
sentence opens with. Fact merging (:mod:`briefgen.facts`) and the search for
disagreements both read sentences through these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import NamedTuple

from briefgen.text.names import is_syllable, join_name_parts, name_key
from briefgen.text.words import CALENDAR_WORDS, MONTH_ABBREVIATIONS, STOPWORDS, fold, stem, word_set, words

__all__ = [
    "PRONOUNS",
    "Token",
    "common_words",
    "is_year",
    "lead_actor",
    "quantity_unit",
    "speakers",
    "spelled_value",
    "tokens",
]


# Words that say who spoke or hold a title: every outlet words them
# differently, and they say nothing about what was stated.
_FILLER = word_set(
    """
    said say says saying stated state states told tell added adding noted noting explained
    emphasized emphasised emphasizing stressed remarked continued responded according
    announced mr ms president prime minister also however notably particular
    make makes made making able truly really conduct conducted occasion including
    such well even
    """
)

# A small table of general news paraphrases, applied to lower-case words
# before stemming.
_SYNONYMS = {
    "significant": "meaningful",
    "substantial": "meaningful",
    "analysis": "testing",
    "analyses": "testing",
    "analyze": "testing",
    "analyse": "testing",
    "tests": "testing",
    "test": "testing",
    "decided": "agreed",
    "decide": "agreed",
    "agreeing": "agreed",
    "agree": "agreed",
    "underwater": "undersea",
    "consultations": "talks",
    "consultation": "talks",
    "talk": "talks",
    "bodies": "remains",
    "step": "progress",
    "killed": "died",
    "kill": "died",
    "drowned": "died",
    "die": "died",
    "deaths": "died",
    "scams": "fraud",
    "scam": "fraud",
    "transnational": "international",
    "crimes": "crime",
    "excavated": "discovered",
    "found": "discovered",
    "unearthed": "discovered",
    "simplifying": "simplify",
    "streamlining": "simplify",
    "streamline": "simplify",
    "processes": "procedures",
    "process": "procedures",
    "greater": "higher",
    "heights": "level",
    "performed": "play",
    "perform": "play",
    "played": "play",
}

# Multi-word names that stand for one place, matched on lower-case tokens.
_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("republic", "of", "korea"), "Korea"),
    (("south", "korea"), "Korea"),
    (("south", "korean"), "Korea"),
    (("north", "korea"), "NKorea"),
    (("north", "korean"), "NKorea"),
    (("united", "states"), "US"),
    (("u.s",), "US"),
    (("rok",), "Korea"),
    (("dprk",), "NKorea"),
    (("america",), "US"),
    (("claimed", "the", "lives", "of"), "died"),
    (("sino",), "China"),
    # Capitals standing for their countries, as news copy uses them.
    (("seoul",), "Korea"),
    (("tokyo",), "Japan"),
    (("beijing",), "China"),
    (("washington",), "US"),
    (("pyongyang",), "NKorea"),
    (("moscow",), "Russia"),
    (("taipei",), "Taiwan"),
)

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SPELLED = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
    "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50",
    "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
}
_TIME_UNITS = frozenset({"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
                         "month", "months", "year", "years"})
_PREFIX = 5
_WORD_PREFIX = 5


_TITLES = word_set(
    """
    president prime minister director adviser advisor spokesperson spokesman spokeswoman
    secretary chancellor governor mayor senator ambassador chairman chairwoman chief king
    queen mr mrs ms dr lawmaker premier general
    """
)
PRONOUNS = word_set("he she it they this that these those his her its their we i")
_REPORTING = word_set(
    """
    said says stated told added noted explained emphasized emphasised stressed remarked
    responded announced welcomed described proposed praised urged warned insisted argued
    claimed asserted reiterated
    """
)


_HYPHENS = re.compile("[-\u2010\u2011]")


# A lower-case word (or a lower-case part of a hyphenated one).
_LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-z]+(?![^\W\d_])")


@lru_cache(maxsize=65536)
def _hyphenated(word: str) -> tuple[tuple[str, bool], ...] | None:
    """A hyphenated word's tokens: a given name whole, anything else split.

    ``None`` when the word has no inner hyphen.
    """
    parts = [p for p in _HYPHENS.split(word) if p]
    if len(parts) < 2:
        return None
    if word[0].isupper() and join_name_parts(parts):
        return ((word, True),)
    return tuple((p, p[0].isupper()) for p in parts)


_syllable = lru_cache(maxsize=65536)(is_syllable)


def _raw_tokens(text: str) -> list[tuple[str, bool]]:
    """Word tokens with given names joined and other hyphenated words split.

    Returns (token, capitalised) pairs; a joined given name keeps its hyphen
    so :func:`name_key` sees its syllables.
    """
    toks = words(text)
    caps = [w[0].isupper() for w in toks]
    hyphens = "-" in text or "\u2010" in text or "\u2011" in text
    if not hyphens and _THREE_CAPS not in bytes(caps):
        return list(zip(toks, caps, strict=True))  # nothing to join or split
    out: list[tuple[str, bool]] = []
    last = len(toks) - 1
    i = 0
    while i <= last:
        w = toks[i]
        if hyphens and ("-" in w or "\u2010" in w or "\u2011" in w):
            split = _hyphenated(w)
            if split is not None:
                out.extend(split)
                i += 1
                continue
        # "Lee Jae Myung": two capitalised syllables after a capitalised
        # syllable (the surname) are one given name.
        if (
            0 < i < last
            and caps[i]
            and caps[i + 1]
            and caps[i - 1]
            and _syllable(toks[i - 1])
            and _syllable(w)
            and _syllable(toks[i + 1])
        ):
            out.append((f"{w}-{toks[i + 1]}", True))
            i += 2
            continue
        out.append((w, caps[i]))
        i += 1
    return out


_THREE_CAPS = bytes((True, True, True))


_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _repl in _PHRASES:
    _PHRASES_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _repl))


def _apply_phrases(toks: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    lower = [t.lower() for t, _ in toks]
    if _PHRASES_BY_FIRST.keys().isdisjoint(lower):
        return toks
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(toks):
        for phrase, repl in _PHRASES_BY_FIRST.get(lower[i], ()):
            n = len(phrase)
            if tuple(lower[i:i + n]) == phrase:
                out.append((repl, repl[:1].isupper()))
                i += n
                break
        else:
            out.append(toks[i])
            i += 1
    return out


def _number(tok: str) -> str | None:
    if not _NUMBER.fullmatch(tok):
        return None
    return tok.replace(",", "")


def is_year(value: str) -> bool:
    return value.isdigit() and len(value) == 4 and 1800 <= int(value) <= 2100


def _is_name(tok: str, cap: bool) -> bool:
    low = tok.lower()
    return cap and low not in STOPWORDS and low not in _TITLES and low not in _FILLER


def speakers(toks: Sequence[Token]) -> frozenset[str]:
    """Names next to a reporting verb: "Lee said", "said Lee", "Wi Sung-lack said"."""
    found: set[str] = set()
    lower = [t.text.lower() for t in toks]
    if _REPORTING.isdisjoint(lower):
        return frozenset()
    for i, low in enumerate(lower):
        if low not in _REPORTING:
            continue
        j = i - 1
        while j >= 0 and lower[j] in ("also", "then", "later", "however"):
            j -= 1
        if j >= 0 and lower[j] in PRONOUNS:
            continue  # "He said": the speaker is not named here
        run: list[str] = []
        while j >= 0 and (toks[j][1] or lower[j] in _TITLES or (lower[j] == "and" and run)):
            if _is_name(toks[j][0], toks[j][1]):
                run.append(name_key(toks[j][0]))
            j -= 1
        if not run and i + 1 < len(toks):
            k = i + 1
            while k < len(toks) and lower[k] in _TITLES:
                k += 1
            while k < len(toks) and _is_name(toks[k][0], toks[k][1]):
                run.append(name_key(toks[k][0]))
                k += 1
        found.update(run)
    return frozenset(found)


def lead_actor(toks: Sequence[Token]) -> tuple[str, ...]:
    """(person key, verb) when the sentence opens with a titled person, else ()."""
    i = 0
    while i < len(toks) and not toks[i][1]:
        i += 1
    if i > 1:
        return ()
    titled = False
    person = ""
    j = i
    while j < len(toks) and (toks[j][1] or toks[j][0].lower() in ("and",)):
        low = toks[j][0].lower()
        if low in _TITLES:
            titled = True
        elif titled and not person and _is_name(toks[j][0], toks[j][1]):
            person = name_key(toks[j][0])
        j += 1
    if not (titled and person):
        return ()
    while j < len(toks):
        low = toks[j][0].lower()
        if low in _FILLER or low in _REPORTING:
            return ()
        if low not in STOPWORDS:
            return (person, stem(_SYNONYMS.get(low, low))[:_WORD_PREFIX])
        j += 1
    return ()


def _opens_name(toks: list[tuple[str, bool]]) -> bool:
    """Whether a sentence's first word is a name: "Takaichi welcomed", "Lee and Takaichi"."""
    if len(toks) < 2:
        return False
    nxt, cap = toks[1]
    return cap or nxt.lower() in _REPORTING or nxt.lower() == "and"


class Token(NamedTuple):
    """One word of a sentence as deduplication sees it (a named tuple: cheap to make).

    Attributes:
        text: The word as printed, a possessive "'s" removed; a joined given
            name keeps its hyphen ("Jae-myung").
        cap: Whether it is capitalised.
        term: Its folded content term, or ``None`` for a stop word, a filler
            word or a number.
        number: Canonical digits when the word is a quantity or a year
            ("1,500" gives "1500"; "three" before a time unit gives "3").
    """

    text: str
    cap: bool
    term: str | None
    number: str | None


@lru_cache(maxsize=131072)
def _token(tok: str, cap: bool, name: bool) -> Token:
    """One word as a :class:`Token`; ``name`` reads a capitalised word as a name."""
    low = tok.lower().replace("'", "")
    if low[:1].isdigit():
        value = _number(low)
        if value is not None:
            return Token(tok, cap, None, value)
    if low in STOPWORDS or low in _FILLER or not any(c.isalpha() for c in low):
        return Token(tok, cap, None, None)
    # Month and day names are words, not romanised names; abbreviations fold too.
    low = MONTH_ABBREVIATIONS.get(low, low) if cap else low
    if low in CALENDAR_WORDS:
        return Token(tok, cap, low[:_PREFIX], None)
    if name:
        return Token(tok, cap, name_key(tok)[:_PREFIX], None)
    return Token(tok, cap, stem(_SYNONYMS.get(low, low))[:_WORD_PREFIX], None)


def tokens(text: str, common: AbstractSet[str] = frozenset()) -> list[Token]:
    """The words of a sentence with their folded terms and numbers.

    Args:
        text: One sentence.
        common: Lower-case words the batch prints in lower case somewhere: a
            capitalised one ("Coal Mine") is then an ordinary word, not a name.
    """
    toks = _apply_phrases(_raw_tokens(fold(text)))
    # A capitalised first word is a name when the next word says so ("Lee and
    # Takaichi", "Lee said"), or when the batch never prints it in lower case
    # ("Pinochet, 82, was held": the name "Gen. Augusto Pinochet" prints inside).
    opens = _opens_name(toks) or bool(common and toks and toks[0][0].lower() not in common)
    out = [
        _capitalised(tok, i > 0 or opens, common) if cap else _lower_case(tok)
        for i, (tok, cap) in enumerate(toks)
    ]
    if not _SPELLED.keys().isdisjoint([t.text for t in out]):
        # "three days": a spelled-out number before a time unit is a quantity.
        last = len(toks) - 1
        for i, t in enumerate(out):
            if not t.cap and t.text in _SPELLED and i < last and toks[i + 1][0].lower() in _TIME_UNITS:
                out[i] = Token(t.text, False, None, _SPELLED[t.text])
    return out


@lru_cache(maxsize=131072)
def _lower_case(tok: str) -> Token:
    """A word that is not capitalised, a possessive "'s" removed."""
    return _token(tok[:-2] if tok[-2:] in ("'s", "'S") else tok, False, False)


def _capitalised(tok: str, inside: bool, common: AbstractSet[str]) -> Token:
    """A capitalised word: a name unless it opens the sentence or the batch prints it in lower case."""
    if tok[-2:] in ("'s", "'S"):
        tok = tok[:-2]
    return _token(tok, True, (inside or "-" in tok) and tok.lower() not in common)


def spelled_value(word: str) -> str | None:
    """The value of a count spelled out in lower case ("six" -> "6"), two to nineteen or tens; else ``None``.

    "one" is left out: it is a pronoun or an article as often as a count
    ("one of the men", "one official said").
    """
    return _SPELLED.get(word)


def quantity_unit(toks: Sequence[Token], i: int) -> str:
    """The unit of the quantity at ``toks[i]``: the first content term after it.

    Adverbs and participles are skipped ("136 forcibly mobilized Koreans"
    counts Koreans) and a coordinated name joins in ("183 Koreans and
    Japanese" counts "korea+japan"). Empty when nothing follows.
    """
    for k in range(i + 1, min(len(toks), i + 5)):
        tok = toks[k]
        if tok.number is not None:
            return ""
        if tok.term is None:
            continue
        low = tok.text.lower()
        if low.endswith(("ly", "ed")):
            continue
        if k + 2 < len(toks) and toks[k + 1].text.lower() == "and" and toks[k + 2].cap and toks[k + 2].term:
            return f"{tok.term}+{toks[k + 2].term}"
        return tok.term
    return ""


def common_words(texts: Iterable[str]) -> frozenset[str]:
    """Words printed in lower case somewhere in ``texts``.

    A capitalised word in this set ("Coal" in "Josei Coal Mine") is read as
    the ordinary word, so it matches "coal mine" elsewhere.
    """
    out: set[str] = set()
    for text in texts:
        out.update(_LOWER_WORD.findall(text))
    return frozenset(out)
