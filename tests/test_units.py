"""A sentence that leans on the one before: chosen and printed only together with it (issue 19)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from conftest import make_source

from briefgen.config import load_template
from briefgen.model import Briefing, Fact, Line, MemoHeader, SectionSpec, Sentence
from briefgen.pipeline import _order
from briefgen.render.layout import layout
from briefgen.select.choice import select
from briefgen.select.params import Params
from briefgen.select.parts import in_passages as _in_passages
from briefgen.select.standalone import broken, dangling, first_person, leans
from briefgen.select.units import in_order, needs, passages
from briefgen.text.sentences import segment

MET = "Lee and Takaichi met in Nara on Tuesday for their second summit in three months."
AGREED = "They agreed to begin DNA testing of remains recovered from the Chosei coal mine."
ALSO = "They also agreed to expand shuttle diplomacy between Seoul and Tokyo in 2027."
OTHERS = [
    ("s2", "Families of the Chosei coal mine victims have waited decades for DNA testing of the remains."),
    ("s3", "DNA testing of remains recovered from the Chosei coal mine is expected to take a year."),
    ("s4", "The Chosei coal mine flooded in 1942, killing 183 workers, most of them Korean."),
    ("s2", "Takaichi welcomed Lee to Nara with a traditional dinner at a historic temple."),
]


def fact(fid: str, text: str, source: str, index: int) -> Fact:
    """A fact printed by one source as its sentence number ``index``."""
    sent = Sentence(text=text, source_id=source, index=index, start=0, end=len(text))
    return Fact(id=fid, text=text, sentences=(sent,), sources=(source,))


def summit(first: str = MET) -> list[Fact]:
    """``first`` then AGREED as sentences 0 and 1 of s1, and four facts from other articles."""
    out = [fact("f1", first, "s1", 0), fact("f2", AGREED, "s1", 1)]
    out += [fact(f"f{k + 3}", text, src, 5 + k) for k, (src, text) in enumerate(OTHERS)]
    return out


@pytest.mark.parametrize(("text", "is_broken", "is_leaning"), [
    ("They agreed to begin DNA testing of the remains.", False, True),
    ("As such, the ruling cannot be appealed before the end of the year.", False, True),
    ("The two leaders agreed to begin DNA testing of the remains recovered from the", True, False),
    ("The Yomiuri Shimbun said in an editorial on Wednesday, Jan. 14:", True, False),
    ("LONDON (AP) _ An influential lawmaker backed Spanish requests to question Pinochet.", True, False),
    ("Lee and Takaichi agreed to begin DNA testing of the remains.", False, False),
    # "us" after "the" is the United States in lower-cased text, not a first-person speaker.
    ("the trade deal leaves the us trade deficit with china at $ 300 billion .", False, False),
    ("they told us the deal was done .", False, True),
    # A pronoun speaks right after the quotation, however many names follow.
    ("\"I had six children,\" she said in 2008, when she backed John McCain's running mate.", False, True),
    ("\"I had six children,\" Palin said in 2008.", False, False),
    # A count of others counts beside an earlier count; a pronoun at the end is an unnamed speaker.
    ("Seventeen others died in landslides in nearby Camarines Sur province.", False, True),
    ("Tens of thousands of others were stranded as ports were shut.", False, True),
    ("Seventeen people died in landslides in Camarines Sur province, he said.", False, True),
    ("The president and others attended the funeral in Manila.", False, False),
    # One of two named before; a day, then a pronoun; "such" after an opening phrase with names in it.
    ("One, Qin Yongmin, 45, of Wuhan, and the other, Xu Wenli, 55, of Beijing, are being held.", False, True),
    ("Friday he was once again General Secretary Jiang, Communist Party stalwart.", False, True),
    ("Under China's State Security Law, such links may be punishable by up to life in prison.", False, True),
    ("One leader of a suppressed party will be tried on Dec. 17.", False, False),
    # A demonstrative among the first words points back, unless it names a time or those an event made.
    ("No date for this hearing has been set.", False, True),
    ("Lee will visit Tokyo this week for talks.", False, False),
    ("Most of those who died in the fire were teenagers.", False, False),
    # A question in the writer's own voice, and a shell noun first, point back.
    ("What's Netscape's business model look like in that case?", False, True),
    ("The concept refers to the notion that many people downloaded the browser free.", False, True),
    ("\"Why now?\" Lee asked the reporters in Nara.", False, False),
    # "such" before a noun anywhere in the writer's words points back; "such as" does not.
    ("Officials say they are making progress in luring visitors to such sites.", False, True),
    ("Crops such as rice and corn were destroyed across the province.", False, False),
    ("Seventeen people died in landslides in Camarines Sur province, Estrada said.", False, False),
    # Page furniture run into a sentence of text pasted without its line breaks: a caption, a time stamp.
    ("Media playback is unsupported on your device media caption lyse doucet reports there was joy as aid "
     "arrived an aid convoy has reached the besieged town of madaya.", True, False),
    ("Nov. 29, 2018, 1: 40 am gmt / updated nov. 29, 2018, 1: 52 am gmt by phil mccausland for weeks, "
     "student veterans have raised an alarm about delayed payments.", True, False),
    ("File - in this thursday, dec. 17, 2015, file photo, martin shkreli leaves court.", True, False),
    ("The photographer said the caption on the image was wrong.", False, False),
    ("Judge thokozile masipa reads notes as she delivers her verdict in the oscar pistorius murder trial, "
     "in pretoria, south africa, thursday, sept. 11 2014.", True, False),
    ("The verdict is expected to take hours... ( associated press ) judge masipa reads notes.", True, False),
    ("The trial opened on Thursday, Sept. 11, 2014, in Pretoria, the court said.", False, False),
    # A photographer's credit outside brackets, run into the story (Multi-News validation: 3
    # sentences had printed): furniture. A pollster's pair of names is prose.
    ("Reuters/brian snyder more than half of 1,416 measles cases were among the unvaccinated.", True, False),
    ("Update bobby brown performing after the funeral erik jordan/retna not only is brown invited.",
     True, False),
    ("A reuters/ipsos poll found that support fell, and an ap/norc poll agreed.", False, False),
    ("Reuters/Ipsos polling shows 45 percent of Americans support the plan.", False, False),
    # A quantifier standing alone before its verb: all of those the sentence before named.
    ("All are expected at the private funeral in newark saturday for whitney.", False, True),
    ("Both have served time in prison for their part in the protests.", False, True),
    ("Most economists expect the central bank to cut rates in March.", False, False),
    ("All flights out of the city were cancelled on Tuesday.", False, False),
    ("All was quiet in the capital on Sunday after a week of protests.", False, False),
    ("Many have argued that the central bank moved too slowly.", False, False),
    # A caption: what the photo shows in the passive, and the date it was taken without a preposition.
    ("A vial of measles, mumps and rubella vaccine and an information sheet is seen at boston children's "
     "hospital in boston, massachusetts february 26, 2015.", True, False),
    ("The painting is displayed at the museum, which opened on march 3, 2015.", False, False),
    # ... soldiers on patrol, and an agency's "general view of" (Multi-News 00167); a view in prose.
    ("French soldiers patrol outside the notre dame cathedral as part of the ' vigipirate'security plan "
     "in paris, april 22, 2015.", True, False),
    ("General view of the emergency entrance to the hotel dieu hospital in paris april 22, 2015.",
     True, False),
    ("The general view of the board on march 3, 2015 was that the plan had failed.", False, False),
    ("the painting is displayed at the museum, which opened march 3, 2015.", False, False),
    ("more cases are seen every winter, the cdc said in a report released february 26, 2015.", False, False),
    # A journal abstract's label run into its sentence; the same word in prose.
    ("Importance parents hesitant to vaccinate their children may delay routine immunizations.", True, False),
    ("Importance of the vote was lost on no one in the chamber.", False, False),
    # A headline printed twice, a page's follow button, a pointer to pictures elsewhere.
    ("Lindsay lohan crash truck driver says it was all her fault lindsay lohan crash -- truck driver says it "
     "was all her fault exclusive the guy driving the truck spoke.", True, False),
    ("Officials did not visit the scene, and officials did not visit the injured in hospital.", False, False),
    # ... a headline run into its lead, which says a run of its words again further in; a refrain, a
    # clause after a comma and a name said twice are prose.
    ("Student accepted by all eight ivy league schools she applied to this winter kara lee has been "
     "accepted by every one of the ivy league schools she applied to.", True, False),
    ("A supermarket car park in wales was once a roman fort, archaeologists say the remains of a fort "
     "have been found beneath a supermarket car park in cardiff.", True, False),
    ("Voters remember the long lines that kept them waiting, voters remember the long lines that kept "
     "them from voting at all.", False, False),
    ("The mayor, who told reporters that he had resigned, later told reporters that he had not.",
     False, False),
    ("The last time the durham bulls drew this much notice, they had just changed their name to the "
     "durham bulls.", False, False),
    # ... a name said twice in one clause is no headline; a headline printed twice with a dateline
    # between, or back to back, is.
    ("Inspectors from the International Atomic Energy Agency said Iran had given the International "
     "Atomic Energy Agency access to the site.", False, False),
    ("Supporters of the Affordable Care Act say repeal of the Affordable Care Act would leave millions "
     "uninsured.", False, False),
    ("Fire destroys historic church in boston boston, mass. (ap) fire destroys historic church in boston "
     "on sunday.", True, False),
    ("Singer says her brakes failed!!! singer says her brakes failed -- the star told friends the car "
     "did not stop.", True, False),
    # ... a run from the ninth word on is not the headline's.
    ("The city council voted on Tuesday to approve the new budget for city schools after a long debate "
     "about the new budget for city schools.", False, False),
    # ... reworded a little the second time; parallel prose is not a headline.
    ("Chris brown & frank ocean huge fight at recording studio chris brown, frank ocean fight at recording "
     "studio exclusive after the incident, ocean tweeted about it.", True, False),
    ("Relations with Clinton have ranged from furious to warm, while relations with House Democrats "
     "have ranged from poor to awful.", False, False),
    ("Sales of new homes rose 3 percent in May, while sales of existing homes rose 3 percent in June.",
     False, False),
    ("The senate passed the bill on a vote of 52 to 48 and the house passed the bill on a vote of 220.",
     False, False),
    # A place in a photo set off by commas is a caption's; "right" in speech is not (first person: it leans).
    ("We have to be smart, right, we have to be very careful, the mayor said.", False, True),
    # A photo agency after a slash is a credit's; a party after another is not.
    ("The alliance of bjp/aap leaders met on Monday.", False, False),
    ("Facebook said comments that break its rules will be removed within 24 hours.", False, False),
    ("Interested in health care? add health care overhaul as an interest to stay up to date.", True, False),
    ("( see ' pictures: 5 animals that regrow body parts. ' )", True, False),
    # A pair, "the latter" and a part of those named before; a relative clause after "those" reads alone.
    ("The pair threw back vodka shots and joked about the election on russian television.", False, True),
    ("Some of them work for the government, colbert teased in his opening monologue.", False, True),
    ("One of those who answered the call to fight was Mahmud Abouhalima, a taxi driver.", False, False),
    ("The pair of shoes sold for $2 million at the auction in Geneva on Tuesday.", False, False),
    # A quotation's start left out (Multi-News 00204); an ellipsis inside a sentence is no such cut.
    ("[... ] but apple has a history of not resting on their laurels.", True, False),
    ("\u2026 the problem with the big-bang changes like that is that they are so alien.", True, False),
    ("The talks... ended without a deal on Tuesday.", False, False),
    # After an ellipsis a capital starts a whole sentence (DUC 2003 d31001t).
    (". . . In the course of the armed struggle, the A.N.C. took lives, the report found.", False, False),
    # A page sending its reader to a clip, a quotation after it (Multi-News 00108); "listen" in a
    # quotation an earlier sentence opened is a speaker's, and a listener is no command.
    ("Listen to kirk's comments, which come around 0: 26 in the below audio clip: \"i've been joking with "
     "lindsey, \" kirk can be heard saying.", True, False),
    ("Listeners called the station to complain on Tuesday.", False, False),
    # ... a speaker's "listen" (inside a quotation an earlier sentence opened, or a speaker named before
    # any quotation), and a title after it in text with capitals.
    ('listen to me, " sanders told the crowd on Monday.', False, True),
    ("listen to women, the prime minister told the party conference on Monday.", False, False),
    ("Listen Here is the band's third album, released in May.", False, False),
    # "The us" opening a sentence is the country, as "the us" is (Multi-News 00226).
    ("The us stationed warships in the area to monitor the launch on Monday.", False, False),
    # The writer's "i" in text without capitals (Multi-News 00272); a numeral, a label, a speaker's.
    ("At dawn i woke up to hear the unveiling of her new single on the radio.", False, True),
    ("If i could afford the software, i'd release the font for free.", False, True),
    ("World war i veterans gathered at the memorial in paris on monday.", False, False),
    ("Samples came from the corner area ( filter i ) of the cloth, officials found.", False, False),
    ("the treaty's clauses (i and ii) were struck down by the court.", False, False),
    ("the tax applies to large estates, i.e. those worth more than $5 million.", False, False),
    ("police seized a schedule i drug at the border crossing on monday.", False, False),
    ("after the crash i told the officer that the car would not stop.", False, True),
    # ... nor an "I" of an abbreviation or a numeral in text with capitals (DUC 2003 d30040t).
    ("The V.I.P. lounge, decorated with Moroccan mosaics, bears a gilded dome atop its roof.", False, False),
    ("Veterans of World War I gathered at the memorial in Paris on Monday.", False, False),
    ("Bassist mike bishop writes: dave was the most creative person i've known.", False, False),
    # A concession to what the sentence before argued (Multi-News 00045's "What comes next").
    ("To be fair, the president has to do lots of frivolous public events like this one every year.",
     False, True),
])
def test_broken_and_leaning_sentences_are_told_apart(text: str, is_broken: bool, is_leaning: bool) -> None:
    assert broken(text) is is_broken
    if not is_broken:
        assert leans(text) is is_leaning
    assert dangling(text) is (is_broken or is_leaning)


@pytest.mark.parametrize(("text", "own"), [
    # Lower-cased text: "us" before a noun news writes after "US" is the country, unless a verb
    # before it takes "us" and a second complement; with capitals, "us" is always the pronoun.
    ("thousands of us businesses lost service, the study found.", False),
    ("ambassador cui said recent us moves eroded the trust.", False),
    ("the ruling contradicts us officials' claims.", False),
    ("a local 911 dispatcher walked us through the call.", True),
    ("the company gave us jobs.", True),
    ("many of us remember exactly when the towers fell.", True),
    ("the vendor sold us tickets that turned out to be fake.", True),
    ("the layoffs hit us hard, the union leader said.", True),
    ("a spokeswoman confirmed to us tuesday that the store would close.", True),
    ("Thousands of us businesses lost service, the Times found.", True),
])
def test_first_person_reads_us_as_the_country_before_a_noun_in_lower_case(text: str, own: bool) -> None:
    assert first_person(text) is own


def test_the_writers_first_person_is_not_mended_by_the_sentence_before() -> None:
    # Multi-News 00204: a blogger's "If my theory is right, they're ..." printed after "Summer feels
    # like a long time away." The passage is still the writer's voice. After a sentence that names
    # someone speaking, the "I" is that speaker's, and the pair prints.
    theory = "If my theory is right, they will be months behind the new tablet by the end of summer."
    facts = [fact("f1", "Summer feels like a long time away for the company and its new tablet.", "s1", 0),
             fact("f2", theory, "s1", 1),
             fact("f3", "Tim Cook said on Monday that summer feels far away for the tablet.", "s2", 0),
             fact("f4", theory, "s2", 1)]
    assert needs(facts) == [(), None, (), (2,)]
    # "We", "My", a lower-case "i": the writer's voice in any case. A writer's "we asked" gives no one
    # else's words; after a sentence where someone wrote, tweeted or warned, the "I" is theirs.
    for own in ("We asked the company about the delay but got no reply at all.",
                "then i asked the company about the delay but got no reply at all.",
                "but when we asked the driver of the truck about that idea, he laughed."):
        late = "The tablet is late, and the company has been silent about it for weeks."
        pair = [fact("f1", late, "s1", 0), fact("f2", own, "s1", 1)]
        assert needs(pair) == [(), None], own
    for said in ("The pope wrote to the bishops of Chile on Tuesday about the abuse.",
                 "Trump tweeted about the wall on Monday night from the White House."):
        sorry = "Now I ask forgiveness of all those I offended."
        pair = [fact("f1", said, "s1", 0), fact("f2", sorry, "s1", 1)]
        assert needs(pair) == [(), (0,)], said
    # A numeral is no "I": the sentence leans as before and prints after the sentence it leans on.
    war = [fact("f1", "Britain honoured its war dead at the Cenotaph on Sunday morning.", "s1", 0),
           fact("f2", "The last World War I veteran in Britain died on Monday at 110.", "s1", 1)]
    assert needs(war)[1] in ((), (0,))


def test_needs_names_the_antecedent_or_rules_the_sentence_out() -> None:
    facts = [fact("f1", MET, "s1", 0), fact("f2", AGREED, "s1", 1), fact("f3", ALSO, "s1", 2),
             fact("f4", "The two leaders agreed to begin DNA testing of the remains found in the", "s2", 0),
             fact("f5", "They said the tests would begin in the spring of next year.", "s2", 1),
             fact("f6", "They hope to finish the work within two years of the first tests.", "s3", 4)]
    # f3 leans on f2, which leans on f1: the chain, nearest first. f4 is cut off: never.
    # f5 leans on a broken sentence and f6 on a sentence no fact holds: never.
    assert needs(facts) == [(), (0,), (1, 0), None, None, None]
    assert needs(facts, standalone=False) == [()] * 6


def test_leaning_sentence_is_chosen_with_its_antecedent_first() -> None:
    facts = summit()
    assert [f.id for f in select(facts, words=30)] == ["f1", "f2"]
    # Without antecedent units the leaning sentence is never chosen.
    assert "f2" not in {f.id for f in select(facts, words=30, params=Params(antecedents=False))}
    # With no antecedent to come with it (a leaning first sentence), never.
    assert "f2" not in {f.id for f in select(facts[1:], words=30)}
    # The pair counts against the budget as a whole: 14 + 14 words do not fit in 20.
    assert "f2" not in {f.id for f in select(facts, words=20)}


@pytest.mark.parametrize("method", ["briefgen", "lexrank"])
def test_every_ranker_prints_the_antecedent_right_before(method: str) -> None:
    for words in (30, 45, 60, 200):
        chosen = [f.id for f in select(summit(), words=words, method=method)]
        assert "f2" not in chosen or chosen[chosen.index("f2") - 1] == "f1", (words, chosen)


def test_in_order_moves_the_leaning_sentence_after_its_antecedent() -> None:
    facts = summit()
    # Ranked f5, f2, f4, f1: the pair takes the place of its best-ranked member, f1 first.
    assert in_order([4, 1, 3, 0], facts) == [4, 0, 1, 3]


def test_passages_group_only_a_leaning_sentence_after_its_antecedent() -> None:
    facts = summit()
    alone = fact("f9", "Seoul and Tokyo agreed to resume shuttle diplomacy next year.", "s1", 2)
    assert [[f.id for f in p] for p in passages([facts[0], facts[1], alone, facts[2]])] == [
        ["f1", "f2"], ["f9"], ["f3"]]
    # Out of order they are not a passage.
    assert [[f.id for f in p] for p in passages([facts[1], facts[0]])] == [["f2"], ["f1"]]


def test_section_order_keeps_a_passage_together() -> None:
    facts = summit()
    # Chronological: the year in OTHERS[2] (1942) comes first; the pair moves as one.
    spec = SectionSpec(key="background", title="Background", sort="chronological")
    sources = [make_source(s) for s in ("s1", "s2", "s4")]
    ordered = _order([facts[4], facts[0], facts[1], facts[2]], spec, sources)
    assert [f.id for f in ordered] == ["f5", "f1", "f2", "f3"]


def test_memo_prints_a_passage_as_one_bullet_with_a_note_per_sentence() -> None:
    facts = summit()
    briefing = Briefing(header=MemoHeader("S", "D"), bluf=(facts[0], facts[1], facts[2]),
                        sections=(), sources=(make_source("s1"), make_source("s2")),
                        style=load_template("default").style)
    bullets = [b for b in layout(briefing).blocks if b.kind == "bullet"]
    assert [b.text for b in bullets] == [f"{MET} {AGREED}", OTHERS[0][1]]
    assert [s.note.sources for s in bullets[0].spans if s.note] == [("s1",), ("s1",)]


def test_a_leaning_sentence_leaves_with_its_antecedent_when_a_later_figure_replaces_it() -> None:
    facts = summit()
    # f1 was replaced (by f3 here, as _latest_figures does): f2 no longer follows its antecedent.
    assert _in_passages("bluf", facts, [0, 1, 4]) == [0, 1, 4]
    assert _in_passages("bluf", facts, [2, 1, 4]) == [2, 4]


def _one_each(texts: list[str], sources: list[str] | None = None) -> list[Fact]:
    return [fact(f"f{k}", t, sources[k] if sources else f"s{k % 4 + 1}", k) for k, t in enumerate(texts)]


def test_a_bare_surname_the_reader_has_not_met_is_found() -> None:
    from briefgen.select.units import unintroduced

    texts = [
        "Israeli police raised the alert after the bombing in Jerusalem on Friday.",
        "Carmi Gilon, a former head of the security service, warned of more attacks.",
        "Gilon said the aim of the militants was to ruin the whole process.",
        "Netanyahu said the talks would go on despite the attack in Jerusalem.",
        "Prime Minister Benjamin Netanyahu met his cabinet in Jerusalem on Saturday.",
        "Netanyahu told the cabinet that security would come first.",
        "Police said the bomber had come from the West Bank.",
    ]
    found = unintroduced(_one_each(texts, ["s1", "s2", "s2", "s3", "s4", "s1", "s3"]))
    # Gilon: introduced once, named by one source of four: the memo's reader has not met him.
    assert found[2] == "Gilon"
    # Netanyahu: named by most sources, what the coverage is about. "Police": a word, not a name.
    assert found[3] is None and found[5] is None and found[6] is None
    assert [k for k, name in enumerate(found) if name] == [2]


def test_a_people_a_party_or_a_group_is_no_bare_surname() -> None:
    from briefgen.select.units import unintroduced

    texts = [
        "Palestinian officials condemned the attack on Friday.",
        "Palestinian Authority police arrested two men; the Palestinian Civil Aviation Authority agreed.",
        "Republicans in both houses said Monday that they expected to finish three bills.",
        "House Republicans and Senate Republicans met the White House chief of staff.",
        "The Republicans said the talks would go on, and Western Republicans agreed.",
        "Republicans said the talks would go on.",
        "Abouhalima would later become a well-known figure in New York.",
        "The arrival of Mahmud Abouhalima in Brooklyn was noted in the indictment.",
        "Although most observers agree the measures are needed, Although Smith disagreed.",
    ]
    found = unintroduced(_one_each(texts, ["s1", "s2", "s3", "s4", "s1", "s2", "s3", "s3", "s4"]))
    # A word before a noun ("Palestinian officials") opens no surname; a word the coverage writes
    # after "the" ("The Republicans") is a group's; Abouhalima, whom one source of four names, is
    # a bare surname.
    assert found == [None, None, None, None, None, None, "Abouhalima", None, None]


def test_a_full_name_among_a_facts_members_introduces_the_surname() -> None:
    from dataclasses import replace

    from briefgen.select.units import unintroduced

    lead = fact("f0", "Israel threatened to close the Gaza airport on Monday.", "s1", 0)
    member = replace(lead.sentences[0], text="Workers refused checks, said airport director Nir Yarkoni.",
                     source_id="s2", index=3)
    lead = replace(lead, sentences=(*lead.sentences, member), sources=("s1", "s2"))
    facts = [lead, fact("f1", "Yarkoni said he conveyed the message in a letter.", "s3", 5),
             fact("f2", "The airport opened last month.", "s4", 0)]
    # The coverage introduces Nir Yarkoni only in a sentence another one prints for: the reader of
    # the memo has still not met him.
    assert unintroduced(facts) == [None, "Yarkoni", None]


def test_a_quotations_bare_surname_speaker_the_reader_has_not_met_is_found() -> None:
    from briefgen.select.units import unintroduced

    texts = [
        "Kosovo's ethnic Albanians accused Serb forces of new attacks on Monday.",
        "U.S. envoy Richard Holbrooke met Slobodan Milosevic in Belgrade for six hours.",
        '"We had a big argument about the war crimes tribunal," Holbrooke said.',
        "Milosevic has refused the tribunal's investigators visas, Holbrooke said.",
        "Jose Augusto Guilhermo de Albuquerque, a political scientist, agreed.",
        '"His coalition will be larger than the current one," Albuquerque said.',
        '"Prices have stopped rising," Mr. Silveira said.',
        '"Prices have stopped rising," Luiz Silveira said.',
    ]
    found = unintroduced(_one_each(texts, ["s1", "s2", "s2", "s3", "s4", "s4", "s5", "s5"]))
    # The speaker of a quotation whom two sources of five name: the reader has not met him (a
    # particle may stand in his full name). A report that closes on its source ("..., Holbrooke
    # said.") reads without knowing him; a title or a given name before the surname names him.
    assert found == [None, None, "Holbrooke", None, None, "Albuquerque", None, None]


@pytest.mark.parametrize(("text", "names"), [
    # Every candidate is judged: an opening word does not hide the speaker.
    ('Clinton has "lost his moral authority," Weinberger said.', ("Clinton", "Weinberger")),
    # Right after the quotation however it closes, or right before it opens, after any opening phrase.
    ('"We will never abandon Kosovo," Clark said.', ("Clark",)),
    ('"We will never abandon Kosovo!" Clark said.', ("Clark",)),
    ('But Clark said, "We are not going to do that."', ("Clark",)),
    ('In the e-mail memo to Dan Rosen, Clark wrote "We have never planned to compete with you."', ("Clark",)),
    ('Horsley replied: "I\'m a reporter."', ("Horsley",)),
    # A scare quote makes no quotation of a report's source; a title, a given name or a particle names him.
    ('Kostunica has called the tribunal a "political" court, Holbrooke said.', ("Kostunica",)),
    ('"His coalition will be larger," Guilhermo de Albuquerque said.', ()),
    ('"It will be larger," Mr. Silveira said.', ()),
    # A particle joins a full name: its first word opens no bare surname.
    ("Azancot de Menezes, the exiled representative, said the talks had failed.", ()),
    ("Osama bin Laden denied any role in the bombings.", ()),
    ("Rio de Janeiro voters backed the president.", ()),
])
def test_the_surnames_a_sentence_opens_with_or_quotes_are_read(text: str, names: tuple[str, ...]) -> None:
    from briefgen.select.units import _bare_surnames

    assert _bare_surnames(text) == names


def test_a_full_name_of_three_words_introduces_its_surname_but_a_titled_run_gives_no_second_name() -> None:
    from briefgen.select.units import unintroduced

    texts = [
        "Brazilian voters appeared to re-elect President Fernando Henrique Cardoso on Sunday.",
        "Luiz Claudio Silveira, 34, a horse trainer who voted in Rocinha, backed Cardoso.",
        '"If you go to the supermarket, you can buy whatever you need now," Silveira said.',
        "South Korean President Lee Jae-myung arrived in Nara on Tuesday.",
        "Madam Lee greeted the guests at the dinner.",
        "Lee said the talks had been useful.",
        "The markets rose on Monday.",
    ]
    found = unintroduced(_one_each(texts, ["s1", "s2", "s2", "s3", "s4", "s5", "s6"]))
    # "Luiz Claudio Silveira" introduces Silveira, whom one source of six names. A run with a title in it
    # ("South Korean President Lee Jae-myung") gives "Lee" no second given name beside "Madam": Lee,
    # named by three sources of six, is what the coverage is about.
    assert found == [None, None, "Silveira", None, None, None, None]


def test_an_organisation_named_with_its_kind_and_a_surname_shared_with_itself_are_no_bare_surnames() -> None:
    from briefgen.select.units import unintroduced

    texts = [
        "Investigators asked Boeing Co. for the maintenance records of the plane.",
        '"We are cooperating fully with the investigation," Boeing said.',
        "The crash killed 229 people off Nova Scotia.",
        "Arafat Arafat was the name on the forged passport, police said.",
        "Arafat declared war on terrorism after the bombing.",
        "Clinton said Hillary Clinton would win the state easily.",
        "Bill Clinton campaigned in the state on Friday.",
    ]
    found = unintroduced(_one_each(texts, ["s1", "s1", "s2", "s3", "s4", "s5", "s6"]))
    # "Boeing Co." gives Boeing no given name; "Arafat Arafat" no second name. Two people share the
    # surname Clinton ("Hillary", "Bill"): a bare "Clinton" opening a sentence is ambiguous.
    assert found == [None, None, None, None, None, "Clinton", None]


def test_in_lower_cased_coverage_a_speaker_the_reader_has_not_met_is_found_by_rarity() -> None:
    from briefgen.select.units import unintroduced

    texts = [
        "gop hopefuls spent the weekend attacking the president's immigration move.",   # s1
        'romney has to weigh " very important states, " santorum said on cnn.',          # s2
        "former pennsylvania sen. rick santorum appeared on cnn on sunday.",              # s3
        "zorbel said the plan would fail in the senate.",                                 # s4
        "pichai said the company would appeal the ruling.",                               # s1
        "google chief sundar pichai met lawmakers on monday.",                            # s2
        "sundar pichai declined to comment on the fine.",                                 # s3
        "copoulos says he wants the exact opposite, owner ted copoulos told the sun.",    # s4
        "negotiators said a deal could be reached by friday.",                            # s1
        "iranian negotiators met in vienna on thursday.",                                 # s2
        "police said the crowd had left by midnight.",                                    # s3
        "the senate returns from its recess on monday.",                                  # s5
    ]
    found = unintroduced(_one_each(texts, ["s1", "s2", "s3", "s4", "s1", "s2", "s3", "s4", "s1", "s2", "s3",
                                           "s5"]))
    # Text without capitals: a speaker is a word rare in English before a verb of saying, opening the
    # sentence or right after a quotation. santorum: two sources of five, named in full elsewhere.
    # zorbel: never named in full (a place or a body, as far as the text tells). pichai: named by three
    # sources of five, what the coverage is about. copoulos: named in full in his own sentence.
    # "negotiators": a noun for people in a role; "police": a common word.
    assert found == [None, "santorum", None, None, None, None, None, None, None, None, None, None]
    # The apostrophe stays in a name: o'rourke, named by every source, is what the coverage is about.
    texts = ["o'rourke said he would visit iowa this weekend.", "beto o'rourke will visit iowa.",
             "beto o'rourke spoke in texas on friday."]
    assert unintroduced(_one_each(texts, ["s1", "s2", "s3"])) == [None, None, None]


def test_text_that_writes_names_in_lower_case_is_told_from_cased_text() -> None:
    from briefgen.text.abbreviated import names_lower_cased

    assert names_lower_cased(["romney has to weigh very important states, santorum said on cnn."])
    assert not names_lower_cased(["Romney has to weigh very important states, Santorum said on CNN."])
    assert not names_lower_cased([])


def test_a_surname_several_people_share_is_never_bare() -> None:
    from briefgen.select.units import unintroduced

    texts = [
        "China put the dissident Wang Youcai on trial in Hangzhou on Thursday.",
        "Wang Bingzhang, another activist, was detained in Beijing.",
        "Wang was a student leader in the 1989 Tiananmen Square demonstrations.",
        "Wang Youcai argued that his activities were legal under the constitution.",
    ]
    assert unintroduced(_one_each(texts)) == [None, None, "Wang", None]


# A dispatcher's account (Multi-News validation): the quotation runs over three sentences, and the
# fourth goes on about its speaker; only the sentence before the quotation reads alone.
DISPATCH = [
    "Deonte smith, a senior 911 operator in clayton county, says he was just doing his job and the victim "
    "deserves all the credit for keeping her wits about her while she was being attacked and sexually "
    "assaulted.",
    "\"i would like to meet you in person.",
    "I really want to.",
    "I ' m thankful for your quick thinking, \" smith said of the victim.",
    "He also says she got some help from above because if she had called a few seconds later he would have "
    "been on break.",
]


def dispatch() -> list[Fact]:
    return [fact(f"d{k}", text, "s1", 3 + k) for k, text in enumerate(DISPATCH)]


def test_a_quotation_of_several_sentences_comes_with_the_sentence_before_it() -> None:
    facts = dispatch()
    assert needs(facts) == [(), (0,), (1, 0), (2, 1, 0), (3, 2, 1, 0)]
    whole = sum(len(t.split()) for t in DISPATCH)
    assert [f.id for f in select(facts, words=whole)] == ["d0", "d1", "d2", "d3", "d4"]
    # One word short of the whole passage: the last sentence cannot come, the rest still can.
    assert "d4" not in [f.id for f in select(facts, words=whole - 1)]


def test_a_sentence_printed_twice_leads_only_one_leaning_sentence() -> None:
    # The article printed its opening sentence twice (indices 0 and 3): one fact, the antecedent of
    # a first-person sentence (index 1) and of one that opens with a pronoun (index 4). Only one can
    # print right after it.
    opening = DISPATCH[0]
    twice = Fact(id="f0", text=opening, sources=("s1",), sentences=(
        Sentence(text=opening, source_id="s1", index=0, start=0, end=len(opening)),
        Sentence(text=opening, source_id="s1", index=3, start=0, end=len(opening))))
    walked = fact("f1", "A local 911 dispatcher walked us through the moments an abducted woman called "
                  "needing urgent help.", "s1", 1)
    meet = fact("f2", "He pretended to be her boyfriend when her attacker forced her to make the call.",
                "s1", 4)
    facts = [twice, walked, meet]
    assert needs(facts) == [(), (0,), (0,)]
    for method in ("briefgen", "lexrank"):
        chosen = [f.id for f in select(facts, words=200, method=method)]
        assert chosen[0] == "f0" and len(chosen) == 2, (method, chosen)


def test_a_leaning_follower_takes_the_place_after_its_antecedent_first() -> None:
    # f9 follows f1 in its article and reads alone; f2 leans on f1: f2 prints right after f1.
    facts = [*summit(), fact("f9", "Seoul and Tokyo agreed to resume shuttle diplomacy next year.", "s9", 9)]
    facts[-1] = Fact(id="f9", text=facts[-1].text, sources=("s1",), sentences=(
        Sentence(text=facts[-1].text, source_id="s1", index=1, start=0, end=10),))
    facts[1] = fact("f2", AGREED, "s1", 1)
    order = in_order([6, 0, 1], facts)
    assert order[order.index(0) + 1] == 1


@pytest.mark.parametrize(("text", "rule"), [
    ("'i started hysterically crying.", "quote unattributed"),
    ("\" by the beatles.", "quote unattributed"),
    ("'black jeopardy ' is snl's best political sketch this year.", "quote unattributed"),
    ("He pretended to be her boyfriend when her attacker forced her to make the call.", "back word"),
    ("A local 911 dispatcher walked us through the moments an abducted woman called needing urgent help.",
     "first person"),
    ("The police told us the road was closed.", "first person"),
    # Lower-cased text: "us" before a noun the country names is the United States (Multi-News validation);
    # before other nouns, and wherever the text has capitals, it is the pronoun.
    ("Chinese president xi jinping met us president donald trump in april, beijing said.", None),
    ("Some consular staff of the real us embassy in ghana would be sacked.", None),
    ("the new plant will give us jobs and hope, the mayor said.", "first person"),
    ("officials told us state police had left the scene.", "first person"),
    ("Mayor Smith said the visit would bring us president-level attention.", "first person"),
    # ... and before other nouns news writes after "US", unless a verb before it takes "us" and a
    # second complement (Multi-News validation's sentences, then a reviewer's probes of news prose).
    ("a bag used by us astronaut neil armstrong sold for $ 1.8m.", None),
    ("On twitter, us open champion koepka said he was shaken.", None),
    ("Turkey has said us demands for mr brunson's release are unacceptable.", None),
    ("China makes it impossible for us tech companies to ignore its market.", None),
    ("the first us soldier to die in the raid was from ohio.", None),
    ("matt lauer said: let us begin with the texas story.", "first person"),
    ("the storm caught us unprepared, the mayor said.", "first person"),
    ("the flood left us homeless, the farmer said.", "first person"),
    ("james previously told us lindsay's people tried to bribe him.", "first person"),
    ("the flood cost us dearly.", "first person"),
    ("join us today for the vigil.", "first person"),
    ("Serna is a decorated war veteran.", None),
    # "him" or "them" early, the object of the sentence's one verb: a clause's subject is never its
    # own object ("Turkey has branded him"), so nothing before it may be whom it stands for.
    ("American airlines will fly him to california to be reunited with his family.", "object pronoun"),
    ("Turkey has branded him a terrorist, holding him responsible for 37,000 deaths.", "object pronoun"),
    ("Police arrested them on Tuesday after a chase through three counties.", "object pronoun"),
    ("The stark portrait of him as a terrorist baffles his wife.", "object pronoun"),
    ("people didn't hire him to start battles but to end them.", "object pronoun"),
    # ... after a verb of several speakers, "him" is none of them.
    ("Witnesses said two men shot him in the shoulder.", "object pronoun"),
    # A possessive, a name, a verb that takes a clause, a second verb or an opening phrase may give
    # whom it stands for (a reviewer's probes of news prose, 6 December).
    ("Cardon's personal money allowed him to run ads that raised his name recognition.", None),
    ("cardon's personal money allowed him to run ads that raised his name recognition.", None),
    ("trump's aides urged him to stop tweeting.", None),
    ("The senator's critics accused him of lying.", None),
    ("The district attorney's office described him as a man known to the woman.", None),
    ("Gates' lawyers urged him to settle.", None),
    ("Supporters of Obama cheered him.", None),
    ("Obama said police had warned him about the plot.", None),
    ("Sanders said the media ignored him.", None),
    ("Smith alleges police framed him.", None),
    ("Unions argue the law hurts them.", None),
    ("Officials said the storm hit them hard.", None),
    ("Some of those who knew him said Dr. Barnett Slepian kept working.", None),
    ("Doctors found tumors and removed them.", None),
    ("Protesters burned tires and threw them at police.", None),
    ("Like others around him, the freshman thought it was just a fire drill.", None),
    ("Between them, the two companies control 60 percent of the market.", None),
    ("Declaring him a martyr of the faith, Pope John Paul II honored the cardinal.", None),
    ("Smartest people of them all are the deplorables.", None),
    # A time named from the day of writing reads alone; "that day" and "this time" point back.
    ("This year rolex supplanted bmw as the world's most reputable company.", None),
    ("This past week, prices fell 3 percent.", None),
    ("Earlier this year, the board approved the plan.", None),
    ("This time, the vote was close.", "back word"),
    ("This week it even advised the Arab League that it had decided to downgrade its mission.", "back word"),
    ("That day, the board approved the plan.", "back word"),
    ("This yearly event drew 500 people.", "back word"),
    # ... and only as a phrase of time: not a noun's modifier, nor before a connective.
    ("This winter storm has knocked out power across the state.", "back word"),
    ("This decade-long war has killed 500,000 people.", "back word"),
    ("This year, however, sales fell 3 percent.", "back word"),
    # "Other" compares with something named before, as "others" and "another" do.
    ("Other brands and models could be added in the future.", "back word"),
    # A group reported saying "he" or "she": the pronoun is someone named before; "they" is the group.
    ("Police believe he fled to mexico shortly thereafter.", "group says he"),
    ("Federal investigators said Friday that she had wired the money abroad.", "group says he"),
    ("Montreal police said they have arrested a 62-year-old man.", None),
    ("Police said Adam Lanza, 20, shot his mother.", None),
    # One person ("The police chief said he"), a title ("Her Majesty's"): no group and no pronoun.
    ("The police chief said he would resign at the end of the year.", None),
    ("Officials said Her Majesty's Revenue and Customs had opened an inquiry.", None),
    ("Police have said he fled to mexico.", "group says he"),
    # "he", "she", "his", "her" or "him" further on, with no one before it whom it may stand for and
    # no name after it but a trailing speaker's (an analyst's reading of Multi-News 00088, whose
    # bottom line opened on the second).
    # An organisation the sentence does not name, as its subject (Multi-News 00258).
    ("The company said it expects to have 24 million subscribers at the quarter's end.", "shell noun"),
    ("The airline organized searches and put out food.", "shell noun"),
    ("The company, Netflix, said it expects to have 24 million subscribers.", None),
    ("the company, netflix, said on monday it would drop its plan.", None),
    ("The airline industry has struggled since the crisis.", None),
    ("The company's chief executive, Reed Hastings, apologized.", None),
    # A count of them after a word that bounds it (Multi-News 00143's bottom line).
    ("At least 200,000 of these deaths could have been prevented.", "others"),
    ("Nearly 40 of them were children, officials said.", "others"),
    ("At least four of them were children.", "others"),
    ("At least 12 of US President Joe Biden's judicial nominees were confirmed.", None),
    ("At least 200,000 people die each year of heart disease.", None),
    # A poll's reply to the question the sentence before put (Multi-News 00255's bottom line).
    ("Just 27 % disagree, while 15 % are undecided.", "others"),
    ("52 percent approve.", "others"),
    ("Just 27 % disagreed, while 15 % were undecided.", "others"),
    ("27 percent disagree and 15 percent are undecided.", "others"),
    ("Fifty-two percent approve.", "others"),
    ("Only 27 % of those polled somewhat or strongly disagree.", "others"),
    ("60 percent support the plan to raise taxes.", None),
    ("58 % agree that the police are under attack.", None),
    # ... not when a later part gives the answers their object (a review's probes).
    ("52 % approve; 45 % disapprove of how Obama is handling his job, a CNN poll found.", None),
    ("52 percent approve, 45 percent disapprove of Obama's job performance, according to Gallup.", None),
    # A time counted from the event the sentence before told (Multi-News 00288's bottom line).
    ("Less than 20 minutes later, some gossip circulated: johnson's joke was a lot like limbaugh's.",
     "back phrase"),
    ("A short time later, Shalabi was found slain in his Brooklyn apartment.", "back phrase"),
    ("Seconds later an explosion shook the area.", "back phrase"),
    ("10 days later, airport security saw the souvenir in their bag.", "back phrase"),
    ("Soon after, the police arrested mr. Sullivan.", "back phrase"),
    ("Soon afterward, a call from the guerrillas for a cease-fire won praise.", "back phrase"),
    ("Ten years on, the town has recovered.", "back phrase"),
    # "there" after the subject's noun: the place the sentence before named (Multi-News 00091).
    ("A woman there told officers her children spotted the woman.", "there"),
    ("People there make soups of grass, spices and olive leaves.", "there"),
    ("Most there are farmers.", None),
    ("Life there is hard.", None),
    # A demonstrative as the writer's last word (Multi-News 00091's bottom line), in a short sentence.
    ("The budde family says it doesn't know how it came to this.", "end demonstrative"),
    ("Golestan residents, contacted by telephone, disputed that.", "end demonstrative"),
    ("Prices rose 5 percent in the year to March, up from 3 percent before that.", None),
    ("\"We have never seen anything like this,\" said the mayor of the town.", None),
    ("The governments argued that the accused officers have all benefited from amnesties and that no "
     "foreign judge in Spain, Britain or anywhere else in Europe can alter that.", None),
    ("Just hours later, police arrested a second man.", "back phrase"),
    ("Hours earlier, the Senate had voted to repeal the law.", "back phrase"),
    ("The next day, police arrested a second suspect.", "back phrase"),
    ("Within days, the video had been seen a million times.", "back phrase"),
    ("Soon afterward police arrived.", "back phrase"),
    # ... not a time with its own event, nor one compared ("later than planned"), nor "while" or a
    # time spent on something (a reviewer's probes).
    ("While on vacation in Hawaii, Obama received daily briefings on the storm.", None),
    ("Six months on the run ended Friday when U.S. marshals arrested him.", None),
    ("Thirty years on death row have left him frail.", None),
    ("Within days of the attack the police had a suspect.", None),
    ("The next day is crucial for the talks.", None),
    ("Shortly after Georges arrived around dawn, the manager opened the station.", None),
    ("Two days after the vote, the party split.", None),
    ("Ten years on from the tsunami, the town has recovered.", None),
    ("Two years later than planned, the bridge opened.", None),
    ("Simply put, the white house is prioritizing the president's reelection effort.", "back phrase"),
    ("In short, the plan failed.", "back phrase"),
    ("all in all, the plan failed.", "back phrase"),
    ("In short order the police arrived.", None),
    ("Earlier, officials said at least 85 people were killed.", "back phrase"),
    ("Earlier a defense ministry official said preparations appeared to be complete.", "back phrase"),
    ("Earlier this week, the senate voted to repeal the law.", None),
    ("Earlier reports said he was being treated in a hospital.", None),
    ("Earlier police reports had put the toll at 40.", None),
    # "also" after the main clause's auxiliary, past the first four words: named besides whom the
    # sentence before named (Multi-News 00009) ...
    ("Alejandro anastasia and ianthe phillips-allred are also named as defendants.", "back phrase"),
    ("PAL officials say Singapore Airlines is also interested in a possible investment.", "back phrase"),
    ("The driver of the truck involved was also taken to a hospital.", "back phrase"),
    ("After the attack in the capital, police were also searching for a second man.", "back phrase"),
    # ... not in a clause of the sentence's own, which adds to what the sentence itself said.
    ("A low-carbohydrate diet is better for losing weight and may also be better for the heart.", None),
    ("The younger Yao, who is also a prominent figure in the party, is due for release.", None),
    ("What frightened Microsoft was that Navigator could also be used as a platform.", None),
    # ... nor after a clause of its own, an opening that names the first thing, or in a name (a
    # review's probes).
    ("Five people died in the fire and three firefighters were also injured.", None),
    ("Hsichih was flooded, and nearby Wutu was also flooded.", None),
    ("Tesla makes electric cars, and the company is also a major maker of batteries.", None),
    ("In addition to the fine, the bank will also pay restitution.", None),
    ("Although Turkey wants a diplomatic solution, its statements have also been threatening.", None),
    ("Not only is the drug cheap, the pill is also widely available.", None),
    ("The Islamic State group is also known as ISIS.", None),
    ("The agreement signed in early May also includes a ceasefire.", None),
    # ... but a list of nouns before "and", and an opening that names nothing the sentence adds to,
    # leave the "also" to the sentence before (a second review's probes; "As part of the proposal,
    # Microsoft would also invest in Netscape ..." is DUC 2003's).
    ("Smith's wife and two children were also killed in the crash.", "back phrase"),
    ("Members of the wedding party and two guests were also hurt.", "back phrase"),
    ("As part of the proposal, Microsoft would also invest in Netscape.", "back phrase"),
    ("When the fire broke out, three firefighters were also injured.", "back phrase"),
    ("Sen. John McCain and Sen. Lindsey Graham have also called for action.", "back phrase"),
    ("The rebel leader, Abu Mahmoud, is also called the sheikh by his men.", None),
    # "also" right before the main clause's verb in the past or of saying, past the first four words
    # (Multi-News 00193, from an analyst's reading) ...
    ("With the agency speeding toward default, john berry, the director of the office of personnel "
     "management, also said the administration would seek a delay.", "back phrase"),
    ("Paul Krugman, an economist at the Massachusetts Institute of Technology, also questioned the plan.",
     "back phrase"),
    ("Arapahoe county chief judge william sylvester also told him not to contact anyone.", "back phrase"),
    ("A third prominent member of the dissident community, Xu Wenli, was also arrested.", "back phrase"),
    # ... not in a clause of the sentence's own, after a contrast it opens with, nor in a name.
    ("The fire was put out by a neighbour, who also called the police.", None),
    ("The blast killed the driver and also destroyed a small building nearby.", None),
    ("While the report blames the former government, it has also found the rebels responsible.", None),
    ("The militant leader in the north, Abu Mahmoud, also known as the sheikh, fled.", None),
    ("The militant leader in the north, Abu Mahmoud, also called the sheikh, fled.", None),
    # ... nor a verb that names, a participle before its agent, a verb joined to the sentence's own
    # clause after a list of nouns; "While" with no clause of its own names nothing (a review's probes).
    ("Authorities say Guzman, the cartel leader, also nicknamed El Chapo, was extradited.", None),
    ("Investors sold the shares on Friday, a view also shared by most analysts.", None),
    ("Police and firefighters searched the area and also found a second body.", None),
    ("While in custody at the jail, the suspect was also charged with a second robbery.", "back phrase"),
    # ... with a quoted title among the words before it, its marks spaced apart (Multi-News 00103).
    ('A "grey\'s anatomy " spinoff is also in the works.', "back phrase"),
    ('The "Hillary Bold" font designed on Monday was also shared widely.', "back phrase"),
    # A connective set off after the sentence's first words links to the sentence before as it does
    # first (Multi-News 00168, from an analyst's reading) ...
    ("Many communities in central iowa, for instance, got about a foot of snow.", "back phrase"),
    ("Critics, however, say their political role restricts the growth of democracy.", "back phrase"),
    ("Cruise lines, on the other hand, say they were virtually unaffected.", "back phrase"),
    ("On Tuesday, in contrast, the airport opened.", "back phrase"),
    ("About 1,000 people, however, refused to leave their homes.", "back phrase"),
    ("Israel, for its part, has taken pains to distance itself from the crisis.", "back phrase"),
    ("Two caveats seem in order, however.", "back phrase"),
    ("Democrats running for other offices are running into trouble, too.", "back phrase"),
    # ... not after a clause of the sentence's own, nor an adjective or a time set off by commas, nor
    # emphasis.
    ("Sales rose in March, but in April, however, they fell.", None),
    ("The president, then 45, said he would run again.", None),
    ("The water, still warm, rose over the banks.", None),
    ("The vote, in fact, was unanimous.", None),
    # ... nor examples listed inside the sentence, nor "in turn" (also one after another: a review's probes).
    ("Several states, for example, Texas and Florida, have passed similar laws this year.", None),
    ("Each of the 12 jurors, in turn, told the judge they agreed with the verdict.", None),
    # A place the sentence before named, set off first, or a summing up of it (Multi-News 00162, 00208,
    # 00286, from an analysts' reading) ...
    ("From here, the photos can be edited to fix red-eye.", "back phrase"),
    ("Nearby, tiny St. Eustatius was hard hit by the storm.", "back phrase"),
    ("Outside, a woman armed with a hand-held ordering machine took orders.", "back phrase"),
    ("the answer: virginia, georgia and texas.", "back phrase"),
    ("The upshot: there's as much as $13 million worth of metals in the ground.", "back phrase"),
    ("The result is that much of the cost will not be shouldered by insurance companies.", "back phrase"),
    # ... not a place the sentence names itself, nor a result or reason the sentence states.
    ("From here on the road climbs to the pass.", None),
    ("Outside the court, protesters gathered on Monday.", None),
    ("The result was a draw after extra time.", None),
    ("The reason for the delay was a fault in the fuel line.", None),
    # "Nonetheless" grants what came before: the sentence before, unless the sentence concedes first
    # (Multi-News 00004).
    ("The national security agency nonetheless went to work in advance and intercepted the talking "
     "points.", "back phrase"),
    ("Analysts could not link the suspect to any group but the agency nonetheless sent two reports.", None),
    ("Although the storm weakened, the surge nevertheless flooded the coast.", None),
    # ... nor after a clause or phrase set off before, nor with a concession after (a review's probes).
    ("The company, which lost $2 billion last year, nonetheless paid a dividend.", None),
    ("Injured in the first half, Smith nevertheless scored twice.", None),
    ("The company nonetheless paid a dividend despite the losses.", None),
    # An unnamed official, a clause set off before the verb (Multi-News 00139).
    ("The official, who insisted on anonymity because the inquiry was continuing, added that bail was "
     "denied.", "same speaker"),
    ("The official, Mr. Tan, said bail was denied.", None),
    # A speaker's words added to those quoted before, the verb first (Multi-News 00199).
    ('adds a close family friend: " bobby will be there at the funeral.', "back phrase"),
    ('Added the mayor, "We will rebuild."', "back phrase"),
    ("Added to the list were three new names.", None),
    ('Added sugar, "a leading cause of obesity," is found in most processed foods.', None),
    ("A blanket was covering her head.", "orphan pronoun"),
    ("The tennessee bureau of investigation previously released her height incorrectly.", "orphan pronoun"),
    ("Further checks revealed his identity, Cosson said.", "orphan pronoun"),
    ("Many of his followers work for influential think tanks.", "orphan pronoun"),
    ("The cause of his death has not been determined.", "orphan pronoun"),
    ("The party would not support any tax increases, he said, noting a tax was temporary.",
     "orphan pronoun"),
    # ... not when a person may come first: a noun for one, a possessive, a capitalised name (the
    # first word too, unless common in English); nor when a name follows, which it may point to.
    ("The nurse said she was tired.", None),
    ("A spokesman said he had no comment.", None),
    ("The plane left with the passenger aboard, but without his luggage.", None),
    ("A wealthy manhattan landlord left $20 million to his two daughters.", None),
    ("Everyone agreed he had done well.", None),
    ("The suspect's lawyer said his client was innocent.", None),
    ("Merkel defended her record, Seibert said.", None),
    ("A blanket from Walmart was covering her head.", None),
    ("the pataki family lost his fortune in the crash.", None),
    # ... nor after a verb of saying or thinking, whose subject may be whom it stands for, however
    # it is named (a reviewer's probes of news prose).
    ("Obama said his plan would work.", None),
    ("A spokesperson said she had no comment.", None),
    ("The district attorney said he would not file charges.", None),
    ("In his speech, Obama said the economy was recovering.", None),
    ("At his trial, Smith told the court he was innocent.", None),
    ("The champion defended her title in straight sets.", None),
    ("The Pope said he would visit Iraq.", None),
    ("In his letter to the Duma, Ocalan accused the Turkish government of lying.", None),
    # In lower-cased text names are not capitalised: only a sentence opening on a determiner is read
    # ("david said he ..." names him), with the pronoun among its first ten words.
    ("david said he found something rather surprising on the streets.", None),
    ("the reports released by the agency on monday and tuesday last week described her injuries.", None),
    # A quotation inside the writer's sentence whose speaker is "he" or "she" at its end (DUC 2003
    # d30056t); "they" may be the sentence's own subject.
    ('The kidnappers "whoever they are, are acting in defiance of the Chechen people," he said.',
     "quote pronoun speaker"),
    ("Microsoft's results \"benefited from much higher margins,\" he said.", "quote pronoun speaker"),
    ('Inflation "will keep rising through the spring," he said.', "quote pronoun speaker"),
    ('On Tuesday the company "expects growth," he said.', "quote pronoun speaker"),
    ('Family members were left " devastated " and " heartbroken, " they told the daily press.', None),
    ('The kidnappers "whoever they are" are acting in defiance of the Chechen people, Maskhadov said.', None),
    ('When Carlsson was asked about the ruling, "It was a slip of the tongue," he said.', None),
    ('Asked whether Microsoft would appeal, Gates shrugged: "We will see," he said.', None),
    # "It" as an empty subject, its real subject a clause or an infinitive after it, points nowhere
    # (DUC 2003 d30042t, d30050t, d31001t; Multi-News 00067, 00092).
    ("It was not immediately clear how Farrakhan arrived in Libya or how long he would stay.", None),
    ("It seems unlikely that Schumer will ever convince voters that he is tougher on crime.", None),
    ("It was not immediately known when reed would be extradited to washington.", None),
    ("It took only 60,000 years to kill more than 90 percent of all life on earth.", None),
    ("It seems that nearly all of South Africa's political parties have key officials at risk.", None),
    ("It's unclear whether the talks will resume next week.", None),
    # ... but "it" that stands for something, or an empty "it" whose clause adds to the sentence
    # before or points back inside it, leans.
    ("It was unclear.", "back word"),
    ("It was the largest animal hoarding case in monmouth county history.", "back word"),
    ("It is also clear that the deal will not pass.", "back word"),
    ("It is unlikely, however, that the fund can find enough money.", "back word"),
    ("It is hard to imagine what edge this could have given Obama.", "back word"),
    ("It wasn't immediately known if Libyan officials had shown flexibility on that point.", "back word"),
    ("It was unclear how such a warning was given.", "back word"),
    ("It was not clear if his plane flew directly from Libya.", "back word"),
    ("It was that decision that infuriated Gadhafi.", "back word"),
    ("It turns out that part of the answer lies with the laundry.", "back word"),
    # A time named by the sentence before's event, in the writer's words, leans (Multi-News 00003,
    # 00248; DUC 2003 d30005t) ...
    ("Uk authorities raided the london office later that month, but have yet to release their findings.",
     "back phrase"),
    ("Cara had multiple complex partial seizures that weekend.", "back phrase"),
    ("The embassy attack in Kenya unfolded that same day much as Ahmed had said it would.", "back phrase"),
    # ... unless the sentence dates it, sets two things side by side or quotes it, or "that" opens a
    # clause.
    ("People willing to get up before dawn on Nov. 17 will see the meteors on that day.", None),
    ("In 2007 the company moved its offices, and that year its profits doubled.", None),
    ("Villagers said the police began shooting at about the same time the gunfight began.", None),
    ('"I was the only guy on the floor that night," Smith said.', None),
    ("Police warned that winter storms would close the roads.", None),
    ("Officials said that week-long closures would follow.", None),
    # A bare "that day" also names the story's own day (the sample).
    ("Although rare earths were not specified in the joint press statement that day, it appears that "
     "cooperation on this was discussed in the closed-door talks.", None),
])
def test_leaning_rule_names_the_test(text: str, rule: str | None) -> None:
    from briefgen.select.standalone import leaning_rule

    assert leaning_rule(text) == rule
    assert leans(text) is (rule is not None)


@pytest.mark.parametrize(("text", "rule"), [
    ("The two leaders agreed to begin DNA testing of the remains recovered from the", "unfinished"),
    # Cut off inside a phrase, the cut marked by an ellipsis (Multi-News validation); a statement
    # that trails off after a word that can end it stays whole.
    ("Starbucks has been working to...", "unfinished"),
    ("Bobby martin was sentenced this week to life in prison for his...", "unfinished"),
    ("Their discussion on . . .", "unfinished"),
    ("Also, our fully tax paying retailers are closing stores all over the country...", None),
    ("\"Maybe you have teen-agers yourself and know how they are ...", None),
    ("The Yomiuri Shimbun said in an editorial on Wednesday, Jan. 14:", "colon"),
    ("LONDON (AP) _ An influential lawmaker backed Spanish requests to question Pinochet.", "dateline"),
    ("Tampa \u2014 The storm reached the city on Monday night.", "dateline"),
    # A place and a dash, and an aside between dashes after it: still a dateline.
    ("WASHINGTON \u2014 The president \u2014 who spoke briefly \u2014 said he would veto it.", "dateline"),
    ("Commerce, mich. \u2014 in a speech outside detroit \u2014 mitt romney tried a joke.", "dateline"),
    # An aside between dashes after the subject is no dateline (Multi-News 00246's lead; DUC 2003
    # d30010t, the AP's underscore dash; both had been refused).
    ("Five americans -- including a u.s. diplomat and three u.s. service members -- were killed while "
     "delivering books to an afghan school.", None),
    ("Shoppers _ many of them Orthodox Jews clad in sweeping skirts or long black frock coats _ fled in "
     "panic.", None),
    ("The system \u2014 called thaad, for terminal high altitude area defense \u2014 was scheduled for "
     "deployment around 2015.", None),
    ("YANKEES Pitching The starting pitching has been the best in baseball.", "heading"),
    ("File - in this thursday, dec. 17, 2015, file photo, martin shkreli leaves court.", "furniture"),
    # A subscription prompt run into the story (Multi-News validation).
    ("Sign me up! etzanoa has remained a mystery for 400 years.", "furniture"),
    ("Be the first to know.", "furniture"),
    # A politics site's card for a person, run in after the name (Multi-News 00012's bottom line).
    ("Bernie sanders bernie sandersmystery surrounds dnc race the hill's 12: 30 report sanders to deliver "
     "' major speech ' on trump more on monday said he ran as a democrat.", "furniture"),
    ("president trump donald john trumpex-russia ambassador: trump has done more damage to nato in months "
     "than russia has, his lawyer said.", "furniture"),
    ("The new york new yorkers love it more than ever.", None),
    ("smith went to the smithsonian for more.", None),
    ("Get push notifications with news, features and more.", "furniture"),
    ("Serna is a decorated war veteran.", None),
    # A photo's caption is never chosen, with an antecedent or without.
    ("In this photo taken on dec. 13, 2013, young nutria nibble the grass in olympia, wash.", "furniture"),
    ("An archaeologist works on an excavation site in xi ' an april 30, 2015.", "furniture"),
    ("The new law takes effect on Jan. 1, 2020, officials said.", None),
    # A caption in the passive with the weekday and date the photo was taken (Multi-News validation).
    ("An 1873 dime from carson city, nev., is displayed on friday, aug. 10, 2012, in philadelphia.",
     "furniture"),
    # A month's abbreviation does not end a caption's first sentence ("dec. 14").
    ("Nbc news sheriff grayson robinson holds a picture of claire davis during a briefing saturday, dec. 14, "
     "2013, at arapahoe high school.", "furniture"),
    ("Anne smedinghoff, 25, was killed saturday, april 6, 2013, in southern afghanistan.", None),
    ("You should read more books, the teacher said.", None),
    ("Girls read more books than boys, according to the study.", None),
    ("The warning landed in your inbox as expected, she said.", None),
    ("The disclaimer on the label said nothing about the risk.", None),
    ("Information from the ministry was scarce, he said.", None),
    ("This story has been changed by the newest findings, the author said.", None),
    ("This version of the bill passed the senate on monday.", None),
    ("The ad ended with a disclaimer: the product is not approved by the FDA.", None),
    # A label and a colon opening the sentence: a transcript's speaker, a headline run into its story.
    ("Judy woodruff: herman cain, the latest candidate to lead in the polls, spent the day rebutting "
     "charges.", "furniture"),
    ("Herman cain, ( r ) presidential candidate: i have never sexually harassed anyone.", "furniture"),
    ("Charlie gard: judge to decide on parents' last wish that son can die at home.", "furniture"),
    ("Job creation is accelerating: employers added an average of 238,000 jobs.", None),
    ('She added: "It happened so fast, I did not feel any pain."', None),
    ("The second question is: can the airline be saved with Tan?", None),
    # A byline with its weekday and date, or a time of posting, run into a headline and its story.
    ("Cain fumbles uzbekistan's name: 'ubeki-beki-beki-stan-stan ' by kase wickman monday, october 10, "
     "2011 10: 34 edt republican presidential hopeful herman cain fumbled.", "furniture"),
    ("That joke is gutterball politics posted at 4: 17 pm on august 24, 2012 by allahpundit in case.",
     "furniture"),
    ("Written by John Smith on Monday, Oct. 10, 2011, the letter was read aloud.", None),
    # A sentence pointing at the page's media: the memo has no such page.
    ("The video shown here explains williams syndrome and can be shared to help others.", "furniture"),
    ("A more detailed explanation follows.", "furniture"),
    # A sentence announcing the document the page prints after it (DUC 2003 d31033t, d31001t).
    ("Following is the text of the first two sections of the Sherman Act, as passed by Congress in 1890.",
     "furniture"),
    ("The following is an excerpt from Blood Sport, by Tim Elfrink and Gus Garcia-Roberts.", "furniture"),
    ("Following the vote, the party split in two.", None),
    ('"Following is easy; leading is hard," Jackson said.', None),
    ("Following is not an option for Apple, analysts said.", None),
    ("What follows is the text of the statement.", "furniture"),
    ("The rest of the speech follows the same line, aides said.", None),
    ("From yelling at the golden globes to her best impression, here are 20 of wiig's memorable bits.",
     "furniture"),
    # A fact sheet's bulleted list run into its lead-in (Multi-News 00143).
    ("Health care systems and providers can also: use electronic health records to find patients.",
     "furniture"),
    ("The question now is: can the airline be saved?", None),
    ("The election will be held in May: the first since the 2015 coup.", None),
    ("Experts say people should do what they can: wash hands, avoid crowds and stay home.", None),
    ("Here's a bit of audio from their exchange.", "furniture"),
    ("In Kabul, here is the reality: the Taliban control the roads.", None),
    ("Here are the results: Smith won 52 percent, Jones 48 percent.", None),
    ("Here is francesca wade's review of the book, originally published in the telegraph.", "furniture"),
    ("The troops stationed here are preparing to leave, officials said.", None),
    ("Officials said the shelter here is full.", None),
    # The writer speaking to the reader: a feature's voice or a page's prompt, never a memo's.
    ("What landed in your inbox: a letter from the IRS demanding $4,000.", "address"),
    ("Make note of the name etzanoa, a long-lost city.", "address"),
    ("Forget the rain forest \u2014 insects are living peacefully in homes.", "address"),
    ("If you live in the area, you may have felt the quake on tuesday.", "address"),
    ("Head coach Zhang Xiong said the team was aiming for five golds.", None),
    ('"Do not assume that you are safe once you are at home," the warning said.', None),
    ("The network asked viewers to leave a thank you message for the troops.", None),
    # A title or a band after a command word, "you" in a compound, a speaker named.
    ("Imagine Dragons will headline the festival in July.", None),
    ("The do-it-yourself chain reported higher sales.", None),
    ("Police warned that you should stay indoors.", None),
    # "you" before a quoted title is the writer's; a spaced-out closing mark makes it a speaker's.
    ('while you were reading your issue, perhaps you noticed the article titled " viscous flow. "',
     "address"),
    ('You may have heard of "movember", a charity event held in november.', "address"),
    ('Your prayers have helped me through this time, " she remarked.', None),
    ('The senators said "you lied" to the panel.', None),
    # A time or a verse before the colon; a passive with its date; a place; a level.
    ("Shortly after 4: 45 pm police arrived at the scene.", None),
    ("She was killed by a drunk driver saturday, july 4, 2015, police said.", None),
    ("U.S. troops posted here since 2003 will leave next year.", None),
    ("Applicants must score 70 or above.", None),
    ("Check the messages in your inbox here at the office, the manager said.", None),
    ("putin is seen as the clear favourite in the election on sunday, march 18, 2018.", None),
    ("the painting, which is displayed at the louvre, was stolen on monday, aug. 10, 2012, police said.",
     None),
    ('"Listen to me," he said.', None),
    # Swearing in the writer's words is an opinion blog's voice (Multi-News 00296); in a quotation it
    # is a speaker's, and a word that only holds the letters is none.
    ("A journalist who has a reputation of being a fucking weirdo was dragged off a red carpet.", "profane"),
    ('The post calls this the act of a " prankster " instead of a pervert fucko.', "profane"),
    ('"This is a big fucking deal," Biden told Obama.', None),
    ("The shitake mushrooms were sold out by noon.", None),
    # A sentence that says who said it reports a speaker's words; a capitalised word is a name or a
    # title (a review's probes).
    ("'We're fucked,' the minister said.", None),
    ("Bullshit Jobs is a book by David Graeber.", None),
    # A site's notice sends the reader elsewhere (Multi-News 00075); a title after the command does not.
    ("Go to the legal help page to request content changes for legal reasons.", "address"),
    ("Go Set a Watchman sold a million copies in a week.", None),
])
def test_broken_rule_names_the_test(text: str, rule: str | None) -> None:
    from briefgen.select.standalone import broken_rule

    assert broken_rule(text) == rule
    assert broken(text) is (rule is not None)


# One sentence for each phrase of page furniture the stand-alone test knows, at the start of a
# sentence or run into it: the fast test of hints (furniture._RUN_IN_HINTS) must let each through.
_FURNITURE = [
    "Media playback is unsupported on your device media caption the ship sank at noon.",
    "Image caption The ship sank at noon.",
    "Editor's note: this story was updated at 1: 55 p.m.",
    "See below the recording for an updating list of interesting moments, with time stamps included.",
    "Watch it yourself, below.",
    "Text size - + reset video: hrc update on libya, nato politico 44 that's not to say he won't.",
    "Get metro headlines in your inbox: the 10 top local news stories delivered daily.",
    "[ [ disclaimer: there are three gofundme accounts available ] ] hello everybody.",
    "Rating is available when the video has been rented.",
    "This feature is not available right now.",
    "Topics: 2012 elections, newt gingrich, ron paul i was awestruck by a new ad.",
    "File photo: a combination of file photos showing president putin at his residence.",
    "Enlarge this image The ship sank at noon.",
    "Image copyright Reuters The ship sank at noon.",
    "View full image The ship sank at noon.",
    "View images The ship sank at noon.",
    "Image 3 of 12 The ship sank at noon.",
    "Ships &#124; The ship sank at noon.",
    "May 18, 2015, 1: 05 am | the republican senator says the ship sank at noon.",
    "Timeline charlie gard show hide birth charlie gard is born a healthy baby.",
    "Kenny says ireland will not default by joe brennan ( updates shares, bonds in eighth paragraph. )",
    "To read a digital version of the magazine, go here.",
    "The latest on the earthquake in italy ( all times local ): 10: 43 p.m.",
    "Photograph courtesy of the county's records search less the ship sank at noon.",
    "The author of the story has a family member who sailed on the ship.",
    "This image made from amateur video released by shaam news network purports to show shelling.",
    "This 2011 photo provided by the free ghoncheh campaign, shows ghoncheh ghavami in isfahan, iran.",
    "Published by arrangement with dutton, a member of penguin group ( usa ) llc.",
    "Screenshot by cnet korea following the indictment, the ship sank at noon.",
    "The ship, seen in getty images, sank at noon.",
    "The ship ( photo: coast guard ) sank at noon.",
    "Photo: coast guard The ship sank at noon.",
    "Photograph by Jane Doe The ship sank at noon.",
    "Buy photo The ship sank at noon.",
    "Photo advertisement The ship sank at noon.",
    "Advertisement continue reading the ship sank at noon.",
    "Continue reading the main story The ship sank at noon.",
    "Posted 10:02 gmt / updated 11:40 the ship sank at noon.",
    "Updated: 10:40 the ship sank at noon.",
    "Thank you for reading the ship sank at noon.",
    "Log in to your subscriber account the ship sank at noon.",
    "Purchase a subscription the ship sank at noon.",
    "Please check your email the ship sank at noon.",
    "Click here to read the ship sank at noon.",
    "Story highlights the ship sank at noon.",
    "Be the first to know.",
    "Sign me up! the ship sank at noon.",
    "Get push notifications the ship sank at noon.",
    "This refiled version corrects the ship's name.",
    "File - this ship sank at noon.",
    "In this june 1 file photo the ship is seen.",
    "Story continued below the ship sank at noon.",
    "Replying to @coastguard the ship sank at noon.",
    "Blocked unblock follow the ship sank at noon.",
    "The ship sank at noon / ap id: 12345.",
    "___ information from: the ( attleboro, mass. )",
    "\u276e prev next \u276f 20 cars that rack up tickets the highest percentage of drivers own a sedan.",
    "1 of 20 \u276e prev next \u276f 20 cars that rack up tickets the highest share of drivers own a sedan.",
    "___ This story has been updated with comments from the mayor.",
    "___ This version corrects the spelling of the mayor's name.",
    "___ this story has been changed to correct that the ship sank at noon, not at one.",
    "( ap ) the ship sank at noon.",
    "( kutv ) the ship sank at noon.",
    "The ship sank near the port, thursday, sept. 11 2014.",
    "The ship ( associated press ) sank at noon.",
    "The ship sank pic.twitter.com/abc at noon.",
    "The ship sank https://t.co/abc at noon.",
    "https://example.com the ship sank at noon.",
    "From wral.com: https://example.com the ship sank.",
    "The ship sank <img src=\"https://example.com/a.jpg\"> at noon.",
    "— jane doe ( @janedoe ) july 26, 2014 the ship sank.",
    "Posted at 10:02 / updated by the desk the ship sank at noon.",
    "Replay more videos the ship sank at noon.",
    "2014-07-26 the ship sank at noon.",
    "Photos: the ship that sank at noon.",
    "Ap photo the ship sank at noon.",
    "Copyright 2014 by the desk the ship sank at noon.",
    "The ship ( credit: coast guard ) sank at noon.",
    "Tweet published: july 26 the ship sank at noon.",
    "Pool via ap 2/50 26 march 2018 the ship sank.",
    "Ships of the year read more: the ship sank at noon.",
    "Read more about the ship that sank at noon.",
    "Download the report or view the recorded presentation of the results.",
    "( scroll down for updates ) the ship sank at noon.",
    "Published on jul 18, 2017 the host kicks off the week with a deep dive.",
    "The captain ( provided by the coast guard ) sank at noon.",
    "For information, visit http://www.example.com the line expects more ships.",
    "For information, visit www.example.com the line expects more ships.",
    "Any comments not made to this dedicated note page ( below this note ) will be hidden or removed.",
    "Former county sheriff patrick sullivan, right, with his attorney, appeared in court on wednesday.",
    "Angelika graswald, second from left, stands in court with her attorneys.",
    "Lamar high school seniors micheal brown, left, and lekha sunder were accepted to stanford and yale.",
    "Press contacts andrew hollinger 202.488.6133 ahollinger@ushmm.org museum press kit march 6, 2018.",
    "Doctor stitches own leg nicole gourley/fairfax nz bite fright: the doctor inspects the wetsuit.",
    # An agency's caption closing on its credit (Multi-News 00182), and a page's marker (00263).
    "A man said to be the ship's captain speaks at a mosque, on july 5, 2014, in this still image taken "
    "from video.",
    "The ship is seen off the coast august 1, 2011 in this picture released august 2, 2011 by the navy.",
    "Article continues below copyright 2014 the associated press.",
    # A film clip's copyright credit (Multi-News 00241) and a pointer to a gallery (00117), where the
    # text was split without briefing's cut.
    "Clip from an unmarried woman \u00a9 1978 20th century fox.",
    "[ gallery \u2014 spaceshiptwo makes first glide flight ] to begin, the plane was lifted.",
]


@pytest.mark.parametrize("text", [
    # A reviewer's probes: someone who was in the picture is no caption's credit.
    "The woman, who said she was in this photo taken in 1975, sued the magazine on Monday.",
    "He said he was the boy in this picture taken in 1945 and that he remembered the day well.",
    "He was just 5 in this photo taken by his mother, his sister said on Monday.",
    'She was the "napalm girl" in this photo taken in 1972, the museum said.',
    # ... nor is the copyright sign named in prose, nor an editor's bracket around a compound.
    "The band sued over the \u00a9 notice printed on its own album cover.",
    '\u201c[Video-game makers] have failed our children,\u201d the senator said.',
])
def test_someone_in_the_picture_is_prose_not_a_captions_credit(text: str) -> None:
    from briefgen.select.standalone import broken_rule

    assert broken_rule(text) is None


@pytest.mark.parametrize("text", _FURNITURE)
def test_every_kind_of_run_in_furniture_is_refused(text: str) -> None:
    from briefgen.select.standalone import broken_rule

    assert broken_rule(text) == "furniture"


@pytest.mark.parametrize(("text", "open_"), [
    # Multi-News validation: an aside in brackets, and a quotation's first sentence whose speaker
    # a later one names; a typographic mark; a quotation after a full stop the splitter passed over.
    ('( to quote patton oswalt: "that was one soul-crushing slab of televised darkness.', True),
    ("\"we're looking at job growth that was pretty similar to what we were getting a year ago.", True),
    ("\u201cWe will rebuild every house.", True),
    ("In 2016 they added 187,000 a month. \"we're looking at job growth that was similar.", True),
    ("The talks (held in Seoul ended on Monday.", True),
    # A quotation opened after its speaker that the sentence does not close goes on past it (Multi-News
    # 00059, 00261, 00266), spaced apart or not.
    ('In an interview with cbs news, obama said, "we have a pattern now of mass shootings.', True),
    ('ben wizner said, "he would cooperate in extraordinary ways in the right circumstances.', True),
    ('A ryder cup spokesperson told the bbc: " it is distressing to hear that someone might suffer.', True),
    # Closed, or closing one an earlier sentence opened, spaced apart or not.
    ('"We will rebuild, " the mayor said.', False),
    ('Consolation is enough," he said.', False),
    ("Over on cable, however, @breakingbad_amc was amazing. \" )", False),
    ('Obama said, "we have a pattern now," and left.', False),
    ('it is distressing to hear, " a ryder cup spokesperson told the bbc.', False),
    ("The talks (held in Seoul) ended on Monday.", False),
])
def test_a_sentence_that_a_later_one_closes_runs_on(text: str, open_: bool) -> None:
    from briefgen.select.standalone import runs_on

    assert runs_on(text) is open_
    assert not broken(text)


# An economist's quotation over two sentences (Multi-News validation): the first alone prints an
# open quotation with no speaker; it may print only before the sentence that closes it.
JOBS = [
    "The u.s. economy added 209,000 jobs in july, the labor department said friday.",
    "\"we're looking at job growth that was pretty similar to what we were getting a year ago or two "
    "years ago.",
    "I just don't think at a business cycle frequency these things respond to political "
    "developments, \" feroli said.",
]


@pytest.mark.parametrize("method", ["briefgen", "lexrank"])
def test_a_quotation_that_runs_on_prints_only_with_the_sentence_that_closes_it(method: str) -> None:
    facts = [fact(f"j{k}", text, "s1", k) for k, text in enumerate(JOBS)]
    first_two = sum(len(t.split()) for t in JOBS[:2])
    chosen = [f.id for f in select(facts, words=first_two, method=method)]
    assert "j1" not in chosen
    assert "j0" in chosen
    everything = sum(len(t.split()) for t in JOBS)
    assert [f.id for f in select(facts, words=everything, method=method)] == ["j0", "j1", "j2"]


def test_without_quotations_a_quotation_and_what_leans_on_it_are_never_chosen() -> None:
    facts = [fact("f1", MET, "s1", 0),
             fact("f2", '"This is a small but meaningful step forward," Lee told reporters.', "s1", 1),
             fact("f3", "He also said the two sides would meet again in Seoul next spring.", "s1", 2),
             fact("f4", OTHERS[2][1], "s3", 0)]
    assert needs(facts) == [(), (), (1,), ()]
    assert needs(facts, quotations=False) == [(), None, None, ()]



# A tweet quoted over four sentences (Multi-News validation): the splitter cuts it after each stop,
# and its middle sentences have no mark of their own.
TWEET = [
    "Frank Ocean was hurt in a fight with Chris Brown outside a Los Angeles recording studio on Sunday.",
    'After the incident, ocean tweeted " got jumped by chris and a couple guys.',
    "Lol.",
    "I only wish everest was there.",
    "Two hands are what a pianist needs for the show at the staples center next week and i have one.",
    'Cut my finger now i can\'t play w two hands at the grammys."',
    "Cops say they will continue to investigate and want to speak with chris brown.",
]


def article(texts: Sequence[str], source: str = "s1", prefix: str = "t") -> list[Fact]:
    """One fact per sentence of one article, marked as the splitter marks a quotation's middles."""
    from briefgen.text.quotes import middles

    out = []
    for k, (text, mid) in enumerate(zip(texts, middles(texts), strict=True)):
        sent = Sentence(text=text, source_id=source, index=k, start=0, end=len(text), in_quotation=mid)
        out.append(Fact(id=f"{prefix}{k}", text=text, sentences=(sent,), sources=(source,)))
    return out


@pytest.mark.parametrize(("text", "open_"), [
    ('After the incident, ocean tweeted " got jumped by chris and a couple guys.', True),
    ('"we have no intention of defaulting.', True),
    ("\u201cWe will rebuild every house.", True),
    ('He said: "we will rebuild every house.', True),
    # A quotation closed, then another opened after a full stop the splitter passed over.
    ('Consolation is enough," he said. "We will rebuild every house.', True),
    # Closed, a closing mark, a scare quote, or inches.
    ('"We will rebuild, " the mayor said.', False),
    ('Consolation is enough," he said.', False),
    ('Relatives were " devastated by the news, officials said.', False),
    ('The 6\'2" forward scored 30 points.', False),
])
def test_a_sentence_that_opens_a_quotation_and_leaves_it_open(text: str, open_: bool) -> None:
    from briefgen.text.quotes import leaves_open

    assert leaves_open(text) is open_


def test_the_middle_of_a_quotation_leans_back_to_its_opening_and_prints_with_it() -> None:
    from briefgen.select.units import inside_quotation, open_ended

    facts = article(TWEET)
    # "Lol." and the two sentences after it are the tweet's middle; the sentence with a mark closes it.
    assert inside_quotation(facts) == [False, False, True, True, True, False, False]
    assert open_ended(facts)[2:5] == [True, True, True]
    need = needs(facts)
    # "I only wish ..." leans past the fragment to the sentence naming the speaker.
    assert need[3] == (2, 1)
    assert need[6] == ()
    # Chosen within any budget, a middle sentence prints only with the one after it, up to the close.
    for words in (20, 40, 60, 80):
        chosen = {int(f.id[1:]) for f in select(facts, words=words)}
        assert all(k + 1 in chosen for k in chosen & {2, 3, 4}), (words, sorted(chosen))
        assert not chosen & {2, 3, 4} or {1, 5} <= chosen, (words, sorted(chosen))
    # As printed: the tweet is one bullet, from its speaker to its close.
    printed = [facts[i] for i in in_order(sorted(int(f.id[1:]) for f in select(facts, words=80)), facts)]
    assert [[f.id for f in p] for p in passages(printed)] == [["t0"], ["t1", "t2", "t3", "t4", "t5"]]


def test_the_middle_of_a_quotation_is_read_in_its_article_not_among_the_facts_offered() -> None:
    from briefgen.select.units import inside_quotation

    facts = article(TWEET)
    # A part choosing among some facts only (the bottom line took the others) reads the same.
    assert inside_quotation([facts[3], facts[6]]) == [True, False]


def test_the_splitter_marks_a_quotations_middle_sentences() -> None:
    text = " ".join(TWEET)
    src = make_source("s1", text)
    sents = segment(src, [Line(source_id="s1", start=0, end=len(text), text=text, kind="prose")])
    assert [s.text for s in sents if s.in_quotation] == TWEET[2:5]


@pytest.mark.parametrize("texts", [
    # A stray mark, then no close in reach.
    ['The 1873-cc " no arrows " liberty seated " dime was auctioned thursday night.',
     "It's part of the battle born collection, which held one of every coin struck in carson city.",
     "All 111 pieces were auctioned off thursday night.",
     "The collection sold for $25 million in total, the auction house said."],
    # The next sentence with marks quotes words of its own: it closes nothing.
    ['The mayor said: "we will rebuild every house.',
     "The storm killed 12 people in the county on Friday.",
     'Officials called the damage "vast" on Saturday.'],
])
def test_with_no_close_a_mark_opens_no_quotation_over_sentences(texts: list[str]) -> None:
    from briefgen.text.quotes import middles

    assert middles(texts) == [False] * len(texts)


def test_a_quotation_the_texts_end_cuts_off_runs_to_that_end() -> None:
    from briefgen.text.quotes import middles

    # A truncated article (Multi-News validation): the speaker's words run on to where the text stops.
    cut = ["The senator spoke at a town hall in Ohio on Monday evening.",
           'When crowds turn on reporters, " the senator said, "people remember what that leads to.',
           "It is in our history.",
           "Voters remember the riots that followed the last election and the ones before it."]
    assert middles(cut) == [False, False, True, True]
    # From the opening to the end, all or nothing: an opening further from the end than the reach
    # marks none.
    far = [cut[0], cut[1], "It is in our history.", "It is in our blood.", "It is who we are.",
           "It will not change.", "Nobody forgets."]
    assert middles(far) == [False] * len(far)
    # ... nor a reporter's "..., police say." after it.
    assert middles([*cut[:3], "Three people were hurt in the crash, police say."]) == [False] * 4
    # A stray mark, then the reporter's own sentences: one of them reports what someone said.
    stray = ['" police say the judge who was filmed hitting his daughter will not face charges.',
             "The statute of limitations for the likely charges is five years, police told reporters.",
             "The video was made seven years ago."]
    assert middles(stray) == [False, False, False]


def test_a_fragment_opens_no_passage() -> None:
    facts = [fact("f1", MET, "s1", 0), fact("f2", "Lol.", "s1", 1),
             fact("f3", "They agreed to begin DNA testing of the remains from the mine.", "s1", 2),
             fact("g1", "Lol.", "s2", 0),
             fact("g2", "They agreed to begin DNA testing of the remains from the mine.", "s2", 1)]
    need = needs(facts)
    assert need[2] == (1, 0)
    # With nothing before the fragment, what leans on it cannot print.
    assert need[4] is None


STATEMENT = [
    "Jack the cat escaped from his carrier at JFK airport on Aug. 25.",
    "American airlines posted a statement to facebook: american airlines is happy to announce that jack "
    "the cat has been found safe and well at jfk airport.",
    "Jack was found in the customs room and was immediately taken to a local veterinarian.",
    "The vet has advised that jack is doing well at present.",
    "American airlines will fly him to california to be reunited with his family.",
    "His owner, karen pascoe, said she was overjoyed.",
    "Jack had been missing for two months.",
]


def test_a_statement_printed_after_a_colon_without_marks_is_the_speakers_words() -> None:
    from briefgen.select.units import inside_quotation
    from briefgen.text.quotes import middles

    # The sentences after the one that names the statement are its words, up to one that names who
    # said something (the reporter's again) or QUOTATION_REACH.
    assert middles(STATEMENT) == [False, False, True, True, True, False, False]
    facts = article(STATEMENT)
    assert inside_quotation(facts) == [False, False, True, True, True, False, False]
    # Each of them prints only after the sentence that names the statement's author.
    need = needs(facts)
    assert [1 in (need[k] or ()) for k in (2, 3, 4)] == [True, True, True]
    assert need[6] == ()
    # "posted a statement on its website:" too; a colon that announces no statement marks nothing.
    website = ["The firm posted a statement on its website: the recall covers 2 million cars.",
               "Owners will be contacted by mail."]
    assert middles(website) == [False, True]
    colon = ["The bad news: the button sounds complicated.", "Prices rose 3 percent."]
    assert middles(colon) == [False, False]


TWEET_EMBED = [
    "Democrats say the guarantee is gone or greatly weakened.",
    "Here's a tweet by house speaker paul d. Ryan ( r-wis. ), referring to an amendment added to the bill.",
    "Verified: macarthur amendment strengthens ahca, protects people with pre-existing conditions.",
    "Https://t.co/6w7bdeo40r \u2014 paul ryan ( @speakerryan )",
    "The vote is expected on thursday.",
]


def test_a_tweet_embedded_without_marks_is_its_authors_words_not_the_reporters() -> None:
    from briefgen.select.units import inside_quotation
    from briefgen.text.quotes import middles

    # The words before the tweet's signature are the tweet's; they print only after the sentence that
    # introduces it, never as the reporter's statement.
    facts = article(TWEET_EMBED)
    assert inside_quotation(facts) == [False, False, True, False, False]
    assert 1 in (needs(facts)[2] or ())
    # A tweet of several short sentences is marked whole; the reporter's sentence before it, past a
    # tweet's length, is not; a page's "follow" link signs no tweet.
    several = ["The storm hit at rush hour on friday afternoon across the whole valley floor.",
               "Over 2,000 feet high and 1/4 mile or less visibility.", "We've got ourselves a big #haboob.",
               "#abc15wx pic.twitter.com/epn0w2zcnt \u2014 amber sullins ( @ambersullins ) july 26, 2014"]
    assert middles(several) == [False, True, True, False]
    follow = ["The rest of it was odd, well, just watch above.",
              "\u2014 \u2014 >> follow ken meyer ( @kenmeyer91 )"]
    assert middles(follow) == [False, False]
    # The reporter's short sentences before a short tweet are the reporter's: the search stops at the
    # one that introduces the tweet; an author's sign-off with no date or link signs no tweet.
    short = ["The house passed the bill by four votes.", "Ryan cheered on twitter.", "Big win for america!",
             "\u2014 paul ryan ( @speakerryan ) may 4, 2017"]
    assert middles(short) == [False, False, True, False]
    signed = ["The council will vote again in May.", "\u2014 jane doe ( @janedoe )"]
    assert middles(signed) == [False, False]


def test_the_words_all_times_in_prose_are_no_furniture() -> None:
    from briefgen.select.standalone import broken_rule

    assert broken_rule("Polls stayed open at all times during the day, officials said.") is None
    assert broken_rule("The latest on the storm ( all times eastern ): 10: 43 p.m.") == "furniture"


@pytest.mark.parametrize(("text", "rule"), [
    # Someone "in a picture posted ...", with no clause around it: a gallery's caption (Multi-News 00233).
    ("Less lacie larose in a picture posted to facebook on april 24, days before her death.", "furniture"),
    ("Ronald mcneil in a booking photo released by police on may 5, 2015.", "furniture"),
    # ... a clause around it is prose.
    ("He appears in a photo posted to Facebook last week, holding a gun.", None),
    ("The suspect, shown in a photo released by police, was arrested on Monday.", None),
    ("Police described the man in a photo released on Monday as armed and dangerous.", None),
    # A study's or a column's author named is news; "courtesy of" without a picture's word is prose.
    ("The author of the report, a Harvard economist, said growth would slow.", None),
    ("The authors of the article say the drug cut deaths by half.", None),
    ("The author of the column, Bret Stephens, defended it.", None),
    ("The author of this story owns shares in the company.", "furniture"),
    # A verb after the picture's phrase, or a phrase that opens on no preposition, is prose.
    ("A man in a photo posted online claims responsibility for the attack.", None),
    ("The woman in a photo posted on Twitter wears a police uniform.", None),
    ("Obama in a photo released by the White House shakes hands with Castro.", None),
    # "(all times ...)" is AP's heading only with a time zone.
    ("Schedules were posted online (all times approximate) before the launch.", None),
    ("Warm waters arrived courtesy of el nino, scientists said.", None),
])
def test_a_picture_caption_without_a_clause_is_furniture(text: str, rule: str | None) -> None:
    from briefgen.select.standalone import broken_rule

    assert broken_rule(text) == rule
