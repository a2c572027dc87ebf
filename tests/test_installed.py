"""The installed ``briefgen`` command, run in a subprocess as a user runs it.

Only a real process shows what reaches file descriptors 1 and 2: CliRunner and
capsys see Python's ``sys.stdout``, not what a compiled library writes below
it (issue 15: HiGHS printed its banner into every command's output). These
tests are marked ``installed``; ``.ci/newest`` runs them again against the
newest dependency releases the bounds allow.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import reader_leaves

from briefgen.resources import seeds_dir
from briefgen.sources.load import load_sources

pytestmark = pytest.mark.installed

HERE = Path(__file__).resolve().parent
HTML = HERE / "data" / "html"
CORPORA = {"seeds": seeds_dir(), "quake pages": HTML}
SCRIPT = Path(sys.executable).with_name("briefgen")


def briefgen(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed console script; fail clearly if it is not installed."""
    assert SCRIPT.exists(), f"the briefgen console script is not installed next to {sys.executable}"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([str(SCRIPT), *args], cwd=cwd, env=env, input=stdin, capture_output=True, text=True,
                          timeout=300)


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_issue15_summarize_prints_only_input_sentences(corpus: str, tmp_path: Path) -> None:
    folder = CORPORA[corpus]
    sources, _ = load_sources([folder])
    texts = [_flat(s.text) for s in sources]
    result = briefgen("summarize", "--words", "100", str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) >= 2
    for line in lines:
        assert any(line in t for t in texts), f"not a sentence of the inputs: {line!r}"


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_issue15_inspect_json_parses_and_marks_the_memos_facts(corpus: str, tmp_path: Path) -> None:
    folder = CORPORA[corpus]
    shown = briefgen("inspect", "--format", "json", str(folder), cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    built = briefgen("-q", "build", "memo.json", str(folder), cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    memo = json.loads((tmp_path / "memo.json").read_text(encoding="utf-8"))
    memo_ids = [f["id"] for f in memo["bluf"]] + [f["id"] for sec in memo["sections"] for f in sec["facts"]]
    parts = [data["bluf"], *data["sections"]]
    chosen = [f["id"] for part in parts for f in part["facts"] if f["chosen"]]
    assert sorted(chosen) == sorted(memo_ids)
    assert [f["id"] for f in data["bluf"]["facts"] if f["chosen"]] == [f["id"] for f in memo["bluf"]]
    # The scores shown are the ones the memo's facts were chosen with.
    score = {f["id"]: f["score"] for part in parts for f in part["facts"] if f["chosen"]}
    for fact in memo["bluf"]:
        assert score[fact["id"]] == pytest.approx(fact["score"])


def test_issue15_quiet_build_prints_nothing_on_stdout(tmp_path: Path) -> None:
    for args in (("-q", "build", "memo.docx", str(HTML)), ("build", "-q", "memo2.docx", str(HTML))):
        result = briefgen(*args, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout == ""
        assert result.stderr == ""
    assert zipfile.is_zipfile(tmp_path / "memo.docx") and zipfile.is_zipfile(tmp_path / "memo2.docx")


def test_issue15_library_output_reaches_stderr_only_with_debug(tmp_path: Path) -> None:
    plain = briefgen("summarize", "--words", "40", cwd=tmp_path)
    debug = briefgen("--debug", "summarize", "--words", "40", cwd=tmp_path)
    assert plain.returncode == debug.returncode == 0
    assert plain.stdout == debug.stdout
    assert "HiGHS" not in plain.stdout and "Copyright" not in plain.stdout
    assert plain.stderr == ""
    from importlib.metadata import version

    if tuple(int(p) for p in version("highspy").split(".")[:2]) >= (1, 16):
        # This release prints a banner at C level: --debug shows it, on standard error.
        assert "HiGHS" in debug.stderr


def test_issue15_build_to_standard_output(tmp_path: Path) -> None:
    result = briefgen("build", "-f", "md", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# MEMORANDUM")
    assert not (tmp_path / "-").exists()


def test_issue15_output_without_extension_gets_one_and_says_so(tmp_path: Path) -> None:
    result = briefgen("build", "memo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert zipfile.is_zipfile(tmp_path / "memo.docx")
    assert not (tmp_path / "memo").exists()
    assert "memo.docx" in result.stderr


@pytest.mark.parametrize("date", ["2026-13-45", "next tuesday", "2026-02-30"])
def test_issue15_impossible_dates_are_refused(date: str, tmp_path: Path) -> None:
    result = briefgen("build", "memo.docx", "--date", date, cwd=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--date" in result.stderr
    assert not (tmp_path / "memo.docx").exists()


def test_issue15_dates_print_without_a_leading_zero(tmp_path: Path) -> None:
    result = briefgen("build", "-f", "md", "-", "--date", "2026-12-01", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "**Date:** 1 December 2026" in result.stdout


def test_issue15_missing_input_is_reported_once(tmp_path: Path) -> None:
    result = briefgen("build", "memo.docx", "nothere.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "briefgen: error: no usable sources: nothere.txt: no such file or folder"]


def test_issue15_verbose_counts_in_the_singular(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Quake hits coast\n\n" + " ".join(
        f"Rescue teams reached village number {i} on the coast after the quake on Monday." for i in range(8)),
        encoding="utf-8")
    result = briefgen("build", "memo.md", str(story), "-v", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "1 source," in result.stderr
    assert "1 sources" not in result.stderr


def test_issue15_manifest_rows_matching_nothing_are_named(tmp_path: Path) -> None:
    manifest = tmp_path / "list.csv"
    news1 = seeds_dir() / "news1-2026-01-13-summit-progress-history.txt"
    manifest.write_text(f"file,outlet\n{news1},News1\nghost.txt,Ghost\n", encoding="utf-8")
    result = briefgen("build", "memo.md", str(seeds_dir()), "--manifest", str(manifest), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "ghost.txt" in result.stderr
    assert "1 row matched no input" in result.stderr


def test_manifest_rows_left_unread_are_warned_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copyfile(seeds_dir() / "news1-2026-01-13-summit-progress-history.txt", folder / "news1.txt")
    (tmp_path / "private.txt").write_text("Not for the memo.\n", encoding="utf-8")
    (folder / "link.txt").symlink_to(tmp_path / "private.txt")
    manifest = folder / "list.csv"
    manifest.write_text("file,outlet\nnews1.txt,News1\nlink.txt,X\nsub/../link.txt,Z\n", encoding="utf-8")
    result = briefgen("build", "memo.md", "--manifest", str(manifest), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("matched no input") <= 1, result.stderr
    assert "Not for the memo" not in (tmp_path / "memo.md").read_text(encoding="utf-8")


def test_sources_on_two_events_are_named_in_one_warning_line(tmp_path: Path) -> None:
    (tmp_path / "quake.txt").write_text(
        "A magnitude 6.4 earthquake struck the coastal city of Valdora on Tuesday, collapsing three "
        "apartment blocks and killing at least 40 people, officials said. Rescuers searched the rubble.\n",
        encoding="utf-8")
    (tmp_path / "bread.txt").write_text(
        "A good sourdough starter needs only flour, water and patience, the baker explained. Feed it twice a "
        "day and keep it in a warm kitchen corner for a week before baking bread.\n", encoding="utf-8")
    result = briefgen("build", "memo.md", "bread.txt", "quake.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (line,) = [ln for ln in result.stderr.splitlines() if "share almost nothing" in ln]
    assert "bread.txt and quake.txt share almost nothing with each other" in line
    assert line.endswith("they may report different events; all are kept")
    listed = (tmp_path / "memo.md").read_text(encoding="utf-8")
    assert "Valdora" in listed and "sourdough" in listed


def test_issue15_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    assert SCRIPT.exists()
    # More than a pipe holds (64 KB), so the command is still writing when the reader goes.
    code, err = reader_leaves([str(SCRIPT), "inspect", "--format", "json"], tmp_path, 300)
    assert code == 0
    assert err == b""


def _bare_seeds(folder: Path) -> Path:
    """The sample articles as a user saves them: bare .txt files, no manifest."""
    folder.mkdir()
    for path in seeds_dir().glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def test_issue21_sources_marks_each_detail_given_found_or_guessed(tmp_path: Path) -> None:
    bare = _bare_seeds(tmp_path / "bare")
    shown = briefgen("sources", "--format", "json", str(bare), cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    by_file = {Path(s["origin"]).name.split("-")[0]: s for s in json.loads(shown.stdout)["sources"]}
    chosun, korea, news1 = by_file["chosun"], by_file["korea"], by_file["news1"]
    assert chosun["outlet"] == "Chosun"
    assert chosun["provenance"]["outlet"] == {"how": "guessed", "where": "file name"}
    assert (chosun["title"], chosun["provenance"]["title"]["how"]) == ("", "")  # no headline: none invented
    assert korea["outlet"] == "Korea.kr (대한민국 정책브리핑)"
    assert korea["provenance"]["outlet"]["how"] == "found"
    assert korea["provenance"]["title"] == {"how": "found", "where": "headline"}
    # The page's date line above other stories' teasers is furniture; the file name's date is given.
    assert news1["date"] == "2026-01-13"
    assert news1["provenance"]["date"] == {"how": "given", "where": "file name"}
    table = briefgen("sources", str(bare), cwd=tmp_path)
    assert table.returncode == 0, table.stderr
    flat = _flat(table.stdout)
    assert "[untitled]" in flat and "(guessed: file name)" in flat and "(found: credit line)" in flat
    manifest = briefgen("sources", "--format", "json", cwd=tmp_path)
    wheres = {s["provenance"]["outlet"]["where"] for s in json.loads(manifest.stdout)["sources"]}
    assert wheres == {"manifest"}


def test_issue21_bare_files_brief_without_slug_titles_or_story_dates(tmp_path: Path) -> None:
    bare = _bare_seeds(tmp_path / "bare")
    result = briefgen("build", "memo.md", str(bare), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    memo = (tmp_path / "memo.md").read_text(encoding="utf-8")
    assert "**Date:** 14 January 2026" in memo and "31 January" not in memo
    assert "**Subject:** Summit in Nara: Lee Jae-myung and Sanae Takaichi" in memo
    sources = memo.split("## Sources", 1)[1].split("[^1]:", 1)[0]
    assert "Lee takaichi" not in sources and "Nara summit relations" not in sources
    assert "2. Chosun, 2026-01-13." in sources
    assert "Korea.kr (대한민국 정책브리핑)" in sources and "정책브리핑 (korea.kr)" not in sources


def _fire(tmp_path: Path) -> list[str]:
    from tests.test_kinds import FIRE

    names = []
    for i, text in enumerate(FIRE, 1):
        (tmp_path / f"fire{i}.txt").write_text(text, encoding="utf-8")
        names.append(f"fire{i}.txt")
    return names


def test_issue20_the_template_fitting_the_news_is_chosen_and_said_once(tmp_path: Path) -> None:
    result = briefgen("build", "memo.json", *_fire(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if line.startswith("briefgen: template ")]
    assert said == ["briefgen: template disaster (natural or industrial disaster, fire, crash or other "
                    "accident, epidemic): the facts fit it best; name another with --template"]
    data = json.loads((tmp_path / "memo.json").read_text(encoding="utf-8"))
    assert data["template"] == "disaster"
    assert data["sections"][-1]["title"] == "Other developments"
    quiet = briefgen("-q", "build", "memo.md", *_fire(tmp_path), cwd=tmp_path)
    assert quiet.returncode == 0 and quiet.stderr == ""
    named = briefgen("build", "named.json", *_fire(tmp_path), "--template", "legal", cwd=tmp_path)
    assert named.returncode == 0 and "briefgen: template" not in named.stderr
    assert json.loads((tmp_path / "named.json").read_text(encoding="utf-8"))["template"] == "legal"


def test_issue20_the_sample_keeps_default_silently_and_verbose_says_why(tmp_path: Path) -> None:
    result = briefgen("build", "memo.md", "-v", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "briefgen: template" not in result.stderr
    assert "briefgen: INFO: template default: default " in result.stderr
    memo = (tmp_path / "memo.md").read_text(encoding="utf-8")
    assert [line for line in memo.splitlines() if line.startswith("## ")][1:5] == [
        "## History", "## Economy", "## Security", "## Ceremony"]


def test_issue20_inspect_and_templates_list_show_the_choice(tmp_path: Path) -> None:
    result = briefgen("inspect", "--format", "json", *_fire(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["template"] == "disaster" and data["template_choice"]["chosen"] == "disaster"
    fits = data["template_choice"]["fits"]
    assert fits[0]["name"] == "disaster" and len(fits) == 9
    assert fits[0]["score"] >= max(f["score"] for f in fits)
    table = briefgen("inspect", *_fire(tmp_path), cwd=tmp_path)
    assert table.returncode == 0 and "Template: disaster (disaster " in table.stdout
    listed = briefgen("templates", "list", cwd=tmp_path)
    whens = [line.split()[0] for line in listed.stdout.splitlines() if "use when:" in line]
    assert whens[0] == "default" and whens[-1] == "general" and len(whens) == 9
    assert "default        use when: bilateral summit, state or official visit" in listed.stdout


def test_a_memo_with_no_fact_that_reads_alone_says_so_in_the_memo_and_on_stderr(tmp_path: Path) -> None:
    # Multi-News 00177: a page's teaser ("here are 20 of ...") and a video page's blurb; nothing reads alone.
    (tmp_path / "teaser.txt").write_text(
        "From yelling at the golden globes to her best impression, here are 20 of her most memorable bits.\n",
        encoding="utf-8")
    (tmp_path / "video.txt").write_text(
        "Subscribe now to the tonight show. Watch the tonight show weeknights at 11: 35.\n", encoding="utf-8")
    result = briefgen("build", "memo.md", "teaser.txt", "video.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert ("briefgen: WARNING: the memo prints no fact: no sentence of the sources reads on its own "
            "within its budgets") in result.stderr.splitlines()
    memo = (tmp_path / "memo.md").read_text(encoding="utf-8")
    assert ("## Bottom line up front\n\n*No fact from the sources is printed: none reads on its own within "
            "this memo's budgets.*\n") in memo
    assert "[^1]" not in memo
