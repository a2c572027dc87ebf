"""Whether two sentences state the same fact.

Every sentence is reduced to :class:`Terms`: its content terms in order (see
:mod:`briefgen.text.tokens`), the quantities it states, who it says spoke,
and the titled person it opens with. Two sentences state the same fact when
:func:`same_fact` says so: the shorter one's weighted terms are found in the
longer one, as a whole and within one stretch of it (a long sentence may carry
other statements too), and no veto applies: different named speakers, two
values for one quantity, or a different actor or action in a sentence that
opens with a titled person. :mod:`briefgen.facts.merge` makes the same
decision for every candidate pair of a batch, with the batch's term weights.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import repeat

from briefgen.text.tokens import common_words, is_year, lead_actor, quantity_unit, speakers, tokens
from briefgen.text.words import fold

__all__ = [
    "LOCAL_WEIGHT",
    "MIN_SHARED",
    "SURE_MARGIN",
    "THRESHOLD",
    "Terms",
    "different_numbers",
    "different_speakers",
    "match_score",
    "pair_score",
    "same_fact",
    "similarity",
    "term_weights",
    "terms",
    "weigh",
]


# The same-fact decision (tuned on tests/data/pairs.json; bench/dedupe.py prints the
# figures): a match_score of at least THRESHOLD with at least MIN_SHARED shared terms.
THRESHOLD = 0.52
MIN_SHARED = 4
LOCAL_WEIGHT = 0.4
_DEFAULT_IDF = 1.0
# In clustering, a pair whose lower bound clears the threshold by this much is
# not scored exactly (its exact score only orders it among sure matches).
SURE_MARGIN = 0.2


@dataclass(frozen=True, slots=True)
class Terms:
    """What deduplication compares in one sentence.

    Attributes:
        seq: Folded content terms in sentence order.
        bag: The same terms as a set.
        numbers: Quantities stated (not years), each as (value, unit term).
        speakers: Name keys of whoever the sentence says spoke ("Lee said").
        lead: For a sentence that opens with a titled person ("President Lee
            delivers ..."), that person's key and the first content word
            after the name (its verb); otherwise empty.
        key: Exact-copy key: the lower-cased letters and digits only.
    """

    seq: tuple[str, ...]
    bag: frozenset[str]
    numbers: frozenset[tuple[str, str]]
    speakers: frozenset[str]
    lead: tuple[str, ...]
    key: str

    @property
    def bigrams(self) -> frozenset[tuple[str, str]]:
        """Adjacent term pairs: evidence of shared wording, not just shared words."""
        return frozenset(zip(self.seq, self.seq[1:], strict=False))


# What the exact-copy key drops: everything but lower-case letters and digits.
_NOT_KEY = re.compile(r"[^0-9a-z]+")


def terms(text: str, common: AbstractSet[str] = frozenset()) -> Terms:
    """Reduce a sentence to what deduplication compares.

    Args:
        text: One sentence as printed.
        common: Words the batch prints in lower case (see :func:`common_words`).

    Returns:
        Its :class:`Terms`.
    """
    toks = tokens(text, common)
    seq: list[str] = []
    numbers: set[tuple[str, str]] = set()
    for i, (_, _, term, number) in enumerate(toks):
        if number is not None:
            seq.append("#" + number)
            if not is_year(number):
                numbers.add((number, quantity_unit(toks, i)))
        elif term is not None:
            seq.append(term)
    key = _NOT_KEY.sub("", fold(text).lower())
    return Terms(tuple(seq), frozenset(seq), frozenset(numbers), speakers(toks), lead_actor(toks), key)


def _numbers_clash(a: AbstractSet[tuple[str, str]], b: AbstractSet[tuple[str, str]]) -> bool:
    """Whether two sets of quantities give different values for one unit."""
    only_a = a - b
    only_b = b - a
    units_b = {part for _, u in only_b for part in u.split("+") if part}
    return any(part in units_b for _, u in only_a for part in u.split("+") if part)


def different_speakers(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether both name speakers and none is the same."""
    return bool(a and b and a.isdisjoint(b))


def different_numbers(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Whether both state quantities and one unit has two values."""
    return bool(a and b and a != b and _numbers_clash(a, b))


def _vetoed(a: Terms, b: Terms) -> bool:
    """Different speakers, different quantities, or a different actor or action."""
    if different_speakers(a.speakers, b.speakers) or different_numbers(a.numbers, b.numbers):
        return True
    if a.lead and b.lead and a.lead != b.lead:
        return a.lead[1] not in b.bag or b.lead[1] not in a.bag or a.lead[0] != b.lead[0]
    return False


def weigh(idf: Mapping[str, float] | None, terms: Iterable[str]) -> float:
    """Total weight of ``terms`` (each 1 without ``idf``), summed exactly."""
    if idf is None:
        return math.fsum(1.0 for _ in terms)
    return math.fsum(map(idf.get, terms, repeat(_DEFAULT_IDF)))


def _local_dice(short: Terms, long: Terms, idf: Mapping[str, float] | None) -> float:
    """Best weighted Dice overlap of ``short`` with any stretch of ``long``.

    A long sentence may carry several statements; this finds the stretch that
    carries the one the short sentence states. A stretch starts at a shared
    term and ends within twice the short sentence's length. A start right
    after a shared term that does not recur up to the last shared term is
    skipped: the stretch one term earlier scores strictly higher at every end.
    """
    target = short.bag
    seq = long.seq
    n = len(seq)
    if idf is None:
        w_short = float(len(target))
        weights = [1.0] * n
    else:
        w_short = weigh(idf, target)
        weights = list(map(idf.get, seq, repeat(_DEFAULT_IDF)))
    hit = [t in target for t in seq]
    if True not in hit:
        return 0.0
    end = n - hit[::-1].index(True)  # just past the last shared term
    # A term at j is new to a stretch starting at i when its previous
    # occurrence is before i; nxt[j] is where it recurs (n if never).
    prev = [-1] * n
    nxt = [n] * n
    last: dict[str, int] = {}
    for j, t in enumerate(seq):
        k = last.get(t)
        if k is not None:
            prev[j] = k
            nxt[k] = j
        last[t] = j
    span = 2 * len(short.seq) + 2
    best = 0.0
    for i in range(end):
        if not hit[i] or (i and hit[i - 1] and nxt[i - 1] >= end and i - 1 + span >= end):
            continue
        w_window = w_shared = 0.0
        for j in range(i, min(end, i + span)):
            if prev[j] >= i:
                continue
            w = weights[j]
            w_window += w
            if hit[j]:
                w_shared += w
                dice = 2 * w_shared / (w_short + w_window)
                if dice > best:
                    best = dice
    return best


def match_score(a: Terms, b: Terms, idf: Mapping[str, float] | None = None) -> float:
    """How strongly two sentences state one fact, from 0 to 1.

    The score blends the share of the shorter sentence's term weight found in
    the longer one (a sentence may add detail to a statement) with the best
    Dice overlap between the shorter sentence and a stretch of the longer one
    (see :func:`_local_dice`). Terms weigh their inverse document frequency
    when ``idf`` is given (see :func:`term_weights`), else 1. The score is 0
    when a veto applies (different speakers, a quantity with two values, a
    different actor or action) or fewer than four terms are shared, and 1 for
    copies.
    """
    w_a = weigh(idf, a.bag)
    w_b = weigh(idf, b.bag)
    return pair_score(a, b, w_a, w_b, idf, 0.0)


def pair_score(a: Terms, b: Terms, w_a: float, w_b: float, idf: Mapping[str, float] | None,
           floor: float) -> float:
    """:func:`match_score` given each side's total weight.

    Returns 0 early for a pair that cannot reach ``floor``, and a lower bound
    of the score for a pair that clearly clears it (``floor`` 0 gives the
    exact score).
    """
    if a.key and a.key == b.key:
        return 1.0
    shared = a.bag & b.bag
    if len(shared) < MIN_SHARED:
        return 0.0
    w_shared = weigh(idf, shared)
    containment = w_shared / min(w_a, w_b)
    if (1 - LOCAL_WEIGHT) * containment + LOCAL_WEIGHT < floor or _vetoed(a, b):
        return 0.0
    if floor > 0:
        # The Dice overlap of the whole sentences bounds the local one from
        # below, and a window holding every shared term and nothing else from
        # above: a pair whose bounds settle it is not scored exactly.
        w_small = min(w_a, w_b)
        if (1 - LOCAL_WEIGHT) * containment + LOCAL_WEIGHT * 2 * w_shared / (w_small + w_shared) < floor:
            return 0.0
        bound = (1 - LOCAL_WEIGHT) * containment + LOCAL_WEIGHT * 2 * w_shared / (w_a + w_b)
        if bound >= floor + SURE_MARGIN:
            return bound
    short, long = (a, b) if len(a.seq) <= len(b.seq) else (b, a)
    return (1 - LOCAL_WEIGHT) * containment + LOCAL_WEIGHT * _local_dice(short, long, idf)


def similarity(a: str, b: str, idf: Mapping[str, float] | None = None) -> float:
    """Same-fact score of two sentences (see :func:`match_score`)."""
    common = common_words((a, b))
    return match_score(terms(a, common), terms(b, common), idf)


def same_fact(a: str, b: str, idf: Mapping[str, float] | None = None) -> bool:
    """Whether two sentences report the same statement.

    This is the decision :func:`cluster` makes for each pair, there with
    weights computed from all the sentences it clusters.

    Args:
        a: One sentence.
        b: Another sentence.
        idf: Term weights from the corpus the sentences come from (see
            :func:`term_weights`); without them every term weighs the same.

    Returns:
        True when they are copies or close paraphrases stating the same thing
        (one may add detail) with no contradicting quantity, speaker or action.
    """
    return similarity(a, b, idf) >= THRESHOLD


def term_weights(texts: Iterable[str | Terms]) -> dict[str, float]:
    """Smoothed inverse document frequency of every term in ``texts``.

    Sentences given as text are read with the batch's :func:`common_words`,
    as :func:`cluster` reads them.
    """
    items = list(texts)
    common = common_words(t for t in items if isinstance(t, str))
    docs = [t if isinstance(t, Terms) else terms(t, common) for t in items]
    df = Counter(x for d in docs for x in d.bag)
    n = len(docs)
    return {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
