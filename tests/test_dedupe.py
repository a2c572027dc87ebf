"""Cross-source deduplication: pair decisions, clustering, corroboration."""

from __future__ import annotations

import gc
import json
import math
import random
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from conftest import SEEDS, make_sentences, make_source
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.facts.copies import with_reports
from briefgen.facts.merge import LINK, _candidate_scores, _candidates, _Scorer, cluster, one_statement
from briefgen.facts.same import (
    THRESHOLD,
    Terms,
    _local_dice,
    carries,
    different_statements,
    pair_score,
    similarity,
    term_weights,
    terms,
)
from briefgen.model import Fact, Sentence, Source
from briefgen.select.standalone import broken, dangling
from briefgen.text.names import name_key
from briefgen.text.sentences import split_sentences
from briefgen.text.tokens import common_words
from briefgen.text.words import normalize

PAIRS = Path(__file__).resolve().parent / "data" / "pairs.json"

# Pinned floors for the hand-labelled pair set (bench/dedupe.py prints the figures).
# Recall went from 0.80 to 0.75 in issue 17: a sentence whose numbers the other
# does not print ("in 1942", "August 2025") no longer merges into it, which
# costs three labelled pairs and keeps the mine-date sentence out of the
# death-toll fact.
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.75

LEE_REMARK = (
    "President Lee said it is a small but meaningful step forward on past history.",
    "\u201cWe were able to make small but meaningful progress on past historical issues,\u201d he said.",
    "President Lee responded that he found the small but significant progress on historical issues "
    "during this meeting meaningful.",
)
DNA_AGREEMENT = (
    "That day, the leaders of Korea and Japan agreed to cooperate on DNA testing of the remains of "
    "Koreans from the Chosei undersea coal mine.",
    "Lee and Takaichi agreed to conduct DNA analysis on remains discovered last August at the Chosei "
    "undersea coal mine in Japan\u2019s Yamaguchi Prefecture.",
    "President Lee stated, \u201cWe have decided to pursue DNA testing to identify the remains discovered "
    "at the Josei Coal Mine in Ube City, Japan.\u201d",
)
UNRELATED = (
    "The drum set consisted of Korean-brand drums and sticks decorated with mother-of-pearl lacquerware.",
    "China recently imposed restrictions on exports of dual-use items to Japan.",
    "Takaichi is considering dissolving the Lower House when the ordinary Diet session convenes.",
)


Corpus = tuple[list[Sentence], list[Source]]


def one_each(texts: tuple[str, ...], extra: tuple[str, ...] = ()) -> Corpus:
    """Sentence k from source s{k+1}, then ``extra`` sentences from a last source."""
    sources = [make_source(f"s{k + 1}") for k in range(len(texts) + 1)]
    sents = [Sentence(text=t, source_id=f"s{k + 1}", index=0, start=0, end=len(t))
             for k, t in enumerate(texts)]
    last = f"s{len(texts) + 1}"
    sents += [Sentence(text=t, source_id=last, index=i, start=0, end=len(t)) for i, t in enumerate(extra)]
    return sents, sources


def fact_of(facts: list[Fact], text: str) -> Fact:
    return next(f for f in facts if any(s.text == text for s in f.sentences))


def load_pairs() -> list[dict]:
    return json.loads(PAIRS.read_text(encoding="utf-8"))


def seed_corpus() -> Corpus:
    """The five seed articles as sources (manifest order), split with briefgen.segment."""
    manifest = tomllib.loads((SEEDS / "manifest.toml").read_text(encoding="utf-8"))
    sources, sents = [], []
    for k, entry in enumerate(manifest["source"]):
        text = (SEEDS / entry["file"]).read_text(encoding="utf-8")
        src = make_source(f"s{k + 1}", text=text, outlet=entry["outlet"], title=entry.get("title", ""))
        sources.append(src)
        pos = 0
        for i, sent in enumerate(split_sentences(text)):
            start = text.index(sent, pos)
            pos = start + len(sent)
            flat = " ".join(sent.split())
            sents.append(Sentence(text=flat, source_id=src.id, index=i, start=start, end=pos))
    return sents, sources


# --- the labelled pair set ----------------------------------------------------


def test_pair_set_has_enough_labelled_pairs() -> None:
    pairs = load_pairs()
    same = [p for p in pairs if p["same"] is True]
    different = [p for p in pairs if p["same"] is False]
    assert len([p for p in same if p["sources"][0] != p["sources"][1]]) >= 40
    assert len(different) >= 200
    assert any(p["kind"] == "hard" for p in different)
    assert all(p["a"] != p["b"] for p in pairs)


def test_pairwise_precision_and_recall_stay_above_the_floor() -> None:
    pairs = [p for p in load_pairs() if p["same"] is not None]
    idf = term_weights(sorted({p["a"] for p in pairs} | {p["b"] for p in pairs}))
    tp = sum(1 for p in pairs if p["same"] and one_statement(p["a"], p["b"], idf))
    fp = sum(1 for p in pairs if not p["same"] and one_statement(p["a"], p["b"], idf))
    positives = sum(1 for p in pairs if p["same"])
    assert tp / (tp + fp) >= PRECISION_FLOOR
    assert tp / positives >= RECALL_FLOOR


# --- pair decisions -------------------------------------------------------------


@pytest.mark.parametrize("a,b", [(LEE_REMARK[0], LEE_REMARK[1]), (LEE_REMARK[1], LEE_REMARK[2]),
                                 (DNA_AGREEMENT[0], DNA_AGREEMENT[1]), (DNA_AGREEMENT[1], DNA_AGREEMENT[2])])
def test_paraphrases_of_one_statement_match(a: str, b: str) -> None:
    assert one_statement(a, b)
    assert one_statement(b, a)


def test_quote_style_and_punctuation_changes_are_copies() -> None:
    a = ("Takaichi said: \u201cWe were able to have a meaningful exchange of opinions \u2014 on a wide range "
         "of topics.\u201d")
    b = 'Takaichi said: "We were able to have a meaningful exchange of opinions - on a wide range of topics."'
    assert similarity(a, b) == 1.0


def test_lightly_edited_wire_copy_matches() -> None:
    a = ("Lee held summit talks with Prime Minister Sanae Takaichi in Nara on Tuesday, their second meeting "
         "in just over two months.")
    b = ("Lee held summit talks with Japanese Prime Minister Sanae Takaichi in Nara on Tuesday, their second "
         "meeting in just over two months.")
    assert one_statement(a, b)


@pytest.mark.parametrize("a,b", [
    ("President Lee Jae-myung met business leaders in Osaka on Wednesday.",
     "President Lee Jae Myung met business leaders in Osaka on Wednesday."),
    ("National Security Adviser Wi Sung-lack said the talks covered supply chains and export controls.",
     "National Security Adviser Wi Seong-rak said the talks covered supply chains and export controls."),
    ("The remains were found at the Chosei coal mine in Ube after an underwater search.",
     "The remains were found at the Josei coal mine in Ube after an underwater search."),
    ("The leaders stressed the importance of Japan-South Korea cooperation on supply chains.",
     "The leaders stressed the importance of Korea-Japan cooperation on supply chains."),
])
def test_name_variants_do_not_block_a_match(a: str, b: str) -> None:
    assert one_statement(a, b)
    assert terms(a).bag == terms(b).bag


def test_capitalised_words_printed_in_lower_case_elsewhere_are_words() -> None:
    a = "Experts will identify the remains found at the Josei Coal Mine in Ube City."
    b = "Experts will identify the remains found at the Josei coal mine in Ube city."
    common = common_words([a, b])
    assert {"coal", "mine", "city"} <= common
    assert terms(a, common).bag == terms(b, common).bag
    assert terms(a).bag != terms(b).bag  # without the batch, "Coal" reads as a name


def test_name_keys_fold_romanisations_but_keep_different_names_apart() -> None:
    assert name_key("Sung-lack") == name_key("Sung-rak") == name_key("Seong-rak") == name_key("Sung Rak")
    assert name_key("Chosei") == name_key("Josei") == name_key("Ch\u014dsei")
    assert name_key("Jae-myung") == name_key("Jae Myung")
    assert name_key("Lee") == name_key("Yi") == name_key("Rhee")
    assert name_key("Jae-myung") != name_key("Myung-bak")
    assert name_key("Takaichi") != name_key("Ishiba")


def test_different_quantities_are_different_facts() -> None:
    a = "The two leaders held a 100-minute roundtable discussion and expanded meeting."
    b = "The two leaders held an 88-minute small-group and expanded meeting."
    assert not one_statement(a, b)
    # Rounding is no disagreement; a figure the other side lacks keeps a sentence out.
    assert one_statement("Revenue rose to $6.32 billion in the quarter, the company said on Friday.",
                         "Revenue rose to $6.3 billion in the quarter, the company said on Friday.")
    assert not one_statement("Typhoon Babs killed 136 people in the Philippines on Friday.",
                             "Typhoon Babs killed 130 people in the Philippines on Friday.")


def test_counts_spelled_out_in_words_disagree_with_other_counts() -> None:
    # Two versions of one wire paragraph, as a story is updated: the counts moved.
    early = ("The fatalities included six drownings, two people hit by falling trees, two girls buried by "
             "landslides in central Iloilo province, and a fireman crushed after his van overturned on a "
             "slippery road, officials said.")
    later = ("The fatalities included 18 drownings, three people hit by falling trees, two children killed "
             "by a landslide in central Iloilo province, and a fireman crushed to death after his van "
             "overturned on a slippery road, officials said.")
    assert not one_statement(early, later)
    assert not one_statement(later, early)
    # A count that opens its sentence is a count too.
    assert not one_statement("Six drownings were reported on Sunday in the province.",
                             "18 drownings were reported on Sunday in the province.")
    # A count of part of the whole is no other count; "the two leaders" needs no "2" on the other side.
    assert one_statement(
        "In the Philippines, President Joseph Estrada has declared four provinces and a city in the worst "
        "hit area on the southern tip of Luzon under a state of calamity.",
        "Philippines President Joseph Estrada declared Catanduanes and three other provinces and a city in "
        "the worst hit area on the southern tip of Luzon under a state of calamity.")
    assert one_statement("The two leaders agreed to cooperate on DNA testing of the remains.",
                         "Lee and Takaichi agreed to cooperate on DNA testing of the remains.")


def test_same_words_from_different_speakers_are_different_facts() -> None:
    takaichi = ("Takaichi welcomed the progress in bilateral coordination for DNA analysis of the remains "
                "found at the Josei Coal Mine.")
    lee = ("President Lee stated, \u201cWe have decided to pursue DNA testing to identify the remains "
           "discovered at the Josei Coal Mine.\u201d")
    assert not one_statement(takaichi, lee)


def test_role_swap_in_a_caption_is_not_a_match() -> None:
    a = ("President Lee Jae-myung delivers a joint press announcement with Japanese Prime Minister Sanae "
         "Takaichi at a summit venue in Nara Prefecture, Japan, on the 13th.")
    b = ("Japanese Prime Minister Sanae Takaichi delivers a joint press announcement with President Lee "
         "Jae-myung at a summit venue in Nara Prefecture, Japan, on the 13th.")
    assert not one_statement(a, b)


# --- clustering -----------------------------------------------------------------


def test_lee_remark_variants_become_one_fact_citing_every_source() -> None:
    sents, sources = one_each(LEE_REMARK, UNRELATED)
    facts = cluster(sents, sources)
    remark = fact_of(facts, LEE_REMARK[0])
    assert remark.sources == ("s1", "s2", "s3")
    assert {s.text for s in remark.sentences} == set(LEE_REMARK)
    assert remark.independent == 3
    assert not remark.text.startswith("\u201cWe")  # a quote without its speaker is not chosen
    assert len(facts) == 1 + len(UNRELATED)


def test_dna_agreement_variants_are_never_printed_twice() -> None:
    sents, sources = one_each(DNA_AGREEMENT, UNRELATED)
    facts = cluster(sents, sources)
    dna = fact_of(facts, DNA_AGREEMENT[2])
    assert dna.sources == ("s2", "s3")
    # The first sentence does not state Lee's decision word for word enough to be cited
    # for it: a fact of its own, linked, so that the selector prints one of the two.
    first = fact_of(facts, DNA_AGREEMENT[0])
    assert first is not dna and first.sources == ("s1",)
    assert first.overlaps == (dna.id,) and dna.overlaps == (first.id,)
    assert len(facts) == 2 + len(UNRELATED)


def test_a_sentence_spanning_two_statements_does_not_chain_them() -> None:
    remark = LEE_REMARK[1]
    dna = DNA_AGREEMENT[2]
    both = ("They also made what Lee described as \u201csmall but meaningful progress\u201d on historical "
            "issues, agreeing to conduct DNA analysis on remains discovered last August at the Chosei "
            "undersea coal mine.")
    sents, sources = one_each((remark, both, dna), UNRELATED)
    facts = cluster(sents, sources)
    assert fact_of(facts, remark) is not fact_of(facts, dna)


def by_outlet(*texts: str) -> tuple[list[Sentence], list[Source]]:
    """Sources s1, s2, ..., one per string, each printing that string's sentences (split at " | ")."""
    sources, sents = [], []
    for k, text in enumerate(texts, start=1):
        parts = text.split(" | ")
        sources.append(make_source(f"s{k}", " ".join(parts)))
        sents += make_sentences(*parts, source_id=f"s{k}")
    return sents, sources


def test_a_lead_goes_to_the_fact_of_its_main_statement_not_of_its_side_clause() -> None:
    # Multi-News validation 00261: two AP versions of the lead, and the second version's next
    # sentence, which the first lead states in a side clause. That short sentence matches the first
    # lead more strongly than the two leads match each other; merging from the strongest match took
    # the first lead into its fact, and the two reports of the attack stayed apart.
    first = ("a heavily armed couple dressed in battle gear opened fire on a holiday banquet wednesday, "
             "killing 14 people and seriously wounding more than a dozen others, later dying in a "
             "shootout with police.")
    second = ("a heavily armed man and woman dressed for battle opened fire on a holiday banquet for his "
              "co-workers, killing 14 people and seriously wounding more than a dozen others in a precision "
              "assault, authorities said.")
    later = "Hours later, they died in a shootout with police."
    sents, sources = by_outlet(first, f"{second} | {later}")
    facts = cluster(sents, sources, leans=dangling, broken=broken)  # as the pipeline clusters
    lead = fact_of(facts, first)
    assert lead is fact_of(facts, second)
    assert lead.text == second and lead.sources == ("s1", "s2")
    assert fact_of(facts, later).sources == ("s2",)


# A background clause outlets repeat word for word, after different main clauses (from a review).
_PENTAGON = (", a week after the Pentagon asked lawmakers for emergency money to replace the helicopters and "
             "armored vehicles lost in the fighting in Afghanistan.")
_AUDIT = (", two weeks after a state audit found that city officials had steered millions of dollars in "
          "housing contracts to companies owned by {} campaign donors.")


@pytest.mark.parametrize("lead, short, other", [
    ("The Senate approved the measure on Tuesday" + _PENTAGON, "The Senate approved the measure on Tuesday.",
     "The House rejected the measure on Tuesday" + _PENTAGON),
    ("Mayor John Smith resigned on Friday" + _AUDIT.format("his"), "Mayor John Smith resigned on Friday.",
     "The city council voted on Friday to open an inquiry" + _AUDIT.format("the mayor's")),
])
def test_a_lead_stays_with_its_main_statement_when_another_shares_only_its_background(
        lead: str, short: str, other: str) -> None:
    sents, sources = by_outlet(lead, short, other)
    facts = cluster(sents, sources, leans=dangling, broken=broken)
    assert fact_of(facts, lead).text == short
    assert fact_of(facts, lead).sources == ("s1", "s2")
    assert fact_of(facts, other).sources == ("s3",)


def test_a_lead_never_moves_under_a_sentence_that_cannot_be_printed() -> None:
    # From a review: the other outlet's lead is cut off (no closing stop), so it may not stand for
    # a fact that a whole sentence states.
    first = ("a heavily armed couple dressed in battle gear opened fire on a holiday banquet wednesday, "
             "killing 14 people and seriously wounding more than a dozen others, later dying in a "
             "shootout with police.")
    cut = ("a heavily armed man and woman dressed for battle opened fire on a holiday banquet for his "
           "co-workers, killing 14 people and seriously wounding more than a dozen others in a precision "
           "assault")
    sents, sources = by_outlet(first, f"{cut} | Hours later, they died in a shootout with police.")
    facts = cluster(sents, sources, leans=dangling, broken=broken)
    assert fact_of(facts, cut).sentences[0].text == cut and fact_of(facts, cut).sources == ("s2",)
    assert not broken(fact_of(facts, first).text)


def test_every_sentence_lands_in_exactly_one_fact_in_source_order() -> None:
    sents, sources = one_each(LEE_REMARK + DNA_AGREEMENT, UNRELATED)
    sources = list(reversed(sources))  # citation order follows `sources`, not ids
    facts = cluster(sents, sources)
    members = [(s.source_id, s.index) for f in facts for s in f.sentences]
    assert sorted(members) == sorted((s.source_id, s.index) for s in sents)
    assert [f.id for f in facts] == [f"f{k + 1}" for k in range(len(facts))]
    rank = {s.id: k for k, s in enumerate(sources)}
    firsts = [min((rank[s.source_id], s.index) for s in f.sentences) for f in facts]
    assert firsts == sorted(firsts)
    for f in facts:
        assert f.text == f.sentences[0].text
        assert list(f.sources) == sorted(set(f.sources), key=rank.__getitem__)
    remark = fact_of(facts, LEE_REMARK[0])
    assert remark.sources == ("s3", "s2", "s1")


def test_clustering_is_deterministic_whatever_the_input_order() -> None:
    sents, sources = one_each(LEE_REMARK + DNA_AGREEMENT, UNRELATED)
    shuffled = list(sents)
    random.Random(3).shuffle(shuffled)
    assert cluster(shuffled, sources) == cluster(sents, sources)


def test_wire_copies_count_once_as_independent_sources() -> None:
    wire = ("Seoul and Tokyo agreed on Tuesday to cooperate on DNA testing of remains recovered from a "
            "wartime coal mine, the leaders told reporters after their summit in Nara. ") * 3
    other = "A separate report on the summit, written by the paper's own correspondent in Nara. " * 3
    statement = ("The leaders agreed to cooperate on DNA testing of remains recovered from a wartime "
                 "coal mine.")
    sources = [make_source("s1", text=wire), make_source("s2", text=wire + " Copyright the wire."),
               make_source("s3", text=other)]
    sents = [Sentence(text=statement, source_id=s.id, index=0, start=0, end=len(statement)) for s in sources]
    (fact,) = cluster(sents, sources)
    assert fact.sources == ("s1", "s2", "s3")
    assert fact.independent == 2


def test_empty_input_gives_no_facts() -> None:
    assert cluster([], []) == []


# --- the seed corpus ---------------------------------------------------------


@pytest.fixture(scope="module")
def seed_facts() -> tuple[list[Fact], list[Source]]:
    sents, sources = seed_corpus()
    return cluster(sents, sources), sources


def test_seed_remark_cites_all_five_outlets(seed_facts: tuple[list[Fact], list[Source]]) -> None:
    facts, sources = seed_facts
    remark = fact_of(facts, "President Lee said it is a small but meaningful step forward on past history.")
    assert remark.sources == tuple(s.id for s in sources)
    assert remark.independent == 5
    assert "small but" in remark.text and remark.text.split()[0].lower() not in ("he", "they", "it")


def test_seed_facts_never_repeat_a_sentence(seed_facts: tuple[list[Fact], list[Source]]) -> None:
    facts, _ = seed_facts
    texts = [normalize(f.text) for f in facts]
    assert len(texts) == len(set(texts))
    # News1 prints its photo captions twice: the copies are one fact.
    shake = "President Lee Jae Myung and Japanese Prime Minister Takaichi Sanae shake hands"
    caption = next(f for f in facts if f.text.startswith(shake))
    assert len(caption.sentences) == 2


# --- properties -------------------------------------------------------------------

_WORDS = ["Lee", "Takaichi", "summit", "agreed", "remains", "DNA", "testing", "88-minute", "meeting",
          "Chosei", "Josei", "mine", "coal", "said", "the", "two", "leaders", "cooperation", "Korea-Japan"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.lists(st.sampled_from(_WORDS), min_size=3, max_size=12)),
                min_size=1, max_size=25),
       st.randoms(use_true_random=False))
def test_every_sentence_in_one_fact_whatever_the_input(rows: list[tuple[int, list[str]]],
                                                       rnd: random.Random) -> None:
    sources = [make_source(f"s{k}") for k in range(4)]
    sents = [Sentence(text=" ".join(ws) + ".", source_id=f"s{src}", index=i, start=0, end=1)
             for i, (src, ws) in enumerate(rows)]
    facts = cluster(sents, sources)
    members = sorted((s.source_id, s.index) for f in facts for s in f.sentences)
    assert members == sorted((s.source_id, s.index) for s in sents)
    for f in facts:
        assert f.text == f.sentences[0].text
        assert 1 <= f.independent <= len(f.sources)
    shuffled = list(sents)
    rnd.shuffle(shuffled)
    assert cluster(shuffled, sources) == facts


# --- fast paths agree with the plain definitions ---------------------------------


def _plain_local_dice(short: Terms, long: Terms, idf: dict[str, float] | None) -> float:
    """Every stretch of ``long`` that starts at a shared term, scanned in full."""
    weight = (lambda t: 1.0) if idf is None else (lambda t: idf.get(t, 1.0))
    w_short = math.fsum(weight(t) for t in short.bag)
    best = 0.0
    for i, first in enumerate(long.seq):
        if first not in short.bag:
            continue
        seen: set[str] = set()
        w_window = w_shared = 0.0
        for t in long.seq[i:i + 2 * len(short.seq) + 2]:
            if t in seen:
                continue
            seen.add(t)
            w_window += weight(t)
            if t in short.bag:
                w_shared += weight(t)
                best = max(best, 2 * w_shared / (w_short + w_window))
    return best


def _terms_of(seq: list[str]) -> Terms:
    return Terms(tuple(seq), frozenset(seq), frozenset(), frozenset(), (), "")


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from("abcdef"), min_size=1, max_size=6),
       st.lists(st.sampled_from("abcdefghi"), min_size=1, max_size=24),
       st.booleans())
@pytest.mark.slow
def test_local_overlap_equals_a_scan_of_every_stretch(short: list[str], long: list[str],
                                                      weighted: bool) -> None:
    idf = {t: math.log(1 + ord(t) % 11) + 1.0 for t in "abcdefghi"} if weighted else None
    a, b = _terms_of(short), _terms_of(long)
    # Exactly equal, not just close: merge order follows these scores.
    assert _local_dice(a, b, idf) == _plain_local_dice(a, b, idf)


def test_a_later_stretch_that_reaches_a_heavy_term_counts() -> None:
    # The stretch from "b" reaches "c", one term beyond the stretch from "a".
    short, long = _terms_of(list("abc")), _terms_of(list("abxxxxxxc"))
    idf = {"a": 1.0, "b": 1.0, "c": 5.0, "x": 1.0}
    assert _local_dice(short, long, idf) == _plain_local_dice(short, long, idf) == 12 / 14


def test_array_scores_of_candidates_equal_the_pair_by_pair_scores() -> None:
    sents, _ = seed_corpus()
    texts = list(dict.fromkeys(s.text for s in sents))
    common = common_words(texts)
    feats = list({f.key: f for f in (terms(t, common) for t in texts)}.values())
    df = Counter(t for f in feats for t in f.bag)
    idf = term_weights(feats)
    scorer = _Scorer(feats, idf)
    pairs = _candidates(feats, df, idf, scorer.totals, LINK)
    assert len(pairs[0]) > 20
    sure = 0
    for i, j, w in zip(*(p.tolist() for p in pairs), strict=True):
        shared = feats[i].bag & feats[j].bag
        assert w == math.fsum(idf[t] for t in shared)  # exact, as math.fsum sums
        sure += pair_score(feats[i], feats[j], scorer.totals[i], scorer.totals[j], idf, THRESHOLD) >= 0.72
    assert sure > 0
    scores = _candidate_scores(feats, pairs, _Scorer(feats, idf))
    for (i, j), got in zip(zip(*(p.tolist() for p in pairs[:2]), strict=True), scores.tolist(), strict=True):
        want = pair_score(feats[i], feats[j], scorer.totals[i], scorer.totals[j], idf, LINK, vetoes=False)
        assert got == want or (got < LINK and want < LINK)


@pytest.mark.parametrize("enabled", [True, False])
def test_clustering_leaves_the_cycle_collector_as_it_found_it(enabled: bool) -> None:
    sents, sources = one_each(LEE_REMARK)
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        facts = cluster(sents, sources)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert len(facts) == 1 and facts[0].sources == ("s1", "s2", "s3")


# --- issue 17: footnotes cite only sources that state the fact ------------------------


MINE_TOLL = ("The Chosei undersea coal mine incident was a disaster at an undersea coal mine in Ube, "
             "Yamaguchi Prefecture, Japan, that killed 136 Koreans and 47 Japanese.")
MINE_DATE = ("The Josei Coal Mine incident occurred on February 3, 1942, in an underwater tunnel off Ube "
             "City, Yamaguchi Prefecture.")


def test_the_mine_date_is_not_merged_into_the_death_toll(seed_facts: tuple[list[Fact], list[Source]]) -> None:
    """Issue 17: News1's date sentence was a member of the death-toll fact, so its footnote cited News1."""
    facts, _ = seed_facts
    toll = fact_of(facts, MINE_TOLL)
    date = fact_of(facts, MINE_DATE)
    assert toll is not date
    assert MINE_DATE not in {s.text for s in toll.sentences}
    assert "s4" not in toll.sources  # News1 printed the date, not the toll
    assert date.sources == ("s4",)


def test_every_member_of_a_seed_fact_states_its_representative(
        seed_facts: tuple[list[Fact], list[Source]]) -> None:
    facts, _ = seed_facts
    sents, _ = seed_corpus()
    common = common_words(dict.fromkeys(s.text for s in sents))
    idf = term_weights([s.text for s in sents])
    for f in facts:
        rep = terms(f.text, common)
        for s in f.sentences[1:]:
            member = terms(s.text, common)
            assert s.text == f.text or carries(member, rep, idf) or one_statement(s.text, f.text, idf)
        assert list(f.sources) == sorted({s.source_id for s in f.sentences}, key=lambda sid: int(sid[1:]))
        assert all(f.id in next(g for g in facts if g.id == other).overlaps for other in f.overlaps)


def test_a_sentence_adding_a_different_figure_is_kept_apart_but_linked() -> None:
    a = "A fire turned a dance hall into a deathtrap, killing 60 people and injuring 155."
    b = "A fire turned a dance hall into a deathtrap, killing 60 people and injuring 162 others in the city."
    sents, sources = one_each((a, b), UNRELATED)
    facts = cluster(sents, sources)
    fa, fb = fact_of(facts, a), fact_of(facts, b)
    assert fa is not fb
    assert fa.sources == ("s1",) and fb.sources == ("s2",)
    assert fb.id in fa.overlaps and fa.id in fb.overlaps


def test_a_sentence_opening_with_another_sources_statement_is_linked_to_it() -> None:
    # On the seeds, Yonhap's "Lee held summit talks with Prime Minister Sanae Takaichi in Nara on
    # Tuesday, their second meeting ..., as ..." shares too little wording with korea.kr's "... held a
    # summit in Nara Prefecture, Japan, on January 13th and reaffirmed ..." to merge or overlap as
    # wholes, but opens (up to its comma) with the statement korea.kr makes: linked, printed once.
    facts = cluster(*seed_corpus())
    held = next(f for f in facts if "Takaichi held a summit in Nara Prefecture" in f.text)
    talks = next(f for f in facts if f.text.startswith("Lee held summit talks with Prime Minister"))
    assert held is not talks
    assert talks.id in held.overlaps and held.id in talks.overlaps
    # A clause of five terms or more that the other sentence does not state links nothing.
    roundtable = next(f for f in facts if f.text.startswith("The two leaders held a 100-minute roundtable"))
    assert held.id not in roundtable.overlaps


def test_copies_of_one_wire_story_are_named_for_the_agency_they_credit() -> None:
    story = ("TOKYO (AP) _ A strong earthquake struck the mountain provinces on Monday, killing at least 820 "
             "people and flattening villages, officials said. Rescue teams reached the worst-hit towns by "
             "nightfall and set up field hospitals in schools. ") * 2
    own = "A report by the paper's own correspondent on the earthquake in the mountain provinces. " * 4
    other = "Another outlet's own story, on relief flights from the capital to the provinces on Tuesday. " * 4
    sources = [make_source("s1", text=own, outlet="The Chosun Daily"),
               make_source("s2", text=story, outlet="The Star"),
               make_source("s3", text=story + " More on page 3.", outlet="The Gleaner"),
               make_source("s4", text=story.replace("TOKYO (AP) _ ", ""), outlet="TAG24"),
               make_source("s5", text=other, outlet="Other"),
               make_source("s6", text=other, outlet="Other mirror")]
    named = with_reports(sources)
    assert [s.report for s in named] == ["", "AP", "AP", "AP", "Other", "Other"]
    assert [s.id for s in named] == [s.id for s in sources]
    statement = "A strong earthquake struck the mountain provinces on Monday, killing at least 820 people."
    sents = [Sentence(text=statement, source_id=s.id, index=0, start=0, end=len(statement))
             for s in named[:4]]
    (fact,) = cluster(sents, named, {s.id: s.report or s.id for s in named})
    assert fact.sources == ("s1", "s2", "s3", "s4")
    assert fact.independent == 2


def test_a_representative_that_leans_on_the_sentence_before_gives_way() -> None:
    from briefgen.facts.members import representative
    from briefgen.select.standalone import dangling

    texts = ["President Lee said it is a small but meaningful step forward.",
             "Lee called the summit a small but meaningful step forward."]
    assert representative([0, 1], texts, lambda x, y: True, lambda x, y: 1.0) == 0
    assert representative([0, 1], texts, lambda x, y: True, lambda x, y: 1.0, leans=dangling) == 1


def test_a_member_that_cannot_be_printed_never_stands_for_one_that_can() -> None:
    # Multi-News 00167: the three outlets' leads on a foiled church attack merged into one fact whose
    # representative was a headline without a full stop, which the memo cannot print; the others
    # carry it, and clarity alone did not outweigh that.
    from briefgen.facts.members import representative, split_group
    from briefgen.select.standalone import broken, dangling

    texts = ["Paris an algerian man suspected of planning an imminent attack on a church has been arrested",
             "an islamic extremist with an arsenal of heavy weapons planned an imminent attack on one or "
             "more french churches, france's top security official said wednesday."]
    carries = lambda x, y: x == 1  # noqa: E731 - the lead states the headline, not the other way
    backing = lambda x, y: 1.0  # noqa: E731
    assert representative([0, 1], texts, carries, backing, leans=dangling) == 0
    assert representative([0, 1], texts, carries, backing, leans=dangling, broken=broken) == 1
    assert split_group([0, 1], texts, carries, backing, dangling, broken)[0][0] == 1
    # Only broken members: the choice is made among them as before.
    cut = [texts[0], texts[0].replace("Paris an", "an")]
    assert all(broken(t) for t in cut)
    assert (representative([0, 1], cut, carries, backing, leans=dangling, broken=broken)
            == representative([0, 1], cut, carries, backing, leans=dangling))


def test_one_reports_lead_stands_for_its_later_restatement() -> None:
    # Multi-News 00258: a story's lead and its later restatement merged; the restatement, which the
    # lead carries, stood for both, and the memo lost the lead. Within one report no other source's
    # sentence must carry what is printed: the lead that states the representative and more stands.
    from briefgen.facts.members import split_group

    texts = ["Netflix reversed an unpopular decision to rename its dvd service qwikster, saying both "
             "services will stay on the same website.",
             "Netflix said it will not rename the dvd service."]
    carries = lambda x, y: x == 0  # noqa: E731 - the lead states the restatement, not the other way
    backing = lambda x, y: 1.0  # noqa: E731
    assert split_group([0, 1], texts, carries, backing) == [(1, [0, 1])]
    lead_and_later = lambda u: (frozenset({"s1"}), 9 * u)  # noqa: E731 - sentences 0 and 9 of s1
    assert split_group([0, 1], texts, carries, backing, origin=lead_and_later) == [(0, [0, 1])]
    # Two reports: the footnote cites both, so the sentence both carry is printed; so it is when the
    # fuller sentence is no lead (the one the others carry is what the report says throughout).
    two = lambda u: (frozenset({f"s{u + 1}"}), 0)  # noqa: E731
    assert split_group([0, 1], texts, carries, backing, origin=two) == [(1, [0, 1])]
    later = lambda u: (frozenset({"s1"}), 5 + u)  # noqa: E731
    assert split_group([0, 1], texts, carries, backing, origin=later) == [(1, [0, 1])]
    # Two sentences that each carry the other, or both in the lead (Multi-News 00033: a headline and
    # its dek glued, carrying the lead): the representative stays the one the others carry best.
    both = lambda x, y: True  # noqa: E731
    low = [texts[0].lower(), texts[1]]  # lower-case, the lead reads less clearly on its own
    assert split_group([0, 1], low, both, backing) == [(1, [0, 1])]
    assert split_group([0, 1], low, both, backing, origin=lead_and_later) == [(1, [0, 1])]
    in_lead = lambda u: (frozenset({"s1"}), u)  # noqa: E731 - sentences 0 and 1 of s1
    assert split_group([0, 1], texts, carries, backing, origin=in_lead) == [(1, [0, 1])]
    # The lead stands only when it reads plainly: not leaning on what came before it, printable, and
    # not run long by a headline or byline glued to it (a review's probes; Multi-News 00043, 00066).
    from briefgen.select.standalone import broken, dangling

    # (The later sentence is lower-cased here, so that it reads less clearly than each lead.)
    later = "netflix said it will not rename the dvd service."
    leaning = ["The move came after a customer revolt, and Netflix said it will not rename its service.",
               later]
    assert split_group([0, 1], leaning, carries, backing, dangling, broken, lead_and_later) == [(1, [0, 1])]
    cut = [texts[0].rstrip("."), later]
    assert split_group([0, 1], cut, carries, backing, None, broken, lead_and_later) == [(1, [0, 1])]
    glued = [texts[0] + " " + " ".join(["more"] * 40) + ".", later]
    assert split_group([0, 1], glued, carries, backing, dangling, broken, lead_and_later) == [(1, [0, 1])]
    plain = [texts[0], later]
    assert split_group([0, 1], plain, carries, backing, dangling, broken, lead_and_later) == [(0, [0, 1])]
    # ... and reads at least as clearly as the sentence it would stand for.
    assert split_group([0, 1], low, carries, backing, origin=lead_and_later) == [(1, [0, 1])]
    # Each carries the other, the later one backed best: it stays (its report says it throughout).
    favour_later = lambda x, y: 1.0 if x == 1 else 0.0  # noqa: E731
    assert split_group([0, 1], texts, both, favour_later) == [(1, [0, 1])]
    assert split_group([0, 1], texts, both, favour_later, origin=lead_and_later) == [(1, [0, 1])]


def test_an_articles_lead_is_printed_for_the_fact_it_restates_later() -> None:
    # The merger passes each member's report and place in it (Multi-News 00258, in other words).
    from briefgen.pipeline import analyse

    lead = ("Acme Corp reversed an unpopular decision to put its DVD rental business on a separate website "
            "and rename it Qwikster, saying both services will stay on the same website.")
    article = " ".join([
        lead, "Customers will continue to go to acme.com for streaming and rentals, the company said.",
        "The earlier plan had angered many customers, who wrote complaints on the company's blog.",
        "Shares of the company have fallen by about 60 percent since July.",
        "Analysts said the reversal was a sign that the chief executive had listened to subscribers.",
        "Acme said it will not rename the DVD service.",
        "The company expects to have 24 million subscribers at the end of the quarter."])
    merged = [f for f in analyse(texts=[article]).facts if len(f.sentences) > 1]
    assert [(f.text, [s.index for s in f.sentences]) for f in merged] == [(lead, [0, 5])]


@settings(max_examples=300, deadline=None)
@given(st.integers(2, 16), st.integers(0, 2**32 - 1))
def test_representative_reads_the_rules_lazily_and_chooses_as_reading_every_member(
        size: int, seed: int) -> None:
    # The rules run only while a member could still win; the choice must be the one made by
    # reading every member: the best printable one by merit, or the best of all if none is.
    import math as m

    from briefgen.facts.members import _BACKING, _CLARITY, _PANEL, clarity_penalty, representative

    rng = random.Random(seed)
    words = ["Lee met Takaichi in Nara on Tuesday.", "He said it was good.", "The talks went on",
             "Officials said the two sides agreed to begin testing.", "It rained."]
    texts = [rng.choice(words) for _ in range(size)]
    members = rng.sample(range(size), rng.randint(2, size))
    carry = {(x, y): rng.random() < 0.5 for x in range(size) for y in range(size)}
    back = {(x, y): rng.choice((0.0, 0.25, 0.5, 1.0)) for x in range(size) for y in range(size)}
    bad = {t: rng.random() < 0.3 for t in words}
    lean = {t: rng.random() < 0.4 for t in words}
    panel = sorted(members)[:_PANEL]

    def merit(i: int) -> tuple[float, int]:
        others = [j for j in panel if j != i]
        carried = sum(carry[j, i] for j in others) / len(others)
        backed = m.fsum(back[i, j] for j in others) / len(others)
        unclear = clarity_penalty(texts[i]) + (1.0 if lean[texts[i]] else 0.0)
        return (carried + _BACKING * backed - _CLARITY * unclear, -i)

    printable = [i for i in members if not bad[texts[i]]] or members
    assert representative(members, texts, lambda x, y: carry[x, y], lambda x, y: back[x, y],
                          leans=lambda t: lean[t], broken=lambda t: bad[t]) == max(printable, key=merit)


# --- one frame around different statements -------------------------------------------

SANTORUM = (
    "Former republican presidential candidate rick santorum said sunday he won't be serving in a mitt "
    "romney's administration if the republican is elected president this fall.",
    "Former republican presidential candidate rick santorum said sunday that mitt romney's response to the "
    "white house's immigration decision shows he's \"trying to walk a line as not to sound like he's hostile "
    "to latinos. \"",
)
SCHIEFFER = (
    "\"we're not going to bail out the european banks, \" the presumptive republican presidential nominee "
    "told bob schieffer in an interview aired sunday on cbs's \"face the nation. \"",
    "Romney, the presumptive republican presidential nominee, told bob schieffer in an interview aired "
    "sunday on cbs's \"face the nation \" that his wife, ann, is \"quite thrilled \" that her horse, "
    "rafalca, qualified for the 2012 london games.",
)


@pytest.mark.parametrize("pair", [SANTORUM, SCHIEFFER])
def test_one_interview_frame_around_different_statements_is_two_facts(pair: tuple[str, str]) -> None:
    common = common_words(pair)
    a, b = terms(pair[0], common), terms(pair[1], common)
    assert a.said or b.said
    assert different_statements(a, b)
    assert not one_statement(*pair)
    # Merged, each footnote cited both outlets for what only one of them reported.
    sents, sources = one_each(pair)
    facts = cluster(sents, sources)
    assert [f.sources for f in facts] == [("s1",), ("s2",)]
    assert all(not f.overlaps for f in facts)  # different statements: both may print


def test_one_statement_in_two_frames_still_merges() -> None:
    # The same speaker's words, quoted in one and reported in the other: the frames are kept out
    # and the statements still share their words.
    quoted = ("\"Israel is not a part of this dispute and is not involved in it in any way,\" said Defense "
              "Ministry spokesman Avi Benayahu.")
    reported = ("In Jerusalem, Defense Ministry spokesman Avi Benayahu said Israel is not involved \"in any "
                "way\" in the dispute.")
    common = common_words((quoted, reported))
    assert not different_statements(terms(quoted, common), terms(reported, common))
    saddened = ("In a statement to people, tlc said they were \"deeply saddened \" by his loss.",
                "\" tlc was deeply saddened by the loss of robert, \" the network said in a statement.")
    assert one_statement(*saddened)


@pytest.mark.parametrize("text, voice", [
    ('Tell me more! photos can also be uploaded from social platforms including facebook, instagram, picasa '
     'and "several others ".', True),
    ("we've got our fingers crossed for flickr, google+ and 500px.", True),
    ('"We will rebuild," the mayor said.', False),
    ("We asked the company for comment, and a spokesman said it would not comment.", False),
    ("The company plans to open ten stores.", False),
    # A name or a title that holds such a word is no voice, nor is "us" (a review's probes).
    ("Our Lady of Guadalupe church was damaged in the fire.", False),
    ("We Energies restored power to 40,000 customers in Milwaukee.", False),
    ("The book, Why We Sleep, became a bestseller.", False),
    ("Madonna performed Like a Prayer and I Will Survive on Friday.", False),
    ("the couple's split was first reported by us weekly on monday.", False),
])
def test_writer_voice_is_the_first_person_outside_quotations_giving_no_one_s_words(text: str,
                                                                                     voice: bool) -> None:
    from briefgen.select.units import writer_voice

    assert writer_voice(text) is voice


def test_the_writer_s_voice_never_stands_for_a_report_s_lead() -> None:
    # Multi-News 00162: the page's call to its reader, which the lead carries, stood for the lead's fact,
    # and the memo lost the news (the call is never printed); the lead stands for itself.
    from briefgen.pipeline import analyse

    lead = ("Photography giant polaroid plans to open at least ten new retail stores this year focused on "
            "getting people to print and edit the photos saved on their smartphone, or uploaded to social "
            "networks such as facebook, instagram and picasa.")
    call = ('Tell me more! photos can also be uploaded from social platforms including facebook, instagram, '
            'picasa and "several others ".')
    first = (f"{lead} The first store, which is set to open in florida next month, will let customers print "
             f"photos from their phones. {call}")
    second = ("Though its heyday is behind it, polaroid is still trying to carve a space in the photography "
              "sector. The company has announced that it will be opening several retail stores based on its "
              "fotobar service. The first store will open during february in delray beach, florida.")
    facts = analyse(texts=[first, second]).facts
    assert fact_of(list(facts), lead).text == lead
