"""Text that writes names in lower case, read from a capitalised copy where capitals tell names apart."""

from __future__ import annotations

import sys

import pytest
from conftest import make_source

import briefgen.text.truecase as truecase
from briefgen.facts.conflicts import find_conflicts
from briefgen.facts.merge import cluster
from briefgen.model import Conflict, Sentence
from briefgen.text.truecase import truecased

# Expected output, or ``SAME`` for text that stays as it is.
SAME = ""


@pytest.mark.parametrize(("text", "expected"), [
    # Days and months; "may" and "march" only before a day's number or a year, an abbreviation with its stop.
    ("officials said friday that the march may go ahead on may 5",
     "officials said Friday that the march may go ahead on May 5"),
    ("the vote of march 3 and of oct. 12; the dec of the band",
     "the vote of March 3 and of Oct. 12; the dec of the band"),
    ("since may 2016 the march has grown", "since May 2016 the march has grown"),
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
    ("his jersey, a china cup, a guinea pig", SAME),
    # Forms of common words that wordfreq's small list leaves out are no names.
    ("rescuers reached the landslides; jihadists fled", SAME),
    # A designation's letters, which cased text prints in capitals; not a prefix before a number.
    ("killed them with an ar-15 after flight mh17 and the g-20",
     "killed them with an AR-15 after flight MH17 and the G-20"),
    ("in their mid-30s, a top-10 hit, 3-2", SAME),
    # Common words, and what is capitalised already, stay as they are.
    ("The Police Said The Victims Were Found On Tuesday.", SAME),
    ("the storm killed at least 20 people", SAME),
])
def test_truecased(text: str, expected: str) -> None:
    assert truecased(text) == (expected or text)


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
    ids = sorted({sid for sid, _ in reports})
    sources = [make_source(sid, date="2026-01-13") for sid in ids]
    sents = [Sentence(text=t, source_id=sid, index=i, start=0, end=len(t))
             for i, (sid, t) in enumerate(reports)]
    return find_conflicts(cluster(sents, sources), sources)


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
    assert all(s.text[0] == "M" and "morsi" in s.text or "mursi" in s.text
               for side in c.sides for s in side.sentences)


def test_cased_coverage_is_read_as_printed() -> None:
    """Coverage with capitals is not touched: "Buffalo" the city and "buffalo" the animal stay apart."""
    (c,) = conflicts_of(
        ("s1", "Dr. Barnett Slepian, 51, was shot in his home in Amherst, near Buffalo, on Friday."),
        ("s2", "Dr. Barnett Slepian, 52, was shot in his home in Amherst, near Buffalo, on Friday."),
        ("s1", "The police said the shot came through a kitchen window."),
        ("s2", "The police have no suspect in the shooting."),
    )
    assert c.label == "Barnett Slepian's age"
    assert [s.text for side in c.sides for s in side.sentences][0].startswith("Dr. Barnett Slepian, 51")
