"""The outlet a wire dateline names: "vatican city ( reuters ) - ...", "( cnn ) micheal brown ...".

Text that writes names in lower case (or that a page ran into its furniture)
has no capitals to find a dateline's agency by; the agency or broadcaster in
its brackets tells it (:mod:`briefgen.text.datelines` finds the dateline).
Read only at an article's start: :func:`dateline_outlet` for a dateline
opening a line, :func:`opening_outlet` for one behind run-in page furniture.
"""

from __future__ import annotations

import re

from briefgen.sources.outlets import outlet_table
from briefgen.text.datelines import AGENCIES, BROADCASTERS, dateline_end
from briefgen.text.frequency import RARE_ZIPF, zipf_table

__all__ = ["OPENING", "dateline_outlet", "opening_outlet"]

# The agency or broadcaster of a dateline in text that writes names in lower case ("johnson city (
# wsyr-tv ) -- one hundred pets ...": briefgen.text.datelines finds the dateline).
_DATELINE_WHO = re.compile(r"\(\s*(?P<who>" + AGENCIES + "|" + BROADCASTERS + r")\s*\)")
_CALL_SIGN = re.compile(r"[kw][a-z]{3}")


def dateline_outlet(line: str) -> str | None:
    """The agency or broadcaster a lower-cased dateline opening ``line`` names, if any.

    Only for an article's first line: "johnson city ( wsyr-tv ) -- one hundred pets ..." is
    WSYR-TV, "vatican city ( reuters ) - ..." Reuters. The bracket is the one that ends the
    dateline; a call sign that is an English word ("( kirk ) —") names no station. An outlet
    the table of known outlets holds takes its name there; a station's call sign is printed in
    capitals.
    """
    t = line.strip()
    end = dateline_end(t)
    found = list(_DATELINE_WHO.finditer(t, 0, end)) if end else []
    if not found or t[found[-1].end():end].strip(" -\u2013\u2014_"):
        return None
    return _agency_name(found[-1].group("who"))


def _agency_name(who: str) -> str | None:
    """The outlet an agency or broadcaster in a dateline's brackets names; ``None`` for a word."""
    who = who.strip()
    if _CALL_SIGN.fullmatch(who) and zipf_table().get(who, 0.0) >= RARE_ZIPF:
        return None
    known = outlet_table().lookup(who)
    return known.name if known is not None else who.upper()  # a call sign: "WSYR-TV"


# How far into an article's first line its wire dateline may stand behind page furniture run into
# it (a gallery's teaser, a photo's caption and credit, a correction notice): in Multi-News
# validation the furthest of 25 such datelines starts at character 573.
OPENING = 800
# Where a dateline may start behind furniture: the text's start, or after the end of a sentence,
# a bracket or an ellipsis.
_BOUNDARY = re.compile(r"^|(?<=[.!?)\]\"\u201d\u2026])\s+")
# An agency in brackets opening a story without a dash ("( cnn ) micheal brown stared ...").
_OPENING_AGENCY = re.compile(
    r"\W*\(\s*(?P<who>" + AGENCIES + "|" + BROADCASTERS + r")\s*\)\s+(?=[\w\"\u201c])", re.IGNORECASE)


# CNN's "Story highlights" list runs into its story without a full stop, up to the dateline's bracket
# ("story highlights ... reagan administrations ( cnn ) national security analyst ..."): 4 of
# Multi-News validation's 870 sources, whose outlet nothing else names.
_HIGHLIGHTS = re.compile(r"\W*story highlights\b", re.IGNORECASE)
_CNN = re.compile(r"\(\s*cnn\s*\)", re.IGNORECASE)  # its mark, not another bracket ("( wada )")
_HIGHLIGHTS_REACH = 400  # the furthest of the 4 marks is at character 294
_QUOTE_OPENERS = ('"', "\u201c", "'", "\u2018")
# A page's pointer to other stories just before a dateline: that dateline is another story's.
_ANOTHER_STORY = re.compile(r"(?i)\b(?:also like|related|read more|more stories|recommended|see also"
                            r"|you might|more from|up next|popular)\b")


def opening_outlet(line: str) -> str | None:
    """The agency whose dateline opens an article's first line, perhaps behind run-in page furniture.

    "( cnn ) micheal brown stared ...", "... police engaged... ( associated
    press ) iguala, mexico ( ap ) — a clandestine grave ...", "...
    Reuters/jonathan ernst los angeles ( reuters ) - former ...": a page
    scraped without its line breaks runs captions and credits into the
    story's dateline. Only within the line's first :data:`OPENING`
    characters, and not after a label ("related: washington ( ap ) — ..."), a
    pointer to other stories ("you may also like. washington ( ap ) — ...") or
    inside a quotation.
    """
    t = line.strip()
    if m := _OPENING_AGENCY.match(t):
        return _agency_name(m.group("who"))
    for b in _BOUNDARY.finditer(t, 0, OPENING):
        rest = t[b.end():]
        quoted = rest[:1] in _QUOTE_OPENERS or (b.start() > 0 and t[b.start() - 1] in _QUOTE_OPENERS)
        if quoted or _ANOTHER_STORY.search(t, max(0, b.start() - 40), b.start() + 1):
            continue  # a story quoted, or the next one a page's list of others points to
        who = dateline_outlet(rest)
        if who is not None:
            bracket = _DATELINE_WHO.search(rest)
            return who if bracket is not None and ":" not in rest[:bracket.start()] else None
    if _HIGHLIGHTS.match(t) and _CNN.search(t, 0, _HIGHLIGHTS_REACH):
        return _agency_name("cnn")
    return None
