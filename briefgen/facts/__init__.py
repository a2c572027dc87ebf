"""Facts and disagreements: sentences from every source in, facts and conflicts out.

:mod:`~briefgen.facts.same` decides whether two sentences state the same fact;
:mod:`~briefgen.facts.merge` clusters a batch's sentences into
:class:`~briefgen.model.Fact` records, each with every source that reported
it; :mod:`~briefgen.facts.copies` finds reprints of one wire story, so that
corroboration counts independent reports. :mod:`~briefgen.facts.readings`
reads the values sentences state and :mod:`~briefgen.facts.conflicts` lists
where sources differ (:class:`~briefgen.model.Conflict`).
"""
