"""A sentence that leans on the one before it, chosen together with it.

The memo prints each sentence verbatim, so a sentence that opens "He said"
or "They also agreed" (:func:`~briefgen.select.standalone.leans`) does not
read alone. Where such a sentence is worth its place, the sentence before it
in the same article (its antecedent) may come with it, within the budget,
and the two print together, the antecedent first: a short passage of the
article as it ran. An antecedent that leans in turn brings its own, as far
back as the article needs, so long as the whole passage fits the budget (a
quotation of several sentences comes with the one that names its speaker).
One sentence prints right after an antecedent: where a fact printed by two
articles is the antecedent of a leaning sentence in each, only one of them
may be chosen with it (:func:`clashes`). A sentence that is :func:`broken` (cut off,
a glued heading, a dateline) is never chosen, with or without company.

:func:`needs` says what each fact requires; :func:`in_order` puts a choice
in print order, each antecedent right before the sentence that leans on it;
:func:`passages` groups a printed list into what prints as one bullet.
Antecedents are found by position: the fact that holds the sentence at
``index - 1`` of the representative's source, and prints that very
sentence (its text is the one the source printed there).

:func:`unintroduced` finds sentences that open with a bare surname
("Gilon said the aim of the militants was ...") or quote a speaker named by
one ('"We had a big argument," Holbrooke said.') of a person the coverage
introduces by a fuller name ("Carmi Gilon") and that is not what most of it
is about (named by fewer than half of the sources), or that several people
share ("Wang"). The memo, whose parts print in an order of their own, leaves
them out: its reader has not met that person.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from briefgen.model import Fact
from briefgen.select.standalone import broken, first_person, fragment, gives_words, leans, runs_on
from briefgen.text.abbreviated import names_lower_cased
from briefgen.text.frequency import NAME_ZIPF, zipf_table
from briefgen.text.quotes import has_quote, quotation, unquoted_words
from briefgen.text.words import CALENDAR_WORDS, STOPWORDS

__all__ = ["TOPIC_SHARE", "antecedent_of", "comes_after", "clashes", "follows", "in_order",
           "inside_quotation", "links", "needs", "open_ended", "passages", "unintroduced",
           "writer_voice"]

# Particles inside a full name ("Azancot de Menezes", "Osama bin Laden", "Rio de Janeiro").
_PARTICLES = r"(?:de|da|do|dos|das|del|della|di|du|van|von|der|den|la|le|al|el|bin|ibn)"
# A surname opening a sentence: a capitalised word, maybe possessive, then a lower-case word or
# an apposition ("Wang, 32, has been ..."), not a particle before the rest of a full name. Not a
# people's or a party's name, which a noun follows ("Palestinian officials", "Turkish generals",
# "Republicans in both houses"; :data:`_PEOPLES`).
_SURNAME_FIRST = re.compile(r"^([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)(?:'s|\u2019s)?"
                            r"(?!\s+" + _PARTICLES + r"\s+[A-Z])(?:\s+[a-z]|,\s)")
# A bare surname as the speaker of a quotation ('"We had a big argument," Holbrooke said.', 'Later,
# Clark wrote, "We have never ..."', 'Horsley replied: "I'm a reporter."'): a capitalised word before
# a verb of saying, right after a closing quotation mark or right before an opening one. Whose words
# they are is what a quotation says; a report's closing "..., Wi said." names its source, and the
# fact reads without knowing him (so does one with a scare quote: 'a "political" court, Holbrooke
# said.'). A title, a given name or a particle right before it names him ("Mr. Silveira said",
# "Luiz Silveira said", "Guilhermo de Albuquerque said").
_SURNAME_SPEAKS = re.compile(r"(?<=[\s,\"\u201d])([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)\s+"
                             r"(?:said|says|added|told|wrote|asked|explained|noted|insisted|argued|warned|recalled"
                             r"|replied|declared)\b")
# What stands right before a speaker (read within :data:`_BEFORE_REACH` characters): a closing
# quotation mark, or a word and a space, which names him when it is capitalised or a particle.
_QUOTE_CLOSED = re.compile(r"[\"\u201d]\s*$")
_NAMED_BEFORE = re.compile(r"\b([A-Z][\w\u2019'-]*\.?|" + _PARTICLES + r")\s+$")
_QUOTE_OPENS = re.compile(r"[^\w\"\u201c]{0,3}[\"\u201c]")
_BEFORE_REACH = 40
# Endings of the names of peoples, faiths and parties ("Chilean", "Kurdish", "Chinese", "Islamic",
# "Israeli", "Iraqi", "Philippine", "Republicans", "Democrats"): on DUC 2003, 31 facts opening so had
# been left out as a bare surname, and no person's surname there ends so.
_PEOPLES = re.compile(r"(?:ian|ean|ish|ese|ic|eli|qi|ine|ans|ats|ists)$")
# Sentence openers that are words, not names ("Although most observers agree ...").
_NOT_NAMES = STOPWORDS | frozenset(("although", "though", "however", "meanwhile", "still", "yet", "despite",
                                    "unless", "whereas", "since", "instead", "moreover", "indeed",
                                    "nevertheless"))
# A fuller name: two capitalised words; either may be the surname ("Carmi Gilon", "Wang Youcai").
# A particle may stand between them ("Jose Augusto Guilhermo de Albuquerque", "Ludwig van Beethoven").
_FULL_NAME = re.compile(r"\b([A-Z][a-z]+)\s+(?:" + _PARTICLES + r"\s+)?([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)\b")
_LONG_NAME = re.compile(r"(?<![\w.])[A-Z][a-z]+(?:\s+[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?){2,}\b")
# The second word of a pair that names an organisation or a place by its kind, no given name
# ("Boeing Co.", "Interfax Agency", "Moscow City Hall").
_KINDS = frozenset(("Co", "Corp", "Inc", "Ltd", "Agency", "City", "Hall", "News", "Group", "Party", "Bank",
                    "University", "Airlines", "Airport", "Authority", "Ministry", "Council", "Times", "Post",
                    "Press", "Company", "Foundation", "Institute", "Association", "Union", "Street"))
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?")
# A capitalised word after "the" names a group, a party or a place ("the Republicans", "the Inkatha
# Freedom Party"), not a person by surname.
_AFTER_THE = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)\b")
_LOWER_WORD = re.compile(r"\b[a-z][a-z-]+\b")
# Words before a surname that are a title, not a given name ("President Suharto").
_TITLES = frozenset([
    "mr", "mrs", "ms", "dr", "president", "prime", "minister", "king", "queen", "gen", "general", "col",
    "colonel", "lt", "sgt", "chairman", "secretary", "senator", "sen", "rep", "governor", "gov", "mayor",
    "judge", "justice", "cardinal", "pope", "bishop", "father", "rev", "sir", "lord", "lady", "prince",
    "princess", "chancellor", "premier", "ambassador", "commissioner", "chief", "captain", "officer",
    "detective", "professor", "prof", "saint"])
# In coverage that writes names in lower case a capital is only a sentence's first letter: a speaker
# is a word before a verb of saying, opening the sentence or, in a sentence that quotes, right after a
# closing quotation mark or before an opening one ("castaner said the suspect opened fire ...",
# '"..., " craw said.', 'later, craw said: " ..."').
_SAYING = (r"(?:said|says|told|tells|added|adds|wrote|writes|asked|explained|noted|insisted|argued|warned"
           r"|recalled|replied|declared)\b")
_SAYING_WORD = re.compile(_SAYING)
_LOWER_OPENS = re.compile(r"^([a-z][a-z'\u2019-]+)\s+" + _SAYING, re.IGNORECASE)
_LOWER_SPEAKS = re.compile(r"(?<![\w'\u2019-])([a-z][a-z'\u2019-]+)\s+" + _SAYING)
# A name there is a word rarer than this in English (text.frequency.NAME_ZIPF, the one threshold for a
# name in lower-cased text): "castaner", "copoulos", "limbaugh"; not "witnesses", "police", "warden".
# A fuller name is the word with another before it that is no stop word, title, calendar word or
# verb of saying ("christophe castaner", "ted copoulos"; not "interior minister castaner").
_LOWER_NAME_BEFORE = r"(?<![\w'\u2019-])([a-z][a-z'\u2019-]+)\s+"
# A word of lower-cased text, an apostrophe kept ("o'rourke").
_LOWER_NAME = re.compile(r"[a-z][a-z'\u2019-]*[a-z]")
# A plural noun for people in a role ("rescuers", "forecasters", "negotiators", "meteorologists"): often
# missing from wordfreq's small list, so as rare as a name, but never one.
_ROLE_PLURAL = re.compile(r"(?:er|or|ist|ian|ant|ent)s$")
#: A person named by at least this share of the sources is what the coverage is about: a bare
#: surname of theirs needs no introduction. Set without data: "most of the coverage".
TOPIC_SHARE = 0.5


def unintroduced(facts: Sequence[Fact]) -> list[str | None]:
    """Per fact, the bare surname it opens with or quotes, if the reader has not met that person, else None.

    One pass over the words of every sentence of the coverage (a fact's
    members too: a sentence another one prints for may introduce someone),
    kept to the surnames that open a fact and the names printed beside them.
    """
    if names_lower_cased(f.text for f in facts):
        return _unintroduced_lower(facts)
    opening = [_bare_surnames(f.text) for f in facts]
    openers = {name for names in opening for name in names}
    if not openers:
        return [None] * len(facts)
    given: dict[str, set[str]] = defaultdict(set)
    naming: dict[str, set[str]] = defaultdict(set)
    lower: set[str] = set()
    groups: set[str] = set()
    skip = STOPWORDS | _TITLES | CALENDAR_WORDS
    for text in _coverage_texts(facts):
        # A name of three words or more with no title in it gives its last two as a pair too:
        # "Luiz Claudio Silveira" introduces Silveira (_FULL_NAME's pairs do not overlap).
        runs = [m.group(0).split() for m in _LONG_NAME.finditer(text)]
        tails = [(run[-2], run[-1]) for run in runs if not {w.lower() for w in run} & skip]
        for first, last in [*_FULL_NAME.findall(text), *tails]:
            if ((first in openers or last in openers) and not {first.lower(), last.lower()} & skip
                    and first != last and last not in _KINDS):
                given[last].add(first)
                given[first].add(last)
        lower.update(_LOWER_WORD.findall(text))
        groups.update(m.group(1) for m in _AFTER_THE.finditer(text) if m.group(1) in openers)
    for f in facts:
        for name in _CAPITALISED.findall(f.text):
            if name in openers:
                naming[name].update(f.sources)
    sources = {s for f in facts for s in f.sources}

    def bare(name: str) -> bool:
        firsts = {g for g in given.get(name, ()) if g.lower() not in lower}
        if not firsts or name.lower() in lower or name in groups:
            return False
        return len(firsts) > 1 or len(naming[name]) < TOPIC_SHARE * len(sources)

    return [next((name for name in names if bare(name)), None) for names in opening]


def _coverage_texts(facts: Sequence[Fact]) -> set[str]:
    """Every sentence of the coverage, each once: the facts' own and their members (a sentence that
    introduces someone, "... according to Civilian Airport Authority Director Nir Yarkoni", may be a
    member of a fact that prints another)."""
    return {s.text for f in facts for s in f.sentences} | {f.text for f in facts}


def _unintroduced_lower(facts: Sequence[Fact]) -> list[str | None]:
    """:func:`unintroduced` for coverage that writes names in lower case: the speaker a sentence opens
    on or quotes, a word rare in English, whom the coverage names in full elsewhere and fewer than
    half the sources name."""
    table = zipf_table()
    skip = STOPWORDS | _TITLES | CALENDAR_WORDS

    def speaker(text: str) -> str | None:
        found = [m.group(1).lower()] if (m := _LOWER_OPENS.match(text)) else []
        if has_quote(text):
            found += [m.group(1) for m in _LOWER_SPEAKS.finditer(text)
                      if text[max(0, m.start() - 2):m.start()].strip()[-1:] in "\"\u201d"
                      or _QUOTE_OPENS.match(text, m.end())]
        if not found:
            return None
        # Named once: a sentence that names him in full before ("owner ted copoulos ... copoulos says")
        # introduces him itself.
        counts = Counter(_LOWER_NAME.findall(text.lower()))
        return next((w for w in found if w not in STOPWORDS and len(w) > 2 and table.get(w, 0.0) < NAME_ZIPF
                     and not _ROLE_PLURAL.search(w) and counts[w] == 1), None)

    speaking = [speaker(f.text) for f in facts]
    names = {w for w in speaking if w}
    if not names:
        return [None] * len(facts)
    full: set[str] = set()
    before = re.compile(_LOWER_NAME_BEFORE + r"(" + "|".join(map(re.escape, sorted(names))) + r")\b")
    for text in map(str.lower, _coverage_texts(facts)):
        for first, last in before.findall(text):
            if first not in skip and not _SAYING_WORD.match(first):
                full.add(last)
    naming: dict[str, set[str]] = defaultdict(set)
    for f in facts:
        for w in names & set(_LOWER_NAME.findall(f.text.lower())):
            naming[w].update(f.sources)
    sources = {s for f in facts for s in f.sources}
    return [w if w and w in full and len(naming[w]) < TOPIC_SHARE * len(sources) else None for w in speaking]


def _bare_surnames(text: str) -> tuple[str, ...]:
    """The surname a sentence opens with and those it names as a quotation's speaker, when bare."""
    found = [m.group(1)] if (m := _SURNAME_FIRST.match(text)) else []
    if has_quote(text):
        # Named in full in the sentence itself ("Luiz Silveira, 34, ... '...,' Silveira said").
        in_full = {last for first, last in _FULL_NAME.findall(text) if first.lower() not in _NOT_NAMES}
        for m in _SURNAME_SPEAKS.finditer(text, 1):
            before = text[max(0, m.start() - _BEFORE_REACH):m.start()]
            quoting = bool(_QUOTE_CLOSED.search(before) or _QUOTE_OPENS.match(text, m.end()))
            named = _NAMED_BEFORE.search(before)
            if (quoting and m.group(1) not in in_full
                    and (named is None or named.group(1).lower().rstrip(".") in _NOT_NAMES)):
                found.append(m.group(1))
    return tuple(name for name in found if not _PEOPLES.search(name) and name.lower() not in _NOT_NAMES)


def antecedent_of(facts: Sequence[Fact]) -> list[int | None]:
    """For each fact, the position of the fact that prints the sentence before its own, if any.

    The sentence before is the one at ``index - 1`` in the source of the
    fact's representative sentence. It counts only when a fact of ``facts``
    holds it and prints that same text.
    """
    where: dict[tuple[str, int], tuple[int, str]] = {}
    for k, fact in enumerate(facts):
        for s in fact.sentences:
            where.setdefault((s.source_id, s.index), (k, s.text))
    out: list[int | None] = []
    for k, fact in enumerate(facts):
        if not fact.sentences:
            out.append(None)
            continue
        rep = fact.representative
        got = where.get((rep.source_id, rep.index - 1))
        out.append(got[0] if got is not None and got[0] != k and facts[got[0]].text == got[1] else None)
    return out


def inside_quotation(facts: Sequence[Fact]) -> list[bool]:
    """Per fact, whether its sentence is the middle of a quotation that runs over several sentences.

    ``ocean tweeted " got jumped by chris and a couple guys. Lol. I only wish
    everest was there. Cut my finger now ... grammys. "``: the middle
    sentences have no mark of their own and would read as the writer's
    statements. The splitter marks them, reading each article whole
    (:attr:`briefgen.model.Sentence.in_quotation`, :func:`briefgen.text.quotes.middles`),
    so the answer does not depend on which facts a part is choosing among.
    """
    return [_mid_quotation(f) for f in facts]


def _mid_quotation(fact: Fact) -> bool:
    return bool(fact.sentences) and fact.representative.in_quotation


def comes_after(fact: Fact) -> bool:
    """Whether a fact prints only right after the sentence before it: it leans on it
    (:func:`~briefgen.select.standalone.leans`), continues its quotation (:func:`inside_quotation`)
    or calls by its kind what the sentences before introduced (:mod:`briefgen.select.anaphora`)."""
    return leans(fact.text) or _mid_quotation(fact) or (
        bool(fact.sentences) and fact.representative.points_back)


def open_ended(facts: Sequence[Fact], quotation_middles: bool = True) -> list[bool]:
    """Per fact, whether its sentence ends inside a quotation or bracket that a later sentence closes.

    Such a sentence prints only as the antecedent of a later one, never last:
    one that opens its quotation or bracket itself (:func:`~briefgen.select.standalone.runs_on`),
    or, with ``quotation_middles`` (the stand-alone rules), the middle of a quotation an
    earlier sentence opened (:func:`inside_quotation`).
    """
    return [_open_end(f, quotation_middles) for f in facts]


def _open_end(fact: Fact, quotation_middles: bool = True) -> bool:
    return runs_on(fact.text) or (quotation_middles and _mid_quotation(fact))


def needs(facts: Sequence[Fact], standalone: bool = True,
          quotations: bool = True) -> list[tuple[int, ...] | None]:
    """What each fact needs to be chosen: ``()`` nothing, its antecedents (nearest first), or ``None``: never.

    Args:
        facts: The candidate facts; an antecedent must be one of them.
        standalone: Apply the rules; without, every fact needs nothing.
        quotations: Allow a quotation (:func:`~briefgen.text.quotes.quotation`);
            without, one is never chosen, as if broken, nor what leans on it.

    Returns:
        Per fact: ``()`` if it reads alone; the positions of the antecedents
        it leans on, the nearest first, back to the first that reads alone,
        when each is whole; ``None`` if it is broken, or leans on something
        missing or broken, or speaks in the first person
        (:func:`~briefgen.select.standalone.first_person`) while neither it
        nor an antecedent gives anyone's words
        (:func:`~briefgen.select.standalone.gives_words`): the writer's own voice.
    """
    if not standalone:
        return [() for _ in facts]
    ante = antecedent_of(facts)
    whole = [not broken(f.text) and (quotations or not quotation(f.text)) for f in facts]
    # A fragment ("Lol.", "And tragedy.") opens no passage: what leans on it reaches further back.
    # The middle of a quotation leans on the sentence before, back to the one that names the
    # speaker or opens the quotation (inside_quotation).
    leaning = [w and (comes_after(f) or fragment(f.text)) for f, w in zip(facts, whole, strict=True)]
    out: list[tuple[int, ...] | None] = [None] * len(facts)
    done = [False] * len(facts)
    for k in range(len(facts)):
        # Walk back to a fact already settled, one that reads alone, or a dead end; then settle
        # the walk from its far end forward.
        walk: list[int] = []
        at: int | None = k
        while at is not None and not done[at] and at not in walk:
            walk.append(at)
            at = ante[at] if whole[at] and leaning[at] else None
        for j in reversed(walk):
            if not whole[j]:
                out[j] = None
            elif not leaning[j]:
                out[j] = ()
            else:
                a = ante[j]
                # A missing or broken antecedent, or a cycle (the walk met itself): never.
                before = out[a] if a is not None and done[a] else None
                out[j] = (a, *before) if a is not None and before is not None else None
                chain = out[j]
                own = facts[j].text
                if chain and first_person(own) and not gives_words(own, asked=False) and not any(
                        gives_words(facts[c].text) for c in chain):
                    # The writer's own "I" or "we": no sentence before names anyone else speaking,
                    # so the passage is still the writer's voice, which a briefing does not print.
                    out[j] = None
            done[j] = True
    return out


def writer_voice(text: str) -> bool:
    """Whether a sentence is the writer's own voice: "I", "we", "our", "my" or "me" outside quotation
    marks as the writer's word, and no verb of saying there ("Tell me more! photos can also be uploaded
    from social platforms including facebook, instagram, picasa and "several others "", a page's call
    to its reader, Multi-News 00162). A word in quotation marks is no one's words given; a capitalised
    name or title that holds such a word is no voice ("Our Lady of Lourdes", "We Energies", "Why We
    Sleep", "I Will Survive": a review's probes), nor is "us" (the country, "us weekly")."""
    if not first_person(text):
        return False
    words = unquoted_words(text)
    if gives_words(" ".join(words), asked=False):
        return False
    for k, word in enumerate(words):
        after = words[k + 1] if k + 1 < len(words) else ""
        if word.lower() in _VOICE and (word.islower() or k == 0 or word == "I") and not after[:1].isupper():
            return True
    return False


# The writer's own words for themselves (see writer_voice).
_VOICE = frozenset({"i", "we", "our", "ours", "my", "me", "mine"})


def links(i: int, need: Sequence[tuple[int, ...] | None]) -> list[tuple[int, int]]:
    """The (sentence, antecedent) pairs that choosing fact ``i`` with its antecedents prints together."""
    chain = need[i] or ()
    return list(zip((i, *chain[:-1]), chain, strict=True)) if chain else []


def clashes(i: int, need: Sequence[tuple[int, ...] | None], taken: set[int], led: set[int]) -> bool:
    """Whether fact ``i``'s unit needs an antecedent that already prints before another sentence.

    ``taken`` holds the facts chosen so far and ``led`` the antecedents that
    one of them leans on: a fact printed by two articles may be the sentence
    before a leaning sentence in each, but only one of them can follow it.
    """
    return any(a in led for s, a in links(i, need) if s not in taken)


def follows(first: Fact, second: Fact) -> bool:
    """Whether ``second``'s sentence comes right after one of ``first``'s in the same source."""
    if not second.sentences:
        return False
    rep = second.representative
    return any(s.source_id == rep.source_id and s.index == rep.index - 1 for s in first.sentences)


def in_order(chosen: Sequence[int], facts: Sequence[Fact]) -> list[int]:
    """``chosen`` with each fact that follows another chosen one moved right after it.

    Facts keep their order otherwise (a passage takes the place of its
    earliest-ranked member), so every antecedent prints right before the
    sentence that leans on it.
    """
    picked = set(chosen)
    ante = antecedent_of(facts)
    after: dict[int, int] = {}
    # A sentence that leans on its antecedent claims the place after it before one that merely
    # follows it in the same article (a fact printed by two articles may have a follower in each).
    for i in sorted(chosen, key=lambda i: not comes_after(facts[i])):
        a = ante[i]
        if a is not None and a in picked and a not in after:
            after[a] = i
    tails = set(after.values())

    def head(i: int) -> int:
        seen = {i}
        while True:
            prev = next((a for a, b in after.items() if b == i), None)
            if prev is None or prev in seen:
                return i
            seen.add(prev)
            i = prev

    out: list[int] = []
    done: set[int] = set()
    for i in chosen:
        start = head(i) if i in tails else i
        while start not in done:
            out.append(start)
            done.add(start)
            if start not in after:
                break
            start = after[start]
    out.extend(i for i in chosen if i not in done)
    return out


def passages(facts: Sequence[Fact]) -> list[list[Fact]]:
    """``facts`` in order, grouped into passages that print as one bullet.

    A fact joins the passage before it when the passage's last fact is the
    sentence before it in its article (:func:`follows`) and either it needs
    that sentence (:func:`comes_after`: it leans on it or continues its
    quotation) or that sentence cannot end a passage (:func:`open_ended`, or
    a fragment); every other fact starts a passage of its own.
    """
    out: list[list[Fact]] = []
    for fact in facts:
        last = out[-1][-1] if out else None
        if last is not None and follows(last, fact) and (
                comes_after(fact) or _open_end(last) or fragment(last.text)):
            out[-1].append(fact)
        else:
            out.append([fact])
    return out
