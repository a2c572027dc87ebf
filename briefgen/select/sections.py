"""Sorting facts into the template's sections.

Every fact is scored against every section, on the stemmed, folded content
words of :func:`briefgen.text.words.content_terms`:

1. **Keywords.** Each keyword or phrase of a section found in the fact (whole
   words, case-insensitive, the longest phrase claiming its words first, so
   "economic security" does not also count as "security") adds its
   specificity: its idf over this corpus's facts relative to the rarest
   possible, shared between the sections that list it. A lower-case keyword
   inside a capitalised name ("security" in "National Security Office") counts
   little; keywords the template capitalises ("North Korea") count fully.
   A keyword counts less the later it stands in the sentence: news sentences
   lead with the main clause, and that says where the fact belongs.
   A section may also name **cues** (``cues = ["future"]`` in its template):
   a fact showing the cue counts as if it held a keyword of weight
   ``Params.cue``. Cues carry what content words cannot, because they are
   stop words or punctuation: "will", "expected to" for what comes next,
   quotation marks for reactions (:data:`CUES`).
2. **Examples.** TF-IDF cosine to the section's example sentences.
3. **Expansion from the corpus.** Facts whose keyword and example evidence
   clearly favours one section become its seeds. Every fact is then scored
   by cosine to the seeds' centroid (less the corpus mean, so words common to
   the whole event do not count) and to its best-matching seeds, so words the
   template never named ("Chosei", "drumsticks") pull their facts in. Few
   seeds make weak evidence, so these scores shrink with the seed count.
4. **Context.** Where facts carry their positions in their sources, a share
   of each fact's evidence comes from the sentences printed next to it: news
   paragraphs keep to one topic.

Two penalties then raise the bar for facts that look like the event in
general (similar to all other facts) or like the facts no section claims. A
fact goes to its best section when that score reaches a threshold and leads
the runner-up clearly; otherwise it joins the :data:`OTHER` pool. Everything
is vectorised with scipy sparse matrices: 100,000 facts take seconds.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import chain

import numpy as np
import numpy.typing as npt
from scipy import sparse

from briefgen.model import Fact, SectionSpec
from briefgen.text.quotes import quotation
from briefgen.text.words import content_terms, words

__all__ = [
    "CUES", "OTHER", "Corpus", "Params", "Scores", "classify", "corpus", "direct_evidence", "score_breakdown",
    "section_scores",
]

log = logging.getLogger(__name__)

OTHER = "other"
"""Key of the pool of facts that fit no section."""


CUES: dict[str, re.Pattern[str]] = {
    # Said of what is to come: the future tense and words of plans and schedules. Modal "would",
    # "could", "may" are left out (they hedge and report more than they foretell), and so is
    # "due to", as often a cause ("due to bad weather") as a timetable.
    "future": re.compile(r"\b(?:will|shall|expected to|expects? to|plans? to|planned to|scheduled"
                         r"|next (?:week|month|year))\b|['\u2019]ll\b", re.IGNORECASE),
    # Words quoted: reactions and statements are mostly reported in quotation marks (and a fact must
    # be a quotation, see _CUE_TESTS).
    "quote": re.compile(r"[\"\u201c\u201d]|''|``"),
}
"""Cue name -> the pattern a fact's text must contain to show it; a section lists its cues in ``cues``."""

# What a fact must also be to show the cue, beyond holding its pattern: a quotation, not a word in
# scare quotes.
_CUE_TESTS: dict[str, Callable[[str], bool]] = {"quote": quotation}

# Lower-case pieces one of which every match of the cue contains: a fast test that rules most
# facts out before the pattern runs (both cues on 100,000 facts: 0.6 s instead of 2.1 s).
_CUE_HINTS: dict[str, tuple[str, ...]] = {
    "future": ("will", "shall", "expect", "plan", "schedul", "next", "'ll", "\u2019ll"),
    "quote": ('"', "\u201c", "\u201d", "''", "``"),
}


# Rows per block when comparing facts with seed facts.
_BLOCK = 2048


@dataclass(frozen=True, slots=True)
class Params:
    """Tuning knobs of the classifier; the defaults are the tested ones.

    Attributes:
        keyword: Weight of the keyword evidence in the combined score.
        example: Weight of the similarity to the section's examples.
        centroid: Weight of the similarity to the section's seed centroid.
        neighbour: Weight of the similarity to the section's best-matching seed facts.
        half: Keyword evidence saturates as ``k / (k + half)``, ``k`` the summed
            specificity (relative idf, 1 for a phrase found in one fact).
        floor: Least weight of a keyword, however common it is in the corpus.
        name_weight: Weight of a lower-case keyword found inside a capitalised
            name ("security" in "National Security Office").
        late: How much a keyword loses by standing late in its sentence: one
            starting a share ``r`` of the way through counts ``1 - late * r``.
            News sentences lead with their main clause, and the main clause
            says which section a sentence serves ("..., police said" does not
            make a fact about the police). 0.5 chosen by leave-one-cluster-out
            among 0, 0.25, 0.5, 0.75 on the section dev set
            (``bench/sections_cv.py``).
        generic: How much a fact's similarity to the whole corpus raises the bar
            it must clear: facts about the event in general go to ``other``.
        residual: How much a fact's similarity to the facts no section claims
            raises the bar it must clear.
        contrast: Share of the corpus mean vector taken off each centroid, so it
            keeps the words its seeds have beyond the event's common words.
        context: Share of a fact's score taken from the facts printed next to it.
        window: How many sentences either side count as next to a fact.
        shrink: Expansion scores of a section with ``m`` seeds are scaled by
            ``m / (m + shrink)``: one seed is weak evidence.
        seed_min: Score a fact needs to seed its section's centroid.
        seed_margin: Lead over the runner-up (fraction of its score) a seed needs.
        rounds: Rounds of centroid expansion.
        max_seeds: Most confident seeds per section used for neighbour scores.
        neighbours: How many best-matching seeds a neighbour score averages.
        place_min: Score a fact needs to be placed in a section.
        place_margin: Lead over the runner-up (fraction of its score) to be placed.
        cue: Keyword weight of a cue the section lists (:data:`CUES`) found in
            the fact, before saturation (a keyword found in one fact weighs
            1). 1.5 chosen by leave-one-cluster-out among 0, 0.5, 1, 1.5, 2
            on the section dev set (``bench/sections_cv.py``).
    """

    keyword: float = 1.0
    example: float = 0.5
    centroid: float = 2.0
    neighbour: float = 1.0
    half: float = 1.0
    floor: float = 0.3
    name_weight: float = 0.25
    late: float = 0.5
    generic: float = 0.5
    residual: float = 1.0
    contrast: float = 1.0
    shrink: float = 2.0
    seed_min: float = 0.4
    seed_margin: float = 0.3
    context: float = 0.2
    window: int = 1
    rounds: int = 2
    max_seeds: int = 64
    neighbours: int = 3
    place_min: float = 0.3
    place_margin: float = 0.1
    cue: float = 1.5

    def __post_init__(self) -> None:
        if not 0.0 <= self.late < 1.0:
            # At 1 or more a keyword at the end of a sentence would weigh nothing or less.
            raise ValueError(f"Params.late must be at least 0 and below 1, not {self.late}")


@dataclass(frozen=True, slots=True)
class Scores:
    """Fact-by-section scores and what they were made of.

    Attributes:
        keys: Section keys, in template order (the columns).
        keyword: Saturated keyword evidence, in [0, 1).
        example: Cosine similarity to the section's examples.
        centroid: Cosine similarity to the centroid of the section's seed facts.
        neighbour: Mean cosine similarity to the section's best-matching seed facts.
        penalty: What each fact's score is charged for looking like the event in
            general or like the facts no section claims (one column).
        total: The combined score used for placement.
    """

    keys: tuple[str, ...]
    keyword: npt.NDArray[np.float64]
    example: npt.NDArray[np.float64]
    centroid: npt.NDArray[np.float64]
    neighbour: npt.NDArray[np.float64]
    penalty: npt.NDArray[np.float64]
    total: npt.NDArray[np.float64]


def _vocabulary(docs: Sequence[Sequence[str]]) -> dict[str, int]:
    return {t: i for i, t in enumerate(sorted({t for d in docs for t in d}))}


def _counts(docs: Sequence[Sequence[str]], vocab: dict[str, int]) -> sparse.csr_matrix:
    """Raw term counts, one row a document; terms outside ``vocab`` are ignored."""
    kept = [[t for t in doc if t in vocab] for doc in docs]
    lengths = np.fromiter((len(d) for d in kept), dtype=np.int64, count=len(kept))
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    indices = np.fromiter(map(vocab.__getitem__, chain.from_iterable(kept)), dtype=np.int64,
                          count=int(indptr[-1]))
    data = np.ones(len(indices), dtype=np.float64)
    m = sparse.csr_matrix((data, indices, indptr), shape=(len(docs), len(vocab)))
    m.sum_duplicates()
    return m


def _tfidf(counts: sparse.csr_matrix, idf: npt.NDArray[np.float64]) -> sparse.csr_matrix:
    """Sublinear tf times idf, rows scaled to unit length."""
    m = counts.copy().astype(np.float64)
    m.data = 1.0 + np.log(m.data)
    m = sparse.csr_matrix(m.multiply(idf[np.newaxis, :]))
    return _unit_rows(m)


def _unit_rows(m: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


def _idf(counts: sparse.csr_matrix) -> npt.NDArray[np.float64]:
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64)
    return np.log((n + 1.0) / (df + 1.0)) + 1.0


# Lower-case words that may sit inside a name ("Ministry of Foreign Affairs").
_NAME_LINKS = frozenset({"of", "for", "and", "the", "on", "de"})
# Marks a term that is part of a capitalised name in the fact's text.
_NAME = "^"


def _tagged_terms(text: str, memo: dict[str, str]) -> list[str]:
    """Content terms as :func:`content_terms` gives them, name words marked with ``^``.

    A word is part of a name when it is capitalised and so is a word next to it
    (possibly across "of", "for", "and", "the"): "National Security Office",
    "Asia-Pacific Economic Cooperation", "Trade Minister Don Farrell". A
    sentence's first word joins a name only when the very next word is
    capitalised ("Exports of Australian lithium" is no name). ``memo`` maps a
    word to its term ("" for a stop word), shared across one run's facts.
    """
    toks = words(text)
    for tok in toks:
        if tok not in memo:
            found = content_terms(tok)
            memo[tok] = found[0] if found else ""
    terms = [memo[tok] for tok in toks]
    caps = [tok[:1].isupper() for tok in toks]
    n = len(toks)
    for i in [i for i, c in enumerate(caps) if c and terms[i]]:
        if (i + 1 < n and caps[i + 1]) or (i > 0 and caps[i - 1]) or _linked(toks, caps, i):
            terms[i] = _NAME + terms[i]
    return [t for t in terms if t]


def _linked(toks: Sequence[str], caps: Sequence[bool], i: int) -> bool:
    """Whether capitalised word ``i`` reaches another across one linking word ("Ministry of Defense")."""
    for link, other in ((i - 1, i - 2), (i + 1, i + 2)):
        if min(i, link, other) > 0 and other < len(toks) and caps[other] and toks[link] in _NAME_LINKS:
            return True
    return False


def _phrases(sections: Sequence[SectionSpec]) -> tuple[list[tuple[str, bool]], sparse.csr_matrix]:
    """Distinct keyword phrases and a phrase-by-section share matrix.

    A phrase is its space-joined stems and whether it may match inside a name:
    only keywords the template writes with a capital ("North Korea", "AI") do,
    so "security" does not match "National Security Office".
    """
    owners: dict[tuple[str, bool], set[int]] = {}
    for j, spec in enumerate(sections):
        for kw in spec.keywords:
            terms = content_terms(kw)
            if terms:
                owners.setdefault((" ".join(terms), kw != kw.lower()), set()).add(j)
    phrases = sorted(owners)
    rows, cols, vals = [], [], []
    for i, p in enumerate(phrases):
        for j in sorted(owners[p]):
            rows.append(i)
            cols.append(j)
            vals.append(1.0 / len(owners[p]))
    share = sparse.csr_matrix((vals, (rows, cols)), shape=(len(phrases), len(sections)))
    return phrases, share


def _phrase_hits(docs: Sequence[Sequence[str]], phrases: Sequence[tuple[str, bool]],
                 name_weight: float, late: float = 0.0) -> sparse.csr_matrix:
    """Fact-by-phrase matrix: 1 where a fact contains a keyword phrase.

    Scans each fact's tagged terms left to right, trying the longest phrase
    first, so a phrase claims its words before any shorter keyword inside it.
    A lower-case keyword found inside a capitalised name ("National Security
    Office", "Horyuji Temple") counts ``name_weight`` instead of 1. A phrase
    starting a share ``r`` of the way through the fact's terms counts
    ``1 - late * r`` of that: the main clause leads.
    """
    starts: dict[str, list[tuple[tuple[str, ...], int, bool]]] = {}
    for idx, (phrase, in_names) in enumerate(phrases):
        terms = tuple(phrase.split(" "))
        starts.setdefault(terms[0], []).append((terms, idx, in_names))
    for cands in starts.values():
        cands.sort(key=lambda c: (-len(c[0]), c[1]))
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, doc in enumerate(docs):
        plain = [t.removeprefix(_NAME) for t in doc]
        found: dict[int, float] = {}
        free = 0  # first position not yet claimed by a phrase
        for i in [i for i, t in enumerate(plain) if t in starts]:
            if i < free:
                continue
            for terms, idx, in_names in starts[plain[i]]:
                end = i + len(terms)
                if tuple(plain[i:end]) == terms:
                    named = not in_names and any(t.startswith(_NAME) for t in doc[i:end])
                    weight = (name_weight if named else 1.0) * (1.0 - late * i / len(plain))
                    found[idx] = max(found.get(idx, 0.0), weight)
                    free = end
                    break
        for idx in sorted(found):
            if found[idx] > 0:
                rows.append(r)
                cols.append(idx)
                vals.append(found[idx])
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(docs), len(phrases)))


def _margin_ok(total: npt.NDArray[np.float64], minimum: float, margin: float) -> npt.NDArray[np.bool_]:
    """Rows whose best score reaches ``minimum`` and leads the runner-up by ``margin`` (relative)."""
    if total.shape[1] == 0:
        return np.zeros(total.shape[0], dtype=bool)
    top = total.max(axis=1)
    second = np.sort(total, axis=1)[:, -2] if total.shape[1] > 1 else np.zeros_like(top)
    return (top >= minimum) & (top - second >= margin * top)


def _seeds(total: npt.NDArray[np.float64], p: Params) -> list[npt.NDArray[np.intp]]:
    """Per section, the facts confidently placed there, most confident first (at most ``p.max_seeds``)."""
    seeded = _margin_ok(total, p.seed_min, p.seed_margin)
    best = total.argmax(axis=1)
    top = total.max(axis=1)
    out = []
    for j in range(total.shape[1]):
        members = np.flatnonzero(seeded & (best == j))
        order = np.lexsort((members, -top[members]))
        out.append(members[order][: p.max_seeds])
    return out


def _centroid_scores(x: sparse.csr_matrix, seeds: list[npt.NDArray[np.intp]],
                     example_rows: list[sparse.csr_matrix], mean: npt.NDArray[np.float64],
                     p: Params) -> npt.NDArray[np.float64]:
    """Cosine of every fact to each section's centroid of seeds and examples."""
    rows = []
    for members, ex in zip(seeds, example_rows, strict=True):
        stacked = sparse.vstack([x[members], ex]) if ex.shape[0] else x[members]
        if stacked.shape[0] == 0:
            rows.append(sparse.csr_matrix((1, x.shape[1])))
            continue
        # Rocchio-style contrast: keep what the seeds share beyond the corpus mean.
        lifted = np.asarray(stacked.mean(axis=0)).ravel() - p.contrast * mean
        rows.append(sparse.csr_matrix(np.clip(lifted, 0.0, None)))
    cents = _unit_rows(sparse.csr_matrix(sparse.vstack(rows)))
    return np.asarray((x @ cents.T).todense())


def _loo_cosine(x: sparse.csr_matrix, pool: npt.NDArray[np.bool_],
                contrast: float) -> npt.NDArray[np.float64]:
    """Cosine of each fact to (mean of the other pool facts) - contrast * (mean of all other facts).

    Leaving the fact itself out keeps the score honest in small corpora, where
    a fact is a large part of any mean it belongs to. Computed in closed form
    from dot products, so it costs two sparse products.
    """
    n = x.shape[0]
    if n < 2 or not pool.any():
        return np.zeros(n)
    inside = pool.astype(np.float64)
    s_vec = np.asarray(x[np.flatnonzero(pool)].sum(axis=0)).ravel()
    t_vec = np.asarray(x.sum(axis=0)).ravel()
    xs = x @ s_vec
    xt = x @ t_vec
    sq = np.asarray(x.multiply(x).sum(axis=1)).ravel()
    p_i = pool.sum() - inside
    safe_p = np.where(p_i > 0, p_i, 1.0)
    a_dot = np.where(p_i > 0, (xs - inside * sq) / safe_p, 0.0)
    b_dot = (xt - sq) / (n - 1)
    a_sq = np.where(p_i > 0, (s_vec @ s_vec - 2 * inside * xs + inside * sq) / safe_p**2, 0.0)
    b_sq = (t_vec @ t_vec - 2 * xt + sq) / (n - 1) ** 2
    ab = np.where(p_i > 0, (s_vec @ t_vec - inside * xt - xs + inside * sq) / (safe_p * (n - 1)), 0.0)
    norm_sq = a_sq - 2 * contrast * ab + contrast**2 * b_sq
    dot = a_dot - contrast * b_dot
    norm = np.sqrt(np.clip(norm_sq, 0.0, None))
    return np.where(norm > 1e-12, dot / np.where(norm > 1e-12, norm, 1.0), 0.0)


def _residual_scores(x: sparse.csr_matrix, seeds: list[npt.NDArray[np.intp]],
                     keyword: npt.NDArray[np.float64], p: Params) -> npt.NDArray[np.float64]:
    """Similarity of every fact to the facts no section claims and no keyword names (one column)."""
    pool = np.ones(x.shape[0], dtype=bool)
    for members in seeds:
        pool[members] = False
    pool &= keyword.max(axis=1) == 0
    return _loo_cosine(x, pool, p.contrast)[:, np.newaxis]


def _neighbour_scores(x: sparse.csr_matrix, seeds: list[npt.NDArray[np.intp]],
                      p: Params) -> npt.NDArray[np.float64]:
    """Mean cosine of every fact to its ``p.neighbours`` most similar seeds of each section.

    A fact is never its own neighbour. Rows are processed in blocks, so memory
    stays at ``block x seeds`` however many facts there are.
    """
    n, k = x.shape[0], len(seeds)
    out = np.zeros((n, k))
    if p.neighbours <= 0 or not any(len(m) for m in seeds):
        return out
    members = np.concatenate(seeds)
    owner = np.concatenate([np.full(len(m), j) for j, m in enumerate(seeds)])
    seed_t = sparse.csr_matrix(x[members].T)
    for start in range(0, n, _BLOCK):
        stop = min(start + _BLOCK, n)
        sims = np.asarray((x[start:stop] @ seed_t).todense())
        own = (members >= start) & (members < stop)
        sims[members[own] - start, np.flatnonzero(own)] = 0.0
        for j in range(k):
            cols = sims[:, owner == j]
            if cols.shape[1] == 0:
                continue
            take = min(p.neighbours, cols.shape[1])
            out[start:stop, j] = np.partition(cols, cols.shape[1] - take, axis=1)[:, -take:].mean(axis=1)
    return out


def _context(facts: Sequence[Fact], window: int) -> sparse.csr_matrix | None:
    """Row-normalised weights of the facts printed next to each fact in its sources.

    News paragraphs keep to one topic, so a fact's neighbours in the source
    stream (up to ``window`` sentences either side, weighted ``1/distance``)
    are evidence for its section. Returns None when sentence positions are not
    usable (two facts claiming the same ``(source_id, index)``).
    """
    if window <= 0:
        return None
    owner: dict[tuple[str, int], int] = {}
    for i, fact in enumerate(facts):
        for sent in fact.sentences:
            if owner.setdefault((sent.source_id, sent.index), i) != i:
                return None
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, fact in enumerate(facts):
        for sent in fact.sentences:
            for d in range(1, window + 1):
                for pos in (sent.index - d, sent.index + d):
                    j = owner.get((sent.source_id, pos))
                    if j is not None and j != i:
                        rows.append(i)
                        cols.append(j)
                        vals.append(1.0 / d)
    n = len(facts)
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(n, n))
    weight = np.asarray(m.sum(axis=1)).ravel()
    weight[weight == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / weight) @ m)


@dataclass(frozen=True, slots=True)
class Corpus:
    """The facts' terms and TF-IDF rows: computed once, scored against any number of templates.

    Attributes:
        tagged: Each fact's content terms, name words marked.
        vocab: Term -> column.
        idf: Inverse document frequency of each column over these facts.
        x: The facts' TF-IDF rows, unit length.
    """

    tagged: list[list[str]]
    vocab: dict[str, int]
    idf: npt.NDArray[np.float64]
    x: sparse.csr_matrix


def corpus(facts: Sequence[Fact]) -> Corpus:
    """The terms and TF-IDF rows of ``facts``."""
    memo: dict[str, str] = {}
    tagged = [_tagged_terms(f.text, memo) for f in facts]
    docs = [[t.removeprefix(_NAME) for t in terms] for terms in tagged]
    vocab = _vocabulary(docs)
    counts = _counts(docs, vocab)
    idf = _idf(counts)
    return Corpus(tagged, vocab, idf, _tfidf(counts, idf))


def _cue_hits(facts: Sequence[Fact], sections: Sequence[SectionSpec]) -> npt.NDArray[np.float64]:
    """Fact-by-section matrix: 1 where the fact shows a cue the section lists, else 0."""
    out = np.zeros((len(facts), len(sections)))
    wanted = sorted({cue for spec in sections for cue in spec.cues})
    if not wanted:
        return out
    lowered = [f.text.lower() for f in facts]
    for cue in wanted:
        pattern, hints, test = CUES[cue], _CUE_HINTS[cue], _CUE_TESTS.get(cue)
        hit = np.fromiter((any(h in low for h in hints) and pattern.search(f.text) is not None
                           and (test is None or test(f.text))
                           for f, low in zip(facts, lowered, strict=True)), dtype=bool, count=len(facts))
        for j, spec in enumerate(sections):
            if cue in spec.cues:
                out[hit, j] = 1.0
    return out


def _direct(c: Corpus, sections: Sequence[SectionSpec], p: Params,
            cues: npt.NDArray[np.float64] | None = None) -> tuple[
        npt.NDArray[np.float64], npt.NDArray[np.float64], list[sparse.csr_matrix]]:
    """Keyword and example evidence of every fact for every section, and the examples' TF-IDF rows.

    ``cues`` (facts by sections, 1 where a fact shows a cue the section lists)
    adds ``p.cue`` to the keyword sum before it saturates.
    """
    n, k = c.x.shape[0], len(sections)
    phrases, share = _phrases(sections)
    hits = _phrase_hits(c.tagged, phrases, p.name_weight, p.late)
    phrase_df = np.asarray((hits > 0).sum(axis=0)).ravel()
    # Specificity in [0, 1]: idf over this corpus, relative to the idf of a
    # phrase found in one fact, so weights mean the same in corpora of any size.
    relative = (np.log((n + 1.0) / (phrase_df + 1.0)) + 1.0) / (np.log((n + 1.0) / 2.0) + 1.0)
    phrase_idf = p.floor + (1.0 - p.floor) * relative
    raw = np.asarray((hits @ sparse.diags(phrase_idf) @ share).todense()) if phrases else np.zeros((n, k))
    if cues is not None:
        raw = raw + p.cue * cues
    keyword = raw / (raw + p.half)

    # Every section's examples in one matrix; each section takes its best-matching example.
    owner = np.array([j for j, spec in enumerate(sections) for _ in spec.examples], dtype=np.intp)
    stacked = _tfidf(_counts([content_terms(e) for spec in sections for e in spec.examples], c.vocab), c.idf)
    sims = np.asarray((c.x @ stacked.T).todense()) if len(owner) else np.zeros((n, 0))
    example = np.zeros((n, k))
    example_rows: list[sparse.csr_matrix] = []
    for j in range(k):
        mine = np.flatnonzero(owner == j)
        example_rows.append(stacked[mine])
        if len(mine):
            example[:, j] = sims[:, mine].max(axis=1)
    return keyword, example, example_rows


def direct_evidence(facts: Sequence[Fact] | Corpus, sections: Sequence[SectionSpec],
                    params: Params | None = None) -> npt.NDArray[np.float64]:
    """How well each fact fits each section by the template's own words alone (no corpus expansion).

    The keyword evidence plus the example similarity, weighted as in
    :func:`score_breakdown`: rows are facts, columns sections in template order.
    Give a :func:`corpus` to score the same facts against several templates.
    Sections' cues play no part here (a corpus keeps no texts), so the choice
    of template, which uses this, is as it was before cues.
    """
    p = params or Params()
    c = facts if isinstance(facts, Corpus) else corpus(facts)
    if c.x.shape[0] == 0 or not sections:
        return np.zeros((c.x.shape[0], len(sections)))
    keyword, example, _rows = _direct(c, sections, p)
    return p.keyword * keyword + p.example * example


def score_breakdown(facts: Sequence[Fact], sections: Sequence[SectionSpec],
                params: Params | None = None) -> Scores:
    """Score every fact against every section.

    Args:
        facts: The facts to score.
        sections: Section specs, in template order.
        params: Tuning knobs; the defaults when omitted.

    Returns:
        The scores, one row per fact and one column per section.
    """
    p = params or Params()
    keys = tuple(s.key for s in sections)
    n, k = len(facts), len(sections)
    if n == 0 or k == 0:
        empty = np.zeros((n, k))
        return Scores(keys, empty, empty.copy(), empty.copy(), empty.copy(), np.zeros((n, 1)), empty.copy())
    c = corpus(facts)
    x = c.x
    keyword, example, example_rows = _direct(c, sections, p, _cue_hits(facts, sections))
    # Similarity to the corpus as a whole: facts about the event in general
    # resemble every section a little and must clear a higher bar.
    mean = np.asarray(x.mean(axis=0)).ravel()
    generic = _loo_cosine(x, np.ones(n, dtype=bool), 0.0)[:, np.newaxis] * p.generic
    # Evidence for each section; seeds are chosen on evidence alone, while
    # placement also charges the penalties for looking like the event in
    # general or like the facts no section claims.
    evidence = p.keyword * keyword + p.example * example
    total = evidence - generic
    around = _context(facts, p.window)
    centroid = np.zeros((n, k))
    neighbour = np.zeros((n, k))
    residual = np.zeros((n, 1))
    for round_ in range(p.rounds):
        seeds = _seeds(evidence, p)
        # Expansion from few seeds is unreliable: shrink it towards zero.
        trust = np.array([len(m) / (len(m) + p.shrink) for m in seeds])[np.newaxis, :]
        centroid = _centroid_scores(x, seeds, example_rows, mean, p) * trust
        # Neighbours are the costliest score: only the last round needs them.
        if round_ == p.rounds - 1:
            neighbour = _neighbour_scores(x, seeds, p) * trust
        residual = _residual_scores(x, seeds, keyword, p) * p.residual
        evidence = p.keyword * keyword + p.example * example + p.centroid * centroid + p.neighbour * neighbour
        if around is not None:
            # Blend with the neighbours' evidence where a fact has neighbours.
            blend = p.context * (np.asarray(around.sum(axis=1)).ravel() > 0)[:, np.newaxis]
            evidence = (1.0 - blend) * evidence + blend * (around @ evidence)
        total = evidence - generic - residual
        log.debug("round: %d facts seeded", sum(len(m) for m in seeds))
    return Scores(keys, keyword, example, centroid, neighbour, generic + residual, total)


def section_scores(facts: Sequence[Fact], sections: Sequence[SectionSpec],
                   params: Params | None = None) -> npt.NDArray[np.float64]:
    """Combined fact-by-section scores (rows: facts, columns: sections in template order)."""
    return score_breakdown(facts, sections, params).total


def classify(facts: Sequence[Fact], sections: Sequence[SectionSpec],
             params: Params | None = None) -> dict[str, list[Fact]]:
    """Place each fact in at most one section.

    Args:
        facts: The facts to sort.
        sections: Section specs, in template order; a catch-all is skipped.
        params: Tuning knobs; the defaults when omitted.

    Returns:
        Every section key in template order, then :data:`OTHER`, each with its
        facts in input order. Placed facts carry ``section`` set to their key;
        facts in :data:`OTHER` carry ``section=None``.
    """
    sections = [s for s in sections if not s.catch_all]  # the catch-all takes what fits no section
    out: dict[str, list[Fact]] = {s.key: [] for s in sections}
    out[OTHER] = []
    if not facts:
        return out
    p = params or Params()
    total = score_breakdown(facts, sections, p).total
    placed = _margin_ok(total, p.place_min, p.place_margin) if sections else np.zeros(len(facts), dtype=bool)
    best = total.argmax(axis=1) if sections else np.zeros(len(facts), dtype=int)
    for fact, ok, j in zip(facts, placed, best, strict=True):
        key = sections[int(j)].key if ok else None
        out[key or OTHER].append(replace(fact, section=key))
    return out

