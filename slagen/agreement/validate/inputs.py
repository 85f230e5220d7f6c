"""The inputs of the computed targets make sense: divisors above zero, shares adding up."""

from __future__ import annotations

from collections.abc import Iterator

from .registry import Context, Finding, check


@check("divisors", "rates and sizes the targets divide by are above zero")
def divisors(ctx: Context) -> Iterator[Finding]:
    """The funnel's deal size, close rate and stage rates, and the lead tiers' close rates."""
    inp = ctx.agreement.inputs
    if inp.funnel is not None:
        f = inp.funnel
        for key in ("average_deal_size", "close_rate"):
            if getattr(f, key) <= 0:
                yield Finding(
                    ("inputs", "funnel", key),
                    f"expected a value above zero (it is a divisor), got {getattr(f, key)}",
                )
        for j, stage in enumerate(f.stages):
            if stage.rate <= 0:
                yield Finding(
                    ("inputs", "funnel", "stages", j, "rate"),
                    f"expected a rate above zero (it is a divisor), got {stage.rate}",
                )
    for j, tier in enumerate(inp.lead_tiers):
        if tier.close_rate <= 0:
            yield Finding(
                ("inputs", "lead_tiers", j, "close_rate"),
                f"expected a rate above zero (it is a divisor), got {tier.close_rate}",
            )


@check("lead-tier-shares", "the lead tiers' shares of customers add up to 100")
def lead_tier_shares(ctx: Context) -> Iterator[Finding]:
    """The tiers split all customers between them."""
    tiers = ctx.agreement.inputs.lead_tiers
    total = sum(t.share_of_customers for t in tiers)
    if tiers and total != 100:
        yield Finding(
            ("inputs", "lead_tiers"), f"expected the tiers' share_of_customers to add up to 100, got {total}"
        )


@check("service-credits", "service credits say how they are computed, from inputs that exist")
def service_credits(ctx: Context) -> Iterator[Finding]:
    """Tiers or a linear rule (its step above zero); availability credits need availability."""
    inp = ctx.agreement.inputs
    sc = inp.service_credits
    if sc is None:
        return
    if not sc.tiers and sc.linear is None:
        yield Finding(("inputs", "service_credits"), "expected 'tiers', 'linear' or both")
    if sc.linear is not None and sc.linear.per_step <= 0:
        yield Finding(
            ("inputs", "service_credits", "linear", "per_step"),
            "expected a step above zero (it is a divisor)",
        )
    if sc.basis == "availability" and inp.availability is None:
        yield Finding(("inputs", "service_credits", "basis"), "availability credits need inputs.availability")
