"""Whether a sentence reads alone: the memo prints every sentence without its neighbours.

:func:`dangling` says a sentence leans on the one before it (an opening
pronoun, demonstrative or connective, an early "also", a closing "as well",
an unattributed first-person quote, a quotation said by a pronoun, the end
of a quotation an earlier sentence opened) or is not
a whole sentence (no closing punctuation: cut off where a truncated text
ends; a heading glued to its start; a wire dateline). Every selection method
skips such sentences.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen.select.furniture import caption, labelled, points_at_page, run_in, ticker
from briefgen.select.others import (
    adds_to_quotation,
    after_then,
    also_later,
    connective_inside,
    of_others,
    refers_back,
    that_time,
)
from briefgen.select.pronouns import (
    empty_it,
    intro_pronoun,
    object_pronoun,
    orphan_pronoun,
    quote_pronoun_speaker,
    says_us,
)
from briefgen.select.shells import described_person, shell_first, shell_intro
from briefgen.text.datelines import left_dateline
from briefgen.text.frequency import zipf_table
from briefgen.text.quotes import has_quote, opens_with_title, unquoted_words
from briefgen.text.verbs import AUXILIARIES, IRREGULAR_PAST, REPORTED, has_verb
from briefgen.text.words import term, words

__all__ = ["END_DEMONSTRATIVE_WORDS", "FRAGMENT_WORDS", "addresses_reader", "broken", "broken_rule",
           "dangling", "first_person", "fragment", "gives_words", "has_quote", "leaning_rule", "leans",
           "runs_on", "stems"]


@lru_cache(maxsize=65536)
def stems(text: str) -> tuple[str | None, ...]:
    """Stems in order, with ``None`` where a stop word stood (read once per text: news repeats sentences)."""
    return tuple(map(term, words(text)))


# Openers that point back to the previous sentence: pronouns, demonstratives
# and connectives ("They are...", "This shows...", "But...", "He added, ...").
_BACK_WORDS = frozenset((
    "he", "she", "they", "it", "this", "these", "those", "that", "his", "her", "their", "its", "him",
    "them", "we", "i", "our", "my", "us", "such", "also", "but", "and", "so", "then", "there", "here",
    "however", "meanwhile", "moreover", "furthermore", "still", "yet", "instead", "besides", "thus",
    "therefore", "otherwise", "likewise", "similarly", "nevertheless", "nonetheless", "additionally",
    "accordingly", "hence", "later", "afterwards", "afterward", "again", "too", "or", "nor", "indeed",
    "others", "another", "other"))
# A short opening phrase that names something by demonstrative or is a
# connective ("That day,", "Against this backdrop,", "In particular,"), or an
# "also" among the first words ("Arafat also called...", "Police said they
# also found..."): the sentence adds to something said before it.
# Times named from the day the story was written ("this year", "this past week", "these days"):
# "this" then points at no earlier sentence, where "that day" and "this time" do. Only as a
# phrase of time: before a comma, "'s", an article or a capital, not a noun's modifier ("this
# winter storm", "this decade-long war", "this fall in prices") nor before a connective ("This
# year, however, ..."); a rare word after it, a name in lower-cased text ("this year rolex
# supplanted bmw"), is read in leaning_rule.
_NOW_WORDS = (r"(?:past\s+|coming\s+)?(?:week|weekend|month|year|morning|afternoon|evening|spring|summer"
              r"|autumn|fall|winter|season|quarter|decade|century|days)")
_NOW = (_NOW_WORDS + r"(?:,(?!\s*(?:however|though|too|also|then|instead|meanwhile|moreover)\b)"
        r"|['\u2019]s\b|\s+(?:the|a|an)\s|\s+(?-i:[A-Z]))")
_THIS_NOW = re.compile(r"^(?:this|these)\s+" + _NOW, re.IGNORECASE)
_THIS_NOW_WORD = re.compile(r"^(?:this|these)\s+" + _NOW_WORDS + r"\s+([a-z]+)\b(?![-'\u2019])",
                            re.IGNORECASE)
# A word rarer than this after the time is a name: "rolex" 3.35, "jacksonville" 3.6, "bmw" 3.9 in
# wordfreq's list; "storm" 4.7, "camp" 4.8, "prices" 4.9, "police" 5.3 are not.
_NOW_NAME_ZIPF = 4.0
_BACK_PHRASE = re.compile(
    r"^(?:[A-Za-z]+\s+){0,3}(?:(?:this|these)(?!\s+" + _NOW + r")|that|those|the same)\b[^,;:]{0,30},"
    r"|^(?:in particular|in addition|on the other hand|at the same time|as a result|for (?:example|instance)"
    r"|in (?:fact|turn|contrast|response|return)|by contrast|even so|to that end|after that|before that"
    r"|at the time|in other words|needless to say|after all|to be (?:sure|fair)|that said|sure enough"
    r"|even then|all the same|to wit"
    # A summing up of the sentences before ("Simply put, the white house is prioritizing the president's
    # reelection effort.", Multi-News 00038, from an analyst's reading; the one such sentence there).
    r"|simply put|put simply|to put it simply|put another way|in short|in sum|in a word|in a nutshell"
    r"|to sum up|in summary|in brief|in conclusion|all in all|long story short"
    # A time the sentence before named ("Since then, Israel has accused the Palestinians ...", "By
    # then, ..."); without the comma "then" before the verb already leans (_THEN_EARLY). From an
    # analyst's reading of a DUC 2003 memo.
    r"|since then|until then|till then|by then|before then|from then on"
    # The morning or night after what the sentence before told ("By morning, several teeth were
    # damaged or removed ...", Multi-News 00247, from an analyst's reading).
    r"|by (?:the next |the following )?(?:morning|noon|midnight|nightfall|evening|afternoon|dawn|daybreak)"
    # The other side's turn ("for its part, the association says it doesn't comment ..."): it answers
    # someone the sentence before named. From an analyst's reading of a Multi-News memo.
    r"|for (?:its|his|her|their|our|my|your) part"
    # One more thing to the one before ("Plus, the procedure is time-consuming ..."). From a
    # reading of Multi-News 00196.
    r"|plus|what['\u2019]s more|on top of that"
    # More connectives that weigh, grant or add to the sentence before ("In any case, the big Mir
    # station will not ...", "By comparison, only about 750,000 ... have been shipped", "Further,
    # climate change would have been far worse ...", "at least, not in the sense that ..."): 8
    # sentences of DUC 2003 and Multi-News validation, all leaning on reading (from an analyst's
    # reading of Multi-News 00066 and 00010). With the comma only: "Further talks are planned".
    r"|in any (?:case|event)|by comparison|in comparison|by the same token|more importantly"
    r"|most importantly|more important|worse still|better still|then again|at least|further"
    r"|consequently|conversely"
    # A reply's word first ("Yeah, it bears repeating: ...", "No, he's been a good politician ...",
    # "Sure, the company is the one in the dock."): it answers the sentence before. Multi-News
    # validation and DUC 2003: 10 sentences not refused before, all replies on reading. Not "Now,"
    # (prose's "Now, the company is working on ...").
    r"|yeah|yes|no|well|okay|ok|oh|um|uh|sure)[,:]"
    # "Earlier" as the sentence's own adverb ("Earlier, officials said ...", "Earlier a defense ministry
    # official said ...", Multi-News 00207): earlier than what the sentence before told. Not "Earlier
    # this week" nor "Earlier reports said ..." (4 sentences of both sets, each leaning on reading).
    r"|^earlier(?:,|\s+(?=(?:a|an|the|he|she|they|it|we)\b))"
    r"|^(?:[\w.'-]+,?\s+){1,4}also\b",
    re.IGNORECASE)
# A question to the reader first ("Do you think it's acceptable to spank your child ...? aransas
# county judge ... claims, ..."): a hook, also where lower-cased text leaves the next sentence on it.
# Multi-News validation: 9 sentences, 7 of them already leaning (quoted); DUC 2003: none.
_READER_QUESTION = re.compile(
    r"^\W*(?:(?:what|how|why|where|who|which)\s+(?:do|did|would|will|can|could|should)\s+you"
    r"|(?:do|did|have|would|could|should|can|will|are|were)\s+you)\b[^?]{0,200}\?", re.IGNORECASE)
# "such" after an opening phrase points back whatever names the phrase holds ("Under China's
# State Security Law, such links may ..."); a day then a pronoun does too ("Friday he was ...").
_INTRO_SUCH = re.compile(r"^[^,;:\"\u201c]{1,60},\s+such\s", re.IGNORECASE)
# "such" before a noun anywhere in the writer's own words ("such pique underscored ...", "luring
# visitors to such sites"): the kind of thing the sentence before described. Not "such as".
_SUCH_NOUN = re.compile(r"\bsuch\s+(?!as\b|a\b|an\b)[a-z]", re.IGNORECASE)
# A demonstrative standing alone as the writer's last word ("Golestan residents, contacted by
# telephone, disputed that.", "The budde family says it doesn't know how it came to this."): what
# was disputed, the sentence before said. 4 sentences of DUC 2003 and Multi-News validation that no
# other test refused, each leaning on reading (from an analyst's reading of Multi-News 00091). Not
# inside a quotation ("We have never seen anything like this," he said.), where the speaker points
# at the event the story is about, nor a time the sentence names ("... in March, up from 3 percent
# before that."). Only in a short sentence: a long one names what it points at itself ("... fought for
# control of the food aid _ and the political benefits to come with that.").
_END_DEMONSTRATIVE = re.compile(r"(?<!before )(?<!after )(?<!until )(?<!since )\b(?:this|that|these|those)"
                                r"\s*[.!?]+[\s\"'\u201d\u2019)\]]*$", re.IGNORECASE)
#: Most words of a sentence whose closing demonstrative leans: the five such sentences of DUC 2003 and
#: Multi-News validation that lean have 7 to 18 words, the two that read alone 35 and 37.
END_DEMONSTRATIVE_WORDS = 20
_DAY_PRONOUN = re.compile(
    r"^(?:on\s+|by\s+|late\s+|early\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today"
    r"|yesterday)\s+(?:he|she|they|it|we)\s", re.IGNORECASE)
# One of two the sentence before named: "One, Qin Yongmin, 45, ..., and the other, ...".
_ONE_AND_OTHER = re.compile(r"^(?:one|the other)\s*,", re.IGNORECASE)
# A demonstrative before a noun among the first words ("No date for this hearing has been set"),
# unless it names a time ("this week", "these days").
# "Those who died", "those killed" are the people the event made, not something named before.
_NOT_THOSE_WHO = r"(?!those\s+(?:who|whom|which|that|[a-z]+ed)\b)"
_POINTED_AT = (
    _NOT_THOSE_WHO +
    r"(?:this|these|those)\s+(?!(?:week|weekend|month|year|morning|afternoon|evening"
    r"|spring|summer|autumn|fall|winter|season|time|days|weeks|months|years|century|decade|past|coming"
    r"|is|was|are|were|will|would|has|have|had|may|might|can|could|should|must)\b)[a-z]")
_EARLY_DEMONSTRATIVE = re.compile(r"^(?:[\w'-]+\s+){1,3}" + _POINTED_AT, re.IGNORECASE)
# The same inside a quotation that opens the sentence ("\"you see this pattern, \" said ...").
_QUOTE_DEMONSTRATIVE = re.compile(r"^[\"\u201c`']+\s*(?:[\w'-]+\s+){0,3}" + _POINTED_AT, re.IGNORECASE)
# What "it is" / "it's" may be followed by when "it" is an empty subject that points at
# nothing ("it is time to", "it was unclear whether", "it's a shame").
_EMPTY_IT = (r"(?:not\s+)?(?:be\s+)?(?:time|important|necessary|essential|vital|crucial|urgent|clear|unclear"
             r"|likely|unlikely|possible|impossible|hard|difficult|easy|too|high time|a shame|a pity)\b")
# A person reported saying "it is ..." or "this marks ...": a person is not "it", so
# the pronoun points at what the sentence before said ("President Lee said it is a
# small but meaningful step forward."). An organisation saying "it will" means itself.
_PERSON_SAYS_IT = re.compile(
    r"\b(?:president|prime minister|premier|chancellor|minister|secretary|spokes(?:man|woman|person)"
    r"|chief|mayor|governor|chairman|chairwoman|ambassador|envoy|commissioner|pope|king|queen"
    r"|mr|mrs|ms|dr|gov|sen|rep)\.?\s+(?:[\w'.-]+\s+){0,3}(?:said|says|told\s+\w+|added|noted|stressed)"
    r",?\s+(?:that\s+)?(?:it|this)\s+(?:is|was|will|would|marks|marked|represents|represented|remains)\b"
    # ... unless "it" is the empty subject of "it is time to", "it was unclear whether".
    r"(?!\s+" + _EMPTY_IT + ")",
    re.IGNORECASE)
# A group of people reported believing or saying that "he" or "she" did something ("Police believe
# he fled to mexico shortly thereafter.", "Sources say she fears ..."): a group is not "he", so the
# pronoun is someone the sentence before named (from an analyst's reading of Multi-News memos).
_GROUP_SAYS_HE = re.compile(
    r"^\W*(?:(?:the|local|state|federal|some|many)\s+)*(?:police|officials|authorities|investigators"
    r"|prosecutors|detectives|sources|deputies|agents|officers|troopers|witnesses|relatives|neighbou?rs"
    r"|friends|doctors|court (?:documents|records)"
    # ... or an institution ("The white house says he was briefed by ...": Multi-News 00261).
    r"|white house|pentagon|kremlin|family|company|campaign)"
    r"\s+(?:(?:also|have|had|now|later|earlier|initially)\s+)?"
    r"(?:say|says|said|believe|believes|believed|think|thought|suspect|suspected|allege|alleged|fear|feared"
    r"|claim|claimed|told\s+\w+)(?:\s+(?:on\s+)?[a-z]+day)?\s*,?\s+(?:that\s+)?(?:he|she|him|her)\b"
    r"(?!\s+(?:majesty|majesty's|royal|holiness|excellency|highness)\b)",
    re.IGNORECASE)
# One unnamed speaker the sentence before introduced, named again by a definite article ("The source
# said apple will be making ...", "... , said the source, who asked not to be named.", "..., the
# spokeswoman said."): 8 sentences of Multi-News validation and DUC 2003, each leaning on the one
# that introduced "a source close to the company", "a Scotland Yard spokeswoman" (from an analyst's
# reading). Not a speaker the sentence places ("said the spokesman for the ministry"), nor "the
# official" said to have done something ("Police said the official was arrested").
_SAME_SPEAKER = re.compile(
    r"\bthe\s+(?:source|insider|official|spokesman|spokeswoman|spokesperson)\s*,?\s+(?:said|says|told|added)\b"
    # ... also with a clause on them set off between ("the official, who insisted on anonymity ..., added",
    # 00139); not a name in apposition ("The official, Mr. Tan, said").
    r"|^\W*the\s+(?:source|insider|official|spokesman|spokeswoman|spokesperson)\s*,\s*(?:who|speaking"
    r"|asking|requesting|insisting|declining|citing)\b[^,]{1,150},\s*(?:said|says|told|added)\b"
    r"|\b(?:said|says|added)\s+the\s+(?:source|insider|official|spokesman|spokeswoman|spokesperson)\s*(?:[,.;]|$)",
    re.IGNORECASE)
# A quotation that opens with a pronoun for something said before ("\"It was a slip of the
# tongue,\" Carlsson said", "\"They are heroes\""): a named speaker does not say what it is.
# "It" as an empty subject ("It is time to ...", "It's clear that ...") points nowhere.
_QUOTE_POINTS_BACK = re.compile(
    r"^[\"\u201c`']+\s*" + _NOT_THOSE_WHO + r"(?:he|she|they|them|these|those|it|its)\b"
    r"(?!(?:['\u2019]s|\s+(?:is|was|will be|would be))\s+" + _EMPTY_IT + ")",
    re.IGNORECASE)
# "there" right after the subject's noun, before its verb ("A woman there told officers her children
# spotted ...", "People there make soups of grass ..."): the place the sentence before named (2
# sentences of DUC 2003 and Multi-News validation, both leaning; from an analyst's reading of
# Multi-News 00091). Not "there" of being ("Is there any way ...", "Most there are farmers").
_THERE_EARLY = re.compile(
    r"^(?!(?:is|are|was|were|has|have|had|do|does|did|will|would|could|can|should|may|might|must)\b)"
    r"(?:(?:a|an|the|some|many|most|all|local)\s+)?[a-z]+\s+there\s+(?!(?:is|are|was|were|has|have|had|will"
    r"|would|may|might|could|can|must|should|seems?|seemed|appears?|appeared|remains?|remained|to|and|or"
    r"|for|in|on|at|with|when|who|that)\b)[a-z]+", re.IGNORECASE)
# "then" among the first words, before a verb: the next step of a sequence the sentence before began
# ("Grant then fled the scene", "The family then headed out to ...", "Only then will he be ..."):
# 8 DUC 2003 and 10 Multi-News sentences, all leaning (from an analyst's reading of Multi-News memos).
# Not "then" as an adjective after a determiner or a possessive ("The then prime minister, Tony
# Blair, ...", "Obama's then chief of staff").
_THEN_EARLY = re.compile(
    r"^(?:[\w'\u2019.-]+\s+){0,2}(?!(?:the|a|an|his|her|its|their|our|my|your)\s)(?![\w.-]+['\u2019]s?\s)"
    r"[\w'\u2019.-]+\s+then\s+(?!on\b)[a-z]", re.IGNORECASE)
# Prose (not a quotation) whose only speaker is a pronoun at its end: "..., he said."
_PRONOUN_ATTRIBUTION = re.compile(r",\s+(?:he|she|they)\s+(?:said|says|added|adds|told \w+)\s*\.\s*$",
                                  re.IGNORECASE)
# "As such, ..." opens on the sentence before; a closing "as well" adds to it.
_AS_SUCH = re.compile(r"^as such\b|\bas well\s*[.!?\"'\u201d\u2019]*\s*$", re.IGNORECASE)
#: A sentence of at most this many words with no verb in it is a fragment, not a statement: an
#: elliptical reply to the sentence before ("Sort of.", "Not so fast.", "No question.") or a
#: scrap of a page ("Learn more.", "Wow."). Set by reading the 627 sentences of four words or
#: fewer in DUC 2003 and Multi-News validation: at four, "I think about them." would count.
FRAGMENT_WORDS = 3
# A sentence ends in a full stop, question or exclamation mark, perhaps inside quotes or brackets;
# anything else was cut off (a truncated text's last line).
_CLOSED = re.compile(r"[.!?][\s\"'\u201d\u2019)\]]*$")
# A sentence opening with an ellipsis, bracketed or not, and a lower-case word ("[... ] but apple has a
# history of ...", "… the problem with the big-bang changes"): a quotation whose start the writer left
# out. After an ellipsis a capital starts a whole sentence (". . . In the course of the armed struggle").
_ELIDED = re.compile(r"(?:\[\s*)?(?:\.\s*\.\s*\.|\u2026)[\s\]]*[a-z]")
# Cut off inside a phrase, marked by an ellipsis after a word that cannot end a sentence ("Starbucks has
# been working to...", "for his..."): not one that can ("all over the country...", "how they are ...").
_CUT_ELLIPSIS = re.compile(r"\b(a|an|the|to|of|in|on|at|by|for|from|with|into|about|over|under|after|before"
                           r"|during|through|between|against|until|upon|and|but|or|nor|because|if|than|while|when"
                           r"|where|which|who|whom|whose|my|our|your|his|their|its|i|we|they|he|she)\s*\.\s*\.\s*\."
                           r"[\s\"'\u201d\u2019]*$", re.IGNORECASE)
# A full stop and a space right before a quotation mark: a sentence's end the splitter passed over.
_AFTER_STOP = re.compile(r"[.!?]\s+$")
# A heading glued to the sentence it stands over: capitalised words, then a
# capitalised article and a lower-case word ("YANKEES Pitching The starting ...").
_GLUED_HEAD = re.compile(r"^(?:[A-Z][\w'&-]*\s+){1,5}(?:The|A|An)\s+[a-z]")
# First-person words outside quotation marks: a quote whose speaker is unnamed. "us" is read apart
# (:func:`~briefgen.select.pronouns.says_us`: not the country, "the us", "us officials"), and so is
# "I" (:func:`_says_i`): not in an abbreviation ("the V.I.P. lounge", DUC 2003 d30040t, whose two
# sentences had leaned) nor a numeral ("World War I").
_OWN = r"\b(?:me|my|we|our|ours)\b"
_FIRST_PERSON = re.compile(_OWN)
# Marks that open a quotation at the start of a sentence. A single mark counts too: lower-cased
# news text quotes with it ("'i started hysterically crying."), and a quoted title first ("'black
# jeopardy' is ...") is rare enough to give up.
_OPENERS = ('"', "\u201c", "`", "'", "\u2018")
# Stems after a reporting verb that name no speaker ("he said in an interview");
# pronouns are stop words and have no stem.
_NOT_SPEAKERS = frozenset(("i", "you", "one", "interview", "statement", "ask", "later", "news", "confer"))
# A pronoun as the speaker right after a quotation ("..., " she said in 2008, when ...), whatever
# names the rest of the sentence holds.
_PRONOUN_SAID = re.compile(r"^\W*(?:(?:he|she|they|we|i)\s+(?:said|says|told|tells|added|adds|explained)"
                           r"|(?:said|says|added|adds)\s+(?:he|she|they))\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]?")

# The first quotation mark of a sentence closes a quotation: the sentence starts inside one an
# earlier sentence opened ('Consolation is enough," he said'). A straight quote closes when a
# letter or punctuation mark is right before it (after a digit it is inches); typographic and
# TeX-style marks say which they are.
_FIRST_MARK = re.compile(r'(?:(?<=[^\W\d_])|(?<=[.,!?;:\u2019\']))"|\u201d|\'\'|(?P<open>"|\u201c|``)')
# Text that sets its marks apart with spaces ("rights, \" page said", "areas, \" said dave petersen",
# "areas, \" dave petersen, natural resources specialist ..., said"): a lone straight mark after a
# comma or stop, then its speaker's verb, its speaker in at most three words or a name and a
# comma-set description before the verb, closes a quotation an earlier sentence opened; so does one
# that ends a sentence naming no speaker ("i think i can fill that bill. \"", the last of a quotation
# of several sentences: the splitter gives it the mark that closes it).
_SPACED_CLOSE = re.compile(r'^[^"]*[,.!?]\s+"\s+'
                           r'(?:(?:[\w.\'-]+\s+){0,3}|(?:[\w.\'-]+\s+){0,2}[\w.\'-]+,[^",]{1,60},\s+)'
                           r'(?:said|says|told|added|wrote)\b[^"]*$'
                           r'|^(?![^"]*\b(?:said|says|told|added|wrote)\b)[^"]*[,.!?]\s+"(?:\s*[)\]])?\s*$',
                           re.IGNORECASE)

# A speaker and a verb of saying after a lone mark: it closes ('it is distressing, " a spokesperson told').
_SPEAKER_AFTER = re.compile(r"\s*(?:[\w.'-]+,?\s+){0,5}(?:said|says|told|tells|added|adds|wrote|writes|asked"
                            r"|explained|noted|tweeted)\b", re.IGNORECASE)

# The writer speaking to the reader, outside quotation marks: a sentence that opens with an
# imperative a page or a feature addresses to its reader ("Make note of the name etzanoa",
# "Imagine the whopp of copter blades ...", "Forget the rain forest", "Consider this: ...", "Learn
# more", "Let the courts decide."), or that says "you" or "your" ("If you live nearby, you may have
# felt it"), before any quotation mark opens and with no speaker named in the sentence. A briefing
# states what happened, in the third person: such a sentence is a feature's voice or a page's prompt. Verbs
# that also open news prose as nouns or in the past tense ("Head coach ...", "Read ...", "Stop and
# go traffic") are left out, and so is a command word before a capitalised one in text with
# capitals: a title or a name ("Imagine Dragons will headline ...", "Watch the Throne won ...").
# "you" inside a compound is no address ("do-it-yourself", "thank-you note", "all-you-can-eat"),
# nor "thank you". In the 300 Multi-News validation summaries 101 selected sentences did so
# (feature voice, tweet and subscription prompts); in DUC 2003's one ("The deal ... was simple
# enough: Confess your crimes, apply for amnesty and you will go free.").
_IMPERATIVE = re.compile(
    r"(?:imagine|consider|remember|forget|picture|learn|click|scroll|subscribe|download|enjoy|"
    r"(?:make|take)\s+(?:note|sure|a\s+look)|check\s+out|sign\s+(?:up|me\s+up)|find\s+out|stay\s+tuned|"
    r"buckle\s+up|be\s+sure|don['\u2019]t|do\s+not|let['\u2019]s|let\s+(?:us|the|them|me)|go\s+to"
    r"|watch\s+(?:it|the|this|as|video))(?![\w-])(?:\s+(?:the\s+)?(?P<next>\S+))?",
    re.IGNORECASE)
# "Listen to ...", "Listen here", "Listen:": the command to hear a clip the page plays.
_LISTEN = re.compile(r"listen(?:\s+(?:to|here|now|as|below)\b|\s*:)", re.IGNORECASE)
# Verbs naming who said, wrote or asked it, besides REPORTED's: the "you" is that speaker's.
_SPOKEN = re.compile(r"\b(?:asked|asks|wrote|writes|warned|warns|urged|urges|noted|notes|advised|advises"
                     r"|cautioned|insisted|argued|tweeted|read:|reads:)", re.IGNORECASE)
# A comma or a stop and a space right before a quotation mark: it closes, in spaced-out text.
_STOP_BEFORE = re.compile(r"[,.!?]\s+$")
_SECOND_PERSON = re.compile(r"(?<![\w-])(?<!\bthank )(?:you|your|yours|yourself|yourselves)(?![\w-])",
                            re.IGNORECASE)


def _listen_to_page(body: str) -> bool:
    """Whether "Listen ..." opening ``body`` is the page's command to its reader: the quotation it
    then gives ("Listen to kirk's comments, which come around 0: 26 in the below audio clip: "..."")
    does not make it someone else's words. It is a speaker's when the sentence starts inside a
    quotation ('listen to me, " sanders told the crowd.'), or names who said it before any quotation
    opens ("listen to women, the prime minister told the conference."), or goes on with a capital in
    text with capitals (a title: "Listen Here is the band's third album")."""
    mark = _FIRST_MARK.search(body)
    if (mark is not None and mark.group("open") is None) or _SPACED_CLOSE.match(body):
        return False
    before = body[: mark.start()] if mark is not None else body
    if REPORTED.search(before) or _SPOKEN.search(before):
        return False
    nxt = body[len("listen"):].split(maxsplit=1)
    return not (nxt and nxt[0][:1].isupper() and any(ch.isupper() for ch in body[1:]))


def addresses_reader(text: str) -> bool:
    """Whether the writer speaks to the reader outside quotation marks (see :data:`_IMPERATIVE`)."""
    body = text.strip()
    if _LISTEN.match(body) and _listen_to_page(body):
        return True
    command = _IMPERATIVE.match(body)
    if command is None and "you" not in body.lower():
        return False  # the common case, told cheaply (most sentences of a large batch)
    # A quotation (someone else's words, to someone else), or a quotation mark anywhere: the "you"
    # may be a speaker's, in a quotation an earlier sentence opened ('You have to stand up," she
    # said.'), which the leaning test reads. One that names who said it reports a speaker's words
    # ("You should read more, the teacher said"; "Don't Ask, Don't Tell was repealed, officials said").
    if body[:1] in _OPENERS or REPORTED.search(body) or _SPOKEN.search(body):
        return False
    if has_quote(body):
        # ... unless the sentence says "you" before its first quotation opens: the writer's, quoting a
        # title or a phrase after it ("while you were thumbing through your issue, perhaps you noticed
        # the article titled " viscoelastic ... "").
        # A mark after a comma or stop and a space closes a quotation in text that spaces its marks
        # out ("Your prayers have helped me, " she remarked.).
        mark = _FIRST_MARK.search(body)
        if (mark is None or mark.group("open") is None or _SPACED_CLOSE.match(body)
                or _STOP_BEFORE.search(body, 0, mark.start())):
            return False
        return _SECOND_PERSON.search(body, 0, mark.start()) is not None
    if command is not None:
        # In text with capitals, a capitalised word after the command word names a title or a band.
        named = (command.group("next") or "")[:1].isupper() and any(ch.isupper() for ch in body[1:])
        if not named:
            return True
    return _SECOND_PERSON.search(body) is not None


# Swearing in the writer's own words: an opinion blog's voice ("A ukrainian journalist who has a
# reputation of being a fucking weirdo was dragged off ...", Multi-News 00296), which no briefing prints
# as a finding. Inside quotation marks, or in a sentence that says who said it, the words are a
# speaker's, and may be the news; a capitalised word is a name or a title ("Bullshit Jobs").
_PROFANE = re.compile(r"(?:mother)?fuck\w*|(?:bull)?shit(?:s|ty|head|heads)?|asshole\w*|cunts?|dickheads?",
                      re.IGNORECASE)


def swears(text: str) -> bool:
    """Whether the writer swears outside quotation marks (see :data:`_PROFANE`)."""
    lowered = text.lower()
    if not any(w in lowered for w in ("fuck", "shit", "asshole", "cunt", "dickhead")):
        return False  # the common case, told cheaply
    if REPORTED.search(text):
        return False
    return any(w.islower() and _PROFANE.fullmatch(w) for w in unquoted_words(text))


def broken(text: str) -> bool:
    """Whether a sentence is not a whole sentence, which no neighbour mends.

    True when it has no closing punctuation (cut off where a truncated text
    ends) or opens with an ellipsis (a quotation's start left out), ends in a
    colon (it only announces the next one: "The Times said in an
    editorial:"), has a heading glued to its start ("YANKEES Pitching
    The starting pitching ..."), still carries a wire dateline ("LONDON
    (AP) _ ...") or has page furniture run into it ("media caption ...",
    "( photo: ... ) buy photo ...", "... gmt / updated ..."), or speaks to the
    reader (:func:`addresses_reader`: "Make note of ...", "If you live nearby") or swears in the
    writer's own words (:func:`swears`).

    Args:
        text: One sentence.

    Returns:
        True if the sentence cannot be printed as it stands.
    """
    return broken_rule(text) is not None


# A wire story's list item: the AP's underscore dash first (DUC 2003: 5 items with no verb, all
# labels of a list; "_ Dr. Hugh Short, 62, is at home ..." has a verb and is prose, and so is one
# that opens like a sentence, "_ The bill cuts taxes ...", whose verb in "-s" no test reads).
_LIST_ITEM = re.compile(r"_\s+(?!(?:the|a|an|this|these|those|his|her|its|their)\b)", re.IGNORECASE)


@lru_cache(maxsize=65536)
def broken_rule(text: str) -> str | None:
    """Which test finds the sentence not whole (see :func:`broken`), or ``None`` if it is whole.

    One of ``"unfinished"``, ``"colon"``, ``"heading"``, ``"dateline"``, ``"furniture"``, ``"address"``,
    ``"profane"``.
    """
    body = text.strip()
    if not _CLOSED.search(body):
        return "colon" if body.endswith(":") else "unfinished"
    if _ELIDED.match(body):
        return "unfinished"
    if _CUT_ELLIPSIS.search(body[-24:]):  # DUC 2003 and Multi-News validation: 7 sentences, all cut
        return "unfinished"
    if _LIST_ITEM.match(body) and not any(w in AUXILIARIES or w in IRREGULAR_PAST
                                         or w.endswith(("ed", "ing")) for w in map(str.lower, words(body))):
        return "heading"  # a wire list's item: "_ Labor, Health and Human Services, and Education ..."
    for name, found in (("heading", _GLUED_HEAD.match), ("dateline", left_dateline),
                        ("furniture", run_in), ("furniture", caption),
                        ("furniture", ticker), ("furniture", labelled), ("furniture", points_at_page),
                        ("address", addresses_reader), ("profane", swears)):
        if found(body):
            return name
    return None


@lru_cache(maxsize=65536)
def runs_on(text: str) -> bool:
    """Whether a sentence ends inside a bracket or a quotation that a later sentence closes.

    "( to quote patton oswalt: "that was one soul-crushing slab of televised darkness.", a
    quotation's first sentence whose speaker the last one names, or one opened after its speaker
    ('... wizner ... said, "he would cooperate in extraordinary ways in the right circumstances.',
    whose next sentence qualifies it). It prints only as the antecedent of the one that closes
    it, never last. The straight marks' count odd, the first opens (not :data:`_SPACED_CLOSE`).
    """
    body = text.strip()
    if body.count("(") > body.count(")") or body.count("[") > body.count("]"):
        return True
    if body.count("\u201c") > body.count("\u201d"):
        return True
    first = body.find('"')
    if first < 0 or body.count('"') % 2 == 0:
        return False
    if first == 0 or _AFTER_STOP.search(body, 0, first) is not None:
        return first == 0 or any(ch.isalpha() for ch in body[first + 1:])
    mark = _FIRST_MARK.search(body)
    return (mark is not None and mark.start() == first and mark.group("open") is not None
            and _SPACED_CLOSE.match(body) is None and _SPEAKER_AFTER.match(body, first + 1) is None)


@lru_cache(maxsize=65536)
def fragment(text: str) -> bool:
    """Whether a sentence is a fragment: at most :data:`FRAGMENT_WORDS` words and no verb.

    "Sort of.", "Not so fast.", "And tragedy.": an elliptical reply to the
    sentence before, or a scrap of a page. Inside a passage it reads as its
    writer meant ("A church van full of parishioners. And tragedy. That's
    about all police ... had to work with"), so it may come before a
    sentence that leans on it; it is never chosen for itself.
    """
    tokens = [w.lower() for w in words(text)]
    return len(tokens) <= FRAGMENT_WORDS and not has_verb(tokens)


def leans(text: str) -> bool:
    """Whether a whole sentence leans on the one before it: it reads right only after it.

    True when it opens with a pronoun, a demonstrative or a connective ("They
    are scheduled...", "That day, ...", "But ...", "He added, ..."), or with
    a short phrase and then a pronoun ("On Saturday, he traveled..."), has
    "also" among its first five words ("Arafat also called..."), opens "As
    such" or ends "as well", reports a person saying "it is" or "this marks"
    (the pronoun is what came before), opens with a quotation whose speaker
    it does not name or that opens with a pronoun for something said before
    ("\"It was a slip of the tongue,\" Carlsson said"), starts inside a quotation an earlier sentence opened
    ("Consolation is enough," he said), or speaks in the first person
    outside quotation marks, as the middle of a quotation whose speaker an
    earlier sentence named ("This shows the trust between the President and me.").

    Args:
        text: One sentence.

    Returns:
        True if a reader needs the previous sentence to understand it.
    """
    return leaning_rule(text) is not None


def _names_now(body: str) -> bool:
    """Whether ``body`` opens with a time named from the day of writing (see :data:`_NOW`)."""
    if _THIS_NOW.match(body):
        return True
    word = _THIS_NOW_WORD.match(body)
    return word is not None and zipf_table().get(word.group(1).lower(), 0.0) < _NOW_NAME_ZIPF


@lru_cache(maxsize=65536)
def leaning_rule(text: str) -> str | None:
    """Which test finds that the sentence leans on the one before (see :func:`leans`), else ``None``.

    The names: ``"as such"``, ``"others"``, ``"pronoun attribution"``, ``"question"``,
    ``"inside quote"``, ``"person says it"``, ``"quote points back"``, ``"quote demonstrative"``,
    ``"quote pronoun speaker"``, ``"quote unattributed"``, ``"group says he"``, ``"same speaker"``,
    ``"back word"``, ``"back phrase"``, ``"shell noun"``, ``"shell intro"``, ``"described person"``,
    ``"intro such"``, ``"day pronoun"``, ``"one and other"``, ``"there"``, ``"early demonstrative"``,
    ``"such noun"``, ``"end demonstrative"``, ``"intro pronoun"``, ``"then"``, ``"first person"``,
    ``"object pronoun"``, ``"orphan pronoun"``.
    """
    body = text.strip()
    if _AS_SUCH.search(body):
        return "as such"
    if of_others(body):
        return "others"
    if _READER_QUESTION.match(body):
        return "question"
    if not has_quote(body):
        # "Seventeen people died in landslides, he said.": who said so? A question in the
        # writer's own voice asks about what came before ("What's the model look like in that case?").
        if _PRONOUN_ATTRIBUTION.search(body):
            return "pronoun attribution"
        if body.endswith("?"):
            return "question"
    mark = _FIRST_MARK.search(body)
    if (mark is not None and mark.group("open") is None) or _SPACED_CLOSE.match(body):
        return "inside quote"
    # The writer's own words, quotations blanked out.
    unquoted = _QUOTED.sub(" ", body)
    if _PERSON_SAYS_IT.search(unquoted):
        return "person says it"
    if _GROUP_SAYS_HE.match(unquoted):
        return "group says he"
    if _SAME_SPEAKER.search(unquoted):
        return "same speaker"
    if body[:1] in _OPENERS and not opens_with_title(body):
        return _quote_first_rule(body, unquoted)
    if quote_pronoun_speaker(body, unquoted):
        return "quote pronoun speaker"
    first = body.split(maxsplit=1)[0].strip(",;:").lower() if body else ""
    # "It's", "He's", "There's", "They're": the pronoun before the apostrophe.
    first = first.replace("\u2019", "'").split("'")[0] or first
    # Not "it" as an empty subject ("It was unclear whether ...", "It took 60,000 years to ...").
    if first in _BACK_WORDS and not _names_now(body) and not (first == "it" and empty_it(body)):
        return "back word"
    if (_BACK_PHRASE.match(body) or after_then(body) or also_later(body) or connective_inside(body)
            or adds_to_quotation(body) or refers_back(body) or that_time(unquoted)):
        return "back phrase"
    if shell_first(body):
        return "shell noun"
    if shell_intro(body):
        return "shell intro"
    if described_person(body):
        return "described person"
    for name, pattern in (("intro such", _INTRO_SUCH), ("day pronoun", _DAY_PRONOUN),
                          ("one and other", _ONE_AND_OTHER), ("then", _THEN_EARLY), ("there", _THERE_EARLY)):
        if pattern.match(body):
            return name
    if _EARLY_DEMONSTRATIVE.match(body):
        return "early demonstrative"
    if _SUCH_NOUN.search(unquoted):
        return "such noun"
    if len(unquoted.split()) <= END_DEMONSTRATIVE_WORDS and _END_DEMONSTRATIVE.search(unquoted):
        return "end demonstrative"
    if intro_pronoun(body):
        return "intro pronoun"
    lower = not any(ch.isupper() for ch in body[1:])
    # In text without capitals, "i" too ("Consider this: i just woke up ...", Multi-News 00272), unless
    # someone is said to speak or write before it: "bassist mike bishop writes: dave was ... persons
    # i've known" (not "after the crash i told the officer ...", the writer's own telling).
    if (_FIRST_PERSON.search(unquoted) or says_us(unquoted, lower=lower)
            or (_writer_says_i(unquoted) if lower else _says_i(unquoted))):
        return "first person"
    if object_pronoun(unquoted):
        return "object pronoun"
    return "orphan pronoun" if orphan_pronoun(unquoted, lower) else None


# Someone's own voice for :func:`first_person`, in any case ("We asked", "our", "my"); "mine" is left
# out (a coal mine). "us" as the leaning test reads it: not the country ("the us", "us officials").
_OWN_WORDS = re.compile(_OWN, re.IGNORECASE)
# "I" as a word, or "i" in lower-cased text; not a numeral after a king's name or a kind of thing
# ("World War I", "Elizabeth I", "phase i", "schedule i drug"). A word of its own: after white space,
# a quotation mark or a dash, or at the start, and before white space, a mark or an apostrophe's
# short form ("i'd", "i'm"); not a letter run into another ("scid\u2010i", a scale's name), a label
# in brackets ("( filter i )", "(i and ii)") or an abbreviation ("i.e.").
_WORD_I = re.compile(r"(?<![^\s\"'\u201c\u2014\u2013])[Ii](?!\s*\))(?!\.\w)"
                     r"(?=[\s,;:.!?\"\u201d]|['\u2019](?:d|m|ll|ve)\b|$)")
_NUMERAL_BEFORE = re.compile(r"\b(?:war|phase|type|class|title|stage|part|chapter|act|article|section"
                             r"|schedule|level|division|mark|episode|grade|fund|tier|round|volume|vol\.?"
                             r"|book|figure|appendix|annex|group|category|clause|clauses|item|unit|model"
                             r"|elizabeth|charles|george|james|william|edward|richard|henry|mary|louis)\s+$",
                             re.IGNORECASE)
# How far back from an "i" a numeral's noun is looked for (characters): "World War I" needs the word
# right before it, and a short reach keeps the look linear in the sentence's length.
_NUMERAL_REACH = 30


def _says_i(unquoted: str) -> bool:
    """Whether "I" (or "i") is a word of ``unquoted`` and no numeral."""
    for m in _WORD_I.finditer(unquoted):
        before = unquoted[max(0, m.start() - _NUMERAL_REACH): m.start()]
        if _NUMERAL_BEFORE.search(before):
            continue
        words_before = before.split()
        # In text with capitals, a capitalised word right before "I" other than the sentence's first
        # names a king or a war ("Charles I", "World War I veteran").
        if m.group(0) == "I" and words_before and words_before[-1][:1].isupper():
            word_start = unquoted.rfind(words_before[-1], 0, m.start())
            if unquoted[:word_start].strip():
                continue
        if m.group(0) == "i" and any(ch.isupper() for ch in unquoted[1:]):
            continue  # a lower-case "i" in text with capitals is a label or a list's item
        return True
    return False


def _writer_says_i(unquoted: str) -> bool:
    """Whether lower-cased text says "i" (:func:`_says_i`) with no one said to speak or write before it."""
    first = _WORD_I.search(unquoted)
    return first is not None and _says_i(unquoted) and not gives_words(unquoted[: first.start()])


def first_person(text: str) -> bool:
    """Whether a sentence says "I", "we", "my", "our" or "us" outside quotation marks, in any case:
    someone's own voice ("We asked Apple for comment.", "then i asked johnson ..."); "us" as the
    country ("the us", "us officials") and "I" as a numeral ("World War I") are not."""
    body = text.strip()
    unquoted = _QUOTED.sub(" ", body)
    lower = not any(ch.isupper() for ch in body[1:])
    return (_OWN_WORDS.search(unquoted) is not None or _says_i(unquoted)
            or says_us(unquoted, lower=lower))


def gives_words(text: str, *, asked: bool = True) -> bool:
    """Whether a sentence gives someone's words: a quotation mark, or a verb of saying ("said",
    "told"), and with ``asked`` one of writing, posting, asking or warning too ("wrote", "tweeted",
    "asked", "warned"), which a writer's own "we asked ..." also has."""
    return (has_quote(text) or REPORTED.search(text) is not None
            or (asked and _SPOKEN.search(text) is not None))


def _quote_first_rule(body: str, unquoted: str) -> str | None:
    """:func:`leaning_rule` for a sentence that opens with a quotation: does the rest name its speaker?"""
    if _QUOTE_POINTS_BACK.match(body):
        return "quote points back"  # "It was a slip of the tongue," Carlsson said: "it" is what came before
    if _QUOTE_DEMONSTRATIVE.match(body):
        return "quote demonstrative"  # "you see this pattern, " said ...
    # Readable only if the rest names its speaker, by a capitalised name or, in text that
    # writes names in lower case, by a reporting verb with someone other than a pronoun
    # ("..., " clinton told matthews).
    if _PRONOUN_SAID.match(unquoted):
        return "quote pronoun speaker"  # "..., " she said in 2008, when she backed McCain's choice
    if any(w[:1].isupper() for w in unquoted.split()):
        return None
    verb = REPORTED.search(unquoted)
    if verb is None:
        return "quote unattributed"
    before = stems(unquoted[: verb.start()])[-1:]
    if before and before[0] is None:
        return "quote pronoun speaker"  # "..., " she said: the speaker is a pronoun
    speaker = before or stems(unquoted[verb.end():])[:3]
    return None if any(t and t not in _NOT_SPEAKERS for t in speaker) else "quote unattributed"


def dangling(text: str) -> bool:
    """Whether a sentence reads poorly alone: it is :func:`broken` or :func:`leans` on the one before.

    Args:
        text: One sentence.

    Returns:
        True if the sentence cannot be printed without its neighbours.
    """
    return broken(text) or leans(text)
