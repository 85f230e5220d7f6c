"""Figures from the agreement's calendar: maintenance hours per month, business days, the
holidays of the period and the day each delivery is made.

Maintenance hours are real time (a Sunday 02:00-04:00 window in Europe/Berlin is 3 hours on
25 October 2026, when summer time ends), exact to the minute and shown in hours to the
hundredth, half-up. Holidays come from the parties' holiday calendars (the ``holidays``
package, loaded only here and in validation, and only for agreements that name one).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from slagen.agreement.calendars import Calendar, DeliverySchedule, Recurrence
from slagen.agreement.model import Agreement, MaintenanceWindow
from slagen.calendars import recurrence as rec
from slagen.calendars.business import ON_HOLIDAY, Delivery, business_days, deliveries
from slagen.calendars.words import business_hours, window
from slagen.i18n import N_, gettext
from slagen.i18n.counted import plural

from .base import Computed, TargetSet
from .rounding import EXACT

HOURS_RULE = N_(
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
    """The notice a window is announced with, as a count of slagen's own word: ``(5, "business
    day")``; None when it states none."""
    for value, word in (
        (w.notice_business_days, "business day"),
        (w.notice_days, "day"),
        (w.notice_hours, "hour"),
    ):
        if value is not None:
            return value, word
    return None


def window_text(
    w: MaintenanceWindow,
    cal: Calendar | None,
    count: Callable[[int | Decimal, str], str] = plural,
    *,
    cap: bool = True,
    phrase: Callable[[str], str] | None = None,
) -> str:
    """A maintenance window in words, in the current locale: what it is for, when it recurs,
    its notice and (``cap``) its cap. ``count`` writes a count of one of slagen's own words
    (``business day``, ``day``, ``hour``) in the form the count takes: in figures by default
    (:func:`slagen.i18n.counted.plural`), or the legal style's words and figures
    (:meth:`slagen.render.phrases.Figures.counted`: "2 (słownie: dwie) godziny"); with ``phrase``
    the description continues a sentence (``phrase`` makes it so) and is followed by a comma,
    else it heads the window, followed by a colon: ``Planned platform maintenance: every Sunday,
    02:00-04:00 Europe/Berlin time, announced at least 5 business days ahead (at most 10 hours a
    month)``."""
    when = window(rule(w.recurrence, cal.time_zone)) if w.recurrence is not None and cal is not None else None
    parts = []
    if phrase is not None:
        parts = [phrase(w.description)] if w.description else []
        if when:
            parts.append(when)
    elif when:
        parts.append(f"{w.description}: {when}" if w.description else when[0].upper() + when[1:])
    elif w.description:
        parts.append(w.description)
    told = notice_of(w)
    if told is not None:
        value, word = told
        parts.append(gettext("announced at least %(notice)s ahead") % {"notice": count(value, word)})
    text = ", ".join(parts)
    if cap and w.hours_per_month is not None:
        text += gettext(" (at most %(hours)s a month)") % {"hours": count(w.hours_per_month, "hour")}
    return text


def clock_text(a: Agreement, hours: str | None, clock: str | None) -> str:
    """When a support clock runs, in words: the business hours from the calendar, or as written."""
    if clock == "business-hours":
        return gettext("business hours: %(hours)s") % {"hours": business_hours(a)}
    if hours is not None:
        return hours
    return gettext("24x7, every hour of every day")


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
                N_("Public holidays of %(party)s in %(period)s (%(calendar)s)"),
                Decimal(len(days)),
                "days",
                None,
                N_("public holidays of the party's calendar that fall in the period"),
                tuple((d.isoformat(), name) for d, name in days)
                or ((N_("holidays"), N_("none in the period")),),
                EXACT,
                args=(("party", a.party(h.party).name), ("period", period.label), ("calendar", where)),
            )
        )
    bh = cal.business_hours
    if bh is not None:
        for y, m in period.months():
            start, end = max(period.start, date(y, m, 1)), min(period.end, rec.month_end(y, m))
            open_days = business_days_of(a, bh.party, start, end)
            weekdays = business_days(start, end, tuple(bh.days), set())
            ts.add(
                Computed(
                    f"calendar.business_days.{y}-{m:02d}",
                    N_("Business days of %(party)s in %(month)s"),
                    Decimal(len(open_days)),
                    "days",
                    None,
                    N_("business-hours weekdays from the first to the last day - public holidays on them"),
                    (
                        (N_("first day"), start.isoformat()),
                        (N_("last day"), end.isoformat()),
                        (N_("business-hours weekdays"), str(len(weekdays))),
                        (N_("public holidays on them"), str(len(weekdays) - len(open_days))),
                    ),
                    EXACT,
                    args=(("party", a.party(bh.party).name), ("month", f"{y}-{m:02d}")),
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
                ((N_("due"), str(len(made))), *moved),
                EXACT,
            )
        )


def _hours(ts: TargetSet, name: str, label: str, rules: list[rec.Rule], start: date, end: date) -> None:
    minutes = maintenance_minutes(rules, start, end)
    ts.add(
        Computed(
            name,
            N_("Planned maintenance in %(period)s"),
            rec.hours(minutes),
            "hours",
            None,
            N_("sum of the recurring maintenance windows that start in it"),
            (
                (N_("first day"), start.isoformat()),
                (N_("last day"), end.isoformat()),
                (N_("windows"), str(sum(len(rec.days_in(r, start, end)) for r in rules))),
                (N_("minutes"), str(minutes)),
            ),
            HOURS_RULE,
            args=(("period", label),),
        )
    )
