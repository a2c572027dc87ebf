"""Exceptions. Everything briefgen raises on purpose derives from BriefgenError.

The command line turns a BriefgenError into one line on stderr and exit status
2; anything else is a bug and shows its traceback.
"""

from __future__ import annotations

__all__ = ["BriefgenError", "ConfigError", "InputError", "RenderError", "SourceError", "interrupted_import"]


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


def interrupted_import(exc: BaseException) -> bool:
    """Whether ``exc`` is an import that Ctrl-C broke off.

    A compiled module made with pybind11 (scipy's, highspy's) turns a
    KeyboardInterrupt during its initialisation into ``ImportError:
    initialization failed``, raised from the interrupt: the command then
    ends as interrupted (status 130), not as a bug.
    """
    if not isinstance(exc, ImportError):
        return False
    seen: set[int] = set()
    cause = exc.__cause__ or exc.__context__
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False
