"""The chart sections of a tracking report: the series of :mod:`slagen.tracking.series`, drawn by
:mod:`slagen.render.goal_chart` and written out beside each chart as a table.

- marketing: cumulative qualified leads against the daily goal line, with the gap;
- sales: follow-up speed and depth per interval against the target (bars);
- service: downtime per month against what the availability target allows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from functools import partial

from babel.dates import format_date

from slagen.agreement.model import Agreement, Goal
from slagen.agreement.period import Period
from slagen.i18n import N_, current
from slagen.i18n import gettext as _
from slagen.i18n.locales import babel_name
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
STATUS = {True: N_("Met"), False: N_("Missed"), None: N_("No data")}
#: The title of a goal's bar chart, by the goal's interval.
BAR_TITLE = {
    "day": N_("%(metric)s, per day, against the target"),
    "week": N_("%(metric)s, per week, against the target"),
    "month": N_("%(metric)s, per month, against the target"),
    "quarter": N_("%(metric)s, per quarter, against the target"),
    "year": N_("%(metric)s, per year, against the target"),
}


def _chart(goal_id: str, title: str, image: charts.ChartImage) -> Chart:
    return Chart(goal_id, title, image.alt, image.svg_uri, image.png_uri)


def signed(d: Decimal) -> str:
    """``+4`` or ``-22``: a difference with its sign."""
    return f"+{f.number(d)}" if d > 0 else f.number(d)


def unit_forms(g: Goal) -> dict[str, str] | None:
    """The plural forms of ``g``'s unit by CLDR category (``{"one": "lead", "few": "leady"}``), if given."""
    return {str(k): v for k, v in g.unit_forms.items()} if g.unit_forms else None


def unit_label(g: Goal) -> str:
    """``g``'s unit as an axis or a heading names it: the form a count of many takes (``leads``;
    ``leadów``, not the fraction's ``leada``), by the counted-word path of a quantity
    (:func:`~slagen.render.formatting.counted`) for a count of five."""
    return f.counted(Decimal(5), g.unit, unit_forms(g))


def signed_quantity(d: Decimal, unit: str, cur: str, forms: Mapping[str, str] | None = None) -> str:
    """``+10 leadów``, ``-20 leadów``: a difference in its unit, with its sign; the unit takes
    the form of the count without its sign (CLDR plural rules are for absolute values)."""
    sign = "+" if d > 0 else "-" if d < 0 else ""
    return sign + f.quantity(abs(d), unit, cur, forms)


def _month(label: str, pattern: str = "LLLL y") -> str:
    """``2026-10`` as ``October 2026`` (``październik 2026``): CLDR's stand-alone month name."""
    year, month = label.split("-")
    return format_date(date(int(year), int(month), 1), pattern, locale=babel_name(current()))


def _status(met: bool | None) -> str:
    return _(STATUS[met])


def _axis_label(label: str) -> str:
    """An interval as the chart's axis shows it: ``W41`` for ``2026-W41``, ``Oct 2026`` for ``2026-10``."""
    if "-W" in label:
        return label.split("-", 1)[1]
    if len(label) == 7:
        return _month(label, "LLL y")
    return label


def _statement(g: Goal, value: Decimal, currency: str) -> str:
    parts = (
        f.comparison(g.comparison),
        f.quantity(value, g.unit, currency, unit_forms(g)),
        f.per(g.interval),
    )
    return " ".join(p for p in parts if p)


def _goal_amount(d: Decimal, *, g: Goal, cur: str) -> str:
    """A month's goal ``d`` in ``g``'s unit, as a chart's alt text writes it (``100 leadów``)."""
    return f.quantity(d, g.unit, cur, unit_forms(g))


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
                    LeadMonthRow(
                        _month(line.month),
                        f.quantity(line.goal, g.unit, cur, unit_forms(g)),
                        *(_("no data"),) * 4,
                    )
                )
                continue
            end = seen[-1]
            assert end.actual is not None
            gaps.append(
                charts.Gap(
                    end.day, end.goal, Decimal(end.actual), _("gap %(gap)s") % {"gap": signed(line.gap)}
                )
            )
            rows.append(_lead_row(line, end.day, end.goal, Decimal(end.actual), g, cur, loc))
        title = _("%(metric)s: cumulative actuals against the daily goal line") % {"metric": g.metric}
        image = charts.goal_line_chart(
            targets.goals[g.id].goal_lines,
            title=title,
            unit=unit_label(g),
            actuals=daily,
            gaps=gaps,
            size=SIZE,
            amount=partial(_goal_amount, g=g, cur=cur),
        )
        gt = targets.goals[g.id]
        out.append(
            LeadChartView(
                g.id, g.metric, _statement(g, gt.value, cur), _chart(g.id, title, image), tuple(rows)
            )
        )
    return tuple(out)


def _cents(d: Decimal) -> Decimal:
    """``d`` to the cent, a whole number without places: ``100`` takes the form of a count of
    100 (``100 leadów``), ``33.33`` that of a fraction (``33,33 leada``)."""
    c = d.quantize(Decimal("0.01"))
    return c.to_integral_value() if c == c.to_integral_value() else c


def _lead_row(
    line: LeadLine, day: date, goal: Decimal, actual: Decimal, g: Goal, cur: str, loc: str
) -> LeadMonthRow:
    assert line.gap is not None
    gap = _cents(line.gap)
    unit, forms = g.unit, unit_forms(g)
    words = {"gap": signed_quantity(gap, unit, cur, forms)}
    if gap > 0:
        where = _("%(gap)s: ahead of the line") % words
    elif gap < 0:
        where = _("%(gap)s: behind the line") % words
    else:
        where = _("%(gap)s: on the line") % words
    return LeadMonthRow(
        _month(line.month),
        f.quantity(line.goal, unit, cur, forms),
        f.long_date(day, loc),
        f.quantity(_cents(goal), unit, cur, forms),
        f.quantity(actual, unit, cur, forms),
        where,
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
    title = _(BAR_TITLE[g.interval or "month"]) % {"metric": g.metric}
    target_label = _("Target: %(statement)s") % {"statement": statement}
    image = charts.bar_chart(values, title=title, unit=unit_label(g), target_label=target_label, size=SIZE)
    rows = tuple(
        BarRow(
            b.label,
            _days(b.start, b.end, loc),
            f.quantity(b.value, g.unit, cur, unit_forms(g)) if b.value is not None else _("no data"),
            f.quantity(b.target, g.unit, cur, unit_forms(g)),
            _status(b.met),
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
    title = _("Availability per month: downtime against what the %(target)s target allows") % {
        "target": target
    }
    image = charts.bar_chart(
        values,
        title=title,
        unit=_("minutes of downtime"),
        target_label=_("Allowed by %(target)s") % {"target": target},
        size=SIZE,
    )
    rows = tuple(
        ServiceRow(
            _month(m.month),
            f.percent(m.measured) if m.measured is not None else _("no data"),
            format_duration(m.allowed_downtime),
            format_duration(m.downtime) if m.downtime is not None else _("no data"),
            _status(_met(m)),
        )
        for m in months
    )
    return ServiceView(target, _chart("availability", title, image), rows, _rolling(a, actuals, period))


def _allowances(r: RollingResult) -> str:
    """``21 min 22 s of downtime in 30 days`` or, when windows hold different planned
    maintenance, ``21 min 16 s to 21 min 22 s of downtime in 30 days, by the planned maintenance
    in each``."""
    if len(r.allowed) == 1:
        return _("%(allowed)s of downtime in %(days)s days") % {
            "allowed": format_duration(r.allowed[0]),
            "days": r.days,
        }
    return _("%(least)s to %(most)s of downtime in %(days)s days, by the planned maintenance in each") % {
        "least": format_duration(r.allowed[0]),
        "most": format_duration(r.allowed[-1]),
        "days": r.days,
    }


def _rolling(a: Agreement, actuals: Actuals, period: Period) -> RollingView | None:
    """The rolling windows ending in ``period`` (see :mod:`slagen.tracking.rolling`)."""
    r = rolling_windows(a, actuals, period)
    if r is None:
        return None
    loc = a.presentation.locale

    def row(run: list[Window]) -> WindowRow:
        w = run[0]
        days = _days(w.start, w.end, loc)
        if len(run) > 1:
            days = _("%(n)s windows ending %(first)s to %(last)s") % {
                "n": len(run),
                "first": f.short_date(w.end, loc),
                "last": f.short_date(run[-1].end, loc),
            }
        # Windows holding more planned maintenance measure the same downtime over fewer minutes.
        shares = sorted({x.availability for x in run})
        availability = f.percent(shares[0])
        if len(shares) > 1:
            availability = _("%(start)s to %(end)s") % {"start": availability, "end": f.percent(shares[-1])}
        return WindowRow(days, format_duration(w.downtime), availability, _status(w.met))

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
    # every window that ends in the period, each counted once: before the term, evaluated, or
    # not yet measured
    total = len(r.windows) + r.skipped + r.unmeasured
    words = {
        "total": total,
        "days": r.days,
        "period": period.label,
        "skipped": r.skipped,
        "evaluated": len(r.windows),
        "missed": len(r.missed),
        "target": f.percent(r.target),
    }
    statement = _("%(total)s windows of %(days)s consecutive days end in %(period)s.") % words
    if r.skipped:
        statement = (
            _(
                "%(total)s windows of %(days)s consecutive days end in %(period)s; %(skipped)s would start "
                "before the term and are not evaluated."
            )
            % words
        )
    if r.unmeasured and r.measured is not None:
        span = {
            "n": r.unmeasured,
            "first": f.short_date(r.measured[0], loc),
            "last": f.short_date(r.measured[1], loc),
        }
        if actuals.covers is not None:
            statement += (
                " " + _("%(n)s are not yet measured: the actuals cover %(first)s to %(last)s.") % span
            )
        else:
            statement += (
                " "
                + _(
                    "%(n)s are not yet measured: the actuals measure the downtime from %(first)s to %(last)s."
                )
                % span
            )
    if r.windows:
        statement += " " + _(
            "Of the %(evaluated)s evaluated, %(missed)s missed the %(target)s target, which allows %(allows)s."
        ) % {**words, "allows": _allowances(r)}
    else:
        statement += (
            " " + _("Of the %(evaluated)s evaluated, %(missed)s missed the %(target)s target.") % words
        )
    if worst is not None:
        statement += " " + _("The worst, %(days)s, had %(downtime)s (%(availability)s).") % {
            "days": _days(worst.start, worst.end, loc),
            "downtime": format_duration(worst.downtime),
            "availability": f.percent(worst.availability),
        }
    return RollingView(
        statement,
        tuple(row(run) for run in runs),
        _(
            "Downtime per day from the actuals (a day without a row had none); availability over each "
            "window's minutes outside its planned maintenance, rounded down to 4 places. The availability "
            "goal is judged over these windows, as the agreement promises it; the months above are "
            "calendar months."
        ),
    )


def _days(start: date, end: date, loc: str) -> str:
    """``01.10.2026 to 28.10.2026``: a range of days in short dates."""
    return _("%(start)s to %(end)s") % {"start": f.short_date(start, loc), "end": f.short_date(end, loc)}


def _met(m: AvailabilityMonth) -> bool | None:
    return None if m.measured is None else m.measured >= m.target
