"""Fit the selector's concept model on DUC 2003 and write ``briefgen/data/concepts.json``.

The model follows Li, Qian & Liu (2013, "Using supervised bigram-based ILP
for extractive summarization") and Hong & Nenkova (2014, RegSum): every
concept (stemmed content word or bigram of adjacent ones) of a cluster is
described by a few features that need no training data at run time
(:func:`briefgen.select.concept_features`: how many independent sources
carry it, how early in their articles, how often, in capitals, how rare in
English, ...), and a linear model predicts the share of the human summaries
that contain it. One ridge regression for single words and one for bigrams,
solved in closed form with NumPy; ``briefgen.select.concepts`` only takes dot
products. ``bench/duc.py --cv`` calls :func:`fit` on the training folds
alone; this script fits on all 30 clusters for the shipped file.

Usage::

    python bench/concepts.py            # fit on every DUC 2003 cluster and write the data file
    python bench/concepts.py --show     # print the weights only
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from briefgen.model import Fact  # noqa: E402
from briefgen.select.concepts import _concepts_of, concept_features  # noqa: E402
from briefgen.select.params import FEATURES, ConceptModel  # noqa: E402

OUT = ROOT / "briefgen" / "data" / "concepts.json"
RIDGE = 1.0
# Summaries are read as the protocol cuts them.
REF_WORDS = 100


def examples(facts: Sequence[Fact], refs: Sequence[str], background: bool = True,
             ref_words: int = REF_WORDS) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, bigram flags and targets (share of ``refs`` containing it) of one cluster's concepts."""
    names, x, bigram = concept_features(facts, background)
    sets = [_concepts_of(" ".join(r.split()[:ref_words])) for r in refs]
    y = np.array([sum(c in s for s in sets) / len(sets) for c in names])
    return x, bigram, y


def fit(data: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray]], ridge: float = RIDGE) -> ConceptModel:
    """Ridge regression per concept kind over the pooled concepts of ``data`` (from :func:`examples`)."""
    x = np.vstack([d[0] for d in data])
    bigram = np.concatenate([d[1] for d in data])
    y = np.concatenate([d[2] for d in data])
    weights = {}
    for kind in (False, True):
        xs, ys = x[bigram == kind], y[bigram == kind]
        a = xs.T @ xs + ridge * np.eye(xs.shape[1])
        weights[kind] = tuple(round(float(v), 6) for v in np.linalg.solve(a, xs.T @ ys))
    cap = FEATURES.index("capitalised")
    return ConceptModel(unigram=weights[False], bigram=weights[True],
                        capitalised=round(float(x[:, cap].mean()), 6))


def main(argv: Sequence[str] | None = None) -> int:
    from duc import DATA, _deduper, _splitter, build_facts

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="print the weights, write nothing")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    _, split = _splitter()
    _, dedupe = _deduper()
    model = fit([examples(build_facts(r["docs"], split, dedupe), r["refs"]) for r in rows])
    for name, u, b in zip(FEATURES, model.unigram, model.bigram, strict=True):
        print(f"{name:<18} {u:9.4f} {b:9.4f}")
    if not args.show:
        OUT.write_text(json.dumps({"features": list(FEATURES), "unigram": list(model.unigram),
                                   "bigram": list(model.bigram), "capitalised": model.capitalised,
                                   "fitted_on": f"DUC 2003 task 2, {len(rows)} clusters (bench/concepts.py)"},
                                  indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
