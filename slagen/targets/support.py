"""Support response and resolution times, one pair of targets per severity."""

from __future__ import annotations

from slagen.agreement.model import Agreement

from .base import Computed, TargetError, TargetSet
from .calendar import clock_text
from .rounding import AS_SET, fmt


def support_targets(ts: TargetSet, a: Agreement) -> None:
    """Add ``support.<severity>.response_minutes`` and ``.resolution_hours``."""
    for j, level in enumerate(a.inputs.support):
        if f"support.{level.severity}.response_minutes" in ts.values:
            raise TargetError(
                ("inputs", "support", j, "severity"),
                f"severity {level.severity!r} is listed more than once",
            )
        clock = (
            ("severity", f"{level.severity}: {level.description}"),
            ("clock runs", clock_text(a, level.hours, level.clock)),
        )
        ts.add(
            Computed(
                f"support.{level.severity}.response_minutes",
                f"Response time, {level.severity}",
                level.response_minutes,
                "minutes",
                None,
                "longest time to first response, set in the agreement",
                (*clock, ("response within", f"{fmt(level.response_minutes)} minutes")),
                AS_SET,
            )
        )
        ts.add(
            Computed(
                f"support.{level.severity}.resolution_hours",
                f"Resolution time, {level.severity}",
                level.resolution_hours,
                "hours",
                None,
                "longest time to resolution or workaround, set in the agreement",
                (*clock, ("resolution within", f"{fmt(level.resolution_hours)} hours")),
                AS_SET,
            )
        )
