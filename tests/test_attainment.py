"""Attainment: goals met and missed against the example actuals, and what follows from it."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pdfplumber
import yaml
from conftest import AGREEMENTS, build_tree, run
from render_helpers import pdf_text

from slagen.agreement.load import load_agreement
from slagen.agreement.period import parse_period
from slagen.tracking import check_against, load_actuals
from slagen.tracking.attainment import Attainment, GoalResult, attainment


def attain(name: str, period: str, actuals: Path | None = None) -> Attainment:
    path = AGREEMENTS / f"{name}.yaml"
    a = load_agreement(path).agreement
    act = load_actuals(actuals or AGREEMENTS / "actuals" / f"{name}-2026.yaml")
    check_against(a, act, str(path))
    return attainment(a, act, parse_period(period))


def table(at: Attainment) -> list[tuple[str, str | None, str | None, str]]:
    return [
        (
            g.goal_id,
            None if g.target is None else str(g.target),
            None if g.actual is None else str(g.actual),
            g.status,
        )
        for g in at.goals
    ]


def goal(at: Attainment, goal_id: str) -> GoalResult:
    """The result of the goal ``goal_id`` in ``at``."""
    return next(g for g in at.goals if g.goal_id == goal_id)


def test_a_month_where_every_goal_is_met() -> None:
    at = attain("sales-marketing", "2026-10")
    assert table(at) == [
        ("qualified-leads", "100", "104", "met"),
        ("revenue", "5000.00", "5408", "met"),
        ("new-customers", "50", "52", "met"),
        ("follow-up-speed", "60", "42.09", "met"),
        ("follow-up-depth", "6", "6.00", "met"),  # each unconnected lead: the fewest attempts
        ("campaign-feedback", "1", "1", "met"),
    ]
    assert [g.basis for g in at.goals][:2] == [
        "qualified_leads: sum of 31 days",
        "marketing_revenue: sum of 1 tracked month",
    ]
    assert at.missed_in_a_row == 0
    assert not at.plan.applies
    assert [c.met for c in at.cancellation] == [False, None]


def test_three_months_missed_in_a_row_meet_the_cancellation_condition() -> None:
    at = attain("sales-marketing", "2026-Q3")
    assert table(at) == [
        ("qualified-leads", "300", "233", "missed"),
        ("revenue", "15000.00", "10294", "missed"),
        ("new-customers", "150", "105", "missed"),
        ("follow-up-speed", "60", "94.39", "missed"),
        ("follow-up-depth", "6", "2.00", "missed"),  # each unconnected lead: the fewest attempts
        ("campaign-feedback", "1", "0", "missed"),
    ]
    assert [(i.period.label, i.missed) for i in at.intervals] == [
        ("2026-07", True),
        ("2026-08", True),
        ("2026-09", True),
    ]
    assert at.missed_in_a_row == 3
    first, second = at.cancellation
    assert (first.text, first.missed_in_a_row, first.met) == (
        "Either party's goals are missed for the last three months in a row",
        3,
        True,
    )
    assert second.met is None
    plan = at.plan
    assert plan.applies
    assert plan.diagnosed_by == ("Amir Haddad (Chief Marketing Officer)", "Kendra Mills (Head of Sales)")
    assert plan.consequences[0].startswith("Marketing and sales meet within five business days")
    assert plan.strikes is not None
    assert (plan.strikes.window.label, plan.strikes.count, plan.strikes.limit, plan.strikes.reached) == (
        "2026-Q3",
        3,
        3,
        True,
    )


def test_missed_months_are_counted_back_from_the_period() -> None:
    assert attain("sales-marketing", "2026-08").missed_in_a_row == 2
    sep = attain("sales-marketing", "2026-09")
    assert sep.missed_in_a_row == 3
    assert [c.met for c in sep.cancellation] == [True, None]
    assert attain("sales-marketing", "2026-10").missed_in_a_row == 0


def test_recalculated_inputs_and_the_targets_they_imply() -> None:
    r = attain("sales-marketing", "2026-10").recalculation
    assert r is not None
    assert r.months == ("2026-10",)
    assert (r.result.close_rate.value, r.result.average_deal_size.value, r.result.marketing_share.value) == (
        Decimal("50.00"),
        Decimal("104.00"),
        Decimal("96.57"),
    )
    assert r.next_period.label == "2026-11"
    # 5000 x 96.57% = 4828.50 USD; / 104.00 = 46.4... -> 47 customers; / 50% = 94 leads
    assert r.implied.values["funnel.marketing_revenue_goal"].value == Decimal("4828.50")
    assert r.implied.values["funnel.leads_needed"].value == Decimal(94)
    assert r.current.values["funnel.leads_needed"].value == Decimal(100)
    q3 = attain("sales-marketing", "2026-Q3").recalculation
    assert q3 is not None
    assert q3.figures.marketing_leads == Decimal(233)
    assert q3.result.close_rate.value == Decimal("45.06")


def test_service_month_with_an_outage_earns_a_credit() -> None:
    at = attain("it-service", "2026-11")
    rows = {g[0]: g[1:] for g in table(at)}
    # Availability is promised for every rolling window of 30 days: November's verdict is its
    # windows'. The worst ending in it, 24 October to 22 November, holds five Sundays, 25 October
    # of 3 hours (660 minutes of maintenance), and the outage: 100 x (1 - 52 / 42,540) =
    # 99.877763...% -> 99.8777%.
    assert rows["availability"] == ("99.95", "99.8777", "missed")
    availability = goal(at, "availability")
    assert (availability.window_days, availability.basis) == (
        30,
        "availability: rolling windows of 30 days ending in 2026-11 (30 evaluated, 14 missed); "
        "the worst 24/10/2026 to 22/11/2026",
    )
    # The downtime goal is per quarter: November alone does not judge it. Its target is the
    # quarter's: Q4's 92 days x 1,440 minutes less the 1,620 minutes of Sunday maintenance
    # (13 windows, one of them 3 hours over the clock change), x 0.05%, allows 65.43 minutes.
    assert rows["downtime-quarter"] == ("65.43", None, "not judged")
    downtime = goal(at, "downtime-quarter")
    assert (downtime.period.label, downtime.basis) == (
        "2026-Q4",
        "a goal per quarter: judged over 2026-Q4 as a whole, not over 2026-11",
    )
    # A share of events: the one severity-2 ticket took 75 minutes, over the 60-minute limit,
    # so 0% of them met it, against a target of 95%
    assert rows["p2-response"] == ("95", "0.00", "missed")
    assert rows["maintenance-approval"] == ("2", "2", "met")
    # The month's tier: its worst window's 99.8777% is below 99.95%: 10% of 12,000 EUR.
    assert [(c.month, c.result.measured, c.share, c.amount) for c in at.credits] == [
        ("2026-11", Decimal("99.8777"), Decimal(10), Decimal("1200.00"))
    ]
    assert (at.credit_total, at.credit_window_days) == (Decimal("1200.00"), 30)
    assert at.recalculation is None
    assert at.recalculation_note == "agreement 'it-service' has no inputs.funnel to recalculate"
    october = attain("it-service", "2026-10")
    assert {g.status for g in october.goals} == {"met", "not judged"}
    assert october.credit_total == Decimal("0.00")
    # The outage of 17 November is in the windows ending to 16 December: December misses too,
    # and earns its own tier. Its worst window, 7 November to 6 December, holds five Sundays
    # (600 minutes): 100 x (1 - 52 / 42,600) = 99.8779%. The availability strikes count both.
    december = attain("it-service", "2026-12")
    rows = {g[0]: g[1:] for g in table(december)}
    assert rows["availability"] == ("99.95", "99.8779", "missed")
    assert [(c.month, c.result.measured, c.amount) for c in december.credits] == [
        ("2026-12", Decimal("99.8779"), Decimal("1200.00"))
    ]
    assert december.plan.strikes is not None and december.plan.strikes.count == 2
    # October's two windows (1-30 and 2-31 October, four Sundays, one of 3 hours: 42,660
    # minutes) hold 8.82 minutes: 99.979325...% -> 99.9793%, met.
    assert {g[0]: g[1:] for g in table(october)}["availability"] == ("99.95", "99.9793", "met")


def test_rolling_cap_counts_the_months_before_the_period(tmp_path: Path) -> None:
    actuals = (
        build_tree(
            tmp_path,
            {
                "a.yaml": "service:\n"
                + "".join(f"  - {{month: 2027-0{m}, availability: 90}}\n" for m in range(1, 5))
            },
        )
        / "a.yaml"
    )
    at = attain("it-service", "2027-04", actuals)
    # 50% a month (the monthly cap) for January to March uses 150 of the 180% (12 x 15%) cap
    (april,) = at.credits
    assert (april.result.share, april.share, april.rolling_capped, april.amount) == (
        Decimal(50),
        Decimal(30),
        True,
        Decimal("3600.00"),
    )
    assert at.missed_in_a_row == 4


def test_a_goal_without_a_measure_has_no_data(tmp_path: Path) -> None:
    actuals = (
        build_tree(tmp_path, {"a.yaml": "daily:\n  - {date: 2026-10-01, qualified_leads: 4}\n"}) / "a.yaml"
    )
    at = attain("sales-marketing", "2026-10", actuals)
    feedback = goal(at, "campaign-feedback")
    assert (feedback.actual, feedback.status, feedback.basis) == (
        None,
        "no data",
        "no measure: name one in the actuals' measures section, or give the actual in goals",
    )
    assert at.recalculation_note == f"{actuals}: no tracked month inside 2026-10 to recalculate from"


def test_chart_series_for_the_report() -> None:
    from slagen.tracking.series import goal_bars, lead_lines, service_months

    sm = load_agreement(AGREEMENTS / "sales-marketing.yaml").agreement
    act = load_actuals(AGREEMENTS / "actuals" / "sales-marketing-2026.yaml")
    (october,) = lead_lines(sm, act, parse_period("2026-10"))
    assert (october.month, october.goal, october.gap) == ("2026-10", Decimal(100), Decimal("4.00"))
    first, last = october.points[0], october.points[-1]
    # 100 leads over 31 days: 3.23 on day 1 (shown to 2 places), 100 on day 31
    assert (str(first.day), first.goal, first.actual) == ("2026-10-01", Decimal("3.23"), 5)
    assert (str(last.day), last.goal, last.actual) == ("2026-10-31", Decimal("100.00"), 104)
    bars = goal_bars(sm, act, parse_period("2026-10"), "follow-up-speed")
    assert [b.label for b in bars] == ["2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44"]
    assert (bars[0].start.day, bars[0].end.day, bars[0].target, bars[0].met) == (1, 4, Decimal(60), True)
    it = load_agreement(AGREEMENTS / "it-service.yaml").agreement
    months = service_months(
        it, load_actuals(AGREEMENTS / "actuals" / "it-service-2026.yaml"), parse_period("2026-Q4")
    )
    assert [(m.month, m.measured, m.allowed_downtime, m.downtime) for m in months] == [
        # Allowed: (minutes - Sunday maintenance) x 0.05%: October 540 planned minutes (one
        # window 3 h over the clock change), November 600 (five Sundays), December 480.
        # Measured the same way: October's 99.98% of its 44,100 minutes outside maintenance
        # is 8.82 minutes down; November's 52 of 42,600 minutes 99.877934...% -> 99.8779%.
        ("2026-10", Decimal("99.98"), Decimal("22.05"), Decimal("8.82")),
        ("2026-11", Decimal("99.8779"), Decimal("21.3"), Decimal("52.00")),
        ("2026-12", None, Decimal("22.08"), None),
    ]


def _service(tmp_path: Path, rows: str) -> Path:
    return build_tree(tmp_path, {"a.yaml": "service:\n" + rows}) / "a.yaml"


def test_a_condition_counts_only_its_goals_below_its_floor(tmp_path: Path) -> None:
    # it-service: "Monthly availability is below 99.0% for three months in a row" counts
    # months with availability under 99.0, not every month with a missed goal.
    under = _service(
        tmp_path / "under",
        "".join(f"  - {{month: 2027-0{m}, availability: 98.5}}\n" for m in (1, 2, 3)),
    )
    q1 = attain("it-service", "2027-Q1", under)
    availability = q1.cancellation[0]
    assert (availability.in_a_row, availability.met, availability.goals, availability.below) == (
        3,
        True,
        ("availability",),
        Decimal("99.0"),
    )
    # Short of 99.95% but above 99.0%: the availability goal is missed three times (three
    # strikes), but the cancellation condition is not met.
    short = _service(
        tmp_path / "short",
        "".join(f"  - {{month: 2027-0{m}, availability: 99.5}}\n" for m in (1, 2, 3)),
    )
    q1 = attain("it-service", "2027-Q1", short)
    assert q1.missed_in_a_row == 3
    assert (q1.cancellation[0].in_a_row, q1.cancellation[0].met) == (0, False)
    assert q1.plan.strikes is not None
    assert (q1.plan.strikes.count, q1.plan.strikes.reached, q1.plan.strikes.goals) == (
        3,
        True,
        ("availability",),
    )


def test_strikes_count_only_the_goals_they_name(tmp_path: Path) -> None:
    # Availability is kept every month, but a slow p2 answer misses p2-response in each:
    # three missed months in a row, and no strike (the strikes count availability only).
    actuals = (
        build_tree(
            tmp_path,
            {
                "a.yaml": "service:\n"
                + "".join(f"  - {{month: 2027-0{m}, availability: 99.99}}\n" for m in (1, 2, 3))
                + "tickets:\n"
                + "".join(
                    f"  - {{id: T{m}, severity: p2, opened: 2027-0{m}-10 10:00, response_minutes: 90}}\n"
                    for m in (1, 2, 3)
                )
            },
        )
        / "a.yaml"
    )
    q1 = attain("it-service", "2027-Q1", actuals)
    assert q1.missed_in_a_row == 3
    assert q1.plan.strikes is not None
    assert (q1.plan.strikes.count, q1.plan.strikes.reached) == (0, False)
    assert (q1.cancellation[0].in_a_row, q1.cancellation[0].met) == (0, False)


def test_a_quarterly_goal_is_judged_over_the_quarter() -> None:
    # Q4 of the example actuals: October's 99.98% of its 44,100 minutes outside the Sunday
    # maintenance is 8.82 minutes down, November 52: 60.82 minutes against the 65.43 that 99.95%
    # of Q4's 92 days less 1,620 minutes of Sunday maintenance allows.
    q4 = attain("it-service", "2026-Q4")
    rows = {g[0]: g[1:] for g in table(q4)}
    assert rows["downtime-quarter"] == ("65.43", "60.82", "met")
    # In the months of the quarter it is not judged, so it does not count as a missed month.
    assert [[g.status for g in i.goals if g.goal_id == "downtime-quarter"] for i in q4.intervals] == [
        ["not judged"]
    ] * 3


def test_check_names_bad_goals_of_conditions_and_strikes(tmp_path: Path) -> None:
    text = (AGREEMENTS / "it-service.yaml").read_text(encoding="utf-8")
    for old, new in (
        (
            "      goals: [availability]\n      below: 99.0",
            "      goals: [availabilty, downtime-quarter]\n      below: 99.0",
        ),
        ("    goals: [availability]\n    consequence", "    goals: [p1-respons]\n    consequence"),
        (
            "    - text: Stratus loses its ISO/IEC 27001 certification\n",
            "    - text: Stratus loses its ISO/IEC 27001 certification\n      goals: [availability]\n",
        ),
    ):
        assert old in text
        text = text.replace(old, new)
    bad = build_tree(tmp_path, {"it.yaml": text}) / "it.yaml"
    lines = text.splitlines()
    strikes = lines.index("    goals: [p1-respons]") + 1
    condition = lines.index("      goals: [availabilty, downtime-quarter]") + 1
    result = run("check", str(bad))
    assert result.exit_code == 1
    ids = "availability, downtime-quarter, maintenance-approval, p1-resolution, p1-response, p2-resolution, p2-response"
    assert result.output.splitlines() == [
        f"{bad}:{strikes}:13: missed_goals.strikes.goals[0]: expected a goal id ({ids}), got 'p1-respons' "
        "(did you mean 'p1-response'?)",
        f"{bad}:{condition}:15: cancellation.conditions[0].goals[0]: expected a goal id ({ids}), "
        "got 'availabilty' (did you mean 'availability'?)",
        f"{bad}:{condition}:28: cancellation.conditions[0].goals[1]: 'below' counts falling under a floor, "
        "so its goals are compared 'at-least'; 'downtime-quarter' is 'at-most'",
        f"{bad}:{condition + 4}:14: cancellation.conditions[1].goals: 'goals' says what 'missed_in_a_row' "
        "counts; this condition has no count",
        "4 errors",
    ]


def _measured_to(tmp_path: Path, last: str | None, covers: str | None = None) -> Path:
    """The it-service actuals measured only to the day of the downtime row ``last`` in November:
    October's 99.98% and its 8.82 minutes down on 6 October, then ``last`` (the tickets and the
    goals' actuals as the example has them), covering ``covers`` (without it, no ``covers``: the
    rows say how far the downtime is measured)."""
    text = (AGREEMENTS / "actuals" / "it-service-2026.yaml").read_text()
    assert "\ncovers: 2026-Q4\n" in text
    text = text.replace("\ncovers: 2026-Q4\n", f"\ncovers: {covers}\n" if covers else "\n")
    head, _, rest = text.partition("service:\n")
    _, _, tail = rest.partition("\ntickets:\n")
    service = ["{month: 2026-10, availability: 99.98}"]
    downtime = ["{date: 2026-10-06, minutes: 8.82}", *([last] if last else [])]
    lines = ["service:", *(f"  - {x}" for x in service), "downtime:", *(f"  - {x}" for x in downtime)]
    path = tmp_path / "it-service-to-mid-november.yaml"
    path.write_text(head + "\n".join(lines) + "\n\ntickets:\n" + tail)
    return path


def test_windows_after_the_last_day_measured_are_not_yet_measured(tmp_path: Path) -> None:
    # Measured to 10 November (a 0-minute row says the checks ran to there without downtime).
    path = _measured_to(tmp_path, "{date: 2026-11-10, minutes: 0}")
    november = attain("it-service", "2026-11", path)
    availability = goal(november, "availability")
    # The windows ending 1-10 November are measured and met; the 20 ending 11-30 November hold
    # days not yet measured: November is not met, and not missed, yet. Its figure so far is the
    # worst measured window, 3 October to 1 November: five Sundays, 25 October of 3 hours (660
    # minutes of maintenance), 8.82 minutes down: 100 x (1 - 8.82 / 42,540) = 99.97926...%.
    assert (availability.status, availability.actual) == ("not yet measured", Decimal("99.9792"))
    assert availability.basis == (
        "availability: rolling windows of 30 days ending in 2026-11 (10 evaluated, 0 missed, 20 not yet "
        "measured: the downtime is measured 01/10/2026 to 10/11/2026); the worst 03/10/2026 to 01/11/2026"
    )
    # A month whose windows are not all measured has no tier credit yet (its lowest window is
    # not known), and does not count as met towards the strikes or the cancellation conditions.
    assert november.credits == ()
    (month,) = november.intervals
    assert month.counts(frozenset({"availability"})) is None
    assert month.counts(frozenset({"availability"}), Decimal("99.97")) is None
    assert month.counts(frozenset({"availability"}), Decimal("99.98")) is True  # 99.9792 already under it
    # December: none of its windows is measured.
    december = goal(attain("it-service", "2026-12", path), "availability")
    assert (december.status, december.actual) == ("not yet measured", None)
    assert "0 evaluated, 0 missed, 31 not yet measured" in december.basis


def test_a_window_missed_before_the_last_day_measured_is_missed(tmp_path: Path) -> None:
    # Measured to 17 November, the day of the 52-minute outage: the window ending on it misses
    # the 99.95% already, so November is missed whatever its last 13 windows hold.
    path = _measured_to(tmp_path, "{date: 2026-11-17, minutes: 52}")
    november = attain("it-service", "2026-11", path)
    availability = goal(november, "availability")
    # 19 October to 17 November: four Sundays, one of 3 hours (540 minutes): 52 / 42,660.
    assert (availability.status, availability.actual) == ("missed", Decimal("99.8781"))
    assert "(17 evaluated, 1 missed, 13 not yet measured: the downtime is measured" in availability.basis


def test_the_report_says_a_window_is_not_yet_measured(tmp_path: Path) -> None:
    path = _measured_to(tmp_path, "{date: 2026-11-10, minutes: 0}")
    out = tmp_path / "out"
    args = ["report", str(AGREEMENTS / "it-service.yaml"), str(path), "--period", "2026-11", "-o", str(out)]
    result = run(*args)
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_text(out / "it-service" / "it-service-report-2026-11.pdf").split())
    assert "(10 evaluated, 0 missed, 20 not yet measured: the downtime is measured" in text
    # and the rolling windows' section says how many are not yet measured, and why
    # counted by hand: the 30 windows ending 1-30 November; 10 (ending 1-10 November) evaluated,
    # 20 (ending 11-30 November) with a day after 10 November; none starts before 1 October
    assert (
        "30 windows of 30 consecutive days end in 2026-11. 20 are not yet measured: the actuals "
        "measure the downtime from 01/10/2026 to 10/11/2026. Of the 10 evaluated, 0 missed" in text
    )


def test_the_bases_are_in_the_agreements_language(tmp_path: Path) -> None:
    data = yaml.safe_load((AGREEMENTS / "it-service.yaml").read_text(encoding="utf-8"))
    data["presentation"]["locale"] = "pl-PL"
    path = tmp_path / "it-service.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    a = load_agreement(path).agreement
    act = load_actuals(AGREEMENTS / "actuals" / "it-service-2026.yaml")
    polish = attainment(a, act, parse_period("2026-Q4"))
    basis = {g.goal_id: g.basis for g in polish.goals}
    # the worst window as in English (24 October to 22 November), its dates as Polish writes them
    assert basis["availability"] == (
        "availability: kroczące okna 30 dni kończące się w okresie 2026-Q4 (ocenionych: 63, "
        "niedotrzymanych: 30, zaczynających się przed okresem obowiązywania: 29); "
        "najgorsze od 24.10.2026 do 22.11.2026"
    )
    # three resolved p2 tickets: the "few" form of Polish (2-4)
    assert (
        basis["p2-resolution"]
        == "resolution_hours.p2: każde zdarzenie: najwyższa wartość (3 rozwiązane zgłoszenia p2)"
    )
    assert basis["downtime-quarter"] == "downtime_minutes: suma (2 zmierzone miesiące)"
    november = attainment(a, act, parse_period("2026-11"))
    assert {g.goal_id: g.basis for g in november.goals}["downtime-quarter"] == (
        "cel kwartalny: oceniany za cały okres 2026-Q4, nie za 2026-11"
    )
    # No word of the English bases is left, but the names the agreement and the actuals give
    # (measures, severities, the goal's own unit and event): the same report in English.
    english = attainment(
        load_agreement(AGREEMENTS / "it-service.yaml").agreement, act, parse_period("2026-Q4")
    )
    assert [g.status for g in english.goals] == [g.status for g in polish.goals]
    texts = [g.basis for g in english.goals] + [c.misses + " " + c.why for c in english.goal_credits]
    ours = {w for t in texts for w in re.findall(r"[a-z]{3,}", t)}
    given = {"availability", "response", "resolution", "minutes", "hours", "downtime", "severity", "incident"}
    assert ours - given  # the English bases have words of their own
    polish_texts = [g.basis for g in polish.goals] + [c.misses + " " + c.why for c in polish.goal_credits]
    found = {w for t in polish_texts for w in re.findall(r"[a-z]{3,}", t)}
    assert found & (ours - given) == set()


def test_a_month_not_yet_fully_measured_has_no_known_credit(tmp_path: Path) -> None:
    # Measured to 10 November: October's credits are known (no tier: its lowest window, 1 to 30
    # October, 99.9793%; its p1 ticket answered in 9 minutes), November's and December's not.
    path = _measured_to(tmp_path, "{date: 2026-11-10, minutes: 0}")
    q4 = attain("it-service", "2026-Q4", path)
    assert q4.credits_unknown == ("2026-11", "2026-12")
    assert q4.credit_total == Decimal("0.00")  # October's, the only month known
    out = tmp_path / "out"
    args = ["report", str(AGREEMENTS / "it-service.yaml"), str(path), "--period", "2026-Q4", "-o", str(out)]
    result = run(*args)
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_text(out / "it-service" / "it-service-report-2026-Q4.pdf").split())
    assert "No service credit is owed for 2026-Q4" not in text
    assert (
        "No service credit is owed for 2026-10. The service credits for 2026-11, 2026-12 are not known "
        "yet: the months are not yet fully measured." in text
    )
    # the months' table says November's tier and amount are not known; its share so far is 0%
    pdf = out / "it-service" / "it-service-report-2026-Q4.pdf"
    with pdfplumber.open(pdf) as doc:
        rows = [
            [" ".join((c or "").split()) for c in row]
            for page in doc.pages
            for table in page.extract_tables()
            for row in table
        ]
    assert [
        "2026-11",
        "not known yet",
        "0%",
        "0%",
        "0% of the monthly charge so far",
        "not known yet",
        "within the caps",
    ] in rows
    assert not any(r[0] == "Total" for r in rows)  # no total that reads as the quarter's
    # November alone: nothing is known yet
    result = run(*args[:-4], "--period", "2026-11", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_text(out / "it-service" / "it-service-report-2026-11.pdf").split())
    assert "The service credit for 2026-11 is not known yet: the month is not yet fully measured." in text
    assert "No service credit is owed" not in text


def test_covers_says_how_far_the_downtime_is_measured(tmp_path: Path) -> None:
    # The same rows said to cover 1 October to 10 November: the last row (6 October) does not end
    # what is measured, covers does. Counted by hand for November: 30 windows end in it, 10
    # (ending 1-10 November) evaluated, 20 not yet measured.
    path = _measured_to(tmp_path, None, covers="2026-10-01..2026-11-10")
    path.write_text(re.sub(r"  - \{id: INC-10(78|79|90).*\n", "", path.read_text()))
    november = attain("it-service", "2026-11", path)
    availability = goal(november, "availability")
    assert (availability.status, availability.actual) == ("not yet measured", Decimal("99.9792"))
    assert "(10 evaluated, 0 missed, 20 not yet measured: the actuals cover 01/10/2026 to 10/11/2026)" in (
        availability.basis
    )
    # and a ticket goal over a month the file covers in part: no p1 ticket is listed to 10
    # November, which is not "no data" but not yet measured
    assert goal(november, "p1-response").status == "not yet measured"
    assert november.credits_unknown == ("2026-11",)


def test_a_quarter_the_actuals_cover_in_part_is_not_yet_measured() -> None:
    # The sales-marketing actuals cover July to October: over the fourth quarter nothing is
    # settled. 104 leads of 300 and 5,408 USD of 15,000 may still be reached; the averages, the
    # fewest attempts and the monthly review met in October may still be missed in November or
    # December (the review's figure is the worst month's: met so far is not met).
    q4 = attain("sales-marketing", "2026-Q4")
    assert {g.goal_id: g.status for g in q4.goals} == dict.fromkeys(
        (
            "qualified-leads",
            "revenue",
            "new-customers",
            "follow-up-speed",
            "follow-up-depth",
            "campaign-feedback",
        ),
        "not yet measured",
    )
    assert [g.actual for g in q4.goals][:3] == [Decimal(104), Decimal(5408), Decimal(52)]
    assert [{g.status for g in i.goals} for i in q4.intervals] == [
        {"met"},
        {"not yet measured"},
        {"not yet measured"},
    ]
    assert not q4.plan.applies
