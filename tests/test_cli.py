"""The command line: help, exit codes, one-line errors, nothing clobbered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefgen import __version__
from briefgen.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and __version__ in out


@pytest.mark.parametrize(
    "command", [[], ["build"], ["summarize"], ["sources"], ["inspect"], ["templates", "new"]]
)
def test_every_help_explains_options_with_examples(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    code, out, _ = run(capsys, *command, "--help")
    assert code == 0
    assert "Example" in out
    assert "--help" in out


def test_build_help_lists_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "build", "--help")
    for opt in ["--template", "--format", "--method", "--subject", "--date", "--to", "--from", "--banner",
                "--manifest", "--strict"]:
        assert opt in out, opt


def test_missing_input_is_one_line_exit_2_and_old_memo_kept(capsys, tmp_path: Path) -> None:
    memo = tmp_path / "memo.docx"
    memo.write_bytes(b"old memo")
    code, _, err = run(capsys, "build", str(memo), str(tmp_path / "missing.txt"), "--strict")
    assert code == 2
    assert err.count("\n") == 1 and "missing.txt" in err
    assert "Traceback" not in err
    assert memo.read_bytes() == b"old memo"


def test_bad_template_is_one_line_exit_2(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[sections]]\nkey = 1\n")
    code, _, err = run(capsys, "build", str(tmp_path / "memo.docx"), "--template", str(bad))
    assert code == 2
    assert err.startswith("briefgen: error: ") and "bad.toml" in err
    assert not (tmp_path / "memo.docx").exists()


def test_output_over_an_input_is_refused(capsys, tmp_path: Path) -> None:
    article = tmp_path / "article.md"
    article.write_text("# Title\n\nThe ministers met on Monday in Geneva and agreed on a plan.\n")
    code, _, err = run(capsys, "build", str(article), str(article))
    assert code == 2 and "refusing to write over an input" in err
    assert article.read_text().startswith("# Title")


def test_unknown_extension_is_refused(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "build", str(tmp_path / "memo.pdf"))
    assert code == 2 and "memo.pdf" in err and "--format" in err


def test_summarize_prints_verbatim_sentences_within_budget(capsys) -> None:
    code, out, _ = run(capsys, "summarize", "--words", "50")
    assert code == 0
    lines = [line for line in out.splitlines() if line]
    assert lines and sum(len(line.split()) for line in lines) <= 50


def test_summarize_fill_prints_one_more_sentence(capsys) -> None:
    _, strict, _ = run(capsys, "summarize", "--words", "50")
    code, filled, _ = run(capsys, "summarize", "--words", "50", "--fill")
    assert code == 0
    assert filled.startswith(strict)
    extra = filled[len(strict):].splitlines()
    assert len(extra) == 1 and len(filled.split()) > 50


def test_sources_json_lists_the_seeds(capsys) -> None:
    code, out, _ = run(capsys, "sources", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [s["outlet"] for s in data["sources"]][:2] == ["AloJapan.com", "The Chosun Daily"]
    assert len(data["sources"]) == 5


def test_inspect_json_shows_dropped_lines_facts_and_conflicts(capsys) -> None:
    code, out, _ = run(capsys, "inspect", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert any("Courtesy of News1" in d["text"] for d in data["dropped"])
    assert [s["key"] for s in data["sections"]] == ["history", "economy", "security", "ceremony"]
    assert data["bluf"]["title"] == "Bottom line up front"
    assert sum(f["chosen"] for f in data["bluf"]["facts"]) == 4
    assert [sum(f["chosen"] for f in s["facts"]) for s in data["sections"]] == [5, 5, 5, 5]
    assert data["conflicts"]


def test_templates_list_show_and_new(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "templates", "list")
    assert code == 0 and out.startswith("default")
    code, out, _ = run(capsys, "templates", "show", "default")
    assert code == 0 and "[[sections]]" in out
    target = tmp_path / "mine.toml"
    code, _, _ = run(capsys, "templates", "new", str(target))
    assert code == 0 and 'name = "mine"' in target.read_text()
    code, _, err = run(capsys, "templates", "new", str(target))
    assert code == 2 and "already exists" in err


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_other_formats_by_extension(capsys, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"memo.{fmt}"
    code, _, _ = run(capsys, "-q", "build", str(out))
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert "small but significant progress on historical issues" in text
    if fmt == "json":
        assert json.loads(text)["sections"]


def test_in_process_call_leaves_the_cycle_collector_alone(capsys: pytest.CaptureFixture[str]) -> None:
    import gc

    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    code, _, _ = run(capsys, "templates", "list")
    assert code == 0
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_command_resumes_the_collector_after_start_up(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    # The briefgen command pauses the collector while it imports, then freezes
    # what start-up made and resumes it for the work.
    script = ("import atexit, gc, sys\n"
              "atexit.register(lambda: print('collector', gc.isenabled(), gc.get_freeze_count() > 1000))\n"
              "sys.argv = ['briefgen', '-q', 'build', 'memo.md']\n"
              "from briefgen.cli import main\n"
              "main()\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "collector True True" in result.stdout
    assert "Chosei" in (tmp_path / "memo.md").read_text(encoding="utf-8")
