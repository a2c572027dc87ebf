"""Concepts and their weights: what a summary of the facts should cover.

Concepts are stemmed content words and bigrams of adjacent ones. Their
weights are learnt (see :mod:`briefgen.select.selector` for the model and
its features; :func:`concept_features` computes them, :func:`shipped_model`
loads the weights fitted on DUC 2003 by ``bench/concepts.py``), or, with
``Params.learnt`` off, counted from how many sources carry each concept and
how early (:data:`briefgen.select.params.COUNTS`).
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import numpy as np

from briefgen.model import Fact
from briefgen.select.params import DEFAULT, FEATURES, ConceptModel, Params
from briefgen.select.standalone import has_quote, stems
from briefgen.text.abbreviated import names_lower_cased
from briefgen.text.frequency import RARE_ZIPF, zipf_table
from briefgen.text.words import words

__all__ = ["concept_features", "concepts", "first_position", "shipped_model", "source_groups", "stated"]


@lru_cache(maxsize=65536)
def _concepts_of(text: str) -> frozenset[str]:
    """Bigrams of adjacent content stems ("a b") and the content stems themselves."""
    terms = stems(text)
    out = {f"{a} {b}" for a, b in zip(terms, terms[1:], strict=False) if a and b}
    out.update(t for t in terms if t)
    return frozenset(out)


def stated(facts: Sequence[Fact]) -> frozenset[str]:
    """Every concept the printed sentences of ``facts`` state (``Params.stated`` for the parts after them)."""
    return frozenset().union(*(_concepts_of(f.text) for f in facts))


def first_position(fact: Fact) -> int:
    return min((s.index for s in fact.sentences), default=0)


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def shipped_model() -> ConceptModel:
    """The concept model fitted on DUC 2003 (``bench/concepts.py`` writes it)."""
    raw = json.loads(resources.files("briefgen.data").joinpath("concepts.json").read_text(encoding="utf-8"))
    return ConceptModel(unigram=tuple(raw["unigram"]), bigram=tuple(raw["bigram"]),
                        capitalised=float(raw["capitalised"]))


# Concepts are numbered once per process, so that a sentence's concepts are
# an array of numbers, read once however many parts of a memo weigh them.
# The numbering starts afresh past this many concepts (about the concepts of
# 50,000 articles), which bounds the memory of a long-running process.
_MAX_CONCEPTS = 2_000_000
_numbers: dict[str, int] = {}
_names: list[str] = []
_numbering = threading.RLock()  # held by concept_features throughout: see _renumber_if_full


class _Profile(NamedTuple):
    """Each concept of one sentence text once, in order of first appearance."""

    ids: np.ndarray  # concept numbers (see _numbers)
    caps: np.ndarray  # whether it is capitalised inside the sentence
    freq: np.ndarray  # its Zipf frequency
    quoted: bool  # whether the sentence quotes


@lru_cache(maxsize=65536)
def _profile(text: str) -> _Profile:
    """Each concept of ``text`` once, whether it is capitalised inside the sentence, and its Zipf frequency.

    The concepts are those of :func:`_concepts_of`; a bigram is capitalised
    if either word is, and its frequency is the mean of its words'.
    """
    toks = words(text)
    terms = stems(text)
    zipf = zipf_table()
    seen: dict[str, tuple[bool, float]] = {}
    for i, t in enumerate(terms):
        if not t:
            continue
        cap = i > 0 and toks[i][:1].isupper()
        freq = zipf.get(toks[i].lower(), RARE_ZIPF)
        if t not in seen:
            seen[t] = (cap, freq)
        nxt = terms[i + 1] if i + 1 < len(terms) else None
        if nxt:
            pair = f"{t} {nxt}"
            if pair not in seen:
                seen[pair] = (cap or toks[i + 1][:1].isupper(),
                              (freq + zipf.get(toks[i + 1].lower(), RARE_ZIPF)) / 2.0)
    with _numbering:
        ids = []
        for c in seen:
            k = _numbers.get(c)
            if k is None:
                k = _numbers[c] = len(_names)
                _names.append(c)
            ids.append(k)
    return _Profile(np.array(ids, dtype=np.int64), np.array([v[0] for v in seen.values()], dtype=bool),
                    np.array([v[1] for v in seen.values()], dtype=np.float64), has_quote(text))


def _renumber_if_full() -> None:
    """Start the concept numbering afresh once it holds :data:`_MAX_CONCEPTS` concepts."""
    with _numbering:
        if len(_names) > _MAX_CONCEPTS:
            _profile.cache_clear()
            _numbers.clear()
            _names.clear()


def source_groups(facts: Sequence[Fact]) -> dict[str, str]:
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
    :func:`source_groups`); positions are sentence indices within the
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
    with _numbering:
        return _concept_features(facts, background)


def _concept_features(facts: Sequence[Fact], background: bool) -> tuple[list[str], np.ndarray, np.ndarray]:
    _renumber_if_full()
    groups = source_groups(facts)
    group_ids = {g: k for k, g in enumerate(sorted(set(groups.values())))}
    n_groups = max(1, len(group_ids))
    n_sources = max(1, len(groups))
    source_ids = {src: k for k, src in enumerate(groups)}
    profiles: list[_Profile] = []
    sent_group: list[int] = []
    sent_source: list[int] = []
    sent_pos: list[int] = []
    for fact in facts:
        for sent in fact.sentences or ():
            profile = _profile(sent.text)
            if not len(profile.ids):
                continue
            src = sent.source_id
            profiles.append(profile)
            sent_group.append(group_ids.setdefault(groups.get(src, src), len(group_ids)))
            sent_source.append(source_ids.setdefault(src, len(source_ids)))
            sent_pos.append(sent.index)
    if not profiles:
        return [], np.zeros((0, len(FEATURES))), np.zeros(0, dtype=bool)
    sizes = np.array([len(p.ids) for p in profiles], dtype=np.int64)
    ids = np.concatenate([p.ids for p in profiles])
    caps = np.concatenate([p.caps for p in profiles])
    freqs = np.concatenate([p.freq for p in profiles])
    # Concepts in sorted order; each one's frequency is read at its first mention.
    present, first_at, inverse = np.unique(ids, return_index=True, return_inverse=True)
    by_name = sorted(range(len(present)), key=lambda k: _names[present[k]])
    names = [_names[present[k]] for k in by_name]
    n = len(names)
    x = np.zeros((n, len(FEATURES)))
    rank = np.empty(n, dtype=np.int64)
    rank[np.array(by_name, dtype=np.int64)] = np.arange(n)
    cid = rank[inverse.reshape(-1)]
    grp = np.repeat(np.array(sent_group, dtype=np.int64), sizes)
    pos = np.repeat(np.array(sent_pos, dtype=np.float64), sizes)
    occ_source = np.repeat(np.array(sent_source, dtype=np.int64), sizes)
    occ_quoted = np.repeat(np.array([p.quoted for p in profiles], dtype=np.float64), sizes)
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
    src_key = np.sort(cid * max(1, len(source_ids)) + occ_source)  # sorted, not np.unique: 10x faster here
    src_key = src_key[np.r_[True, src_key[1:] != src_key[:-1]]]
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
    x[:, 8] = np.bincount(cid, weights=caps.astype(float), minlength=n) / sentences
    if background:
        freq = np.empty(n)
        freq[rank] = freqs[first_at]
        x[:, 9] = (7.0 - freq) / 7.0
    else:
        x[:, 9] = (7.0 - RARE_ZIPF) / 7.0
    x[:, 10] = [_DIGIT.search(c) is not None for c in names]
    x[:, 11] = np.bincount(cid, weights=occ_quoted, minlength=n) / sentences
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
    if not x[:, 8].any() or names_lower_cased(f.text for f in facts):
        # Case says nothing about names in all-lower-case text: use the mean.
        x[:, 8] = model.capitalised
    pred = np.where(bigram, x @ np.asarray(model.bigram), x @ np.asarray(model.unigram))
    scale = np.where(bigram, 1.0, params.unigrams)
    keep = pred > params.threshold
    return {names[k]: float(pred[k] * scale[k]) for k in np.flatnonzero(keep).tolist()}


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
