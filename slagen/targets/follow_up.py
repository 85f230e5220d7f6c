"""Sales' follow-up targets: speed, depth, and whether they fit the reps' hours.

Capacity: leads per rep = leads needed / reps, rounded up (the busiest rep's
share); hours needed per rep = leads per rep x attempts x minutes per attempt
/ 60; capacity used = hours needed / hours each rep has x 100. Hours and percent
are shown to 2 places (half-up); the over-capacity check compares exact values.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from slagen.agreement.model import FollowUp

from .base import Computed, TargetSet, TargetWarning
from .rounding import AS_SET, HUNDRED, TWO_PLACES, WHOLE_UP, divide, fmt, frac, round_to, whole_up
from .rounding import CENT as TWO

_AT = ("inputs", "follow_up")


def follow_up_targets(ts: TargetSet, fu: FollowUp) -> None:
    """Add the speed and depth targets and, with a funnel, the capacity check."""
    ts.add(
        Computed(
            "follow_up.first_follow_up_minutes",
            "Time from hand-off to first follow-up",
            fu.first_follow_up_minutes,
            "minutes",
            None,
            "target set in the agreement",
            (("first follow-up within", f"{fmt(fu.first_follow_up_minutes)} minutes"),),
            AS_SET,
        )
    )
    ts.add(
        Computed(
            "follow_up.attempts",
            "Follow-up attempts on leads not yet connected",
            Decimal(fu.attempts),
            "attempts",
            None,
            "target set in the agreement",
            (("attempts", str(fu.attempts)),),
            AS_SET,
        )
    )
    leads = ts.values.get("funnel.leads_needed")
    if leads is None:
        return
    per_rep = ts.add(
        Computed(
            "follow_up.leads_per_rep",
            "Leads per rep",
            whole_up(divide(frac(leads.value), Fraction(fu.reps), (*_AT, "reps"), "the number of reps")),
            "leads",
            leads.per,
            "leads needed / reps",
            (("leads needed", fmt(leads.value)), ("reps", str(fu.reps))),
            WHOLE_UP,
        )
    )
    hours = frac(per_rep.value) * fu.attempts * frac(fu.minutes_per_attempt) / 60
    needed = ts.add(
        Computed(
            "follow_up.hours_needed_per_rep",
            "Follow-up hours needed per rep",
            round_to(hours, TWO, "half-up"),
            "hours",
            leads.per,
            "leads per rep x attempts x minutes per attempt / 60",
            (
                ("leads per rep", fmt(per_rep.value)),
                ("attempts", str(fu.attempts)),
                ("minutes per attempt", fmt(fu.minutes_per_attempt)),
            ),
            TWO_PLACES,
        )
    )
    used = divide(hours, frac(fu.hours_per_rep), (*_AT, "hours_per_rep"), "hours per rep") * HUNDRED
    ts.add(
        Computed(
            "follow_up.capacity_used",
            "Share of the reps' hours the follow-up needs",
            round_to(used, TWO, "half-up"),
            "%",
            leads.per,
            "hours needed per rep / hours each rep has x 100",
            (
                ("hours needed per rep", fmt(needed.value)),
                ("hours each rep has", fmt(fu.hours_per_rep)),
            ),
            TWO_PLACES,
        )
    )
    if used > HUNDRED:
        ts.warnings.append(
            TargetWarning(
                _AT,
                f"follow-up is over capacity: {fmt(per_rep.value)} leads per rep x {fu.attempts} attempts "
                f"x {fmt(fu.minutes_per_attempt)} min need {fmt(needed.value)} h per rep per "
                f"{leads.per}, but each rep has {fmt(fu.hours_per_rep)} h "
                f"({fmt(round_to(used, TWO, 'half-up'))}% of capacity)",
            )
        )
