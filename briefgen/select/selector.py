"""Content selection: which facts the memo prints, within a word budget.

briefgen's own selector (``method="briefgen"``) is a concept-coverage model in
the manner of Gillick & Favre (2009). Concepts are stemmed content words and
bigrams of adjacent ones; a concept weighs by how many sources contain it, and
more when sources mention it early (news puts the main facts first). A summary
is worth the concepts it covers, each counted once however many chosen
sentences repeat it, so coverage rewards diversity by itself. Sentences early
in their article and facts that most of the sources report earn a bonus,
quotations a penalty. A sentence that leans on the one before it (an opening
pronoun, demonstrative or connective, an early "also", an unattributed
first-person quote; see :func:`dangling`) is not chosen unless nothing else is
eligible: the memo prints each sentence without its neighbours. The best set
within the word budget is found by an integer program (HiGHS, see
:mod:`briefgen.select.solver`) over the best candidates, with a greedy cover as
the fallback should the solver give no answer. With ``overflow=True`` one more
fact follows the budgeted choice, for summaries of "about N words" that fill
the budget to its end.

:mod:`briefgen.select.choice` registers :func:`cover` as the method
``briefgen``; a method that only scores facts fills the budget with
:func:`greedy`. Both skip a fact that repeats a chosen one (see
:func:`repeats`): its content words overlap the chosen one's, or the merger
linked the two because one states the other's statement in part or whole
(:attr:`briefgen.model.Fact.overlaps`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from briefgen.model import Fact
from briefgen.select.solver import Row, maximise
from briefgen.text.words import CALENDAR_WORDS, MONTH_ABBREVIATIONS, term, words

__all__ = [
    "DEFAULT", "Params", "concepts", "content_of", "cover", "dangling", "greedy", "linked", "redundant",
    "repeats", "salience", "word_count",
]


@dataclass(frozen=True, slots=True)
class Params:
    """Tuning of the briefgen selector (the defaults were fitted on DUC 2003).

    Attributes:
        min_words: Sentences shorter than this are fragments and never chosen.
        max_words: Sentences longer than this are never chosen.
        min_df: A bigram concept must occur in this many sources (lowered for
            small inputs, see :func:`concepts`).
        unigram_min_df: The same for single-word concepts.
        unigrams: Weight of a single-word concept relative to a bigram.
        concept_position: Extra weight of a concept per source, by how early
            that source first mentions it.
        concept_decay: Sentence index at which that extra weight falls to 1/e.
        position: Bonus for a sentence early in its article, in units of the
            heaviest concept.
        position_decay: Sentence index at which that bonus halves.
        corroboration: Bonus for a fact that more than half of the sources
            report, by the share of the other sources that confirm it (the
            full amount when every source reports it).
        quotes: Penalty for a sentence that quotes someone.
        standalone: Choose only sentences that read alone (see
            :func:`dangling`), unless no other sentence is eligible.
        candidates: At most this many facts enter the integer program.
        redundancy: Cosine of content terms above which two facts say the same.
        time_limit: Seconds the solver may use before the greedy fallback.
        gap: Relative optimality gap at which the solver stops.
    """

    min_words: int = 8
    max_words: int = 60
    min_df: int = 3
    unigram_min_df: int = 3
    unigrams: float = 0.5
    concept_position: float = 4.0
    concept_decay: float = 3.0
    position: float = 0.25
    position_decay: float = 2.0
    corroboration: float = 4.0
    quotes: float = 1.0
    standalone: bool = True
    candidates: int = 100
    redundancy: float = 0.6
    time_limit: float = 10.0
    gap: float = 0.005


DEFAULT = Params()

# Openers that point back to the previous sentence: pronouns, demonstratives
# and connectives ("They are...", "This shows...", "But...", "He added, ...").
_BACK_WORDS = frozenset((
    "he", "she", "they", "it", "this", "these", "those", "that", "his", "her", "their", "its", "him",
    "them", "we", "i", "our", "my", "us", "such", "also", "but", "and", "so", "then", "there", "here",
    "however", "meanwhile", "moreover", "furthermore", "still", "yet", "instead", "besides", "thus",
    "therefore", "otherwise", "likewise", "similarly", "nevertheless", "nonetheless", "additionally",
    "accordingly", "hence", "later", "afterwards", "afterward", "again", "too"))
# A short opening phrase that names something by demonstrative or is a
# connective ("That day,", "Against this backdrop,", "In particular,"), or an
# "also" among the first words ("Arafat also called...", "Police said they
# also found..."): the sentence adds to something said before it.
_BACK_PHRASE = re.compile(
    r"^(?:[A-Za-z]+\s+){0,3}(?:this|that|these|those|the same)\b[^,;:]{0,30},"
    r"|^(?:in particular|in addition|on the other hand|at the same time|as a result|for (?:example|instance)"
    r"|in (?:turn|contrast|response|return)|by contrast|even so|to that end|after that|before that),"
    r"|^(?:[\w.'-]+,?\s+){1,4}also\b",
    re.IGNORECASE)
# A short opening phrase, then a pronoun ("On Saturday, he traveled..."): the
# pronoun points back unless the phrase itself names someone ("When Lee
# arrived in Nara, he bowed" reads alone).
_INTRO_PRONOUN = re.compile(r"^([^,;:\"\u201c]{1,40}),\s+(?:he|she|they|it|we|i|this|these|those|such)\s",
                            re.IGNORECASE)
_CALENDAR = CALENDAR_WORDS | MONTH_ABBREVIATIONS.keys()
# First-person words outside quotation marks: a quote whose speaker is unnamed.
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|us|our|ours)\b")
_OPENERS = ('"', "\u201c", "`")
_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]?")

# Words that open a quotation in news text, in ASCII and typographic forms.
_QUOTE_MARKS = ('"', "\u201c", "\u201d", "``", "''")


def word_count(text: str) -> int:
    """Words as the budget counts them: white-space separated tokens."""
    return len(text.split())


@lru_cache(maxsize=65536)
def _terms(text: str) -> tuple[str | None, ...]:
    """Stems in order, with ``None`` where a stop word stood (read once per text: news repeats sentences)."""
    return tuple(map(term, words(text)))


@lru_cache(maxsize=65536)
def _concepts_of(text: str) -> frozenset[str]:
    """Bigrams of adjacent content stems ("a b") and the content stems themselves."""
    terms = _terms(text)
    out = {f"{a} {b}" for a, b in zip(terms, terms[1:], strict=False) if a and b}
    out.update(t for t in terms if t)
    return frozenset(out)


def content_of(text: str) -> frozenset[str]:
    """A sentence's content stems."""
    return frozenset(t for t in _terms(text) if t)


def _position(fact: Fact) -> int:
    return min((s.index for s in fact.sentences), default=0)


def concepts(facts: Sequence[Fact], params: Params = DEFAULT) -> tuple[list[set[str]], dict[str, float]]:
    """The concepts of each fact and the weight of every retained concept.

    Concepts are stemmed content words and bigrams of adjacent ones, counted
    over every member sentence of every fact, so merging duplicates changes
    no weight. A concept's weight is the number of sources that contain it,
    plus a share for each source that mentions it early, scaled down for
    single words. Concepts in fewer than ``min_df`` sources (at most half of
    them, at least two) are dropped. With a single source, a concept needs two
    sentences and weighs by how many contain it.

    Args:
        facts: The facts.
        params: Selector tuning.

    Returns:
        Per fact, the retained concepts of its representative sentence; and
        the weight of each retained concept.
    """
    # Copies of a sentence are common across sources: _concepts_of reads each text once.
    per_fact = [_concepts_of(f.text) for f in facts]
    first: dict[str, dict[str, int]] = {}
    occurrences: dict[str, int] = {}
    for fact, own in zip(facts, per_fact, strict=True):
        members = fact.sentences or ()
        texts = [(s.source_id, s.index, s.text) for s in members]
        if not texts:
            texts = [(src, 0, fact.text) for src in fact.sources]
        for src, index, text in texts:
            cs = own if text == fact.text else _concepts_of(text)
            for c in cs:
                seen = first.setdefault(c, {})
                if index < seen.get(src, 1 << 30):
                    seen[src] = index
                occurrences[c] = occurrences.get(c, 0) + 1
    n_sources = len({src for seen in first.values() for src in seen})
    weights: dict[str, float] = {}
    if n_sources <= 1:
        for c, k in occurrences.items():
            if k >= 2:
                weights[c] = k * (1.0 if " " in c else params.unigrams)
    else:
        cap = math.ceil(n_sources / 2)
        floor = max(2, min(params.min_df, cap))
        ufloor = max(2, min(params.unigram_min_df, cap))
        for c, seen in first.items():
            bigram = " " in c
            if len(seen) < (floor if bigram else ufloor):
                continue
            early = sum(math.exp(-i / params.concept_decay) for i in seen.values())
            weights[c] = (len(seen) + params.concept_position * early) * (1.0 if bigram else params.unigrams)
    return [{c for c in cs if c in weights} for cs in per_fact], weights


def _quotes(text: str) -> bool:
    return any(q in text for q in _QUOTE_MARKS)


def dangling(text: str) -> bool:
    """Whether a sentence leans on the one before it and reads poorly alone.

    True when it opens with a pronoun, a demonstrative or a connective ("They
    are scheduled...", "That day, ...", "But ...", "He added, ..."), or with
    a short phrase and then a pronoun ("On Saturday, he traveled..."), has
    "also" among its first five words ("Arafat also called..."), or speaks
    in the first person outside quotation marks, as the middle of a quotation
    whose speaker an earlier sentence named ("This shows the trust between the
    President and me."). A sentence that ends in a colon only announces the
    next one ("The Times said in an editorial:") and reads poorly alone too.

    Args:
        text: One sentence.

    Returns:
        True if a reader needs the previous sentence to understand it.
    """
    body = text.strip()
    if body.endswith(":"):
        return True
    if body[:1] in _OPENERS:
        # A quotation first: readable only if the rest names its speaker.
        return not any(w[:1].isupper() for w in _QUOTED.sub(" ", body).split())
    first = body.split(maxsplit=1)[0].strip(",;:").lower() if body else ""
    if first in _BACK_WORDS or _BACK_PHRASE.match(body):
        return True
    intro = _INTRO_PRONOUN.match(body)
    if intro and not any(w[:1].isupper() and w.strip(".").lower() not in _CALENDAR
                         for w in intro.group(1).split()[1:]):
        return True
    return bool(_FIRST_PERSON.search(_QUOTED.sub(" ", body)))


def _bonus(facts: Sequence[Fact], weights: dict[str, float], params: Params) -> np.ndarray:
    """Per-fact bonus for position, corroboration and quotation, in concept-weight units."""
    scale = max(weights.values(), default=1.0)
    pos = np.array([1.0 / (1.0 + _position(f) / params.position_decay) for f in facts])
    # Corroboration counts only for what most sources report, so inputs whose
    # facts come from one or a few sources each are scored as without it.
    n = len({src for f in facts for src in f.sources})
    reports = [min(max(f.independent, 1), n) for f in facts]
    corr = np.array([(k - 1) / (n - 1) if 2 * k > n > 1 else 0.0 for k in reports])
    quoted = np.array([_quotes(f.text) for f in facts], dtype=float)
    return scale * (params.position * pos + params.corroboration * corr - params.quotes * quoted)


def salience(facts: Sequence[Fact], params: Params = DEFAULT) -> list[float]:
    """Stand-alone importance of each fact: concept weight, position, corroboration.

    Args:
        facts: The facts to score.
        params: Selector tuning.

    Returns:
        One score per fact, aligned by position (higher is more important).
    """
    if not facts:
        return []
    per_fact, weights = concepts(facts, params)
    bonus = _bonus(facts, weights, params)
    return [math.fsum(weights[c] for c in cs) + float(b) for cs, b in zip(per_fact, bonus, strict=True)]


def redundant(a: frozenset[str], b: frozenset[str], threshold: float) -> bool:
    """Whether two facts' content terms overlap above ``threshold`` (cosine): they say the same."""
    if not a or not b:
        return False
    return len(a & b) / math.sqrt(len(a) * len(b)) > threshold


def linked(a: Fact, b: Fact) -> bool:
    """Whether the merger linked two facts: one states the other's statement in part or whole."""
    return b.id in a.overlaps or a.id in b.overlaps


def repeats(a: Fact, b: Fact, threshold: float = DEFAULT.redundancy) -> bool:
    """Whether printing both facts says one thing twice: linked, or content overlapping past ``threshold``."""
    return linked(a, b) or redundant(content_of(a.text), content_of(b.text), threshold)


def greedy(order: Sequence[int], facts: Sequence[Fact], words_budget: int | None, count: int | None,
           threshold: float) -> list[int]:
    """Positions in ``order`` taken while they fit, skipping any that repeats a chosen fact."""
    chosen: list[int] = []
    used = 0
    contents: dict[int, frozenset[str]] = {}
    for i in order:
        if count is not None and len(chosen) >= count:
            break
        n = word_count(facts[i].text)
        if words_budget is not None and used + n > words_budget:
            continue
        content = contents.setdefault(i, content_of(facts[i].text))
        if any(redundant(content, contents[j], threshold) or linked(facts[i], facts[j]) for j in chosen):
            continue
        chosen.append(i)
        used += n
    return chosen


def _ilp(cands: list[int], facts: Sequence[Fact], per_fact: list[set[str]], weights: dict[str, float],
         bonus: np.ndarray, words_budget: int | None, count: int | None, params: Params) -> list[int] | None:
    """Exact concept coverage over ``cands``; ``None`` if the solver gives no answer.

    Concepts found in the same candidates are merged into one variable, and a
    concept only one candidate contains adds its weight to that candidate. The
    concept variables need no integrality: with whole sentence choices the
    optimum sets each to ``min(1, sentences covering it)``.
    """
    n = len(cands)
    holders: dict[str, list[int]] = {}
    for k, i in enumerate(cands):
        for c in sorted(per_fact[i]):
            holders.setdefault(c, []).append(k)
    own = bonus[cands].astype(float)
    groups: dict[tuple[int, ...], float] = {}
    for c, ks in holders.items():
        if len(ks) == 1:
            own[ks[0]] += weights[c]
        else:
            key = tuple(ks)
            groups[key] = groups.get(key, 0.0) + weights[c]
    shared = sorted(groups.items())
    gain = np.concatenate([own, np.array([wt for _, wt in shared])])
    # A shared concept counts only if a chosen sentence contains it: c_j <= sum x_i.
    rows = [Row([*ks, n + j], [-1.0] * len(ks) + [1.0], 0.0) for j, (ks, _) in enumerate(shared)]
    if words_budget is not None:
        rows.append(Row(range(n), [float(word_count(facts[i].text)) for i in cands], float(words_budget)))
    if count is not None:
        rows.append(Row(range(n), [1.0] * n, float(count)))
    rows.extend(Row(pair, (1.0, 1.0), 1.0) for pair in _redundant_pairs(cands, facts, params.redundancy))
    x = maximise(gain, rows, n, time_limit=params.time_limit, gap=params.gap)
    if x is None:
        return None
    return [cands[k] for k in range(n) if x[k] > 0.5]


def _cover_greedy(cands: list[int], facts: Sequence[Fact], per_fact: list[set[str]],
                  weights: dict[str, float], bonus: np.ndarray, words_budget: int, count: int | None,
                  params: Params) -> list[int]:
    """Budgeted greedy coverage: best gain per word, then the best single sentence if better."""
    index: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for k, i in enumerate(cands):
        for c in sorted(per_fact[i]):
            rows.append(k)
            cols.append(index.setdefault(c, len(index)))
    n, m = len(cands), len(index)
    names = sorted(index, key=index.__getitem__)
    w = np.array([weights[c] for c in names])
    occ = np.zeros((n, m))
    occ[rows, cols] = 1.0
    lengths = np.array([word_count(facts[i].text) for i in cands], dtype=float)
    b = bonus[cands]
    open_w = w.copy()
    alive = np.ones(n, dtype=bool)
    contents = [content_of(facts[i].text) for i in cands]
    chosen: list[int] = []
    used = 0.0
    total = 0.0
    while alive.any() and (count is None or len(chosen) < count):
        gain = occ @ open_w + b
        alive &= lengths <= words_budget - used
        if not alive.any():
            break
        ratio = np.where(alive, gain / lengths, -np.inf)
        k = int(np.argmax(ratio))
        if gain[k] <= 0:
            break
        alive[k] = False
        if any(redundant(contents[k], contents[j], params.redundancy)
               or linked(facts[cands[k]], facts[cands[j]]) for j in chosen):
            continue
        chosen.append(k)
        used += lengths[k]
        total += gain[k]
        open_w[occ[k] > 0] = 0.0
    single = occ @ w + b
    fits = np.where(lengths <= words_budget, single, -np.inf)
    best = int(np.argmax(fits))
    if fits[best] > total:
        chosen = [best]
    return [cands[k] for k in chosen]


def _redundant_pairs(cands: list[int], facts: Sequence[Fact], threshold: float) -> list[tuple[int, int]]:
    """Pairs (by candidate position) of facts that repeat each other (see :func:`repeats`)."""
    position = {facts[i].id: k for k, i in enumerate(cands)}
    links = {(min(k, m), max(k, m)) for k, i in enumerate(cands) for other in facts[i].overlaps
             if (m := position.get(other, k)) != k}
    return sorted(links.union(_similar_pairs(cands, facts, threshold)))


def _similar_pairs(cands: list[int], facts: Sequence[Fact], threshold: float) -> list[tuple[int, int]]:
    """Pairs (by candidate position) of facts whose content terms overlap above ``threshold``."""
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for k, i in enumerate(cands):
        for t in sorted(content_of(facts[i].text)):
            rows.append(k)
            cols.append(vocab.setdefault(t, len(vocab)))
    if not rows:
        return []
    mat = np.zeros((len(cands), len(vocab)))
    mat[rows, cols] = 1.0
    sizes = mat.sum(axis=1)
    first, second = np.triu_indices(len(cands), k=1)
    inter = (mat @ mat.T)[first, second]
    with np.errstate(divide="ignore", invalid="ignore"):
        keep = (inter > 0) & (inter / np.sqrt(sizes[first] * sizes[second]) > threshold)
    return list(zip(first[keep].tolist(), second[keep].tolist(), strict=True))


def _overflow(chosen: list[int], cands: Sequence[int], facts: Sequence[Fact], per_fact: list[set[str]],
              weights: dict[str, float], bonus: np.ndarray, params: Params) -> int | None:
    """The fact among ``cands`` that adds most new concept weight per word to ``chosen``, any length."""
    covered = set().union(*(per_fact[i] for i in chosen)) if chosen else set()
    contents = {j: content_of(facts[j].text) for j in chosen}
    best: tuple[float, int] | None = None
    for i in cands:
        if i in contents:
            continue
        new = math.fsum(weights[c] for c in sorted(per_fact[i] - covered)) + float(bonus[i])
        gain = new / word_count(facts[i].text)
        if best is not None and (gain, -i) <= (best[0], -best[1]):
            continue
        content = content_of(facts[i].text)
        if any(redundant(content, other, params.redundancy) or linked(facts[i], facts[j])
               for j, other in contents.items()):
            continue
        best = (gain, i)
    return best[1] if best is not None and best[0] > 0 else None


def cover(facts: Sequence[Fact], words_budget: int | None, count: int | None, overflow: bool = False,
          params: Params = DEFAULT) -> tuple[list[int], list[float], int | None]:
    """briefgen's own choice: chosen fact positions, every fact's score, and the fact past the budget.

    The concept-coverage integer program of this module's docstring, within
    ``words_budget`` words and ``count`` facts; with ``overflow``, one more
    fact past the budget (or ``None``).
    """
    per_fact, weights = concepts(facts, params)
    bonus = _bonus(facts, weights, params)
    scores = [math.fsum(weights[c] for c in cs) + float(b) for cs, b in zip(per_fact, bonus, strict=True)]
    lengths = [word_count(f.text) for f in facts]
    eligible = [i for i in range(len(facts)) if params.min_words <= lengths[i] <= params.max_words
                and any(ch.islower() for ch in facts[i].text)
                and (words_budget is None or lengths[i] <= words_budget)
                and not (params.standalone and dangling(facts[i].text))]
    if not eligible:
        eligible = [i for i in range(len(facts)) if words_budget is None or lengths[i] <= words_budget]
    order = sorted(eligible, key=lambda i: (-scores[i], i))
    if words_budget is None:
        return greedy(order, facts, None, count, params.redundancy), scores, None
    # Prune: the best candidates by score per word and by score.
    density = sorted(eligible, key=lambda i: (-scores[i] / max(lengths[i], 1), i))
    cands = sorted(set(order[: params.candidates // 2]) | set(density[: params.candidates // 2]))
    # No fact fits the budget (one long sentence, say): nothing to solve.
    chosen = _ilp(cands, facts, per_fact, weights, bonus, words_budget, count, params) if cands else []
    if chosen is None:
        chosen = _cover_greedy(cands, facts, per_fact, weights, bonus, words_budget, count, params)
    extra = None
    if overflow and (count is None or len(chosen) < count):
        pool = [i for i in range(len(facts)) if params.min_words <= lengths[i] <= params.max_words
                and any(ch.islower() for ch in facts[i].text)
                and not (params.standalone and dangling(facts[i].text))]
        extra = _overflow(chosen, pool, facts, per_fact, weights, bonus, params)
    return chosen, scores, extra
