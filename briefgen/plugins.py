"""Extension points: one registry each, filled by briefgen's own entries and by plugins.

There are three, each a :class:`Registry` in the module that uses it:

* readers (:data:`briefgen.sources.readers.READERS`): a file suffix to a
  :class:`~briefgen.sources.readers.Reader`; entry-point group
  ``briefgen.readers``;
* ranking methods (:data:`briefgen.select.choice.METHODS`): a name to a
  :class:`~briefgen.select.choice.Method`, or to a plain function giving one
  score per fact; group ``briefgen.rankers``;
* writers (:data:`briefgen.render.writers.WRITERS`): a format name to a
  :class:`~briefgen.render.writers.Writer`; group ``briefgen.writers``.

Everything that lists or looks up an entry (the command line's choices and
help, template validation, the reader a file gets, error messages) asks the
registry, so a plugin's entry appears everywhere at once. Third-party
packages add entries through Python entry points, as pytest and datasette
plugins do::

    [project.entry-points."briefgen.rankers"]
    first-sentences = "briefgen_notes:first_sentences"

Plugins load lazily, once per registry, the first time anything asks for the
list. A plugin that fails to load costs one warning line naming it; briefgen
keeps working without it. A plugin never replaces one of briefgen's own
entries.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

__all__ = ["Registry"]

log = logging.getLogger(__name__)

T = TypeVar("T")


class Registry(Generic[T]):
    """Named entries of one extension point.

    Args:
        group: The entry-point group plugins use (``"briefgen.rankers"``).
        what: What an entry is, for messages ("ranking method").
        accept: Turns what a plugin's entry point loads into an entry, or
            raises ``TypeError`` saying what is wrong with it.
    """

    def __init__(self, group: str, what: str, accept: Callable[[str, object], T]) -> None:
        self.group = group
        self.what = what
        self._accept = accept
        self._entries: dict[str, T] = {}
        self._plugins_loaded = False

    def add(self, name: str, entry: T) -> T:
        """Register ``entry`` under ``name`` (briefgen's own entries, or a plugin's at import)."""
        self._entries[name] = entry
        return entry

    def load_plugins(self) -> None:
        """Load the plugins of this registry's entry-point group (once)."""
        if self._plugins_loaded:
            return
        self._plugins_loaded = True
        from importlib.metadata import entry_points

        for ep in sorted(entry_points(group=self.group), key=lambda e: (e.name, e.value)):
            if ep.name in self._entries:
                log.warning("plugin %s (%s) not loaded: briefgen already has a %s of that name",
                            ep.name, ep.value, self.what)
                continue
            try:
                self._entries[ep.name] = self._accept(ep.name, ep.load())
            except Exception as exc:  # a broken plugin must not break briefgen
                log.warning("plugin %s (%s) not loaded: %s: %s", ep.name, ep.value, type(exc).__name__, exc)

    def names(self) -> list[str]:
        """Every entry's name: briefgen's own first, in the order added, then plugins' by name."""
        self.load_plugins()
        return list(self._entries)

    def get(self, name: str) -> T | None:
        """The entry called ``name``, or ``None``."""
        if name not in self._entries:
            self.load_plugins()
        return self._entries.get(name)

    def items(self) -> Iterator[tuple[str, T]]:
        """``(name, entry)`` pairs, in the order of :meth:`names`."""
        self.load_plugins()
        yield from list(self._entries.items())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None
