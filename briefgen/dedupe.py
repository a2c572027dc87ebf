"""Cross-source deduplication: sentences that report one statement become one fact.

Every sentence is reduced to :class:`Terms`: its content words, Porter-stemmed
and cut to a five-letter prefix, with name spellings folded by
:func:`briefgen.names.name_key`, a few place-name aliases ("South Korea",
"ROK", "Seoul" and "Korea" are one term) and a small table of news
paraphrases ("significant"/"meaningful", "analysis"/"testing"). Two sentences
state the same fact when :func:`same_fact` says so: the shorter one's weighted
terms are found in the longer one, as a whole and within one stretch of it
(a long sentence may carry other statements too), and no veto applies:
different named speakers, two values for one quantity, or a different actor
or action in a sentence that opens with a titled person.

:func:`cluster` weighs terms by inverse document frequency over the batch,
finds candidate pairs with a sparse product of each sentence's rarest terms
against every sentence's terms (never all pairs), scores the candidates on whole
arrays where it can (exactly as pair by pair), and merges greedily from the
strongest pair down. Two groups merge only when most of the pairs across them
match, so one sentence that touches two statements cannot chain them into one
fact. The representative is the member the others back best, marked down for
opening with a pronoun or being a fragment.
"""

from __future__ import annotations

import gc
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import count, repeat
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from briefgen.model import Fact, Sentence, Source
from briefgen.names import is_syllable, join_name_parts, name_key
from briefgen.text import CALENDAR_WORDS, MONTH_ABBREVIATIONS, STOPWORDS, fold, stem, words

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "THRESHOLD",
    "Terms",
    "Token",
    "cluster",
    "common_words",
    "independent_groups",
    "match_score",
    "quantity_unit",
    "same_fact",
    "similarity",
    "term_weights",
    "terms",
    "tokens",
]

log = logging.getLogger(__name__)

_T = TypeVar("_T")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that say who spoke or hold a title: every outlet words them
# differently, and they say nothing about what was stated.
_FILLER = _wordset(
    """
    said say says saying stated state states told tell added adding noted noting explained
    emphasized emphasised emphasizing stressed remarked continued responded according
    announced mr ms president prime minister also however notably particular
    make makes made making able truly really conduct conducted occasion including
    such well even
    """
)

# A small table of general news paraphrases, applied to lower-case words
# before stemming.
_SYNONYMS = {
    "significant": "meaningful",
    "substantial": "meaningful",
    "analysis": "testing",
    "analyses": "testing",
    "analyze": "testing",
    "analyse": "testing",
    "tests": "testing",
    "test": "testing",
    "decided": "agreed",
    "decide": "agreed",
    "agreeing": "agreed",
    "agree": "agreed",
    "underwater": "undersea",
    "consultations": "talks",
    "consultation": "talks",
    "talk": "talks",
    "bodies": "remains",
    "step": "progress",
    "killed": "died",
    "kill": "died",
    "drowned": "died",
    "die": "died",
    "deaths": "died",
    "scams": "fraud",
    "scam": "fraud",
    "transnational": "international",
    "crimes": "crime",
    "excavated": "discovered",
    "found": "discovered",
    "unearthed": "discovered",
    "simplifying": "simplify",
    "streamlining": "simplify",
    "streamline": "simplify",
    "processes": "procedures",
    "process": "procedures",
    "greater": "higher",
    "heights": "level",
    "performed": "play",
    "perform": "play",
    "played": "play",
}

# Multi-word names that stand for one place, matched on lower-case tokens.
_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("republic", "of", "korea"), "Korea"),
    (("south", "korea"), "Korea"),
    (("south", "korean"), "Korea"),
    (("north", "korea"), "NKorea"),
    (("north", "korean"), "NKorea"),
    (("united", "states"), "US"),
    (("u.s",), "US"),
    (("rok",), "Korea"),
    (("dprk",), "NKorea"),
    (("america",), "US"),
    (("claimed", "the", "lives", "of"), "died"),
    (("sino",), "China"),
    # Capitals standing for their countries, as news copy uses them.
    (("seoul",), "Korea"),
    (("tokyo",), "Japan"),
    (("beijing",), "China"),
    (("washington",), "US"),
    (("pyongyang",), "NKorea"),
    (("moscow",), "Russia"),
    (("taipei",), "Taiwan"),
)

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SPELLED = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
}
_TIME_UNITS = frozenset({"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
                         "month", "months", "year", "years"})
_PREFIX = 5
_WORD_PREFIX = 5

# The same-fact decision (tuned on tests/data/pairs.json; bench/dedupe.py prints the
# figures): a match_score of at least THRESHOLD with at least _MIN_SHARED shared terms.
THRESHOLD = 0.52
_MIN_SHARED = 4
_LOCAL_WEIGHT = 0.4
_DEFAULT_IDF = 1.0
# In clustering, a pair whose lower bound clears the threshold by this much is
# not scored exactly (its exact score only orders it among sure matches).
_SURE_MARGIN = 0.2


@dataclass(frozen=True, slots=True)
class Terms:
    """What deduplication compares in one sentence.

    Attributes:
        seq: Folded content terms in sentence order.
        bag: The same terms as a set.
        numbers: Quantities stated (not years), each as (value, unit term).
        speakers: Name keys of whoever the sentence says spoke ("Lee said").
        lead: For a sentence that opens with a titled person ("President Lee
            delivers ..."), that person's key and the first content word
            after the name (its verb); otherwise empty.
        key: Exact-copy key: the lower-cased letters and digits only.
    """

    seq: tuple[str, ...]
    bag: frozenset[str]
    numbers: frozenset[tuple[str, str]]
    speakers: frozenset[str]
    lead: tuple[str, ...]
    key: str

    @property
    def bigrams(self) -> frozenset[tuple[str, str]]:
        """Adjacent term pairs: evidence of shared wording, not just shared words."""
        return frozenset(zip(self.seq, self.seq[1:], strict=False))


_TITLES = _wordset(
    """
    president prime minister director adviser advisor spokesperson spokesman spokeswoman
    secretary chancellor governor mayor senator ambassador chairman chairwoman chief king
    queen mr mrs ms dr lawmaker premier general
    """
)
_PRONOUNS = _wordset("he she it they this that these those his her its their we i")
_REPORTING = _wordset(
    """
    said says stated told added noted explained emphasized emphasised stressed remarked
    responded announced welcomed described proposed praised urged warned insisted argued
    claimed asserted reiterated
    """
)


_HYPHENS = re.compile("[-\u2010\u2011]")
# What the exact-copy key drops: everything but lower-case letters and digits.
_NOT_KEY = re.compile(r"[^0-9a-z]+")
# A lower-case word (or a lower-case part of a hyphenated one).
_LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-z]+(?![^\W\d_])")


@lru_cache(maxsize=65536)
def _hyphenated(word: str) -> tuple[tuple[str, bool], ...] | None:
    """A hyphenated word's tokens: a given name whole, anything else split.

    ``None`` when the word has no inner hyphen.
    """
    parts = [p for p in _HYPHENS.split(word) if p]
    if len(parts) < 2:
        return None
    if word[0].isupper() and join_name_parts(parts):
        return ((word, True),)
    return tuple((p, p[0].isupper()) for p in parts)


_syllable = lru_cache(maxsize=65536)(is_syllable)


def _raw_tokens(text: str) -> list[tuple[str, bool]]:
    """Word tokens with given names joined and other hyphenated words split.

    Returns (token, capitalised) pairs; a joined given name keeps its hyphen
    so :func:`name_key` sees its syllables.
    """
    toks = words(text)
    caps = [w[0].isupper() for w in toks]
    hyphens = "-" in text or "\u2010" in text or "\u2011" in text
    if not hyphens and _THREE_CAPS not in bytes(caps):
        return list(zip(toks, caps, strict=True))  # nothing to join or split
    out: list[tuple[str, bool]] = []
    last = len(toks) - 1
    i = 0
    while i <= last:
        w = toks[i]
        if hyphens and ("-" in w or "\u2010" in w or "\u2011" in w):
            split = _hyphenated(w)
            if split is not None:
                out.extend(split)
                i += 1
                continue
        # "Lee Jae Myung": two capitalised syllables after a capitalised
        # syllable (the surname) are one given name.
        if (
            0 < i < last
            and caps[i]
            and caps[i + 1]
            and caps[i - 1]
            and _syllable(toks[i - 1])
            and _syllable(w)
            and _syllable(toks[i + 1])
        ):
            out.append((f"{w}-{toks[i + 1]}", True))
            i += 2
            continue
        out.append((w, caps[i]))
        i += 1
    return out


_THREE_CAPS = bytes((True, True, True))


_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _repl in _PHRASES:
    _PHRASES_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _repl))


def _apply_phrases(toks: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    lower = [t.lower() for t, _ in toks]
    if _PHRASES_BY_FIRST.keys().isdisjoint(lower):
        return toks
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(toks):
        for phrase, repl in _PHRASES_BY_FIRST.get(lower[i], ()):
            n = len(phrase)
            if tuple(lower[i:i + n]) == phrase:
                out.append((repl, repl[:1].isupper()))
                i += n
                break
        else:
            out.append(toks[i])
            i += 1
    return out


def _number(tok: str) -> str | None:
    if not _NUMBER.fullmatch(tok):
        return None
    return tok.replace(",", "")


def _is_year(value: str) -> bool:
    return value.isdigit() and len(value) == 4 and 1800 <= int(value) <= 2100


def _is_name(tok: str, cap: bool) -> bool:
    low = tok.lower()
    return cap and low not in STOPWORDS and low not in _TITLES and low not in _FILLER


def _speakers(toks: Sequence[Token]) -> frozenset[str]:
    """Names next to a reporting verb: "Lee said", "said Lee", "Wi Sung-lack said"."""
    found: set[str] = set()
    lower = [t.text.lower() for t in toks]
    if _REPORTING.isdisjoint(lower):
        return frozenset()
    for i, low in enumerate(lower):
        if low not in _REPORTING:
            continue
        j = i - 1
        while j >= 0 and lower[j] in ("also", "then", "later", "however"):
            j -= 1
        if j >= 0 and lower[j] in _PRONOUNS:
            continue  # "He said": the speaker is not named here
        run: list[str] = []
        while j >= 0 and (toks[j][1] or lower[j] in _TITLES or (lower[j] == "and" and run)):
            if _is_name(toks[j][0], toks[j][1]):
                run.append(name_key(toks[j][0]))
            j -= 1
        if not run and i + 1 < len(toks):
            k = i + 1
            while k < len(toks) and lower[k] in _TITLES:
                k += 1
            while k < len(toks) and _is_name(toks[k][0], toks[k][1]):
                run.append(name_key(toks[k][0]))
                k += 1
        found.update(run)
    return frozenset(found)


def _lead(toks: Sequence[Token]) -> tuple[str, ...]:
    """(person key, verb) when the sentence opens with a titled person, else ()."""
    i = 0
    while i < len(toks) and not toks[i][1]:
        i += 1
    if i > 1:
        return ()
    titled = False
    person = ""
    j = i
    while j < len(toks) and (toks[j][1] or toks[j][0].lower() in ("and",)):
        low = toks[j][0].lower()
        if low in _TITLES:
            titled = True
        elif titled and not person and _is_name(toks[j][0], toks[j][1]):
            person = name_key(toks[j][0])
        j += 1
    if not (titled and person):
        return ()
    while j < len(toks):
        low = toks[j][0].lower()
        if low in _FILLER or low in _REPORTING:
            return ()
        if low not in STOPWORDS:
            return (person, stem(_SYNONYMS.get(low, low))[:_WORD_PREFIX])
        j += 1
    return ()


def _opens_name(toks: list[tuple[str, bool]]) -> bool:
    """Whether a sentence's first word is a name: "Takaichi welcomed", "Lee and Takaichi"."""
    if len(toks) < 2:
        return False
    nxt, cap = toks[1]
    return cap or nxt.lower() in _REPORTING or nxt.lower() == "and"


class Token(NamedTuple):
    """One word of a sentence as deduplication sees it (a named tuple: cheap to make).

    Attributes:
        text: The word as printed, a possessive "'s" removed; a joined given
            name keeps its hyphen ("Jae-myung").
        cap: Whether it is capitalised.
        term: Its folded content term, or ``None`` for a stop word, a filler
            word or a number.
        number: Canonical digits when the word is a quantity or a year
            ("1,500" gives "1500"; "three" before a time unit gives "3").
    """

    text: str
    cap: bool
    term: str | None
    number: str | None


@lru_cache(maxsize=131072)
def _token(tok: str, cap: bool, name: bool) -> Token:
    """One word as a :class:`Token`; ``name`` reads a capitalised word as a name."""
    low = tok.lower().replace("'", "")
    if low[:1].isdigit():
        value = _number(low)
        if value is not None:
            return Token(tok, cap, None, value)
    if low in STOPWORDS or low in _FILLER or not any(c.isalpha() for c in low):
        return Token(tok, cap, None, None)
    # Month and day names are words, not romanised names; abbreviations fold too.
    low = MONTH_ABBREVIATIONS.get(low, low) if cap else low
    if low in CALENDAR_WORDS:
        return Token(tok, cap, low[:_PREFIX], None)
    if name:
        return Token(tok, cap, name_key(tok)[:_PREFIX], None)
    return Token(tok, cap, stem(_SYNONYMS.get(low, low))[:_WORD_PREFIX], None)


def tokens(text: str, common: AbstractSet[str] = frozenset()) -> list[Token]:
    """The words of a sentence with their folded terms and numbers.

    Args:
        text: One sentence.
        common: Lower-case words the batch prints in lower case somewhere: a
            capitalised one ("Coal Mine") is then an ordinary word, not a name.
    """
    toks = _apply_phrases(_raw_tokens(fold(text)))
    opens = _opens_name(toks)
    out = [
        _capitalised(tok, i > 0 or opens, common) if cap else _lower_case(tok)
        for i, (tok, cap) in enumerate(toks)
    ]
    if not _SPELLED.keys().isdisjoint([t.text for t in out]):
        # "three days": a spelled-out number before a time unit is a quantity.
        last = len(toks) - 1
        for i, t in enumerate(out):
            if not t.cap and t.text in _SPELLED and i < last and toks[i + 1][0].lower() in _TIME_UNITS:
                out[i] = Token(t.text, False, None, _SPELLED[t.text])
    return out


@lru_cache(maxsize=131072)
def _lower_case(tok: str) -> Token:
    """A word that is not capitalised, a possessive "'s" removed."""
    return _token(tok[:-2] if tok[-2:] in ("'s", "'S") else tok, False, False)


def _capitalised(tok: str, inside: bool, common: AbstractSet[str]) -> Token:
    """A capitalised word: a name unless it opens the sentence or the batch prints it in lower case."""
    if tok[-2:] in ("'s", "'S"):
        tok = tok[:-2]
    return _token(tok, True, (inside or "-" in tok) and tok.lower() not in common)


def quantity_unit(toks: Sequence[Token], i: int) -> str:
    """The unit of the quantity at ``toks[i]``: the first content term after it.

    Adverbs and participles are skipped ("136 forcibly mobilized Koreans"
    counts Koreans) and a coordinated name joins in ("183 Koreans and
    Japanese" counts "korea+japan"). Empty when nothing follows.
    """
    for k in range(i + 1, min(len(toks), i + 5)):
        tok = toks[k]
        if tok.number is not None:
            return ""
        if tok.term is None:
            continue
        low = tok.text.lower()
        if low.endswith(("ly", "ed")):
            continue
        if k + 2 < len(toks) and toks[k + 1].text.lower() == "and" and toks[k + 2].cap and toks[k + 2].term:
            return f"{tok.term}+{toks[k + 2].term}"
        return tok.term
    return ""


def terms(text: str, common: AbstractSet[str] = frozenset()) -> Terms:
    """Reduce a sentence to what deduplication compares.

    Args:
        text: One sentence as printed.
        common: Words the batch prints in lower case (see :func:`common_words`).

    Returns:
        Its :class:`Terms`.
    """
    toks = tokens(text, common)
    seq: list[str] = []
    numbers: set[tuple[str, str]] = set()
    for i, (_, _, term, number) in enumerate(toks):
        if number is not None:
            seq.append("#" + number)
            if not _is_year(number):
                numbers.add((number, quantity_unit(toks, i)))
        elif term is not None:
            seq.append(term)
    key = _NOT_KEY.sub("", fold(text).lower())
    return Terms(tuple(seq), frozenset(seq), frozenset(numbers), _speakers(toks), _lead(toks), key)


def common_words(texts: Iterable[str]) -> frozenset[str]:
    """Words printed in lower case somewhere in ``texts``.

    A capitalised word in this set ("Coal" in "Josei Coal Mine") is read as
    the ordinary word, so it matches "coal mine" elsewhere.
    """
    out: set[str] = set()
    for text in texts:
        out.update(_LOWER_WORD.findall(text))
    return frozenset(out)


def _numbers_clash(a: AbstractSet[tuple[str, str]], b: AbstractSet[tuple[str, str]]) -> bool:
    """Whether two sets of quantities give different values for one unit."""
    only_a = a - b
    only_b = b - a
    units_b = {part for _, u in only_b for part in u.split("+") if part}
    return any(part in units_b for _, u in only_a for part in u.split("+") if part)


def _different_speakers(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether both name speakers and none is the same."""
    return bool(a and b and a.isdisjoint(b))


def _different_numbers(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Whether both state quantities and one unit has two values."""
    return bool(a and b and a != b and _numbers_clash(a, b))


def _vetoed(a: Terms, b: Terms) -> bool:
    """Different speakers, different quantities, or a different actor or action."""
    if _different_speakers(a.speakers, b.speakers) or _different_numbers(a.numbers, b.numbers):
        return True
    if a.lead and b.lead and a.lead != b.lead:
        return a.lead[1] not in b.bag or b.lead[1] not in a.bag or a.lead[0] != b.lead[0]
    return False


def _weigh(idf: Mapping[str, float] | None, terms: Iterable[str]) -> float:
    """Total weight of ``terms`` (each 1 without ``idf``), summed exactly."""
    if idf is None:
        return math.fsum(1.0 for _ in terms)
    return math.fsum(map(idf.get, terms, repeat(_DEFAULT_IDF)))


def _local_dice(short: Terms, long: Terms, idf: Mapping[str, float] | None) -> float:
    """Best weighted Dice overlap of ``short`` with any stretch of ``long``.

    A long sentence may carry several statements; this finds the stretch that
    carries the one the short sentence states. A stretch starts at a shared
    term and ends within twice the short sentence's length. A start right
    after a shared term that does not recur up to the last shared term is
    skipped: the stretch one term earlier scores strictly higher at every end.
    """
    target = short.bag
    seq = long.seq
    n = len(seq)
    if idf is None:
        w_short = float(len(target))
        weights = [1.0] * n
    else:
        w_short = _weigh(idf, target)
        weights = list(map(idf.get, seq, repeat(_DEFAULT_IDF)))
    hit = [t in target for t in seq]
    if True not in hit:
        return 0.0
    end = n - hit[::-1].index(True)  # just past the last shared term
    # A term at j is new to a stretch starting at i when its previous
    # occurrence is before i; nxt[j] is where it recurs (n if never).
    prev = [-1] * n
    nxt = [n] * n
    last: dict[str, int] = {}
    for j, t in enumerate(seq):
        k = last.get(t)
        if k is not None:
            prev[j] = k
            nxt[k] = j
        last[t] = j
    span = 2 * len(short.seq) + 2
    best = 0.0
    for i in range(end):
        if not hit[i] or (i and hit[i - 1] and nxt[i - 1] >= end and i - 1 + span >= end):
            continue
        w_window = w_shared = 0.0
        for j in range(i, min(end, i + span)):
            if prev[j] >= i:
                continue
            w = weights[j]
            w_window += w
            if hit[j]:
                w_shared += w
                dice = 2 * w_shared / (w_short + w_window)
                if dice > best:
                    best = dice
    return best


def match_score(a: Terms, b: Terms, idf: Mapping[str, float] | None = None) -> float:
    """How strongly two sentences state one fact, from 0 to 1.

    The score blends the share of the shorter sentence's term weight found in
    the longer one (a sentence may add detail to a statement) with the best
    Dice overlap between the shorter sentence and a stretch of the longer one
    (see :func:`_local_dice`). Terms weigh their inverse document frequency
    when ``idf`` is given (see :func:`term_weights`), else 1. The score is 0
    when a veto applies (different speakers, a quantity with two values, a
    different actor or action) or fewer than four terms are shared, and 1 for
    copies.
    """
    w_a = _weigh(idf, a.bag)
    w_b = _weigh(idf, b.bag)
    return _score(a, b, w_a, w_b, idf, 0.0)


def _score(a: Terms, b: Terms, w_a: float, w_b: float, idf: Mapping[str, float] | None,
           floor: float) -> float:
    """:func:`match_score` given each side's total weight.

    Returns 0 early for a pair that cannot reach ``floor``, and a lower bound
    of the score for a pair that clearly clears it (``floor`` 0 gives the
    exact score).
    """
    if a.key and a.key == b.key:
        return 1.0
    shared = a.bag & b.bag
    if len(shared) < _MIN_SHARED:
        return 0.0
    w_shared = _weigh(idf, shared)
    containment = w_shared / min(w_a, w_b)
    if (1 - _LOCAL_WEIGHT) * containment + _LOCAL_WEIGHT < floor or _vetoed(a, b):
        return 0.0
    if floor > 0:
        # The Dice overlap of the whole sentences bounds the local one from
        # below, and a window holding every shared term and nothing else from
        # above: a pair whose bounds settle it is not scored exactly.
        w_small = min(w_a, w_b)
        if (1 - _LOCAL_WEIGHT) * containment + _LOCAL_WEIGHT * 2 * w_shared / (w_small + w_shared) < floor:
            return 0.0
        bound = (1 - _LOCAL_WEIGHT) * containment + _LOCAL_WEIGHT * 2 * w_shared / (w_a + w_b)
        if bound >= floor + _SURE_MARGIN:
            return bound
    short, long = (a, b) if len(a.seq) <= len(b.seq) else (b, a)
    return (1 - _LOCAL_WEIGHT) * containment + _LOCAL_WEIGHT * _local_dice(short, long, idf)


def similarity(a: str, b: str, idf: Mapping[str, float] | None = None) -> float:
    """Same-fact score of two sentences (see :func:`match_score`)."""
    common = common_words((a, b))
    return match_score(terms(a, common), terms(b, common), idf)


def same_fact(a: str, b: str, idf: Mapping[str, float] | None = None) -> bool:
    """Whether two sentences report the same statement.

    This is the decision :func:`cluster` makes for each pair, there with
    weights computed from all the sentences it clusters.

    Args:
        a: One sentence.
        b: Another sentence.
        idf: Term weights from the corpus the sentences come from (see
            :func:`term_weights`); without them every term weighs the same.

    Returns:
        True when they are copies or close paraphrases stating the same thing
        (one may add detail) with no contradicting quantity, speaker or action.
    """
    return similarity(a, b, idf) >= THRESHOLD


def term_weights(texts: Iterable[str | Terms]) -> dict[str, float]:
    """Smoothed inverse document frequency of every term in ``texts``.

    Sentences given as text are read with the batch's :func:`common_words`,
    as :func:`cluster` reads them.
    """
    items = list(texts)
    common = common_words(t for t in items if isinstance(t, str))
    docs = [t if isinstance(t, Terms) else terms(t, common) for t in items]
    df = Counter(x for d in docs for x in d.bag)
    n = len(docs)
    return {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}


def _shingles(text: str, n: int = 5) -> Iterator[tuple[str, ...]]:
    """The word n-grams of ``text``, lower-cased, as tuples (repeats included)."""
    # Lower-casing plain ASCII first tokenises the same and is one call.
    toks = words(text.lower()) if text.isascii() else list(map(str.lower, words(text)))
    return zip(*(toks[k:] for k in range(n)), strict=False)


def independent_groups(sources: Sequence[Source], threshold: float = 0.5) -> dict[str, int]:
    """Group sources whose texts are near-copies of one another.

    Two articles are copies when at least ``threshold`` of the shorter one's
    word 5-shingles appear in the other (a wire story reprinted, perhaps with
    a paragraph added or cut).

    Returns:
        Each source id mapped to a group number; copies share a number.
    """
    parent = list(range(len(sources)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    import numpy as np
    from scipy import sparse

    # Shared shingles of every pair at once: a sparse product of the
    # source-by-shingle matrix with itself, in row blocks. Every shingle gets
    # the next number when first seen; a repeat within one source is merged
    # in the matrix.
    ids: defaultdict[tuple[str, ...], int] = defaultdict(count().__next__)
    indices: list[int] = []
    indptr = [0]
    for src in sources:
        indices.extend(map(ids.__getitem__, _shingles(src.text)))
        indptr.append(len(indices))
    n = len(sources)
    ones = np.ones(len(indices), dtype=np.int32)
    x = sparse.csr_matrix((ones, indices, indptr), shape=(n, max(1, len(ids))))
    x.sum_duplicates()
    x.data.fill(1)
    sizes = np.diff(x.indptr)
    xt = x.T.tocsr()
    found_i: list[np.ndarray] = []
    found_j: list[np.ndarray] = []
    for start in range(0, n, _BLOCK):
        shared = (x[start:start + _BLOCK] @ xt).tocoo()
        rows = shared.row.astype(np.int64) + start
        cols = shared.col.astype(np.int64)
        later = cols > rows
        rows, cols, counts = rows[later], cols[later], shared.data[later]
        copies = counts / np.minimum(sizes[rows], sizes[cols]) >= threshold
        found_i.append(rows[copies])
        found_j.append(cols[copies])
    rows = np.concatenate(found_i) if found_i else np.zeros(0, dtype=np.int64)
    cols = np.concatenate(found_j) if found_j else np.zeros(0, dtype=np.int64)
    order = np.lexsort((cols, rows))  # merge in the order of a loop over i, then j
    for i, j in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        parent[find(j)] = find(i)
    return {s.id: find(i) for i, s in enumerate(sources)}


# --- clustering -----------------------------------------------------------

# Candidate pairs: one sentence's rarest terms (its probe) meet at least
# _PROBE_SHARED terms of the other. Terms in more than _MAX_POSTINGS sentences
# (or a share _MAX_SHARE of them, if larger) never probe: they say too little.
_PROBE_SHARE = 0.6
_PROBE_MIN = 4
_PROBE_SHARED = 2
_MAX_POSTINGS = 200
_MAX_SHARE = 0.002
_BLOCK = 4096
_PAIR_CHUNK = 1 << 18
# Slack for sums of weights taken in another order than math.fsum's.
_ROUNDING = 1e-9
# Exact sums of weights: in units of 2**-52, for weights from 1 up to _EXACT_LIMIT.
_UNIT = float(2**52)
_EXACT_LIMIT = 1024.0
# Representatives of large groups are judged against this many members.
_PANEL = 12



def _no_pairs() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    import numpy as np

    return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)


def _candidates(
    feats: Sequence[Terms], df: Mapping[str, int], idf: Mapping[str, float], totals: Sequence[float]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i < j) worth scoring, found without comparing all pairs.

    Every sentence probes with its rarest terms; a pair is a candidate when
    one side's probe terms meet at least two terms of the other side. Since a
    match needs the shorter sentence's distinctive terms in the longer one,
    this finds a short statement inside a long sentence too. The counting is
    a sparse matrix product (probe matrix by term matrix), done in row blocks;
    choosing each row's probe is one array sort.

    Candidates that cannot match are dropped on whole arrays: those sharing
    fewer than :data:`_MIN_SHARED` terms, and those whose score cannot reach
    :data:`THRESHOLD` even with the best local overlap (the bound
    :func:`_score` tests first, here with a small margin for rounding).

    Args:
        feats: Every sentence's terms.
        df: Each term's document frequency over ``feats``.
        idf: Each term's weight.
        totals: Each sentence's total term weight.

    Returns:
        The pairs as arrays of first and second indices, in (i, j) order, and
        each pair's shared term weight (as :func:`math.fsum` sums it, or NaN
        where that is not sure).
    """
    import numpy as np
    from scipy import sparse

    n = len(feats)
    cap = max(_MAX_POSTINGS, int(_MAX_SHARE * n))
    # Term ids by rarity (document frequency, then the term itself), so a
    # row's smallest ids are its rarest terms.
    by_rarity = sorted(df, key=lambda t: (df[t], t))
    rarity = {t: k for k, t in enumerate(by_rarity)}
    vocab = len(by_rarity)
    lengths = np.fromiter((len(f.bag) for f in feats), dtype=np.int64, count=n)
    total = int(lengths.sum())
    if not n or not total:
        return _no_pairs()
    rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
    ids = np.fromiter((rarity[t] for f in feats for t in f.bag), dtype=np.int64, count=total)
    ids = np.sort(rows * vocab + ids) - rows * vocab  # each row's ids, rarest first
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    rank_in_row = np.arange(total, dtype=np.int64) - indptr[rows]
    probe_size = np.maximum(_PROBE_MIN, np.ceil(_PROBE_SHARE * lengths).astype(np.int64))
    counts = np.fromiter((df[t] for t in by_rarity), dtype=np.int64, count=vocab)
    keep = (rank_in_row < probe_size[rows]) & (counts[ids] <= cap)
    if not keep.any():
        return _no_pairs()
    shape = (n, vocab)
    probe_ones = np.ones(int(keep.sum()), dtype=np.int32)
    probe = sparse.csr_matrix((probe_ones, (rows[keep], ids[keep])), shape=shape)
    full = sparse.csr_matrix((np.ones(total, dtype=np.int32), ids, indptr), shape=shape)
    full_t = full.T.tocsr()
    found: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
    for lo in range(0, n, _BLOCK):
        prod = (probe[lo:lo + _BLOCK] @ full_t).tocoo()
        hit = (prod.data >= _PROBE_SHARED) & (prod.row + lo != prod.col)
        i = prod.row[hit].astype(np.int64) + lo
        j = prod.col[hit].astype(np.int64)
        found.append(np.minimum(i, j) * n + np.maximum(i, j))
    codes = np.sort(np.concatenate(found))
    first_copy = np.ones(len(codes), dtype=bool)
    first_copy[1:] = codes[1:] != codes[:-1]
    codes = codes[first_copy]
    # Shared terms of each pair (an element-wise product of their rows),
    # counted and weighed in chunks of pairs. Weights of at least 1 are whole
    # multiples of 2**-52, so their sum in those units is an exact integer,
    # which rounds to the float math.fsum gives (while it stays below 2**63).
    weight_of_id = np.fromiter((idf[t] for t in by_rarity), dtype=np.float64, count=vocab)
    exact = bool((weight_of_id >= 1.0).all() and (weight_of_id < _EXACT_LIMIT).all())
    units_of_id = (weight_of_id * _UNIT).astype(np.int64) if exact else np.zeros(vocab, dtype=np.int64)
    sizes = np.asarray(totals, dtype=np.float64)
    kept = [_no_pairs()]
    for lo in range(0, len(codes), _PAIR_CHUNK):
        chunk = codes[lo:lo + _PAIR_CHUNK]
        first, second = chunk // n, chunk % n
        both = full[first].multiply(full[second]).tocsr()
        both.sort_indices()
        shared = np.diff(both.indptr)
        rows_of = np.repeat(np.arange(len(chunk)), shared)
        w_shared = np.bincount(rows_of, weights=weight_of_id[both.indices], minlength=len(chunk))
        w_small = np.minimum(sizes[first], sizes[second])
        best = (1 - _LOCAL_WEIGHT) * w_shared / w_small + _LOCAL_WEIGHT * 2 * w_shared / (w_small + w_shared)
        keep_pair = (shared >= _MIN_SHARED) & (best >= THRESHOLD - _ROUNDING)
        units = np.zeros(len(chunk), dtype=np.int64)
        bounds = np.stack((both.indptr[:-1][keep_pair], both.indptr[1:][keep_pair]), axis=1).ravel()
        padded = np.append(units_of_id[both.indices], 0)  # an end may be the very end
        units[keep_pair] = np.add.reduceat(padded, bounds)[::2] if len(bounds) else 0
        w_exact = np.where(exact & (w_shared < _EXACT_LIMIT / 2), units.astype(np.float64) / _UNIT, np.nan)
        kept.append((first[keep_pair], second[keep_pair], w_exact[keep_pair]))
    firsts, seconds, weights = zip(*kept, strict=True)
    return np.concatenate(firsts), np.concatenate(seconds), np.concatenate(weights)


def _candidate_scores(
    feats: Sequence[Terms], pairs: tuple[np.ndarray, np.ndarray, np.ndarray], scorer: _Scorer
) -> np.ndarray:
    """The score of every candidate pair, on whole arrays where no veto can apply.

    The speaker and quantity vetoes are decided once per distinct pair of
    speaker sets or quantity sets; a vetoed pair scores 0. A pair whose lower
    bound clears the threshold by :data:`_SURE_MARGIN`, with no veto and no
    leading person on both sides, scores that bound, computed here exactly as
    :func:`_score` does. Every other pair goes through :meth:`_Scorer.score`.
    All scores are cached.
    """
    import numpy as np

    first, second, w_shared = pairs
    sizes = np.asarray(scorer.totals, dtype=np.float64)
    w_a, w_b = sizes[first], sizes[second]
    containment = w_shared / np.minimum(w_a, w_b)
    bound = (1 - _LOCAL_WEIGHT) * containment + _LOCAL_WEIGHT * 2 * w_shared / (w_a + w_b)
    vetoed = _per_distinct([f.speakers for f in feats], first, second, _different_speakers)
    vetoed |= _per_distinct([f.numbers for f in feats], first, second, _different_numbers)
    lead = np.fromiter((bool(f.lead) for f in feats), dtype=bool, count=len(feats))
    # NaN (a sum not known exactly) is never sure.
    decided = vetoed | ((bound >= THRESHOLD + _SURE_MARGIN) & ~(lead[first] & lead[second]))
    scores = np.where(vetoed, 0.0, bound)
    decided_pairs = zip(first[decided].tolist(), second[decided].tolist(), strict=True)
    scorer.cache.update(zip(decided_pairs, scores[decided].tolist(), strict=True))
    rest = np.flatnonzero(~decided)
    rest_pairs = zip(first[rest].tolist(), second[rest].tolist(), strict=True)
    scores[rest] = [scorer.score(i, j) for i, j in rest_pairs]
    return scores


def _per_distinct(
    values: Sequence[frozenset[_T]], first: np.ndarray, second: np.ndarray,
    rule: Callable[[frozenset[_T], frozenset[_T]], bool],
) -> np.ndarray:
    """``rule(values[i], values[j])`` for every pair, worked out once per distinct pair of values."""
    import numpy as np

    ids: dict[frozenset[_T], int] = {}
    value_id = np.fromiter((ids.setdefault(v, len(ids)) for v in values), dtype=np.int64, count=len(values))
    distinct = list(ids)
    k = max(1, len(distinct))
    combos, where = np.unique(value_id[first] * k + value_id[second], return_inverse=True)
    verdicts = np.fromiter((rule(distinct[c // k], distinct[c % k]) for c in combos.tolist()),
                           dtype=bool, count=len(combos))
    return verdicts[where.reshape(-1)]


class _Scorer:
    """Pair decisions with weights from the whole batch, cached per pair.

    Scores below :data:`THRESHOLD` may come back as 0: only whether a pair
    matches, and how strongly a matching pair does, matter here.
    """

    def __init__(self, feats: Sequence[Terms], idf: Mapping[str, float]) -> None:
        self.feats = feats
        self.idf = idf
        self.totals = [_weigh(idf, f.bag) for f in feats]
        self.cache: dict[tuple[int, int], float] = {}

    def score(self, i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        found = self.cache.get(key)
        if found is None:
            found = _score(self.feats[i], self.feats[j], self.totals[i], self.totals[j], self.idf, THRESHOLD)
            self.cache[key] = found
        return found

    def same(self, i: int, j: int) -> bool:
        return self.score(i, j) >= THRESHOLD

    def backing(self, i: int, j: int) -> float:
        """Weighted share of sentence ``i``'s terms that sentence ``j`` also has."""
        a, b = self.feats[i], self.feats[j]
        shared = _weigh(self.idf, a.bag & b.bag)
        return shared / self.totals[i] if self.totals[i] else 0.0


def _clarity_penalty(text: str) -> float:
    """How badly a sentence reads on its own, for choosing a representative."""
    toks = words(text)
    penalty = 0.0
    first = text.lstrip()[:1]
    if not first or not (first.isupper() or first.isdigit() or first in "\"'\u201c\u2018"):
        penalty += 1.0  # a fragment: starts lower-case or with stray punctuation
    if toks and toks[0].lower() in _PRONOUNS:
        penalty += 0.5
    if not text.rstrip().endswith((".", "!", "?", '"', "\u201d", "'", "\u2019")):
        penalty += 0.5
    if text.count("\u201c") != text.count("\u201d") or text.count('"') % 2:
        penalty += 0.5  # a quotation cut off by the sentence split
    if not any(w[:1].isupper() and w.lower() not in _PRONOUNS for w in toks[1:]):
        penalty += 0.25  # names nobody: "We made progress," he said.
    if len(toks) < 6:
        penalty += 0.5
    elif len(toks) > 45:
        penalty += 0.25
    return penalty


def _representative(members: list[int], texts: Sequence[str], scorer: _Scorer) -> int:
    """The member that states the shared statement most completely and clearly.

    The memo prints the representative and cites every member's source, so
    the best one is the sentence whose words the other members back most
    (weighted share of its terms found in each other member): the common
    core. A compound sentence that adds statements of its own is backed
    less; a fragment or a sentence opening with a pronoun is marked down.
    """
    if len(members) == 1:
        return members[0]

    # In a large group the earliest members stand for the rest.
    panel = sorted(members)[:_PANEL]

    def merit(i: int) -> tuple[float, int]:
        backing = [scorer.backing(i, j) for j in panel if j != i]
        return (math.fsum(backing) / len(backing) - 0.6 * _clarity_penalty(texts[i]), -i)

    return max(members, key=merit)


def _votes(a: list[int], b: list[int], scorer: _Scorer) -> int:
    """Matching pairs across two groups, counted until the majority is settled."""
    total = len(a) * len(b)
    yes = no = 0
    for x in a:
        for y in b:
            if scorer.same(x, y):
                yes += 1
                if 2 * yes > total:
                    return yes
            else:
                no += 1
                if 2 * no > total:
                    return yes
    return yes


def cluster(sentences: Sequence[Sentence], sources: Sequence[Source]) -> list[Fact]:
    """Merge sentences that report one statement into facts.

    Every sentence lands in exactly one fact. Copies always merge; paraphrases
    merge when :func:`same_fact` holds, with term weights computed over the
    whole batch. Two groups merge only when most pairs across them match (or,
    for a pair and a single sentence, one of two does and the representatives
    match), so a sentence touching two statements cannot chain them together.

    Args:
        sentences: The sentences of every source.
        sources: The sources, in the order facts should cite them.

    Returns:
        Facts "f1", "f2", ... in order of their earliest member (source
        order, then sentence index). Each fact's text is its representative
        sentence, verbatim; its sentences start with the representative.
    """
    # Clustering allocates many small objects and makes no reference cycles
    # of note; with the cycle collector paused, the objects already alive (a
    # large batch in a pipeline) are not rescanned again and again.
    with _collector_paused():
        return _cluster(sentences, sources)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for the block (restored after, as it was)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _cluster(sentences: Sequence[Sentence], sources: Sequence[Source]) -> list[Fact]:
    """The work of :func:`cluster`, which pauses the cycle collector around it."""
    import numpy as np

    rank = {s.id: i for i, s in enumerate(sources)}
    sents = sorted(
        sentences,
        key=lambda s: (rank.get(s.source_id, len(rank)), s.source_id, s.index, s.start, s.text),
    )
    common = common_words({s.text: None for s in sents})
    # Copies (same letters and digits) form one unit, compared once.
    by_text: dict[str, Terms] = {}
    unit_of_key: dict[str, int] = {}
    unit_members: list[list[int]] = []
    feats: list[Terms] = []
    for k, s in enumerate(sents):
        f = by_text.get(s.text)
        if f is None:
            f = by_text[s.text] = terms(s.text, common)
        u = unit_of_key.get(f.key)
        if u is None:
            u = unit_of_key[f.key] = len(feats)
            feats.append(f)
            unit_members.append([])
        unit_members[u].append(k)
    texts = [sents[m[0]].text for m in unit_members]
    n = len(feats)
    df = Counter(t for f in feats for t in f.bag)
    idf = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
    scorer = _Scorer(feats, idf)

    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Matching pairs, strongest first; the candidates come in (i, j) order,
    # which a stable sort keeps among equal scores.
    pairs = _candidates(feats, df, idf, scorer.totals)
    scores = _candidate_scores(feats, pairs, scorer)
    found = np.flatnonzero(scores >= THRESHOLD)
    found = found[np.argsort(-scores[found], kind="stable")]
    matches = list(zip(pairs[0][found].tolist(), pairs[1][found].tolist(), strict=True))
    log.debug("%d sentences, %d distinct, %d matching pairs", len(sents), n, len(matches))

    # Two groups that refused to merge refuse again until one of them grows
    # (a group only ever grows, so its root and size name its members).
    refused: set[tuple[int, int, int, int]] = set()
    for i, j in matches:
        ri = i if parent[i] == i else find(i)
        rj = j if parent[j] == j else find(j)
        if ri == rj:
            continue
        if ri > rj:
            ri, rj = rj, ri
        a, b = members[ri], members[rj]
        state = (ri, len(a), rj, len(b))
        if state in refused:
            continue
        votes = _votes(a, b, scorer)
        if 2 * votes > len(a) * len(b) or (
            # A tie decides on the representatives, for a pair joining a single.
            2 * votes == len(a) * len(b) == 2
            and scorer.same(_representative(a, texts, scorer), _representative(b, texts, scorer))
        ):
            parent[rj] = ri
            members[ri].extend(members.pop(rj))
        else:
            refused.add(state)

    groups = independent_groups(sources)
    facts: list[Fact] = []
    for root in sorted(members, key=lambda r: min(members[r])):
        units = sorted(members[root])
        rep = _representative(units, texts, scorer)
        ordered = unit_members[rep] + sorted(m for u in units if u != rep for m in unit_members[u])
        srcs = sorted({sents[m].source_id for m in ordered}, key=lambda sid: (rank.get(sid, len(rank)), sid))
        independent = len({groups.get(sid, -1 - k) for k, sid in enumerate(srcs)})
        facts.append(
            Fact(
                id=f"f{len(facts) + 1}",
                text=texts[rep],
                sentences=tuple(sents[m] for m in ordered),
                sources=tuple(srcs),
                independent=independent,
            )
        )
    facts.sort(key=lambda f: min(_position(s, rank) for s in f.sentences))
    return [replace(f, id=f"f{k + 1}") for k, f in enumerate(facts)]


def _position(s: Sentence, rank: Mapping[str, int]) -> tuple[int, str, int, int]:
    return (rank.get(s.source_id, len(rank)), s.source_id, s.index, s.start)
