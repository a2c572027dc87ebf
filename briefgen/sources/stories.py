"""Whole stories on another event: a page among the inputs that shares almost nothing with the rest.

Coverage gathered by hand or by a feed carries now and then a page on something
else (a story on the Tube's anniversary beside coverage of a diary of Jack the
Ripper; a story on a Dutch tradition beside coverage of a Dutch satire show).
The cleaner's off-topic rule drops lines, not stories, so such a page gave the
memo bullets of its own. :func:`read_stories` finds it: among three
sources or more, a source whose sentences are unlike every other source's (its
best cosine of content terms, weighted by their rarity in news at large, under
:data:`STORY_LIKENESS`) while two of the others are alike (a cosine of at least
:data:`CORE_LIKENESS`: the coverage has an event the page is not about). With
two sources there is no telling which one is off the event, and nothing is
dropped; nor where no two of the sources are alike. Such sources are kept but
named (:func:`read_stories`'s ``lone``), so that the memo warns its reader:
through the pipeline, 6 of the 194 labelled clusters below have such a
source, and in 4 of them no two pages report the cluster's event.

The two values were chosen on the 520 pages of 194 Multi-News validation
clusters labelled as reporting their cluster's event or not
(``bench/data/digest_multinews.jsonl``), from a table of 0.05 to 0.2 and 0 to
0.3 (in-sample). Through the pipeline the rule leaves out 9 of the 58 pages
labelled as another story or no article (a film review beside a garden story,
a university's slides, a lyrics page) and 1 of the 462 labelled as reporting
the event (an NPR page, much of it page furniture, that argued against the
event's poll). Most pages on another event share the coverage's subject (an
older story on the same charity shop) and stay. No DUC 2003 article and no
sample article is left out.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from briefgen.model import Source
from briefgen.text.frequency import article_share
from briefgen.text.words import content_terms

__all__ = ["CORE_LIKENESS", "MAX_SOURCES", "PREFILTER", "STORY_LIKENESS", "Stories",
           "editorials", "read_stories"]

#: A source whose best likeness to every other source is under this is on another event.
STORY_LIKENESS = 0.08
#: Two other sources at least this alike make the event the page is not about.
CORE_LIKENESS = 0.2


#: Sources read at most: a larger batch is an archive of many events, which ``briefgen digest``
#: groups first; the pairwise likeness of its sources would cost more than it tells.
MAX_SOURCES = 300
#: Best likeness, with the terms' rarity among the batch's own sentences, at or over which every
#: source is taken to be on the event without reading news at large. Set so the cheap look misses
#: none of the sources the full test leaves out in bench/data/digest_multinews.jsonl's clusters
#: (their batch likeness is at most 0.07).
PREFILTER = 0.2


def _rows(counts: Sequence[Counter[str]], weight: Mapping[str, float]) -> npt.NDArray[np.float64]:
    """Unit-length rows of log counts times the terms' weights (dense: a batch is small)."""
    vocab = {t: k for k, t in enumerate(sorted(weight))}
    out = np.zeros((len(counts), max(len(vocab), 1)))
    for k, found in enumerate(counts):
        for t, n in found.items():
            out[k, vocab[t]] = (1.0 + math.log(n)) * weight[t]
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return np.divide(out, norms, out=np.zeros_like(out), where=norms > 0)


def _likeness(rows: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    like = rows @ rows.T
    np.fill_diagonal(like, -1.0)
    return like


@dataclass(frozen=True)
class Stories:
    """What :func:`read_stories` found.

    Attributes:
        offtopic: Sources on another event, to leave out, each with its best
            likeness to another source.
        lone: Sources as unlike every other source but kept (two sources, or
            no two others alike), each with its best likeness: the coverage
            may mix events.
    """

    offtopic: dict[str, float] = field(default_factory=dict)
    lone: dict[str, float] = field(default_factory=dict)


def read_stories(texts: Mapping[str, Sequence[str]]) -> Stories:
    """Sources on another event, to leave out, and sources as unlike the rest that stay (see the module).

    Args:
        texts: Each source's id and the texts of its sentences.

    Returns:
        Both, each source's id with its best cosine to any other source.
    """
    ids = [i for i, t in texts.items() if t]
    if not 2 <= len(ids) <= MAX_SOURCES:
        return Stories()
    terms = [[content_terms(text) for text in texts[i]] for i in ids]  # each sentence read once
    counts = [Counter(t for found in parts for t in found) for parts in terms]
    sentences = [[frozenset(found) for found in parts] for parts in terms]
    # First a cheap look with the terms' rarity among the batch's own sentences: a source alike to
    # another at PREFILTER or more is on the event, and the rarity in news at large (its word
    # list read once, a third of a second) is read only when some source is not.
    df: Counter[str] = Counter(t for parts in sentences for terms in parts for t in terms)
    total = sum(len(parts) for parts in sentences)
    quick = _likeness(_rows(counts, {t: math.log((total + 1) / n) for t, n in df.items()}))
    if float(quick.max(axis=1).min()) >= PREFILTER:
        return Stories()
    like = _likeness(_rows(counts, {t: -math.log(article_share(t)) for t in df}))
    pairs = sorted(((float(like[a, b]), a, b) for a in range(len(ids)) for b in range(a + 1, len(ids))),
                   reverse=True)
    offtopic: dict[str, float] = {}
    lone: dict[str, float] = {}
    for k, i in enumerate(ids):
        best = float(like[k].max())
        if best >= STORY_LIKENESS:
            continue
        core = next((v for v, a, b in pairs if k not in (a, b)), 0.0)
        (offtopic if core >= CORE_LIKENESS else lone)[i] = best
    return Stories(offtopic, lone)


# The wire's editorial round-up opening a page ("The New York Times said in an editorial for
# Wednesday, Oct. 7:"; 3 sources of DUC 2003, none of Multi-News validation), or a page labelled
# one at its top ("Editorial: ...", "EDITORIAL").
_EDITORIAL = re.compile(
    r"\A\W{0,3}(?:(?-i:[A-Z])[\w.'&-]*\s+){1,6}(?:said|says)\s+in\s+an\s+editorial\b[^\n:]{0,60}:"
    r"|\A\W{0,3}editorial\s*(?::|\n)", re.IGNORECASE)


def editorials(sources: Sequence[Source]) -> set[str]:
    """Ids of the sources that are a paper's editorial, whose sentences state its opinion: the memo
    prints no fact that only editorials state (it would read as the analyst's fact)."""
    return {src.id for src in sources if _EDITORIAL.match(src.text)}
