"""Measures: what the actuals say about one figure over one period.

A goal's actual is a measure of the records over the goal's period. Goals whose
target is computed get their measure from the computed name
(:func:`default_measure`); others name it in the actuals' ``measures`` section,
or give their actual directly in ``goals``.

Sums are exact. Averages are to 2 decimal places, half-up. Availability over
several months is 100 x (1 - downtime / minutes of the months measured), rounded
down to 4 places so it never shows more availability than there was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from slagen.agreement.period import Period
from slagen.targets.rounding import CENT, HUNDRED, frac, round_to
from slagen.tracking.records import Actuals, ServiceMonth
from slagen.util.text import plural

MINUTES_A_DAY = 1440

#: Every measure name; ``<severity>`` stands for a support severity of the agreement.
MEASURES = (
    "qualified_leads",
    "customers",
    "customer_revenue",
    "marketing_revenue",
    "total_revenue",
    "first_follow_up_minutes",
    "attempts_unconnected",
    "availability",
    "downtime_minutes",
    "response_minutes.<severity>",
    "resolution_hours.<severity>",
)

_BY_COMPUTED = {
    "funnel.leads_needed": "qualified_leads",
    "funnel.customers_needed": "customers",
    "funnel.marketing_revenue_goal": "marketing_revenue",
    "follow_up.first_follow_up_minutes": "first_follow_up_minutes",
    "follow_up.attempts": "attempts_unconnected",
    "availability.target": "availability",
}


@dataclass(frozen=True)
class Measured:
    """A measure's value over a period, and what it was computed from."""

    value: Decimal | None
    """None when the actuals have no record for the period."""
    basis: str
    """In words: e.g. ``sum of 31 days``, ``average over 48 leads``."""


def is_measure(name: str) -> bool:
    """Whether ``name`` is a measure (``response_minutes.p1`` included)."""
    head, _, tail = name.partition(".")
    if tail:
        return head in ("response_minutes", "resolution_hours") and bool(tail)
    return name in MEASURES


def default_measure(computed: str | None) -> str | None:
    """The measure of a goal whose target is the computed value ``computed``, if one fits."""
    if computed is None:
        return None
    if computed in _BY_COMPUTED:
        return _BY_COMPUTED[computed]
    if computed.startswith("availability.downtime_minutes."):
        return "downtime_minutes"
    parts = computed.split(".")
    if len(parts) == 3 and parts[0] == "support" and parts[2] in ("response_minutes", "resolution_hours"):
        return f"{parts[2]}.{parts[1]}"
    return None


def _avg(values: Sequence[Fraction]) -> Decimal:
    return round_to(sum(values, Fraction(0)) / len(values), CENT, "half-up")


def _in(p: Period, start: Period) -> bool:
    return p.start <= start.start and start.end <= p.end


def _downtime(m: ServiceMonth) -> Fraction:
    if m.downtime_minutes is not None:
        return frac(m.downtime_minutes)
    assert m.availability is not None
    return (HUNDRED - frac(m.availability)) / HUNDRED * m.month.days * MINUTES_A_DAY


def measure(actuals: Actuals, name: str, period: Period) -> Measured:
    """The measure ``name`` of ``actuals`` over ``period``."""
    fn = _SIMPLE.get(name)
    if fn is not None:
        return fn(actuals, period)
    head, _, severity = name.partition(".")
    tickets = [
        t for t in actuals.tickets if t.severity == severity and period.start <= t.opened.date() <= period.end
    ]
    if not tickets:
        return Measured(None, f"no {severity} tickets")
    if head == "response_minutes":
        return Measured(
            max(t.response_minutes for t in tickets),
            f"slowest of {plural(len(tickets), severity + ' ticket')}",
        )
    resolved = [t.resolution_hours for t in tickets if t.resolution_hours is not None]
    if not resolved:
        return Measured(None, f"no resolved {severity} tickets")
    return Measured(max(resolved), f"slowest of {plural(len(resolved), 'resolved ' + severity + ' ticket')}")


def _qualified(a: Actuals, p: Period) -> Measured:
    days = [d for d in a.daily if p.start <= d.day <= p.end]
    if days:
        return Measured(Decimal(sum(d.qualified_leads for d in days)), f"sum of {plural(len(days), 'day')}")
    months = [t for t in a.tracked if _in(p, t.month)]
    if months:
        return Measured(
            Decimal(sum(t.leads for t in months)), f"sum of {plural(len(months), 'tracked month')}"
        )
    return Measured(None, "no daily or tracked leads")


def _tracked(field: str) -> Callable[[Actuals, Period], Measured]:
    def fn(a: Actuals, p: Period) -> Measured:
        months = [t for t in a.tracked if _in(p, t.month)]
        if not months:
            return Measured(None, "no tracked months")
        return Measured(
            Decimal(sum(getattr(t, field) for t in months)), f"sum of {plural(len(months), 'tracked month')}"
        )

    return fn


def _speed(a: Actuals, p: Period) -> Measured:
    minutes = [
        frac(m)
        for lead in a.leads
        if p.start <= lead.handed_off.date() <= p.end and (m := lead.minutes_to_first_follow_up) is not None
    ]
    if not minutes:
        return Measured(None, "no leads followed up")
    return Measured(_avg(minutes), f"average over {plural(len(minutes), 'lead')} followed up")


def _depth(a: Actuals, p: Period) -> Measured:
    attempts = [
        Fraction(x.attempts) for x in a.leads if p.start <= x.handed_off.date() <= p.end and not x.connected
    ]
    if not attempts:
        return Measured(None, "no unconnected leads")
    return Measured(_avg(attempts), f"average over {plural(len(attempts), 'unconnected lead')}")


def _service(a: Actuals, p: Period) -> list[ServiceMonth]:
    return [m for m in a.service if _in(p, m.month)]


def _availability(a: Actuals, p: Period) -> Measured:
    months = _service(a, p)
    if not months:
        return Measured(None, "no measured months")
    if len(months) == 1 and months[0].availability is not None:
        return Measured(months[0].availability, "measured")
    minutes = sum(m.month.days for m in months) * MINUTES_A_DAY
    down = sum((_downtime(m) for m in months), Fraction(0))
    value = round_to(HUNDRED * (1 - down / minutes), Decimal("0.0001"), "down")
    return Measured(value, f"over {plural(len(months), 'measured month')}")


def _downtime_total(a: Actuals, p: Period) -> Measured:
    months = _service(a, p)
    if not months:
        return Measured(None, "no measured months")
    down = sum((_downtime(m) for m in months), Fraction(0))
    return Measured(round_to(down, CENT, "half-up"), f"sum of {plural(len(months), 'measured month')}")


_SIMPLE: dict[str, Callable[[Actuals, Period], Measured]] = {
    "qualified_leads": _qualified,
    "customers": _tracked("customers"),
    "customer_revenue": _tracked("customer_revenue"),
    "marketing_revenue": _tracked("marketing_revenue"),
    "total_revenue": _tracked("total_revenue"),
    "first_follow_up_minutes": _speed,
    "attempts_unconnected": _depth,
    "availability": _availability,
    "downtime_minutes": _downtime_total,
}
