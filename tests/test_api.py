"""The public API: __all__ sorted and complete, and the README's examples run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import briefgen
from briefgen.resources import seeds_dir

README = Path(__file__).resolve().parent.parent / "README.md"


def test_all_is_sorted_and_every_name_resolves() -> None:
    assert briefgen.__all__ == sorted(briefgen.__all__)
    for name in briefgen.__all__:
        assert getattr(briefgen, name) is not None, name


def test_errors_derive_from_one_base() -> None:
    for name in ["ConfigError", "InputError", "RenderError", "SourceError"]:
        assert issubclass(getattr(briefgen, name), briefgen.BriefgenError)


def test_model_is_frozen() -> None:
    source = briefgen.Source(id="s1", origin="a.txt", text="x", outlet="O", title="T")
    with pytest.raises(AttributeError):
        source.outlet = "Other"  # type: ignore[misc]


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the README's ``articles/`` made of the sample articles."""
    shutil.copytree(seeds_dir(), tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_readme_python_examples_run(workdir: Path) -> None:
    blocks = _blocks("python")
    assert blocks
    for code in blocks:
        namespace: dict[str, object] = {}
        exec(compile(code, str(README), "exec"), namespace)  # noqa: S102 - our own README
    assert (workdir / "memo.docx").stat().st_size > 10_000


def test_readme_template_example_is_valid_and_builds(workdir: Path) -> None:
    (toml,) = _blocks("toml")
    path = workdir / "trade-mission.toml"
    path.write_text(toml, encoding="utf-8")
    tpl = briefgen.load_template(path)
    assert [s.title for s in tpl.sections] == ["Markets", "Agreements", "Risks"]
    assert tpl.memo.to == "Minister for Trade"
    briefing = briefgen.build_briefing(["articles/"], template=path)
    assert [s.key for s in briefing.sections] == ["markets", "agreements", "risks"]
