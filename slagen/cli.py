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


def main() -> None:  # pragma: no cover - console entry point
    """Entry point of the ``slagen`` console script."""
    cli(prog_name="slagen")
    sys.exit(0)
