"""Where sources differ: numbers, dates and name spellings reported differently."""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.model import Conflict, Fact, Source

__all__ = ["find_conflicts"]


def find_conflicts(facts: Sequence[Fact], sources: Sequence[Source]) -> list[Conflict]:
    """Disagreements between sources (not yet implemented: none reported)."""
    return []
