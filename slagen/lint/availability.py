"""Availability promises: five nines or more is a promise few services keep."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..targets.availability import downtime_for_days, format_duration
from .registry import Context, Finding, rule

FIVE_NINES = Decimal("99.999")
YEAR_DAYS = Decimal("365.25")
ROUNDING = "365.25-day year, to the second, half-up"


def _pct(d: Decimal) -> str:
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def nines_message(target: Decimal) -> str:
    """The reason of SLA001 for ``target``, with the allowed downtime a year spelled out."""
    if target >= 100:
        return "100% availability allows no downtime at all: no service can keep that promise"
    allowed = format_duration(downtime_for_days(target, YEAR_DAYS))
    one_more = Decimal(100) - (Decimal(100) - target) / 10
    return (
        f"{_pct(target)}% allows {allowed} of downtime a year ({ROUNDING}): "
        f"one misplaced 9 makes it {format_duration(downtime_for_days(one_more, YEAR_DAYS))}; "
        "make sure the service can keep it"
    )


@rule("SLA001", "five-nines", "availability target of 99.999% or more")
def five_nines(ctx: Context) -> Iterator[Finding]:
    """Availability targets of five nines or more, with what they allow."""
    av = ctx.agreement.inputs.availability
    if av is not None and av.target >= FIVE_NINES:
        yield Finding(("inputs", "availability", "target"), nines_message(av.target))
    for i, g in enumerate(ctx.agreement.goals):
        text = f"{g.metric} {g.id}".lower()
        is_uptime = g.unit.strip() == "%" and ("availab" in text or "uptime" in text)
        if is_uptime and g.target.value is not None and g.target.value >= FIVE_NINES:
            yield Finding(("goals", i, "target", "value"), nines_message(g.target.value))
