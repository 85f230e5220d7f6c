"""The fields of each section of an actuals file, and the strict reader of each field's text.

A reader takes the text of one value and returns it typed, or raises :class:`Bad` with
``expected ..., got ...``; numbers, dates and times are read by
:mod:`slagen.util.scalars`, as the agreement's are. :data:`SPECS` lists each section's
fields with their reader and whether they are required.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, TypeVar

from slagen.agreement.period import Period, parse_period
from slagen.util import scalars

_T = TypeVar("_T")


class Bad(ValueError):
    """A value that does not read as its field declares."""


def _expected(what: str, text: str) -> Bad:
    return Bad(f"expected {what}, got {text!r}")


def count(text: str) -> int:
    """A whole number of zero or more."""
    expected = "a whole number of zero or more"
    n = _read(scalars.whole, text, expected)
    if text.startswith("-"):
        raise _expected(expected, text)
    return n


def amount(text: str) -> Decimal:
    """A number of zero or more (money, minutes, hours), read exactly."""
    expected = "a number of zero or more"
    d = _read(scalars.number, text, expected)
    if text.startswith("-"):
        raise _expected(expected, text)
    return d


def percent(text: str) -> Decimal:
    """A percentage from 0 to 100 (``99.95`` or ``99.95%``)."""
    expected = "a percentage from 0 to 100"
    d = _read(scalars.number, text.removesuffix("%").rstrip(), expected, shown=text)
    if text.startswith("-") or d > 100:
        raise _expected(expected, text)
    return d


def _read(reader: Callable[[str, str], _T], text: str, expected: str, shown: str | None = None) -> _T:
    """``reader(text)``, its failure said as ``expected ..., got ...`` about ``shown`` (``text``)."""
    try:
        return reader(text, expected)
    except scalars.Unreadable as exc:
        raise Bad(f"expected {expected}, got {shown or text!r}{exc.note}") from None


def day(text: str) -> date:
    """A calendar date written ``YYYY-MM-DD``."""
    try:
        return scalars.calendar_date(text)
    except scalars.Unreadable as exc:
        raise Bad(str(exc)) from None


def month(text: str) -> Period:
    """A calendar month written ``YYYY-MM``."""
    if not scalars.is_month(text):
        raise _expected("a month written YYYY-MM", text)
    return parse_period(text)


def period(text: str) -> Period:
    """A month, quarter or year: ``2026-10``, ``2026-Q4`` or ``2026``."""
    try:
        return parse_period(text)
    except ValueError:
        raise _expected("a period such as 2026-10, 2026-Q4 or 2026", text) from None


_OFFSET = re.compile(r"(.+?[0-9])(Z|[+-][0-9]{2}:[0-9]{2})")


def stamp(text: str) -> datetime:
    """A date and time written ``YYYY-MM-DD HH:MM`` (or with ``T`` and seconds)."""
    try:
        return scalars.date_time(text)
    except scalars.Unreadable as exc:
        raise Bad(str(exc)) from None


def instant(text: str) -> datetime:
    """A ticket's time: a date and time written ``YYYY-MM-DD HH:MM`` (or with ``T`` and seconds),
    local to the agreement's zone, or with its UTC offset (``2026-10-25 02:30+02:00``, ``...Z``)."""
    m = _OFFSET.fullmatch(text.strip())
    try:
        when = scalars.date_time(m.group(1) if m else text)
    except scalars.Unreadable as exc:
        raise Bad(str(exc)) from None
    if m is None:
        return when
    mark = m.group(2)
    if mark == "Z":
        return when.replace(tzinfo=UTC)
    hours, minutes = int(mark[1:3]), int(mark[4:6])
    if hours > 14 or minutes > 59:
        raise _expected("a UTC offset from -14:00 to +14:00", text)
    delta = timedelta(hours=hours, minutes=minutes)
    return when.replace(tzinfo=timezone(-delta if mark[0] == "-" else delta))


def boolean(text: str) -> bool:
    """``true`` or ``false``."""
    if text not in ("true", "false"):
        raise _expected("true or false", text)
    return text == "true"


def ident(text: str) -> str:
    """An id or a name: any text without surrounding spaces."""
    return text.strip()


Reader = Callable[[str], Any]
#: Each section's fields: reader and whether the field is required.
SPECS: dict[str, dict[str, tuple[Reader, bool]]] = {
    "daily": {"date": (day, True), "qualified_leads": (count, True)},
    "leads": {
        "id": (ident, True),
        "handed_off": (stamp, True),
        "first_follow_up": (stamp, False),
        "attempts": (count, True),
        "connected": (boolean, True),
    },
    "tracked": {
        "month": (month, True),
        "leads": (count, True),
        "customers": (count, True),
        "customer_revenue": (amount, True),
        "marketing_revenue": (amount, True),
        "total_revenue": (amount, True),
    },
    "service": {
        "month": (month, True),
        "availability": (percent, False),
        "downtime_minutes": (amount, False),
    },
    "downtime": {"date": (day, True), "minutes": (amount, True)},
    "tickets": {
        "id": (ident, True),
        "severity": (ident, True),
        "opened": (instant, True),
        "response_minutes": (amount, False),
        "responded": (instant, False),
        "resolution_hours": (amount, False),
        "resolved": (instant, False),
    },
    "goals": {"goal": (ident, True), "period": (period, True), "actual": (amount, True)},
    "measures": {"goal": (ident, True), "measure": (ident, True)},
}
