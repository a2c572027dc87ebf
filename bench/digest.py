"""Event grouping on DUC 2003 mixed with unrelated articles: adjusted Rand index, unrelated left alone.

The development archive of issue 23: the 298 DUC 2003 articles (30 events,
``../shared/bench/duc2003.jsonl``) shuffled together with 200 unrelated single
articles from ``../shared/bench/multinews_val.jsonl`` (one article each from
200 different Multi-News clusters, chosen with a fixed seed). Multi-News is
news from 2010 to 2016; an article that names a year from 1997 to 2000 could be
about a DUC event and is not used (the script says how many it passed over).
Each article is a Markdown file with its date and outlet in front matter: DUC
articles carry the date of their document id (AP or NYT, October to December
1998); the unrelated ones get a random date in that same span, so the time
window does not keep them apart.

Scores, against the 30 events with each unrelated article its own event:

- ARI: adjusted Rand index of the digest's assignment (each event with a memo
  one cluster, each unassigned article its own);
- unrelated unassigned: the share of the 200 on no event.

DUC 2003 files nine documents under two events each (five under both the
embassy bombings and bin Laden's indictment, four under both Brazil's
election and its IMF package), so the archive holds nine pairs of identical
articles with different true events. The script prints the best ARI a
grouping can reach that keeps each such pair together (0.948), and the same
with those two pairs of events made one each (0.929).

The grouping constants (:data:`briefgen.digest.group.JOIN`, ``REFINE``,
``GAP``, ``SPLIT``, ``CONTEXT``, ``NAMES`` and ``BACKGROUND``) were chosen on this archive: the defaults
are the setting of :data:`GRID` with the best ARI among those leaving 90% of
the unrelated articles alone, on the whole archive (an in-sample figure).
``--cv`` reports them by two-fold cross-validation over events, the headline
figure: the DUC events and the unrelated articles are split in halves (fixed
seed); on each half the same rule chooses a setting of :data:`GRID`, scored on
the other half. Halves hold fewer pairs of adjacent events than the whole
archive, so they score higher than it.

Usage::

    python bench/digest.py              # the full digest (memos in a temporary folder), then scores
    python bench/digest.py --group-only # grouping only: the same assignment, without briefing
    python bench/digest.py --group-only --cv   # and the constants by cross-validation (about 30 min)
    python bench/digest.py --group-only --cv --confusion  # and which true events are split or mixed
    python bench/digest.py --group-only --multinews      # held out: an archive of Multi-News events

``--multinews`` scores a second archive whose events no constant was chosen on
(:func:`write_multinews_archive`); ``--seed`` draws its articles and dates anew.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import random
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefgen.digest import group as grouping  # noqa: E402
from briefgen.digest.features import Article, featurize  # noqa: E402
from briefgen.digest.run import briefable  # noqa: E402
from briefgen.model import Skipped  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench"
SEED = 20260113
UNRELATED = 200
OUTLETS = {"APW": "Associated Press", "NYT": "New York Times"}
OUTLET = "Multi-News source"  # the outlet the archives give every Multi-News article
# True events of one article each: unrelated articles (u...) and pages of a Multi-News cluster that
# do not report its event (x...). The digest should leave them unassigned.
ALONE = ("u", "x")
_ERA = re.compile(r"\b(?:199[7-9]|2000)\b")


def write_archive(folder: Path, data: Path = BENCH, seed: int = SEED) -> dict[str, str]:
    """Write the archive into ``folder``; return each file's true event (``u...`` for unrelated articles)."""
    rng = random.Random(seed)
    files: list[tuple[str, str, str, str]] = []  # (event, date, outlet, text)
    days: list[str] = []
    for line in (data / "duc2003.jsonl").read_text(encoding="utf-8").splitlines():
        cluster = json.loads(line)
        for doc_id, text in zip(cluster["doc_ids"], cluster["docs"], strict=True):
            date = f"{doc_id[3:7]}-{doc_id[7:9]}-{doc_id[9:11]}"
            days.append(date)
            files.append((cluster["id"], date, OUTLETS.get(doc_id[:3], doc_id[:3]), text))
    first, last = (_ordinal(min(days)), _ordinal(max(days)))
    lines = (data / "multinews_val.jsonl").read_text(encoding="utf-8").splitlines()
    clusters = [json.loads(line) for line in lines]
    rng.shuffle(clusters)
    passed = 0
    picked = 0
    for cluster in clusters:
        if picked == UNRELATED:
            break
        docs = [d for d in cluster["docs"] if len(d.split()) >= 80]
        if not docs:
            continue
        text = rng.choice(docs)
        if _ERA.search(text):
            passed += 1
            continue
        picked += 1
        date = _iso(rng.randint(first, last))
        files.append((f"u{picked:03d}", date, OUTLET, text))
    print(f"unrelated: {picked} Multi-News articles, one per cluster; {passed} passed over for naming "
          f"a year 1997-2000", file=sys.stderr)
    return _write(folder, files, rng)


def _write(folder: Path, files: list[tuple[str, str, str, str]], rng: random.Random) -> dict[str, str]:
    """Write ``(event, date, outlet, text)`` files into ``folder`` in an order ``rng`` draws, each a
    Markdown file with its date and outlet in front matter; return each file's true event."""
    rng.shuffle(files)
    truth: dict[str, str] = {}
    for k, (event, date, outlet, text) in enumerate(files):
        path = folder / f"a{k:04d}.md"
        body = text.replace("\r", "")
        path.write_text(f"---\ndate: {date}\noutlet: {outlet}\n---\n\n{body}\n", encoding="utf-8")
        truth[str(path)] = event
    return truth


#: Events of the Multi-News archive (``--multinews``), and the days one event's articles span.
MN_EVENTS = 60
MN_SPAN = 3
#: Which documents of the clusters that can be drawn as events report the event ("event") and which
#: do not ("other": lyrics, a home page, an archive's notes, another story); see its .md.
MN_LABELS = ROOT / "bench" / "data" / "digest_multinews.jsonl"


def write_multinews_archive(folder: Path, data: Path = BENCH, seed: int = SEED) -> dict[str, str]:
    """A second archive, of events the constants were not chosen on; return each file's true event.

    :data:`MN_EVENTS` Multi-News validation clusters (drawn with ``seed``; each
    with two articles or more of at least 80 words) are the events, their
    articles dated within :data:`MN_SPAN` days of a day drawn in a 90-day span;
    one article each from 200 other clusters are the unrelated ones, dated at
    random in the same span. Multi-News calls a cluster the articles one
    summary was written from: now and then one of them is on another story or
    is not an article at all; such pages, judged by hand (:data:`MN_LABELS`),
    are each their own event in the truth (``x...``), like unrelated articles.
    """
    rng = random.Random(seed + 1)
    off = {(row["cluster"], row["doc"]): row["label"]
           for row in map(json.loads, MN_LABELS.read_text(encoding="utf-8").splitlines())}
    lines = (data / "multinews_val.jsonl").read_text(encoding="utf-8").splitlines()
    clusters = [json.loads(line) for line in lines]
    rng.shuffle(clusters)
    first = _ordinal("2015-01-01")
    last = first + 89
    files: list[tuple[str, str, str, str]] = []  # (event, date, outlet, text)
    events = picked = 0
    for cluster in clusters:
        docs = [d for d in cluster["docs"] if len(d.split()) >= 80]
        if events < MN_EVENTS:
            if len(docs) < 2:
                continue
            events += 1
            start = rng.randint(first, last - MN_SPAN)
            files.extend((f"m{events:03d}" if off.get((cluster["id"], _doc_key(d))) != "other"
                          else f"x{events:03d}.{k}", _iso(start + rng.randint(0, MN_SPAN)), OUTLET, d)
                         for k, d in enumerate(docs))
        elif picked < UNRELATED and docs:
            picked += 1
            files.append((f"u{picked:03d}", _iso(rng.randint(first, last)), OUTLET, rng.choice(docs)))
    pages = sum(event.startswith("x") for event, *_ in files)
    print(f"Multi-News archive: {events} events of {len(files) - picked - pages} articles, {pages} pages of "
          f"their clusters on no event (each its own), {picked} unrelated", file=sys.stderr)
    return _write(folder, files, rng)


def _doc_key(text: str) -> str:
    """How bench/data/digest_multinews.jsonl names a Multi-News document: its text's SHA-1, 16 digits."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _ordinal(iso: str) -> int:
    import datetime as dt

    return dt.date.fromisoformat(iso).toordinal()


def _iso(day: int) -> str:
    import datetime as dt

    return dt.date.fromordinal(day).isoformat()


def ari(truth: Sequence[str], found: Sequence[str]) -> float:
    """Adjusted Rand index of two labelings of the same items (Hubert and Arabie)."""
    def pairs(n: int) -> float:
        return n * (n - 1) / 2

    n = len(truth)
    both = sum(pairs(c) for c in Counter(zip(truth, found, strict=True)).values())
    a = sum(pairs(c) for c in Counter(truth).values())
    b = sum(pairs(c) for c in Counter(found).values())
    expected = a * b / pairs(n)
    top = (a + b) / 2
    return 1.0 if math.isclose(top, expected) else (both - expected) / (top - expected)


def score(truth: dict[str, str], events: Sequence[Sequence[str]]) -> tuple[float, float, int]:
    """ARI, the share of unrelated articles on no event, and the number of events, for ``events`` (files)."""
    label = {ref: ref for ref in truth}  # unassigned: its own cluster
    for k, members in enumerate(events):
        for ref in members:
            label[ref] = f"event{k}"
    refs = sorted(truth)
    true = [truth[r] if not truth[r].startswith(ALONE) else r for r in refs]
    unrelated = [r for r in refs if truth[r].startswith("u")]
    alone = sum(label[r] == r for r in unrelated) / len(unrelated) if unrelated else 1.0
    return ari(true, [label[r] for r in refs]), alone, len(events)


def ceilings(truth: dict[str, str]) -> tuple[float, float]:
    """The best ARI of a grouping keeping identical articles together; the same with their events merged."""
    by_text: dict[str, list[str]] = {}
    for ref in sorted(truth):
        by_text.setdefault(Path(ref).read_text(encoding="utf-8").split("---", 2)[2], []).append(ref)
    label = {ref: truth[ref] for ref in truth if not truth[ref].startswith("u")}
    merged = dict(label)
    for refs in by_text.values():
        events = sorted({truth[r] for r in refs})
        for r in refs:
            label[r] = events[0]
        for r in (r for r in merged if merged[r] in events[1:]):
            merged[r] = events[0]
    found = []
    for labels in (label, merged):
        clusters: dict[str, list[str]] = {}
        for ref, event in labels.items():
            clusters.setdefault(event, []).append(ref)
        found.append(score(truth, list(clusters.values()))[0])
    return found[0], found[1]


def confusion(truth: dict[str, str], events: Sequence[Sequence[str]]) -> list[str]:
    """Lines telling where the grouping goes wrong: split true events, then found events that mix several.

    A true event is split when its articles lie on more than one found event
    (or some on none: ``-``); a found event mixes when it holds articles of
    several true events (``unrelated`` counts the unrelated articles on it).
    Each line gives the sizes, largest first.
    """
    found = {ref: k for k, members in enumerate(events) for ref in members}
    where: dict[str, Counter[str]] = {}
    for ref, event in sorted(truth.items()):
        if not event.startswith(ALONE):
            where.setdefault(event, Counter())[f"e{found[ref]}" if ref in found else "-"] += 1
    lines = [f"split: {event} " + " ".join(f"{k}:{n}" for k, n in places.most_common())
             for event, places in sorted(where.items()) if len(places) > 1]
    for k, members in enumerate(events):
        mix = Counter("unrelated" if truth[ref].startswith("u")
                      else "off-event page" if truth[ref].startswith("x") else truth[ref] for ref in members)
        if len(mix) > 1 or "unrelated" in mix:
            lines.append(f"mixed: e{k} " + " ".join(f"{event}:{n}" for event, n in mix.most_common()))
    return lines


def group_only(articles: Sequence[Article]) -> list[tuple[str, ...]]:
    """What the digest briefs: grouped, linked, and kept when two independent sources or more."""
    parts = grouping.partitions(articles)
    groups = [g for k, p in enumerate(parts) for g in grouping.group_partition(p, k)]
    by_ref = {a.ref: a for a in articles}
    return [e for e in grouping.link(groups) if briefable([by_ref[m] for m in e])]


#: The grid the constants are chosen on: name in briefgen.digest.group -> values tried.
#: SPLIT has no 0 (never split): splitting is part of the method, and a fitting half with no
#: two stories to part would choose it on a tie.
GRID: dict[str, tuple[float, ...]] = {
    "JOIN": (0.3, 0.4, 0.5),
    "REFINE": (0.25, 0.4),
    "GAP": (0.0, 0.004),
    "SPLIT": (0.5, 0.6, 0.7),
    "CONTEXT": (0.1, 0.15),
    "NAMES": (0.0, 0.5),
    # Articles of news at large pooled into the IDF: 0 counts the archive's own alone.
    "BACKGROUND": (0.0, 300.0, 1000.0),
}


def _with(setting: dict[str, float], articles: Sequence[Article]) -> list[tuple[str, ...]]:
    saved = {name: getattr(grouping, name) for name in setting}
    for name, value in setting.items():
        setattr(grouping, name, value)
    try:
        return group_only(articles)
    finally:
        for name, value in saved.items():
            setattr(grouping, name, value)


def _settings() -> list[dict[str, float]]:
    return [dict(zip(GRID, values, strict=True)) for values in itertools.product(*GRID.values())]


def _objective(got: tuple[float, float, int]) -> tuple[bool, float]:
    """The best ARI among the settings that leave 90% of the unrelated articles alone (the bar)."""
    return got[1] >= 0.9, got[0]


def _best(truth: dict[str, str], articles: Sequence[Article]) -> dict[str, float]:
    """The setting of :data:`GRID` with the best :func:`_objective` (the first in grid order on a tie)."""
    return max(_settings(), key=lambda s: _objective(score(truth, _with(s, articles))))


def _show(setting: dict[str, float]) -> str:
    return " ".join(f"{name}={value}" for name, value in setting.items())


def cross_validate(truth: dict[str, str], articles: Sequence[Article], *, show: bool = False) -> None:
    """Two folds over events: choose the constants on one half, score on the other.

    On the fitting half, the setting of :data:`GRID` with the best ARI among
    those leaving 90% of the unrelated articles unassigned (the first in grid
    order on a tie). Also prints the setting the same rule chooses on the whole
    archive (the defaults in ``briefgen.digest.group``) and its in-sample score.
    """
    rng = random.Random(SEED + 1)
    duc = sorted({e for e in truth.values() if not e.startswith("u")})
    unrelated = sorted(e for e in truth.values() if e.startswith("u"))
    rng.shuffle(duc)
    rng.shuffle(unrelated)
    halves = [set(duc[::2]) | set(unrelated[::2]), set(duc[1::2]) | set(unrelated[1::2])]
    held: list[tuple[float, float]] = []
    for fold, (fit, test) in enumerate([(halves[0], halves[1]), (halves[1], halves[0])]):
        subsets = []
        for events in (fit, test):
            arts = [a for a in articles if truth[a.ref] in events]
            subsets.append(({a.ref: truth[a.ref] for a in arts}, arts))
        (fit_truth, fit_arts), (test_truth, test_arts) = subsets
        best = _best(fit_truth, fit_arts)
        found = _with(best, test_arts)
        got = score(test_truth, found)
        held.append(got[:2])
        print(f"fold {fold + 1}: chosen {_show(best)} on {len(fit_arts)} articles; "
              f"held-out half ({len(test_arts)} articles): ARI {got[0]:.3f}, "
              f"unrelated unassigned {got[1]:.1%}")
        if show:
            print("\n".join(f"  {line}" for line in confusion(test_truth, found)))
    print(f"cross-validated (mean of 2 folds): ARI {sum(h[0] for h in held) / 2:.3f}, "
          f"unrelated unassigned {sum(h[1] for h in held) / 2:.1%}")
    whole = _best(truth, articles)
    got = score(truth, _with(whole, articles))
    print(f"chosen on the whole archive (in-sample): {_show(whole)}: ARI {got[0]:.3f}, "
          f"unrelated unassigned {got[1]:.1%}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--group-only", action="store_true", help="score the grouping without briefing")
    parser.add_argument("--cv", action="store_true", help="also report the constants by cross-validation")
    parser.add_argument("--confusion", action="store_true",
                        help="print the true events split and the found events mixing several (and per fold)")
    parser.add_argument("--keep", metavar="DIR", help="write the archive (and digest) here")
    parser.add_argument("--seed", type=int, default=SEED, help="the draw of articles and dates")
    parser.add_argument("--multinews", action="store_true",
                        help="score an archive of Multi-News events instead (held out: nothing was "
                             "chosen on its events)")
    parser.add_argument("--data", metavar="DIR", type=Path, default=BENCH,
                        help="the folder of duc2003.jsonl and multinews_val.jsonl (default: ../shared/bench)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(args.keep) if args.keep else Path(tmp)
        archive = root / "archive"
        archive.mkdir(parents=True, exist_ok=True)
        truth = (write_multinews_archive if args.multinews else write_archive)(archive, args.data, args.seed)
        print(f"archive: {len(truth)} articles, {len(set(truth.values()))} true events", file=sys.stderr)
        best, merged = ceilings(truth)
        print(f"best reachable ARI with identical articles together: {best:.3f} "
              f"({merged:.3f} with their events made one)")
        start = time.perf_counter()
        if args.group_only:
            read = featurize([(ref, ()) for ref in sorted(truth)])
            articles = [a for a in read if not isinstance(a, Skipped)]
            events = group_only(articles)
            what = "grouping only"
        else:
            import briefgen

            result: dict[str, Any] = briefgen.digest([str(archive)], root / "digest", fmt="md")
            events = [e["sources"] for e in result["events"]]
            if result["skipped"]:
                print(f"skipped: {len(result['skipped'])}", file=sys.stderr)
            what = "full digest (md memos)"
        seconds = time.perf_counter() - start
        value, alone, count = score(truth, events)
        print(f"{what}: {count} events with a memo, {seconds:.1f} s")
        label = ("held out (no constant chosen on these events)" if args.multinews
                 else "in-sample (constants chosen on this archive)")
        print(f"{label}: ARI {value:.3f} (bar 0.9), "
              f"unrelated unassigned {alone:.1%} (bar 90%)")
        if args.confusion:
            print("\n".join(f"  {line}" for line in confusion(truth, events)))
        if args.cv:
            if not args.group_only:
                read = featurize([(ref, ()) for ref in sorted(truth)])
                articles = [a for a in read if not isinstance(a, Skipped)]
            cross_validate(truth, articles, show=args.confusion)
    return 0


if __name__ == "__main__":
    sys.exit(main())
