"""Copies of one story: which sources reprint the same wire report.

Two sources whose texts share most of their five-word shingles carry one
report (a wire story reprinted, a page saved twice); corroboration counts
such a group once. :func:`with_reports` names each group's report (the wire
agency its copies credit, else its first copy's outlet) on the sources, so
that footnotes can say "AP report, carried by The Star, the Gleaner and
TAG24".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import count

from briefgen.facts.pairs import shared_pairs
from briefgen.model import Source
from briefgen.text.words import words

__all__ = ["independent_groups", "wire_agency", "with_reports"]

# Wire agencies as a dateline or credit names them, and the short name a footnote uses.
_AGENCIES = {
    "AP": "AP", "Associated Press": "AP", "Reuters": "Reuters", "AFP": "AFP", "Agence France-Presse": "AFP",
    "Agence France Presse": "AFP", "UPI": "UPI", "United Press International": "UPI", "Xinhua": "Xinhua",
    "Kyodo": "Kyodo", "Kyodo News": "Kyodo", "Yonhap": "Yonhap", "Yonhap News Agency": "Yonhap", "dpa": "dpa",
    "EFE": "EFE", "ANSA": "ANSA", "TASS": "TASS", "Bloomberg": "Bloomberg",
}
_NAMES = "|".join(sorted(map(re.escape, _AGENCIES), key=len, reverse=True))
# "(AP)" in a dateline, or a spelled-out name in a byline or credit line.
_AGENCY = re.compile(rf"\((?P<tag>{_NAMES})\)|\b(?P<name>{_NAMES})\b(?!-)")
# A wire credit is read near the top (dateline, byline) or at the foot of an article.
_HEAD, _FOOT = 400, 300


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
    rows, cols = shared_pairs(
        x, _ROWS, lambda rows, cols, shared: shared / np.minimum(sizes[rows], sizes[cols]) >= threshold)
    order = np.lexsort((cols, rows))  # merge in the order of a loop over i, then j
    for i, j in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        parent[find(j)] = find(i)
    return {s.id: find(i) for i, s in enumerate(sources)}


def wire_agency(text: str) -> str:
    """The wire agency an article's dateline, byline or credit names ("AP", "Reuters"), or ""."""
    for part in (text[:_HEAD], text[-_FOOT:]):
        m = _AGENCY.search(part)
        if m:
            return _AGENCIES[m.group("tag") or m.group("name")]
    return ""


def with_reports(sources: Sequence[Source], threshold: float = 0.5) -> list[Source]:
    """The sources with :attr:`~briefgen.model.Source.report` set: a name each group of copies shares.

    A group of copies (see :func:`independent_groups`) is named for the wire
    agency its copies credit, else for its first copy's outlet; two groups
    that would share a name are told apart by a number ("AP", "AP #2"; a
    footnote prints the name without it, see
    :func:`briefgen.render.layout.report_label`). A source that no other
    source copies gets an empty report: its own.
    """
    groups = independent_groups(sources, threshold)
    members: dict[int, list[Source]] = {}
    for src in sources:
        members.setdefault(groups[src.id], []).append(src)
    names: dict[int, str] = {}
    used: dict[str, int] = {}
    for group, srcs in members.items():
        if len(srcs) < 2:
            continue
        agency = next((a for a in map(wire_agency, (s.text for s in srcs)) if a), "")
        base = agency or srcs[0].outlet or srcs[0].id
        used[base] = used.get(base, 0) + 1
        names[group] = base if used[base] == 1 else f"{base} #{used[base]}"
    return [replace(s, report=names.get(groups[s.id], "")) for s in sources]
