"""Recurring windows of wall-clock time: "every Sunday 02:00-04:00", "the first Saturday of
each month 22:00-02:00", in the agreement's time zone.

A window's times are local. Its length is the real time between its local start and end, so
a window over a clock change is an hour longer (the night summer time ends) or shorter (the
night it starts): a Sunday 02:00-04:00 window in Europe/Berlin lasts 3 hours on 25 October
2026. A local time that does not exist (02:30 on the night clocks go forward) is read with the
offset before the change, as :mod:`zoneinfo` does (``fold=0``). A window whose end is not after
its start runs past midnight into the next day. Hours are exact: a whole number of minutes
divided by 60,
shown to the hundredth, half-up.
"""

from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from .zones import zone

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ORDINALS = ("first", "second", "third", "fourth", "fifth")


@dataclass(frozen=True)
class Rule:
    """When a window recurs: every week on ``day``, or every month on its ``which`` ``day``."""

    every: str
    """``week`` or ``month``."""
    day: str
    """A weekday, ``monday`` to ``sunday``."""
    which: str | None
    """With ``every: month``: ``first`` to ``fifth`` or ``last``."""
    start: str
    """Local start time, ``HH:MM``."""
    end: str
    """Local end time, ``HH:MM`` (not after ``start``: the next day)."""
    zone: str
    """IANA time zone of the times."""

    def describe(self) -> str:
        """``every Sunday, 02:00-04:00 Europe/Berlin time``."""
        day = self.day.capitalize()
        when = f"every {day}" if self.every == "week" else f"the {self.which} {day} of every month"
        over = " (into the next day)" if clock(self.end) <= clock(self.start) else ""
        return f"{when}, {self.start}-{self.end}{over} {self.zone} time"


def clock(text: str) -> time:
    """A time of day written ``HH:MM``."""
    h, m = text.split(":")
    return time(int(h), int(m))


def month_end(year: int, month: int) -> date:
    """The last day of the month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def days_in(rule: Rule, start: date, end: date) -> list[date]:
    """The days from ``start`` to ``end`` (inclusive) on which a window of ``rule`` starts."""
    wd = WEEKDAYS.index(rule.day)
    out = []
    d = start + timedelta(days=(wd - start.weekday()) % 7)
    while d <= end:
        if rule.every == "week" or _is_which(d, rule.which):
            out.append(d)
        d += timedelta(days=7)
    return out


def _is_which(d: date, which: str | None) -> bool:
    if which == "last":
        return d.day + 7 > calendar.monthrange(d.year, d.month)[1]
    return which is not None and (d.day - 1) // 7 == ORDINALS.index(which)


def window(rule: Rule, day: date) -> tuple[datetime, datetime]:
    """The window starting on ``day``, as aware local datetimes (start, end)."""
    tz = zone(rule.zone)
    s, e = clock(rule.start), clock(rule.end)
    begin = datetime.combine(day, s, tzinfo=tz)
    finish = datetime.combine(day + timedelta(days=1) if e <= s else day, e, tzinfo=tz)
    return begin, finish


def minutes(rule: Rule, day: date) -> int:
    """Real minutes of the window starting on ``day`` (clock changes included)."""
    begin, finish = window(rule, day)
    return int((finish.astimezone(UTC) - begin.astimezone(UTC)).total_seconds()) // 60


@functools.cache
def month_minutes(rule: Rule, year: int, month: int) -> int:
    """Real minutes of the windows of ``rule`` that start in the calendar month."""
    last = calendar.monthrange(year, month)[1]
    return sum(minutes(rule, d) for d in days_in(rule, date(year, month, 1), date(year, month, last)))


def minutes_between(rule: Rule, start: date, end: date) -> int:
    """Real minutes of the windows that start on a day from ``start`` to ``end``."""
    return sum(minutes(rule, d) for d in days_in(rule, start, end))


def hours(total_minutes: int) -> Decimal:
    """Minutes as hours to the hundredth, half-up (``180`` -> ``3``, ``90`` -> ``1.5``)."""
    value = (Decimal(total_minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value
