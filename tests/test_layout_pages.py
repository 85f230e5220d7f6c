"""The layout check's page reader (PDFium) reads what pdfplumber reads from the same PDF.

``slagen.layoutcheck.pages.read_pdf`` reads pages with PDFium and groups them with pdfplumber's
line grouping and table finder; here real PDFs (WeasyPrint's, and LibreOffice's of a DOCX) are read
both ways, the other with pdfplumber's own pdfminer parse, and the lines, character sizes and
tables must agree: same text, boxes within half a point. The page has what PDFium reads otherwise
than pdfminer: ligatures (one glyph for "fi"), a hyphen at a line's end, a rotated 110 pt
watermark, bold and italic text, a ruled table, and (LibreOffice) fonts whose descriptor gives no
descent. ``scripts/compare_readers.py`` compares the two over every example.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pytest
import weasyprint
from docx import Document
from docx.shared import Pt

from slagen.layoutcheck import convert_docx, read_pdf
from slagen.layoutcheck.pages import WATERMARK_SIZE

TEXT = (
    "The office shall file a fine, effi&shy;cient and offi&shy;cial notice of the affil&shy;iate's "
    "first-floor offices; <b>bold final figures</b> and <i>italic fidu&shy;ciary flour&shy;ishes</i> follow. "
)

PAGE = f"""<!doctype html><html lang="en"><head><style>
@page {{ size: A4; margin: 24mm 18mm 22mm 18mm;
  @top-left {{ content: "Test agreement"; font: 7.5pt sans-serif; }}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); font: 7.5pt sans-serif; }} }}
html {{ font: 9.5pt/1.4 "DejaVu Sans", sans-serif; }}
p {{ text-align: justify; hyphens: manual; width: 60mm; }}
.mark {{ position: fixed; top: 90mm; left: 30mm; font: bold 110pt sans-serif; color: #ddd;
  transform: rotate(-35deg); }}
td, th {{ border: 0.5pt solid #888; padding: 3pt; }} table {{ border-collapse: collapse; width: 100%; }}
</style></head><body><div class="mark">DRAFT</div>
<h1>Affiliated offices</h1><p>{TEXT * 3}</p>
<p style="width: 16mm">first-floor half-up self-service</p>
<table><thead><tr><th>Item</th><th>Figure</th></tr></thead><tbody>
<tr><td>fine office</td><td>1,000.00 EUR</td></tr><tr><td>efficient</td><td>2 hours</td></tr>
</tbody></table><p>{TEXT}</p></body></html>"""


def _is_text(obj: dict[str, Any]) -> bool:
    return obj.get("object_type") != "char" or (obj["upright"] and obj["size"] < WATERMARK_SIZE)


def _plumber_lines(page: Any) -> list[dict[str, Any]]:
    """pdfplumber's lines of a page, the watermark left out, top to bottom."""
    found = page.filter(_is_text).extract_text_lines(return_chars=True)
    return sorted(found, key=lambda ln: ln["top"])


def _assert_same_lines(path: Path) -> None:
    pages = read_pdf(path)
    with pdfplumber.open(path) as pdf:
        assert len(pages) == len(pdf.pages)
        for layout, page in zip(pages, pdf.pages, strict=True):
            mine = sorted((*layout.lines, *layout.running), key=lambda ln: ln.top)
            theirs = _plumber_lines(page)
            assert [ln.text for ln in mine] == [" ".join(ln["text"].split()) for ln in theirs]
            for ln, ref in zip(mine, theirs, strict=True):
                assert abs(ln.top - ref["top"]) < 0.5, ln.text
                assert abs(ln.bottom - ref["bottom"]) < 0.5, ln.text
                assert abs(ln.x0 - ref["x0"]) < 0.5, ln.text
                assert abs(ln.x1 - ref["x1"]) < 1.0, ln.text  # an "f" inks past its advance
                sizes = tuple(round(c["size"], 2) for c in ref["chars"] if c["text"].strip())
                assert ln.sizes == sizes, ln.text


@pytest.fixture(scope="module")
def weasy_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pages") / "page.pdf"
    weasyprint.HTML(string=PAGE).write_pdf(out)
    return out


def test_lines_are_pdfplumbers(weasy_pdf: Path) -> None:
    _assert_same_lines(weasy_pdf)


def test_ligatures_and_hyphens_read_as_letters(weasy_pdf: Path) -> None:
    words = " ".join(ln.text for p in read_pdf(weasy_pdf) for ln in p.lines)
    # WeasyPrint draws "ffi", "fi", "ff" as one glyph each; PDFium's split letters are joined again
    assert "efficient" in words and "official" in words and "offices" in words
    assert "\x02" not in words  # PDFium's mark of a line-end hyphen is the hyphen
    hyphenated = [ln.text for p in read_pdf(weasy_pdf) for ln in p.lines if ln.text[-1] in "-\u2010"]
    with pdfplumber.open(weasy_pdf) as pdf:
        theirs = [ln["text"] for p in pdf.pages for ln in _plumber_lines(p) if ln["text"][-1] in "-\u2010"]
    assert hyphenated == theirs
    # "self-" ends at a hyphen-minus (PDFium reads U+0002), "flour‐" at a soft hyphen's U+2010
    assert "self-" in hyphenated and any(ln.endswith(" flour\u2010") for ln in hyphenated)


def test_watermark_is_not_text(weasy_pdf: Path) -> None:
    (page,) = read_pdf(weasy_pdf)
    assert not [ln for ln in page.lines if "D" in ln.text and max(ln.sizes) >= WATERMARK_SIZE]
    assert all(s < WATERMARK_SIZE for ln in page.lines for s in ln.sizes)
    assert page.lines[0].text == "Affiliated offices"


def test_tables_are_pdfplumbers(weasy_pdf: Path) -> None:
    (page,) = read_pdf(weasy_pdf)
    with pdfplumber.open(weasy_pdf) as pdf:
        body = (
            pdf.pages[0]
            .filter(_is_text)
            .crop((0, page.header_bottom + 1, page.width, page.footer_top - 1), strict=False)
        )
        theirs = body.find_tables()
        assert [t.rows for t in page.tables] == [
            tuple(tuple(" ".join((c or "").split()) for c in row) for row in t.extract()) for t in theirs
        ]
        for mine, ref in zip(page.tables, theirs, strict=True):
            assert abs(mine.top - ref.bbox[1]) < 0.5 and abs(mine.bottom - ref.bbox[3]) < 0.5
            assert mine.first_columns == tuple(round(c[0]) for c in ref.rows[0].cells if c)
    assert page.tables[0].rows[1] == ("fine office", "1,000.00 EUR")


@pytest.mark.slow
def test_libreoffice_lines_are_pdfplumbers(tmp_path: Path) -> None:
    # LibreOffice's font descriptors give no descent: pdfminer's boxes then sit on the baseline
    doc = Document()
    doc.add_heading("Affiliated offices", level=1)
    for _ in range(3):
        para = doc.add_paragraph("The office shall file a fine, efficient and official notice. " * 4)
        para.runs[0].font.size = Pt(10)
    doc.add_paragraph().add_run("Bold final figures").bold = True
    # a no-break space (Polish: no one-letter word at a line's end): LibreOffice ends a text
    # object with it, PDFium leaves it out; at 8 pt it is 2.5 pt wide, less than the 3 pt gap that
    # parts words without it
    doc.add_paragraph().add_run("Umowa o\u00a0poziomie usług a\u00a0działem").font.size = Pt(8)
    source = tmp_path / "page.docx"
    doc.save(str(source))
    (pdf,) = convert_docx([source], tmp_path / "out")
    _assert_same_lines(pdf)
    assert "Umowa o poziomie usług a działem" in [ln.text for p in read_pdf(pdf) for ln in p.lines]
