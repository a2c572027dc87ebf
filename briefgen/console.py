"""What the command line shows on a terminal: progress while it works, tables of results; and how a
long command stops when the terminal or a process manager ends it.

Rich is imported only when something is shown, so a quiet or piped run never pays for it.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

__all__ = ["Stopped", "counters", "count", "stages", "stops_cleanly", "table"]

log = logging.getLogger("briefgen.cli")


@contextmanager
def stages(label: str, show: bool) -> Iterator[Callable[[str], None]]:
    """A stage reporter on stderr (shown only when ``show``); every stage is logged at INFO too."""
    start = time.perf_counter()
    if not show:
        yield lambda stage: log.info("%s", stage)
        return
    from rich.console import Console

    console = Console(stderr=True)
    with console.status(f"{label}...") as status:

        def step(stage: str) -> None:
            log.info("%s", stage)
            status.update(f"{label}: {stage}...")

        yield step
    if time.perf_counter() - start > 1.0:
        console.print(f"[dim]{label}: done in {time.perf_counter() - start:.1f} s[/dim]")


@contextmanager
def counters(show: bool) -> Iterator[Callable[[str, int, int | None], None]]:
    """The digest's progress display: articles read, events found, memos written (only on a terminal)."""
    if not show:
        yield lambda name, value, total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    labels = {"read": "articles read", "events": "events found", "written": "memos written"}
    columns = (TextColumn("{task.description:>14}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        tasks: dict[str, Any] = {}

        def step(name: str, value: int, total: int | None) -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(labels.get(name, name), total=total)
            bar.update(tasks[name], completed=value, total=total)

        yield step


def count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def table(title: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    # Cells and titles hold what sources and templates say: shown as text, never read as Rich markup.
    table = Table(title=escape(title), title_justify="left", show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        # Text, not markup: "[untitled]" or a headline in brackets is printed as it is.
        table.add_row(*(Text("" if v is None else str(v)) for v in row))
    width = shutil.get_terminal_size((120, 24)).columns
    Console(width=max(width, 80), soft_wrap=False).print(table)


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP during a digest: it stops as at Ctrl-C (the index of the memos
    written is written), then the process ends by the same signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def stops_cleanly() -> Iterator[None]:
    """SIGTERM and SIGHUP raise :class:`Stopped` in the block, then kill as they would have.

    Only in the main thread, and only a signal left at its default: under
    ``nohup`` a hang-up is still ignored.
    """
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: Any) -> None:
        raise Stopped(signum)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)
                if signal.getsignal(sig) == signal.SIG_DFL}
    try:
        yield
    except Stopped as exc:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        with suppress(OSError, ValueError):
            sys.stdout.flush()
            sys.stderr.flush()
        signal.signal(exc.signum, signal.SIG_DFL)
        os.kill(os.getpid(), exc.signum)
        raise  # the signal is blocked: stop as at Ctrl-C
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
