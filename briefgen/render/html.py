"""The memo as one standalone HTML page, every model string escaped."""

from __future__ import annotations

from html import escape

from briefgen.model import Briefing
from briefgen.render.layout import Block, MemoLayout, Note, Span, layout

__all__ = ["html_text"]

_CSS = """\
body{font-family:Arial,"Liberation Sans",sans-serif;font-size:11pt;max-width:46em;margin:2em auto;
line-height:1.35;color:#111}
h1{color:#1f3864;font-size:20pt;margin-bottom:.3em}
h2{color:#1f3864;font-size:13pt;margin:1.1em 0 .3em}
.banner{text-align:center;font-weight:bold;letter-spacing:.05em}
.fields{border-bottom:1px solid #333;padding-bottom:.6em;margin-bottom:1em}
.fields div{margin:.1em 0}.fields b{display:inline-block;min-width:5em}
.intro{font-style:italic}
ol.sources{font-size:9.5pt}ol.sources li::marker{content:"[" counter(list-item) "] "}
section.footnotes{font-size:9pt;border-top:1px solid #999;margin-top:2em}
sup a{text-decoration:none}
"""


class _Writer:
    def __init__(self) -> None:
        self.notes: list[Note] = []

    def spans(self, spans: tuple[Span, ...], *, notes: bool = True) -> str:
        out = []
        for span in spans:
            text = escape(span.text, quote=False)
            if span.url:
                text = f'<a href="{escape(span.url)}">{text}</a>'
            elif span.strong:
                text = f"<b>{text}</b>"
            out.append(text)
            if span.note is not None and notes:
                self.notes.append(span.note)
                n = len(self.notes)
                out.append(f'<sup><a href="#fn{n}" id="fnref{n}">{n}</a></sup>')
        return "".join(out)

    def blocks(self, blocks: tuple[Block, ...]) -> list[str]:
        out: list[str] = []
        open_list = ""
        for block in blocks:
            wanted = {"bullet": "ul", "numbered": 'ol class="sources"'}.get(block.kind, "")
            if wanted != open_list:
                if open_list:
                    out.append(f"</{open_list.split()[0]}>")
                if wanted:
                    out.append(f"<{wanted}>")
                open_list = wanted
            inner = self.spans(block.spans)
            if block.kind == "heading":
                out.append(f"<h2>{inner}</h2>")
            elif block.kind == "intro":
                out.append(f'<p class="intro">{inner}</p>')
            elif open_list:
                out.append(f"<li>{inner}</li>")
            else:
                out.append(f"<p>{inner}</p>")
        if open_list:
            out.append(f"</{open_list.split()[0]}>")
        return out

    def write(self, memo: MemoLayout) -> str:
        title = escape(memo.subject or memo.heading)
        lines = [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{title}</title>",
            f"<style>\n{_CSS}</style>",
            "</head>",
            "<body>",
        ]
        if memo.banner:
            lines.append(f'<p class="banner">{escape(memo.banner)}</p>')
        lines.append(f"<h1>{escape(memo.heading)}</h1>")
        lines.append('<div class="fields">')
        lines += [f"<div><b>{escape(k)}:</b> {escape(v)}</div>" for k, v in memo.fields]
        lines.append("</div>")
        lines += self.blocks(memo.blocks)
        if self.notes:
            lines += ['<section class="footnotes">', "<ol>"]
            for n, note in enumerate(self.notes, start=1):
                back = f' <a href="#fnref{n}">\u21a9</a>'
                lines.append(f'<li id="fn{n}">{self.spans(note.spans, notes=False)}{back}</li>')
            lines += ["</ol>", "</section>"]
        if memo.banner:
            lines.append(f'<p class="banner">{escape(memo.banner)}</p>')
        lines += ["</body>", "</html>"]
        return "\n".join(lines) + "\n"


def html_text(briefing: Briefing) -> str:
    """The memo as a standalone HTML page with numbered footnotes."""
    return _Writer().write(layout(briefing))
