"""Ingest: paths, folders, globs, URLs and standard input in; :class:`Source` records out.

Readers are keyed by file suffix (``.txt``, ``.md``, ``.html``, ``.docx``);
bytes are decoded with ``charset-normalizer`` after BOM and UTF-8 checks; HTML
main text is extracted by ``trafilatura`` (comments, tables and links off) and
Word files are read with ``python-docx`` after a zip-bomb check. Metadata comes,
in order of precedence, from a manifest (TOML, YAML or CSV), from the file
itself (Markdown front matter, HTML meta tags, Word core properties), from the
text (credit lines, the headline, a date line or dateline) and finally from the
file name.

Inputs are only ever read. An input that cannot be used becomes a
:class:`~briefgen.model.Skipped` record and one logged warning; only when
nothing usable remains does :func:`load_sources` raise :class:`InputError`.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import glob
import io
import logging
import os
import re
import sys
import time
import tomllib
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

from briefgen.clean import (
    best_headline,
    credit_outlet,
    dateline_end,
    find_date,
    is_headline_like,
    judge_line,
    photo_credit,
)
from briefgen.errors import InputError, SourceError
from briefgen.model import Skipped, Source
from briefgen.parallel import THRESHOLD, pmap
from briefgen.text import normalize

if TYPE_CHECKING:  # imported where used: a run over local files needs neither
    import urllib.request
    from http.client import HTTPMessage

__all__ = [
    "FORMATS",
    "MANIFEST_NAMES",
    "Limits",
    "decode_bytes",
    "fetch_url",
    "infer_metadata",
    "load_sources",
    "read_manifest",
    "read_source",
]

logger = logging.getLogger(__name__)

#: Reader format by file suffix.
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
}
#: File names read as a folder's manifest, never as sources.
MANIFEST_NAMES: tuple[str, ...] = ("manifest.toml", "manifest.yaml", "manifest.yml", "manifest.csv")
_META_KEYS = ("outlet", "title", "date", "url", "author")
# Documents a folder may hold that briefgen cannot read: reported as skipped
# (images and other files are left out silently).
_DOCUMENT_SUFFIXES = frozenset({".pdf", ".doc", ".rtf", ".odt", ".pages", ".epub"})
_META_ALIASES = {
    "publisher": "outlet",
    "source": "outlet",
    "site": "outlet",
    "sitename": "outlet",
    "headline": "title",
    "link": "url",
    "byline": "author",
    "published": "date",
}


@dataclass(frozen=True, slots=True)
class Limits:
    """Resource limits on inputs; each breach is a clear one-line error.

    Attributes:
        max_file_bytes: Largest input file, URL body or standard input read.
        max_sources: Most sources one run accepts.
        max_docx_unpacked: Largest total unpacked size of a ``.docx`` (zip bombs).
        max_docx_ratio: Largest unpacked/packed size ratio of a ``.docx``.
        timeout: Seconds allowed for one URL fetch, connection to last byte.
        max_redirects: Most HTTP redirects followed for one URL.
    """

    max_file_bytes: int = 25 * 1024 * 1024
    max_sources: int = 20_000  # a month of coverage fits; a runaway glob does not
    max_docx_unpacked: int = 100 * 1024 * 1024
    max_docx_ratio: int = 150
    timeout: float = 20.0
    max_redirects: int = 5


# --------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


# Control characters other than white space: text has almost none, binary data many.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _bad_controls(text: str) -> bool:
    sample = text[:20000]
    return len(_CONTROLS.findall(sample)) > max(2, len(sample) // 200)


def decode_bytes(data: bytes, origin: str, declared: str | None = None) -> str:
    """Decode a text file's bytes, whatever its common encoding.

    A byte-order mark decides first, then a declared charset (HTTP header or
    HTML meta) if it decodes cleanly, then strict UTF-8, then
    ``charset-normalizer``'s best guess. Line ends become ``"\\n"``.

    Raises:
        SourceError: the bytes are not text (binary or undecodable).
    """
    text: str | None = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc.replace("-sig", ""))
            except UnicodeDecodeError:
                raise SourceError(f"{origin}: not valid {enc} text despite its byte-order mark") from None
            break
    if text is None and declared:
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            text = None
    if text is None and b"\x00" not in data:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
    if text is None:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise SourceError(f"{origin}: not text (binary data or unknown encoding)")
        text = str(best)
    if _bad_controls(text):
        raise SourceError(f"{origin}: not text (binary data or unknown encoding)")
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def _html_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "ignore") if m else None


# --------------------------------------------------------------------------
# Readers: bytes -> (text, metadata found in the file)
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _Doc:
    text: str
    format: str
    meta: dict[str, str] = field(default_factory=dict)


def _clean_meta(raw: dict[str, Any], origin: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in raw.items():
        k = _META_ALIASES.get(str(key).lower(), str(key).lower())
        if k not in _META_KEYS or value is None or value == "":
            continue
        if isinstance(value, _dt.datetime):
            value = value.date().isoformat()
        elif isinstance(value, _dt.date):
            value = value.isoformat()
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        value = str(value).strip()
        if k == "date":
            found = find_date(value)
            if found is None:
                logger.warning("%s: date %r is not a recognised date; ignored", origin, value)
                continue
            value = found[0]
        out[k] = value
    return out


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def _read_markdown(text: str, origin: str) -> _Doc:
    meta: dict[str, str] = {}
    m = _FRONT_MATTER.match(text)
    if m:
        import yaml

        try:
            data = yaml.safe_load(m.group(1))
        except yaml.YAMLError as exc:
            raise SourceError(f"{origin}: invalid YAML front matter: {str(exc).splitlines()[0]}") from None
        if isinstance(data, dict):
            meta = _clean_meta(data, origin)
        text = text[m.end():]
    if "title" not in meta:
        h = re.search(r"^#\s+(.+?)\s*#*\s*$", text, re.MULTILINE)
        if h:
            meta["title"] = h.group(1).strip()
    return _Doc(text, "markdown", meta)


def _read_html(html: str, origin: str, url: str | None = None) -> _Doc:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        with_metadata=True,
        deduplicate=False,
    )
    if doc is None:
        raise SourceError(f"{origin}: no article text found in the HTML")
    text = (getattr(doc, "text", None) or "").strip()
    raw = {
        "title": getattr(doc, "title", None),
        "outlet": getattr(doc, "sitename", None),
        "date": getattr(doc, "date", None),
        "author": getattr(doc, "author", None),
        "url": getattr(doc, "url", None) or url,
    }
    return _Doc(text + "\n" if text else "", "html", _clean_meta(raw, origin))


def _check_docx_zip(data: bytes, origin: str, limits: Limits) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile:
        raise SourceError(f"{origin}: not a Word .docx file (not a zip archive)") from None
    if len(infos) > 10000:
        raise SourceError(f"{origin}: .docx holds {len(infos)} parts (limit 10000); refusing it")
    unpacked = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if unpacked > limits.max_docx_unpacked:
        raise SourceError(
            f"{origin}: .docx unpacks to {unpacked // 2**20} MB "
            f"(limit {limits.max_docx_unpacked // 2**20} MB); refusing a possible zip bomb"
        )
    if unpacked > 1024 * 1024 and unpacked / packed > limits.max_docx_ratio:
        raise SourceError(f"{origin}: .docx is compressed {unpacked // packed}:1; "
                          "refusing a possible zip bomb")


def _read_docx(data: bytes, origin: str, limits: Limits) -> _Doc:
    _check_docx_zip(data, origin, limits)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise SourceError(f"{origin}: cannot read the Word file ({type(exc).__name__})") from None
    paragraphs = [p.text for p in document.paragraphs]
    text = "\n".join(paragraphs).strip()
    props = document.core_properties
    raw = {"title": props.title, "author": props.author, "date": props.created}
    return _Doc(text + "\n" if text else "", "docx", _clean_meta(raw, origin))


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or bool(
        re.search(r"<(?:html|head|body|article|p|div)\b", head)
    )


_MAGIC = (
    (b"%PDF", "a PDF file, which briefgen does not read; save it as text or .docx"),
    (b"\xd0\xcf\x11\xe0", "a legacy Word .doc file; save it as .docx"),
    (b"{\\rtf", "an RTF file; save it as .docx or text"),
    (b"\x89PNG", "an image, not text"),
    (b"\xff\xd8\xff", "an image, not text"),
    (b"GIF8", "an image, not text"),
    (b"\x1f\x8b", "a compressed file, not text"),
)


def _read_bytes(data: bytes, origin: str, fmt: str | None, limits: Limits, url: str | None = None,
                declared: str | None = None) -> _Doc:
    if not data.strip():
        raise SourceError(f"{origin}: empty input")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise SourceError(f"{origin}: {what}")
    if data.startswith(b"PK\x03\x04") and fmt != "docx":
        fmt = "docx" if b"word/document.xml" in data[:65536] else fmt
        if fmt != "docx":
            raise SourceError(f"{origin}: a zip archive, not text")
    if fmt == "docx":
        return _read_docx(data, origin, limits)
    if fmt == "html":
        return _read_html(decode_bytes(data, origin, declared or _html_charset(data)), origin, url)
    text = decode_bytes(data, origin, declared)
    if fmt is None:
        if _looks_like_html(text):
            return _read_html(text, origin, url)
        fmt = "markdown" if _FRONT_MATTER.match(text) else "text"
    if fmt == "markdown":
        return _read_markdown(text, origin)
    return _Doc(text, "text")


# --------------------------------------------------------------------------
# URLs
# --------------------------------------------------------------------------


def _redirect_handler(limit: int) -> urllib.request.HTTPRedirectHandler:
    """A redirect handler following at most ``limit`` redirects, and only to http(s) addresses."""
    import urllib.request

    class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
        max_redirections = limit
        max_repeats = min(4, limit)

        def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                             headers: HTTPMessage, newurl: str) -> urllib.request.Request | None:
            if urlsplit(newurl).scheme.lower() not in ("http", "https"):
                raise SourceError(f"{req.full_url}: redirected to a non-HTTP address {newurl!r}")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return _HttpOnlyRedirects()


def fetch_url(url: str, limits: Limits | None = None) -> tuple[bytes, str, str | None, str]:
    """Fetch an http(s) URL with a timeout, a size cap and a redirect limit.

    Returns:
        ``(body, content_type, charset, final_url)``.

    Raises:
        SourceError: naming the URL and what went wrong.
    """
    import urllib.error
    import urllib.request

    limits = limits or Limits()
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise SourceError(f"{url}: only http:// and https:// addresses are fetched")
    opener = urllib.request.build_opener(_redirect_handler(limits.max_redirects))
    headers = {"User-Agent": "briefgen/0.1", "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"}
    request = urllib.request.Request(url, headers=headers)
    deadline = time.monotonic() + limits.timeout
    try:
        with opener.open(request, timeout=limits.timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limits.max_file_bytes:
                raise SourceError(f"{url}: response is {int(length)} bytes (limit {limits.max_file_bytes})")
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise SourceError(f"{url}: timed out after {limits.timeout:g} s")
                chunk = resp.read(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > limits.max_file_bytes:
                    raise SourceError(f"{url}: response is larger than {limits.max_file_bytes} bytes")
                chunks.append(chunk)
            ctype = resp.headers.get_content_type()
            charset = resp.headers.get_content_charset()
            final = resp.geturl()
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            target = exc.headers.get("Location", "") if exc.headers else ""
            if "not allowed" in str(exc.msg):
                raise SourceError(f"{url}: redirected to a non-HTTP address {target!r}") from None
            raise SourceError(f"{url}: more than {limits.max_redirects} redirects") from None
        raise SourceError(f"{url}: HTTP error {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise SourceError(f"{url}: timed out after {limits.timeout:g} s") from None
        raise SourceError(f"{url}: cannot fetch ({reason})") from None
    except TimeoutError:
        raise SourceError(f"{url}: timed out after {limits.timeout:g} s") from None
    except OSError as exc:
        raise SourceError(f"{url}: cannot fetch ({exc})") from None
    return b"".join(chunks), ctype, charset, final


# --------------------------------------------------------------------------
# Metadata inference
# --------------------------------------------------------------------------

_SLUG_DATE = re.compile(r"((?:19|20)\d\d)[-_.]?(\d\d)[-_.]?(\d\d)")


def _name_parts(origin: str) -> tuple[str, str]:
    """``(outlet_guess, title_guess)`` from a file name or URL path."""
    parsed = urlsplit(origin)
    if parsed.scheme in ("http", "https"):
        host = parsed.hostname or ""
        stem = Path(parsed.path).stem
        outlet = re.sub(r"^(?:www|m|amp|news|english|en)\.", "", host)
    else:
        stem = Path(origin).stem
        outlet = ""
    m = _SLUG_DATE.search(stem)
    if m:
        before, after = stem[: m.start()], stem[m.end():]
    else:
        before, after = "", stem
    words_before = [w for w in re.split(r"[-_ ]+", before) if w]
    words_after = [w for w in re.split(r"[-_ ]+", after) if w and not w.isdigit()]
    if not outlet and words_before:
        outlet = " ".join(w.capitalize() if w.islower() else w for w in words_before)
    title = " ".join(words_after) or stem
    title = title[:1].upper() + title[1:]
    return outlet, title


def infer_metadata(text: str, origin: str) -> dict[str, str]:
    """Guess outlet, title and date from an article's text and its name.

    The outlet comes from a credit or copyright line ("Copyright (c) Yonhap News
    Agency ...", "[출처] ...(www.korea.kr)"), a wire dateline ("SEOUL (AP) --"),
    or a trailing site name ("AloJapan.com"), else from the file name, else
    from the commonest photo credit ("... / News1"); the title from a headline-like
    line at the top (preferring one printed twice); the date from a
    stand-alone date line or a dateline. Whatever is still missing comes from
    the file name (``outlet-2026-01-13-slug.txt``) or the URL.

    Returns:
        A dict with ``outlet``, ``title`` and, when found, ``date``.
    """
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    meta: dict[str, str] = {}
    # Outlet: credit lines anywhere (last ones first), then datelines.
    for i, line in enumerate(reversed(lines)):
        who = credit_outlet(line, last=(i == 0))
        if who:
            meta["outlet"] = _tidy_outlet(who)
            break
    if "outlet" not in meta:
        for line in lines[:8]:
            who = credit_outlet(line)
            if who:
                meta["outlet"] = _tidy_outlet(who)
                break
    # Title: a headline-like line near the top, preferring one printed twice.
    top = lines[:20]
    keys = [normalize(x) for x in lines[:40]]
    for line, key in zip(top, keys, strict=False):
        if is_headline_like(line) and len(key) >= 15 and judge_line(line) is None and \
                sum(key in k and len(k) - len(key) <= 25 for k in keys) >= 2:
            meta["title"] = line
            break
    if "title" not in meta:
        # The title-like line the article body echoes most (teasers for other
        # stories echo nothing), else a title-like first line.
        # Credits and page furniture can be no title; blanked, not removed, so
        # each line keeps its place (the line after a headline may be its dek).
        # A lead behind a wire dateline ("LONDON (AP) _ ...") stays: it is story.
        candidates = ["" if (credit_outlet(x) and not dateline_end(x)) or judge_line(x) is not None else x
                      for x in lines[:60]]
        pick = best_headline(candidates)
        if pick is not None:
            meta["title"] = candidates[pick]
        else:
            first = next((x for x in candidates[:3] if x and not (find_date(x) and len(x.split()) <= 8)), "")
            if is_headline_like(first) and len(first.split()) >= 3:
                meta["title"] = first
    # Date: a stand-alone date line near the top, else the file name's date,
    # else a date early in the headline or the lead ("WASHINGTON (AP) -- The
    # Senate passed ... on Jan. 13, 2026"). A date further into the story is
    # what it reports on ("between Sept. 11, 1973, and ..."), not when it ran.
    in_lead = None
    for i, line in enumerate(lines[:12]):
        found = find_date(line)
        if not found:
            continue
        if len(line.split()) <= 10:
            meta["date"] = found[0]
            break
        if in_lead is None and i < 2 and found[1] < 60:
            in_lead = found[0]
    name_outlet, name_title = _name_parts(origin)
    m = _SLUG_DATE.search(Path(urlsplit(origin).path).name)
    if "date" not in meta and m:
        with contextlib.suppress(ValueError):
            meta["date"] = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    if "date" not in meta and in_lead is not None:
        meta["date"] = in_lead
    if "outlet" not in meta:
        credits = [c for c in (photo_credit(line) for line in lines) if c]
        if name_outlet:
            meta["outlet"] = name_outlet
        elif credits:
            # Outlets credit their own photographers most: the commonest credit.
            meta["outlet"] = max(credits, key=lambda c: (credits.count(c), -credits.index(c)))
        elif origin not in ("-", "stdin"):
            stem = Path(urlsplit(origin).path).stem
            meta["outlet"] = stem.capitalize() if stem.islower() else stem
    meta.setdefault("outlet", "Unknown outlet")
    if "title" not in meta:
        # A file name of words ("nara-summit-relations") reads as a title; one
        # of codes ("APW19981017.0151") does not, and the lead says more.
        named = sum(any(c.isalpha() for c in w) and not any(c.isdigit() for c in w)
                    for w in re.split(r"[-_. ]+", name_title))
        meta["title"] = name_title if named >= 2 else (_lead_title(lines) or name_title)
    return meta


def _lead_title(lines: Sequence[str], limit: int = 12) -> str:
    """The story's first words as a title: its lead cut to ``limit`` words, dateline dropped."""
    from briefgen.segment import split_sentences  # loads Punkt: only for untitled copy

    for line in lines[:5]:
        body = line[dateline_end(line):].strip()
        if credit_outlet(body) or (find_date(body) and len(body.split()) <= 10) or len(body.split()) < 4:
            continue
        body = next(iter(split_sentences(body)), body)
        cut = body.split()
        if len(cut) <= limit:
            return body.rstrip(".")  # a title, not the sentence itself: the cleaner keeps the sentence
        return " ".join(cut[:limit]).rstrip(",;:") + "…"
    return ""


def _tidy_outlet(who: str) -> str:
    """"대한민국 정책브리핑(www.korea.kr)" -> "대한민국 정책브리핑 (korea.kr)"."""
    who = re.sub(r"\s*\(\s*(?:https?://)?(?:www\.)?([^()\s]+?)/?\s*\)", r" (\1)", who).strip()
    return who.strip(" .,;:")


# --------------------------------------------------------------------------
# Manifests
# --------------------------------------------------------------------------


def read_manifest(path: str | os.PathLike[str]) -> list[dict[str, str]]:
    """Read a manifest of sources and their metadata.

    TOML: ``[[source]]`` tables; YAML: a list, or a mapping with a ``source``
    or ``sources`` list; CSV: a header row. Each entry names a ``file`` (or
    ``path``, relative to the manifest) or a ``url`` and may give outlet,
    title, date, url and author.

    Raises:
        InputError: naming the manifest and the problem.
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read manifest: {exc.strerror or exc}") from None
    text = decode_bytes(raw, str(p)) if raw else ""
    suffix = p.suffix.lower()
    if suffix not in (".toml", ".yaml", ".yml", ".csv"):
        raise InputError(f"{p}: manifest must be .toml, .yaml, .yml or .csv")
    try:
        if suffix == ".toml":
            data: Any = tomllib.loads(text)
        elif suffix == ".csv":
            data = list(csv.DictReader(io.StringIO(text)))
        else:
            data = _load_yaml(text, p)
    except (tomllib.TOMLDecodeError, csv.Error) as exc:
        raise InputError(f"{p}: invalid manifest: {str(exc).splitlines()[0]}") from None
    if isinstance(data, dict):
        data = data.get("source", data.get("sources", []))
    if not isinstance(data, list):
        raise InputError(f"{p}: manifest must list sources ([[source]] tables or a list)")
    entries: list[dict[str, str]] = []
    for i, item in enumerate(data, 1):
        if not isinstance(item, dict):
            raise InputError(f"{p}: source #{i} must be a table of fields")
        ref = item.get("file") or item.get("path")
        entry = _clean_meta(item, f"{p} source #{i}")
        if ref:
            entry["file"] = str(ref)
        elif "url" not in entry:
            raise InputError(f"{p}: source #{i} names no file and no url")
        entries.append(entry)
    return entries


def _load_yaml(text: str, path: Path) -> Any:
    """A YAML manifest's data (PyYAML is imported on first use: most runs never need it)."""
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: invalid manifest: {str(exc).splitlines()[0]}") from None


@dataclass(slots=True)
class _Manifest:
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
                self.by_file.setdefault(_resolved(base / e["file"]), i)
            elif "url" in e:
                self.by_url.setdefault(e["url"], i)

    def lookup(self, ref: str) -> dict[str, str]:
        if re.match(r"(?i)^https?://", ref):
            i = self.by_url.get(ref)
        else:
            i = self.by_file.get(_resolved(Path(ref)))
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


def _resolved(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError, ValueError):  # a loop of links, a NUL: compare as written
        return os.path.abspath(path)


# --------------------------------------------------------------------------
# Expanding inputs
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _Item:
    ref: str
    manifests: list[_Manifest] = field(default_factory=list)
    read: Source | SourceError | None = None  # read ahead in a worker, for large batches


_GLOB_CHARS = re.compile(r"[*?\[]")
# Files read ahead at a time when a large batch is read in parallel.
_READ_WINDOW = 1000


def _is_url(ref: str) -> bool:
    return bool(re.match(r"(?i)^[a-z][a-z0-9+.-]*://", ref))


def _expand(inputs: Sequence[str | os.PathLike[str]], skipped: list[Skipped], strict: bool,
            explicit: _Manifest | None, *, defer: bool = False) -> Iterator[_Item]:
    """Items to read, in order; unusable inputs go to ``skipped`` (unlogged with ``defer``)."""
    for raw in inputs:
        ref = os.fspath(raw)
        if ref == "-" or _is_url(ref):
            yield _Item(ref)
            continue
        path = Path(ref).expanduser()
        if path.is_dir():
            try:
                found = list(_expand_dir(path, skipped, strict, defer=defer))
            except OSError as exc:
                _skip(skipped, strict, ref, f"cannot read folder: {exc.strerror or exc}")
                continue
            yield from found
        elif path.is_file():
            if path.name.lower() in MANIFEST_NAMES:
                man = _Manifest(path, read_manifest(path))
                for r in man.refs():
                    yield _Item(r, [man])
            else:
                yield _Item(str(path))
        elif _GLOB_CHARS.search(ref):
            matches = sorted(glob.glob(str(path), recursive=True))
            files = [m for m in matches if Path(m).is_file() and Path(m).name.lower() not in MANIFEST_NAMES]
            if not files:
                _skip(skipped, strict, ref, "no file matches this pattern")
            for m in files:
                yield _Item(m)
        else:
            _skip(skipped, strict, ref, "no such file or folder")
    if explicit is not None and not inputs:
        for r in explicit.refs():
            yield _Item(r)


def _walk(folder: Path, on_error: Callable[[OSError], None]) -> Iterator[Path]:
    """Every file in ``folder`` and below, sorted; hidden entries left out.

    Links to folders are never followed, and a link to a file is kept only
    when its target lies inside ``folder``: a folder walk reads nothing
    outside the folder named. A folder that cannot be listed goes to
    ``on_error``.
    """
    root = folder.resolve()
    for here, dirs, files in os.walk(folder, onerror=on_error, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            p = Path(here) / name
            if p.is_symlink():
                target = Path(_resolved(p))
                if not target.is_relative_to(root):
                    logger.debug("%s: a link to %s, outside %s; left out", p, target, folder)
                    continue
            yield p


def _expand_dir(folder: Path, skipped: list[Skipped], strict: bool, *,
                defer: bool = False) -> Iterator[_Item]:
    manifests: dict[Path, _Manifest] = {}
    files: list[Path] = []

    def unreadable(exc: OSError) -> None:
        _skip(skipped, strict, str(exc.filename or folder), f"cannot read folder: {exc.strerror or exc}")

    for p in sorted(_walk(folder, unreadable)):
        if not p.is_file():
            continue
        if p.name.lower() in MANIFEST_NAMES:
            if p.parent not in manifests:
                manifests[p.parent] = _Manifest(p, read_manifest(p))
            continue
        if p.suffix.lower() in FORMATS:
            files.append(p)
        elif p.suffix.lower() in _DOCUMENT_SUFFIXES:
            _skip(skipped, strict, str(p), f"unsupported document format ({p.suffix.lower()})")
        else:
            logger.debug("%s: not a supported file type; left out of the folder", p)
    for p in files:
        mans = [m for d, m in manifests.items() if d == p.parent or d in p.parents]
        mans.sort(key=lambda m: len(m.path.parent.parts))  # nearer manifests override farther ones
        yield _Item(str(p), mans)


def _skip(skipped: list[Skipped], strict: bool, origin: str, reason: str) -> None:
    """Note an unusable input (raise it with ``strict``); warnings come once reading is done."""
    if strict:
        raise SourceError(f"{origin}: {reason}")
    skipped.append(Skipped(origin, reason))


# --------------------------------------------------------------------------
# Reading one input
# --------------------------------------------------------------------------


def _read_limited(path: Path, limits: Limits) -> bytes:
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise SourceError(f"{path}: file is {size // 2**20} MB "
                              f"(limit {limits.max_file_bytes // 2**20} MB)")
        with path.open("rb") as fh:
            data = fh.read(limits.max_file_bytes + 1)
    except PermissionError:
        raise SourceError(f"{path}: permission denied") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > limits.max_file_bytes:
        raise SourceError(f"{path}: file is larger than {limits.max_file_bytes // 2**20} MB")
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
    if ref == "-":
        data = sys.stdin.buffer.read(limits.max_file_bytes + 1)
        if len(data) > limits.max_file_bytes:
            raise SourceError(f"standard input: larger than {limits.max_file_bytes // 2**20} MB")
        doc = _read_bytes(data, "standard input", None, limits)
    elif _is_url(ref):
        body, ctype, charset, url = fetch_url(ref, limits)
        if ctype in ("text/html", "application/xhtml+xml"):
            fmt: str | None = "html"
        elif ctype == "text/markdown":
            fmt = "markdown"
        elif ctype == "text/plain":
            fmt = None
        else:
            raise SourceError(f"{ref}: unsupported content type {ctype}")
        doc = _read_bytes(body, ref, fmt, limits, url=url, declared=charset)
        doc.meta.setdefault("url", url)
    else:
        path = Path(ref)
        data = _read_limited(path, limits)
        doc = _read_bytes(data, ref, FORMATS.get(path.suffix.lower()), limits)
    if not doc.text.strip():
        raise SourceError(f"{ref}: no text after extraction")
    meta = dict(infer_metadata(doc.text, ref if ref != "-" else "stdin"))
    meta.update(doc.meta)
    meta.update(overrides or {})
    return Source(
        id=sid,
        origin=ref,
        text=doc.text,
        outlet=meta.get("outlet") or "Unknown outlet",
        title=meta.get("title") or (Path(ref).stem if ref != "-" else "Untitled"),
        date=meta.get("date"),
        url=meta.get("url") or url,
        author=meta.get("author"),
        format=doc.format,
    )


def _overrides(item: _Item, explicit: _Manifest | None) -> dict[str, str]:
    """Manifest metadata for one input: nearer manifests first, the explicit one last (it wins)."""
    overrides: dict[str, str] = {}
    for man in [*item.manifests, *([explicit] if explicit else [])]:
        overrides.update({k: v for k, v in man.lookup(item.ref).items() if k in _META_KEYS})
    return overrides


def _read_task(task: tuple[str, Limits, dict[str, str]]) -> Source | SourceError:
    """Read one local file in a worker; a failure comes back as a value."""
    ref, limits, overrides = task
    try:
        return read_source(ref, "s0", limits=limits, overrides=overrides)
    except SourceError as exc:
        return exc


def _read_ahead(items: Iterator[_Item], pending: list[Skipped], skipped: list[Skipped], limits: Limits,
                explicit: _Manifest | None) -> Iterator[_Item]:
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
    explicit = _Manifest(Path(manifest), read_manifest(manifest)) if manifest is not None else None
    skipped: list[Skipped] = []
    sources: list[Source] = []
    seen: set[str] = set()
    manifests_seen: list[_Manifest] = []
    if strict:
        items = _expand(inputs, skipped, strict, explicit)
    else:
        pending: list[Skipped] = []
        items = _read_ahead(_expand(inputs, pending, strict, explicit, defer=True), pending, skipped, limits,
                            explicit)
    for item in items:
        key = item.ref if (item.ref == "-" or _is_url(item.ref)) else str(Path(item.ref).resolve())
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
            reason = str(exc)
            prefix = f"{item.ref}: "
            _skip(skipped, False, item.ref, reason[len(prefix):] if reason.startswith(prefix) else reason)
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
    for man in [*manifests_seen, *([explicit] if explicit else [])]:
        unmatched = man.unmatched()
        if unmatched:
            more = f" and {len(unmatched) - 5} more" if len(unmatched) > 5 else ""
            shown = ", ".join(unmatched[:5]) + more
            logger.warning("%s: %d row%s matched no input: %s", man.path, len(unmatched),
                           "" if len(unmatched) == 1 else "s", shown)
    return sources, skipped
