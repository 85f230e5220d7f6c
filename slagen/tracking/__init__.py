"""Actuals: what happened, read from a YAML or CSV file into typed records.

See the README section "Linting and tracking" for the format. Every bad value
is reported at its file, line and column, with what was expected and found.
"""

from __future__ import annotations

from pathlib import Path

from slagen.tracking.bind import check_against
from slagen.tracking.measures import MEASURES, Measured, default_measure, measure
from slagen.tracking.parse import parse_rows
from slagen.tracking.read import read_raw
from slagen.tracking.records import (
    Actuals,
    ActualsError,
    DailyLeads,
    GoalActual,
    Lead,
    MeasureOf,
    ServiceMonth,
    Ticket,
    Tracked,
    Where,
)

__all__ = [
    "MEASURES",
    "Actuals",
    "ActualsError",
    "DailyLeads",
    "GoalActual",
    "Lead",
    "MeasureOf",
    "Measured",
    "ServiceMonth",
    "Ticket",
    "Tracked",
    "Where",
    "check_against",
    "default_measure",
    "load_actuals",
    "measure",
]


def load_actuals(path: Path | str, *, display: str | None = None) -> Actuals:
    """Read and type an actuals file; raise :class:`ActualsError` with every problem found."""
    return parse_rows(read_raw(Path(path), display))
