"""Build the packaged reference document, ``templates/reference.docx``.

Run ``python -m briefgen.render.make_reference templates/reference.docx``.
It starts from python-docx's default document, keeps only the built-in
styles the memo uses, sets them for a compact two-page A4 memo in Arial
(LibreOffice substitutes the metric-compatible Liberation Sans), and adds the
footnotes part with its separators and the footnote styles. Users restyle the
memo by editing a copy in Word and naming it in their template's
``reference_docx``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_UNDERLINE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.shared import Cm, Pt, RGBColor

import briefgen.render.oxml as oxml
from briefgen.render.footnotes import Footnotes
from briefgen.render.memo import AUTHOR, FALLBACK_STAMP, save_bytes, set_properties

if TYPE_CHECKING:
    from docx.document import Document

__all__ = ["build_reference", "main"]

FONT = "Arial"
BODY_HALF_POINTS = 20  # 10 pt
NAVY = RGBColor(0x1F, 0x38, 0x64)
GREY = RGBColor(0x59, 0x59, 0x59)
LINK_BLUE = RGBColor(0x05, 0x63, 0xC1)

# Built-in styles kept from python-docx's default document (by style id).
KEEP = (
    "Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Title", "Heading1", "Heading2",
    "ListBullet", "ListNumber", "Header", "Footer",
)


def _strip_package(document: Document) -> None:
    """Drop the thumbnail, custom XML and Word 2010 style copy python-docx ships.

    The extended properties, which claim a Word for Mac wrote the file, are
    replaced by a minimal part naming briefgen.
    """
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rel_id]
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype == RT.CUSTOM_XML or rel.reltype.endswith("/stylesWithEffects"):
            del document.part.rels[rel_id]
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            old = rel.target_part
            app = Part(old.partname, old.content_type, oxml.app_properties_xml(AUTHOR), package)
            del package.rels[rel_id]
            package.load_rel(RT.EXTENDED_PROPERTIES, app, rel_id)


def _paragraph_style(document: Document, name: str, size: float, *, bold: bool = False,
                     before: float = 0, after: float = 0, color: RGBColor | None = None) -> None:
    style = document.styles[name]
    font = style.font
    font.size = Pt(size)
    font.bold = bold or None
    font.italic = None
    if color is not None:
        font.color.rgb = color
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.0


def _styles(document: Document) -> None:
    styles_el = document.styles.element
    oxml.prune_styles(styles_el, KEEP)
    oxml.drop_styles_links(styles_el)
    oxml.set_default_font(styles_el, FONT, BODY_HALF_POINTS)
    for style_id in ("Title", "Heading1", "Heading2"):
        oxml.strip_descendants(styles_el.xpath(f'./w:style[@w:styleId="{style_id}"]')[0],
                               "w:pBdr", "w:color", "w:spacing", "w:kern", "w:contextualSpacing")

    _paragraph_style(document, "Normal", 10, after=4)
    _paragraph_style(document, "Title", 18, bold=True, after=8, color=NAVY)
    _paragraph_style(document, "Heading 1", 11.5, bold=True, before=9, after=3, color=NAVY)
    _paragraph_style(document, "Heading 2", 10.5, bold=True, before=6, after=2, color=NAVY)
    for name in ("Heading 1", "Heading 2"):
        document.styles[name].paragraph_format.keep_with_next = True
    _paragraph_style(document, "List Bullet", 10, after=3)
    _paragraph_style(document, "List Number", 8.5, after=1)
    _paragraph_style(document, "Header", 8, color=GREY)
    _paragraph_style(document, "Footer", 8, color=GREY)
    document.styles["Footer"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    numbering = document.part.numbering_part.element
    num_id = oxml.style_num_id(document.styles["List Number"].element)
    if num_id:
        oxml.ensure_numbering_text(numbering, num_id, "[%1]")

    link = document.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.base_style = document.styles["Default Paragraph Font"]
    link.font.color.rgb = LINK_BLUE
    link.font.underline = WD_UNDERLINE.SINGLE
    link.unhide_when_used = True
    oxml.mark_builtin(link.element)

    Footnotes.of(document)  # adds the footnotes part and both footnote styles
    _paragraph_style(document, "footnote text", 7.5, after=1)
    text_style = document.styles["footnote text"]
    text_style.base_style = document.styles["Normal"]
    ref = document.styles["footnote reference"]
    ref.font.superscript = True
    for name in ("footnote text", "footnote reference"):
        document.styles[name].unhide_when_used = True
        document.styles[name].priority = 99


def _page(document: Document) -> None:
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width = Cm(21.0)
        section.page_height = Cm(29.7)
        section.top_margin = Cm(1.8)
        section.bottom_margin = Cm(1.6)
        section.left_margin = Cm(2.2)
        section.right_margin = Cm(2.2)
        section.header_distance = Cm(0.9)
        section.footer_distance = Cm(0.8)


def build_reference() -> bytes:
    """The reference document as reproducible .docx bytes."""
    document = docx.Document()
    _strip_package(document)
    _styles(document)
    _page(document)
    oxml.remove_children(document.element.body, keep_tags=("w:sectPr",))
    set_properties(document, "briefgen reference document", FALLBACK_STAMP)
    return save_bytes(document)


def main(argv: list[str] | None = None) -> int:
    """Write the reference document to the path given (default: templates/reference.docx)."""
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else Path("templates/reference.docx")
    target.write_bytes(build_reference())
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
