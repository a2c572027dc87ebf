"""Outlet names: the table of known outlets, and the name the memo prints for one.

The table ships in ``briefgen/data/outlets.toml``; an ``outlets.toml`` of the
same form in the user's template folder adds entries, which win. An outlet as
an article writes it ("대한민국 정책브리핑(www.korea.kr)", "Copyright (c) Yonhap
News Agency", "SEOUL (AP) --", "alojapan", "en.yna.co.kr") is looked up by its
whole text, then by any web domain in it, then without a bracketed part; the
memo prints the table's Latin-script name, with the outlet's own name beside
it when the article credits it in another script ("Korea.kr (대한민국
정책브리핑)"). An outlet the table does not know keeps its form, with a Latin
form put first when one is known.
"""

from __future__ import annotations

import logging
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from briefgen.errors import ConfigError
from briefgen.resources import USER_OUTLETS, user_templates_dir

__all__ = ["Outlet", "OutletTable", "has_latin", "outlet_name", "outlet_table", "short_name"]

logger = logging.getLogger(__name__)

_DOMAIN_IN = re.compile(r"(?i)(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?![\w.])")
_BRACKETED = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def has_latin(text: str) -> bool:
    """Whether ``text`` holds a Latin letter."""
    return _LATIN.search(text) is not None


def _key(text: str) -> str:
    """Comparison key: NFKC, case folded, no leading "The", letters and digits only."""
    t = unicodedata.normalize("NFKC", text).casefold().strip()
    t = re.sub(r"^the\s+", "", t)
    return "".join(c for c in t if c.isalnum())


@dataclass(frozen=True, slots=True)
class Outlet:
    """One known outlet: its Latin-script name, its own name in another script, its domains and forms.

    ``short`` is how a footnote names it ("Yonhap", "AP"); ``name`` if empty.
    """

    name: str
    native: str = ""
    domains: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    short: str = ""


class OutletTable:
    """Known outlets, looked up by any of their names, forms or domains."""

    def __init__(self, outlets: list[Outlet]) -> None:
        self.outlets = tuple(outlets)
        self._by_key: dict[str, Outlet] = {}
        self._by_domain: dict[str, Outlet] = {}
        for outlet in outlets:  # earlier entries win: the user's come first
            for form in (outlet.name, outlet.native, *outlet.forms):
                if form:
                    self._by_key.setdefault(_key(form), outlet)
            for domain in outlet.domains:
                d = domain.lower().removeprefix("www.")
                self._by_domain.setdefault(d, outlet)
                self._by_key.setdefault(_key(d), outlet)  # "korea-kr" in a file name

    def _domain(self, host: str) -> Outlet | None:
        parts = host.lower().removeprefix("www.").split(".")
        for i in range(len(parts) - 1):  # "en.yna.co.kr", then "yna.co.kr", ...
            found = self._by_domain.get(".".join(parts[i:]))
            if found is not None:
                return found
        return None

    def lookup(self, text: str) -> Outlet | None:
        """The known outlet ``text`` names, or ``None``."""
        if not text.strip():
            return None
        found = self._by_key.get(_key(text))
        if found is not None:
            return found
        for m in _DOMAIN_IN.finditer(text):
            found = self._domain(m.group(1))
            if found is not None:
                return found
        bare = _BRACKETED.sub(" ", text).strip()
        if bare and bare != text:
            return self._by_key.get(_key(bare))
        return None


def _entries(data: object, where: str) -> list[Outlet]:
    """The ``[[outlet]]`` entries of a parsed outlets file; every problem at once."""
    problems: list[str] = []
    raw = data.get("outlet", []) if isinstance(data, dict) else None
    if not isinstance(raw, list):
        raise ConfigError(f"{where}: must hold [[outlet]] tables")
    out: list[Outlet] = []
    for i, item in enumerate(raw, 1):
        if not isinstance(item, dict):
            problems.append(f"{where}: outlet #{i} must be a table")
            continue
        unknown = sorted(set(item) - {"name", "native", "short", "domains", "forms"})
        if unknown:
            problems.append(f"{where}: outlet #{i}: unknown key {', '.join(unknown)}")
        name, native, short = item.get("name"), item.get("native", ""), item.get("short", "")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{where}: outlet #{i}: name must be a non-empty string")
            continue
        if not isinstance(native, str) or not isinstance(short, str):
            problems.append(f"{where}: outlet #{i} ({name}): native and short must be strings")
            continue
        lists = {}
        for key in ("domains", "forms"):
            value = item.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                problems.append(f"{where}: outlet #{i} ({name}): {key} must be a list of strings")
                value = []
            lists[key] = tuple(v.strip() for v in value if v.strip())
        out.append(Outlet(name.strip(), native.strip(), lists["domains"], lists["forms"], short.strip()))
    if problems:
        raise ConfigError("\n".join(problems))
    return out


@lru_cache(maxsize=1)
def _packaged() -> tuple[Outlet, ...]:
    text = resources.files("briefgen.data").joinpath("outlets.toml").read_text("utf-8")
    return tuple(_entries(tomllib.loads(text), "briefgen/data/outlets.toml"))


@lru_cache(maxsize=8)
def _table(user: str, stamp: tuple[int, int]) -> OutletTable:
    """The table with the user's file ``user`` (``stamp``: its mtime and size, so an edit is seen)."""
    extra: list[Outlet] = []
    if user:
        path = Path(user)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read outlets: {exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
        extra = _entries(data, str(path))
        logger.debug("%s: %d outlets", path, len(extra))
    return OutletTable([*extra, *_packaged()])


def outlet_table() -> OutletTable:
    """The packaged outlets with the user's ``outlets.toml`` (from their template folder) on top.

    Raises:
        ConfigError: the user's file is not valid.
    """
    path = user_templates_dir() / USER_OUTLETS
    try:
        st = path.stat()
    except OSError:
        return _table("", (0, 0))
    return _table(str(path), (st.st_mtime_ns, st.st_size))


def _latin_first(text: str) -> str:
    """"대한민국 정책브리핑 (korea.kr)" -> "korea.kr (대한민국 정책브리핑)": a Latin form leads."""
    m = re.fullmatch(r"(?P<main>[^()]+?)\s*\((?P<alt>[^()]+)\)", text.strip())
    if m and not has_latin(m.group("main")) and has_latin(m.group("alt")):
        return f"{m.group('alt').strip()} ({m.group('main').strip()})"
    return text.strip()


def outlet_name(written: str, *, latin: str = "", table: OutletTable | None = None) -> str:
    """The name the memo prints for an outlet written as ``written``.

    Args:
        written: The outlet as an article, a file name or a web address writes it.
        latin: A Latin form to put beside a name written only in another script
            when the table does not know it (the web host, say); may be empty.
        table: The outlets to consult; the packaged table with the user's by default.
    """
    table = table if table is not None else outlet_table()
    known = table.lookup(written)
    bare = _DOMAIN_IN.sub("", _BRACKETED.sub(" ", written)).strip()
    if known is not None:
        if known.native and bare and not has_latin(bare):
            return f"{known.name} ({known.native})"
        return known.name
    named = _latin_first(written)
    if not has_latin(named) and latin and has_latin(latin):
        return f"{latin} ({named})"
    return named


def short_name(outlet: str, *, table: OutletTable | None = None) -> str:
    """How a footnote names ``outlet``: the table's short form ("Yonhap News Agency" -> "Yonhap").

    An outlet the table does not know loses a bracketed part at its end
    ("News1 (English edition)" -> "News1").
    """
    table = table if table is not None else outlet_table()
    known = table.lookup(outlet)
    if known is not None:
        return known.short or known.name
    bare = re.sub(r"\s*\([^()]*\)$", "", outlet.strip())
    return bare or outlet.strip()
