"""Which merger links join one statement twice: hand judgements against ``Params.link_share``.

The merger links two facts when one states the other's statement in part or
whole (:attr:`briefgen.model.Fact.overlaps`); before ``link_share`` the
selector never printed two linked facts. ``bench/data/link_pairs.jsonl``
holds judged pairs of linked facts that the selector (then) refused: 45
drawn from the DUC 2003 clusters (summaries of 100 and 250 words) and 39
from Multi-News validation (260 words). Each was judged by reading both
sentences against one rule, that of ``bench/memo_facts.py``: the two state
the same fact when one's main statement is stated by the other; sharing a
name, a place or a background clause while each states something else is
not. Sentences are named by :func:`memo_facts.key`.

For every judged pair whose link the merger made (pairs giving one toll are
refused by :func:`briefgen.facts.tolls.same_toll` whatever their words, and
are left out), this prints how many restatements and how many other pairs
a link counts as a repeat at several shares of shared content terms
(:func:`briefgen.select.selector.shares`). ``link_share`` was chosen on the
DUC 2003 pairs; the Multi-News pairs are out of domain (not tuned on).

Usage::

    python bench/linkshare.py
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from duc import DATA as DUC  # noqa: E402
from duc import _deduper, _splitter, build_facts  # noqa: E402
from memo_facts import key  # noqa: E402
from multinews import DATA as MULTINEWS  # noqa: E402
from multinews import articles  # noqa: E402

from briefgen.facts.tolls import same_toll  # noqa: E402
from briefgen.model import Fact  # noqa: E402
from briefgen.select.params import DEFAULT  # noqa: E402
from briefgen.select.selector import content_of, shares  # noqa: E402

LABELS = ROOT / "bench" / "data" / "link_pairs.jsonl"
SHARES = (0.0, 0.2, 0.25, 0.3, 1 / 3, 0.35, 0.4, 0.5)


def linked_pairs(facts: Sequence[Fact]) -> dict[tuple[str, str], tuple[Fact, Fact]]:
    """Every pair of facts the merger linked, by the keys of their texts (both orders)."""
    by_id = {f.id: f for f in facts}
    out: dict[tuple[str, str], tuple[Fact, Fact]] = {}
    for f in facts:
        for other in f.overlaps:
            g = by_id[other]
            out[(key(f.text), key(g.text))] = (f, g)
            out[(key(g.text), key(f.text))] = (f, g)
    return out


def clusters(name: str, ids: set[str]) -> dict[str, list[Fact]]:
    """The facts of the named set's clusters among ``ids``, built as its bench builds them."""
    _, split = _splitter()
    _, dedupe = _deduper()
    path = DUC if name == "duc2003" else MULTINEWS
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if str(row["id"]) in ids:
            docs = row["docs"] if name == "duc2003" else articles(row["docs"])
            out[str(row["id"])] = build_facts(docs, split, dedupe)
    return out


def main() -> int:
    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_set: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in labels:
        by_set[str(row["set"])].append(row)
    print(f"shares of the larger fact's content terms from which a merger link counts as a repeat "
          f"(link_share = {DEFAULT.link_share}); restatements counted / all, other pairs counted / all")
    for name, rows in by_set.items():
        facts = clusters(name, {str(r["cluster"]) for r in rows})
        judged: list[tuple[bool, float]] = []
        tolls = missing = 0
        for r in rows:
            pair = linked_pairs(facts[str(r["cluster"])]).get((str(r["a"]), str(r["b"])))
            if pair is None:
                missing += 1
                continue
            a, b = pair
            if same_toll(a.text, b.text):
                tolls += 1
                continue
            ca, cb = content_of(a.text), content_of(b.text)
            judged.append((bool(r["same"]), len(ca & cb) / max(len(ca), len(cb), 1)))
            assert shares(ca, cb, DEFAULT.link_share) == (judged[-1][1] >= DEFAULT.link_share)
        same = sum(s for s, _ in judged)
        print(f"\n{name}: {len(judged)} judged merger links ({same} restate one statement); "
              f"left out: {tolls} that give one toll, {missing} not linked by the merger (one toll)")
        for t in SHARES:
            yes = sum(1 for s, v in judged if s and v >= t)
            no = sum(1 for s, v in judged if not s and v >= t)
            right = yes + (len(judged) - same - no)
            print(f"  from {t:4.2f}: restatements {yes:>2}/{same}, others {no:>2}/{len(judged) - same}, "
                  f"right {right}/{len(judged)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
