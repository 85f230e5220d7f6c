"""The funnel per lead tier (decision-makers vs others), and value-based lead goals.

Per tier: customers = funnel customers needed x the tier's share (rounded up),
leads = tier customers / tier close rate (rounded up), lead value = leads x value
per lead (to the cent); ``tiers.leads_needed_total`` is the sum of the tiers' leads. The
tiers' counts are each rounded up, so they may add up to more than the funnel's totals;
``slagen check`` fails when the tiers' leads differ from ``funnel.leads_needed``.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from slagen.agreement.model import LeadTier

from .base import Computed, TargetError, TargetSet
from .rounding import HUNDRED, MONEY, WHOLE_UP, cents, divide, fmt, frac, pct, whole_up


def tier_targets(ts: TargetSet, tiers: list[LeadTier], currency: str) -> None:
    """Add ``tiers.<tier>.customers_needed``, ``.leads_needed``, ``.lead_value`` and the total."""
    total = ts.values.get("funnel.customers_needed")
    if total is None:
        raise TargetError(
            ("inputs", "lead_tiers"),
            "lead tiers need inputs.funnel: a tier's customers are a share of funnel.customers_needed",
        )
    per = total.per
    values: list[Computed] = []
    counts: list[Computed] = []
    for j, tier in enumerate(tiers):
        customers = ts.add(
            Computed(
                f"tiers.{tier.name}.customers_needed",
                f"Customers needed: {tier.label}",
                whole_up(frac(total.value) * frac(tier.share_of_customers) / HUNDRED),
                "customers",
                per,
                "customers needed x the tier's share of customers",
                (("customers needed", fmt(total.value)), ("tier's share", pct(tier.share_of_customers))),
                WHOLE_UP,
            )
        )
        leads = ts.add(
            Computed(
                f"tiers.{tier.name}.leads_needed",
                f"Leads needed: {tier.label}",
                whole_up(
                    divide(
                        frac(customers.value),
                        frac(tier.close_rate) / HUNDRED,
                        ("inputs", "lead_tiers", j, "close_rate"),
                        f"the close rate of tier {tier.name!r}",
                    )
                ),
                "leads",
                per,
                "tier's customers needed / tier's close rate",
                (
                    ("tier's customers needed", fmt(customers.value)),
                    ("tier's close rate", pct(tier.close_rate)),
                ),
                WHOLE_UP,
            )
        )
        counts.append(leads)
        if tier.value_per_lead is not None:
            values.append(
                ts.add(
                    Computed(
                        f"tiers.{tier.name}.lead_value",
                        f"Lead value: {tier.label}",
                        cents(frac(leads.value) * frac(tier.value_per_lead)),
                        currency,
                        per,
                        "tier's leads needed x value per lead",
                        (
                            ("tier's leads needed", fmt(leads.value)),
                            ("value per lead", f"{fmt(tier.value_per_lead)} {currency}"),
                        ),
                        MONEY,
                    )
                )
            )
    summed = ts.add(
        Computed(
            "tiers.leads_needed_total",
            "Leads needed, all tiers",
            sum((c.value for c in counts), Decimal(0)),
            "leads",
            per,
            "sum of the tiers' leads needed",
            tuple((c.label.lower(), fmt(c.value)) for c in counts),
            "exact sum of whole numbers",
        )
    )
    # One calculation for every lead goal: the leads the funnel needs are the tiers' sum (each
    # tier rounded up), so the tier goals, their value and the overall lead goal agree.
    funnel = ts.values.get("funnel.leads_needed")
    if funnel is not None and funnel.value != summed.value:
        ts.add(
            Computed(
                "funnel.leads_needed",
                funnel.label,
                summed.value,
                "leads",
                funnel.per,
                "sum of the tiers' leads needed (each tier's customers / its close rate, rounded up)",
                (*summed.inputs, ("from the close rate alone", f"{fmt(funnel.value)} ({funnel.formula})")),
                "exact sum of whole numbers",
            )
        )
    if values:
        ts.add(
            Computed(
                "tiers.lead_value_total",
                "Total value of the leads needed",
                cents(sum((frac(v.value) for v in values), Fraction(0))),
                currency,
                per,
                "sum of the tiers' lead values",
                tuple((v.label.lower(), f"{fmt(v.value)} {currency}") for v in values),
                "exact sum of amounts in cents",
            )
        )
