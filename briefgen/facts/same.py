"""Whether two sentences state the same fact, and whether one states what another does.

Two relations, kept apart:

* :func:`same_fact` (symmetric): the two sentences say the same thing in
  other words. This is the paraphrase model of :mod:`briefgen.facts.paraphrase`
  (fitted on MSRP), the decision the merger makes for two sentences when it
  has no corpus statistics.
* :func:`carries` (one way): sentence ``x`` states what sentence ``y`` states,
  perhaps among other things: ``y``'s weighted terms are found in ``x``, as a
  whole and within one stretch of it (:func:`match_score`), every number
  ``y`` prints is in ``x`` too (rounding aside), and no person check fails:
  different named speakers, or a different actor or action in a sentence
  that opens with a titled person ("Lee ... with Takaichi" against "Takaichi
  ... with Lee").

Every sentence is reduced to :class:`Terms` for the second: its content terms
in order (see :mod:`briefgen.text.tokens`), the quantities it states, who it
says spoke, and the titled person it opens with. :mod:`briefgen.facts.merge`
uses both, with term weights from its batch (the corpus weights).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import repeat

from briefgen.text.attribution import frame
from briefgen.text.tokens import (
    Token,
    common_words,
    is_year,
    lead_actor,
    quantity_unit,
    speakers,
    spelled_value,
    tokens,
)
from briefgen.text.words import fold, words

__all__ = [
    "LOCAL_WEIGHT",
    "MIN_SHARED",
    "SURE_MARGIN",
    "CARRY",
    "FRAME_SHARE",
    "THRESHOLD",
    "Terms",
    "carries",
    "different_numbers",
    "different_people",
    "different_speakers",
    "different_statements",
    "match_score",
    "numbers_within",
    "pair_score",
    "paraphrase",
    "same_fact",
    "similarity",
    "term_weights",
    "terms",
    "vetoed",
    "weigh",
]


# The same-fact decision (tuned on tests/data/pairs.json; bench/dedupe.py prints the
# figures): a match_score of at least THRESHOLD with at least MIN_SHARED shared terms.
THRESHOLD = 0.52
MIN_SHARED = 4
LOCAL_WEIGHT = 0.4
_DEFAULT_IDF = 1.0
# A sentence carries another's statement from this score (measured on the
# other's side) up: stricter than THRESHOLD, at which two sentences may merge,
# because a footnote cites every source that carries its fact.
CARRY = 0.6
# In clustering, a pair whose lower bound clears the threshold by this much is
# not scored exactly (its exact score only orders it among sure matches).
SURE_MARGIN = 0.2
# Two sentences whose shared terms lie mostly in their attribution frames state one thing only when
# their statements share at least this share of the smaller one's terms (different_statements).
# Chosen by reading: of the 614 cross-source member pairs the merger had joined in the coverage of
# DUC 2003 and the 300 Multi-News validation clusters, 0.3 and 0.4 part the same 8, each two
# different statements of one speaker ("Intervention is out of the question," said Sezgin / Sezgin
# said his forces would carry out an exercise); 0.5 parts two more that state one thing (Silveira
# "said he planned to vote for Cardoso", in two wordings).
FRAME_SHARE = 0.4


@dataclass(frozen=True, slots=True)
class Terms:
    """What deduplication compares in one sentence.

    Attributes:
        seq: Folded content terms in sentence order.
        bag: The same terms as a set.
        numbers: Quantities stated (not years), each as (value, unit term),
            counts spelled out in words included ("six drownings" as
            ("6", "drown")); :attr:`values` holds printed digits only, so
            "the two leaders" need not be matched by a "2" elsewhere.
        speakers: Name keys of whoever the sentence says spoke ("Lee said").
        lead: For a sentence that opens with a titled person ("President Lee
            delivers ..."), that person's key and the first content word
            after the name (its verb); otherwise empty.
        key: Exact-copy key: the lower-cased letters and digits only.
        said: Terms found only in the sentence's attribution frame (who said
            it, to whom, when: :func:`briefgen.text.attribution.frame`), not
            in the statement it reports.
    """

    seq: tuple[str, ...]
    bag: frozenset[str]
    numbers: frozenset[tuple[str, str]]
    speakers: frozenset[str]
    lead: tuple[str, ...]
    key: str
    said: frozenset[str] = frozenset()

    @property
    def bigrams(self) -> frozenset[tuple[str, str]]:
        """Adjacent term pairs: evidence of shared wording, not just shared words."""
        return frozenset(zip(self.seq, self.seq[1:], strict=False))

    @property
    def values(self) -> frozenset[str]:
        """Every number the sentence prints, years and days included (canonical digits)."""
        return frozenset(t[1:] for t in self.bag if t[:1] == "#")


# What the exact-copy key drops: everything but lower-case letters and digits.
_NOT_KEY = re.compile(r"[^0-9a-z]+")


# A count of part of a whole: "three other provinces", "another two people", "five more".
_PART_AFTER = frozenset({"other", "more", "additional", "further", "others"})


def _partial(toks: Sequence[Token], i: int) -> bool:
    """Whether the count at ``toks[i]`` counts only part of something ("three other provinces")."""
    after = toks[i + 1].text.lower() if i + 1 < len(toks) else ""
    before = toks[i - 1].text.lower() if i else ""
    return after in _PART_AFTER or before in ("another", "other")


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
            # A capitalised count is a name ("Four Seasons"), unless it opens the sentence.
            word = toks[i].text.lower() if i == 0 else toks[i].text
            value = None if toks[i].cap and i else spelled_value(word)
            if value is not None and (unit := quantity_unit(toks, i)):
                # A count of part of something ("seventeen others") is compared only with another
                # such count ("thirty other people"), never with the whole; the word after it is
                # "others" or the noun, so the unit is the part alone.
                numbers.add((value, "part" if _partial(toks, i) else unit))
    key = _NOT_KEY.sub("", fold(text).lower())
    return Terms(tuple(seq), frozenset(seq), frozenset(numbers), speakers(toks), lead_actor(toks), key,
                 _frame_terms(text, toks))


def _frame_terms(text: str, toks: Sequence[Token]) -> frozenset[str]:
    """The terms of ``toks`` whose words are in the attribution frame of ``text`` and not in its statement."""
    spans = frame(text)
    if not spans:
        return frozenset()
    framed: set[str] = set()
    stated: set[str] = set()
    last = 0
    for start, end in spans:
        stated.update(map(_bare, words(text[last:start])))
        framed.update(map(_bare, words(text[start:end])))
        last = end
    stated.update(map(_bare, words(text[last:])))
    framed -= stated
    return frozenset(t.term for t in toks if t.term is not None and _bare(t.text) in framed)


def _bare(word: str) -> str:
    """A word lower-cased without its possessive "'s", as tokens hold it (words and tokens are folded:
    no curly apostrophe reaches here)."""
    low = word.lower()
    return low[:-2] if low.endswith("'s") else low


def _decimals(value: str) -> int:
    return len(value) - value.index(".") - 1 if "." in value else 0


def _agree(x: str, y: str) -> bool:
    """Whether two printed values are one figure, the more precise one rounded or cut ("6.32", "6.3")."""
    if x == y:
        return True
    try:
        fx, fy = float(x), float(y)
    except ValueError:
        return False
    return abs(fx - fy) < 10.0 ** -min(_decimals(x), _decimals(y)) - 1e-9


def numbers_within(a: AbstractSet[str], b: AbstractSet[str]) -> bool:
    """Whether every number of ``a`` is printed in ``b`` too (rounding aside)."""
    return all(x in b or any(_agree(x, y) for y in b) for x in a)


def _unmatched(a: AbstractSet[str], b: AbstractSet[str]) -> bool:
    """Whether some value of ``a`` agrees with no value of ``b``."""
    return any(not any(_agree(x, y) for y in b) for x in a)


def _numbers_clash(a: AbstractSet[tuple[str, str]], b: AbstractSet[tuple[str, str]]) -> bool:
    """Whether one unit has a value on each side that the other side does not print."""
    by_unit_a: dict[str, set[str]] = {}
    by_unit_b: dict[str, set[str]] = {}
    for values, found in ((a, by_unit_a), (b, by_unit_b)):
        for value, unit in values:
            for part in unit.split("+"):
                if part:
                    found.setdefault(part, set()).add(value)
    return any(_unmatched(by_unit_a[u], by_unit_b[u]) and _unmatched(by_unit_b[u], by_unit_a[u])
               for u in by_unit_a.keys() & by_unit_b.keys())


def different_speakers(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether both name speakers and none is the same."""
    return bool(a and b and a.isdisjoint(b))


def different_numbers(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Whether both state quantities and one unit has a value on each side the other lacks.

    Rounding is no disagreement ("$6.32 billion" and "$6.3 billion"), nor is a
    value only one side prints.
    """
    return bool(a and b and a != b and _numbers_clash(a, b))


def different_people(a: Terms, b: Terms) -> bool:
    """Different named speakers, or a different actor or action in sentences opening with a titled person."""
    if different_speakers(a.speakers, b.speakers):
        return True
    if a.lead and b.lead and a.lead != b.lead:
        return a.lead[1] not in b.bag or b.lead[1] not in a.bag or a.lead[0] != b.lead[0]
    return False


def different_statements(a: Terms, b: Terms) -> bool:
    """Whether what two sentences share is mostly who said it, to whom and when, not what was said.

    Two sentences of one interview share its frame word for word ("Former
    republican presidential candidate rick santorum said sunday ...") and
    report different things ("he won't be serving in a mitt romney's
    administration", "mitt romney's response ... shows he's trying to walk a
    line"). They are told apart when the attribution frames
    (:attr:`Terms.said`) hold at least two of the shared terms and half of
    them, and the statements left share fewer than :data:`FRAME_SHARE` of
    the smaller one's terms.
    """
    if not a.said and not b.said:
        return False
    shared = a.bag & b.bag
    framed = shared & (a.said | b.said)
    if len(framed) < 2 or 2 * len(framed) < len(shared):
        return False
    said_a, said_b = a.bag - a.said, b.bag - b.said
    if not said_a or not said_b:
        return False
    return len(shared - framed) < FRAME_SHARE * min(len(said_a), len(said_b))


def vetoed(a: Terms, b: Terms) -> bool:
    """Different speakers, different quantities, a different actor or action, or one frame around
    different statements: never one statement."""
    return different_numbers(a.numbers, b.numbers) or different_people(a, b) or different_statements(a, b)


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
               floor: float, vetoes: bool = True) -> float:
    """:func:`match_score` given each side's total weight.

    Returns 0 early for a pair that cannot reach ``floor``, and a lower bound
    of the score for a pair that clearly clears it (``floor`` 0 gives the
    exact score). With ``vetoes`` false the score is that of the wording
    alone: no number or person check applies.
    """
    if a.key and a.key == b.key:
        return 1.0
    shared = a.bag & b.bag
    if len(shared) < MIN_SHARED:
        return 0.0
    w_shared = weigh(idf, shared)
    containment = w_shared / min(w_a, w_b)
    if (1 - LOCAL_WEIGHT) * containment + LOCAL_WEIGHT < floor or (vetoes and vetoed(a, b)):
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


def carries(x: Terms, y: Terms, idf: Mapping[str, float] | None = None) -> bool:
    """Whether sentence ``x`` states what sentence ``y`` states, perhaps among other things.

    ``y``'s weighted terms are found in ``x``, as a whole and within one
    stretch of it (the :func:`match_score` blend, measured on ``y``'s side, at
    least :data:`CARRY`), every number ``y`` prints is in ``x`` too
    (rounding aside), and neither a different named speaker nor a different
    leading actor or action tells them apart. Copies carry each other.

    Args:
        x: The sentence that may carry the statement.
        y: The statement.
        idf: Term weights from the batch (see :func:`term_weights`); each
            term weighs 1 without them.
    """
    if x.key and x.key == y.key:
        return True
    if not numbers_within(y.values, x.values) or different_people(x, y) or different_statements(x, y):
        return False
    shared = x.bag & y.bag
    if len(shared) < min(MIN_SHARED, len(y.bag)) or not y.bag:
        return False
    within = weigh(idf, shared) / weigh(idf, y.bag)
    if (1 - LOCAL_WEIGHT) * within + LOCAL_WEIGHT < CARRY:
        return False
    return (1 - LOCAL_WEIGHT) * within + LOCAL_WEIGHT * _local_dice(y, x, idf) >= CARRY


def paraphrase(a: str, b: str) -> float:
    """The paraphrase model's probability that ``a`` and ``b`` say the same thing (see :func:`same_fact`)."""
    from briefgen.facts.paraphrase import probabilities

    return float(probabilities([(a, b)])[0])


def same_fact(a: str, b: str) -> bool:
    """Whether two sentences say the same thing, in the same or other words.

    A logistic regression on the pair's surface (shared words, stems and
    WordNet synonyms; shared word n-grams and character n-grams; word order;
    numbers, names, speakers and negation that one side has and the other
    lacks; lengths), fitted on the training split of the Microsoft Research
    Paraphrase Corpus, where people judged sentence pairs from different
    outlets on one story (see :mod:`briefgen.facts.paraphrase`). Copies are
    always the same fact. This is the decision the merger makes for two
    sentences of different sources when it has no corpus statistics; with
    them, it also merges a short statement stated within a longer sentence
    (:func:`carries`, with the batch's term weights) and keeps apart sentences
    whose numbers or speakers differ.

    Args:
        a: One sentence.
        b: Another sentence.

    Returns:
        True when people would most likely call them the same statement:
        different words for one event, quote or figure. Sentences sharing
        names and topic while stating different things, or one that adds a
        statement of its own, are not.

    Cost (``python bench/samefact.py``): scored in one batch, as the merger
    scores them, 1,000 pairs take about 0.05 s once their sentences are read
    (about 0.5 ms a sentence, once each); one call alone takes about 13 ms.
    """
    if _NOT_KEY.sub("", fold(a).lower()) == _NOT_KEY.sub("", fold(b).lower()):
        return True
    from briefgen.facts.paraphrase import default_model

    return paraphrase(a, b) >= default_model().threshold


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
