"""The list of calculations: every computed target of an agreement, in the order they build
on each other (funnel, lead tiers, follow-up, availability, credits, support, the calendar, then the goals)."""

from __future__ import annotations

from slagen.agreement.model import Agreement
from slagen.agreement.period import Period, in_term

from .availability import availability_targets
from .base import TargetSet
from .breakdown import goal_targets
from .calendar import calendar_targets
from .credits import credit_targets
from .follow_up import follow_up_targets
from .funnel import funnel_targets, stage_targets
from .support import support_targets
from .tiers import tier_targets


def compute_targets(
    agreement: Agreement, period: Period | None = None, *, goal_lines: bool = True, holidays: bool = True
) -> TargetSet:
    """Every computed target of ``agreement`` for ``period`` (default: the term's period).

    ``goal_lines=False`` leaves out the daily goal lines (validation needs every value and
    error, but not the day-by-day points, which are most of the work). ``holidays=False`` leaves
    out the figures that need the holiday calendars (holidays, business days, deliveries), so
    validation does not load holiday data it does not check.

    Raises :class:`TargetError` (with the key path of the input or goal) when the
    inputs make a calculation impossible, e.g. a divisor of zero.
    """
    t = agreement.term
    ts = TargetSet(period or in_term(t.period, t.start, t.end))
    inp = agreement.inputs
    if inp.funnel is not None:
        funnel_targets(ts, inp.funnel, inp.currency)
    if inp.lead_tiers:
        tier_targets(ts, inp.lead_tiers, inp.currency)
    if inp.funnel is not None:  # chained from the leads needed, the tiers' sum when there are tiers
        stage_targets(ts, inp.funnel)
    if inp.follow_up is not None:
        follow_up_targets(ts, inp.follow_up)
    if inp.availability is not None:
        availability_targets(ts, inp.availability, agreement.calendar)
    if inp.service_credits is not None:
        credit_targets(ts, inp.service_credits, inp.currency)
    if inp.support:
        support_targets(ts, agreement)
    calendar_targets(ts, agreement, holidays=holidays)
    goal_targets(ts, agreement, lines=goal_lines)
    return ts
