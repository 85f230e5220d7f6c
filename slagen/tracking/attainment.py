"""Attainment: each goal's target against what the actuals say happened, and what follows.

For a period, each goal gets its target (from :func:`~slagen.targets.compute_targets`:
the period's total for goals that accrue, else the target per interval), its actual
(a measure of the actuals, see :mod:`slagen.tracking.measures`), and met or missed
by its comparison. Each reporting interval of the period (a month, unless the
agreement reports per quarter or year) is judged the same way; an interval with a
missed goal is a missed interval. From those follow the missed-goal plan (strikes
in the strikes window), the cancellation conditions counted in missed intervals in
a row, service credits, and the funnel's inputs recalculated from tracked figures.

A cancellation condition or a strikes rule may name the goals it counts (``goals``),
and a condition a floor (``below``) that counts an interval when one of its goals'
actuals falls under it; without them, an interval with any missed goal counts. A
goal whose interval is longer than the period judged (a quarterly goal in a month)
is not judged there: its target is for the whole of its interval.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import Literal

from slagen.agreement.model import Agreement, Goal
from slagen.agreement.period import Period, next_period, period_containing
from slagen.errors import SlagenError
from slagen.i18n import gettext as _
from slagen.i18n import ngettext, using
from slagen.targets import (
    FigureError,
    MonthCredit,
    MonthTotal,
    Recalculated,
    TargetSet,
    TrackedFigures,
    all_credits,
    compute_targets,
    credits_over_months,
    monthly_charge,
    next_period_targets,
    recalculate,
)
from slagen.targets.rounding import CENT, HUNDRED, round_to
from slagen.tracking import Actuals, default_measure, measure
from slagen.tracking.clock import on_the_clock
from slagen.tracking.goal_credits import GoalCredit, goal_credits, intervals_ending_in
from slagen.tracking.measures import measure_of_kind, planned_maintenance
from slagen.tracking.rolling import RateWindow, RollingResult, Window, goal_windows, rolling_windows

from . import words

#: ``not yet measured``: availability over rolling windows, none missed so far, but some windows
#: ending in the period hold days the actuals do not measure yet (met only once every one is).
Status = Literal["met", "missed", "no data", "not judged", "not yet measured"]
#: Why there is no recalculation (see :class:`NoRecalculation`).
Gap = Literal["funnel", "tracked", "figures"]
#: Intervals from short to long: a goal is judged only over periods at least as long as its interval.
_LENGTH = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
#: Most intervals looked back over when counting missed intervals in a row.
LOOK_BACK = 120


@dataclass(frozen=True)
class GoalResult:
    """One goal over one period: target, actual, and whether it was met."""

    goal_id: str
    metric: str
    party: str
    unit: str
    comparison: str
    period: Period
    target: Decimal | None
    actual: Decimal | None
    status: Status
    basis: str
    """How the actual was found, in words (e.g. ``qualified_leads: sum of 31 days``)."""
    window_days: int | None = None
    """N when the goal was judged over the rolling windows of N days that end in the period."""


@dataclass(frozen=True)
class IntervalResult:
    """Every goal over one reporting interval."""

    period: Period
    goals: tuple[GoalResult, ...]

    @property
    def missed(self) -> bool:
        """Whether any goal was missed in the interval."""
        return any(g.status == "missed" for g in self.goals)

    def counts(self, goals: frozenset[str] | None, below: Decimal | None = None) -> bool | None:
        """Whether the interval counts against a rule on ``goals`` (None: every goal): one of
        them missed, or with ``below``, its actual under it; None when none of them has data."""
        mine = [g for g in self.goals if goals is None or g.goal_id in goals]
        if below is not None:
            actuals = [g.actual for g in mine if g.actual is not None and g.status != "not judged"]
            if any(x < below for x in actuals):
                return True
            # a figure of windows not all measured yet may still fall under the floor
            return None if not actuals or any(g.status == "not yet measured" for g in mine) else False
        judged = [g for g in mine if g.status in ("met", "missed")]
        return any(g.status == "missed" for g in judged) if judged else None


@dataclass(frozen=True)
class Strikes:
    """The strikes counted in the strikes window that holds the period's end."""

    window: Period
    count: int
    limit: int
    reached: bool
    consequence: str
    goals: tuple[str, ...] | None
    """The goals whose misses are strikes (None: any goal)."""


@dataclass(frozen=True)
class MissedPlan:
    """What the agreement's plan says happens when goals are missed."""

    applies: bool
    """Whether any goal was missed in the period."""
    consequences: tuple[str, ...]
    diagnosed_by: tuple[str, ...]
    """Names and roles of the people who diagnose under-performance."""
    recovery: str | None
    strikes: Strikes | None


@dataclass(frozen=True)
class CancellationCheck:
    """One cancellation condition, and whether the actuals meet it."""

    text: str
    missed_in_a_row: int | None
    met: bool | None
    """None when the condition is not a count of missed intervals (judged by people)."""
    in_a_row: int
    """The intervals in a row that count, up to the period's last one with data."""
    goals: tuple[str, ...] | None
    """The goals the condition counts (None: any goal)."""
    below: Decimal | None
    """The floor their actuals are compared with (None: their targets)."""


@dataclass(frozen=True)
class Recalculation:
    """The funnel's inputs recalculated from the period's tracked figures, and what they imply."""

    figures: TrackedFigures
    months: tuple[str, ...]
    result: Recalculated
    next_period: Period
    current: TargetSet
    """The next period's targets from the agreement's inputs as they stand."""
    implied: TargetSet
    """The next period's targets from the recalculated inputs."""


@dataclass(frozen=True)
class Attainment:
    """Everything a tracking report shows for one period."""

    period: Period
    interval: str
    """The reporting interval the period is judged in (month, quarter or year)."""
    goals: tuple[GoalResult, ...]
    intervals: tuple[IntervalResult, ...]
    missed_in_a_row: int
    """Missed intervals in a row, up to and including the last one of the period."""
    plan: MissedPlan
    cancellation: tuple[CancellationCheck, ...]
    credits: tuple[MonthCredit, ...]
    """The stepped (or linear) credits of ``inputs.service_credits``, month by month."""
    credit_total: Decimal | None
    """Sum of the period's credit amounts (all credits of each month together, under the caps),
    when the agreement states the monthly charge."""
    recalculation: Recalculation | None
    recalculation_note: str | None
    """Why there is no recalculation (no funnel, no tracked month, a figure that prevents it), as
    the command line says it."""
    goal_credits: tuple[GoalCredit, ...] = ()
    """The credits of goals (``goals[].credits``) in each month of the period."""
    month_credits: tuple[MonthTotal, ...] = ()
    """Each month's credits together under the caps, when any goal has credits."""
    credit_window_days: int | None = None
    """N when each month's availability for its tier credit is the lowest of the rolling windows
    of N days that end in it."""
    credits_unknown: tuple[str, ...] = ()
    """The months of the period (``YYYY-MM``) whose credits are not known yet: not every day of
    them is measured (see :func:`_credits_unknown`); :attr:`credit_total` leaves them out."""
    no_recalculation: tuple[Gap, str] | None = None
    """Why there is no recalculation, for a document to word: :attr:`NoRecalculation.gap` and
    :attr:`NoRecalculation.why`."""


def _missed(n: int) -> str:
    return _("%(n)s missed") % {"n": n}


def _before_term(n: int) -> str:
    return _("%(n)s starting before the term") % {"n": n}


def _not_yet_measured(n: int, span: tuple[date, date], downtime: bool = False) -> str:
    """``20 not yet measured: the actuals cover 01/10/2026 to 10/11/2026`` (or, read from the
    downtime rows without ``covers``, ``the downtime is measured ...``)."""
    first, last = span
    text = (
        _("%(n)s not yet measured: the downtime is measured %(first)s to %(last)s")
        if downtime
        else _("%(n)s not yet measured: the actuals cover %(first)s to %(last)s")
    )
    return text % {"n": n, "first": words.day(first), "last": words.day(last)}


def _windows_basis(
    name: str, days: int, period: Period, parts: list[str], worst: Window | RateWindow | None
) -> str:
    """``availability: rolling windows of 30 days ending in 2026-11 (30 evaluated, 14 missed);
    the worst 24/10/2026 to 22/11/2026``."""
    text = ngettext(
        "%(name)s: rolling windows of %(n)s day ending in %(period)s (%(parts)s)",
        "%(name)s: rolling windows of %(n)s days ending in %(period)s (%(parts)s)",
        days,
    ) % {"name": name, "n": days, "period": period.label, "parts": ", ".join(parts)}
    if worst is not None:
        text += _("; the worst %(start)s to %(end)s") % {
            "start": words.day(worst.start),
            "end": words.day(worst.end),
        }
    return text


def _per_day() -> str:
    return _("a goal per day: judged over %(whole)s as a whole, not over %(period)s")


def _per_week() -> str:
    return _("a goal per week: judged over %(whole)s as a whole, not over %(period)s")


def _per_month() -> str:
    return _("a goal per month: judged over %(whole)s as a whole, not over %(period)s")


def _per_quarter() -> str:
    return _("a goal per quarter: judged over %(whole)s as a whole, not over %(period)s")


def _per_year() -> str:
    return _("a goal per year: judged over %(whole)s as a whole, not over %(period)s")


#: ``a goal per quarter: judged over %(whole)s as a whole, not over %(period)s``, by the goal's
#: interval: one message each (a language words each interval its own way), read when called so
#: it is in the current locale.
PER_INTERVAL: dict[str, Callable[[], str]] = {
    "day": _per_day,
    "week": _per_week,
    "month": _per_month,
    "quarter": _per_quarter,
    "year": _per_year,
}


def _settled(g: Goal, status: Status, worst_of: bool) -> bool:
    """Whether ``status`` of ``g`` over a period the actuals cover only in part stands whatever
    the days not yet measured hold: a total that already reached an ``at-least`` target (or
    passed an ``at-most`` one) can only grow, and one event over its limit misses a
    ``per-event`` goal, as one part missed misses a figure that is the ``worst_of`` its parts.
    Anything else waits for the rest of the period."""
    if worst_of:  # the parts still to come may miss, but cannot undo a miss
        return status == "missed"
    total = g.accrues or g.measure == "total"
    if status == "met":
        return total and g.comparison == "at-least"
    if status == "missed":
        return (total and g.comparison == "at-most") or g.measure == "per-event"
    return False


def _compare(comparison: str, actual: Decimal, target: Decimal) -> bool:
    if comparison == "at-least":
        return actual >= target
    if comparison == "at-most":
        return actual <= target
    return actual == target


class _Judge:
    """Goals against actuals, with each period's targets computed once."""

    def __init__(self, agreement: Agreement, actuals: Actuals) -> None:
        self.a = agreement
        self.actuals = actuals
        self.measures = {m.goal: m.measure for m in actuals.measures}
        self.planned = planned_maintenance(agreement)
        self.targets = cache(self._targets)
        self._windows = cache(lambda p: rolling_windows(agreement, actuals, p))

    def _targets(self, period: Period) -> TargetSet:
        return compute_targets(self.a, period)

    def goal(self, g: Goal, period: Period) -> GoalResult:
        gt = self.targets(period).goals.get(g.id)
        target = None if gt is None else (gt.period_total if g.accrues else gt.value)
        if target is not None and self.over_windows(g):
            return self._availability_windows(g, period, target)
        rolling = g.rolling_days is not None and g.measure in ("average", "share")
        if rolling and target is not None:
            rolled = self._rolling(g, period, target)
            if rolled is not None:
                return rolled
        if (
            not rolling
            and not g.accrues
            and g.interval is not None
            and _LENGTH[g.interval] > _LENGTH[_length(period)]
        ):
            return self._not_judged(g, period, target)
        actual, basis, worst_of = self._actual(g, period)
        status: Status = "no data"
        if target is not None and actual is not None:
            status = "met" if _compare(g.comparison, actual, target) else "missed"
        if not self.covered(period) and not _settled(g, status, worst_of):
            status = "not yet measured"
        return GoalResult(
            g.id, g.metric, g.party, g.unit, g.comparison, period, target, actual, status, basis
        )

    def covered(self, period: Period) -> bool:
        """Whether the actuals measure every day of ``period``: they do unless their ``covers``
        period leaves some out (without one, a file measures what it lists)."""
        c = self.actuals.covers
        return c is None or (c.start <= period.start and period.end <= c.end)

    def over_windows(self, g: Goal) -> bool:
        """Whether ``g`` is availability measured over rolling windows, with the actuals' downtime
        per day to measure them (without it, the months' figures stand in, and say so)."""
        return (
            _by_windows(self.a, self.actuals)
            and self.measure_name(g) == "availability"
            and not any(r.goal == g.id for r in self.actuals.goals)
        )

    def windows(self, period: Period) -> RollingResult | None:
        """The availability windows that end in ``period`` (computed once per period)."""
        return self._windows(period)

    def _availability_windows(self, g: Goal, period: Period, target: Decimal) -> GoalResult:
        """Availability promised for every rolling window: met in ``period`` when every window
        ending in it is, its actual the lowest window's availability (see :func:`rolling_windows`)."""
        r = self.windows(period)
        assert r is not None
        worst = r.worst
        status: Status = "no data" if worst is None else "missed" if r.missed else "met"
        if status != "missed" and r.unmeasured:
            status = "not yet measured"
        parts = [_("%(n)s evaluated") % {"n": len(r.windows)}, _missed(len(r.missed))]
        if r.skipped:
            parts.append(_before_term(r.skipped))
        if r.unmeasured and r.measured is not None:
            parts.append(_not_yet_measured(r.unmeasured, r.measured, self.actuals.covers is None))
        basis = _windows_basis("availability", r.days, period, parts, worst)
        actual = None if worst is None else worst.availability
        return GoalResult(
            g.id, g.metric, g.party, g.unit, g.comparison, period, target, actual, status, basis, r.days
        )

    def _rolling(self, g: Goal, period: Period, target: Decimal) -> GoalResult | None:
        """A rate goal over the rolling windows that end in ``period``: met when every window
        with events is, its actual the worst window's (see :func:`goal_windows`); None when the
        goal has no measure (its actual is then given directly)."""
        if any(r.goal == g.id for r in self.actuals.goals):
            return None
        name = self.measures.get(g.id) or default_measure(g.target.computed)
        if name is None and g.limit is not None:
            name = default_measure(g.limit.target.computed)
        if name is None:
            return None
        r = goal_windows(self.a, self.actuals, g, name, target, period, self._limit(g, period))
        worst = r.worst
        status: Status = "no data" if worst is None else "missed" if r.missed else "met"
        if status != "missed" and r.unmeasured:
            status = "not yet measured"
        parts = [_("%(n)s judged") % {"n": len(r.windows)}, _missed(len(r.missed))]
        if r.empty:
            parts.append(_("%(n)s without events") % {"n": r.empty})
        if r.skipped:
            parts.append(_before_term(r.skipped))
        if r.unmeasured and r.measured is not None:
            parts.append(_not_yet_measured(r.unmeasured, r.measured))
        basis = _windows_basis(name, r.days, period, parts, worst)
        return GoalResult(
            g.id,
            g.metric,
            g.party,
            g.unit,
            g.comparison,
            period,
            target,
            None if worst is None else worst.value,
            status,
            basis,
            r.days,
        )

    def _not_judged(self, g: Goal, period: Period, target: Decimal | None) -> GoalResult:
        """A goal per a longer interval than ``period``: its target is for the whole interval
        that holds the period (when it lies in the term), and it is judged there only."""
        whole = period_containing(period.start, g.interval or "month")
        if self.a.term.start <= whole.start and whole.end <= self.a.term.end:
            gt = self.targets(whole).goals.get(g.id)
            target = None if gt is None else gt.value
        else:
            whole = period
        basis = PER_INTERVAL[g.interval or "month"]() % {"whole": whole.label, "period": period.label}
        return GoalResult(
            g.id, g.metric, g.party, g.unit, g.comparison, whole, target, None, "not judged", basis
        )

    def judged(self, g: Goal, period: Period) -> tuple[Decimal | None, Decimal | None, str]:
        """The target, actual and status of ``g`` over ``period`` (for the credits of goals)."""
        r = self.goal(g, period)
        return r.target, r.actual, r.status

    def measure_name(self, g: Goal) -> str | None:
        """The measure a goal's actual is formed from, when the actuals do not give it."""
        name = self.measures.get(g.id) or default_measure(g.target.computed)
        if name is None and g.limit is not None:
            name = default_measure(g.limit.target.computed)
        return name

    def _actual(self, g: Goal, period: Period) -> tuple[Decimal | None, str, bool]:
        """The actual of ``g`` over ``period``, its basis, and whether it is the worst of the
        parts given (a part missed misses the period, whatever the others hold)."""
        rows = [
            r
            for r in self.actuals.goals
            if r.goal == g.id and period.start <= r.period.start <= r.period.end <= period.end
        ]
        exact = [r for r in rows if r.period == period]
        if exact:
            return exact[0].actual, _("given in the actuals"), False
        if rows:
            values = [r.actual for r in rows]
            if g.accrues:
                total = sum(values, Decimal(0))
                return total, _("given in the actuals: sum of %(n)s") % {"n": len(rows)}, False
            worst = max(values) if g.comparison == "at-most" else min(values)
            return worst, _("given in the actuals: the worst of %(n)s") % {"n": len(rows)}, True
        name = self.measure_name(g)
        if name is None:
            basis = _("no measure: name one in the actuals' measures section, or give the actual in goals")
            return None, basis, False
        m = measure_of_kind(
            self.actuals, name, period, g.measure, g.comparison, self._limit(g, period), self.planned
        )
        return m.value, f"{name}: {m.basis}", False

    def limit(self, g: Goal, period: Period) -> tuple[str, Decimal] | None:
        """A share goal's limit for ``period``: its comparison and value."""
        return self._limit(g, period)

    def _limit(self, g: Goal, period: Period) -> tuple[str, Decimal] | None:
        """A share goal's limit for ``period``: its comparison and value."""
        if g.limit is None:
            return None
        value = g.limit.target.value
        if g.limit.target.computed is not None:
            c = self.targets(period).values.get(g.limit.target.computed)
            value = None if c is None else c.value
        return None if value is None else (g.limit.comparison, value)

    def interval(self, period: Period) -> IntervalResult:
        return IntervalResult(period, tuple(self.goal(g, period) for g in self.a.goals))


def _length(period: Period) -> str:
    """``year``, ``quarter`` or ``month``: what kind of period ``period`` is."""
    return "year" if len(period.label) == 4 else "quarter" if "Q" in period.label else "month"


def judged_interval(agreement: Agreement) -> str:
    """The interval periods are judged in: the reporting interval, but at least a month."""
    every = agreement.term.reporting_interval
    return every if every in ("month", "quarter", "year") else "month"


def units(period: Period, interval: str) -> list[Period]:
    """The intervals of ``interval`` that make up ``period`` (the period itself when coarser)."""
    out = []
    day = period.start
    while day <= period.end:
        unit = period_containing(day, interval)
        if unit.start < period.start or unit.end > period.end:
            return [period]
        out.append(unit)
        day = unit.end + timedelta(days=1)
    return out


def _plan(
    a: Agreement, intervals: list[IntervalResult], judge: _Judge, interval: str, end: Period
) -> MissedPlan:
    mg = a.missed_goals
    strikes = None
    if mg.strikes is not None:
        s = mg.strikes
        goals = frozenset(s.goals) if s.goals else None
        window = period_containing(end.end, s.window)
        count = sum(
            bool(judge.interval(u).counts(goals)) for u in units(window, interval) if u.end <= end.end
        )
        strikes = Strikes(
            window, count, s.limit, count >= s.limit, s.consequence, tuple(s.goals) if s.goals else None
        )
    people = tuple(f"{a.person(p).name} ({a.person(p).role})" for p in mg.diagnosed_by)
    applies = any(i.missed for i in intervals)
    return MissedPlan(applies, tuple(mg.consequences), people, mg.recovery, strikes)


def _in_a_row(
    judge: _Judge,
    parts: list[Period],
    interval: str,
    goals: frozenset[str] | None = None,
    below: Decimal | None = None,
) -> int:
    """Intervals in a row that count (see :meth:`IntervalResult.counts`) up to the period's last
    interval with data for ``goals``."""
    measured = [u for u in parts if judge.interval(u).counts(goals, below) is not None]
    if not measured:
        return 0
    run, unit = 0, measured[-1]
    while run < LOOK_BACK and judge.interval(unit).counts(goals, below):
        run += 1
        unit = period_containing(unit.start - timedelta(days=1), interval)
    return run


def _credits(tiers: list[MonthCredit], period: Period) -> tuple[MonthCredit, ...]:
    """The tier credits of the months of ``period`` (the rolling cap counted from the first)."""
    return tuple(
        c for c in tiers if period.start.strftime("%Y-%m") <= c.month <= period.end.strftime("%Y-%m")
    )


def _tier_credits(a: Agreement, actuals: Actuals, period: Period, judge: _Judge) -> list[MonthCredit]:
    """The tier credits of every measured month up to the end of ``period``: a month's
    availability is its own, or, measured over rolling windows (with downtime per day), the
    lowest of the windows that end in it (one figure, so one tier, a month), from the windows
    ``judge`` evaluated for the month's goals (each month's windows computed once)."""
    sc = a.inputs.service_credits
    if sc is None:
        return []
    months = [m.month for m in actuals.service if m.month.end <= period.end]
    if sc.basis == "availability":
        av = a.inputs.availability
        if av is None:
            return []
        target = av.target
        if _by_windows(a, actuals):
            measured = [(m.label, _worst_window(judge, m)) for m in _months(a, period)]
        else:
            measured = [(m.label, measure(actuals, "availability", m, judge.planned).value) for m in months]
    else:
        target = Decimal(100)
        measured = [(m.label, _on_time(a, actuals, m)) for m in _ticket_months(actuals, period)]
    rows = [(label, v) for label, v in measured if v is not None]
    return credits_over_months(sc, target, rows)


def _worst_window(judge: _Judge, month: Period) -> Decimal | None:
    """The lowest availability of the rolling windows that end in ``month``; None when none is
    evaluated, or some are not yet measured (the month's figure, and so its tier, is not known
    until every window ending in it is)."""
    r = judge.windows(month)
    worst = None if r is None or r.unmeasured else r.worst
    return None if worst is None else worst.availability


def _months(a: Agreement, period: Period) -> list[Period]:
    """The months of the term up to the end of ``period`` (every month a rolling cap may look at)."""
    out, day = [], a.term.start
    while day <= min(period.end, a.term.end):
        month = period_containing(day, "month")
        out.append(month)
        day = month.end + timedelta(days=1)
    return out


def _all_credits(
    a: Agreement, actuals: Actuals, period: Period, judge: _Judge, tier_credits: list[MonthCredit]
) -> tuple[tuple[GoalCredit, ...], tuple[MonthTotal, ...]]:
    """The credits of goals month by month, and each month's credits together under the caps
    (from the term's start, so a rolling cap sees the months before the period); empty when no
    goal has credits."""
    if not any(g.credits for g in a.goals):
        return (), ()
    months = _months(a, period)
    by_goal = goal_credits(a, actuals, months, judge.judged, judge.limit, judge.measure_name)
    sc = a.inputs.service_credits
    tiers = {c.month: c.result.uncapped for c in tier_credits}
    rows = []
    for m in months:
        mine = [c.share for c in by_goal if c.month == m.label]
        if m.label in tiers or mine:
            rows.append((m.label, tiers.get(m.label, Decimal(0)), sum(mine, Decimal(0))))
    charge = monthly_charge(a.inputs.monthly_charge, sc)
    return by_goal, tuple(all_credits(sc, charge, rows))


def _ticket_months(actuals: Actuals, period: Period) -> list[Period]:
    labels = sorted({t.opened.strftime("%Y-%m") for t in actuals.tickets if t.opened.date() <= period.end})
    return [
        period_containing(period.start.replace(year=int(x[:4]), month=int(x[5:]), day=1), "month")
        for x in labels
    ]


def _on_time(a: Agreement, actuals: Actuals, month: Period) -> Decimal | None:
    limits = {s.severity: s.response_minutes for s in a.inputs.support}
    tickets = [
        t
        for t in actuals.tickets
        if month.start <= t.opened.date() <= month.end
        and t.severity in limits
        and t.response_minutes is not None
    ]
    if not tickets:
        return None
    on_time = sum(
        t.response_minutes is not None and t.response_minutes <= limits[t.severity] for t in tickets
    )
    return round_to(Fraction(on_time * 100, len(tickets)), CENT, "down")


class NoRecalculation(SlagenError):
    """Why the funnel's inputs cannot be recalculated: the message for the command line, and
    what a document says of it (:attr:`gap`, and :attr:`why` for figures that allow none)."""

    def __init__(self, message: str, gap: Gap, why: str = "") -> None:
        super().__init__(message)
        self.gap: Gap = gap
        """``funnel``: the agreement has none; ``tracked``: no tracked month inside the period;
        ``figures``: the tracked figures allow no recalculation (:attr:`why`)."""
        self.why = why


def recalculation(agreement: Agreement, actuals: Actuals, period: Period) -> Recalculation:
    """The funnel's inputs from the tracked months inside ``period``; raise
    :class:`NoRecalculation` when the agreement has no funnel, the period no tracked month, or
    the figures allow none."""
    if agreement.inputs.funnel is None:
        raise NoRecalculation(f"agreement {agreement.id!r} has no inputs.funnel to recalculate", "funnel")
    months = [t for t in actuals.tracked if period.start <= t.month.start and t.month.end <= period.end]
    if not months:
        raise NoRecalculation(
            f"{actuals.file}: no tracked month inside {period.label} to recalculate from", "tracked"
        )
    figures = TrackedFigures(
        Decimal(sum(t.leads for t in months)),
        Decimal(sum(t.customers for t in months)),
        sum((t.customer_revenue for t in months), Decimal(0)),
        sum((t.marketing_revenue for t in months), Decimal(0)),
        sum((t.total_revenue for t in months), Decimal(0)),
    )
    try:
        result = recalculate(figures, agreement.inputs.currency)
        nxt = next_period(period)
        implied = next_period_targets(agreement, result, nxt)
    except FigureError as exc:
        message = f"{actuals.file}: {period.label}: {exc.message}"
        raise NoRecalculation(message, "figures", exc.message) from None
    return Recalculation(
        figures, tuple(t.month.label for t in months), result, nxt, compute_targets(agreement, nxt), implied
    )


def attainment(agreement: Agreement, actuals: Actuals, period: Period) -> Attainment:
    """Goals met and missed in ``period``, with the plan, cancellation, credits and recalculation
    (tickets given as time stamps timed on their clock first, see :mod:`slagen.tracking.clock`)."""
    with using(agreement.presentation.locale):  # the bases are in the agreement's language
        return _attainment(agreement, actuals, period)


def _attainment(agreement: Agreement, actuals: Actuals, period: Period) -> Attainment:
    actuals = on_the_clock(agreement, actuals)
    judge = _Judge(agreement, actuals)
    interval = judged_interval(agreement)
    parts = units(period, interval)
    intervals = [judge.interval(u) for u in parts]
    run = _in_a_row(judge, parts, interval)
    checks = []
    for c in agreement.cancellation.conditions if agreement.cancellation else []:
        goals = frozenset(c.goals) if c.goals else None
        n = run if goals is None and c.below is None else _in_a_row(judge, parts, interval, goals, c.below)
        met = None if c.missed_in_a_row is None else n >= c.missed_in_a_row
        checks.append(
            CancellationCheck(c.text, c.missed_in_a_row, met, n, tuple(c.goals) if c.goals else None, c.below)
        )
    tier_credits = _tier_credits(agreement, actuals, period, judge)
    credits = _credits(tier_credits, period)
    unknown = _credits_unknown(agreement, period, judge, tier_credits)
    known = [c for c in credits if c.month not in unknown]
    amounts = [c.amount for c in known if c.amount is not None]
    total = sum(amounts, Decimal(0)) if known and len(amounts) == len(known) else None
    by_goal, together = _all_credits(agreement, actuals, period, judge, tier_credits)
    if together:
        mine = [m for m in together if m.month >= period.start.strftime("%Y-%m")]
        shown = {c.month for c in by_goal} | {c.month for c in credits}
        together = tuple(m for m in mine if m.month in shown)
        month_amounts = [m.amount for m in together if m.amount is not None and m.month not in unknown]
        settled = [m for m in together if m.month not in unknown]
        total = sum(month_amounts, Decimal(0)) if settled and len(month_amounts) == len(settled) else None
        by_goal = tuple(c for c in by_goal if c.month >= period.start.strftime("%Y-%m"))
    recalc, note, gap = None, None, None
    try:
        recalc = recalculation(agreement, actuals, period)
    except NoRecalculation as exc:
        note, gap = exc.message, (exc.gap, exc.why)
    return Attainment(
        period,
        interval,
        tuple(judge.goal(g, period) for g in agreement.goals),
        tuple(intervals),
        run,
        _plan(agreement, intervals, judge, interval, parts[-1]),
        tuple(checks),
        credits,
        total,
        recalc,
        note,
        by_goal,
        together,
        _credit_window_days(agreement, actuals),
        unknown,
        gap,
    )


def _credits_unknown(
    a: Agreement, period: Period, judge: _Judge, tier_credits: list[MonthCredit]
) -> tuple[str, ...]:
    """The months of ``period`` whose credits are not known yet: a month (within the term) the
    actuals' ``covers`` leaves days of out; with availability tiers, a month whose figure is not
    known (a rolling window ending in it not yet measured, or no measured figure); and a month in
    which an interval of a goal with credits ends not yet measured. Empty without credits."""
    sc = a.inputs.service_credits
    with_credits = [g for g in a.goals if g.credits]
    if sc is None and not with_credits:
        return ()
    tiers = {c.month for c in tier_credits}
    out = []
    for m in _months(a, period):
        if m.end < period.start:
            continue
        inside = Period(m.label, max(m.start, a.term.start), min(m.end, a.term.end))
        unknown = not judge.covered(inside)
        if sc is not None and sc.basis == "availability" and a.inputs.availability is not None:
            unknown = unknown or m.label not in tiers
        for g in with_credits:
            for p in intervals_ending_in(m, g.interval or "month"):
                in_term = a.term.start <= p.start and p.end <= a.term.end
                unknown = unknown or (in_term and judge.judged(g, p)[2] == "not yet measured")
        if unknown:
            out.append(m.label)
    return tuple(out)


def _by_windows(a: Agreement, actuals: Actuals) -> bool:
    """Whether availability is promised per rolling window and the actuals have the downtime per
    day to measure the windows (without it, the months' own figures stand in)."""
    av = a.inputs.availability
    return av is not None and av.measured_per == "rolling" and bool(actuals.downtime)


def _credit_window_days(a: Agreement, actuals: Actuals) -> int | None:
    av, sc = a.inputs.availability, a.inputs.service_credits
    if av is None or sc is None or sc.basis != "availability" or not _by_windows(a, actuals):
        return None
    return av.rolling_days


__all__ = ["HUNDRED", "Attainment", "GoalResult", "IntervalResult", "attainment", "recalculation"]
