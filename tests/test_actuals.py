"""Actuals files (YAML and CSV): typed records, and bad rows reported at file:line:column."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import AGREEMENTS, build_tree, run

from slagen.agreement.load import load_agreement
from slagen.agreement.period import parse_period
from slagen.tracking import load_actuals, measure
from slagen.tracking.measures import planned_maintenance

SM = AGREEMENTS / "sales-marketing.yaml"
IT = AGREEMENTS / "it-service.yaml"
EXAMPLE = AGREEMENTS / "actuals" / "sales-marketing-2026.yaml"


def recalc_fails(agreement: Path, actuals: Path) -> list[str]:
    """Run ``slagen recalc`` expecting exit 1 and an unchanged agreement; the error's lines."""
    before = agreement.read_bytes()
    result = run("recalc", str(agreement), str(actuals))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert agreement.read_bytes() == before
    return result.output.splitlines()


def test_bad_yaml_rows_are_all_reported_at_their_cells(tmp_path: Path) -> None:
    bad = (
        build_tree(
            tmp_path,
            {
                "a.yaml": """agreement: sales-marketing
daily:
  - {date: 2026-10-01, qualified_leads: four}
  - {date: 2026-10-32, qualified_leads: 3}
leads:
  - {id: L1, handed_off: 2026-10-01 09:00, first_follow_up: 2026-10-01 08:00, attempts: 2, connected: true}
  - {id: L2, handed_off: 2026-10-01 09:00, attemps: 2, connected: yes}
tracked:
  - {month: 2026-13, leads: 10}
servce: []
"""
            },
        )
        / "a.yaml"
    )
    assert recalc_fails(SM, bad) == [
        f"{bad}:3:41: daily[0].qualified_leads: expected a whole number of zero or more, got 'four'",
        f"{bad}:4:12: daily[1].date: expected a real calendar date, got '2026-10-32'",
        f"{bad}:6:61: leads[0].first_follow_up: expected a time after the hand-off (2026-10-01 09:00), "
        "got 2026-10-01 08:00",
        f"{bad}:7:5: leads[1]: missing field 'attempts'",
        f"{bad}:7:53: leads[1].attemps: unknown field 'attemps' (did you mean 'attempts'?)",
        f"{bad}:7:67: leads[1].connected: expected true or false, got 'yes'",
        f"{bad}:9:5: tracked[0]: missing fields 'customers', 'customer_revenue', 'marketing_revenue', "
        "'total_revenue'",
        f"{bad}:9:13: tracked[0].month: expected a month written YYYY-MM, got '2026-13'",
        f"{bad}:10:1: servce: unknown section 'servce' (did you mean 'service'?)",
        "9 errors",
    ]


def test_bad_csv_rows_name_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "a.csv"
    bad.write_text(
        "record,date,qualified_leads,id,handed_off,first_follow_up,attempts,connected,month,leads,customers\n"
        "daily,2026-10-01,4,,,,,,,,\n"
        'leads,,,L1,2026-10-01 09:00,"2026-10-01 09:30",two,false,,,\n'
        "tracked,,3,,,,,,2026-10,10,20\n"
        "dayly,2026-10-02,1\n"
        "daily,2026-10-01,5,,,,,,,,\n",
        encoding="utf-8",
    )
    assert recalc_fails(SM, bad) == [
        f"{bad}:3:48: leads.attempts: expected a whole number of zero or more, got 'two'",
        f"{bad}:4:1: tracked: missing fields 'customer_revenue', 'marketing_revenue', 'total_revenue'",
        f"{bad}:4:10: tracked.qualified_leads: column 'qualified_leads' is not used by 'tracked' records; "
        "leave it empty",
        f"{bad}:5:1: record: unknown record 'dayly' (did you mean 'daily'?)",
        f"{bad}:6:1: daily: 2026-10-01 is given twice in daily (first on line 2)",
        "5 errors",
    ]


def test_csv_header_problems(tmp_path: Path) -> None:
    bad = tmp_path / "a.csv"
    bad.write_text("date,qualified_leads\n2026-10-01,4\n", encoding="utf-8")
    assert recalc_fails(SM, bad) == [
        f"{bad}:1:1: expected a 'record' column in the header, got date, qualified_leads",
        "1 error",
    ]
    bad.write_text("record,date,qualified_lead\ndaily,2026-10-01,4\n", encoding="utf-8")
    assert recalc_fails(SM, bad)[0] == (
        f"{bad}:1:13: qualified_lead: unknown column 'qualified_lead' (did you mean 'qualified_leads'?)"
    )


def test_checks_across_rows(tmp_path: Path) -> None:
    bad = (
        build_tree(
            tmp_path,
            {
                "a.yaml": """tracked:
  - {month: 2026-10, leads: 10, customers: 12, customer_revenue: 1200, marketing_revenue: 900, total_revenue: 800}
  - {month: 2026-10, leads: 10, customers: 5, customer_revenue: 500, marketing_revenue: 500, total_revenue: 800}
service:
  - {month: 2026-11, availability: 99.9, downtime_minutes: 43}
  - {month: 2026-12, downtime_minutes: 44641}
  - {month: 2027-01, availability: 100.5}
leads:
  - {id: L1, handed_off: 2026-10-01 09:00, attempts: 0, connected: true}
"""
            },
        )
        / "a.yaml"
    )
    assert recalc_fails(SM, bad) == [
        f"{bad}:2:44: tracked[0].customers: expected at most the month's 10 leads, got 12",
        f"{bad}:2:91: tracked[0].marketing_revenue: expected at most the total revenue (800), got 900",
        f"{bad}:3:5: tracked[1]: 2026-10 is given twice in tracked (first on line 2)",
        f"{bad}:5:5: service[0]: expected exactly one of 'availability' or 'downtime_minutes'",
        f"{bad}:6:40: service[1].downtime_minutes: expected at most the 44640 minutes of 2026-12, got 44641",
        f"{bad}:7:36: service[2].availability: expected a percentage from 0 to 100, got '100.5'",
        f"{bad}:9:54: leads[0].attempts: a connected lead had at least 1 attempt, got 0",
        "7 errors",
    ]


def test_actuals_must_fit_their_agreement(tmp_path: Path) -> None:
    bad = (
        build_tree(
            tmp_path,
            {
                "a.yaml": """agreement: sales-marketing
measures:
  - {goal: follow-up-sped, measure: first_follow_up_minutes}
  - {goal: revenue, measure: response_minutes.p9}
tickets:
  - {id: T1, severity: p7, opened: 2026-10-01 10:00, response_minutes: 5}
"""
            },
        )
        / "a.yaml"
    )
    assert recalc_fails(IT, bad) == [
        f"{bad}:1:12: agreement: these actuals are for agreement 'sales-marketing', but {IT} is 'it-service'",
        f"{bad}:3:12: measures[0].goal: no goal 'follow-up-sped' in {IT} (expected one of: availability, "
        "downtime-quarter, p1-response, p1-resolution, p2-response, p2-resolution, maintenance-approval)",
        f"{bad}:4:12: measures[1].goal: no goal 'revenue' in {IT} (expected one of: availability, "
        "downtime-quarter, p1-response, p1-resolution, p2-response, p2-resolution, maintenance-approval)",
        f"{bad}:4:30: measures[1].measure: no severity 'p9' in {IT} (expected one of: p1, p2, p3, p4)",
        f"{bad}:6:24: tickets[0].severity: no severity 'p7' in {IT} (expected one of: p1, p2, p3, p4)",
        "5 errors",
    ]


def test_unknown_measure_is_named(tmp_path: Path) -> None:
    bad = build_tree(
        tmp_path, {"a.yaml": "measures:\n  - {goal: revenue, measure: first_followup_minutes}\n"}
    )
    assert recalc_fails(SM, bad / "a.yaml")[0] == (
        f"{bad / 'a.yaml'}:2:30: measures[0].measure: unknown measure 'first_followup_minutes' "
        "(did you mean 'first_follow_up_minutes'?)"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "1:1: file is empty; expected a mapping of actuals sections"),
        (b"- 1\n", "1:1: expected a mapping of actuals sections at the top level, got a list"),
        (b"daily: 3\n", "1:8: daily: expected a list of records, got '3'"),
        (b"daily:\n  - 2026-10-01\n", "2:5: daily[0]: expected a mapping of fields, got '2026-10-01'"),
        (b"daily: [{date: [1]}]\n", "1:16: daily[0].date: expected a single value, got a list"),
    ],
)
def test_files_that_are_not_actuals(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "a.yaml"
    bad.write_bytes(content)
    assert recalc_fails(SM, bad)[0] == f"{bad}:{message}"


def test_yaml_and_csv_say_the_same(tmp_path: Path) -> None:
    yml = build_tree(
        tmp_path,
        {
            "a.yaml": """daily:
  - {date: 2026-10-01, qualified_leads: 3}
  - {date: 2026-10-02, qualified_leads: 2}
leads:
  - {id: L1, handed_off: 2026-10-01 09:00, first_follow_up: 2026-10-01 09:20, attempts: 2, connected: true}
  - {id: L2, handed_off: 2026-10-01 10:00, first_follow_up: 2026-10-01 10:45, attempts: 5, connected: false}
  - {id: L3, handed_off: 2026-10-02T11:00:30, attempts: 0, connected: false}
tracked:
  - {month: 2026-10, leads: 5, customers: 2, customer_revenue: 210.50, marketing_revenue: 210.50, total_revenue: 300}
""",
            "a.csv": """record,date,qualified_leads,id,handed_off,first_follow_up,attempts,connected,month,leads,customers,customer_revenue,marketing_revenue,total_revenue
daily,2026-10-01,3,,,,,,,,,,,
daily,2026-10-02,2,,,,,,,,,,,
leads,,,L1,2026-10-01 09:00,2026-10-01 09:20,2,true,,,,,,
leads,,,"L2",2026-10-01 10:00,2026-10-01 10:45,5,false,,,,,,
leads,,,L3,2026-10-02T11:00:30,,0,false,,,,,,
tracked,,,,,,,,2026-10,5,2,210.50,210.50,300
""",
        },
    )
    a, b = load_actuals(yml / "a.yaml"), load_actuals(yml / "a.csv")
    assert (a.daily, a.leads, a.tracked) == (b.daily, b.leads, b.tracked)
    october = parse_period("2026-10")
    got = {n: measure(a, n, october).value for n in ("qualified_leads", "first_follow_up_minutes")}
    assert got == {"qualified_leads": Decimal(5), "first_follow_up_minutes": Decimal("32.50")}
    depth = measure(b, "attempts_unconnected", october)
    assert (depth.value, depth.basis) == (Decimal("2.50"), "average over 2 unconnected leads")
    assert measure(b, "customer_revenue", october).value == Decimal("210.50")
    assert measure(b, "customers", parse_period("2026-11")).value is None


def test_availability_from_downtime_and_tickets() -> None:
    a = load_actuals(AGREEMENTS / "actuals" / "it-service-2026.yaml")
    nov, q4 = parse_period("2026-11"), parse_period("2026-Q4")
    # Without maintenance windows: 52 of November's 43,200 minutes down: 99.87962..., rounded
    # down to 4 places; October 99.98% of 44,640 min = 8.928 min down, plus 52: 60.928 of 87,840
    assert measure(a, "availability", nov).value == Decimal("99.8796")
    assert measure(a, "downtime_minutes", q4).value == Decimal("60.93")
    assert measure(a, "availability", q4).value == Decimal("99.9306")
    # it-service's Maximum Available Minutes leave out its Sunday 02:00-04:00 Europe/Berlin
    # maintenance: November has five Sundays (600 minutes), so 52 of 42,600 minutes:
    # 100 x (1 - 52 / 42,600) = 99.877934...% -> 99.8779%; October four, one of them the 3-hour
    # 25 October (540 minutes): 99.98% of 44,100 minutes leaves 8.82 minutes down; the quarter's
    # two months: 60.82 of 86,700 minutes, 99.929850...% -> 99.9298%.
    planned = planned_maintenance(load_agreement(AGREEMENTS / "it-service.yaml").agreement)
    assert planned(nov.start, nov.end) == 600
    november = measure(a, "availability", nov, planned)
    assert (november.value, november.basis) == (
        Decimal("99.8779"),
        "over the 42,600 minutes of 1 measured month outside planned maintenance (600 minutes)",
    )
    assert measure(a, "downtime_minutes", q4, planned).value == Decimal("60.82")
    assert measure(a, "availability", q4, planned).value == Decimal("99.9298")
    slowest = measure(a, "response_minutes.p2", q4)
    assert (slowest.value, slowest.basis) == (Decimal(75), "slowest of 3 p2 tickets")


def test_example_actuals_load_and_check_skips_them() -> None:
    a = load_actuals(EXAMPLE)
    assert a.agreement == "sales-marketing"
    assert [t.month.label for t in a.tracked] == ["2026-07", "2026-08", "2026-09", "2026-10"]
    assert sum(d.qualified_leads for d in a.daily) == len(a.leads) == 78 + 81 + 74 + 104
    result = run("check", "--strict", str(AGREEMENTS))
    assert result.exit_code == 0, result.output


def test_actuals_read_numbers_as_the_agreement_does(tmp_path: Path) -> None:
    """One reader for both: ASCII digits only, no leading zero, a sign only where it can be."""
    text = """agreement: sales-marketing
daily:
  - {date: 2026-10-01, qualified_leads: 012}
  - {date: 2026-10-02, qualified_leads: ٣}
  - {date: 2026-１0-03, qualified_leads: -1}
tracked:
  - {month: 2026-10, leads: 10, customers: 2, customer_revenue: 0100, marketing_revenue: 1.5e3, total_revenue: -5}
"""
    bad = build_tree(tmp_path, {"a.yaml": text}) / "a.yaml"

    def at(line: int, value: str) -> str:
        return f"{bad}:{line}:{text.splitlines()[line - 1].index(value) + 1}"

    note = " (a leading zero is ambiguous: YAML 1.1 would read it as octal)"
    assert recalc_fails(SM, bad) == [
        f"{at(3, '012')}: daily[0].qualified_leads: expected a whole number of zero or more, got '012'{note}",
        f"{at(4, '٣')}: daily[1].qualified_leads: expected a whole number of zero or more, got '٣'",
        f"{at(5, '2026')}: daily[2].date: expected a date written YYYY-MM-DD, got '2026-１0-03'",
        f"{at(5, '-1')}: daily[2].qualified_leads: expected a whole number of zero or more, got '-1'",
        f"{at(7, '0100')}: tracked[0].customer_revenue: expected a number of zero or more, got '0100'{note}",
        f"{at(7, '1.5e3')}: tracked[0].marketing_revenue: expected a number of zero or more, got '1.5e3'",
        f"{at(7, '-5')}: tracked[0].total_revenue: expected a number of zero or more, got '-5'",
        "7 errors",
    ]


def test_covers_is_read_as_a_period_and_every_row_lies_in_it(tmp_path: Path) -> None:
    bad = tmp_path / "a.yaml"
    text = """agreement: sales-marketing
covers: 2026-10-01..2026-10-20
daily:
  - {date: 2026-10-01, qualified_leads: 4}
  - {date: 2026-10-21, qualified_leads: 3}
leads:
  - {id: L1, handed_off: 2026-09-30 17:00, first_follow_up: 2026-10-01 08:00, attempts: 2, connected: true}
tracked:
  - {month: 2026-09, leads: 10, customers: 5, customer_revenue: 50, marketing_revenue: 50, total_revenue: 60}
  - {month: 2026-10, leads: 10, customers: 5, customer_revenue: 50, marketing_revenue: 50, total_revenue: 60}
"""
    bad.write_text(text)
    col = {
        n: text.splitlines()[n - 1].index(w) + 1
        for n, w in ((5, "2026-10-21"), (7, "2026-09-30"), (9, "2026-09"))
    }
    days = "within the days the file covers (2026-10-01 to 2026-10-20)"
    assert recalc_fails(SM, bad) == [
        f"{bad}:5:{col[5]}: daily[1].date: expected a day {days}, got 2026-10-21",
        f"{bad}:7:{col[7]}: leads[0].handed_off: expected a time {days}, got 2026-09-30",
        # a month need only overlap the days covered (October's does)
        f"{bad}:9:{col[9]}: tracked[0].month: expected a month {days}, got 2026-09",
        "3 errors",
    ]
    bad.write_text("agreement: sales-marketing\ncovers: 2026-Q5\n")
    assert recalc_fails(SM, bad) == [
        f"{bad}:2:9: covers: expected a period such as 2026, 2026-Q4, 2026-11, 2026-W47 or "
        "2026-11-15..2026-11-30, got '2026-Q5'",
        "1 error",
    ]
    # a service month gives every day of the month: it must lie within the days covered
    bad.write_text(
        "agreement: it-service\ncovers: 2026-10-01..2026-11-10\nservice:\n  - {month: 2026-11, downtime_minutes: 5}\n"
    )
    assert (
        recalc_fails(IT, bad)[0]
        == f"{bad}:4:13: service[0].month: expected a month {days.replace('10-20', '11-10')}, got 2026-11"
    )


def test_csv_covers_is_a_record_with_its_period(tmp_path: Path) -> None:
    csv = tmp_path / "a.csv"
    csv.write_text(
        "record,date,qualified_leads,period\ncovers,,,2026-10\ndaily,2026-10-01,4,\ndaily,2026-11-01,4,\n",
        encoding="utf-8",
    )
    assert recalc_fails(SM, csv) == [
        f"{csv}:4:7: daily.date: expected a day within the days the file covers (2026-10-01 to 2026-10-31), "
        "got 2026-11-01",
        "1 error",
    ]
    csv.write_text("record,date,qualified_leads,period\ncovers,,,2026-10\ndaily,2026-10-01,4,\n")
    assert load_actuals(csv).covers == parse_period("2026-10")
    csv.write_text("record,period\ncovers,2026-10\ncovers,2026-11\n")
    assert recalc_fails(SM, csv) == [f"{csv}:3:8: covers: covers is given twice (first on line 2)", "1 error"]
