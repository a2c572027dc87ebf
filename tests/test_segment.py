"""Sentence splitting: suites, targeted cases, offsets, the pipeline adapter, properties."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import SHARED, make_source
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.model import Line, Sentence
from briefgen.select.standalone import broken_rule
from briefgen.text.sentences import segment, sentence_spans, split_sentences
from briefgen.text.sumy_tokenizer import OfflineTokenizer

GOLDEN = SHARED / "bench" / "segment_golden_en.json"
NEWS = Path(__file__).resolve().parent / "data" / "segment_news.json"

# Pinned scores: raise them when the splitter improves, never lower them silently.
# (The bars set for the splitter are 48/52 on Golden Rules and F1 0.97 on news prose.)
GOLDEN_EXACT_MIN = 52
NEWS_F1_MIN = 0.99


def _norm(s: str) -> str:
    return " ".join(s.split())


def _boundaries(sentences: Sequence[str]) -> set[int]:
    """Sentence ends as counts of non-space characters before them (last one excluded)."""
    out, pos = set(), 0
    for s in sentences[:-1]:
        pos += len("".join(s.split()))
        out.add(pos)
    return out


def _segment_block(text: str) -> list[Sentence]:
    """The sentences of ``text`` as one prose block of source s1."""
    block = Line(source_id="s1", start=0, end=len(text), text=text, kind="prose")
    return segment(make_source("s1", text), [block])


def _squash(text: str) -> str:
    return "".join(text.split())


# --------------------------------------------------------------------------- suites


def test_golden_rules_exact_score() -> None:
    if not GOLDEN.exists():
        pytest.skip(f"{GOLDEN} not available")
    cases = json.loads(GOLDEN.read_text(encoding="utf-8"))
    failed = [
        c["id"]
        for c in cases
        if [_norm(s) for s in split_sentences(c["text"])] != [_norm(s) for s in c["expected"]]
    ]
    assert len(cases) - len(failed) >= GOLDEN_EXACT_MIN, failed


def test_news_suite_boundary_f1() -> None:
    cases = json.loads(NEWS.read_text(encoding="utf-8"))
    assert len(cases) >= 60
    tp = fp = fn = 0
    for case in cases:
        got = _boundaries(split_sentences(case["text"]))
        want = _boundaries(case["expected"])
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= NEWS_F1_MIN


def test_news_suite_expectations_are_the_input() -> None:
    """Every expected split of the news suite is its text, up to white space."""
    for case in json.loads(NEWS.read_text(encoding="utf-8")):
        assert _squash("".join(case["expected"])) == _squash(case["text"]), case["id"]


# --------------------------------------------------------------------------- targeted cases

TARGETED = [
    # abbreviations that must not end a sentence
    (
        "The summit here on Jan. 13 signaled improving ties. They met at a hotel.",
        ["The summit here on Jan. 13 signaled improving ties.", "They met at a hotel."],
    ),
    (
        "Remains were first excavated only in Aug. of last year.",
        ["Remains were first excavated only in Aug. of last year."],
    ),
    (
        "They stressed Korea-U.S.-Japan cooperation. Seoul agreed.",
        ["They stressed Korea-U.S.-Japan cooperation.", "Seoul agreed."],
    ),
    ("I work for the U.S. Government in Virginia.", ["I work for the U.S. Government in Virginia."]),
    (
        "Gen. Kim Myung-soo and Sen. Warren met Dr. Sato.",
        ["Gen. Kim Myung-soo and Sen. Warren met Dr. Sato."],
    ),
    # abbreviations that do end one
    ("I live in the U.S. How about you?", ["I live in the U.S.", "How about you?"]),
    ("The dinner began at 7 p.m. Lee then left.", ["The dinner began at 7 p.m.", "Lee then left."]),
    ("At 5 a.m. Mr. Smith went to the bank.", ["At 5 a.m. Mr. Smith went to the bank."]),
    ("The vote is at 2 p.m. Tuesday.", ["The vote is at 2 p.m. Tuesday."]),
    (
        "They cover trade, security, culture, etc. China is absent.",
        ["They cover trade, security, culture, etc.", "China is absent."],
    ),
    # numbers
    (
        "The photo was taken on Tuesday 2026.1.13 at the venue.",
        ["The photo was taken on Tuesday 2026.1.13 at the venue."],
    ),
    ("She has $100.00. It is in her bag.", ["She has $100.00.", "It is in her bag."]),
    (
        "The disaster killed 183 people in 1942. Lee called it a tragedy.",
        ["The disaster killed 183 people in 1942.", "Lee called it a tragedy."],
    ),
    # quotes
    (
        "He said, \u201cWe made progress.\u201d He added, \u201cMore work remains.\u201d",
        ["He said, \u201cWe made progress.\u201d", "He added, \u201cMore work remains.\u201d"],
    ),
    (
        "\u201cWhy now?\u201d one lawmaker asked. The minister did not answer.",
        ["\u201cWhy now?\u201d one lawmaker asked.", "The minister did not answer."],
    ),
    (
        "\u201cCan we trust them?\u201d Kim asked. Nobody replied.",
        ["\u201cCan we trust them?\u201d Kim asked.", "Nobody replied."],
    ),
    # ... with the marks spaced apart, as tokenised text prints them (Multi-News 00012, 00112), but
    # not before a speaker who introduces the next quotation (00170).
    (
        "Microphones caught them. \" did he have a debt? \" clinton asked. The host laughed.",
        ["Microphones caught them.", "\" did he have a debt? \" clinton asked.", "The host laughed."],
    ),
    (
        "The crowd cheered. \" freedom for cuba now! \" cain replied and went back to his plan.",
        ["The crowd cheered.", "\" freedom for cuba now! \" cain replied and went back to his plan."],
    ),
    (
        "Abc news asked: \" is he our ally? \" said gibbs: \" there are times when he helps. \"",
        ["Abc news asked: \" is he our ally? \"", "said gibbs: \" there are times when he helps. \""],
    ),
    # ... nor where the mark opens the next quotation, or a clause on what was asked follows (a review).
    (
        "Who pays for the bridge? \" we told them the state would pay, \" the mayor said. It was late.",
        ["Who pays for the bridge?", "\" we told them the state would pay, \" the mayor said.",
         "It was late."],
    ),
    (
        "The crowd cheered. \" is he our ally? \" asked about the deal, gibbs declined to comment.",
        ["The crowd cheered.", "\" is he our ally? \"", "asked about the deal, gibbs declined to comment."],
    ),
    (
        "The crowd cheered. \u201c what about cuba? \u201d a man in the crowd shouted. Cain went on.",
        ["The crowd cheered.", "\u201c what about cuba? \u201d a man in the crowd shouted.", "Cain went on."],
    ),
    # parentheses, initials, names
    (
        "President Lee Jae Myung (L) and Takaichi play drums.",
        ["President Lee Jae Myung (L) and Takaichi play drums."],
    ),
    (
        "We make a good team, you and I. Did you see Albert I. Jones?",
        ["We make a good team, you and I.", "Did you see Albert I. Jones?"],
    ),
    # datelines stay in the first sentence
    (
        "NARA\u2014The summit on Jan. 13 went well. The leaders met at a hotel.",
        ["NARA\u2014The summit on Jan. 13 went well.", "The leaders met at a hotel."],
    ),
    (
        "SEOUL, Jan. 14 (Yonhap) -- Lee returned home. He will brief the Cabinet.",
        ["SEOUL, Jan. 14 (Yonhap) -- Lee returned home.", "He will brief the Cabinet."],
    ),
    # ellipses
    ("I never meant that.... She left the store.", ["I never meant that....", "She left the store."]),
    ("The talks were good \u2026 but not enough.", ["The talks were good \u2026 but not enough."]),
    # glued sentences, but not addresses
    ("Hello world.Today is Tuesday.", ["Hello world.", "Today is Tuesday."]),
    (
        "Her email is Jane.Doe@example.com. I wrote to her.",
        ["Her email is Jane.Doe@example.com.", "I wrote to her."],
    ),
    # lists and bullets
    ("1. The first item 2. The second item", ["1. The first item", "2. The second item"]),
    ("They agreed on \u25b2 AI \u25b2 DNA testing", ["They agreed on", "\u25b2 AI", "\u25b2 DNA testing"]),
]


# Regressions found by comparing with pysbd on DUC 2003 newswire.
TARGETED += [
    (
        'said analyst John Kim of Mirae Asset Securities Co. "The firm needs a buyer."',
        ["said analyst John Kim of Mirae Asset Securities Co.", '"The firm needs a buyer."'],
    ),
    (
        '"These results are important," Cho told businessmen."But we must be careful."',
        ['"These results are important," Cho told businessmen.', '"But we must be careful."'],
    ),
    (
        "His rival is Luiz Inacio Lula da Silva. da Silva leads the Workers Party.",
        ["His rival is Luiz Inacio Lula da Silva.", "da Silva leads the Workers Party."],
    ),
    (
        "Militants claimed the 9:45 a.m. (0745 GMT) attack. Police sealed the market.",
        ["Militants claimed the 9:45 a.m. (0745 GMT) attack.", "Police sealed the market."],
    ),
    (
        "Q. What was agreed? A. The two sides agreed to cooperate.",
        ["Q. What was agreed?", "A. The two sides agreed to cooperate."],
    ),
    (
        'John F. "Jack" Kennedy and Mr. "Bud" Smith spoke.',
        ['John F. "Jack" Kennedy and Mr. "Bud" Smith spoke.'],
    ),
    # Lower-cased text that capitalises every word after a full stop (Multi-News): a noun after
    # "u.s." goes on; a word that opens sentences does not.
    (
        "he was discovered july 22 and expelled to the united states by mexican authorities for "
        "violation of immigration laws. He was taken into custody at the border by u.s. Officials and "
        "booked into the pima county jail in arizona. The justice department estimates there are still "
        "more than 300 outlaw gangs in the u.s. One of the gangs involved, the bandidos, is among the "
        "largest.",
        ["he was discovered july 22 and expelled to the united states by mexican authorities for "
         "violation of immigration laws.",
         "He was taken into custody at the border by u.s. Officials and booked into the pima county jail "
         "in arizona.",
         "The justice department estimates there are still more than 300 outlaw gangs in the u.s.",
         "One of the gangs involved, the bandidos, is among the largest."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TARGETED, ids=[t[:40] for t, _ in TARGETED])
def test_targeted(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_headline_line_without_punctuation_ends_a_sentence() -> None:
    text = "Strengthening cooperation on AI\nThe President emphasized cooperation."
    assert split_sentences(text) == [
        "Strengthening cooperation on AI",
        "The President emphasized cooperation.",
    ]


def test_line_break_before_lower_case_continues_the_sentence() -> None:
    text = "agreed to cooperate on the declining birth rate\n\nand aging population. The two met."
    assert split_sentences(text) == [
        "agreed to cooperate on the declining birth rate\n\nand aging population.",
        "The two met.",
    ]


def test_hard_wrapped_lines_do_not_end_sentences() -> None:
    text = (
        "President Lee Jae Myung on Wednesday wrapped up his two-day visit to\n"
        "Japan that raised prospects for closer economic cooperation with\n"
        "Tokyo as well as efforts to test remains of Korean forced laborers.\n"
        "Lee held summit talks with Prime Minister Sanae Takaichi in Nara on\n"
        "Tuesday, their second meeting in just over two months."
    )
    assert [_norm(s) for s in split_sentences(text)] == [
        "President Lee Jae Myung on Wednesday wrapped up his two-day visit to Japan that raised "
        "prospects for closer economic cooperation with Tokyo as well as efforts to test remains "
        "of Korean forced laborers.",
        "Lee held summit talks with Prime Minister Sanae Takaichi in Nara on Tuesday, their second "
        "meeting in just over two months.",
    ]


def test_seed_articles_keep_known_sentences_whole(seed_texts: dict[str, str]) -> None:
    sentences = {s for text in seed_texts.values() for s in map(_norm, split_sentences(text))}
    assert "They are scheduled to visit Horyuji temple on Jan. 14." in sentences
    assert any(
        s.startswith("NARA\u2014The summit between") and s.endswith("current issues.") for s in sentences
    )
    assert any("only in Aug. of last year, more than 80 years later, were remains" in s for s in sentences)
    assert any(s.endswith("beginning at 7 p.m.") for s in sentences)
    assert "Pool photo by Yonhap" in sentences
    assert not any(s.endswith(("Jan.", "Aug.", "U.S.-", "(L)")) for s in sentences)


# --------------------------------------------------------------------------- offsets and adapter


def test_sentence_spans_are_stripped_offsets() -> None:
    text = "  First one.  \n Second one?\n\n"
    spans = sentence_spans(text)
    assert spans == [(2, 12), (16, 27)]
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one?"]


def test_empty_and_blank_text() -> None:
    assert sentence_spans("") == []
    assert split_sentences(" \n\t ") == []


def test_segment_maps_blocks_to_source_offsets() -> None:
    text = (
        "Headline without a stop\n\n"
        "NARA\u2014The leaders met on Jan. 13. They agreed on the declining birth rate\n\n"
        "and aging population.\n\n"
        "--- 2026 ---\n\n"
        "Lee said, \u201cWe made progress.\u201d He left."
    )
    src = make_source("s7", text)
    p1 = text.index("NARA")
    p1_end = text.index("population.") + len("population.")
    p2 = text.index("---")
    p3 = text.index("Lee said")
    blocks = [
        Line("s7", p1, p1_end, text[p1:p1_end], "prose"),
        Line("s7", p2, p2 + 12, text[p2 : p2 + 12], "prose"),
        Line("s7", p3, len(text), text[p3:], "prose"),
    ]
    sents = segment(src, blocks)
    assert [s.text for s in sents] == [
        "The leaders met on Jan. 13.",  # the dateline stays out
        "They agreed on the declining birth rate and aging population.",
        "Lee said, \u201cWe made progress.\u201d",
        "He left.",
    ]
    assert [s.index for s in sents] == [0, 1, 2, 3]
    assert [s.paragraph for s in sents] == [0, 0, 2, 2]
    assert all(s.source_id == "s7" for s in sents)
    assert text[sents[1].start : sents[1].end] == (
        "They agreed on the declining birth rate\n\nand aging population."
    )
    for s in sents:
        assert _norm(text[s.start : s.end]) == s.text


def test_offline_tokenizer_feeds_sumy_without_nltk_data() -> None:
    from sumy.parsers.plaintext import PlaintextParser

    parser = PlaintextParser.from_string(
        "I live in the U.S. How about you? It's 7 p.m. Lee left.", OfflineTokenizer()
    )
    sentences = [str(s) for s in parser.document.sentences]
    assert sentences == ["I live in the U.S.", "How about you?", "It's 7 p.m.", "Lee left."]
    assert parser.document.sentences[0].words == ("I", "live", "in", "the", "U.S")
    assert OfflineTokenizer().language == "english"


# --------------------------------------------------------------------------- properties

_PIECES = st.sampled_from(
    [
        *"aB .!?\n\"'()[]-,:;1",
        "\u201c",
        "\u201d",
        "\u2019",
        "\u2026",
        "\u2022",
        "\u25b2",
        "Mr.",
        "U.S.",
        " a.m. ",
        " The",
        " he",
        "...",
        ". . .",
        "1.",
        "2.",
        "b.",
        "@",
        "www.",
        "Jan.",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=120), st.lists(_PIECES, max_size=40).map("".join)))
def test_never_loses_reorders_or_changes_a_character(text: str) -> None:
    spans = sentence_spans(text)
    prev = 0
    for start, end in spans:
        assert prev <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert text[prev:start].strip() == ""
        prev = end
    assert text[prev:].strip() == ""
    assert _squash("".join(split_sentences(text))) == _squash(text)


def test_long_text_without_punctuation_is_one_sentence() -> None:
    text = "word " * 200_000 + "end"
    assert sentence_spans(text) == [(0, len(text))]


def test_content_terms_keep_acronyms_and_numbers_whole() -> None:
    from briefgen.text.words import content_terms, stem

    assert content_terms("Korea-U.S.-Japan cooperation with the U.S. at 7 p.m.") == [
        "korea-u.s",
        "japan",
        "cooper",
        "u.s",
        "7",
        "p.m",
    ]
    assert stem("U.S") == "u.s"
    assert stem("Agreements") == "agreement"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("NARA\u2014The summit was held. It went well.", "The summit was held."),
        ("LONDON (AP) _ The British government fell. Talks began.", "The British government fell."),
        ("SEOUL, Jan. 13 (Yonhap) -- South Korea agreed. Japan too.", "South Korea agreed."),
        ("U.S. President Joe Biden spoke. Then he left.", "U.S. President Joe Biden spoke."),
        ("NATO-led forces moved in. They stayed.", "NATO-led forces moved in."),
        # Lower-cased text: the agency in brackets tells the dateline (issue 19).
        ("washington ( ap ) \u2014 the senate passed the bill. It goes on.", "the senate passed the bill."),
        ("Pretoria, south africa ( cnn ) -- the vote was close. It was.", "the vote was close."),
        ("london ( reuters ) - talks began. They ended.", "talks began."),
        ("new york ( reuters health ) - stand up more often, a study says. It does.",
         "stand up more often, a study says."),
        # A wire's bare name and a dash where the page left out the place (Multi-News 00175).
        ("Reuters health - parents who skip vaccinations add to outbreaks. They do.",
         "parents who skip vaccinations add to outbreaks."),
        # A state's abbreviation inside the dateline; a station carrying the agency's copy.
        ("San bernardino, calif. ( ap ) \u2014 a couple opened fire. Police came.", "a couple opened fire."),
        ("Washington ( cbsla.com/ap ) \u2014 obama was briefed. He spoke.", "obama was briefed."),
        # A broadcaster: a network and its local station, a US station's call sign.
        ("Stockton ( cbs13 ) \u2014 the rodent is now threatening the county. It is.",
         "the rodent is now threatening the county."),
        ("Johnson city ( wsyr-tv ) -- one hundred pets were left to drown. They were.",
         "one hundred pets were left to drown."),
        # ... only in lower case, and not after a determiner or possessive.
        ("The Kosovo Force (KFOR) \u2014 the NATO-led mission \u2014 stayed. It did.",
         "The Kosovo Force (KFOR) \u2014 the NATO-led mission \u2014 stayed."),
        ("her son ( kyle ) \u2014 a pilot \u2014 died in the crash. He was 30.",
         "her son ( kyle ) \u2014 a pilot \u2014 died in the crash."),
        # Any other full stop ends a sentence, which no dateline spans.
        ("The rain stopped. Later ( ap ) - it rained again.", "The rain stopped."),
        # Page furniture a scraped page runs into the story's start, before or without a dateline.
        ("Advertisement continue reading the main story beirut (ap) - more than 90 people were killed. "
         "More died.", "more than 90 people were killed."),
        ("( photo: jeff chiu, associated press ) buy photo facebook's founder is launching a fund. It is.",
         "facebook's founder is launching a fund."),
        ("( cnn ) micheal brown stared at the acceptance letter. It said yes.",
         "micheal brown stared at the acceptance letter."),
        # "back to gallery" in prose is no gallery's counter.
        ("The stolen painting was shipped back to gallery owners in London on Monday. It was.",
         "The stolen painting was shipped back to gallery owners in London on Monday."),
        # A photo gallery's last caption and counter before the story (Multi-News 00233).
        ("More shooting death of a student started with a fight 1 / 2 back to gallery according to the "
         "eagle, a shooting began with an argument. It did.",
         "according to the eagle, a shooting began with an argument."),
        # A page's story number (Multi-News 00130); a count with its commas is the story's.
        ("2951825 texas rep. ron paul released an attack ad wednesday. It ran.",
         "texas rep. ron paul released an attack ad wednesday."),
        ("10,000 people marched in the capital on sunday. It rained.",
         "10,000 people marched in the capital on sunday."),
        ("1500000 People marched in Paris on Sunday. It rained.",
         "1500000 People marched in Paris on Sunday."),
        # A page's note of its update, in brackets (Multi-News 00298), or as a label ended by a colon;
        # a label before a date or time alone is furniture, kept whole.
        ("[ updated at 7: 59 p.m. ] speaking on cnn, rep. Peter king called it a loss. He did.",
         "speaking on cnn, rep. Peter king called it a loss."),
        ("Update 2: 10pm: speaking to the journal, the founder confirmed the firm is shutting. Yes.",
         "speaking to the journal, the founder confirmed the firm is shutting."),
        ("Updated 8: 21 a.m.: in the death investigation, police suspect no foul play. Yes.",
         "in the death investigation, police suspect no foul play."),
        ("Update: writing for slate, bouie details why the sketch was good. Yes.",
         "writing for slate, bouie details why the sketch was good."),
        ("Updated: wednesday, 8: 29 a.m. The vote was held. Yes.", "Updated: wednesday, 8: 29 a.m."),
        ("Angered at detention, u.s. Levels sanctions enlarge this image toggle caption stringer/afp/getty "
         "images stringer/afp/getty images updated at 5: 45 p.m. Et the u.s. Is imposing sanctions. Yes.",
         "the u.s. Is imposing sanctions."),
        # NPR's image button, up to its credit's second printing or a credit of its own.
        ("Japan sends whip into orbit, to tame junk enlarge this image toggle caption jaxa jaxa a cable "
         "has been launched into orbit. It has.", "a cable has been launched into orbit."),
        ("toggle caption jonathan makiri/npr while you were reading, physicists wrote. Yes.",
         "while you were reading, physicists wrote."),
        # NBC's time stamps, "/ updated" label and a byline of two names before a sentence's opener; a
        # byline read no further stays, and the sentence is furniture.
        ("Nov. 29, 2018, 1: 40 am gmt / updated nov. 29, 2018, 1: 52 am gmt by phil mccausland for "
         "weeks, veterans have raised an alarm. Yes.", "for weeks, veterans have raised an alarm."),
        ("/ updated in a personal note, tom brokaw revealed he has cancer. Yes.",
         "in a personal note, tom brokaw revealed he has cancer."),
        ("/ updated by sarah fitzpatrick and tracy connor adult film star stormy daniels has sued. Yes.",
         "/ updated by sarah fitzpatrick and tracy connor adult film star stormy daniels has sued."),
        # The BBC's caption, up to an article after a word no function word or verb, or its first two
        # words again; without such a place the caption stays (and the sentence is furniture).
        ("Image copyright afp image caption rights groups say killings are on the rise in pakistan the "
         "bodies of a couple were found with marks, police say. More.",
         "the bodies of a couple were found with marks, police say."),
        ("Image copyright epa image caption pope francis recorded the talk where he lives pope francis has "
         "recorded an address for ted. More.", "pope francis has recorded an address for ted."),
        ("Media playback is unsupported on your device media caption climate change threatens us, warns "
         "thomas stocker, co-chair a landmark report says humans are the cause. More.",
         "a landmark report says humans are the cause."),
        ("Image copyright afp image caption xbox live and playstation have 150 million users between them "
         "microsoft and sony have been working to restore them. More.",
         "microsoft and sony have been working to restore them."),
        ("Image copyright channel 2 image caption khattab wants viewers to judge her appearance egypt's "
         "state broadcaster has suspended eight presenters. More.",
         "egypt's state broadcaster has suspended eight presenters."),
        ("Image copyright afp image caption the man was known to french intelligence services french police "
         "have arrested a man in paris. More.",
         "Image copyright afp image caption the man was known to french intelligence services french police "
         "have arrested a man in paris."),
        ("Image copyright afp image caption troops have been guarding the location where the bodies were "
         "found investigators are working near the town of iguala. More.",
         "Image copyright afp image caption troops have been guarding the location where the bodies were "
         "found investigators are working near the town of iguala."),
        ("Image caption the app would judge a person's drunkenness by how they hold their phone uber has "
         "applied for a patent. More.",
         "Image caption the app would judge a person's drunkenness by how they hold their phone uber has "
         "applied for a patent."),
        # Politico's text-size buttons, up to "politico 44" or a quotation.
        ("Text size - + reset video: weiner's teary presser politico 44 for now, his vow stands. Yes.",
         "for now, his vow stands."),
        ("Text size - + reset 2012 field piles on the plan the plan would work. Yes.",
         "Text size - + reset 2012 field piles on the plan the plan would work."),
        # A video player's notice, then a dateline in lower case that names no agency.
        ("Please enable javascript to watch this video vernal, utah -- a woman is seeking justice. "
         "She said so.", "a woman is seeking justice."),
        ("Please enable javascript to watch this video boston, mass. -- the coast guard found him alive. "
         "He was.", "the coast guard found him alive."),
        # CNN's list of highlights has no full stops; it runs up to the story's "( cnn )".
        # (Lists longer than the 60 characters a dateline may run before its agency.)
        ("Story highlights parts of iowa and wisconsin hit with more than a foot of snow death toll spans 5 "
         "states ( cnn ) -- the storm killed 12 people. It was.", "the storm killed 12 people."),
        ("Story highlights mcfarland will be the deputy national security advisor mcfarland served in the "
         "nixon, ford and reagan administrations ( cnn ) mcfarland will join. It was.",
         "mcfarland will join."),
        ("Story highlights  \n  storms hit iowa and wisconsin with more than a foot of snow on the ground "
         "( cnn ) the storm killed 12 people. It was.", "the storm killed 12 people."),
        # An agency named inside the story opens nothing.
        ("The ( cnn ) poll was close. It was.", "The ( cnn ) poll was close."),
        # A byline with the writer's paper or desk, a time of posting, a dateline in lower case.
        ("By andy blatchford, the canadian press mont-tremblant, que. -- richard henry bain left montreal. "
         "He did.", "richard henry bain left montreal."),
        ("By william r. Levesque, times staff writer posted: nov 14, 2012 01: 30 pm tampa \u2014 the "
         "socialite spoke. She did.", "the socialite spoke."),
        ("By jennifer froetschel, ds public affairs when you stepped inside, you saw a flag. It was.",
         "when you stepped inside, you saw a flag."),
        ("By John Smith, Associated Press Writer WASHINGTON (AP) \u2014 The Senate voted. It did.",
         "The Senate voted."),
        # Not a byline: a time, or a phrase, before the comma; "press" with no dateline after it.
        ("By late Tuesday, the associated press reported the toll. It rose.",
         "By late Tuesday, the associated press reported the toll."),
        ("By the end, the press had left. It had.", "By the end, the press had left."),
        ("By turning to tony bosch, baseball made its case. It did.",
         "By turning to tony bosch, baseball made its case."),
        # A place's dateline at the story's start, with no capitals and no agency.
        ("Hesperia \u2014 a tragic accident claimed a young mother. Her son is missing.",
         "a tragic accident claimed a young mother."),
        ("Dover, fla. \u2014 the agent who spurred the inquiry spoke. He did.",
         "the agent who spurred the inquiry spoke."),
        ("Hong kong \u2014 google withdrew from china eight years ago. It did.",
         "google withdrew from china eight years ago."),
        ("Munich, germany \u2013 a reclusive collector left his trove. It was.",
         "a reclusive collector left his trove."),
        ("Houston - for decades, the airline has boasted of its service. It did.",
         "for decades, the airline has boasted of its service."),
        ("Ann arbor, mi - while monogamous relationships are the norm, some differ. Yes.",
         "while monogamous relationships are the norm, some differ."),
        ("San bernardino >> as community members mourned tuesday, details emerged. Yes.",
         "as community members mourned tuesday, details emerged."),
        # A spaced hyphen in a score closes no aside; an em and an en dash close one alike.
        ("Boston - the red sox beat the yankees 3 - 2 on friday night. Yes.",
         "the red sox beat the yankees 3 - 2 on friday night."),
        ("Madonna \u2014 the queen of pop \u2013 has cancelled her tour. Yes.",
         "Madonna \u2014 the queen of pop \u2013 has cancelled her tour."),
        # An aside later in the lead, set off by dashes of another kind than the dateline's.
        ("Computerworld - the fbi is examining a drive after a rampage that left 28 -- including "
         "lanza -- dead. Yes.",
         "the fbi is examining a drive after a rampage that left 28 -- including lanza -- dead."),
        # Not a place: a person's name, a conjunction, a caption's label.
        ("Jonathon keats \u2014 a philosopher who sold land in the sky \u2014 is back. He is.",
         "Jonathon keats \u2014 a philosopher who sold land in the sky \u2014 is back."),
        ("Although \u2014 or perhaps because \u2014 he ruffled feathers, he won. Yes.",
         "Although \u2014 or perhaps because \u2014 he ruffled feathers, he won."),
        ("File -- heather mills leaves the high court in london. Yes.",
         "File -- heather mills leaves the high court in london."),
        ("File - smoke pours from a chimney at a cement plant. Yes.",
         "File - smoke pours from a chimney at a cement plant."),
        # A subject set off by a dash, an aside closed by a second dash, a region that is no place.
        ("Police \u2014 who had been called twice that night \u2014 arrived late. Yes.",
         "Police \u2014 who had been called twice that night \u2014 arrived late."),
        ("Madonna \u2014 the queen of pop \u2014 has cancelled her tour. Yes.",
         "Madonna \u2014 the queen of pop \u2014 has cancelled her tour."),
        ("Jane doe, 34 \u2014 a mother of two \u2014 died in the crash. Yes.",
         "Jane doe, 34 \u2014 a mother of two \u2014 died in the crash."),
        ("Tuesday, police \u2014 the raid began at dawn. Yes.",
         "Tuesday, police \u2014 the raid began at dawn."),
        ("Developing \u2014 a fire broke out downtown. Yes.", "Developing \u2014 a fire broke out downtown."),
        # Places in lower case, of three words, ending in "-ly".
        ("hesperia \u2014 a tragic accident claimed a young mother. Yes.",
         "a tragic accident claimed a young mother."),
        ("Salt lake city \u2014 the church said so on monday. Yes.", "the church said so on monday."),
        ("Italy \u2014 the government fell on monday. Yes.", "the government fell on monday."),
        # A byline before a dash; a phrase of measure or time is no byline.
        ("By jane doe, staff writer \u2014 the council met on monday. Yes.", "the council met on monday."),
        ("By most accounts, the former editor was fired. Yes.",
         "By most accounts, the former editor was fired."),
        ("By next week, the foreign affairs committee will vote. Yes.",
         "By next week, the foreign affairs committee will vote."),
        # A word spelled with a spaced-out apostrophe is one word of a place; a name's one letter is not.
        ("xi ' an - china launched a second excavation project on thursday. Yes.",
         "china launched a second excavation project on thursday."),
        ("o ' reilly - the host said he would leave the network. Yes.",
         "o ' reilly - the host said he would leave the network."),
    ],
)
def test_segment_leaves_a_wire_dateline_out_of_the_first_sentence(text: str, first: str) -> None:
    sentences = _segment_block(text)
    assert sentences[0].text == first
    assert text[sentences[0].start : sentences[0].end] == first


# A page that writes names in lower case, as Multi-News's scraped pages do: words inside its sentences
# are capitalised under 2% of the time.
LOWER_PAGE = ("Police in richmond said on monday that the singer was found at his home in the city. The "
              "band said it would hold a memorial for fans in the summer and that its tour would go on. ")


@pytest.mark.parametrize(("text", "expected"), [
    # A lower-case word glued to a full stop or a question mark after a word starts a sentence ...
    ("There were 6 people involved in the fight.police have cleared the scene.",
     ["There were 6 people involved in the fight.", "police have cleared the scene."]),
    ("The band toured japan.in 2011, the guitarist died.",
     ["The band toured japan.", "in 2011, the guitarist died."]),
    ("The dogs were found in new jersey.a litter of puppies was born. It was home.i was told.",
     ["The dogs were found in new jersey.", "a litter of puppies was born.", "It was home.", "i was told."]),
    ("How can one help if they can't be there?many thanks, the organisers said.",
     ["How can one help if they can't be there?", "many thanks, the organisers said."]),
    # ... but not a web address, a file name or a query, nor after "!" ...
    ("Read it at politico.com, korea.kr, tass.ru and report.pdf or config.yaml today.",
     ["Read it at politico.com, korea.kr, tass.ru and report.pdf or config.yaml today."]),
    ("See reddit.com?ref=home and the yahoo!news site today.",
     ["See reddit.com?ref=home and the yahoo!news site today."]),
    ("Send it to jane.a.doe@mail.org or i.e.a friend today.",
     ["Send it to jane.a.doe@mail.org or i.e.a friend today."]),
    # ... and a question mark, then a lower-case word, ends a sentence unless a quotation mark follows it.
    ("How did that happen? she inherited the chain in 2006. \"Why?\" she asked.",
     ["How did that happen?", "she inherited the chain in 2006.", "\"Why?\" she asked."]),
    # ... or a quotation that opens the sentence and closes after a comma before the next stop (00299).
    ('Calls were released. " how could you do this? all you had to do was watch a dog, " said a caller.',
     ["Calls were released.",
      '" how could you do this? all you had to do was watch a dog, " said a caller.']),
    ('" it was all for a free lunch. " really? like so much of the day, it hid the truth about " satoshi. "',
     ['" it was all for a free lunch. "', "really?",
      'like so much of the day, it hid the truth about " satoshi. "']),
])
def test_lower_cased_pages_end_sentences_at_a_glued_stop_or_before_a_lower_case_word(
        text: str, expected: list[str]) -> None:
    assert split_sentences(LOWER_PAGE + text)[-len(expected):] == expected
    # In ordinary case a lower-case word after a full stop or a question mark goes on the sentence ("the
    # memoir Why Not Me? topped the list", "Read it at korea.kr on Monday.").
    ordinary = "The Kaling memoir Why Not Me? topped the list on Monday. Read it at korea.kr on Monday."
    assert split_sentences(ordinary) == ["The Kaling memoir Why Not Me? topped the list on Monday.",
                                         "Read it at korea.kr on Monday."]


# Text lower-cased whole, sentence starts too (a feed that prints everything in lower case): only the
# full stop shows where a sentence ends. Before, every such article was one or two "sentences".
LOWER_WHOLE = ("an influential lawmaker on saturday backed spanish requests to question gen. "
               "augusto pinochet, in london for back surgery. the lawmaker said the case was strong. "
               "officials in the u.s. said they had no comment. police said 12 people died at 5 p.m. on "
               "friday. mr. smith left. the sample took in people older than age 25. the survey counted "
               "2,124. it cost $2.5 million.")


def test_text_lower_cased_whole_ends_a_sentence_at_every_full_stop_after_a_word() -> None:
    assert split_sentences(LOWER_WHOLE) == [
        "an influential lawmaker on saturday backed spanish requests to question gen. augusto pinochet, "
        "in london for back surgery.",
        "the lawmaker said the case was strong.",
        "officials in the u.s. said they had no comment.",  # an abbreviation does not end it
        "police said 12 people died at 5 p.m. on friday.",
        "mr. smith left.",
        "the sample took in people older than age 25.",  # a number's stop ends it too
        "the survey counted 2,124.",
        "it cost $2.5 million.",
    ]


@pytest.mark.parametrize(("text", "expected"), [
    # A quotation's speaker after its full stop goes on the quotation ...
    ('he spoke of "sowing the seeds of trust by handing over land." he said. it was late.',
     ['he spoke of "sowing the seeds of trust by handing over land." he said.', "it was late."]),
    ('"we will rebuild the town." the mayor told reporters. it was late.',
     ['"we will rebuild the town." the mayor told reporters.', "it was late."]),
    # ... and what follows a quotation's stop otherwise starts a sentence.
    ('he spoke of "sowing the seeds of trust by handing over land." the talks resumed.',
     ['he spoke of "sowing the seeds of trust by handing over land."', "the talks resumed."]),
])
def test_text_lower_cased_whole_keeps_a_quotation_with_its_speaker(text: str, expected: list[str]) -> None:
    assert split_sentences(LOWER_WHOLE + " " + text)[-len(expected):] == expected


@pytest.mark.parametrize("text", [
    # Cased prose: a lower-case word after a stop goes on ("e.g. the", a list of figures).
    "The Senate passed it, e.g. the budget bill, on Monday. Officials in Washington said so.",
    # Names in lower case, but every sentence starts with a capital (Multi-News's pages): the stop
    # before a lower-case word is an abbreviation's ("approx. the").
    LOWER_PAGE + "They counted approx. the same number of fans in the city as last year in june.",
])
def test_text_that_capitalises_sentence_starts_does_not_end_a_sentence_before_a_lower_case_word(
        text: str) -> None:
    sentences = split_sentences(text)
    assert not any(s[:1].islower() for s in sentences)
    assert sentences[-1].endswith(("so.", "in june."))


@pytest.mark.parametrize(("text", "expected"), [
    # A number's stop ends its sentence though another number came just before it ...
    ("he was 25. she was 30. they wed in june.", ["he was 25.", "she was 30.", "they wed in june."]),
    # ... a verb of saying right after an abbreviation's stop goes on ...
    ("sen. richard durbin, d-ill. said the democrats had relented. it was late.",
     ["sen. richard durbin, d-ill. said the democrats had relented.", "it was late."]),
    # ... and so does a speaker named after the verb, after a quotation.
    ('"we will win." says the mayor. it was late.', ['"we will win." says the mayor.', "it was late."]),
])
def test_text_lower_cased_whole_numbers_and_speakers(text: str, expected: list[str]) -> None:
    assert split_sentences(LOWER_WHOLE + " " + text)[-len(expected):] == expected


@pytest.mark.parametrize("text", [
    # Cased prose that names no one and abbreviates: its first word has a capital, so it is not text
    # lower-cased whole, and a lower-case word after an abbreviation goes on its sentence.
    "The shop sells bread, milk, eggs, etc. and most of the other things that people in the village need "
    "from day to day, at fair prices.",
    "Home prices rose 3.5 pct. over the past year, while rents in most of the cities that were surveyed by "
    "the bank rose by less than that.",
])
def test_cased_prose_that_names_no_one_is_not_read_as_lower_cased_whole(text: str) -> None:
    assert split_sentences(text) == [text]


def test_a_short_paragraph_of_an_article_lower_cased_whole_takes_the_article_s_case_style() -> None:
    # Too few words to show its own style: "elections are scheduled ..." had stayed one sentence.
    from briefgen.pipeline import analyse

    text = LOWER_WHOLE + "\n\nelections are scheduled for april 18. yilmaz has urged they be held earlier.\n"
    sentences = [s.text for s in analyse(sources=[make_source(text=text, title="")]).sentences]
    assert sentences[-2:] == ["elections are scheduled for april 18.",
                              "yilmaz has urged they be held earlier."]
    # A short paragraph of a cased article keeps the cased reading.
    cased = "The Senate met on Monday. It passed the bill.\n\nThe vote was 12 to 3. officials said so.\n"
    sentences = [s.text for s in analyse(sources=[make_source(text=cased, title="")]).sentences]
    assert sentences[-1] == "The vote was 12 to 3. officials said so."


@pytest.mark.parametrize(("text", "expected"), [
    # A sentence may open on a verb of saying other than "said" ...
    ("the two dead were the assailants. asked about the group's plans, he said nothing.",
     ["the two dead were the assailants.", "asked about the group's plans, he said nothing."]),
    ("the town was quiet. told of the attack, the mayor wept.",
     ["the town was quiet.", "told of the attack, the mayor wept."]),
])
def test_text_lower_cased_whole_may_open_a_sentence_on_a_verb_of_saying(text: str,
                                                                       expected: list[str]) -> None:
    assert split_sentences(LOWER_WHOLE + " " + text)[-len(expected):] == expected


def test_a_short_cased_paragraph_keeps_its_own_case_style() -> None:
    # In an article lower-cased whole, a short paragraph with capitals is read as cased ...
    from briefgen.pipeline import analyse

    text = LOWER_WHOLE + "\n\nPrices of eggs, milk, etc. have risen sharply. Shops blame fuel.\n"
    sentences = [s.text for s in analyse(sources=[make_source(text=text, title="")]).sentences]
    assert sentences[-2:] == ["Prices of eggs, milk, etc. have risen sharply.", "Shops blame fuel."]
    # ... and in a cased article that names no one, a short paragraph is no lower-cased text either:
    # "Firefighters --" is no dateline.
    cased = ("The fire spread overnight. Firefighters -- exhausted, hungry -- arrived at dawn.\n\n"
             "The blaze burned through the night across the hills above the town, and the wind carried "
             "embers into the valley where the farms and the orchards lie beside the river.\n")
    sentences = [s.text for s in analyse(sources=[make_source(text=cased, title="")]).sentences]
    assert sentences[1] == "Firefighters -- exhausted, hungry -- arrived at dawn."


def test_a_dateline_naming_its_agency_after_a_caption_and_credit_is_no_part_of_the_sentence() -> None:
    text = ("Reindeer numbers have fallen, a study says. Photo by grigorii pisotsckii/shutterstock. Beijing, "
            "dec. 9 ( upi ) -- reindeer populations are decreasing, researchers said. The study ran "
            "( in part ) for two years.")
    assert [s.text for s in _segment_block(text)][-2:] == [
        "reindeer populations are decreasing, researchers said.", "The study ran ( in part ) for two years."]


def test_an_agency_credit_without_brackets_before_a_dateline_is_no_part_of_the_sentence() -> None:
    # Multi-News 00182: the caption's credit runs 70 characters, past the dateline's own reach.
    text = ("The man is seen in mosul, in this still image taken from video. Reuters/social media website "
            "via reuters tv/file photo washington ( reuters ) - the united states on friday doubled its "
            "reward. The increase was announced in a statement.")
    assert [s.text for s in _segment_block(text)][-2:] == [
        "the united states on friday doubled its reward.", "The increase was announced in a statement."]
    # A credit-like opening with no dateline after it is prose.
    text = "Reuters/Ipsos polling shows the race is tied, the agency said. It was close."
    assert _segment_block(text)[0].text == "Reuters/Ipsos polling shows the race is tied, the agency said."


def test_the_words_a_page_was_cut_short_in_are_no_sentence() -> None:
    # An excerpt ends in an ellipsis glued to its last word: those words are not a whole sentence.
    text = "Starbucks bought the chain in 2011. It expects 8,000 stores. Starbucks has been working to..."
    assert [s.text for s in _segment_block(text)] == ["Starbucks bought the chain in 2011.",
                                                      "It expects 8,000 stores."]
    # The writer's own ellipsis inside the page, or a last sentence that ends whole, stays.
    text = "The english are waking up... It's payback, he said. The case goes on\u2026 for now."
    assert [s.text for s in _segment_block(text)][-1] == "The case goes on\u2026 for now."
    for cut in ("to ...", "to. . .", "to....", "to\u2026"):
        assert [s.text for s in _segment_block("It rose. Starbucks has been working " + cut)] == ["It rose."]


@pytest.mark.parametrize(("text", "first"), [
    # Multi-News 00044, 00003: a caption and its bare "getty" credit before the lead.
    ("Gwar frontman found dead gary wolstenholme / redferns / getty dave brockie has died. He was 50.",
     "dave brockie has died."),
    ("Photo: getty on wednesday, employees learned the firm would close. They left.",
     "on wednesday, employees learned the firm would close."),
    # The museum, the agency after a preposition or a verb, a capitalised Getty, and "getty" alone before a
    # sentence's words (Multi-News 00007's caption stays: a reviewer's prose put it there as often).
    ("Magic leap ceo rony abovitz getty a newly filed lawsuit alleges bias. It was filed monday.",
     "Magic leap ceo rony abovitz getty a newly filed lawsuit alleges bias."),
    ("a photographer sued getty a year after the photos ran. He won.",
     "a photographer sued getty a year after the photos ran."),
    ("his grandson's kidnappers sent getty an ear in the mail. He paid.",
     "his grandson's kidnappers sent getty an ear in the mail."),
    ("He worked as a staff photographer for Getty a decade ago. He left.",
     "He worked as a staff photographer for Getty a decade ago."),
    ("Getty Images was founded by Mark Getty a quarter century ago in London. It grew.",
     "Getty Images was founded by Mark Getty a quarter century ago in London."),
    ("Story continues below The fire destroyed three homes on Elm Street, firefighters said. No one died.",
     "The fire destroyed three homes on Elm Street, firefighters said."),
    ("The getty museum said it would return the statue. It did.",
     "The getty museum said it would return the statue."),
    ("He sold the photos to getty a year ago. He regrets it.", "He sold the photos to getty a year ago."),
])
def test_a_captions_bare_getty_credit_is_cut_from_the_story_it_runs_into(text: str, first: str) -> None:
    assert _segment_block(text)[0].text == first


@pytest.mark.parametrize(("text", "story"), [
    # Multi-News 00079 and 00120: a labelled credit whose names end in an agency, run into the lead.
    ("Eichmann was hanged. Photograph: brook lapping/kessler prod/bbc israel has made public a "
     "decades-old plea for clemency. It was dated 1962.",
     "israel has made public a decades-old plea for clemency."),
    ("It rose. Photographer: luke sharrett/bloomberg in a series of messages, trump has accused amazon. No.",
     "in a series of messages, trump has accused amazon."),
    ('It rose. Photo: ap/reuters "we will go on, " he said. No.', '"we will go on, " he said.'),
    # The credit's last agency and the words after it, not its first (a review's probes).
    ("It rose. Photograph: Yui Mok/PA Wire/PA Images Theresa May will meet EU leaders on Friday. No.",
     "Theresa May will meet EU leaders on Friday."),
    ("It rose. Photograph: Jim Watson/AFP via Getty Images The president signed the order on Monday. No.",
     "The president signed the order on Monday."),
    ('It rose. Photograph: Andy Rain/EPA " we will fight on, " the leader said. No.',
     '" we will fight on, " the leader said.'),
])
def test_a_labelled_credit_ending_in_an_agency_is_cut_from_the_sentence_it_runs_into(
        text: str, story: str) -> None:
    assert story in [s.text for s in _segment_block(text)]


@pytest.mark.parametrize("text", [
    # The names after the slash are not an agency's, or the label is not at the sentence's start.
    "Credit: john sibbick / natural history museum the largest extinction occurred 252 million years ago.",
    "Credit: john smith/the new york times the president spoke on monday.",
    "Her photo: a man with the reuters/ap logo on his cap stood by the car.",
    "Image: contributed the site would have stood on an islet in the river.",
])
def test_a_credit_without_an_agency_at_its_end_stays_in_its_sentence(text: str) -> None:
    assert [s.text for s in _segment_block("It rose. " + text)] == ["It rose.", text]


TRUMP_SIGNED = "\u2014 donald j. Trump ( @realdonaldtrump ) april 2, 2018"
WOLFF_SIGNED = "pic.twitter.com/sroigwdgr6 \u2014 rick wolff ( @rickwolff ) april 14, 2015"


def test_an_embedded_tweets_dated_signature_ends_a_sentence() -> None:
    # Multi-News 00120, 00128, 00153: the story runs on after the tweet's signature.
    text = (f"Not a level playing field! {TRUMP_SIGNED} we addressed the closing of retailers in another "
            f"story last week. Which font should i use? {WOLFF_SIGNED} hillvetica keeps the bold color "
            "scheme. It was signed \u2014 jane doe ( @janedoe ) april 2, 2018, he wrote.")
    assert [s.text for s in _segment_block(text)] == [
        "Not a level playing field!", TRUMP_SIGNED,
        "we addressed the closing of retailers in another story last week.",
        "Which font should i use?", WOLFF_SIGNED, "hillvetica keeps the bold color scheme.",
        "It was signed \u2014 jane doe ( @janedoe ) april 2, 2018, he wrote."]


def test_a_tweets_words_stay_the_speakers_when_the_story_runs_on_after_its_signature() -> None:
    text = f"Amazon pays nothing. Not a level playing field! {TRUMP_SIGNED} we closed the shop last week."
    out = _segment_block("The president wrote on twitter. " + text)
    assert [s.in_quotation for s in out] == [False, True, True, False, False]


@pytest.mark.parametrize(("text", "first"), [
    # Multi-News 00055: a credit, then the headline run into the lead (the lead repeats its words).
    ("Trump tweeted late tuesday. &#124; chip somodevilla/getty images trump counterpunches emmy awards over "
     "' bad ' ratings president donald trump jabbed back at the emmy awards ' bad ' ratings on twitter on "
     "tuesday night, after the show. He was angry.",
     "president donald trump jabbed back at the emmy awards ' bad ' ratings on twitter on tuesday night, "
     "after the show."),
    # 00283: a headline printed twice, the second time with a dash.
    ("Lindsay lohan crash truck driver says it was all her fault lindsay lohan crash -- truck driver says it "
     "was all her fault, and he has witnesses to back up his tale, a report said. She denies it.",
     "lindsay lohan crash -- truck driver says it was all her fault, and he has witnesses to back up his "
     "tale, a report said."),
])
def test_a_headline_run_into_its_lead_is_cut_from_the_story(text: str, first: str) -> None:
    sentences = [s.text for s in _segment_block(text)]
    assert first in sentences and not any("counterpunches" in t or t.startswith("Lindsay") for t in sentences)


@pytest.mark.parametrize("text", [
    # A reviewer's lower-cased prose whose first words its own sentence repeats: a clause ended by a
    # comma or semicolon, a regular past form after the would-be headline, a lead that does not open on
    # the headline's first word.
    "a gunman opened fire at a high school in parkland, florida on wednesday, killing 17 people; the gunman "
    "who opened fire at the high school was a former student, police said. He was 19.",
    "the fire destroyed three homes on main street, and firefighters said the fire destroyed the homes "
    "within an hour on main street. No one was hurt.",
    "the man who robbed the bank on main street robbed the same bank on main street last year, police "
    "said. He was caught.",
    "the woman who won the lottery in ohio last week won the lottery in ohio once before, officials "
    "said. She was pleased.",
    # Cased prose that names no one is no page in lower case.
    "The company reported higher profits for the third quarter, and analysts said higher profits for "
    "the third quarter were expected. Shares rose 3 percent in early trading.",
    # A second reviewer's: a lead opening inside a phrase or on a subordinating word, and cased prose.
    "the senate voted to repeal the health law late on thursday night and the senate will vote on the "
    "health law again next week, aides said. It may pass.",
    "a judge blocked the new rule on friday because a judge found the new rule broke the law, lawyers "
    "said. The state will appeal.",
    "Firefighters battled the blaze at the warehouse for six hours before firefighters brought the blaze "
    "at the warehouse under control. No one was hurt.",
])
def test_a_first_sentence_repeating_its_own_words_keeps_its_opening(text: str) -> None:
    assert _segment_block(text)[0].text == text.split(". ")[0] + "."


def test_a_headline_is_looked_for_after_a_photo_credit_only_not_after_other_furniture() -> None:
    for marker in ("advertisement", "photo advertisement", "1 / 2 back to gallery"):
        text = (f"the mayor spoke on monday about the budget. {marker} the fire destroyed three homes on "
                "elm street last night and the fire destroyed the homes within an hour on elm street, police "
                "said.")
        firsts = [s.text for s in _segment_block(text)]
        assert any(t.startswith("the fire destroyed three homes on elm street") for t in firsts)


def test_a_headline_ending_on_a_name_is_cut_before_the_name_in_the_lead() -> None:
    # A word ending in "-ed" may be a name ("ted cruz"), not a past form.
    text = ("Ted cruz wins texas senate primary ted cruz won the texas senate primary on tuesday, beating "
            "his rival in a close race across the state. He thanked voters in houston on tuesday night and "
            "said he would run for the senate seat again in six years.")
    assert _segment_block(text)[0].text.startswith("ted cruz won the texas senate primary on tuesday")


def test_prose_repeating_its_opening_words_keeps_them() -> None:
    # 00251: the repeated words are prose's, and what follows the would-be headline is a past form.
    text = ("The last time the jacksonville jumbo shrimp got this much attention, they had just changed "
            "their name to the jacksonville jumbo shrimp. The team is giving away tests.")
    assert _segment_block(text)[0].text.startswith("The last time")
    # Cased text is left to its capitals and datelines.
    cased = ("Lindsay Lohan crash truck driver says it was all her fault Lindsay Lohan crash -- truck driver "
             "says it was all her fault, a report said. She denies it.")
    assert _segment_block(cased)[0].text.startswith("Lindsay Lohan crash truck driver")


def test_a_video_players_share_buttons_title_and_length_are_cut_from_the_story_they_run_into() -> None:
    # Multi-News 00153: NBC's player before the lead.
    text = ("Play facebook twitter embed towering dust storm forms over phoenix 2: 23 a massive dust storm "
            "moved through the phoenix area friday evening. Flights were diverted.")
    assert [s.text for s in _segment_block(text)] == [
        "a massive dust storm moved through the phoenix area friday evening.", "Flights were diverted."]


def test_a_video_players_close_button_is_cut_from_the_first_sentence_of_its_page() -> None:
    # The player prints "Close", the video's description, then the page's photo credit.
    text = ("Close police say a man shot himself in front of the white house. Zachary devita has more. "
            "Buzz60 officers closed the park. ( photo: pablo martinez ) A man apparently shot himself.")
    assert _segment_block(text)[0].text == "police say a man shot himself in front of the white house."
    # "Close" is prose as an adjective, first on a page with a credit after it too, and anywhere else.
    prose = ("Close to 37,000 people have died. Close inspection revealed more. The talks ended. Buzz60 "
             "officers closed the park. ( photo: pablo martinez ) A man was held.")
    assert [s.text for s in _segment_block(prose)][:2] == [
        "Close to 37,000 people have died.", "Close inspection revealed more."]
    later = "The park was shut. Close aides said he left. ( photo: pablo martinez ) More followed."
    assert [s.text for s in _segment_block(later)][1] == "Close aides said he left."


def test_a_place_dateline_or_a_byline_without_capitals_is_read_only_at_the_story_start() -> None:
    text = "Seoul \u2014 the talks opened. Tokyo.\n\nWashington \u2014 the reply came. It did."
    cut = text.index("\n\n")
    blocks = [Line(source_id="s1", start=0, end=cut, text=text[:cut], kind="prose"),
              Line(source_id="s1", start=cut + 2, end=len(text), text=text[cut + 2:], kind="prose")]
    assert [s.text for s in segment(make_source("s1", text), blocks)] == [
        "the talks opened.", "Tokyo.", "Washington \u2014 the reply came.", "It did."]
    # A photo's caption and credit run into the story: the story starts after the credit.
    text = ("Workers dig at the site in xi ' an april 30, 2015. [ photo/xinhua ] xi ' an - china launched "
            "a dig on thursday. Pit no. 2 holds 1,400 figures. Seoul — the talks opened.")
    assert [s.text for s in _segment_block(text)] == [
        "china launched a dig on thursday.", "Pit no. 2 holds 1,400 figures.", "Seoul — the talks opened."]
    # ... but a capitalised word there is a subject set off by a dash, not a place.
    text = "The president waves to the crowd. ( ap photo/evan vucci ) Trump — the president said he would go."
    assert [s.text for s in _segment_block(text)][-1] == "Trump — the president said he would go."
    # A byline inside a story is a phrase of the sentence ("By most accounts, ...").
    text = ("The paper changed hands in 2019. By jane doe, staff writer \u2014 the council met. "
            "By most accounts, the former editor was fired.")
    assert [s.text for s in _segment_block(text)][1:] == [
        "By jane doe, staff writer \u2014 the council met.", "By most accounts, the former editor was fired."]


def test_a_list_of_highlights_with_no_mark_where_the_story_starts_stays_in_its_sentence_as_furniture(
        ) -> None:
    # Multi-News validation: 8 of the 12 pages that open with the list run it into the story's first
    # sentence with no "( cnn )"; where the list ends cannot be told, so the sentence is not printed.
    text = ("Story highlights parts of iowa hit with a foot of snow death toll spans 5 states a major "
            "snowstorm left at least eight people dead. Flights were cancelled.")
    sentences = _segment_block(text)
    assert [s.text for s in sentences] == [
        "Story highlights parts of iowa hit with a foot of snow death toll spans 5 states a major "
        "snowstorm left at least eight people dead.",
        "Flights were cancelled.",
    ]
    assert broken_rule(sentences[0].text) == "furniture"
    assert broken_rule(sentences[1].text) is None


def test_segment_leaves_a_photo_credit_and_the_caption_it_follows_out_of_the_sentences() -> None:
    # A page without line breaks: the caption, its credits, then the story.
    text = ("Officials said the attack was the deadliest this year. Anne smedinghoff, 25, was killed "
            "saturday in southern afghanistan. ( ap photo/courtesy of tom smedinghoff ) "
            "( uncredited/ap ) three american civilians were killed on saturday. "
            "The embassy (pictured) closed.")
    assert [s.text for s in _segment_block(text)] == [
        "Officials said the attack was the deadliest this year.",
        "three american civilians were killed on saturday.",
        "The embassy (pictured) closed.",
    ]
    # Read in Multi-News memos, where such captions had led a bottom line: a credit "courtesy of"
    # someone, and USA Today's "( photo: ... )".
    text = ("The building in accra, ghana, where a crime ring flew an american flag. ( courtesy of the "
            "state department ) for a decade, an american flag flew outside a pink building. Artist "
            "jonathon keats, holding one of his cameras, stands next to his pinhole camera on thursday, "
            "march 5, 2015. ( photo: michael schennum / the republic ) keats is installing a camera.")
    assert [s.text for s in _segment_block(text)] == [
        "for a decade, an american flag flew outside a pink building.", "keats is installing a camera."]


def test_a_caption_run_into_the_story_up_to_its_credit_is_left_out_and_the_story_kept() -> None:
    # A caption with no full stop leaves its credit inside one span: the story's lead after it had
    # been refused with the caption (Multi-News validation: 7 leads).
    text = ("A tow truck moves a van that crashed into a canal monday, march 30, 2015, near moore haven, "
            "fla. ( photo: luis m. alvarez, ap ) shocked members of a florida church gathered monday to "
            "mourn the loss of eight people. The van's driver survived.")
    assert [s.text for s in _segment_block(text)] == [
        "shocked members of a florida church gathered monday to mourn the loss of eight people.",
        "The van's driver survived."]
    # A credit that ends the paragraph takes its caption with it, and is no sentence itself.
    text = ("The mayor spoke on friday. A worker sorts mail in denver, friday, oct. 14, 2016. "
            "( ap photo/evan vucci )")
    assert [s.text for s in _segment_block(text)] == ["The mayor spoke on friday."]
    # Agency first, a chain of agencies, and a label.
    for credit in ("( reuters/gleb garanich )", "( jim watson/afp/getty images )", "( image: reuters )"):
        text = f"Protesters march in kiev. {credit} the parliament voted on tuesday."
        assert [s.text for s in _segment_block(text)] == ["the parliament voted on tuesday."], credit


def test_prose_before_a_bracket_that_points_to_photos_or_before_a_credit_it_attributes_stays() -> None:
    for bracket in ("( photos: inside the new stadium )", "( see photos )", "( photo gallery )",
                    "( related: 25 photos of the flood )"):
        text = f"The stadium will open next year. {bracket} the team has sold 40,000 seats."
        assert [s.text for s in _segment_block(text)][0] == "The stadium will open next year.", bracket
    # A report that names who said it is no caption, credit or not.
    text = ("A man shot himself outside the white house, according to the secret service. ( photo: pablo "
            "martinez monsivais, ap ) washington ( ap ) \u2014 the man died on saturday.")
    assert [s.text for s in _segment_block(text)] == [
        "A man shot himself outside the white house, according to the secret service.",
        "the man died on saturday."]
    # Only a credit right after the sentence: a page's separator in between keeps it.
    text = "The bill passed on tuesday. *** ( photo: ap ) the senate voted."
    assert [s.text for s in _segment_block(text)] == ["The bill passed on tuesday.", "the senate voted."]


def test_a_caption_is_read_only_in_the_paragraph_of_its_credit() -> None:
    first, second = "The council met on Monday.", "( ap photo/evan vucci ) The vote passed."
    source = make_source("s1", first + "\n\n" + second)
    blocks = [Line("s1", 0, len(first), first, "prose"),
              Line("s1", len(first) + 2, len(source.text), second, "prose")]
    assert [s.text for s in segment(source, blocks)] == ["The council met on Monday.", "The vote passed."]


def test_a_credit_naming_the_paper_or_in_square_brackets_and_an_ad_label_are_no_part_of_the_next_sentence(
        ) -> None:
    # Read in Multi-News memos: each had opened a bullet.
    text = ("Fans gathered in civic center park on saturday. ( hyoung chang, the denver post ) beefy, "
            "black-clad security officers patrolled the crowd. An archaeologist works on the site. "
            "[ photo/xinhua ] china launched a second excavation project on thursday. It found a "
            "\" super henge. \" advertisement the hidden landscape project has spent four years on it. "
            "Advertisement during the call, the chairman spoke. Advertisement berry said the time would "
            "help. Advertisement - continue reading below interestingly, the answers were close. "
            "The store changed. ( here ) \" all of it is to speed your way, \" said paul.")
    # Each credit follows its photo's caption, which is no sentence of the story either.
    assert [s.text for s in _segment_block(text)] == [
        "beefy, black-clad security officers patrolled the crowd.",
        "china launched a second excavation project on thursday.",
        "It found a \" super henge. \"",
        "the hidden landscape project has spent four years on it.",
        "during the call, the chairman spoke.",
        "berry said the time would help.",
        "interestingly, the answers were close.",
        "The store changed.",
        "\" all of it is to speed your way, \" said paul.",
    ]
    # A newsletter's prompt run into the next sentence, up to its last "sign up".
    prompt = ("The law passed in march. Get the times of israel's daily edition by email and never miss "
              "our top stories free sign up in the petition, written in 1962, eichmann says the court erred. "
              "Sign up thank you for signing up! sign up for more newsletters here the attorney spoke.")
    assert [s.text for s in _segment_block(prompt)][1:] == [
        "in the petition, written in 1962, eichmann says the court erred.", "the attorney spoke."]
    # A paper's name in brackets and the story's lower-case dateline (Multi-News 00012's bottom line).
    paper = ("( the washington post ) charlotte — it isn't often that hillary clinton lets her guard down. "
             "She spoke for an hour. Microphones caught her. ( the washington post ) charlotte — it isn't "
             "often that she speaks so freely.")
    assert [s.text for s in _segment_block(paper)] == [
        "it isn't often that hillary clinton lets her guard down.", "She spoke for an hour.",
        "Microphones caught her.", "it isn't often that she speaks so freely."]
    # ... only the paper's name, where no place follows; and only at a story's start.
    subject = ("( the washington post ) the embattled senator — who denies wrongdoing — said he would stay. "
               "He spoke. (The New York Times) The report — the first in a decade — found fraud.")
    assert [s.text for s in _segment_block(subject)] == [
        "the embattled senator — who denies wrongdoing — said he would stay.", "He spoke.",
        "(The New York Times) The report — the first in a decade — found fraud."]
    # A bracket that names no paper, or one with no "the", dash or place after it, stays (a review).
    for kept in ("(Compost) is the key to a good garden.", "(Good news) the council voted to fix it."):
        assert [s.text for s in _segment_block(kept + " Gardeners agree.")][0] == kept
    assert [s.text for s in _segment_block("( usa today ) — the council voted. It was 12-2.")][0] == \
        "the council voted."
    # Not a label where the word is the sentence's subject, nor a bracket that credits nobody.
    kept = ["Sign up for the draft opened on Monday.",
            "Get out the vote drives began early, organisers said.", "Advertisement revenue fell 5% in May.",
            "Advertisement in newspapers fell 5% last year.",
            "Advertisement and marketing budgets fell.", "Advertisement spending rose, analysts said.",
            "Advertisement that targets children is banned.",
            "Advertisement at the Super Bowl costs $5 million.", "( Here ) we go, he said.",
            "(Smith, the minister, said so) he left.",
            "(She has denied the claim, many times) but she lost.",
            "(Smith, who once wrote for the Boston Globe) declined to comment.",
            "[The photo] was taken in 1945, he said.", "(The Times said so) — and it was right."]
    assert [s.text for s in _segment_block("Sales rose. " + " ".join(kept))] == ["Sales rose.", *kept]


def test_a_pages_marker_run_into_a_sentence_is_no_part_of_it() -> None:
    # Politico's "Story continued below" between two paragraphs of a page without line breaks.
    text = ("Graham is a senator from south carolina. Story continued below graham grew up in nearby "
            "central, s.c., in the back of a pool hall. He ran in 2016.")
    assert [s.text for s in _segment_block(text)] == [
        "Graham is a senator from south carolina.",
        "graham grew up in nearby central, s.c., in the back of a pool hall.",
        "He ran in 2016.",
    ]


def test_a_stations_share_form_before_the_story_is_no_part_of_its_lead() -> None:
    # Multi-News 00023 and 00136: WRAL's share-by-email form, run into the lead.
    text = ("You must enter the characters with black color that stand out from the other characters "
            "message: * a friend wanted you to see this item from wral.com: http://wr.al/ym27 \u2014 the fbi "
            "and wilson county authorities are investigating the theft of gold. Two guards were tied up.")
    assert [s.text for s in _segment_block(text)] == [
        "the fbi and wilson county authorities are investigating the theft of gold.",
        "Two guards were tied up."]
    # ... also where the form's prompt ends in a full stop, its message then a sentence of its own.
    text = ("You must enter the characters with black color that stand out from the other characters. "
            "Message: * a friend wanted you to see this item from wral.com: http://wr.al/ym27 \u2014 the fbi "
            "and wilson county authorities are investigating the theft of gold. Two guards were tied up.")
    assert [s.text for s in _segment_block(text)][1:] == [
        "the fbi and wilson county authorities are investigating the theft of gold.",
        "Two guards were tied up."]
    # A friend in the story is prose.
    text = "A friend wanted you to see this item, she said. Two guards were tied up."
    assert [s.text for s in _segment_block(text)] == [
        "A friend wanted you to see this item, she said.", "Two guards were tied up."]


def test_a_related_storys_headline_and_read_more_link_end_before_the_story_they_run_into() -> None:
    # Multi-News 00209, 00046, 00259: the Guardian's link to another story, its markup lost.
    text = ("He won for a passage in his novel. Bad sex award 2016: the contenders in quotes read more de "
            "luca's win was announced at a ceremony in london on wednesday night. Men's road race heads "
            "for conclusion on day one \u2013 live! read more even as organisers scrambled to investigate "
            "both issues, they promised to sell tickets. Dan brown: the author of inferno Read more Brown "
            "topped the list again this year, the charity said.")
    # The headline and its link are no sentence of the story (split_sentences keeps them, refused).
    assert [s.text for s in _segment_block(text)] == [
        "He won for a passage in his novel.",
        "de luca's win was announced at a ceremony in london on wednesday night.",
        "even as organisers scrambled to investigate both issues, they promised to sell tickets.",
        "Brown topped the list again this year, the charity said.",
    ]
    assert [s.index for s in _segment_block(text)] == [0, 1, 2, 3]
    assert split_sentences(text)[1:3] == [
        "Bad sex award 2016: the contenders in quotes read more",
        "de luca's win was announced at a ceremony in london on wednesday night."]
    assert broken_rule("Bad sex award 2016: the contenders in quotes read more") is not None


@pytest.mark.parametrize("text", [
    "Study: teens read more in school than adults, and the gap grows every single year.",  # a short opening
    "Study: teenage girls in big cities read more books than boys, and the gap grows every year.",
    "The library: members of the club can read more this year than ever before, it said.",
    "The library: members of the club said they read more in winter than in summer last year.",
    "Everything you need to know about the summit and the talks read more in january, the duo and the "
    "producer used the forum to announce it.",  # no headline's mark
    "Dan brown: the author of inferno read more here, it said.",  # too short for a story's sentence
    # A review's probes: a dash is no headline's mark, a past or a relative clause before the link is
    # prose, and a capital after a capitalised word is a name's ("Ian Read") or a title's.
    "The results \u2014 which surprised the researchers \u2014 showed that adults read more fiction in 2016 "
    "than they had in 2012.",
    "The results \u2014 a surprise to the authors \u2014 show adults read more fiction this year than last.",
    "Sales rose 5 percent: consumers read more e-books on their phones than ever, the publisher said.",
    "The verdict: children who own e-readers read more frequently, but enjoy it less, the charity said.",
    "Pfizer chief executive Ian Read more recently has focused on cutting costs across the company.",
    "In the program, known as Read More Books, children earn prizes for every book they finish.",
])
def test_read_more_in_prose_or_without_a_headlines_mark_ends_no_sentence(text: str) -> None:
    assert [s.text for s in _segment_block(text)] == [text]


def test_a_bracketed_pointer_to_a_gallery_or_related_story_is_no_part_of_the_sentence_it_runs_into() -> None:
    # Multi-News 00117 and 00054: a page without line breaks runs the pointer into the next sentence.
    text = ("For the first time, it carried a crew of three. [ gallery \u2014 spaceshiptwo makes first glide "
            "flight ] to begin, spaceshiptwo was lifted to high altitude. [ related: how to turn a failed "
            "campaign into a media career ] it's unclear if caintv is a website. [Photos] show the craft "
            "at rest.")
    assert [s.text for s in _segment_block(text)] == [
        "For the first time, it carried a crew of three.",
        "to begin, spaceshiptwo was lifted to high altitude.",
        "it's unclear if caintv is a website.",
        "[Photos] show the craft at rest.",  # an editor's insertion, no pointer: kept
    ]
    # A reviewer's probes: an editor's bracket around words that open with a hyphenated compound.
    kept = ["[Video-game makers] have failed our children, the senator said.",
            "[Related-party deals] were never disclosed to shareholders, the filing said.",
            "[Gallery-goers] lined up around the block on Sunday."]
    assert [s.text for s in _segment_block("Sales rose. " + " ".join(kept))] == ["Sales rose.", *kept]


@pytest.mark.parametrize(("text", "second"), [
    # A page's bare "Photo" marker where an image stood, run into the next sentence (Multi-News 00216,
    # 00147): left out of the sentence as a run-in label is, before a quotation mark or a title only.
    ('"she will not be returning to the institution. " photo ms. Rowe, a freshman at the university, '
     "described her roommate's behavior on monday.",
     "ms. Rowe, a freshman at the university, described her roommate's behavior on monday."),
    ('The banks were slow. Photo "it\'s inexcusable that the banks did not staff up, " said an analyst.',
     '"it\'s inexcusable that the banks did not staff up, " said an analyst.'),
    # ... or a clause's opening preposition and determiner (Multi-News 00188).
    ("The wage is set by the department. Photo under the deal, guest workers could seek citizenship.",
     "under the deal, guest workers could seek citizenship."),
    ("Roofs were torn away. Photo after photo showed entire neighbourhoods reduced to rubble.",
     "Photo after photo showed entire neighbourhoods reduced to rubble."),
    ("The rescue took hours. Photo in hand, she walked to the station to report him missing.",
     "Photo in hand, she walked to the station to report him missing."),
    ("Officers released two images. Photo before the surgery shows the girl with her mother.",
     "Photo before the surgery shows the girl with her mother."),
    # ... not a noun compound of "photo", nor a credit.
    ("The law passed. Photo identification is required to vote in the state.",
     "Photo identification is required to vote in the state."),
    ("The reindeer are in decline. Photo by grigorii pisotsckii/shutterstock.",
     "Photo by grigorii pisotsckii/shutterstock."),
])
def test_a_bare_photo_marker_is_left_out_of_the_sentence_it_runs_into(text: str, second: str) -> None:
    assert [s.text for s in _segment_block(text)][1] == second


def test_a_spaced_out_closing_quote_ends_the_sentence_it_closes() -> None:
    # Multi-News text spaces its punctuation out: the mark after "ours." closes the quotation.
    first = ('petraeus disclosed the affair in a letter released to the cia work force on friday '
             'afternoon, writing: " such behavior is unacceptable, both as a husband and as the leader of '
             'an organization such as ours. "')
    second = ("petraeus told president barack obama of his affair and offered his resignation during a "
              "meeting thursday, a senior official told nbc news.")
    assert split_sentences(f"{first} {second}") == [first, second]
    # A sentence that is all quotation: the mark after it closes it.
    text = ('" i had a more palpable understanding of the issues joe was going through. " serna is a '
            'decorated war veteran.')
    assert split_sentences(text) == [
        '" i had a more palpable understanding of the issues joe was going through. "',
        "serna is a decorated war veteran."]
    assert split_sentences('He said: " we are done. " " We will return, " she said.') == [
        'He said: " we are done. "', '" We will return, " she said.']
    # A mark that ends the text stays with the last sentence.
    assert split_sentences('The shop was " overwhelmed. "') == ['The shop was " overwhelmed. "']


def test_a_spaced_out_mark_after_a_sentence_inside_a_quotation_closes_it() -> None:
    # Multi-News 00159: the quotation opens in the sentence before; the sentence between has no mark
    # of its own, and the mark after it closes the quotation, not the next sentence.
    text = ('Trump said he spoke with schlafly by telephone "and she sounded as resilient as ever... She was '
            'a patriot, a champion for women, and a symbol of strength. " schlafly once called feminists '
            '"a bunch of bitter women. "')
    assert split_sentences(text) == [
        'Trump said he spoke with schlafly by telephone "and she sounded as resilient as ever...',
        'She was a patriot, a champion for women, and a symbol of strength. "',
        'schlafly once called feminists "a bunch of bitter women. "']
    # Over two sentences without marks, and a bracket the sentence before opened (Multi-News 00016).
    assert split_sentences('He said " we came. We saw. We won. " Then he left.') == [
        'He said " we came.', "We saw.", 'We won. "', "Then he left."]
    assert split_sentences('( to quote oswalt: "that was dark. Over on cable, it was amazing. " ) how '
                           'could it be?') == [
        '( to quote oswalt: "that was dark.', 'Over on cable, it was amazing. " )', "how could it be?"]
    # With no quotation open before, a spaced-out mark after a sentence opens the next one.
    assert split_sentences('We waited. " no one came, " she said.') == [
        "We waited.", '" no one came, " she said.']


def test_an_abbreviation_inside_a_short_aside_in_brackets_ends_no_sentence() -> None:
    # Multi-News 00148: "dept." in an aside cut the sentence, and "Of industrial engineering, ..."
    # printed as a bottom line's bullet.
    text = ("The samples were provided in 2010 by giulio fanti ( dept. Of industrial engineering, university "
            "of padua, italy ), who in turn received them from giovanni riggi. Four samples were collected.")
    assert split_sentences(text) == [text[:text.index(" Four")], "Four samples were collected."]
    # A bracket that closes after another sentence's end is no aside.
    long = "He left ( see the dept. Of state. It said so. ) Then he came back."
    assert split_sentences(long) == [
        "He left ( see the dept.", "Of state.", "It said so. )", "Then he came back."]


def test_a_pages_continue_reading_prompt_is_no_part_of_the_sentence_after_it() -> None:
    # Multi-News 00292: the prompt printed at the start of a bullet.
    text = ("The buildings were evacuated. Continue reading below police ultimately found no suspicious "
            "devices, officials said.")
    assert [s.text for s in _segment_block(text)] == [
        "The buildings were evacuated.", "police ultimately found no suspicious devices, officials said."]


def test_a_headline_before_a_bare_updated_label_is_no_part_of_the_lead() -> None:
    # Multi-News 00166: the page runs the headline and its "updated" label into the story's lead.
    text = ("Man who had de facto kidnapped in africa murder plot jailed in melbourne updated a melbourne "
            "man has been sentenced to nine years ' jail. He appealed.")
    assert [s.text for s in _segment_block(text)] == [
        "a melbourne man has been sentenced to nine years ' jail.", "He appealed."]
    # A story that opens on something updated keeps its words.
    prose = "The agency updated the figures on monday, officials said. They rose."
    assert _segment_block(prose)[0].text == "The agency updated the figures on monday, officials said."


def test_a_place_dateline_opening_a_storys_second_sentence_is_no_part_of_it() -> None:
    # Multi-News 00298: a video's blurb run into the story puts the story's dateline second.
    text = ("Nbc's brian williams reports on the resignation of david petraeus from the cia. Washington -- "
            "cia director david petraeus resigned friday, citing an affair. Cannes -- the festival opened.")
    assert [s.text for s in _segment_block(text)] == [
        "Nbc's brian williams reports on the resignation of david petraeus from the cia.",
        "cia director david petraeus resigned friday, citing an affair.",
        "Cannes -- the festival opened."]  # the third sentence: no dateline goes there
    # With capitals, a word and a dash open prose, not a dateline.
    cased = ("Crews from three towns fought the fire in Dover. Firefighters -- exhausted, arrived at dawn. "
             "The fire was out by noon, Chief Ann Lee said.")
    assert [s.text for s in _segment_block(cased)][1] == "Firefighters -- exhausted, arrived at dawn."
    # An aside set off by two dashes is the sentence's own.
    aside = "The map was new. Arthropods \u2014 a huge group \u2014 have been living alongside people."
    assert [s.text for s in _segment_block(aside)][1].startswith("Arthropods \u2014 a huge group")




def test_a_headline_run_into_a_place_dateline_is_no_part_of_the_storys_first_sentence() -> None:
    # Multi-News 00299 and 00290: a page without line breaks runs its headline into the dateline.
    text = ("New allegations against kennel where 20 dogs died phoenix -- new allegations are coming out "
            "against the dog boarding business where 20 dogs died last week. Owners were angry.")
    assert [s.text for s in _segment_block(text)] == [
        "new allegations are coming out against the dog boarding business where 20 dogs died last week.",
        "Owners were angry."]
    rages = ("Russia joins syria truce calls as fighting rages damascus \u2014 syria's ally russia added its "
             "voice monday to rising calls for a truce so aid can be sent.")
    assert _segment_block(rages)[0].text.startswith("syria's ally russia added its voice monday")
    # Prose before an aside says something else than what follows the dash: it stays.
    prose = ("The mysteries of stonehenge are revealed sometimes by unusual methods \u2014 forgetting to "
             "water its grass or whacking its stones with quartz.")
    assert _segment_block(prose)[0].text == prose
    # A noun the words after the dash name again is set off by an apposition, no place.
    appos = ("Taliban fighters have released video showing a captured allied soldier -- a dog soldier that "
             "taliban fighters captured, pentagon officials said.")
    assert _segment_block(appos)[0].text == appos
    # A headline printed twice, the second time with a dash inside, is no dateline: the first printing
    # is a headline run into the second (text/headlines.py), which keeps its dash.
    twice = ("Lindsay lohan crash truck driver says it was all her fault lindsay lohan crash -- truck driver "
             "says it was all her fault exclusive the guy driving the truck tells tmz.")
    assert _segment_block(twice)[0].text == twice[twice.index("lindsay lohan crash --"):]
    # Only a story's first sentence, and only in text that writes names in lower case.
    later = "The clinic opened. " + text
    assert _segment_block(later)[1].text.startswith("New allegations against kennel")
    cased = ("New Allegations Against Kennel Where 20 Dogs Died Phoenix -- New allegations are coming out "
             "against the Green Acre dog boarding business in Gilbert, Arizona, where 20 dogs died.")
    assert _segment_block(cased)[0].text == cased


def test_a_headline_ended_by_a_places_abbreviation_goes_and_the_lead_after_the_dash_stays() -> None:
    # Multi-News 00270, 00037 and 00192: the stop of "mass." ended a "sentence" of headline and place,
    # and the lead kept the dash it opened with.
    text = ("0 burglars break into rob gronkowski's home while away playing in super bowl lii foxborough, "
            "mass. - foxborough police are investigating a burglary at the home of rob gronkowski. "
            "Officers stayed until about 11 p.m.")
    assert [s.text for s in _segment_block(text)] == [
        "foxborough police are investigating a burglary at the home of rob gronkowski.",
        "Officers stayed until about 11 p.m."]
    station = ("Smithfield employee accused of urinating on production line video video smithfield, va. "
               "( wavy ) - a smithfield foods employee is accused of urinating on the production line.")
    assert [s.text for s in _segment_block(station)] == [
        "a smithfield foods employee is accused of urinating on the production line."]
    # A first sentence that ends on a place is kept when no dash opens the next.
    plain = ("the fire started in a warehouse near olympia, wash. Crews worked through the night. "
             "- more to come.")
    assert _segment_block(plain)[0].text == "the fire started in a warehouse near olympia, wash."
    # ... nor when a dash opens the next after a first sentence that ends on no place.
    port = "the fire started in a warehouse near the port. - crews worked through the night."
    assert _segment_block(port)[0].text == "the fire started in a warehouse near the port."


def test_a_spaced_mark_after_a_comma_closes_a_quotation_the_sentence_before_left_open() -> None:
    # Multi-News 00280: the quotation opens a sentence before; the mark after "different," closes it
    # before its speaker, so the mark after "accident." opens the next quotation and the one after
    # "feeling." closes that: the news after it ("the millers lost ...") opens on no mark.
    text = ('" there\'s not a day that goes by that i don\'t pray to make it different. But now we have '
            'this opportunity to make other parents\'days different, " an emotional morgan miller told '
            'today\'s savannah guthrie in the couple\'s first public interview since the accident. " we '
            'have the choice to live our days with purpose. " the millers lost their youngest child on '
            'june 10 after she fell into a neighbor\'s pool.')
    assert split_sentences(text) == [
        '" there\'s not a day that goes by that i don\'t pray to make it different.',
        'But now we have this opportunity to make other parents\'days different, " an emotional morgan '
        'miller told today\'s savannah guthrie in the couple\'s first public interview since the accident.',
        '" we have the choice to live our days with purpose. "',
        "the millers lost their youngest child on june 10 after she fell into a neighbor's pool."]
    # With no quotation open before, such a mark opens what follows it; an inch's mark opens none.
    assert split_sentences('The mayor spoke. In a statement, " we will rebuild. " The rain stopped.') == [
        "The mayor spoke.", 'In a statement, " we will rebuild. "', "The rain stopped."]
    assert split_sentences('Snow fell 12". In Boston, " we lost power. " Crews worked all night.') == [
        'Snow fell 12".', 'In Boston, " we lost power. "', "Crews worked all night."]


def test_after_a_sentence_that_closes_an_earlier_quotation_a_spaced_mark_opens_the_next() -> None:
    # Multi-News 00071: the quotation opened a sentence before; the mark after "lady." opens another one.
    text = ('" tito is a loving, sweet man. I\'ve always supported him, " said the former leading lady. '
            '" for him to lash out at me is shocking. " asked if she would press charges, she said yes.')
    assert split_sentences(text) == [
        '" tito is a loving, sweet man.',
        'I\'ve always supported him, " said the former leading lady.',
        '" for him to lash out at me is shocking. "',
        "asked if she would press charges, she said yes."]
    # A mark after a reporting verb and a comma opens what was said, whatever follows it.
    assert split_sentences('Officials said, " police told us nothing . " The family waited .') == [
        'Officials said, " police told us nothing . "', "The family waited ."]
    # A sentence whose first mark opens a quotation still leaves it open for the mark after it.
    assert split_sentences('Ortiz said: " it was. " Police came.') == [
        'Ortiz said: " it was. "', "Police came."]


def test_a_gallery_teaser_and_a_credit_before_a_dateline_are_left_out_of_the_lead() -> None:
    # Multi-News: a photo gallery's teaser and credit, then the story's own dateline and lead; then
    # a photo's caption and credit and the next story's dateline and lead.
    text = ("police engaged in a gunfight... ( associated press ) iguala, mexico ( ap ) \u2014 a clandestine "
            "grave contained 28 bodies, officials said. A man apparently shot himself along the north "
            "fence of the white house. ( photo: pablo martinez monsivais, ap ) washington "
            "( ap ) \u2014 a man fatally shot himself outside the white house on saturday.")
    assert [s.text for s in _segment_block(text)] == [
        "a clandestine grave contained 28 bodies, officials said.",
        "a man fatally shot himself outside the white house on saturday.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Multi-News capitalises every word after a full stop: an auxiliary after an acronym goes on.
        ("Before her plea, g.m. Had conducted an internal review. It was secret.",
         ["Before her plea, g.m. Had conducted an internal review.", "It was secret."]),
        ("the u.s. Has said it will act. It did.", ["the u.s. Has said it will act.", "It did."]),
        ("netflix inc. Has recruited a new chief. It did.",
         ["netflix inc. Has recruited a new chief.", "It did."]),
        # A question or an inversion the auxiliary opens (its subject follows it) is a sentence of its own;
        # so is any other word after an acronym.
        ("He moved to the U.S. Was it worth it? Yes.", ["He moved to the U.S.", "Was it worth it?", "Yes."]),
        ("He moved to the U.S. Was the U.N. right to act? Yes.",
         ["He moved to the U.S.", "Was the U.N. right to act?", "Yes."]),
        ("He left the U.S. Had he stayed, he would be rich.",
         ["He left the U.S.", "Had he stayed, he would be rich."]),
        ("Prices rose in the U.S. Is 3.5 percent a lot? Yes.",
         ["Prices rose in the U.S.", "Is 3.5 percent a lot?", "Yes."]),
        ("The car was made by g.m. Officials said it was safe.",
         ["The car was made by g.m.", "Officials said it was safe."]),
        # A relative pronoun opens no statement: it goes on the clause before, unless a question.
        ("Broker jasper socia, president of properties nyc, inc. Who represented laboz in the sale, said "
         "the owner plans to keep it. It was.",
         ["Broker jasper socia, president of properties nyc, inc. Who represented laboz in the sale, said "
          "the owner plans to keep it.", "It was."]),
        ("The firm is Acme Inc. Who is behind it? Nobody.", ["The firm is Acme Inc.", "Who is behind it?",
                                                             "Nobody."]),
        # ... and only after the abbreviation that ends a company's or a person's name.
        ("The meeting began at 5 p.m. Who called it remains unclear.",
         ["The meeting began at 5 p.m.", "Who called it remains unclear."]),
    ],
)
def test_an_auxiliary_after_an_acronym_starts_a_sentence_only_before_its_subject(text: str,
                                                                            expected: list[str]) -> None:
    assert split_sentences(text) == expected


# Lower-cased text as Multi-News prints it: names in lower case, every word after a full stop
# capitalised. Enough words inside sentences for the text's style to show.
_LOWER_LEAD = "officials in the capital said on tuesday that the talks with the union would go on all week. "


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        # A conjunction or a preposition after an abbreviation goes on the sentence...
        ("The disparity between the u.s. And europe is large. It grew.",
         ["The disparity between the u.s. And europe is large.", "It grew."]),
        ("He walked in at about 10: 30 a.m. And opened fire. He fled.",
         ["He walked in at about 10: 30 a.m. And opened fire.", "He fled."]),
        ("The target of resettling 10,000 refugees in the u.s. In the 2016 fiscal year will be reached "
         "monday, as hundreds depart. It is a record.",
         ["The target of resettling 10,000 refugees in the u.s. In the 2016 fiscal year will be reached "
          "monday, as hundreds depart.", "It is a record."]),
        ("The film opens in the u.k. On oct 25, 2019. It is long.",
         ["The film opens in the u.k. On oct 25, 2019.", "It is long."]),
        ("The actor arrived at the awards in l.a. On saturday, jan. 18. It rained.",
         ["The actor arrived at the awards in l.a. On saturday, jan. 18.", "It rained."]),
        # ...unless its phrase opens a new sentence: a comma soon after it, not a date's.
        ("The study looked at the u.s. Of the 19 countries they examined, the u.s. Came first.",
         ["The study looked at the u.s.", "Of the 19 countries they examined, the u.s. Came first."]),
        ("The case goes to washington, d.c. After that, it may reach the supreme court.",
         ["The case goes to washington, d.c.", "After that, it may reach the supreme court."]),
        ("The report came at 8: 29 a.m. In response to the report, police said nothing.",
         ["The report came at 8: 29 a.m.", "In response to the report, police said nothing."]),
        ("The firm moved into the u.s. In 2015, it lost $ 5 billion there.",
         ["The firm moved into the u.s.", "In 2015, it lost $ 5 billion there."]),
        ("Police were called at 6: 53 p.m. On sunday, after a neighbour phoned. It was late.",
         ["Police were called at 6: 53 p.m. On sunday, after a neighbour phoned.", "It was late."]),
        # A subject pronoun after the conjunction, or "nor", starts a clause of its own.
        ("The virus reached the u.s. And it spread quickly. It did.",
         ["The virus reached the u.s.", "And it spread quickly.", "It did."]),
        ("No one called the u.s. Nor did the embassy respond. It was late.",
         ["No one called the u.s.", "Nor did the embassy respond.", "It was late."]),
    ],
)
def test_after_an_abbreviation_in_lower_cased_text_a_conjunction_or_preposition_goes_on(
        tail: str, expected: list[str]) -> None:
    assert split_sentences(_LOWER_LEAD + tail) == [_LOWER_LEAD.strip(), *expected]


_CASED_LEAD = "Officials met in Washington on Tuesday with the Union leaders from Ohio."
# Prose about no one has no name to capitalise: lower-cased text shows itself by a witness (a
# weekday, a month, "i" or an acronym in lower case), which this has not.
_NAMELESS = "the shop is run by a family of bakers, and the bread is made every morning by the owners."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Where names are capitalised, a capital after an abbreviation is a witness: a new sentence.
        (f"{_CASED_LEAD} They came from the U.S. And Europe sent nobody.",
         [_CASED_LEAD, "They came from the U.S.", "And Europe sent nobody."]),
        (f"{_CASED_LEAD} The talks ended at 10 a.m. In Paris the markets fell.",
         [_CASED_LEAD, "The talks ended at 10 a.m.", "In Paris the markets fell."]),
        (f"{_NAMELESS} The doors open at 9 a.m. On weekends the hours are shorter.",
         [_NAMELESS, "The doors open at 9 a.m.", "On weekends the hours are shorter."]),
    ],
)
def test_after_an_abbreviation_in_cased_text_a_capitalised_preposition_starts_a_sentence(
        text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_a_spaced_out_closing_bracket_ends_the_sentence_it_closes() -> None:
    # Multi-News validation: the bracket had opened the next bullet (") forbes content licensing ...").
    first = "( see above for our slideshow of the 25 most reputable companies. )"
    second = "in putting together its annual list, ri assigns each company a score."
    assert split_sentences(f"{first} {second}") == [first, second]
    # After a closing quotation mark too; a bracket no one opened stays where it is.
    first = '( see " pictures: 5 animals that regrow body parts. " )'
    assert split_sentences(f"{first} {second}") == [first, second]
    assert split_sentences("The vote passed. ) Then it ended.") == ["The vote passed.", ") Then it ended."]
    # A square bracket too: a link's title run into the story (Multi-News validation).
    first = "[ how healthy is trump's economy? ]"
    second = "president trump greeted the report as evidence of his administration's success."
    assert split_sentences(f"{first} {second}") == [first, second]
    assert split_sentences("The vote passed. ] Then it ended.") == ["The vote passed.", "] Then it ended."]


def test_n_before_a_number_is_an_abbreviation() -> None:
    # Multi-News 00024: "nostra aetate n. 4" (number 4) split in two, and the half led a bottom line.
    assert split_sentences("The text of nostra aetate n. 4 was read in Rome. It was.") == [
        "The text of nostra aetate n. 4 was read in Rome.", "It was."]
    assert split_sentences("the text of nostra aetate n. 4 was read in rome. It was long.") == [
        "the text of nostra aetate n. 4 was read in rome.", "It was long."]


@pytest.mark.parametrize(("text", "date", "first"), [
    # A page's date stamp opening its text, as a page without line breaks prints it (Multi-News 00190,
    # 00220): the page's date, and no part of the story's first sentence.
    ("21 july 2011  for many months united nations aid agencies have warned of a crisis. Now it is here.",
     "2011-07-21", "for many months united nations aid agencies have warned of a crisis."),
    ("May 18, 2015, 1: 05 am &#124; the republican senator says he will announce his plans on june 1.",
     "2015-05-18", "the republican senator says he will announce his plans on june 1."),
    # A date the sentence is about, written as prose, stays in it and dates nothing; a word before the
    # date is no opening stamp.
    ("July 4, 2015 was the day the law took effect, officials said.", None,
     "July 4, 2015 was the day the law took effect, officials said."),
    ("March 11, 2011 changed japan forever, the report said.", None,
     "March 11, 2011 changed japan forever, the report said."),
    ("Police said on 21 july 2011 that the fire had been set on purpose.", None,
     "Police said on 21 july 2011 that the fire had been set on purpose."),
    # A stamp that goes on with its time zone stays whole, for the furniture test to take.
    ("july 30, 2018, 11: 29 am gmt / source: today by kim lee the couple grieved for their daughter.",
     "2018-07-30", "july 30, 2018, 11: 29 am gmt / source: today by kim lee the couple grieved for their "
     "daughter."),
    ("July 30, 2018, 11:29 a.m. ET the couple grieved for their daughter.", "2018-07-30",
     "July 30, 2018, 11:29 a.m. ET the couple grieved for their daughter."),
])
def test_a_date_that_opens_the_text_dates_the_page_and_leaves_the_story(text: str, date: str | None,
                                                                          first: str) -> None:
    from briefgen.sources.metadata import infer_details

    found = infer_details(text, "<text 1>").get("date")
    assert (found.value if found else None) == date
    if found:
        assert (found.how, found.where) == ("found", "date stamp")
    src = make_source("s1", text)
    sents = segment(src, [Line(source_id="s1", start=0, end=len(text), text=text, kind="prose")])
    assert sents[0].text == first


def test_a_witness_of_lower_cased_names_in_a_cut_dateline_still_counts_for_the_paragraph() -> None:
    # Multi-News 00136: the page's only lower-case acronym is its dateline's "n.c.", which is cut off
    # before the paragraph is split; the rest of the page still writes names in lower case, so a
    # preposition after a company's "inc." goes on its sentence.
    text = ("Raleigh, n.c. ( ap ) — shortly after dusk along a lonely stretch of interstate 95, armed "
            "robbers hijacked an armored truck, tied up the two guards and disappeared into the night with "
            "275 pounds of gold bars. The guards working for transvalue inc. Of miami reported pulling off "
            "to the side of the interstate about 6: 30 p.m. Sunday after their vehicle began having "
            "mechanical problems, according to the wilson county sheriff's office.")
    texts = [s.text for s in _segment_block(text)]
    assert texts[1].startswith("The guards working for transvalue inc. Of miami reported pulling off")
    assert len(texts) == 2


def test_a_cased_page_with_one_lower_case_witness_keeps_its_paragraphs_cased() -> None:
    # A quoted tweet's lower-case "i" is no sign that the page writes names in lower case: a
    # paragraph of it that names no one inside its sentences still ends a sentence at "a.m. After".
    paras = ["LOS ANGELES (AP) \u2014 The singer Tom Hale died on Tuesday at his home, his publicist said.",
             "The singer was found unresponsive at about 11 a.m. After paramedics arrived he was pronounced "
             "dead at the scene, and the cause of death was not immediately known, the sheriff's office said "
             "in a statement released late in the day.",
             'Fans flooded social media. "so sad, i loved his songs," one fan wrote on Twitter.']
    text = "\n\n".join(paras)
    blocks, at = [], 0
    for para in paras:
        blocks.append(Line(source_id="s1", start=at, end=at + len(para), text=para, kind="prose"))
        at += len(para) + 2
    texts = [s.text for s in segment(make_source("s1", text), blocks)]
    assert "The singer was found unresponsive at about 11 a.m." in texts


@pytest.mark.parametrize(("text", "first"), [
    # A time after a determiner names what follows it (Multi-News 00156, from an analyst's reading) ...
    ("Mr. Ferguson has been the host of the cbs 12: 35 a.m. Show since january 2005. He left.",
     "Mr. Ferguson has been the host of the cbs 12: 35 a.m. Show since january 2005."),
    ("Letterman is leaving his own 11: 35 p.m. Late-night show in 2015. It ended.",
     "Letterman is leaving his own 11: 35 p.m. Late-night show in 2015."),
    # ... a time after a preposition ends its sentence where a capital follows.
    ("He left the bank at 6 P.M. Mr. Smith then went to the store.", "He left the bank at 6 P.M."),
    ("The polls closed in the state at 8 p.m. Officials began counting.",
     "The polls closed in the state at 8 p.m."),
])
def test_a_time_that_names_what_follows_ends_no_sentence(text: str, first: str) -> None:
    assert split_sentences(text)[0] == first


@pytest.mark.parametrize("text", [
    "Lee met Takaichi in Nara. They agreed on DNA testing.",
    "lee met takaichi in nara on saturday for their first summit. they agreed on dna testing of the "
    "remains found at the mine. the talks ran late into the evening, officials said.",
    "12: the storm hit at noon. residents fled. officials said nothing.",
    # A capital after a number is inside a sentence, not its first word: the text is still lower-cased.
    "12 Storms hit the coast on saturday and the rain did not stop for three days in a row. residents fled "
    "inland to stay with family and friends in towns far from the sea. rescuers searched the coast for the "
    "missing fishermen through the night and into the morning. officials said the toll could rise as the "
    "water went down and more homes were reached. schools stayed closed until the roads were cleared of mud "
    "and fallen trees.",
    "( ap ) officials said the storm hit at noon. residents fled. rescuers searched the coast.",
    "\"we will rebuild,\" the mayor said. residents fled. rescuers searched the coast.",
    "By JOHN SMITH. the storm hit at noon. residents fled inland. rescuers searched the coast.",
    "",
    "12 34 56",
])
def test_lower_starts_answers_as_the_full_count_does(text: str) -> None:
    # The quick answer from the first word (most text opens with a capital) must be the one that
    # counting every word gives, whatever the text opens with.
    from briefgen.text.abbreviated import CaseStyle

    assert CaseStyle(text).lower_starts == CaseStyle(text)._count()[2]


def test_lower_starts_tells_lower_cased_text_from_cased() -> None:
    from briefgen.text.abbreviated import CaseStyle

    lowered = ("lee met takaichi in nara on saturday for their first summit. they agreed on dna testing of "
               "the remains found at the mine. the talks ran late into the evening, officials said.")
    assert CaseStyle(lowered).lower_starts
    assert not CaseStyle(lowered[0].upper() + lowered[1:]).lower_starts
