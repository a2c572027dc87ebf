"""Deduplication: pairwise quality on the labelled pairs, and clustering speed.

1. Pairwise precision, recall and F1 of the merger's decision for one pair
   (:func:`briefgen.facts.merge.one_statement`) on ``tests/data/pairs.json``
   (term weights from the set's own sentences, as
   :func:`~briefgen.facts.merge.cluster` computes them from its batch). Pairs
   labelled ``partial`` (both sentences carry the shared statement among
   others) are counted apart.
2. :func:`~briefgen.facts.merge.cluster` on 1k, 10k and 100k synthetic sentences:
   real sentences from ``../shared/bench/duc2003.jsonl`` and the seeds, each
   printed by several synthetic sources with light edits (quote style,
   punctuation, case, a dropped or added word). Prints seconds, facts, and the
   pairwise precision and recall of the clustering against the known groups.

Usage::

    python bench/dedupe.py                 # everything
    python bench/dedupe.py --sizes 1000    # quicker
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefgen.facts.merge import cluster, one_statement  # noqa: E402
from briefgen.facts.same import term_weights  # noqa: E402
from briefgen.model import Sentence, Source  # noqa: E402
from briefgen.text.sentences import split_sentences  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "pairs.json"
DUC = ROOT.parent / "shared" / "bench" / "duc2003.jsonl"
SEEDS = ROOT / "seeds"
PER_SOURCE = 40


def pair_scores() -> None:
    """Print pairwise precision, recall and F1 on the labelled pairs."""
    pairs = json.loads(PAIRS.read_text(encoding="utf-8"))
    idf = term_weights(sorted({p["a"] for p in pairs} | {p["b"] for p in pairs}))
    counts: Counter[str] = Counter()
    for p in pairs:
        pred = one_statement(p["a"], p["b"], idf)
        if p["same"] is None:
            counts["partial merged" if pred else "partial kept apart"] += 1
        elif p["same"]:
            counts["tp" if pred else "fn"] += 1
        else:
            counts["fp" if pred else "tn"] += 1
            if pred:
                counts[f"fp {p['kind']}"] += 1
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"labelled pairs: {tp + fn} same, {counts['tn'] + fp} different, "
          f"{counts['partial merged'] + counts['partial kept apart']} partial")
    print(f"  precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    print(f"  false positives: hard {counts['fp hard']}, random {counts['fp random']}; "
          f"partial pairs merged {counts['partial merged']}")


def real_sentences() -> list[str]:
    """Distinct sentences of 8 to 60 words from DUC 2003 and the seeds."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if DUC.exists():
        for line in DUC.read_text(encoding="utf-8").splitlines():
            texts.extend(json.loads(line)["docs"])
    else:
        print(f"({DUC} not found: seeds only)")
    seen: dict[str, None] = {}
    for text in texts:
        for para in text.split("\n\n"):
            for s in split_sentences(para):
                flat = " ".join(s.split())
                if 8 <= len(flat.split()) <= 60:
                    seen.setdefault(flat, None)
    return list(seen)


def vary(text: str, rng: random.Random) -> str:
    """A lightly edited reprint of ``text``."""
    edit = rng.randrange(6)
    if edit == 0:
        return text
    if edit == 1:
        return text.replace('"', "\u201c", 1).replace('"', "\u201d", 1).replace("'", "\u2019")
    if edit == 2:
        return text.rstrip(".") + ("" if text.endswith(".") else ".")
    ws = text.split()
    if edit == 3 and len(ws) > 10:
        del ws[rng.randrange(1, len(ws) - 1)]
    elif edit == 4:
        ws.insert(rng.randrange(1, len(ws)), rng.choice(["also", "reportedly", "on Monday", "however"]))
    else:
        ws[0] = ws[0].upper() if rng.random() < 0.1 else ws[0]
        return " ".join(ws).replace(" - ", " \u2014 ")
    return " ".join(ws)


def synthetic(n: int, pool: list[str], rng: random.Random) -> tuple[list[Sentence], list[Source], list[int]]:
    """``n`` sentences: about a third are reprints of another one's base sentence."""
    bases: list[int] = []
    while len(bases) < n:
        base = rng.randrange(len(pool))
        bases.extend([base] * min(n - len(bases), rng.choice([1, 1, 1, 2, 3, 5])))
    rng.shuffle(bases)
    sources = [Source(id=f"s{k + 1}", origin=f"s{k + 1}", text="", outlet=f"Outlet {k + 1}", title="")
               for k in range((n + PER_SOURCE - 1) // PER_SOURCE)]
    sents = []
    for i, base in enumerate(bases):
        text = vary(pool[base], rng)
        sents.append(Sentence(text=text, source_id=f"s{i // PER_SOURCE + 1}", index=i % PER_SOURCE,
                              start=0, end=len(text)))
    return sents, sources, bases


def pair_agreement(facts_of: list[int], truth: list[int]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering against the true groups."""
    by_fact: dict[int, list[int]] = {}
    for i, f in enumerate(facts_of):
        by_fact.setdefault(f, []).append(i)
    tp = fp = 0
    for members in by_fact.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                if truth[members[x]] == truth[members[y]]:
                    tp += 1
                else:
                    fp += 1
    true_pairs = sum(c * (c - 1) // 2 for c in Counter(truth).values())
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / true_pairs if true_pairs else 1.0)


def timing(sizes: list[int]) -> None:
    """Time cluster() on synthetic corpora of the given sizes."""
    pool = real_sentences()
    print(f"synthetic corpora from {len(pool)} distinct real sentences")
    for n in sizes:
        rng = random.Random(n)
        sents, sources, truth = synthetic(n, pool, rng)
        start, cpu = time.perf_counter(), time.process_time()
        facts = cluster(sents, sources)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        where = {(s.source_id, s.index): k for k, f in enumerate(facts) for s in f.sentences}
        assigned = [where[(s.source_id, s.index)] for s in sents]
        precision, recall = pair_agreement(assigned, truth)
        print(f"  {n:>7} sentences: {elapsed:6.2f} s ({cpu:.2f} s CPU), {len(facts)} facts "
              f"({len(set(truth))} true), "
              f"pairwise precision {precision:.4f}, recall {recall:.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    args = parser.parse_args()
    pair_scores()
    if args.sizes:
        timing(args.sizes)


if __name__ == "__main__":
    main()
