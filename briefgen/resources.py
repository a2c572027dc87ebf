"""Where data lives: the packaged sample corpus and templates, and the user's template folder.

Installed, ``seeds/`` and ``templates/`` sit inside the ``briefgen`` package
(pyproject maps them there); in a source checkout they sit beside it. The
user's folder holds their own templates and, optionally, ``outlets.toml``
(outlet names that extend the packaged table).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["USER_OUTLETS", "data_dir", "seeds_dir", "templates_dir", "user_templates_dir"]

#: The file in the user's template folder that adds to the table of known outlets.
USER_OUTLETS = "outlets.toml"

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


def user_templates_dir() -> Path:
    """The user's template folder: ``$BRIEFGEN_TEMPLATES``, else ``~/.config/briefgen/templates``.

    The folder need not exist.
    """
    env = os.environ.get("BRIEFGEN_TEMPLATES")
    if env:
        return Path(env).expanduser()
    return Path("~/.config/briefgen/templates").expanduser()
