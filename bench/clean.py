"""Cleaning on held-out newswire: DUC 2003 prose kept, injected page furniture dropped.

DUC 2003 task 2 clusters (``../shared/bench/duc2003.jsonl``, never copied into
the project) are about ten AP/NYT articles on one event each, already stripped
of page furniture, so nearly every paragraph is prose. Two runs:

* **plain**: each cluster cleaned as one batch; the share of prose lines kept
  (DUC's transmission codes such as ``&UR;`` or "graf pvs" are left out of the
  count).
* **furnished**: every article dressed as a saved web page (a date line and a
  teaser box for stories from other clusters above the headline, a photo caption
  with a credit, an advertisement slot, a byline, and a copyright line and
  "More stories" box below), titled as ingest infers it; the share of
  furniture lines that still reach the prose blocks, and the prose kept.

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

from briefgen.model import Source  # noqa: E402
from briefgen.sources.clean import CleanResult, clean  # noqa: E402
from briefgen.sources.metadata import infer_metadata  # noqa: E402

# DUC's own transmission codes, not article text: left out of the count.
_ARTIFACT = re.compile(r"&[A-Z]{2};|\bgraf\b|STORY CAN END|\bpvs\b|^\W*\w{0,3}\W*$|^\(\w+(?:[-/]\w+)+\)$")

DATA = ROOT.parent / "shared" / "bench" / "duc2003.jsonl"


def _paragraphs(doc: str) -> list[str]:
    return [p.strip() for p in doc.split("\n") if p.strip() and not _ARTIFACT.search(p)]


_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(?:,\s*[A-Z][\w .'-]*?)?\s*(?:\([A-Za-z]+\))?\s*[_\u2014-]+\s*")


def _title(paragraph: str) -> str:
    """A headline-like line made from a lead paragraph: dateline off, nine words."""
    head = " ".join(_DATELINE.sub("", paragraph).split()[:9]).rstrip(".,;:")
    return head[:1].upper() + head[1:]


def _teaser(cluster: dict[str, list[str]], k: int) -> tuple[str, str]:
    """A headline and summary for a story from another cluster."""
    docs = cluster["docs"]
    first = next(p[0] for j in range(len(docs)) if (p := _paragraphs(docs[(k + j) % len(docs)])))
    return _title(first), first


def _furnish(doc: str, others: list[dict[str, list[str]]], n: int) -> tuple[str, set[str], set[str]]:
    """The article dressed as a web page: (text, furniture lines, prose lines).

    The three teasers are for stories from three other clusters.
    """
    prose = _paragraphs(doc)
    t1, t2, t3 = (_teaser(other, n) for other in others)
    headline = _title(prose[0]) if prose else "Untitled"
    top = ["Tuesday, March 3, 1998", t1[0], t1[1], t2[0], t2[1], headline, "By Staff Reporter"]
    caption = "Rescue workers gather outside the building on Monday. (AP Photo/John Doe)"
    body = [*prose[:2], caption, *prose[2:4], "Advertisement", *prose[4:]]
    bottom = ["Copyright 1998 The Associated Press. All rights reserved.", "More stories", t3[0], t3[1],
              "Share this article"]
    furniture = {*top, caption, "Advertisement", *bottom} - {headline}
    return "\n\n".join([*top, *body, *bottom]) + "\n", furniture, set(prose)


def _score(sources: list[Source], result: CleanResult, truth: dict[str, tuple[set[str], set[str]]]
           ) -> tuple[int, int, int, int, list[str]]:
    leaks, furniture, kept, prose = 0, 0, 0, 0
    leaked: list[str] = []
    for src in sources:
        junk, good = truth[src.id]
        blocks = {b.text.strip() for b in result.blocks[src.id]}
        furniture += len(junk)
        prose += len(good)
        for line in junk:
            if any(line in b for b in blocks):
                leaks += 1
                leaked.append(line[:100])
        kept += sum(1 for line in good if any(line in b for b in blocks))
    return leaks, furniture, kept, prose, leaked


def main() -> None:
    """Clean every DUC cluster, plain and furnished, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=10, help="dropped or leaked lines to print")
    args = parser.parse_args()
    clusters = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]

    kinds: Counter[str] = Counter()
    kept = total = chars = 0
    samples: list[str] = []
    t0 = time.perf_counter()
    for cluster in clusters:
        sources = [Source(id=f"s{i + 1}", origin=d, text=doc, outlet="", title="")
                   for i, (d, doc) in enumerate(zip(cluster["doc_ids"], cluster["docs"], strict=True))]
        result = clean(sources)
        chars += sum(len(s.text) for s in sources)
        truth = {s.id: (set[str](), set(_paragraphs(s.text))) for s in sources}
        _, _, k, t, _ = _score(sources, result, truth)
        kept, total = kept + k, total + t
        for line in result.dropped:
            kinds[line.kind] += 1
            if len(samples) < args.show and not _ARTIFACT.search(line.text):
                samples.append(f"  [{line.kind}] {line.reason}: {line.text[:100]!r}")
    elapsed = time.perf_counter() - t0
    print(f"plain:     {len(clusters)} clusters, prose lines kept {kept}/{total} ({kept / total:.3f}); "
          f"{chars / elapsed / 1e6:.2f} MB/s")
    print("  dropped by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    print("\n".join(samples))

    for same_site in (False, True):
        _furnished(clusters, same_site, args.show)


def _furnished(clusters: list[dict[str, list[str]]], same_site: bool, show: int) -> None:
    """Furniture leaked and prose kept when every article is dressed as a web page.

    With ``same_site`` every article of a cluster carries the same teaser box,
    as pages saved from one site do; otherwise each carries its own.
    """
    leaks = furniture = kept = total = 0
    leaked: list[str] = []
    n = len(clusters)
    for c, cluster in enumerate(clusters):
        sources, truth = [], {}
        for i, doc in enumerate(cluster["docs"]):
            j = 0 if same_site else i
            others = [clusters[(c + 1 + 3 * j + k) % n] for k in range(3)]
            others = [o for o in others if o is not cluster] or [clusters[(c + 1) % n]]
            text, junk, good = _furnish(doc, (others * 3)[:3], j)
            title = infer_metadata(text, f"{c}-{i}.txt")["title"]
            sources.append(Source(id=f"s{i + 1}", origin=f"{c}-{i}.txt", text=text, outlet="", title=title))
            truth[f"s{i + 1}"] = (junk, good)
        lk, fu, k, t, lines = _score(sources, clean(sources), truth)
        leaks, furniture, kept, total = leaks + lk, furniture + fu, kept + k, total + t
        leaked.extend(lines)
    label = "furnished, one site" if same_site else "furnished"
    print(f"{label}: furniture lines leaked {leaks}/{furniture} ({leaks / furniture:.4f}); "
          f"prose lines kept {kept}/{total} ({kept / total:.3f})")
    for line in leaked[:show]:
        print(f"  leaked: {line!r}")


if __name__ == "__main__":
    main()
