"""Articles into events: incremental, bounded in memory, partitioned by time window.

An event is a set of stories about the same happening, close in time. The
archive is cut into time partitions (:func:`partitions`), each grouped on its
own (:func:`group_partition`, a worker task), and the groups are then linked
across partition edges (:func:`link`). The local run and a Dask run make the
same partitions and the same calls, so they give the same events.

Within a partition, articles arrive in date order. Each is compared with the
open events that hold one of its candidates: articles whose keyword sets
(its 30 most distinctive terms) MinHash LSH finds similar; never all pairs.
It joins the event whose centroid (the sum of its members' TF-IDF vectors)
is nearest in cosine if that reaches :data:`JOIN`, or the event of a copy of
it (five-word shingles, estimated Jaccard of at least :data:`COPY`), else
starts an event. An event closes once :data:`WINDOW` days pass without a new
article; its articles leave the LSH index, so memory holds only open events.
Three refinement passes then move each article to the candidate event whose
centroid (without the article itself) is nearest, if that reaches
:data:`REFINE`, else leave it alone: an article that arrived before its
story took shape finds it afterwards.
"""

from __future__ import annotations

import heapq
import logging
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from briefgen.digest.features import NUM_PERM, SCHEME, Article

__all__ = ["COPY", "JOIN", "LINK", "REFINE", "WINDOW", "Group", "group_partition", "link", "partitions"]

log = logging.getLogger(__name__)

#: Cosine of an article with an event's centroid at which it joins the event.
JOIN = 0.25
#: The same after the event has taken shape (refinement passes), centroid without the article.
REFINE = 0.2
#: Cosine between the centroids of two groups, of several articles each, from neighbouring partitions.
LINK = 0.5
#: Estimated Jaccard similarity of five-word shingles at which two texts are copies of one report.
COPY = 0.5
#: Days without a new article after which an event closes.
WINDOW = 60
#: Distinctive terms per article that candidate search compares.
KEYWORDS = 30
#: Refinement passes.
PASSES = 3
#: Candidates per article compared with it: its nearest by keyword sets.
NEIGHBOURS = 10
#: Terms of a group's centroid kept for linking across partitions.
LINK_TERMS = 60

# Keyword MinHash LSH with single-row bands: any article sharing about one
# keyword in 30 or more is a candidate (a blocking step, as an inverted index
# of keywords would give); of those, the :data:`NEIGHBOURS` whose keyword sets
# are most alike (estimated Jaccard) are compared. Bands of two rows missed a
# fifth of the links that mattered on the development archive.
_KEY_PERM = 128
_KEY_BANDS = (128, 1)
# Copies: 16 bands of 4 rows over the shingle MinHash find Jaccard 0.7 99% of the time.
_COPY_BANDS = (16, 4)


@dataclass(frozen=True, slots=True)
class Group:
    """Articles grouped together, and what is needed to link the group to others.

    Attributes:
        members: The articles' inputs, in date order.
        first, last: First and last publication day (``date.toordinal()``), or ``None`` if undated.
        terms: The centroid's strongest terms, separated by spaces.
        weights: Their weights in the normalised centroid.
        part: The partition it was found in.
    """

    members: tuple[str, ...]
    first: int | None
    last: int | None
    terms: str
    weights: np.ndarray
    part: int

    def vector(self) -> dict[str, float]:
        """The centroid as a mapping of term to weight."""
        return dict(zip(self.terms.split(), self.weights.tolist(), strict=True))


def partitions(articles: Sequence[Article], *, days: int = 28,
               min_articles: int = 2000) -> list[list[Article]]:
    """Cut the archive into time partitions: blocks of ``days`` days, joined until each has ``min_articles``.

    Blocks are counted from day one of the calendar, so the cut depends only
    on the articles' dates. Undated articles form a partition of their own, last.
    Within a partition articles are in date order, then by input.
    """
    dated = sorted((a for a in articles if a.day is not None), key=lambda a: (a.day, a.ref))
    undated = sorted((a for a in articles if a.day is None), key=lambda a: a.ref)
    parts: list[list[Article]] = []
    current: list[Article] = []
    block: int | None = None
    for a in dated:
        b = (a.day or 0) // days
        if block is not None and b != block and len(current) >= min_articles:
            parts.append(current)
            current = []
        block = b
        current.append(a)
    if current:
        parts.append(current)
    if undated:
        parts.append(undated)
    return parts


def _unit(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
    return {t: x / norm for t, x in vec.items()}


def _dot(small: dict[str, float], big: dict[str, float]) -> float:
    if len(small) > len(big):
        small, big = big, small
    get = big.get
    return sum(x * get(t, 0.0) for t, x in small.items())


def _keys(vec: dict[str, float]) -> list[bytes]:
    top = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:KEYWORDS]
    return sorted(t.encode("utf-8") for t, _ in top)


def _lsh(bands: tuple[int, int], num_perm: int) -> object:
    from datasketch import MinHashLSH

    return MinHashLSH(num_perm=num_perm, params=bands)


def _lean(values: np.ndarray) -> object:
    from datasketch import LeanMinHash

    return LeanMinHash(seed=1, hashvalues=values, scheme=SCHEME)


def _keyword_hash(keys: list[bytes]) -> np.ndarray:
    from datasketch import MinHash

    mh = MinHash(num_perm=_KEY_PERM, seed=1, scheme=SCHEME)
    if keys:
        mh.update_batch(keys)
    return np.asarray(mh.hashvalues)


class _Event:
    __slots__ = ("first", "last", "members", "norm2", "open", "vec")

    def __init__(self, i: int, vec: dict[str, float], day: int | None) -> None:
        self.members = [i]
        self.vec = dict(vec)
        self.norm2 = 1.0
        self.first = day
        self.last = day
        self.open = True

    def add(self, i: int, vec: dict[str, float], day: int | None) -> None:
        self.norm2 += 2 * _dot(vec, self.vec) + 1.0
        for t, x in vec.items():
            self.vec[t] = self.vec.get(t, 0.0) + x
        self.members.append(i)
        if day is not None:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)


def _vectors(arts: Sequence[Article]) -> list[dict[str, float]]:
    """Unit TF-IDF vectors (log term frequency, smoothed IDF of the partition)."""
    n = len(arts)
    split = [a.terms.split() for a in arts]
    df: Counter[str] = Counter()
    for terms in split:
        df.update(terms)
    idf = {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in df.items()}
    out = []
    for terms, a in zip(split, arts, strict=True):
        out.append(_unit({t: (1.0 + math.log(max(1, int(c)))) * idf[t]
                          for t, c in zip(terms, a.counts.tolist(), strict=True)}))
    return out


def group_partition(arts: Sequence[Article], part: int = 0, *, window: int | None = None) -> list[Group]:
    """Group one time partition's articles into events (a worker task).

    Args:
        arts: The partition's articles, in date order (see :func:`partitions`).
        part: The partition's number, recorded in each group.
        window: Days without a new article after which an event closes (default :data:`WINDOW`).

    Returns:
        Every group, single articles included, in order of their first article.
    """
    window = WINDOW if window is None else window
    n = len(arts)
    if n == 0:
        return []
    vecs = _vectors(arts)
    days = [a.day for a in arts]
    keyvals = np.stack([_keyword_hash(_keys(v)) for v in vecs])
    keyhash = [_lean(row) for row in keyvals]
    shingles = [_lean(a.shingles) for a in arts]
    keys_lsh = _lsh(_KEY_BANDS, _KEY_PERM)
    copy_lsh = _lsh(_COPY_BANDS, NUM_PERM)
    neighbours: list[set[int]] = [set() for _ in range(n)]
    events: list[_Event] = []
    event_of = [0] * n
    closing: list[tuple[int, int]] = []  # (last day, event), stale entries skipped
    for i in range(n):
        day = days[i]
        if day is not None:
            while closing and closing[0][0] < day - window:
                last, e = heapq.heappop(closing)
                ev = events[e]
                if ev.open and ev.last is not None and ev.last < day - window:
                    ev.open = False
                    for j in ev.members:
                        keys_lsh.remove(j)  # type: ignore[attr-defined]
                        copy_lsh.remove(j)  # type: ignore[attr-defined]
        cands = _nearest(keys_lsh.query(keyhash[i]), keyvals, i)  # type: ignore[attr-defined]
        for j in cands:
            neighbours[i].add(j)
            neighbours[j].add(i)
        copies = [j for j in sorted(copy_lsh.query(shingles[i]))  # type: ignore[attr-defined]
                  if shingles[i].jaccard(shingles[j]) >= COPY]  # type: ignore[attr-defined]
        best, score = -1, 0.0
        if copies:
            best = event_of[max(copies, key=lambda j: (_dot(vecs[i], vecs[j]), -j))]
            score = 1.0
        else:
            for e in sorted({event_of[j] for j in cands}):
                ev = events[e]
                s = _dot(vecs[i], ev.vec) / math.sqrt(ev.norm2)
                if s > score:
                    best, score = e, s
        if best >= 0 and score >= JOIN:
            events[best].add(i, vecs[i], day)
            event_of[i] = best
        else:
            event_of[i] = len(events)
            events.append(_Event(i, vecs[i], day))
        if day is not None:
            heapq.heappush(closing, (events[event_of[i]].last or day, event_of[i]))
        keys_lsh.insert(i, keyhash[i])  # type: ignore[attr-defined]
        copy_lsh.insert(i, shingles[i])  # type: ignore[attr-defined]
    for _ in range(PASSES):
        event_of = _refine(vecs, days, event_of, neighbours, window)
    return _groups(arts, vecs, days, event_of, part)


def _nearest(found: object, keyvals: np.ndarray, i: int) -> list[int]:
    """The :data:`NEIGHBOURS` candidates whose keyword MinHash agrees most with article ``i``'s."""
    cands = np.array(sorted(found), dtype=np.int64)  # type: ignore[call-overload]
    if len(cands) <= NEIGHBOURS:
        return cands.tolist()
    agree = (keyvals[cands] == keyvals[i]).sum(axis=1)
    order = np.lexsort((cands, -agree))[:NEIGHBOURS]
    return sorted(cands[order].tolist())


def _refine(vecs: list[dict[str, float]], days: list[int | None], event_of: list[int],
            neighbours: list[set[int]], window: int) -> list[int]:
    """One pass: every article to the candidate event nearest to it (itself left out of its own)."""
    members: dict[int, list[int]] = {}
    for i, e in enumerate(event_of):
        members.setdefault(e, []).append(i)
    cents: dict[int, dict[str, float]] = {}
    norm2: dict[int, float] = {}
    span: dict[int, tuple[int | None, int | None]] = {}
    for e, ms in members.items():
        c: dict[str, float] = {}
        for i in ms:
            for t, x in vecs[i].items():
                c[t] = c.get(t, 0.0) + x
        cents[e] = c
        norm2[e] = sum(x * x for x in c.values())
        dated = [days[i] for i in ms if days[i] is not None]
        span[e] = (min(dated), max(dated)) if dated else (None, None)  # type: ignore[type-var]
    out = []
    fresh = max(event_of) + 1
    for i, own in enumerate(event_of):
        best, score = -1, 0.0
        for e in sorted({event_of[j] for j in neighbours[i]} | {own}):
            dot = _dot(vecs[i], cents[e])
            if e == own:
                n2 = norm2[e] - 2 * dot + 1.0
                if len(members[e]) == 1 or n2 <= 1e-9:
                    continue
                s = (dot - 1.0) / math.sqrt(n2)
            else:
                first, last = span[e]
                d = days[i]
                if d is not None and first is not None and last is not None and \
                        not first - window <= d <= last + window:
                    continue
                s = dot / math.sqrt(norm2[e])
            if s > score:
                best, score = e, s
        if best >= 0 and score >= REFINE:
            out.append(best)
        else:
            out.append(fresh)
            fresh += 1
    return out


def _groups(arts: Sequence[Article], vecs: list[dict[str, float]], days: list[int | None],
            event_of: list[int], part: int) -> list[Group]:
    members: dict[int, list[int]] = {}
    for i, e in enumerate(event_of):
        members.setdefault(e, []).append(i)
    out = []
    for ms in sorted(members.values(), key=lambda m: m[0]):
        c: dict[str, float] = {}
        for i in ms:
            for t, x in vecs[i].items():
                c[t] = c.get(t, 0.0) + x
        top = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:LINK_TERMS]
        unit = _unit(dict(top))
        dated = [d for d in (days[i] for i in ms) if d is not None]
        terms = sorted(unit)
        out.append(Group(members=tuple(arts[i].ref for i in ms), first=min(dated) if dated else None,
                         last=max(dated) if dated else None, terms=" ".join(terms),
                         weights=np.array([unit[t] for t in terms], dtype=np.float32), part=part))
    return out


def link(groups: Sequence[Group], *, window: int | None = None) -> list[tuple[str, ...]]:
    """Join groups of neighbouring partitions that are one event.

    A group joins an open event made of groups from earlier partitions when
    their centroids meet :data:`LINK` (:data:`JOIN` when either is a single
    article), the nearest of the candidates that keyword MinHash LSH finds.
    Events close after ``window`` days without an article, as in a partition.

    Args:
        groups: Every partition's groups, partitions in time order.
        window: Days without a new article after which an event closes (default :data:`WINDOW`).

    Returns:
        The events' members, each in date order of its groups, in order of
        their first group.
    """
    window = WINDOW if window is None else window
    order = sorted(range(len(groups)), key=lambda g: (groups[g].part, groups[g].first is None,
                                                       groups[g].first or 0, groups[g].members[0]))
    lsh = _lsh(_KEY_BANDS, _KEY_PERM)
    vec: dict[int, dict[str, float]] = {}
    owner: dict[int, int] = {}   # group -> event (the index of its first group)
    size: dict[int, int] = {}    # event -> articles
    parts: dict[int, int] = {}   # event -> latest partition
    last: dict[int, int | None] = {}
    joined: dict[int, list[int]] = {}
    closing: list[tuple[int, int]] = []  # (last day, event), stale entries skipped
    closed: set[int] = set()
    for g in order:
        grp = groups[g]
        if grp.first is not None:
            while closing and closing[0][0] < grp.first - window:
                day, e = heapq.heappop(closing)
                if e not in closed and (last[e] or day) < grp.first - window:
                    closed.add(e)
                    for h in joined[e]:
                        lsh.remove(h)  # type: ignore[attr-defined]
                    del vec[e]  # its members stay in ``joined``; the centroid is no longer needed
        v = grp.vector()
        hv = _lean(_keyword_hash(_keys(v)))
        best, score = -1, 0.0
        for h in sorted(lsh.query(hv)):  # type: ignore[attr-defined]
            e = owner[h]
            if parts[e] >= grp.part:
                continue  # groups of one partition were already kept apart there
            if grp.first is not None and last[e] is not None and grp.first - (last[e] or 0) > window:
                continue
            s = _dot(v, vec[e]) / math.sqrt(_dot(vec[e], vec[e]) or 1.0)
            need = JOIN if (size[e] == 1 or len(grp.members) == 1) else LINK
            if s >= need and s > score:
                best, score = e, s
        if best >= 0:
            owner[g] = best
            for t, x in v.items():
                vec[best][t] = vec[best].get(t, 0.0) + x
            size[best] += len(grp.members)
            parts[best] = grp.part
            if grp.last is not None:
                last[best] = max(last[best] or grp.last, grp.last)
            joined[best].append(g)
        else:
            owner[g] = g
            vec[g] = dict(v)
            size[g] = len(grp.members)
            parts[g] = grp.part
            last[g] = grp.last
            joined[g] = [g]
        e = owner[g]
        if last[e] is not None:
            heapq.heappush(closing, (last[e] or 0, e))
        lsh.insert(g, hv)  # type: ignore[attr-defined]
    position = {g: k for k, g in enumerate(order)}
    return [tuple(m for g in joined[e] for m in groups[g].members)
            for e in sorted(joined, key=position.__getitem__)]
