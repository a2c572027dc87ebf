"""The Footnotes proxy: a real footnotes part on a python-docx Document."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from conftest import ROOT
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.part import PartFactory
from lxml import etree

from briefgen.render.footnotes import Footnotes, FootnotesPart

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REFERENCE = ROOT / "templates" / "reference.docx"


def saved(document: docx.document.Document) -> dict[str, bytes]:
    buf = io.BytesIO()
    document.save(buf)
    with zipfile.ZipFile(buf) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_part_created_on_first_use_with_separators_and_styles() -> None:
    document = docx.Document()  # python-docx's default has no footnotes at all
    assert b"footnotes" not in saved(document)["word/_rels/document.xml.rels"]
    notes = Footnotes.of(document)
    assert len(notes) == 0
    files = saved(document)
    assert "word/footnotes.xml" in files
    root = etree.fromstring(files["word/footnotes.xml"])
    seps = [(n.get(f"{W}id"), n.get(f"{W}type")) for n in root.findall(f"{W}footnote")]
    assert seps == [("-1", "separator"), ("0", "continuationSeparator")]
    assert b"relationships/footnotes" in files["word/_rels/document.xml.rels"]
    styles = etree.fromstring(files["word/styles.xml"])
    ids = {s.get(f"{W}styleId"): s for s in styles.findall(f"{W}style")}
    assert ids["FootnoteText"].find(f"{W}name").get(f"{W}val") == "footnote text"
    assert ids["FootnoteReference"].find(f"{W}rPr/{W}vertAlign").get(f"{W}val") == "superscript"
    # Built-in styles, not custom ones, so Word maps them to its own.
    assert ids["FootnoteText"].get(f"{W}customStyle") is None


def test_settings_list_separators_in_schema_order() -> None:
    document = docx.Document()
    Footnotes.of(document)
    Footnotes.of(document)  # a second call adds nothing
    settings = etree.fromstring(saved(document)["word/settings.xml"])
    tags = [el.tag.split("}")[1] for el in settings]
    assert tags.count("footnotePr") == 1
    # Regression: appended at the end, after w14 extensions, Word reports the file as corrupt.
    assert tags.index("footnotePr") < tags.index("compat") < tags.index("rsids")
    pr = settings.find(f"{W}footnotePr")
    assert [n.get(f"{W}id") for n in pr] == ["-1", "0"]


def test_add_appends_note_and_reference_run_in_order() -> None:
    document = docx.Document(str(REFERENCE))
    notes = Footnotes.of(document)
    first = document.add_paragraph("Seoul and Tokyo agreed on DNA testing.")
    second = document.add_paragraph("They played drums.")
    assert notes.add(first, ["Yonhap, 14 Jan 2026."]) == 1
    assert notes.add(second, ["News1, ", ("link", "https://example.org/x"), "."]) == 2
    assert notes.add(first, ["Second note on the first paragraph."]) == 3
    assert [(n.id, n.text) for n in notes] == [
        (1, "Yonhap, 14 Jan 2026."), (2, "News1, link."), (3, "Second note on the first paragraph."),
    ]
    assert notes.get(2) is not None and notes.get(9) is None
    refs = [int(r.get(f"{W}id")) for r in first._p.iter(f"{W}footnoteReference")]
    assert refs == [1, 3]
    run = next(first._p.iter(f"{W}footnoteReference")).getparent()
    assert run.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "FootnoteReference"
    files = saved(document)
    assert b'Target="https://example.org/x" TargetMode="External"' in files["word/_rels/footnotes.xml.rels"]


def test_existing_part_is_reused_and_ids_continue() -> None:
    document = docx.Document(str(REFERENCE))
    notes = Footnotes.of(document)
    notes.add(document.add_paragraph("A."), ["one"])
    buf = io.BytesIO()
    document.save(buf)
    again = docx.Document(io.BytesIO(buf.getvalue()))
    parts = [p for p in again.part.package.iter_parts() if isinstance(p, FootnotesPart)]
    assert len(parts) == 1
    reloaded = Footnotes.of(again)
    assert [n.text for n in reloaded] == ["one"]
    assert reloaded.add(again.add_paragraph("B."), ["two"]) == 2
    reloaded.clear()
    assert len(reloaded) == 0
    assert reloaded.add(again.add_paragraph("C."), ["three"]) == 1
    root = etree.fromstring(saved(again)["word/footnotes.xml"])
    kinds = [n.get(f"{W}type") for n in root.findall(f"{W}footnote")]
    assert kinds == ["separator", "continuationSeparator", None]


def test_empty_text_runs_still_make_a_valid_note() -> None:
    document = docx.Document(str(REFERENCE))
    notes = Footnotes.of(document)
    n = notes.add(document.add_paragraph("A."), ["", "x"])
    assert notes.get(n) is not None and notes.get(n).text == "x"  # type: ignore[union-attr]


def test_reference_with_separators_numbered_as_libreoffice_does(tmp_path: Path) -> None:
    """LibreOffice writes the separators as ids 0 and 1; new notes must not reuse them."""
    document = docx.Document()
    Footnotes.of(document)
    part = next(p for p in document.part.package.iter_parts() if isinstance(p, FootnotesPart))
    root = part.footnotes_element
    for note, new_id in zip(root.findall(f"{W}footnote"), ("0", "1"), strict=True):
        note.set(f"{W}id", new_id)
    settings = document.settings.element
    settings.remove(settings.find(f"{W}footnotePr"))
    path = tmp_path / "lo.docx"
    document.save(str(path))
    again = docx.Document(str(path))
    notes = Footnotes.of(again)
    assert notes.add(again.add_paragraph("A."), ["first"]) == 2
    files = saved(again)
    ids = [n.get(f"{W}id") for n in etree.fromstring(files["word/footnotes.xml"]).findall(f"{W}footnote")]
    assert ids == ["0", "1", "2"]
    pr = etree.fromstring(files["word/settings.xml"]).find(f"{W}footnotePr")
    assert [n.get(f"{W}id") for n in pr] == ["0", "1"]


def test_part_without_separators_gets_them() -> None:
    document = docx.Document()
    Footnotes.of(document)
    part = next(p for p in document.part.package.iter_parts() if isinstance(p, FootnotesPart))
    for note in list(part.footnotes_element):
        part.footnotes_element.remove(note)
    notes = Footnotes.of(document)
    assert notes.add(document.add_paragraph("A."), ["x"]) == 1
    kinds = [(n.get(f"{W}id"), n.get(f"{W}type")) for n in part.footnotes_element]
    assert kinds == [("-1", "separator"), ("0", "continuationSeparator"), ("1", None)]


def test_part_opened_before_registration_is_upgraded_not_duplicated() -> None:
    buf = io.BytesIO()
    document = docx.Document(str(REFERENCE))
    Footnotes.of(document).add(document.add_paragraph("A."), ["one ", ("link", "https://example.org/y")])
    document.save(buf)
    registered = PartFactory.part_type_for.pop(CT.WML_FOOTNOTES)
    try:
        generic = docx.Document(io.BytesIO(buf.getvalue()))
    finally:
        PartFactory.part_type_for[CT.WML_FOOTNOTES] = registered
    notes = Footnotes.of(generic)
    assert [n.text for n in notes] == ["one link"]
    assert notes.add(generic.add_paragraph("B."), ["two"]) == 2
    out = io.BytesIO()
    generic.save(out)
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        assert names.count("word/footnotes.xml") == 1
        assert b"https://example.org/y" in z.read("word/_rels/footnotes.xml.rels")
        assert b"two" in z.read("word/footnotes.xml")
