"""What a change to an agreement's calendar does to its period: holidays added or removed, and
deliveries that now fall on another day.

Two versions can name the same dates differently (a holiday calendar from another subdivision,
a changed period, a delivery schedule on another weekday): the terms diff shows the keys that
changed, this shows what they mean for the period's days. Both versions' holidays and
deliveries are computed from their own holiday calendars (:func:`full_targets`), which
validation leaves out (it loads no holiday data).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from slagen.agreement.load import Loaded
from slagen.agreement.model import Agreement

from ..targets import TargetSet, compute_targets

Kind = Literal["holiday added", "holiday removed", "holiday renamed", "delivery moved"]


@dataclass(frozen=True)
class CalendarChange:
    """One day of the period that the change makes different."""

    kind: Kind
    text: str
    """E.g. ``Stratus Cloud Services GmbH: Sunday 1 November 2026, All Saints' Day``."""


def uses_holidays(a: Agreement) -> bool:
    """Whether the agreement has figures that come from holiday calendars."""
    cal = a.calendar
    return cal is not None and bool(cal.holidays or cal.business_hours or cal.deliveries)


def full_targets(loaded: Loaded) -> TargetSet:
    """The period's targets with the figures of the holiday calendars (holidays, business days,
    deliveries); the validated targets when the agreement has none. Raises
    :class:`~slagen.targets.TargetError`."""
    if not uses_holidays(loaded.agreement):
        return loaded.term_targets()
    return compute_targets(loaded.agreement, goal_lines=False, holidays=True)


def day_text(d: date) -> str:
    """``Friday 2026-12-25``."""
    return f"{d:%A} {d.isoformat()}"


def _party(a: Agreement, party: str) -> str:
    try:
        return a.party(party).name
    except StopIteration:
        return party


def diff_calendar(old_a: Agreement, old: TargetSet, new_a: Agreement, new: TargetSet) -> list[CalendarChange]:
    """The holidays and deliveries of the period that differ between two versions."""
    out: list[CalendarChange] = []
    for party in [*new.holidays, *(p for p in old.holidays if p not in new.holidays)]:
        before, after = dict(old.holidays.get(party, ())), dict(new.holidays.get(party, ()))
        a = new_a if party in new.holidays else old_a
        for d in sorted(set(before) | set(after)):
            where = f"{_party(a, party)}: {day_text(d)}"
            if d not in before:
                out.append(CalendarChange("holiday added", f"{where}, {after[d]}"))
            elif d not in after:
                out.append(CalendarChange("holiday removed", f"{where}, {before[d]}"))
            elif before[d] != after[d]:
                out.append(CalendarChange("holiday renamed", f"{where}: {before[d]} -> {after[d]}"))
    for sid, made in new.deliveries.items():
        was = {x.due: x.made for x in old.deliveries.get(sid, ())}
        for x in made:
            if x.due in was and was[x.due] != x.made:
                out.append(
                    CalendarChange(
                        "delivery moved",
                        f"{sid}, due {day_text(x.due)}: {_made(was[x.due])} -> {_made(x.made)}",
                    )
                )
    return out


def _made(d: date | None) -> str:
    return "skipped" if d is None else f"made {day_text(d)}"
