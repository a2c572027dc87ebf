"""The bottom line's order: what the most independent reports lead with comes first.

The selector chooses the bottom line's facts by the concepts they cover, and
a fact rich in the coverage's words is often colour ("An eerie sight was
spotted on a satellite image tuesday morning as hurricane matthew moved over
western haiti") or a detail of the day ("Hamas claimed responsibility for the
attack"), while the news itself is what the reports open with ("A car bomb
exploded Friday in a Jerusalem market"). :func:`lead_first` orders the chosen
facts by :func:`lead_consensus`: for each independent report (wire copies
count once), 1 if the fact is one of the report's first
:data:`LEAD_SENTENCES` sentences, else the fact's closest likeness to one of
them (cosine of content terms weighted by their rarity among the facts,
leaving out the words of an attribution's setting but its days,
:func:`briefgen.text.attribution.setting`: every outlet quoting one
interview prints "told bob schieffer in an interview aired sunday on cbs's
face the nation", which says nothing of what was said); a fact the most
reports lead with, in words or in substance, goes first, unless it opens on
the past (:func:`briefgen.text.past.looks_back`: "Workers digging
a well in 1974 struck upon ..."): background goes after the news, whatever
the reports lead with. What the bottom line holds does not change.

On 75 clusters whose candidate sentences were labelled by hand for whether
each states the main news (``bench/data/main_news.jsonl``, see
``bench/main_news.py``), the first bullet states it in 50 (42 ordered by
score): 12 of 15 DUC 2003 clusters (8) and 38 of 60 Multi-News ones (34).
Leaving out the setting changes 5 of 330 bench memos' bottom-line order and
none of these 75 first bullets; leaving out its days too, one more (d30044t,
where "officials said Friday" dates Ocalan's arrest), for the worse.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence

from briefgen.model import LEAD_SENTENCES, Fact
from briefgen.select.choice import Choice
from briefgen.select.concepts import source_groups
from briefgen.select.sections import CUES
from briefgen.select.selector import content_of
from briefgen.select.units import in_order
from briefgen.text.attribution import setting, without_setting
from briefgen.text.past import coverage_year, looks_back, timeless
from briefgen.text.words import CALENDAR_WORDS, term

__all__ = ["LEAD_SENTENCES", "background", "lead_consensus", "lead_first", "news_first"]

# A courtesy title and a surname, then no further name: how a story names someone it has introduced.
_SECOND_REFERENCE = re.compile(r"^\W*(?:mr|mrs|ms|dr)\.\s+[a-z][\w'-]*(?:,|\s+(?-i:[a-z])(?!\.))",
                               re.IGNORECASE)


# The days and months: when a frame's "said friday" dates the news, it says when it happened too.
_DAYS = frozenset(filter(None, map(term, CALENDAR_WORDS)))


def _terms(text: str) -> frozenset[str]:
    """The content terms of ``text`` outside its attribution's setting, and its days and months."""
    terms = content_of(text)
    if not setting(text):
        return terms
    return content_of(without_setting(text)) | (terms & _DAYS)


def lead_consensus(chosen: Sequence[Fact], facts: Sequence[Fact]) -> list[float]:
    """How many independent reports lead with each of ``chosen``, in words or in substance.

    Args:
        chosen: The facts to score.
        facts: Every fact of the coverage: the reports' leads and the terms' rarity.

    Returns:
        Per chosen fact, the sum over reports of 1 for a fact among the report's
        first :data:`LEAD_SENTENCES` sentences, else its highest cosine to one of them.
    """
    groups = source_groups(facts)
    contents = [_terms(f.text) for f in facts]
    df: dict[str, int] = defaultdict(int)
    for terms in contents:
        for t in terms:
            df[t] += 1
    n = len(facts)
    idf = {t: math.log((n + 1) / d) for t, d in df.items()}
    # A source whose first sentence names someone as a story does once it has introduced them ("Mr.
    # Choi was ...") was read from the middle of its story: its first sentences are no lead. (A
    # pronoun first is no such sign: 117 of 876 Multi-News stories open on one, most of them ledes:
    # "It's time once again for an absurd thanksgiving ritual.")
    midway = {s.source_id for f in facts for s in f.sentences
              if s.index == 0 and _SECOND_REFERENCE.match(s.text)}
    leads: dict[str, list[tuple[frozenset[str], float]]] = defaultdict(list)
    for fact, terms in zip(facts, contents, strict=True):
        norm = math.sqrt(math.fsum(idf[t] ** 2 for t in terms))
        for report in sorted({groups.get(s.source_id, s.source_id) for s in fact.sentences
                              if s.index < LEAD_SENTENCES and s.source_id not in midway}):
            leads[report].append((terms, norm))
    out = []
    for fact in chosen:
        terms = _terms(fact.text)
        norm = math.sqrt(math.fsum(idf.get(t, 0.0) ** 2 for t in terms))
        own = {groups.get(s.source_id, s.source_id) for s in fact.sentences
               if s.index < LEAD_SENTENCES and s.source_id not in midway}
        total = 0.0
        for report, lead in sorted(leads.items()):
            if report in own:
                total += 1.0
                continue
            best = 0.0
            for other, other_norm in lead:
                if norm and other_norm:
                    shared = math.fsum(idf[t] ** 2 for t in sorted(terms & other))
                    best = max(best, shared / (norm * other_norm))
            total += best
        out.append(total)
    return out


def background(facts: Sequence[Fact]) -> list[bool]:
    """Per fact, whether it is background: it opens on the past (:func:`~briefgen.text.past.looks_back`,
    the year read among all ``facts``) or states a truth in general (:func:`~briefgen.text.past.timeless`).

    The bottom line chooses among the other facts when they give it anything to print: "In march,
    the company suspended its chief executive ..." and "The production of androgens ... is essential
    for the differentiation of the male brain." belong under a section, the news before them.
    """
    year = coverage_year((f.text for f in facts), ahead=CUES["future"])
    return [looks_back(f.text, year) or timeless(f.text) for f in facts]


def news_first(facts: Sequence[Fact]) -> tuple[list[Fact], list[Fact]]:
    """The pools the bottom line chooses from, in turn: the facts not :func:`background`, then all."""
    return [f for f, back in zip(facts, background(facts), strict=True) if not back], list(facts)


def lead_first(choice: Choice, facts: Sequence[Fact]) -> Choice:
    """``choice`` with its facts ordered by :func:`lead_consensus` (ties keep their order).

    Facts that open on the past (:func:`~briefgen.text.past.looks_back`, the
    year read among all ``facts``) come after the others. A sentence that
    leans on another still prints right after it.
    """
    if len(choice.chosen) < 2:
        return choice
    scores = lead_consensus(choice.facts, facts)
    year = coverage_year((f.text for f in facts), ahead=CUES["future"])
    rank = {i: k for k, i in enumerate(choice.chosen)}
    by = dict(zip(choice.chosen, scores, strict=True))
    back = {i: looks_back(choice.candidates[i].text, year) or timeless(choice.candidates[i].text)
            for i in choice.chosen}
    order = sorted(choice.chosen, key=lambda i: (back[i], -by[i], rank[i]))
    return Choice(choice.candidates, tuple(in_order(order, choice.candidates)))
