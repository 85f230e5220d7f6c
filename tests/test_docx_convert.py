"""The HTML-to-Word converter on hand-written pages of the vocabulary, and on pages outside it."""

from __future__ import annotations

import base64
import io
import struct
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLES, build_tree, run

from slagen.docx import DocxOptions, html_to_docx
from slagen.errors import RenderError

#: PDF and DOCX renders of whole documents: end to end.
pytestmark = pytest.mark.slow

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
V = "{urn:schemas-microsoft-com:vml}"
WHEN = datetime(2026, 9, 29, tzinfo=UTC)


def _png() -> str:
    raw = b"\x00\xff\x00\x00" * 2

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 2, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    return "data:image/png;base64," + base64.b64encode(png).decode()


def page(body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><title>Paper SLA</title>'
        '<meta name="author" content="Acme Paper"><meta name="description" content="Paper SLA for 2026-Q4">'
        '<meta name="keywords" content="sla, paper"></head><body>'
        '<div class="running-header">Paper SLA · 2026-Q4</div><div class="running-footer">Version 2 · sha256:abc</div>'
        f"{body}</body></html>"
    )


def build(body: str, size: str = "A4") -> docx.document.Document:
    data = html_to_docx(page(body), DocxOptions(page_size=size, when=WHEN))  # type: ignore[arg-type]
    return docx.Document(io.BytesIO(data))


def test_headings_are_title_and_heading_styles() -> None:
    d = build(
        "<h1 class='title'>Paper SLA</h1><h2>Goals</h2><h3>Per month</h3><p>Fifty <strong>reams</strong>.</p>"
    )
    assert [(p.style.name, p.text) for p in d.paragraphs] == [
        ("Title", "Paper SLA"),
        ("Heading 1", "Goals"),
        ("Heading 2", "Per month"),
        ("Normal", "Fifty reams."),
    ]
    assert d.paragraphs[3].runs[1].bold


def test_nested_lists_are_numbered_paragraphs_that_restart() -> None:
    d = build(
        "<ul><li>a<ul><li>a.1</li></ul></li></ul><ol><li>one<ol><li>one.one</li></ol></li></ol><ol><li>again</li></ol>"
    )
    items = []
    for p in d.paragraphs:
        num = p._p.find(f"{W}pPr/{W}numPr")
        items.append((p.text, int(num.find(f"{W}ilvl").get(f"{W}val")), num.find(f"{W}numId").get(f"{W}val")))
    assert [(t, lvl) for t, lvl, _ in items] == [
        ("a", 0),
        ("a.1", 1),
        ("one", 0),
        ("one.one", 1),
        ("again", 0),
    ]
    assert items[2][2] == items[3][2], "a numbered sub-list continues its parent's numbering (1. then 1.1)"
    assert items[4][2] != items[2][2], "a new numbered list restarts"
    numbering = d.part.numbering_part.element.xml
    assert 'w:lvlText w:val="•"' in numbering


def test_table_header_repeats_rows_do_not_split_and_colspan_merges() -> None:
    d = build(
        "<table><thead><tr><th>Month</th><th class='num'>Reams</th></tr></thead>"
        "<tbody><tr><td>2026-10</td><td class='num'>50</td></tr><tr><td colspan='2'>Total 150</td></tr></tbody></table>"
    )
    (t,) = d.tables
    assert [c.text for c in t.rows[0].cells] == ["Month", "Reams"]
    assert t.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    assert all(r._tr.find(f"{W}trPr/{W}cantSplit") is not None for r in t.rows)
    assert t.rows[0].cells[0]._tc.find(f"{W}tcPr/{W}shd").get(f"{W}fill") == "ECEFF2"
    assert t.rows[1].cells[1].paragraphs[0].alignment == 2
    assert t.rows[2].cells[0].text == "Total 150" and t.rows[2].cells[0]._tc.grid_span == 2


def test_columns_blocks_charts_and_signatures() -> None:
    d = build(
        '<div class="columns"><div class="column"><p>Left</p></div><div class="column"><p>Right</p></div></div>'
        '<div class="block" data-color="#1f5f8b"><p>Marketing</p></div>'
        f'<figure class="chart"><img src="x.svg" data-png="{_png()}" alt="Goal line"></figure>'
        '<section class="signatures"><h2>Sign-off</h2><div class="signature"><p class="sign-line">&nbsp;</p><p>Ann</p></div>'
        '<div class="signature"><p class="sign-line">&nbsp;</p><p>Bob</p></div></section>'
    )
    columns, block, signatures = d.tables
    assert [c.text for c in columns.rows[0].cells] == ["Left", "Right"]
    assert columns._tbl.find(f"{W}tblPr/{W}tblBorders/{W}insideV").get(f"{W}val") == "nil"
    cell = block.rows[0].cells[0]
    assert cell.text == "Marketing"
    assert cell._tc.find(f"{W}tcPr/{W}shd").get(f"{W}fill") == "E4ECF1"  # a light tint of #1f5f8b
    assert block._tbl.find(f"{W}tblPr/{W}tblBorders/{W}left").get(f"{W}color") == "1F5F8B"
    assert len(d.inline_shapes) == 1
    assert [c.text.strip() for c in signatures.rows[0].cells] == ["Ann", "Bob"]
    heading = next(p for p in d.paragraphs if p.text == "Sign-off")
    assert not heading.paragraph_format.page_break_before  # as in the PDF: kept whole, no page of its own
    assert heading.paragraph_format.keep_with_next


def test_party_marks_are_coloured_shape_characters() -> None:
    d = build(
        '<p><span class="mark shape-circle" data-color="#1f5f8b" style="color: #1f5f8b"></span> Marketing · '
        '<span class="mark shape-square" data-color="#a4452c"></span> Sales · '
        '<span class="mark shape-ring" data-color="#5b5b5b"></span> Shared</p>'
        '<p class="column-head" style="border-color: #a4452c"><span class="mark shape-diamond" '
        'data-color="#a4452c"></span> Service</p>'
    )
    marks, head = d.paragraphs
    assert marks.text == "● Marketing · ■ Sales · ○ Shared"
    coloured = [(r.text, str(r.font.color.rgb)) for r in marks.runs if r.font.color.rgb is not None]
    assert coloured == [("●", "1F5F8B"), ("■", "A4452C"), ("○", "5B5B5B")]
    # On a title bar tinted with the party's colour the mark is white, as the text is.
    assert head.text == "◆ Service"
    assert {str(r.font.color.rgb) for r in head.runs} == {"FFFFFF"}


@pytest.mark.parametrize(
    ("span", "message"),
    [
        (
            '<span class="mark shape-star" data-color="#1f5f8b"></span>',
            "is a mark without a known shape (one of shape-circle, shape-square, shape-diamond, "
            "shape-triangle, shape-bar, shape-hollow-square, shape-ring)",
        ),
        ('<span class="mark shape-circle"></span>', "has no data-color attribute"),
        ('<span class="mark shape-circle" data-color="blue"></span>', "has data-color 'blue'"),
    ],
)
def test_a_mark_that_cannot_be_drawn_fails(span: str, message: str) -> None:
    with pytest.raises(RenderError) as err:
        html_to_docx(page(f"<p>{span} Marketing</p>"), DocxOptions())
    assert message in str(err.value)


def test_the_font_the_page_names_is_the_documents_font() -> None:
    def fonts(head: str) -> set[str]:
        html = page("<h1 class='title'>Paper SLA</h1><h2>Goals</h2><p>Fifty reams.</p>")
        d = docx.Document(io.BytesIO(html_to_docx(html.replace("</head>", head + "</head>"), DocxOptions())))
        return {d.styles[s].font.name for s in ("Normal", "Title", "Heading 1", "Heading 2", "Caption")}

    assert fonts('<meta name="font" content="DejaVu Serif">') == {"DejaVu Serif"}
    assert fonts("") == {"DejaVu Sans"}


def test_draft_mark_in_the_header_and_page_fields_in_the_footer() -> None:
    d = build('<div class="watermark">DRAFT</div><p>Text</p>', size="Letter")
    s = d.sections[0]
    # The running header, and no line of DRAFT text under it (the PDF has none) ...
    assert [p.text for p in s.header.paragraphs] == ["Paper SLA · 2026-Q4"]
    # ... but large and diagonal behind the text of every page, as Word draws a watermark, in
    # the PDF's solid grey (a copier keeps it; the pale pink of before turned into a 9% grey).
    (shape,) = s.header._element.iter(f"{V}shape")
    assert shape.get("fillcolor") == "#C8C8C8"
    assert shape.find(f"{V}fill") is None  # not made transparent
    assert shape.find(f"{V}textpath").get("string") == "DRAFT"
    style = dict(kv.split(":", 1) for kv in shape.get("style").split(";"))
    assert style["rotation"] == "325" and int(style["z-index"]) < 0
    assert style["mso-position-horizontal"] == style["mso-position-vertical"] == "center"
    assert float(style["width"].removesuffix("pt")) > 300
    assert len(d.sections) == 1 and not s.different_first_page_header_footer
    footer = s.footer.paragraphs[0]
    assert footer.text == "Version 2 · sha256:abc\tPage 1 of 1"
    assert [t.text.strip() for t in s.footer._element.iter(f"{W}instrText")] == ["PAGE", "NUMPAGES"]
    assert round(s.page_width.inches, 2) == 8.5
    assert "DRAFT" not in " ".join(p.text for p in d.paragraphs)
    signed = build("<p>Text</p>").sections[0].header
    assert "DRAFT" not in " ".join(p.text for p in signed.paragraphs)
    assert not list(signed._element.iter(f"{V}shape"))


def test_properties_and_zip_are_fixed() -> None:
    data = html_to_docx(page("<p>x</p>"), DocxOptions(when=WHEN))
    assert data == html_to_docx(page("<p>x</p>"), DocxOptions(when=WHEN))
    cp = docx.Document(io.BytesIO(data)).core_properties
    assert (cp.title, cp.author, cp.subject, cp.keywords) == (
        "Paper SLA",
        "Acme Paper",
        "Paper SLA for 2026-Q4",
        "sla, paper",
    )
    assert cp.created == cp.modified == WHEN
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        assert names[:2] == ["[Content_Types].xml", "_rels/.rels"] and names[2:] == sorted(names[2:])
        assert {i.date_time for i in z.infolist()} == {(2026, 9, 29, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in names


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "<p>a</p><marquee>Fees apply</marquee>",
            "<marquee> at line 1 of the rendered HTML is not in the vocabulary",
        ),
        (
            '<p class="fine-print">b</p>',
            "<p class=\"fine-print\"> at line 1 of the rendered HTML uses class 'fine-print'",
        ),
        ("<table><tr><td>a</td></tr>Fees</table>", "text 'Fees' directly inside <table>"),
        ('<div class="block" data-color="red"><p>x</p></div>', "has data-color 'red'; expected a hex colour"),
        (
            '<figure class="chart"><img src="x.svg"></figure>',
            "has no data-png attribute holding a PNG data URI",
        ),
        ("<p>a <div>b</div></p>", None),  # a browser closes the p: both texts are kept
    ],
)
def test_outside_the_vocabulary_fails_with_the_element_named(body: str, message: str | None) -> None:
    if message is None:
        assert [p.text for p in build(body).paragraphs] == ["a", "b"]
        return
    with pytest.raises(RenderError) as err:
        html_to_docx(page(body), DocxOptions())
    assert message in str(err.value)
    assert "docs/templates.md" in str(err.value) or "expected a hex colour" in str(err.value)


def test_render_with_an_out_of_vocabulary_template_writes_nothing(tmp_path: Path) -> None:
    templates = build_tree(
        tmp_path / "tpl",
        {
            "two-column/document.html": '{% extends "base/base.html" %}\n{% block body %}\n'
            "<h2>Terms</h2>\n<marquee>{{ doc.summary }}</marquee>\n{% endblock %}\n"
        },
    )
    out = tmp_path / "out"
    result = run(
        "render",
        str(EXAMPLES[0]),
        "--format",
        "docx",
        "--style",
        "two-column",
        "--templates",
        str(templates),
        "-o",
        str(out),
    )
    assert result.exit_code == 1
    assert "Error: DOCX: <marquee> at line" in result.output
    assert (
        "is not in the vocabulary; templates may use only the vocabulary in docs/templates.md"
        in result.output
    )
    assert "Traceback" not in result.output
    assert not out.exists() or not any(p.is_file() for p in out.rglob("*"))


def test_format_list_is_checked() -> None:
    result = run("render", str(EXAMPLES[0]), "--format", "pdf,odt")
    assert result.exit_code == 2
    assert "--format: expected pdf, docx or html, or a list such as pdf,docx; got 'pdf,odt'" in result.output


def test_pdf_and_docx_together_are_written_both_or_neither(tmp_path: Path) -> None:
    templates = build_tree(
        tmp_path / "tpl",
        {
            "two-column/document.html": '{% extends "base/base.html" %}\n{% block body %}\n'
            "<h2>Terms</h2>\n<marquee>{{ doc.summary }}</marquee>\n{% endblock %}\n"
        },
    )
    out = tmp_path / "out"
    args = ("render", str(EXAMPLES[0]), "--style", "two-column", "-o", str(out))
    assert run(*args).exit_code == 0
    (earlier,) = out.rglob("*.pdf")
    before = earlier.read_bytes()

    # The PDF of the new template renders; its DOCX fails: neither file is written.
    result = run(*args, "--format", "pdf,docx", "--templates", str(templates))
    assert result.exit_code == 1
    assert "Error: DOCX: <marquee> at line" in result.output
    assert "wrote" not in result.output
    assert earlier.read_bytes() == before
    assert sorted(p.name for p in out.rglob("*")) == [earlier.parent.name, earlier.name]

    # Several agreements: one that fails to render stops the others' files too.
    broken = build_tree(tmp_path / "bad", {"x.yaml": "id: x\n"})
    result = run(*args, "--format", "pdf,docx", str(broken / "x.yaml"))
    assert result.exit_code == 1
    assert f"{broken / 'x.yaml'}:1:1:" in result.output
    assert sorted(p.name for p in out.rglob("*")) == [earlier.parent.name, earlier.name]

    result = run(*args, "--format", "pdf,docx")
    assert result.exit_code == 0
    written = sorted(p.name for p in out.rglob("*.*"))
    assert written == [earlier.with_suffix(".docx").name, earlier.name]
    assert result.output.count("wrote ") == 2
