"""The digest's table of contents: ``index.json`` for programs, ``index.html`` for people.

Both list every event with a memo (id, title, date span, outlets, article
count, memo file relative to the output folder, and its inputs), the articles
left unassigned, and the inputs skipped with the reason. Nothing in them
depends on the clock or the machine, so the same inputs give the same bytes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from html import escape

from briefgen.model import Skipped

__all__ = ["EventEntry", "index_html", "index_json", "memo_name"]


@dataclass(frozen=True, slots=True)
class EventEntry:
    """One event with a memo, as the index lists it."""

    id: str
    title: str
    memo: str
    sources: tuple[str, ...]
    start: str | None
    end: str | None
    outlets: tuple[str, ...]

    @property
    def articles(self) -> int:
        """How many articles the event holds."""
        return len(self.sources)


def memo_name(event_id: str, title: str, suffix: str) -> str:
    """A memo's file name: the event id, then the title's first words in ASCII.

    For example ``e0007-pinochet-arrested.docx``.
    """
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_title)
    slug = ""
    for w in words:
        if len(slug) + len(w) + 1 > 48:
            break
        slug = f"{slug}-{w}" if slug else w
    return f"{event_id}-{slug}{suffix}" if slug else f"{event_id}{suffix}"


def _data(events: list[EventEntry], unassigned: list[str], skipped: list[Skipped],
          complete: bool) -> dict[str, object]:
    return {
        "complete": complete,
        "events": [{"id": e.id, "title": e.title, "memo": e.memo, "start": e.start, "end": e.end,
                    "outlets": list(e.outlets), "articles": e.articles, "sources": list(e.sources)}
                   for e in events],
        "unassigned": list(unassigned),
        "skipped": [{"path": s.origin, "reason": s.reason} for s in skipped],
    }


def index_json(events: list[EventEntry], unassigned: list[str], skipped: list[Skipped], *,
               complete: bool = True) -> bytes:
    """``index.json``: events in id order, then unassigned and skipped inputs, sorted.

    ``complete`` is false when the digest was interrupted: the index then
    lists only the memos written.
    """
    data = _data(events, unassigned, skipped, complete)
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _span(e: EventEntry) -> str:
    if not e.start:
        return "undated"
    return e.start if e.start == e.end else f"{e.start} to {e.end}"


def index_html(events: list[EventEntry], unassigned: list[str], skipped: list[Skipped], *,
               complete: bool = True) -> bytes:
    """``index.html``: a table of the events with links to their memos, then what was left out."""
    rows = "\n".join(
        f'<tr><td>{escape(e.id)}</td><td><a href="{escape(e.memo)}">{escape(e.title)}</a></td>'
        f"<td>{escape(_span(e))}</td><td>{escape(', '.join(e.outlets))}</td><td>{e.articles}</td></tr>"
        for e in events)
    left = "\n".join(f"<li>{escape(p)}</li>" for p in unassigned)
    bad = "\n".join(f"<li>{escape(s.origin)}: {escape(s.reason)}</li>" for s in skipped)
    note = "" if complete else "<p><b>Interrupted:</b> only the memos written so far are listed.</p>\n"
    html = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Digest: {len(events)} events</title>
<style>body{{font-family:Arial,"Liberation Sans",sans-serif;max-width:60em;margin:2em auto}}
table{{border-collapse:collapse}}td,th{{border-bottom:1px solid #ccc;padding:.25em .6em;text-align:left;
vertical-align:top}}h1,h2{{color:#1f3864}}</style></head>
<body><h1>Digest: {len(events)} events</h1>
{note}<table><thead><tr><th>id</th><th>title</th><th>dates</th><th>outlets</th><th>articles</th></tr></thead>
<tbody>
{rows}
</tbody></table>
<h2>Articles on no event ({len(unassigned)})</h2>
<ul>
{left}
</ul>
<h2>Skipped inputs ({len(skipped)})</h2>
<ul>
{bad}
</ul>
</body></html>
"""
    return html.encode("utf-8")
