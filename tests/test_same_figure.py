"""One telling figure of one thing is one fact, however the sentences word it (issue 17)."""

from __future__ import annotations

import pytest

from briefgen.facts.figures import same_figure, telling_figures
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
