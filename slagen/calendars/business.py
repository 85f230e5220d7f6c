"""Business days and hours, and schedules that meet a holiday.

A business day is one of the agreed weekdays that is not a public holiday of the named
calendar. Business hours are the agreed local times of each business day; their length is
real time, so a business day over a clock change keeps its wall-clock hours. A delivery due
on a day that is not a business day moves to the next business day, to the previous one, or
is skipped, as the agreement says.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from slagen.i18n import N_

from .recurrence import WEEKDAYS, Rule, days_in

#: What happens to a delivery due on a day that is not a business day (English; a document
#: translates it, :func:`slagen.calendars.words.on_holiday`).
ON_HOLIDAY = {
    "next-business-day": N_("made on the next business day"),
    "previous-business-day": N_("made on the business day before"),
    "skipped": N_("skipped"),
}


def business_days(start: date, end: date, weekdays: tuple[str, ...], closed: set[date]) -> list[date]:
    """The business days from ``start`` to ``end``: on ``weekdays``, not in ``closed``."""
    wanted = {WEEKDAYS.index(w) for w in weekdays}
    out = []
    d = start
    while d <= end:
        if d.weekday() in wanted and d not in closed:
            out.append(d)
        d += timedelta(days=1)
    return out


@dataclass(frozen=True)
class Delivery:
    """One delivery of a schedule: the day it was due and the day it is made (None: skipped)."""

    due: date
    made: date | None
    holiday: str | None
    """The holiday that moved it, if any."""


def deliveries(
    rule: Rule,
    start: date,
    end: date,
    is_business_day: Callable[[date], bool],
    holiday_name: Callable[[date], str | None],
    on_holiday: str,
) -> list[Delivery]:
    """The deliveries of ``rule`` due from ``start`` to ``end`` and the day each is made."""
    out = []
    for due in days_in(rule, start, end):
        if is_business_day(due):
            out.append(Delivery(due, due, None))
            continue
        made: date | None = None
        step = {"next-business-day": 1, "previous-business-day": -1}.get(on_holiday)
        if step is not None:
            made = due + timedelta(days=step)
            while not is_business_day(made):
                made += timedelta(days=step)
        out.append(Delivery(due, made, holiday_name(due)))
    return out
