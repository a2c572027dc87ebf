"""One person's fate (died, missing) is one fact, however each outlet describes them (issue 17)."""

from __future__ import annotations

import pytest

from briefgen.facts.fates import fates, same_fate
from briefgen.select.statements import Statements
from briefgen.text.clauses import main_clause

# Printed together in the bottom line of Multi-News validation 00159's memo.
REUTERS = ("phyllis schlafly, who became a \"founding mother \" of the modern u.s. Conservative movement by "
           "battling feminists, died on monday at the age of 92, her eagle forum group said.")
TIMES = ("Phyllis schlafly, whose grass-roots campaigns against communism, abortion and the equal rights "
         "amendment galvanized conservatives, died on monday.")


@pytest.mark.parametrize(("text", "main"), [
    (TIMES, "Phyllis schlafly died on monday."),
    ("Michael chamberlain, the father of azaria, who was snatched by a dingo at uluru in 1980, has died "
     "aged 72.",
     "Michael chamberlain has died aged 72."),
    ("Xu, who will go on trial on Monday in Beijing, has been given a lawyer, his wife said.",
     "Xu has been given a lawyer, his wife said."),
    # An age, and a description with an "-ed" word of its own.
    ("The new zealand-born jack, 35, was found dead on thursday evening.",
     "The new zealand-born jack was found dead on thursday evening."),
    ("David s. Broder, 81, a columnist and one of the most respected writers on politics, died wednesday.",
     "David s. Broder died wednesday."),
    # The relative clause's own verb after a name set off inside it; an opening phrase; a time; a
    # list; a sentence adverb; a verb of the subject's own before the comma.
    ("Monica Hawkins, whose cousin, Jay Jasan, died on the flight, said the site felt funny.", None),
    ("On Friday, a man identified as Adam S., 47, was found frozen to death in a park.", None),
    ("Last November, a doctor in Winnipeg, Manitoba, was shot in the shoulder.", None),
    ("His cousins Halima, 17, and Nabatte, 14, were there.", None),
    ("The timing, however, indicates the new phone, which is expected soon, will be late.", None),
    ("Paul Krugman, an economist, also questioned the wisdom, wondering how it could be correct.", None),
    ("Police said, without giving details, that two men were held.", None),
])
def test_main_clause_leaves_out_what_is_set_off_between_subject_and_verb(text: str, main: str | None) -> None:
    assert main_clause(text) == main


def test_one_persons_death_is_one_fact() -> None:
    assert fates(TIMES) == fates(REUTERS) == (("died", frozenset({"phylli", "schlafli"})),)
    assert same_fate(TIMES, REUTERS) and same_fate(REUTERS, TIMES)
    assert Statements([TIMES, REUTERS]).same(TIMES, REUTERS)
    # A surname alone names the person the full name names.
    assert same_fate("Chamberlain died suddenly, his ex-wife said in a statement.",
                      "michael chamberlain, who waged a decades-long battle, has died, his former wife said.")


def test_another_persons_death_or_someone_new_is_not() -> None:
    assert not same_fate(TIMES, "Betty friedan, the feminist author, died in 2006.")
    assert not same_fate("Harry died in 1976 and his son took over.",
                          "Rich died in a plane crash when he was 41.")
    # Someone new or several ("A man", a count), a pronoun, a clause, a figure of speech: no one named.
    for text in ("A man died in the crash.", "Two people died in the crash.",
                 "Police say he died near the island.",
                 "My heart died along with him.", "The morning before she died started like most others.",
                 "Nearly two million died from hunger in the 1990s."):
        assert fates(text) == (), text
    # What a sentence's main clause does not say: "Monica Hawkins" did not die.
    hawkins = "Monica Hawkins, whose cousin, Jay Jasan, died on the flight, said the site felt funny."
    assert fates(hawkins) == ()


def test_one_person_missing_is_one_fact_and_not_the_same_as_dead() -> None:
    # Multi-News 00277: three outlets say the mother is still missing, each in its own words.
    located = "His mother, linda carman, 54, of middletown, has not been located."
    remains = "Linda carman remains missing."
    whereabouts = "There was no information about the whereabouts of his mother, linda."
    assert same_fate(located, remains) and same_fate(located, whereabouts)
    assert fates(whereabouts) == (("missing", frozenset({"linda"})),)  # "his mother" is a role
    assert not same_fate(remains, "Linda carman died on Sunday, her son said.")
    # "His mother" alone does not say whose; "two people" are not one named person.
    assert fates("His mother has not been located.") == ()
    assert fates("Two people remain missing.") == ()


@pytest.mark.parametrize(("a", "b"), [
    # Two people of one role or title; someone the subject belongs to; an adverb for a subject.
    ("Police officer John Smith died Monday.", "Police officer Mary Jones died on Tuesday."),
    ("Former President Bush died on Friday.", "Former President Ford died on Tuesday."),
    ("The victim, a 23-year-old woman, died at the scene.",
     "The victim, a 45-year-old man, died in hospital."),
    ("Smith died on Monday.", "Smith's wife died on Monday."),
    ("Sadly, Smith, the boy's father, died in 2001.", "Sadly, Jones, the girl's mother, died in 1999."),
    # A near miss, a modal, a negation; a past spell of being missing.
    ("Smith almost died in the crash.", "Smith died in the crash."),
    ("Smith could have died, doctors said.", "Smith died on Monday."),
    ("Smith has not died, his lawyer said.", "Smith died on Monday."),
    ("Smith was missing for three days before rescuers found him alive.", "Linda Smith remains missing."),
])
def test_no_fate_is_shared_by_other_people_or_unstated_fates(a: str, b: str) -> None:
    assert not same_fate(a, b) and not same_fate(b, a)
