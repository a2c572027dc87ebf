"""Tests for briefgen.lazynltk: Porter and Punkt alone, and the rest of NLTK on demand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(code: str) -> list[str]:
    """Run ``code`` in a fresh interpreter (NLTK not yet imported); its printed lines."""
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=False, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


def test_stemming_and_splitting_leave_the_rest_of_nltk_unimported() -> None:
    out = _run(
        "import sys\n"
        "from briefgen.text.words import stem\n"
        "from briefgen.text.sentences import split_sentences\n"
        "print(stem('running'), stem('agreed'))\n"
        "print(split_sentences('Mr. Lee met Ms. Takaichi. They agreed.'))\n"
        "print(sorted(m for m in ('nltk.collocations', 'nltk.corpus', 'scipy.stats') if m in sys.modules))\n"
    )
    assert out == ["run agre", "['Mr. Lee met Ms. Takaichi.', 'They agreed.']", "[]"]


@pytest.mark.slow
def test_the_rest_of_nltk_loads_when_asked_for() -> None:
    out = _run(
        "import briefgen.text.words\n"
        "import nltk\n"
        "print(hasattr(nltk, '__version__'), type(nltk).__name__)\n"
        "from nltk.tokenize import wordpunct_tokenize\n"
        "print(wordpunct_tokenize('Lee, Takaichi.'))\n"
        "from nltk.stem.snowball import SnowballStemmer\n"
        "print(SnowballStemmer('english').stem('running'))\n"
        "from nltk.stem import PorterStemmer\n"
        "print(PorterStemmer is briefgen.text.words.PorterStemmer, type(nltk.stem).__name__)\n"
    )
    assert out == ["True module", "['Lee', ',', 'Takaichi', '.']", "run", "True module"]


@pytest.mark.slow
def test_a_submodule_import_loads_nltk_in_its_own_order() -> None:
    out = _run(
        "import briefgen.text.words, sys\n"
        "import nltk.stem.snowball as snowball\n"
        "import nltk\n"
        "print(snowball.SnowballStemmer('english').stem('agreed'), 'nltk.collocations' in sys.modules)\n"
        "print(nltk.FreqDist('aab').most_common(1))\n"
    )
    assert out == ["agre True", "[('a', 2)]"]
