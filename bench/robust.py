"""Odd text: how far summaries fall when the same articles come lower-cased, unparagraphed or truncated.

News from other sources does not always look like a wire feed: scraped pages
lose their paragraph breaks, some feeds print everything in lower case, and
excerpts stop mid-word. This bench takes the articles of DUC 2003 (read from
``../shared/bench/duc2003.jsonl``, through the full pipeline as
``briefgen.summarize`` reads them: clean, segment, merge) and of the first
``--multinews`` Multi-News validation clusters (as ``bench/multinews.py`` reads
them), changes every article in one way, and scores the summaries as the two
benches do (ROUGE-1/2 recall; strict budgets of 100 and 260 words):

* ``as printed``: the articles unchanged;
* ``lower-cased``: every character in lower case, paragraph breaks kept;
* ``one line``: every run of white space, paragraph breaks too, one space;
* ``lower-cased, one line``: both;
* ``truncated``: each article cut at 60% of its characters, mid-word;
* ``hard-wrapped``: every paragraph's lines broken at 70 characters, as plain-text mail and
  wire feeds print them (``textwrap``, breaking at spaces only), blank lines between paragraphs;
* ``hard-wrapped, no blank lines``: the whole article wrapped as one run of lines.

A cluster in which the pipeline finds no sentence at all scores as an empty summary.

The settings are the shipped ones (``Params`` defaults, fitted on DUC 2003), so
its absolute figures are in-sample for DUC 2003; what the bench measures is the
fall from the first row, which nothing was fitted on. The truncated row loses
the words cut, so part of its fall is the text's, not the tool's. Figures are
in bench/RESULTS.md (Summary quality).

Usage::

    python bench/robust.py                    # both sets, every variant
    python bench/robust.py --multinews 0      # DUC 2003 only
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from duc import DATA as DUC  # noqa: E402
from duc import pipeline_facts  # noqa: E402
from duc import recall as duc_recall  # noqa: E402
from multinews import DATA as MULTINEWS  # noqa: E402
from multinews import articles  # noqa: E402
from multinews import recall as mn_recall  # noqa: E402
from rouge_score import rouge_scorer  # noqa: E402

from briefgen.errors import InputError  # noqa: E402
from briefgen.select.choice import select  # noqa: E402
from briefgen.select.selector import word_count  # noqa: E402

# Where an article is cut in the truncated variant: 60% of its characters, so that most of its
# lead and body survive and the cut falls inside a sentence, as an excerpt's does.
CUT = 0.6


# The width the wrapped variants break lines at: plain-text mail's and textwrap's default.
WRAP = 70


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _wrapped(text: str) -> str:
    return "\n\n".join(textwrap.fill(_one_line(p), WRAP, break_on_hyphens=False)
                       for p in re.split(r"\n\s*\n", text) if p.strip())


VARIANTS: dict[str, Callable[[str], str]] = {
    "as printed": lambda text: text,
    "lower-cased": str.lower,
    "one line": _one_line,
    "lower-cased, one line": lambda text: _one_line(text).lower(),
    "truncated": lambda text: text[: int(len(text) * CUT)],
    "hard-wrapped": _wrapped,
    "hard-wrapped, no blank lines": lambda text: textwrap.fill(_one_line(text), WRAP, break_on_hyphens=False),
}


Score = Callable[[str, Sequence[str]], tuple[float, float]]


def _score(clusters: Sequence[tuple[Sequence[str], Sequence[str]]], change: Callable[[str], str],
           words: int, score: Score) -> tuple[float, float, float]:
    r1 = r2 = fill = 0.0
    for docs, refs in clusters:
        try:
            chosen = select(pipeline_facts([change(d) for d in docs]), words=words, overflow=False)
        except InputError:  # no sentence found at all: an empty summary, scored as one
            chosen = []
        summary = " ".join(f.text for f in chosen)
        a, b = score(summary, refs)
        r1, r2, fill = r1 + a, r2 + b, fill + min(word_count(summary), words) / words
    n = len(clusters)
    return r1 / n, r2 / n, 100 * fill / n


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--multinews", type=int, default=100,
                        help="how many Multi-News validation clusters, the first ones (0: none)")
    args = parser.parse_args(argv)
    import logging

    logging.disable(logging.WARNING)  # the pipeline's warnings about single clusters, not the figures
    tokenize = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)._tokenizer.tokenize
    duc = [(r["docs"], r["refs"]) for r in map(json.loads, DUC.read_text(encoding="utf-8").splitlines())]
    sets = [("DUC 2003, 100 words", duc, 100, lambda s, refs: duc_recall(tokenize, s, refs))]
    if args.multinews:
        lines = MULTINEWS.read_text(encoding="utf-8").splitlines()[: args.multinews]
        rows = [json.loads(line) for line in lines]
        mn = [(articles(r["docs"]), r["refs"]) for r in rows]
        sets.append((f"Multi-News, first {len(mn)} clusters, 260 words", mn, 260,
                     lambda s, refs: mn_recall(tokenize, s, refs[0], 260)))
    for title, clusters, words, score in sets:
        print(f"{title}\n{'articles':<29} {'R-1':>6} {'R-2':>6} {'fill %':>7}")
        base = None
        for name, change in VARIANTS.items():
            r1, r2, fill = _score(clusters, change, words, score)
            base = base or r1
            print(f"{name:<29} {r1:6.2f} {r2:6.2f} {fill:6.1f}%   ({r1 - base:+.2f} R-1)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
