"""Availability and rates over rolling windows, evaluated on the actuals.

With ``measured_per: rolling`` and ``rolling_days: N``, every window of N consecutive days that
ends on a day of the period is measured: its downtime is the sum of the ``downtime`` rows of its
days (a day without a row had no downtime, once the section has any row), its availability
``100 x (1 - downtime / (N x 1,440 - maintenance minutes))``, rounded down to 4 places (never more than measured), and
it is missed when its downtime is above what the target allows in its minutes outside the
planned maintenance the calendar schedules in it (``availability.downtime_minutes.window*``). Windows that would start before the term are not
evaluated: the agreement did not yet apply. Nor are windows with a day outside the days the
actuals measure (:func:`measured_days`: from the first to the last day a ``downtime`` row or a
``service`` month gives): such a window is not yet measured, and is never taken as met for
want of downtime rows.

A rate goal (``measure: average`` or ``share``) with ``rolling_days: N`` is evaluated the same
way over its events (:func:`goal_windows`): every window of N days that ends in the period, and
starts in the term, is measured as the goal's kind forms its figure (the average of the events
in it, or the share within the limit), and met by the goal's comparison; a window without
events is not judged. A period is met when every window judged in it is, and its figure is the
worst window's. Events give no end to what was measured, so only the file's ``covers`` period
does: with one, a window with a day outside it is not yet measured (without one, every window
is judged on the events the file lists).

Every window ending in the period is counted once: evaluated (judged), before the term
(skipped), not yet measured, or (a rate goal's) without events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from slagen.agreement.model import Agreement, Goal
from slagen.agreement.period import Period
from slagen.targets.availability import (
    MINUTES_A_DAY,
    availability_over,
    downtime_for_minutes,
    maintenance_rules,
)
from slagen.targets.calendar import maintenance_minutes

from .measures import measure_of_kind
from .records import Actuals


@dataclass(frozen=True)
class Window:
    """One rolling window: its days, downtime and availability, and whether it met the target."""

    start: date
    end: date
    downtime: Decimal
    availability: Decimal
    """Over the window's minutes outside the planned maintenance the calendar schedules in it."""
    met: bool
    allowed: Decimal
    """Downtime minutes the target allows in this window (its minutes less its maintenance)."""


@dataclass(frozen=True)
class RollingResult:
    """The rolling windows ending in a period."""

    days: int
    """N, the length of each window."""
    target: Decimal
    windows: tuple[Window, ...]
    """Every window evaluated, by end day."""
    skipped: int
    """Windows ending in the period that would start before the term."""
    unmeasured: int = 0
    """Windows ending in the period (in the term) with a day the actuals do not measure."""
    measured: tuple[date, date] | None = None
    """The first and last day the actuals measure the downtime of (see :func:`measured_days`)."""

    @property
    def allowed(self) -> tuple[Decimal, ...]:
        """The downtime the windows allow, each amount once, least first (windows holding more
        planned maintenance allow less)."""
        return tuple(sorted({w.allowed for w in self.windows}))

    @property
    def missed(self) -> tuple[Window, ...]:
        """The windows over the allowed downtime."""
        return tuple(w for w in self.windows if not w.met)

    @property
    def worst(self) -> Window | None:
        """The window with the lowest availability (the earliest of equals): of equal downtime,
        the one with the most planned maintenance, measured over the fewest minutes."""
        return min(self.windows, key=lambda w: (w.availability, w.end.toordinal()), default=None)


def measured_days(actuals: Actuals) -> tuple[date, date] | None:
    """The first and last day whose downtime the actuals give: the days of the file's ``covers``
    period when it states one; else a ``downtime`` row gives its day, a ``service`` month every
    day of the month; None without either. A day in between without a row had no downtime."""
    if actuals.covers is not None:
        return actuals.covers.start, actuals.covers.end
    days = [d.day for d in actuals.downtime]
    first = days + [m.month.start for m in actuals.service]
    last = days + [m.month.end for m in actuals.service]
    return (min(first), max(last)) if first else None


def rolling_windows(agreement: Agreement, actuals: Actuals, period: Period) -> RollingResult | None:
    """The rolling windows ending in ``period``; None when availability is not measured so or
    the actuals have no ``downtime`` rows."""
    av = agreement.inputs.availability
    if av is None or av.measured_per != "rolling" or av.rolling_days is None or not actuals.downtime:
        return None
    n = av.rolling_days
    per_day = {d.day: d.minutes for d in actuals.downtime}
    rules = maintenance_rules(av, agreement.calendar)
    span = measured_days(actuals)
    assert span is not None  # the actuals have downtime rows
    first, last = span
    windows = []
    skipped = unmeasured = 0
    end = period.start
    while end <= period.end:
        start = end - timedelta(days=n - 1)
        if start < agreement.term.start:
            skipped += 1
        elif start < first or end > last:
            unmeasured += 1
        else:
            down = sum((per_day.get(start + timedelta(days=i), Decimal(0)) for i in range(n)), Decimal(0))
            measured = n * MINUTES_A_DAY - maintenance_minutes(rules, start, end)
            allowed = downtime_for_minutes(av.target, Fraction(measured))
            windows.append(
                Window(start, end, down, availability_over(down, measured), down <= allowed, allowed)
            )
        end += timedelta(days=1)
    return RollingResult(n, av.target, tuple(windows), skipped, unmeasured, span)


@dataclass(frozen=True)
class RateWindow:
    """One rolling window of a rate goal: its days, figure and whether it met the target."""

    start: date
    end: date
    value: Decimal
    met: bool


@dataclass(frozen=True)
class GoalWindows:
    """The rolling windows of a rate goal that end in a period."""

    days: int
    windows: tuple[RateWindow, ...]
    """Every window judged (with events), by end day."""
    skipped: int
    """Windows ending in the period that would start before the term."""
    empty: int
    """Windows without events: not judged."""
    at_most: bool
    """Whether the target is a ceiling (the worst window is then the highest)."""
    unmeasured: int = 0
    """Windows ending in the period (in the term) with a day outside the actuals' ``covers``."""
    measured: tuple[date, date] | None = None
    """The first and last day the actuals cover, when they say (``covers``)."""

    @property
    def missed(self) -> tuple[RateWindow, ...]:
        """The windows that missed the target."""
        return tuple(w for w in self.windows if not w.met)

    @property
    def worst(self) -> RateWindow | None:
        """The window with the worst figure (the earliest of equals)."""
        if not self.windows:
            return None
        sign = 1 if self.at_most else -1
        return max(self.windows, key=lambda w: (sign * w.value, -w.end.toordinal()))


def _met(comparison: str, value: Decimal, target: Decimal) -> bool:
    if comparison == "at-least":
        return value >= target
    if comparison == "at-most":
        return value <= target
    return value == target


def goal_windows(
    agreement: Agreement,
    actuals: Actuals,
    goal: Goal,
    measure: str,
    target: Decimal,
    period: Period,
    limit: tuple[str, Decimal] | None = None,
) -> GoalWindows:
    """The rolling windows of ``goal`` (with ``rolling_days``) that end in ``period``, each
    measured by ``measure`` as the goal's kind forms its figure and judged against ``target``."""
    assert goal.rolling_days is not None
    n = goal.rolling_days
    judged: list[RateWindow] = []
    skipped = empty = unmeasured = 0
    covers = actuals.covers
    end = period.start
    while end <= period.end:
        start = end - timedelta(days=n - 1)
        if start < agreement.term.start:
            skipped += 1
        elif covers is not None and (start < covers.start or end > covers.end):
            unmeasured += 1
        else:
            window = Period(f"{start}..{end}", start, end)
            m = measure_of_kind(actuals, measure, window, goal.measure, goal.comparison, limit)
            if m.value is None:
                empty += 1
            else:
                judged.append(RateWindow(start, end, m.value, _met(goal.comparison, m.value, target)))
        end += timedelta(days=1)
    span = None if covers is None else (covers.start, covers.end)
    return GoalWindows(n, tuple(judged), skipped, empty, goal.comparison == "at-most", unmeasured, span)
