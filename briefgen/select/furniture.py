"""Page furniture a scraped page runs into its prose: labels, prompts, photo credits, captions, tickers.

A page copied without its markup runs what stands around its story (a photo's
caption and credit, a subscription prompt, a time stamp, a video player's
notice, a stock's ticker) into the story's sentences. :func:`run_in`,
:func:`caption`, :func:`ticker` and :func:`labelled` tell such a sentence; the stand-alone test
(:func:`briefgen.select.standalone.broken_rule`) refuses it as furniture.
Each phrase is one a news page prints around its prose, not in it.
"""

from __future__ import annotations

import re

from briefgen.select.doubled import (
    REPEATED_RUN,
    REPEATED_WORDS,
    REWORDED_WORDS,
    RUN_GAP,
    RUN_START,
    name_card,
    repeated_head,
)
from briefgen.text.datelines import AGENCIES, BROADCASTERS, MONTH, PAGE_MARKER, POINTER, WEEKDAY
from briefgen.text.frequency import zipf_table
from briefgen.text.quotes import TWEET_DATE
from briefgen.text.verbs import AUXILIARIES, IRREGULAR_PAST, REPORTED, has_verb
from briefgen.text.words import STOPWORDS
from briefgen.text.words import words as words_of

__all__ = ["REPEATED_RUN", "REPEATED_WORDS", "REWORDED_WORDS", "RUN_GAP", "RUN_START", "caption",
           "labelled", "name_card", "points_at_page", "repeated_head", "run_in", "ticker"]

# A weekday, and a full date as captions write it: "sept. 11 2014", "november 16, 2011", "march, 10, 2013".
_WEEKDAY = WEEKDAY
_MONTH_DAY_YEAR = MONTH + r",?\s+\d{1,2},?\s+(?:19|20)\d\d"
# Page furniture run into a sentence, as text pasted from a web page without its line breaks has
# it: a caption or photo credit, a time stamp, a prompt to read on, a wire bracket at the very start
# ("( cnn ) micheal brown stared ..."). Each phrase is one a news page prints around its prose, not in
# it: in Multi-News validation 123 of 5,701 sentences (2.2%) carried one and none of 40 drawn at
# random was prose. A subscription prompt ("be the first to know", "sign me up!") was added on
# reading its summaries (issue 19): 122 of its 5,692 sentences carry one.
_RUN_IN = re.compile(
    r"\bmedia playback is (?:unsupported|not supported)\b"
    r"|\b(?:media|image|toggle|hide) caption\b|\benlarge this image\b|\bimage copyright\b"
    r"|\bview full image\b|\bimage \d+ of \d+\b|&#124;|\w/(?:ap|afp|retna|shutterstock|wireimage|corbis)\b"
    # A vertical bar, as the page decoded it from "&#124;" or printed it: a separator between a time
    # stamp, a section or a site's name and the story ("may 18, 2015, 1: 05 am | the republican
    # senator ...", "« previous | main | next »"), never prose: 5 sentences of Multi-News
    # validation, none in DUC 2003 or the sample.
    r"|\|"
    # ... and the other photo agencies a credit names after its photographer ("nicole gourley/fairfax nz
    # bite fright: ...", "lawton/filmmagic ufc fighter ...", "duchess of cambridge/pa wire prince
    # louis ..."), by names no party, person or place shares ("bjp/aap", "mbeki/zuma",
    # "arlington/fairfax"): 3 more sentences of Multi-News validation, none in DUC 2003.
    r"|\w/(?:fairfax (?:nz|media)|filmmagic|pa wire|newspix|zuma press|alamy|rex features|invision"
    r"|sipa press)\b"
    r"|\bgetty images\b|\(\s*photo:|\bphotograph by\b|\bbuy photo\b"
    # A credit's "courtesy of" after the picture's word ("Photograph courtesy of brazos county's
    # judicial records search less ronald mcneil ..."): 2 sentences of Multi-News validation, none of
    # DUC 2003. Not "courtesy of" alone: "warm waters courtesy of el niño" is prose.
    r"|\b(?:photo(?:graph)?|image|picture)s?\s+courtesy\s+of\b"
    r"|\bphoto advertisement\b|\badvertisement continue reading\b|\bcontinue reading the main story\b"
    r"|\bgmt\s*/\s*updated\b"
    r"|\bthank you for reading\b|\bsubscriber account\b|\bpurchase a subscription\b"
    r"|\bplease check your email\b|\bclick (?:here|on the link)\b|\bstory highlights\b"
    r"|\bbe the first to know\b|\bsign me up\b|\bget push notifications\b"
    r"|\bthis refiled version\b"
    r"|\bthis [^.]{0,60}\bfile photo\b"
    # A caption's closing credit as the agencies word it, anywhere in the sentence ("... at a mosque in
    # mosul, ... on july 5, 2014, in this still image taken from video.", "In this picture taken
    # tuesday, ..."): 9 sentences of Multi-News validation, every one a caption, 8 of them already
    # furniture by other rules; none in DUC 2003. First, or after a comma, a year or AP's underscore:
    # not someone who "was in this photo taken in 1975", "the boy in this picture taken in 1945", "just
    # 5 in this photo taken by his mother" or 'the "napalm girl" in this photo taken in 1972'.
    r"|(?:^|(?<=,\s)|(?<=\d\d\d\d\s)|(?<=_\s))in this (?:(?:still|file|handout|undated|family|aerial)\s+)*"
    r"(?:photo|photograph|picture|image|video grab|frame grab|screen ?grab)\s+(?:\w+\s+){0,2}?"
    r"(?:taken|released|made|obtained|provided|posted|distributed)\b"
    # A page's marker where its story goes on, Politico's "Story continued below" and "Article continues
    # below" (3 and 1 sentences of Multi-News validation, none in DUC 2003). Briefing cuts it off the
    # sentence it runs into (briefgen.text.datelines.run_in_end); a text split without it keeps it.
    r"|\b" + PAGE_MARKER + r"\b"
    # Twitter's and Medium's page furniture, an AP photo's id (Multi-News validation: 1, 1 and 1
    # sentences, none in DUC 2003).
    r"|\breplying to @|\bblocked unblock follow\b|/\s*ap\s+id:\s*\d"
    # A teaser's link ("read more: ...") run into the story: "read more" before a colon; first in
    # the sentence, see _RUN_IN_FIRST. Elsewhere it is prose as often ("girls read more books").
    r"|\bread more\s*:"
    # A broadcast transcript's hand-over to its reporter ("janet shamlian reporting: matt, good
    # morning."): 1 sentence of Multi-News validation, none in DUC 2003.
    r"|\breporting:\s"
    # A video page's transcript: its toggle, and the ">>" with which a transcript marks a new speaker
    # inside the text ("show transcript hide transcript brian: a deadly cocktail ...", "Now an
    # unprecedented spike in overdose >> it's hard ..."): 2 sentences of Multi-News validation, none
    # in DUC 2003. A ">>" opening the text is a place's dateline (briefgen.text.datelines).
    r"|\bshow transcript\s+hide transcript\b|[^\W\d_][.,!?]?\s+>>\s+[^\W\d_]"
    # A timeline widget's toggle ("Timeline charlie gard show hide birth ..."), a wire story's note on
    # what its update changed ("( updates shares, bonds in eighth paragraph. )"), and a page's
    # pointer to a link (", go here."): 1, 1 and 1 sentences of Multi-News validation, none in DUC 2003
    # (from an analyst's reading of Multi-News memos).
    r"|\bshow hide\b|\(\s*updates?\s[^()]{0,80}\bparagraphs?\b|,\s*go here\b"
    # AP's live updates ("The Latest on ... (all times local): 10:43 p.m. ..."): the page's heading and
    # the time stamp of its first entry, run together where the text lost its breaks. No story
    # writes the bracket. 1 sentence of Multi-News validation, none in DUC 2003; a common form of
    # AP's coverage of elections, disasters and trials.
    r"|\(\s*all times\s+(?:local|eastern|central|mountain|pacific|[a-z]{1,4}t|gmt|utc)\s*\)"
    # An e-mail address: a press contact, a tip line, a reprint request ("... 202.488.6133
    # ahollinger@ushmm.org museum press kit ...", "tips@mediaite.com"): 5 sentences of Multi-News
    # validation, all furniture; none in DUC 2003 (from an analyst's reading of Multi-News memos).
    r"|(?<=[\w.+-])@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b"
    # A gallery's teaser and credit: "... ( associated press ) ...".
    r"|\(\s*associated press\s*\)"
    # An embedded tweet (its picture or short link, its signature: "— amber sullins ( @ambersullins )
    # july 26, 2014"), a web address after a colon (a share form's "from wral.com: http://") or in
    # an image tag, a time stamp's "/ updated by ..." and a video player's "replay more videos" (with
    # those at the start, below, and a stock's ticker, see ticker: 27 sentences of Multi-News
    # validation not refused before, every one furniture run into a sentence). A web address in
    # prose ("posted the report at https://www.fema.gov on Friday") stays.
    r"|\bpic\.twitter\.com/|\bhttps?://t\.co/|:\s*https?://|\bsrc=[\s\"']*https?://"
    r"|\(\s*@\w+\s*\)\s+" + TWEET_DATE
    + r"|(?:^|\s)/\s*updated\b|\breplay more videos\b"
    # A credit in brackets and an embedded tweet's date line (with the labels at the start, below:
    # 12 more sentences of Multi-News validation, all furniture; none in DUC 2003).
    r"|\(\s*credit:|\btweet published:|\(\s*(?:photo\s+)?provided by\b"
    # A page's pointer to a web address ("For information, visit http://www.exoticdriving.com the
    # experience expects ..."), run into the next sentence where the page lost its line breaks.
    r"|\bvisit\s+(?:https?://|www\.)"
    # The copyright sign before a year, or first: a credit or a notice ("Clip from an unmarried woman
    # \u00a9 1978 20th century fox.", "\u00a9 news group newspapers limited ..."): 3 sentences of
    # Multi-News validation, none in DUC 2003 (from an analyst's reading of Multi-News 00241). Not the
    # sign named in prose ("sued over the \u00a9 notice printed on its cover").
    r"|\u00a9\s*(?:19|20)\d\d\b|^\W*\u00a9"
    # A gallery slide's counter and date run into its caption ("kremlin pool photo via ap 2/50
    # 26 march 2018 at least 64 shoppers ..."): 2 in Multi-News validation, both captions.
    r"|(?:^|\s)\d{1,3}/\d{1,3}\s+\d{1,2}\s+(?:january|february|march|april|may|june|july|august"
    r"|september|october|november|december)\s+(?:19|20)\d\d\b"
    # A video player's notices and a page's pointer to what it shows below ("See below the recording
    # for ...", "Watch it yourself, below."): 5 sentences of Multi-News validation, none in DUC 2003.
    r"|\brating is available when the video has been rented\b|\bthis feature is not available right now\b"
    r"|\bsee below(?![\w-])|^\W*(?:watch|listen)\b[^.!?]{0,30}\bbelow\W{0,3}$"
    # Politico's text-size buttons and a newsletter's prompt ("Text size - + reset video: ...", "Get
    # metro headlines in your inbox: ..."): 8 sentences of Multi-News validation, none in DUC 2003;
    # "What landed in your inbox: a letter ..." is prose. (A fund page's disclaimer: _RUN_IN_FIRST.)
    r"|\btext size\s*-\s*\+\s*reset\b"
    r"|\b(?:headlines|newsletters?|updates|alerts)\s+(?:\w+\s+){0,2}in your inbox\b"
    r"|\bget\s+\w+\s+in your inbox\s+here\b"
    # ABC's follow buttons ("Interested in health care overhaul? add health care overhaul as an
    # interest to stay up to date ...", "add interest house of representatives: ..."): 2 sentences
    # of Multi-News validation, from an analyst's reading of its memos.
    r"|\badd\s[^.!?]{1,40}\sas an interest\b|\badd interest\b"
    # A site's moderation notice, the page speaking of itself ("Any comments not made to this dedicated
    # note page ( below this note ) will be hidden or removed."; not "Facebook said comments that break
    # its rules will be removed"): 1 sentence of Multi-News validation, from an analyst's reading.
    r"|\bcomments?\b[^.!?]{0,80}\bthis\s+(?:\w+\s+)?(?:note|page|post|article|story|thread|site)\b"
    r"[^.!?]{0,40}\b(?:will|may|can)\s+be\s+(?:hidden|removed|deleted)\b"
    # A time of posting run into a headline and its story ("... posted: wednesday, june 25, 2014 7: 29
    # pm edt updated: ...", "... posted at 4: 17 pm on august 24, 2012 by allahpundit ..."; with a
    # byline's weekday, see _RUN_IN_DAY): 2 sentences of Multi-News validation, from an analyst's reading.
    r"|\bposted:\s+" + _WEEKDAY + r",|\bposted\s+at\s+\d{1,2}:\s?\d\d\s*[ap]\.?m\.?\s+on\s+"
    r"(?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)",
    re.IGNORECASE)
# The same furniture that holds a weekday and no other piece of _RUN_IN_HINTS, apart: news prose
# names days in one sentence in six, and those sentences need not be tried against every phrase.
_RUN_IN_DAY = re.compile(
    # A photo's caption, which AP ends with the weekday and full date it was taken ("... in
    # pretoria, south africa, thursday, sept. 11 2014."): 17 sentences of Multi-News validation,
    # all captions; none in DUC 2003.
    r",\s*" + _WEEKDAY + r",?\s+" + _MONTH_DAY_YEAR
    + r"\s*\.?\s*[\"'\u201d]?\s*$"
    # A byline with its weekday, date and time run into a headline and its story ("... stan-stan ' by
    # kase wickman monday, october 10, 2011 10: 34 edt republican ..."): 1 sentence of Multi-News
    # validation, from an analyst's reading.
    r"|\bby\s+(?:(?!(?:on|at|in|last|this|next|the|a|an)\b)[a-z.'-]+\s+){1,3}" + _WEEKDAY + r",?\s+"
    + _MONTH_DAY_YEAR + r"\s*\d{1,2}:\s?\d\d",
    re.IGNORECASE)
# A fact sheet's bulleted list run into its lead-in: who (a plural noun) and a modal, "also" perhaps,
# and a colon, then the first item in lower case ("Health care systems and providers can also: use
# electronic health records ..."): one sentence of Multi-News validation (00143, from an analyst's
# reading), none in DUC 2003. Not "what they can: wash hands, ...", nor the month ("held in May: the
# first since ..."). Read only in a sentence with a colon, apart from _RUN_IN's many phrases.
_LIST_RUN_IN = re.compile(r"\b[a-z]{2,}s\s+(?:can|could|should|must|might|will)(?:\s+also)?\s*:\s+[a-z]+\b")
# Lower-case pieces one of which every match of _RUN_IN contains: a fast test that rules most
# sentences out before the pattern's 40-odd phrases are tried at every position (a tenth of the
# time on the sentences of 1,000 articles). A phrase added to _RUN_IN needs its piece here. Every
# match of _RUN_IN_DAY holds a weekday's name (_DAY_HINTS).
_DAY_HINTS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RUN_IN_HINTS = (
    "rating is available", "feature is not available", "below", "updated", "id:", "associated press",
    "media playback", "caption", "image", "&#124;", "|", "photo", "picture", "grab", "continue reading",
    "thank you for reading", "subscriber account", "purchase a subscription", "please check your email",
    "click", "story highlights", "be the first to know", "sign me up", "get push notifications",
    "this refiled version", "read more", "story continued below", "replying to @", "blocked unblock follow",
    "twitter.com/", "http", "@", "replay more videos", "credit:", "tweet published:", "/", "provided by",
    "www.", "text size", "inbox", "reporting:", "interest", "posted", "transcript", ">>", "comment",
    "show hide", "update", "go here", "all times", "courtesy", "\u00a9",
)
# The same furniture where it opens the sentence: the start of a photo's or a page's label ("View
# images", "Photo: ...", "Photos: ...", "Ap photo ...", "Photographer: ...", "Related: ...",
# "Topics: ...", "File photo: ...", "Image caption ...", "Editor's note: ...", "Copyright 2014 by
# ..."), a time stamp, AP's "File - this ... file photo shows ...", a wire's or a
# broadcaster's bracket ("( cnn ) micheal brown stared ..."), a web address or an ISO date first.
_RUN_IN_FIRST = re.compile(
    r"\W*(?:view images\b|photo:\s|updated:? \d{1,2}:\s?\d\d"
    r"|file\s*[-\u2013\u2014]+\s*(?:in\s+)?this\b"
    r"|\(\s*" + AGENCIES + r"\b[^()]{0,20}\)|\(\s*" + BROADCASTERS + r"(?:\s*/\s*[a-z]{4})?\s*\)"
    r"|https?://|(?:19|20)\d\d-\d\d-\d\d\b"
    r"|(?:photographer|photos?|related|topics|file photos?|editor['\u2019]s note):\s|image caption\b"
    # A fund page's disclaimer ("[ [ disclaimer: there are three gofundme accounts ..."): 1 sentence of
    # Multi-News validation; "The ad ended with a disclaimer: ..." is prose.
    r"|disclaimer:|\(\s*see\s"
    # AP's notes after its "___" rule: its member paper ("___ Information from: The (Attleboro, Mass.) Sun
    # Chronicle, http://...") and a correction ("___ This story has been changed to correct that ..."):
    # 2 sentences of Multi-News validation (00090's bottom line), none in DUC 2003.
    r"|_*\s*information from:\s|this (?:story|article) has been (?:changed|corrected|updated) to\b"
    r"|_+\s*this (?:story|article|version)\b"  # any note after the rule ("___ This version corrects ...")
    # A slideshow's buttons before its slide's headline and caption ("\u276e prev next \u276f 20 cars that
    # rack up tickets the highest percentage ..."): 1 lead of Multi-News validation (00040's bottom line).
    r"|(?:\d+\s+of\s+\d+\W+)?prev(?:ious)?\s+next\s*[\u276f\u203a>\u00bb]"  # or "1 of 20 \u276e prev ..."
    # A pointer to a gallery, a video or a related story in square brackets ("[ gallery \u2014 ...
    # ] to begin, ..."; briefing cuts it off the sentence it runs into, see datelines).
    r"|" + POINTER +
    # A photo's caption as the agencies word it ("This image made from amateur video released by
    # shaam news network ... purports to show ...", "This 2011 photo provided by the free ghoncheh
    # campaign, shows ...") and a book excerpt's permission line ("Published by arrangement with
    # dutton, ..."): 5 and 1 sentences of Multi-News validation, none in DUC 2003.
    r"|this\s+(?:[\w-]+\s+){0,3}?(?:image|photo|photograph|frame grab|video grab)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:made from|taken from|released by|provided by|made available by|obtained by|courtesy of)\b"
    r"|(?:published|reprinted|excerpted) (?:by arrangement|with permission)\b"
    # A writer's disclosure of an interest, a note on the story, not news ("The author of the story has a
    # family member with ..."): 1 sentence of Multi-News validation, first in 00248's bottom line. Not
    # a story's author named ("The author of the column, Bret Stephens, defended it ...").
    r"|the (?:author|writer|reporter) of (?:this (?:story|article|piece|column|post)\b"
    r"|the (?:story|article|piece|column|post) (?:has|is|was|owns|holds)\b)"
    # A screenshot's caption and credit first ("Screenshot by cnet korea following the indictment ...",
    # "Screenshot of shanna riddle vandewege's facebook page fort worth -- police ..."): 2 sentences of
    # Multi-News validation; "Screenshots from the company's chat service show ..." is prose.
    r"|screen ?(?:shot|grab)\s+(?:by|of|via|from|courtesy)\b"
    # A time stamp first: a date and a clock time ("july 30, 2018, 11: 29 am gmt / source: today by
    # ...", "May 18, 2015, 1: 05 am | the republican senator ..."): 2 sentences of Multi-News
    # validation, none in DUC 2003.
    r"|" + _MONTH_DAY_YEAR + r",?\s+\d{1,2}:\s?\d\d\s*[ap]\.?m\b"
    # A journal abstract's labels run into its sentences ("Importance parents hesitant to vaccinate
    # ...", "Objective to review ...", "Conclusions and relevance ..."): 4 sentences of one Multi-News
    # validation page; "Importance of ..." and "Objectives were set" are prose.
    r"|importance\s+(?!of\b|is\b|was\b)(?=[a-z])|objective\s+to\s|evidence review\s"
    r"|conclusions and relevance\s|design,\s+setting,?\s+and\s+participants\s|main outcomes? and measures?\s"
    r"|(?:ap|afp|reuters|getty|epa) photos?\b|(?:reuters|afp)/(?![\w-]+\s+(?:poll|polls|polling|survey)\b)\w"
    r"|copyright\s+(?:\u00a9\s*)?(?:19|20)\d\d\b)"
    # A pull quote's attribution, run into the next sentence: a dash, who said it and where, and the
    # date ("— herman cain, washington post-bloomberg debate, october 11, 2011 a family of four ...",
    # "— cain, on msnbc, october 12, 2011 it almost sounds ..."): 2 sentences of Multi-News
    # validation, none in DUC 2003.
    r"|(?:\u2014|\u2013|--)\s*[^.!?\u2014\u2013]{2,100}?,\s+" + _MONTH_DAY_YEAR + r"\b"
    # A teaser's link and a video page's date ("Read more about ...", "Published on jul 18, 2017").
    r"|read more\b"
    r"|published on\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+"
    r"(?:19|20)\d\d\b"
    # A page's call to act, first in the sentence and outside quotation marks ("Download the report
    # or view ...", "Subscribe now to ...", "( scroll down for updates )"): 9 more sentences of
    # Multi-News validation, all furniture; none in DUC 2003.
    r"|\(?\s*(?:download|subscribe|sign up|follow us|like us|share this|join us|scroll down"
    r"|watch the video|listen to (?:article|the)|get the \S+ app)\b",
    re.IGNORECASE)


def run_in(text: str) -> bool:
    """Whether page furniture runs into ``text`` (see :data:`_RUN_IN`, :data:`_RUN_IN_FIRST` and
    :data:`_LIST_RUN_IN`), or its opening words come again in it (:func:`repeated_head`)."""
    if _RUN_IN_FIRST.match(text) or (":" in text and _LIST_RUN_IN.search(text) is not None):
        return True
    low = text.lower()
    if any(hint in low for hint in _RUN_IN_HINTS) and _RUN_IN.search(text) is not None:
        return True
    if any(day in low for day in _DAY_HINTS) and _RUN_IN_DAY.search(text) is not None:
        return True
    return repeated_head(text) or name_card(text)


# A photo's caption run into the text: someone doing something in the present tense, and the
# date the photo was taken ("herman cain makes an appearance at ... in miami, florida november 16,
# 2011"; "an archaeologist works on an excavation site ... in xi ' an april 30, 2015"), or "in this
# photo taken ...". News prose tells events in the past tense; a relative clause or a pronoun before
# the verb, or a semicolon after it, is prose. 23 sentences of Multi-News validation, all captions
# (five had led a memo's bottom line); none in DUC 2003.
_CAPTION_VERBS = (
    "stands?|sits?|walks?|talks?|speaks?|gestures?|waves?|poses?|looks?|holds?|arrives?|leaves?|attends?"
    "|delivers?|performs?|listens?|smiles?|reacts?|greets?|shakes?|embraces?|hugs?|prays?|mourns?|watches?"
    "|carries?|rides?|plays?|sings?|dances?|cheers?|celebrates?|campaigns?|addresses?|makes?|takes?|visits?"
    "|kneels?|cries?|weeps?|salutes?|points?|wipes?|signs?|displays?|shows?|inspects?|tours?|examines?"
    "|boards?|rests?|marches?|protests?|gathers?|waits?|rall(?:y|ies)|works?"
    "|patrols?|guards?|search(?:es)?|clears?|runs?|drives?|flees?|uses?|reads?|writes?|hangs?"
)
# ... or any other word in the present tense's "-s" ("introduces", "photographs", "enters"; a plural
# noun may match, "agencies", and the date without a preposition then decides, where no idiom of
# :data:`_NOT_SHOWN` says what the verb does): 8 more sentences of Multi-News validation, all
# captions or page furniture. Not a verb of a timetable ("the court hears arguments monday, march 6,
# 2017", "the film premieres in theaters friday, dec. 16, 2016": from a reviewer's examples) before
# it, whichever word in "-s" the pattern then takes.
_ANY_PRESENT = r"[a-z]{3,}[^s\W]s"
_SCHEDULE = re.compile(r"\b(?:premieres|opens|hears|begins|starts|marks|ends|airs|debuts|returns|closes"
                       r"|expires|resumes|convenes|meets|launches|releases|goes|comes|takes|runs|holds|hosts"
                       r"|plays)\b", re.IGNORECASE)
# The caption's subject and verb at the sentence's start, the subject of up to twelve words with
# its apposition ("hillary adams, daughter of ... judge william adams, talks outside ..."; no
# pronoun, relative word, modal or auxiliary before the verb: those make prose, "The new law will
# take effect ..."), and the date the
# photo was taken, which prose introduces with a preposition ("on Jan. 1, 2020") and a caption
# does not ("in miami, florida november 16, 2011"; "during a briefing saturday, dec. 14, 2013").
_HEAD_SUBJECT = (
    r"^[^\w.'\u2019-]*(?:(?!(?:who|that|which|he|she|they|it|we|i|will|would|to|can|could|may|might|must"
    r"|should|shall|did|does|do|is|are|was|were|be|been|has|have|had|not)\b)[\w.'\u2019-]+,?\s+){1,12}?")
_CAPTION_HEAD = re.compile(_HEAD_SUBJECT + r"(?:" + _CAPTION_VERBS + r")\b", re.IGNORECASE)
_CAPTION_HEAD_ANY = re.compile(_HEAD_SUBJECT + _ANY_PRESENT + r"\b", re.IGNORECASE)
# ... or a subject described between commas, then the verb. With a weekday and a full date, either
# is what a caption says, with "on" before the date or without ("chris davis, a senior who plays
# basketball at arapahoe high school, hangs a sign ... on saturday, dec. 14, 2013.", "a deputy of the
# arapahoe county, colo., sheriff's department walks next to crime scene tape ... on saturday, dec.
# 14, 2013.": Multi-News 00176, printed in a bottom line; 3 more sentences of Multi-News validation).
_DESCRIBED_HEAD = re.compile(
    r"^\W*[^,;:]{2,60},\s+(?:an?|the|who)\b[^,;:]{2,120},\s+(?:" + _CAPTION_VERBS + r")\b", re.IGNORECASE)
_PHOTO_DATE = re.compile(
    r"\b(?:" + _WEEKDAY + r",?\s+)?" + _MONTH_DAY_YEAR,
    re.IGNORECASE)
# A participle right before a date dates what it names, as AP's prose writes it ("a map released
# february 26, 2015", "which opened march 3, 2015"); a caption's date follows the place. A date
# after "the" names an event ("since the sept. 11, 2001, terrorist attacks").
_DATED_BY_VERB = re.compile(r"\b[a-z]+ed\s+$", re.IGNORECASE)
_DATE_PREPOSITION = re.compile(
    r"\b(?:on|since|until|till|from|by|before|after|and|between|through|of|to|than|at|the)\s+$",
    re.IGNORECASE)
# What a caption shows in the passive, and the weekday and full date it was taken, which prose
# names with a weekday or a date, seldom both and the year (Multi-News validation: 58 sentences
# carry both, all but four of them captions; DUC 2003: none).
_PICTURED = re.compile(r"^.{0,100}?\b(?<!\bwhich )(?<!\bthat )(?<!\bwho )(?:is|are)\s+"
                       r"(?:displayed|pictured|shown|seen)\b(?!\s+as\b)(?![^.;]*\b(?:was|were|had|will)\b)",
                       re.IGNORECASE)
_WEEKDAY_DATE = re.compile(r"\b" + _WEEKDAY + r",?\s+" + _MONTH_DAY_YEAR, re.IGNORECASE)
# A picture agency's view ("General view of the emergency entrance ...", "An aerial view of ..."),
# with the date the photo was taken and no preposition before it.
_VIEW_OF = re.compile(r"\W*(?:an?\s+)?(?:general|aerial|partial|exterior|interior)\s+view\s+of\b",
                      re.IGNORECASE)
# Where a caption's first sentence ends: a semicolon or a full stop, not a month's ("dec. 14") nor
# one after a word of one to three letters, as an abbreviation's is ("u.s. Republican presidential
# candidate", "st. Louis"; a short word's stop, "war.", is passed over too).
_CAPTION_STOP = re.compile(
    r";|(?<!\bjan)(?<!\bfeb)(?<!\baug)(?<!\bsep)(?<!\bsept)(?<!\boct)(?<!\bnov)(?<!\bdec)"
    r"(?<![\s.][^\W\d_])(?<![\s.][^\W\d_]{2})(?<![\s.][^\W\d_]{3})\.\s", re.IGNORECASE)
# AP's "In this Nov. 13, 2003, photo, ..." and "in this undated handout photo ...".
_IN_THIS_PHOTO = re.compile(
    r"^[^\w]*(?:[^.!?]{0,40}\s_\s*)?in this (?:(?:undated|handout|family|file)\s+)*"
    r"(?:(?:" + _WEEKDAY + r",?\s+)?" + _MONTH_DAY_YEAR + r",?\s+"
    r"|(?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d\s+|(?:19|20)\d\d\s+)?"
    r"(?:(?:file|handout|still)\s+)?"
    r"(?:photo|picture|image|frame grab)(?![-\w])",
    re.IGNORECASE)
# Where a person stands in the photo: "herman cain ( r ) greets supporters", "( 2nd l )", "( l-r )",
# "( second from left )", "( front row, 2nd l )".
_POSITION = re.compile(
    r"\s*\(\s*(?:(?:front|back|top|bottom|middle)(?:\s+row)?,?\s+)?"
    r"(?:(?:\d(?:st|nd|rd|th)|second|third|fourth)\s+(?:from\s+)?)?"
    r"(?:l|r|c|l-r|l to r|left|right|center|centre|top|bottom)(?:,\s*(?:front|back|top|bottom))?\s*\)",
    re.IGNORECASE)
# Verbs of a caption that with the noun after them say something else: "takes effect", "makes landfall".
_NOT_SHOWN = re.compile(r"\s+(?:effect|office|place|over|part|landfall|power|hold|steps|shape|aim)\b",
                        re.IGNORECASE)
# ... anywhere, after a word ("takes place monday, sept. 26, 2016"): read where the verb is not known.
_IDIOM = re.compile(r"\w" + _NOT_SHOWN.pattern, re.IGNORECASE)
# A caption's subject longer than eight words holds an apposition between commas ("hillary adams,
# daughter of ... william adams, talks ..."): the rest are prose.
_SHORT_HEAD = 8


# A stock's ticker and its move run into the text, as market pages print them ("google inc. Googl,
# +1.74 % announced ..."): the ticker is no common English word and a word other than a preposition
# follows the move ("Retail sales fell in May, -0.4% from April", "in Peru, +4.1%, and" are prose).
_TICKER = re.compile(r"\b([a-z]{1,5}),\s?[+\-\u2212]\d{1,3}\.\d{1,2}\s?%\s+"
                     r"(?!(?:from|on|by|in|to|than|of|at|for|and|or|over|since|after|before|year)\b)[a-z]",
                     re.IGNORECASE)
_TICKER_ZIPF = 4.0  # "ibm" 3.9 and "bac" 3.1 in wordfreq's list, "exports" 4.1 and "may" 6.0


def ticker(text: str) -> bool:
    """Whether ``text`` carries a stock's ticker and move (see :data:`_TICKER`)."""
    table = zipf_table()
    return any(table.get(m.group(1).lower(), 0.0) < _TICKER_ZIPF for m in _TICKER.finditer(text))


# Only in text that writes names in lower case: AP's prose writes dates without "on" ("The new rule
# takes effect Jan. 1, 2020"), and a sentence with capitals inside it is read by them elsewhere.
_CAPTION_CAPITALS = 0.05


# ... or set off by commas after a name: "patrick sullivan, right, with his attorney ... appeared in
# court", "angelika graswald, second from left, stands in court", "micheal brown, left, and lekha
# sunder were accepted ...": only captions say so (16 sentences of Multi-News validation, and 7 more
# with "and" after the place, all captions; none in DUC 2003; "ai, left, or right" is a list).
_POSITION_BY_COMMAS = re.compile(
    r"\b(?!(?:left|right|center|centre|turn|turned|turns|turning|up|down)\b)[^\W\d_]+,\s+"
    r"(?:(?:second|third|fourth|far)\s+(?:from\s+)?)?(?:left|right|center|centre),\s+"
    r"(?!(?:or|nor|then|i|we|you|he|she|it|they|is|was|are|were|that|this)\b)",
    re.IGNORECASE)


_AND_NEXT = re.compile(r"and\s+([^\W\d_]+)", re.IGNORECASE)


def _placed(text: str) -> bool:
    """Whether ``text`` places someone in a photo by commas (:data:`_POSITION_BY_COMMAS`). Before "and",
    only if no verb follows it: "fired twice, left, and drove away" lists what the gunman did."""
    for m in _POSITION_BY_COMMAS.finditer(text):
        after = _AND_NEXT.match(text, m.end())
        if after is None:
            return True
        word = after.group(1).lower()
        if not (word.endswith("ed") or word in IRREGULAR_PAST or word in AUXILIARIES):
            return True
    return False


def _bare_date(text: str, date: re.Match[str]) -> bool:
    """Whether no preposition introduces ``date`` in ``text``, as a caption gives the day it was taken."""
    return not _DATE_PREPOSITION.search(text, max(0, date.start() - 12), date.start())


# Someone or something "in a picture posted to facebook", "in a photo released by police": with no
# verb before or after it, the words are a caption's. 2 sentences of Multi-News validation (00233's gallery,
# one printed first in its bottom line), none of DUC 2003; "He appears in a photo posted ..." is prose.
_IN_A_PICTURE = re.compile(
    r"\bin an?\s+(?:(?:undated|file|recent|handout|family)\s+)*(?:picture|photo|photograph|image|mugshot"
    r"|booking photo)\s+(?:posted|taken|released|provided|shared|published|obtained|made available)\b",
    re.IGNORECASE)

# Words that make a clause finite after the picture's phrase; not "may" ("on may 5, 2015") nor a word
# in "-s" ("nine days before her death").
_FINITE_AFTER = frozenset(("is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
                           "might", "must", "says", "said", "do", "does", "did"))
_SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you"))
# What a caption's phrase goes on with: where, when, by whom ("... posted to facebook on april 24").
_CAPTION_PREPOSITIONS = frozenset(("to", "on", "by", "in", "at", "from", "via", "of", "with", "after",
                                   "before", "during", "last", "this", "earlier"))
_NUMBER_WORDS = frozenset(("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
                           "few", "many"))


def _verbless(before: str, after: str) -> bool:
    """Whether the words around a picture's phrase make no clause: no verb nor subject pronoun before it;
    after it, nothing or a phrase opening on a preposition with no finite verb and no word in "-s" but
    after a number ("He appears in a photo posted ...", "A man in a photo posted online claims ...",
    "The woman in a photo posted on Twitter wears ..." and "The suspect, shown in a photo released by
    police, was arrested ..." are prose)."""
    first = words_of(before.lower())
    if has_verb(first) or not _SUBJECT_PRONOUNS.isdisjoint(first):
        return False
    rest = words_of(after.lower())
    if rest and rest[0] not in _CAPTION_PREPOSITIONS:
        return False
    return not any(w in _FINITE_AFTER or w in IRREGULAR_PAST or (len(w) > 3 and w.endswith("ed"))
                   or (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))
                       and not (k and (rest[k - 1].isdigit() or rest[k - 1] in _NUMBER_WORDS)))
                   for k, w in enumerate(rest))


def caption(text: str) -> bool:
    """Whether ``text`` is a photo's caption (see :data:`_CAPTION_VERBS`)."""
    if _placed(text):
        return True
    if _VIEW_OF.match(text) and any(_bare_date(text, d) for d in _PHOTO_DATE.finditer(text)):
        return True  # "General view of the emergency entrance to the hotel dieu ... in paris april 22, 2015."
    if "(" in text:
        text = _POSITION.sub("", text)
    low = text.lower()
    if "in this" in low and _IN_THIS_PHOTO.match(text):
        return True  # AP's "In this Nov. 13, 2003, photo, ...", in capitals too
    shown = _IN_A_PICTURE.search(text) if "in a" in low else None
    if shown is not None and _verbless(text[:shown.start()], text[shown.end():]):
        return True  # "lacie larose in a picture posted to facebook on april 24, nine days before ..."
    words = text.split()
    # A capital after an abbreviation's stop is the splitter's or the page's, not a name's
    # ("... introduces u.s. Republican presidential candidate ... in st. Louis, missouri, ...").
    capitals = sum(w[:1].isupper() and not before.endswith(".")
                   for before, w in zip(words, words[1:], strict=False))
    if capitals > _CAPTION_CAPITALS * max(len(words) - 1, 1):
        return False
    date = _WEEKDAY_DATE.search(text)
    if date is not None and _PICTURED.match(text[:date.start()]):
        return True  # "an 1873 dime ... is displayed on friday, aug. 10, 2012, in philadelphia."
    described = (_CAPTION_HEAD.match(text) or _DESCRIBED_HEAD.match(text)) if date is not None else None
    if (described is not None and REPORTED.search(text) is None
            and not _NOT_SHOWN.match(text, described.end())):
        return True  # "chris davis, a senior ..., hangs a sign ... on saturday, dec. 14, 2013."
    if _PICTURED.match(text) and REPORTED.search(text) is None and any(
            _bare_date(text, d) and not _DATED_BY_VERB.search(text, max(0, d.start() - 16), d.start())
            for d in _PHOTO_DATE.finditer(text)):
        return True  # "a vial of ... vaccine is seen at boston children's hospital ... february 26, 2015."
    head = _CAPTION_HEAD.match(text)
    if head is None and not _IDIOM.search(text):
        head = _CAPTION_HEAD_ANY.match(text)
        if head is not None and _SCHEDULE.search(text, 0, head.end()):
            head = None
    if (head is None or _NOT_SHOWN.match(text, head.end()) or REPORTED.search(text)
            or len(head.group(0).split()) - 1 > _SHORT_HEAD and "," not in head.group(0)):  # less the verb
        return False
    stop = _CAPTION_STOP.search(text, head.end())
    end = stop.start() if stop else len(text)
    return any(_bare_date(text, date) for date in _PHOTO_DATE.finditer(text, head.end(), end))


# A label of one to four words and a colon opening the sentence: a transcript's speaker ("Judy
# woodruff: herman cain ... spent the day ...", "Herman cain, ( r ) presidential candidate: i have
# never ..."), a headline run into its story ("Charlie gard: judge to decide ...", "Bahrain:
# one-year prison sentence ..."), a page's label ("Verified: ..."). In Multi-News validation 54
# sentences open so; those whose label holds a verb ("Job creation is accelerating: employers
# added ...", "Bassist mike bishop writes: ...") or opens with a stop word ("She added: ...", "The
# characters read: ...", "For example: ...") are prose, and so is a time or a verse, a digit on
# either side of the colon ("Shortly after 4: 45 pm police arrived", "John 3: 16 was painted").
# DUC 2003 has none besides its "Focus:" lines.
_LABEL = re.compile(
    r"(?P<label>[^\W\d_][\w.'\u2019-]*(?:\s+[\w.'\u2019-]+){0,3})(?<!\d)"
    r"(?:,\s*\(\s*[rdi]\S{0,3}\s*\)[^:]{0,40})?:\s+(?!\d)\S")


def labelled(text: str) -> bool:
    """Whether ``text`` opens with a speaker's, headline's or page's label and a colon (:data:`_LABEL`)."""
    m = _LABEL.match(text)
    if m is None:
        return False
    label = [w.lower().replace("\u2019", "'") for w in m.group("label").split()]
    return label[0] not in STOPWORDS and not has_verb(label)


# A sentence that points at the page around it: its video, photo or code "shown here", "embedded
# below", "click here", "watch above", "the video below", an explanation that "follows." The memo
# has no such page. 15 sentences of Multi-News validation's sources, all about the page's media or
# buttons; none in DUC 2003's. Not a place ("troops posted here", "last seen here on Friday") or a
# level ("scored 70 or above", "below the state average"). "Here is", "here are" or "here's" opening
# the sentence presents what the page shows ("Here is francesca wade's review ...", "Here's a bit of
# audio from their exchange"), unless a colon soon gives what it presents ("Here are the results:
# Smith won 52 percent", which leans instead) or it introduces someone's words the quotation rules
# read ("Here's a tweet by house speaker paul d. Ryan ..."); after a comma or a bracket, a count or
# the page's own list ("... here are 20 of wiig's most memorable bits", "here is our third annual
# spring fashion edit"), not a clause of prose ("In Kabul, here is the reality: ..."). Each a page's teaser in
# Multi-News validation; none in DUC 2003 (from an analyst's reading of Multi-News 00177, whose one
# bullet it was). "Following is", "The following are" or "What follows is" and, within two words, a
# text, a transcript, excerpts, a list, a chronology, key facts, a look or a profile opening a sentence
# announce a document the page prints after it ("Following is the text of the first two sections of
# the Sherman Act", "Following is a chronology of major events in Kosovo:"): three sentences of both
# sets, all such, one of them a bullet of DUC 2003's d31033t; not "The following are among the
# victims: ..." nor '"Following is easy; leading is hard," Jackson said.'.
_AT_PAGE = re.compile(
    r"\b(?:shown|pictured|featured|embedded)\s+(?:here|below|above)\b|\bseen\s+(?:below|above)\b"
    r"|\b(?:the|this)\s+(?:video|photo|photos|image|images|clip|graphic|gallery|chart|map|code)\s+"
    r"(?:below|above|here)\b"
    r"|\b(?:video|photo|photos|image|images|clip|code|watch|see|listen|recording|yourself)\b[^.!?]{0,30}"
    r"\b(?:below|above)\s*[.:]\s*$"
    r"|\b(?:explanation|story|list|transcript|statement|text|interview|video)\s+follows\s*[.:]\s*$"
    r"|\bclick\s+(?:here|below)\b"
    r"|^\W*(?:(?:the\s+)?following\s+(?:is|are|was|were)|what\s+follows\s+is)\s+(?:(?:the|a|an)\s+)?"
    r"(?:[\w'.-]+\s+){0,2}?(?:text|transcript|excerpts?|statement|list|summary|highlights|remarks|chronology"
    r"|timeline|facts|look|profile|factbox|results|biography|reaction|reactions)\b"
    r"|^\W*here(?:\s+(?:is|are)\b|\s*['\u2019]\s*s\b)(?![^:]{0,40}:)"
    r"(?!\s+(?:(?:a|an|the|his|her|their)\s+)?(?:tweet|statement|post|message|letter)s?\b)"
    r"|[,;\u2013\u2014(]\s*here(?:\s+(?:is|are)|\s*['\u2019]\s*s)\s+(?:\d[\d,]*|our|some|the\s+(?:best|top|full))\b",
    re.IGNORECASE)


_AT_PAGE_HINTS = ("here", "below", "above", "follow")


def points_at_page(text: str) -> bool:
    """Whether ``text`` points at the page's media or buttons (see :data:`_AT_PAGE`)."""
    low = text.lower()
    # Every match holds one of these words: most sentences are ruled out before the pattern runs.
    if not any(word in low for word in _AT_PAGE_HINTS):
        return False
    return _AT_PAGE.search(text) is not None
