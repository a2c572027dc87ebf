"""How much of a sentence is someone's own words: the share of its words inside quotation marks.

News text writes its quotation marks many ways: typographic (“ ”), straight
("), TeX-style (`` ''), and in scraped or tokenised text set apart by spaces
(" it was pretty solid, " said feroli). Typographic and TeX marks say which
way they face; straight ones alternate. A sentence may begin inside a
quotation an earlier sentence opened (its only mark then closes it, near its
end) or open one a later sentence closes (its only mark opens it).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["QUOTATION_SHARE", "quotation", "quoted_share"]

#: A sentence with at least this share of its words quoted is a quotation (so is one that opens
#: inside quotation marks): more than half of it is someone's words, not the reporter's. Set
#: without data, as "mostly".
QUOTATION_SHARE = 0.5

_MARK = re.compile(r'\u201c|``|\u201d|\'\'|"')
_OPENING = frozenset(["\u201c", "``"])
_CLOSING = frozenset(["\u201d", "''"])
_WORD = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*")
# After a closing mark that ends a sentence: nothing but punctuation and space.
_TAIL = re.compile(r"[\s.,;:!?)\]\u2019']*")


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
    a deal.'`` and ``'Relatives were " devastated ", they said.'`` are not.
    """
    flags = _quoted(text)
    return bool(flags) and (flags[0] or sum(flags) >= QUOTATION_SHARE * len(flags))


@lru_cache(maxsize=65536)
def _quoted(text: str) -> tuple[bool, ...]:
    """For each word of ``text``, whether it stands inside quotation marks."""
    words = [m.start() for m in _WORD.finditer(text)]
    marks = list(_MARK.finditer(text))
    if not words or not marks:
        return tuple(False for _ in words)
    straight = sum(1 for m in marks if m.group() == '"')
    inside = False
    if straight % 2 == 1:
        first = next(m for m in marks if m.group() == '"')
        # One straight mark too many: it closes a quotation begun in an earlier sentence when
        # it comes last with only punctuation after it, else it opens one.
        last = marks[-1]
        inside = (first is last and last.group() == '"' and last.start() > 0
                  and _TAIL.fullmatch(text, last.end()) is not None)
    spans: list[tuple[int, int]] = []
    start = 0 if inside else -1
    for m in marks:
        mark = m.group()
        opens = mark in _OPENING or (mark == '"' and not inside)
        closes = mark in _CLOSING or (mark == '"' and inside)
        if opens and not inside:
            inside, start = True, m.end()
        elif closes and inside:
            inside = False
            spans.append((start, m.start()))
    if inside:
        spans.append((start, len(text)))
    return tuple(any(a <= w < b for a, b in spans) for w in words)
