"""Closed word classes that mark an English verb without a parser: auxiliaries and irregular pasts.

A grammar's lists, not any coverage's words. :mod:`briefgen.select.statements`
reads a predicate from them, and :mod:`briefgen.select.standalone` a fragment
(a short sentence with no verb in it).
"""

from __future__ import annotations

import re

from briefgen.text.words import word_set

__all__ = ["AUXILIARIES", "IRREGULAR_PAST", "REPORTED", "UNLISTED_PAST", "has_verb"]


#: Words after which a lower-case word is a verb: auxiliaries, modals, "to".
AUXILIARIES = word_set(
    "am is are was were be been being has have had will would shall should can could may might must "
    "do does did to")

#: English irregular past forms and participles.
IRREGULAR_PAST = word_set("""
    arose arisen beat beaten became began begun bent bit bitten bled blew blown bore borne bought bound
    broke broken brought built burnt caught chose chosen clung came cost crept cut dealt dug drew drawn
    drove driven ate eaten fell fallen fed felt fought found fled flew flown forbade forgave forgotten
    forgot froze frozen gave given went gone grew grown hung held hid hidden hit hurt kept knew known laid
    led left lent let lay lain lit lost made meant met paid put quit ran rang rose risen rode ridden sank
    sunk saw seen sought sold sent set shook shaken shed shot shut sang sung slew slain slid spent spoke
    spoken spread sprang stood stole stolen stuck struck stung swore sworn swept swam swung took taken
    taught tore torn thought threw thrown understood upheld withdrew withdrawn withheld won wound wore
    worn wrote written
    """)

#: Past forms the irregular table leaves out, as the rules that read it have always done: the verbs
#: of saying that :data:`REPORTED` reads, and a few common ones ("got about a foot of snow").
#: :func:`briefgen.text.past.timeless` and :mod:`briefgen.select.others` read them as past forms.
UNLISTED_PAST = word_set("said told heard got sat")

#: A verb of saying, or "according to": a sentence holding one names who said it (or means to).
REPORTED = re.compile(r"\b(?:said|says|told|tells|added|adds|explained|according to)\b", re.IGNORECASE)

# Contractions that hold an auxiliary ("there's", "didn't", "we're", "they'll", "I'd", "I'm", "cannot").
_CONTRACTED = ("'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "cannot")


def has_verb(words: list[str]) -> bool:
    """Whether any of ``words`` is surely a verb form.

    ``words`` are lower-cased tokens of :func:`briefgen.text.words.words` (curly
    apostrophes already straight).

    An auxiliary or modal, a contraction holding one, a form in "-ed" or
    "-ing", an irregular past, or a word in "-s" after the first ("Brody
    loves ..."). Says nothing of bare present forms ("I think ..."): a caller
    asks only of sentences too short for that to matter.
    """
    for k, w in enumerate(words):
        if w in AUXILIARIES or w in IRREGULAR_PAST or w.endswith(_CONTRACTED):
            return True
        if len(w) > 3 and w.endswith(("ed", "ing")):
            return True
        if k > 0 and len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            return True
    return False
