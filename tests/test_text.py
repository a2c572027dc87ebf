"""Tests for briefgen.text: tokens, folding, stems and content terms."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.stem.porter import PorterStemmer

from briefgen.text.words import STOPWORDS, content_terms, fold, normalize, stem, words


def _reference_terms(text: str) -> list[str]:
    """content_terms written plainly, one token at a time, uncached."""
    porter = PorterStemmer()
    out = []
    for w in words(text):
        lw = w.lower().replace("\u2019", "'")
        if lw.endswith("'s"):
            lw = lw[:-2]
        if lw in STOPWORDS or not any(c.isalnum() for c in lw):
            continue
        plain = "".join(c for c in unicodedata.normalize("NFD", lw) if unicodedata.category(c) != "Mn")
        plain = unicodedata.normalize("NFC", plain)
        out.append(plain if "." in plain else porter.stem(plain))
    return out


def test_words_keep_inner_hyphens_apostrophes_and_decimals() -> None:
    assert words("Lee Jae-myung's 3.5% rise, in the U.S.") == [
        "Lee", "Jae-myung's", "3.5", "rise", "in", "the", "U.S",
    ]


def test_fold_and_normalize_typographic_text() -> None:
    assert fold("\u201cLee\u2019s\u201d \u2013 talks") == "\"Lee's\" - talks"
    assert normalize("  The  SUMMIT\u00a0in Nara ") == "the summit in nara"


def test_stem_leaves_acronyms_and_numbers() -> None:
    assert stem("U.S") == "u.s"
    assert stem("3.5") == "3.5"
    assert stem("Agreed") == "agre"


def test_a_term_is_one_with_or_without_its_accents() -> None:
    # Outlets print one word both ways; a term must not depend on which.
    assert content_terms("Starbucks opens its first café in Bogotá; Peña Nieto's fiancée came.") == \
        content_terms("Starbucks opens its first cafe in Bogota; Pena Nieto's fiancee came.")
    assert stem("Zürich") == stem("Zurich") == "zurich"
    # Letters that hold their mark (ø, ł, ı, ß) fold too: "Ørsted", "Wałęsa", "Kılıçdaroğlu".
    folded = [stem(w) for w in ("Ørsted", "Wałęsa", "Kılıçdaroğlu")]
    assert folded == [stem("Orsted"), "walesa", "kilicdaroglu"]
    # Other scripts keep their letters and their marks: Hangul comes back composed, and a Japanese
    # voicing mark makes another word ("バス", bus, is not "ハス", lotus).
    assert content_terms("대한민국 정책브리핑") == ["대한민국", "정책브리핑"]
    assert stem("バス") == "バス" and stem("ガス") != stem("カス")


def test_content_terms_drop_stop_words_and_possessives() -> None:
    assert content_terms("The leaders agreed on Japan's DNA testing of the remains.") == [
        "leader", "agre", "japan", "dna", "test", "remain",
    ]


_PIECES = [*"aAbeEgiIlnoOrsStuU .,'-\u2019\u201c\u201d\u2013\u00e9\u00c9309?!", "'s ", "ing ", "ed "]
_ALPHABET = st.sampled_from(_PIECES)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_content_terms_equal_the_plain_definition(text: str) -> None:
    assert content_terms(text) == _reference_terms(text)


def test_content_terms_on_real_sentences_equal_the_plain_definition() -> None:
    text = (
        "President Lee Jae-myung and Japan's Prime Minister Sanae Takaichi held a summit on the 13th "
        "in Nara Prefecture, agreeing to cooperate on DNA testing of the remains of Koreans from the "
        "Chosei undersea coal mine; talks on the U.S. tariffs ran 2.5 hours."
    )
    assert content_terms(text) == _reference_terms(text)
    assert content_terms(text)[:3] == ["presid", "lee", "jae-myung"]
