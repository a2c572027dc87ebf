"""NLTK's Porter stemmer and Punkt without importing the whole of NLTK.

``nltk/__init__.py`` imports every NLTK subpackage, and through them
``scipy.stats``: seconds at start-up, while briefgen needs two pure-Python
modules (``nltk.stem.porter`` and ``nltk.tokenize.punkt``) and the few small
modules they import. :func:`light_nltk` registers the packages ``nltk``,
``nltk.stem`` and ``nltk.tokenize`` without running their ``__init__``, so
those modules import on their own. Everything else still works: the first
time code asks one of these packages for a name it does not hold yet, or
imports any other part of NLTK, the real ``__init__`` files run, in NLTK's own
order, and the packages become ordinary modules.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
import types
from collections.abc import Sequence
from typing import Any

__all__ = ["light_nltk"]

_PACKAGES = ("nltk", "nltk.stem", "nltk.tokenize")
# The modules Porter and Punkt import; any other NLTK module first loads all of NLTK.
_LIGHT = frozenset({
    *_PACKAGES,
    "nltk.internals",
    "nltk.pathsec",
    "nltk.picklesec",
    "nltk.probability",
    "nltk.redos",
    "nltk.stem.api",
    "nltk.stem.porter",
    "nltk.tabdata",
    "nltk.termsec",
    "nltk.tokenize.api",
    "nltk.tokenize.punkt",
    "nltk.tokenize.util",
})


class _DeferredPackage(types.ModuleType):
    """A package whose ``__init__`` runs when it is first asked for a name it lacks."""

    def __getattr__(self, name: str) -> Any:
        if importlib.machinery.PathFinder.find_spec(f"{self.__name__}.{name}", self.__path__) is not None:
            # A submodule: ``from package import name`` goes on to import just it.
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        _unguard()
        _run_init("nltk")  # the parent's __init__ first, as a plain import would
        _run_init(self.__name__)
        return getattr(sys.modules[self.__name__], name)


def _run_init(name: str) -> None:
    module = sys.modules.get(name)
    if not isinstance(module, _DeferredPackage):
        return
    module.__class__ = types.ModuleType  # type: ignore[assignment]  # an ordinary module from now on
    spec = module.__spec__
    assert spec is not None and spec.loader is not None
    spec.loader.exec_module(module)


def _unguard() -> None:
    for finder in [f for f in sys.meta_path if isinstance(f, _Guard)]:
        sys.meta_path.remove(finder)


class _Guard(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Loads all of NLTK before any NLTK module outside the light set is imported."""

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: types.ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if not fullname.startswith("nltk.") or fullname in _LIGHT:
            return None
        # NLTK's __init__ imports its subpackages in an order their circular
        # imports rely on: run it before any module outside the light set.
        _unguard()
        for name in _PACKAGES:
            _run_init(name)
        if fullname in sys.modules:  # NLTK's __init__ imported it: hand that module over
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return sys.modules[spec.name]

    def exec_module(self, module: types.ModuleType) -> None:
        return None


def light_nltk() -> None:
    """Make ``nltk.stem.porter`` and ``nltk.tokenize.punkt`` importable without all of NLTK.

    Does nothing when NLTK is already imported or not installed.
    """
    if "nltk" in sys.modules or importlib.util.find_spec("nltk") is None:
        return
    for name in _PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None or spec.submodule_search_locations is None:
            return
        module = _DeferredPackage(name)
        module.__spec__ = spec
        module.__loader__ = spec.loader
        module.__file__ = spec.origin
        module.__path__ = list(spec.submodule_search_locations)
        module.__package__ = name
        sys.modules[name] = module
        parent, _, child = name.rpartition(".")
        if parent:
            setattr(sys.modules[parent], child, module)
    sys.meta_path.insert(0, _Guard())
