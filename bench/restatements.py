"""Restatements: how well the memo's tests tell two sentences that state one fact from two that share a topic.

Scores the two tests the memo uses to keep a fact from printing twice against 316 pairs of
candidate facts judged by two labellers (``bench/data/restatements.jsonl``; how the pairs were
drawn and judged is in ``bench/data/restatements.md``):

* ``repeats``: the selector's test (:func:`briefgen.select.selector.repeats`: a link the merger
  made, one toll, or content-stem cosine past the redundancy threshold), with the memo's
  ``link_share``;
* ``statements``: :meth:`briefgen.select.statements.Statements.same` (one action on rare shared
  arguments, one telling figure, two shared figures, one record, one onset), built over the
  cluster's facts as the memo builds it;
* ``memo``: either, which is what keeps a fact out of a memo part.

Pairs both labellers judged alike are the gold set; precision, recall and F1 are of "same fact".
Also printed: the area under the ROC curve of content-stem cosine and of the idf-weighted cosine of
:class:`~briefgen.select.statements.Statements`' terms, as references for any graded test.

The pairs are named by the short keys of :func:`memo_facts.key`; a sentence the merger has since
joined to another fact is found among that fact's members, and a pair whose two sentences are now
one fact counts as flagged by both tests (the memo prints it once). A pair whose sentences the
current code no longer has in those words is counted as unmatched and left out.

Usage::

    python bench/restatements.py
    python bench/restatements.py --show missed      # gold "same" pairs the memo's test lets through
    python bench/restatements.py --show wrong       # pairs it calls the same that the labellers do not
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from memo_facts import DUC, MULTINEWS, key  # noqa: E402
from multinews import articles  # noqa: E402

from briefgen.model import Fact  # noqa: E402
from briefgen.pipeline import run  # noqa: E402
from briefgen.select.selector import MEMO, content_of, repeats  # noqa: E402
from briefgen.select.statements import Statements  # noqa: E402

DATA = ROOT / "bench" / "data" / "restatements.jsonl"


def cluster_texts(name: str) -> list[str]:
    """A cluster's articles: ``mnNNNNN`` is line NNNNN of Multi-News validation, else a DUC 2003 id."""
    path = MULTINEWS if name.startswith("mn") else DUC
    with path.open(encoding="utf-8") as rows:
        for n, line in enumerate(rows):
            if name.startswith("mn") and n != int(name[2:]):
                continue
            doc = json.loads(line)
            if name.startswith("mn"):
                return articles(doc["docs"])
            if doc["id"] == name:
                return list(doc["docs"])
    raise SystemExit(f"{name}: no such cluster")


def _weighted_cosine(st: Statements, a: str, b: str) -> float:
    ta, tb = st._terms(a), st._terms(b)  # the same terms the test reads
    num = math.fsum(st.idf(t) ** 2 for t in sorted(ta & tb))
    norm_a = math.fsum(st.idf(t) ** 2 for t in sorted(ta))
    den = math.sqrt(norm_a * math.fsum(st.idf(t) ** 2 for t in sorted(tb)))
    return num / den if den else 0.0


def _cosine(a: str, b: str) -> float:
    ca, cb = content_of(a), content_of(b)
    return len(ca & cb) / math.sqrt(len(ca) * len(cb)) if ca and cb else 0.0


def _auc(scores: list[float], gold: list[bool]) -> float:
    pos = [s for s, g in zip(scores, gold, strict=True) if g]
    neg = [s for s, g in zip(scores, gold, strict=True) if not g]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg)) if pos and neg else float("nan")


def _kappa(rows: list[dict]) -> float:
    n = len(rows)
    agree = sum(r["same"][0] == r["same"][1] for r in rows) / n
    p1 = sum(r["same"][0] for r in rows) / n
    p2 = sum(r["same"][1] for r in rows) / n
    chance = p1 * p2 + (1 - p1) * (1 - p2)
    return (agree - chance) / (1 - chance)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", choices=("missed", "wrong"), help="print the pairs of one kind in full")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # the memos' own warnings (templates that fit badly) are not the point
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_cluster: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_cluster[row["cluster"]].append(row)
    scored = []  # (row, a, b, repeats, statements, cosine, weighted)
    unmatched = 0
    for name, pairs in by_cluster.items():
        result = run(texts=cluster_texts(name))
        candidates = result.selection.bluf.choice.candidates
        statements = Statements(f.text for f in candidates)
        by_key: dict[str, Fact] = {}
        for f in candidates:
            by_key.setdefault(key(f.text), f)
        # A judged sentence the merger has since joined to another fact is found as its member.
        for f in candidates:
            for member in f.sentences:
                by_key.setdefault(key(member.text), f)
        for row in pairs:
            fa, fb = by_key.get(row["a"]), by_key.get(row["b"])
            if fa is None or fb is None:
                unmatched += 1
                continue
            if fa.id == fb.id:  # one fact now: the memo prints it once, as both tests would ask
                scored.append((row, fa.text, fb.text, True, True, None, None))
                continue
            scored.append((row, fa.text, fb.text, repeats(fa, fb, share=MEMO.link_share),
                           statements.same(fa.text, fb.text), _cosine(fa.text, fb.text),
                           _weighted_cosine(statements, fa.text, fb.text)))
    agreed = [s for s in scored if s[0]["same"][0] == s[0]["same"][1]]
    gold = [s[0]["same"][0] for s in agreed]
    print(f"{len(rows)} judged pairs in {len(by_cluster)} clusters; labellers agree on "
          f"{sum(r['same'][0] == r['same'][1] for r in rows)} (Cohen's kappa {_kappa(rows):.3f})")
    print(f"scored: {len(agreed)} agreed pairs ({sum(gold)} the same fact); {unmatched} unmatched, "
          f"{len(scored) - len(agreed)} disputed left out")
    print(f"{'test':<12}{'flagged':>9}{'right':>7}{'precision':>11}{'recall':>8}{'F1':>7}")
    for label, col in (("repeats", 3), ("statements", 4), ("memo", None)):
        calls = [(s[3] or s[4]) if col is None else s[col] for s in agreed]
        flagged = sum(calls)
        right = sum(c and g for c, g in zip(calls, gold, strict=True))
        p = right / flagged if flagged else 0.0
        r = right / sum(gold) if any(gold) else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{label:<12}{flagged:>9}{right:>7}{p:>11.3f}{r:>8.3f}{f1:>7.3f}")
    # The reference scores of pairs the merger has joined into one fact are not read (no two texts).
    graded = [(s, g) for s, g in zip(agreed, gold, strict=True) if s[5] is not None]
    cos_gold = [g for _, g in graded]
    print(f"area under the ROC curve (the {len(graded)} pairs still two facts): content-stem cosine "
          f"{_auc([s[5] for s, _ in graded], cos_gold):.3f}, "
          f"idf-weighted cosine {_auc([s[6] for s, _ in graded], cos_gold):.3f}")
    if args.show:
        for s, g in zip(agreed, gold, strict=True):
            memo = s[3] or s[4]
            if (args.show == "missed" and g and not memo) or (args.show == "wrong" and memo and not g):
                why = " / ".join(w for w in s[0]["why"] if w)
                print(f"\n[{s[0]['cluster']}] {why}\n  A: {s[1]}\n  B: {s[2]}")


if __name__ == "__main__":
    main()
