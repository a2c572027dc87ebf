"""What a difference is about, as a reader says it: "Death toll", "Slepian's age", "Length of the meeting".

A label comes from the measure the sentences give and the words they print
for it (the people counted, the places that narrow the count, the person, the
event), never from a bare unit word.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from briefgen.facts.measures import Figure
from briefgen.facts.sides import Observation
from briefgen.facts.values import Value

__all__ = ["label"]

_COUNTS = {
    "deaths": ("Death toll", "killed"),
    "injured": ("Number injured", "injured"),
    "missing": ("Number missing", "missing"),
    "displaced": ("Number forced from their homes", "forced from their homes"),
    "detained": ("Number detained", "detained"),
    "rescued": ("Number rescued", "rescued"),
    "in hospital": ("Number in hospital", "in hospital"),
    "identified": ("Number identified", "identified"),
    "laid off": ("Number laid off", "laid off"),
    "recovered": ("Number recovered", "recovered"),
    "trapped": ("Number trapped", "trapped"),
    "charged": ("Number charged", "charged"),
    "casualties": ("Casualties", "casualties"),
    "workforce": ("Workforce", "employed"),
}
_UNITS = {
    "magnitude": "Magnitude", "kph": "Speed", "km": "Distance", "m": "Distance",
    "celsius": "Temperature (Celsius)",
    "fahrenheit": "Temperature (Fahrenheit)", "degree": "Temperature", "hectare": "Area", "tonne": "Weight",
    "kg": "Weight",
}


def _common(texts: Sequence[str]) -> str:
    found = [t for t in texts if t]
    return Counter(found).most_common(1)[0][0] if found else ""


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# Words that open a place phrase; lower case inside a label ("In Poland, 32 people died": "in Poland").
_PREPOSITIONS = frozenset({"in", "on", "at", "throughout", "across", "from", "near", "around", "along"})


def _phrase(text: str) -> str:
    """A narrowing phrase as a label prints it: a sentence's opening preposition in lower case."""
    first, _, rest = text.partition(" ")
    return f"{first.lower()} {rest}" if first.lower() in _PREPOSITIONS and rest else text


def _fullest(names: Sequence[str]) -> str:
    """The most common of the names with the most words ("Qin Yongmin" over "Qin" and "Yongmin")."""
    found = [n for n in names if n]
    longest = max((len(n.split()) for n in found), default=0)
    return _common([n for n in found if len(n.split()) == longest])


def _count(value: Value, obs: Sequence[Observation]) -> str:
    base, participle = _COUNTS[value.measure]
    figures = [o.value.figure for o in obs if o.value.figure is not None]
    grouped = [f for f in figures if f.group]
    if grouped:
        nouns = [f.noun for f in grouped if f.noun[:1].isupper()] or [
            " ".join(w for w in f.counted.split() if w[:1].isupper() or w == f.noun) for f in grouped]
        text = _capital(f"{_common(nouns)} {participle}")
    else:
        text = base
    places = _phrase(_common([" ".join(f.places) for f in figures]))
    return f"{text} {places}" if places else text


def _start(value: Value, figures: Sequence[Figure]) -> str:
    """Where a change started: what is counted, and the figure it went to ("Aircraft before the cut
    to 22" for "22 aircraft _ down from 54" and "to 22 planes from 57")."""
    reached = _common([f.whose for f in figures])
    counted = " ".join(w for w in reached.split()[1:] if w != "-")
    starts = [f.amount.value for f in figures]
    try:
        target = float(value.subject.replace(",", ""))
    except ValueError:
        target = math.nan
    change = "cut" if starts and min(starts) > target else "rise" if starts and max(starts) < target \
        else "change"
    return f"{_capital(counted) if counted else 'Figure'} before the {change} to {value.subject}"


def label(value: Value, obs: Sequence[Observation]) -> str:
    """The label of a difference between the observations ``obs`` of ``value``'s measure."""
    measure = value.measure
    if value.type == "title":
        names = [o.value.labelled[0] for o in obs if o.value.labelled]
        longest = max((len(n.split()) for n in names), default=0)
        return f"{_common([n for n in names if len(n.split()) == longest]) or 'Their'}'s title"
    if value.type == "incident":
        if measure == "wound":
            return "Where the shot struck"
        if measure == "birthday":
            return value.labelled[0] if value.labelled else "Birthday"
        if measure == "place":
            clauses = [o.value.labelled[0] for o in obs if o.value.labelled]
            return _capital(min(clauses, key=len)) if clauses else "Where it happened"
        if measure == "posture":
            return f"Standing, sitting or lying in the {value.subject}"
        return f"How the {value.labelled[0] if value.labelled else 'victims'} were killed"
    if value.type == "date":
        nouns = [o.value.subject for o in obs if o.value.subject]
        return f"Date of the {_common(nouns)}" if nouns else "Date"
    figures = [o.value.figure for o in obs if o.value.figure is not None]
    if measure in _COUNTS:
        return _count(value, obs)
    if measure == "age":
        name = _fullest([f.whose for f in figures])
        return f"{name}'s age" if name else "Age"
    if measure == "length":
        return f"Length of the {_common([f.whose for f in figures])}"
    if measure == "attackers":
        return "Number of attackers"
    if measure == "start":
        return _start(value, figures)
    if measure == "delay":
        return "Time it took"
    if measure == "population":
        place = _common([f.whose for f in figures])
        return f"Population of {place}" if place else "Population"
    if measure == "prison term":
        return "Prison term given" if value.subject == "given" else "Prison term the charge carries"
    if measure.endswith(" more than"):
        inner = measure[: -len(" more than")]
        shortest = min((f.whose for f in figures if f.whose), key=lambda w: len(w.split()), default="")
        than = " ".join(shortest.replace(" - ", "-").split()[:9])
        return f"{_COUNTS.get(inner, (inner, inner))[0]} above {than}" if than else _capital(measure)
    if measure.startswith("money:"):
        return _capital(measure.split(":", 1)[1])
    if measure.startswith("percent:"):
        inner = measure.split(":", 1)[1]
        participle = _COUNTS.get(inner, ("", inner))[1]
        noun = _common([f.counted for f in figures])
        return f"Share of the {noun} {participle}" if noun else f"Share {participle}"
    if measure == "kph" and any("wind" in f.window for f in figures):
        return "Wind speed"
    return _UNITS.get(measure, _capital(measure))
