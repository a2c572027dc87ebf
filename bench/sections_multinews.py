"""Sections on news in general: Multi-News validation facts labelled by section, out of domain.

``bench/data/sections_multinews.jsonl`` (see ``bench/data/sections_multinews.md``) labels
759 facts of 44 Multi-News validation clusters, each under the packaged template of the
cluster's kind, with a section key or ``other``. Nothing in the classifier was fitted or
written on these clusters, so the figure is held out, unlike the DUC 2003 development set
of ``bench/classify.py``. Each cluster is briefed from its first four articles with the
template of its kind named (``run(texts=..., template=kind)``), every fact is sorted as the
pipeline sorts it (:func:`briefgen.select.sections.classify`), and the labelled facts are
found again by the SHA-1 of their text; a labelled fact the pipeline no longer makes is
counted and left out. Macro-F1 is computed as ``bench/classify.py`` computes it: F1 per
(kind, section) pooled over the kind's clusters, ``other`` left out, averaged.

A second reader labelled 283 of the facts (16 clusters, two of each kind) again, without seeing the
first labels (``bench/data/sections_multinews_second.jsonl``); ``--agreement`` prints how far the
two readers agree, scored as the classifier is, and the classifier's figures on the same facts.

Usage: ``python bench/sections_multinews.py [--agreement]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import classify as bench  # noqa: E402
from multinews import DATA  # noqa: E402

from briefgen.config import load_template  # noqa: E402
from briefgen.pipeline import run  # noqa: E402
from briefgen.select.sections import classify  # noqa: E402

LABELS = ROOT / "bench" / "data" / "sections_multinews.jsonl"
SECOND = ROOT / "bench" / "data" / "sections_multinews_second.jsonl"
ARTICLES = 4  # the labellers saw the facts of each cluster's first four articles


def read_labels(path: Path = LABELS) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """Per cluster, each labelled fact's SHA-1 -> its label; and each cluster's kind."""
    labelled: dict[str, dict[str, str]] = defaultdict(dict)
    kinds: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        labelled[row["cluster"]][row["sha1"]] = row["label"]
        kinds[row["cluster"]] = row["kind"]
    return labelled, kinds


def predictions(path: Path = LABELS) -> tuple[dict[str, tuple[str, list[str], list[str]]], int]:
    """Per cluster: its kind, the gold labels and the sections the classifier chose; facts not found."""
    labelled, kinds = read_labels(path)
    docs = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] in labelled:
            docs[row["id"]] = row["docs"][:ARTICLES]
    out = {}
    missing = 0
    for cid in sorted(labelled):
        kind = kinds[cid]
        facts = run(texts=docs[cid], template=kind).analysis.facts
        grouped = classify(facts, load_template(kind).sorted_sections)
        placed = {f.id: key for key, fs in grouped.items() for f in fs}
        gold, pred = [], []
        found = set()
        for f in facts:
            key = hashlib.sha1(f.text.encode("utf-8")).hexdigest()
            if key in labelled[cid] and key not in found:
                found.add(key)
                gold.append(labelled[cid][key])
                pred.append(placed[f.id])
        missing += len(labelled[cid]) - len(found)
        out[cid] = (kind, gold, pred)
    return out, missing


def agreement() -> None:
    """The two readers against each other on the facts both labelled, and the classifier on them."""
    first, kinds = read_labels(LABELS)
    second, _ = read_labels(SECOND)
    both = {cid: (kinds[cid], [first[cid][h] for h in sorted(hs)], [hs[h] for h in sorted(hs)])
            for cid, hs in second.items()}
    n = sum(len(g) for _k, g, _p in both.values())
    print(f"second reader: {n} facts of {len(both)} clusters, labelled without seeing the first labels")
    for name, preds in (("second reader, first as gold", both),
                        ("first reader, second as gold", {c: (k, p, g) for c, (k, g, p) in both.items()})):
        macro, accuracy, _f1s = bench.pooled_scores(preds)
        print(f"{name}: macro-F1 {macro:.3f}, accuracy {accuracy:.3f}")
    machine, _missing = predictions(SECOND)
    macro, accuracy, _f1s = bench.pooled_scores(machine)
    print(f"classifier, second reader as gold: macro-F1 {macro:.3f}, accuracy {accuracy:.3f}")
    machine, _missing = predictions(LABELS)
    macro, accuracy, _f1s = bench.pooled_scores(machine, only=sorted(both))
    print(f"classifier, first reader as gold (same clusters): macro-F1 {macro:.3f}, accuracy {accuracy:.3f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--agreement", action="store_true",
                        help="also score the two readers against each other on the facts both labelled")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    if args.agreement:
        agreement()
        print()
    preds, missing = predictions()
    macro, accuracy, f1s = bench.pooled_scores(preds)
    total = sum(len(g) for _k, g, _p in preds.values())
    print(f"Multi-News validation, section labels: {total} facts of {len(preds)} clusters "
          f"({missing} labelled facts no longer made by the pipeline)")
    print(f"{'kind':<13}{'clusters':>9}{'facts':>7}{'macro-F1':>10}  F1 per section (gold facts)")
    for kind in sorted({k for k, _g, _p in preds.values()}):
        gold = [a for k, g, _p in preds.values() if k == kind for a in g]
        mine = {key: f for (k, key), f in f1s.items() if k == kind}
        clusters = sum(1 for k, _g, _p in preds.values() if k == kind)
        print(f"{kind:<13}{clusters:>9}{len(gold):>7}{sum(mine.values()) / len(mine):>10.3f}  "
              + ", ".join(f"{key} {f:.2f} ({gold.count(key)})" for key, f in mine.items()))
    errors = bench.error_kinds([a for _k, g, _p in preds.values() for a in g],
                               [b for _k, _g, p in preds.values() for b in p])
    print("errors: " + ", ".join(f"{k} {v}" for k, v in errors.items()))
    print(f"section macro-F1 over {len(f1s)} (kind, section) pairs: {macro:.3f}; accuracy {accuracy:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
