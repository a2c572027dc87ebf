"""Cleaning: keep article prose, keep every other line out of the sentence stream.

Cleaning is line-based. Each source's text is cut into physical lines; a
paragraph broken mid-sentence across lines is joined back into one unit. Every
unit is then judged, first on its own (:mod:`briefgen.sources.lines`:
captions and photo credits, copyright and translation notices, bylines,
navigation, stand-alone dates), then in the context of its article (the
headline and its repeats, subheads, lines repeated verbatim) and finally
against the whole coverage: a line whose content words the other sources and
the rest of its own article do not share is a teaser for an unrelated story
and is dropped as off-topic. What survives is prose.

Every dropped line is kept, with its kind and a human reason, so
``briefgen inspect`` can show what was left out and why.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from briefgen.model import Line, Source
from briefgen.parallel import pmap
from briefgen.sources.lines import (
    CONTINUES,
    MARKER_SUBHEAD,
    WIDGET_MARKS,
    WIDGET_WORDS,
    best_headline,
    ends_sentence,
    is_archive_note,
    is_headline_like,
    is_promo,
    judge_line,
    may_hold_promo,
    nwords,
    widget_marks,
)
from briefgen.text.words import content_set, normalize
from briefgen.text.wrapped import line_spans

__all__ = ["CleanResult", "clean", "clean_source"]

# --------------------------------------------------------------------------
# Units: physical lines, broken paragraphs joined
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    text: str
    kind: str | None = None
    reason: str = ""
    terms: frozenset[str] = frozenset()
    shared: bool = False  # printed word for word in another source, outside the article body
    key: str = ""  # normalize(text), set with words once the unit is final
    words: int = 0

    def __reduce__(self) -> tuple[type[_Unit], tuple[Any, ...]]:
        # Units come back from worker processes by the hundred thousand: a
        # constructor call unpickles far faster than the dataclass's setstate.
        return (_Unit, (self.start, self.end, self.text, self.kind, self.reason, self.terms, self.shared,
                        self.key, self.words))


# A paragraph broken mid-sentence spans a few lines, not a whole list of them.
_MAX_JOIN = 3
# How many lines from the top a headline (and its repeat) may sit.
_HEAD_ZONE = 30
_OPEN_ANGLE_TAIL = re.compile(r"\s*<[^<>]{0,20}$")
_CLOSE_ANGLE_LINE = re.compile(r"^[^<>]{1,80}>$")


# A photo credit or caption note in brackets glued to a paragraph of prose,
# as pages scraped without their markup give it: "( photo credit: getty
# images ) jesse jackson has decided ...", "... on Tuesday. (AP Photo/Eugene
# Hoshiko)". The note goes; the paragraph stays.
_CREDIT_NOTE = (
    r"[(\[]\s*(?:(?:ap|afp|reuters|epa|file|pool|handout|staff|getty)\s+)?"
    r"(?:photo(?:graph)?|image|picture|video|graphic|illustration)s?"
    r"(?:\s*(?:credit|courtesy|by|:|/|=)[^()\[\]]{0,80})?\s*[)\]]"
)
_LEAD_NOTE = re.compile(r"^" + _CREDIT_NOTE + r"\s*", re.IGNORECASE)
_TAIL_NOTE = re.compile(r"\s*" + _CREDIT_NOTE + r"$", re.IGNORECASE)
# The prose left after a trailing note must be a paragraph, not a caption:
# at least this many words (captions run one or two short sentences).
_NOTE_PARAGRAPH_WORDS = 30


def _credit_notes(text: str, s: int, e: int) -> tuple[int, int]:
    """The span of a prose line inside ``text[s:e]`` without a bracketed credit glued to either end.

    Returns ``(s, e)`` unchanged when there is no such note, or when taking it
    off would leave a caption (a short line) rather than a paragraph.
    """
    line = text[s:e]
    if "(" not in line and "[" not in line:
        return s, e
    lead = _LEAD_NOTE.match(line)
    if lead and nwords(line[lead.end():]) >= 5:
        s += lead.end()
        line = text[s:e]
    tail = _TAIL_NOTE.search(line)
    if tail and nwords(line[:tail.start()]) >= _NOTE_PARAGRAPH_WORDS:
        e = s + tail.start()
    return s, e


def _units(text: str) -> tuple[list[_Unit], list[_Unit]]:
    """Cut ``text`` into units; returns ``(units, split_bylines)``."""
    spans = line_spans(text)  # a hard-wrapped paragraph is one line
    extra: list[_Unit] = []
    # A byline in angle brackets split over two lines ("... ago. <K" / "-Gonggam Name>").
    fixed: list[tuple[int, int]] = []
    skip = False
    for i, (s, e) in enumerate(spans):
        if skip:
            skip = False
            continue
        line = text[s:e]
        m = _OPEN_ANGLE_TAIL.search(line) if "<" in line else None
        if m and i + 1 < len(spans) and _CLOSE_ANGLE_LINE.match(text[spans[i + 1][0]:spans[i + 1][1]]):
            cut = s + m.start()
            lt = s + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            nxt_end = spans[i + 1][1]
            extra.append(_Unit(lt, nxt_end, text[lt:nxt_end], "byline", "byline (split over two lines)"))
            if cut > s:
                fixed.append((s, cut))
            skip = True
            continue
        fixed.append((s, e))
    units: list[_Unit] = []
    joined = 0  # lines joined onto the last unit
    for s0, e0 in fixed:
        s, e = _credit_notes(text, s0, e0)
        if s > s0:
            note = text[s0:s].rstrip()
            extra.append(_Unit(s0, s0 + len(note), note, "credit", "photo credit before a paragraph"))
        if e < e0:
            cut = e0 - len(text[e:e0].lstrip())
            extra.append(_Unit(cut, e0, text[cut:e0], "credit", "photo credit after a paragraph"))
        line = text[s:e]
        verdict = judge_line(line)
        # A line a credit note opened starts a paragraph: it is never joined to the one before.
        if units and units[-1].kind is None and verdict is None and joined < _MAX_JOIN and s == s0:
            prev = units[-1]
            if not ends_sentence(prev.text) and not prev.text.endswith(":") and CONTINUES.match(line):
                prev.end = e
                prev.text = text[prev.start:e]
                joined += 1
                continue
        joined = 0
        unit = _Unit(s, e, line)
        if verdict:
            unit.kind, unit.reason = verdict
        units.append(unit)
    return units, extra


# --------------------------------------------------------------------------
# Context rules
# --------------------------------------------------------------------------

_SENT_BREAK = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*\s+[\"'\u201c\u2018(]?[A-Z0-9]")


def _headlines(src: Source, units: list[_Unit]) -> None:
    """Mark the headline, its repeats, and lines repeated verbatim."""
    title_key = normalize(src.title) if src.title else ""
    keys = [u.key for u in units]
    seen: dict[str, int] = {}
    for i, (u, key) in enumerate(zip(units, keys, strict=True)):
        if u.kind is not None:
            seen.setdefault(key, i)
            continue
        # A line that holds the title and more is the headline with a tag on
        # it ("Headline | Site"), unless it ends in a full stop: then the title
        # was taken from the story's lead (copy without a headline): story.
        if title_key and len(title_key) >= 12 and (
            key == title_key or (title_key in key and len(key) - len(title_key) <= 25
                                 and not u.text.rstrip().endswith("."))
        ):
            u.kind, u.reason = "headline", "the headline"
        elif key in seen:
            u.kind, u.reason = "duplicate", "repeats an earlier line"
        seen.setdefault(key, i)
    # A headline-like line printed again, possibly with a tag glued on
    # ("NorthKorea" + headline, headline + " Policy"), is the headline.
    # Headlines sit at the top: only the first lines are compared.
    for i, u in enumerate(units[:_HEAD_ZONE]):
        if u.kind is not None or not is_headline_like(u.text) or u.words < 3:
            continue
        key = keys[i]
        for j, other in enumerate(units[:2 * _HEAD_ZONE]):
            if j != i and key in keys[j] and len(keys[j]) - len(key) <= 25 and len(key) >= 20:
                u.kind, u.reason = "headline", "headline (printed more than once)"
                if other.kind is None or other.kind == "duplicate":
                    other.kind, other.reason = "headline", "repeats the headline"
                break
    if not any(u.kind == "headline" for u in units):
        open_units = [u for u in units if u.kind is None]
        pick = best_headline([u.text for u in open_units], terms=[u.terms for u in open_units])
        if pick is not None:
            open_units[pick].kind = "headline"
            open_units[pick].reason = "headline (title-like line the article body echoes)"


def _site_furniture(per_source: list[list[_Unit]]) -> None:
    """Mark, and drop when unrelated, lines one site prints on every page.

    Pages saved from one site repeat its teaser boxes and footers word for
    word. A line printed in two sources is such furniture when, in both, it
    lies above or below the prose the two do not share, set apart from it by
    other page furniture (a headline, a date, a copyright line). Copies and updates
    of one wire story share their lead and background paragraphs too, but in
    at least one of them those lines are the article itself. Furniture lines
    are flagged so they support no other line in the off-topic score, and
    dropped outright when the coverage's own prose uses less than
    ``_SITE_SUPPORT`` of their content words.
    """
    # Each line of three words or more, by its comparison key: the sources
    # printing it and where (a source's first copy).
    where: dict[str, dict[int, int]] = {}
    keys_of: list[dict[str, int]] = []  # per source: key -> its line
    for si, units in enumerate(per_source):
        keys: dict[str, int] = {}
        for i, u in enumerate(units):
            if u.kind is None and u.words >= 3:
                key = u.key
                if key not in keys:
                    keys[key] = i
                    where.setdefault(key, {})[si] = i
        keys_of.append(keys)

    # Per source: its long prose lines (with their key when the line is its
    # key's first copy, so shared lines are found by key), and how many
    # furniture lines precede each position (so "any furniture between" is
    # one subtraction).
    long_prose: list[list[tuple[int, str | None]]] = []
    furniture_before: list[list[int]] = []
    for units, keys in zip(per_source, keys_of, strict=True):
        prose = []
        for j, u in enumerate(units):
            if u.kind is None and u.words >= 8:
                key = u.key
                prose.append((j, key if keys.get(key) == j else None))
        long_prose.append(prose)
        counts = [0]
        for u in units:
            counts.append(counts[-1] + (u.kind is not None))
        furniture_before.append(counts)

    def can_be_outside(a: int, i: int) -> bool:
        """Whether furniture parts line ``i`` of ``a`` from any of a's long
        prose: if not, no other source sets it apart (a cheap test that
        rules out most lines before any pair of sources is compared)."""
        prose = long_prose[a]
        if not prose:
            return False
        counts = furniture_before[a]
        first, last = prose[0][0], prose[-1][0]
        return counts[last] - counts[i + 1] > 0 or counts[i] - counts[first + 1] > 0

    # The span of a's prose not shared with b, per pair: lines repeat across
    # many copies, and each pair is asked about every line they share.
    spans: dict[tuple[int, int], tuple[int, int] | None] = {}

    def own_span(a: int, b: int) -> tuple[int, int] | None:
        """First and last long prose line of ``a`` that ``b`` does not print."""
        other = keys_of[b]
        own = [j for j, key in long_prose[a] if key is None or key not in other]
        return (own[0], own[-1]) if own else None

    def outside(a: int, i: int, b: int) -> bool:
        """Line ``i`` of source ``a`` is cut off from a's prose not shared with ``b``.

        It lies above or below that prose with a furniture line (headline,
        date, credit, navigation ...) in between.
        """
        if (a, b) not in spans:
            spans[(a, b)] = own_span(a, b)
        span = spans[(a, b)]
        if span is None or span[0] <= i <= span[1]:
            return False
        counts = furniture_before[a]
        lo, hi = (i + 1, span[0]) if i < span[0] else (span[1] + 1, i)
        return hi > lo and counts[hi] - counts[lo] > 0

    flagged: set[tuple[int, int]] = set()
    for places in where.values():
        if len(places) < 2:
            continue
        # A line is flagged with a partner only when both copies can be set apart.
        apart = [(a, i) for a, i in places.items() if can_be_outside(a, i)]
        for a, i in apart:
            if any(outside(a, i, b) and outside(b, j, a) for b, j in apart if b != a):
                flagged.add((a, i))
    body: set[str] = set()
    for si, units in enumerate(per_source):
        for i, u in enumerate(units):
            if u.kind is None and (si, i) not in flagged:
                body.update(u.terms)
    for si, i in sorted(flagged):
        unit = per_source[si][i]
        unit.shared = True
        support = len(unit.terms & body) / len(unit.terms) if unit.terms else 1.0
        if support < _SITE_SUPPORT:
            unit.kind = "offtopic"
            unit.reason = (f"printed word for word in another source, outside the article body, "
                           f"and unrelated to the coverage (support {support:.2f})")


def _sentences(text: str) -> int:
    return 1 + len(_SENT_BREAK.findall(text))


def _supports(unit: _Unit) -> bool:
    """Whether a unit's words count as support for other lines (lines one site
    prints on every page support nothing)."""
    return unit.kind in (None, "headline") and not unit.shared


def _offtopic(per_source: list[list[_Unit]], window: int = 2) -> None:
    """Drop lines whose content words the coverage does not share.

    A line's score is the mean, over its distinct content terms, of the
    term's support: 1 if its own article uses the term more than ``window``
    lines away, else the share of the other sources that use it. Teasers for
    unrelated stories score near 0, article prose well above. Only lines where
    pages put "more stories" boxes are judged: above the headline, below a
    list header ("More stories", "Most popular"), and blocks of low-scoring
    lines at the top or bottom of the article. A single low-scoring line
    inside an article is prose on a side topic and stays.
    """
    n_src = len(per_source)
    src_terms: list[set[str]] = []
    for units in per_source:
        src_terms.append(set().union(*(u.terms for u in units if _supports(u))))
    df: Counter[str] = Counter()
    for terms in src_terms:
        df.update(terms)
    for si, units in enumerate(per_source):
        own_terms = src_terms[si]
        # First and last supporting line using each term: the article uses a
        # term away from line i exactly when one of them is outside the window.
        supporting = [(j, v.terms) for j, v in enumerate(units) if _supports(v)]
        first: dict[str, int] = {}
        last: dict[str, int] = {}
        for j, line_terms in supporting:
            last.update(dict.fromkeys(line_terms, j))
        for j, line_terms in reversed(supporting):
            first.update(dict.fromkeys(line_terms, j))
        cand = [i for i, u in enumerate(units) if u.kind is None and len(u.terms) >= 4]
        scores: dict[int, float] = {}
        first_use = first.get
        for i in cand:
            lo, hi = i - window, i + window
            support: list[float] = []
            line_terms = units[i].terms
            for t in line_terms:
                used = first_use(t)
                if used is not None and (used < lo or last[t] > hi):
                    support.append(1.0)
                elif n_src > 1:
                    support.append((df[t] - (t in own_terms)) / (n_src - 1))
            # fsum: a set's order changes with the hash seed, and a plain sum's last bits with it,
            # which could tip a score at a threshold and the memo with it.
            scores[i] = math.fsum(support) / len(line_terms)
        off: dict[int, str] = {}
        head = next((i for i, u in enumerate(units) if u.kind == "headline"), -1)
        for i in cand:
            if i < head and (scores[i] < _OFF_TOP or units[i].shared):
                off[i] = "above the headline"
        for run in _low_runs(cand, scores):
            # A block is set apart from an article, never the article itself.
            if len(run) * 2 > len(cand):
                continue
            at_edge = run[0] == cand[0] or run[-1] == cand[-1]
            mean = sum(scores[i] for i in run) / len(run)
            if at_edge and len(run) >= 2 and mean < _OFF_MEAN and min(scores[i] for i in run) < _OFF_MIN:
                for i in run:
                    off.setdefault(i, "in a block at the article's edge")
        listing = False
        for i, u in enumerate(units):
            if u.kind == "navigation" and u.key.rstrip(" :") in _LIST_HEADERS:
                listing = True
            elif listing and i in scores:
                if scores[i] >= _OFF_LIST and not is_headline_like(u.text) and not u.shared:
                    listing = False
                else:
                    off.setdefault(i, "in a list of other stories")
        for i, where in off.items():
            units[i].kind = "offtopic"
            units[i].reason = f"off-topic {where}: shares little with the coverage (score {scores[i]:.2f})"


def _low_runs(cand: list[int], scores: dict[int, float]) -> list[list[int]]:
    """Maximal runs of consecutive candidate lines scoring under ``_OFF_RUN``."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i in cand:
        if scores[i] < _OFF_RUN:
            current.append(i)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


# Off-topic thresholds on the support score (see ``_offtopic``): lines above
# the headline must reach _OFF_TOP; a block of two or more lines at the top or
# bottom of an article, each under _OFF_RUN, goes when its mean is under
# _OFF_MEAN and one of its lines is under _OFF_MIN. Calibrated on the seeds
# and on DUC 2003 newswire (bench/clean.py).
_SITE_SUPPORT = 0.5
_OFF_TOP = 0.45
_OFF_RUN = 0.30
_OFF_MEAN = 0.25
_OFF_MIN = 0.15
# Lines under a list header ("More stories") go while they score under this.
_OFF_LIST = 0.45
_LIST_HEADERS = frozenset(
    """
    related|related articles|related stories|related news|related content|more stories|more news
    most popular|most popular articles|most read|most viewed|most shared|popular now|trending|trending now
    top stories|latest news|latest stories|recommended|recommended for you|recommended stories
    editor's picks|editors' picks|you may also like|you might also like|read more|read next|up next
    see also|more from|check out our content|more on this story|other stories|more headlines
    """.replace("\n", "|").split("|")
)
_LIST_HEADERS = frozenset(x.strip() for x in _LIST_HEADERS) - {""}


def _subheads(units: list[_Unit]) -> None:
    """The headline if none was found yet, title-like lines inside the article,
    and one-line summaries above a paragraph."""
    if not any(u.kind == "headline" for u in units):
        first = next((u for u in units if u.kind is None), None)
        if first is not None and is_headline_like(first.text):
            first.kind, first.reason = "headline", "headline (first line, title-like)"
    open_lens = [u.words for u in units if u.kind is None]
    median = statistics.median(open_lens) if open_lens else 0
    for u in units:
        if u.kind is not None:
            continue
        if u.words < 2 and not ends_sentence(u.text):
            u.kind, u.reason = "boilerplate", "stray word, not a sentence"
        elif MARKER_SUBHEAD.match(u.text):
            u.kind, u.reason = "subhead", "subhead (marked)"
        elif is_headline_like(u.text):
            u.kind, u.reason = "subhead", "subhead (title-like line)"
        elif re.match(r"^\*\*[^*]+\*\*$", u.text.strip()):
            u.kind, u.reason = "subhead", "subhead (bold line)"
    # One-sentence summary lines set above long paragraphs (magazine-style
    # subheads): short, alone, and restated by the paragraphs that follow.
    if median < 45:
        return
    open_idx = [i for i, u in enumerate(units) if u.kind is None]
    for k, i in enumerate(open_idx):
        u = units[i]
        if _sentences(u.text) > 1:
            continue
        n = u.words
        nxt = [units[j] for j in open_idx[k + 1:k + 3]]
        if n > 32 or not nxt or nxt[0].words < 2 * n:
            continue
        terms = u.terms
        after = set().union(*(v.terms for v in nxt))
        if terms and len(terms & after) / len(terms) >= 0.55:
            u.kind, u.reason = "subhead", "subhead (one-line summary of the paragraph below)"


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CleanResult:
    """What cleaning kept and what it left out.

    Attributes:
        blocks: For each source id, the prose blocks kept, in text order
            (``Line`` kind ``"prose"``, offsets into ``Source.text``).
        dropped: Every unit kept out, in source and text order, with its
            kind and reason.
        lines: For each source id, every unit judged (prose and dropped) in
            text order: the article's structure as cleaning saw it.
    """

    blocks: dict[str, tuple[Line, ...]] = field(default_factory=dict)
    dropped: tuple[Line, ...] = ()
    lines: dict[str, tuple[Line, ...]] = field(default_factory=dict)

    def prose(self, source_id: str) -> str:
        """The kept prose of one source, blocks separated by blank lines."""
        return "\n\n".join(b.text for b in self.blocks.get(source_id, ()))

    def headings(self, source_id: str) -> tuple[Line, ...]:
        """The headline and subheads of one source, kept as structure."""
        return tuple(ln for ln in self.lines.get(source_id, ()) if ln.kind in ("headline", "subhead"))


def _run_in_prompts(text: str, units: list[_Unit]) -> list[_Unit]:
    """``units`` with newsletter and app prompts run into a paragraph cut out as navigation.

    A page scraped without its line breaks prints "Breaking news emails get
    breaking news alerts and special reports." in the middle of the story;
    the line rules never see it as a line of its own (see
    :func:`~briefgen.sources.lines.is_promo`).
    """
    out: list[_Unit] = []
    for u in units:
        if u.kind is not None or not may_hold_promo(u.text):
            out.append(u)
            continue
        # The splitter the pipeline uses ("Harry W. Colmery" is one name), loaded only here.
        from briefgen.text.sentences import sentence_spans

        starts = [u.start + a for a, _ in sentence_spans(u.text)]
        cuts = [u.start, *starts[1:], u.end]
        spans = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]
        if len(spans) < 2:
            out.append(u)
            continue
        prose_from: int | None = None
        for a, b in spans:
            piece = text[a:b].rstrip()
            if is_promo(piece):
                if prose_from is not None:
                    out.append(_Unit(prose_from, a, text[prose_from:a].rstrip()))
                    out[-1].end = prose_from + len(out[-1].text)
                    prose_from = None
                out.append(_Unit(a, a + len(piece), piece, "navigation", "newsletter or app prompt"))
            elif prose_from is None:
                prose_from = a
        if prose_from is not None:
            out.append(_Unit(prose_from, u.end, text[prose_from:u.end]))
    return out


#: A source whose words are at least this share a web archive's notes is the archive's page, not an
#: article. In Multi-News validation's 27 such pages the notes' own sentences are 48% to all of the
#: words (the rest more notes in other words: "It has been several years since the last time we did
#: this."); a story that quotes one note in passing stays whole.
ARCHIVE_SHARE = 0.25


def _judge_source(src: Source) -> tuple[list[_Unit], list[_Unit]]:
    units, extra = _units(src.text)
    units = _run_in_prompts(src.text, units)
    for u in units:
        u.words = nwords(u.text)
    total = sum(u.words for u in units)
    notes = sum(u.words for u in units if u.kind in (None, "navigation") and is_archive_note(u.text))
    marks = sum(widget_marks(u.text) for u in units if u.kind is None)
    # The page a scraper kept holds the archive's notes or a site's box, not the article.
    reason = None
    if notes and notes >= ARCHIVE_SHARE * total:
        reason = "a web archive's note in place of the article"
    elif marks >= WIDGET_MARKS and total <= WIDGET_WORDS * marks:
        reason = "a weather or traffic box in place of the article"
    if reason is not None:
        for u in units:
            if u.kind is None:
                u.kind, u.reason = "navigation", reason
    for u in units:
        u.key = normalize(u.text)
        if u.kind is None:
            u.terms = content_set(u.text)
    _headlines(src, units)
    return units, extra


def clean(sources: Sequence[Source]) -> CleanResult:
    """Split every source into prose blocks and dropped lines.

    The off-topic rule compares each line with the whole batch, so clean all
    sources about one event together.

    Args:
        sources: The sources of one briefing.

    Returns:
        A :class:`CleanResult` with the prose blocks per source and every
        dropped line with its reason.
    """
    judged = pmap(_judge_source, sources)  # per source, so large batches use every core
    _site_furniture([units for units, _ in judged])
    _offtopic([units for units, _ in judged])
    for units, _ in judged:
        _subheads(units)
    blocks: dict[str, tuple[Line, ...]] = {}
    lines: dict[str, tuple[Line, ...]] = {}
    dropped: list[Line] = []
    for src, (units, extra) in zip(sources, judged, strict=True):
        text = src.text
        # Units are in text order already; split bylines fall between them.
        ordered = sorted([*units, *extra], key=lambda v: v.start) if extra else units
        all_lines = [Line(src.id, u.start, u.end, text[u.start:u.end], u.kind or "prose", u.reason)
                     for u in ordered]
        lines[src.id] = tuple(all_lines)
        blocks[src.id] = tuple(ln for ln in all_lines if ln.kind == "prose")
        dropped.extend(ln for ln in all_lines if ln.kind != "prose")
    return CleanResult(blocks=blocks, dropped=tuple(dropped), lines=lines)


def clean_source(source: Source) -> CleanResult:
    """Clean one source on its own (the off-topic rule then sees only its article)."""
    return clean([source])
