"""Name variants: one key for every romanisation of a name.

Outlets romanise Korean and Japanese names differently ("Lee Jae-myung",
"Lee Jae Myung"; "Wi Sung-lack", "Wi Sung-rak", "Wi Seong-rak"; "Chosei",
"Josei"). :func:`name_key` folds such spellings to one comparison key with a
few general rules (vowel spellings, voiced and unvoiced initials, l/r, hyphens
and spaces inside given names) and a tiny table of surname spellings that no
rule covers. Deduplication compares keys, so a spelling never blocks a match;
conflict detection compares the surface forms behind one key, so a spelling
difference is still reported.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["ALIASES", "is_syllable", "join_name_parts", "name_key"]

# One romanised Korean syllable: optional initial, vowel, optional final.
# Covers Revised Romanization, McCune-Reischauer without diacritics and the
# common informal spellings ("oo", "ee", "ck").
_SYLLABLE = re.compile(
    r"(?:kk|gg|tt|pp|ss|jj|ch|sh|k|g|n|d|t|r|l|m|b|p|s|j|h|y|w|c)?"
    r"(?:yae|yeo|wae|weo|eui|ae|ai|ya|eo|eu|ye|oo|ou|wa|oe|yo|wo|we|wi|yu|ui|ee|ea|a|e|i|o|u)"
    r"(?:ng|ck|kk|k|g|n|t|d|ll|l|r|m|p|b)?"
)

# Spellings of one surname that the rules below do not bring together.
ALIASES: dict[str, str] = {
    "yi": "lee",
    "rhee": "lee",
    "rhie": "lee",
    "ri": "lee",
    "pak": "park",
    "bak": "park",
    "choe": "choi",
    "chung": "jeong",
    "jung": "jeong",
    "cheong": "jeong",
    "gim": "kim",
    "yun": "yoon",
    "roh": "noh",
    "shin": "sin",
    "rim": "lim",
}

_VOWELS = (
    ("oo", "u"),
    ("eo", "o"),
    ("ou", "o"),
    ("eu", "u"),
    ("ae", "e"),
    ("ai", "e"),
    ("ee", "i"),
    ("u", "o"),
)
_INITIALS = (("ch", "j"), ("sh", "s"), ("k", "g"), ("t", "d"), ("p", "b"))


def is_syllable(word: str) -> bool:
    """Whether ``word`` reads as one romanised Korean syllable ("Jae", "lack")."""
    w = word.lower()
    return 0 < len(w) <= 6 and _SYLLABLE.fullmatch(w) is not None


def join_name_parts(parts: list[str]) -> bool:
    """Whether hyphen- or space-separated ``parts`` form one given name.

    "Jae-myung", "Sung-lack", "Jae Myung" do; "Korea-Japan" and
    "Japan-South" do not.
    """
    return len(parts) >= 2 and all(is_syllable(p) for p in parts)


def _ascii(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum()).lower()


def _fold_part(part: str) -> str:
    """Fold one syllable or one unsegmented word."""
    w = part
    for old, new in _INITIALS:
        if w.startswith(old):
            w = new + w[len(old):]
            break
    w = re.sub(r"oh(?=[^aeiouy]|$)", "o", w)
    for old, new in _VOWELS:
        w = w.replace(old, new)
    w = w.replace("ck", "k")
    w = re.sub(r"(?<=[aeiou])g$", "k", w)
    w = re.sub(r"(?<=.)l", "r", w)
    w = re.sub(r"(.)\1", r"\1", w)
    return w


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Comparison key shared by the romanisations of one name.

    >>> name_key("Sung-lack") == name_key("Seong-rak") == name_key("Sung Rak")
    True
    >>> name_key("Chosei") == name_key("Josei")
    True
    >>> name_key("Jae-myung") == name_key("Myung-bak")
    False
    """
    parts = [_ascii(p) for p in re.split(r"[-\s\u2010\u2011]+", name.strip()) if p]
    parts = [p for p in parts if p]
    if not parts:
        return ""
    if len(parts) == 1:
        word = ALIASES.get(parts[0], parts[0])
        return _fold_part(word)
    # Inside a given name a syllable-initial l is an r ("Sung-lack", "Sung-rak").
    return _fold_part(parts[0]) + "".join(_fold_part(re.sub(r"^l", "r", p)) for p in parts[1:])
