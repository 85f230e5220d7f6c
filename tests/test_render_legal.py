"""The legal-narrative style read back from its PDF: a contract with recitals, numbered
clauses, defined terms and every computed target spelled out in words and figures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import AGREEMENTS, run
from render_helpers import outline_titles, pdf_text, reader

from slagen.load import load_agreement
from slagen.render import words
from slagen.render.context import Headings
from slagen.targets import compute_targets

STYLE = "legal-narrative"
EXAMPLES = ("sales-marketing", "paper-supplier")  # en-US internal, en-GB customer


@pytest.fixture(scope="session")
def legal(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each example rendered once per session, as PDF and as HTML."""
    out = tmp_path_factory.mktemp("legal")
    files: dict[str, Path] = {}
    for name in EXAMPLES:
        for fmt in ("pdf", "html"):
            result = run(
                "render", str(AGREEMENTS / f"{name}.yaml"), "--style", STYLE, "--format", fmt, "-o", str(out)
            )
            assert result.exit_code == 0, result.output
            (written,) = re.findall(r"wrote (\S+)", result.output)
            files[f"{name}.{fmt}"] = Path(written)
    return files


@pytest.mark.parametrize("name", EXAMPLES)
def test_recitals_operative_words_and_numbered_clauses(legal: dict[str, Path], name: str) -> None:
    text = pdf_text(legal[f"{name}.pdf"])
    assert text.count("WHEREAS,") >= 3
    assert (
        "NOW, THEREFORE, in consideration of the mutual covenants set out herein, the Parties agree as follows:"
        in text
    )
    assert "IN WITNESS WHEREOF, the Parties have caused this Agreement to be executed" in text
    clauses = [
        "Definitions",
        *(h for h in (Headings().overview, "Goals", "Requirements", "Contacts and reporting")),
        "Plan for missed goals",
        "Cancellation",
        "Unexpected events",
        "Review",
        "General provisions",
    ]
    for number, title in enumerate(clauses, start=1):
        assert f"{number}. {title}" in text, title
    for sub in (
        "1.1 In this Agreement",
        "2.1 The Parties shall provide",
        "3.1 Each Party shall meet",
        "4.1 To enable",
    ):
        assert sub in text
    assert "(a) “Agreement” means this" in text
    assert "Schedule 1: How these targets were computed" in text
    for heading in vars(Headings()).values():
        assert heading in text, heading


@pytest.mark.parametrize("name", EXAMPLES)
def test_computed_targets_are_spelled_out_in_words_and_figures(legal: dict[str, Path], name: str) -> None:
    text = pdf_text(legal[f"{name}.pdf"])
    a = load_agreement(AGREEMENTS / f"{name}.yaml").agreement
    loc, cur = a.presentation.locale, a.inputs.currency
    targets = compute_targets(a)
    for g in a.goals:
        gt = targets.goals[g.id]
        assert words.quantity(gt.value, g.unit, cur, loc) in text, g.id
        if gt.period_total is not None:
            assert f"being {words.quantity(gt.period_total, g.unit, cur, loc)} over the Period" in text, g.id
    assert f"made and entered into as of {words.formal_date(a.term.start, loc)}" in text
    if a.cancellation is not None:
        assert f"of no less than {words.days(a.cancellation.notice_days, loc)} if:" in text
    if a.unexpected_events is not None:
        assert f"within {words.hours(a.unexpected_events.notice_hours, loc)} of the start" in text


def test_the_guide_example_reads_as_a_contract(legal: dict[str, Path]) -> None:
    text = pdf_text(legal["sales-marketing.pdf"])
    assert (
        "Marketing shall achieve at least one hundred (100) leads a month, "
        "being three hundred (300) leads over the Period." in text
    )
    assert "Sales shall achieve at least five thousand United States dollars (USD 5,000.00) a month" in text
    assert "of no less than thirty (30) days if:" in text
    assert "within twenty-four (24) hours of the start of an Unexpected Event" in text
    assert "Upon three (3) Strikes in one quarter" in text
    assert "the 1st day of January, 2026 (the “Effective Date”)" in text
    british = pdf_text(legal["paper-supplier.pdf"])
    assert "the 1st day of July 2026" in british


def test_defined_terms_are_bold_and_quoted(legal: dict[str, Path]) -> None:
    html = legal["sales-marketing.html"].read_text(encoding="utf-8")
    for defined in (
        "Agreement",
        "Effective Date",
        "Term",
        "Period",
        "Goal",
        "Target",
        "Party",
        "Parties",
        "Strike",
    ):
        assert f'<strong class="defined">“{defined}”</strong>' in html, defined
    assert '<strong class="defined">“Marketing”</strong>' in html
    assert '<strong class="defined">“Unexpected Event”</strong>' in html


def test_outline_has_the_clauses_and_the_schedule(legal: dict[str, Path]) -> None:
    titles = outline_titles(reader(legal["sales-marketing.pdf"]).outline)
    for t in ("Recitals", "Definitions", "Goals", "Sign-off", "Schedule 1: How these targets were computed"):
        assert any(t in title for title in titles), (t, titles)
