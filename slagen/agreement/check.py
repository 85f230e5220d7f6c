"""``slagen check``: validate many agreement files and report every problem at once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from slagen.agreement.load import Loaded, agreement_files, load_agreement
from slagen.errors import AgreementError, Problem
from slagen.util.text import plural


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
            f"checked {plural(self.files, 'agreement')}: "
            f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
        )

    @property
    def text(self) -> str:
        """Every problem, one a line, then the summary."""
        return "\n".join([*(str(p) for p in self.problems), self.summary])


def collect(paths: Iterable[str]) -> CheckReport:
    """Load every agreement under ``paths``; the problems of those that do not load are
    collected instead of raised (the warnings of those that do stay in :attr:`Loaded.warnings`)."""
    report = CheckReport()
    for f in agreement_files(paths):
        report.files += 1
        try:
            report.loaded.append(load_agreement(f))
        except AgreementError as exc:
            report.problems.extend(exc.problems)
    return report


def check_paths(paths: Iterable[str], *, strict: bool = False) -> CheckReport:
    """Check agreements; raise :class:`AgreementError` when any has errors (or warnings, if strict)."""
    report = collect(paths)
    report.problems += [w for loaded in report.loaded for w in loaded.warnings]
    if strict:
        report.problems = [replace(p, severity="error") for p in report.problems]
    if any(p.severity == "error" for p in report.problems):
        raise AgreementError(report.problems)
    return report
