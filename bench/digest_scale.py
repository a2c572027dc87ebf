"""``briefgen digest`` on a synthetic archive of 10,000 to 100,000 articles: time and peak memory.

The archive is made of real text: each synthetic event takes one cluster of DUC
2003 or Multi-News validation (``../shared/bench/``) as its template, gives every
capitalised name in it an invented name of its own (so two events made from
one cluster are about different people and places), and draws its articles
from the cluster's documents, varied as ``bench/scale.py`` varies them
(sentences shuffled within paragraphs, numbers shifted). Event sizes are
realistic for a feed: a third of the events are single stories, the rest
have 2 to 40 articles (2 plus an exponential of mean 4). Events start on random days
over a span that grows with the archive (20 articles a day), so the load per
day, and so per time partition, is the same at every size; each article is
dated within 10 days of its event's start. Everything comes from one fixed seed.

Each size runs in a fresh process (``digest`` with local worker processes,
every core), which reports wall time, the peak resident memory of the main
process and of all its processes together (polled), and the adjusted Rand index of the events
against the synthetic ones (each unassigned article its own). ``--group-only``
reads and groups but briefs nothing: at 100,000 articles briefing the ~10,000
events would take hours on two cores, and grouping is what must scale.

Usage::

    python bench/digest_scale.py --sizes 10000 --group-only
    python bench/digest_scale.py --sizes 1000 # full digest, memos in a temporary folder
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from digest import ari  # noqa: E402
from scale import _NAME, vary  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench"
SEED = 20261202
PER_DAY = 20
_SYLLABLES = ("ka", "lo", "mi", "ru", "ten", "va", "zor", "bel", "dan", "fi", "gor", "hal", "in", "jur",
              "kes", "lam", "mon", "nor", "pel", "quin", "ras", "sil", "tor", "ul", "vek", "wen", "yar")


def _invented(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _rename(mapping: dict[str, str], m: re.Match[str]) -> str:
    return mapping.get(m.group(0), m.group(0))


def make_archive(folder: Path, size: int, data: Path = BENCH, seed: int = SEED) -> dict[str, str]:
    """Write ``size`` articles into ``folder``; return each file's synthetic event."""
    rng = random.Random(seed)
    clusters: list[list[str]] = []
    for name in ("duc2003.jsonl", "multinews_val.jsonl"):
        lines = (data / name).read_text(encoding="utf-8").splitlines()
        clusters.extend(docs for docs in (json.loads(line)["docs"] for line in lines) if docs)
    span = max(1, size // PER_DAY)
    start = 730000  # 1999-08-xx: day numbers only matter relative to one another
    truth: dict[str, str] = {}
    written = 0
    event = 0
    while written < size:
        event += 1
        docs = rng.choice(clusters)
        n = 1 if rng.random() < 1 / 3 else min(40, 2 + int(rng.expovariate(1 / 4)))
        n = min(n, size - written)
        names = sorted({m for d in docs for m in _NAME.findall(d)})
        mapping = {name: _invented(rng) for name in names}
        own = sorted(set(mapping.values()))
        first = start + rng.randrange(span)
        for _ in range(n):
            text = _NAME.sub(partial(_rename, mapping), rng.choice(docs))
            text = vary(text, rng, own)
            day = first + rng.randint(0, 10)
            date = time.strftime("%Y-%m-%d", time.gmtime((day - 719163) * 86400))
            sub = folder / f"{written // 1000:03d}"
            sub.mkdir(exist_ok=True)
            path = sub / f"a{written:06d}.md"
            path.write_text(f"---\ndate: {date}\noutlet: Outlet {rng.randint(1, 40)}\n---\n\n{text}\n",
                            encoding="utf-8")
            truth[str(path)] = f"e{event}"
            written += 1
    return truth


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


class _TreeRss:
    """The peak of the summed resident memory of this process and all its descendants (polled from /proc)."""

    def __init__(self, every: float = 0.25) -> None:
        import threading

        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, args=(every,), daemon=True)
        self._thread.start()

    def _poll(self, every: float) -> None:
        import os

        me = os.getpid()
        while not self._stop.is_set():
            parent: dict[int, int] = {}
            rss: dict[int, int] = {}
            for entry in os.listdir("/proc"):
                if not entry.isdigit():
                    continue
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                parent[int(entry)] = int(stat[1])
                rss[int(entry)] = int(stat[21]) * resource.getpagesize()
            total = 0
            for pid in rss:
                p = pid
                while p > 1 and p != me:
                    p = parent.get(p, 0)
                if p == me:
                    total += rss[pid]
            self.peak = max(self.peak, total)
            self._stop.wait(every)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def run_one(folder: Path, out: Path, group_only: bool) -> dict[str, Any]:
    """Digest (or read and group) ``folder`` in this process; time it."""
    import briefgen
    from briefgen.digest import run as digest_run
    from briefgen.digest.features import featurize
    from briefgen.digest.group import link, partitions
    from briefgen.digest.schedule import LocalExecutor
    from briefgen.model import Skipped
    from briefgen.sources.load import list_inputs

    tree = _TreeRss()
    start = time.perf_counter()
    if group_only:
        items, _ = list_inputs([str(folder)])
        ex = LocalExecutor()
        chunks = [items[k:k + 64] for k in range(0, len(items), 64)]
        read: dict[int, list[Any]] = dict(ex.run(featurize, chunks))
        articles = [a for k in range(len(chunks)) for a in read.pop(k) if not isinstance(a, Skipped)]
        t_read = time.perf_counter() - start
        parts = partitions(articles)
        found = dict(ex.run(digest_run._group_task, [(p, k, None) for k, p in enumerate(parts)]))
        ex.close()
        by_ref = {a.ref: a for a in articles}
        # The events the digest would brief (digest/run.briefable), as bench/digest.py counts them.
        events = [e for e in link([g for k in range(len(found)) for g in found[k]])
                  if digest_run.briefable([by_ref[m] for m in e])]
        extra = {"read_s": round(t_read, 1), "partitions": len(parts)}
    else:
        result = briefgen.digest([str(folder)], out, fmt="md")
        events = [e["sources"] for e in result["events"]]
        extra = {}
    seconds = time.perf_counter() - start
    return {"seconds": round(seconds, 1), "events": len(events), "events_list": events,
            "peak_main_mb": round(_peak_mb(resource.RUSAGE_SELF)),
            "peak_all_processes_mb": round(tree.stop() / 2**20), **extra}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated archive sizes")
    parser.add_argument("--group-only", action="store_true", help="read and group, brief nothing")
    parser.add_argument("--data", metavar="DIR", type=Path, default=BENCH, help="the folder of duc2003.jsonl")
    parser.add_argument("--child", nargs=3, metavar=("FOLDER", "OUT", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        folder, out, mode = args.child
        print(json.dumps(run_one(Path(folder), Path(out), mode == "group")))
        return 0
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "archive"
            folder.mkdir()
            t0 = time.perf_counter()
            truth = make_archive(folder, size, args.data)
            made = time.perf_counter() - t0
            mode = "group" if args.group_only else "full"
            command = [sys.executable, __file__, "--child", str(folder), str(Path(tmp) / "out"), mode]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            row = json.loads(done.stdout.strip().splitlines()[-1])
            label = {ref: ref for ref in truth}
            for k, members in enumerate(row.pop("events_list")):
                for ref in members:
                    label[ref] = f"found{k}"
            refs = sorted(truth)
            row["ari"] = round(ari([truth[r] for r in refs], [label[r] for r in refs]), 3)
            row.update(size=size, mode=mode, true_events=len(set(truth.values())), made_s=round(made, 1))
            rows.append(row)
            print(json.dumps(row), flush=True)
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        print(f"growth {a['size']:,} -> {b['size']:,} articles: time x{b['seconds'] / a['seconds']:.1f} "
              f"for x{b['size'] / a['size']:.0f} the articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
