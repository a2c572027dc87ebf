"""Writing a briefing to disk: format by extension, atomically, never over anything it read.

The memo is rendered to bytes first, then written to a temporary file in the
output's own folder and renamed over the target, so an error, a full disk or
Ctrl-C midway never leaves a partial or clobbered file. While the temporary
file exists, Ctrl-C, SIGTERM and SIGHUP wait: they take effect as soon as it
is renamed or removed, so no signal leaves it behind.

The target may not be any file the run was asked to read or consult: an
input, read or skipped, a file inside a folder given as input, a manifest, a
template or its reference document. Files are compared by identity (device
and inode), so another spelling of the same file (a link, ``..``, another
letter case on a case-insensitive disk) is caught too.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from briefgen.errors import RenderError
from briefgen.model import Briefing
from briefgen.render.writers import WRITERS, render, writer_for_suffix
from briefgen.resources import user_templates_dir

__all__ = ["check_target", "format_for", "suffix_for", "write", "write_bytes"]


def suffix_for(fmt: str) -> str:
    """The usual file extension of format ``fmt`` (``".docx"`` for ``"docx"``)."""
    writer = WRITERS.get(fmt)
    if writer is None:
        raise RenderError(f"unknown format {fmt!r} (choose {', '.join(WRITERS.names())})")
    return writer.suffixes[0]


def format_for(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The output format: ``fmt`` if given, else from the file's extension.

    Raises:
        RenderError: for an unknown format or extension.
    """
    if fmt:
        if fmt not in WRITERS:
            known = ", ".join(WRITERS.names())
            raise RenderError(f"{os.fspath(path)}: unknown format {fmt!r} (choose {known})")
        return fmt
    suffix = Path(path).suffix.lower()
    if not suffix:
        return "docx"
    found = writer_for_suffix(suffix)
    if found is not None:
        return found
    known = ", ".join(s for _, w in WRITERS.items() for s in w.suffixes[:1])
    raise RenderError(f"{os.fspath(path)}: cannot tell the format from {suffix!r}; use {known}, or --format")


def _identity(path: str | os.PathLike[str]) -> tuple[int, int, bool] | None:
    """``(device, inode, is_folder)`` of an existing path (links followed), else None."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino, stat.S_ISDIR(st.st_mode)


def _ancestors(path: Path) -> set[tuple[int, int]]:
    """Identities of every folder above ``path``, through its links and as written."""
    found: set[tuple[int, int]] = set()
    for base in {path.absolute(), Path(_resolved(path))}:
        for parent in base.parents:
            ident = _identity(parent)
            if ident is not None:
                found.add(ident[:2])
    return found


def _resolved(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError, ValueError):
        return os.path.abspath(path)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C, SIGTERM and SIGHUP until the block ends, then deliver the first that came.

    Only the main thread can set signal handlers; elsewhere the block runs as is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def hold(signum: int, _frame: object) -> None:
        caught.append(signum)

    old: dict[int, object] = {}
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is None:
            continue
        try:
            old[sig] = signal.signal(sig, hold)
        except (OSError, ValueError):
            continue
    try:
        yield
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)  # type: ignore[arg-type]
        if caught:
            signal.raise_signal(caught[0])


def write_bytes(data: bytes, path: str | os.PathLike[str], *, protect: tuple[str, ...] = ()) -> Path:
    """Write ``data`` to ``path`` atomically.

    Args:
        data: The complete file content.
        path: Target file; ``"-"`` is not accepted here.
        protect: Origins of the inputs; writing over any of them is refused.

    Raises:
        RenderError: naming the file and the problem.
    """
    target = Path(path)
    name = os.fspath(path)
    check_target(path, protect)
    folder = Path(_resolved(target)).parent
    ident = _identity(target)
    if ident is not None and not stat.S_ISREG(os.stat(target).st_mode):
        # A device such as /dev/full or a FIFO: write through it directly;
        # there is no file to clobber or leave half-written.
        try:
            with target.open("wb") as fh:
                fh.write(data)
                fh.flush()
        except OSError as exc:
            raise RenderError(f"{name}: cannot write: {exc.strerror or exc}") from None
        return target
    tmp: str | None = None
    # A short prefix: the temporary name must fit where the target's own name just fits.
    prefix = f".{target.name[:40]}."
    with _signals_held():
        try:
            fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            if target.exists():
                with contextlib.suppress(OSError):
                    os.chmod(tmp, target.stat().st_mode & 0o7777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, target)
            tmp = None
        except OSError as exc:
            raise RenderError(f"{name}: cannot write: {exc.strerror or exc}") from None
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
    return target


def write(briefing: Briefing, path: str | os.PathLike[str], *, fmt: str | None = None) -> Path:
    """Render ``briefing`` and write it to ``path`` atomically.

    Args:
        briefing: What :func:`briefgen.build_briefing` returned.
        path: Output file; its extension picks the format unless ``fmt`` is
            given (``docx``, ``md``, ``html``, ``json``).
        fmt: Force a format.

    Returns:
        The path written.

    Raises:
        RenderError: for an unknown format, an input as output, or a write
            failure; the message names the file.
    """
    kind = format_for(path, fmt)
    protect = protected(briefing)
    # Refuse before rendering, so no work is wasted on a doomed write.
    check_target(path, protect)
    return write_bytes(render(briefing, kind), path, protect=protect)


def protected(briefing: Briefing) -> tuple[str, ...]:
    """What writing ``briefing`` must leave alone: its sources, skipped inputs, consulted files and
    the user's template folder."""
    found = [src.origin for src in briefing.sources]
    found.extend(skip.origin for skip in briefing.skipped)
    found.extend(briefing.consulted)
    if briefing.style.reference_docx:
        found.append(briefing.style.reference_docx)
    # Every run consults the user's template folder: its outlets.toml, and its
    # templates when the template is chosen by fit.
    user = user_templates_dir()
    if user.is_dir():
        found.append(str(user))
    return tuple(dict.fromkeys(found))


def check_target(path: str | os.PathLike[str], protect: Sequence[str | os.PathLike[str]] = ()) -> None:
    """Raise RenderError if ``path`` is a folder, its folder is missing, or it would replace a file read.

    Args:
        path: The output file.
        protect: Files and folders the run read or consulted; ``path`` may be
            none of these files, nor an existing file inside one of these folders.
    """
    name = os.fspath(path)
    target = Path(path)
    ident = _identity(target)
    if ident is not None and ident[2]:
        raise RenderError(f"{name}: is a folder, not a file name")
    if len(target.name.encode("utf-8", "surrogateescape")) > 255:
        raise RenderError(f"{name}: file name too long")
    if ident is not None:
        above = _ancestors(target)
        for origin in protect:
            ref = os.fspath(origin)
            if ref == "-" or ref.startswith("<") or "://" in ref:
                continue
            other = _identity(ref)
            if other is None:
                if any(c in ref for c in "*?[") and fnmatch.fnmatch(_resolved(target), _resolved(Path(ref))):
                    # A file the pattern matches, read or not (a manifest it leaves out, say).
                    raise RenderError(f"{name}: refusing to write over a file the pattern {ref} matches")
                continue
            if other[:2] == ident[:2]:
                raise RenderError(f"{name}: refusing to write over an input file")
            if other[2] and other[:2] in above:
                raise RenderError(f"{name}: refusing to write over a file in the folder {ref}, which this "
                                  "run reads; name an output outside it")
    parent = Path(_resolved(target)).parent
    folder = _identity(parent)
    if folder is None or not folder[2]:
        raise RenderError(f"{name}: folder {parent} does not exist")
