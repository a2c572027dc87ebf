"""Exceptions. Everything briefgen raises on purpose derives from BriefgenError.

The command line turns a BriefgenError into one line on stderr and exit status
2; anything else is a bug and shows its traceback.
"""

from __future__ import annotations

__all__ = ["BriefgenError", "ConfigError", "InputError", "RenderError", "SourceError"]


class BriefgenError(Exception):
    """Base class: a problem with the user's input, template or output."""


class ConfigError(BriefgenError):
    """A template or option is invalid. The message names file and key."""


class SourceError(BriefgenError):
    """A source could not be read or used. The message names the source."""


class InputError(BriefgenError):
    """The inputs as a whole cannot make a briefing (nothing usable left)."""


class RenderError(BriefgenError):
    """The memo could not be written. The message names the output file."""
