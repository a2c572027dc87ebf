"""Whether a capitalised word after an abbreviation goes on the sentence (see :mod:`briefgen.text.sentences`).

Punkt cuts after an abbreviation or acronym when a frequent sentence starter
follows it capitalised ("the U.S. In June, ..."). Two kinds of text make
that capital a poor witness:

* Multi-News-style text capitalises every word after a full stop and writes
  names in lower case, so "g.m. Had conducted an internal review", "the u.s.
  And europe", "at 10: 30 a.m. And opened fire" and "refugees in the u.s. In
  the 2016 fiscal year will be reached monday" are each one sentence;
* an auxiliary that opens a question or an inversion ("Was it worth it?",
  "Had he stayed") is a starter in any text, but one followed by a
  lower-case word that is no subject continues a sentence in any text.

Text lower-cased whole, sentence starts too (:attr:`CaseStyle.lower_starts`),
has no capital to show where a sentence starts at all: there a full stop after
a word or a number ends its sentence before a lower-case word, unless a
quotation's speaker follows it (:func:`said_after`, :func:`number_stop`).

The word lists live in ``briefgen/data/punkt_en.json`` with the splitter's
others.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Set

from briefgen.text.datelines import WEEKDAY
from briefgen.text.words import words

__all__ = ["GLUED_WORD", "SPEECH_VERBS", "CaseStyle", "goes_on", "names_lower_cased", "number_stop",
           "said_after"]

#: A lower-case word glued to a full stop after a word that starts a new sentence in text that
#: writes names in lower case ("in the fight.police have cleared ...", "toured japan.in 2011"): a
#: regular expression. A word of one or two letters only when it is an English function word ("new
#: jersey.a litter of puppies", "home.i was told"; not a country's domain, "korea.kr", "tass.ru"); a
#: longer one unless it ends a web address or a file name ("politico.com", "report.pdf", "config.yaml").
GLUED_WORD = (r"(?:(?:a|i)(?=\s)|(?:he|we|in|it|at|on|as|by|if|no|so|to|an|my|up|us|or|do)\b"
              r"|(?!(?:com|org|net|gov|edu|info|biz|int|mil|html?|shtml|php|aspx?|jsp|cgi|pdf|jpe?g|png|gif"
              r"|svg|webp|mp[34]|mov|wav|xml|rss"
              r"|json|ya?ml|toml|txt|csv|log|zip|tar|exe|docx?|xlsx?|pptx?|news|online|app)\b)[a-z]{3,}\b)"
              r"(?![./@-])")

# A word and the one after it, and the next mark that may end a sentence.
_PAIR = re.compile(r"(\S+)\s+([^\s,;:\"'\u201c\u201d]+)")
_SENTENCE_END = re.compile(r"[.!?]")
_OPENERS = "\"'([{\u2018\u201c\u00ab"
_CLOSERS = "\"')]}\u2019\u201d\u00bb"
# Text whose words inside sentences are capitalised less often than this writes names in lower
# case (news prose capitalises 10-20 % of them; Multi-News's lower-cased pages under 1 %), judged
# on at least this many words, and only with a witness: a weekday, a month, "i" or a dotted
# acronym other than a time's or a Latin abbreviation's ("u.s.", "d.c.") written in lower case inside
# a sentence (prose about no one, with no name to capitalise, has none).
LOWER_SHARE = 0.02
LOWER_MIN_WORDS = 20
# Text that capitalises under this share of the words after a sentence's mark starts its sentences in
# lower case: news prose capitalises nearly all of them (a name after "Gen." or "U.S." too), text
# lower-cased whole none, Multi-News's pages all; set without data, halfway.
START_SHARE = 0.5
_WITNESS_WORDS = """
    monday tuesday wednesday thursday friday saturday sunday january february april june july august
    september october november december i i'm i've i'd i'll
"""
_LOWER_WITNESS = frozenset(_WITNESS_WORDS.split())
_LOWER_ACRONYM = re.compile(r"(?!(?:a\.m|p\.m|e\.g|i\.e)\.)(?:[a-z]\.){2,}")
# Verbs that name a speaker after a quotation ('"...?" Kim asked.').
SPEECH_VERBS = (r"(?:said|says|asked|asks|added|adds|wrote|writes|replied|told|shouted|exclaimed|noted|"
                r"recalled|continued|insisted|argued|warned)\b")
# In text lower-cased whole, a speaker after a quotation's full stop ('... accords." he said.', '...
# win." says the mayor') or "said" right after a stop ("sen. dick durbin, d-ill. said") ...
_SAID_AFTER = re.compile(r"(?:[\w'\u2019.-]+\s+){0,3}" + SPEECH_VERBS)
_SAID_NOW = re.compile(r"(?:said|says)\b")  # "asked about ...", "told of ..." may open a sentence
# ... and a number's full stop ends it ("age 25.", "2,124."; not "$2.5." or "3.5.").
_NUMBER_STOP = re.compile(r"(?<![\w.,$])\d[\d,]*\.\Z")
# A phrase opened by a preposition that reaches a comma within this many words is an opening
# phrase of a new sentence ("In response to the drug report, police ..."; "Of the 19 total
# countries they examined, the u.s. ..."; "In 2015, it lost ..."), unless the comma is a date's
# ("On oct 25, 2019", "On sunday, jan. 18", "On sunday, richmond police were called"). Read from
# the 20 such places in Multi-News validation.
PHRASE_WORDS = 8
_WEEKDAY = re.compile(WEEKDAY + ",$", re.IGNORECASE)
_DAY = re.compile(r"\d{1,2},$")
_YEAR = re.compile(r"(?:1[89]|20)\d\d\b")
# After a conjunction, a subject pronoun starts a clause of its own: "the u.s. And it spread".
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "there"})
# A relative pronoun after the abbreviation that ends a company's or a person's name goes on the
# clause before it, in text that capitalises every word after a full stop ("properties nyc, inc. Who
# represented laboz ..."); with capitals, "... at 5 p.m. Who called it remains unclear." is two.
_RELATIVES = frozenset({"who", "whom", "whose", "which"})
_NAME_ENDS = frozenset({"inc", "corp", "co", "ltd", "llc", "plc", "jr", "sr", "bros", "cos"})
# Abbreviations of a country or body that news uses before a noun ("u.s. officials", "the u.n.
# report"). Lower-cased text that capitalises every word after a full stop prints "by u.s.
# Officials and booked into ...": in Multi-News validation 156 such capitals follow these four,
# most of them inside a sentence.
_BEFORE_NOUNS = frozenset({"u.s.", "u.n.", "u.k.", "e.u."})
# Words that open a sentence after such an abbreviation ends one ("... in the u.s. According to
# bloomberg, ...", "... the u.s. Turns out, ..."): determiners, pronouns, connectives, sentence
# adverbs and the like; set without data, from English grammar.
_SENTENCE_OPENERS = frozenset(str.split(
    "the a an this that these those it its he she they we i you his her their our my your there here "
    "what when where why how who whom whose which according additionally however meanwhile moreover "
    "furthermore nevertheless instead still also then now today yesterday tomorrow yet but so turns "
    "if while although though because since unless once after before as not no yes one nor neither"))


def _date_comma(token: str, follower: str) -> bool:
    """Whether a comma after ``token`` is a date's: "25, 2019", "sunday, jan. 18", "On sunday, richmond police
    were called" (all five such places in Multi-News validation go on their sentence)."""
    return bool(_DAY.match(token) and _YEAR.match(follower) or _WEEKDAY.match(token))


def names_lower_cased(sentences: Iterable[str], limit: int = 200) -> bool:
    """Whether ``sentences`` (the first ``limit``), read as a whole, write names in lower case: their
    words after each sentence's first are capitalised under :data:`LOWER_SHARE` of the time (numbers
    not counted). :class:`CaseStyle` reads one text with its witnesses; this reads sentences already
    split, for the concepts, the subject line and the memo's speakers."""
    inside = capital = 0
    for text in itertools.islice(sentences, limit):
        toks = [t for t in words(text)[1:] if t[:1].isalpha()]  # a number has no case
        inside += len(toks)
        capital += sum(1 for t in toks if t[:1].isupper())
    return inside > 0 and capital < LOWER_SHARE * inside


class CaseStyle:
    """Whether a text writes names in lower case, worked out once, when first asked."""

    __slots__ = ("_counts", "_like", "_text")

    def __init__(self, text: str, like: CaseStyle | None = None) -> None:
        """``like``: the style of the document ``text`` is a part of, which a part too short to tell
        (under :data:`LOWER_MIN_WORDS` words inside its sentences) and with no capital letter at all
        takes for its own."""
        self._text = text
        self._like = like
        # (few capitals, a witness, sentences start in lower case), counted when first asked
        self._counts: tuple[bool, bool, bool] | None = None

    @property
    def few_capitals(self) -> bool:
        """Whether words inside sentences are capitalised under :data:`LOWER_SHARE` of the time, with
        or without a witness: a page that writes names in lower case, or one that names no one."""
        return self._count()[0]

    @property
    def lower(self) -> bool:
        """Whether the text writes names in lower case: :attr:`few_capitals`, and a witness in it or,
        for a part of a document (``like``), the whole document writing names in lower case: a
        paragraph whose only witness was a dateline's "n.c." cut off before it is still the same
        page's prose ("transvalue inc. Of miami reported ..." is one sentence). A cased page's one
        lower-case witness (a tweet's "i") does not make its paragraphs lower-cased."""
        few, witness, _ = self._count()
        return few and (witness or (self._like is not None and self._like.lower))

    @property
    def lower_starts(self) -> bool:
        """Whether the text is lower-cased whole, its sentences' first words too: :attr:`few_capitals`,
        its first word in lower case, and of its first word and the words after a full stop, question
        or exclamation mark (one at least), under :data:`START_SHARE` capitalised (a word after an
        abbreviation counts too, so cased prose that names no one and abbreviates twice, "12 in. by 8
        in. and ...", is told by its first word). Such text marks where a sentence ends by the stop alone."""
        if self._counts is None and self._like is None and not self._opens_lower():
            return False  # the answer without counting the whole text: most text opens with a capital
        return self._count()[2]

    def _opens_lower(self) -> bool:
        """Whether the word :meth:`_count` takes for the text's first is in lower case (False if none)."""
        mark = "."
        for token in self._text.split():
            core = token.lstrip(_OPENERS)
            if core[:1].isalpha() and mark in (".", "!", "?"):
                return core[0].islower()
            mark = token.rstrip(_CLOSERS)[-1:] or mark
        return False

    def _count(self) -> tuple[bool, bool, bool]:
        if self._counts is None:
            inside = capital = starts = capital_starts = 0
            witness = False
            first = ""  # the text's first word
            mark = "."  # what the word before ended on: after a sentence mark, a capital says nothing
            for token in self._text.split():
                core = token.lstrip(_OPENERS)
                if core[:1].isalpha() and mark not in (".", "!", "?", ":"):
                    inside += 1
                    capital += core[0].isupper()
                    witness = (witness or core.rstrip(_CLOSERS + ",;:.!?") in _LOWER_WITNESS
                               or _LOWER_ACRONYM.fullmatch(core.rstrip(_CLOSERS + ",;:")) is not None)
                elif core[:1].isalpha() and mark != ":":
                    first = first or core
                    starts += 1
                    capital_starts += core[0].isupper()
                mark = token.rstrip(_CLOSERS)[-1:] or mark  # a lone closing mark keeps the mark before
            if inside < LOWER_MIN_WORDS and self._like is not None and not any(map(str.isupper, self._text)):
                self._counts = self._like._count()
                return self._counts
            few = inside >= LOWER_MIN_WORDS and capital < LOWER_SHARE * inside
            self._counts = (few, witness, few and first[:1].islower() and starts >= 2
                            and capital_starts < START_SHARE * starts)
        return self._counts


def goes_on(text: str, nxt: int, case: CaseStyle, *, auxiliaries: Set[str], subjects: Set[str],
            conjunctions: Set[str], prepositions: Set[str], abbreviation: str = "") -> bool:
    """Whether the capitalised word at ``nxt``, right after an abbreviation, continues its sentence.

    An auxiliary does when the word after it is lower-case, undotted and none
    of ``subjects``, and the next mark is not "?"; so does a relative pronoun
    after a name's "inc." or "jr." in lower-cased text ("properties nyc, inc.
    Who represented ..."). In text that writes names
    in lower case (``case``), a conjunction does, and so does a preposition
    whose phrase reaches no comma within :data:`PHRASE_WORDS` words (a comma
    of a date does not count); and after a country's or body's abbreviation
    (``abbreviation`` "u.s.", "u.n.", "u.k.", "e.u."), any word that does not
    open sentences (determiners, pronouns, connectives, adverbs in "-ly") and
    no comma right after it ("by u.s. Officials and booked ...").
    """
    pair = _PAIR.match(text, nxt)
    if pair is None:
        return False
    if _in_brackets(text, nxt):
        return True
    word, after = pair.group(1).lower(), pair.group(2)
    relative = word in _RELATIVES and case.few_capitals and abbreviation.lower().rstrip(".") in _NAME_ENDS
    if word in auxiliaries or relative:
        if not after.islower() or "." in after or after in subjects:
            return False
        end = _SENTENCE_END.search(text, pair.end())
        return end is None or end.group(0) != "?"
    if (case.lower and abbreviation.lower() in _BEFORE_NOUNS and word not in conjunctions
            and word not in prepositions):
        return (word.isalpha() and word not in _SENTENCE_OPENERS and not word.endswith("ly")
                and not pair.group(1).endswith(","))
    if word not in conjunctions and word not in prepositions or not case.lower:
        return False
    if word in conjunctions:
        return after.lower() not in _PRONOUNS
    tokens = text[nxt: nxt + 200].split()[:PHRASE_WORDS]
    for k, token in enumerate(tokens):
        if token.rstrip(_CLOSERS)[-1:] in (".", "!", "?"):
            return True
        if token.endswith(","):
            follower = tokens[k + 1] if k + 1 < len(tokens) else ""
            if not _date_comma(token, follower):
                return False
    return True


#: How far a bracket around an abbreviation may open before it and close after it (characters):
#: an aside of a few words ("giulio fanti ( dept. Of industrial engineering, university of padua,
#: italy ), who ..."). Set without data: a line or two.
BRACKET_REACH = 120
_STOP_INSIDE = re.compile(r"[.!?][\s\"')\]]*\s")


def _in_brackets(text: str, nxt: int) -> bool:
    """Whether the word at ``nxt`` stands inside a round bracket opened shortly before and closed shortly
    after with no sentence's end between: an aside, which no sentence ends inside."""
    before = text[max(0, nxt - BRACKET_REACH):nxt]
    opened = before.rfind("(")
    if opened < 0 or before.rfind(")") > opened or _STOP_INSIDE.search(before, opened, len(before) - 1):
        return False
    close = text.find(")", nxt, nxt + BRACKET_REACH)
    return close >= 0 and "(" not in text[nxt:close] and _STOP_INSIDE.search(text, nxt, close) is None


def said_after(text: str, nxt: int, quoted: bool) -> bool:
    """Whether the words at ``nxt`` name who said what goes before: "said" or "says", or after a
    quotation (``quoted``) a speaker and a verb of saying within four words ("he said", "the mayor
    told"; a sentence may open on "asked about ..." or "told of ...").
    After a full stop in text lower-cased whole (:attr:`CaseStyle.lower_starts`) they go on its sentence."""
    return (_SAID_AFTER if quoted else _SAID_NOW).match(text, nxt) is not None


def number_stop(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends a number ("age 25. the sample ..."): in text lower-cased
    whole it ends the sentence, where Punkt, seeing a lower-case word next, reads none."""
    return _NUMBER_STOP.search(text, max(0, dot - 24), dot + 1) is not None
