"""Time on a support clock between two local time stamps: every minute (24x7), or only the
minutes inside business hours on business days.

Time stamps are wall-clock times in the agreement's time zone (``calendar.time_zone``); an
hour that happens twice when summer time ends is read as its first occurrence, and one that
does not exist when it starts with the offset before the change (``fold=0``, as
:mod:`zoneinfo` does). Elapsed time is real time: 24x7 from 00:30 to 03:30 local on 25
October 2026 in Europe/Berlin is 4 hours. In business hours, each business day (one of the
agreed weekdays that is not a public holiday of the business-hours party) contributes the part
of its local hours that lies between the two stamps; weekends and holidays contribute nothing.
Results are exact seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from .recurrence import WEEKDAYS
from .zones import local, zone


@dataclass(frozen=True)
class Hours:
    """Business hours: the weekdays they are kept on and their local start and end."""

    weekdays: tuple[str, ...]
    start: str
    """``HH:MM``, local."""
    end: str
    """``HH:MM``, local, after ``start``."""
    zone: str
    """IANA time zone of the times."""


@dataclass(frozen=True)
class Elapsed:
    """Seconds on a clock between two stamps, and the holidays that stopped it in between."""

    seconds: int
    holidays: tuple[date, ...] = ()
    """Holidays whose business hours lay between the stamps: the clock did not run on them."""


def _clock(text: str) -> time:
    h, m = text.split(":")
    return time(int(h), int(m))


def real_seconds(start: datetime, end: datetime, tz_name: str) -> int:
    """Real seconds from local ``start`` to local ``end`` in ``tz_name`` (clock changes included)."""
    a, b = local(start, tz_name).astimezone(UTC), local(end, tz_name).astimezone(UTC)
    return int((b - a).total_seconds())


def business_seconds(
    start: datetime, end: datetime, hours: Hours, is_holiday: Callable[[date], bool]
) -> Elapsed:
    """Seconds of business hours from local ``start`` to local ``end``, with the business
    weekdays in between that ``is_holiday`` closed."""
    tz = zone(hours.zone)
    a, b = local(start, hours.zone).astimezone(UTC), local(end, hours.zone).astimezone(UTC)
    wanted = {WEEKDAYS.index(w) for w in hours.weekdays}
    opens, closes = _clock(hours.start), _clock(hours.end)
    total = 0
    closed: list[date] = []
    day = local(start, hours.zone).date()
    while day <= local(end, hours.zone).date():
        if day.weekday() in wanted:
            lo = max(a, datetime.combine(day, opens, tzinfo=tz).astimezone(UTC))
            hi = min(b, datetime.combine(day, closes, tzinfo=tz).astimezone(UTC))
            within = max(0, int((hi - lo).total_seconds()))
            if within and is_holiday(day):
                closed.append(day)
            else:
                total += within
        day += timedelta(days=1)
    return Elapsed(total, tuple(closed))
