"""Figures from the agreement's calendar: maintenance hours per month, business days, the
holidays of the period and the day each delivery is made.

Maintenance hours are real time (a Sunday 02:00-04:00 window in Europe/Berlin is 3 hours on
25 October 2026, when summer time ends), exact to the minute and shown in hours to the
hundredth, half-up. Holidays come from the parties' holiday calendars (the ``holidays``
package, loaded only here and in validation, and only for agreements that name one).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from slagen.agreement.calendars import Calendar, DeliverySchedule, Recurrence
from slagen.agreement.model import Agreement, MaintenanceWindow
from slagen.calendars import recurrence as rec
from slagen.calendars.business import ON_HOLIDAY, Delivery, business_days, deliveries
from slagen.calendars.words import business_hours

from .base import Computed, TargetSet
from .rounding import EXACT, fmt

HOURS_RULE = (
    "real time between the local start and end (clock changes included), to the hundredth of an hour, half-up"
)


def rule(r: Recurrence | DeliverySchedule, zone: str, start: str = "00:00", end: str = "00:00") -> rec.Rule:
    """The recurrence rule of a maintenance window (its own times) or a delivery schedule."""
    if isinstance(r, Recurrence):
        start, end = r.start, r.end
    return rec.Rule(r.every, r.day, r.which, start, end, zone)


def maintenance_rules(a: Agreement) -> list[rec.Rule]:
    """The recurrence rules of the agreement's recurring maintenance windows."""
    av = a.inputs.availability
    if av is None or a.calendar is None:
        return []
    tz = a.calendar.time_zone
    return [rule(w.recurrence, tz) for w in av.maintenance_windows if w.recurrence is not None]


def maintenance_minutes(rules: list[rec.Rule], start: date, end: date) -> int:
    """Real minutes of the recurring windows that start from ``start`` to ``end``."""
    return sum(rec.minutes_between(r, start, end) for r in rules)


def notice_of(w: MaintenanceWindow) -> tuple[int, str] | None:
    """The notice a window is announced with: ``(5, "business days")``; None when it states none."""
    for value, unit in (
        (w.notice_business_days, "business days"),
        (w.notice_days, "days"),
        (w.notice_hours, "hours"),
    ):
        if value is not None:
            return value, unit
    return None


def notice(w: MaintenanceWindow) -> str | None:
    """``announced at least 5 business days ahead``, or None when the window states no notice."""
    told = notice_of(w)
    if told is None:
        return None
    value, unit = told
    return f"announced at least {value} {unit.removesuffix('s') if value == 1 else unit} ahead"


def window_text(w: MaintenanceWindow, cal: Calendar | None, *, cap: bool = True) -> str:
    """The window in words: what it is for, when it recurs, its notice and (``cap``) its cap."""
    parts = []
    if w.recurrence is not None and cal is not None:
        when = rule(w.recurrence, cal.time_zone).describe()
        parts.append(f"{w.description}: {when}" if w.description else when[0].upper() + when[1:])
    elif w.description:
        parts.append(w.description)
    told = notice(w)
    if told:
        parts.append(told)
    text = ", ".join(parts)
    if cap and w.hours_per_month is not None:
        text += f" (at most {fmt(w.hours_per_month)} hours a month)"
    return text


def clock_text(a: Agreement, hours: str | None, clock: str | None) -> str:
    """When a support clock runs, in words: the business hours from the calendar, or as written."""
    if clock == "business-hours":
        return f"business hours: {business_hours(a)}"
    if hours is not None:
        return hours
    return "24x7, every hour of every day"


def holiday_days(a: Agreement, party: str, start: date, end: date) -> list[tuple[date, str]]:
    """The public holidays of ``party``'s calendar from ``start`` to ``end`` (none without one)."""
    from slagen.calendars.public_holidays import holidays_between

    for h in a.calendar.holidays if a.calendar else []:
        if h.party == party:
            return holidays_between(h.country, h.subdivision, start, end)
    return []


def business_days_of(a: Agreement, party: str, start: date, end: date) -> list[date]:
    """``party``'s business days from ``start`` to ``end`` (its business hours' weekdays, Monday
    to Friday when it states none, less its public holidays)."""
    bh = a.calendar.business_hours if a.calendar else None
    weekdays = tuple(bh.days) if bh is not None and bh.party == party else rec.WEEKDAYS[:5]
    closed = {d for d, _ in holiday_days(a, party, start, end)}
    return business_days(start, end, weekdays, closed)


def schedule(a: Agreement, s: DeliverySchedule, start: date, end: date) -> list[Delivery]:
    """The deliveries of ``s`` due from ``start`` to ``end``, each on the day it is made."""
    assert a.calendar is not None
    # Look a fortnight past the period so a delivery moved out of it still finds its day.
    open_days = set(business_days_of(a, s.holidays_of, start - timedelta(days=14), end + timedelta(days=14)))
    names = dict(holiday_days(a, s.holidays_of, start - timedelta(days=14), end + timedelta(days=14)))
    return deliveries(
        rule(s, a.calendar.time_zone), start, end, open_days.__contains__, names.get, s.on_holiday
    )


def calendar_targets(ts: TargetSet, a: Agreement, *, holidays: bool = True) -> None:
    """Add maintenance hours per month of the period; with ``holidays``, also the holidays,
    business days and deliveries of the period (they need the holiday calendars)."""
    period = ts.period
    rules = maintenance_rules(a)
    if rules:
        for y, m in period.months():
            start, end = max(period.start, date(y, m, 1)), min(period.end, rec.month_end(y, m))
            _hours(ts, f"availability.maintenance_hours.{y}-{m:02d}", f"{y}-{m:02d}", rules, start, end)
        _hours(ts, "availability.maintenance_hours.period", period.label, rules, period.start, period.end)
    if not holidays or a.calendar is None:
        return
    cal = a.calendar
    for h in cal.holidays:
        days = holiday_days(a, h.party, period.start, period.end)
        ts.holidays[h.party] = tuple(days)
        where = h.country + (f"-{h.subdivision}" if h.subdivision else "")
        ts.add(
            Computed(
                f"calendar.holidays.{h.party}",
                f"Public holidays of {a.party(h.party).name} in {period.label} ({where})",
                Decimal(len(days)),
                "days",
                None,
                "public holidays of the party's calendar that fall in the period",
                tuple((d.isoformat(), name) for d, name in days) or (("holidays", "none in the period"),),
                EXACT,
            )
        )
    bh = cal.business_hours
    if bh is not None:
        for y, m in period.months():
            start, end = max(period.start, date(y, m, 1)), min(period.end, rec.month_end(y, m))
            open_days = business_days_of(a, bh.party, start, end)
            ts.add(
                Computed(
                    f"calendar.business_days.{y}-{m:02d}",
                    f"Business days of {a.party(bh.party).name} in {y}-{m:02d}",
                    Decimal(len(open_days)),
                    "days",
                    None,
                    "the business-hours weekdays from the first to the last day, less public holidays",
                    (
                        ("days", f"{start} to {end}"),
                        ("weekdays", ", ".join(bh.days)),
                        ("hours", f"{bh.start}-{bh.end} {cal.time_zone} time"),
                    ),
                    EXACT,
                )
            )
    for s in cal.deliveries:
        made = schedule(a, s, period.start, period.end)
        ts.deliveries[s.id] = tuple(made)
        moved = tuple(
            (
                d.due.isoformat(),
                f"{d.holiday or 'not a business day'}: {ON_HOLIDAY[s.on_holiday]}"
                + (f" ({d.made.isoformat()})" if d.made else ""),
            )
            for d in made
            if d.made != d.due
        )
        ts.add(
            Computed(
                f"calendar.deliveries.{s.id}",
                f"Deliveries of {s.id} in {period.label}",
                Decimal(sum(d.made is not None for d in made)),
                "deliveries",
                None,
                f"deliveries due {rule(s, cal.time_zone).describe().split(',')[0]} in the period, "
                "less those skipped for a holiday",
                (("due", str(len(made))), *moved) if moved else (("due", str(len(made))),),
                EXACT,
            )
        )


def _hours(ts: TargetSet, name: str, label: str, rules: list[rec.Rule], start: date, end: date) -> None:
    minutes = maintenance_minutes(rules, start, end)
    ts.add(
        Computed(
            name,
            f"Planned maintenance in {label}",
            rec.hours(minutes),
            "hours",
            None,
            "sum of the recurring maintenance windows that start in it",
            (
                ("days", f"{start} to {end}"),
                ("windows", str(sum(len(rec.days_in(r, start, end)) for r in rules))),
                ("minutes", str(minutes)),
            ),
            HOURS_RULE,
        )
    )
