"""A heading in a Word file never ends a page and never pushes its section to the next page early,
as LibreOffice lays the file out (issue 16).

LibreOffice moves a paragraph kept with the next one (``w:keepNext``) whole, and when its own
keep moves it to the next page it leaves the heading kept with it behind: a heading, then a kept
paragraph too long for the rest of the page, ended the page with the heading. Two long kept
paragraphs went to the next page together and left half a page empty. So the writer keeps with
the next only paragraphs too short to split (:data:`slagen.docx.page.SHORT_PARAGRAPH` lines).
Each case here moves one section down the page a line at a time; all go through one LibreOffice
run, and each PDF is read back with pdfplumber.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

import docx
import pdfplumber
import pytest

from slagen.docx import DocxOptions, html_to_docx
from slagen.layoutcheck import convert_docx

pytestmark = pytest.mark.slow

LONG = " ".join(["The Provider shall restore the service within the agreed time."] * 12)
FILLERS = range(20, 29)
#: A4 less base.css's 22 mm bottom margin, in points.
TEXT_BOTTOM = 841.9 - 22 / 25.4 * 72


def document(filler: int, intro: str) -> bytes:
    body = "".join(f"<p>Filler line {i}.</p>" for i in range(filler))
    html = (
        '<!doctype html><html lang="en"><head><title>SLA</title></head><body>'
        f"{body}<h2>Service levels</h2>{intro}<p>{LONG}</p><p>After the section.</p></body></html>"
    )
    return html_to_docx(html, DocxOptions(when=datetime(2026, 10, 1, tzinfo=UTC)))


def test_a_long_paragraph_under_a_heading_is_not_kept_but_a_short_one_is() -> None:
    d = docx.Document(io.BytesIO(document(0, f"<p>Short intro.</p><p>{LONG}</p>")))
    kept = {p.text[:12]: bool(p.paragraph_format.keep_with_next) for p in d.paragraphs}
    assert kept["Short intro."] and not kept[LONG[:12]]


INTROS = {"one long": "", "two long": f"<p>{LONG}</p>", "a short one": "<p>Short intro.</p>"}


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], list[list[dict[str, Any]]]]:
    """Each case's words, page by page, as LibreOffice lays it out (all cases in one run)."""
    tmp = tmp_path_factory.mktemp("keeps")
    cases = [(name, n) for name in INTROS for n in FILLERS]
    files = []
    for i, (name, n) in enumerate(cases):
        files.append(tmp / f"{i:03d}.docx")
        files[-1].write_bytes(document(n, INTROS[name]))
    out = {}
    for case, pdf in zip(cases, convert_docx(files, tmp / "lo"), strict=True):
        with pdfplumber.open(pdf) as doc:
            out[case] = [page.extract_words() for page in doc.pages]
    return out


@pytest.mark.parametrize("intro", list(INTROS))
def test_a_heading_never_ends_a_page_nor_breaks_early(
    laid_out: dict[tuple[str, int], list[list[dict[str, Any]]]], intro: str
) -> None:
    for n in FILLERS:
        pages = laid_out[intro, n]
        (at,) = [i for i, words in enumerate(pages) if any(w["text"] == "Service" for w in words)]
        heading = next(w for w in pages[at] if w["text"] == "Service")
        after = [w for w in pages[at] if w["top"] > heading["bottom"] + 2]
        # the heading's page holds at least two lines of what follows it
        assert len({round(w["top"]) for w in after}) >= 2, (n, "the heading ends the page")
        if at > 0:  # moved to the next page: only because the page before had no room for it
            gap = TEXT_BOTTOM - max(w["bottom"] for w in pages[at - 1])
            assert gap < 70, (n, f"{gap:.0f} pt left empty before the heading's page")
