"""Outlet names: the packaged table, the user's additions, and the name the memo prints (issue 21)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.config import list_templates
from briefgen.errors import ConfigError
from briefgen.sources.load import load_sources
from briefgen.sources.outlets import outlet_name, outlet_table

LEAD = ("The leaders of the two countries met in the capital on Tuesday and agreed to expand cooperation "
        "on supply chains, the spokesman said after the talks.\n")


@pytest.fixture(autouse=True)
def _no_user_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "user-templates"
    monkeypatch.setenv("BRIEFGEN_TEMPLATES", str(folder))
    return folder


@pytest.mark.parametrize(("written", "shown"), [
    ("대한민국 정책브리핑 (korea.kr)", "Korea.kr (대한민국 정책브리핑)"),  # credit in Korean script
    ("대한민국 정책브리핑", "Korea.kr (대한민국 정책브리핑)"),
    ("연합뉴스", "Yonhap News Agency (연합뉴스)"),
    ("Yonhap News Agency", "Yonhap News Agency"),  # credit in Latin script: the Latin name alone
    ("The Associated Press", "Associated Press"),
    ("AP", "Associated Press"),
    ("en.yna.co.kr", "Yonhap News Agency"),  # a subdomain
    ("www.aljazeera.com", "Al Jazeera"),
    ("Korea Kr", "Korea.kr"),  # a file name's words: "korea-kr-2026-01-14-....txt"
    ("NYT", "The New York Times"),
    ("mercury news", "The Mercury News"),
    ("Some Local Paper", "Some Local Paper"),  # unknown: kept as written
])
def test_known_outlets_are_named_as_the_table_says(written: str, shown: str) -> None:
    assert outlet_name(written) == shown


def test_an_unknown_outlet_in_another_script_gets_a_latin_form_beside_it() -> None:
    assert outlet_name("어느 지역 신문 (localpaper.kr)") == "localpaper.kr (어느 지역 신문)"
    assert outlet_name("어느 지역 신문", latin="localpaper.kr") == "localpaper.kr (어느 지역 신문)"
    assert outlet_name("어느 지역 신문") == "어느 지역 신문"  # no Latin form known: nothing invented


def test_the_users_outlets_file_adds_and_wins(_no_user_folder: Path, tmp_path: Path) -> None:
    _no_user_folder.mkdir()
    (_no_user_folder / "outlets.toml").write_text(
        '[[outlet]]\nname = "Nara Shimbun"\nnative = "奈良新聞"\ndomains = ["nara-np.co.jp"]\n\n'
        '[[outlet]]\nname = "Yonhap"\nforms = ["Yonhap News Agency"]\n', encoding="utf-8")
    assert outlet_name("奈良新聞") == "Nara Shimbun (奈良新聞)"
    assert outlet_name("Yonhap News Agency") == "Yonhap"  # the user's entry wins over the packaged one
    assert outlet_table().lookup("www.nara-np.co.jp") is not None
    # Read through the pipeline's loader as well: a credit line names the outlet.
    article = tmp_path / "story.txt"
    article.write_text(LEAD + "\n[출처] 奈良新聞 (www.nara-np.co.jp)\n", encoding="utf-8")
    (src,), _ = load_sources([article])
    assert (src.outlet, src.provenance.outlet) == ("Nara Shimbun (奈良新聞)", "found")
    # The outlets file is data, not a template.
    assert "outlets" not in list_templates()


def test_an_invalid_users_outlets_file_is_one_clear_error(_no_user_folder: Path) -> None:
    _no_user_folder.mkdir()
    (_no_user_folder / "outlets.toml").write_text('[[outlet]]\nname = ""\ndomains = "x.com"\n',
                                                  encoding="utf-8")
    with pytest.raises(ConfigError, match=r"outlets\.toml: outlet #1: name must be a non-empty string"):
        outlet_table()


def test_the_packaged_table_names_every_outlet_once() -> None:
    table = outlet_table()
    names = [o.name for o in table.outlets]
    assert len(names) == len(set(names)) >= 80
    for outlet in table.outlets:
        assert outlet.name == outlet.name.strip() and any(c.isascii() and c.isalpha() for c in outlet.name)
        assert table.lookup(outlet.name) is outlet
        for domain in outlet.domains:
            assert table.lookup(domain) is outlet, domain
