"""Long fuzz run: random inputs through the pipeline, counting outcomes and unexpected exceptions.

Most cases are cheap: random bytes or article-like text decoded, cleaned,
split and deduplicated. Every ``--render-every``-th case goes the whole way,
through file reading, :func:`briefgen.build_briefing` and the .docx writer,
and python-docx reopens the memo. A :class:`~briefgen.errors.BriefgenError`
is an expected outcome (an input refused with a reason); any other exception
is counted as unexpected and printed with the case number to replay it.

Usage::

    python bench/fuzz.py                 # 100,000 cases, seed 0
    python bench/fuzz.py --cases 2000 --seed 7
    python bench/fuzz.py --replay 4711   # run one case and show its traceback

Exit status 1 if any case raised an unexpected exception.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import random
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from briefgen.errors import BriefgenError  # noqa: E402
from briefgen.facts.merge import cluster  # noqa: E402
from briefgen.model import Source  # noqa: E402
from briefgen.pipeline import build_briefing  # noqa: E402
from briefgen.render.memo import docx_bytes  # noqa: E402
from briefgen.sources.clean import clean  # noqa: E402
from briefgen.sources.decode import decode_bytes  # noqa: E402
from briefgen.sources.load import read_source  # noqa: E402
from briefgen.text.sentences import segment  # noqa: E402

SEED_LINES = [
    line.strip()
    for path in sorted((ROOT / "seeds").glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
PUNCTUATION = list(".,;:!?-\u2014\u2013\u2026\"'()[]{}*#|/\\\u201c\u201d\u2018\u2019\u00a7\u2022")
SEPARATORS = ["\n", "\n\n", " ", "\r\n", "\r", "\t", "\x0c", "\x0b", "\u2028", "\u2029", "\x85", "\n\n\n\n"]
ENCODINGS = ["utf-8", "utf-16-le", "utf-16-be", "utf-16", "utf-32", "cp1252", "latin-1", "euc-kr",
             "shift_jis", "gb18030", "koi8-r"]
SUFFIXES = [".txt", ".md", ".html", ".docx", ".htm", ".markdown"]
# Code point ranges to draw from: controls, Latin, combining marks, RTL, CJK, emoji, specials.
RANGES = [(0, 0x1F), (0x20, 0x7E), (0x7F, 0x9F), (0xA0, 0x24F), (0x300, 0x36F), (0x590, 0x6FF),
          (0x200B, 0x200F), (0x2028, 0x202E), (0x3000, 0x30FF), (0x4E00, 0x4FFF), (0xAC00, 0xAD00),
          (0xFFF0, 0xFFFF), (0x1F300, 0x1F6FF), (0xE0000, 0xE007F), (0x10FFF0, 0x10FFFF)]


def random_chars(rng: random.Random, n: int) -> str:
    lo, hi = rng.choice(RANGES)
    return "".join(chr(rng.randint(lo, hi)) for _ in range(n))


def piece(rng: random.Random) -> str:
    """One paragraph-ish piece of text."""
    kind = rng.random()
    if kind < 0.45:
        return rng.choice(SEED_LINES)
    if kind < 0.6:
        line = rng.choice(SEED_LINES)
        at = rng.randint(0, len(line))
        return line[:at] + random_chars(rng, rng.randint(1, 8)) + line[at:]
    if kind < 0.75:
        return random_chars(rng, rng.randint(0, 60))
    if kind < 0.85:
        return "".join(rng.choice(PUNCTUATION) for _ in range(rng.randint(1, 40)))
    if kind < 0.92:
        # Long tokens; kept under 1,500 characters so 100,000 cases fit in minutes (the
        # catalogue in tests/test_badinput.py has the megabyte-long ones).
        return rng.choice(["x", "\u6f22", "\U0001f41f", "-", "a.", "word "]) * rng.randint(50, 600)
    if kind < 0.96:
        return " ".join(rng.choice(SEED_LINES).split()[::-1])
    return rng.choice(["", " ", "\u00a0", "\ufeff", "<p>", "</div>", "&amp;", "# ", "---", "* * *"])


def article(rng: random.Random, max_pieces: int = 12) -> str:
    parts = [piece(rng) for _ in range(rng.randint(1, max_pieces))]
    return "".join(p + rng.choice(SEPARATORS) for p in parts)


def random_bytes(rng: random.Random) -> bytes:
    kind = rng.random()
    if kind < 0.2:
        return rng.randbytes(rng.randint(0, 600))
    text = article(rng, 4)
    if kind < 0.3:
        text = f"<html><head><title>{rng.choice(SEED_LINES)}</title></head><body><article><p>" + \
            text.replace("\n\n", "</p><p>") + "</p></article></body></html>"
    data = text.encode(rng.choice(ENCODINGS), errors="replace")
    if rng.random() < 0.1:
        data = data[: rng.randint(0, len(data))]
    if rng.random() < 0.1:
        at = rng.randint(0, len(data))
        data = data[:at] + rng.randbytes(rng.randint(1, 6)) + data[at:]
    return data


def docx_file(rng: random.Random) -> bytes:
    document = docx.Document()
    for para in article(rng, 8).split("\n"):
        # python-docx itself refuses text XML cannot hold; the damage comes after saving.
        keep = "".join(c for c in para if c in "\t\n\r" or (c >= " " and c not in "\ufffe\uffff"))
        document.add_paragraph(keep)
    buf = io.BytesIO()
    document.save(buf)
    data = buf.getvalue()
    if rng.random() < 0.3:  # damage it
        at = rng.randint(0, len(data))
        data = data[:at] + (rng.randbytes(rng.randint(1, 50)) if rng.random() < 0.5 else b"")
    return data


def stages(sources: list[Source]) -> str:
    """Clean, split and deduplicate; return the outcome kind."""
    cleaned = clean(sources)
    sentences = [s for src in sources for s in segment(src, cleaned.blocks.get(src.id, ()))]
    if not sentences:
        return "no sentences"
    facts = cluster(sentences, sources)
    for fact in facts:
        src = next(s for s in sources if s.id == fact.representative.source_id)
        if " ".join(fact.text.split()) not in " ".join(src.text.split()):
            raise AssertionError(f"fact text is not verbatim from {src.id}: {fact.text[:80]!r}")
    return "facts"


def case_text(rng: random.Random, _tmp: Path) -> str:
    sources = [Source(id=f"s{i}", origin=f"a{i}.txt", text=article(rng, 5), outlet="Outlet", title="Title")
               for i in range(1, rng.randint(1, 3) + 1)]
    return stages(sources)


def case_bytes(rng: random.Random, _tmp: Path) -> str:
    text = decode_bytes(random_bytes(rng), "fuzz.txt")
    return stages([Source(id="s1", origin="fuzz.txt", text=text, outlet="Outlet", title="Title")])


def case_full(rng: random.Random, tmp: Path) -> str:
    """Files on disk through the whole pipeline to a .docx python-docx reopens."""
    paths = []
    for i in range(rng.randint(1, 3)):
        suffix = rng.choice(SUFFIXES)
        path = tmp / f"in{i}{suffix}"
        path.write_bytes(docx_file(rng) if suffix == ".docx" else random_bytes(rng))
        paths.append(path)
    sources = []
    for i, path in enumerate(paths, 1):
        try:
            sources.append(read_source(str(path), f"s{i}"))
        except BriefgenError:
            continue
    if not sources:
        return "all inputs refused"
    briefing = build_briefing(sources=sources)
    reopened = docx.Document(io.BytesIO(docx_bytes(briefing)))
    if not reopened.paragraphs:
        raise AssertionError("memo has no paragraphs")
    return "memo"


def pick(index: int, render_every: int) -> tuple[str, Callable[[random.Random, Path], str]]:
    if render_every and index % render_every == render_every - 1:
        return "full", case_full
    return ("bytes", case_bytes) if index % 2 else ("text", case_text)


def run_case(seed: int, index: int, render_every: int, tmp: Path) -> tuple[str, str]:
    """(case family, outcome kind) for case ``index``; raises on an unexpected exception."""
    rng = random.Random(f"{seed}:{index}")
    family, fn = pick(index, render_every)
    try:
        return family, fn(rng, tmp)
    except BriefgenError as exc:
        reason = re.sub(r"[0-9]+", "N", str(exc).split(": ")[-1])[:60]
        return family, f"refused: {type(exc).__name__}: {reason}"


def run_chunk(job: tuple[int, range, int]) -> tuple[Counter[str], Counter[str], list[tuple[int, str]]]:
    """Run the cases in ``indices``; (outcomes, families, first unexpected exceptions)."""
    seed, indices, render_every = job
    outcomes: Counter[str] = Counter()
    families: Counter[str] = Counter()
    unexpected: list[tuple[int, str]] = []
    with tempfile.TemporaryDirectory(prefix="briefgen-fuzz-") as tmpdir:
        for index in indices:
            try:
                family, kind = run_case(seed, index, render_every, Path(tmpdir))
            except Exception as exc:  # noqa: BLE001 - counting them is the point
                family, kind = pick(index, render_every)[0], f"UNEXPECTED {type(exc).__name__}"
                if len(unexpected) < 20:
                    unexpected.append((index, "".join(traceback.format_exception_only(exc)).strip()))
            families[family] += 1
            outcomes[f"{family}: {kind}"] += 1
    return outcomes, families, unexpected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000, help="number of cases (default 100000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--render-every", type=int, default=500,
                        help="every Nth case goes through files, the whole pipeline and .docx (default 500)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--replay", type=int, help="run only this case number and print its traceback")
    args = parser.parse_args(argv)
    if args.replay is not None:
        with tempfile.TemporaryDirectory(prefix="briefgen-fuzz-") as tmpdir:
            print(run_case(args.seed, args.replay, args.render_every, Path(tmpdir)))
        return 0
    outcomes: Counter[str] = Counter()
    families: Counter[str] = Counter()
    unexpected: list[tuple[int, str]] = []
    step = 2_000
    jobs = [(args.seed, range(i, min(i + step, args.cases)), args.render_every)
            for i in range(0, args.cases, step)]
    start = time.perf_counter()
    done = 0
    with multiprocessing.Pool(max(1, args.jobs)) as pool:
        for chunk_outcomes, chunk_families, chunk_unexpected in pool.imap(run_chunk, jobs):
            outcomes.update(chunk_outcomes)
            families.update(chunk_families)
            unexpected.extend(chunk_unexpected)
            done += sum(chunk_families.values())
            print(f"  {done} cases, {time.perf_counter() - start:.0f} s", file=sys.stderr)
    elapsed = time.perf_counter() - start
    unexpected.sort()
    n_unexpected = sum(v for k, v in outcomes.items() if "UNEXPECTED" in k)
    print(f"cases: {args.cases} (seed {args.seed}) in {elapsed:.1f} s, {args.cases / elapsed:.0f} cases/s")
    print("by family: " + ", ".join(f"{k} {v}" for k, v in sorted(families.items())))
    print("outcomes:")
    for kind, count in sorted(outcomes.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {count:>7}  {kind}")
    print(f"unexpected exceptions: {n_unexpected}")
    for index, message in unexpected[:20]:
        print(f"  case {index}: {message[:300]}  (replay: python bench/fuzz.py --seed {args.seed} "
              f"--replay {index})")
    return 1 if n_unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
