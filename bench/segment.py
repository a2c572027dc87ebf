"""Sentence-splitter benchmark: accuracy on two suites and throughput.

Prints, for briefgen's splitter side by side with plain NLTK Punkt and pysbd
(when installed):

* Golden Rules (``../shared/bench/segment_golden_en.json``): exact cases out
  of 52 (whitespace-normalised) and boundary precision/recall/F1;
* the project's news-prose suite (``tests/data/segment_news.json``): exact
  cases and boundary P/R/F1;
* sentences per second on a long text made of the seed articles repeated.

Usage: ``python bench/segment.py [--repeat N] [--show-failures]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from briefgen.text.sentences import split_sentences  # noqa: E402

GOLDEN = ROOT.parent / "shared" / "bench" / "segment_golden_en.json"
NEWS = ROOT / "tests" / "data" / "segment_news.json"
SEEDS = ROOT / "seeds"

Splitter = Callable[[str], Sequence[str]]


def _norm(s: str) -> str:
    return " ".join(s.split())


def boundaries(sentences: Sequence[str]) -> set[int]:
    """Sentence ends as counts of non-space characters before them (last end excluded)."""
    out, pos = set(), 0
    for s in sentences[:-1]:
        pos += len("".join(s.split()))
        out.add(pos)
    return out


def score(cases: list[dict], split: Splitter) -> tuple[int, float, float, float, list[str]]:
    """Exact cases, boundary precision, recall, F1 and the ids of inexact cases."""
    exact, tp, fp, fn, failed = 0, 0, 0, 0, []
    for case in cases:
        got = [_norm(s) for s in split(case["text"]) if s.strip()]
        want = [_norm(s) for s in case["expected"]]
        if got == want:
            exact += 1
        else:
            failed.append(case["id"])
        g, w = boundaries(got), boundaries(want)
        tp += len(g & w)
        fp += len(g - w)
        fn += len(w - g)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return exact, p, r, f, failed


def throughput(split: Splitter, text: str, rounds: int = 3) -> tuple[int, float]:
    """Sentences found and sentences per second (best of ``rounds``)."""
    best, n = float("inf"), 0
    for _ in range(rounds):
        t0 = time.perf_counter()
        n = len(split(text))
        best = min(best, time.perf_counter() - t0)
    return n, n / best


def splitters() -> dict[str, Splitter]:
    """briefgen's splitter and the peers that are installed."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    punkt = PunktSentenceTokenizer()
    out: dict[str, Splitter] = {"briefgen": split_sentences, "nltk punkt (untrained)": punkt.tokenize}
    try:
        import pysbd
    except ImportError:
        print("pysbd not installed: pip install pysbd to compare")
    else:
        seg = pysbd.Segmenter(language="en", clean=False)
        out["pysbd"] = seg.segment
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20, help="copies of the seeds in the long text")
    ap.add_argument("--show-failures", action="store_true", help="print briefgen's inexact cases")
    args = ap.parse_args()

    suites: dict[str, list[dict]] = {}
    if GOLDEN.exists():
        suites["golden"] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    else:
        print(f"{GOLDEN} not found: Golden Rules skipped")
    suites["news"] = json.loads(NEWS.read_text(encoding="utf-8"))
    long_text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    long_text = "\n\n".join([long_text] * args.repeat)

    print(f"{'splitter':<24} {'suite':<7} {'exact':>9} {'P':>6} {'R':>6} {'F1':>6}")
    for name, split in splitters().items():
        for suite, cases in suites.items():
            exact, p, r, f, failed = score(cases, split)
            print(f"{name:<24} {suite:<7} {exact:>4}/{len(cases):<4} {p:6.3f} {r:6.3f} {f:6.3f}")
            if args.show_failures and name == "briefgen" and failed:
                for case in cases:
                    if case["id"] in failed:
                        print(f"    {case['id']}: {case['text']!r}")
                        print(f"      got  {[_norm(s) for s in split(case['text'])]}")
                        print(f"      want {[_norm(s) for s in case['expected']]}")
    print(f"\nthroughput on {len(long_text):,} characters (seeds x {args.repeat}):")
    for name, split in splitters().items():
        rounds = 1 if name == "pysbd" else 3
        n, rate = throughput(split, long_text, rounds)
        print(f"{name:<24} {n:>7} sentences {rate:>10,.0f} sentences/s")


if __name__ == "__main__":
    main()
