"""From a group of values of one quantity to what the memo shows: disagreements and figures that changed.

Every copy of a value is one observation: a source, the sentence, the value
and the time it is given for (the day the clause names, "police said
Monday", resolved against the article's date; else the article's date).

* Counts that move as reports come in (deaths, injured, missing, displaced,
  detained, ...) are laid out in time order. Values of one day that fit
  each other are one point; a later point whose value does not fit the one
  before makes a *figure that changed* ("Death toll: 82 (Friday) -> 129
  (Saturday) -> 156 (Sunday)"). A figure its own clause calls earlier
  ("police had earlier reported 65 dead") comes before that day's figures.
  On one day, sources giving values that do not fit each other *disagree*,
  unless a clause reports the change ("rose to 156").
* Measurements that change by the hour (wind speed, a storm's position, a
  temperature) are compared only within one day.
* Anything else (an age, a length, a magnitude, a date, a title) disagrees
  whenever two sources give values that do not fit each other.

A source that gives both values of a disagreement is not on either side. When no source is
dated, a count's disagreement is re-read in the order of the weekdays its sources name (see
:func:`_by_weekdays`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from briefgen.facts.compare import Mention
from briefgen.facts.incidents import birthday_months, place_class
from briefgen.facts.measures import CHANGING, CURRENT
from briefgen.facts.readings import Reads
from briefgen.facts.titles import differ
from briefgen.facts.values import DatePart, Value
from briefgen.facts.when import WEEKDAYS, stand_in_days
from briefgen.model import ConflictSide, Sentence

__all__ = ["Found", "Observation", "resolve", "sides_of"]

# Where a reported change with no part of the day goes among the day's figures: last.
_LATER = 9
_HOURLY = frozenset({"kph", "km", "m", "celsius", "fahrenheit", "degree"})
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class Observation:
    """One copy of a value: who gave it, where, and for when."""

    sentence: int
    source: str
    value: Value
    day: dt.date | None
    earlier: bool
    part: int
    update: bool
    when: str


@dataclass(frozen=True, slots=True)
class Found:
    """A conflict before labelling: its kind, its sides (with their observations) and its group."""

    kind: str
    sides: tuple[tuple[str, str, tuple[Observation, ...]], ...]  # (value shown, time shown, observations)
    value: Value  # a representative value, for the label
    day: dt.date | None = None  # the day of a one-day disagreement


def _date(iso: str | None) -> dt.date | None:
    if not iso:
        return None
    try:
        return dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None


def resolve(part: DatePart, published: dt.date | None) -> tuple[int | None, int | None, int | None]:
    """A printed date's (year, month, day); a weekday becomes the latest such day by the article's date."""
    if part.weekday is None:
        return part.year, part.month, part.day
    if published is None:
        return None, None, None
    back = (published.weekday() - part.weekday % 7) % 7 + (7 if part.weekday >= 7 else 0)
    day = published - dt.timedelta(days=back)
    return day.year, day.month, day.day


def _observations(reads: Reads, group: Sequence[Mention], published: dict[str, dt.date | None],
                  days: dict[str, dt.date | None]) -> list[Observation]:
    """Every copy of the group's values, each for the day its clause names, else its source's day.

    ``days`` are the sources' publication dates, or for undated sources stand-ins from the
    weekdays they name: a day that stands in shows as its weekday ("Saturday").
    """
    out = []
    for t, v in group:
        value = reads.texts[t].values[v]
        for k in reads.copies[t]:
            sent = reads.sentences[k]
            day = days.get(sent.source_id)
            earlier = update = False
            part = 0
            when = ""
            f = value.figure
            if f is not None:
                earlier, update, part, when = f.earlier, f.update, f.part, f.when
                if day is not None and f.relative is not None:
                    day = day + dt.timedelta(days=f.relative)
                elif day is not None and f.weekday is not None:
                    back = (day.weekday() - f.weekday) % 7
                    day = day - dt.timedelta(days=back)
            if day is not None and published.get(sent.source_id) is None:
                when = when or WEEKDAYS[day.weekday()].capitalize()
            out.append(Observation(k, sent.source_id, value, day, earlier, part, update, when))
    return out


def _number_class(o: Observation) -> tuple[float, float, float]:
    a = o.value.figure.amount if o.value.figure is not None else None
    assert a is not None
    if o.value.measure == "prison term":
        # "from 10 years to life" and "five years or more" are minimums: they differ.
        return (a.value, a.value, a.value)
    return (a.lo, a.hi, a.value)


def _class_of(o: Observation, published: dict[str, dt.date | None]) -> object:
    if o.value.type == "number":
        return _number_class(o)
    if o.value.type == "date":
        assert o.value.date is not None
        return resolve(o.value.date, published.get(o.source))
    if o.value.type == "incident":
        if o.value.measure == "birthday":
            return birthday_months(o.value.shown, published.get(o.source))
        return place_class(o.value) if o.value.measure == "place" else o.value.shown
    return o.value.role


def _clash(x: object, y: object, kind: str) -> bool:
    """Whether two value classes cannot both be true."""
    if kind == "number":
        assert isinstance(x, tuple) and isinstance(y, tuple)
        eps = 1e-9 * max(1.0, abs(x[2]), abs(y[2]))
        return x[1] + eps < y[0] or y[1] + eps < x[0]
    if kind == "place":
        assert isinstance(x, frozenset) and isinstance(y, frozenset)
        return not (x <= y or y <= x)  # a place named more fully is the same place
    if kind == "birthday":
        assert isinstance(x, frozenset) and isinstance(y, frozenset)
        return bool(x) and bool(y) and not x & y  # months it can fall in, none shared
    if kind == "incident":
        return x != y
    if kind == "date":
        assert isinstance(x, tuple) and isinstance(y, tuple)
        if x == (None, None, None) or y == (None, None, None):
            return False
        return any(p is not None and q is not None and p != q for p, q in zip(x, y, strict=True))
    assert isinstance(x, frozenset) and isinstance(y, frozenset)
    return differ(x, y)


def _disagreement(obs: list[Observation], published: dict[str, dt.date | None], kind: str,
                  rank: dict[str, int]) -> list[tuple[object, list[Observation]]]:
    """The value classes that disagree, each with its observations; [] when all fit."""
    classes: dict[object, list[Observation]] = defaultdict(list)
    for o in obs:
        classes[_class_of(o, published)].append(o)
    keys = list(classes)
    # A source giving two values that do not fit each other is on neither side.
    torn: set[str] = set()
    for i, x in enumerate(keys):
        for y in keys[i + 1:]:
            if _clash(x, y, kind):
                torn |= {o.source for o in classes[x]} & {o.source for o in classes[y]}
    kept = {k: [o for o in os_ if o.source not in torn] for k, os_ in classes.items()}
    kept = {k: os_ for k, os_ in kept.items() if os_}
    keys = list(kept)
    active = [k for k in keys if any(_clash(k, o, kind) for o in keys if o is not k)]
    if len(active) < 2:
        return []
    out = [(k, kept[k]) for k in active]
    out.sort(key=lambda c: min((rank.get(o.source, len(rank)), reads_index(o)) for o in c[1]))
    return out


def reads_index(o: Observation) -> int:
    return o.sentence


def _shown(obs: Sequence[Observation]) -> str:
    return Counter(o.value.shown for o in obs).most_common(1)[0][0]


def _when(o: Observation) -> str:
    """The time a side shows: the day its clause names, else its article's date ("earlier" before it)."""
    when = o.when
    if not when and o.day is not None:
        when = f"{o.day.day} {_MONTH_ABBR[o.day.month - 1]}"
    return f"earlier, {when}" if o.earlier and when else when


def _changing(v: Value) -> bool:
    if v.type != "number":
        return False
    m = v.measure.split(":", 1)[-1] if v.measure.startswith("percent:") else v.measure
    return m.removesuffix(" more than") in CHANGING


def _timeline(obs: list[Observation], published: dict[str, dt.date | None], rank: dict[str, int],
              value: Value) -> list[Found] | None:
    """Figures that changed, and the days on which sources disagreed (see the module docstring).

    ``None`` when nothing changed over time, or the figures do not read as one count moving
    (up, then back down to a value given before): the sources simply disagree, whenever.
    """
    dated = [o for o in obs if o.day is not None]
    days = sorted({o.day for o in dated if o.day is not None})
    out: list[Found] = []
    points: list[tuple[tuple[int, int, int, float], list[Observation]]] = []
    for day in days:
        today = [o for o in dated if o.day == day]
        before = [o for o in today if o.earlier]
        rest = [o for o in today if not o.earlier]
        for o in before:
            points.append(((day.toordinal(), 0, o.part, _number_class(o)[2]), [o]))
        if not rest:
            continue
        split = _disagreement(rest, published, "number", rank)
        moving = any(o.update for o in rest) or len({o.part for o in rest}) > 1
        if split and not moving:
            found = tuple((_shown(os_), _when(os_[0]), tuple(os_)) for _, os_ in split)
            out.append(Found("disagreement", found, value, day))
        classes: dict[tuple[float, float, float], list[Observation]] = defaultdict(list)
        for o in rest:
            classes[_number_class(o)].append(o)
        if split and moving:
            # Within the day: by the part of the day given; a reported change ("bringing the
            # total to 40") after the figures it changes.
            for cls, os_ in classes.items():
                part = max(o.part for o in os_) or (_LATER if any(o.update for o in os_) else 0)
                points.append(((day.toordinal(), 1, part, cls[2]), os_))
            continue
        # The day's figure: the one most sources give, else the largest.
        best = max(classes, key=lambda c: (len({o.source for o in classes[c]}),
                                           c[0] if math.isfinite(c[0]) else 0))
        points.append(((day.toordinal(), 1, 0, best[2]), rest))
    points.sort(key=lambda p: p[0])
    runs = _runs(points)
    current = value.measure in CURRENT
    chain = [_representative(run[0][1])[2] for run in runs]
    if len(runs) < 2 or (not current and not _plausible(chain)):
        return None  # nothing moved, or not as one count moves: the sources simply disagree
    out.append(Found("changed", tuple(_run_side(run) for run in runs), value))
    return out


_Point = tuple[tuple[int, int, int, float], list[Observation]]


def _by_weekdays(reads: Reads, group: Sequence[Mention], published: dict[str, dt.date | None],
                 days: dict[str, dt.date | None], rank: dict[str, int], value: Value) -> list[Found] | None:
    """A disagreement of undated sources re-read in the order of the weekdays they name.

    ``days`` are stand-in dates from the weekdays the group's sources name, in the order
    :func:`briefgen.facts.when.week_order` gives them. A count that grows from one day to a
    later one is a figure that changed ("Seventeen" on Friday, "Thirty" on Saturday), with the
    days as its times; figures of one day that differ still disagree.

    ``None`` (the disagreement stands) unless every value gets a day (a value no source dates
    takes the day of a source giving the same figure), the days differ, and the count only grows:
    a total that falls between undated reports is no sign of time passing. Counts that fall as
    well as rise (:data:`CURRENT`) are left as they are.
    """
    if value.measure in CURRENT:
        return None
    obs = _observations(reads, group, published, days)
    day_of: dict[tuple[float, float, float], dt.date] = {}
    for o in obs:
        if o.day is not None:
            cls = _number_class(o)
            day_of[cls] = min(day_of.get(cls, o.day), o.day)
    placed = []
    for o in obs:
        if o.day is None:
            day = day_of.get(_number_class(o))
            if day is None:
                return None
            o = dataclasses.replace(o, day=day, when=o.when or WEEKDAYS[day.weekday()].capitalize())
        placed.append(o)
    if len({o.day for o in placed}) < 2:
        return None
    timeline = _timeline(placed, published, rank, value)
    if timeline is None:
        return None
    changed = [f for f in timeline if f.kind == "changed"]
    chain = [_representative(os_)[2] for f in changed for _, _, os_ in f.sides]
    if any(y < x for x, y in itertools.pairwise(chain)):
        return None
    return timeline


def _runs(points: list[_Point]) -> list[list[_Point]]:
    """Time-ordered points cut into runs: each run one figure as it stood (see :func:`_fits_run`)."""
    runs: list[list[_Point]] = []
    for point in points:
        if runs and _fits_run(runs[-1], point):
            runs[-1].append(point)
        else:
            runs.append([point])
    return runs


def _undated(obs: list[Observation], value: Value) -> list[Found] | None:
    """A count whose own clauses say it moved, where no source says when ("has risen to 151" and "rose
    to 156"; "laid off 5,000 of its 13,000 workers" and "its 8,600 current workers"): a figure that
    changed, not a disagreement.

    The order is the one the clauses give: a figure called earlier (or the whole a cut was taken
    from) first, then the others from low to high (counts that move as reports come in grow).
    ``None`` when no clause says the count moved, or the figures do not read as one count moving.
    """
    if any(o.day is not None for o in obs) or not any(o.update or o.earlier for o in obs):
        return None
    classes: dict[tuple[bool, tuple[float, float, float]], list[Observation]] = defaultdict(list)
    for o in obs:
        classes[(not o.earlier, _number_class(o))].append(o)
    points = [((int(later), 0, 0, cls[2]), os_) for (later, cls), os_ in classes.items()]
    points.sort(key=lambda p: p[0])
    runs = _runs(points)
    chain = [_representative(run[0][1])[2] for run in runs]
    if len(runs) < 2 or (value.measure not in CURRENT and not _plausible(chain)):
        return None
    return [Found("changed", tuple(_run_side(run) for run in runs), value)]


def _run_side(run: list[tuple[tuple[int, int, int, float], list[Observation]]],
              ) -> tuple[str, str, tuple[Observation, ...]]:
    """A side of a figure that changed: the value its first point gives most, its time, every observation."""
    head = run[0][1]
    best_obs = [o for o in head if _number_class(o) == _representative(head)]
    every = tuple(o for _, os_ in run for o in os_)
    return (_shown(best_obs), _when(best_obs[0]), every)


# A count that moves as reports come in grows, or is corrected down a little, once.
_MAX_STEP = 5.0
_MIN_CORRECTION = 0.75


def _plausible(values: Sequence[float]) -> bool:
    """Whether figures read as one count moving: no wild jumps, at most one small correction, and
    never back to a figure given before the one in between (162, then 173, then 162 again)."""
    if any(v in values[:k - 1] for k, v in enumerate(values) if k > 1):
        return False
    down = 0
    for x, y in itertools.pairwise(values):
        if x <= 0 or y <= 0:
            return False
        if y < x:
            down += 1
            if y / x < _MIN_CORRECTION or down > 1:
                return False
        elif y / x > _MAX_STEP:
            return False
    return True


def _representative(obs: Sequence[Observation]) -> tuple[float, float, float]:
    counts = Counter(_number_class(o) for o in obs)
    return max(counts, key=lambda c: (counts[c], c[0] == c[1], c[2]))


def _fits_run(run: list[tuple[tuple[int, int, int, float], list[Observation]]],
              point: tuple[tuple[int, int, int, float], list[Observation]]) -> bool:
    """Whether a point gives the same figure as the run before it.

    The same value, or a later figure that allows the earlier one ("more
    than 200" after 224) is no change; a later bound that rules the earlier
    figure out is ("at least 129" after "at least 82"), and so are two
    estimates that do not overlap.
    """
    last = _representative(run[-1][1])
    this = _representative(point[1])
    if last[2] == this[2] or this[0] <= last[2] <= this[1]:
        return True
    if math.isinf(last[0]) or math.isinf(last[1]) or math.isinf(this[0]) or math.isinf(this[1]):
        return False
    return not _clash(last, this, "number")


def sides_of(reads: Reads, group: Sequence[Mention], published: dict[str, dt.date | None],
             rank: dict[str, int], label: Callable[[Value, list[Observation]], str],
             weekdays: Mapping[str, Sequence[int]] | None = None,
             ) -> list[tuple[str, str, tuple[ConflictSide, ...]]]:
    """The conflicts one group of values makes: (kind, label, sides) for each.

    Args:
        reads: Every distinct sentence text, read.
        group: Values of one measure of one thing (from :func:`briefgen.facts.compare.groups`).
        published: Each source's publication date.
        rank: Each source's position in the source list.
        label: Makes the label of a conflict from a value and its observations.
        weekdays: For coverage with no dates, the weekdays each source names: a disagreement
            of a count is re-read in their order (see :func:`_by_weekdays`).
    """
    obs = _observations(reads, group, published, published)
    value = reads.texts[group[0][0]].values[group[0][1]]
    # Places and birthdays are incidents compared in their own way (see _clash).
    kind = value.type
    if kind == "incident" and value.measure in ("place", "birthday"):
        kind = value.measure
    found: list[Found] = []
    moved = len({o.day for o in obs if o.day is not None}) > 1 or any(o.update or o.earlier for o in obs)
    timeline = _timeline(obs, published, rank, value) if _changing(value) and moved else None
    if timeline is None and _changing(value):
        timeline = _undated(obs, value)
    if timeline is not None:
        found = timeline
    elif kind == "number" and value.figure is not None and value.figure.amount.unit in _HOURLY:
        by_day: dict[dt.date | None, list[Observation]] = defaultdict(list)
        for o in obs:
            by_day[o.day].append(o)
        for day, today in by_day.items():
            split = _disagreement(today, published, kind, rank)
            if split:
                found.append(Found("disagreement", tuple((_shown(os_), "", tuple(os_)) for _, os_ in split),
                                   value, day))
    else:
        split = _disagreement(obs, published, kind, rank)
        if split:
            shown = tuple((_shown(os_), "", tuple(os_)) for _, os_ in split)
            found.append(Found("disagreement", shown, value))
    if weekdays is not None and _changing(value) and any(f.kind == "disagreement" for f in found):
        sources = {reads.sentences[k].source_id for t, _ in group for k in reads.copies[t]}
        days = stand_in_days({s: weekdays.get(s, ()) for s in sorted(sources)})
        found = _by_weekdays(reads, group, published, days, rank, value) or found
    out = []
    for f in found:
        every = [o for _, _, os_ in f.sides for o in os_]
        sides = tuple(_side(shown, when, os_, reads, rank) for shown, when, os_ in f.sides)
        out.append((f.kind, label(f.value, every), sides))
    return out


def _side(shown: str, when: str, obs: Sequence[Observation], reads: Reads,
          rank: dict[str, int]) -> ConflictSide:
    sents: list[Sentence] = sorted({reads.sentences[o.sentence] for o in obs},
                                   key=lambda s: (rank.get(s.source_id, len(rank)), s.source_id, s.index))
    sources = tuple(dict.fromkeys(s.source_id for s in sents))
    return ConflictSide(value=shown, sentences=tuple(sents), sources=sources, time=when)
