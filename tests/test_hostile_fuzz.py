"""Properties over random manifests, front matter, templates and citations (issue 22).

Hypothesis builds them from the pieces attackers use: paths that leave the
folder (``..``, absolute paths, links), NUL and over-long names, named pipes,
dates that do not exist, YAML anchors, aliases, tags and deep nesting, TOML
oddities, and Jinja fragments (loops, macros, calls, includes, filters). Each
run, in process, must end quickly in a result or a
:class:`~briefgen.errors.BriefgenError` with a one-line message, and no byte of
a file outside the folder may reach a source.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.config import load_template
from briefgen.errors import BriefgenError
from briefgen.model import Source
from briefgen.render.citation import MAX_OUTPUT, check_citation, cite
from briefgen.resources import seeds_dir
from briefgen.sources.files import resolved
from briefgen.sources.load import load_sources
from briefgen.sources.readers import read_bytes

SECRET = "SECRET-9c1e-NEVER-QUOTE"
SEED_TEXT = (seeds_dir() / "alojapan-2026-01-13-nara-summit-relations.txt").read_text(encoding="utf-8")
# BRIEFGEN_FUZZ_EXAMPLES=5000 runs a longer, random search (the suite's own run is fixed and short).
_LONG = int(os.environ.get("BRIEFGEN_FUZZ_EXAMPLES", "0"))
SETTINGS = settings(max_examples=_LONG or 60, deadline=None, derandomize=not _LONG,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])
SECONDS = 10.0  # each example, well inside the 60 s bar

junk = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
file_names = st.one_of(
    st.sampled_from(["story.txt", "./story.txt", "sub/../story.txt", "../secret/key.txt", "../../etc/passwd",
                     "{secret}/key.txt", "link-out.txt", "pipe.txt", "loop.txt", "missing.txt", "/dev/zero",
                     "bad\x00name.txt", "x" * 300 + ".txt", "", "-", "*.txt", "**/*.txt", "~root/x.txt",
                     "http://127.0.0.1/x", "STORY.TXT", "story.txt/", "sub", "sub/../../secret/key.txt"]),
    junk,
)
dates = st.sampled_from(["2026-01-13", "2026-02-30", "2026-13-45", "0000-00-00", "13/01/2026", "yesterday",
                         "", "2026-01-13T25:61:00", "99999-01-01"])
values = st.one_of(junk, dates, st.integers(-10**30, 10**30), st.booleans(), st.none(),
                   st.lists(junk, max_size=3))
rows = st.lists(st.fixed_dictionaries({"file": file_names}, optional={
    "outlet": values, "title": values, "date": values, "url": st.sampled_from(
        ["http://127.0.0.1:9/x", "http://[::1]/", "https://example.com/a", "file:///etc/passwd", "junk"]),
    "author": values}), max_size=6)

yaml_pieces = st.sampled_from([
    "a: &a [x, x, x, x, x, x, x, x, x, x]\n", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n",
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n", "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
    "title: *a\n", "date: 2026-02-30\n", "date: 2026-01-13\n", "date: 2026-01-13 10:00:00\n",
    "outlet: !!python/object/apply:os.system ['echo pwned']\n", "x: !!binary aGVsbG8=\n",
    "y: " + "[" * 200 + "]" * 200 + "\n", "z: " + "{a: " * 100 + "1" + "}" * 100 + "\n",
    "n: " + "9" * 5000 + "\n", "- file: story.txt\n", "sources:\n  - file: story.txt\n    outlet: *a\n",
    "<<: *a\n", "? [a, b]\n: c\n", "'unclosed\n", "key: value\n", "%YAML 1.1\n", "--- !!set\n",
    "title: [unclosed\n", "title: \"\\u0000\"\n", "\t- tab\n",
])
yaml_texts = st.lists(yaml_pieces, max_size=6).map("".join)


@pytest.fixture
def folder() -> Path:
    """A received folder with a story, links out, a pipe and a loop; a secret beside it."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "secret").mkdir()
        (root / "secret" / "key.txt").write_text(f"The key {SECRET} opens the vault.\n" * 5, encoding="utf-8")
        inp = root / "in"
        (inp / "sub").mkdir(parents=True)
        (inp / "story.txt").write_text(SEED_TEXT, encoding="utf-8")
        os.symlink(root / "secret" / "key.txt", inp / "link-out.txt")
        os.symlink("loop.txt", inp / "loop.txt")
        os.mkfifo(inp / "pipe.txt")
        yield inp


def _manifest(folder: Path, kind: str, entries: list[dict[str, object]]) -> Path:
    secret = str(folder.parent / "secret")
    entries = [{**e, "file": str(e["file"]).replace("{secret}", secret)} for e in entries]
    path = folder / f"manifest.{kind}"
    if kind == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, ["file", "outlet", "title", "date", "url", "author"])
        writer.writeheader()
        writer.writerows(entries)
        path.write_text(buf.getvalue(), encoding="utf-8", errors="surrogatepass")
    elif kind == "yaml":
        path.write_text(json.dumps(entries, default=str), encoding="utf-8")  # JSON is YAML
    else:
        lines = []
        for e in entries:
            lines.append("[[source]]")
            lines.extend(f"{k} = {json.dumps(v if isinstance(v, str) else str(v))}" for k, v in e.items()
                         if v is not None)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    return path


def _reads_only_inside(folder: Path, path: Path) -> None:
    """Loading manifest ``path`` ends in time, in sources or one error, none quoting outside ``folder``."""
    start = time.monotonic()
    try:
        sources, _ = load_sources([path])
    except BriefgenError as exc:
        assert str(exc)  # the command line prints it on one line, control characters escaped
        sources = []
    assert time.monotonic() - start < SECONDS
    _no_secret_and_inside(folder, sources)


def _no_secret_and_inside(folder: Path, sources: list[Source]) -> None:
    for src in sources:
        assert SECRET not in src.text and SECRET not in src.title
        assert Path(resolved(src.origin)).is_relative_to(resolved(folder)), src.origin


@SETTINGS
@given(st.sampled_from(["csv", "yaml", "toml"]), rows)
def test_random_manifests_read_only_inside_their_folder(folder: Path, kind: str,
                                                        entries: list[dict[str, object]]) -> None:
    path = _manifest(folder, kind, entries)
    _reads_only_inside(folder, path)


@SETTINGS
@given(yaml_texts)
def test_random_yaml_manifests(folder: Path, text: str) -> None:
    path = folder / "manifest.yaml"
    path.write_text(text, encoding="utf-8")
    _reads_only_inside(folder, path)


@SETTINGS
@given(yaml_texts)
def test_random_front_matter(text: str) -> None:
    data = ("---\n" + text + "---\n" + SEED_TEXT).encode("utf-8")
    start = time.monotonic()
    try:
        doc = read_bytes(data, "story.md", "markdown")
    except BriefgenError as exc:
        assert str(exc).startswith("story.md: ")
    else:
        assert all(isinstance(v, str) and len(v) <= 2000 for v in doc.meta.values())
    assert time.monotonic() - start < SECONDS


jinja_pieces = st.sampled_from([
    "{{ outlet }}", "{{ title }}", "{{ date }}", "{{ url }}", "{{ author }}", ", ", "\u201c", "\u201d", ".",
    "{% if date %}", "{% if url %}", "{% else %}", "{% endif %}", "{% for x in title %}", "{% endfor %}",
    "{{ title|upper }}", "{{ title|truncate(10) }}", "{{ title|replace('a', title) }}", "{{ title[:5] }}",
    "{{ title ~ outlet }}", "{{ title + outlet }}", "{{ 1 / 0 }}", "{{ 10 ** 10 ** 10 }}",
    "{{ 'x' * 10**9 }}",
    "{{ range(10**6)|list }}", "{{ lipsum(n=10**7) }}", "{{ cycler }}", "{{ cycler|string }}",
    "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "{% include 'x' %}", "{% import 'x' as y %}",
    "{% extends 'x' %}", "{% set s = title ~ title %}{{ s }}", "{{ title.__class__ }}",
    "{{ title['upper'] }}",
    "{{ title|center(10**9) }}", "{{ title|wordwrap(1) }}", "{{ [1, 2] }}", "{{ nothing }}", "{{ loop }}",
    "{{ title < 3 }}", "{{ title is divisibleby 0 }}", "{{ title|e|e }}", "{{ (((title))) }}", "{{", "}}",
    "{%", "%}", "{# comment #}", "{{ title|default('none') }}", "{{ title|int }}", "{{ -title }}",
])
citations = st.lists(jinja_pieces, max_size=8).map("".join)
titles = st.one_of(st.just("Lee and Takaichi meet in Nara"), junk, st.just("x" * 1900),
                   st.just("a " * 900 + "."))


@SETTINGS
@given(citations, titles)
def test_random_citations_end_quickly_in_text_or_one_line(citation: str, title: str) -> None:
    start = time.monotonic()
    problem = check_citation(citation)
    if problem is not None:
        assert "\n" not in problem
        return
    source = Source(id="s1", origin="story.txt", text="", outlet="Yonhap", title=title, date="2026-01-13")
    try:
        text = cite(source, citation, "house")
    except BriefgenError as exc:
        assert "\n" not in str(exc) and "story.txt" in str(exc)
    else:
        assert len(text) <= MAX_OUTPUT and " at 0x" not in text  # no object's repr, with its address
    assert time.monotonic() - start < SECONDS


toml_values = st.one_of(
    st.sampled_from(['"default"', '"nothing"', '"../secret/key.txt"', '"/dev/zero"', '"pipe.toml"',
                     '"self.toml"', "2026-02-30", "2026-01-13", "[" * 300 + "]" * 300, "1e999", "-0",
                     "true", '"\\u0000"',
                     '"""multi\nline"""', "{ a = 1 }", "[1, 'a']"]),
    citations.map(json.dumps),
    junk.map(json.dumps),
)
toml_keys = st.sampled_from(["extends", "name", "citation", "reference_docx", "method", "description",
                             "colour", "[memo]\ndate", "[memo]\ndate_format", "[bluf]\nwords",
                             "[[sections]]\nkey", "[[sections]]\nkeywords", "[labels]\npage"])
template_texts = st.one_of(
    st.lists(st.tuples(toml_keys, toml_values), max_size=6).map(
        lambda kv: "\n".join(f"{k} = {v}" for k, v in kv) + "\n"),
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
)


@SETTINGS
@given(template_texts)
def test_random_templates_load_or_fail_in_one_line(folder: Path, text: str) -> None:
    path = folder / "self.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    if not (folder / "pipe.toml").exists():
        os.mkfifo(folder / "pipe.toml")
    start = time.monotonic()
    try:
        template = load_template(path)
    except BriefgenError as exc:
        assert str(exc).startswith(str(folder))  # the template, or the file in its folder it extends
    else:
        source = Source(id="s1", origin="story.txt", text="", outlet="Yonhap", title="Lee meets Takaichi")
        try:
            assert len(cite(source, template.citation)) <= MAX_OUTPUT
        except BriefgenError as exc:
            assert "\n" not in str(exc)
    assert time.monotonic() - start < SECONDS
