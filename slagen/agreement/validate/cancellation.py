"""What a cancellation condition counts: misses in a row, of goals compared the right way."""

from __future__ import annotations

from collections.abc import Iterator

from .registry import Context, Finding, check


@check("cancellation-counts", "cancellation conditions say what they count, of goals that can fall below")
def cancellation_counts(ctx: Context) -> Iterator[Finding]:
    """``goals`` and ``below`` only with ``missed_in_a_row``; ``below`` needs ``goals``,
    and those goals are compared ``at-least``."""
    a = ctx.agreement
    goals = {g.id: g for g in a.goals}
    for i, c in enumerate(a.cancellation.conditions if a.cancellation else []):
        at = ("cancellation", "conditions", i)
        if c.missed_in_a_row is None:
            for key in ("goals", "below"):
                if getattr(c, key) is not None:
                    yield Finding(
                        (*at, key), f"'{key}' says what 'missed_in_a_row' counts; this condition has no count"
                    )
        elif c.below is not None and c.goals is None:
            yield Finding((*at, "below"), "'below' needs 'goals': the goals whose actual it is compared with")
        if c.below is not None:
            for j, ident in enumerate(c.goals or []):
                goal = goals.get(ident)
                if goal is not None and goal.comparison != "at-least":
                    yield Finding(
                        (*at, "goals", j),
                        f"'below' counts falling under a floor, so its goals are compared 'at-least'; "
                        f"{ident!r} is '{goal.comparison}'",
                    )
