"""Main statements: whether two sentences say that the same thing happened to the same things.

News coverage restates an event's facts in other words ("Lee and Takaichi
played drums together", "Lee and Takaichi performed a surprise drum
ensemble"; "Chile said it would protest ..., arguing that [he] has diplomatic
immunity", "The Chilean government immediately demanded his release, arguing
that he has diplomatic immunity"). Word overlap does not see it: such pairs
share fewer content words than pairs that merely share the event's names
("Pinochet", "Swissair") while each states something else.

This module compares what the sentences *state*: an action and what it acts
on. Without a parser it reads the action from the word's place and form:

* a **predicate** is a lower-case word after an auxiliary, a modal or "to"
  ("was *held*", "would *protest*", "to *disconnect*"), or a past or
  progressive form that no determiner makes a noun phrase ("*played* drums",
  "*arguing* that", not "the *injured*"), or an irregular past form
  (:data:`briefgen.text.verbs.IRREGULAR_PAST`); reporting verbs ("said", "told") state no action;
* a predicate's **forms** are its term, its WordNet synonyms (the paraphrase
  model's table) and the term of its stem read through the tokens' news
  paraphrases ("killing" and "killed" are one action; "performed" is
  "played"); "fatally shot" is a death;
* its **arguments** are the other terms of its clause (text between commas,
  semicolons, colons, dashes and brackets): who acted, on what, where.

Two sentences restate one statement (:meth:`Statements.same`) when a
predicate of one and a predicate of the other share a form, and the two
clauses share arguments that are rare in the coverage: the sum of their idf
over the coverage's facts is at least :data:`MIN_ARGUMENTS`. Idf leaves out
what every report names (the event's people and places): one argument that
a twelfth of the facts mention is enough, the event's names are not. The
pair must also share some content at all (:data:`OVERLAP_FLOOR`), which
keeps the check to pairs the selector's overlap already nearly calls
redundant.

Both figures were chosen on the development pairs of
``bench/data/memo_facts.jsonl`` (the sample and seven DUC 2003 clusters, 488
judged bullet pairs; the check-set clusters were not read): on those pairs
the test finds 28 of the 47 restatements and flags 32 of the 441 different
pairs; content-stem cosine alone, at its best precision (above 0.35 to 0.45),
finds 4 to 9 restatements for 3 to 13 different pairs. Precision is about
one half, so only the memo uses the test (:func:`choose_apart`, and the
pipeline's filter of each section's candidates), where a wrong call prints
another fact instead; summaries (``select``) do not.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from briefgen.facts.fates import same_fate
from briefgen.facts.figures import same_figure, same_figures, telling_figures
from briefgen.facts.onsets import onsets, same_onset
from briefgen.facts.paraphrase import default_model
from briefgen.facts.records import records, same_record
from briefgen.facts.tolls import same_toll, stated_tolls
from briefgen.model import Fact
from briefgen.select.choice import Choice, choose
from briefgen.select.selector import MEMO, Params, content_of, merger_linked, repeats
from briefgen.text.tokens import Token, common_words, tokens
from briefgen.text.verbs import AUXILIARIES as _AUXILIARIES
from briefgen.text.verbs import IRREGULAR_PAST as _IRREGULAR
from briefgen.text.words import content_set, stem, word_set

log = logging.getLogger(__name__)

__all__ = ["MAX_ROUNDS", "MIN_ARGUMENTS", "OVERLAP_FLOOR", "Predicate", "Statements", "choose_apart",
           "predicates", "restates", "restating"]

#: Least idf sum (natural log of facts over facts containing the term) of the
#: arguments two clauses share for one statement: one argument found in at most
#: a twelfth of the coverage's facts (log 12 = 2.48). Chosen on the
#: development pairs of ``bench/data/memo_facts.jsonl`` (module docstring):
#: 2.0 to 4.0 find 29 to 22 of their 47 restatements, flagging 34 to 24 of 441.
MIN_ARGUMENTS = 2.5
#: Least content-stem cosine of two sentences for the check to apply (the
#: selector's own redundancy is 0.6). Chosen on the same development pairs:
#: 0.17 flags 48 different pairs, 0.2 flags 32, 0.25 18 and finds 20 restatements, not 28.
OVERLAP_FLOOR = 0.2
#: Rounds of choosing again a part may take, each without the facts that restated one chosen:
#: the bound keeps a part's cost to a few choices. The memos of the 30 DUC 2003 clusters and the
#: sample need at most three.
MAX_ROUNDS = 5


# Words that may stand between an auxiliary and its verb ("was not held", "has already left").
_BETWEEN = word_set("not never also already just still since")
# Words that make the next word part of a noun phrase ("the injured", "a crowded market").
_DETERMINERS = word_set("the a an this that these those its his her their our my your")
# Verbs that report speech: the statement is what was said, not the saying.
_REPORTING = word_set(
    "said says saying told tells telling announced announcing reported reporting stated added adding "
    "noted quoted according including")
# Clause boundaries: commas, semicolons, colons, dashes, brackets.
_CLAUSE = re.compile(r"[,;:()\[\]\u2014\u2013]|\s--?\s")
# A verb and the noun phrase after it that together say one action: "placed under arrest" is
# "arrested", "taken into custody" is "arrested", "put on trial" is "tried" (English light-verb
# idioms of news, not this coverage's words). Keyed by the two words after the verb.
_IDIOMS = {("under", "arrest"): "arrested", ("into", "custody"): "arrested", ("in", "custody"): "arrested",
           ("on", "trial"): "tried", ("to", "death"): "killed"}
# "to death" is a killing only after a verb of violence ("beaten to death"), not "sentenced to death".
_VIOLENT = word_set("beaten beat stabbed stoned burned burnt shot hacked crushed trampled bludgeoned "
                    "strangled kicked clubbed mauled starved froze frozen")
# Nouns news puts after "to" that are no verb ("sentenced to death", "sent to prison"): after "to"
# a word is read as a verb unless it is one of these.
_TO_NOUNS = word_set("death prison jail court power office hospital war trial justice life date safety "
                     "school work market bed")
# Terms a predicate's forms may take for a death ("fatally shot", "fatally stabbed").
_FATALLY = "fatally"
# Terms are stems cut to this many letters (as briefgen.text.tokens cuts them).
_PREFIX = 5


@dataclass(frozen=True, slots=True)
class Predicate:
    """One action a clause states: its own term, every form it matches, and the clause's other terms."""

    term: str
    forms: frozenset[str]
    arguments: frozenset[str]


@lru_cache(maxsize=16384)
def _forms(low: str, term: str, before: str) -> frozenset[str]:
    """A predicate's forms: its term, its stem's synonyms, its stem's paraphrase, death for "fatally"."""
    root = stem(low)
    forms = {term}
    forms.update(s[:_PREFIX] for s in default_model().synonyms.get(root, ()))
    base = tokens(root)
    if base and base[0].term:
        forms.add(base[0].term)
    if before == _FATALLY:
        forms.update(t.term for t in tokens("died") if t.term)
    return frozenset(forms)


def _adverb(low: str) -> bool:
    """Whether a lower-case word is an adverb in "-ly" ("fatally", "recently"; not "apply", "fly")."""
    return len(low) > 4 and low.endswith("ly") and not low.endswith(("ply", "fly"))


def _is_predicate(toks: Sequence[Token], i: int) -> bool:
    """Whether ``toks[i]`` is a verb by its place or its form (see the module docstring)."""
    tok = toks[i]
    low = tok.text.lower()
    if tok.cap or tok.term is None or low in _REPORTING or _adverb(low):
        return False
    before = toks[i - 1].text.lower() if i > 0 else ""
    earlier = toks[i - 2].text.lower() if i > 1 else ""
    if before == "to" and low in _TO_NOUNS:
        return False
    if before in _AUXILIARIES or ((before in _BETWEEN or _adverb(before)) and earlier in _AUXILIARIES):
        return True
    return (low.endswith(("ed", "ing")) or low in _IRREGULAR) and before not in _DETERMINERS


def _terms(toks: Sequence[Token]) -> set[str]:
    """The terms and numbers of ``toks``."""
    out: set[str] = set()
    for t in toks:
        value = t.term or t.number
        if value:
            out.add(value)
    return out


def predicates(text: str, common: frozenset[str] = frozenset()) -> tuple[Predicate, ...]:
    """Every predicate of ``text``, clause by clause, with its clause's other terms as arguments.

    Args:
        text: One sentence.
        common: Lower-case words of the coverage (see :func:`briefgen.text.tokens.tokens`).
    """
    out: list[Predicate] = []
    for part in _CLAUSE.split(text):
        toks = tokens(part, common)
        terms = frozenset(_terms(toks))
        for i, tok in enumerate(toks):
            if tok.term is not None and _is_predicate(toks, i):
                before = toks[i - 1].text.lower() if i > 0 else ""
                forms = _forms(tok.text.lower(), tok.term, before)
                idiom = _IDIOMS.get(tuple(t.text.lower() for t in toks[i + 1:i + 3]))  # type: ignore[arg-type]
                if idiom == "killed" and tok.text.lower() not in _VIOLENT:
                    idiom = None
                if idiom is not None:
                    verb = tokens(idiom)[0]
                    noun = toks[i + 2].term
                    forms = forms | _forms(idiom, verb.term or idiom, "") | ({noun} if noun else set())
                out.append(Predicate(tok.term, forms, terms - forms))
    return tuple(out)


class Statements:
    """Whether two sentences of one coverage restate one statement.

    Built once from every fact text of the coverage: their term frequencies
    weigh arguments (idf), and the words they print in lower case tell names
    apart.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        texts = list(texts)
        self._common = common_words(texts)
        self._n = max(len(texts), 1)
        df: dict[str, int] = {}
        for text in texts:
            for term in self._terms(text):
                df[term] = df.get(term, 0) + 1
        self._df = df
        self._predicates: dict[str, tuple[Predicate, ...]] = {}

    def _terms(self, text: str) -> set[str]:
        return _terms(tokens(text, self._common))

    def idf(self, term: str) -> float:
        """How rare ``term`` is in the coverage: log of facts over facts containing it (at least one)."""
        return math.log(self._n / max(self._df.get(term, 0), 1))

    def _of(self, text: str) -> tuple[Predicate, ...]:
        got = self._predicates.get(text)
        if got is None:
            got = self._predicates[text] = predicates(text, self._common)
        return got

    def _overlap(self, a: str, b: str) -> float:
        """Content-stem cosine, as the selector's redundancy reads it."""
        ca, cb = content_of(a), content_of(b)
        if not ca or not cb:
            return 0.0
        return len(ca & cb) / math.sqrt(len(ca) * len(cb))

    def shared(self, a: str, b: str) -> float:
        """The largest idf sum of arguments shared by a predicate of ``a`` and one of ``b`` of one action."""
        best = 0.0
        for p in self._of(a):
            for q in self._of(b):
                if p.forms.isdisjoint(q.forms):
                    continue
                weight = math.fsum(self.idf(t) for t in sorted(p.arguments & q.arguments))
                best = max(best, weight)
        return best

    def same(self, a: str, b: str) -> bool:
        """Whether sentences ``a`` and ``b`` state one action on the same rare arguments (see the module),
        give one telling figure of one thing (:func:`~briefgen.facts.figures.same_figure`) or two
        figures of any kind (:func:`~briefgen.facts.figures.same_figures`), rank a
        thing alike in one place's history (:func:`~briefgen.facts.records.same_record`) or say one
        thing began on the same day (:func:`~briefgen.facts.onsets.same_onset`) or say one person died
        or is missing (:func:`~briefgen.facts.fates.same_fate`)."""
        if a == b:
            return True
        if self._overlap(a, b) > OVERLAP_FLOOR and self.shared(a, b) >= MIN_ARGUMENTS:
            return True
        return (same_figure(a, b) or same_figures(a, b) or same_record(a, b) or same_onset(a, b)
                or same_fate(a, b))


def choose_apart(facts: Sequence[Fact], statements: Statements, *, words: int | None, count: int | None,
                 method: str, params: Params = MEMO) -> Choice:
    """:func:`~briefgen.select.choice.choose`, made again without every chosen fact restating another.

    The selector keeps apart facts whose words overlap or that the merger
    linked (:func:`~briefgen.select.selector.repeats`); a part of the memo
    also keeps apart two facts that state one action on the same rare
    arguments in other words (:class:`Statements`, read over the whole
    coverage). The less important of two such facts leaves the candidates
    (:func:`restating`) and the part chooses again, so its budget goes to
    something else.
    """
    left = list(facts)
    choice = choose(left, words=words, count=count, method=method, params=params)
    for _ in range(MAX_ROUNDS):
        again = restating(choice.facts, statements)
        if not again:
            break
        log.info("left out, restating a fact chosen with it: %s", ", ".join(sorted(again)))
        left = [f for f in left if f.id not in again]
        choice = choose(left, words=words, count=count, method=method, params=params)
    return choice


def restating(chosen: Sequence[Fact], statements: Statements) -> set[str]:
    """Ids of chosen facts that restate a more important chosen fact (a higher score; the first on a tie).

    Scores, not the printed order, say which is more important: a passage puts a
    low-scored antecedent before the sentence that needs it.
    """
    ranked = sorted(chosen, key=lambda f: -f.score)  # stable: ties keep their order
    out: set[str] = set()
    for k, later in enumerate(ranked):
        if any(earlier.id not in out and statements.same(earlier.text, later.text) for earlier in ranked[:k]):
            out.add(later.id)
    return out


def restates(a: Fact, b: Fact, statements: Statements, share: float = MEMO.link_share) -> bool:
    """Whether printing both facts says one thing twice: one fact, the selector's
    :func:`~briefgen.select.selector.repeats` (with ``share``) or :meth:`Statements.same`.

    The same answer, sooner, for the many pairs that share no content term and no telling figure:
    word overlap, shared arguments and shared figures cannot find them, so only a link the merger
    made, one toll, one record or one onset can.
    """
    return _restates(_Read.of(a), _Read.of(b), statements, share)


def unrestated(pool: Sequence[Fact], taken: Sequence[Fact], statements: Statements,
               share: float = MEMO.link_share) -> list[Fact]:
    """The facts of ``pool`` that restate none of ``taken`` (:func:`restates`), in order.

    A section's candidates are each asked against every fact printed before them: a hundred thousand
    pairs at 1,000 articles, so what each fact offers the quick tests is read once, not once a pair.
    """
    told = [_Read.of(t) for t in taken]
    out = []
    for f in pool:
        read = _Read.of(f)
        if not any(_restates(read, t, statements, share) for t in told):
            out.append(f)
    return out


class _Read(NamedTuple):
    """What :func:`restates` asks of one fact before its costly tests: its content stems and terms,
    whether it gives a telling figure, a toll, a record or an onset (each needs one on both sides)."""

    fact: Fact
    stems: frozenset[str]
    terms: frozenset[str]
    telling: bool
    tolls: bool
    records: bool
    onsets: bool

    @classmethod
    def of(cls, fact: Fact) -> _Read:
        text = fact.text
        return cls(fact, content_of(text), content_set(text), bool(telling_figures(text)),
                   bool(stated_tolls(text)), bool(records(text)), bool(onsets(text)))


def _restates(a: _Read, b: _Read, statements: Statements, share: float) -> bool:
    fa, fb = a.fact, b.fact
    if fa.id == fb.id or fa.text == fb.text:
        return True
    if a.stems.isdisjoint(b.stems) and a.terms.isdisjoint(b.terms) and not (a.telling and b.telling):
        return (merger_linked(fa, fb, share) or (a.tolls and b.tolls and same_toll(fa.text, fb.text))
                or (a.records and b.records and same_record(fa.text, fb.text))
                or (a.onsets and b.onsets and same_onset(fa.text, fb.text)))
    return repeats(fa, fb, share=share) or statements.same(fa.text, fb.text)
