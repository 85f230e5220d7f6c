"""How numbers, money, percentages, dates and intervals are written in a document.

Every figure a template prints is formatted here, in Python, so that all styles
(and the PDF and DOCX made from them) write the same value the same way.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

from slagen.agreement.period import Period
from slagen.util.text import plural as plural  # the contexts write counts as f.plural

CENT = Decimal("0.01")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
PER = {"day": "a day", "week": "a week", "month": "a month", "quarter": "a quarter", "year": "a year"}
EVERY = {"day": "every day", "week": "every week", "month": "every month", "quarter": "every quarter"}
EVERY["year"] = "every year"
ADJECTIVE = {"day": "daily", "week": "weekly", "month": "monthly", "quarter": "quarterly", "year": "yearly"}
COMPARISON = {"at-least": "at least", "at-most": "at most", "exactly": "exactly"}
PERCENT_UNITS = ("%", "percent")


def number(d: Decimal) -> str:
    """A decimal with thousands separators and no trailing zeros: ``1,234.5``."""
    if d == d.to_integral_value():
        return format(d.quantize(Decimal(1)), ",")
    return format(d.normalize(), ",f")


def money(d: Decimal, currency: str) -> str:
    """An amount to the cent with thousands separators and its currency: ``5,000.00 USD``."""
    return f"{format(d.quantize(CENT, rounding=ROUND_HALF_EVEN), ',.2f')} {currency}"


def percent(d: Decimal) -> str:
    """A percentage as written: ``99.95%``, ``50%``."""
    return f"{number(d)}%"


def singular(unit: str) -> str:
    """The singular of a plural unit, for a count of one: ``hours`` -> ``hour``,
    ``business days`` -> ``business day``, ``deliveries`` -> ``delivery``; a unit that
    is not a plural in ``s`` (``USD``, ``class``, ``status``) stays as written."""
    head, _, last = unit.rpartition(" ")
    if last.endswith("ies") and len(last) > 3:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")) and len(last) > 1:
        last = last[:-1]
    return f"{head} {last}" if head else last


def counted(d: Decimal | int, unit: str) -> str:
    """``unit`` as a count of ``d`` needs it: singular for one (``1 meeting``), else as written."""
    return singular(unit) if abs(d) == 1 else unit


def quantity(d: Decimal, unit: str, currency: str) -> str:
    """A value in its unit: money to the cent, a percentage, or a number and its unit
    (``100 leads``, ``1 meeting``)."""
    if unit == currency:
        return money(d, currency)
    if unit in PERCENT_UNITS:
        return percent(d)
    return f"{number(d)} {counted(d, unit)}"


def date_range(start: date, end: date, locale: str) -> str:
    """``October 1, 2026 to December 31, 2026``."""
    return f"{long_date(start, locale)} to {long_date(end, locale)}"


def period_text(period: Period, locale: str) -> str:
    """The days a period covers, and for one clipped to the term how many of its own days:
    ``November 15, 2026 to November 30, 2026: 16 of the 30 days of 2026-11, as the term starts
    on November 15, 2026``."""
    text = date_range(period.start, period.end, locale)
    if not period.partial:
        return text
    edges = []
    if period.start != period.whole_start:
        edges.append(f"starts on {long_date(period.start, locale)}")
    if period.end != period.whole_end:
        edges.append(f"ends on {long_date(period.end, locale)}")
    return (
        f"{text}: {period.days} of the {period.whole_days} days of {period.label}, "
        f"as the term {' and '.join(edges)}"
    )


def long_date(d: date, locale: str) -> str:
    """A date written out for ``locale``: ``October 1, 2026`` (en-US) or ``1 October 2026`` (en-GB)."""
    month = MONTHS[d.month - 1]
    if locale == "en-GB":
        return f"{d.day} {month} {d.year}"
    return f"{month} {d.day}, {d.year}"


def short_date(d: date, locale: str) -> str:
    """A compact date for tables: ``10/01/2026`` (en-US) or ``01/10/2026`` (en-GB)."""
    if locale == "en-GB":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


def per(interval: str | None) -> str:
    """``a month`` for ``month``; empty when there is no interval."""
    return PER[interval] if interval else ""


def every(interval: str | None) -> str:
    """``every week`` for ``week``; empty when there is no interval."""
    return EVERY[interval] if interval else ""


def adjective(interval: str) -> str:
    """``monthly`` for ``month``."""
    return ADJECTIVE[interval]
