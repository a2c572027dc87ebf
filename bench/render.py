"""Rendering the sample memo: speed of each writer, size, and the LibreOffice page layout.

Builds the briefing of the bundled seeds (or of INPUTS) with the pipeline,
renders every format several times and prints the median time, the output size
and whether repeated builds are byte-identical; then the memo's substance: how
many facts carry a footnote, and the footnotes' share of the memo's text (every
character a reader sees: header, body, source list and notes). With
LibreOffice installed it also converts the .docx to PDF and prints the page
count and the text lines on each page.

Run: ``python bench/render.py [--runs N] [--keep DIR] [INPUTS...]``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefgen.pipeline import build_briefing  # noqa: E402
from briefgen.render.layout import layout  # noqa: E402
from briefgen.render.writers import WRITERS  # noqa: E402


def _pdf_pages(docx: bytes, folder: Path) -> list[str]:
    src = folder / "memo.docx"
    src.write_bytes(docx)
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(src)],
        check=True, capture_output=True, timeout=300,
    )
    text = subprocess.run(["pdftotext", "-layout", str(folder / "memo.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    return [p for p in text.split("\f") if p.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="also write memo.* into this folder")
    parser.add_argument("inputs", nargs="*", help="articles to brief (default: the bundled seeds)")
    args = parser.parse_args()

    t0 = time.perf_counter()
    briefing = build_briefing(args.inputs or None)
    print(f"pipeline: {time.perf_counter() - t0:.2f} s")
    memo = layout(briefing)
    words = sum(len(b.text.split()) for b in memo.blocks if b.kind in ("bullet", "paragraph"))
    note_chars = sum(len(n.text) for n in memo.notes)
    text_chars = (len(memo.heading) + sum(len(k) + len(v) for k, v in memo.fields)
                  + sum(len(b.text) for b in memo.blocks) + note_chars)
    print(f"memo: {len(briefing.bluf)} BLUF facts, {len(briefing.facts)} section facts, "
          f"{len(briefing.conflicts)} conflicts, {len(memo.notes)} footnotes, {words} fact words, "
          f"{note_chars} footnote characters")
    print(f"footnoted facts: {len(briefing.bluf) + len(briefing.facts)}; footnotes are "
          f"{note_chars / text_chars:.1%} of the memo's {text_chars} characters")
    docx = WRITERS.get("docx")
    assert docx is not None
    again = docx.render(build_briefing(args.inputs or None))
    print(f"a second build from scratch gives the same .docx bytes: {again == docx.render(briefing)}")
    outputs: dict[str, bytes] = {}
    print(f"{'format':<6} {'median ms':>10} {'bytes':>9}  identical")
    for fmt, writer in WRITERS.items():
        fn = writer.render
        times, results = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            results.append(fn(briefing))
            times.append((time.perf_counter() - start) * 1000)
        outputs[fmt] = results[0]
        same = all(r == results[0] for r in results)
        print(f"{fmt:<6} {statistics.median(times):>10.1f} {len(results[0]):>9}  {same}")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        for fmt, data in outputs.items():
            (args.keep / f"memo.{fmt}").write_bytes(data)
    if shutil.which("soffice") and shutil.which("pdftotext"):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            pages = _pdf_pages(outputs["docx"], Path(tmp))
            print(f"LibreOffice: {len(pages)} pages ({time.perf_counter() - start:.1f} s to convert)")
            for i, page in enumerate(pages, start=1):
                lines = [ln for ln in page.splitlines() if ln.strip()]
                print(f"  page {i}: {len(lines)} text lines")
    else:
        print("LibreOffice: soffice or pdftotext not found; page layout not checked")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
