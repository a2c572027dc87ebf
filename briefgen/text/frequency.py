"""How common English words are, from ``wordfreq``'s small English list.

The selector's concept model weighs a word by how rare it is in English at
large; the subject line, for text that writes names in lower case, tells a
name from a common word by it; the digest's grouping pools an archive's
document frequencies with those of news at large (:func:`article_shares`).
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import re
from functools import lru_cache
from pathlib import Path

__all__ = ["ARTICLE_WORDS", "NAME_ZIPF", "RARE_ZIPF", "article_share", "article_shares", "zipf_table"]

#: The Zipf frequency given a word missing from wordfreq's small English list, which holds every
#: word of Zipf frequency 3 (once per million words) or more: such a word is rarer than that.
RARE_ZIPF = 2.5
#: A word rarer in English than this (Zipf) may be a name in text that writes names in lower case
#: ("aqap", "pataki"); common names are not ("david", "obama"). The stand-alone tests read a name in
#: apposition (:mod:`briefgen.select.shells`) and a pronoun's antecedent (:mod:`briefgen.select.pronouns`)
#: so.
NAME_ZIPF = 3.0
#: Words in a typical news article, for reading a word's frequency as the share of articles
#: using it: the median DUC 2003 article has 506.
ARTICLE_WORDS = 500


@lru_cache(maxsize=1)
def zipf_table() -> dict[str, float]:
    """Zipf frequency (log10 per billion words) of common English words, from ``wordfreq``'s small list.

    The list is read straight from the file the package ships (40 ms), not
    through ``import wordfreq``, which loads language tables this needs none
    of (0.4 s); should the file's format change, the package's own API reads it.
    Empty if ``wordfreq`` is missing: every word then counts as rare.
    """
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).parent / "data" / "small_en.msgpack.gz"
    try:
        import msgpack

        with gzip.open(path, "rb") as fh:
            data = msgpack.load(fh, raw=False)
        if data[0] != {"format": "cB", "version": 1}:
            raise ValueError(data[0])
        # Bucket i after the header holds the words of frequency 10 ** (-i / 100).
        out: dict[str, float] = {}
        for i, bucket in enumerate(data[1:]):
            for word in bucket:
                out.setdefault(word, 9.0 - i / 100.0)
        return out
    except (OSError, ValueError, ImportError, IndexError, TypeError):
        from wordfreq import get_frequency_dict, zipf_frequency

        return {w: zipf_frequency(w, "en") for w in get_frequency_dict("en", wordlist="small")}


def _share(frequency: float) -> float:
    # The chance that ARTICLE_WORDS words drawn at this frequency hold the word at least once.
    return -math.expm1(-ARTICLE_WORDS * frequency)


@lru_cache(maxsize=1)
def article_shares() -> tuple[dict[str, float], float]:
    """The share of news articles using each content term (a stem), estimated from word frequencies.

    A term's frequency is the sum over the words of :func:`zipf_table` with
    that term (``briefgen.text.words.term``); its share is the chance that an
    article of :data:`ARTICLE_WORDS` words drawn at that frequency holds it
    (words cluster in real articles, so this overstates the share of common
    terms; it orders them right). Returns the shares and the share given a
    term the list lacks (one rarer than :data:`RARE_ZIPF`). Stemming the
    list's 29,000 words takes about a second, once per process.
    """
    from briefgen.text.words import term

    frequency: dict[str, float] = {}
    for word, zipf in zipf_table().items():
        t = term(word)
        if t is not None:
            frequency[t] = frequency.get(t, 0.0) + 10.0 ** (zipf - 9.0)
    return {t: _share(f) for t, f in frequency.items()}, _share(10.0 ** (RARE_ZIPF - 9.0))


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=65536)
def article_share(term: str) -> float:
    """The share of news articles using ``term`` (see :func:`article_shares`).

    The word list writes numbers with their digits as zeros ("1996" is
    "0000"), and a hyphenated term is as rare as its rarest part the list has;
    a term the list lacks gets the share of one rarer than :data:`RARE_ZIPF`.
    """
    shares, rare = article_shares()
    got = shares.get(term)
    if got is None and any(c.isdigit() for c in term):
        got = shares.get(_DIGIT.sub("0", term))
    if got is None and "-" in term:
        parts = [shares[p] for p in term.split("-") if p in shares]
        got = min(parts) if parts else None
    return rare if got is None else got
