"""Rendered PDFs read back: text, metadata, outline, attachment, pages, DRAFT marking."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLES, ROOT, Examples, example_data, run
from render_helpers import MY_STYLES, drafts, outline_titles, page_texts, pdf_text, raw_page_texts, reader

from slagen.agreement.load import load_agreement
from slagen.render import render_html
from slagen.render.context import Headings
from slagen.render.context.document import LISTED_BY_CALENDAR
from slagen.render.context.targets import DOWNTIME_PREFIX, downtime_text
from slagen.render.formatting import quantity
from slagen.targets import compute_targets

#: The English examples: these tests read English headings and the English draft mark; the Polish
#: example's documents, in every style it declares, are tests/test_i18n.py's.
CASES = [
    (e, s)
    for e in EXAMPLES
    for s in MY_STYLES
    if s in example_data(e.stem)["presentation"]["styles"]
    and str(example_data(e.stem)["presentation"].get("locale", "en")).startswith("en")
]


@pytest.fixture(scope="session")
def rendered(examples: Examples) -> dict[tuple[str, str], Path]:
    """Every example in each of the two styles, from the session's build of the examples."""
    return {(example.stem, style): examples.document(example.stem, style) for example, style in CASES}


def _ids(case: tuple[Path, str]) -> str:
    return f"{case[0].stem}-{case[1]}"


@pytest.mark.parametrize("case", CASES, ids=[_ids(c) for c in CASES])
def test_every_section_heading_and_computed_target_is_in_the_text(
    rendered: dict[tuple[str, str], Path], case: tuple[Path, str]
) -> None:
    example, style = case
    text = pdf_text(rendered[(example.stem, style)])
    derived = bool(render_html(load_agreement(example), style=style).context.derivations)
    for name, heading in vars(Headings()).items():
        # the appendix derives the computed targets: none, no appendix
        assert (heading in text) == (name != "appendix" or derived), heading
    a = load_agreement(example).agreement
    targets = compute_targets(a)
    assert targets.goals.keys() == {g.id for g in a.goals}
    for c in targets.values.values():
        if c.name.startswith(LISTED_BY_CALENDAR):
            # the calendar section lists these: each holiday by name, the schedule's delivery days
            if c.name.startswith("calendar.holidays."):
                days = targets.holidays[c.name.removeprefix("calendar.holidays.")]
                assert len(days) == c.value and all(name in text for _, name in days), c.name
            else:
                assert f"{c.value} delivery days in" in text, c.name
            continue
        # allowed downtime: every figure to the same decimal places ("21.60 minutes")
        downtime = c.name.startswith(DOWNTIME_PREFIX)
        shown = downtime_text(c.value, targets) if downtime else quantity(c.value, c.unit, a.inputs.currency)
        assert shown in text, (c.name, shown)
    for gt in targets.goals.values():
        assert quantity(gt.value, gt.unit, a.inputs.currency) in text, gt.goal_id
        if gt.period_total is not None:
            assert quantity(gt.period_total, gt.unit, a.inputs.currency) in text, gt.goal_id
    # pdftotext drops a hyphen where a line breaks after it ("shipment-" / "tracking"); a
    # metric in a table cell reads whole in drawing order.
    raw = " ".join(raw_page_texts(rendered[(example.stem, style)]))
    for g in a.goals:
        assert g.metric.replace("-", "") in (text + " " + raw).replace("-", ""), g.metric


@pytest.mark.parametrize("case", CASES, ids=[_ids(c) for c in CASES])
def test_metadata_outline_attachment_and_page_numbers(
    rendered: dict[tuple[str, str], Path], case: tuple[Path, str]
) -> None:
    example, style = case
    a = load_agreement(example).agreement
    pdf = reader(rendered[(example.stem, style)])
    meta = pdf.metadata
    assert meta.title == a.title
    assert meta.author == ", ".join(p.name for p in a.parties)
    assert meta.subject.startswith(f"{a.title}, ")
    assert a.term.period in meta.subject
    assert f"{a.id}, {a.kind}, {a.term.period}" in meta["/Keywords"]
    titles = outline_titles(pdf.outline)
    assert titles[0] == a.title
    assert any(t.endswith("Goals") for t in titles)
    assert any(t.endswith("Sign-off") for t in titles)
    # The appendix derives the computed targets; an agreement that computes none has none.
    derived = bool(render_html(load_agreement(example), style=style).context.derivations)
    assert ("Appendix: How these targets were computed" in titles) == derived
    assert pdf.attachments == {example.name: [example.read_bytes()]}
    pages = page_texts(rendered[(example.stem, style)])
    assert len(pages) == len(pdf.pages) >= 4
    for n, page in enumerate(pages, start=1):
        assert f"Page {n} of {len(pages)}" in page
        assert f"{a.title} · {a.term.period}" in page
        assert "sha256:" in page


@pytest.mark.parametrize("case", CASES, ids=[_ids(c) for c in CASES])
def test_draft_on_every_page_exactly_while_unsigned(
    rendered: dict[tuple[str, str], Path], case: tuple[Path, str]
) -> None:
    example, style = case
    a = load_agreement(example).agreement
    marked = drafts(rendered[(example.stem, style)])
    assert marked == [not a.fully_signed] * len(marked)


@pytest.mark.slow
def test_signing_removes_the_draft_and_prints_the_dates(
    tmp_path: Path, write_agreement: Callable[..., Path]
) -> None:
    data = example_data()
    data["sign_off"][1].pop("signed_on")
    unsigned = write_agreement(data)
    assert run("render", str(unsigned), "--style", "two-column", "-o", str(tmp_path)).exit_code == 0
    pdf = tmp_path / "sales-marketing" / "sales-marketing-2026-Q4-two-column.pdf"
    assert all(drafts(pdf))
    pages = page_texts(pdf)
    assert "This document is a draft until every signatory has signed." in pages[-2] + pages[-1]
    assert "Date: (not yet signed)" in " ".join(pages)


def test_page_size_comes_from_the_agreement(rendered: dict[tuple[str, str], Path]) -> None:
    sizes = {
        load_agreement(e).agreement.presentation.page_size: [
            round(float(x)) for x in reader(rendered[(e.stem, "tabular")]).pages[0].mediabox
        ]
        for e in EXAMPLES
        if (e.stem, "tabular") in rendered
    }
    assert sizes == {"A4": [0, 0, 595, 842], "Letter": [0, 0, 612, 792]}


def test_a_count_of_one_takes_the_singular(rendered: dict[tuple[str, str], Path]) -> None:
    text = " ".join(pdf_text(rendered[("sales-marketing", "two-column")]).split())
    assert "At least 1 meeting a month" in text
    assert "1 meetings" not in text
    # One rule for figures and words (slagen/render/formatting.py), as written for other counts.
    assert quantity(Decimal(1), "meetings", "USD") == "1 meeting"
    assert quantity(Decimal("1.0"), "business days", "USD") == "1 business day"
    assert quantity(Decimal(1), "deliveries", "USD") == "1 delivery"
    assert quantity(Decimal(2), "meetings", "USD") == "2 meetings"
    assert quantity(Decimal(1), "status", "USD") == "1 status"
    assert quantity(Decimal(1), "USD", "USD") == "1.00 USD"


#: Every style, for the appendix: each builds its own (the legal style's is Part B of Schedule 1).
ALL_STYLES = ("two-column", "tabular", "visual", "legal-narrative", "bulleted", "summary-first")


@pytest.mark.parametrize("style", ALL_STYLES)
def test_no_appendix_when_no_figure_is_computed(examples: Examples, style: str) -> None:
    """paper-supplier states every target directly: its documents end without an appendix (no
    page saying that none is computed); it-service, which computes its targets, keeps it."""
    assert not render_html(
        load_agreement(ROOT / "agreements/paper-supplier.yaml"), style=style
    ).context.derivations
    for name, derived in (("paper-supplier", False), ("it-service", True)):
        pdf = examples.document(name, style)
        text = " ".join(page_texts(pdf))
        word = " ".join(p.text for p in docx.Document(str(examples.document(name, style, "docx"))).paragraphs)
        for found in (text, word):
            heading = "Part B: Derivation" if style == "legal-narrative" else "Appendix: How these targets"
            assert (heading.casefold() in found.casefold()) == derived, (name, style)  # bulleted: capitals
            assert "none is computed" not in found
        if not derived:
            titles = outline_titles(reader(pdf).outline)
            assert not [t for t in titles if "Appendix" in t or "Part B" in t], titles
