"""Goals over the real calendar: period totals, breakdown rows and daily goal lines."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from conftest import AGREEMENTS, example_data, run

from slagen.targets.breakdown import share


def _goal(**extra: Any) -> dict[str, Any]:
    goal = {
        "id": "yearly-leads",
        "party": "marketing",
        "metric": "Leads over the year",
        "comparison": "at-least",
        "target": {"value": "1000"},
        "unit": "leads",
        "interval": "year",
        "measured_by": "CRM",
        "owner": "amir",
        "accrues": "true",
    }
    goal.update(extra)
    return goal


def _targets(path: Path, *args: str) -> dict[str, Any]:
    result = run("targets", str(path), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _rows(goal: dict[str, Any], interval: str) -> dict[str, str]:
    return {r["label"]: r["value"] for r in goal["breakdown"] if r["interval"] == interval}


def test_a_monthly_goal_over_a_quarter_is_three_months() -> None:
    goal = _targets(AGREEMENTS / "sales-marketing.yaml")["goals"]["qualified-leads"]
    assert goal["value"] == "100"
    assert goal["per"] == "month"
    assert goal["computed"] == "funnel.leads_needed"
    assert goal["period_total"] == "300"
    assert _rows(goal, "month") == {"2026-10": "100", "2026-11": "100", "2026-12": "100"}
    weeks = [r for r in goal["breakdown"] if r["interval"] == "week"]
    # ISO weeks clipped to the quarter: 2026-10-01 is a Thursday, 2026-12-31 a Thursday
    assert (weeks[0]["label"], weeks[0]["start"], weeks[0]["end"], weeks[0]["days"]) == (
        "2026-W40",
        "2026-10-01",
        "2026-10-04",
        4,
    )
    assert (weeks[-1]["label"], weeks[-1]["days"]) == ("2026-W53", 4)
    assert sum(int(r["value"]) for r in weeks) == 300
    assert sum(r["days"] for r in weeks) == 92
    assert not _rows(goal, "quarter")


def test_money_goals_break_down_to_the_cent() -> None:
    goal = _targets(AGREEMENTS / "sales-marketing.yaml")["goals"]["revenue"]
    assert goal["period_total"] == "15000.00"
    weeks = _rows(goal, "week")
    assert weeks["2026-W40"] == "645.16"  # 5000 x 4 / 31 = 645.161...
    assert sum(Decimal(v) for v in weeks.values()) == Decimal("15000.00")
    assert all(len(v.split(".")[1]) == 2 for v in weeks.values())


def test_a_yearly_goal_is_split_by_days_of_each_month(write_agreement: Callable[..., Path]) -> None:
    data = example_data()
    data["goals"].append(_goal())
    goal = _targets(write_agreement(data), "--period", "2026")["goals"]["yearly-leads"]
    assert goal["period_total"] == "1000"
    months = _rows(goal, "month")
    # exact shares 1000 x 28 / 365 = 76.71 and 1000 x 31 / 365 = 84.93; 30-day months 82.19
    assert months["2026-02"] == "77"
    assert months["2026-03"] == "85"
    assert months["2026-04"] == "82"
    assert sum(int(v) for v in months.values()) == 1000
    quarters = _rows(goal, "quarter")
    assert quarters == {"2026-Q1": "247", "2026-Q2": "249", "2026-Q3": "252", "2026-Q4": "252"}
    weeks = [r for r in goal["breakdown"] if r["interval"] == "week"]
    assert (weeks[0]["label"], weeks[0]["days"], weeks[-1]["label"], weeks[-1]["days"]) == (
        "2026-W01",
        4,
        "2026-W53",
        4,
    )
    assert sum(int(r["value"]) for r in weeks) == 1000


def test_a_yearly_goal_over_a_quarter_is_pro_rata_and_rounded_up(
    write_agreement: Callable[..., Path],
) -> None:
    data = example_data()
    data["goals"].append(_goal())
    goal = _targets(write_agreement(data))["goals"]["yearly-leads"]
    assert goal["period_total"] == "253"  # 1000 x 92 / 365 = 252.05, rounded up
    assert goal["rounding"].startswith("rounded up to a whole number over the period")
    assert sum(int(v) for v in _rows(goal, "month").values()) == 253


def test_february_and_march_goal_lines_differ() -> None:
    path = AGREEMENTS / "sales-marketing.yaml"
    feb = _targets(path, "--period", "2026-02")["goals"]["qualified-leads"]["goal_lines"][0]
    mar = _targets(path, "--period", "2026-03")["goals"]["qualified-leads"]["goal_lines"][0]
    assert (feb["month"], feb["days"], feb["per_day"]) == ("2026-02", 28, "3.57")
    assert (mar["month"], mar["days"], mar["per_day"]) == ("2026-03", 31, "3.23")
    assert feb["cumulative"][13] == "50.00"  # day 14 of 28: 14 x 100 / 28
    assert mar["cumulative"][0] == "3.23"
    assert mar["cumulative"][14] == "48.39"  # 15 x 100 / 31 = 48.387
    assert feb["cumulative"][-1] == mar["cumulative"][-1] == "100.00"
    assert len(feb["cumulative"]) == 28
    assert len(mar["cumulative"]) == 31


def test_share_over_the_calendar() -> None:
    g = Fraction(100)
    assert share(g, "month", date(2026, 10, 1), date(2026, 12, 31)) == 300
    assert share(g, "year", date(2024, 2, 1), date(2024, 2, 29)) == Fraction(100 * 29, 366)
    assert share(g, "week", date(2026, 10, 1), date(2026, 10, 4)) == Fraction(400, 7)
    assert share(g, "day", date(2026, 11, 1), date(2026, 11, 30)) == 3000
    assert share(g, "quarter", date(2026, 1, 1), date(2026, 12, 31)) == 400


def test_goals_that_do_not_accrue_have_no_breakdown() -> None:
    goal = _targets(AGREEMENTS / "sales-marketing.yaml")["goals"]["follow-up-speed"]
    assert goal == {
        "breakdown": [],
        "computed": "follow_up.first_follow_up_minutes",
        "goal_lines": [],
        "per": "week",
        "period_total": None,
        "rounding": None,
        "unit": "minutes",
        "value": "60",
    }


def test_a_goal_per_another_interval_than_its_computed_target_is_an_error(
    write_agreement: Callable[..., Path],
) -> None:
    data = example_data()
    data["goals"][0]["interval"] = "quarter"
    path = write_agreement(data)
    result = run("targets", str(path))
    assert result.exit_code == 1
    assert (
        "goals[0].interval: expected interval: month, the interval funnel.leads_needed is computed per, "
        "got quarter\n1 error\n"
    ) in result.output


def test_the_period_must_lie_within_the_term() -> None:
    path = str(AGREEMENTS / "sales-marketing.yaml")
    result = run("targets", path, "--period", "2027-Q1")
    assert result.exit_code == 2
    assert result.output == (
        "Error: --period: expected a period that overlaps the term (2026-01-01 to 2026-12-31), got 2027-Q1 (2027-01-01 to 2027-03-31)\n"
    )
    bad = run("targets", path, "--period", "2026-Q5")
    assert bad.exit_code == 2
    assert (
        bad.output
        == "Error: --period: expected a period such as 2026, 2026-Q4, 2026-11, 2026-W47 or 2026-11-15..2026-11-30, got '2026-Q5'\n"
    )
