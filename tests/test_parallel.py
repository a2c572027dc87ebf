"""Tests for briefgen.parallel: the same results, in order, with or without workers."""

from __future__ import annotations

import os

import pytest

from briefgen.facts.conflicts import find_conflicts
from briefgen.model import Source
from briefgen.parallel import THRESHOLD, cores, pmap
from briefgen.pipeline import analyse


def _square_and_pid(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def test_small_batches_stay_in_this_process() -> None:
    out = pmap(_square_and_pid, [3, 1, 2])
    assert [v for v, _ in out] == [9, 1, 4]
    assert {pid for _, pid in out} == {os.getpid()}


@pytest.mark.skipif(cores() < 2, reason="needs two cores")
def test_large_batches_use_workers_and_keep_order() -> None:
    items = list(range(60, 0, -1))
    out = pmap(_square_and_pid, items, threshold=10)
    assert [v for v, _ in out] == [x * x for x in items]
    assert os.getpid() not in {pid for _, pid in out}


def test_workers_env_of_one_turns_workers_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_WORKERS", "1")
    assert cores() == 1
    out = pmap(_square_and_pid, list(range(30)), threshold=1)
    assert {pid for _, pid in out} == {os.getpid()}


def test_analysis_is_the_same_with_and_without_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [
        "Lee and Takaichi met in Nara on Tuesday. They agreed on DNA testing of the remains.",
        "The two leaders met in Nara. Tariffs were not discussed, officials said.",
    ]
    sources = [
        Source(id=f"s{i}", origin=f"<text {i}>", text=f"{texts[(i - 1) % 2]} Report number {i} ends here.",
               outlet=f"Outlet {i}", title="")
        for i in range(1, 211)
    ]
    monkeypatch.setenv("BRIEFGEN_WORKERS", "1")
    serial = analyse(sources=sources)
    monkeypatch.setenv("BRIEFGEN_WORKERS", "2")
    parallel = analyse(sources=sources)
    assert parallel.sentences == serial.sentences
    assert parallel.facts == serial.facts
    assert serial.sentences[0].text == "Lee and Takaichi met in Nara on Tuesday."
    assert serial.sentences[-1].source_id == "s210"


def test_conflicts_are_the_same_with_and_without_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    # Enough distinct sentences (over THRESHOLD) that the conflict check reads them on workers.
    sources = [
        Source(id=f"s{i}", origin=f"<text {i}>", outlet=f"Outlet {i}", title="",
               text=(f"The typhoon killed {10 + i % 3} people in Manila on Tuesday, officials said. "
                     f"Rescuers searched the village of Barangay {i} for survivors."))
        for i in range(1, 221)
    ]
    monkeypatch.setenv("BRIEFGEN_WORKERS", "1")
    serial = analyse(sources=sources)
    serial_conflicts = find_conflicts(serial.facts, serial.sources)
    monkeypatch.setenv("BRIEFGEN_WORKERS", "2")
    parallel_conflicts = find_conflicts(serial.facts, serial.sources)
    assert len({s.text for f in serial.facts for s in f.sentences}) > THRESHOLD
    assert parallel_conflicts == serial_conflicts
    assert any(c.kind == "disagreement" for c in serial_conflicts)  # the tolls of 10, 11 and 12


def _pid_and_cores(x: int) -> tuple[int, int, int]:
    return x + 1, os.getpid(), cores()


def _fails(x: int) -> int:
    raise ValueError(f"bad input {x}")


@pytest.mark.skipif(cores() < 2, reason="needs two cores")
def test_beside_runs_a_step_in_a_second_process_and_hands_back_its_result() -> None:
    from briefgen.parallel import beside

    with beside(_pid_and_cores, 41, big=True) as later:
        here = os.getpid()
        value, pid, child_cores = later()
    assert value == 42 and pid != here
    assert child_cores == cores() - 1  # the parent keeps one core busy meanwhile
    # Small work stays here; the function's exception reaches the caller either way.
    with beside(_pid_and_cores, 1, big=False) as later:
        assert later()[1] == os.getpid()
    for big in (True, False):
        with beside(_fails, 7, big=big) as later, pytest.raises(ValueError, match="bad input 7"):
            later()


@pytest.mark.skipif(cores() < 2, reason="needs two cores")
def test_a_large_briefing_compares_sources_beside_the_selection_with_the_same_result(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import briefgen.pipeline as pipeline

    sources = [
        Source(id=f"s{i}", origin=f"<text {i}>", outlet=f"Outlet {i}", title="",
               text=(f"The typhoon killed {10 + i % 3} people in Manila on Tuesday, officials said. "
                     f"Rescuers searched the village of Barangay {i} for survivors."))
        for i in range(1, 221)
    ]
    monkeypatch.setattr(pipeline, "BESIDE_FACTS", 10**9)
    alone = pipeline.build_briefing(sources=sources)
    monkeypatch.setattr(pipeline, "BESIDE_FACTS", 10)
    beside = pipeline.build_briefing(sources=sources)
    assert beside.conflicts == alone.conflicts and beside == alone
    assert any(c.kind == "disagreement" for c in beside.conflicts)


class _TwoArgError(Exception):
    def __init__(self, code: int, why: str) -> None:
        super().__init__(f"{code}: {why}")


def _fails_oddly(x: int) -> int:
    raise _TwoArgError(x, "odd")


def _unpicklable(x: int) -> object:
    return lambda: x


@pytest.mark.skipif(cores() < 2, reason="needs two cores")
def test_beside_reports_what_does_not_travel_and_keeps_its_result() -> None:
    from briefgen.parallel import beside

    # An exception that does not load again, and a result that does not pickle, arrive as one error
    # that names them, not as a failure to load; a result asked for twice is the same.
    # (A library that teaches exceptions to pickle with their traceback, loaded by other tests, lets
    # the exception itself arrive.)
    odd = pytest.raises((RuntimeError, _TwoArgError), match="5: odd")
    with beside(_fails_oddly, 5, big=True) as later, odd:
        later()
    with beside(_unpicklable, 5, big=True) as later, pytest.raises(RuntimeError, match="pickle"):
        later()
    with beside(_pid_and_cores, 1, big=True) as later:
        assert later() == later()
