"""The shapes every calculation returns: a value with its derivation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from slagen.agreement.period import Period
from slagen.agreement.source import Path_
from slagen.calendars.business import Delivery

from ..errors import SlagenError
from ..i18n import ngettext
from ..i18n.counted import count_form


@dataclass(frozen=True)
class Span:
    """The stretch of time an allowed-downtime figure covers, as data a document words itself."""

    kind: Literal["month", "period", "window", "week"]
    label: str
    """The month or period as the calendar names it (``2026-10``, ``2026-Q4``); empty for a
    rolling window or a week."""
    days: int
    """The days of the stretch (a rolling window's length)."""
    planned_minutes: int | None = None
    """The planned maintenance a rolling window holds, when the figure is one of several, one
    for each amount of maintenance a window can hold; ``None`` when it is the only one."""


@dataclass(frozen=True)
class Counted:
    """A message whose words follow a count: its singular and plural (the gettext msgid and
    msgid_plural) and the field of ``Computed.args`` whose number chooses the form, by the CLDR
    plural rule of the document's locale (``(1 day)``, ``(30 days)``; ``(1 dzień)``, ``(5 dni)``)."""

    singular: str
    plural: str
    field: str


def _english(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


@dataclass(frozen=True)
class Computed:
    """One computed target: its value, and how it was derived."""

    name: str
    """Dotted name goals refer to, e.g. ``funnel.leads_needed``."""
    label: str
    """What it is, in words (e.g. Leads needed)."""
    value: Decimal
    """The exact value, already rounded by ``rounding``."""
    unit: str
    """Unit of the value (leads, USD, minutes, %)."""
    per: str | None
    """The interval the value applies per, if any."""
    formula: str
    """The formula in words."""
    inputs: tuple[tuple[str, str], ...]
    """The inputs with their values, as shown to a reader."""
    rounding: str
    """The rounding rule applied."""
    span: Span | None = None
    """The stretch an allowed-downtime figure covers; ``None`` for other figures."""
    args: tuple[tuple[str, str], ...] = ()
    """The fields of ``label``, ``formula``, ``rounding`` and the inputs' words when they are
    messages with ``%(name)s`` fields (``Business days of %(party)s in %(month)s``), so a
    document translates the message and then fills them in; empty when they are plain text."""
    counted: tuple[Counted, ...] = ()
    """The messages among ``label``, ``formula``, ``rounding`` and the inputs' words whose words
    follow a count, each by its singular: translated with ``ngettext``."""

    def title(self, translate: Callable[[str], str] = str, figure: Callable[[str], str] = str) -> str:
        """The label in words: translated, its fields filled in (each as ``figure`` writes it:
        a document writes ``99.9%`` as its locale does)."""
        return self._said(self.label, translate, figure)

    def how(self, translate: Callable[[str], str] = str, figure: Callable[[str], str] = str) -> str:
        """The formula in words: translated, its fields filled in."""
        return self._said(self.formula, translate, figure)

    def rule(self, translate: Callable[[str], str] = str, figure: Callable[[str], str] = str) -> str:
        """The rounding rule in words: translated, its fields filled in."""
        return self._said(self.rounding, translate, figure)

    def given(
        self, translate: Callable[[str], str] = str, figure: Callable[[str], str] = str
    ) -> tuple[tuple[str, str], ...]:
        """The inputs, each name translated and each value that is a message (``month``,
        ``every rolling window of %(n)s days``) translated with its fields filled in; a figure
        (``99.9%``, ``5000.00 USD``) is no message and stays as it is."""
        return tuple(
            (translate(k), self._said(v, translate, figure) if "%(" in v else translate(v))
            for k, v in self.inputs
        )

    def _said(self, text: str, translate: Callable[[str], str], figure: Callable[[str], str]) -> str:
        if not self.args:
            return translate(text)
        fields = dict(self.args)
        for c in self.counted:
            if c.singular == text:
                # An untranslated text (``str``) counts as English does; a translating caller
                # (the current locale's gettext) gets the form of the current locale.
                choose = _english if translate is str else ngettext
                text = choose(c.singular, c.plural, count_form(Decimal(fields[c.field])))
                return text % {k: figure(v) for k, v in self.args}
        return translate(text) % {k: figure(v) for k, v in self.args}


@dataclass(frozen=True)
class BreakdownRow:
    """A goal's target over one interval of the real calendar."""

    label: str
    """The interval, e.g. ``2026-10``, ``2026-Q4`` or ``2026-W41``."""
    start: date
    end: date
    days: int
    value: Decimal
    """Target for the interval, by the stated rounding rule."""
    interval: str = "month"
    """Which breakdown the row belongs to: ``quarter``, ``month`` or ``week``."""


@dataclass(frozen=True)
class GoalLinePoint:
    """The cumulative target on one day of a month (d x g / n)."""

    day: int
    date: date
    cumulative: Decimal


@dataclass(frozen=True)
class MonthLine:
    """The daily goal line of one month: g / n a day, cumulative d x g / n."""

    month: str
    """The month, ``YYYY-MM``."""
    goal: Decimal
    """The month's goal g."""
    days: int
    """Days n in the month."""
    per_day: Decimal
    points: tuple[GoalLinePoint, ...]


@dataclass(frozen=True)
class GoalTarget:
    """A goal's target resolved for the document's period."""

    goal_id: str
    value: Decimal
    """Target per the goal's interval (the literal value, or the computed one)."""
    unit: str
    per: str | None
    computed: Computed | None
    """The computed target the goal refers to, if any."""
    period_total: Decimal | None
    """Target summed over the document's period, for goals that accrue."""
    breakdown: tuple[BreakdownRow, ...] = ()
    """Quarters, months and weeks of the period, for goals that accrue."""
    goal_lines: tuple[MonthLine, ...] = ()
    """Daily goal line per month of the period, for goals that accrue."""
    rounding: str = ""
    """The rounding rule of ``period_total`` and the breakdown rows."""


@dataclass(frozen=True)
class TargetWarning:
    """Something a calculation found questionable, at a key path of the agreement."""

    path: Path_
    message: str


@dataclass
class TargetSet:
    """Every computed target of an agreement for one period."""

    period: Period
    values: dict[str, Computed] = field(default_factory=dict)
    goals: dict[str, GoalTarget] = field(default_factory=dict)
    warnings: list[TargetWarning] = field(default_factory=list)
    holidays: dict[str, tuple[tuple[date, str], ...]] = field(default_factory=dict)
    """Public holidays in the period per party with a holiday calendar (date, name)."""
    deliveries: dict[str, tuple[Delivery, ...]] = field(default_factory=dict)
    """The deliveries of each schedule due in the period, with the day each is made."""

    def add(self, c: Computed) -> Computed:
        """Record ``c`` under its name and return it."""
        self.values[c.name] = c
        return c


class TargetError(Exception):
    """A calculation cannot be done with the agreement's inputs (e.g. division by zero)."""

    def __init__(self, path: Path_, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


class FigureError(SlagenError, ValueError):
    """A figure given to a calculation is out of range, or makes it impossible
    (measured availability above 100%, no tracked leads to divide by)."""
