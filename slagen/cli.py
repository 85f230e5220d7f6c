"""The command line: parse options, call one library function, print the result.

Options that several commands share are defined once, below, as decorators. Errors are
:class:`~slagen.errors.SlagenError` s raised by the library, each with its exit code (see
:mod:`slagen.errors`), so commands need no try/except. Data goes to stdout, messages and
progress to stderr. Heavy renderers are imported inside the commands that need them, so that
``slagen check`` never imports WeasyPrint, python-docx, matplotlib, ruamel.yaml or Jinja.
"""

from __future__ import annotations

import sys
import typing
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from slagen.agreement.vocabulary import Kind, Style

from . import __version__

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]

KINDS: tuple[str, ...] = typing.get_args(Kind)
STYLES: tuple[str, ...] = typing.get_args(Style)
#: Where agreements are looked for when a command is given no path.
DEFAULT_FOLDER = "agreements"


def paths_argument() -> Decorator:
    """Agreement files or folders, ``agreements/`` when none is given."""
    return click.argument("paths", nargs=-1, type=click.Path(), default=(DEFAULT_FOLDER,))


def strict_option(help: str) -> Decorator:
    """``--strict``: warnings fail the run."""
    return click.option("--strict", is_flag=True, help=help)


def period_option(
    help: str = (
        "Period such as 2026, 2026-Q4, 2026-11, 2026-W47 or 2026-11-15..2026-11-30, clipped to the "
        "term (default: the agreement's term.period)."
    ),
) -> Decorator:
    """``--period``: a year, quarter or month instead of the agreement's own period."""
    return click.option("--period", metavar="PERIOD", help=help)


def format_option(
    choices: Sequence[str], *, help: str | None = None, metavar: str | None = None
) -> Decorator:
    """``--format`` (the parameter ``fmt``): one of ``choices``, the first by default.

    With ``metavar`` the value is passed on as written, for the library to read (a list).
    """
    kind = None if metavar else click.Choice(list(choices))
    return click.option(
        "--format", "fmt", type=kind, metavar=metavar, default=choices[0], show_default=True, help=help
    )


def style_option(**attrs: Any) -> Decorator:
    """``--style``: one of the document styles."""
    return click.option("--style", type=click.Choice(STYLES), **attrs)


def output_option() -> Decorator:
    """``-o/--output`` (the parameter ``out_dir``): the folder documents are written to."""
    return click.option(
        "-o",
        "--output",
        "out_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path("output"),
        show_default=True,
        help="Output folder; files go to <folder>/<agreement id>/.",
    )


def templates_option() -> Decorator:
    """``--templates``: a folder of templates searched before the built-in ones."""
    return click.option(
        "--templates",
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder of templates searched before the built-in ones (e.g. <style>/document.html).",
    )


def _list_rules(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from .lint import rules_table

        click.echo(rules_table())
        ctx.exit()


class _PathsAfterDashDash(click.Command):
    """A command that keeps the arguments after ``--`` apart, as ``git diff`` does."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if "--" in args:
            i = args.index("--")
            ctx.meta["slagen.paths"] = tuple(args[i + 1 :])
            args = args[:i]
        return super().parse_args(ctx, args)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="slagen")
def cli() -> None:
    """slagen: service-level agreements from YAML to signed contract documents."""


@cli.command()
@paths_argument()
@strict_option("Treat warnings as errors.")
def check(paths: tuple[str, ...], strict: bool) -> None:
    """Validate agreement files (default: agreements/) and report every problem."""
    from slagen.agreement.check import check_paths

    click.echo(check_paths(paths, strict=strict).text, err=True)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the agreement format (for editors)."""
    from slagen.agreement.schema import schema_json

    click.echo(schema_json())


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--kind", type=click.Choice(KINDS), required=True, help="Kind of agreement.")
@style_option(default=STYLES[0], show_default=True, help="Document style.")
@click.option(
    "--locale",
    type=click.Choice(["en-US", "en-GB", "pl-PL", "en", "pl"]),
    default="en-US",
    show_default=True,
    help="Language of the documents (pl = pl-PL: a Polish starter).",
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(path: Path, kind: str, style: str, locale: str, force: bool) -> None:
    """Write a new agreement that passes `check`, with a comment on each field."""
    from .scaffold import write_scaffold

    write_scaffold(path, kind=kind, style=style, force=force, locale=locale)
    click.echo(f"wrote {path}", err=True)


@cli.command()
@paths_argument()
@strict_option("Fail (exit 1) when any rule warns.")
@click.option("--ignore", multiple=True, metavar="ID", help="Skip a rule, e.g. SLA009 (repeatable).")
@click.option(
    "--today",
    envvar="SLAGEN_TODAY",
    metavar="YYYY-MM-DD",
    help="The date review dates are compared with (default: today; env SLAGEN_TODAY).",
)
@click.option(
    "--rules",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_list_rules,
    help="List the rules and exit.",
)
def lint(paths: tuple[str, ...], strict: bool, ignore: tuple[str, ...], today: str | None) -> None:
    """Warn where agreements break the SLA guide's practices (rules SLA001...)."""
    from .lint import lint_paths, today_from

    report = lint_paths(paths, today=today_from(today), strict=strict, ignore=ignore)
    click.echo(report.text, err=True)


@cli.command(cls=_PathsAfterDashDash)
@click.argument("args", nargs=-1, metavar="[OLD NEW | REV [REV2]] [-- PATHS]")
@format_option(
    ("text", "markdown", "json", "pdf", "docx", "html"),
    help="text for a terminal, markdown for a pull-request comment, json for tools; "
    "pdf, docx or html for a redline of each changed agreement's document.",
)
@click.option("--color/--no-color", default=None, help="Colour the text (default: on a terminal).")
@style_option(help="Redline: the style to render (default: the agreement's first style).")
@period_option(help="Redline: the period of the document (default: the new version's term.period).")
@templates_option()
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(path_type=Path),
    help="Redline: the file to write (one agreement) or a folder (default: output/<id>/).",
)
@click.pass_context
def diff(
    ctx: click.Context,
    args: tuple[str, ...],
    fmt: str,
    color: bool | None,
    style: str | None,
    period: str | None,
    templates: Path | None,
    out: Path | None,
) -> None:
    """Show what changed in agreements: terms, targets that move, and redlined wording.

    OLD NEW compares two files. REV [REV2] [-- PATHS] compares git revisions (default: the
    working tree against HEAD, in agreements/). With --format pdf, docx or html, writes a
    redline of each agreement compared: its document with deletions struck through and
    insertions underlined (DOCX: Word tracked changes). Exit code 0: no change, 1: changes,
    2: error.
    """
    from .diff import render, run_diff

    report = run_diff(args, ctx.meta.get("slagen.paths", ()))
    if fmt in ("pdf", "docx", "html"):
        from .redline import RedlineJob, write_redlines

        job = RedlineJob(fmt=fmt, style=style, period=period, templates=templates, out=out)
        for w in write_redlines(report, job):
            marks = f"{w.changes} marked place{'s' if w.changes != 1 else ''}" if w.changes else "no change"
            click.echo(f"wrote {w.path} ({marks})", err=True)
    else:
        if color is None:
            color = sys.stdout.isatty()
        click.echo(render(report, fmt, color=color and fmt == "text"), nl=False, color=color)
    click.echo(report.summary, err=True)
    ctx.exit(1 if report.changed else 0)


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def history(file: Path) -> None:
    """Print version entries for clauses.amendments.history drafted from `git log` of FILE."""
    from slagen.diff.history import history_yaml

    click.echo(history_yaml(file), nl=False)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def textconv(file: Path) -> None:
    """Print an agreement as normalized plain text, for `git diff` (diff.slagen.textconv)."""
    from slagen.diff.textconv import textconv as convert

    click.echo(convert(file), nl=False)


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False))
@period_option()
@format_option(("table", "json"), help="table: derivations for people; json: stable, machine-readable.")
def targets(path: str, period: str | None, fmt: str) -> None:
    """Print the computed targets of an agreement with their derivations."""
    from .targets.present import targets_report

    text, warnings = targets_report(path, period, fmt)
    for w in warnings:
        click.echo(str(w), err=True)
    click.echo(text, nl=False)


@cli.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(dir_okay=False, exists=True, path_type=Path)
)
@format_option(
    ("pdf", "docx", "html"), metavar="pdf|docx|html[,...]", help="Output format, or several: pdf,docx."
)
@style_option(help="Document style (default: every style the agreement declares).")
@period_option()
@templates_option()
@output_option()
@click.option("--pdf-variant", type=click.Choice(["pdf/a-3b"]), help="Archival PDF variant.")
def render(
    files: tuple[Path, ...],
    fmt: str,
    style: str | None,
    period: str | None,
    templates: Path | None,
    out_dir: Path,
    pdf_variant: str | None,
) -> None:
    """Render agreements into documents (default: PDF in every style the agreement declares)."""
    from .render import RenderOptions, parse_formats, render_files
    from .render.pdf import has_fast_subsetter

    if "pdf" in fmt.split(",") and not has_fast_subsetter():
        click.echo(
            "warning: libharfbuzz-subset0 is missing; fonts are subset by the slower fallback, "
            "which stamps the current time into them (install it: apt-get install libharfbuzz-subset0)",
            err=True,
        )
    options = RenderOptions(
        style=style,
        formats=parse_formats(fmt),
        period=period,
        templates=templates,
        out_dir=out_dir,
        pdf_variant=pdf_variant,
    )
    written = render_files(files, options)
    for path in written:
        click.echo(f"wrote {path}", err=True)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("actuals", type=click.Path(dir_okay=False, path_type=Path))
@period_option("Period of the tracked figures, such as 2026-Q3 (default: the agreement's term.period).")
def recalc(file: Path, actuals: Path, period: str | None) -> None:
    """Write inputs recalculated from ACTUALS back into FILE, keeping its layout."""
    from slagen.tracking.writeback import recalc_file

    click.echo(recalc_file(file, actuals, period).summary)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.argument("actuals", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@period_option()
@format_option(("pdf", "docx", "html"), help="Output format.")
@output_option()
@templates_option()
def report(
    file: Path, actuals: Path, period: str | None, fmt: str, out_dir: Path, templates: Path | None
) -> None:
    """Render a tracking report: goals met and missed in a period, with charts, credits and
    the recalculated targets, in the agreement's style."""
    from .report import report_file

    written = report_file(file, actuals, period=period, fmt=fmt, out_dir=out_dir, templates=templates)
    click.echo(f"wrote {written}", err=True)


@cli.command()
@click.argument("folder", default=DEFAULT_FOLDER, type=click.Path(file_okay=False, path_type=Path))
@period_option("Period such as 2026-Q4 (default: each agreement's term.period).")
@output_option()
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: the number of cores)."
)
@click.option("--force", is_flag=True, help="Replace the documents of signed-off periods too.")
@click.option(
    "--replace-signed",
    is_flag=True,
    help="Replace PDFs that carry digital signatures (moved to <id>/.signed/ first); --force never does.",
)
@templates_option()
@click.option(
    "--recycle-after",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    metavar="N",
    help="Replace a worker process after it has rendered N documents (bounds its memory).",
)
def build(
    folder: Path,
    period: str | None,
    out_dir: Path,
    jobs: int | None,
    force: bool,
    replace_signed: bool,
    templates: Path | None,
    recycle_after: int,
) -> None:
    """Check and render every agreement in FOLDER (default: agreements/) in every style and format
    it declares, rendering only what changed. Exit code 1 when any agreement failed."""
    from .build import build_folder
    from .render import RenderOptions

    options = RenderOptions(period=period, templates=templates, out_dir=out_dir)
    report = build_folder(
        folder,
        options,
        jobs=jobs,
        force=force,
        recycle_after=recycle_after,
        replace_signed=replace_signed,
    )
    click.echo(report.text, err=True)


@cli.command()
@click.argument("pdf", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--key", type=click.Path(dir_okay=False, path_type=Path), required=True, help="PKCS#12 file (.p12)."
)
@click.option(
    "--passphrase-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File whose first line is the key's passphrase.",
)
@click.option("--signatory", metavar="PERSON", required=True, help="The signatory's person id.")
@click.option("--timestamp-url", metavar="URL", help="RFC 3161 time-stamp server (PAdES B-T).")
def sign(
    pdf: Path, key: Path, passphrase_file: Path | None, signatory: str, timestamp_url: str | None
) -> None:
    """Sign PDF for one signatory (PAdES) into their signature field, as an incremental update."""
    from .sign.sign import sign_pdf

    done = sign_pdf(
        pdf, key=key, passphrase_file=passphrase_file, signatory=signatory, timestamp_url=timestamp_url
    )
    click.echo(done.summary, err=True)


@cli.command()
@click.argument("pdf", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--trust",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="CERT.pem",
    help="A trusted root certificate (repeatable).",
)
@click.option("--rev", metavar="COMMIT", help="Rebuild at this commit instead of the stamped one.")
@format_option(("text", "json"), help="text for people, json for CI.")
@click.pass_context
def verify(ctx: click.Context, pdf: Path, trust: tuple[Path, ...], rev: str | None, fmt: str) -> None:
    """Check a signed PDF: each signature, the attached source against its stamp and its
    rebuild at the stamped commit, and who has signed. Exit 0 all holds, 1 not, 2 usage error."""
    from .sign.report import render
    from .sign.verify import verify_pdf

    result = verify_pdf(pdf, trust=trust, rev=rev)
    click.echo(render(result, fmt), nl=False)
    ctx.exit(0 if result.ok else 1)


def main() -> None:  # pragma: no cover - called by slagen.__main__
    """Run the command line (``slagen.__main__.main``, the console script, sets up the process
    first)."""
    cli(prog_name="slagen")
