"""Where sources differ: numbers, dates and name spellings reported differently.

Three detectors read every sentence of every fact:

* numbers: two sources give different values for a quantity with the same
  unit ("88-minute" and "100-minute" meeting; 136 Koreans and "approximately
  130" Korean workers) in sentences about the same thing; a sentence giving
  several values in one unit ("2.8 percent this year and 2.7 percent next
  year") does not say which is which, and is not compared;
* dates: two sources put the same thing on incompatible dates ("13th" and
  "January 13th" agree; March 3 and March 5 do not); the ends of a span
  ("between 1976 and 1983", "1995-96") date a period and are not compared;
* names: two sources spell one name differently ("Chosei" and "Josei";
  "Wi Sung-lack", "Wi Sung-rak" and "Wi Seong-rak"), found as different
  spellings with one romanisation key (:func:`briefgen.text.names.name_key`) in the
  same surroundings. Hyphens, spaces, case and name order are not spellings.

A value that a source reports anywhere is not a disagreement with that
source: a report of 183 deaths is consistent with a source that reports 183
elsewhere, whatever else it says.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence
from operator import attrgetter

import numpy as np
import numpy.typing as npt
from scipy import sparse

from briefgen.facts.readings import (
    PLURALS,
    TIME_UNITS,
    DateMention,
    Mentions,
    Quantity,
    Reads,
    codes,
    mentions,
    name_spellings,
    read_all,
    spread,
)
from briefgen.model import Conflict, ConflictSide, Fact, Sentence, Source
from briefgen.text.tokens import Token

__all__ = ["find_conflicts"]

_KINDS = ("number", "date", "name")


_EVENTS = ("meet", "talk", "summi", "dinne", "visit", "trip", "sessi", "speec", "confe", "negot", "flight")


# Values further apart than this ratio are different quantities, not two
# reports of one.
_MAX_RATIO = 1.3
# Sentences must share this many content terms (besides the unit) to be
# about the same thing.
_MIN_CONTEXT = 3
# Terms in more than this share of all sentences (and more than _MIN_COMMON
# of them) do not count as context.
_COMMON = 0.25
_MIN_COMMON = 5


def _source_order(sources: Sequence[Source]) -> dict[str, int]:
    return {s.id: i for i, s in enumerate(sources)}


def _side(value: str, sentences: list[Sentence], rank: dict[str, int]) -> ConflictSide:
    sents = sorted(set(sentences), key=lambda s: (rank.get(s.source_id, len(rank)), s.source_id, s.index))
    srcs = dict.fromkeys(s.source_id for s in sents)
    return ConflictSide(value=value, sentences=tuple(sents), sources=tuple(srcs))


# Rows of the context-overlap product computed at a time (bounds memory).
_BLOCK = 1024


# A context: the group it belongs to (contexts of two groups share nothing) and its terms.
_Context = tuple[str, frozenset[str]]


def _sharing_pairs(contexts: Sequence[_Context], minimum: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``i <= j`` (a context with itself included) sharing at least ``minimum`` terms.

    Found with a sparse matrix product instead of a Python loop over every
    pair; a term of one group is a column of its own, so contexts of two
    groups are never compared. Callers pass distinct contexts, so copies
    cost nothing here.

    Returns:
        The arrays of ``i`` and of ``j``.
    """
    n = len(contexts)
    vocab: dict[tuple[str, str], int] = {}
    indices: list[int] = []
    indptr = [0]
    for group, ctx in contexts:
        indices.extend(vocab.setdefault((group, t), len(vocab)) for t in sorted(ctx))
        indptr.append(len(indices))
    ones = np.ones(len(indices), dtype=np.int32)
    x = sparse.csr_matrix((ones, indices, indptr), shape=(n, max(1, len(vocab))))
    xt = x.T.tocsr()
    found_i, found_j = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for start in range(0, n, _BLOCK):
        shared = (x[start:start + _BLOCK] @ xt).tocoo()
        rows = shared.row.astype(np.int64) + start
        keep = (shared.data >= minimum) & (shared.col >= rows)
        found_i.append(rows[keep])
        found_j.append(shared.col[keep].astype(np.int64))
    return np.concatenate(found_i), np.concatenate(found_j)


def _class_pairs(contexts: Sequence[_Context], minimum: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``a < b`` of classes whose contexts share at least ``minimum`` terms.

    ``contexts[a]`` is the context of class ``a``; classes with one context
    are compared once, as a group, and their pairs spelled out on whole arrays.

    Returns:
        The arrays of ``a`` and of ``b``, in no particular order.
    """
    rows: dict[_Context, list[int]] = {}
    for c, ctx in enumerate(contexts):
        rows.setdefault(ctx, []).append(c)
    members = np.array([c for group in rows.values() for c in group], dtype=np.int64)
    size = np.array([len(group) for group in rows.values()], dtype=np.int64)
    offset = np.cumsum(size) - size
    r1, r2 = _sharing_pairs(list(rows), minimum)
    # Every member of row r1 against every member of row r2.
    n1, n2 = size[r1], size[r2]
    count = n1 * n2
    pair = np.repeat(np.arange(len(r1)), count)
    k = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
    a, b = offset[r1][pair] + k // n2[pair], offset[r2][pair] + k % n2[pair]
    a, b = members[a], members[b]
    keep = (r1[pair] != r2[pair]) | (a < b)
    a, b = a[keep], b[keep]
    return np.minimum(a, b), np.maximum(a, b)


def _copies(reads: Reads, ms: Mentions, classes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every copy of each class, a class named by its first mention.

    Returns:
        For each copy, in order of class then sentence: the position of its
        class in ``classes``, its sentence and its mention.
    """
    copies = np.array([k for c in reads.copies for k in c], dtype=np.int64)
    copies_from = np.cumsum([0] + [len(c) for c in reads.copies])[:-1]
    first_sentence = np.array(ms.sentence, dtype=np.int64)[classes]
    text = np.array(reads.text_of, dtype=np.int64)[first_sentence]
    owner, rank = spread(np.array([len(c) for c in reads.copies], dtype=np.int64)[text])
    sentence = copies[copies_from[text][owner] + rank]
    mention = np.array(ms.first, dtype=np.int64)[sentence] + np.array(ms.item, dtype=np.int64)[classes][owner]
    return owner, sentence, mention


def _sides(a: npt.NDArray[np.intp], b: npt.NDArray[np.intp], code: npt.NDArray[np.intp],
           n_codes: int) -> tuple[npt.NDArray[np.intp], ...]:
    """The sides of the disagreeing pairs of classes ``a[k]``, ``b[k]``, numbered.

    A side is a class with the value (or date) the other class of a pair
    states, ``code`` giving each class's value as a number below ``n_codes``.

    Returns:
        The side of each ``a[k]`` and of each ``b[k]``, and each side's class
        and value.
    """
    sides, side_of = np.unique(np.concatenate([a * n_codes + code[b], b * n_codes + code[a]]),
                               return_inverse=True)
    return side_of[:len(a)], side_of[len(a):], sides // n_codes, sides % n_codes


def _components(size: int, rows: npt.NDArray[np.intp], cols: npt.NDArray[np.intp]) -> npt.NDArray[np.intp]:
    """Connected parts of the undirected graph with edges ``rows[k] - cols[k]``, on whole arrays.

    Parts are numbered in the order of their lowest node, as
    ``scipy.sparse.csgraph.connected_components`` numbers them; this avoids
    loading ``scipy.sparse.linalg`` with it, a tenth of a second of every
    start-up. Each round hooks every root to the lowest root an edge reaches
    and then points every node at its root, until no edge joins two roots.

    Args:
        size: Number of nodes.
        rows, cols: The two ends of each edge.

    Returns:
        The part of each node.
    """
    label = np.arange(size)
    while True:
        low = np.minimum(label[rows], label[cols])
        hooked = label.copy()
        np.minimum.at(hooked, label[rows], low)
        np.minimum.at(hooked, label[cols], low)
        while True:
            up = hooked[hooked]
            if np.array_equal(up, hooked):
                break
            hooked = up
        if np.array_equal(hooked, label):
            return np.unique(label, return_inverse=True)[1]
        label = hooked


def _linked_quantities(reads: Reads, ms: Mentions, common: frozenset[str]) -> tuple[list[int], set[int]]:
    """Mentions reporting one quantity differently, linked: (group label of each mention, linked ones).

    Two reports of one quantity: same unit, values close but not equal,
    neither a bound, enough shared context, and each source silent on the
    other's value. Classes (copies of one item of one text) are paired once.
    In a pair of classes, the copies whose source is silent on the other
    value (a "side", which can serve many pairs) are linked to each other
    and to the other class's side: every such copy disagrees with every such
    copy of the other class (a source silent on a value reports it nowhere,
    so the two never share a source). Groups are the connected parts of
    that graph, found on whole arrays.
    """
    texts = reads.texts
    n = len(ms.sentence)
    found = [texts[reads.text_of[k]].quantities[j] for k, j in zip(ms.sentence, ms.item, strict=True)]
    unit_code = codes([q.unit for q in found])
    value_code = codes([q.value for q in found])
    source_code = codes([s.source_id for s in reads.sentences])
    n_units, n_values = int(unit_code.max(initial=0)) + 1, int(value_code.max(initial=0)) + 1
    sentence = np.array(ms.sentence, dtype=np.int64)
    reported = np.unique((source_code[sentence] * n_units + unit_code) * n_values + value_code)
    # Classes that can disagree, a class named by its first mention; only
    # classes of one unit are paired, on context besides the unit.
    classes: list[int] = []
    contexts: list[_Context] = []
    for k in range(len(reads.texts)):
        sent = reads.copies[k][0]
        # A sentence giving several values in one unit ("2.8 percent this year
        # and 2.7 percent next year") does not say which is which thing.
        values: dict[str, set[float]] = defaultdict(set)
        for q in texts[k].quantities:
            values[q.unit].add(q.value)
        for j, q in enumerate(texts[k].quantities):
            if not q.bound and q.value > 0 and len(values[q.unit]) == 1:
                classes.append(ms.first[sent] + j)
                contexts.append((q.unit, texts[k].context - common - set(q.unit.split("+"))))
    x, y = _class_pairs(contexts, _MIN_CONTEXT)
    a, b = np.array(classes, dtype=np.int64)[x], np.array(classes, dtype=np.int64)[y]
    # Values close but not equal: two reports of one quantity (all are positive).
    value = np.array([q.value for q in found], dtype=np.float64)
    lo, hi = np.minimum(value[a], value[b]), np.maximum(value[a], value[b])
    close_values = (lo != hi) & (hi / lo <= _MAX_RATIO)
    a, b = a[close_values], b[close_values]
    side_a, side_b, side_class, side_value = _sides(a, b, value_code, n_values)
    # Every copy of each side's class, and whether its source is silent on the value.
    owner, copy, mention = _copies(reads, ms, side_class)
    key = (source_code[copy] * n_units + unit_code[side_class][owner]) * n_values + side_value[owner]
    at = np.minimum(np.searchsorted(reported, key), max(0, len(reported) - 1))
    silent = reported[at] != key if len(reported) else np.ones(len(key), dtype=bool)
    # A pair links when both its sides keep some copy.
    kept = np.bincount(owner[silent], minlength=len(side_class)) > 0
    used = kept[side_a] & kept[side_b]
    in_use = np.zeros(len(side_class), dtype=bool)
    in_use[side_a[used]] = True
    in_use[side_b[used]] = True
    member = silent & in_use[owner]
    rows = np.concatenate([n + owner[member], n + side_a[used]])
    cols = np.concatenate([mention[member], n + side_b[used]])
    labels = _components(n + len(side_class), rows, cols)
    return labels[:n].tolist(), set(mention[member].tolist())


def _number_conflicts(reads: Reads, common: frozenset[str], rank: dict[str, int]) -> list[Conflict]:
    texts, sentences = reads.texts, reads.sentences
    ms = mentions(reads, lambda t: len(t.quantities))

    def quantity(m: int) -> Quantity:
        return texts[reads.text_of[ms.sentence[m]]].quantities[ms.item[m]]

    label, linked = _linked_quantities(reads, ms, common)
    # Other reports of a value already in dispute join its side when they
    # share some context with a sentence on that side.
    # Only a linked mention of the same value can take one in: index them by value.
    same_value: dict[tuple[float, str, bool], list[int]] = defaultdict(list)
    for j in sorted(linked):
        q = quantity(j)
        same_value[(q.value, q.unit, q.approx)].append(j)
    close: dict[tuple[int, int, str], bool] = {}  # (text, text, unit): enough shared context
    for i in range(len(ms.sentence)):
        if i in linked:
            continue
        qa = quantity(i)
        candidates = same_value.get((qa.value, qa.unit, qa.approx))
        if not candidates:
            continue
        ta = reads.text_of[ms.sentence[i]]
        for j in candidates:
            tb = reads.text_of[ms.sentence[j]]
            hit = close.get((ta, tb, qa.unit))
            if hit is None:
                shared = (texts[ta].context & texts[tb].context) - common - set(qa.unit.split("+"))
                hit = close[(ta, tb, qa.unit)] = len(shared) >= _MIN_CONTEXT - 1
            if hit:
                label[i] = label[j]
                linked.add(i)
                bisect.insort(candidates, i)
                break
    members: dict[int, list[int]] = defaultdict(list)
    for i in sorted(linked):
        members[label[i]].append(i)
    out = []
    for idx in members.values():
        by_value: dict[tuple[float, bool], list[int]] = defaultdict(list)
        for i in idx:
            q = quantity(i)
            by_value[(q.value, q.approx)].append(i)
        sides = []
        for group in by_value.values():
            shown = Counter(quantity(i).shown for i in group).most_common(1)[0][0]
            sides.append(_side(shown, [sentences[ms.sentence[i]] for i in group], rank))
        sides.sort(key=lambda s: (rank.get(s.sources[0], len(rank)), s.sentences[0].index, s.value))
        topic = _number_topic(quantity(idx[0]).unit, [reads.text_of[ms.sentence[i]] for i in idx], reads)
        out.append(Conflict(kind="number", topic=topic, sides=tuple(sides)))
    return out


def _number_topic(unit: str, text_ids: list[int], reads: Reads) -> str:
    """What a disputed quantity counts, from the texts of its mentions (the first one's words)."""
    shared = frozenset.intersection(*(reads.texts[t].context for t in dict.fromkeys(text_ids)))
    if unit in TIME_UNITS:
        event = next((e for e in _EVENTS if e in shared), None)
        words = {"meet": "meeting", "talk": "talks", "summi": "summit", "dinne": "dinner", "visit": "visit",
                 "trip": "trip", "sessi": "session", "speec": "speech", "confe": "conference",
                 "negot": "negotiations", "flight": "flight"}
        return f"length of the {words[event]}" if event else f"duration in {TIME_UNITS[unit]}s"
    word = _unit_word(reads.texts[text_ids[0]].words, unit)
    return f"number of {word}"


def _unit_word(toks: list[Token], unit: str) -> str:
    """The printed word behind a unit term ("Koreans" for "korea") in a sentence's words."""
    first = unit.split("+")[0]
    for tok in toks:
        if tok.term == first:
            w = tok.text
            return w if w.endswith("s") or w.lower() in PLURALS else w + "s"
    return first


def _date_conflicts(reads: Reads, common: frozenset[str], rank: dict[str, int]) -> list[Conflict]:
    texts, sentences = reads.texts, reads.sentences
    ms = mentions(reads, lambda t: len(t.dates))
    number: dict[DateMention, int] = {}  # each distinct date, numbered
    date_of = np.array([number.setdefault(texts[reads.text_of[k]].dates[j], len(number))
                        for k, j in zip(ms.sentence, ms.item, strict=True)], dtype=np.int64)
    dates = list(number)
    n_dates = max(1, len(dates))
    parts = np.array([[-1 if v is None else v for v in (d.year, d.month, d.day)] for d in dates],
                     dtype=np.int64).reshape(-1, 3)

    def compatible(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Whether dates ``x`` and ``y`` (by number) can be one, pair by pair (no known part differs)."""
        px, py = parts[x], parts[y]
        return np.all((px < 0) | (py < 0) | (px == py), axis=1)

    source_code = codes([s.source_id for s in sentences])
    reported = np.unique(source_code[np.array(ms.sentence, dtype=np.int64)] * n_dates + date_of)
    # Two mentions disagree when their dates are incompatible, they share
    # enough context and neither source reports a date compatible with the
    # other's. Classes (copies of one item of one text, named by the first
    # mention) are paired once; a source reports its own date in every copy,
    # so in a pair of classes the first qualifying pair of mentions is the
    # first copy of each class (a "side") whose source reports nothing
    # compatible with the other date.
    classes = np.array([ms.first[reads.copies[t][0]] + j for t, text in enumerate(texts)
                        for j in range(len(text.dates))], dtype=np.int64)
    contexts = [("", texts[reads.text_of[ms.sentence[m]]].context - common) for m in classes.tolist()]
    x, y = _class_pairs(contexts, _MIN_CONTEXT)
    a, b = classes[x], classes[y]
    clash = ~compatible(date_of[a], date_of[b])
    a, b = a[clash], b[clash]
    side_a, side_b, side_class, side_date = _sides(a, b, date_of, n_dates)
    owner, copy, mention = _copies(reads, ms, side_class)
    # Whether each copy's source reports a date compatible with its side's
    # date: each (source, date) asked once, against every date the source reports.
    asked, asked_of = np.unique(source_code[copy] * n_dates + side_date[owner], return_inverse=True)
    asked_source, asked_date = asked // n_dates, asked % n_dates
    start = np.searchsorted(reported, asked_source * n_dates)
    count = np.searchsorted(reported, (asked_source + 1) * n_dates) - start
    which, k = spread(count)
    agree = np.bincount(which[compatible(asked_date[which], reported[start[which] + k] % n_dates)],
                        minlength=len(asked)) > 0
    silent = ~agree[asked_of]
    none = len(ms.sentence)
    first = np.full(len(side_class), none, dtype=np.int64)
    np.minimum.at(first, owner[silent], mention[silent])
    ma, mb = first[side_a], first[side_b]
    ok = (ma < none) & (mb < none)
    # Each pair of shown dates is reported once, by its first pair of mentions.
    shown = codes([d.shown for d in dates])
    sa, sb = shown[date_of[a[ok]]], shown[date_of[b[ok]]]
    k1, k2 = np.minimum(sa, sb), np.maximum(sa, sb)
    lo, hi = np.minimum(ma[ok], mb[ok]), np.maximum(ma[ok], mb[ok])
    order = np.lexsort((hi, lo, k2, k1))
    k1, k2, lo, hi = k1[order], k2[order], lo[order], hi[order]
    head = np.ones(len(order), dtype=bool)
    head[1:] = (k1[1:] != k1[:-1]) | (k2[1:] != k2[:-1])
    out = []
    for i, j in sorted(zip(lo[head].tolist(), hi[head].tolist(), strict=True)):
        ka, kb = ms.sentence[i], ms.sentence[j]
        da, db = dates[date_of[i]], dates[date_of[j]]
        sides_ = sorted(
            [_side(da.shown, [sentences[ka]], rank), _side(db.shown, [sentences[kb]], rank)],
            key=lambda s: (rank.get(s.sources[0], len(rank)), s.value),
        )
        out.append(Conflict(kind="date", topic="date", sides=tuple(sides_)))
    return out


def _name_conflicts(reads: Reads, rank: dict[str, int]) -> list[Conflict]:
    # Only a key spelled more than one way can be in dispute.
    spelled = Counter(key for key, _ in set().union(*(text.spellings for text in reads.texts)))
    disputed = {key for key, n in spelled.items() if n > 1}
    # key -> spelling -> (shown forms, texts, neighbours); texts are read in
    # order of first use and counted once per copy.
    table: dict[str, dict[str, tuple[Counter[str], list[int], set[str]]]] = defaultdict(dict)
    for t, text in enumerate(reads.texts):
        if disputed.isdisjoint(key for key, _ in text.spellings):
            continue
        copies = len(reads.copies[t])
        for key, spelling, shown, neighbour in name_spellings(text.words, disputed):
            entry = table[key].get(spelling)
            if entry is None:
                entry = table[key][spelling] = (Counter(), [], set())
            shown_c, used, neigh = entry
            shown_c[shown] += copies
            if not used or used[-1] != t:
                used.append(t)
            if neighbour:
                neigh.add(neighbour)
    out = []
    for key in sorted(table):
        spellings = table[key]
        if len(spellings) < 2:
            continue
        names = sorted(spellings)
        # Every spelling must share surroundings with another one, and the
        # spellings must come from more than one source.
        linked = [s for s in names if any(spellings[s][2] & spellings[o][2] for o in names if o != s)]
        if len(linked) < 2:
            continue
        said = {s: [reads.sentences[k] for t in spellings[s][1] for k in reads.copies[t]] for s in linked}
        srcs = {sent.source_id for s in linked for sent in said[s]}
        if len(srcs) < 2:
            continue
        sides = [_side(spellings[s][0].most_common(1)[0][0], said[s], rank) for s in linked]
        sides.sort(key=lambda s: (rank.get(s.sources[0], len(rank)), s.sentences[0].index, s.value))
        topic = _name_topic([spellings[s][2] for s in linked], sides)
        out.append(Conflict(kind="name", topic=topic, sides=tuple(sides)))
    return out


def _name_topic(neighbours: list[set[str]], sides: list[ConflictSide]) -> str:
    after = set.intersection(*({n[1:] for n in ns if n.startswith(">")} for ns in neighbours))
    if after:
        return f"name of the {max(sorted(after), key=len)}"
    by_reports = max(sides, key=lambda s: (len(s.sources), -sides.index(s)))
    return f"spelling of {by_reports.value}"


def find_conflicts(facts: Sequence[Fact], sources: Sequence[Source]) -> list[Conflict]:
    """Disagreements between sources over numbers, dates and name spellings.

    Args:
        facts: The deduplicated facts (every member sentence is read).
        sources: The sources, in the order sides should cite them.

    Returns:
        Conflicts, numbers first, then dates, then names, each kind in order
        of its earliest sentence. Each side lists the sentences and sources
        that report its value.
    """
    rank = _source_order(sources)
    # Sentences in source order, then in order within their source.
    by_source: dict[str, list[Sentence]] = defaultdict(list)
    for s in {s for f in facts for s in f.sentences}:
        by_source[s.source_id].append(s)
    sentences = [s for source_id in sorted(by_source, key=lambda i: (rank.get(i, len(rank)), i))
                 for s in sorted(by_source[source_id], key=attrgetter("index", "start"))]
    reads = read_all(sentences)
    # Sentences using each term: every distinct text once, then its other copies.
    df = Counter(itertools.chain.from_iterable(text.context for text in reads.texts))
    for text, copies in zip(reads.texts, reads.copies, strict=True):
        if len(copies) > 1:
            for t in text.context:
                df[t] += len(copies) - 1
    common = frozenset(t for t, c in df.items() if c > max(_MIN_COMMON, _COMMON * len(sentences)))
    found = (
        _number_conflicts(reads, common, rank)
        + _date_conflicts(reads, common, rank)
        + _name_conflicts(reads, rank)
    )

    def first(c: Conflict) -> tuple[int, int, int, str]:
        s = min(
            (x for side in c.sides for x in side.sentences),
            key=lambda x: (rank.get(x.source_id, len(rank)), x.index),
        )
        return (_KINDS.index(c.kind), rank.get(s.source_id, len(rank)), s.index, c.topic)

    return sorted(found, key=first)
