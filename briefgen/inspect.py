"""What briefgen made of its inputs, as plain data for ``briefgen inspect``.

Runs the pipeline once, as :func:`briefgen.build_briefing` does, and reports
from the same records the memo is built from: sources and metadata, lines
dropped with reasons, and for the bottom line and each section every
candidate fact with the score the selector ranked it by and whether the memo
prints it, then the facts that fit no section, and where sources differ (disagreements, figures
that changed, name variants).
"""

from __future__ import annotations

from typing import Any

from briefgen.model import Fact
from briefgen.pipeline import Input, Inputs, Part, Progress, TemplateArg, run
from briefgen.select.kinds import KindChoice
from briefgen.sources.limits import Limits

__all__ = ["inspect_data"]


def _fact(fact: Fact, score: float | None, chosen: bool) -> dict[str, Any]:
    return {"id": fact.id, "text": fact.text, "sources": list(fact.sources), "independent": fact.independent,
            "score": score, "chosen": chosen}


def _part(part: Part) -> dict[str, Any]:
    """A part's facts: the chosen ones in the order the memo prints them, then the rest by score."""
    chosen = set(part.choice.chosen)
    cands = part.choice.candidates
    rest = sorted((i for i in range(len(cands)) if i not in chosen),
                  key=lambda i: (-cands[i].score, cands[i].id))
    order = [*part.choice.chosen, *rest]
    return {"key": part.key, "title": part.title,
            "facts": [_fact(cands[i], cands[i].score, i in chosen) for i in order]}


def _kind(kind: KindChoice | None) -> dict[str, Any] | None:
    if kind is None:
        return None
    return {"chosen": kind.name, "reason": kind.reason, "facts": kind.facts,
            "fits": [{"name": f.name, "score": f.score, "evidence": f.evidence, "total": f.total,
                      "sections": dict(f.sections)} for f in kind.fits]}


def inspect_data(
    inputs: Inputs = None,
    *,
    template: TemplateArg = None,
    method: str | None = None,
    manifest: Input | None = None,
    strict: bool = False,
    progress: Progress | None = None,
    limits: Limits | None = None,
) -> dict[str, Any]:
    """Every stage's decisions on ``inputs`` as JSON-ready data.

    The facts marked ``chosen`` are exactly those the memo prints: the bottom
    line's, then each section's, with the scores they were chosen by.
    ``template_choice`` says how the template was chosen by fit (None when
    it was named).
    """
    done = run(inputs, template=template, method=method, manifest=manifest, strict=strict, progress=progress,
               limits=limits)
    found, selection = done.analysis, done.selection
    return {
        "template": done.template.name,
        "template_choice": _kind(done.kind),
        "catch_all": done.template.catch_all is not None,
        "method": done.method,
        "sources": [{"id": s.id, "origin": s.origin, "outlet": s.outlet, "title": s.title, "date": s.date,
                     "url": s.url, "provenance": s.provenance.as_dict()} for s in found.sources],
        "skipped": [{"origin": s.origin, "reason": s.reason} for s in found.skipped],
        "dropped": [{"source": d.source_id, "kind": d.kind, "reason": d.reason, "text": d.text}
                    for d in found.cleaned.dropped],
        "counts": {"sentences": len(found.sentences), "facts": len(found.facts)},
        "bluf": _part(selection.bluf),
        "sections": [_part(p) for p in selection.sections],
        "other": [_fact(f, None, False) for f in selection.other],
        "conflicts": [{"kind": c.shown_as, "topic": c.topic, "value_type": c.value_type,
                       "sides": [{"value": s.value, "time": s.time, "sources": list(s.sources)}
                                 for s in c.sides]}
                      for c in done.briefing.conflicts],
    }
