"""Issue 19's stand-alone bar, checked with the benchmarks' own rules (bench/standalone.py).

The rules there are written apart from the selector's test
(:func:`briefgen.select.dangling`), so these tests count what the selector lets
through. What the patterns cannot catch: a definite reference to something no
earlier sentence named ("The disaster claimed ...", "the documents"), a bare
surname nobody introduced ("Wang was a student leader"), a quotation cut
short inside the sentence, and references after the first words.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from standalone import passages, violations  # noqa: E402

import briefgen  # noqa: E402

BENCH = next((p / "shared" / "bench" for p in ROOT.parents if (p / "shared" / "bench").is_dir()),
             ROOT.parent / "shared" / "bench")


@pytest.mark.parametrize(("text", "found"), [
    ('" i had six children, " she said in 2008.', ["reference"]),
    ("It was the first time.", ["reference"]),
    # An empty "it" before a clause points nowhere; a pronoun opening that clause still does.
    ("It was not immediately clear how Farrakhan arrived in Libya.", []),
    ("It took only 60,000 years to kill most life on earth.", []),
    ("It was unclear whether he would stay.", ["reference"]),
    ("The summit ended without a deal", ["unfinished"]),
    ("LONDON (AP) _ Talks began.", ["dateline"]),
    ("Tampa \u2014 The storm reached the city.", ["dateline"]),
    ("WASHINGTON \u2014 The bill \u2014 passed on Monday \u2014 was signed.", ["dateline"]),
    # A subject and an aside between two dashes is no dateline.
    ("Five americans -- including a u.s. diplomat -- were killed on saturday.", []),
    # Words inside the quotation are not its speaker.
    ('" i told folks i am eye candy, " president obama said.', []),
    # In a passage only the first sentence must not point back; the later ones follow it.
    ('"We will rebuild," Troyer said.\n" then they took her bank cards as well.', []),
    ('They said it would rebuild.\nThe mayor agreed.', ["reference"]),
    # A time named from the day of writing points at no earlier sentence; "that year" does, and so
    # does a connective after the time.
    ("This year rolex supplanted bmw as the most reputable company.", []),
    ("This year, however, rolex supplanted bmw as the most reputable company.", ["reference"]),
    ("That year rolex supplanted bmw as the most reputable company.", ["reference"]),
    # A photographer's credit run into the story; a pollster's pair of names is prose.
    ("Reuters/brian snyder more than half of 1,416 measles cases were among the unvaccinated.", ["credit"]),
    ("Bobby brown to perform erik jordan/retna not only is brown not banned, he will sing.", ["credit"]),
    ("A reuters/ipsos poll found that support fell, and an ap/norc poll agreed.", []),
    ("Reuters/Ipsos polling shows 45 percent of Americans support the plan.", []),
    # The writer speaking to the reader; a speaker's "you" inside a quotation is the speaker's.
    ("If you live nearby, you may have felt the quake.", ["address"]),
    ("Imagine the roar of copter blades above the canyon.", ["address"]),
    ('"You are a liar," Senator Smith told the governor.', []),
    ("Viewers may call to leave a thank you message.", []),
])
def test_the_bench_rules(text: str, found: list[str]) -> None:
    assert violations(text) == found


def test_no_sample_memo_part_prints_a_sentence_that_cannot_stand_alone() -> None:
    b = briefgen.build_briefing()
    parts = [b.bluf, *(s.facts for s in b.sections)]
    texts = [t for facts in parts for t in passages(facts)]
    assert len(texts) >= 12
    assert [(t, violations(t)) for t in texts if violations(t)] == []


def _violations(script: str, *args: str) -> tuple[int, int]:
    out = subprocess.run([sys.executable, str(ROOT / "bench" / script), "--methods", "briefgen", *args],
                         capture_output=True, text=True, check=True).stdout
    m = re.search(r"stand-alone violations: (\d+) of (\d+) selected sentences", out)
    assert m, out
    return int(m.group(1)), int(m.group(2))


@pytest.mark.slow
@pytest.mark.skipif(not (BENCH / "duc2003.jsonl").is_file(), reason="DUC 2003 is not beside the repository")
@pytest.mark.parametrize("budget", [[], ["--strict"]])
def test_no_duc_summary_prints_a_sentence_that_cannot_stand_alone(budget: list[str]) -> None:
    bad, seen = _violations("duc.py", *budget)
    assert seen > 100 and bad == 0


@pytest.mark.slow
@pytest.mark.skipif(not (BENCH / "multinews_val.jsonl").is_file(),
                    reason="Multi-News validation is not beside the repository")
def test_no_multinews_summary_prints_a_sentence_that_cannot_stand_alone() -> None:
    bad, seen = _violations("multinews.py")
    assert seen > 1000 and bad == 0
