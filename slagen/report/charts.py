"""The chart sections of a tracking report: the series of :mod:`slagen.tracking.series`, drawn by
:mod:`slagen.render.goal_chart` and written out beside each chart as a table.

- marketing: cumulative qualified leads against the daily goal line, with the gap;
- sales: follow-up speed and depth per interval against the target (bars);
- service: downtime per month against what the availability target allows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from slagen.agreement.model import Agreement, Goal
from slagen.agreement.period import Period
from slagen.render import goal_chart as charts
from slagen.tracking import Actuals, default_measure
from slagen.tracking.rolling import RollingResult, Window, rolling_windows
from slagen.tracking.series import AvailabilityMonth, Bar, LeadLine, goal_bars, lead_lines, service_months

from ..render import formatting as f
from ..render.context import Chart
from ..targets import TargetSet, format_duration
from .views import (
    BarRow,
    BarSection,
    LeadChartView,
    LeadMonthRow,
    RollingView,
    ServiceRow,
    ServiceView,
    WindowRow,
)

SIZE = (6.6, 2.7)
"""Width and height of a report chart in inches: the text block's width at about 100%."""
SALES_MEASURES = ("first_follow_up_minutes", "attempts_unconnected")
STATUS = {True: "Met", False: "Missed", None: "No data"}


def _chart(goal_id: str, title: str, image: charts.ChartImage) -> Chart:
    return Chart(goal_id, title, image.alt, image.svg_uri, image.png_uri)


def signed(d: Decimal) -> str:
    """``+4`` or ``-22``: a difference with its sign."""
    return f"+{f.number(d)}" if d > 0 else f.number(d)


def _month(label: str) -> str:
    """``2026-10`` as ``October 2026``."""
    year, month = label.split("-")
    return f"{f.MONTHS[int(month) - 1]} {year}"


def _axis_label(label: str) -> str:
    """An interval as the chart's axis shows it: ``W41`` for ``2026-W41``, ``Oct 2026`` for ``2026-10``."""
    if "-W" in label:
        return label.split("-", 1)[1]
    if len(label) == 7:
        return f"{_month(label)[:3]} {label[:4]}"
    return label


def _statement(g: Goal, value: Decimal, currency: str) -> str:
    parts = (f.COMPARISON[g.comparison], f.quantity(value, g.unit, currency), f.per(g.interval))
    return " ".join(p for p in parts if p)


def marketing(
    a: Agreement, actuals: Actuals, period: Period, targets: TargetSet
) -> tuple[LeadChartView, ...]:
    """One chart per goal measured by qualified leads: cumulative actuals against the goal line."""
    loc, cur = a.presentation.locale, a.inputs.currency
    lines = lead_lines(a, actuals, period)
    daily = {d.day: Decimal(d.qualified_leads) for d in actuals.daily if period.start <= d.day <= period.end}
    out = []
    for g in a.goals:
        mine = [line for line in lines if line.goal_id == g.id]
        if not mine:
            continue
        gaps, rows = [], []
        for line in mine:
            seen = [p for p in line.points if p.actual is not None]
            if not seen or line.gap is None:
                rows.append(
                    LeadMonthRow(_month(line.month), f.quantity(line.goal, g.unit, cur), *("no data",) * 4)
                )
                continue
            end = seen[-1]
            assert end.actual is not None
            gaps.append(charts.Gap(end.day, end.goal, Decimal(end.actual), f"gap {signed(line.gap)}"))
            rows.append(_lead_row(line, end.day, end.goal, Decimal(end.actual), g.unit, cur, loc))
        title = f"{g.metric}: cumulative actuals against the daily goal line"
        image = charts.goal_line_chart(
            targets.goals[g.id].goal_lines, title=title, unit=g.unit, actuals=daily, gaps=gaps, size=SIZE
        )
        gt = targets.goals[g.id]
        out.append(
            LeadChartView(
                g.id, g.metric, _statement(g, gt.value, cur), _chart(g.id, title, image), tuple(rows)
            )
        )
    return tuple(out)


def _lead_row(
    line: LeadLine, day: date, goal: Decimal, actual: Decimal, unit: str, cur: str, loc: str
) -> LeadMonthRow:
    assert line.gap is not None
    where = "ahead of" if line.gap > 0 else "behind" if line.gap < 0 else "on"
    return LeadMonthRow(
        _month(line.month),
        f.quantity(line.goal, unit, cur),
        f.long_date(day, loc),
        f.quantity(goal.quantize(Decimal("0.01")), unit, cur),
        f.quantity(actual, unit, cur),
        f"{signed(line.gap.quantize(Decimal('0.01')).normalize())} {unit}: {where} the line",
    )


def sales(a: Agreement, actuals: Actuals, period: Period) -> tuple[BarSection, ...]:
    """One bar chart per goal measured by follow-up speed or depth, per the goal's interval."""
    named = {m.goal: m.measure for m in actuals.measures}
    out = []
    for g in a.goals:
        if (named.get(g.id) or default_measure(g.target.computed)) not in SALES_MEASURES:
            continue
        bars = goal_bars(a, actuals, period, g.id)
        if bars:
            out.append(_bar_section(a, g, bars))
    return tuple(out)


def _bar_section(a: Agreement, g: Goal, bars: Sequence[Bar]) -> BarSection:
    loc, cur = a.presentation.locale, a.inputs.currency
    target = bars[0].target
    statement = _statement(g, target, cur)
    values = [
        charts.BarValue(
            _axis_label(b.label), b.value, b.target, b.met, f.number(b.value) if b.value is not None else ""
        )
        for b in bars
    ]
    per = g.interval or "month"
    title = f"{g.metric}, per {per}, against the target"
    image = charts.bar_chart(values, title=title, unit=g.unit, target_label=f"Target: {statement}", size=SIZE)
    rows = tuple(
        BarRow(
            b.label,
            f"{f.short_date(b.start, loc)} to {f.short_date(b.end, loc)}",
            f.quantity(b.value, g.unit, cur) if b.value is not None else "no data",
            f.quantity(b.target, g.unit, cur),
            STATUS[b.met],
            b.basis,
        )
        for b in bars
    )
    return BarSection(g.id, g.metric, statement, _chart(g.id, title, image), rows)


def service(a: Agreement, actuals: Actuals, period: Period) -> ServiceView | None:
    """Downtime per month against what the availability target allows (None without a target)."""
    months = service_months(a, actuals, period)
    if not months:
        return None
    target = f.percent(months[0].target)
    values = [
        charts.BarValue(
            _axis_label(m.month),
            m.downtime,
            m.allowed_downtime,
            _met(m),
            ""
            if m.downtime is None or m.measured is None
            else f"{format_duration(m.downtime)} ({f.percent(m.measured)})",
        )
        for m in months
    ]
    title = f"Availability per month: downtime against what the {target} target allows"
    image = charts.bar_chart(
        values, title=title, unit="minutes of downtime", target_label=f"Allowed by {target}", size=SIZE
    )
    rows = tuple(
        ServiceRow(
            _month(m.month),
            f.percent(m.measured) if m.measured is not None else "no data",
            format_duration(m.allowed_downtime),
            format_duration(m.downtime) if m.downtime is not None else "no data",
            STATUS[_met(m)],
        )
        for m in months
    )
    return ServiceView(target, _chart("availability", title, image), rows, _rolling(a, actuals, period))


def _allowances(r: RollingResult) -> str:
    """``21 min 22 s of downtime in 30 days`` or, when windows hold different planned
    maintenance, ``21 min 16 s to 21 min 22 s of downtime in 30 days, by the planned maintenance
    in each``."""
    if len(r.allowed) == 1:
        return f"{format_duration(r.allowed[0])} of downtime in {r.days} days"
    least, most = format_duration(r.allowed[0]), format_duration(r.allowed[-1])
    return f"{least} to {most} of downtime in {r.days} days, by the planned maintenance in each"


def _rolling(a: Agreement, actuals: Actuals, period: Period) -> RollingView | None:
    """The rolling windows ending in ``period`` (see :mod:`slagen.tracking.rolling`)."""
    r = rolling_windows(a, actuals, period)
    if r is None:
        return None
    loc = a.presentation.locale

    def row(run: list[Window]) -> WindowRow:
        w = run[0]
        days = f"{f.short_date(w.start, loc)} to {f.short_date(w.end, loc)}"
        if len(run) > 1:
            days = f"{len(run)} windows ending {f.short_date(w.end, loc)} to {f.short_date(run[-1].end, loc)}"
        # Windows holding more planned maintenance measure the same downtime over fewer minutes.
        shares = sorted({x.availability for x in run})
        availability = f.percent(shares[0])
        if len(shares) > 1:
            availability = f"{availability} to {f.percent(shares[-1])}"
        return WindowRow(days, format_duration(w.downtime), availability, "Met" if w.met else "Missed")

    worst = r.worst
    shown = r.missed or ((worst,) if worst is not None else ())
    # Consecutive windows with the same downtime and verdict are one row (an outage misses N
    # windows alike).
    runs: list[list[Window]] = []
    for w in shown:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and (w.end - last.end).days == 1
            and (w.downtime, w.met) == (last.downtime, last.met)
        ):
            runs[-1].append(w)
        else:
            runs.append([w])
    total = len(r.windows) + r.skipped
    before = f"; {r.skipped} would start before the term and are not evaluated" if r.skipped else ""
    statement = (
        f"{total} windows of {r.days} consecutive days end in {period.label}{before}. Of the "
        f"{len(r.windows)} evaluated, {len(r.missed)} missed the {f.percent(r.target)} target"
        + (f", which allows {_allowances(r)}." if r.windows else ".")
    )
    if worst is not None:
        statement += (
            f" The worst, {f.short_date(worst.start, loc)} to {f.short_date(worst.end, loc)}, had "
            f"{format_duration(worst.downtime)} ({f.percent(worst.availability)})."
        )
    return RollingView(
        statement,
        tuple(row(run) for run in runs),
        "Downtime per day from the actuals (a day without a row had none); availability over each "
        "window's minutes outside its planned maintenance, rounded down to 4 places. The availability "
        "goal is judged over these windows, as the agreement promises it; the months above are "
        "calendar months.",
    )


def _met(m: AvailabilityMonth) -> bool | None:
    return None if m.measured is None else m.measured >= m.target
