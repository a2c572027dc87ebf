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
a bonus, a quotation a penalty. A sentence that does not read alone is never
chosen (see :func:`dangling`): an opening pronoun, demonstrative or
connective ("It", "He said", "That day", "As such"), an early "also" or a
closing "as well", an unattributed first-person quote, no closing punctuation
(cut off at the end of a truncated text), a heading glued to its start, or a
wire dateline; the memo prints each sentence without its neighbours. The best
set within the word budget is found by an integer program (HiGHS, see
:mod:`briefgen.solver`) over the best candidates, with a greedy cover as the
fallback should the solver give no answer; budget the program leaves (its
remaining candidates add no concept) is filled with the best eligible facts
that still fit and repeat none chosen. With ``overflow=True`` one more fact
follows the budgeted choice, for summaries of "about N words" that fill the
budget to its end.

Any other method ranks with :func:`briefgen.rank.score_facts` and fills the
budget greedily. Both paths skip a fact whose content words repeat a chosen
one's.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from briefgen.errors import ConfigError
from briefgen.model import Fact
from briefgen.rank import METHODS, score_facts
from briefgen.solver import Row, maximise
from briefgen.text import CALENDAR_WORDS, MONTH_ABBREVIATIONS, term, words

__all__ = ["COUNTS", "FEATURES", "ConceptModel", "Params", "concept_features", "concepts", "dangling",
           "salience", "select", "shipped_model", "word_count"]

# What the concept model reads of each concept, in this order (see concept_features).
FEATURES = ("independent", "sources", "log_independent", "log_sentences", "early", "first", "lead", "lead3",
            "capitalised", "rarity", "digit", "quoted", "word_independent", "bias", "tfidf")


@dataclass(frozen=True, slots=True)
class ConceptModel:
    """Linear weights over :data:`FEATURES` that predict a concept's share of reference summaries.

    Attributes:
        unigram: One weight per feature for single-word concepts.
        bigram: The same for bigram concepts.
        capitalised: The feature's mean in training, used in its place for
            text whose case carries no information (all lower case).
    """

    unigram: tuple[float, ...]
    bigram: tuple[float, ...]
    capitalised: float = 0.0


@dataclass(frozen=True, slots=True)
class Params:
    """Tuning of the briefgen selector.

    The learnt concept model (``learnt``, ``model``) is fitted on DUC 2003;
    the other defaults are set without looking at data: no position bonus
    or quotation penalty (the concept model already reads position), words
    and bigrams at par, the textbook thresholds. Five-fold cross-validation
    found searching them per fold no better held out (see ``bench/duc.py``).
    The corroboration bonus stays on for the memo's sake (a fact that most
    outlets report belongs in it; on DUC 2003 it costs about 0.1 of R-1 and
    R-2 held out). ``COUNTS`` holds the selector as it was before the concept
    model, with the values then fitted on all of DUC 2003.

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
        learnt: Weigh concepts with the learnt concept model instead of the
            source counts (``min_df``, ``unigram_min_df``,
            ``concept_position`` and ``concept_decay`` then play no part).
        model: The concept model; ``None`` for the one shipped in
            ``briefgen/data/concepts.json``.
        threshold: A learnt concept whose predicted weight is at most this
            is no concept.
        background: Read how common each word is in English at large
            (``wordfreq``) as a feature; without it every word counts as
            equally common.
    """

    min_words: int = 8
    max_words: int = 60
    min_df: int = 3
    unigram_min_df: int = 3
    unigrams: float = 1.0
    concept_position: float = 4.0
    concept_decay: float = 3.0
    position: float = 0.0
    position_decay: float = 2.0
    corroboration: float = 4.0
    quotes: float = 0.0
    standalone: bool = True
    candidates: int = 100
    redundancy: float = 0.6
    time_limit: float = 10.0
    gap: float = 0.005
    learnt: bool = True
    model: ConceptModel | None = None
    threshold: float = 0.1
    background: bool = True


DEFAULT = Params()
# The selector before the learnt concept model: source-count concept weights
# and sentence bonuses, fitted on all of DUC 2003 (in-sample).
COUNTS = Params(learnt=False, unigrams=0.5, position=0.25, corroboration=4.0, quotes=1.0)

# Openers that point back to the previous sentence: pronouns, demonstratives
# and connectives ("They are...", "This shows...", "But...", "He added, ...").
_BACK_WORDS = frozenset((
    "he", "she", "they", "it", "this", "these", "those", "that", "his", "her", "their", "its", "him",
    "them", "we", "i", "our", "my", "us", "such", "also", "but", "and", "so", "then", "there", "here",
    "however", "meanwhile", "moreover", "furthermore", "still", "yet", "instead", "besides", "thus",
    "therefore", "otherwise", "likewise", "similarly", "nevertheless", "nonetheless", "additionally",
    "accordingly", "hence", "later", "afterwards", "afterward", "again", "too", "or", "nor"))
# A short opening phrase that names something by demonstrative or is a
# connective ("That day,", "Against this backdrop,", "In particular,"), or an
# "also" among the first words ("Arafat also called...", "Police said they
# also found..."): the sentence adds to something said before it.
_BACK_PHRASE = re.compile(
    r"^(?:[A-Za-z]+\s+){0,3}(?:this|that|these|those|the same)\b[^,;:]{0,30},"
    r"|^(?:in particular|in addition|on the other hand|at the same time|as a result|for (?:example|instance)"
    r"|in (?:turn|contrast|response|return)|by contrast|even so|to that end|after that|before that)[,:]"
    r"|^(?:[\w.'-]+,?\s+){1,4}also\b",
    re.IGNORECASE)
# A short opening phrase, then a pronoun ("On Saturday, he traveled..."): the
# pronoun points back unless the phrase itself names someone ("When Lee
# arrived in Nara, he bowed" reads alone).
_INTRO_PRONOUN = re.compile(r"^([^,;:\"\u201c]{1,40}),\s+(?:he|she|they|it|we|i|this|these|those|such)\s",
                            re.IGNORECASE)
_CALENDAR = CALENDAR_WORDS | MONTH_ABBREVIATIONS.keys()
# "As such, ..." opens on the sentence before; a closing "as well" adds to it.
_AS_SUCH = re.compile(r"^as such\b|\bas well\s*[.!?\"'\u201d\u2019]*\s*$", re.IGNORECASE)
# A sentence ends in a full stop, question or exclamation mark, perhaps inside
# quotes or brackets; anything else was cut off (a truncated text's last line).
_CLOSED = re.compile(r"[.!?][\s\"'\u201d\u2019)\]]*$")
# A heading glued to the sentence it stands over: capitalised words, then a
# capitalised article and a lower-case word ("YANKEES Pitching The starting ...").
_GLUED_HEAD = re.compile(r"^(?:[A-Z][\w'&-]*\s+){1,5}(?:The|A|An)\s+[a-z]")
# A wire dateline the cleaner left in: "LONDON (AP) _", "san francisco ( reuters ) -",
# "Tampa \u2014 ..." (a place of up to three words, then a dash).
_DATELINE = re.compile(
    r"^[^.!?]{0,60}?\(\s*(?:ap|reuters|afp|upi|xinhua|cnn|bloomberg|yonhap|kyodo)\s*\)\s*(?:_|-|\u2014|\u2013)"
    r"|^[A-Z][\w.'&-]*(?:,?\s+[\w.'&-]+){0,2}\s+(?:_|--|\u2014)\s", re.IGNORECASE)
# First-person words outside quotation marks: a quote whose speaker is unnamed.
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|us|our|ours)\b")
_OPENERS = ('"', "\u201c", "`")
_REPORTED = re.compile(r"\b(?:said|says|told|tells|added|adds|explained|according to)\b", re.IGNORECASE)
# Stems after a reporting verb that name no speaker ("he said in an interview");
# pronouns are stop words and have no stem.
_NOT_SPEAKERS = frozenset(("i", "you", "one", "interview", "statement", "ask", "later", "news", "confer"))
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


def _content(text: str) -> frozenset[str]:
    return frozenset(t for t in _terms(text) if t)


def _position(fact: Fact) -> int:
    return min((s.index for s in fact.sentences), default=0)


# A word missing from wordfreq's short English list (everything with a Zipf
# frequency of 3, once per million words, or more) is rarer than that.
_RARE_ZIPF = 2.5
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _zipf() -> dict[str, float]:
    """Zipf frequency (log10 per billion words) of common English words, from ``wordfreq``'s small list.

    The list is read straight from the file the package ships (40 ms), not
    through ``import wordfreq``, which loads language tables this needs none
    of (0.4 s); should the file's format change, the package's own API reads it.
    Empty if ``wordfreq`` is missing: every word then counts as rare.
    """
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).parent / "data" / "small_en.msgpack.gz"
    try:
        import msgpack

        with gzip.open(path, "rb") as fh:
            data = msgpack.load(fh, raw=False)
        if data[0] != {"format": "cB", "version": 1}:
            raise ValueError(data[0])
        # Bucket i after the header holds the words of frequency 10 ** (-i / 100).
        out: dict[str, float] = {}
        for i, bucket in enumerate(data[1:]):
            for word in bucket:
                out.setdefault(word, 9.0 - i / 100.0)
        return out
    except (OSError, ValueError, ImportError, IndexError, TypeError):
        from wordfreq import get_frequency_dict, zipf_frequency

        return {w: zipf_frequency(w, "en") for w in get_frequency_dict("en", wordlist="small")}


@lru_cache(maxsize=1)
def shipped_model() -> ConceptModel:
    """The concept model fitted on DUC 2003 (``bench/concepts.py`` writes it)."""
    raw = json.loads(resources.files("briefgen.data").joinpath("concepts.json").read_text(encoding="utf-8"))
    return ConceptModel(unigram=tuple(raw["unigram"]), bigram=tuple(raw["bigram"]),
                        capitalised=float(raw["capitalised"]))


@lru_cache(maxsize=65536)
def _profile(text: str) -> tuple[tuple[str, ...], tuple[bool, ...], tuple[float, ...]]:
    """Each concept of ``text`` once, whether it is capitalised inside the sentence, and its Zipf frequency.

    The concepts are those of :func:`_concepts_of`; a bigram is capitalised
    if either word is, and its frequency is the mean of its words'.
    """
    toks = words(text)
    terms = _terms(text)
    zipf = _zipf()
    seen: dict[str, tuple[bool, float]] = {}
    for i, t in enumerate(terms):
        if not t:
            continue
        cap = i > 0 and toks[i][:1].isupper()
        freq = zipf.get(toks[i].lower(), _RARE_ZIPF)
        if t not in seen:
            seen[t] = (cap, freq)
        nxt = terms[i + 1] if i + 1 < len(terms) else None
        if nxt:
            pair = f"{t} {nxt}"
            if pair not in seen:
                seen[pair] = (cap or toks[i + 1][:1].isupper(),
                              (freq + zipf.get(toks[i + 1].lower(), _RARE_ZIPF)) / 2.0)
    return tuple(seen), tuple(v[0] for v in seen.values()), tuple(v[1] for v in seen.values())


def _source_groups(facts: Sequence[Fact]) -> dict[str, str]:
    """Each source mapped to its group of wire copies, read from the facts.

    A fact that several sources carry but that counts as one independent
    report (:attr:`Fact.independent`) joins its sources into one group.
    """
    parent: dict[str, str] = {}

    def find(a: str) -> str:
        while parent.setdefault(a, a) != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for fact in facts:
        srcs = fact.sources or tuple(s.source_id for s in fact.sentences)
        for src in srcs:
            find(src)
        if fact.independent == 1 and len(srcs) > 1:
            root = find(srcs[0])
            for src in srcs[1:]:
                other = find(src)
                if other != root:
                    parent[max(other, root)] = min(other, root)
                    root = min(other, root)
    return {src: find(src) for src in sorted(parent)}


def concept_features(facts: Sequence[Fact],
                     background: bool = True) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The concepts of every member sentence of ``facts``, and what the concept model reads of each.

    Sources that are copies of one wire story count once (see
    :func:`_source_groups`); positions are sentence indices within the
    article (``Sentence.index``), so text without paragraph breaks reads the
    same. Per concept, in the order of :data:`FEATURES`: the share of
    independent sources that carry it; the share of sources; the log of
    1 + independent sources; the log of 1 + the sentences that carry it; the
    mean over independent sources of ``exp(-first index / 3)``; ``exp(-first
    index / 3)`` of its earliest mention anywhere; the share of independent
    sources whose first sentence has it; the same for the first three; the
    share of its mentions written with a capital inside a sentence (a name);
    how rare its words are in English (``(7 - Zipf) / 7``, from ``wordfreq``);
    whether it holds a digit; the share of its mentions in sentences that
    quote; for a bigram the smaller share of independent sources of its two
    words (its own share for a single word); and a constant 1.

    Args:
        facts: The facts; their member sentences are read.
        background: Use ``wordfreq``; without it every word is rare.

    Returns:
        The concepts (sorted), a concepts x features matrix, and whether each
        concept is a bigram.
    """
    groups = _source_groups(facts)
    group_ids = {g: k for k, g in enumerate(sorted(set(groups.values())))}
    n_groups = max(1, len(group_ids))
    n_sources = max(1, len(groups))
    source_ids = {src: k for k, src in enumerate(groups)}
    index: dict[str, int] = {}
    ids: list[int] = []
    caps: list[bool] = []
    occ_group: list[int] = []
    occ_source: list[int] = []
    occ_pos: list[int] = []
    occ_quoted: list[bool] = []
    freq_of: dict[int, float] = {}
    for fact in facts:
        for sent in fact.sentences or ():
            names_, cap_, freq_ = _profile(sent.text)
            if not names_:
                continue
            new = len(index)
            got = [index.setdefault(c, len(index)) for c in names_]
            if len(index) > new:
                for k, f in zip(got, freq_, strict=True):
                    if k >= new:
                        freq_of[k] = f
            m = len(got)
            ids.extend(got)
            caps.extend(cap_)
            src = sent.source_id
            occ_group.extend([group_ids.setdefault(groups.get(src, src), len(group_ids))] * m)
            occ_source.extend([source_ids.setdefault(src, len(source_ids))] * m)
            occ_pos.extend([sent.index] * m)
            occ_quoted.extend([_quotes(sent.text)] * m)
    names = sorted(index)
    n = len(names)
    x = np.zeros((n, len(FEATURES)))
    if not n:
        return names, x, np.zeros(0, dtype=bool)
    # Concepts in sorted order: rank of each first-seen index.
    rank = np.empty(n, dtype=np.int64)
    rank[np.array([index[c] for c in names], dtype=np.int64)] = np.arange(n)
    cid = rank[np.array(ids, dtype=np.int64)]
    grp = np.array(occ_group, dtype=np.int64)
    pos = np.array(occ_pos, dtype=np.float64)
    ng = len(group_ids)
    # Earliest mention per (concept, group).
    key = cid * ng + grp
    order = np.lexsort((pos, key))
    key_sorted = key[order]
    starts = np.flatnonzero(np.r_[True, key_sorted[1:] != key_sorted[:-1]])
    pair_concept = key_sorted[starts] // ng
    pair_first = pos[order][starts]
    k_groups = np.bincount(pair_concept, minlength=n).astype(float)
    early = np.exp(-pair_first / 3.0)
    sentences = np.bincount(cid, minlength=n).astype(float)
    src_key = np.unique(cid * max(1, len(source_ids)) + np.array(occ_source, dtype=np.int64))
    k_sources = np.bincount(src_key // max(1, len(source_ids)), minlength=n).astype(float)
    x[:, 0] = k_groups / n_groups
    x[:, 1] = k_sources / n_sources
    x[:, 2] = np.log1p(k_groups)
    x[:, 3] = np.log1p(sentences)
    x[:, 4] = np.bincount(pair_concept, weights=early, minlength=n) / n_groups
    first = np.full(n, np.inf)
    np.minimum.at(first, pair_concept, pair_first)
    x[:, 5] = np.exp(-first / 3.0)
    x[:, 6] = np.bincount(pair_concept, weights=(pair_first == 0).astype(float), minlength=n) / n_groups
    x[:, 7] = np.bincount(pair_concept, weights=(pair_first < 3).astype(float), minlength=n) / n_groups
    x[:, 8] = np.bincount(cid, weights=np.array(caps, dtype=float), minlength=n) / sentences
    if background:
        freq = np.empty(n)
        freq[rank[np.array(list(freq_of), dtype=np.int64)]] = list(freq_of.values())
        x[:, 9] = (7.0 - freq) / 7.0
    else:
        x[:, 9] = (7.0 - _RARE_ZIPF) / 7.0
    x[:, 10] = [_DIGIT.search(c) is not None for c in names]
    x[:, 11] = np.bincount(cid, weights=np.array(occ_quoted, dtype=float), minlength=n) / sentences
    bigram = np.array([" " in c for c in names], dtype=bool)
    x[:, 12] = x[:, 0]
    where = np.flatnonzero(bigram)
    if len(where):
        position = {c: k for k, c in enumerate(names)}
        parts = [names[k].split(" ") for k in where.tolist()]
        left = np.array([position[a] for a, _ in parts])
        right = np.array([position[b] for _, b in parts])
        x[where, 12] = np.minimum(x[left, 0], x[right, 0])
    x[:, 13] = 1.0
    x[:, 14] = x[:, 3] * x[:, 9]
    return names, x, bigram


def _learnt(facts: Sequence[Fact], params: Params) -> dict[str, float]:
    """Concept weights predicted by the concept model, those above ``params.threshold``."""
    names, x, bigram = concept_features(facts, params.background)
    if not names:
        return {}
    model = params.model or shipped_model()
    if not x[:, 8].any() or _lower_case(facts):
        # Case says nothing about names in all-lower-case text: use the mean.
        x[:, 8] = model.capitalised
    pred = np.where(bigram, x @ np.asarray(model.bigram), x @ np.asarray(model.unigram))
    scale = np.where(bigram, 1.0, params.unigrams)
    keep = pred > params.threshold
    return {names[k]: float(pred[k] * scale[k]) for k in np.flatnonzero(keep).tolist()}


def _lower_case(facts: Sequence[Fact]) -> bool:
    """Whether the text writes names in lower case: under 2 % of words inside sentences are capitalised."""
    inside = capital = 0
    for fact in facts[:200]:
        toks = words(fact.text)[1:]
        inside += len(toks)
        capital += sum(1 for t in toks if t[:1].isupper())
    return inside > 0 and capital < 0.02 * inside


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
    if params.learnt:
        learnt = _learnt(facts, params)
        return [{c for c in cs if c in learnt} for cs in per_fact], learnt
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
    So does one that opens "As such" or ends "as well", one without closing
    punctuation (cut off where a text was truncated), one with a heading glued
    to its start ("YANKEES Pitching The starting pitching ...") and one that
    still carries a wire dateline ("LONDON (AP) _ ...").

    Args:
        text: One sentence.

    Returns:
        True if a reader needs the previous sentence to understand it.
    """
    body = text.strip()
    if body.endswith(":") or not _CLOSED.search(body):
        return True
    if _AS_SUCH.search(body) or _GLUED_HEAD.match(body) or _DATELINE.match(body):
        return True
    if body[:1] in _OPENERS:
        # A quotation first: readable only if the rest names its speaker, by
        # a capitalised name or, in text that writes names in lower case, by a
        # reporting verb with someone other than a pronoun ("..., " clinton told matthews).
        rest = _QUOTED.sub(" ", body)
        if any(w[:1].isupper() for w in rest.split()):
            return False
        verb = _REPORTED.search(rest)
        if verb is None:
            return True
        before = _terms(rest[: verb.start()])[-1:]
        if before and before[0] is None:
            return True  # "..., " she said: the speaker is a pronoun
        speaker = before or _terms(rest[verb.end():])[:3]
        return not any(t and t not in _NOT_SPEAKERS for t in speaker)
    first = body.split(maxsplit=1)[0].strip(",;:").lower() if body else ""
    # "It's", "He's", "There's", "They're": the pronoun before the apostrophe.
    first = first.replace("\u2019", "'").split("'")[0] or first
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


def _redundant(a: frozenset[str], b: frozenset[str], threshold: float) -> bool:
    if not a or not b:
        return False
    return len(a & b) / math.sqrt(len(a) * len(b)) > threshold


def _greedy(order: Sequence[int], facts: Sequence[Fact], words_budget: int | None, count: int | None,
            threshold: float) -> list[int]:
    chosen: list[int] = []
    used = 0
    contents: dict[int, frozenset[str]] = {}
    for i in order:
        if count is not None and len(chosen) >= count:
            break
        n = word_count(facts[i].text)
        if words_budget is not None and used + n > words_budget:
            continue
        content = contents.setdefault(i, _content(facts[i].text))
        if any(_redundant(content, contents[j], threshold) for j in chosen):
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
    contents = [_content(facts[i].text) for i in cands]
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
        if any(_redundant(contents[k], contents[j], params.redundancy) for j in chosen):
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
    """Pairs (by candidate position) of facts whose content terms overlap above ``threshold``."""
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for k, i in enumerate(cands):
        for t in sorted(_content(facts[i].text)):
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
          words_budget: int, count: int | None, params: Params) -> list[int]:
    """``chosen`` topped up, best score first, with eligible facts that still fit and repeat none chosen.

    The integer program leaves room when the facts that would fill it add no
    concept (short inputs, where the budget takes much of the text); a
    summary of N words should still use them.
    """
    used = sum(lengths[i] for i in chosen)
    out = list(chosen)
    contents = [_content(facts[i].text) for i in out]
    for i in order:
        if count is not None and len(out) >= count:
            break
        if i in out or used + lengths[i] > words_budget:
            continue
        content = _content(facts[i].text)
        if any(_redundant(content, other, params.redundancy) for other in contents):
            continue
        out.append(i)
        contents.append(content)
        used += lengths[i]
    return out


def _overflow(chosen: list[int], cands: Sequence[int], facts: Sequence[Fact], per_fact: list[set[str]],
              weights: dict[str, float], bonus: np.ndarray, params: Params) -> int | None:
    """The fact among ``cands`` that adds most new concept weight per word to ``chosen``, any length."""
    covered = set().union(*(per_fact[i] for i in chosen)) if chosen else set()
    contents = {j: _content(facts[j].text) for j in chosen}
    best: tuple[float, int] | None = None
    for i in cands:
        if i in contents:
            continue
        new = math.fsum(weights[c] for c in sorted(per_fact[i] - covered)) + float(bonus[i])
        gain = new / word_count(facts[i].text)
        if best is not None and (gain, -i) <= (best[0], -best[1]):
            continue
        content = _content(facts[i].text)
        if any(_redundant(content, other, params.redundancy) for other in contents.values()):
            continue
        best = (gain, i)
    return best[1] if best is not None and best[0] > 0 else None


def _briefgen(facts: Sequence[Fact], words_budget: int | None, count: int | None, params: Params,
              overflow: bool = False) -> tuple[list[int], list[float], int | None]:
    """Chosen fact positions, every fact's score, and the fact to add past the budget if asked."""
    per_fact, weights = concepts(facts, params)
    bonus = _bonus(facts, weights, params)
    scores = [math.fsum(weights[c] for c in cs) + float(b) for cs, b in zip(per_fact, bonus, strict=True)]
    lengths = [word_count(f.text) for f in facts]
    eligible = [i for i in range(len(facts)) if params.min_words <= lengths[i] <= params.max_words
                and any(ch.islower() for ch in facts[i].text)
                and (words_budget is None or lengths[i] <= words_budget)
                and not (params.standalone and dangling(facts[i].text))]
    if not eligible:
        # Only fragments or overlong sentences: take any length, never one that leans on another.
        eligible = [i for i in range(len(facts)) if (words_budget is None or lengths[i] <= words_budget)
                    and not (params.standalone and dangling(facts[i].text))]
    order = sorted(eligible, key=lambda i: (-scores[i], i))
    if words_budget is None:
        return _greedy(order, facts, None, count, params.redundancy), scores, None
    # Prune: the best candidates by score per word and by score.
    density = sorted(eligible, key=lambda i: (-scores[i] / max(lengths[i], 1), i))
    cands = sorted(set(order[: params.candidates // 2]) | set(density[: params.candidates // 2]))
    # No fact fits the budget (one long sentence, say): nothing to solve.
    chosen = _ilp(cands, facts, per_fact, weights, bonus, words_budget, count, params) if cands else []
    if chosen is None:
        chosen = _cover_greedy(cands, facts, per_fact, weights, bonus, words_budget, count, params)
    chosen = _fill(chosen, order, facts, lengths, words_budget, count, params)
    extra = None
    if overflow and (count is None or len(chosen) < count):
        pool = [i for i in range(len(facts)) if params.min_words <= lengths[i] <= params.max_words
                and any(ch.islower() for ch in facts[i].text)
                and not (params.standalone and dangling(facts[i].text))]
        extra = _overflow(chosen, pool, facts, per_fact, weights, bonus, params)
    return chosen, scores, extra


def select(facts: Sequence[Fact], *, words: int | None = None, count: int | None = None,
           method: str = "briefgen", params: Params = DEFAULT, overflow: bool = False) -> list[Fact]:
    """Choose the facts to print, within a word budget and a count cap.

    Args:
        facts: Candidate facts (one section's, or all of them).
        words: Word budget (white-space tokens); a fact that does not fit is
            skipped and a shorter one may still fit. ``None`` for no budget.
        count: At most this many facts; ``None`` for no cap.
        method: ``"briefgen"`` for the coverage selector, or a sumy ranker
            name from :data:`briefgen.rank.METHODS`.
        params: Tuning of the briefgen selector.
        overflow: Fill a word budget to the end, as "a summary of about N
            words" does: after the choice within the budget, add the best
            remaining fact however long, so the text runs past ``words`` and
            a reader (or a cut at ``words``) loses nothing within it. The
            memo's own budgets stay strict; off by default.

    Returns:
        The chosen facts in decreasing importance, each with ``score`` set,
        then the overflow fact if any. No two of them state the same thing.

    Raises:
        ConfigError: if ``method`` is unknown.
    """
    if method not in METHODS:
        raise ConfigError(f"unknown selection method {method!r} (known: {', '.join(METHODS)})")
    if not facts or count == 0 or words == 0:
        return []
    if method == "briefgen":
        chosen, scores, extra = _briefgen(facts, words, count, params, overflow)
    else:
        scores = score_facts(facts, method)
        order = sorted(range(len(facts)), key=lambda i: (-scores[i], i))
        chosen = _greedy(order, facts, words, count, params.redundancy)
        extra = None
        if overflow and words is not None and (count is None or len(chosen) < count):
            taken = [_content(facts[j].text) for j in chosen]
            extra = next((i for i in order if i not in set(chosen) and not any(
                _redundant(_content(facts[i].text), t, params.redundancy) for t in taken)), None)
    chosen = sorted(chosen, key=lambda i: (-scores[i], i))
    if extra is not None:
        chosen.append(extra)
    return [replace(facts[i], score=float(scores[i])) for i in chosen]
