"""An article's outlet, title and date, inferred from its text and its name, with how each was learnt.

Used when neither a manifest nor the file itself gives them. Each detail is
*found* when the article prints it where such a detail is printed (a credit
or copyright line, a wire dateline, the headline, a date line or byline under
the headline), *given* when whoever saved the file wrote it in the file's
name (a date: ``yonhap-2026-01-14-....txt``), and *guessed* from weaker
evidence (an outlet from a file name's words or from photo credits).

Nothing weaker is taken: a file name's words are never a headline, nor is a
lead cut short; a date mentioned in the story, or printed in the page's
furniture above other stories' teasers, is never the article's date.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from briefgen.model import FOUND, GIVEN, GUESSED, Provenance
from briefgen.sources.lines import (
    best_headline,
    credit_outlet,
    ends_sentence,
    find_date,
    holds_promo,
    is_headline_like,
    judge_line,
    nwords,
    photo_credit,
)
from briefgen.sources.outlets import OutletTable, outlet_name, outlet_table
from briefgen.sources.wire import opening_outlet
from briefgen.text.datelines import STAMP_MARK, dateline_end
from briefgen.text.words import normalize
from briefgen.text.wrapped import unwrapped_lines

__all__ = ["DETAILS", "UNKNOWN_OUTLET", "Detail", "infer_details", "infer_metadata", "source_details"]

#: The details a source carries besides its text.
DETAILS = ("outlet", "title", "date", "url", "author")
#: The outlet of a source that names none anywhere.
UNKNOWN_OUTLET = "Unknown outlet"

_SLUG_DATE = re.compile(r"((?:19|20)\d\d)[-_.]?(\d\d)[-_.]?(\d\d)")
# Words a line may hold beside a date and still be a date line or byline:
# "Published", "Updated", a time, a zone, separators ("By Kim Tong-hyung | Jan. 13, 2026").
_FURNITURE_WORDS = frozenset({
    "by", "published", "updated", "posted", "modified", "created", "last", "on", "at", "date", "time",
    "am", "pm", "a.m.", "p.m.", "and", "|", "\u00b7", "-", "\u2013", "\u2014",
    "kst", "jst", "utc", "gmt", "est", "edt", "pst", "pdt", "cet", "cest", "bst", "ist",
})


# A wire dateline that carries a full date: "SEOUL, Jan. 13, 2026 (Yonhap) -- ".
_DATED_DATELINE = re.compile(
    r"^[A-Z][A-Z.'\u2019 -]{1,40},\s*(?P<date>[^()]{6,60}?)\s*"
    r"(?:\([^()]{1,40}\))?\s*(?:--|[-\u2013\u2014_])\s"
)


# SGML codes of wire copy ("&QL;", "&UR;") and the wire's notes to editors ("Eds: UPDATES with ...").
_WIRE_CODE = re.compile(r"&[A-Z]{2};")
_EDITORS = re.compile(r"(?i)^\W*(?:eds?|editors?)\s*:")


@dataclass(frozen=True, slots=True)
class Detail:
    """One inferred detail: its value, how it was learnt and from what."""

    value: str
    how: str
    where: str


def _name_parts(origin: str) -> tuple[str, str]:
    """``(outlet words, host)`` of a file name or URL: the words before a date in the name, the web host."""
    parsed = urlsplit(origin)
    if parsed.scheme in ("http", "https"):
        host = re.sub(r"^(?:www|m|amp)\.", "", parsed.hostname or "")
        stem = Path(parsed.path).stem
    else:
        stem = Path(origin).stem
        host = ""
    m = _SLUG_DATE.search(stem)
    words = [w for w in re.split(r"[-_ ]+", stem[: m.start()]) if w] if m else []
    return " ".join(w.capitalize() if w.islower() else w for w in words), host


def _name_date(origin: str) -> str | None:
    """The date the file's name or URL path writes (``2026-01-13``, ``APW19981017``), if any."""
    m = _SLUG_DATE.search(Path(urlsplit(origin).path).name)
    if m is None:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def _is_outlet_name(text: str, outlet: str, table: OutletTable) -> bool:
    """Whether ``text`` only names an outlet ("Al Jazeera :", "Mercury News", the credited outlet)."""
    bare = text.strip(" \t:|-\u2013\u2014\u00b7.,")
    if not bare:
        return True
    return table.lookup(bare) is not None or normalize(bare) == normalize(outlet)


def _untitle(text: str, origin: str) -> bool:
    """Whether ``text`` merely restates the file name ("lee-takaichi-nara-summit.txt")."""
    stem = Path(urlsplit(origin).path).stem
    words = [w for w in re.split(r"[\W_]+", _SLUG_DATE.sub(" ", stem).lower()) if w and not w.isdigit()]
    return bool(words) and [w for w in re.split(r"[\W_]+", text.lower()) if w] == words


def _title_at(lines: Sequence[str]) -> int | None:
    """Index of the headline among ``lines``: a title-like line at the top, else none.

    Prefers a line printed twice near the top (the page's title and the
    article's heading); else the title-like line the body echoes most
    (teasers for other stories echo nothing); else a title-like first line.
    """
    top = lines[:20]
    keys = [normalize(x) for x in lines[:40]]
    for i, (line, key) in enumerate(zip(top, keys, strict=False)):
        if is_headline_like(line) and len(key) >= 15 and judge_line(line) is None and \
                sum(key in k and len(k) - len(key) <= 25 for k in keys) >= 2:
            return i
    # Credits and page furniture can be no title; blanked, not removed, so
    # each line keeps its place (the line after a headline may be its dek).
    # A lead behind a wire dateline ("LONDON (AP) _ ...") stays: it is story.
    candidates = ["" if (credit_outlet(x) and not dateline_end(x)) or judge_line(x) is not None
                  or holds_promo(x) else x for x in lines[:60]]
    pick = best_headline(candidates)
    if pick is not None:
        return pick
    for i, line in enumerate(candidates[:3]):
        if line and not (find_date(line) and nwords(line) <= 8):
            return i if is_headline_like(line) and nwords(line) >= 3 else None
    return None


def _clean_title(line: str, outlet: str, origin: str, table: OutletTable) -> str:
    """``line`` as a headline, a site name around it cut ("Summit ends | Al Jazeera"); "" if it is none."""
    # Wire markup codes ("NATIONAL FORECAST &QL;") are no part of it; a note to editors is no headline.
    title = " ".join(_WIRE_CODE.sub(" ", line).split())
    if _EDITORS.match(title):
        return ""
    for sep in (" | ", " - ", " \u2013 ", " \u2014 ", ": ", " : "):
        head, _, tail = title.rpartition(sep)
        if head and _is_outlet_name(tail, outlet, table):
            title = head.strip()
        lead, _, rest = title.partition(sep)
        if rest and _is_outlet_name(lead, outlet, table):
            title = rest.strip()
    if title.endswith(":") or nwords(title) < 3 or _is_outlet_name(title, outlet, table) \
            or _untitle(title, origin):
        return ""
    return title


def _dated_line(line: str) -> tuple[str, str] | None:
    """``(iso, where)`` when ``line`` is a date line or a byline with a date; never a story's sentence."""
    found = find_date(line)
    if found is None:
        return None
    judged = judge_line(line)
    if judged is not None and judged[0] == "date":
        return found[0], "date line"
    if ends_sentence(line) or nwords(line) > 14:
        return None
    rest = (line[: found[1]] + " " + line[found[2]:]).replace(",", " ")
    words = [w for w in rest.split()
             if w.lower() not in _FURNITURE_WORDS and not re.fullmatch(r"[\W\d:]+", w)]
    # What is left names a person or desk ("Kim Tong-hyung", "Staff Reporter"), in capitals.
    if (judged is not None and judged[0] == "byline") or (words and all(w[:1].isupper() for w in words)):
        return found[0], "byline"
    return None


def _head_date(lines: Sequence[str], headline: int | None) -> tuple[str, str] | None:
    """The date printed with the headline: a date line or byline just above or below it, or a dateline.

    Looks at most two lines above the headline (a date further up sits in
    the page's furniture, above other stories' teasers) and from the headline
    down to the first paragraph of the story, whose wire dateline may carry a
    date. Without a headline, from the top down to the first paragraph.
    """
    start = 0 if headline is None else max(0, headline - 2)
    below = 0 if headline is None else headline + 1
    order = [*range(start, headline or 0), *range(below, min(len(lines), below + 8))]
    for i in order:
        line = lines[i]
        is_story = nwords(line) >= 12 and ends_sentence(line) and judge_line(line) is None
        wire = _DATED_DATELINE.match(line)
        found = find_date(wire.group("date")) if wire else None
        if found:
            return found[0], "dateline"
        if is_story:
            break
        dated = _dated_line(line)
        if dated:
            return dated
    return None


# A page's own stamp of when it was published, run into its text where the page lost its line
# breaks ("( published friday, july 17, 2015 ) police in ...", "Published on dec 9, 2017 here is
# ..."), within the text's first characters: a label, not a story's verb, first in the text, in
# brackets after a sentence's end, or with a colon ("posted: nov 14, 2012"), the date right after
# it (a weekday at most between). "The law was published on March 3, 2001", "the report (published
# on March 3, 2001) said", "the video, posted: on YouTube on June 2, 2014," and a tweet's "Tweet
# published: ..." are no stamps. 8 of Multi-News validation's 870 sources, none in DUC 2003. So is
# an update stamp with its colon ("Updated: december 17, 2013, at 3: 05 a.m.", after a caption):
# the page's date when it has no other (1 more source). So is a blog's "posted at 4: 17 pm on august 24,
# 2012 by allahpundit" after its headline, its author named (1 more), not a story's "a video of the crash,
# posted at 9:15 p.m. on Jan. 3, 2016, shows ...".
_STAMP = re.compile(r"(?:^\W{0,3}|(?:^|[.!?]\s*)\(\s*)(?:published|posted)(?:\s+on)?\s+"
                    r"|(?<!tweet )\b(?P<colon>published|posted|updated)\s*:\s+"
                    r"|(?<!was )(?<!were )(?<!is )(?<!are )(?<!been )(?<!be )(?<!had )(?<!has )\bposted\s+at"
                    r"\s+\d{1,2}:\s?\d\d\s*[ap]\.?m\.?\s+on\s+(?=[^.!?]{6,30}?\s+by\s)", re.IGNORECASE)
_STAMP_REACH = 250
# Where a date that opens the text must lie: within its first characters, no word before it.
_OPENING_REACH = 40
_WORD_CHAR = re.compile(r"\w")
# What sets a date off as a page's stamp: a time after it, a separator bar or dash (one a page's
# decoding left as a control character too), or a run of spaces.
_STAMP_AFTER = re.compile(r",?\s+\d{1,2}:\s?\d\d|\s*" + STAMP_MARK + r"|\s{2,}")
_STAMP_GAP = 12


def _stamp_date(text: str) -> tuple[str, str] | None:
    """``(iso, how)`` when the start of ``text`` stamps the page's date: ``"publication stamp"``, or
    ``"update stamp"`` when only an update's stamp gives one, or ``"date stamp"`` for a date that opens
    the text set off as a stamp is, by a time, a separator bar or a run of spaces, or written as an
    ISO date ("21 july 2011  for many months ...", "july 30, 2018, 11: 29 am gmt / ...": 3 of Multi-News
    validation's 870 sources, none of DUC 2003's; no word before it). A date a story's first sentence
    is about is written as prose ("March 11, 2011 changed japan forever") and dates nothing."""
    opening = find_date(text[:_OPENING_REACH])
    if (opening is not None and not _WORD_CHAR.search(text, 0, opening[1])
            and (_STAMP_AFTER.match(text, opening[2]) or "-" in text[opening[1]:opening[2]])):
        return opening[0], "date stamp"
    updated = None
    for m in _STAMP.finditer(text, 0, _STAMP_REACH):
        found = find_date(text[m.end():m.end() + 40])
        if not found or found[1] > _STAMP_GAP:
            continue  # a label with a time only ("Updated: 5: 15 p.m."): a later one may date the page
        if (m.group("colon") or "").lower() != "updated":
            return found[0], "publication stamp"
        updated = updated or found[0]  # a publication stamp after it dates the page better
    return (updated, "update stamp") if updated else None


def infer_details(text: str, origin: str, table: OutletTable | None = None) -> dict[str, Detail]:
    """Outlet, title and date of an article, each with how it was learnt.

    The outlet comes from a credit or copyright line ("Copyright (c) Yonhap
    News Agency ...", "[출처] ...(www.korea.kr)"), a wire dateline ("SEOUL (AP)
    --") or a trailing site name ("AloJapan.com"): found; else it is guessed
    from the file name's words before its date, the web host, the commonest
    photo credit ("... / News1") or the file name. Every outlet is named as
    the table of known outlets names it (:mod:`briefgen.sources.outlets`).
    The title is a headline printed in the article (found), never the file
    name or the lead. The date is a date line or byline by the headline, a
    wire dateline's date or a publication stamp at the start of the text
    ("( published friday, july 17, 2015 )") (found), else a date in the file
    name (given).

    Returns:
        ``outlet`` always, ``title`` and ``date`` when known.
    """
    table = table if table is not None else outlet_table()
    # A hard-wrapped paragraph is one line: its first line, cut off at the width, is no headline.
    lines = unwrapped_lines(text)
    details: dict[str, Detail] = {}
    name_outlet, host = _name_parts(origin)
    # Outlet: credit lines anywhere (last ones first), then datelines at the top.
    for i, line in enumerate(reversed(lines)):
        who = credit_outlet(line, last=(i == 0))
        if who:
            details["outlet"] = Detail(who, FOUND, "credit line")
            break
    if "outlet" not in details:
        for i, line in enumerate(lines[:8]):
            who = credit_outlet(line) or (opening_outlet(line) if i == 0 else None)
            if who:
                details["outlet"] = Detail(who, FOUND, "dateline or credit")
                break
    if "outlet" not in details:
        credits = [c for c in (photo_credit(line) for line in lines) if c]
        if name_outlet:
            details["outlet"] = Detail(name_outlet, GUESSED, "file name")
        elif host:
            details["outlet"] = Detail(host, GUESSED, "web address")
        elif credits:
            # Outlets credit their own photographers most: the commonest credit.
            best = max(credits, key=lambda c: (credits.count(c), -credits.index(c)))
            details["outlet"] = Detail(best, GUESSED, "photo credits")
        elif origin not in ("-", "stdin") and not origin.startswith("<"):
            # A file named after its outlet ("yonhap.txt", "saudi-gazette.txt"), or whose first
            # word is a known outlet ("nyt-pinochet-arrest.txt"); story words name none.
            stem = Path(urlsplit(origin).path).stem
            words = [w for w in re.split(r"[-_ .]+", stem) if w]
            single = len(words) == 1 and not any(c.isdigit() for c in stem)
            if single or table.lookup(stem) is not None:
                named = stem.capitalize() if stem.islower() else stem
                details["outlet"] = Detail(named, GUESSED, "file name")
            elif words and table.lookup(words[0]) is not None:
                details["outlet"] = Detail(words[0], GUESSED, "file name")
    if "outlet" in details:
        d = details["outlet"]
        named = outlet_name(_tidy_outlet(d.value), latin=host or name_outlet, table=table)
        details["outlet"] = Detail(named, d.how, d.where)
    outlet = details["outlet"].value if "outlet" in details else ""
    at = _title_at(lines)
    if at is not None:
        title = _clean_title(lines[at], outlet, origin, table)
        if title:
            details["title"] = Detail(title, FOUND, "headline")
        else:
            at = None
    dated = _head_date(lines, at) or _stamp_date(text)
    if dated:
        details["date"] = Detail(dated[0], FOUND, dated[1])
    elif (named_date := _name_date(origin)) is not None:
        details["date"] = Detail(named_date, GIVEN, "file name")
    return details


def infer_metadata(text: str, origin: str) -> dict[str, str]:
    """Outlet, title and date inferred from an article's text and its name (see :func:`infer_details`).

    Returns:
        A dict with ``outlet`` ("Unknown outlet" if none), ``title`` ("" if the
        article prints none) and, when known, ``date``.
    """
    meta = {k: d.value for k, d in infer_details(text, origin).items()}
    meta.setdefault("outlet", UNKNOWN_OUTLET)
    meta.setdefault("title", "")
    return meta


def source_details(
    inferred: Mapping[str, Detail],
    document: Mapping[str, str],
    document_basis: Mapping[str, tuple[str, str]],
    overrides: Mapping[str, str],
    url: str | None = None,
) -> dict[str, Any]:
    """A :class:`~briefgen.model.Source`'s details and provenance, from every place they may come from.

    Precedence: ``overrides`` (a manifest: given), then ``document`` (what
    the file itself states: front matter, page or document metadata; its
    ``document_basis`` says how, given by default), then ``inferred``.

    Args:
        inferred: From :func:`infer_details`.
        document: Metadata the file gives.
        document_basis: ``detail -> (how, where)`` for ``document``'s entries
            that are not simply given ("found", "first heading").
        overrides: Metadata that wins over everything (a manifest's row).
        url: The address a page was fetched from, if any.

    Returns:
        Keyword arguments ``outlet``, ``title``, ``date``, ``url``, ``author``
        and ``provenance`` for ``Source``.
    """
    values: dict[str, str] = {}
    hows: dict[str, str] = {}
    basis: list[tuple[str, str]] = []
    for key in DETAILS:
        if overrides.get(key):
            values[key], hows[key], where = overrides[key], GIVEN, "manifest"
        elif document.get(key):
            how, where = document_basis.get(key, (GIVEN, "file metadata"))
            values[key], hows[key] = document[key], how
        elif key in inferred:
            d = inferred[key]
            values[key], hows[key], where = d.value, d.how, d.where
        elif key == "url" and url:
            values[key], hows[key], where = url, GIVEN, "fetched from"
        else:
            hows[key] = GUESSED if key == "outlet" else ""  # "" : not known
            continue
        basis.append((key, where))
    if hows.get("outlet") == GIVEN and values["outlet"] and not any(c.isascii() and c.isalpha()
                                                                    for c in values["outlet"]):
        # An outlet given only in another script gets its Latin name beside it, when known.
        values["outlet"] = outlet_name(values["outlet"])
    provenance = Provenance(**{k: hows.get(k, GIVEN) for k in DETAILS}, basis=tuple(basis))
    return {
        "outlet": values.get("outlet") or UNKNOWN_OUTLET,
        "title": values.get("title", ""),
        "date": values.get("date"),
        "url": values.get("url"),
        "author": values.get("author"),
        "provenance": provenance,
    }


def _tidy_outlet(who: str) -> str:
    """"대한민국 정책브리핑(www.korea.kr)" -> "대한민국 정책브리핑 (korea.kr)"."""
    who = re.sub(r"\s*\(\s*(?:https?://)?(?:www\.)?([^()\s]+?)/?\s*\)", r" (\1)", who).strip()
    return who.strip(" .,;:")
