"""sumy's LexRank against briefgen's sparse LexRank: speed and equality of ranking.

Sentences are real newswire: the DUC 2003 articles in ``../shared/bench/``,
split by the project's segmenter (pysbd if it is missing), taken in order.
For each size the script times sumy's ``LexRankSummarizer`` and
:func:`briefgen.rank.score_facts` (``lexrank``) on the same sentences, checks
that the two rankings are identical, and prints the speed-up. It then times
the default selector on a cluster of 5,000 sentences.

Usage::

    python bench/lexrank.py                 # 500, 1000, 2000 sentences
    python bench/lexrank.py --sizes 500     # quicker
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy as np  # noqa: E402
from duc import DATA, _splitter, build_facts  # noqa: E402

from briefgen.model import Fact  # noqa: E402
from briefgen.select.choice import score_facts, select  # noqa: E402
from briefgen.select.rankers import sumy_scores  # noqa: E402
from briefgen.select.selector import word_count  # noqa: E402


def _ranking(scores: Sequence[float]) -> list[int]:
    return sorted(range(len(scores)), key=lambda i: (-round(float(scores[i]), 9), i))


def newswire(limit: int) -> list[Fact]:
    """The first ``limit`` DUC 2003 sentences, one fact each, every article its own source."""
    _, split = _splitter()
    facts: list[Fact] = []
    for c, line in enumerate(DATA.read_text(encoding="utf-8").splitlines()):
        row = json.loads(line)
        for f in build_facts(row["docs"], split, None):
            rep = f.representative
            facts.append(Fact(id=f"f{len(facts)}", text=f.text, sentences=f.sentences,
                              sources=(f"c{c}{rep.source_id}",)))
            if len(facts) >= limit:
                return facts
    return facts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="500,1000,2000", help="comma-separated sentence counts")
    parser.add_argument("--select-size", type=int, default=5000, help="sentences for the selection timing")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    pool = newswire(max([*sizes, args.select_size]))

    print(f"{'sentences':>9} {'sumy s':>9} {'briefgen s':>11} {'speed-up':>9}  same ranking  max |diff|")
    for n in sizes:
        facts = pool[:n]
        t0 = time.perf_counter()
        theirs = sumy_scores(facts, "lexrank")
        t1 = time.perf_counter()
        ours = score_facts(facts, "lexrank")
        t2 = time.perf_counter()
        same = _ranking(ours) == _ranking(theirs)
        diff = float(np.max(np.abs(np.asarray(ours) - np.asarray(theirs))))
        print(f"{n:>9} {t1 - t0:>9.2f} {t2 - t1:>11.3f} {(t1 - t0) / (t2 - t1):>8.0f}x  "
              f"{'yes' if same else 'NO':>12}  {diff:.1e}", flush=True)

    facts = pool[: args.select_size]
    for words in (100, 130):
        t0 = time.perf_counter()
        chosen = select(facts, words=words)
        elapsed = time.perf_counter() - t0
        used = sum(word_count(f.text) for f in chosen)
        print(f"select(briefgen) on {len(facts)} sentences, {words} words: {elapsed:.2f} s "
              f"({len(chosen)} facts, {used} words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
