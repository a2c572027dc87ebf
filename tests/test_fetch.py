"""Fetching URLs (issue 22): public addresses only, checked at every hop and at the socket; one deadline.

In process, against servers on loopback. Loopback is refused by default, so
these tests allow it (``Limits(allow_private_urls=True)``) or make the check
treat one loopback address as public, to see what happens at the next hop.
"""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Callable, Iterator

import pytest
from conftest import QuietHandler, local_http, raw_http

from briefgen.errors import SourceError
from briefgen.sources import fetch
from briefgen.sources.fetch import fetch_url, is_public_address, shown_url
from briefgen.sources.limits import Limits

LOCAL = Limits(allow_private_urls=True)
BODY = b"The ministers met in Geneva on Monday to discuss the fishing dispute.\n" * 20


@pytest.mark.parametrize("address", [
    "127.0.0.1", "127.255.255.254", "::1", "0.0.0.0", "::", "10.1.2.3", "172.16.0.1", "192.168.1.1",
    "169.254.169.254", "100.64.0.1", "224.0.0.1", "255.255.255.255", "fe80::1", "fe80::1%lo", "fc00::1",
    "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::7f00:1", "64:ff9b:1::1",
    "2002:7f00:1::1", "2001:0:4136:e378:8000:63bf:80ff:fffe", "198.18.0.1", "240.0.0.1", "not an address",
])
def test_non_public_addresses(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", [
    "8.8.8.8", "93.184.216.34", "2001:4860:4860::8888", "::ffff:8.8.8.8", "64:ff9b::808:808",
    "2002:808:808::1",
])
def test_public_addresses(address: str) -> None:
    assert is_public_address(address)


@pytest.mark.parametrize(("url", "shown"), [
    ("http://user:pw@example.com/a", "http://***@example.com/a"),
    ("https://token@example.com:8443/a?b=c", "https://***@example.com:8443/a?b=c"),
    ("http://example.com/a@b", "http://example.com/a@b"),
    ("http://example.com/", "http://example.com/"),
])
def test_shown_url_hides_the_user_part(url: str, shown: str) -> None:
    assert shown_url(url) == shown


class _NoSockets:
    def __init__(self, *_a: object, **_k: object) -> None:
        raise AssertionError("a connection was attempted")


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost/", "http://2130706433/", "http://0x7f.1/",
    "http://0177.0.0.1/", "http://127.1/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/",
    "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[64:ff9b::7f00:1]/",
    "https://192.168.0.1:8443/", "http://\uff11\uff12\uff17\u3002\uff10\u3002\uff10\u3002\uff11/",
])
def test_private_spellings_are_refused_before_connecting(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "socket", _NoSockets)
    with pytest.raises(SourceError, match=r"refusing a non-public address .*--allow-private-urls fetches it"):
        fetch_url(url)


@pytest.mark.parametrize(("url", "words"), [
    ("http://example.com:99999/", "not a valid URL"),
    ("http://example.com:port/", "not a valid URL"),
    ("http://[::1/", "not a valid URL"),
    ("http:///no-host", "no host name"),
    ("ftp://example.com/", "only http:// and https://"),
])
def test_malformed_urls(url: str, words: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "socket", _NoSockets)
    with pytest.raises(SourceError, match=words):
        fetch_url(url)


# --------------------------------------------------------------------------
# Servers on loopback
# --------------------------------------------------------------------------


class _Handler(QuietHandler):
    seen: list[dict[str, str]]
    redirect_to = ""

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self.seen.append({"path": self.path, **{k.lower(): v for k, v in self.headers.items()}})
        if self.path.startswith("/go") and self.redirect_to:
            self.send_response(302)
            self.send_header("Location", self.redirect_to)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_text(BODY)


@pytest.fixture
def servers() -> Iterator[Callable[[str], tuple[str, list[dict[str, str]]]]]:
    """Servers on 127.0.0.1: each call gives (base URL, requests seen); /go redirects to its argument."""
    with contextlib.ExitStack() as stack:

        def start(redirect_to: str = "") -> tuple[str, list[dict[str, str]]]:
            seen: list[dict[str, str]] = []
            handler = type("H", (_Handler,), {"seen": seen, "redirect_to": redirect_to})
            port = stack.enter_context(local_http(handler))
            return f"http://127.0.0.1:{port}", seen

        yield start


def test_every_redirect_is_checked_again(servers, monkeypatch: pytest.MonkeyPatch) -> None:
    base, seen = servers("http://127.0.0.2:9/inside")
    # Only 127.0.0.1 counts as public here: the first hop is fetched, the redirect's target is not.
    monkeypatch.setattr(fetch, "is_public_address", lambda a: a == "127.0.0.1")
    with pytest.raises(SourceError, match=r"refusing a non-public address \(127\.0\.0\.2\)"):
        fetch_url(f"{base}/go")
    assert [s["path"] for s in seen] == ["/go"]


def test_the_address_connected_to_is_checked(servers, monkeypatch: pytest.MonkeyPatch) -> None:
    """A resolver that answers a public address but leads to a private one is caught at the socket."""
    base, seen = servers()
    port = int(base.rsplit(":", 1)[1])
    monkeypatch.setattr(fetch, "_resolve", lambda *_a: [(socket.AF_INET, ("127.0.0.1", port))])
    with pytest.raises(SourceError, match=r"refusing a non-public address \(127\.0\.0\.1\)"):
        fetch_url(f"http://news.example:{port}/story")
    assert seen == []


def test_allowed_loopback_is_fetched_and_credentials_go_to_that_host_only(servers) -> None:
    other, other_seen = servers()
    base, seen = servers(f"{other}/story")
    body, ctype, charset, final = fetch_url(base.replace("http://", "http://reader:s%40cret@") + "/go", LOCAL)
    assert body == BODY and (ctype, charset) == ("text/plain", "utf-8")
    assert final == f"{other}/story"
    assert seen[0]["authorization"] == "Basic cmVhZGVyOnNAY3JldA=="  # reader:s@cret
    assert "authorization" not in other_seen[0]


def test_no_header_injection_through_the_path(servers) -> None:
    base, seen = servers()
    fetch_url(f"{base}/a\r\nX-Injected: 1", LOCAL)
    # urlsplit drops CR and LF (as browsers do); what is left is one quoted path, not a header.
    assert "x-injected" not in seen[0] and seen[0]["path"] == "/aX-Injected:%201"


def _page(port: int) -> str:
    return f"http://127.0.0.1:{port}/page"


def _drip_body(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n")
    for byte in BODY[:40]:
        conn.sendall(bytes([byte]))
        time.sleep(0.2)


def _drip_headers(conn: socket.socket) -> None:
    for byte in b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"y" * 60:
        conn.sendall(bytes([byte]))
        time.sleep(0.1)


def _silent(conn: socket.socket) -> None:
    time.sleep(5)


@pytest.mark.parametrize("respond", [_drip_body, _drip_headers, _silent],
                         ids=["body a byte at a time", "headers a byte at a time", "never answers"])
def test_timeout_is_one_deadline_for_the_whole_fetch(respond: Callable[[socket.socket], None]) -> None:
    with raw_http(respond) as port:
        start = time.monotonic()
        with pytest.raises(SourceError, match=r"timed out after 1\.5 s"):
            fetch_url(_page(port), Limits(timeout=1.5, allow_private_urls=True))
        assert time.monotonic() - start < 3.0  # measured before the server stops


def _short(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5000\r\n\r\n" + BODY[:100])


def _chunked(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                 + b"%x\r\n" % len(BODY) + BODY + b"\r\n0\r\n\r\n")


def test_body_shorter_than_its_length_is_refused() -> None:
    with raw_http(_short) as port, \
            pytest.raises(SourceError, match=r"closed after 100 of 5000 bytes; refusing a partial page"):
        fetch_url(_page(port), LOCAL)


def test_chunked_body_is_read_whole() -> None:
    with raw_http(_chunked) as port:
        body, *_ = fetch_url(_page(port), LOCAL)
    assert body == BODY
