"""Rendering the memo: .docx structure, footnotes, reproducibility, PDF layout, other formats."""

from __future__ import annotations

import html
import io
import json
import os
import re
import shutil
import subprocess
import unicodedata
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import docx
import pytest
from conftest import ROOT, make_fact, make_source
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from briefgen.config import load_template
from briefgen.model import (
    Briefing,
    Conflict,
    ConflictSide,
    Labels,
    MemoHeader,
    MemoStyle,
    Provenance,
    Section,
    Sentence,
    Skipped,
    Source,
)
from briefgen.render.html import html_text
from briefgen.render.jsonout import json_text
from briefgen.render.layout import Cited, MemoLayout, clean_text, footnote, layout, sentence_case
from briefgen.render.markdown import escape as md_escape
from briefgen.render.markdown import markdown_text
from briefgen.render.memo import docx_bytes
from briefgen.render.writers import WRITERS, render

GOLDEN = ROOT / "tests" / "golden"
TEMPLATE = load_template("default")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}

SOURCES = (
    # Two articles print no headline: untitled.
    make_source("s1", outlet="The Chosun Daily", date="2026-01-13", url=None, title=""),
    make_source(
        "s2", outlet="Yonhap News Agency", date="2026-01-14", url="https://en.yna.co.kr/view/AEN20260114",
        title=("Lee’s Japan visit raises prospects for closer economic cooperation, efforts to test "
               "remains of Korean forced laborers"),
    ),
    make_source("s3", outlet="AloJapan.com", date="2026-01-13", url=None, title=""),
    make_source(
        "s4", outlet="News1 (English edition)", date="2026-01-13", url=None,
        title=("Korea-Japan Summit: What Progress Was Made on Historical Issues and Regional "
               "Cooperation?"),
    ),
    make_source(
        "s5", outlet="Korea Policy Briefing (korea.kr)", date="2026-01-14", url=None,
        title=("Comprehensive cooperation between Korea and Japan brought closer through shuttle "
               "diplomacy"),
    ),
)

F = {
    "nara": make_fact(
        "Lee held summit talks with Prime Minister Sanae Takaichi in Nara on Tuesday, their "
        "second meeting in just over two months, as the two countries face mounting challenges "
        "ranging from a volatile trade environment to a complex international order.",
        ("s1", "s2", "s3", "s4", "s5"), "f1", "ceremony", 0.9,
    ),
    "dna": make_fact(
        "They also made what Lee described as “small but meaningful progress” on historical "
        "issues, agreeing to conduct DNA analysis on remains discovered last August at the "
        "Chosei undersea coal mine in Japan’s Yamaguchi Prefecture, where a 1942 flood killed "
        "183 people, including 136 Korean forced laborers.",
        ("s1", "s2", "s4", "s5"), "f2", "history", 0.95,
    ),
    "chosei": make_fact(
        "The issue of the Chosei coal mine was the first item raised by Takaichi during "
        "Tuesday’s talks, National Security Adviser Wi Sung-lack said.",
        ("s2",), "f3", "history", 0.6,
    ),
    "sixty": make_fact(
        "President Lee Jae-myung and Japanese Prime Minister Sanae Takaichi held a summit in "
        "Nara Prefecture, Japan, on January 13th and reaffirmed their commitment to cooperation"
        " for the next 60 years, following the 60th anniversary of the normalization of "
        "diplomatic relations.",
        ("s5", "s1"), "f4", "history", 0.7,
    ),
    "supply": make_fact(
        "Against this backdrop, Lee and Takaichi agreed to move bilateral relations forward "
        "through “future-oriented cooperation” in areas including supply chains, artificial "
        "intelligence (AI), culture and society.",
        ("s2", "s3", "s5"), "f5", "economy", 0.8,
    ),
    "cptpp": make_fact(
        "During the summit talks, South Korea reaffirmed its bid to join the 12-member "
        "Comprehensive and Progressive Agreement for Trans-Pacific Partnership (CPTPP), Wi "
        "said.",
        ("s2",), "f6", "economy", 0.5,
    ),
    "ip": make_fact(
        "The talks also sketched out cooperation beyond trade, with the two sides agreeing to "
        "launch working-level consultations on AI and intellectual property rights and to "
        "strengthen joint responses to transnational crimes such as online scams.",
        ("s2", "s5"), "f7", "economy", 0.6,
    ),
    "denuke": make_fact(
        "“The two countries reaffirmed their commitment to the complete denuclearization of the"
        " Korean Peninsula and the establishment of lasting peace, and agreed to continue close"
        " coordination on North Korea policy,” Lee said.",
        ("s2", "s4"), "f8", "security", 0.8,
    ),
    "crime": make_fact(
        "They also agreed to strengthen their response to transnational crime.",
        ("s5", "s1"), "f9", "security", 0.5,
    ),
    "drums": make_fact(
        "Lee and Takaichi exchanged gifts, played drums together to K-pop songs and visited an "
        "ancient temple in Nara, a carefully choreographed display of rapport.",
        ("s2", "s3", "s4"), "f10", "ceremony", 0.7,
    ),
    "dinner": make_fact(
        "After their conversation, the two leaders moved to the banquet hall and enjoyed a "
        "dinner that lasted approximately 105 minutes, beginning at 7 p.m.",
        ("s5",), "f11", "ceremony", 0.4,
    ),
}

CONFLICT = Conflict(
    kind="number",
    topic="length of the summit meeting",
    sides=(
        ConflictSide("100 minutes", (Sentence("They met for 100 minutes.", "s5", 3, 0, 25),), ("s5",)),
        ConflictSide("88 minutes", (Sentence("Following an 88-minute meeting.", "s4", 5, 0, 31),), ("s4",)),
    ),
)


def seed_briefing(**changes: object) -> Briefing:
    """A realistic briefing built by hand from sentences of the five sample articles."""
    sections = (
        Section("history", "History", (F["sixty"], F["dna"], F["chosei"])),
        Section("economy", "Economy", (F["supply"], F["ip"], F["cptpp"])),
        Section("security", "Security", (F["denuke"], F["crime"])),
        Section("ceremony", "Ceremony", (F["nara"], F["drums"], F["dinner"])),
    )
    briefing = Briefing(
        header=MemoHeader(subject="Korea-Japan summit in Nara, 13-14 January 2026", date="14 January 2026",
                          to="The Minister", sender="Briefing analyst"),
        bluf=(F["dna"], F["supply"], F["denuke"], F["drums"]),
        sections=sections,
        sources=SOURCES,
        conflicts=(CONFLICT,),
        skipped=(Skipped("notes/empty.txt", "no usable text"),),
        style=load_template("default").style,
    )
    return replace(briefing, **changes)  # type: ignore[arg-type]


def tiny_briefing() -> Briefing:
    """A small fixed briefing for the golden files."""
    s1 = make_source("s1", outlet="Yonhap", title="Leaders meet in Nara", date="2026-01-14",
                     url="https://example.org/a")
    s2 = make_source("s2", outlet="News1", title="Summit makes progress", date="2026-01-13")
    f1 = make_fact("The leaders agreed to cooperate on DNA testing.", ("s1", "s2"), "f1", "history", 1.0)
    f2 = make_fact("They played drums together.", ("s2",), "f2", "ceremony", 0.5)
    return Briefing(
        header=MemoHeader(subject="Nara summit", date="14 January 2026", to="The Minister", sender="Analyst",
                          banner="OFFICIAL"),
        bluf=(f1,),
        sections=(Section("history", "History", (f1,)), Section("ceremony", "Ceremony", (f2,))),
        sources=(s1, s2),
        style=load_template("default").style,
    )


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def body_paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(style id, text) of every body paragraph, tabs as "\\t"."""
    document = docx.Document(io.BytesIO(data))
    return [(p.style.style_id if p.style is not None and p._p.pPr is not None and p._p.pPr.pStyle is not None
             else "", p.text) for p in document.paragraphs]


def footnote_texts(data: bytes) -> dict[int, str]:
    root = etree.fromstring(parts(data)["word/footnotes.xml"])
    return {
        int(n.get(f"{W}id")): "".join(n.itertext()).strip()
        for n in root.findall(f"{W}footnote")
        if n.get(f"{W}type") in (None, "normal")
    }


# --- structure ---------------------------------------------------------------------


def test_docx_has_real_footnotes_with_every_source() -> None:
    data = docx_bytes(seed_briefing())
    files = parts(data)
    types = files["[Content_Types].xml"].decode()
    assert ('PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.footnotes+xml"') in types
    rels = files["word/_rels/document.xml.rels"].decode()
    assert 'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"' in rels
    assert "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>" in \
        files["word/settings.xml"].decode()
    notes = footnote_texts(data)
    # 4 BLUF + 11 section facts + 2 conflict sides, numbered in reading order.
    assert sorted(notes) == list(range(1, 18))
    # One note per fact, citing the numbered source list in short form (issue 21): number,
    # the outlet's short name (the table of known outlets), day and month; headline and URL
    # only in the list.
    assert notes[1] == ("[1] Chosun Daily, 13 Jan; [2] Yonhap, 14 Jan; [4] News1, 13 Jan; "
                        "[5] Korea.kr, 14 Jan.")
    assert notes[10] == "[2] Yonhap, 14 Jan."
    body = etree.fromstring(files["word/document.xml"])
    refs = [int(r.get(f"{W}id")) for r in body.iter(f"{W}footnoteReference")]
    assert refs == list(range(1, 18))


def test_footnotes_carry_no_url_the_source_list_links_it() -> None:
    # Issue 21: the full citation, URL included, is in the numbered list; notes stay short.
    # (Links inside notes are tested with the footnote layer, tests/test_footnotes.py.)
    files = parts(docx_bytes(seed_briefing()))
    assert b"en.yna.co.kr" not in files["word/footnotes.xml"]
    assert 'Target="https://en.yna.co.kr/view/AEN20260114" TargetMode="External"' in \
        files["word/_rels/document.xml.rels"].decode()


def test_memo_order_and_styles() -> None:
    paras = body_paragraphs(docx_bytes(seed_briefing()))
    assert paras[0] == ("Title", "MEMORANDUM")
    assert [t for _, t in paras[1:5]] == [
        "To:\tThe Minister", "From:\tBriefing analyst", "Date:\t14 January 2026",
        "Subject:\tKorea-Japan summit in Nara, 13-14 January 2026",
    ]
    headings = [t for s, t in paras if s == "Heading1"]
    assert headings == ["Bottom line up front", "History", "Economy", "Security", "Ceremony",
                        "Where sources differ", "Sources"]
    bullets = [t for s, t in paras if s == "ListBullet"]
    assert bullets[0] == F["dna"].text and bullets[4] == F["sixty"].text
    assert bullets[-1] == ("Length of the summit meeting: 100 minutes (Korea Policy Briefing (korea.kr)); "
                           "88 minutes (News1 (English edition))")
    numbered = [t for s, t in paras if s == "ListNumber"]
    assert len(numbered) == 6
    # The list keeps the full citation; a source without a headline is named by its outlet alone.
    assert numbered[0] == "The Chosun Daily, 2026-01-13."
    assert numbered[1] == ("Yonhap News Agency, “Lee’s Japan visit raises prospects for closer economic "
                           "cooperation, efforts to test remains of Korean forced laborers”, 2026-01-14, "
                           "https://en.yna.co.kr/view/AEN20260114.")
    assert numbered[-1] == "empty.txt — Not used: no usable text"


def test_an_input_not_used_is_named_by_its_file_unless_another_input_has_that_name() -> None:
    # Multi-News 00069's memo had printed "/work/scratch/.../1.txt — Not used: ..." in its source list.
    skipped = (Skipped("/home/analyst/leaks/1.txt", "no usable text"), Skipped("/a/notes.txt", "empty"),
               Skipped("/b/notes.txt", "empty"), Skipped("https://example.org/page", "no text"))
    paras = body_paragraphs(docx_bytes(seed_briefing(skipped=skipped)))
    numbered = [t for s, t in paras if s == "ListNumber"]
    assert numbered[-4:] == ["1.txt — Not used: no usable text", "/a/notes.txt — Not used: empty",
                             "/b/notes.txt — Not used: empty", "https://example.org/page — Not used: no text"]
    # ... and by its path when a source the memo cites has that file's name.
    cited = replace(SOURCES[0], origin="/in/1.txt")
    paras = body_paragraphs(docx_bytes(seed_briefing(skipped=skipped[:1], sources=(cited, *SOURCES[1:]))))
    numbered = [t for s, t in paras if s == "ListNumber"]
    assert numbered[-1] == "/home/analyst/leaks/1.txt — Not used: no usable text"


def test_sections_print_in_the_briefings_order_and_empty_ones_are_left_out() -> None:
    b = seed_briefing()
    shuffled = (b.sections[3], replace(b.sections[1], facts=()), b.sections[0], b.sections[2])
    headings = [t for s, t in body_paragraphs(docx_bytes(replace(b, sections=shuffled))) if s == "Heading1"]
    assert headings == ["Bottom line up front", "Ceremony", "History", "Security", "Where sources differ",
                        "Sources"]


def test_paragraph_style_and_intro_from_template() -> None:
    template = load_template("default")
    specs = tuple(replace(s, style="paragraphs") if s.key == "economy" else s for s in template.sections)
    base = seed_briefing()
    sections = tuple(replace(sec, intro="What was agreed.") if sec.key == "economy" else sec
                     for sec in base.sections)
    briefing = replace(base, sections=sections, style=replace(template, sections=specs).style)
    paras = body_paragraphs(docx_bytes(briefing))
    i = paras.index(("Heading1", "Economy"))
    assert paras[i + 1] == ("", "What was agreed.")
    assert paras[i + 2] == ("", F["supply"].text)


def test_banner_and_page_numbers_in_header_and_footer() -> None:
    files = parts(docx_bytes(seed_briefing(header=MemoHeader("S", "1 Jan", banner="OFFICIAL - SENSITIVE"))))
    header = [n for n in files if re.fullmatch(r"word/header\d+\.xml", n)]
    footer = [n for n in files if re.fullmatch(r"word/footer\d+\.xml", n)]
    assert len(header) == 1 and len(footer) == 1
    assert "OFFICIAL - SENSITIVE" in files[header[0]].decode()
    foot = files[footer[0]].decode()
    assert "OFFICIAL - SENSITIVE" in foot
    assert 'w:instr=" PAGE "' in foot and 'w:instr=" NUMPAGES "' in foot
    assert ">Page <" in foot and "> of <" in foot


def test_no_banner_means_no_header_part() -> None:
    files = parts(docx_bytes(seed_briefing()))
    assert not [n for n in files if n.startswith("word/header")]


def test_control_characters_are_cleaned_not_fatal() -> None:
    bad = make_fact("Tokyo\x00 and Seoul\x0b agreed\x1f on \ud800trade.", ("s1",), "f1", "economy")
    src = make_source("s1", outlet="Out\x07let", title="Head\x0cline")
    briefing = Briefing(header=MemoHeader("Sub\x01ject", "1 Jan"), bluf=(), sources=(src,),
                        sections=(Section("economy", "Economy", (bad,)),),
                        style=load_template("default").style)
    data = docx_bytes(briefing)
    paras = body_paragraphs(data)
    assert ("ListBullet", "Tokyo and Seoul agreed on trade.") in paras
    assert footnote_texts(data) == {1: "[1] Outlet, 13 Jan."}
    assert "Tokyo and Seoul agreed on trade." in markdown_text(briefing)
    assert clean_text("a\tb\n c\x7f") == "a b c"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(min_size=1, max_size=60))
def test_any_text_renders_cleaned_in_every_format(text: str) -> None:
    fact = make_fact(text, ("s1",), "f1", "economy")
    src = make_source("s1", outlet=text, title=text)
    briefing = Briefing(header=MemoHeader(text, text), bluf=(), sources=(src,),
                        sections=(Section("economy", "Economy", (fact,)),), style=TEMPLATE.style)
    cleaned = sentence_case(clean_text(text))
    assert cleaned[1:] == clean_text(text)[1:]
    paras = body_paragraphs(docx_bytes(briefing))
    assert ("ListBullet", cleaned) in paras
    assert f"<li>{html.escape(cleaned, quote=False)}<sup>" in html_text(briefing)
    assert f"- {md_escape(cleaned)}[^1]" in markdown_text(briefing)
    # JSON keeps the model's text; only lone surrogates, which UTF-8 cannot hold, are replaced.
    data = json.loads(render(briefing, "json").decode("utf-8"))
    assert data["sections"][0]["facts"][0]["text"] == re.sub("[\ud800-\udfff]", "\ufffd", text)


def test_a_bullet_opens_with_a_capital_and_keeps_the_sources_other_characters() -> None:
    # A sentence whose dateline was cut ("the united states announced ...", Multi-News 00281) or
    # text printed in lower case: the bullet's first letter is set as a capital, in every format;
    # the JSON keeps the source's text.
    low = make_fact("the united states announced wednesday that it was speeding a deployment.", ("s1",),
                    "f1", "economy")
    quoted = make_fact('" the whole world was watching, " dutch comedian arjen lubach says.', ("s1",), "f2",
                       "economy")
    kept = make_fact("iPhone sales rose in u.s. stores.", ("s1",), "f3", "economy")
    briefing = Briefing(header=MemoHeader("Subject", "1 Jan"), bluf=(low,), sources=(make_source("s1"),),
                        sections=(Section("economy", "Economy", (quoted, kept)),), style=TEMPLATE.style)
    paras = [text for _, text in body_paragraphs(docx_bytes(briefing))]
    assert "The united states announced wednesday that it was speeding a deployment." in paras
    assert '" The whole world was watching, " dutch comedian arjen lubach says.' in paras
    assert "iPhone sales rose in u.s. stores." in paras
    assert "- The united states announced wednesday" in markdown_text(briefing)
    assert "<li>The united states announced wednesday" in html_text(briefing)
    data = json.loads(render(briefing, "json").decode("utf-8"))
    assert data["bluf"][0]["text"].startswith("the united states announced")
    for text in ("e.g. this is an example.", "u.s. officials said so.", "mp3s are files.",
                 "www.cnn.com said.", "km/h limits apply.", "( cnn ) the president spoke."):
        assert sentence_case(text) == text
    assert sentence_case("co-founder jane doe said.") == "Co-founder jane doe said."


def test_issue21_a_guess_is_never_printed_as_found() -> None:
    # A guessed title or date stays out of the memo; an undated source says so in the list.
    guessed = replace(make_source("s1", outlet="Chosun", title="Lee takaichi nara summit", date="2026-01-31"),
                      provenance=Provenance(outlet="guessed", title="guessed", date="guessed"))
    found = replace(make_source("s2", outlet="Yonhap", title="Lee visits Nara", date="2026-01-14"),
                    provenance=Provenance(title="found", date="found"))
    untitled = make_source("s3", outlet="AloJapan.com", title="", date=None)
    fact = make_fact("The leaders met in Nara.", ("s1", "s2", "s3"), "f1", "history")
    briefing = Briefing(header=MemoHeader("S", "D"), bluf=(), sources=(guessed, found, untitled),
                        sections=(Section("history", "History", (fact,)),), style=TEMPLATE.style)
    memo = layout(briefing)
    assert [n.text for n in memo.notes] == ["[1] Chosun; [2] Yonhap, 14 Jan; [3] AloJapan.com."]
    assert [b.text for b in memo.blocks if b.kind == "numbered"] == [
        "Chosun, [undated].", "Yonhap, “Lee visits Nara”, 2026-01-14.", "AloJapan.com, [undated]."]
    assert "takaichi" not in markdown_text(briefing).lower() and "01-31" not in html_text(briefing)
    assert memo.date == date(2026, 1, 14)  # the document's stamp: never the guessed date


def test_issue21_short_dates_carry_the_year_when_the_sources_span_years() -> None:
    a = make_source("s1", outlet="AP", date="1998-12-30")
    b = make_source("s2", outlet="The Star (Toronto)", date="1999-01-02")
    fact = make_fact("Talks ended.", ("s1", "s2"), "f1", "history")
    briefing = Briefing(header=MemoHeader("S", "D"), bluf=(), sources=(a, b),
                        sections=(Section("history", "History", (fact,)),), style=TEMPLATE.style)
    assert layout(briefing).notes[0].text == "[1] AP, 30 Dec 1998; [2] The Star, 2 Jan 1999."
    assert footnote(("s2",), Cited.of((b,))).text == "[1] The Star, 2 Jan."


def test_sources_list_links_urls_in_the_body() -> None:
    data = docx_bytes(seed_briefing())
    document = docx.Document(io.BytesIO(data))
    entry = next(p for p in document.paragraphs if p.text.startswith("Yonhap News Agency"))
    assert [h.url for h in entry.hyperlinks] == ["https://en.yna.co.kr/view/AEN20260114"]


def test_default_style_when_briefing_has_none() -> None:
    data = docx_bytes(seed_briefing(style=MemoStyle()))
    assert ("Heading1", "Bottom line up front") in body_paragraphs(data)


def test_the_header_prints_what_the_briefing_decided_and_nothing_else() -> None:
    # Subject and date are decided once, by the pipeline; a writer never guesses them again.
    memo = layout(seed_briefing(header=MemoHeader(subject="", date="", to="The Minister")))
    assert dict(memo.fields) == {"To": "The Minister"}


def test_core_properties_are_fixed() -> None:
    document = docx.Document(io.BytesIO(docx_bytes(seed_briefing())))
    props = document.core_properties
    assert props.author == "briefgen" and props.revision == 1
    assert props.created is not None and props.created.isoformat().startswith("2026-01-14")
    assert props.modified == props.created
    assert props.title == "Korea-Japan summit in Nara, 13-14 January 2026"


def test_building_twice_gives_identical_bytes() -> None:
    first = docx_bytes(seed_briefing())
    second = docx_bytes(seed_briefing())
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert z.namelist()[0] == "[Content_Types].xml"
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_reference_docx_from_template_is_used(tmp_path: Path) -> None:
    ref = tmp_path / "ref.docx"
    document = docx.Document(str(ROOT / "templates" / "reference.docx"))
    document.styles["Normal"].font.name = "Georgia"
    document.add_paragraph("sample body text that must not survive")
    document.save(str(ref))
    template = replace(load_template("default"), reference_docx=ref)
    data = docx_bytes(seed_briefing(style=template.style))
    files = parts(data)
    assert b"Georgia" in files["word/styles.xml"]
    assert b"must not survive" not in files["word/document.xml"]


def test_reference_without_footnote_parts_gets_them(tmp_path: Path) -> None:
    ref = tmp_path / "plain.docx"
    docx.Document().save(str(ref))  # python-docx's default: no footnotes part, no footnote styles
    data = docx_bytes(seed_briefing(style=replace(load_template("default"), reference_docx=ref).style))
    files = parts(data)
    assert len(footnote_texts(data)) == 17
    styles = files["word/styles.xml"].decode()
    assert '<w:name w:val="footnote text"/>' in styles and '<w:name w:val="footnote reference"/>' in styles


# --- other formats -------------------------------------------------------------------


def test_markdown_footnotes() -> None:
    md = markdown_text(seed_briefing())
    assert md.startswith("# MEMORANDUM\n")
    assert "**To:** The Minister" in md
    assert f"- {F['dna'].text}[^1]" in md.replace("\\", "")
    assert "[^17]: \\[4\\] News1, 13 Jan.\n" in md
    assert "\n## Sources\n" in md
    assert "1. The Chosun Daily, 2026-01-13.\n" in md
    assert "[https://en.yna.co.kr/view/AEN20260114](https://en.yna.co.kr/view/AEN20260114)" in md


def test_a_briefing_with_no_fact_says_so_under_the_bottom_line_in_its_labels_words() -> None:
    b = seed_briefing()
    empty = replace(b, bluf=(), sections=tuple(replace(s, facts=()) for s in b.sections), conflicts=(),
                    style=replace(b.style, labels=replace(b.style.labels, nothing="Rien a signaler.")))
    blocks = layout(empty).blocks
    assert [(k.kind, "".join(sp.text for sp in k.spans)) for k in blocks[:2]] == [
        ("heading", empty.style.bluf_title), ("intro", "Rien a signaler.")]
    # A briefing with facts prints no such line.
    assert all("".join(sp.text for sp in k.spans) != Labels().nothing for k in layout(b).blocks)
    # Nor one that shows where its sources differ; and an empty label turns the line off.
    texts = ["".join(sp.text for sp in k.spans) for k in layout(replace(empty, conflicts=(CONFLICT,))).blocks]
    assert "Rien a signaler." not in texts
    off = replace(empty, style=replace(b.style, labels=replace(b.style.labels, nothing="")))
    assert [k.kind for k in layout(off).blocks][:1] == ["heading"]
    assert all(k.kind != "intro" or "".join(sp.text for sp in k.spans) for k in layout(off).blocks)


def test_a_source_nothing_cites_is_listed_as_read_and_not_cited() -> None:
    b = seed_briefing()

    def without(f, sid: str):  # type: ignore[no-untyped-def]
        return replace(f, sources=tuple(x for x in f.sources if x != sid) or ("s2",))

    def numbered(briefing: Briefing) -> list[str]:
        return ["".join(sp.text for sp in k.spans) for k in layout(briefing).blocks if k.kind == "numbered"]

    # The seed memo cites every source: no entry is marked.
    assert not any(e.endswith(Labels().uncited) for e in numbered(b))
    no_s5 = replace(b, bluf=tuple(without(f, "s5") for f in b.bluf),
                    sections=tuple(replace(sec, facts=tuple(without(f, "s5") for f in sec.facts))
                                   for sec in b.sections), conflicts=())
    entries = numbered(no_s5)
    position = [src.id for src in no_s5.sources].index("s5")
    assert entries[position].endswith(". Read; nothing in this memo cites it.")
    assert sum(e.endswith(Labels().uncited) for e in entries) == 1
    # A source "Where sources differ" names is cited there.
    assert not any(e.endswith(Labels().uncited) for e in numbered(replace(no_s5, conflicts=(CONFLICT,))))


def test_markdown_escapes_markup() -> None:
    fact = make_fact("Prices *rose* [sharply] <b>x</b> under_score", ("s1",), "f1", "economy")
    briefing = Briefing(header=MemoHeader("S", "D"), bluf=(), sources=(make_source("s1"),),
                        sections=(Section("economy", "Economy", (fact,)),),
                        style=load_template("default").style)
    md = markdown_text(briefing)
    assert r"- Prices \*rose\* \[sharply\] \<b\>x\</b\> under\_score[^1]" in md


def test_html_is_escaped_standalone_page() -> None:
    fact = make_fact("Tokyo <script>alert(1)</script> & Seoul", ("s1",), "f1", "economy")
    src = make_source("s1", outlet="A&B", url="javascript:alert(1)")
    briefing = Briefing(header=MemoHeader("S<", "D"), bluf=(), sources=(src,),
                        sections=(Section("economy", "Economy", (fact,)),),
                        style=load_template("default").style)
    page = html_text(briefing)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<script>" not in page and "Tokyo &lt;script&gt;alert(1)&lt;/script&gt; &amp; Seoul" in page
    assert "javascript:" not in page.split("<body>")[1].split("A&amp;B")[0]
    assert 'href="javascript' not in page
    assert '<a href="#fn1" id="fnref1"' in page and 'id="fn1"' in page


def test_html_footnotes_match_docx() -> None:
    page = html_text(seed_briefing())
    assert page.count('<li id="fn') == 17
    assert '<a href="https://en.yna.co.kr/view/AEN20260114">' in page


def test_json_is_whole_model_sorted_and_stable() -> None:
    text = json_text(seed_briefing())
    assert text == json_text(seed_briefing())
    data = json.loads(text)
    assert list(data) == sorted(data)
    assert [s["key"] for s in data["sections"]] == ["history", "economy", "security", "ceremony"]
    dna = data["sections"][0]["facts"][1]
    assert dna["id"] == "f2" and dna["sources"] == ["s1", "s2", "s4", "s5"] and dna["score"] == 0.95
    assert dna["sentences"][0]["start"] == 0 and dna["sentences"][0]["source_id"] == "s1"
    assert data["conflicts"][0]["sides"][1]["value"] == "88 minutes"
    assert data["skipped"] == [{"origin": "notes/empty.txt", "reason": "no usable text"}]
    assert data["sources"][1]["url"] == "https://en.yna.co.kr/view/AEN20260114"
    assert data["template"] == "default"


def test_formats_registry_and_render() -> None:
    assert sorted(WRITERS.names()) == ["docx", "html", "json", "md"]
    briefing = seed_briefing()
    assert render(briefing, "md") == markdown_text(briefing).encode("utf-8")
    assert render(briefing, "docx")[:2] == b"PK"
    with pytest.raises(KeyError):
        render(briefing, "pdf")


# --- golden parts ----------------------------------------------------------------------


def canonical(xml: bytes) -> str:
    """Pretty-printed XML with attributes sorted, for a readable, stable diff."""
    root = etree.fromstring(xml)
    for el in root.iter():
        attrs = sorted(el.attrib.items())
        el.attrib.clear()
        for k, v in attrs:
            el.set(k, v)
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="unicode") + "\n"


@pytest.mark.parametrize("part", ["word/document.xml", "word/footnotes.xml", "word/styles.xml"])
def test_golden_parts(part: str) -> None:
    """Compare with tests/golden; BRIEFGEN_UPDATE_GOLDEN=1 rewrites them (review the git diff)."""
    got = canonical(parts(docx_bytes(tiny_briefing()))[part])
    path = GOLDEN / ("tiny-" + part.split("/")[-1])
    if os.environ.get("BRIEFGEN_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8")
    assert path.is_file(), f"{path} missing: run with BRIEFGEN_UPDATE_GOLDEN=1"
    assert got == path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_memo_parts() -> dict[str, bytes]:
    from briefgen.pipeline import build_briefing

    return parts(docx_bytes(build_briefing()))


@pytest.mark.parametrize("part", ["word/document.xml", "word/footnotes.xml"])
def test_golden_seed_memo(part: str, seed_memo_parts: dict[str, bytes]) -> None:
    """The sample memo, part by part: any change to what it says shows as a reviewed diff.

    BRIEFGEN_UPDATE_GOLDEN=1 rewrites tests/golden/seeds-*.xml; read the git
    diff before committing it.
    """
    got = canonical(seed_memo_parts[part])
    path = GOLDEN / ("seeds-" + part.split("/")[-1])
    if os.environ.get("BRIEFGEN_UPDATE_GOLDEN") == "1":
        path.write_text(got, encoding="utf-8")
    assert path.is_file(), f"{path} missing: run with BRIEFGEN_UPDATE_GOLDEN=1"
    assert got == path.read_text(encoding="utf-8")


# --- LibreOffice layout ------------------------------------------------------------------


def pdf_pages(data: bytes, tmp_path: Path) -> list[str]:
    """The memo converted by LibreOffice, as the text of each page."""
    src = tmp_path / "memo.docx"
    src.write_bytes(data)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path), str(src)],
        check=True, capture_output=True, timeout=180,
    )
    out = subprocess.run(["pdftotext", "-layout", str(tmp_path / "memo.pdf"), "-"], check=True,
                         capture_output=True, text=True, timeout=60).stdout
    return [p for p in out.split("\f") if p.strip()]


def _flat(text: str) -> str:
    """Text as pdftotext gives it, made comparable: NFKC, one space, no line-end hyphen breaks."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    return re.sub(r"(\w)- (\w)", r"\1-\2", text)


def note_layout_problems(pages: list[str], memo: MemoLayout) -> list[str]:
    """Every way the PDF breaks "each note at the foot of the page that cites it"."""
    flat = [_flat(p) for p in pages]
    problems: list[str] = []
    by_page: dict[int, list[tuple[int, int]]] = {}
    cited = [span for block in memo.blocks for span in block.spans if span.note is not None]
    for n, span in enumerate(cited, start=1):
        assert span.note is not None
        key = _flat(f"{n} " + " ".join(span.note.text.split()[:6]))
        found = [i for i, t in enumerate(flat) if key in t]
        if not found:
            problems.append(f"note {n} not found")
            continue
        page = found[0]
        note_at = flat[page].index(key)
        words = _flat(span.text).split()
        tail = " ".join(words[-4:-1]) if len(words) > 1 else words[0] if words else ""
        tail_at = flat[page].find(tail)
        if tail_at < 0 or tail_at > note_at:
            problems.append(f"note {n} is not on the page of, and below, the text citing it ({tail!r})")
            continue
        by_page.setdefault(page, []).append((tail_at, note_at))
    for page, pairs in by_page.items():
        if max(t for t, _ in pairs) > min(nt for _, nt in pairs):
            problems.append(f"page {page + 1}: a note sits above body text")
    return problems


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) and poppler's pdftotext are needed")
@pytest.mark.slow
def test_libreoffice_puts_footnotes_at_page_foot_within_two_pages(tmp_path: Path) -> None:
    briefing = seed_briefing()
    pages = pdf_pages(docx_bytes(briefing), tmp_path)
    assert len(pages) <= 2
    assert "MEMORANDUM" in pages[0] and "Page 1 of 2" in pages[0]
    assert note_layout_problems(pages, layout(briefing)) == []


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) and poppler's pdftotext are needed")
@pytest.mark.slow
def test_seed_memo_from_pipeline_fits_two_pages(tmp_path: Path) -> None:
    from briefgen.pipeline import build_briefing

    briefing = build_briefing()
    pages = pdf_pages(docx_bytes(briefing), tmp_path)
    memo = layout(briefing)
    # Issue 21: at most two pages, at least 20 footnoted facts, footnotes at most a quarter of the text.
    assert len(pages) <= 2
    assert len(briefing.bluf) + len(briefing.facts) >= 20
    notes = sum(len(n.text) for n in memo.notes)
    text = (len(memo.heading) + sum(len(k) + len(v) for k, v in memo.fields)
            + sum(len(b.text) for b in memo.blocks) + notes)
    assert notes / text <= 0.25
    assert note_layout_problems(pages, memo) == []


def test_note_layout_check_catches_notes_above_text() -> None:
    """The layout check itself: a note printed before its text is reported."""
    memo = layout(tiny_briefing())
    fact = "The leaders agreed to cooperate on DNA testing."
    note = memo.notes[0].text
    good = f"MEMORANDUM {fact}1 {fact}2 They played drums together.3 1 {note} 2 {note} 3 {memo.notes[2].text}"
    assert note_layout_problems([good], memo) == []
    bad = f"MEMORANDUM 1 {note} {fact}1 {fact}2 They played drums together.3 2 {note} 3 {memo.notes[2].text}"
    assert note_layout_problems([bad], memo) != []


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20),
       bold=st.booleans(), italic=st.booleans())
@pytest.mark.slow
def test_plain_run_is_the_run_python_docx_writes(text: str, bold: bool, italic: bool) -> None:
    import briefgen.render.oxml as oxml

    paragraph = docx.Document().add_paragraph()
    run = paragraph.add_run(text)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    expected = etree.tostring(run._r, method="c14n", exclusive=True)
    made = oxml.plain_run(text, bold=bold, italic=italic)
    assert etree.tostring(made, method="c14n", exclusive=True) == expected


def test_json_schema_names_the_conflict_layout():
    """Schema 2: conflicts carry a kind and sides (issue 18); readers of schema 1 can tell."""
    from briefgen.pipeline import build_briefing
    from briefgen.render.jsonout import briefing_dict

    data = briefing_dict(build_briefing())
    assert data["schema"] == 2
    kinds = sorted((c["kind"], tuple(sorted(s["value"] for s in c["sides"]))) for c in data["conflicts"])
    assert kinds == [
        ("disagreement", ("100 minutes", "88 minutes")),
        ("disagreement", ("136", "approximately 130")),
        ("variant", ("Chosei", "Josei")),
        ("variant", ("Wi Sung-lack", "Wi Sung-rak")),
    ]


# --- issue 17: reports, not copies ---------------------------------------------------------


def _wire_briefing() -> Briefing:
    """One fact reported by four outlets, three of which reprint one AP story."""
    sources = (
        make_source("s1", outlet="The Chosun Daily", title="Own report"),
        make_source("s2", outlet="The Star", title="Quake kills 820"),
        make_source("s3", outlet="The Gleaner", title="Quake kills 820"),
        make_source("s4", outlet="TAG24", title="Quake kills 820"),
    )
    sources = tuple(replace(s, report="AP") if s.id != "s1" else s for s in sources)
    fact = replace(make_fact("The earthquake killed at least 820 people, officials said.",
                             ("s1", "s2", "s3", "s4"), "f1", "bluf"), independent=2)
    return seed_briefing(bluf=(fact,), sections=(), conflicts=(), skipped=(), sources=sources)


def test_footnote_names_a_wire_report_once_with_the_outlets_that_carry_it() -> None:
    (note,) = layout(_wire_briefing()).notes
    assert note.text == (
        "Reported by 4 sources, 2 independent reports: [1] Chosun Daily, 13 Jan; "
        "AP report, carried by [2] The Star, 13 Jan, [3] The Gleaner, 13 Jan and [4] TAG24, 13 Jan.")
    assert note.sources == ("s1", "s2", "s3", "s4")
    md = markdown_text(_wire_briefing())
    assert "AP report, carried by \\[2\\] The Star" in md


def test_footnote_of_one_report_needs_no_count_and_names_no_group_number() -> None:
    sources = tuple(replace(make_source(sid, outlet="Associated Press", title="Fire"), report=report)
                    for sid, report in (("s1", "AP"), ("s2", "AP"), ("s3", "AP #2"), ("s4", "AP #2")))
    one = replace(make_fact("A fire killed 60 people at a dance hall.", ("s3", "s4"), "f1", "bluf"),
                  independent=1)
    two = replace(make_fact("The hall held 400 people, twice its capacity.", ("s1", "s2", "s3", "s4"), "f2",
                            "bluf"), independent=2)
    briefing = seed_briefing(bluf=(one, two), sections=(), conflicts=(), skipped=(), sources=sources)
    first, second = layout(briefing).notes
    assert first.text == "AP report, carried by [3] AP, 13 Jan and [4] AP, 13 Jan."
    assert second.text == ("Reported by 4 sources, 2 independent reports: AP report, carried by [1] AP, "
                           "13 Jan and [2] AP, 13 Jan; another AP report, carried by [3] AP, 13 Jan and "
                           "[4] AP, 13 Jan.")


def test_a_report_of_no_known_outlet_is_one_report() -> None:
    sources = tuple(replace(make_source(sid, outlet="Unknown outlet", title="Fire"), report=report)
                    for sid, report in (("s1", "Unknown outlet"), ("s2", "Unknown outlet"),
                                        ("s3", "Unknown outlet #2"), ("s4", "Unknown outlet #2")))
    fact = replace(make_fact("The hall held 400 people, twice its capacity.", ("s1", "s2", "s3", "s4"), "f1",
                             "bluf"), independent=2)
    briefing = seed_briefing(bluf=(fact,), sections=(), conflicts=(), skipped=(), sources=sources)
    (note,) = layout(briefing).notes
    assert note.text.startswith("Reported by 4 sources, 2 independent reports: one report, carried by [1] ")
    assert "; another report, carried by [3] " in note.text
    assert "Unknown outlet report" not in note.text


def test_a_source_of_no_known_outlet_is_listed_with_its_file() -> None:
    # Without its file, "Unknown outlet, [undated]." twice leaves a reader no way to find what [2] cites.
    sources = (Source(id="s1", origin="/in/feed/article4.txt", text="", outlet="Unknown outlet", title=""),
               Source(id="s2", origin="C:\\feed\\wire.txt", text="", outlet="Unknown outlet", title="Fire",
                      date="2026-01-13"),
               Source(id="s3", origin="/in/feed/chosun.txt", text="", outlet="The Chosun Daily", title=""),
               Source(id="s4", origin="-", text="", outlet="Unknown outlet", title=""))
    facts = tuple(make_fact(f"Fact number {n} was reported.", (sid,), f"f{n}", "bluf")
                  for n, sid in enumerate(("s1", "s2", "s3", "s4"), 1))
    briefing = seed_briefing(bluf=facts, sections=(), conflicts=(), skipped=(), sources=sources)
    text = markdown_text(briefing)
    assert "1. Unknown outlet (article4.txt), \\[undated\\]." in text
    assert "2. Unknown outlet (wire.txt), \u201cFire\u201d, 2026-01-13." in text
    assert "3. The Chosun Daily, \\[undated\\]." in text  # an outlet names it: no file
    assert "4. Unknown outlet, \\[undated\\]." in text  # standard input has no file name
    from briefgen.render.citation import file_name

    assert [file_name(o) for o in ("<text 1>", "https://example.com/a.html", "-", "feed/a.txt")] == [
        "", "", "", "a.txt"]


def test_sources_whose_entries_would_read_alike_are_listed_with_their_files() -> None:
    # Multi-News 00261: two AP stories, both undated, listed as "Associated Press, [undated]." twice,
    # so a reader could not tell which text footnote [2] cites.
    sources = (Source(id="s1", origin="/in/ap-shooting.txt", text="", outlet="Associated Press", title=""),
               Source(id="s2", origin="/in/ap-victims.txt", text="", outlet="Associated Press", title=""),
               Source(id="s3", origin="/in/feed/ap-dated.txt", text="", outlet="Associated Press", title="",
                      date="2015-12-02"),
               Source(id="s4", origin="/a/same.txt", text="", outlet="Reuters", title=""),
               Source(id="s5", origin="/b/same.txt", text="", outlet="Reuters", title=""),
               Source(id="s6", origin="<text 6>", text="", outlet="CNN", title=""),
               Source(id="s7", origin="<text 7>", text="", outlet="CNN", title=""))
    facts = tuple(make_fact(f"Fact number {n} was reported.", (s.id,), f"f{n}", "bluf")
                  for n, s in enumerate(sources, 1))
    briefing = seed_briefing(bluf=facts, sections=(), conflicts=(), skipped=(), sources=sources)
    text = markdown_text(briefing)
    assert "1. Associated Press (ap-shooting.txt), \\[undated\\]." in text
    assert "2. Associated Press (ap-victims.txt), \\[undated\\]." in text
    assert "3. Associated Press, 2015-12-02." in text  # its date tells it apart: no file
    # Files of one name in two folders: the path as given; texts given in memory: their names.
    assert "4. Reuters (/a/same.txt), \\[undated\\]." in text
    assert "5. Reuters (/b/same.txt), \\[undated\\]." in text
    assert "6. CNN (text 6), \\[undated\\]." in text
    assert "7. CNN (text 7), \\[undated\\]." in text
    # Unknown outlets of one file name: their paths; standard input; a name another source shares
    # that is no twin of theirs does not make twins print paths.
    sources = (Source(id="s1", origin="/a/article.txt", text="", outlet="Unknown outlet", title=""),
               Source(id="s2", origin="/b/article.txt", text="", outlet="Unknown outlet", title=""),
               Source(id="s3", origin="-", text="", outlet="BBC", title=""),
               Source(id="s4", origin="/c/bbc.txt", text="", outlet="BBC", title=""),
               Source(id="s5", origin="/a/x.txt", text="", outlet="AFP", title=""),
               Source(id="s6", origin="/b/y.txt", text="", outlet="AFP", title=""),
               Source(id="s7", origin="/c/x.txt", text="", outlet="AFP", title="", date="2015-12-02"))
    facts = tuple(make_fact(f"Fact number {n} was reported.", (s.id,), f"f{n}", "bluf")
                  for n, s in enumerate(sources, 1))
    text = markdown_text(seed_briefing(bluf=facts, sections=(), conflicts=(), skipped=(), sources=sources))
    assert "1. Unknown outlet (/a/article.txt), \\[undated\\]." in text
    assert "2. Unknown outlet (/b/article.txt), \\[undated\\]." in text
    assert "3. BBC (standard input), \\[undated\\]." in text
    assert "4. BBC (bbc.txt), \\[undated\\]." in text
    assert "5. AFP (x.txt), \\[undated\\]." in text
    assert "6. AFP (y.txt), \\[undated\\]." in text
    assert "7. AFP, 2015-12-02." in text
    # "Where sources differ" names an unknown outlet's side by its file, as the list does.
    unknown = (Source(id="s4", origin="/in/a4.txt", text="", outlet="Unknown outlet", title=""),
               Source(id="s5", origin="/in/a5.txt", text="", outlet="Unknown outlet", title=""))
    facts = tuple(make_fact(f"Fact number {n} was reported.", (s.id,), f"f{n}", "bluf")
                  for n, s in enumerate(unknown, 1))
    text = markdown_text(seed_briefing(bluf=facts, sections=(), skipped=(), sources=unknown))
    assert "**Length of the summit meeting:** 100 minutes (a5.txt)" in text
    assert "88 minutes (a4.txt)" in text
    # A template of its own that names no twin prints what it says, alike or not.
    plain = replace(briefing, style=replace(briefing.style, citation="{{ outlet }}."))
    assert markdown_text(plain).count("Associated Press.") == 3


def test_json_gives_sources_and_independent_reports_per_fact() -> None:
    data = json.loads(json_text(_wire_briefing()))
    (fact,) = data["bluf"]
    assert fact["counts"] == {"sources": 4, "reports": 2}
    assert [s["report"] for s in data["sources"]] == ["", "AP", "AP", "AP"]
    assert fact["overlaps"] == []
