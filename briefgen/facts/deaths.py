"""One death, one fact: two sentences that say the same person died restate it.

Coverage of a death opens each report on it, each outlet with its own picture
of who died: "Phyllis schlafly, whose grass-roots campaigns against communism
... galvanized conservatives, died on monday." and "phyllis schlafly, who became
a "founding mother" of the modern u.s. conservative movement, died on monday
at the age of 92, her eagle forum group said." (Multi-News validation 00159,
whose memo printed both in its bottom line). The two share the name and
"died", which every sentence on the death names too, so neither overlap nor
rare shared arguments find them.

:func:`same_death` calls two sentences one fact when each states, in its main
clause (:func:`briefgen.text.clauses.main_clause`, or the sentence itself), that
its subject died ("died", "dies", "has died", "passed away", "is dead", "was
found dead") and the two subjects name one person: they share two content
terms ("michael chamberlain"), or one when a subject is that one word
("Buchel"). A subject that introduces someone new ("A man died", "Two people
died") names no one known; tolls are :mod:`briefgen.facts.tolls`' to compare.

It is used where the memo keeps restatements apart
(:class:`briefgen.select.statements.Statements`), not by summaries.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen.text.clauses import SUBJECT_WORDS, main_clause
from briefgen.text.words import content_terms

__all__ = ["died", "same_death"]

# A subject of one to SUBJECT_WORDS words without a comma, then the death.
_DIED = re.compile(
    r"^[\"'\u201c]?(?P<who>(?:[^\W\d_][\w.'\u2019-]*\s+){1," + str(SUBJECT_WORDS) + r"}?)"
    r"(?:has\s+|had\s+)?(?:died|dies|passed\s+away|is\s+dead|was\s+found\s+dead|has\s+been\s+found\s+dead)\b",
    re.IGNORECASE)
# Subjects that bring in someone new or several (an article, a count, a quantifier), or that are no
# one's name (a pronoun, a possessive: "My heart died along with him"), or words that make the
# subject a clause ("Police say he died", "The morning before she died").
_NOT_NAMED = frozenset((
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "seventeen", "twenty", "thirty", "hundred", "thousand", "million", "billion", "some", "many",
    "several", "no", "another", "dozens", "hundreds", "thousands", "millions", "most", "all", "both", "few",
    "nearly", "about", "more", "others", "other", "he", "she", "they", "it", "we", "i", "you", "my", "our",
    "your", "their", "his", "her", "its", "who", "which", "that", "before", "after", "when", "while",
    "since", "because", "if", "as", "say", "says", "said", "believe", "believed", "asked"))


@lru_cache(maxsize=65536)
def died(text: str) -> frozenset[str]:
    """The content terms of whom ``text``'s main clause says died, or nothing."""
    for clause in (main_clause(text), text):
        if clause is None:
            continue
        m = _DIED.match(clause.strip())
        if m is None:
            continue
        who = m.group("who").split()
        if any(w.lower().strip("\"'\u201c") in _NOT_NAMED or any(ch.isdigit() for ch in w) for w in who):
            return frozenset()
        return frozenset(content_terms(" ".join(who)))
    return frozenset()


def same_death(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` both say one person died (see the module docs)."""
    da = died(a)
    if not da:
        return False
    db = died(b)
    shared = da & db
    return len(shared) >= 2 or (len(shared) == 1 and min(len(da), len(db)) == 1)
