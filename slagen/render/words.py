"""Numbers, amounts and dates in words, as a contract writes them.

"thirty (30) days", "one hundred (100) qualified leads", "twenty-four (24) hours",
"the 1st day of October, 2026". Every function reads a ``Decimal`` (or ``int``)
exactly: no float ever touches a figure, and a fraction is spelled digit by digit
("ninety-nine point nine five"). ``locale`` is the agreement's
``presentation.locale``: en-US writes "one hundred five" and "October 1, 2026",
en-GB "one hundred and five" and "1 October 2026". Polish (pl-PL) writes the figure first
and the words after it, as a Polish contract does: "100 (słownie: sto) leadów",
"5000,00 USD (słownie: pięć tysięcy dolarów amerykańskich 00/100)", "1 października 2026 r.",
the words from num2words (:mod:`.words_pl`).

The template environment registers :data:`FILTERS`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from slagen.util.spelled import ONES, TENS

from . import words_pl
from .formatting import COUNTED, MONTHS, count_form, counted, long_date

Number = Decimal | int

_SCALES = ("", "thousand", "million", "billion", "trillion", "quadrillion")
CURRENCIES = {
    "USD": "United States dollars",
    "EUR": "euros",
    "GBP": "pounds sterling",
    "PLN": "Polish zloty",
    "CAD": "Canadian dollars",
    "AUD": "Australian dollars",
    "CHF": "Swiss francs",
}
"""Currency names written out in words; other ISO codes are written as the code."""


def _decimal(value: Number) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"expected a Decimal or int, got {type(value).__name__}")
    d = Decimal(value)
    if not d.is_finite():
        raise ValueError(f"cannot write {d} in words")
    return d


def _below_thousand(n: int, british: bool) -> str:
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds:
        parts.append(f"{ONES[hundreds]} hundred")
    if rest:
        if hundreds and british:
            parts.append("and")
        if rest < 20:
            parts.append(ONES[rest])
        else:
            tens, ones = divmod(rest, 10)
            parts.append(TENS[tens] + (f"-{ONES[ones]}" if ones else ""))
    return " ".join(parts)


def _integer_words(n: int, british: bool) -> str:
    if n == 0:
        return "zero"
    if n >= 1000 ** len(_SCALES):
        raise ValueError(f"{n} is too large to write in words")
    groups = []
    while n:
        n, group = divmod(n, 1000)
        groups.append(group)
    parts: list[str] = []
    for scale in range(len(groups) - 1, -1, -1):
        group = groups[scale]
        if not group:
            continue
        if scale == 0 and british and parts and group < 100:
            parts.append("and")
        parts.append(_below_thousand(group, british) + (f" {_SCALES[scale]}" if scale else ""))
    return " ".join(parts)


def _digits(d: Decimal) -> tuple[int, str]:
    """The whole part and the fraction digits of ``abs(d)``, exactly (no trailing zeros)."""
    text = format(abs(d), "f")
    whole, _, frac = text.partition(".")
    return int(whole), frac.rstrip("0")


def number_words(value: Number, locale: str = "en-US") -> str:
    """``value`` in words: 105 -> "one hundred five" (en-GB "one hundred and five"),
    99.95 -> "ninety-nine point nine five", -3 -> "minus three"."""
    d = _decimal(value)
    if words_pl.applies(locale):
        return words_pl.number_words(d)
    whole, frac = _digits(d)
    words = _integer_words(whole, locale == "en-GB")
    if frac:
        words += " point " + " ".join(ONES[int(c)] for c in frac)
    return ("minus " if d < 0 and (whole or frac) else "") + words


def figure(value: Number, places: int | None = None) -> str:
    """``value`` in figures with grouped thousands: 5000 -> "5,000", 99.950 -> "99.95".

    With ``places``, exactly that many decimal places are shown (the value must not
    need more): ``figure(Decimal("5000"), 2)`` -> "5,000.00".
    """
    d = _decimal(value)
    if places is None:
        whole, frac = _digits(d)
    else:
        q = d.quantize(Decimal(1).scaleb(-places))
        if q != d:
            raise ValueError(f"{d} does not fit in {places} decimal places")
        whole, frac = _digits(q)
        frac = format(abs(q), "f").partition(".")[2]
    sign = "-" if d < 0 and (whole or frac) else ""
    return sign + f"{whole:,}" + (f".{frac}" if frac else "")


def spelled(
    value: Number, unit: str = "", locale: str = "en-US", forms: Mapping[str, str] | None = None
) -> str:
    """``value`` in words then figures, with its unit: "thirty (30) days",
    "one hundred (100) qualified leads", "one (1) hour" (a plural unit made singular for one;
    ``forms``: the unit's plural forms by CLDR category)."""
    d = _decimal(value)
    if words_pl.applies(locale):
        return words_pl.spelled(d, counted(d, unit, forms) if unit else "")
    text = f"{number_words(d, locale)} ({figure(d)})"
    if not unit:
        return text
    return f"{text} {counted(d, unit, forms)}"


def count(value: Number, word: str, locale: str = "en-US") -> str:
    """A count of one of slagen's own words (:data:`~slagen.render.formatting.COUNTED`) in words
    and figures, in the form the count takes: "five (5) business days", "one (1) hour",
    "2 (słownie: dwie) godziny" (a feminine noun's count agrees with it)."""
    d = _decimal(value)
    if words_pl.applies(locale):
        return words_pl.counted(d, word)
    return COUNTED[word](count_form(d)) % {"n": f"{number_words(d, locale)} ({figure(d)})"}


def hours(value: Number, locale: str = "en-US") -> str:
    """A number of hours: "twenty-four (24) hours"."""
    return count(value, "hour", locale)


def days(value: Number, locale: str = "en-US") -> str:
    """A number of days: "thirty (30) days"."""
    return count(value, "day", locale)


def minutes(value: Number, locale: str = "en-US") -> str:
    """A number of minutes: "sixty (60) minutes"."""
    return count(value, "minute", locale)


def percent(value: Number, locale: str = "en-US") -> str:
    """A percentage: "ninety-nine point nine five percent (99.95%)"."""
    d = _decimal(value)
    if words_pl.applies(locale):
        return words_pl.percent(d)
    return f"{number_words(d, locale)} percent ({figure(d)}%)"


def money(value: Number, currency: str, locale: str = "en-US") -> str:
    """An amount as a cheque writes it: "five thousand United States dollars (USD 5,000.00)";
    with cents "one hundred and 50/100 ... (USD 100.50)". Amounts finer than a cent are errors."""
    d = _decimal(value)
    if words_pl.applies(locale):
        return words_pl.money(d, currency)
    name = CURRENCIES.get(currency, currency)
    whole, _ = _digits(d)
    cents = int((abs(d) - whole).scaleb(2).to_integral_value())
    if Decimal(whole) + Decimal(cents).scaleb(-2) != abs(d):
        raise ValueError(f"{d} {currency} is not a whole number of cents")
    words = _integer_words(whole, locale == "en-GB")
    if cents:
        words += f" and {cents:02d}/100"
    sign = "minus " if d < 0 else ""
    return f"{sign}{words} {name} ({currency} {figure(d, 2)})"


def quantity(
    value: Number, unit: str, currency: str, locale: str = "en-US", forms: Mapping[str, str] | None = None
) -> str:
    """A value in its unit, in words and figures: money when ``unit`` is the agreement's
    ``currency``, a percentage for ``%``, else a count ("one hundred (100) leads"; ``forms``:
    the unit's plural forms)."""
    if unit == currency:
        return money(value, currency, locale)
    if unit in ("%", "percent"):
        return percent(value, locale)
    return spelled(value, unit, locale, forms)


def ordinal(n: int) -> str:
    """``n`` with its ordinal suffix: 1 -> "1st", 12 -> "12th", 22 -> "22nd"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def formal_date(d: date, locale: str = "en-US") -> str:
    """A date as a contract's recitals write it: "the 1st day of October, 2026"
    (en-GB "the 1st day of October 2026")."""
    if words_pl.applies(locale):
        return words_pl.formal_date(d)
    comma = "" if locale == "en-GB" else ","
    return f"the {ordinal(d.day)} day of {MONTHS[d.month - 1]}{comma} {d.year}"


def month_year(d: date) -> str:
    """The month of a date: "October 2026"."""
    return f"{MONTHS[d.month - 1]} {d.year}"


FILTERS: dict[str, Callable[..., Any]] = {
    "in_words": number_words,
    "figure": figure,
    "spelled": spelled,
    "spelled_hours": hours,
    "spelled_days": days,
    "spelled_minutes": minutes,
    "spelled_percent": percent,
    "spelled_money": money,
    "spelled_quantity": quantity,
    "ordinal": ordinal,
    "formal_date": formal_date,
    "month_year": month_year,
}
"""Jinja filters, by name: ``{{ goal.value | spelled(goal.unit, locale) }}``. ``long_date``
is :func:`slagen.render.formatting.long_date`."""

__all__ = [
    "FILTERS",
    "figure",
    "formal_date",
    "long_date",
    "money",
    "number_words",
    "ordinal",
    "quantity",
    "spelled",
]
