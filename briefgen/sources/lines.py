"""Single lines judged on their own: is this line furniture, a date, a credit, a headline?

These detectors look at one line at a time, without context: photo captions
and credits, copyright and translation notices, bylines, navigation, stand-alone
dates (:func:`judge_line`); the outlet a credit line names
(:func:`credit_outlet`, :func:`photo_credit`); a date in a line
(:func:`find_date`); title-like lines (:func:`is_headline_like`,
:func:`best_headline`). :mod:`briefgen.sources.clean` judges lines in context
with them, and :mod:`briefgen.sources.metadata` infers an article's outlet,
title and date with them.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from briefgen.text.abbreviated import CaseStyle
from briefgen.text.words import content_terms, normalize

__all__ = [
    "CONTINUES",
    "PROMO_WORDS",
    "MARKER_SUBHEAD",
    "best_headline",
    "credit_outlet",
    "ends_sentence",
    "find_date",
    "is_headline_like",
    "holds_promo",
    "is_archive_note",
    "widget_marks",
    "is_promo",
    "judge_line",
    "may_hold_promo",
    "nwords",
    "photo_credit",
    "without_promos",
]

# --------------------------------------------------------------------------
# Small line detectors
# --------------------------------------------------------------------------

CONTINUES = re.compile(r"^[a-z\u00e0-\u00ff,;:)\]\u2013\u2014-]")


# A sentence ends in a stop, then any closing quotes or brackets; or in a closing double quote.
_CLOSERS = "\"'\u201d\u2019\u00bb)]"
_STOPS = (".", "!", "?", "\u2026", "\u3002", "\uff01", "\uff1f")


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends the way a sentence ends (full stop, ?, !, closing quote)."""
    t = text.rstrip()
    return t.endswith(("\"", "\u201d", "\u00bb")) or t.rstrip(_CLOSERS).endswith(_STOPS)


def nwords(text: str) -> int:
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
    n = nwords(t)
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
    ``terms`` may pass each line's :func:`~briefgen.text.words.content_terms` as a set.
    """
    candidates = [i for i, line in enumerate(lines[:top])
                  if is_headline_like(line) and nwords(line) >= 3 and not find_date(line)
                  and not MARKER_SUBHEAD.match(line)]
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
            who = who.rstrip(" -\u2013\u2014")  # "copyright by wiat - all rights reserved"
            if who and not who.lower().startswith(("all rights", "the content")):
                return who
    m3 = _DATELINE.match(t)
    if m3:
        who = m3.group("who").strip()
        return _WIRE.get(who, who)
    if last and nwords(t) <= 4 and not ends_sentence(t):
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
    if nwords(t) < 4 or ("/" not in t and "photo by" not in _lower(t)):
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
# A newsletter, alert or app prompt in the words of a sentence ("Breaking news emails get
# breaking news alerts and special reports.", "The news and stories that matter, delivered
# weekday mornings."): scraped pages run these into the article's text. Each branch is the
# prompt's own wording, an imperative or a product name, not words news may report ("alerts
# were sent", "meals delivered every day", "told to click here").
_PROMO_KEYS = ("breaking news", "delivered", "click", "download", "sign up", "newsletter", "follow us",
              "may not be published", "media playback", "zip code", "comments", "tweet", "twitter",
              "javascript", "try again", "reprints", "deliverable", "subscri", "verif", "robot", "invalid",
              "error has", "see more of", "wayback", "crawl", "publicly accessible", "internet archive",
              "broken links", "this collection", "our community", "one more thing", "activate your",
              "agree to receive", "anywhere on", "in to continue", "items on this page", "about this message",
              "seed for wide")
_PROMO = re.compile(
    r"(?i)\bbreaking news emails?\b|\bget breaking news alerts\b"
    r"|\bdelivered (?:to your inbox|weekday mornings)\b"
    r"|^\W*click (?:on )?(?:here|the link|below)\b|\bplease click\b"
    r"|\bdownload (?:this|our) (?:fact sheet|app)\b"
    # "Sign up for ..." as a prompt opens its sentence or follows a question ("Like what you're
    # reading? sign up to get ..."); an article may report people who "sign up for" something.
    r"|(?:^|[?!]\s*)\W*sign up (?:for|to)\b|\bsign up for (?:our|digital access)\b|\bnewsletter sign up\b"
    r"|\b(?:get|receive) our (?:\w+ )?newsletters?\b|\bre-enter (?:your )?zip code\b"
    r"|\bfollow us on\b|\bthis material may not be published\b"
    r"|\bmedia playback is (?:unsupported|not supported)\b"
    # A comment form, an embedded tweet's location notice, a browser or form error.
    r"|\bnext to all of your comments\b|\bwill not appear anywhere on\b"
    r"|\btweet with a location\b|\blocation information to your tweets\b|\byour tweet location history\b"
    r"|\bproceed to legacy twitter\b|\bjavascript is disabled\b|\bverify you'?re not a robot\b"
    # The rest of a site's notice that the browser runs no javascript (Multi-News 00280's page, all notice).
    r"|\bsome items on this page will be unavailable\b|\bfor more information about this message\b"
    r"|^\W*(?:please try again later|invalid email address|an error has occurred|just one more thing)\W*$"
    r"|^\W*see more of .{1,60} on facebook\b"
    # Reprint notices and subscription, sign-up and verification prompts.
    r"|\bdow jones reprints\b|\border reprints tool\b|\bnot in our deliverable area\b"
    r"|\bwith a digital subscription\b|\byour subscriber account\b|\bthank you for subscribing\b"
    r"|\bselect a newsletter\b|\bview all [\w' ]{1,40} newsletters\b|\bagree to receive occasional updates\b"
    r"|\bsent you a verification email\b|\breceive the verification message\b"
    r"|\bclick on the link to activate your (?:profile|account)\b"
    # A page that asks the reader to log in shows its notice in place of the story ("Notice you must
    # log in to continue.", Multi-News 00187), the notice's last words; not news of what users must do
    # ("... will require viewers to sign in to continue watching").
    r"|\b(?:(?:log|sign) ?in|(?:logged|signed) in) to continue(?: reading)?\W*$"
    r"|\bno one covers what is happening in our community\b")
# The Internet Archive's notes on the page it kept when a scraper found no article there
# ("Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive."):
# the notes' own sentences, as Multi-News validation prints them in 27 pages (none in DUC 2003), and
# the description of a crawl's seed list in 3 more ("The seed for wide00014 was: - slash pages from
# every domain on the web ..."), not words a story about the archive may use ("an archived copy on the
# Wayback Machine").
_ARCHIVE_NOTE = re.compile(
    r"(?i)\bdonating their crawl data\b|\badded to the wayback machine after an embargo\b"
    r"|\bwebcrawl data\b|\bcrawls of supported\b|\bthese crawls are part of an effort\b"
    r"|\bcrawl of outlinks\b|\bthese files are currently not publicly accessible\b"
    r"|\bproperties of this collection\b|\bthis collection will be complete\b|\bthe seed for wide\d+ was\b"
    r"|\bthe internet archive hopes that references\b|\bfix all broken links on the web\b")
# A local site's weather or traffic box, which a scraper may keep in place of the article ("Norfolk,
# va ( 23510 ) today a mix of clouds and sun ... High 47f. Winds ene at 10 to 15 mph.", Multi-News
# 00192, whose forecast opened the memo's bottom line; "accident cleared on the southern st pkwy eb at
# eagle ave/x18. Stop and go traffic from ...", 00145): the box's own wording, a temperature with its
# scale, a wind's compass point and speed range, a chance of rain in per cent, a cleared accident.
_WIDGET = re.compile(
    r"(?i)(?:^|[.!?]\s+)(?:high|low)\s*:?\s*(?:near\s+|around\s+)?-?\d{1,3}\s?(?:\u00b0\s?)?[fc]\b"
    r"|\bwinds?\s*:?\s*(?:[nsew]{1,3}|light and variable)\s+(?:at\s+)?\d+\s*(?:to|-)\s*\d+\s*(?:mph|km/h)\b"
    r"|\bchance of (?:rain|snow|showers|precipitation|thunderstorms?)\s*:?\s*\d+\s?%"
    r"|\b\d+\s?% chance of (?:rain|snow|showers|precipitation|thunderstorms?)\b"
    r"|\baccident cleared (?:on|at)\b|\bstop and go traffic (?:from|on)\b")
# Words each of _WIDGET's marks holds: a quick test that a line holds none.
_WIDGET_KEYS = ("high", "low", "wind", "chance of", "accident cleared", "stop and go traffic")
#: A source is such a box when it holds at least this many of its marks ...: four (two boxes in 876
#: Multi-News validation pages hold four and five; a storm story quoting a forecast holds two or three).
WIDGET_MARKS = 4
#: ... and no more than this many words for each mark: a box is marks and little else (those two, 11
#: and 13 words a mark), where an article that quotes a forecast has its own story around it.
WIDGET_WORDS = 40
# Such a prompt is a short sentence; a longer one is an article's own. Set by the longest seen,
# about 35 words: a programme's name, then "please click on the link below to find more ...".
PROMO_WORDS = 40
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
MARKER_SUBHEAD = re.compile(
    r"^\s*(?:#{1,6}\s|[\u25c7\u25c6\u25a0\u25a1\u25b2\u25b3\u25b6\u25ba\u25cf\u25cb\u2605\u2606\u3010])"
)
_MARKER_NOTE = re.compile(r"^\s*\u203b\s*\S")
# A wire service's note to editors, in capitals within brackets: "(MORE)",
# "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)", "[END OPTIONAL TRIM]".
_EDITORS_NOTE = re.compile(r"^(?:\([^()a-z]{2,120}\)|\[[^\[\]a-z]{2,120}\])\.?$")


def is_promo(text: str) -> bool:
    """Whether the sentence ``text`` is page furniture that every page prints in the same words.

    A newsletter, alert or app prompt ("Breaking news emails get ..."), a comment form, an
    embedded tweet's notice, a reprint or sign-up notice, or a web archive's note on a page it kept.

    Judge one sentence at a time: a line of several keeps its article's sentences
    (:mod:`briefgen.sources.clean` cuts the prompt out of it).
    """
    if nwords(text) > PROMO_WORDS or not may_hold_promo(text):
        return False
    return _PROMO.search(text) is not None or _ARCHIVE_NOTE.search(text) is not None


# Where a prompt sentence may end inside a line: a full stop, question or exclamation mark and space.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


def holds_promo(text: str) -> bool:
    """Whether any sentence of ``text`` is a prompt (:func:`is_promo`): a line no headline can be."""
    return may_hold_promo(text) and any(is_promo(part) for part in _SENTENCE_BREAK.split(text))


def without_promos(text: str) -> str:
    """``text`` without its prompt sentences (:func:`is_promo`), line by line; other text as it was.

    For comparing articles before any is cleaned (:mod:`briefgen.digest.features`): two
    unrelated pages of one site share their prompts word for word.
    """
    if not may_hold_promo(text):
        return text
    out = []
    for line in text.split("\n"):
        if may_hold_promo(line):
            line = " ".join(part for part in _SENTENCE_BREAK.split(line) if not is_promo(part))
        out.append(line)
    return "\n".join(out)


def widget_marks(text: str) -> int:
    """How many marks of a weather or traffic box (:data:`_WIDGET`) ``text`` holds."""
    # Every mark holds one of _WIDGET_KEYS; most lines hold none and skip the pattern.
    if not _has_any(_lower(text), _WIDGET_KEYS):
        return 0
    return sum(1 for _ in _WIDGET.finditer(text))


def is_archive_note(text: str) -> bool:
    """Whether ``text`` is a web archive's note on a page it kept: the source holds no article."""
    return may_hold_promo(text) and _ARCHIVE_NOTE.search(text) is not None


def may_hold_promo(text: str) -> bool:
    """Whether ``text`` holds a word every prompt :func:`is_promo` knows needs (a cheap first test)."""
    return _has_any(_lower(text), _PROMO_KEYS)


# A line longer than this that holds a sentence boundary is prose, whatever it opens or ends with,
# unless it is a copyright notice or most of its words are furniture (see _mostly_prose). Every
# such line the rules after the copyright test had judged furniture in the sample, DUC 2003 and
# Multi-News validation was one of 14 Multi-News stories scraped as one line (81 to 399 words)
# behind a caption, a prompt or an editor's note. The 58-words "caption" once taken for the longest
# there is a truncated credit run into a story's two sentences ("Photo: montgomery county sheriff's
# offi bobby martin was sentenced ...", Multi-News 00200, an analyst's reading); no line of 25 to 60
# words holding a sentence boundary and mostly prose is furniture by the line rules in those sets.
PROSE_WORDS = 40
# A sentence boundary inside a line: a stop, space, then a capital. A line that has one is not
# judged a prompt whole.
_INNER_BREAK = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+[\"'\u201c\u2018(]?[A-Z]")
# In text lower-cased whole (CaseStyle.lower_starts) a stop after a word, then a lower-case word, is one
# too: such a story scraped onto one line ("photo: getty on wednesday, cambridge analytica ...") had been
# judged whole by how it opens, and dropped.
_INNER_BREAK_LOWER = re.compile(r"(?<=[a-z0-9]{2})[.!?][\"'\u201d\u2019)]*\s+[\"'\u201c\u2018(]?[a-z]")


def _inner_breaks(text: str) -> list[int]:
    """Where a sentence ends inside a line: the offset of each stop (see :data:`_INNER_BREAK`)."""
    rx = _INNER_BREAK_LOWER if CaseStyle(text).lower_starts else _INNER_BREAK
    return [m.start() + 1 for m in rx.finditer(text)]


# A sentence that speaks to the reader outside any quotation ("You can change your cookie settings
# at any time"): a site's notice, not a story's prose.
_TO_THE_READER = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)


def _mostly_prose(text: str, words: int) -> bool:
    """Whether most of a long line's words lie in pieces between its sentence breaks that are neither
    furniture by the line rules nor addressed to the reader outside a quotation."""
    cuts = _inner_breaks(text)
    pieces = [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    furniture = sum(nwords(piece) for piece in pieces
                    if judge_line(piece) is not None
                    or (_TO_THE_READER.search(piece) and not any(q in piece for q in "\"\u201c\u201d")))
    return 2 * furniture < words


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
    n = nwords(t)
    if _is_copyright(t, lowered) and (n <= 45 or re.match(r"(?i)^\W{0,3}(?:copyright|\u00a9)", t)):
        return ("credit", "copyright notice")
    if n > PROSE_WORDS and _inner_breaks(t) and _mostly_prose(t, n):
        # A page scraped without its line breaks is one line, its furniture run into the story
        # ("Photo: getty on wednesday, cambridge analytica employees learned ...", "Please enable
        # javascript to watch this video vernal, utah -- a woman is seeking ..."). The rules below
        # judge a line by how it opens or ends, and would drop the story with it; the furniture's
        # own sentence is refused where sentences are chosen (select/standalone.py). A notice of
        # several sentences (cookies, a paywall) is furniture sentence by sentence, and stays so.
        return None
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
    # A prompt run into a story is cut out later, the story kept; in text lower-cased whole, where any
    # stop breaks, a prompt of several sentences ("thank you for reading! on your next view ...") needs
    # most of its words to be prose to stay.
    if is_promo(t) and not (_inner_breaks(t) and (not CaseStyle(t).lower_starts or _mostly_prose(t, n))):
        return ("navigation", "newsletter or app prompt")
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
