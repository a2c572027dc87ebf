"""The ``briefgen`` command's entry point, also run by ``python -m briefgen``.

The command's modules are imported inside :func:`main`, so that Ctrl-C while
they load ends with one line and status 130, not a traceback.
"""

import sys
from typing import NoReturn


def main() -> None:
    """Run the command line (see :func:`briefgen.cli.main`)."""
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


def _interrupted() -> NoReturn:
    sys.stderr.write("briefgen: interrupted\n")
    sys.exit(130)


if __name__ == "__main__":
    main()
