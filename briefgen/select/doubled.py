"""What a page prints twice around its prose: a headline or caption again in the same sentence, and a
person's card glued to their name.

Read by :mod:`briefgen.select.furniture`, which refuses such a sentence as page furniture.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefgen.text.frequency import zipf_table
from briefgen.text.words import STOPWORDS

__all__ = ["REPEATED_RUN", "REPEATED_WORDS", "REWORDED_WORDS", "RUN_GAP", "RUN_START", "name_card",
           "repeated_head"]

# A politics site's card for a person linked in the story, run in after the name: the surname, the
# name again as the card prints it, glued to its first headline, and the card's "more" within
# _CARD_REACH characters ("bernie sanders bernie sandersmystery surrounds dnc race ... on trump more
# on monday said ...", "president trump donald john trumpex-russia ambassador: ..."): 4 sentences of
# Multi-News validation, one a bottom line's bullet (00012, an analyst's reading); none in DUC 2003.
# The glued word is no word of English ("new york new yorkers" is).
_NAME_CARD = re.compile(r"\b([a-z][a-z'-]{2,})\s+(?:[\w.'()-]+\s+){1,4}?\1(?=[\w'\"])([\w'\"-]*)",
                        re.IGNORECASE)
_CARD_MORE = re.compile(r"\bmore\b", re.IGNORECASE)
_CARD_REACH = 400


def name_card(text: str) -> bool:
    """Whether a person's card runs into ``text`` after the name (see :data:`_NAME_CARD`)."""
    table = zipf_table()
    at = 0
    while (m := _NAME_CARD.search(text, at)) is not None:
        glued = (m.group(1) + m.group(2)).lower().split("-")[0]
        if (m.group(1).lower() not in STOPWORDS and glued not in table
                and _CARD_MORE.search(text, m.end(), m.end() + _CARD_REACH)):
            return True
        at = m.start() + 1  # a card may start inside this match ("mitch ... mitchell mcconnellmc...")
    return False


#: A headline or caption printed twice: its first this many words come again later in the sentence,
#: not right after a conjunction or a comma ("lindsay lohan crash truck driver says it was all her
#: fault lindsay lohan crash -- truck driver says ...", "us unemployment rate plummets to 6.3 percent
#: ... washington ( ap ) — us unemployment rate plummets ..."). Six: at four, prose repeats itself
#: ("He did not visit the scene, and he did not visit the injured"); at six, 12 sentences of
#: Multi-News validation, each a headline, caption or time stamp printed twice, and none of DUC 2003;
#: a speaker's refrain after a comma is prose ("People remember mob violence that lead to lynching,
#: people remember mob violence that ...").
REPEATED_WORDS = 6
#: A headline run into a lead that says its words again need not repeat its first words: the lead
#: may say again a run from further in ("teen admitted to all 20 colleges and universities he
#: applied to for admission micheal brown has been accepted by all 20 of the colleges and
#: universities he applied to"). Such a headline is told by a run of at least this many words, two
#: of them content words, that starts among the first :data:`RUN_START` words of the sentence and
#: comes again at least :data:`RUN_GAP` words later (after the whole headline: a name said twice in
#: one clause is nearer, "Inspectors from the International Atomic Energy Agency said Iran had given
#: the International Atomic Energy Agency access"), not in a clause that a conjunction or a comma
#: within :data:`_CLAUSE_REACH` words before it joins to the one before (the copy's start taken as
#: far back as its words still match the first's: "..., while sales of existing homes rose 3
#: percent"), or right after it (printed twice back to back). With the tests beside it, 16 sentences
#: of Multi-News validation, each a headline, caption or page line printed twice or a headline run
#: into its lead, and none of DUC 2003; until 6 December the exact test alone took 11, one of them
#: the refrain. Of the 6 the run adds, 4 no other test refused (one had opened a memo's bottom line).
#: At four words, prose that names a thing twice matches ("the jacksonville jumbo shrimp", "percent
#: of the vote").
REPEATED_RUN = 5
RUN_START = 8
#: The headlines run into their lead in Multi-News validation say the run again 13 to 33 words after
#: it starts; the names said twice that a reviewer wrote, 7 to 9.
RUN_GAP = 12
# How many words before a run's copy a conjunction or a comma makes it a clause of parallel prose:
# "..., while sales of existing homes rose 3 percent in June" (four words from "while" to the copy's
# "homes"). The headlines above have none so near (the nearest, six words: "... and al gore's
# promise of a second round of live earth ...").
_CLAUSE_REACH = 4
#: A headline printed twice is often reworded a little the second time ("chris brown & frank ocean
#: huge fight at recording studio chris brown, frank ocean fight at recording studio exclusive after
#: the incident, ..."): from its first word, at least all but one of the first this many words come
#: again in order within one word more, not after a conjunction or a comma (parallel prose joins its
#: clauses so: "Sales of new homes rose 3 percent in May, while sales of existing homes rose 3
#: percent in June."). Eight: at six, parallel prose matches ("His relations with
#: Clinton have ranged ..."); at eight, 3 more sentences of Multi-News validation than the exact
#: test (all a headline printed twice) and none of DUC 2003.
REWORDED_WORDS = 8
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_CLAUSE_JOINS = frozenset(("and", "but", "or", "nor", "while", "whereas", "as", "yet", "so", "then", "than"))
_CLAUSE_MARK = re.compile(r"[,;:]")


def _in_order(a: list[str], b: list[str]) -> int:
    """How many words of ``a`` come again in ``b`` in the same order (the longest common subsequence)."""
    row = [0] * (len(b) + 1)
    for word in a:
        diagonal = 0
        for j, other in enumerate(b):
            above = row[j + 1]
            row[j + 1] = diagonal + 1 if word == other else max(above, row[j])
            diagonal = above
    return row[-1]


def repeated_head(text: str) -> bool:
    """Whether a run of the first words of ``text`` comes again later in it (:data:`REPEATED_RUN`), or
    the first :data:`REWORDED_WORDS` reworded a little (see there), not as a clause joined to the one
    before."""
    spans = list(_WORD.finditer(text))
    found = [m.group(0).lower() for m in spans]

    def joined(i: int) -> bool:  # a clause of the same sentence: after a conjunction or a comma
        between = text[spans[i - 1].end():spans[i].start()]
        return found[i - 1] in _CLAUSE_JOINS or _CLAUSE_MARK.search(between) is not None

    k = REPEATED_WORDS
    head = found[:k]
    if len(found) >= 2 * k and any(found[i:i + k] == head and not joined(i)
                                   for i in range(k, len(found) - k + 1)):
        return True
    k = REWORDED_WORDS
    head = found[:k]
    if len(found) >= 2 * k - 1 and any(
            found[i] == head[0] and not joined(i) and _in_order(head, found[i:i + k + 1]) >= k - 1
            for i in range(k - 1, len(found) - k + 2)):
        return True
    # A copy that opens a clause joined to the one before within a few words is parallel prose:
    # "..., while sales of existing homes rose 3 percent", "and the house passed the bill".
    return _repeated_run(found, lambda i: any(joined(j) for j in range(max(1, i - _CLAUSE_REACH + 1), i + 1)))


def _repeated_run(found: list[str], joined: Callable[[int], bool]) -> bool:
    """Whether a run of :data:`REPEATED_RUN` words from the first :data:`RUN_START` comes again later,
    not as a clause joined to the one before (see :data:`REPEATED_RUN`)."""
    n = REPEATED_RUN
    first: dict[tuple[str, ...], int] = {}
    for i in range(len(found) - n + 1):
        run = tuple(found[i:i + n])
        at = first.get(run)
        if at is None:
            if i < RUN_START:
                first[run] = i
            continue
        # Nearer than RUN_GAP only printed twice back to back ("lindsay lohan my brakes failed!!!
        # lindsay lohan -- my brakes failed!!!"), which prose never is.
        if (i - at < RUN_GAP and i - at != n) or sum(w not in STOPWORDS for w in run) < 2:
            continue
        back = 0  # the copy's start, as far back as its words match the first's
        while at - back > 0 and found[at - back - 1] == found[i - back - 1]:
            back += 1
        if not joined(i - back):
            return True
    return False
