"""The whole pipeline from ten articles to ten thousand: time per stage, memory, start-up.

Corpora are folders of ``.txt`` files in a temporary directory, so reading is
measured too. Articles are real text: the DUC 2003 newswire in
``../shared/bench/duc2003.jsonl`` (relative to the repository root) and the
bundled seeds, varied with a fixed seed so that a large corpus is not exact
copies: sentences are shuffled within paragraphs (the first one stays first),
numbers are shifted and capitalised names are swapped for other names of the
corpus. The first copy of every article is the article as published.

Each size runs in a fresh process, which reports wall time per stage (reading,
then each stage :func:`briefgen.build_briefing` announces, then rendering the
``.docx``), end to end, peak resident memory and sentences per second. The
run then prints sumy's LexRank against briefgen's sparse LexRank on the same
500/1,000/2,000 sentences (``bench/lexrank.py``) and the cold start-up time of
``python -m briefgen build`` on the seeds.

Usage::

    python bench/scale.py                          # 10, 100, 1000, 10000 articles
    python bench/scale.py --sizes 10,100 --skip-sumy
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DUC = ROOT.parent / "shared" / "bench" / "duc2003.jsonl"
SEEDS = ROOT / "seeds"
SEED = 20260113
sys.path.insert(0, str(ROOT))

# A line that is a sentence boundary inside a paragraph: end punctuation, a
# space, then a capital or an opening quote. Rough, but only used to vary text.
_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"')]))\s+(?=[\"'(]?[A-Z])")
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})*(?:\.\d+)?\b")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{3,}\b")


def base_articles() -> list[str]:
    """The real articles the corpora are made of: the seeds, then every DUC 2003 document."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for line in DUC.read_text(encoding="utf-8").splitlines():
        texts.extend(json.loads(line)["docs"])
    return texts


def _names(texts: Sequence[str]) -> list[str]:
    found: set[str] = set()
    for text in texts:
        found.update(_NAME.findall(text))
    return sorted(found)


def vary(text: str, rng: random.Random, names: Sequence[str]) -> str:
    """A deterministic variant of ``text``: shuffled sentences, shifted numbers, other names."""
    swap = {n: rng.choice(names) for n in sorted(set(_NAME.findall(text))) if rng.random() < 0.3}
    shift = rng.randint(1, 9)

    def number(m: re.Match[str]) -> str:
        raw = m.group(0)
        if "." in raw or "," in raw or len(raw) == 4:  # keep decimals, thousands and years readable
            return raw
        return str(int(raw) + shift)

    paragraphs = []
    for para in text.split("\n\n"):
        sents = _SPLIT.split(para.strip())
        if len(sents) > 2:
            rest = sents[1:]
            rng.shuffle(rest)
            sents = [sents[0], *rest]
        para = " ".join(sents)
        para = _NUMBER.sub(number, para)
        para = _NAME.sub(lambda m: swap.get(m.group(0), m.group(0)), para)
        paragraphs.append(para)
    return "\n\n".join(paragraphs) + "\n"


def make_corpus(folder: Path, size: int) -> int:
    """Write ``size`` articles into ``folder``; returns the bytes written."""
    bases = base_articles()
    names = _names(bases)
    total = 0
    for i in range(size):
        text = bases[i % len(bases)]
        if i >= len(bases):
            text = vary(text, random.Random(SEED + i), names)
        data = text.encode("utf-8")
        (folder / f"a{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def _peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child_peak_rss_mb() -> float:
    """The largest peak of this process's finished children: the workers of parallel.pmap and the
    process that compares sources beside the selection (forked: the pages they share with this
    process count in both)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def run_one(folder: Path, size: int) -> dict[str, Any]:
    """Brief the corpus in ``folder`` once; stage times, totals and peak memory."""
    t_start = time.perf_counter()
    import briefgen.pipeline as pipeline
    from briefgen.render.memo import docx_bytes
    from briefgen.sources.limits import Limits
    from briefgen.sources.load import load_sources

    t_import = time.perf_counter() - t_start
    found: list[Any] = []
    original = pipeline.analyse

    def capture(*args: Any, **kwargs: Any) -> Any:
        # build_briefing looks analyse() up at call time; keep its result to count sentences.
        result = original(*args, **kwargs)
        found.append(result)
        return result

    pipeline.analyse = capture
    marks: list[tuple[str, float]] = []

    def mark(stage: str) -> None:
        now = time.perf_counter()
        if marks:  # live progress on the terminal; the figures go to stdout as JSON
            print(f"    {size:,} articles: {marks[-1][0]} took {now - marks[-1][1]:.1f} s", file=sys.stderr,
                  flush=True)
        marks.append((stage, now))

    t0 = time.perf_counter()
    mark("reading sources")
    sources, _ = load_sources([folder], limits=Limits(max_sources=size + 1))
    briefing = pipeline.build_briefing(sources=sources, progress=mark)
    mark("rendering docx")
    data = docx_bytes(briefing)
    t_end = time.perf_counter()
    stages: dict[str, float] = {}
    for (name, t), (_, t_next) in zip(marks, [*marks[1:], ("end", t_end)], strict=True):
        stages[name] = stages.get(name, 0.0) + t_next - t
    analysis = found[0]
    total = t_end - t0
    return {
        "size": size,
        "sources": len(sources),
        "sentences": len(analysis.sentences),
        "facts": len(analysis.facts),
        "import_s": t_import,
        "stages": stages,
        "total_s": total,
        "sentences_per_s": len(analysis.sentences) / total,
        "peak_rss_mb": _peak_rss_mb(),
        "child_rss_mb": _child_peak_rss_mb(),
        "docx_bytes": len(data),
        "memo_facts": len(briefing.facts) + len(briefing.bluf),
    }


def _run_size(size: int, workdir: Path) -> dict[str, Any]:
    folder = workdir / f"corpus{size}"
    folder.mkdir()
    nbytes = make_corpus(folder, size)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--run-one", str(folder), str(size)]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{size} articles failed (see above)")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["corpus_mb"] = nbytes / 2**20
    return result


def _print_table(results: Sequence[dict[str, Any]]) -> None:
    stage_names: list[str] = []
    for r in results:
        stage_names.extend(s for s in r["stages"] if s not in stage_names)
    print("\nWall time per stage (s), end to end, peak RSS and throughput")
    print(f"{'stage':<30}" + "".join(f"{r['size']:>11,}" for r in results))
    for name in stage_names:
        print(f"{name:<30}" + "".join(f"{r['stages'].get(name, 0.0):>11.2f}" for r in results))
    rows = [
        ("end to end (s)", "total_s", "{:>11.2f}"),
        ("sentences", "sentences", "{:>11,}"),
        ("facts", "facts", "{:>11,}"),
        ("sentences/s", "sentences_per_s", "{:>11,.0f}"),
        ("peak RSS (MB)", "peak_rss_mb", "{:>11,.0f}"),
        ("largest child's peak RSS (MB)", "child_rss_mb", "{:>11,.0f}"),
        ("corpus (MB)", "corpus_mb", "{:>11.1f}"),
        ("imports (s)", "import_s", "{:>11.2f}"),
    ]
    for label, key, fmt in rows:
        print(f"{label:<30}" + "".join(fmt.format(r[key]) for r in results))
    by_size = {r["size"]: r for r in results}
    print("\nBars:")
    if 1000 in by_size:
        t = by_size[1000]["total_s"]
        print(f"  1,000 articles in {t:.1f} s (bar 15 s): {'met' if t <= 15 else 'NOT met'}")
    if 10000 in by_size:
        r = by_size[10000]
        # The process and its largest child at once, their shared pages counted twice: an upper bound.
        gb = (r["peak_rss_mb"] + r["child_rss_mb"]) / 1024
        verdict = "met" if r["total_s"] <= 150 else "NOT met"
        print(f"  10,000 articles in {r['total_s']:.1f} s (bar 150 s): {verdict}")
        print(f"  10,000 articles peak RSS, the process and its largest child together {gb:.2f} GB "
              f"(bar 4 GB): {'met' if gb <= 4 else 'NOT met'}")
        if 1000 in by_size:
            growth = r["total_s"] / by_size[1000]["total_s"]
            verdict = "met" if growth <= 12 else "NOT met"
            print(f"  growth 1,000 -> 10,000: {growth:.1f}-fold (bar 12): {verdict}")


def startup(runs: int = 5) -> tuple[float, float]:
    """Best and median wall time of ``python -m briefgen build`` on the seeds from a cold process.

    Measured as an installed command runs: with its modules' bytecode compiled, which ``pip
    install`` does once. A shell that sets ``PYTHONDONTWRITEBYTECODE`` (as some build machines
    do) would have every run compile all of briefgen's modules again, about 0.25 s that no user
    pays; so the runs write and read bytecode under a temporary ``PYTHONPYCACHEPREFIX`` (the
    source tree is left as it is), after one run that is not counted.
    """
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "memo.docx"
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        cmd = [sys.executable, "-m", "briefgen", "-q", "build", str(out)]
        subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
            times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100,1000,10000", help="comma-separated article counts")
    parser.add_argument("--skip-sumy", action="store_true", help="leave out the sumy LexRank comparison")
    parser.add_argument("--lexrank-sizes", default="500,1000,2000",
                        help="sentence counts for the LexRank comparison")
    parser.add_argument("--startup-runs", type=int, default=5, help="cold runs of `briefgen build` (0: none)")
    parser.add_argument("--run-one", nargs=2, metavar=("FOLDER", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run_one:
        print(json.dumps(run_one(Path(args.run_one[0]), int(args.run_one[1]))))
        return 0

    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    results = []
    with tempfile.TemporaryDirectory(prefix="briefgen-scale-") as tmp:
        for size in sizes:
            r = _run_size(size, Path(tmp))
            print(f"{size:>6,} articles: {r['total_s']:7.2f} s end to end, {r['sentences']:,} sentences, "
                  f"{r['facts']:,} facts, peak RSS {r['peak_rss_mb']:,.0f} MB", flush=True)
            results.append(r)
    _print_table(results)

    if args.startup_runs:
        best, median = startup(args.startup_runs)
        print(f"\nStart-up: `python -m briefgen build` on the five seeds, {args.startup_runs} cold runs "
              f"(bytecode compiled, as after an install): best {best:.2f} s, median {median:.2f} s (bar 1 s)")

    if not args.skip_sumy:
        sys.path.insert(0, str(ROOT / "bench"))
        import lexrank

        print("\nsumy LexRank against briefgen's sparse LexRank on the same sentences (bench/lexrank.py):",
              flush=True)
        lexrank.main(["--sizes", args.lexrank_sizes])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
