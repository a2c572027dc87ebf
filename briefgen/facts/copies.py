"""Copies of one story: which sources reprint the same wire report.

Two sources whose texts share most of their five-word shingles carry one
report (a wire story reprinted, a page saved twice); corroboration counts
such a group once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import count

from briefgen.model import Source
from briefgen.text.words import words

__all__ = ["independent_groups"]


# Rows of the shingle matrix multiplied at a time.
_ROWS = 4096


def _shingles(text: str, n: int = 5) -> Iterator[tuple[str, ...]]:
    """The word n-grams of ``text``, lower-cased, as tuples (repeats included)."""
    # Lower-casing plain ASCII first tokenises the same and is one call.
    toks = words(text.lower()) if text.isascii() else list(map(str.lower, words(text)))
    return zip(*(toks[k:] for k in range(n)), strict=False)


def independent_groups(sources: Sequence[Source], threshold: float = 0.5) -> dict[str, int]:
    """Group sources whose texts are near-copies of one another.

    Two articles are copies when at least ``threshold`` of the shorter one's
    word 5-shingles appear in the other (a wire story reprinted, perhaps with
    a paragraph added or cut).

    Returns:
        Each source id mapped to a group number; copies share a number.
    """
    parent = list(range(len(sources)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    import numpy as np
    from scipy import sparse

    # Shared shingles of every pair at once: a sparse product of the
    # source-by-shingle matrix with itself, in row blocks. Every shingle gets
    # the next number when first seen; a repeat within one source is merged
    # in the matrix.
    ids: defaultdict[tuple[str, ...], int] = defaultdict(count().__next__)
    indices: list[int] = []
    indptr = [0]
    for src in sources:
        indices.extend(map(ids.__getitem__, _shingles(src.text)))
        indptr.append(len(indices))
    n = len(sources)
    ones = np.ones(len(indices), dtype=np.int32)
    x = sparse.csr_matrix((ones, indices, indptr), shape=(n, max(1, len(ids))))
    x.sum_duplicates()
    x.data.fill(1)
    sizes = np.diff(x.indptr)
    xt = x.T.tocsr()
    found_i: list[np.ndarray] = []
    found_j: list[np.ndarray] = []
    for start in range(0, n, _ROWS):
        shared = (x[start:start + _ROWS] @ xt).tocoo()
        rows = shared.row.astype(np.int64) + start
        cols = shared.col.astype(np.int64)
        later = cols > rows
        rows, cols, counts = rows[later], cols[later], shared.data[later]
        copies = counts / np.minimum(sizes[rows], sizes[cols]) >= threshold
        found_i.append(rows[copies])
        found_j.append(cols[copies])
    rows = np.concatenate(found_i) if found_i else np.zeros(0, dtype=np.int64)
    cols = np.concatenate(found_j) if found_j else np.zeros(0, dtype=np.int64)
    order = np.lexsort((cols, rows))  # merge in the order of a loop over i, then j
    for i, j in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        parent[find(j)] = find(i)
    return {s.id: find(i) for i, s in enumerate(sources)}
