"""The view of the agreement's calendar: its time zone, business hours, the holidays of the
period, planned maintenance per month and the deliveries a holiday moves.

Everything is formatted from the :class:`~slagen.targets.TargetSet` (holidays and deliveries
are computed there, once); this module writes dates and sentences only.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from slagen.agreement.model import Agreement

from ...calendars.business import ON_HOLIDAY
from ...calendars.recurrence import Rule
from ...calendars.zones import abbreviations
from ...targets import TargetSet
from ...targets.calendar import business_hours_text, holiday_place
from .. import formatting as f
from .targets import RowView

MAINTENANCE_PREFIX = "availability.maintenance_hours."
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


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
    return f"{WEEKDAY_NAMES[d.weekday()]}, {f.long_date(d, loc)}"


def _business_days(a: Agreement, party: str) -> str:
    """What a business day of ``party`` is, in words."""
    bh = a.calendar.business_hours if a.calendar else None
    days = "its business hours' weekdays" if bh is not None and bh.party == party else "Monday to Friday"
    return f"{days} less the public holidays of {holiday_place(a, party)}"


def calendar_view(a: Agreement, targets: TargetSet) -> CalendarView | None:
    """The calendar section, or ``None`` when the agreement has no calendar."""
    cal = a.calendar
    if cal is None:
        return None
    loc = a.presentation.locale
    period = targets.period
    zone = (
        f"All times of day in this agreement are {cal.time_zone} time "
        f"({abbreviations(cal.time_zone, period.start.year)}); clock changes are those of the zone."
    )
    bh = business_hours_text(a)
    order = [h.party for h in cal.holidays]
    found = sorted(
        (d, order.index(party), party, name) for party, days in targets.holidays.items() for d, name in days
    )
    holidays = tuple(
        HolidayView(
            f.long_date(d, loc),
            WEEKDAY_NAMES[d.weekday()],
            name,
            f"{a.party(party).name} ({holiday_place(a, party)})",
        )
        for d, _, party, name in found
    )
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
        when = Rule(s.every, s.day, s.which, "00:00", "00:00", cal.time_zone).describe().split(",")[0]
        deliveries.append(
            DeliveryView(
                f"{s.what}: {when}, by {a.party(s.party).name}. A delivery due on a day that is not a "
                f"business day of {a.party(s.holidays_of).name} ({_business_days(a, s.holidays_of)}) is "
                f"{ON_HOLIDAY[s.on_holiday]}.",
                f"{f.quantity(Decimal(sum(d.made is not None for d in made)), 'deliveries', '')} "
                f"in {period.label}",
                tuple(
                    RowView(
                        f"{_day(d.due, loc)} ({d.holiday or 'not a business day'})",
                        f"made on {_day(d.made, loc)}" if d.made else "skipped",
                    )
                    for d in made
                    if d.made != d.due
                ),
            )
        )
    return CalendarView(
        heading="Calendar: time zone, business days and holidays",
        time_zone=zone,
        business_hours=f"Business hours are {bh}." if bh else None,
        calendars=tuple(
            f"{a.party(h.party).name} keeps the public holidays of {holiday_place(a, h.party)}."
            for h in cal.holidays
        ),
        holidays=holidays,
        no_holidays=(
            f"No public holiday of these calendars falls in {period.label}."
            if cal.holidays
            else "The agreement names no holiday calendar."
        ),
        maintenance=maintenance,
        deliveries=tuple(deliveries),
    )
