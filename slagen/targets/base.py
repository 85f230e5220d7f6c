"""The shapes every calculation returns: a value with its derivation."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..period import Period
from ..source import Path_


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
    warnings: list[TargetWarning] = field(default_factory=list)

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
