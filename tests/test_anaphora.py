"""A definite noun phrase that calls by its kind what the sentences before introduced (select/anaphora.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefgen.model import Fact, Sentence
from briefgen.pipeline import run
from briefgen.select.anaphora import pointing_back, points_back
from briefgen.select.units import needs

SNAKE = "A venomous yellow-bellied sea snake was found on a beach in Oxnard on Friday morning."
DIED = "The snake had died by the time officials arrived hours later, Forbes said."


@pytest.mark.parametrize(("text", "before", "back"), [
    # Multi-News 00282, 00200, 00231 (analysts' readings): the noun is the sentences' before.
    (DIED, [SNAKE], True),
    ("The defendant was arrested and taken to jail after failing sobriety tests.",
     ["The jury heard that the defendant had been drinking all afternoon."], True),
    ("The series is wildly popular and critically acclaimed.",
     ["Louie is a comedy series created by and starring Louis C.K.", "It first aired in 2010."], True),
    ("The fire was the deadliest this country has seen in decades.",
     ["A fire swept through a crowded dance hall in Goteborg late on Thursday."], True),
    # Who said so between the noun and its verb (DUC 2003 d31038t, Multi-News 00200).
    ("The reports, American officials said, included several caveats.",
     ["U.S. officials received reports of a plot months before the attack."], True),
    ("The retaliation charge, crowl said, was based on something many people don't know about.",
     ["martin was also found guilty on a retaliation charge."], True),
    # Not introduced: the sentence opens on its own thing.
    (DIED, ["Officials in Oxnard closed the beach on Friday.", "Nobody was hurt."], False),
    ("The economy grew 3 percent in the third quarter.", ["Stocks rose on Friday."], False),
    # The story's principals, a post one person holds, a paper; a name; a noun the verb does not follow.
    ("The two leaders exchanged three farewell handshakes.", ["The leaders met in Nara."], False),
    ("The president said the talks had gone well.", ["President Lee met Takaichi."], False),
    ("The times reported that she had drafted a letter.", ["the new york times said so."], False),
    ("The Hague tribunal indicted him.", ["He was sent to The Hague."], False),
    ("The snake found in Oxnard was a yellow-bellied sea snake.", [SNAKE], False),
])
def test_a_definite_noun_phrase_points_back_to_what_the_sentences_before_introduced(
        text: str, before: list[str], back: bool) -> None:
    assert points_back(text, before) is back


def test_an_article_marks_its_sentences_and_a_marked_fact_prints_only_after_its_antecedent() -> None:
    sentences = [Sentence(text=t, source_id="s1", index=k, start=0, end=len(t))
                 for k, t in enumerate((SNAKE, DIED, "The economy grew 3 percent in the third quarter."))]
    marked = pointing_back(sentences)
    assert [s.points_back for s in marked] == [False, True, False]
    # Introduced further back than REACH sentences: not marked.
    far = [Sentence(text=t, source_id="s1", index=k, start=0, end=len(t))
           for k, t in enumerate((SNAKE, "Nobody was hurt.", "Crowds watched from a distance.", DIED))]
    assert [s.points_back for s in pointing_back(far)] == [False, False, False, False]
    facts = [Fact(id=f"f{k}", text=s.text, sentences=(s,), sources=("s1",)) for k, s in enumerate(marked)]
    assert needs(facts) == [(), (0,), ()]
    # Without the sentence that introduced the snake, the fact is never printed alone.
    assert needs(facts[1:]) == [None, ()]
    assert needs([replace(facts[1], sentences=(replace(marked[1], points_back=False),))]) == [()]


def test_a_memo_leaves_out_the_sentence_when_what_introduced_its_noun_cannot_print() -> None:
    # The sentence that introduced the snake is a photo's caption, which no memo prints: "The snake
    # had died ..." would print alone, saying nothing of which snake; it is left out.
    caption = "Photo: a venomous yellow-bellied sea snake found on a beach in Oxnard on Friday morning."
    article = (f"Sea snakes are rarely seen so far north, scientists said on Saturday. {caption} {DIED} "
               "The state wildlife department said the warm water had carried the animal north.")
    briefing = run(texts=[article]).briefing
    texts = [f.text for f in (*briefing.bluf, *briefing.facts)]
    assert texts == ["Sea snakes are rarely seen so far north, scientists said on Saturday.",
                     "The state wildlife department said the warm water had carried the animal north."]
