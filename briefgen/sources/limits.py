"""Resource limits and containment rules on what briefgen reads: every breach is a clear one-line error."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Limits"]


@dataclass(frozen=True, slots=True)
class Limits:
    """Resource limits and containment rules for reading inputs; each breach is a clear one-line error.

    Attributes:
        max_file_bytes: Largest input file, URL body, manifest or standard input read.
        max_text_chars: Longest text one source may hold once read (markup and
            undecodable bytes gone): the longest news features run to some
            20,000 words, about 130,000 characters. 250,000 leaves room for
            them; the worst text tried (words run on without full stops, so
            every sentence is long) took 15 s at 200,000 characters on a busy
            2-core machine, and minutes at a million.
        max_sources: Most sources one run accepts (and most rows a manifest may list).
        max_docx_unpacked: Largest total unpacked size of a ``.docx`` (zip bombs).
        max_docx_ratio: Largest unpacked/packed size ratio of a ``.docx``.
        timeout: Seconds allowed for one URL fetch, from name look-up to last
            byte, redirects included: a total deadline, not a per-read timeout.
        max_redirects: Most HTTP redirects followed for one URL.
        max_entries: Most folder entries one folder walk or glob pattern may visit.
        allow_private_urls: Fetch URLs whose host is a loopback, private,
            link-local or otherwise non-public address (refused by default:
            the command line's ``--allow-private-urls``).
        allow_outside_files: Read files a manifest names outside its own
            folder and the folders given as inputs (refused by default: the
            command line's ``--allow-outside-files``).
    """

    max_file_bytes: int = 25 * 1024 * 1024
    max_text_chars: int = 250_000
    max_sources: int = 20_000  # a month of coverage fits; a runaway glob does not
    max_docx_unpacked: int = 100 * 1024 * 1024
    max_docx_ratio: int = 150
    timeout: float = 20.0
    max_redirects: int = 5
    max_entries: int = 200_000
    allow_private_urls: bool = False
    allow_outside_files: bool = False
