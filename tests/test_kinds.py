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
from briefgen.select.kinds import (
    EVIDENCE_WEIGHT,
    FALLBACK_BAR,
    choose_kind,
    importance,
    kind_terms,
    lead_evidence,
)
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


# --- the kind's event vocabulary, read in the sources' openings (issue 20) ----------------------

# Articles written for these tests (no benchmark text).
STUDY = [
    "Teenagers who play team sports are less likely to report anxiety, a new study has found.\n\n"
    "Researchers followed 4,200 pupils at 30 schools for three years.\n\n"
    "Pupils who trained at least twice a week reported a third less worry than those who did not.\n\n"
    "The team began the work after a shooting at one of the schools, in which a gunman killed two pupils "
    "and injured four.\n\n"
    "Police and soldiers guarded the schools for weeks after the attack, the authors wrote.\n\n"
    "Pupils who played sport after the shooting recovered faster, the researchers said.",
    "Playing sport protects teenagers' mental health, according to research published on Monday.\n\n"
    "The researchers surveyed pupils every six months about sleep, mood and worry.\n\n"
    "The benefit was largest for girls and for pupils from poorer families.\n\n"
    "Those at the school where the gunman opened fire reported the most anxiety, and the attack "
    "left many afraid to return to class.\n\n"
    "Armed police officers were posted at the gates for a month after the shooting.\n\n"
    "Other experts said the findings were encouraging but that the study could not prove cause and effect.",
]
MURDER_TRIAL = [
    "A man accused of murdering his neighbour over a parking space went on trial on Tuesday.\n\n"
    "Prosecutors told the jury that he stabbed the victim eleven times after an argument in the street.\n\n"
    "His lawyer said he acted in self-defence and would plead not guilty to the murder charge.\n\n"
    "The victim's sister told the court she had warned police about threats weeks before.\n\n"
    "The prosecution said the defendant had crashed his car into the victim's fence a month earlier.",
    "The murder trial of a 45-year-old man charged with killing his neighbour opened in the county court.\n\n"
    "The judge told jurors the case would last two weeks.\n\n"
    "Police arrested the defendant at his home an hour after the stabbing.\n\n"
    "If convicted he faces life in prison.",
]
CRASH = [
    "A passenger train derailed and crashed into a river bank on Sunday, killing at least 23 people and "
    "injuring more than 80, officials said.\n\n"
    "Rescue workers cut through the wreckage of three carriages to reach survivors.\n\n"
    "The cause of the crash was not yet known; investigators were examining the track.\n\n"
    "Hospitals in the region called in extra staff to treat the injured.",
    "At least 23 people died when a train left the rails near a bridge on Sunday morning.\n\n"
    "Survivors described being thrown from their seats as the carriages overturned.\n\n"
    "The railway operator said the train was travelling below the speed limit.\n\n"
    "The transport minister visited the site and promised a full inquiry.",
]


JOBS_REPORT = [
    "The U.S. economy added 209,000 jobs in July, according to government data released on Friday, "
    "more than economists had expected.\n\n"
    "The unemployment rate ticked down to 4.3 percent, and wages rose 2.5 percent from a year earlier.\n\n"
    "Stocks opened higher after the report.",
    "Employers kept hiring at a solid pace in July, the Labor Department said on Friday.\n\n"
    "Nonfarm payrolls rose by 209,000 and the jobless rate fell to 4.3 percent, its lowest in 16 years.\n\n"
    "The report makes an interest rate increase by the Federal Reserve in the autumn more likely.",
]


@pytest.mark.parametrize(("texts", "kind"),
                         [(STUDY, "general"), (MURDER_TRIAL, "legal"), (CRASH, "disaster"),
                          # An economic figure is a business story (issue 20); Multi-News 00164.
                          (JOBS_REPORT, "business")])
def test_the_kind_the_sources_open_with_is_chosen(texts: list[str], kind: str) -> None:
    tpl, choice = choose_template(analyse(texts=texts).facts)
    assert choice is not None and tpl.name == choice.name == kind, choice.reason
    if kind == "general":
        # The shooting the study began with is told after the openings: the sections of conflict
        # fit the facts best (the choice by fit alone was conflict), but no source opens with it.
        conflict, general = choice.fit("conflict"), choice.fit("general")
        assert conflict is not None and general is not None
        assert conflict.score > general.score and conflict.evidence == 0.0
    else:
        assert choice.fit(kind).evidence > FALLBACK_BAR


def test_lead_evidence_counts_the_openings_of_every_source() -> None:
    facts = analyse(texts=MURDER_TRIAL).facts
    found = lead_evidence(facts)
    assert set(found) >= {"legal", "disaster", "conflict", "business", "election", "policy"}
    assert found["legal"] == 1.0  # both openings name three or more words of a trial
    assert found["disaster"] == 0.0  # the crash is in the fifth sentence of one article
    assert lead_evidence(facts, lead=5)["disaster"] > 0
    # One source of two opening with the kind's words counts half.
    one = [make_fact("Prosecutors said the jury would hear from the judge.", sources=("a",)),
           make_fact("The weather was mild on Saturday.", sources=("b",))]
    one = [replace(f, sentences=(replace(f.sentences[0], source_id=f.sources[0]),)) for f in one]
    assert lead_evidence(one)["legal"] == pytest.approx(0.5)
    assert lead_evidence([])["legal"] == 0.0


def test_the_vocabulary_matches_whole_words_phrases_and_stems() -> None:
    legal, disaster = kind_terms()["legal"], kind_terms()["disaster"]
    assert legal.search("He was indicted on Friday") and legal.search("the Indictment")
    assert not legal.search("a courteous reply")  # court* matches words it begins, not any word
    assert disaster.search("the  death\ntoll rose") and not disaster.search("deathly quiet")
    assert not kind_terms()["election"].search("electric cars")


def test_general_is_kept_unless_another_kind_makes_a_clearer_case() -> None:
    twin = tuple(SectionSpec(s.key, s.title, keywords=s.keywords) for s in FIRE_SECTIONS)
    candidates = [("fire", FIRE_SECTIONS), ("general", twin)]
    # Equal fits: the fire's evidence decides against the bar the fallback is given.
    weak = choose_kind(fire_facts(), candidates, evidence={"fire": 0.3}, fallback="general", bar=0.6)
    strong = choose_kind(fire_facts(), candidates, evidence={"fire": 0.9}, fallback="general", bar=0.6)
    assert weak.name == "general" and "no other kind's vocabulary" in weak.reason
    assert strong.name == "fire"
    assert strong.fit("fire").total == pytest.approx(strong.fit("fire").score + EVIDENCE_WEIGHT * 0.9)
    assert strong.fit("general").evidence == 0.6
    # A candidate without a vocabulary is given the bar too: it competes on its fit alone.
    assert choose_kind(fire_facts(), candidates, evidence={}, fallback="general").name == "fire"


def test_the_openings_of_a_large_batch_are_sampled_evenly() -> None:
    # A batch past SAMPLE_SOURCES reads an even sample of its sources' openings: the mean holds.
    from briefgen.select.kinds import SAMPLE_SOURCES, lead_evidence
    from tests.conftest import make_fact

    crash = "A train crash killed 12 people and injured 40 on Monday."
    other = "The city council met on Monday to discuss the budget."
    facts = [make_fact(crash if k % 3 == 0 else other, sources=(f"s{k}",), fid=f"f{k}")
             for k in range(4 * SAMPLE_SOURCES)]
    small = facts[:30]
    assert lead_evidence(small)["disaster"] == pytest.approx(1 / 3)
    assert lead_evidence(facts)["disaster"] == pytest.approx(1 / 3)


# --- senses and support words of the vocabulary (issue 20, pooled Multi-News errors) ---------

def test_a_word_in_another_sense_is_no_evidence_of_the_kind() -> None:
    conflict, disaster, legal = (kind_terms()[k] for k in ("conflict", "disaster", "legal"))
    assert conflict.search("Rebels launched an attack on the army base at dawn.")
    assert not conflict.search("The swimmer survived a shark attack on Saturday.")
    assert not conflict.search("He died of a heart attack at home.")
    assert not conflict.search("Archaeologists dug a new pit of the terracotta army.")
    assert disaster.search("A fire swept through the market.")
    assert not disaster.search("The man opened fire outside a bar.")
    assert legal.search("The trial of the former mayor opened on Monday.")
    assert not legal.search("The drug failed in a clinical trial.")


def test_support_words_count_only_where_a_source_names_the_event() -> None:
    def opening(text: str, source: str) -> Fact:
        f = make_fact(text, sources=(source,), fid=source)
        return replace(f, sentences=(replace(f.sentences[0], source_id=source),))

    deaths = [opening("Heart disease killed 600,000 people last year; most deaths were preventable.", "a"),
              opening("Doctors said many of the dead had high blood pressure.", "b")]
    assert lead_evidence(deaths)["disaster"] == 0.0  # deaths, but no quake, crash or flood
    quake = [opening("An earthquake struck the coast on Monday.", "a"),
             opening("Rescuers said 600 people were killed and the dead lay in the streets.", "b")]
    # The quake named in one opening makes the other's rescuers and dead the disaster's: 1/3 and 3/3.
    assert lead_evidence(quake)["disaster"] == pytest.approx(2 / 3)
    assert lead_evidence(quake[1:])["disaster"] == 0.0
    assert kind_terms()["disaster"].found("Rescuers said 600 were killed.") == (set(), {"rescuers", "killed"})


SHARK = [
    "A young doctor stitched up his own leg after a shark attack while he was fishing off the coast on "
    "Saturday.\n\n"
    "The shark bit his calf and let go when he hit it, he told reporters from his hospital bed.\n\n"
    "He said he had learnt to sew wounds at medical school and was glad to have had the kit with him.\n\n"
    "Sharks of that kind are common in the bay but rarely bite people, a marine biologist said.",
    "A doctor who was bitten by a shark calmly sewed up the wound himself before his friends drove him "
    "to hospital.\n\n"
    "He had been spearfishing in shallow water when the shark attacked him.\n\n"
    "Doctors at the hospital praised his neat stitches, and he expects to be back at work next week.\n\n"
    "His friends said he joked about the attack all the way to the hospital.",
]
PHONE_CALL = [
    "The president spoke by phone with his Russian counterpart on Tuesday, the first call between the two "
    "leaders since relations between the two countries fell to a low.\n\n"
    "The two leaders discussed the war in Syria and agreed their foreign ministers would meet.\n\n"
    "The White House called the conversation constructive.\n\n"
    "A visit to Moscow was discussed but no date was set.",
    "The two presidents held a telephone conversation on Tuesday and agreed to work on a meeting.\n\n"
    "The Kremlin said the leaders had discussed bilateral relations, trade and the fight against "
    "terrorism.\n\n"
    "Both sides described the call as businesslike.\n\n"
    "The two leaders last met at a summit in July.",
]


@pytest.mark.parametrize(("texts", "kind"), [(SHARK, "general"), (PHONE_CALL, "default")])
def test_senses_and_bilateral_words_decide_real_choices(texts: list[str], kind: str) -> None:
    tpl, choice = choose_template(analyse(texts=texts).facts)
    assert choice is not None and tpl.name == kind, choice.reason
    if kind == "general":
        assert choice.fit("conflict").evidence == 0.0  # a shark's attack is no armed attack


DIG = [
    "Archaeologists have begun a new excavation at the ancient tomb of the first emperor, where an army "
    "of clay soldiers has stood guard for 2,200 years.\n\n"
    "The museum said the dig would uncover hundreds more life-size warriors, some still holding their "
    "bronze weapons.\n\n"
    "The figures were found by farmers digging a well in 1974.\n\n"
    "Researchers hope to learn how the statues were painted before the colours faded.",
    "A second pit of the ancient clay army will be excavated over the next five years, archaeologists "
    "announced on Thursday.\n\n"
    "Each soldier has its own face, and the ranks are arranged as if for battle.\n\n"
    "The excavation will cover 200 square metres, and the finds will go on show at the museum.\n\n"
    "Scientists will study traces of paint on the figures.",
]


def test_the_fallbacks_own_words_raise_its_bar() -> None:
    # An excavation of ancient clay soldiers: the conflict template's sections fit its soldiers,
    # weapons and battle, and its openings name soldiers, but they open with archaeology.
    tpl, choice = choose_template(analyse(texts=DIG).facts)
    assert choice is not None and tpl.name == "general", choice.reason
    general = choice.fit("general")
    assert general is not None and general.evidence is not None and general.evidence > FALLBACK_BAR
    candidates = [("fire", FIRE_SECTIONS), ("general", FIRE_SECTIONS)]
    plain = choose_kind(fire_facts(), candidates, evidence={"fire": 0.7}, fallback="general", bar=0.6)
    told = choose_kind(fire_facts(), candidates, evidence={"fire": 0.7, "general": 0.5}, fallback="general",
                       bar=0.6)
    assert plain.name == "fire" and told.name == "general"
    assert told.fit("general").evidence == pytest.approx(0.6 + 0.4 * 0.5)


HOME_INVASION = [
    "A homeowner's son shot dead two men who broke into the family's house on Monday, the county "
    "sheriff's office said.\n\n"
    "Deputies said the son was armed with a rifle and fired when the intruders forced open the back "
    "door in a home invasion.\n\n"
    "A third suspect, who waited in a getaway car, was arrested hours later and charged with burglary.\n\n"
    "Prosecutors said the son was unlikely to face charges because he had defended his home.",
    "Two suspected burglars were shot and killed during a home invasion in a rural county on Monday.\n\n"
    "The sheriff said the 19-year-old resident fired several shots after the men broke in.\n\n"
    "Police arrested the alleged getaway driver, who now faces murder charges under state law.\n\n"
    "Neighbours said there had been several burglaries in the area this year.",
]


def test_an_ordinary_crime_with_a_shooting_is_legal_not_conflict() -> None:
    # A home invasion is no invasion of a country; the burglary, arrest and charges name a crime.
    tpl, choice = choose_template(analyse(texts=HOME_INVASION).facts)
    assert choice is not None and tpl.name == "legal", choice.reason
    conflict = choice.fit("conflict")
    assert conflict is not None and conflict.evidence == 0.0


def test_a_users_template_extending_general_competes_on_its_fit(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # The fallback's own words raise general's bar only: a user's template of its kind gets the bar.
    (tmp_path / "science.toml").write_text('extends = "general"\nname = "science"\n', encoding="utf-8")
    monkeypatch.setenv("BRIEFGEN_TEMPLATES", str(tmp_path))
    facts = analyse(texts=DIG).facts
    tpl, choice = choose_template(facts, "auto")
    assert choice is not None
    science, general = choice.fit("science"), choice.fit("general")
    assert science is not None and general is not None
    assert science.evidence == FALLBACK_BAR
    assert general.evidence is not None and general.evidence > FALLBACK_BAR
    assert tpl.name == "general"  # the same sections, a higher bar
