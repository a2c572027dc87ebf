"""A story's headline that a page without line breaks runs into its lead with no dateline between.

Datelines mark where most stories start (:mod:`briefgen.text.datelines`); a page that prints
its headline and then its lead, with neither a full stop nor a dateline between, leaves one
sentence of both. The headline says what the lead says, in fewer words, so the lead's opening
repeats most of the headline's words: that tells where the lead starts.
"""

from __future__ import annotations

import re

from briefgen.text.datelines import HEADLINE_SHARED, dateline_end
from briefgen.text.verbs import IRREGULAR_PAST
from briefgen.text.words import STOPWORDS, content_set, content_terms

__all__ = ["GLUED_SHARE", "GLUED_WORDS", "glued_headline_end", "lead_after_headline", "link_ends",
           "link_piece"]

#: Fewest and most words of a headline a page runs into its story's lead with no dateline between.
GLUED_WORDS = (4, 20)
#: Share of a headline's content words the lead's opening words say again, at least (and
#: :data:`HEADLINE_SHARED` of them): a headline says what its lead says. Set on reading every first
#: sentence of DUC 2003 and Multi-News validation: at 0.5, "The last time the jacksonville jumbo
#: shrimp got | this much attention, they had just changed their name to the jacksonville jumbo
#: shrimp" parts prose.
GLUED_SHARE = 0.6
# Words a lead does not open with: they go on with what came before ("... tests | of the vaccine").
_GOES_ON = frozenset(("of", "to", "and", "for", "in", "on", "at", "by", "with", "from", "as", "that", "who",
                      "which", "or", "but", "than", "into", "over", "after", "about", "s", "'s", "'", '"',
                      "because", "while", "when", "before", "since", "until", "if", "though", "although",
                      "where", "so", "then", "once", "whether", "unless", "whereas"))
# A verb a headline's last words may take ("..., new research | suggests a viking ...").
_SAYS = frozenset(("says", "said", "told", "added", "suggests", "shows", "finds", "reports", "claims",
                   "warns", "reveals"))
# How many of the lead's first words may come before the word the headline opens on ("president
# donald | trump"), and none of them a small word but a determiner: "... late on thursday | night and
# the senate" is no lead.
_OPENING_REACH = 3
_BEFORE_OPENING = frozenset(("the", "a", "an"))
# A headline joins no clauses: a semicolon, or a comma before "and" or "but" ("... on main street, and
# firefighters | said the fire ...").
_CLAUSES = re.compile(r";|,\s+(?:and|but)\b")
_TOKEN_SPAN = re.compile(r"\S+")


def glued_headline_end(text: str) -> int:
    """Length of a headline a page without line breaks runs into its story's lead with no dateline
    between, in text that writes names in lower case (0 if there is none).

    "trump counterpunches emmy awards over ' bad ' ratings president donald trump jabbed back at the
    emmy awards ' " bad " ratings ..." starts at "president"; "Lindsay lohan crash truck driver says it
    was all her fault lindsay lohan crash -- truck driver says ..." at the second printing.

    The headline is the opening of :data:`GLUED_WORDS` words whose content words the words after it
    (as many again and six more) repeat, at least :data:`GLUED_SHARE` of them and
    :data:`HEADLINE_SHARED`, the most of them (the shortest such opening on a tie). It ends on no
    small word and no punctuation ("... on main street, | and firefighters said ...") and joins no
    clauses (:data:`_CLAUSES`). What follows opens with no word that goes on with it or subordinates
    it ("... | because a judge found ..."), no irregular past form ("... shrimp | got this much
    attention ...") and no verb of saying ("..., new research | suggests ..."), and names the
    headline's first content word within its first :data:`_OPENING_REACH` words, after nothing but
    a determiner or other words ("the woman who won the lottery | last week won ...", "the man who
    robbed the bank | robbed ..." and "... thursday | night and the senate ..." do not). What it
    cannot tell: a headline that says its lead in other words stays ("Russian president putin to
    meet merkel, talk to trump by phone vladimir putin on tuesday meets with germany's chancellor
    ...").
    """
    spans = [m.span() for m in _TOKEN_SPAN.finditer(text)]
    least, most = GLUED_WORDS
    best, best_shared = 0, 0
    for p in range(least, min(most, len(spans) - 8) + 1):
        head = text[: spans[p - 1][1]]
        rest = text[spans[p][0] : spans[min(len(spans), 2 * p + 6) - 1][1]]
        last = head.split()[-1].lower()
        first = rest.split()[0].lower()
        if (not last[-1:].isalnum() or last in STOPWORDS or _CLAUSES.search(head) or not first[:1].isalnum()
                or first in _GOES_ON or first in IRREGULAR_PAST or first in _SAYS):
            continue
        # The lead opens on what the headline opens on: its first content word within the lead's first
        # words ("trump counterpunches ... | president donald trump ...", "Remains of ... | the remains").
        opening = content_terms(head)[:1]
        lead_words = rest.split()[:_OPENING_REACH]
        if not opening or opening[0] not in content_terms(" ".join(lead_words)):
            continue
        upto = next(i for i, w in enumerate(lead_words) if opening[0] in content_terms(w))
        if any(w.lower() in STOPWORDS and w.lower() not in _BEFORE_OPENING for w in lead_words[:upto]):
            continue
        mine = content_set(head)
        shared = len(mine & content_set(rest))
        # The most words said again, the shortest headline on a tie: a headline cut short ("chris brown &
        # frank") repeats fewer words than the whole one, and one run on into the lead no more.
        if shared >= max(HEADLINE_SHARED, GLUED_SHARE * len(mine)) and shared > best_shared:
            best, best_shared = spans[p][0], shared
    return best


# A photo's credit ending the furniture a page prints between a caption and the next story's headline
# ("chip somodevilla/getty images "): a photographer and agency set off by a slash, or Getty's name.
_CREDIT = re.compile(r"(?:\S/\S+|getty(?:\s+images)?)\s*$", re.IGNORECASE)


def lead_after_headline(text: str, *, first: bool = True, after: str = "") -> int:
    """Where the lead starts after a headline run into it (:func:`glued_headline_end`) and the wire
    dateline that may follow the headline ("... gains 288,000 jobs washington ( ap ) — us ..."); 0 if
    there is no such headline. Read at a story's ``first`` sentence, or where the page furniture cut
    from the sentence's start (``after``) ends on a photo's credit (:data:`_CREDIT`: "... &#124; chip
    somodevilla/getty images | trump counterpunches ..."), where a page starts a story again; not
    after an advertisement's label, a bare "Photo" marker or a gallery's counter, which the middle of
    a story holds too."""
    if not first and not _CREDIT.search(after):
        return 0
    glued = glued_headline_end(text)
    return glued + dateline_end(text[glued:]) if glued else 0


# Another story's headline and its "Read more" link, run into the story where a page lost its
# markup: "Bad sex award 2016: the contenders in quotes read more de luca's win was announced ...".
# The headline is 4 to 25 words from the sentence's start (or after a sentence's end the splitter
# kept, "... on day one \u2013 live! read more even as ..."), with a headline's mark: a colon, an
# exclamation or question mark, or "Read more" capitalised inside the sentence after a word that is
# not (a surname: "chief executive Ian Read more recently ...", a review's probe). A headline tells in
# the present: a past or a relative clause before the link is prose ("Sales rose 5 percent: consumers
# read more e-books ...", "The verdict: children who own e-readers read more ..."). Prose also says
# "read more" after a subject or an auxiliary ("girls read more", "you can read more"), and before
# what one reads or how ("read more about", "read more than", "read more books").
_READ_MORE = re.compile(
    r"(?P<head>(?:^|(?<=[.!?]\s))[^.!?]*?(?:(?P<before>[^\s.!?]+)|[!?]))\s+(?P<link>read\s+more)\s+"
    r"(?=[\"\u201c\u2018']?\w)",
    re.IGNORECASE)
_HEAD_MARK = re.compile(r":\s|[!?]\s")
_HEAD_PROSE = re.compile(r"\b(?:who|which|that|whom|whose|[a-z]{3,}ed)\b", re.IGNORECASE)
_HEAD_WORDS = (4, 25)
#: Words before "read more" that make it prose: its subject or auxiliary.
_PROSE_BEFORE = frozenset((
    "to", "can", "could", "will", "would", "should", "may", "might", "must", "shall", "do", "does", "did",
    "don't", "doesn't", "didn't", "never", "not", "also", "always", "often", "now", "and", "or", "who",
    "that", "which", "i", "you", "we", "they", "he", "she", "it", "people", "readers", "girls", "boys",
    "children", "kids", "students", "women", "men", "americans", "cannot", "'ll", "'d", "ll", "d",
))
#: Words after "read more" that go on with it as a verb's ("read more about it", "than ever").
_PROSE_AFTER = frozenset((
    "about", "than", "of", "on", "here", "there", "at", "from", "by", "into", "widely", "often",
    "slowly", "carefully", "books", "news", "stories", "articles", "and", "or", "to", "with",
))
#: Fewest words of the story's sentence after the link.
_STORY_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def link_ends(text: str) -> list[int]:
    """Where a related story's headline and its "read more" link end inside ``text``, run into
    the story after them: a sentence ends there (the link stays with the headline, which is
    furniture; the story's sentence starts after it, still text the page printed).

    "Bad sex award 2016: the contenders in quotes read more de luca's win was announced ..."
    (3 sentences of Multi-News validation; none in DUC 2003). What it cannot tell: a headline with
    no mark of one ("Everything you need to know about the paris climate summit and un talks read
    more in january, ..." stays whole, and refused), and prose with a colon whose subject is a noun
    ("Poll: most people in the north read more in winter ..." is cut; news prints "read more" so
    rarely that DUC 2003 and MSRP's training split hold none).
    """
    if "read more" not in text.lower():
        return []
    out = []
    for m in _READ_MORE.finditer(text):
        head, before = m.group("head"), (m.group("before") or "").lower().strip("\"'\u201c\u201d")
        words = head.split()
        after = _SENTENCE_END.split(text[m.end():], maxsplit=1)[0].split()
        link = m.group("link")
        capital = link[0] == "R" and link[-4:] == "more" and not words[-1][:1].isupper()
        if (not (_HEAD_WORDS[0] <= len(words) <= _HEAD_WORDS[1]) or before in _PROSE_BEFORE
                or _HEAD_PROSE.search(head) or any(w.lower() in IRREGULAR_PAST for w in words)):
            continue
        if len(after) < _STORY_WORDS or after[0].lower().strip("\"'\u201c\u2018") in _PROSE_AFTER:
            continue
        if capital or _HEAD_MARK.search(head + " "):
            out.append(m.end())
    return out


_LINK_PIECE = re.compile(r"\bread\s+more\s*$", re.IGNORECASE)


def link_piece(piece: str) -> bool:
    """Whether ``piece`` is what :func:`link_ends` cut off: a headline ending on its "read more" link.
    A segmenter leaves it out, as it leaves out other page furniture (it is no sentence of the
    story, and would take a place among the story's first sentences)."""
    return _LINK_PIECE.search(piece) is not None
