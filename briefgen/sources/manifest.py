"""Manifests: TOML, YAML or CSV lists of sources with their metadata."""

from __future__ import annotations

import csv
import io
import logging
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.errors import BriefgenError, InputError
from briefgen.sources.decode import decode_bytes
from briefgen.sources.files import read_file, resolved
from briefgen.sources.limits import Limits
from briefgen.sources.readers import META_ALIASES, META_KEYS, clean_meta

__all__ = ["MANIFEST_NAMES", "Manifest", "read_manifest", "resolved"]

log = logging.getLogger(__name__)


#: File names read as a folder's manifest, never as sources.
MANIFEST_NAMES: tuple[str, ...] = ("manifest.toml", "manifest.yaml", "manifest.yml", "manifest.csv")


def read_manifest(path: str | os.PathLike[str], limits: Limits | None = None) -> list[dict[str, str]]:
    """Read a manifest of sources and their metadata.

    TOML: ``[[source]]`` tables; YAML: a list, or a mapping with a ``source``
    or ``sources`` list; CSV: a header row. Each entry names a ``file`` (or
    ``path``, relative to the manifest) or a ``url`` and may give outlet,
    title, date, url and author. A manifest is read like a source: a regular
    file no larger than ``limits.max_file_bytes``, listing at most
    ``limits.max_sources`` entries; YAML is read safely (see
    :mod:`briefgen.sources.safeyaml`).

    Raises:
        InputError: naming the manifest and the problem.
    """
    p = Path(path)
    limits = limits or Limits()
    suffix = p.suffix.lower()
    if suffix not in (".toml", ".yaml", ".yml", ".csv"):
        raise InputError(f"{p}: manifest must be .toml, .yaml, .yml or .csv")
    raw = read_file(p, limits.max_file_bytes, error=InputError, what="manifest")
    try:
        text = decode_bytes(raw, str(p)) if raw.strip() else ""
    except BriefgenError as exc:
        raise InputError(str(exc)) from None
    try:
        if suffix == ".toml":
            data: Any = tomllib.loads(text)
        elif suffix == ".csv":
            data = _read_csv(text, p)
        else:
            data = _load_yaml(text, p)
    except (tomllib.TOMLDecodeError, csv.Error, ValueError) as exc:
        # tomllib raises a bare ValueError for a date that does not exist (2026-02-30).
        raise InputError(f"{p}: invalid manifest: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise InputError(f"{p}: invalid manifest: nests too deeply") from None
    if isinstance(data, dict):
        data = data.get("source", data.get("sources", []))
    if not isinstance(data, list):
        raise InputError(f"{p}: manifest must list sources ([[source]] tables or a list)")
    if len(data) > limits.max_sources:
        raise InputError(f"{p}: manifest lists {len(data):,} sources (limit {limits.max_sources:,})")
    entries: list[dict[str, str]] = []
    for i, item in enumerate(data, 1):
        if not isinstance(item, dict):
            raise InputError(f"{p}: source #{i} must be a table of fields")
        ref = item.get("file") or item.get("path")
        entry = clean_meta(item, f"{p} source #{i}")
        if ref:
            if not isinstance(ref, str):
                raise InputError(f"{p}: source #{i}: file must be a file name, not {type(ref).__name__}")
            entry["file"] = ref
        elif "url" not in entry:
            raise InputError(f"{p}: source #{i} names no file and no url")
        entries.append(entry)
    _warn_unknown(p, data)
    return entries


def _read_csv(text: str, path: Path) -> list[dict[str, str]]:
    """A CSV manifest's rows as field -> value, the header row naming the fields.

    Quoting is strict (an unclosed quote is an error, not a value that runs
    to the end of the file), and a row with more values than the header has
    names is an error: its values cannot be placed (usually an unquoted
    comma inside a title). A shorter row leaves the rest of its fields empty.
    """
    rows = csv.reader(io.StringIO(text), strict=True)
    header: list[str] | None = None
    out: list[dict[str, str]] = []
    try:
        for row in rows:
            if not any(cell.strip() for cell in row):
                continue  # blank lines
            if header is None:
                header = [cell.strip() for cell in row]
            elif len(row) > len(header):
                raise InputError(f"{path}: line {rows.line_num}: {len(row)} values for {len(header)} fields "
                                 "(a value holding a comma needs double quotes)")
            else:
                out.append({name: value for name, value in zip(header, row, strict=False) if name})
    except csv.Error as exc:
        raise InputError(f"{path}: line {rows.line_num}: invalid CSV: {exc} "
                         "(an unclosed double quote?)") from None
    return out


def _warn_unknown(path: Path, data: list[Any]) -> None:
    """One warning naming the fields of a manifest that briefgen does not read (a misspelt "titel")."""
    known = {"file", "path", *META_KEYS, *META_ALIASES}
    unknown = sorted({str(k) for item in data if isinstance(item, dict) for k in item
                      if str(k).lower() not in known})
    if unknown:
        log.warning("%s: field%s %s ignored (a manifest reads file or url, outlet, title, date, author)",
                    path, "" if len(unknown) == 1 else "s", ", ".join(repr(k) for k in unknown[:5]))


def _load_yaml(text: str, path: Path) -> Any:
    """A YAML manifest's data (PyYAML is imported on first use: most runs never need it)."""
    from briefgen.sources.safeyaml import BadYaml, load_yaml

    try:
        return load_yaml(text)
    except BadYaml as exc:
        raise InputError(f"{path}: invalid manifest: {exc}") from None


@dataclass(slots=True)
class Manifest:
    """A manifest's entries, looked up by the file or URL they describe."""

    path: Path
    entries: list[dict[str, str]]
    by_file: dict[str, int] = field(default_factory=dict)
    by_url: dict[str, int] = field(default_factory=dict)
    matched: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        # Built once, so that looking up every input costs a dictionary probe,
        # not a scan of every row (a manifest may list thousands of files).
        base = self.path.parent
        for i, e in enumerate(self.entries):
            if "file" in e:
                self.by_file.setdefault(resolved(base / e["file"]), i)
            elif "url" in e:
                self.by_url.setdefault(e["url"], i)

    def lookup(self, ref: str) -> dict[str, str]:
        if re.match(r"(?i)^https?://", ref):
            i = self.by_url.get(ref)
        else:
            i = self.by_file.get(resolved(Path(ref)))
        if i is None:
            return {}
        self.matched.add(i)
        return self.entries[i]

    def refs(self) -> list[str]:
        return [str(self.path.parent / e["file"]) if "file" in e else e["url"] for e in self.entries]

    def unmatched(self) -> list[str]:
        """The files and URLs of rows that matched no input, as the manifest gives them."""
        return [e.get("file") or e.get("url", "")
                for i, e in enumerate(self.entries) if i not in self.matched]

