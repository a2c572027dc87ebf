"""Reading and cleaning sources: inputs in, :class:`~briefgen.model.Source` records and judged lines out.

:mod:`~briefgen.sources.load` expands inputs (files, folders, globs, URLs,
standard input, manifests) and reads each with the reader its format calls
for (:mod:`~briefgen.sources.readers`, after :mod:`~briefgen.sources.decode`
and, for URLs, :mod:`~briefgen.sources.fetch`), filling in what the file does
not say from :mod:`~briefgen.sources.manifest` and
:mod:`~briefgen.sources.metadata`. :mod:`~briefgen.sources.clean` then cuts
each source into lines, judges each (:mod:`~briefgen.sources.lines` on its
own, then in context) and keeps the article's prose blocks
(:class:`~briefgen.model.Line`), with every dropped line and its reason.
"""
