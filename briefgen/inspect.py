"""What briefgen made of its inputs, as plain data for ``briefgen inspect``.

Runs the same stages as :func:`briefgen.build_briefing` and reports every
intermediate decision: sources and metadata, lines dropped with reasons,
candidate facts per section with scores and source counts, and conflicts.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from briefgen.classify import OTHER, classify
from briefgen.config import Template, load_template
from briefgen.conflicts import find_conflicts
from briefgen.pipeline import Input, Progress, analyse
from briefgen.rank import score_facts
from briefgen.select import salience, select

__all__ = ["inspect_data"]


def inspect_data(
    inputs: Iterable[Input] | None = None,
    *,
    template: str | os.PathLike[str] | Template = "default",
    method: str | None = None,
    manifest: Input | None = None,
    strict: bool = False,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Every stage's decisions on ``inputs`` as JSON-ready data."""
    tpl = load_template(template)
    method = method or tpl.method
    found = analyse(inputs, manifest=manifest, strict=strict, progress=progress)
    grouped = classify(found.facts, tpl.enabled_sections)
    sections = []
    for spec in [*tpl.enabled_sections, None]:
        key = spec.key if spec else OTHER
        pool = grouped.get(key, [])
        picked = select(pool, words=spec.words, count=spec.facts, method=method) if spec and pool else []
        chosen = {f.id for f in picked}
        scores = (salience(pool) if method == "briefgen" else score_facts(pool, method)) if pool else []
        rows = sorted(
            zip(pool, scores, strict=True), key=lambda fs: (fs[0].id not in chosen, -fs[1], fs[0].id)
        )
        sections.append({
            "key": key,
            "title": spec.title if spec else "Other (no section)",
            "facts": [{"id": f.id, "text": f.text, "sources": list(f.sources), "independent": f.independent,
                       "score": float(s), "chosen": f.id in chosen} for f, s in rows],
        })
    conflicts = find_conflicts(found.facts, found.sources)
    return {
        "sources": [{"id": s.id, "origin": s.origin, "outlet": s.outlet, "title": s.title, "date": s.date,
                     "url": s.url} for s in found.sources],
        "skipped": [{"origin": s.origin, "reason": s.reason} for s in found.skipped],
        "dropped": [{"source": d.source_id, "kind": d.kind, "reason": d.reason, "text": d.text}
                    for d in found.cleaned.dropped],
        "counts": {"sentences": len(found.sentences), "facts": len(found.facts)},
        "sections": sections,
        "conflicts": [{"kind": c.kind, "topic": c.topic,
                       "sides": [{"value": s.value, "sources": list(s.sources)} for s in c.sides]}
                      for c in conflicts],
    }
