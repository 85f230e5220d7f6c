"""``slagen check``: validate many agreement files and report every problem at once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import click

from .errors import AgreementError, Problem
from .load import Loaded, agreement_files, load_agreement


@dataclass
class CheckReport:
    """What checking a set of files found."""

    files: int = 0
    loaded: list[Loaded] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """One line for the end of the run."""
        errors = sum(p.severity == "error" for p in self.problems)
        warnings = len(self.problems) - errors
        return (
            f"checked {self.files} agreement{'s' if self.files != 1 else ''}: "
            f"{errors} error{'s' if errors != 1 else ''}, "
            f"{warnings} warning{'s' if warnings != 1 else ''}"
        )


def collect(paths: Iterable[str]) -> CheckReport:
    """Load every agreement under ``paths``, collecting problems instead of raising."""
    report = CheckReport()
    for f in agreement_files(paths):
        report.files += 1
        try:
            loaded = load_agreement(f)
        except AgreementError as exc:
            report.problems.extend(exc.problems)
            continue
        report.loaded.append(loaded)
        report.problems.extend(loaded.warnings)
    return report


def check_paths(paths: Iterable[str], *, strict: bool = False) -> CheckReport:
    """Check agreements; raise :class:`AgreementError` when any has errors (or warnings, if strict)."""
    report = collect(paths)
    if strict:
        report.problems = [
            Problem(p.file, p.line, p.column, p.path, p.message, "error") for p in report.problems
        ]
    if any(p.severity == "error" for p in report.problems):
        raise AgreementError(report.problems)
    for p in report.problems:
        click.echo(str(p), err=True)
    return report
