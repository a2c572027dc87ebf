"""sumy's tokenizer without NLTK data: sentences and words as briefgen reads them.

For code that feeds text to sumy's parsers itself (a ranker plugin, a benchmark):
briefgen's own rankers hand sumy sentences already split
(:mod:`briefgen.select.rankers`).
"""

from __future__ import annotations

from briefgen.text.sentences import split_sentences
from briefgen.text.words import words

__all__ = ["OfflineTokenizer"]


class OfflineTokenizer:
    """A drop-in for ``sumy.nlp.tokenizers.Tokenizer`` that needs no NLTK data.

    sumy's parsers and summarizers call ``to_sentences`` and ``to_words`` and
    read ``language``; this class answers them with :func:`split_sentences`
    and :func:`briefgen.text.words`, so sumy never reaches
    ``nltk.word_tokenize`` or punkt data.
    """

    language = "english"

    def __init__(self, language: str = "english") -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Sentences of ``paragraph``."""
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Word tokens of ``sentence`` that contain a letter."""
        return tuple(w for w in words(sentence) if any(c.isalpha() for c in w))
