"""What happened, as values: where a bullet struck, how someone stood, how victims were killed, and where.

Accounts of one incident differ in such details as often as in figures
("struck him in the chest" / "shot in the back"; "as he stood in the kitchen" /
"as he sat in his kitchen"; "the stabbing deaths of two soldiers and a
civilian" / "two soldiers and one civilian were beaten to death").
:func:`incident_values` reads three of them:

* where a shot or blow struck: a part of the body after "shot", "struck",
  "hit", "wounded", ... ("in the back");
* how someone was placed: "stood", "sat", "lay", "knelt" with where ("in the
  kitchen"), the place being what is compared;
* how people were killed: "stabbed", "beaten", "shot", "strangled", ...,
  for a count of people of one group ("two soldiers"), that count and group
  being what is compared.

* where something happened to one person or thing: a named place and the
  "where" clause after it ("the London Clinic where the 82-year-old general
  underwent back surgery" / "the London Bridge Hospital, where he reportedly
  had surgery"), the place being what is compared; a clause that counts
  ("Cuba, where five people were killed") tells of one place among many;
* where a counted group was taken or held ("78 other people ... who were
  also kidnapped in Chile" / "close to 80 additional victims, who were also
  kidnapped in Argentina"), compared only for groups of one size.

* when someone turns an age, given relative to the article's date ("Pinochet,
  who turns 83 next month" / "Pinochet, who is 83 next week", both printed on
  17 October: November against October).

Each is a :class:`~briefgen.facts.values.Value` of type ``"incident"``; its
``shown`` is the value as the memo prints it ("back", "standing", "stabbed").
A sentence that dates its incident in the past ("Last November, ...") tells
of another incident: its wound is compared only with such sentences.
"""

from __future__ import annotations

import datetime as dt
import re

from briefgen.facts.amounts import amounts, split_words
from briefgen.facts.measures import Figure, term_of
from briefgen.facts.values import Value
from briefgen.text.words import CALENDAR_WORDS, MONTH_ABBREVIATIONS, STOPWORDS

__all__ = ["birthday_months", "incident_values", "place_class"]

_BODY = ("back", "chest", "head", "neck", "stomach", "abdomen", "shoulder", "arm", "leg", "face", "heart",
         "groin", "hip", "thigh", "side", "throat", "spine")
_WOUND = re.compile(r"\b(?:shot|struck|hit|wounded|stabbed|tore|ripped|pierced)\b"
                    r"[^.;:]{0,40}?\b(?:in|into)\s+"
                    r"(?:the|his|her|their)\s+(" + "|".join(_BODY) + r")\b", re.IGNORECASE)
_POSTURES = {"stood": "standing", "standing": "standing", "sat": "sitting", "sitting": "sitting",
             "lay": "lying",
             "lying": "lying", "knelt": "kneeling", "kneeling": "kneeling"}
_POSTURE = re.compile(r"\b(?:he|she|they)\s+(?:was\s+|were\s+)?(" + "|".join(_POSTURES) + r")\s+"
                      r"(?:in|at|on|by|near)\s+(?:the|his|her|their)\s+([a-z]+)", re.IGNORECASE)
_MANNERS = {"stabbing": "stabbed", "stabbed": "stabbed", "stabbings": "stabbed", "beaten": "beaten",
            "bludgeoned": "beaten", "clubbed": "beaten", "strangled": "strangled", "hacked": "hacked",
            "burned": "burned", "burnt": "burned", "hanged": "hanged", "poisoned": "poisoned",
            "shooting": "shot", "shot": "shot", "gunned": "shot", "beheaded": "beheaded"}
_MANNER = re.compile(r"\b(" + "|".join(_MANNERS) + r")\b", re.IGNORECASE)
# A sentence about an earlier incident ("Last November, a doctor in Winnipeg was shot in the shoulder").
_PAST = re.compile(r"\b(?:last|in)\s+(?:year|January|February|March|April|May|June|July|August|September|"
                   r"October|November|December|spring|summer|autumn|fall|winter|(?:19|20)\d\d)\b|\bago\b|"
                   r"\bearlier this year\b", re.IGNORECASE)

# A named place (up to four capitalised words) and the "where" clause after it.
_WHERE = re.compile(r"\b((?:[A-Z][\w'.-]*\s+){0,3}[A-Z][\w'.-]*),?\s+where\s+([^,;:.!?\"]+)")
_WORD = re.compile(r"[^\W\d_]+")


def _places(text: str) -> list[Value]:
    """Named places and what happened there, each clause's content terms its window."""
    out = []
    for m in _WHERE.finditer(text):
        name = m.group(1).split()
        while name and name[0].lower() in STOPWORDS:
            name = name[1:]  # "In Puerto Rico, where ..."
        clause = m.group(2).strip()
        last = clause.rsplit(" ", 1)
        if len(last) == 2 and last[1].lower() in MONTH_ABBREVIATIONS:
            clause = last[0]  # "... underwent back surgery Oct. 9": the date is cut at its full stop
        if not name or any(a.unit == "" for a in amounts(clause)):
            continue  # a clause that counts tells of one place among many
        window = frozenset(term_of(w) for w in _WORD.findall(clause)
                           if w.lower() not in STOPWORDS and len(w) > 2)
        # Who or what the clause names ("where President Eduardo Frei is attending the Ibero American
        # summit"): another sentence must name them too to tell of the same thing.
        named = frozenset(term_of(w) for w in _WORD.findall(clause)[1:] if w[:1].isupper()
                          and w.lower() not in CALENDAR_WORDS and w.lower() not in MONTH_ABBREVIATIONS)
        if window:
            out.append(Value("incident", "place", "", " ".join(name), window=window, role=named,
                             labelled=(f"where {clause}",)))
    return out


# Where people a sentence counts were taken, held or killed: "78 other people of various
# nationalities who were also kidnapped in Chile".
_WHO_IN = re.compile(r"\bwho\s+(?:were|had\s+been|have\s+been)\s+(?:also\s+|all\s+)?([a-z]+ed|taken|held)"
                     r"\s+in\s+((?:[A-Z][\w'-]*\s+){0,2}[A-Z][\w'-]*)")
# Words between a count and what it counts ("78 other people").
_PART_WORDS = frozenset({"other", "others", "more", "additional", "further", "of", "the"})
# Tokens between a count and the "who" that says where they were (set without data: a
# noun phrase of a few words, "78 other people", and a comma).
_COUNT_NEAR = 8


def _people_places(text: str) -> list[Value]:
    """Places a relative clause puts a counted group in, each with the group's count."""
    out = []
    for m in _WHO_IN.finditer(text):
        before = text[:m.start()]
        counts = [a for a in amounts(before) if a.unit == ""]
        words = split_words(before)
        if not counts or len(words) - counts[-1].last > _COUNT_NEAR:
            continue  # no count of the people just before: whose place it is is not clear
        verb = m.group(1)
        # Who were taken: the word counted ("78 other people ... who were kidnapped" -> "the people").
        counted = words[counts[-1].last + 1:]
        noun = next((w.low for w in counted if w.low.isalpha() and w.low not in _PART_WORDS), "")
        who = f"the {noun}" if noun else "they"
        out.append(Value("incident", "place", verb, m.group(2), window=frozenset({term_of(verb)}),
                         labelled=(f"where {who} were {verb}",), count=(counts[-1].lo, counts[-1].hi)))
    return out


# An age someone will reach, with when ("Pinochet, who turns 83 next month"): the birthday's date.
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_BIRTHDAY = re.compile(r"\b([A-Z][\w'-]+),\s+who\s+(?:turns|will\s+turn|will\s+be|is|becomes)\s+(\d{1,3})\s+"
                       r"(next\s+(?:week|month)|this\s+(?:week|month)|tomorrow|on\s+(?:"
                       + "|".join(_WEEKDAY_NAMES) + r"))\b")


def _birthdays(text: str) -> list[Value]:
    """Birthdays given relative to the article's date, each with whose and what age."""
    return [Value("incident", "birthday", f"{term_of(m.group(1))}:{m.group(2)}", m.group(3),
                  labelled=(f"When {m.group(1)} turns {m.group(2)}",)) for m in _BIRTHDAY.finditer(text)]


def birthday_months(when: str, published: dt.date | None) -> frozenset[tuple[int, int]]:
    """The months a birthday given as ``when`` ("next week") can fall in, read on ``published``.

    Empty when the article's date is unknown.
    """
    if published is None:
        return frozenset()
    words = when.lower().split()
    if words[0] == "on":
        ahead = (_WEEKDAY_NAMES.index(words[1].capitalize()) - published.weekday() - 1) % 7 + 1
        days = range(ahead, ahead + 1)
    elif words == ["tomorrow"]:
        days = range(1, 2)
    elif words[1] == "week":
        days = range(1, 14) if words[0] == "next" else range(-6, 7)
    else:
        month = published.month + (1 if words[0] == "next" else 0)
        year = published.year + (month - 1) // 12
        return frozenset({(year, (month - 1) % 12 + 1)})
    return frozenset({((d := published + dt.timedelta(days=k)).year, d.month) for k in days})


def place_class(value: Value) -> frozenset[str]:
    """The terms of a place's name ("London Bridge Hospital" is not "London Clinic")."""
    return frozenset(term_of(w) for w in _WORD.findall(value.shown))


def incident_values(text: str, figures: list[Figure]) -> list[Value]:
    """The incident details ``text`` gives (see the module docstring); ``figures`` are its figures."""
    out: list[Value] = []
    lower = text.lower()
    when = "before" if _PAST.search(text) else ""
    if any(part in lower for part in _BODY):
        for m in _WOUND.finditer(text):
            out.append(Value("incident", "wound", when, m.group(1).lower(), labelled=("struck",)))
    for m in _POSTURE.finditer(text):
        out.append(Value("incident", "posture", m.group(2).lower(), _POSTURES[m.group(1).lower()],
                         labelled=(m.group(2).lower(),)))
    if "where" in lower:
        out.extend(_places(text))
    if "who" in lower:
        out.extend(_people_places(text))
        out.extend(_birthdays(text))
    manner = _MANNER.search(text)
    if manner is not None:
        for f in figures:
            if f.measure in ("deaths", "people") and f.group:
                victims = f"{f.amount.value:g} {' '.join(sorted(f.group))}"
                out.append(Value("incident", "manner", victims, _MANNERS[manner.group(1).lower()],
                                 labelled=(f"{f.amount.shown} {f.noun}".strip(),)))
    return out
