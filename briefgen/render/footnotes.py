"""Real Word footnotes for python-docx, which has no footnote API.

Mirrors python-docx's comments feature: a :class:`FootnotesPart` registered
for the footnotes content type, created on first use and related from the
document part, and a small proxy :class:`Footnotes` whose :meth:`Footnotes.add`
appends a note and the ``w:footnoteReference`` run that points to it::

    notes = Footnotes.of(document)
    n = notes.add(paragraph, ["Reported by ", ("Yonhap", "https://en.yna.co.kr/")])

The raw XML lives in :mod:`briefgen.render.oxml`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, cast

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, PartFactory
from docx.oxml.parser import parse_xml
from docx.parts.story import StoryPart
from docx.shared import Pt

import briefgen.render.oxml as oxml
from briefgen.render.oxml import CT_Footnote, CT_Footnotes

if TYPE_CHECKING:
    from docx.document import Document
    from docx.package import Package
    from docx.styles.style import CharacterStyle, ParagraphStyle
    from docx.text.paragraph import Paragraph

__all__ = ["Footnote", "Footnotes", "FootnotesPart", "TextRun"]

#: A piece of note text: plain text, or ``(text, url)`` for a hyperlink.
TextRun = str | tuple[str, str]

# Word's built-in (internal) style names; the style ids vary by language.
TEXT_STYLE = "footnote text"
REF_STYLE = "footnote reference"
LINK_STYLE = "Hyperlink"


class FootnotesPart(StoryPart):
    """The ``word/footnotes.xml`` part."""

    @property
    def footnotes_element(self) -> CT_Footnotes:
        """The ``w:footnotes`` root element."""
        return cast(CT_Footnotes, self.element)

    @classmethod
    def default(cls, package: Package) -> FootnotesPart:
        """A new part holding only the two separator notes."""
        element = cast(CT_Footnotes, parse_xml(oxml.default_footnotes_xml()))
        return cls(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, element, package)


PartFactory.part_type_for[CT.WML_FOOTNOTES] = FootnotesPart


class Footnote:
    """Proxy for one ``w:footnote``."""

    def __init__(self, element: CT_Footnote) -> None:
        self._element = element

    @property
    def id(self) -> int:
        """The note's ``w:id``, as the body reference gives it."""
        return self._element.note_id

    @property
    def text(self) -> str:
        """The note's text, without the leading note mark's space."""
        return self._element.text.strip()


class Footnotes:
    """The document's footnotes: a proxy on the footnotes part.

    Use :meth:`of` to get one; it creates the part, the separator notes, the
    ``w:footnotePr`` settings and the two footnote styles when missing.
    """

    def __init__(self, part: FootnotesPart, text_style: str, ref_style: str, link_style: str | None) -> None:
        self._part = part
        self._element = part.footnotes_element
        self._text_style = text_style
        self._ref_style = ref_style
        self._link_style = link_style
        # The next free id, valid while the note added last is still the
        # part's last child: scanning every note for each new one made long
        # memos quadratic.
        self._next: tuple[int, CT_Footnote] | None = None

    @classmethod
    def of(cls, document: Document) -> Footnotes:
        """The footnotes of ``document``, created on first use."""
        doc_part = document.part
        part: FootnotesPart | None = None
        for rel_id, rel in list(doc_part.rels.items()):
            if rel.reltype == RT.FOOTNOTES and not rel.is_external:
                target = rel.target_part
                if not isinstance(target, FootnotesPart):
                    # Opened before this module registered the part class.
                    target = _upgrade(target)
                    del doc_part.rels[rel_id]
                    doc_part.load_rel(RT.FOOTNOTES, target, rel_id)
                part = target
                break
        if part is None:
            part = FootnotesPart.default(doc_part.package)
            doc_part.relate_to(part, RT.FOOTNOTES)
        part.footnotes_element.ensure_separators()
        oxml.ensure_footnote_pr(document.settings.element, part.footnotes_element.separator_ids())
        text_style, ref_style = _ensure_styles(document)
        link = _style_id(document, LINK_STYLE, WD_STYLE_TYPE.CHARACTER)
        return cls(part, text_style, ref_style, link)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __iter__(self) -> Iterator[Footnote]:
        for note in self._element.notes:
            if note.note_type == "normal":
                yield Footnote(note)

    def get(self, note_id: int) -> Footnote | None:
        """The note with this id, or None."""
        for note in self:
            if note.id == note_id:
                return note
        return None

    def clear(self) -> None:
        """Remove every note but the separators (a reference document's samples)."""
        self._element.remove_normal_notes()

    def add(self, paragraph: Paragraph, text_runs: Iterable[TextRun]) -> int:
        """Append a footnote and its reference mark at the end of ``paragraph``.

        Args:
            paragraph: A body paragraph of the same document.
            text_runs: The note text: strings, and ``(text, url)`` pairs that
                become hyperlinks.

        Returns:
            The new note's id (the number Word shows, when notes are added in
            reading order).
        """
        # While the note added last is still the part's last, number on without a
        # scan (lxml counts an element's children one by one, even for ``len``).
        last = self._next
        if last is not None and last[1].getparent() is self._element and last[1].getnext() is None:
            note_id = last[0]
        else:  # first note, or the part changed since: scan it
            note_id = self._element.next_id()
        note = oxml.new_footnote(note_id, self._text_style, self._ref_style)
        target = oxml.note_paragraph(note)
        for piece in text_runs:
            if isinstance(piece, tuple):
                text, url = piece
                rel_id = self._part.relate_to(url, RT.HYPERLINK, is_external=True)
                oxml.add_hyperlink(target, rel_id, text, self._link_style)
            elif piece:
                target.append(oxml.text_run(piece))
        self._element.append(note)
        self._next = (note_id + 1, note)
        oxml.add_note_reference(paragraph._p, note_id, self._ref_style)
        return note_id


def _upgrade(generic: Part) -> FootnotesPart:
    """A :class:`FootnotesPart` holding a generic part's XML and relationships."""
    part = cast(FootnotesPart, FootnotesPart.load(generic.partname, CT.WML_FOOTNOTES, generic.blob,
                                                   generic.package))
    for rel_id, rel in generic.rels.items():
        target = rel.target_ref if rel.is_external else rel.target_part
        part.load_rel(rel.reltype, target, rel_id, rel.is_external)
    return part


def _style_id(document: Document, name: str, kind: WD_STYLE_TYPE) -> str | None:
    for style in document.styles:
        if style.type == kind and (style.name or "").lower() == name.lower():
            return style.style_id
    return None


def _ensure_styles(document: Document) -> tuple[str, str]:
    """Style ids of "footnote text" and "footnote reference", added if missing."""
    text = _style_id(document, TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    if text is None:
        para = cast("ParagraphStyle", document.styles.add_style(TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH))
        para.base_style = document.styles["Normal"]
        para.font.size = Pt(8)
        para.paragraph_format.space_after = Pt(0)
        para.style_id = "FootnoteText"  # Word's own id for the built-in style
        oxml.mark_builtin(para.element)
        text = para.style_id
    ref = _style_id(document, REF_STYLE, WD_STYLE_TYPE.CHARACTER)
    if ref is None:
        char = cast("CharacterStyle", document.styles.add_style(REF_STYLE, WD_STYLE_TYPE.CHARACTER))
        char.font.superscript = True
        char.style_id = "FootnoteReference"
        oxml.mark_builtin(char.element)
        ref = char.style_id
    return text, ref
