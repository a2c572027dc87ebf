"""The bottom line's order: what the most independent reports lead with comes first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefgen.model import Fact, Sentence
from briefgen.select.choice import Choice
from briefgen.select.lead import background, lead_consensus, lead_first, news_first

FACE = "An eerie face appeared on a satellite image of Hurricane Matthew as it crossed Haiti on Tuesday."
SLAMMED = "Hurricane Matthew slammed into Cuba on Tuesday night after leaving Haiti in total disaster."
HIT = "Hurricane Matthew hit eastern Cuba late Tuesday with winds of 140 mph after battering Haiti."
TWITTER = "The resemblance was first pointed out on Twitter by a senior meteorologist."
WAVES = "Waves of 24 feet hit some areas of Cuba as the storm marched across the country."


def _fact(fid: str, text: str, where: list[tuple[str, int]], score: float) -> Fact:
    sents = tuple(Sentence(text=text, source_id=s, index=i, start=0, end=len(text)) for s, i in where)
    srcs = tuple(s for s, _ in where)
    return Fact(id=fid, text=text, sentences=sents, sources=srcs, independent=len(srcs), score=score)


FACTS = [
    _fact("f1", FACE, [("s1", 3)], 9.0),  # colour, rich in the coverage's words, deep in one article
    _fact("f2", SLAMMED, [("s2", 0)], 7.0),  # the news, one report's lead
    _fact("f3", HIT, [("s3", 0)], 5.0),  # the news in other words, another report's lead
    _fact("f4", TWITTER, [("s1", 0)], 4.0),  # the colour article's own lead
    _fact("f5", WAVES, [("s2", 4)], 3.0),
]


def test_the_fact_most_reports_lead_with_scores_highest() -> None:
    face, slammed, twitter = lead_consensus([FACTS[0], FACTS[1], FACTS[3]], FACTS)
    assert slammed > twitter > face
    assert slammed > 1.0  # its own report's lead, and like the third report's


def test_the_bottom_line_opens_with_the_news_not_the_colour_it_scored_higher() -> None:
    choice = Choice(tuple(FACTS), (0, 1, 3))  # score order: the face first
    assert [f.text for f in lead_first(choice, FACTS).facts] == [SLAMMED, TWITTER, FACE]
    # What the bottom line holds does not change, and one fact is left as it is.
    assert set(lead_first(choice, FACTS).chosen) == {0, 1, 3}
    assert lead_first(Choice(tuple(FACTS), (0,)), FACTS).chosen == (0,)


def test_copies_of_one_wire_report_lead_once() -> None:
    # The same agency story printed by two outlets is one report (Fact.independent == 1): its lead
    # counts once, against a fact two independent reports lead with in their own words.
    wire = _fact("w", WAVES, [("s1", 0), ("s2", 0)], 9.0)
    wire = Fact(id=wire.id, text=wire.text, sentences=wire.sentences, sources=wire.sources, independent=1,
                score=wire.score)
    facts = [wire, _fact("a", SLAMMED, [("s3", 0)], 5.0), _fact("b", HIT, [("s4", 0)], 4.0)]
    copies, slammed = lead_consensus([facts[0], facts[1]], facts)
    assert slammed > copies
    assert [f.text for f in lead_first(Choice(tuple(facts), (0, 1)), facts).facts] == [SLAMMED, WAVES]


def test_a_sentence_that_leans_on_another_still_prints_right_after_it() -> None:
    leaning = "It then weakened over the mountains of eastern Cuba late on Tuesday night."
    facts = [
        _fact("f1", FACE, [("s1", 3)], 9.0),
        _fact("f2", WAVES, [("s1", 4)], 2.0),  # the antecedent of f3, deep in its article
        _fact("f3", leaning, [("s1", 5)], 8.0),
        _fact("f4", SLAMMED, [("s2", 0)], 7.0),
        _fact("f5", HIT, [("s3", 0)], 5.0),
    ]
    printed = [f.text for f in lead_first(Choice(tuple(facts), (0, 2, 1, 3)), facts).facts]
    assert printed[0] == SLAMMED
    assert printed.index(leaning) == printed.index(WAVES) + 1


def test_a_story_read_from_its_middle_has_no_lead() -> None:
    # Multi-News 00140: one page began "Mr. Choi was a naturalized australian citizen ...", a second
    # reference; its first sentences led the bottom line before the agency's lead.
    choi = "Mr. Choi was a naturalized Australian citizen who had lived in the country for 30 years."
    charged = "A Sydney man was charged on Sunday with acting as an economic agent for North Korea."
    agent = "Police said the Sydney man acted as an economic agent for North Korea's weapons sales."
    facts = [_fact("c", choi, [("s1", 0)], 9.0), _fact("a", charged, [("s2", 0)], 5.0),
             _fact("b", agent, [("s3", 4)], 4.0)]
    midway, lead = lead_consensus(facts[:2], facts)
    assert midway < 1.0 < lead + 1e-9
    assert [f.text for f in lead_first(Choice(tuple(facts), (0, 1)), facts).facts] == [charged, choi]
    # Named in full, the same person opens a lead.
    full = _fact("c", "Dr. Jane Smith, an Australian citizen, was charged on Sunday.", [("s1", 0)], 9.0)
    assert lead_consensus([full], [full, *facts[1:]])[0] >= 1.0


def test_a_fact_that_opens_on_the_past_comes_after_the_news_whatever_the_leads() -> None:
    # Two reports lead with the dig's history; one leads with the news. The history still goes last.
    found = "Workers digging a well outside Xi'an in 1974 struck upon the terracotta army of the Qin emperor."
    dig = "China launched a new excavation of the terracotta army's second pit on Thursday in 2015."
    history = "In 1974 farmers near Xi'an found the first pit of the terracotta army of the Qin emperor."
    facts = [_fact("a", found, [("s1", 0)], 9.0), _fact("b", dig, [("s2", 0)], 5.0),
             _fact("c", history, [("s3", 0)], 4.0)]
    assert [f.text for f in lead_first(Choice(tuple(facts), (0, 1)), facts).facts] == [dig, found]
    # When 1974 is the latest year the coverage names, it is the present: leads decide.
    undated = [_fact("b", dig.replace(" in 2015", ""), [("s2", 0)], 5.0), *facts[::2]]
    assert [f.id for f in lead_first(Choice(tuple(undated), (1, 0)), undated).facts] == ["a", "b"]
    # With no year at all, a span back still tells the past.
    ago = "Thirty years ago farmers near Xi'an struck upon the terracotta army of the Qin emperor."
    yearless = [_fact("a", ago, [("s1", 0), ("s3", 0)], 9.0), _fact("b", undated[0].text, [("s2", 0)], 5.0)]
    assert [f.id for f in lead_first(Choice(tuple(yearless), (0, 1)), yearless).facts] == ["b", "a"]


def test_a_truth_in_general_comes_after_the_news_whatever_the_leads() -> None:
    # Multi-News 00028 and 00018: a reference page's "Cancer starts when ..." and a feature's opening
    # "Sex is a big part of most romances ..." had led bottom lines; two reports open with the first.
    cancer = "Cancer starts when cells in the body begin to grow out of control."
    news = "Tom Brokaw has been diagnosed with multiple myeloma, a cancer of the blood, NBC said on Tuesday."
    facts = [_fact("a", cancer, [("s1", 0), ("s3", 0)], 9.0), _fact("b", news, [("s2", 0)], 5.0)]
    assert [f.text for f in lead_first(Choice(tuple(facts), (0, 1)), facts).facts] == [news, cancer]
    # A statement that tells what is going on or who says it leads as before.
    for told in ("Montgomery parks is launching a geese removal project at two park sites.",
                 "The judge claims it is not as bad as it looks on tape."):
        facts = [_fact("a", told, [("s1", 0), ("s3", 0)], 9.0), _fact("b", news, [("s2", 0)], 5.0)]
        assert [f.text for f in lead_first(Choice(tuple(facts), (0, 1)), facts).facts] == [told, news]


def test_an_interview_setting_shared_word_for_word_is_no_lead_in_substance() -> None:
    # Every outlet quoting one interview prints its setting ("told bob schieffer in an interview aired
    # sunday on cbs's face the nation"); a sentence on a side remark that carries it is no more like
    # the other reports' leads for that.
    horse = ("Romney told bob schieffer in an interview aired sunday on cbs's face the nation that his "
             "wife is thrilled her horse qualified for the london games.")
    banks = ("\"We're not going to bail out the european banks,\" Romney told bob schieffer in an interview "
             "aired sunday on cbs's face the nation.")
    deport = "Mitt Romney refuses to say if he would repeal Obama's decision to stop deporting immigrants."
    again = "Romney would not say whether he would reverse Obama's decision on deporting young immigrants."
    facts = [_fact("h", horse, [("s1", 1)], 9.0), _fact("b", banks, [("s2", 1)], 3.0),
             _fact("d", deport, [("s3", 0)], 5.0), _fact("a", again, [("s4", 0)], 4.0)]
    horse_score, deport_score = lead_consensus([facts[0], facts[2]], facts)
    assert deport_score > horse_score
    assert horse_score < 1.2  # its own lead, and next to nothing of the others'
    assert [f.text for f in lead_first(Choice(tuple(facts), (0, 2)), facts).facts] == [deport, horse]


def test_the_day_a_frame_gives_still_counts_as_what_the_leads_share() -> None:
    # "..., officials said Friday": the day dates the news as well as the saying of it.
    detained = "Ocalan has been detained in Rome after a flight from Moscow, Turkish officials said Friday."
    undated = "Ocalan has been detained in Rome after a flight from Moscow, Turkish officials said."
    lead = "Italian police arrested Ocalan at Rome's airport on Friday."
    facts = [_fact("d", detained, [("s1", 3)], 5.0), _fact("u", undated, [("s2", 3)], 5.0),
             _fact("l", lead, [("s3", 0)], 4.0)]
    dated, bare = lead_consensus([facts[0], facts[1]], facts)
    assert dated > bare > 0.0


def test_background_is_what_opens_on_the_past_or_states_a_truth_in_general() -> None:
    # The bottom line chooses among the rest (pipeline.select_parts): "In march, the company suspended
    # its chief executive ..." (Multi-News 00003) and a reference page's general truth go to a section.
    found = "Workers digging a well outside Xi'an in 1974 struck upon the terracotta army of the Qin emperor."
    dig = "China launched a new excavation of the terracotta army's second pit on Thursday in 2015."
    cancer = "Cancer starts when cells in the body begin to grow out of control."
    facts = [_fact("a", found, [("s1", 0)], 9.0), _fact("b", dig, [("s2", 0)], 5.0),
             _fact("c", cancer, [("s3", 0)], 4.0)]
    assert background(facts) == [True, False, True]
    assert news_first(facts) == ([facts[1]], facts)


_BENCH = next((p / "shared" / "bench" for p in Path(__file__).resolve().parents
               if (p / "shared" / "bench").is_dir()), Path("/nonexistent"))


@pytest.mark.skipif(not (_BENCH / "multinews_val.jsonl").is_file(), reason="no Multi-News validation beside")
def test_the_bottom_line_leaves_a_general_truth_to_the_sections_when_it_has_news() -> None:
    # Multi-News 00018: a feature's opening, "Sex is a big part of most romances, whether a marriage or a
    # more experimental union.", had been the bottom line's first bullet; the survey it reports is the news.
    from briefgen.pipeline import run

    with (_BENCH / "multinews_val.jsonl").open(encoding="utf-8") as rows:
        docs = json.loads(next(line for k, line in enumerate(rows) if k == 18))["docs"]
    parts = docs.split("|||||") if isinstance(docs, str) else [p for d in docs for p in d.split("|||||")]
    briefing = run(texts=[" ".join(p.split()) for p in parts if p.strip()]).briefing
    bluf = [f.text for f in briefing.bluf]
    assert bluf and not any(background(briefing.bluf))
    assert not any(t.startswith("Sex is a big part of most romances") for t in bluf)
    assert any("survey of europeans" in t for t in bluf)
