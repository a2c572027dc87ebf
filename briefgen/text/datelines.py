"""Wire datelines ("LONDON (AP) _ ") and the other page text around a story's sentences.

The splitter keeps a dateline out of the first sentence, and metadata reads the
agency from it; the splitter also keeps out what a page runs into its
sentences (photo credits, captions, a player's buttons) and a last sentence the
page was cut short in (:func:`cut_short`). Kept apart from
:mod:`briefgen.text.sentences`, which loads NLTK's Punkt: reading metadata
needs only these patterns.
"""

from __future__ import annotations

import re

from briefgen.text.captions import CAPTION_WORDS, SUBJECT_REACH, bbc_caption_end
from briefgen.text.verbs import REPORTED
from briefgen.text.words import STOPWORDS, content_set

__all__ = ["AGENCIES", "BROADCASTERS", "CAPTION_WORDS", "MONTH", "PAGE_MARKER", "POINTER", "STAMP_MARK",
           "SUBJECT_REACH", "WEEKDAY", "bbc_caption_end", "caption_before", "caption_end", "captioned",
           "credit_end", "cut_short", "dateline_end", "headline_dateline_end", "lead_in_end", "left_dateline",
           "place_dateline_end", "placed_dash_end", "run_in_end"]

# A wire dateline opening a paragraph: a place in capitals, optionally a
# region, a date and the agency, then a dash ("NARA—", "LONDON (AP) _ ",
# "SEOUL, Jan. 13 (Yonhap) -- ", "WASHINGTON (Reuters) - "). It is kept out of
# the sentence, which then starts at the first word of the story.
_WIRE_DATELINE = re.compile(
    r"""[A-Z][A-Z.'&]+(?:[ -][A-Z][A-Z.'&]+){0,3}
    (?:,[ ]+[A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+){0,2})?
    (?:,?[ ]+[A-Z][a-z]{2,8}\.?[ ]+\d{1,2})?
    (?:[ ]*\([A-Za-z0-9 .&'-]{1,40}\))?
    [ ]*(?:—|–|--|_|-[ ])[ ]*(?=[A-Z"“'‘])""",
    re.X,
)

# News agencies whose name in brackets marks a dateline ("washington ( ap ) — ") in any case.
AGENCIES = r"(?:ap|reuters(?:\s+health)?|afp|upi|xinhua|cnn|bloomberg|yonhap|kyodo|marketwatch)"
# Broadcasters, in text that writes names in lower case only (a capitalised dateline is found by
# its capitals; "The World Anti-Doping Agency (WADA) —" is no dateline): a network with its local
# station ("stockton ( cbs13 ) — ", "( cbs dc )") or a US station's call sign ("( wkrc )", "( wsyr-tv
# )"): 8 datelines of Multi-News validation.
BROADCASTERS = r"(?-i:(?:cbs|nbc|abc|fox)(?:\s?[a-z]{0,4}\d{0,2})?|[kw][a-z]{3}(?:-tv)?)"

# The abbreviations a dateline holds (AP style: states, months, "St.", "D.C.", "N.Y."),
# the only full stops it may hold: any other ends a sentence.
_ABBREVIATION = (r"(?:ala|ariz|ark|calif|colo|conn|del|fla|ga|ill|ind|kan|ky|la|md|mass|mich|minn|"
                 r"miss|mo|mont|neb|nev|okla|ore|pa|tenn|tex|va|vt|wash|wis|wyo|"
                 r"jan|feb|aug|sept?|oct|nov|dec|st|[a-z]\.[a-z])")

# The same in any case, when a news agency in brackets names it a dateline:
# "washington ( ap ) — ", "Pretoria, south africa ( cnn ) -- ", "San bernardino,
# calif. ( ap ) — " (a state's abbreviation: a full stop before a space), or a
# station carrying the agency's copy, "Washington ( cbsla.com/ap ) — ". Text
# that writes names in lower case (or a photo credit run into the dateline)
# keeps the form above from telling the place by its capitals; the agency tells.
_AGENCY_DATELINE = re.compile(
    r"(?:\b" + _ABBREVIATION + r"\.|[^.!?\n]){0,60}?"
    r"\(\s*(?:[\w.-]+\s*/\s*)?" + AGENCIES + r"\s*\)"
    r"\s*(?:—|–|--|_|-)\s*(?=\S)",
    re.IGNORECASE,
)
# An agency's photo credit without brackets, then the story's dateline: a caption's credit a page
# without line breaks runs into the story ("... in this still image taken from video.
# Reuters/social media website via reuters tv/file photo washington ( reuters ) - the united states
# on friday ..."). A credit of up to 100 characters, since the dateline's own reach (60) leaves
# out the longer ones: 2 of the 4 such sentences of Multi-News validation, each its story's lead.
_CREDITED_DATELINE = re.compile(r"\W*(?:reuters|afp|epa)\s*/[^.!?()\n]{1,100}?\s" + _AGENCY_DATELINE.pattern,
                                re.IGNORECASE)
# The same with a broadcaster, before which a place holds no determiner or possessive ("her son (
# kyle ) — " is no dateline).
_BROADCAST_DATELINE = re.compile(
    r"(?:\b" + _ABBREVIATION + r"\.|(?!\b(?:the|a|an|his|her|their|its|my|our|your|of)\b)[^.!?\n]){0,60}?"
    r"\(\s*" + BROADCASTERS + r"\s*\)"
    r"\s*(?:—|–|--|_|-)\s*(?=\S)",
    re.IGNORECASE,
)


# A word of a writer's name in a byline: not a word that opens a phrase ("By the end, the press ...").
_NAME_WORD = (r"(?!(?:the|a|an|of|and|in|on|at|to|for|this|that|these|his|her|their|its|our|all|some|"
              r"any|most|many|much|every|each|next|last|late|early|mid|monday|tuesday|wednesday|thursday|"
              r"friday|saturday|sunday|noon|morning|afternoon|evening|night|week|month|year|now|then)\b)"
              r"[a-z][\w.'-]*")
# A time of posting after a byline ("posted: nov 14, 2012 01: 30 pm "), and the lower-case dateline
# after it ("mont-tremblant, que. -- ", "tampa — ").
_POSTED = r"(?:posted:\s+[a-z]{3,9}\.?\s+\d{1,2},\s+\d{4}(?:\s+\d{1,2}:\s?\d{2}\s*[ap]\.?m\.?)?\s+)?"
_LOWER_DATELINE = r"[a-z][a-z.' -]{1,30}?(?:,\s+[a-z][a-z.' -]{1,20}?)?\s+(?:--|\u2014|\u2013)\s+(?=\S)"
# A byline with the writer's paper or desk, run into the start of a story: "By andy blatchford,
# the canadian press mont-tremblant, que. -- ", "By william r. Levesque, times staff writer posted:
# nov 14, 2012 01: 30 pm tampa — ": a name of two to four words, a comma, a title ending in one of
# these words, an optional time of posting and a dateline or dash (3 of the 4 bylines that open a
# Multi-News validation text; the fourth has no comma to end the name). The title's last word is
# followed by the dateline or the story, never by a verb ("By most accounts, the former editor was
# fired ..."); "press" needs the dateline ("By late Tuesday, the associated press reported ...").
_BYLINE = re.compile(
    r"\W*by\s+(?:" + _NAME_WORD + r"\s+){1,3}?" + _NAME_WORD + r",\s+(?:the\s+)?(?:[a-z.&-]+\s+){0,3}?"
    r"(?:(?:writer|correspondent|reporter|editor|affairs)\s+" + _POSTED
    + r"(?:" + _LOWER_DATELINE + r"|(?:--|\u2014|\u2013)\s+"
    r"|(?!(?:is|was|are|were|has|had|have|will|would|said|says|can|could|may|might|must|did|does)\b))"
    r"|press\s+" + _POSTED + _LOWER_DATELINE + ")",
    re.IGNORECASE,
)


# USA Today's photo label ("( photo: michael schennum / the republic )"): furniture before a story,
# and a caption's credit.
_PHOTO_LABEL = r"\(\s*photo:[^()]{0,150}\)"

# Page furniture a scraped page runs into the start of its story, each with a clear end:
# "Advertisement continue reading the main story", CNN's "Story highlights" with its list up to the
# story's "( cnn )" (4 of the 12 pages of Multi-News validation that carry the list have the mark;
# the items end without full stops, so a list with none inside runs into the story's first
# sentence. A list without the mark, or with a full stop, "?" or "!" inside ("u.s."), is left in
# its sentence, which the stand-alone test then refuses as furniture), a photo credit in brackets
# and its "buy photo" button ("( photo: jeff chiu, associated press ) buy photo "), an agency in
# brackets with no dash after it ("( cnn ) micheal brown stared ...").
#: A weekday's name and a month's, full or cut short ("sept.", "nov"), as patterns to read
#: case-blind: the page text around a story dates itself with them (update labels here, captions
#: and time stamps in :mod:`briefgen.select.furniture`, a tweet's date in :mod:`briefgen.text.quotes`).
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
MONTH = r"(?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.?"
# A page's time stamp in GMT ("nov. 29, 2018, 1: 40 am gmt").
_GMT_STAMP = MONTH + r"\s+\d{1,2},\s+\d{4},\s+\d{1,2}:\s?\d\d\s*[ap]\.?m\.?\s+gmt"
# Words that open a story's sentence, and no writer's name: what may follow a byline.
_OPENER = (r"(?:the|a|an|for|as|in|on|at|after|before|when|while|with|during|since|this|these|it|its|his"
           r"|her|their|one|two|three|four|five|six|seven|eight|nine|ten)")
#: A page's marker where its story goes on past a break ("Story continued below", "Article continues
#: below"): cut from the sentence it runs into here, furniture where a text is split without the cut
#: (:mod:`briefgen.select.furniture`).
PAGE_MARKER = r"(?:story continued|(?:story|article) continues) below"
#: A page's pointer to a gallery, a video or a related story, in square brackets ("[ gallery \u2014
#: spaceshiptwo makes first glide flight ]", "[ related: ... ]"): a label, then a dash or a colon. Not
#: an editor's bracket around a compound ("[Video-game makers] have failed ..."). Cut from the
#: sentence it runs into here, furniture in :mod:`briefgen.select.furniture`.
POINTER = (r"\[\s*(?:gallery|slideshow|video|photos|related|see also|watch)\b\s*"
           r"(?:\u2014|\u2013|:|(?<=\s)-(?=\s))[^\[\]]{0,150}\]")
_LEAD_FURNITURE = re.compile(
    r"\W*(?:advertisement\s+)?continue reading the main story\s+"
    # One white-space character after the label: the list that follows may open with more, and
    # "\s+" before it would try each split of a long run of spaces against the list.
    r"|\W*story highlights\s[^.!?]{0,600}?\(\s*cnn\s*\)\s*(?:(?:—|–|--|_|-)\s*)?(?=\S)"
    r"|\W*" + PAGE_MARKER + r"\s+"
    # A page's bare "Photo" marker where an image stood, run into the sentence after it: before a
    # quotation mark, a title or the page's "advertisement" label ("photo ms. Rowe, a freshman ...",
    # 'Photo "it's inexcusable ..." said ...', "Photo advertisement continue reading ..."): 3
    # sentences of Multi-News validation, none in DUC 2003 (from an analyst's reading of Multi-News
    # 00216). Not before a word that may go on with "photo" ("Photo after photo showed ...", "Photo
    # identification is required", "Photo by ...", a credit).
    r"|\W*photo\s+(?=[\"\u201c]|(?:mr|ms|mrs|dr)\.\s|advertisement\s"
    # ... or before a clause's opening phrase, set off by a comma ("Photo under the deal, guest workers
    # ...": 1 sentence of Multi-News validation, 00188; "Photo in hand, ..." and a caption's "Photo
    # before the surgery shows ..." are prose).
    r"|(?:under|during|after|before|since|despite|amid)\s+(?:the|a|an|this|that|its|his|her|their)\s"
    r"[^,.;:!?]{1,40},)"
    # ... and a page's "continue reading below" (after an ad's label too) before the sentence it splits off
    # ("continue reading below police ultimately found ..."): 3 sentences of Multi-News validation.
    r"|\W*(?:advertisement\s*(?:[-\u2013\u2014]\s*)?)?continue reading below\s+"
    # A video player's notice before the story, with the lower-case dateline that follows it there
    # ("please enable javascript to watch this video vernal, utah -- a woman ..."; a place, a comma,
    # a state, a dash: read only here, where a clause cannot end so): 4 pages of Multi-News validation.
    # A newsletter's prompt run into the story's next sentence ("Get the times of israel's daily edition
    # by email and never miss our top stories free sign up in the petition, written after ...", "Sign up
    # thank you for signing up! sign up for more newsletters here middlesex district attorney ..."): up
    # to the prompt's closing "free sign up" or "sign up for ... newsletters (here)", before a word; 4
    # sentences of Multi-News validation.
    r"|\W*(?:get|sign up)\b[^.?\n]{0,150}?\b(?:free sign up|sign up for (?:our|more) newsletters?(?: here)?)"
    r"\s+(?=\w)"
    # A page's note of when it was updated, in brackets before the sentence it runs into ("[ updated at
    # 7: 59 p.m. ] speaking on cnn's ..."): 1 sentence of Multi-News validation, none in DUC 2003.
    r"|\s*[\[(]\s*updated\b[^\[\]()]{0,40}[\])]\s+(?=\w)"
    # A page's pointer to a gallery, a video or a related story, in square brackets before the
    # sentence it runs into ("[ gallery \u2014 spaceshiptwo makes first glide flight ] to begin,
    # spaceshiptwo was lifted ...", "[ related: how to turn ... ] it's unclear ..."): 2 sentences of
    # Multi-News validation, none in DUC 2003 (from an analyst's reading of Multi-News 00117).
    r"|\s*" + POINTER + r"\s+(?=[\w\"\u201c])"
    # A station's share-by-email form before the story ("You must enter the characters with black color
    # that stand out from the other characters message: * a friend wanted you to see this item from
    # wral.com: http://wr.al/13gnp \u2014 a judge's act of compassion ..."): 2 leads of Multi-News validation.
    r"|\W*(?:(?:you must enter the characters\b[^.!?:]{0,80}?\s+)?message:\s*\*?\s*)?"
    r"a friend wanted you to see this item from \S+:\s+\S+\s*(?:\u2014|\u2013|--|-)?\s*(?=\w)"
    # ... or as a label with its time, ended by a colon ("Update 2: 10pm: speaking to the wall street
    # journal, ...", "Updated 8: 21 a.m.: in the death investigation ...", "Update: writing for slate,
    # ..."): 5 sentences of Multi-News validation, none in DUC 2003. Without the colon ("Updated 2: 00
    # p.m. Eastern washington u.s. Defenses ...") what follows may be a dateline, and stays out.
    # A label before a date or a time alone ("Updated: wednesday, 8: 29 a.m.") is furniture, kept whole.
    r"|\W*updated?\s*(?::(?!\s*(?:\d|" + WEEKDAY + r"\b|" + MONTH + r"\s+\d))"
    r"|(?:" + WEEKDAY + r",?\s*)?\d{1,2}\s*:\s*\d\d\s*"
    r"(?:[ap]\.?\s?m\.?)?\s*(?:eastern|et|est|edt|pt|pst|pdt|gmt|bst)?\s*:)\s*(?=\w)"
    # ... or "updated at" a time with its zone, before a determiner ("updated at 5: 45 p.m. Et the u.s.
    # Is imposing sanctions ...": 1 sentence of Multi-News validation).
    r"|\W*updated at\s+\d{1,2}\s*:\s*\d\d\s*[ap]\.?\s?m\.?\s*(?:eastern|et|est|edt|pt|pst|pdt|gmt|bst)\s+"
    r"(?=(?:the|a|an)\b)"
    # NPR's image button and the caption's credit, printed twice, before the sentence it runs into
    # ("enlarge this image toggle caption gregorio borgia/ap gregorio borgia/ap furthering a thaw
    # ..."): the credit's second printing is the end; or one credit of NPR's own ("toggle caption
    # jonathan makiri/npr while you were ..."). 7 sentences of Multi-News validation, none in DUC 2003.
    r"|\W*(?:enlarge this image\s+)?toggle caption\s+"
    r"(?:(?P<credit>\S+(?:\s+\S+){0,5}?)\s+(?P=credit)|(?:\S+\s+){0,3}?\S+/npr)\s+(?=[\w\"\u201c])"
    # NBC's time stamps and the "/ updated" label, and a byline of one or two writers of two names
    # each before a word that opens a sentence ("nov. 29, 2018, 1: 40 am gmt / updated nov. 29, 2018,
    # 1: 52 am gmt by phil mccausland for weeks, student veterans ...", "/ updated in a personal
    # note, ..."). A byline read no further (three names, or a noun after two: "by sarah fitzpatrick
    # and tracy connor adult film star ...") leaves the label in place, and the sentence is furniture.
    # 4 of 5 such sentences of Multi-News validation, none in DUC 2003.
    r"|\W*(?:" + _GMT_STAMP + r"\s+)?/\s*updated\s+(?:" + _GMT_STAMP + r"\s+)?"
    r"(?:by\s+" + _NAME_WORD + r"\s+" + _NAME_WORD + r"(?:\s+and\s+" + _NAME_WORD + r"\s+" + _NAME_WORD
    + r")?\s+(?=" + _OPENER + r"\b)|(?!by\b)(?=\w))"
    # Politico's text-size buttons and the video's headline up to the site's "politico 44", before the
    # sentence it runs into ("text size - + reset video: weiner's teary presser politico 44 for now,
    # his vow ..."), or the buttons before a quotation: 4 sentences of Multi-News validation.
    r"|\W*text size\s*-\s*\+\s*reset\s+(?:[^.!?]{0,150}?\bpolitico 44\s+(?=\w)|(?=[\"\u201c]))"
    # A photo gallery's last caption and its counter before the story it closes on ("More shooting death of
    # a 19-year-old ... 1 / 2 back to gallery according to the eagle ..."): 1 page of Multi-News
    # validation, none of DUC 2003.
    r"|[^.!?]{0,300}?\b\d+\s*/\s*\d+\s+back to gallery\s+(?=\w)"
    # NBC's video player's share buttons, title and length ("Play facebook twitter embed ... 2: 23 a ...").
    r"|\W*play\s+facebook\s+twitter\s+(?:google plus\s+)?embed\s+[^.!?]{0,150}?\s\d{1,2}:\s?\d\d\s+(?=\w)"
    r"|\W*please enable javascript to watch this video\s+"
    r"(?:[a-z][a-z.' -]{1,30},\s+[a-z][a-z.' -]{1,20}?\s+(?:--|\u2014|\u2013)\s+(?=\S))?"
    # An advertisement's label run into the story's next sentence ("advertisement the stonehenge ...",
    # "Advertisement berry said ...", "Advertisement in explaining ..."): only before a word that opens
    # a sentence or a speaker, not "Advertisement revenue fell", "Advertisement in newspapers fell",
    # "Advertisement at the Super Bowl costs ...".
    r"|\W*advertisement\s+(?=(?:the|a|an|this|these|those|it|he|she|they|we|i|his|her|its|their|during"
    r"|after|before|when|while|since|despite|according|advertisement|let['\u2019]s|(?:in|by|on)\s+[a-z]+ing"
    r"|[\w'-]+\s+(?:said|says|told))\b|[\"\u201c])"
    r"|\s*\(\s*(?-i:here)\s*\)\s+(?=\S)"  # a link's marker where the link stood ("( here ) \" all of ...")
    r"|\W*" + _PHOTO_LABEL + r"\s*(?:buy photo\s+)?"
    # A page's story number scraped before its first words ("2951825 texas rep. And gop presidential
    # candidate ron paul ..."): seven digits or more, no comma, before a lower-case word; a count is
    # printed with commas ("10,000 people"). 1 sentence of Multi-News validation, none in DUC 2003.
    r"|\s*\d{7,}\s+(?=(?-i:[a-z]))"
    r"|\W*\(\s*(?:" + AGENCIES + "|" + BROADCASTERS + r")\s*\)\s+(?=[\w\"\u201c])",
    re.IGNORECASE,
)


# A story's headline and the page's bare "updated" label before its lede, whose subject and verb
# follow ("Man who had de facto kidnapped in africa murder plot jailed in melbourne updated a
# melbourne man has been sentenced ...": 2 pages of Multi-News validation, none in DUC 2003). Read
# only where a story starts; not a story that opens on something updated ("The agency updated the
# figures on monday").
_HEADLINE_UPDATED = re.compile(
    r"(?:(?!\b(?:said|says)\b)[^.!?:]){10,200}?"
    # ... not a verb's "updated" ("its software was updated the next day the flaw was found").
    r"(?<!\bwas)(?<!\bwere)(?<!\bis)(?<!\bare)(?<!\bbe)(?<!\bbeen)(?<!\bbeing)(?<!\bhas)(?<!\bhave)(?<!\bhad)"
    r"(?<!\bget)(?<!\bgot)(?<!\bnot)\s+updated\s+(?=(?:a|an|the)\s+(?:[\w'-]+\s+){0,4}?"
    r"(?:has|have|had|is|are|was|were|will|says|said)\s)", re.IGNORECASE)


# A story's headline before NPR's image button ("Japan sends long electric whip into orbit, to tame space
# junk enlarge this image toggle caption jaxa jaxa a cable ..."): read only where a story starts.
# A full stop after a lone letter is an abbreviation's ("u.s. Levels sanctions ...").
_HEADLINE_ENLARGE = re.compile(r"(?:[^.!?]|(?<=\b\w)\.){10,200}?\s+(?=enlarge this image\s+toggle caption\b)",
                               re.IGNORECASE)


# A photo's credit in brackets that a page without line breaks runs into the next sentence
# ("( ap photo/evan vucci ) ", "( uncredited/ap ) ", "( scott olson/getty images ) ",
# "( reuters/gleb garanich ) ", "( jim watson/afp/getty images ) ", "( image: reuters ) ").
# So does a photographer's credit naming the paper ("( hyoung chang, the denver post ) "), one
# "courtesy of" someone, and an agency's in square brackets ("[ photo/xinhua ] ").
_CREDIT_NOTE = (
    r"(?:\(\s*(?:[^()]{0,60}\bphotos?\b[^()]{0,60}|[^()]{0,60}/\s*(?:ap|afp|reuters|epa|getty images)"
    r"|(?:ap|afp|reuters|epa)\s*/\s*[^()/]{2,40}|getty images|(?:image|credit|picture)s?:\s*[^()]{1,60}"
    r"|courtesy of [^()]{3,60}"
    r"|uncredited|[^(),]{3,40},\s*(?:the\s+(?:[^\s(),]+\s+){0,3}(?:post|times|journal|tribune|herald|globe|"
    r"chronicle|gazette|inquirer|associated press)|getty images|reuters|afp|epa))\s*\)"
    r"|\[\s*(?:[^\[\]]{0,40}\bphotos?\s*[/:]|[^\[\]]{0,40}/\s*photos?\b)[^\[\]]{0,40}\])")
# A credit ends the text or is followed by the story ("buy photo" is a paper's button beside it).
_CREDIT = re.compile(_CREDIT_NOTE + r"(?:\s+(?:buy photo\s+)?(?=\S)|\s*$)", re.IGNORECASE)


# A photo gallery's teaser and credit run into a story's first sentence: "... police
# engaged... ( associated press ) iguala, mexico ( ap ) — a clandestine grave ...".
_GALLERY = re.compile(r"\(\s*associated press\s*\)\s+(?=\S)", re.IGNORECASE)
# A photo's credit as a caption ends: a credit above, or USA Today's photo label; not a bracket
# that points to pictures elsewhere ("( photos: inside the new stadium )", "( see photos )",
# "( photo gallery )").
_PHOTO_CREDIT = re.compile(r"\s*(?:" + _CREDIT_NOTE + "|" + _PHOTO_LABEL + r")(?=\s|$)", re.IGNORECASE)
_POINTER = re.compile(
    r"\b(?:see|click|gallery|galleries|related|more|watch|below|above|inside|slideshow|videos?|photos)\b",
    re.IGNORECASE)
# Where a bracket opens inside a sentence.
_INNER_BRACKET = re.compile(r"\s[(\[]")


def captioned(text: str) -> bool:
    """Whether ``text`` opens with a photo's credit in brackets.

    If it does, the sentence printed right before it in the same paragraph is
    that photo's caption (:func:`caption_before`).
    """
    credit = _PHOTO_CREDIT.match(text)
    return credit is not None and _POINTER.search(credit.group(0)) is None


def caption_before(sentence: str, following: str) -> bool:
    """Whether ``sentence`` is the caption of a photo whose credit opens ``following``.

    "an employee works on the production line ... ( photo by luke
    sharrett/bloomberg ) the u.s. economy added ...": a page scraped without
    its markup runs the caption, the credit and the story together. A
    sentence that names who said it is a report, kept whatever follows it.
    """
    return captioned(following) and REPORTED.search(sentence) is None


def caption_end(text: str) -> int:
    """Where a photo's caption run into the start of ``text`` ends: at its credit, inside the text; 0 if none.

    A caption that ends without a full stop ("... near moore haven, fla. (
    photo: luis m. alvarez, ap ) shocked members of a florida church ...")
    leaves its credit inside the sentence the splitter makes: the story's
    sentence starts at the credit (which :func:`run_in_end` then leaves out).
    """
    if "(" not in text and "[" not in text:
        return 0
    for m in _INNER_BRACKET.finditer(text):
        if captioned(text[m.start() + 1:]) and REPORTED.search(text, 0, m.start()) is None:
            return m.start() + 1
    return 0


def credit_end(text: str) -> int:
    """Length of the bracketed photo credits opening ``text`` (0 if there are none)."""
    at = 0
    while m := _CREDIT.match(text, at):
        at = m.end()
    return at


def run_in_end(text: str, *, second: bool = False) -> int:
    """Length of the page furniture a page without line breaks runs into the start of a sentence.

    A gallery's teaser up to its "( associated press )" credit, bracketed photo
    credits, and then what opens a story (:func:`lead_in_end`): "( photo: ...,
    ap ) washington ( ap ) — a man ..." starts at "a man"; a page's marker run into
    the sentence after it ("Story continued below graham grew up ...") too, and a
    dateline naming its agency where a page without line breaks starts its story
    after a photo's caption and credit ("... /shutterstock. Beijing, dec. 9 ( upi
    ) -- the reindeer ..."). For a story's ``second`` sentence of a page that writes names in
    lower case, a place's dateline too (:func:`place_dateline_end`): a headline or a video's
    blurb the page ran into the story puts it there ("... report on the resignation of ...
    Washington -- cia director david petraeus resigned friday ...": 4 sentences of Multi-News
    validation, none in DUC 2003); with capitals, "Firefighters -- exhausted, arrived ..." is
    prose. 0 if there is none.
    """
    if (paper := _PAPER_CREDIT.match(text)) and (place := place_dateline_end(text[paper.end():])):
        return paper.end() + place  # a story after a caption the page ran in (Multi-News 00012)
    gallery = _GALLERY.search(text)
    at = gallery.end() if gallery else 0
    credits = credit_end(text[at:])
    if not gallery and not credits and not _furniture_end(text, 0):
        agency = _AGENCY_DATELINE.match(text) or _CREDITED_DATELINE.match(text)
        return agency.end() if agency else place_dateline_end(text) if second else 0
    at += credits
    end = lead_in_end(text[at:])
    if not end and (gallery or credits):
        # A caption ends at its credit: what follows may open the story, with its place's dateline in
        # lower case ("... april 30, 2015. [ photo/xinhua ] xi ' an - china launched ..."; a capital
        # there is a subject set off by a dash: "( ap photo/evan vucci ) Trump — the president ...").
        end = place_dateline_end(text[at:], lower_case=True)
    return at + end


# A video player's close button, first on a page that prints the video's description as its opening
# ("Close police say a man shot himself in front of the white house. ... ( photo: pablo ... )"): known
# by the photo credit ("( photo: ...", "buy photo") within the next 600 characters, as the newspaper
# pages of one chain print them (8 pages of Multi-News validation, 7 of whose first sentences were
# facts). "Close" as an adjective is prose, first on a page with a credit too ("Close to 37,000
# people have died ...", "Close aides said ...").
_PLAYER_CLOSE = re.compile(
    r"\W*close\s+(?!(?:to|by|behind|enough|up|friends?|ties|aides?|allies|ally|associates?|relatives?|family"
    r"|calls?|contact|race|vote|look|watch|range|second|attention|inspection|encounters?|quarters"
    r"|observers?|advisers?|advisors?|confidants?|cooperation|relationships?|links)\b)"
    r"(?=.{0,600}?(?:\(\s*photo:|\bbuy photo\b))",
    re.IGNORECASE | re.DOTALL)


# An ellipsis glued to a word at the very end: where an excerpt was cut ("Starbucks has been working
# to...", "a vote on final passage in the early...").
_CUT_SHORT = re.compile(r"[^\W\d_]\s?(?:\.{3,}|\.(?: \.){2,}|\u2026)$")


def cut_short(last: str) -> bool:
    """Whether a page's last sentence is where the page was cut short: it ends in an ellipsis (three
    or more dots, spaced or not, or U+2026) right after its last word, as an excerpt's end is marked.
    Such words are no sentence the page printed whole (8 pages of Multi-News validation end so; none
    of DUC 2003's). An ellipsis inside a page ("the english are waking up...") is the writer's."""
    return _CUT_SHORT.search(last) is not None


# A page's date stamp opening a story, set off as a stamp is: an ISO date, a time after the date, a
# separator bar or dash, or a run of spaces before the story ("21 july 2011  for many months united nations
# aid agencies ...", "May 18, 2015, 1: 05 am &#124; the republican senator ...", "2015-12-10 vatican
# radio ..."): 3 of Multi-News validation's 870 sources, none of DUC 2003's. A date a sentence is
# about is written as prose ("March 11, 2011 changed japan forever", "July 4, 2015 was ..."). A stamp
# that goes on with its time zone ("july 30, 2018, 11: 29 am gmt / source: ...") is left whole: the
# furniture test takes that sentence. Read only where a story starts; :mod:`briefgen.sources.metadata`
# dates the source by the same marks (:data:`STAMP_MARK`).
#: A separator bar or dash that sets a page's date stamp off from the story after it (a dash a page's
#: decoding left as a control character too).
STAMP_MARK = r"(?:&#124;|\||--?|[\u2013\u2014\x96\x97])"
_ZONE = r"(?:gmt|utc|bst|cet|cest|ist|jst|kst|aest|aedt|[ecmp][sd]?t)\b"
_OPENING_DATE = re.compile(
    r"\W{0,3}(?:(?:\d{1,2}\s+" + MONTH + r",?\s+(?:19|20)\d\d|" + MONTH
    + r"\s+\d{1,2},?\s+(?:19|20)\d\d)\b"
    r"(?:,?\s+\d{1,2}:\s?\d\d(?!\s*(?:[ap]\.?m\.?\s*)?" + _ZONE + r")\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:&#124;|\|))?\s+"
    r"|\s*" + STAMP_MARK + r"\s*|\s{2,})"
    r"|(?:19|20)\d\d-\d\d-\d\d\b(?!\s*\d{1,2}:)\s*(?:(?:&#124;|\|)\s*)?)(?=\w)",
    re.IGNORECASE)


# A photo's caption and credit run into the story: "photo: getty", a credit's names set off by slashes
# ending in "getty" ("... gary wolstenholme / redferns / getty dave brockie, frontman ..."), a labelled
# credit ending in an agency, its last ("Photograph: brook lapping/kessler prod/bbc israel ...", ".../PA
# Wire/PA Images Theresa May"): 5 leads of Multi-News validation. Not "getty" alone ("sued getty a year ago").
_GETTY_CREDIT = re.compile(
    r"\W*(?:photo:\s*getty\s+|[^.!?]{0,150}?\s(?:[^\s/]+\s*/\s*)+getty(?:\s+images)?\s+"
    r"|(?:photo(?:graph)?(?:er)?|picture|image|credit)s?:\s+[^.!?:]{1,80}/\s*(?:getty|reuters|ap|afp|epa|bbc"
    r"|bloomberg|pa|rex|shutterstock|alamy|corbis|xinhua|zuma(?:\s+press)?|sipa|eyevine|redux|polaris|wireimage"
    r"|filmmagic|nurphoto|anadolu(?:\s+agency)?|the\s+guardian)(?:\s+(?:images|wire|features|photos?|tv"
    r"|studios|via\s+getty(?:\s+images)?))*\s+)"
    r"(?=[\"\u201c]?\s?\w)",  # the story, perhaps a quotation (its mark spaced apart in some text)
    re.IGNORECASE)
_GETTY_REACH, _LABEL_REACH = 220, 14  # read only where "getty" or a label's colon is this near the start


def _furniture_end(text: str, at: int) -> int:
    """Where the run-in furniture at ``at`` ends (:data:`_LEAD_FURNITURE`, a caption's "getty" credit, a
    BBC caption); ``at`` if none."""
    m = _LEAD_FURNITURE.match(text, at)
    if m is None or m.end() <= at:
        near = "getty" in text[at:at + _GETTY_REACH].lower() or ":" in text[at:at + _LABEL_REACH]
        m = _GETTY_CREDIT.match(text, at) if near else None
    return m.end() if m is not None and m.end() > at else bbc_caption_end(text, at)


def lead_in_end(text: str, *, story_start: bool = False) -> int:
    """Length of what opens ``text`` before its story: run-in page furniture, then a wire dateline.

    The splitter keeps it out of the first sentence; the sentence is still text the source printed,
    from the story's first word. At the start of a story (``story_start``), a headline before NPR's
    image button, a video player's close button, a headline before a bare "updated" label, a byline, a
    paper's credit, a date stamp and a place's dateline without capitals or agency count too.
    """
    at = 0
    if story_start and (headline := _HEADLINE_ENLARGE.match(text)):
        at = headline.end()
    while (end := _furniture_end(text, at)) > at:
        at = end
    place = 0  # a place's dateline read after a paper's credit, when the credit ends at ``at``
    if story_start:
        for pattern in (_PLAYER_CLOSE, _HEADLINE_UPDATED, _BYLINE):
            if found := pattern.match(text, at):
                at = found.end()
        if (paper := _PAPER_CREDIT.match(text, at)) and (  # not "(Good news) ..."
                paper["the"] or paper["dash"] or (place := place_dateline_end(text[paper.end():]))):
            at = paper.end()
        if stamp := _OPENING_DATE.match(text, at):
            at, place = stamp.end(), 0
    end = dateline_end(text[at:])
    if not end and story_start:
        end = place or place_dateline_end(text[at:]) or _bare_agency_end(text[at:])
    return at + end


# A paper's name in brackets, with "the", a dash or a place after it, opening its story ("( the washington
# post ) charlotte — it isn't often"): 1 lead of Multi-News validation, in a bottom line (00012, an
# analyst's reading). Read where a story starts, or before a place's dateline (:func:`run_in_end`).
_PAPER_CREDIT = re.compile(
    r"\W*\(\s*(?P<the>the\s+)?(?:(?!(?:in|on|at|of|for|by|with|from|to|and|least|\d+)\b)[a-z.'-]+\s+){0,3}"
    r"(?:[a-z]+-)?(?:post|times|journal|herald|tribune|globe|news|star|gazette|guardian|telegraph|independent"
    r"|observer|chronicle|inquirer|sun|bee|press|monitor|register|republic|courant|constitution|picayune"
    r"|ledger|today|mail)\s*\)\s*(?P<dash>(?:--|\u2014|\u2013)\s*)?(?=[\w\"\u201c])",
    re.IGNORECASE)


# A wire's name and a dash opening a story with no place ("Reuters health - parents ..."), at its start.
_BARE_AGENCY = re.compile(r"\W*(?:reuters(?:\s+health)?|ap|afp|upi)\s+(?:\u2014|\u2013|--|-|_)\s+(?=\w)",
                          re.IGNORECASE)


def _bare_agency_end(text: str) -> int:
    """Length of a wire's bare name and dash opening a story (:data:`_BARE_AGENCY`), or 0."""
    m = _BARE_AGENCY.match(text)
    return m.end() if m else 0


# A place's dateline as text that writes names in lower case prints it, or as a paper prints it
# in ordinary case: a place of one word, or of two or three whose first starts place names, with
# an optional region, then a spaced dash or hyphen ("Hesperia — ", "Hong kong — ", "Dover, fla. —
# ", "Port said, egypt — ", "Salt lake city — ", "Houston - "), or a page's ">>" ("San bernardino >>
# as community members mourned ...").
_PLACE_DATELINE = re.compile(
    r"(?P<place>[a-z][\w.'-]*(?:\s+[\w.'-]+){0,2})"
    r"(?:,\s+(?P<region>[a-z][a-z.'-]*(?:\s+[a-z.'-]+)?))?\s+(?P<dash>--|\u2014|\u2013|-|>>)\s+(?=\S)",
    re.IGNORECASE)
# First words of place names of two or three words ("New york", "San bernardino", "Rio de janeiro").
_PLACE_FIRST = frozenset(str.split(
    "new san santa los las port fort st. saint hong tel el la le rio sao buenos abu kuala salt des baton "
    "palm long grand little big east west north south cape lake mount mt. kansas oklahoma mexico panama "
    "costa sri ho addis"))
# Words that open a sentence, label a caption or name a time, and no place ("Meanwhile — ", "File --
# ", "Developing — ", "Tuesday, police — "; "Forget the rain forest — " is no place of one to three
# words either).
_NOT_PLACE = frozenset(str.split(
    "meanwhile however still now today yesterday tomorrow tonight then yes no well so also instead "
    "first second third finally file photo photos update updated correction note editor video watch "
    "listen read warning spoiler breaking developing live exclusive opinion analysis forget imagine "
    "remember although though because whereas unless until actually sadly clearly frankly honestly "
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july "
    "august september october november december"))
# What follows the dash of a name set off as a subject, not of a dateline: a relative pronoun or a
# verb ("Police — who had been called twice — arrived", "Trump — has said").
_AFTER_SUBJECT = re.compile(
    r"(?:who|whom|whose|which|that|is|was|are|were|has|had|have|will|would|said|says)\b", re.IGNORECASE)
# A second spaced dash of the same kind in the same sentence: the first opened an aside ("Madonna —
# the queen of pop — has cancelled her tour"; an em and an en dash alike), no dateline. A dash of
# another kind is an aside of the story's own ("Computerworld - the fbi is ... the friday rampage
# that left 28 people -- including lanza himself -- dead."), and a spaced hyphen is too common in
# scores and ranges to close one ("Boston - The Red Sox beat the Yankees 3 - 2 ...").
_LONG = r"\s(?:\u2014|\u2013)\s"
_ASIDE_CLOSE = {"--": re.compile(r"^[^.!?]*?\s--\s"), "\u2014": re.compile(r"^[^.!?]*?" + _LONG),
                "\u2013": re.compile(r"^[^.!?]*?" + _LONG)}


def place_dateline_end(text: str, *, lower_case: bool = False) -> int:
    """Length of a place's dateline opening a story with no agency and no capitals (0 if none).

    "Hesperia — a tragic accident ...", "Munich, germany – reclusive art
    collector ...": 34 Multi-News validation stories open so, and their first
    sentence, the story's lead, had been refused as a sentence carrying a
    dateline. Read only at a story's start, and not for what reads as a
    subject set off by a dash: a name of two or three words whose first
    starts no place name and no region follows ("Jonathon keats — a san
    francisco-based philosopher ..."), a word that opens a sentence
    ("Although — or perhaps because —"), labels a caption ("File -- ") or
    names a time, a region that is no place ("Jane doe, 34 — "), a dash
    followed by a relative pronoun or a verb ("Police — who had been called
    ..."), or one that opens an aside the sentence closes with another dash
    ("Madonna — the queen of pop — has cancelled her tour"). What it cannot
    tell: a subject whose first word starts place names ("Grand jury — the
    panel heard ...") reads as a place. With ``lower_case``, only a place
    written in lower case counts.
    """
    m = _PLACE_DATELINE.match(text)
    if not m or (lower_case and not m.group("place")[0].islower()):
        return 0
    # A word spelled with a spaced-out apostrophe after two letters or more, as tokenised text prints
    # it ("xi ' an"), is one word; after one it is a name's ("o ' reilly", "d ' angelo").
    words = re.sub(r"(?<=\w\w)\s+'\s+", "'", m.group("place").lower()).split()
    region = (m.group("region") or "").lower().split()
    if any(w in STOPWORDS or w in _NOT_PLACE for w in (words[0], *region)):
        return 0
    if len(words) > 1 and not region and words[0] not in _PLACE_FIRST:
        return 0
    aside = _ASIDE_CLOSE.get(m.group("dash"))
    if _AFTER_SUBJECT.match(text, m.end()) or (aside is not None and aside.match(text[m.end():])):
        return 0
    return m.end()


# A spaced dash that may close a place's dateline inside a story's first sentence.
_DASH = re.compile(r"\s(?:--|\u2014|\u2013)\s")
# A place before such a dash: one word, two whose first starts place names, or a place and its region.
_PLACE_BEFORE = re.compile(r"(?:(?P<first>[a-z][\w.'-]*)\s+)?(?P<last>[a-z][\w.'-]*(?:,\s+[a-z][\w.'-]*)?)$")
#: Most words of a headline a page runs into its story's dateline (set without data: a long headline).
HEADLINE_WORDS = 20
#: Content words a headline shares with the lead after the dateline at least: a headline says what
#: its lead says ("New allegations against kennel where 20 dogs died phoenix -- new allegations are
#: coming out against the dog boarding business where 20 dogs died last week"); prose before an
#: aside says something else ("... revealed sometimes by unusual methods — forgetting to water its
#: grass"). Set without data, and checked on every first sentence of Multi-News validation.
HEADLINE_SHARED = 3


def headline_dateline_end(text: str) -> int:
    """Length of a headline and a place's dateline a page without line breaks runs into a story's
    first sentence, in text that writes names in lower case (0 if there are none).

    "New allegations against kennel where 20 dogs died phoenix -- new allegations are coming out
    ..." and "Russia joins syria truce calls as fighting rages damascus — syria's ally russia added
    its voice ..." start at the lead. It counts where at most :data:`HEADLINE_WORDS` words without a
    sentence's end come before a place in lower case and a spaced dash that would open a story
    (:func:`place_dateline_end`), the words before the place end on no small word, and they share
    :data:`HEADLINE_SHARED` content words with the rest of the sentence. What it cannot tell: a
    headline that repeats none of its lead's words stays in the sentence.
    """
    for dash in _DASH.finditer(text):
        head = text[: dash.start()]
        if len(head.split()) > HEADLINE_WORDS or re.search(r"[.!?:;]\s", head):
            return 0
        place = _PLACE_BEFORE.search(head)
        if place is None:
            continue
        two = place.group("first") is not None and place.group("first").lower() in _PLACE_FIRST
        at = place.start("first") if two else place.start("last")
        words = head[:at].split()
        end = place_dateline_end(text[at:], lower_case=True) if len(words) >= 3 else 0
        if not end or words[-1].lower() in STOPWORDS:
            continue
        lead = text[at + end :]
        after = lead.lower().split()
        # A noun the words after the dash name again is set off by an apposition ("britain's newest
        # prince — and one shows prince louis ...", "an allied soldier -- a dog soldier ..."); a headline
        # printed twice, the second time with a dash inside ("lindsay lohan crash truck driver says it was
        # all her fault lindsay lohan crash -- truck driver says ..."), is no dateline either.
        again = (place.group("last").split(",")[0].lower() in after[:8]
                 or " ".join(after[:4]) in " ".join(head.lower().split()))
        if not again and len(content_set(head[:at]) & content_set(lead)) >= HEADLINE_SHARED:
            return at + end
    return 0


def dateline_end(text: str) -> int:
    """Length of a wire dateline opening ``text`` (0 if there is none)."""
    m = _WIRE_DATELINE.match(text)
    if not m or any(c.islower() for c in m.group(0).split("(")[0].split(",")[0]):
        m = _AGENCY_DATELINE.match(text) or _BROADCAST_DATELINE.match(text)
        return m.end() if m else 0
    return m.end()


# A story's first sentence that ends on a place and its region's abbreviation ("... foxborough,
# mass.", "video video smithfield, va."), and the next that opens with a spaced dash, a station's
# call sign before it at most ("- foxborough police are ...", "( wavy ) - a smithfield foods
# employee ..."): a page without line breaks ran its headline into the place's dateline, and the
# splitter took the abbreviation's stop for a sentence's end.
_PLACE_END = re.compile(r",\s+[a-z][a-z.]{0,4}\.$")
_DASH_LEAD = re.compile(r"(?:\(\s*[a-z][a-z0-9-]{1,9}\s*\)\s*)?(?:--?|\u2014|\u2013)\s+(?=[a-z])")


def placed_dash_end(before: str, text: str) -> int:
    """Length of the dash (and a call sign before it, and the spaces after it) opening a story's second
    sentence ``text`` when the first, ``before``, ends on a place's dateline (0 otherwise). Multi-News
    validation has three such openings in its 876 sources, DUC 2003 none in its 298."""
    m = _DASH_LEAD.match(text)
    return m.end() if m and _PLACE_END.search(before.strip()) else 0


# A wire dateline the cleaner left in: "LONDON (AP) _", "san francisco ( reuters ) -",
# "Tampa \u2014 ..." (a place of up to three words, then a dash).
_LEFT_DATELINE = re.compile(
    r"^[^.!?]{0,60}?\(\s*(?:" + AGENCIES + "|" + BROADCASTERS + r")\s*\)\s*(?:_|-|\u2014|\u2013)"
    r"|^(?P<place>[A-Z][\w.'&-]*(?:,?\s+[\w.'&-]+){0,2})\s+(?P<dash>_|--|\u2014)\s", re.IGNORECASE)


def left_dateline(text: str) -> bool:
    """Whether a sentence still opens with a wire dateline (an agency's or a place's before a dash).

    A place's dash that the sentence closes again (an odd number of the same dash after it) with no
    comma before it opens an aside between dashes, no dateline: "Five americans -- including a u.s.
    diplomat ... -- were killed ...", "Shoppers _ many of them Orthodox Jews ... _ fled in panic"
    (the AP's underscore dash); "COMMERCE, Mich. \u2014 ..." with a dash later is still a dateline.
    """
    m = _LEFT_DATELINE.match(text)
    if m is None:
        return False
    dash = m.group("dash")
    if dash is None or "," in m.group("place"):
        return True
    return text.count(dash, m.end()) % 2 == 0
