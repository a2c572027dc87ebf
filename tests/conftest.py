"""Shared builders: small model objects made in one line, instead of fixture files."""

from __future__ import annotations

import contextlib
import http.server
import socket
import subprocess
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest

from briefgen.model import Fact, Sentence, Source

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def make_source(sid: str = "s1", text: str = "", outlet: str = "Outlet", title: str = "Title",
                date: str | None = "2026-01-13", url: str | None = None) -> Source:
    """A Source with sensible defaults."""
    return Source(id=sid, origin=f"{sid}.txt", text=text, outlet=outlet, title=title, date=date, url=url)


def make_sentences(*texts: str, source_id: str = "s1") -> list[Sentence]:
    """Sentences laid end to end as if one source printed them."""
    out, pos = [], 0
    for i, t in enumerate(texts):
        out.append(Sentence(text=t, source_id=source_id, index=i, start=pos, end=pos + len(t), paragraph=i))
        pos += len(t) + 1
    return out


def make_fact(text: str, sources: Iterable[str] = ("s1",), fid: str = "f1", section: str | None = None,
              score: float = 0.0) -> Fact:
    """A Fact whose every source printed exactly ``text``."""
    srcs = tuple(sources)
    sents = tuple(Sentence(text=text, source_id=s, index=0, start=0, end=len(text)) for s in srcs)
    return Fact(id=fid, text=text, sentences=sents, sources=srcs, independent=len(srcs), section=section,
                score=score)


@pytest.fixture
def seed_texts() -> dict[str, str]:
    """The bundled sample articles by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def live_processes() -> dict[int, int]:
    """Every live process on this (Linux) machine, mapped to its parent's pid; zombies left out."""
    found = {}
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # it ended while we looked
        if fields[0] != "Z":
            found[int(stat_file.parent.name)] = int(fields[1])
    return found


def reader_leaves(command: list[str], cwd: Path, timeout: float) -> tuple[int, bytes]:
    """Run ``command``, read one byte of its standard output and close the pipe, as ``| head -c1``
    does; its exit status and everything it wrote to standard error."""
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(1)
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    return proc.wait(timeout=timeout), err


@contextlib.contextmanager
def raw_http(respond: Callable[[socket.socket], None]) -> Iterator[int]:
    """A server on 127.0.0.1 that reads each request and answers it with ``respond`` on the raw
    socket (for servers that misbehave), one connection at a time; yields its port, stops it after."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                try:
                    conn.recv(65536)
                    respond(conn)
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(5)
        listener.close()


class QuietHandler(http.server.BaseHTTPRequestHandler):
    """A test server's request handler: logs nothing, answers with :meth:`send_text`."""

    def send_text(self, body: bytes, content_type: str = "text/plain; charset=utf-8") -> None:
        """Answer 200 with ``body``."""
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        return None


@contextlib.contextmanager
def local_http(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[int]:
    """An HTTP server on 127.0.0.1 answering with ``handler``; yields its port, stops it after."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1]
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
