"""Paraphrase: whether two sentences say the same thing, read from their surface.

A logistic regression on 56 features of a sentence pair, fitted on the
training split of the Microsoft Research Paraphrase Corpus (MSRP: pairs from
different outlets on one story, judged by people) by ``bench/samefact.py``;
the fitted weights ship in ``briefgen/data/same_fact.json`` (no text of the
corpus). What it looks at (``a`` is the shorter sentence of the pair, by
stemmed tokens, so the score does not depend on the order of the pair):

* **Shared wording**, MT-metric style: clipped 1- to 4-gram precision of ``a``
  in ``b`` and recall of ``b`` by ``a`` over Porter stems, and their geometric
  means (BLEU-like); character 3- and 4-gram overlap both ways; the longest
  common subsequence and the word-level edit distance of the stem sequences,
  each divided by either length.
* **Content**: the share of each side's content stems (stop words out) found
  in the other, the count left over on each side, the same on five-letter
  prefixes, and the content left over once time words ("Friday", "last
  week") and reporting words ("said", "told") are ignored.
* **Synonyms**: content stems of one side that are WordNet synonyms of a
  content stem of the other (first three senses of each lemma; the groups
  ship in the data file with WordNet's licence notice).
* **What must agree**: numbers (exact and to two significant figures; a
  quantity with a different value for the same unit), capitalised names
  found on one side only, named speakers ("X said") that differ, negation on
  one side only, first and last content word.
* **Length**: token counts, their ratio and logs.

Features are clipped to their range on MSRP before the linear model sees
them: a linear model must not extrapolate to the longer sentences of news
coverage. MSRP calls a sentence that adds a statement of its own "different",
so this is a paraphrase test; :mod:`briefgen.facts.same` adds what the
project needs on top (disagreeing numbers, a short statement stated within a
long sentence).

Per-sentence work (tokens, stems, n-gram and character sets) is done once per
sentence in a :class:`Batch`; the set overlaps of many pairs are one sparse
element-wise product of two sentence-by-key matrices, and the two dynamic
programmes run on whole arrays of pairs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from briefgen.text.words import STOPWORDS, fold, stem, word_set, words

__all__ = ["FEATURES", "Batch", "Model", "Synonyms", "default_model", "features", "load", "probabilities",
           "read", "synonym_table"]

_SPELLED = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
}


_NEGATIONS = word_set("not no never nor none nobody nothing neither without cannot")
_TIME = word_set(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today tonight morning
    afternoon evening night week month year last earlier later ago"""
)
_REPORTING = word_set(
    """said say says saying stated told tell added noted explained emphasized emphasised stressed
    remarked responded announced according reported reports reporters claimed warned insisted
    argued asserted reiterated"""
)
_SPEECH = word_set("said says told according added stated")
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SPACES = re.compile(r"\s+")

# The sets compared across a pair, as (family on the shorter side, family on the longer side).
_BLOCKS = (
    ("g1", "g1"), ("g2", "g2"), ("g3", "g3"), ("g4", "g4"), ("c", "c"), ("ch3", "ch3"), ("ch4", "ch4"),
    ("p", "p"), ("px", "p"), ("p", "px"), ("num", "num"), ("numr", "numr"), ("name", "name"),
    ("name", "c"), ("c", "name"), ("c", "syn"), ("syn", "c"), ("spk", "spk"), ("q", "q"), ("qu", "qu"),
)

FEATURES = (
    "p1", "p2", "p3", "p4", "r1", "r2", "r3", "r4", "bleu_p", "bleu_r",
    "c_short", "c_long", "c_un_a", "c_un_b", "log_un_a", "log_un_b",
    "ch3_a", "ch3_b", "ch4_a", "ch4_b",
    "lcs_a", "lcs_b", "ed_a", "ed_b",
    "len_a", "len_b", "len_ratio", "log_len_a", "log_len_b",
    "num_any", "num_eq", "num_un_a", "num_un_b", "num_clash", "numx_a", "numx_b", "numx_both", "q_clash",
    "name_un_a", "name_un_b", "name_share",
    "neg_xor", "exact", "first_same", "last_same",
    "pre_a", "pre_b", "ux_a", "ux_b",
    "syn_a", "syn_b", "sync_a", "sync_b", "synun_a", "synun_b",
    "spk_diff",
)


@dataclass(frozen=True)
class Model:
    """A fitted model: feature standardisation, weights and operating points."""

    features: tuple[str, ...]
    low: np.ndarray
    high: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float
    high_precision: float
    synonyms: Mapping[str, frozenset[str]]

    def score(self, x: np.ndarray) -> np.ndarray:
        """Probabilities of "same fact" for rows of :data:`FEATURES` values.

        Each feature is first clipped to the range it had in training: a linear
        model must not extrapolate (news sentences run longer than MSRP's, and
        the counts' weights only cancel within the range they were fitted on).
        """
        cols = [FEATURES.index(f) for f in self.features]
        x = np.clip(x[:, cols], self.low, self.high)
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


class Synonyms(Mapping[str, frozenset[str]]):
    """Each stem's synonyms, worked out from its groups when first asked for.

    Reading the shipped groups into sets for every one of their 38,000 stems
    took 0.2 to 0.4 s at each start; this indexes them once (a list per stem)
    and unites a stem's groups only for the stems a batch meets.
    """

    def __init__(self, groups: Iterable[str]) -> None:
        self._groups = [g.split() for g in groups]
        index: dict[str, list[int]] = {}
        for k, members in enumerate(self._groups):
            for m in members:
                index.setdefault(m, []).append(k)
        self._index = index
        self._cache: dict[str, frozenset[str]] = {}

    def __getitem__(self, stem: str) -> frozenset[str]:
        got = self._cache.get(stem)
        if got is None:
            ids = self._index[stem]
            got = self._cache[stem] = frozenset(m for k in ids for m in self._groups[k] if m != stem)
        return got

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


def synonym_table(groups: Iterable[str]) -> Synonyms:
    """Each stem's synonyms from space-separated groups of stems."""
    return Synonyms(groups)


def load(path: Path | str | None = None) -> Model:
    """Read a fitted model: ``path``, else the packaged ``briefgen/data/same_fact.json``."""
    if path is None:
        raw = resources.files("briefgen.data").joinpath("same_fact.json").read_text("utf-8")
    else:
        raw = Path(path).read_text(encoding="utf-8")
    d = json.loads(raw)
    return Model(
        features=tuple(d["features"]),
        low=np.asarray(d["low"]),
        high=np.asarray(d["high"]),
        mean=np.asarray(d["mean"]),
        scale=np.asarray(d["scale"]),
        coef=np.asarray(d["coef"]),
        intercept=float(d["intercept"]),
        threshold=float(d["threshold"]),
        high_precision=float(d["high_precision_threshold"]),
        synonyms=synonym_table(d["synonyms"]),
    )


@dataclass(frozen=True, slots=True)
class Read:
    """One sentence as the features see it: small key sets, its stems and its folded text."""

    sets: dict[str, tuple[Any, ...]]
    stems: list[str]
    content: list[str]
    flat: str
    neg: bool
    key: str


def _value(token: str) -> float | None:
    try:
        return float(token)
    except ValueError:
        return None


@lru_cache(maxsize=262144)
def _word(token: str) -> tuple[str, str, bool]:
    """(lower-cased normalised form, stem, is a content word) of one token (cached)."""
    w = token.lower().replace("\u2019", "'")
    w = _SPELLED.get(w, w)
    if _NUMBER.fullmatch(w):
        w = w.replace(",", "")
    st = stem(w[:-2] if w.endswith("'s") else w)
    return w, st, w not in STOPWORDS


def read(text: str, synonyms: Mapping[str, frozenset[str]] | None = None) -> Read:
    """Tokens, stems and key sets of one sentence (done once per sentence)."""
    text = fold(text).replace("%", " percent ")
    toks = words(text)
    info = [_word(t) for t in toks]
    low = [x[0] for x in info]
    stems = [x[1] for x in info]
    is_content = [x[2] for x in info]
    content = [x[1] for x in info if x[2]]
    cset = set(content)
    names = {x[1] for t, x in zip(toks[1:], info[1:], strict=False) if x[2] and t[0].isupper()}
    numbers: set[str] = set()
    rounded: set[str] = set()
    quantities: set[tuple[str, str]] = set()
    has_number = any(w[:1].isdigit() for w in low)
    for i, w in enumerate(low if has_number else ()):
        if not _NUMBER.fullmatch(w):
            continue
        v = _value(w)
        if v is None:
            continue
        j = i + 1
        if j < len(low) and low[j] in _SCALE:
            v *= _SCALE[low[j]]
            j += 1
        numbers.add(repr(v))
        rounded.add(f"{v:.2g}")
        if not (1800 <= v <= 2100 and w.isdigit()):  # a year is a date, not a quantity
            while j < len(low) and not is_content[j] and low[j] != "percent":
                j += 1
            if j < len(low) and not _NUMBER.fullmatch(low[j]):
                quantities.add((repr(v), stems[j]))
    speakers: set[str] = set()
    if not _SPEECH.isdisjoint(low):
        for i, w in enumerate(low):
            if w in _SPEECH:
                for k in (i - 2, i - 1, i + 1, i + 2):
                    if 0 < k < len(toks) and toks[k][:1].isupper() and is_content[k]:
                        speakers.add(stems[k])
    prefixes = {s[:5] for s in cset}
    prefixes_x = {s[:5] for s, w, c in zip(stems, low, is_content, strict=False)
                  if c and w not in _TIME and w not in _REPORTING}
    syn = set(cset)
    if synonyms:
        for s in cset:
            more = synonyms.get(s)
            if more:
                syn.update(more)
    sets: dict[str, tuple[Any, ...]] = {
        "c": tuple(cset), "p": tuple(prefixes), "px": tuple(prefixes_x), "name": tuple(names),
        "num": tuple(numbers), "numr": tuple(rounded), "syn": tuple(syn), "spk": tuple(speakers),
        "q": tuple(quantities), "qu": tuple({u for _, u in quantities}),
    }
    neg = not _NEGATIONS.isdisjoint(low) or any(w.endswith("n't") for w in low)
    return Read(sets, stems, content, _SPACES.sub(" ", text.lower()), neg, " ".join(low))


# Families whose keys live in another family's key space (so that they can meet it).
_SPACE = {"px": "p", "syn": "c", "name": "c"}
_M = np.uint64(1000003)


def _dedupe_rows(rows: np.ndarray, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(row, code) pairs with repeats dropped, sorted by row then code."""
    order = np.lexsort((codes, rows))
    rows, codes = rows[order], codes[order]
    keep = np.ones(len(rows), dtype=bool)
    keep[1:] = (rows[1:] != rows[:-1]) | (codes[1:] != codes[:-1])
    return rows[keep], codes[keep]


def _ngram_codes(ids: np.ndarray, sent: np.ndarray, pos: np.ndarray, lengths: np.ndarray,
                 n: int) -> tuple[np.ndarray, np.ndarray]:
    """Each sentence's n-grams of ``ids``, each repeat numbered (a set of these gives clipped counts)."""
    ok = pos + n <= lengths[sent]
    start = np.flatnonzero(ok)
    code = ids[start].astype(np.uint64)
    for k in range(1, n):
        code = code * _M + ids[start + k].astype(np.uint64)
    rows = sent[start]
    order = np.lexsort((start, code, rows))
    rows, code = rows[order], code[order]
    new = np.ones(len(rows), dtype=bool)
    new[1:] = (rows[1:] != rows[:-1]) | (code[1:] != code[:-1])
    group_start = np.maximum.accumulate(np.where(new, np.arange(len(rows)), 0))
    repeat = (np.arange(len(rows)) - group_start).astype(np.uint64)
    return rows, code * np.uint64(64) + repeat


def _char_codes(texts: Sequence[str], n: int) -> tuple[np.ndarray, np.ndarray]:
    """Each text's set of character n-grams as integer codes."""
    joined = "".join(texts)
    chars = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    sent = np.repeat(np.arange(len(texts)), lengths)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    pos = np.arange(len(chars)) - starts[sent]
    ok = np.flatnonzero(pos + n <= lengths[sent])
    code = chars[ok]
    for k in range(1, n):
        code = code * _M + chars[ok + k]
    return _dedupe_rows(sent[ok], code)


class Batch:
    """Sentences read once, ready to score any pairs among them."""

    def __init__(self, texts: Sequence[str], model: Model | None = None,
                 synonyms: Mapping[str, frozenset[str]] | None = None) -> None:
        if model is not None:
            synonyms = model.synonyms
        cache: dict[str, Read] = {}
        reads = []
        for t in texts:
            r = cache.get(t)
            if r is None:
                r = cache[t] = read(t, synonyms)
            reads.append(r)
        self.n = n = len(reads)
        # Stem sequences as integer ids, all sentences end to end.
        stem_ids: dict[str, int] = {}
        get = stem_ids.setdefault
        lengths = np.fromiter((len(r.stems) for r in reads), dtype=np.int64, count=n)
        ids = np.fromiter((get(s, len(stem_ids)) for r in reads for s in r.stems), dtype=np.int64,
                          count=int(lengths.sum()))
        offsets = np.concatenate(([0], np.cumsum(lengths)))
        self.ids, self.offsets = ids, offsets
        self.length = lengths.astype(np.float64)
        sent = np.repeat(np.arange(n), lengths)
        pos = np.arange(len(ids)) - offsets[sent]
        family: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for k in range(1, 5):
            family[f"g{k}"] = _ngram_codes(ids, sent, pos, lengths, k)
        flats = [r.flat for r in reads]
        family["ch3"] = _char_codes(flats, 3)
        family["ch4"] = _char_codes(flats, 4)
        spaces: dict[str, dict[object, int]] = {}
        for f in ("c", "syn", "name", "p", "px", "num", "numr", "spk", "q", "qu"):
            d = spaces.setdefault(_SPACE.get(f, f), {})
            sets = [r.sets[f] for r in reads]
            sizes = np.fromiter(map(len, sets), dtype=np.int64, count=n)
            codes = np.fromiter((d.setdefault(k, len(d)) for keys in sets for k in keys), dtype=np.int64,
                                count=int(sizes.sum()))
            family[f] = (np.repeat(np.arange(n), sizes), codes.astype(np.uint64))
        # Compact ids per key space, one CSR matrix per family.
        by_space: dict[str, list[str]] = {}
        for f in family:
            by_space.setdefault(_SPACE.get(f, f), []).append(f)
        mats: dict[str, sparse.csr_matrix] = {}
        self.sizes = {}
        for _space, fams in by_space.items():
            allcodes = np.concatenate([family[f][1] for f in fams])
            uniq, inv = np.unique(allcodes, return_inverse=True)
            width = max(1, len(uniq))
            at = 0
            for f in fams:
                rows = family[f][0]
                cols = inv[at:at + len(rows)]
                at += len(rows)
                m = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, width))
                m.sum_duplicates()
                m.data[:] = 1.0
                mats[f] = m
                self.sizes[f] = np.diff(m.indptr).astype(np.float64)
        self.left = sparse.hstack([mats[x] for x, _ in _BLOCKS], format="csr")
        self.right = sparse.hstack([mats[y] for _, y in _BLOCKS], format="csr")
        widths = [mats[x].shape[1] for x, _ in _BLOCKS]
        self.block_of_col = np.repeat(np.arange(len(_BLOCKS)), widths)
        firsts = [r.content[0] if r.content else None for r in reads]
        lasts = [r.content[-1] if r.content else None for r in reads]
        self.first = np.asarray([stem_ids[c] if c is not None else -1 for c in firsts], dtype=np.int64)
        self.last = np.asarray([stem_ids[c] if c is not None else -2 for c in lasts], dtype=np.int64)
        self.neg = np.asarray([r.neg for r in reads], dtype=bool)
        keys: dict[str, int] = {}
        self.key = np.asarray([keys.setdefault(r.key, len(keys)) for r in reads], dtype=np.int64)
        # The shorter side of a pair: fewer stems, then the smaller text (ties are symmetric).
        order = sorted(range(n), key=lambda i: (len(reads[i].stems), reads[i].key))
        self.rank = np.empty(n, dtype=np.int64)
        self.rank[order] = np.arange(n)

    def seq(self, i: int) -> np.ndarray:
        """Sentence ``i``'s stem ids."""
        return self.ids[self.offsets[i]:self.offsets[i + 1]]


def _overlaps(batch: Batch, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Shared keys of every block of _BLOCKS for each pair (rows) as a (pairs, blocks) array."""
    nb = len(_BLOCKS)
    both = batch.left[a].multiply(batch.right[b]).tocsr()
    rows = np.repeat(np.arange(len(a)), np.diff(both.indptr))
    block = batch.block_of_col[both.indices]
    return np.bincount(rows * nb + block, weights=both.data, minlength=len(a) * nb).reshape(len(a), nb)


def _padded(batch: Batch, rows: np.ndarray, lengths: np.ndarray, width: int, fill: int) -> np.ndarray:
    """The stem ids of sentences ``rows``, one a line, padded with ``fill``."""
    grid = np.arange(width)
    inside = grid < lengths[:, None]
    at = np.where(inside, batch.offsets[rows][:, None] + grid, 0)
    return np.where(inside, batch.ids[at], fill).astype(np.int32)


def _edit_lcs(batch: Batch, a: np.ndarray, b: np.ndarray, chunk: int = 2048) -> tuple[np.ndarray, np.ndarray]:
    """Word-level edit distance and longest common subsequence of the stem sequences.

    Row by row over the shorter sentence, on whole arrays of pairs (sorted by
    length so little padding is done); within a row, the dependence on the
    cell to the left is a running minimum (edit) or maximum (LCS).
    """
    la = batch.length[a].astype(np.int64)
    lb = batch.length[b].astype(np.int64)
    edit = lb.astype(np.float64).copy()  # an empty shorter side
    lcs = np.zeros(len(a))
    order = np.lexsort((la, lb))
    for lo in range(0, len(order), chunk):
        idx = order[lo:lo + chunk]
        na, nbl = la[idx], lb[idx]
        ma, mb = int(na.max(initial=0)), int(nbl.max(initial=0))
        if ma == 0:
            continue
        p = len(idx)
        sa = _padded(batch, a[idx], na, ma, -1)
        sb = _padded(batch, b[idx], nbl, mb, -2)
        cols = np.arange(mb + 1, dtype=np.int32)
        d_prev = np.broadcast_to(cols, (p, mb + 1)).copy()
        l_prev = np.zeros((p, mb + 1), dtype=np.int32)
        end_col = nbl
        rows = np.arange(p)
        for i in range(ma):
            match = sa[:, i:i + 1] == sb
            t = np.empty_like(d_prev)
            t[:, 0] = i + 1
            np.minimum(d_prev[:, 1:] + 1, d_prev[:, :-1] + (~match), out=t[:, 1:])
            d_prev = np.minimum.accumulate(t - cols, axis=1) + cols
            u = np.empty_like(l_prev)
            u[:, 0] = 0
            np.maximum(l_prev[:, 1:], l_prev[:, :-1] + match, out=u[:, 1:])
            l_prev = np.maximum.accumulate(u, axis=1)
            done = na == i + 1
            if done.any():
                edit[idx[done]] = d_prev[rows[done], end_col[done]]
                lcs[idx[done]] = l_prev[rows[done], end_col[done]]
    return edit, lcs


def features(batch: Batch, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The :data:`FEATURES` of pairs (``first[k]``, ``second[k]``) of a batch's sentences."""
    first = np.asarray(first, dtype=np.int64)
    second = np.asarray(second, dtype=np.int64)
    swap = batch.rank[first] > batch.rank[second]
    a = np.where(swap, second, first)
    b = np.where(swap, first, second)
    o = _overlaps(batch, a, b)
    col = {pair: k for k, pair in enumerate(_BLOCKS)}
    s = batch.sizes

    def shared(x: str, y: str) -> np.ndarray:
        return o[:, col[(x, y)]]

    def ratio(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return x / np.maximum(y, 1.0)

    out: dict[str, np.ndarray] = {}
    logs_p, logs_r = [], []
    for n in range(1, 5):
        m = shared(f"g{n}", f"g{n}")
        out[f"p{n}"] = ratio(m, s[f"g{n}"][a])
        out[f"r{n}"] = ratio(m, s[f"g{n}"][b])
        logs_p.append(np.log(out[f"p{n}"] + 1e-3))
        logs_r.append(np.log(out[f"r{n}"] + 1e-3))
    out["bleu_p"] = np.exp(np.mean(logs_p, axis=0))
    out["bleu_r"] = np.exp(np.mean(logs_r, axis=0))
    ca, cb, cs = s["c"][a], s["c"][b], shared("c", "c")
    out["c_short"], out["c_long"] = ratio(cs, ca), ratio(cs, cb)
    out["c_un_a"], out["c_un_b"] = ca - cs, cb - cs
    out["log_un_a"], out["log_un_b"] = np.log1p(ca - cs), np.log1p(cb - cs)
    for n in (3, 4):
        m = shared(f"ch{n}", f"ch{n}")
        out[f"ch{n}_a"], out[f"ch{n}_b"] = ratio(m, s[f"ch{n}"][a]), ratio(m, s[f"ch{n}"][b])
    edit, lcs = _edit_lcs(batch, a, b)
    len_a, len_b = batch.length[a], batch.length[b]
    out["lcs_a"], out["lcs_b"] = ratio(lcs, len_a), ratio(lcs, len_b)
    out["ed_a"], out["ed_b"] = ratio(edit, len_a), ratio(edit, len_b)
    out["len_a"], out["len_b"] = len_a, len_b
    out["len_ratio"] = ratio(len_a, len_b)
    out["log_len_a"], out["log_len_b"] = np.log1p(len_a), np.log1p(len_b)
    na, nb_, ns = s["num"][a], s["num"][b], shared("num", "num")
    out["num_any"] = ((na > 0) | (nb_ > 0)).astype(float)
    out["num_eq"] = ((na > 0) & (na == ns) & (nb_ == ns)).astype(float)
    out["num_un_a"], out["num_un_b"] = na - ns, nb_ - ns
    out["num_clash"] = ((na > ns) & (nb_ > ns)).astype(float)
    ra, rb, rs = s["numr"][a], s["numr"][b], shared("numr", "numr")
    out["numx_a"], out["numx_b"] = ra - rs, rb - rs
    out["numx_both"] = ((ra > rs) & (rb > rs)).astype(float)
    out["q_clash"] = _quantity_clash(batch, a, b, o, col)
    out["name_un_a"] = s["name"][a] - shared("name", "c")
    out["name_un_b"] = s["name"][b] - shared("c", "name")
    nn = shared("name", "name")
    out["name_share"] = ratio(nn, s["name"][a] + s["name"][b] - nn)
    out["neg_xor"] = (batch.neg[a] != batch.neg[b]).astype(float)
    out["exact"] = (batch.key[a] == batch.key[b]).astype(float)
    out["first_same"] = ((batch.first[a] == batch.first[b]) & (batch.first[a] >= 0)).astype(float)
    out["last_same"] = ((batch.last[a] == batch.last[b]) & (batch.last[a] >= 0)).astype(float)
    pa, pb, ps = s["p"][a], s["p"][b], shared("p", "p")
    out["pre_a"], out["pre_b"] = ratio(ps, pa), ratio(ps, pb)
    out["ux_a"] = np.log1p(s["px"][a] - shared("px", "p"))
    out["ux_b"] = np.log1p(s["px"][b] - shared("p", "px"))
    syn_a = shared("c", "syn") - cs
    syn_b = shared("syn", "c") - cs
    out["syn_a"], out["syn_b"] = syn_a, syn_b
    out["sync_a"], out["sync_b"] = ratio(cs + syn_a, ca), ratio(cs + syn_b, cb)
    out["synun_a"] = np.log1p(np.maximum(ca - cs - syn_a, 0))
    out["synun_b"] = np.log1p(np.maximum(cb - cs - syn_b, 0))
    sa_, sb_ = s["spk"][a], s["spk"][b]
    out["spk_diff"] = ((sa_ > 0) & (sb_ > 0) & (shared("spk", "spk") == 0)).astype(float)
    return np.stack([out[f] for f in FEATURES], axis=1)


def _quantity_clash(batch: Batch, a: np.ndarray, b: np.ndarray, o: np.ndarray,
                    col: dict[tuple[str, str], int]) -> np.ndarray:
    """Whether a unit has values on both sides, not the same ("$2.5 billion" vs "$1.8 billion").

    Exact for pairs with at most one quantity a side; with more, a unit shared
    while some quantity differs counts as a clash.
    """
    s = batch.sizes
    qa, qb, qs = s["q"][a], s["q"][b], o[:, col[("q", "q")]]
    units_shared = o[:, col[("qu", "qu")]]
    return ((units_shared > 0) & (qa > qs) & (qb > qs)).astype(float)


def probabilities(pairs: Sequence[tuple[str, str]] | tuple[Batch, np.ndarray, np.ndarray] | np.ndarray,
                  model: Model | None = None) -> np.ndarray:
    """Probability of "same fact" for many pairs at once.

    Args:
        pairs: A list of (sentence, sentence) pairs; or ``(batch, first,
            second)`` with a :class:`Batch` built once for all sentences and
            index arrays into it (what a merger scoring candidate pairs
            should pass); or a feature array from :func:`features`.
        model: The fitted model (default: :func:`load`).
    """
    model = model or default_model()
    if isinstance(pairs, np.ndarray):
        return model.score(pairs)
    if isinstance(pairs, tuple) and len(pairs) == 3 and isinstance(pairs[0], Batch):
        batch, first, second = pairs
        return model.score(features(batch, first, second))
    pairs = list(pairs)
    texts = [t for p in pairs for t in p]
    batch = Batch(texts, model)
    idx = np.arange(0, 2 * len(pairs), 2)
    return model.score(features(batch, idx, idx + 1))


@lru_cache(maxsize=1)
def default_model() -> Model:
    """The packaged model, read once."""
    return load()
