"""Content selection: which facts the memo prints, within a word budget.

briefgen's own selector (``method="briefgen"``) is a concept-coverage model in
the manner of Gillick & Favre (2009). Concepts are stemmed content words and
bigrams of adjacent ones. A summary is worth the weights of the concepts it
covers, each counted once however many chosen sentences repeat it, so
coverage rewards diversity by itself.

Concept weights are learnt (``Params.learnt``, the default), as in Li, Qian &
Liu (2013) and Hong & Nenkova's RegSum (2014): :func:`concept_features`
describes each concept of the input by what any news cluster offers, and a
linear model (:class:`ConceptModel`, one for words and one for bigrams)
turns that into the expected share of human summaries that contain the
concept. The features: how many *independent* sources carry the concept
(wire copies, which :attr:`Fact.independent` reveals, count once), how many
sources, how many sentences; how early the sources mention it, by sentence
index within the article (``Sentence.index``, so text without paragraph
breaks reads the same) and whether it is in their first sentences; how rare
its words are in English at large (``wordfreq``'s small English list, read
from the file the package ships), alone and times its frequency here (a
tf-idf); the share of its mentions in capitals inside a sentence (names; in
all-lower-case text this carries no information and takes its training
mean); digits; quotation. ``bench/concepts.py`` fits the model by ridge
regression on DUC 2003 (target: the share of the four reference summaries
containing the concept) and writes its 30 weights to
``briefgen/data/concepts.json``; here it is one dot product per concept.
Concepts predicted at or below ``Params.threshold`` are dropped. Held out by
five-fold cross-validation (``bench/duc.py --cv``, strict 100 words), this
lifts DUC 2003 from R-1 37.9 / R-2 9.8 (the source-count weights the selector
used before, its settings searched per fold; ``COUNTS``, ``learnt=False``) to
38.7 / 10.3.

A sentence early in its article and a fact that most sources report may earn
a bonus, a quotation a penalty. A sentence that is not whole is never chosen
(:func:`~briefgen.select.standalone.broken`: no closing punctuation, cut off
at the end of a truncated text; a heading glued to its start; a wire
dateline). One that leans on the sentence before
(:func:`~briefgen.select.standalone.leans`: an opening pronoun,
demonstrative or connective, "It", "He said", "That day", "As such"; an
early "also" or a closing "as well"; an unattributed first-person quote) is
chosen only together with that sentence, both within the budget, and prints
right after it (:mod:`briefgen.select.units`). The best
set within the word budget is found by an integer program (HiGHS, see
:mod:`briefgen.select.solver`) over the best candidates, with a greedy cover as the
fallback should the solver give no answer; budget the program leaves (its
remaining candidates add no concept) is filled with the best eligible facts
that still fit and repeat none chosen. With ``overflow=True`` one more fact
follows the budgeted choice, for summaries of "about N words" that fill the
budget to its end.

:mod:`briefgen.select.choice` registers :func:`cover` as the method
``briefgen``; a method that only scores facts fills the budget with
:func:`greedy`. Both skip a fact that repeats a chosen one (see
:func:`repeats`): its content words overlap the chosen one's, or the merger
linked the two because one states the other's statement in part or whole
(:attr:`briefgen.model.Fact.overlaps`) and they share at least
``Params.link_share`` of their content terms. Most links between sentences
that share less join different statements about the same people; a memo
(``MEMO``), whose bar is that no fact is stated twice, counts every link.
A memo is one summary: a part chosen after others gets the concepts they
printed as ``Params.stated``, and those earn it nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from briefgen.facts.tolls import same_toll, stated_tolls
from briefgen.model import Fact
from briefgen.select.concepts import concept_features, concepts, first_position, shipped_model
from briefgen.select.params import COUNTS, DEFAULT, FEATURES, MEMO, ConceptModel, Params
from briefgen.select.solver import Row, maximise
from briefgen.select.standalone import dangling, fragment, has_quote, runs_on, stems
from briefgen.select.units import clashes, in_order, links, open_ended
from briefgen.select.units import needs as unit_needs

__all__ = [
    "COUNTS", "DEFAULT", "FEATURES", "MEMO", "ConceptModel", "Params", "concept_features", "concepts",
    "content_of", "cover", "dangling", "greedy", "linked", "merger_linked", "ordinary", "redundant",
    "repeats", "salience", "shares", "shipped_model", "word_count",
]


def word_count(text: str) -> int:
    """Words as the budget counts them: white-space separated tokens."""
    return len(text.split())


def ordinary(text: str, params: Params = DEFAULT) -> bool:
    """Whether the selector may choose ``text`` for itself by its length: ``min_words`` to
    ``max_words`` words, some in lower case (not a heading in capitals)."""
    return params.min_words <= word_count(text) <= params.max_words and any(ch.islower() for ch in text)


def _for_itself(text: str) -> bool:
    """Whether a sentence may be chosen for itself, not only as another's antecedent: no
    :func:`~briefgen.select.standalone.fragment`, and no sentence a later one closes
    (:func:`~briefgen.select.standalone.runs_on`)."""
    return not fragment(text) and not runs_on(text)


@lru_cache(maxsize=65536)
def content_of(text: str) -> frozenset[str]:
    """A sentence's content stems (cached: every pair of candidates asks for them)."""
    return frozenset(t for t in stems(text) if t)


def _bonus(facts: Sequence[Fact], weights: dict[str, float], params: Params) -> np.ndarray:
    """Per-fact bonus for position, corroboration and quotation, in concept-weight units."""
    scale = max(weights.values(), default=1.0)
    pos = np.array([1.0 / (1.0 + first_position(f) / params.position_decay) for f in facts])
    # Corroboration counts only for what most sources report, so inputs whose
    # facts come from one or a few sources each are scored as without it.
    n = len({src for f in facts for src in f.sources})
    reports = [min(max(f.independent, 1), n) for f in facts]
    corr = np.array([(k - 1) / (n - 1) if 2 * k > n > 1 else 0.0 for k in reports])
    quoted = np.array([has_quote(f.text) for f in facts], dtype=float)
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


def shares(a: frozenset[str], b: frozenset[str], share: float) -> bool:
    """Whether the content terms two facts share are at least ``share`` of the larger fact's terms."""
    if share <= 0:
        return True
    if not a or not b:
        return False
    return len(a & b) >= share * max(len(a), len(b))


def merger_linked(a: Fact, b: Fact, share: float = DEFAULT.link_share) -> bool:
    """Whether the merger linked two facts (:attr:`Fact.overlaps`) and they share ``share`` of their terms.

    See :attr:`Params.link_share`: a link between sentences that share a
    third of their content or more is mostly one statement twice ("the
    mother and her friend agreed to get high on meth and went into the
    garage" and "her mother and that friend agreed to go into the garage and
    get high on methamphetamine"), one sharing less mostly a different
    statement on the same people ("Turkish officials claim that Ocalan is
    currently hiding in Russia" and "Abdullah Ocalan ... has been detained in
    Rome after stepping off a plane from Moscow, Turkish and Italian
    officials said").
    """
    if b.id not in a.overlaps and a.id not in b.overlaps:
        return False
    return shares(content_of(a.text), content_of(b.text), share)


def linked(a: Fact, b: Fact, share: float = DEFAULT.link_share) -> bool:
    """Whether two facts state one thing in other words: one toll, or a statement the merger linked.

    The merger links facts when one states the other's statement in part or
    whole (:attr:`Fact.overlaps`); a link counts when the two also share
    ``share`` of their content terms (:func:`merger_linked`; 0 for every
    link). Two sentences giving one toll ("killing 60 people", "a fire that
    killed 67") share too few words for either
    (:func:`briefgen.facts.tolls.same_toll`).
    """
    return merger_linked(a, b, share) or same_toll(a.text, b.text)


def repeats(a: Fact, b: Fact, threshold: float = DEFAULT.redundancy,
            share: float = DEFAULT.link_share) -> bool:
    """Whether printing both facts says one thing twice: linked, or content overlapping past ``threshold``."""
    return linked(a, b, share) or redundant(content_of(a.text), content_of(b.text), threshold)


def greedy(order: Sequence[int], facts: Sequence[Fact], words_budget: int | None, count: int | None,
           threshold: float, need: Sequence[tuple[int, ...] | None] | None = None,
           share: float = DEFAULT.link_share, open_end: Sequence[bool] | None = None) -> list[int]:
    """Positions in ``order`` taken while they fit, skipping any that repeats a chosen fact
    (:func:`repeats`, with ``threshold`` and ``share``).

    With ``need`` (from :func:`briefgen.select.units.needs`), a fact that
    needs nothing is taken alone, one that leans on antecedents with those
    not yet taken (the antecedents first) if all fit, and one that can never
    be chosen is skipped. A fragment (:func:`~briefgen.select.standalone.fragment`)
    or a sentence that a later one closes (:func:`~briefgen.select.standalone.runs_on`;
    with ``open_end``, :func:`~briefgen.select.units.open_ended` of ``facts``, which reads
    each sentence among its neighbours) is never taken for itself, only as another's antecedent.
    """
    chosen: list[int] = []
    taken: set[int] = set()
    led: set[int] = set()
    used = 0
    contents: dict[int, frozenset[str]] = {}
    for i in order:
        if count is not None and len(chosen) >= count:
            break
        if i in taken or not _for_itself(facts[i].text) or (open_end is not None and open_end[i]):
            continue
        wants = () if need is None else need[i]
        if wants is None or (need is not None and clashes(i, need, taken, led)):
            continue
        unit = [j for j in (*reversed(wants), i) if j not in taken]
        n = sum(word_count(facts[j].text) for j in unit)
        if words_budget is not None and used + n > words_budget:
            continue
        if count is not None and len(chosen) + len(unit) > count:
            continue
        new = [contents.setdefault(j, content_of(facts[j].text)) for j in unit]
        if any(redundant(c, contents[j], threshold) for c in new for j in chosen) or any(
                linked(facts[u], facts[j], share) for u in unit for j in chosen):
            continue
        if need is not None:
            led.update(a for _, a in links(i, need))
        chosen.extend(unit)
        taken.update(unit)
        used += n
    return chosen


def _ilp(cands: list[int], facts: Sequence[Fact], per_fact: list[set[str]], weights: dict[str, float],
         bonus: np.ndarray, words_budget: int | None, count: int | None, params: Params,
         needs: Sequence[tuple[int, ...] | None] = (), alone: frozenset[int] | set[int] = frozenset(),
         ) -> list[int] | None:
    """Exact concept coverage over ``cands``; ``None`` if the solver gives no answer.

    Concepts found in the same candidates are merged into one variable, and a
    concept only one candidate contains adds its weight to that candidate. The
    concept variables need no integrality: with whole sentence choices the
    optimum sets each to ``min(1, sentences covering it)``. A sentence that
    leans on its antecedent is chosen only with it (``x_dependent <=
    x_antecedent``), and an antecedent that is not in ``alone`` (eligible on
    its own) only with a sentence that needs it.
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
    rows.extend(Row(pair, (1.0, 1.0), 1.0)
                for pair in _redundant_pairs(cands, facts, params.redundancy, params.link_share))
    rows.extend(_unit_rows(cands, needs, alone))
    x = maximise(gain, rows, n, time_limit=params.time_limit, gap=params.gap)
    if x is None:
        return None
    return [cands[k] for k in range(n) if x[k] > 0.5]


def _unit_rows(cands: list[int], needs: Sequence[tuple[int, ...] | None], alone: frozenset[int] | set[int],
               ) -> list[Row]:
    """Rows tying a sentence to its nearest antecedent, an antecedent not eligible alone to its users,
    and at most one user to an antecedent."""
    if not needs:
        return []
    at = {i: k for k, i in enumerate(cands)}
    rows = []
    users: dict[int, list[int]] = {}
    for k, i in enumerate(cands):
        chain = needs[i]
        if chain:
            rows.append(Row((k, at[chain[0]]), (1.0, -1.0), 0.0))
            users.setdefault(chain[0], []).append(k)
    for a, ks in sorted(users.items()):
        if a not in alone:
            rows.append(Row((at[a], *ks), (1.0, *[-1.0] * len(ks)), 0.0))
        if len(ks) > 1:
            # Only one sentence can print right after its antecedent.
            rows.append(Row(ks, [1.0] * len(ks), 1.0))
    return rows


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
               or linked(facts[cands[k]], facts[cands[j]], params.link_share) for j in chosen):
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


def _redundant_pairs(cands: list[int], facts: Sequence[Fact], threshold: float,
                     share: float) -> list[tuple[int, int]]:
    """Pairs (by candidate position) of facts that repeat each other (see :func:`repeats`)."""
    position = {facts[i].id: k for k, i in enumerate(cands)}
    links = {(min(k, m), max(k, m)) for k, i in enumerate(cands) for other in facts[i].overlaps
             if (m := position.get(other, k)) != k
             and shares(content_of(facts[i].text), content_of(facts[cands[m]].text), share)}
    tolls = [k for k, i in enumerate(cands) if stated_tolls(facts[i].text)]
    links.update((k, m) for x, k in enumerate(tolls) for m in tolls[x + 1:]
                 if same_toll(facts[cands[k]].text, facts[cands[m]].text))
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


def _fill(chosen: list[int], order: Sequence[int], facts: Sequence[Fact], lengths: Sequence[int],
          words_budget: int, count: int | None, params: Params,
          needs: Sequence[tuple[int, ...] | None]) -> list[int]:
    """``chosen`` topped up, best score first, with eligible facts that still fit and repeat none chosen.

    The integer program leaves room when the facts that would fill it add no
    concept (short inputs, where the budget takes much of the text); a
    summary of N words should still use them. A sentence that leans on its
    antecedents comes with those not yet chosen, if all fit.
    """
    used = sum(lengths[i] for i in chosen)
    out = list(chosen)
    taken = set(out)
    led = {a for i in out for s, a in links(i, needs) if s in taken}
    contents = [content_of(facts[i].text) for i in out]
    for i in order:
        if count is not None and len(out) >= count:
            break
        unit = [j for j in (i, *(needs[i] or ())) if j not in taken]
        if not unit or used + sum(lengths[j] for j in unit) > words_budget or clashes(i, needs, taken, led):
            continue
        if count is not None and len(out) + len(unit) > count:
            continue
        new = [content_of(facts[j].text) for j in unit]
        if any(redundant(c, other, params.redundancy) for c in new for other in contents) or any(
                linked(facts[u], facts[j], params.link_share) for u in unit for j in out):
            continue
        out.extend(reversed(unit))
        led.update(a for _, a in links(i, needs))
        taken.update(unit)
        contents.extend(new)
        used += sum(lengths[j] for j in unit)
    return out


def _overflow(chosen: list[int], cands: Sequence[int], facts: Sequence[Fact], per_fact: list[set[str]],
              weights: dict[str, float], bonus: np.ndarray, params: Params,
              needs: Sequence[tuple[int, ...] | None], open_end: Sequence[bool]) -> int | None:
    """The fact among ``cands`` that adds most new concept weight per word to ``chosen``, any length.

    Only a sentence that reads alone qualifies: the extra fact prints last,
    away from any antecedent.
    """
    covered = set().union(*(per_fact[i] for i in chosen)) if chosen else set()
    contents = {j: content_of(facts[j].text) for j in chosen}
    best: tuple[float, int] | None = None
    for i in cands:
        if i in contents or needs[i] != () or open_end[i]:
            continue
        new = math.fsum(weights[c] for c in sorted(per_fact[i] - covered)) + float(bonus[i])
        gain = new / word_count(facts[i].text)
        if best is not None and (gain, -i) <= (best[0], -best[1]):
            continue
        content = content_of(facts[i].text)
        if any(redundant(content, other, params.redundancy) or linked(facts[i], facts[j], params.link_share)
               for j, other in contents.items()):
            continue
        best = (gain, i)
    return best[1] if best is not None and best[0] > 0 else None


def cover(facts: Sequence[Fact], words_budget: int | None, count: int | None, overflow: bool = False,
          params: Params = DEFAULT) -> tuple[list[int], list[float], int | None]:
    """briefgen's own choice: chosen fact positions, every fact's score, and the fact past the budget.

    The concept-coverage integer program of this module's docstring, within
    ``words_budget`` words and ``count`` facts; with ``overflow``, one more
    fact past the budget (or ``None``). A sentence that leans on the one
    before comes with it (:mod:`briefgen.select.units`); the chosen
    positions keep each antecedent right before the sentence that needs it.
    """
    per_fact, weights = concepts(facts, params)
    # The bonus is in units of the heaviest concept of the coverage, said or not.
    bonus = _bonus(facts, weights, params)
    if params.stated:
        weights = {c: 0.0 if c in params.stated else w for c, w in weights.items()}
    scores = [math.fsum(weights[c] for c in cs) + float(b) for cs, b in zip(per_fact, bonus, strict=True)]
    lengths = [word_count(f.text) for f in facts]
    need = unit_needs(facts, params.standalone, params.quotations)
    if not params.antecedents:
        need = [n if not n else None for n in need]

    def fits(i: int) -> bool:
        return words_budget is None or lengths[i] + sum(lengths[j] for j in need[i] or ()) <= words_budget

    usable = [i for i in range(len(facts)) if need[i] is not None and fits(i)]
    # A sentence a later one closes comes only as that one's antecedent, like a short one.
    # (The middle of a quotation counts as one: units.open_ended.)
    open_end = open_ended(facts, params.standalone)
    eligible = [i for i in usable if ordinary(facts[i].text, params) and not open_end[i]]
    if not eligible and params.short_fallback:
        # Only short or overlong sentences: take any length, but never a fragment ("Sort of.").
        eligible = [i for i in usable if _for_itself(facts[i].text) and not open_end[i]]
    # An antecedent comes with the sentence that needs it whatever its length.
    alone = {i for i in eligible if not need[i]}
    order = sorted(eligible, key=lambda i: (-scores[i], i))
    if words_budget is None:
        chosen = greedy([i for i in order if i in alone], facts, None, count, params.redundancy,
                        share=params.link_share)
        return in_order(chosen, facts), scores, None
    # Prune: the best candidates by score per word and by score, with their antecedents.
    unit_len = {i: lengths[i] + sum(lengths[j] for j in need[i] or ()) for i in eligible}
    density = sorted(eligible, key=lambda i: (-scores[i] / max(unit_len[i], 1), i))
    picked = set(order[: params.candidates // 2]) | set(density[: params.candidates // 2])
    cands = sorted(picked.union(*(need[i] or () for i in picked)))
    # No fact fits the budget (one long sentence, say): nothing to solve.
    solved = (_ilp(cands, facts, per_fact, weights, bonus, words_budget, count, params, need, alone)
              if cands else [])
    if solved is not None:
        chosen = solved
    else:
        alone_cands = [i for i in cands if i in alone]
        chosen = _cover_greedy(alone_cands, facts, per_fact, weights, bonus, words_budget, count, params)
    chosen = _fill(chosen, order, facts, lengths, words_budget, count, params, need)
    extra = None
    if overflow and (count is None or len(chosen) < count):
        pool = [i for i in range(len(facts)) if params.min_words <= lengths[i] <= params.max_words
                and any(ch.islower() for ch in facts[i].text) and need[i] is not None]
        extra = _overflow(chosen, pool, facts, per_fact, weights, bonus, params, need, open_end)
    return chosen, scores, extra
