"""Sentence ranking: sumy's summarisers behind one offline adapter, and a fast LexRank.

This is the only module that imports sumy. Every ranker takes a sequence of
facts and returns one score per fact, aligned by position (higher is more
central); :mod:`briefgen.select.choice` registers them by name. sumy keys its
ratings by sentence and its sentences compare by text, so two identical
sentences would collapse into one rating; the adapter hands sumy sentences
whose identity is their position instead, and reads the
ratings back through the ``sentences_count`` hook sumy calls with every rated
sentence.

sumy's own tokenizer needs NLTK's punkt data, which briefgen never downloads:
the adapter builds sumy's document model directly, with words from
:func:`briefgen.text.words`. Stemming is sumy's English (Snowball) stemmer and
stop words are sumy's English list, both shipped without data downloads.
sumy (and with it all of NLTK) is imported on first use, so the default
selector never pays for it.

``lexrank`` is served by :func:`lexrank_scores`, a sparse-matrix version of
sumy's LexRank that gives the same scores (so the same ranking) on the same
terms, without sumy's quadratic pure-Python loops.
"""

from __future__ import annotations

import logging
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

import numpy as np
import scipy.sparse as sp

from briefgen.errors import ConfigError
from briefgen.model import Fact
from briefgen.text.words import words

__all__ = ["SUMY_METHODS", "lexrank", "lexrank_scores", "sumy_ranker", "sumy_scores", "sumy_terms"]

logger = logging.getLogger(__name__)

SUMY_METHODS = ("lexrank", "textrank", "lsa", "luhn", "edmundson", "kl", "sumbasic")

# Edmundson's cue method needs words that lower a sentence's weight; sumy's
# parsers only ship Czech ones. Hedges and attributions of hearsay fit news.
_STIGMA_WORDS = ("reportedly", "allegedly", "perhaps", "maybe", "rumor", "rumour", "hardly", "hopefully")
_BONUS_COUNT = 10


class _Tokenizer:
    """The tokenizer sumy's sentences ask for words: briefgen's own, no punkt."""

    language = "english"

    @staticmethod
    def to_words(text: str) -> tuple[str, ...]:
        return tuple(words(text))

    @staticmethod
    def to_sentences(text: str) -> tuple[str, ...]:
        # Sentences are split before ranking; a text is one sentence here.
        return (text,)


@lru_cache(maxsize=1)
def _sumy_parts() -> SimpleNamespace:
    """sumy's parts, imported on first use: sumy loads all of NLTK, which the
    default selector never needs."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    class PositionalSentence(Sentence):
        """A sumy sentence that is equal only to itself, and knows its position."""

        __slots__ = ("position",)

        def __init__(self, text: str, position: int) -> None:
            super().__init__(text, _Tokenizer())
            self.position = position

        def __eq__(self, other: object) -> bool:
            return self is other

        def __ne__(self, other: object) -> bool:
            return self is not other

        def __hash__(self) -> int:
            return id(self)

    return SimpleNamespace(
        Document=ObjectDocumentModel,
        Paragraph=Paragraph,
        Sentence=PositionalSentence,
        stemmer=Stemmer("english"),
        stop_words=frozenset(get_stop_words("english")),
        summarizers={
            "lexrank": LexRankSummarizer,
            "textrank": TextRankSummarizer,
            "lsa": LsaSummarizer,
            "luhn": LuhnSummarizer,
            "edmundson": EdmundsonSummarizer,
            "kl": KLSummarizer,
            "sumbasic": SumBasicSummarizer,
        },
    )


def _document(facts: Sequence[Fact]) -> Any:
    """sumy's document model for ``facts``: one paragraph per source paragraph run."""
    sumy = _sumy_parts()
    paragraphs: list[Any] = []
    run: list[Any] = []
    key: tuple[str, int] | None = None
    for i, fact in enumerate(facts):
        rep = fact.representative
        this = (rep.source_id, rep.paragraph)
        if run and this != key:
            paragraphs.append(sumy.Paragraph(run))
            run = []
        key = this
        run.append(sumy.Sentence(fact.text, i))
    if run:
        paragraphs.append(sumy.Paragraph(run))
    return sumy.Document(paragraphs)


def sumy_terms(text: str, memo: dict[str, str] | None = None) -> list[str]:
    """The terms sumy's LexRank sees in ``text``: lower-cased, stop words out, stemmed.

    Args:
        text: One sentence.
        memo: Optional word-to-stem dictionary shared across a batch; the
            Snowball stemmer dominates the cost and news repeats its words.
    """
    sumy = _sumy_parts()
    stop, stem = sumy.stop_words, sumy.stemmer
    memo = {} if memo is None else memo
    out = []
    for w in words(text):
        lw = w.lower()
        if lw in stop:
            continue
        st = memo.get(lw)
        if st is None:
            st = memo[lw] = stem(lw)
        out.append(st)
    return out


def _bonus_words(facts: Sequence[Fact]) -> list[str]:
    """Edmundson's bonus words: the content words most sources share."""
    stop = _sumy_parts().stop_words
    df: Counter[str] = Counter()
    for fact in facts:
        df.update({w.lower() for w in words(fact.text)} - stop)
    ranked = sorted(df.items(), key=lambda kv: (-kv[1], kv[0]))
    return [w for w, _ in ranked[:_BONUS_COUNT] if w.isalpha()] or ["news"]


def _summarizer(method: str, facts: Sequence[Fact]) -> Any:
    sumy = _sumy_parts()
    summarizer = sumy.summarizers[method](sumy.stemmer)
    stop = sumy.stop_words
    if method == "edmundson":
        summarizer.bonus_words = _bonus_words(facts)
        summarizer.stigma_words = _STIGMA_WORDS
        summarizer.null_words = stop
    else:
        summarizer.stop_words = stop
    return summarizer


def sumy_scores(facts: Sequence[Fact], method: str) -> list[float]:
    """Scores from sumy's own summariser ``method``, one per fact, by position.

    This runs sumy's pure-Python code, which is quadratic or worse in the
    number of sentences; :func:`score_facts` serves ``lexrank`` with
    :func:`lexrank_scores` instead.

    Args:
        facts: The facts to rank.
        method: One of :data:`SUMY_METHODS`.

    Returns:
        sumy's rating of each fact, in the order of ``facts``.
    """
    if method not in SUMY_METHODS:
        raise ConfigError(f"unknown sumy method {method!r} (known: {', '.join(SUMY_METHODS)})")
    if not facts:
        return []
    document = _document(facts)
    scores = [0.0] * len(facts)

    def collect(infos: Iterable[Any]) -> list[Any]:
        # sumy passes every (sentence, order, rating) here before cutting the list.
        infos = list(infos)
        for info in infos:
            scores[info.sentence.position] = float(info.rating)
        return infos

    summarizer = _summarizer(method, facts)
    with warnings.catch_warnings():
        # LSA warns when a document has fewer distinct words than sentences;
        # the ranking is still usable, and a warning is no result.
        warnings.filterwarnings("ignore", message="Number of words", category=UserWarning)
        try:
            summarizer(document, collect)
        except ZeroDivisionError:
            # kl and sumbasic divide by the number of content words.
            logger.debug("%s: no content words to rank", method)
    return scores


def lexrank_scores(token_lists: Sequence[Sequence[str]], threshold: float = 0.1,
                   epsilon: float = 0.1) -> np.ndarray:
    """LexRank centrality of each sentence, computed with sparse matrices.

    The same computation as sumy's ``LexRankSummarizer`` on the same terms
    (tf scaled by the sentence's largest count, idf ``log(n / (1 + df))``,
    idf-modified cosine, edges above ``threshold``, rows normalised by degree,
    power iteration until the step is at most ``epsilon``), so it yields the
    same scores and ranking, in near-linear time for sparse similarity graphs.

    Args:
        token_lists: The terms of each sentence, already normalised (see
            :func:`sumy_terms` for sumy's normalisation).
        threshold: Cosine above which two sentences are linked.
        epsilon: Convergence bound of the power method.

    Returns:
        One score per sentence, in input order.
    """
    n = len(token_lists)
    if n == 0:
        return np.zeros(0)
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, tokens in enumerate(token_lists):
        counts = Counter(tokens)
        if not counts:
            continue
        top = max(counts.values())
        for term, c in counts.items():
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
            vals.append(c / top)
    tf = sp.csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)))
    df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=len(vocab))
    idf = np.log(n / (1.0 + df))
    weighted = tf @ sp.diags(idf)
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    inv = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    unit = sp.diags(inv) @ weighted
    cosine = (unit @ unit.T).tocsr()
    cosine.data[cosine.data <= threshold] = 0.0
    cosine.eliminate_zeros()
    linked = sp.csr_matrix((np.ones_like(cosine.data), cosine.indices, cosine.indptr), shape=(n, n))
    degrees = np.diff(linked.indptr).astype(float)
    degrees[degrees == 0] = 1.0
    transition_t = (sp.diags(1.0 / degrees) @ linked).T.tocsr()
    p = np.full(n, 1.0 / n)
    step = 1.0
    while step > epsilon:
        nxt = transition_t @ p
        norm = np.linalg.norm(nxt)
        if norm == 0:
            return np.zeros(n)
        nxt /= norm
        step = float(np.linalg.norm(nxt - p))
        p = nxt
    return p


def lexrank(facts: Sequence[Fact]) -> list[float]:
    """sumy's LexRank scores of ``facts`` (computed by :func:`lexrank_scores`)."""
    memo: dict[str, str] = {}
    return lexrank_scores([sumy_terms(f.text, memo) for f in facts]).tolist()


def sumy_ranker(method: str) -> Callable[[Sequence[Fact]], list[float]]:
    """A ranker running sumy's own summariser ``method`` (one of :data:`SUMY_METHODS`)."""
    if method not in SUMY_METHODS:
        raise ValueError(f"not a sumy method: {method!r}")

    def rank(facts: Sequence[Fact]) -> list[float]:
        return sumy_scores(facts, method)

    rank.__name__ = f"sumy_{method}"
    rank.__doc__ = f"sumy's {method} scores of ``facts``."
    return rank
