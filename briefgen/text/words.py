"""Word-level text handling shared by every stage, fully offline.

One tokenizer and one normaliser serve deduplication, classification, ranking
and sumy (through the adapter in :mod:`briefgen.select.rankers`), so no stage ever
reaches ``nltk.word_tokenize`` or downloadable NLTK data. Stemming uses NLTK's
Porter stemmer, which is pure code and needs no data.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from briefgen.text.lazynltk import light_nltk

light_nltk()  # Porter without the rest of NLTK: start-up stays fast

from nltk.stem.porter import PorterStemmer  # noqa: E402

__all__ = ["CALENDAR_WORDS", "MONTH_ABBREVIATIONS", "STOPWORDS", "and_list", "content_set", "content_terms",
           "fold", "normalize", "stem", "term", "word_set", "words"]

# Letters and digits, keeping inner hyphens, apostrophes and decimal points
# ("Jae-myung", "Lee's", "3.5") inside one token.
_WORD = re.compile(r"[^\W_]+(?:[-'\u2019.,][^\W_]+)*")

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)

# A compact English stop list (function words only): content words such as
# "said" or "year" stay, because news ranking depends on them being counted.
_STOPWORD_LIST = """
    a about above after again against all am an and any are as at be because been
    before being below between both but by can could did do does doing down during
    each few for from further had has have having he her here hers herself him
    himself his how i if in into is it its itself just me more most my myself no
    nor not now of off on once only or other our ours ourselves out over own same
    she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when
    where which while who whom why will with would you your yours yourself
    yourselves also s t d ll m re ve y o
    """
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_LIST.split())

# Month and day names, lower-cased: words, not names, wherever a stage tells
# names apart; abbreviations map to the month they stand for.
MONTH_ABBREVIATIONS: dict[str, str] = {
    "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june",
    "jul": "july", "aug": "august", "sep": "september", "sept": "september", "oct": "october",
    "nov": "november", "dec": "december",
}
CALENDAR_WORDS: frozenset[str] = frozenset(MONTH_ABBREVIATIONS.values()) | {
    "may", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

_stemmer = PorterStemmer()


def word_set(text: str) -> frozenset[str]:
    """The words of ``text`` split at white space, as a set: how word lists are written in the code."""
    return frozenset(text.split())


def fold(text: str) -> str:
    """Unicode-normalise and fold typographic quotes and dashes to ASCII."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return text


def normalize(text: str) -> str:
    """Lower-cased, folded text with white space collapsed: a comparison key."""
    return " ".join(fold(text).lower().split())


def words(text: str) -> list[str]:
    """Word tokens of ``text`` in order, punctuation dropped, case kept."""
    # A match always ends in a letter or digit, so no trailing dot or comma.
    return _WORD.findall(fold(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Porter stem of a lower-cased word (cached).

    Tokens with an inner period ("U.S", "Korea-U.S", "3.5", "korea.kr") are
    acronyms, numbers or addresses, not inflected words: they are only
    lower-cased (Porter would turn "u.s" into "u."). Accents are dropped
    (:func:`unaccented`): a term is one however an outlet prints it.
    """
    low = word.lower()
    if not low.isascii():
        low = unaccented(low)
    return low if "." in low else _stemmer.stem(low)


# Latin letters that carry their mark in themselves, which Unicode does not decompose.
_LATIN_LETTERS = str.maketrans({"\u00f8": "o", "\u0142": "l", "\u0131": "i", "\u00df": "ss", "\u0111": "d",
                                "\u00e6": "ae", "\u0153": "oe", "\u00fe": "th", "\u00f0": "d"})


def unaccented(text: str) -> str:
    """``text`` in lower case without the accents of its Latin letters: outlets print one name or
    word both ways ("café" and "cafe", "Bogotá" and "Bogota", "Ørsted" and "Orsted", "Wałęsa" and
    "Walesa").

    Marks on other scripts' letters stay (a Japanese voicing mark makes another word: "バス",
    bus, is not "ハス"), and so does every letter of those scripts. Words of other languages
    that differ only by an accent become one ("año" and "ano"): briefgen reads English news,
    where such a pair is a name printed two ways far more often than two words.
    """
    out: list[str] = []
    for c in unicodedata.normalize("NFKD", text.lower().translate(_LATIN_LETTERS)):
        if unicodedata.combining(c) and out and "a" <= out[-1] <= "z":
            continue
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out))


@lru_cache(maxsize=131072)
def term(word: str) -> str | None:
    """The content term of one word token (cached), or ``None`` for a stop word.

    The stem of the lower-cased token with a possessive "'s" dropped.
    """
    lw = word.lower().replace("\u2019", "'")
    if lw.endswith("'s"):
        lw = lw[:-2]
    if lw in STOPWORDS or not any(c.isalnum() for c in lw):
        return None
    return stem(lw)


def content_terms(text: str) -> list[str]:
    """Stemmed, lower-cased content words of ``text``, stop words dropped."""
    # One cached look-up per token: news vocabulary repeats heavily.
    return [t for t in map(term, words(text)) if t is not None]


@lru_cache(maxsize=65536)
def content_set(text: str) -> frozenset[str]:
    """The set of :func:`content_terms` of ``text`` (cached: copies of a story repeat its lines, and
    pairs of sentences ask for each one's terms again)."""
    return frozenset(content_terms(text))


def and_list(items: list[str]) -> str:
    """Items as a reader lists them: "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
