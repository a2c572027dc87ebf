"""Definite noun phrases that point back: a sentence opening on "The move", "The plan" or "Under
the accord," means whatever the sentence before it named.

:func:`briefgen.select.standalone.leaning_rule` asks these three tests of a sentence:

* :func:`shell_first`: a shell noun (a word news uses to wrap up what it has just told: "move",
  "decision", "plan", "findings", "agreement") or a description standing for a name ("group",
  "organisation", "track", "company", "airline", "museum") as the subject of the sentence's first
  verb, unless a name follows it in apposition ("The group, aqap, had ...");
* :func:`shell_intro`: an opening phrase on an unnamed agreement or decision ("Under the deal, ...");
* :func:`described_person`: a person described, not named, as the subject ("The suspect has not been
  identified", "The french expat snapped up france.com ...").
"""

from __future__ import annotations

import re

from briefgen.text.frequency import NAME_ZIPF, zipf_table
from briefgen.text.verbs import has_verb

__all__ = ["described_person", "shell_first", "shell_intro"]

# Any other word that is surely a verb after the noun, printed in lower case: a past in "-ed" not
# before a preposition ("snapped up"; not a participle, "The man accused of ...", nor a name, "The star
# Mohammed Salah"), or a present in "-s" before an article, a possessive or a particle ("represents
# a dramatic shift"; not a plural, "The deal terms were ...", "The pilot programs in three states").
_NO_PREPOSITION = r"(?!\s+(?:by|in|at|of|from|for|with|on|to)\b)"  # after a past that is then no participle
_VERB_FORM = (r"(?-i:[a-z]{2,}ed\b" + _NO_PREPOSITION + r"|[a-z]{2,}[^s\W]s\b"
              r"(?=\s+(?:a|an|the|its|his|her|their|no|up|out)\b))")
# A definite shell noun first ("The move comes after ...", "The disaster claimed ...", "The
# remarks drew ..."): news uses these words to point at what the sentence before named. So do a
# plan, a finding, an agreement, a meeting or a group the sentence does not name ("The plan calls
# for sentences to be served in a British prison", "The organisation estimates nearly 13 million
# people urgently require help", "The agreement must be formally endorsed by workers": 43
# sentences of DUC 2003 and Multi-News validation, 42 leaning on the sentence before; from
# analysts' readings of DUC 2003 d30042t and Multi-News 00190 and 00272). An evaluative word does not
# name one either ("The stunning decision, coming after ...", Multi-News 00101).
_SHELL_FIRST = re.compile(
    # A word that says which kind of one it is does not name it ("The planned move represents a
    # dramatic shift ...", Multi-News 00197): read past it.
    r"^the\s+(?:(?:planned|proposed|new|latest|surprise|unusual|controversial|reported|rare|unprecedented"
    r"|unexpected|recent|historic|landmark|initial|original|final|tentative|stunning|shocking|dramatic"
    r"|sudden|abrupt)\s+)?"
    r"(?-i:move|moves|decision|announcement|remarks|comments|incident|disaster|tragedy|accident"
    r"|episode|development|developments|concept|notion|idea"
    r"|plan|plans|proposal|offer|request|findings|news|revelation|measure|warning|situation|deal"
    r"|agreement|accord|pact|talks|meeting|visit|issue|case|ruling|verdict|organisation|organization"
    r"|group|track|conflict"
    # An estimate, a film or a video, a place the sentence does not name ("The estimate, drawn in part
    # from ..., suggests ...", Multi-News 00285; "The video is a spoof message by ...", 00271; "The area
    # is located on the eastern side of vancouver island", 00247: from analysts' readings).
    r"|estimate|estimates|video|clip|footage|film|documentary|song|album|book|area"
    # A find, an analysis, a project, a site, a document, a lawsuit or a programme the sentence does not
    # name ("The find suggests that many millions of years passed ...", Multi-News 00042; "The analysis
    # suggests ...", 00154; "The project will incorporate ...", 00137; "The site, located in the town
    # of dingwall, ...", 00080: analysts' readings; 33 of the 41 bench sentences such a word opens,
    # any word before it, lean on reading, and the rest had a word before it that names it, as in
    # "The washington post", "The immune system").
    r"|find|discovery|project|site|memo|statement|suit|lawsuit|program|programme|operation"
    r"|bill|campaign|message|event|letter|document|order|rules|images|band)"
    # ... as the subject of its verb: "The development bank approved ...", "The incident commander
    # said ...", "The plan's backers ..." name something new; so does a name in apposition ("The
    # group, aqap, had previously welcomed the attack"), not a clause ("The offer, made in ...").
    r"(?:\s*,|\s+(?:is|was|were|are|has|had|have|comes|came|come|drew|draws|follows|followed|marks"
    r"|marked|claimed|killed|left|sparked|prompted|caused|raised|means|meant|could|would|will|may|might"
    r"|also|appears|appeared|underscores|underscored|highlights|highlighted|reflects|reflected|angered"
    r"|surprised|triggered|led|took|happened|occurred|refers|referred"
    r"|cannot|can|must|should|never|now|still|gave|gives|calls|called|suggests|suggested|echo|echoes"
    r"|echoed|pushes|pushed|includes|included|provided|provides|made|makes|resolved|requires|required"
    r"|did|does|won|estimates|estimated|says|said|shows|showed|adds|added|allows|allowed)\b"
    r"|\s+" + _VERB_FORM + ")"
    # A study or a report its finite verb follows ("The studies estimated ...", "The report said ...",
    # Multi-News 00185); not one a participle or a clause describes ("The report released Tuesday by
    # the UN found ...", "The study, led by ...": a review's probes), which names it.
    r"|^the\s+(?:new\s+|latest\s+)?(?-i:study|studies|survey|poll|report|reports|research|analysis)\s+(?:is|was|were"
    r"|are|has|had|have|will|would|could|can|may|might|also|said|says|found|finds|shows|showed|estimated"
    r"|estimates|suggests|suggested|warns|warned|concluded|concludes|discovered|revealed|reveals|looked)\b"
    # An organisation it does not name, its verb right after it ("The company said it expects to have
    # 24 million subscribers", Multi-News 00258; "The store will open in the fall", "The airline
    # organized searches"): which one, the sentence before named (20 sentences of DUC 2003 and
    # Multi-News validation, all leaning on reading). Not before a comma, where a name may follow that
    # lower-cased text cannot tell ("the company, netflix, said ..."), nor "the city": a story's first
    # sentence says so of its dateline's place, cut from it.
    # So does one a word of its state describes ("The cash-strapped agency recorded the loss ...",
    # Multi-News 00232).
    r"|^the\s+(?:(?-i:cash-strapped|embattled|troubled|struggling|beleaguered|ailing|[a-z]+-based)\s+)?"
    r"(?-i:company|firm|startup|carrier|airline|retailer|automaker|network|studio|store|restaurant"
    r"|museum|hospital|university|agency)\s+(?:(?:is|was|were|are|has|had|have|will|would|could|can|may|might"
    r"|must|should|did|does|said|says|also|then|later|now|still|already)\b|" + _VERB_FORM + ")",
    re.IGNORECASE)
# What may follow a subject as its first verb, or before it: an auxiliary, a verb of saying, an adverb.
_FIRST_VERBS = (r"(?:is|was|were|are|has|had|have|will|would|could|can|cannot|may|might|must|should|did|does"
                r"|said|says|told|also|then|later|allegedly|reportedly|apparently|somehow|went|came|took|got|began"
                r"|wrote)\b")
# A person described, not named, as the subject of the first verb ("The french expat snapped up
# france.com ...", Multi-News 00104; "The hired killers had been paid", 00166; "The suspect has not
# been identified"; "The star was released from secret detention ..."): whom, the sentence before
# named. Up to two words may describe them first: a nationality, an age ("29-year-old"), or one of
# a few words of their part ("hired", "former", "lone", "armed").
_PERSON_WORDS = (
    r"man|woman|men|women|boy|girl|boys|girls|teen|teenager|teens|teenagers|expat|suspect|suspects"
    r"|gunman|gunmen|shooter|attacker|attackers|bomber|bombers|killer|killers|kidnapper|kidnappers"
    r"|defendant|defendants|star|singer|actor|actress|rapper|driver|pilot|mother|father|widow"
    # ... a journalist or a study's participants (Multi-News 00296, 00231: analysts' readings).
    r"|journalist|journalists|reporter|participants")
_DESCRIBED_PERSON = re.compile(
    r"^the\s+(?:(?:[\w]+-year-old|[a-z]+-(?:area|based|born)|[a-z]+(?:an|ese|ish|ian)|french|dutch|swiss|thai"
    r"|greek|hired|former|young"
    r"|elderly|alleged|accused|suspected|lone|armed|masked|unidentified|unnamed)\s+){0,2}"
    r"(?-i:" + _PERSON_WORDS + r")"
    r"(?:\s+" + _FIRST_VERBS +
    # a past that may be a participle ("The woman killed in the crash was ...") only before no preposition
    r"|\s+(?:shot|found|made|left|fled|held|hit)\b" + _NO_PREPOSITION +
    # a name in "-ed" is no past ("the journalist ahmed mansour was detained": a review's probe)
    r"|\s+(?!(?:ahmed|mohammed|mohamed|muhammed|hamed|saeed|javed|rasheed|rashed|waleed|fareed|khaled"
    r"|majed|zayed|reed|ted|ned|fred|jed|ed|alfred|mildred|winifred|manfred)\b)" + _VERB_FORM + ")",
    re.IGNORECASE)
# A holder of a post many hold described, not named, as the subject ("The embattled lawmaker
# reiterated ...", "the vermont senator pointed to ...", "The spokesman declined to comment.", "The
# officials identified ..."): which one, the sentence before named (from an analyst's reading of
# Multi-News 00012; 17 sentences of DUC 2003 and Multi-News validation, each leaning on reading). A
# post one person holds is the story's own, bare or described ("The president emphasized ...", "The
# French president said ...", "The Senate majority leader ..."), and so are a trial's judge, a
# crime's victim and its prosecutor ("The judge refused to show ..."). Not a post in general: the
# next, the first, the average, a superlative ("The next senator will ...", "The first female
# senator was ..."), nor one a possessive says whose ("The suspect's lawyer said ..."). A party's
# member is one too ("The Kentucky Republican said ..."); a spokesman only bare: a body's spokesman
# is one person ("The Kremlin spokesman said ...").
_MANY_HOLD = (r"senators?|congress(?:man|woman|men|women)|lawmakers?|candidates?|officers?|officials?"
              r"|lawyers?|democrat|republican")
_NOT_ONE = (r"(?!(?:next|first|last|average|typical|ideal|winning|eventual|future|second|third|youngest"
            r"|oldest|eldest|longest|newest|best|worst|most|least|highest|biggest|largest)\b)")
# Words that describe no holder: a verb or a conjunction ("The Pentagon said officers were ...").
_NOT_DESCRIBING = (r"(?!(?:said|says|say|told|tells|reported|reports|found|finds|shows|showed|ruled|rules"
                   r"|believes|thinks|and|or|but|&)\s)")
# When the holder did it, between the subject and its verb ("The senator on Monday introduced a bill").
# A past before a preposition is the verb ("declined to comment", "sided with"), unless the
# preposition takes a noun phrase where a participle's would ("The lawyer assigned to the case is ...").
_WHEN = (r"(?:\s+(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|\s+(?:last|this)\s+(?:week|month)"
         r"|\s+yesterday|\s+today)?")
_HOLDER_VERB = (_WHEN + r"\s+(?:" + _FIRST_VERBS + r"|[a-z]{2,}ed\b(?!\s+(?:by|at|of|from|on)\b)"
                r"(?!\s+(?:to|in)\s+(?:the|a|an|this|that)\b)|" + _VERB_FORM + ")")
_DESCRIBED_HOLDER = re.compile(
    r"^the\s+(?:" + _NOT_ONE + r"(?:(?![\w.-]+['\u2019]s?\s)" + _NOT_DESCRIBING + r"[\w'.-]+\s+){0,2}(?:"
    + _MANY_HOLD + r")|spokes(?:man|woman|person))" + _HOLDER_VERB, re.IGNORECASE)
# An opening phrase on an unnamed agreement or decision ("Under the accord, workers will ...",
# "Under the deal, ...", "As part of the plea deal, prosecutors dropped 94 other counts.", Multi-News
# 00218): which one, the sentence before said. A word of its kind may stand before it; a name does
# not ("Under the Wye accord, ..." names it).
_SHELL_INTRO = re.compile(
    r"^(?:under|with|after|despite|since|as\s+part\s+of)\s+the\s+(?:(?-i:plea|proposed|new|tentative|latest)\s+)?"
    r"(?:accord|agreement|deal|pact|plan|proposal|move|decision|ruling|order|law|bill|measure|settlement)\s*,",
    re.IGNORECASE)
# A name in apposition after the shell noun: one to three words set off by commas ("The group,
# aqap, had ...", "The group, Human Rights Watch, said ...", "The new group, al-Shabab, ..."): no
# digit, function word or word of time among them, and each capitalised, or one of them rare in
# English (a name in text printed in lower case). Not "The deal, worth $2 billion, ...", "The move,
# however, ...", "the meeting, last week, ...", "the track, her third single, ...".
_APPOSITION = re.compile(r"^the\s+(?:[a-z]+\s+)?[a-z]+\s*,\s*((?:[^\s,]+\s+){0,2}[^\s,]+)\s*,", re.IGNORECASE)
_NOT_A_NAME = frozenset(("which", "who", "whose", "that", "however", "though", "too", "also", "then",
                         "meanwhile", "moreover", "still", "now", "by", "in", "of", "for", "with", "at",
                         "on", "not", "and", "or", "but", "if", "as", "a", "an", "the", "its", "their",
                         "his", "her", "our", "my", "your", "this", "these", "those", "last", "next",
                         "week", "month", "year", "today", "yesterday", "worth", "once", "again"))


# A title in apposition or after "titled" ("The documentary, "Blackfish", drew ...", "The film,
# titled Innocence of Muslims, ...", "The film, The Hurt Locker, won ..."): a review's probes.
_TITLED = re.compile(r"^the\s+(?:[a-z]+\s+)?[a-z]+\s*,\s*"
                     r"(?:[\"\u201c\u2018']|(?:titled|called|named|entitled|known\s+as|code-?named|dubbed"
                     r"|nicknamed)\s)", re.IGNORECASE)


def _named_in_apposition(body: str) -> bool:
    if _TITLED.match(body):
        return True
    match = _APPOSITION.match(body)
    if match is None:
        return False
    named = match.group(1).split()
    if len(named) > 1 and named[0].lower() in ("the", "a", "an") and named[1][:1].isupper():
        named = named[1:]  # a title's, a law's article ("The film, The Hurt Locker, ...", "the Patriot Act")
    # A number beside a capitalised word is a designation ("The bill, H.R. 1, passed ...").
    designated = any(w[:1].isupper() for w in named)
    low = [w.lower().strip(".") for w in named]
    if any(not (w.replace("-", "").replace("'", "").isalpha()
                or (designated and (w.isdigit() or w.replace(".", "").isalpha()))) or w in _NOT_A_NAME
           for w in low):
        return False
    if all(any(part[:1].isupper() for part in w.split("-")) or w.isdigit() for w in named):
        return True
    table = zipf_table()
    return not has_verb(low) and any(table.get(w, 0.0) < NAME_ZIPF for w in low)


def shell_first(body: str) -> bool:
    """Whether ``body`` opens on a shell noun or a description as its subject (see the module)."""
    return _SHELL_FIRST.match(body) is not None and not _named_in_apposition(body)


def shell_intro(body: str) -> bool:
    """Whether ``body`` opens on a phrase about an unnamed agreement or decision ("Under the deal,")."""
    return _SHELL_INTRO.match(body) is not None


def described_person(body: str) -> bool:
    """Whether ``body`` opens on a person described, not named, as its subject ("The suspect has not
    been identified.")."""
    return _DESCRIBED_PERSON.match(body) is not None or _DESCRIBED_HOLDER.match(body) is not None
