"""Internal funnels: marketing's leads goal covers sales' quota, and sales can follow up."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_CEILING, Decimal
from fractions import Fraction

from slagen.agreement.period import Period

from .registry import Context, Finding, rule

_A = {"day": "a day", "week": "a week", "month": "a month", "quarter": "a quarter", "year": "a year"}


def intervals_in(period: Period, interval: str) -> Fraction:
    """How many ``interval`` s the calendar ``period`` holds (weeks as days / 7)."""
    months = len(period.months())
    return {
        "day": Fraction(period.days),
        "week": Fraction(period.days, 7),
        "month": Fraction(months),
        "quarter": Fraction(months, 3),
        "year": Fraction(months, 12),
    }[interval]


def _num(d: Decimal) -> str:
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@rule("SLA005", "leads-below-funnel", "marketing's leads goal is below what sales' quota needs")
def leads_below_funnel(ctx: Context) -> Iterator[Finding]:
    """A literal leads goal lower than the funnel recomputed from the inputs needs."""
    a = ctx.agreement
    funnel = a.inputs.funnel
    needed = ctx.targets.values.get("funnel.leads_needed")
    if a.kind == "customer" or funnel is None or needed is None:
        return
    tiers = [(t.name.lower(), t.label.lower()) for t in a.inputs.lead_tiers]
    period = ctx.targets.period
    for i, g in enumerate(a.goals):
        value = g.target.value
        if value is None or "lead" not in g.unit.lower() or g.comparison == "at-most":
            continue
        metric = f"{g.id} {g.metric}".lower()
        if any(name in metric or label in metric for name, label in tiers):
            continue  # a goal for one tier of leads, not for all of them
        per = g.interval or funnel.per
        total_needed = Fraction(needed.value) * intervals_in(period, funnel.per)
        need_here = total_needed / intervals_in(period, per)
        if Fraction(value) < need_here:
            shown = Decimal(need_here.numerator) / Decimal(need_here.denominator)
            shown = shown.to_integral_value(rounding=ROUND_CEILING)
            yield Finding(
                ("goals", i, "target", "value"),
                f"goal {g.id!r} asks {_num(value)} {g.unit} {_A[per]}, but the funnel recomputed "
                f"from the inputs needs {_num(shown)} (funnel.leads_needed: "
                f"{_num(needed.value)} {_A[funnel.per]}): sales cannot reach its quota; "
                "use {computed: funnel.leads_needed}",
            )


@rule("SLA006", "follow-up-over-capacity", "sales' follow-up targets exceed the reps' hours")
def over_capacity(ctx: Context) -> Iterator[Finding]:
    """Leads per rep x attempts x minutes per attempt, against the hours each rep has."""
    fu = ctx.agreement.inputs.follow_up
    used = ctx.targets.values.get("follow_up.capacity_used")
    needed = ctx.targets.values.get("follow_up.hours_needed_per_rep")
    if fu is None or used is None or used.value <= 100:
        return
    per = f" {_A[used.per]}" if used.per in _A else ""
    leads = ctx.targets.values.get("follow_up.leads_per_rep")
    who = f"{_num(leads.value)} leads per rep" if leads is not None else "the leads"
    hours = f"{_num(needed.value)} hours per rep{per}" if needed is not None else "more hours"
    yield Finding(
        ("inputs", "follow_up"),
        f"{who} x {fu.attempts} attempts x {_num(fu.minutes_per_attempt)} minutes take {hours}, "
        f"{_num(used.value)}% of the {_num(fu.hours_per_rep)} hours each rep has: add reps or hours, "
        "or lower the attempts",
    )
