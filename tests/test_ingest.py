"""Ingest: formats, encodings, folders, manifests, URLs, stdin, limits and safety."""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import io
import logging
import shutil
import subprocess
import sys
import textwrap
import time
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from conftest import SEEDS, local_http

from briefgen.errors import InputError, SourceError
from briefgen.model import Skipped
from briefgen.pipeline import text_sources
from briefgen.sources.decode import decode_bytes
from briefgen.sources.limits import Limits
from briefgen.sources.load import load_sources
from briefgen.sources.manifest import read_manifest
from briefgen.sources.metadata import infer_details, infer_metadata

HTML_DIR = Path(__file__).resolve().parent / "data" / "html"
MANIFEST = tomllib.loads((SEEDS / "manifest.toml").read_text(encoding="utf-8"))["source"]
PARAGRAPH = (
    "The two leaders agreed to expand cooperation on supply chains and to test the remains of wartime "
    "laborers. They met for 100 minutes in Nara and promised to meet again within the year.\n"
)


# ---------------------------------------------------------------------------
# Seeds and metadata
# ---------------------------------------------------------------------------


def test_seeds_folder_loads_with_its_manifest() -> None:
    sources, skipped = load_sources([SEEDS])
    assert skipped == []
    assert [s.id for s in sources] == ["s1", "s2", "s3", "s4", "s5"]
    by_file = {Path(s.origin).name: s for s in sources}
    assert sorted(by_file) == sorted(m["file"] for m in MANIFEST)  # manifest.toml is not a source
    for entry in MANIFEST:
        src = by_file[entry["file"]]
        # Two articles print no headline and the manifest gives none: they stay untitled.
        assert (src.outlet, src.title, src.date) == (entry["outlet"], entry.get("title", ""), entry["date"])
        assert (src.provenance.outlet, src.provenance.where("outlet"), src.provenance.date) == \
            ("given", "manifest", "given")
        assert src.text == (SEEDS / entry["file"]).read_text(encoding="utf-8")
        assert src.format == "text"


def _outlet_matches(inferred: str, expected: str) -> bool:
    a, b = inferred.casefold(), expected.casefold()
    domains = [tok for tok in b.replace("(", " ").replace(")", " ").split() if "." in tok]
    return a in b or b in a or any(tok in a for tok in domains)


def test_seed_outlets_inferred_without_manifest(tmp_path: Path) -> None:
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    sources, _ = load_sources([tmp_path])
    expected = {m["file"]: m["outlet"] for m in MANIFEST}
    outlets = {Path(s.origin).name: s.outlet for s in sources}
    assert outlets == {
        "alojapan-2026-01-13-nara-summit-relations.txt": "AloJapan.com",  # trailing site name
        "chosun-2026-01-13-lee-takaichi-nara-summit.txt": "Chosun",  # file name
        # A credit in Korean script gets the Latin name beside it (issue 21).
        "korea-kr-2026-01-14-shuttle-diplomacy.txt": "Korea.kr (대한민국 정책브리핑)",
        "news1-2026-01-13-summit-progress-history.txt": "News1",  # file name
        "yonhap-2026-01-14-lee-japan-visit-wrap.txt": "Yonhap News Agency",  # copyright line
    }
    assert sum(_outlet_matches(outlets[f], expected[f]) for f in expected) >= 4


def test_seed_outlets_inferred_from_text_alone(tmp_path: Path) -> None:
    # Renamed files: only the text can tell the outlet.
    names = {}
    for i, path in enumerate(sorted(SEEDS.glob("*.txt")), 1):
        shutil.copy(path, tmp_path / f"article{i}.txt")
        names[f"article{i}.txt"] = path.name
    sources, _ = load_sources([tmp_path])
    expected = {m["file"]: m["outlet"] for m in MANIFEST}
    hits = [s.outlet for s in sources if _outlet_matches(s.outlet, expected[names[Path(s.origin).name]])]
    assert hits == ["AloJapan.com", "Korea.kr (대한민국 정책브리핑)",
                    "News1", "Yonhap News Agency"]


def test_seed_titles_and_dates_inferred(tmp_path: Path) -> None:
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    sources, _ = load_sources([tmp_path])
    meta = {Path(s.origin).name.split("-")[0]: (s.title, s.date) for s in sources}
    assert meta["yonhap"] == ("Lee\u2019s Japan visit raises prospects for closer economic cooperation, "
                              "efforts to test remains of Korean forced laborers", "2026-01-14")
    assert meta["news1"][0] == ("Korea-Japan Summit: What Progress Was Made on Historical Issues and "
                                "Regional Cooperation?")
    # The page's "Saturday, January 31, 2026" sits above other stories' teasers: furniture, not the
    # article's date (issue 21); the file name's date stands.
    assert meta["news1"][1] == "2026-01-13"
    assert meta["korea"][0] == ("Comprehensive cooperation between Korea and Japan brought closer through "
                                "shuttle diplomacy")
    # No headline printed: untitled, never the file name's words (issue 21).
    assert meta["alojapan"] == ("", "2026-01-13")
    assert meta["chosun"] == ("", "2026-01-13")


def test_infer_metadata_wire_dateline_and_copyright() -> None:
    text = ("Senate passes budget deal\n\nWASHINGTON (AP) \u2014 The Senate passed the budget on Tuesday, "
            "Jan. 13, 2026.\n\nCopyright 2026 The Associated Press. All rights reserved.\n")
    found = infer_details(text, "story.txt")
    # The credit line names the outlet; the table of known outlets names it as the memo prints it.
    assert (found["outlet"].value, found["outlet"].how) == ("Associated Press", "found")
    assert (found["title"].value, found["title"].how) == ("Senate passes budget deal", "found")
    # Jan. 13 is what the story reports on, in its lead: never the article's date (issue 21).
    assert "date" not in found
    dated = text.replace("\n\nWASHINGTON", "\nBy Jane Doe | Jan. 14, 2026\n\nWASHINGTON")
    byline = infer_details(dated, "story.txt")["date"]
    assert (byline.value, byline.where) == ("2026-01-14", "byline")
    wire = infer_metadata("SEOUL (AP) \u2014 North Korea fired a missile.\n", "x.txt")
    assert wire["outlet"] == "Associated Press"


def test_a_hard_wrapped_story_s_first_line_is_no_headline_and_a_headline_above_it_is_one() -> None:
    # Wrapped at 70 with no headline: the first line, cut off at the width ("... messages and
    # getting"), had been printed in quotes as the source's headline.
    story = ("A newspaper executive admitted hacking telephone messages and getting a thrill from it, "
             "the paper's editor said on Friday in a statement that named no one else at the paper. "
             "The assistant editor said he had intercepted voicemails in an article written in December "
             "2006 in order to investigate and expose bribery and corruption, not gossip about the rich. "
             "Lawyers for several people whose phones were hacked said on Friday that they would file "
             "claims against a second newspaper group within a few weeks, without naming their clients.")
    wrapped = textwrap.fill(story, 70, break_on_hyphens=False) + "\n"
    assert wrapped.splitlines()[0].endswith("and getting")
    assert "title" not in infer_details(wrapped, "article1.txt")
    headline = "Newspaper executive admits hacking phone messages"
    assert infer_details(headline + "\n\n" + wrapped, "article1.txt")["title"].value == headline


def test_infer_metadata_untitled_wire_copy_is_untitled_and_takes_its_file_date() -> None:
    # Wire copy saved without a headline, under an archive code: no title (neither the lead
    # nor the file name is a headline); a date in the story is what it reports on, and the
    # file name's date is when it ran (issue 21).
    text = ("LONDON (AP) _ British police said Saturday they have arrested former Chilean dictator "
            "Gen. Augusto Pinochet on allegations of murdering Spanish citizens. He is 82.\n\n"
            "Pinochet was held Friday night after British authorities received a warrant.\n\n"
            "The warrant charges that between Sept. 11, 1973, and Dec. 31, 1983, Pinochet murdered "
            "Spanish citizens in Chile, the spokeswoman said.\n")
    found = infer_details(text, "archive/APW19981017.0306.txt")
    assert "title" not in found
    assert (found["date"].value, found["date"].how, found["date"].where) == \
        ("1998-10-17", "given", "file name")
    assert (found["outlet"].value, found["outlet"].how) == ("Associated Press", "found")
    assert infer_metadata(text, "archive/APW19981017.0306.txt")["title"] == ""
    # Without a date in the file name, a date in the story is not taken either.
    assert "date" not in infer_details(text, "archive/story.txt")
    # Neither a short lead nor a file name of words is a headline.
    assert "title" not in infer_details("Talks resumed in Geneva on Monday.\n", "0151.txt")
    assert "title" not in infer_details(text, "pinochet-arrest-london.txt")
    # A note to editors, however often printed, is no headline.
    note = "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)\n\n"
    noted = text.replace("\n\nPinochet was", "\n\n" + note + "Pinochet was") + "\n" + note
    assert "title" not in infer_details(noted, "NYT19981017.0177.txt")
    # The file name's prefix names the outlet when the text does not: a guess, named from the table.
    nyt = infer_details("BUENOS AIRES, Argentina _ " + text.split(" _ ", 1)[1].replace("(AP)", ""),
                        "NYT19981017.0177.txt")
    assert (nyt["outlet"].value, nyt["outlet"].how, nyt["outlet"].where) == \
        ("The New York Times", "guessed", "file name")


def test_infer_metadata_headline_below_teasers_keeps_the_support_of_its_wire_lead() -> None:
    # A saved page: a teaser of another story (headline and wire lead) above
    # the article's own headline, byline and wire lead. The lead behind the
    # dateline is story, and the byline keeps its place below the headline.
    page = "\n\n".join([
        "Tuesday, March 3, 1998",
        "German police raided several locations near Bonn after receiving",
        "BONN, Germany (AP) _ German police raided several locations near Bonn after receiving word "
        "of a terrorist plot.",
        "An influential lawmaker backs Spanish requests to question Pinochet",
        "By Staff Reporter",
        "LONDON (AP) _ An influential lawmaker from the governing Labor Party on Saturday backed "
        "Spanish requests to question former Chilean dictator Gen. Augusto Pinochet.",
        "The lawmaker said Spanish requests to question Pinochet over genocide deserve support.",
        "Pinochet, in London for back surgery, faces questions from Spanish judges.",
    ])
    meta = infer_metadata(page, "0-0.txt")
    assert meta["title"] == "An influential lawmaker backs Spanish requests to question Pinochet"
    # The page's date line sits above another story's teaser: page furniture, not this article's date.
    assert "date" not in meta


# ---------------------------------------------------------------------------
# Formats and encodings
# ---------------------------------------------------------------------------

ENCODED = {
    "utf-8-sig": "Caf\u00e9 talks \u2014 \u201cprogress\u201d on supply chains.\n" * 3,
    "utf-16": "Caf\u00e9 talks \u2014 \u201cprogress\u201d on supply chains.\n" * 3,
    "cp1252": "The minister\u2019s caf\u00e9 meeting \u2014 \u201cfruitful\u201d, she said. "
              "Prices rose 5\u20ac per tonne.\n" * 3,
    "euc-kr": (
        "이재명 대통령과 다카이치 사나에 일본 총리는 13일 나라현에서 정상회담을 열고 공급망 협력에 합의했다. "
        "양국 정상은 조세이 탄광 유해의 DNA 감정을 추진하기로 했다.\n"
    ) * 2,
    "shift_jis": (
        "高市早苗首相と李在明大統領は13日、奈良県で首脳会談を行い、サプライチェーンでの協力で一致した。"
        "長生炭鉱の犠牲者の遺骨のDNA鑑定も進める。\n"
    ) * 2,
}


@pytest.mark.parametrize("encoding", sorted(ENCODED))
def test_text_in_common_encodings(tmp_path: Path, encoding: str) -> None:
    text = ENCODED[encoding]
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    (src,), _ = load_sources([path])
    assert src.text == text


def test_character_references_a_copied_page_left_in_text_are_decoded(tmp_path: Path) -> None:
    # Scraped pages saved as text keep their markup's references ("smith &amp; wesson" in Multi-News
    # validation); one the HTML standard does not define, or one without its semicolon, is text.
    body = ("A gunman pulled out a Smith &amp; Wesson revolver, police said. Image 1 of 29 &#124; new sites. "
            "AT&T; and R&D stayed as printed.\n")
    (tmp_path / "page.txt").write_text(body, encoding="utf-8")
    (tmp_path / "notes.md").write_text(body, encoding="utf-8")
    want = ("A gunman pulled out a Smith & Wesson revolver, police said. Image 1 of 29 | new sites. "
            "AT&T; and R&D stayed as printed.")
    texts = [s.text.strip() for s in load_sources([tmp_path / "page.txt", tmp_path / "notes.md"])[0]]
    assert texts == [want, want]
    from briefgen.pipeline import text_sources

    assert text_sources([body])[0].text.strip() == want
    # A name HTML does not define exactly stays; a control character is a space.
    from briefgen.sources.decode import decode_entities

    assert decode_entities("&copyright; Smith&LTD; a&#13;b &#x263A;") == "&copyright; Smith&LTD; a b \u263a"


def test_decode_bytes_rejects_binary() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    with pytest.raises(SourceError, match=r"^photo\.png: not text"):
        decode_bytes(png, "photo.png")


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("---\noutlet: Kyodo News\ntitle: Leaders meet in Nara\ndate: 2026-01-13\n"
                    "url: https://example.com/nara\nauthor: A. Writer\n---\n"
                    "# Leaders meet in Nara\n\n" + PARAGRAPH,
                    encoding="utf-8")
    (src,), _ = load_sources([path])
    assert (src.outlet, src.title, src.date, src.url, src.author, src.format) == (
        "Kyodo News", "Leaders meet in Nara", "2026-01-13", "https://example.com/nara", "A. Writer",
        "markdown")
    assert src.text == "# Leaders meet in Nara\n\n" + PARAGRAPH


def test_html_main_text_and_metadata() -> None:
    (src,), _ = load_sources([HTML_DIR / "harbor-wire.html"])
    assert src.format == "html"
    assert (src.outlet, src.title, src.date, src.author) == (
        "Pacific Wire", "Quake off eastern Taiwan kills 9, cuts power to 200,000 homes", "2026-03-04",
        "Lin Mei-hua")
    assert src.url == "https://pacificwire.example/world/asia/taiwan-quake-hualien-2026-03-04"
    assert "at least nine people, injuring more than 800" in src.text
    for junk in ("dataLayer", "Stay safe everyone", "Oil prices slip", "Home", "Manage cookies"):
        assert junk not in src.text


def test_html_declared_cp1252() -> None:
    (src,), _ = load_sources([HTML_DIR / "island-daily.html"])
    assert "\u201cWe had just started to recover,\u201d said Lee Chia-hao" in src.text
    assert (src.outlet, src.date) == ("The Island Daily", "2026-03-05")


def _make_docx(path: Path, paragraphs: list[str], title: str = "", author: str = "") -> None:
    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    document.core_properties.title = title
    document.core_properties.author = author
    document.save(str(path))


def test_docx_paragraphs_and_properties(tmp_path: Path) -> None:
    path = tmp_path / "memo.docx"
    _make_docx(path, ["Leaders meet in Nara", "", PARAGRAPH.strip(), "Second paragraph."],
               title="Leaders meet in Nara", author="Desk")
    (src,), _ = load_sources([path])
    assert src.format == "docx"
    assert src.text == "Leaders meet in Nara\n\n" + PARAGRAPH.strip() + "\nSecond paragraph.\n"
    assert (src.title, src.author) == ("Leaders meet in Nara", "Desk")


def test_docx_zip_bomb_is_refused(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "bomb.docx"
    _make_docx(path, ["Hello."])
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/media/padding.bin", b"\0" * (16 * 1024 * 1024))
    good = tmp_path / "ok.txt"
    good.write_text(PARAGRAPH, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="briefgen.sources"):
        sources, skipped = load_sources([path, good], limits=Limits(max_docx_unpacked=2 * 1024 * 1024))
    assert [s.origin for s in sources] == [str(good)]
    assert skipped[0].origin == str(path) and "zip bomb" in skipped[0].reason
    assert any(str(path) in r.getMessage() and "zip bomb" in r.getMessage() for r in caplog.records)
    _, skipped = load_sources([path, good])  # default limits: the ratio check still catches it
    assert "zip bomb" in skipped[0].reason


SECRET = "TOP-SECRET-XXE-CANARY"


def test_docx_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    path = tmp_path / "xxe.docx"
    _make_docx(path, ["PLACEHOLDER"])
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    decl, rest = xml.split("?>", 1)
    xml = (decl + f'?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
           + rest.replace("PLACEHOLDER", "&xxe;"))
    parts["word/document.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    sources, skipped = load_sources([path, SEEDS / MANIFEST[0]["file"]])
    assert all(SECRET not in s.text for s in sources)


def test_html_external_entities_and_scripts_are_ignored(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    page = tmp_path / "xxe.html"
    page.write_text(f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
                    "<html><body><article><p>&xxe;</p>"
                    f"<p>{PARAGRAPH.strip()}</p><script>document.write('INJECTED')</script>"
                    f"<p>{PARAGRAPH.strip()}</p></article></body></html>", encoding="utf-8")
    (src,), _ = load_sources([page])
    assert SECRET not in src.text and "INJECTED" not in src.text
    assert "supply chains" in src.text


# ---------------------------------------------------------------------------
# Inputs: folders, globs, manifests, skipping
# ---------------------------------------------------------------------------


def test_folders_recursive_sorted_and_globs(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(PARAGRAPH, encoding="utf-8")
    (tmp_path / "a.md").write_text(PARAGRAPH, encoding="utf-8")
    (tmp_path / "c.txt").write_text(PARAGRAPH, encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff" + bytes(300))
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n" + bytes(300))
    (tmp_path / ".hidden.txt").write_text(PARAGRAPH, encoding="utf-8")
    sources, skipped = load_sources([tmp_path])
    assert [Path(s.origin).relative_to(tmp_path).as_posix() for s in sources] == ["a.md", "b/z.txt", "c.txt"]
    assert skipped == [Skipped(str(tmp_path / "report.pdf"), "unsupported document format (.pdf)")]
    sources, _ = load_sources([str(tmp_path / "**" / "*.txt")])
    assert [Path(s.origin).name for s in sources] == ["c.txt", "z.txt"] or \
        [Path(s.origin).name for s in sources] == ["z.txt", "c.txt"]
    sources, _ = load_sources([str(tmp_path / "*.txt"), str(tmp_path / "a.md")])
    assert [Path(s.origin).name for s in sources] == ["c.txt", "a.md"]
    assert [s.id for s in sources] == ["s1", "s2"]


@pytest.mark.parametrize("fmt", ["toml", "yaml", "csv"])
def test_explicit_manifest_overrides_inferred(tmp_path: Path, fmt: str) -> None:
    art = tmp_path / "yonhap.txt"
    shutil.copy(SEEDS / "yonhap-2026-01-14-lee-japan-visit-wrap.txt", art)
    body = {
        "toml": '[[source]]\nfile = "yonhap.txt"\noutlet = "Yonhap"\ntitle = "Wrap"\ndate = 2026-01-15\n',
        "yaml": "- file: yonhap.txt\n  outlet: Yonhap\n  title: Wrap\n  date: 2026-01-15\n",
        "csv": "file,outlet,title,date\nyonhap.txt,Yonhap,Wrap,2026-01-15\n",
    }[fmt]
    manifest = tmp_path / f"list.{fmt}"
    manifest.write_text(body, encoding="utf-8")
    (src,), _ = load_sources([art], manifest=manifest)
    assert (src.outlet, src.title, src.date) == ("Yonhap", "Wrap", "2026-01-15")
    (src,), _ = load_sources([], manifest=manifest)  # no inputs: the manifest's sources
    assert (src.origin, src.outlet) == (str(tmp_path / "yonhap.txt"), "Yonhap")


def test_manifest_file_as_input_and_invalid_manifest(tmp_path: Path) -> None:
    sources, _ = load_sources([SEEDS / "manifest.toml"])
    assert [Path(s.origin).name for s in sources] == [m["file"] for m in MANIFEST]
    bad = tmp_path / "manifest.toml"
    bad.write_text("[[source]]\nfile = \n", encoding="utf-8")
    with pytest.raises(InputError, match=r"manifest\.toml: invalid manifest"):
        read_manifest(bad)
    bad.write_text('[[source]]\noutlet = "X"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"source #1 names no file and no url"):
        load_sources([tmp_path])


def test_a_manifest_named_after_its_files_still_gives_them_its_metadata(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    # "briefgen build memo.docx seeds/*": the shell names the articles before manifest.toml.
    files = sorted(SEEDS.iterdir())
    assert files.index(SEEDS / "manifest.toml") > 0
    expected = {m["file"]: m["outlet"] for m in MANIFEST}
    monkeypatch.chdir(SEEDS.parent)
    respelled = [*files[1:], Path("seeds/../seeds/manifest.toml")]
    for inputs in (files, [Path("seeds") / f.name for f in files], respelled, ["seeds/*"]):
        caplog.clear()
        sources, skipped = load_sources(inputs)
        assert skipped == []
        assert sorted(Path(s.origin).name for s in sources) == sorted(expected)  # each once
        assert {Path(s.origin).name: s.outlet for s in sources} == expected, inputs
        assert "matched no input" not in caplog.text
    # Two manifests in one folder: each lists its own files and gives them its metadata.
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(PARAGRAPH, encoding="utf-8")
    rows = '[[source]]\nfile = "a.txt"\noutlet = "Out A"\n[[source]]\nfile = "b.txt"\noutlet = "Out B"\n'
    (tmp_path / "manifest.toml").write_text(rows, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,outlet\nc.txt,Out C\n", encoding="utf-8")
    for inputs in ([tmp_path / "manifest.toml", tmp_path / "manifest.csv"], sorted(tmp_path.iterdir())):
        sources, _ = load_sources(inputs)
        assert sorted((Path(s.origin).name, s.outlet) for s in sources) == \
            [("a.txt", "Out A"), ("b.txt", "Out B"), ("c.txt", "Out C")]


def test_unusable_inputs_are_skipped_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\x03\xff\xfe\xfd" * 200 + bytes(range(256)))
    good = tmp_path / "good.txt"
    good.write_text(PARAGRAPH, encoding="utf-8")
    missing = tmp_path / "nope.txt"
    with caplog.at_level(logging.WARNING, logger="briefgen.sources"):
        sources, skipped = load_sources([empty, binary, good, missing, str(tmp_path / "*.doc")])
    assert [s.origin for s in sources] == [str(good)] and sources[0].id == "s1"
    assert [(Path(k.origin).name, k.reason) for k in skipped] == [
        ("empty.txt", "empty input"),
        ("blob.txt", "not text (binary data or unknown encoding)"),
        ("nope.txt", "no such file or folder"),
        ("*.doc", "no file matches this pattern"),
    ]
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 4 and all("\n" not in m for m in messages)
    assert messages[0] == f"skipped {empty}: empty input"
    pdf = tmp_path / "scan.txt"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)))
    _, skipped = load_sources([pdf, good])
    assert skipped[0].reason == "a PDF file, which briefgen does not read; save it as text or .docx"
    with pytest.raises(SourceError, match=r"empty\.txt: empty input"):
        load_sources([empty, good], strict=True)
    with pytest.raises(InputError, match=r"no usable sources: .*empty\.txt: empty input \(and 1 more"):
        load_sources([empty, binary])


def test_limits_on_size_and_count(tmp_path: Path) -> None:
    files = []
    for i in range(3):
        p = tmp_path / f"a{i}.txt"
        p.write_text(PARAGRAPH * (1 + 5 * i), encoding="utf-8")
        files.append(p)
    with pytest.raises(InputError, match=r"too many sources \(limit 2\)"):
        load_sources(files, limits=Limits(max_sources=2))
    sources, skipped = load_sources(files, limits=Limits(max_file_bytes=300))
    assert [Path(s.origin).name for s in sources] == ["a0.txt"]
    assert all("larger than" in k.reason or "limit" in k.reason for k in skipped) and len(skipped) == 2


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    for path in SEEDS.iterdir():
        shutil.copy(path, tmp_path / path.name)

    def state() -> dict[str, tuple[str, int]]:
        files = sorted(tmp_path.iterdir())
        return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in files}

    before = state()
    load_sources([tmp_path])
    after = state()
    assert before == after


# A scraper that decoded UTF-8 as cp1252 or Latin-1 and saved the result as UTF-8 leaves mojibake.
_GOOD = ("President Lee\u2019s visit to Nara \u2014 a \u201cturning point\u201d for ties \u2014 "
         "ended at a caf\u00e9.")


@pytest.mark.parametrize("wrong", ["latin-1", "cp1252"])
def test_mojibake_a_scraper_left_is_repaired(tmp_path: Path, wrong: str) -> None:
    good = _GOOD if wrong == "latin-1" else _GOOD.replace("\u201d", '"')  # cp1252 has no 0x9D
    bad = good.encode("utf-8").decode(wrong)
    assert bad.startswith("President Lee\u00e2") and "caf\u00c3\u00a9" in bad
    (tmp_path / "a.txt").write_text(bad + "\n", encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<html><body><p>{bad}</p></body></html>", encoding="utf-8")
    text, page = (s.text.strip() for s in load_sources([tmp_path / "a.txt", tmp_path / "b.html"])[0])
    assert text == good
    assert good in page
    # The same for article texts given as strings.
    assert text_sources([bad])[0].text == good
    # Text with accents and no mojibake is left as it is: Portuguese and Turkish words in capitals end
    # in "Ã" or "Â" before a quotation mark, a guillemet, a dash or a no-break space (a review's
    # probes), which ftfy would read as mojibake.
    for plain in ("S\u00c3O PAULO \u2014 Pe\u00f1a and na\u00efve caf\u00e9 owners met \u00e0 la carte.",
                  "A \u201cIRM\u00c3\u201d do presidente e o \u00abAMANH\u00c3\u00bb, "
                  "L\u00c3\u2013CIDAD\u00c3\u2014ALEM\u00c3.",
                  "AMANH\u00c3\u00a0chega; \u201cH\u00c2L\u00c2\u201d and \u00abH\u00c2L\u00c2\u00bb stay."):
        assert text_sources([plain])[0].text == plain
    # Only the lines that hold mojibake are repaired; the others are left as they are.
    mixed = f"A \u201cIRM\u00c3\u201d do presidente.\n{bad}\n"
    assert text_sources([mixed])[0].text == f"A \u201cIRM\u00c3\u201d do presidente.\n{good}\n"


@pytest.mark.parametrize("wrong", ["latin-1", "cp1252"])
def test_mojibake_whose_first_letter_was_capitalised_is_repaired(wrong: str) -> None:
    # Text lower-cased and then capitalised at each sentence's start turns the "â" of a mojibake
    # quotation mark into "Â" (Multi-News 00029: "Â\x80\x98i, too, once listened ..."); ftfy alone
    # left "€˜i, too".
    good = "He pleaded guilty to phone hacking. \u2018I, too, once listened,\u2019 he said."
    bad = good.encode("utf-8").decode(wrong)
    bad = bad.replace("\u00e2", "\u00c2", 1)
    assert "hacking. \u00c2" in bad
    assert text_sources([bad])[0].text == good
    # A capital "Â" before a euro sign and a letter that no continuation byte reads as stays.
    plain = "O pre\u00e7o do H\u00c2\u20acL ficou."
    assert text_sources([plain])[0].text == plain


def test_clean_text_never_imports_ftfy() -> None:
    # ftfy costs about 0.08 s to import: only text that holds a mojibake sequence pays it.
    code = (
        "import sys\n"
        "from briefgen.pipeline import run\n"
        "run()\n"
        "print('ftfy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split("\n")[-2] == "False"


def test_local_text_files_need_no_yaml_urllib_or_processes() -> None:
    # Cold start: reading the seeds (text files and a TOML manifest) and
    # cleaning them imports none of the modules only other inputs need.
    code = (
        "import sys\n"
        "from briefgen.sources.clean import clean\n"
        "from briefgen.sources.load import load_sources\n"
        f"sources, _ = load_sources([{str(SEEDS)!r}])\n"
        "clean(sources)\n"
        "later = ('yaml', 'urllib.request', 'multiprocessing')\n"
        "print(len(sources), sorted(m for m in later if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split("\n")[0] == f"{len(MANIFEST)} []"


@pytest.mark.parametrize(("body", "message"), [
    # An unquoted comma in a title: the row has more values than the header has fields.
    ("file,outlet,title\na.txt,Daily,Storm hits, then leaves\n", r"line 2: 4 values for 3 fields"),
    # An unclosed quote would otherwise swallow the rest of the file into one value.
    ('file,outlet\n"a.txt,Daily\nb.txt,Post\n', r"line 3: invalid CSV: .*unclosed double quote"),
])
def test_a_malformed_csv_manifest_fails_in_one_line(tmp_path: Path, body: str, message: str) -> None:
    bad = tmp_path / "list.csv"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match=r"list\.csv: " + message):
        read_manifest(bad)


def test_csv_manifest_rows_may_be_short_blank_or_quoted(tmp_path: Path,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    good = tmp_path / "list.csv"
    good.write_text('\nfile,outlet,title,titel\n\na.txt,Daily\nb.txt,Post,"Storm hits, then leaves",x\n',
                    encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        entries = read_manifest(good)
    assert entries == [{"file": "a.txt", "outlet": "Daily"},
                       {"file": "b.txt", "outlet": "Post", "title": "Storm hits, then leaves"}]
    assert [r.getMessage() for r in caplog.records] == [
        f"{good}: field 'titel' ignored (a manifest reads file or url, outlet, title, date, author)"]


def test_yaml_manifest_error_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "manifest.yaml"
    bad.write_text("- file: a.txt\n  outlet: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"manifest\.yaml: invalid manifest: "):
        read_manifest(bad)


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = ("Leaders meet in Nara\n\n" + PARAGRAPH).encode("utf-16")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (src,), _ = load_sources(["-"])
    assert (src.origin, src.title, src.format) == ("-", "Leaders meet in Nara", "text")
    assert src.text == "Leaders meet in Nara\n\n" + PARAGRAPH
    page = (HTML_DIR / "quake-live.html").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page)))
    (src,), _ = load_sources(["-"])
    assert (src.format, src.outlet) == ("html", "Asia Markets Today")
    note = "---\noutlet: Kyodo News\n---\n" + PARAGRAPH
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(note.encode())))
    (src,), _ = load_sources(["-"])
    assert (src.format, src.outlet, src.text) == ("markdown", "Kyodo News", PARAGRAPH)


# ---------------------------------------------------------------------------
# URLs, against a local server
# ---------------------------------------------------------------------------

PAGE = (HTML_DIR / "harbor-wire.html").read_bytes()


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        routes = {
            "/story": (200, "text/html; charset=utf-8", PAGE),
            "/plain": (200, "text/plain; charset=utf-8", PARAGRAPH.encode()),
            "/big": (200, "text/html", b"<p>" + b"x" * 5000 + b"</p>"),
            "/image": (200, "image/png", b"\x89PNG" + bytes(100)),
        }
        if self.path.startswith("/hop"):
            n = int(self.path[4:] or 0)
            target = "/story" if n == 0 else f"/hop{n - 1}"
            self._send(302, "text/plain", b"", {"Location": target})
        elif self.path == "/to-file":
            self._send(302, "text/plain", b"", {"Location": "file:///etc/passwd"})
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(200, "text/html", PAGE)
        elif self.path in routes:
            code, ctype, body = routes[self.path]
            self._send(code, ctype, body)
        else:
            self._send(404, "text/plain", b"not found")

    def _send(self, code: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[str]:
    with local_http(_Handler) as port:
        yield f"http://127.0.0.1:{port}"


# The test server listens on loopback, which briefgen refuses unless allowed (issue 22).
LOCAL = Limits(allow_private_urls=True)


def test_url_fetched_as_html(server: str) -> None:
    (src,), _ = load_sources([f"{server}/hop2"], limits=LOCAL)
    assert src.origin == f"{server}/hop2"
    assert src.format == "html" and src.outlet == "Pacific Wire"
    assert "at least nine people, injuring more than 800" in src.text
    (plain,), _ = load_sources([f"{server}/plain"], limits=LOCAL)
    assert plain.text == PARAGRAPH and plain.url == f"{server}/plain"


def test_url_limits_and_errors(server: str) -> None:
    inputs = [f"{server}/hop9", f"{server}/big", f"{server}/image", f"{server}/missing", f"{server}/to-file",
              f"{server}/slow", "ftp://example.com/x.txt", f"{server}/story"]
    sources, skipped = load_sources(inputs, limits=Limits(max_redirects=3, max_file_bytes=5000, timeout=0.5,
                                                         allow_private_urls=True))
    assert [s.origin for s in sources] == [f"{server}/story"]
    reasons = {k.origin.rsplit("/", 1)[-1]: k.reason for k in skipped}
    assert reasons["hop9"] == "more than 3 redirects"
    assert reasons["big"] == "response is 5007 bytes (limit 5000)"
    assert reasons["image"] == "unsupported content type image/png"
    assert reasons["missing"] == "HTTP error 404 Not Found"
    assert reasons["to-file"] == "redirected to a non-HTTP address 'file:///etc/passwd'"
    assert reasons["slow"] == "timed out after 0.5 s"
    assert reasons["x.txt"] == "only http:// and https:// addresses are fetched"


# ---------------------------------------------------------------------------
# Issue 21: nothing guessed is shown as found
# ---------------------------------------------------------------------------

LEAD = ("The leaders of the two countries met in the capital on Tuesday and agreed to expand cooperation "
        "on supply chains, the spokesman said after the talks.\n\n"
        "They also agreed to meet again within the year and to set up a working group on trade.\n")


@pytest.mark.parametrize("name", ["chosun-biz.txt", "saudi_gazette.txt", "story_final.txt",
                                  "Mercury News.txt", "lee-takaichi-nara-summit.txt"])
def test_issue21_a_file_name_is_never_a_headline(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(LEAD, encoding="utf-8")
    (src,), _ = load_sources([path])
    assert src.title == "" and src.provenance.title == ""


def test_issue21_an_outlet_name_or_a_lead_is_never_a_headline(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Al Jazeera :\n\n" + LEAD, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Mercury News\n\n" + LEAD, encoding="utf-8")
    (tmp_path / "c.txt").write_text("SEOUL (AP) _ " + LEAD, encoding="utf-8")
    sources, _ = load_sources([tmp_path])
    assert [s.title for s in sources] == ["", "", ""]
    # A site name around a real headline is cut off it.
    meta = infer_details("Leaders agree to expand supply chain cooperation | Al Jazeera\n\n" + LEAD, "d.txt")
    assert meta["title"].value == "Leaders agree to expand supply chain cooperation"


def test_issue21_a_headline_in_the_text_is_found(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("Leaders agree to expand supply chain cooperation\n\n" + LEAD, encoding="utf-8")
    (src,), _ = load_sources([path])
    assert (src.title, src.provenance.title, src.provenance.where("title")) == \
        ("Leaders agree to expand supply chain cooperation", "found", "headline")


def test_issue21_dates_come_from_the_dateline_byline_or_name_never_the_story(tmp_path: Path) -> None:
    head = "Leaders agree to expand supply chain cooperation\n"
    cases = {
        "dateline.txt": (head + "\nSEOUL, Jan. 13, 2026 (Yonhap) -- " + LEAD, "2026-01-13", "found"),
        "byline.txt": (head + "By Kim Tong-hyung | Jan. 14, 2026 10:02 KST\n\n" + LEAD, "2026-01-14",
                       "found"),
        "published.txt": (head + "Published: 15 January 2026\n\n" + LEAD, "2026-01-15", "found"),
        "yonhap-2026-01-16-wrap.txt": (head + "\n" + LEAD, "2026-01-16", "given"),
        "in-story.txt": (head + "\n" + LEAD.replace("on Tuesday", "on Jan. 13, 2026"), None, ""),
        "copyright.txt": (head + "\n" + LEAD + "\nCopyright 1998 Example News. All rights reserved.\n",
                          None, ""),
    }
    for name, (text, _, _) in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    sources, _ = load_sources([tmp_path / name for name in cases])
    for src, (name, (_, date, how)) in zip(sources, cases.items(), strict=True):
        assert (src.date, src.provenance.date) == (date, how), name


def test_issue21_html_is_dated_from_its_markup_not_a_copyright_year(tmp_path: Path) -> None:
    body = ("<article><h1>Summit ends with a deal on supply chains</h1><p>" + LEAD.replace("\n", " ") +
            "</p></article><footer>Copyright 1998 Example News. All rights reserved.</footer>")
    plain = tmp_path / "plain.html"
    plain.write_text(f"<html><head><title>Summit ends</title></head><body>{body}</body></html>",
                     encoding="utf-8")
    dated = tmp_path / "dated.html"
    dated.write_text('<html><head>'
                     '<meta property="article:published_time" content="2026-01-13T09:00:00+09:00">'
                     f"<title>Summit ends</title></head><body>{body}</body></html>", encoding="utf-8")
    (a, b), _ = load_sources([plain, dated])
    assert a.date is None  # not 1998-01-01
    assert (b.date, b.provenance.date, b.provenance.where("date")) == ("2026-01-13", "given", "page metadata")


@pytest.mark.parametrize(("name", "outlet"), [
    ("yonhap.txt", "Yonhap News Agency"),  # named after its outlet
    ("saudi-gazette.txt", "Saudi Gazette"),
    ("nyt-pinochet-arrest-story.txt", "The New York Times"),  # a known outlet first
    ("story_final.txt", "Unknown outlet"),  # story words name no outlet
    ("pinochet-arrest-london.txt", "Unknown outlet"),
])
def test_issue21_a_file_name_names_an_outlet_only_as_a_guess(tmp_path: Path, name: str, outlet: str) -> None:
    path = tmp_path / name
    path.write_text(LEAD, encoding="utf-8")
    (src,), _ = load_sources([path])
    assert (src.outlet, src.provenance.outlet) == (outlet, "guessed")


@pytest.mark.parametrize(("text", "date"), [
    # A page's own publication stamp run into its text, as a page without line breaks prints it.
    ("somersworth, n.h. -- a boy was found in maine early friday morning. ( published friday, july 17, "
     "2015 ) police in somersworth said the boy was safe.", "2015-07-17"),
    ("Published on dec 9, 2017 here is my reaction to the news.", "2017-12-09"),
    ("by william r. levesque, times staff writer posted: nov 14, 2012 01: 30 pm tampa — the socialite "
     "said.", "2012-11-14"),
    # A story's verb, a tweet's stamp, or a stamp deep in the text is not the page's date.
    ("The law was published on March 3, 2001 in the gazette, officials said.", None),
    ("Tweet published: march 21st 2013 subscribe to our newsletter for the news.", None),
    ("The council met on Friday. " * 12 + "( published friday, july 17, 2015 )", None),
    # An update stamp with its colon after a caption (Multi-News 00292); one with a time only dates nothing.
    ("Students enter emerson hall to take their final examinations. Updated: december 17, 2013, at 3: 05 "
     "a.m. An emailed threat emptied four buildings.", "2013-12-17"),
    ("Updated: 5: 15 p.m. A public memorial will be held on aug. 16 at the lake.", None),
    # A blog's stamp after its headline (Multi-News 00181); a story's "was posted at" dates nothing.
    ('Romney joke is "gutterball politics " posted at 4: 17 pm on august 24, 2012 by allahpundit in case '
     "you wondered, here you go.", "2012-08-24"),
    ("The photo was posted at 4: 17 pm on august 24, 2012 by a fan and went viral.", None),
    ("A video of the crash, posted at 9:15 p.m. on Jan. 3, 2016, shows the car swerving.", None),
])
def test_a_publication_stamp_at_the_start_dates_the_page(text: str, date: str | None) -> None:
    found = infer_details(text, "<text 1>").get("date")
    assert (found.value if found else None) == date
    if found:
        stamp = "update stamp" if "Updated:" in text else "publication stamp"
        assert (found.how, found.where) == ("found", stamp)
