"""Rendering: a :class:`~briefgen.model.Briefing` in, a file's bytes out.

:mod:`~briefgen.render.layout` lays the briefing out once (header, bottom
line, sections, where sources differ, numbered sources, footnotes as data);
each writer prints that layout: :mod:`~briefgen.render.memo` as a Word file
with real footnotes (the raw OOXML kept in :mod:`~briefgen.render.oxml`, the
footnotes part behind the proxies of :mod:`~briefgen.render.footnotes`),
:mod:`~briefgen.render.markdown`, :mod:`~briefgen.render.html` and
:mod:`~briefgen.render.jsonout`. :mod:`~briefgen.render.writers` names them
for look-up. Nothing here reads templates or runs the pipeline: what the
template decided arrives in ``Briefing.style``.
"""
