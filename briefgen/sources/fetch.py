"""Fetching http(s) URLs: public addresses only, one total deadline, a size cap and a redirect limit.

Each hop, the first and every redirect, is checked the same way. The host is
looked up, and every address it gives must be a public one: loopback,
private, link-local, shared, multicast, reserved and unspecified addresses are
refused in any spelling (``127.1``, ``2130706433``, ``0x7f.1``, ``[::1]``,
``[::ffff:127.0.0.1]``, 6to4, Teredo and NAT64 forms), unless
``Limits.allow_private_urls``. The connection then goes to the address that
was checked, not to the name again (a name that resolves to something else
the second time changes nothing), and the peer's address is checked once
more. The timeout is one deadline for the whole fetch, from name look-up to
the last byte: a server that sends a byte a second is cut off at it.

A password or token in the URL (``http://user:pw@host/``) is sent as HTTP
basic authentication to that host only, and never printed: messages and
sources name the URL with its user part replaced by ``***``.
"""

from __future__ import annotations

import base64
import contextlib
import ipaddress
import re
import socket
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from briefgen.errors import SourceError
from briefgen.sources.limits import Limits

if TYPE_CHECKING:  # imported where used: a run over local files needs neither
    import http.client

__all__ = ["fetch_url", "is_public_address", "shown_url"]

_REDIRECTS = (301, 302, 303, 307, 308)
_USER_INFO = re.compile(r"(?i)^([a-z][a-z0-9+.-]*://)[^/?#@]*@")
# IPv6 prefix that translates to IPv4 (RFC 6052), whose last 32 bits are the IPv4 address.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")


def shown_url(url: str) -> str:
    """``url`` fit to print: any user name or password replaced by ``***``."""
    return _USER_INFO.sub(r"\1***@", url)


def is_public_address(address: str) -> bool:
    """Whether an IP address is a public, unicast one (IPv4 inside IPv6 forms judged by their IPv4 part)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return is_public_address(str(ip.ipv4_mapped))
        if ip in _NAT64:
            return is_public_address(str(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)))
        if ip in _NAT64_LOCAL:
            return False
        if ip.sixtofour is not None and not is_public_address(str(ip.sixtofour)):
            return False
        if ip.teredo is not None and not all(is_public_address(str(a)) for a in ip.teredo):
            return False
    return (ip.is_global and not ip.is_multicast and not ip.is_reserved and not ip.is_unspecified
            and not ip.is_loopback and not ip.is_link_local and not ip.is_private)


@dataclass(frozen=True, slots=True)
class _Target:
    url: str
    scheme: str
    host: str  # ASCII (IDNA) host, no brackets
    port: int
    path: str
    auth: str | None  # "user:password" from the URL, percent-decoded


def _parse(url: str, shown: str) -> _Target:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise SourceError(f"{shown}: not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise SourceError(f"{shown}: only http:// and https:// addresses are fetched")
    host = parts.hostname or ""
    if not host:
        raise SourceError(f"{shown}: not a valid URL (no host name)")
    if ":" not in host:  # a name or an IPv4 address: IDNA turns "１２７。０。０。１" into 127.0.0.1 too
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise SourceError(f"{shown}: not a valid host name") from None
    path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
    if any(ord(c) <= 32 or ord(c) >= 127 for c in path):
        from urllib.parse import quote

        path = quote(path, safe="/?&=%:;@!$'()*+,~-._")
    auth = None
    if parts.username is not None:
        auth = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
    return _Target(url, scheme, host, port or (443 if scheme == "https" else 80), path, auth)


class _Deadline:
    """Seconds left until one fixed moment; the open socket is shut when it comes."""

    def __init__(self, seconds: float, shown: str) -> None:
        self.seconds = seconds
        self.shown = shown
        self.end = time.monotonic() + seconds
        self.expired = False
        self.sock: socket.socket | None = None
        self._lock = threading.Lock()

    def watch(self, sock: socket.socket | None) -> None:
        """Shut ``sock`` when the deadline comes (at once if it has come)."""
        with self._lock:
            self.sock = sock
            if self.expired and sock is not None:
                _shut(sock)

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            if self.sock is not None:
                _shut(self.sock)

    def left(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            self.expired = True
            raise SourceError(f"{self.shown}: timed out after {self.seconds:g} s")
        return left

    def error(self) -> SourceError:
        return SourceError(f"{self.shown}: timed out after {self.seconds:g} s")


def _resolve(target: _Target, deadline: _Deadline, limits: Limits) -> list[tuple[int, tuple[object, ...]]]:
    """Every address of the host (family, socket address); refused unless all are public (or allowed)."""
    found: list[tuple[int, tuple[object, ...]]] = []
    failed: list[BaseException] = []

    def look_up() -> None:
        try:
            for family, _type, _proto, _name, sockaddr in socket.getaddrinfo(
                    target.host, target.port, type=socket.SOCK_STREAM):
                found.append((int(family), tuple(sockaddr)))
        except (OSError, UnicodeError, ValueError) as exc:
            failed.append(exc)

    worker = threading.Thread(target=look_up, daemon=True)  # a resolver may hang; the deadline may not
    worker.start()
    worker.join(deadline.left())
    if worker.is_alive():
        raise deadline.error()
    shown = deadline.shown
    if failed or not found:
        exc = failed[0] if failed else None
        why = getattr(exc, "strerror", None) or (str(exc) if exc else "no address")
        raise SourceError(f"{shown}: cannot fetch: host {target.host} not found ({why})")
    addresses = list(found)
    if not limits.allow_private_urls:
        for _family, sockaddr in addresses:
            address = str(sockaddr[0])
            if not is_public_address(address):
                raise SourceError(f"{shown}: refusing a non-public address ({address}); "
                                  "--allow-private-urls fetches it")
    return addresses


def _connect(target: _Target, deadline: _Deadline, limits: Limits) -> socket.socket:
    last: OSError | None = None
    for family, sockaddr in _resolve(target, deadline, limits):
        sock = socket.socket(family, socket.SOCK_STREAM)
        deadline.watch(sock)
        try:
            sock.settimeout(deadline.left())
            sock.connect(sockaddr)
            peer = str(sock.getpeername()[0])
            if not limits.allow_private_urls and not is_public_address(peer):
                raise SourceError(f"{deadline.shown}: refusing a non-public address ({peer}); "
                                  "--allow-private-urls fetches it")
        except OSError as exc:
            sock.close()
            last = exc
            if isinstance(exc, TimeoutError):
                raise deadline.error() from None
            continue
        except BaseException:
            sock.close()
            raise
        if target.scheme == "https":
            import ssl

            context = ssl.create_default_context()
            try:
                tls = context.wrap_socket(sock, server_hostname=target.host, do_handshake_on_connect=False)
            except BaseException:
                sock.close()
                raise
            deadline.watch(tls)  # the raw socket handed its descriptor to the TLS one
            try:
                tls.settimeout(deadline.left())
                tls.do_handshake()
            except BaseException:
                tls.close()
                raise
            return tls
        return sock
    why = (last.strerror or str(last)) if last is not None else "no address"
    raise SourceError(f"{deadline.shown}: cannot fetch: {why}")


def _body(resp: http.client.HTTPResponse, deadline: _Deadline, limits: Limits) -> bytes:
    shown = deadline.shown
    length = resp.getheader("Content-Length")
    declared = int(length) if length and length.strip().isdigit() and not resp.chunked else None
    if declared is not None and declared > limits.max_file_bytes:
        raise SourceError(f"{shown}: response is {declared} bytes (limit {limits.max_file_bytes})")
    chunks: list[bytes] = []
    size = 0
    while True:
        deadline.left()
        chunk = resp.read1(65536)  # whatever has arrived: a slow server is judged by the deadline
        if not chunk:
            break
        size += len(chunk)
        if size > limits.max_file_bytes:
            raise SourceError(f"{shown}: response is larger than {limits.max_file_bytes} bytes")
        chunks.append(chunk)
    if deadline.expired:  # the socket was shut at the deadline: what came is not the whole page
        raise deadline.error()
    if declared is not None and size < declared:
        raise SourceError(f"{shown}: connection closed after {size} of {declared} bytes; refusing a "
                          "partial page")
    return b"".join(chunks)


def _protocol_problem(exc: Exception) -> str:
    import http.client

    if isinstance(exc, http.client.LineTooLong):
        return f"bad HTTP response ({exc})"
    if isinstance(exc, http.client.RemoteDisconnected):
        return "the server closed the connection without a response"
    if isinstance(exc, http.client.IncompleteRead):
        return "bad HTTP response (the body ended early or its chunks are invalid)"
    if isinstance(exc, http.client.BadStatusLine):
        return "not an HTTP response (bad status line)"
    if isinstance(exc, ValueError):
        return "bad HTTP response (invalid chunk size or header)"
    text = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    return f"bad HTTP response ({text})"


def fetch_url(url: str, limits: Limits | None = None) -> tuple[bytes, str, str | None, str]:
    """Fetch an http(s) URL: public addresses only, within one deadline, a size cap and a redirect limit.

    Returns:
        ``(body, content_type, charset, final_url)``; ``final_url`` is fit to
        print (no password).

    Raises:
        SourceError: naming the URL (password hidden) and what went wrong.
    """
    limits = limits or Limits()
    shown = shown_url(url)
    deadline = _Deadline(limits.timeout, shown)
    # The one deadline: when it comes, the open socket is shut, whatever read or handshake waits on it.
    timer = threading.Timer(limits.timeout, deadline.expire)
    timer.daemon = True
    timer.start()
    try:
        return _fetch(url, shown, deadline, limits)
    finally:
        timer.cancel()


def _fetch(url: str, shown: str, deadline: _Deadline, limits: Limits) -> tuple[bytes, str, str | None, str]:
    import http.client
    import ssl

    first = _parse(url, shown)
    current = first
    for _hop in range(limits.max_redirects + 1):
        same_origin = (current.scheme, current.host, current.port) == (first.scheme, first.host, first.port)
        conn: http.client.HTTPConnection | None = None
        try:
            conn = _open(current, deadline, limits)
            headers = {"User-Agent": "briefgen/0.1",
                       "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9",
                       "Accept-Encoding": "identity", "Connection": "close"}
            if first.auth is not None and same_origin:
                token = base64.b64encode(first.auth.encode("utf-8")).decode("ascii")
                headers["Authorization"] = f"Basic {token}"
            conn.request("GET", current.path, headers=headers)
            resp = conn.getresponse()
            if resp.status in _REDIRECTS:
                location = (resp.getheader("Location") or "").strip()
                if not location:
                    raise SourceError(f"{shown}: HTTP {resp.status} redirect without a Location")
                nxt = urljoin(current.url, location)
                if urlsplit(nxt).scheme.lower() not in ("http", "https"):
                    raise SourceError(f"{shown}: redirected to a non-HTTP address {shown_url(nxt)!r}")
                current = _parse(nxt, shown)
                continue
            if not 200 <= resp.status < 300:
                raise SourceError(f"{shown}: HTTP error {resp.status} {resp.reason}".rstrip())
            body = _body(resp, deadline, limits)
            ctype = resp.headers.get_content_type()
            charset = resp.headers.get_content_charset()
            return body, ctype, charset, shown_url(current.url)
        except SourceError:
            if deadline.expired:
                raise deadline.error() from None
            raise
        except (http.client.HTTPException, ValueError, OSError) as exc:
            if deadline.expired or isinstance(exc, TimeoutError):
                raise deadline.error() from None
            if isinstance(exc, ssl.SSLError | ssl.CertificateError):
                raise SourceError(f"{shown}: cannot fetch: TLS error ({_first_line(exc)})") from None
            if isinstance(exc, OSError):
                raise SourceError(f"{shown}: cannot fetch: {exc.strerror or _first_line(exc)}") from None
            raise SourceError(f"{shown}: {_protocol_problem(exc)}") from None
        finally:
            if conn is not None:
                conn.close()
            deadline.sock = None
    raise SourceError(f"{shown}: more than {limits.max_redirects} redirects")


def _first_line(exc: BaseException) -> str:
    text = str(exc)
    return text.splitlines()[0][:200] if text else type(exc).__name__


def _open(target: _Target, deadline: _Deadline, limits: Limits) -> http.client.HTTPConnection:
    """A connection to the checked address of ``target``, ready for one request."""
    import http.client

    sock = _connect(target, deadline, limits)
    default = 443 if target.scheme == "https" else 80
    conn = http.client.HTTPConnection(target.host, target.port if target.port != default else None)
    conn.sock = sock  # connected to the address checked above; http.client never looks the name up
    return conn


def _shut(sock: socket.socket) -> None:
    """Shut a socket, so that a read or handshake waiting on it returns at once."""
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
