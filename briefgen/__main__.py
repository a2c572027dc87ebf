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
    of its own, which waits until the main thread has left the hook: raised
    within the hook, it would be ignored in turn), where the command ends with
    one line and status 130; any other such exception is reported as Python
    always does.
    """
    default = sys.unraisablehook
    main_thread = _thread.get_ident()

    def hook(unraisable: Any) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            _thread.start_new_thread(_interrupt_main_later, (main_thread, hook.__code__))
        else:
            default(unraisable)

    sys.unraisablehook = hook


#: Seconds the hook's thread sleeps between looks at whether the main thread has left the hook: short
#: against a person's Ctrl-C. On a loaded machine the main thread may wait longer than one such sleep
#: for its turn (a fixed wait of 0.01 s let the interrupt land inside the hook, where it was ignored).
_AGAIN_AFTER = 0.01
#: Seconds after which the main thread is interrupted whatever it is running.
_AT_MOST = 2.0


def _interrupt_main_later(main_thread: int, hook: Any) -> None:
    give_up = time.monotonic() + _AT_MOST
    while time.monotonic() < give_up:
        time.sleep(_AGAIN_AFTER)
        if not _running(main_thread, hook):
            break
    _thread.interrupt_main()


def _running(thread: int, code: Any) -> bool:
    """Whether ``thread`` is running ``code`` now, at any depth of its stack."""
    frame = sys._current_frames().get(thread)
    while frame is not None:
        if frame.f_code is code:
            return True
        frame = frame.f_back
    return False


def _interrupted() -> NoReturn:
    sys.stderr.write("briefgen: interrupted\n")
    sys.exit(130)


if __name__ == "__main__":
    main()
