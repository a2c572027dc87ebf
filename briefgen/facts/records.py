"""One record, one fact: two sentences that rank a thing alike in a place's history restate it.

Coverage of a disaster or an attack ranks it, and each outlet words the
ranking its own way: "The fire ... was the deadliest in modern Swedish
history" and "The blaze, the worst fire disaster in Sweden's modern history,
shocked a country ...". The two share few words besides "history", so word
overlap does not call them one fact, but a reader sees the ranking twice.

:func:`same_record` calls two sentences one fact when each ranks something
by a superlative of the same kind (the deadliest: "deadliest",
"bloodiest", "most lethal"; the costliest: "costliest", "most devastating";
either of them: "worst"; the largest: "largest", "biggest"; or the same
word) that :data:`NEAR` words or fewer before "history" ("in modern
Swedish history", "in the country's history", "in U.S. history"), the
histories are of the same place (their words after "in" have the same stems
of :data:`STEM` letters, "swedish" and "sweden", or neither names one: "in
modern history", "in the country's history"), and what is ranked is the
same where both say it ("the worst fire disaster", "the deadliest fire"; "the
deadliest in ..." says nothing). Two different records of one event ("the
largest evacuation in Swedish history", "the deadliest fire in Swedish
history"; "the largest protest", "the largest bankruptcy") stay apart. What it
cannot tell: places whose names share four letters ("Austrian",
"Australian").

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
# "The worst" is said of either: the deadliest and the costliest are two rankings.
_KINDS = {
    **dict.fromkeys(("deadliest", "bloodiest", "deadly", "lethal"), "deadliest"),
    **dict.fromkeys(("costliest", "devastating", "destructive"), "costliest"),
    **dict.fromkeys(("largest", "biggest", "greatest"), "largest"),
}
_EITHER = {"worst": frozenset(("deadliest", "costliest"))}
_SUPERLATIVE = re.compile(r"\b(?:most\s+([a-z]+)|([a-z]+est)|(worst|best))\b", re.IGNORECASE)
# Words in "-est" that are no superlative, and "latest" ("the latest figures show ..."), which dates
# rather than ranks.
_NOT_SUPERLATIVE = frozenset(str.split(
    "interest protest forest harvest request arrest west midwest rest unrest test contest nest chest guest "
    "quest conquest crest suggest invest digest honest modest manifest pest vest zest earnest everest "
    "budapest bucharest priest attest detest infest latest"))
_HISTORY = re.compile(r"\bin\s+((?:[\w.'\u2019-]+\s+){0,4}?)history\b", re.IGNORECASE)
# Words of a history's phrase that name no place ("in the country's modern history").
_NOT_PLACE = frozenset(("the", "its", "their", "modern", "recent", "country", "country's", "nation",
                        "nation's", "living", "memory", "peacetime", "postwar", "post-war", "human", "world",
                        "world's", "entire", "whole", "own", "city's", "city", "state", "state's"))
_WORD = re.compile(r"[a-z][a-z.'\u2019-]*")
# Words between a superlative and its "in ... history" that say nothing of what is ranked.
_NOT_THING = frozenset(("ever", "yet", "so", "far", "one", "ones", "of", "all", "time", "the", "in", "on",
                        "record"))


@lru_cache(maxsize=65536)
def records(text: str) -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """The rankings ``text`` makes: each a superlative's kind, the stems of its history's place and
    the words of what it ranks ("fire disaster"; empty for "the deadliest in ...")."""
    out = []
    for h in _HISTORY.finditer(text):
        before = _WORD.findall(text[max(0, h.start() - 200):h.start()].lower())[-NEAR:]
        window = " ".join(before)
        found = None
        for m in _SUPERLATIVE.finditer(window):
            word = (m.group(1) or m.group(2) or m.group(3)).lower()
            if word not in _NOT_SUPERLATIVE:
                found = (word, m.end())  # the last one ranks what "in ... history" follows
        if found is None:
            continue
        word, end = found
        thing = frozenset(w for w in window[end:].split() if w not in _NOT_THING)
        place = frozenset(w.replace("\u2019", "'").removesuffix("'s").strip(".")[:STEM]
                          for w in _WORD.findall(h.group(1).lower()) if w not in _NOT_PLACE)
        out.append((_KINDS.get(word, word), place, thing))
    return tuple(out)


def same_record(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` rank a thing alike within the history of one place (see the module docs)."""
    return any(_alike(ka, kb) and pa == pb and (not ta or not tb or bool(ta & tb))
               for ka, pa, ta in records(a) for kb, pb, tb in records(b))


def _alike(a: str, b: str) -> bool:
    """Whether superlatives of kinds ``a`` and ``b`` rank alike ("worst" and "deadliest" do)."""
    return a == b or b in _EITHER.get(a, ()) or a in _EITHER.get(b, ())
