"""The targets engine: exact, explained calculations behind every goal.

:func:`compute_targets` is the one source of truth: ``slagen targets`` prints
what it returns, and the documents render the same :class:`TargetSet`.
"""

from __future__ import annotations

from slagen.agreement.model import Agreement
from slagen.agreement.period import Period, in_term

from .availability import (
    allowed_downtime,
    availability_from_downtime,
    availability_targets,
    downtime_for_days,
    format_duration,
)
from .base import (
    BreakdownRow,
    Computed,
    FigureError,
    GoalLinePoint,
    GoalTarget,
    MonthLine,
    TargetError,
    TargetSet,
    TargetWarning,
)
from .breakdown import goal_targets
from .credits import CreditResult, MonthCredit, credit_for, credit_targets, credits_over_months
from .follow_up import follow_up_targets
from .funnel import funnel_targets
from .recalc import Recalculated, TrackedFigures, next_period_targets, recalculate
from .support import support_targets
from .tiers import tier_targets

__all__ = [
    "BreakdownRow",
    "Computed",
    "CreditResult",
    "FigureError",
    "GoalLinePoint",
    "GoalTarget",
    "MonthCredit",
    "MonthLine",
    "Recalculated",
    "TargetError",
    "TargetSet",
    "TargetWarning",
    "TrackedFigures",
    "allowed_downtime",
    "availability_from_downtime",
    "compute_targets",
    "credit_for",
    "credits_over_months",
    "downtime_for_days",
    "format_duration",
    "next_period_targets",
    "recalculate",
]


def compute_targets(
    agreement: Agreement, period: Period | None = None, *, goal_lines: bool = True
) -> TargetSet:
    """Every computed target of ``agreement`` for ``period`` (default: the term's period).

    ``goal_lines=False`` leaves out the daily goal lines (validation needs every value and
    error, but not the day-by-day points, which are most of the work).

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
    if inp.follow_up is not None:
        follow_up_targets(ts, inp.follow_up)
    if inp.availability is not None:
        availability_targets(ts, inp.availability)
    if inp.service_credits is not None:
        credit_targets(ts, inp.service_credits, inp.currency)
    if inp.support:
        support_targets(ts, inp.support)
    goal_targets(ts, agreement, lines=goal_lines)
    return ts
