"""The attribution frame: who said it, to whom and when, apart from what was said."""

from __future__ import annotations

import pytest

from briefgen.text.attribution import frame, setting, without_setting


def statement(text: str) -> str:
    """``text`` with its frame cut out, spaces squeezed."""
    kept = text
    for start, end in sorted(frame(text), reverse=True):
        kept = kept[:start] + " " + kept[end:]
    return " ".join(kept.split())


@pytest.mark.parametrize(("text", "said"), [
    # The speaker and the verb first, the day after it.
    ("Former republican presidential candidate rick santorum said sunday he won't be serving in a mitt "
     "romney's administration if the republican is elected president this fall.",
     "he won't be serving in a mitt romney's administration if the republican is elected president "
     "this fall."),
    # "that" opens what was said; after "told", the addressee and the venue come before it.
    ("Romney, the presumptive republican presidential nominee, told bob schieffer in an interview aired "
     "sunday on cbs's \"face the nation \" that his wife, ann, is \"quite thrilled \".",
     "his wife, ann, is \"quite thrilled \"."),
    # The frame after the statement, to the end of the sentence ...
    ("\"we're not going to bail out the european banks, \" the presumptive republican presidential nominee "
     "told bob schieffer in an interview aired sunday on cbs's \"face the nation. \"",
     "\"we're not going to bail out the european banks"),
    ("Twelve people died in the blast, police said.", "Twelve people died in the blast ."),
    # ... or to its next comma, with the speaker after the verb.
    ("The two leaders agreed to expand trade, officials said on Tuesday, adding that talks would resume.",
     "The two leaders agreed to expand trade , adding that talks would resume."),
    ("\"Israel is not involved in it in any way,\" said Defense Ministry spokesman Avi Benayahu.",
     "\"Israel is not involved in it in any way"),
    # A clause that goes on after its speaker: the statement follows the verb.
    ("Scotland Yard refused to confirm Pinochet's whereabouts, but his Santiago spokesman Fernando Martinez "
     "said he was in a London clinic when police came for him.",
     "Scotland Yard refused to confirm Pinochet's whereabouts he was in a London clinic when police came "
     "for him."),
    ("In a statement to people, tlc said they were \"deeply saddened \" by his loss.",
     "In a statement to people they were \"deeply saddened \" by his loss."),
    ("According to police, twelve people died in the blast.", "twelve people died in the blast."),
])
def test_frame_leaves_the_statement(text: str, said: str) -> None:
    assert statement(text) == said


@pytest.mark.parametrize("text", [
    "He said so.",  # the statement would be nothing
    "In an interview with bob schieffer aired sunday, the nominee declined to answer.",  # no reporting verb
    "The storm killed 12 people and left thousands without power.",
])
def test_no_frame(text: str) -> None:
    assert frame(text) == ()


@pytest.mark.parametrize(("text", "where"), [
    # After "told": the addressee, the venue and the day, up to "that".
    ("Romney, the presumptive republican presidential nominee, told bob schieffer in an interview aired "
     "sunday on cbs's \"face the nation \" that his wife, ann, is \"quite thrilled \".",
     ["bob schieffer in an interview aired sunday on cbs's \"face the nation \" that"]),
    ("\"we're not going to bail out the european banks, \" the presumptive republican presidential nominee "
     "told bob schieffer in an interview aired sunday on cbs's \"face the nation. \"",
     ["bob schieffer in an interview aired sunday on cbs's \"face the nation. \""]),
    ("Police said on Monday that 12 people died in the fire.", ["on Monday that"]),
    # Who said it is no setting: a speaker after the verb, the source of "according to", a bare "said".
    ("\"Israel is not involved in it in any way,\" said Defense Ministry spokesman Avi Benayahu.", []),
    ("Twelve people died in the blast, according to the fire brigade.", []),
    ("Twelve people died in the blast, police said.", []),
])
def test_the_setting_is_where_and_to_whom_not_who(text: str, where: list[str]) -> None:
    assert [text[a:b].strip() for a, b in setting(text)] == where
    assert without_setting(text).count(" ") >= 1
    for part in where:
        assert part not in without_setting(text)
