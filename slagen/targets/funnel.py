"""Marketing's targets from sales' quota: revenue goal, customers, leads, further stages.

Rounding: money to the cent (half-up); counts of customers and leads rounded up
at each stage, and each stage computed from the rounded value of the one before,
so a reader can redo every step from the figures shown. With lead tiers, the leads
needed are the tiers' sum (see :mod:`.tiers`), and the further stages chain from it.
"""

from __future__ import annotations

from slagen.agreement.model import Funnel
from slagen.i18n import N_

from .base import Computed, TargetError, TargetSet
from .rounding import HUNDRED, MONEY, WHOLE_UP, cents, divide, fmt, frac, pct, whole_up

_AT = ("inputs", "funnel")


def funnel_targets(ts: TargetSet, f: Funnel, currency: str) -> None:
    """Add ``funnel.marketing_revenue_goal``, ``customers_needed``, ``leads_needed`` and stages."""
    revenue = ts.add(
        Computed(
            "funnel.marketing_revenue_goal",
            N_("Marketing revenue goal"),
            cents(frac(f.sales_quota) * frac(f.marketing_share) / HUNDRED),
            currency,
            f.per,
            N_("sales quota x share of revenue from marketing leads"),
            (
                (N_("sales quota"), f"{fmt(f.sales_quota)} {currency}"),
                (N_("share of revenue from marketing leads"), pct(f.marketing_share)),
            ),
            MONEY,
        )
    )
    customers = ts.add(
        Computed(
            "funnel.customers_needed",
            N_("Customers needed"),
            whole_up(
                divide(
                    frac(revenue.value),
                    frac(f.average_deal_size),
                    (*_AT, "average_deal_size"),
                    "the average deal size",
                )
            ),
            "customers",
            f.per,
            N_("marketing revenue goal / average deal size"),
            (
                (N_("marketing revenue goal"), f"{fmt(revenue.value)} {currency}"),
                (N_("average deal size"), f"{fmt(f.average_deal_size)} {currency}"),
            ),
            WHOLE_UP,
        )
    )
    ts.add(
        Computed(
            "funnel.leads_needed",
            N_("Leads needed"),
            whole_up(
                divide(
                    frac(customers.value),
                    frac(f.close_rate) / HUNDRED,
                    (*_AT, "close_rate"),
                    "the close rate",
                )
            ),
            "leads",
            f.per,
            N_("customers needed / lead-to-customer close rate"),
            ((N_("customers needed"), fmt(customers.value)), (N_("close rate"), pct(f.close_rate))),
            WHOLE_UP,
        )
    )


def stage_targets(ts: TargetSet, f: Funnel) -> None:
    """Add ``funnel.<stage>`` for each further stage, chained outwards from the leads needed."""
    prev = ts.values["funnel.leads_needed"]
    for j, stage in enumerate(f.stages):
        if f"funnel.{stage.name}" in ts.values:
            raise TargetError(
                (*_AT, "stages", j, "name"),
                f"expected a stage name other than {stage.name!r}: funnel.{stage.name} is already a target",
            )
        prev = ts.add(
            Computed(
                f"funnel.{stage.name}",
                stage.label,
                whole_up(
                    divide(
                        frac(prev.value),
                        frac(stage.rate) / HUNDRED,
                        (*_AT, "stages", j, "rate"),
                        f"the pass-on rate of stage {stage.name!r}",
                    )
                ),
                "leads",
                f.per,
                f"{prev.label.lower()} / share of {stage.label.lower()} that pass on",
                ((prev.label.lower(), fmt(prev.value)), ("pass-on rate", pct(stage.rate))),
                WHOLE_UP,
            )
        )
