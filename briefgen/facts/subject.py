"""The memo's subject line: the event the coverage shares, who took part and where.

A subject names the event ("Summit in Nara: Lee Jae-myung and Sanae
Takaichi"), built from what the sources share in their headlines and leads:

* *what*: the event word most sources use (summit, talks, arrest, bombing,
  election ...), from a small vocabulary of news events;
* *who*: the one or two people most sources name with a title ("President",
  "Prime Minister", "Gen.") or as the subject of "said";
* *where*: the place most sources put it "in" ("in Nara", "in London").

Names count once per source and fold romanisations together
(:func:`~briefgen.text.names.name_key`); the commonest spelling is printed.
A subject is never a question and never simply one outlet's headline when
the outlets' headlines differ: when no event word is shared, it falls back
to who and where, then to the one headline every titled source shares.
Coverage that writes names in lower case has no capitals to find them by: the
name is then the pair of words most sources share, one of them missing from
common English or the two rare together ("oscar pistorius" is "Oscar
Pistorius", "albert einstein" "Albert Einstein"), else the rare word most
share, with the word printed beside it every time ("gadhafi", "donald trump"); a single
source's lead must print a name of two words twice.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.facts.fates import fates
from briefgen.facts.when import WEEKDAYS
from briefgen.sources.outlets import outlet_table
from briefgen.text.abbreviated import names_lower_cased
from briefgen.text.frequency import RARE_ZIPF, zipf_table
from briefgen.text.names import name_key
from briefgen.text.verbs import AUXILIARIES, IRREGULAR_PAST
from briefgen.text.words import CALENDAR_WORDS, STOPWORDS, normalize

__all__ = ["Coverage", "derive_subject", "nationality"]

# Event words: each line is the noun a subject prints, then the forms a story may use for it.
# Crimes, accidents, studies and the like were added from analysts' readings of Multi-News memos
# whose subject was a bare name ("Rob Gronkowski" for a burglary): across the 330 memos of
# Multi-News validation and DUC 2003 they give 18 subjects an event word, none judged wrong on
# reading. Robbery, murder and killing are left out: they name a suspect's past or the charge
# more often than the event ("Robbery: Cherif Chekatt" for the Strasbourg attack); so is a ban (a
# background law), and a remark or a recollection ("recalled", "in remarks") reports, it is no event.
# So are a meeting and a war: news names a meeting it reports as a summit, talks or a visit, and a
# war's news as its fighting, attacks or ceasefire; "meeting" is mostly a detail ("canceled a
# scheduled all-hands staff meeting", "is not meeting any of the leaders") and "war" background
# ("World War II", "war crimes"). Across the 330 memos of Multi-News validation and DUC 2003,
# "Meeting" opened 5 subjects and "War" 4, none right on reading; readers labelling 120 Multi-News
# clusters' event words (bench/data/subject_events.jsonl) listed "meeting" as misleading for 10 and
# right for 1 (beside "visit"), "war" misleading for 5 and right for none.
_EVENT_FORMS = """
    summit: summit summits | talks: talks | visit: visit visits | conference: conference
    election: election elections elected | referendum: referendum | arrest: arrest arrested
    extradition: extradition extradite extradited | trial: trial | verdict: verdict
    indictment: indictment indicted | sentencing: sentencing sentenced | attack: attack attacks
    bombing: bombing bombings bombed bomb bombs | explosion: explosion exploded | shooting: shooting
    crash: crash crashed | earthquake: earthquake quake | hurricane: hurricane | typhoon: typhoon
    storm: storm | flooding: flood floods flooding | wildfire: wildfire wildfires | fire: fire
    eruption: eruption erupted | tsunami: tsunami | strike: strike | protests: protest protests
    riots: riot riots | coup: coup | invasion: invasion invaded
    ceasefire: ceasefire cease-fire truce
    agreement: agreement | deal: deal | treaty: treaty | accord: accord | pact: pact
    negotiations: negotiations
    resignation: resignation resigned | impeachment: impeachment impeached | scandal: scandal
    investigation: investigation | launch: launch launched | sanctions: sanctions | merger: merger
    outbreak: outbreak | epidemic: epidemic | pandemic: pandemic | collapse: collapse collapsed
    massacre: massacre | kidnapping: kidnapping kidnapped | hijacking: hijacking hijacked
    execution: execution executed | funeral: funeral | inauguration: inauguration | ruling: ruling
    hearing: hearing | lawsuit: lawsuit sued sues suing | crisis: crisis | shutdown: shutdown
    bankruptcy: bankruptcy
    fighting: fighting clashes clashed | charges: charged | pardon: pardon pardoned
    burglary: burglary burglaries burglarized burglarised burgled burglar burglars
    theft: theft thefts
    stabbing: stabbing stabbings stabbed | drowning: drowning drowned
    overdose: overdose overdoses overdosed | rescue: rescue rescued | accident: accident
    derailment: derailment derailed | tornado: tornado tornadoes | avalanche: avalanche
    landslide: landslide landslides mudslide mudslides | drought: drought | outage: outage outages
    evacuation: evacuation evacuations evacuated | recall: recall | layoffs: layoffs
    hacking: hack hacked hacking | leak: leak leaked leaks
    apology: apology apologized apologised apologizes apologises | retirement: retirement retiring
    conviction: conviction convicted | acquittal: acquittal acquitted | plea: plea pleaded
    divorce: divorce divorced | wedding: wedding | study: study studies | discovery: discovery
    unveiling: unveil unveiled unveils unveiling | escape: escape escaped | nomination: nomination nominated
    acquisition: acquisition
"""
_EVENTS: dict[str, str] = {
    form: noun.strip()
    for entry in _EVENT_FORMS.replace("\n", "|").split("|") if ":" in entry
    for noun, forms in [entry.split(":")]
    for form in forms.split()
}
# Event words that name one kind of event in other words: an agreement is a deal, an accord or a pact,
# and a merger an acquisition (Multi-News 00103: one lead's "multiyear exclusive agreement", the
# other's "production deal", so that neither word reached the sources' share and the subject was a
# bare name). Counted as one event per source; the subject prints the word most sources use. Not talks
# and negotiations (pooled, talks that broke down outweighed a teachers' strike in a review's probe),
# nor a crash and an accident ("accident" is as often how a shot was fired: 00167's "Attack" became
# "Accident" when they were one).
_KINDRED = {"deal": "agreement", "accord": "agreement", "pact": "agreement", "acquisition": "merger"}


def _kind(event: str) -> str:
    """The event an event word counts as (:data:`_KINDRED`): "agreement" for "deal", else itself."""
    return _KINDRED.get(event, event)


_EVENT = re.compile(r"(?i)\b(" + "|".join(sorted(map(re.escape, _EVENTS), key=len, reverse=True)) + r")\b")
# Words before an event word's form that make it no event: a fit of the body ("died of a heart attack"
# made "Attack: Robert Buchel" the subject) or a kind of weapon ("the first atomic bomb" made "Bombing"
# the subject of a physics result; "the atomic bombing of Hiroshima" is one).
_BODY = frozenset({"heart", "panic", "asthma", "anxiety"})
_WEAPON = frozenset({"atomic", "nuclear", "hydrogen", "atom", "neutron"})
# A press or news conference is where the news was told, not what happened ("told a news conference",
# Multi-News 00024's "Conference: Nostra Aetate" for a Vatican document; 00140, 00003, 00167).
_TOLD_AT = frozenset({"press", "news"})
# A suit the subject has faced before ("has been sued by drivers", "was sued in 2016") is background;
# "sued" as what someone did ("Daniels sued Trump") or what is being done ("a restaurant is being sued
# by a woman who fell", Multi-News 00219; "the french government is being sued", 00104) is the news.
_SUFFERED = frozenset({"been", "was", "were", "has", "have", "had", "be"})
_NO_EVENT = {"attack": _BODY, "attacks": _BODY, "bomb": _WEAPON, "bombs": _WEAPON, "conference": _TOLD_AT,
             "sued": _SUFFERED}
# An agreement that did not happen is no event ("no deal in sight", "failed to produce an agreement",
# "fell short of a fair accord", "without an agreement": a review's probes): any of these words among
# the few before it.
_NOT_REACHED = frozenset({"no", "not", "without", "never", "failed", "fail", "fails", "failing", "short",
                          "any", "nor", "lack", "absence"})
# A suit that may come is no event either ("If trump sues the times ...", "threatened to sue",
# Multi-News 00214's "Lawsuit: Donald Trump" for a campaign rally's coverage).
_MAY_COME = frozenset({"if", "might", "could", "would", "may", "threatened", "threatens", "threatening",
                       "considering", "weighing", "whether", "unless"})
_UNREAL = {"agreement": _NOT_REACHED, "treaty": _NOT_REACHED, "lawsuit": _MAY_COME}
_WORDS_BEFORE = re.compile(r"((?:[^\W\d_]+[\s-]+){1,4})$")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s-]+$")


# A title or a short phrase in quotation marks ("scandal " and "grey's anatomy"): its words name no
# event. Curly marks pair as they open and close; straight ones in turn, the first with the second.
# Longer quotations (a speaker's words) are left as they are.
_CURLY = re.compile(r"\u201c[^\u201c\u201d]{1,60}\u201d")
_QUOTE_MARK = re.compile(r'"')
_TITLE_CHARS = 60


def _unquoted(text: str) -> str:
    """``text`` with each short quotation blanked (:data:`_TITLE_CHARS` characters at most)."""
    text = _CURLY.sub(lambda m: " " * len(m.group(0)), text)
    marks = [m.start() for m in _QUOTE_MARK.finditer(text)]
    for start, end in zip(marks[::2], marks[1::2], strict=False):
        if end - start <= _TITLE_CHARS:
            text = text[:start] + " " * (end - start + 1) + text[end + 1:]
    return text


def _events(text: str) -> set[str]:
    """The event nouns ``text`` names (:data:`_EVENT_FORMS`) outside quotation marks, less the forms
    :data:`_NO_EVENT` rules out."""
    out = set()
    text = _unquoted(text)
    for m in _EVENT.finditer(text):
        form = m.group(1).lower()
        before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if before is not None and before.group(1).lower() in _NO_EVENT.get(form, ()):
            continue
        unreal = _UNREAL.get(_kind(_EVENTS[form]))
        if unreal is not None:
            few = _WORDS_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if few is not None and not unreal.isdisjoint(few.group(1).lower().split()):
                continue
        out.add(_EVENTS[form])
    return out

# Titles before a person's name; dropped from the name, and mark it as a person. With them the
# trades news prints before a name ("us astronaut neil armstrong", "actor charlie sheen"): in text
# that writes names in lower case, "Astronaut Neil" had been the subject of Multi-News 00257.
_TITLE_WORDS = """
    president vice prime minister premier chancellor king queen prince princess emperor empress pope sheikh
    crown general gen gen. adm adm. admiral col col. lt lt. sgt sgt. mr mr. mrs mrs. ms ms. dr dr. sen sen.
    senator rep rep. representative gov gov. governor mayor chairman chairwoman chair leader supreme chief
    justice judge former secretary foreign defense defence finance trade state national security adviser
    advisor ambassador speaker commissioner director spokesman spokeswoman spokesperson envoy dictator
    opposition party minister's president's sir lord lady dame cardinal archbishop bishop rev rev. father
    secretary-general nominee candidate hopeful frontrunner front-runner
    astronaut actor actress singer rapper comedian musician officer detective sheriff deputy trooper
    sergeant captain coach pilot professor author writer reporter anchor producer filmmaker designer
    businessman businesswoman billionaire entrepreneur ceo founder lawyer attorney prosecutor doctor
    surgeon nurse scientist researcher physicist astronomer
"""
_TITLES = frozenset(_TITLE_WORDS.split())
# A run of capitalised words, joined by spaces or hyphens ("Lee Jae-myung", "Nara Prefecture").
_CAPS = re.compile(r"[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*|(?:de|van|von|al|bin|da|di|del|la|le|of)"
                   r"(?=\s+[A-Z])))*")
# Words that say where a person is from ("Japanese", "South Korean", "Chilean"), dropped before a name.
_NATIONALITY = re.compile(
    r"(?:[a-z]{2,}(?:ese|ean|ian|ish|can)|French|Dutch|German|Greek|Swiss|Thai|Israeli|Iraqi|Saudi|Pakistani"
    r"|Afghan|Kuwaiti|Qatari|Emirati|Omani|Yemeni|Somali|Bangladeshi|Nepali|Filipino|Turkish|Czech|Polish)$"
)


def nationality(word: str) -> bool:
    """Whether a capitalised word says where someone is from ("Chilean", "Swiss", "Polish")."""
    return _NATIONALITY.fullmatch(word) is not None


_COMPASS = frozenset({"south", "north", "east", "west"})
# The kind of place after its name, left out of the subject: "Nara Prefecture" is Nara.
_PLACE_KIND = re.compile(r"\s+(?:Prefecture|Province|County|City|State|Region|District|Governorate)$")
# A single capitalised word read as an adjective: a demonym's ending, or a noun after it ("Chechen capital").
_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:ese|ean|ian|ians|ish|can|cans|ic|is)")
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:said|says|told|has|had|is|was|were|are|will|would|and|or|but|on|in|to|for|of)\b)"
    r"[a-z]+(?<!ed)(?<!s)\b")
_SAID = re.compile(r"^\s*(?:,[^,]{0,60},\s*)?(?:said|says|told|added|stated|announced)\b")
# A name the sentence quotes or cites, not one it reports on: followed by a reporting verb, at once
# or after a description set off by two commas ("Chris Urmson, head of Google's self-driving car
# program, said"; not "named as oscar pistorius, police said", where the police speak); after
# "according to"; or after "said" at the end of a clause ("..., said Interior Minister Bernard
# Cazeneuve."; not "prosecutors said oscar pistorius shot ...", whom they speak of).
_SPEAKS = re.compile(r"^\s*(?:,[^,]{1,80},\s*|,\s*)?(?:said|says|told|tells|added|adds|stated|announced"
                     r"|warned|explained|noted|wrote|writes|tweeted|confirmed|claimed|insisted|argued)\b")
_ACCORDING = re.compile(r"\baccording\s+to\s*$")
_SAID_BEFORE = re.compile(r"\b(?:said|says)\s*,?\s*$")
_CLAUSE_END = re.compile(r"^(?:['\u2019]s)?\s*(?:[,.;:!?]|$)")


# Sources read for the subject at most; a larger batch is sampled evenly, so the cost stays flat.
_SAMPLE = 300


@dataclass(frozen=True, slots=True)
class Coverage:
    """One source as the subject sees it: its headline (if printed or given) and its lead sentences."""

    title: str
    lead: str


# The fewest sources a name must come from to enter a subject when nothing more is shared.
_FEW = 2


def _strip(name: str) -> tuple[str, bool]:
    """``name`` without leading titles and nationality words, and whether a title preceded it."""
    words = name.split()
    titled = False
    while len(words) > 1 and (words[0].lower().strip(",") in _TITLES or _NATIONALITY.fullmatch(words[0])
                              or (words[0].lower() in _COMPASS and _NATIONALITY.fullmatch(words[1]))):
        titled = titled or words[0].lower().strip(",") in _TITLES
        words = words[1:]
    while words and words[-1].lower().strip(".,'\u2019s") in STOPWORDS:
        words = words[:-1]
    if words:
        last = re.sub(r"['\u2019]s$", "", words[-1])  # "Turkey's"
        # A closing full stop ends the sentence, unless the word is an abbreviation ("U.S.").
        words[-1] = last if last.count(".") > 1 else last.rstrip(".,'\u2019")
    return " ".join(words), titled


def _key(name: str) -> str:
    return name_key(name)


def _names(text: str) -> list[tuple[str, bool, bool]]:
    """``(name, is_person, after_in)`` for every capitalised run in ``text``."""
    out = []
    runs = list(_CAPS.finditer(text))
    # Where each word is printed alone as a name ("Pinochet", "Takaichi"): a surname used on its own.
    alone: dict[str, int] = {}
    for m in runs:
        if " " not in m.group(0):
            alone[re.sub(r"['\u2019]s$", "", m.group(0).rstrip(".,"))] = m.start()  # the last place
    for m in runs:
        start = m.start()
        before = text[max(0, start - 6):start]
        opener = text[max(0, start - 3):start]
        sentence_start = start == 0 or re.search(r"[.!?\"\u201c]\s*$", opener) is not None
        name, titled = _strip(m.group(0))
        if not name or name.lower() in STOPWORDS or _calendar(name):
            continue
        words = name.split()
        if sentence_start and len(words) == 1 and not titled:
            continue  # "The", "Against" ...: a capital that only opens a sentence
        after = text[m.end():m.end() + 80]
        # A person: a full name with a title, or saying something, or called by surname elsewhere.
        person = len(words) >= 2 and (titled or _SAID.match(after) is not None
                                      or alone.get(words[-1], -1) > m.end())
        after_in = re.search(r"\b(?:in|at|near|off)\s$", before) is not None
        # A single word used as an adjective ("Kurdish rebels", "a Palestinian team") names no one.
        adjective = _ADJECTIVE.fullmatch(name) or _NOUN_AFTER.match(after)
        if len(words) == 1 and not after_in and adjective:
            continue
        out.append((name, person, after_in))
    return out


# A word missing from wordfreq's small English list (below RARE_ZIPF) may be part of a name in
# lower-cased text ("rouschop", "steenkamp"); "wounding", "trolls" and "obama" are in it, so a
# famous name goes unfound.
# A word of a name in lower-cased text may hold accents and hyphens ("pokémon", "garcia-roberts").
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
# A word this common in English (Zipf 5, ten per 100,000 words: "new", "find", "man") is no part
# of a name the subject may print; set by the Multi-News validation pairs it let in ("Somersworth
# New", "Net-a-porter Find") while given names stay under it ("oscar" 4.3, "david" 4.9).
_COMMON_ZIPF = 5.0
# Two words that are each common enough to be in the list are still a name in lower-cased text
# when together they are this rare (their Zipf values summed, as if the words were independent):
# "albert einstein" 7.6, "herman cain" 6.7, "justin bieber" 8.0, not "tax code" 9.8 or "charity
# shop" 9.0. Chosen on the 60 development clusters of bench/data/subjects.jsonl among 7.0 to 10.0
# (clusters whose subject names the story: 19 with none, 31 at 8.5).
_PAIR_ZIPF = 8.5
# A single word shared by the leads, when no pair is, names the story if it is at most this common
# in English and has no ending of an adjective, a verb form or an abstract noun ("Gadhafi",
# "Parscale", "Obamacare"; not "naturalized", "strongest"). Chosen on the same clusters among 3.0,
# 3.5, 4.0 and 4.5 (36, 41 and 43 of 60 from 3.5 up; 4.5 is the grid's end).
_SINGLE_ZIPF = 4.5
# Reporting verbs: never part of a name beside the word they follow ("parscale said").
_REPORTING_WORDS = "said says told tells added adds according asked asks wrote writes"
_REPORTING = frozenset(_REPORTING_WORDS.split())
# A word printed beside the same other word at least this share of the times is printed with it.
_BESIDE = 2 / 3
_PARTICLES = frozenset({"de", "da", "di", "del", "della", "der", "van", "von", "du", "le", "la", "al", "el",
                        "bin", "ibn", "ben", "dos", "das"})  # inside a name: "Erri De Luca", not "Erri De"
# The people news is about, named by their part: no subject alone ("Gunman").
_ROLE_WORDS = '''
    gunman gunmen shooter shooters attacker attackers assailant assailants bomber bombers hijacker
    hijackers suspect suspects victim victims survivor survivors militant militants rebel rebels
    insurgent insurgents protester protesters demonstrators rioters hostage hostages captive captives
    defendant defendants plaintiff plaintiffs inmate inmates prisoner prisoners detainee detainees
    fugitive fugitives witness witnesses firefighters rescuers paramedics passengers motorist motorists
    pedestrian pedestrians teenager teenagers toddler toddlers'''
_ROLES = frozenset(_ROLE_WORDS.split())
_NOT_A_NAME_ALONE = ("ed", "est", "able", "ible", "ly", "ful", "ise", "ize")  # besides _NOT_A_NAME's
# Endings of English adjectives and plural or abstract nouns: the common word of a pair that
# ends so makes a topic, not a name ("Extramarital Affair" is kept out by neither; "Louboutin
# Shoes", "Wireline Households", "Arthropod Diversity", "Monogamous Relationships" are).
_NOT_A_NAME = ("al", "ous", "ive", "ity", "ing", "ment", "tion", "ness", "es", "ers", "ds", "ips")


def _lower_cased(coverage: Sequence[Coverage]) -> bool:
    """Whether the coverage writes names in lower case, so that capitals cannot find them."""
    return names_lower_cased(sent for c in coverage for sent in re.split(r"[.!?]\s+", f"{c.title}. {c.lead}"))


def _lead_words(item: Coverage) -> list[str]:
    """A source's headline and lead as lower-case words, a possessive "'s" cut off."""
    return [re.sub(r"['\u2019]s$", "", w.lower()) for w in _WORD.findall(f"{item.title} {item.lead}")]


def _parted(item: Coverage) -> set[int]:
    """Positions k in :func:`_lead_words` whose word and the next have more than white space (a
    no-break space too) or a hyphen between them."""
    text = f"{item.title} {item.lead}"
    spans = [m.span() for m in _WORD.finditer(text)]
    return {k for k in range(len(spans) - 1) if text[spans[k][1]:spans[k + 1][0]].replace("-", "").strip()}


# Holidays name a day, not a story: "Easter Sunday" (Multi-News 00210's "Charges: Easter Sunday", when
# the assault happened), "Christmas Eve", "Labor Day".
_HOLIDAY_WORDS = """
    easter christmas thanksgiving halloween hanukkah passover ramadan eid diwali new year year's good
    palm ash memorial labor labour independence veterans mother's father's valentine's boxing day eve
"""
_HOLIDAYS = frozenset(_HOLIDAY_WORDS.split())
_WEEKDAYS = frozenset(WEEKDAYS)
_DAY_ENDS = _WEEKDAYS | {"day", "eve"}  # what closes a holiday's name
# Of those, the words that name a feast alone ("easter" is a day; "veterans" and "labor" are not).
_FEAST_WORDS = "easter christmas thanksgiving halloween hanukkah passover ramadan diwali"
_FEASTS = frozenset(_FEAST_WORDS.split())


def _calendar(name: str) -> bool:
    """Whether a name is a day, a month or a holiday ("Monday", "Easter Sunday", "Christmas Day")."""
    words = name.lower().split()
    return name.lower() in CALENDAR_WORDS or (
        len(words) > 1 and words[-1] in _DAY_ENDS
        and all(w in _HOLIDAYS for w in words[:-1]))


def _may_name(word: str) -> bool:
    """Whether a lower-case word may be part of a name: no stop word, calendar word, event word,
    title or nationality."""
    return (word not in STOPWORDS and word not in CALENDAR_WORDS and word not in _EVENTS
            and word not in _TITLES and not nationality(word))


def _zipf(word: str) -> float:
    """How common ``word`` is in English; a compound is as common as its rarest part: "self-driving"
    and "year-old" are two common words. A compound with a part of one letter is a name of its own
    ("t-mobile", "x-men"): as common as the whole."""
    table = zipf_table()
    parts = word.split("-")
    if any(len(part) < 2 for part in parts):
        return table.get(word, 0.0)
    return min(table.get(part, 0.0) for part in parts)


def _mostly_cited(coverage: Sequence[Coverage], name: str) -> bool:
    """Whether the leads print a lower-cased ``name`` as a speaker (see :data:`_SPEAKS`) at least half the
    times they print it."""
    words = r"\s+".join(map(re.escape, name.split()))
    found = re.compile(r"(?<![\w'\u2019-])" + words + r"(?:['\u2019]s)?(?![\w-])")
    seen = cited = 0
    for item in coverage:
        text = f"{item.title}. {item.lead}".lower()
        for m in found.finditer(text):
            seen += 1
            before, after = text[max(0, m.start() - 20):m.start()], text[m.end():m.end() + 120]
            cited += bool(_SPEAKS.match(after) or _ACCORDING.search(before)
                          or (_SAID_BEFORE.search(before) and _CLAUSE_END.match(after)))
    return seen > 0 and 2 * cited >= seen


def _name_pairs(item: Coverage) -> list[tuple[str, str]]:
    """The pairs of adjacent words in a source's headline and lead that may make a name, in order: one
    rare in English (or the two together), no stop, event or title word, only a space between them."""
    def usable(w: str) -> bool:
        return len(w) > 2 and _may_name(w) and _zipf(w) < _COMMON_ZIPF

    tokens = _lead_words(item)
    apart = _parted(item)
    return [(a, b) for k, (a, b) in enumerate(zip(tokens, tokens[1:], strict=False))
            if k not in apart and usable(a) and usable(b)
            and (min(_zipf(a), _zipf(b)) < RARE_ZIPF
                 or (_zipf(a) + _zipf(b) < _PAIR_ZIPF and not _verb_like(a) and not _verb_like(b)))
            and not any(_zipf(w) >= RARE_ZIPF and w.endswith(_NOT_A_NAME) for w in (a, b))
            and b not in _PARTICLES]  # "osama bin" is no name; "bin laden" is


def _named_again(item: Coverage) -> str:
    """The first name of two words (:func:`_name_pairs`) a lone source's lead names again by its last
    word, no commoner than a name alone (:data:`_SINGLE_ZIPF`): news names a person in full, then by the
    surname ("nick stahl missing ... Stahl's wife", 00051); not a topic ("e-cigarettes ... e-cigarettes")."""
    words = Counter(_lead_words(item))
    pairs = _name_pairs(item)
    printed = Counter(pairs)
    for a, b in pairs:
        if (a != b and words[b] > printed[(a, b)] and _zipf(b) < _SINGLE_ZIPF
                and not b.endswith(_NOT_A_NAME + _NOT_A_NAME_ALONE)  # "seize legally ... legally"
                and not _verb_like(a)):  # a verb and its object: "the fda approved keytruda ... keytruda"
            return " ".join("-".join(part[:1].upper() + part[1:] for part in w.split("-")) for w in (a, b))
    return ""


def _shared_pair(coverage: Sequence[Coverage], least: int, repeated: int = 1,
                 speakers_last: bool = False) -> str:
    """The name two adjacent words make in most sources' leads, one of them rare in English.

    For text that writes names in lower case ("oscar pistorius", "jacques
    rouschop"): printed with capitals, "Oscar Pistorius". Event words, titles
    and common words alone ("murder trial") make no name, nor do two words a comma, a bracket or a
    full stop part; "" if none is shared. With ``speakers_last``, a name the leads print mostly as a
    speaker (:func:`_mostly_cited`) is chosen only when every shared name is one.
    """
    counts: Counter[tuple[str, str]] = Counter()  # sources
    uses: Counter[tuple[str, str]] = Counter()  # occurrences
    for item in coverage:
        pairs = _name_pairs(item)
        uses.update(pairs)
        counts.update(set(pairs))
    shared = [p for p, k in counts.items() if k >= least and uses[p] >= repeated]
    if not shared:
        return ""
    reported = {p: not speakers_last or not _mostly_cited(coverage, " ".join(p)) for p in shared}
    # A name reported on before a speaker's; then named by the most sources, the most often, the rarest words.
    best = max(shared, key=lambda p: (reported[p], counts[p], uses[p], -_zipf(p[0]) - _zipf(p[1]), p))
    # Every part of a hyphenated name takes its capital ("Al-Khawaja", "Jean-Noël").
    return " ".join("-".join(part[:1].upper() + part[1:] for part in w.split("-")) for w in best)


def _shared_word(coverage: Sequence[Coverage], least: int, repeated: int = 1) -> str:
    """The rare word most sources' leads share in lower-cased text ("gadhafi": "Gadhafi"), or "".

    For when no pair of words makes a name (:func:`_shared_pair`): at most
    :data:`_SINGLE_ZIPF` common in English, no ending of an adjective, a verb
    form or an abstract noun, no event word or title, and not an outlet.
    """
    table = zipf_table()
    outlets = outlet_table()

    def usable(w: str) -> bool:
        return (len(w) > 3 and _may_name(w) and w not in _FEASTS and _zipf(w) < _SINGLE_ZIPF
                and not w.endswith(_NOT_A_NAME + _NOT_A_NAME_ALONE) and w not in _ROLES
                and w not in IRREGULAR_PAST and outlets.lookup(w) is None)

    counts: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    before: dict[str, Counter[str]] = defaultdict(Counter)
    after: dict[str, Counter[str]] = defaultdict(Counter)
    past: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)  # the word after a word and a particle
    for item in coverage:
        tokens = _lead_words(item)
        found = [w for w in tokens if usable(w)]
        uses.update(found)
        counts.update(set(found))
        apart = _parted(item)  # no neighbour across a comma or a bracket ("nvidia ( nvda )")
        for i, w in enumerate(tokens):
            if i and i - 1 not in apart:
                before[w][tokens[i - 1]] += 1
            if i + 1 < len(tokens) and i not in apart:
                after[w][tokens[i + 1]] += 1
                if tokens[i + 1] in _PARTICLES and i + 2 < len(tokens) and i + 1 not in apart:
                    past[(w, tokens[i + 1])][tokens[i + 2]] += 1

    def verb(w: str) -> bool:
        # A verb's form followed by the same word nearly every time reads as a verb and its object
        # ("threatens florida"); a plural alone ("turkeys") or after its modifier ("bed bugs") does not.
        following = after[w].most_common(1)
        return _verb_like(w) and bool(following) and following[0][1] >= _BESIDE * uses[w]

    shared = [w for w, k in counts.items() if k >= least and uses[w] >= repeated and not verb(w)]
    if not shared:
        return ""
    best = max(shared, key=lambda w: (counts[w], uses[w], -table.get(w, 0.0), w))
    # A word nearly always printed beside the same other word is half a name or a term: "donald"
    # before "trump" (too common a word to be a name's part above), "bed" before "bugs". Not a
    # title: "president donald" is Donald Trump.

    def beside(side: Counter[str]) -> str:
        other, k = side.most_common(1)[0] if side else ("", 0)
        # Nor a weekday ("croatia thursday", "easter sunday": when, not who); a month may be a given
        # name ("june carter").
        keep = (k >= _BESIDE * uses[best] and k >= _FEW and other not in STOPWORDS | _EVENTS.keys() | _TITLES
                and other not in _REPORTING and other not in _WEEKDAYS and not _verb_like(other))
        return other if keep else ""

    words = [w for w in (beside(before[best]), best, beside(after[best])) if w]
    if words[-1] in _PARTICLES:  # the name goes on past its particle, or stops before it
        words[-1:] = [words[-1], rest] if (rest := beside(past[(best, words[-1])])) else []
    return " ".join("-".join(part[:1].upper() + part[1:] for part in w.split("-")) for w in words)


# Storms take a name: in text that writes names in lower case "hurricane matthew" is Hurricane
# Matthew when most sources write it. The words these kinds are often followed by are not names.
# A determiner before the kind makes it a common noun ("the hurricane hit"); a verb after it is no name.
_NAMED_KINDS = re.compile(
    r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bthis )(?<!\bthat )(?<!\bits )(?<!\beach )(?<!\bevery )"
    r"\b(hurricane|typhoon|cyclone|tropical storm)\s+([a-z][a-z'\u2019-]+)")
_NOT_STORM_WORDS = """
    season seasons warning warnings watch watches center centre force forces hunters hunter signal shelter
    shelters relief damage victims winds category strength landfall season's track path alert alerts
    preparedness survivors recovery aid coverage forecasters forecaster forecast forecasts experts
    researchers scientists officials
"""
_NOT_STORM_NAMES = frozenset(_NOT_STORM_WORDS.split())
# A word with an -s or -ing ending at least this common in English is a verb or a plural.
_VERB_ZIPF = 2.5


def _verb_like(word: str) -> bool:
    """Whether a word after a storm's kind reads as a verb or a plural, not a name ("hurricane
    threatens", "hurricane forecasters"; "tropical storm fred" and "typhoon lingling" are names)."""
    if word in AUXILIARIES or word in IRREGULAR_PAST:
        return True
    common = zipf_table().get(word, 0.0) >= _VERB_ZIPF
    return (word.endswith("s") and common or word.endswith("ing") and common
            or word.endswith("ed") and len(word) > 4)


def _storm_name(coverage: Sequence[Coverage], least: int) -> str:
    """The storm most sources name in lower-cased text ("Hurricane Matthew"), or ""."""
    counts: Counter[str] = Counter()
    for item in coverage:
        found = {f"{kind} {name}" for kind, name in _NAMED_KINDS.findall(f"{item.title} {item.lead}".lower())
                 if name not in _NOT_STORM_NAMES and name not in STOPWORDS and name not in CALENDAR_WORDS
                 and not _verb_like(name)}
        counts.update(found)
    shared = [name for name, k in counts.items() if k >= least]
    if not shared:
        return ""
    best = max(shared, key=lambda name: (counts[name], name))
    return " ".join(w[:1].upper() + w[1:] for w in best.split())


def _best(counts: Counter[str], forms: dict[str, Counter[str]], least: int, limit: int) -> list[str]:
    """The ``limit`` keys named by the most sources (at least ``least``), each in its commonest spelling."""
    ranked = sorted((k for k, n in counts.items() if n >= least), key=lambda k: (-counts[k], -len(k), k))
    return [forms[k].most_common(1)[0][0] for k in ranked[:limit]]


def _death(lead: str) -> set[str]:
    """{"death"} when a lead's main clause says someone named died ("Phyllis schlafly, whose ...
    campaigns ... galvanized conservatives, died on monday."), else nothing: an obituary's event.
    The words alone are not event forms: most stories that print "died" report another event."""
    return {"death"} if any(fate == "died" for fate, _ in fates(lead)) else set()


def derive_subject(coverage: Sequence[Coverage]) -> str:
    """The subject line for ``coverage``: what happened, where, and who took part.

    Returns:
        "Summit in Nara: Lee Jae-myung and Sanae Takaichi"; without a shared
        event word, "Lee Jae-myung and Sanae Takaichi in Nara"; with nothing
        shared, the headline every titled source prints, else "Briefing".
    """
    if not coverage:
        return "Briefing"
    if len(coverage) > _SAMPLE:
        # A large batch: sources spread evenly over it say what it shares as well as all of them.
        step = len(coverage) / _SAMPLE
        coverage = [coverage[int(i * step)] for i in range(_SAMPLE)]
    # A source with neither headline nor lead (a page of furniture) says nothing of what is shared.
    coverage = [c for c in coverage if c.title.strip() or c.lead.strip()] or coverage
    n = len(coverage)
    least = 1 if n == 1 else max(2, (n + 2) // 3)
    events: Counter[str] = Counter()
    weight: Counter[str] = Counter()
    printed: dict[str, Counter[str]] = defaultdict(Counter)
    people: Counter[str] = Counter()
    places: Counter[str] = Counter()
    others: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for item in coverage:
        text = f"{item.title}. {item.lead}" if item.title else item.lead
        kinds = _events(text) | _death(item.lead)
        said = {_kind(e) for e in kinds}
        for e in kinds:
            printed[_kind(e)][e] += 1
        first = item.title or item.lead[:250]
        events.update(said)
        # The headline and the lead's opening are part of ``text``, so an event they name counts once
        # per source, as any other (counting it twice was tried: README, "Tried and not kept").
        weight.update(said | {_kind(e) for e in _events(first)})
        seen_people: set[str] = set()
        seen_places: set[str] = set()
        seen: set[str] = set()
        for name, person, after_in in _names(text):
            key = _key(name)
            forms[key][name] += 1
            seen.add(key)
            if person:
                seen_people.add(key)
            elif after_in:
                place = _PLACE_KIND.sub("", name) or name  # "Nara" for "Nara Prefecture"
                seen_places.add(_key(place))
                forms[_key(place)][place] += 1
        people.update(seen_people)
        places.update(seen_places - seen_people)
        others.update(seen - seen_people - seen_places)
    shared = [e for e, k in events.items() if k >= least]
    kind = max(shared, key=lambda e: (weight[e], events[e], e)) if shared else ""
    # Of kindred words, the one most sources print ("Deal" where two say deal and one agreement); on a
    # tie the kind's own word ("Agreement", "Merger").
    event = min(printed[kind].items(), key=lambda fc: (-fc[1], fc[0] != kind, fc[0]))[0] if kind else ""
    who = _best(people, forms, least, 2)
    where = next(iter(_best(places, forms, least, 1)), "")
    if not who:
        # No person shared: the names most sources share (a country, a party, a company).
        who = [w for w in _best(others, forms, max(least, (n + 1) // 2), 3) if _key(w) != _key(where)][:2]
    if not who and not where and n > 2:
        # Nothing a third of the sources share: what at least two of them do, so that the subject
        # is more than one word ("Trial: Wang Youcai and Qin Yongmin", not "Trial").
        # People and places only: other shared capitals are too often not what the story is about.
        where = next(iter(_best(places, forms, _FEW, 1)), "")
        who = [w for w in _best(people, forms, _FEW, 3)
               if _key(w) != _key(where) and w.split()[0].lower() not in STOPWORDS
               and not _ADJECTIVE.fullmatch(w.split()[-1])][:2]
        if not event and not who:
            where = ""  # a place two sources name is no subject by itself
    if not who and not where and _lower_cased(coverage):
        # Names written in lower case: the capitals above found none ("Trial: Oscar Pistorius"),
        # else the rare word the leads share ("Gadhafi"). Shared by two sources at least: one
        # source's words are no name it shares ("Wildfire: Flee"). A lone source's lead (its headline
        # left out) must print a name of two words twice ("mark zuckerberg and his wife ... facebook ceo
        # mark zuckerberg"); a single word it prints twice is as often a topic ("drone", "teens").
        if n > 1:
            few = max(least, _FEW)
            # A name the leads print mostly as a speaker is their source, not their story ("Chris
            # Urmson said"): another name comes first.
            found = _shared_pair(coverage, few, speakers_last=True) or _shared_word(coverage, few)
        else:
            leads = [Coverage("", c.lead) for c in coverage]
            # "mark zuckerberg": "mark" is too common for a pair; the word and the one beside it make one.
            found = _shared_pair(leads, 1, _FEW)
            if not found and " " in (word := _shared_word(leads, 1, _FEW)):
                found = word
            found = found or _named_again(leads[0])
        who = [found] if found else []
    named = next((w for w in who if event and event.split()[-1] in w.lower().split()), "")
    if not named and n > 1 and _lower_cased(coverage):
        named = _storm_name(coverage, max(least, _FEW))
    if named:  # "Typhoon Babs", "Hurricane Georges": the event has a name
        return f"{named} in {where}" if where else named
    who_text = " and ".join(who)
    if event:
        what = event[:1].upper() + event[1:] + (f" in {where}" if where else "")
        return f"{what}: {who_text}" if who_text else what
    if who_text:
        return f"{who_text} in {where}" if where else who_text
    titles = {normalize(c.title): c.title for c in coverage if c.title.strip()}
    if len(titles) == 1:
        only = next(iter(titles.values())).strip()
        if not only.endswith("?"):
            return only
    return where or "Briefing"
