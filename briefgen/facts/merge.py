"""Merging across sources: sentences that report one statement become one fact.

:func:`cluster` weighs terms by inverse document frequency over the batch,
finds candidate pairs with a sparse product of each sentence's rarest terms
against every sentence's terms (never all pairs), scores the candidates on
whole arrays where it can (exactly as :func:`briefgen.facts.same.match_score`
does pair by pair), and merges greedily from the strongest pair down. Two
groups merge only when most of the pairs across them match, so one sentence
that touches two statements cannot chain them into one fact. The
representative is the member the others back best, marked down for opening
with a pronoun or being a fragment.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from briefgen.facts.copies import independent_groups
from briefgen.facts.same import (
    LOCAL_WEIGHT,
    MIN_SHARED,
    SURE_MARGIN,
    THRESHOLD,
    Terms,
    different_numbers,
    different_speakers,
    pair_score,
    terms,
    weigh,
)
from briefgen.model import Fact, Sentence, Source
from briefgen.parallel import collector_paused
from briefgen.text.tokens import PRONOUNS, common_words
from briefgen.text.words import words

if TYPE_CHECKING:
    import numpy as np

__all__ = ["cluster"]

log = logging.getLogger(__name__)


_T = TypeVar("_T")


# Candidate pairs: one sentence's rarest terms (its probe) meet at least
# _PROBE_SHARED terms of the other. Terms in more than _MAX_POSTINGS sentences
# (or a share _MAX_SHARE of them, if larger) never probe: they say too little.
_PROBE_SHARE = 0.6
_PROBE_MIN = 4
_PROBE_SHARED = 2
_MAX_POSTINGS = 200
_MAX_SHARE = 0.002
_BLOCK = 4096
_PAIR_CHUNK = 1 << 18
# Slack for sums of weights taken in another order than math.fsum's.
_ROUNDING = 1e-9
# Exact sums of weights: in units of 2**-52, for weights from 1 up to _EXACT_LIMIT.
_UNIT = float(2**52)
_EXACT_LIMIT = 1024.0
# Representatives of large groups are judged against this many members.
_PANEL = 12


def _no_pairs() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    import numpy as np

    return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)


def _candidates(
    feats: Sequence[Terms], df: Mapping[str, int], idf: Mapping[str, float], totals: Sequence[float]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i < j) worth scoring, found without comparing all pairs.

    Every sentence probes with its rarest terms; a pair is a candidate when
    one side's probe terms meet at least two terms of the other side. Since a
    match needs the shorter sentence's distinctive terms in the longer one,
    this finds a short statement inside a long sentence too. The counting is
    a sparse matrix product (probe matrix by term matrix), done in row blocks;
    choosing each row's probe is one array sort.

    Candidates that cannot match are dropped on whole arrays: those sharing
    fewer than :data:`MIN_SHARED` terms, and those whose score cannot reach
    :data:`THRESHOLD` even with the best local overlap (the bound
    :func:`pair_score` tests first, here with a small margin for rounding).

    Args:
        feats: Every sentence's terms.
        df: Each term's document frequency over ``feats``.
        idf: Each term's weight.
        totals: Each sentence's total term weight.

    Returns:
        The pairs as arrays of first and second indices, in (i, j) order, and
        each pair's shared term weight (as :func:`math.fsum` sums it, or NaN
        where that is not sure).
    """
    import numpy as np
    from scipy import sparse

    n = len(feats)
    cap = max(_MAX_POSTINGS, int(_MAX_SHARE * n))
    # Term ids by rarity (document frequency, then the term itself), so a
    # row's smallest ids are its rarest terms.
    by_rarity = sorted(df, key=lambda t: (df[t], t))
    rarity = {t: k for k, t in enumerate(by_rarity)}
    vocab = len(by_rarity)
    lengths = np.fromiter((len(f.bag) for f in feats), dtype=np.int64, count=n)
    total = int(lengths.sum())
    if not n or not total:
        return _no_pairs()
    rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
    ids = np.fromiter((rarity[t] for f in feats for t in f.bag), dtype=np.int64, count=total)
    ids = np.sort(rows * vocab + ids) - rows * vocab  # each row's ids, rarest first
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    rank_in_row = np.arange(total, dtype=np.int64) - indptr[rows]
    probe_size = np.maximum(_PROBE_MIN, np.ceil(_PROBE_SHARE * lengths).astype(np.int64))
    counts = np.fromiter((df[t] for t in by_rarity), dtype=np.int64, count=vocab)
    keep = (rank_in_row < probe_size[rows]) & (counts[ids] <= cap)
    if not keep.any():
        return _no_pairs()
    shape = (n, vocab)
    probe_ones = np.ones(int(keep.sum()), dtype=np.int32)
    probe = sparse.csr_matrix((probe_ones, (rows[keep], ids[keep])), shape=shape)
    full = sparse.csr_matrix((np.ones(total, dtype=np.int32), ids, indptr), shape=shape)
    full_t = full.T.tocsr()
    found: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
    for lo in range(0, n, _BLOCK):
        prod = (probe[lo:lo + _BLOCK] @ full_t).tocoo()
        hit = (prod.data >= _PROBE_SHARED) & (prod.row + lo != prod.col)
        i = prod.row[hit].astype(np.int64) + lo
        j = prod.col[hit].astype(np.int64)
        found.append(np.minimum(i, j) * n + np.maximum(i, j))
    codes = np.sort(np.concatenate(found))
    first_copy = np.ones(len(codes), dtype=bool)
    first_copy[1:] = codes[1:] != codes[:-1]
    codes = codes[first_copy]
    # Shared terms of each pair (an element-wise product of their rows),
    # counted and weighed in chunks of pairs. Weights of at least 1 are whole
    # multiples of 2**-52, so their sum in those units is an exact integer,
    # which rounds to the float math.fsum gives (while it stays below 2**63).
    weight_of_id = np.fromiter((idf[t] for t in by_rarity), dtype=np.float64, count=vocab)
    exact = bool((weight_of_id >= 1.0).all() and (weight_of_id < _EXACT_LIMIT).all())
    units_of_id = (weight_of_id * _UNIT).astype(np.int64) if exact else np.zeros(vocab, dtype=np.int64)
    sizes = np.asarray(totals, dtype=np.float64)
    kept = [_no_pairs()]
    for lo in range(0, len(codes), _PAIR_CHUNK):
        chunk = codes[lo:lo + _PAIR_CHUNK]
        first, second = chunk // n, chunk % n
        both = full[first].multiply(full[second]).tocsr()
        both.sort_indices()
        shared = np.diff(both.indptr)
        rows_of = np.repeat(np.arange(len(chunk)), shared)
        w_shared = np.bincount(rows_of, weights=weight_of_id[both.indices], minlength=len(chunk))
        w_small = np.minimum(sizes[first], sizes[second])
        best = (1 - LOCAL_WEIGHT) * w_shared / w_small + LOCAL_WEIGHT * 2 * w_shared / (w_small + w_shared)
        keep_pair = (shared >= MIN_SHARED) & (best >= THRESHOLD - _ROUNDING)
        units = np.zeros(len(chunk), dtype=np.int64)
        bounds = np.stack((both.indptr[:-1][keep_pair], both.indptr[1:][keep_pair]), axis=1).ravel()
        padded = np.append(units_of_id[both.indices], 0)  # an end may be the very end
        units[keep_pair] = np.add.reduceat(padded, bounds)[::2] if len(bounds) else 0
        w_exact = np.where(exact & (w_shared < _EXACT_LIMIT / 2), units.astype(np.float64) / _UNIT, np.nan)
        kept.append((first[keep_pair], second[keep_pair], w_exact[keep_pair]))
    firsts, seconds, weights = zip(*kept, strict=True)
    return np.concatenate(firsts), np.concatenate(seconds), np.concatenate(weights)


def _candidate_scores(
    feats: Sequence[Terms], pairs: tuple[np.ndarray, np.ndarray, np.ndarray], scorer: _Scorer
) -> np.ndarray:
    """The score of every candidate pair, on whole arrays where no veto can apply.

    The speaker and quantity vetoes are decided once per distinct pair of
    speaker sets or quantity sets; a vetoed pair scores 0. A pair whose lower
    bound clears the threshold by :data:`SURE_MARGIN`, with no veto and no
    leading person on both sides, scores that bound, computed here exactly as
    :func:`pair_score` does. Every other pair goes through :meth:`_Scorer.score`.
    All scores are cached.
    """
    import numpy as np

    first, second, w_shared = pairs
    sizes = np.asarray(scorer.totals, dtype=np.float64)
    w_a, w_b = sizes[first], sizes[second]
    containment = w_shared / np.minimum(w_a, w_b)
    bound = (1 - LOCAL_WEIGHT) * containment + LOCAL_WEIGHT * 2 * w_shared / (w_a + w_b)
    vetoed = _per_distinct([f.speakers for f in feats], first, second, different_speakers)
    vetoed |= _per_distinct([f.numbers for f in feats], first, second, different_numbers)
    lead = np.fromiter((bool(f.lead) for f in feats), dtype=bool, count=len(feats))
    # NaN (a sum not known exactly) is never sure.
    decided = vetoed | ((bound >= THRESHOLD + SURE_MARGIN) & ~(lead[first] & lead[second]))
    scores = np.where(vetoed, 0.0, bound)
    decided_pairs = zip(first[decided].tolist(), second[decided].tolist(), strict=True)
    scorer.cache.update(zip(decided_pairs, scores[decided].tolist(), strict=True))
    rest = np.flatnonzero(~decided)
    rest_pairs = zip(first[rest].tolist(), second[rest].tolist(), strict=True)
    scores[rest] = [scorer.score(i, j) for i, j in rest_pairs]
    return scores


def _per_distinct(
    values: Sequence[frozenset[_T]], first: np.ndarray, second: np.ndarray,
    rule: Callable[[frozenset[_T], frozenset[_T]], bool],
) -> np.ndarray:
    """``rule(values[i], values[j])`` for every pair, worked out once per distinct pair of values."""
    import numpy as np

    ids: dict[frozenset[_T], int] = {}
    value_id = np.fromiter((ids.setdefault(v, len(ids)) for v in values), dtype=np.int64, count=len(values))
    distinct = list(ids)
    k = max(1, len(distinct))
    combos, where = np.unique(value_id[first] * k + value_id[second], return_inverse=True)
    verdicts = np.fromiter((rule(distinct[c // k], distinct[c % k]) for c in combos.tolist()),
                           dtype=bool, count=len(combos))
    return verdicts[where.reshape(-1)]


class _Scorer:
    """Pair decisions with weights from the whole batch, cached per pair.

    Scores below :data:`THRESHOLD` may come back as 0: only whether a pair
    matches, and how strongly a matching pair does, matter here.
    """

    def __init__(self, feats: Sequence[Terms], idf: Mapping[str, float]) -> None:
        self.feats = feats
        self.idf = idf
        self.totals = [weigh(idf, f.bag) for f in feats]
        self.cache: dict[tuple[int, int], float] = {}

    def score(self, i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        found = self.cache.get(key)
        if found is None:
            found = pair_score(self.feats[i], self.feats[j], self.totals[i], self.totals[j], self.idf,
                               THRESHOLD)
            self.cache[key] = found
        return found

    def same(self, i: int, j: int) -> bool:
        return self.score(i, j) >= THRESHOLD

    def backing(self, i: int, j: int) -> float:
        """Weighted share of sentence ``i``'s terms that sentence ``j`` also has."""
        a, b = self.feats[i], self.feats[j]
        shared = weigh(self.idf, a.bag & b.bag)
        return shared / self.totals[i] if self.totals[i] else 0.0


def _clarity_penalty(text: str) -> float:
    """How badly a sentence reads on its own, for choosing a representative."""
    toks = words(text)
    penalty = 0.0
    first = text.lstrip()[:1]
    if not first or not (first.isupper() or first.isdigit() or first in "\"'\u201c\u2018"):
        penalty += 1.0  # a fragment: starts lower-case or with stray punctuation
    if toks and toks[0].lower() in PRONOUNS:
        penalty += 0.5
    if not text.rstrip().endswith((".", "!", "?", '"', "\u201d", "'", "\u2019")):
        penalty += 0.5
    if text.count("\u201c") != text.count("\u201d") or text.count('"') % 2:
        penalty += 0.5  # a quotation cut off by the sentence split
    if not any(w[:1].isupper() and w.lower() not in PRONOUNS for w in toks[1:]):
        penalty += 0.25  # names nobody: "We made progress," he said.
    if len(toks) < 6:
        penalty += 0.5
    elif len(toks) > 45:
        penalty += 0.25
    return penalty


def _representative(members: list[int], texts: Sequence[str], scorer: _Scorer) -> int:
    """The member that states the shared statement most completely and clearly.

    The memo prints the representative and cites every member's source, so
    the best one is the sentence whose words the other members back most
    (weighted share of its terms found in each other member): the common
    core. A compound sentence that adds statements of its own is backed
    less; a fragment or a sentence opening with a pronoun is marked down.
    """
    if len(members) == 1:
        return members[0]

    # In a large group the earliest members stand for the rest.
    panel = sorted(members)[:_PANEL]

    def merit(i: int) -> tuple[float, int]:
        backing = [scorer.backing(i, j) for j in panel if j != i]
        return (math.fsum(backing) / len(backing) - 0.6 * _clarity_penalty(texts[i]), -i)

    return max(members, key=merit)


def _votes(a: list[int], b: list[int], scorer: _Scorer) -> int:
    """Matching pairs across two groups, counted until the majority is settled."""
    total = len(a) * len(b)
    yes = no = 0
    for x in a:
        for y in b:
            if scorer.same(x, y):
                yes += 1
                if 2 * yes > total:
                    return yes
            else:
                no += 1
                if 2 * no > total:
                    return yes
    return yes


def cluster(sentences: Sequence[Sentence], sources: Sequence[Source]) -> list[Fact]:
    """Merge sentences that report one statement into facts.

    Every sentence lands in exactly one fact. Copies always merge; paraphrases
    merge when :func:`same_fact` holds, with term weights computed over the
    whole batch. Two groups merge only when most pairs across them match (or,
    for a pair and a single sentence, one of two does and the representatives
    match), so a sentence touching two statements cannot chain them together.

    Args:
        sentences: The sentences of every source.
        sources: The sources, in the order facts should cite them.

    Returns:
        Facts "f1", "f2", ... in order of their earliest member (source
        order, then sentence index). Each fact's text is its representative
        sentence, verbatim; its sentences start with the representative.
    """
    # Clustering allocates many small objects and makes no reference cycles
    # of note; with the cycle collector paused, the objects already alive (a
    # large batch in a pipeline) are not rescanned again and again.
    with collector_paused():
        return _cluster(sentences, sources)


def _cluster(sentences: Sequence[Sentence], sources: Sequence[Source]) -> list[Fact]:
    """The work of :func:`cluster`, which pauses the cycle collector around it."""
    import numpy as np

    rank = {s.id: i for i, s in enumerate(sources)}
    sents = sorted(
        sentences,
        key=lambda s: (rank.get(s.source_id, len(rank)), s.source_id, s.index, s.start, s.text),
    )
    common = common_words({s.text: None for s in sents})
    # Copies (same letters and digits) form one unit, compared once.
    by_text: dict[str, Terms] = {}
    unit_of_key: dict[str, int] = {}
    unit_members: list[list[int]] = []
    feats: list[Terms] = []
    for k, s in enumerate(sents):
        f = by_text.get(s.text)
        if f is None:
            f = by_text[s.text] = terms(s.text, common)
        u = unit_of_key.get(f.key)
        if u is None:
            u = unit_of_key[f.key] = len(feats)
            feats.append(f)
            unit_members.append([])
        unit_members[u].append(k)
    texts = [sents[m[0]].text for m in unit_members]
    n = len(feats)
    df = Counter(t for f in feats for t in f.bag)
    idf = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
    scorer = _Scorer(feats, idf)

    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Matching pairs, strongest first; the candidates come in (i, j) order,
    # which a stable sort keeps among equal scores.
    pairs = _candidates(feats, df, idf, scorer.totals)
    scores = _candidate_scores(feats, pairs, scorer)
    found = np.flatnonzero(scores >= THRESHOLD)
    found = found[np.argsort(-scores[found], kind="stable")]
    matches = list(zip(pairs[0][found].tolist(), pairs[1][found].tolist(), strict=True))
    log.debug("%d sentences, %d distinct, %d matching pairs", len(sents), n, len(matches))

    # Two groups that refused to merge refuse again until one of them grows
    # (a group only ever grows, so its root and size name its members).
    refused: set[tuple[int, int, int, int]] = set()
    for i, j in matches:
        ri = i if parent[i] == i else find(i)
        rj = j if parent[j] == j else find(j)
        if ri == rj:
            continue
        if ri > rj:
            ri, rj = rj, ri
        a, b = members[ri], members[rj]
        state = (ri, len(a), rj, len(b))
        if state in refused:
            continue
        votes = _votes(a, b, scorer)
        if 2 * votes > len(a) * len(b) or (
            # A tie decides on the representatives, for a pair joining a single.
            2 * votes == len(a) * len(b) == 2
            and scorer.same(_representative(a, texts, scorer), _representative(b, texts, scorer))
        ):
            parent[rj] = ri
            members[ri].extend(members.pop(rj))
        else:
            refused.add(state)

    groups = independent_groups(sources)
    facts: list[Fact] = []
    for root in sorted(members, key=lambda r: min(members[r])):
        units = sorted(members[root])
        rep = _representative(units, texts, scorer)
        ordered = unit_members[rep] + sorted(m for u in units if u != rep for m in unit_members[u])
        srcs = sorted({sents[m].source_id for m in ordered}, key=lambda sid: (rank.get(sid, len(rank)), sid))
        independent = len({groups.get(sid, -1 - k) for k, sid in enumerate(srcs)})
        facts.append(
            Fact(
                id=f"f{len(facts) + 1}",
                text=texts[rep],
                sentences=tuple(sents[m] for m in ordered),
                sources=tuple(srcs),
                independent=independent,
            )
        )
    facts.sort(key=lambda f: min(_position(s, rank) for s in f.sentences))
    return [replace(f, id=f"f{k + 1}") for k, f in enumerate(facts)]


def _position(s: Sentence, rank: Mapping[str, int]) -> tuple[int, str, int, int]:
    return (rank.get(s.source_id, len(rank)), s.source_id, s.index, s.start)
