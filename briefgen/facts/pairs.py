"""Pairs of rows of a sparse matrix that share columns: its product with itself, a block of rows at a time.

Wire copies (:mod:`briefgen.facts.copies`: sources sharing shingles) and
candidate figures (:mod:`briefgen.facts.compare`: sentences sharing words) are
both found this way, never by comparing all pairs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy import sparse

__all__ = ["shared_pairs"]

#: ``keep(rows, cols, shared)``: which of a block's pairs to keep (a boolean mask).
Keep = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]


def shared_pairs(x: sparse.csr_matrix, block: int, keep: Keep) -> tuple[np.ndarray, np.ndarray]:
    """The pairs of rows ``i < j`` of ``x`` that share a column and that ``keep`` keeps.

    Args:
        x: A rows-by-columns matrix (0/1 for "which columns each row has").
        block: Rows of the product ``x @ x.T`` held at a time (bounds memory).
        keep: Given a block's pairs as arrays of rows, columns and the sum of
            their products (for a 0/1 matrix, the columns they share), the
            mask of those to keep; applied block by block, so the pairs it
            drops are never all held at once.

    Returns:
        The rows ``i`` and ``j`` of the pairs kept, block by block in the
        order the product gives them.
    """
    xt = x.T.tocsr()
    found_i: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
    found_j: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
    for start in range(0, x.shape[0], block):
        shared = (x[start:start + block] @ xt).tocoo()
        rows = shared.row.astype(np.int64) + start
        cols = shared.col.astype(np.int64)
        later = cols > rows
        rows, cols = rows[later], cols[later]
        mask = keep(rows, cols, shared.data[later])
        found_i.append(rows[mask])
        found_j.append(cols[mask])
    return np.concatenate(found_i), np.concatenate(found_j)
