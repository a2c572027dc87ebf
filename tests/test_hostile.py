"""Hostile input, through the installed command (issue 22): no hang, no data loss, no traversal.

Every case runs the ``briefgen`` console script in a subprocess with a time
limit, in a folder laid out as an attacker's parcel would be: ``in/`` holds
what was received, ``out/`` an old memo, ``secret/`` files nobody named. Each
run must keep the same promises (:func:`promises`): it ends within the time
limit, with a memo (exit 0) or with exactly one ``briefgen: error:`` line
naming the file (exit 2); never "internal error" or a traceback; no file
written or changed but the named output, no temporary file left; no byte of
``secret/`` in any output. Each test then asserts the one outcome its case
must have.

Bad input handled in process (the older catalogue) is in test_badinput.py;
properties over random manifests, front matter and templates are in
test_hostile_fuzz.py.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import docx
import pytest
from conftest import QuietHandler, live_processes, local_http, raw_http, reader_leaves

from briefgen.resources import seeds_dir

pytestmark = pytest.mark.installed

SCRIPT = Path(sys.executable).with_name("briefgen")
ROOT = Path(__file__).resolve().parent.parent
LIMIT = 60  # seconds: the bar for every case
SEED = seeds_dir() / "alojapan-2026-01-13-nara-summit-relations.txt"
SEED2 = seeds_dir() / "yonhap-2026-01-14-lee-japan-visit-wrap.txt"
SECRET = "SECRET-7f3a-DO-NOT-QUOTE"
SECRET_TEXT = (f"Credentials for the vault {SECRET} were issued on Monday to the finance ministry.\n\n"
               f"The ministry said the keys {SECRET} would be rotated every month from now on.\n")
OLD_MEMO = b"old memo, must survive a failed run"
ERROR = re.compile(r"^briefgen: error: .+\n\Z")


# --------------------------------------------------------------------------
# The parcel, the run and the promises
# --------------------------------------------------------------------------


@dataclass
class Parcel:
    """``in/`` (received), ``out/`` (an old memo), ``secret/`` (named by nobody)."""

    root: Path
    before: dict[str, tuple[str, int]] = field(default_factory=dict)

    @property
    def inp(self) -> Path:
        return self.root / "in"

    @property
    def out(self) -> Path:
        return self.root / "out"

    @property
    def secret(self) -> Path:
        return self.root / "secret"

    @property
    def memo(self) -> Path:
        return self.out / "memo.md"

    def snapshot(self) -> dict[str, tuple[str, int]]:
        """Content and time of every regular file but the outputs (walked without recursion)."""
        found = {}
        todo = [str(self.root)]
        while todo:
            here = todo.pop()
            for entry in os.scandir(here):
                if entry.is_dir(follow_symlinks=False):
                    todo.append(entry.path)
                elif entry.is_file(follow_symlinks=False) and Path(entry.path).parent != self.out:
                    with open(entry.path, "rb") as fh:
                        digest = hashlib.sha256(fh.read()).hexdigest()
                    found[os.path.relpath(entry.path, self.root)] = (digest, entry.stat().st_mtime_ns)
        return found


@pytest.fixture
def parcel(tmp_path: Path) -> Parcel:
    p = Parcel(tmp_path)
    for d in (p.inp, p.out, p.secret):
        d.mkdir()
    (p.secret / "credentials.txt").write_text(SECRET_TEXT, encoding="utf-8")
    (p.secret / "credentials").write_text(SECRET_TEXT, encoding="utf-8")
    p.memo.write_bytes(OLD_MEMO)
    return p


@dataclass
class Result:
    code: int
    out: str
    err: str
    seconds: float


def briefgen(*args: str, cwd: Path, stdin: bytes | None = None, timeout: float = LIMIT,
             **kw: object) -> Result:
    """Run the installed console script; a run past ``timeout`` fails the test as a hang."""
    assert SCRIPT.exists(), f"the briefgen console script is not installed next to {sys.executable}"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(kw.pop("env", {}))  # type: ignore[call-overload]
    start = time.monotonic()
    try:
        proc = subprocess.run([str(SCRIPT), *args], cwd=cwd, env=env, input=stdin, capture_output=True,
                              timeout=timeout, **kw)  # type: ignore[call-overload]
    except subprocess.TimeoutExpired:
        pytest.fail(f"briefgen {' '.join(args)[:200]} still running after {timeout} s")
    return Result(proc.returncode, proc.stdout.decode("utf-8", "replace"),
                  proc.stderr.decode("utf-8", "replace"), time.monotonic() - start)


def promises(parcel: Parcel, result: Result, *outputs: Path) -> None:
    """What every run keeps, whatever its input."""
    assert "internal error" not in result.err and "Traceback" not in result.err, result.err
    assert result.code in (0, 2), (result.code, result.err)
    assert parcel.snapshot() == parcel.before, "a file other than the named output was written or changed"
    names = sorted(p.name for p in parcel.out.iterdir())
    assert not [n for n in names if n.endswith(".tmp")], f"temporary file left: {names}"
    assert SECRET not in result.out and SECRET not in result.err
    for out in outputs:
        if out.exists() and out.is_file():
            assert SECRET.encode() not in out.read_bytes(), f"{out.name} quotes a file nobody named"
    if result.code == 2:
        assert ERROR.match(result.err), f"not one error line: {result.err!r}"
        assert parcel.memo.read_bytes() == OLD_MEMO


def build(parcel: Parcel, *args: str | Path, output: Path | None = None, **kw: object) -> Result:
    """``briefgen -q build OUTPUT ARGS`` in ``parcel.root``, with every promise checked."""
    target = output or parcel.memo
    parcel.before = parcel.snapshot()
    result = briefgen("-q", "build", str(target), *map(str, args), cwd=parcel.root, **kw)
    promises(parcel, result, target)
    return result


def run(parcel: Parcel, *args: str | Path, **kw: object) -> Result:
    """Another command (sources, inspect, summarize) with every promise checked."""
    parcel.before = parcel.snapshot()
    result = briefgen(*map(str, args), cwd=parcel.root, **kw)
    promises(parcel, result)
    return result


def good(parcel: Parcel, name: str = "story.txt", seed: Path = SEED) -> Path:
    path = parcel.inp / name
    shutil.copyfile(seed, path)
    return path


def memo_of(parcel: Parcel) -> str:
    text = parcel.memo.read_text(encoding="utf-8")
    assert text.startswith("# MEMORANDUM"), text[:200]
    return text


# --------------------------------------------------------------------------
# Data loss: nothing briefgen read or consulted is written over
# --------------------------------------------------------------------------


def test_skipped_input_in_the_folder_is_not_written_over(parcel: Parcel) -> None:
    good(parcel)
    draft = parcel.inp / "draft.docx"
    draft.write_bytes(b"not a Word file, but the user's draft")
    result = build(parcel, parcel.inp, output=draft)
    assert result.code == 2 and "draft.docx" in result.err and "refusing to write over" in result.err


def test_manifest_is_not_written_over(parcel: Parcel) -> None:
    good(parcel)
    manifest = parcel.inp / "sources.csv"
    manifest.write_text("file,outlet\nstory.txt,Alo Japan\n", encoding="utf-8")
    result = build(parcel, "-f", "docx", parcel.inp / "story.txt", "--manifest", manifest, output=manifest)
    assert result.code == 2 and "sources.csv" in result.err and "refusing to write over" in result.err


def test_template_and_its_reference_are_not_written_over(parcel: Parcel) -> None:
    good(parcel)
    reference = parcel.root / "house.docx"
    shutil.copyfile(ROOT / "templates" / "reference.docx", reference)
    template = parcel.root / "house.toml"
    template.write_text('extends = "default"\nreference_docx = "house.docx"\n', encoding="utf-8")
    for target in (template, reference):
        result = build(parcel, "-f", "docx", parcel.inp / "story.txt", "--template", template, output=target)
        assert result.code == 2 and target.name in result.err and "refusing to write over" in result.err


@pytest.mark.parametrize("how", ["outlets", "auto"])
def test_the_user_template_folder_is_not_written_over(parcel: Parcel, how: str) -> None:
    """Every run consults the user's outlets.toml, and with --template auto every user template."""
    story = good(parcel)
    folder = parcel.root / "my-templates"
    folder.mkdir()
    outlets = folder / "outlets.toml"
    outlets.write_text('[[outlet]]\nname = "Nara Shimbun"\ndomains = ["nara-np.co.jp"]\n', encoding="utf-8")
    mine = folder / "mine.toml"
    mine.write_text('extends = "default"\nname = "mine"\n', encoding="utf-8")
    target, extra = (outlets, ()) if how == "outlets" else (mine, ("--template", "auto"))
    before = target.read_bytes()
    result = build(parcel, "-f", "md", story, *extra, output=target, env={"BRIEFGEN_TEMPLATES": str(folder)})
    assert result.code == 2 and target.name in result.err and "refusing to write over" in result.err
    assert target.read_bytes() == before
    # A memo beside the folder is fine, and the table still loads.
    assert build(parcel, "-f", "md", story, output=parcel.out / "memo.md",
                 env={"BRIEFGEN_TEMPLATES": str(folder)}).code == 0


def test_input_reached_by_another_spelling_is_not_written_over(parcel: Parcel) -> None:
    story = good(parcel)
    os.link(story, parcel.out / "hard-link.md")
    os.symlink(story, parcel.out / "soft-link.md")
    for spelling in (parcel.out / "hard-link.md", parcel.out / "soft-link.md",
                     parcel.inp / ".." / "in" / "story.txt"):
        result = build(parcel, "-f", "md", story, output=spelling)
        assert result.code == 2 and "refusing to write over an input" in result.err
    assert story.read_bytes() == SEED.read_bytes()


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_signal_while_the_memo_is_written_leaves_no_temporary_file(parcel: Parcel, signame: str) -> None:
    """The signal arrives between creating the temporary file and renaming it: it waits for the rename."""
    good(parcel)
    code = (
        "import os, signal, sys\n"
        # As at a terminal: a shell's background job starts with Ctrl-C ignored.
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "real = os.fsync\n"
        "def fsync(fd):\n"
        f"    os.kill(os.getpid(), signal.{signame})\n"
        "    real(fd)\n"
        "os.fsync = fsync\n"
        "from briefgen.cli import main\n"
        "main()\n"
    )
    parcel.before = parcel.snapshot()
    proc = subprocess.run([sys.executable, "-c", code, "-q", "build", str(parcel.memo), str(parcel.inp)],
                          cwd=parcel.root, capture_output=True, text=True, timeout=LIMIT)
    expected = {"SIGTERM": -signal.SIGTERM, "SIGHUP": -signal.SIGHUP, "SIGINT": 130}[signame]
    assert proc.returncode == expected, proc.stderr
    assert sorted(p.name for p in parcel.out.iterdir()) == ["memo.md"]
    assert memo_of(parcel)  # held until the rename: the new memo is whole
    assert parcel.snapshot() == parcel.before


def test_sigterm_at_any_moment_leaves_no_temporary_file(parcel: Parcel) -> None:
    good(parcel)
    for delay in (0.5, 1.5, 2.5):
        proc = subprocess.Popen([str(SCRIPT), "-q", "build", str(parcel.memo), str(parcel.inp)],
                                cwd=parcel.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=LIMIT)
        assert [p.name for p in parcel.out.iterdir()] == ["memo.md"]


def _children(pid: int) -> set[int]:
    """Live processes whose parent is ``pid``."""
    return {child for child, parent in live_processes().items() if parent == pid}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_killed_build_leaves_no_worker_process(parcel: Parcel, signame: str) -> None:
    """A large build reads on worker processes; killing the build ends them too."""
    seeds = sorted(seeds_dir().glob("*.txt"))
    for i in range(240):  # past briefgen.parallel.THRESHOLD
        good(parcel, f"story-{i:03d}.txt", seeds[i % len(seeds)])
    proc = subprocess.Popen([str(SCRIPT), "-q", "build", str(parcel.memo), str(parcel.inp)], cwd=parcel.root,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "BRIEFGEN_WORKERS": "2"})
    deadline = time.monotonic() + LIMIT
    workers: set[int] = set()
    while not workers and proc.poll() is None and time.monotonic() < deadline:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert workers, "the build never started its worker processes"
    proc.send_signal(getattr(signal, signame))
    assert proc.wait(timeout=LIMIT) == -getattr(signal, signame)
    deadline = time.monotonic() + 10
    while workers and time.monotonic() < deadline:
        workers &= live_processes().keys()
        time.sleep(0.1)
    assert not workers, f"worker processes {sorted(workers)} outlived the build"
    assert parcel.memo.read_bytes() == OLD_MEMO


# --------------------------------------------------------------------------
# Reading what nobody named
# --------------------------------------------------------------------------


def test_link_in_a_received_folder_to_a_secret_is_not_read(parcel: Parcel) -> None:
    good(parcel)
    os.symlink(Path("..") / "secret" / "credentials.txt", parcel.inp / "notes.txt")
    os.symlink(Path("..") / "secret", parcel.inp / "more")
    result = build(parcel, parcel.inp)
    assert result.code == 0 and "Credentials" not in memo_of(parcel)


@pytest.mark.parametrize("row", ["../secret/credentials", "{secret}/credentials.txt", "/etc/hostname",
                                 "link-out.txt", "in/../../secret/credentials.txt"])
def test_manifest_naming_a_file_outside_its_folder_is_refused(parcel: Parcel, row: str) -> None:
    good(parcel)
    os.symlink(parcel.secret / "credentials.txt", parcel.inp / "link-out.txt")
    manifest = parcel.inp / "manifest.csv"
    manifest.write_text(f"file,outlet\nstory.txt,Alo Japan\n{row.format(secret=parcel.secret)},Leak\n",
                        encoding="utf-8")
    result = build(parcel, "--strict", manifest)
    assert result.code == 2 and "outside the folder of manifest.csv" in result.err
    result = build(parcel, manifest)
    assert result.code == 0 and "Alo Japan" in memo_of(parcel)


def test_explicit_option_reads_a_file_outside_the_manifest_folder(parcel: Parcel) -> None:
    manifest = parcel.inp / "manifest.csv"
    manifest.write_text(f"file,outlet\n{SEED2},Yonhap\n", encoding="utf-8")
    result = build(parcel, manifest, "--allow-outside-files")
    assert result.code == 0 and "Yonhap" in memo_of(parcel)


def test_manifest_may_name_files_in_the_folders_given(parcel: Parcel) -> None:
    other = parcel.root / "other"
    other.mkdir()
    shutil.copyfile(SEED2, other / "wire.txt")
    manifest = parcel.inp / "manifest.csv"
    manifest.write_text("file,outlet\n../other/wire.txt,Yonhap\n", encoding="utf-8")
    result = build(parcel, manifest, other)
    assert result.code == 0 and "Yonhap" in memo_of(parcel)


def test_manifest_alone_briefs_its_sources(parcel: Parcel) -> None:
    good(parcel)
    manifest = parcel.inp / "list.csv"
    manifest.write_text("file,outlet\nstory.txt,Listed Outlet\n", encoding="utf-8")
    result = build(parcel, "--manifest", manifest)
    assert result.code == 0
    text = memo_of(parcel)
    assert "Listed Outlet" in text and "Yonhap" not in text
    listed = run(parcel, "sources", "--format", "json", "--manifest", manifest)
    assert listed.code == 0 and listed.out.count('"origin"') == 1


def test_glob_over_links_to_the_folder_itself_ends(parcel: Parcel) -> None:
    good(parcel)
    os.symlink(".", parcel.inp / "a")
    os.symlink(".", parcel.inp / "b")
    os.symlink(parcel.secret, parcel.inp / "c")
    result = build(parcel, str(parcel.inp / "**" / "*.txt"))
    assert result.code == 0 and result.seconds < LIMIT
    assert "Credentials" not in memo_of(parcel)


# --------------------------------------------------------------------------
# URLs: loopback, private and link-local addresses in every spelling
# --------------------------------------------------------------------------


class _Page(QuietHandler):
    hits: list[tuple[str, str]]

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self.hits.append((self.path, self.headers.get("Authorization", "")))
        if self.path.startswith("/to-file"):
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_text(SEED2.read_bytes())


@pytest.fixture
def page() -> Iterator[tuple[int, list[tuple[str, str]]]]:
    hits: list[tuple[str, str]] = []
    with local_http(type("H", (_Page,), {"hits": hits})) as port:
        yield port, hits


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "2130706433", "0x7f.1", "0177.0.0.1", "127.1",
                                  "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "0.0.0.0", "[::]"])
def test_loopback_in_any_spelling_is_refused(parcel: Parcel, page: tuple[int, list[tuple[str, str]]],
                                             host: str) -> None:
    port, hits = page
    result = build(parcel, f"http://{host}:{port}/story")
    assert result.code == 2 and "non-public address" in result.err and "--allow-private-urls" in result.err
    assert hits == []


def test_loopback_with_the_option_is_fetched(parcel: Parcel, page: tuple[int, list[tuple[str, str]]]) -> None:
    port, hits = page
    result = build(parcel, f"http://127.0.0.1:{port}/story", "--allow-private-urls")
    assert result.code == 0 and "Lee" in memo_of(parcel)
    assert [h[0] for h in hits] == ["/story"]


def test_redirect_to_a_file_url_is_refused(parcel: Parcel, page: tuple[int, list[tuple[str, str]]]) -> None:
    # Each hop is checked again (a redirect to a private address: see test_fetch.py, in process).
    port, hits = page
    result = build(parcel, "--allow-private-urls", f"http://127.0.0.1:{port}/to-file")
    assert result.code == 2 and "redirected to a non-HTTP address 'file:///etc/passwd'" in result.err
    assert [h[0] for h in hits] == ["/to-file"]


def test_password_in_a_url_is_never_printed(parcel: Parcel, page: tuple[int, list[tuple[str, str]]]) -> None:
    port, hits = page
    url = f"http://reader:hunter2@127.0.0.1:{port}/story"
    refused = build(parcel, url)
    assert refused.code == 2 and "hunter2" not in refused.err and "http://***@127.0.0.1" in refused.err
    fetched = build(parcel, url, "--allow-private-urls")
    assert fetched.code == 0 and "hunter2" not in memo_of(parcel) and "hunter2" not in fetched.err
    assert hits[-1][1].startswith("Basic ")


def test_long_url_error_keeps_the_problem_visible(parcel: Parcel) -> None:
    url = "http://10.0.0.1/" + "a" * 2000 + "/story.html"
    result = build(parcel, url)
    assert result.code == 2 and len(result.err) < 600
    assert result.err.rstrip().endswith("--allow-private-urls fetches it")
    assert "story.html" in result.err


@pytest.mark.parametrize(("url", "words"), [
    ("http://example.com:99999/x", "not a valid URL"),
    ("http://[::1/x", "not a valid URL"),
    ("gopher://example.com/", "only http:// and https://"),
    ("file:///etc/passwd", "only http:// and https://"),
])
def test_malformed_urls_are_one_line(parcel: Parcel, url: str, words: str) -> None:
    result = build(parcel, url)
    assert result.code == 2 and words in result.err


# --------------------------------------------------------------------------
# HTTP servers that misbehave (raw sockets on loopback, fetched with --allow-private-urls)
# --------------------------------------------------------------------------


def _headers(n: int) -> Callable[[socket.socket], None]:
    def respond(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(n)) + b"\r\nbody")
    return respond


def _long_header(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nX-Long: " + b"y" * 70_000 + b"\r\n\r\nbody")


def _garbage_status(conn: socket.socket) -> None:
    conn.sendall(b"SPDY/9 what is this\r\n\r\n")


def _bad_chunk(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                 b"zz\r\nhello\r\n0\r\n\r\n")


def _short_body(conn: socket.socket) -> None:
    body = SEED2.read_bytes()
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % (len(body) + 5000)
    conn.sendall(head + body)


def _drip(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n")
    for line in SEED2.read_bytes().splitlines(keepends=True):
        conn.sendall(line[:1])
        time.sleep(1.0)


def _silent(conn: socket.socket) -> None:
    time.sleep(LIMIT)


@pytest.mark.parametrize(("respond", "words"), [
    (_headers(150), "bad HTTP response"),
    (_long_header, "bad HTTP response"),
    (_garbage_status, "bad status line"),
    (_bad_chunk, "bad HTTP response"),
    (_short_body, "refusing a partial page"),
], ids=["150 headers", "70 KB header line", "garbage status line", "invalid chunk size", "short body"])
def test_http_protocol_errors_are_one_line(parcel: Parcel, respond: Callable[[socket.socket], None],
                                           words: str) -> None:
    with raw_http(respond) as port:
        result = build(parcel, "--allow-private-urls", f"http://127.0.0.1:{port}/page")
    assert result.code == 2 and f"127.0.0.1:{port}/page" in result.err and words in result.err


@pytest.mark.slow
@pytest.mark.parametrize("respond", [_drip, _silent], ids=["a byte a second", "never answers"])
def test_fetch_timeout_is_one_deadline(parcel: Parcel, respond: Callable[[socket.socket], None]) -> None:
    with raw_http(respond) as port:
        result = build(parcel, "--allow-private-urls", f"http://127.0.0.1:{port}/page")
    assert result.code == 2 and "timed out after 20 s" in result.err
    assert result.seconds < 35


# --------------------------------------------------------------------------
# Files that are not files, and reads without bounds
# --------------------------------------------------------------------------


def test_fifo_named_by_a_manifest_is_refused(parcel: Parcel) -> None:
    good(parcel)
    os.mkfifo(parcel.inp / "pipe.txt")
    manifest = parcel.inp / "manifest.csv"
    manifest.write_text("file\npipe.txt\n", encoding="utf-8")
    result = build(parcel, "--strict", manifest)
    assert result.code == 2 and "pipe.txt" in result.err and "named pipe" in result.err


@pytest.mark.parametrize("what", ["manifest", "template"])
def test_fifo_as_manifest_or_template_is_refused(parcel: Parcel, what: str) -> None:
    good(parcel)
    fifo = parcel.inp / ("list.csv" if what == "manifest" else "house.toml")
    os.mkfifo(fifo)
    result = build(parcel, parcel.inp / "story.txt", f"--{what}", fifo)
    assert result.code == 2 and fifo.name in result.err and "named pipe" in result.err


def test_fifo_as_reference_document_is_refused(parcel: Parcel) -> None:
    good(parcel)
    os.mkfifo(parcel.root / "house.docx")
    template = parcel.root / "house.toml"
    template.write_text('extends = "default"\nreference_docx = "house.docx"\n', encoding="utf-8")
    result = build(parcel, parcel.inp / "story.txt", "--template", template)
    assert result.code == 2 and "house.docx" in result.err and "named pipe" in result.err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_as_input_manifest_or_linked_manifest(parcel: Parcel) -> None:
    good(parcel)
    result = build(parcel, "/dev/zero")
    assert result.code == 2 and "/dev/zero: a character device, not a file" in result.err
    os.symlink("/dev/zero", parcel.inp / "zero.csv")
    result = build(parcel, parcel.inp / "story.txt", "--manifest", parcel.inp / "zero.csv")
    assert result.code == 2 and "zero.csv" in result.err and "character device" in result.err


def test_two_gigabyte_manifest_is_refused_at_once(parcel: Parcel) -> None:
    good(parcel)
    manifest = parcel.inp / "big.csv"
    with manifest.open("wb") as fh:
        fh.truncate(2 * 2**30)  # sparse
    result = build(parcel, parcel.inp / "story.txt", "--manifest", manifest)
    assert result.code == 2 and "big.csv" in result.err and "limit 25 MB" in result.err
    assert result.seconds < 20


def test_manifest_of_ten_thousand_missing_files_is_linear(parcel: Parcel) -> None:
    good(parcel)
    manifest = parcel.inp / "manifest.csv"
    rows = "".join(f"missing-{i}.txt,Outlet {i}\n" for i in range(10_000))
    manifest.write_text("file,outlet\nstory.txt,Alo Japan\n" + rows, encoding="utf-8")
    result = build(parcel, manifest)
    assert result.code == 0 and "Alo Japan" in memo_of(parcel)
    assert result.seconds < 45


def test_yaml_alias_bomb_in_front_matter_and_manifest(parcel: Parcel) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    bomb = "\n".join(lines) + "\n"
    story = parcel.inp / "story.md"
    story.write_text("---\n" + bomb + "title: *i\n---\n" + SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = build(parcel, "--strict", story)
    assert result.code == 2 and "story.md" in result.err and "aliases are expanded" in result.err
    manifest = parcel.inp / "list.yaml"
    manifest.write_text(bomb + "sources:\n  - file: story.md\n    title: *i\n", encoding="utf-8")
    result = build(parcel, good(parcel), "--manifest", manifest)
    assert result.code == 2 and "list.yaml" in result.err and "aliases are expanded" in result.err


def test_deeply_nested_yaml_front_matter(parcel: Parcel) -> None:
    story = parcel.inp / "story.md"
    story.write_text("---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n" + SEED.read_text(encoding="utf-8"),
                     encoding="utf-8")
    result = build(parcel, "--strict", story)
    assert result.code == 2 and "story.md" in result.err and "nests too deeply" in result.err


def test_date_that_does_not_exist_skips_only_the_date(parcel: Parcel) -> None:
    story = parcel.inp / "a-story.md"
    story.write_text("---\ndate: 2026-02-30\noutlet: Dated Outlet\n---\n" + SEED.read_text(encoding="utf-8"),
                     encoding="utf-8")
    good(parcel, "b-wire.txt", SEED2)
    parcel.before = parcel.snapshot()
    result = briefgen("build", str(parcel.memo), str(parcel.inp), cwd=parcel.root)
    promises(parcel, result, parcel.memo)
    assert result.code == 0 and "a-story.md" in result.err and "2026-02-30" in result.err
    text = memo_of(parcel)
    assert "Dated Outlet" in text and "Yonhap" in text


def test_date_that_does_not_exist_in_a_yaml_manifest(parcel: Parcel) -> None:
    good(parcel)
    manifest = parcel.inp / "list.yaml"
    manifest.write_text("- file: story.txt\n  outlet: Listed\n  date: 2026-02-30\n", encoding="utf-8")
    result = build(parcel, parcel.inp / "story.txt", "--manifest", manifest)
    assert result.code == 0 and "Listed" in memo_of(parcel)


def test_nul_in_a_manifest_path(parcel: Parcel) -> None:
    good(parcel)
    manifest = parcel.inp / "manifest.csv"
    manifest.write_text("file\nbad\x00name.txt\n", encoding="utf-8")
    result = build(parcel, "--strict", manifest)
    assert result.code == 2 and "NUL" in result.err


def test_three_hundred_byte_file_name(parcel: Parcel) -> None:
    result = build(parcel, "x" * 300 + ".txt")
    assert result.code == 2 and "file name too long" in result.err


def test_standard_input_closed(parcel: Parcel) -> None:
    result = build(parcel, "-", preexec_fn=lambda: os.close(0))
    assert result.code == 2 and "standard input" in result.err and "closed" in result.err


def test_docx_lying_about_sizes_is_refused_in_little_memory(parcel: Parcel) -> None:
    """The zip's directory says 1 KB; the part inflates to 2 GB. Refused before it is inflated."""
    path = parcel.inp / "lying.docx"
    path.write_bytes(_lying_docx(2))
    code = ("import re, sys\nfrom briefgen.cli import main\n"
            "try:\n    main(sys.argv[1:])\nfinally:\n"
            "    status = open('/proc/self/status').read()\n"
            "    print(int(re.search(r'VmHWM:\\s+(\\d+)', status).group(1)) // 1024)\n")
    parcel.before = parcel.snapshot()
    args = ["-q", "build", "--strict", str(parcel.memo), str(path)]
    proc = subprocess.run([sys.executable, "-c", code, *args], cwd=parcel.root, capture_output=True,
                          text=True, timeout=LIMIT)
    result = Result(proc.returncode, "", proc.stderr, 0.0)
    promises(parcel, result)
    assert result.code == 2 and "lying.docx" in result.err
    assert int(proc.stdout.split()[-1]) < 500


def _lying_docx(gigabytes: int) -> bytes:
    """A zip whose document.xml inflates to ``gigabytes`` GB while its directory claims 1 KB."""
    import zlib

    block = bytes(2**20)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    seg = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    payload = seg * (gigabytes * 1024) + comp.flush(zlib.Z_FINISH)
    name = b"word/document.xml"
    out = io.BytesIO()
    out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, 0, len(payload), 1024, len(name), 0))
    out.write(name)
    out.write(payload)
    start = out.tell()
    out.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, 0, len(payload), 1024,
                          len(name), 0, 0, 0, 0, 0, 0) + name)
    size = out.tell() - start
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, size, start, 0))
    return out.getvalue()


def test_html_with_a_noncharacter_reference_is_read(parcel: Parcel) -> None:
    paras = [p for p in SEED2.read_text(encoding="utf-8").split("\n") if p.strip()]
    html = ("<html><head><title>Summit</title></head><body><article>"
            + "".join(f"<p>{p}</p>" for p in paras).replace("Nara", "Nara&#xFFFE;", 1)
            + "</article></body></html>")
    (parcel.inp / "page.html").write_text(html, encoding="utf-8")
    result = build(parcel, "--strict", parcel.inp / "page.html")
    assert result.code == 0 and "\ufffe" not in memo_of(parcel) and "Lee" in memo_of(parcel)


@pytest.mark.parametrize("command", ["inspect", "sources"])
def test_rich_markup_in_a_headline_is_printed_as_text(parcel: Parcel, command: str) -> None:
    story = parcel.inp / "story.md"
    story.write_text("---\ntitle: 'A [/bold] headline [red]in red'\n---\n" + SEED.read_text(encoding="utf-8"),
                     encoding="utf-8")
    result = run(parcel, command, story, env={"COLUMNS": "300"})
    assert result.code == 0 and "[/bold] headline [red]in red" in result.out


def test_closed_pipe_ends_quietly_for_summarize(parcel: Parcel) -> None:
    code, err = reader_leaves([str(SCRIPT), "summarize", "--words", "400"], parcel.root, LIMIT)
    assert code == 0 and err == b""


# --------------------------------------------------------------------------
# Templates and citations
# --------------------------------------------------------------------------


def _with_template(parcel: Parcel, text: str | bytes, name: str = "house.toml") -> Result:
    good(parcel)
    template = parcel.root / name
    if isinstance(text, bytes):
        template.write_bytes(text)
    else:
        template.write_text(text, encoding="utf-8")
    return build(parcel, parcel.inp / "story.txt", "--template", template)


@pytest.mark.parametrize(("citation", "words"), [
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "citation may not use"),
    ("{% include 'other.toml' %}", "citation may not use {% include %}"),
    ("{% import 'x' as y %}{{ outlet }}", "citation may not use {% import %}"),
    ("{% extends 'x' %}", "citation may not use {% extends %}"),
    ("{{ 1 / (title|length - title|length) }}", "citation may not use '/'"),
    ("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}", "{% for %}"),
    ("{{ lipsum(n=10**7) }}", "citation may not use"),
    ("{{ cycler|string }}", "citation may not use the filter 'string'"),
    ("{{ outlet.__class__.__mro__ }}", "citation may not use attributes"),
    ("{{ title < 3 }}", "citation fails"),
    ("{{ publisher }}", "unknown field 'publisher'"),
], ids=["recursive macro", "include", "import", "extends", "division by zero", "nested loops", "lipsum",
        "object repr", "attributes", "type error", "unknown field"])
def test_citation_outside_the_safe_part_is_refused(parcel: Parcel, citation: str, words: str) -> None:
    escaped = citation.replace("\\", "\\\\").replace('"', '\\"')
    result = _with_template(parcel, f'extends = "default"\ncitation = "{escaped}"\n')
    assert result.code == 2 and "house.toml" in result.err and words in result.err


def test_citation_that_grows_on_a_real_title_stops_with_one_line(parcel: Parcel) -> None:
    citation = '{{ title|replace(\\"\\", title)|replace(\\"\\", title) }}'
    # A story whose headline is printed (AloJapan's repost has none, so its title is empty).
    good(parcel, seed=seeds_dir() / "news1-2026-01-13-summit-progress-history.txt")
    template = parcel.root / "house.toml"
    template.write_text(f'extends = "default"\ncitation = "{citation}"\n', encoding="utf-8")
    result = build(parcel, parcel.inp / "story.txt", "--template", template)
    assert result.code == 2 and "citation makes more than 20,000 characters" in result.err


def test_citation_with_fields_and_filters_still_renders(parcel: Parcel) -> None:
    citation = "{{ outlet|upper }}: {{ title|truncate(40) }}{% if date %} ({{ date[:4] }}){% endif %}"
    result = _with_template(parcel, f'extends = "default"\ncitation = "{citation}"\n')
    assert result.code == 0 and "ALOJAPAN" in memo_of(parcel).upper()


def test_long_extends_chain(parcel: Parcel) -> None:
    (parcel.root / "t0.toml").write_text('extends = "default"\n', encoding="utf-8")
    for i in range(1, 1500):
        (parcel.root / f"t{i}.toml").write_text(f'extends = "t{i - 1}.toml"\n', encoding="utf-8")
    result = _with_template(parcel, 'extends = "t1499.toml"\n')
    assert result.code == 2 and "house.toml" in result.err and "chain of more than" in result.err


def test_template_with_invalid_utf8(parcel: Parcel) -> None:
    result = _with_template(parcel, b'extends = "default"\nname = "\xff\xfe"\n')
    assert result.code == 2 and "house.toml" in result.err and "not UTF-8" in result.err


def test_template_with_a_date_that_does_not_exist(parcel: Parcel) -> None:
    result = _with_template(parcel, 'extends = "default"\n[memo]\ndate = 2026-02-30\n')
    assert result.code == 2 and "house.toml" in result.err and "invalid TOML" in result.err


def test_deeply_nested_template(parcel: Parcel) -> None:
    result = _with_template(parcel, "x = " + "[" * 5000 + "]" * 5000 + "\n")
    assert result.code == 2 and "house.toml" in result.err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_user_template_folder(parcel: Parcel) -> None:
    folder = parcel.root / "templates"
    folder.mkdir()
    (folder / "mine.toml").write_text('extends = "default"\n', encoding="utf-8")
    folder.chmod(0)
    try:
        result = build(parcel, good(parcel), "--template", "mine", env={"BRIEFGEN_TEMPLATES": str(folder)})
    finally:
        folder.chmod(0o755)
    assert result.code == 2 and "mine" in result.err and "no such template" in result.err


def test_reference_document_lying_about_sizes(parcel: Parcel) -> None:
    (parcel.root / "house.docx").write_bytes(_lying_docx(1))
    result = _with_template(parcel, 'extends = "default"\nreference_docx = "house.docx"\n')
    assert result.code == 0  # a Markdown memo needs no reference document
    parcel.memo.write_bytes(OLD_MEMO)
    parcel.before = parcel.snapshot()
    docx_memo = parcel.out / "memo.docx"
    result = briefgen("-q", "build", str(docx_memo), str(parcel.inp / "story.txt"), "--template",
                      str(parcel.root / "house.toml"), cwd=parcel.root)
    promises(parcel, result)
    assert result.code == 2 and "house.docx" in result.err and not docx_memo.exists()


def test_docx_memo_is_reopened_after_a_hostile_run(parcel: Parcel) -> None:
    """A sanity check that the hardening left the ordinary .docx memo whole."""
    good(parcel)
    target = parcel.out / "memo.docx"
    result = build(parcel, parcel.inp, output=target)
    assert result.code == 0
    document = docx.Document(str(target))
    assert any("MEMORANDUM" in p.text for p in document.paragraphs)
    with zipfile.ZipFile(target) as z:
        assert "word/footnotes.xml" in z.namelist()


def test_received_template_reaches_no_file_outside_its_folder(parcel: Parcel) -> None:
    """A template given by path may not pull in a Word file (its headers, footers) or TOML from elsewhere."""
    good(parcel)
    received = parcel.inp / "template"
    received.mkdir()
    shutil.copyfile(ROOT / "templates" / "reference.docx", parcel.secret / "letterhead.docx")
    template = received / "house.toml"
    template.write_text('extends = "default"\nreference_docx = "../../secret/letterhead.docx"\n',
                        encoding="utf-8")
    result = build(parcel, parcel.inp / "story.txt", "--template", template)
    assert result.code == 2 and "house.toml" in result.err and "outside the template's folder" in result.err
    result = build(parcel, parcel.inp / "story.txt", "--template", template, "--allow-outside-files")
    assert result.code == 0
    parcel.memo.write_bytes(OLD_MEMO)
    (parcel.secret / "base.toml").write_text('extends = "default"\n[memo]\nto = "Leaked"\n', encoding="utf-8")
    template.write_text('extends = "../../secret/base.toml"\n', encoding="utf-8")
    result = build(parcel, parcel.inp / "story.txt", "--template", template)
    assert result.code == 2 and "house.toml" in result.err and "outside the template's folder" in result.err


def test_control_characters_in_a_file_name_stay_on_one_line(parcel: Parcel) -> None:
    name = "story\nbriefgen: error: forged\x1b[31m.txt"
    result = build(parcel, parcel.inp / name)
    assert result.code == 2 and "\x1b" not in result.err and "\\x1b[31m" in result.err


def test_folder_nested_fifteen_hundred_deep(parcel: Parcel) -> None:
    deep = os.path.join(parcel.inp, "deep")
    os.mkdir(deep)
    old = os.getcwd()
    os.chdir(deep)  # relative steps: nothing in this process recurses on the depth
    try:
        for _ in range(1500):
            os.mkdir("a")
            os.chdir("a")
        shutil.copyfile(SEED, "story.txt")
        os.chdir(old)
        result = build(parcel, parcel.inp)
        assert result.code == 0 and "Takaichi" in memo_of(parcel)
    finally:
        os.chdir(old)
        for level in range(1500, 0, -1):  # pytest's clean-up (shutil.rmtree) recurses too
            leaf = os.path.join(deep, *["a"] * level)
            for name in os.listdir(leaf):
                os.unlink(os.path.join(leaf, name))
            os.rmdir(leaf)


def test_empty_folder_is_named(parcel: Parcel) -> None:
    (parcel.inp / "empty").mkdir()
    result = build(parcel, parcel.inp / "empty")
    assert result.code == 2 and "empty: holds no file briefgen reads" in result.err


def test_file_a_pattern_matches_is_not_written_over(parcel: Parcel) -> None:
    good(parcel)
    manifest = parcel.inp / "manifest.csv"  # matched by the pattern, though not read as a source
    manifest.write_text("file,outlet\nstory.txt,Alo Japan\n", encoding="utf-8")
    result = build(parcel, "-f", "docx", str(parcel.inp / "*"), output=manifest)
    assert result.code == 2 and "refusing to write over a file the pattern" in result.err


def test_template_with_thousands_of_sections_is_refused(parcel: Parcel) -> None:
    sections = "".join(f'[[sections]]\nkey = "s{i}"\nkeywords = ["summit"]\n' for i in range(3000))
    result = _with_template(parcel, 'extends = "default"\n' + sections)
    assert result.code == 2 and "house.toml" in result.err and "3,000 sections (limit 200)" in result.err
