"""Sentence splitting, fully offline: NLTK Punkt with packaged parameters, plus rules.

Every later stage sees the text through this splitter, so a wrong split after
"Jan." or "U.S." would cut a fact in half and break its verbatim footnote.

How it works:

1. NLTK's :class:`~nltk.tokenize.punkt.PunktSentenceTokenizer` proposes cuts,
   driven by hand-written parameters shipped in ``briefgen/data/punkt_en.json``
   (abbreviations, frequent sentence starters and their orthographic context),
   so no NLTK data is downloaded or needed. Dotted acronyms that are not in the
   list ("E.U.", "N.Y.C.") are treated as abbreviations too.
2. Rules then veto cuts Punkt cannot judge: a lower-case continuation
   (``"...?" one lawmaker asked.``), a title before a name ("Gen."), a list
   marker ("1."), the inside of an ellipsis, a word after an abbreviation that
   goes on its sentence though capitalised (:mod:`briefgen.text.abbreviated`).
3. Rules add cuts Punkt cannot see: headline-like lines without terminal
   punctuation, sentences glued without a space ("world.Today"), ellipses
   before a capital, "a.m."/"p.m." before a new sentence, bullets and
   numbered or lettered lists.

The splitter only chooses cut positions; sentences are slices of the input
with surrounding white space stripped, so no character is ever lost, changed
or reordered. All regular expressions are linear-time.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from briefgen.model import Line, Sentence, Source
from briefgen.text.abbreviated import GLUED_WORD, SPEECH_VERBS, CaseStyle, goes_on, number_stop, said_after
from briefgen.text.datelines import (
    caption_before,
    caption_end,
    cut_short,
    headline_dateline_end,
    lead_in_end,
    placed_dash_end,
    run_in_end,
)
from briefgen.text.headlines import lead_after_headline, link_ends, link_piece
from briefgen.text.lazynltk import light_nltk
from briefgen.text.quotes import QUOTATION_REACH, asked_inside, middles, quote_count, spaced_tag, tweet_ends
from briefgen.text.wrapped import block_width, wrap_width

light_nltk()  # Punkt without the rest of NLTK: start-up stays fast

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer, PunktToken  # noqa: E402

__all__ = ["segment", "sentence_spans", "split_sentences"]

# Punkt's orthographic flags (punkt._ORTHO_BEG_UC, _ORTHO_MID_LC: "seen capitalised sentence-initially",
# "seen lower-case mid-sentence"); with only these, a capital after an abbreviation starts a sentence.
_ORTHO_BEG_UC, _ORTHO_MID_LC = 1 << 1, 1 << 5

_CLOSERS = "\"')]}\u2019\u201d\u00bb"
_OPENERS = "\"'([{\u2018\u201c\u00ab"
_QUOTES_OPEN = "\"'\u2018\u201c\u00ab"
_DOUBLE_OPEN = "\"\u201c"
_OPEN_ONLY = "\u2018\u201c\u00ab([{"
_TERMINAL = ".!?\u2026"
# Characters that mark a list item or a subhead at the start of a sentence.
_BULLETS = "\u2022\u2043\u25e6\u25aa\u25a0\u25cf\u25c6\u25c7\u25b2\u25b3\u25b6\u25ba\u203b\u261e"

_WS = re.compile(r"\s+")
_NONSPACE = re.compile(r"\S")
_FIRST_TOKEN = re.compile(r"\S+")
# A candidate sentence end: terminal punctuation, closing quotes or brackets, then white space or the end.
_CANDIDATE = re.compile(r"[.!?\u2026][\"')\]}\u2019\u201d\u00bb]*(?=\s|\Z)")
# Characters Punkt's word tokenizer splits off (apostrophes stay inside words).
_PUNKT_NONWORD = re.compile(r"[()\[\]{}\";:@*\u201c\u201d\u00ab\u00bb]")
_GLUED_SPLIT = re.compile(r"(?<=[a-z0-9][.!?])(?=[A-Z][a-z])")
_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}$")
# An ellipsis: 3 or more dots, spaced (". . .") or not, or U+2026; searched only in runs of dots and spaces.
_ELLIPSIS = re.compile(r"\.(?: \.){2,}|\.{3,}|\u2026+")
_DOT_RUN = re.compile(r"\.[. ]*\.|\u2026+")
# Sentences glued without a space: "world.Today", "1,000.That" (the character before checked apart),
# or in lower-cased text "." or "?" after a word, then GLUED_WORD ("the fight.police have").
_GLUED = re.compile(r"[.!?](?:(?=[\"\u201c\u201d]?[A-Z][a-z])|(?<=[a-z]{2}[.?])(?=" + GLUED_WORD + "))")
_GLUED_EXCLUDE = re.compile(r"@|://|www\.|/|=", re.IGNORECASE)
_BREAK = re.compile(r"\n\s*")  # a line break, with the white space around it
# Lower-cased text: "?" after a word, then a lower-case word ends a sentence ("How did that happen? she ..."),
# unless the question is asked inside a quotation (quotes.asked_inside).
_QUESTION_LOWER = re.compile(r"(?<=[^\W\d_])\?\s+[a-z]")
_CLOCK = re.compile(r"\.m\.", re.IGNORECASE)  # "a.m."/"p.m.", the letter before checked separately
# A time after a determiner names what follows ("the cbs 12: 35 a.m. Show", Multi-News 00156): no end.
_TIME_MODIFIER = re.compile(r"(?i)\b(?:the|an?|its|his|her|their|our|this|that)\s+(?:(?!(?:at|by|to|from"
                            r"|until|after|before|around|about|since|on|in)\b)[\w'-]+\s+){0,2}\d\d?(?::\s?\d\d)?\s*$")
# The end of a possible list marker ("1." "a)" "2.)"), checked in _list_markers.
_MARKER_END = re.compile(r"[.)](?=\s)")
_BULLET_RE = re.compile(f"[{_BULLETS}]")
_SPEECH_AFTER = re.compile(r"(?:[A-Z][\w'\u2019-]*\s+){1,3}" + SPEECH_VERBS)


@dataclass(frozen=True)
class _Rules:
    """Word lists from ``punkt_en.json`` that the post-rules consult."""

    abbreviations: frozenset[str]
    titles: frozenset[str]
    not_after_time: frozenset[str]
    prepositions: frozenset[str]
    particles: frozenset[str]
    auxiliaries: frozenset[str]
    subjects: frozenset[str]
    conjunctions: frozenset[str]
    continuers: frozenset[str]


class _NewsPunkt(PunktSentenceTokenizer):
    """Punkt that also treats dotted acronyms ("E.U.", "N.Y.C.") as abbreviations."""

    def _first_pass_annotation(self, aug_tok: Any) -> None:
        super()._first_pass_annotation(aug_tok)
        if aug_tok.sentbreak and _DOTTED.search(aug_tok.tok):
            aug_tok.sentbreak = False
            aug_tok.abbr = True


@dataclass(frozen=True)
class _Splitter:
    """Punkt with the packaged parameters, and the rules' word lists."""

    punkt: _NewsPunkt
    rules: _Rules

    def punkt_break(self, text: str, end: int, nxt: int) -> bool:
        """Punkt's decision for the end character at ``end``, the next word at ``nxt``.

        The two tokens around the candidate go through Punkt's own first pass
        (abbreviation, ellipsis) and second pass (collocations, orthographic
        and sentence-starter heuristics, initials, numbers).
        """
        if text[end] != ".":
            return True  # "?" and "!" always end a sentence for Punkt
        before = _PUNKT_NONWORD.split(_token_before(text, end + 1))[-1]
        before = _GLUED_SPLIT.split(before)[-1]  # "Tuesday.Mr." -> "Mr."
        if before == ".":
            return True
        after = _FIRST_TOKEN.match(text, nxt)
        raw = after.group(0) if after else ""
        follower = _PUNKT_NONWORD.split(raw.lstrip(_OPENERS))[0]
        if _punkt_decision(self.punkt, before, follower or raw):
            return True
        # An abbreviation (not a title, not an initial) before an opening
        # double quote and a capital: 'Paribas Asia Equity Ltd. "PAL is ...'.
        return (raw[:1] in _DOUBLE_OPEN and follower[:1].isupper() and len(before) > 2
                and _bare(before) not in self.rules.titles)


@lru_cache(maxsize=8192)
def _punkt_decision(punkt: _NewsPunkt, before: str, after: str) -> bool:
    """Punkt's first and second pass on the token pair (a pure function, memoised)."""
    tok1 = PunktToken(before)
    punkt._first_pass_annotation(tok1)
    punkt._second_pass_annotation(tok1, PunktToken(after))
    return bool(tok1.sentbreak)


@lru_cache(maxsize=1)
def _splitter() -> _Splitter:
    """Build the tokenizer from the packaged parameters (once per process)."""
    raw = json.loads(resources.files("briefgen.data").joinpath("punkt_en.json").read_text("utf-8"))
    params = PunktParameters()
    params.abbrev_types = set(raw["abbreviations"])
    params.sent_starters = set(raw["starters"])
    for word in raw["starters"]:
        params.ortho_context[word] = _ORTHO_BEG_UC | _ORTHO_MID_LC
    rules = _Rules(
        abbreviations=frozenset(raw["abbreviations"]),
        titles=frozenset(raw["titles"]),
        not_after_time=frozenset(raw["not_after_time"]),
        prepositions=frozenset(raw["prepositions"]),
        particles=frozenset(raw["particles"]),
        auxiliaries=frozenset(raw["auxiliaries"]),
        subjects=frozenset(raw["subjects"]),
        conjunctions=frozenset(raw["conjunctions"]),
        continuers=frozenset(raw["continuers"]),
    )
    return _Splitter(punkt=_NewsPunkt(params), rules=rules)


# ---- Small helpers on positions ------------------------------------------


def _next_start(text: str, pos: int) -> int:
    """Index of the first non-space character at or after ``pos`` (len if none)."""
    m = _NONSPACE.search(text, pos)
    return m.start() if m else len(text)


def _token_before(text: str, pos: int) -> str:
    """The white-space-delimited token ending at ``pos`` (looks back 80 characters)."""
    window = text[max(0, pos - 80) : pos]
    if not window or window[-1].isspace():
        return ""
    return window.rsplit(None, 1)[-1]


def _bare(token: str) -> str:
    """Token lower-cased, without opening punctuation, closers and one final period."""
    t = token.lstrip(_OPENERS).rstrip(_CLOSERS).lower()
    return t[:-1] if t.endswith(".") else t


def _starts_sentence(text: str, pos: int) -> bool:
    """True if a capital letter or a digit starts here, possibly after opening quotes."""
    i = pos
    while i < len(text) and i < pos + 3 and text[i] in _QUOTES_OPEN:
        i += 1
    return i < len(text) and (text[i].isupper() or text[i].isdigit())


def _starts_lower(text: str, pos: int, particles: frozenset[str] = frozenset()) -> bool:
    """True if the word at ``pos`` starts lower-case and is not camel-cased ("iPhone")."""
    ch = text[pos]
    if not ch.islower():
        return False
    head = text[pos : pos + 24].split(None, 2)
    if not head or any(c.isupper() for c in head[0][1:]):
        return False
    # "da Silva, who leads ...", "van Gogh painted ...": a name particle
    return not (head[0] in particles and len(head) > 1 and head[1][:1].isupper())


# ---- Vetoes on Punkt's cuts ----------------------------------------------


def _ellipsis_zones(text: str) -> list[tuple[int, int]]:
    """(start, end) of every ellipsis, end extended over closing quotes."""
    zones: list[tuple[int, int]] = []
    if ".." not in text and ". ." not in text and "\u2026" not in text:
        return zones
    for run in _DOT_RUN.finditer(text):
        for m in _ELLIPSIS.finditer(text, run.start(), run.end()):
            end = m.end()
            while end < len(text) and text[end] in _CLOSERS:
                end += 1
            zones.append((m.start(), end))
    return zones


def _in_zone(zones: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect_left(starts, pos) - 1
    return i >= 0 and zones[i][0] < pos <= zones[i][1]


def _keep_punkt_cut(text: str, cut: int, nxt: int, rules: _Rules, case: CaseStyle) -> bool:
    """Whether a cut Punkt proposed survives the vetoes that need only local context."""
    gap = text[cut:nxt]
    paragraph_break = gap.count("\n") >= 2
    prev = _token_before(text, cut)
    core = prev.rstrip(_CLOSERS)
    if _bare(prev) in rules.titles and core.endswith("."):
        return False
    ch = text[nxt]
    if ch in ",;:":
        return False
    if prev in ("Q.", "A."):  # interview markers: "Q. What was agreed? A. The two sides ..."
        before = text[: cut - 2].rstrip()
        if not before or before[-1] in _TERMINAL + _CLOSERS:
            return False
    if not paragraph_break and _starts_lower(text, nxt, rules.particles) and not (  # unless lower-cased whole
            core.endswith(".") and case.lower_starts and not said_after(text, nxt, quoted=core != prev)):
        return False
    if not paragraph_break and _goes_on(text, core, nxt, rules, case):
        return False
    if paragraph_break or not core.endswith(("?", "!")):
        return True
    # "...?" Kim asked. / "...!" President Lee said. / '... a debt? " clinton asked.', the mark spaced apart.
    return not (_SPEECH_AFTER.match(text, nxt) is not None if core != prev else spaced_tag(text, nxt))


def _goes_on(text: str, before: str, nxt: int, rules: _Rules, case: CaseStyle) -> bool:
    """Whether the word at ``nxt`` after an abbreviation or acronym ``before`` goes on its sentence."""
    if not (_DOTTED.search(before) or _bare(before) in rules.abbreviations):
        return False  # most cuts: after an ordinary word
    return goes_on(text, nxt, case, auxiliaries=rules.auxiliaries, subjects=rules.subjects,
                   conjunctions=rules.conjunctions, prepositions=rules.continuers, abbreviation=before)


# ---- Rules that add cuts -------------------------------------------------


def _ellipsis_cuts(text: str, zones: list[tuple[int, int]]) -> list[int]:
    """Cuts at ellipses, following the Golden Rules conventions.

    "...", "…" and four dots end a sentence when a capital follows; three
    spaced dots (". . .") never do; "word. . . . Next" ends at "word.".
    """
    cuts = []
    for start, end in zones:
        nxt = _next_start(text, end)
        if nxt >= len(text) or nxt == end or not _starts_sentence(text, nxt):
            continue
        if start and text[start - 1] in "[(":  # "[...]" marks an omission inside a quotation
            continue
        dots = text[start:end].rstrip(_CLOSERS)
        spaced = " " in dots
        count = dots.count(".")
        attached = start > 0 and not text[start - 1].isspace()
        if spaced and count >= 4 and attached:
            cuts.append(start + 1)
        elif count >= 4 or not spaced:
            cuts.append(end)
    return cuts


def _glued_cuts(text: str, rules: _Rules, case: CaseStyle) -> list[int]:
    """Cuts between sentences printed without a space ("Tuesday.Mr. Smith").

    Tokens that look like URLs or e-mail addresses ("Jane.Doe@example.com")
    are left alone, as is a glued abbreviation ("Mr.Smith"). A straight
    double quote between the two sentences ('businessmen."But') goes with the
    sentence it opens or closes, judged by how many quotes precede it on its
    line.
    """
    cuts = []
    quotes: list[int] | None = None
    newlines: list[int] = []
    for m in _GLUED.finditer(text):
        if text[m.end()].islower() and not case.few_capitals:  # only in lower-cased text (GLUED_WORD)
            continue
        first = m.start()
        while first and text[first - 1] in ".!?":
            first -= 1
        if not first or not ("a" <= text[first - 1] <= "z" or "0" <= text[first - 1] <= "9"):
            continue
        token = _token_before(text, first)
        rest = _FIRST_TOKEN.match(text, m.end())
        whole = token + (rest.group(0) if rest else "")
        if _GLUED_EXCLUDE.search(whole):
            continue
        if len(token) < 2 or _bare(token) in rules.abbreviations:
            continue
        end = m.end()
        quote = text[end] if end < len(text) else ""
        if quote == "\u201d":
            end += 1
        elif quote == '"':
            if quotes is None:  # built once, only for text that needs it
                quotes = [q.start() for q in re.finditer('"', text)]
                newlines = [n.start() for n in re.finditer("\n", text)]
            line_start = newlines[bisect_left(newlines, end) - 1] if bisect_left(newlines, end) else -1
            if (bisect_left(quotes, end) - bisect_left(quotes, line_start)) % 2:
                end += 1  # an odd count before it: this quote closes
        cuts.append(end)
    return cuts


def _words_in(s: str) -> int:
    return len(s.split())


def _line_cuts(text: str, width: int | None = None, lead: int = 0) -> list[int]:
    """Cuts at line breaks that end a headline-like line or a short list line.

    A break never cuts when the line already ends a sentence (Punkt decides),
    ends in a comma, colon, dash or similar, or when the next line starts
    lower-case (the sentence continues), except in a run of very short
    lines ("features / contact manager / events, activities"). A single line
    break before a capital cuts unless the line looks hard-wrapped (about as
    long as the text's typical long line: ``width``, else
    :func:`~briefgen.text.wrapped.block_width` of ``text``; the first line is
    ``lead`` characters longer, a dateline cut from it).
    """
    breaks = list(_BREAK.finditer(text))
    if not breaks:
        return []
    width = width or block_width(text)
    cuts = []
    for i, m in enumerate(breaks):
        nxt = m.end()
        if nxt >= len(text):
            continue
        line_start = breaks[i - 1].end() if i else 0
        line = text[line_start : m.start()].strip()
        if not line:
            continue
        long = width and len(line) + (0 if i else lead) >= 0.7 * width
        if line[-1] in _OPEN_ONLY or line.rstrip(_CLOSERS)[-1:] in _TERMINAL:
            continue  # an opening quote cannot end a sentence; after "." Punkt decides
        next_end = breaks[i + 1].start() if i + 1 < len(breaks) else len(text)
        next_line = text[nxt:next_end].strip()
        first = text[nxt]
        if first in ",;:)]}.!?\u201d" or (first == "-" and text[nxt + 1 : nxt + 2].isalpha()):
            continue  # the next line cannot start a sentence: ", “A unified sound…"
        if first.islower():
            if _words_in(line) <= 3 and _words_in(next_line) <= 3 and next_line[-1:] not in ".!?,;:":
                cuts.append(m.start())
            continue
        paragraph_break = text.count("\n", m.start(), m.end()) >= 2
        continues = line[-1] in ",;:-\u2013\u2014/&+" or long
        if paragraph_break or not continues:
            cuts.append(m.start())
    return cuts


def _list_rules(text: str) -> tuple[list[int], set[int]]:
    """Cuts before list items and the marker ends after which no cut may fall.

    A list is a run of markers numbered in sequence ("1." "2.", "a) b)",
    "1.) 2.)"), the first at the start of the text, of a line, after a colon
    or after a bullet. Bullets ("•", "▲", "◇") inside a line also start a new
    item.
    """
    cuts: list[int] = []
    no_cut: set[int] = set()
    chains: list[list[tuple[int, int]]] = []
    waiting: dict[tuple[str, str], list[tuple[int, int]]] = {}  # (style, next value) -> chain
    for start, end, value, style in _list_markers(text):
        chain = waiting.pop((style, value), None)
        if chain is not None:
            chain.append((start, end))
        elif _list_start(text, start):
            chain = [(start, end)]
            chains.append(chain)
        else:
            continue
        waiting[(style, _successor(value))] = chain
    for chain in chains:
        if len(chain) < 2:
            continue
        for k, (start, end) in enumerate(chain):
            no_cut.add(end)
            if k:
                pos = start
                head = text[max(0, pos - 3) : pos].rstrip(" \t")
                if head and head[-1] in _BULLETS:  # "• 10." cuts before the bullet
                    pos = max(0, pos - 3) + len(head) - 1
                cuts.append(pos)
    if any(b in text for b in _BULLETS):
        bullets = (m.start() for m in _BULLET_RE.finditer(text))
        cuts.extend(b for b in bullets if b and text[b - 1].isspace())
    return cuts, no_cut


def _list_markers(text: str) -> list[tuple[int, int, str, str]]:
    """Every "1." "12)" "a." "b.)" token: (start, end, value, style).

    A marker stands alone (white space or a bullet before it) and is
    followed by white space.
    """
    out = []
    for m in _MARKER_END.finditer(text):
        end = m.end()
        style = text[m.start()]
        stop = m.start()
        if style == ")" and stop and text[stop - 1] == ".":
            style, stop = ".)", stop - 1
        if not stop:
            continue
        before = text[stop - 1]
        if "a" <= before <= "z":  # a single letter, or the end of a word (the usual case)
            if stop > 1 and not (text[stop - 2].isspace() or text[stop - 2] in "\u2022\u2043"):
                continue
        elif not "0" <= before <= "9":
            continue
        start = stop
        while start and stop - start < 3 and "0" <= text[start - 1] <= "9":
            start -= 1
        if start == stop and stop and "a" <= text[stop - 1] <= "z":
            start -= 1
        if start == stop or (start and not (text[start - 1].isspace() or text[start - 1] in "\u2022\u2043")):
            continue
        out.append((start, end, text[start:stop], style))
    return out


def _successor(value: str) -> str:
    """The list marker value after ``value`` ("9" -> "10", "a" -> "b")."""
    return str(int(value) + 1) if value.isdigit() else chr(ord(value) + 1)


def _list_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \t")
    return not before or before[-1] in "\n:" + _BULLETS


def _clock_cuts(text: str, rules: _Rules, cuts: list[int], case: CaseStyle) -> list[int]:
    """Cuts after "a.m."/"p.m." when a capitalised word starts a new sentence.

    No cut before a weekday, month or time zone ("7 p.m. Tuesday",
    "9 a.m. KST"), nor when what precedes is only a short prepositional phrase
    ("At 5 a.m. Mr. Smith went ...").
    """
    out = []
    for m in _CLOCK.finditer(text):
        start = m.start() - 1
        if start < 0 or text[start] not in "aApP" or (start and text[start - 1].isalnum()):
            continue
        end = m.end()
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        if end >= len(text) or not text[end].isspace():
            continue
        nxt = _next_start(text, end)
        if nxt >= len(text) or not _starts_sentence(text, nxt) or text[nxt].isdigit():
            continue
        word = (text[nxt : nxt + 20].lstrip(_OPENERS).split(None, 1) or [""])[0]
        if (word.rstrip(".,;:").lower() in rules.not_after_time or _goes_on(text, "p.m.", nxt, rules, case)
                or _TIME_MODIFIER.search(text, max(0, start - 40), start)):
            continue
        i = bisect_left(cuts, start)
        begin = max(cuts[i - 1] if i else 0, text.rfind("\n", max(0, start - 120), start) + 1)
        fragment = text[begin:start].split() if start - begin <= 120 else []
        if fragment and len(fragment) <= 5 and fragment[0].lstrip(_OPENERS).lower() in rules.prepositions:
            continue
        out.append(end)
    return out


# ---- Public API ----------------------------------------------------------


def _cuts(text: str, width: int | None = None, lead: int = 0, like: CaseStyle | None = None) -> list[int]:
    sp = _splitter()
    rules = sp.rules
    zones = _ellipsis_zones(text)
    zone_starts = [z[0] for z in zones]
    list_cuts, no_cut = _list_rules(text)
    case = CaseStyle(text, like)
    cuts: set[int] = set()
    n = len(text)
    for m in _CANDIDATE.finditer(text):
        end = m.end()
        if end >= n or end in no_cut:
            continue
        if zones and _in_zone(zones, zone_starts, end):
            continue
        nxt = _next_start(text, end)
        if nxt >= n:
            continue
        ends = sp.punkt_break(text, m.start(), nxt) or number_stop(text, m.start()) and case.lower_starts
        asked = _QUESTION_LOWER.match(text, m.start()) and case.few_capitals and not asked_inside(text, end)
        if ends and _keep_punkt_cut(text, end, nxt, rules, case) or asked:
            cuts.add(end)
    cuts.update(_ellipsis_cuts(text, zones))
    cuts.update(_glued_cuts(text, rules, case))
    cuts.update(_line_cuts(text, width, lead))
    cuts.update(list_cuts, tweet_ends(text), link_ends(text))
    ordered = sorted(cuts)
    cuts.update(_clock_cuts(text, rules, ordered, case))
    return _closing_quotes(text, sorted(c for c in cuts if 0 < c < n))


# A double quotation mark or a closing bracket standing apart after a cut: "... of our accounts. "
# Sonny Mehta said", "( see above. ) forbes ...", "[ how healthy is trump's economy? ] president
# trump ..." in text that spaces its punctuation out.
_APART_QUOTE = re.compile(r"\s*(?:\"|\u201d|\)|\])(?=\s|\Z)")


#: Sentences without marks a quotation or bracket is carried over: as far as the middles of a
#: quotation are read (briefgen.text.quotes.QUOTATION_REACH).
_CARRY_SENTENCES = QUOTATION_REACH


def _closing_quotes(text: str, cuts: list[int]) -> list[int]:
    """``cuts`` with each one moved past a quotation mark that closes the sentence before it.

    Text that spaces its punctuation out ("... of our accounts . " sonny
    mehta said") leaves the mark that closes a quotation apart from the
    full stop, where a cut puts it at the start of the next sentence. It closes
    if the sentence before leaves one open (odd straight marks, its first counted
    twice when it closes an earlier one: '... him, " said the lady. " for him'),
    or is typographic; a bracket ("( see above for our slideshow. ) forbes ...", "[ how healthy is
    trump's economy? ] president trump ...") when one is open.
    """
    out: list[int] = []
    start = 0
    # What the sentences before left open (a quotation, brackets), for how many sentences without
    # marks since: a stray mark (an inch's, '6"') must not open a quotation for the rest of the text.
    left = {'"': False, ")": False, "]": False}
    carried = 0
    for k, cut in enumerate(cuts):
        limit = cuts[k + 1] if k + 1 < len(cuts) else len(text)
        # Counted once per sentence and kept up to date as the cut moves: linear in the text.
        closers = {mark: text.count(mark, start, cut) for mark in ")]"}
        opened = {mark: text.count(opener, start, cut) - closers[mark] for opener, mark in ("()", "[]")}
        quotes = quote_count(text[start:cut], after_open=left['"'])
        # A sentence without marks inside a quotation or bracket the sentence before opened ('...
        # "and she sounded as resilient as ever... She was a patriot, ... a symbol of strength. "
        # schlafly once ...'): the mark after it closes it.
        unmarked = quotes == 0 and not any(closers.values())
        carried = carried + 1 if unmarked else 0
        if carried > _CARRY_SENTENCES:
            left = dict.fromkeys(left, False)
        if quotes == 0 and left['"']:
            quotes = 1
        for mark in opened:
            if left[mark] and opened[mark] == 0 and closers[mark] == 0:
                opened[mark] = 1
        while (m := _APART_QUOTE.match(text, cut)) and m.end() <= limit:
            mark = m[0][-1]
            if mark in opened and opened[mark] <= 0 or mark == '"' and quotes % 2 == 0:
                break
            if mark in opened:
                opened[mark] -= 1
            quotes += mark == '"'
            cut = m.end()
        left = {'"': quotes % 2 == 1, ")": opened[")"] > 0, "]": opened["]"] > 0}
        if _next_start(text, cut) < len(text):  # a mark that ends the text ends its last sentence
            out.append(cut)
            start = cut
    return out


def sentence_spans(text: str, width: int | None = None, lead: int = 0,
                   like: CaseStyle | None = None) -> list[tuple[int, int]]:
    """Character offsets of each sentence in ``text``.

    Args:
        text: Any text; line breaks are taken into account (headline lines).
        width: Its document's hard-wrapped width, if known, else worked out from ``text``.
        lead: How far into its first line ``text`` starts (a dateline cut off).
        like: Its document's case style, for a paragraph too short to show its own.

    Returns:
        ``(start, end)`` pairs in order, non-overlapping, each with no leading
        or trailing white space inside; together they cover every non-space
        character of ``text``.
    """
    if not text or text.isspace():
        return []
    spans = []
    start = 0
    for end in [*_cuts(text, width, lead, like), len(text)]:
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            s = start + (len(piece) - len(piece.lstrip()))
            spans.append((s, s + len(stripped)))
        start = end
    return spans


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences, each stripped of surrounding white space.

    The inner text of each sentence is unchanged: concatenated, the sentences
    equal the input up to white space.

    Example:
        >>> split_sentences("I live in the U.S. How about you?")
        ['I live in the U.S.', 'How about you?']
    """
    return [text[s:e] for s, e in sentence_spans(text)]


def segment(source: Source, blocks: Sequence[Line]) -> list[Sentence]:
    """Split a source's prose blocks into sentences with offsets into ``source.text``.

    Args:
        source: The article; ``blocks`` point into its ``text``.
        blocks: The prose blocks the cleaner kept, in order (a block may span lines).

    Returns:
        Sentences in order, ``index`` running over the whole source and
        ``paragraph`` the ordinal of the block. ``text`` is the source slice
        with runs of white space folded to one space; spans without a letter
        are skipped, and so are a wire dateline opening a block and the last
        words of a page cut short (:func:`~briefgen.text.datelines.cut_short`).
    """
    out: list[Sentence] = []
    width = wrap_width(source.text) or None  # a hard-wrapped page: one width for every paragraph
    like = CaseStyle(source.text)  # ... and one case style for paragraphs too short to show theirs
    for paragraph, block in enumerate(blocks):
        chunk = source.text[block.start : block.end]
        skip = lead_in_end(chunk, story_start=paragraph == 0)
        last = -1  # the span the paragraph's last sentence came from
        few = paragraph == 0 and CaseStyle(chunk, like).few_capitals  # a story's start, names in lower case
        for k, (s, e) in enumerate(sentence_spans(chunk[skip:], width, skip, like)):
            s, e = s + skip, e + skip
            if last == k - 1 >= 0 and caption_before(out[-1].text, chunk[s:e]):
                out.pop()  # the sentence right before a photo's credit is the photo's caption, not prose
            s += caption_end(chunk[s:e])  # so is a caption run into the sentence up to its credit
            s += (cut := run_in_end(chunk[s:e], second=few and k == 1))
            furniture = chunk[s - cut:s]
            s += headline_dateline_end(chunk[s:e]) if few and k == 0 else 0  # "... rages damascus — syria's"
            s += lead_after_headline(chunk[s:e], first=k == 0, after=furniture) if few else 0
            if few and k == 1 == len(out) and (cut := placed_dash_end(out[-1].text, chunk[s:e])):
                out.pop()  # "... foxborough, mass." then "- police are ...": the lead, not the headline
                s += cut
            piece = chunk[s:e]
            if not any(c.isalpha() for c in piece) or link_piece(piece):  # no prose; a link
                continue
            out.append(Sentence(text=_WS.sub(" ", piece), source_id=source.id, index=len(out),
                                start=block.start + s, end=block.start + e, paragraph=paragraph))
            last = k
    out = out[:-1] if out and cut_short(out[-1].text) else out  # the words a page was cut short in
    mids = middles([s.text for s in out])  # a quotation's middle sentences are the speaker's words
    return [replace(s, in_quotation=True) if mid else s for s, mid in zip(out, mids, strict=True)]
