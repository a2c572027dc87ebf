"""ROUGE on DUC 2003 task 2: briefgen's selector against every sumy ranker.

Reads ``../shared/bench/duc2003.jsonl`` (relative to the repository root) and
follows the protocol in ``../shared/bench/README.md``: system summaries and
references cut to 100 whitespace words, ROUGE-1/2 recall with the
``rouge-score`` tokenizer (lower case, alphanumerics, Porter stems, stop words
kept), matched n-gram counts summed over the four references and divided by
the references' n-gram counts, then averaged over the 30 clusters.

Usage::

    python bench/duc.py                      # every method
    python bench/duc.py --methods briefgen   # iterate on the default selector
    python bench/duc.py --strict             # summaries within the budget, not filled past it
    python bench/duc.py --skip 15            # the second half only (--clusters 15: the first)
    python bench/duc.py --cv --strict        # held-out figures: 5-fold cross-validation

Cross-validation (``--cv``). The selector's parameters were fitted on these
very clusters, so the plain run is in-sample. ``--cv`` reports held-out
figures instead. The 30 clusters, in the order of their ids (the file's
order), go to fold ``position % 5``: fold 0 holds d30003t, d30020t, d30042t,
d31001t, d31011t, d31031t; fold 1 the next one in each run of five, and so
on. For each fold, every fitted quantity is chosen on the other four folds
only, by the procedure in :func:`search` (and, for the concept model, the fit
in :mod:`bench.concepts` on those folds' reference summaries); the fifth
fold is then scored with what was chosen. The headline is the mean of the
five folds' scores (each cluster is scored exactly once). The in-sample line
beside it scores the shipped defaults on all 30 clusters. ``--cv
--no-search`` keeps the given Params (the defaults, chosen without data) and
fits only the concept model per fold: the held-out score of the shipped
selector as it stands.

By default each summary fills the budget, as the protocol's cut at 100 words
expects (sumy, behind the reference figures in ``../shared/bench/README.md``,
picks a number of sentences, not words, so its summaries run past the cut):
``select(..., overflow=True)``, what ``briefgen.summarize(..., fill=True)`` and
``briefgen summarize --fill`` print, adds one sentence past the budget, which
the cut then trims. ``--strict`` keeps every summary within the budget, as
``summarize`` does by default and the memo always does.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rouge_score import rouge_scorer  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from standalone import count, passages, report  # noqa: E402

from briefgen.model import Fact, Sentence, Source  # noqa: E402
from briefgen.select.choice import METHODS, select  # noqa: E402
from briefgen.select.selector import COUNTS, DEFAULT, Params  # noqa: E402
from briefgen.text.datelines import caption_before, lead_in_end  # noqa: E402

DATA = ROOT.parent / "shared" / "bench" / "duc2003.jsonl"
LIMIT = 100
# AP/NYT datelines ("LONDON (AP) _ ", "NEW YORK _ ") open the first paragraph;
# the project's cleaner drops them, so the benchmark does too.
DATELINE = re.compile(r"^[A-Z][A-Za-z .,'&-]*?(?:\s*\([A-Za-z ]+\))?\s+_\s+")


def _splitter() -> tuple[str, Callable[[str], list[str]]]:
    """The project's sentence splitter if it exists, else pysbd, else a regex."""
    try:
        from briefgen.text.sentences import split_sentences  # type: ignore[attr-defined]

        return "briefgen.text.sentences", split_sentences
    except ImportError:
        pass
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        return "pysbd", lambda text: [s.strip() for s in seg.segment(text) if s.strip()]
    except ImportError:
        rx = re.compile(r"(?<=[.!?][\"')\]]?)\s+(?=[\"'(\[]?[A-Z])")
        return "regex", lambda text: [s.strip() for s in rx.split(text) if s.strip()]


def _deduper() -> tuple[str, Callable[[list[Sentence], list[Source]], list[Fact]] | None]:
    try:
        from briefgen.facts.merge import cluster  # type: ignore[attr-defined]

        return "briefgen.facts.merge", cluster
    except ImportError:
        return "none (one fact per sentence)", None


def build_facts(docs: Sequence[str], split: Callable[[str], list[str]],
                dedupe: Callable[[list[Sentence], list[Source]], list[Fact]] | None) -> list[Fact]:
    """Sources, sentences and facts for one cluster."""
    sources: list[Source] = []
    sentences: list[Sentence] = []
    for d, doc in enumerate(docs):
        sid = f"d{d + 1}"
        sources.append(Source(id=sid, origin=sid, text=doc, outlet="DUC", title=sid))
        index = 0
        paragraphs = [p for p in re.split(r"\n\s*\n", doc) if p.strip()]
        for pi, para in enumerate(paragraphs):
            text = " ".join(para.split())
            if pi == 0:
                text = DATELINE.sub("", text)
            # As the pipeline's segmenter does: run-in furniture and a dateline opening a block (a
            # place's dateline at the story's start) are no part of a sentence.
            text = text[lead_in_end(text, story_start=pi == 0):]
            for k, sent in enumerate(split(text)):
                if k and caption_before(sentences[-1].text, sent):  # a photo's caption, before its credit
                    sentences.pop()
                    index -= 1
                sentences.append(Sentence(text=" ".join(sent.split()), source_id=sid, index=index,
                                          start=0, end=len(sent), paragraph=pi))
                index += 1
    if dedupe is not None:
        return list(dedupe(sentences, sources))
    return [Fact(id=f"f{i}", text=s.text, sentences=(s,), sources=(s.source_id,))
            for i, s in enumerate(sentences)]


def pipeline_facts(docs: Sequence[str]) -> list[Fact]:
    """Facts as ``briefgen.summarize`` builds them: clean, split and merge with the project's stages
    (none for a cluster whose texts hold no article prose, which the pipeline refuses)."""
    from briefgen.pipeline import analyse

    sources = [Source(id=f"s{d + 1}", origin=f"d{d + 1}", text=doc, outlet="DUC", title="")
               for d, doc in enumerate(docs)]
    from briefgen.errors import InputError

    try:
        return list(analyse(sources=sources).facts)
    except InputError:  # nothing the cleaner keeps as article prose
        return []


def _ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def recall(tokenize: Callable[[str], list[str]], summary: str, refs: Sequence[str]) -> tuple[float, float]:
    """ROUGE-1 and ROUGE-2 recall pooled over the references (ROUGE-1.5.5 -m -l 100 -f A)."""
    sys_tokens = tokenize(" ".join(summary.split()[:LIMIT]))
    out = []
    for n in (1, 2):
        peer = _ngrams(sys_tokens, n)
        hit = total = 0
        for ref in refs:
            model = _ngrams(tokenize(" ".join(ref.split()[:LIMIT])), n)
            hit += sum(min(c, peer[g]) for g, c in model.items())
            total += sum(model.values())
        out.append(100.0 * hit / total if total else 0.0)
    return out[0], out[1]


FOLDS = 5
# The search: coordinate ascent over these values of each Params field, in
# this order, from the first value of each (a data-free start: no bonus, the
# textbook concept thresholds), keeping a change only if it raises the mean
# R-1 + R-2 (strict budget as asked) over the training clusters; passes
# repeat until one changes nothing (at most MAX_PASSES).
# SEARCH serves the source-count concept weights (``Params(learnt=False)``),
# LEARNT_SEARCH the learnt concept model, which leaves the count fields idle.
SEARCH: tuple[tuple[str, tuple[object, ...]], ...] = (
    ("min_df", (3, 2, 4)),
    ("unigram_min_df", (3, 2, 4, 5)),
    ("unigrams", (0.5, 0.0, 0.25, 1.0)),
    ("concept_position", (0.0, 1.0, 2.0, 4.0, 8.0)),
    ("concept_decay", (3.0, 1.0, 2.0, 5.0)),
    ("position", (0.0, 0.1, 0.25, 0.5, 1.0)),
    ("position_decay", (2.0, 1.0, 4.0)),
    ("corroboration", (0.0, 1.0, 2.0, 4.0, 8.0)),
    ("quotes", (0.0, 0.5, 1.0, 2.0)),
    ("redundancy", (0.6, 0.5, 0.8)),
    ("min_words", (8, 5, 10, 12)),
)
LEARNT_SEARCH: tuple[tuple[str, tuple[object, ...]], ...] = (
    ("unigrams", (1.0, 0.5, 0.25)),
    ("threshold", (0.1, 0.05, 0.2)),
    ("position", (0.0, 0.1, 0.25, 0.5, 1.0)),
    ("position_decay", (2.0, 1.0, 4.0)),
    ("corroboration", (0.0, 1.0, 2.0, 4.0, 8.0)),
    ("quotes", (0.0, 0.5, 1.0, 2.0)),
    ("redundancy", (0.6, 0.5, 0.8)),
    ("min_words", (8, 5, 10, 12)),
)
MAX_PASSES = 3


def grid(params: Params) -> tuple[tuple[str, tuple[object, ...]], ...]:
    return LEARNT_SEARCH if params.learnt else SEARCH


class Scorer:
    """ROUGE of the briefgen selector per (params, cluster), each computed once."""

    def __init__(self, clusters: Sequence[Sequence[Fact]], refs: Sequence[Sequence[str]], words: int,
                 strict: bool) -> None:
        self.clusters, self.refs, self.words, self.strict = clusters, refs, words, strict
        self.tokenize = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)._tokenizer.tokenize
        self.memo: dict[tuple[Params, int], tuple[float, float]] = {}

    def __call__(self, params: Params, k: int) -> tuple[float, float]:
        key = (params, k)
        if key not in self.memo:
            chosen = select(self.clusters[k], words=self.words, params=params, overflow=not self.strict)
            self.memo[key] = recall(self.tokenize, " ".join(f.text for f in chosen), self.refs[k])
        return self.memo[key]

    def mean(self, params: Params, ks: Sequence[int]) -> tuple[float, float]:
        scores = [self(params, k) for k in ks]
        return (sum(a for a, _ in scores) / len(ks), sum(b for _, b in scores) / len(ks))


def search(score: Scorer, train: Sequence[int], base: Params) -> Params:
    """Params chosen on ``train`` alone by coordinate ascent over :data:`SEARCH` from its first values."""
    space = grid(base)
    current = replace(base, **{name: values[0] for name, values in space})
    best = sum(score.mean(current, train))
    for _ in range(MAX_PASSES):
        moved = False
        for name, values in space:
            for value in values:
                trial = replace(current, **{name: value})
                if trial == current:
                    continue
                got = sum(score.mean(trial, train))
                if got > best + 1e-9:
                    current, best, moved = trial, got, True
        if not moved:
            break
    return current


def folds(n: int) -> list[list[int]]:
    """Cluster positions of each fold: position ``i`` goes to fold ``i % FOLDS``."""
    return [[i for i in range(n) if i % FOLDS == f] for f in range(FOLDS)]


def cross_validate(score: Scorer, base: Params = DEFAULT, verbose: bool = True,
                   searching: bool = True, only: Sequence[int] = ()) -> tuple[float, float]:
    """Mean over folds of each held-out fold's R-1 and R-2, every parameter chosen on the other folds.

    With the learnt concept model, the model too is fitted on the training
    folds' clusters and reference summaries alone, before the search.
    """
    n = len(score.clusters)
    per_fold = []
    data = []
    if base.learnt:
        from concepts import examples, fit

        data = [examples(facts, refs, base.background) for facts, refs in zip(score.clusters, score.refs,
                                                                                 strict=True)]
    for f, test in enumerate(folds(n)):
        if only and f not in only:
            continue
        train = [i for i in range(n) if i not in set(test)]
        t0 = time.perf_counter()
        fold_base = replace(base, model=fit([data[i] for i in train])) if base.learnt else base
        chosen = search(score, train, fold_base) if searching else fold_base
        r1, r2 = score.mean(chosen, test)
        t1, t2 = score.mean(chosen, train)
        per_fold.append((r1, r2))
        if verbose:
            changed = {name: getattr(chosen, name) for name, _ in grid(base)}
            print(f"fold {f}: held-out R-1 {r1:6.2f} R-2 {r2:6.2f}  (train {t1:6.2f} {t2:6.2f}; "
                  f"{time.perf_counter() - t0:5.0f} s) {changed}", flush=True)
    return (sum(a for a, _ in per_fold) / len(per_fold), sum(b for _, b in per_fold) / len(per_fold))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--methods", default=",".join(METHODS.names()),
                        help="comma-separated methods (default: all)")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N clusters")
    parser.add_argument("--clusters", type=int, default=0,
                        help="use only the first N clusters (after --skip)")
    parser.add_argument("--words", type=int, default=LIMIT, help="word budget given to the selector")
    parser.add_argument("--kl-cap", type=int, default=100,
                        help="sumy kl sees only this many sentences (earliest first in each article)")
    parser.add_argument("--show", action="store_true", help="print each briefgen summary")
    parser.add_argument("--strict", action="store_true",
                        help="keep each summary within the budget instead of filling it past the end")
    parser.add_argument("--pipeline", action="store_true",
                        help="build facts with the whole pipeline (cleaning included) instead of "
                             "paragraphs, dateline removal, the splitter and deduplication")
    parser.add_argument("--counts", action="store_true",
                        help="the selector before the learnt concept model (briefgen.select.COUNTS)")
    parser.add_argument("--no-background", action="store_true",
                        help="the learnt model without wordfreq's word frequencies")
    parser.add_argument("--no-search", action="store_true",
                        help="with --cv: keep the Params as given; only the concept model is fitted per fold")
    parser.add_argument("--folds", default="",
                        help="with --cv: run only these folds (comma-separated), e.g. one per process")
    parser.add_argument("--cv", action="store_true",
                        help=f"{FOLDS}-fold cross-validation of the briefgen selector (see the module docs)")
    args = parser.parse_args(argv)

    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = rows[args.skip:]
    if args.clusters:
        rows = rows[: args.clusters]
    tokenize = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)._tokenizer.tokenize
    if args.pipeline:
        clusters = [pipeline_facts(r["docs"]) for r in rows]
        how = "facts: briefgen.pipeline.analyse (clean, segment, dedupe)"
    else:
        split_name, split = _splitter()
        dedupe_name, dedupe = _deduper()
        clusters = [build_facts(r["docs"], split, dedupe) for r in rows]
        how = f"datelines dropped, sentences: {split_name}, facts: {dedupe_name}"
    methods = [m.strip() for m in args.methods.split(",") if m.strip()]
    base = COUNTS if args.counts else replace(DEFAULT, background=not args.no_background)
    fill = "strict budget" if args.strict else "filled past the budget"
    if args.cv:
        score = Scorer(clusters, [r["refs"] for r in rows], args.words, args.strict)
        print(f"DUC 2003: {len(rows)} clusters, {how}, budget {args.words} words ({fill}), "
              f"{FOLDS}-fold cross-validation")
        only = [int(f) for f in args.folds.split(",") if f.strip()]
        r1, r2 = cross_validate(score, base, searching=not args.no_search, only=only)
        if only:
            print(f"folds {only} only: mean held-out R-1 {r1:6.2f} R-2 {r2:6.2f}")
            return 0
        i1, i2 = score.mean(base, range(len(rows)))
        print(f"briefgen  {FOLDS}-fold CV (held out): R-1 {r1:6.2f} R-2 {r2:6.2f}   "
              f"in-sample (shipped defaults, all {len(rows)}): R-1 {i1:6.2f} R-2 {i2:6.2f}", flush=True)
        if args.no_search:
            return 0
        # The same search on every cluster: what the shipped defaults should be (in-sample).
        everything = list(range(len(rows)))
        fitted = search(score, everything, base)
        f1, f2 = score.mean(fitted, everything)
        print(f"search on all {len(rows)} (in-sample): R-1 {f1:6.2f} R-2 {f2:6.2f} "
              f"{ {name: getattr(fitted, name) for name, _ in grid(base)} }")
        return 0
    print(f"DUC 2003: {len(rows)} clusters, {how}, budget {args.words} words ({fill}), "
          f"summaries cut to {LIMIT}")
    print(f"{'method':<10} {'R-1':>6} {'R-2':>6} {'s/cluster':>10}  note")
    for method in methods:
        r1 = r2 = seconds = 0.0
        note = ""
        texts: list[str] = []
        used = 0
        for row, facts in zip(rows, clusters, strict=True):
            if method == "kl" and len(facts) > args.kl_cap:
                facts = sorted(facts, key=lambda f: (f.representative.index, f.representative.source_id))
                facts = facts[: args.kl_cap]
                note = f"sumy kl capped at the {args.kl_cap} earliest sentences (quadratic)"
            t0 = time.perf_counter()
            chosen = select(facts, words=args.words, method=method, overflow=not args.strict, params=base)
            seconds += time.perf_counter() - t0
            summary = " ".join(f.text for f in chosen)
            # A leaning sentence prints only after its antecedent: the rules judge the passage.
            texts.extend(passages(chosen))
            used += sum(len(f.text.split()) for f in chosen)
            if args.show and method == "briefgen":
                print(f"--- {row['id']}\n{summary}")
            a, b = recall(tokenize, summary, row["refs"])
            r1 += a
            r2 += b
        n = len(rows)
        if method == "lexrank":
            note = "vectorised, same ranking as sumy LexRank"
        print(f"{method:<10} {r1 / n:6.2f} {r2 / n:6.2f} {seconds / n:10.3f}  {note}", flush=True)
        print(f"{'':<10} {used / n:.1f} words a summary; {report(*count(texts))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
