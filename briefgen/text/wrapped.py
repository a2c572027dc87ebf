"""Hard-wrapped text: paragraphs broken into lines of one width, as plain-text mail and wire feeds print them.

Such text breaks a sentence at every line end, before a capital as often as
not ("... said" / "Ms. Clywd, who chairs ..."), so the cleaner and the metadata
read each paragraph's lines as one (:func:`line_spans`) and the splitter reads
a line break inside a paragraph as white space. All ask :func:`wrap_width`
whether the text is hard-wrapped, so they never disagree.

A text is hard-wrapped when:

* at least :data:`MIN_LINES` lines run on into the next line (no blank line
  between, and no stop at their end: a paragraph's last line is short);
* the width of those lines (the longest, past a tenth of outliers) lies
  within :data:`WIDTHS`;
* :data:`SHARE` of them end within :data:`SLACK` characters of it (a wrapped
  line ends where the next word did not fit, and few words are longer);
* lines that run past the width by more than :data:`SLACK` hold at most
  :data:`LONG_SHARE` of its characters (an article that keeps each paragraph
  on one line is not wrapped, whatever list, poem or table of short lines it
  holds).

A short story, with :data:`FEW_LINES` to :data:`MIN_LINES` such lines, must
have all of them within :data:`SLACK` of the width and no line longer than
that. The numbers are set without data, from the widths such text uses (60 to 80
characters) and English word lengths. A paragraph alone, when its document
is not known to be wrapped, has a looser test of its own (:func:`block_width`).
"""

from __future__ import annotations

from briefgen.text.datelines import lead_in_end

__all__ = ["MIN_LINES", "block_width", "line_spans", "runs_on", "unwrapped_lines", "wrap_width"]

MIN_LINES = 6
FEW_LINES = 3
WIDTHS = (40, 100)
SHARE = 0.8
SLACK = 15
LONG_SHARE = 0.1
_CLOSERS = "\"')]\u2019\u201d\u00bb"
_STOPS = (".", "!", "?", ":", "\u2026")


def wrap_width(text: str) -> int:
    """The width ``text`` is hard-wrapped at, or 0 when it is not hard-wrapped (see the module docs)."""
    lines = [line.strip() for line in text.split("\n")]
    # Lines running on inside a sentence: a paragraph's last line, short, ends on a stop.
    running = sorted(len(line) for line, nxt in zip(lines, lines[1:], strict=False)
                     if line and nxt and not line.rstrip(_CLOSERS).endswith(_STOPS))
    if len(running) < FEW_LINES:
        return 0
    width = running[int(0.9 * (len(running) - 1))]
    if not WIDTHS[0] <= width <= WIDTHS[1]:
        return 0
    lengths = [len(line) for line in lines if line]
    if len(running) < MIN_LINES:  # a short story: every line as wrapped lines are, none longer
        return width if running[0] >= width - SLACK and max(lengths) <= width + SLACK else 0
    if sum(1 for n in running if n >= width - SLACK) < SHARE * len(running):
        return 0
    return 0 if sum(n for n in lengths if n > width + SLACK) > LONG_SHARE * sum(lengths) else width


def runs_on(line: str, following: str, width: int) -> bool:
    """Whether a line of text hard-wrapped at ``width`` runs on into the ``following`` line (with no
    blank line between): it reaches within :data:`SLACK` of the width, neither is written in capitals (a
    note or a heading: "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)"; "21." is none), and
    the following line opens with no dateline (the line above it is a headline)."""
    return (len(line) >= width - SLACK and not _capitals(line) and not _capitals(following)
            and not lead_in_end(following, story_start=True))


def line_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank line of ``text``, white space around it left out, the lines
    of each hard-wrapped paragraph joined into one span (:func:`runs_on`)."""
    width = wrap_width(text)
    spans: list[tuple[int, int]] = []
    last = ""  # the line before, "" after a blank line
    pos = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            start = pos + len(raw) - len(raw.lstrip())
            if last and width and runs_on(last, line, width):
                spans[-1] = (spans[-1][0], start + len(line))
            else:
                spans.append((start, start + len(line)))
        last = line
        pos += len(raw) + 1
    return spans


def unwrapped_lines(text: str) -> list[str]:
    """The non-blank lines of ``text``, stripped, the lines of each hard-wrapped paragraph joined by a
    space (:func:`line_spans`); as they stand when ``text`` is not hard-wrapped."""
    return [" ".join(part.strip() for part in text[s:e].split("\n")) for s, e in line_spans(text)]


def _capitals(text: str) -> bool:
    """Whether ``text`` has letters, all of them capitals ("21." and "1990." have none)."""
    return any(c.isalpha() for c in text) and not any(c.islower() for c in text)


def block_width(text: str) -> int:
    """The line width of one block of text that looks hard-wrapped on its own, or 0.

    Such a block has at least three lines, most of them about as long as
    the longest (40 to 100 characters); unwrapped text keeps a paragraph on
    one line, so its long lines are much longer or there are too few.
    """
    lengths = sorted(len(line.strip()) for line in text.splitlines() if line.strip())
    if len(lengths) < 3:
        return 0
    width = lengths[min(len(lengths) - 1, int(0.9 * len(lengths)))]
    if not WIDTHS[0] <= width <= WIDTHS[1]:
        return 0
    near = sum(1 for n in lengths if n >= 0.7 * width)
    return width if near >= max(3, len(lengths) // 2) else 0
