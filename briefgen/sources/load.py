"""Inputs in, sources out: paths, folders, globs, URLs and standard input read in order.

Metadata comes, in order of precedence, from a manifest (TOML, YAML or CSV),
from the file itself (Markdown front matter, HTML meta tags, Word core
properties), from the text (credit lines, the headline, a date line or
dateline) and finally from the file name.

Inputs are only ever read. An input that cannot be used becomes a
:class:`~briefgen.model.Skipped` record and one logged warning; only when
nothing usable remains does :func:`load_sources` raise :class:`InputError`.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefgen.errors import InputError, SourceError
from briefgen.model import Skipped, Source
from briefgen.parallel import THRESHOLD, pmap
from briefgen.sources.fetch import fetch_url, shown_url
from briefgen.sources.files import (
    FILE,
    FOLDER,
    MISSING,
    glob_files,
    path_kind,
    read_file,
    resolved,
    walk_tree,
    within,
)
from briefgen.sources.limits import Limits
from briefgen.sources.manifest import MANIFEST_NAMES, Manifest, read_manifest
from briefgen.sources.metadata import infer_details, source_details
from briefgen.sources.readers import DOCUMENT_SUFFIXES, META_KEYS, ReadHints, read_bytes, reader_for_suffix

__all__ = ["list_inputs", "load_sources", "read_source"]


logger = logging.getLogger(__name__)


@dataclass(slots=True)
class _Item:
    ref: str
    manifests: list[Manifest] = field(default_factory=list)
    read: Source | SourceError | None = None  # read ahead in a worker, for large batches


_GLOB_CHARS = re.compile(r"[*?\[]")
# Files read ahead at a time when a large batch is read in parallel.
_READ_WINDOW = 1000


def _is_url(ref: str) -> bool:
    return bool(re.match(r"(?i)^[a-z][a-z0-9+.-]*://", ref))


def _expand(inputs: Sequence[str | os.PathLike[str]], skipped: list[Skipped], strict: bool,
            explicit: Manifest | None, limits: Limits, *, defer: bool = False) -> Iterator[_Item]:
    """Items to read, in order; unusable inputs go to ``skipped`` (unlogged with ``defer``)."""
    refs = [os.fspath(raw) for raw in inputs]
    # Folders named on the command line: a manifest may name files in them too.
    folders = [ref for ref in refs
               if not (ref == "-" or _is_url(ref)) and path_kind(_user_path(ref)) == FOLDER]
    # Glob patterns, expanded once (an unreadable one keeps its error, said where it stands).
    globbed = {ref: _glob(ref, limits) for ref in refs if _is_glob(ref)}
    # A manifest named among the inputs, itself or by a glob, gives its metadata to every file named
    # beside it in its folder (or below), in whatever order they come ("articles/*" names the articles
    # before "articles/manifest.toml"), as the manifest of a folder named whole does.
    named: dict[Path, Manifest] = {}  # by the manifest's resolved path, in the order named
    for ref in refs:
        for path in _named_manifests(ref, globbed):
            if path.resolve() not in named:
                named[path.resolve()] = Manifest(path, read_manifest(path, limits))
    # Their folders, resolved once: a file named by another spelling of one is still beside it.
    beside = [(key.parent, man) for key, man in named.items()]
    for ref in refs:
        if ref == "-" or _is_url(ref):
            yield _Item(ref)
            continue
        path = _user_path(ref)
        kind = path_kind(path)
        if kind == FOLDER:
            before = len(skipped)
            try:
                found = list(_expand_dir(path, skipped, strict, limits, defer=defer))
            except OSError as exc:
                _skip(skipped, strict, ref, f"cannot read folder: {exc.strerror or exc}")
                continue
            except SourceError as exc:  # too many entries (with --strict, any unusable file)
                if strict:
                    raise
                _skip(skipped, strict, ref, _reason(exc, ref))
                continue
            if not found and len(skipped) == before:
                _skip(skipped, strict, ref, "holds no file briefgen reads (.txt, .md, .html, .docx)")
            yield from found
        elif kind == FILE:
            if path.name.lower() in MANIFEST_NAMES:
                man = named[path.resolve()]
                yield from _manifest_items(man, [str(path.parent), *folders], skipped, strict, limits)
            else:
                yield _Item(str(path), _covering(beside, path.resolve()) if beside else [])
        elif kind == MISSING and _GLOB_CHARS.search(ref):
            matches = globbed[ref] if ref in globbed else _glob(ref, limits)
            if isinstance(matches, SourceError):
                _skip(skipped, strict, ref, _reason(matches, ref))
                continue
            if not matches:
                _skip(skipped, strict, ref, "no file matches this pattern")
            for m in matches:  # as the shell would have named them
                if Path(m).name.lower() in MANIFEST_NAMES:
                    yield from _manifest_items(named[Path(m).resolve()], [str(Path(m).parent), *folders],
                                               skipped, strict, limits)
                else:
                    yield _Item(m, _covering(beside, Path(m).resolve()) if beside else [])
        elif kind == MISSING:
            _skip(skipped, strict, ref, "no such file or folder")
        else:
            _skip(skipped, strict, ref, kind)
    if explicit is not None and not inputs:
        yield from _manifest_items(explicit, [str(explicit.path.parent)], skipped, strict, limits)


def _user_path(ref: str) -> Path:
    """A path as the user typed it, ``~`` expanded (a name ``~`` cannot expand stays as it is)."""
    try:
        return Path(ref).expanduser()
    except RuntimeError:
        return Path(ref)


def _manifest_items(man: Manifest, roots: list[str], skipped: list[Skipped], strict: bool,
                    limits: Limits) -> Iterator[_Item]:
    """The sources a manifest lists, as items; files outside ``roots`` are refused.

    A manifest names files relative to its own folder. One that names a file
    elsewhere (``../../private/key``, ``/etc/passwd``, or a link inside the
    folder that leads out of it) is refused unless ``limits.allow_outside_files``:
    a manifest someone sent must not make briefgen quote a file nobody named.
    """
    for ref in man.refs():
        if _is_url(ref) or limits.allow_outside_files or within(ref, roots):
            yield _Item(ref, [man])
        else:
            man.lookup(ref)  # the row is answered here: not also "matched no input"
            _skip(skipped, strict, ref, f"outside the folder of {man.path.name} and the folders given; "
                  "refused (--allow-outside-files reads it)")


def _reason(exc: SourceError, ref: str) -> str:
    """A SourceError's message without the leading ``ref: `` (the skip record names the input)."""
    text = str(exc)
    return text[len(ref) + 2:] if text.startswith(f"{ref}: ") else text


def _walk(folder: Path, on_error: Callable[[OSError], None], max_entries: int) -> Iterator[Path]:
    """Every file in ``folder`` and below, sorted; hidden entries left out.

    Links to folders are never followed, and a link to a file is kept only
    when its target lies inside ``folder``: a folder walk reads nothing
    outside the folder named. A folder that cannot be listed goes to
    ``on_error``.

    Raises:
        SourceError: the folder holds more than ``max_entries`` entries.
    """
    root = Path(resolved(folder))
    seen = 0
    for here, dirs, files in walk_tree(folder, on_error):
        seen += len(dirs) + len(files)
        if seen > max_entries:
            raise SourceError(f"{folder}: holds more than {max_entries:,} files and folders; name fewer")
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            p = Path(here) / name
            if p.is_symlink():
                target = Path(resolved(p))
                if not target.is_relative_to(root):
                    logger.debug("%s: a link to %s, outside %s; left out", p, target, folder)
                    continue
            yield p


def _expand_dir(folder: Path, skipped: list[Skipped], strict: bool, limits: Limits, *,
                defer: bool = False) -> Iterator[_Item]:
    manifests: dict[Path, Manifest] = {}
    files: list[Path] = []

    def unreadable(exc: OSError) -> None:
        _skip(skipped, strict, str(exc.filename or folder), f"cannot read folder: {exc.strerror or exc}")

    for p in sorted(_walk(folder, unreadable, limits.max_entries)):
        if path_kind(p) != FILE:  # named pipes, devices, sockets and broken links are left out
            continue
        if p.name.lower() in MANIFEST_NAMES:
            if p.parent not in manifests:
                manifests[p.parent] = Manifest(p, read_manifest(p, limits))
            continue
        if reader_for_suffix(p.suffix) is not None:
            files.append(p)
        elif p.suffix.lower() in DOCUMENT_SUFFIXES:
            _skip(skipped, strict, str(p), f"unsupported document format ({p.suffix.lower()})")
        else:
            logger.debug("%s: not a supported file type; left out of the folder", p)
    for p in files:
        yield _Item(str(p), _covering(manifests.items(), p))


def _is_glob(ref: str) -> bool:
    """Whether an input is a glob pattern: no file or folder of its name, and a pattern's characters."""
    return not (ref == "-" or _is_url(ref)) and _GLOB_CHARS.search(ref) is not None and \
        path_kind(_user_path(ref)) == MISSING


def _glob(ref: str, limits: Limits) -> list[str] | SourceError:
    """The files a glob pattern matches, or why it cannot be read."""
    try:
        return glob_files(str(_user_path(ref)), limits.max_entries)
    except SourceError as exc:
        return exc


def _named_manifests(ref: str, globbed: dict[str, list[str] | SourceError]) -> list[Path]:
    """The manifests an input names: itself, or those its glob matched (an unreadable pattern: none)."""
    if ref in globbed:
        matches = globbed[ref]
        return [] if isinstance(matches, SourceError) else \
            [Path(m) for m in matches if Path(m).name.lower() in MANIFEST_NAMES]
    if ref == "-" or _is_url(ref):
        return []
    path = _user_path(ref)
    return [path] if path.name.lower() in MANIFEST_NAMES and path_kind(path) == FILE else []


def _covering(manifests: Iterable[tuple[Path, Manifest]], path: Path) -> list[Manifest]:
    """The manifests, each with its folder, of ``path``'s folder and the folders above it, farthest
    first: nearer manifests override farther ones."""
    return [m for folder, m in sorted(((f, m) for f, m in manifests if f in path.parents),
                                      key=lambda fm: len(fm[0].parts))]


def _skip(skipped: list[Skipped], strict: bool, origin: str, reason: str) -> None:
    """Note an unusable input (raise it with ``strict``); warnings come once reading is done."""
    origin = shown_url(origin) if _is_url(origin) else origin
    if strict:
        raise SourceError(f"{origin}: {reason}")
    skipped.append(Skipped(origin, reason))


def _read_stdin(limits: Limits) -> bytes:
    stream = getattr(sys.stdin, "buffer", None) if sys.stdin is not None else None
    if stream is None:
        raise SourceError("standard input: closed; there is nothing to read")
    try:
        data = stream.read(limits.max_file_bytes + 1)
    except (OSError, ValueError) as exc:
        problem = exc.strerror if isinstance(exc, OSError) and exc.strerror else "closed"
        raise SourceError(f"standard input: cannot read: {problem}") from None
    if len(data) > limits.max_file_bytes:
        raise SourceError(f"standard input: larger than {limits.max_file_bytes // 2**20} MB")
    return data


def read_source(ref: str, sid: str = "s1", *, limits: Limits | None = None,
                overrides: dict[str, str] | None = None) -> Source:
    """Read one input (path, http(s) URL or ``"-"``) into a :class:`Source`.

    Args:
        ref: Where to read from.
        sid: The source id to give it.
        limits: Resource limits (defaults: :class:`Limits`).
        overrides: Metadata that wins over anything found or inferred.

    Raises:
        SourceError: the input cannot be read or holds no text.
    """
    limits = limits or Limits()
    url: str | None = None
    origin = ref
    if ref == "-":
        data = _read_stdin(limits)
        doc = read_bytes(data, "standard input", None, ReadHints(limits))
    elif _is_url(ref):
        origin = shown_url(ref)  # a password in the URL is never printed or kept
        body, ctype, charset, url = fetch_url(ref, limits)
        if ctype in ("text/html", "application/xhtml+xml"):
            fmt: str | None = "html"
        elif ctype == "text/markdown":
            fmt = "markdown"
        elif ctype == "text/plain":
            fmt = None
        else:
            raise SourceError(f"{origin}: unsupported content type {ctype}")
        doc = read_bytes(body, origin, fmt, ReadHints(limits, url=url, charset=charset))
        if doc.meta.get("url") and _is_url(doc.meta["url"]):
            doc.meta["url"] = shown_url(doc.meta["url"])
        doc.meta.setdefault("url", url)
    else:
        path = Path(ref)
        data = read_file(path, limits.max_file_bytes)
        doc = read_bytes(data, ref, reader_for_suffix(path.suffix), ReadHints(limits))
    if not doc.text.strip():
        raise SourceError(f"{origin}: no text after extraction")
    if len(doc.text) > limits.max_text_chars:
        raise SourceError(f"{origin}: {len(doc.text):,} characters of text "
                          f"(limit {limits.max_text_chars:,}): longer than any article")
    inferred = infer_details(doc.text, origin if ref != "-" else "stdin")
    details = source_details(inferred, doc.meta, doc.basis, overrides or {}, url)
    return Source(id=sid, origin=origin, text=doc.text, format=doc.format, **details)


def _overrides(item: _Item, explicit: Manifest | None) -> dict[str, str]:
    """Manifest metadata for one input: nearer manifests first, the explicit one last (it wins)."""
    overrides: dict[str, str] = {}
    for man in [*item.manifests, *([explicit] if explicit else [])]:
        overrides.update({k: v for k, v in man.lookup(item.ref).items() if k in META_KEYS})
    return overrides


def _read_task(task: tuple[str, Limits, dict[str, str]]) -> Source | SourceError:
    """Read one local file in a worker; a failure comes back as a value."""
    ref, limits, overrides = task
    try:
        return read_source(ref, "s0", limits=limits, overrides=overrides)
    except SourceError as exc:
        return exc


def _read_ahead(items: Iterator[_Item], pending: list[Skipped], skipped: list[Skipped], limits: Limits,
                explicit: Manifest | None) -> Iterator[_Item]:
    """The same items, local files among them read in parallel windows when there are many.

    Items keep their order; a window is only read once the caller has used
    the previous one, so a run over the source limit stops early. The caller
    handles results and failures exactly as for a file it reads itself.
    Inputs the expansion skips land in ``pending``; they are logged and moved
    to ``skipped`` just before the item that followed them, as if nothing
    were read ahead.
    """
    window: list[tuple[_Item, int]] = []
    moved = 0

    def flush() -> Iterator[_Item]:
        local = [it for it, _ in window if not (it.ref == "-" or _is_url(it.ref))]
        if len(local) >= THRESHOLD:
            results = pmap(_read_task, [(it.ref, limits, _overrides(it, explicit)) for it in local])
            for it, got in zip(local, results, strict=True):
                it.read = got
        for it, mark in window:
            release(mark)
            yield it
        window.clear()

    def release(mark: int) -> None:
        nonlocal moved
        for skip in pending[moved:mark]:
            _skip(skipped, False, skip.origin, skip.reason)
        moved = mark

    for item in items:
        window.append((item, len(pending)))
        if len(window) >= _READ_WINDOW:
            yield from flush()
    yield from flush()
    release(len(pending))


def list_inputs(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    manifest: str | os.PathLike[str] | None = None,
    limits: Limits | None = None,
) -> tuple[list[tuple[str, dict[str, str]]], list[Skipped]]:
    """What :func:`load_sources` would read, without reading it: for archives read elsewhere.

    Folders are walked and manifests applied exactly as :func:`load_sources`
    does, within ``limits`` (defaults: :class:`Limits`; the number of sources
    is not capped here); each input comes with the metadata its manifests give
    it, for :func:`read_source`'s ``overrides``. Repeats are left out.

    Returns:
        ``(items, skipped)``: ``(ref, overrides)`` in input order, and the
        inputs that cannot be read at all (missing files, empty globs).

    Raises:
        InputError: a manifest is invalid.
    """
    limits = limits or Limits()
    explicit = Manifest(Path(manifest), read_manifest(manifest, limits)) if manifest is not None else None
    skipped: list[Skipped] = []
    items: list[tuple[str, dict[str, str]]] = []
    seen: set[str] = set()
    for item in _expand(inputs, skipped, False, explicit, limits, defer=True):
        key = item.ref if (item.ref == "-" or _is_url(item.ref)) else str(Path(item.ref).resolve())
        if key in seen:
            continue
        seen.add(key)
        items.append((item.ref, _overrides(item, explicit)))
    return items, skipped


def load_sources(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    manifest: str | os.PathLike[str] | None = None,
    strict: bool = False,
    limits: Limits | None = None,
) -> tuple[list[Source], list[Skipped]]:
    """Read every input into sources, in input order.

    Args:
        inputs: Files, folders (recursive, sorted by path; a folder's own
            ``manifest.toml``/``.yaml``/``.yml``/``.csv`` is read as its
            manifest), glob patterns, http(s) URLs and ``"-"`` for standard
            input. With no inputs, the sources the manifest lists.
        manifest: A manifest whose metadata overrides everything else.
        strict: Raise on the first unusable input instead of skipping it.
        limits: Resource limits (defaults: :class:`Limits`).

    Returns:
        ``(sources, skipped)``: sources with ids ``"s1"``, ``"s2"``, ... and
        the inputs left out, each with its reason.

    Raises:
        SourceError: with ``strict``, for the first unusable input.
        InputError: a manifest is invalid, there are too many sources, or
            nothing usable remains.
    """
    limits = limits or Limits()
    explicit = Manifest(Path(manifest), read_manifest(manifest, limits)) if manifest is not None else None
    skipped: list[Skipped] = []
    sources: list[Source] = []
    seen: set[str] = set()
    manifests_seen: list[Manifest] = []
    if strict:
        items = _expand(inputs, skipped, strict, explicit, limits)
    else:
        pending: list[Skipped] = []
        items = _read_ahead(_expand(inputs, pending, strict, explicit, limits, defer=True), pending, skipped,
                            limits, explicit)
    for item in items:
        key = item.ref if (item.ref == "-" or _is_url(item.ref)) else resolved(item.ref)
        if key in seen and item.ref != "-":
            continue
        seen.add(key)
        if len(sources) >= limits.max_sources:
            raise InputError(f"too many sources (limit {limits.max_sources}); pass fewer inputs")
        try:
            if isinstance(item.read, SourceError):
                raise item.read
            if isinstance(item.read, Source):
                src = replace(item.read, id=f"s{len(sources) + 1}")
            else:
                src = read_source(item.ref, f"s{len(sources) + 1}", limits=limits,
                                  overrides=_overrides(item, explicit))
        except SourceError as exc:
            if strict:
                raise
            shown = shown_url(item.ref) if _is_url(item.ref) else item.ref
            shown = "standard input" if item.ref == "-" else shown
            _skip(skipped, False, shown, _reason(exc, shown))
            continue
        sources.append(src)
        manifests_seen.extend(m for m in item.manifests if all(m is not n for n in manifests_seen))
    if not sources:
        # One error line, not a warning and then an error about the same file.
        if skipped:
            first = skipped[0]
            more = f" (and {len(skipped) - 1} more skipped)" if len(skipped) > 1 else ""
            raise InputError(f"no usable sources: {first.origin}: {first.reason}{more}")
        raise InputError("no usable sources among the inputs")
    for skip in skipped:
        logger.warning("skipped %s: %s", skip.origin, skip.reason)
    # One warning per manifest file, however it came (named with --manifest and found in a folder).
    by_path = {str(m.path): m for m in [*manifests_seen, *([explicit] if explicit else [])]}
    for man in by_path.values():
        unmatched = man.unmatched()
        if unmatched:
            more = f" and {len(unmatched) - 5} more" if len(unmatched) > 5 else ""
            shown = ", ".join(unmatched[:5]) + more
            logger.warning("%s: %d row%s matched no input: %s", man.path, len(unmatched),
                           "" if len(unmatched) == 1 else "s", shown)
    return sources, skipped
