"""What narrows a count beyond its own words: the place a "where" clause is about ("the town of
Fonds Verrettes, where 102 people died"), a place named by its kind ("from the province"), and how
the people counted died ("shot to death")."""

from __future__ import annotations

from briefgen.facts.amounts import Word
from briefgen.facts.terms import term_of
from briefgen.text.words import STOPWORDS

__all__ = ["NOT_SCOPE", "PLACE_KINDS", "manner", "where_place"]

# Kinds of place a story names one of ("from the province", "on the island"): a part of what it covers.
PLACE_KINDS = frozenset(["province", "town", "village", "district", "county", "island"])
#: Words after a place preposition that do not narrow a count to a place or cause.
NOT_SCOPE = frozenset(["area", "areas", "region", "regions", "country", "city", "town", "province",
                       "state", "island", "part", "parts", "world", "nation", "home", "homes", "night",
                       "morning", "evening", "afternoon", "week", "weeks", "day", "days", "year", "years",
                       "month", "months", "today", "yesterday", "time", "hours", "minutes", "total"])

# Verbs before "to death" that say a sentence, not how someone died.
_NOT_MANNER = frozenset(["sentenced", "condemned", "put", "scared", "bored", "worked"])


def manner(words: tuple[Word, ...], lo: int, hi: int) -> frozenset[str]:
    """How the people a clause counts died, when it says ("one of the 13 who was shot to death",
    "beaten to death", "shot dead"): a cause that narrows the count."""
    out = set()
    for j in range(max(lo, 2), hi + 1):
        verb = words[j - 2] if words[j].low == "death" and words[j - 1].low == "to" else \
            words[j - 1] if words[j].low == "dead" and words[j - 1].low == "shot" else None
        if verb is not None and verb.text.isalpha() and verb.low not in STOPWORDS \
                and verb.low not in _NOT_MANNER:
            out.add(term_of(verb.text))
    return frozenset(out)


def where_place(words: tuple[Word, ...], lo: int) -> tuple[frozenset[str], str] | None:
    """The place a clause opened by "where" is about ("the town of Fonds Verrettes, where 102 people
    died", "in Cuba, where only five people were killed"): its terms and its name as printed."""
    if lo < 2 or words[lo].low != "where" or words[lo - 1].text != ",":
        return None
    k = lo - 2
    name: list[str] = []
    while k >= 0 and words[k].text[:1].isupper() and words[k].text.isalpha() \
            and words[k].low not in STOPWORDS:
        name.insert(0, words[k].text)
        k -= 1
    if name and k >= 0:  # a name not opening the sentence
        return frozenset(term_of(w) for w in name if w.lower() not in NOT_SCOPE), "in " + " ".join(name)
    if words[lo - 2].low in PLACE_KINDS and lo > 2 and words[lo - 3].low == "the":
        return frozenset({"@" + words[lo - 2].low}), "in the " + words[lo - 2].text
    return None
