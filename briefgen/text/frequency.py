"""How common English words are, from ``wordfreq``'s small English list.

The selector's concept model weighs a word by how rare it is in English at
large; the subject line, for text that writes names in lower case, tells a
name from a common word by it.
"""

from __future__ import annotations

import gzip
import importlib.util
from functools import lru_cache
from pathlib import Path

__all__ = ["RARE_ZIPF", "zipf_table"]

#: The Zipf frequency given a word missing from wordfreq's small English list, which holds every
#: word of Zipf frequency 3 (once per million words) or more: such a word is rarer than that.
RARE_ZIPF = 2.5


@lru_cache(maxsize=1)
def zipf_table() -> dict[str, float]:
    """Zipf frequency (log10 per billion words) of common English words, from ``wordfreq``'s small list.

    The list is read straight from the file the package ships (40 ms), not
    through ``import wordfreq``, which loads language tables this needs none
    of (0.4 s); should the file's format change, the package's own API reads it.
    Empty if ``wordfreq`` is missing: every word then counts as rare.
    """
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).parent / "data" / "small_en.msgpack.gz"
    try:
        import msgpack

        with gzip.open(path, "rb") as fh:
            data = msgpack.load(fh, raw=False)
        if data[0] != {"format": "cB", "version": 1}:
            raise ValueError(data[0])
        # Bucket i after the header holds the words of frequency 10 ** (-i / 100).
        out: dict[str, float] = {}
        for i, bucket in enumerate(data[1:]):
            for word in bucket:
                out.setdefault(word, 9.0 - i / 100.0)
        return out
    except (OSError, ValueError, ImportError, IndexError, TypeError):
        from wordfreq import get_frequency_dict, zipf_frequency

        return {w: zipf_frequency(w, "en") for w in get_frequency_dict("en", wordlist="small")}
