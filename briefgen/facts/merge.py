"""Merging across sources: sentences that report one statement become one fact.

:func:`cluster` weighs terms by inverse document frequency over the batch (the
corpus weights), finds candidate pairs with a sparse product of each
sentence's rarest terms against every sentence's terms (never all pairs), and
scores their wording on whole arrays where it can (exactly as
:func:`briefgen.facts.same.match_score` does pair by pair). Two sentences
merge when the lighter one's statement is found within the other (a wording
score of at least :data:`~briefgen.facts.same.THRESHOLD`, every number it
prints printed by the other, no count of one thing that differs, in digits
or in words, and no different speaker or actor), or, for a pair
whose wording overlaps less, when the paraphrase model says they are the same
(:func:`briefgen.facts.same.same_fact`, scored for all such pairs at once).
Groups merge greedily from the strongest pair down, and only when most of the
pairs across them match, so one sentence that touches two statements cannot
chain them into one fact. :mod:`briefgen.facts.members` then makes facts of
each group: a representative, and only the members that carry it.

Pairs whose wording overlaps from :data:`LINK` up but that did not end in one
fact (their numbers differ, they overlap in part, a majority refused them)
link their facts: :attr:`briefgen.model.Fact.overlaps` names them, and the
selector never prints two linked facts.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from briefgen.facts.copies import independent_groups
from briefgen.facts.fates import fates, one_person
from briefgen.facts.members import main_statements, representative, split_group
from briefgen.facts.same import (
    CARRY,
    LOCAL_WEIGHT,
    MIN_SHARED,
    SURE_MARGIN,
    THRESHOLD,
    Terms,
    carries,
    different_numbers,
    different_people,
    different_speakers,
    different_statements,
    numbers_within,
    pair_score,
    terms,
    vetoed,
    weigh,
)
from briefgen.model import Fact, Sentence, Source
from briefgen.parallel import collector_paused, pmap
from briefgen.text.tokens import common_words

if TYPE_CHECKING:
    import numpy as np

__all__ = ["LINK", "cluster", "one_statement"]

log = logging.getLogger(__name__)
_T = TypeVar("_T")


# Wording score from which two facts overlap: the selector prints at most one of them.
LINK = 0.42
# Below it, two facts overlap when one sentence carries the other's opening
# clause (see :func:`_head`); candidate pairs are looked at from this wording up.
HEAD_FLOOR = 0.2
# An opening clause links only with at least this many terms.
_HEAD_TERMS = 5
_HEAD_END = re.compile(r"[,;:]\s|\s(?:as|while)\s")

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


def _no_pairs() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    import numpy as np

    return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)


def _candidates(
    feats: Sequence[Terms], df: Mapping[str, int], idf: Mapping[str, float], totals: Sequence[float],
    floor: float = THRESHOLD,
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
    ``floor`` even with the best local overlap (the bound :func:`pair_score`
    tests first, here with a small margin for rounding).

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
        keep_pair = (shared >= MIN_SHARED) & (best >= floor - _ROUNDING)
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
    """The wording score of every candidate pair (no number or person check), on whole arrays where it can.

    A pair whose lower bound clears the threshold by :data:`SURE_MARGIN`
    scores that bound, computed here exactly as :func:`pair_score` does;
    every other pair goes through :meth:`_Scorer.wording`. All scores are
    cached.
    """
    import numpy as np

    first, second, w_shared = pairs
    sizes = np.asarray(scorer.totals, dtype=np.float64)
    w_a, w_b = sizes[first], sizes[second]
    containment = w_shared / np.minimum(w_a, w_b)
    bound = (1 - LOCAL_WEIGHT) * containment + LOCAL_WEIGHT * 2 * w_shared / (w_a + w_b)
    # NaN (a sum not known exactly) is never sure.
    decided = bound >= THRESHOLD + SURE_MARGIN
    scores = bound.copy()
    decided_pairs = zip(first[decided].tolist(), second[decided].tolist(), strict=True)
    scorer.cache.update(zip(decided_pairs, scores[decided].tolist(), strict=True))
    rest = np.flatnonzero(~decided)
    rest_pairs = zip(first[rest].tolist(), second[rest].tolist(), strict=True)
    scores[rest] = [scorer.wording(i, j) for i, j in rest_pairs]
    return scores


def _checks(feats: Sequence[Terms], first: np.ndarray, second: np.ndarray,
            totals: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    """For each pair: whether people or counts differ; whether the lighter side's numbers are in the heavier.

    Counts differ when both sides count one thing with different values,
    in digits or spelled out ("six drownings", "18 drownings"; see
    :func:`~briefgen.facts.same.different_numbers`).

    Speaker sets and number sets are compared once per distinct pair of
    them; the leading-actor check runs for the few pairs where both
    sentences open with a titled person.
    """
    import numpy as np

    people = _per_distinct([f.speakers for f in feats], first, second, different_speakers)
    lead = np.fromiter((bool(f.lead) for f in feats), dtype=bool, count=len(feats))
    both = np.flatnonzero(lead[first] & lead[second] & ~people)
    people[both] = [different_people(feats[i], feats[j])
                    for i, j in zip(first[both].tolist(), second[both].tolist(), strict=True)]
    people |= _per_distinct([f.numbers for f in feats], first, second, different_numbers)
    sizes = np.asarray(totals, dtype=np.float64)
    light_first = sizes[first] <= sizes[second]
    light = np.where(light_first, first, second)
    heavy = np.where(light_first, second, first)
    within = _per_distinct([f.values for f in feats], light, heavy, numbers_within)
    return people, within


def _framed(feats: Sequence[Terms], first: np.ndarray, second: np.ndarray, asked: np.ndarray) -> np.ndarray:
    """For each pair where ``asked``: whether what it shares is mostly one attribution frame around
    different statements (:func:`~briefgen.facts.same.different_statements`); False elsewhere."""
    import numpy as np

    framed = np.zeros(len(first), dtype=bool)
    said = np.fromiter((bool(f.said) for f in feats), dtype=bool, count=len(feats))
    either = np.flatnonzero(asked & (said[first] | said[second]))
    framed[either] = [different_statements(feats[i], feats[j])
                      for i, j in zip(first[either].tolist(), second[either].tolist(), strict=True)]
    return framed


def _with_fates(texts: Sequence[str], first: np.ndarray, second: np.ndarray, scores: np.ndarray,
                 scorer: _Scorer) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The candidate pairs with pairs that state one person's fate added (died, missing:
    :func:`~briefgen.facts.fates.same_fate`), their wording scores, and the positions of those pairs.

    Sentences are grouped by what they state (the fate and the name's terms): each is paired with
    its group's first sentence, and the groups' first sentences with each other where the names
    are one person's. The scorer learns the groups, so that any two of their sentences count as one
    statement (:meth:`_Scorer.fate`), and the pairs stay few however many reports repeat a death.
    """
    import numpy as np

    keyed: dict[tuple[str, frozenset[str]], list[int]] = {}
    for u, text in enumerate(texts):
        found = fates(text)
        if found:
            keyed.setdefault(found[0], []).append(u)
    keys = sorted(keyed, key=lambda key: keyed[key][0])
    order = {key: k for k, key in enumerate(keys)}
    # Names that may be one person's share a term: only those are compared (not every pair of names).
    by_term: dict[tuple[str, str], list[tuple[str, frozenset[str]]]] = {}
    for key in keys:
        for term in key[1]:
            by_term.setdefault((key[0], term), []).append(key)
    links = {(a, b) for near in by_term.values() for a in near for b in near
             if order[a] < order[b] and one_person(a[1], b[1])}
    pairs = [(units[0], u) for units in keyed.values() for u in units[1:]]
    pairs += [(keyed[a][0], keyed[b][0]) for a, b in links]
    if not pairs:
        return first, second, scores, np.zeros(0, dtype=np.int64)
    scorer.learn_fates({u: key for key, units in keyed.items() for u in units}, links)
    wanted = {(min(i, j), max(i, j)) for i, j in pairs}
    units = {u for pair in wanted for u in pair}
    at = {(i, j): k for k, (i, j) in enumerate(zip(first.tolist(), second.tolist(), strict=True))
          if i in units and j in units and (i, j) in wanted}
    new = sorted(wanted - at.keys())
    if new:
        first = np.concatenate([first, np.array([i for i, _ in new], dtype=first.dtype)])
        second = np.concatenate([second, np.array([j for _, j in new], dtype=second.dtype)])
        worded = np.array([scorer.wording(i, j) for i, j in new], dtype=scores.dtype)
        scores = np.concatenate([scores, worded])
        at.update({pair: len(first) - len(new) + k for k, pair in enumerate(new)})
    return first, second, scores, np.array(sorted(at.values()), dtype=np.int64)


def _paraphrases(texts: Sequence[str], first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Whether the paraphrase model calls each pair the same, at its high-precision operating point.

    That is :func:`~briefgen.facts.same.same_fact`'s model with a stricter
    threshold (precision about 0.9 on MSRP against 0.81): within one event
    every pair shares the event's names, which the model, fitted on pairs of
    many stories, takes for agreement.
    """
    import numpy as np

    if not len(first):
        return np.zeros(0, dtype=bool)
    from briefgen.facts.paraphrase import Batch, default_model, probabilities

    model = default_model()
    used = np.unique(np.concatenate([first, second]))
    local = {u: k for k, u in enumerate(used.tolist())}
    batch = Batch([texts[u] for u in used.tolist()], model)
    a = np.fromiter((local[u] for u in first.tolist()), dtype=np.int64, count=len(first))
    b = np.fromiter((local[u] for u in second.tolist()), dtype=np.int64, count=len(second))
    return np.asarray(probabilities((batch, a, b), model) >= model.high_precision)


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

    Wording scores below :data:`LINK` may come back as 0: only whether a pair
    overlaps, and how strongly an overlapping pair does, matter here.
    """

    def __init__(self, feats: Sequence[Terms], idf: Mapping[str, float]) -> None:
        self.feats = feats
        self.idf = idf
        self.totals = [weigh(idf, f.bag) for f in feats]
        self.cache: dict[tuple[int, int], float] = {}
        # Merge decisions made for the candidates; pairs the paraphrase model merged.
        self.edges: dict[tuple[int, int], bool] = {}
        self.paraphrases: set[tuple[int, int]] = set()
        self._carries: dict[tuple[int, int], bool] = {}
        self._fate_of: dict[int, tuple[str, frozenset[str]]] = {}
        self._fate_links: set[tuple[tuple[str, frozenset[str]], tuple[str, frozenset[str]]]] = set()

    def learn_fates(self, fate_of: Mapping[int, tuple[str, frozenset[str]]],
                    links: set[tuple[tuple[str, frozenset[str]], tuple[str, frozenset[str]]]]) -> None:
        """Each sentence's fate and name (:func:`~briefgen.facts.fates.fates`), and the names that
        are one person's."""
        self._fate_of = dict(fate_of)
        self._fate_links = links | {(b, a) for a, b in links}

    def fate(self, i: int, j: int) -> bool:
        """Whether sentences ``i`` and ``j`` state one person's one fate."""
        a, b = self._fate_of.get(i), self._fate_of.get(j)
        return a is not None and b is not None and (a == b or (a, b) in self._fate_links)

    def wording(self, i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        found = self.cache.get(key)
        if found is None:
            found = pair_score(self.feats[i], self.feats[j], self.totals[i], self.totals[j], self.idf,
                               LINK, vetoes=False)
            self.cache[key] = found
        return found

    def same(self, i: int, j: int) -> bool:
        """The merge decision: the lighter side's statement within the other, or a paraphrase."""
        if self._fate_of and self.fate(i, j):
            return True
        key = (i, j) if i < j else (j, i)
        found = self.edges.get(key)
        if found is None:
            a, b = self.feats[i], self.feats[j]
            light, heavy = (a, b) if self.totals[i] <= self.totals[j] else (b, a)
            found = (self.wording(i, j) >= THRESHOLD and numbers_within(light.values, heavy.values)
                     and not vetoed(a, b))
            self.edges[key] = found
        return found

    def carries(self, x: int, y: int) -> bool:
        """Whether unit ``x`` states what unit ``y`` states (see :func:`briefgen.facts.same.carries`)."""
        if x == y:
            return True
        key = (x, y) if x < y else (y, x)
        if key in self.paraphrases or (self._fate_of and self.fate(x, y)):
            return True
        if not self.same(x, y):
            return False
        if self.totals[y] <= self.totals[x] and self.wording(x, y) >= CARRY + SURE_MARGIN:
            return True  # the merge decision checked y's numbers; its score, measured on y's side, is high
        found = self._carries.get((x, y))
        if found is None:
            found = self._carries[(x, y)] = carries(self.feats[x], self.feats[y], self.idf)
        return found

    def backing(self, i: int, j: int) -> float:
        """Weighted share of sentence ``i``'s terms that sentence ``j`` also has."""
        a, b = self.feats[i], self.feats[j]
        shared = weigh(self.idf, a.bag & b.bag)
        return shared / self.totals[i] if self.totals[i] else 0.0


def one_statement(a: str, b: str, idf: Mapping[str, float] | None = None) -> bool:
    """The merger's decision for one pair of sentences: do they go into one fact?

    Yes when the lighter sentence's statement is found within the other (a
    wording score of at least :data:`~briefgen.facts.same.THRESHOLD`, its
    numbers printed by the other, no count of one thing that differs, no
    different speaker or actor), or when
    their wording overlaps from :data:`LINK` up and the paraphrase model calls
    them the same at its high-precision operating point. :func:`cluster`
    decides every candidate pair so, with ``idf`` computed over its batch
    (see :func:`~briefgen.facts.same.term_weights`).
    """
    common = common_words((a, b))
    ta, tb = terms(a, common), terms(b, common)
    if ta.key and ta.key == tb.key:
        return True
    wa, wb = weigh(idf, ta.bag), weigh(idf, tb.bag)
    light, heavy = (ta, tb) if wa <= wb else (tb, ta)
    if vetoed(ta, tb) or not numbers_within(light.values, heavy.values):
        return False
    wording = pair_score(ta, tb, wa, wb, idf, 0.0, vetoes=False)
    if wording >= THRESHOLD:
        return True
    if wording < LINK:
        return False
    from briefgen.facts.paraphrase import default_model, probabilities

    model = default_model()
    return bool(probabilities([(a, b)], model)[0] >= model.high_precision)


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


def cluster(sentences: Sequence[Sentence], sources: Sequence[Source],
            reports: Mapping[str, str] | None = None,
            leans: Callable[[str], bool] | None = None,
            broken: Callable[[str], bool] | None = None) -> list[Fact]:
    """Merge sentences that report one statement into facts.

    Every sentence lands in exactly one fact. Copies always merge; paraphrases
    merge when :func:`same_fact` holds, with term weights computed over the
    whole batch, and so do sentences that say one person died, or is missing
    (:func:`~briefgen.facts.fates.same_fate`). Two groups merge only when most pairs across them match (or,
    for a pair and a single sentence, one of two does and the representatives
    match), so a sentence touching two statements cannot chain them together.

    Args:
        sentences: The sentences of every source.
        sources: The sources, in the order facts should cite them.
        reports: Each source id's report: copies of one story share one, and
            count once in :attr:`~briefgen.model.Fact.independent`. By default
            the copies are found here (:func:`~briefgen.facts.copies.independent_groups`).
        leans: Whether a sentence leans on the one before it; a representative
            that does is chosen only when no member reads alone better (see
            :func:`~briefgen.facts.members.representative`).
        broken: Whether a sentence cannot be printed at all (cut off, a
            headline, page furniture); such a member never stands for a
            fact that has a member that can.

    Returns:
        Facts "f1", "f2", ... in order of their earliest member (source
        order, then sentence index). Each fact's text is its representative
        sentence, verbatim; its sentences start with the representative.
    """
    # Clustering allocates many small objects and makes no reference cycles
    # of note; with the cycle collector paused, the objects already alive (a
    # large batch in a pipeline) are not rescanned again and again.
    with collector_paused():
        return _cluster(sentences, sources, reports, leans, broken)


def _cluster(sentences: Sequence[Sentence], sources: Sequence[Source],
             reports: Mapping[str, str] | None, leans: Callable[[str], bool] | None,
             broken: Callable[[str], bool] | None) -> list[Fact]:
    """The work of :func:`cluster`, which pauses the cycle collector around it."""
    import numpy as np

    rank = {s.id: i for i, s in enumerate(sources)}
    sents = sorted(
        sentences,
        key=lambda s: (rank.get(s.source_id, len(rank)), s.source_id, s.index, s.start, s.text),
    )
    distinct = list(dict.fromkeys(s.text for s in sents))
    common = common_words(distinct)
    # Each distinct text read once, on every core for a large batch (results in input order).
    by_text = dict(zip(distinct, pmap(partial(terms, common=common), distinct), strict=True))
    # Copies (same letters and digits) form one unit, compared once.
    unit_of_key: dict[str, int] = {}
    unit_members: list[list[int]] = []
    feats: list[Terms] = []
    for k, s in enumerate(sents):
        f = by_text[s.text]
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

    # Candidate pairs and their wording; the merge decision for each.
    pairs = _candidates(feats, df, idf, scorer.totals, HEAD_FLOOR)
    first, second = pairs[0], pairs[1]
    scores = _candidate_scores(feats, pairs, scorer)
    # Sentences that say one person died, or is missing, state one fact, however each describes
    # them (facts/fates.py): their pair is a candidate even when the two share little wording.
    first, second, scores, fated = _with_fates(texts, first, second, scores, scorer)
    people, within = _checks(feats, first, second, scorer.totals)
    # Only pairs whose wording overlaps may merge or link: the frame test is asked of those alone.
    framed = _framed(feats, first, second, scores >= LINK)
    people |= framed
    edge = (scores >= THRESHOLD) & within & ~people
    # Pairs that overlap less: the paraphrase model decides, in one batch.
    gray = np.flatnonzero((scores >= LINK) & (scores < THRESHOLD) & within & ~people)
    said_same = gray[_paraphrases(texts, first[gray], second[gray])]
    said_same = np.union1d(said_same, fated)
    edge[said_same] = True
    scorer.paraphrases.update(zip(first[said_same].tolist(), second[said_same].tolist(), strict=True))
    scorer.edges.update(zip(zip(first.tolist(), second.tolist(), strict=True), edge.tolist(), strict=True))
    # An overlap ignores numbers and who opens the sentence: only a different named speaker, or one
    # attribution frame around different statements, keeps two overlapping facts from repeating each other.
    speakers = _per_distinct([f.speakers for f in feats], first, second, different_speakers)
    overlap = (scores >= LINK) & ~speakers & ~framed
    # Pairs whose wording overlaps less overlap when one states the other's opening clause.
    heads: dict[int, Terms | None] = {}

    def head(i: int) -> Terms | None:
        if i not in heads:
            heads[i] = _head(texts[i], feats[i], common)
        return heads[i]

    for k in np.flatnonzero((scores < LINK) & ~speakers).tolist():
        i, j = int(first[k]), int(second[k])
        hi, hj = head(i), head(j)
        overlap[k] = bool((hj is not None and carries(feats[i], hj, idf))
                          or (hi is not None and carries(feats[j], hi, idf)))
    links = list(zip(first[overlap].tolist(), second[overlap].tolist(), strict=True))

    # Matching pairs, strongest first (a stable sort keeps the candidates' (i, j) order on a tie).
    found = np.flatnonzero(edge)
    found = found[np.argsort(-scores[found], kind="stable")]
    matches = list(zip(first[found].tolist(), second[found].tolist(), strict=True))
    log.debug("%d sentences, %d distinct, %d matching pairs (%d paraphrases), %d overlapping",
              len(sents), n, len(matches), len(said_same), len(links))

    def rep_of(group: list[int]) -> int:
        return representative(group, texts, scorer.carries, scorer.backing, leans, broken)

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
            2 * votes == len(a) * len(b) == 2 and scorer.same(rep_of(a), rep_of(b))
        ):
            parent[rj] = ri
            members[ri].extend(members.pop(rj))
        else:
            refused.add(state)

    # Each group becomes one fact per representative: the members that carry it.
    parts: list[tuple[int, list[int]]] = []
    part_of = [0] * n
    part_links: set[tuple[int, int]] = set()
    for root in sorted(members, key=lambda r: min(members[r])):
        made = split_group(members[root], texts, scorer.carries, scorer.backing, leans, broken, lambda u: (
            frozenset(sents[m].source_id for m in unit_members[u]), sents[unit_members[u][0]].index))
        for k, (rep, kept) in enumerate(made):
            for u in kept:
                part_of[u] = len(parts)
            parts.append((rep, kept))
            # The parts of one group were merged for sharing a statement: they overlap.
            part_links.update((len(parts) - 1 - k + m, len(parts) - 1) for m in range(k))
    opens = lambda x, m: (h := head(m)) is not None and carries(feats[x], h, idf)  # noqa: E731
    printable = (lambda u: not broken(texts[u])) if broken is not None else (lambda u: True)
    for u, k in main_statements(parts, matches, scorer.carries, scorer.backing, opens, printable).items():
        parts[part_of[u]][1].remove(u)
        parts[k][1].append(u)
        part_of[u] = k
    part_links.update(_ordered(part_of[i], part_of[j]) for i, j in links if part_of[i] != part_of[j])

    if reports is None:
        groups = independent_groups(sources)
        reports = {s.id: f"#{groups[s.id]}" for s in sources}
    facts: list[Fact] = []
    for rep, kept in parts:
        ordered = unit_members[rep] + sorted(m for u in kept if u != rep for m in unit_members[u])
        srcs = sorted({sents[m].source_id for m in ordered}, key=lambda sid: (rank.get(sid, len(rank)), sid))
        independent = len({reports.get(sid, sid) for sid in srcs})
        facts.append(Fact(id="", text=texts[rep], sentences=tuple(sents[m] for m in ordered),
                          sources=tuple(srcs), independent=independent))
    order = sorted(range(len(facts)), key=lambda k: min(_position(s, rank) for s in facts[k].sentences))
    fid = {k: f"f{pos + 1}" for pos, k in enumerate(order)}
    linked: dict[int, set[str]] = {}
    for p, q in part_links:
        linked.setdefault(p, set()).add(fid[q])
        linked.setdefault(q, set()).add(fid[p])
    return [replace(facts[k], id=fid[k], overlaps=tuple(sorted(linked.get(k, ()), key=_id_number)))
            for k in order]


def _head(text: str, whole: Terms, common: frozenset[str]) -> Terms | None:
    """The terms of a sentence's opening clause (up to its first comma, "as" or "while").

    "Lee held summit talks with Prime Minister Sanae Takaichi in Nara on
    Tuesday, their second meeting in just over two months, as ..." opens with
    the statement another outlet's "Lee and Takaichi held a summit in Nara"
    makes; the rest is background. None when the clause is the whole sentence
    or has fewer than :data:`_HEAD_TERMS` terms.
    """
    parts = _HEAD_END.split(text, maxsplit=1)
    if len(parts) < 2:
        return None
    h = terms(parts[0], common)
    if len(h.bag) < _HEAD_TERMS or h.bag == whole.bag:
        return None
    return h


def _ordered(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _id_number(fact_id: str) -> int:
    return int(fact_id[1:])


def _position(s: Sentence, rank: Mapping[str, int]) -> tuple[int, str, int, int]:
    return (rank.get(s.source_id, len(rank)), s.source_id, s.index, s.start)
