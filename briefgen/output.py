"""Writing a briefing to disk: format by extension, atomically, never over an input.

The memo is rendered to bytes first, then written to a temporary file in the
output's own folder and renamed over the target, so an error, a full disk or
Ctrl-C midway never leaves a partial or clobbered file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from briefgen.errors import RenderError
from briefgen.model import Briefing
from briefgen.render.writers import WRITERS, render, writer_for_suffix

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


def _same_file(a: Path, b: str) -> bool:
    if b == "-" or b.startswith(("http://", "https://", "<")):
        return False
    try:
        return a.exists() and Path(b).exists() and os.path.samefile(a, b)
    except OSError:
        return False


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
    folder = target.resolve().parent
    if target.exists() and not target.is_file():
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
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
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
    protect = tuple(src.origin for src in briefing.sources)
    # Refuse before rendering, so no work is wasted on a doomed write.
    check_target(path, protect)
    return write_bytes(render(briefing, kind), path, protect=protect)


def check_target(path: str | os.PathLike[str], protect: tuple[str, ...] = ()) -> None:
    """Raise RenderError if ``path`` is one of the inputs, a folder, or its folder is missing."""
    if Path(path).is_dir():
        raise RenderError(f"{os.fspath(path)}: is a folder, not a file name")
    target = Path(path).resolve()
    for origin in protect:
        if _same_file(target, origin):
            raise RenderError(f"{os.fspath(path)}: refusing to write over an input file")
    if not target.parent.is_dir():
        raise RenderError(f"{os.fspath(path)}: folder {target.parent} does not exist")
