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
import logging
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.errors import ConfigError
from briefgen.model import DEFAULT_CITATION, Labels, MemoStyle, SectionSpec
from briefgen.resources import USER_OUTLETS, templates_dir, user_templates_dir
from briefgen.sources.files import FILE, FOLDER, MISSING, path_kind, read_file, resolved, within

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
#: Cues a section may list (``cues = ["future"]``); :data:`briefgen.select.sections.CUES` says what each
#: looks for.
CUES = ("future", "quote")
STYLES = ("bullets", "paragraphs")
#: Largest template file read.
MAX_TEMPLATE_BYTES = 1024 * 1024
#: Longest chain of templates extending one another.
MAX_EXTENDS = 32
#: Most sections a template may list, and most keywords or examples one section may give: past
#: these, classifying and selecting would take minutes, not seconds.
MAX_SECTIONS = 200
MAX_TERMS = 5000

logger = logging.getLogger(__name__)


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
    use_when: str = ""
    files: tuple[Path, ...] = ()  # this template's file and every file it extends, nearest first

    @property
    def enabled_sections(self) -> tuple[SectionSpec, ...]:
        """Sections to print, in template order (the catch-all included)."""
        return tuple(s for s in self.sections if s.enabled)

    @property
    def sorted_sections(self) -> tuple[SectionSpec, ...]:
        """Enabled sections that facts are sorted into: all but the catch-all."""
        return tuple(s for s in self.sections if s.enabled and not s.catch_all)

    @property
    def catch_all(self) -> SectionSpec | None:
        """The enabled section that prints the best facts fitting no other, if the template has one."""
        return next((s for s in self.sections if s.enabled and s.catch_all), None)

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


def _folder_files(folder: Path) -> list[Path]:
    """The ``*.toml`` files of a template folder; a folder that cannot be read is named in a warning."""
    kind = path_kind(folder)
    if kind == MISSING:
        return []
    try:
        if kind != FOLDER:
            raise OSError(kind)
        return sorted(p for p in folder.glob("*.toml") if path_kind(p) == FILE)
    except OSError as exc:
        logger.warning("template folder %s left out: %s", folder, exc.strerror or exc)
        return []


def list_templates() -> dict[str, Path]:
    """Template names found, user ones shadowing packaged ones."""
    found: dict[str, Path] = {}
    for folder in (templates_dir(), user_templates_dir()):
        for p in _folder_files(folder):
            if p.name != USER_OUTLETS:  # the user's outlet names, not a template
                found[p.stem] = p
    return dict(sorted(found.items()))


def _user_path(name: str | os.PathLike[str]) -> Path:
    try:
        return Path(name).expanduser()
    except RuntimeError:  # "~nobody/x": no such user, so no such file
        return Path(name)


def find_template(name: str | os.PathLike[str]) -> Path:
    """Resolve a template name or path to a file."""
    path = _user_path(name)
    kind = path_kind(path)
    if path.suffix == ".toml" or os.sep in str(name) or kind != MISSING:
        if kind == FILE:
            return path
        problem = "template file not found" if kind == MISSING else kind
        raise ConfigError(f"{name}: {problem}")
    for folder in (user_templates_dir(), templates_dir()):
        candidate = folder / f"{name}.toml"
        found = path_kind(candidate)
        if found == FILE:
            return candidate
        if found not in (MISSING, FOLDER):
            logger.warning("template %s left out: %s", candidate, found)
    known = ", ".join(list_templates()) or "none"
    raise ConfigError(f"{name}: no such template (known: {known})")


def _read_toml(path: Path) -> dict[str, Any]:
    raw = read_file(path, MAX_TEMPLATE_BYTES, error=ConfigError, what="template")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (at byte {exc.start + 1}); save it as UTF-8") from None
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError) as exc:  # ValueError: a date that does not exist
        raise ConfigError(f"{path}: invalid TOML: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nests too deeply") from None


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


def _installed(path: Path) -> bool:
    """Whether ``path`` lies in the user's template folder or among the packaged templates."""
    return within(path, [user_templates_dir(), templates_dir()])


def _outside(path: Path, target: Path, allow_outside: bool) -> bool:
    """Whether a file ``path`` names (``target``) is one it may not reach.

    A template given by path (one received, say) may extend and use as its
    reference document only files in its own folder, like a manifest;
    installed templates (the user's folder, the packaged ones) are trusted.
    """
    return not allow_outside and not _installed(path) and not within(target, [path.parent])


def _raw(path: Path, files: list[Path], allow_outside: bool = False) -> dict[str, Any]:
    """The template's data with everything it extends merged in; ``files`` gets each file read.

    The chain is followed in a loop, not by recursion, and stops at
    :data:`MAX_EXTENDS` templates.
    """
    chain: list[dict[str, Any]] = []
    seen: list[str] = []
    while True:
        data = _read_toml(path)
        files.append(path)
        seen.append(resolved(path))
        chain.append(data)
        parent = data.pop("extends", None)
        if parent is None:
            break
        if not isinstance(parent, str):
            raise ConfigError(f"{path}: extends must be a template name or path")
        if len(chain) >= MAX_EXTENDS:
            raise ConfigError(f"{files[0]}: extends a chain of more than {MAX_EXTENDS} templates")
        base_path: Path | None = None
        if "/" in parent or parent.endswith(".toml"):
            # A path, relative to the extending file.
            base_path = Path(resolved(path.parent / _user_path(parent)))
            if _outside(path, base_path, allow_outside):
                raise ConfigError(f"{path}: extends {parent!r}, outside the template's folder; refused "
                                  "(--allow-outside-files allows it)")
            kind = path_kind(base_path)
            if kind != FILE:
                problem = "which does not exist" if kind == MISSING else f"which is {kind}"
                raise ConfigError(f"{path}: extends {parent!r}, {problem}")
        else:
            # A bare name: a user template of that name, else the packaged one;
            # a file never extends itself.
            for folder in (user_templates_dir(), templates_dir()):
                candidate = folder / f"{parent}.toml"
                if path_kind(candidate) == FILE and resolved(candidate) != resolved(path):
                    base_path = candidate
                    break
        if base_path is None:
            raise ConfigError(f"{path}: extends {parent!r}, which is not a known template")
        if resolved(base_path) in seen:
            raise ConfigError(f"{path}: extends {parent!r} in a loop")
        path = base_path
    merged = chain.pop()
    while chain:
        merged = _merge(merged, chain.pop())
    return merged


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
        if len(value) > MAX_TERMS:
            self.fail(f"{where}.{key}", f"lists {len(value):,} entries (limit {MAX_TERMS:,})")
            return ()
        return tuple(v for v in value if v.strip())

    def choices(self, data: dict[str, Any], key: str, where: str,
                options: tuple[str, ...]) -> tuple[str, ...]:
        """A list of strings, each one of ``options``; duplicates dropped."""
        values = self.strings(data, key, where)
        wrong = [v for v in values if v not in options]
        if wrong:
            self.fail(f"{where}.{key}", f"must list only {', '.join(options)} (got {wrong[0]!r})")
            return ()
        return tuple(dict.fromkeys(values))

    def flag(self, data: dict[str, Any], key: str, where: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.fail(f"{where}.{key}", "must be true or false")
            return default
        return value

    def choice(
        self, data: dict[str, Any], key: str, where: str, options: tuple[str, ...], default: str
    ) -> str:
        value = self.string(data, key, where, default)
        if value not in options:
            label = f"{where}.{key}" if where else key
            self.fail(label, f"must be one of {', '.join(options)} (got {value!r})")
            return default
        return value


_TOP = {"name", "description", "use_when", "method", "reference_docx", "citation", "memo", "bluf", "labels",
        "sections"}
_MEMO = {"heading", "to", "from", "banner", "subject", "date", "date_format"}
_BLUF = {"title", "facts", "words"}
_LABELS = {"to", "from", "date", "subject", "conflicts", "disagreements", "changed", "variants",
           "also_spelled", "sources", "skipped", "page", "nothing", "uncited"}
_SECTION = {"key", "title", "intro", "keywords", "examples", "cues", "words", "facts", "sort", "style",
            "enabled", "catch_all", "if_empty"}
#: The key reserved for the catch-all section.
CATCH_ALL_KEY = "other"


def _validate(data: dict[str, Any], path: Path, files: tuple[Path, ...] = (),
              allow_outside: bool = False) -> Template:
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
        nothing=c.string(labels_raw, "nothing", "[labels]", d.nothing),
        uncited=c.string(labels_raw, "uncited", "[labels]", d.uncited),
    )
    sections: list[SectionSpec] = []
    raw_sections = data.get("sections", [])
    if not isinstance(raw_sections, list):
        c.fail("sections", "must be an array of tables ([[sections]])")
        raw_sections = []
    elif len(raw_sections) > MAX_SECTIONS:
        c.fail("sections", f"lists {len(raw_sections):,} sections (limit {MAX_SECTIONS})")
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
        catch_all = c.flag(raw, "catch_all", where, False)
        if not key or not key.replace("_", "").replace("-", "").isalnum():
            c.fail(f"{where}.key", "must be a non-empty word (letters, digits, - or _)")
        elif key in seen_keys:
            c.fail(f"{where}.key", f"{key!r} is used twice")
        elif key == CATCH_ALL_KEY and not catch_all:
            c.fail(f"{where}.key", f"{key!r} is reserved for the catch-all section (catch_all = true)")
        seen_keys.add(key)
        enabled = c.flag(raw, "enabled", where, True)
        spec = SectionSpec(
            key=key,
            title=c.string(raw, "title", where, key.title()),
            keywords=c.strings(raw, "keywords", where),
            examples=c.strings(raw, "examples", where),
            cues=c.choices(raw, "cues", where, CUES),
            intro=c.string(raw, "intro", where, ""),
            words=c.count(raw, "words", where, 110),
            facts=c.count(raw, "facts", where, 4),
            sort=c.choice(raw, "sort", where, SORTS, "rank"),
            style=c.choice(raw, "style", where, STYLES, "bullets"),
            enabled=enabled,
            catch_all=catch_all,
            if_empty=c.string(raw, "if_empty", where, ""),
        )
        if catch_all and (spec.keywords or spec.examples or spec.cues):
            c.fail(where, "is the catch-all: it takes the facts no other section fits, "
                   "so no keywords, examples or cues")
        elif catch_all and any(s.catch_all for s in sections):
            c.fail(f"{where}.catch_all", "is set on two sections; a template has one catch-all")
        elif not catch_all and not spec.keywords and not spec.examples:
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
        reference = Path(resolved(path.parent / _user_path(ref)))
        kind = path_kind(reference)
        if _outside(path, reference, allow_outside):
            c.fail("reference_docx", f"{ref!r} lies outside the template's folder; refused "
                   "(--allow-outside-files allows it)")
        elif kind == MISSING:
            c.fail("reference_docx", f"{ref!r} does not exist")
        elif kind != FILE:
            c.fail("reference_docx", f"{ref!r} is {'a folder' if kind == FOLDER else kind}")
    from briefgen.select.choice import method_names  # the registry: plugins' methods count too

    method = c.choice(data, "method", "", tuple(method_names()), "briefgen")
    use_when = c.string(data, "use_when", "", "")
    if c.problems:
        raise ConfigError(f"{path}: " + "; ".join(c.problems))
    return Template(
        name=c.string(data, "name", "", path.stem),
        description=c.string(data, "description", "", ""),
        use_when=use_when,
        sections=tuple(sections),
        memo=memo,
        bluf=bluf,
        labels=labels,
        citation=citation,
        method=method,
        reference_docx=reference,
        path=path,
        files=files or (path,),
    )


def load_template(name: str | os.PathLike[str] | Template = "default", *,
                  allow_outside: bool = False) -> Template:
    """Load and validate a template by name or path.

    Args:
        name: A packaged or user template name (``"default"``), a path to a
            TOML file, or an already loaded :class:`Template` (returned as is).
        allow_outside: Let a template given by path extend, or use as its
            reference document, a file outside its own folder (refused by
            default, as for manifests: ``--allow-outside-files``).

    Raises:
        ConfigError: naming the file and every problem found.
    """
    if isinstance(name, Template):
        return name
    path = find_template(name)
    files: list[Path] = []
    data = _raw(path, files, allow_outside)
    return _validate(data, path, tuple(files), allow_outside)
