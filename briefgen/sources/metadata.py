"""An article's outlet, title and date, inferred from its text and its name.

Used when neither a manifest nor the file itself gives them: credit and
copyright lines, wire datelines, headline-like lines, date lines, and the
file name or URL.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from briefgen.sources.lines import (
    best_headline,
    credit_outlet,
    find_date,
    is_headline_like,
    judge_line,
    photo_credit,
)
from briefgen.text.datelines import dateline_end
from briefgen.text.words import normalize

__all__ = ["infer_metadata"]


_SLUG_DATE = re.compile(r"((?:19|20)\d\d)[-_.]?(\d\d)[-_.]?(\d\d)")


def _name_parts(origin: str) -> tuple[str, str]:
    """``(outlet_guess, title_guess)`` from a file name or URL path."""
    parsed = urlsplit(origin)
    if parsed.scheme in ("http", "https"):
        host = parsed.hostname or ""
        stem = Path(parsed.path).stem
        outlet = re.sub(r"^(?:www|m|amp|news|english|en)\.", "", host)
    else:
        stem = Path(origin).stem
        outlet = ""
    m = _SLUG_DATE.search(stem)
    if m:
        before, after = stem[: m.start()], stem[m.end():]
    else:
        before, after = "", stem
    words_before = [w for w in re.split(r"[-_ ]+", before) if w]
    words_after = [w for w in re.split(r"[-_ ]+", after) if w and not w.isdigit()]
    if not outlet and words_before:
        outlet = " ".join(w.capitalize() if w.islower() else w for w in words_before)
    title = " ".join(words_after) or stem
    title = title[:1].upper() + title[1:]
    return outlet, title


def infer_metadata(text: str, origin: str) -> dict[str, str]:
    """Guess outlet, title and date from an article's text and its name.

    The outlet comes from a credit or copyright line ("Copyright (c) Yonhap News
    Agency ...", "[출처] ...(www.korea.kr)"), a wire dateline ("SEOUL (AP) --"),
    or a trailing site name ("AloJapan.com"), else from the file name, else
    from the commonest photo credit ("... / News1"); the title from a headline-like
    line at the top (preferring one printed twice); the date from a
    stand-alone date line or a dateline. Whatever is still missing comes from
    the file name (``outlet-2026-01-13-slug.txt``) or the URL.

    Returns:
        A dict with ``outlet``, ``title`` and, when found, ``date``.
    """
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    meta: dict[str, str] = {}
    # Outlet: credit lines anywhere (last ones first), then datelines.
    for i, line in enumerate(reversed(lines)):
        who = credit_outlet(line, last=(i == 0))
        if who:
            meta["outlet"] = _tidy_outlet(who)
            break
    if "outlet" not in meta:
        for line in lines[:8]:
            who = credit_outlet(line)
            if who:
                meta["outlet"] = _tidy_outlet(who)
                break
    # Title: a headline-like line near the top, preferring one printed twice.
    top = lines[:20]
    keys = [normalize(x) for x in lines[:40]]
    for line, key in zip(top, keys, strict=False):
        if is_headline_like(line) and len(key) >= 15 and judge_line(line) is None and \
                sum(key in k and len(k) - len(key) <= 25 for k in keys) >= 2:
            meta["title"] = line
            break
    if "title" not in meta:
        # The title-like line the article body echoes most (teasers for other
        # stories echo nothing), else a title-like first line.
        # Credits and page furniture can be no title; blanked, not removed, so
        # each line keeps its place (the line after a headline may be its dek).
        # A lead behind a wire dateline ("LONDON (AP) _ ...") stays: it is story.
        candidates = ["" if (credit_outlet(x) and not dateline_end(x)) or judge_line(x) is not None else x
                      for x in lines[:60]]
        pick = best_headline(candidates)
        if pick is not None:
            meta["title"] = candidates[pick]
        else:
            first = next((x for x in candidates[:3] if x and not (find_date(x) and len(x.split()) <= 8)), "")
            if is_headline_like(first) and len(first.split()) >= 3:
                meta["title"] = first
    # Date: a stand-alone date line near the top, else the file name's date,
    # else a date early in the headline or the lead ("WASHINGTON (AP) -- The
    # Senate passed ... on Jan. 13, 2026"). A date further into the story is
    # what it reports on ("between Sept. 11, 1973, and ..."), not when it ran.
    in_lead = None
    for i, line in enumerate(lines[:12]):
        found = find_date(line)
        if not found:
            continue
        if len(line.split()) <= 10:
            meta["date"] = found[0]
            break
        if in_lead is None and i < 2 and found[1] < 60:
            in_lead = found[0]
    name_outlet, name_title = _name_parts(origin)
    m = _SLUG_DATE.search(Path(urlsplit(origin).path).name)
    if "date" not in meta and m:
        with contextlib.suppress(ValueError):
            meta["date"] = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    if "date" not in meta and in_lead is not None:
        meta["date"] = in_lead
    if "outlet" not in meta:
        credits = [c for c in (photo_credit(line) for line in lines) if c]
        if name_outlet:
            meta["outlet"] = name_outlet
        elif credits:
            # Outlets credit their own photographers most: the commonest credit.
            meta["outlet"] = max(credits, key=lambda c: (credits.count(c), -credits.index(c)))
        elif origin not in ("-", "stdin"):
            stem = Path(urlsplit(origin).path).stem
            meta["outlet"] = stem.capitalize() if stem.islower() else stem
    meta.setdefault("outlet", "Unknown outlet")
    if "title" not in meta:
        # A file name of words ("nara-summit-relations") reads as a title; one
        # of codes ("APW19981017.0151") does not, and the lead says more.
        named = sum(any(c.isalpha() for c in w) and not any(c.isdigit() for c in w)
                    for w in re.split(r"[-_. ]+", name_title))
        meta["title"] = name_title if named >= 2 else (_lead_title(lines) or name_title)
    return meta


def _lead_title(lines: Sequence[str], limit: int = 12) -> str:
    """The story's first words as a title: its lead cut to ``limit`` words, dateline dropped."""
    from briefgen.text.sentences import split_sentences  # loads Punkt: only for untitled copy

    for line in lines[:5]:
        body = line[dateline_end(line):].strip()
        if credit_outlet(body) or (find_date(body) and len(body.split()) <= 10) or len(body.split()) < 4:
            continue
        body = next(iter(split_sentences(body)), body)
        cut = body.split()
        if len(cut) <= limit:
            return body.rstrip(".")  # a title, not the sentence itself: the cleaner keeps the sentence
        return " ".join(cut[:limit]).rstrip(",;:") + "…"
    return ""


def _tidy_outlet(who: str) -> str:
    """"대한민국 정책브리핑(www.korea.kr)" -> "대한민국 정책브리핑 (korea.kr)"."""
    who = re.sub(r"\s*\(\s*(?:https?://)?(?:www\.)?([^()\s]+?)/?\s*\)", r" (\1)", who).strip()
    return who.strip(" .,;:")
