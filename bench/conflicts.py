"""Where sources differ, scored against hand labels: precision and recall per kind.

Runs the pipeline (clean, split, merge, then :func:`briefgen.facts.conflicts.find_conflicts`)
on every cluster that ``tests/data/conflicts_dev.json`` lists: the bundled sample
(``seeds/``) and DUC 2003 clusters read at run time from
``../shared/bench/duc2003.jsonl`` (relative to the repository root; never copied).
A DUC document becomes a source with the outlet and date its id names
(``APW19981023.0551``: AP, 23 October 1998).

Matching, as the labels' README suggests: a reported item matches a labelled one
when two of its sides hold sentences that contain the quotes of two of the
item's values (a quote counts as contained when the sentence covers most of
it, so a sentence split inside a quote still matches). Within the listed
clusters the positives are complete, so a report matching no positive is a false
positive, and so is one matching a labelled negative.

Scores:

* per kind: precision of the reports of that kind (a disagreement reported as a
  changed figure, or the reverse, still counts; a name variant is never a
  disagreement) and recall of the labelled items of that kind;
* "disagreements + changed": the issue's bar (precision >= 0.9, recall >= 0.8);
* with and without the items flagged ambiguous (without: those items leave the
  set, and reports matching only them count neither way).

Nothing is fitted on this set: the rules in ``briefgen/facts`` are general ones.

Usage::

    python bench/conflicts.py                 # scores
    python bench/conflicts.py --show          # also every report and every missed item
    python bench/conflicts.py --cluster d31022t --show
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefgen.facts.conflicts import find_conflicts  # noqa: E402
from briefgen.model import Conflict, Sentence, Source  # noqa: E402
from briefgen.pipeline import analyse  # noqa: E402

LABELS = ROOT / "tests" / "data" / "conflicts_dev.json"
DUC = ROOT.parent / "shared" / "bench" / "duc2003.jsonl"
SEEDS = ROOT / "seeds"
KINDS = ("disagreement", "changed", "variant")
_OUTLETS = {"APW": "AP", "NYT": "NYT", "XIE": "Xinhua"}


def duc_sources(cluster: dict[str, Any]) -> list[Source]:
    """One source per document, its outlet and date read from the document id."""
    out = []
    for i, (doc_id, text) in enumerate(zip(cluster["doc_ids"], cluster["docs"], strict=True), 1):
        m = re.match(r"([A-Z]{3})(\d{4})(\d\d)(\d\d)", doc_id)
        outlet = _OUTLETS.get(m.group(1), m.group(1)) if m else "DUC"
        date = f"{m.group(2)}-{m.group(3)}-{m.group(4)}" if m else None
        out.append(Source(id=f"s{i}", origin=doc_id, text=text, outlet=outlet, title=doc_id, date=date))
    return out


def seed_sources() -> list[Source]:
    from briefgen.sources.load import load_sources

    sources, _ = load_sources([str(SEEDS)])
    return sources


def doc_name(source: Source) -> str:
    return Path(source.origin).name


def _quote_span(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` lies in ``text``, white space folded."""
    pattern = r"\s+".join(re.escape(w) for w in quote.split())
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


@dataclass
class Mention:
    item: dict[str, Any]
    value: int  # index among the item's values
    source_id: str
    span: tuple[int, int]


def _covers(sentence: Sentence, m: Mention) -> bool:
    if sentence.source_id != m.source_id:
        return False
    lo, hi = max(sentence.start, m.span[0]), min(sentence.end, m.span[1])
    return hi - lo >= 0.6 * (m.span[1] - m.span[0])


def matches(conflict: Conflict, mentions: Sequence[Mention]) -> list[dict[str, Any]]:
    """The items whose quotes of two values lie on two different sides of ``conflict``."""
    hits: dict[str, tuple[dict[str, Any], set[tuple[int, int]]]] = {}
    for s, side in enumerate(conflict.sides):
        for sent in side.sentences:
            for m in mentions:
                if _covers(sent, m):
                    hits.setdefault(m.item["id"], (m.item, set()))[1].add((s, m.value))
    out = []
    for item, found in hits.values():
        sides = {s for s, _ in found}
        values = {v for _, v in found}
        if len(sides) >= 2 and len(values) >= 2 and any(
            s1 != s2 and v1 != v2 for s1, v1 in found for s2, v2 in found
        ):
            out.append(item)
    return out


def run_cluster(cluster: str, sources: list[Source]) -> list[Conflict]:
    found = analyse(sources=sources)
    return find_conflicts(found.facts, found.sources)


def report_kind(conflict: Conflict) -> str:
    return conflict.kind if conflict.kind in KINDS else {"name": "variant"}.get(conflict.kind, "disagreement")


def side_text(conflict: Conflict, outlet: dict[str, str]) -> str:
    parts = []
    for side in conflict.sides:
        when = f"{side.time}, " if getattr(side, "time", "") else ""
        parts.append(f"{side.value} ({when}{', '.join(outlet.get(s, s) for s in side.sources)})")
    label = getattr(conflict, "label", "") or conflict.topic
    return f"{label}: " + " | ".join(parts)


def score(results: list[tuple[str, Conflict, list[dict[str, Any]]]], items: list[dict[str, Any]],
          ambiguous: bool) -> dict[str, dict[str, float]]:
    """Precision and recall per kind, and for disagreements and changed figures together."""
    keep = [i for i in items if ambiguous or not i.get("ambiguous")]
    kept_ids = {i["id"] for i in keep}
    out: dict[str, dict[str, float]] = {}
    groups = {k: (k,) for k in KINDS} | {"disagreement+changed": ("disagreement", "changed"),
                                        "all": KINDS}

    def compatible(reported: str, labelled: str) -> bool:
        return (reported == "variant") == (labelled == "variant")

    for name, kinds in groups.items():
        tp = fp = 0
        for _cluster, conflict, hit in results:
            rk = report_kind(conflict)
            if rk not in kinds:
                continue
            hit_kept = [i for i in hit if i["id"] in kept_ids]
            if any(i["kind"] != "none" and compatible(rk, i["kind"]) for i in hit_kept):
                tp += 1
            elif hit and not hit_kept:
                continue  # matched only items left out
            else:
                fp += 1
        positives = [i for i in keep if i["kind"] in kinds]
        found = {i["id"] for _c, conflict, hit in results for i in hit
                 if compatible(report_kind(conflict), i["kind"])}
        recalled = sum(1 for i in positives if i["id"] in found)
        out[name] = {
            "reports": tp + fp, "tp": tp, "fp": fp,
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "positives": len(positives), "found": recalled,
            "recall": recalled / len(positives) if positives else 1.0,
        }
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cluster", action="append", help="only this cluster (repeatable)")
    parser.add_argument("--show", action="store_true", help="print every report and every missed item")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)

    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    clusters = args.cluster or labels["clusters"]
    items_by_cluster: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in labels["items"]:
        items_by_cluster[item["cluster"]].append(item)
    duc = {}
    if any(c != "seeds" for c in clusters):
        for line in DUC.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            duc[row["id"]] = row
    results: list[tuple[str, Conflict, list[dict[str, Any]]]] = []
    items: list[dict[str, Any]] = []
    unreachable: list[str] = []
    started = time.perf_counter()
    for cluster in clusters:
        sources = seed_sources() if cluster == "seeds" else duc_sources(duc[cluster])
        by_doc = {doc_name(s): s for s in sources}
        mentions: list[Mention] = []
        for item in items_by_cluster[cluster]:
            for v, value in enumerate(item["values"]):
                src = by_doc[value["doc"]]
                span = _quote_span(src.text, value["quote"])
                if span is None:
                    unreachable.append(f"{item['id']}: {value['quote']!r}")
                    continue
                mentions.append(Mention(item, v, src.id, span))
        items.extend(items_by_cluster[cluster])
        conflicts = run_cluster(cluster, sources)
        outlet = {s.id: f"{s.outlet} {s.origin[-9:] if cluster != 'seeds' else ''}".strip() for s in sources}
        hit_ids: set[str] = set()
        for c in conflicts:
            hit = matches(c, mentions)
            results.append((cluster, c, hit))
            hit_ids.update(i["id"] for i in hit)
            if args.show:
                tag = ",".join(i["id"] for i in hit) or "-"
                pos = any(i["kind"] != "none" for i in hit)
                print(f"{'OK ' if pos else 'FP '} [{report_kind(c)}] {side_text(c, outlet)}   <{tag}>")
        if args.show:
            for item in items_by_cluster[cluster]:
                if item["kind"] != "none" and item["id"] not in hit_ids:
                    amb = " (ambiguous)" if item.get("ambiguous") else ""
                    vals = " | ".join(v["value"] for v in item["values"])
                    print(f"MISS {item['id']} [{item['kind']}]{amb} {item['label']}: {vals}")
            print()
    elapsed = time.perf_counter() - started
    scores = {"with ambiguous": score(results, items, True),
              "without ambiguous": score(results, items, False)}
    if args.json:
        print(json.dumps(scores, indent=2))
        return 0
    for title, table in scores.items():
        print(f"{title}:")
        print(f"  {'kind':22s} {'reports':>7s} {'tp':>4s} {'fp':>4s} {'prec':>6s} {'items':>6s} "
              f"{'found':>6s} {'recall':>6s}")
        for name, s in table.items():
            print(f"  {name:22s} {s['reports']:7d} {s['tp']:4d} {s['fp']:4d} {s['precision']:6.2f} "
                  f"{s['positives']:6d} {s['found']:6d} {s['recall']:6.2f}")
    if unreachable:
        print(f"{len(unreachable)} quotes not found in their documents: {unreachable[:3]}")
    print(f"{len(clusters)} clusters in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
