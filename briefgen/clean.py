"""Cleaning: keep article prose, keep every other line out of the sentence stream.

Cleaning is line-based. Each source's text is cut into physical lines; a
paragraph broken mid-sentence across lines is joined back into one unit. Every
unit is then judged, first on its own (captions and photo credits, copyright
and translation notices, bylines, navigation, stand-alone dates), then in the
context of its article (the headline and its repeats, subheads, lines repeated
verbatim) and finally against the whole coverage: a line whose content words
the other sources and the rest of its own article do not share is a teaser for
an unrelated story and is dropped as off-topic. What survives is prose.

Every dropped line is kept, with its kind and a human reason, so
``briefgen inspect`` can show what was left out and why. The small line
detectors here (:func:`credit_outlet`, :func:`photo_credit`, :func:`find_date`,
:func:`is_headline_like`, :func:`best_headline`) are also used by
:mod:`briefgen.ingest` to infer metadata.
"""

from __future__ import annotations

import datetime as _dt
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from briefgen.model import Line, Source
from briefgen.parallel import pmap
from briefgen.text import content_terms, normalize

__all__ = [
    "CleanResult",
    "best_headline",
    "clean",
    "clean_source",
    "credit_outlet",
    "dateline_end",
    "ends_sentence",
    "find_date",
    "is_headline_like",
    "judge_line",
    "photo_credit",
]

# --------------------------------------------------------------------------
# Small line detectors
# --------------------------------------------------------------------------

_CONTINUES = re.compile(r"^[a-z\u00e0-\u00ff,;:)\]\u2013\u2014-]")


# A sentence ends in a stop, then any closing quotes or brackets; or in a closing double quote.
_CLOSERS = "\"'\u201d\u2019\u00bb)]"
_STOPS = (".", "!", "?", "\u2026", "\u3002", "\uff01", "\uff1f")


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends the way a sentence ends (full stop, ?, !, closing quote)."""
    t = text.rstrip()
    return t.endswith(("\"", "\u201d", "\u00bb")) or t.rstrip(_CLOSERS).endswith(_STOPS)


def _nwords(text: str) -> int:
    return len(text.split())


# Case-insensitive patterns also match these non-ASCII letters to i, s and k;
# mapping them first keeps a lower-cased keyword test a true necessary condition.
_CASE_TWINS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _lower(text: str) -> str:
    """``text`` lower-cased for keyword tests that stand in for a case-insensitive pattern."""
    return text.lower() if text.isascii() else text.translate(_CASE_TWINS).lower()


def _has_any(low: str, keys: Sequence[str]) -> bool:
    # A plain loop: it runs on every line, and any() over a generator is a third slower.
    for k in keys:  # noqa: SIM110
        if k in low:
            return True
    return False


def is_headline_like(text: str) -> bool:
    """A short line that reads as a title: no closing full stop, 2 to 30 words."""
    t = text.strip()
    n = _nwords(t)
    if n < 2 or n > 30 or len(t) > 220:
        return False
    if t.endswith("?") or t.endswith("!"):
        return n <= 20
    if (t.endswith(":") and n >= 6) or t.endswith(",") or ends_sentence(t):
        return False
    # A long title capitalises most of its words.
    return n <= 22 or sum(w[:1].isupper() for w in t.split()) >= n / 2


def best_headline(lines: Sequence[str], *, top: int = 12, min_support: float = 0.3,
                  terms: Sequence[frozenset[str]] | None = None) -> int | None:
    """Index of the line most likely to be the article's headline.

    Among title-like lines in the first ``top`` lines, the one whose content
    words recur most in the lines below it (each word counted in up to two
    lines, skipping the line right after, which may be its own summary); the
    earliest wins a tie. Teaser headlines for other stories share little with
    the article body. ``None`` if no candidate reaches ``min_support``.
    ``terms`` may pass each line's :func:`~briefgen.text.content_terms` as a set.
    """
    candidates = [i for i, line in enumerate(lines[:top])
                  if is_headline_like(line) and _nwords(line) >= 3 and not find_date(line)
                  and not _MARKER_SUBHEAD.match(line)]
    if not candidates:
        return None
    if terms is None:
        terms = [frozenset(content_terms(x)) for x in lines]
    best: tuple[float, int] | None = None
    for i in candidates:
        if len(terms[i]) < 2:
            continue
        body = Counter(t for ts in terms[i + 2:] for t in ts)
        support = sum(min(body[t], 2) for t in terms[i]) / (2 * len(terms[i]))
        if support >= min_support and (best is None or support > best[0]):
            best = (support, i)
    return best[1] if best else None


# ---- dates ---------------------------------------------------------------

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE_PATTERNS = (
    re.compile(rf"(?i)\b{_MON}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"(?i)\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\.?,?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-./](?P<m>\d{1,2})[-./](?P<day>\d{1,2})(?!\d)"),
    re.compile(r"(?P<year>(?:19|20)\d\d)\s*[\ub144\u5e74]\s*(?P<m>\d{1,2})\s*[\uc6d4\u6708]\s*(?P<day>\d{1,2})\s*[\uc77c\u65e5]"),
    re.compile(r"(?<![\d/])(?P<m>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
)
# The first two date patterns need a month name (tested lower-cased).
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\.?"
_DATE_LEFTOVER = re.compile(
    rf"(?i)\b(?:{_WEEKDAY}|published|updated|posted|last|modified|created|on|at|date|time|am|pm|a\.m\.|p\.m\.|"
    r"utc|gmt|kst|jst|hkt|sgt|ist|edt|est|cdt|cst|mdt|mst|pdt|pst|cet|cest|bst|aedt|aest)\b"
    r"|T?\d{1,2}:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?|[\s,|:/.\-\u2013\u2014()]+"
)


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first calendar date written in ``text``.

    Returns:
        ``(iso_date, start, end)`` for the first valid date found, or ``None``.
    """
    if "19" not in text and "20" not in text:  # every pattern needs a year 19xx or 20xx
        return None
    # Each pattern runs only if the text holds what it cannot match without.
    named = _has_any(_lower(text), _MONTH_KEYS)
    slash = "/" in text
    usable = (named, named, slash or "-" in text or "." in text, "\ub144" in text or "\u5e74" in text, slash)
    best: tuple[str, int, int] | None = None
    for pat, use in zip(_DATE_PATTERNS, usable, strict=True):
        if not use:
            continue
        for m in pat.finditer(text):
            g = m.groupdict()
            # _lower: the pattern also matches a long s ("\u017fept"), which lower() keeps.
            month = _MONTHS[_lower(g["mon"])[:3]] if g.get("mon") else int(g["m"])
            try:
                iso = _dt.date(int(g["year"]), month, int(g["day"])).isoformat()
            except ValueError:
                continue
            if best is None or m.start() < best[1]:
                best = (iso, m.start(), m.end())
            break
    return best


def _is_date_line(text: str) -> bool:
    found = find_date(text)
    if found is None:
        return False
    rest = text[: found[1]] + " " + text[found[2]:]
    return not _DATE_LEFTOVER.sub(" ", rest).strip()


# ---- wire datelines -------------------------------------------------------

# A wire dateline opening a paragraph: a place in capitals, optionally a
# region, a date and the agency, then a dash ("NARA—", "LONDON (AP) _ ",
# "SEOUL, Jan. 13 (Yonhap) -- ", "WASHINGTON (Reuters) - "). It is kept out of
# the sentence, which then starts at the first word of the story.
_WIRE_DATELINE = re.compile(
    r"""[A-Z][A-Z.'&]+(?:[ -][A-Z][A-Z.'&]+){0,3}
    (?:,[ ]+[A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+){0,2})?
    (?:,?[ ]+[A-Z][a-z]{2,8}\.?[ ]+\d{1,2})?
    (?:[ ]*\([A-Za-z0-9 .&'-]{1,40}\))?
    [ ]*(?:—|–|--|_|-[ ])[ ]*(?=[A-Z"“'‘])""",
    re.X,
)


def dateline_end(text: str) -> int:
    """Length of a wire dateline opening ``text`` (0 if there is none)."""
    m = _WIRE_DATELINE.match(text)
    if not m or any(c.islower() for c in m.group(0).split("(")[0].split(",")[0]):
        return 0
    return m.end()


# ---- credits, copyright, notices -----------------------------------------

_COPYRIGHT = re.compile(
    r"(?i)^\W{0,3}(?:copyright\b|\u00a9|\u24d2|\(c\)\s*(?:\d{4}|[a-z]))|\ball rights reserved\b"
    r"|\bprohibits? (?:its|the|our) content\b"
    r"|\b(?:material|article|content|story|stories)\s+(?:may|must) not be (?:re)?"
    r"(?:published|broadcast|rewritten|redistributed|reproduced)\b"
    r"|\bunauthori[sz]ed (?:reproduction|redistribution)\b"
    r"|\bwithout (?:prior )?(?:written )?(?:consent|permission)\b.*\b(?:reproduc|redistribut|reprint|copy)"
    r"|(?:reproduc|redistribut|reprint)\w* (?:is |are )?(?:strictly )?(?:prohibited|forbidden)"
    # Korean "무단 전재/배포" and "저작권자", Japanese "転載禁止" and "著作権".
    r"|\ubb34\ub2e8\s*(?:\uc804\uc7ac|\ubc30\ud3ec)|\uc800\uc791\uad8c\uc790"
    r"|\u8ee2\u8f09\u7981\u6b62|\u8457\u4f5c\u6a29"
)
# Each branch of _COPYRIGHT contains one of these (case-insensitively): lines
# without any skip the pattern. Likewise _NOTICE_KEYS and _CAPTION_END_KEYS.
_COPYRIGHT_KEYS = (
    "copyright", "\u00a9", "\u24d2", "(c)", "all rights reserved", "prohibit", "not be", "unauthori",
    "without", "forbidden", "\ubb34\ub2e8", "\uc800\uc791\uad8c\uc790", "\u8ee2\u8f09\u7981\u6b62",
    "\u8457\u4f5c\u6a29",
)
_NOTICE = re.compile(
    r"(?i)^\W{0,3}this (?:article|story|content|post|page) (?:has been|was|is) (?:\w+ )?"
    r"(?:translated|machine[- ]translated|generated|produced|updated|corrected|originally published|"
    r"more than \d+ \w+ old|part of)\b|^\W{0,3}\(?end\)?\W{0,3}$|\bour standards:"
    r"|^\W{0,3}(?:\w+ )?(?:writers?|reporters?|correspondents?) [\w ,.'-]{2,80} contributed\b"
    r"|\btranslated (?:by|with|using) (?:an? )?(?:ai|machine|artificial intelligence|google)\b"
    r"|\bshare your feedback\b|\bcontributed to this (?:report|story|article)\b"
    r"|^\W{0,3}(?:correction|clarification|editor'?s note)\s*[:\uff1a]"
    r"|\bfor (?:the )?(?:latest|more) (?:news|updates|stories)\b.*\b(?:visit|follow|subscribe)"
    r"|\bthis (?:article|story|post) (?:may )?contains? affiliate links\b"
)
_NOTICE_KEYS = (
    "our standards:", "contributed", "translated", "share your feedback", "correction", "clarification",
    "editor", "visit", "follow", "subscribe", "affiliate links",
)


def _is_copyright(t: str, low: str) -> bool:
    """``_COPYRIGHT.search(t)``, skipped when ``low`` (:func:`_lower` of ``t``) lacks every key."""
    return _has_any(low, _COPYRIGHT_KEYS) and _COPYRIGHT.search(t) is not None


def _is_notice(t: str, low: str) -> bool:
    """``_NOTICE.search(t)``, skipped when no branch can match."""
    # The anchored branches: "this ..." after at most 3 marks; a lone "(end)".
    maybe = "this " in low[:8] or ("end" in low and len(t) <= 11) or _has_any(low, _NOTICE_KEYS)
    return maybe and _NOTICE.search(t) is not None


_SOURCE_CREDIT = re.compile(
    r"^\W{0,2}[\[(\u3010]?\s*(?P<tag>\ucd9c\ucc98|source|sources|\u51fa\u5178|\u51fa\u5904)\s*[\])\u3011:\uff1a]\s*(?P<who>.{2,80})$",
    re.IGNORECASE,
)
# The owner's first character is spelled out case-sensitively: the same set
# as [A-Z\u00c0-\uffff] under (?i), which takes far longer to compile.
_COPY_OWNER = re.compile(
    r"(?i)(?:copyright|\u00a9|\u24d2|\(c\))\s*(?:\(c\)\s*)?(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*,?\s*)?(?:by\s+)?"
    r"(?P<who>(?-i:[A-Za-z\u00b5\u00c0-\uffff])[\w&.'\u2019 -]{1,60}?)"
    r"(?=\s*(?:[.,;|]|\ball rights\b|\bprohibit|\bmay not\b|\bis\b|\bwww\.|$))"
)
_DOMAIN = re.compile(r"(?i)^(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})/?$")
_WIRE = {
    "AP": "Associated Press",
    "AFP": "Agence France-Presse",
    "UPI": "United Press International",
}
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'\u2019-]{1,40}(?:,\s*[A-Z][\w .'-]{1,30})?(?:,\s*[A-Z][a-z]{2,4}\.?\s*\d{1,2})?\s*"
    r"\((?P<who>[A-Z][\w&.' -]{1,30})\)\s*(?:[-\u2013\u2014_]|--)"
)


@lru_cache(maxsize=65536)
def credit_outlet(line: str, *, last: bool = False) -> str | None:
    """The publisher a credit, copyright or dateline names, if ``line`` is one (cached).

    Args:
        line: One line of article text.
        last: The line is the article's final line, where a bare site name
            ("AloJapan.com") or domain credits the publisher.

    Returns:
        The outlet as printed (wire abbreviations spelled out), or ``None``.
    """
    t = line.strip()
    m = _SOURCE_CREDIT.match(t)
    if m:
        return m.group("who").strip(" .")
    if _is_copyright(t, _lower(t)):
        m2 = _COPY_OWNER.search(t)
        if m2:
            who = m2.group("who").strip(" .,")
            if who and not who.lower().startswith(("all rights", "the content")):
                return who
    m3 = _DATELINE.match(t)
    if m3:
        who = m3.group("who").strip()
        return _WIRE.get(who, who)
    if last and _nwords(t) <= 4 and not ends_sentence(t):
        d = _DOMAIN.match(t)
        if d or re.search(r"(?i)\.(?:com|net|org|co\.\w\w|kr|jp|uk|news)\b", t):
            return t.strip("/ ")
    return None


# ---- captions and photo credits ------------------------------------------

_CAPTION_END = re.compile(
    r"(?:(?:^|[\s.,;)\]])/\s*(?:courtesy of\s+)?(?-i:[A-Z\u00c0-\uffff][\w&.'\u2019 -]{0,38}[\w.])"
    r"|\b(?:(?:pool|file|staff|handout|ap|afp|reuters|epa|yonhap|xinhua|kyodo|getty)\s+)?"
    r"(?:photo|photograph|picture|image|video)s?\s*"
    r"(?:by|:|credit:?|courtesy(?: of)?|provided by)\s+[^.]{2,60}"
    r"|\((?:photo|image|pictured|file|ap photo|afp|reuters|epa|getty|yonhap|courtesy|source)[^()]{0,80}\)"
    r"|\[(?:photo|image|courtesy|source)[^\[\]]{0,80}\]"
    r"|[(\[/]\s*\uc0ac\uc9c4\s*=\s*[^()\[\]]{1,40}[)\]]?)\s*$",
    re.IGNORECASE,
)
_CAPTION_END_KEYS = ("/", "(", "[", "photo", "picture", "image", "video")
# Words one of _CAPTION_POSITION's alternatives needs (tested lower-cased).
_POSITION_KEYS = ("(l)", "(r)", "(c)", "left", "right", "cent", "(2nd", "front", "rear", "photo", "picture",
                  "image")
# Case-sensitive, like _CAPTION_ANY.
_CAPTION_ANY_KEYS = ("Getty", "Shutterstock", "EPA-EFE", "REUTERS/", "Photo", "photo", "Anadolu via")
_CAPTION_ANY = re.compile(
    r"\b(?:Getty Images|AFP via Getty|Shutterstock|EPA-EFE|REUTERS/[A-Z]|AP Photo/|Yonhap Photo|"
    r"[Pp]hoto [Cc]ourtesy|[Pp]hoto [Cc]redit|Bloomberg via Getty|NurPhoto|Anadolu via)\b"
)
_CAPTION_START = re.compile(
    r"(?i)^\W{0,2}(?:file photo|photo|photos|image|images|caption|pictured|video|graphic|illustration"
    r"|\(?(?:from )?(?:left|right|top|above|below|clockwise)\)?)\s*[:(\u2014\u2013|]|^(?:photo|image)\s*="
    r"|^\W{0,2}image (?:caption|source)\b|^(?-i:FILE)\s*[-\u2013\u2014]\s|^[(\[]?\uc0ac\uc9c4\s*[=:]",
)
# A caption without a credit still says who stands where ("Lee (L) and
# Takaichi ...", "Takaichi, right, greets ...") or what a photo shows.
_CAPTION_POSITION = re.compile(
    r"[A-Za-z.] \((?:[Ll]eft|[Rr]ight|[Cc]ent(?:er|re)|[Ff]ront|[Rr]ear|[Ff]rom [Ll]eft)\)"
    # "(R)" also gives a party ("Sen. Smith (R) said"): a caption then pairs or acts.
    r"|[A-Za-z.] \((?:L|R|C|2nd [LR])\) (?:and|shakes?|greets?|speaks?|talks?|walks?|poses?|looks?|listens?"
    r"|waves?|smiles?|arrives?|attends?|holds?|meets?|chats?|bows?)\b"
    r"|[a-z.], (?:left|right|center|centre|second (?:from )?(?:left|right)|far (?:left|right)), [a-z]"
    r"|^\W{0,2}In (?:this|the|a) (?:undated |file |handout |combination |aerial )?(?:photo|picture|image)"
    r"(?: (?:released|provided|taken|distributed) by [^,]{2,60})?,"
    r"|^\W{0,2}(?:This )?(?:[Pp]hoto|[Pp]icture|[Ii]mage) shows\b"
)
_CREDIT_ONLY = re.compile(
    r"(?i)^\W{0,2}(?:(?:photo|image|photograph|picture|video)s?\s*(?:by|:|credit)?\s*)?"
    r"(?:[\w.' -]{0,40}/\s*)?(?:getty images|shutterstock|ap|afp|reuters|epa(?:-efe)?|yonhap|xinhua|kyodo|"
    r"news1|newsis|bloomberg|handout|pool)(?:\s*(?:photo|images?))?\W{0,2}$"
)
_GLUED_NUMBER = re.compile(r"^\d{1,3}(?=[A-Z])")
_PHOTO_CREDIT = re.compile(
    r"(?:(?:^|[\s.,;)])/\s*|\b(?:pool |file )?photo by\s+)"
    r"(?P<who>(?-i:[A-Z])[\w&.'\u2019 -]{0,38}[\w])\.?\s*$",
    re.IGNORECASE,
)


def photo_credit(line: str) -> str | None:
    """The agency a photo caption credits ("... / News1", "Pool photo by Yonhap"), if any.

    Photos "courtesy of" someone are borrowed, so they name no one here.
    """
    t = _GLUED_NUMBER.sub("", line.strip())
    if _nwords(t) < 4 or ("/" not in t and "photo by" not in _lower(t)):
        return None
    m = _PHOTO_CREDIT.search(t)
    # The credit must close a line judged as furniture (a caption), not prose.
    if m is None or m.group("who").lower().startswith("courtesy") or judge_line(t) is None:
        return None
    return m.group("who").strip()


# ---- navigation, bylines, markers -----------------------------------------

_NAV_EXACT = frozenset(
    """
    comments|comment|copied title and url|copy link|link copied|copy url|share|share this
    share this article|share this story|share on facebook|share on twitter|share on x|share via email
    tweet|email|print|print this
    advertisement|advertisements|ad|sponsored|sponsored content|paid content|related|related articles
    related stories|related news|related content|related topics|more stories|more news|more on this story
    most popular|most popular articles|most read|most viewed|most shared|popular now|trending|trending now
    top stories|latest news|latest|latest stories|recommended|recommended for you|recommended stories
    editor's picks|editors' picks|you may also like|you might also like|read more|read next|up next|see also
    more from|next article|previous article|next story|previous story|back to top|skip to content
    skip to main content|skip navigation|menu|main menu|home|search|subscribe|subscribe now|sign in|sign up
    log in|login|log out|register|newsletter|newsletters|close|accept|accept all|accept cookies|reject all
    manage cookies|cookie settings|cookie policy|privacy policy|privacy|terms of use|terms of service|terms
    contact us|about us|tags|topics|check out our content|check out other tags|listen to this article
    listen|watch|video|videos|photos|gallery|photo gallery|enlarge this image|toggle caption|hide caption
    view comments|show comments|leave a comment|post a comment|add a comment|join the conversation
    add to favorites|save|saved|bookmark|font size|text size|translate|language|english|more|loading
    continue reading|read full article|read the full story|view full article|open in app|get the app
    follow|follow us|like|reply|report|opinion|news|world|politics|business|sports|entertainment
    facebook|twitter|x|linkedin|whatsapp|telegram|reddit|instagram|youtube|kakaotalk|line
    """.replace("\n", "|").split("|")
)
_NAV_EXACT = frozenset(x.strip() for x in _NAV_EXACT) - {""}
_NAV_PREFIX = re.compile(
    r"(?i)^\W{0,3}(?:(?:related|read more|read also|also read|see also|more|watch|listen|watch live"
    r"|more on this|recommended|trending|popular|top stories|latest|opinion|explainer|analysis|live"
    r"|breaking|tags?|topics?"
    r"|keywords?|categor(?:y|ies)|filed under|sections?|share)\s*[:\uff1a|\u00bb\u203a>]"
    r"|(?:sign up|subscribe|follow us|follow (?:\w+ ){1,3}on|like us on|find us on|download (?:the|our)"
    r"|click here|tap here|get the latest|get our|join (?:our|the)|we use cookies|this (?:site|website) uses"
    r"|by continuing to|by using this (?:site|website)|support (?:our|independent|quality) journalism"
    r"|already a subscriber|create (?:a|your) (?:free )?account|log ?in to|to continue reading"
    r"|you have \d+ free"
    r"|you(?:'ve| have) reached|enable javascript|please enable|your browser|share (?:this|on|via)"
    r"|check out|don'?t miss|more from|more stories from|more news from|read (?:the )?(?:full|original)"
    r"|have a (?:news )?tip|send us|contact (?:the )?(?:reporter|author|newsroom)|advertisement\b"
    r"|(?:story|article) continues below|continue reading below|ad feedback|reuse this content"
    r"|explore more on|\d+[- ]min(?:ute)?s? read\b|reading time\b|(?:image|photo|slide) \d+ (?:of|/) \d+"
    r"|click to (?:expand|enlarge)|open (?:image|gallery)|view (?:image|gallery|photos)))"
)
_NAV_TOKEN = re.compile(r"^[\W\d]*$")
_NAV_COUNT = re.compile(r"[\d\s()]+$")  # "Comments (12)"
_LINK_ONLY = re.compile(r"^\W{0,2}(?:\[[^\]]{1,200}\]\([^)]+\)\W{0,2})+$|^(?:https?://|www\.)\S+$")
_BYLINE = re.compile(
    r"^(?:by|written by|story by|words by|reported by|text by)\s*:?\s+"
    r"(?!(?:the|this|that|then|now|late|early|mid|next|last|noon|midnight|dawn|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september"
    r"|october|november|december)\b)(?-i:[A-Z\u00c0-\u024f])[\w.'\u2019-]*"
    r"(?:[\s,&|]+[\w.'\u2019@-]+){0,12}$",
    re.IGNORECASE,
)
_BYLINE_WIRE = re.compile(r"(?i)^\W?(?:additional )?(?:reporting|writing|editing|compiled|research) by\b")
_ROLE = re.compile(
    r"(?i)\b(?:staff (?:writer|reporter)|correspondent|senior reporter|reporter|editor|columnist|contributor"
    r"|bureau chief|news desk|newsroom)s?\b"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
_ANGLE = re.compile(r"^<[^<>]{2,80}>$")
# Markdown headings and the box/triangle marks Korean and Japanese outlets set before subheads.
_MARKER_SUBHEAD = re.compile(
    r"^\s*(?:#{1,6}\s|[\u25c7\u25c6\u25a0\u25a1\u25b2\u25b3\u25b6\u25ba\u25cf\u25cb\u2605\u2606\u3010])"
)
_MARKER_NOTE = re.compile(r"^\s*\u203b\s*\S")
# A wire service's note to editors, in capitals within brackets: "(MORE)",
# "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)", "[END OPTIONAL TRIM]".
_EDITORS_NOTE = re.compile(r"^(?:\([^()a-z]{2,120}\)|\[[^\[\]a-z]{2,120}\])\.?$")


@lru_cache(maxsize=65536)
def judge_line(text: str) -> tuple[str, str] | None:
    """Judge one line on its own, without context (cached: pages repeat lines).

    Returns:
        ``(kind, reason)`` if the line is page furniture (caption, credit,
        boilerplate, navigation, byline, date), else ``None`` (it may be
        prose, a headline or a subhead; context decides).
    """
    t = text.strip()
    if not t:
        return ("boilerplate", "empty line")
    low = normalize(t).strip(" :|>\u00bb\u203a-\u2013\u2014\u2022\u00b7")
    lowered = _lower(t)
    n = _nwords(t)
    if _is_copyright(t, lowered) and (n <= 45 or re.match(r"(?i)^\W{0,3}(?:copyright|\u00a9)", t)):
        return ("credit", "copyright notice")
    if _is_notice(t, lowered):
        return ("boilerplate", "publisher's notice")
    if _SOURCE_CREDIT.match(t) and n <= 12:
        return ("credit", "source credit")
    if _MARKER_NOTE.match(t) and n <= 40:
        return ("boilerplate", "note marked \u203b")
    if _EDITORS_NOTE.match(t) and any(c.isalpha() for c in t):
        return ("boilerplate", "note to editors")
    if low in _NAV_EXACT or (_NAV_TOKEN.match(t) and len(t) < 40):
        return ("navigation", f"page navigation \u201c{t[:40]}\u201d")
    if n <= 4 and _NAV_COUNT.sub("", low) in _NAV_EXACT:
        return ("navigation", f"page navigation \u201c{t[:40]}\u201d")
    if _NAV_PREFIX.match(t):
        return ("navigation", f"link or prompt \u201c{t[:40]}\u201d")
    if _LINK_ONLY.match(t):
        return ("navigation", "bare link")
    if _DOMAIN.match(t):
        return ("credit", "site name")
    if _BYLINE_WIRE.match(t):
        return ("byline", "wire credit line")
    if (_BYLINE.match(t) and n <= 14 and not ends_sentence(t)) or _ANGLE.match(t):
        return ("byline", "byline")
    if n <= 14 and (("@" in t and _EMAIL.search(t)) or (n <= 8 and not ends_sentence(t) and _ROLE.search(t))):
        return ("byline", "byline")
    if _is_date_line(t):
        return ("date", "stand-alone date")
    body = _GLUED_NUMBER.sub("", t)
    if _CREDIT_ONLY.match(body) and n <= 8:
        return ("credit", "photo credit")
    if n >= 3 and _has_any(_lower(body), _CAPTION_END_KEYS) and _CAPTION_END.search(body):
        return ("caption", "photo caption (ends with a credit)")
    if (_has_any(body, _CAPTION_ANY_KEYS) and _CAPTION_ANY.search(body)) or _CAPTION_START.match(body):
        return ("caption", "photo caption")
    if n <= 60 and _has_any(lowered, _POSITION_KEYS) and _CAPTION_POSITION.search(body):
        return ("caption", "photo caption (who stands where, or what a photo shows)")
    return None


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


def _physical_lines(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for seg in text.split("\n"):
        stripped = seg.strip()
        if stripped:
            lead = len(seg) - len(seg.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(seg) + 1
    return spans


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
    if lead and _nwords(line[lead.end():]) >= 5:
        s += lead.end()
        line = text[s:e]
    tail = _TAIL_NOTE.search(line)
    if tail and _nwords(line[:tail.start()]) >= _NOTE_PARAGRAPH_WORDS:
        e = s + tail.start()
    return s, e


def _units(text: str) -> tuple[list[_Unit], list[_Unit]]:
    """Cut ``text`` into units; returns ``(units, split_bylines)``."""
    spans = _physical_lines(text)
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
            if not ends_sentence(prev.text) and not prev.text.endswith(":") and _CONTINUES.match(line):
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
            total = 0.0
            line_terms = units[i].terms
            for t in line_terms:
                used = first_use(t)
                if used is not None and (used < lo or last[t] > hi):
                    total += 1.0
                elif n_src > 1:
                    total += (df[t] - (t in own_terms)) / (n_src - 1)
            scores[i] = total / len(line_terms)
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
        elif _MARKER_SUBHEAD.match(u.text):
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


@lru_cache(maxsize=65536)
def _line_terms(text: str) -> frozenset[str]:
    """A line's content terms (cached: copies of a story repeat most lines)."""
    return frozenset(content_terms(text))


def _judge_source(src: Source) -> tuple[list[_Unit], list[_Unit]]:
    units, extra = _units(src.text)
    for u in units:
        u.key = normalize(u.text)
        u.words = _nwords(u.text)
        if u.kind is None:
            u.terms = _line_terms(u.text)
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
