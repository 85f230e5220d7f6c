"""How numbers, money, percentages, dates and intervals are written in a document.

Every figure a template prints is formatted here, in Python, so that all styles
(and the PDF and DOCX made from them) write the same value the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from slagen.agreement.period import Period
from slagen.i18n import N_, current, language, ngettext, plurals
from slagen.i18n import gettext as _
from slagen.i18n import numbers as cldr
from slagen.i18n.counted import COUNTED as COUNTED  # re-exported: f.COUNTED, f.plural
from slagen.i18n.counted import count_form as count_form
from slagen.i18n.counted import plural as plural
from slagen.util.text import singular as singular  # re-exported: f.singular

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
PER = {
    "day": N_("a day"),
    "week": N_("a week"),
    "month": N_("a month"),
    "quarter": N_("a quarter"),
    "year": N_("a year"),
}
EVERY = {
    "day": N_("every day"),
    "week": N_("every week"),
    "month": N_("every month"),
    "quarter": N_("every quarter"),
    "year": N_("every year"),
}
ADJECTIVE = {
    "day": N_("daily"),
    "week": N_("weekly"),
    "month": N_("monthly"),
    "quarter": N_("quarterly"),
    "year": N_("yearly"),
}
COMPARISON = {"at-least": N_("at least"), "at-most": N_("at most"), "exactly": N_("exactly")}
PERCENT_UNITS = ("%", "percent")


def number(d: Decimal) -> str:
    """A decimal with no trailing zeros, grouped as the current locale groups digits (CLDR):
    ``1,234.5`` (en), ``1234,5`` and ``12 345,5`` (pl)."""
    return cldr.number(d, current())


def places_needed(values: list[Decimal], least: int = 2) -> int:
    """The decimal places that show every one of ``values`` exactly (at least ``least``), so
    figures of one kind are all written to the same places."""
    need = least
    for d in values:
        exp = d.normalize().as_tuple().exponent
        if isinstance(exp, int) and -exp > need:
            need = -exp
    return need


def fixed(d: Decimal, places: int) -> str:
    """``d`` with exactly ``places`` decimal places, grouped as the current locale groups digits
    (it must fit): ``1,234.50`` (en), ``44,64`` (pl)."""
    q = d.quantize(Decimal(1).scaleb(-places))
    if q != d:
        raise ValueError(f"{d} does not fit in {places} decimal places")
    return cldr.fixed(q, places, current())


def money(d: Decimal, currency: str) -> str:
    """An amount to the cent and its currency, in the current locale: ``5,000.00 USD``,
    ``5000,00 zł``."""
    return cldr.money(d, currency, current())


def percent(d: Decimal) -> str:
    """A percentage as written: ``99.95%``, ``50%`` (``99,95%`` in Polish)."""
    return cldr.percent(d, current())


def counted(d: Decimal | int, unit: str, forms: Mapping[str, str] | None = None) -> str:
    """``unit`` as a count of ``d`` needs it: the form of ``forms`` (the unit's plural forms by
    CLDR category) for the count in the current locale; without forms, in English the singular
    for one (``1 meeting``), else the unit as written."""
    if forms:
        return plurals.choose(forms, d, current())
    if language(current()) == "en":
        return singular(unit) if abs(d) == 1 else unit
    return unit


def quantity(d: Decimal, unit: str, currency: str, forms: Mapping[str, str] | None = None) -> str:
    """A value in its unit: money to the cent, a percentage, or a number and its unit
    (``100 leads``, ``1 meeting``; ``2 leady``, ``5 leadów`` with Polish forms)."""
    if unit == currency:
        return money(d, currency)
    if unit in PERCENT_UNITS:
        return percent(d)
    if not forms and unit != singular(unit) and singular(unit) in COUNTED and d == d.to_integral_value():
        return plural(d, singular(unit))  # a unit slagen counts, by its plural ("leads", "hours")
    return f"{number(d)} {counted(d, unit, forms)}"


def duration(d: Decimal, unit: str) -> str:
    """A support time in ``minutes`` or ``hours``: ``30 minutes`` (``30 minut``, ``4 godziny``)."""
    return quantity(d, unit, "")


def date_range(start: date, end: date, locale: str) -> str:
    """``October 1, 2026 to December 31, 2026`` (``od 1 października 2026 do 31 grudnia 2026``)."""
    return _("%(start)s to %(end)s") % {"start": long_date(start, locale), "end": long_date(end, locale)}


def period_text(period: Period, locale: str) -> str:
    """The days a period covers, and for one clipped to the term how many of its own days:
    ``November 15, 2026 to November 30, 2026: 16 of the 30 days of 2026-11, as the term starts
    on November 15, 2026`` (``od 15 listopada 2026 do 30 listopada 2026: 16 z 30 dni okresu
    2026-11, ponieważ umowa obowiązuje od 15 listopada 2026``)."""
    text = date_range(period.start, period.end, locale)
    if not period.partial:
        return text
    words = {
        "range": text,
        "days": period.days,
        "whole": period.whole_days,
        "period": period.label,
        "start": long_date(period.start, locale),
        "end": long_date(period.end, locale),
    }
    n = period.whole_days
    starts, ends = period.start != period.whole_start, period.end != period.whole_end
    if starts and ends:
        return (
            ngettext(
                "%(range)s: %(days)s of the %(whole)s day of %(period)s, as the term starts on %(start)s "
                "and ends on %(end)s",
                "%(range)s: %(days)s of the %(whole)s days of %(period)s, as the term starts on %(start)s "
                "and ends on %(end)s",
                n,
            )
            % words
        )
    if starts:
        return (
            ngettext(
                "%(range)s: %(days)s of the %(whole)s day of %(period)s, as the term starts on %(start)s",
                "%(range)s: %(days)s of the %(whole)s days of %(period)s, as the term starts on %(start)s",
                n,
            )
            % words
        )
    return (
        ngettext(
            "%(range)s: %(days)s of the %(whole)s day of %(period)s, as the term ends on %(end)s",
            "%(range)s: %(days)s of the %(whole)s days of %(period)s, as the term ends on %(end)s",
            n,
        )
        % words
    )


def long_date(d: date, locale: str) -> str:
    """A date written out for ``locale`` (CLDR): ``October 1, 2026`` (en-US), ``1 October 2026``
    (en-GB), ``1 października 2026`` (pl-PL)."""
    return cldr.long_date(d, locale)


def short_date(d: date, locale: str) -> str:
    """A compact date for tables: ``10/01/2026`` (en-US), ``01/10/2026`` (en-GB), ``01.10.2026`` (pl-PL)."""
    return cldr.short_date(d, locale)


def per(interval: str | None) -> str:
    """``a month`` for ``month`` (``miesięcznie``); empty when there is no interval."""
    return _(PER[interval]) if interval else ""


def every(interval: str | None) -> str:
    """``every week`` for ``week`` (``co tydzień``); empty when there is no interval."""
    return _(EVERY[interval]) if interval else ""


def adjective(interval: str) -> str:
    """``monthly`` for ``month`` (``co miesiąc``)."""
    return _(ADJECTIVE[interval])


def comparison(kind: str) -> str:
    """``at least`` for ``at-least`` (``co najmniej``)."""
    return _(COMPARISON[kind])
