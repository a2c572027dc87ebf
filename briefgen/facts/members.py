"""Who a fact's members are: its representative, and only sentences that state it.

:mod:`briefgen.facts.merge` gathers sentences into groups; this module turns a
group into facts. A group's representative is the member that most of the
others state (they *carry* it: :func:`briefgen.facts.same.carries`) and that
reads clearly on its own; among equals, the one the others back most (the
common core, said completely). A member that does not carry the
representative leaves it and joins the next fact made from what is left
("the mine disaster occurred on February 3, 1942" is about the disaster, but
does not say it "killed 136 Koreans and 47 Japanese"). So a fact's members,
and the sources its footnote cites, are exactly the sentences that state it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from briefgen.facts.fates import same_fate
from briefgen.facts.same import carries, terms
from briefgen.facts.subject import nationality
from briefgen.model import LEAD_SENTENCES, Fact, Source
from briefgen.text.names import name_key
from briefgen.text.tokens import PRONOUNS, common_words, spelled_value
from briefgen.text.verbs import AUXILIARIES, IRREGULAR_PAST
from briefgen.text.words import STOPWORDS, words

__all__ = ["Names", "cited", "clarity_penalty", "main_statements", "opener", "representative",
           "split_group"]

# Representatives of large groups are judged against this many members.
_PANEL = 12
# How much the representative's clarity and the others' backing weigh
# against the share of members that carry it.
_CLARITY = 0.6
_BACKING = 0.25
# A fact whose statement is under this weighted share of a member's terms is a side clause of it
# ("Hours later, they died in a shootout with police" of a lead that reports the attack first).
# Set without data: well under a third of the sentence.
SIDE = 0.3
# A match that states at least this share of the member's terms, and of whose terms the member
# states as much, reports the member's main statement. Set without data: most of each.
MUTUAL = 0.5


#: Most words of a lead that stands for a later restatement: a headline, a byline or a caption a page
#: ran into its lead runs longer (Multi-News 00066's 66 words, 00074's 52; 00258's lead is 37).
LEAD_WORDS = 45


def _plain(text: str, leans: Callable[[str], bool] | None, broken: Callable[[str], bool] | None) -> bool:
    """Whether a lead may stand for a later restatement: printable, leaning on nothing, and no longer
    than :data:`LEAD_WORDS` words."""
    return (len(text.split()) <= LEAD_WORDS and (broken is None or not broken(text))
            and (leans is None or not leans(text)))


def clarity_penalty(text: str) -> float:
    """How badly a sentence reads on its own, for choosing a representative."""
    toks = words(text)
    penalty = 0.0
    first = text.lstrip()[:1]
    if not first or not (first.isupper() or first.isdigit() or first in "\"'\u201c\u2018"):
        penalty += 1.0  # a fragment: starts lower-case or with stray punctuation
    if toks and toks[0].lower() in PRONOUNS:
        penalty += 0.5
    if not text.rstrip().endswith((".", "!", "?", '"', "\u201d", "'", "\u2019")):
        penalty += 0.5
    if text.count("\u201c") != text.count("\u201d") or text.count('"') % 2:
        penalty += 0.5  # a quotation cut off by the sentence split
    if not any(w[:1].isupper() and w.lower() not in PRONOUNS for w in toks[1:]):
        penalty += 0.25  # names nobody: "We made progress," he said.
    if len(toks) < 6:
        penalty += 0.5
    elif len(toks) > 45:
        penalty += 0.25
    return penalty


def representative(members: Sequence[int], texts: Sequence[str], carries: Callable[[int, int], bool],
                   backing: Callable[[int, int], float], leans: Callable[[str], bool] | None = None,
                   broken: Callable[[str], bool] | None = None) -> int:
    """The member most others carry, clear on its own, and backed most by the others' words.

    Args:
        members: Unit numbers of the group.
        texts: Each unit's text.
        carries: ``carries(x, y)``: unit ``x`` states what unit ``y`` states.
        backing: ``backing(x, y)``: weighted share of unit ``x``'s terms that
            unit ``y`` has too.
        leans: Whether a sentence leans on the one before it, so it cannot be
            printed alone (the pipeline passes the selector's
            :func:`~briefgen.select.standalone.dangling`); such a member is
            marked down like a fragment. None judges by :func:`clarity_penalty` only.
        broken: Whether a sentence cannot be printed at all (the pipeline
            passes :func:`~briefgen.select.standalone.broken`: cut off, a
            headline, page furniture); when some members can be printed, only
            they may stand for the group (Multi-News 00167: three outlets'
            leads on a foiled church attack printed through none, for their
            representative was a headline without a full stop).
    """
    if len(members) == 1:
        return members[0]
    # In a large group the earliest members stand for the rest.
    panel = sorted(members)[:_PANEL]

    def parts(i: int) -> tuple[float, float, float]:
        others = [j for j in panel if j != i]
        carried = sum(carries(j, i) for j in others) / len(others)
        backed = math.fsum(backing(i, j) for j in others) / len(others)
        return carried, backed, clarity_penalty(texts[i])

    def merit(i: int, leaning: bool) -> tuple[float, int]:
        carried, backed, unclear = known[i]
        return (carried + _BACKING * backed - _CLARITY * (unclear + (1.0 if leaning else 0.0)), -i)

    known = {i: parts(i) for i in members}
    # The best printable member by merit. Leaning only lowers a member's merit, and the rules are
    # the costly part, so members are read best bound first and the rules run only while a member
    # could still win (the same choice as reading every member).
    best: tuple[float, int] | None = None
    for i in sorted(members, key=lambda i: merit(i, False), reverse=True):
        if best is not None and merit(i, False) < best:
            break
        if broken is not None and broken(texts[i]):
            continue
        score = merit(i, leans is not None and leans(texts[i]))
        best = score if best is None else max(best, score)
    if best is not None:
        return -best[1]
    # No member can be printed: the best of them all.
    return max(members, key=lambda i: merit(i, leans is not None and leans(texts[i])))


def split_group(members: Sequence[int], texts: Sequence[str], carries: Callable[[int, int], bool],
                backing: Callable[[int, int], float], leans: Callable[[str], bool] | None = None,
                broken: Callable[[str], bool] | None = None,
                origin: Callable[[int], tuple[frozenset[str], int]] | None = None,
                ) -> list[tuple[int, list[int]]]:
    """A merged group as facts: (representative, the members that carry it), the largest part first.

    The first fact takes the group's representative and every member that
    carries it; the members left over make the next fact, chosen the same
    way, until none is left (``leans`` and ``broken`` as for :func:`representative`).
    Members that are all one report's (``origin``: a member's sources and its first sentence's index
    in them) need no other report's sentence to carry what is printed: where the report's lead (its
    first :data:`~briefgen.model.LEAD_SENTENCES` sentences) states a later representative and more
    (which does not state the lead), reads as clearly (:func:`clarity_penalty`) and plainly
    (:func:`_plain`: a headline or a byline glued to a lead runs long), the lead stands for them, and
    takes every member it carries
    (Multi-News 00258: "netflix inc reversed an unpopular decision to ... rename it qwikster, saying
    ..." had stood behind the story's later "Netflix said it will not rename the dvd service.", and
    left the memo).
    """
    rest = sorted(members)
    one = origin is not None and len(frozenset().union(*(origin(u)[0] for u in rest))) == 1
    parts: list[tuple[int, list[int]]] = []
    while rest:
        rep = representative(rest, texts, carries, backing, leans, broken)
        swapped = False
        if one and origin is not None and origin(rep)[1] >= LEAD_SENTENCES and (fuller := [
                u for u in rest if origin(u)[1] < LEAD_SENTENCES and carries(u, rep) and not carries(rep, u)
                and clarity_penalty(texts[u]) <= clarity_penalty(texts[rep])
                and _plain(texts[u], leans, broken)]):
            rep, swapped = fuller[0], True
        kept = [u for u in rest if u == rep or carries(u, rep) or (swapped and carries(rep, u))]
        parts.append((rep, kept))
        taken = set(kept)
        rest = [u for u in rest if u not in taken]
    return parts


def main_statements(parts: Sequence[tuple[int, Sequence[int]]], matches: Sequence[tuple[int, int]],
                    carries: Callable[[int, int], bool], backing: Callable[[int, int], float],
                    opens: Callable[[int, int], bool],
                    printable: Callable[[int], bool]) -> dict[int, int]:
    """Members that belong with the fact of their main statement: member -> the part it moves to.

    A sentence that reports two things lands in one fact, and merging greedily from the strongest
    match may put it with a short sentence that states only its side clause, before the sentence
    that reports its main statement comes: Multi-News validation 00261 merged one outlet's lead
    ("a heavily armed couple ... opened fire on a holiday banquet ..., killing 14 people ..., later
    dying in a shootout with police") into "Hours later, they died in a shootout with police.", and
    the other outlet's lead of the attack stood alone. A member moves when its fact's
    representative holds under :data:`SIDE` of its weighted terms and it matches (one of
    ``matches``, the merger's matching pairs in its order) a sentence of another part that states
    its opening clause (``opens(other, member)``: the main clause, not a background clause that
    outlets repeat word for word), each holding at least :data:`MUTUAL` of the other's terms; it
    must carry that part's representative, which must be printable when the member is. The first
    such match decides; a representative never moves.
    """
    where = {u: k for k, (_, kept) in enumerate(parts) for u in kept}
    moves: dict[int, int] = {}
    for i, j in matches:
        for member, other in ((i, j), (j, i)):
            home, dest = where[member], where[other]
            rep = parts[home][0]
            if (home == dest or member == rep or member in moves or backing(member, rep) >= SIDE
                    or min(backing(member, other), backing(other, member)) < MUTUAL
                    or not opens(other, member)):
                continue
            target = parts[dest][0]
            if carries(member, target) and (printable(target) or not printable(member)):
                moves[member] = dest
    return moves


# Verbs that make a sentence's opening name its speaker, not its subject ("Lee noted that Japan
# will ...", "Lee, in Nara, said ..."): the statement is what follows.
_SAYS = frozenset((
    "said", "says", "stated", "told", "added", "noted", "explained", "emphasized", "emphasised", "stressed",
    "remarked", "responded", "announced", "warned", "insisted", "argued", "claimed", "reiterated", "urged",
    "according"))
# How many words after the opening name a reporting verb makes it the speaker.
_SPEAKER_REACH = 6
# The capitalised words a sentence opens with ("North Korea did ...", "Swissair is ...").
_OPENING = re.compile(r"[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*")
# Pronouns a member may open with for the subject it leaves unnamed ("It was the second storm ...").
_STANDS_FOR = frozenset({"it", "its", "he", "his", "she", "her", "they", "their"})


class Names:
    """What the sources print, for telling a name from a capitalised word.

    A word is a name when the coverage prints it capitalised inside a sentence
    (after a lower-case word or a comma) and never in lower case: "Swissair",
    "China", "Babs", not "Responding" or "Police".
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self._texts = texts
        self._joined: str | None = None  # joined when a word is first looked up: most memos need none
        self._names: dict[str, bool] = {}

    @property
    def _text(self) -> str:
        if self._joined is None:
            self._joined = "\n".join(self._texts)
        return self._joined

    def is_name(self, word: str) -> bool:
        """Whether the coverage prints ``word`` inside a sentence capitalised and never in lower case."""
        found = self._names.get(word)
        if found is None:
            found = self._inside(word) and not self._occurs(word.lower())
            self._names[word] = found
        return found

    def _occurs(self, word: str) -> bool:
        # A literal pattern is searched fast; the letter before a match is checked by hand.
        text = self._text
        return any(m.start() == 0 or not text[m.start() - 1].isalnum()
                   for m in re.finditer(re.escape(word) + r"\b", text))

    def _inside(self, word: str) -> bool:
        text = self._text
        for m in re.finditer(re.escape(word) + r"\b", text):
            before = text[max(0, m.start() - 40):m.start()]
            if before[-1:].isspace() and re.search(r"[a-z,;:]\s+$", before):
                return True
        return False


def opener(text: str, names: Names) -> tuple[str, ...]:
    """The name a sentence opens with as its subject, as its words, or ().

    "North Korea did not enter ..." opens with North Korea, "Xiong Gouming,
    one of ..." with Xiong Gouming: a run of capitalised words that the
    coverage prints as a name (:class:`Names`, judged on its last word, the
    head), followed by a verb (an auxiliary, an irregular or "-ed" past) or a
    comma. "Lee noted that Japan will ..." opens with its speaker, "Poland's
    extreme cold ..." with a possessive, "Muslim clerics were ..." with a
    modifier of the subject, "Chilean police ..." with a nationality and "The
    blast killed ..." with no name.
    """
    m = _OPENING.match(text.lstrip())
    if not m:
        return ()
    run = m.group().split()
    rest = text.lstrip()[m.end():]
    if run[0].lower() in STOPWORDS or (len(run) == 1 and nationality(run[0])):
        return ()
    after = words(rest)[:1 + _SPEAKER_REACH]
    if not after or not _SAYS.isdisjoint(w.lower() for w in after):
        return ()
    verb = after[0]
    if not (rest.lstrip().startswith(",") or verb in AUXILIARIES or verb in IRREGULAR_PAST
            or (verb.islower() and verb.endswith("ed"))):
        return ()
    return tuple(run) if names.is_name(run[-1]) else ()


def _mentions(text: str, name: Sequence[str]) -> bool:
    """Whether a sentence names ``name`` (its head, perhaps with an ending: "Indonesian"; another of
    its words as printed: "Xiong" for "Xiong Gouming"; a word of it spelt otherwise: "Beyonce",
    "Guoming") or opens with a pronoun that may stand for it."""
    first = words(text)[:1]
    if first and first[0].lower() in _STANDS_FOR:
        return True
    if re.search(rf"\b{re.escape(name[-1])}", text, re.IGNORECASE):
        return True
    if any(re.search(rf"\b{re.escape(w)}\b", text) for w in name[:-1] if w.lower() not in STOPWORDS):
        return True
    # A spelling of the name in another romanisation or without its accents ("Beyonce", "Gouming").
    wanted = {name_key(w) for w in name if w.lower() not in STOPWORDS}
    return any(name_key(w) in wanted for w in words(text) if w[:1].isupper())


def cited(fact: Fact, sources: Mapping[str, Source], names: Names) -> Fact:
    """The fact citing only sources whose own sentence states it: its subject, in its words.

    The merger joins sentences that share a statement's words; a sentence on
    another subject can share them ("China won 137 golds ... in Hiroshima"
    beside "North Korea did not enter the last Asian Games ... in Hiroshima").
    A footnote must name only sources that reported the fact, so once the
    memo's facts are chosen, a member is no longer cited when its sentence
    neither names the representative's opening subject (:func:`opener`) nor
    opens with a pronoun that may stand for it, or when its words do not carry
    the representative's (:func:`briefgen.facts.same.carries`, every term
    weighing alike). The second test leaves out members the paraphrase model
    alone joined: on the hand-judged citations of ``bench/memo_facts.py``,
    such members had stated their fact in 2 of 8 cases, the others in 193 of
    218. The selection is untouched: it weighed the group as the merger made it.
    """
    if len(fact.sources) < 2:
        return fact
    rep = fact.representative
    kept = tuple(s for s in fact.sentences if s.source_id == rep.source_id or _says(s.text, fact.text))
    first = _OPENING.match(fact.text.lstrip())
    if first is not None and not all(s.source_id == rep.source_id or _mentions(s.text, first.group().split())
                                     for s in kept):
        subject = opener(fact.text, names)
        if subject:
            kept = tuple(s for s in kept if s.source_id == rep.source_id or _mentions(s.text, subject))
    if len(kept) == len(fact.sentences):
        return fact
    ids = {s.source_id for s in kept}
    srcs = tuple(sid for sid in fact.sources if sid in ids)
    reports = {(sources[sid].report or sid) if sid in sources else sid for sid in srcs}
    return replace(fact, sentences=kept, sources=srcs, independent=min(fact.independent, len(reports)))


# A word in lower case: a count the member may spell out (briefgen.text.tokens.spelled_value).
_SPELLED_COUNT = re.compile(r"\b[a-z]+\b")


def _says(member: str, statement: str) -> bool:
    """Whether a member sentence's words carry the statement's (a copy does). A count the member
    spells out ("twelve") counts as the digits the statement prints ("12"), as outlets write it
    either way. A member that says the statement's person died, or is missing, says it, however it
    describes them (:func:`~briefgen.facts.fates.same_fate`)."""
    if same_fate(member, statement):
        return True
    common = common_words((member, statement))
    said = terms(statement, common)
    if said.values:
        member = _SPELLED_COUNT.sub(lambda m: v if (v := spelled_value(m.group())) in said.values
                                    else m.group(), member)
    return carries(terms(member, common), said)

