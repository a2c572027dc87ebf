"""Which values give the same measure of the same thing: groups of values to compare.

Two values are compared only when they give one measure (death toll with
death toll, magnitude with magnitude, the length of one meeting with the
length of that meeting) of one thing:

* the same measure, unit and subject (the person whose age it is, the event
  whose length it is, the person whose title it is);
* the same people counted: "136 Koreans" and "approximately 130 Korean
  workers" count Koreans, "183 people" does not; a group the whole coverage
  is about ("21 Israelis" in coverage of a Jerusalem bombing) counts as no
  group, unless the other sentence itself splits its total into groups
  ("183 people, including 136 Koreans");
* no narrowing the other sentence lacks: "53 killed in landslides on
  Catanduanes island" is not the toll "82 killed", unless the place or
  cause is what the whole coverage is about;
* dates of one event: their clauses share words ("the Sept. 2 crash" and
  "the Sept. 3 crash").

Among the values of one measure in coverage of one event, every pair is
checked; when one measure has many values (a large mixed batch), only pairs
of sentences sharing words are. Groups are the connected parts of the pairs
that pass.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from briefgen.facts.measures import CHANGING, CURRENT, PEOPLE, START, term_of
from briefgen.facts.pairs import shared_pairs
from briefgen.facts.readings import Reads, TextReading
from briefgen.facts.values import Value

__all__ = ["Mention", "groups"]

#: A value: (distinct text, index among its values).
Mention = tuple[int, int]

# Up to this many distinct texts giving one measure, every pair is checked.
_SMALL = 60
# Sentences must share this many words to be compared when a measure has more values.
_SHARED = 2
_CAPITALISED = re.compile(r"\b[A-Z][^\W\d_]+")
# Figures of one quantity on one day are at most this far apart (a ratio).
_SAME_DAY = 2.0
# A moving count grows at most this much from one day's report to a later one,
# and is corrected down to no less than this share of it.
_MAX_GROWTH = 5.0
_MIN_CORRECTION = 0.75
# A count of people in a state they leave (in hospital, missing) moves at most this much either way.
_MAX_SWING = 10.0
# A value joins a group when it fits its last this many members.
_SAMPLE = 50
# Rows of the word-overlap product computed at a time (bounds memory).
_BLOCK = 1024
# Speeds and distances are compared only as records ("a peak of 135 mph").
_TRACKED = frozenset({"kph", "km", "m"})
_PEAKS = frozenset({"peak", "maxim", "top", "record", "highe", "stron", "faste", "lowes", "longe", "deepe"})
_MEASUREMENTS = frozenset({"kph", "km", "m", "celsius", "fahrenheit", "degree", "hectare", "tonne", "kg"})
# Two ages of one person as sources give them differ by a birthday or a slip of a year or two
# (set without data). Used only where a bare surname could be either of two people who share it.
_AGE_SPREAD = 2


def _key(v: Value) -> tuple[str, str, str]:
    """Values compared only within one key: measure, unit, and the person for an age or a title."""
    unit = v.figure.amount.unit if v.figure is not None else ""
    if v.measure in CHANGING or v.measure == PEOPLE:
        return ("people", unit, "")  # what happened to them is checked pair by pair
    subject = v.subject if v.measure in ("title", "prison term", "posture", "manner", "wound", "birthday",
                                         START) else ""
    return (v.measure, unit, subject)


def _sharing_pairs(contexts: Sequence[tuple[object, frozenset[str]]],
                   minimum: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``i < j`` of contexts of one group sharing at least ``minimum`` terms (a sparse product),
    as two arrays of positions."""
    n = len(contexts)
    vocab: dict[tuple[object, str], int] = {}
    indices: list[int] = []
    indptr = [0]
    for group, ctx in contexts:
        indices.extend(vocab.setdefault((group, t), len(vocab)) for t in sorted(ctx))
        indptr.append(len(indices))
    if not indices:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    ones = np.ones(len(indices), dtype=np.int32)
    x = sparse.csr_matrix((ones, indices, indptr), shape=(n, len(vocab)))
    return shared_pairs(x, _BLOCK, lambda _rows, _cols, shared: shared >= minimum)


def _group_fits(va: Value, vb: Value) -> bool:
    """Whether two counts count the same people and say the same happened to them.

    "136 Koreans" killed and "approximately 130 Korean workers" (who were
    conscripted: a count of Koreans that does not say they died) are
    compared; "183 people" and "136 Koreans" are not.
    """
    if va.group != vb.group:
        return False
    if va.measure == vb.measure:
        return va.measure != PEOPLE
    return bool(va.group) and PEOPLE in (va.measure, vb.measure)


def _narrowing_fits(ta: TextReading, va: Value, tb: TextReading, vb: Value, topic: frozenset[str],
                    usual: frozenset[str]) -> bool:
    """Whether neither figure is narrowed by something the other's sentence does not name.

    A place ("on Catanduanes island") must be named by the other sentence,
    unless it is where the measure is usually reported for (``usual``: the
    country a toll is given for). A cause ("in landslides") or another name
    of the clause ("Typhoon Zeb") must be, unless the whole coverage is
    about it (``topic``).
    """
    fa, fb = va.figure, vb.figure
    if fa is None or fb is None:
        return True
    places_a, places_b = fa.scope - usual, fb.scope - usual
    # A measurement given for a place and for a town in it is one reading ("in Poland" /
    # "in Ostroleka in northeastern Poland"); a count given for both is a total and its part.
    # A measurement given for no place is one of the place the coverage is about: it is compared
    # with one for a town there ("in Ostroleka in northeast Poland"), not one for Moscow in
    # coverage of Poland.
    precise = fa.amount.unit in _MEASUREMENTS and bool(
        places_a & places_b or not (places_a and places_b) and (fa.scope | fb.scope) & (topic | usual))
    if not precise and not ((places_a - places_b) <= tb.terms and (places_b - places_a) <= ta.terms):
        return False
    if not precise and places_a and places_b and not places_a & places_b:
        return False  # two places ("71 ... in Catanduanes and 41 ... in Camarines Sur"), however listed
    # Sentences set in different places ("... 221 people, Haiti ..." / "... in the Dominican Republic").
    elsewhere_a, elsewhere_b = ta.places - usual - tb.terms, tb.places - usual - ta.terms
    if elsewhere_a and elsewhere_b:
        return False
    own_a, own_b = fa.causes - topic, fb.causes - topic
    if own_a and own_b and not own_a & own_b:
        # "six drownings" and "three people hit by falling trees": each its own cause, even where
        # one sentence lists the other's cause too.
        return False
    other_a = (fa.causes | fa.names) - topic - fb.causes - fb.names
    other_b = (fb.causes | fb.names) - topic - fa.causes - fa.names
    return other_a <= tb.terms and other_b <= ta.terms


def _usual_places(reads: Reads, mentions: Sequence[Mention], topic: frozenset[str]) -> frozenset[str]:
    """The place most of a measure's narrowed figures are given for, if one is (seen in two texts or
    more) and the coverage is about it."""
    counts: Counter[str] = Counter()
    scoped = 0
    for t, v in mentions:
        f = reads.texts[t].values[v].figure
        if f is not None and f.scope:
            scoped += 1
            counts.update(f.scope)
    if not counts:
        return frozenset()
    place, n = counts.most_common(1)[0]
    return frozenset({place}) if n >= 2 and n * 2 >= scoped and place in topic else frozenset()


def _same_thing(reads: Reads, a: Mention, b: Mention, common: frozenset[str], topic: frozenset[str],
                usual: frozenset[str]) -> bool:
    ta, tb = reads.texts[a[0]], reads.texts[b[0]]
    va, vb = ta.values[a[1]], tb.values[b[1]]
    if va.type == "date":
        return _same_event(va, vb, common)
    if va.type == "title":
        return _given_names_fit(va.labelled[0], vb.labelled[0])
    if va.type == "incident":
        # One incident: the sentences share words of their own (the victim's name, the place);
        # for the place where something happened, its clause shares one ("surgery").
        if va.measure == "birthday":
            return True  # one person turning one age: the key holds both
        if va.measure == "place" and (not (va.window & vb.window) - common
                                      or not va.role <= tb.terms or not vb.role <= ta.terms):
            return False  # what happened there, and whoever its clause names, are the same
        if (va.count is None) != (vb.count is None) or (
                va.count is not None and vb.count is not None
                and (va.count[1] < vb.count[0] or vb.count[1] < va.count[0])):
            return False  # where a group was is compared only for a group of the same size
        return len((reads.texts[a[0]].terms & reads.texts[b[0]].terms) - common) >= 2
    if va.measure == "age":
        # "Qin, 44" and "Qin Yongmin, 45" are one person; "Wang Youcai, 33" and "Wang Donghai, 50" are two.
        names_a, names_b = set(va.subject.split("+")) - {""}, set(vb.subject.split("+")) - {""}
        if names_a and names_b:
            return names_a <= names_b or names_b <= names_a
        # "His family said he was 22": whoever the sentence before names.
        named, pronoun = (names_a, b) if names_a else (names_b, a)
        return bool(named) and bool(named & _before(reads, pronoun[0]))
    if va.measure == "length":
        return bool(set(va.subject.split("+")) & set(vb.subject.split("+")))
    if not _group_fits(va, vb) or not _narrowing_fits(ta, va, tb, vb, topic, usual):
        return False
    if va.measure in ("delay", "population", "prison term") or va.measure.endswith(" more than"):
        # What these measure is said around them: the sentences must share words of their own.
        return len((ta.terms & tb.terms) - common) >= 2
    if va.figure is not None and va.figure.amount.unit in _MEASUREMENTS:
        if va.figure.amount.unit in _TRACKED and not (_PEAKS & ta.terms and _PEAKS & tb.terms):
            return False  # a storm's speed and position change by the hour
        return len((ta.terms & tb.terms) - common) >= 3
    return True


def _same_event(va: Value, vb: Value, common: frozenset[str]) -> bool:
    """Whether two dates date one event: both name it right after the date ("the Sept. 2 crash",
    "the Sept. 3 crash") and their clauses share another word, or both date a death their sentences
    tell with a verb and name one person (see :mod:`briefgen.facts.readings`).

    A date alone ("said Friday", "in October") does not say which event it dates, however many
    words two sentences share: the dates of two events in one story are usually different.
    """
    if va.subject == "death" == vb.subject:
        # Whose: a name both give, however often the coverage prints it (the story is about them).
        return bool(va.role & vb.role)
    shared = (va.window & vb.window) - common
    return bool(va.subject) and va.subject == vb.subject and len(shared) >= 1


def _before(reads: Reads, t: int) -> frozenset[str]:
    """Terms of the capitalised words of the sentence before a text's first copy, in its source."""
    k = reads.copies[t][0]
    if k == 0 or reads.sentences[k - 1].source_id != reads.sentences[k].source_id:
        return frozenset()
    return frozenset(term_of(w) for w in _CAPITALISED.findall(reads.sentences[k - 1].text))


def _shared_surnames(values: Sequence[Value]) -> frozenset[str]:
    """Name terms that two different full names of ``values``' subjects share ("wang" of "Wang Youcai"
    and "Wang Bingzhang")."""
    full = {frozenset(v.subject.split("+")) for v in values if v.subject.count("+") >= 1}
    seen: dict[str, int] = defaultdict(int)
    for name in full:
        for part in name:
            seen[part] += 1
    return frozenset(part for part, n in seen.items() if n > 1)


def _other_namesake(va: Value, vb: Value, shared: frozenset[str]) -> bool:
    """Whether a bare surname two people share ("Wang, 50") and a full name ("Wang Youcai, 32") with
    ages further apart than :data:`_AGE_SPREAD` are two people: the surname alone cannot say which."""
    if va.figure is None or vb.figure is None:
        return False
    bare, full = (va, vb) if "+" not in va.subject else (vb, va)
    if "+" in bare.subject or "+" not in full.subject or bare.subject not in shared:
        return False
    return abs(va.figure.amount.value - vb.figure.amount.value) > _AGE_SPREAD


def _given_names_fit(a: str, b: str) -> bool:
    """Whether two printings of a person's name can be one person ("Hans Carlsson", "Carlsson")."""
    pa, pb = a.split(), b.split()
    if len(pa) < 2 or len(pb) < 2:
        return True
    x, y = pa[0].lower(), pb[0].lower()
    return x == y or (len(x) == len(y) and sum(c != d for c, d in zip(x, y, strict=True)) <= 1)


def _plausible_pairs(values: Sequence[Value], days: Sequence[dt.date | None], first: np.ndarray,
                     second: np.ndarray) -> np.ndarray:
    """Whether each pair ``(values[first[k]], values[second[k]])`` can be reports of one quantity (a mask).

    Not wildly apart: reports of one quantity on one day differ by a factor
    of two at most; a count that moves as reports come in grows at most
    fivefold from one day's report to a later one (a count of people in a
    state they leave moves at most tenfold either way), or is corrected down
    by a quarter at most; a count that moved during the day ("bringing the
    total to") differs at most fivefold. Figures of zero or less fit only
    their equal (or another negative). A value without a figure fits any.
    The pair's first value says what it measures. All pairs at once: a large
    batch of articles has millions of candidates.
    """
    n = len(values)
    figure = np.zeros(n, dtype=bool)
    amount = np.ones(n)
    changing = np.zeros(n, dtype=bool)
    current = np.zeros(n, dtype=bool)
    update = np.zeros(n, dtype=bool)
    earlier = np.zeros(n, dtype=bool)
    part = np.zeros(n, dtype=np.int64)
    day = np.full(n, -1, dtype=np.int64)
    for k, v in enumerate(values):
        f = v.figure
        changing[k] = v.measure in CHANGING
        current[k] = v.measure in CURRENT
        d = days[k]
        if d is not None:
            day[k] = d.toordinal()
        if f is None:
            continue
        figure[k] = True
        amount[k] = f.amount.value
        update[k], earlier[k], part[k] = bool(f.update), bool(f.earlier), int(f.part)
    a, b = first, second
    x, y = amount[a], amount[b]
    with np.errstate(divide="ignore", invalid="ignore"):
        positive = (x > 0) & (y > 0)
        signed = (x == y) | ((x < 0) & (y < 0))
        dated = changing[a] & (day[a] >= 0) & (day[b] >= 0) & (day[a] != day[b])
        a_first = day[a] < day[b]
        change = np.where(a_first, y, x) / np.where(a_first, x, y)  # the later figure over the earlier
        over_days = np.where(current[a], (change >= 1 / _MAX_SWING) & (change <= _MAX_SWING),
                             (change >= _MIN_CORRECTION) & (change <= _MAX_GROWTH))
        moving = changing[a] & (update[a] | update[b] | (part[a] != part[b]) | earlier[a] | earlier[b])
        ratio = np.maximum(x, y) / np.minimum(x, y)
        same_day = np.where(moving, ratio <= _MAX_GROWTH, ratio <= _SAME_DAY)
        fits = np.where(positive, np.where(dated, over_days, same_day), signed)
    return np.where(figure[a] & figure[b], fits, True)


def _day(reads: Reads, t: int, value: Value, published: dict[str, dt.date | None]) -> dt.date | None:
    """The earliest day a text's figure is given for (its first publication, its clause's weekday)."""
    days = [published.get(reads.sentences[k].source_id) for k in reads.copies[t]]
    known = [d for d in days if d is not None]
    if not known:
        return None
    day = min(known)
    f = value.figure
    if f is not None and f.relative is not None:
        return day + dt.timedelta(days=f.relative)
    if f is not None and f.weekday is not None:
        return day - dt.timedelta(days=(day.weekday() - f.weekday) % 7)
    return day


def _link(order: Sequence[int], linked: dict[int, set[int]], share: float) -> list[list[int]]:
    """Groups whose every member fits at least ``share`` of the others (of the last _SAMPLE, when large).

    Each value joins the largest group it fits that way, else starts its own: one loose pair does
    not chain two quantities together, and (for figures, ``share`` a half) one sentence that leaves
    the place out does not keep a report out of its group.
    """
    members: list[list[int]] = []
    group_of: dict[int, int] = {}
    for i in order:
        near = linked.get(i, set())
        best = -1
        for g in sorted({group_of[j] for j in near if j in group_of}):
            recent = members[g][-_SAMPLE:]
            fits = sum(j in near for j in recent)
            if fits >= share * len(recent) and (best < 0 or len(members[g]) > len(members[best])):
                best = g
        if best < 0:
            best = len(members)
            members.append([])
        members[best].append(i)
        group_of[i] = best
    return members


def groups(reads: Reads, common: frozenset[str], topic: frozenset[str],
           published: dict[str, dt.date | None]) -> list[list[Mention]]:
    """Groups of values that give one measure of one thing, each in text order.

    Every value of a group fits at least half of the others: a single loose
    pair does not chain two different quantities together.

    Args:
        reads: Every distinct sentence text, read.
        common: Terms too frequent to show that two sentences are about one thing.
        topic: Terms the coverage as a whole is about (in most sources and often).
        published: Each source's publication date.
    """
    by_key: dict[tuple[str, str, str], list[Mention]] = defaultdict(list)
    for t, text in enumerate(reads.texts):
        for v, value in enumerate(text.values):
            by_key[_key(value)].append((t, v))
    out: list[list[Mention]] = []
    for key, found in by_key.items():
        if len({m[0] for m in found}) < 2:
            continue
        if len({m[0] for m in found}) <= _SMALL:
            first, second = (k.astype(np.int64) for k in np.triu_indices(len(found), 1))
        else:
            contexts = [(key, reads.texts[m[0]].terms - common) for m in found]
            first, second = _sharing_pairs(contexts, _SHARED)
        text_of = np.array([m[0] for m in found], dtype=np.int64)
        usual = _usual_places(reads, found, topic)
        days = [_day(reads, t, reads.texts[t].values[v], published) for t, v in found]
        values = [reads.texts[t].values[v] for t, v in found]
        # Pairs of two texts whose figures can be one quantity, in the order of the pairs above.
        keep = text_of[first] != text_of[second]
        first, second = first[keep], second[keep]
        keep = _plausible_pairs(values, days, first, second)
        shared_surname = _shared_surnames(values) if key[0] == "age" else frozenset()
        linked: dict[int, set[int]] = defaultdict(set)
        for i, j in zip(first[keep].tolist(), second[keep].tolist(), strict=True):
            if shared_surname and _other_namesake(values[i], values[j], shared_surname):
                continue
            if _same_thing(reads, found[i], found[j], common, topic, usual):
                linked[i].add(j)
                linked[j].add(i)
        # A person's age or title fits every other of the group: "Wang, 31" fits two Wangs.
        share = 1.0 if key[0] in ("age", "title") else 0.5
        for members in _link(range(len(found)), linked, share):
            if len({found[i][0] for i in members}) > 1:
                out.append(sorted(found[i] for i in members))
    return out
