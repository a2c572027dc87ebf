"""Cleaning on held-out newswire: how much DUC 2003 article prose survives.

DUC 2003 task 2 clusters (``../shared/bench/duc2003.jsonl``, never copied into
the project) are about ten AP/NYT articles on one event each, already stripped
of page furniture, so nearly every paragraph is prose. Each cluster is cleaned
as one batch; the script prints how many paragraphs were kept, what was
dropped by kind, a sample of the dropped lines, and the throughput.

Run: ``python bench/clean.py [--show N]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefgen.clean import clean  # noqa: E402
from briefgen.model import Source  # noqa: E402

# DUC's own transmission codes, not article text: left out of the count.
_ARTIFACT = re.compile(r"&[A-Z]{2};|\bgraf\b|STORY CAN END|\bpvs\b|^\W*\w{0,3}\W*$")

DATA = ROOT.parent / "shared" / "bench" / "duc2003.jsonl"


def main() -> None:
    """Clean every DUC cluster and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=15, help="dropped lines to print")
    args = parser.parse_args()
    clusters = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    kinds: Counter[str] = Counter()
    paragraphs = kept = chars = 0
    samples: list[str] = []
    t0 = time.perf_counter()
    for cluster in clusters:
        sources = [
            Source(id=f"s{i + 1}", origin=doc_id, text=doc, outlet="", title="")
            for i, (doc_id, doc) in enumerate(zip(cluster["doc_ids"], cluster["docs"], strict=True))
        ]
        result = clean(sources)
        for src in sources:
            chars += len(src.text)
            spans = [b for b in result.blocks[src.id]]
            pos = 0
            for raw in src.text.split("\n"):
                start, pos = pos, pos + len(raw) + 1
                if not raw.strip() or _ARTIFACT.search(raw):
                    continue
                paragraphs += 1
                kept += any(b.start <= start + len(raw) - len(raw.lstrip()) < b.end for b in spans)
        for line in result.dropped:
            kinds[line.kind] += 1
            if len(samples) < args.show or line.kind == "offtopic":
                samples.append(f"  [{line.kind}] {line.reason}: {line.text[:110]!r}")
    elapsed = time.perf_counter() - t0
    print(f"clusters: {len(clusters)}  prose lines (transmission codes left out): {paragraphs}  "
          f"kept as prose: {kept} ({kept / paragraphs:.3f})")
    print("dropped by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    print(f"throughput: {chars / elapsed / 1e6:.2f} MB/s ({elapsed:.2f} s)")
    print("sample of dropped lines:")
    print("\n".join(samples))


if __name__ == "__main__":
    main()
