"""Bytes to text, whatever the common encoding: BOM, declared charset, UTF-8, then a guess.

Encodings are detected with ``charset-normalizer`` (cp1252, EUC-KR, Shift-JIS,
UTF-16 and others); line ends become ``"\\n"``. Binary data is refused. Text
that was decoded with the wrong encoding before it reached us ("Leeâ€™s"
for "Lee’s", a scraper's mojibake) is repaired with ``ftfy`` (:func:`repaired`).
"""

from __future__ import annotations

import html.entities
import logging
import re

from briefgen.errors import SourceError

__all__ = ["decode_bytes", "decode_entities", "html_charset", "repaired"]

log = logging.getLogger(__name__)


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


# An HTML character reference left in text copied from a web page ("smith &amp; wesson", "image 1 of
# 29 &#124; new sites"): a name or a number, closed by its semicolon. Without the semicolon it is
# text ("R&D", "AT&T").
_ENTITY = re.compile(
    r"&(?:(?P<name>[A-Za-z][A-Za-z0-9]{1,30})|#(?P<dec>[0-9]{1,7})|#[xX](?P<hex>[0-9A-Fa-f]{1,6}));")


def _character(m: re.Match[str]) -> str:
    """The text a reference stands for; the reference itself when HTML defines no such name or number."""
    if m.group("name"):
        return html.entities.html5.get(m.group("name") + ";", m.group(0))
    code = int(m.group("dec") or m.group("hex"), 10 if m.group("dec") else 16)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return m.group(0)
    # A control character or carriage return a page encoded is white space in the text ("&#13;").
    return " " if code < 32 or 0x7F <= code < 0xA0 else chr(code)


def decode_entities(text: str) -> str:
    """``text`` with the HTML character references a copied web page left in it decoded ("&amp;" -> "&").

    The page printed the character; the reference is how its markup wrote it.
    A name the HTML standard does not define exactly ("at&t;", "&copyright;")
    stays as it is, and a control character becomes a space.
    """
    if "&" not in text:
        return text
    return _ENTITY.sub(_character, text)


# What UTF-8 read as cp1252 or Latin-1 leaves, where no language writes it: "â€" (Latin-1:
# "â" and U+0080) opens curly quotes and dashes ("Leeâ€™s"); "Ã" or "Â" before
# a sign or letter of U+00A1-U+00BF opens an accented letter ("cafÃ©"). Not "Ã" or
# "Â" before a quotation mark, a guillemet, a dash or a no-break space: Portuguese and Turkish
# print them so ("IRMÃ”", "«AMANHÃ»", "HÂLÂ”"). A review's probes of those
# languages found ftfy changing them when the test had let them in.
_MOJIBAKE = re.compile("\u00e2[\u20ac\u0080]|[\u00c2\u00c3][\u00a1-\u00aa\u00ac-\u00ba\u00bc-\u00bf]")
# What a byte from 0x80 to 0xBF (a UTF-8 continuation byte) reads as in cp1252 or Latin-1.
_CONTINUATION = "".join(sorted({bytes([b]).decode(codec, "ignore") for b in range(0x80, 0xC0)
                                for codec in ("cp1252", "latin-1")} - {""}))
# The same mojibake of a curly quote or dash, its first letter capitalised after the wrong decoding
# (text cased again at a sentence's start: "Â€˜i, too, once listened ..." for "‘i, too, ..."): "Â"
# and U+0080 or "€" then a continuation are no text of any language (U+0080 is a control character),
# so the "Â" is taken for the "â" it was.
_CAPITALISED = re.compile("\u00c2(?=[\u20ac\u0080][" + re.escape(_CONTINUATION) + "])")


def repaired(text: str, origin: str = "") -> str:
    """``text`` with mojibake undone: UTF-8 a program before us decoded as cp1252 or Latin-1
    ("Leeâ€™s visit" is "Lee’s visit", "cafÃ©" is "café").

    The source printed the repaired characters; the wrong decoding is how the text reached us, as an
    HTML reference is how a page's markup wrote one. Only ``ftfy``'s encoding fix runs (no change of
    quotes, width or case), and only on the lines that hold such a sequence (:data:`_MOJIBAKE`); other
    lines, and text with none, are returned as they are. Mojibake of other scripts (Polish
    "Å‚", Cyrillic "Ð¿") is not looked for.
    """
    text = _CAPITALISED.sub("\u00e2", text)
    if _MOJIBAKE.search(text) is None:
        return text
    import ftfy

    lines = text.split("\n")
    fixed = "\n".join(ftfy.fix_encoding(line) if _MOJIBAKE.search(line) else line for line in lines)
    if fixed != text:
        log.info("%s: repaired text decoded with the wrong encoding (mojibake)", origin or "text")
    return fixed


# Control characters other than white space: text has almost none, binary data many.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _bad_controls(text: str) -> bool:
    sample = text[:20000]
    return len(_CONTROLS.findall(sample)) > max(2, len(sample) // 200)


def decode_bytes(data: bytes, origin: str, declared: str | None = None) -> str:
    """Decode a text file's bytes, whatever its common encoding.

    A byte-order mark decides first, then a declared charset (HTTP header or
    HTML meta) if it decodes cleanly, then strict UTF-8, then
    ``charset-normalizer``'s best guess. Line ends become ``"\\n"``, and
    mojibake is repaired (:func:`repaired`).

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
    return repaired(text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"), origin)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def html_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "ignore") if m else None
