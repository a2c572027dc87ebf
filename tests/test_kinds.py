"""Choosing a template by how well the facts fit it (briefgen.select.kinds, pipeline.choose_template)."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.config import load_template
from briefgen.model import Fact, SectionSpec
from briefgen.pipeline import analyse, build_briefing, choose_template, run
from briefgen.render.jsonout import briefing_dict
from briefgen.render.markdown import markdown_text
from briefgen.select.kinds import choose_kind, importance
from tests.conftest import SEEDS, make_fact, make_sentences

# Articles written for these tests (no benchmark text): two outlets on a fire, two on a trial.
FIRE = [
    "A fire swept through a crowded nightclub in the port city late on Friday, killing 41 people and "
    "injuring more than 100, officials said.\n\n"
    "Firefighters and rescue workers searched the gutted building through the night for survivors.\n\n"
    "Investigators said the cause of the blaze was not yet known, but witnesses said fireworks set the "
    "ceiling alight.\n\n"
    "The club had only one emergency exit, and safety inspectors had warned the owners last year.",
    "At least 41 people died and dozens were injured when fire tore through a nightclub on Friday night.\n\n"
    "Hospitals appealed for blood donations as the injured were treated for burns.\n\n"
    "The mayor declared three days of mourning and promised an investigation into safety violations.\n\n"
    "Many of the victims were teenagers trapped near the single exit.",
]
TRIAL = [
    "A former finance minister went on trial on Monday accused of taking bribes worth $4 million.\n\n"
    "Prosecutors told the court that documents seized in a raid showed payments into his accounts.\n\n"
    "His lawyers said he would plead not guilty and accused the prosecutors of a political vendetta.\n\n"
    "If convicted, he faces up to 15 years in prison; the judge is expected to rule next month.",
    "The corruption trial of the former minister opened in the capital's high court on Monday.\n\n"
    "He was arrested in March and has been held in custody since, after a judge refused bail.\n\n"
    "A key witness is expected to testify that the minister demanded the bribes.\n\n"
    "Opposition lawmakers welcomed the trial as a test of the government's promise to fight corruption.",
]

FIRE_SECTIONS = (
    SectionSpec("toll", "Toll", keywords=("killed", "injured", "victims", "dead")),
    SectionSpec("cause", "Cause", keywords=("cause", "investigators", "fire exits")),
)
SUMMIT_SECTIONS = (
    SectionSpec("talks", "Talks", keywords=("summit", "leaders", "talks")),
    SectionSpec("ceremony", "Ceremony", keywords=("ceremony", "dinner", "gifts")),
)


def fire_facts() -> list[Fact]:
    texts = ["Fire killed 12 people and injured 40 at the market.",
             "Investigators are looking into the cause of the fire.",
             "Victims were taken to three hospitals.",
             "The weather was mild on Saturday."]
    return [make_fact(t, fid=f"f{i}") for i, t in enumerate(texts)]


def test_the_template_the_facts_fit_best_is_chosen() -> None:
    candidates = [("summit", SUMMIT_SECTIONS), ("fire", FIRE_SECTIONS)]
    choice = choose_kind(fire_facts(), candidates, prefer="summit")
    assert choice.name == "fire"
    assert [f.name for f in choice.fits] == ["fire", "summit"]
    assert choice.fit("summit") is not None and choice.fit("summit").score == 0.0
    assert choice.fit("fire").score > 0.2
    assert dict(choice.fit("fire").sections)["toll"] > dict(choice.fit("fire").sections)["cause"] > 0
    assert "fire" in choice.reason and "fits best" in choice.reason
    assert choice.facts == 4


def test_the_preferred_template_wins_when_it_fits_about_as_well() -> None:
    # The same words in two templates: a tie, which the preferred one wins whatever the order.
    twin = tuple(SectionSpec(s.key, s.title, keywords=s.keywords) for s in FIRE_SECTIONS)
    for candidates in ([("a", FIRE_SECTIONS), ("default", twin)], [("default", twin), ("a", FIRE_SECTIONS)]):
        choice = choose_kind(fire_facts(), candidates)
        assert choice.name == "default"
    # Fitting well but clearly worse than the best is not enough.
    weak = (SectionSpec("toll", "Toll", keywords=("hospitals",)),)
    assert choose_kind(fire_facts(), [("default", weak), ("a", FIRE_SECTIONS)]).name == "a"


def test_nothing_to_fit_keeps_the_preferred_template() -> None:
    assert choose_kind([], [("a", FIRE_SECTIONS), ("default", SUMMIT_SECTIONS)]).name == "default"
    plain = [make_fact("The weather was mild on Saturday.")]
    choice = choose_kind(plain, [("a", FIRE_SECTIONS), ("default", SUMMIT_SECTIONS)])
    assert choice.name == "default" and "no fact" in choice.reason
    assert choose_kind(plain, []).name == "default"


def test_importance_favours_facts_many_sources_report_near_the_top() -> None:
    lead = make_fact("Lead.", sources=("s1", "s2", "s3"))
    one = make_fact("Lead of one source.")
    deep = make_sentences(*[f"Sentence {i}." for i in range(30)])[-1]
    late = Fact(id="f9", text=deep.text, sentences=(deep,), sources=("s1",))
    w = importance([lead, one, late])
    assert w[0] > w[1] > w[2] > 0


def test_only_the_most_important_facts_decide() -> None:
    facts = fire_facts()
    # Hundreds of summit facts, each from one source deep in its article, do not outweigh the fire.
    deep = make_sentences(*[f"Leaders met for talks at the summit, number {i}." for i in range(300)])
    summit = [Fact(id=f"g{i}", text=s.text, sentences=(s,), sources=("s9",))
              for i, s in enumerate(deep[100:])]
    lead = [replace(f, sources=("s1", "s2", "s3"), independent=3) for f in facts]
    choice = choose_kind([*lead, *summit], [("summit", SUMMIT_SECTIONS), ("fire", FIRE_SECTIONS)], sample=4)
    assert choice.name == "fire" and choice.facts == 4


@pytest.mark.parametrize(("texts", "kind"), [(FIRE, "disaster"), (TRIAL, "legal")])
def test_packaged_templates_fit_their_kind_of_news(texts: list[str], kind: str) -> None:
    tpl, choice = choose_template(analyse(texts=texts).facts)
    assert choice is not None and tpl.name == choice.name == kind
    assert {f.name for f in choice.fits} >= {"default", "disaster", "legal", "election", "general"}


def test_the_sample_keeps_default_and_its_four_sections() -> None:
    done = run(SEEDS)
    assert done.template.name == "default" and done.kind is not None and done.kind.name == "default"
    assert [s.key for s in done.briefing.sections] == ["history", "economy", "security", "ceremony"]
    assert all(s.facts for s in done.briefing.sections)
    assert done.briefing.style.template == "default"


def test_a_named_template_always_wins() -> None:
    done = run(texts=FIRE, template="default")
    assert done.kind is None and done.template.name == "default"
    assert done.briefing.style.template == "default"


def test_the_choice_names_the_briefing_and_its_json(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="briefgen"):
        briefing = build_briefing(texts=FIRE)
    assert briefing.style.template == "disaster"
    assert briefing_dict(briefing)["template"] == "disaster"
    assert any(r.getMessage().startswith("template disaster: disaster ") for r in caplog.records)
    keys = [s.key for s in briefing.sections]
    assert keys[-1] == "other" and "casualties" in keys
    assert "## Casualties and damage" in markdown_text(briefing)


def test_auto_chooses_among_the_users_templates_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The disaster template and a section more, for what a nightclub fire adds.
    (tmp_path / "nightclub.toml").write_text("""extends = "disaster"
name = "nightclub"
use_when = "a fire in a nightclub"
[[sections]]
key = "other"
title = "Also reported"
[[sections]]
key = "club"
title = "The club"
keywords = ["nightclub", "club", "owners", "teenagers", "mourning", "blood", "hospitals", "mayor"]
examples = ["Hospitals appealed for blood donations as the injured were treated for burns.",
            "The mayor declared three days of mourning and promised an investigation into safety violations."]
""", encoding="utf-8")
    monkeypatch.setenv("BRIEFGEN_TEMPLATES", str(tmp_path))
    facts = analyse(texts=FIRE).facts
    assert choose_template(facts)[0].name == "disaster"  # packaged templates only
    tpl, choice = choose_template(facts, "auto")
    assert tpl.name == "nightclub" and choice is not None and choice.fit("disaster") is not None
    # A broken template of the user's is left out of the choice, with a warning.
    (tmp_path / "broken.toml").write_text("[[sections]]\nkey = 3\n", encoding="utf-8")
    assert choose_template(facts, "auto")[0].name == "nightclub"


def test_a_users_template_of_a_packaged_name_replaces_it(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "legal.toml").write_text('extends = "legal"\nname = "legal"\n[memo]\nto = "Counsel"\n',
                                         encoding="utf-8")
    monkeypatch.setenv("BRIEFGEN_TEMPLATES", str(tmp_path))
    tpl, _ = choose_template(analyse(texts=TRIAL).facts)
    assert tpl.name == "legal" and tpl.memo.to == "Counsel"


def test_every_packaged_template_but_default_ends_with_other_developments() -> None:
    from briefgen.resources import templates_dir

    names = sorted(p.stem for p in templates_dir().glob("*.toml"))
    assert len(names) == 9
    for name in names:
        tpl = load_template(name)
        assert tpl.use_when, name
        if name == "default":
            assert tpl.catch_all is None
            continue
        last = tpl.sections[-1]
        assert last.catch_all and last.key == "other" and last.title == "Other developments", name
        assert last is tpl.catch_all and len(tpl.sorted_sections) == 4


# --- nothing forced: sections only for what fits, a catch-all for the rest ---------------------

def _template(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_catch_all_prints_the_best_facts_that_fit_no_section(tmp_path: Path) -> None:
    path = _template(tmp_path, """name = "t"
[bluf]
facts = 1
[[sections]]
key = "toll"
title = "Toll"
keywords = ["killed", "died", "injured", "victims", "dead"]
[[sections]]
key = "other"
title = "Other developments"
catch_all = true
facts = 2
words = 60
""")
    done = run(texts=FIRE, template=path)
    keys = [s.key for s in done.briefing.sections]
    assert keys == ["toll", "other"]
    other = done.briefing.sections[1]
    unfit = {f.id for f in done.selection.other}
    assert 1 <= len(other.facts) <= 2 and sum(len(f.text.split()) for f in other.facts) <= 60
    assert all(f.id in unfit and f.section == "other" for f in other.facts)
    assert not {f.id for f in other.facts} & {f.id for f in done.briefing.sections[0].facts}
    assert not {f.id for f in other.facts} & {f.id for f in done.briefing.bluf}
    assert "## Other developments" in markdown_text(done.briefing)


def test_a_section_nothing_fits_is_left_out_or_says_so(tmp_path: Path) -> None:
    path = _template(tmp_path, """name = "t"
[[sections]]
key = "toll"
title = "Toll"
keywords = ["killed", "died", "injured", "victims"]
[[sections]]
key = "weather"
title = "Weather"
keywords = ["snowfall", "blizzard"]
if_empty = "No reporting on {title}."
[[sections]]
key = "markets"
title = "Markets"
keywords = ["stocks", "bonds"]
""")
    briefing = build_briefing(texts=FIRE, template=path)
    by_key = {s.key: s for s in briefing.sections}
    assert by_key["weather"].facts == () and by_key["weather"].intro == "No reporting on weather."
    assert by_key["markets"].facts == () and by_key["markets"].intro is None
    text = markdown_text(briefing)
    assert "## Weather" in text and "No reporting on weather." in text
    assert "## Markets" not in text and "## Toll" in text


def test_a_warning_when_most_printed_facts_fit_no_section(tmp_path: Path,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    path = _template(tmp_path, """name = "t"
[[sections]]
key = "weather"
title = "Weather"
keywords = ["snowfall", "blizzard"]
[[sections]]
key = "other"
title = "Other developments"
catch_all = true
""")
    with caplog.at_level(logging.WARNING, logger="briefgen"):
        run(texts=FIRE, template=path)
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("fit no section of template t" in m for m in warned), warned
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="briefgen"):
        run(texts=FIRE)
    assert not [r for r in caplog.records if "fit no section" in r.getMessage()]
