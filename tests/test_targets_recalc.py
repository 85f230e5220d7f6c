"""Recalculation from actuals, and the stable JSON of `slagen targets`."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from conftest import AGREEMENTS, run

from slagen.agreement.load import load_agreement
from slagen.targets import FigureError, TrackedFigures, next_period_targets, recalculate


def _tracked(**extra: str) -> TrackedFigures:
    figures = {
        "marketing_leads": "120",
        "customers": "40",
        "customer_revenue": "4400",
        "marketing_revenue": "4400",
        "total_revenue": "5500",
    }
    figures.update(extra)
    return TrackedFigures(**{k: D(v) for k, v in figures.items()})


def test_recalculated_inputs_with_derivations() -> None:
    r = recalculate(_tracked(), "USD")
    assert r.close_rate.value == D("33.33")  # 40 / 120, to 2 places half-up
    assert r.close_rate.inputs == (("became customers", "40"), ("marketing leads", "120"))
    assert r.close_rate.rounding == "to 2 decimal places, half-up"
    assert r.average_deal_size.value == D("110.00")
    assert r.average_deal_size.inputs == (
        ("revenue from those customers", "4400 USD"),
        ("became customers", "40"),
    )
    assert r.marketing_share.value == D("80.00")


def test_the_targets_they_imply_for_the_next_period() -> None:
    a = load_agreement(AGREEMENTS / "sales-marketing.yaml").agreement
    ts = next_period_targets(a, recalculate(_tracked(), "USD"))
    assert ts.period.label == "2027-Q1"
    # 5000 x 80% = 4000.00; / 110 = 36.4 -> 37 customers; / 33.33% = 111.01 -> 112 leads
    assert ts.values["funnel.marketing_revenue_goal"].value == D("4000.00")
    assert ts.values["funnel.customers_needed"].value == 37
    assert ts.values["funnel.leads_needed"].value == 112
    assert ts.values["funnel.leads_needed"].inputs == (("customers needed", "37"), ("close rate", "33.33%"))
    assert ts.goals["qualified-leads"].period_total == 336


@pytest.mark.parametrize(
    ("figures", "message"),
    [
        ({"marketing_leads": "0", "customers": "0"}, "the number of marketing leads is 0"),
        ({"customers": "0"}, "cannot compute the average deal size: the number of customers is 0"),
        (
            {"total_revenue": "0", "marketing_revenue": "0"},
            "share of revenue from marketing: total revenue is 0",
        ),
        ({"customers": "130"}, "customers from marketing leads (130) exceed the marketing leads (120)"),
        ({"total_revenue": "-1"}, "expected total revenue of zero or more, got -1"),
    ],
)
def test_impossible_figures_are_clear_errors(figures: dict[str, str], message: str) -> None:
    with pytest.raises(FigureError) as exc:
        recalculate(_tracked(**figures))
    assert message in str(exc.value)
    assert isinstance(exc.value, ValueError)


def test_json_is_stable_and_exact() -> None:
    path = str(AGREEMENTS / "sales-marketing-service.yaml")
    first = run("targets", path, "--format", "json")
    second = run("targets", path, "--format", "json")
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n" == first.stdout
    # The term ends 2026-12-14: its 2026-Q4 is clipped to 75 of the quarter's 92 days.
    assert data["period"] == {
        "days": 75,
        "end": "2026-12-14",
        "label": "2026-Q4",
        "partial": True,
        "start": "2026-10-01",
        "whole_days": 92,
    }

    def numbers(node: object) -> list[object]:
        if isinstance(node, dict):
            return [x for v in node.values() for x in numbers(v)]
        if isinstance(node, list):
            return [x for v in node for x in numbers(v)]
        return [node] if isinstance(node, int | float) and not isinstance(node, bool) else []

    # the only JSON numbers are day counts; every amount is an exact decimal string
    assert all(isinstance(n, int) for n in numbers(data))


def test_every_value_carries_its_derivation() -> None:
    for name in ("sales-marketing", "sales-marketing-service", "it-service", "paper-supplier"):
        result = run("targets", str(AGREEMENTS / f"{name}.yaml"), "--format", "json")
        assert result.exit_code == 0, result.output
        for key, value in json.loads(result.stdout)["values"].items():
            assert value["formula"], key
            assert value["inputs"], key
            assert value["rounding"], key
