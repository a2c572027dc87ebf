"""The comparison term of a word, shared by the readers of figures, places and names."""

from __future__ import annotations

from functools import lru_cache

from briefgen.text.words import stem

__all__ = ["term_of"]


@lru_cache(maxsize=131072)
@lru_cache(maxsize=65536)
def term_of(word: str) -> str:
    """The comparison term of a word: lower case, Porter stem, five letters (cached)."""
    return stem(word.lower().replace("'", ""))[:5]
