"""A sentence's main clause: its subject and predicate without the clause set off between them.

News puts who someone is between the subject and the verb: "Phyllis schlafly,
whose grass-roots campaigns against communism, abortion and the equal rights
amendment galvanized conservatives, died on monday." Two outlets describe the
person differently and state the same thing: read without the description,
both say "Phyllis schlafly died on monday". :func:`main_clause` gives that
reading, still the source's words in order, with the inserted clause left
out; without a parser it reads the places of commas and verbs:

* the subject is the sentence's words up to its first comma: one to
  :data:`SUBJECT_WORDS` words with no verb among them ("On monday," and
  "Police said," open with no subject of their own and are not read);
* the predicate starts at the first later comma that a verb follows (an
  auxiliary, a past form, "told", "dies"), not a reporting "said", nor the
  verb of a relative clause that has none before it ("Monica Hawkins, whose
  cousin, Jay Jasan, died on the flight, said ...");
* what lies between them is at least two words, or an age ("jack, 35, was
  found dead").
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen.text.verbs import AUXILIARIES, IRREGULAR_PAST
from briefgen.text.words import STOPWORDS

__all__ = ["REACH", "SUBJECT_WORDS", "main_clause"]

#: Most words of a subject read before an inserted clause: a name with a title, or a short noun
#: phrase ("Sen. Mark kirk", "The 18-year-old orca"). Set without data.
SUBJECT_WORDS = 6

#: Characters after the subject's comma within which the predicate resumes: a description of a few
#: lines at most (a contrived sentence of thousands of commas is read no further). Set without data.
REACH = 400

_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
# A comma and the word after it.
_COMMA_WORD = re.compile(r",\s+([^\W\d_][\w'\u2019-]*)")
# Verbs that resume a main clause besides auxiliaries, past forms and "-ed" forms.
_FINITE = frozenset(("told", "dies", "says", "said"))
_NOT_FINITE = frozenset(("to", "be", "been", "being"))
# Marks that make the opening no plain subject.
_MARKS = re.compile(r"[\"\u201c\u201d()\[\]:;]")
# Stop words that may open a subject: determiners and possessives.
_DETERMINERS = frozenset(("the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its",
                          "our", "my", "your"))
# Sentence adverbs, and prepositions opening a phrase, set off after the subject: the verb follows
# them, nothing is inserted ("The timing, however, indicates ...").
_ADVERBS = frozenset(("however", "meanwhile", "though", "too", "also", "still", "moreover", "instead",
                      "therefore", "indeed", "nevertheless", "in", "for", "of", "at", "by", "on"))
# A list of names or figures set off by commas ("Halima, 17, and Nabatte, 14, were there").
_LIST = re.compile(r",\s+(?:and|or)\b")
# Words of a time, which an opening phrase names rather than a subject ("Last November, ...").
_TIMES = frozenset((
    "last", "earlier", "later", "ago", "year", "years", "month", "months", "week", "weeks", "day", "days",
    "today", "yesterday", "tonight", "morning", "evening", "night", "even", "january", "february", "march",
    "april", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday"))
# "and" before a capitalised word or a title: a list of names, not one person described.
_MORE_NAMES = re.compile(r"\band\s+(?:[A-Z]|(?:sen|rep|gov|gen|mr|mrs|ms|dr)\.)")
# A comma and a verb after it (an adverb between): a clause of the subject's own, so its verb came
# first ("Paul Krugman, an economist, also questioned the wisdom, wondering ..."). An "-ed" word
# inside a phrase describes ("one of the most respected writers").
_CLAUSE_VERB = re.compile(
    r"(?:^|,)\s*(?:(?:also|then|later|since|still|now)\s+)?(?:[a-z]+ed|" + "|".join(sorted(IRREGULAR_PAST))
    + r"|has|have|had|is|was|were|are|will|would|said|says|told)\b", re.IGNORECASE)
# An age set off after a name.
_AGE = re.compile(r"\s*\d{1,3}\s*")
# Words that open a relative clause.
_RELATIVE = frozenset(("who", "whose", "which", "whom", "that"))
# Reporting verbs after a comma end a quotation's speaker, not an inserted clause ("..., police said").
_REPORTING = frozenset(("said", "says"))


def _verb(word: str) -> bool:
    w = word.lower()
    if w in _NOT_FINITE:
        return False
    return w in AUXILIARIES or w in IRREGULAR_PAST or w in _FINITE or (len(w) > 3 and w.endswith("ed"))


@lru_cache(maxsize=65536)
def main_clause(text: str) -> str | None:
    """``text`` without the clause set off between its subject and its verb, or ``None`` if it has none.

    "Michael chamberlain, the father of azaria, who was snatched by a dingo at
    uluru in 1980, has died aged 72." reads "Michael chamberlain has died aged 72."
    """
    body = text.strip()
    first = body.find(",")
    if first <= 0:
        return None
    subject = body[:first]
    words = _WORD.findall(subject)
    if not 1 <= len(words) <= SUBJECT_WORDS or len(subject.split()) != len(words) or _MARKS.search(subject):
        return None  # no subject, a long one, or one with figures, marks or brackets
    if words[0].lower() in STOPWORDS and words[0].lower() not in _DETERMINERS:
        return None  # an opening phrase, not a subject ("On Friday, ...", "However, ...")
    if any(_verb(w) for w in words[1:]) or any(w.lower() in _TIMES for w in words):
        return None  # a clause of its own ("Police said, ..."), a time ("Last November, ...")
    for m in _COMMA_WORD.finditer(body, first + 1, first + 1 + REACH):
        word = m.group(1)
        if not _verb(word) or word.lower() in _REPORTING:
            continue
        between = body[first + 1:m.start()]
        inserted = _WORD.findall(between)
        if _AGE.fullmatch(between):
            return subject + body[m.start() + 1:]  # "The new zealand-born jack, 35, was found dead ..."
        if len(inserted) < 2 or inserted[0].lower() in _ADVERBS or _LIST.search(between):
            return None  # "The timing, however, indicates ...", "Halima, 17, and Nabatte, 14, were ..."
        relative = max((k for k, w in enumerate(inserted) if w.lower() in _RELATIVE), default=None)
        if relative is not None and not any(_verb(w) for w in inserted[relative + 1:]):
            # The relative clause's own verb, after a name set off inside it ("Monica Hawkins, whose
            # cousin, Jay Jasan, died on the flight, said ..."): the main verb is further on.
            continue
        if relative is None and _MORE_NAMES.search(between):
            return None  # more names than one ("Speaker Newt Gingrich, Sen. Trent Lott and Rep. Dick Armey")
        if _CLAUSE_VERB.search(between.split(" who", 1)[0]):  # before a relative "who" or "whose"
            return None  # a verb opening a clause of its own ("Krugman, an economist, also questioned ...")
        return subject + body[m.start() + 1:]
    return None
