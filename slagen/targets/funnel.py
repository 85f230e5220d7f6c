"""Marketing's targets from sales' quota: revenue goal, customers, leads."""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from ..model import Funnel
from .base import Computed, TargetSet

HUNDRED = Decimal(100)
CENT = Decimal("0.01")
ROUND_UP = "rounded up to a whole number"
MONEY = "exact, shown to the cent"


def ceil(d: Decimal) -> Decimal:
    """Round up to a whole number."""
    return Decimal(int(d.to_integral_value(rounding=ROUND_CEILING)))


def fmt(d: Decimal) -> str:
    """A decimal as written in a derivation: no exponent, no trailing zeros."""
    s = format(d.normalize(), "f")
    return s


def funnel_targets(ts: TargetSet, f: Funnel, currency: str) -> None:
    """Add the funnel's targets to ``ts``."""
    revenue = ts.add(
        Computed(
            "funnel.marketing_revenue_goal",
            "Marketing revenue goal",
            (f.sales_quota * f.marketing_share / HUNDRED).quantize(CENT),
            currency,
            f.per,
            "sales quota x share of revenue from marketing leads",
            (
                ("sales quota", f"{fmt(f.sales_quota)} {currency}"),
                ("share of revenue from marketing leads", f"{fmt(f.marketing_share)}%"),
            ),
            MONEY,
        )
    )
    customers = ts.add(
        Computed(
            "funnel.customers_needed",
            "Customers needed",
            ceil(revenue.value / f.average_deal_size),
            "customers",
            f.per,
            "marketing revenue goal / average deal size",
            (
                ("marketing revenue goal", f"{fmt(revenue.value)} {currency}"),
                ("average deal size", f"{fmt(f.average_deal_size)} {currency}"),
            ),
            ROUND_UP,
        )
    )
    leads = ts.add(
        Computed(
            "funnel.leads_needed",
            "Leads needed",
            ceil(customers.value / (f.close_rate / HUNDRED)),
            "leads",
            f.per,
            "customers needed / lead-to-customer close rate",
            (("customers needed", fmt(customers.value)), ("close rate", f"{fmt(f.close_rate)}%")),
            ROUND_UP,
        )
    )
    prev = leads
    for stage in f.stages:
        prev = ts.add(
            Computed(
                f"funnel.{stage.name}",
                stage.label,
                ceil(prev.value / (stage.rate / HUNDRED)),
                "leads",
                f.per,
                f"{prev.label.lower()} / share of {stage.label.lower()} that pass on",
                ((prev.label.lower(), fmt(prev.value)), ("pass-on rate", f"{fmt(stage.rate)}%")),
                ROUND_UP,
            )
        )
