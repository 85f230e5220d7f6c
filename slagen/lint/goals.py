"""Goals that can be checked: measured, owned, and per an interval."""

from __future__ import annotations

from collections.abc import Iterator

from .registry import Context, Finding, rule


@rule("SLA002", "goal-unmeasured", "goal without a measurement method (measured_by)")
def unmeasured(ctx: Context) -> Iterator[Finding]:
    """A goal nobody can check: it does not say how it is measured."""
    for i, g in enumerate(ctx.agreement.goals):
        if g.measured_by is None:
            yield Finding(
                ("goals", i), f"goal {g.id!r} does not say how it is measured: add measured_by (the source)"
            )


@rule("SLA003", "goal-unowned", "goal without an owner")
def unowned(ctx: Context) -> Iterator[Finding]:
    """A goal nobody answers for."""
    for i, g in enumerate(ctx.agreement.goals):
        if g.owner is None:
            yield Finding(("goals", i), f"goal {g.id!r} has no owner: name the person responsible (owner)")


@rule("SLA004", "goal-no-interval", "goal without an interval")
def no_interval(ctx: Context) -> Iterator[Finding]:
    """A target with no interval cannot be tracked or broken down."""
    for i, g in enumerate(ctx.agreement.goals):
        if g.interval is None:
            yield Finding(
                ("goals", i),
                f"goal {g.id!r} has no interval: say whether the target is per day, week, month, "
                "quarter or year",
            )
