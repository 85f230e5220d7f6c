"""The targets that move, as the redline's first page lists them: each target named, and each
figure written, as the document of its version names and writes it, in the document's language.

``slagen diff``'s own text, Markdown and JSON are command-line output and stay English
(:mod:`slagen.diff.present`); the redline is a document, so a computed target is named by its
label in the appendix ("Leady potrzebne") and written as the appendix writes it ("150 leadów
miesięcznie", "7500,00 USD miesięcznie"), and a goal's total by its goal and the words the goal
states it in ("450 leadów w okresie 2026-Q4"), with the goal's own plural forms of its unit.
"""

from __future__ import annotations

from decimal import Decimal

from ..agreement.load import Loaded
from ..diff.compare import AgreementDiff, TargetChange
from ..i18n import gettext, pgettext
from ..render import formatting as f
from ..render.context.targets import derivation
from ..targets import TargetSet

NONE = "—"


def target_rows(diff: AgreementDiff) -> list[list[str]]:
    """One row per target that moves: its name, old and new figure, and change (call inside
    the document's locale)."""
    (old, new), (old_ts, new_ts) = diff.versions, diff.target_sets
    rows = []
    for t in diff.targets:
        shown, ts = (new, new_ts) if t.new is not None else (old, old_ts)
        rows.append(
            [
                _name(t, shown, ts),
                _figure(t, t.old, old, old_ts),
                _figure(t, t.new, new, new_ts),
                change(t),
            ]
        )
    return rows


def _name(t: TargetChange, version: Loaded | None, ts: TargetSet | None) -> str:
    if t.goal is not None and version is not None:
        return next((g.metric for g in version.agreement.goals if g.id == t.goal), t.goal)
    if ts is not None and t.name in ts.values:
        return ts.values[t.name].title(gettext)
    return t.title


def _figure(t: TargetChange, value: Decimal | None, version: Loaded | None, ts: TargetSet | None) -> str:
    """``value`` as ``version``'s document writes it (``—`` when the version has no such target)."""
    if value is None or version is None or ts is None:
        return NONE
    a = version.agreement
    cur = a.inputs.currency
    if t.goal is not None:
        goal = next((g for g in a.goals if g.id == t.goal), None)
        forms = {str(k): v for k, v in goal.unit_forms.items()} if goal and goal.unit_forms else None
        total = f.quantity(value, t.unit, cur, forms)
        return gettext("%(total)s over %(period)s") % {"total": total, "period": ts.period.label}
    if t.name in ts.values:
        shown = derivation(ts.values[t.name], cur, ts)
        return f"{shown.value} {shown.per}" if shown.per else shown.value
    return f.quantity(value, t.unit, cur)


def change(t: TargetChange) -> str:
    """The relative change in the current locale (``+50%``, ``−16,7%``); a share's change in
    percentage points (``+0,05 p.p.``); a target that appears or goes away says so."""
    if t.old is None:
        return pgettext("target change", "new")
    if t.new is None:
        return pgettext("target change", "removed")
    if t.unit == "%":  # a share moves by points: 99.9% -> 99.95% is +0.05 pp, not +0.05%
        points = t.new - t.old
        exponent = points.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        text = pgettext("percentage points", "%(points)s pp") % {"points": f.fixed(points, places)}
        return f"+{text}" if points > 0 else text
    pct = t.percent
    if pct is None:
        return pgettext("target change", "from 0")
    return f"+{f.percent(pct)}" if pct > 0 else f.percent(pct)
