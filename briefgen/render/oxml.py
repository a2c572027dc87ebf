"""Raw WordprocessingML for the memo: every XML string, namespace and XPath.

The rest of :mod:`briefgen.render` works with python-docx proxies and calls
the small element builders here, the way python-docx keeps its XML inside
``docx.oxml``. Element classes for ``w:footnotes`` and ``w:footnote`` are
registered with python-docx's parser once, on import.

Footnote ids follow Word: the separator is ``-1``, the continuation
separator ``0`` and real notes count up from ``1``. Word and LibreOffice both
read this layout (pandoc writes it too).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement, parse_xml, register_element_cls
from docx.oxml.xmlchemy import BaseOxmlElement

__all__ = [
    "CT_Footnote",
    "CT_Footnotes",
    "SEPARATOR_IDS",
    "add_bottom_border",
    "app_properties_xml",
    "add_field",
    "add_hyperlink",
    "add_note_reference",
    "default_footnotes_xml",
    "drop_styles_links",
    "ensure_footnote_pr",
    "ensure_numbering_text",
    "mark_builtin",
    "new_footnote",
    "note_paragraph",
    "prune_styles",
    "ref_attr",
    "remove_children",
    "set_default_font",
    "set_run_style",
    "strip_descendants",
    "style_num_id",
    "text_run",
]

SEPARATOR_IDS = (-1, 0)

_SEPARATOR_PPR = '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'


class CT_Footnote(BaseOxmlElement):
    """``w:footnote``: one note, or one of the two separators."""

    @property
    def note_id(self) -> int:
        """The ``w:id`` as a number."""
        return int(self.get(qn("w:id"), "0"))

    @property
    def note_type(self) -> str:
        """``"normal"``, ``"separator"`` or ``"continuationSeparator"``."""
        return self.get(qn("w:type"), "normal")

    @property
    def text(self) -> str:
        """The note's text, paragraphs joined by newlines."""
        paras = self.xpath("./w:p")
        return "\n".join("".join(p.xpath(".//w:t/text()")) for p in paras)


class CT_Footnotes(BaseOxmlElement):
    """``w:footnotes``: root of the footnotes part."""

    @property
    def notes(self) -> list[CT_Footnote]:
        """Every ``w:footnote`` child in document order, separators included."""
        return cast("list[CT_Footnote]", self.xpath("./w:footnote"))

    def next_id(self) -> int:
        """An id above every id in use, and at least 1."""
        return max([n.note_id for n in self.notes] + [0]) + 1

    def separator_ids(self) -> list[int]:
        """Ids of the separator and continuation separator notes."""
        return [n.note_id for n in self.notes if n.note_type != "normal"]

    def ensure_separators(self) -> None:
        """Add Word's separator notes (ids -1 and 0) if the part has none."""
        if self.separator_ids():
            return
        defaults = parse_xml(default_footnotes_xml())
        for i, note in enumerate(defaults.xpath("./w:footnote")):
            self.insert(i, note)

    def remove_normal_notes(self) -> None:
        """Drop every real note, keeping the separators."""
        for note in self.notes:
            if note.note_type == "normal":
                self.remove(note)


register_element_cls("w:footnotes", CT_Footnotes)
register_element_cls("w:footnote", CT_Footnote)


def default_footnotes_xml() -> bytes:
    """A footnotes part holding only the separator and continuation separator."""
    sep, cont = SEPARATOR_IDS
    xml = (
        f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f"<w:footnotes {nsdecls('w', 'r')}>"
        f'<w:footnote w:type="separator" w:id="{sep}"><w:p>{_SEPARATOR_PPR}'
        f"<w:r><w:separator/></w:r></w:p></w:footnote>"
        f'<w:footnote w:type="continuationSeparator" w:id="{cont}"><w:p>{_SEPARATOR_PPR}'
        f"<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
        f"</w:footnotes>"
    )
    return xml.encode("utf-8")


def new_footnote(note_id: int, text_style: str, ref_style: str) -> CT_Footnote:
    """A ``w:footnote`` with one paragraph holding the note mark, ready for text runs.

    Args:
        note_id: The ``w:id`` the body reference will point to.
        text_style: Style id of the paragraph style (Word's "footnote text").
        ref_style: Style id of the character style (Word's "footnote reference").
    """
    xml = (
        f'<w:footnote {nsdecls("w")} w:id="{note_id}"><w:p>'
        f'<w:pPr><w:pStyle w:val="{ref_attr(text_style)}"/></w:pPr>'
        f'<w:r><w:rPr><w:rStyle w:val="{ref_attr(ref_style)}"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> </w:t></w:r>'
        f"</w:p></w:footnote>"
    )
    return cast(CT_Footnote, parse_xml(xml))


def ref_attr(value: str) -> str:
    """``value`` made safe inside a double-quoted XML attribute."""
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def note_paragraph(note: CT_Footnote) -> BaseOxmlElement:
    """The paragraph of ``note`` that text runs go into (its last ``w:p``)."""
    return cast(BaseOxmlElement, note.xpath("./w:p")[-1])


def text_run(text: str, style: str | None = None) -> BaseOxmlElement:
    """A ``w:r`` holding ``text`` (spaces kept), optionally in a character style."""
    run = OxmlElement("w:r")
    if style:
        set_run_style(run, style)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run


def new_paragraph(style: str | None = None) -> BaseOxmlElement:
    """A ``w:p``, in the paragraph style with id ``style`` if given (none: the default style)."""
    p = OxmlElement("w:p")
    if style:
        p.get_or_add_pPr().style = style
    return p


def insert_block(body: BaseOxmlElement, block: BaseOxmlElement) -> None:
    """Put ``block`` last in ``body``, before its section properties if it has them.

    Unlike python-docx's ``add_paragraph``, which finds the ``w:sectPr`` by
    scanning the body on every call, this looks at the last child only, so
    writing a long memo stays linear.
    """
    try:
        last = body[-1]  # lxml: the last child without counting the others
    except IndexError:
        last = None
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(block)
    else:
        body.append(block)


def plain_run(text: str, *, bold: bool = False, italic: bool = False) -> BaseOxmlElement:
    """A ``w:r`` of one line of ``text``, as python-docx's ``add_run`` writes it, built directly.

    ``text`` must hold no tab or line break (python-docx turns those into
    ``w:tab`` and ``w:br``). Spaces are kept only where they would be lost:
    at either end.
    """
    run = OxmlElement("w:r")
    if bold or italic:
        rpr = OxmlElement("w:rPr")
        if bold:
            rpr.append(OxmlElement("w:b"))
        if italic:
            rpr.append(OxmlElement("w:i"))
        run.append(rpr)
    t = OxmlElement("w:t")
    if text != text.strip():
        t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run


def set_run_style(run: BaseOxmlElement, style: str) -> None:
    """Give the ``w:r`` element ``run`` the character style id ``style``."""
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        run.insert(0, rpr)
    rstyle = OxmlElement("w:rStyle")
    rstyle.set(qn("w:val"), style)
    rpr.insert(0, rstyle)


def add_hyperlink(parent: BaseOxmlElement, rel_id: str, text: str, style: str | None) -> BaseOxmlElement:
    """Append a ``w:hyperlink`` to the paragraph element ``parent``.

    Args:
        parent: A ``w:p`` element.
        rel_id: Id of the external hyperlink relationship of the part holding
            ``parent``.
        text: The visible text.
        style: Character style id for the link text (Word's "Hyperlink"), if any.
    """
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    link.set(qn("w:history"), "1")
    link.append(text_run(text, style))
    parent.append(link)
    return link


def add_note_reference(parent: BaseOxmlElement, note_id: int, ref_style: str) -> BaseOxmlElement:
    """Append a ``w:footnoteReference`` run for note ``note_id`` to the ``w:p`` ``parent``."""
    run = parse_xml(
        f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="{ref_attr(ref_style)}"/></w:rPr>'
        f'<w:footnoteReference w:id="{note_id}"/></w:r>'
    )
    parent.append(run)
    return run


def add_field(parent: BaseOxmlElement, instruction: str, placeholder: str) -> BaseOxmlElement:
    """Append a simple field (``PAGE``, ``NUMPAGES``) to the ``w:p`` ``parent``.

    ``placeholder`` is the cached result shown until the reader updates fields.
    """
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    field.append(text_run(placeholder))
    parent.append(field)
    return field


# Children of w:pPr that the schema puts after w:pBdr, in order.
_PPR_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange",
)


def add_bottom_border(paragraph: BaseOxmlElement, size: int = 6, space: int = 4) -> None:
    """Draw a single rule under the ``w:p`` element ``paragraph``.

    Args:
        paragraph: The paragraph element.
        size: Line width in eighths of a point.
        space: Gap between text and rule in points.
    """
    ppr = paragraph.get_or_add_pPr()
    for old in ppr.findall(qn("w:pBdr")):
        ppr.remove(old)
    border = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="{size}" w:space="{space}" '
        f'w:color="auto"/></w:pBdr>'
    )
    for tag in _PPR_AFTER_PBDR:
        found = ppr.find(qn(tag))
        if found is not None:
            found.addprevious(border)
            return
    ppr.append(border)


# Children of w:settings that the schema puts after w:footnotePr, in order; Word
# rejects a settings part whose children are out of order. (Word 2010+
# extension elements such as w14:docId come after all of these.)
_SETTINGS_AFTER_FOOTNOTE_PR = (
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
    "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)


def ensure_footnote_pr(settings: BaseOxmlElement, separator_ids: Iterable[int] = SEPARATOR_IDS) -> None:
    """Make ``w:settings`` list the separator notes in ``w:footnotePr``, as Word writes it.

    Args:
        settings: The ``w:settings`` element.
        separator_ids: Ids of the separator notes in the footnotes part.
    """
    if settings.find(qn("w:footnotePr")) is not None:
        return
    pr = parse_xml(
        f'<w:footnotePr {nsdecls("w")}>'
        + "".join(f'<w:footnote w:id="{int(i)}"/>' for i in separator_ids)
        + "</w:footnotePr>"
    )
    for tag in _SETTINGS_AFTER_FOOTNOTE_PR:
        found = settings.find(qn(tag))
        if found is not None:
            found.addprevious(pr)
            return
    extension = settings.xpath("./*[not(self::w:*)]")
    if extension:
        extension[0].addprevious(pr)
    else:
        settings.append(pr)


# --- reference document -------------------------------------------------------


def prune_styles(styles: BaseOxmlElement, keep: Iterable[str]) -> None:
    """Keep only the styles whose ids are in ``keep``; drop latent styles and theme fonts.

    Theme font attributes (``w:asciiTheme`` and kin) win over named fonts, so
    they go, leaving fonts to :func:`set_default_font`.
    """
    wanted = set(keep)
    for style in styles.xpath("./w:style"):
        if style.get(qn("w:styleId")) not in wanted:
            styles.remove(style)
    for latent in styles.xpath("./w:latentStyles"):
        styles.remove(latent)
    for fonts in styles.xpath(".//w:rFonts"):
        fonts.getparent().remove(fonts)
    for rsid in styles.xpath(".//w:rsid"):
        rsid.getparent().remove(rsid)


def set_default_font(styles: BaseOxmlElement, name: str, half_points: int) -> None:
    """Set the document-wide default font and size in ``w:docDefaults``."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    for old in defaults.findall(qn("w:rPrDefault")):
        defaults.remove(old)
    rpr_default = parse_xml(
        f'<w:rPrDefault {nsdecls("w")}><w:rPr>'
        f'<w:rFonts w:ascii="{ref_attr(name)}" w:hAnsi="{ref_attr(name)}" '
        f'w:eastAsia="{ref_attr(name)}" w:cs="{ref_attr(name)}"/>'
        f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
        f'<w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/>'
        f"</w:rPr></w:rPrDefault>"
    )
    defaults.insert(0, rpr_default)


def ensure_numbering_text(numbering: BaseOxmlElement, num_id: str, text: str) -> None:
    """Set the level-0 label of list ``num_id`` (``"[%1]"`` gives ``[1]``, ``[2]``...)."""
    abstract_ids = numbering.xpath(f'./w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')
    if not abstract_ids:
        return
    for lvl_text in numbering.xpath(
        f'./w:abstractNum[@w:abstractNumId="{abstract_ids[0]}"]/w:lvl[@w:ilvl="0"]/w:lvlText'
    ):
        lvl_text.set(qn("w:val"), text)


def style_num_id(style: BaseOxmlElement) -> str | None:
    """The ``w:numId`` a paragraph style's numbering points to, if any."""
    found = style.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    return str(found[0]) if found else None


def remove_children(parent: BaseOxmlElement, keep_tags: Iterable[str] = ()) -> None:
    """Remove every child of ``parent`` except those with a tag in ``keep_tags``."""
    kept = {qn(t) for t in keep_tags}
    for child in list(parent):
        if child.tag not in kept:
            parent.remove(child)


def strip_descendants(element: BaseOxmlElement, *tags: str) -> None:
    """Remove every descendant of ``element`` with one of ``tags`` (``"w:pBdr"``)."""
    for tag in tags:
        for found in list(element.iter(qn(tag))):
            found.getparent().remove(found)


def drop_styles_links(styles: BaseOxmlElement) -> None:
    """Remove ``w:link`` and ``w:next`` pointers to styles no longer present."""
    present = set(styles.xpath("./w:style/@w:styleId"))
    for pointer in styles.xpath("./w:style/w:link | ./w:style/w:next | ./w:style/w:basedOn"):
        if pointer.get(qn("w:val")) not in present:
            pointer.getparent().remove(pointer)


def mark_builtin(style: BaseOxmlElement) -> None:
    """Drop ``w:customStyle`` so Word treats the style as its built-in one."""
    style.attrib.pop(qn("w:customStyle"), None)


def app_properties_xml(application: str) -> bytes:
    """A minimal ``docProps/app.xml`` naming the application that wrote the file."""
    name = ref_attr(application).replace(">", "&gt;")
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Template>Normal.dotm</Template><Application>{name}</Application><DocSecurity>0</DocSecurity>"
        "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()
