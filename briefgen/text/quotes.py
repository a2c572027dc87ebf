"""How much of a sentence is someone's own words: the share of its words inside quotation marks.

News text writes its quotation marks many ways: typographic (“ ” and ‘ ’),
straight ("), TeX-style (`` ''), and in scraped or tokenised text set apart by
spaces (" it was pretty solid, " said feroli). Typographic and TeX marks say
which way they face; straight ones alternate, and the first of them closes a
quotation an earlier sentence opened when it follows a word or a stop with no
space ('We will win," he said.') or a comma or stop and a space with the
speaker after it ('we will win, " he said.') or nothing after it. A straight mark right after a
digit is inches (12"), no quotation mark. A typographic single mark opens at
‘ and closes at ’ with no letter after it (not an apostrophe: "it’s").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from briefgen.text.abbreviated import SPEECH_VERBS
from briefgen.text.datelines import MONTH
from briefgen.text.verbs import REPORTED

__all__ = ["OPENING_WORDS", "QUOTATION_REACH", "QUOTATION_SHARE", "TWEET_CHARS", "TWEET_DATE",
           "TITLE_WORDS", "asked_inside", "closes_quotation", "first_closes", "has_quote", "leaves_open",
           "middles", "opens_with_title",
           "quotation", "quote_count", "quoted_share", "tweet_ends", "spaced_tag", "unquoted_words"]

#: A sentence with at least this share of its words quoted is a quotation (so is one that opens
#: inside quotation marks, see OPENING_WORDS): more than half of it is someone's words, not the
#: reporter's. Set without data, as "mostly".
QUOTATION_SHARE = 0.5
#: Words a quotation that opens the sentence must hold to make it a quotation: fewer are a title
#: or a word in scare quotes ('"Frozen" became the highest-grossing ...'). Set without data: a
#: clause has a subject, a verb and more.
OPENING_WORDS = 3

#: Most words of a title or name in quotation marks that opens a sentence the writer goes on with
#: ('"Modern Family" creator Steven Levitan ...', '"Saturday Night Live" has staged ...'). Set
#: without data: as long as a show's, a film's or a book's title commonly runs.
TITLE_WORDS = 5

# A sentence's first quoted span with no stop or comma before its closing mark, then the next word.
# The span holds a word: marks around nothing but spaces are no title.
_TITLE_STOPS = r"\"\u201c\u201d.,!?;:"
_TITLE_FIRST = re.compile(r"\s*(?:\u201c|``|\")\s*"
                          r"(?P<title>[^\s" + _TITLE_STOPS + "][^" + _TITLE_STOPS + r"]*?)"
                          r"\s*(?:\u201d|''|\")\s+(?P<next>[^\W\d_][\w'\u2019-]*)")
# A pronoun right after the closing mark is a speaker ('"Nonsense" he said'); a verb of saying there is
# one of the attributions _ATTRIBUTED finds.
_PRONOUN_NEXT = re.compile(r"(?:he|she|they|it|i|we|you|who)$", re.IGNORECASE)
# A quoted span that opens on a pronoun or a demonstrative is someone's words ('"It was a mistake"
# ...', '" they lied to us " ...'), not a title.
_SPOKEN_FIRST = re.compile(r"(?:it|this|that|these|those|there|he|she|they|we|i|you)(?:['\u2019]\w+)?$",
                           re.IGNORECASE)
# An attribution within the first words after the closing mark ('" we have a deal " announced the
# prime minister', '"..." one user wrote'): the span was a quotation. Set without data: a speaker of
# two words and a verb; a fourth would take '"The Daily Show" host Jon Stewart said ...'.
_ATTRIBUTED = re.compile(r"\b(?:" + SPEECH_VERBS + r"|(?:tweeted|tweets|posted|posts|announced|announces"
                         r"|declared|declares|insists|told|tells|explained|according)\b)", re.IGNORECASE)
_ATTRIBUTION_WORDS = 3
# Words the sentence must go on for after a title: an attribution ("..." said Smith.) is shorter.
_AFTER_TITLE = 4


_MARK = re.compile(r"\u201c|``|\u201d|''|\u2018|\u2019(?![^\W\d_])|(?<!\d)\"")
_OPENING = frozenset(["\u201c", "``", "\u2018"])
_CLOSING = frozenset(["\u201d", "''", "\u2019"])
_WORD = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*")
# A straight mark that closes: right after a word or a stop with no space, or after a comma or stop
# and a space with its speaker after it ('..., " page said').
_CLOSES_AFTER = re.compile(r"[^\W_]$|[.,!?;:]$")
_SPACED_CLOSE = re.compile(r"[,.!?]\s+$")
#: A quotation counts as running over the sentences after its opening only when the next sentence
#: with a quotation mark closes it within this many sentences: set without data, for news, where a
#: quotation runs to a few sentences; a stray or missing mark (inches, a scare quote the page lost)
#: then misreads a few sentences at most, not the article.
QUOTATION_REACH = 4
# A straight mark that opens a quotation after its speaker: after a colon, or a verb of saying and
# maybe a comma ("ocean tweeted " got jumped by chris ...", "he said: "we ...", "obama said, "we
# ..."), or after a full stop the splitter passed over ('..., " he said. "We will ...'). After a
# comma alone it may close one ("rights, " page said").
_OPENS_AFTER = re.compile(r"(?::|[.!?]|\b(?:said|says|told|tells|added|adds|wrote|writes|tweeted|posted"
                          r"|asked|asks|declared|stated|announced|replied|explained|continued|recalled|warned"
                          r"|insisted),?)\s*$", re.IGNORECASE)
_STRAIGHT = re.compile(r'(?<!\d)"')
# Quotation marks in ASCII, typographic and TeX forms.
_QUOTE_MARKS = ('"', "\u201c", "\u201d", "``", "''")
# A statement issued or posted and printed after a colon without quotation marks ("American airlines
# posted a statement to facebook: american airlines is happy to announce that jack the cat has been
# found ...", "Richmond police have issued a statement: at approximately 6: 53 p.m. ..."): 3
# pages of Multi-News validation, none in DUC 2003 (from an analyst's reading of Multi-News memos).
_STATEMENT_WITHOUT_MARKS = re.compile(
    r"\b(?:(?:issued|posted|released|put out|published|sent)\s+(?:a|an|the|this|its|his|her|their)\s+"
    r"(?:[\w-]+\s+){0,2}(?:statement|message|note|post|letter|notice)(?:\s+(?:to|on|in)(?:\s+[\w.'-]+){1,3})?"
    r"|(?:said|says)\s+in\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}statement|writes|wrote)\s*:\s+\w",
    re.IGNORECASE)
# An embedded tweet's signature after its words: a dash, the name, the handle in brackets, with the
# tweet's date after it or its link before it ("... not a level playing field! — donald j. Trump (
# @realdonaldtrump ) april 2, 2018", "... https://t.co/6w7bdeo40r — paul ryan ( @speakerryan )"); not
# an author's sign-off ("— jane doe ( @janedoe )") nor a page's "— >> follow ken meyer ( @kenmeyer91 )".
#: The date an embedded tweet's signature prints after the handle ("april 2, 2018"): a regular
#: expression, read case-blind, that marks an embedded tweet here and in the page furniture test
#: (:func:`briefgen.select.furniture.run_in`).
TWEET_DATE = MONTH + r"\s+\d{1,2},\s+(?:19|20)\d\d"
_TWEET_SIGNATURE = re.compile(
    r"(?:^|\s)(?:\u2014|\u2013|--?)\s+(?![\u2014\u2013-]|>>|follow\b)"
    r"[^()\u2014\u2013]{1,60}?\(\s*@\w{1,15}\s*\)"
    r"(?P<date>\s+" + TWEET_DATE + ")?",
    re.IGNORECASE)
# A word (or a quotation opening) after white space: the story going on after a tweet's signature.
_WORD_AFTER = re.compile(r"\s+[\"\u201c]?\w")
_TWEET_LINK = re.compile(r"(?:pic\.twitter\.com|t\.co)/\S+\s+(?:\u2014|\u2013|--?)\s", re.IGNORECASE)
# A sentence that introduces a tweet, or any sentence of the reporter's that says who said what: the
# tweet's words start after it ("Ryan cheered on twitter.", "Here's a tweet by house speaker ...").
_TWEET_INTRO = re.compile(r"\b(?:twitter|tweet(?:s|ed)?|wrote|writes|posted|said|says|told)\b|:\s*$",
                          re.IGNORECASE)
#: A sentence that starts within this many characters before a tweet's signature is the tweet's,
#: not the reporter's: 140, what a tweet held until November 2017 (280 since). With 280, the
#: reporter's sentence before a short tweet was taken for its words (in 2 of the 11 Multi-News
#: validation pages that embed tweets); with 140, a longer tweet's first sentences are missed. A
#: sentence that introduces the tweet or reports who said something ends the search.
TWEET_CHARS = 140
_SPEAKER_NEXT = re.compile(r"\s+(?:[\w.'-]+\s+){0,3}(?:said|says|told|added|adds|explained|wrote)\b",
                           re.IGNORECASE)


# A quotation mark opening a sentence and the words after it, up to a question mark; and the words after
# the question mark up to a comma and a mark that close the quotation ('..., " said'), both without a stop
# or another mark.
_OPENED = re.compile(r"(?:^|[.!?]\s)\s*[\"\u201c][^\"\u201c\u201d.!?]*$")
_CLOSED = re.compile(r"[^\"\u201c\u201d.!?]*,\s?[\"\u201d]")


def asked_inside(text: str, end: int) -> bool:
    """Whether the question mark just before ``end`` is asked inside a quotation that opens its sentence and
    closes before the next stop: '" how could you do this? all you had to do was watch a dog, " said a
    caller.' is one sentence of the speaker's, whose second half does not read alone."""
    opened = _OPENED.search(text, max(0, end - 400), end - 1) is not None
    return opened and _CLOSED.match(text, end) is not None


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
    a deal.'``, ``'Relatives were " devastated ", they said.'``, ``'"Frozen"
    became the highest-grossing film.'`` and ``'"Netflix and Chill" is a case of semantic
    drift.'`` (a title, :func:`opens_with_title`) are not.
    """
    flags = _quoted(text)
    if not flags:
        return False
    if sum(flags) >= QUOTATION_SHARE * len(flags):
        return True
    opening = 0
    for flag in flags:
        if not flag:
            break
        opening += 1
    return opening >= OPENING_WORDS and not opens_with_title(text)


def opens_with_title(text: str) -> bool:
    """Whether a sentence opens with a title or a name in quotation marks, not with a quotation.

    Its first quoted span holds at most :data:`TITLE_WORDS` words, none a pronoun first, and no stop
    or comma before the closing mark, and the sentence goes on for at least four words that do not
    attribute it (no pronoun next, no verb of saying within three words): '" modern family "
    creator steven levitan summed up ...' and '"Blood Sport" is about far more than ...' do;
    '"Nonsense," he said.', '"We will win" said Smith.', '"It was a mistake" Carlsson said on
    Tuesday.' and '" we have a deal " announced the prime minister on tuesday.' do not.
    """
    m = _TITLE_FIRST.match(text)
    if m is None or len(title := m.group("title").split()) > TITLE_WORDS:
        return False
    if _PRONOUN_NEXT.match(m.group("next")) or _SPOKEN_FIRST.match(title[0]):
        return False
    rest = text[m.start("next"):].split()
    return len(rest) >= _AFTER_TITLE and not _ATTRIBUTED.search(" ".join(rest[:_ATTRIBUTION_WORDS]))


def _closes(text: str, at: int, end: int) -> bool:
    """Whether the straight mark at ``at`` (ending at ``end``) closes a quotation opened earlier."""
    before = text[:at]
    if before and not before[-1].isspace():
        return _CLOSES_AFTER.search(before) is not None
    # Spaced out after a comma or stop: closing before its speaker, or at the sentence's end.
    return _SPACED_CLOSE.search(before) is not None and (
        _SPEAKER_NEXT.match(text, end) is not None or not text[end:].strip(" .,;:!?)]'\u2019"))


def first_closes(text: str, after_open: bool = False) -> bool:
    """Whether a sentence's first straight double mark closes a quotation an earlier sentence opened.

    ``'I've always supported him, " said the former leading lady.'`` (the
    quotation opened a sentence before) does; ``'He said " we agree. "'`` and
    ``'"Frozen" became a hit.'`` do not, nor does a mark after its speaker
    (``'Officials said, " police told us nothing. "'``: :data:`_OPENS_AFTER`).

    ``after_open``: the sentences before left a quotation open. A mark spaced out after a comma then
    closes whatever follows it: alone it may open a quotation as well as close one ('In a statement,
    " we will ...' opens), after an open one it closes ('... make it different. But now we have this
    opportunity ..., " an emotional morgan miller told ...', Multi-News 00280, whose last mark had
    gone to the next sentence as its first).
    """
    m = _STRAIGHT.search(text)
    if m is None or _OPENS_AFTER.search(text, 0, m.start()) is not None:
        return False
    if _closes(text, m.start(), m.end()):
        return True
    return after_open and _AFTER_COMMA.search(text, 0, m.start()) is not None


def quote_count(sentence: str, after_open: bool = False) -> int:
    """How many straight double marks ``sentence`` holds as quotation marks, the first counted twice
    when it closes a quotation an earlier sentence opened (:func:`first_closes`, with ``after_open``).
    A mark right after a digit is an inch's ('Snow fell 12".'), not a quotation's: counted, it left a
    quotation open for the sentences after it (a review's probe)."""
    return len(_STRAIGHT.findall(sentence)) + first_closes(sentence, after_open)


# A comma and white space just before a mark.
_AFTER_COMMA = re.compile(r",\s+$")


@lru_cache(maxsize=65536)
def _quoted(text: str) -> tuple[bool, ...]:
    """For each word of ``text``, whether it stands inside quotation marks."""
    words = [m.start() for m in _WORD.finditer(text)]
    marks = list(_MARK.finditer(text))
    if not words or not marks:
        return tuple(False for _ in words)
    first = marks[0]
    mark = first.group()
    # Inside from the start when the first mark faces backwards: a quotation an earlier sentence opened.
    inside = mark in _CLOSING or (mark == '"' and _closes(text, first.start(), first.end()))
    spans: list[tuple[int, int]] = []
    start = 0
    for m in marks:
        mark = m.group()
        if not inside and (mark in _OPENING or mark == '"'):
            inside, start = True, m.end()
        elif inside and (mark in _CLOSING or mark == '"'):
            inside = False
            spans.append((start, m.start()))
    if inside:
        spans.append((start, len(text)))
    return tuple(any(a <= w < b for a, b in spans) for w in words)


def unquoted_words(text: str) -> list[str]:
    """The words of ``text`` that stand outside quotation marks: the writer's own."""
    flags = _quoted(text)
    return [m.group() for m, inside in zip(_WORD.finditer(text), flags, strict=True) if not inside]


def has_quote(text: str) -> bool:
    """Whether a sentence holds a quotation mark of any form."""
    return any(q in text for q in _QUOTE_MARKS)


@lru_cache(maxsize=65536)
def leaves_open(text: str) -> bool:
    """Whether a sentence opens a quotation and leaves it open: the next sentences are its speaker's words.

    Typographic and TeX marks: more opening than closing. Straight marks
    (inches left out): the last one opens, by the count (odd, or even when the
    first closes a quotation an earlier sentence opened: 'Consolation is
    enough," he said. "We will ...'), and it opens the sentence or follows its
    speaker or a full stop ("ocean tweeted " got jumped by chris and a couple
    guys."), with words after it.
    """
    body = text.strip()
    if body.count("\u201c") + body.count("``") > body.count("\u201d") + body.count("''"):
        return True
    straight = [m.start() for m in _STRAIGHT.finditer(body)]
    if not straight:
        return False
    first_closes = _closes(body, straight[0], straight[0] + 1)
    if (len(straight) + first_closes) % 2 == 0:
        return False
    last = straight[-1]
    if not any(ch.isalpha() for ch in body[last + 1:]):
        return False
    return last == 0 or _OPENS_AFTER.search(body, 0, last) is not None


def closes_quotation(text: str) -> bool:
    """Whether a sentence closes a quotation an earlier sentence left open.

    Typographic and TeX marks: more closing than opening. Straight marks: an
    odd count, so its first mark closes ('Cut my finger now ... grammys. "').
    A sentence whose marks pair up ('Officials called the damage "vast".')
    quotes words of its own.
    """
    opening = text.count("\u201c") + text.count("``")
    closing = text.count("\u201d") + text.count("''")
    if opening or closing:
        return closing > opening
    return len(_STRAIGHT.findall(text)) % 2 == 1


def middles(texts: Sequence[str]) -> list[bool]:
    """Per sentence of one article, in order: whether it is the middle of a quotation of several sentences.

    ``ocean tweeted " got jumped by chris and a couple guys. Lol. I only wish
    everest was there. Cut my finger now ... grammys. "``: the splitter makes
    four sentences of one tweet, and the middle ones, with no mark of their
    own, read as the writer's statements. A sentence is such a middle when it
    has no quotation mark, the nearest sentence before it with one leaves a
    quotation open (:func:`leaves_open`), and the nearest after it with one
    closes it (:func:`closes_quotation`), both within :data:`QUOTATION_REACH`
    sentences.

    So is a sentence of a tweet the page embeds without marks, before its
    signature ("... Verified: macarthur amendment strengthens ahca, protects
    people with pre-existing conditions. https://t.co/... — paul ryan (
    @speakerryan )"): one that starts at most :data:`TWEET_CHARS` characters
    before the signature, in the sentences up to it.

    So is a sentence that follows, within :data:`QUOTATION_REACH` sentences
    and with no quotation mark or verb of saying between, one that prints a
    statement after a colon without marks ("American airlines posted a
    statement to facebook: american airlines is happy to announce ... Jack was
    found in the customs room ..."): where such a statement ends, the page
    does not say; a sentence that names who said something is the reporter's.
    """
    tweeted = _tweets(texts)
    marked = [has_quote(t) for t in texts]
    # Sentences that print a statement without marks: a colon first, the pattern only then.
    statements = [k for k, t in enumerate(texts) if ":" in t and _STATEMENT_WITHOUT_MARKS.search(t)]
    reported = [REPORTED.search(t) is not None for t in texts] if statements else []
    out: list[bool] = []
    for k in range(len(texts)):
        if tweeted[k] or marked[k]:
            out.append(tweeted[k])
            continue
        before = next((j for j in range(k - 1, max(k - 1 - QUOTATION_REACH, -1), -1) if marked[j]), None)
        after = next((j for j in range(k + 1, min(k + 1 + QUOTATION_REACH, len(texts))) if marked[j]), None)
        start = max(k - QUOTATION_REACH, (before if before is not None else -1) + 1)
        stated = bool(statements) and not reported[k] and any(
            start <= j < k and not any(reported[j + 1:k]) for j in statements)
        out.append(stated or (before is not None and leaves_open(texts[before]) and (
            closes_quotation(texts[after]) if after is not None else _cut_off(texts, before))))
    return out


def _cut_off(texts: Sequence[str], before: int) -> bool:
    """Whether the sentences after ``before`` lie in a quotation that it opens and the text's end cuts
    off: no sentence after it has a quotation mark, the end comes within :data:`QUOTATION_REACH`
    sentences of the opening, and no sentence after the opening reports someone saying or writing
    something (the reporter's, after a stray mark: '" police say the texas judge ...' then '...,
    rockport police told the associated press.').

    Multi-News validation's texts are cut short ('clinton said, "there's a lot of memories that people
    have. They're in the dna. People remember mob violence that lead to lynching, ...').
    """
    return len(texts) - 1 - before <= QUOTATION_REACH and not any(
        REPORTED.search(t) or _SAYING.search(t) for t in texts[before + 1:])


# Verbs of saying and writing besides :data:`~briefgen.text.verbs.REPORTED`'s: "..., police say."
_SAYING = re.compile(r"\b(?:say|wrote|writes|write|reported|reports|report)\b", re.IGNORECASE)


def tweet_ends(text: str) -> list[int]:
    """Where an embedded tweet's dated signature ends inside ``text``: a sentence ends there.

    A page without markup runs the story on after the tweet ("... — donald j. Trump (
    @realdonaldtrump ) april 2, 2018 we addressed the closing of retailers ..."): the story's sentence
    starts after the date, the tweet's words and signature stay a sentence of their own (11 pages'
    sentences of Multi-News validation, none in DUC 2003).
    """
    found = _TWEET_SIGNATURE.finditer(text) if "@" in text else ()
    return [m.end() for m in found if m.group("date") and _WORD_AFTER.match(text, m.end())]


def _tweets(texts: Sequence[str]) -> list[bool]:
    """Per sentence: whether it is a tweet's words, before the signature a later sentence prints."""
    out = [False] * len(texts)
    signs = {}
    for k, t in enumerate(texts):
        if "@" in t and (m := _TWEET_SIGNATURE.search(t)) and (m.group("date") or _TWEET_LINK.search(t)):
            signs[k] = m
    for j, sign in signs.items():
        reach = TWEET_CHARS - sign.start()  # what the tweet may hold before the sentence that signs it
        k = j - 1
        while (k >= 0 and k not in signs and not out[k] and reach >= len(texts[k]) + 1
               and not _TWEET_INTRO.search(texts[k])):
            reach -= len(texts[k]) + 1
            out[k] = True
            k -= 1
    return out


# A speaker's tag after a quotation whose closing mark the text spaced apart ('" did he have a debt? "
# clinton asked.', '" freedom for cuba now! " cain replied and ...'): a speaker of up to five words
# and a verb of saying. Not a tag: a speaker who introduces the next quotation ('... ally? " said
# gibbs: " there are times ..."'), a clause on what was asked ('" is he our ally? " asked about the
# deal, gibbs declined ...'), nor "said" with a clause of its own ('... " who pays? " officials said
# the state would.'), nor a reply to the quotation ('"who is the president of uzbekistan? " cain
# responded not only by ...'). From Multi-News 00012, 00102 and 00112 (an analyst's reading) and a
# reviewer's probes.
# Verbs of saying the splitter reads after a quotation, and a few more a tag writes after a cry.
_TAG_VERBS = r"(?:" + SPEECH_VERBS + r"|(?:exclaims|screamed|yelled|quipped|wondered|cried|joked|tweeted)\b)"
# Both read from just after the mark, over the white space that parts it from the tag.
_SPACED_TAG = re.compile(r"\s*(?:[\w'\u2019.-]+\s+){0,5}" + _TAG_VERBS, re.IGNORECASE)
_NOT_TAG = re.compile(
    r"\s*(?:(?:[\w'\u2019.-]+\s+){0,4}(?:said|says|told)\b(?:\s+[\w'\u2019.-]+){0,3}\s*:(?!\d)"
    r"|(?:asked|told|pressed|questioned)\s+(?:about|whether|if|why|how|what|when|where|of|for|on)\b"
    r"|(?:[\w'\u2019.-]+\s+){0,4}(?:said|says)\s+(?:that|he|she|they|it|we|i|you|the|a|an)\b)",
    re.IGNORECASE)
# How far back straight marks are counted to tell a closing mark from an opening one.
_MARK_REACH = 1000


def spaced_tag(text: str, mark: int) -> bool:
    """Whether the quotation mark at ``mark``, spaced apart from the words before and after it, closes
    a quotation and a speaker's tag follows it (see :data:`_SPACED_TAG`). A straight mark closes after an
    odd number of straight marks on its line (read back :data:`_MARK_REACH` characters at most); after
    an even number it opens the next sentence's quotation ('... run? " my mother told me to, " she said.')."""
    if text[mark:mark + 1] not in ('"', "\u201d") or not text[mark + 1:mark + 2].isspace():
        return False
    if text[mark] == '"':
        start = max(text.rfind("\n", 0, mark) + 1, mark - _MARK_REACH)
        if len(_STRAIGHT.findall(text, start, mark)) % 2 == 0:
            return False
    return _SPACED_TAG.match(text, mark + 1) is not None and _NOT_TAG.match(text, mark + 1) is None
