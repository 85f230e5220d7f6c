"""Goals over the real calendar: period totals, quarter/month/week rows, daily goal lines.

A goal of g per interval I is worth, over any stretch of days, the sum over each
calendar instance X of I that the stretch overlaps of ``g x days in both / days
in X``. So a monthly goal over a quarter is 3 g, and a yearly goal over a
28-day February is g x 28 / 365 while over a 31-day March it is g x 31 / 365.
Weeks are ISO weeks (Monday to Sunday), clipped to the period.

Rounding: counts (a whole target per interval, not in the agreement's currency)
are rounded up to a whole number over the period, and the rows of each
breakdown are whole numbers by largest remainder, so they add up to that total.
Money (and any fractional target) is the same to the cent, the total half-up.
Daily goal lines are exact fractions of the month's row, shown to 2 places.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from slagen.agreement.model import Agreement, Goal
from slagen.agreement.period import Period
from slagen.i18n import N_

from .base import BreakdownRow, Computed, GoalLinePoint, GoalTarget, MonthLine, TargetError, TargetSet
from .rounding import CENT, ONE, cents, frac, largest_remainder, round_to

COUNT_RULE = N_(
    "rounded up to a whole number over the period; rows are whole numbers by largest "
    "remainder, adding up to the total"
)
MONEY_RULE = N_(
    "to the cent, half-up over the period; rows to the cent by largest remainder, adding up to the total"
)


def span(day: date, interval: str) -> tuple[date, date]:
    """First and last day of the calendar ``interval`` (day, week, month, quarter, year) holding ``day``."""
    if interval == "day":
        return day, day
    if interval == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if interval == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if interval == "quarter":
        first = 3 * ((day.month - 1) // 3) + 1
        last = first + 2
        return date(day.year, first, 1), date(day.year, last, calendar.monthrange(day.year, last)[1])
    if interval == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    raise ValueError(f"expected day, week, month, quarter or year, got {interval!r}")


def label(day: date, interval: str) -> str:
    """The label of the calendar ``interval`` holding ``day``: 2026-Q4, 2026-10, 2026-W41."""
    if interval == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if interval == "month":
        return f"{day.year}-{day.month:02d}"
    if interval == "week":
        iso = day.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    if interval == "year":
        return f"{day.year}"
    return day.isoformat()


def pieces(start: date, end: date, interval: str) -> list[tuple[date, date]]:
    """The calendar ``interval`` instances covering ``start``..``end``, clipped to it."""
    out = []
    cur = start
    while cur <= end:
        _, last = span(cur, interval)
        out.append((cur, min(last, end)))
        cur = min(last, end) + timedelta(days=1)
    return out


def share(g: Fraction, interval: str, start: date, end: date) -> Fraction:
    """Exact worth of ``g`` per ``interval`` over ``start``..``end``, pro rata by days."""
    total = Fraction(0)
    for a, b in pieces(start, end, interval):
        first, last = span(a, interval)
        total += g * ((b - a).days + 1) / ((last - first).days + 1)
    return total


def goal_lines(months: list[BreakdownRow]) -> tuple[MonthLine, ...]:
    """The daily goal line of each month row: g / n a day, cumulative d x g / n."""
    out = []
    for row in months:
        g, n = frac(row.value), row.days
        points = tuple(
            GoalLinePoint(d, row.start + timedelta(days=d - 1), cents(g * d / n)) for d in range(1, n + 1)
        )
        out.append(MonthLine(row.label, row.value, n, cents(g / n), points))
    return tuple(out)


def _rows(g: Fraction, per: str, period: Period, total: Decimal, quantum: Decimal) -> list[BreakdownRow]:
    levels = ["month", "week"]
    if period.days > 92:
        levels.insert(0, "quarter")
    rows: list[BreakdownRow] = []
    for level in levels:
        ranges = pieces(period.start, period.end, level)
        values = largest_remainder([share(g, per, a, b) for a, b in ranges], total, quantum)
        rows.extend(
            BreakdownRow(label(a, level), a, b, (b - a).days + 1, v, level)
            for (a, b), v in zip(ranges, values, strict=True)
        )
    return rows


def goal_target(
    i: int, goal: Goal, computed: Computed | None, period: Period, currency: str, *, lines: bool = True
) -> GoalTarget:
    """The target of ``goal`` (the ``i``-th) for ``period``; ``lines=False`` skips the daily goal lines."""
    at = ("goals", i)
    per: str | None = goal.interval
    if computed is not None:
        value = computed.value
        if per is None:
            per = computed.per
        elif computed.per is not None and computed.per != per:
            raise TargetError(
                (*at, "interval"),
                f"expected interval: {computed.per}, the interval {computed.name} is computed per, got {per}",
            )
    else:
        assert goal.target.value is not None
        value = goal.target.value
    if not goal.accrues:
        if goal.rolling_days is not None and goal.measure in ("average", "share"):
            per = f"rolling window of {goal.rolling_days} days"
        return GoalTarget(goal.id, value, goal.unit, per, computed, None)
    if per is None:
        raise TargetError(
            (*at, "accrues"), "a goal that accrues needs an interval to break down over the period"
        )
    is_count = goal.unit != currency and value == value.to_integral_value()
    quantum, rule = (ONE, COUNT_RULE) if is_count else (CENT, MONEY_RULE)
    g = frac(value)
    exact_total = share(g, per, period.start, period.end)
    total = round_to(exact_total, quantum, "up" if is_count else "half-up")
    rows = _rows(g, per, period, total, quantum)
    months = [r for r in rows if r.interval == "month"]
    daily = goal_lines(months) if lines else ()
    return GoalTarget(goal.id, value, goal.unit, per, computed, total, tuple(rows), daily, rule)


def goal_targets(ts: TargetSet, agreement: Agreement, *, lines: bool = True) -> None:
    """Resolve every goal's target for ``ts.period``; goals naming unknown targets are skipped
    (validation reports them)."""
    for i, goal in enumerate(agreement.goals):
        name = goal.target.computed
        computed = ts.values.get(name) if name is not None else None
        if name is not None and computed is None:
            continue
        ts.goals[goal.id] = goal_target(i, goal, computed, ts.period, agreement.inputs.currency, lines=lines)
