"""The meaning of an agreement: references resolve, dates are ordered, terms make sense.

Structure and types are the model's job; this pass checks what only the whole
agreement can tell, and returns every problem at the line it comes from.

Each check is a small function registered in :data:`~.registry.CHECKS` by the
module that holds it (the shape of :mod:`slagen.lint.registry`); importing the
modules below registers them. :func:`semantic_problems` runs them all.
"""

from __future__ import annotations

from pathlib import Path

from slagen.agreement.model import Agreement
from slagen.agreement.source import Source
from slagen.errors import Problem
from slagen.targets import TargetError, TargetSet, compute_targets
from slagen.util.text import did_you_mean

from . import (
    calendars,
    cancellation,
    clauses,
    ids,
    inputs,
    obligations,
    parties,
    presentation,
    references,
    term,
    units,
)
from .obligations import funnel_problems
from .references import reference_problems
from .registry import CHECKS, Check, Context, Finding, check

__all__ = [
    "CHECKS",
    "Check",
    "Context",
    "Finding",
    "calendars",
    "cancellation",
    "check",
    "clauses",
    "ids",
    "inputs",
    "obligations",
    "parties",
    "presentation",
    "reference_problems",
    "references",
    "semantic_problems",
    "target_problems",
    "term",
    "units",
]


def semantic_problems(a: Agreement, src: Source, file: Path) -> list[Problem]:
    """Every semantic problem in ``a`` but those of its computed targets (see
    :func:`target_problems`, which needs inputs that make sense): the findings of every
    registered check."""
    data = src.data if isinstance(src.data, dict) else a.model_dump(mode="python")
    ctx = Context(a, src, file, data)
    return [src.problem(f.path, f.message, severity=f.severity) for c in CHECKS.values() for f in c.run(ctx)]


def target_problems(a: Agreement, src: Source) -> tuple[TargetSet | None, list[Problem]]:
    """The targets for the term's period (without daily goal lines; None when they cannot be
    computed), and their problems: goals name targets that exist, no input divides by zero,
    and the targets' warnings (e.g. follow-up over capacity)."""
    out: list[Problem] = []
    try:
        targets = compute_targets(a, goal_lines=False, holidays=False)
    except TargetError as exc:
        return None, [src.problem(exc.path, exc.message)]
    for i, g in enumerate(a.goals):
        name = g.target.computed
        if name is not None and name not in targets.values:
            hint = did_you_mean(name, targets.values)
            available = (
                ", ".join(sorted(targets.values)) or "none: the agreement's inputs give no computed targets"
            )
            out.append(
                src.problem(
                    ("goals", i, "target", "computed"),
                    f"no computed target named {name!r}{hint}; available: {available}",
                )
            )
    for i, g in enumerate(a.goals):
        name = g.limit.target.computed if g.limit is not None else None
        if name is not None and name not in targets.values:
            out.append(
                src.problem(
                    ("goals", i, "limit", "target", "computed"),
                    f"no computed target named {name!r}{did_you_mean(name, targets.values)}",
                )
            )
    out.extend(funnel_problems(a, src, {k: c.value for k, c in targets.values.items()}))
    for w in targets.warnings:
        out.append(src.problem(w.path, w.message, severity="warning"))
    return targets, out
