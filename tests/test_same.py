"""The public same-fact decision and the relation a footnote cites by (issue 17)."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

import briefgen
from briefgen.facts import paraphrase
from briefgen.facts.same import carries, numbers_within, same_fact, terms
from briefgen.text.tokens import common_words


@pytest.mark.parametrize("a,b", [
    # Different words for one event, quote or figure.
    ("Shares of the company rose 5 percent after the announcement, traders said.",
     "The company's stock climbed 5 percent following the announcement."),
    ("Lee held summit talks with Prime Minister Sanae Takaichi in Nara on Tuesday, their second meeting "
     "in just over two months.",
     "Lee held summit talks with Japanese Prime Minister Sanae Takaichi in Nara on Tuesday, their second "
     "meeting in just over two months."),
    ("The remains were found at the Chosei coal mine in Ube after an underwater search.",
     "The remains were found at the Josei coal mine in Ube after an underwater search."),
    ("President Lee Jae-myung met business leaders in Osaka on Wednesday.",
     "President Lee Jae Myung met business leaders in Osaka on Wednesday."),
])
def test_paraphrases_are_the_same_fact(a: str, b: str) -> None:
    assert same_fact(a, b)
    assert same_fact(b, a)
    assert briefgen.same_fact is same_fact


@pytest.mark.parametrize("a,b", [
    # Shared names and topic, different statements.
    ("Lee and Takaichi agreed to strengthen cooperation against online scams.",
     "Lee and Takaichi visited an ancient temple in Nara after the talks."),
    ("The fire broke out just before midnight Thursday in the dance hall.",
     "The cause of the fire in the dance hall remains under investigation."),
    ("Typhoon Babs killed more than 150 people in the Philippines.",
     "Typhoon Babs weakened into a severe tropical storm over south China on Sunday night."),
])
def test_shared_names_with_different_statements_are_not(a: str, b: str) -> None:
    assert not same_fact(a, b)
    assert not same_fact(b, a)


def test_copies_are_the_same_fact_whatever_the_punctuation() -> None:
    a = "Takaichi said: \u201cWe were able to have a meaningful exchange of opinions.\u201d"
    b = 'Takaichi said: "We were able to have a meaningful exchange of opinions."'
    assert same_fact(a, b)


def test_one_pair_scores_as_it_does_in_a_batch() -> None:
    texts = ["The earthquake killed at least 820 people, officials said.",
             "Officials said the quake had killed more than 800 people.",
             "Rescue teams reached the mountain villages on Tuesday.",
             "The quake destroyed thousands of homes in the mountain villages."]
    model = paraphrase.default_model()
    batch = paraphrase.Batch(texts, model)
    first, second = np.array([0, 0, 2]), np.array([1, 2, 3])
    together = paraphrase.probabilities((batch, first, second), model)
    alone = [paraphrase.probabilities([(texts[i], texts[j])], model)[0]
             for i, j in zip(first, second, strict=True)]
    assert np.allclose(together, alone)
    assert together[0] > together[1]


def test_the_model_ships_without_corpus_text() -> None:
    data = json.loads(resources.files("briefgen.data").joinpath("same_fact.json").read_text("utf-8"))
    assert len(data["coef"]) == len(data["features"]) == len(paraphrase.FEATURES)
    assert "WordNet" in data["synonyms_notice"]
    # Only numbers and WordNet's synonym groups of single stems: no sentence of the corpus.
    assert all(isinstance(v, float | int) for v in data["coef"])
    assert all(len(group.split()) >= 2 for group in data["synonyms"])
    assert "apprehend arrest collar cop nab nail" in data["synonyms"]
    assert 0.5 < data["high_precision_threshold"] < 0.95


def test_a_stems_synonyms_are_the_other_members_of_every_group_it_is_in() -> None:
    table = paraphrase.synonym_table(["arrest nab", "arrest collar cop", "quak tremor"])
    assert table["arrest"] == frozenset({"nab", "collar", "cop"})
    assert table["nab"] == frozenset({"arrest"})
    assert table.get("summit") is None
    assert sorted(table) == ["arrest", "collar", "cop", "nab", "quak", "tremor"] and len(table) == 6
    assert paraphrase.default_model().synonyms["arrest"] >= {"nab", "collar", "cop"}


# --- carries: what a footnote cites by -------------------------------------------------

TOLL = ("The Chosei undersea coal mine disaster in Ube, Yamaguchi Prefecture, killed 136 Koreans and "
        "47 Japanese.")


def _terms(*texts: str) -> list:
    common = common_words(texts)
    return [terms(t, common) for t in texts]


def test_a_longer_sentence_carries_a_statement_it_contains() -> None:
    long, short = _terms(
        "Lee said the Chosei undersea coal mine disaster in Ube, Yamaguchi Prefecture, killed 136 Koreans "
        "and 47 Japanese, and that both governments will soon begin DNA testing of remains recovered by "
        "divers from the flooded tunnels last summer.", TOLL)
    assert carries(long, short)
    assert not carries(short, long)  # the shorter one does not say the remains will be tested


def test_a_sentence_on_the_same_disaster_with_other_figures_does_not_carry_it() -> None:
    date, toll = _terms("The Josei Coal Mine incident occurred on February 3, 1942, in an underwater tunnel "
                        "off Ube City, Yamaguchi Prefecture.", TOLL)
    assert not carries(date, toll)
    assert not carries(toll, date)


def test_numbers_agree_when_rounded() -> None:
    assert numbers_within({"6.3"}, {"6.32"})
    assert numbers_within({"114"}, {"114.3", "39.5"})
    assert numbers_within(set(), {"12"})
    assert not numbers_within({"136"}, {"130"})
    assert not numbers_within({"2.5"}, {"2.7"})


def test_counts_in_words_past_twelve_and_counts_of_a_part_differ() -> None:
    from briefgen.facts.same import different_numbers, terms

    seventeen = terms("Seventeen others died in landslides in nearby Camarines Sur province, he said.")
    thirty = terms("Thirty other people died in landslides in nearby Camarines Sur province.")
    seventy = terms("Seventy people died in landslides in nearby Camarines Sur province.")
    assert ("17", "part") in seventeen.numbers and ("30", "part") in thirty.numbers
    assert different_numbers(seventeen.numbers, thirty.numbers)
    # A part is not compared with a whole: 17 others among 70 dead is no disagreement.
    assert not different_numbers(seventeen.numbers, seventy.numbers)
