"""Digest: an archive of articles about many events in, one memo per event out.

:mod:`~briefgen.digest.features` reads each article into compact features,
:mod:`~briefgen.digest.group` groups them into events by time partition,
:mod:`~briefgen.digest.schedule` runs the work on local processes or a Dask
cluster, :mod:`~briefgen.digest.index` writes ``index.json`` and
``index.html``, and :mod:`~briefgen.digest.run` ties them together. It is a
top stage: it uses the pipeline, and only the command line and the package's
public names use it.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from briefgen.digest.run import digest

__all__ = ["digest"]


class _CallableModule(types.ModuleType):
    """``briefgen.digest(...)`` calls :func:`digest` even once this subpackage shadows the name.

    Importing a submodule sets the package attribute of its name, so after
    ``import briefgen.digest.group`` the name ``briefgen.digest`` is this
    module, not the function the public API promises.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return digest(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
