"""Extension points: registries, plugins by entry point, and the example plugin (issue 16)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import venv
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

import briefgen
from briefgen.plugins import Registry
from briefgen.render.writers import WRITERS
from briefgen.select.choice import METHODS, Method
from briefgen.sources.readers import READERS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "plugin"


def _fake_entry_points(monkeypatch: pytest.MonkeyPatch, *eps: EntryPoint) -> None:
    import importlib.metadata

    def entry_points(*, group: str) -> list[EntryPoint]:
        return [ep for ep in eps if ep.group == group]

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)


def test_a_broken_plugin_costs_one_warning_and_the_rest_load(monkeypatch: pytest.MonkeyPatch,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    _fake_entry_points(
        monkeypatch,
        EntryPoint("broken", "no_such_module_anywhere:thing", "briefgen.rankers"),
        EntryPoint("not-a-ranker", "os.path:sep", "briefgen.rankers"),
        EntryPoint("length", "builtins:len", "briefgen.rankers"),
        EntryPoint("lexrank", "builtins:len", "briefgen.rankers"),
    )
    reg: Registry[Method] = Registry("briefgen.rankers", "ranking method", METHODS._accept)
    reg.add("lexrank", METHODS.get("lexrank"))  # type: ignore[arg-type]
    with caplog.at_level(logging.WARNING, logger="briefgen.plugins"):
        names = reg.names()
        assert reg.names() == names  # loaded once
    assert names == ["lexrank", "length"]
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 3
    assert warnings[0].startswith("plugin broken (no_such_module_anywhere:thing) not loaded: "
                                  "ModuleNotFoundError")
    assert warnings[1].startswith("plugin lexrank (builtins:len) not loaded: briefgen already has")
    assert warnings[2].startswith("plugin not-a-ranker (os.path:sep) not loaded: TypeError")
    assert reg.get("lexrank") is METHODS.get("lexrank")


def test_every_list_reads_the_registries() -> None:
    from click.testing import CliRunner

    from briefgen.cli import cli

    help_text = CliRunner().invoke(cli, ["build", "--help"]).output
    assert "[docx|md|html|json]" in help_text
    assert "[briefgen|lexrank|textrank|lsa|luhn|edmundson|kl|sumbasic]" in help_text
    assert READERS.names() == ["text", "html", "markdown", "docx"]
    assert WRITERS.names() == ["docx", "md", "html", "json"]


def test_a_method_added_at_run_time_is_usable_everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(METHODS._entries, "shortest", Method(lambda facts: [-len(f.text) for f in facts]))
    briefing = briefgen.build_briefing(method="shortest")
    lengths = sorted(len(f.text) for f in briefing.bluf)
    assert lengths and lengths[0] < 80
    tpl = ROOT / "tests" / "data" / "shortest.toml"
    try:
        tpl.write_text('extends = "default"\nmethod = "shortest"\n', encoding="utf-8")
        assert briefgen.load_template(tpl).method == "shortest"
    finally:
        tpl.unlink()


@pytest.mark.installed
@pytest.mark.slow
def test_the_example_plugin_from_a_fresh_venv(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    pip = [str(bin_dir / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, str(ROOT), str(EXAMPLE)], check=True, timeout=1200, capture_output=True)
    notes = [str(EXAMPLE / "samples" / n) for n in ("a.note", "b.note")]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run([str(bin_dir / "briefgen"), "build", "memo.txt", *notes, "-m", "first-sentences"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    memo = (tmp_path / "memo.txt").read_text(encoding="utf-8")
    assert memo.startswith("MEMORANDUM\n")
    assert "[1] Harbour Gazette" in memo and "[2] Coastal Times" in memo
    # first-sentences: the bottom line opens with a lead sentence, cited to both outlets that printed it.
    bluf = memo.split("BOTTOM LINE UP FRONT\n\n", 1)[1].splitlines()
    assert bluf[0].startswith("- The three-day strike at the port of Valmora ended on Friday")
    assert bluf[0].endswith("[1][2]")
    assert sys.executable  # the test's own interpreter is untouched
