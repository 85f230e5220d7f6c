"""A goal's commitment in words: what its figure is (a total, an average, a limit for each
event, a share of events) and per what, the same in every style.

    total      at least 100 leads a month
    average    at most 60 minutes per lead handed off, averaged over each week
    per-event  at least 6 attempts for each lead not yet connected
    share      at most 15 minutes for each severity-1 incident, met for at least 95% of them
               in each month

The target (and a share's limit) come in already formatted, in figures or in words, so the
legal style's "one hundred (100) leads" and the other styles' "100 leads" read alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from .formatting import per

EACH = {
    "day": "each day",
    "week": "each week",
    "month": "each month",
    "quarter": "each quarter",
    "year": "each year",
}
KIND_LABELS = {
    "total": "total over each interval",
    "average": "average over each interval",
    "per-event": "limit for each event",
    "share": "share of events within a limit",
}


@dataclass(frozen=True)
class Commitment:
    """What a goal's statement is made of (every figure already formatted)."""

    measure: str | None
    comparison: str
    """``at least``, ``at most``, ``exactly``."""
    target: str
    interval: str | None
    event: str | None = None
    limit_comparison: str = ""
    limit: str = ""
    window: int | None = None
    """Days of the rolling window a rate is measured over, instead of ``interval``."""


def statement(c: Commitment) -> str:
    """The whole commitment in one phrase (see the module's examples); a rate measured over
    rolling windows says ``every rolling window of 28 consecutive days`` for its interval."""
    each = EACH.get(c.interval or "", "")
    if c.window is not None and c.measure in ("average", "share"):
        each = f"every rolling window of {c.window} consecutive days"
    if c.measure == "average" and c.event:
        tail = f", averaged over {each}" if each else ", on average"
        return f"{c.comparison} {c.target} per {c.event}{tail}"
    if c.measure == "per-event" and c.event:
        return f"{c.comparison} {c.target} for each {c.event}"
    if c.measure == "share" and c.event and c.limit:
        tail = f" in {each}" if each else ""
        return f"{c.limit_comparison} {c.limit} for each {c.event}, met for {c.comparison} {c.target} of them{tail}"
    return " ".join(x for x in (c.comparison, c.target, per(c.interval)) if x)


def kind_label(measure: str | None, accrues: bool) -> str:
    """What the figure is, as a table column states it: ``average over each interval``."""
    if measure is None:
        return KIND_LABELS["total"] if accrues else "not stated"
    return KIND_LABELS[measure]
