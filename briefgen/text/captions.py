"""The BBC's photo and video captions, which a page without line breaks runs into the sentence after
them with no mark between: where such a caption ends and the sentence starts.

Read by :mod:`briefgen.text.datelines` among the page furniture run into a story's sentences.
"""

from __future__ import annotations

import re

from briefgen.text.clauses import main_clause
from briefgen.text.verbs import AUXILIARIES, IRREGULAR_PAST, has_verb
from briefgen.text.words import STOPWORDS

__all__ = ["CAPTION_WORDS", "SUBJECT_REACH", "bbc_caption_end"]

# The BBC's photo and video captions, which a page without line breaks runs into the sentence after
# them with no mark between ("Image copyright afp image caption rights groups say honour killings are
# on the rise in pakistan the bodies of a teenage pakistani couple ... bear marks ..."): 17 sentences
# of Multi-News validation, 15 of them a story's lead; none in DUC 2003.
_BBC_CAPTION = re.compile(r"\W*(?:media playback is (?:unsupported|not supported) on your device\s+)?"
                          r"(?:image copyright\s+[^.!?]{1,60}?\s+)?(?:image|media) caption\s+", re.IGNORECASE)
_TOKEN = re.compile(r"\S+")
_STOP = re.compile(r"[.!?][\"'\u201d)\]]*$")
_FINITE_WORDS = frozenset(("is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
                           "may", "might", "must", "says", "said"))
_RELATIVE_WORDS = frozenset(("who", "whose", "which", "where", "when", "that"))
# Object pronouns, which end the phrase they close ("... between them | microsoft and sony have ...").
_OBJECTS = frozenset(("them", "him", "us", "me"))
#: Words a caption must leave, and the sentence after it must have before its verb, for a cut to be read.
CAPTION_WORDS = 3
#: Words within which the sentence after a caption reaches its verb (a subject of a few words). Set
#: without data, as a short noun phrase's length.
SUBJECT_REACH = 12


def _finite(word: str) -> bool:
    return word in _FINITE_WORDS or word in IRREGULAR_PAST or (len(word) > 3 and word.endswith("ed"))


def bbc_caption_end(text: str, at: int = 0) -> int:
    """Where a BBC caption at ``at`` in ``text`` ends and the sentence run into it starts; ``at`` if none.

    The caption has no full stop, so its end is read where a new clause
    plainly starts: an article or a possessive after a word that is no
    function word and no verb ("... on the rise in pakistan | the bodies of
    ...", "... over her appearance | egypt's state broadcaster has ..."), a
    word after an object pronoun ("... between them | microsoft and sony
    have ..."), or the caption's first two words again ("pope francis
    recorded the talk ... | pope francis has recorded ..."). The caption
    before it must hold a verb, and what follows must reach its own verb
    within :data:`SUBJECT_REACH` words, no relative clause before it.
    Without such a place (a caption ending "... known to french
    intelligence services | french police have arrested ...") the caption
    stays, and the sentence is page furniture.
    """
    head = _BBC_CAPTION.match(text, at)
    if head is None:
        return at
    tokens = []
    for m in _TOKEN.finditer(text, head.end()):  # the caption and the sentence run into it, to its stop
        tokens.append((m.group(0), m.start()))
        if _STOP.search(m.group(0)):
            break
    low = [t.lower().strip(",.;:'\"\u201c\u201d") for t, _ in tokens]
    for k in range(CAPTION_WORDS, len(tokens) - CAPTION_WORDS):
        before, prev, word = low[k - 2], low[k - 1], low[k]
        # A verb's object follows: a finite form, a participle, a word after an auxiliary or an adverb.
        verbal = _finite(prev) or prev.endswith("ing") or before in AUXILIARIES or before.endswith("ly")
        determiner = word in ("the", "a", "an") or (len(word) > 3 and word.endswith(("'s", "\u2019s")))
        unmarked = not tokens[k - 1][0].endswith((",", ":"))  # a comma sets off what follows, not a clause
        article = determiner and prev not in STOPWORDS and not verbal and unmarked
        after_object = prev in _OBJECTS and word not in STOPWORDS and not _finite(word) and unmarked
        again = low[k : k + 2] == low[0:2] and low[0] not in STOPWORDS
        if not (article or after_object or again) or not has_verb(low[:k]):
            continue
        rest = text[tokens[k][1] : tokens[-1][1] + len(tokens[-1][0])]
        clause = [w.lower().strip(",.;:'\"") for w in (main_clause(rest) or rest).split()]
        verb = next((j for j, w in enumerate(clause[:SUBJECT_REACH]) if _finite(w)), 0)
        if verb and not any(w in _RELATIVE_WORDS for w in clause[:verb]):
            return tokens[k][1]
    return at
