"""Template look-up, extends-merging and validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.config import find_template, list_templates, load_template
from briefgen.errors import ConfigError


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_template_has_the_four_sections_in_order() -> None:
    tpl = load_template("default")
    assert [s.key for s in tpl.sections] == ["history", "economy", "security", "ceremony"]
    assert [s.title for s in tpl.sections] == ["History", "Economy", "Security", "Ceremony"]
    assert tpl.catch_all is None and tpl.use_when.startswith("bilateral summit")
    assert tpl.sections[0].sort == "chronological"
    assert tpl.memo.heading == "MEMORANDUM"
    assert tpl.bluf.facts == 4
    assert "default" in list_templates()


def test_extends_changes_only_what_it_sets(tmp_path: Path) -> None:
    path = write(tmp_path, "mine.toml", 'extends = "default"\n[memo]\nto = "Director"\n[bluf]\nfacts = 3\n')
    tpl = load_template(path)
    assert tpl.memo.to == "Director"
    assert tpl.memo.heading == "MEMORANDUM"
    assert tpl.bluf.facts == 3
    assert [s.key for s in tpl.sections] == ["history", "economy", "security", "ceremony"]


def test_the_line_for_a_memo_with_no_fact_is_a_label_a_template_may_translate(tmp_path: Path) -> None:
    assert load_template("default").labels.nothing.startswith("No fact from the sources is printed")
    path = write(tmp_path, "fr.toml", 'extends = "default"\n[labels]\nnothing = "Rien \u00e0 signaler."\n')
    assert load_template(path).labels.nothing == "Rien \u00e0 signaler."
    assert load_template(path).labels.uncited == "Read; nothing in this memo cites it."


def test_extends_updates_a_section_by_key_and_keeps_the_rest(tmp_path: Path) -> None:
    text = 'extends = "default"\n[[sections]]\nkey = "economy"\ntitle = "Trade"\n'
    path = write(tmp_path, "mine.toml", text)
    tpl = load_template(path)
    assert [s.title for s in tpl.sections] == ["History", "Trade", "Security", "Ceremony"]
    assert "supply chain" in tpl.sections[1].keywords


def test_extends_with_new_sections_replaces_the_list(tmp_path: Path) -> None:
    path = write(tmp_path, "trade.toml", """extends = "default"
[[sections]]
key = "markets"
title = "Markets"
keywords = ["market", "exports"]
[[sections]]
key = "risks"
title = "Risks"
keywords = ["risk", "threat"]
""")
    tpl = load_template(path)
    assert [s.key for s in tpl.sections] == ["markets", "risks"]


def test_every_problem_is_reported_at_once_with_its_location(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.toml", """colour = "red"
method = "magic"
[bluf]
facts = -1
[[sections]]
key = "a"
keywords = "not a list"
sort = "sideways"
[[sections]]
key = "a"
keywords = ["x"]
""")
    with pytest.raises(ConfigError) as err:
        load_template(path)
    msg = str(err.value)
    assert msg.startswith(str(path))
    for part in ["colour is not a known key", "method must be one of", "[bluf].facts must be a whole number",
                 "[sections.a].keywords must be a list of strings", "[sections.a].sort must be one of",
                 "'a' is used twice"]:
        assert part in msg, part


def test_toml_syntax_error_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.toml", "[memo\nto = 'x'\n")
    with pytest.raises(ConfigError, match=r"broken\.toml: invalid TOML"):
        load_template(path)


def test_unknown_template_name_lists_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"no such template \(known: .*default"):
        find_template("nonexistent-template")


def test_missing_reference_docx_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "ref.toml", 'extends = "default"\nreference_docx = "letterhead.docx"\n')
    with pytest.raises(ConfigError, match="reference_docx 'letterhead.docx' does not exist"):
        load_template(path)


def test_bad_citation_template_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "cite.toml", 'extends = "default"\ncitation = "{{ outlet "\n')
    with pytest.raises(ConfigError, match="citation is not a valid citation template"):
        load_template(path)


def test_extends_loop_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", 'extends = "b.toml"\n')
    b = write(tmp_path, "b.toml", 'extends = "a.toml"\n')
    with pytest.raises(ConfigError, match="loop"):
        load_template(b)


def test_user_template_folder_is_searched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "mission.toml", 'extends = "default"\nname = "mission"\n[memo]\nto = "Envoy"\n')
    monkeypatch.setenv("BRIEFGEN_TEMPLATES", str(tmp_path))
    assert load_template("mission").memo.to == "Envoy"
    assert "mission" in list_templates()


def test_catch_all_use_when_and_if_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "kind.toml", """use_when = "a fire"
[[sections]]
key = "toll"
keywords = ["killed"]
if_empty = "No reporting on {title}."
[[sections]]
key = "other"
title = "Other developments"
catch_all = true
facts = 2
""")
    tpl = load_template(path)
    assert tpl.use_when == "a fire"
    assert [s.key for s in tpl.sorted_sections] == ["toll"]
    assert tpl.catch_all is not None and tpl.catch_all.key == "other" and tpl.catch_all.facts == 2
    assert tpl.sections[0].if_empty == "No reporting on {title}."
    assert [s.key for s in tpl.enabled_sections] == ["toll", "other"]


def test_the_catch_all_is_checked(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.toml", """use_when = 3
[[sections]]
key = "other"
keywords = ["x"]
[[sections]]
key = "rest"
catch_all = true
keywords = ["y"]
[[sections]]
key = "more"
catch_all = "yes"
[[sections]]
key = "last"
catch_all = true
[[sections]]
key = "final"
catch_all = true
""")
    with pytest.raises(ConfigError) as err:
        load_template(path)
    msg = str(err.value)
    for part in ["use_when must be a string",
                 "[sections.other].key 'other' is reserved for the catch-all section (catch_all = true)",
                 "[sections.rest] is the catch-all: it takes the facts no other section fits, so no keywords",
                 "[sections.more].catch_all must be true or false",
                 "[sections.final].catch_all is set on two sections"]:
        assert part in msg, (part, msg)


def test_issue22_unreadable_user_template_folder_is_left_out_with_a_warning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """As root no folder is unreadable, so the refusal is simulated where briefgen looks (test_hostile.py
    runs the real thing when not root)."""
    import briefgen.config as config

    folder = tmp_path / "templates"
    folder.mkdir()
    write(folder, "mine.toml", 'extends = "default"\n')
    monkeypatch.setenv("BRIEFGEN_TEMPLATES", str(folder))
    real = config.path_kind
    monkeypatch.setattr(config, "path_kind",
                        lambda p: "permission denied" if folder in (Path(p), Path(p).parent) else real(p))
    assert "mine" not in list_templates() and "default" in list_templates()
    assert any("template folder" in r.getMessage() and "permission denied" in r.getMessage()
               for r in caplog.records)
    with pytest.raises(ConfigError, match=r"^mine: no such template"):
        load_template("mine")
    assert load_template("default").name == "default"


def test_issue22_template_limits(tmp_path: Path) -> None:
    chain = write(tmp_path, "t0.toml", 'extends = "default"\n')
    for i in range(1, 40):
        chain = write(tmp_path, f"t{i}.toml", f'extends = "t{i - 1}.toml"\n')
    with pytest.raises(ConfigError, match=r"t39\.toml: extends a chain of more than 32 templates"):
        load_template(chain)
    bad = write(tmp_path, "date.toml", 'extends = "default"\n[memo]\ndate = 2026-02-30\n')
    with pytest.raises(ConfigError, match=r"date\.toml: invalid TOML"):
        load_template(bad)
    deep = write(tmp_path, "deep.toml", "x = " + "[" * 3000 + "]" * 3000 + "\n")
    with pytest.raises(ConfigError, match=r"deep\.toml: invalid TOML"):
        load_template(deep)
    (tmp_path / "latin.toml").write_bytes(b'name = "caf\xe9"\n')
    with pytest.raises(ConfigError, match=r"latin\.toml: not UTF-8 text \(at byte 12\)"):
        load_template(tmp_path / "latin.toml")
    big = write(tmp_path, "big.toml", "# " + "x" * (1024 * 1024) + "\n")
    with pytest.raises(ConfigError, match=r"big\.toml: template is 1,048,579 bytes \(limit 1,048,576\)"):
        load_template(big)


def test_cues_are_checked(tmp_path: Path) -> None:
    good = write(tmp_path, "good.toml", """[[sections]]
key = "next"
keywords = ["deadline"]
cues = ["future", "future"]
""")
    assert load_template(good).sections[0].cues == ("future",)
    bad = write(tmp_path, "bad.toml", """[[sections]]
key = "next"
keywords = ["deadline"]
cues = ["tomorrow"]
[[sections]]
key = "other"
catch_all = true
cues = ["quote"]
""")
    with pytest.raises(ConfigError) as err:
        load_template(bad)
    msg = str(err.value)
    assert "[sections.next].cues must list only future, quote (got 'tomorrow')" in msg
    assert "[sections.other] is the catch-all" in msg
