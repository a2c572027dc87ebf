"""Would a model fitted on the labelled sections help? Leave-one-cluster-out on the section dev set.

Two small supervised layers over generic features, shared across kinds of
news (nothing names a section or a word of the dev set), are fitted on the
labelled DUC 2003 clusters of ``tests/data/sections_dev.json`` and the
sample's labels (``tests/data/sections.json``) and scored on the one cluster
left out, for every cluster in turn:

* ``placement``: a logistic regression deciding "in a section or in other",
  the section being the classifier's best; features are the fact's scores for
  its best section (keyword, examples, centroid, neighbours, total, lead over
  the runner-up, the neighbours' score), the penalty, its position in its
  article, length, digits, quotation marks, an opening quotation mark, first
  person, an age in apposition (", 17,"), a year, the share of letters, how
  many sources, and whether the classifier placed it;
* ``choice``: a conditional logit over "other" and every section, the
  sections scored with one weight vector on the same per-section scores.

It also chooses the classifier's two knobs fitted here, each with the other at
its shipped value and then both together: ``Params.late`` (how much a keyword late in its sentence
loses) among 0, 0.25, 0.5 and 0.75, and ``Params.cue`` (the keyword weight of a
cue a section names) among 0, 0.5, 1, 1.5 and 2, for each cluster on the other
clusters. The headline is the cross-validated macro-F1 (as
``bench/classify.py`` computes it) beside the classifier as shipped, and the
sample's figure when it is the cluster left out (its bar is 0.85). Usage:
``python bench/sections_cv.py``.

Result (2 December 2026, with cues): as shipped dev macro-F1 0.593
(in-sample), sample 0.883. ``late`` = 0.5 is chosen in every fold (0.593;
0.572 with late = 0). ``cue`` = 1.5 is chosen in 13 folds and 1.0 in two:
0.588 by leave-one-cluster-out (0.619 on the clusters looked at, 0.486 on the
others; without cues 0.576, 0.609 and 0.458). Chosen together over all 20
pairs, the same: late 0.5 and cue 1.5 in 13 folds, cue 1.0 in two, 0.588. On top of that, placement 0.584
to 0.594 by C and threshold (sample 0.80 to 0.83) and choice 0.582 to 0.583
(sample 0.82 to 0.83): at most 0.001 more, and the sample falls below its bar,
so neither layer ships: the errors are in the evidence the templates give, not
in how it is combined.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy.optimize import minimize
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import classify as bench  # noqa: E402
import dev_sets  # noqa: E402

from briefgen.config import load_template  # noqa: E402
from briefgen.model import Fact  # noqa: E402
from briefgen.select import sections as S  # noqa: E402

Array = npt.NDArray[np.float64]
_OPENING_QUOTE = re.compile(r"\s*([\"\u201c\u2018']|``)")
_FIRST_PERSON = re.compile(r"\b(I|I'm|I've|we|We|my|My|our|Our|me|us)\b")
_AGE = re.compile(r", \d{1,2},")
_YEAR = re.compile(r"\b(1[89]\d\d|20[0-2]\d)\b")
_QUOTE = re.compile(r"[\"\u201c\u201d]|''|``")


def features(facts: Sequence[Fact], kind: str) -> tuple[Array, Array, list[str], list[str]]:
    """Per (fact, section) scores, per-fact features, the section keys and the shipped classifier's labels."""
    specs = [s for s in load_template(kind).sorted_sections if not s.catch_all]
    sc = S.score_breakdown(facts, specs)
    total = sc.total
    around = S._context(facts, S.Params().window)
    ctx = np.asarray(around @ total) if around is not None else np.zeros_like(total)
    lead = np.stack([total[:, j] - np.delete(total, j, axis=1).max(axis=1) for j in range(len(specs))],
                    axis=1)
    pair = np.stack([sc.keyword, sc.example, sc.centroid, sc.neighbour, total, lead, ctx], axis=2)
    index = np.array([min(s.index for s in f.sentences) for f in facts], dtype=np.float64)
    length = np.array([len(f.text.split()) for f in facts], dtype=np.float64)

    def has(rx: re.Pattern[str], start: bool = False) -> Array:
        found = [bool(rx.match(f.text) if start else rx.search(f.text)) for f in facts]
        return np.array(found, dtype=np.float64)

    fact = np.column_stack([
        sc.penalty[:, 0], np.log1p(index), index == 0, np.log1p(length), has(re.compile(r"\d")), has(_QUOTE),
        has(_OPENING_QUOTE, start=True), has(_FIRST_PERSON), has(_AGE), has(_YEAR),
        [sum(c.isalpha() for c in f.text) / max(len(f.text), 1) for f in facts],
        np.log([len(f.sources) for f in facts]),
    ])
    grouped = S.classify(facts, specs)
    placed = {f.id: key for key, fs in grouped.items() for f in fs}
    return pair, fact, [s.key for s in specs], [placed[f.id] for f in facts]


def placement_layer(train: list[tuple[Array, Array, Array]], test: tuple[Array, Array], c: float,
                    threshold: float) -> npt.NDArray[np.bool_]:
    """Fit "in a section" on ``train`` ((X, y, _) triples); which test rows it places."""
    x = np.concatenate([t[0] for t in train])
    y = np.concatenate([t[1] for t in train])
    mu, sd = x.mean(axis=0), x.std(axis=0) + 1e-9
    model = LogisticRegression(C=c, max_iter=2000).fit((x - mu) / sd, y)
    return np.asarray(model.predict_proba((test[0] - mu) / sd)[:, 1] >= threshold)


def _logit_loss(theta: Array, data: list[tuple[Array, Array, npt.NDArray[np.intp]]], l2: float,
                npair: int) -> tuple[float, Array]:
    w, v = theta[:npair], theta[npair:]
    loss, gw, gv = 0.0, np.zeros_like(w), np.zeros_like(v)
    for pair, fact, y in data:
        u = np.concatenate([fact @ v[:, None], pair @ w], axis=1)  # column 0 is other
        u -= u.max(axis=1, keepdims=True)
        p = np.exp(u)
        p /= p.sum(axis=1, keepdims=True)
        rows = np.arange(len(y))
        loss -= float(np.log(p[rows, y] + 1e-12).sum())
        p[rows, y] -= 1.0
        gv += fact.T @ p[:, 0]
        gw += np.einsum("ij,ijf->f", p[:, 1:], pair)
    return loss + l2 * float(theta @ theta), np.concatenate([gw, gv]) + 2 * l2 * theta


def choice_layer(train: list[tuple[Array, Array, npt.NDArray[np.intp]]], pair: Array, fact: Array,
                 l2: float) -> npt.NDArray[np.intp]:
    """Fit the conditional logit on ``train``; each test fact's choice (0 = other, j + 1 = section j)."""
    pm = np.concatenate([p.reshape(-1, p.shape[2]) for p, _f, _y in train])
    fm = np.concatenate([f for _p, f, _y in train])
    pmu, psd, fmu, fsd = pm.mean(0), pm.std(0) + 1e-9, fm.mean(0), fm.std(0) + 1e-9

    def scale(p: Array, f: Array) -> tuple[Array, Array]:
        return (p - pmu) / psd, np.column_stack([np.ones(len(f)), (f - fmu) / fsd])

    data = [(*scale(p, f), y) for p, f, y in train]
    npair = pm.shape[1]
    fit = minimize(_logit_loss, np.zeros(npair + fm.shape[1] + 1), args=(data, l2, npair), jac=True,
                   method="L-BFGS-B")
    p, f = scale(pair, fact)
    u = np.concatenate([f @ fit.x[npair:, None], p @ fit.x[:npair]], axis=1)
    return np.asarray(u.argmax(axis=1))


def knobs_by_cv(data: dict[str, tuple[str, list[Fact], list[str]]], dev: Sequence[str],
                grid: dict[str, Sequence[float]], verbose: bool = True) -> None:
    """Knobs of ``Params`` chosen together for each cluster on the other dev clusters; held-out figures.

    ``grid`` maps knob names to the values tried (every combination); the
    other knobs keep their shipped values.
    """
    combos = [dict(zip(grid, values, strict=True)) for values in itertools.product(*grid.values())]
    runs: dict[str, dict[str, tuple[str, list[str], list[str]]]] = {}
    for combo in combos:
        label = ", ".join(f"{k}={v}" for k, v in combo.items())
        params = replace(S.Params(), **combo)
        runs[label] = {}
        for cid, (kind, facts, gold) in data.items():
            grouped = S.classify(facts, load_template(kind).sorted_sections, params)
            placed = {f.id: key for key, fs in grouped.items() for f in fs}
            runs[label][cid] = (kind, gold, [placed[f.id] for f in facts])
        if verbose:
            print(f"{label}: dev macro-F1 {bench.pooled_scores({c: runs[label][c] for c in dev})[0]:.3f} "
                  f"(in-sample), sample {bench.pooled_scores({'seeds': runs[label]['seeds']})[0]:.3f}")
    held: dict[str, tuple[str, list[str], list[str]]] = {}
    chosen = []
    for hold in [*dev, "seeds"]:
        best = max(runs, key=lambda v: bench.pooled_scores({c: runs[v][c] for c in dev if c != hold})[0])
        held[hold] = runs[best][hold]
        chosen.append(best)
    looked = [c for c in dev if c in bench.LOOKED_AT]
    clean = [c for c in dev if c not in bench.LOOKED_AT]
    counts = "; ".join(f"{v} {chosen.count(v)}x" for v in runs if v in chosen)
    print(f"{' and '.join(grid)} chosen leaving each cluster out ({counts}): dev macro-F1 "
          f"{bench.pooled_scores({c: held[c] for c in dev})[0]:.3f} (LOCO; looked at "
          f"{bench.pooled_scores({c: held[c] for c in looked})[0]:.3f}, not looked at "
          f"{bench.pooled_scores({c: held[c] for c in clean})[0]:.3f}), "
          f"sample {bench.pooled_scores({'seeds': held['seeds']})[0]:.3f}")


def main() -> None:
    """Leave each labelled cluster out in turn; print the cross-validated figures."""
    items = dev_sets.load_sections_dev()
    by_cluster: dict[str, list[dict[str, object]]] = {}
    for it in items:
        by_cluster.setdefault(str(it["cluster"]), []).append(it)
    data = {}
    for cid, its in by_cluster.items():
        facts, gold = bench.cluster_facts(its)
        data[cid] = (str(its[0]["kind"]), facts, gold)
    rows = json.loads((bench.DATA / "sections.json").read_text(encoding="utf-8"))
    data["seeds"] = ("default", bench.placed_facts(rows), [r["label"] for r in rows])
    feats = {cid: features(facts, kind) for cid, (kind, facts, _gold) in data.items()}
    dev = [c for c in data if c != "seeds"]

    def score(preds: dict[str, list[str]]) -> tuple[float, float]:
        out = {c: (data[c][0], data[c][2], preds[c]) for c in preds}
        return (bench.pooled_scores({c: out[c] for c in dev})[0],
                bench.pooled_scores({"seeds": out["seeds"]})[0])

    shipped = score({c: feats[c][3] for c in data})
    print(f"as shipped: dev macro-F1 {shipped[0]:.3f}, sample {shipped[1]:.3f}")
    lates, cues = (0.0, 0.25, 0.5, 0.75), (0.0, 0.5, 1.0, 1.5, 2.0)
    knobs_by_cv(data, dev, {"late": lates})
    knobs_by_cv(data, dev, {"cue": cues})
    knobs_by_cv(data, dev, {"late": lates, "cue": cues}, verbose=False)

    def placement_xy(cid: str) -> tuple[Array, Array, Array]:
        pair, fact, keys, shipped_labels = feats[cid]
        best = pair[:, :, 4].argmax(axis=1)
        placed = np.array([p != S.OTHER for p in shipped_labels], dtype=np.float64)
        x = np.column_stack([fact, pair[np.arange(len(best)), best], placed])
        return x, np.array([g != S.OTHER for g in data[cid][2]], dtype=np.float64), best

    for c in (0.01, 0.1, 1.0):
        for threshold in (0.4, 0.5, 0.6):
            preds = {}
            for hold in data:
                keys = feats[hold][2]
                x, _y, best = placement_xy(hold)
                ok = placement_layer([placement_xy(o) for o in data if o != hold], (x, best), c, threshold)
                preds[hold] = [keys[b] if k else S.OTHER for k, b in zip(ok, best, strict=True)]
            cv = score(preds)
            print(f"placement C={c:<5} threshold {threshold}: dev macro-F1 {cv[0]:.3f} (LOCO), "
                  f"sample {cv[1]:.3f}")

    def choice_data(cid: str) -> tuple[Array, Array, npt.NDArray[np.intp]]:
        pair, fact, keys, _s = feats[cid]
        labels = [S.OTHER, *keys]
        return pair, fact, np.array([labels.index(g) for g in data[cid][2]], dtype=np.intp)

    for l2 in (1.0, 10.0):
        preds = {}
        for hold in data:
            pair, fact, keys, _s = feats[hold]
            chosen = choice_layer([choice_data(o) for o in data if o != hold], pair, fact, l2)
            preds[hold] = [[S.OTHER, *keys][j] for j in chosen]
        cv = score(preds)
        print(f"choice l2={l2:<5}: dev macro-F1 {cv[0]:.3f} (LOCO), sample {cv[1]:.3f}")


if __name__ == "__main__":
    main()
