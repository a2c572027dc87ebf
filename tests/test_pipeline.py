"""The whole pipeline on the bundled seeds, checked at the model level."""

from __future__ import annotations

import re
from collections import Counter

import pytest

import briefgen
from briefgen.model import Briefing, Provenance, Sentence, Source
from briefgen.pipeline import NO_ARTICLE, derive_subject
from briefgen.render.markdown import markdown_text
from briefgen.resources import seeds_dir
from briefgen.select.standalone import broken, leans
from briefgen.select.units import passages
from briefgen.text.words import normalize

SEEDS = seeds_dir()

OUTLETS = {
    "The Chosun Daily", "Yonhap News Agency", "AloJapan.com", "News1 (English edition)",
    "Korea Policy Briefing (korea.kr)",
}

# Lines of the seeds that must never reach the memo: captions, credits,
# notices, navigation and the unrelated teaser headlines of one page.
NEVER = [
    "/Courtesy of News1", "Pool photo by Yonhap", "/ News1", "This article has been translated by AI",
    "Copyright (c) Yonhap", "AloJapan.com", "Check Out Our Content", "Most Popular Articles",
    "Copied title and URL", "Comments", "Trump", "Supreme Court", "Kim Jong Un Builds",
    "Sim Eun Kyeong", "Lee Joo Sil", "Saturday, January 31, 2026", "정책브리핑", "Gonggam",
]


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return briefgen.build_briefing()


def _printed(b: Briefing) -> list:
    return [*b.bluf, *b.facts]


def test_seeds_brief_into_the_four_default_sections(briefing: Briefing) -> None:
    assert [s.title for s in briefing.sections] == ["History", "Economy", "Security", "Ceremony"]
    assert all(sec.facts for sec in briefing.sections)
    assert len(_printed(briefing)) >= 12
    assert {s.outlet for s in briefing.sources} == OUTLETS


def test_every_printed_sentence_is_verbatim_from_each_source_it_cites(briefing: Briefing) -> None:
    texts = {s.id: " ".join(s.text.split()) for s in briefing.sources}
    for fact in _printed(briefing):
        assert fact.text == fact.representative.text
        assert fact.text in texts[fact.representative.source_id]
        members = {m.source_id for m in fact.sentences}
        assert set(fact.sources) == members, fact.text
        for member in fact.sentences:
            assert member.text in texts[member.source_id]


def test_no_sentence_that_cannot_stand_alone_is_printed_alone(briefing: Briefing) -> None:
    # Issue 19: a leaning sentence prints only in a passage right after its antecedent.
    for facts in (briefing.bluf, *(s.facts for s in briefing.sections)):
        for passage in passages(facts):
            assert not leans(passage[0].text), passage[0].text
            assert not any(broken(f.text) for f in passage), [f.text for f in passage]


def test_no_fact_is_printed_twice(briefing: Briefing) -> None:
    keys = Counter(normalize(f.text) for f in _printed(briefing))
    assert max(keys.values()) == 1
    ids = Counter(f.id for f in _printed(briefing))
    assert max(ids.values()) == 1


def test_the_leaders_drumming_is_printed_once(briefing: Briefing) -> None:
    # Issue 17: "performed a surprise drum ensemble" and "played drums together" state one fact; their
    # words overlap too little for the selector, so the memo's part keeps them apart by their statement.
    hits = [f.text for f in _printed(briefing) if re.search(r"\bdrum", f.text, re.I)]
    assert len(hits) == 1, hits


def test_small_but_meaningful_progress_appears_once_citing_all_five(briefing: Briefing) -> None:
    pattern = re.compile(r"small but (meaningful|significant) (progress|step)", re.I)
    hits = [f for f in _printed(briefing) if pattern.search(f.text)]
    assert len(hits) == 1, [f.text for f in hits]
    assert len(hits[0].sources) == 5


def test_no_caption_credit_notice_or_teaser_reaches_the_memo(briefing: Briefing) -> None:
    for fact in _printed(briefing):
        for bad in NEVER:
            assert bad not in fact.text, (bad, fact.text)


def test_header_is_filled_from_the_sources(briefing: Briefing) -> None:
    assert briefing.header.subject
    assert briefing.header.date == "14 January 2026"
    assert briefing.header.to == "The Minister"


# --- issue 21: the memo's date and subject ---------------------------------------------


def _src(sid: str, title: str, lead: str, date: str | None = "2026-01-13", how: str = "given") -> Source:
    return Source(id=sid, origin=f"{sid}.txt", text=lead, outlet=f"Outlet {sid}", title=title, date=date,
                  provenance=Provenance(date=how, title="found" if title else ""))


def test_memo_date_is_the_latest_real_coverage_date_never_a_guess() -> None:
    lead = "President Lee Jae-myung and Prime Minister Sanae Takaichi held a summit in Nara on Tuesday."
    sources = [_src("s1", "", lead, "2026-01-13"), _src("s2", "", lead, "2026-01-14", "found"),
               _src("s3", "", lead, "2026-01-31", "guessed")]
    assert briefgen.build_briefing(sources=sources).header.date == "14 January 2026"
    assert briefgen.build_briefing(sources=sources, date="2026-02-01").header.date == "1 February 2026"
    undated = [_src("s1", "", lead, None), _src("s2", "", lead, "2026-01-31", "guessed")]
    assert briefgen.build_briefing(sources=undated).header.date == ""


def test_memo_date_never_comes_from_inside_a_story(tmp_path) -> None:
    # A BRICS summit of 24 August 2023 whose story mentions 1 January 2024: undated, not January 2024.
    story = ("BRICS leaders agree to admit six new members\n\n"
             "JOHANNESBURG (Reuters) - BRICS leaders agreed on Thursday to admit six countries, whose "
             "membership takes effect on 01 January 2024, South Africa's president said.\n\n"
             "The expansion was the main decision of the summit, leaders of the bloc said in a statement.\n")
    (tmp_path / "brics-summit-expansion.txt").write_text(story, encoding="utf-8")
    (tmp_path / "brics-story-final.txt").write_text(story.replace("Thursday", "Thursday evening"),
                                                    encoding="utf-8")
    b = briefgen.build_briefing(tmp_path)
    assert b.header.date == ""
    assert [s.date for s in b.sources] == [None, None]
    assert [s.title for s in b.sources] == ["BRICS leaders agree to admit six new members"] * 2


def _subject_of(leads: list[str]) -> str:
    """The subject line of one source per lead sentence, none with a headline."""
    return derive_subject([_src(f"s{i}", "", t) for i, t in enumerate(leads, 1)])


def test_subject_names_the_event_never_a_question_nor_one_headline(briefing: Briefing) -> None:
    # The sample's headlines differ; one is a question.
    assert "?" not in briefing.header.subject
    assert briefing.header.subject not in {s.title for s in briefing.sources}
    assert briefing.header.subject == "Summit in Nara: Lee Jae-myung and Sanae Takaichi"
    assert briefgen.build_briefing(subject="Nara summit").header.subject == "Nara summit"


def test_subject_of_wire_coverage_without_headlines() -> None:
    leads = ["LONDON (AP) _ British police arrested former Chilean dictator Gen. Augusto Pinochet in London "
             "on Friday at the request of a Spanish judge.",
             "MADRID (AP) _ Spain asked Britain on Saturday to extradite Gen. Augusto Pinochet, whose arrest "
             "in London surprised Chile.",
             "SANTIAGO, Chile (AP) _ Supporters of Augusto Pinochet protested his arrest in London, "
             "Pinochet's family said."]
    assert _subject_of(leads) == \
        "Arrest in London: Augusto Pinochet"
    question = _src("s1", "Will the summit in Nara mend ties?", "Leaders met in Nara.")
    assert derive_subject([question]) == "Summit in Nara"


def test_kindred_event_words_count_as_one_event() -> None:
    # Multi-News 00103: one lead's "agreement", another's "deal" and a third's "pact" are one event,
    # printed in the word most sources use; neither alone reached the share that names it.
    leads = ["Netflix has signed Shonda Rhimes to a multi-year production deal, ending her tie to ABC.",
             "Netflix Inc. has recruited Shonda Rhimes under a multiyear exclusive agreement.",
             "Shonda Rhimes will make new shows for Netflix under a production deal announced on Sunday."]
    assert _subject_of(leads).startswith("Deal: ")
    assert _subject_of(leads[:2]).split(":")[0] in ("Agreement", "Deal")
    # An agreement not reached is no event: a strike stays a strike (a review's probe).
    strike = ["Chicago teachers went on strike on Thursday after negotiations broke down, no deal in sight.",
              "Chicago teachers began a strike on Thursday after talks failed to produce an agreement.",
              "Schools in Chicago closed in the strike as the union said the offer fell short of an accord."]
    assert _subject_of(strike).startswith("Strike")
    # "sued" as what someone did, not a suit the subject has faced before; a pact is an agreement.
    sued = ["Stormy Daniels sued President Donald Trump for defamation on Monday.",
            "Stormy Daniels has filed a defamation lawsuit against Donald Trump."]
    assert _subject_of(sued).startswith("Lawsuit")
    now = ["A Mexican restaurant in Tallahassee is being sued by a woman who fell off a donkey statue.",
           "The restaurant in Tallahassee is being sued by Kimberly Bonn over her fall."]
    assert _subject_of(now).startswith("Lawsuit")
    before = ["Travis Kalanick resigned as Uber's chief on Tuesday; the company has been sued by drivers.",
              "Uber's Travis Kalanick quit on Tuesday; Uber was sued in 2016 by Waymo."]
    assert not _subject_of(before).startswith("Lawsuit")
    may = ["Donald Trump might sue the New York Times. If Trump sues the Times, he risks a lot.",
           "Trump threatened on Friday to sue the New York Times over its reporting.",
           "Trump's lawyers are weighing suing the New York Times, aides said."]
    assert not _subject_of(may).startswith("Lawsuit")
    pact = ["Iran and six world powers reached a pact in Vienna on Tuesday.",
            "The pact signed in Vienna limits Iran's nuclear work."]
    assert _subject_of(pact).startswith("Pact")
    # A crash and an accident stay apart.
    crash = ["A bus crash near Lyon killed 12 people on Monday.",
             "Police in Lyon blamed the accident on ice.",
             "The driver survived, officials in Lyon said."]
    assert not _subject_of(crash).startswith(("Crash", "Accident"))


def test_a_heart_attack_is_no_attack_in_a_subject() -> None:
    # Multi-News 00155: "Attack: Robert Buchel" for a man who died of a heart attack.
    leads = ["Robert Buchel, a cast member of the show, died of a heart attack at the age of 41.",
             "Robert Buchel suffered a fatal heart attack in November.",
             "Robert Buchel died suddenly of a heart attack on Wednesday."]
    assert not _subject_of(leads).startswith("Attack")
    attacked = [t.replace("a heart attack", "an attack", 1).replace("heart attack", "attack")
                for t in leads]
    assert _subject_of(attacked).startswith("Attack")
    # A kind of weapon is no event either (Multi-News 00295: "Bombing" for a physics result).
    physics = ["Physicists at Imperial College London say they can turn light into matter, as in the "
               "first atomic bomb tests.", "The team's collider, the size of the first atomic bomb "
               "laboratory, turns light into matter.", "Turning light into matter was thought impossible."]
    assert not _subject_of(physics).startswith("Bombing")
    # ... only before those forms: nuclear talks are talks, an atomic bombing a bombing.
    talks = ["Iran and six powers held nuclear talks in Geneva on Monday.",
             "The nuclear talks in Geneva ended without a deal.",
             "Diplomats said the nuclear talks would resume."]
    assert _subject_of(talks).startswith("Talks")
    hiroshima = [f"Survivors of the atomic bombing of Hiroshima gathered on day {k}." for k in range(3)]
    assert _subject_of(hiroshima).startswith("Bombing")
    # A press or news conference is where the news was told (Multi-News 00024); a conference is an event.
    told = ["The Vatican presented the document at a press conference in Rome on Thursday.",
            "Cardinal Koch attended a news conference in Rome to present the document.",
            "The document was presented at a press conference in Rome, the Vatican said."]
    assert not _subject_of(told).startswith("Conference")
    climate = [t.replace("a press conference", "a climate conference").replace("a news conference",
                                                                               "a climate conference")
               for t in told]
    assert _subject_of(climate).startswith("Conference")


def test_a_meeting_or_a_war_is_no_event_word_in_a_subject() -> None:
    # Multi-News 00034 and 00079: "Meeting: Sundar Pichai" for a meeting he cancelled, "War: Adolf
    # Eichmann" for a plea for clemency released decades later.
    cancelled = ["Google's ceo, Sundar Pichai, canceled a scheduled all-hands staff meeting on Thursday.",
                 "Sundar Pichai has canceled the company's much-anticipated meeting about the memo.",
                 "Sundar Pichai was set to address employees in an all-hands meeting."]
    assert _subject_of(cancelled) == "Sundar Pichai"
    plea = ["Adolf Eichmann, the Nazi war criminal, asked for a pardon in 1962, letters released show.",
            "Letters by Adolf Eichmann from after World War II were released on Wednesday.",
            "Israel released the plea Adolf Eichmann wrote to escape the death penalty for war crimes."]
    assert _subject_of(plea) == "Adolf Eichmann"
    # A summit, talks or a visit still name the event.
    summit = [f"Leaders met at a summit in Nara on day {k}, a meeting of old rivals." for k in range(3)]
    assert _subject_of(summit).startswith("Summit in Nara")


def test_a_title_in_quotation_marks_names_no_event() -> None:
    # Multi-News 00103: "Scandal: Shonda Rhimes" for Netflix hiring the creator of "Scandal".
    leads = ["Netflix has recruited Shonda Rhimes, the creator of \"Scandal\" and \"Grey's Anatomy.\"",
             "Shonda Rhimes, who made \"Scandal,\" is leaving ABC for Netflix.",
             "Netflix signed Shonda Rhimes, the producer behind \"Scandal\", to a multiyear deal."]
    assert not _subject_of(leads).startswith("Scandal")
    assert "Shonda Rhimes" in _subject_of(leads)
    unquoted = [t.replace('\"', "") for t in leads]
    assert _subject_of(unquoted).startswith("Scandal")
    # A long quotation's closing mark pairs with its opening one, not with the next quotation's: the
    # words between the two quotations are the writer's.
    said = '"We have lost a beloved member of our community and we are heartbroken beyond words," '
    shooting = [f'{said}the mayor said of the shooting, calling it "senseless." ({k})' for k in range(3)]
    assert _subject_of(shooting).startswith("Shooting")


def test_a_subject_names_a_death_the_leads_state_in_their_main_clause() -> None:
    # Multi-News 00159: "Phyllis Schlafly" alone for her death, which both leads report.
    leads = ["Phyllis Schlafly, whose grass-roots campaigns against communism galvanized conservatives, "
             "died on Monday.",
             "Phyllis Schlafly, who became a founding mother of the conservative movement, died on Monday "
             "at the age of 92, her Eagle Forum group said."]
    assert _subject_of(leads) == "Death: Phyllis Schlafly"
    # A death a lead names in passing is no obituary: the storm is the event.
    storm = ["Hurricane Mitch killed 200 people in Honduras, where Juan Perez, a farmer, died on Monday.",
             "Hurricane Mitch swept across Honduras, and officials said dozens died."]
    assert _subject_of(storm) == "Hurricane Mitch"


def test_a_subject_names_crimes_accidents_and_studies_the_leads_share() -> None:
    # Multi-News 00270: "Rob Gronkowski" alone for a burglary of his home the three leads report.
    leads = ["Police were called to Rob Gronkowski's house for a reported burglary, Boston 25 News said.",
             "Burglars broke into Rob Gronkowski's home while he was away playing in the Super Bowl.",
             "Police are investigating a burglary at the home of Rob Gronkowski, the tight end."]
    assert _subject_of(leads) == "Burglary: Rob Gronkowski"
    study = ["A new study by Tulane University researchers found the drug slowed the disease.",
             "The study, published on Monday by Tulane University, followed 300 patients.",
             "Patients in the Tulane University study lived longer."]
    assert _subject_of(study) == "Study: Tulane University"
    # A crime named in a profile's background is not the event: the robbery and the killing are in
    # all three leads, the attack in two, and no robbery, murder or killing is an event word.
    attack = ["The attack near a Christmas market killed three people; Cherif Chekatt had been convicted of "
              "robbery and of murder.", "Cherif Chekatt, who carried out the attack, robbed shops before.",
              "Police said Cherif Chekatt, wanted for robbery and a killing in 2016, was shot dead."]
    assert _subject_of(attack) == "Attack: Cherif Chekatt"
    # Remembering is no recall: "recalled" reports what someone said.
    memories = ["Friends recalled George Bush as a kind man on Saturday.",
                "His son recalled George Bush's letters to the family.",
                "Aides recalled George Bush's humour on Sunday."]
    assert not _subject_of(memories).startswith("Recall")


def test_subject_never_takes_its_place_from_datelines() -> None:
    # Wire stories filed from a capital are not about the capital ("Trial in Beijing" for trials in
    # Hangzhou, "Bombing in Cairo" for Lockerbie): a dateline names where the reporter sat. Nor
    # is a dateline read as names in a lead ("Fire in GOTEBORG: AP and Sweden").
    leads = ["GOTEBORG, Sweden (AP) _ A fire turned a dance hall into a deathtrap, killing 60 people in "
             "Sweden's second-largest city.",
             "GOTEBORG, Sweden (AP) _ Police said the fire broke out just before midnight Thursday.",
             "STOCKHOLM, Sweden (AP) _ The king and queen mourned the fire's victims on Saturday.",
             "GOTEBORG, Sweden (AP) _ Investigators have not found the fire's cause."]
    assert _subject_of(leads) == "Fire"
    in_city = [t.replace("the fire", "the fire in Goteborg", 1) for t in leads]
    assert _subject_of(in_city) == "Fire in Goteborg"


def test_a_subject_takes_what_two_sources_share_when_nothing_more_is() -> None:
    # Ten wire stories on trials of dissidents: no one and nowhere named by a third of them, but
    # two give the place, and two the defendant by title or as a speaker.
    leads = ["China put a dissident on trial in China on Thursday, his wife said.",
             "The trial in China of a founder of a banned party lasted two hours.",
             "At the trial, Wang Youcai said that his activities were legal.",
             "Before the trial, Wang Youcai told his wife he would plead not guilty.",
             *[f"Reporters were kept away from the courthouse on day {k} of the trial." for k in range(6)]]
    assert _subject_of(leads) == \
        "Trial in China: Wang Youcai"
    # Without an event word, a place two sources name is no subject by itself.
    places = ["Snow fell in Romania overnight.", "Roads closed in Romania and Poland.",
              *[f"Temperatures fell again on day {k}." for k in range(5)]]
    assert _subject_of(places) == "Briefing"


def _opening_and_wire(opening: list[str], wire: list[str]) -> tuple[list[Source], list[Sentence]]:
    """Two sources, a feature's opening (s1) and a wire story (s2), with their sentences."""
    sources = [_src("s1", "", " ".join(opening)), _src("s2", "", " ".join(wire))]
    sentences = [Sentence(text=t, source_id=sid, index=i, start=0, end=len(t))
                 for sid, texts in (("s1", opening), ("s2", wire)) for i, t in enumerate(texts)]
    return sources, sentences


def test_a_feature_opening_of_short_sentences_is_read_past_for_the_subject() -> None:
    # "A dark intersection. A church van full of parishioners. And tragedy.": a lead of three
    # sentences this short says nothing of the event; it runs on to a lead paragraph's words.
    opening = ["A dark intersection.", "A church van full of parishioners.", "And tragedy.",
               "Hours later, police in Glades County said the van crash had killed eight people."]
    wire = ["A church van crash killed eight people in Glades County, Florida, on Monday.",
            "The driver ran a stop sign."]
    sources, sentences = _opening_and_wire(opening, wire)
    assert derive_subject(sources, sentences) == "Crash"
    assert derive_subject(sources, [s for s in sentences if s.source_id == "s2" or s.index < 3]) == "Briefing"


def test_questions_opening_a_story_are_no_statements_of_its_lead() -> None:
    # "Were 18th-century pirates literate? What sort of books did they keep on board ship? A fascinating
    # new discovery ...": a lead is three statements (and LEAD_WORDS words); the questions tell nothing.
    opening = ["Were the pirates who sailed the caribbean in the eighteenth century able to read at all?",
               "what sort of books, if any, did they keep on board their ships during their long voyages?",
               "scientists were surprised by what the conservators in north carolina found last year.",
               "fragments of a travel book were found in a cannon of blackbeard's flagship.",
               "a conservation lab in greenville announced the find on thursday."]
    wire = ["Fragments of a travel book were found in a cannon of blackbeard's flagship, experts said.",
            "The lab announced the find on thursday."]
    sources, sentences = _opening_and_wire(opening, wire)
    assert derive_subject(sources, sentences) == "Blackbeard Flagship"
    # Read as three sentences, the opening's questions would have kept the lead from the news.
    assert derive_subject(sources, [s for s in sentences if s.source_id == "s2" or s.index < 3]) == "Briefing"


def test_a_story_of_a_sentence_is_a_sentencing_not_an_arrest() -> None:
    leads = ["A British-Iranian woman arrested at a volleyball match was sentenced to a year in prison.",
             "An Iranian court sentenced the woman, who was arrested in June, to one year in jail.",
             "The woman was sentenced on Sunday, her lawyer said, months after her arrest."]
    assert _subject_of(leads) == "Sentencing"


def test_a_candidacy_is_no_part_of_a_name_in_lower_cased_coverage() -> None:
    # Multi-News 00214: "Nominee Donald" from "republican presidential nominee donald trump".
    leads = ["Republican presidential nominee donald trump returned to his preferred way of speaking.",
             "republican presidential nominee donald trump's rallies have turned into eruptions of emotion.",
             "Donald trump might sue the new york times over its reporting, the nominee said."]
    assert _subject_of(leads) == "Donald Trump"


def test_a_trade_before_a_name_is_no_part_of_it_in_lower_cased_coverage() -> None:
    # Multi-News 00257: "Astronaut Neil" from "us astronaut neil armstrong", the rarer pair of two.
    leads = ["a bag used by us astronaut neil armstrong to collect moon dust has sold for $ 1.8m.",
             "The bag, used by astronaut neil armstrong on the moon in 1969, sold at sotheby's.",
             "Nasa had fought for the bag astronaut neil armstrong used on the apollo 11 mission."]
    assert _subject_of(leads) == "Neil Armstrong"


def test_a_lower_cased_name_goes_on_past_its_particle() -> None:
    # Multi-News 00209: "Erri De" from "erri de luca"; a name never ends on its particle.
    leads = ["Italian author erri de luca has added another accolade to his career.",
             "The writer erri de luca has won the bad sex award for a passage in his novel.",
             "Judges said erri de luca's passage was the worst of the year."]
    assert _subject_of(leads) == "Erri De Luca"
    leads = ["Italian author erri de luca won on monday.", "The writer erri de rossi won on tuesday.",
             "Judges said erri de palma won it."]
    assert _subject_of(leads) == "Erri"
    # Nor does a name of two words end on one: "Osama Bin" was the pair most leads share.
    leads = ["osama bin laden was killed on sunday, officials said.", "The raid that killed osama bin laden "
             "took 40 minutes.", "osama bin laden's body was buried at sea on monday."]
    assert _subject_of(leads) == "Bin Laden"


def test_a_subject_of_lower_cased_coverage_finds_the_name_the_sources_share() -> None:
    # Multi-News writes names in lower case: capitals find no one. A pair of words most sources
    # share, one of them missing from common English, is the name.
    leads = ["The judge in oscar pistorius' murder trial ruled out murder on thursday.",
             "Judge thokozile masipa said the state had not proved that oscar pistorius meant to kill.",
             "Oscar pistorius, the double-amputee athlete, shot his girlfriend, the trial heard."]
    assert _subject_of(leads) == "Trial: Oscar Pistorius"
    # Common words make no name, however often the sources print them together.
    wounded = ["A gunman opened fire at a party, seriously wounding 12 people, police said.",
               "Police said the attack left 14 dead and many seriously wounding injuries.",
               "The gunman fled after seriously wounding guests, police said."]
    assert _subject_of(wounded) == "Briefing"
    # Every part of a hyphenated name takes its capital; a common plural makes a topic, not a name.
    activist = ["Activist zainab al-khawaja was jailed again on monday.",
                "Zainab al-khawaja, a rights activist, was sentenced to a year.",
                "The court gave zainab al-khawaja a year for tearing a photo of the king."]
    assert _subject_of(activist) == "Zainab Al-Khawaja"
    # A common plural makes a topic, not a name: no pair. The rare word the leads share is then the
    # subject; the plural beside it (a verb's form as often) stays out.
    shoes = ["Customs seized 20,000 louboutin shoes at the port on friday.",
             "The louboutin shoes were worth millions, officials said.",
             "Officials said louboutin shoes are among the most copied."]
    assert _subject_of(shoes) == "Louboutin"
    # Text with capitals is read by them alone (here no one is named with a title or as a speaker).
    capitals = [t.replace("oscar pistorius", "Oscar Pistorius").replace("masipa", "Masipa") for t in leads]
    assert _subject_of(capitals) == "Trial"


def test_a_name_the_leads_print_as_a_speaker_gives_way_to_one_they_report_on() -> None:
    # Multi-News 00267: "Jodi Kantor", the reporter each lead cites, was the subject of a story on
    # Johnny Depp. A name printed as a speaker at least half the times it is printed is the leads'
    # source: another name the same sources share comes first.
    leads = ["johnny depp's finances are in ruins, jodi kantor said in an interview on friday.",
             "According to jodi kantor, johnny depp spent $2 million a month for years.",
             "jodi kantor, who wrote the report, said johnny depp had sued his managers."]
    assert _subject_of(leads) == "Johnny Depp"
    # Printed as a speaker once of three times, the name is what the story reports on.
    reported = ["jodi kantor won a prize on friday for her reporting on johnny depp.",
                "The prize went to jodi kantor, whose stories on johnny depp ran in march.",
                "jodi kantor said she was grateful, johnny depp's lawyers said nothing."]
    assert _subject_of(reported) == "Jodi Kantor"
    # With no other name shared, the speaker's name is still better than none.
    alone = ["Cars from google had 11 accidents, chris urmson said.",
             "chris urmson, head of the program, said no one was hurt."]
    assert _subject_of(alone) == "Chris Urmson"


def test_words_a_bracket_or_a_comma_parts_make_no_name_in_lower_cased_coverage() -> None:
    # Multi-News 00190 would have read "Programme Wfp" from "world food programme ( wfp )".
    leads = ["The world food programme ( wfp ) warned of famine in yemen.",
             "Aid from the world food programme ( wfp ) cannot reach the port.",
             "A world food programme ( wfp ) convoy was stopped on monday."]
    # Nothing else is shared ("wfp" is too short a word to be a name alone): nothing is made up.
    assert _subject_of(leads) == "Briefing"


@pytest.mark.parametrize(("leads", "subject"), [
    # Two words each common in English are a name when together they are rare.
    (["Albert einstein's travel diaries were published on tuesday.",
      "The diaries show albert einstein's views of the people he met.",
      "Scholars said the notes of albert einstein surprised them."], "Albert Einstein"),
    # No pair: the rare word the leads share ...
    (["Supporters of gadhafi celebrated in tripoli on sunday.",
      "Rebels retreated as gadhafi forces advanced.",
      "The capital stayed loyal to gadhafi, residents said."], "Gadhafi"),
    # ... with the word printed beside it every time, a title left out.
    (["President donald trump thanked supporters in a new ad.", "The ad for donald trump ran on monday.",
      "Critics said donald trump paid for it from campaign funds."], "Donald Trump"),
    # A source with no lead (a page of furniture) does not count among those that must share it ...
    (["Cambridge analytica, a data firm, is shutting down, it said on wednesday.", "",
      "Staff at cambridge analytica were told to hand in their keys."], "Cambridge Analytica"),
    # ... and one source's words are no name it shares unless its lead prints a name of two words twice
    # (Multi-News 00254); a single word printed twice is as often a topic; nor is a reporting verb
    # part of one.
    (["Cambridge analytica, a data firm, is shutting down, it said on wednesday.", ""], "Briefing"),
    (["priscilla chan is giving $3 billion to research. the pediatrician priscilla chan said so.", ""],
     "Priscilla Chan"),
    (["mark zuckerberg is giving $3 billion to research. facebook ceo mark zuckerberg said so.", ""],
     "Mark Zuckerberg"),
    (["teens are vaping more. e-cigarettes are popular with teens, and e-cigarettes sell well.", ""],
     "Briefing"),
    # ... or names someone in full once and again by one name, the rarer (Multi-News 00051).
    (["nick stahl is missing, his wife said. stahl's wife filed a missing person's report on monday.", ""],
     "Nick Stahl"),
    (["nick stahl is missing, his wife said. the actor's wife filed a missing person's report.", ""],
     "Briefing"),
    (["they would seize legally purchased guns. the bill is legally binding, its sponsor said.", ""],
     "Briefing"),  # an adverb is no surname (Multi-News 00083)
    (["the fda approved keytruda for lung cancer. keytruda is made by a drug maker.", ""],
     "Briefing"),  # a verb and its object are no name (a review's probe)
    (["the wildfire forced thousands to flee their homes on monday.", ""], "Wildfire"),
    (["parscale said the ad would run.", "The ad cost $1 million, parscale said.",
      "parscale said more ads would follow."], "Parscale"),
    # Neither a person named by their part, nor an outlet, nor a verb and its object is a subject.
    (["The gunman fled the mall on foot, police said.", "Police found the gunman hours later.",
      "The gunman was 19."], "Briefing"),
    (["In an interview with msnbc on friday, the senator spoke of taxes.",
      "The senator told msnbc that taxes would rise."], "Briefing"),
    (["A storm threatens florida on monday, forecasters said.", "The storm threatens florida's coast."],
     "Storm"),
    # A day is when, not who: neither a feast nor a weekday printed beside a name is part of a subject
    # (Multi-News 00210's "Charges: Easter Sunday", 00264's "Croatia Thursday").
    (["A girl was assaulted on easter sunday, police said.",
      "Police said the girl was assaulted on easter sunday.", "The easter sunday assault shocked the town."],
     "Briefing"),
    (["Migrants fell ill in croatia thursday.", "Hospitals in croatia thursday treated sick migrants.",
      "Sick migrants in croatia thursday ate wild fungi."], "Croatia"),
    # ... nor, in text with capitals, a feast's day ("Easter Sunday" is a name only of a day).
    (["A girl was assaulted on Easter Sunday in Vernal, police said.",
      "Police said the girl was assaulted on Easter Sunday.", "The Easter Sunday assault shocked Vernal."],
     "Briefing"),
    # A compound of common words is no name, rare as the whole may be in the word list.
    (["An employee pushed a 71-year-old passenger to the floor, a video shows.",
      "The video shows a 71-year-old houston man pushed by a worker."], "Briefing"),
    # ... but a compound with a one-letter part is a name of its own.
    (["Shares of t-mobile rose on friday after the merger news.", "The deal values t-mobile at $26 billion."],
     "T-Mobile"),
])
def test_a_subject_of_lower_cased_coverage_falls_back_on_what_the_leads_share(leads: list[str],
                                                                            subject: str) -> None:
    assert _subject_of(leads) == subject


def test_a_lone_sources_headline_does_not_count_towards_the_name_its_lead_prints_twice() -> None:
    from briefgen.facts.subject import Coverage
    from briefgen.facts.subject import derive_subject as subject_line

    lead = "priscilla chan is giving $3 billion to research, her office said on monday."
    # (the lone headline is then the subject, as for any lone source whose lead names no one twice)
    title = "priscilla chan gives $3 billion"
    assert subject_line([Coverage(title, lead)]) == title
    assert subject_line([Coverage("drone strike kills militant", "a drone strike killed a militant in "
                                  "yemen on monday. the drone strike hit a car.")]) == "Strike"


@pytest.mark.parametrize(("leads", "subject"), [
    # A Multi-News hurricane memo's subject was "Storm": "matthew" is a common word, so no pair of
    # words made a name. The storm most sources name is the subject.
    (["Leaving haiti in total disaster, hurricane matthew slammed into cuba tuesday night.",
      "An eerie face appeared in satellite images of hurricane matthew over western haiti.",
      "Hurricane matthew, a category 4 storm, battered haiti with storm surge and heavy rain."],
     "Hurricane Matthew"),
    # A hurricane's warnings and season are no name; nor is a verb after the common noun.
    (["The hurricane season starts with a hurricane warning for the coast on friday.",
      "Officials issued a hurricane warning as the storm neared the coast.",
      "A hurricane warning covers the islands, the storm centre said."], "Hurricane"),
    (["The hurricane hit the coast on tuesday, killing four.",
      "Officials said the hurricane hit hardest in the south.",
      "A hurricane slammed the islands before the hurricane hit florida."], "Hurricane"),
    (["A powerful hurricane threatens florida on monday.", "The hurricane threatens the keys.",
      "Hurricane forecasters said a powerful hurricane threatens florida."], "Hurricane"),
    (["Tropical storm fred hit the coast on monday.", "Tropical storm fred weakened over land.",
      "Rain from tropical storm fred flooded roads."], "Tropical Storm Fred"),
])
def test_a_subject_of_lower_cased_storm_coverage_names_the_storm(leads: list[str], subject: str) -> None:
    assert _subject_of(leads) == subject


def test_bluf_holds_the_template_number_of_facts(briefing: Briefing) -> None:
    assert 3 <= len(briefing.bluf) <= 5


def test_building_twice_gives_the_same_briefing() -> None:
    a, b = briefgen.build_briefing(), briefgen.build_briefing()
    assert a == b


def test_two_section_template_yields_exactly_its_sections(tmp_path) -> None:
    path = tmp_path / "two.toml"
    path.write_text("""extends = "default"
[[sections]]
key = "remains"
title = "Remains of the victims"
keywords = ["remains", "DNA", "coal mine"]
[[sections]]
key = "crime"
title = "Crime"
keywords = ["scams", "fraud", "transnational crimes", "police"]
""")
    b = briefgen.build_briefing(template=path)
    assert [s.title for s in b.sections] == ["Remains of the victims", "Crime"]
    assert any("DNA" in f.text for f in b.sections[0].facts + b.bluf)


def test_summarize_fill_runs_one_sentence_past_the_budget() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    strict = briefgen.summarize(texts, words=60)
    filled = briefgen.summarize(texts, words=60, fill=True)
    # The strict selection first, then one sentence that takes the text past the budget.
    assert filled[:-1] == strict
    assert filled[-1] not in strict
    assert sum(len(s.split()) for s in filled) > 60


def test_a_plain_string_keeps_its_lead_and_names_its_wire_outlet() -> None:
    # No headline: the lead paragraph is story, not a title to drop.
    lead = "British police arrested former Chilean dictator Augusto Pinochet in London on Friday."
    text = (f"LONDON (AP) _ {lead}\n\n"
            "Pinochet, 82, had come to London for back surgery at a private clinic.\n\n"
            "Spain wants to question Pinochet about the killing of Spanish citizens in Chile.\n")
    other = ("MADRID (AP) _ Spain asked Britain on Saturday to hold Pinochet for questioning.\n\n"
             "A Spanish judge issued the warrant after hearing that Pinochet might leave London.\n")
    assert lead in briefgen.summarize([text, other], words=200)
    from briefgen.pipeline import text_sources

    sources = text_sources([text, other])
    assert [s.outlet for s in sources] == ["Associated Press", "Associated Press"]
    assert [s.provenance.outlet for s in sources] == ["found", "found"]
    # No headline printed: untitled; the lead is never cut short into a title (issue 21).
    assert [s.title for s in sources] == ["", ""]
    assert [s.provenance.title for s in sources] == ["", ""]


def test_summarize_accepts_plain_strings() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    summary = briefgen.summarize(texts, words=60)
    joined = [" ".join(t.split()) for t in texts]
    assert summary
    assert sum(len(s.split()) for s in summary) <= 60
    for sentence in summary:
        assert any(sentence in t for t in joined)


def test_a_leaning_representative_gives_way_to_a_member_that_reads_alone(briefing: Briefing) -> None:
    # Five outlets report Lee's remark; merge's choice of representative marks down the members
    # that lean on the sentence before ("President Lee said it is a small but meaningful step
    # forward"), so the memo prints the one that reads alone and still cites all five outlets.
    (remark,) = [f for f in _printed(briefing) if "small but" in f.text]
    assert remark.text == ("President Lee responded that he found the small but significant progress "
                           "on historical issues during this meeting meaningful.")
    assert len(remark.sources) == 5
    assert any(leans(s.text) for s in remark.sentences[1:])


def test_no_bullet_opens_with_a_surname_the_reader_has_not_met(monkeypatch: pytest.MonkeyPatch) -> None:
    import briefgen.pipeline as pipeline

    articles = [
        "A suicide bomber killed 14 people in a Jerusalem market on Friday, police said. Prime Minister "
        "Benjamin Netanyahu suspended the peace talks after the bombing. Netanyahu said security came first.",
        "Netanyahu suspended peace talks with the Palestinians after a bombing killed 14 in Jerusalem. "
        "Carmi Gilon, a former head of the Shin Bet security service, spoke on Israel radio on Saturday. "
        "Gilon said the aim of the militants was to ruin the whole peace process with the Palestinians.",
        "Israel suspended the peace talks after the Jerusalem market bombing that killed 14 people. "
        "Netanyahu met his security cabinet in Jerusalem on Saturday to discuss the bombing.",
    ]

    def printed() -> list[str]:
        b = pipeline.run(texts=articles).briefing
        return [f.text for f in (*b.bluf, *b.facts)]

    assert not any(t.startswith("Gilon said") for t in printed())
    monkeypatch.setattr(pipeline, "unintroduced", lambda facts: [None] * len(facts))
    assert any(t.startswith("Gilon said") for t in printed())


def test_a_page_that_holds_no_article_is_skipped_with_its_reason_not_listed_as_a_source() -> None:
    article = ("SEOUL (AP) _ South Korea and Japan agreed on Tuesday to test the remains of miners "
               "killed in 1942 for DNA. The leaders met in Nara for two hours. They will meet again in "
               "Seoul in June.")
    archive = ("These crawls are part of an effort to archive pages as they are created and archive the "
               "pages that they refer to. That way, as the pages that are referenced are changed or "
               "taken from the web, a link to the version that was live when the page was written will "
               "be preserved.")
    briefing = briefgen.build_briefing(texts=[article, archive])
    assert [s.origin for s in briefing.sources] == ["<text 1>"]
    assert [(s.origin, s.reason) for s in briefing.skipped] == [("<text 2>", NO_ARTICLE)]
    assert "Not used: no article sentence and no headline found" in markdown_text(briefing)
    assert all(f.sources == ("s1",) for f in [*briefing.bluf, *briefing.facts])


def test_each_section_chooses_for_what_the_parts_before_it_have_not_said(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen import pipeline
    from briefgen.select.concepts import stated

    calls = []
    real = pipeline.choose_apart

    def spy(facts, statements, **kw):  # type: ignore[no-untyped-def]
        choice = real(facts, statements, **kw)
        calls.append((kw["params"].stated, choice.facts))
        return choice

    monkeypatch.setattr(pipeline, "choose_apart", spy)
    briefing = briefgen.build_briefing()
    # The bottom line chooses first, with nothing said; the first section with what the bottom
    # line printed said, and every later section with that and what the sections before it chose.
    assert len(calls) == 1 + len(briefing.sections)
    assert calls[0][0] == frozenset()
    assert {f.text for f in calls[0][1]} == {f.text for f in briefing.bluf}
    said = stated(calls[0][1])
    assert "nara" in said and "drum" not in said
    for known, chosen in calls[1:]:
        assert known == said
        said = said | stated(chosen)


def test_a_story_on_another_event_among_three_or_more_is_not_used() -> None:
    # Multi-News 00271: a story on a Dutch tradition beside coverage of a Dutch satire show gave the
    # memo three bullets of its own.
    from briefgen.pipeline import analyse

    quake = [
        "A magnitude 6.4 earthquake struck the coastal city of Valdora on Tuesday, collapsing three "
        "apartment blocks and killing at least 40 people, officials said. Rescue teams searched the "
        "rubble through the night.",
        "At least 40 people died when a strong earthquake hit Valdora on Tuesday, officials said. Three "
        "apartment blocks collapsed and rescue teams worked through the night to reach survivors.",
        "The Valdora earthquake on Tuesday killed at least 40 people and brought down three apartment "
        "blocks, the interior ministry said. Rescuers searched the rubble for survivors.",
    ]
    recipe = ("A good sourdough starter needs only flour, water and patience, the baker explained. Feed "
              "it twice a day and keep it in a warm kitchen corner for a week before baking bread.")
    found = analyse(texts=[*quake, recipe])
    reasons = [(s.origin, s.reason.split(":")[0]) for s in found.skipped]
    assert reasons == [("<text 4>", "a story on another event")]
    # ... said in words, without the measure's figure, which tells a minister nothing (00255's memo).
    assert found.skipped[0].reason.endswith("shares almost nothing with the other sources")
    assert {s.source_id for s in found.sentences} == {"s1", "s2", "s3"}
    # With two sources there is no telling which is off the event: both are used.
    two = analyse(texts=[quake[0], recipe])
    assert {s.source_id for s in two.sentences} == {"s1", "s2"} and not two.skipped


def test_sources_that_share_almost_nothing_are_kept_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    # Multi-News 00071: Depp's filing and Ortiz's arrest, two stories, briefed as one event in silence.
    from briefgen.pipeline import analyse

    quake = ("A magnitude 6.4 earthquake struck the coastal city of Valdora on Tuesday, collapsing three "
             "apartment blocks and killing at least 40 people, officials said. Rescue teams searched the "
             "rubble through the night.")
    recipe = ("A good sourdough starter needs only flour, water and patience, the baker explained. Feed "
              "it twice a day and keep it in a warm kitchen corner for a week before baking bread.")
    with caplog.at_level("WARNING", logger="briefgen"):
        found = analyse(texts=[quake, recipe])
    assert {s.source_id for s in found.sentences} == {"s1", "s2"}
    (warning,) = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warning.startswith("<text 1> and <text 2> share almost nothing with each other (likeness 0.0")
    assert warning.endswith("they may report different events; all are kept")
    # Coverage of one event warns of nothing; nor does a story on another event that is left out.
    caplog.clear()
    again = quake.replace("Tuesday", "Tuesday morning")
    with caplog.at_level("WARNING", logger="briefgen"):
        analyse(texts=[quake, again])
        analyse(texts=[quake, again, quake.replace("40", "41"), recipe])
    assert not [r for r in caplog.records if r.levelname == "WARNING"]
    # Three sources of which no two are alike: all three named, one line.
    caplog.clear()
    tide = ("The harbour master said the spring tide would flood the quay at dawn, and boats were moved "
            "to the inner basin overnight by their crews.")
    with caplog.at_level("WARNING", logger="briefgen"):
        analyse(texts=[quake, recipe, tide])
    (warning,) = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warning.startswith("<text 1>, <text 2> and <text 3> share almost nothing with each other")


def test_what_only_an_editorial_says_is_not_printed_as_fact() -> None:
    # DUC 2003 d31031t: a New York Times editorial's opinion printed as the memo's own statements.
    from briefgen.sources.stories import editorials

    news = ("Budget negotiations faltered on Friday, prompting Congress to delay its deadline for passing "
            "a spending bill to keep the government open. The Senate majority leader, Trent Lott, said he "
            "was suspicious of the administration. Republican leaders met White House officials on Thursday "
            "night.")
    other = ("Budget talks stalled on Friday as Congress delayed its deadline for a spending bill to keep "
             "the government open. Republican leaders met White House officials on Thursday night to "
             "resolve spending issues.")
    editorial = ("The New York Times said in an editorial for Wednesday, Oct. 7:\n\nDespite his political "
                 "problems, Clinton is right to insist on legislation free of objectionable attachments to "
                 "keep government operations going past Friday. Congress should stop playing games with the "
                 "budget.")
    sources = [_src("s1", "", news), _src("s2", "", other), _src("s3", "", editorial)]
    assert editorials(sources) == {"s3"}
    assert editorials([_src("s4", "", "The Times said its editorial board would meet.")]) == set()
    b = briefgen.build_briefing(sources=sources)
    printed = " ".join(f.text for f in (*b.bluf, *b.facts))
    assert "Budget negotiations faltered" in printed or "Budget talks stalled" in printed
    assert "Clinton is right" not in printed and "playing games" not in printed
