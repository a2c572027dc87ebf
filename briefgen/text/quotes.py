"""How much of a sentence is someone's own words: the share of its words inside quotation marks.

News text writes its quotation marks many ways: typographic (“ ” and ‘ ’),
straight ("), TeX-style (`` ''), and in scraped or tokenised text set apart by
spaces (" it was pretty solid, " said feroli). Typographic and TeX marks say
which way they face; straight ones alternate, and the first of them closes a
quotation an earlier sentence opened when it follows a word or a stop with no
space ('We will win," he said.') or a comma or stop and a space with the
speaker after it ('we will win, " he said.') or nothing after it. A straight mark right after a
digit is inches (12"), no quotation mark. A typographic single mark opens at
‘ and closes at ’ with no letter after it (not an apostrophe: "it’s").
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["OPENING_WORDS", "QUOTATION_SHARE", "quotation", "quoted_share"]

#: A sentence with at least this share of its words quoted is a quotation (so is one that opens
#: inside quotation marks, see OPENING_WORDS): more than half of it is someone's words, not the
#: reporter's. Set without data, as "mostly".
QUOTATION_SHARE = 0.5
#: Words a quotation that opens the sentence must hold to make it a quotation: fewer are a title
#: or a word in scare quotes ('"Frozen" became the highest-grossing ...'). Set without data: a
#: clause has a subject, a verb and more.
OPENING_WORDS = 3

_MARK = re.compile(r"\u201c|``|\u201d|''|\u2018|\u2019(?![^\W\d_])|(?<!\d)\"")
_OPENING = frozenset(["\u201c", "``", "\u2018"])
_CLOSING = frozenset(["\u201d", "''", "\u2019"])
_WORD = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*")
# A straight mark that closes: right after a word or a stop with no space, or after a comma or stop
# and a space with its speaker after it ('..., " page said').
_CLOSES_AFTER = re.compile(r"[^\W_]$|[.,!?;:]$")
_SPACED_CLOSE = re.compile(r"[,.!?]\s+$")
_SPEAKER_NEXT = re.compile(r"\s+(?:[\w.'-]+\s+){0,3}(?:said|says|told|added|adds|explained|wrote)\b",
                           re.IGNORECASE)


def quoted_share(text: str) -> float:
    """The share of ``text``'s words that stand inside quotation marks (0 when it has none).

    ``"“We have a deal,” the minister said."`` gives 4/7; a sentence wholly
    inside a quotation gives 1; scare quotes around a word or two give little.
    """
    flags = _quoted(text)
    return sum(flags) / len(flags) if flags else 0.0


def quotation(text: str) -> bool:
    """Whether a sentence is a quotation: it opens inside quotation marks, or most of it is quoted.

    ``"“We have a deal,” the minister said."`` and ``'" it was solid, " said
    feroli, chief economist at jp morgan.'`` are; ``'The minister said they had
    a deal.'``, ``'Relatives were " devastated ", they said.'`` and ``'"Frozen"
    became the highest-grossing film.'`` are not.
    """
    flags = _quoted(text)
    if not flags:
        return False
    if sum(flags) >= QUOTATION_SHARE * len(flags):
        return True
    opening = 0
    for flag in flags:
        if not flag:
            break
        opening += 1
    return opening >= OPENING_WORDS


def _closes(text: str, at: int, end: int) -> bool:
    """Whether the straight mark at ``at`` (ending at ``end``) closes a quotation opened earlier."""
    before = text[:at]
    if before and not before[-1].isspace():
        return _CLOSES_AFTER.search(before) is not None
    # Spaced out after a comma or stop: closing before its speaker, or at the sentence's end.
    return _SPACED_CLOSE.search(before) is not None and (
        _SPEAKER_NEXT.match(text, end) is not None or not text[end:].strip(" .,;:!?)]'\u2019"))


@lru_cache(maxsize=65536)
def _quoted(text: str) -> tuple[bool, ...]:
    """For each word of ``text``, whether it stands inside quotation marks."""
    words = [m.start() for m in _WORD.finditer(text)]
    marks = list(_MARK.finditer(text))
    if not words or not marks:
        return tuple(False for _ in words)
    first = marks[0]
    mark = first.group()
    # Inside from the start when the first mark faces backwards: a quotation an earlier sentence opened.
    inside = mark in _CLOSING or (mark == '"' and _closes(text, first.start(), first.end()))
    spans: list[tuple[int, int]] = []
    start = 0
    for m in marks:
        mark = m.group()
        if not inside and (mark in _OPENING or mark == '"'):
            inside, start = True, m.end()
        elif inside and (mark in _CLOSING or mark == '"'):
            inside = False
            spans.append((start, m.start()))
    if inside:
        spans.append((start, len(text)))
    return tuple(any(a <= w < b for a, b in spans) for w in words)
