"""The words of the tracking figures' bases, in the current document language.

The basis of an actual ("sum of 31 days", "the worst 24/10/2026 to 22/11/2026") is printed in the
tracking report, so it is a gettext message of the current locale (:func:`slagen.i18n.using`),
with its dates and figures written as the locale writes them. Figures keep their stored places
(``5000.00`` stays so, as in a derivation); only the decimal sign is the locale's.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.numbers import get_decimal_symbol

from slagen.i18n import current, ngettext
from slagen.i18n import gettext as _
from slagen.i18n.locales import babel_name
from slagen.i18n.numbers import number, short_date
from slagen.targets.rounding import fmt


def day(d: date) -> str:
    """A day as the locale writes it: ``24/10/2026`` (en-GB), ``24.10.2026`` (pl-PL)."""
    return short_date(d, current())


def num(d: Decimal) -> str:
    """A figure as stored, with the locale's decimal sign: ``5000.00``, ``5000,00`` (pl)."""
    text = fmt(d)
    loc = current()
    return text if loc.startswith("en") else text.replace(".", get_decimal_symbol(babel_name(loc)))


def pct(d: Decimal) -> str:
    """A share as stored: ``5%``, ``2,5%`` (pl)."""
    return f"{num(d)}%"


def grouped(n: int) -> str:
    """A whole number with the locale's grouping, as the documents write it (CLDR, the one
    :func:`slagen.i18n.numbers.number`): ``42,540`` (en), ``42 540`` (pl)."""
    return number(Decimal(n), current())


def intervals(n: int, interval: str) -> str:
    """``3 months``, ``1 week``: a count of intervals."""
    forms = {
        "day": lambda: ngettext("%(n)s day", "%(n)s days", n),
        "week": lambda: ngettext("%(n)s week", "%(n)s weeks", n),
        "month": lambda: ngettext("%(n)s month", "%(n)s months", n),
        "quarter": lambda: ngettext("%(n)s quarter", "%(n)s quarters", n),
        "year": lambda: ngettext("%(n)s year", "%(n)s years", n),
    }
    return forms[interval]() % {"n": n}


def events(n: int, noun: str) -> str:
    """A count of the events a measure is made of (``noun`` as :func:`~.measures.events` names
    it): ``3 followed-up leads``, ``1 p2 ticket``, ``2 resolved p1 tickets``."""
    if noun == "followed-up lead":
        return ngettext("%(n)s followed-up lead", "%(n)s followed-up leads", n) % {"n": n}
    if noun == "unconnected lead":
        return ngettext("%(n)s unconnected lead", "%(n)s unconnected leads", n) % {"n": n}
    severity = noun.removesuffix(" ticket")
    if severity.startswith("resolved "):
        severity = severity.removeprefix("resolved ")
        text = ngettext("%(n)s resolved %(severity)s ticket", "%(n)s resolved %(severity)s tickets", n)
    else:
        text = ngettext("%(n)s %(severity)s ticket", "%(n)s %(severity)s tickets", n)
    return text % {"n": n, "severity": severity}


def no_events(noun: str) -> str:
    """``no followed-up leads``, ``no resolved p1 tickets``: no event of a measure."""
    if noun == "followed-up lead":
        return _("no followed-up leads")
    if noun == "unconnected lead":
        return _("no unconnected leads")
    severity = noun.removesuffix(" ticket")
    if severity.startswith("resolved "):
        return _("no resolved %(severity)s tickets") % {"severity": severity.removeprefix("resolved ")}
    return _("no %(severity)s tickets") % {"severity": severity}
