"""Availability: a target percentage as allowed downtime, and downtime as availability.

Allowed downtime = minutes in the stretch x (100% - target) / 100%. Minutes are
whole (the calendar days of each month and of the period x 1,440: one convention,
so one figure per stretch), and the target a short decimal, so the result is exact:
no rounding. ``downtime_for_days`` also takes a 365.25-day year, for lint's labelled
"a year" figure. Durations are shown by :func:`format_duration`,
to the second, half-up: 22.32 min (99.95% of a 31-day month) is "22 min 19 s".
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from slagen.agreement.calendars import Calendar
from slagen.agreement.model import Availability
from slagen.agreement.period import Period
from slagen.calendars import recurrence as rec
from slagen.calendars.recurrence import hours
from slagen.i18n import N_

from .base import Computed, Counted, FigureError, Span, TargetSet
from .calendar import maintenance_minutes, rule, window_text
from .rounding import AS_SET, HUNDRED, ONE, exact, fmt, frac, pct, round_to

MINUTES_A_DAY = 1440
DURATION_RULE = "shown to the second, half-up"
#: The rounding of an allowed downtime: exact, its duration shown to the second.
DOWNTIME_RULE = N_("exact (no rounding); durations shown to the second, half-up (%(duration)s)")


def _check_pct(value: Decimal, what: str) -> None:
    if not Decimal(0) <= value <= Decimal(100):
        raise FigureError(f"{what} must be between 0 and 100%, got {fmt(value)}%")


def downtime_for_days(target_pct: Decimal, days: Decimal | int) -> Decimal:
    """Allowed downtime in minutes over ``days`` days at ``target_pct`` availability (exact)."""
    _check_pct(target_pct, "the availability target")
    return exact(frac(days) * MINUTES_A_DAY * (HUNDRED - frac(target_pct)) / HUNDRED)


def downtime_for_minutes(target_pct: Decimal, minutes: Fraction) -> Decimal:
    """Allowed downtime over ``minutes`` minutes of measured time at ``target_pct`` (exact)."""
    _check_pct(target_pct, "the availability target")
    return exact(minutes * (HUNDRED - frac(target_pct)) / HUNDRED)


def allowed_downtime(target_pct: Decimal, start: date, end: date) -> Decimal:
    """Allowed downtime in minutes from ``start`` to ``end`` (both inclusive) at ``target_pct``."""
    if end < start:
        raise FigureError(f"expected an end on or after the start ({start}), got {end}")
    return downtime_for_days(target_pct, (end - start).days + 1)


def availability_from_downtime(downtime_minutes: Decimal, start: date, end: date, places: int = 4) -> Decimal:
    """Availability in percent from ``start`` to ``end`` given ``downtime_minutes`` of downtime.

    ``100 x (1 - downtime / minutes in the stretch)``, rounded down to ``places``
    decimal places, so it never shows more availability than there was.
    """
    if end < start:
        raise FigureError(f"expected an end on or after the start ({start}), got {end}")
    minutes = ((end - start).days + 1) * MINUTES_A_DAY
    if not 0 <= downtime_minutes <= minutes:
        raise FigureError(
            f"downtime must be between 0 and the {minutes} minutes from {start} to {end}, "
            f"got {fmt(downtime_minutes)}"
        )
    value = HUNDRED * (1 - frac(downtime_minutes) / minutes)
    return round_to(value, Decimal(1).scaleb(-places), "down")


def format_duration(minutes: Decimal) -> str:
    """A duration in minutes as "1 h 5 min 3 s", to the second, half-up; zero parts left out."""
    seconds = int(round_to(frac(minutes) * 60, ONE, "half-up"))
    if seconds < 0:
        raise FigureError(f"expected a duration of zero or more, got {fmt(minutes)} minutes")
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60), ("s", 1)):
        n, seconds = divmod(seconds, size)
        if n:
            parts.append(f"{n} {unit}")
    return " ".join(parts) or "0 s"


def maintenance_rules(av: Availability, cal: Calendar | None) -> list[rec.Rule]:
    """The recurring maintenance windows of ``av``, in the calendar's time zone."""
    if cal is None:
        return []
    return [rule(w.recurrence, cal.time_zone) for w in av.maintenance_windows if w.recurrence]


def availability_over(downtime_minutes: Decimal | Fraction, minutes: int, places: int = 4) -> Decimal:
    """Availability in percent over ``minutes`` of measured time with ``downtime_minutes`` of
    downtime: ``100 x (1 - downtime / minutes)``, rounded down to ``places`` decimal places."""
    if not 0 <= downtime_minutes <= minutes:
        raise FigureError(
            f"downtime must be between 0 and the {minutes} minutes measured, "
            f"got {fmt(round_to(Fraction(downtime_minutes), Decimal('0.01'), 'half-up'))}"
        )
    return round_to(HUNDRED * (1 - Fraction(downtime_minutes) / minutes), Decimal(1).scaleb(-places), "down")


def window_maintenance(rules: list[rec.Rule], days: int, period: Period) -> tuple[int, ...]:
    """The minutes of planned maintenance the calendar schedules in the rolling windows of
    ``days`` days that end in ``period``, each amount once, fewest first (``(0,)`` without
    recurring windows). A 30-day window holds four or five weekly windows, so its allowed
    downtime, like a month's, is over the minutes outside them: two figures, not one."""
    if not rules:
        return (0,)
    ends = (period.start + timedelta(days=i) for i in range(period.days))
    return tuple(sorted({maintenance_minutes(rules, e - timedelta(days=days - 1), e) for e in ends}))


#: The values of the target's "measured per" input, as messages a document translates (the
#: rolling window's counts its days: :data:`ROLLING`).
MEASURED = {
    "week": N_("week"),
    "month": N_("month"),
    "quarter": N_("quarter"),
    "year": N_("year"),
    "rolling": "every rolling window of %(n)s day",
}
ROLLING = Counted("every rolling window of %(n)s day", "every rolling window of %(n)s days", "n")
#: How allowed downtime is worked out, by the stretch it covers and how maintenance is left
#: out of it: ``plain`` (no maintenance windows), ``listed`` (windows listed with the target,
#: none scheduled by the calendar) or ``scheduled`` (the calendar's recurring windows are
#: subtracted). Every one is a message with fields, so its percent signs are doubled.
FORMULAS = {
    ("month", "plain"): N_("minutes in the month (days x 1,440) x (100%% - availability target)"),
    ("period", "plain"): N_("minutes in the period (days x 1,440) x (100%% - availability target)"),
    ("window", "plain"): N_("minutes in a %(n)s-day window (days x 1,440) x (100%% - availability target)"),
    ("week", "plain"): N_("minutes in a week (days x 1,440) x (100%% - availability target)"),
    ("month", "listed"): N_(
        "minutes in the month (days x 1,440) x (100%% - availability target); maintenance in the "
        "windows listed with the availability target is excluded"
    ),
    ("period", "listed"): N_(
        "minutes in the period (days x 1,440) x (100%% - availability target); maintenance in the "
        "windows listed with the availability target is excluded"
    ),
    ("window", "listed"): N_(
        "minutes in a %(n)s-day window (days x 1,440) x (100%% - availability target); maintenance "
        "in the windows listed with the availability target is excluded"
    ),
    ("week", "listed"): N_(
        "minutes in a week (days x 1,440) x (100%% - availability target); maintenance in the "
        "windows listed with the availability target is excluded"
    ),
    ("month", "scheduled"): N_(
        "(minutes in the month (days x 1,440) - planned maintenance minutes the calendar schedules "
        "in it) x (100%% - availability target); maintenance in the windows listed with the "
        "availability target is excluded"
    ),
    ("period", "scheduled"): N_(
        "(minutes in the period (days x 1,440) - planned maintenance minutes the calendar schedules "
        "in it) x (100%% - availability target); maintenance in the windows listed with the "
        "availability target is excluded"
    ),
    ("window", "scheduled"): N_(
        "(minutes in a %(n)s-day window (days x 1,440) - planned maintenance minutes the calendar "
        "schedules in it) x (100%% - availability target); maintenance in the windows listed with "
        "the availability target is excluded"
    ),
}


def _windows(av: Availability, cal: Calendar | None) -> tuple[tuple[str, str], ...]:
    if not av.maintenance_windows:
        return ((N_("maintenance excluded"), N_("none")),)
    return tuple((N_("maintenance excluded"), window_text(w, cal)) for w in av.maintenance_windows)


def availability_targets(ts: TargetSet, av: Availability, cal: Calendar | None = None) -> None:
    """Add ``availability.target`` and the allowed downtime per month, period, quarter and year
    (and per rolling window or week, when availability is measured so).

    The month, period and rolling-window figures leave out the planned maintenance the calendar
    schedules in them (recurring windows, in real time): allowed downtime = (minutes -
    maintenance minutes) x (100% - target); a rolling window gets one figure for each amount of
    maintenance its windows hold (:func:`window_maintenance`). The week figure is 7 days before
    maintenance.
    """
    windows = _windows(av, cal)
    rules = maintenance_rules(av, cal)
    rolling = av.measured_per == "rolling"
    target = ts.add(
        Computed(
            "availability.target",
            N_("Availability target"),
            av.target,
            "%",
            None if rolling else av.measured_per,
            N_(
                "target set in the agreement; planned maintenance in the windows listed is excluded: it is not downtime"
            )
            if av.maintenance_windows
            else N_("target set in the agreement"),
            (
                (N_("availability"), pct(av.target)),
                (N_("measured per"), MEASURED[av.measured_per]),
                *windows,
            ),
            AS_SET,
            args=(("n", str(av.rolling_days)),) if rolling else (),
            counted=(ROLLING,) if rolling else (),
        )
    )

    def add(
        name: str,
        label: Counted | str,
        days: Decimal | int,
        per: str | None,
        what: str,
        span: Span,
        planned: int = 0,
        args: tuple[tuple[str, str], ...] = (),
    ) -> None:
        total = frac(days) * MINUTES_A_DAY
        minutes = downtime_for_minutes(target.value, total - planned)
        inputs = [(N_("days"), fmt(Decimal(days))), (N_("minutes"), fmt(exact(total)))]
        scheduled = bool(rules) and name.startswith(("2", "period", "window"))
        if scheduled:
            inputs.append((N_("planned maintenance minutes"), str(planned)))
        how = "scheduled" if scheduled else "listed" if av.maintenance_windows else "plain"
        counted = (label,) if isinstance(label, Counted) else ()
        ts.add(
            Computed(
                f"availability.downtime_minutes.{name}",
                label.singular if isinstance(label, Counted) else label,
                minutes,
                "minutes",
                per,
                FORMULAS[what, how],
                (*inputs, (N_("availability target"), pct(target.value))),
                DOWNTIME_RULE,
                span,
                args=(*args, ("duration", format_duration(minutes))),
                counted=counted,
            )
        )

    period: Period = ts.period
    for y, m in period.months():
        start = max(period.start, date(y, m, 1))
        end = min(period.end, date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1))
        days = (end - start).days + 1
        planned = maintenance_minutes(rules, start, end)
        month = f"{y}-{m:02d}"
        add(
            month,
            Counted(
                "Allowed downtime in %(month)s (%(days)s day)",
                "Allowed downtime in %(month)s (%(days)s days)",
                "days",
            ),
            days,
            None,
            "month",
            Span("month", month, days),
            planned,
            (("month", month), ("days", str(days))),
        )
    planned = maintenance_minutes(rules, period.start, period.end)
    add(
        "period",
        Counted(
            "Allowed downtime in %(period)s (%(days)s day)",
            "Allowed downtime in %(period)s (%(days)s days)",
            "days",
        ),
        period.days,
        None,
        "period",
        Span("period", period.label, period.days),
        planned,
        (("period", period.label), ("days", str(period.days))),
    )
    if rolling and av.rolling_days is not None:
        n = av.rolling_days
        scheduled = window_maintenance(rules, n, period)
        if len(scheduled) == 1:
            label = Counted(
                "Allowed downtime in any %(n)s consecutive day",
                "Allowed downtime in any %(n)s consecutive days",
                "n",
            )
            add("window", label, n, None, "window", Span("window", "", n), scheduled[0], (("n", str(n)),))
        else:  # one figure for each amount of maintenance a window can hold
            for planned in scheduled:
                add(
                    f"window-{planned}",
                    Counted(
                        "Allowed downtime in any %(n)s consecutive days with %(hours)s hour of planned maintenance",
                        "Allowed downtime in any %(n)s consecutive days with %(hours)s hours of planned maintenance",
                        "hours",
                    ),
                    n,
                    None,
                    "window",
                    Span("window", "", n, planned),
                    planned,
                    (("n", str(n)), ("hours", fmt(hours(planned)))),
                )
    if av.measured_per == "week":
        add("week", N_("Allowed downtime per week (7 days)"), 7, "week", "week", Span("week", "", 7))
    # One figure per quantity: no 91.3125-day quarter or 365.25-day year beside the calendar's
    # figures; lint's SLA001 uses the year, labelled as such.
