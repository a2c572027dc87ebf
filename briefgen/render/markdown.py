"""The memo as Markdown, footnotes as ``[^n]`` (pandoc and GitHub read them)."""

from __future__ import annotations

import re

from briefgen.model import Briefing
from briefgen.render.layout import Block, MemoLayout, Note, Span, layout

__all__ = ["markdown_text"]

# Characters CommonMark gives a meaning anywhere in a line, escaped with "\\".
_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
# Markers that open a heading, list or quote at the start of a line.
_LEADING_MARK = re.compile(r"^([#+>=-])")
_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")


def escape(text: str) -> str:
    """``text`` with Markdown punctuation escaped, so it prints verbatim."""
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LEADING_MARK.sub(r"\\\1", text)
    return _LEADING_NUMBER.sub(r"\1\\\2", text)


def _url(url: str) -> str:
    return url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")


class _Writer:
    def __init__(self) -> None:
        self.notes: list[Note] = []

    def spans(self, spans: tuple[Span, ...], *, notes: bool = True) -> str:
        out = []
        for span in spans:
            text = escape(span.text) if span.text.strip() else span.text
            if span.url:
                text = f"[{text}]({_url(span.url)})"
            elif span.strong and text.strip():
                stripped = text.rstrip()
                text = f"**{stripped}**{text[len(stripped):]}"
            out.append(text)
            if span.note is not None and notes:
                self.notes.append(span.note)
                out.append(f"[^{len(self.notes)}]")
        return "".join(out)

    def block(self, block: Block, number: int) -> str:
        text = self.spans(block.spans)
        if block.kind == "heading":
            return f"## {text}"
        if block.kind == "intro":
            return f"*{text}*"
        if block.kind == "bullet":
            return f"- {text}"
        if block.kind == "numbered":
            return f"{number}. {text}"
        return text

    def write(self, memo: MemoLayout) -> str:
        lines: list[str] = []
        if memo.banner:
            lines += [f"**{escape(memo.banner)}**", ""]
        lines += [f"# {escape(memo.heading)}", ""]
        for i, (label, value) in enumerate(memo.fields):
            end = "  " if i < len(memo.fields) - 1 else ""
            lines.append(f"**{escape(label)}:** {escape(value)}{end}")
        lines += ["", "---", ""]
        number = 0
        previous = ""
        for block in memo.blocks:
            number = number + 1 if block.kind == "numbered" else 0
            listed = block.kind in ("bullet", "numbered")
            if lines[-1] != "" and not (listed and previous == block.kind):
                lines.append("")
            lines.append(self.block(block, number))
            if not listed:
                lines.append("")
            previous = block.kind
        if lines[-1] != "":
            lines.append("")
        for n, note in enumerate(self.notes, start=1):
            lines.append(f"[^{n}]: {self.spans(note.spans, notes=False)}")
        return "\n".join(lines).rstrip("\n") + "\n"


def markdown_text(briefing: Briefing) -> str:
    """The memo as Markdown: headings, bullet lists, ``[^n]`` footnotes at the end."""
    return _Writer().write(layout(briefing))
