"""Briefing -> python-docx Document, and the reproducible .docx bytes.

The memo uses Word's built-in styles only (Title, Heading 1, List Bullet,
List Number, Footnote Text, Footnote Reference, Hyperlink, Header, Footer), so
a reference document restyles all of it. The reference document's body is
discarded; its styles, numbering, page setup, headers and footers are kept.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Cm, Pt
from docx.styles import BabelFish
from docx.text.paragraph import Paragraph

import briefgen.render.oxml as oxml
from briefgen.errors import RenderError
from briefgen.render.footnotes import Footnotes, TextRun
from briefgen.render.layout import MemoLayout, Note, Span, layout
from briefgen.resources import templates_dir

if TYPE_CHECKING:
    from docx.document import Document

    from briefgen.model import Briefing

__all__ = ["build_document", "docx_bytes", "reference_path", "stable_zip"]

logger = logging.getLogger(__name__)

AUTHOR = "briefgen"
#: Stamp for documents whose sources carry no date (never the clock).
FALLBACK_STAMP = datetime(2000, 1, 1, tzinfo=UTC)
ZIP_STAMP = (1980, 1, 1, 0, 0, 0)
FIELD_INDENT = Cm(2.2)

_STYLES = {
    "title": ("Title", WD_STYLE_TYPE.PARAGRAPH),
    "heading": ("Heading 1", WD_STYLE_TYPE.PARAGRAPH),
    "bullet": ("List Bullet", WD_STYLE_TYPE.PARAGRAPH),
    "numbered": ("List Number", WD_STYLE_TYPE.PARAGRAPH),
    "paragraph": ("Normal", WD_STYLE_TYPE.PARAGRAPH),
    "intro": ("Normal", WD_STYLE_TYPE.PARAGRAPH),
    "field": ("Normal", WD_STYLE_TYPE.PARAGRAPH),
    "header": ("Header", WD_STYLE_TYPE.PARAGRAPH),
    "footer": ("Footer", WD_STYLE_TYPE.PARAGRAPH),
    "link": ("Hyperlink", WD_STYLE_TYPE.CHARACTER),
}
_PAGE_FIELDS = re.compile(r"(\{page\}|\{pages\})")
# Text python-docx would write as a single w:t (no tab, line break or carriage return).
_ONE_LINE = re.compile(r"[^\t\n\r]*")


def reference_path(briefing: Briefing) -> Path:
    """The reference .docx: the template's own, else the packaged one."""
    if briefing.style.reference_docx is not None:
        return Path(briefing.style.reference_docx)
    return templates_dir() / "reference.docx"


class _Writer:
    """Writes a :class:`MemoLayout` into a document opened on the reference."""

    def __init__(self, document: Document) -> None:
        self.doc = document
        self.notes = Footnotes.of(document)
        self.notes.clear()
        self.styles = {role: self._style_name(name, kind) for role, (name, kind) in _STYLES.items()}
        # Style ids looked up once: python-docx resolves a style name on every paragraph.
        self.style_ids = {role: document.part.get_style_id(name, _STYLES[role][1]) if name else None
                          for role, name in self.styles.items()}

    def _style_name(self, name: str, kind: WD_STYLE_TYPE) -> str | None:
        wanted = {name.lower(), BabelFish.ui2internal(name).lower()}
        for style in self.doc.styles:
            if style.type == kind and (style.name or "").lower() in wanted:
                return style.name
        logger.warning("reference document has no %r style; using Normal", name)
        return None

    def paragraph(self, role: str) -> Paragraph:
        p = oxml.new_paragraph(self.style_ids[role])
        oxml.insert_block(self.doc.element.body, p)
        return Paragraph(p, self.doc._body)

    def spans(self, paragraph: Paragraph, spans: tuple[Span, ...], italic: bool = False) -> None:
        for span in spans:
            if span.url:
                rel_id = self.doc.part.relate_to(span.url, RT.HYPERLINK, is_external=True)
                oxml.add_hyperlink(paragraph._p, rel_id, span.text, self._link_style())
            elif span.text and _ONE_LINE.fullmatch(span.text):
                paragraph._p.append(oxml.plain_run(span.text, bold=span.strong, italic=italic))
            elif span.text:
                run = paragraph.add_run(span.text)
                if span.strong:
                    run.bold = True
                if italic:
                    run.italic = True
            if span.note is not None:
                self.notes.add(paragraph, _note_runs(span.note))

    def _link_style(self) -> str | None:
        name = self.styles["link"]
        return self.doc.styles[name].style_id if name else None

    def write(self, memo: MemoLayout) -> None:
        body = self.doc.element.body
        oxml.remove_children(body, keep_tags=("w:sectPr",))
        self.paragraph("title").add_run(memo.heading)
        for i, (label, value) in enumerate(memo.fields):
            p = self.paragraph("field")
            fmt = p.paragraph_format
            fmt.tab_stops.add_tab_stop(FIELD_INDENT)
            # Hanging indent: a long subject wraps under the value, not the label.
            fmt.left_indent = FIELD_INDENT
            fmt.first_line_indent = -FIELD_INDENT
            fmt.space_after = Pt(2)
            p.add_run(f"{label}:").bold = True
            p.add_run(f"\t{value}")
            if i == len(memo.fields) - 1:
                fmt.space_after = Pt(12)
                oxml.add_bottom_border(p._p)
        for block in memo.blocks:
            p = self.paragraph(block.kind)
            self.spans(p, block.spans, italic=block.kind == "intro")
        self.page_furniture(memo)

    def page_furniture(self, memo: MemoLayout) -> None:
        """Banner in header and footer, and "Page X of Y" in the footer."""
        for section in self.doc.sections:
            if memo.banner:
                header = section.header
                header.is_linked_to_previous = False
                oxml.remove_children(header._element)
                p = header.add_paragraph(style=self.styles["header"])
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.add_run(memo.banner).bold = True
            footer = section.footer
            footer.is_linked_to_previous = False
            oxml.remove_children(footer._element)
            if memo.banner:
                p = footer.add_paragraph(style=self.styles["footer"])
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.add_run(memo.banner).bold = True
            p = footer.add_paragraph(style=self.styles["footer"])
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for piece in _PAGE_FIELDS.split(memo.page_label):
                if piece == "{page}":
                    oxml.add_field(p._p, "PAGE", "1")
                elif piece == "{pages}":
                    oxml.add_field(p._p, "NUMPAGES", "1")
                elif piece:
                    p.add_run(piece)


def _note_runs(note: Note) -> list[TextRun]:
    return [(s.text, s.url) if s.url else s.text for s in note.spans]


def build_document(briefing: Briefing) -> Document:
    """The memo as a python-docx Document, with fixed document properties.

    Raises:
        RenderError: if the reference document cannot be opened.
    """
    from briefgen.sources.files import read_file
    from briefgen.sources.limits import Limits
    from briefgen.sources.readers import docx_package

    ref = reference_path(briefing)
    # Read like any Word input: a regular file, bounded, every part inflated for real (never a pipe).
    limits = Limits()
    data = read_file(ref, limits.max_file_bytes, error=RenderError, what="reference document")
    package = docx_package(data, f"{ref}: reference document", limits, RenderError)
    try:
        document = docx.Document(io.BytesIO(package))
    except Exception as exc:  # python-docx raises several types for a bad package
        raise RenderError(f"{ref}: cannot open reference document: {exc}") from None
    memo = layout(briefing)
    _Writer(document).write(memo)
    stamp = (
        datetime(memo.date.year, memo.date.month, memo.date.day, tzinfo=UTC)
        if memo.date
        else FALLBACK_STAMP
    )
    set_properties(document, memo.subject, stamp)
    return document


def set_properties(document: Document, title: str, stamp: datetime) -> None:
    """Fixed core properties (author, title, dates), so builds are byte-identical."""
    props = document.core_properties
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    # Word's core properties hold at most 255 characters.
    props.title = title if len(title) <= 255 else title[:254] + "\u2026"
    props.subject = ""
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.revision = 1
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp


def stable_zip(data: bytes) -> bytes:
    """Rewrite a zip package with fixed entry times and order, for identical bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        names = src.namelist()
        order = sorted(names, key=lambda n: (n != "[Content_Types].xml", names.index(n)))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
            for name in order:
                info = zipfile.ZipInfo(name, date_time=ZIP_STAMP)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 0
                info.external_attr = 0
                dst.writestr(info, src.read(name), compresslevel=6)
    return out.getvalue()


def save_bytes(document: Document) -> bytes:
    """``document`` as reproducible .docx bytes."""
    buf = io.BytesIO()
    document.save(buf)
    return stable_zip(buf.getvalue())


def docx_bytes(briefing: Briefing) -> bytes:
    """The memo as .docx bytes; the same briefing always gives the same bytes."""
    return save_bytes(build_document(briefing))
