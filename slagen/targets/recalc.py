"""Recalculating the funnel's inputs from a period's tracked figures.

close rate = leads that became customers / marketing leads; average deal size =
revenue from those customers / those customers; share of revenue from marketing =
revenue closed from marketing leads / total revenue closed. Rates are percentages
to 2 decimal places, the deal size to the cent (both half-up); the funnel is then
run on these rounded inputs, so the implied targets follow from figures shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from slagen.agreement.model import Agreement
from slagen.agreement.period import Period, in_term, next_period

from .base import Computed, FigureError, TargetSet
from .compute import compute_targets
from .rounding import CENT, HUNDRED, MONEY, TWO_PLACES, cents, fmt, frac, round_to


@dataclass(frozen=True)
class TrackedFigures:
    """What one period's tracking found (the guide's monthly figures)."""

    marketing_leads: Decimal
    """Marketing-generated leads."""
    customers: Decimal
    """Of those leads, how many became customers."""
    customer_revenue: Decimal
    """Revenue from those customers."""
    marketing_revenue: Decimal
    """Total revenue closed in the period from marketing leads."""
    total_revenue: Decimal
    """Total revenue closed in the period."""


@dataclass(frozen=True)
class Recalculated:
    """The funnel's inputs as the tracked figures imply them."""

    close_rate: Computed
    average_deal_size: Computed
    marketing_share: Computed


def _ratio(a: Decimal, b: Decimal, what: str, over: str) -> Fraction:
    if b == 0:
        raise FigureError(f"cannot compute the {what}: {over} is 0 (division by zero)")
    return frac(a) / frac(b)


def recalculate(tracked: TrackedFigures, currency: str = "") -> Recalculated:
    """Close rate, average deal size and share of revenue from marketing, with derivations."""
    t = tracked
    for name, value in vars(t).items():
        if value < 0:
            raise FigureError(f"expected {name.replace('_', ' ')} of zero or more, got {fmt(value)}")
    if t.customers > t.marketing_leads:
        raise FigureError(
            f"customers from marketing leads ({fmt(t.customers)}) exceed the marketing leads "
            f"({fmt(t.marketing_leads)})"
        )
    if t.marketing_revenue > t.total_revenue:
        raise FigureError(
            f"revenue from marketing leads ({fmt(t.marketing_revenue)}) exceeds the total revenue "
            f"({fmt(t.total_revenue)})"
        )
    money = f" {currency}" if currency else ""
    close = _ratio(t.customers, t.marketing_leads, "close rate", "the number of marketing leads")
    deal = _ratio(t.customer_revenue, t.customers, "average deal size", "the number of customers")
    share = _ratio(t.marketing_revenue, t.total_revenue, "share of revenue from marketing", "total revenue")
    return Recalculated(
        Computed(
            "recalc.close_rate",
            "Lead-to-customer close rate",
            round_to(close * HUNDRED, CENT, "half-up"),
            "%",
            None,
            "marketing leads that became customers / marketing leads x 100",
            (("became customers", fmt(t.customers)), ("marketing leads", fmt(t.marketing_leads))),
            TWO_PLACES,
        ),
        Computed(
            "recalc.average_deal_size",
            "Average deal size",
            cents(deal),
            currency,
            None,
            "revenue from those customers / marketing leads that became customers",
            (
                ("revenue from those customers", f"{fmt(t.customer_revenue)}{money}"),
                ("became customers", fmt(t.customers)),
            ),
            MONEY,
        ),
        Computed(
            "recalc.marketing_share",
            "Share of revenue from marketing leads",
            round_to(share * HUNDRED, CENT, "half-up"),
            "%",
            None,
            "revenue closed from marketing leads / total revenue closed x 100",
            (
                ("revenue from marketing leads", f"{fmt(t.marketing_revenue)}{money}"),
                ("total revenue", f"{fmt(t.total_revenue)}{money}"),
            ),
            TWO_PLACES,
        ),
    )


def recalculated_agreement(agreement: Agreement, r: Recalculated) -> Agreement:
    """``agreement`` with its funnel inputs replaced by the recalculated ones."""
    f = agreement.inputs.funnel
    if f is None:
        raise FigureError("the agreement has no inputs.funnel to recalculate")
    if r.close_rate.value == 0:
        raise FigureError("no tracked lead became a customer: a 0% close rate implies no lead target")
    if r.average_deal_size.value == 0:
        raise FigureError("the tracked customers brought no revenue: a 0 deal size implies no target")
    funnel = f.model_copy(
        update={
            "close_rate": r.close_rate.value,
            "average_deal_size": r.average_deal_size.value,
            "marketing_share": r.marketing_share.value,
        }
    )
    inputs = agreement.inputs.model_copy(update={"funnel": funnel})
    return agreement.model_copy(update={"inputs": inputs})


def next_period_targets(agreement: Agreement, r: Recalculated, period: Period | None = None) -> TargetSet:
    """The targets the recalculated inputs imply for ``period`` (default: the one after the term's)."""
    t = agreement.term
    nxt = period or next_period(in_term(t.period, t.start, t.end))
    return compute_targets(recalculated_agreement(agreement, r), nxt)
