"""Resource limits on what briefgen reads: every breach is a clear one-line error."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Limits"]


@dataclass(frozen=True, slots=True)
class Limits:
    """Resource limits on inputs; each breach is a clear one-line error.

    Attributes:
        max_file_bytes: Largest input file, URL body or standard input read.
        max_sources: Most sources one run accepts.
        max_docx_unpacked: Largest total unpacked size of a ``.docx`` (zip bombs).
        max_docx_ratio: Largest unpacked/packed size ratio of a ``.docx``.
        timeout: Seconds allowed for one URL fetch, connection to last byte.
        max_redirects: Most HTTP redirects followed for one URL.
    """

    max_file_bytes: int = 25 * 1024 * 1024
    max_sources: int = 20_000  # a month of coverage fits; a runaway glob does not
    max_docx_unpacked: int = 100 * 1024 * 1024
    max_docx_ratio: int = 150
    timeout: float = 20.0
    max_redirects: int = 5
