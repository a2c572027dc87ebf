"""One ranking of one thing in one place's history is one fact, however the sentences word it (issue 17)."""

from __future__ import annotations

import pytest

from briefgen.facts.records import records, same_record
from briefgen.select.statements import Statements

FIRE = ("The fire, at the facilities of the Macedonian Association local immigrant group, was the deadliest "
        "in modern Swedish history.")
# Printed beside FIRE in the DUC 2003 memo of d31022t (judged one fact in bench/data/memo_facts.jsonl).
BLAZE = "The blaze, the worst fire disaster in Sweden's modern history, shocked a country known for its calm."

RESTATED = [
    (FIRE, BLAZE),
    ("The quake was the worst in the country's history, officials said.",
     "Rescuers said it was the deadliest earthquake in the nation's modern history."),
    # The last superlative ranks; "U.S." is a place.
    ("The latest figures show the blaze was the worst in Sweden's history.", FIRE),
    ("Harvey was the costliest storm in U.S. history.", "It was the most destructive storm in U.S. history."),
]
DIFFERENT = [
    # Two records of one event: a kind of its own each.
    (FIRE, "Police said it was the largest evacuation in Swedish history."),
    # The same ranking of another place's history.
    (FIRE, "The quake was the deadliest in Turkish history."),
    # Deaths and cost are two rankings; so are two things ranked largest; two places named "new".
    ("The storm was the costliest in U.S. history.", "It was the deadliest storm in U.S. history."),
    ("It was the largest protest in Polish history.", "It was the largest bankruptcy in Polish history."),
    ("It was the worst quake in New Zealand history.", "It was the worst quake in New York history."),
    # A word in "-est" that is no superlative; a history with no ranking.
    ("It was the first protest in Swedish history.",
     "Organisers called it the largest rally in Swedish history."),
    ("The museum traces the fire in Swedish history.", FIRE),
]


@pytest.mark.parametrize(("a", "b"), RESTATED)
def test_one_ranking_in_one_place_s_history_is_one_fact(a: str, b: str) -> None:
    assert same_record(a, b) and same_record(b, a)
    assert Statements([a, b]).same(a, b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_other_rankings_places_and_mere_histories_are_not(a: str, b: str) -> None:
    assert not same_record(a, b)


def test_a_ranking_names_its_kind_and_its_place() -> None:
    assert records(FIRE) == (("deadliest", frozenset({"swed"}), frozenset()),)
    assert records(BLAZE) == (("worst", frozenset({"swed"}), frozenset({"fire", "disaster"})),)
    assert records("It was the largest protest in the city's history.") == (
        ("largest", frozenset(), frozenset({"protest"})),)
    assert records("Interest in Swedish history grew.") == ()
