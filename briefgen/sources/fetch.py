"""Fetching http(s) URLs with a timeout, a size cap and a redirect limit."""

from __future__ import annotations

import time
from typing import IO, TYPE_CHECKING
from urllib.parse import urlsplit

from briefgen.errors import SourceError
from briefgen.sources.limits import Limits

if TYPE_CHECKING:  # imported where used: a run over local files needs neither
    import urllib.request
    from http.client import HTTPMessage

__all__ = ["fetch_url"]


def _redirect_handler(limit: int) -> urllib.request.HTTPRedirectHandler:
    """A redirect handler following at most ``limit`` redirects, and only to http(s) addresses."""
    import urllib.request

    class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
        max_redirections = limit
        max_repeats = min(4, limit)

        def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                             headers: HTTPMessage, newurl: str) -> urllib.request.Request | None:
            if urlsplit(newurl).scheme.lower() not in ("http", "https"):
                raise SourceError(f"{req.full_url}: redirected to a non-HTTP address {newurl!r}")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return _HttpOnlyRedirects()


def fetch_url(url: str, limits: Limits | None = None) -> tuple[bytes, str, str | None, str]:
    """Fetch an http(s) URL with a timeout, a size cap and a redirect limit.

    Returns:
        ``(body, content_type, charset, final_url)``.

    Raises:
        SourceError: naming the URL and what went wrong.
    """
    import urllib.error
    import urllib.request

    limits = limits or Limits()
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise SourceError(f"{url}: only http:// and https:// addresses are fetched")
    opener = urllib.request.build_opener(_redirect_handler(limits.max_redirects))
    headers = {"User-Agent": "briefgen/0.1", "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"}
    request = urllib.request.Request(url, headers=headers)
    deadline = time.monotonic() + limits.timeout
    try:
        with opener.open(request, timeout=limits.timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limits.max_file_bytes:
                raise SourceError(f"{url}: response is {int(length)} bytes (limit {limits.max_file_bytes})")
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise SourceError(f"{url}: timed out after {limits.timeout:g} s")
                chunk = resp.read(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > limits.max_file_bytes:
                    raise SourceError(f"{url}: response is larger than {limits.max_file_bytes} bytes")
                chunks.append(chunk)
            ctype = resp.headers.get_content_type()
            charset = resp.headers.get_content_charset()
            final = resp.geturl()
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            target = exc.headers.get("Location", "") if exc.headers else ""
            if "not allowed" in str(exc.msg):
                raise SourceError(f"{url}: redirected to a non-HTTP address {target!r}") from None
            raise SourceError(f"{url}: more than {limits.max_redirects} redirects") from None
        raise SourceError(f"{url}: HTTP error {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise SourceError(f"{url}: timed out after {limits.timeout:g} s") from None
        raise SourceError(f"{url}: cannot fetch ({reason})") from None
    except TimeoutError:
        raise SourceError(f"{url}: timed out after {limits.timeout:g} s") from None
    except OSError as exc:
        raise SourceError(f"{url}: cannot fetch ({exc})") from None
    return b"".join(chunks), ctype, charset, final
