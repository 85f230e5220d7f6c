"""Support times timed from ticket time stamps on the agreement's clock: business hours in its
time zone, less its holidays, or every real minute across clock changes; and the tracking
report's list of the holidays that affected the measurement. Figures checked by hand."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pdfplumber
import yaml
from conftest import AGREEMENTS, build_tree, example_data, run
from render_helpers import pdf_text

from slagen.agreement.load import load_agreement
from slagen.agreement.period import parse_period
from slagen.calendars.elapsed import Hours, business_seconds, real_seconds
from slagen.tracking import load_actuals
from slagen.tracking.attainment import attainment
from slagen.tracking.clock import on_the_clock

IT = AGREEMENTS / "it-service.yaml"
ACTUALS = AGREEMENTS / "actuals" / "it-service-2026.yaml"
BERLIN = Hours(("monday", "tuesday", "wednesday", "thursday", "friday"), "08:00", "18:00", "Europe/Berlin")


def test_business_hours_skip_nights_weekends_and_holidays() -> None:
    # Thu 24 Dec 16:30 -> Mon 28 Dec 09:10: Thursday 16:30-18:00 (90 min), Friday 25 Dec is a
    # holiday, the weekend has no business hours, Monday 08:00-09:10 (70 min): 160 minutes.
    xmas = {date(2026, 12, 25)}
    e = business_seconds(
        datetime(2026, 12, 24, 16, 30), datetime(2026, 12, 28, 9, 10), BERLIN, xmas.__contains__
    )
    assert (e.seconds, e.holidays) == (160 * 60, (date(2026, 12, 25),))
    # Without the holiday, Friday's 10 hours count: 760 minutes.
    e = business_seconds(
        datetime(2026, 12, 24, 16, 30), datetime(2026, 12, 28, 9, 10), BERLIN, set().__contains__
    )
    assert (e.seconds, e.holidays) == (760 * 60, ())
    # Opened and answered after hours on one day: no business time passed.
    e = business_seconds(
        datetime(2026, 12, 1, 18, 30), datetime(2026, 12, 1, 23, 0), BERLIN, set().__contains__
    )
    assert e.seconds == 0


def test_a_24x7_clock_counts_real_minutes_across_the_clock_change() -> None:
    # 25 Oct 2026, Europe/Berlin: 01:30 CEST is 23:30 UTC (the 24th), 04:45 CET is 03:45 UTC:
    # 4 h 15 min of real time, though the wall clock moved 3 h 15 min.
    assert (
        real_seconds(datetime(2026, 10, 25, 1, 30), datetime(2026, 10, 25, 4, 45), "Europe/Berlin")
        == 255 * 60
    )
    # 29 Mar 2026: 01:30 CET -> 03:30 CEST is 1 real hour.
    assert real_seconds(datetime(2026, 3, 29, 1, 30), datetime(2026, 3, 29, 3, 30), "Europe/Berlin") == 3600


def _stamped(tmp_path: Path) -> tuple[Path, Path]:
    """it-service with a p3 response goal, and actuals whose tickets are time stamps."""
    data = example_data("it-service")
    data["goals"].append(
        {
            "id": "p3-response",
            "party": "stratus",
            "metric": "Time to first response to a severity-3 incident, in business hours",
            "comparison": "at-most",
            "target": {"computed": "support.p3.response_minutes"},
            "unit": "minutes",
            "interval": "month",
            "measured_by": "Help-desk time stamps of the ticket and of the first reply",
            "measure": "per-event",
            "per": "severity-3 incident",
            "owner": "helena",
            "stage": "service",
        }
    )
    agreement = tmp_path / "it-service.yaml"
    agreement.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    actuals = (
        build_tree(
            tmp_path,
            {
                "stamped.yaml": """agreement: it-service
tickets:
  - {id: T-1, severity: p1, opened: 2026-10-25 01:30, responded: 2026-10-25 01:40, resolved: 2026-10-25 04:45}
  - {id: T-2, severity: p3, opened: 2026-12-24 16:30, responded: 2026-12-28 09:10}
  - {id: T-3, severity: p3, opened: 2026-12-02 17:00, responded: 2026-12-03 12:30}
"""
            },
        )
        / "stamped.yaml"
    )
    return agreement, actuals


def test_goals_are_judged_on_the_times_the_clock_gives(tmp_path: Path) -> None:
    agreement, actuals_file = _stamped(tmp_path)
    a = load_agreement(agreement).agreement
    actuals = load_actuals(actuals_file)
    timed = {t.id: t for t in on_the_clock(a, actuals).tickets}
    # T-1, p1 (24x7): 10 minutes to respond; 4 h 15 min real time to resolve (the clock change).
    assert (timed["T-1"].response_minutes, timed["T-1"].resolution_hours, timed["T-1"].clock) == (
        Decimal(10), Decimal("4.25"), "24x7",
    )  # fmt: skip
    # T-2, p3 (business hours): 160 minutes, Christmas Day stopped the clock.
    assert (timed["T-2"].response_minutes, timed["T-2"].holidays) == (Decimal(160), (date(2026, 12, 25),))
    # T-3: Wed 2 Dec 17:00-18:00 (60) + Thu 3 Dec 08:00-12:30 (270) = 330 business minutes.
    assert timed["T-3"].response_minutes == Decimal(330)
    results = {g.goal_id: g for g in attainment(a, actuals, parse_period("2026-10")).goals}
    assert (results["p1-resolution"].actual, results["p1-resolution"].status) == (Decimal("4.25"), "missed")
    december = {g.goal_id: g for g in attainment(a, actuals, parse_period("2026-12")).goals}
    # The slowest December p3 response is T-3's 330 minutes, over the 240 allowed.
    assert (december["p3-response"].actual, december["p3-response"].status) == (Decimal(330), "missed")


def _tables(pdf: Path) -> dict[str, list[list[str]]]:
    """Every table of the PDF by its first header cell, cells with their line breaks as spaces."""
    out: dict[str, list[list[str]]] = {}
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            for table in page.extract_tables():
                rows = [[" ".join((c or "").split()) for c in row] for row in table]
                out.setdefault(rows[0][0], rows)
    return out


def test_the_report_lists_the_holidays_that_affected_the_measurement(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("report", str(IT), str(ACTUALS), "--period", "2026-Q4", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_text(out / "it-service" / "it-service-report-2026-Q4.pdf").split())
    assert "Calendar: holidays and business hours" in text
    assert "1 holiday of 2026-Q4 affected what was measured." in text
    tables = _tables(out / "it-service" / "it-service-report-2026-Q4.pdf")
    # Christmas Day (Friday) closes a Hesse business day; the Second Day of Christmas is a
    # Saturday, no business day anyway, and is left out.
    assert tables["Date"] == [
        ["Date", "Day", "Holiday", "What it changed"],
        [
            "25/12/2026", "Friday", "Christmas Day",
            "not a business day of Stratus Cloud Services GmbH: no business hours for p3, p4 support; "
            "stopped the clock of INC-1090 (p3)",
        ],
    ]  # fmt: skip
    # INC-1090: 2 h 40 min to respond (4 h allowed); resolved Tue 29 Dec 10:00: 90 + 600 + 120
    # business minutes = 13 h 30 min (72 h allowed).
    # Times are Europe/Berlin time with their UTC offset: INC-1065, logged at 00:40 UTC on
    # 25 October, is the first 02:40 of that night, still summer time (UTC+2); p4 in business
    # hours: Sunday counts nothing, Monday 08:00-09:00 is its 1 h response, Monday 08:00-18:00 and
    # Tuesday 08:00-10:00 its 12 h resolution. INC-1090 in December is winter time (UTC+1).
    assert tables["Ticket"][1:] == [
        [
            "INC-1065", "p4", "25/10/2026 02:40 UTC+2", "business hours", "1 h (8 h allowed)",
            "12 h (120 h allowed)", "none",
        ],
        [
            "INC-1090", "p3", "24/12/2026 16:30 UTC+1", "business hours", "2 h 40 min (4 h allowed)",
            "13 h 30 min (72 h allowed)", "25/12/2026",
        ],
    ]  # fmt: skip
    assert (
        "Ticket times are Europe/Berlin time, with their offset from UTC (CET, UTC+1 in winter; CEST, "
        "UTC+2 in summer)."
    ) in text


def test_a_report_without_business_hours_has_no_calendar_part(tmp_path: Path) -> None:
    out = tmp_path / "out"
    actuals = AGREEMENTS / "actuals" / "sales-marketing-2026.yaml"
    result = run(
        "report", str(AGREEMENTS / "sales-marketing.yaml"), str(actuals), "-o", str(out), "--format", "html"
    )
    assert result.exit_code == 0, result.output
    html = next((out / "sales-marketing").glob("*.html")).read_text()
    assert 'id="calendar"' not in html


def test_ticket_times_given_twice_none_or_before_the_opening(
    tmp_path: Path, write_agreement: Callable[..., Path]
) -> None:
    bad = (
        build_tree(
            tmp_path,
            {
                "bad.yaml": """tickets:
  - {id: T1, severity: p1, opened: 2026-10-01 10:00, response_minutes: 5, responded: 2026-10-01 10:05}
  - {id: T2, severity: p1, opened: 2026-10-01 10:00}
  - {id: T3, severity: p1, opened: 2026-10-01 10:00, responded: 2026-10-01 09:00}
"""
            },
        )
        / "bad.yaml"
    )
    before = IT.read_bytes()
    result = run("report", str(IT), str(bad), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.output.splitlines() == [
        f"{bad}:2:86: tickets[0].responded: expected one of 'response_minutes' or 'responded' (the time "
        "stamp it is timed from), got both",
        f"{bad}:3:5: tickets[1]: expected one of 'response_minutes' or 'responded' (a time stamp)",
        f"{bad}:4:65: tickets[2].responded: expected a time after the ticket was opened (2026-10-01 10:00), "
        "got 2026-10-01 09:00",
        "3 errors",
    ]
    assert IT.read_bytes() == before
    assert not (tmp_path / "out").exists()


def test_the_report_lists_a_delivery_a_holiday_moved(tmp_path: Path) -> None:
    # paper-supplier: the Monday delivery due on Boxing Day (observed), 28 December 2026, is
    # made on Tuesday 29 December.
    actuals = build_tree(
        tmp_path,
        {"paper.yaml": "agreement: paper-supplier\ngoals:\n  - {goal: reams-delivered, period: 2026-10, actual: 1}\n"},
    ) / "paper.yaml"  # fmt: skip
    out = tmp_path / "out"
    result = run("report", str(AGREEMENTS / "paper-supplier.yaml"), str(actuals), "-o", str(out))
    assert result.exit_code == 0, result.output
    tables = _tables(out / "paper-supplier" / "paper-supplier-report-2026-Q4.pdf")
    assert tables["Date"][1:] == [
        [
            "28/12/2026",
            "Monday",
            "Boxing Day (observed)",
            "monday-delivery: made on the next business day (29/12/2026)",
        ]
    ]
    text = " ".join(pdf_text(out / "paper-supplier" / "paper-supplier-report-2026-Q4.pdf").split())
    assert "Ticket times are" not in text  # no ticket, no clock in business hours


def test_a_time_with_its_offset_is_one_instant_in_the_agreements_zone(tmp_path: Path) -> None:
    agreement, _ = _stamped(tmp_path)
    actuals = (
        build_tree(
            tmp_path,
            {
                "offsets.yaml": """agreement: it-service
tickets:
  - {id: T-1, severity: p1, opened: 2026-10-25 02:50+02:00, responded: 2026-10-25 02:05+01:00}
  - {id: T-2, severity: p2, opened: 2026-07-01T08:00Z, responded: 2026-07-01 10:30}
"""
            },
        )
        / "offsets.yaml"
    )
    a = load_agreement(agreement).agreement
    timed = {t.id: t for t in on_the_clock(a, load_actuals(actuals)).tickets}
    # 02:50 summer time (00:50 UTC) to 02:05 winter time (01:05 UTC), once the clocks went back
    # from 03:00 to 02:00: 15 real minutes, though the wall clock went back 45.
    t1 = timed["T-1"]
    assert (t1.response_minutes, t1.opened.isoformat()) == (Decimal(15), "2026-10-25T02:50:00+02:00")
    # 08:00 UTC in July is 10:00 in Berlin (UTC+2): 30 minutes to the 10:30 response.
    t2 = timed["T-2"]
    assert (t2.response_minutes, t2.opened.isoformat()) == (Decimal(30), "2026-07-01T10:00:00+02:00")


def test_a_wall_clock_time_the_clock_change_skips_or_repeats_is_refused(tmp_path: Path) -> None:
    text = """agreement: it-service
tickets:
  - {id: T-1, severity: p1, opened: 2026-10-25 02:30, response_minutes: 5}
  - {id: T-2, severity: p1, opened: 2027-03-28 02:30, response_minutes: 5}
  - {id: T-3, severity: p1, opened: 2026-10-25 02:30+01:00, responded: 2026-10-25 02:40+02:00}
"""
    bad = build_tree(tmp_path, {"bad.yaml": text}) / "bad.yaml"
    result = run("report", str(IT), str(bad), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = text.splitlines()
    col = lines[2].index("opened: ") + 9
    assert result.output.splitlines() == [
        f"{bad}:3:{col}: tickets[0].opened: expected one time, got 2026-10-25 02:30, which happens twice "
        "in Europe/Berlin as the clocks go back: write its UTC offset (2026-10-25 02:30+02:00 or "
        "2026-10-25 02:30+01:00)",
        f"{bad}:4:{col}: tickets[1].opened: expected a time that exists in Europe/Berlin, got "
        "2027-03-28 02:30: the clocks go forward over it",
        # 02:40 summer time is 00:40 UTC, before 02:30 winter time (01:30 UTC)
        f"{bad}:5:{lines[4].index('responded: ') + 12}: tickets[2].responded: expected a time after the "
        "ticket was opened (2026-10-25 02:30+01:00), got 2026-10-25 02:40+02:00",
        "3 errors",
    ]
