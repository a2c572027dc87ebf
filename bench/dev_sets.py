"""The hand-labelled template development sets, with DUC sentences restored.

``tests/data/kinds_dev.json`` gives the kind (packaged template) of every DUC
2003 cluster and of the seeds. ``tests/data/sections_dev.json`` labels every
sentence of the first four articles of 14 clusters with a section key of its
kind's template, or ``other``. DUC text is NIST material for evaluation only,
so the repository keeps only a short opening span, the sentence's position in
its article and a SHA-1 of the whole sentence; this module splits the articles
of ``../shared/bench/duc2003.jsonl`` again (read there, never copied) and puts
each whole sentence back, checking the hash. See tests/data/README-dev-sets.md.

Usage::

    python bench/dev_sets.py              # check every item and print counts
    python bench/dev_sets.py --bench DIR  # the shared bench folder, if not ../shared/bench
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefgen.text.datelines import dateline_end  # noqa: E402
from briefgen.text.sentences import split_sentences  # noqa: E402

DATA = ROOT / "tests" / "data"


def _bench_dir() -> Path:
    """``$BRIEFGEN_BENCH``, else the nearest ``shared/bench`` beside the repository or above it."""
    if os.environ.get("BRIEFGEN_BENCH"):
        return Path(os.environ["BRIEFGEN_BENCH"])
    for parent in ROOT.parents:
        if (parent / "shared" / "bench").is_dir():
            return parent / "shared" / "bench"
    return ROOT.parent / "shared" / "bench"


BENCH = _bench_dir()
_WS = re.compile(r"\s+")


def article_sentences(text: str) -> list[str]:
    """Sentences of one DUC article as the labels number them.

    Paragraphs are separated by blank lines; a wire dateline opening a
    paragraph is skipped, each paragraph is split with
    :func:`briefgen.text.sentences.split_sentences`, white space is folded and pieces
    without a letter are dropped, as :func:`briefgen.text.sentences.segment` does.
    """
    out = []
    for para in text.split("\n\n"):
        para = para.strip()
        if not para:
            continue
        for s in split_sentences(para[dateline_end(para) :]):
            if any(c.isalpha() for c in s):
                out.append(_WS.sub(" ", s))
    return out


def sha1(text: str) -> str:
    """Hex SHA-1 of a sentence's UTF-8 text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def load_sections_dev(bench: Path = BENCH) -> list[dict[str, Any]]:
    """The section items, each with its whole sentence under ``text``.

    Raises:
        FileNotFoundError: when ``duc2003.jsonl`` is not in ``bench``.
        ValueError: when a sentence no longer matches its span or hash (the
            splitter changed how it cuts that article).
    """
    items = json.loads((DATA / "sections_dev.json").read_text(encoding="utf-8"))["items"]
    docs: dict[str, str] = {}
    with open(bench / "duc2003.jsonl", encoding="utf-8") as fh:
        for line in fh:
            cluster = json.loads(line)
            docs.update(zip(cluster["doc_ids"], cluster["docs"], strict=True))
    split: dict[str, list[str]] = {}
    out = []
    for item in items:
        sentences = split.setdefault(item["doc"], article_sentences(docs[item["doc"]]))
        text = sentences[item["index"]] if item["index"] < len(sentences) else ""
        if not text.startswith(item["span"]) or sha1(text) != item["sha1"]:
            raise ValueError(f"{item['doc']} sentence {item['index']}: no longer {item['span']!r}...")
        out.append({**item, "text": text})
    return out


def main() -> None:
    """Check every item against the shared data and print the label counts."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=BENCH, help="folder holding duc2003.jsonl")
    args = parser.parse_args()
    kinds = json.loads((DATA / "kinds_dev.json").read_text(encoding="utf-8"))["clusters"]
    print("kinds:", dict(Counter(c["kind"] for c in kinds).most_common()))
    items = load_sections_dev(args.bench)
    print(f"{len(items)} labelled sentences in {len({i['cluster'] for i in items})} clusters, all matched")
    for kind, n in Counter(i["kind"] for i in items).most_common():
        labels = Counter(i["label"] for i in items if i["kind"] == kind)
        print(f"  {kind:<9} {n:5d}  " + ", ".join(f"{k} {v}" for k, v in labels.most_common()))


if __name__ == "__main__":
    main()
