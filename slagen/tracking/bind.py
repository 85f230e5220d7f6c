"""Actuals against their agreement: the ids and severities they name exist in it, and the
tickets' wall-clock times each name one instant in the agreement's time zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from slagen.agreement.model import Agreement
from slagen.errors import Problem
from slagen.tracking.read import hint
from slagen.tracking.records import Actuals, ActualsError, GoalActual, MeasureOf, Ticket

STAMPS = ("opened", "responded", "resolved")


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
    if agreement.calendar is not None:
        for t in actuals.tickets:
            problems.extend(_stamp_problems(t, agreement.calendar.time_zone))
    if problems:
        raise ActualsError(problems)


def _stamp_problems(t: Ticket, zone_name: str) -> list[Problem]:
    """A ticket's wall-clock times that are no time (or two) in ``zone_name``, and a stamp with
    an offset before an opening without one (compared as instants in the zone)."""
    from slagen.calendars.zones import iso_offset, local, local_problem

    def told(at: datetime) -> str:
        return f"{at:%Y-%m-%d %H:%M}{iso_offset(at.utcoffset() or timedelta(0))}"

    out = []
    for name in STAMPS:
        when = getattr(t, name)
        why = None if when is None else local_problem(when, zone_name)
        if why is not None:
            out.append(t.where.problem(name, why))
    if out:
        return out
    opened = local(t.opened, zone_name)
    for name in STAMPS[1:]:
        when = getattr(t, name)
        if when is not None and not (when.tzinfo is None and t.opened.tzinfo is None):
            at = local(when, zone_name)
            # as instants: two times of one zone compare by their wall clocks
            if at.astimezone(UTC) < opened.astimezone(UTC):
                out.append(
                    t.where.problem(
                        name,
                        f"expected a time after the ticket was opened ({told(opened)}), got {told(at)}",
                    )
                )
    return out
