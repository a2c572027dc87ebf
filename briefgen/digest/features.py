"""One article as grouping sees it: where it came from, when, and its words.

Reading is the costly part of a digest, so it happens once per article, in
worker processes or on a cluster's workers, and leaves only what grouping
needs: the date, outlet and title, the article's commonest content terms with
their counts and which of them it writes as names, and a MinHash of its
five-word shingles for spotting copies of one report. The text itself is not
kept: the briefing step reads the files of one event again.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from briefgen.errors import SourceError
from briefgen.model import Skipped, Source
from briefgen.sources.limits import Limits
from briefgen.sources.lines import without_promos
from briefgen.sources.load import read_source
from briefgen.text.words import CALENDAR_WORDS, content_terms, term, words

__all__ = ["NUM_PERM", "SCHEME", "Article", "Item", "featurize", "minhash", "name_terms", "read_item"]

log = logging.getLogger(__name__)

#: Hash functions per MinHash: 64 estimate a Jaccard similarity to within about 0.06.
NUM_PERM = 64
#: Terms kept per article (its commonest), which bounds the memory one article takes.
MAX_TERMS = 200
#: Words per shingle when comparing texts for copies of one report (as briefgen.facts.copies does).
SHINGLE = 5
#: datasketch's permutation scheme, named: hash values carry no trace of the one that made them.
SCHEME = "affine32"

#: An input to read: its path or URL and the metadata its manifests give it.
Item = tuple[str, tuple[tuple[str, str], ...]]


@dataclass(frozen=True, slots=True)
class Article:
    """What grouping knows of one article.

    Attributes:
        ref: The input it was read from (a path or URL, as listed).
        overrides: Metadata from manifests, given again when it is read for its memo.
        date: Its publication date (ISO 8601), if known.
        outlet: Who published it.
        title: Its headline.
        terms: Its commonest content terms (stemmed), sorted, separated by spaces: one
            string, not a tuple of many, keeps 100,000 articles in a few hundred megabytes.
        counts: How often each of ``terms`` occurs.
        names: Which of ``terms`` the article writes as names (:func:`name_terms`), one bit each,
            packed (``numpy.packbits``): read them with :meth:`is_name`.
        shingles: MinHash values of its five-word shingles (``NUM_PERM`` unsigned integers).
    """

    ref: str
    overrides: tuple[tuple[str, str], ...]
    date: str | None
    outlet: str
    title: str
    terms: str
    counts: np.ndarray
    names: np.ndarray
    shingles: np.ndarray

    def is_name(self) -> np.ndarray:
        """Whether each of :attr:`terms` is written as a name, in order (booleans)."""
        return np.unpackbits(self.names, count=len(self.counts)).astype(bool)

    @property
    def day(self) -> int | None:
        """The publication day as a day number (``date.toordinal()``), or ``None``."""
        if not self.date:
            return None
        try:
            return dt.date.fromisoformat(self.date[:10]).toordinal()
        except ValueError:
            return None


def minhash(tokens: Sequence[bytes]) -> np.ndarray:
    """MinHash values of a set of byte strings (datasketch, fixed seed: the same in every process)."""
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    if tokens:
        mh.update_batch(tokens)
    return np.asarray(mh.hashvalues)


# A word token, or what ends a sentence: a full stop, question or exclamation mark, or a line break.
_TOKEN_OR_STOP = re.compile(r"[^\W_]+(?:[-'\u2019.,][^\W_]+)*|[.!?\n]")


def name_terms(text: str) -> set[str]:
    """The content terms that ``text`` writes only as names.

    A term is a name when the text prints it capitalised inside a sentence
    (not as its first word) and never in lower case: "Ocalan", "Ankara",
    "Senate", but not "Police" opening a sentence, nor "shelling" in
    "Shelling resumed". Month and day names are words, not names.
    """
    capitalised: set[str] = set()
    lower: set[str] = set()
    opening = True
    for match in _TOKEN_OR_STOP.finditer(text):
        tok = match.group()
        if tok in ".!?\n":
            opening = True
            continue
        t = term(tok)
        if t is not None and tok.lower() not in CALENDAR_WORDS:
            if tok[0].islower():
                lower.add(t)
            elif tok[0].isupper() and not opening:
                capitalised.add(t)
        opening = False
    return capitalised - lower


def read_item(item: Item, sid: str = "s1", limits: Limits | None = None) -> Source:
    """Read one listed input as :func:`briefgen.load_sources` would, within ``limits``.

    Raises:
        SourceError: it cannot be read or holds no text.
    """
    ref, overrides = item
    return read_source(ref, sid, limits=limits, overrides=dict(overrides))


def _article(item: Item, source: Source) -> Article:
    # Two unrelated pages of one site share their newsletter prompt ("Breaking news emails get
    # breaking news alerts ..."), a web archive's pages its notes: counted as words, those
    # prompts made unrelated articles one event. The rest of the page stays: fuller cleaning
    # (captions, related links) cost the grouping more than it gained.
    body = without_promos(source.text)
    text = source.title + "\n" + body
    counts = Counter(t for t in content_terms(text) if " " not in t)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    top = [(t, min(c, 65535)) for t, c in top]
    toks = [w.lower() for w in words(body)]
    shingles = {" ".join(toks[i:i + SHINGLE]).encode("utf-8") for i in range(max(0, len(toks) - SHINGLE + 1))}
    names = name_terms(body)
    return Article(ref=item[0], overrides=item[1], date=source.date, outlet=source.outlet, title=source.title,
                   terms=" ".join(t for t, _ in sorted(top)),
                   counts=np.array([c for _, c in sorted(top)], dtype=np.uint16),
                   names=np.packbits(np.array([t in names for t, _ in sorted(top)], dtype=bool)),
                   shingles=minhash(sorted(shingles)))


def featurize(items: Sequence[Item], limits: Limits | None = None) -> list[Article | Skipped]:
    """Read a batch of inputs (a worker task): an :class:`Article` each, or why it was skipped.

    Never raises for a bad file: a file that cannot be read, or holds no
    text, comes back as a :class:`~briefgen.model.Skipped` record.
    """
    out: list[Article | Skipped] = []
    for item in items:
        try:
            source = read_item(item, limits=limits)
        except SourceError as exc:
            reason = str(exc)
            prefix = f"{item[0]}: "
            out.append(Skipped(item[0], reason[len(prefix):] if reason.startswith(prefix) else reason))
            continue
        except (OSError, ValueError, UnicodeError) as exc:  # a reader failing on odd bytes: a bad file too
            out.append(Skipped(item[0], f"cannot read: {type(exc).__name__}: {exc}"))
            continue
        out.append(_article(item, source))
    return out
