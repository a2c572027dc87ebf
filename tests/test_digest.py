"""briefgen digest: an archive in, one memo per event and an index out (issue 23)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import QuietHandler, live_processes, local_http

import briefgen
from briefgen.digest.features import Article, featurize, minhash, name_terms
from briefgen.digest.group import group_partition, link, partitions
from briefgen.errors import BriefgenError
from briefgen.resources import seeds_dir
from briefgen.sources.limits import Limits

HTML = Path(__file__).resolve().parent / "data" / "html"
SCRIPT = Path(sys.executable).with_name("briefgen")

UNRELATED = {
    "harvest-2026-02-02.md": (
        "2026-02-02", "Farmers in the northern valley report a record apple harvest",
        "Orchards across the northern valley picked more apples this autumn than in any "
        "year since records began, the regional growers' association said on Monday. "
        "Warm spring weather and late rain helped the fruit, growers said. Prices at the "
        "wholesale market fell by a tenth as crates piled up in cold stores."),
    "chess-2026-02-20.md": (
        "2026-02-20", "Teenager wins the national chess championship in Leeds",
        "A sixteen-year-old from Glasgow won the national chess championship in Leeds on "
        "Friday after a tense final game against the defending champion. She sacrificed a "
        "rook on move thirty and forced resignation twelve moves later, the organisers said. "
        "The prize includes a place at the European championship in the summer."),
}


def _archive(root: Path) -> Path:
    """Two events (the seed summit coverage, the quake pages) and two unrelated stories."""
    folder = root / "archive"
    shutil.copytree(seeds_dir(), folder / "summit")
    shutil.copytree(HTML, folder / "quake", ignore=shutil.ignore_patterns("*.json"))
    for name, (date, title, body) in UNRELATED.items():
        (folder / name).write_text(f"---\ntitle: {title}\ndate: {date}\noutlet: Daily Post\n---\n\n{body}\n",
                                   encoding="utf-8")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _archive(tmp_path_factory.mktemp("digest"))


@pytest.fixture(scope="module")
def local_run(archive: Path) -> tuple[dict[str, Any], Path]:
    out = archive.parent / "local"
    return briefgen.digest([str(archive)], out, fmt="md", workers=1), out


def test_one_memo_per_event_and_an_index(local_run: tuple[dict[str, Any], Path], archive: Path) -> None:
    result, out = local_run
    events = result["events"]
    assert isinstance(events, list) and len(events) == 2
    kinds = [{Path(p).parent.name for p in e["sources"]} for e in events]
    assert kinds == [{"summit"}, {"quake"}]
    summit, quake = events
    assert len(summit["sources"]) == 5 and len(quake["sources"]) == 4
    assert (summit["start"], summit["end"]) == ("2026-01-13", "2026-01-14")
    assert "Yonhap News Agency" in summit["outlets"] and summit["articles"] == 5
    for e in events:
        memo = out / e["memo"]
        assert memo.is_file() and memo.parent == out
        assert e["title"] in memo.read_text(encoding="utf-8")
    assert sorted(Path(p).name for p in result["unassigned"]) == sorted(UNRELATED)
    assert result["skipped"] == [] and result["complete"] is True
    assert json.loads((out / "index.json").read_text(encoding="utf-8")) == result
    page = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="{summit["memo"]}"' in page and "harvest-2026-02-02.md" in page


def test_same_inputs_same_bytes(local_run: tuple[dict[str, Any], Path], archive: Path,
                                tmp_path: Path) -> None:
    _, out = local_run
    again = tmp_path / "again"
    briefgen.digest([str(archive)], again, fmt="md", workers=2)
    assert _files(again) == _files(out)


@pytest.mark.slow
def test_on_a_dask_cluster_the_output_is_byte_identical(archive: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    # Several partitions, linked afterwards.
    kwargs: dict[str, Any] = {"fmt": "docx", "partition_days": 1, "partition_articles": 2}
    local = tmp_path / "local"
    briefgen.digest([str(archive)], local, workers=1, **kwargs)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", processes=True,
                                  dashboard_address=None) as cluster:
        remote = tmp_path / "remote"
        result = briefgen.digest([str(archive)], remote, scheduler=cluster.scheduler_address,
                                 **kwargs)
    assert len(result["events"]) == 2
    assert _files(remote) == _files(local)


def test_bad_files_are_skipped_with_a_line_in_the_index(archive: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    shutil.copytree(archive, folder)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    result = briefgen.digest([str(folder)], tmp_path / "out", fmt="md", workers=1)
    reasons = {Path(s["path"]).name: s["reason"] for s in result["skipped"]}
    assert set(reasons) == {"broken.docx", "empty.txt"}
    assert reasons["empty.txt"] == "empty input" and "broken.docx" not in " ".join(result["unassigned"])
    assert len(result["events"]) == 2


def test_ctrl_c_leaves_the_memos_written_and_their_index(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"

    def stop(name: str, value: int, _total: int | None) -> None:
        if name == "written" and value == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        briefgen.digest([str(archive)], out, fmt="md", workers=1, progress=stop)
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert index["complete"] is False
    assert [e["id"] for e in index["events"]] == ["e0001"]
    assert sorted(p.name for p in out.glob("e*.md")) == [index["events"][0]["memo"]]


def test_without_dask_the_scheduler_option_says_what_to_install(monkeypatch: pytest.MonkeyPatch,
                                                                 archive: Path, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(BriefgenError, match=r"pip install 'briefgen\[dask\]'"):
        briefgen.digest([str(archive)], tmp_path / "out", scheduler="tcp://127.0.0.1:8786")


# ---- grouping ------------------------------------------------------------------------------------


def _article(ref: str, date: str, text: str) -> Article:
    from collections import Counter

    from briefgen.text.words import content_terms, words

    counts = sorted(Counter(content_terms(text)).items())
    toks = [w.lower() for w in words(text)]
    shingles = sorted({" ".join(toks[i:i + 5]).encode() for i in range(len(toks) - 4)})
    names = name_terms(text)
    return Article(ref, (), date, "Outlet", ref, " ".join(t for t, _ in counts),
                   np.array([c for _, c in counts], dtype=np.uint16),
                   np.packbits(np.array([t in names for t, _ in counts], dtype=bool)), minhash(shingles))


FIRE = ("A wildfire near the hill town of Arden burned {n} homes as firefighters battled flames driven "
        "by strong winds, and the governor ordered residents of Arden to evacuate. Smoke from the Arden "
        "wildfire closed the mountain highway, and crews dropped retardant from aircraft over the ridge. ")
VOTE = ("Parliament in Valdoria voted on the pension reform bill {n} times before the coalition collapsed, "
        "and the prime minister of Valdoria called an early election. Opposition leaders in Valdoria said "
        "the pension vote showed the government had lost its majority in parliament. ")


def test_articles_on_one_happening_group_and_others_stay_alone() -> None:
    arts = [_article(f"fire{n}", f"2026-03-0{n}", FIRE.format(n=n * 11) + f"Report number {n} said more.")
            for n in range(1, 4)]
    arts += [_article(f"vote{n}", f"2026-03-0{n}", VOTE.format(n=n + 1) + f"Analysis {n} followed.")
             for n in range(1, 4)]
    arts.append(_article("harvest", "2026-03-02", UNRELATED["harvest-2026-02-02.md"][2]))
    groups = group_partition(partitions(arts)[0])
    events = sorted(sorted(e) for e in link(groups))
    assert events == [["fire1", "fire2", "fire3"], ["harvest"], ["vote1", "vote2", "vote3"]]


def test_an_event_closes_after_the_window() -> None:
    arts = [_article("fire1", "2026-01-01", FIRE.format(n=5)),
            _article("fire2", "2026-01-02", FIRE.format(n=6)),
            _article("fire3", "2026-06-01", FIRE.format(n=7))]
    events = sorted(sorted(e) for e in link(group_partition(partitions(arts)[0], window=30), window=30))
    assert events == [["fire1", "fire2"], ["fire3"]]


def test_issue_23_a_memo_needs_two_independent_reports_published_close_together() -> None:
    from briefgen.digest.run import SAME_TIME, briefable

    # Four Herman Cain stories of a Multi-News archive, weeks apart, had been grouped as one event.
    other = ("Firefighters in Arden fought a wildfire for a second day as strong winds pushed the flames "
             "toward {n} homes on the ridge; the governor told residents to leave, and aircraft dropped "
             "retardant while smoke shut the highway through the mountains.")
    apart = [_article("fire1", "2026-03-01", FIRE.format(n=5) + "The first report."),
             _article("fire2", "2026-03-20", other.format(n=40))]
    assert not briefable(apart)
    close = [apart[0], _article("fire3", f"2026-03-{1 + SAME_TIME:02d}", other.format(n=60))]
    assert briefable(close)
    # Far from that pair, a later article still belongs to the event that has two close reports.
    assert briefable([*close, apart[1]])
    # Copies of one report are one report however close; an undated article could be any day's.
    copy = _article("copy1", "2026-03-01", FIRE.format(n=5) + "The first report.")
    assert not briefable([apart[0], copy])
    undated = _article("fire4", "", FIRE.format(n=12) + "An undated page.")
    assert briefable([apart[1], undated])
    assert not briefable([apart[0]])
    # An undated copy of a dated report is that report, on its day; one day past the window is out.
    undated_copy = _article("copy2", "", FIRE.format(n=5) + "The first report.")
    assert not briefable([*apart, undated_copy])
    late = _article("fire5", f"2026-03-{2 + SAME_TIME:02d}", other.format(n=61))
    assert not briefable([apart[0], late])


COUNTRY = ("Valdoria, a country of nine million on the shores of Lake Orm, has had three governments in "
              "two years and has long quarrelled with its neighbour Korvia. ")
# Each report tells its story in its own words, so no two reports are copies of one.
BORDER_NEWS = (
    "Valdoria sent tanks to the northern border after shelling near the border town of Mesk. Refugees "
    "fled the shelling on foot and crowded the roads south of Mesk, aid workers said, as the army dug in.",
    "Korvia denied firing the first shell at Mesk and recalled its ambassador. The Valdorian defence "
    "minister said troops on the northern border would answer any attack, and more tanks moved north.",
    "Talks on the border broke down when the Korvian delegation left the table after an hour, as shelling "
    "resumed near Mesk and Valdorian troops took positions along the northern border.",
    "Artillery duels along the northern border continued overnight and two soldiers were wounded near "
    "Mesk. Korvia said its troops had answered Valdorian shelling, and refugees kept leaving the border.",
)
COLLAPSE_NEWS = (
    "The government of Valdoria fell after losing a confidence vote in parliament over a bribery scandal "
    "at the ports agency. The prime minister resigned an hour after the count as the inquiry widened.",
    "Investigators searched the ports agency offices and seized contracts, a day after the bribery scandal "
    "brought down the government in a confidence vote. The president began talks on a new coalition.",
    "Coalition partners quarrelled over who should lead a caretaker cabinet after the government lost the "
    "confidence vote, and the president said an early election may follow the bribery scandal.",
    "The finance minister was questioned by prosecutors over bribes paid through the ports agency, as "
    "parliament, which brought the government down in a confidence vote, met to choose a prime minister.",
)


def _two_stories(collapse_days: range) -> list[list[str]]:
    arts = [_article(f"border{n}", f"2026-03-0{n}", COUNTRY + news)
            for n, news in enumerate(BORDER_NEWS, 1)]
    arts += [_article(f"collapse{n}", f"2026-03-{d:02d}", news + " " + COUNTRY)
             for n, (d, news) in enumerate(zip(collapse_days, COLLAPSE_NEWS, strict=True), 1)]
    return sorted(sorted(e) for e in link(group_partition(partitions(arts)[0])))


def test_issue_23_two_stories_in_one_country_weeks_apart_are_two_events() -> None:
    # A border crisis, then a government's fall three weeks later: the same country, the
    # same background paragraph, so the stories merge as they arrive; their members form
    # two groups apart in words and in time, so the event is split.
    border = [f"border{n}" for n in range(1, 5)]
    collapse = [f"collapse{n}" for n in range(1, 5)]
    assert _two_stories(range(26, 30)) == [border, collapse]
    # Apart in words but on the same days: not split (two groups of words alone can be
    # the sides of one story).
    assert _two_stories(range(1, 5)) == [border + collapse]


def test_issue_23_an_event_is_cut_in_time_where_its_sides_differ_most() -> None:
    from briefgen.digest.group import SPLIT_MIN, _cut

    storm = {"storm": 0.8, "coast": 0.6}
    aid = {"storm": 0.6, "aid": 0.8}
    vecs = [storm, storm, storm, storm, aid, aid, aid]
    ratio, early, late = _cut(vecs, [1, 1, 2, 3, 20, 21, 21], list(range(7)))  # type: ignore[misc]
    assert (early, late) == ([0, 1, 2, 3], [4, 5, 6]) and ratio == pytest.approx(0.48)
    # Never between two articles of one day: the storm story's fourth report on the
    # aid story's first day moves the cut to the day before, with the aid side.
    ratio, early, late = _cut(vecs, [1, 1, 2, 20, 20, 21, 21], list(range(7)))  # type: ignore[misc]
    assert (early, late) == ([0, 1, 2], [3, 4, 5, 6]) and ratio > 0.48
    # No cut leaving SPLIT_MIN on each side, or an undated member: no cut.
    assert SPLIT_MIN == 3
    assert _cut(vecs, [1, 1, 1, 1, 1, 2, 2], list(range(7))) is None
    assert _cut(vecs, [1, 1, 2, 3, 20, None, 21], list(range(7))) is None


def test_issue_23_copies_of_one_report_count_once_when_an_event_is_split() -> None:
    from briefgen.digest.group import _originals

    # 1 copies 0, 3 copies 0 and 1, 5 copies 3: each member has its earliest
    # original among the members, and one copying none of them is its own.
    copies: list[list[int]] = [[], [0], [], [0, 1], [], [3]]
    assert _originals([0, 1, 3, 4, 5], copies) == {0: 0, 1: 0, 3: 0, 4: 4, 5: 0}
    assert _originals([1, 3, 5], copies) == {1: 1, 3: 1, 5: 1}


def test_issue_23_names_are_the_terms_a_text_capitalises_inside_sentences_and_never_writes_in_lower_case(
        tmp_path: Path) -> None:
    text = ("Police in Ankara said Turkey would not talk to Syria. Shelling resumed near the border on "
            "Monday, and the shelling of Kilis went on. The Senate voted in October.\n"
            "Police later said Ocalan had fled to Rome.")
    # "Police" and "The" only open sentences, "Shelling" is also written "shelling", and
    # month and day names are words.
    assert name_terms(text) == {"ankara", "turkey", "syria", "kili", "senat", "ocalan", "rome"}
    (tmp_path / "a.md").write_text(f"---\ntitle: Border talks\ndate: 2026-01-01\n---\n\n{text}\n",
                                   encoding="utf-8")
    (got,) = featurize([(str(tmp_path / "a.md"), ())])
    assert isinstance(got, Article)
    flagged = {t for t, n in zip(got.terms.split(), got.is_name().tolist(), strict=True) if n}
    assert flagged == name_terms(text)


FLOODS = {
    "harlow0": "Floods in Harlow forced hundreds of families from their homes after the Stort burst its "
               "banks. Rescue boats worked through the night, and Essex police closed the roads into Harlow.",
    "harlow1": "The Stort kept rising on Tuesday and the Essex fire service carried more families from "
               "flooded homes in Harlow by boat. Harlow schools were opened as shelters for the night.",
    "deventer0": "Rescue crews in Deventer worked through the night as the IJssel rose over the quay. "
                 "Gelderland officials said hundreds of families had left Deventer.",
    "deventer1": "The IJssel fell on Wednesday and families in Deventer went back to their flooded homes. "
                 "Gelderland said repairs to the quay would take months.",
}


def test_issue_23_names_weigh_more_so_reports_of_one_flood_are_nearer_than_another_towns() -> None:
    from briefgen.digest import group

    arts = [_article(ref, "2026-02-01", text) for ref, text in FLOODS.items()]
    cosines = {}
    for names in (0.0, group.NAMES):
        saved, group.NAMES = group.NAMES, names
        try:
            v = dict(zip(FLOODS, group._vectors(arts), strict=True))
            # Without news at large in the IDF, both terms have one count and spread here.
            plain = group._vectors(arts, background=0.0)[list(FLOODS).index("deventer0")]
        finally:
            group.NAMES = saved
        cosines[names] = (group._dot(v["deventer0"], v["deventer1"]),
                          group._dot(v["deventer0"], v["harlow0"]), group._dot(v["harlow0"], v["harlow1"]))
        # A name weighs 1 + NAMES times an ordinary word of the same count and spread.
        assert plain["ijssel"] == pytest.approx(plain["quay"] * (1 + names))
    assert group.NAMES > 0
    (same_town, other_town, harlow), (same_town_named, other_town_named, harlow_named) = cosines.values()
    assert same_town_named > same_town and harlow_named > harlow and other_town_named < other_town


def test_issue_23_news_at_large_tells_an_events_own_words_from_common_ones_in_a_small_archive() -> None:
    from briefgen.digest import group
    from briefgen.text.frequency import article_share, article_shares

    shares, rare = article_shares()
    # Stems, as articles hold them: "officials" is in far more news than "wildfire", and a name
    # missing from English word lists is rarer still.
    assert shares["offici"] > shares["wildfir"] > rare > 0
    # The list writes numbers with zeros ("0000"), and a hyphenated term is as rare as its rarest part.
    assert article_share("1996") == shares["0000"] > shares["offici"]
    assert article_share("e-mail") == min(shares["e"], shares["mail"]) and article_share("zzyzx") == rare
    # Three reports of one fire: every one says "officials" and "wildfire" twice. Counted in
    # the archive alone, the two weigh the same; with news at large, the fire's word weighs more.
    text = "Officials said the wildfire spread. The wildfire grew, officials said, near {}."
    arts = [_article(f"fire{n}", f"2026-03-0{n}", text.format(town)) for n, town in enumerate(
        ("the ridge", "the river", "the coast"), 1)]
    alone = group._vectors(arts, background=0.0)[0]
    pooled = group._vectors(arts)[0]
    assert alone["offici"] == pytest.approx(alone["wildfir"])
    assert group.BACKGROUND > 0 and pooled["wildfir"] > 1.5 * pooled["offici"]


def test_issue_23_an_article_is_compared_in_its_context() -> None:
    # Its close candidates lend it their words, weighted by their cosine with it; a
    # candidate under CONTEXT lends nothing, and an article keeps its own words.
    from briefgen.digest.group import CONTEXT, _context

    a = {"quake": 0.8, "harbor": 0.6}
    b = {"quake": 0.6, "tsunami": 0.8}   # cosine 0.48 with a
    c = {"harbor": 0.1, "ferry": 0.995}  # cosine 0.06 with a
    assert 0.6 * 0.1 < CONTEXT < 0.48
    got = _context([a, b, c], [{1, 2}, {0}, {0}])
    assert got[0]["tsunami"] > 0 and "ferry" not in got[0]
    assert "harbor" in got[1] and got[1]["tsunami"] > got[1]["harbor"]
    assert got[2] == pytest.approx(c, abs=1e-4)


def test_partitions_follow_time_and_keep_undated_articles_apart() -> None:
    arts = [_article(f"a{d:02d}", f"2026-01-{d:02d}", FIRE.format(n=d)) for d in range(1, 29)]
    arts.append(_article("undated", "", FIRE.format(n=99)))
    parts = partitions(arts, days=7, min_articles=5)
    assert [a.ref for a in parts[-1]] == ["undated"] and len(parts) >= 4
    assert all(len(p) >= 5 for p in parts[:-2])  # only the last dated partition may be short
    for before, after in zip(parts[:-2], parts[1:-1], strict=True):  # cuts fall between 7-day blocks
        assert (before[-1].day or 0) // 7 < (after[0].day or 0) // 7
    flat = [a.ref for p in parts[:-1] for a in p]
    assert flat == sorted(flat)
    # Groups found in neighbouring partitions are linked back into one event; an undated
    # article on the same story joins it too (no date keeps it out of the window).
    groups = [g for k, p in enumerate(parts) for g in group_partition(p, k)]
    assert len(groups) >= len(parts)
    (event,) = link(groups)
    assert list(event) == flat + ["undated"]


def test_featurize_reports_a_bad_file_instead_of_raising(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (got,) = featurize([(str(tmp_path / "empty.txt"), ())])
    assert isinstance(got, briefgen.Skipped) and got.reason == "empty input"


def test_digest_is_a_top_stage() -> None:
    from tests.test_layout import GRAPH

    users = {m for m, deps in GRAPH.items() if any(d.startswith("briefgen.digest") for d in deps)}
    assert users - {m for m in users if m.startswith("briefgen.digest")} == {"briefgen", "briefgen.cli"}


def test_importing_briefgen_or_its_command_loads_no_digest_dependency() -> None:
    code = ("import sys, briefgen, briefgen.cli, briefgen.pipeline; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in {'dask', 'distributed', 'datasketch'} "
            "or m.startswith('briefgen.digest')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          check=True)
    assert done.stdout.strip() == "[]"


# ---- the command -----------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.installed
def test_the_installed_command_digests_quietly_and_fails_in_one_line(archive: Path, tmp_path: Path) -> None:
    assert SCRIPT.exists()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([str(SCRIPT), "digest", str(archive), "--out", "digest", "-q", "--format", "md"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == ""
    index = json.loads((tmp_path / "digest" / "index.json").read_text(encoding="utf-8"))
    assert len(index["events"]) == 2 and (tmp_path / "digest" / index["events"][0]["memo"]).is_file()
    bad = subprocess.run([str(SCRIPT), "digest", "missing/", "--out", "digest2"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines() == [
        "briefgen: error: no usable inputs: missing/: no such file or folder"]


def _installed(*args: str, cwd: Path, timeout: float = 120, **kw: Any) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(kw.pop("env", {}))
    return subprocess.run([str(SCRIPT), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, **kw)


@pytest.mark.installed
@pytest.mark.parametrize("where", ["archive", "inside", "holds"])
def test_out_never_lands_on_the_archive(archive: Path, tmp_path: Path, where: str) -> None:
    """Memos and the index are written under names of their own: never where an input lives."""
    copy = tmp_path / "archive"
    shutil.copytree(archive, copy)
    (copy / "index.html").write_text("<html><body><p>An article saved as index.html.</p></body></html>",
                                     encoding="utf-8")
    before = _files(tmp_path)
    if where == "holds":  # an input file named inside the --out folder
        args = [str(copy / "summit"), str(copy / "chess-2026-02-20.md"), "--out", str(copy)]
    else:
        args = [str(copy), "--out", str(copy if where == "archive" else copy / "memos")]
    done = _installed("digest", "-q", "-f", "md", *args, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "refusing to write into" in done.stderr
    assert _files(tmp_path) == before


def test_a_scheduler_that_never_answers_fails_in_one_line(archive: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A peer that accepts the connection and says nothing: distributed would wait for ever."""
    pytest.importorskip("distributed")
    from briefgen.digest import schedule

    monkeypatch.setattr(schedule, "_CONNECT_SECONDS", 1.0)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    accepted: list[socket.socket] = []
    threading.Thread(target=lambda: accepted.append(listener.accept()[0]), daemon=True).start()
    try:
        start = time.monotonic()
        with pytest.raises(BriefgenError, match="no answer within 1 s"):
            briefgen.digest([str(archive / "summit")], tmp_path / "out",
                            scheduler=f"tcp://127.0.0.1:{listener.getsockname()[1]}")
        assert time.monotonic() - start < 30
        assert not (tmp_path / "out").exists()
    finally:
        for conn in accepted:
            conn.close()  # the abandoned handshake then ends
        listener.close()


class _Seeds(QuietHandler):
    """Serves the bundled seed articles as plain text."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = seeds_dir() / self.path.lstrip("/")
        if path.parent != seeds_dir() or not path.is_file():
            self.send_error(404)
            return
        self.send_text(path.read_bytes())


@pytest.mark.installed
def test_private_urls_are_read_only_when_allowed(tmp_path: Path) -> None:
    """As for build: a URL on this machine is refused unless the limits allow it."""
    names = sorted(p.name for p in seeds_dir().glob("*.txt"))[:3]
    with local_http(_Seeds) as port:
        urls = [f"http://127.0.0.1:{port}/{name}" for name in names]
        refused = briefgen.digest(urls, tmp_path / "refused", fmt="md", workers=1)
        allowed = briefgen.digest(urls, tmp_path / "allowed", fmt="md", workers=1,
                                  limits=Limits(allow_private_urls=True))
        done = _installed("digest", "-q", "-f", "md", "--allow-private-urls", *urls, "--out", "cli",
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "cli" / "index.json").read_text(encoding="utf-8"))["skipped"] == []
    assert refused["events"] == []
    assert sorted(s["path"] for s in refused["skipped"]) == sorted(urls)
    assert all("refusing a non-public address" in s["reason"] for s in refused["skipped"])
    assert allowed["skipped"] == []
    assert [sorted(e["sources"]) for e in allowed["events"]] == [sorted(urls)]


@pytest.mark.installed
@pytest.mark.parametrize(("args", "message"), [
    (["--scheduler", "garbage"], "not a scheduler address"),
    (["--template", "no-such-template"], "no-such-template"),
    (["-"], "standard input cannot be digested"),
])
def test_bad_digest_options_fail_in_one_line_before_any_work(archive: Path, tmp_path: Path, args: list[str],
                                                            message: str) -> None:
    done = _installed("digest", str(archive / "summit"), "--out", "out", *args, cwd=tmp_path, input="",
                      timeout=60)
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and message in done.stderr, done.stderr
    assert not (tmp_path / "out").exists()


def _marked(mark: str) -> set[int]:
    """Live processes whose environment carries ``mark``."""
    found = set()
    for pid in live_processes():
        try:
            if mark.encode() in Path(f"/proc/{pid}/environ").read_bytes():
                found.add(pid)
        except OSError:
            continue  # it ended, or is not ours to read
    return found


@pytest.mark.installed
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_digest_leaves_no_worker_process(tmp_path: Path) -> None:
    folder = tmp_path / "big"
    seeds = sorted(seeds_dir().glob("*.txt"))
    for i in range(120):
        sub = folder / f"{i // 5:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(seeds[i % len(seeds)], sub / f"story-{i:03d}.txt")
    mark = f"BRIEFGEN_TEST_MARK={os.getpid()}-{tmp_path.name}"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["BRIEFGEN_TEST_MARK"] = mark.split("=", 1)[1]
    env["BRIEFGEN_WORKERS"] = "2"
    proc = subprocess.Popen([str(SCRIPT), "digest", "-q", str(folder), "--out", "out", "-f", "md"],
                            cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(_marked(mark)) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the digest ended before its workers could be seen"
    proc.terminate()
    assert proc.wait(timeout=60) == -15  # it dies of the signal, after writing the index of what is done
    index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))
    assert index["complete"] is False
    written = sorted(p.name for p in (tmp_path / "out").glob("e*.md"))
    assert written == sorted(e["memo"] for e in index["events"])
    deadline = time.monotonic() + 15
    while _marked(mark) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = _marked(mark)
    for pid in left:
        os.kill(pid, 9)
    assert not left, f"processes {sorted(left)} outlived the digest"


def test_issue_23_days_outside_an_event_count_against_joining_it() -> None:
    # An article as close to an event as JOIN plus a little joins it on the event's days,
    # but not three weeks later: each day outside the event's span costs GAP.
    import math

    from briefgen.digest.group import GAP, JOIN, _join

    near = JOIN + 0.05
    assert 20 * GAP > 0.05
    vecs = [{"quake": 1.0}, {"quake": near, "ferry": math.sqrt(1 - near * near)}]
    assert _join(vecs, [0, 0], [set(), {0}], [[], []], window=60) == [0, 0]
    assert _join(vecs, [0, 20], [set(), {0}], [[], []], window=60) == [0, 1]
    # A copy of an article joins its event while the event is open, and starts a new one
    # once the event has closed (no article for ``window`` days).
    copy = [{"quake": 1.0}, {"quake": 1.0}]
    assert _join(copy, [0, 10], [set(), set()], [[], [0]], window=60) == [0, 0]
    assert _join(copy, [0, 100], [set(), set()], [[], [0]], window=60) == [0, 1]


def test_issue_23_a_pair_of_an_events_reports_joins_it_rather_than_being_left_alone() -> None:
    # Refinement moves one article at a time: two reports nearer each other than the event
    # (a wire story and its copy) stay a pair, which no memo briefs. A pair whose centroid meets
    # LINK with a larger group's, within the window, joins it; one on another story does not,
    # nor one outside the window, nor a group large enough to have been split off.
    import math

    from briefgen.digest.group import LINK, SPLIT_MIN, _gather

    def gather(vecs: list[dict[str, float]], days: list[int | None], event_of: list[int],
               neighbours: list[set[int]] | None = None) -> list[int]:
        # By default every article is a candidate of every other.
        everyone = [set(range(len(days))) - {i} for i in range(len(days))]
        return _gather(vecs, days, event_of, everyone if neighbours is None else neighbours, window=60)

    assert SPLIT_MIN == 3
    lean = LINK + 0.1  # each report of the pair is this near the event's word
    pair = {"budget": lean, "veto": math.sqrt(1 - lean * lean)}
    event = [{"budget": 1.0}] * 4
    other = {"quake": 1.0}
    vecs = [*event, pair, pair, other, other]
    days: list[int | None] = [0, 1, 2, 3, 2, 2, 2, 3]
    event_of = [0, 0, 0, 0, 1, 1, 2, 2]
    assert gather(vecs, days, event_of) == [0, 0, 0, 0, 0, 0, 2, 2]
    # Only groups holding a candidate of the pair's articles are compared.
    apart = [{4, 5, 6, 7} - {i} for i in range(8)]
    assert gather(vecs, days, event_of, apart) == event_of
    # Outside the window the pair stays apart.
    assert gather(vecs, [0, 1, 2, 3, 90, 91, 2, 3], event_of) == event_of
    # A pair less like the event than LINK stays apart.
    far = LINK - 0.1
    loose = {"budget": far, "veto": math.sqrt(1 - far * far)}
    assert gather([*event, loose, loose, other, other], days, event_of) == event_of
    # A group of SPLIT_MIN articles is an event of its own (splitting leaves such groups).
    three = [*event, pair, pair, pair, other]
    assert gather(three, days, [0, 0, 0, 0, 1, 1, 1, 2]) == [0, 0, 0, 0, 1, 1, 1, 2]
    # A pair joins a larger group only: two pairs alike stay as they are.
    assert gather([pair, pair, {"budget": 1.0}, {"budget": 1.0}], [0, 0, 0, 0], [0, 0, 1, 1]) == [0, 0, 1, 1]


def test_issue_23_grouping_leaves_out_the_prompts_every_page_of_a_site_prints(tmp_path: Path) -> None:
    # Two unrelated stories from one site open with its newsletter prompt; counted as words,
    # the prompt made them look alike.
    from briefgen.text.words import term

    prompt = ("Breaking news emails get breaking news alerts and special reports. "
              "The news and stories that matter, delivered weekday mornings.\n\n")
    items = []
    for name, (date, _, body) in UNRELATED.items():
        path = tmp_path / name
        path.write_text(f"---\ndate: {date}\n---\n\n{prompt}{body}\n", encoding="utf-8")
        items.append((str(path), ()))
    arts = [a for a in featurize(items) if isinstance(a, Article)]
    assert len(arts) == 2
    for a in arts:
        terms = set(a.terms.split())
        assert term("alerts") not in terms and term("weekday") not in terms
    assert term("orchards") in arts[1].terms.split() or term("orchards") in arts[0].terms.split()


def test_issue_23_a_web_archives_page_has_no_prose_and_joins_no_event(tmp_path: Path) -> None:
    # A scraper kept the archive's notes in place of the article: nothing of it is news, and the
    # grouping gives it no words (two such pages are not one event), nor does it fail on them.
    note = ("These crawls are part of an effort to archive pages as they are created and archive the "
            "pages that they refer to. The goal is to fix all broken links on the web. Crawls of "
            "supported \"no more 404\" sites.\n")
    items = []
    for k in range(2):
        path = tmp_path / f"page{k}.md"
        path.write_text(f"---\ndate: 2026-03-0{k + 1}\n---\n\n{note}", encoding="utf-8")
        items.append((str(path), ()))
    pages = [a for a in featurize(items) if isinstance(a, Article)]
    assert [a.terms for a in pages] == ["", ""]
    from briefgen.digest.group import _candidates, _vectors

    assert _candidates(pages, _vectors(pages), [a.day for a in pages], 60)[1] == [[], []]  # no copies
    arts = [_article(f"fire{n}", f"2026-03-0{n}", FIRE.format(n=n * 11)) for n in range(1, 4)] + pages
    events = sorted(sorted(e) for e in link(group_partition(partitions(arts)[0])))
    assert ["fire1", "fire2", "fire3"] in events
    assert [str(tmp_path / "page0.md")] in events and [str(tmp_path / "page1.md")] in events
