"""Where sources differ: numbers, dates and name spellings."""

from __future__ import annotations

import pytest
from conftest import make_source
from test_dedupe import seed_corpus

from briefgen.facts.conflicts import find_conflicts
from briefgen.facts.merge import cluster
from briefgen.model import Conflict, Fact, Sentence, Source


def conflicts_of(*reports: tuple[str, str]) -> list[Conflict]:
    """Conflicts among (source id, sentence) reports, each sentence its own fact."""
    ids = sorted({sid for sid, _ in reports})
    sources = [make_source(sid) for sid in ids]
    sents = [Sentence(text=t, source_id=sid, index=i, start=0, end=len(t))
             for i, (sid, t) in enumerate(reports)]
    return find_conflicts(cluster(sents, sources), sources)


def sides(conflict: Conflict) -> list[tuple[str, tuple[str, ...]]]:
    return [(side.value, side.sources) for side in conflict.sides]


@pytest.fixture(scope="module")
def seed_conflicts() -> list[Conflict]:
    sents, sources = seed_corpus()
    return find_conflicts(cluster(sents, sources), sources)


# Seed source ids follow the manifest: s1 Chosun, s2 Yonhap, s3 AloJapan, s4 News1, s5 korea.kr.


def test_seed_meeting_length_88_against_100_minutes(seed_conflicts: list[Conflict]) -> None:
    c = next(c for c in seed_conflicts if c.kind == "number" and "minutes" in c.sides[0].value)
    assert c.topic == "length of the meeting"
    assert sides(c) == [("88 minutes", ("s4",)), ("100 minutes", ("s5",))]
    assert "88-minute" in c.sides[0].sentences[0].text
    assert "100-minute" in c.sides[1].sentences[0].text


def test_seed_victims_136_against_about_130(seed_conflicts: list[Conflict]) -> None:
    c = next(c for c in seed_conflicts if c.kind == "number" and c.sides[0].value == "136")
    assert c.topic == "number of Koreans"
    assert sides(c) == [("136", ("s1", "s2", "s4")), ("approximately 130", ("s5",))]


def test_seed_mine_spelled_chosei_and_josei(seed_conflicts: list[Conflict]) -> None:
    c = next(c for c in seed_conflicts if c.kind == "name" and "coal mine" in c.topic)
    assert sides(c) == [("Chosei", ("s1", "s2", "s3", "s5")), ("Josei", ("s4", "s5"))]


def test_seed_adviser_spelled_three_ways(seed_conflicts: list[Conflict]) -> None:
    c = next(c for c in seed_conflicts if c.kind == "name" and "Wi" in c.topic)
    assert sides(c) == [("Wi Sung-lack", ("s2",)), ("Wi Sung-rak", ("s5",)), ("Wi Seong-rak", ("s5",))]


def test_seed_reports_nothing_else(seed_conflicts: list[Conflict]) -> None:
    # 183 deaths, the 13 January date, "more than 80 years" and every name
    # that differs only in hyphens, spaces or order are consistent.
    assert [c.kind for c in seed_conflicts] == ["number", "number", "name", "name"]


def test_a_day_without_its_month_agrees_with_the_full_date() -> None:
    found = conflicts_of(
        ("s1", "President Lee and Prime Minister Takaichi held a summit on the 13th in Nara Prefecture."),
        ("s2", "President Lee and Prime Minister Takaichi held a summit in Nara Prefecture on January 13th."),
    )
    assert found == []


def test_incompatible_dates_for_one_event_conflict() -> None:
    found = conflicts_of(
        ("s1", "The trade agreement was signed in Seoul on March 3, 2024, by both foreign ministers."),
        ("s2", "The trade agreement was signed in Seoul on March 5, 2024, by both foreign ministers."),
    )
    (c,) = found
    assert c.kind == "date"
    assert sides(c) == [("March 3 2024", ("s1",)), ("March 5 2024", ("s2",))]


def test_the_ends_of_a_span_are_not_dates_of_an_event() -> None:
    found = conflicts_of(
        ("s1", "Pinochet, who ruled Chile as a military dictator from 1973 to 1990, was arrested in London."),
        ("s2", "Spain wants to question Pinochet, arrested in London, about killings in Chile between "
               "Sept. 11, 1973, the date he seized power, and Dec. 31, 1983."),
        ("s3", "Pinochet, the former Chilean military dictator, was arrested in London in 1998."),
    )
    assert found == []
    # One end of a span is still a date when the other sentence dates the same event.
    (c,) = conflicts_of(
        ("s1", "The dam on the river was completed in 1961 after eight years of work by the state."),
        ("s2", "The dam on the river was completed in 1963 after eight years of work by the state."),
    )
    assert sides(c) == [("1961", ("s1",)), ("1963", ("s2",))]


def test_a_year_joined_to_the_next_number_is_a_span() -> None:
    found = conflicts_of(
        ("s1", "Republicans were blamed for the partial government shutdowns of 1995-96 over the budget."),
        ("s2", "Republicans were blamed for the partial government shutdowns of 1996 over the budget."),
    )
    assert found == []


def test_several_values_in_one_unit_do_not_say_which_is_which() -> None:
    found = conflicts_of(
        ("s1", "The IMF expects world growth of 2.8 percent this year and 2.7 percent next year, it said."),
        ("s2", "The IMF expects world growth of 2.5 percent next year, its managing director said."),
    )
    assert found == []
    (c,) = conflicts_of(
        ("s1", "The IMF expects world growth of 2.8 percent next year, its managing director said."),
        ("s2", "The IMF expects world growth of 2.5 percent next year, its managing director said."),
    )
    assert sides(c) == [("2.8", ("s1",)), ("2.5", ("s2",))]


def test_a_total_reported_consistently_is_not_a_conflict() -> None:
    found = conflicts_of(
        ("s1", "A 1942 flood at the Chosei undersea coal mine killed 183 people, including 136 Koreans."),
        ("s2", "In 1942 the Chosei undersea coal mine collapsed, drowning 183 Korean and Japanese miners."),
    )
    assert found == []


def test_a_value_the_source_reports_elsewhere_is_no_disagreement() -> None:
    found = conflicts_of(
        ("s1", "The two leaders held a 100-minute small-group and expanded meeting in Nara."),
        ("s1", "The expanded meeting itself took 88 minutes of the two leaders' time in Nara."),
        ("s2", "The two leaders held an 88-minute small-group and expanded meeting in Nara."),
    )
    assert found == []


def test_different_units_and_unrelated_sentences_are_not_compared() -> None:
    found = conflicts_of(
        ("s1", "The two leaders held a 100-minute small-group and expanded meeting in Nara."),
        ("s2", "The two leaders then enjoyed a dinner that lasted approximately 105 minutes."),
        ("s2", "About 90 people attended the expanded meeting of the two leaders in Nara."),
    )
    assert found == []


def test_hyphens_spaces_and_name_order_are_not_spellings() -> None:
    found = conflicts_of(
        ("s1", "President Lee Jae-myung met Prime Minister Sanae Takaichi in Nara on Tuesday."),
        ("s2", "President Lee Jae Myung met Prime Minister Takaichi Sanae in Nara on Tuesday."),
    )
    assert found == []


def test_a_respelled_name_in_the_same_place_conflicts() -> None:
    found = conflicts_of(
        ("s1", "Remains were found at the Chosei coal mine in Ube last August."),
        ("s2", "Remains were found at the Josei coal mine in Ube last August."),
    )
    (c,) = found
    assert (c.kind, c.topic) == ("name", "name of the coal mine")
    assert sides(c) == [("Chosei", ("s1",)), ("Josei", ("s2",))]


def test_wording_differences_alone_are_not_conflicts() -> None:
    found = conflicts_of(
        ("s1", "Japan will participate in a council for international cooperation led by the police agency."),
        ("s2", "Japan will join an international cooperation consultative body led by the police agency."),
    )
    assert found == []


def test_order_is_deterministic(seed_conflicts: list[Conflict]) -> None:
    sents, sources = seed_corpus()
    facts: list[Fact] = cluster(sents, sources)
    again = find_conflicts(list(reversed(facts)), sources)
    assert again == seed_conflicts


def test_no_facts_no_conflicts() -> None:
    sources: list[Source] = [make_source("s1")]
    assert find_conflicts([], sources) == []


# Copies of one story in several sources are read once and compared as one
# class; each copy still speaks for its own source.


def test_copies_of_one_report_share_a_side() -> None:
    meeting = "The two leaders held a {} small-group and expanded meeting in Nara on Tuesday."
    found = conflicts_of(
        ("s1", meeting.format("100-minute")),
        ("s2", meeting.format("100-minute")),
        ("s3", meeting.format("88-minute")),
        ("s4", meeting.format("100-minute")),
    )
    (c,) = found
    assert c.topic == "length of the meeting"
    assert sides(c) == [("100 minutes", ("s1", "s2", "s4")), ("88 minutes", ("s3",))]


def test_copies_whose_sources_also_report_the_other_value_are_no_disagreement() -> None:
    meeting = "The two leaders held a {} small-group and expanded meeting in Nara on Tuesday."
    found = conflicts_of(
        ("s1", meeting.format("100-minute")),
        ("s1", "Officials in Seoul later put the session at 88 minutes."),
        ("s2", meeting.format("100-minute")),
        ("s2", "Officials in Seoul later put the session at 88 minutes."),
        ("s3", meeting.format("88-minute")),
    )
    assert found == []


def test_a_date_pair_copied_across_sources_is_reported_once_by_its_first_copies() -> None:
    signed = "The trade agreement was signed in Seoul on March {}, 2024, by both foreign ministers."
    found = conflicts_of(
        ("s1", signed.format(3)),
        ("s2", signed.format(5)),
        ("s3", signed.format(3)),
        ("s4", signed.format(5)),
    )
    (c,) = found
    assert c.kind == "date"
    assert sides(c) == [("March 3 2024", ("s1",)), ("March 5 2024", ("s2",))]


def test_a_date_source_that_also_reports_the_other_date_is_skipped() -> None:
    signed = "The trade agreement was signed in Seoul on March {}, 2024, by both foreign ministers."
    found = conflicts_of(
        ("s1", signed.format(3)),
        ("s1", "Both ministers had first met on March 5, 2024."),
        ("s2", signed.format(5)),
        ("s3", signed.format(3)),
    )
    (c,) = found
    assert sides(c) == [("March 5 2024", ("s2",)), ("March 3 2024", ("s3",))]


def test_a_respelling_in_copies_lists_every_copy() -> None:
    found = conflicts_of(
        ("s1", "Remains were found at the Chosei coal mine in Ube last August."),
        ("s2", "Remains were found at the Josei coal mine in Ube last August."),
        ("s3", "Remains were found at the Chosei coal mine in Ube last August."),
    )
    (c,) = found
    assert sides(c) == [("Chosei", ("s1", "s3")), ("Josei", ("s2",))]


@pytest.mark.parametrize("seed", range(6))
def test_components_number_parts_as_scipy_does(seed: int) -> None:
    import numpy as np
    from scipy.sparse import coo_matrix, csgraph

    from briefgen.facts.conflicts import _components

    rng = np.random.default_rng(seed)
    size = int(rng.integers(1, 60))
    edges = int(rng.integers(0, 2 * size))
    rows, cols = rng.integers(0, size, edges), rng.integers(0, size, edges)
    graph = coo_matrix((np.ones(edges), (rows, cols)), shape=(size, size))
    _, expected = csgraph.connected_components(graph, directed=False)
    assert _components(size, rows, cols).tolist() == expected.tolist()


def test_components_of_a_chain_found_from_its_far_end() -> None:
    import numpy as np

    from briefgen.facts.conflicts import _components

    # 5-4, 4-3, 3-2: one part reached only through a chain of hooks; 0 and 1 stay alone.
    labels = _components(6, np.array([5, 4, 3]), np.array([4, 3, 2]))
    assert labels.tolist() == [0, 1, 2, 2, 2, 2]
