"""Stand-alone rules for selected sentences, checked independently of the selector's own test.

A memo prints each sentence without its neighbours, so every selected sentence
must read alone. :func:`violations` names the rules a sentence breaks; it is
written apart from :func:`briefgen.select.dangling` (no shared code or word
list) so that the benchmarks count what the selector lets through rather than
re-run its own test. ``bench/duc.py`` and ``bench/multinews.py`` report the
counts over their selections.

Rules:

* ``reference``: opens with something that points back: a pronoun or
  demonstrative ("It", "This", "He said"), a quotation whose speaker is only
  a pronoun (""...," she said") or that opens with a personal pronoun
  (""It was a slip," Carlsson said"), a demonstrative time or phrase
  ("That day", "As such"), a connective ("But", "However"), or leans on an
  earlier sentence with "also" among its first words or a closing "as well";
* ``unfinished``: no closing punctuation (cut off where a text was truncated);
* ``subhead``: a heading glued to the sentence ("YANKEES Pitching The
  starting pitching ...");
* ``dateline``: a wire dateline ("LONDON (AP) _", "san francisco ( reuters ) -", "Tampa \u2014"; not a
  subject and an aside between two dashes, "Shoppers _ many of them ... _ fled");
* ``credit``: a photographer's credit run into the sentence, outside brackets: the agency
  after a slash ("erik jordan/retna not only is ...", "gregorio borgia/ap") or before one at
  the start ("Reuters/brian snyder more than half of ...");
* ``address``: the writer speaks to the reader, in a sentence with no quotation mark: "you" or
  "your" with no speaker named ("If you live nearby, you felt it"), or an opening command
  ("Imagine ...", "Remember ...", "Learn more ..."). What it cannot see: a command by a verb not
  listed here;
* ``unclosed``: more brackets opened than closed, or a last line that
  opens with a quotation mark and holds an odd number of them (the
  quotation runs on into a sentence not shown, which names its speaker).
  What it cannot see: a quotation opened after a word ("... a full stop.
  "we're looking ..."), or by a mark spaced off its first word, as a stray
  closing mark would be; or closed in a sentence whose opening was not shown.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

_POINTERS = (
    r"it|its|it's|this|these|those|that|they|them|their|he|his|him|she|her|we|our|i|my|such|there|then"
    r"|but|and|or|so|yet|however|meanwhile|moreover|furthermore|nevertheless|nonetheless|still|instead"
    r"|besides|thus|therefore|hence|otherwise|likewise|similarly|additionally|accordingly|again|too"
    r"|afterwards|later|indeed|others|another|other")
# A time named from the day of writing: "this year", "this past week", "these days" point at no
# earlier sentence ("that year" does), unless a connective follows ("This year, however, ...").
# What this check cannot see: a time word that modifies a noun ("This winter storm has ...");
# briefgen refuses those itself (tests/test_units.py).
_NOW = (r"(?:past\s+|coming\s+)?(?:week|weekend|month|year|morning|afternoon|evening|spring|summer|autumn"
        r"|fall|winter|season|quarter|decade|century|days)\b(?![-'\u2019]\w{2})"
        r"(?!,?\s*(?:however|though|too|also|then|instead|meanwhile|moreover)\b)")
_REFERENCE = re.compile(
    r"^\(?(?:" + _POINTERS + r")\b(?![-.])(?!\s+" + _NOW + r")"
    r"|^[\"'`\u201c\u2018(\s]*(?:as such|(?:that|those)\s+(?:day|night|week|weekend|month|year|morning"
    r"|afternoon|evening|season|days)\b|the same day|at that time"
    r"|in addition|as a result|in particular|for example|for instance|on the other hand|by then|even so"
    r"|in fact)\b"
    r"|^[\"'`\u201c\u2018(\s]*under the (?:accord|agreement|deal|pact|plan),"
    r"|^(?:\S+\s+){0,4}also\b"
    r"|\bas well\s*[.!?\"'\u201d]*\s*$",
    re.IGNORECASE)
# "It" as an empty subject, its real subject the clause after it ("It was not immediately clear how
# ...", "It seems that ...", "It took 60,000 years to ..."): the rest of the sentence is read as if
# it opened the sentence. What this check cannot see: "this" or "such" later in that clause.
_EMPTY_IT = re.compile(
    r"^it(?:'s|\u2019s|\s+(?:is|was|seems|seemed|appears|appeared))\s+(?:not\s+)?(?:immediately\s+)?"
    r"(?:clear|unclear|known|unknown|likely|unlikely|possible)\s+(?:whether|if|how|why|when|what|where|which|who"
    r"|that)\b|^it\s+(?:seems|seemed|appears|appeared)\s+that\b|^it\s+took\s+(?:[\w,]+\s+){1,3}to\b",
    re.IGNORECASE)
# A quotation first that opens with a pointer ("\"He was wrong,\" ...") is fine if someone
# other than a pronoun is named as saying it.
_QUOTE_POINTER = re.compile(r"^[\"'`\u201c\u2018]+\s*(?:" + _POINTERS + r")\b(?![-.])", re.IGNORECASE)
# ... but not one that opens with a personal pronoun for what came before ("\"It was a slip of the
# tongue,\" Carlsson said"), unless "it" is empty ("\"It is time to go,\" Lee said").
_QUOTE_PERSONAL = re.compile(
    r"^[\"'`\u201c\u2018]+\s*(?:it|they|he|she|them|these|those)\b(?![-.])"
    r"(?!\s*(?:'s|\u2019s|is|was)\s+(?:time|clear|unclear|important|likely|unlikely|possible|hard|difficult|not)\b)",
    re.IGNORECASE)
_VERBS = r"(?:said|says|told|tells|added|adds|recalls|explained)"
_REPORTING = re.compile(r"\b(?:" + _VERBS + r"|according to)\b", re.IGNORECASE)
# The speaker named right after the opening quotation closes ("..., " she said): a pronoun there
# leaves the quote unattributed. Words inside the quotation ("i told folks ...") and a later
# sentence of the same passage ("... he said") are not its speaker.
_PRONOUN_SPEAKER = re.compile(r"(?:he|she|they|i|we|you)\s+" + _VERBS + r"\b|" + _VERBS
                              + r"\s+(?:he|she|they)\b", re.IGNORECASE)
_AFTER_QUOTE = re.compile(r"^[\"'`\u201c\u2018]+[^\"\u201d]*[\"\u201d]\s*,?\s*")
# "it's", "U.S." and "I-95" are not pointers: the look-ahead above keeps "I-" and "It." out.
_CLOSED = re.compile(r"[.!?]\s*(?:[\"'\u201d\u2019)\]]\s*)*$")
_SUBHEAD = re.compile(r"^(?:[A-Z][\w'&-]*\s+){1,5}(?:The|A|An)\s+[a-z]")
_DATELINE = re.compile(
    r"^[^.!?]{0,60}?\(\s*(?:ap|reuters|afp|upi|xinhua|cnn|ap photo)\s*\)\s*(?:_|-|--|\u2014|\u2013)",
    re.IGNORECASE)
# A photographer's credit outside brackets: "first last/agency", or "agency/first last" first.
_CREDIT_RUN_IN = re.compile(
    r"(?<![(\w])\s*[a-z][\w.'-]*\s*/\s*(?:ap|afp|retna|getty\s+images|shutterstock|corbis|wireimage)\b(?![^(]*\))"
    r"|^\W*(?:reuters|afp)\s*/\s*(?!\S+\s+(?:poll|polls|polling|survey)\b)[a-z]", re.IGNORECASE)
# The reader addressed: second-person words, or a sentence opening with a command to the reader.
# A word of its own: "all-you-can-eat", "in-your-face" and "thank you" address no one.
_YOU = re.compile(r"(?<![\w-])(?<!thank )(?:you|your|yourself)(?![\w-])", re.IGNORECASE)
# A speaker named: the "you" is that speaker's, reported without quotation marks.
_SPEAKER_NAMED = re.compile(r"\b(?:said|says|told|tells|asked|asks|wrote|writes|according to)\b",
                            re.IGNORECASE)
_COMMAND = re.compile(
    r"^(?:imagine|remember|consider|forget|learn|click|subscribe|enjoy|make note|take note)\b", re.IGNORECASE)
# A place of up to three words, then a dash: "NEW YORK _ ", "Dover, fla. \u2014 ".
_PLACE_DASH = re.compile(r"^[A-Z][\w.'&-]*(?:,?\s+[\w.'&-]+){0,2}\s+(_|--|\u2014)\s")


def _place_dash(body: str) -> bool:
    """A place and a dash first ("Tampa \u2014 ..."), unless the dash opens an aside the sentence closes
    with the same dash (an odd number of them after it) and no comma stands before it: "Five americans
    -- including ... -- were killed" is a subject and an aside, not a dateline."""
    m = _PLACE_DASH.match(body)
    if m is None:
        return False
    return "," in body[:m.start(1)] or body[m.end():].count(m.group(1)) % 2 == 0


def violations(text: str) -> list[str]:
    """The stand-alone rules ``text`` breaks (see the module docs), in a fixed order.

    A passage (see :func:`passages`) holds its sentences on lines of their
    own: only its first sentence must not point back (the later ones follow
    what they lean on); the whole passage must end closed.
    """
    head = " ".join(text.split("\n", 1)[0].split())
    body = " ".join(text.split())
    out = []
    quoted_first = head[:1] in "\"'`\u201c\u2018"
    after = _AFTER_QUOTE.match(head) if quoted_first else None
    opening = _EMPTY_IT.sub("", head, count=1).lstrip()
    if _REFERENCE.search(opening) or (after and _PRONOUN_SPEAKER.match(head, after.end())) or (
            _QUOTE_POINTER.match(head) and not _REPORTING.search(head)) or _QUOTE_PERSONAL.match(head):
        out.append("reference")
    if not _CLOSED.search(body):
        out.append("unfinished")
    if _SUBHEAD.match(body):
        out.append("subhead")
    if _DATELINE.match(body) or _place_dash(body):
        out.append("dateline")
    if _CREDIT_RUN_IN.search(body):
        out.append("credit")
    if (not any(q in body for q in "\"\u201c\u201d") and body[:1] not in "'`\u2018"
            and ((_YOU.search(body) and not _SPEAKER_NAMED.search(body)) or _COMMAND.match(body))):
        out.append("address")
    last = " ".join(text.rsplit("\n", 1)[-1].split())
    if body.count("(") > body.count(")") or body.count("[") > body.count("]") or (
            last[:1] in "\"\u201c" and not last[1:2].isspace()
            and (last.count('"') + last.count("\u201c") + last.count("\u201d")) % 2):
        out.append("unclosed")
    return out


def count(sentences: Iterable[str]) -> tuple[int, int, Counter[str]]:
    """Sentences seen, sentences breaking any rule, and how often each rule is broken."""
    seen = bad = 0
    rules: Counter[str] = Counter()
    for s in sentences:
        seen += 1
        found = violations(s)
        bad += bool(found)
        rules.update(found)
    return seen, bad, rules


class _Sentence(Protocol):
    source_id: str
    index: int


class _Fact(Protocol):
    text: str

    @property
    def sentences(self) -> Sequence[_Sentence]: ...

    @property
    def representative(self) -> _Sentence: ...


def passages(chosen: Sequence[_Fact]) -> list[str]:
    """The chosen facts' texts as printed: a fact whose sentence comes right after the previous
    fact's in the same source joins it as one passage (an antecedent printed with the sentence
    that leans on it, on a line of its own), so that the rules judge what a reader sees together."""
    out: list[str] = []
    prev: _Fact | None = None
    for f in chosen:
        rep = f.representative
        if prev is not None and out and any(s.source_id == rep.source_id and s.index == rep.index - 1
                                            for s in prev.sentences):
            out[-1] += "\n" + f.text
        else:
            out.append(f.text)
        prev = f
    return out


def report(seen: int, bad: int, rules: Counter[str]) -> str:
    detail = ", ".join(f"{k} {v}" for k, v in sorted(rules.items())) or "none"
    return f"stand-alone violations: {bad} of {seen} selected sentences ({detail})"
