"""The ``briefgen`` command's entry point, also run by ``python -m briefgen``.

The command's modules are imported inside :func:`main`, so that Ctrl-C while
they load ends with one line and status 130, not a traceback; so does Ctrl-C
that lands in a callback Python cannot raise from (:func:`interrupt_from_callbacks`).
"""

import _thread
import sys
import time
from typing import Any, NoReturn


def main() -> None:
    """Run the command line (see :func:`briefgen.cli.main`)."""
    interrupt_from_callbacks()
    try:
        from briefgen.cli import main as run
    except KeyboardInterrupt:  # Ctrl-C while still starting up
        _interrupted()
    except ImportError as exc:  # the same, inside a compiled module's initialisation
        from briefgen.errors import interrupted_import

        if interrupted_import(exc):
            _interrupted()
        raise
    run()


def interrupt_from_callbacks() -> None:
    """Make Ctrl-C that lands in a callback Python cannot raise from interrupt the command.

    A KeyboardInterrupt raised inside a weak reference's callback (the import
    system's module locks have one) cannot propagate: Python prints it as
    "Exception ignored in: ... Traceback ..." and goes on. The hook has it
    raised again in the main thread once the hook has returned (from a thread
    of its own, :data:`_AGAIN_AFTER` seconds on: raised within the hook, it
    would be ignored in turn), where the command ends with one line and status
    130; any other such exception is reported as Python always does.
    """
    default = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            _thread.start_new_thread(_interrupt_main_later, ())
        else:
            default(unraisable)

    sys.unraisablehook = hook


#: Seconds the hook's thread waits before interrupting the main thread: long enough for the hook to
#: have returned (it returns at once), short against a person's Ctrl-C.
_AGAIN_AFTER = 0.01


def _interrupt_main_later() -> None:
    time.sleep(_AGAIN_AFTER)
    _thread.interrupt_main()


def _interrupted() -> NoReturn:
    sys.stderr.write("briefgen: interrupted\n")
    sys.exit(130)


if __name__ == "__main__":
    main()
