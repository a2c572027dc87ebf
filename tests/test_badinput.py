"""A catalogue of bad inputs: each gives a valid memo or exit 2 with one line, never damage.

Every case runs ``briefgen build`` on inputs made in ``tmp_path`` and checks the
same promises: exit status 0 with a memo python-docx reopens, or exit status 2
with exactly one ``briefgen: error:`` line naming the file and the problem; no
traceback; no temporary or partial file left beside the output; the memo that
was there before a failed run kept byte for byte; every input unmodified.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from conftest import QuietHandler, local_http
from lxml import etree

from briefgen.cli import main
from briefgen.resources import seeds_dir

ROOT = Path(__file__).resolve().parent.parent
SEED = seeds_dir() / "yonhap-2026-01-14-lee-japan-visit-wrap.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_PARAS = [p for p in SEED_TEXT.split("\n") if p.strip()]
OLD_MEMO = b"old memo, must survive a failed run"
ERROR_LINE = re.compile(r"^briefgen: error: .+\n\Z")

# Plain English article sentences, used to carry the odd characters under test.
ARTICLE = [
    "The foreign ministers of both countries met in Geneva on Monday to discuss the fishing dispute.",
    "Officials said the talks lasted three hours and ended with a joint statement on quotas.",
    "The agreement sets a ceiling of 40,000 tonnes of mackerel a year for the next five years.",
    "Fishermen's unions in both countries welcomed the deal but asked for compensation.",
    "The ministers will meet again in March to review the first season under the new quotas.",
]


# --------------------------------------------------------------------------
# Running the command line and checking the promises
# --------------------------------------------------------------------------


@dataclass
class Bench:
    """An input folder, an output folder holding an old memo, and snapshots."""

    inp: Path
    out: Path

    @property
    def memo(self) -> Path:
        return self.out / "memo.docx"

    def snapshot(self) -> dict[Path, tuple[str, int]]:
        return {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
                for p in sorted(self.inp.rglob("*")) if p.is_file()}


@pytest.fixture
def bench(tmp_path: Path) -> Bench:
    b = Bench(tmp_path / "in", tmp_path / "out")
    b.inp.mkdir()
    b.out.mkdir()
    b.memo.write_bytes(OLD_MEMO)
    return b


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Run the command line in process; return (exit status, stderr)."""
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    _, err = capsys.readouterr()
    return int(exc.value.code or 0), err


def memo_text(path: Path) -> str:
    """All visible text of a .docx: body, footnotes, headers; white space folded."""
    document = docx.Document(str(path))  # python-docx must reopen it
    assert document.paragraphs
    parts = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if name.startswith("word/") and name.endswith(".xml"):
                root = etree.fromstring(z.read(name))
                parts.append(" ".join(t for t in root.itertext()))
    return " ".join(" ".join(parts).split())


def check(bench: Bench, before: dict[Path, tuple[str, int]], code: int, err: str) -> str:
    """The promises every run keeps; returns the memo's text ('' on a failed run)."""
    assert "Traceback" not in err and "internal error" not in err, err
    assert bench.snapshot() == before, "an input file was modified"
    assert sorted(p.name for p in bench.out.iterdir()) == ["memo.docx"], "temporary or partial file left"
    if code == 0:
        return memo_text(bench.memo)
    assert code == 2, err
    assert ERROR_LINE.match(err), f"not one error line: {err!r}"
    assert bench.memo.read_bytes() == OLD_MEMO
    return ""


def build(capsys: pytest.CaptureFixture[str], bench: Bench, *inputs: Path | str,
          extra: tuple[str, ...] = ("--strict",), quiet: bool = True) -> tuple[int, str, str]:
    """``briefgen build memo.docx INPUTS`` with all the checks; (code, stderr, memo text)."""
    before = bench.snapshot()
    code, err = run(capsys, *(["-q"] if quiet else []), "build", str(bench.memo), *map(str, inputs), *extra)
    return code, err, check(bench, before, code, err)


# --------------------------------------------------------------------------
# Builders for bad files
# --------------------------------------------------------------------------


def docx_bytes_of(paragraphs: list[str], title: str = "") -> bytes:
    document = docx.Document()
    if title:
        document.core_properties.title = title
    for p in paragraphs:
        document.add_paragraph(p)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def replace_part(data: bytes, name: str, content: bytes) -> bytes:
    """A copy of the zip ``data`` with part ``name`` replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == name else src.read(info.filename))
    return out.getvalue()


def zip_bomb(parts: dict[str, bytes], bomb_name: str, gigabytes: int) -> bytes:
    """A zip whose ``bomb_name`` inflates to ``gigabytes`` GB of zeros, without writing them.

    Deflate output after a full flush restarts from an empty window, so one
    compressed megabyte of zeros can be repeated to describe any length.
    """
    block = bytes(2**20)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    seg = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    tail = comp.flush(zlib.Z_FINISH)
    n = gigabytes * 1024
    crc = 0
    for _ in range(n):
        crc = zlib.crc32(block, crc)
    entries = [(name, zlib.compress(data)[2:-4], zlib.crc32(data), len(data)) for name, data in parts.items()]
    entries.append((bomb_name, seg * n + tail, crc, n * 2**20))
    out = io.BytesIO()
    central = []
    for name, payload, crc_, size in entries:
        offset = out.tell()
        raw = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc_, len(payload), size,
                              len(raw), 0))
        out.write(raw)
        out.write(payload)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc_, len(payload),
                                   size, len(raw), 0, 0, 0, 0, 0, offset) + raw)
    start = out.tell()
    for c in central:
        out.write(c)
    size = out.tell() - start
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), size, start, 0))
    return out.getvalue()


class _Recorder(QuietHandler):
    hits: list[str]

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.hits.append(self.path)
        self.send_text(b"SECRET-FROM-THE-NETWORK", "text/plain")


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request it gets."""
    hits: list[str] = []
    handler = type("Handler", (_Recorder,), {"hits": hits})
    with local_http(handler) as port:
        yield f"http://127.0.0.1:{port}", hits


def secret_file(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-FROM-THE-DISK\n")
    return secret


# --------------------------------------------------------------------------
# Inputs refused: alone with --strict they fail with one line naming the file;
# beside a good article without --strict they are skipped with a warning.
# --------------------------------------------------------------------------

Maker = Callable[[Path], Path]


def _write(name: str, data: bytes) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _truncated_docx(folder: Path) -> Path:
    data = docx_bytes_of(ARTICLE)
    return _write("truncated.docx", data[: len(data) // 2])(folder)


def _corrupt_docx(folder: Path) -> Path:
    data = replace_part(docx_bytes_of(ARTICLE), "word/document.xml", b"<w:document><w:body><w:p>broken")
    return _write("corrupt.docx", data)(folder)


def _no_document_docx(folder: Path) -> Path:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "not a Word file")
    return _write("nodocument.docx", out.getvalue())(folder)


def _lying_zip_docx(folder: Path) -> Path:
    """A zip whose directory claims a tiny document.xml that really inflates to 200 MB."""
    data = zip_bomb({}, "word/document.xml", 1)
    # Rewrite the claimed sizes of the last entry (local header and central directory) to 1 KB.
    data = bytearray(data)
    for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = data.find(sig)
        struct.pack_into("<I", data, pos + off, 1024)
    return _write("lying.docx", bytes(data))(folder)


def _zip_bomb_docx(folder: Path) -> Path:
    good = docx_bytes_of(ARTICLE)
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        parts = {n: z.read(n) for n in z.namelist() if n != "word/document.xml"}
    return _write("bomb.docx", zip_bomb(parts, "word/document.xml", 2))(folder)


def _huge_file(folder: Path) -> Path:
    path = folder / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(30 * 2**20)  # sparse: 30 MB of NUL bytes, over the 25 MB limit
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def _unusable_folder(folder: Path) -> Path:
    path = folder / "nothing"
    path.mkdir()
    (path / "scan.pdf").write_bytes(b"%PDF-1.4 not read by briefgen")
    return path


REFUSED: dict[str, tuple[Maker, str]] = {
    # name: (builder, words the error must contain besides the file name)
    "empty": (_write("empty.txt", b""), "empty"),
    "whitespace only": (_write("blank.txt", b" \n\t\n\r\n   \n"), "empty"),
    "byte-order mark only": (_write("bom.txt", b"\xef\xbb\xbf\n"), "text"),
    "binary renamed .txt": (_write("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40), "not text"),
    "NUL-padded .txt": (_write("zeros.txt", bytes(5000)), "not text"),
    "text renamed .docx": (_write("plain.docx", ("\n".join(ARTICLE)).encode()), "not a Word"),
    "truncated .docx": (_truncated_docx, "Word"),
    "corrupt document.xml": (_corrupt_docx, "Word"),
    "zip without a document": (_no_document_docx, "Word"),
    "zip bomb .docx": (_zip_bomb_docx, "zip bomb"),
    "zip with lying sizes": (_lying_zip_docx, "Word"),
    "file over the size limit": (_huge_file, "limit"),
    "missing file": (lambda folder: folder / "missing.txt", "no such file"),
    "glob matching nothing": (lambda folder: folder / "*.nothing", "no file matches"),
    "named pipe": (_fifo, "pipe.txt"),
    "folder with nothing usable": (_unusable_folder, "nothing"),
    "invalid YAML front matter": (_write("front.md", b"---\ntitle: [unclosed\n---\n" + ARTICLE[0].encode()),
                                  "YAML"),
    "only script and style HTML": (_write("script.html", b"<html><head><script>var x = 'The ministers met';"
                                          b"</script><style>p{}</style></head><body></body></html>"), "text"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_input_alone_fails_with_one_line(capsys, bench: Bench, case: str) -> None:
    make, words = REFUSED[case]
    path = make(bench.inp)
    code, err, _ = build(capsys, bench, path)
    assert code == 2
    assert path.name.replace("*", "") in err or str(path) in err, err
    assert words.lower() in err.lower(), err


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_input_beside_a_good_article_is_skipped(capsys, bench: Bench, case: str) -> None:
    make, _ = REFUSED[case]
    good = bench.inp / "good.txt"
    shutil.copyfile(SEED, good)
    path = make(bench.inp)
    code, err, text = build(capsys, bench, good, path, extra=(), quiet=False)
    assert code == 0, err
    assert from_seed(text, SEED_TEXT)
    said = [ln for ln in err.splitlines() if not ln.startswith("Wrote ")]
    assert len(said) == 1 and said[0].startswith("briefgen: WARNING: skipped"), err
    assert path.name.replace("*", "") in said[0], err
    assert "1 skipped" in err


# --------------------------------------------------------------------------
# Odd but readable text: a memo that keeps every character a reader needs
# --------------------------------------------------------------------------


def seed_pieces(text: str) -> list[str]:
    """Clauses of 40+ characters from ``text``, for spotting its sentences in a memo."""
    pieces = re.split(r"(?<=[.!?”])\s+|\n", text)
    return [" ".join(p.split()) for p in pieces if len(p) >= 40]


def from_seed(memo: str, seed: str, at_least: int = 2) -> bool:
    """Whether ``memo`` quotes at least ``at_least`` sentences of ``seed`` verbatim."""
    return sum(piece in memo for piece in seed_pieces(seed)) >= at_least


def seed_with(old: str, new: str) -> str:
    """The Yonhap seed with every ``old`` replaced by ``new``."""
    return SEED.read_text(encoding="utf-8").replace(old, new)


def test_control_characters_are_removed_before_rendering(capsys, bench: Bench) -> None:
    # Vertical tab and form feed pass the binary-data check but are not allowed in Word's XML.
    dirty = seed_with("Takaichi", "Taka\x0bichi\x0c").replace("Lee ", "Lee\x01 ", 1)
    dirty = dirty.replace("Nara", "Na\x1bra", 1)
    path = bench.inp / "controls.txt"
    path.write_text(dirty, encoding="utf-8")
    code, err, text = build(capsys, bench, path)
    assert code == 0, err
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text)
    assert "Takaichi" in text or "Taka ichi" in text
    assert from_seed(text, seed_with("Takaichi", "\x00"), 1)


@pytest.mark.parametrize(("name", "marker"), [
    ("cjk", "Takaichi (高市早苗, 다카이치)"),
    ("rtl", "Takaichi (تاكايتشي ‏תקאיצ׳י‏)"),
    ("emoji", "Takaichi 🇯🇵👍🏽"),
])
def test_non_latin_text_survives_verbatim(capsys, bench: Bench, name: str, marker: str) -> None:
    text_in = seed_with("Takaichi", marker)
    path = bench.inp / f"{name}.txt"
    path.write_text(text_in, encoding="utf-8")
    code, err, text = build(capsys, bench, path)
    assert code == 0, err
    assert marker in text
    assert from_seed(text, text_in)


def test_article_entirely_in_korean_gives_a_memo_of_its_sentences(capsys, bench: Bench) -> None:
    korean = ["이재명 대통령은 13일 일본 나라에서 다카이치 사나에 총리와 정상회담을 했다.",
              "두 정상은 경제 협력과 역사 문제에 대해 논의했다.",
              "양국은 조세이 탄광 유해의 DNA 감정에 협력하기로 합의했다."]
    path = bench.inp / "korean.txt"
    path.write_text("한일 정상회담\n\n" + "\n\n".join(korean) + "\n", encoding="utf-8")
    code, err, text = build(capsys, bench, path)
    # Extractive and language-blind: the three sentences, verbatim.
    assert code == 0, err
    assert all(s in text for s in korean)


def test_invalid_utf8_bytes_are_decoded_not_fatal(capsys, bench: Bench) -> None:
    body = seed_with("Takaichi", "Takaïchi").encode("utf-8").replace("ï".encode(), b"\xef", 3)
    path = bench.inp / "latin.txt"
    path.write_bytes(body)
    code, err, text = build(capsys, bench, path)
    assert code == 0, err
    assert from_seed(text, seed_with("’", "'"), 1) or from_seed(text, SEED.read_text(encoding="utf-8"), 1)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "cp1252", "latin-1"])
def test_other_encodings_without_bom_are_read(capsys, bench: Bench, encoding: str) -> None:
    seed = seed_with("’", "'").replace("“", '"').replace("”", '"')
    path = bench.inp / "encoded.txt"
    path.write_bytes(seed.encode(encoding, errors="replace"))
    code, err, text = build(capsys, bench, path)
    assert code == 0, err
    assert from_seed(text, seed)


def test_mixed_encodings_in_one_file(capsys, bench: Bench) -> None:
    seed = SEED.read_text(encoding="utf-8")
    half = seed.index("\n", len(seed) // 2)
    body = seed[:half].encode("utf-8") + seed[half:].replace("’", "'").replace("Takaichi", "Takaïchi").encode(
        "cp1252", errors="replace")
    path = bench.inp / "mixed.txt"
    path.write_bytes(body)
    code, err, text = build(capsys, bench, path)
    assert code == 0, err
    assert "Lee" in text and "Nara" in text


def test_surrogate_bytes_and_noncharacters(capsys, bench: Bench) -> None:
    body = seed_with("Takaichi", "Takaichi\ufffe").encode("utf-8").replace(b"Nara", b"Nara\xed\xa0\x80")
    path = bench.inp / "surrogates.txt"
    path.write_bytes(body)
    code, err, text = build(capsys, bench, path)
    assert code == 0, err
    assert "\ufffe" not in text
    assert "Lee" in text and "Taka" in text


def test_very_long_token_in_a_sentence(capsys, bench: Bench) -> None:
    path = bench.inp / "token.txt"
    seed = SEED.read_text(encoding="utf-8")
    path.write_text(seed.replace("Nara", "Nara" + "x" * 200_000, 1), encoding="utf-8")
    code, err, text = build(capsys, bench, path)
    assert code == 0, err
    assert from_seed(text, seed)


def test_docx_article_with_odd_text_is_read(capsys, bench: Bench) -> None:
    seed = seed_with("Takaichi", "Takaichi (高市) 🇯🇵")
    path = bench.inp / "story.docx"
    path.write_bytes(docx_bytes_of([p for p in seed.split("\n") if p.strip()]))
    code, err, text = build(capsys, bench, path)
    assert code == 0, err
    assert "Takaichi (高市) 🇯🇵" in text
    assert from_seed(text, seed)


def test_bare_prose_without_headline_or_furniture(capsys, bench: Bench) -> None:
    """Only the body paragraphs, as pasted from a page: nothing to drop, everything to keep."""
    prose = [p for p in SEED_PARAS if len(p) >= 60 and p.endswith(".")][:6]
    path = bench.inp / "pasted.txt"
    path.write_text("\n\n".join(prose) + "\n", encoding="utf-8")
    code, err, text = build(capsys, bench, path)
    assert code == 0, err
    assert from_seed(text, "\n".join(prose), 3)


def test_only_sentence_longer_than_every_word_budget(capsys, bench: Bench) -> None:
    phrase = "the minister said talks on fishing quotas would continue after the summit in Geneva"
    sentence = " ".join([phrase] * 22).capitalize() + "."  # about 300 words, one sentence
    path = bench.inp / "run-on.txt"
    path.write_text(sentence + "\n", encoding="utf-8")
    code, err, text = build(capsys, bench, path)
    if code == 2:
        assert "run-on.txt" in err or "sentence" in err, err
    else:
        assert "MEMORANDUM" in text


def test_overlong_subject_option(capsys, bench: Bench) -> None:
    shutil.copyfile(SEED, bench.inp / "good.txt")
    subject = "Summit " * 60
    code, err, text = build(capsys, bench, bench.inp / "good.txt", extra=("--subject", subject))
    assert code == 0, err
    assert " ".join(subject.split()) in text


def test_html_page_with_an_overlong_title(capsys, bench: Bench) -> None:
    title = "Lee and Takaichi meet in Nara, " * 12
    html = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            + "".join(f"<p>{p}</p>" for p in SEED_PARAS[1:]) + "</article></body></html>")
    path = bench.inp / "long-title.html"
    path.write_text(html, encoding="utf-8")
    code, err, text = build(capsys, bench, path)
    assert code == 0, err
    assert from_seed(text, SEED_TEXT)


def test_only_captions_and_credits(capsys, bench: Bench) -> None:
    captions = ["President Lee (L) and Prime Minister Takaichi shake hands in Nara, Japan. Yonhap",
                "Photo by Kim Min-jun / News1",
                "(Yonhap)",
                "Copyright (c) Yonhap News Agency prohibited redistribution"]
    path = bench.inp / "captions.txt"
    path.write_text("\n".join(captions) + "\n", encoding="utf-8")
    code, err, text = build(capsys, bench, path)
    if code == 2:
        assert "captions.txt" in err and "sentences" in err
    else:
        assert "Copyright" not in text


@pytest.mark.slow
def test_five_hundred_copies_of_one_article(capsys, bench: Bench) -> None:
    data = SEED.read_bytes()
    for i in range(500):
        (bench.inp / f"copy-{i:03d}.txt").write_bytes(data)
    code, err, text = build(capsys, bench, bench.inp)
    if code == 2:
        assert "too many sources" in err
    else:
        assert from_seed(text, data.decode("utf-8"))


# --------------------------------------------------------------------------
# Parsers: no external entities, no network, no scripts
# --------------------------------------------------------------------------


def _xxe_doctype(secret: Path, url: str) -> str:
    return (f'<!DOCTYPE html [<!ENTITY disk SYSTEM "file://{secret}">'
            f'<!ENTITY net SYSTEM "{url}/xxe"><!ENTITY % remote SYSTEM "{url}/dtd"> %remote;]>')


def test_xxe_in_html_reads_no_file_and_no_network(capsys, bench: Bench, server, tmp_path: Path) -> None:
    url, hits = server
    secret = secret_file(tmp_path)
    body = "".join(f"<p>{s}</p>" for s in SEED_PARAS[1:])
    html = (f'<?xml version="1.0"?>\n{_xxe_doctype(secret, url)}\n<html><head><title>{SEED_PARAS[0]}</title>'
            f'<script src="{url}/script.js"></script><link rel="stylesheet" href="{url}/style.css"></head>'
            f"<body><article><h1>{SEED_PARAS[0]}</h1><p>Leak: &disk; and &net;.</p>{body}"
            f'<img src="{url}/img.png"><iframe src="{url}/frame"></iframe></article></body></html>')
    path = bench.inp / "xxe.html"
    path.write_text(html, encoding="utf-8")
    code, err, text = build(capsys, bench, path)
    assert "SECRET" not in text and "SECRET" not in err
    assert hits == []
    assert code == 0, err
    assert from_seed(text, SEED_TEXT)


def test_xxe_in_docx_reads_no_file_and_no_network(capsys, bench: Bench, server, tmp_path: Path) -> None:
    url, hits = server
    secret = secret_file(tmp_path)
    good = docx_bytes_of(SEED_PARAS)
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        xml = z.read("word/document.xml").decode()
    doctype = _xxe_doctype(secret, url).replace("DOCTYPE html", "DOCTYPE w:document")
    xml = xml.replace("?>", "?>" + doctype, 1).replace("Nara", "Nara &disk; &net;", 1)
    path = bench.inp / "xxe.docx"
    path.write_bytes(replace_part(good, "word/document.xml", xml.encode()))
    code, err, text = build(capsys, bench, path)
    assert "SECRET" not in text and "SECRET" not in err
    assert hits == []
    if code == 0:
        assert from_seed(text, SEED_TEXT)
    else:
        assert "xxe.docx" in err


def test_billion_laughs_in_html_is_harmless(capsys, bench: Bench) -> None:
    ents = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    html = (f'<?xml version="1.0"?><!DOCTYPE html [{ents}]><html><body><article><p>&a9;</p>'
            + "".join(f"<p>{s}</p>" for s in SEED_PARAS) + "</article></body></html>")
    path = bench.inp / "laughs.html"
    path.write_text(html, encoding="utf-8")
    code, err, text = build(capsys, bench, path)
    assert "lollollol" not in text
    if code == 0:
        assert from_seed(text, SEED_TEXT)


def test_non_http_urls_are_refused(capsys, bench: Bench, tmp_path: Path) -> None:
    secret = secret_file(tmp_path)
    code, err, _ = build(capsys, bench, f"file://{secret}")
    assert code == 2 and "file://" in err and "http" in err
    assert "SECRET" not in err


def test_http_error_names_the_url(capsys, bench: Bench) -> None:
    code, err, _ = build(capsys, bench, "http://127.0.0.1:9/nothing-listens-here",
                         extra=("--strict", "--allow-private-urls"))
    assert code == 2 and "127.0.0.1:9" in err and "refused" in err.lower()


# --------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------


def _template(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tpl.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "words"), [
    ("name = 'broken\n[[sections]\n", "invalid TOML"),
    ('extends = "default"\ncolour = "blue"\n', "colour"),
    ('extends = "default"\n[memo]\nfont_size = 12\n', "font_size"),
    ('extends = "default"\nreference_docx = "no-such-reference.docx"\n', "no-such-reference.docx"),
    ('extends = "default"\ncitation = "{{ outlet "\n', "citation"),
    ('extends = "default"\nmethod = "telepathy"\n', "method"),
    ("\x00\x01binary", "tpl.toml"),
])
def test_bad_template_is_one_line(capsys, bench: Bench, tmp_path: Path, text: str, words: str) -> None:
    shutil.copyfile(SEED, bench.inp / "good.txt")
    tpl = _template(tmp_path, text)
    code, err, _ = build(capsys, bench, bench.inp / "good.txt", extra=("--template", str(tpl)))
    assert code == 2
    assert "tpl.toml" in err and words in err, err


def test_reference_docx_that_is_not_a_docx(capsys, bench: Bench, tmp_path: Path) -> None:
    shutil.copyfile(SEED, bench.inp / "good.txt")
    (tmp_path / "ref.docx").write_bytes(b"not a zip at all")
    tpl = _template(tmp_path, 'extends = "default"\nreference_docx = "ref.docx"\n')
    code, err, _ = build(capsys, bench, bench.inp / "good.txt", extra=("--template", str(tpl)))
    assert code == 2 and "ref.docx" in err


def test_citation_template_cannot_escape_the_sandbox(capsys, bench: Bench, tmp_path: Path) -> None:
    shutil.copyfile(SEED, bench.inp / "good.txt")
    tpl = _template(tmp_path, 'extends = "default"\n'
                    "citation = \"{{ outlet.__class__.__mro__[1].__subclasses__() }}\"\n")
    code, err, text = build(capsys, bench, bench.inp / "good.txt", extra=("--template", str(tpl)))
    assert "<class" not in text
    if code == 2:
        assert "tpl.toml" in err


# --------------------------------------------------------------------------
# Output targets
# --------------------------------------------------------------------------


def test_debug_adds_the_traceback_and_keeps_exit_2(capsys, bench: Bench) -> None:
    path = bench.inp / "empty.txt"
    path.write_bytes(b"")
    code, err = run(capsys, "--debug", "build", "--strict", str(bench.memo), str(path))
    assert code == 2
    assert err.startswith("Traceback") and "SourceError" in err
    assert err.splitlines()[-1].startswith("briefgen: error: ") and "empty.txt" in err.splitlines()[-1]
    assert bench.memo.read_bytes() == OLD_MEMO


@pytest.mark.parametrize("command", [
    ["sources", "--strict"],
    ["inspect", "--strict"],
    ["summarize"],
])
def test_other_commands_answer_bad_input_in_one_line(capsys, bench: Bench, command: list[str]) -> None:
    path = bench.inp / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    before = bench.snapshot()
    code, err = run(capsys, "-q", *command, str(path))
    assert code == 2 and ERROR_LINE.match(err), err
    assert "photo.txt" in err and "not text" in err, err
    assert bench.snapshot() == before


def test_usage_errors_are_one_line(capsys, bench: Bench) -> None:
    for args in (["build", "--no-such-option", str(bench.memo)],
                 ["build", str(bench.memo), "--method", "magic"], ["frobnicate"]):
        code, err = run(capsys, *args)
        assert code == 2 and ERROR_LINE.match(err), err
    assert bench.memo.read_bytes() == OLD_MEMO


def test_output_equal_to_an_input_is_refused(capsys, bench: Bench) -> None:
    good = bench.inp / "good.docx"
    good.write_bytes(docx_bytes_of(SEED_PARAS))
    before = bench.snapshot()
    code, err = run(capsys, "-q", "build", str(good), str(good))
    assert code == 2 and ERROR_LINE.match(err) and "refusing to write over an input" in err
    assert bench.snapshot() == before


def test_output_equal_to_a_file_inside_an_input_folder_is_refused(capsys, bench: Bench) -> None:
    shutil.copyfile(SEED, bench.inp / "good.txt")
    target = bench.inp / "good.txt"
    before = bench.snapshot()
    code, err = run(capsys, "-q", "build", "--format", "docx", str(target), str(bench.inp))
    assert code == 2 and ERROR_LINE.match(err) and "good.txt" in err
    assert bench.snapshot() == before


def test_unwritable_output_folder(capsys, bench: Bench) -> None:
    shutil.copyfile(SEED, bench.inp / "good.txt")
    if os.geteuid() == 0:
        target = Path("/proc/briefgen-memo.docx")  # not writable even for root
    else:
        locked = bench.out / "locked"
        locked.mkdir(mode=0o555)
        target = locked / "memo.docx"
    before = bench.snapshot()
    code, err = run(capsys, "-q", "build", str(target), str(bench.inp / "good.txt"))
    assert code == 2 and ERROR_LINE.match(err) and "memo.docx" in err, err
    assert not target.exists()
    assert bench.snapshot() == before


def test_output_folder_missing_or_output_a_folder(capsys, bench: Bench) -> None:
    shutil.copyfile(SEED, bench.inp / "good.txt")
    for target in (bench.out / "nowhere" / "memo.docx", bench.out / "memo.docx" / "x.docx"):
        code, err = run(capsys, "-q", "build", str(target), str(bench.inp / "good.txt"))
        assert code == 2 and ERROR_LINE.match(err) and str(target.parent.name) in err, err
    folder = bench.out / "memo-folder.docx"
    folder.mkdir()
    code, err = run(capsys, "-q", "build", str(folder), str(bench.inp / "good.txt"))
    assert code == 2 and ERROR_LINE.match(err) and "folder" in err, err
    assert bench.memo.read_bytes() == OLD_MEMO


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_dev_full_as_output(capsys, bench: Bench) -> None:
    shutil.copyfile(SEED, bench.inp / "good.txt")
    before = bench.snapshot()
    code, err = run(capsys, "-q", "build", "--format", "docx", "/dev/full", str(bench.inp / "good.txt"))
    assert code == 2 and ERROR_LINE.match(err) and "/dev/full" in err and "space" in err, err
    assert bench.snapshot() == before


def test_full_disk_midway_keeps_the_old_memo(capsys, bench: Bench, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copyfile(SEED, bench.inp / "good.txt")
    real_fsync = os.fsync

    def full(fd: int) -> None:
        real_fsync(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code, err, _ = build(capsys, bench, bench.inp / "good.txt")
    assert code == 2 and "memo.docx" in err and "No space left" in err


def test_interrupt_midway_leaves_no_partial_memo(capsys, bench: Bench,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copyfile(SEED, bench.inp / "good.txt")

    def interrupted(*_a: object, **_k: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    before = bench.snapshot()
    code, err = run(capsys, "-q", "build", str(bench.memo), str(bench.inp / "good.txt"))
    assert code == 130 and err == "briefgen: interrupted\n"
    assert bench.snapshot() == before
    assert sorted(p.name for p in bench.out.iterdir()) == ["memo.docx"]
    assert bench.memo.read_bytes() == OLD_MEMO


def test_an_import_that_ctrl_c_broke_off_ends_as_interrupted(capsys, bench: Bench,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # pybind11's modules (scipy's, highspy's) raise ImportError from the KeyboardInterrupt.
    from briefgen.errors import interrupted_import

    shutil.copyfile(SEED, bench.inp / "good.txt")

    def broken_off(*_a: object, **_k: object) -> None:
        raise ImportError("initialization failed") from KeyboardInterrupt()

    monkeypatch.setattr(os, "replace", broken_off)
    code, err = run(capsys, "-q", "build", str(bench.memo), str(bench.inp / "good.txt"))
    assert code == 130 and err == "briefgen: interrupted\n"
    assert bench.memo.read_bytes() == OLD_MEMO
    assert not interrupted_import(ImportError("no module named x"))
    other = ValueError("not an import")
    other.__cause__ = KeyboardInterrupt()
    assert not interrupted_import(other)


_CALLBACK_INTERRUPT = """
import time, weakref
from briefgen.__main__ import interrupt_from_callbacks
{install}
class Thing:
    pass
def callback(_ref):
    raise KeyboardInterrupt  # as Ctrl-C does when it lands in an import lock's callback
thing = Thing()
ref = weakref.ref(thing, callback)
start = time.monotonic()
try:
    del thing
    for _ in range(500):  # short sleeps: an interrupt is seen within one of them
        time.sleep(0.01)
    print("ran on")
except KeyboardInterrupt:
    print("interrupted" if time.monotonic() - start < 2.5 else "interrupted late")
"""


def test_ctrl_c_inside_a_callback_interrupts_the_command_with_no_traceback() -> None:
    # Python prints a KeyboardInterrupt raised in a weak reference's callback as "Exception ignored
    # in: ... Traceback ..." and goes on; the command's hook raises it again where it can end the run.
    proc = _python("-c", _CALLBACK_INTERRUPT.format(install="interrupt_from_callbacks()"))
    out, err = proc.communicate(timeout=60)
    assert (out.strip(), err) == ("interrupted", "")
    # Without the hook, the traceback Python prints, and the run going on.
    proc = _python("-c", _CALLBACK_INTERRUPT.format(install=""))
    out, err = proc.communicate(timeout=60)
    assert out.strip() == "ran on" and "Traceback" in err


def _ctrl_c_default() -> None:
    """In the child before it runs Python: Ctrl-C as at a terminal. A shell's background job (the
    test run started with "&") ignores it, Python then installs no handler, and the child would
    inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _python(*args: str, **kw: object) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, *args], env=env, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, preexec_fn=_ctrl_c_default, **kw)  # type: ignore[call-overload]


def _has_loaded(pid: int, name: str) -> bool:
    """Whether process ``pid`` has mapped a file whose path holds ``name`` (Linux)."""
    try:
        return name in Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return False


def test_sigint_to_a_real_process_leaves_no_partial_memo(bench: Bench) -> None:
    for i, seed in enumerate(sorted(seeds_dir().glob("*.txt"))):
        shutil.copyfile(seed, bench.inp / f"{i}-{seed.name}")
    before = bench.snapshot()
    proc = _python("-m", "briefgen", "-q", "build", str(bench.memo), str(bench.inp))
    # Signal once the command runs (it has loaded NumPy), not at a fixed time: on a loaded machine
    # two seconds may still fall in the interpreter's own start-up, before any code of briefgen
    # runs, where Python itself prints a traceback or dies by the signal.
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline and not _has_loaded(proc.pid, "numpy"):
        time.sleep(0.05)
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode in (0, 130), err
    assert "Traceback" not in err
    assert bench.snapshot() == before
    assert sorted(p.name for p in bench.out.iterdir()) == ["memo.docx"]
    if proc.returncode == 130:
        assert err == "briefgen: interrupted\n" and bench.memo.read_bytes() == OLD_MEMO
    else:
        memo_text(bench.memo)


# --------------------------------------------------------------------------
# Huge inputs, in a real process whose peak memory is measured
# --------------------------------------------------------------------------

# Peak memory of this process alone: Linux keeps ru_maxrss across fork and exec, so a child of
# a large pytest process would report pytest's size; VmHWM belongs to the new program's memory.
_MEASURED = (
    "import re, resource, sys\n"
    "from briefgen.cli import main\n"
    "def peak_mb():\n"
    "    try:\n"
    "        with open('/proc/self/status') as fh:\n"
    "            return int(re.search(r'VmHWM:\\s+(\\d+)', fh.read()).group(1)) // 1024\n"
    "    except (OSError, AttributeError):\n"
    "        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024\n"
    "try:\n"
    "    main(sys.argv[1:])\n"
    "finally:\n"
    "    print(peak_mb())\n"
)


# A guard against hangs, not a speed test: a linear pass over these inputs finishes well inside it
# (these inputs take seconds; bench/ is where speed is measured).
HANG_GUARD = 300


def _run_measured(bench: Bench, *inputs: Path) -> tuple[int, str, int]:
    """Build in a real process; (exit status, stderr, peak memory in MB)."""
    before = bench.snapshot()
    proc = _python("-c", _MEASURED, "-q", "build", "--strict", str(bench.memo), *map(str, inputs))
    try:
        out, err = proc.communicate(timeout=HANG_GUARD)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        names = ", ".join(p.name for p in inputs)
        pytest.fail(f"briefgen build still running after {HANG_GUARD} s on {names}")
    check(bench, before, proc.returncode, err)
    return proc.returncode, err, int(out.split()[-1])


def test_fifty_megabyte_single_line(bench: Bench) -> None:
    path = bench.inp / "line.txt"
    with path.open("wb") as fh:
        chunk = b"word " * (2**20 // 5)
        for _ in range(50):
            fh.write(chunk)
    code, err, peak_mb = _run_measured(bench, path)
    assert code == 2 and "line.txt" in err and "limit" in err, err
    assert peak_mb < 400, peak_mb


def test_a_million_short_lines(bench: Bench) -> None:
    # 8.9 million characters of text: longer than any article (Limits.max_text_chars), refused at once.
    path = bench.inp / "lines.txt"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(SEED_TEXT + "\n")
        fh.writelines(f"row {i}\n" for i in range(1_000_000))
    code, err, peak_mb = _run_measured(bench, path)
    assert code == 2 and "lines.txt" in err and "characters of text (limit 250,000)" in err, err
    assert peak_mb < 400, peak_mb


@pytest.mark.slow
def test_twenty_thousand_short_lines(bench: Bench) -> None:
    path = bench.inp / "lines.txt"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(SEED_TEXT + "\n")
        fh.writelines(f"row {i}\n" for i in range(20_000))
    code, err, peak_mb = _run_measured(bench, path)
    # The rows are no prose: the memo is the article's.
    assert code == 0, err
    assert from_seed(memo_text(bench.memo), SEED_TEXT)
    assert peak_mb < 1500, peak_mb


def test_two_megabyte_word_without_spaces_or_punctuation(bench: Bench) -> None:
    path = bench.inp / "one-word.txt"
    path.write_text(SEED_TEXT + "\n" + "x" * 2_000_000 + "\n", encoding="utf-8")
    code, err, peak_mb = _run_measured(bench, path)
    if code == 0:
        text = memo_text(bench.memo)
        assert from_seed(text, SEED_TEXT)
        assert "x" * 1000 not in text
    else:
        assert "one-word.txt" in err
    assert peak_mb < 1500, peak_mb


@pytest.mark.slow
def test_long_line_without_punctuation_is_not_a_sentence(bench: Bench) -> None:
    path = bench.inp / "run-on.txt"
    path.write_text(SEED_TEXT + "\n" + "word " * 45_000 + "\n", encoding="utf-8")  # under max_text_chars
    code, err, peak_mb = _run_measured(bench, path)
    assert code == 0, err
    text = memo_text(bench.memo)
    assert from_seed(text, SEED_TEXT)
    assert "word word word word word word word word" not in text
    assert peak_mb < 1500, peak_mb


_BESIDE_INTERRUPTED = """
import sys, time
import briefgen.pipeline as pipeline
from briefgen.__main__ import main
pipeline.BESIDE_FACTS = 1  # the sample's facts compared in a second process
selecting = pipeline.select_parts
def slow(*args, **kwargs):
    print("selecting", flush=True)
    time.sleep(30)  # Ctrl-C lands here, with the second process running
    return selecting(*args, **kwargs)
pipeline.select_parts = slow
comparing = pipeline.find_conflicts
def slow_compare(*args, **kwargs):
    time.sleep(30)  # ... and here, in the second process
    return comparing(*args, **kwargs)
pipeline.find_conflicts = slow_compare
sys.argv = ["briefgen", "-q", "build", sys.argv[1]]
main()
"""


@pytest.mark.skipif(os.cpu_count() == 1, reason="needs two cores for the second process")
def test_ctrl_c_while_sources_are_compared_beside_the_selection_prints_one_line(tmp_path: Path) -> None:
    # Ctrl-C reaches the whole process group: the parent and the process comparing sources.
    memo = tmp_path / "memo.docx"
    proc = _python("-c", _BESIDE_INTERRUPTED, str(memo), start_new_session=True)
    assert proc.stdout is not None
    assert proc.stdout.readline() == "selecting\n"
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert (proc.returncode, err) == (130, "briefgen: interrupted\n")
    assert not memo.exists()
    time.sleep(0.5)
    assert _in_session(proc.pid) == []  # the second process too has ended


def _in_session(sid: int) -> list[int]:
    """Live processes of session ``sid`` (Linux; none elsewhere): what a command started with
    ``start_new_session`` left running, whoever its parent is now."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found
