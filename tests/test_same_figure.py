"""One telling figure of one thing is one fact, however the sentences word it (issue 17)."""

from __future__ import annotations

import pytest

from briefgen.facts.figures import same_figure, same_figures, telling_figures
from briefgen.select.statements import Statements

# Bullet pairs printed together in memos of Multi-News validation clusters.
RESTATED = [
    ("58 % think there's a war on police in america today, most voters now believe.",
     'A rasmussen poll taken last week found that 58 percent of respondents now believe there is now a '
     '"war on police."'),
    ("The u.s. Postal service said thursday that its quarterly loss widened to $ 3.3 billion amid declining "
     "mail volume.",
     "Washington the u.s. Postal service's losses shot up to $ 3.3 billion as its quarterly volume fell."),
    ("Pushing the $ 5.5 billion payment for future retiree healthcare costs back would give usps room.",
     "The administration would push for a law to allow a three-month delay in the $ 5.5 billion payment."),
    # A sum written in other units is the same sum.
    ("$ 4.1 billion was spent on the bridge project.", "The bridge project cost $ 4,100 million."),
]
DIFFERENT = [
    # Counts are no telling figures: a model's or a flight's number, a phone number, a population.
    ("Regulators around the world grounded the 737 Max after the second crash in March.",
     "Boeing said it would cut production of the 737 Max to 42 planes a month."),
    ("A neighbor called 911 after hearing gunshots from the house.",
     "The 911 call, released by police on Tuesday, lasted four minutes."),
    ("Officials said 2,000 people were evacuated from the town.", "About 2,000 people live in the town."),
    ("At least 150 people were killed in the quake.", "Another 150 people were injured in the quake."),
    # A rise and a fall of one share; one sum of two things.
    ("Sales rose 12 percent in Europe last year.", "Sales fell 12 percent in Asia last year."),
    ("The company paid $ 2 billion for the stake in the chip maker last year.",
     "The city's budget gap reached $ 2 billion after the flood, the mayor said."),
    # One word of the story near the figure is not enough: what it is of must be shared.
    ("The us$ 1.4 billion deal comes a week ahead of xi's planned meeting with trump.",
     "The decision to go ahead with the sale of a $ 1.4 billion arms package threatens relations."),
]


@pytest.mark.parametrize(("a", "b"), RESTATED)
def test_one_telling_figure_of_one_thing_is_one_fact(a: str, b: str) -> None:
    assert same_figure(a, b) and same_figure(b, a)
    assert Statements([a, b]).same(a, b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_small_counts_names_times_and_sums_of_other_things_are_not(a: str, b: str) -> None:
    assert not same_figure(a, b)


def test_telling_figures_are_shares_and_sums() -> None:
    text = ("Of the 1,416 measles cases, 57 percent had no vaccination; 12 children and a 9-year-old "
            "were treated, the $ 4 million programme said on day 3 of its five-year plan.")
    assert sorted(a.shown for a, _, _ in telling_figures(text)) == ["$4 million", "57 percent"]


# Pairs of facts from different sources of Multi-News validation that share two figures.
TWO_FIGURES = [
    ("A total of 28 cases of people becoming sick from the street-bought drug have been reported, including "
     "the six people who have died, according to the sacramento county division of public health.",
     "As of tuesday, health workers have reported 28 overdoses, with six of them fatal, mccasland said."),
    ("Eleven driverless vehicles have been involved in minor accidents on california roads over the past six "
     "years during testing, google said monday.",
     "Google said monday that its self-driving cars had been involved in 11 \"minor \" accidents in the past "
     "six years."),
]


@pytest.mark.parametrize(("a", "b"), TWO_FIGURES)
def test_two_shared_figures_and_their_words_are_one_fact(a: str, b: str) -> None:
    assert same_figures(a, b) and same_figures(b, a)
    assert not same_figure(a, b)  # counts: no telling figure
    assert Statements([a, b]).same(a, b)


def test_one_shared_figure_a_conversion_years_or_no_shared_words_are_not_two() -> None:
    # One figure in common: chance as often as one fact.
    assert not same_figures("At least 150 people were killed in the quake on Friday.",
                            "Another 150 people were injured in the quake, 12 of them children.")
    # A figure and its conversion are one figure.
    assert not same_figures("Packing sustained winds of 130 kph (81 mph), Babs was moving northwest.",
                            "The typhoon, packing winds of 130 kph (81 mph), was centered off Luzon.")
    # Bare years are a story's background, not its figures.
    assert not same_figures("The treaty of 1965 and the accord of 2015 were discussed at the summit.",
                            "Protesters recalled the treaty of 1965 and the accord of 2015 outside.")
    # Two figures but too few words in common: no statement shared.
    assert not same_figures("Officials counted 28 ballots and 6 spoiled papers.",
                            "The band played 28 songs in 6 hours.")
    # The same pair with the words in common is one fact.
    assert same_figures("Officials counted 28 ballots and 6 spoiled papers in the recount.",
                        "In the recount, officials found 28 ballots, 6 of them spoiled.")
