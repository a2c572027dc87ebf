"""Text that writes names in lower case, read from a capitalised copy where capitals tell names apart."""

from __future__ import annotations

import sys

import pytest
import test_conflicts

import briefgen.text.truecase as truecase
from briefgen.model import Conflict, Sentence
from briefgen.text.truecase import one_spelling, truecased

# Expected output, or ``SAME`` for text that stays as it is.
SAME = ""


@pytest.mark.parametrize(("text", "expected"), [
    # Days and months; "may" and "march" only before a day's number or a year, an abbreviation with its stop.
    ("officials said friday that the march may go ahead on may 5",
     "officials said Friday that the march may go ahead on May 5"),
    ("the vote of march 3 and of oct. 12; the dec of the band",
     "the vote of March 3 and of Oct. 12; the dec of the band"),
    ("since may 2016 the march has grown", "since May 2016 the march has grown"),
    ("they plan to march 10 miles; may 5 people come?", SAME),
    ("within may 5 days the union may 15 members", SAME),
    # Words rarer in English than a common name, each part of a hyphenated one.
    ("detective hans carlsson met wi sung-rak and al-qaida's envoy",
     "detective hans Carlsson met wi sung-rak and al-qaida's envoy"),
    ("typhoon babs hit catanduanes island", "typhoon Babs hit Catanduanes island"),
    # Countries as ISO 3166 names them, English names it no longer lists, and continents.
    ("from the philippines to south korea, bosnia and herzegovina and the isle of man",
     "from the Philippines to South Korea, Bosnia and Herzegovina and the Isle of Man"),
    ("a turkey for thanksgiving, flown in from turkey via europe",
     "a turkey for thanksgiving, flown in from Turkey via Europe"),
    ("the sweden-based firm, iran's army and an iran deal",
     "the Sweden-based firm, Iran's army and an Iran deal"),
    ("officials in iran\u2019s capital and russia\u2019s",
     "officials in Iran\u2019s capital and Russia\u2019s"),
    ("his jersey, a china cup, a guinea pig", SAME),
    ("russia, britain, gaza, tanzania, guinea-bissau and timor-leste",
     "Russia, Britain, Gaza, Tanzania, Guinea-Bissau and Timor-Leste"),
    # Forms of common words that wordfreq's small list leaves out are no names, nor contractions.
    ("rescuers reached the landslides; jihadists fled", SAME),
    ("it wasn't over, they couldn\u2019t leave and hadn't eaten", SAME),
    # A phrase an article or a determiner opens names a common noun.
    ("a shopkeeper, 52, a fishing trawler, the airstrip where abdi waited and his wife rahsan ecevit",
     "a shopkeeper, 52, a fishing trawler, the airstrip where Abdi waited and his wife Rahsan Ecevit"),
    ("police said that slepian, 51, was shot", "police said that Slepian, 51, was shot"),
    ("the local shopkeeper, 52, that shopkeeper, one trawler, The shopkeeper", SAME),
    ("a 52-year-old shopkeeper", SAME),
    ("his wife rahsan ecevit, 76,", "his wife Rahsan Ecevit, 76,"),
    ("\u0131stanbul's mayor", SAME),
    # Letters beyond ASCII are read whole; a letter with no one-letter capital stays.
    ("a café where his fiancé met ecevit", "a café where his fiancé met Ecevit"),
    ("die weiße rose", "die Weiße rose"),
    # A designation's letters, which cased text prints in capitals; not a prefix before a number.
    ("killed them with an ar-15 after flight mh17 and the g-20",
     "killed them with an AR-15 after flight MH17 and the G-20"),
    ("in their mid-30s, a top-10 hit, 3-2, the low-30s, a sub-20 team", SAME),
    ("the h1n1 virus, pan am flight 103 and a category 4 storm",
     "the H1N1 virus, pan am Flight 103 and a Category 4 storm"),
    ("two f-16s flew a flight 300 miles long", "two F-16s flew a flight 300 miles long"),
    # Common words, and what is capitalised already, stay as they are.
    ("The Police Said The Victims Were Found On Tuesday.", SAME),
    ("the storm killed at least 20 people", SAME),
])
def test_truecased(text: str, expected: str) -> None:
    assert truecased(text) == (expected or text)


def test_letters_without_a_one_letter_capital_stay() -> None:
    """"ß" has no one-letter capital and the capital of Turkish "ı" is "I": both stay, so the copy keeps
    the text's length and lower-cases back to it."""
    text = "\u00dfanktionen against k\u0131rk\u0131nc\u0131lar, said the ministry on monday"
    out = truecased(text)
    assert len(out) == len(text) and out.lower() == text.lower()
    assert out == "\u00dfanktionen against K\u0131rk\u0131nc\u0131lar, said the ministry on Monday"


def test_truecased_keeps_every_offset() -> None:
    text = "rescuers in tegucigalpa, honduras, said on monday that 1,200 had died -- mitch's toll."
    out = truecased(text)
    assert len(out) == len(text)
    assert out.lower() == text.lower()
    assert out == "rescuers in Tegucigalpa, Honduras, said on Monday that 1,200 had died -- mitch's toll."


def test_countries_need_pycountry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without ``pycountry`` the other rules still hold; countries then stay in lower case."""
    with monkeypatch.context() as patch:
        patch.setitem(sys.modules, "pycountry", None)
        truecase._countries.cache_clear()
        try:
            assert truecased("flooding in romania on sunday") == "flooding in romania on Sunday"
        finally:
            truecase._countries.cache_clear()
    assert truecased("flooding in romania on sunday") == "flooding in Romania on Sunday"


def conflicts_of(*reports: tuple[str, str]) -> list[Conflict]:
    """Conflicts among (source id, sentence) reports, each source's text its sentences."""
    return test_conflicts.conflicts_of(*reports, whole=True)


def test_lower_cased_ages_disagree() -> None:
    """A person's age after a name printed in lower case: read as the cased text is."""
    reports = (
        ("s1", "The witness, rahel zaken, 23, said she saw the bomber run toward the market."),
        ("s2", "The witness, rahel zaken, 32, said she saw the bomber run toward the market."),
        ("s1", "police said the market was crowded with shoppers on friday morning."),
        ("s2", "the attack was the third in the city this year, officials said."),
    )
    (c,) = conflicts_of(*reports)
    assert (c.kind, c.label) == ("disagreement", "Rahel Zaken's age")
    assert [(side.value, side.sources) for side in c.sides] == [("23", ("s1",)), ("32", ("s2",))]
    # The sides cite what the sources printed, not the capitalised copy.
    assert [s.text for side in c.sides for s in side.sentences] == [reports[0][1], reports[1][1]]


def test_lower_cased_name_variant_keeps_each_spelling_as_printed() -> None:
    (c,) = conflicts_of(
        ("s1", "Mohammed morsi was sworn in as egypt's president on saturday."),
        ("s2", "Mohammed mursi was sworn in as egypt's president on saturday."),
        ("s3", "Mohammed morsi took the oath before the constitutional court."),
        ("s1", "the ceremony was broadcast live."),
        ("s2", "thousands gathered in the square."),
    )
    assert c.kind == "variant"
    assert [(side.value, side.sources) for side in c.sides] == [
        ("Mohammed morsi", ("s1", "s3")), ("Mohammed mursi", ("s2",))]
    assert [s.text for side in c.sides for s in side.sentences] == [
        "Mohammed morsi was sworn in as egypt's president on saturday.",
        "Mohammed morsi took the oath before the constitutional court.",
        "Mohammed mursi was sworn in as egypt's president on saturday."]


def test_only_lower_cased_sources_are_read_capitalised(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cased report beside lower-cased ones is read as printed: the copy is made source by source."""
    import briefgen.facts.conflicts as conflicts

    seen: list[str] = []

    def spy(text: str) -> str:
        seen.append(text)
        return truecased(text)

    monkeypatch.setattr(conflicts, "truecased", spy)
    cased = ("s1", "Dr. Barnett Slepian, 51, was shot in his home in Amherst, near Buffalo, on Friday.")
    lower = ("s2", "dr. barnett slepian, 52, was shot in his home in amherst, near buffalo, on friday.")
    (c,) = conflicts_of(cased, lower, ("s1", "The police said the shot came through a kitchen window."),
                        ("s2", "the police have no suspect in the shooting, they said on saturday, and asked "
                               "anyone who saw a car near the house late on thursday to call them."))
    assert seen and all(text.startswith(("dr.", "the police")) for text in seen)
    assert c.label == "Barnett Slepian's age"
    assert [(side.value, [s.text for s in side.sentences]) for side in c.sides] == [
        ("51", [cased[1]]), ("52", [lower[1]])]


def test_a_time_read_from_the_copy_is_printed_as_the_source_printed_it() -> None:
    (c,) = conflicts_of(
        ("s1", "the earthquake killed at least 82 people in the philippines, officials said friday."),
        ("s1", "rescuers searched the rubble through the night in the mountain towns."),
        ("s2", "the earthquake killed at least 129 people in the philippines, officials said saturday."),
        ("s2", "aid groups sent tents and water to the worst-hit province."),
    )
    assert c.kind == "changed"
    assert [(side.value, side.time) for side in c.sides] == [
        ("at least 82", "friday"), ("at least 129", "saturday")]


def test_lower_cased_titles_are_not_compared() -> None:
    """A title is read from the capitalised words before a name, which the copy cannot give back."""
    assert conflicts_of(
        ("s1", "deputy premier bulent ecevit was asked on wednesday to form a new government."),
        ("s1", "the coalition collapsed after a vote of no confidence in parliament."),
        ("s2", "former prime minister bulent ecevit was asked on wednesday to form a new government."),
        ("s2", "the vote ended a 17-month-old government in ankara."),
    ) == []


def test_one_word_in_two_spelling_conventions_is_no_variant() -> None:
    assert conflicts_of(
        ("s1", "martinelli's equaliser came in the 89th minute at the emirates on sunday."),
        ("s1", "the home side had trailed since the first half."),
        ("s2", "martinelli's equalizer came in the 89th minute at the emirates on sunday."),
        ("s2", "the visitors had led through a penalty."),
        ("s3", "martinelli's equaliser came late, the club said."),
    ) == []


def test_a_described_person_gets_no_age_of_a_name() -> None:
    """"a shopkeeper, 52," and "a shopkeeper, 61," are two people the reports describe, not one named."""
    assert conflicts_of(
        ("s1", "a shopkeeper, 52, said she hid behind the counter when the shooting began on friday."),
        ("s1", "police said the gunman fled on foot toward the station."),
        ("s2", "a shopkeeper, 61, who runs a bakery nearby, said he saw the gunman run past."),
        ("s2", "the station was closed for several hours."),
    ) == []


def test_cased_names_are_variants_whatever_their_ending() -> None:
    """A writer's capitals make a name: "Mansour" and "Mansor" are two spellings of one, though
    English spells "colour" two ways."""
    (c,) = conflicts_of(
        ("s1", "Adly Mansour, the interim president, spoke to reporters in Cairo on Monday."),
        ("s1", "He promised elections within a year."),
        ("s2", "Adly Mansor, the interim president, spoke to reporters in Cairo on Monday."),
        ("s2", "He said the army would not rule."),
        ("s3", "Adly Mansour met the cabinet on Tuesday."),
    )
    assert c.kind == "variant"
    assert [side.value for side in c.sides] == ["Adly Mansour", "Adly Mansor"]


def test_a_cased_report_keeps_its_spelling_of_a_value() -> None:
    (c,) = conflicts_of(
        ("s1", "Mohammed Morsi was sworn in as Egypt's president on Saturday, officials in Cairo said."),
        ("s1", "The ceremony was broadcast live across the country."),
        ("s2", "mohammed mursi was sworn in as egypt's president on saturday, officials in cairo said, "
               "and thousands gathered in the square to watch the oath on large screens."),
        ("s3", "mohammed morsi took the oath before the constitutional court on saturday, state television "
               "showed, as crowds waited outside the court building for hours in the heat."),
    )
    assert [(side.value, side.sources) for side in c.sides] == [("Morsi", ("s1", "s3")), ("mursi", ("s2",))]


def test_a_value_put_together_from_a_possessive_takes_the_printed_letters() -> None:
    from briefgen.facts.conflicts import _letters

    printed = Sentence(text="troops left korea's demilitarised zone on friday.", source_id="s1", index=0,
                       start=0, end=49)
    copy = Sentence(text=truecased(printed.text), source_id="s1", index=0, start=0, end=49)
    assert copy.text == "troops left Korea's Demilitarised zone on Friday."
    assert _letters("Korea Demilitarised", [copy], {copy: printed}, words=True) == "korea demilitarised"
    assert _letters("Friday", [copy], {copy: printed}, words=False) == "friday"
    assert _letters("24 Oct", [copy], {copy: printed}, words=False) == "24 Oct"


def test_lower_cased_coverage_that_names_no_day_is_read_capitalised() -> None:
    """A page that prints names in lower case needs no weekday or month to be read so."""
    cs = conflicts_of(
        ("s1", "a gunman opened fire at a shopping mall in the suburb of kirkwood, killing seven people, "
               "police said. the suspect, identified as dariusz kowalczyk, 34, was arrested at the scene."),
        ("s2", "a gunman killed eight people at a shopping mall in kirkwood, police said. police named "
               "the suspect as dariusz kowalczyk, 35, a former security guard at the mall."),
    )
    found = [(c.label, [side.value for side in c.sides]) for c in cs]
    assert ("Dariusz Kowalczyk's age", ["34", "35"]) in found


def test_a_cased_variant_beside_a_copied_one_is_kept() -> None:
    """The spelling filter drops only variants the copy made: a cased report's "Mansour" against a
    lower-cased report's "mansor" is a variant, though English spells "colour" two ways."""
    (c,) = conflicts_of(
        ("s1", "Adly Mansour, the interim president, spoke to reporters in Cairo on Monday."),
        ("s1", "He promised elections within a year, aides said after the meeting."),
        ("s2", "adly mansor, the interim president, spoke to reporters in cairo on monday and promised "
               "elections within a year, aides said after the meeting at the palace."),
        ("s3", "Adly Mansour met the cabinet on Tuesday."),
    )
    assert c.kind == "variant"
    assert [(side.value, side.sources) for side in c.sides] == [("Adly Mansour", ("s1", "s3")),
                                                                 ("adly mansor", ("s2",))]


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Martinelli Equaliser", "Martinelli Equalizer", True), ("Anaesthetist", "Anesthetist", True),
    ("Channelled", "Channeled", True), ("Defence Ministry", "Defense Ministry", True),
    ("Centre", "Center", True), ("Sceptic", "Skeptic", True),
    ("Chosei", "Josei", False), ("Gustav", "Gustaf", False), ("Morsi", "Mursi", False),
    ("Equaliser", "Equaliser", False), ("Martinelli Equaliser", "Equalizer", False),
])
def test_one_spelling(a: str, b: str, same: bool) -> None:
    assert one_spelling(a, b) is same
