"""How large batches of work run: per-item work spread over the machine's cores, results in
input order (:func:`pmap`), a whole step beside another (:func:`beside`), and object-heavy passes
without the cycle collector (:func:`collector_paused`).

Only large batches go to worker processes: starting a pool costs a few tens of
milliseconds, which a briefing of a handful of articles should never pay. The
workers are forked, so they start with every module the parent has imported
and nothing is read twice. The result is the same list, in the same order, as
``[func(x) for x in items]``.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

__all__ = ["THRESHOLD", "beside", "collector_paused", "cores", "pmap"]

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

#: Fewest items worth sending to worker processes.
THRESHOLD = 200


def cores() -> int:
    """CPU cores this process may run on (``BRIEFGEN_WORKERS`` overrides; 1 turns workers off), less
    the one a process running :func:`beside` this one keeps busy."""
    wanted = os.environ.get("BRIEFGEN_WORKERS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return max(1, int(wanted) - _busy)
    try:
        found = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        found = os.cpu_count() or 1
    return max(1, found - _busy)


#: Cores another process of this run keeps busy: set in a process started by :func:`beside`.
_busy = 0


def _die_with_parent(parent: int) -> None:
    """Worker start-up: end with the parent, even when it is killed (Linux; elsewhere a no-op).

    A parent ended by SIGTERM or SIGHUP runs no clean-up, and its idle workers
    would otherwise wait for work for ever, holding its output pipes open.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent ended before the line above
        os._exit(1)


def pmap(func: Callable[[T], R], items: Sequence[T], *, threshold: int = THRESHOLD) -> list[R]:
    """``[func(x) for x in items]``, on every core when there are at least ``threshold`` items.

    Args:
        func: A module-level function (it is pickled by reference).
        items: The inputs; each must pickle.
        threshold: Fewer items than this run in this process.

    Returns:
        The results in input order.
    """
    workers = min(cores(), len(items))
    if len(items) < threshold or workers < 2:
        return [func(x) for x in items]
    # Imported here: a small briefing never starts a process.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return [func(x) for x in items]
    # A few chunks per worker balance uneven items without much pickling overhead.
    chunksize = max(1, -(-len(items) // (workers * 4)))
    log.debug("%s over %d items on %d processes", getattr(func, "__name__", func), len(items), workers)
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
        return list(pool.map(func, items, chunksize=chunksize))


@contextmanager
def beside(func: Callable[..., R], *args: object, big: bool) -> Iterator[Callable[[], R]]:
    """Run ``func(*args)`` in a forked process while the block runs; the block gets a function that
    waits for the result (or raises the exception ``func`` raised).

    Only when ``big`` and the machine has two cores or more; otherwise the function computes the
    result itself, in this process, when called. The child inherits ``args`` from the fork (nothing
    is pickled but the result) and may use :func:`pmap` itself. Leaving the block before asking for
    the result ends the child. The result is the one ``func(*args)`` gives in this process.
    """
    import multiprocessing

    if not big or cores() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield lambda: func(*args)
        return
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_beside_child, args=(os.getpid(), receive, send, func, args))
    got: list[R] = []

    def result() -> R:
        if got:
            return got[0]
        try:
            ok, value = receive.recv()
        except (EOFError, OSError):  # the child died without a word (killed), or the block was left
            raise RuntimeError(f"{getattr(func, '__name__', func)} ended without a result") from None
        if not ok:
            raise value
        got.append(value)
        return value

    try:
        # Ctrl-C must not land in the child before it has taken the signal's default action.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            child.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        send.close()
        yield result
    finally:
        receive.close()
        send.close()
        if child.is_alive():
            child.terminate()
        if child.pid is not None:
            child.join()
            child.close()


def _beside_child(parent: int, receive: Any, send: Any, func: Callable[..., object],
                  args: tuple[object, ...]) -> None:
    global _busy
    # Ctrl-C reaches the whole process group: this process just ends, and the parent reports it.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    receive.close()  # so that a parent that stops listening breaks the pipe
    _die_with_parent(parent)
    _busy += 1  # the parent goes on working on one core
    try:
        outcome: tuple[bool, object] = (True, func(*args))
    except Exception as exc:  # noqa: BLE001 - handed to the parent, which raises it
        outcome = (False, exc)
    try:
        payload = pickle.dumps(outcome)
        pickle.loads(payload)  # an exception whose class takes other arguments pickles but does not load
    except Exception as exc:  # noqa: BLE001 - an exception or a result that does not pickle
        what = outcome[1] if not outcome[0] else exc
        payload = pickle.dumps((False, RuntimeError(f"{type(what).__name__}: {what}")))
    try:
        send.send_bytes(payload)
        send.close()
    except (OSError, ValueError):
        os._exit(1)  # the parent has gone or stopped listening: nothing to tell


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for the block (restored after, as it was).

    A pass that builds hundreds of thousands of small acyclic objects (token
    tuples, readings) otherwise triggers collections that walk every object
    the briefing holds: a fifth of the time of comparing sources at 1,000
    articles. Reference counting still frees what the block drops.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
