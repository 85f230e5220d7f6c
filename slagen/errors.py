"""One exception hierarchy for slagen, mapped to exit codes in one place.

Every error a user can cause is a :class:`SlagenError`; the CLI prints it and
exits with its code, never with a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import click

from slagen.util.text import plural, printable


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one agreement file, pointing at the line it comes from."""

    file: str
    line: int
    column: int
    path: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        path = f" {self.path}:" if self.path else ""
        prefix = "warning: " if self.severity == "warning" else ""
        return printable(f"{where}:{path} {prefix}{self.message}")


class SlagenError(click.ClickException):
    """Base of every error slagen reports to a user (exit code 1)."""

    exit_code = 1

    def format_message(self) -> str:
        """The message, control characters escaped (it may quote names from files)."""
        return printable(self.message, lines=True)


class UsageError(SlagenError):
    """The command was called wrongly (exit code 2)."""

    exit_code = 2


class ReportedFailure(SlagenError):
    """A run that failed with a report of why (exit code 1); the report is shown as it is,
    without click's ``Error:`` prefix."""

    def show(self, file: object = None) -> None:
        click.echo(self.format_message(), err=True)


class AgreementError(ReportedFailure):
    """One or more problems in agreement files; each names file, line and key path."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def format_message(self) -> str:
        n = sum(1 for p in self.problems if p.severity == "error")
        return "\n".join(str(p) for p in self.problems) + f"\n{plural(n, 'error')}"


class RenderError(SlagenError):
    """A document could not be rendered (template, resource or output problem)."""
