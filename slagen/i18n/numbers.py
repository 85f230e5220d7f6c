"""Numbers, money, percentages and dates as CLDR writes them for a locale (through Babel).

English stays as slagen has always written it (``5,000.00 USD``, ``99.95%``, ``October 1, 2026``);
Polish has a decimal comma, a (no-break) space between groups of three digits but none in a
four-digit number (``1000``, ``10 000``), the currency after the amount as its symbol for the
locale's own currency (``5000,00 zł``) and as its ISO code for others (``1200,00 EUR``), and
dates with the month in the genitive (``1 października 2026``).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, get_territory_currencies

from .locales import babel_name

CENT = Decimal("0.01")
#: CLDR ``minimumGroupingDigits`` (Babel does not apply it): Polish groups digits only from
#: five digits on.
MIN_GROUPING = {"pl": 2}
#: The long date pattern of each locale (CLDR's ``long`` format, without a trailing "r.").
LONG_DATE = {"en-US": "MMMM d, y", "en-GB": "d MMMM y", "pl-PL": "d MMMM y"}
SHORT_DATE = {"en-US": "MM/dd/y", "en-GB": "dd/MM/y", "pl-PL": "dd.MM.y"}


def _grouped(d: Decimal, locale: str) -> bool:
    minimum = MIN_GROUPING.get(Locale.parse(babel_name(locale)).language, 1)
    return abs(d) >= Decimal(10) ** (2 + minimum)


def number(d: Decimal, locale: str) -> str:
    """A decimal without trailing zeros: ``1,234.5`` (en), ``1234,5`` / ``12 345,5`` (pl)."""
    d = d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()
    places = max(0, -int(d.as_tuple().exponent))
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(d, format=pattern, locale=babel_name(locale), group_separator=_grouped(d, locale))


def fixed(d: Decimal, places: int, locale: str) -> str:
    """``d`` (already exact to ``places``) with exactly ``places`` decimals: ``1,234.50`` (en),
    ``44,64`` / ``12 345,50`` (pl)."""
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(d, format=pattern, locale=babel_name(locale), group_separator=_grouped(d, locale))


def money(d: Decimal, currency: str, locale: str) -> str:
    """An amount to the cent (half-even) and its currency after it: ``5,000.00 USD``,
    ``5000,00 zł``, ``1200,00 EUR``."""
    cents = d.quantize(CENT, rounding=ROUND_HALF_EVEN)
    amount = format_decimal(
        cents, format="#,##0.00", locale=babel_name(locale), group_separator=_grouped(cents, locale)
    )
    loc = Locale.parse(babel_name(locale))
    own = loc.territory is not None and currency in get_territory_currencies(loc.territory)
    label = loc.currency_symbols.get(currency, currency) if own and loc.language != "en" else currency
    return f"{amount}\u00a0{label}" if loc.language != "en" else f"{amount} {label}"


def percent(d: Decimal, locale: str) -> str:
    """A percentage: ``99.95%`` (en), ``99,95%`` (pl)."""
    return f"{number(d, locale)}%"


def long_date(d: date, locale: str) -> str:
    """``October 1, 2026`` (en-US), ``1 October 2026`` (en-GB), ``1 października 2026`` (pl-PL)."""
    return format_date(d, LONG_DATE[locale], locale=babel_name(locale))


def short_date(d: date, locale: str) -> str:
    """``10/01/2026`` (en-US), ``01/10/2026`` (en-GB), ``01.10.2026`` (pl-PL)."""
    return format_date(d, SHORT_DATE[locale], locale=babel_name(locale))
