"""ROUGE on Multi-News validation clusters: briefgen against LEAD and sumy LexRank, out of domain.

Reads ``../shared/bench/multinews_val.jsonl`` (300 clusters of two to ten
news articles, each with one human summary of about 260 words; a
preprocessed copy: lower-cased with sentence-initial capitals restored,
punctuation spaced out, every cluster's sources cut to about 500 words in
all, so the last sentence of a source is often cut off). A cluster's
``docs`` is a list of articles, or one string with articles separated by
``|||||`` (both are read). Nothing is fitted here: the selector's
parameters and concept model come from DUC 2003, so these figures are
out-of-domain. This set is for development checks only; do not tune on it.

Protocol as ``bench/duc.py``, with a 260-word budget: summaries and the
reference cut at 260 whitespace words, ROUGE-1/2 recall with the
``rouge-score`` tokenizer (Porter stems, stop words kept), averaged over the
clusters. Also printed: the words a summary uses as a share of the budget
(after the cut, so never above 100 %), and the stand-alone violations of the
selected sentences (``bench/standalone.py``).

Methods:

* ``briefgen``: the default selector, strict (within the budget), on
  sentences split and merged across sources as ``bench/duc.py`` does;
* ``lead``: the first article's sentences in order, cut at the budget;
* ``lexrank``: sumy's own LexRank (``briefgen.rank.sumy_scores``) on the same
  sentences, best first, as many as fit the budget (``lexrank``) or run past it
  and cut (``lexrank-fill``, sumy's usual form), or as many as fit among the
  sentences that read alone (``lexrank-standalone``: the rule briefgen keeps,
  :func:`briefgen.select.dangling`).

The stand-alone rule caps how much of the budget any summary of whole,
self-contained sentences can fill on this set (about a third of its words
are in sentences that lean on the one before, were cut off by the
truncation, or still carry a dateline); ``reach %`` is the share of the
budget that the cluster's stand-alone sentences could fill at most (all of
them, if they fit).

Usage::

    python bench/multinews.py                 # all 300 clusters
    python bench/multinews.py --clusters 50   # the first 50
    python bench/multinews.py --pipeline      # facts read by the whole pipeline (cleaner included)
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

from duc import _deduper, _ngrams, _splitter, build_facts, pipeline_facts  # noqa: E402
from rouge_score import rouge_scorer  # noqa: E402
from standalone import count, passages, report  # noqa: E402

from briefgen.model import Fact  # noqa: E402
from briefgen.select.choice import select  # noqa: E402
from briefgen.select.selector import dangling, word_count  # noqa: E402

DATA = ROOT.parent / "shared" / "bench" / "multinews_val.jsonl"
LIMIT = 260
METHODS = ("briefgen", "lead", "lexrank", "lexrank-fill", "lexrank-standalone")


def articles(docs: str | Sequence[str]) -> list[str]:
    """A cluster's articles, from a list or from one string separated by ``|||||``."""
    parts = docs.split("|||||") if isinstance(docs, str) else [p for d in docs for p in d.split("|||||")]
    return [" ".join(p.split()) for p in parts if p.strip()]


def recall(tokenize, summary: str, ref: str, limit: int = LIMIT) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """ROUGE-1 and ROUGE-2 recall against one reference, both cut at ``limit`` words."""
    peer = tokenize(" ".join(summary.split()[:limit]))
    model = tokenize(" ".join(ref.split()[:limit]))
    out = []
    for n in (1, 2):
        p, m = _ngrams(peer, n), _ngrams(model, n)
        total = sum(m.values())
        out.append(100.0 * sum(min(c, p[g]) for g, c in m.items()) / total if total else 0.0)
    return out[0], out[1]


def lexrank(facts: Sequence[Fact], words: int, fill: bool, standalone: bool = False) -> list[str]:
    from briefgen.select.rankers import sumy_scores

    if standalone:
        facts = [f for f in facts if not dangling(f.text)]
        if not facts:
            return []
    scores = sumy_scores(facts, "lexrank")
    order = sorted(range(len(facts)), key=lambda i: (-scores[i], i))
    out: list[str] = []
    used = 0
    for i in order:
        n = word_count(facts[i].text)
        if used + n > words:
            if fill:
                out.append(facts[i].text)
                break
            continue
        out.append(facts[i].text)
        used += n
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--methods", default=",".join(METHODS), help="comma-separated methods")
    parser.add_argument("--clusters", type=int, default=0, help="use only the first N clusters")
    parser.add_argument("--words", type=int, default=LIMIT, help="word budget")
    parser.add_argument("--show", action="store_true", help="print each briefgen summary")
    parser.add_argument("--pipeline", action="store_true",
                        help="build facts with the whole pipeline (cleaning included), as duc.py does")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.clusters:
        rows = rows[: args.clusters]
    tokenize = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)._tokenizer.tokenize
    split_name, split = _splitter()
    dedupe_name, dedupe = _deduper()
    docs = [articles(r["docs"]) for r in rows]
    clusters = ([pipeline_facts(d) for d in docs] if args.pipeline
                else [build_facts(d, split, dedupe) for d in docs])
    if args.pipeline:
        split_name, dedupe_name = "briefgen.pipeline.analyse (clean, segment)", "briefgen.pipeline.analyse"
    print(f"Multi-News validation: {len(rows)} clusters, sentences: {split_name}, facts: {dedupe_name}, "
          f"budget {args.words} words, summaries and reference cut to {args.words}; out of domain "
          f"(nothing fitted here)")
    reach = sum(min(args.words, sum(word_count(f.text) for f in facts if not dangling(f.text))) / args.words
                for facts in clusters) / len(rows)
    print(f"reach %: {100 * reach:.1f} (the budget share that stand-alone sentences could fill at most)")
    print(f"{'method':<18} {'R-1':>6} {'R-2':>6} {'fill %':>7} {'s/cluster':>10}  stand-alone")
    for method in [m.strip() for m in args.methods.split(",") if m.strip()]:
        r1 = r2 = fill = seconds = 0.0
        sentences: list[str] = []
        for row, article, facts in zip(rows, docs, clusters, strict=True):
            t0 = time.perf_counter()
            if method == "briefgen":
                picked = select(facts, words=args.words)
                chosen = [f.text for f in picked]
            elif method == "lead":
                first = [f for f in build_facts(article[:1], split, None)]
                chosen = [f.text for f in first]
            elif method.startswith("lexrank"):
                chosen = lexrank(facts, args.words, method == "lexrank-fill", method == "lexrank-standalone")
            else:
                raise SystemExit(f"unknown method {method!r}")
            seconds += time.perf_counter() - t0
            summary = " ".join(chosen)
            if method == "lead":
                # The sentences the cut keeps (a cut one counts: its words are in the summary).
                kept, used = [], 0
                for s in chosen:
                    if used >= args.words:
                        break
                    kept.append(s)
                    used += word_count(s)
                chosen = kept
            # briefgen prints a leaning sentence only after its antecedent: judge the passage.
            sentences.extend(passages(picked) if method == "briefgen" else chosen)
            if args.show and method == "briefgen":
                print(f"--- {row['id']}\n" + "\n".join(chosen))
            a, b = recall(tokenize, summary, row["refs"][0], args.words)
            r1 += a
            r2 += b
            fill += min(word_count(summary), args.words) / args.words
        n = len(rows)
        seen, bad, rules = count(sentences)
        print(f"{method:<18} {r1 / n:6.2f} {r2 / n:6.2f} {100 * fill / n:6.1f}% {seconds / n:10.3f}  "
              f"{report(seen, bad, rules)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
