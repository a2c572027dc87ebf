"""Looking at and reading local files safely: regular files only, bounded, never past a folder's edge.

Everything briefgen reads from disk (sources, manifests, templates, reference
documents) goes through :func:`read_file`: named pipes, devices and sockets are
refused before they are opened (opening one may block forever or have side
effects), the size is capped, and every failure is one
:class:`~briefgen.errors.BriefgenError` naming the file. :func:`path_kind`
says what a path is without raising, whatever the name (too long, a NUL, a
loop of links). :func:`glob_files` expands a pattern without following links
to folders, and :func:`within` tells whether a path, links resolved, stays
inside given folders.
"""

from __future__ import annotations

import errno
import fnmatch
import logging
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from briefgen.errors import BriefgenError, SourceError

__all__ = [
    "FILE", "FOLDER", "MISSING", "glob_files", "path_kind", "read_file", "resolved", "walk_tree", "within",
]

logger = logging.getLogger(__name__)

FILE = "file"
FOLDER = "folder"
MISSING = "missing"

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | \
    getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _what(mode: int) -> str | None:
    """What a non-regular, non-folder file is, as a phrase; None for a regular file or folder."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file"
    if stat.S_ISCHR(mode):
        return "a character device, not a file"
    if stat.S_ISBLK(mode):
        return "a block device, not a file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    return "not a regular file"


def _os_problem(exc: OSError) -> str:
    """An OSError as a short phrase for an error line (no errno numbers, no repeated path)."""
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long"
    if exc.errno == errno.ELOOP:
        return "a loop of symbolic links"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return "no such file or folder"
    if exc.errno == errno.EISDIR:
        return "is a folder, not a file"
    return f"cannot read: {exc.strerror or exc}"


def path_kind(path: str | os.PathLike[str]) -> str:
    """What ``path`` is: :data:`FILE`, :data:`FOLDER`, :data:`MISSING`, or why it is neither.

    Links are followed. Never raises: a name with a NUL, a name too long, a
    loop of links, a folder that may not be searched or a named pipe come
    back as a phrase ("a named pipe (FIFO), not a file") fit for an error line.
    """
    try:
        st = os.stat(path)
    except ValueError:
        return "file name contains a NUL character"
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            try:
                os.lstat(path)
            except (OSError, ValueError):
                return MISSING
            return "a link to a missing file"
        return _os_problem(exc)
    if stat.S_ISREG(st.st_mode):
        return FILE
    if stat.S_ISDIR(st.st_mode):
        return FOLDER
    return _what(st.st_mode) or "not a regular file"


def read_file(path: str | os.PathLike[str], limit: int, *, error: type[BriefgenError] = SourceError,
              name: str | None = None, what: str = "file") -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    The file is looked at before it is opened, and opened without blocking,
    so a named pipe, a device or a socket is refused and never waited on;
    what was opened is checked again, in case the name changed in between.

    Args:
        path: The file.
        limit: Most bytes accepted; a larger file is refused.
        error: The error class to raise (``SourceError`` for sources,
            ``InputError`` for manifests, ``ConfigError`` for templates).
        name: How to name the file in messages (default: ``path`` as given).
        what: What the file is, for messages ("file", "manifest", "template").

    Raises:
        BriefgenError: of class ``error``, one line naming the file and the problem.
    """
    shown = name if name is not None else os.fspath(path)
    kind = path_kind(path)
    if kind == MISSING:
        raise error(f"{shown}: no such file or folder")
    if kind == FOLDER:
        raise error(f"{shown}: is a folder, not a {what}")
    if kind != FILE:
        raise error(f"{shown}: {kind}")
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except ValueError:
        raise error(f"{shown}: file name contains a NUL character") from None
    except OSError as exc:
        raise error(f"{shown}: {_os_problem(exc)}") from None
    try:
        st = os.fstat(fd)
        odd = _what(st.st_mode) if not stat.S_ISREG(st.st_mode) else None
        if odd is not None or stat.S_ISDIR(st.st_mode):
            raise error(f"{shown}: {odd or 'is a folder, not a ' + what}")
        if st.st_size > limit:
            said, cap = _size(st.st_size), _size(limit)
            if said == cap:  # "1 MB (limit 1 MB)" says nothing: give the bytes
                said, cap = f"{st.st_size:,} bytes", f"{limit:,}"
            raise error(f"{shown}: {what} is {said} (limit {cap})")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise error(f"{shown}: {_os_problem(exc)}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise error(f"{shown}: {what} is larger than {_size(limit)}")
    return b"".join(chunks)


def _size(n: int) -> str:
    if n >= 2**20:
        return f"{n // 2**20} MB"
    if n >= 2**10:
        return f"{n // 2**10} KB"
    return f"{n} bytes"


def resolved(path: str | os.PathLike[str]) -> str:
    """``path`` with links and ``..`` resolved; as written (made absolute) when it cannot be resolved."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError, ValueError):  # a loop of links, a NUL: compare as written
        return os.path.abspath(path)


def within(path: str | os.PathLike[str], roots: Sequence[str | os.PathLike[str]]) -> bool:
    """Whether ``path``, links and ``..`` resolved, lies inside one of the folders ``roots``."""
    target = Path(resolved(path))
    return any(target.is_relative_to(resolved(root)) for root in roots)


def walk_tree(top: str | os.PathLike[str],
              on_error: Callable[[OSError], None]) -> Iterator[tuple[str, list[str], list[str]]]:
    """``os.walk(top, topdown=True, followlinks=False)``, without recursion.

    ``os.walk`` recurses once per level, so a folder nested a thousand deep
    ends it with a RecursionError; this walk keeps its own stack. As with
    ``os.walk``, the caller may prune the yielded ``dirs`` list in place;
    links to folders are listed among the files and never entered.
    """
    stack = [os.fspath(top)]
    while stack:
        here = stack.pop()
        try:
            with os.scandir(here) as it:
                entries = list(it)
        except OSError as exc:
            on_error(exc)
            continue
        dirs: list[str] = []
        files: list[str] = []
        for entry in entries:
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            (dirs if is_dir else files).append(entry.name)
        yield here, dirs, files
        stack.extend(os.path.join(here, d) for d in reversed(dirs))


def _magic(part: str) -> bool:
    return any(c in part for c in "*?[")


def glob_files(pattern: str, max_entries: int) -> list[str]:
    """The files a glob pattern matches, sorted; links to folders are never followed.

    ``*``, ``?`` and ``[...]`` match within one name and ``**`` matches any
    number of folders, as :func:`glob.glob` with ``recursive=True`` does,
    hidden names included only when the pattern spells the dot. Unlike it,
    no link to a folder is followed (``**`` over a link to ``.`` would list
    the same files forever), and a link to a file is kept only when its target
    lies inside the folder the pattern starts from.

    Raises:
        SourceError: the pattern reaches more than ``max_entries`` entries.
    """
    parts = Path(pattern).parts
    first = next((i for i, p in enumerate(parts) if _magic(p)), len(parts))
    base = Path(*parts[:first]) if first else Path(".")
    rest = parts[first:]
    if not rest:
        return [str(base)] if path_kind(base) == FILE else []
    found: set[str] = set()
    seen: set[tuple[str, int]] = set()
    todo: list[tuple[Path, int]] = [(base, 0)]
    visited = 0
    root = resolved(base)

    def entries_of(folder: Path) -> list[os.DirEntry[str]]:
        """A folder's entries by name, counted against ``max_entries`` (none if unreadable)."""
        nonlocal visited
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return []
        visited += len(entries)
        if visited > max_entries:
            raise SourceError(f"{pattern}: reaches more than {max_entries:,} files and folders; narrow it")
        return entries

    while todo:
        folder, i = todo.pop()
        if (str(folder), i) in seen:
            continue
        seen.add((str(folder), i))
        part = rest[i]
        last = i == len(rest) - 1
        if part == "**":
            # Zero folders, then each real sub-folder (links to folders are never followed);
            # '**' last matches every file below, as 'x/**' does.
            if not last:
                todo.append((folder, i + 1))
            for entry in entries_of(folder):
                if entry.name.startswith("."):
                    continue
                try:
                    if entry.is_dir(follow_symlinks=False):
                        todo.append((Path(entry.path), i))
                    elif last and entry.is_file():
                        _keep(entry.path, root, found)
                except OSError:
                    continue
            continue
        if not _magic(part):
            candidate = folder / part
            if last:
                if path_kind(candidate) == FILE:
                    _keep(str(candidate), root, found)
            elif path_kind(candidate) == FOLDER and not os.path.islink(candidate):
                todo.append((candidate, i + 1))
            continue
        for entry in entries_of(folder):
            if entry.name.startswith(".") and not part.startswith("."):
                continue
            if not fnmatch.fnmatch(entry.name, part):
                continue
            try:
                if last:
                    if entry.is_file():
                        _keep(entry.path, root, found)
                elif entry.is_dir(follow_symlinks=False):
                    todo.append((Path(entry.path), i + 1))
            except OSError:
                continue
    return sorted(found)


def _keep(path: str, root: str, found: set[str]) -> None:
    """Add a matched file; a link whose target lies outside ``root`` is left out."""
    if os.path.islink(path) and not Path(resolved(path)).is_relative_to(root):
        logger.debug("%s: a link to %s, outside %s; left out", path, resolved(path), root)
        return
    found.add(path)
