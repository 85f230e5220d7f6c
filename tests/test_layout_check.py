"""The layout check catches each defect class: real PDFs made by WeasyPrint, read back.

Each case is a small HTML page with slagen's running header and footer, laid out by WeasyPrint,
so the check reads the same kind of PDF as it does for the examples; the clean case shows that
the same page without the defect passes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import weasyprint

from slagen.layoutcheck import check_pdf, page_count_finding, read_pdf
from slagen.layoutcheck.rules import Finding, Limits

PAGE = """<!doctype html><html><head><style>
@page {{ size: A4; margin: 24mm 18mm 22mm 18mm;
  @top-left {{ content: "Test agreement"; font: 7.5pt sans-serif; }}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); font: 7.5pt sans-serif; }} }}
html {{ font: 9.5pt/1.4 "DejaVu Sans", sans-serif; }}
td, th {{ border: 0.5pt solid #888; padding: 3pt; }} table {{ border-collapse: collapse; width: 100%; }}
tr {{ break-inside: avoid; }}
{css}
</style></head><body>{body}</body></html>"""

FILLER = "<p>" + "Text of a clause that fills the page with ordinary body text. " * 6 + "</p>"


def pdf(tmp_path: Path, body: str, css: str = "") -> Path:
    """Lay the page out with WeasyPrint and return the PDF's path."""
    out = tmp_path / "case.pdf"
    weasyprint.HTML(string=PAGE.format(body=body, css=css)).write_pdf(out)
    return out


def findings(path: Path) -> list[Finding]:
    return [f for r in check_pdf(path) for f in r.findings]


def table(rows: int) -> str:
    cells = "".join(f"<tr><td>row {i}</td><td>{i}</td></tr>" for i in range(rows))
    return f"<table><thead><tr><th>Item</th><th>Value</th></tr></thead><tbody>{cells}</tbody></table>"


def spacer(mm: int) -> str:
    return f'<p>Start.</p><div style="height: {mm}mm"></div>'


@pytest.mark.slow
def test_clean_pages_pass(tmp_path: Path) -> None:
    path = pdf(tmp_path, "<h1>Agreement</h1>" + FILLER * 14 + "<h2>Goals</h2>" + FILLER * 3)
    reports = check_pdf(path)
    assert len(reports) == 2
    assert [f for r in reports for f in r.findings] == []
    assert reports[0].fill > 0.9


def test_near_empty_page(tmp_path: Path) -> None:
    body = (
        FILLER * 3
        + '<p style="break-before: page">One line.</p><h2 style="break-before: page">End</h2>'
        + FILLER
    )
    found = findings(pdf(tmp_path, body))
    assert [(f.page, f.kind) for f in found] == [(2, "empty-page")]


def test_signature_and_last_page_may_be_short(tmp_path: Path) -> None:
    body = FILLER * 3 + '<h2 style="break-before: page">Signatures</h2><p>Signed</p>'
    body += '<h2 style="break-before: page">Appendix</h2><p>One line.</p>'
    assert findings(pdf(tmp_path, body)) == []


@pytest.mark.parametrize(
    ("title", "expected"),
    [("Redline: changes in this version", []), ("Changes in this version", [(2, "empty-page")])],
)
def test_the_last_page_of_a_redline_summary_may_be_short(
    tmp_path: Path, title: str, expected: list[tuple[int, str]]
) -> None:
    """A redline's summary ends its page so that the document starts on a fresh one, as in its
    plain PDF: its last page may be short; the same page under another heading may not."""
    summary = f"<h2>{title}</h2>" + FILLER * 12 + '<p style="break-after: page">Last line.</p>'
    body = summary + "<h1>Agreement</h1>" + FILLER * 14 + "<h2>Goals</h2>" + FILLER * 3
    found = findings(pdf(tmp_path, body))
    assert [(f.page, f.kind) for f in found] == expected


def test_heading_at_the_foot_of_a_page(tmp_path: Path) -> None:
    body = spacer(225) + "<h2>Goals</h2>" + FILLER * 2
    found = findings(pdf(tmp_path, body, css="h2 { break-after: auto; }"))
    assert [(f.page, f.kind) for f in found] == [(1, "heading-at-foot")]
    assert "'Goals'" in found[0].message


def _png(height_mm: int) -> str:
    """A grey PNG ``height_mm`` high at 96 dpi, as an ``<img>``."""
    import base64
    import io

    from PIL import Image

    px = round(height_mm / 25.4 * 96)
    buf = io.BytesIO()
    Image.new("RGB", (300, px), "#888888").save(buf, format="PNG")
    uri = "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
    return f'<img src="{uri}" style="display: block; height: {height_mm}mm">'


def test_a_chart_under_a_heading_is_content(tmp_path: Path) -> None:
    # A heading at the foot with a picture under it (a chart in Word's layout of a DOCX, which
    # has no text lines) is not left alone; with only a small mark under it, it still is.
    css = "h2 { break-after: auto; } img { break-before: auto; }"
    charted = pdf(tmp_path, spacer(180) + "<h2>Goals</h2>" + _png(40) + FILLER * 3, css=css)
    assert findings(charted) == []
    # (the same page, when the picture does not count: no text line under the heading)
    blind = [f.kind for r in check_pdf(charted, Limits(picture_height=1e9)) for f in r.findings]
    assert blind == ["heading-at-foot"]
    marked = spacer(220) + "<h2>Goals</h2>" + _png(5) + FILLER * 3
    found = findings(pdf(tmp_path, marked, css=css))
    assert [(f.page, f.kind) for f in found] == [(1, "heading-at-foot")]


def _svg(height_mm: int) -> str:
    """A bar chart ``height_mm`` high drawn as SVG (WeasyPrint draws it as rectangles and lines,
    not as an image), with one short label, as an ``<img>``."""
    import base64

    h = height_mm * 4
    bars = "".join(
        f'<rect x="{20 + 60 * i}" y="{h - 10 - (i + 1) * h // 6}" width="40" height="{(i + 1) * h // 6}" fill="#555"/>'
        for i in range(4)
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="{h}" viewBox="0 0 300 {h}">'
        f'{bars}<line x1="10" y1="{h - 10}" x2="290" y2="{h - 10}" stroke="#000"/></svg>'
    )
    uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")
    return f'<img src="{uri}" style="display: block; height: {height_mm}mm; width: 80mm">'


def test_a_drawn_chart_under_a_heading_is_content(tmp_path: Path) -> None:
    # An SVG chart in the PDF is drawn (rectangles, curves), not an image: under a heading at the
    # foot with one line of introduction, it is content; the same heading with only the line and
    # a small drawing under it, its chart on the next page, is left alone at the foot.
    css = "h2 { break-after: auto; } img { break-before: auto; break-inside: avoid; }"
    intro = "<p>The targets at a glance.</p>"
    charted = pdf(tmp_path, spacer(170) + "<h2>Charts</h2>" + intro + _svg(40) + FILLER * 3, css=css)
    assert read_pdf(charted)[0].drawings, "the chart is read as drawings"
    assert findings(charted) == []
    blind = [f.kind for r in check_pdf(charted, Limits(picture_height=1e9)) for f in r.findings]
    assert blind == ["heading-at-foot"]
    alone = spacer(215) + "<h2>Charts</h2>" + intro + _svg(6) + _svg(40) + FILLER * 3
    found = findings(pdf(tmp_path, alone, css=css))
    assert [(f.page, f.kind) for f in found] == [(1, "heading-at-foot")]
    assert "'Charts'" in found[0].message


def test_heading_whose_subsections_start_on_the_next_page(tmp_path: Path) -> None:
    body = spacer(205) + "<h2>Goals</h2><p>The goals follow the process, stage by stage.</p>"
    body += "<h3>1 Service</h3>" + FILLER * 2
    found = findings(pdf(tmp_path, body, css="h3 { break-before: page; }"))
    assert [(f.page, f.kind) for f in found] == [(1, "heading-at-foot")]


def test_table_split_with_one_row_on_a_side(tmp_path: Path) -> None:
    found = findings(pdf(tmp_path, spacer(220) + table(12)))
    kinds = [(f.page, f.kind) for f in found]
    assert kinds == [(1, "table-split")]
    assert "1 row(s) /" in found[0].message


def test_table_split_with_two_rows_a_side_passes(tmp_path: Path) -> None:
    path = pdf(tmp_path, spacer(213) + table(12))
    assert [len(t.rows) for page in read_pdf(path) for t in page.tables] == [3, 11]  # header repeated
    assert findings(path) == []


def test_short_table_split(tmp_path: Path) -> None:
    found = findings(pdf(tmp_path, spacer(210) + table(5)))
    assert [(f.page, f.kind) for f in found] == [(1, "table-split")]
    assert "short table" in found[0].message


def test_two_rows_a_side_of_a_long_table_over_three_pages_pass(tmp_path: Path) -> None:
    # An eight-row table over three pages, two rows on each side of its first break: the two
    # fragments together are short, the table is not (a long table splits with two rows a side).
    names = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    heights = [4, 4, 70, 70, 150, 4, 4, 4]
    rows = "".join(
        f'<tr><td style="height: {h}mm">{n}</td><td>{n} value</td></tr>'
        for n, h in zip(names, heights, strict=True)
    )
    tall = f"<table><thead><tr><th>Item</th><th>Value</th></tr></thead><tbody>{rows}</tbody></table>"
    path = pdf(tmp_path, FILLER * 14 + spacer(200) + tall)
    assert [len(t.rows) for page in read_pdf(path) for t in page.tables] == [3, 3, 5]  # header repeated
    assert findings(path) == []


def test_a_row_taller_than_a_page_may_split(tmp_path: Path) -> None:
    # One row that no page holds (a clause of many paragraphs) breaks inside itself, in the PDF as
    # in Word; the same break is no lone row. A row of its own on the next page still is.
    lines = "".join(f"<p>Paragraph {n} of the clause, as agreed.</p>" for n in range(70))
    tall = f"<table><thead><tr><th>Clause</th><th>Agreed</th></tr></thead><tbody><tr><td>Terms</td><td>{lines}</td></tr></tbody></table>"
    path = pdf(tmp_path, FILLER * 3 + tall, css="tr { break-inside: auto; } td p { margin: 0; }")
    fragments = [t.rows for page in read_pdf(path) for t in page.tables]
    assert len(fragments) == 2 and fragments[1][1][0] == ""  # the row goes on, its first cell empty
    assert findings(path) == []


def test_small_body_text(tmp_path: Path) -> None:
    found = findings(pdf(tmp_path, FILLER * 4, css="p { font-size: 8.5pt; }"))
    assert [(f.page, f.kind, f.message) for f in found] == [(1, "small-text", "body text at 8.5 pt")]


def test_small_print_under_the_minimum(tmp_path: Path) -> None:
    found = findings(pdf(tmp_path, FILLER * 4 + '<p style="font-size: 6.5pt">OWNER tag</p>'))
    assert [(f.page, f.kind) for f in found] == [(1, "small-text")]
    assert "6.5 pt in 'OWNER tag'" in found[0].message


def test_text_beyond_the_margin(tmp_path: Path) -> None:
    body = FILLER * 4 + '<p style="white-space: nowrap">' + "an-email-address-that-never-breaks" * 4 + "</p>"
    found = findings(pdf(tmp_path, body))
    assert [(f.page, f.kind) for f in found] == [(1, "outside")]


def test_page_counts_of_docx_and_pdf() -> None:
    assert page_count_finding(10, 11) is None
    assert page_count_finding(13, 11) is not None
    assert page_count_finding(7, 6) is None
    finding = page_count_finding(11, 13)
    assert finding is not None and finding.kind == "page-count"
    assert "13 pages" in finding.message and "11" in finding.message


def test_the_watermark_is_not_text(tmp_path: Path) -> None:
    css = ".wm { position: fixed; top: 40%; font-size: 110pt; transform: rotate(-35deg); }"
    body = '<div class="wm">DRAFT</div>' + FILLER * 4
    assert findings(pdf(tmp_path, body, css=css)) == []
