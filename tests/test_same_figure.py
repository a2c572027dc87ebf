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
    ("the u.s. Unemployment rate plunged in april to its lowest level since september 2008 as employers "
     "added 288,000 jobs, the most in two years.",
     "Nonfarm employment grew by a seasonally adjusted 288,000 jobs last month, the labor department said."),
    ("The u.s. Postal service said thursday that its quarterly loss widened to $ 3.3 billion amid declining "
     "mail volume.",
     "Washington the u.s. Postal service's losses shot up to $ 3.3 billion in the last three months."),
    ('The project, announced friday at the "rock in rio" music fest in brazil, aims to restore 73 million '
     "trees in the brazilian amazon by 2023.",
     "Assuming everything goes to plan, over the next six years, the amazon rainforest will get 73 million "
     "new trees."),
]
DIFFERENT = [
    # The same small number in unrelated statements, a number written into a name, a length of time.
    ("The artifact from the apollo 11 mission had been misidentified and sold at an online auction.",
     "The outer decontamination bag from the apollo 11 mission in 1969 was bought at sotheby's."),
    ("A french aviation expert believes he may have found the wreckage of mh370 off the coast.",
     "Police in reunion examining the wreckage say it fits with mh370."),
    ("With just five days until super tuesday, time is short for the republican establishment.",
     "Five days is two fewer than god had to make the world, and the establishment's task is large."),
    ("Buchel, 41, was the subject of wednesday night's episode of the reality show.",
     "Robert buchel, 41, had lost nearly 200 lbs before he died at his home."),
    # The same sum, of two things.
    ("The company paid $ 2 billion for the stake in the chip maker last year.",
     "The city's budget gap reached $ 2 billion after the flood, the mayor said."),
]


@pytest.mark.parametrize(("a", "b"), RESTATED)
def test_one_telling_figure_of_one_thing_is_one_fact(a: str, b: str) -> None:
    assert same_figure(a, b) and same_figure(b, a)
    assert Statements([a, b]).same(a, b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_small_counts_names_times_and_sums_of_other_things_are_not(a: str, b: str) -> None:
    assert not same_figure(a, b)


def test_telling_figures_are_shares_sums_and_large_counts() -> None:
    text = ("Of the 1,416 measles cases, 57 percent had no vaccination; 12 children and a 9-year-old "
            "were treated, the $ 4 million programme said on day 3 of its five-year plan.")
    assert sorted(a.shown for a, _ in telling_figures(text)) == ["$4 million", "1,416", "57 percent"]
