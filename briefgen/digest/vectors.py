"""Sparse term vectors for grouping: unit length, dot products, sums, a two-means cut, keyword MinHash.

A vector is a ``dict`` of term to weight; grouping keeps an article's few
hundred terms, so dictionaries beat a sparse matrix's set-up for the single
products it asks for. MinHash and LSH come from ``datasketch``, imported only
here and only when grouping runs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from briefgen.digest.features import SCHEME

__all__ = ["KEYWORDS", "KEY_PERM", "SPLIT_ROUNDS", "bisect", "dot", "keys", "keyword_hash", "lean", "lsh",
           "separation", "unit", "vsum"]

#: Distinctive terms per article that candidate search compares.
KEYWORDS = 30
#: Permutations of the keyword MinHash (see ``briefgen.digest.group``'s LSH bands).
KEY_PERM = 128
#: Rounds of the two-means split (set without data: it settles in two or three on the events
#: of ``bench/digest.py``; the cap only bounds the work).
SPLIT_ROUNDS = 10


def unit(vec: dict[str, float]) -> dict[str, float]:
    """``vec`` scaled to length one (an empty vector stays empty)."""
    norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
    return {t: x / norm for t, x in vec.items()}


def dot(small: dict[str, float], big: dict[str, float]) -> float:
    """The dot product, walking the shorter vector."""
    if len(small) > len(big):
        small, big = big, small
    get = big.get
    return sum(x * get(t, 0.0) for t, x in small.items())


def vsum(vecs: Sequence[dict[str, float]]) -> dict[str, float]:
    """The sum of ``vecs``."""
    total: dict[str, float] = {}
    for v in vecs:
        for t, x in v.items():
            total[t] = total.get(t, 0.0) + x
    return total


def bisect(vecs: Sequence[dict[str, float]]) -> list[bool] | None:
    """Spherical 2-means of unit vectors, seeded by the one least like their sum and the one least like it.

    Returns which vectors fall on the second side, or ``None`` if one side is empty.
    """
    total = vsum(vecs)
    a = min(range(len(vecs)), key=lambda k: (dot(vecs[k], total), k))
    b = min(range(len(vecs)), key=lambda k: (dot(vecs[k], vecs[a]), k))
    first, second = vecs[a], vecs[b]
    side: list[bool] = []
    for _ in range(SPLIT_ROUNDS):
        new = [dot(v, second) > dot(v, first) for v in vecs]
        if new == side or all(new) or not any(new):
            break
        side = new
        first = unit(vsum([v for v, s in zip(vecs, side, strict=True) if not s]))
        second = unit(vsum([v for v, s in zip(vecs, side, strict=True) if s]))
    return side if side and any(side) and not all(side) else None


def separation(across: float, n1: int, inside1: float, n2: int, inside2: float) -> float:
    """Mean cosine across two groups of unit vectors over the geometric mean of the mean within each.

    ``across`` is the dot product of the groups' sums, ``inside1`` and
    ``inside2`` the squared norms of each group's sum, ``n1`` and ``n2`` their sizes.
    """
    within1 = max((inside1 - n1) / (n1 * (n1 - 1)), 1e-9)
    within2 = max((inside2 - n2) / (n2 * (n2 - 1)), 1e-9)
    return across / (n1 * n2) / math.sqrt(within1 * within2)


def keys(vec: dict[str, float]) -> list[bytes]:
    """The :data:`KEYWORDS` heaviest terms of ``vec``, as bytes in sorted order."""
    top = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:KEYWORDS]
    return sorted(t.encode("utf-8") for t, _ in top)


def lsh(bands: tuple[int, int], num_perm: int) -> object:
    """An empty MinHash LSH index of ``bands`` (bands, rows)."""
    from datasketch import MinHashLSH

    return MinHashLSH(num_perm=num_perm, params=bands)


def lean(values: np.ndarray) -> object:
    """A LeanMinHash of stored hash values (the scheme grouping compares)."""
    from datasketch import LeanMinHash

    return LeanMinHash(seed=1, hashvalues=values, scheme=SCHEME)


def keyword_hash(words: list[bytes]) -> np.ndarray:
    """The hash values of the keyword MinHash of ``words``."""
    from datasketch import MinHash

    mh = MinHash(num_perm=KEY_PERM, seed=1, scheme=SCHEME)
    if words:
        mh.update_batch(words)
    return np.asarray(mh.hashvalues)
