"""Name variants: one name spelled differently by different sources.

Two spellings are one name when they print the same name the same way
around ("the Chosei coal mine" / "the Josei Coal Mine"; "Hans Carlsson" /
"Hand Carlsson") and

* they romanise one name differently (one :func:`briefgen.text.names.name_key`:
  "Chosei" / "Josei", "Wi Sung-lack" / "Wi Seong-rak"; here ph and f too:
  "Rudolph" / "Rudolf"), or
* they differ by one letter ("Gustavsson" / "Gustafsson", "Goeran" /
  "Goren", "Qinguo" / "Qingguo"), a capitalised word beside both, or two
  words around both, being the same; or
* they are forms of one word inside a longer name ("China Democracy Party" /
  "China Democratic Party"): the first five letters agree and the name's
  other words around both are the same.

Hyphens, spaces, case and name order are not spellings ("Lee Jae-myung" /
"Lee Jae Myung"). Spellings found inside one source only, or printed side by
side in one sentence beside one word ("Korea and Korean officials"), are not
variants; each must be some source's only spelling of the name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from briefgen.facts.readings import Reads
from briefgen.model import Conflict, ConflictSide, Sentence
from briefgen.text.words import STOPWORDS, stem

__all__ = ["variant_conflicts"]

_MIN_TYPO = 4  # letters a word needs before one letter more or less makes another spelling of it
_PREFIX = 5


@dataclass
class _Spelling:
    key: str
    shown: Counter[str] = field(default_factory=Counter)
    texts: list[int] = field(default_factory=list)
    neighbours: set[str] = field(default_factory=set)
    named: set[str] = field(default_factory=set)  # neighbours that are capitalised words
    with_named: Counter[tuple[str, str]] = field(default_factory=Counter)  # (neighbour, form with it)
    near: Counter[str] = field(default_factory=Counter)  # how often each neighbour is printed beside it


def _read(reads: Reads, wanted: set[str]) -> dict[str, _Spelling]:
    """Where each wanted spelling is printed: its forms, texts and neighbours."""
    table: dict[str, _Spelling] = {}
    for t, text in enumerate(reads.texts):
        copies = len(reads.copies[t])
        for word in text.names:
            if word.spelling not in wanted:
                continue
            entry = table.get(word.spelling)
            if entry is None:
                entry = table[word.spelling] = _Spelling(word.key)
            entry.shown[word.shown] += copies
            if not entry.texts or entry.texts[-1] != t:
                entry.texts.append(t)
            # The neighbour before ("<") and after (">"), and the name they print together.
            for side, near, cap, printed in (
                ("<", word.before, word.before_cap, f"{word.before_printed} {word.shown}"),
                (">", word.after, word.after_cap, f"{word.shown} {word.after_printed}"),
            ):
                if not near:
                    continue
                entry.near[side + near] += copies
                entry.neighbours.add(side + near)
                if cap:
                    entry.named.add(side + near)
                    entry.with_named[(side + near, printed)] += copies
    return table


def _one_letter(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter changed, added or dropped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


def _candidates(keys: dict[str, str]) -> list[tuple[str, str, str]]:
    """Pairs of spellings that may be one name: (a, b, why) with why "key", "letter" or "prefix"."""
    out: list[tuple[str, str, str]] = []
    by_key: dict[str, list[str]] = defaultdict(list)
    by_deletion: dict[str, set[str]] = defaultdict(set)
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for s, key in keys.items():
        by_key[key.replace("ph", "f")].append(s)  # "Rudolph" / "Rudolf", for variants only
        if len(s) >= _MIN_TYPO:
            by_deletion[s].add(s)
            for k in range(len(s)):
                by_deletion[s[:k] + s[k + 1:]].add(s)
        if len(s) > _PREFIX:
            by_prefix[s[:_PREFIX]].append(s)
    seen: set[tuple[str, str]] = set()

    def add(a: str, b: str, why: str) -> None:
        pair = (min(a, b), max(a, b))
        if pair not in seen:
            seen.add(pair)
            out.append((pair[0], pair[1], why))

    for same_key in by_key.values():
        for i, a in enumerate(sorted(same_key)):
            for b in sorted(same_key)[i + 1:]:
                add(a, b, "key")
    for near in by_deletion.values():
        if len(near) < 2 or len(near) > 12:
            continue
        ordered = sorted(near)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                if min(len(a), len(b)) >= _MIN_TYPO and _one_letter(a, b):
                    add(a, b, "letter")
    for spellings in by_prefix.values():
        if 2 <= len(spellings) <= 12:
            ordered = sorted(spellings)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1:]:
                    add(a, b, "prefix")
    return out


_ENDINGS = ("s", "es", "n", "an", "ian", "er", "ers", "ese", "ish", "i", "is")


def _inflected(a: str, b: str) -> bool:
    """Whether one spelling is the other with an ending ("Embassy"/"Embassies", "Asia"/"Asian")."""
    if stem(a) == stem(b):
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return long_.startswith(short) and long_[len(short):] in _ENDINGS


def _linked(a: _Spelling, b: _Spelling, why: str) -> bool:
    shared = a.neighbours & b.neighbours
    named = {n for n in shared & (a.named | b.named) if n[1:] not in STOPWORDS}
    if why == "key":
        return bool(shared)
    if why == "letter":
        return bool(named) or len(shared) >= 2
    # Forms of one word inside a longer name: the name's other words on both sides agree.
    return any(n.startswith("<") for n in named) and any(n.startswith(">") for n in named) or (
        len(named) >= 1 and len(shared) >= 2)


def _side_by_side(a: str, b: str, texts: set[int], reads: Reads) -> bool:
    """Whether one sentence prints both spellings in one setting: two words, not two spellings.

    "Democracy Party" and "Democratic Movement" in one sentence do not make "China Democracy
    Party" and "China Democratic Party" two names; "Korea" and "Korean" beside one word do.
    """
    for t in texts:
        words = reads.texts[t].names
        around_a = {(w.before, w.after) for w in words if w.spelling == a}
        around_b = {(w.before, w.after) for w in words if w.spelling == b}
        if not around_a or not around_b:
            return True
        if any(x[0] and x[0] == y[0] or x[1] and x[1] == y[1] for x in around_a for y in around_b):
            return True
        if not any(x[0] or x[1] for x in around_a | around_b):
            return True
    return False


def _side(shown: str, sentences: list[Sentence], rank: dict[str, int]) -> ConflictSide:
    sents = sorted(set(sentences), key=lambda s: (rank.get(s.source_id, len(rank)), s.source_id, s.index))
    sources = tuple(dict.fromkeys(s.source_id for s in sents))
    return ConflictSide(value=shown, sentences=tuple(sents), sources=sources)


def _capitalised_beside(entry: _Spelling, neighbour: str) -> int:
    return sum(n for (near, _), n in entry.with_named.items() if near == neighbour)


def _printed(entry: _Spelling, spellings: list[str], table: dict[str, _Spelling]) -> str:
    """How a spelling is shown: with a name every spelling of it has beside it ("Hand Carlsson" /
    "Hans Carlsson"), else as most often printed. A neighbour is a name when every spelling has
    it capitalised at least half the time ("Coal" in "Josei Coal Mine" is not, where other
    sources print "Chosei coal mine")."""
    shared = {n for n in set.intersection(*(table[s].named for s in spellings))
              if all(2 * _capitalised_beside(table[s], n) >= table[s].near[n] for s in spellings)}
    forms = Counter({form: n for (neighbour, form), n in entry.with_named.items() if neighbour in shared})
    if forms and not any(" " in f for f in entry.shown):
        return forms.most_common(1)[0][0]
    return entry.shown.most_common(1)[0][0]


def variant_conflicts(reads: Reads, rank: dict[str, int]) -> list[Conflict]:
    """Names that sources spell differently (see the module docstring), the most used spelling first."""
    keys = {word.spelling: word.key for text in reads.texts for word in text.names}
    candidates = _candidates(keys)
    table = _read(reads, {s for a, b, _ in candidates for s in (a, b)})
    parent: dict[str, str] = {}

    def find(s: str) -> str:
        while parent.get(s, s) != s:
            s = parent[s]
        return s

    sources_of = {s: {reads.sentences[k].source_id for t in e.texts for k in reads.copies[t]}
                  for s, e in table.items()}
    for a, b, why in candidates:
        ea, eb = table[a], table[b]
        if _side_by_side(a, b, set(ea.texts) & set(eb.texts), reads) or _inflected(a, b) \
                or not _linked(ea, eb, why):
            continue
        # Each must be some source's only spelling of the two.
        if not (sources_of[a] - sources_of[b]) or not (sources_of[b] - sources_of[a]):
            continue
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[str, list[str]] = defaultdict(list)
    for s in set(parent) | set(parent.values()):
        members[find(s)].append(s)
    out = []
    for spellings in members.values():
        if len(spellings) < 2:
            continue
        said = {s: [reads.sentences[k] for t in table[s].texts for k in reads.copies[t]] for s in spellings}
        sides = [_side(_printed(table[s], spellings, table), said[s], rank) for s in spellings]
        sides.sort(key=lambda side: (-len(side.sources), rank.get(side.sources[0], len(rank)),
                                     side.sentences[0].index, side.value))
        # A spelling only sources of a spelling shown before it use is a variant inside those
        # sources ("Wi Sung-rak" and "Wi Seong-rak", both korea.kr's): left out.
        kept = [sides[0]]
        for side in sides[1:]:
            if not set(side.sources) <= {sid for k in kept for sid in k.sources}:
                kept.append(side)
        sides = kept
        if len(sides) < 2:
            continue
        out.append(Conflict(kind="variant", topic=sides[0].value, sides=tuple(sides), value_type="name"))
    return out
