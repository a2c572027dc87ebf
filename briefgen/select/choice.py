"""Choosing what to print: the ranking methods by name, and one choice record.

:data:`METHODS` is the one registry of ranking methods. briefgen's own
(``briefgen``: the concept-coverage selector of :mod:`briefgen.select.selector`)
and sumy's (:mod:`briefgen.select.rankers`) are entries like any plugin's
(entry-point group ``briefgen.rankers``). The command line's ``--method``
choices, template validation and every error message read it.

A :class:`Method` scores facts, one score per fact; it may also make its own
budgeted choice (briefgen's selector does). A method that only scores fills
the budget greedily, best score first, skipping a fact that repeats a chosen
one. :func:`choose` returns a :class:`Choice`: every candidate with the score
it was ranked by, and which were chosen. The memo, ``briefgen inspect`` and
``-v`` all read the same choice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from briefgen.errors import ConfigError
from briefgen.model import Fact
from briefgen.plugins import Registry
from briefgen.select import rankers, selector, units
from briefgen.select.selector import DEFAULT, Params

__all__ = ["METHODS", "Choice", "Method", "choose", "method_names", "score_facts", "select"]

log = logging.getLogger(__name__)

#: A ranker: one score per fact, aligned by position (higher is more important).
Scorer = Callable[[Sequence[Fact]], Sequence[float]]
#: A method's own budgeted choice: ``(facts, words, count, overflow, params)`` to
#: ``(chosen positions, every fact's score, the fact past the budget or None)``.
Chooser = Callable[[Sequence[Fact], int | None, int | None, bool, Params],
                   tuple[list[int], list[float], int | None]]


@dataclass(frozen=True, slots=True)
class Method:
    """A ranking method.

    Attributes:
        score: One score per fact, aligned by position.
        choose: The method's own budgeted choice, if it has one; otherwise
            the budget is filled greedily by score.
        description: One line for help texts.
    """

    score: Scorer
    choose: Chooser | None = None
    description: str = ""


def _accept(name: str, obj: object) -> Method:
    """A plugin's entry point: a :class:`Method`, or a plain function giving one score per fact."""
    if isinstance(obj, Method):
        return obj
    if callable(obj):
        doc = (getattr(obj, "__doc__", None) or "").strip().splitlines()
        return Method(score=obj, description=doc[0] if doc else "")
    raise TypeError(f"a ranker must be a briefgen Method or a function of facts, not {type(obj).__name__}")


METHODS: Registry[Method] = Registry("briefgen.rankers", "ranking method", _accept)
METHODS.add("briefgen", Method(selector.salience, selector.cover,
                               "concept coverage of what most sources report (default)"))
METHODS.add("lexrank", Method(rankers.lexrank, description="sumy's LexRank (vectorised, same ranking)"))
for _name in rankers.SUMY_METHODS:
    if _name != "lexrank":
        METHODS.add(_name, Method(rankers.sumy_ranker(_name), description=f"sumy's {_name}"))


def method_names() -> list[str]:
    """Every ranking method's name, briefgen's own first, then plugins'."""
    return METHODS.names()


def _method(name: str) -> Method:
    found = METHODS.get(name)
    if found is None:
        raise ConfigError(f"unknown ranking method {name!r} (known: {', '.join(METHODS.names())})")
    return found


def score_facts(facts: Sequence[Fact], method: str = "lexrank") -> list[float]:
    """Score each fact with the method registered as ``method``.

    Returns:
        One score per fact, aligned with ``facts`` by position (higher is
        more important); identical texts keep separate scores.

    Raises:
        ConfigError: if ``method`` is not a known method, or it does not give
            one score per fact.
    """
    entry = _method(method)
    if not facts:
        return []
    scores = [float(s) for s in entry.score(facts)]
    if len(scores) != len(facts):
        raise ConfigError(f"ranking method {method!r} gave {len(scores)} scores for {len(facts)} facts")
    log.debug("ranked %d facts with %s", len(facts), method)
    return scores


@dataclass(frozen=True, slots=True)
class Choice:
    """One selection: every candidate with the score it was ranked by, and which were chosen.

    Attributes:
        candidates: The facts offered, in their given order, each with
            ``score`` set to the value the method ranked it by.
        chosen: Positions in ``candidates`` of the chosen facts, most
            important first (the memo's bottom line: what most reports lead
            with first); with ``overflow``, the fact past the budget last.
    """

    candidates: tuple[Fact, ...] = ()
    chosen: tuple[int, ...] = ()

    @property
    def facts(self) -> tuple[Fact, ...]:
        """The chosen facts, in the order of :attr:`chosen`."""
        return tuple(self.candidates[i] for i in self.chosen)


def choose(facts: Sequence[Fact], *, words: int | None = None, count: int | None = None,
           method: str = "briefgen", params: Params = DEFAULT, overflow: bool = False) -> Choice:
    """Choose the facts to print, and keep every candidate's score.

    Args:
        facts: Candidate facts (one section's, or all of them).
        words: Word budget (white-space tokens); a fact that does not fit is
            skipped and a shorter one may still fit. ``None`` for no budget.
        count: At most this many facts; ``None`` for no cap.
        method: A name from :func:`method_names`.
        params: Tuning of briefgen's own selector.
        overflow: Fill a word budget to the end, as "a summary of about N
            words" does: after the choice within the budget, add the best
            remaining fact however long, so the text runs past ``words`` and
            a reader (or a cut at ``words``) loses nothing within it. The
            memo's own budgets stay strict; off by default.

    Raises:
        ConfigError: if ``method`` is unknown.
    """
    entry = _method(method)
    if not facts:
        return Choice()
    extra: int | None = None
    if count == 0 or words == 0:
        scores = score_facts(facts, method)
        chosen: list[int] = []
    elif entry.choose is not None:
        chosen, scores, extra = entry.choose(facts, words, count, overflow, params)
    else:
        scores = score_facts(facts, method)
        order = sorted(range(len(facts)), key=lambda i: (-scores[i], i))
        if not params.short_fallback:
            # As briefgen's selector: a short sentence only as another's antecedent.
            order = [i for i in order if selector.ordinary(facts[i].text, params)]
        need = units.needs(facts, params.standalone, params.quotations)
        if not params.antecedents:
            need = [n if not n else None for n in need]
        open_end = units.open_ended(facts, params.standalone)
        chosen = selector.greedy(order, facts, words, count, params.redundancy, need, params.link_share,
                                 open_end)
        if overflow and words is not None and (count is None or len(chosen) < count):
            # The extra fact prints last, away from any antecedent: only one that reads alone.
            extra = next((i for i in order if i not in set(chosen) and need[i] == ()
                          and not open_end[i] and not any(
                              selector.repeats(facts[i], facts[j], params.redundancy, params.link_share)
                              for j in chosen)), None)
    # Most important first, each antecedent right before the sentence that leans on it.
    chosen = units.in_order(sorted(chosen, key=lambda i: (-scores[i], i)), facts)
    if extra is not None:
        chosen.append(extra)
    scored = tuple(replace(f, score=float(s)) for f, s in zip(facts, scores, strict=True))
    return Choice(scored, tuple(chosen))


def select(facts: Sequence[Fact], *, words: int | None = None, count: int | None = None,
           method: str = "briefgen", params: Params = DEFAULT, overflow: bool = False) -> list[Fact]:
    """Choose the facts to print, within a word budget and a count cap.

    Takes the arguments of :func:`choose`.

    Returns:
        The chosen facts in decreasing importance, each with ``score`` set,
        then the overflow fact if any. No two of them state the same thing.

    Raises:
        ConfigError: if ``method`` is unknown.
    """
    return list(choose(facts, words=words, count=count, method=method, params=params,
                       overflow=overflow).facts)
