"""Why briefgen's Multi-News summaries leave words of their budget unused: a table of causes.

For every validation cluster of ``bench/multinews.py`` (same sentences, same
facts, same 260-word budget) the words the summary leaves unused are put down
to the first of these, in this order, that explains them:

1. ``sources``: the cluster's sentences hold fewer words than the budget;
2. ``broken: <test>``: sentences that are not whole
   (:func:`briefgen.select.standalone.broken_rule`: cut off, a glued heading,
   a dateline, page furniture);
3. ``leans: <why>``: whole sentences that lean on the one before
   (:func:`briefgen.select.standalone.leaning_rule`) and may not come with it:
   no antecedent (the first sentence of an article, or one merged into a fact
   that prints another text) or a broken one, here or further back;
4. ``length``: sentences outside the selector's ``min_words``/``max_words``;
5. the selection itself: ``redundant`` (the words left are in sentences that
   repeat a chosen one), ``packing`` (another choice of the same
   non-repeating sentences would fill more: long ones left too little room),
   ``unfilled`` (a non-repeating sentence still fits and was not taken).

Each step's loss is the fall in the most the allowed sentences could fill
(a subset sum within the budget, a leaning sentence counted with its
antecedents), so the causes add up to the words left unused. Within a
group the tests are taken away one by one in the order listed, so a
sentence refused by two counts under the first. ``--marginal`` adds, per
test (each broken test and each leaning rule), how much the most the
sentences could fill would rise if that test alone were lifted: its
sentences allowed alone, every other test kept.

Usage::

    python bench/fillgap.py                # the table
    python bench/fillgap.py --samples 20   # and 20 refused sentences per test that bench/standalone.py passes
    python bench/fillgap.py --pairs 20     # and 20 sentences refused as repeats, each with the chosen one
    python bench/fillgap.py --marginal     # and what lifting each test alone would make possible
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from duc import _deduper, _splitter, build_facts  # noqa: E402
from multinews import DATA, LIMIT, articles  # noqa: E402
from standalone import violations  # noqa: E402

from briefgen.model import Fact  # noqa: E402
from briefgen.select.choice import choose  # noqa: E402
from briefgen.select.params import DEFAULT  # noqa: E402
from briefgen.select.selector import content_of, merger_linked, redundant, repeats, word_count  # noqa: E402
from briefgen.select.standalone import broken_rule, leaning_rule  # noqa: E402
from briefgen.select.units import antecedent_of, needs  # noqa: E402

BROKEN = ("unfinished", "colon", "heading", "dateline", "furniture", "address", "profane")
LEAN_WHY = ("no antecedent", "antecedent broken")


def reach(units: Sequence[int], budget: int) -> int:
    """The most words a subset of ``units`` (word counts) can fill within ``budget``."""
    sums = 1
    mask = (1 << (budget + 1)) - 1
    for n in units:
        if 0 < n <= budget:
            sums = (sums | (sums << n)) & mask
    return sums.bit_length() - 1


def why_refused(k: int, facts: Sequence[Fact], ante: Sequence[int | None]) -> str:
    """Why a whole leaning fact may not come with its antecedents (:func:`briefgen.select.units.needs`)."""
    seen = {k}
    at = k
    while leaning_rule(facts[at].text):
        nxt = ante[at]
        if nxt is None or nxt in seen:
            return "no antecedent"
        if broken_rule(facts[nxt].text):
            return "antecedent broken"
        seen.add(nxt)
        at = nxt
    return "no antecedent"


class Cluster:
    """One cluster's facts, what each needs, and the summary briefgen chose."""

    def __init__(self, facts: list[Fact], budget: int) -> None:
        self.facts = facts
        self.budget = budget
        self.lengths = [word_count(f.text) for f in facts]
        self.need = needs(facts)
        self.ante = antecedent_of(facts)
        self.broken = [broken_rule(f.text) for f in facts]
        self.chosen = list(choose(facts, words=budget).chosen)
        self.used = sum(self.lengths[i] for i in self.chosen)
        self.refused = {k: why_refused(k, facts, self.ante) for k in range(len(facts))
                        if self.need[k] is None and self.broken[k] is None}

    def repeated(self) -> list[tuple[str, str, str]]:
        """Eligible facts left out as repeats: (why, the chosen fact's text, the refused fact's text).

        Why is ``overlap`` (content cosine past the redundancy threshold),
        ``link`` (the merger linked them and they share ``link_share`` of
        their terms) or ``toll`` (one toll).
        """
        chosen = set(self.chosen)
        out = []
        for k in range(len(self.facts)):
            if k in chosen or self.need[k] is None or not self.sized(k):
                continue
            for c in self.chosen:
                a, b = self.facts[c], self.facts[k]
                if not repeats(a, b):
                    continue
                why = ("overlap" if redundant(content_of(a.text), content_of(b.text), DEFAULT.redundancy)
                       else "link" if merger_linked(a, b) else "toll")
                out.append((why, a.text, b.text))
                break
        return out

    def unit(self, k: int) -> int:
        """Words of fact ``k`` with the antecedents it needs."""
        return self.lengths[k] + sum(self.lengths[j] for j in self.need[k] or ())

    def sized(self, k: int) -> bool:
        p = DEFAULT
        return p.min_words <= self.lengths[k] <= p.max_words and any(c.islower() for c in self.facts[k].text)

    def fill(self, allowed: Callable[[int], bool], units: bool = True) -> int:
        """The most the allowed facts fill (a leaning one with its antecedents, when ``units``)."""
        ks = [k for k in range(len(self.facts)) if allowed(k)]
        if not units:
            return self.reach([self.lengths[k] for k in ks])
        # All the allowed facts and their antecedents, if they fit; a leaning fact counted with
        # its antecedents otherwise (an antecedent that is also allowed alone may then count twice,
        # which matters only when the words exceed the budget anyway).
        every = set(ks).union(*(self.need[k] or () for k in ks))
        return min(sum(self.lengths[k] for k in every), self.reach([self.unit(k) for k in ks]))

    def reach(self, sizes: Sequence[int]) -> int:
        return reach(sizes, self.budget)

    def refused_by(self, k: int) -> str | None:
        """The one test that keeps fact ``k`` out: its broken test, or the leaning rule of a leaning
        fact that may not come with its antecedents."""
        if self.broken[k] is not None:
            return self.broken[k]
        return leaning_rule(self.facts[k].text) if k in self.refused else None

    def marginal(self) -> Counter[str]:
        """Per test, how much more the allowed facts could fill with that test alone lifted."""
        def allowed(k: int) -> bool:
            return self.need[k] is not None and self.sized(k)

        base = self.fill(allowed)
        out: Counter[str] = Counter()
        for test in sorted({t for k in range(len(self.facts)) if (t := self.refused_by(k))}):
            out[test] = self.fill(lambda k, t=test: allowed(k) or (  # type: ignore[misc]
                self.sized(k) and self.refused_by(k) == t)) - base
        return out

    def losses(self) -> list[tuple[str, int]]:
        """The unused words of this cluster's summary, by cause (see the module docs)."""
        out: list[tuple[str, int]] = []
        prev = min(self.budget, self.fill(lambda k: True, units=False))
        out.append(("sources", self.budget - prev))
        gone: set[str] = set()
        for rule in BROKEN:
            gone.add(rule)
            now = self.fill(lambda k: self.broken[k] not in gone, units=False)
            out.append((f"broken: {rule}", prev - now))
            prev = now
        gone_why: set[str] = set()
        for why in LEAN_WHY:
            gone_why.add(why)
            now = self.fill(lambda k: self.broken[k] is None and self.refused.get(k) not in gone_why)
            out.append((f"leans: {why}", prev - now))
            prev = now
        now = self.fill(lambda k: self.need[k] is not None and self.sized(k))
        out.append(("length", prev - now))
        prev = now
        chosen = set(self.chosen)
        free = [k for k in range(len(self.facts)) if k not in chosen and self.need[k] is not None
                and self.sized(k) and not any(repeats(self.facts[j], self.facts[c])
                                                for j in (k, *(self.need[k] or ())) for c in chosen)]
        best = self.reach([self.lengths[c] for c in chosen] + [self.unit(k) for k in free])
        best = max(best, self.used)
        out.append(("redundant", max(prev - best, 0)))
        slack = self.budget - self.used
        fits = [self.unit(k) for k in free if self.unit(k) <= slack]
        unfilled = reach(fits, slack)
        out.append(("packing", max(best - self.used - unfilled, 0)))
        out.append(("unfilled", unfilled))
        return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clusters", type=int, default=0, help="use only the first N clusters")
    parser.add_argument("--words", type=int, default=LIMIT, help="word budget")
    parser.add_argument("--samples", type=int, default=0,
                        help="print this many refused sentences per test that bench/standalone.py passes")
    parser.add_argument("--pairs", type=int, default=0,
                        help="print this many sentences refused as repeats, each with the chosen one")
    parser.add_argument("--seed", type=int, default=0, help="seed for drawing the samples")
    parser.add_argument("--marginal", action="store_true",
                        help="also print, per test, what lifting that test alone would make possible")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.clusters:
        rows = rows[: args.clusters]
    _, split = _splitter()
    _, dedupe = _deduper()
    totals: Counter[str] = Counter()
    under = 0
    refused_words: Counter[str] = Counter()
    passing: dict[str, list[str]] = defaultdict(list)
    repeated: list[tuple[str, str, str]] = []
    lifted: Counter[str] = Counter()
    for row in rows:
        c = Cluster(build_facts(articles(row["docs"]), split, dedupe), args.words)
        under += c.used < 0.95 * args.words
        for cause, words in c.losses():
            totals[cause] += words
        if args.pairs:
            repeated.extend(c.repeated())
        if args.marginal:
            lifted.update(c.marginal())
        for k, f in enumerate(c.facts):
            rule = c.broken[k] or (leaning_rule(f.text) if k in c.refused else None)
            if rule is None:
                continue
            refused_words[rule] += c.lengths[k]
            if not violations(f.text):
                passing[rule].append(f.text)
    lost = sum(totals.values())
    n = len(rows)
    print(f"{n} clusters, budget {args.words}: {lost} words unused ({100 * lost / (n * args.words):.1f}% of "
          f"all budgets; fill {100 - 100 * lost / (n * args.words):.1f}%); {under} clusters below 95%")
    print(f"{'cause':<28} {'words':>7} {'fill pts':>9}")
    for cause, words in totals.items():
        print(f"{cause:<28} {words:>7} {100 * words / (n * args.words):>9.2f}")
    print("\nWords of refused sentences (all clusters), by test; and how many of them "
          "bench/standalone.py passes:")
    for rule, words in refused_words.most_common():
        print(f"  {rule:<24} {words:>6} words, {len(passing[rule]):>4} sentences pass the independent check")
    if args.marginal:
        print("\nWith one test alone lifted (its sentences allowed alone, every other test kept), the most "
              "the sentences could fill rises by:")
        for rule, words in lifted.most_common():
            print(f"  {rule:<24} {words:>6} words {100 * words / (n * args.words):>6.2f} fill pts")
    if args.samples:
        rng = random.Random(args.seed)
        for rule, texts in sorted(passing.items()):
            print(f"\n== {rule}: {len(texts)} pass bench/standalone.py")
            for t in rng.sample(texts, min(args.samples, len(texts))):
                print("  -", t)
    if args.pairs:
        why = Counter(w for w, _, _ in repeated)
        print(f"\n== refused as repeats: {len(repeated)} sentences ("
              + ", ".join(f"{w} {n}" for w, n in why.most_common()) + ")")
        rng = random.Random(args.seed)
        for w, chosen, refused in rng.sample(repeated, min(args.pairs, len(repeated))):
            print(f"  [{w}] chosen:  {chosen}\n         refused: {refused}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
