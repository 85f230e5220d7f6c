"""The targets engine: exact, explained calculations behind every goal."""

from __future__ import annotations

from ..model import Agreement
from ..period import Period, parse_period
from .base import Computed, TargetError, TargetSet, TargetWarning
from .funnel import funnel_targets

__all__ = ["Computed", "TargetError", "TargetSet", "TargetWarning", "compute_targets"]


def compute_targets(agreement: Agreement, period: Period | None = None) -> TargetSet:
    """Every computed target of ``agreement`` for ``period`` (default: the term's period)."""
    ts = TargetSet(period or parse_period(agreement.term.period))
    inp = agreement.inputs
    if inp.funnel is not None:
        funnel_targets(ts, inp.funnel, inp.currency)
    return ts
