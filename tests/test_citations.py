"""A footnote cites only the sources whose own sentence names the subject its fact opens with and
carries its words."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import make_source

from briefgen.facts.members import Names, cited, opener
from briefgen.model import Fact, Sentence, Source

# What the coverage prints besides the facts: the names inside sentences, and ordinary words in
# lower case ("responding", "police", "conservatives").
COVERAGE = (
    "Athletes from China and North Korea met in Bangkok. Officials of Swissair said little. "
    "A storm named Babs hit land. Troops of Indonesia stayed. Coach Xiong Gouming spoke. "
    "The team of Goteborg won. Those responding to the call were police, conservatives and clerics. "
    "The Muslim clerics met, and the Yugoslav war crimes tribunal sat. Lee and Poland talked."
)


def fact(*members: tuple[str, str]) -> Fact:
    sents = tuple(Sentence(text=t, source_id=sid, index=i, start=0, end=len(t))
                  for i, (sid, t) in enumerate(members))
    srcs = tuple(dict.fromkeys(sid for sid, _ in members))
    return Fact(id="f1", text=sents[0].text, sentences=sents, sources=srcs, independent=len(srcs))


def sources(*ids: str, report: dict[str, str] | None = None) -> dict[str, Source]:
    reports = report or {}
    return {sid: replace(make_source(sid, outlet=sid.upper()), report=reports.get(sid, "")) for sid in ids}


NAMES = Names([COVERAGE])


def test_a_sentence_about_another_subject_is_not_cited() -> None:
    f = fact(("s1", "North Korea did not enter the last Asian Games, in Hiroshima, Japan, in 1994."),
             ("s2", "China won 137 of 337 gold medals at the last games in Hiroshima, Japan, in 1994."),
             ("s3", "North Korea stayed away from the last games, in Hiroshima in 1994."))
    got = cited(f, sources("s1", "s2", "s3"), NAMES)
    assert got.sources == ("s1", "s3")
    assert [s.source_id for s in got.sentences] == ["s1", "s3"]
    assert got.independent == 2
    assert got.text == f.text


def test_a_sentence_that_names_the_subject_otherwise_is_still_cited() -> None:
    f = fact(("s1", "Indonesia invaded East Timor in 1975, after Portugal's colonial administration left."),
             ("s2", "Indonesian troops invaded East Timor in 1975, after Portugal's colonial rule ended."),
             ("s3", "It invaded East Timor in 1975, after Portugal's colonial administration left."))
    assert cited(f, sources("s1", "s2", "s3"), NAMES) is f
    g = fact(("s1", "Xiong Gouming, one of 11 athletes who tested positive in Hiroshima, will compete."),
             ("s2", "Xiong Guoming, one of 11 athletes who tested positive in Hiroshima, will compete."))
    assert cited(g, sources("s1", "s2"), NAMES) is g


def test_copies_of_one_report_still_count_once_after_a_source_goes() -> None:
    f = fact(("s1", "Goteborg is about 500 kilometers southwest of Stockholm."),
             ("s2", "Goteborg lies about 500 kilometers southwest of the capital, Stockholm."),
             ("s3", "Goteborg is about 500 kilometers southwest of the capital, Stockholm."),
             ("s4", "The city is 500 kilometers southwest of Stockholm, the hospital said."))
    got = cited(f, sources("s1", "s2", "s3", "s4", report={"s2": "AP", "s3": "AP"}), NAMES)
    assert got.sources == ("s1", "s2", "s3")
    assert got.independent == 2


@pytest.mark.parametrize(("text", "expected"), [
    ("North Korea did not enter the last Asian Games.", ("North", "Korea")),
    ("Swissair is the only customer for the system.", ("Swissair",)),
    ("Xiong Gouming, one of the 11 athletes, will compete.", ("Xiong", "Gouming")),
    ("Babs was the second storm to hit the Philippines.", ("Babs",)),
    ("Indonesia invaded East Timor in 1975.", ("Indonesia",)),
    # A speaker, a possessive, a modifier of the subject, a nationality, an ordinary word, no name.
    ("Lee noted that Japan will pay.", ()),
    ("Poland's extreme cold began Nov. 16.", ()),
    ("Muslim clerics were leading in the elections.", ()),
    ("Yugoslav war crimes investigators plan to return.", ()),
    ("Responding to a warrant, police arrested him.", ()),
    ("Police arrested him on Friday.", ()),
    ("The blast killed two people.", ()),
])
def test_the_subject_a_sentence_opens_with(text: str, expected: tuple[str, ...]) -> None:
    assert opener(text, NAMES) == expected


def test_a_fact_without_a_named_subject_keeps_every_citation_that_carries_its_words() -> None:
    f = fact(("s1", "Police arrested Pinochet in London on Friday."),
             ("s2", "British police arrested Pinochet in a London clinic on Friday."))
    assert cited(f, sources("s1", "s2"), NAMES) is f
    single = fact(("s1", "China won 137 golds."))
    assert cited(single, sources("s1"), NAMES) is single


# Members the paraphrase model joined to printed facts of DUC 2003 memos (d30051t, d31013t), which a
# reader judged not to state them: another statement on the same subject in shared words.
@pytest.mark.parametrize(("statement", "member"), [
    ("Yugoslav war crimes tribunal investigators plan to return to Kosovo and resume their probe of "
     "alleged atrocities in the troubled province, a tribunal official said Wednesday.",
     "The president of the U.N. war crimes tribunal angrily branded Yugoslavia a \"rogue state\" Thursday "
     "after Belgrade refused to allow investigators to probe alleged atrocities in Kosovo."),
    ("In the race for attorney general, the Democratic candidate, Eliot Spitzer, who favors abortion "
     "rights, has moved quickly to make the anti-abortion position of his opponent, Attorney General "
     "Dennis Vacco, a central issue in the campaign.",
     "In the second and final debate in the race for state attorney general, Eliot Spitzer, the "
     "Democratic challenger, accused Republican incumbent Dennis Vacco on Sunday of ignoring the threat "
     "posed by radical anti-abortion advocates, thereby helping to ease the way for this weekend's "
     "slaying of an obstetrician."),
])
def test_a_member_whose_words_do_not_carry_the_fact_is_not_cited(statement: str, member: str) -> None:
    f = fact(("s1", statement), ("s2", member), ("s3", statement))
    got = cited(f, sources("s1", "s2", "s3"), NAMES)
    assert got.sources == ("s1", "s3")
    assert got.independent == 2


def test_a_count_spelled_out_carries_its_digits() -> None:
    f = fact(("s1", "The storm killed 12 people in Florida on Sunday."),
             ("s2", "The storm killed twelve people in Florida on Sunday, officials said."))
    assert cited(f, sources("s1", "s2"), NAMES) is f
    g = fact(("s1", "The storm killed 12 people in Florida on Sunday."),
             ("s2", "The storm killed eleven people in Florida on Sunday, officials said."))
    assert cited(g, sources("s1", "s2"), NAMES).sources == ("s1",)


def test_what_the_wording_test_cannot_see_a_description_for_the_name() -> None:
    # The cost, kept visible: "the former dictator" for Pinochet, "British officers" for police.
    f = fact(("s1", "Police arrested Pinochet in London on Friday."),
             ("s2", "British officers arrested the former dictator in London on Friday."))
    assert cited(f, sources("s1", "s2"), NAMES).sources == ("s1",)


def test_every_printed_fact_goes_through_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    import briefgen
    from briefgen import pipeline

    seen: list[str] = []

    def spy(fact: Fact, sources: dict[str, Source], names: Names) -> Fact:
        seen.append(fact.text)
        return cited(fact, sources, names)

    monkeypatch.setattr(pipeline, "cited", spy)
    briefing = briefgen.build_briefing()
    printed = [f.text for f in [*briefing.bluf, *briefing.facts]]
    assert printed and sorted(seen) == sorted(printed)
