"""Sentences and words: text in, verbatim sentences and the words later stages compare.

:mod:`~briefgen.text.sentences` splits prose into
:class:`~briefgen.model.Sentence` records, each an exact slice of its source,
offline (NLTK's Punkt with packaged parameters, loaded lazily by
:mod:`~briefgen.text.lazynltk`, plus rules; wire datelines from
:mod:`~briefgen.text.datelines` kept out). :mod:`~briefgen.text.words` gives
words, stems and content terms; :mod:`~briefgen.text.names` folds
romanisations of a name to one key; :mod:`~briefgen.text.tokens` reads a
sentence as fact matching and the search for disagreements do: terms,
quantities and who spoke.
"""
