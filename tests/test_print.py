"""Type and colour for print, and an appendix for people: read back from real PDFs.

A DRAFT mark a copier keeps, party colours that stay apart and legible in black and white,
the appendix deriving computed figures only, and no internal ids in the body.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pdfplumber
import pytest
from conftest import Examples
from render_helpers import page_texts

from slagen.render.context.parties import PALETTE

ID = re.compile(r"\b(?:funnel|tiers|follow_up|credits|support|availability)\.[a-z0-9_]+(?:\.[a-z0-9_-]+)*")


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def grey(hex_colour: str) -> float:
    """The grey a black-and-white copy prints the colour as (Rec. 601 luma, 0 black - 1 white)."""
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b


def test_party_colours_survive_a_black_and_white_copy() -> None:
    for colour in PALETTE:
        assert 1.05 / (luminance(colour) + 0.05) >= 4.5, colour  # legible on white, white on it
    greys = sorted(grey(c) for c in PALETTE[:3])
    assert min(b - a for a, b in itertools.pairwise(greys)) >= 0.1  # three greys apart


@pytest.fixture(scope="module")
def documents(examples: Examples) -> Path:
    """The PDFs of the examples (``<id>/<id>-<period>-<style>.pdf``), from the session's build."""
    return examples.out


def test_the_draft_mark_prints_as_a_solid_grey(documents: Path) -> None:
    pdf = documents / "it-service" / "it-service-2026-Q4-visual.pdf"
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            marks = [c for c in page.chars if c["size"] > 40]  # 110 pt, turned 35 degrees
            assert "".join(c["text"] for c in marks) == "DRAFT"
            for c in marks:
                colour = c["non_stroking_color"]
                assert len(set(colour)) == 1, colour  # a grey, not a pale pink
                assert colour[0] <= 0.8, colour  # at least a 20% grey: a copier keeps it


def test_the_appendix_derives_computed_figures_only(documents: Path) -> None:
    for style in ("tabular", "visual", "two-column", "legal-narrative"):
        pages = page_texts(documents / "it-service" / f"it-service-2026-Q4-{style}.pdf")
        text = " ".join(pages)
        # The appendix still derives the allowed downtime; the response times, set in the
        # agreement, are not "derived" there.
        assert "Allowed downtime" in text
        assert "as set in the agreement" not in text, style


def test_no_internal_id_in_the_body(documents: Path) -> None:
    for name in ("sales-marketing", "it-service"):
        for pdf in sorted((documents / name).glob("*.pdf")):
            text = " ".join(page_texts(pdf))
            body = re.split(r"Appendix|Schedule 1", text)[0]
            assert not ID.findall(body), (pdf.name, ID.findall(body)[:3])
