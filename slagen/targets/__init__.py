"""The targets engine: exact, explained calculations behind every goal.

:func:`compute_targets` is the one source of truth: ``slagen targets`` prints
what it returns, and the documents render the same :class:`TargetSet`.
"""

from __future__ import annotations

from .availability import allowed_downtime, availability_from_downtime, downtime_for_days, format_duration
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
from .compute import compute_targets
from .credits import (
    CreditResult,
    MonthCredit,
    MonthTotal,
    all_credits,
    credit_for,
    credits_over_months,
    monthly_charge,
)
from .recalc import Recalculated, TrackedFigures, next_period_targets, recalculate

__all__ = [
    "BreakdownRow",
    "Computed",
    "CreditResult",
    "FigureError",
    "GoalLinePoint",
    "GoalTarget",
    "MonthCredit",
    "MonthLine",
    "MonthTotal",
    "Recalculated",
    "TargetError",
    "TargetSet",
    "TargetWarning",
    "TrackedFigures",
    "all_credits",
    "allowed_downtime",
    "availability_from_downtime",
    "compute_targets",
    "credit_for",
    "credits_over_months",
    "downtime_for_days",
    "format_duration",
    "monthly_charge",
    "next_period_targets",
    "recalculate",
]
