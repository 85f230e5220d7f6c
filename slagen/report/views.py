"""The typed context a tracking report's template prints: frozen dataclasses of formatted text.

Like :mod:`slagen.render.context`, templates see no model, dict or number: every
figure here is already written out, every verdict already decided (by
:mod:`slagen.tracking.attainment`), so the templates only loop and print.
"""

from __future__ import annotations

from dataclasses import dataclass

from slagen.i18n import N_
from slagen.i18n import gettext as _

from ..render.context import Chart, CreditsView, DocumentContext, RowView


@dataclass(frozen=True)
class ReportHeadings:
    """The section headings of a tracking report."""

    attainment: str = N_("Attainment")
    marketing: str = N_("Marketing: qualified leads against the daily goal line")
    sales: str = N_("Sales: speed and depth of follow-up")
    service: str = N_("Service: availability and downtime")
    credits: str = N_("Service credits")
    plan: str = N_("Missed goals: what the plan says")
    cancellation: str = N_("Cancellation")
    recalculation: str = N_("Recalculated inputs and next period's targets")
    calendar: str = N_("Calendar: holidays and business hours")

    @classmethod
    def translated(cls) -> ReportHeadings:
        """The headings in the current locale."""
        return cls(**{k: _(v) for k, v in vars(cls()).items()})


@dataclass(frozen=True)
class GoalRow:
    """One goal over the report's period: target, actual and verdict."""

    id: str
    metric: str
    party: str
    target: str
    """The commitment over the period: ``at least 300 leads in 2026-Q3``."""
    actual: str
    status: str
    """``Met``, ``Missed`` or ``No data``."""
    missed: bool
    basis: str
    """How the actual was measured, in words."""


@dataclass(frozen=True)
class IntervalRow:
    """One reporting interval of the period (a month, usually) and its verdict."""

    label: str
    status: str
    missed_goals: str
    """The goals missed in it, or ``none``."""


@dataclass(frozen=True)
class LeadMonthRow:
    """One month of the marketing chart, in figures."""

    month: str
    goal: str
    last_day: str
    """The last day with data, or ``no data``."""
    goal_line: str
    """The cumulative goal line on that day (d x g / n)."""
    actual: str
    gap: str
    """Actual minus the goal line on that day, signed, with ``ahead``/``behind``."""


@dataclass(frozen=True)
class LeadChartView:
    """The marketing chart of one goal measured by qualified leads."""

    goal_id: str
    metric: str
    statement: str
    chart: Chart
    months: tuple[LeadMonthRow, ...]


@dataclass(frozen=True)
class BarRow:
    """One interval of a sales chart, in figures."""

    label: str
    dates: str
    value: str
    target: str
    status: str
    basis: str


@dataclass(frozen=True)
class BarSection:
    """A sales chart: a goal's measure per interval against its target."""

    goal_id: str
    metric: str
    statement: str
    chart: Chart
    rows: tuple[BarRow, ...]


@dataclass(frozen=True)
class ServiceRow:
    """One month of a service: availability and downtime against what the target allows."""

    month: str
    measured: str
    allowed: str
    downtime: str
    status: str


@dataclass(frozen=True)
class WindowRow:
    """One rolling window of the report: its days, downtime, availability and result."""

    days: str
    downtime: str
    availability: str
    status: str


@dataclass(frozen=True)
class RollingView:
    """Availability over the rolling windows that end in the period."""

    statement: str
    rows: tuple[WindowRow, ...]
    """The missed windows (the worst first when none is missed)."""
    rule: str


@dataclass(frozen=True)
class ServiceView:
    """Availability per month against the target."""

    target: str
    chart: Chart
    months: tuple[ServiceRow, ...]
    rolling: RollingView | None = None
    """The rolling windows, when availability is measured over them and the actuals have
    downtime per day."""


@dataclass(frozen=True)
class HolidayRow:
    """A holiday of the period that affected what was measured, and how."""

    date: str
    weekday: str
    name: str
    effect: str
    """E.g. ``not a business day of Stratus ...: no business hours for p3, p4 support; stopped
    the clock of INC-1090 (p3)``, or the delivery it moved."""


@dataclass(frozen=True)
class TicketRow:
    """A ticket given as time stamps, timed on its severity's clock, against its support level."""

    id: str
    severity: str
    opened: str
    clock: str
    """``business hours`` or ``24x7``."""
    response: str
    """``2 h 40 min (4 h allowed)``."""
    resolution: str
    """``13 h 30 min (72 h allowed)``, or ``not yet (72 h allowed)``."""
    holidays: str
    """The holidays that stopped its clock, or ``none``."""


@dataclass(frozen=True)
class CalendarView:
    """The holidays of the period that affected the measurement, and the tickets timed from
    time stamps."""

    statement: str
    holidays: tuple[HolidayRow, ...]
    tickets: tuple[TicketRow, ...]
    rule: str
    """How tickets are timed; empty when the report times none and no clock is in business hours."""


@dataclass(frozen=True)
class CreditRow:
    """The credit one measured month earns."""

    month: str
    measured: str
    share: str
    amount: str
    why: str


@dataclass(frozen=True)
class GoalCreditRow:
    """The credit one goal earns in one month."""

    month: str
    goal: str
    misses: str
    """What earned it: ``1 of 2 severity-1 incidents missed the limit (at most 15 minutes)``."""
    share: str
    why: str


@dataclass(frozen=True)
class MonthCreditRow:
    """Every credit of one month together, under the caps."""

    month: str
    tiers: str
    goals: str
    uncapped: str
    share: str
    amount: str
    caps: str


@dataclass(frozen=True)
class CreditView:
    """The service credits owed for the period, under the agreement's tiers and caps."""

    terms: CreditsView
    """The agreement's tiers and caps, as its own documents show them."""
    rows: tuple[CreditRow, ...]
    owed: str
    """The sentence saying what is owed: ``A service credit of 1,200.00 EUR is owed for 2026-11.``"""
    total: str | None
    """Everything owed for the period (all credits of each month together, under the caps)."""
    tiers_total: str | None = None
    """The sum of the tier credits' amounts (the first table's total)."""
    goal_rows: tuple[GoalCreditRow, ...] = ()
    """The credits of goals, month by month."""
    month_rows: tuple[MonthCreditRow, ...] = ()
    """Each month's credits together under the caps (when any goal has credits)."""
    rule: str = ""
    """How the month's credits add up, are capped and rounded."""
    measured_note: str = ""
    """What a month's measured figure is, when it is not the calendar month's own (rolling windows)."""


@dataclass(frozen=True)
class PlanView:
    """What the agreement's plan for missed goals says now."""

    applies: bool
    missed: tuple[str, ...]
    """The goals missed in the period."""
    consequences: tuple[str, ...]
    diagnosed_by: tuple[str, ...]
    recovery: str | None
    strikes: str | None
    """Strikes counted in their window, against the limit, in a sentence."""
    strikes_reached: bool
    strike_consequence: str | None


@dataclass(frozen=True)
class CancellationRow:
    """One cancellation condition and whether the actuals meet it."""

    text: str
    verdict: str
    met: bool


@dataclass(frozen=True)
class CancellationView:
    """The agreement's cancellation conditions against the actuals."""

    rows: tuple[CancellationRow, ...]
    notice: str
    any_met: bool
    summary: str


@dataclass(frozen=True)
class InputRow:
    """A funnel input as the agreement states it and as the tracked figures give it."""

    label: str
    current: str
    recalculated: str
    formula: str
    inputs: str


@dataclass(frozen=True)
class TargetRow:
    """A target of the next period from the current inputs and from the recalculated ones."""

    label: str
    name: str
    current: str
    implied: str
    change: str


@dataclass(frozen=True)
class RecalcView:
    """The funnel's inputs recalculated from the tracked months, and the targets they imply."""

    months: str
    figures: tuple[RowView, ...]
    inputs: tuple[InputRow, ...]
    next_period: str
    next_period_text: str
    targets: tuple[TargetRow, ...]


@dataclass(frozen=True)
class ReportContext:
    """Everything a tracking report prints (the name ``doc`` in its template).

    The first fields are the ones ``base/base.html`` prints for every document.
    """

    id: str
    title: str
    lang: str
    authors: tuple[str, ...]
    kind_label: str
    period: str
    version: str
    keywords: tuple[str, ...]
    created: str
    page_size: str
    style: str
    stamp: str
    draft: bool
    logo: str | None
    warnings: tuple[str, ...]
    agreement: DocumentContext
    """The agreement as its own documents show it (parties, plan, credit tiers)."""
    headings: ReportHeadings
    period_text: str
    report_date: str
    actuals_file: str
    actuals_stamp: str
    unsigned: str | None
    """A note when not every signatory has signed the agreement."""
    summary: str
    interval: str
    """``month``: what each reporting interval is."""
    goals: tuple[GoalRow, ...]
    intervals: tuple[IntervalRow, ...]
    """Each reporting interval, when the period has more than one."""
    marketing: tuple[LeadChartView, ...]
    sales: tuple[BarSection, ...]
    service: ServiceView | None
    calendar: CalendarView | None
    """The holidays that affected the measurement and the tickets timed from time stamps."""
    credits: CreditView | None
    plan: PlanView
    cancellation: CancellationView | None
    funnel: bool
    """Whether the agreement has a funnel to recalculate."""
    recalculation: RecalcView | None
    recalculation_note: str | None
    """Why there is no recalculation, as a sentence of the report's language."""
    interval_label: str = ""
    """``Month``: the heading of the intervals table's first column."""
    intervals_heading: str = ""
    """``Each month``: the heading of the intervals table."""


__all__ = [
    "BarRow",
    "BarSection",
    "CalendarView",
    "CancellationRow",
    "CancellationView",
    "CreditRow",
    "CreditView",
    "GoalRow",
    "HolidayRow",
    "InputRow",
    "IntervalRow",
    "LeadChartView",
    "LeadMonthRow",
    "PlanView",
    "RecalcView",
    "ReportContext",
    "ReportHeadings",
    "ServiceRow",
    "ServiceView",
    "TargetRow",
    "TicketRow",
]
