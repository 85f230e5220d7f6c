"""The tracking report's calendar part: the holidays of the period that affected what was
measured, and the tickets timed on a business-hours clock from their time stamps.

A holiday affects the measurement when it closes a business day of the business-hours party
(a business-hours support clock does not run on it) or when it moves a delivery of a
schedule. Holidays on days that are not business days anyway (a Saturday), and holidays of
parties whose calendar decides nothing, are left out: the agreement's own documents list
every holiday of the period.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from slagen.agreement.model import Agreement
from slagen.agreement.period import Period
from slagen.calendars.public_holidays import holiday_names
from slagen.calendars.recurrence import WEEKDAYS
from slagen.calendars.zones import abbreviations, offset_text
from slagen.i18n import gettext as _
from slagen.i18n import ngettext
from slagen.tracking import Actuals
from slagen.tracking.clock import clock_of

from ..calendars.words import business_hours, on_holiday, weekday
from ..render import formatting as f
from ..targets import TargetSet
from ..targets.calendar import holiday_days
from ..targets.rounding import frac, round_to
from .views import CalendarView, HolidayRow, TicketRow


def _hours(minutes: Decimal) -> str:
    """A support time in hours, minutes and seconds (``72 h``, ``2 h 40 min``), to the second,
    half-up: business hours make no whole days, so a day is never a unit here."""
    seconds = int(round_to(frac(minutes) * 60, Decimal(1), "half-up"))
    h, rest = divmod(seconds, 3600)
    m, sec = divmod(rest, 60)
    parts = [f"{n} {unit}" for n, unit in ((h, "h"), (m, "min"), (sec, "s")) if n]
    return " ".join(parts) or "0 s"  # SI symbols: the same in every language


def _against(minutes: Decimal | None, allowed: Decimal) -> str:
    """``2 h 40 min (4 h allowed)``, or ``not yet (4 h allowed)``."""
    took = _("not yet") if minutes is None else _hours(minutes)
    return _("%(took)s (%(allowed)s allowed)") % {"took": took, "allowed": _hours(allowed)}


def _stamp(when: datetime, locale: str) -> str:
    """``24/12/2026 16:30 UTC+1``: the local date and time, and its offset from UTC when it has
    one (the agreement's zone gives it, so summer time shows as UTC+2)."""
    offset = when.utcoffset()
    zone = "" if offset is None else f" {offset_text(offset)}"
    return f"{f.short_date(when.date(), locale)} {when:%H:%M}{zone}"


def _local_names(a: Agreement, party: str, period: Period) -> dict[date, str]:
    """The holidays' names of ``party`` in the report's language, where its calendar has it
    (Polish: "Narodowe Święto Niepodległości"); empty for English or a calendar without it."""
    h = next((h for h in a.calendar.holidays if h.party == party), None) if a.calendar else None
    if h is None:
        return {}
    return holiday_names(h.country, h.subdivision, period.start, period.end, a.presentation.locale)


def calendar_view(a: Agreement, actuals: Actuals, period: Period, targets: TargetSet) -> CalendarView | None:
    """The holidays of ``period`` that affected the measurement, and the tickets timed on their
    clock (``actuals`` already timed, see :func:`slagen.tracking.clock.on_the_clock`); None
    when the agreement's calendar decides nothing the report measures."""
    cal = a.calendar
    if cal is None:
        return None
    loc = a.presentation.locale
    effects: dict[date, list[str]] = {}
    names: dict[date, str] = {}
    bh = cal.business_hours
    business = sorted(s.severity for s in a.inputs.support if s.clock == "business-hours")
    tickets = [
        t for t in actuals.tickets if t.clock is not None and period.start <= t.opened.date() <= period.end
    ]
    if bh is not None and business:
        local = _local_names(a, bh.party, period)
        for day, name in holiday_days(a, bh.party, period.start, period.end):
            if WEEKDAYS[day.weekday()] not in bh.days:
                continue
            names[day] = local.get(day, name)
            stopped = [f"{t.id} ({t.severity})" for t in actuals.tickets if day in t.holidays]
            words = {
                "party": a.party(bh.party).name,
                "levels": ", ".join(business),
                "tickets": ", ".join(stopped),
            }
            effects.setdefault(day, []).append(
                _(
                    "not a business day of %(party)s: no business hours for %(levels)s support; "
                    "stopped the clock of %(tickets)s"
                )
                % words
                if stopped
                else _("not a business day of %(party)s: no business hours for %(levels)s support") % words
            )
    for s in cal.deliveries:
        theirs = _local_names(a, s.holidays_of, period)
        for d in targets.deliveries.get(s.id, ()):
            if d.made != d.due:
                names.setdefault(d.due, theirs.get(d.due, d.holiday or _("not a business day")))
                made = f" ({f.short_date(d.made, loc)})" if d.made else ""
                effects.setdefault(d.due, []).append(f"{s.id}: {on_holiday(s.on_holiday)}{made}")
    if not effects and not tickets:
        return None
    rows = tuple(
        HolidayRow(f.short_date(day, loc), weekday(day.weekday()), names[day], "; ".join(effects[day]))
        for day in sorted(effects)
    )
    zone = clock_of(a, ()).zone
    limits = {s.severity: s for s in a.inputs.support}
    ticket_rows = tuple(
        TicketRow(
            t.id,
            t.severity,
            _stamp(t.opened, loc),
            t.clock or "",
            _against(t.response_minutes, limits[t.severity].response_minutes),
            _against(
                None if t.resolution_hours is None else t.resolution_hours * 60,
                limits[t.severity].resolution_hours * 60,
            ),
            ", ".join(f.short_date(d, loc) for d in t.holidays) or _("none"),
        )
        for t in tickets
    )
    if rows:
        statement = ngettext(
            "%(n)s holiday of %(period)s affected what was measured.",
            "%(n)s holidays of %(period)s affected what was measured.",
            len(rows),
        ) % {"n": len(rows), "period": period.label}
    else:
        statement = _("No holiday of %(period)s affected what was measured.") % {"period": period.label}
    rule = ""
    if ticket_rows or (bh is not None and business):
        zone_words = {"zone": zone, "abbreviations": abbreviations(zone, period.start.year)}
        hours = business_hours(a) if bh is not None else None
        rule = " ".join(
            (
                _("Ticket times are %(zone)s time, with their offset from UTC (%(abbreviations)s).")
                % zone_words,
                _(
                    "A business-hours clock runs only in business hours (%(hours)s); a 24x7 clock runs "
                    "every real minute, across clock changes."
                )
                % {"hours": hours}
                if hours
                else _(
                    "A business-hours clock runs only in business hours; a 24x7 clock runs every real "
                    "minute, across clock changes."
                ),
            )
        )
    return CalendarView(statement, rows, ticket_rows, rule)
