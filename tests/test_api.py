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


def test_all_is_complete() -> None:
    # Every lazily exported name, every public name the module defines, nothing else.
    from briefgen import _LAZY

    own = {n for n, v in vars(briefgen).items() if not n.startswith("_") and callable(v)
           and getattr(v, "__module__", "") == "briefgen"}
    assert set(briefgen.__all__) == set(_LAZY) | own | {"__version__"}
    # Everything the README's library section calls is exported.
    section = README.read_text(encoding="utf-8").split("## Library", 1)[1].split("\n## ", 1)[0]
    for name in set(re.findall(r"briefgen\.([A-Za-z_]\w*)\(", section)):
        assert name in briefgen.__all__, name
    # The data model and the extension points are all there.
    import briefgen.model as model

    assert set(model.__all__) - {"DEFAULT_CITATION"} <= set(briefgen.__all__)
    assert {"Reader", "Writer", "Method"} <= set(briefgen.__all__)


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
    (toml,) = [b for b in _blocks("toml") if b.startswith("# trade-mission.toml")]
    path = workdir / "trade-mission.toml"
    path.write_text(toml, encoding="utf-8")
    tpl = briefgen.load_template(path)
    assert [s.title for s in tpl.sections] == ["Markets", "Agreements", "Risks"]
    assert tpl.memo.to == "Minister for Trade"
    briefing = briefgen.build_briefing(["articles/"], template=path)
    assert [s.key for s in briefing.sections] == ["markets", "agreements", "risks"]


def test_readme_outlets_example_names_an_outlet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Issue 21: the user's outlets.toml, as the README shows it, extends the table.
    from briefgen.sources.outlets import outlet_name, short_name

    (toml,) = [b for b in _blocks("toml") if "[[outlet]]" in b]
    (tmp_path / "outlets.toml").write_text(toml, encoding="utf-8")
    monkeypatch.setenv("BRIEFGEN_TEMPLATES", str(tmp_path))
    assert outlet_name("奈良新聞") == "Nara Shimbun (奈良新聞)"
    assert short_name("www.nara-np.co.jp") == "Nara Shimbun"
    assert "outlets" not in briefgen.list_templates()


# ---- issue 15: an API that never guesses whether a string is a path or an article --------------


def test_issue15_a_plain_string_is_one_input(workdir: Path) -> None:
    briefing = briefgen.build_briefing("articles")
    assert len(briefing.sources) == 5
    assert not briefing.skipped
    assert briefgen.build_briefing(Path("articles")).facts == briefing.facts


def test_issue15_an_absolute_folder_is_briefed_not_the_filesystem(workdir: Path) -> None:
    briefing = briefgen.build_briefing(str(workdir / "articles"))
    assert {Path(s.origin).parent for s in briefing.sources} == {workdir / "articles"}


def test_issue15_a_long_text_is_summarised_not_opened() -> None:
    lead = ("The leaders of the two countries met in the ancient capital on Tuesday and agreed to expand "
            "cooperation on supply chains, energy and the search for the remains of wartime laborers, "
            "officials from both governments told reporters after more than ninety minutes of talks at a "
            "hotel overlooking the old deer park.")
    assert len(lead) > 300
    rest = [f"Officials said the talks covered topic number {i} in detail and ended without a statement."
            for i in range(6)]
    text = lead + " " + " ".join(rest)  # one line: too long to be a file name
    summary = briefgen.summarize([text], words=80)
    assert summary and all(sentence in text for sentence in summary)
    assert briefgen.summarize(text, words=80) == summary
    assert lead in briefgen.summarize([text], words=400)


def test_issue15_paths_and_texts_are_told_apart_by_type(workdir: Path) -> None:
    name = "articles"  # a folder exists under this name, yet a str given to summarize is article text
    with pytest.raises(briefgen.InputError):
        briefgen.summarize([name])
    by_path = briefgen.summarize(Path("articles"), words=60)
    assert by_path == briefgen.summarize(paths="articles", words=60)
    assert by_path and all(isinstance(s, str) for s in by_path)


def test_issue15_texts_argument_of_build_briefing(workdir: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path("articles").glob("*.txt"))]
    briefing = briefgen.build_briefing(texts=texts)
    assert len(briefing.sources) == 5
    assert all(s.origin.startswith("<text ") for s in briefing.sources)


def test_issue15_wrong_input_types_are_type_errors() -> None:
    with pytest.raises(TypeError):
        briefgen.build_briefing([briefgen.Source(id="s1", origin="a", text="x", outlet="O", title="T")])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        briefgen.build_briefing(b"articles")  # type: ignore[arg-type]


def test_issue15_a_folder_walk_stays_in_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "credentials.txt").write_text("The secret password of the account is hunter2 and more.",
                                             encoding="utf-8")
    folder = tmp_path / "received"
    shutil.copytree(seeds_dir(), folder)
    (folder / "leak.txt").symlink_to(outside / "credentials.txt")
    (folder / "up").symlink_to(outside, target_is_directory=True)
    briefing = briefgen.build_briefing(str(folder))
    assert len(briefing.sources) == 5
    assert all("hunter2" not in s.text for s in briefing.sources)


def test_issue15_an_unreadable_folder_is_a_source_error(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    folder = tmp_path / "articles"
    shutil.copytree(seeds_dir(), folder)
    (folder / "inner").mkdir()
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(os.fspath(path)).name == "inner":  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", os.fspath(path))  # type: ignore[arg-type]
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(briefgen.SourceError, match="inner: cannot read folder: Permission denied"):
        briefgen.load_sources([folder], strict=True)
    sources, skipped = briefgen.load_sources([folder])
    assert len(sources) == 5
    assert [(Path(s.origin).name, s.reason) for s in skipped] == [
        ("inner", "cannot read folder: Permission denied")]
