"""What an amount measures, of what, and when, read from the words around it.

:func:`measured` turns the :class:`~briefgen.facts.amounts.Amount` records of a
sentence into :class:`Figure` records that say which measure each one gives,
so that only like is compared with like:

* counts of people that move as reports come in (deaths, injured, missing,
  displaced, detained, identified, ...), read from the verb or noun nearest
  to the number in its clause ("killing 60 people and injuring 162 others";
  "Of the 129 deaths ..., 67 were attributed to landslides" reads the 67 as
  deaths), and the group counted ("136 Koreans", "136 Korean forced
  laborers": Koreans; "21 Israelis"; "people" counts no group);
* ages ("Slepian, 51,", "a 52-year-old gynecologist") with the person;
* lengths of events ("88-minute ... meeting": the length of the meeting);
* measurements (magnitude, speed, distance, temperature), money with what it
  pays for ("$2.1 billion of debt") and shares ("60 percent of the plane ...
  recovered");
* counts of who carried out an attack ("two gunmen", "20 men in camouflage
  attacked the house", "kidnapped ... by two dozen armed men");
* where a change started, for the figure it reached ("to 22 planes from 57":
  57 is compared only with other starts of a change to 22);
* anything else only by the words around it (its *window*).

Each figure also carries the place and cause words that narrow what it
counts ("in landslides on Catanduanes island", "throughout Europe"; "the
town's death toll" is the toll of the town the sentence names), the time
its clause gives ("police said Monday", "by midday Saturday", "earlier"), and
whether its clause reports an update ("rose to", "bringing the toll to").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from briefgen.facts.amounts import Amount, Word, amounts, change_target, format_number, split_words
from briefgen.facts.narrowing import NOT_SCOPE as _NOT_SCOPE
from briefgen.facts.narrowing import PLACE_KINDS as _PLACE_KINDS
from briefgen.facts.narrowing import manner, where_place
from briefgen.facts.terms import term_of
from briefgen.facts.when import DAY_PARTS as _DAY_PARTS
from briefgen.facts.when import MONTH_WORDS as _MONTH_WORDS
from briefgen.facts.when import WEEKDAYS as _WEEKDAYS
from briefgen.facts.when import clause_time, said_when
from briefgen.text.names import name_key
from briefgen.text.words import STOPWORDS

__all__ = ["ATTACKERS", "CHANGING", "CURRENT", "PEOPLE", "START", "Figure", "figures", "name_term", "places",
           "term_of"]

# Measure -> the words that name it. Every one of these counts moves as reports come in.
_MEASURE_WORDS = {
    "deaths": """killed kill kills killing dead died die dies dying death deaths fatalities fatality
        perished lives toll drowned drownings drowning""",
    "injured": "injured injuring injuries injury wounded wounding hurt injures",
    "missing": "missing unaccounted",
    "displaced": """evacuated evacuate evacuating evacuees evacuation evacuations homeless displaced
        fled flee fleeing refugees""",
    "detained": """arrested arrests detained detention detentions detaining jailed imprisoned
        questioned interrogated custody""",
    "rescued": "rescued",
    "in hospital": "hospitalized hospitalised hospital hospitals intensive",
    "identified": "identified",
    "laid off": "laid layoffs",
    "recovered": "recovered",
    "trapped": "trapped stranded",
    "charged": "indicted charged",
    "casualties": "casualties",
}
_MEASURE_OF = {w: m for m, ws in _MEASURE_WORDS.items() for w in ws.split()}
#: Measures whose figures change as reports come in.
CHANGING = frozenset(_MEASURE_WORDS) | {"workforce"}
#: The measure of a count of a named group of people that does not say what happened to them.
PEOPLE = "people"
#: The measure of how many carried out an attack.
ATTACKERS = "attackers"
#: The measure of where a change started ("to 22 planes from 57"); its subject is the figure reached.
START = "start"
# Measure words that can be what a number counts ("129 deaths", "65 dead").
_MEASURE_NOUNS = frozenset(["deaths", "death", "fatalities", "drownings", "casualties", "injuries",
                            "arrests", "detentions", "layoffs", "evacuees", "refugees", "dead", "injured",
                            "wounded", "missing", "homeless", "lives"])
_SPELLED_NUMBERS = frozenset(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                              "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                              "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
                              "seventy", "eighty", "ninety", "dozen", "hundred", "thousand", "million"])
#: Counts of people in a state they leave (patients in hospital, the missing): these fall as well as rise.
CURRENT = frozenset({"in hospital", "missing", "trapped", "workforce"})
# Words of a clause that make a length of time a prison term, and those that say a court gave it.
_PRISON = frozenset({"prison", "imprisonment", "jail", "sentence", "sentences", "sentenced", "term", "terms"})
_SENTENCED = frozenset({"sentenced", "jailed", "given", "received"})
# ... and those that make it time someone spent in prison, which is theirs alone.
_SERVED = frozenset({"spent", "served", "serving", "spending"})
# Adjectives that come between a number and what it counts ("8,600 current workers").
_ADJECTIVES_BEFORE = frozenset({"current", "former", "young", "local", "foreign", "remaining", "total",
                                "other", "more", "new", "full", "part", "permanent", "regular"})
# Measure nouns that also say how ("18 drownings").
_CAUSE_NOUNS = frozenset({"drownings", "drowning", "suicides", "shootings", "stabbings"})
# Nouns that count people without saying which people.
# Members, dissidents and activists are who a story about them counts, by whatever noun.
_GENERIC = frozenset(["people", "persons", "person", "others", "other", "individuals", "victims", "workers",
                      "laborers", "labourers", "employees", "residents", "dead", "injured", "wounded",
                      "missing", "those", "passengers", "members", "dissidents", "activists", "suspects",
                      "supporters"])
_PEOPLE = _GENERIC | frozenset(["men", "women", "children", "soldiers", "troops", "civilians", "police",
                                "policemen", "officers", "students", "villagers", "miners", "tourists",
                                "foreigners", "firefighters", "rescuers", "protesters", "dissidents",
                                "members", "fishermen", "sailors", "crew", "pilgrims", "prisoners",
                                "inmates", "hostages", "refugees", "migrants"])
# Words that end the clause around a number.
_BOUNDARY = frozenset({",", ";", ":", "(", ")", "\"", "_", "?", "!"})
_CONJUNCTIONS = frozenset({"and", "but", "while", "whereas", "including", "after", "before", "although",
                           "though", "because", "since", "plus"})
_LOCATIVE = frozenset({"in", "on", "at", "throughout", "across", "near", "inside", "outside", "around",
                       "by", "from", "along", "off"})
# Prepositions whose capitalised object is a place; after "from" or "by" it is a cause
# ("from Hurricane Georges").
_PLACE_PREPOSITIONS = frozenset({"in", "on", "at", "throughout", "across", "near", "inside", "outside",
                                 "around", "along", "off"})
_KIND_PREPOSITIONS = _PLACE_PREPOSITIONS | {"from"}  # "from the province"
# Verbs of a cut taken from a whole ("laid off 5,000 of its 13,000 workers").
_CUTS = frozenset(["laid", "cut", "cuts", "fired", "shed", "dismissed", "eliminated", "eliminate", "lost",
                   "slashed", "sacked"])
# A place named only by its kind ("the town's death toll"): a part of what the coverage is about.
_PART_OF = frozenset(["town's", "city's", "village's", "province's", "island's", "region's", "district's",
                      "county's", "state's"])
_EVENTS = frozenset(["meeting", "meetings", "talks", "talk", "summit", "session", "sessions", "discussion",
                     "discussions", "dinner", "luncheon", "lunch", "breakfast", "speech", "address",
                     "conference", "hearing", "trial", "visit", "trip", "flight", "interview",
                     "negotiations", "debate", "ceremony", "operation", "surgery", "standoff", "siege",
                     "journey", "broadcast", "match", "game", "concert", "rally", "march", "strike",
                     "roundtable", "consultations"])
_MONEY_NOUNS = frozenset(["debt", "debts", "damage", "damages", "loss", "losses", "cost", "costs", "budget",
                          "aid", "loan", "loans", "deficit", "revenue", "revenues", "sales", "profit",
                          "profits", "fine", "fines", "bail", "ransom", "reward", "assets", "investment",
                          "investments", "bid", "offer", "price", "payment", "payments", "compensation",
                          "bailout", "package", "fund", "funds", "spending", "income", "salary", "wages",
                          "bonus", "stake", "value", "capital"])
_UPDATES = frozenset({"rose", "risen", "rising", "rises", "climbed", "climbing", "jumped", "increased",
                      "reached", "bringing", "raising", "raised", "brought", "swelled", "mounted",
                      "revised", "now"})
_PRONOUNS = frozenset({"he", "she"})
# Small words inside names: "Luiz Inacio Lula da Silva", "Ludwig van Beethoven".
_PARTICLES = frozenset({"da", "de", "del", "della", "di", "do", "dos", "du", "van", "von", "der", "den",
                        "bin", "ibn", "al", "el", "le", "la"})
# Words after a number that make it an increment, not a level: "17 new victims".
_INCREMENTS = frozenset({"new", "additional", "further", "extra"})
# Words after a number that make it a difference, not a level: "20 more lives than".
_COMPARATIVES = frozenset({"more", "fewer", "less", "times", "higher", "lower", "greater", "than"})
_TITLE_WORDS = frozenset(["mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "president", "minister",
                          "king", "queen", "prince", "judge"])


# Capitalised words inside names that are ordinary words ("Coal Mine", "Security Council").
_ORDINARY = frozenset(["coal", "mine", "river", "lake", "mount", "island", "bay", "sea", "ocean", "city",
                       "county", "province", "state", "republic", "party", "council", "court", "ministry",
                       "office", "department", "agency", "army", "navy", "police", "force", "front", "war",
                       "company", "corporation", "airlines", "airways", "bank", "hospital", "university",
                       "school", "church", "temple", "market", "square", "street", "road", "bridge",
                       "station", "airport", "port", "center", "centre", "committee", "union", "league",
                       "association"])


@lru_cache(maxsize=65536)
def name_term(word: str) -> str:
    """The comparison term of a name: its romanisation key, so "Chosei" and "Josei" are one."""
    return "~" + name_key(word)[:6]


@dataclass(frozen=True, slots=True)
class Figure:
    """One amount with what it measures.

    Attributes:
        amount: The amount as printed.
        measure: What it gives: a key of :data:`CHANGING` ("deaths"), "age",
            "length", a unit ("magnitude", "kph", "celsius", ...), "money:<noun>",
            or "" when the words around it do not say.
        group: Terms of the people or things counted ("korea" for
            "136 Koreans"; empty for "people").
        noun: The word counted, as printed ("Koreans", "people"), or "".
        subject: Who or what it belongs to: a person's name for an age,
            the event for a length ("meeting"), else "".
        scope: Terms of the places that narrow it ("catan" for "in
            landslides on Catanduanes island").
        window: Content terms of its clause.
        weekday: The weekday its clause names (0 Monday ... 6 Sunday), or None.
        relative: Days from the article's date ("yesterday": -1), or None.
        part: Part of the day (1 morning ... 5 night), or 0.
        earlier: Its clause calls it an earlier figure ("had earlier reported").
        update: Its clause reports a change ("rose to 156").
        when: The time words as printed ("Sunday night", "Monday"), or "".
        weak: The measure was read from elsewhere in the sentence, not the clause.
        counted: The words counted as printed ("Korean forced laborers"), or "".
        places: The narrowing phrases as printed ("in landslides", "on Catanduanes island").
        whose: The subject as printed ("Slepian", "meeting"), or "".
        causes: Terms of the causes that narrow it ("landsl").
        names: Other capitalised words of its clause ("zeb" for "Typhoon Zeb killed ...").
    """

    amount: Amount
    measure: str
    group: frozenset[str]
    noun: str
    subject: str
    scope: frozenset[str]
    window: frozenset[str]
    weekday: int | None
    relative: int | None
    part: int
    earlier: bool
    update: bool
    when: str
    weak: bool
    counted: str = ""
    places: tuple[str, ...] = ()
    whose: str = ""
    causes: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()


def _clause(words: tuple[Word, ...], a: Amount) -> tuple[int, int]:
    """The first and last token of the clause around an amount (around its brackets, for one in brackets)."""
    lo, hi = _bounds(words, a.first, a.last)
    if lo > 0 and hi + 1 < len(words) and words[lo - 1].text == "(" and words[hi + 1].text == ")" and lo > 1:
        outer_lo, _ = _bounds(words, lo - 2, lo - 2)
        _, outer_hi = _bounds(words, hi + 2, hi + 2) if hi + 2 < len(words) else (hi, hi)
        return outer_lo, outer_hi
    if hi + 1 < len(words) and words[hi + 1].text == "(":
        # "minus 19 Celsius (minus 2 Fahrenheit) in Moscow": the clause goes on after the brackets.
        close = next((j for j in range(hi + 2, min(len(words), hi + 12)) if words[j].text == ")"), None)
        if close is not None and close + 1 < len(words) and words[close + 1].text not in _BOUNDARY \
                and words[close + 1].text != ".":
            hi = _bounds(words, close + 1, close + 1)[1]
    return lo, hi


def _bounds(words: tuple[Word, ...], first: int, last: int) -> tuple[int, int]:
    lo = first
    while lo > 0 and words[lo - 1].text not in _BOUNDARY and not _dash(words, lo - 1) \
            and words[lo - 1].low not in _CONJUNCTIONS:
        lo -= 1
    hi = last
    while hi + 1 < len(words) and words[hi + 1].text not in _BOUNDARY and not _dash(words, hi + 1) \
            and words[hi + 1].low not in _CONJUNCTIONS and words[hi + 1].text != ".":
        hi += 1
    return lo, hi


def _dash(words: tuple[Word, ...], k: int) -> bool:
    """A free-standing dash (not a hyphen inside a word)."""
    w = words[k]
    if w.text != "-":
        return False
    return w.spaced or (k + 1 < len(words) and words[k + 1].spaced)


def _noun(words: tuple[Word, ...], a: Amount) -> tuple[int, int]:
    """The counted noun phrase after a count: (first, last) token, or (-1, -1)."""
    k = a.last + 1
    if k < len(words) and words[k].low == "of" and k + 1 < len(words) and words[k + 1].low in ("the", "them"):
        k += 2 if words[k + 1].low == "the" else 1  # "18 of the dead", "67 of them"
    start = k
    end = -1
    for j in range(k, min(len(words), k + 6)):
        w = words[j]
        if not w.text[:1].isalpha() and w.text != "-":
            break
        if w.text == "-":
            continue
        if w.low in ("and", "or") and j > k and j + 1 < len(words) and words[j + 1].text[:1].isupper() \
                and words[j - 1].text[:1].isupper():
            continue  # "183 Korean and Japanese people"
        if w.low in STOPWORDS and w.low not in ("other",) or w.low in _WEEKDAYS or w.low in _MONTH_WORDS:
            break
        if w.low in _MEASURE_OF and w.low not in _MEASURE_NOUNS:
            break  # "5 died": a verb, not what is counted
        end = j
        if w.low in _PEOPLE or w.low in _MEASURE_OF or w.low.endswith("s") and not w.low.endswith("ss"):
            break
        if j > k and not w.low.endswith(("ed", "ly", "ing")) and not w.text[:1].isupper() \
                and words[j - 1].low not in _ADJECTIVES_BEFORE:
            break
    if end >= start and end + 2 < len(words) and words[end + 1].low in ("and", "or") \
            and words[end + 2].text[:1].isupper() and words[end].text[:1].isupper():
        end += 2  # "183 Koreans and Japanese drowned"
    return (start, end) if end >= start else (-1, -1)


def _nearest_measure(words: tuple[Word, ...], lo: int, hi: int, a: Amount, noun: tuple[int, int]) -> str:
    """The measure named nearest the amount in ``lo..hi``: the predicate after it, then the verb before."""
    after_start = (noun[1] if noun[1] >= 0 else a.last) + 1
    for j in range(after_start, hi + 1):
        m = _measure_at(words, j)
        if m:
            return m
    for j in range(a.first - 1, lo - 1, -1):
        m = _measure_at(words, j)
        if m:
            return m
    if noun[1] >= 0:
        for j in range(noun[0], noun[1] + 1):
            m = _measure_at(words, j)
            if m:
                return m
    return ""


def _measure_at(words: tuple[Word, ...], j: int) -> str:
    low = words[j].low
    if low == "homes" and j > 0 and words[j - 1].low == "their":
        return "displaced"  # "forced out of their homes"
    before = words[j - 1] if j > 0 else None
    counted = before is not None and (before.low in ("the", "their") or before.low in _SPELLED_NUMBERS
                                      or before.text[:1].isdigit())
    if low == "lives" and not counted:
        return ""
    if low == "care" and j > 0 and words[j - 1].low == "intensive":
        return "in hospital"
    if low in ("hospital", "hospitals") and j > 0 and words[j - 1].low == "from":
        return ""  # "49 people were released from hospital": no longer in hospital
    if low == "laid" and not (j + 1 < len(words) and words[j + 1].low == "off"):
        return ""
    return _MEASURE_OF.get(low, "")


def _age_subject(words: tuple[Word, ...], a: Amount) -> str | None:
    """Whose age an amount is ("Slepian, 51,", "Zaken, a 23-year-old"); "" for "he was 22"; None: no age."""
    i = a.number
    if a.unit == "age":
        k = a.first - 1
        while k >= 0 and words[k].low in ("a", "an", "the"):
            k -= 1
        if k >= 0 and words[k].text == ",":
            k -= 1
        return _name_before(words, k)
    if a.unit or a.bound or not words[i].text.isdigit() or not 1 <= a.value <= 110:
        return None
    prev = words[i - 1] if i > 0 else None
    nxt = words[i + 1] if i + 1 < len(words) else None
    if prev is not None and prev.low in ("aged", "age"):
        return _name_before(words, i - 2)
    if prev is not None and prev.text == "," and (nxt is None or nxt.text in (",", ")", ".", ";")):
        name = _name_before(words, i - 2)
        return name or None
    if prev is not None and prev.low in ("was", "is") and i > 1 and words[i - 2].low in _PRONOUNS \
            and (nxt is None or nxt.text in (",", ".", ";") or nxt.low == "and"):
        return ""
    if prev is not None and prev.low in ("is", "was") and i > 2 and words[i - 2].low == "who" \
            and words[i - 3].text == "," and (nxt is None or nxt.text in (",", ".", ";", "and")):
        return _name_before(words, i - 4)  # "Pinochet, who is 82 and ..."
    return None


def _name_before(words: tuple[Word, ...], k: int) -> str:
    """The terms of the capitalised name ending at token ``k``, joined by "+" ("qin+yongm"), or ""."""
    if k < 0 or not words[k].text[:1].isupper() or not words[k].text.isalpha() or words[k].low in STOPWORDS:
        return ""
    if words[k].low in _TITLE_WORDS or (k == 0 and not (len(words) > 1 and words[1].text == ",")):
        return ""
    parts = [term_of(words[k].text)]
    j = k - 1
    while j >= 0 and k - j < 6 and (words[j].low in _PARTICLES or (
            words[j].text[:1].isupper() and words[j].text.replace(".", "").isalpha()
            and words[j].low not in STOPWORDS and words[j].low not in _TITLE_WORDS)):
        if len(words[j].text) > 1 and words[j].low not in _PARTICLES:
            parts.append(term_of(words[j].text))
        j -= 1
    return "+".join(sorted(parts))


def _printed_name(words: tuple[Word, ...], a: Amount) -> str:
    """The name an age belongs to as printed, all of it ("Qin Yongmin, 45": "Qin Yongmin", not the
    given name alone), found as :func:`_age_subject` finds it."""
    k = a.first - 1
    while k >= 0 and (words[k].low in ("a", "an", "the", ",", "aged", "age")):
        k -= 1
    if k < 0 or not words[k].text[:1].isupper():
        return ""
    j = k - 1
    while j >= 0 and k - j < 6 and (words[j].low in _PARTICLES or (
            words[j].text[:1].isupper() and words[j].text.replace(".", "").isalpha()
            and words[j].low not in STOPWORDS and words[j].low not in _TITLE_WORDS)):
        j -= 1
    return " ".join(w.text for w in words[j + 1:k + 1])


_ADJECTIVES = frozenset({"the", "a", "an", "nearby", "central", "northern", "southern", "eastern", "western",
                         "neighboring", "neighbouring", "hard", "hit", "remote", "coastal", "mountainous"})


def _scope(words: tuple[Word, ...], lo: int, hi: int,
           skip: range) -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """What narrows a figure: (places, causes, phrases as printed).

    Places are the names after "in", "on", "throughout", ... ("on Catanduanes
    island", "throughout Europe", a sentence that opens "In Romania,");
    causes the lower-case noun that heads such a phrase ("in landslides",
    "by falling trees").
    """
    places: set[str] = set()
    causes: set[str] = set()
    phrases: list[str] = []
    j = lo
    while j <= hi:
        if j in skip or words[j].low not in _LOCATIVE:
            j += 1
            continue
        k = j + 1
        head = ""
        found_place = False
        while k <= hi and k not in skip and k - j <= 5:
            w = words[k]
            if w.low in _ADJECTIVES or w.text in ("'", "-"):
                k += 1
                continue
            if not w.text[:1].isalpha() or w.low in STOPWORDS or w.low in _MEASURE_OF or w.low in _WEEKDAYS \
                    or w.low in _MONTH_WORDS or w.low in _DAY_PARTS or w.low in _UPDATES:
                break
            if w.low in _PLACE_KINDS and words[k - 1].low == "the" and words[j].low in _KIND_PREPOSITIONS:
                # "from the province", "on the island": one place the story named, not the whole.
                places.add("@" + w.low)
                found_place = True
                k += 1
                continue
            if w.text[:1].isupper():
                if words[j].low not in _PLACE_PREPOSITIONS:
                    break  # "from Hurricane Georges": a name, read with the clause's names
                places.add(term_of(w.text))
                found_place = True
            elif w.low.endswith(("ed", "ing", "ly")):
                k += 1
                continue  # "by falling trees"
            else:
                head = w.low
                # "in landslides", "by falling trees" narrow a count; "in the inferno", "at a fire" name
                # the event itself.
                if not w.low.endswith("s"):
                    head = ""
            k += 1
        if head and head not in _NOT_SCOPE and not found_place:
            causes.add(term_of(head))
        if found_place or (head and head not in _NOT_SCOPE):
            phrases.append(" ".join(x.text for x in words[j:k]).replace(" ' ", "' ").replace(" - ", "-"))
        j = max(k, j + 1)
    # A sentence that opens with a place: "In Romania, at least 21 people died".
    if lo > 1 and words[lo - 1].text == "," and words[0].low in ("in", "throughout", "across", "on"):
        fronted = [w for w in words[1:lo - 1] if w.text[:1].isupper() and w.low not in STOPWORDS
                   and w.low not in _NOT_SCOPE]
        places.update(term_of(w.text) for w in fronted)
        if fronted:
            phrases.append(" ".join(w.text for w in words[0:lo - 1]))
    return frozenset(places), frozenset(causes), tuple(phrases)


def places(text: str) -> frozenset[str]:
    """Terms of the places a whole sentence names after "in", "on", "throughout", ..."""
    words = split_words(text)
    found = _scope(words, 0, len(words) - 1, range(0))[0] if words else frozenset()
    return frozenset(t for t in found if not t.startswith("@"))  # named places only


def _names(words: tuple[Word, ...], lo: int, hi: int, skip: range) -> frozenset[str]:
    """Capitalised words of a clause before its figure, its first word aside: who or what ("Typhoon Zeb").

    Each is its term (as :func:`term_of` gives it) when it reads as an ordinary word, else its
    romanisation key (:func:`name_term`), so a name spelled another way still matches.
    """
    return frozenset(term_of(w.text) if w.low in _ORDINARY else name_term(w.text)
                     for j, w in enumerate(words[lo:hi + 1], lo)
                     if j not in skip and j > 0 and w.text[:1].isupper() and w.text.isalpha()
                     and w.low not in STOPWORDS and w.low not in _WEEKDAYS and w.low not in _MONTH_WORDS
                     and w.low not in _TITLE_WORDS and len(w.text) > 1)


def _window(words: tuple[Word, ...], lo: int, hi: int, skip: range) -> frozenset[str]:
    return frozenset(term_of(w.text) for j, w in enumerate(words[lo:hi + 1], lo)
                     if j not in skip and w.text[:1].isalpha() and w.low not in STOPWORDS and len(w.low) > 1)


# A measure named elsewhere in the sentence is read only this near the number.
_NEAR_ENOUGH = 12
# Verbs that say what else happened to the people counted ("two of them were released").
_OTHER_PREDICATES = frozenset(["released", "freed", "gathered", "attended", "signed", "announced",
                               "announcing", "began", "protested", "marched", "sent", "wrote", "fled",
                               "returned", "voted", "joined", "met"])


def _sentence_measure(words: tuple[Word, ...], a: Amount, lo: int, hi: int) -> tuple[str, int]:
    """A measure named elsewhere in the sentence, near the number, and the token naming it: the nearest
    before the amount ("bringing the total to 40" refers back), else the nearest after it ("The
    fatalities included ... three people hit by ..."); ("", -1) when the clause says something else
    happened to them."""
    if any(words[j].low in _OTHER_PREDICATES for j in range(a.last + 1, hi + 1)):
        return "", -1
    for j in range(a.first - 1, max(-1, a.first - 1 - _NEAR_ENOUGH), -1):
        m = _measure_at(words, j)
        if m:
            return m, j
    for j in range(a.last + 1, min(len(words), a.last + 1 + _NEAR_ENOUGH)):
        m = _measure_at(words, j)
        if m:
            return m, j
    return "", -1


# Nouns that count who carried out an attack, and verbs that say a count of men did.
_ATTACKER_NOUNS = frozenset(["gunmen", "attackers", "assailants", "kidnappers", "hijackers", "raiders",
                             "robbers", "abductors", "bombers"])
_PASSIVE = frozenset(["be", "been", "being", "was", "were", "is", "are", "got", "get"])
_ATTACKS = frozenset(["attacked", "stormed", "seized", "raided", "ambushed", "kidnapped", "abducted",
                      "hijacked", "opened", "burst", "surrounded"])


def _attackers(words: tuple[Word, ...], a: Amount, noun: tuple[int, int], lo: int, hi: int) -> bool:
    """Whether a count is of who carried out an attack: "two gunmen", "20 men in camouflage attacked
    the house", "kidnapped ... by two dozen armed men"."""
    if noun[1] < 0:
        return False
    head = words[noun[1]].low
    if head in _ATTACKER_NOUNS:
        return True
    if head not in ("men", "people"):
        return False
    if a.first > 0 and words[a.first - 1].low == "by":
        return any(w.low in _ATTACKS for w in words[:a.first])
    # "20 men ... attacked the house", not "176 people have been kidnapped" (whom it was done to).
    return any(words[j].low in _ATTACKS and words[j - 1].low not in _PASSIVE
               for j in range(noun[1] + 1, min(hi + 1, noun[1] + 5)))


def _population_of(words: tuple[Word, ...], k: int) -> str:
    """Whose population the figure after token ``k`` is: the capitalised name before "('s)", "and its"."""
    owner = words[k].low.endswith("'s")
    j = k if owner else k - 1
    if not owner and j >= 0 and words[j].low in ("and", ","):
        j -= 1
    end = j
    while j >= 0 and words[j].text[:1].isupper():
        j -= 1
    name = " ".join(w.text for w in words[j + 1:end + 1])
    return name[:-2] if owner and name else name


def figures(text: str) -> list[Figure]:
    """Every amount in ``text`` whose words say what it measures (see the module docstring)."""
    found = amounts(text)
    if not found:
        return []
    words = split_words(text)
    out = []
    for k, a in enumerate(found):
        lo, hi = _clause(words, a)
        noun = _noun(words, a)
        skip = range(a.first, (noun[1] if noun[1] >= 0 else a.last) + 1)
        noun_word = words[noun[1]].text if noun[1] >= 0 else ""
        group = frozenset(term_of(words[j].text) for j in range(max(noun[0], 0), noun[1] + 1)
                          if words[j].text[:1].isupper() or (j == noun[1] and words[j].low not in _GENERIC
                                                             and words[j].low not in _MEASURE_OF))
        measure = ""
        subject = ""
        whose = ""
        weak = False
        named_at = -1  # the token naming a measure read from elsewhere in the sentence
        before_change = False
        counted = " ".join(w.text for w in words[noun[0]:noun[1] + 1] if w.text != "-") if noun[1] >= 0 \
            else ""
        age_of = _age_subject(words, a)
        if age_of is not None:
            measure, subject, group, noun_word, counted = "age", age_of, frozenset(), "", ""
            whose = _printed_name(words, a)
        elif a.unit in ("minute", "day", "month", "year"):
            group, noun_word = frozenset(), ""
            end = a.last + 1
            while end < min(len(words), a.last + 8) and words[end].text not in _BOUNDARY \
                    and words[end].text != ".":
                end += 1
            events = [words[j].low for j in range(lo, end) if words[j].low in _EVENTS]
            nearby = {words[j].low for j in range(lo, hi + 1)}
            after = words[a.last + 1].low if a.last + 1 < len(words) else ""
            if nearby & _PRISON and a.unit in ("year", "month") and not nearby & _SERVED:
                # "face from 10 years to life", "a minimum prison sentence of five years": a prison term,
                # the one a charge carries or the one a court gave.
                measure = "prison term"
                subject = "given" if nearby & _SENTENCED else "carried"
                whose = subject
            elif events:
                measure, subject, whose = "length", "+".join(sorted(set(events))), events[-1]
            elif after in ("later", "after") or (a.first > 0 and words[a.first - 1].low == "within"):
                measure = "delay"  # "a fire truck at the scene four minutes later"
        elif a.unit in ("$", "yuan", "euro", "yen", "won", "peso", "rupee", "ruble", "pound"):
            # What the money is for, in lower case ("the International Monetary Fund" is not a fund).
            nouns = [words[j].text for j in range(a.last + 1, hi + 1) if words[j].text in _MONEY_NOUNS]
            nouns = nouns or [words[j].text for j in range(lo, a.first) if words[j].text in _MONEY_NOUNS]
            if nouns:
                measure = f"money:{nouns[0].rstrip('s')}"
        elif a.unit == "percent":
            group = frozenset()  # "of the plane", "of the wreckage": the whole, not a group
            measure = _nearest_measure(words, lo, hi, a, noun) or _sentence_measure(words, a, lo, hi)[0]
            measure = f"percent:{measure}" if measure else ""
        elif a.unit:
            measure = a.unit
            group, noun_word = frozenset(), ""
        elif a.last + 1 < len(words) and words[a.last + 1].low in _COMPARATIVES:
            # A difference ("20 more lives than the number of cold-related deaths for all of last
            # winter"): a measure of its own, what it is compared with a cause it names.
            than = next((j for j in range(a.last + 1, hi + 1) if words[j].low == "than"), None)
            counted_as = _MEASURE_OF.get(words[a.last + 2].low, "") if a.last + 2 < len(words) else ""
            counted_as = counted_as or _sentence_measure(words, a, lo, hi)[0]
            if than is not None and counted_as:
                measure = f"{counted_as} more than"
                whose = " ".join(w.text for w in words[than + 1:hi + 1])
        elif (a.first > 0 and words[a.first - 1].low == "another" and a.last + 2 < len(words)
              and words[a.last + 1].low == "of" and words[a.last + 2].low == "the") or (
                a.last + 1 < len(words) and words[a.last + 1].low in _INCREMENTS):
            measure = ""  # "identified another 22 of the bodies", "17 new victims": an increment
        elif noun_word and noun_word.lower() not in _PEOPLE and noun_word.lower() not in _MEASURE_NOUNS \
                and not noun_word[:1].isupper():
            measure = ""  # "two mass graves", "22 aircraft": not a count of people
        elif noun_word.lower() in ("workers", "employees", "staff") and a.first > 0 and (
                words[a.first - 1].low in ("its", "their", "'") or words[a.first - 1].low.endswith("'s")):
            # "laid off 5,000 of its 13,000 workers", "the airline's 8,600 current workers"
            measure = "workforce"
            # "laid off 5,000 of its 13,000 workers": the whole a cut is taken from is the figure
            # before the cut, not a figure of its own time.
            before_change = a.first > 2 and words[a.first - 2].low == "of" \
                and words[a.first - 3].text[:1].isdigit() \
                and any(words[j].low in _CUTS for j in range(lo, a.first))
        else:
            measure = _nearest_measure(words, lo, hi, a, noun)
            if not measure and (noun_word.lower() in _PEOPLE or not noun_word or noun_word[:1].isupper()):
                measure, named_at = _sentence_measure(words, a, lo, hi)
                weak = bool(measure)
            before = words[a.first - 1].low if a.first > 0 else ""
            if not measure and noun_word.lower() in ("people", "residents", "inhabitants") \
                    and a.value >= 100_000 \
                    and (before in ("its", "their", "'", "of", "at") or before.endswith("'s")):
                measure, weak = "population", False  # "Puerto Rico and its 4 million people"
                whose = _population_of(words, a.first - 1)
            if not measure and any(w[:1].isupper() for w in counted.split()) and a.value >= 10 \
                    and (noun_word.lower() in _PEOPLE or noun_word[:1].isupper()):
                measure = PEOPLE  # "130 Korean workers were forcibly conscripted": Koreans, counted somehow
        if not measure and _attackers(words, a, noun, lo, hi):
            measure = ATTACKERS
        target = None if measure else change_target(words, found, k)
        if target is not None:
            # "to 22 planes from 57": where a change to 22 planes started, compared with other starts
            # of a change to 22 (the figure reached says what is counted).
            end = _noun(words, target)[1]
            measure, subject, group = START, format_number(target.value), frozenset()
            whose = " ".join(w.text for w in words[target.first:max(end, target.last) + 1])
        if not measure:
            continue  # nothing says what it measures: it is never compared
        weekday, relative, part, earlier, when = clause_time(words, lo, hi, a.first)
        if weekday is None and relative is None:
            weekday, relative, part, when = said_when(words, hi) or (weekday, relative, part, when)
        earlier = earlier or before_change \
            or (lo > 1 and words[0].low in ("earlier", "previously", "initially"))
        update = any(words[j].low in _UPDATES for j in range(lo, a.first))
        scope, causes, places = _scope(words, lo, hi, skip)
        if not scope and any(words[j].low in _PART_OF for j in range(lo, a.first)):
            # "..., bringing the town's death toll to 102": the town the sentence names.
            scope, _, places = _scope(words, 0, len(words) - 1, skip)
        said = _bounds(words, named_at, named_at) if named_at > hi else None
        if said is not None and not any(said[0] <= b.first <= said[1] for b in found if b is not a):
            # "two soldiers and one civilian were beaten to death ... in Manufahi": what narrows the
            # count is said in the clause after it that says what happened to them (one counting
            # no other figure).
            more = _scope(words, *said, skip)
            scope, causes, places = scope | more[0], causes | more[1], places + more[2]
        where = where_place(words, lo)
        if where is not None:
            scope, places = scope | where[0], places + (where[1],)
        if noun_word.lower() in ("other", "others") \
                and any(words[j].low == "also" for j in range(lo, hi + 1)):
            # "Three other organizers were also detained": people besides those counted elsewhere.
            causes = causes | {"+also"}
        if noun_word.lower() in _CAUSE_NOUNS:
            causes = causes | {term_of(noun_word)}  # "six drownings": deaths by one cause
        causes = causes | manner(words, lo, hi)
        since = next((j for j in range(lo, hi + 1) if words[j].low == "since"), None)
        if since is None and words and words[0].low == "since" and lo > 1 and words[lo - 1].text == ",":
            since = 0  # "Since the beginning of October, 45 people have died"
        if since is not None:
            # "Since the beginning of October, 45 people have died": a count over its own span.
            start = [w.low for w in words[since + 1:hi + 1]
                     if w.text[:1].isalpha() and w.low not in STOPWORDS]
            causes = causes | {"since:" + (start[0] if start else "")}
        if a.unit:
            counted = ""
        out.append(Figure(
            amount=a, measure=measure, group=group, noun=noun_word, subject=subject,
            scope=scope, window=_window(words, lo, hi, skip), weekday=weekday,
            relative=relative, part=part, earlier=earlier, update=update, when=when, weak=weak,
            counted=counted, places=places, whose=whose, causes=causes,
            names=_names(words, lo, a.first - 1, skip) - scope,
        ))
    return out
