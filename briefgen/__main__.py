"""``python -m briefgen``: the same as the ``briefgen`` command."""

import sys

try:
    from briefgen.cli import main
except KeyboardInterrupt:  # Ctrl-C while still starting up
    sys.stderr.write("briefgen: interrupted\n")
    sys.exit(130)

main()
