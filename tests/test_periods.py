"""Periods as date ranges: weeks, explicit ranges, and periods clipped to a term."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from build_helpers import agreement, summary, write_folder
from conftest import example_data, run
from render_helpers import pdf_text

from slagen.agreement.period import clip_to_term, next_period, parse_period


def test_weeks_and_ranges_parse_to_their_days() -> None:
    w = parse_period("2026-W47")
    assert (w.start, w.end, w.days, w.kind) == (date(2026, 11, 16), date(2026, 11, 22), 7, "week")
    r = parse_period("2026-11-15..2026-11-30")
    assert (r.start, r.end, r.days, r.kind) == (date(2026, 11, 15), date(2026, 11, 30), 16, "range")
    assert next_period(r).label == "2026-12-01..2026-12-16"
    assert next_period(w).label == "2026-W48"
    with pytest.raises(ValueError, match="2027 has no ISO week 53"):
        parse_period("2027-W53")
    assert parse_period("2020-W53").start == date(2020, 12, 28)
    with pytest.raises(ValueError, match="end"):
        parse_period("2026-11-30..2026-11-15")


def test_a_named_period_is_clipped_to_the_term_and_a_range_is_not() -> None:
    month = clip_to_term(parse_period("2026-11"), date(2026, 11, 15), date(2027, 11, 14))
    assert (month.start, month.end, month.days, month.whole_days, month.partial) == (
        date(2026, 11, 15),
        date(2026, 11, 30),
        16,
        30,
        True,
    )
    with pytest.raises(ValueError, match="expected a range within the term"):
        clip_to_term(parse_period("2026-11-01..2026-11-30"), date(2026, 11, 15), date(2027, 11, 14))
    with pytest.raises(ValueError, match="overlaps the term"):
        clip_to_term(parse_period("2026-10"), date(2026, 11, 15), date(2027, 11, 14))


def _mid_month(period: str = "2026-11") -> dict[str, Any]:
    """The sales-marketing example with a term from 2026-11-15 and a literal 100-lead monthly goal."""
    data = example_data("sales-marketing")
    data["term"].update({"start": "2026-11-15", "end": "2027-11-14", "period": period})
    data["review"].update({"mid_term": "2027-05-15", "end_of_term": "2027-11-01"})
    for g in data["goals"]:
        if g["id"] == "qualified-leads":
            g["target"] = {"value": "100"}
    return data


def test_a_partial_first_month_pro_rates_a_monthly_goal(write_agreement: Callable[..., Path]) -> None:
    path = write_agreement(_mid_month())
    result = run("targets", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    goal = json.loads(result.stdout)["goals"]["qualified-leads"]
    # 100 a month x 16 of November's 30 days = 53.33..., a count rounded up: 54.
    assert goal["period_total"] == "54"
    assert [(r["label"], r["days"], r["value"]) for r in goal["breakdown"] if r["interval"] == "month"] == [
        ("2026-11", 16, "54")
    ]
    table = run("targets", str(path))
    assert "for 2026-11 (2026-11-15 to 2026-11-30, 16 of its 30 days)" in table.stdout


@pytest.mark.slow
def test_the_document_says_the_period_is_partial(
    write_agreement: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_agreement(_mid_month())
    result = run("render", str(path), "--style", "tabular", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    text = " ".join(
        pdf_text(tmp_path / "out" / "sales-marketing" / "sales-marketing-2026-11-tabular.pdf").split()
    )
    assert (
        "November 15, 2026 to November 30, 2026: 16 of the 30 days of 2026-11, as the term starts on November 15, 2026"
        in text
    )
    assert "Over the period 54 leads in total" in text


def test_a_term_period_outside_the_term_is_an_error_at_its_line(write_agreement: Callable[..., Path]) -> None:
    path = write_agreement(_mid_month("2026-11-01..2026-11-30"))
    result = run("check", str(path))
    assert result.exit_code == 1
    line = path.read_text().splitlines().index("  period: 2026-11-01..2026-11-30") + 1
    assert (
        f"{path}:{line}:11: term.period: expected a range within the term (2026-11-15 to 2027-11-14), "
        "got 2026-11-01..2026-11-30" in result.output
    )


@pytest.mark.slow
def test_build_period_renders_every_overlapping_agreement_clipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    late = agreement("late").replace("  start: 2026-01-01\n", "  start: 2026-11-15\n", 1)
    late = late.replace("  end: 2026-12-31\n", "  end: 2027-11-14\n", 1)
    late = late.replace("  mid_term: 2026-07-01\n", "  mid_term: 2027-05-15\n", 1)
    late = late.replace("  end_of_term: 2026-12-15\n", "  end_of_term: 2027-11-01\n", 1)
    write_folder(tmp_path, {"whole": agreement("whole"), "late": late})
    result = run("build", "agreements", "--period", "2026-Q4")
    assert result.exit_code == 0, result.stderr
    assert summary(result) == "built 2 agreements: 2 documents rendered, 0 unchanged, 0 failed"
    whole = " ".join(pdf_text(tmp_path / "output" / "whole" / "whole-2026-Q4.pdf").split())
    assert "October 1, 2026 to December 31, 2026)" in whole
    clipped = " ".join(pdf_text(tmp_path / "output" / "late" / "late-2026-Q4.pdf").split())
    assert (
        "November 15, 2026 to December 31, 2026: 47 of the 92 days of 2026-Q4, as the term starts on November 15, 2026"
        in clipped
    )
