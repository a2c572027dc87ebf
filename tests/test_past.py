"""Sentences that open on the past: dates before the coverage's year, early in the sentence."""

from __future__ import annotations

import re

import pytest

from briefgen.text.past import coverage_year, looks_back, timeless


@pytest.mark.parametrize("text", [
    "In 1942, the mine collapsed, flooding 183 Korean and Japanese workers.",
    "While serving as Zagreb's archbishop in 1941, Stepinac supported the puppet government.",
    "on april 30, 1941, a jewish man here in amsterdam wrote a desperate letter to a friend.",
    "Established in 1964, the red list of threatened species has become the main source on the subject.",
    "Nearly two million died from hunger in the 1990s, and shortages loom again after a hard winter.",
    "Thirty years ago this month the U.S. and other countries signed the Montreal Protocol on the ozone.",
    "Workers digging a well outside Xi'an in 1974 struck upon the terracotta army of the first emperor.",
])
def test_a_sentence_dating_its_subject_before_the_coverage_looks_back(text: str) -> None:
    assert looks_back(text, 2015)


@pytest.mark.parametrize("text", [
    # The coverage's own year, a date late in the sentence, a date that measures the news, a number.
    "In 2015, China launched a second excavation of the burial pit near the ancient capital.",
    "Reindeer populations worldwide have decreased markedly since 1998, a new study of the herds says.",
    "The unemployment rate plunged in april to its lowest level since september 2008 as jobs grew.",
    "The company said it shipped 1975 units in the quarter, more than analysts had expected of it.",
    "Investigators said the suspect had paid $1,990 in cash for the rifle used in the shooting.",
    "The storm killed at least 1,200 people and left 400,000 without power across the island.",
    # A comparison, a count, a law's name, a span that may still run, this decade.
    "Jobless claims rose to their highest since the end of 2008, the labor department said on Friday.",
    "Exports grew faster than in 2014 as the currency weakened against the dollar, officials said.",
    "A crowd of 1500 protesters marched in 1800 homes' streets by 1800 GMT as the curfew began.",
    "The court upheld the Espionage Act of 1917 in a ruling on Monday that divided the justices.",
    "The coach was banned for two years on Monday for his part in the doping of his athletes.",
    "Sales of phones in the 2010s were higher than ever, the industry group said in its report.",
])
def test_the_news_its_context_and_its_numbers_do_not_look_back(text: str) -> None:
    assert not looks_back(text, 2015)


@pytest.mark.parametrize("text", [
    "Its lowest level since September 2008 was reached as employers added 288,000 jobs in April.",
    "Its lowest since the end of 2008: the rate plunged as employers added 288,000 jobs in April.",
])
def test_a_date_after_since_measures_the_news_even_early_in_the_sentence(text: str) -> None:
    assert not looks_back(text, 2015)


def test_a_date_late_in_the_sentence_is_context_even_without_since() -> None:
    late = "Reindeer populations worldwide have decreased markedly, a new study of herds says, in 1998."
    assert not looks_back(late, 2015)
    assert looks_back(late, 2015, early=1.0)


def test_without_the_coverage_year_only_a_span_back_counts() -> None:
    assert not looks_back("In 1942, the mine collapsed, flooding 183 workers.", None)
    assert looks_back("Thirty years ago this month the countries signed the protocol.", None)


def test_the_coverage_year_is_the_latest_named_outside_plans() -> None:
    texts = ["The mine collapsed in 1942.", "On Tuesday, in Nara, the leaders met (13 January 2026).",
             "The country will cut emissions by half by 2030."]
    assert coverage_year(texts) == 2030
    assert coverage_year(texts, ahead=re.compile(r"\bwill\b")) == 2026
    assert coverage_year(["No year here.", "Nor 2,000 here, nor $1,999."]) is None
    # A flight's number, a count or an amount dates nothing.
    counts = ["Flight 2051 landed in 2015.", "About 2080 people came.", "It cost \u20ac2050."]
    assert coverage_year(counts) == 2015


@pytest.mark.parametrize(("text", "general"), [
    ("Cancer starts when cells in the body begin to grow out of control.", True),
    ("Sex is a big part of most romances, whether a marriage or a more experimental union.", True),
    ("Lymphocytes ( lymph cells ) are the main cell type of the immune system.", True),
    ("Nobody ever gets one of these three-hour statuette dispensaries completely right.", True),
    # A tense, a teller, a figure or a time dates it: news.
    ("Police arrested two men.", False),
    ("The storm will hit Cuba.", False),
    ("The president says the deal is good.", False),
    ("Montgomery parks is launching a geese removal project.", False),
    ("Prices are up 5 percent.", False),
    ("Schools are closed today.", False),
    ("The company has a new chief executive.", False),
    ("\"It is a sad day,\" the mayor said.", False),
    ("Smith told reporters he is innocent.", False),
    ("Obama is in Hanoi.", False),
    ("The queen is due to visit Canada.", False),
    ("the suspect died in hospital.", False),
])
def test_a_truth_in_general_dates_nothing(text: str, general: bool) -> None:
    assert timeless(text) is general
