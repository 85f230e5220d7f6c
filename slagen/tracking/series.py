"""The series a tracking report charts: actuals beside their targets, point by point.

- :func:`lead_lines`: per month, cumulative qualified leads each day against the daily
  goal line (d x g / n, from the targets engine), and the gap on the last day with data;
- :func:`goal_bars`: a goal measured per interval (first follow-up minutes per week,
  attempts on unconnected leads per month) against its target, one bar per interval;
- :func:`service_months`: availability per month against the target, with allowed and
  actual downtime.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from slagen.agreement.model import Agreement, Goal
from slagen.agreement.period import Period
from slagen.targets import compute_targets
from slagen.targets.breakdown import label, pieces
from slagen.tracking.measures import default_measure, measure, planned_maintenance
from slagen.tracking.records import Actuals


@dataclass(frozen=True)
class DayPoint:
    """One day of a month's lead chart."""

    day: date
    goal: Decimal
    """The cumulative goal line, d x g / n."""
    actual: int | None
    """Cumulative qualified leads; None after the last day with data."""


@dataclass(frozen=True)
class LeadLine:
    """A month of the marketing chart for one goal."""

    goal_id: str
    month: str
    goal: Decimal
    points: tuple[DayPoint, ...]
    gap: Decimal | None
    """Actual minus goal line on the last day with data (negative: behind)."""


@dataclass(frozen=True)
class Bar:
    """A goal's measure over one interval, against its target."""

    label: str
    start: date
    end: date
    value: Decimal | None
    target: Decimal
    met: bool | None
    basis: str


@dataclass(frozen=True)
class AvailabilityMonth:
    """Availability of one month against the target."""

    month: str
    target: Decimal
    measured: Decimal | None
    allowed_downtime: Decimal
    """Minutes the target allows in the month (exact)."""
    downtime: Decimal | None


def _measure_of(goal: Goal, actuals: Actuals) -> str | None:
    named = {m.goal: m.measure for m in actuals.measures}
    return named.get(goal.id) or default_measure(goal.target.computed)


def lead_lines(agreement: Agreement, actuals: Actuals, period: Period) -> list[LeadLine]:
    """Cumulative qualified leads against the goal line, for each accruing goal measured by them."""
    ts = compute_targets(agreement, period)
    daily = {d.day: d.qualified_leads for d in actuals.daily}
    out = []
    for g in agreement.goals:
        if not g.accrues or _measure_of(g, actuals) != "qualified_leads" or g.id not in ts.goals:
            continue
        for line in ts.goals[g.id].goal_lines:
            known = [p.date for p in line.points if p.date in daily]
            last = max(known) if known else None
            total, points = 0, []
            for p in line.points:
                total += daily.get(p.date, 0)
                seen = last is not None and p.date <= last
                points.append(DayPoint(p.date, p.cumulative, total if seen else None))
            gap = None
            if last is not None:
                end = next(x for x in points if x.day == last)
                assert end.actual is not None
                gap = Decimal(end.actual) - end.goal
            out.append(LeadLine(g.id, line.month, line.goal, tuple(points), gap))
    return out


def goal_bars(agreement: Agreement, actuals: Actuals, period: Period, goal_id: str) -> list[Bar]:
    """One bar per interval of the goal (clipped to ``period``): its measure against its target."""
    g = next(x for x in agreement.goals if x.id == goal_id)
    name = _measure_of(g, actuals)
    gt = compute_targets(agreement, period).goals.get(goal_id)
    if name is None or gt is None:
        return []
    planned = planned_maintenance(agreement)
    out = []
    for start, end in pieces(period.start, period.end, g.interval or "month"):
        m = measure(actuals, name, Period(label(start, g.interval or "month"), start, end), planned)
        met = None
        if m.value is not None:
            met = {"at-least": m.value >= gt.value, "at-most": m.value <= gt.value}.get(
                g.comparison, m.value == gt.value
            )
        out.append(Bar(label(start, g.interval or "month"), start, end, m.value, gt.value, met, m.basis))
    return out


def service_months(agreement: Agreement, actuals: Actuals, period: Period) -> list[AvailabilityMonth]:
    """Availability and downtime per month of ``period`` against the target."""
    av = agreement.inputs.availability
    if av is None:
        return []
    ts = compute_targets(agreement, period)
    planned = planned_maintenance(agreement)
    out = []
    for start, end in pieces(period.start, period.end, "month"):
        month = Period(label(start, "month"), start, end)
        allowed = ts.values[f"availability.downtime_minutes.{month.label}"].value
        out.append(
            AvailabilityMonth(
                month.label,
                av.target,
                measure(actuals, "availability", month, planned).value,
                allowed,
                measure(actuals, "downtime_minutes", month, planned).value,
            )
        )
    return out
