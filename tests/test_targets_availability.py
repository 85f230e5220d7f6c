"""Availability as allowed downtime (and back), and service credits with their caps."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from conftest import AGREEMENTS, example_data, run

from slagen.agreement.model import CreditTier, LinearCredit, ServiceCredits
from slagen.targets import (
    FigureError,
    allowed_downtime,
    availability_from_downtime,
    credit_for,
    credits_over_months,
    downtime_for_days,
    format_duration,
)


def test_99_95_of_a_31_day_month_is_22_min_19_2_s() -> None:
    minutes = allowed_downtime(D("99.95"), date(2026, 3, 1), date(2026, 3, 31))
    assert minutes == D("22.32")  # 44,640 min x 0.05% = 22.32 min = 22 min 19.2 s, exactly
    assert format_duration(minutes) == "22 min 19 s"  # to the second, half-up


def test_month_lengths_differ() -> None:
    target = D("99.95")
    assert allowed_downtime(target, date(2026, 11, 1), date(2026, 11, 30)) == D("21.6")
    assert allowed_downtime(target, date(2026, 2, 1), date(2026, 2, 28)) == D("20.16")
    assert allowed_downtime(target, date(2028, 2, 1), date(2028, 2, 29)) == D("20.88")
    assert format_duration(D("21.6")) == "21 min 36 s"


def test_year_and_quarter_use_365_25_days() -> None:
    assert downtime_for_days(D("99.999"), D("365.25")) == D("5.2596")
    assert format_duration(D("5.2596")) == "5 min 16 s"  # 15.576 s rounds up
    assert format_duration(downtime_for_days(D("99.9999"), D("365.25"))) == "32 s"
    assert format_duration(downtime_for_days(D("99"), D("365.25"))) == "3 d 15 h 39 min 36 s"
    assert format_duration(D("0")) == "0 s"
    assert format_duration(D("0.0083")) == "0 s"  # 0.498 s
    assert format_duration(D("0.0084")) == "1 s"  # 0.504 s


def test_downtime_back_to_availability() -> None:
    assert availability_from_downtime(D("22.32"), date(2026, 3, 1), date(2026, 3, 31)) == D("99.9500")
    # 30 min in 30 days: 99.930555...% shown rounded down, never more than measured
    assert availability_from_downtime(D("30"), date(2026, 11, 1), date(2026, 11, 30)) == D("99.9305")
    with pytest.raises(FigureError, match=r"downtime must be between 0 and the 43200 minutes"):
        availability_from_downtime(D("50000"), date(2026, 11, 1), date(2026, 11, 30))


def test_a_target_above_100_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"^the availability target must be between 0 and 100%, got 100.5%$"):
        allowed_downtime(D("100.5"), date(2026, 3, 1), date(2026, 3, 31))


def test_it_service_through_the_cli() -> None:
    result = run("targets", str(AGREEMENTS / "it-service.yaml"), "--period", "2027-Q1", "--format", "json")
    assert result.exit_code == 0, result.output
    values = json.loads(result.stdout)["values"]
    got = {k.rsplit(".", 1)[1]: v["value"] for k, v in values.items() if ".downtime_minutes." in k}
    # Each month's minutes less the weekly Sunday 02:00-04:00 Europe/Berlin window, x 0.05%:
    # January has 5 Sundays (600 min): (44,640 - 600) x 0.0005 = 22.02; February 4 (480 min):
    # (40,320 - 480) x 0.0005 = 19.92; March 4, but on 28 March clocks go forward at 02:00, so
    # that window is 1 hour (420 min): (44,640 - 420) x 0.0005 = 22.11. The quarter: 1,500 min.
    assert got == {
        "2027-01": "22.02",
        "2027-02": "19.92",
        "2027-03": "22.11",
        "period": "64.05",
        # any 30 days, by the Sundays in it: four with the 1-hour 28 March (420 min), four (480),
        # five with 28 March (540), five (600): (43,200 - 420) x 0.0005 = 21.39 ... 21.3
        "window-420": "21.39",
        "window-480": "21.36",
        "window-540": "21.33",
        "window-600": "21.3",
    }
    assert values["availability.maintenance_hours.2027-03"]["value"] == "7"
    assert not {"quarter", "year"} & set(got)
    feb = values["availability.downtime_minutes.2027-02"]
    assert feb["rounding"] == "exact (no rounding); durations shown to the second, half-up (19 min 55 s)"
    assert {"name": "days", "value": "28"} in feb["inputs"]
    assert {"name": "planned maintenance minutes", "value": "480"} in feb["inputs"]
    # The windows are stated once, with the target, and each downtime figure refers to them.
    window = {
        "name": "maintenance excluded",
        "value": "Planned platform maintenance: every Sunday, 02:00-04:00 Europe/Berlin time, announced at "
        "least 5 business days ahead (at most 10 hours a month)",
    }
    assert window in values["availability.target"]["inputs"]
    assert window not in feb["inputs"]
    assert "maintenance in the windows listed with the availability target is excluded" in feb["formula"]
    table = run("targets", str(AGREEMENTS / "it-service.yaml"), "--period", "2027-Q1").stdout
    assert "availability.downtime_minutes.2027-01: 22.02 minutes\n" in table
    assert "(22 min 1 s)" in table


# --- service credits --------------------------------------------------------------


def _credits(**extra: object) -> ServiceCredits:
    base: dict[str, object] = {
        "basis": "availability",
        "tiers": [
            {"below": "99.9", "strict": "true", "credit": "10"},
            {"below": "99.0", "strict": "false", "credit": "25"},
        ],
        "monthly_cap": "30",
        "monthly_charge": "1000",
    }
    base.update(extra)
    return ServiceCredits.model_validate(base)


def test_strict_and_non_strict_boundaries_exactly_at_the_bound() -> None:
    sc = _credits()
    at_strict = credit_for(sc, D("99.95"), D("99.9"))
    assert (at_strict.share, at_strict.tier) == (D(0), None)  # 99.9 is not < 99.9
    below = credit_for(sc, D("99.95"), D("99.89"))
    assert below.share == D(10)
    assert below.amount == D("100.00")
    at_non_strict = credit_for(sc, D("99.95"), D("99.0"))
    assert at_non_strict.share == D(25)  # 99.0 <= 99.0
    assert at_non_strict.tier == CreditTier(below=D("99.0"), strict=False, credit=D(25))
    assert at_non_strict.explanation == "99.0% <= 99.0%: 25%"
    assert credit_for(sc, D("99.95"), D("99.01")).share == D(10)


def test_monthly_cap() -> None:
    sc = _credits(tiers=[{"below": "95", "strict": "true", "credit": "50"}])
    r = credit_for(sc, D("99.95"), D("90"))
    assert (r.uncapped, r.share, r.capped, r.amount) == (D(50), D(30), True, D("300.00"))
    assert r.explanation == "90% < 95%: 50%; capped at 30% a month"


def test_linear_credits_count_full_steps() -> None:
    sc = _credits(tiers=[], linear={"credit": "5", "per_step": "0.1"}, monthly_cap="100")
    assert credit_for(sc, D("99.9"), D("99.9")).share == D(0)
    assert credit_for(sc, D("99.9"), D("99.81")).share == D(0)  # 0.09 below: no full step
    r = credit_for(sc, D("99.9"), D("99.8"))
    assert (r.steps, r.share) == (1, D(5))
    assert credit_for(sc, D("99.9"), D("99.55")).share == D(15)  # 0.35 below: 3 full steps
    assert LinearCredit(credit=D(5), per_step=D("0.1")) == sc.linear


def test_rolling_12_month_cap() -> None:
    sc = _credits(tiers=[{"below": "99", "strict": "true", "credit": "30"}], rolling_12_month_cap="5")
    # 5% of 12 months' charges = 60% of one month's charge
    months = [(f"2026-{m:02d}", D("98")) for m in range(1, 5)]
    got = credits_over_months(sc, D("99.95"), months)
    assert [(c.month, c.share, c.rolling_capped) for c in got] == [
        ("2026-01", D(30), False),
        ("2026-02", D(30), False),
        ("2026-03", D(0), True),
        ("2026-04", D(0), True),
    ]
    assert [c.amount for c in got] == [D("300.00"), D("300.00"), D("0.00"), D("0.00")]
    # a year after the first credit, it leaves the window
    later = credits_over_months(
        sc, D("99.95"), [("2026-01", D("98")), ("2026-02", D("98")), ("2027-01", D("98"))]
    )
    assert [c.share for c in later] == [D(30), D(30), D(30)]
    with pytest.raises(FigureError, match="expected months in order"):
        credits_over_months(sc, D("99.95"), [("2026-02", D(98)), ("2026-01", D(98))])


def test_measured_availability_outside_0_to_100_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"^measured availability must be between 0 and 100%, got 100.5%$"):
        credit_for(_credits(), D("99.95"), D("100.5"))
    with pytest.raises(FigureError, match="got -1%"):
        credit_for(_credits(), D("99.95"), D("-1"))


def test_credit_values_for_the_document() -> None:
    result = run("targets", str(AGREEMENTS / "it-service.yaml"), "--format", "json")
    values = json.loads(result.stdout)["values"]
    assert values["credits.monthly_cap"]["value"] == "50"
    assert values["credits.monthly_cap.amount"]["value"] == "6000.00"
    assert values["credits.rolling_12_month_cap"]["value"] == "15"
    assert values["credits.tier.1"]["label"] == "Credit when availability < 99.95%"
    assert values["credits.tier.1"]["value"] == "10"
    assert values["credits.tier.1.amount"]["value"] == "1200.00"
    assert values["credits.tier.3"]["value"] == "50"


def test_non_strict_tier_label(write_agreement: Callable[..., Path]) -> None:
    data = example_data("it-service")
    data["inputs"]["service_credits"]["tiers"][0]["strict"] = "false"
    data["inputs"]["service_credits"]["linear"] = {"credit": "2%", "per_step": "0.1"}
    result = run("targets", str(write_agreement(data)), "--format", "json")
    assert result.exit_code == 0, result.output
    values = json.loads(result.stdout)["values"]
    assert values["credits.tier.1"]["label"] == "Credit when availability <= 99.95%"
    assert values["credits.linear"]["label"] == "Credit per full 0.1% of availability below target"
    assert values["credits.linear"]["value"] == "2"
