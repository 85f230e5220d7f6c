"""What happened, as typed records: the actuals a report and a recalculation read.

Every record keeps where it was written (:class:`Where`), so a problem found
later (a ticket's severity the agreement does not define, a goal id that does
not exist) still points at the file, line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from slagen.agreement.period import Period
from slagen.errors import AgreementError, Problem

#: The sections of an actuals file (YAML keys, or the ``record`` column of a CSV).
SECTIONS = ("daily", "leads", "tracked", "service", "downtime", "tickets", "goals", "measures")


@dataclass(frozen=True)
class Where:
    """Where a record was written: file, line, column, and the line and column of each field."""

    file: str
    line: int
    column: int
    path: str
    cells: tuple[tuple[str, int, int], ...] = ()

    def problem(self, name: str | None, message: str) -> Problem:
        """A :class:`Problem` at field ``name`` of this record (or at the record)."""
        for cell, line, col in self.cells:
            if cell == name:
                return Problem(self.file, line, col, f"{self.path}.{name}", message)
        return Problem(self.file, self.line, self.column, self.path, message)


class ActualsError(AgreementError):
    """Problems in an actuals file, each at its file, line and column (exit code 1)."""


@dataclass(frozen=True)
class DailyLeads:
    """Qualified leads delivered on one day."""

    day: date
    qualified_leads: int
    where: Where = field(compare=False, repr=False)


@dataclass(frozen=True)
class Lead:
    """One lead handed off to sales, and how it was followed up."""

    id: str
    handed_off: datetime
    first_follow_up: datetime | None
    """When the first call or e-mail was logged; absent while none was."""
    attempts: int
    """Follow-up attempts logged so far."""
    connected: bool
    """Whether a conversation took place."""
    where: Where = field(compare=False, repr=False)

    @property
    def minutes_to_first_follow_up(self) -> Decimal | None:
        """Minutes from hand-off to first follow-up (exact), or None without a follow-up."""
        if self.first_follow_up is None:
            return None
        return Decimal(int((self.first_follow_up - self.handed_off).total_seconds())) / 60


@dataclass(frozen=True)
class Tracked:
    """One month's figures for recalculating the funnel (the guide's monthly tracking)."""

    month: Period
    leads: int
    """Marketing-generated leads."""
    customers: int
    """Of those leads, how many became customers."""
    customer_revenue: Decimal
    """Revenue from those customers."""
    marketing_revenue: Decimal
    """Revenue closed in the month from marketing leads."""
    total_revenue: Decimal
    """Revenue closed in the month."""
    where: Where = field(compare=False, repr=False)


@dataclass(frozen=True)
class ServiceMonth:
    """One month of a service: measured availability, or the minutes of downtime."""

    month: Period
    availability: Decimal | None
    downtime_minutes: Decimal | None
    where: Where = field(compare=False, repr=False)


@dataclass(frozen=True)
class DowntimeDay:
    """The minutes of downtime of a service on one day (for rolling measurement windows)."""

    day: date
    minutes: Decimal
    where: Where = field(compare=False, repr=False)


@dataclass(frozen=True)
class Ticket:
    """A support ticket: its severity, when it was opened, and how fast it was answered.

    The times are given as figures (``response_minutes``, ``resolution_hours``) or as local time
    stamps (``responded``, ``resolved``) that :func:`slagen.tracking.clock.on_the_clock` turns
    into figures on the severity's clock: every minute (24x7), or business hours only."""

    id: str
    severity: str
    opened: datetime
    response_minutes: Decimal | None
    """Minutes to first response; None until :func:`~slagen.tracking.clock.on_the_clock` has
    timed a ticket given with ``responded``."""
    resolution_hours: Decimal | None
    """Hours to resolution; None while unresolved (or until timed from ``resolved``)."""
    where: Where = field(compare=False, repr=False)
    responded: datetime | None = None
    """Local time of the first response, when given as a time stamp."""
    resolved: datetime | None = None
    """Local time of the resolution, when given as a time stamp."""
    clock: str | None = None
    """How the stamps were timed: ``24x7`` or ``business hours`` (None: figures given)."""
    holidays: tuple[date, ...] = ()
    """Holidays that stopped its business-hours clock between opening and the last stamp."""


@dataclass(frozen=True)
class GoalActual:
    """A goal's actual given directly, for goals no other record measures (e.g. meetings held)."""

    goal: str
    period: Period
    actual: Decimal
    where: Where = field(compare=False, repr=False)


@dataclass(frozen=True)
class MeasureOf:
    """Which measure of the records a goal's actual is (see :data:`~slagen.tracking.measures.MEASURES`)."""

    goal: str
    measure: str
    where: Where = field(compare=False, repr=False)


@dataclass(frozen=True)
class Actuals:
    """Everything one actuals file says happened."""

    file: str
    agreement: str | None = None
    """The id of the agreement the actuals are for, when the file says."""
    agreement_where: Where | None = field(default=None, compare=False, repr=False)
    daily: tuple[DailyLeads, ...] = ()
    leads: tuple[Lead, ...] = ()
    tracked: tuple[Tracked, ...] = ()
    service: tuple[ServiceMonth, ...] = ()
    downtime: tuple[DowntimeDay, ...] = ()
    """Downtime per day; a day without a row had none (when the section has any row)."""
    tickets: tuple[Ticket, ...] = ()
    goals: tuple[GoalActual, ...] = ()
    measures: tuple[MeasureOf, ...] = ()
    covers: Period | None = None
    """The days the file measures (its ``covers`` period), when it says: a rolling window with a
    day outside them is not yet measured, and a goal's period that runs past them is not yet
    fully measured."""
