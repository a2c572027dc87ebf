"""One fact, once: which sentences restate one statement in other words (briefgen.select.statements)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefgen.select.selector import DEFAULT, content_of, redundant
from briefgen.select.statements import Statements, predicates, restating
from tests.conftest import make_fact

# A coverage of one event: its names ("Springfield", "police", "city") are in many facts, so they
# weigh little as arguments; the pairs below are part of it too.
BACKGROUND = [
    "Springfield officials said the city council would meet on Tuesday.",
    "Residents of Springfield gathered outside City Hall on Monday.",
    "The Springfield city council has nine members.",
    "Springfield is the largest city in the county.",
    "Council members in Springfield discussed the budget.",
    "Springfield police said the investigation began in March.",
    "Local newspapers in Springfield reported the news on their front pages.",
    "The governor said he was following events in Springfield closely.",
    "Springfield's deputy mayor will run the city in the meantime.",
    "Springfield voters elected the mayor three years ago.",
    "A Springfield resident said the city needed a fresh start.",
    "The state attorney general's office declined to comment on Springfield.",
    "Springfield has a population of about 150,000 people.",
    "Protesters in Springfield carried signs calling for new elections.",
]

SAME = [
    # One arrest: "arrested" twice, with the mayor's name and the charge.
    ("Police arrested Springfield Mayor John Doe on bribery charges on Monday.",
     "Doe was arrested at his office after a grand jury accused him of taking bribes from contractors."),
    # "killed" and "fatally shot" are one death; the sniper and the home are the same.
    ("The obstetrician was killed by a sniper at his home in a Springfield suburb.",
     "Short-staffed even before the doctor was fatally shot by a sniper hiding behind his home, the clinic "
     "closed."),
    # "placed under arrest" is "arrested" (an idiom of one action), the mayor and the bribes.
    ("Police arrested Springfield Mayor John Doe on bribery charges on Monday.",
     "Doe was placed under arrest at his office on bribery charges, his lawyer said."),
    # "performed" and "played" (synonyms), the drums.
    ("The mayor and the governor performed a surprise drum ensemble at the festival.",
     "The mayor and the governor exchanged gifts and played drums together at the festival."),
]

DIFFERENT = [
    # "sentenced to death" is a sentence, not a killing; "death" after "to" is no verb.
    ("The Springfield judge died in hospital on Monday, his family said.",
     "A Springfield court sentenced the gunman to death for the Springfield judge's murder on Monday."),
    # The same people, another action.
    ("Police arrested Springfield Mayor John Doe on bribery charges on Monday.",
     "Springfield Mayor John Doe opened a new bridge over the river on Monday."),
    # "the crash" mentions the event the other sentence states; this one states a finding.
    ("The plane crashed off the coast of Nova Scotia, killing all 229 people aboard.",
     "Investigators looking into the crash off the coast of Nova Scotia found damaged wires."),
    # The same action by the same police, on other people: only the event's names are shared.
    ("Springfield police arrested two men after the robbery.",
     "Springfield police arrested a woman for driving without a licence."),
]

COVERAGE = Statements(BACKGROUND + [t for pair in SAME + DIFFERENT for t in pair])


@pytest.mark.parametrize(("a", "b"), SAME)
def test_a_restatement_in_other_words_is_one_statement(a: str, b: str) -> None:
    assert COVERAGE.same(a, b) and COVERAGE.same(b, a)


@pytest.mark.parametrize(("a", "b"), SAME[1:])
def test_word_overlap_alone_misses_these_restatements(a: str, b: str) -> None:
    # Why the check exists: the selector's content overlap does not call these redundant.
    assert not redundant(content_of(a), content_of(b), DEFAULT.redundancy)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_sharing_names_or_an_action_alone_is_not_one_statement(a: str, b: str) -> None:
    assert not COVERAGE.same(a, b) and not COVERAGE.same(b, a)


def test_the_event_names_weigh_less_than_a_rare_argument() -> None:
    assert COVERAGE.idf("sprin") < 1.0 < COVERAGE.idf("drum")


def test_a_predicate_is_read_from_its_place_and_form() -> None:
    found = predicates("Chile said it would protest to British authorities, arguing that he has immunity.")
    # "said" reports; "protest" follows a modal; "arguing" is a progressive form in its own clause.
    assert [p.term for p in found][:2] == ["prote", "argu"]
    assert {"briti", "autho"} <= found[0].arguments
    assert "immun" in found[1].arguments and "briti" not in found[1].arguments
    # A form after a determiner is a noun phrase, not an action.
    assert [p.term for p in predicates("The injured were taken to a crowded hospital.")] == ["taken"]


def test_killed_and_fatally_shot_share_a_form() -> None:
    killed = predicates("The doctor was killed at home.")[0]
    shot = predicates("The doctor was fatally shot at home.")[0]
    assert killed.forms & shot.forms
    assert not predicates("The doctor was shot at home.")[0].forms & killed.forms


def test_a_part_leaves_out_the_less_important_of_two_restatements() -> None:
    drums, bridge, ensemble = (make_fact(t, fid=f"f{k}") for k, t in enumerate(
        (SAME[3][1], DIFFERENT[1][1], SAME[3][0])))
    assert "drums" in drums.text and "bridge" in bridge.text and "ensemble" in ensemble.text
    assert restating([drums, bridge, ensemble], COVERAGE) == {"f2"}
    assert restating([ensemble, bridge, drums], COVERAGE) == {"f0"}
    assert restating([bridge, drums], COVERAGE) == set()
    # The score says which is more important, not the printed order (an antecedent prints first).
    low, high = replace(drums, score=1.0), replace(ensemble, score=5.0)
    assert restating([low, bridge, high], COVERAGE) == {"f0"}


def test_restates_is_one_fact_repeats_or_same_whatever_the_pair() -> None:
    # The quick path for pairs that share no term must answer as the two tests do, on every pair of
    # a real coverage's facts (the sample's, with the merger's links and its tolls).
    from briefgen.pipeline import analyse
    from briefgen.select.selector import MEMO, repeats
    from briefgen.select.statements import restates

    facts = list(analyse().facts)
    statements = Statements(f.text for f in facts)
    calls = {}
    for a in facts:
        for b in facts:
            full = a.id == b.id or repeats(a, b, share=MEMO.link_share) or statements.same(a.text, b.text)
            calls[a.id, b.id] = restates(a, b, statements)
            assert calls[a.id, b.id] == full, (a.text, b.text)
    assert sum(calls.values()) > len(facts)  # some pairs besides a fact and itself restate each other


def test_unrestated_keeps_what_restates_no_taken_fact() -> None:
    # The batched filter a section's candidates pass must keep exactly the facts that restate none
    # printed before (restates, pair by pair), on a real coverage: the sample's facts against its
    # bottom line's candidates, the merger's links and tolls included.
    from briefgen.pipeline import analyse
    from briefgen.select.statements import restates, unrestated

    facts = list(analyse().facts)
    statements = Statements(f.text for f in facts)
    taken = facts[:12]
    pool = facts[12:]
    expected = [f for f in pool if not any(restates(f, t, statements) for t in taken)]
    assert unrestated(pool, taken, statements) == expected
    assert 0 < len(expected) < len(pool)  # some candidates restate a taken fact, some do not


def test_a_toll_in_other_words_is_restated_though_no_word_is_shared() -> None:
    # Two sentences that share no content term can still give one toll (facts/tolls.py): the quick path
    # for such pairs must still ask, and a section's candidate giving a printed toll is left out.
    from briefgen.select.statements import restates, unrestated

    printed = make_fact("The blaze left 60 dead.", fid="f0")
    toll = make_fact("Sixty-one people died when fire swept the club.", fid="f1")
    other = make_fact("Sixty-one firefighters answered the call from the club.", fid="f2")
    assert content_of(printed.text).isdisjoint(content_of(toll.text))
    assert restates(toll, printed, COVERAGE)
    assert unrestated([toll, other], [printed], COVERAGE) == [other]
