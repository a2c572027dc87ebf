"""Section classification: per-section precision, recall, F1 and macro-F1.

Runs :func:`briefgen.classify.classify` on the hand-labelled seed sentences
(``tests/data/sections.json``, default template) and on the trade-mission set
(``tests/data/sections_other_event.json``, a small template defined here),
then times scoring on a synthetic corpus of 100,000 facts built from the seed
sentences. Usage: ``python bench/classify.py [--size N]``.
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

from briefgen.config import load_template  # noqa: E402
from briefgen.model import (  # noqa: E402
    Fact,
    SectionSpec,  # noqa: E402
    Sentence,
)
from briefgen.select.sections import OTHER, classify  # noqa: E402

DATA = ROOT / "tests" / "data"
SEEDS = ROOT / "seeds"

TRADE_SECTIONS = load_template(DATA / "trade-mission.toml").sections


def facts_of(texts: Sequence[str], positions: bool = False) -> list[Fact]:
    """One single-source fact per text; with ``positions``, numbered as one article's sentences.

    Without ``positions`` every sentence sits at index 0, as with the test
    builders, so no fact has neighbours.
    """
    out = []
    for i, t in enumerate(texts):
        s = Sentence(text=t, source_id="s1", index=i if positions else 0, start=0, end=len(t))
        out.append(Fact(id=f"f{i}", text=t, sentences=(s,), sources=("s1",)))
    return out


def placed_facts(rows: Sequence[dict[str, str]]) -> list[Fact]:
    """One fact per labelled seed sentence, with its real position in its article.

    ``index`` numbers the labelled sentences of each source in order and
    ``paragraph`` is the line of the article the sentence starts on, as the
    segmenter would number them.
    """
    out: list[Fact] = []
    counters: dict[str, int] = {}
    cursor: dict[str, int] = {}
    for i, r in enumerate(rows):
        text = (SEEDS / r["source"]).read_text(encoding="utf-8")
        at = text.find(r["text"][:40], cursor.get(r["source"], 0))
        if at < 0:
            raise ValueError(f"{r['source']}: not found: {r['text'][:40]!r}")
        cursor[r["source"]] = at + 1
        index = counters.get(r["source"], 0)
        counters[r["source"]] = index + 1
        s = Sentence(text=r["text"], source_id=r["source"], index=index, start=at, end=at + len(r["text"]),
                     paragraph=text.count("\n", 0, at))
        out.append(Fact(id=f"f{i}", text=r["text"], sentences=(s,), sources=(r["source"],)))
    return out


def report(name: str, rows: list[dict[str, str]], sections: Sequence[SectionSpec],
           facts: list[Fact] | None = None) -> None:
    """Classify the labelled rows and print the confusion table and F1 figures."""
    facts = facts or facts_of([r["text"] for r in rows])
    grouped = classify(facts, sections)
    predicted = {f.id: key for key, fs in grouped.items() for f in fs}
    pred = [predicted[f.id] for f in facts]
    gold = [r["label"] for r in rows]
    keys = [s.key for s in sections] + [OTHER]
    print(f"\n== {name}: {len(rows)} sentences")
    print(f"{'gold / predicted':<18}" + "".join(f"{k[:9]:>10}" for k in keys))
    pairs = list(zip(gold, pred, strict=True))
    for g in keys:
        print(f"{g:<18}" + "".join(f"{pairs.count((g, p)):>10}" for p in keys))
    f1s = {}
    print(f"\n{'section':<12}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}")
    for k in keys:
        tp = sum(1 for a, b in zip(gold, pred, strict=True) if a == k and b == k)
        npred, ngold = pred.count(k), gold.count(k)
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        f1s[k] = f
        print(f"{k:<12}{p:>7.3f}{r:>7.3f}{f:>7.3f}{ngold:>6}")
    sec = [f1s[s.key] for s in sections]
    print(f"macro-F1 over the {len(sec)} sections: {sum(sec) / len(sec):.3f}")
    print(f"macro-F1 including '{OTHER}':   {sum(f1s.values()) / len(f1s):.3f}")
    print(f"accuracy: {sum(1 for a, b in zip(gold, pred, strict=True) if a == b) / len(gold):.3f}")


def timing(rows: list[dict[str, str]], sections: Sequence[SectionSpec], size: int) -> None:
    """Time classify() on ``size`` facts, each a seed sentence extended by words of another.

    The facts are numbered as sentences of 50-sentence articles, so the
    source-order context is exercised too.
    """
    n = len(rows)
    texts = [f"{rows[i % n]['text']} {' '.join(rows[(i // n) % n]['text'].split()[:8])}" for i in range(size)]
    facts = []
    for i, t in enumerate(texts):
        s = Sentence(text=t, source_id=f"s{i // 50}", index=i % 50, start=0, end=len(t))
        facts.append(Fact(id=f"f{i}", text=t, sentences=(s,), sources=(s.source_id,)))
    t0 = time.perf_counter()
    grouped = classify(facts, sections)
    dt = time.perf_counter() - t0
    placed = sum(len(v) for k, v in grouped.items() if k != OTHER)
    print(f"\n== timing: {size} facts classified in {dt:.2f} s ({size / dt:,.0f} facts/s), {placed} placed")


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=100_000, help="facts in the timing run (0 to skip)")
    args = parser.parse_args()
    seeds = json.loads((DATA / "sections.json").read_text(encoding="utf-8"))
    default = load_template("default").enabled_sections
    report("seed articles, default template, facts in article order", seeds, default, placed_facts(seeds))
    report("seed articles, default template, facts without positions", seeds, default)
    trade = json.loads((DATA / "sections_other_event.json").read_text(encoding="utf-8"))
    report("trade mission, three-section template", trade, TRADE_SECTIONS)
    if args.size:
        timing(seeds, load_template("default").enabled_sections, args.size)


if __name__ == "__main__":
    main()
