"""Does the bottom line's first bullet state the main news? Scored on hand-labelled clusters.

``bench/data/main_news.jsonl`` (see ``bench/data/main_news.md``) labels the
candidate sentences of 60 Multi-News validation clusters and 15 DUC 2003
clusters as ``main`` (states the central news), ``support`` or ``colour``.
This script briefs each cluster from ``../shared/bench/`` (the texts alone,
as ``briefgen.run(texts=...)`` does), then counts the clusters whose first
bottom-line bullet is a ``main`` sentence, with the bottom line as the memo
prints it, in the selector's score order, and ordered again by
:func:`briefgen.select.lead.lead_first` with leads of 1, 2 and 3 sentences; "any" counts the clusters
whose bottom line holds a ``main`` sentence anywhere, the most any order can
reach. A bullet the labels do not hold (the pipeline changed since they were
made) counts as not main and is reported.

Usage: ``python bench/main_news.py [--show]``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import briefgen.select.lead as lead  # noqa: E402
from briefgen.model import Fact  # noqa: E402
from briefgen.pipeline import run  # noqa: E402
from briefgen.select.choice import Choice  # noqa: E402
from briefgen.select.units import in_order  # noqa: E402

DATA = ROOT / "bench" / "data" / "main_news.jsonl"
SETS = {"multinews_val": ROOT.parent / "shared" / "bench" / "multinews_val.jsonl",
        "duc2003": ROOT.parent / "shared" / "bench" / "duc2003.jsonl"}


def _docs() -> dict[tuple[str, str], list[str]]:
    out = {}
    for name, path in SETS.items():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out[(name, row["id"])] = row["docs"]
    return out


class _Labels(dict[str, str]):
    """Labels by sentence text; a bullet the pipeline now prints shorter or longer (a dateline or
    page furniture cut off since the labels were made) takes the label of the sentence holding it."""

    def __missing__(self, text: str) -> str:
        for labelled, label in self.items():
            if text in labelled or labelled in text:
                return label
        raise KeyError(text)

    def get(self, text: str, default: str | None = None) -> str | None:  # type: ignore[override]
        try:
            return self[text]
        except KeyError:
            return default

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and self.get(text) is not None


def _score_order(candidates: Sequence[Fact], chosen: Sequence[int]) -> list[int]:
    return in_order(sorted(chosen, key=lambda i: (-candidates[i].score, i)), candidates)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true",
                        help="print each first bullet that is not the main news")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    labelled = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = _docs()
    shipped = lead.LEAD_SENTENCES
    orders: dict[str, Callable[[Sequence[Fact], Sequence[int], Sequence[Fact]], list[int]]] = {
        "as printed (shipped)": lambda cands, chosen, facts: list(chosen),
        "score order": lambda cands, chosen, facts: _score_order(cands, chosen)}
    for k in (1, 2, 3):
        def by_lead(cands: Sequence[Fact], chosen: Sequence[int], facts: Sequence[Fact],
                    k: int = k) -> list[int]:
            lead.LEAD_SENTENCES = k
            try:
                ranked = Choice(tuple(cands), tuple(_score_order(cands, chosen)))
                return list(lead.lead_first(ranked, facts).chosen)
            finally:
                lead.LEAD_SENTENCES = shipped
        orders[f"lead of {k}"] = by_lead
    counts = {name: {s: 0 for s in SETS} for name in orders}
    reach = dict.fromkeys(SETS, 0)
    total = dict.fromkeys(SETS, 0)
    unlabelled = 0
    for item in labelled:
        labels = _Labels({s["text"]: s["label"] for s in item["sentences"]})
        result = run(texts=docs[(item["set"], item["id"])])
        choice = result.selection.bluf.choice
        # The lead of each report is read among every fact, as the pipeline reads it.
        facts = result.analysis.facts
        if not choice.chosen:
            continue
        total[item["set"]] += 1
        unlabelled += sum(1 for f in choice.facts if f.text not in labels)
        reach[item["set"]] += any(labels.get(f.text) == "main" for f in choice.facts)
        for name, order in orders.items():
            first = choice.candidates[order(choice.candidates, choice.chosen, facts)[0]]
            hit = labels.get(first.text) == "main"
            counts[name][item["set"]] += hit
            if args.show and not hit and name.startswith("as printed"):
                print(f"{item['id']}: {labels.get(first.text, 'unlabelled')}: {first.text[:120]}")
    print(f"bottom line's first bullet states the main news (clusters; {unlabelled} bullets unlabelled)")
    print(f"{'order':<22}" + "".join(f"{s:>16}" for s in SETS) + f"{'all':>10}")
    for name, per in counts.items():
        cells = "".join(f"{per[s]:>10} of {total[s]:>3}" for s in SETS)
        print(f"{name:<22}{cells}{sum(per.values()):>6} of {sum(total.values())}")
    cells = "".join(f"{reach[s]:>10} of {total[s]:>3}" for s in SETS)
    print(f"{'any bullet (ceiling)':<22}{cells}{sum(reach.values()):>6} of {sum(total.values())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
