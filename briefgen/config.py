"""Section templates: schema, look-up, ``extends`` merging and validation.

A template is a TOML file (see ``templates/default.toml``, whose comments
document every key). Look-up order for a name: an existing path, the user
template folder (``$BRIEFGEN_TEMPLATES`` or ``~/.config/briefgen/templates``),
then the packaged templates. ``extends = "NAME"`` merges the file over another
template: tables merge key by key, ``sections`` replaces the list unless the
file gives ``[[sections]]`` entries whose ``key`` already exists, which then
update that entry in place. Every problem is reported at once, each with its
location, in one :class:`ConfigError`.
"""

from __future__ import annotations

import copy
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.errors import ConfigError
from briefgen.model import DEFAULT_CITATION, Labels, MemoStyle, SectionSpec
from briefgen.resources import templates_dir

__all__ = [
    "BlufSpec",
    "Labels",
    "MemoSpec",
    "SectionSpec",
    "Template",
    "find_template",
    "list_templates",
    "load_template",
]

SORTS = ("rank", "chronological", "source")
STYLES = ("bullets", "paragraphs")


@dataclass(frozen=True, slots=True)
class MemoSpec:
    """The memo's header fields."""

    heading: str = "MEMORANDUM"
    to: str = ""
    sender: str = ""
    banner: str = ""
    subject: str = ""
    date: str = ""
    date_format: str = "%-d %B %Y"


@dataclass(frozen=True, slots=True)
class BlufSpec:
    """The bottom line up front."""

    title: str = "Bottom line up front"
    facts: int = 4
    words: int = 130


@dataclass(frozen=True, slots=True)
class Template:
    """A validated section template."""

    name: str
    sections: tuple[SectionSpec, ...]
    memo: MemoSpec = field(default_factory=MemoSpec)
    bluf: BlufSpec = field(default_factory=BlufSpec)
    labels: Labels = field(default_factory=Labels)
    citation: str = DEFAULT_CITATION
    method: str = "briefgen"
    reference_docx: Path | None = None
    description: str = ""
    path: Path | None = None

    @property
    def enabled_sections(self) -> tuple[SectionSpec, ...]:
        """Sections to print, in template order."""
        return tuple(s for s in self.sections if s.enabled)

    @property
    def style(self) -> MemoStyle:
        """What the writers need of this template, as plain data."""
        return MemoStyle(
            template=self.name,
            heading=self.memo.heading,
            bluf_title=self.bluf.title,
            labels=self.labels,
            citation=self.citation,
            reference_docx=str(self.reference_docx) if self.reference_docx is not None else None,
            paragraphs=frozenset(s.key for s in self.sections if s.style == "paragraphs"),
        )


def user_templates_dir() -> Path:
    """The user's template folder (it need not exist)."""
    env = os.environ.get("BRIEFGEN_TEMPLATES")
    if env:
        return Path(env).expanduser()
    return Path("~/.config/briefgen/templates").expanduser()


def list_templates() -> dict[str, Path]:
    """Template names found, user ones shadowing packaged ones."""
    found: dict[str, Path] = {}
    for folder in (templates_dir(), user_templates_dir()):
        if folder.is_dir():
            for p in sorted(folder.glob("*.toml")):
                found[p.stem] = p
    return dict(sorted(found.items()))


def find_template(name: str | os.PathLike[str]) -> Path:
    """Resolve a template name or path to a file."""
    path = Path(name).expanduser()
    if path.suffix == ".toml" or os.sep in str(name) or path.exists():
        if path.is_file():
            return path
        raise ConfigError(f"{name}: template file not found")
    for folder in (user_templates_dir(), templates_dir()):
        candidate = folder / f"{name}.toml"
        if candidate.is_file():
            return candidate
    known = ", ".join(list_templates()) or "none"
    raise ConfigError(f"{name}: no such template (known: {known})")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read template: {exc.strerror or exc}") from None


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in over.items():
        if key == "sections" and isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = _merge_sections(out[key], value)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _merge_sections(base: list[Any], over: list[Any]) -> list[Any]:
    base_keys = {s.get("key") for s in base if isinstance(s, dict)}
    if not any(isinstance(s, dict) and s.get("key") in base_keys for s in over):
        return copy.deepcopy(over)
    merged = copy.deepcopy(base)
    index = {s.get("key"): i for i, s in enumerate(merged) if isinstance(s, dict)}
    for s in over:
        if isinstance(s, dict) and s.get("key") in index:
            merged[index[s["key"]]].update(copy.deepcopy(s))
        else:
            merged.append(copy.deepcopy(s))
    return merged


def _raw(path: Path, seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    data = _read_toml(path)
    parent = data.pop("extends", None)
    if parent is None:
        return data
    if not isinstance(parent, str):
        raise ConfigError(f"{path}: extends must be a template name or path")
    base_path: Path | None = None
    if "/" in parent or parent.endswith(".toml"):
        # A path, relative to the extending file.
        base_path = (path.parent / Path(parent).expanduser()).resolve()
        if not base_path.is_file():
            raise ConfigError(f"{path}: extends {parent!r}, which does not exist")
    else:
        # A bare name: a user template of that name, else the packaged one;
        # a file never extends itself.
        for folder in (user_templates_dir(), templates_dir()):
            candidate = folder / f"{parent}.toml"
            if candidate.is_file() and candidate.resolve() != path.resolve():
                base_path = candidate
                break
    if base_path is None:
        raise ConfigError(f"{path}: extends {parent!r}, which is not a known template")
    if base_path.resolve() in seen:
        raise ConfigError(f"{path}: extends {parent!r} in a loop")
    return _merge(_raw(base_path, (*seen, path.resolve())), data)


class _Checker:
    """Collects every validation problem with its location."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []

    def fail(self, where: str, msg: str) -> None:
        self.problems.append(f"{where} {msg}" if where else msg)

    def table(self, data: Any, where: str) -> dict[str, Any]:
        if data is None:
            return {}
        if not isinstance(data, dict):
            self.fail(where, "must be a table")
            return {}
        return data

    def unknown(self, data: dict[str, Any], allowed: set[str], where: str) -> None:
        for key in sorted(set(data) - allowed):
            self.fail(f"{where}.{key}" if where else key, "is not a known key")

    def string(self, data: dict[str, Any], key: str, where: str, default: str) -> str:
        value = data.get(key, default)
        if not isinstance(value, str):
            self.fail(f"{where}.{key}" if where else key, "must be a string")
            return default
        return value

    def count(self, data: dict[str, Any], key: str, where: str, default: int | None) -> int | None:
        value = data.get(key, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(f"{where}.{key}", "must be a whole number, 0 or more")
            return default
        return value or None

    def strings(self, data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(f"{where}.{key}", "must be a list of strings")
            return ()
        return tuple(v for v in value if v.strip())

    def choice(
        self, data: dict[str, Any], key: str, where: str, options: tuple[str, ...], default: str
    ) -> str:
        value = self.string(data, key, where, default)
        if value not in options:
            label = f"{where}.{key}" if where else key
            self.fail(label, f"must be one of {', '.join(options)} (got {value!r})")
            return default
        return value


_TOP = {"name", "description", "method", "reference_docx", "citation", "memo", "bluf", "labels", "sections"}
_MEMO = {"heading", "to", "from", "banner", "subject", "date", "date_format"}
_BLUF = {"title", "facts", "words"}
_LABELS = {"to", "from", "date", "subject", "conflicts", "disagreements", "changed", "variants",
           "also_spelled", "sources", "skipped", "page"}
_SECTION = {"key", "title", "intro", "keywords", "examples", "words", "facts", "sort", "style", "enabled"}


def _validate(data: dict[str, Any], path: Path) -> Template:
    c = _Checker(path)
    c.unknown(data, _TOP, "")
    memo_raw = c.table(data.get("memo"), "[memo]")
    c.unknown(memo_raw, _MEMO, "[memo]")
    memo = MemoSpec(
        heading=c.string(memo_raw, "heading", "[memo]", "MEMORANDUM"),
        to=c.string(memo_raw, "to", "[memo]", ""),
        sender=c.string(memo_raw, "from", "[memo]", ""),
        banner=c.string(memo_raw, "banner", "[memo]", ""),
        subject=c.string(memo_raw, "subject", "[memo]", ""),
        date=c.string(memo_raw, "date", "[memo]", ""),
        date_format=c.string(memo_raw, "date_format", "[memo]", "%-d %B %Y"),
    )
    bluf_raw = c.table(data.get("bluf"), "[bluf]")
    c.unknown(bluf_raw, _BLUF, "[bluf]")
    bluf = BlufSpec(
        title=c.string(bluf_raw, "title", "[bluf]", "Bottom line up front"),
        facts=c.count(bluf_raw, "facts", "[bluf]", 4) or 0,
        words=c.count(bluf_raw, "words", "[bluf]", 130) or 0,
    )
    labels_raw = c.table(data.get("labels"), "[labels]")
    c.unknown(labels_raw, _LABELS, "[labels]")
    d = Labels()
    labels = Labels(
        to=c.string(labels_raw, "to", "[labels]", d.to),
        sender=c.string(labels_raw, "from", "[labels]", d.sender),
        date=c.string(labels_raw, "date", "[labels]", d.date),
        subject=c.string(labels_raw, "subject", "[labels]", d.subject),
        conflicts=c.string(labels_raw, "conflicts", "[labels]", d.conflicts),
        disagreements=c.string(labels_raw, "disagreements", "[labels]", d.disagreements),
        changed=c.string(labels_raw, "changed", "[labels]", d.changed),
        variants=c.string(labels_raw, "variants", "[labels]", d.variants),
        also_spelled=c.string(labels_raw, "also_spelled", "[labels]", d.also_spelled),
        sources=c.string(labels_raw, "sources", "[labels]", d.sources),
        skipped=c.string(labels_raw, "skipped", "[labels]", d.skipped),
        page=c.string(labels_raw, "page", "[labels]", d.page),
    )
    sections: list[SectionSpec] = []
    raw_sections = data.get("sections", [])
    if not isinstance(raw_sections, list):
        c.fail("sections", "must be an array of tables ([[sections]])")
        raw_sections = []
    seen_keys: set[str] = set()
    for i, raw in enumerate(raw_sections):
        label = raw.get("key") if isinstance(raw, dict) and isinstance(raw.get("key"), str) else f"#{i + 1}"
        where = f"[sections.{label}]"
        if not isinstance(raw, dict):
            c.fail(where, "must be a table")
            continue
        c.unknown(raw, _SECTION, where)
        key = c.string(raw, "key", where, "")
        if not key or not key.replace("_", "").replace("-", "").isalnum():
            c.fail(f"{where}.key", "must be a non-empty word (letters, digits, - or _)")
        elif key in seen_keys or key == "other":
            c.fail(f"{where}.key", f"{key!r} is used twice or reserved")
        seen_keys.add(key)
        enabled = raw.get("enabled", True)
        if not isinstance(enabled, bool):
            c.fail(f"{where}.enabled", "must be true or false")
            enabled = True
        spec = SectionSpec(
            key=key,
            title=c.string(raw, "title", where, key.title()),
            keywords=c.strings(raw, "keywords", where),
            examples=c.strings(raw, "examples", where),
            intro=c.string(raw, "intro", where, ""),
            words=c.count(raw, "words", where, 110),
            facts=c.count(raw, "facts", where, 4),
            sort=c.choice(raw, "sort", where, SORTS, "rank"),
            style=c.choice(raw, "style", where, STYLES, "bullets"),
            enabled=enabled,
        )
        if not spec.keywords and not spec.examples:
            c.fail(where, "needs keywords or examples to recognise its facts")
        sections.append(spec)
    if not any(s.enabled for s in sections) and not c.problems:
        c.fail("sections", "must list at least one enabled section")
    citation = c.string(data, "citation", "", DEFAULT_CITATION)
    if citation:
        from briefgen.render.citation import check_citation

        problem = check_citation(citation)
        if problem:
            c.fail("citation", problem)
    ref = c.string(data, "reference_docx", "", "")
    reference: Path | None = None
    if ref:
        reference = (path.parent / Path(ref).expanduser()).resolve()
        if not reference.is_file():
            c.fail("reference_docx", f"{ref!r} does not exist")
    from briefgen.select.choice import method_names  # the registry: plugins' methods count too

    method = c.choice(data, "method", "", tuple(method_names()), "briefgen")
    if c.problems:
        raise ConfigError(f"{path}: " + "; ".join(c.problems))
    return Template(
        name=c.string(data, "name", "", path.stem),
        description=c.string(data, "description", "", ""),
        sections=tuple(sections),
        memo=memo,
        bluf=bluf,
        labels=labels,
        citation=citation,
        method=method,
        reference_docx=reference,
        path=path,
    )


def load_template(name: str | os.PathLike[str] | Template = "default") -> Template:
    """Load and validate a template by name or path.

    Args:
        name: A packaged or user template name (``"default"``), a path to a
            TOML file, or an already loaded :class:`Template` (returned as is).

    Raises:
        ConfigError: naming the file and every problem found.
    """
    if isinstance(name, Template):
        return name
    path = find_template(name)
    return _validate(_raw(path), path)
