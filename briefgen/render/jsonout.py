"""The whole briefing model as JSON: facts with scores, sources and sentence offsets.

Every fact also says how many sources report it and how many independent
reports those are (``"counts": {"sources": 3, "reports": 2}`` when two of the
three reprint one wire story); every source names the report it carries
(``"report"``, empty for its own).
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from typing import Any

from briefgen.model import Briefing, Fact, Provenance

__all__ = ["SCHEMA_VERSION", "briefing_dict", "json_text"]

# 2: conflicts carry a kind (disagreement, changed, variant) and sides with times (issue 18).
SCHEMA_VERSION = 2
# Lone surrogates (from undecodable input) cannot be written as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _plain(value: Any) -> Any:
    if isinstance(value, Fact):
        data = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        data["counts"] = {"sources": len(value.sources), "reports": value.independent}
        return data
    if isinstance(value, Provenance):
        return value.as_dict()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    return value


def briefing_dict(briefing: Briefing) -> dict[str, Any]:
    """The briefing as plain data; the template is named, its layout left to the writers."""
    data = {
        f.name: _plain(getattr(briefing, f.name))
        for f in dataclasses.fields(briefing)
        if f.name != "style"
    }
    data["template"] = briefing.style.template
    data["schema"] = SCHEMA_VERSION
    return data


def json_text(briefing: Briefing) -> str:
    """The briefing as JSON text: sorted keys, two-space indent, UTF-8 characters kept."""
    return json.dumps(briefing_dict(briefing), sort_keys=True, indent=2, ensure_ascii=False,
                      allow_nan=False) + "\n"
