"""Does the memo's subject line name the story? 120 Multi-News validation clusters, labelled by hand.

For each cluster of ``bench/data/subjects.jsonl`` (see its .md), builds the
memo as ``briefgen build`` does (reading ``../shared/bench/multinews_val.jsonl``)
and checks its subject: it *names the story* when it holds one of the
cluster's acceptable names as whole words (case ignored) and none of the names
labelled misleading. Also counted: subjects that say only "Briefing" (nothing
found), misleading ones, and the rest (a subject that names something else).
The first 60 clusters are the development half (the lower-case fallbacks'
thresholds were chosen on them), the last 60 the check half.

The subject's event word ("Arrest: ...", "Study", "Hurricane Matthew") is
scored against ``bench/data/subject_events.jsonl`` (see its .md): for each
cluster the event words that name its main event, and those its leads print
that would mislead. An event word printed is *right* when the first list holds
it; a subject without one is right when that list is empty and *missed*
otherwise.

Usage::

    python bench/subjects.py          # both halves
    python bench/subjects.py --show   # and every subject beside its names and event words
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).absolute().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from multinews import DATA as MULTINEWS  # noqa: E402
from multinews import articles  # noqa: E402

LABELS = ROOT / "bench" / "data" / "subjects.jsonl"
EVENTS = ROOT / "bench" / "data" / "subject_events.jsonl"
DEV = 60


def subject(docs: list[str]) -> str:
    """The subject line ``briefgen build`` prints for one cluster's articles ("" if it builds nothing)."""
    from briefgen.errors import BriefgenError
    from briefgen.pipeline import run

    logging.disable(logging.CRITICAL)
    try:
        return run(texts=docs).briefing.header.subject
    except BriefgenError:
        return ""


def event_word(subject: str) -> str:
    """The event word a subject line opens with ("arrest" for "Arrest in London: ..."), or ""."""
    from briefgen.facts.subject import _EVENTS

    head = subject.split(":")[0].split(" in ")[0].strip().lower()
    if head in _EVENTS.values() or head == "death":
        return head
    first = subject.split()[0].lower() if subject.split() else ""
    return first if first in ("hurricane", "typhoon") else ""


def names(text: str, name: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(name.lower()) + r"(?!\w)", text.lower()) is not None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="print every subject beside its names")
    args = parser.parse_args()
    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    events = [json.loads(line) for line in EVENTS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [e["cluster"] for e in events] == [row["cluster"] for row in labels]
    clusters = {row["id"]: articles(row["docs"])
                for row in map(json.loads, MULTINEWS.read_text(encoding="utf-8").splitlines())}
    with ProcessPoolExecutor(2) as pool:
        subjects = list(pool.map(subject, [clusters[row["cluster"]] for row in labels], chunksize=4))
    for half, rows, marks, subs in (("development", labels[:DEV], events[:DEV], subjects[:DEV]),
                                    ("check", labels[DEV:], events[DEV:], subjects[DEV:])):
        good = bad = empty = 0
        told = right = misleading = missed = none_right = 0
        for row, mark_row, s in zip(rows, marks, subs, strict=True):
            hit = any(names(s, n) for n in row["names"])
            wrong = any(names(s, n) for n in row["wrong"])
            good += hit and not wrong
            bad += wrong
            empty += s == "Briefing"
            event = event_word(s)
            told += bool(event)
            right += event in mark_row["ok"]
            misleading += event in mark_row["wrong"]
            missed += not event and bool(mark_row["ok"])
            none_right += not event and not mark_row["ok"]
            if args.show:
                mark = "ok " if hit and not wrong else "BAD" if wrong else "-- "
                verdict = ("" if not event and not mark_row["ok"] else "event ok" if event in mark_row["ok"]
                           else "event missed" if not event else "EVENT WRONG")
                print(f"{mark} {s!r:50s} {row['names'][:3]}  ({row['cluster']})  {verdict} "
                      f"{mark_row['ok']}")
        print(f"{half} ({len(rows)} clusters): names the story {good}, misleading {bad}, "
              f"'Briefing' {empty}, names something else {len(rows) - good - bad - empty}")
        other = told - right - misleading
        print(f"  event word: printed {told}, right {right} (misleading {misleading}, other {other}); "
              f"none printed {len(rows) - told}: right {none_right}, missed {missed}; "
              f"subjects whose event word is right {right + none_right} of {len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
