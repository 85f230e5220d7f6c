"""Tickets timed on their support clock: the response and resolution times of tickets given as
time stamps, computed from the agreement's calendar.

A ticket's ``opened``, ``responded`` and ``resolved`` are wall-clock times in the agreement's
``calendar.time_zone``, or instants with their UTC offset; both become times in that zone with
their offset (:func:`in_zone`; without a calendar, they are taken as they stand). The severity's
support level says which clock runs: ``clock: business-hours`` counts only the minutes inside
``calendar.business_hours`` on business days (its weekdays, less the public holidays of the
business-hours party's holiday calendar); any other severity counts every real minute, across
clock changes (see :mod:`slagen.calendars.elapsed`). Minutes and hours are exact (seconds /
60, seconds / 3,600); the goals' own rounding rules apply when they are judged.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal

from slagen.agreement.model import Agreement
from slagen.calendars.elapsed import Elapsed, Hours, business_seconds, real_seconds
from slagen.calendars.zones import local

from .records import Actuals, Ticket

#: The zone stamps are read in when the agreement has no calendar (differences are then wall-clock).
NO_ZONE = "UTC"


@dataclass(frozen=True)
class Clock:
    """The clocks of one agreement: its zone, business hours and business-hours holidays."""

    zone: str
    hours: Hours | None
    holidays: dict[date, str]
    """The public holidays of the business-hours party, by date, over the tickets' span."""
    business: frozenset[str]
    """Severities whose clock is business hours."""

    def elapsed(self, t: Ticket, severity: str, end: datetime) -> Elapsed:
        """Seconds from ``t.opened`` to ``end`` on ``severity``'s clock."""
        if severity in self.business and self.hours is not None:
            return business_seconds(t.opened, end, self.hours, self.holidays.__contains__)
        return Elapsed(real_seconds(t.opened, end, self.zone))


def clock_of(agreement: Agreement, tickets: tuple[Ticket, ...]) -> Clock:
    """The clocks ``agreement`` times ``tickets`` on (holidays loaded only for their span)."""
    cal = agreement.calendar
    zone = cal.time_zone if cal is not None else NO_ZONE
    bh = cal.business_hours if cal is not None else None
    business = frozenset(s.severity for s in agreement.inputs.support if s.clock == "business-hours")
    hours = None if bh is None else Hours(tuple(bh.days), bh.start, bh.end, zone)
    holidays: dict[date, str] = {}
    stamps = [x for t in tickets for x in (t.opened, t.responded, t.resolved) if x is not None]
    if bh is not None and business and stamps:
        from slagen.targets.calendar import holiday_days

        holidays = dict(holiday_days(agreement, bh.party, min(stamps).date(), max(stamps).date()))
    return Clock(zone, hours, holidays, business)


def _minutes(seconds: int) -> Decimal:
    return Decimal(seconds) / 60


def _hours(seconds: int) -> Decimal:
    return Decimal(seconds) / 3600


def in_zone(agreement: Agreement, actuals: Actuals) -> Actuals:
    """``actuals`` with every ticket's times in the agreement's zone (``zoneinfo``, so each
    carries its UTC offset across summer time); as they stand without a calendar."""
    cal = agreement.calendar
    if cal is None or not actuals.tickets:
        return actuals
    name = cal.time_zone

    def at(when: datetime | None) -> datetime | None:
        return None if when is None else local(when, name)

    tickets = sorted(
        (
            replace(t, opened=local(t.opened, name), responded=at(t.responded), resolved=at(t.resolved))
            for t in actuals.tickets
        ),
        key=lambda t: (t.opened.astimezone(UTC), t.id),  # as instants, not wall clocks
    )
    return replace(actuals, tickets=tuple(tickets))


def on_the_clock(agreement: Agreement, actuals: Actuals) -> Actuals:
    """``actuals`` with every ticket in the agreement's zone (:func:`in_zone`), and those given as
    time stamps timed on their severity's clock."""
    actuals = in_zone(agreement, actuals)
    stamped = [t for t in actuals.tickets if t.responded is not None or t.resolved is not None]
    if not stamped:
        return actuals
    clock = clock_of(agreement, tuple(stamped))
    timed = []
    for t in actuals.tickets:
        if t.responded is None and t.resolved is None:
            timed.append(t)
            continue
        paused: set[date] = set()
        response, resolution = t.response_minutes, t.resolution_hours
        if t.responded is not None:
            e = clock.elapsed(t, t.severity, t.responded)
            response, paused = _minutes(e.seconds), paused | set(e.holidays)
        if t.resolved is not None:
            e = clock.elapsed(t, t.severity, t.resolved)
            resolution, paused = _hours(e.seconds), paused | set(e.holidays)
        words = "business hours" if t.severity in clock.business and clock.hours is not None else "24x7"
        timed.append(
            replace(
                t,
                response_minutes=response,
                resolution_hours=resolution,
                clock=words,
                holidays=tuple(sorted(paused)),
            )
        )
    return replace(actuals, tickets=tuple(timed))
