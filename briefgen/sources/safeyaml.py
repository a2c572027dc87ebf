"""YAML read safely: plain data only, nesting and alias expansion bounded, impossible dates kept as text.

``yaml.safe_load`` builds no Python objects beyond plain data, but a few lines
of anchors and aliases describe billions of nodes ("billion laughs"), deep
nesting exhausts the stack, and ``2026-02-30`` raises a bare ``ValueError``.
:func:`load_yaml` first walks the document's events (libyaml's parser keeps
its own stack, so nesting costs no recursion), counting how deep it nests and
how many nodes it stands for once every alias is expanded; only a document
within the limits is then built, with dates that do not exist left as strings.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

__all__ = ["MAX_DEPTH", "MAX_NODES", "BadYaml", "load_yaml"]

#: Deepest nesting of lists and mappings accepted.
MAX_DEPTH = 64
#: Most nodes a document may stand for, every alias expanded.
MAX_NODES = 500_000


class BadYaml(ValueError):
    """The text is not YAML briefgen accepts; the message says why in a few words."""


def _check_events(events: Iterable[Any]) -> None:
    import yaml

    weights: dict[str, int] = {}
    stack: list[tuple[int, str | None]] = []  # (weight so far, anchor) of each open collection
    total = 0

    def add(weight: int) -> None:
        nonlocal total
        if stack:
            w, a = stack[-1]
            stack[-1] = (w + weight, a)
        else:
            total += weight
        if weight > MAX_NODES or total > MAX_NODES or (stack and stack[-1][0] > MAX_NODES):
            raise BadYaml(f"stands for more than {MAX_NODES:,} values once its aliases are expanded")

    for event in events:
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            stack.append((1, event.anchor))
            if len(stack) > MAX_DEPTH:
                raise BadYaml(f"nests too deeply (more than {MAX_DEPTH} levels)")
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            weight, anchor = stack.pop()
            if anchor is not None:
                weights[anchor] = weight
            add(weight)
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor is not None:
                weights[event.anchor] = 1
            add(1)
        elif isinstance(event, yaml.AliasEvent):
            add(weights.get(event.anchor or "", 1))


@lru_cache(maxsize=1)
def _loader() -> type:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[valid-type,misc]
        """The safe loader, with dates that do not exist ("2026-02-30") kept as written."""

    def timestamp(loader: Any, node: Any) -> Any:
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
        except (ValueError, OverflowError):
            return loader.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", timestamp)
    return Loader


def load_yaml(text: str) -> Any:
    """The plain data (dicts, lists, strings, numbers, dates) of a YAML document.

    Raises:
        BadYaml: invalid YAML, nested deeper than :data:`MAX_DEPTH`, or
            standing for more than :data:`MAX_NODES` nodes once aliases are
            expanded; the message is one short line.
    """
    import yaml

    loader = _loader()
    try:
        _check_events(yaml.parse(text, Loader=loader))
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "flow level" in first or "nesting" in first:  # libyaml's own guard against deep nesting
            first = "nests too deeply"
        raise BadYaml(first) from None
    except (ValueError, OverflowError) as exc:  # an integer of more digits than Python converts
        if isinstance(exc, BadYaml):
            raise
        raise BadYaml(str(exc).splitlines()[0]) from None
    except RecursionError:
        raise BadYaml("nests too deeply") from None
