"""Where sources differ: real disagreements, figures that changed, and name variants, kept apart.

:func:`find_conflicts` reads every sentence of every fact once
(:mod:`briefgen.facts.readings`), groups the values that give one measure of
one thing (:mod:`briefgen.facts.compare`), and turns each group into what a
reader should see (:mod:`briefgen.facts.sides`):

* **disagreements**: sources giving values that cannot both be true for the
  same thing as of the same time (a meeting of 88 minutes and of 100; 136
  Korean victims and "approximately 130"; a detective and a prosecutor).
  Rounding, bounds and unit conversion are not disagreements: "about two
  hours" fits 113 minutes, "more than 800" fits 820, 72 km fits 45 miles;
* **figures that changed**: counts that move as reports come in, in time
  order ("Death toll: 82 (Friday) -> 129 (Saturday) -> 156 (Sunday)");
* **name variants** (:mod:`briefgen.facts.variants`): one name spelled
  differently by different sources ("Chosei" / "Josei").

A source that prints names in lower case ("typhoon babs killed at least 129
people in the philippines, officials said friday") is read from a capitalised
copy of its sentences (:func:`briefgen.text.truecase.truecased`), since these
rules tell names, places and days by their capitals; each side then cites the
sentences the source printed, in its letters. Differences that would stand on
the copy's guesses are left out: a person's title, and a name variant of words
spelt in English's two conventions.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from operator import attrgetter

from briefgen.facts.amounts import split_words
from briefgen.facts.compare import groups
from briefgen.facts.labels import label
from briefgen.facts.measures import CHANGING
from briefgen.facts.readings import Reads, read_all
from briefgen.facts.sides import sides_of
from briefgen.facts.variants import variant_conflicts
from briefgen.facts.when import named_weekdays
from briefgen.model import CONFLICT_KINDS, Conflict, Fact, Sentence, Source
from briefgen.parallel import collector_paused
from briefgen.text.abbreviated import CaseStyle, names_lower_cased
from briefgen.text.truecase import one_spelling, truecased

__all__ = ["find_conflicts", "latest"]

# A capital right after a lower-case word or a comma: a name inside a sentence. A text with one in
# every 100 words or more prints names with capitals (cased news has one in 7 to 30; CaseStyle draws
# its line at 2 in 100): a quick test that spares a cased report the word-by-word reading.
_INSIDE_CAPITAL = re.compile(r"(?<=[a-z,;] )[A-Z]")
_CASED_SHARE = 0.01

# Terms in more than this share of all sentences (and more than _MIN_COMMON
# of them) do not show that two sentences are about one thing.
_COMMON = 0.25
_MIN_COMMON = 5
# Terms in at least this share of the sources (and two of them) are what the coverage is about.
_TOPIC = 0.5
# ... and in at least this share of the sentences (a background line every source repeats is not).
_TOPIC_SENTENCES = 0.05


def _few_capitals(text: str) -> bool:
    """Whether ``text`` capitalises under 2% of the words inside its sentences (:class:`CaseStyle`),
    after a quick look for capitals inside sentences that settles most cased texts."""
    return (len(_INSIDE_CAPITAL.findall(text)) < _CASED_SHARE * text.count(" ")
            and CaseStyle(text).few_capitals)


def _vocabulary(reads: Reads) -> tuple[frozenset[str], frozenset[str]]:
    """(common, topic): terms too frequent to tell sentences apart, and terms the coverage is about."""
    df: Counter[str] = Counter()
    by_source: dict[str, set[str]] = defaultdict(set)
    for text, copies in zip(reads.texts, reads.copies, strict=True):
        for t in text.terms:
            df[t] += len(copies)
        for k in copies:
            by_source[reads.sentences[k].source_id].update(text.terms)
    n = len(reads.sentences)
    common = frozenset(t for t, c in df.items() if c > max(_MIN_COMMON, _COMMON * n))
    in_sources: Counter[str] = Counter(itertools.chain.from_iterable(by_source.values()))
    needed = max(2.0, _TOPIC * len(by_source))
    often = _TOPIC_SENTENCES * n
    return common, frozenset(t for t, c in in_sources.items() if c >= needed and df[t] >= often)


def _published(sources: Sequence[Source]) -> dict[str, dt.date | None]:
    out: dict[str, dt.date | None] = {}
    for s in sources:
        try:
            out[s.id] = dt.date.fromisoformat(s.date[:10]) if s.date else None
        except ValueError:
            out[s.id] = None
    return out


def _named_weekdays(reads: Reads) -> dict[str, list[int]]:
    """The weekdays each source names as days of its news: those of its lead ("Typhoon Babs headed
    toward southern China Friday") and those the clauses of its counts give ("reached 85 on
    Saturday"). Undated sources' figures are ordered in time by them (see
    :func:`briefgen.facts.when.stand_in_days`)."""
    named: dict[str, list[int]] = defaultdict(list)
    lead: dict[str, Sentence] = {}
    for s in reads.sentences:
        if s.source_id not in lead or s.index < lead[s.source_id].index:
            lead[s.source_id] = s
    for source, s in lead.items():
        named[source].extend(named_weekdays(split_words(s.text)))
    for text, copies in zip(reads.texts, reads.copies, strict=True):
        days = [v.figure.weekday for v in text.values
                if v.figure is not None and v.figure.weekday is not None and v.measure in CHANGING]
        for k in copies:
            named[reads.sentences[k].source_id].extend(days)
    return dict(named)


def find_conflicts(facts: Sequence[Fact], sources: Sequence[Source]) -> list[Conflict]:
    """Where sources differ: disagreements, figures that changed and name variants.

    Args:
        facts: The deduplicated facts (every member sentence is read).
        sources: The sources, in the order sides should cite them; their
            dates place figures in time (when none has a date, the weekdays
            they name do, in the order :func:`briefgen.facts.when.week_order` gives).

    Returns:
        Disagreements first, then figures that changed, then name variants,
        each kind in order of its earliest sentence. Each side lists the
        sentences and sources that give its value; a changed figure's sides
        are in time order, each with the time its sources give.
    """
    rank = {s.id: i for i, s in enumerate(sources)}
    # Sentences in source order, then in order within their source.
    by_source: dict[str, list[Sentence]] = defaultdict(list)
    for s in {s for f in facts for s in f.sentences}:
        by_source[s.source_id].append(s)
    sentences = [s for source_id in sorted(by_source, key=lambda i: (rank.get(i, len(rank)), i))
                 for s in sorted(by_source[source_id], key=attrgetter("index", "start"))]
    # A source that writes names in lower case is read from a capitalised copy of its sentences: the
    # rules below tell names, places and days by their capitals, and what they find points back to
    # what the source printed (:func:`_as_printed`). A source is judged on its own text (a cased
    # report beside lower-cased ones is read as printed); one too short to tell (no text, or under 20
    # words inside its sentences), by its sentences when the whole coverage is so.
    texts = {s.id: s.text for s in sources}
    coverage_lower = functools.cache(lambda: _few_capitals(" ".join(s.text for s in sentences)))
    printed: dict[Sentence, Sentence] = {}
    for source_id, own in by_source.items():
        if _few_capitals(texts.get(source_id, "")) or (
                names_lower_cased(s.text for s in own) and coverage_lower()):
            printed.update((replace(s, text=truecased(s.text)), s) for s in own)
    if printed:
        copy = {s: c for c, s in printed.items()}
        sentences = [copy.get(s, s) for s in sentences]
    with collector_paused():  # readings are many small acyclic objects (see briefgen.parallel)
        reads = read_all(sentences)
    published = _published(sources)
    # When no source is dated, the weekdays the sources name order their figures in time.
    weekdays = None if any(d is not None for d in published.values()) else _named_weekdays(reads)
    common, topic = _vocabulary(reads)
    found: list[Conflict] = []
    for group in groups(reads, common, topic, published):
        value = reads.texts[group[0][0]].values[group[0][1]]
        for kind, text, sides in sides_of(reads, group, published, rank, label, weekdays):
            found.append(Conflict(kind=kind, topic=text, sides=sides, value_type=value.type))
    found.extend(variant_conflicts(reads, rank))

    def first(c: Conflict) -> tuple[int, int, int, str]:
        s = min((x for side in c.sides for x in side.sentences),
                key=lambda x: (rank.get(x.source_id, len(rank)), x.index))
        return (CONFLICT_KINDS.index(c.shown_as), rank.get(s.source_id, len(rank)), s.index, c.topic)

    if printed:
        found = [_as_printed(c, printed) for c in found if not _guessed(c, printed)]
    return sorted(found, key=first)


def _guessed(conflict: Conflict, printed: dict[Sentence, Sentence]) -> bool:
    """Whether ``conflict`` stands on capitals the copy guessed: a person's title, which cased text
    reads from the capitalised words before a name ("former prime minister bulent ecevit"), or a
    name variant of one word in English's two spellings ("martinelli's equaliser", "equalizer")."""
    copied = [s in printed for side in conflict.sides for s in side.sentences]
    if conflict.value_type == "title":
        return any(copied)
    return all(copied) and conflict.kind == "variant" and any(
        one_spelling(conflict.sides[0].value, side.value) for side in conflict.sides[1:])


def _as_printed(conflict: Conflict, printed: dict[Sentence, Sentence]) -> Conflict:
    """``conflict`` read from capitalised copies, with the sentences the sources printed, and each
    side's value and time in the letters the source printed them in."""
    sides = []
    for side in conflict.sides:
        own = tuple(printed.get(s, s) for s in side.sentences)
        # A value a cased source printed as it stands keeps its letters ("Morsi" beside "morsi").
        copies = [] if any(s not in printed and side.value in s.text for s in side.sentences) else [
            s for s in side.sentences if s in printed]
        sides.append(replace(side, value=_letters(side.value, copies, printed, words=True),
                             time=_letters(side.time, copies, printed, words=False), sentences=own))
    return replace(conflict, sides=tuple(sides))


def _letters(text: str, copies: Sequence[Sentence], printed: dict[Sentence, Sentence], *, words: bool) -> str:
    """``text``, read from ``copies``, as the sources printed it: where a copy holds it whole, the
    original's letters at the same offsets; with ``words``, word by word too (a value put together
    from a possessive, "Korea Demilitarized" from "korea's demilitarized"). A time the part wrote
    itself ("24 Oct", a source's date) is no copy's and stays."""
    def found(piece: str) -> str | None:
        for copy in copies:
            at = re.search(r"(?<!\w)" + re.escape(piece) + r"(?!\w)", copy.text)
            if at is not None:
                return printed[copy].text[at.start():at.end()]
        return None

    if not copies or not text.strip():
        return text
    whole = found(text)
    if whole is not None or not words:
        return text if whole is None else whole
    return "".join(found(w) or w if w.strip() and w[0].isalnum() else w for w in re.split(r"(\W+)", text))


def latest(conflicts: Sequence[Conflict]) -> dict[tuple[str, int], Sentence]:
    """For every sentence on an earlier side of a figure that changed, a sentence giving the latest figure.

    Keyed by (source id, sentence index) of the earlier sentence.
    """
    out: dict[tuple[str, int], Sentence] = {}
    for c in conflicts:
        if c.kind != "changed" or len(c.sides) < 2:
            continue
        newest = c.sides[-1].sentences[0]
        for side in c.sides[:-1]:
            for s in side.sentences:
                out.setdefault((s.source_id, s.index), newest)
    return out
