"""Who said it, and what: a sentence's attribution frame apart from the statement it reports.

News wraps a statement in who said it, to whom, when and where: "Former
republican presidential candidate rick santorum said sunday he won't be
serving in a mitt romney's administration ..."; '"we're not going to bail
out the european banks, " the presumptive republican presidential nominee
told bob schieffer in an interview aired sunday on cbs's "face the nation. "'.
Two sentences of one interview share that frame word for word and report
different things. :func:`frame` finds it without a parser, from the place
of a reporting verb ("said", "says", "told", "tells", "added", "according
to"):

* **after the statement**: a comma or closing quotation mark, then within
  :data:`SPEAKER_WORDS` words a reporting verb; the frame runs from there to
  the next comma or the end of the sentence ("..., " the nominee told bob
  schieffer on sunday."; "..., officials said, adding that ..."; '...," said
  spokesman Avi Benayahu.'), unless a statement follows the verb ("..., but
  his spokesman said he was in a London clinic ...": the frame is the
  speaker and the verb);
* **before the statement**: a reporting verb within the first
  :data:`SPEAKER_WORDS` words, no quotation mark or semicolon before it and
  no comma but one closing an apposition ("Romney, the nominee, told"); the
  frame runs to the verb and the words of time after it ("said sunday",
  "said on tuesday") and a "that"; after "told" or "tells", to the first
  "that" within :data:`ADDRESSEE_WORDS` words ("told bob schieffer in an
  interview aired sunday ... that"), else over one word, the addressee
  ("told reporters the talks ...");
* "according to" opening a sentence, to its first comma; or after a
  comma, to the end.

The statement is what is left. A sentence whose statement would be almost
nothing ("He said so.") has no frame.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["ADDRESSEE_WORDS", "SPEAKER_WORDS", "frame", "setting", "without_setting"]

#: Most words from a clause's comma (or a sentence's start) to its reporting verb: a speaker's
#: name with a title and a short description ("the presumptive republican presidential nominee").
#: Set without data.
SPEAKER_WORDS = 10
#: Most words from "told" to the "that" that opens what was told: an addressee and where
#: ("bob schieffer in an interview aired sunday on cbs's "face the nation ""). Set without data.
ADDRESSEE_WORDS = 16
# Fewest words a statement keeps for the sentence to have a frame.
_STATEMENT_WORDS = 3

_VERBS = r"(?:said|says|say|told|tells|added|adds)"
_WORD = re.compile(r"[\w'\u2019.-]+")
# The letters of every reporting verb: most sentences have none, and are read no further (a
# twentieth of the time of looking for the verbs as words; the patterns below each need one).
_STEMS = ("said", "say", "told", "tell", "add", "according")
# A clause boundary before a trailing attribution (a comma, or a closing quotation mark), its
# speaker's words and its verb.
_BOUNDARY = r"(?:,\s*[\"\u201d']?|[\"\u201d])\s*"
_AFTER = re.compile(rf"{_BOUNDARY}((?:[\w'\u2019.-]+\s+){{0,{SPEAKER_WORDS}}}?)({_VERBS})\b", re.IGNORECASE)
_NEXT_COMMA = re.compile(r",\s")
_BEFORE = re.compile(rf"^((?:[\w'\u2019.,-]+\s+){{1,{SPEAKER_WORDS}}}?)({_VERBS})\b", re.IGNORECASE)
_TIME_AFTER = re.compile(
    r"\s+(?:(?:on|late|early|last|this)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
    r"yesterday|tonight|(?:in\s+a\s+)?statement|morning|afternoon|evening|night|week)\b(?:\s+(?:night|morning|"
    r"afternoon|evening))?", re.IGNORECASE)
_THAT = re.compile(r"\s+that\b", re.IGNORECASE)
_ACCORDING_FIRST = re.compile(r"^according\s+to\s+[^,]{1,80},\s*", re.IGNORECASE)
_ACCORDING_LAST = re.compile(r",\s*according\s+to\s+[^,;]{1,80}$", re.IGNORECASE)
# Words opening a clause that goes on after its speaker ("..., but his spokesman said he was ...").
_JOINING = frozenset(("and", "but", "while", "as", "so", "yet", "because", "although", "though", "when"))
# Words after a trailing "said" that still belong to the frame: where, when, to whom, how.
_FRAME_WORDS = frozenset(("on", "in", "at", "during", "after", "before", "to", "from", "with", "of", "late",
                          "early", "last", "this", "outside", "by", "through", "via", "afterward", "later",
                          "recently", "earlier", "publicly", "privately", "repeatedly", "today", "yesterday"))
_QUOTE_OR_SEMI = re.compile(r"[\"\u201c\u201d;:]")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def frame(text: str) -> tuple[tuple[int, int], ...]:
    """The character spans of ``text``'s attribution frame (see the module docs); ``()`` if none."""
    return tuple((start, end) for start, _, end in _frames(text))


def setting(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the frame after a speaker's reporting verb: to whom, when and where it was said.

    In "Romney told bob schieffer in an interview aired sunday that ..." it
    is " bob schieffer in an interview aired sunday that"; a speaker after
    the verb ('"...," said spokesman Avi Benayahu.') and the source of an
    "according to" say who, not where, and are not part of it.
    """
    return tuple((verb, end) for _, verb, end in _frames(text) if verb < end)


@lru_cache(maxsize=65536)
def _frames(text: str) -> tuple[tuple[int, int, int], ...]:
    """The frame's spans as (start, end of the speaker's verb or the span's end, end)."""
    low = text.lower()
    if not any(verb in low for verb in _STEMS):
        return ()
    body = text.rstrip()
    m = _ACCORDING_FIRST.match(body)
    if m:
        return _kept(text, ((0, m.end(), m.end()),))
    m = _ACCORDING_LAST.search(body)
    if m:
        return _kept(text, ((m.start(), len(text), len(text)),))
    before = _BEFORE.match(body)
    # A comma before the verb sets off an apposition ("Romney, the nominee, told"), not a clause.
    subject = before.group(1) if before else ""
    apposition = "," not in subject or subject.rstrip().endswith(",")
    if before and apposition and not _QUOTE_OR_SEMI.search(subject):
        end = _frame_end(body, before.group(2), before.end(), trailing=False)
        return _kept(text, ((0, min(before.end(), end), end),))
    # The last attribution in the sentence: what comes before it is what was said.
    after = max(_AFTER.finditer(body), key=lambda m: m.start(), default=None)
    if after is None or after.start() == 0:
        return ()
    # "..., but his spokesman said he was ...": a statement follows the verb, not the frame's end.
    speaker = after.group(1).strip()
    trailing = speaker.split(" ", 1)[0].lower() not in _JOINING
    if trailing and not speaker:
        # '"...," said Defense Ministry spokesman Avi Benayahu.': the speaker follows the verb.
        stop = _NEXT_COMMA.search(body, after.end())
        end = stop.start() if stop else len(text)
        return _kept(text, ((after.start(), end, end),))
    end = _frame_end(body, after.group(2), after.end(), trailing)
    return _kept(text, ((after.start(), min(after.end(), end), end),))


def _frame_end(body: str, verb: str, end: int, trailing: bool) -> int:
    """Where the frame whose reporting ``verb`` ends at ``end`` stops."""
    stop = _NEXT_COMMA.search(body, end)
    last = stop.start() if stop else len(body)
    if verb.lower() in ("told", "tells"):
        that = _THAT.search(body, end)
        if that and _words(body[end:that.start()]) <= ADDRESSEE_WORDS:
            return that.end()
        if trailing:
            return last
        addressee = _WORD.search(body, end)  # "told reporters the talks ..."
        return addressee.end() if addressee else end
    time = _TIME_AFTER.match(body, end)
    if time:
        end = time.end()
    that = _THAT.match(body, end)
    if that:
        return that.end()
    rest = _WORD.search(body, end, last)
    if trailing and (rest is None or rest.group().lower() in _FRAME_WORDS):
        return last
    return end


def _kept(text: str, spans: tuple[tuple[int, int, int], ...]) -> tuple[tuple[int, int, int], ...]:
    """``spans``, unless the statement they leave is almost nothing ("He said so.")."""
    kept = _cut(text, [(start, end) for start, _, end in spans])
    return spans if _words(kept) >= _STATEMENT_WORDS else ()


def without_setting(text: str) -> str:
    """``text`` with each :func:`setting` span blanked out (to a space)."""
    return _cut(text, setting(text))


def _cut(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each of ``spans`` (not overlapping) replaced by one space."""
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return text
