"""The real calendar: rolling windows, IANA zones, recurring maintenance over clock changes,
holidays, business hours and deliveries, with figures checked by hand."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
import yaml
from conftest import AGREEMENTS, example_data, run
from docx import Document
from render_helpers import pdf_text, raw_page_texts

from slagen.agreement.load import load_agreement
from slagen.agreement.period import parse_period
from slagen.agreement.vocabulary import STYLES
from slagen.calendars import recurrence as rec
from slagen.tracking import load_actuals
from slagen.tracking.rolling import rolling_windows


def _it(**availability: Any) -> dict[str, Any]:
    data = example_data("it-service")
    del data["inputs"]["availability"]["rolling_days"]
    data["inputs"]["availability"].update(availability)
    return data


def _targets(path: Path, *args: str) -> dict[str, Any]:
    result = run("targets", str(path), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["values"]  # type: ignore[no-any-return]


def _check(path: Path) -> list[str]:
    result = run("check", str(path))
    assert result.exit_code == 1, result.output
    return result.output.splitlines()


def _line(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), start=1) if text in line)


# --- measurement windows ----------------------------------------------------------------


def test_rolling_28_and_7_day_windows_at_99_9(write_agreement: Callable[..., Path]) -> None:
    # Each window's minutes less the Sunday 02:00-04:00 maintenance it holds, x 0.1%. A 28-day
    # window holds four Sundays (480 minutes), or 540 with 25 October, when the clocks go back: (40,320 - 480) x 0.1% = 39.84, (40,320 - 540) x 0.1% = 39.78. A 7-day window holds
    # one: (10,080 - 120) x 0.1% = 9.96, or (10,080 - 180) x 0.1% = 9.9 in the week of 25 October.
    values = _targets(write_agreement(_it(target="99.9", measured_per="rolling", rolling_days="28")))
    window = {k.rsplit(".", 1)[1]: v["value"] for k, v in values.items() if ".window" in k}
    assert window == {"window-480": "39.84", "window-540": "39.78"}
    assert values["availability.target"]["per"] is None
    week = _targets(write_agreement(_it(target="99.9", measured_per="rolling", rolling_days="7")))
    window = {k.rsplit(".", 1)[1]: v["value"] for k, v in week.items() if ".window" in k}
    assert window == {"window-120": "9.96", "window-180": "9.9"}
    # Without recurring maintenance every window allows the same: 28 x 1,440 x 0.1% = 40.32, and
    # 7 x 1,440 x 0.1% = 10.08.
    for days, allowed in (("28", "40.32"), ("7", "10.08")):
        plain = _it(target="99.9", measured_per="rolling", rolling_days=days)
        del plain["inputs"]["availability"]["maintenance_windows"]
        values = _targets(write_agreement(plain, f"plain-{days}.yaml"))
        assert values["availability.downtime_minutes.window"]["value"] == allowed
    weekly = _it(target="99.9", measured_per="week")
    weekly["goals"][0]["interval"] = "week"
    iso_week = _targets(write_agreement(weekly))
    assert iso_week["availability.downtime_minutes.week"]["value"] == "10.08"
    table = run(
        "targets", str(write_agreement(_it(target="99.9", measured_per="rolling", rolling_days="28")))
    )
    assert (
        "Allowed downtime in any 28 consecutive days with 8 hours of planned maintenance = (minutes "
        "in a 28-day window (days x 1,440) - planned maintenance minutes the calendar schedules in it)"
    ) in table.stdout
    assert "(39 min 50 s)" in table.stdout  # 39.84 minutes


def test_the_documents_state_the_window_and_its_downtime(tmp_path: Path) -> None:
    result = run("render", str(AGREEMENTS / "it-service.yaml"), "--style", "two-column", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_text(tmp_path / "it-service" / "it-service-2026-Q4-two-column.pdf").split())
    assert (
        "Availability of at least 99.95%, measured over every rolling window of 30 consecutive days" in text
    )
    # One convention for every allowed-downtime figure, the months' and the windows': minutes
    # less the Sunday 02:00-04:00 maintenance, x 0.05%. A 30-day window holds four or five
    # Sundays: (43,200 - 480) x 0.05% = 21.36; - 540 (four, one of them 25 October, 3 real hours
    # as the clocks go back) = 21.33; - 600 (five) = 21.30; - 660 (five with 25 October) = 21.27.
    for hours, minutes in (("8", "21.36"), ("9", "21.33"), ("10", "21.30"), ("11", "21.27")):
        row = f"any 30 consecutive days with {hours} hours of planned maintenance {minutes} minutes"
        assert row in text
    assert "21.60 minutes" not in text  # the window before maintenance: not the agreement's figure


def test_a_rolling_window_needs_its_days(write_agreement: Callable[..., Path]) -> None:
    data = _it(measured_per="rolling")
    path = write_agreement(data)
    line = _line(path, "measured_per: rolling")
    assert (
        f"{path}:{line}:19: inputs.availability.measured_per: a rolling window needs 'rolling_days' (e.g. 28 or 30)"
        in _check(path)
    )


# --- recurring maintenance across clock changes -------------------------------------------


def test_sunday_0200_0400_berlin_hours_per_month() -> None:
    rule = rec.Rule("week", "sunday", None, "02:00", "04:00", "Europe/Berlin")
    # November 2026 has five Sundays (1, 8, 15, 22, 29): 5 x 2 h.
    assert rec.hours(rec.month_minutes(rule, 2026, 11)) == 10
    # October 2026 has four (4, 11, 18, 25); on the 25th clocks go back at 03:00 CEST to 02:00
    # CET, so 02:00-04:00 lasts 3 hours: 2 + 2 + 2 + 3.
    assert rec.minutes(rule, date(2026, 10, 25)) == 180
    assert rec.hours(rec.month_minutes(rule, 2026, 10)) == 9
    # 28 March 2027 clocks go forward at 02:00 to 03:00: the window is 1 hour.
    assert rec.minutes(rule, date(2027, 3, 28)) == 60
    first_saturday = rec.Rule("month", "saturday", "first", "22:00", "02:00", "Europe/Berlin")
    assert rec.days_in(first_saturday, date(2026, 10, 1), date(2026, 12, 31)) == [
        date(2026, 10, 3),
        date(2026, 11, 7),
        date(2026, 12, 5),
    ]
    assert rec.minutes(first_saturday, date(2026, 11, 7)) == 240  # past midnight


def test_maintenance_hours_are_targets_and_in_the_documents(tmp_path: Path) -> None:
    values = _targets(AGREEMENTS / "it-service.yaml")
    hours = {k.rsplit(".", 1)[1]: v["value"] for k, v in values.items() if ".maintenance_hours." in k}
    assert hours == {"2026-10": "9", "2026-11": "10", "2026-12": "8", "period": "27"}
    # November: (30 x 1,440 - 600 planned) x 0.05% = 21.3 minutes.
    assert values["availability.downtime_minutes.2026-11"]["value"] == "21.3"
    result = run(
        "render",
        str(AGREEMENTS / "it-service.yaml"),
        "--style",
        "tabular",
        "--format",
        "pdf,docx",
        "-o",
        str(tmp_path),
    )
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_text(tmp_path / "it-service" / "it-service-2026-Q4-tabular.pdf").split())
    assert "every Sunday, 02:00-04:00 Europe/Berlin time, announced at least 5 business days ahead" in text
    assert "Europe/Berlin time (CET, UTC+1 in winter; CEST, UTC+2 in summer)" in text
    rows = [
        [c.text for c in row.cells]
        for t in Document(str(tmp_path / "it-service" / "it-service-2026-Q4-tabular.docx")).tables
        for row in t.rows
    ]
    i = rows.index(["Planned maintenance from the recurring windows", "Hours"])
    assert rows[i + 1 : i + 5] == [
        ["2026-10", "9 hours"],
        ["2026-11", "10 hours"],
        ["2026-12", "8 hours"],
        ["2026-Q4", "27 hours"],
    ]


def test_a_cap_the_calendar_exceeds_names_the_months(write_agreement: Callable[..., Path]) -> None:
    data = example_data("it-service")
    data["inputs"]["availability"]["maintenance_windows"][0]["hours_per_month"] = "8"
    path = write_agreement(data)
    line = _line(path, "hours_per_month: '8'")
    assert (
        f"{path}:{line}:24: inputs.availability.maintenance_windows[0].hours_per_month: the window is capped at "
        "8 hours a month, but the calendar gives more in 2026-10 (9 h), 2026-11 (10 h), 2027-01 (10 h), "
        "2027-05 (10 h), 2027-08 (10 h): raise the cap or shorten the window"
    ) in _check(path)


def test_a_recurrence_without_length_or_a_zone_is_an_error(write_agreement: Callable[..., Path]) -> None:
    data = example_data("it-service")
    data["inputs"]["availability"]["maintenance_windows"][0]["recurrence"] = {
        "every": "month",
        "day": "sunday",
        "start": "02:00",
        "end": "02:00",
    }
    path = write_agreement(data)
    lines = _check(path)
    assert (
        f"{path}:{_line(path, 'every: month')}:16: inputs.availability.maintenance_windows[0].recurrence.every: "
        "a monthly recurrence needs 'which' (first ... fifth, or last)" in lines
    )
    assert any("recurrence.end: expected an end time other than the start (02:00)" in x for x in lines)


def test_a_recurrence_that_cannot_occur_in_the_term(write_agreement: Callable[..., Path]) -> None:
    data = example_data("it-service")
    data["term"].update({"start": "2027-02-01", "end": "2027-02-28", "period": "2027-02"})
    data["review"] = {"mid_term": "2027-02-14", "end_of_term": "2027-02-27", "metrics_every": "month"}
    data["inputs"]["availability"]["maintenance_windows"][0]["recurrence"] = {
        "every": "month",
        "day": "sunday",
        "which": "fifth",
        "start": "02:00",
        "end": "04:00",
    }
    path = write_agreement(data)
    assert any(
        "recurrence: the recurrence (the fifth Sunday of every month, 02:00-04:00 Europe/Berlin time) cannot "
        "occur: no day of the term (2027-02-01 to 2027-02-28) is one" in x
        for x in _check(path)
    )


# --- time zones -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "message"),
    [
        (
            "CET",
            "expected an IANA time-zone name, e.g. Europe/Berlin, Europe/Paris or Europe/Warsaw, got 'CET': "
            "an abbreviation names an offset, not a place, and is wrong for the part of the year on summer time",
        ),
        (
            "Europe/Berln",
            "expected an IANA time-zone name such as Europe/Berlin, got 'Europe/Berln', which is not one "
            "(did you mean 'Europe/Berlin'?)",
        ),
    ],
)
def test_a_zone_must_be_an_iana_name(write_agreement: Callable[..., Path], zone: str, message: str) -> None:
    data = example_data("it-service")
    data["calendar"]["time_zone"] = zone
    path = write_agreement(data)
    assert f"{path}:{_line(path, 'time_zone:')}:14: calendar.time_zone: {message}" in _check(path)


def test_lint_finds_a_zone_abbreviation_in_the_wording(write_agreement: Callable[..., Path]) -> None:
    data = example_data("it-service")
    data["clauses"]["definitions"][1]["meaning"] = "08:00 to 18:00 CET on Business Days"
    path = write_agreement(data)
    result = run("lint", str(path))
    assert result.exit_code == 0, result.output
    line = _line(path, "08:00 to 18:00 CET")
    assert (
        f"{path}:{line}:14: clauses.definitions[1].meaning: warning: SLA018 'CET' is one UTC offset, wrong "
        "for the part of the year on summer time: write 'Europe/Berlin time' (calendar.time_zone)"
    ) in result.output.splitlines()
    # Without a calendar, the places that use the abbreviation are named instead.
    data = example_data("sales-marketing")
    data["requirements"][0]["text"] = "Leads handed off by 17:00 EST each day"
    path = write_agreement(data, "sm.yaml")
    out = run("lint", str(path)).output
    assert (
        "SLA018 'EST' is one UTC offset, wrong for the part of the year on summer time: write a place: America/New_York or America/Toronto"
        in out
    )
    # The examples write their times in their zone.
    assert "SLA018" not in run("lint", str(AGREEMENTS)).output


# --- holidays, business hours, deliveries ----------------------------------------------------


def _uk_and_pl() -> dict[str, Any]:
    data = example_data("paper-supplier")
    data["calendar"]["holidays"][1] = {"party": "xeno", "country": "PL"}
    return data


def test_uk_and_polish_holidays_of_the_period_are_listed(
    write_agreement: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_agreement(_uk_and_pl())
    values = _targets(path)
    assert values["calendar.holidays.supplier"]["inputs"] == [
        {"name": "2026-12-25", "value": "Christmas Day"},
        {"name": "2026-12-26", "value": "Boxing Day"},
        {"name": "2026-12-28", "value": "Boxing Day (observed)"},  # the substitute Monday
    ]
    polish = [i["name"] for i in values["calendar.holidays.xeno"]["inputs"]]
    assert polish == ["2026-11-01", "2026-11-11", "2026-12-24", "2026-12-25", "2026-12-26"]
    for style in STYLES:
        out = tmp_path / style
        result = run("render", str(path), "--style", style, "--format", "pdf,docx", "-o", str(out))
        assert result.exit_code == 0, result.output
        pdf = out / "paper-supplier" / f"paper-supplier-2026-Q4-{style}.pdf"
        text = " ".join(" ".join(raw_page_texts(pdf)).split())  # each table cell read whole
        for words in ("Boxing Day (observed)", "National Independence Day", "Xeno Architects LLP (Poland)"):
            assert words in text, (style, words)
        docx = Document(str(out / "paper-supplier" / f"paper-supplier-2026-Q4-{style}.docx"))
        if style == "bulleted":  # the bulleted style lists the calendar as bullets, no tables
            bullets = [p.text for p in docx.paragraphs]
            assert (
                "Boxing Day (observed): Monday, 28 December 2026; Calendar: Birchwood Paper Supply Ltd. "
                "(England, the United Kingdom)."
            ) in bullets
            assert (
                "National Independence Day: Wednesday, 11 November 2026; Calendar: Xeno Architects LLP (Poland)."
                in bullets
            )
            continue
        rows = [[c.text for c in row.cells] for t in docx.tables for row in t.rows]
        assert [
            "Boxing Day (observed)",
            "Monday",
            "28 December 2026",
            "Birchwood Paper Supply Ltd. (England, the United Kingdom)",
        ] in rows, style
        assert [
            "National Independence Day",
            "Wednesday",
            "11 November 2026",
            "Xeno Architects LLP (Poland)",
        ] in rows


def test_a_delivery_due_on_a_holiday_moves_to_the_next_business_day(tmp_path: Path) -> None:
    values = _targets(AGREEMENTS / "paper-supplier.yaml")
    monday = values["calendar.deliveries.monday-delivery"]
    assert monday["value"] == "13"  # the 13 Mondays of 2026-Q4, none skipped
    assert {
        "name": "2026-12-28",
        "value": "Boxing Day (observed): made on the next business day (2026-12-29)",
    } in (monday["inputs"])
    result = run(
        "render", str(AGREEMENTS / "paper-supplier.yaml"), "--style", "two-column", "-o", str(tmp_path)
    )
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_text(tmp_path / "paper-supplier" / "paper-supplier-2026-Q4-two-column.pdf").split())
    assert "Monday, 28 December 2026 (Boxing Day (observed)) made on Tuesday, 29 December 2026" in text
    assert "13 delivery days in 2026-Q4." in text
    # the calendar lists the holidays and deliveries; the appendix derives computed figures only
    # (paper-supplier computes none: no appendix at all)
    assert "How these targets were computed" not in text and "monday-delivery" not in text


def test_support_in_business_hours_states_the_hours_and_holidays(tmp_path: Path) -> None:
    values = _targets(AGREEMENTS / "it-service.yaml")
    clock = dict((i["name"], i["value"]) for i in values["support.p3.response_minutes"]["inputs"])
    # the place as the author names it (calendar.holidays[].place), not the package's "Hessen"
    assert clock["clock runs"] == (
        "business hours: Monday to Friday, 08:00-18:00 Europe/Berlin time, except public holidays of Hesse, Germany"
    )
    # October 2026 has 22 weekdays; German Unity Day (3 October) is a Saturday. December has 23,
    # less Christmas Day (Friday 25th); the Second Day of Christmas is a Saturday.
    days = {k.rsplit(".", 1)[1]: v["value"] for k, v in values.items() if ".business_days." in k}
    assert days == {"2026-10": "22", "2026-11": "21", "2026-12": "22"}
    result = run(
        "render", str(AGREEMENTS / "it-service.yaml"), "--style", "legal-narrative", "-o", str(tmp_path)
    )
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_text(tmp_path / "it-service" / "it-service-2026-Q4-legal-narrative.pdf").split())
    assert (
        "Business Hours are Monday to Friday, 08:00-18:00 Europe/Berlin time, except public holidays of Hesse"
        in text
    )


@pytest.mark.parametrize(
    ("change", "key", "message"),
    [
        (
            {"country": "XX"},
            "country",
            "expected a country the holidays package knows (ISO 3166 code such as GB or PL), got 'XX'",
        ),
        ({"subdivision": "ZZ"}, "subdivision", "expected a subdivision of Germany (BB, BE, BW, BY, HB, HE, "),
    ],
)
def test_a_holiday_calendar_that_does_not_exist(
    write_agreement: Callable[..., Path], change: dict[str, str], key: str, message: str
) -> None:
    data = example_data("it-service")
    data["calendar"]["holidays"][0].update(change)
    path = write_agreement(data)
    lines = _check(path)
    at = f"{path}:{_line(path, f'{key}: {change[key]}')}:"
    assert any(x.startswith(at) and f"calendar.holidays[0].{key}: {message}" in x for x in lines), lines


def test_the_schema_and_init_know_the_calendar() -> None:
    schema = json.loads((AGREEMENTS.parent / "schema" / "agreement.schema.json").read_text())
    assert "calendar" in schema["properties"]
    assert "time_zone" in schema["$defs"]["Calendar"]["properties"]
    assert (
        yaml.safe_load((AGREEMENTS / "it-service.yaml").read_text())["calendar"]["time_zone"]
        == "Europe/Berlin"
    )


# --- tracking reports: rolling windows over the actuals ----------------------------------------


def test_the_report_evaluates_rolling_windows_over_the_actuals(tmp_path: Path) -> None:
    agreement = load_agreement(AGREEMENTS / "it-service.yaml").agreement
    actuals = load_actuals(AGREEMENTS / "actuals" / "it-service-2026.yaml")
    r = rolling_windows(agreement, actuals, parse_period("2026-Q4"))
    assert r is not None
    # 92 windows end in Q4; the 29 ending 1-29 October would start before the term (1 October).
    assert (r.days, len(r.windows), r.skipped) == (30, 63, 29)
    # Each window allows 0.05% of its minutes outside its Sunday maintenance: the window of
    # 1-30 October holds 4 Sundays, one of them the 3-hour 25 October: (43,200 - 540) x 0.05%.
    assert (r.windows[0].start, r.windows[0].allowed) == (date(2026, 10, 1), Decimal("21.33"))
    # 21.27 (660 minutes of maintenance) = 21 min 16 s to 21.36 (480) = 21 min 22 s, the report says
    assert r.allowed == (Decimal("21.27"), Decimal("21.3"), Decimal("21.33"), Decimal("21.36"))
    # The 52-minute outage of 17 November is in the 30 windows ending 17 November to 16 December.
    assert [(w.end, w.downtime) for w in r.missed] == [
        (date(2026, 11, 17) + timedelta(days=i), Decimal(52)) for i in range(30)
    ]
    # The worst is the first window with five Sundays, one of them 25 October of 3 hours as the
    # clocks go back (660 minutes), and the outage: 24 October to 22 November,
    # 100 x (1 - 52 / (43,200 - 660)) = 99.87776...% -> 99.8777% (down). The same 52 minutes in
    # 19 October to 17 November (four Sundays, 540 minutes) is 99.8781%.
    assert r.worst is not None and (r.worst.start, r.worst.availability) == (
        date(2026, 10, 24),
        Decimal("99.8777"),
    )
    assert next(w.availability for w in r.windows if w.start == date(2026, 10, 19)) == Decimal("99.8781")
    out = tmp_path / "out"
    result = run(
        "report", str(AGREEMENTS / "it-service.yaml"), str(AGREEMENTS / "actuals" / "it-service-2026.yaml"),
        "--period", "2026-Q4", "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_text(out / "it-service" / "it-service-report-2026-Q4.pdf").split())
    assert (
        "92 windows of 30 consecutive days end in 2026-Q4; 29 would start before the term and are not "
        "evaluated. Of the 63 evaluated, 30 missed the 99.95% target, which allows 21 min 16 s to 21 min "
        "22 s of downtime in 30 days, by the planned maintenance in each. The worst, 24/10/2026 to "
        "22/11/2026, had 52 min (99.8777%)."
    ) in text
    # The 30 windows the outage misses alike are one row.
    with pdfplumber.open(out / "it-service" / "it-service-report-2026-Q4.pdf") as pdf:
        tables = [t for page in pdf.pages for t in page.extract_tables() if t[0][0] == "Window"]
    assert [[" ".join((c or "").split()) for c in row] for row in tables[0][1:]] == [
        ["30 windows ending 17/11/2026 to 16/12/2026", "52 min", "99.8777% to 99.8782%", "Missed"]
    ]


def test_a_polish_calendar_is_written_in_polish(tmp_path: Path) -> None:
    """The calendar section of the Polish example (Europe/Warsaw, PL holidays for both parties,
    the sales team's business hours, a monthly report as a delivery): Polish sentences, CLDR
    weekday and country names, the holidays' Polish names, one row for a holiday both parties
    keep, and the business days derived in Polish in the appendix (checked against a 2026 calendar)."""
    path = AGREEMENTS / "sprzedaz-marketing.yaml"
    result = run("render", str(path), "--style", "tabular", "--format", "html", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    html_file = next((tmp_path / "out").rglob("*.html"))
    page = re.sub(r"<wbr\s*/?>", "", html_file.read_text(encoding="utf-8"))  # no word boundary
    text = " ".join(re.sub(r"<[^>]+>", " ", html.unescape(page)).split())
    section = text[text.index("Kalendarz: strefa czasowa") : text.index("Termin dostawy") + 200]
    assert "(CET, UTC+1 zimą; CEST, UTC+2 latem)" in section
    # 11 November 2026 is a Wednesday: the second Wednesday's report moves to Thursday
    assert "Godziny pracy: poniedziałek–piątek, 09:00–17:00 (czas strefy Europe/Warsaw)" in section
    assert (
        "Miesięczny raport dostarczonych leadów dla kierowniczki sprzedaży: w 2. środę miesiąca; dostarcza"
        in section
    )
    assert (
        "środa, 11 listopada 2026 (Narodowe Święto Niepodległości) zrealizowana: czwartek, 12 listopada 2026"
        in section
    )
    assert (
        section.count("Narodowe Święto Niepodległości środa 11 listopada 2026") == 1
    )  # one row, both parties
    assert "3 dni dostaw w okresie 2026-Q4" in section
    for english in ("every", "Wednesday", "National", "keeps the public holidays", "in winter", "deliveries"):
        assert english not in section
    # Q4 2026 in Poland: 1 Nov (a Sunday), 11 Nov, 24, 25 and 26 Dec (a Saturday)
    assert [
        n
        for n in ("Wszystkich Świętych", "Niepodległości", "Wigilia", "(pierwszy dzień)", "(drugi dzień)")
        if n in section
    ] == ["Wszystkich Świętych", "Niepodległości", "Wigilia", "(pierwszy dzień)", "(drugi dzień)"]
    appendix = text[text.index("Dni robocze strony") :]
    # October: 22 weekdays, no holiday; November: 21 weekdays less the 11th; December: 23 less 24 and 25
    for month, weekdays, closed, days in (
        ("2026-10", 22, 0, 22),
        ("2026-11", 21, 1, 20),
        ("2026-12", 23, 2, 21),
    ):
        row = appendix[appendix.index(f"w miesiącu {month}") :][:600]
        assert f"calendar.business_days.{month} {days} dni" in row
        assert f"dni tygodnia objęte godzinami pracy: {weekdays} " in row
        assert f"przypadające na nie dni ustawowo wolne od pracy: {closed} " in row
    assert "pierwszy dzień: 01.11.2026 ostatni dzień: 30.11.2026" in appendix
    for english in ("Business days", "weekdays", "less public holidays", " to 2026", " days "):
        assert english not in appendix


def test_a_maintenance_window_has_one_wording_in_every_language() -> None:
    """The window's sentence of every style and the legal style's phrase are one function's,
    in the document's language: English as before, Polish with the count's plural form."""
    from slagen.i18n import using
    from slagen.render.context.terms import maintenance_words
    from slagen.render.phrases import Figures
    from slagen.targets.calendar import window_text

    a = load_agreement(AGREEMENTS / "it-service.yaml").agreement
    planned, patches = a.inputs.availability.maintenance_windows
    with using("en-GB"):
        assert window_text(planned, a.calendar, Figures(False, "en-GB", "EUR").counted) == (
            "Planned platform maintenance: every Sunday, 02:00-04:00 Europe/Berlin time, "
            "announced at least 5 business days ahead (at most 10 hours a month)"
        )
        assert maintenance_words(patches, a.calendar, Figures(True, "en-GB", "EUR")) == (
            "emergency security patches, announced at least four (4) hours ahead (at most two (2) hours a month)"
        )
    with using("pl-PL"):
        assert window_text(planned, a.calendar, Figures(False, "pl-PL", "EUR").counted) == (
            "Planned platform maintenance: w każdą niedzielę, 02:00–04:00 (czas strefy Europe/Berlin), "
            "zapowiadane z wyprzedzeniem nie krótszym niż 5 dni roboczych (najwyżej 10 godzin miesięcznie)"
        )
        assert window_text(patches, a.calendar) == (
            "Emergency security patches, zapowiadane z wyprzedzeniem nie krótszym niż 4 godziny (najwyżej 2 godziny "
            "miesięcznie)"
        )
