"""Atomic writing, format choice, and refusing to write over inputs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefgen.errors import RenderError
from briefgen.output import check_target, format_for, write_bytes


@pytest.mark.parametrize(("name", "fmt"), [("memo.docx", "docx"), ("memo.MD", "md"), ("memo.htm", "html"),
                                           ("memo.json", "json"), ("memo", "docx")])
def test_format_follows_the_extension(name: str, fmt: str) -> None:
    assert format_for(name) == fmt


def test_explicit_format_wins_and_unknown_ones_are_refused() -> None:
    assert format_for("memo.txt", "md") == "md"
    with pytest.raises(RenderError, match=r"memo\.txt: cannot tell the format"):
        format_for("memo.txt")
    with pytest.raises(RenderError, match="unknown format 'pdf'"):
        format_for("memo.docx", "pdf")


def test_write_replaces_the_whole_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    target.write_text("old memo")
    write_bytes(b"new memo", target)
    assert target.read_bytes() == b"new memo"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.md"]


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "memo.docx"
    target.write_bytes(b"precious")

    def boom(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(RenderError, match=r"memo\.docx: cannot write: No space left on device"):
        write_bytes(b"new", target)
    assert target.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.docx"]


def test_writing_over_an_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text("An article.")
    with pytest.raises(RenderError, match="refusing to write over an input file"):
        write_bytes(b"memo", source, protect=(str(source),))
    assert source.read_text() == "An article."


def test_missing_folder_and_folder_as_output_are_refused(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="does not exist"):
        check_target(tmp_path / "nowhere" / "memo.docx")
    with pytest.raises(RenderError, match="is a folder"):
        write_bytes(b"x", tmp_path)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_full_device_gives_a_clean_error() -> None:
    with pytest.raises(RenderError, match="/dev/full: cannot write"):
        write_bytes(b"x" * 100_000, "/dev/full")
