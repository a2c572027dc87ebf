"""The ``briefgen`` command line: the only module that imports click.

Commands parse options, call the library and print. A :class:`BriefgenError`
becomes one line on stderr and exit status 2; any other exception is a bug and
shows its traceback (with ``--debug`` a BriefgenError shows one too).
"""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import os
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from briefgen import __version__
from briefgen.console import count as _count
from briefgen.console import stops_cleanly
from briefgen.errors import BriefgenError, interrupted_import

if TYPE_CHECKING:
    from briefgen.model import Source

F = TypeVar("F", bound=Callable[..., Any])

log = logging.getLogger("briefgen")

#: Exit status for a bug (BSD's EX_SOFTWARE); every error a user can cause exits 2.
EXIT_BUG = 70

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _State:
    quiet = False
    verbose = 0
    debug = False
    own_process = False


STATE = _State()


class _Interrupted(Exception):
    """Ctrl-C inside a command, carried past click's handler (which prints a bare newline)."""


class _ReaderGone(Exception):
    """Standard output's reader went away, carried past click's handler (which exits 1)."""


class _Group(click.Group):
    """The top-level group: Ctrl-C and a closed output pipe, in any command, pass click by."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise _Interrupted() from None
        except BrokenPipeError:
            raise _ReaderGone() from None


# Control characters a file name or a page may carry: shown escaped, so that no message can end a line
# early, forge another message or steer the terminal (ESC sequences).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escaped(text: str) -> str:
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


class _OneLineFormatter(logging.Formatter):
    """Each message on one line, control characters escaped (tracebacks, with --debug, stay as they are)."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        return _escaped(super().formatMessage(record))


def _setup_logging() -> None:
    if STATE.quiet:
        level = logging.ERROR
    else:
        level = logging.DEBUG if STATE.verbose > 1 else logging.INFO if STATE.verbose else logging.WARNING
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLineFormatter("briefgen: %(levelname)s: %(message)s"))
    root = logging.getLogger("briefgen")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False
    # What compiled libraries print is shown (on stderr) only with --debug: see briefgen.native.
    logging.getLogger("briefgen.native").setLevel(logging.DEBUG if STATE.debug else logging.NOTSET)


def _set_quiet(_ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        STATE.quiet = True
        _setup_logging()


def _add_verbose(_ctx: click.Context, _param: click.Parameter, value: int) -> None:
    if value:
        STATE.verbose += value
        _setup_logging()


def _set_debug(_ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        STATE.debug = True
        _setup_logging()


def _output_options(func: F) -> F:
    """-q, -v and --debug: accepted before the command name and after it."""
    func = click.option("--debug", is_flag=True, expose_value=False, callback=_set_debug,
                        help="Show tracebacks for errors, and what libraries print.")(func)
    func = click.option("-v", "--verbose", count=True, expose_value=False, callback=_add_verbose,
                        help="Explain decisions on stderr (-vv for more).")(func)
    func = click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=_set_quiet,
                        help="Print nothing but errors; no progress display.")(func)
    return func


def _check_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from briefgen.dates import parse_date

    try:
        parse_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    return value


def _settle() -> None:
    """Resume the cycle collector once a command has imported what it needs.

    Start-up creates a few hundred thousand long-lived objects (the modules
    of NumPy, SciPy, python-docx and NLTK), which the collector would scan
    again and again while they load: about a sixth of the start-up time.
    :func:`main` pauses it in a process of its own; here those objects move
    to its permanent generation, so later collections skip them, and it
    resumes for the work itself.
    """
    if STATE.own_process and not gc.isenabled():
        gc.freeze()
        gc.enable()


def _progress(label: str) -> contextlib.AbstractContextManager[Callable[[str], None]]:
    """A stage reporter on stderr: only on a terminal, never with --quiet."""
    from briefgen.console import stages

    return stages(label, not STATE.quiet and sys.stderr.isatty())


class _Registered(click.Choice):
    """A choice among a registry's names, read when first needed (plugins included).

    Reading a registry imports its modules and loads plugins: ``--version``
    and ``--help`` of other commands should not pay for that.
    """

    def __init__(self, names: Callable[[], list[str]]) -> None:
        super().__init__([])
        self._names = names
        self._cache: list[str] | None = None

    @property  # type: ignore[override]
    def choices(self) -> Sequence[str]:
        if self._cache is None:
            self._cache = self._names()
        return self._cache

    @choices.setter
    def choices(self, value: Sequence[str]) -> None:
        self._cache = list(value) or None


def _method_names() -> list[str]:
    from briefgen.select.choice import method_names

    return method_names()


def _writer_names() -> list[str]:
    from briefgen.render.writers import WRITERS

    return WRITERS.names()


def _trust_options(func: F) -> F:
    """--allow-private-urls and --allow-outside-files: what briefgen refuses to read unless told."""
    func = click.option(
        "--allow-outside-files", is_flag=True,
        help="Read files a manifest names outside its own folder and the folders given "
             "(refused by default).",
    )(func)
    func = click.option(
        "--allow-private-urls", is_flag=True,
        help="Fetch URLs on loopback, private or link-local addresses, such as localhost or 10.0.0.1 "
             "(refused by default).",
    )(func)
    return func


def _limits(allow_private_urls: bool, allow_outside_files: bool) -> Any:
    """The reading limits the options ask for."""
    from briefgen.sources.limits import Limits

    return Limits(allow_private_urls=allow_private_urls, allow_outside_files=allow_outside_files)


def _input_options(func: F) -> F:
    """Options shared by every command that reads articles."""
    func = _trust_options(func)
    func = click.option(
        "--manifest",
        type=click.Path(dir_okay=False),
        help="TOML, YAML or CSV file giving each source's outlet, title, date and url.",
    )(func)
    func = click.option(
        "--strict", is_flag=True, help="Fail on the first unreadable input instead of skipping it."
    )(func)
    return func


@click.group(cls=_Group, context_settings=CONTEXT, epilog="""\b
Examples:
  briefgen build memo.docx                        brief the bundled sample articles
  briefgen build memo.docx articles/ --template trade.toml
  briefgen summarize --words 80 articles/*.txt
  briefgen inspect articles/                      see what was read, dropped and merged
  briefgen digest archive/ --out digest/          one memo per event in an archive
  briefgen templates new my-sections.toml         start your own template

Shell completion (bash): eval "$(_BRIEFGEN_COMPLETE=bash_source briefgen)"
""")
@click.version_option(__version__, "-V", "--version", prog_name="briefgen")
@_output_options
def cli() -> None:
    """Turn news articles about one event into a footnoted briefing memo.

    Every sentence in the memo is a sentence a source printed, merged across
    sources and footnoted to every source that reported it.
    """
    _setup_logging()


@cli.command(context_settings=CONTEXT, epilog="""\b
Examples:
  briefgen build memo.docx
  briefgen build memo.docx articles/*.txt --template my-sections.toml
  briefgen build memo.md saved-pages/ --manifest sources.csv --subject "Nara summit"
  briefgen build memo.json articles/ --method lexrank
""")
@click.argument("output", type=click.Path())
@click.argument("inputs", nargs=-1)
@click.option("-t", "--template",
              help="Template name (see 'briefgen templates list') or path to a .toml file; 'auto' chooses "
                   "among your own templates too. Default: the packaged template the facts fit best.")
@click.option("-f", "--format", "fmt", type=_Registered(_writer_names),
              help="Output format; by default taken from OUTPUT's extension (.docx if none).")
@click.option("-m", "--method", type=_Registered(_method_names),
              help="How facts are ranked; defaults to the template's method (briefgen).")
@click.option("--subject", help="Memo subject line; derived from the sources if not given.")
@click.option("--date", "date", callback=_check_date,
              help="Memo date (YYYY-MM-DD, or 'today'); default: latest source date.")
@click.option("--to", help="Addressee in the header block.")
@click.option("--from", "sender", help="Sender in the header block.")
@click.option("--banner", help="Handling banner printed in page header and footer, e.g. 'OFFICIAL'.")
@_input_options
@_output_options
def build(output: str, inputs: Sequence[str], template: str | None, fmt: str | None, method: str | None,
          subject: str | None, date: str | None, to: str | None, sender: str | None, banner: str | None,
          manifest: str | None, strict: bool, allow_private_urls: bool, allow_outside_files: bool) -> None:
    """Build the briefing memo OUTPUT from INPUTS.

    INPUTS are .txt, .md, .html and .docx files, folders of them, globs,
    http(s) URLs, or - for standard input. With no INPUTS, the bundled sample
    corpus (five articles on the January 2026 Korea-Japan summit) is briefed.
    OUTPUT is written atomically: on any error the old file stays as it was.
    OUTPUT - writes the memo to standard output (Markdown unless --format says
    otherwise). An OUTPUT without an extension gets .docx; with --format it
    keeps its name as given. OUTPUT may not be a file briefgen reads or
    consults (an input, read or skipped, a file in an input folder, the
    manifest, the template, the user's template folder).
    """
    from briefgen.output import check_target, format_for, suffix_for, write
    from briefgen.pipeline import run

    _settle()
    to_stdout = output == "-"
    if to_stdout:
        kind = fmt or "md"
        if kind == "docx" and sys.stdout.isatty():
            raise click.UsageError("refusing to write a .docx file to a terminal; redirect standard output")
    else:
        target = Path(output)
        if not fmt and not target.suffix and not (target.exists() and not target.is_file()):
            output = output + suffix_for("docx")
            log.warning("OUTPUT has no extension: writing %s (name a format with --format to keep the name)",
                        output)
        kind = format_for(output, fmt)
        check_target(output, [*(i for i in inputs if i != "-"), *([manifest] if manifest else [])])
    with _progress("Building briefing") as step:
        done = run(list(inputs) or None, template=template, manifest=manifest, method=method, subject=subject,
                   date=date, to=to, sender=sender, banner=banner, strict=strict, progress=step,
                   limits=_limits(allow_private_urls, allow_outside_files))
        briefing = done.briefing
        step("writing " + kind)
        if to_stdout:
            from briefgen.render.writers import render

            data = render(briefing, kind)
        else:
            path = write(briefing, output, fmt=kind)
    if done.kind is not None and done.kind.name != "default" and not STATE.quiet:
        # The choice of template is news to the reader only when it is not the usual one.
        use = f" ({done.template.use_when})" if done.template.use_when else ""
        click.echo(f"briefgen: template {done.kind.name}{use}: the facts fit it best; "
                   "name another with --template", err=True)
    if to_stdout:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    if not STATE.quiet:
        n = len(briefing.facts) + len(briefing.bluf)
        click.echo(f"Wrote {path} ({_count(n, 'fact')} from {_count(len(briefing.sources), 'source')}, "
                   f"{len(briefing.skipped)} skipped)", err=True)


@cli.command(context_settings=CONTEXT, epilog="""\b
Examples:
  briefgen digest archive/ --out digest/
  briefgen digest feeds/*.html --out digest/ --format md
  briefgen digest archive/ --out digest/ --scheduler tcp://10.0.0.5:8786
""")
@click.argument("archive", nargs=-1, required=True)
@click.option("-o", "--out", "out", required=True, type=click.Path(file_okay=False),
              help="Folder for the memos, index.json and index.html (created if missing).")
@click.option("-f", "--format", "fmt", type=_Registered(_writer_names), default="docx", show_default=True,
              help="Format of the memos.")
@click.option("-t", "--template", default=None,
              help="One template for every memo; by default the pipeline chooses per event.")
@click.option("-m", "--method", type=_Registered(_method_names),
              help="How facts are ranked; defaults to the template's method.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on a Dask cluster: the scheduler's address (tcp://host:8786). Needs briefgen[dask].")
@click.option("--window", type=click.IntRange(1, 3650), default=None,
              help="Days without a new article after which an event closes (default 60).")
@click.option("--manifest", type=click.Path(dir_okay=False),
              help="TOML, YAML or CSV file giving each source's outlet, title, date and url.")
@_trust_options
@_output_options
def digest(archive: Sequence[str], out: str, fmt: str, template: str | None, method: str | None,
           scheduler: str | None, window: int | None, manifest: str | None, allow_private_urls: bool,
           allow_outside_files: bool) -> None:
    """Group the articles of ARCHIVE into events and write one memo per event.

    ARCHIVE is any mix of files, folders, globs and URLs. An event is a set
    of stories about the same happening, close in time; each event with at
    least two independent sources gets a memo in OUT, and OUT/index.json and
    OUT/index.html list every event, the articles on no event and the inputs
    skipped. Unreadable files are skipped, never fatal. Ctrl-C keeps the memos
    written and an index of them; so do SIGTERM and SIGHUP.
    """
    from briefgen.digest import digest as run

    _settle()
    show = not STATE.quiet and sys.stderr.isatty()
    from briefgen.console import counters

    with stops_cleanly(), counters(show) as step:
        result = run(list(archive), out, fmt=fmt, template=template, method=method, manifest=manifest,
                     scheduler=scheduler, window=window, progress=step,
                     limits=_limits(allow_private_urls, allow_outside_files))
    if not STATE.quiet:
        click.echo(f"Wrote {_count(len(result['events']), 'memo')} to {out} "
                   f"({_count(len(result['unassigned']), 'article')} on no event, "
                   f"{len(result['skipped'])} skipped); see {Path(out) / 'index.html'}", err=True)


@cli.command(context_settings=CONTEXT, epilog="""\b
Examples:
  briefgen summarize --words 80 articles/
  briefgen summarize --words 100 --fill cluster/   a DUC-style summary, to cut at 100 words
  cat story.txt | briefgen summarize -
""")
@click.argument("inputs", nargs=-1)
@click.option("-w", "--words", default=100, show_default=True, type=click.IntRange(1, 100_000),
              help="Word budget of the summary.")
@click.option("-m", "--method", default="briefgen", show_default=True, type=_Registered(_method_names),
              help="How sentences are ranked.")
@click.option("--manifest", type=click.Path(dir_okay=False), help="Source metadata file (TOML, YAML or CSV).")
@click.option("--fill", is_flag=True,
              help="Add one more sentence past the budget, for evaluations that cut summaries at N words.")
@_trust_options
@_output_options
def summarize(inputs: Sequence[str], words: int, method: str, manifest: str | None, fill: bool,
              allow_private_urls: bool, allow_outside_files: bool) -> None:
    """Print a generic summary of INPUTS, one sentence a line.

    The same selection feeds the memo's bottom line up front. With no INPUTS,
    the bundled sample corpus is summarised. The summary stays within the
    word budget; with --fill it runs one sentence past it, the form DUC-style
    benchmarks expect before they cut every summary at N words.
    """
    from briefgen.pipeline import summarize as run
    from briefgen.resources import seeds_dir

    _settle()
    paths: list[str | os.PathLike[str]] = [*inputs] or ([] if manifest else [seeds_dir()])
    for sentence in run(paths=paths, words=words, method=method, manifest=manifest, fill=fill,
                        limits=_limits(allow_private_urls, allow_outside_files)):
        click.echo(sentence)


def _table(title: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    from briefgen.console import table

    table(title, columns, rows)


@cli.command(context_settings=CONTEXT, epilog="""\b
Examples:
  briefgen sources articles/
  briefgen sources page.html --format json
""")
@click.argument("inputs", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Terminal table or JSON for machines.")
@_input_options
@_output_options
def sources(inputs: Sequence[str], fmt: str, manifest: str | None, strict: bool, allow_private_urls: bool,
            allow_outside_files: bool) -> None:
    """List the sources in INPUTS with the metadata found for each.

    Each detail is marked given (by a manifest, front matter, the page's or
    file's metadata, or a date in the file name), found (printed in the
    article: headline, credit line, dateline, byline) or guessed (from a file
    name's words or photo credits; a memo never prints a guessed title or date).
    """
    from briefgen.resources import seeds_dir
    from briefgen.sources.load import load_sources

    _settle()
    found, skipped = load_sources(list(inputs) or ([] if manifest else [seeds_dir()]), manifest=manifest,
                                  strict=strict, limits=_limits(allow_private_urls, allow_outside_files))
    if fmt == "json":
        click.echo(json.dumps({
            "sources": [{"id": s.id, "origin": s.origin, "outlet": s.outlet, "title": s.title, "date": s.date,
                         "url": s.url, "author": s.author, "format": s.format,
                         "provenance": s.provenance.as_dict()} for s in found],
            "skipped": [{"origin": s.origin, "reason": s.reason} for s in skipped],
        }, indent=2, ensure_ascii=False))
        return

    def marked(src: Source, detail: str, value: str | None, missing: str = "") -> str:
        how, where = src.provenance.how(detail), src.provenance.where(detail)
        if not value:
            return missing
        return f"{value}\n({how}: {where})" if how and where else f"{value}\n({how})" if how else value

    _table("Sources", ["id", "outlet", "title", "date", "url", "file"],
           [(s.id, marked(s, "outlet", s.outlet), marked(s, "title", s.title, "[untitled]"),
             marked(s, "date", s.date, "[undated]"), marked(s, "url", s.url), s.origin) for s in found])
    if skipped:
        _table("Skipped", ["input", "reason"], [(s.origin, s.reason) for s in skipped])


@cli.command(context_settings=CONTEXT, epilog="""\b
Examples:
  briefgen inspect articles/
  briefgen inspect --format json articles/ > analysis.json
""")
@click.argument("inputs", nargs=-1)
@click.option("-t", "--template",
              help="Template name or path; 'auto' chooses among your own too. Default: the best fit.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Terminal tables or JSON for machines.")
@click.option("-m", "--method", type=_Registered(_method_names),
              help="How facts are ranked; defaults to the template's method.")
@_input_options
@_output_options
def inspect(inputs: Sequence[str], template: str | None, fmt: str, method: str | None, manifest: str | None,
            strict: bool, allow_private_urls: bool, allow_outside_files: bool) -> None:
    """Show what briefgen made of INPUTS: sources, dropped lines, facts, conflicts."""
    from briefgen.inspect import inspect_data

    _settle()
    with _progress("Inspecting") as step:
        data = inspect_data(list(inputs) or None, template=template, method=method, manifest=manifest,
                            strict=strict, progress=step,
                            limits=_limits(allow_private_urls, allow_outside_files))
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    _table("Sources", ["id", "outlet", "title", "date", "file"],
           [(s["id"], s["outlet"], s["title"], s["date"], s["origin"]) for s in data["sources"]])
    if data["skipped"]:
        _table("Skipped inputs", ["input", "reason"], [(s["origin"], s["reason"]) for s in data["skipped"]])
    _table("Dropped lines", ["source", "kind", "reason", "line"],
           [(d["source"], d["kind"], d["reason"], _clip(d["text"])) for d in data["dropped"]])
    choice = data["template_choice"]
    if choice is not None:
        _table(f"Template: {data['template']} ({choice['reason']})",
               ["template", "fit", "chosen", "sections"],
               [(f["name"], f"{f['score']:.3f}", "yes" if f["name"] == data["template"] else "",
                 ", ".join(f"{k} {v:.0%}" for k, v in f["sections"].items() if v >= 0.05))
                for f in choice["fits"]])
    for part in [data["bluf"], *data["sections"]]:
        picked = sum(f["chosen"] for f in part["facts"])
        _table(f"{part['title']}: {picked} chosen of {len(part['facts'])} candidates",
               ["fact", "chosen", "score", "sources", "text"],
               [(f["id"], "yes" if f["chosen"] else "", f"{f['score']:.3f}", len(f["sources"]),
                 _clip(f["text"])) for f in part["facts"]])
    if data["other"]:
        printed = "the best printed by the catch-all" if data["catch_all"] else "not printed"
        _table(f"Fit no section: {len(data['other'])} facts ({printed})", ["fact", "sources", "text"],
               [(f["id"], len(f["sources"]), _clip(f["text"])) for f in data["other"]])
    _table("Where sources differ", ["kind", "what", "values"],
           [(c["kind"], c["topic"], (" \u2192 " if c["kind"] == "changed" else " | ").join(
               f"{s['value']} ({', '.join(([s['time']] if s['time'] else []) + s['sources'])})"
               for s in c["sides"]))
            for c in data["conflicts"]])


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


@cli.group(context_settings=CONTEXT)
def templates() -> None:
    """List, show and create section templates."""


@templates.command("list", context_settings=CONTEXT)
@_output_options
def templates_list() -> None:
    """List the templates briefgen can find, each with when to use it.

    Without --template, briefgen chooses among the packaged templates the one
    whose sections the facts fit best, and keeps default whenever it fits. A
    template of yours with a packaged one's name replaces it.
    """
    from briefgen.config import list_templates, load_template

    found = list_templates()
    # default first, general (anything else) last, the kinds in between by name.
    for name in sorted(found, key=lambda n: (n != "default", n == "general", n)):
        path = found[name]
        try:
            tpl = load_template(path)
            when, desc = tpl.use_when or "-", tpl.description
        except BriefgenError as exc:
            when, desc = "-", f"(invalid: {exc})"
        click.echo(f"{name:<14} use when: {when}")
        click.echo(f"{'':<14} {desc}  [{path}]")


@templates.command("show", context_settings=CONTEXT)
@click.argument("name")
@_output_options
def templates_show(name: str) -> None:
    """Print the template NAME (a name or a path) as written."""
    from briefgen.config import find_template, load_template

    path = find_template(name)
    load_template(path)  # report problems before printing
    click.echo(path.read_text(encoding="utf-8"), nl=False)


@templates.command("new", context_settings=CONTEXT, epilog="""\b
Example:
  briefgen templates new ~/.config/briefgen/templates/trade.toml
  briefgen build memo.docx articles/ --template trade
""")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@_output_options
def templates_new(path: str, force: bool) -> None:
    """Copy the default template, with comments on every key, to PATH."""
    from briefgen.errors import ConfigError
    from briefgen.output import write_bytes
    from briefgen.resources import templates_dir

    target = Path(path)
    if target.exists() and not force:
        raise ConfigError(f"{path}: already exists (use --force to overwrite)")
    text = (templates_dir() / "default.toml").read_text(encoding="utf-8")
    text = text.replace('name = "default"', f'name = "{target.stem}"', 1)
    write_bytes(text.encode("utf-8"), target)
    click.echo(f"Wrote {target}; edit it, then: briefgen build memo.docx --template {target}", err=True)


_USER_INFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s?#@'\"]*@")


def _one_line(message: str, width: int = 400) -> str:
    """``message`` on one line, passwords in URLs hidden, at most about ``width`` characters.

    What is cut is the middle of long words (paths and URLs: their start and
    end say which file), never the end of the line, where the problem is.
    """
    line = _escaped(_USER_INFO.sub(r"\1***@", " ".join(message.split())))
    if len(line) <= width:
        return line
    words = [_middle(w, 80) for w in line.split(" ")]
    line = " ".join(words)
    return line if len(line) <= width else _middle(line, width, tail=width * 2 // 3)


def _middle(word: str, width: int, tail: int | None = None) -> str:
    """``word`` cut in the middle to ``width`` characters, keeping ``tail`` characters of its end."""
    if len(word) <= width:
        return word
    keep_end = tail if tail is not None else width // 2
    return word[: width - keep_end - 1] + "\u2026" + word[len(word) - keep_end:]


def _interrupted(from_command_line: bool) -> NoReturn:
    """Ctrl-C: one line and exit status 130.

    Output files are complete or untouched by then (they are written through a
    temporary file). From the real command line the process ends at once, so
    that a second interrupt arriving during interpreter shutdown cannot turn
    the exit status into a signal death.
    """
    click.echo("briefgen: interrupted", err=True)
    if from_command_line:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)
    sys.exit(130)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the command line; every failure is one line on stderr.

    Bad input exits 2, Ctrl-C 130 (also one that broke off an import), a bug
    ``EXIT_BUG``; with ``--debug`` the traceback comes first."""
    STATE.quiet, STATE.verbose, STATE.debug = False, 0, False
    STATE.own_process = argv is None
    if STATE.own_process:
        gc.disable()  # until the command's imports are done: see _settle
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="briefgen", standalone_mode=False)
    except (click.exceptions.Abort, _Interrupted, KeyboardInterrupt):
        _interrupted(from_command_line=argv is None)
    except click.ClickException as exc:
        # One line, like every other failure; usage errors point to the command's help.
        hint = ""
        if isinstance(exc, click.UsageError) and exc.ctx is not None:
            hint = f" (see '{exc.ctx.command_path} --help')"
        click.echo(f"briefgen: error: {_one_line(exc.format_message())}{hint}", err=True)
        sys.exit(2)
    except BriefgenError as exc:
        if STATE.debug:
            traceback.print_exc()
        click.echo(f"briefgen: error: {_one_line(str(exc))}", err=True)
        sys.exit(2)
    except (BrokenPipeError, _ReaderGone):
        _reader_gone()
    except Exception as exc:  # a bug in briefgen: say so, so that it gets reported
        if interrupted_import(exc):
            _interrupted(from_command_line=argv is None)
        if STATE.debug:
            traceback.print_exc()
        click.echo(f"briefgen: internal error (a bug in briefgen): {type(exc).__name__}: "
                   f"{_one_line(str(exc))}; please report it with the output of the same command "
                   "run with --debug", err=True)
        sys.exit(EXIT_BUG)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _reader_gone()
    sys.exit(0)


def _reader_gone() -> NoReturn:
    """The reader of standard output went away (``briefgen summarize | head -1``): stop quietly.

    Standard output is pointed at the null device first, so the interpreter's
    last flush at exit has nowhere to fail.
    """
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)
