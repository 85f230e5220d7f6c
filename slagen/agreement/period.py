"""Periods a document is for: a year, a quarter or a month of the calendar."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_RE = re.compile(r"^([0-9]{4})(?:-(Q[1-4]|0[1-9]|1[0-2]))?$")


@dataclass(frozen=True)
class Period:
    """A calendar period such as ``2026``, ``2026-Q4`` or ``2026-11`` (both ends inclusive)."""

    label: str
    start: date
    end: date

    @property
    def days(self) -> int:
        """Number of calendar days in the period."""
        return (self.end - self.start).days + 1

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of each calendar month the period covers."""
        out = []
        y, m = self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def __str__(self) -> str:
        return self.label


def parse_period(text: str) -> Period:
    """Parse a period label; raise ``ValueError`` with a readable message when it is not one."""
    m = _RE.match(text.strip())
    if not m:
        raise ValueError(f"expected a period such as 2026, 2026-Q4 or 2026-11, got {text!r}")
    year = int(m.group(1))
    part = m.group(2)
    if part is None:
        return Period(text, date(year, 1, 1), date(year, 12, 31))
    if part.startswith("Q"):
        q = int(part[1])
        start = date(year, 3 * q - 2, 1)
        end_month = 3 * q
        return Period(text, start, date(year, end_month, calendar.monthrange(year, end_month)[1]))
    month = int(part)
    return Period(text, date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def period_containing(day: date, interval: str) -> Period:
    """The year, quarter or month (by ``interval``) that contains ``day``."""
    if interval == "year":
        return parse_period(f"{day.year}")
    if interval == "month":
        return parse_period(f"{day.year}-{day.month:02d}")
    return parse_period(f"{day.year}-Q{(day.month - 1) // 3 + 1}")


def next_period(period: Period) -> Period:
    """The period of the same length that follows ``period``."""
    nxt = period.end + timedelta(days=1)
    if len(period.label) == 4:
        return period_containing(nxt, "year")
    if "Q" in period.label:
        return period_containing(nxt, "quarter")
    return period_containing(nxt, "month")
