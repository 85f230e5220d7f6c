"""``slagen targets``: every computed target with its derivation, as a table or as JSON.

The JSON is stable: keys sorted, every number a string holding the exact
decimal (``"5000.00"``, never a float), so scripts can read it without loss.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from slagen.agreement.load import load_agreement
from slagen.agreement.model import Agreement
from slagen.agreement.period import Period, in_term
from slagen.util.keypath import format_path

from ..errors import AgreementError, Problem, UsageError
from . import compute_targets
from .base import Computed, GoalTarget, TargetError, TargetSet


def period_for(agreement: Agreement, label: str | None) -> Period:
    """The period ``--period`` names (default: the agreement's), clipped to the term; a usage
    error when it is not a period or misses the term. The one check every command with
    ``--period`` uses."""
    t = agreement.term
    try:
        return in_term(t.period if label is None else label, t.start, t.end)
    except ValueError as exc:
        raise UsageError(f"--period: {exc}") from None


def _num(d: Any) -> Any:
    return None if d is None else format(d, "f")


def _value_json(c: Computed) -> dict[str, Any]:
    return {
        "label": c.title(),
        "value": _num(c.value),
        "unit": c.unit,
        "per": c.per,
        "formula": c.how(),
        "inputs": [{"name": k, "value": v} for k, v in c.given()],
        "rounding": c.rule(),
    }


def _goal_json(g: GoalTarget) -> dict[str, Any]:
    return {
        "value": _num(g.value),
        "unit": g.unit,
        "per": g.per,
        "computed": g.computed.name if g.computed else None,
        "period_total": _num(g.period_total),
        "rounding": g.rounding or None,
        "breakdown": [
            {
                "interval": r.interval,
                "label": r.label,
                "start": r.start.isoformat(),
                "end": r.end.isoformat(),
                "days": r.days,
                "value": _num(r.value),
            }
            for r in g.breakdown
        ],
        "goal_lines": [
            {
                "month": m.month,
                "goal": _num(m.goal),
                "days": m.days,
                "per_day": _num(m.per_day),
                "cumulative": [_num(p.cumulative) for p in m.points],
            }
            for m in g.goal_lines
        ],
    }


def render_json(agreement: Agreement, ts: TargetSet) -> str:
    """The target set as stable JSON (sorted keys, decimals as strings)."""
    p = ts.period
    data = {
        "agreement": agreement.id,
        "period": {
            "label": p.label,
            "start": p.start.isoformat(),
            "end": p.end.isoformat(),
            "days": p.days,
            "whole_days": p.whole_days,
            "partial": p.partial,
        },
        "values": {name: _value_json(c) for name, c in ts.values.items()},
        "goals": {gid: _goal_json(g) for gid, g in ts.goals.items()},
        "warnings": [{"path": format_path(w.path), "message": w.message} for w in ts.warnings],
    }
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _amount(value: Any, unit: str, per: str | None) -> str:
    text = format(value, "f")
    sep = "" if unit == "%" else " "
    return f"{text}{sep}{unit}" + (f" per {per}" if per else "")


def render_table(agreement: Agreement, ts: TargetSet) -> str:
    """The target set as text: each value with its derivation, then the goals for the period."""
    p = ts.period
    days = f"{p.days} of its {p.whole_days} days" if p.partial else f"{p.days} days"
    out = [f"Targets of {agreement.id} for {p.label} ({p.start} to {p.end}, {days})", ""]
    out.append("Computed targets")
    if not ts.values:
        out.append("  (none: the agreement has no inputs)")
    for name, c in ts.values.items():
        out.append(f"{name}: {_amount(c.value, c.unit, c.per)}")
        out.append(f"  {c.title()} = {c.how()}")
        out.extend(f"    {k}: {v}" for k, v in c.given())
        out.append(f"  rounding: {c.rule()}")
    out += ["", f"Goals for {p.label}"]
    for gid, g in ts.goals.items():
        source = f" ({g.computed.name})" if g.computed else ""
        out.append(f"{gid}: {_amount(g.value, g.unit, g.per)}{source}")
        if g.period_total is None:
            continue
        out.append(f"  over {p.label}: {_amount(g.period_total, g.unit, None)}")
        out.append(f"  rounding: {g.rounding}")
        for level in ("quarter", "month", "week"):
            rows = [r for r in g.breakdown if r.interval == level]
            if rows:
                out.append(f"  by {level}:")
                out.extend(
                    f"    {r.label:<9} {r.start} to {r.end} {r.days:>3} days  {format(r.value, 'f')}"
                    for r in rows
                )
        out.append("  daily goal line (g / n a day; cumulative d x g / n, to 2 places):")
        out.extend(
            f"    {m.month}: {format(m.per_day, 'f')} a day over {m.days} days, reaching {format(m.goal, 'f')}"
            for m in g.goal_lines
        )
    return "\n".join(out) + "\n"


def targets_report(path: str, period: str | None, fmt_: str) -> tuple[str, list[Problem]]:
    """Load ``path`` and return the report of its targets for ``period``, and its warnings."""
    loaded = load_agreement(Path(path), display=path)
    a = loaded.agreement
    try:
        ts = compute_targets(a, period_for(a, period))
    except TargetError as exc:  # pragma: no cover - validation computes the same targets first
        raise AgreementError([loaded.source.problem(exc.path, exc.message)]) from None
    text = render_json(a, ts) if fmt_ == "json" else render_table(a, ts)
    return text, list(loaded.warnings)
