"""The funnel, lead tiers, follow-up capacity and support targets: public function and CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import AGREEMENTS, example_data, run

from slagen.agreement.load import load_agreement
from slagen.agreement.model import Agreement
from slagen.targets import TargetError, compute_targets


def _agreement(name: str = "sales-marketing") -> Agreement:
    return load_agreement(AGREEMENTS / f"{name}.yaml").agreement


def line_of(path: Path, needle: str) -> int:
    """The line (1-based) of ``path`` where ``needle`` first appears."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def _json(*args: str) -> dict:  # type: ignore[type-arg]
    result = run("targets", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_the_guides_example_gives_50_customers_and_100_leads() -> None:
    ts = compute_targets(_agreement())
    assert ts.values["funnel.marketing_revenue_goal"].value == Decimal("5000.00")
    assert ts.values["funnel.customers_needed"].value == 50
    assert ts.values["funnel.leads_needed"].value == 100
    leads = ts.values["funnel.leads_needed"]
    assert leads.formula == "customers needed / lead-to-customer close rate"
    assert leads.inputs == (("customers needed", "50"), ("close rate", "50%"))
    assert leads.rounding == "rounded up to a whole number"
    assert leads.per == "month"


def test_the_guides_example_through_the_cli() -> None:
    result = run("targets", str(AGREEMENTS / "sales-marketing.yaml"))
    assert result.exit_code == 0
    assert "funnel.customers_needed: 50 customers per month\n" in result.stdout
    assert (
        "funnel.leads_needed: 100 leads per month\n"
        "  Leads needed = customers needed / lead-to-customer close rate\n"
        "    customers needed: 50\n"
        "    close rate: 50%\n"
        "  rounding: rounded up to a whole number\n"
    ) in result.stdout
    data = _json(str(AGREEMENTS / "sales-marketing.yaml"))
    assert data["values"]["funnel.leads_needed"]["value"] == "100"
    assert data["values"]["funnel.marketing_revenue_goal"]["value"] == "5000.00"


def test_counts_round_up_at_each_stage(write_agreement: Callable[..., Path]) -> None:
    data = example_data()
    data["inputs"]["funnel"].update(
        sales_quota="1000", marketing_share="33.333%", average_deal_size="70", close_rate="30%"
    )
    data["inputs"]["funnel"]["stages"] = [
        {"name": "mql", "label": "Marketing-qualified leads", "rate": "45%"}
    ]
    values = _json(str(write_agreement(data)))["values"]
    # 1000 x 33.333% = 333.33; /70 = 4.76 -> 5; 5 / 30% = 16.7 -> 17; 17 / 45% = 37.8 -> 38
    assert values["funnel.marketing_revenue_goal"]["value"] == "333.33"
    assert values["funnel.customers_needed"]["value"] == "5"
    assert values["funnel.leads_needed"]["value"] == "17"
    assert values["funnel.mql"]["value"] == "38"
    assert values["funnel.mql"]["formula"] == "leads needed / share of marketing-qualified leads that pass on"


def test_money_is_rounded_half_up_to_the_cent(write_agreement: Callable[..., Path]) -> None:
    data = example_data()
    data["inputs"]["funnel"].update(sales_quota="0.25", marketing_share="50%")
    values = _json(str(write_agreement(data)))["values"]
    assert values["funnel.marketing_revenue_goal"]["value"] == "0.13"  # 0.125 half-up


def test_no_float_error_reaches_the_output(write_agreement: Callable[..., Path]) -> None:
    """0.1 + 0.2 is 0.30000000000000004 in floats; here it is exactly 0.30."""
    data = example_data()
    data["inputs"]["funnel"].update(sales_quota="200", average_deal_size="100", close_rate="100%")
    data["inputs"]["lead_tiers"] = [
        {
            "name": "a",
            "label": "A",
            "share_of_customers": "50%",
            "close_rate": "100%",
            "value_per_lead": "0.1",
        },
        {
            "name": "b",
            "label": "B",
            "share_of_customers": "50%",
            "close_rate": "100%",
            "value_per_lead": "0.2",
        },
    ]
    result = run("targets", str(write_agreement(data)), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["values"]["tiers.lead_value_total"]["value"] == "0.30"
    assert "0000000" not in result.stdout


def test_lead_tiers_from_the_multi_level_example() -> None:
    values = _json(str(AGREEMENTS / "sales-marketing-service.yaml"))["values"]
    # 50 customers: CEO 20% -> 10 at 40% -> 25 leads x 100; directors 30% -> 15 at 60% -> 25 x 50;
    # managers 50% -> 25 at 50% -> 50 leads x 40: 100 leads in all, the funnel's 50 / 50%
    got = {k: v["value"] for k, v in values.items() if k.startswith("tiers.")}
    assert got == {
        "tiers.ceo.customers_needed": "10",
        "tiers.ceo.leads_needed": "25",
        "tiers.ceo.lead_value": "2500.00",
        "tiers.director.customers_needed": "15",
        "tiers.director.leads_needed": "25",
        "tiers.director.lead_value": "1250.00",
        "tiers.manager.customers_needed": "25",
        "tiers.manager.leads_needed": "50",
        "tiers.manager.lead_value": "2000.00",
        "tiers.lead_value_total": "5750.00",
        "tiers.leads_needed_total": "100",
    }
    assert values["funnel.leads_needed"]["value"] == "100"


def test_lead_tiers_without_a_funnel_are_an_error_at_their_line(
    write_agreement: Callable[..., Path],
) -> None:
    data = example_data("sales-marketing-service")
    del data["inputs"]["funnel"]
    del data["inputs"]["follow_up"]
    data["goals"] = [g for g in data["goals"] if "computed" not in g["target"]]
    path = write_agreement(data)
    result = run("targets", str(path))
    assert result.exit_code == 1
    assert "inputs.lead_tiers: lead tiers need inputs.funnel" in result.output
    assert "Traceback" not in result.output


def test_follow_up_capacity(write_agreement: Callable[..., Path]) -> None:
    data = example_data()
    data["inputs"]["follow_up"].update(reps="3", minutes_per_attempt="5", hours_per_rep="20")
    path = write_agreement(data)
    values = _json(str(path))["values"]
    # 100 leads / 3 reps = 33.3 -> 34 leads; 34 x 6 x 5 min = 1020 min = 17 h of 20 h = 85%
    assert values["follow_up.leads_per_rep"]["value"] == "34"
    assert values["follow_up.hours_needed_per_rep"]["value"] == "17.00"
    assert values["follow_up.capacity_used"]["value"] == "85.00"
    assert values["follow_up.first_follow_up_minutes"]["value"] == "60"
    assert values["follow_up.attempts"]["value"] == "6"
    result = run("check", "--strict", str(path))
    assert result.exit_code == 0, result.output


def test_over_capacity_is_a_warning_and_fails_strict_check(write_agreement: Callable[..., Path]) -> None:
    data = example_data()
    data["inputs"]["follow_up"].update(reps="2", minutes_per_attempt="10", hours_per_rep="40")
    path = write_agreement(data)
    warning = (
        f"{path}:{line_of(path, 'first_follow_up_minutes')}:5: inputs.follow_up: warning: follow-up is over capacity: 50 leads per rep "
        "x 6 attempts x 10 min need 50.00 h per rep per month, but each rep has 40 h "
        "(125.00% of capacity)"
    )
    result = run("check", str(path))
    assert result.exit_code == 0
    assert warning in result.output
    strict = run("check", "--strict", str(path))
    assert strict.exit_code == 1
    assert warning.replace("warning: ", "") in strict.output
    ts = compute_targets(load_agreement(path).agreement)
    assert [w.path for w in ts.warnings] == [("inputs", "follow_up")]


@pytest.mark.parametrize(
    ("section", "key", "zero", "line", "message"),
    [
        ("follow_up", "reps", "0", "reps:", "11: inputs.follow_up.reps: the number of reps is zero, and it is a "
         "divisor: expected a value above zero"),
        ("funnel", "close_rate", "0%", "close_rate", "17: inputs.funnel.close_rate: expected a value above zero"),
    ],
)  # fmt: skip
def test_a_zero_divisor_through_the_cli_is_an_error_at_the_input(
    write_agreement: Callable[..., Path], section: str, key: str, zero: str, line: str, message: str
) -> None:
    data = example_data()
    data["inputs"][section][key] = zero
    path = write_agreement(data)
    result = run("targets", str(path))
    assert result.exit_code == 1
    assert f"{path}:{line_of(path, line)}:{message}" in result.output


def test_zero_close_rate_is_an_error_from_the_function() -> None:
    a = _agreement()
    funnel = a.inputs.funnel
    assert funnel is not None
    broken = a.model_copy(
        update={"inputs": a.inputs.model_copy(update={"funnel": funnel.model_copy(update={"close_rate": 0})})}
    )
    try:
        compute_targets(broken)
    except TargetError as exc:
        assert exc.path == ("inputs", "funnel", "close_rate")
        assert exc.message == "the close rate is zero, and it is a divisor: expected a value above zero"
    else:  # pragma: no cover
        raise AssertionError("expected a TargetError")


def test_support_targets_per_severity() -> None:
    values = _json(str(AGREEMENTS / "it-service.yaml"))["values"]
    assert values["support.p1.response_minutes"]["value"] == "15"
    assert values["support.p1.resolution_hours"]["value"] == "4"
    assert values["support.p2.response_minutes"]["value"] == "60"
    assert {"name": "clock runs", "value": "24x7"} in values["support.p1.response_minutes"]["inputs"]
