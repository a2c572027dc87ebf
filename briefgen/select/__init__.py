"""Sections and selection: facts in, the facts each part of the memo prints out.

:mod:`~briefgen.select.sections` sorts facts into the template's sections;
:mod:`~briefgen.select.choice` chooses, within each part's word budget, with
the ranking method named (the registry of methods lives there: briefgen's own
concept-coverage selector from :mod:`~briefgen.select.selector`, solved by
:mod:`~briefgen.select.solver`, and sumy's rankers from
:mod:`~briefgen.select.rankers`, plus plugins'), and records every
candidate's score in a :class:`~briefgen.select.choice.Choice`.
"""
