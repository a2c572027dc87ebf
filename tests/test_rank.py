"""Rankers: the sparse LexRank against sumy's, and sumy's adapters mapped back by position."""

from __future__ import annotations

import random

import numpy as np
import pytest
from conftest import make_fact

from briefgen.errors import ConfigError
from briefgen.model import Fact
from briefgen.select.choice import METHODS, score_facts
from briefgen.select.rankers import SUMY_METHODS, lexrank_scores, sumy_scores, sumy_terms

VOCAB = [
    "summit", "leaders", "agreed", "trade", "security", "remains", "laborers", "mine", "DNA",
    "testing", "Nara", "Seoul", "Tokyo", "drums", "temple", "dinner", "economy", "supply",
    "chains", "exports", "missile", "north", "korea", "japan", "cooperation", "history",
]
FILLER = ["the", "of", "and", "to", "in", "a", "on", "with", "for", "by"]


def random_facts(rng: random.Random, n: int) -> list[Fact]:
    texts = []
    for _ in range(n):
        k = rng.randint(3, 12)
        ws = [rng.choice(VOCAB) if rng.random() < 0.7 else rng.choice(FILLER) for _ in range(k)]
        texts.append(" ".join(ws).capitalize() + ".")
    # A few exact repeats at other positions, as wire copies produce.
    for _ in range(n // 10):
        texts[rng.randrange(n)] = texts[rng.randrange(n)]
    return [make_fact(t, fid=f"f{i}") for i, t in enumerate(texts)]


def ranking(scores: list[float] | np.ndarray) -> list[int]:
    """Positions by decreasing score; scores equal to 1e-9 count as ties, broken by position."""
    return sorted(range(len(scores)), key=lambda i: (-round(float(scores[i]), 9), i))


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(12))
def test_sparse_lexrank_matches_sumy(seed: int) -> None:
    rng = random.Random(seed)
    facts = random_facts(rng, rng.randint(20, 60))
    ours = score_facts(facts, "lexrank")
    theirs = sumy_scores(facts, "lexrank")
    assert len(set(np.round(theirs, 9))) > 3  # a real ranking, not a uniform vector
    np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-12)
    assert ranking(ours) == ranking(theirs)


@pytest.mark.parametrize(("threshold", "epsilon"), [(0.05, 0.01), (0.3, 0.001)])
def test_sparse_lexrank_matches_sumy_with_other_settings(threshold: float, epsilon: float) -> None:
    from sumy.summarizers.lex_rank import LexRankSummarizer

    rng = random.Random(99)
    facts = random_facts(rng, 40)
    terms = [sumy_terms(f.text) for f in facts]
    summarizer = LexRankSummarizer()
    tf = summarizer._compute_tf(terms)
    idf = summarizer._compute_idf(terms)
    matrix = summarizer._create_matrix(terms, threshold, tf, idf)
    theirs = summarizer.power_method(matrix, epsilon)
    ours = lexrank_scores(terms, threshold=threshold, epsilon=epsilon)
    np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-12)


def test_lexrank_scores_edge_cases() -> None:
    assert lexrank_scores([]).shape == (0,)
    # Sentences without terms link to nothing; the power method ends on zeros, not NaN.
    assert lexrank_scores([[], []]).tolist() == [0.0, 0.0]
    # A central sentence shares terms with all others and ranks first.
    token_lists = [["a", "b"], ["a", "c"], ["a", "b", "c", "d"], ["d", "e"], ["b", "e"]]
    scores = lexrank_scores(token_lists, epsilon=1e-6)
    assert int(np.argmax(scores)) == 2


ALL = ("briefgen", "lexrank", "textrank", "lsa", "luhn", "edmundson", "kl", "sumbasic")


def test_registry_names() -> None:
    assert tuple(METHODS.names()[:8]) == ALL
    assert ALL[1:] == SUMY_METHODS


@pytest.mark.parametrize("method", ALL)
def test_one_score_per_fact(method: str) -> None:
    facts = random_facts(random.Random(5), 25)
    scores = score_facts(facts, method)
    assert len(scores) == len(facts)
    assert all(isinstance(s, float) and np.isfinite(s) for s in scores)
    assert len(set(scores)) > 1


@pytest.mark.parametrize("method", ["lexrank", "textrank", "lsa", "luhn"])
def test_scores_follow_facts_when_reordered(method: str) -> None:
    facts = random_facts(random.Random(7), 30)
    perm = list(range(len(facts)))
    random.Random(8).shuffle(perm)
    before = score_facts(facts, method)
    after = score_facts([facts[i] for i in perm], method)
    np.testing.assert_allclose(after, [before[i] for i in perm], rtol=1e-7, atol=1e-9)


@pytest.mark.parametrize("method", ["kl", "sumbasic"])
def test_identical_sentences_keep_their_own_ratings(method: str) -> None:
    # sumy keys ratings by sentence text: without positional identity the two
    # copies would share one dict entry and one position would go unrated.
    texts = ["Leaders agreed on DNA testing of remains.", "Trade talks covered supply chains.",
             "Leaders agreed on DNA testing of remains.", "The dinner featured drums.",
             "Security talks covered North Korea missiles."]
    facts = [make_fact(t, fid=f"f{i}") for i, t in enumerate(texts)]
    scores = score_facts(facts, method)
    assert sorted(scores) == [-4.0, -3.0, -2.0, -1.0, 0.0]


def test_identical_sentences_score_alike() -> None:
    same = "Leaders agreed on DNA testing of remains at the mine."
    texts = [same, "Trade talks covered supply chains.", same, "The dinner featured drums and a temple."]
    facts = [make_fact(t, fid=f"f{i}") for i, t in enumerate(texts)]
    for method in ("textrank", "luhn"):
        scores = score_facts(facts, method)
        assert scores[0] == pytest.approx(scores[2])
        assert scores[0] > scores[1]


def test_no_punkt_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    import nltk

    def refuse(*args: object, **kwargs: object) -> None:
        raise LookupError("NLTK data is not available offline")

    monkeypatch.setattr(nltk.data, "load", refuse)
    monkeypatch.setattr(nltk.data, "find", refuse)
    facts = random_facts(random.Random(3), 15)
    for method in ALL:
        assert len(score_facts(facts, method)) == 15


def test_unknown_method_and_empty_input() -> None:
    with pytest.raises(ConfigError, match="unknown ranking method 'pagerank'"):
        score_facts([make_fact("A sentence.")], "pagerank")
    with pytest.raises(ConfigError, match="unknown sumy method"):
        sumy_scores([make_fact("A sentence.")], "briefgen")
    assert score_facts([], "textrank") == []


def test_sumy_terms_match_sumy_normalisation() -> None:
    terms = sumy_terms("The Leaders' agreements were SIGNED in Nara.")
    assert terms == ["leader", "agreement", "sign", "nara"]
