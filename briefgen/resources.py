"""Where packaged data lives: the sample corpus and the section templates.

Installed, ``seeds/`` and ``templates/`` sit inside the ``briefgen`` package
(pyproject maps them there); in a source checkout they sit beside it.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["data_dir", "seeds_dir", "templates_dir"]

_PKG = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The packaged data folder ``name`` (``"seeds"`` or ``"templates"``)."""
    for candidate in (_PKG / name, _PKG.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"briefgen's packaged {name}/ folder is missing")


def seeds_dir() -> Path:
    """The bundled sample corpus."""
    return data_dir("seeds")


def templates_dir() -> Path:
    """The packaged section templates and reference document."""
    return data_dir("templates")
