"""Content selection: budgets, redundancy, corroboration and determinism."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from conftest import make_fact

from briefgen.errors import ConfigError
from briefgen.model import Fact, Sentence
from briefgen.select.choice import METHODS, select
from briefgen.select.selector import (
    COUNTS,
    DEFAULT,
    FEATURES,
    MEMO,
    Params,
    concept_features,
    concepts,
    content_of,
    dangling,
    repeats,
    salience,
    shares,
    word_count,
)
from briefgen.select.standalone import broken_rule, fragment
from briefgen.select.units import follows

CENTRAL = "Lee and Takaichi agreed in Nara to begin DNA testing of remains recovered from the Chosei mine."
PARAPHRASE = "In Nara, Lee and Takaichi agreed to begin DNA tests of remains recovered from the Chosei mine."
SUPPORT = [
    "DNA testing of remains from the Chosei coal mine will start this year, officials in Seoul said.",
    "Families of the Chosei coal mine victims welcomed the plan for DNA testing of remains found last year.",
    "The two leaders discussed supply chains and economic security during the summit meeting in Nara.",
    "Takaichi welcomed Lee to Nara with a traditional dinner at a historic temple near the city centre.",
    "Lee said the DNA testing of remains showed how far relations had come since the summit last year.",
]


def facts_from(texts: list[str], sources: list[tuple[str, ...]] | None = None) -> list[Fact]:
    """Facts as if each text came from its source at its list position."""
    out = []
    for i, text in enumerate(texts):
        srcs = sources[i] if sources else (f"s{i % 4 + 1}",)
        sents = tuple(Sentence(text=text, source_id=s, index=i, start=0, end=len(text)) for s in srcs)
        out.append(Fact(id=f"f{i + 1}", text=text, sentences=sents, sources=srcs, independent=len(srcs)))
    return out


def seed_facts(seed_texts: dict[str, str]) -> list[Fact]:
    """One fact per seed paragraph line that reads as a sentence, each article its own source."""
    texts: list[str] = []
    srcs: list[tuple[str, ...]] = []
    for k, body in enumerate(seed_texts.values()):
        for line in body.splitlines():
            line = " ".join(line.split())
            if word_count(line) >= 8 and line.endswith("."):
                texts.append(line)
                srcs.append((f"s{k + 1}",))
    return facts_from(texts, srcs)


@pytest.mark.parametrize("method", METHODS.names())
@pytest.mark.parametrize("budget", [25, 60, 130])
def test_word_budget_respected(seed_texts: dict[str, str], method: str, budget: int) -> None:
    facts = seed_facts(seed_texts)[:80]
    chosen = select(facts, words=budget, method=method)
    assert chosen
    assert sum(word_count(f.text) for f in chosen) <= budget


@pytest.mark.parametrize("method", ["briefgen", "lexrank"])
def test_count_cap(seed_texts: dict[str, str], method: str) -> None:
    chosen = select(seed_facts(seed_texts), words=400, count=3, method=method)
    assert len(chosen) == 3


def test_long_fact_skipped_shorter_one_fits() -> None:
    long = "Officials said " + " ".join(["the DNA testing of remains"] * 6) + " would go ahead in Nara."
    short = "DNA testing of remains will begin in Nara next month."
    facts = [make_fact(long, sources=("s1", "s2", "s3"), fid="f1"),
             make_fact(short, sources=("s1", "s2"), fid="f2")]
    chosen = select(facts, words=15, method="lexrank")
    assert [f.id for f in chosen] == ["f2"]
    assert [f.id for f in select(facts, words=15)] == ["f2"]


def test_no_two_near_identical_facts() -> None:
    facts = facts_from([CENTRAL, PARAPHRASE, *SUPPORT])
    for method in ("briefgen", "lexrank", "textrank"):
        chosen = {f.text for f in select(facts, words=120, method=method)}
        assert not {CENTRAL, PARAPHRASE} <= chosen, method


def test_corroborated_central_fact_preferred() -> None:
    rival = "Lee and Takaichi agreed in Nara to expand youth exchanges and tourism between the two countries."
    texts = [rival, *SUPPORT, CENTRAL]
    sources = [("s1",), ("s2",), ("s3",), ("s4",), ("s1",), ("s2",), ("s1", "s2", "s3", "s4")]
    facts = facts_from(texts, sources)
    chosen = select(facts, words=25)
    assert [f.text for f in chosen] == [CENTRAL]
    scores = salience(facts)
    assert scores[-1] == max(scores)


def test_shared_concepts_weigh_by_sources() -> None:
    facts = facts_from([CENTRAL, *SUPPORT])
    per_fact, weights = concepts(facts, COUNTS)
    # Sources cycle s1..s4: "dna test" and "remain" are in s1, s2 and s3 at the
    # same positions, "dinner" and "supply chain" in one source only.
    assert weights["dna test"] > 3
    assert weights["remain"] == pytest.approx(weights["dna test"] / 2)
    assert "dinner" not in weights and "suppli chain" not in weights
    assert "dna test" in per_fact[0]


def test_learnt_concepts_weigh_by_independent_sources_and_position() -> None:
    facts = facts_from([CENTRAL, *SUPPORT])
    _, weights = concepts(facts, Params(threshold=-1.0))
    assert weights["dna test"] > weights.get("dinner", 0.0)
    assert weights["dna test"] > weights.get("suppli chain", 0.0)
    # Two wire copies of one story (one independent report) are one source, not two.
    text = "Officials in Nara said the DNA testing of remains from the Chosei mine begins in June."
    copies = facts_from([text, *SUPPORT], [("s1", "s2"), *[(f"s{i % 4 + 1}",) for i in range(5)]])
    apart = [replace(f, independent=len(f.sources)) for f in copies]
    copies = [replace(copies[0], independent=1), *copies[1:]]
    names, x_copies, _ = concept_features(copies)
    _, x_apart, _ = concept_features(apart)
    k, col = names.index("chosei mine"), FEATURES.index("independent")
    assert x_copies[k, col] < x_apart[k, col]


def test_scores_set_and_decreasing(seed_texts: dict[str, str]) -> None:
    facts = seed_facts(seed_texts)
    chosen = select(facts, words=130)
    assert len(chosen) >= 3
    # Best first, except that a sentence printed right after the one before it in
    # its article (a passage: issue 19) comes with it: passages by their best score.
    groups: list[list[float]] = []
    for prev, f in zip([None, *chosen], chosen, strict=False):
        if prev is not None and follows(prev, f):
            groups[-1].append(f.score)
        else:
            groups.append([f.score])
    best = [max(g) for g in groups]
    assert best == sorted(best, reverse=True)
    assert all(f.score > 0 for f in chosen)
    by_id = {f.id: f for f in facts}
    assert all(f.text == by_id[f.id].text and f.sentences == by_id[f.id].sentences for f in chosen)


def test_fragments_not_chosen() -> None:
    facts = facts_from(["DNA testing agreed.", *SUPPORT])
    chosen = select(facts, words=200)
    assert "DNA testing agreed." not in {f.text for f in chosen}


def test_deterministic_and_independent_of_identity(seed_texts: dict[str, str]) -> None:
    facts = seed_facts(seed_texts)
    first = [(f.id, f.score) for f in select(facts, words=130)]
    again = [(f.id, f.score) for f in select(list(facts), words=130)]
    assert first == again


@pytest.mark.slow
def test_large_input_is_pruned_and_solved() -> None:
    rng = random.Random(11)
    vocab = (CENTRAL + " " + " ".join(SUPPORT)).replace(".", "").split()
    texts = [" ".join(rng.choice(vocab) for _ in range(rng.randint(9, 30))) + "." for _ in range(1500)]
    facts = facts_from(texts, [(f"s{i % 20}",) for i in range(len(texts))])
    chosen = select(facts, words=100)
    assert len(chosen) >= 2 and sum(word_count(f.text) for f in chosen) <= 100


def test_edge_cases() -> None:
    facts = facts_from(SUPPORT)
    assert select([], words=100) == []
    assert select(facts, words=0) == []
    assert select(facts, count=0) == []
    with pytest.raises(ConfigError, match="unknown ranking method 'pagerank'"):
        select(facts, method="pagerank")
    # No budget and no cap: every fact that does not repeat another, best first.
    assert len(select(facts)) == len(SUPPORT)


def test_single_source_uses_repetition() -> None:
    texts = [*SUPPORT, CENTRAL]
    facts = facts_from(texts, [("s1",)] * len(texts))
    chosen = select(facts, words=25)
    assert len(chosen) == 1
    assert "DNA testing" in chosen[0].text


def test_greedy_cover_when_solver_gives_no_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    import briefgen.select.selector as selection

    monkeypatch.setattr(selection, "maximise", lambda *a, **k: None)
    rival = "Lee and Takaichi agreed in Nara to expand youth exchanges and tourism between the two countries."
    texts = [rival, *SUPPORT, CENTRAL]
    sources = [("s1",), ("s2",), ("s3",), ("s4",), ("s1",), ("s2",), ("s1", "s2", "s3", "s4")]
    chosen = select(facts_from(texts, sources), words=45)
    assert chosen[0].text == CENTRAL
    assert sum(word_count(f.text) for f in chosen) <= 45


def test_nothing_shared_still_fills_budget() -> None:
    facts = facts_from(["Alpha beta gamma delta epsilon zeta eta theta iota.",
                        "Kappa lambda mu nu xi omicron pi rho sigma tau.", "Too short here."])
    chosen = select(facts, words=20)
    assert [f.id for f in chosen] == ["f1", "f2"]


@pytest.mark.slow
def test_same_choice_under_any_hash_seed(seed_texts: dict[str, str]) -> None:
    # Concept sets are Python sets; nothing may depend on their iteration order.
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys; sys.path[:0] = [sys.argv[1], sys.argv[1] + '/tests']\n"
        "from conftest import SEEDS\n"
        "from test_select import seed_facts\n"
        "texts = {p.name: p.read_text(encoding='utf-8') for p in sorted(SEEDS.glob('*.txt'))}\n"
        "print([(f.id, repr(f.score)) for f in __import__('briefgen.select.choice').select.choice.select("
        "seed_facts(texts), words=130)])\n"
    )
    root = str(Path(__file__).resolve().parent.parent)
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", code, root], capture_output=True, text=True, env=env,
                             check=True)
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert "f" in outputs.pop()


@pytest.mark.parametrize(("text", "leans"), [
    ("They are scheduled to visit Horyuji temple on Jan. 14.", True),
    ("This demonstrates the friendship and trust between the President and me.", True),
    ("That day, the leaders agreed to cooperate on DNA testing of the remains.", True),
    ("He added, the talks would continue in Seoul next month.", True),
    ("Against this backdrop, Lee and Takaichi agreed to move relations forward.", True),
    ("In particular, President Lee noted the importance of trilateral cooperation.", True),
    ("But the two leaders did not discuss the disputed islets at the summit.", True),
    ("We will respond in close cooperation with our allies on the missile issue.", True),
    ("\u201cWe will respond in close cooperation with our allies,\u201d he said.", True),
    ("\u201cWe will respond in close cooperation with our allies,\u201d Takaichi said.", False),
    ("President Lee explained, \u201cOur two countries agreed to fight scams together.\u201d", False),
    ("President Lee said it is a small but meaningful step forward on past history.", True),
    ("The leaders met at a hotel in Takaichi's hometown, the historic city of Nara.", False),
    ("Thailand and Japan signed a trade pact in Bangkok on Monday after long talks.", False),
    ("Takaichi also welcomed the plan for DNA testing of the remains.", True),
    ("Seoul officials said they also expect the tests to begin next year.", True),
    ("The summit in Nara ended with a joint statement that also covered trade and security.", False),
    ("The Yomiuri Shimbun said in an editorial on Wednesday, Jan. 14:", True),
    ("On Saturday, he traveled with the foreign minister to Riyadh for talks.", True),
    ("Later on Jan. 14, they visited Horyuji temple together.", True),
    ("At the time, the Japanese government and media downplayed the incident.", True),
    ("At the time of the collapse, 183 miners were working under the sea.", False),
    ("When Lee arrived in Nara, he was welcomed by Takaichi at the hotel.", False),
    # The same without a comma, or with a pronoun in both clauses; not when a named subject follows.
    ("In 2007 he was granted the permit to use intravenous sedation.", True),
    ("on his medical license he is allowed to use full anesthesia.", True),
    ("After what she calls 18 hours of pure agony, they were reunited friday morning.", True),
    ("In 1994 he made his first visit to Croatia, which is more than 75 percent Catholic.", True),
    ("For all the trouble he has been mixed up in, stone has never been at risk of prison.", False),
    ("As he did in the Friday debate, Spitzer provided only a bare-bones response.", False),
    ("In Libya he met the rebels' leaders on Monday.", False),
    # An opening phrase that ends in an aside between dashes (Multi-News 00250), unless the aside
    # names someone or the pronoun opens a clause whose main clause has its own subject (00276).
    ("More broadly \u2014 barring a total meltdown in the interview \u2014 it should help him re-cast his "
     "image, a process he has already begun in earnest.", True),
    ("In the end \u2014 after weeks of talks \u2014 they agreed to a deal.", True),
    ("In the end \u2014 after Obama intervened \u2014 he signed the bill.", False),
    ("Although \u2014 or perhaps because \u2014 he ruffled so many feathers when he hosted the golden "
     "globes, comedian ricky gervais will return to the podium.", False),
    # A possessive opening the main clause after a phrase of time (DUC 2003 d30048t); not after a
    # phrase of place (what it stands for may be there), a verb or a name, nor before an absolute
    # phrase or a list, nor a title's capital.
    ("Now, with markets fearful, its debts have become crucial.", True),
    ("Over the next few days, their bodies simply disappeared, buried in the dark of night.", True),
    ("In May, their sales rose 5 percent on the year.", True),
    ("At the museum, its director said the painting was a fake.", False),
    ("On Monday, after the strike ended, their pay was restored.", False),
    ("On wednesday, her face pale and drawn, nicole oulson spoke out for the first time.", False),
    ("On Sunday, his friends, patients and relatives gathered at the clinic.", False),
    ("On Monday in Tokyo with Abe, his hosts offered a state dinner.", False),
    ("On Monday, His Holiness Pope Francis celebrated mass in the square.", False),
    # The next step of a sequence begun before.
    ("Police said grant then fled the scene, leading authorities on a chase.", True),
    ("The family then headed out to a birthday party.", True),
    ("If the talks fail, then the strike will begin on Monday.", False),
    # Other than those named before.
    ("The other one, from 2012, alleges that the dentist failed to comply with licensing rules.", True),
    ("Two other complaints from 2012 and 2013 are still ongoing.", True),
    ("Among the other artifacts are ben-zvi's letter rejecting the request and the trial's pages.", True),
    ("In the other case of presidential impeachment, Andrew Johnson survived a Senate trial.", True),
    ("In other news, the central bank left its rates unchanged on Thursday.", False),
    ("Many were located on book shelves and makeshift platforms; some were even inside the walls.", True),
    ("Some were taken to hospital with burns, and two were flown to Stockholm.", True),
    ("Many are worried that the plant will close before the end of the year.", False),
    # ... or counted among them (Multi-News 00180).
    ("Some are part of an intricate ecosystem that relies on crumbs and nail clippings for food.", True),
    ("Some had gone into hiding and contacted their relatives after several days.", True),
    ("Some have argued that the law goes too far.", False),
    ("Like the other big banks, JPMorgan set aside more money for bad loans.", False),
    ("Many have argued that the law goes too far.", False),
    ("Some say the storm was the worst in a century.", False),
    ("To wit, when contacted by the observer, most of the parties would not comment.", True),
    ("All three countries have sought bailouts from the european union and the imf.", True),
    ("All four defendants have pleaded innocent, their lawyers said.", True),
    ("UN chief Ban Ki-moon said it was a flagrant violation of international law.", True),
    ("The imf named an acting leader and said it remains fully functioning.", False),
    ("All 229 passengers and crew aboard Flight 111 were killed when the airliner fell.", False),
    # One unnamed speaker, named again: the sentence before introduced "a source close to the company".
    ("The source said apple will be making an internal announcement within the next month.", True),
    ("\"The drive was smashed,\" said the official, adding that the FBI had joined the inquiry.", True),
    ("Chechen kidnappers have not set conditions for the men's release, the spokesman said.", True),
    ("Chechen kidnappers have not set conditions, said the spokesman for the ministry.", False),
    ("Police said the official was arrested at his home in Nairobi on Monday.", False),
    ("In the meantime, the other team waited at the airport for the storm to pass.", False),
    ("In 1966, the Leonids display peaked at 150,000 meteors per hour.", False),
    ("On Tuesday, Japan and South Korea agreed to expand their shuttle diplomacy.", False),
    ("It's part of the battle born collection, which held one of every coin struck there.", True),
    ("As such, the ruling cannot be appealed before the end of the year.", True),
    ("Indeed, the majority of Caribbean islands were not affected at all by the storm.", True),
    ("In fact, most of the islands were spared by the storm and its winds.", True),
    ("Others said they had seen a speaker fall over and appear to be malfunctioning.", True),
    ("Another recent storm, Hurricane Georges, provided insights that are at least as striking.", True),
    ("The move comes after months of talks between the two governments.", True),
    ("The disaster claimed the lives of 136 forcibly mobilized Koreans and several Japanese workers.", True),
    ("The decision of the court was announced on Friday in Madrid.", False),
    ("The incident at the border left two soldiers dead, officials said.", False),
    ("The development bank approved a $2 billion loan to the government on Monday.", False),
    ("The incident commander said the fire was contained by midnight.", False),
    ("The disaster relief agency said 5,000 people were in shelters.", False),
    # A plan, finding, agreement or group the sentence does not name (DUC 2003 d30042t, Multi-News
    # 00190, 00272), unless a name stands beside it; a clause after it names nothing.
    ("The plan calls for sentences to be served in a British prison.", True),
    ("The organisation estimates nearly 13 million people urgently require help.", True),
    ("The agreement must be formally endorsed by workers, regulators and PAL's creditors.", True),
    ("The track, written by gaga and produced by dj white shadow, makes good use of her voice.", True),
    ("the findings were published today ( feb. 10 ) in the journal proceedings.", True),
    ("The offer, made in an August meeting with 3Com's chairman, was not accepted.", True),
    ("The move, however, angered unions.", True),
    ("The plan, unveiled Tuesday, calls for deep cuts.", True),
    ("The group, aqap, had previously welcomed the attack, without acknowledging any role.", False),
    ("The group, Human Rights Watch, said it was alarmed by the arrests.", False),
    ("The plan to close the base was announced by the defence ministry on Monday.", False),
    ("The agreement between the two unions was signed in Geneva.", False),
    ("The talks in Nara were the leaders' second in three months.", False),
    # A study or report its verb follows, an evaluated decision, a store (Multi-News 00185, 00101, 00227,
    # from analysts' readings); not a study a clause names, nor a report card or a poll's numbers.
    ("The studies estimated that the relative risk increased by 10 percent to 50 percent.", True),
    ("The report said that troops attacked a village on Nov. 13.", True),
    ("The stunning decision, coming after a push by the quarterback, has the potential to shake up sports.",
     True),
    ("The store already has a name: apple store, grand central.", True),
    ("The study, led by associate professor terri conley, showed that couples were satisfied.", False),
    ("The report card for the city's schools came out on Monday.", False),
    ("The poll numbers are bad for the president.", False),
    ("the survey found 579 species in 50 houses.", True),
    ("The report released Tuesday by the UN found that 40 people died.", False),
    ("The study published Monday in Nature found that bees sleep.", False),
    # A word of its kind before the noun, any sure verb after it (Multi-News 00197, 00190); a person
    # described, not named (00104, 00166).
    ("The planned move represents a dramatic shift in google's policy on china.", True),
    ("The conflict exacerbates the country's extremely fragile food security situation.", True),
    ("The french expat snapped up france.com from web.com and set up a website.", True),
    ("The hired killers had been paid.", True),
    ("The suspect has not been identified.", True),
    ("The 29-year-old gunman was shot and killed a short time later.", True),
    # ... or by a title and what describes them (DUC 2003 d30003t, d31031t; Multi-News 00006, 00108).
    ("The embattled lawmaker reiterated that he will not step down.", True),
    ("The Spanish judicial official said that Garzon is planning to send the names.", True),
    ("The senator is single with no children.", True),
    ("The spokesman declined any further comment.", True),
    ("The spokesman declined to comment.", True),
    ("The senator on Tuesday introduced a bill.", True),
    ("the vermont senator pointed to his congressional tenure.", True),
    ("The president of the union, Jane Roe, said talks had failed.", False),
    # An estimate, a film or a video, a place, an agency a word of its state describes; a journalist, a
    # study's participants, a person a place describes; the morning after (Multi-News 00285, 00271,
    # 00247, 00232, 00296, 00231, 00246, from analysts' readings). Not one a name or a phrase after
    # the noun says which ("The film industry", "The area's schools", "The agency's director").
    ("The estimate, drawn in part from a painstaking effort, suggests that the world catch has declined.",
     True),
    ("The video is a spoof message by news satire show zondag met lubach.", True),
    ("The area is located on the eastern side of vancouver island.", True),
    ("The cash-strapped agency recorded the loss during its strongest period.", True),
    ("The agency said it did not know how many airlines had done the work.", True),
    ("The 25-year-old ukrainian journalist somehow made his way onto the red carpet.", True),
    ("The participants were randomly split into two groups.", True),
    ("The chicago-area woman is the first american diplomat to die on the job since benghazi.", True),
    ("By morning, several teeth were damaged or removed.", True),
    ("The film industry is booming in Lagos.", False),
    ("The area's schools were closed on Monday.", False),
    ("The agency's director resigned on Friday.", False),
    ("The video game market grew 5 percent last year.", False),
    ("By morning light the crowd in the square had gone home.", False),
    # A title in apposition names it; a name in "-ed" after a described person is no verb (a review's
    # probes).
    ('The documentary, "Blackfish", drew a large audience.', False),
    ("The film, The Hurt Locker, won six Oscars.", False),
    ("The film, titled Innocence of Muslims, sparked protests.", False),
    ("the journalist ahmed mansour was detained in berlin.", False),
    ("The california-based company has engineers in India.", True),
    # A find, an analysis, a project, a site, a document, a lawsuit or a programme not named (Multi-News
    # 00042, 00154, 00137, 00080, from analysts' readings); not one a name, a word or a title before it
    # names ("The washington post", "The immune system", a campaign's quoted slogan).
    ("The find suggests that many millions of years passed between the first dinosaurs and their rise.",
     True),
    ("The analysis suggests that the law's ambitions have unfolded unevenly.", True),
    ("The project will incorporate education, tourism and scientific research.", True),
    ("The site, located in the town of dingwall, scotland, was dubbed a thing site.", True),
    ("The statement offered no further details.", True),
    ("The lawsuit alleged campbell was fired for complaining about pay.", True),
    ("The washington post quickly jumped on the story monday.", False),
    ("The immune system is made up of several types of cells.", False),
    ('The campaign, "don\'t jerk and drive," encouraged drivers to slow down.', False),
    ("The find of the century was made in Egypt.", False),
    # A name in apposition names it: a bill's number, a law's name, "known as", "code-named"; an analysis
    # a participle describes is named as a study is (a review's probes).
    ("The bill, H.R. 1, passed the House on Friday.", False),
    ("The bill, the Patriot Act, passed the Senate.", False),
    ("The bill, known as the DREAM Act, passed the Senate.", False),
    ("The operation, code-named Neptune Spear, killed bin Laden.", False),
    ("The analysis, published Tuesday in Science, found a link.", False),
    ("By noon, an inch of water covered the road.", True),
    # A post one person holds, whose place says whose; a post in general; a paper (a reviewer's probes).
    ("The French president said the talks had failed.", False),
    ("The president has indicated that he could veto at least five of the remaining bills.", False),
    ("The President emphasized, \u201cFirst, our two countries need comprehensive cooperation.\u201d", False),
    ("The lawyer assigned to the case is Jane Roe.", False),
    ("The Pentagon said officers were disciplined for the lapse.", False),
    ("The Kremlin spokesman said the talks had failed.", False),
    ("The Kentucky Republican said he would vote no.", True),
    ("The West Virginia senator said he would vote no.", True),
    ("The Senate majority leader said the bill would pass.", False),
    ("The next president will inherit a $20 trillion debt.", False),
    ("The youngest president was Theodore Roosevelt.", False),
    ("the toronto star reported that the mayor had resigned.", False),
    ("The judge assigned to the case is Jane Roe.", False),
    ("The senator from Vermont, Bernie Sanders, said he would run.", False),
    # Connectives that weigh, grant or add to the sentence before (DUC 2003 d30012t, d31033t;
    # Multi-News 00066, 00010); "further" and "at least" only as connectives, with their comma.
    ("In any case, the big Mir station will not be able to maneuver out of the way.", True),
    ("By comparison, only about 750,000 hand-held systems have been shipped.", True),
    ("Further, climate change would have been far worse by mid-century.", True),
    ("at least, not in the sense that chicken implies meat.", True),
    ("Further talks are planned for May.", False),
    ("At least 20 people died in the blast, officials said.", False),
    ("The deal terms were not disclosed.", False),
    ("The man who shot two officers in Dallas was identified on Friday as Micah Johnson.", False),
    ("The star of the film, Tom Hanks, said he was honoured.", False),
    # What is no name in apposition, what is no verb after the noun, and a capital's name.
    ("The deal, The Times reported, was worth $2 billion.", True),
    ("The move, However, angered unions.", True),  # a connective, however printed, is no name
    ("The deal, worth $2 billion, is the largest in the company's history.", True),
    ("the track, her third single, was released on friday .", True),
    ("The new group, Human Rights Watch, said it was alarmed.", False),
    ("The group, al-Shabab, claimed the attack.", False),
    ("The star Mohammed Salah scored twice in the final.", False),
    ("The pilot programs in three states were cancelled on Monday.", False),
    ("The group leaders in Syria rejected the ceasefire.", False),
    ("The Killers released their new album on Friday.", False),
    ("The woman killed in the crash was identified as Jane Doe.", False),
    ("The man accused of killing 10 people in Toronto has been named as Alek Minassian.", False),
    ("Under the accord, workers will suspend their collective bargaining agreement for 10 years.", True),
    ("Under the Wye accord, Israel agreed to hand over 13 percent of the West Bank.", False),
    ("Under the accord signed on Friday, the airline will keep its 20 planes.", False),
    ("As part of the plea deal, prosecutors dropped 94 other counts.", True),
    ("As part of the plan, the union agreed to allow layoffs.", True),
    ("As part of the Paris agreement, countries set their own targets.", False),
    ("As part of the celebrations, the city held a parade.", False),
    ("\"It's unclear how many died,\" the police chief said.", False),
    ("\"It is unclear how many died,\" the police chief said.", False),
    ("Police arrested two men at the border as well.", True),
    # Those counted before the verb, an institution saying "he", the end of a quotation that an
    # earlier sentence opened (Multi-News 00277, 00261, 00108); "The two leaders" names whom.
    ("The two had been in a 31-foot aluminum boat, leaving point judith, r.i., late on sept. 17.", True),
    ("The two leaders met in Nara on Tuesday.", False),
    ("The white house says he was briefed by his homeland security adviser, lisa monaco.", True),
    ("If you are looking for a determined person to be president, i think i can fill that bill. \"", True),
    # A pull quote's attribution run into the next sentence (Multi-News 00035).
    ("\u2014 cain, on msnbc, october 12, 2011 it almost sounds like something out of the movie.", True),
    ("The leaders met in Nara \u2014 their second meeting, since Oct. 30, 2025, in Gyeongju.", False),
    # A wire list's item with no verb (DUC 2003 d31031t, printed under a heading); one with a verb is prose.
    ("_ Labor, Health and Human Services, and Education departments.", True),
    ("_ Dr. Hugh Short, 62, is at home watching television with his wife.", False),
    ("The leaders met their ministers as well as business chiefs in Nara.", False),
    ("The two leaders agreed to begin DNA testing of the remains recovered from the", True),
    ("YANKEES Pitching The starting pitching has been the best in the league.", True),
    ("LONDON (AP) _ An influential lawmaker backed Spanish requests to question Pinochet.", True),
    ("Vatican city ( reuters ) - catholics should not try to convert jews, the vatican said.", True),
    ("The vote in the upper house was 5-4 , the clerk said . \"", False),
    # Lower-cased text: "the us" and "us$" are the United States, not a first-person speaker.
    ("the trade deal leaves the us trade deficit with china at $ 300 billion .", False),
    ("the fund lent us$ 1.4 billion to the central bank last year .", False),
    ("the senators told us the deal was done at the last minute .", True),
    ("prime minister sanae takaichi said this marks a new start for both countries.", True),
    ("Samsung said it will invest $17 billion in a new chip plant in Texas.", False),
    ("President Lee said it is time to open a new chapter, according to the transcript.", False),
    ("President Lee said the agreement is a small but meaningful step forward.", False),
    # The end of a quotation an earlier sentence opened ("I can't give them hope. Consolation ...").
    ("Consolation is enough,\" the survivor's father said, as people cast glances at his scars.", True),
    ("Consolation is enough,\u201d the survivor's father said at the fire site.", True),
    ("Consolation is enough,'' the survivor's father said at the fire site.", True),
    # ... in text that sets its marks apart with spaces (Multi-News).
    ("with all of the same rights, \" page said in monday's announcement.", True),
    ("The brain right now is a little swollen, \" said joe tavares, kristen's father.", True),
    ("The excessive feces they leave is not only unsightly, \" dave petersen, natural resources "
     "specialist for montgomery parks, said in a news release.", True),
    ("In an interview, \" we said no to them, \" the mayor added.", False),
    # A quotation opening with a pronoun for something said before leans, its speaker named or not.
    ("\"It was a slip of the tongue,\" Carlsson said.", True),
    ("\u201cThey are the heroes of this city,\u201d Mayor Gustavsson said on Sunday.", True),
    ("\"It is time to open a new chapter,\" Lee said in Nara.", False),
    ("\"you see this pattern, \" said david a. broniatowski, the study's lead author.", True),
    ("\"We will rebuild this year,\" Mayor Ed Lee said.", False),
    ("\"Those who died were heroes,\" Mayor Ed Lee said.", False),
    ("\u201cIt\u2019s clear that both countries want closer ties,\u201d Takaichi said.", False),
    ("\"Itinerary changes are expected,\" the foreign ministry said.", False),
    ("Officials called the attack \"barbaric,\" and vowed to find those responsible.", False),
    ("Forecasters said 5\" of rain fell on Miami overnight.", False),
    # Connectives that restate, justify or concede what came before.
    ("Needless to say, their politics differ considerably.", True),
    ("In other words, damage, though extensive, was selective.", True),
    ("After all, the odds say that the meteors will be visible from Asia.", True),
    ("To be sure, there will be opposition to any proposals to limit prosecutions.", True),
    ("After all votes were counted, Cardoso had 53 percent.", False),
    # The other side's turn answers someone the sentence before named.
    ("For its part, the national restaurant association says it doesn't comment on personnel matters.", True),
    ("For their part, officials in Warsaw said the talks would resume.", True),
    # A gallery slide's counter and date run into its caption.
    ("kremlin pool photo via ap 2/50 26 march 2018 at least 64 shoppers have been killed in fire.", True),
    ("The court ruled 5/4 on 3 march 2018 that the law stands.", False),
    # AP's file photos, Politico's, Twitter's and Medium's furniture, an AP photo's id.
    ("File - this may 13, 2014 file photo shows a row of google self-driving lexus cars.", True),
    ("Story continued below graham grew up in nearby central, s.c., in a pool hall.", True),
    ("Replying to @bf28edward she wasn't there at the time.", True),
    ("Chris urmson blocked unblock follow following may 11, 2015 unlisted about 33,000 people die.", True),
    ("Jim cole / ap id: 5672497 washington \u2014 if lindsey graham runs, he will lose the race.", True),
    ("The file was sent this week to the court in Washington.", False),
    # An embedded tweet, a web address that cites nothing, a time stamp, a video player, an ISO date
    # and a stock ticker run into a sentence; a caption's date with a stray comma.
    ("#abc15wx pic.twitter.com/epn0w2zcnt the weather service says the storm could last.", True),
    ("The bank expects prices to rise \u2014 paul mozur ( @paulmozur ) september 2, 2016 it fell.", True),
    ("Https://twitter.com/syria_children/status/755 it's unclear who was behind the images.", True),
    ("/ updated by dennis romero as the investigation drew closer, the show stayed on it.", True),
    ("Dennis marx was shot by police just watched courthouse assault replay more videos...", True),
    ("2015-12-10 vatican radio the commission has released a new document on the jews.", True),
    ("Google inc. Googl, +1.74 % announced late monday that it will create a new structure.", True),
    ("afghan president hamid karzai delivers a speech in kabul, afghanistan, sunday, march, 10, 2013.", True),
    ("Activists called the site \"The Nuremberg Files\" (http://www.christiangallery.com/atrocity/).", False),
    ("Steve copoulos tells the sun chronicle ( http://bit.ly/2slf5yu ) he added window art.", False),
    ("Shares rose 1.74 % on Monday, after the company said profit doubled.", False),
    ("Retail sales fell in May, -0.4% from April, the agency reported.", False),
    ("Photographer: luke sharrett/bloomberg in a series of twitter messages, trump attacked amazon.", True),
    ("Related: woman texter's close encounter with the gunman according to authorities, an argument erupted.",
     True),
    ("Copyright 2014 by tim elfrink and gus garcia-roberts.", True),
    ("The photographer said the related photos were taken on Monday.", False),
    ("The new rule takes effect Jan. 1, 2020, the agency said.", False),
    ("Growth was strongest in Peru, +4.1%, and weakest in Chile, -0.5%, the bank said.", False),
    ("( kutv ) a vernal man has been charged with raping a girl, police said.", True),
    ("( wavy ) - a smithfield man was arrested after a chase on the interstate.", True),
    ("FEMA posted the full report at https://www.fema.gov on Friday, officials said.", False),
    # A photo's caption: someone doing something in the present tense, and the date the photo was taken.
    ("An archaeologist works on an excavation site of terracotta warriors in xi ' an april 30, 2015.", True),
    ("Satoshi nakamoto, surrounded by reporters, leaves his home in temple city, march 6, 2014.", True),
    ("In this photo taken on dec. 13, 2013, a family of young nutria nibble the grass in olympia.", True),
    ("Police said the gunman walked into the building on March 6, 2014, and opened fire.", False),
    ("The minister visits Jordan every year; she first went on April 30, 2015.", False),
    ("The minister, who visits Jordan every year, first went there on April 30, 2015.", False),
    # Prose with a full date: a modal, an auxiliary or a preposition before the date ("on Jan. 1").
    ("The new law takes effect on Jan. 1, 2020, officials said.", False),
    ("Obama leaves office on Jan. 20, 2017, after two terms.", False),
    ("The two leaders will sign the agreement in Paris on March 3, 2015.", False),
    ("Police said the woman in this image had not been identified.", False),
    ("Amman, jordan _ in this photo taken sunday, august 28, 2016, the ambassador greets families.", True),
    # A question to the reader first, with the next sentence left on it in lower-cased text.
    ("Do you think it's acceptable to spank your child with a belt? aransas county judge william adams "
     "claims, \" it's not as bad as it looks. \"", True),
    ("Are you serious? i have constitutional rights.", True),
    # A reply's word first answers the sentence before; a transcript's hand-over is furniture.
    ("Yeah, it bears repeating: the video is graphic and hard to watch.", True),
    ("Sure, the company is the one in the dock.", True),
    ("Janet shamlian reporting: matt, good morning.", True),
    ("show transcript hide transcript brian: a deadly cocktail sold on sacramento county streets.", True),
    ("Now an unprecedented spike in overdose >> it's hard with the punch.", True),
    ("The Senate approved the bill, 68-32, and sent it to the House.", False),
    ("The judge refused to show transcript pages to the jury, lawyers said.", False),
    ("Stocks rose >> 2 percent on the day, traders said.", False),
    ("Now, the internet giant is working on a censored search engine for china.", False),
    ("Nobody was hurt in the crash, police said.", False),
    ("Well-known actors attended the gala in Cannes on Friday.", False),
    ("Do you know where the money went, the auditors asked the board in March.", False),
    # A time the sentence before named, with or without the comma.
    ("Since then, Israel has accused the Palestinians of failing to contain violence.", True),
    ("By then, people had already started running away.", True),
    ("Since then the company has grown.", True),
    ("Since 1998, Israel has accused the Palestinians of failing to contain violence.", False),
    # One more thing to the sentence before; "Plus" without a comma is a word of the sentence.
    ("Plus, the procedure is time-consuming, which can cause a large backlog of cases.", True),
    ("What's more, prices rose again in March.", True),
    ("Plus-size retailers gained 5 percent on Monday.", False),
])
def test_dangling_detects_sentences_that_lean_on_the_previous_one(text: str, leans: bool) -> None:
    assert dangling(text) is leans


@pytest.mark.parametrize(("text", "caption"), [
    # AP's dated "in this ... photo" (in capitals too); a position in the photo; a subject with its
    # apposition (Multi-News validation: 8 captions).
    ("in this nov. 13, 2003, photo william adams, a judge, listens to a prosecutor in rockport.", True),
    ("In this Nov. 13, 2003, photo, William Adams listens to a prosecutor in Rockport, Texas.", True),
    ("in this monday, sept. 1, 2015, photo, a worker sorts mail in denver.", True),
    ("In this undated handout photo, the suspect stands outside a store.", True),
    ("herman cain ( r ) greets supporters in miami, florida, november 16, 2011.", True),
    ("officials ( l-r ) smith, jones and lee attend a briefing in ottawa, march 3, 2015.", True),
    ("Hillary adams, daughter of aransas county court-at-law judge william adams, talks outside her "
     "home in portland, texas wednesday, nov. 2, 2011.", True),
    # Prose: a year's contest, a hyphenated word, a party's wing, a verb with the noun of an idiom,
    # a long subject with no apposition, a report that says who said it.
    ("In this year's photo contest, the winners will be announced on May 3, 2016.", False),
    ("in this picture-perfect town of 3,000, the mayor resigned on tuesday.", False),
    ("The council (left) voted for the plan on march 3, 2015, and the mayor signed it.", False),
    ("the minimum wage increase approved by voters in november takes effect jan. 1, 2017.", False),
    ("hurricane matthew, the strongest atlantic storm in nearly a decade, makes landfall friday, "
     "oct. 7, 2016, forecasters said.", False),
    ("the first of three presidential debates between clinton and trump takes place monday, "
     "sept. 26, 2016, at hofstra university.", False),
    # A place in the photo set off by commas, "and" after it too; a list of directions is prose.
    ("actors sam worthington, left, and zoe saldana as jake and neytiri in avatar.", True),
    ("The party split into three camps, left, or right, or neither, by the spring.", False),
    ("The gunman fired twice, left, and drove away in a white van, police said.", False),
    ("Voters turned left, right, and left again over the decade.", False),
    # Any verb in the present tense, and a capital after an abbreviation's stop that is no name
    # (Multi-News 00159, printed in its bottom line); "the" before a date names an event.
    ("Conservative activist phyllis schlafly introduces u.s. Republican presidential candidate donald trump "
     "at the peabody opera house in st. Louis, missouri, march 11, 2016.", True),
    ("A member of the nypd crime scene unit enters the sofitel hotel in new york, saturday, may 14, "
     "2011.", True),
    ("chris davis, a senior who plays basketball at arapahoe high school, hangs a sign to raise money for "
     "the victim in centennial, colo., on saturday, dec. 14, 2013.", True),
    ("The minister, who visits Jordan every year, leaves office on Friday, Jan. 20, 2017.", False),
    ("mr. Snowden's revelations prompted the first major reconsideration of the government's surveillance "
     "powers since the sept. 11, 2001, terrorist attacks.", False),
])
def test_photo_captions_are_page_furniture(text: str, caption: bool) -> None:
    assert (broken_rule(text) == "furniture") is caption


def test_context_dependent_sentence_skipped() -> None:
    leaning = "They agreed in Nara to begin DNA testing of remains recovered from the Chosei mine."
    alone = "Lee and Takaichi met in Nara to discuss DNA testing of remains from the Chosei coal mine."
    texts = [leaning, alone, *SUPPORT]
    facts = facts_from(texts, [("s1", "s2", "s3"), ("s4",), *[(f"s{i % 4 + 1}",) for i in range(5)]])
    assert leaning in {f.text for f in select(facts, words=18, params=Params(standalone=False))}
    chosen = [f.text for f in select(facts, words=18)]
    assert chosen == [alone]
    # A leaning sentence is never chosen, even with nothing else to choose.
    assert select(facts[:1], words=18) == []


FIVE = ("s1", "s2", "s3", "s4", "s5")
MAJORITY = "President Lee said the talks were a small but meaningful step forward on past history."
SINGLES = [
    "Officials said DNA testing of remains from the Chosei coal mine begins in Nara.",
    "Families welcomed DNA testing of remains from the Chosei coal mine after the Nara summit.",
    "Experts in Nara will lead DNA testing of remains from the Chosei coal mine this year.",
    "DNA testing of remains from the Chosei coal mine was agreed at the Nara summit.",
]


def test_fact_all_sources_report_is_chosen() -> None:
    # Four single-source wordings of one story, each dense with shared concepts,
    # against a short statement every one of the five sources reports.
    facts = facts_from([*SINGLES, MAJORITY], [("s1",), ("s2",), ("s3",), ("s4",), FIVE])
    for budget, count in ((20, 1), (40, 1), (20, 2)):
        unweighted = select(facts, words=budget, count=count, params=Params(corroboration=0))
        assert MAJORITY not in {f.text for f in unweighted}
        assert select(facts, words=budget, count=count)[0].text == MAJORITY


def test_corroboration_neutral_for_single_source_facts() -> None:
    facts = facts_from([CENTRAL, *SUPPORT])
    assert salience(facts) == salience(facts, Params(corroboration=0))
    # A fact two of four sources report is no majority: no bonus either.
    pair = facts_from([CENTRAL, *SUPPORT], [("s1", "s2"), *[(f"s{i % 4 + 1}",) for i in range(5)]])
    assert salience(pair) == salience(pair, Params(corroboration=0))


def test_overflow_appends_one_fact_past_the_budget(seed_texts: dict[str, str]) -> None:
    facts = seed_facts(seed_texts)
    strict = select(facts, words=100)
    full = select(facts, words=100, overflow=True)
    assert [f.id for f in full[:-1]] == [f.id for f in strict]
    assert sum(word_count(f.text) for f in strict) <= 100 < sum(word_count(f.text) for f in full)
    assert full[-1].id not in {f.id for f in strict}
    # The extra fact repeats no chosen one, and a count cap still holds.
    assert len(select(facts, words=100, count=len(strict), overflow=True)) == len(strict)


def test_solver_warns_when_time_limit_cuts_it_short(caplog: pytest.LogCaptureFixture) -> None:
    from briefgen.select.solver import Row, maximise

    # A knapsack over many items with a zero time limit: HiGHS stops at once.
    gains = [float(3 + (i * 7) % 11) for i in range(60)]
    sizes = [float(2 + (i * 5) % 13) for i in range(60)]
    with caplog.at_level("WARNING", logger="briefgen.solver"):
        maximise(gains, [Row(range(60), sizes, 50.0)], 60, time_limit=0.0, gap=0.0)
    assert "time limit" in caplog.text


def test_solver_finds_the_exact_knapsack_optimum() -> None:
    from briefgen.select.solver import Row, maximise

    # Items (gain, size): the best within size 10 is items 1 and 2 (gain 13), not the greedy pick 0.
    x = maximise([10.0, 7.0, 6.0], [Row(range(3), [6.0, 5.0, 5.0], 10.0)], 3, time_limit=10.0, gap=0.0)
    assert x is not None and [round(v) for v in x] == [0, 1, 1]


# --- issue 17: one fact, once -------------------------------------------------------------

TOLL_820 = "The earthquake killed at least 820 people in the mountain provinces, officials said on Monday."
TOLL_800 = "More than 800 people died when the quake flattened villages across the mountain provinces."
# One statement in other words, with no toll to give it away: only the merger's link tells them apart.
PROTEST = "Chile said it would protest to British authorities, arguing that he has diplomatic immunity."
RELEASE = "The Chilean government immediately demanded his release, arguing that he sits in the Senate."


def _linked(facts: list[Fact], a: int, b: int) -> list[Fact]:
    out = list(facts)
    out[a] = replace(out[a], overlaps=(out[b].id,))
    out[b] = replace(out[b], overlaps=(out[a].id,))
    return out


def _pair_and_support(a: str, b: str) -> list[Fact]:
    """``a`` and ``b`` from two sources each, then the supporting sentences spread over four."""
    others = [(f"s{i % 4 + 1}",) for i in range(len(SUPPORT))]
    return facts_from([a, b, *SUPPORT], [("s1", "s2"), ("s3", "s4"), *others])


@pytest.mark.parametrize("method", ["briefgen", "lexrank"])
def test_a_memo_never_chooses_both_facts_the_merger_linked(method: str) -> None:
    facts = _pair_and_support(PROTEST, RELEASE)
    both = {f.text for f in select(facts, words=200, method=method, params=MEMO)}
    assert {PROTEST, RELEASE} <= both  # their words differ: only the link tells them apart
    chosen = {f.text for f in select(_linked(facts, 0, 1), words=200, method=method, params=MEMO)}
    assert len(chosen & {PROTEST, RELEASE}) == 1


# Two reports of one statement the merger linked (Multi-News validation): 6 of the larger one's 14
# content terms are shared, a content cosine of 0.46, below the redundancy threshold.
METH_POLICE = ("Police said the mother and her friend agreed to get high on meth and went into the garage "
               "area, where they were for around 30 minutes.")
METH_COUCH = ("As the 9-year-old girl slept on the couch, her mother and that friend agreed to go into the "
              "garage and get high on methamphetamine.")
# Two statements about one man the merger linked (DUC 2003): 3 of 18 content terms shared.
OCALAN_HIDING = "Turkish officials claim that Ocalan is currently hiding in Russia."
OCALAN_DETAINED = ("Abdullah Ocalan, leader of Kurdish insurgents who has been sought for years by Turkey, "
                   "has been detained in Rome after stepping off a plane from Moscow, Turkish and Italian "
                   "officials said Friday.")


def test_a_merger_link_repeats_only_between_facts_sharing_enough_of_their_terms() -> None:
    same = _linked(facts_from([METH_POLICE, METH_COUCH]), 0, 1)
    apart = _linked(facts_from([OCALAN_HIDING, OCALAN_DETAINED]), 0, 1)
    assert shares(content_of(METH_POLICE), content_of(METH_COUCH), DEFAULT.link_share)
    assert not shares(content_of(OCALAN_HIDING), content_of(OCALAN_DETAINED), DEFAULT.link_share)
    assert repeats(*same) and not repeats(*apart)
    assert repeats(*apart, share=MEMO.link_share)  # a memo counts every link
    # Without the link neither pair repeats: their content cosine is below the redundancy threshold.
    assert not repeats(*facts_from([METH_POLICE, METH_COUCH]))
    assert not repeats(*facts_from([OCALAN_HIDING, OCALAN_DETAINED]))


@pytest.mark.parametrize("method", ["briefgen", "lexrank"])
def test_a_summary_chooses_one_of_two_linked_reports_of_one_statement(method: str) -> None:
    facts = _pair_and_support(METH_POLICE, METH_COUCH)
    assert {METH_POLICE, METH_COUCH} <= {f.text for f in select(facts, words=200, method=method)}
    chosen = {f.text for f in select(_linked(facts, 0, 1), words=200, method=method)}
    assert len(chosen & {METH_POLICE, METH_COUCH}) == 1


@pytest.mark.parametrize("method", ["briefgen", "lexrank"])
def test_a_summary_may_choose_two_linked_facts_that_state_different_things(method: str) -> None:
    facts = _linked(_pair_and_support(OCALAN_HIDING, OCALAN_DETAINED), 0, 1)
    assert {OCALAN_HIDING, OCALAN_DETAINED} <= {f.text for f in select(facts, words=200, method=method)}
    memo = {f.text for f in select(facts, words=200, method=method, params=MEMO)}
    assert len(memo & {OCALAN_HIDING, OCALAN_DETAINED}) == 1


def test_linked_facts_are_excluded_from_the_greedy_cover_too(monkeypatch: pytest.MonkeyPatch) -> None:
    import briefgen.select.selector as selection

    monkeypatch.setattr(selection, "maximise", lambda *a, **k: None)
    texts = [METH_POLICE, METH_COUCH, *SUPPORT]
    facts = _linked(facts_from(texts, [("s1", "s2"), ("s3", "s4"), *[("s1",)] * len(SUPPORT)]), 0, 1)
    chosen = {f.text for f in select(facts, words=200)}
    assert len(chosen & {METH_POLICE, METH_COUCH}) == 1
    assert len({f.text for f in select(facts_from(texts), words=200)} & {METH_POLICE, METH_COUCH}) == 2


@pytest.mark.parametrize("method", ["briefgen", "lexrank"])
def test_one_toll_is_stated_once_though_its_words_differ(method: str) -> None:
    # Issue 17's earthquake memo: "killed at least 820 people" in the bottom line and "more than 800
    # people died" under a heading. No merger link: the toll itself tells the selector.
    chosen = {f.text for f in select(_pair_and_support(TOLL_820, TOLL_800), words=200, method=method)}
    assert len(chosen & {TOLL_820, TOLL_800}) == 1


def test_a_section_does_not_repeat_the_bottom_line() -> None:
    from briefgen.config import load_template
    from briefgen.pipeline import select_parts

    texts = [TOLL_820, TOLL_800, *SUPPORT]
    sources = [("s1", "s2", "s3"), ("s2", "s3", "s4"), *[("s1",)] * len(SUPPORT)]
    facts = _linked(facts_from(texts, sources), 0, 1)
    selection = select_parts(facts, load_template("default"), "briefgen")
    printed = [f.text for part in (selection.bluf, *selection.sections) for f in part.choice.facts]
    assert len(printed) == len(set(printed))
    assert sum(t in (TOLL_820, TOLL_800) for t in printed) == 1


STORM = [
    "Hurricane Irene killed at least 20 people across the islands, officials said on Sunday.",
    "The storm destroyed hundreds of homes along the coast and cut power to much of the region.",
    "Forecasters warned that heavy rain would cause flooding in low-lying areas through Monday.",
    "The hurricane made landfall near the port town with winds of 120 miles per hour on Saturday.",
]


@pytest.mark.parametrize("method", ["briefgen", "lexrank", "luhn", "textrank"])
def test_a_memo_section_whose_candidates_are_all_short_prints_none_of_them(method: str) -> None:
    # A Multi-News hurricane memo printed "The child was saved." as the only bullet under "Response
    # and relief": the selector's fallback for inputs of short sentences took it. In the memos of
    # all 300 Multi-News validation clusters, 35 such bullets ("clinton asked.", "Two points.").
    from briefgen.config import load_template
    from briefgen.pipeline import select_parts
    from briefgen.select.sections import classify

    short = "The child was saved."
    facts = facts_from([*STORM, short], [("s1", "s2"), ("s2", "s3"), ("s1",), ("s3",), ("s2",)])
    template = load_template("disaster")
    assert [f.text for f in classify(facts, template.sorted_sections)["response"]] == [short]
    selection = select_parts(facts, template, method)
    printed = {f.text for part in (selection.bluf, *selection.sections) for f in part.choice.facts}
    assert short not in printed and printed <= set(STORM)
    # Short sentences are still chosen where the coverage has nothing longer (notes, headlines),
    # and where what is longer cannot be printed (it leans on a sentence that is not there).
    notes = facts_from(["Eight people died.", "The bridge was closed.", "Schools stay shut."])
    selection = select_parts(notes, template, method)
    assert {f.text for f in selection.bluf.choice.facts} == {f.text for f in notes}
    leaning = facts_from(["That was the worst storm to hit the region in forty years, he told us.",
                          "Eight people died.", "Schools stay shut."])
    selection = select_parts(leaning, template, method)
    assert {f.text for f in selection.bluf.choice.facts} == {"Eight people died.", "Schools stay shut."}


@pytest.mark.parametrize(("text", "is_fragment"), [
    ("Sort of.", True),
    ("Not so fast.", True),
    ("And tragedy.", True),
    ("Eight people died.", False),
    ("It failed.", False),
    ("There's more.", False),
    ("\"This cannot continue.", False),
    ("Nobody was hurt.", False),
    ("Brody loves letters.", False),
])
def test_a_short_sentence_with_no_verb_is_a_fragment(text: str, is_fragment: bool) -> None:
    assert fragment(text) is is_fragment


def test_a_fragment_is_never_chosen_for_itself_by_any_ranker() -> None:
    # A memo section whose only candidates are short once took "Sort of." as its bullet (the
    # selector's fallback for sections of short sentences); no ranker may print it alone.
    short = "Sort of."
    whole = "Spicer went back to school."
    facts = facts_from([short, whole], [("s1",), ("s2",)])
    for method in ("briefgen", "lexrank", "luhn"):
        assert [f.text for f in select(facts, words=40, method=method)] == [whole]
        assert select(facts[:1], words=40, method=method) == []


def test_concepts_the_memo_has_stated_earn_a_later_part_nothing() -> None:
    # The bottom line printed the toll; a section with room for one sentence then takes news.
    from briefgen.select.concepts import stated
    from briefgen.select.selector import cover

    bluf = make_fact("The typhoon killed 120 people in the Philippines and flooded Manila on Sunday.",
                     ("a", "b", "c"), "b0")
    facts = [make_fact("Typhoon Babs killed 120 people in the Philippines and flooded the capital Manila.",
                       ("a", "b", "c"), "f0"),
             make_fact("Rescue teams evacuated 40,000 residents from coastal villages in Albay province.",
                       ("a", "b"), "f1"),
             make_fact("Officials said the typhoon was expected to reach southern China by Wednesday.",
                       ("b", "c"), "f2")]
    alone, _, _ = cover(facts, 14, None, False, MEMO)
    after, scores, _ = cover(facts, 14, None, False, replace(MEMO, stated=stated([bluf])))
    assert [facts[i].id for i in alone] == ["f0"]
    assert [facts[i].id for i in after] == ["f1"]
    assert scores[0] < scores[1]

    # A part whose every concept the memo has said keeps its bonuses (in units of the coverage's
    # heaviest concept): the fact every source reports still leads.
    everything = stated([*facts, bluf])
    _, scores, _ = cover(facts, 14, None, False, replace(MEMO, stated=everything))
    assert scores[0] > 0 and scores[0] == max(scores)


QUOTED = ('"This is the worst storm to hit the islands in forty years, and we are still counting the '
          'dead," the governor said on Sunday.')


@pytest.mark.parametrize("method", ["briefgen", "lexrank", "luhn", "textrank"])
def test_the_bottom_line_states_the_news_in_the_reporters_words(method: str) -> None:
    # Multi-News memos led with "\"climate change is the greatest challenge of our time,\" said ..."
    # and a quotation of a ruling beside the ruling itself. Of 1,060 hand-labelled candidate
    # sentences (bench/data/main_news.jsonl), 4 of the 155 stating the main news are quotations
    # and 48 of the 277 colour. A quotation reported by every source still goes to a section.
    from briefgen.config import load_template
    from briefgen.pipeline import select_parts

    facts = facts_from([QUOTED, *STORM], [("s1", "s2", "s3"), ("s1", "s2"), ("s2", "s3"), ("s1",), ("s3",)])
    selection = select_parts(facts, load_template("disaster"), method)
    bluf = [f.text for f in selection.bluf.choice.facts]
    assert bluf and QUOTED not in bluf and set(bluf) <= set(STORM)
    # Coverage of nothing but quotations still has a bottom line.
    voices = facts_from([QUOTED, '"We lost everything in one night," a fisherman said at the shelter.'])
    selection = select_parts(voices, load_template("disaster"), method)
    assert {f.text for f in selection.bluf.choice.facts} == {f.text for f in voices}


def test_the_summary_ships_the_searched_settings_and_the_memo_and_counts_keep_theirs() -> None:
    # bench/duc.py's search on all 30 DUC 2003 clusters chose these for summaries (5 December); the
    # memo keeps the values set without data, and COUNTS the values fitted before the concept model.
    assert (DEFAULT.unigrams, DEFAULT.position, DEFAULT.position_decay) == (0.5, 0.25, 1.0)
    assert (MEMO.unigrams, MEMO.position, MEMO.position_decay, MEMO.link_share) == (1.0, 0.0, 2.0, 0.0)
    assert (COUNTS.unigrams, COUNTS.position, COUNTS.position_decay, COUNTS.quotes) == (0.5, 0.25, 2.0, 1.0)
