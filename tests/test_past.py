"""Sentences that open on the past: dates before the coverage's year, early in the sentence."""

from __future__ import annotations

import re

import pytest

from briefgen.text.past import coverage_year, looks_back


@pytest.mark.parametrize("text", [
    "In 1942, the mine collapsed, flooding 183 Korean and Japanese workers.",
    "While serving as Zagreb's archbishop in 1941, Stepinac supported the puppet government.",
    "on april 30, 1941, a jewish man here in amsterdam wrote a desperate letter to a friend.",
    "Established in 1964, the red list of threatened species has become the main source on the subject.",
    "Nearly two million died from hunger in the 1990s, and shortages loom again after a hard winter.",
    "Thirty years ago this month the U.S. and other countries signed the Montreal Protocol on the ozone.",
    "for a decade, an american flag flew outside a battered pink building in ghana's capital city.",
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
])
def test_the_news_its_context_and_its_numbers_do_not_look_back(text: str) -> None:
    assert not looks_back(text, 2015)


def test_without_the_coverage_year_only_a_span_back_counts() -> None:
    assert not looks_back("In 1942, the mine collapsed, flooding 183 workers.", None)
    assert looks_back("Thirty years ago this month the countries signed the protocol.", None)


def test_the_coverage_year_is_the_latest_named_outside_plans() -> None:
    texts = ["The mine collapsed in 1942.", "On Tuesday, in Nara, the leaders met (13 January 2026).",
             "The country will cut emissions by half by 2030."]
    assert coverage_year(texts) == 2030
    assert coverage_year(texts, ahead=re.compile(r"\bwill\b")) == 2026
    assert coverage_year(["No year here.", "Nor 2,000 here, nor $1,999."]) is None
