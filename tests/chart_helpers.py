"""Helpers of the chart tests: the guide's goal line for Q4 of 2026, and daily actuals against it
(importable by a second process that draws the same chart)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal

from slagen.targets.base import GoalLinePoint, MonthLine


def month_line(year: int, month: int, goal: str) -> MonthLine:
    """The guide's daily goal line of one month: g / n a day, d x g / n on day d."""
    n = calendar.monthrange(year, month)[1]
    g = Decimal(goal)
    points = tuple(GoalLinePoint(d, date(year, month, d), d * g / n) for d in range(1, n + 1))
    return MonthLine(f"{year}-{month:02d}", g, n, g / n, points)


Q4 = (month_line(2026, 10, "100"), month_line(2026, 11, "100"), month_line(2026, 12, "100"))
ACTUALS = {date(2026, 10, 1) + timedelta(days=i): Decimal(3 + i % 4) for i in range(45)}
