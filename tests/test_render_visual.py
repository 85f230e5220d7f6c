"""The visual style read back from its PDF: organised by process stage, parties marked by
colour and shape, and the goal-line chart drawn on the page."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import AGREEMENTS, Examples
from PIL import Image
from render_helpers import page_texts, pdf_text, raw_page_texts

from slagen.agreement.load import load_agreement
from slagen.render.context import STAGE_LABELS, Headings
from slagen.render.context.parties import PALETTE

STYLE = "visual"


@pytest.fixture(scope="session")
def visual(examples: Examples) -> dict[str, Path]:
    """The guide's internal agreement as PDF and as HTML, from the session's build of the examples."""
    return {fmt: examples.document("sales-marketing", STYLE, fmt) for fmt in ("pdf", "html")}


def test_every_section_heading_and_process_stage(visual: dict[str, Path]) -> None:
    text = pdf_text(visual["pdf"])
    for heading in vars(Headings()).values():
        assert heading in text, heading
    a = load_agreement(AGREEMENTS / "sales-marketing.yaml").agreement
    stages = [STAGE_LABELS[s] for s in STAGE_LABELS if any(g.stage == s for g in a.goals)]
    assert stages == ["Goals", "Lead qualification", "Hand-off", "Nurturing and follow-up"]
    # The flow strip numbers the stages of the sales process in order (its last, customer
    # service, has no goal here), and each stage with goals has its section.
    html = visual["html"].read_text(encoding="utf-8")
    steps = re.findall(r'<div class="flow-step[^"]*"><span class="step-no">(\d)</span> ([^<]+)<br>', html)
    assert steps == [(str(i), label) for i, label in enumerate([*stages, "Service"], start=1)]
    for label in stages:
        assert text.count(label) >= 2, label
    for g in a.goals:
        assert g.metric.replace("-", "") in text.replace("-", ""), g.metric
    assert "Targets over the period" in text
    assert "Targets by month" in text


def test_parties_are_marked_by_colour_and_shape(visual: dict[str, Path]) -> None:
    html = visual["html"].read_text(encoding="utf-8")
    assert (
        '<span class="mark shape-circle" data-color="#0b2e59" style="color: #0b2e59"></span> Marketing Department'
        in html
    )
    assert (
        '<span class="mark shape-square" data-color="#c0501a" style="color: #c0501a"></span> Sales Department'
        in html
    )
    assert '<span class="mark shape-ring"' in html  # the shared goal
    assert "Shared goals" in pdf_text(visual["pdf"])


def test_one_goal_line_chart_per_accruing_goal_in_svg_and_png(visual: dict[str, Path]) -> None:
    html = visual["html"].read_text(encoding="utf-8")
    charts = re.findall(
        r'<figure class="chart"><img src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+" '
        r'data-png="data:image/png;base64,[A-Za-z0-9+/=]+" alt="([^"]+)"></figure>',
        html,
    )
    assert charts == [
        "Qualified leads delivered to the head of sales: cumulative goal line rising each day to "
        "100 leads in Oct 2026, 100 leads in Nov 2026, 100 leads in Dec 2026.",
        "Revenue closed from marketing leads: cumulative goal line rising each day to "
        "5,000.00 USD in Oct 2026, 5,000.00 USD in Nov 2026, 5,000.00 USD in Dec 2026.",
        "New customers from marketing leads: cumulative goal line rising each day to "
        "50 customers in Oct 2026, 50 customers in Nov 2026, 50 customers in Dec 2026.",
    ]


def test_the_chart_is_drawn_on_the_page(visual: dict[str, Path], tmp_path: Path) -> None:
    # WeasyPrint draws the SVG as vector paths in the page itself (no image XObject), so look
    # at the page: the goal line's colour fills whole lines there, and nowhere else.
    pages = page_texts(visual["pdf"])
    (chart_page,) = [i + 1 for i, t in enumerate(pages) if "Targets over the period" in t]
    # The goal line is drawn in its party's colour (the chart's first goal: marketing, the first party).
    colour = PALETTE[0]
    goal = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))

    def goal_pixels(page: int) -> int:
        prefix = tmp_path / f"p{page}"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "100",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(visual["pdf"]),
                str(prefix),
            ],
            check=True,
        )
        img = Image.open(f"{prefix}.png").convert("RGB")
        return sum(
            n
            for n, px in img.getcolors(1 << 20) or []
            if all(abs(c - g) <= 12 for c, g in zip(px, goal, strict=True))
        )

    # (The party's colour marks its cards and headings elsewhere too: only the chart page is counted.)
    assert goal_pixels(chart_page) > 300


def test_stages_flow_across_pages_with_every_card_whole(examples: Examples) -> None:
    # Three parties and shared goals: the stage grids share pages, break only between rows of
    # cards, and give columns to the parties with goals at the stage (the others are named).
    path = AGREEMENTS / "sales-marketing-service.yaml"
    pdf, html_file = (examples.document(path.stem, STYLE, fmt) for fmt in ("pdf", "html"))
    pages = page_texts(pdf)
    a = load_agreement(path).agreement
    stages = [STAGE_LABELS[s] for s in STAGE_LABELS if any(g.stage == s for g in a.goals)]
    stage_pages = [
        next(i for i, t in enumerate(pages) if re.search(rf"\b{n} {re.escape(label)}\b", t))
        for n, label in enumerate(stages, start=1)
    ]
    assert len(set(stage_pages)) < len(stages), stage_pages  # not a page per stage
    assert stage_pages[-1] - stage_pages[0] <= 3
    # each card reads whole in drawing order; a line may break after a hyphen ("marketing-")
    raw = [re.sub(r"-\s+", "-", t) for t in raw_page_texts(pdf)]
    for g in a.goals:  # each card whole: its metric and how it is measured on one page
        assert any(g.metric in t and " ".join(g.measured_by.split()) in t for t in raw), g.id
    html = html_file.read_text(encoding="utf-8")
    qualification = html[html.index('id="stage-qualification"') : html.index('id="stage-hand-off"')]
    assert qualification.count('<p class="column-head"') == 1  # marketing's goals only
    assert qualification.count('<div class="columns stage-columns stage-row whole">') == 3  # 5 cards, 2 a row
    assert "No goal at this stage for" in qualification and "Sales Department" in qualification
