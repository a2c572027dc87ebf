"""Whole stories on another event: a page among the inputs that shares almost nothing with the rest.

Coverage gathered by hand or by a feed carries now and then a page on something
else (a story on the Tube's anniversary beside coverage of a diary of Jack the
Ripper; a story on a Dutch tradition beside coverage of a Dutch satire show).
The cleaner's off-topic rule drops lines, not stories, so such a page gave the
memo bullets of its own. :func:`offtopic_stories` finds it: among three
sources or more, a source whose sentences are unlike every other source's (its
best cosine of content terms, weighted by their rarity in news at large, under
:data:`STORY_LIKENESS`) while two of the others are alike (a cosine of at least
:data:`CORE_LIKENESS`: the coverage has an event the page is not about). With
two sources there is no telling which one is off the event, and nothing is
dropped.

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
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse

from briefgen.text.frequency import article_share
from briefgen.text.words import content_terms

__all__ = ["CORE_LIKENESS", "MAX_SOURCES", "STORY_LIKENESS", "offtopic_stories"]

#: A source whose best likeness to every other source is under this is on another event.
STORY_LIKENESS = 0.08
#: Two other sources at least this alike make the event the page is not about.
CORE_LIKENESS = 0.2


#: Sources read at most: a larger batch is an archive of many events, which ``briefgen digest``
#: groups first; the pairwise likeness of its sources would cost more than it tells.
MAX_SOURCES = 300


def _matrix(texts: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Each source's rarity-weighted content-term vector, unit length, as a sparse row."""
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for k, parts in enumerate(texts):
        counts = Counter(t for text in parts for t in content_terms(text))
        for t, n in sorted(counts.items()):
            rows.append(k)
            cols.append(vocab.setdefault(t, len(vocab)))
            vals.append((1.0 + math.log(n)) * -math.log(article_share(t)))
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), max(len(vocab), 1)))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    return sparse.diags(np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)) @ m


def offtopic_stories(texts: Mapping[str, Sequence[str]]) -> dict[str, float]:
    """Sources on another event (see the module docs), each with its best likeness to another source.

    Args:
        texts: Each source's id and the texts of its sentences.

    Returns:
        The ids of the sources to leave out, with their best cosine to any other source.
    """
    ids = [i for i, t in texts.items() if t]
    if not 3 <= len(ids) <= MAX_SOURCES:
        return {}
    m = _matrix([texts[i] for i in ids])
    like = (m @ m.T).toarray()
    np.fill_diagonal(like, -1.0)
    pairs = sorted(((float(like[a, b]), a, b) for a in range(len(ids)) for b in range(a + 1, len(ids))),
                   reverse=True)
    out = {}
    for k, i in enumerate(ids):
        best = float(like[k].max())
        if best >= STORY_LIKENESS:
            continue
        core = next((v for v, a, b in pairs if k not in (a, b)), 0.0)
        if core >= CORE_LIKENESS:
            out[i] = best
    return out
