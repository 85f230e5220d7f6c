"""Strict readers of scalars written as text: numbers, whole numbers, dates, months, times.

One set of readers for the agreement's fields and the actuals' values, so both accept
exactly the same spellings. Digits are ASCII only (``٣`` or ``３`` is not a number here,
though Python's ``int`` would read it); a number has no leading zero (``012`` would be
octal to YAML 1.1), and nothing is coerced silently. A reader returns the value, or raises
:class:`Unreadable` saying what was expected and what was found.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

_NUMBER = re.compile(r"[+-]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]+)?|\.[0-9]+)")
_LEADING_ZERO = re.compile(r"[+-]?0[0-9]+(?:\.[0-9]+)?")
_WHOLE = re.compile(r"[+-]?(?:0|[1-9][0-9]*)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTH = re.compile(r"[0-9]{4}-(?:0[1-9]|1[0-2])")
_STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2})?")

#: Said after a number written with a leading zero.
LEADING_ZERO_NOTE = " (a leading zero is ambiguous: YAML 1.1 would read it as octal)"


class Unreadable(ValueError):
    """Text that does not read as the scalar asked for."""

    def __init__(self, expected: str, text: str, note: str = "") -> None:
        super().__init__(f"expected {expected}, got {text!r}{note}")
        self.expected = expected
        self.text = text
        self.note = note
        """Why, when the text nearly reads (e.g. :data:`LEADING_ZERO_NOTE`); else empty."""


def number(text: str, expected: str = "a number") -> Decimal:
    """An exact decimal number: ``12``, ``-0.5``, ``+3``, ``.25``; never ``012``, ``1e3``, ``1,5``."""
    if _NUMBER.fullmatch(text):
        return Decimal(text)
    raise Unreadable(expected, text, LEADING_ZERO_NOTE if _LEADING_ZERO.fullmatch(text) else "")


def whole(text: str, expected: str = "a whole number") -> int:
    """A whole number: ``12``, ``-3``, ``+0``; never ``012`` or ``12.0``."""
    if _WHOLE.fullmatch(text):
        return int(text)
    leading_zero = _LEADING_ZERO.fullmatch(text) and "." not in text
    raise Unreadable(expected, text, LEADING_ZERO_NOTE if leading_zero else "")


def calendar_date(text: str) -> date:
    """A real calendar date written ``YYYY-MM-DD``."""
    if not _DATE.fullmatch(text):
        raise Unreadable("a date written YYYY-MM-DD", text)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Unreadable("a real calendar date", text) from None


def is_month(text: str) -> bool:
    """Whether ``text`` is a calendar month written ``YYYY-MM``."""
    return _MONTH.fullmatch(text) is not None


def date_time(text: str) -> datetime:
    """A real date and time written ``YYYY-MM-DD HH:MM`` (or with ``T``, and seconds)."""
    if not _STAMP.fullmatch(text):
        raise Unreadable("a date and time written YYYY-MM-DD HH:MM", text)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise Unreadable("a real date and time", text) from None
