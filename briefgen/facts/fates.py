"""One person's fate, one fact: two sentences that say the same person died, or is missing, restate it.

Coverage of a death opens each report on it, each outlet with its own picture
of who died: "Phyllis schlafly, whose grass-roots campaigns against communism
... galvanized conservatives, died on monday." and "phyllis schlafly, who became
a "founding mother" of the modern u.s. conservative movement, died on monday
at the age of 92, her eagle forum group said." (Multi-News validation 00159,
whose memo printed both in its bottom line). Coverage of a search says who is
still missing in as many ways: "His mother, linda carman, 54, of middletown, has
not been located.", "Linda carman remains missing." and "There was no
information about the whereabouts of his mother, linda." (00277, whose memo
printed none of the three). Such sentences share the name and a word every
sentence on the event uses, so neither overlap nor rare shared arguments find
them.

:func:`same_fate` calls two sentences one fact when each states, in its main
clause (:func:`briefgen.text.clauses.main_clause`, or the sentence itself), one
fate of its subject (:data:`FATES`: died, "has died", "passed away", "was found
dead"; missing, "has not been located", "is unaccounted for", "no information
about the whereabouts of ...") and the two subjects name one person: they share
two content terms ("michael chamberlain"), or one when a subject is that one
word ("Buchel"). A subject that introduces someone new ("A man died", "Two
people are missing") names no one known; tolls are :mod:`briefgen.facts.tolls`'
to compare.

The merger merges such sentences (:func:`briefgen.facts.merge.cluster`), a
footnote cites them for each other (:func:`briefgen.facts.members.cited`), and
the memo keeps them apart (:class:`briefgen.select.statements.Statements`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen.text.clauses import SUBJECT_WORDS, main_clause
from briefgen.text.words import content_terms

__all__ = ["FATES", "fates", "one_person", "same_fate"]

# A subject of one to SUBJECT_WORDS words without a comma.
_SUBJECT = r"(?P<who>(?:[^\W\d_][\w.'\u2019-]*\s+){1," + str(SUBJECT_WORDS) + r"}?)"
#: What befalls a person, as news states it after the subject (English idiom, not fitted).
FATES = {
    "died": r"(?:has\s+|had\s+)?(?:died|dies|passed\s+away|is\s+dead|was\s+found\s+dead"
            r"|has\s+been\s+found\s+dead)",
    "missing": r"(?:(?:remains|remained|is|are)\s+(?:still\s+)?(?:missing|unaccounted\s+for)"
               r"|(?:has|have|had)\s+(?:still\s+)?not\s+been\s+(?:located|found|accounted\s+for))",
}
_FATE = {name: re.compile(r"^[\"'\u201c]?" + _SUBJECT + pattern + r"\b", re.IGNORECASE)
         for name, pattern in FATES.items()}
# The whereabouts of someone not known: "There was no information about the whereabouts of his mother,
# linda.", "There has been no word on the whereabouts of ...".
_WHEREABOUTS = re.compile(
    r"\bno\s+(?:information|word|news|sign)\s+(?:about|on|of)\s+the\s+whereabouts\s+of\s+(?P<who>[^.;:!?]{2,60})",
    re.IGNORECASE)
# Subjects that bring in someone new or several (an article, a count, a quantifier), or that are no
# one's name (a pronoun, a possessive: "My heart died along with him"), or words that make the
# subject a clause ("Police say he died", "The morning before she died").
_NOT_NAMED = frozenset((
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "seventeen", "twenty", "thirty", "hundred", "thousand", "million", "billion", "some", "many",
    "several", "no", "another", "dozens", "hundreds", "thousands", "millions", "most", "all", "both", "few",
    "nearly", "about", "more", "others", "other", "he", "she", "they", "it", "we", "i", "you", "my", "our",
    "your", "their", "its", "who", "which", "that", "before", "after", "when", "while",
    "since", "because", "if", "as", "say", "says", "said", "believe", "believed", "asked",
    # ... or that make the fate no fact: a modal, a negation, a near miss ("Smith could have died",
    # "Smith has not died", "Smith almost died").
    "could", "would", "might", "may", "must", "should", "can", "will", "have", "not", "never", "almost",
    "reportedly", "apparently", "allegedly", "narrowly"))
# A possessive before a relative ("his mother", "her son") names someone the coverage has named.
_POSSESSIVE = frozenset(("his", "her"))
# Words of a subject that name a role, a title or a kind of person, no one in particular: two
# subjects that share only these ("Police officer John Smith", "Police officer Mary Jones"; "The
# victim, a 23-year-old woman", "The victim, a 45-year-old man") are not one person.
_ROLES = frozenset((
    "the", "mr", "mrs", "ms", "dr", "president", "former", "late", "prime", "minister", "king", "queen",
    "gen",
    "general", "col", "colonel", "lt", "sgt", "chairman", "secretary", "senator", "sen", "rep", "governor",
    "gov", "mayor", "judge", "justice", "cardinal", "pope", "bishop", "father", "rev", "sir", "lord", "lady",
    "prince", "princess", "chancellor", "premier", "ambassador", "commissioner", "chief", "captain",
    "officer", "police", "detective", "professor", "prof", "saint", "victim", "man", "woman", "boy", "girl",
    "child", "baby", "teen", "teenager", "driver", "pilot", "soldier", "student", "worker", "mother",
    "son", "daughter", "wife", "husband", "brother", "sister", "friend", "suspect", "gunman", "patient",
    "passenger", "resident", "actor", "actress", "singer", "star", "leader", "founder", "hacker",
    "well-known", "famous", "legendary", "veteran", "young", "old", "elderly", "u.s.", "american"))


def _named(words: list[str]) -> frozenset[str]:
    """The content terms of the name in a subject that names someone known, or nothing."""
    words = [w.strip("\"'\u201c,") for w in words]
    if not words or any(w.lower() in _NOT_NAMED or any(ch.isdigit() for ch in w) for w in words):
        return frozenset()
    if any(w.lower().endswith(("'s", "\u2019s")) for w in words):
        return frozenset()  # "Smith's wife died": someone the subject belongs to, not the subject
    if len(words) == 1 and words[0].lower().endswith("ly"):
        return frozenset()  # "Sadly, ... died": an adverb, no subject
    if words[0].lower() in _POSSESSIVE and len(words) == 2:
        return frozenset()  # "his mother" alone: whose mother, the sentence before said
    named = [w for w in words if w.lower() not in _POSSESSIVE and w.lower().strip(".") not in _ROLES]
    return frozenset(content_terms(" ".join(named)))


@lru_cache(maxsize=65536)
def fates(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each fate ``text``'s main clause states, with the content terms of whom it befell."""
    out = []
    for clause in (main_clause(text), text):
        if clause is None:
            continue
        body = clause.strip()
        for name, pattern in _FATE.items():
            m = pattern.match(body)
            if m is None:
                continue
            words = m.group("who").split()
            if clause is not text and words[0].lower() in _POSSESSIVE and len(words) == 2:
                # "His mother, linda carman, 54, of middletown, has not been located.": the name
                # set off after "his mother" says who.
                words += text.split(",", 2)[1].split()[:SUBJECT_WORDS]
            if who := _named(words):
                out.append((name, who))
        if out:
            break
    for m in _WHEREABOUTS.finditer(text):
        who = _named(re.split(r"[\s,]+", m.group("who").strip()))
        if who:
            out.append(("missing", who))
    return tuple(out)


def same_fate(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` both say one person died, or both that one is missing (see the module)."""
    fa = fates(a)
    if not fa:
        return False
    return any(x == y and one_person(wa, wb) for x, wa in fa for y, wb in fates(b))


def one_person(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two subjects' name terms name one person: two shared, or one when a subject is that one."""
    shared = a & b
    return len(shared) >= 2 or (len(shared) == 1 and min(len(a), len(b)) == 1)
