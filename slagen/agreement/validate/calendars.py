"""The calendar makes sense: an IANA zone, recurrences that occur, caps the calendar keeps,
holiday calendars that exist, and parties that are named in the agreement.

Zone data is read through :mod:`zoneinfo` (one zone, cached); the ``holidays`` package is
imported only for an agreement that names a holiday calendar, and only its registry and the
named country's class (not a year of holidays) are loaded to check it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from slagen.agreement.calendars import Recurrence
from slagen.agreement.model import Agreement
from slagen.agreement.source import Path_
from slagen.util.text import did_you_mean

from .registry import Context, Finding, check

AV = ("inputs", "availability")


def _party(a: Agreement, path: Path_, ident: str) -> Iterator[Finding]:
    known = [p.id for p in a.parties]
    if ident not in known:
        yield Finding(
            path, f"expected a party id ({', '.join(known)}), got {ident!r}" + did_you_mean(ident, known)
        )


def _which(path: Path_, every: str, which: str | None) -> Iterator[Finding]:
    if every == "month" and which is None:
        yield Finding((*path, "every"), "a monthly recurrence needs 'which' (first ... fifth, or last)")
    if every == "week" and which is not None:
        yield Finding((*path, "which"), "'which' is for a monthly recurrence; this one is weekly")


@check("calendar-zone", "the time zone is an IANA name (not an abbreviation such as CET)")
def calendar_zone(ctx: Context) -> Iterator[Finding]:
    """``calendar.time_zone`` names a zone of the database; times of day need a calendar."""
    from slagen.calendars.zones import zone_problem

    a = ctx.agreement
    if a.calendar is not None:
        problem = zone_problem(a.calendar.time_zone)
        if problem:
            yield Finding(("calendar", "time_zone"), problem)
    av = a.inputs.availability
    if a.calendar is None and av is not None:
        for i, w in enumerate(av.maintenance_windows):
            if w.recurrence is not None:
                yield Finding(
                    (*AV, "maintenance_windows", i, "recurrence"),
                    "a recurring window's times are local: name the zone in calendar.time_zone (e.g. Europe/Berlin)",
                )


@check("calendar-parties", "holiday calendars, business hours and deliveries name parties of the agreement")
def calendar_parties(ctx: Context) -> Iterator[Finding]:
    """Every party a calendar part names exists; one holiday calendar per party; business hours
    and deliveries name a party with a holiday calendar."""
    a = ctx.agreement
    cal = a.calendar
    if cal is None:
        return
    with_calendar: set[str] = set()
    for i, h in enumerate(cal.holidays):
        yield from _party(a, ("calendar", "holidays", i, "party"), h.party)
        if h.party in with_calendar:
            yield Finding(("calendar", "holidays", i, "party"), f"{h.party!r} already has a holiday calendar")
        with_calendar.add(h.party)
    bh = cal.business_hours
    if bh is not None:
        yield from _party(a, ("calendar", "business_hours", "party"), bh.party)
        if bh.party not in with_calendar:
            yield Finding(
                ("calendar", "business_hours", "party"),
                f"business days are the weekdays less public holidays: give {bh.party!r} a holiday "
                "calendar in calendar.holidays",
            )
        if bh.end <= bh.start:
            yield Finding(
                ("calendar", "business_hours", "end"),
                f"expected a time after the start ({bh.start}), got {bh.end}",
            )
    ids: set[str] = set()
    for i, s in enumerate(cal.deliveries):
        at = ("calendar", "deliveries", i)
        if s.id in ids:
            yield Finding((*at, "id"), f"delivery schedule id {s.id!r} is used more than once")
        ids.add(s.id)
        yield from _party(a, (*at, "party"), s.party)
        yield from _party(a, (*at, "holidays_of"), s.holidays_of)
        if s.holidays_of not in with_calendar:
            yield Finding(
                (*at, "holidays_of"),
                f"a holiday decides what happens to a delivery: give {s.holidays_of!r} a holiday "
                "calendar in calendar.holidays",
            )
        yield from _which(at, s.every, s.which)


@check("holiday-calendars", "each holiday calendar is a country (and subdivision) the holidays package knows")
def holiday_calendars(ctx: Context) -> Iterator[Finding]:
    """The country and subdivision of each holiday calendar exist."""
    cal = ctx.agreement.calendar
    if cal is None or not cal.holidays:
        return
    from slagen.calendars.public_holidays import calendar_problem

    for i, h in enumerate(cal.holidays):
        problem = calendar_problem(h.country, h.subdivision)
        if problem:
            key, message = problem
            yield Finding(("calendar", "holidays", i, key), message)


@check("maintenance-windows", "maintenance windows recur, state their notice once, and keep their cap")
def maintenance_windows(ctx: Context) -> Iterator[Finding]:
    """A window is described or recurs; a recurrence occurs in the term; at most one notice;
    notice in business days needs business hours; a stated cap holds in every month of the term."""
    a = ctx.agreement
    av = a.inputs.availability
    if av is None:
        return
    for i, w in enumerate(av.maintenance_windows):
        at = (*AV, "maintenance_windows", i)
        if w.description is None and w.recurrence is None:
            yield Finding(at, "expected a 'recurrence' or a 'description' of when the window is")
        notices = [
            k for k in ("notice_days", "notice_business_days", "notice_hours") if getattr(w, k) is not None
        ]
        for k in notices[1:]:
            yield Finding((*at, k), f"the window's notice is already stated as '{notices[0]}'")
        if w.notice_business_days is not None and (a.calendar is None or a.calendar.business_hours is None):
            yield Finding(
                (*at, "notice_business_days"),
                "business days need calendar.business_hours and a holiday calendar",
            )
        if w.recurrence is not None and a.calendar is not None:
            yield from _recurrence(a, (*at, "recurrence"), w.recurrence, w.hours_per_month, at)


def _recurrence(a: Agreement, at: Path_, r: Recurrence, cap: object, window_at: Path_) -> Iterator[Finding]:
    from decimal import Decimal

    from slagen.calendars import recurrence as rec
    from slagen.calendars.zones import zone_problem

    assert a.calendar is not None
    yield from _which(at, r.every, r.which)
    if r.start == r.end:
        yield Finding(
            (*at, "end"), f"expected an end time other than the start ({r.start}): the window has no length"
        )
        return
    if (r.every == "month") != (r.which is not None) or zone_problem(a.calendar.time_zone):
        return
    rule = rec.Rule(r.every, r.day, r.which, r.start, r.end, a.calendar.time_zone)
    t = a.term
    if not rec.days_in(rule, t.start, t.end):
        yield Finding(
            at,
            f"the recurrence ({rule.describe()}) cannot occur: no day of the term ({t.start} to {t.end}) is one",
        )
        return
    if not isinstance(cap, Decimal):
        return
    over = []
    y, m = t.start.year, t.start.month
    while date(y, m, 1) <= t.end:
        hours = rec.hours(
            rec.minutes_between(rule, max(t.start, date(y, m, 1)), min(t.end, rec.month_end(y, m)))
        )
        if hours > cap:
            over.append(f"{y}-{m:02d} ({hours} h)")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if over:
        yield Finding(
            (*window_at, "hours_per_month"),
            f"the window is capped at {cap} hours a month, but the calendar gives more in "
            f"{', '.join(over)}: raise the cap or shorten the window",
        )


@check("measurement-window", "availability measured per rolling window states its days, and only then")
def measurement_window(ctx: Context) -> Iterator[Finding]:
    """``rolling_days`` with ``measured_per: rolling`` (1 to 366 days), and not otherwise."""
    av = ctx.agreement.inputs.availability
    if av is None:
        return
    if av.measured_per == "rolling" and av.rolling_days is None:
        yield Finding((*AV, "measured_per"), "a rolling window needs 'rolling_days' (e.g. 28 or 30)")
    if av.measured_per != "rolling" and av.rolling_days is not None:
        yield Finding(
            (*AV, "rolling_days"), f"'rolling_days' is for measured_per: rolling, not {av.measured_per}"
        )
    if av.rolling_days is not None and not 1 <= av.rolling_days <= 366:
        yield Finding((*AV, "rolling_days"), f"expected 1 to 366 days, got {av.rolling_days}")


@check(
    "availability-goal-window", "the availability goal is judged over the window availability is measured per"
)
def availability_goal_window(ctx: Context) -> Iterator[Finding]:
    """A goal whose target is ``availability.target`` states the availability promised per
    ``inputs.availability.measured_per``: with a calendar window (week, month, quarter, year) its
    ``interval`` is that window, or the documents would promise 99.95% a month where the inputs
    measure a quarter. (Measured per rolling window, the goal's interval is only when results are
    reported: the documents state the window, and a month is met when every window ending in it is.)"""
    av = ctx.agreement.inputs.availability
    if av is None or av.measured_per == "rolling":
        return
    for i, g in enumerate(ctx.agreement.goals):
        if g.target.computed == "availability.target" and g.interval and g.interval != av.measured_per:
            yield Finding(
                ("goals", i, "interval"),
                f"expected {av.measured_per} (inputs.availability.measured_per), got {g.interval}: "
                "the availability target is promised over the window it is measured in",
            )


@check("goal-windows", "a goal measured over rolling windows is a rate, over 1 to 366 days")
def goal_windows(ctx: Context) -> Iterator[Finding]:
    """``goals[].rolling_days`` only for ``measure: average`` or ``share`` (a total over a
    window would need its own target, and a limit for each event is met event by event)."""
    for i, g in enumerate(ctx.agreement.goals):
        if g.rolling_days is None:
            continue
        at = ("goals", i, "rolling_days")
        if g.measure not in ("average", "share"):
            kind = f"measure: {g.measure}" if g.measure else "a goal without a measure"
            yield Finding(
                at,
                f"a rolling window is for a rate (measure: average or share), not {kind}: "
                "use interval for a total, and a limit for each event holds event by event",
            )
        if not 1 <= g.rolling_days <= 366:
            yield Finding(at, f"expected 1 to 366 days, got {g.rolling_days}")


@check("support-clock", "support times in business hours have business hours to count")
def support_clock(ctx: Context) -> Iterator[Finding]:
    """``clock: business-hours`` needs ``calendar.business_hours``; without a clock, ``hours`` says when."""
    a = ctx.agreement
    for i, s in enumerate(a.inputs.support):
        at = ("inputs", "support", i)
        if s.clock == "business-hours" and (a.calendar is None or a.calendar.business_hours is None):
            yield Finding((*at, "clock"), "business hours are set in calendar.business_hours; it has none")
        if s.clock is None and s.hours is None:
            yield Finding(at, "expected 'hours' (when the clock runs) or 'clock' (24x7 or business-hours)")
