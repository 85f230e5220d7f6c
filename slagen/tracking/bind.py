"""Actuals against their agreement: the ids and severities they name exist in it."""

from __future__ import annotations

from slagen.agreement.model import Agreement
from slagen.errors import Problem
from slagen.tracking.read import hint
from slagen.tracking.records import Actuals, ActualsError, GoalActual, MeasureOf


def check_against(agreement: Agreement, actuals: Actuals, agreement_file: str) -> None:
    """Raise :class:`ActualsError` when ``actuals`` name goals, severities or an agreement
    that ``agreement`` does not have."""
    problems: list[Problem] = []
    if actuals.agreement is not None and actuals.agreement != agreement.id:
        assert actuals.agreement_where is not None
        problems.append(
            actuals.agreement_where.problem(
                None,
                f"these actuals are for agreement {actuals.agreement!r}, but {agreement_file} is "
                f"{agreement.id!r}",
            )
        )
    goals = tuple(g.id for g in agreement.goals)
    rows: list[GoalActual | MeasureOf] = [*actuals.goals, *actuals.measures]
    for row in rows:
        if row.goal not in goals:
            problems.append(
                row.where.problem("goal", f"no goal {row.goal!r} in {agreement_file}{hint(row.goal, goals)}")
            )
    severities = tuple(s.severity for s in agreement.inputs.support)
    for t in actuals.tickets:
        if t.severity not in severities:
            known = (
                hint(t.severity, severities) if severities else " (the agreement defines no support levels)"
            )
            problems.append(
                t.where.problem("severity", f"no severity {t.severity!r} in {agreement_file}{known}")
            )
    for m in actuals.measures:
        _, _, severity = m.measure.partition(".")
        if severity and severity not in severities:
            problems.append(
                m.where.problem(
                    "measure", f"no severity {severity!r} in {agreement_file}{hint(severity, severities)}"
                )
            )
    if problems:
        raise ActualsError(problems)
