"""What compiled code writes to file descriptors 1 and 2 stays off the command's output (issue 15)."""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

import pytest

from briefgen.native import native_output_hidden

LIBC = ctypes.CDLL(ctypes.util.find_library("c"))


def _c_write(fd: int, text: bytes) -> None:
    """Write as a C library does: straight to the descriptor, below sys.stdout."""
    LIBC.write(fd, text, len(text))


def test_c_level_writes_are_hidden(capfd: pytest.CaptureFixture[str]) -> None:
    print("before", flush=True)
    with native_output_hidden():
        _c_write(1, b"banner on stdout\n")
        _c_write(2, b"noise on stderr\n")
    print("after", flush=True)
    out, err = capfd.readouterr()
    assert out == "before\nafter\n"
    assert err == ""


def test_debug_sends_c_output_to_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    logger = logging.getLogger("briefgen.native")
    old = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        with native_output_hidden():
            _c_write(1, b"banner\n")
    finally:
        logger.setLevel(old)
    out, err = capfd.readouterr()
    assert out == ""
    assert err == "banner\n"


def test_the_solver_prints_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    from briefgen.select.solver import Row, maximise

    x = maximise([1.0, 2.0], [Row([0, 1], [1.0, 1.0], 1.0)], 2, time_limit=5.0, gap=0.0)
    assert x is not None and list(x.round()) == [0.0, 1.0]
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")
