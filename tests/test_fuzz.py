"""Random text through the whole pipeline: a memo python-docx reopens, or one definite error.

Hypothesis makes article-like texts from real seed sentences, random Unicode
(control characters included), lines of punctuation and very long tokens; each
run goes from sources to a .docx. When cleaning and splitting leave at least
one sentence there must be a memo; otherwise the one acceptable outcome is
:class:`InputError` saying no article sentences were found.
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from briefgen.errors import BriefgenError, InputError
from briefgen.model import Briefing, Source
from briefgen.pipeline import build_briefing
from briefgen.render.layout import clean_text, sentence_case
from briefgen.render.memo import docx_bytes
from briefgen.resources import seeds_dir
from briefgen.sources.clean import clean
from briefgen.sources.load import load_sources
from briefgen.text.sentences import segment

# Prose paragraphs of each seed article, in order.
SEED_PARAGRAPHS = [
    [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
     if len(line.strip()) >= 60 and line.strip()[0].isupper() and line.strip().endswith(".")]
    for path in sorted(seeds_dir().glob("*.txt"))
]
SEED_SENTENCES = sorted({p for paras in SEED_PARAGRAPHS for p in paras})
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SETTINGS = settings(max_examples=30, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Any code point but surrogates, which no file can hold; control characters included.
junk = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
punctuation = st.text(st.sampled_from(list(".,;:!?-\u2014\u2026\"'()[]*#|/\\\u201c\u201d")), min_size=1,
                      max_size=80)
long_token = st.builds(lambda c, n: c * n, st.sampled_from(["x", "\u6f22", "\U0001f41f", "-", "a."]),
                       st.integers(1_000, 10_000))
seed_sentence = st.sampled_from(SEED_SENTENCES)
mangled = st.builds(lambda s, pos, ins: s[:pos] + ins + s[pos:], seed_sentence, st.integers(0, 400), junk)
piece = st.one_of(seed_sentence, seed_sentence, mangled, junk, punctuation, long_token)
separator = st.sampled_from(["\n", "\n\n", " ", "\r\n", "\t", "\x0c", "\u2028", "\x85"])


@st.composite
def article(draw: st.DrawFn) -> str:
    parts = draw(st.lists(piece, min_size=1, max_size=14))
    seps = draw(st.lists(separator, min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps, strict=True))


@st.composite
def sources(draw: st.DrawFn) -> list[Source]:
    texts = draw(st.lists(article(), min_size=1, max_size=3))
    # Titles over 255 characters have their own case in test_badinput.py.
    meta = st.one_of(st.just(""), junk, seed_sentence).map(lambda m: m[:200])
    dates = st.sampled_from([None, "2026-01-13", "13/01/2026", "garbage"])
    urls = st.sampled_from([None, "https://example.com/a?b=1&c=<2>", "not a url"])
    return [Source(id=f"s{i}", origin=f"article-{i}.txt", text=t, outlet=draw(meta) or f"Outlet {i}",
                   title=draw(meta), date=draw(dates), url=draw(urls))
            for i, t in enumerate(texts, 1)]


def folded(text: str) -> str:
    return " ".join(text.split())


def body_text(data: bytes) -> str:
    """The memo's body text, white space folded; python-docx must reopen the file."""
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return folded("".join(t.text or "" for t in root.iter(f"{W}t")))


def has_sentences(srcs: list[Source]) -> bool:
    """Whether cleaning and splitting leave any sentence: then a memo must come, else a clear error."""
    cleaned = clean(srcs)
    return any(segment(src, cleaned.blocks.get(src.id, ())) for src in srcs)


def check_memo(briefing: Briefing) -> None:
    """Every printed fact is verbatim from its source and reaches the .docx cleaned (its first letter set
    as a capital when its first word is in lower case)."""
    text = body_text(docx_bytes(briefing))
    for fact in (*briefing.bluf, *briefing.facts):
        src = briefing.source(fact.representative.source_id)
        assert folded(fact.text) in folded(src.text)
        assert folded(sentence_case(clean_text(fact.text))) in text
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", text)


@SETTINGS
@given(sources())
def test_random_articles_give_a_memo_or_a_clear_error(srcs: list[Source]) -> None:
    if not has_sentences(srcs):
        with pytest.raises(InputError, match="no article sentences found"):
            build_briefing(sources=srcs)
        return
    briefing = build_briefing(sources=srcs)
    # Every source is a source of the memo or listed as not used, with its reason (a page with no
    # article sentence, a story on another event).
    used = {s.origin for s in briefing.sources}
    unused = {s.origin for s in briefing.skipped}
    assert used | unused == {s.origin for s in srcs} and not used & unused and used
    check_memo(briefing)


@st.composite
def seed_run(draw: st.DrawFn) -> list[str]:
    """Six to twelve consecutive prose paragraphs of one seed article."""
    paras = draw(st.sampled_from(SEED_PARAGRAPHS))
    size = draw(st.integers(6, min(12, len(paras))))
    start = draw(st.integers(0, len(paras) - size))
    return paras[start:start + size]


@SETTINGS
@given(seed_run(), junk, st.integers(0, 12))
def test_seed_sentences_survive_junk_around_them(sentences: list[str], noise: str, where: int) -> None:
    """A run of real article paragraphs with junk among them still makes a memo quoting them."""
    parts = list(sentences)
    parts.insert(min(where, len(parts)), noise)
    briefing = build_briefing(sources=[Source(id="s1", origin="a.txt", text="\n\n".join(parts),
                                              outlet="Outlet", title="Title")])
    check_memo(briefing)
    assert any(folded(f.text) in folded(s) for f in briefing.bluf for s in sentences)


suffixes = st.sampled_from([".txt", ".md", ".html", ".docx"])
encodings = st.sampled_from(["utf-16-le", "utf-16", "cp1252", "latin-1", "utf-32", "euc-kr"])
raw_bytes = st.one_of(
    st.binary(max_size=400),
    article().map(lambda t: t.encode("utf-8", "replace")),
    st.tuples(article(), encodings).map(lambda te: te[0].encode(te[1], "replace")),
    article().map(lambda t: f"<html><body><article><p>{t}</p></article></body></html>".encode("utf-8",
                                                                                              "replace")),
)


@SETTINGS
@given(st.lists(st.tuples(suffixes, raw_bytes), min_size=1, max_size=3))
def test_random_files_read_or_skip(files: list[tuple[str, bytes]]) -> None:
    """Random bytes under each file type are read, or skipped with a reason; never anything else."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, (suffix, data) in enumerate(files):
            path = Path(tmp) / f"input-{i}{suffix}"
            path.write_bytes(data)
            paths.append(path)
        before = [p.read_bytes() for p in paths]
        try:
            found, skipped = load_sources(paths)
        except BriefgenError as exc:
            assert "no usable sources" in str(exc)
            found, skipped = [], []
        else:
            assert len(found) + len(skipped) == len(paths)
            assert all(s.reason for s in skipped)
            assert all(s.text.strip() for s in found)
        assert [p.read_bytes() for p in paths] == before
        if found and has_sentences(found):
            check_memo(build_briefing(sources=found))
        elif found:
            with pytest.raises(InputError, match="no article sentences found"):
                build_briefing(sources=found)
