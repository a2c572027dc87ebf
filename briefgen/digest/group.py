"""Articles into events: incremental, bounded in memory, partitioned by time window.

An event is a set of stories about the same happening, close in time. The
archive is cut into time partitions (:func:`partitions`), each grouped on its
own (:func:`group_partition`, a worker task), and the groups are then linked
across partition edges (:func:`link`). The local run and a Dask run make the
same partitions and the same calls, so they give the same events.

An article's vector is TF-IDF with the terms it writes as names (people,
places, bodies) weighted up by :data:`NAMES`: two stories on one subject
share its words, but seldom its names. The IDF counts the partition's
articles pooled with :data:`BACKGROUND` articles of news at large (English
word frequencies), so that in an archive of a few events an event's own
words still weigh more than "officials" and "said"; splitting (below) weighs
the partition's own IDF alone, where words every member shares weigh least.

Within a partition, articles arrive in date order. Candidate search finds,
for each, the earlier articles whose keyword sets (its 30 most distinctive
terms) MinHash LSH finds similar, and the copies of one report (five-word
shingles, estimated Jaccard of at least :data:`COPY`); never all pairs. An
article is then compared in its context: its own TF-IDF vector plus those
of its candidates that reach :data:`CONTEXT` in cosine, each weighted by that
cosine (document expansion: a story about a storm's aid shares few words with
one about its landfall, but both share their neighbours' words). Each
article, in date order, joins the open event holding one of its candidates
whose centroid is nearest in cosine, less :data:`GAP` for every day it lies
outside the event's span, if that reaches :data:`JOIN`, or the event of a
copy of it, else starts an event. An event closes once :data:`WINDOW` days
pass without a new article. Three refinement passes then move each article to
the candidate event whose centroid (without the article itself) is nearest,
if that reaches :data:`REFINE`, else leave it alone: an article that arrived
before its story took shape finds it afterwards. Last, an event whose
members form two groups apart both in words and in time is split in two,
again and again; a refinement pass follows. The two groups are the earlier
and the later articles at the event's best cut in time, or, if their date
spans are disjoint, the two sides of spherical 2-means on the words; either
way on the articles' own vectors, copies of one report counted once, and
split when the mean cosine across the groups is under :data:`SPLIT` times the
geometric mean of the mean cosine within each. Two stories in one country a
few weeks apart (a border crisis, then the arrest of a rebel leader, then a
government's fall) are three events, not one. Last, a group too small to have
been split off (two articles) joins the larger candidate group nearest it if
their centroids meet :data:`LINK`: refinement moves one article at a time, so
two reports nearer each other than their event (a wire story and its copy)
stayed apart from it, a pair no memo briefs.

Memory holds one partition: LSH holds the articles of the last
:data:`WINDOW` days, and the vectors of the partition's articles are kept
for the refinement passes.
"""
from __future__ import annotations

import heapq
import logging
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from briefgen.digest.features import MAX_TERMS, NUM_PERM, Article
from briefgen.digest.vectors import KEY_PERM as _KEY_PERM
from briefgen.digest.vectors import bisect as _bisect
from briefgen.digest.vectors import dot as _dot
from briefgen.digest.vectors import keys as _keys
from briefgen.digest.vectors import keyword_hash as _keyword_hash
from briefgen.digest.vectors import lean as _lean
from briefgen.digest.vectors import lsh as _lsh
from briefgen.digest.vectors import separation as _separation
from briefgen.digest.vectors import unit as _unit
from briefgen.digest.vectors import vsum as _sum
from briefgen.text.frequency import article_share, article_shares

__all__ = ["BACKGROUND", "CONTEXT", "COPY", "GAP", "JOIN", "LINK", "NAMES", "REFINE", "SPLIT", "WINDOW",
           "Group", "group_partition", "link", "partitions"]

log = logging.getLogger(__name__)

# JOIN, REFINE, GAP, SPLIT, CONTEXT, NAMES and BACKGROUND: the best of bench/digest.py's grid on the
# development archive (DUC 2003 with 200 unrelated Multi-News articles) with 90%
# of the unrelated articles left alone; reported by two-fold cross-validation
# over events there (python bench/digest.py --group-only --cv).
#: Cosine of an article with an event's centroid at which it joins the event (both in context).
JOIN = 0.4
#: The same after the event has taken shape (refinement passes), centroid without the article.
REFINE = 0.4
#: Cosine taken off an article's similarity with an event per day it lies outside the event's span.
GAP = 0.004
#: Mean cosine across two groups of one event, as a share of the mean within each, under which it is split.
SPLIT = 0.6
#: Cosine of a candidate with an article from which the candidate's words join the article's context.
CONTEXT = 0.15
#: Extra weight of a term an article writes as a name, if another article has it too (its TF-IDF
#: weight times 1 + NAMES): the people, places and bodies of a story tell it from another on the
#: same subject.
NAMES = 0.5
#: Articles of news at large pooled with a partition's own when its IDF is counted, each term in
#: the share of them that English word frequencies give it (wordfreq): in an archive of a few
#: events, an event's own words are in half its articles, and its IDF alone rated them nearly as
#: common as "officials". 300 (of 0, 300 and 1,000): with it fixed, the bench's rule choosing the
#: other constants on one half of the development archive and scoring the other, for two draws of
#: halves, gives ARI 0.919 and 0.880 against 0.905 and 0.845 without, and 0.95 against 0.80-0.87
#: on held-out archives of two DUC events and three unrelated articles (README, digest); the bench's
#: rule over the grid with it, on the whole archive, chooses it too.
BACKGROUND = 300.0
#: Cosine between the centroids of two groups, of several articles each, at which they are one event:
#: groups from neighbouring partitions, and a pair within one partition with a larger group. Not
#: among the bench's fitted constants and left as it was: on the development archive (one
#: partition, where only pairs meet it) 0.3, 0.4 and 0.5 give in-sample ARI 0.861, 0.855 and 0.855.
LINK = 0.5
#: Estimated Jaccard similarity of five-word shingles at which two texts are copies of one report.
COPY = 0.5
#: Days without a new article after which an event closes.
WINDOW = 60
#: Refinement passes.
PASSES = 3
#: Candidates per article compared with it: its nearest by keyword sets.
NEIGHBOURS = 10
#: Terms of a group's centroid kept for linking across partitions.
LINK_TERMS = 60
#: Terms kept in an article's context vector: as many as an article keeps of its own.
CONTEXT_TERMS = MAX_TERMS
#: Articles on each side, at least, of an event that is split (set without data: fewer than
#: three articles on a side is too little to call two stories).
SPLIT_MIN = 3

# Keyword MinHash LSH with single-row bands: any article sharing about one
# keyword in 30 or more is a candidate (a blocking step, as an inverted index
# of keywords would give); of those, the :data:`NEIGHBOURS` whose keyword sets
# are most alike (estimated Jaccard) are compared. Bands of two rows missed a
# fifth of the links that mattered on the development archive.
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


class _Event:
    __slots__ = ("first", "last", "members", "norm2", "vec")

    def __init__(self, i: int, vec: dict[str, float], day: int | None) -> None:
        self.members = [i]
        self.vec = dict(vec)
        self.norm2 = 1.0
        self.first = day
        self.last = day

    def add(self, i: int, vec: dict[str, float], day: int | None) -> None:
        self.norm2 += 2 * _dot(vec, self.vec) + 1.0
        for t, x in vec.items():
            self.vec[t] = self.vec.get(t, 0.0) + x
        self.members.append(i)
        if day is not None:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)


def _vectors(arts: Sequence[Article], background: float | None = None) -> list[dict[str, float]]:
    """Unit TF-IDF vectors (log term frequency, smoothed IDF), names weighted up by NAMES.

    The IDF pools the partition's document frequencies with :data:`BACKGROUND`
    articles of news at large, in which each term occurs at its share
    (:func:`briefgen.text.frequency.article_shares`).

    Only names that another article of the partition also has are weighted up:
    a name no other article has (someone quoted in one report) links it to none.
    """
    n = len(arts)
    split = [a.terms.split() for a in arts]
    df: Counter[str] = Counter()
    for terms in split:
        df.update(terms)
    background = BACKGROUND if background is None else background
    if background and not article_shares()[0]:
        background = 0.0  # no word list (wordfreq missing): the archive's own counts alone
    # With no background this is the partition's own smoothed IDF (and reads no word list).
    idf = {t: math.log((1 + n + background) / (1 + d + (background * article_share(t) if background else 0)))
           + 1.0 for t, d in df.items()}
    out = []
    for terms, a in zip(split, arts, strict=True):
        boost = [1.0 + NAMES if name and df[t] > 1 else 1.0
                 for t, name in zip(terms, a.is_name(), strict=True)]
        out.append(_unit({t: (1.0 + math.log(max(1, int(c)))) * idf[t] * b
                          for t, c, b in zip(terms, a.counts.tolist(), boost, strict=True)}))
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
    if not arts:
        return []
    own = _vectors(arts)
    days = [a.day for a in arts]
    neighbours, copies = _candidates(arts, own, days, window)
    vecs = _context(own, neighbours)
    event_of = _join(vecs, days, neighbours, copies, window)
    for _ in range(PASSES):
        event_of = _refine(vecs, days, event_of, neighbours, window)
    # Split on the partition's own IDF: news at large rates a background paragraph's rare names
    # high, and two stories in one country that both reprint it look like one (a test).
    split = _split(_vectors(arts, background=0.0), days, event_of, copies)
    if split != event_of:
        event_of = _refine(vecs, days, split, neighbours, window)
    event_of = _gather(vecs, days, event_of, neighbours, window)
    return _groups(arts, vecs, days, event_of, part)


def _members(event_of: list[int]) -> dict[int, list[int]]:
    """Each event's articles, in input order, events in order of their first article."""
    members: dict[int, list[int]] = {}
    for i, e in enumerate(event_of):
        members.setdefault(e, []).append(i)
    return members


def _gather(vecs: list[dict[str, float]], days: list[int | None], event_of: list[int],
            neighbours: list[set[int]], window: int) -> list[int]:
    """Every group too small to have been split off (fewer than :data:`SPLIT_MIN` articles, more than
    one) joins the larger group nearest to it when their centroids meet :data:`LINK`, as groups of
    neighbouring partitions link, and their spans lie within ``window`` days. Only groups holding a
    candidate of one of its articles are compared, each as it stood before any joined it (so the
    order the small groups are taken in changes nothing, and each comparison costs one product).

    Refinement moves one article at a time, so two reports of an event that are nearer each other
    than the event (a wire story and its copy) stay apart from it as a pair; a pair too small to brief
    on its own would leave both unassigned.
    """
    members = _members(event_of)
    small = [e for e, ms in members.items() if 1 < len(ms) < SPLIT_MIN]
    if not small:
        return event_of
    sums: dict[int, dict[str, float]] = {}
    norms: dict[int, float] = {}
    spans: dict[int, tuple[int, int] | None] = {}

    def read(e: int) -> None:
        if e not in sums:
            sums[e] = total = _sum([vecs[i] for i in members[e]])
            norms[e] = math.sqrt(_dot(total, total))
            dated = [d for d in (days[i] for i in members[e]) if d is not None]
            spans[e] = (min(dated), max(dated)) if dated else None

    out = list(event_of)
    for e in sorted(small, key=lambda e: members[e][0]):
        read(e)
        if not norms[e]:
            continue  # articles with no prose
        best, score = -1, LINK
        for f in sorted({event_of[j] for i in members[e] for j in neighbours[i]} - {e}):
            if len(members[f]) <= len(members[e]):
                continue
            read(f)
            a, b = spans[e], spans[f]
            if not norms[f] or (a is not None and b is not None and (a[0] - b[1] > window
                                                                      or b[0] - a[1] > window)):
                continue
            s = _dot(sums[e], sums[f]) / (norms[e] * norms[f])
            if s >= score:
                best, score = f, s
        if best >= 0:
            for i in members[e]:
                out[i] = best
    return out


def _candidates(arts: Sequence[Article], vecs: list[dict[str, float]], days: list[int | None],
                window: int) -> tuple[list[set[int]], list[list[int]]]:
    """Each article's candidates (both ways) and earlier copies: LSH holding the last ``window`` days."""
    n = len(arts)
    keyvals = np.stack([_keyword_hash(_keys(v)) for v in vecs])
    keyhash = [_lean(row) for row in keyvals]
    shingles = [_lean(a.shingles) for a in arts]
    keys_lsh = _lsh(_KEY_BANDS, _KEY_PERM)
    copy_lsh = _lsh(_COPY_BANDS, NUM_PERM)
    neighbours: list[set[int]] = [set() for _ in range(n)]
    copies: list[list[int]] = [[] for _ in range(n)]
    indexed: list[tuple[int, int]] = []  # (day, article) of the dated articles in the indexes
    for i in range(n):
        day = days[i]
        if day is not None:
            while indexed and indexed[0][0] < day - window:
                _, j = heapq.heappop(indexed)
                keys_lsh.remove(j)  # type: ignore[attr-defined]
                copy_lsh.remove(j)  # type: ignore[attr-defined]
        for j in _nearest(keys_lsh.query(keyhash[i]), keyvals, i):  # type: ignore[attr-defined]
            neighbours[i].add(j)
            neighbours[j].add(i)
        # A page with no prose (a web archive's notes) has no shingles: it copies nothing.
        copies[i] = [j for j in sorted(copy_lsh.query(shingles[i]))  # type: ignore[attr-defined]
                     if vecs[i] and vecs[j] and shingles[i].jaccard(shingles[j]) >= COPY]  # type: ignore[attr-defined]
        if day is not None:
            heapq.heappush(indexed, (day, i))
        keys_lsh.insert(i, keyhash[i])  # type: ignore[attr-defined]
        copy_lsh.insert(i, shingles[i])  # type: ignore[attr-defined]
    return neighbours, copies


def _context(vecs: list[dict[str, float]], neighbours: list[set[int]]) -> list[dict[str, float]]:
    """Each article's vector plus its candidates' reaching :data:`CONTEXT` in cosine, weighted by it."""
    out = []
    for i, v in enumerate(vecs):
        w = dict(v)
        for j in sorted(neighbours[i]):
            s = _dot(v, vecs[j])
            if s >= CONTEXT:
                for t, x in vecs[j].items():
                    w[t] = w.get(t, 0.0) + s * x
        top = sorted(w.items(), key=lambda kv: (-kv[1], kv[0]))[:CONTEXT_TERMS]
        out.append(_unit(dict(top)))
    return out


def _join(vecs: list[dict[str, float]], days: list[int | None], neighbours: list[set[int]],
          copies: list[list[int]], window: int) -> list[int]:
    """In date order, each article joins the nearest open event of its earlier candidates, or starts one."""
    events: list[_Event] = []
    event_of: list[int] = []
    for i, v in enumerate(vecs):
        day = days[i]
        best, score = -1, 0.0
        live = [j for j in copies[i]
                if _gap(day, events[event_of[j]].first, events[event_of[j]].last) <= window]
        if live:
            best = event_of[max(live, key=lambda j: (_dot(v, vecs[j]), -j))]
            score = 1.0
        else:
            for e in sorted({event_of[j] for j in neighbours[i] if j < i}):
                ev = events[e]
                gap = _gap(day, ev.first, ev.last)
                if gap > window:
                    continue  # closed: no article for ``window`` days
                s = _dot(v, ev.vec) / math.sqrt(ev.norm2) - GAP * gap
                if s > score:
                    best, score = e, s
        if best >= 0 and score >= JOIN:
            events[best].add(i, v, day)
            event_of.append(best)
        else:
            event_of.append(len(events))
            events.append(_Event(i, v, day))
    return event_of


def _gap(day: int | None, first: int | None, last: int | None) -> int:
    """Days between ``day`` and the span from ``first`` to ``last`` (0 inside it, or undated)."""
    if day is None or first is None or last is None:
        return 0
    return max(0, first - day, day - last)


def _split(vecs: list[dict[str, float]], days: list[int | None], event_of: list[int],
           copies: list[list[int]]) -> list[int]:
    """Split, again and again, every event whose members form two groups apart in words and in time.

    Two ways of cutting an event are tried: its best cut in time (:func:`_cut`:
    the earlier articles against the later) and, where the two sides cover days
    that do not overlap, spherical 2-means on the words (:func:`_bisect`). The
    cut whose sides are least alike (:func:`_separation`) splits the event if
    that falls under :data:`SPLIT`. Copies of one report count once (the
    earliest in the event), and the others follow it: two agencies' copies of
    one story would make a side look more of a piece than it is.
    """
    members = _members(event_of)
    out = list(event_of)
    fresh = max(event_of) + 1
    todo = sorted(members.values(), key=lambda ms: ms[0], reverse=True)
    while todo:
        ms = todo.pop()
        original = _originals(ms, copies)
        if len(original) < 2 * SPLIT_MIN:
            continue
        reps = sorted(set(original.values()))
        cuts = [c for c in (_cut(vecs, days, reps), _words_apart(vecs, days, reps)) if c is not None]
        if not cuts:
            continue
        ratio, _, second = min(cuts, key=lambda c: c[0])
        if ratio < SPLIT:
            moved = set(second)
            one = [i for i in ms if original[i] not in moved]
            two = [i for i in ms if original[i] in moved]
            for i in two:
                out[i] = fresh
            fresh += 1
            todo.extend([two, one])
    return out


def _originals(ms: list[int], copies: list[list[int]]) -> dict[int, int]:
    """Each member's original among ``ms``: the earliest member it copies (itself if none).

    ``ms`` are in input order; ``copies[i]`` lists the earlier articles of
    which article ``i`` is a copy.
    """
    original: dict[int, int] = {}
    for i in ms:
        earlier = [original[j] for j in copies[i] if j in original]
        original[i] = min(earlier) if earlier else i
    return original


#: A cut of an event: how alike its two sides are (see :func:`_separation`), and the sides.
_Cut = tuple[float, list[int], list[int]]


def _words_apart(vecs: list[dict[str, float]], days: list[int | None], ms: list[int]) -> _Cut | None:
    """The cut of an event's members by spherical 2-means on their words, if the sides are apart in time.

    ``None`` unless both sides have :data:`SPLIT_MIN` members and cover days
    that do not overlap.
    """
    side = _bisect([vecs[i] for i in ms])
    if side is None:
        return None
    one = [i for i, s in zip(ms, side, strict=True) if not s]
    two = [i for i, s in zip(ms, side, strict=True) if s]
    if min(len(one), len(two)) < SPLIT_MIN or not _apart(days, one, two):
        return None
    sum1, sum2 = _sum([vecs[i] for i in one]), _sum([vecs[i] for i in two])
    return _separation(_dot(sum1, sum2), len(one), _dot(sum1, sum1), len(two), _dot(sum2, sum2)), one, two


def _cut(vecs: list[dict[str, float]], days: list[int | None], ms: list[int]) -> _Cut | None:
    """The cut in time of an event's members whose earlier and later sides are least alike.

    Members in date order are cut between two different days, leaving at
    least :data:`SPLIT_MIN` on each side; ``None`` if no such cut exists or a
    member is undated. One pass over the members: the earlier side's sum
    grows by one vector at a time, and its dot products with itself and with
    the event's sum give every other quantity.
    """
    if any(days[i] is None for i in ms):
        return None
    order = sorted(ms, key=lambda i: (days[i], i))
    n = len(order)
    total = _sum([vecs[i] for i in order])
    whole = _dot(total, total)
    early: dict[str, float] = {}
    inside = 0.0  # |early|^2
    toward = 0.0  # early . total
    best: tuple[float, int] | None = None
    for k in range(1, n - SPLIT_MIN + 1):
        v = vecs[order[k - 1]]
        inside += 2 * _dot(v, early) + 1.0
        toward += _dot(v, total)
        for t, x in v.items():
            early[t] = early.get(t, 0.0) + x
        if k < SPLIT_MIN or days[order[k - 1]] == days[order[k]]:
            continue
        ratio = _separation(toward - inside, k, inside, n - k, whole - 2 * toward + inside)
        if best is None or ratio < best[0]:
            best = (ratio, k)
    if best is None:
        return None
    return best[0], order[:best[1]], order[best[1]:]


def _apart(days: list[int | None], one: list[int], two: list[int]) -> bool:
    """Whether two groups of articles, all dated, cover days that do not overlap."""
    d1, d2 = [days[i] for i in one], [days[i] for i in two]
    if None in d1 or None in d2:
        return False
    return max(d1) < min(d2) or max(d2) < min(d1)  # type: ignore[type-var, operator]


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
    members = _members(event_of)
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
                if norm2[e] <= 0.0:  # an event of articles with no prose: nothing to join
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
    members = _members(event_of)
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
