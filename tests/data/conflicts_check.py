#!/usr/bin/env python3
"""Validate conflicts_dev.json against the source texts.

Checks, for every value of every item:
  * the quote is 20-120 characters long;
  * the quote occurs verbatim in the named document after whitespace folding
    (every run of whitespace -> one space), case-sensitive;
  * the quote occurs exactly once in that document (warning if more);
  * the document belongs to the item's cluster.
And per item: id unique, kind known, cluster listed, at least two values;
positives (disagreement / changed / variant) span at least two documents.

Usage: python3 tests/data/conflicts_check.py [path/to/conflicts_dev.json]

Copied from the labelling helper's check.py; paths point into this repository
(seeds/) and at ../shared/bench/duc2003.jsonl beside it.
Exit status 1 if any error.  Prints counts per kind and per cluster.
"""
import collections
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DUC = ROOT.parent / "shared" / "bench" / "duc2003.jsonl"
SEEDS = ROOT / "seeds"
KINDS = {"disagreement", "changed", "variant", "none"}
POSITIVE = {"disagreement", "changed", "variant"}


def fold(text):
    return re.sub(r"\s+", " ", text).strip()


def load_docs():
    docs = {}
    for line in DUC.open():
        cluster = json.loads(line)
        docs[cluster["id"]] = {
            doc_id: fold(text) for doc_id, text in zip(cluster["doc_ids"], cluster["docs"], strict=True)
        }
    docs["seeds"] = {p.name: fold(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}
    return docs


def main(path):
    data = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    docs = load_docs()
    errors, warnings = [], []
    seen = set()
    clusters = data.get("clusters", [])
    for item in data["items"]:
        iid = item.get("id")
        where = f"[{iid}]"
        if iid in seen:
            errors.append(f"{where} duplicate id")
        seen.add(iid)
        for key in ("cluster", "kind", "label", "values", "why"):
            if not item.get(key):
                errors.append(f"{where} missing {key}")
        if item.get("kind") not in KINDS:
            errors.append(f"{where} unknown kind {item.get('kind')!r}")
        cluster = item.get("cluster")
        if cluster not in clusters:
            errors.append(f"{where} cluster {cluster!r} not in clusters list")
        if cluster not in docs:
            errors.append(f"{where} unknown cluster {cluster!r}")
            continue
        values = item.get("values", [])
        if len(values) < 2:
            errors.append(f"{where} fewer than two values")
        if item.get("kind") in POSITIVE and len({v.get('doc') for v in values}) < 2:
            errors.append(f"{where} positive item does not span two documents")
        for value in values:
            doc, quote = value.get("doc"), value.get("quote", "")
            if not value.get("value"):
                errors.append(f"{where} value missing for quote {quote!r}")
            if doc not in docs[cluster]:
                errors.append(f"{where} doc {doc!r} not in cluster {cluster}")
                continue
            q = fold(quote)
            if not 20 <= len(q) <= 120:
                errors.append(f"{where} quote length {len(q)} outside 20-120: {q!r}")
            n = docs[cluster][doc].count(q)
            if n == 0:
                errors.append(f"{where} quote not found in {doc}: {q!r}")
            elif n > 1:
                warnings.append(f"{where} quote occurs {n} times in {doc}: {q!r}")
    for line in warnings:
        print("WARN ", line)
    for line in errors:
        print("ERROR", line)

    kinds = collections.Counter(i["kind"] for i in data["items"])
    per_cluster = collections.defaultdict(collections.Counter)
    for i in data["items"]:
        per_cluster[i["cluster"]][i["kind"]] += 1
    ambiguous = sum(1 for i in data["items"] if i.get("ambiguous"))
    print(f"\n{len(data['items'])} items; ambiguous-flagged: {ambiguous}")
    print("per kind:", dict(kinds),
          f"| positives {sum(kinds[k] for k in POSITIVE)} vs none {kinds['none']}")
    order = ["disagreement", "changed", "variant", "none"]
    print(f"{'cluster':10s} " + " ".join(f"{k[:6]:>6s}" for k in order))
    for c in clusters:
        print(f"{c:10s} " + " ".join(f"{per_cluster[c][k]:6d}" for k in order))
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else HERE / "conflicts_dev.json"))
