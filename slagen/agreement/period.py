"""Periods a document is for: ranges of dates, named by the calendar or written out.

A period is a year (``2026``), a quarter (``2026-Q4``), a month (``2026-11``), an ISO
week (``2026-W47``, Monday to Sunday) or an explicit range (``2026-11-15..2026-11-30``,
both ends inclusive). A named period that runs past the term is *clipped* to it
(:func:`clip_to_term`): a term from 2026-11-15 documents ``2026-11`` as 15 to 30 November,
16 of its 30 days; :attr:`Period.whole_start` and :attr:`Period.whole_end` keep the named
period's own days so a document can say so. An explicit range is taken as written: one
that runs past the term is an error, not clipped.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

_RE = re.compile(r"^([0-9]{4})(?:-(Q[1-4]|0[1-9]|1[0-2]|W(?:0[1-9]|[1-4][0-9]|5[0-3])))?$")
_RANGE = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})\.\.([0-9]{4}-[0-9]{2}-[0-9]{2})$")
#: The pattern of a period label, as the model and the JSON Schema state it.
PATTERN = (
    r"^[0-9]{4}(-(Q[1-4]|0[1-9]|1[0-2]|W(0[1-9]|[1-4][0-9]|5[0-3])))?$"
    r"|^[0-9]{4}-[0-9]{2}-[0-9]{2}\.\.[0-9]{4}-[0-9]{2}-[0-9]{2}$"
)
EXPECTED = "a period such as 2026, 2026-Q4, 2026-11, 2026-W47 or 2026-11-15..2026-11-30"


@dataclass(frozen=True)
class Period:
    """A stretch of calendar days (both ends inclusive) with the label it was named by."""

    label: str
    start: date
    end: date
    whole_start: date = field(default=date.min, compare=False)
    """First day of the named period before it was clipped to a term (else ``start``)."""
    whole_end: date = field(default=date.min, compare=False)
    """Last day of the named period before it was clipped to a term (else ``end``)."""

    def __post_init__(self) -> None:
        if self.whole_start == date.min:
            object.__setattr__(self, "whole_start", self.start)
        if self.whole_end == date.min:
            object.__setattr__(self, "whole_end", self.end)

    @property
    def days(self) -> int:
        """Number of calendar days in the period."""
        return (self.end - self.start).days + 1

    @property
    def whole_days(self) -> int:
        """Number of days of the named period before clipping."""
        return (self.whole_end - self.whole_start).days + 1

    @property
    def partial(self) -> bool:
        """Whether the period was clipped to a term (it covers part of the named period)."""
        return (self.start, self.end) != (self.whole_start, self.whole_end)

    @property
    def kind(self) -> str:
        """``year``, ``quarter``, ``month``, ``week`` or ``range``."""
        return kind_of(self.label)

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


def kind_of(label: str) -> str:
    """The kind of period a label names: ``year``, ``quarter``, ``month``, ``week`` or ``range``."""
    if ".." in label:
        return "range"
    if len(label) == 4:
        return "year"
    return {"Q": "quarter", "W": "week"}.get(label[5], "month")


def parse_period(text: str) -> Period:
    """Parse a period label; raise ``ValueError`` with a readable message when it is not one."""
    text = text.strip()
    r = _RANGE.match(text)
    if r:
        try:
            start, end = date.fromisoformat(r.group(1)), date.fromisoformat(r.group(2))
        except ValueError:
            raise ValueError(f"expected a range of real calendar dates, got {text!r}") from None
        if end < start:
            raise ValueError(f"expected a range whose end ({end}) is not before its start ({start})")
        return Period(text, start, end)
    m = _RE.match(text)
    if not m:
        raise ValueError(f"expected {EXPECTED}, got {text!r}")
    year = int(m.group(1))
    part = m.group(2)
    if part is None:
        return Period(text, date(year, 1, 1), date(year, 12, 31))
    if part.startswith("Q"):
        q = int(part[1])
        start = date(year, 3 * q - 2, 1)
        end_month = 3 * q
        return Period(text, start, date(year, end_month, calendar.monthrange(year, end_month)[1]))
    if part.startswith("W"):
        week = int(part[1:])
        try:
            monday = date.fromisocalendar(year, week, 1)
        except ValueError:
            raise ValueError(f"{year} has no ISO week {week} (it has 52), got {text!r}") from None
        return Period(text, monday, monday + timedelta(days=6))
    month = int(part)
    return Period(text, date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def clip_to_term(period: Period, start: date, end: date) -> Period:
    """``period`` within a term from ``start`` to ``end``: a named period is clipped to it, an
    explicit range must lie inside it; ``ValueError`` when the period misses the term."""
    if period.end < start or period.start > end:
        raise ValueError(
            f"expected a period that overlaps the term ({start} to {end}), "
            f"got {period.label} ({period.start} to {period.end})"
        )
    if period.kind == "range":
        if period.start < start or period.end > end:
            raise ValueError(
                f"expected a range within the term ({start} to {end}), got {period.label}; "
                "a named period (2026-11, 2026-Q4) is clipped to the term, a range is not"
            )
        return period
    return replace(period, start=max(period.start, start), end=min(period.end, end))


def period_containing(day: date, interval: str) -> Period:
    """The year, quarter, month or ISO week (by ``interval``) that contains ``day``."""
    if interval == "year":
        return parse_period(f"{day.year}")
    if interval == "month":
        return parse_period(f"{day.year}-{day.month:02d}")
    if interval == "week":
        iso = day.isocalendar()
        return parse_period(f"{iso.year}-W{iso.week:02d}")
    return parse_period(f"{day.year}-Q{(day.month - 1) // 3 + 1}")


def next_period(period: Period) -> Period:
    """The period of the same kind that follows ``period`` (a whole one: not clipped); a range
    is followed by the range of as many days."""
    nxt = period.whole_end + timedelta(days=1)
    kind = period.kind
    if kind == "range":
        last = nxt + timedelta(days=period.days - 1)
        return Period(f"{nxt.isoformat()}..{last.isoformat()}", nxt, last)
    return period_containing(nxt, kind)


def in_term(label: str, start: date, end: date) -> Period:
    """The period ``label`` names, within the term from ``start`` to ``end`` (see
    :func:`clip_to_term`); ``ValueError`` when it is not a period or misses the term."""
    return clip_to_term(parse_period(label), start, end)
