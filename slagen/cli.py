"""The command line: parse options, call one library function, print the result.

Heavy renderers are imported inside the commands that need them, so that
``slagen check`` never imports WeasyPrint or python-docx.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import UsageError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="slagen")
def cli() -> None:
    """slagen: service-level agreements from YAML to signed contract documents."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(paths: tuple[str, ...], strict: bool) -> None:
    """Validate agreement files (default: agreements/) and report every problem."""
    from .check import check_paths

    report = check_paths(paths or ("agreements",), strict=strict)
    click.echo(report.summary, err=True)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the agreement format (for editors)."""
    from .schema import schema_json

    click.echo(schema_json())


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False))
@click.option(
    "--kind",
    type=click.Choice(["customer", "internal", "multi-level"]),
    required=True,
    help="Kind of agreement.",
)
@click.option(
    "--style",
    type=click.Choice(["two-column", "tabular", "visual", "legal-narrative"]),
    default="two-column",
    show_default=True,
    help="Document style.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(path: str, kind: str, style: str, force: bool) -> None:
    """Write a new agreement that passes `check`, with a comment on each field."""
    from .scaffold import write_scaffold

    if Path(path).exists() and not force:
        raise UsageError(f"{path} exists; pass --force to overwrite it")
    write_scaffold(Path(path), kind=kind, style=style)
    click.echo(f"wrote {path}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--strict", is_flag=True, help="Fail (exit 1) when any rule warns.")
@click.option("--ignore", multiple=True, metavar="ID", help="Skip a rule, e.g. SLA009 (repeatable).")
@click.option(
    "--today",
    envvar="SLAGEN_TODAY",
    metavar="YYYY-MM-DD",
    help="The date review dates are compared with (default: today; env SLAGEN_TODAY).",
)
@click.option("--rules", "list_rules", is_flag=True, help="List the rules and exit.")
def lint(
    paths: tuple[str, ...], strict: bool, ignore: tuple[str, ...], today: str | None, list_rules: bool
) -> None:
    """Warn where agreements break the SLA guide's practices (rules SLA001...)."""
    from datetime import date

    from .lint import lint_paths, rules_table

    if list_rules:
        click.echo(rules_table())
        return
    try:
        day = date.fromisoformat(today) if today else date.today()
    except ValueError:
        raise UsageError(f"--today: expected a date written YYYY-MM-DD, got {today!r}") from None
    report = lint_paths(paths or ("agreements",), today=day, strict=strict, ignore=ignore)
    click.echo(report.text, err=True)


class _PathsAfterDashDash(click.Command):
    """A command that keeps the arguments after ``--`` apart, as ``git diff`` does."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if "--" in args:
            i = args.index("--")
            ctx.meta["slagen.paths"] = tuple(args[i + 1 :])
            args = args[:i]
        return super().parse_args(ctx, args)


@cli.command(cls=_PathsAfterDashDash)
@click.argument("args", nargs=-1, metavar="[OLD NEW | REV [REV2]] [-- PATHS]")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="text for a terminal, markdown for a pull-request comment, json for tools.",
)
@click.option("--color/--no-color", default=None, help="Colour the text (default: on a terminal).")
@click.pass_context
def diff(ctx: click.Context, args: tuple[str, ...], fmt: str, color: bool | None) -> None:
    """Show what changed in agreements: terms, targets that move, and redlined wording.

    OLD NEW compares two files. REV [REV2] [-- PATHS] compares git revisions (default: the
    working tree against HEAD, in agreements/). Exit code 0: no change, 1: changes, 2: error.
    """
    from .diff import render, run_diff

    report = run_diff(args, ctx.meta.get("slagen.paths", ()))
    if color is None:
        color = click.get_text_stream("stdout").isatty()
    click.echo(render(report, fmt, color=color and fmt == "text"), nl=False, color=color)
    click.echo(report.summary, err=True)
    ctx.exit(1 if report.changed else 0)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
def textconv(file: str) -> None:
    """Print an agreement as normalized plain text, for `git diff` (diff.slagen.textconv)."""
    from .textconv import textconv as convert

    click.echo(convert(Path(file)), nl=False)


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False))
@click.option(
    "--period", metavar="PERIOD", help="Period such as 2026, 2026-Q4 or 2026-11 (default: the agreement's)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table: derivations for people; json: stable, machine-readable.",
)
def targets(path: str, period: str | None, fmt: str) -> None:
    """Print the computed targets of an agreement with their derivations."""
    from .targets.present import targets_report

    text, warnings = targets_report(path, period, fmt)
    for w in warnings:
        click.echo(str(w), err=True)
    click.echo(text, nl=False)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, exists=True))
@click.option(
    "--format",
    "fmt",
    metavar="pdf|docx|html[,...]",
    default="pdf",
    show_default=True,
    help="Output format, or several: pdf,docx.",
)
@click.option(
    "--style",
    type=click.Choice(["two-column", "tabular", "visual", "legal-narrative"]),
    help="Document style (default: every style the agreement declares).",
)
@click.option("--period", metavar="PERIOD", help="Period such as 2026-Q4 (default: the agreement's).")
@click.option(
    "--templates",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of templates searched before the built-in ones.",
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Output folder; files go to <folder>/<agreement id>/.",
)
@click.option("--pdf-variant", type=click.Choice(["pdf/a-3b"]), help="Archival PDF variant.")
def render(
    files: tuple[str, ...],
    fmt: str,
    style: str | None,
    period: str | None,
    templates: Path | None,
    out_dir: Path,
    pdf_variant: str | None,
) -> None:
    """Render agreements into documents (default: PDF in every style the agreement declares)."""
    from .render import render_files
    from .render.pdf import has_fast_subsetter

    if "pdf" in fmt.split(",") and not has_fast_subsetter():
        click.echo(
            "warning: libharfbuzz-subset0 is missing; fonts are subset by the slower fallback, "
            "which stamps the current time into them (install it: apt-get install libharfbuzz-subset0)",
            err=True,
        )
    paths = tuple(Path(f) for f in files)
    for written in render_files(
        paths,
        style=style,
        fmt=fmt,
        period=period,
        templates=templates,
        out_dir=out_dir,
        pdf_variant=pdf_variant,
    ):
        click.echo(f"wrote {written}", err=True)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.argument("actuals", type=click.Path(dir_okay=False))
@click.option("--period", metavar="P", help="Period of the tracked figures (default: the term's period).")
def recalc(file: str, actuals: str, period: str | None) -> None:
    """Write inputs recalculated from ACTUALS back into FILE, keeping its layout."""
    from .recalc import recalc_file

    result = recalc_file(Path(file), Path(actuals), period)
    click.echo(result.summary)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.argument("actuals", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--period", metavar="P", help="Period such as 2026-10 or 2026-Q3 (default: the agreement's).")
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx", "html"]), default="pdf", show_default=True)
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Output folder; the report goes to <folder>/<agreement id>/<id>-report-<period>.<ext>.",
)
@click.option(
    "--templates",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of templates searched before the built-in ones (e.g. <style>/report.html).",
)
def report(
    file: Path, actuals: Path, period: str | None, fmt: str, out_dir: Path, templates: Path | None
) -> None:
    """Render a tracking report: goals met and missed in a period, with charts, credits and
    the recalculated targets, in the agreement's style."""
    from .report import report_file

    written = report_file(file, actuals, period=period, fmt=fmt, out_dir=out_dir, templates=templates)
    click.echo(f"wrote {written}", err=True)


@cli.command()
@click.argument("folder", default="agreements", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--period", metavar="PERIOD", help="Period such as 2026-Q4 (default: each agreement's term.period)."
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Output folder; files go to <folder>/<agreement id>/.",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: the number of cores)."
)
@click.option("--force", is_flag=True, help="Replace the documents of signed-off periods too.")
@click.option(
    "--templates",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of templates searched before the built-in ones.",
)
@click.option(
    "--recycle-after",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    metavar="N",
    help="Replace a worker process after it has rendered N documents (bounds its memory).",
)
@click.pass_context
def build(
    ctx: click.Context,
    folder: Path,
    period: str | None,
    out_dir: Path,
    jobs: int | None,
    force: bool,
    templates: Path | None,
    recycle_after: int,
) -> None:
    """Check and render every agreement in FOLDER (default: agreements/) in every style and format
    it declares, rendering only what changed. Exit code 1 when any agreement failed."""
    from .build import Progress, build_folder, print_report

    progress = Progress(tty=click.get_text_stream("stderr").isatty())
    report = build_folder(
        folder,
        out_dir=out_dir,
        period=period,
        jobs=jobs,
        force=force,
        templates=templates,
        recycle_after=recycle_after,
        progress=progress,
    )
    print_report(report)
    ctx.exit(1 if report.failed else 0)


def main() -> None:  # pragma: no cover - console entry point
    """Entry point of the ``slagen`` console script."""
    cli(prog_name="slagen")
    sys.exit(0)
