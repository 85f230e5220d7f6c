"""The layout check passes on every example in every style, PDF and DOCX (issue 16).

Every example is rendered in every style it declares as PDF and DOCX; the DOCX files are laid
out by LibreOffice in one call; every page of every PDF is then read back and checked
(:mod:`slagen.layoutcheck`): no near-empty page, no heading left at a page's foot, no table
split with one row on a side, no text under the minimum size or outside the text area, and
LibreOffice's page count of each DOCX within 15% of the PDF's. ``tests/test_layout_check.py``
shows that each of these defects, made on purpose, fails the check.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import EXAMPLES, Examples, WordPdfs
from docx_helpers import missing_glyphs
from pypdf import PdfReader

from slagen.agreement.load import load_agreement
from slagen.layoutcheck import check_pdf, page_count_finding

pytestmark = pytest.mark.slow

CASES = [(p.stem, s) for p in EXAMPLES for s in load_agreement(p).agreement.presentation.styles]


@dataclass(frozen=True)
class Laid:
    """One example in one style: its PDF and LibreOffice's PDF of its DOCX."""

    pdf: Path
    docx_pdf: Path


@pytest.fixture(scope="module")
def laid_out(examples: Examples, word_pdfs: WordPdfs) -> dict[tuple[str, str], Laid]:
    """Every case's PDF from the session's build, and Word's layout of its DOCX."""
    return {(n, s): Laid(examples.document(n, s, "pdf"), word_pdfs.of(n, s)) for n, s in CASES}


@pytest.mark.parametrize("case", CASES, ids=[f"{n}-{s}" for n, s in CASES])
def test_pdf_pages_have_no_layout_defect(
    laid_out: dict[tuple[str, str], Laid], case: tuple[str, str]
) -> None:
    reports = check_pdf(laid_out[case].pdf)
    assert [str(f) for r in reports for f in r.findings] == []


@pytest.mark.parametrize("case", CASES, ids=[f"{n}-{s}" for n, s in CASES])
def test_docx_pages_have_no_layout_defect(
    laid_out: dict[tuple[str, str], Laid], case: tuple[str, str]
) -> None:
    word = check_pdf(laid_out[case].docx_pdf)
    assert [str(f) for r in word for f in r.findings] == []


@pytest.mark.parametrize("case", CASES, ids=[f"{n}-{s}" for n, s in CASES])
def test_docx_letters_are_all_drawn(laid_out: dict[tuple[str, str], Laid], case: tuple[str, str]) -> None:
    # every DOCX of the build went through one LibreOffice run, English and Polish alike: each
    # font is embedded in its PDF and no character is drawn as a missing-glyph box
    assert missing_glyphs(laid_out[case].docx_pdf) == []


#: Cases where LibreOffice's page count of the DOCX is known to be off (none now: the
#: sales-marketing visual DOCX, once a page longer, now passes).
LONGER_DOCX: set[tuple[str, str]] = set()


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="DOCX one page longer"))
        if c in LONGER_DOCX
        else c
        for c in CASES
    ],
    ids=[f"{n}-{s}" for n, s in CASES],
)
def test_docx_page_count_is_within_15_percent_of_the_pdf(
    laid_out: dict[tuple[str, str], Laid], case: tuple[str, str]
) -> None:
    pdf, word = (len(PdfReader(p).pages) for p in (laid_out[case].pdf, laid_out[case].docx_pdf))
    assert page_count_finding(pdf, word) is None, (pdf, word)
