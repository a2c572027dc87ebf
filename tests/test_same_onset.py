"""One thing that began on one day is one fact, however the sentences word it (issue 17)."""

from __future__ import annotations

from briefgen.facts.onsets import onsets, same_onset
from briefgen.select.statements import Statements

# Printed together in the DUC 2003 memo of d31010t (judged one fact in bench/data/memo_facts.jsonl).
COLD = "Poland's extreme cold began Nov. 16, with temperatures dropping to minus 26 Celsius (minus 4 F)."
WAVE = "The cold wave hit on Nov. 16, making it one of the coldest Novembers in Poland in recent years."


def test_one_thing_that_began_on_one_day_is_one_fact() -> None:
    assert same_onset(COLD, WAVE) and same_onset(WAVE, COLD)
    assert Statements([COLD, WAVE]).same(COLD, WAVE)


def test_another_thing_or_another_day_is_not() -> None:
    assert not same_onset(COLD, "The dockers' strike began Nov. 16 at the port of Gdansk.")
    assert not same_onset(COLD, "The cold wave hit on Dec. 2, closing schools in Warsaw.")
    # A figure after a month's name is no day: "hit May 5 percent" says nothing of a date.
    assert onsets("Inflation hit May 5 percent, the bank said.") == ()
    assert onsets(COLD) == (((0, 11, 16), frozenset({"poland", "extrem", "cold"})),)
    # What began is after a reporting verb; another year is another day; "2 years ago" is no day.
    assert not same_onset("Police said the attack began Oct. 1 near the border.",
                          "Police said the search began Oct. 1 in the hills.")
    assert not same_onset("The strike began Jan. 5, 2015 at the port.",
                          "The strike began Jan. 5, 2016 at the port.")
    assert onsets("The war began in March 2 years ago.") == ()
