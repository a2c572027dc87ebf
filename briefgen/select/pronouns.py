"""Pronouns that point back: a sentence whose "he", "they" or "him" stands for someone it never names.

:func:`briefgen.select.standalone.leaning_rule` asks these two tests of the
writer's own words:

* :func:`intro_pronoun`: a short opening phrase, then a pronoun as the
  subject ("On Saturday, he traveled ...", "In 2007 he was granted ..."),
  unless the phrase names someone ("When Lee arrived in Nara, he bowed");
* :func:`object_pronoun`: "him" or "them" as an object within the first
  words ("Indiana's results positioned him ...", "American airlines will fly
  him to california ...", "The district attorney's office described him as
  ..."), where nothing before it can be whom it stands for: a clause's
  subject is never its own object's antecedent ("Obama thanked him" is not
  Obama), so only a possessive ("Cardon's money allowed him"), a reporting
  verb whose speaker is one person ("Obama said police had warned him"; not
  "Witnesses said two men shot him") or an opening phrase ("Like others
  around him, the freshman ...") lets the sentence name him itself.
"""

from __future__ import annotations

import re

from briefgen.text.frequency import zipf_table
from briefgen.text.words import CALENDAR_WORDS, MONTH_ABBREVIATIONS

__all__ = ["intro_pronoun", "object_pronoun"]

# A short opening phrase, then a pronoun ("On Saturday, he traveled..."): the pronoun points back
# unless the phrase itself names someone ("When Lee arrived in Nara, he bowed" reads alone).
_INTRO_PRONOUN = re.compile(r"^([^,;:\"\u201c]{1,40}),\s+(?:he|she|they|it|we|i|this|these|those|such)\s",
                            re.IGNORECASE)
_CALENDAR = CALENDAR_WORDS | MONTH_ABBREVIATIONS.keys()
# The same without the comma: a preposition and up to three words, then "he", "she" or "they" as
# the subject ("In 2007 he was granted ...", "At the time they considered ...", "on his medical
# license he is ..."), unless a clause with its own subject follows a comma ("For all the trouble
# he has been in, stone has never ..."); or an opening clause with a pronoun whose main clause's
# subject is a pronoun too ("After what she calls 18 hours of agony, they were reunited"). From an
# analyst's reading of Multi-News memos; 10 DUC 2003 and 6 Multi-News sentences, all leaning.
_INTRO_WORD = (r"^(?:in|on|at|by|since|during|after|before|until|for|from|under|with|without|when|while|as"
               r"|once|despite)\s+")
_BARE_INTRO_PRONOUN = re.compile(
    _INTRO_WORD + r"((?:[^\s,;:\"\u201c]+\s+){1,3}?)(?:he|she|they)(?:['\u2019](?:s|re|d|ll|ve))?\b",
    re.IGNORECASE)
_INTRO_CLAUSE_PRONOUN = re.compile(
    _INTRO_WORD + r"(?:[^\s,;:\"\u201c]+\s+){0,3}?(?:he|she|they|his|her|their)\b[^,;:\"\u201c]{0,120},\s+"
    r"(?:he|she|they|his|her|their|it|its)\b", re.IGNORECASE)
# Words after a comma that start no clause with a subject of its own.
_NO_NEW_SUBJECT = frozenset((
    "which", "who", "whom", "whose", "where", "when", "and", "but", "or", "once", "then", "as", "while",
    "including", "according", "he", "she", "they", "it", "his", "her", "their", "its", "a", "an", "in",
    "on", "at"))


def _names_someone(words: list[str]) -> bool:
    """Whether an opening phrase's words hold a capitalised one that is no calendar word: a name the
    pronoun after the phrase may stand for ("When Lee arrived in Nara, he ...")."""
    return any(w[:1].isupper() and w.strip(".,").lower() not in _CALENDAR for w in words)


def _bare_intro_pronoun(body: str) -> bool:
    """Whether a pronoun right after a short opening phrase without a comma points back (see
    :data:`_BARE_INTRO_PRONOUN`)."""
    clause = _INTRO_CLAUSE_PRONOUN.match(body)
    if clause:
        # "When Obama met his counterpart in Beijing, he raised ...": the clause names him.
        return not _names_someone(body[:clause.end()].split()[1:])
    m = _BARE_INTRO_PRONOUN.match(body)
    if m is None or _names_someone(m.group(1).split()):
        return False
    before, comma, after = body[m.end():].partition(",")
    following = after.split()[:1]
    return not (comma and len(before.split()) <= 15 and following
                and following[0].strip("\"'").lower() not in _NO_NEW_SUBJECT)


# "him" or "them" within the first words of the writer's own words (OBJECT_REACH), not the idiom "of
# them all". From an analyst's reading of Multi-News memos ("American airlines will fly him to
# california ..."); on the 331 bench memos of 6 December it found 11 printed bullets, 7 of them leaning
# and the other 4 kept by the exceptions below; 12 of the 11,837 distinct sentences of both sets.
OBJECT_REACH = 5
_OBJECT = re.compile(rf"^((?:[^\s,;:\"\u201c]+\s+){{1,{OBJECT_REACH}}}?)(?:him|them)\b(?!\s+all\b)",
                     re.IGNORECASE)
# A word this common in English is no name ("attorney" 4.4, "company" 5.3; "cardon" is not in the list).
# Set without data.
_COMMON_NOUN_ZIPF = 3.5
# Verbs after which a clause may name whom the pronoun stands for ("Obama said police had warned him").
_REPORTING = frozenset(("said", "says", "say", "told", "tells", "believes", "believed", "thinks", "thought",
                        "claims", "claimed", "hopes", "hoped", "wants", "wanted", "asked", "asks", "knew",
                        "know", "knows", "whom", "who"))
# Speakers that are several people whatever their ending.
_GROUPS = frozenset(("police", "people", "officials", "authorities", "witnesses", "residents", "neighbors",
                     "neighbours", "prosecutors", "investigators", "relatives", "family"))
# Words that open a phrase before the main clause: a pronoun there may point forward to its subject
# ("Like others around him, the freshman ...").
_OPENING = frozenset(("like", "unlike", "for", "despite", "after", "before", "as", "with", "without",
                      "when", "while", "once", "since", "although", "though", "if", "because", "unless",
                      "until", "among", "around", "behind", "near", "beside", "to"))


def intro_pronoun(body: str) -> bool:
    """Whether a pronoun after a short opening phrase is the subject and points back (see the module docs)."""
    intro = _INTRO_PRONOUN.match(body)
    if intro and not _names_someone(intro.group(1).split()[1:]):
        return True
    return _bare_intro_pronoun(body)


def object_pronoun(unquoted: str) -> bool:
    """Whether "him" or "them" early in the writer's own words stands for someone the sentence never names."""
    m = _OBJECT.match(unquoted.strip())
    if m is None:
        return False
    before = m.group(1).split()
    if before[0].lower() in _OPENING or before[0].lower().endswith("ing"):
        # An opening phrase, or a participle's ("Declaring him a martyr of the faith, Pope John Paul II
        # ..."): the main clause after it may name him.
        return False
    if _names_someone(before[1:]) or any(_named(w) for w in before):
        return False
    said = next((k for k, w in enumerate(before) if w.lower().strip(".,") in _REPORTING), None)
    if said is not None and not (said and _many(before[said - 1]) and m.group(0).lower().endswith("him")):
        return False
    # A name right after it in its clause may be whom it stands for ("those who knew him said Dr. ...").
    return not _names_someone(unquoted.strip()[m.end():].split(",", 1)[0].split())


def _many(word: str) -> bool:
    """Whether ``word``, a reporting verb's subject, names several ("Witnesses said two men shot him"):
    "him" is then not who said it."""
    w = word.lower().strip(".,")
    return w in _GROUPS or (w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3)


def _named(word: str) -> bool:
    """Whether ``word`` is a possessive of a name ("Cardon's", "cardon's"), not of a common noun
    ("the district attorney's office described him"): capitalised, or rare in English."""
    if not word.lower().endswith(("'s", "\u2019s")):
        return False
    stem = word[:-2]
    return stem[:1].isupper() or zipf_table().get(stem.lower(), 0.0) < _COMMON_NOUN_ZIPF

