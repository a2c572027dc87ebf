"""One record, one fact: two sentences that call the same thing the worst in a place's history restate it.

Coverage of a disaster or an attack ranks it, and each outlet words the
ranking its own way: "The fire ... was the deadliest in modern Swedish
history" and "The blaze, the worst fire disaster in Sweden's modern history,
shocked a country ...". The two share few words besides "history", so word
overlap does not call them one fact, but a reader sees the ranking twice.

:func:`same_record` calls two sentences one fact when each ranks something
by a superlative of the same kind (the worst: "deadliest", "worst",
"bloodiest", "most devastating"; the largest: "largest", "biggest"; or the
same word) that :data:`NEAR` words or fewer before "history" ("in modern
Swedish history", "in the country's history", "in sweden's history"), and the
histories are of the same place: their words after "in" share a stem of
:data:`STEM` letters ("swedish", "sweden"), or neither names one ("in modern
history", "in the country's history"). Two different records of one event
("the largest evacuation in Swedish history", "the deadliest fire in Swedish
history") rank by different kinds and stay apart.

It is used where the memo keeps restatements apart
(:class:`briefgen.select.statements.Statements`), not by summaries.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["NEAR", "STEM", "records", "same_record"]

#: Words at most between a superlative and the "history" it ranks within ("the worst fire disaster
#: in sweden's modern history": six). Set without data: a noun phrase and its "in ... history".
NEAR = 8
#: Letters two place words must share at their start to name one place: "swed" for "swedish" and
#: "sweden", "turk" for "turkish" and "turkey". Set without data: the shortest such pairs of English
#: demonyms (not "fr" for "french" and "france": that place is missed).
STEM = 4

# Kinds of ranking: a superlative of each kind says the same of its thing.
_KINDS = {
    **dict.fromkeys(("deadliest", "worst", "bloodiest", "deadly", "devastating", "destructive", "lethal",
                     "costliest"), "worst"),
    **dict.fromkeys(("largest", "biggest", "greatest"), "largest"),
}
_SUPERLATIVE = re.compile(r"\b(?:most\s+([a-z]+)|([a-z]+est)|(worst|best))\b", re.IGNORECASE)
# Words in "-est" that are no superlative.
_NOT_SUPERLATIVE = frozenset(str.split(
    "interest protest forest harvest request arrest west midwest rest unrest test contest nest chest guest "
    "quest conquest crest suggest invest digest honest modest manifest pest vest zest earnest everest "
    "budapest bucharest priest attest detest infest"))
_HISTORY = re.compile(r"\bin\s+((?:[\w'\u2019-]+\s+){0,4}?)history\b", re.IGNORECASE)
# Words of a history's phrase that name no place ("in the country's modern history").
_NOT_PLACE = frozenset(("the", "its", "their", "modern", "recent", "country", "country's", "nation",
                        "nation's", "living", "memory", "peacetime", "postwar", "post-war", "human", "world",
                        "world's", "entire", "whole", "own", "city's", "city", "state", "state's"))
_WORD = re.compile(r"[a-z][a-z'\u2019-]*")


@lru_cache(maxsize=65536)
def records(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The rankings ``text`` makes: each a superlative's kind and the stems of its history's place."""
    out = []
    for h in _HISTORY.finditer(text):
        before = _WORD.findall(text[:h.start()].lower())[-NEAR:]
        window = " ".join(before)
        kind = None
        for m in _SUPERLATIVE.finditer(window):
            word = (m.group(1) or m.group(2) or m.group(3)).lower()
            if word not in _NOT_SUPERLATIVE:
                kind = _KINDS.get(word, word)
                break
        if kind is None:
            continue
        place = frozenset(w.replace("\u2019", "'").removesuffix("'s")[:STEM]
                          for w in _WORD.findall(h.group(1).lower()) if w not in _NOT_PLACE)
        out.append((kind, place))
    return tuple(out)


def same_record(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` rank a thing alike within the history of one place (see the module docs)."""
    return any(ka == kb and (pa & pb or not (pa or pb))
               for ka, pa in records(a) for kb, pb in records(b))
