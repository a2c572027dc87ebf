"""Sorting facts into the template's sections.

Every fact is scored against every section in three ways, all computed on the
stemmed, folded content words of :func:`briefgen.text.content_terms`:

1. **Keywords.** Each keyword or phrase of a section that occurs in the fact
   (whole words, case-insensitive, a longer phrase claiming its words first,
   so "economic security" does not also count as "security") adds its weight:
   its inverse document frequency over the facts of this corpus, shared
   between the sections that list it.
2. **Examples.** Cosine similarity (TF-IDF) to the section's example
   sentences.
3. **Expansion from the corpus.** Facts that the first two scores place
   confidently become the section's seed set; the centroid of their TF-IDF
   vectors then scores every fact by cosine, so words the template never
   named ("Chosei", "remains", "drumsticks") pull their facts in. This runs
   for a fixed number of rounds, each re-seeding from the combined score.

A fact goes to its best section when that score is high enough and clearly
ahead of the runner-up; otherwise it goes to the :data:`OTHER` pool. Scoring
is vectorised with scipy sparse matrices, so it scales to 100,000 facts.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt
from scipy import sparse

from briefgen.config import SectionSpec
from briefgen.model import Fact
from briefgen.text import content_terms

__all__ = ["OTHER", "Params", "Scores", "classify", "score_facts", "section_scores"]

log = logging.getLogger(__name__)

OTHER = "other"
"""Key of the pool of facts that fit no section."""


@dataclass(frozen=True, slots=True)
class Params:
    """Tuning knobs of the classifier; the defaults are the tested ones.

    Attributes:
        keyword: Weight of the keyword evidence in the combined score.
        example: Weight of the similarity to the section's examples.
        centroid: Weight of the similarity to the section's seed centroid.
        half: Keyword evidence saturates as ``k / (k + half)`` (``k`` in idf units).
        generic: How much a fact's similarity to the whole corpus raises the bar
            it must clear: facts about the event in general go to ``other``.
        contrast: Share of the corpus mean vector taken off each centroid, so it
            keeps the words its seeds have beyond the event's common words.
        seed_min: Score a fact needs to seed its section's centroid.
        seed_margin: Lead over the runner-up (fraction of its score) a seed needs.
        rounds: Rounds of centroid expansion.
        place_min: Score a fact needs to be placed in a section.
        place_margin: Lead over the runner-up (fraction of its score) to be placed.
    """

    keyword: float = 1.0
    example: float = 0.5
    centroid: float = 1.0
    half: float = 2.0
    generic: float = 0.0
    contrast: float = 1.0
    seed_min: float = 0.3
    seed_margin: float = 0.3
    rounds: int = 2
    place_min: float = 0.25
    place_margin: float = 0.1


@dataclass(frozen=True, slots=True)
class Scores:
    """Fact-by-section scores and what they were made of.

    Attributes:
        keys: Section keys, in template order (the columns).
        keyword: Saturated keyword evidence, in [0, 1).
        example: Cosine similarity to the section's examples.
        centroid: Cosine similarity to the centroid of the section's seed facts.
        total: The combined score used for placement.
    """

    keys: tuple[str, ...]
    keyword: npt.NDArray[np.float64]
    example: npt.NDArray[np.float64]
    centroid: npt.NDArray[np.float64]
    total: npt.NDArray[np.float64]


def _vocabulary(docs: Sequence[Sequence[str]]) -> dict[str, int]:
    return {t: i for i, t in enumerate(sorted({t for d in docs for t in d}))}


def _counts(docs: Sequence[Sequence[str]], vocab: dict[str, int]) -> sparse.csr_matrix:
    """Raw term counts, one row a document; terms outside ``vocab`` are ignored."""
    indptr = [0]
    indices: list[int] = []
    for doc in docs:
        ids = [vocab[t] for t in doc if t in vocab]
        indices.extend(ids)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    m = sparse.csr_matrix((data, indices, indptr), shape=(len(docs), len(vocab)))
    m.sum_duplicates()
    return m


def _tfidf(counts: sparse.csr_matrix, idf: npt.NDArray[np.float64]) -> sparse.csr_matrix:
    """Sublinear tf times idf, rows scaled to unit length."""
    m = counts.copy().astype(np.float64)
    m.data = 1.0 + np.log(m.data)
    m = sparse.csr_matrix(m.multiply(idf[np.newaxis, :]))
    return _unit_rows(m)


def _unit_rows(m: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


def _idf(counts: sparse.csr_matrix) -> npt.NDArray[np.float64]:
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64)
    return np.log((n + 1.0) / (df + 1.0)) + 1.0


def _phrases(sections: Sequence[SectionSpec]) -> tuple[list[str], sparse.csr_matrix]:
    """Distinct keyword phrases (as space-joined stems) and a phrase-by-section share matrix."""
    owners: dict[str, set[int]] = {}
    for j, spec in enumerate(sections):
        for kw in spec.keywords:
            terms = content_terms(kw)
            if terms:
                owners.setdefault(" ".join(terms), set()).add(j)
    phrases = sorted(owners)
    rows, cols, vals = [], [], []
    for i, p in enumerate(phrases):
        for j in sorted(owners[p]):
            rows.append(i)
            cols.append(j)
            vals.append(1.0 / len(owners[p]))
    share = sparse.csr_matrix((vals, (rows, cols)), shape=(len(phrases), len(sections)))
    return phrases, share


def _phrase_hits(docs: Sequence[Sequence[str]], phrases: Sequence[str]) -> sparse.csr_matrix:
    """Binary fact-by-phrase matrix: which keyword phrases each fact contains.

    One regular expression over the space-joined stems, longest phrases first,
    so a phrase claims its words before any shorter keyword inside it.
    """
    if not phrases:
        return sparse.csr_matrix((len(docs), 0))
    index = {p: i for i, p in enumerate(phrases)}
    ordered = sorted(phrases, key=lambda p: (-p.count(" "), -len(p), p))
    pattern = re.compile(r"(?<!\S)(?:" + "|".join(re.escape(p) for p in ordered) + r")(?!\S)")
    rows: list[int] = []
    cols: list[int] = []
    for r, doc in enumerate(docs):
        found = {index[m.group(0)] for m in pattern.finditer(" ".join(doc))}
        rows.extend([r] * len(found))
        cols.extend(sorted(found))
    data = np.ones(len(rows), dtype=np.float64)
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(docs), len(phrases)))


def _margin_ok(total: npt.NDArray[np.float64], minimum: float, margin: float) -> npt.NDArray[np.bool_]:
    """Rows whose best score reaches ``minimum`` and leads the runner-up by ``margin`` (relative)."""
    if total.shape[1] == 0:
        return np.zeros(total.shape[0], dtype=bool)
    top = total.max(axis=1)
    second = np.sort(total, axis=1)[:, -2] if total.shape[1] > 1 else np.zeros_like(top)
    return (top >= minimum) & (top - second >= margin * top)


def score_facts(facts: Sequence[Fact], sections: Sequence[SectionSpec],
                params: Params | None = None) -> Scores:
    """Score every fact against every section.

    Args:
        facts: The facts to score.
        sections: Section specs, in template order.
        params: Tuning knobs; the defaults when omitted.

    Returns:
        The scores, one row per fact and one column per section.
    """
    p = params or Params()
    keys = tuple(s.key for s in sections)
    n, k = len(facts), len(sections)
    if n == 0 or k == 0:
        empty = np.zeros((n, k))
        return Scores(keys, empty, empty.copy(), empty.copy(), empty.copy())
    docs = [content_terms(f.text) for f in facts]

    vocab = _vocabulary(docs)
    counts = _counts(docs, vocab)
    idf = _idf(counts)
    x = _tfidf(counts, idf)

    phrases, share = _phrases(sections)
    hits = _phrase_hits(docs, phrases)
    phrase_df = np.asarray(hits.sum(axis=0)).ravel()
    phrase_idf = np.log((n + 1.0) / (phrase_df + 1.0)) + 1.0
    raw = np.asarray((hits @ sparse.diags(phrase_idf) @ share).todense()) if phrases else np.zeros((n, k))
    keyword = raw / (raw + p.half)

    example = np.zeros((n, k))
    example_rows: list[sparse.csr_matrix] = []
    for j, spec in enumerate(sections):
        ex = _tfidf(_counts([content_terms(e) for e in spec.examples], vocab), idf)
        example_rows.append(ex)
        if ex.shape[0]:
            example[:, j] = np.asarray((x @ ex.T).todense()).max(axis=1)

    # Similarity to the corpus as a whole: facts about the event in general
    # resemble every section a little and must clear a higher bar.
    mean = np.asarray(x.mean(axis=0)).ravel()
    overall = _unit_rows(sparse.csr_matrix(mean))
    generic = np.asarray((x @ overall.T).todense()).ravel()[:, np.newaxis] * p.generic
    total = p.keyword * keyword + p.example * example - generic
    centroid = np.zeros((n, k))
    for _ in range(p.rounds):
        seeded = _margin_ok(total, p.seed_min, p.seed_margin)
        best = total.argmax(axis=1)
        rows = []
        for j in range(k):
            members = x[np.flatnonzero(seeded & (best == j))]
            stacked = sparse.vstack([members, example_rows[j]]) if example_rows[j].shape[0] else members
            if stacked.shape[0] == 0:
                rows.append(sparse.csr_matrix((1, x.shape[1])))
                continue
            # Rocchio-style contrast: keep what the seeds share beyond the corpus mean.
            lifted = np.asarray(stacked.mean(axis=0)).ravel() - p.contrast * mean
            rows.append(sparse.csr_matrix(np.clip(lifted, 0.0, None)))
        cents = _unit_rows(sparse.csr_matrix(sparse.vstack(rows)))
        centroid = np.asarray((x @ cents.T).todense())
        total = p.keyword * keyword + p.example * example + p.centroid * centroid - generic
        log.debug("round: %d facts seeded", int(seeded.sum()))
    return Scores(keys, keyword, example, centroid, total)


def section_scores(facts: Sequence[Fact], sections: Sequence[SectionSpec],
                   params: Params | None = None) -> npt.NDArray[np.float64]:
    """Combined fact-by-section scores (rows: facts, columns: sections in template order)."""
    return score_facts(facts, sections, params).total


def classify(facts: Sequence[Fact], sections: Sequence[SectionSpec],
             params: Params | None = None) -> dict[str, list[Fact]]:
    """Place each fact in at most one section.

    Args:
        facts: The facts to sort.
        sections: Section specs, in template order.
        params: Tuning knobs; the defaults when omitted.

    Returns:
        Every section key in template order, then :data:`OTHER`, each with its
        facts in input order. Placed facts carry ``section`` set to their key;
        facts in :data:`OTHER` carry ``section=None``.
    """
    out: dict[str, list[Fact]] = {s.key: [] for s in sections}
    out[OTHER] = []
    if not facts:
        return out
    p = params or Params()
    total = score_facts(facts, sections, p).total
    placed = _margin_ok(total, p.place_min, p.place_margin) if sections else np.zeros(len(facts), dtype=bool)
    best = total.argmax(axis=1) if sections else np.zeros(len(facts), dtype=int)
    for fact, ok, j in zip(facts, placed, best, strict=True):
        key = sections[int(j)].key if ok else None
        out[key or OTHER].append(replace(fact, section=key))
    return out

