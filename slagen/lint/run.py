"""``slagen lint``: run every registered rule over a set of agreements."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from slagen.agreement.check import collect
from slagen.util.text import plural

from ..errors import Problem, ReportedFailure, UsageError
from .registry import RULES, Context


@dataclass
class LintReport:
    """What linting a set of files found: errors of invalid files, warnings of the rules."""

    files: int = 0
    problems: list[Problem] = field(default_factory=list)
    strict: bool = False

    @property
    def errors(self) -> int:
        """Problems that make a file invalid."""
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        """Findings of the lint rules."""
        return len(self.problems) - self.errors

    @property
    def failed(self) -> bool:
        """Whether the run fails: invalid files, or warnings under ``--strict``."""
        return self.errors > 0 or (self.strict and self.warnings > 0)

    @property
    def summary(self) -> str:
        """One line for the end of the run."""
        w = self.warnings
        text = f"linted {plural(self.files, 'agreement')}: {plural(self.errors, 'error')}, {plural(w, 'warning')}"
        return text + (" (--strict: warnings fail)" if self.strict and w else "")

    @property
    def text(self) -> str:
        """Every problem, one a line, then the summary."""
        return "\n".join([*(str(p) for p in sorted(self.problems)), self.summary])


class LintFailed(ReportedFailure):
    """A lint run found invalid agreements, or warnings under ``--strict`` (exit code 1)."""

    def __init__(self, report: LintReport) -> None:
        super().__init__(report.text)
        self.report = report


def check_ids(ids: Iterable[str]) -> list[str]:
    """Rule ids as given to ``--ignore``; an unknown id is a usage error."""
    out = []
    for raw in ids:
        ident = raw.strip().upper()
        if ident not in RULES:
            raise UsageError(f"no lint rule {raw!r}; the rules are {', '.join(sorted(RULES))}")
        out.append(ident)
    return out


def today_from(text: str | None) -> date:
    """The day ``--today`` names (``YYYY-MM-DD``), or today's date when it names none."""
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--today: expected a date written YYYY-MM-DD, got {text!r}") from None


def lint_paths(
    paths: Iterable[str], *, today: date, strict: bool = False, ignore: Iterable[str] = ()
) -> LintReport:
    """Lint the agreements under ``paths``; raise :class:`LintFailed` when the run fails."""
    skip = set(check_ids(ignore))
    checked = collect(paths)
    report = LintReport(checked.files, checked.problems, strict)
    rules = [r for r in sorted(RULES.values(), key=lambda r: r.id) if r.id not in skip]
    for loaded in checked.loaded:
        ctx = Context(loaded.agreement, loaded.source, loaded.term_targets(), today)
        for rule in rules:
            for finding in rule.check(ctx):
                report.problems.append(
                    loaded.source.problem(finding.path, f"{rule.id} {finding.message}", severity="warning")
                )
    if report.failed:
        raise LintFailed(report)
    return report


def rules_table() -> str:
    """The rules, one a line: id, name and what it checks."""
    return "\n".join(f"{r.id}  {r.name:<24} {r.summary}" for r in sorted(RULES.values(), key=lambda r: r.id))
