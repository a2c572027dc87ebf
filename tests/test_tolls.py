"""One toll, once: which sentences state the same casualty count (briefgen.facts.tolls)."""

from __future__ import annotations

import pytest

from briefgen.facts.tolls import same_toll, stated_tolls

LEAD = ("A fire turned a dance hall jammed with teen-age Halloween revelers into a deathtrap, killing 60 "
        "people and injuring 162 others in Sweden's second-largest city.")


@pytest.mark.parametrize("other", [
    # Other words, another figure of the same count (reports differ: 60 and 67 dead, 162 and 173 hurt).
    "Hundreds of teen-agers jammed into a hall, but by the time the sun rose they were dead or weeping at a "
    "fire that killed 67 of them.",
    "Police said another 173 people were injured, 20 of them severely, in the explosive fire.",
])
def test_the_same_toll_in_other_words(other: str) -> None:
    assert same_toll(LEAD, other) and same_toll(other, LEAD)


@pytest.mark.parametrize("other", [
    # A definite description mentions a toll the reader knows while the sentence says something else.
    "Officials offered no word Sunday on what might have caused the dance-hall fire that killed 60 young "
    "people.",
    "Forensic experts were able Saturday to identify more of the 60 young people who died in the fire.",
    # Another count: the missing are not the dead.
    "Police said 60 people were still missing on Saturday.",
    # Figures further apart than one day's reports of one count.
    "Rescuers said 400 people had died in the fire.",
])
def test_a_mention_or_another_count_is_not_the_same_toll(other: str) -> None:
    assert not same_toll(LEAD, other)


def test_tolls_of_different_places_are_two_tolls() -> None:
    europe = "An Arctic cold wave and blizzards have killed at least 62 people throughout Europe."
    poland = "Two more victims of Poland's cold front were found, raising the death toll to at least 74."
    balkans = "The weather played a role in at least 24 deaths in Romania and Bulgaria over three days."
    assert not same_toll(europe, poland)
    assert not same_toll(poland, balkans)
    # The same war's toll in other words is one.
    assert same_toll("Nearly 37,000 people have died in the conflict.",
                     "Ocalan's PKK has fought in Turkey since 1984 in a war that has claimed 37,000 lives.")


def test_a_disagreement_is_not_restated() -> None:
    # A government's 50 and activists' 200 are sides of a disagreement, both worth printing.
    assert not same_toll("A government report put the death toll at 50.",
                         "Human rights activists say about 200 people were killed.")


def test_stated_tolls_reads_measure_and_figure() -> None:
    assert [(t.measure, t.value) for t in stated_tolls(LEAD)] == [("deaths", 60.0), ("injured", 162.0)]
    assert stated_tolls("Of the 129 deaths reported so far, most were in the north.") == ()
    assert stated_tolls("The summit lasted 100 minutes.") == ()
