"""Keep what compiled libraries print off the command's own output.

Some compiled dependencies write straight to the process's file descriptors,
below Python's ``sys.stdout``: HiGHS (1.16) prints a two-line banner to
descriptor 1 whenever a solver object is made, before any option can silence
it. ``briefgen summarize > summary.txt`` must hold sentences only, and
``briefgen inspect --format json`` must parse, whatever the installed versions
print. :func:`native_output_hidden` points descriptors 1 and 2 elsewhere while
such code runs: to standard error when the ``briefgen.native`` logger is set
to debug (``briefgen --debug``), otherwise to the null device.

Python's own streams are flushed first, so nothing already printed is lost or
reordered. The swap is process-wide, so it is serialised with a lock; code in
other threads that writes to descriptor 1 in that window (a few milliseconds)
is hidden too.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["native_output_hidden"]

log = logging.getLogger(__name__)

_LOCK = threading.Lock()
_STDOUT, _STDERR = 1, 2


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed or broken stream: nothing to keep
            pass


@contextmanager
def native_output_hidden() -> Iterator[None]:
    """Send what C code writes to descriptors 1 and 2 away while the block runs.

    With the ``briefgen.native`` logger at debug level, descriptor 1 goes to
    standard error instead (so it can still be read) and standard error stays.
    """
    show = log.isEnabledFor(logging.DEBUG)
    with _LOCK:
        _flush()
        saved: list[tuple[int, int]] = []
        sink = -1
        try:
            if show:
                targets = [(_STDOUT, _STDERR)]
            else:
                sink = os.open(os.devnull, os.O_WRONLY)
                targets = [(_STDOUT, sink), (_STDERR, sink)]
            for fd, to in targets:
                try:
                    saved.append((fd, os.dup(fd)))
                except OSError:  # descriptor closed: nothing to protect
                    continue
                os.dup2(to, fd)
            yield
        finally:
            _flush()
            for fd, copy in reversed(saved):
                os.dup2(copy, fd)
                os.close(copy)
            if sink >= 0:
                os.close(sink)
