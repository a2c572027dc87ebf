"""Sentences about what the sentence before them named: its people counted or set apart, a poll's
reply to its question, a time counted from its event.

:func:`briefgen.select.standalone.leaning_rule` asks :func:`of_others` ("Seventeen others died",
"The two were indicted", "Just 27 % disagree") and :func:`after_then` ("Hours later, ...", "Soon
after, ...") and :func:`also_later` ("X and Y are also named as defendants"), :func:`connective_inside`
("Many communities, for instance, got a foot of snow"), :func:`adds_to_quotation` ("Adds Smith:
...") and :func:`refers_back` ("From here, ...", "The upshot: ...", "X nonetheless went ..."): each
such sentence reads only after the one it answers or adds to; so does one that names a time by
the sentence before's (:func:`that_time`: "Uk authorities raided the london office later that
month").
"""

from __future__ import annotations

import re

from briefgen.text.datelines import MONTH, WEEKDAY
from briefgen.text.verbs import AUXILIARIES, IRREGULAR_PAST, UNLISTED_PAST, has_verb
from briefgen.text.words import words

__all__ = ["adds_to_quotation", "after_then", "also_later", "connective_inside", "of_others", "refers_back",
           "that_time"]

# A count of others as the subject ("Seventeen others died ...", "Tens of thousands of others were
# stranded"): others than those the sentence before counted. So is a quantifier standing alone
# before its verb ("All are expected at the funeral", "Both have served time", "Several were
# arrested", "Each said"): all of those the sentence before named (11 sentences of Multi-News
# validation and DUC 2003, each leaning on the one before; from an analyst's reading of Multi-News
# memos). Not "All is quiet", "Many have argued", "Few would have predicted": people at large.
_COUNT_OF_OTHERS = re.compile(
    r"^(?:(?:[\d,]+|a|few|many|several|dozens|scores|hundreds|thousands|millions|tens|two|three|four|five"
    r"|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    r"|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|more|some)\s+(?:of\s+)?){1,3}others\b"
    r"|^[\"'\u201c(\s]*(?:all|both|most|several)\s+(?:are|were|have|had|will|would|say|said|agreed?"
    r"|died|survived|remain(?:ed)?)\b|^[\"'\u201c(\s]*(?:each|neither)\s+(?:is|was|has|had|said|says)\b"
    # "Many were located on book shelves", "Some were taken to hospital": some of those the sentence
    # before named, to whom something was done (2 sentences of Multi-News validation and DUC 2003, each
    # leaning on the one before; from an analyst's reading). "Many have argued", "Some say", "Many
    # are worried" are as often people at large.
    r"|^[\"'\u201c(\s]*(?:many|some|few)\s+(?:were|had)\s+(?:[a-z]+ed|" + "|".join(sorted(IRREGULAR_PAST))
    + r")\b"
    # ... or counted among them ("Some are part of an intricate ecosystem ...", Multi-News 00180; "Some
    # had gone into hiding ...").
    r"|^[\"'\u201c(\s]*(?:many|some|few)\s+(?:are|were)\s+(?:part\s+of|among)\b"
    # "All three countries have sought bailouts", "All four defendants have pleaded innocent": all of
    # those the sentence before counted (5 sentences of Multi-News validation and DUC 2003). Not a
    # count the sentence places ("All 229 passengers and crew aboard Flight 111 ... were killed").
    r"|^[\"'\u201c(\s]*all\s+(?:\d[\d,]*|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+[a-z]+s"
    r"\s+(?:are|were|have|had|has|could|would|will|can|may|might|face|faced|pleaded|died|remain|remained)\b",
    re.IGNORECASE)
# A poll's reply, nothing but shares and their answers ("Just 27 % disagree, while 15 % are undecided."):
# agree with what? It leans on the question before (Multi-News 00255, an analyst's reading). An answer
# with its object reads alone ("60 percent support the plan", "52 % approve; 45 % disapprove of ...").
_SHARE = (r"(?:(?:just|only|about|nearly|almost|another|some|roughly|around|more\s+than|less\s+than|over)"
          r"\s+)?(?:\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)|[a-z]+(?:-[a-z]+)?\s+(?:percent|per\s+cent))"
          r"(?:\s*\(\s*\d+\s*%\s*\))?(?:\s+of\s+(?:those|people|respondents|voters)\s+(?:polled|asked"
          r"|surveyed))?\s+(?:(?:(?:strongly|somewhat)\s+(?:or\s+)?)*(?:(?:dis)?agree|oppose|support"
          r"|(?:dis)?approve)(?:d|ed)?|(?:are|were)\s+(?:undecided|unsure|not\s+sure))")
_POLL_REPLY = re.compile(rf"\W*(?:{_SHARE})\W*", re.IGNORECASE)
# Each white-space run is read from its start only: "\s*[,;]" tried at every space of a long run is
# quadratic (a reviewer's 100 KB of spaces took minutes).
_REPLY_PARTS = re.compile(r"[,;]\s*(?:(?:and|while|but)\s+)?|(?<!\s)\s+(?:and|while|but)\s+", re.IGNORECASE)


def _poll_reply(body: str) -> bool:
    """Whether each part between commas, semicolons, "and", "while", "but" is a share and its answer."""
    if "%" not in body and "cent" not in body.lower():
        return False
    return all(_POLL_REPLY.fullmatch(part) for part in _REPLY_PARTS.split(body))


# "The other one, from 2012, ...", "Two other complaints are still open": other than those the
# sentence before named (from an analyst's reading of Multi-News memos); after "among", "in" or "of"
# too ("Among the other artifacts are ...", "In the other case of presidential impeachment, ...": 3
# sentences of Multi-News validation and DUC 2003, each leaning on the one before). Not after "like",
# "unlike" or "with", where the sentence names who the others are other than ("Like the other big
# banks, JPMorgan ...").
_THE_OTHER = re.compile(
    r"^(?:(?:among|in|of)\s+)?"
    r"(?:the|(?:[\d,]+|two|three|four|five|six|seven|eight|nine|ten|several|many|few|some|both)(?:\s+of\s+the)?)"
    r"\s+other\b(?!\s+(?:day|night|week|morning|evening|afternoon|time)\b)"
    # A pair named before ("The pair threw back vodka shots", "The couple was arrested"), "the latter"
    # or "the former" alone, and a part of those named before ("Some of them work for ...", "All of
    # them have been reported"): 7 sentences of Multi-News validation, each leaning on the one before
    # (from an analyst's reading); "One of those who answered ..." reads alone.
    r"|^[\"'\u201c(\s]*the\s+(?:pair|duo|trio|couple)\b(?!\s+of\b)"
    # ... or counted before the verb ("The two had been in a 31-foot aluminum boat", "The two were
    # indicted in 1991", "The three will rule on cases": 4 sentences of Multi-News validation and
    # DUC 2003, all leaning). "The two leaders met" names whom.
    r"|^[\"'\u201c(\s]*the\s+(?:two|three|four|five)(?=\s*,|\s+(?:are|were|was|is|have|had|has|will|would"
    r"|could|can|may|might|must|should|said|say|says|also|then|later|both|first|met|meet|left|went|did|do"
    r"|began|became|spent|married|shared|remain|remained|face|faced|pleaded|appeared|agreed|died)\b)"
    r"|^[\"'\u201c(\s]*the\s+(?:latter|former)(?=\s*,|\s+(?:is|was|are|were|has|had|will|would|said|says)\b)"
    # A count of them after a word that bounds it ("At least 200,000 of these deaths could have been
    # prevented", Multi-News 00143's bottom line, from an analyst's reading: the one such sentence of
    # both sets).
    r"|^[\"'\u201c(\s]*(?:(?:at\s+least|at\s+most|more\s+than|fewer\s+than|less\s+than|nearly|almost|about"
    r"|roughly|only|up\s+to)\s+)?(?:\d[\d,.]*|some|many|most|all|both|none|each|several|few|one|two|three"
    r"|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\s+of\s+(?:them|these|(?-i:us))\b",
    re.IGNORECASE)


# A time counted from the event the sentence before told, first in the sentence ("Hours later, they
# died in a shootout", "A short time later, Shalabi was found slain", "Less than 20 minutes later,
# some gossip circulated", "Soon after, the police arrested mr. Sullivan", "Hours earlier, the
# Senate had voted", "The next day, police arrested a second suspect"): later than what? 16
# sentences of DUC 2003 and Multi-News validation, each leaning on the one before (from an
# analyst's reading of Multi-News 00288). A time with its own event reads alone ("Shortly after
# Georges arrived around dawn, ...", "Two days after the vote, ...", "Ten years on from the
# tsunami, ..."), and so does a time on something ("Six months on the run ended Friday").
_NUMBER = (r"(?:[a-z]+-)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
           r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty"
           r"|ninety|hundred)|\d+")
_COUNT = (r"(?:(?:just|only|mere|barely|some|about|nearly|almost|(?:less|more|fewer)\s+than)\s+)?"
          r"(?:(?:a|an|a\s+couple\s+of|a\s+few|few|several|many|half\s+an?|" + _NUMBER + r")"
          r"(?:\s+and\s+a\s+half)?\s+)?")
_UNITS = (r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|moments?|generations?)"
          r"(?:\s+and\s+a\s+half)?(?:\s+or\s+so)?")
_AFTER_THEN = re.compile(
    r"^[\"'\u201c(\s]*(?:"
    r"(?:" + _COUNT + _UNITS + r"|(?:a|an|some)\s+(?:short\s+|little\s+)?(?:time|while))\s+"
    r"(?:(?:later|afterwards?|thereafter|earlier|beforehand)\b(?!\s+(?:than|from|since)\b)"
    r"|(?:on|before|prior)(?=\s*(?:,|\u2014|\u2013|--|and\b)))"
    r"|(?:soon|shortly|not\s+long|immediately|right|just|minutes|hours|days)\s+"
    r"(?:after\s*[,.]|afterwards?\b|thereafter\b)"
    r"|(?:soon|shortly)\s+thereafter\b"
    r"|within\s+(?:" + _COUNT + _UNITS + r")\s*,"
    r"|the\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night|week|month|year)"
    r"(?=\s*,|\s+(?!(?:is|was|will|would|could|can|may|might|should|must|has|had)\b)[a-z])"
    r"|the\s+(?:day|morning|night|week)\s+after\s*,)",
    re.IGNORECASE)


def of_others(body: str) -> bool:
    """Whether the sentence counts, sets apart or answers those the sentence before named."""
    return bool(_COUNT_OF_OTHERS.match(body) or _THE_OTHER.match(body) or _poll_reply(body))


def after_then(body: str) -> bool:
    """Whether the sentence opens on a time counted from an event the sentence before told."""
    return _AFTER_THEN.match(body) is not None


# "also" right after the main clause's auxiliary, past the first four words that
# :data:`briefgen.select.standalone._BACK_PHRASE` reads ("Alejandro anastasia and ianthe phillips-allred
# are also named as defendants", "PAL officials say Singapore Airlines is also interested ...", "The
# driver of the truck involved was also taken to ... hospital"): named besides whom the sentence before
# named (from an analyst's reading of Multi-News 00009). A quoted title may be among the words before
# it ('A "grey's anatomy " spinoff is also in the works', 00103). Not in a name ("also known as ...",
# "also referred to as ...", "also called Mahmoud"; "also called for action" leans).
# The words after "called" that make it a call, not a name ("also called for action").
_CALLED_FOR = frozenset(("for", "on", "upon", "in", "off", "up", "out", "back", "into", "to"))
_ALSO_LATER = re.compile(
    r"^(?P<before>(?:[\w.'\u2019\"\u201c\u201d-]+,?\s+){4,9}?)(?:is|are|was|were|has|have|had|will|would|can|could"
    r"|(?-i:may)|might|should|must)\s+also\b"
    r"(?!\s+(?:known\s+as|referred\s+to\s+as|called\s+(?!(?:" + "|".join(sorted(_CALLED_FOR)) + r")\b)))",
    re.IGNORECASE)
# ... or "also" right before the main clause's verb in the past, or a verb of saying ("Paul Krugman, an
# economist at M.I.T., also questioned ...", "Arapahoe county chief judge william sylvester also told
# him ...", "john berry, the director of the office of personnel management, also said ...", Multi-News
# 00193 from an analyst's reading); not a name's "also known as" or "also called Mahmoud".
_ALSO_VERB = re.compile(
    r"^(?P<before>(?:[\w.'\u2019\"\u201c\u201d-]+,?\s+){4,20}?)also\s+(?P<verb>[a-z]+ed|said|says|told|tells|"
    + "|".join(sorted(IRREGULAR_PAST)) + r")\b(?P<after>\s+\w+)?", re.IGNORECASE)
# ... not a verb that names ("Guzman, also nicknamed El Chapo, ...", "also known as", "also called
# the sheikh"; "also called for action" adds), nor a participle before its agent ("..., a view also
# shared by most investors"): a review's probes.
_NAMING = frozenset(("known", "called", "named", "nicknamed", "dubbed", "spelled", "spelt", "titled",
                     "referred", "styled", "termed"))
# What the sentence's own "also" adds to: a clause before it, with a finite verb before "and", "or",
# "but" or "nor" ("Five people died in the fire and three firefighters were also injured", "... and
# may also be better ..."; not a list of nouns, "Smith's wife and two children were also killed"), an
# opening that names the first thing ("In addition to the fine, the bank will also pay ...", "Not only
# is the drug cheap, the pill is also ...", "Although Turkey wants a diplomatic solution, its
# statements have also been ...", "While the report blames the government, it has also found ...";
# not "As part of the deal, ..." or "When the fire broke out, ...", after which "also" adds to the
# sentence before), or a clause the auxiliary stands in ("The younger Yao, who is also ...", "... was
# that Navigator could also ...").
_JOINED = re.compile(r"\b(?:and|or|but|nor)\s", re.IGNORECASE)
_OPENING = re.compile(
    r"^\W*(?:in\s+addition|apart\s+from|aside\s+from|as\s+well\s+as|along\s+with|together\s+with|besides"
    r"|other\s+than|not\s+only|although|though|whereas|while|whilst)\b", re.IGNORECASE)
_SUBORDINATE = re.compile(
    r"\b(?:that|who|whom|whose|which|what|when|where|while|if|because|although|though|since|until|unless)\b",
    re.IGNORECASE)
_CONTRACTED = ("n't", "'re", "'ve", "'ll", "'d", "'m")


def _finite(tokens: list[str]) -> bool:
    """Whether ``tokens`` hold a verb that surely has a subject: an auxiliary or modal (not "to" or
    "may"), a contraction holding one, an irregular past or a word in "-ed"."""
    return any((w in AUXILIARIES and w not in ("to", "may")) or w in IRREGULAR_PAST or w.endswith(_CONTRACTED)
               or (len(w) > 3 and w.endswith("ed")) for w in tokens)


def also_later(body: str) -> bool:
    """Whether the main clause adds with "also" to what the sentence before said (after the first four
    words, which :func:`~briefgen.select.standalone.leaning_rule` reads itself).

    Not when what it adds to is in the sentence (:data:`_JOINED`, :data:`_OPENING`): a clause with a
    finite verb before "and", "or", "but" or "nor" (any verb form before ", and"), an opening that
    names the first thing, or a clause word with no comma after it before the auxiliary.
    """
    m = _ALSO_LATER.match(body)
    if m is None:
        m = _ALSO_VERB.match(body)
        if m is None:
            return False
        verb, after = m.group("verb").lower(), (m.group("after") or "").strip().lower()
        if (verb in _NAMING and not (verb == "called" and after in _CALLED_FOR)) or (
                verb.endswith("ed") and after == "by"):
            return False
    before = m.group("before")
    joins = list(_JOINED.finditer(before))
    if joins:
        first = before[:joins[-1].start()]  # up to the last: the most that may hold a clause
        tokens = [w.lower() for w in words(first)]
        # After a comma any verb form will do ("Tesla makes electric cars, and the company is also ...").
        if _finite(tokens) or (first.rstrip().endswith(",") and has_verb(tokens)):
            return False
    opening = _OPENING.match(before)
    # "While" names the first thing only with a clause of its own ("While the report blames ...", not
    # "While in custody, the suspect was also charged ...": a review's probe).
    if opening:
        clause = [w.lower() for w in words(before.split(",")[0])]
        if opening.group(0).strip().lower() not in ("while", "whilst") or _finite(clause) or has_verb(clause):
            return False
    clauses = list(_SUBORDINATE.finditer(before))
    return not clauses or "," in before[clauses[-1].end():]


# A connective set off by commas after the sentence's first words, its first comma but a number's
# ("Many communities in central iowa, for instance, got about a foot of snow", "The company, however,
# said ...", "About 1,000 people, however, ..."), or closing the sentence ("Two caveats seem in order,
# however.", "... are running into trouble, too."): it weighs, grants, exemplifies or adds to the
# sentence before, as it does first in the sentence (:data:`briefgen.select.standalone._BACK_PHRASE`).
# From an analyst's reading of Multi-News 00168. Not "in fact", "of course", "after all" (emphasis), nor
# "still", "again", "then" (also an adjective or a time: "the water, still, ..."), nor "in turn" (also
# one after another: "the jurors, in turn, told the judge"); nor examples listed inside the sentence
# ("Several states, for example, Texas and Florida, have ...": no verb before the next comma).
_CONNECTIVE_INSIDE = re.compile(
    r"^(?:[^,;:()\"\u201c]|(?<=\d),(?=\d)){2,80}?,\s+(?:however|though|meanwhile|instead|too|likewise"
    r"|similarly|therefore|thus|hence|consequently|accordingly|as\s+a\s+result|in\s+contrast|by\s+contrast"
    r"|conversely|on\s+the\s+other\s+hand|(?P<example>for\s+(?:example|instance))|nonetheless|nevertheless"
    r"|even\s+so|moreover|furthermore|in\s+addition|additionally|besides|in\s+other\s+words|by\s+comparison"
    r"|for\s+(?:its|his|her|their|our)\s+part)\s*,(?P<rest>[^,]*)(?P<comma>,?)",
    re.IGNORECASE)
_CONNECTIVE_LAST = re.compile(r",\s+(?:however|though|too)\s*[.!]\W*$", re.IGNORECASE)


# A speaker's words added to those the sentence before quoted, the verb first, the quotation running to
# the sentence's end ("adds a close family friend: " bobby will be there ...", Multi-News 00199 from an
# analyst's reading; 'Added Smith, "We will win."'). Not "Added to the list were ...", nor 'Added
# sugar, "a leading cause of obesity," is ...'.
_ADDS_SPEAKER = re.compile(r"^\W*(?:adds|added)\s+[^:;,\"\u201c]{2,60}?(?::|,)\s*[\"\u201c][^\"\u201c\u201d]*"
                           r"[\"\u201d]?\W*$", re.IGNORECASE)


def _verb_in(text: str) -> bool:
    """Whether ``text`` holds a verb form, its names left out ("Delta and United"), the past forms
    :func:`~briefgen.text.verbs.has_verb` leaves out counted ("got about a foot")."""
    tokens = [w for w in words(text) if w.islower()]
    return has_verb(tokens) or not UNLISTED_PAST.isdisjoint(tokens)


def connective_inside(body: str) -> bool:
    """Whether a connective that links to the sentence before is set off after the sentence's first
    words or closes it."""
    m = _CONNECTIVE_INSIDE.match(body)
    # Examples listed: no verb before the next comma.
    if m is not None and not (m["example"] and m["comma"] and not _verb_in(m["rest"])):
        return True
    return _CONNECTIVE_LAST.search(body) is not None


def adds_to_quotation(body: str) -> bool:
    """Whether the sentence adds a speaker's words to those quoted before, the verb first ("Adds
    Smith: ...")."""
    return _ADDS_SPEAKER.match(body) is not None


# A place the sentence before named, first and set off by a comma ("From here, the photos can be
# edited ...", "Nearby, tiny St. Eustatius was hard hit", "Outside, a woman armed with a hand-held
# ordering machine ..."), or a summing up of it ("The upshot: there's as much as $ 13 million ...",
# "the answer: virginia, georgia and texas.", "The result is that much of the cost ..."). From an
# analyst's reading of Multi-News 00162, 00208 and 00286; over the 11,512 distinct sentences of DUC
# 2003 and Multi-News validation these take 7 not refused before, each leaning on reading. Not "From
# here on", nor "The result was a draw" (the result named by what follows).
_REFERS_BACK = re.compile(
    r"^\W*(?:(?:from\s+(?:here|there)|nearby|outside|inside)\s*,"
    r"|the\s+(?:answer|upshot|result|reason|catch|twist|irony)\s*(?::|(?:is|was)\s+that\b))",
    re.IGNORECASE)
# "Nonetheless" and "nevertheless" grant something: after a concession within the sentence they look
# no further ("Analysts could not link him to any group but they nonetheless sent two reports"); with
# none they grant what the sentence before said ("The national security agency nonetheless went to
# work in advance ...", Multi-News 00004, from an analyst's reading: 1 more sentence of the 11,512).
# A clause or phrase set off before them may be the concession ("The company, which lost $2 billion,
# nonetheless paid ...", "Injured in the first half, Smith nevertheless scored"), and one may follow
# ("... nonetheless paid, despite the losses"): a review's probes; such sentences do not lean.
_GRANTED = re.compile(r"\b(?:nonetheless|nevertheless)\b", re.IGNORECASE)
_CONCESSION = re.compile(r"\b(?:but|although|though|despite|yet|while|whilst|even if|in spite of|still)\b",
                         re.IGNORECASE)


def refers_back(body: str) -> bool:
    """Whether the sentence opens on a place or a summing up of what the sentence before told, or grants
    it ("nonetheless") with no concession of its own and nothing set off before the word."""
    if _REFERS_BACK.match(body):
        return True
    granted = _GRANTED.search(body)
    return (granted is not None and _CONCESSION.search(body) is None
            and not any(mark in body[:granted.start()] for mark in ",;:\u2013\u2014("))


# A time named by the one the sentence before told, anywhere in the writer's words ("Uk authorities
# raided the london office later that month", "Cara had multiple complex partial seizures that
# weekend", "The embassy attack in Kenya unfolded that same day ...", "... an arrest humphries had
# heard a bit about earlier that evening"): 4 sentences of DUC 2003 and Multi-News validation, from
# an analyst's reading of Multi-News 00003. Not "the same day" or "at the same time", which set two
# things of the sentence side by side, nor "that time again"; an opening "That day, ..." is read in
# :mod:`briefgen.select.standalone`. Not a season, which "that" more often opens a clause on ("warned
# that winter storms ..."). A bare "that day", "that week", "that month" or "that year" also names
# the story's own day ("Although rare earths were not specified in the joint press statement that
# day, ...", the sample, in a memo on the summit whose day it is): only one counted from it ("later
# that month") or a part of a day ("that night", "that weekend") points at a time the sentence
# before set.
_THAT_TIME = re.compile(
    r"\b(?:(?:later|earlier)\s+that|that\s+same)\s+(?:day|night|morning|afternoon|evening|week|weekend|month"
    r"|year)\b(?!-)|\bthat\s+(?:night|morning|afternoon|evening|weekend)\b(?!-)", re.IGNORECASE)
# ... unless the sentence dates it before: a month and a day, a weekday, a year, "today" ("Although
# the United States will not be the best vantage point for Leonid watching on Nov. 17, people willing
# to get up ... on that day ...").
_DATED = re.compile(r"\b(?:" + MONTH + r"\s+\d{1,2}\b|" + WEEKDAY + r"|(?:1[89]|20)\d\d\b|today|yesterday"
                    r"|tonight)", re.IGNORECASE)


def that_time(unquoted: str) -> bool:
    """Whether the writer's words name a time by the sentence before's event ("later that month")
    that they do not date themselves."""
    found = _THAT_TIME.search(unquoted)
    return found is not None and _DATED.search(unquoted, 0, found.start()) is None
