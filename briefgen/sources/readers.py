"""Readers: a file's bytes to its text and the metadata the file itself gives.

:data:`READERS` is the one registry of input formats, keyed by name:
plain ``text``; ``markdown`` with YAML front matter; ``html``, whose main text
``trafilatura`` extracts (comments, tables and links off); Word ``docx`` after
a zip-bomb check; and any plugin's (entry-point group ``briefgen.readers``).
A file's reader is chosen by its suffix, else by content (a reader's
``sniff``), else plain text. Known binary formats (PDF, legacy .doc, images)
are refused first, with a line saying what they are.
"""

from __future__ import annotations

import datetime as _dt
import io
import logging
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from briefgen.errors import BriefgenError, SourceError
from briefgen.plugins import Registry
from briefgen.sources.decode import decode_bytes, decode_entities, html_charset, repaired
from briefgen.sources.limits import Limits
from briefgen.sources.lines import find_date

logger = logging.getLogger(__name__)

__all__ = [
    "DOCUMENT_SUFFIXES",
    "META_ALIASES",
    "META_KEYS",
    "READERS",
    "Document",
    "ReadHints",
    "Reader",
    "clean_meta",
    "docx_package",
    "read_bytes",
    "reader_for_suffix",
]

META_KEYS = ("outlet", "title", "date", "url", "author")
#: Longest metadata value kept (characters); a longer one is cut, so no field can swell every footnote.
MAX_META_CHARS = 2000
#: Largest Markdown front matter read (bytes of YAML), like a small manifest.
MAX_FRONT_MATTER = 64 * 1024
# Documents a folder may hold that briefgen cannot read: reported as skipped
# (images and other files are left out silently).
DOCUMENT_SUFFIXES = frozenset({".pdf", ".doc", ".rtf", ".odt", ".pages", ".epub"})
#: Other names of metadata fields, as sites and manifests spell them.
META_ALIASES = {
    "publisher": "outlet",
    "source": "outlet",
    "site": "outlet",
    "sitename": "outlet",
    "headline": "title",
    "link": "url",
    "byline": "author",
    "published": "date",
}


@dataclass(slots=True)
class Document:
    """What a reader found in a file: its text, its format's name, and metadata it gives.

    ``meta`` may hold ``outlet``, ``title``, ``date`` (ISO 8601), ``url`` and
    ``author``; what it lacks is inferred from the text and the file name.
    ``basis`` says how an entry of ``meta`` was learnt, as ``(how, where)``
    (``("found", "first heading")``), for entries not simply given by the
    file's metadata.
    """

    text: str
    format: str
    meta: dict[str, str] = field(default_factory=dict)
    basis: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ReadHints:
    """What a reader may need beyond the bytes: limits, and for fetched pages their URL and charset."""

    limits: Limits = field(default_factory=Limits)
    url: str | None = None
    charset: str | None = None
    text: str | None = None  # the bytes decoded already, when they were sniffed


@dataclass(frozen=True, slots=True)
class Reader:
    """An input format.

    Attributes:
        suffixes: File extensions it reads (lower case, with the dot).
        read: The file's bytes, its name (for messages) and hints, to a
            :class:`Document`; raises :class:`~briefgen.errors.SourceError`
            with a message naming the file if they are not of its format.
        sniff: Whether a file without a known suffix is of this format,
            judged from its decoded text (optional).
        description: One line for help texts.
    """

    suffixes: tuple[str, ...]
    read: Callable[[bytes, str, ReadHints], Document]
    sniff: Callable[[str], bool] | None = None
    description: str = ""


def clean_meta(raw: dict[str, Any], origin: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in raw.items():
        k = META_ALIASES.get(str(key).lower(), str(key).lower())
        if k not in META_KEYS or value is None or value == "":
            continue
        if isinstance(value, _dt.datetime):
            value = value.date().isoformat()
        elif isinstance(value, _dt.date):
            value = value.isoformat()
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        value = str(value).strip()
        if len(value) > MAX_META_CHARS:
            logger.debug("%s: %s is %d characters long; cut to %d", origin, k, len(value), MAX_META_CHARS)
            value = value[:MAX_META_CHARS - 1].rstrip() + "\u2026"
        if k == "date":
            found = find_date(value)
            if found is None:
                logger.warning("%s: date %r is not a recognised date; ignored", origin, value)
                continue
            value = found[0]
        out[k] = value
    return out


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def _read_markdown(text: str, origin: str) -> Document:
    meta: dict[str, str] = {}
    m = _FRONT_MATTER.match(text)
    if m:
        from briefgen.sources.safeyaml import BadYaml, load_yaml

        if len(m.group(1)) > MAX_FRONT_MATTER:
            raise SourceError(f"{origin}: YAML front matter is {len(m.group(1)) // 1024} KB "
                              f"(limit {MAX_FRONT_MATTER // 1024} KB)")
        try:
            data = load_yaml(m.group(1))
        except BadYaml as exc:
            raise SourceError(f"{origin}: invalid YAML front matter: {exc}") from None
        if isinstance(data, dict):
            meta = clean_meta(data, origin)
        text = text[m.end():]
    basis = {k: ("given", "front matter") for k in meta}
    if "title" not in meta:
        h = re.search(r"^#\s+(.+?)\s*#*\s*$", text, re.MULTILINE)
        if h:
            meta["title"] = h.group(1).strip()
            basis["title"] = ("found", "first heading")
    return Document(text, "markdown", meta, basis)


# A numeric character reference to what no XML document may hold (NUL, most C0 controls, surrogates,
# U+FFFE and U+FFFF, beyond U+10FFFF): lxml refuses the whole page over one of them.
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _xml_char(code: int) -> bool:
    return (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF)


def _drop_bad_refs(html: str) -> str:
    """``html`` without character references to characters XML cannot hold (and without such characters)."""

    def keep(m: re.Match[str]) -> str:
        code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
        return m.group(0) if _xml_char(code) else ""

    html = _CHAR_REF.sub(keep, html) if "&#" in html else html
    return _BAD_XML_CHARS.sub("", html)


_BAD_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _read_html(html: str, origin: str, url: str | None = None) -> Document:
    import trafilatura

    html = _drop_bad_refs(html)
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        with_metadata=True,
        deduplicate=False,
        # The page's own markup only (meta tags, <time>, the address): an
        # extensive search dates a page from its text, "Copyright 1998" as 1998-01-01.
        date_extraction_params={"extensive_search": False, "original_date": True},
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
    meta = clean_meta(raw, origin)
    return Document(text + "\n" if text else "", "html", meta, {k: ("given", "page metadata") for k in meta})


def _check_docx_zip(data: bytes, origin: str, limits: Limits,
                    error: type[BriefgenError] = SourceError) -> None:
    """Refuse a package whose directory already admits to being too large (see :func:`docx_package`)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise error(f"{origin}: not a Word .docx file (not a zip archive)") from None
    if len(infos) > 10000:
        raise error(f"{origin}: .docx holds {len(infos)} parts (limit 10000); refusing it")
    unpacked = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if unpacked > limits.max_docx_unpacked:
        raise error(
            f"{origin}: .docx unpacks to {unpacked // 2**20} MB "
            f"(limit {limits.max_docx_unpacked // 2**20} MB); refusing a possible zip bomb"
        )
    if unpacked > 1024 * 1024 and unpacked / packed > limits.max_docx_ratio:
        raise error(f"{origin}: .docx is compressed {unpacked // packed}:1; "
                          "refusing a possible zip bomb")


def docx_package(data: bytes, origin: str, limits: Limits, error: type[BriefgenError] = SourceError) -> bytes:
    """A clean copy of the Word package ``data``, every part inflated for real within the limits.

    A zip's directory may lie about its parts' sizes, and ``zipfile`` trusts
    it: a part that claims a kilobyte can inflate to gigabytes before its
    checksum fails. Here each part is inflated a megabyte at a time, counting
    what really comes out, and the parts are stored again, uncompressed, in a
    new package whose directory tells the truth, which is what python-docx
    then reads.

    Raises:
        BriefgenError: of class ``error``, naming ``origin``: not a zip, too
            many parts, damaged, or unpacking past the size or ratio limits.
    """
    _check_docx_zip(data, origin, limits, error)
    packed = max(1, len(data))
    out = io.BytesIO()
    total = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
            for info in zf.infolist():
                if info.is_dir():
                    continue
                chunks: list[bytes] = []
                with zf.open(info) as fh:
                    while chunk := fh.read(1 << 20):
                        total += len(chunk)
                        if total > limits.max_docx_unpacked or (
                                total > 1 << 20 and total / packed > limits.max_docx_ratio):
                            raise error(f"{origin}: .docx unpacks to more than it says "
                                        f"(over {min(total, limits.max_docx_unpacked) // 2**20} MB or "
                                        f"{limits.max_docx_ratio}:1); refusing a possible zip bomb")
                        chunks.append(chunk)
                dst.writestr(info.filename, b"".join(chunks))
    except BriefgenError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
            ValueError, OSError) as exc:
        raise error(f"{origin}: cannot read the Word file ({_zip_problem(exc)})") from None
    return out.getvalue()


def _zip_problem(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _read_docx(data: bytes, origin: str, limits: Limits) -> Document:
    package = docx_package(data, origin, limits)
    import docx

    try:
        document = docx.Document(io.BytesIO(package))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise SourceError(f"{origin}: cannot read the Word file ({type(exc).__name__})") from None
    paragraphs = [p.text for p in document.paragraphs]
    text = "\n".join(paragraphs).strip()
    props = document.core_properties
    raw = {"title": props.title, "author": props.author, "date": props.created}
    meta = clean_meta(raw, origin)
    return Document(text + "\n" if text else "", "docx", meta,
                    {k: ("given", "document properties") for k in meta})


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


def _decoded(data: bytes, origin: str, hints: ReadHints) -> str:
    """Text of a plain-text or Markdown file, with character references a copied page left decoded
    (and mojibake repaired: :func:`~briefgen.sources.decode.repaired`)."""
    if hints.text is not None:
        return decode_entities(repaired(hints.text, origin))
    return decode_entities(decode_bytes(data, origin, hints.charset))


def _text(data: bytes, origin: str, hints: ReadHints) -> Document:
    return Document(_decoded(data, origin, hints), "text")


def _markdown(data: bytes, origin: str, hints: ReadHints) -> Document:
    return _read_markdown(_decoded(data, origin, hints), origin)


def _html(data: bytes, origin: str, hints: ReadHints) -> Document:
    if hints.text is not None:
        return _read_html(repaired(hints.text, origin), origin, hints.url)
    return _read_html(decode_bytes(data, origin, hints.charset or html_charset(data)), origin, hints.url)


def _docx(data: bytes, origin: str, hints: ReadHints) -> Document:
    return _read_docx(data, origin, hints.limits)


def _sniff_markdown(text: str) -> bool:
    return bool(_FRONT_MATTER.match(text))


def _accept(name: str, obj: object) -> Reader:
    if isinstance(obj, Reader):
        if not obj.suffixes or not all(s.startswith(".") and s == s.lower() for s in obj.suffixes):
            raise TypeError("a reader's suffixes must be lower-case extensions such as '.note'")
        return obj
    raise TypeError(f"a reader must be a briefgen Reader, not {type(obj).__name__}")


READERS: Registry[Reader] = Registry("briefgen.readers", "input format", _accept)
READERS.add("text", Reader((".txt", ".text"), _text, description="plain text"))
READERS.add("html", Reader((".html", ".htm", ".xhtml"), _html, _looks_like_html, "a saved web page"))
READERS.add("markdown", Reader((".md", ".markdown"), _markdown, _sniff_markdown,
                               "Markdown, with optional YAML front matter"))
READERS.add("docx", Reader((".docx",), _docx, description="a Word document"))


def reader_for_suffix(suffix: str) -> str | None:
    """The name of the reader for files ending in ``suffix`` (any case), or ``None``."""
    low = suffix.lower()
    for name, reader in READERS.items():
        if low in reader.suffixes:
            return name
    return None


def read_bytes(data: bytes, origin: str, fmt: str | None, hints: ReadHints | None = None) -> Document:
    """Read a file's bytes with the reader ``fmt``, or the one its content calls for.

    Raises:
        SourceError: naming ``origin``: empty, a known binary format, or not
            readable as its format.
    """
    hints = hints or ReadHints()
    if not data.strip():
        raise SourceError(f"{origin}: empty input")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise SourceError(f"{origin}: {what}")
    if data.startswith(b"PK\x03\x04") and fmt in (None, "text", "markdown", "html"):
        if b"word/document.xml" not in data[:65536]:
            raise SourceError(f"{origin}: a zip archive, not text")
        fmt = "docx"
    if fmt is None:
        # Decoded once: the sniffers judge text, and the reader chosen reads it.
        text = decode_bytes(data, origin, hints.charset)
        hints = ReadHints(hints.limits, hints.url, hints.charset, text)
        fmt = next((name for name, r in READERS.items() if r.sniff is not None and r.sniff(text)), "text")
    reader = READERS.get(fmt)
    if reader is None:
        raise SourceError(f"{origin}: no reader for format {fmt!r}")
    return reader.read(data, origin, hints)
