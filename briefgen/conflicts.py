"""Where sources differ: numbers, dates and name spellings reported differently.

Three detectors read every sentence of every fact:

* numbers: two sources give different values for a quantity with the same
  unit ("88-minute" and "100-minute" meeting; 136 Koreans and "approximately
  130" Korean workers) in sentences about the same thing;
* dates: two sources put the same thing on incompatible dates ("13th" and
  "January 13th" agree; March 3 and March 5 do not);
* names: two sources spell one name differently ("Chosei" and "Josei";
  "Wi Sung-lack", "Wi Sung-rak" and "Wi Seong-rak"), found as different
  spellings with one romanisation key (:func:`briefgen.names.name_key`) in the
  same surroundings. Hyphens, spaces, case and name order are not spellings.

A value that a source reports anywhere is not a disagreement with that
source: a report of 183 deaths is consistent with a source that reports 183
elsewhere, whatever else it says.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from briefgen.dedupe import Token, quantity_unit, tokens
from briefgen.model import Conflict, ConflictSide, Fact, Sentence, Source
from briefgen.names import name_key

__all__ = ["find_conflicts"]

_KINDS = ("number", "date", "name")

# Words that make a number approximate, or a bound rather than a value.
_APPROX = frozenset({"about", "approximately", "around", "roughly", "some", "nearly", "almost", "estimated"})
_BOUNDS = frozenset({"over", "under", "than", "least", "most", "up", "beyond", "below", "above", "exceeding"})
_TIME_UNITS = {
    "minut": "minute", "hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year",
}
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

_PLURALS = frozenset({"people", "men", "women", "children", "police", "personnel", "staff", "cattle"})
_MONTH_NAMES = "january february march april may june july august september october november december"
_MONTHS = {name: i + 1 for i, name in enumerate(_MONTH_NAMES.split())}
_MONTH_ABBR = {k[:3]: v for k, v in _MONTHS.items()} | {"sept": 9}
_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Quantity:
    value: float
    unit: str
    shown: str
    approx: bool
    bound: bool


@dataclass(frozen=True, slots=True)
class _Date:
    year: int | None
    month: int | None
    day: int | None
    shown: str


@dataclass(frozen=True, slots=True)
class _Read:
    """What the detectors take from one sentence."""

    sentence: Sentence
    context: frozenset[str]
    quantities: tuple[_Quantity, ...]
    dates: tuple[_Date, ...]
    names: tuple[tuple[str, str, str, str], ...]  # (key, spelling, shown, neighbours)


def _plural(unit: str, value: float) -> str:
    return unit if value == 1 else unit + "s"


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _quantities(toks: list[Token]) -> list[_Quantity]:
    out = []
    for i, tok in enumerate(toks):
        if tok.number is None or _is_year(tok.number):
            continue
        before = {t.text.lower() for t in toks[max(0, i - 3):i]}
        unit = quantity_unit(toks, i)
        if not unit:
            continue
        value = float(tok.number)
        approx = bool(before & _APPROX)
        bound = bool(before & _BOUNDS) or "less" in before or "more" in before
        qualifier = next((t.text for t in toks[max(0, i - 3):i] if t.text.lower() in _APPROX), "")
        if unit in _TIME_UNITS:
            shown = f"{_fmt(value)} {_plural(_TIME_UNITS[unit], value)}"
        else:
            shown = tok.text if not tok.text.isalpha() else _fmt(value)
        if qualifier:
            shown = f"{qualifier.lower()} {shown}"
        out.append(_Quantity(value, unit, shown, approx, bound))
    return out


def _is_year(number: str) -> bool:
    return number.isdigit() and len(number) == 4 and 1800 <= int(number) <= 2100


def _month(word: str) -> int | None:
    low = word.lower().rstrip(".")
    return _MONTHS.get(low) or _MONTH_ABBR.get(low)


def _dates(toks: list[Token]) -> list[_Date]:
    out = []
    used: set[int] = set()
    for i, tok in enumerate(toks):
        month = _month(tok.text) if tok.cap else None
        if month is None:
            continue
        day = year = None
        parts = [tok.text]
        j = i + 1
        if j < len(toks):
            m = _ORDINAL.match(toks[j].text) or re.fullmatch(r"(\d{1,2})", toks[j].text)
            if m and 1 <= int(m.group(1)) <= 31:
                day = int(m.group(1))
                parts.append(toks[j].text)
                used.add(j)
                j += 1
        if j < len(toks) and toks[j].number and _is_year(toks[j].number or ""):
            year = int(toks[j].number or 0)
            parts.append(toks[j].text)
            used.add(j)
        out.append(_Date(year, month, day, " ".join(parts)))
    for i, tok in enumerate(toks):
        if i in used:
            continue
        # A bare "13th" names a day of an unstated month: it agrees with any
        # date, so only month names and years are read.
        if tok.number and _is_year(tok.number):
            out.append(_Date(int(tok.number), None, None, tok.text))
    return out


def _names(toks: list[Token]) -> list[tuple[str, str, str, str]]:
    """(key, spelling, shown, neighbour) for each name word in the sentence."""
    out = []
    for i, tok in enumerate(toks):
        if not tok.cap or tok.term is None or (i == 0 and "-" not in tok.text):
            continue
        spelling = re.sub(r"[-\s]", "", tok.text.lower())
        if not spelling.isalpha() or len(spelling) < 3 or _month(tok.text):
            continue
        prev = toks[i - 1] if i > 0 else None
        shown = tok.text
        if prev is not None and prev.cap and prev.term and len(prev.text) <= 4:
            shown = f"{prev.text} {tok.text}"  # a short surname before a given name: "Wi Sung-lack"
        neighbours = []
        if prev is not None and prev.term:
            neighbours.append("<" + prev.text.lower())
        if i + 1 < len(toks) and toks[i + 1].term:
            neighbours.append(">" + toks[i + 1].text.lower())
            if i + 2 < len(toks) and toks[i + 2].term:
                neighbours.append(">" + toks[i + 1].text.lower() + " " + toks[i + 2].text.lower())
        for n in neighbours or [""]:
            out.append((name_key(tok.text), spelling, shown, n))
    return out


_Name = tuple[str, str, str, str]
_Parts = tuple[frozenset[str], tuple[_Quantity, ...], tuple[_Date, ...], tuple[_Name, ...]]


def _read_text(text: str) -> _Parts:
    toks = tokens(text)
    context = frozenset(t.term for t in toks if t.term)
    return context, tuple(_quantities(toks)), tuple(_dates(toks)), tuple(_names(toks))


def _read(sentence: Sentence) -> _Read:
    return _Read(sentence, *_read_text(sentence.text))


def _read_all(sentences: Sequence[Sentence]) -> list[_Read]:
    """:func:`_read` of every sentence; each distinct text is read once (copies are common)."""
    parts: dict[str, _Parts] = {}
    for s in sentences:
        if s.text not in parts:
            parts[s.text] = _read_text(s.text)
    return [_Read(s, *parts[s.text]) for s in sentences]




def _source_order(sources: Sequence[Source]) -> dict[str, int]:
    return {s.id: i for i, s in enumerate(sources)}


def _side(value: str, sentences: list[Sentence], rank: dict[str, int]) -> ConflictSide:
    sents = sorted(set(sentences), key=lambda s: (rank.get(s.source_id, len(rank)), s.source_id, s.index))
    srcs: list[str] = []
    for s in sents:
        if s.source_id not in srcs:
            srcs.append(s.source_id)
    return ConflictSide(value=value, sentences=tuple(sents), sources=tuple(srcs))


# Rows of the context-overlap product computed at a time (bounds memory).
_BLOCK = 1024


_Keep = Callable[[np.ndarray, np.ndarray], np.ndarray]


def _sharing_pairs(contexts: Sequence[frozenset[str]], minimum: int,
                   wanted: _Keep | None = None) -> Iterator[tuple[int, int]]:
    """Pairs ``i < j`` whose contexts share at least ``minimum`` terms, in lexicographic order.

    A necessary condition of :func:`_about_same`, found with a sparse matrix
    product instead of a Python loop over every pair. ``wanted`` maps arrays of
    ``i`` and ``j`` to a mask of the pairs worth a closer look (a necessary
    condition of the caller's own tests, checked on whole arrays).
    """
    n = len(contexts)
    vocab: dict[str, int] = {}
    indices: list[int] = []
    indptr = [0]
    for ctx in contexts:
        indices.extend(vocab.setdefault(t, len(vocab)) for t in sorted(ctx))
        indptr.append(len(indices))
    ones = np.ones(len(indices), dtype=np.int32)
    x = sparse.csr_matrix((ones, indices, indptr), shape=(n, max(1, len(vocab))))
    xt = x.T.tocsr()
    for start in range(0, n, _BLOCK):
        shared = (x[start:start + _BLOCK] @ xt).tocoo()
        rows = shared.row.astype(np.int64) + start
        keep = (shared.data >= minimum) & (shared.col > rows)
        rows, cols = rows[keep], shared.col[keep].astype(np.int64)
        if wanted is not None:
            mask = wanted(rows, cols)
            rows, cols = rows[mask], cols[mask]
        order = np.lexsort((cols, rows))
        yield from zip(rows[order].tolist(), cols[order].tolist(), strict=True)


def _source_codes(reads: Sequence[_Read]) -> np.ndarray:
    """A number per source id, one entry per read."""
    codes: dict[str, int] = {}
    return np.array([codes.setdefault(r.sentence.source_id, len(codes)) for r in reads], dtype=np.int64)


def _about_same(a: _Read, b: _Read, unit: str, common: frozenset[str]) -> bool:
    shared = (a.context & b.context) - common - set(unit.split("+"))
    return len(shared) >= _MIN_CONTEXT


def _disagree(x: _Quantity, y: _Quantity) -> bool:
    if x.value == y.value or x.bound or y.bound:
        return False
    lo, hi = sorted((x.value, y.value))
    return lo > 0 and hi / lo <= _MAX_RATIO


def _number_conflicts(reads: list[_Read], common: frozenset[str], rank: dict[str, int]) -> list[Conflict]:
    reported: dict[str, set[tuple[float, str]]] = defaultdict(set)
    for r in reads:
        for q in r.quantities:
            reported[r.sentence.source_id].add((q.value, q.unit))
    mentions = [(r, q) for r in reads for q in r.quantities]
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_unit: dict[str, list[int]] = defaultdict(list)
    for i, (_, q) in enumerate(mentions):
        by_unit[q.unit].append(i)
    linked: set[int] = set()
    # Every pair of mentions of one unit, unit by unit, that shares enough context.
    unit_rank = {u: k for k, u in enumerate(by_unit)}
    unit_of = np.array([unit_rank[q.unit] for _, q in mentions], dtype=np.int64)
    source_of = _source_codes([r for r, _ in mentions])
    value = np.array([q.value for _, q in mentions], dtype=np.float64)
    bound = np.array([q.bound for _, q in mentions], dtype=bool)

    def worth_scoring(i: np.ndarray, j: np.ndarray) -> np.ndarray:
        # Same unit, two sources, and values that _disagree() would call two reports of one.
        lo, hi = np.minimum(value[i], value[j]), np.maximum(value[i], value[j])
        ratio = np.divide(hi, lo, out=np.full_like(hi, np.inf), where=lo > 0)
        return ((unit_of[i] == unit_of[j]) & (source_of[i] != source_of[j]) & (value[i] != value[j])
                & ~bound[i] & ~bound[j] & (lo > 0) & (ratio <= _MAX_RATIO))

    pairs = sorted(
        (unit_rank[mentions[i][1].unit], i, j)
        for i, j in _sharing_pairs([r.context - common for r, _ in mentions], _MIN_CONTEXT, worth_scoring)
    )
    for _, i, j in pairs:

        ra, qa = mentions[i]
        rb, qb = mentions[j]
        sa, sb = ra.sentence.source_id, rb.sentence.source_id
        if sa == sb or not _disagree(qa, qb):
            continue
        if (qb.value, qb.unit) in reported[sa] or (qa.value, qa.unit) in reported[sb]:
            continue
        if not _about_same(ra, rb, qa.unit, common):
            continue
        parent[find(j)] = find(i)
        linked.update((i, j))
    # Other reports of a value already in dispute join its side when they
    # share some context with a sentence on that side.
    # Only a linked mention of the same value can take one in: index them by value.
    same_value: dict[tuple[float, str, bool], list[int]] = defaultdict(list)
    for j in sorted(linked):
        q = mentions[j][1]
        same_value[(q.value, q.unit, q.approx)].append(j)
    for i, (ra, qa) in enumerate(mentions):
        if i in linked:
            continue
        candidates = same_value.get((qa.value, qa.unit, qa.approx), [])
        for j in candidates:
            rb, _ = mentions[j]
            if len((ra.context & rb.context) - common - set(qa.unit.split("+"))) >= _MIN_CONTEXT - 1:
                parent[find(i)] = find(j)
                linked.add(i)
                bisect.insort(candidates, i)
                break
    groups: dict[int, list[int]] = defaultdict(list)
    for i in sorted(linked):
        groups[find(i)].append(i)
    out = []
    for idx in groups.values():
        by_value: dict[tuple[float, bool], list[int]] = defaultdict(list)
        for i in idx:
            by_value[(mentions[i][1].value, mentions[i][1].approx)].append(i)
        sides = []
        for members in by_value.values():
            shown = Counter(mentions[i][1].shown for i in members).most_common(1)[0][0]
            sides.append(_side(shown, [mentions[i][0].sentence for i in members], rank))
        sides.sort(key=lambda s: (rank.get(s.sources[0], len(rank)), s.sentences[0].index, s.value))
        out.append(Conflict(kind="number", topic=_number_topic(mentions, idx, reads), sides=tuple(sides)))
    return out


def _number_topic(mentions: list[tuple[_Read, _Quantity]], idx: list[int], reads: list[_Read]) -> str:
    unit = mentions[idx[0]][1].unit
    contexts = [mentions[i][0].context for i in idx]
    shared = frozenset.intersection(*contexts)
    if unit in _TIME_UNITS:
        event = next((e for e in _EVENTS if e in shared), None)
        words = {"meet": "meeting", "talk": "talks", "summi": "summit", "dinne": "dinner", "visit": "visit",
                 "trip": "trip", "sessi": "session", "speec": "speech", "confe": "conference",
                 "negot": "negotiations", "flight": "flight"}
        return f"length of the {words[event]}" if event else f"duration in {_TIME_UNITS[unit]}s"
    word = _unit_word(mentions[idx[0]][0].sentence.text, unit)
    return f"number of {word}"


def _unit_word(text: str, unit: str) -> str:
    """The printed word behind a unit term ("Koreans" for "korea")."""
    first = unit.split("+")[0]
    for tok in tokens(text):
        if tok.term == first:
            w = tok.text
            return w if w.endswith("s") or w.lower() in _PLURALS else w + "s"
    return first


def _compatible(a: _Date, b: _Date) -> bool:
    pairs = ((a.year, b.year), (a.month, b.month), (a.day, b.day))
    return all(x is None or y is None or x == y for x, y in pairs)


def _date_conflicts(reads: list[_Read], common: frozenset[str], rank: dict[str, int]) -> list[Conflict]:
    reported: dict[str, list[_Date]] = defaultdict(list)
    for r in reads:
        reported[r.sentence.source_id].extend(r.dates)
    out = []
    seen: set[tuple[str, ...]] = set()
    mentions = [(r, d) for r in reads for d in r.dates]
    agrees: dict[tuple[_Date, str], bool] = {}

    def reports_agreeing(source_id: str, date: _Date) -> bool:
        """Whether the source reports, somewhere, a date compatible with ``date``."""
        hit = agrees.get((date, source_id))
        if hit is None:
            hit = agrees[(date, source_id)] = any(_compatible(date, d) for d in reported[source_id])
        return hit

    source_of = _source_codes([r for r, _ in mentions])
    parts = [np.array([-1 if v is None else v for v in (d.year for _, d in mentions)], dtype=np.int64),
             np.array([-1 if v is None else v for v in (d.month for _, d in mentions)], dtype=np.int64),
             np.array([-1 if v is None else v for v in (d.day for _, d in mentions)], dtype=np.int64)]

    def worth_scoring(i: np.ndarray, j: np.ndarray) -> np.ndarray:
        # Two sources, and dates that _compatible() would call different.
        same = np.ones(len(i), dtype=bool)
        for part in parts:
            same &= (part[i] < 0) | (part[j] < 0) | (part[i] == part[j])
        return (source_of[i] != source_of[j]) & ~same

    # Only pairs sharing enough context can pass _about_same; same order as all pairs.
    for i, j in _sharing_pairs([r.context - common for r, _ in mentions], _MIN_CONTEXT, worth_scoring):
        ra, da = mentions[i]
        rb, db = mentions[j]
        sa, sb = ra.sentence.source_id, rb.sentence.source_id
        if sa == sb or _compatible(da, db) or not _about_same(ra, rb, "", common):
            continue
        if reports_agreeing(sa, db) or reports_agreeing(sb, da):
            continue
        key = tuple(sorted((da.shown, db.shown)))
        if key in seen:
            continue
        seen.add(key)
        sides = sorted(
            [_side(da.shown, [ra.sentence], rank), _side(db.shown, [rb.sentence], rank)],
            key=lambda s: (rank.get(s.sources[0], len(rank)), s.value),
        )
        out.append(Conflict(kind="date", topic="date", sides=tuple(sides)))
    return out


def _name_conflicts(reads: list[_Read], rank: dict[str, int]) -> list[Conflict]:
    # key -> spelling -> (shown forms, sentences, neighbours)
    table: dict[str, dict[str, tuple[Counter[str], list[Sentence], set[str]]]] = defaultdict(dict)
    listed: set[tuple[str, str, Sentence]] = set()  # membership of the sentence lists, in constant time
    for r in reads:
        for key, spelling, shown, neighbour in r.names:
            shown_c, sents, neigh = table[key].setdefault(spelling, (Counter(), [], set()))
            shown_c[shown] += 1
            if (key, spelling, r.sentence) not in listed:
                listed.add((key, spelling, r.sentence))
                sents.append(r.sentence)
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
        srcs = {sent.source_id for s in linked for sent in spellings[s][1]}
        if len(srcs) < 2:
            continue
        sides = [_side(spellings[s][0].most_common(1)[0][0], spellings[s][1], rank) for s in linked]
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
    sentences = sorted(
        {s for f in facts for s in f.sentences},
        key=lambda s: (rank.get(s.source_id, len(rank)), s.source_id, s.index, s.start),
    )
    reads = _read_all(sentences)
    df = Counter(t for r in reads for t in r.context)
    common = frozenset(t for t, c in df.items() if c > max(_MIN_COMMON, _COMMON * len(reads)))
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
