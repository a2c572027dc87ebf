"""The whole digest: an archive in, one memo per event and an index out.

Four steps, each a map over independent tasks that runs on local worker
processes or on a Dask cluster's workers (:mod:`briefgen.digest.schedule`):
read every article into compact features; group each time partition; link
the groups across partitions (here, cheap); brief each event with two or more
independent sources through the same pipeline as
:func:`briefgen.build_briefing`. Memos are written as they are ready; the
index last, or when Ctrl-C stops the run, listing what was written.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from briefgen.config import load_template
from briefgen.digest.features import Article, Item, featurize, read_item
from briefgen.digest.group import COPY, Group, group_partition, link, partitions
from briefgen.digest.index import EventEntry, index_html, index_json, memo_name
from briefgen.digest.schedule import executor
from briefgen.errors import BriefgenError, InputError, RenderError
from briefgen.model import Skipped, Source
from briefgen.output import suffix_for, write_bytes
from briefgen.pipeline import Inputs, build_briefing, input_list
from briefgen.sources.limits import Limits
from briefgen.sources.load import list_inputs

__all__ = ["Progress", "digest"]

log = logging.getLogger(__name__)

#: Called with a counter's name (``"read"``, ``"events"``, ``"written"``), its value and its total (or None).
Progress = Callable[[str, int, "int | None"], None]

# Inputs read per task: enough to keep a task's overhead small, few enough to spread well.
_CHUNK = 64


def _noop(_name: str, _value: int, _total: int | None) -> None:
    return None


def _group_task(task: tuple[list[Article], int, int | None]) -> list[Group]:
    arts, part, window = task
    return group_partition(arts, part, window=window)


_Brief = tuple[str, str, str, bytes] | tuple[str, str]


def _brief_task(task: tuple[str, list[Item], str, dict[str, Any], Limits | None]) -> _Brief:
    """Brief one event (a worker task).

    Returns:
        ``(id, title, memo name, bytes)``, or ``(id, reason)`` if it cannot be briefed.
    """
    event_id, items, fmt, options, limits = task
    from briefgen.render.writers import render

    sources: list[Source] = []
    for item in items:
        try:
            sources.append(read_item(item, f"s{len(sources) + 1}", limits))
        except BriefgenError as exc:  # changed or gone since it was first read
            log.warning("%s", exc)
    try:
        briefing = build_briefing(sources=sources, **options)
    except BriefgenError as exc:
        return event_id, str(exc)
    title = briefing.header.subject
    return event_id, title, memo_name(event_id, title, suffix_for(fmt)), render(briefing, fmt)


#: Days within which two independent reports make an event: a memo is written only for a group
#: with two articles, not copies of one report, published this close. A happening is reported
#: the day it happens or the next; 3 leaves room for time zones and a weekend. Stories on one
#: subject weeks apart (four Herman Cain stories, two on the Postal Service's finances) are not
#: one event, however alike their words. On the development archive's real DUC 2003 dates, 2
#: and 3 score alike (bench/digest.py; README, digest).
SAME_TIME = 3


def briefable(arts: Sequence[Article], days: int = SAME_TIME) -> bool:
    """Whether a group of articles gets a memo: two independent reports, two of them ``days`` apart or less.

    Copies of one report (shingle MinHash) are one report, on every day one of them is dated; a
    report none of whose copies is dated could be from any day, and pairs with any other report.
    """
    if len(arts) < 2:
        return False
    report = _reports(arts)
    if len(set(report)) < 2:
        return False
    dated: set[tuple[int, int]] = set()
    for article, r in zip(arts, report, strict=True):
        day = article.day
        if day is not None:
            dated.add((day, r))
    if len({r for _, r in dated}) < len(set(report)):
        return True  # an undated report
    points = sorted(dated)
    for i, (day, r) in enumerate(points):
        for later, other in points[i + 1:]:
            if later - day > days:
                break
            if other != r:
                return True
    return False


def _reports(arts: Sequence[Article]) -> list[int]:
    """Each article's report: the same number for copies of one another (shingle MinHash)."""
    n = len(arts)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    values = np.stack([a.shingles for a in arts])
    for i in range(n - 1):
        same = (values[i + 1:] == values[i]).mean(axis=1) >= COPY
        for j in np.nonzero(same)[0].tolist():
            parent[find(i + 1 + j)] = find(i)
    return [find(i) for i in range(n)]


def _entry(event_id: str, title: str, memo: str, arts: Sequence[Article]) -> EventEntry:
    dates = sorted(a.date[:10] for a in arts if a.date)
    return EventEntry(id=event_id, title=title, memo=memo, sources=tuple(a.ref for a in arts),
                      start=dates[0] if dates else None, end=dates[-1] if dates else None,
                      outlets=tuple(sorted({a.outlet for a in arts})))


def _check_out(folder: Path, refs: Sequence[str]) -> None:
    """Refuse an ``out`` folder that is, or is inside, an input folder, or that holds an input file.

    The digest writes memos and its index into ``out`` under names of its own;
    any of them could replace an article it was asked to read.
    """
    target = Path(os.path.abspath(folder))
    with contextlib.suppress(OSError, RuntimeError):
        target = target.resolve()
    for ref in refs:
        if ref == "-" or "://" in ref:
            continue
        path = Path(ref)
        try:
            real = path.resolve()
        except (OSError, RuntimeError):
            continue
        if path.is_dir() and (target == real or real in target.parents):
            raise RenderError(f"{folder}: refusing to write into the input folder {ref}; "
                              "name an --out folder outside it")
        if not path.is_dir() and target in real.parents:
            raise RenderError(f"{folder}: refusing to write into a folder that holds the input {ref}; "
                              "name another --out folder")


def digest(
    inputs: Inputs,
    out: str | os.PathLike[str],
    *,
    fmt: str = "docx",
    template: str | os.PathLike[str] | None = None,
    method: str | None = None,
    manifest: str | os.PathLike[str] | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    window: int | None = None,
    partition_days: int = 28,
    partition_articles: int = 2000,
    progress: Progress | None = None,
    limits: Limits | None = None,
) -> dict[str, Any]:
    """Group an archive's articles into events and write one memo per event, with an index.

    Args:
        inputs: Files, folders, glob patterns or URLs, as for :func:`briefgen.build_briefing`.
        out: The folder for the memos, ``index.json`` and ``index.html`` (created if missing).
        fmt: The memos' format (``docx``, ``md``, ``html``, ``json``).
        template: A template for every memo; by default the pipeline's own choice per event.
        method: Ranker name; by default the template's.
        manifest: A TOML, YAML or CSV file of source metadata.
        scheduler: The address of a Dask scheduler (``tcp://host:8786``): the
            work runs on its workers. By default, on this machine's cores.
        workers: Local worker processes (default: every core; 1 runs in this process).
        window: Days without a new article after which an event closes
            (default :data:`briefgen.digest.group.WINDOW`).
        partition_days, partition_articles: Time partitions are blocks of
            ``partition_days`` days joined until each holds ``partition_articles``.
        progress: Called as counters move: articles read, events found, memos written.
        limits: Limits and containment rules for reading (default :class:`Limits`:
            no private URLs, no files a manifest names outside its folder).

    Returns:
        What ``index.json`` holds: ``events`` (each with ``id``, ``title``,
        ``memo`` relative to ``out``, ``start``, ``end``, ``outlets``,
        ``articles`` and ``sources``), ``unassigned`` and ``skipped`` inputs,
        and ``complete``.

    Raises:
        InputError: nothing usable in the inputs.
        RenderError: ``out`` cannot be written.
        KeyboardInterrupt: after writing the index of the memos already written.
    """
    import json

    step = progress or _noop
    suffix_for(fmt)  # an unknown format fails now, before any work
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise RenderError(f"{folder}: is a file, not a folder")
    refs = [os.fspath(r) for r in input_list(inputs)]
    if "-" in refs:
        raise InputError("-: standard input cannot be digested; save it to a file in the archive")
    _check_out(folder, refs)
    if template is not None:
        load_template(template)  # a bad template fails now, before any work
    items, skipped = list_inputs(refs, manifest=manifest, limits=limits)
    _check_out(folder, [ref for ref, _ in items])
    if not items:
        if skipped:
            raise InputError(f"no usable inputs: {skipped[0].origin}: {skipped[0].reason}")
        raise InputError("no inputs to digest")
    ex = executor(scheduler, workers)  # a bad scheduler address fails before anything is written
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        ex.close()
        raise RenderError(f"{folder}: cannot create folder: {exc.strerror or exc}") from None
    options: dict[str, Any] = {}
    if template is not None:
        options["template"] = template
    if method is not None:
        options["method"] = method
    entries: list[EventEntry] = []
    unassigned: list[str] = []
    try:
        chunks = [items[k:k + _CHUNK] for k in range(0, len(items), _CHUNK)]
        read: dict[int, list[Article | Skipped]] = {}
        done = 0
        step("read", 0, len(items))
        for k, result in ex.run(partial(featurize, limits=limits), chunks):
            read[k] = result
            done += len(result)
            step("read", done, len(items))
        articles: list[Article] = []
        for k in range(len(chunks)):
            for got in read.pop(k):
                if isinstance(got, Skipped):
                    log.warning("skipped %s: %s", got.origin, got.reason)
                    skipped.append(got)
                else:
                    articles.append(got)
        parts = partitions(articles, days=partition_days, min_articles=partition_articles)
        log.info("%d articles in %d time partition%s", len(articles), len(parts),
                 "" if len(parts) == 1 else "s")
        found: dict[int, list[Group]] = {}
        for k, groups in ex.run(_group_task, [(p, k, window) for k, p in enumerate(parts)]):
            found[k] = groups
            step("events", sum(sum(len(g.members) > 1 for g in gs) for gs in found.values()), None)
        del parts
        by_ref = {a.ref: a for a in articles}
        events = link([g for k in range(len(found)) for g in found[k]], window=window)
        del found
        tasks: list[tuple[str, list[Item], str, dict[str, Any], Limits | None]] = []
        for members in events:
            arts = sorted((by_ref[m] for m in members), key=lambda a: (a.day is None, a.day or 0, a.ref))
            if not briefable(arts):
                unassigned.extend(a.ref for a in arts)
                continue
            event_id = f"e{len(tasks) + 1:04d}"
            tasks.append((event_id, [(a.ref, a.overrides) for a in arts], fmt, options, limits))
        step("events", len(tasks), len(tasks))
        members_of = {t[0]: [by_ref[ref] for ref, _ in t[1]] for t in tasks}
        step("written", 0, len(tasks))
        for _k, briefed in ex.run(_brief_task, tasks):
            if len(briefed) == 2:
                event_id, reason = briefed
                log.warning("event %s: no memo: %s", event_id, reason)
                unassigned.extend(a.ref for a in members_of[event_id])
                continue
            event_id, title, name, memo = briefed
            write_bytes(memo, folder / name)
            entries.append(_entry(event_id, title, name, members_of[event_id]))
            step("written", len(entries), len(tasks))
        complete = True
    except KeyboardInterrupt:
        ex.close()
        _write_index(folder, entries, unassigned, skipped, complete=False)
        raise
    finally:
        ex.close()
    index: dict[str, Any] = json.loads(_write_index(folder, entries, unassigned, skipped, complete=complete))
    return index


def _write_index(folder: Path, entries: list[EventEntry], unassigned: list[str], skipped: list[Skipped], *,
                 complete: bool) -> bytes:
    entries = sorted(entries, key=lambda e: e.id)
    left = sorted(set(unassigned))
    bad = sorted(skipped, key=lambda s: (s.origin, s.reason))
    data = index_json(entries, left, bad, complete=complete)
    write_bytes(data, folder / "index.json")
    write_bytes(index_html(entries, left, bad, complete=complete), folder / "index.html")
    return data
