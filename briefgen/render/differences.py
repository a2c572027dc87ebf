"""The memo's "Where sources differ" part: disagreements, figures that changed, name variants, apart.

Each kind prints as its own short lines, in this order:

* disagreements, under their caption: "Length of the meeting: 100 minutes
  (korea.kr)[1]; 88 minutes (News1)[2]", each side with its own footnote;
* figures that changed, under theirs, in time order with the time each
  source gives: "Death toll: 82 (23 Oct, AP)[3] -> 129 (24 Oct, AP)[4]";
* name variants, under theirs, one line each and never as a dispute: "Also
  spelled: Josei (News1, korea.kr)[5] for Chosei".

:func:`difference_lines` returns plain lines of :class:`Part` records; the
layout (:mod:`briefgen.render.layout`) turns a part that names sources into
text with a footnote, in whatever form footnotes take there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefgen.model import Conflict, ConflictSide, Labels

__all__ = ["Line", "Part", "difference_lines"]

_ARROW = " \u2192 "
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Part:
    """A stretch of a line: bold or not, followed by a footnote naming ``sources`` when there are any."""

    text: str
    strong: bool = False
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph of the part: ``"intro"`` (a caption) or ``"bullet"``."""

    kind: str
    parts: tuple[Part, ...]


def clean_text(text: str | None) -> str:
    """``text`` with white space folded (the layout removes characters XML cannot hold)."""
    return _SPACE.sub(" ", text or "").strip()


def _outlets(side: ConflictSide, outlet: Callable[[str], str]) -> str:
    return ", ".join(dict.fromkeys(outlet(sid) for sid in side.sources))


def _label(conflict: Conflict) -> Part:
    topic = clean_text(conflict.topic)
    return Part(topic[:1].upper() + topic[1:] + ": ", strong=True)


def _value(side: ConflictSide, outlet: Callable[[str], str]) -> Part:
    """A side's value with its time and outlets in brackets, and its footnote."""
    inside = ", ".join(p for p in (clean_text(side.time), _outlets(side, outlet)) if p)
    value = clean_text(side.value)
    return Part(f"{value} ({inside})" if inside else value, sources=side.sources)


def _sides(conflict: Conflict, outlet: Callable[[str], str], between: str) -> Line:
    parts = [_label(conflict)]
    for i, side in enumerate(conflict.sides):
        if i:
            parts.append(Part(between))
        parts.append(_value(side, outlet))
    return Line("bullet", tuple(parts))


def _variant(conflict: Conflict, outlet: Callable[[str], str], labels: Labels) -> Line:
    main, *others = conflict.sides
    parts = [Part(f"{clean_text(labels.also_spelled)}: ", strong=True)]
    for i, side in enumerate(others):
        if i:
            parts.append(Part("; "))
        parts.append(_value(side, outlet))
    parts.append(Part(f" for {clean_text(main.value)}"))
    return Line("bullet", tuple(parts))


def difference_lines(conflicts: Sequence[Conflict], labels: Labels,
                     outlet: Callable[[str], str]) -> list[Line]:
    """The lines of "Where sources differ", its heading excluded.

    Args:
        conflicts: The briefing's conflicts (their order is kept within each kind).
        labels: The memo's fixed strings (the captions and "Also spelled").
        outlet: The outlet name a line gives for a source id.
    """
    lines: list[Line] = []
    disagreements = [c for c in conflicts if c.shown_as == "disagreement" and len(c.sides) >= 2]
    changed = [c for c in conflicts if c.shown_as == "changed" and len(c.sides) >= 2]
    variants = [c for c in conflicts if c.shown_as == "variant" and len(c.sides) >= 2]
    if disagreements:
        lines.append(Line("intro", (Part(clean_text(labels.disagreements)),)))
        lines.extend(_sides(c, outlet, "; ") for c in disagreements)
    if changed:
        lines.append(Line("intro", (Part(clean_text(labels.changed)),)))
        lines.extend(_sides(c, outlet, _ARROW) for c in changed)
    if variants:
        lines.append(Line("intro", (Part(clean_text(labels.variants)),)))
        lines.extend(_variant(c, outlet, labels) for c in variants)
    return lines
