"""Where the work runs: local worker processes, or the workers of a Dask cluster.

Both executors run the same module-level functions on the same arguments, so
a digest gives the same bytes either way. Results come back as tasks finish
(for the progress display and for memos written as they are ready); the
caller puts them in order.
"""

from __future__ import annotations

import logging
import os
import re
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

from briefgen.errors import BriefgenError
from briefgen.parallel import cores

__all__ = ["DaskExecutor", "Executor", "LocalExecutor", "executor"]

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    """Runs one function over many items, yielding ``(index, result)`` as each finishes."""

    def run(self, func: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[tuple[int, Any]]: ...

    def close(self) -> None: ...


# Seconds between a worker's checks that the digest that started it is still running.
_WATCH_SECONDS = 1.0


def _worker_start(owner: int) -> None:
    """Worker start-up: leave Ctrl-C to the digest, and end when the digest ends.

    Ctrl-C goes to the parent, which stops the workers and writes what is
    done. A digest killed by SIGTERM or SIGHUP runs no clean-up; its workers
    (children of the fork server, not of the digest) check every
    :data:`_WATCH_SECONDS` that it still runs and end when it does not, so
    that none idles for ever holding its output pipes.
    """
    import threading
    import time

    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while True:
            time.sleep(_WATCH_SECONDS)
            try:
                os.kill(owner, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:  # the pid was taken by someone else's process
                os._exit(1)

    threading.Thread(target=watch, name="briefgen-digest-watch", daemon=True).start()


class LocalExecutor:
    """This machine's cores: worker processes from a fork server (none for a small batch or one core).

    Not plain ``fork``: a process that has already briefed something holds
    HiGHS's thread pool, which a forked child inherits without its threads, and
    the child's solver then waits for them for ever. The fork server is a
    fresh process that has imported the digest (and datasketch, 1 s) and run
    nothing; workers are forked from it.
    """

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or cores()
        self._pool: Any = None

    def run(self, func: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[tuple[int, Any]]:
        """Yield ``(index, func(items[index]))`` as each finishes."""
        import multiprocessing

        if self.workers < 2 or len(items) < 2 or "forkserver" not in multiprocessing.get_all_start_methods():
            for i, item in enumerate(items):
                yield i, func(item)
            return
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["briefgen.digest.run", "datasketch"])  # imported once
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context,
                                             initializer=_worker_start, initargs=(os.getpid(),))
        # A few tasks in flight per worker: memory stays bounded by what is running.
        pending: dict[Any, int] = {}
        todo = iter(range(len(items)))
        limit = self.workers * 4
        for i in todo:
            pending[self._pool.submit(func, items[i])] = i
            if len(pending) >= limit:
                break
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in sorted(done, key=pending.__getitem__):
                i = pending.pop(fut)
                yield i, fut.result()
                nxt = next(todo, None)
                if nxt is not None:
                    pending[self._pool.submit(func, items[nxt])] = nxt

    def close(self) -> None:
        """Stop the workers (tasks not started are cancelled)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


# A scheduler address: tcp:// or tls:// (or none), a host, a port.
_ADDRESS = re.compile(r"(?:(?:tcp|tls)://)?(?:\[[0-9A-Fa-f:.]+\]|[\w.-]+):\d{1,5}")


# Seconds to wait for a scheduler's handshake. distributed's own timeout does not
# cover a peer that accepts the connection and then says nothing (it waits for
# ever), so the connection is made on a thread that is given up after this.
_CONNECT_SECONDS = 20.0


def _connect(client_class: Any, address: str) -> Any:
    """A ``distributed.Client`` for ``address``, or one line of error within :data:`_CONNECT_SECONDS`."""
    import threading

    box: dict[str, Any] = {}

    def connect() -> None:
        try:
            box["client"] = client_class(address, timeout=f"{_CONNECT_SECONDS:g}s", set_as_default=False)
        except Exception as exc:  # noqa: BLE001 - whatever the peer does, it is one line
            box["error"] = exc

    thread = threading.Thread(target=connect, name="briefgen-dask-connect", daemon=True)
    thread.start()
    thread.join(_CONNECT_SECONDS + 5.0)
    if "client" in box:
        return box["client"]
    if "error" in box:
        exc = box["error"]
        raise BriefgenError(f"cannot reach a Dask scheduler at {address}: "
                            f"{type(exc).__name__}: {str(exc)[:200]}")
    raise BriefgenError(f"cannot reach a Dask scheduler at {address}: no answer within "
                        f"{_CONNECT_SECONDS:g} s (is it a Dask scheduler?)")


class DaskExecutor:
    """The workers of a running Dask cluster (``dask.distributed``)."""

    def __init__(self, address: str) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise BriefgenError("--scheduler needs Dask's distributed scheduler: "
                                "pip install 'briefgen[dask]'") from None
        if not _ADDRESS.fullmatch(address):
            raise BriefgenError(f"--scheduler {address!r}: not a scheduler address (tcp://host:port)")
        self.client = _connect(Client, address)

    def run(self, func: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[tuple[int, Any]]:
        """Yield ``(index, func(items[index]))`` as each finishes on the cluster."""
        from distributed import as_completed

        futures = self.client.map(func, list(items), pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        try:
            for fut in as_completed(futures, loop=self.client.loop):
                yield index[fut.key], fut.result()
                fut.release()
        finally:
            for fut in futures:
                if not fut.done():
                    fut.cancel()

    def close(self) -> None:
        """Disconnect from the scheduler (the cluster keeps running)."""
        self.client.close()


def executor(scheduler: str | None = None, workers: int | None = None) -> LocalExecutor | DaskExecutor:
    """A Dask executor for ``scheduler`` (an address such as ``tcp://10.0.0.5:8786``), else a local one."""
    if scheduler:
        return DaskExecutor(scheduler)
    return LocalExecutor(workers)
