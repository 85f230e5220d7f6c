"""The view of the agreement's calendar: its time zone, business hours, the holidays of the
period, planned maintenance per month and the deliveries a holiday moves.

Everything is formatted from the :class:`~slagen.targets.TargetSet` (holidays and deliveries
are computed there, once); this module writes dates and sentences only.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from slagen.agreement.calendars import DeliverySchedule
from slagen.agreement.model import Agreement
from slagen.i18n import gettext as _
from slagen.i18n import ngettext

from ...calendars import words
from ...calendars.recurrence import Rule
from ...targets import TargetSet
from .. import formatting as f
from ..phrases import join_and, stop_after
from .targets import RowView

MAINTENANCE_PREFIX = "availability.maintenance_hours."


@dataclass(frozen=True)
class HolidayView:
    """A public holiday in the document's period."""

    date: str
    weekday: str
    name: str
    calendar: str
    """Whose holiday it is, and where: ``Stratus Cloud Services GmbH (Hessen, Germany)``."""


@dataclass(frozen=True)
class DeliveryView:
    """A delivery schedule: what it promises, how many deliveries the period has, and the ones
    a holiday moves or skips."""

    statement: str
    count: str
    changes: tuple[RowView, ...]
    """Due day (and the holiday) -> what happens instead."""


@dataclass(frozen=True)
class CalendarView:
    """The calendar section every style prints (``doc.calendar``)."""

    heading: str
    time_zone: str
    """``All times of day are Europe/Berlin time (CET, UTC+1 in winter; CEST, UTC+2 in summer).``"""
    business_hours: str | None
    calendars: tuple[str, ...]
    """``Stratus Cloud Services GmbH keeps the public holidays of Hessen, Germany.``"""
    holidays: tuple[HolidayView, ...]
    no_holidays: str
    maintenance: tuple[RowView, ...]
    """Hours of planned maintenance each month of the period, from the recurring windows."""
    deliveries: tuple[DeliveryView, ...]


def _day(d: date, loc: str) -> str:
    return f"{words.weekday(d.weekday())}, {f.long_date(d, loc)}"


def _holidays(a: Agreement, targets: TargetSet, loc: str) -> tuple[HolidayView, ...]:
    """The holidays of the period in date order, one row for the parties that share a holiday of
    the same calendar (a holiday's name in the document's language where the calendar has it)."""
    cal = a.calendar
    assert cal is not None
    order = [h.party for h in cal.holidays]
    rows: dict[tuple[date, str, str], list[str]] = {}
    for party in sorted(targets.holidays, key=order.index):
        names = _local_names(a, party, targets, loc)
        for d, name in targets.holidays[party]:
            rows.setdefault((d, names.get(d, name), words.place(a, party)), []).append(party)
    return tuple(
        HolidayView(
            f.long_date(d, loc),
            words.weekday(d.weekday()),
            name,
            _("%(parties)s (%(place)s)")
            % {"parties": join_and([a.party(p).name for p in parties], _("and")), "place": where},
        )
        for (d, name, where), parties in sorted(rows.items(), key=lambda r: (r[0][0], order.index(r[1][0])))
    )


def _local_names(a: Agreement, party: str, targets: TargetSet, loc: str) -> dict[date, str]:
    """The holidays' names in the document's language, where the holiday calendar has it."""
    from slagen.calendars.public_holidays import holiday_names

    h = next(h for h in a.calendar.holidays if h.party == party) if a.calendar else None
    if h is None or not targets.holidays[party]:
        return {}
    return holiday_names(h.country, h.subdivision, targets.period.start, targets.period.end, loc)


def calendar_view(a: Agreement, targets: TargetSet) -> CalendarView | None:
    """The calendar section, or ``None`` when the agreement has no calendar."""
    cal = a.calendar
    if cal is None:
        return None
    loc = a.presentation.locale
    period = targets.period
    zone = _(
        "All times of day in this agreement are %(zone)s time (%(offsets)s); clock changes are those of the zone."
    ) % {"zone": cal.time_zone, "offsets": words.zone_offsets(cal.time_zone, period.start.year)}
    bh = words.business_hours(a)
    maintenance = tuple(
        RowView(
            name.removeprefix(MAINTENANCE_PREFIX).replace("period", period.label),
            f.quantity(c.value, "hours", ""),
        )
        for name, c in targets.values.items()
        if name.startswith(MAINTENANCE_PREFIX)
    )
    deliveries = []
    for s in cal.deliveries:
        made = targets.deliveries.get(s.id, ())
        local = _local_names(a, s.holidays_of, targets, loc) if s.holidays_of in targets.holidays else {}
        by = a.party(s.party).name
        days = sum(d.made is not None for d in made)
        deliveries.append(
            DeliveryView(
                _("%(what)s: %(when)s, by %(party)s")
                % {"what": s.what, "when": words.when(_rule(s, cal.time_zone)), "party": by}
                + stop_after(by)
                + " "
                + _("A delivery due on a day that is not a business day of %(party)s (%(days)s) is %(rule)s.")
                % {
                    "party": a.party(s.holidays_of).name,
                    "days": words.business_days(a, s.holidays_of),
                    "rule": words.on_holiday(s.on_holiday),
                },
                ngettext("%(n)s delivery day in %(period)s", "%(n)s delivery days in %(period)s", days)
                % {"n": f.number(Decimal(days)), "period": period.label},
                tuple(
                    RowView(
                        _("%(day)s (%(why)s)")
                        % {
                            "day": _day(d.due, loc),
                            "why": local.get(d.due, d.holiday) if d.holiday else _("not a business day"),
                        },
                        _("made on %(day)s") % {"day": _day(d.made, loc)} if d.made else _("skipped"),
                    )
                    for d in made
                    if d.made != d.due
                ),
            )
        )
    return CalendarView(
        heading=_("Calendar: time zone, business days and holidays"),
        time_zone=zone,
        business_hours=_("Business hours are %(hours)s.") % {"hours": bh} if bh else None,
        calendars=tuple(
            _("%(party)s keeps the public holidays of %(place)s.")
            % {"party": a.party(h.party).name, "place": words.place(a, h.party)}
            for h in cal.holidays
        ),
        holidays=_holidays(a, targets, loc),
        no_holidays=(
            _("No public holiday of these calendars falls in %(period)s.") % {"period": period.label}
            if cal.holidays
            else _("The agreement names no holiday calendar.")
        ),
        maintenance=maintenance,
        deliveries=tuple(deliveries),
    )


def _rule(s: DeliverySchedule, time_zone: str) -> Rule:
    """The days of a delivery schedule, as a recurrence (its times do not matter here)."""
    return Rule(s.every, s.day, s.which, "00:00", "00:00", time_zone)
