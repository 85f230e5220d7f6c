"""Word files that look like the PDF: embedded fonts, keeps, title, signatures.

The DOCX is read back as a zip and with python-docx; the embedded fonts are de-obfuscated as
Word does and opened with fontTools, which must find a glyph for every character of the text.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from fontTools.ttLib import TTFont
from lxml import etree

from slagen.docx import DocxOptions, html_to_docx
from slagen.docx.fonts import font_key, obfuscate

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
WHEN = datetime(2026, 9, 29, tzinfo=UTC)


def page(body: str, head: str = "") -> str:
    return (
        f'<!doctype html><html lang="en"><head><title>Paper SLA</title>{head}</head><body>'
        '<div class="running-header">Paper SLA · 2026-Q4</div>'
        '<div class="running-footer">Version 2</div>'
        f"{body}</body></html>"
    )


def convert(body: str, head: str = "") -> bytes:
    return html_to_docx(page(body, head), DocxOptions(when=WHEN))


def test_fonts_are_embedded_obfuscated_and_cover_the_text() -> None:
    text = "Zażółć gęślą jaźń: 99.95% · €5,000 → “quoted”"
    lists = "<ul><li>a bullet</li></ul><ul class='ticks'><li>a tick</li></ul>"
    data = convert(f"<h1 class='title'>Paper SLA</h1><p>{text} <strong>bold</strong> <em>it</em></p>{lists}")
    z = zipfile.ZipFile(io.BytesIO(data))
    table = etree.fromstring(z.read("word/fontTable.xml"))
    rels = etree.fromstring(z.read("word/_rels/fontTable.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    (sans,) = [f for f in table.iter(f"{W}font") if f.get(f"{W}name") == "DejaVu Sans"]
    faces = {etree.QName(e).localname: e for e in sans if etree.QName(e).localname.startswith("embed")}
    assert set(faces) == {"embedRegular", "embedBold", "embedItalic", "embedBoldItalic"}
    for face in faces.values():
        key = face.get(f"{W}fontKey")
        part = z.read("word/" + targets[face.get(f"{R}id")])
        assert part[:4] != b"\x00\x01\x00\x00"  # obfuscated: not a bare TrueType header
        font = TTFont(io.BytesIO(obfuscate(part, key)))
        cmap = font.getBestCmap()
        assert all(ord(c) in cmap for c in set(text) if not c.isspace()), face
        # the list markers Word draws from numbering.xml in the same font (a missing glyph
        # would print as an empty box)
        assert ord("•") in cmap and ord("✓") in cmap, face
        assert len(part) < 200_000  # a subset, not the whole font
    settings = z.read("word/settings.xml").decode()
    assert "<w:embedTrueTypeFonts/>" in settings and "<w:saveSubsetFonts/>" in settings
    assert 'Extension="odttf"' in z.read("[Content_Types].xml").decode()
    again = convert(f"<h1 class='title'>Paper SLA</h1><p>{text} <strong>bold</strong> <em>it</em></p>{lists}")
    assert again == data


def _embedded_regular(z: zipfile.ZipFile, family: str) -> dict[int, str]:
    """The character map of ``family``'s embedded regular face."""
    table = etree.fromstring(z.read("word/fontTable.xml"))
    rels = etree.fromstring(z.read("word/_rels/fontTable.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    (font,) = [f for f in table.iter(f"{W}font") if f.get(f"{W}name") == family]
    face = font.find(f"{W}embedRegular")
    part = z.read("word/" + targets[face.get(f"{R}id")])
    cmap: dict[int, str] = TTFont(io.BytesIO(obfuscate(part, face.get(f"{W}fontKey")))).getBestCmap()
    return cmap


def test_the_embedded_fonts_draw_the_list_bullets() -> None:
    # a bullet is a character of the numbering part, set in the embedded DejaVu Sans: a subset
    # without it prints an empty box in LibreOffice, and in Word where DejaVu is not installed
    data = convert(
        "<h1 class='title'>Paper SLA</h1><ul><li>One<ul><li>Two</li></ul></li></ul><ol><li>Three</li></ol>"
    )
    z = zipfile.ZipFile(io.BytesIO(data))
    numbering = etree.fromstring(z.read("word/numbering.xml"))
    used = {n.get(f"{W}val") for n in etree.fromstring(z.read("word/document.xml")).iter(f"{W}numId")}
    abstract = {
        n.get(f"{W}numId"): n.find(f"{W}abstractNumId").get(f"{W}val") for n in numbering.iter(f"{W}num")
    }
    levels = [
        lvl
        for a in numbering.iter(f"{W}abstractNum")
        if a.get(f"{W}abstractNumId") in {abstract[u] for u in used}
        for lvl in a.iter(f"{W}lvl")
        if (fonts := lvl.find(f"{W}rPr/{W}rFonts")) is not None and fonts.get(f"{W}ascii") == "DejaVu Sans"
    ]
    marks = {c for lvl in levels for c in lvl.find(f"{W}lvlText").get(f"{W}val") if ord(c) > 0x7E}
    assert {"•", "◦"} <= marks  # the two list levels' bullets are among them
    cmap = _embedded_regular(z, "DejaVu Sans")
    assert sorted(c for c in marks if ord(c) not in cmap) == []


def test_obfuscation_is_ecma_376_and_undoes_itself() -> None:
    data = bytes(range(64))
    key = font_key(data)
    assert key.startswith("{") and key.endswith("}") and len(key) == 38
    once = obfuscate(data, key)
    key_bytes = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    assert once[:32] == bytes(b ^ key_bytes[i % 16] for i, b in enumerate(data[:32]))
    assert once[32:] == data[32:]
    assert obfuscate(once, key) == data


def test_the_serif_page_embeds_the_serif_faces_and_centres_its_title() -> None:
    d_bytes = convert(
        "<h1 class='title'>Service Agreement</h1><p>Text</p>", '<meta name="font" content="DejaVu Serif">'
    )
    table = etree.fromstring(zipfile.ZipFile(io.BytesIO(d_bytes)).read("word/fontTable.xml"))
    embedded = {f.get(f"{W}name") for f in table.iter(f"{W}font") if f.find(f"{W}embedRegular") is not None}
    assert "DejaVu Serif" in embedded
    d = docx.Document(io.BytesIO(d_bytes))
    title = d.styles["Title"]
    assert title.font.name == "DejaVu Serif"
    assert title.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert str(title.font.color.rgb) == "1B1B1B"  # not Word's blue
    sans = docx.Document(io.BytesIO(convert("<h1 class='title'>SLA</h1>")))
    assert sans.styles["Title"].paragraph_format.alignment is None


def rows_table(n: int) -> str:
    body = "".join(f"<tr><td>row {i}</td><td>{i}</td></tr>" for i in range(n))
    return f"<table><thead><tr><th>Item</th><th>Value</th></tr></thead><tbody>{body}</tbody></table>"


def kept(d: docx.document.Document) -> list[bool]:
    """For each row of the first table: whether its paragraphs are kept with the next."""
    rows = d.tables[0]._tbl.tr_lst
    return [all(p.pPr is not None and p.pPr.keepNext_val for p in tr.iter(f"{W}p")) for tr in rows]


def test_short_tables_are_kept_whole_and_long_ones_keep_two_rows_a_side() -> None:
    short = docx.Document(io.BytesIO(convert(rows_table(5))))
    assert kept(short) == [True, True, True, True, True, False]  # header + 5 rows: one block
    long = docx.Document(io.BytesIO(convert(rows_table(10))))
    assert kept(long) == [True, True, False, False, False, False, False, False, False, True, False]
    rows = long.tables[0]._tbl.tr_lst
    assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in rows)
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None


def test_a_short_table_taller_than_a_page_breaks_as_a_long_one() -> None:
    # five rows of about 40 lines each: no page holds them, so the table keeps two rows on each
    # side of its breaks instead of leaving LibreOffice to cut it wherever the page ends
    tall = " ".join(["A formula with its inputs and their values."] * 28)
    body = "".join(f"<tr><td>row {i}</td><td>{tall}</td></tr>" for i in range(5))
    html = f"<table><thead><tr><th>Item</th><th>Formula</th></tr></thead><tbody>{body}</tbody></table>"
    assert kept(docx.Document(io.BytesIO(convert(html)))) == [True, True, False, False, True, False]
    # the same five rows of one line each stay on one page
    assert kept(docx.Document(io.BytesIO(convert(rows_table(5))))) == [True] * 5 + [False]


def test_signatures_are_kept_together_without_a_page_of_their_own() -> None:
    body = (
        "<p>Terms.</p><section class='signatures'><h2>Signatures</h2><p>By signing below.</p>"
        "<div class='signature'><p class='sign-line'>&nbsp;</p><p><strong>Ann</strong></p><p>Date:</p></div>"
        "</section>"
    )
    d = docx.Document(io.BytesIO(convert(body)))
    xml = d.element.body.xml
    assert 'w:type="page"' not in xml and "pageBreakBefore" not in xml
    signing = [p for p in d.paragraphs if p.text in ("By signing below.", "Ann")]
    assert all(p.paragraph_format.keep_with_next and p.paragraph_format.keep_together for p in signing)


def test_title_and_headings_take_the_sizes_of_the_style() -> None:
    d = docx.Document(io.BytesIO(convert("<h1 class='title'>SLA</h1><h2>Goals</h2><h3>Uptime</h3>")))
    sizes = [d.styles[s].font.size.pt for s in ("Title", "Heading 1", "Heading 2")]
    assert sizes == [18, 13, 10.5]  # base.css h1, h2, h3
    legal = convert("<h1 class='title'>SLA</h1>", '<meta name="heading-sizes" content="17 11 10">')
    d = docx.Document(io.BytesIO(legal))
    assert [d.styles[s].font.size.pt for s in ("Title", "Heading 1", "Heading 2")] == [17, 11, 10]
    assert d.styles["Heading 1"].paragraph_format.space_before.pt == 16  # h2 { margin: 16pt 0 6pt }


def grid(d: docx.document.Document) -> list[float]:
    """The first table's column widths, as shares of the table's width."""
    cols = [gc.w for gc in d.tables[0]._tbl.tblGrid.gridCol_lst]
    return [c / sum(cols) for c in cols]


def test_columns_take_the_widths_the_css_fixes_and_share_the_rest_by_their_text() -> None:
    long_text = "Delivery notes signed at the head office and the print studio, checked every week " * 2
    table = (
        "<table class='goals'><thead><tr><th>Goal</th><th>Over Q4</th><th>Measured by</th></tr></thead>"
        f"<tbody><tr><td>Reams delivered</td><td>not summed</td><td>{long_text}</td></tr></tbody></table>"
    )
    css = (
        "<style>table.goals th:nth-child(1) { width: 24%; } table.key td:first-child { width: 40%; }</style>"
    )
    fixed = grid(docx.Document(io.BytesIO(convert(table, css))))
    assert abs(fixed[0] - 0.24) < 0.005
    assert fixed[2] > 3 * fixed[1]  # the long text gets the room, "not summed" keeps its words
    auto = grid(docx.Document(io.BytesIO(convert(table.replace("class='goals'", "")))))
    assert auto[2] > auto[0] and auto[2] > auto[1] and abs(auto[0] - 0.24) > 0.01


def test_no_column_is_narrower_than_its_longest_unbroken_token() -> None:
    # a phone number and an amount joined by no-break spaces, and a column the CSS fixes narrower
    # than its bold header word: each column at least as wide as its longest token (CSS min-content)
    long_text = "Escalation goes to the next level after four business hours without an answer " * 3
    phone, amount = "+48\u00a022\u00a0555\u00a00140", "9500,00\u00a0USD"
    table = (
        "<table class='derivations'><thead><tr><th>Who</th><th>Phone</th><th>Zaokrąglenie</th><th>When</th></tr></thead>"
        f"<tbody><tr><td>Ann</td><td>{phone}</td><td>{amount}</td><td>{long_text}</td></tr></tbody></table>"
    )
    css = "<style>table.derivations th:nth-child(3) { width: 5%; }</style>"
    widths = grid(docx.Document(io.BytesIO(convert(table, css))))
    text_width = (210 - 36) / 25.4 * 72  # A4 less base.css's margins, in points

    def wide(token: str, bold: bool = False) -> float:  # DejaVu Sans 9 pt, bold 12% wider
        return len(token) * 5.0 * (1.12 if bold else 1.0) + 8  # plus the cell's padding

    assert widths[1] * text_width >= wide(phone)
    assert widths[2] * text_width >= wide("Zaokrąglenie", bold=True) >= wide(amount)
    assert widths[3] > widths[1] + widths[2]  # the long text still gets the room


def keeps(d: docx.document.Document) -> dict[str, bool]:
    """Each paragraph's text: whether it is kept with the next (set on it, or by its style)."""
    out = {}
    for p in d.paragraphs:
        own = p.paragraph_format.keep_with_next
        out[p.text] = bool(p.style.paragraph_format.keep_with_next if own is None else own)
    return out


def test_a_heading_keeps_two_paragraphs_but_no_chain_of_sections() -> None:
    body = "".join(
        f"<h3>Goal {i}</h3><p>Statement {i}.</p><p>Detail {i}.</p><p>More {i}.</p>" for i in (1, 2)
    )
    kept = keeps(docx.Document(io.BytesIO(convert(body))))
    assert kept["Goal 1"] and kept["Statement 1."] and kept["Detail 1."]  # heading + 3 lines
    assert not kept["More 1."]  # the third paragraph goes where the page falls
    two = keeps(docx.Document(io.BytesIO(convert("<h3>A</h3><p>One.</p><p>Two.</p><h3>B</h3><p>x</p>"))))
    assert two["One."] and not two["Two."]  # not kept with the next heading: no chain A -> B


def test_nothing_is_kept_with_a_page_break() -> None:
    body = (
        "<h2>Contents</h2><p class='toc'>1. Overview</p><p class='toc'>2. Goals</p>"
        "<div class='page-break'></div><h2>1. Overview</h2><p>Text.</p>"
    )
    d = docx.Document(io.BytesIO(convert(body)))
    toc = [p for p in d.paragraphs if "toc" not in p.style.name and p.text.startswith(("1. O", "2. G"))]
    toc = [p for p in toc if p.style.name != "Heading 1"]
    # the contents lines stay together, the last is not kept with the page after the break
    assert [bool(p.paragraph_format.keep_with_next) for p in toc] == [True, False]
    assert keeps(d)["Contents"]


VISUAL = (
    "<div class='v-cover'><p class='v-kicker'>Customer agreement</p><h1 class='title'>Hosting SLA</h1>"
    "<p class='v-sub'>Q4 · version 3</p></div>"
    "<div class='flow'><div class='flow-step'><span class='step-no'>1</span> Monitoring</div>"
    "<div class='flow-step none'><span class='step-no'>2</span> Maintenance<br><span class='note'>no goal</span></div></div>"
    "<h3>1 Monitoring</h3><p>Cards.</p>"
    "<div class='tile strikes'><p class='tile-figure'>3 strikes</p><p class='tile-label'>in one quarter</p>"
    "<p>Each missed month counts.</p></div>"
    "<div class='timeline'><div class='tl-item'><span class='tl-dot'></span><p class='tl-label'>Start of term</p>"
    "<p>1 October 2026</p></div><div class='tl-item'><span class='tl-dot end'></span>"
    "<p class='tl-label'>End of term</p><p>30 September 2027</p></div></div>"
)


def cell_fill(tc: etree._Element) -> str | None:
    shd = tc.find(f"{W}tcPr/{W}shd")
    return None if shd is None else shd.get(f"{W}fill")


def test_the_visual_callouts_are_shaded_tables_and_a_kept_strip() -> None:
    d = docx.Document(io.BytesIO(convert(VISUAL)))
    banner, tile, timeline = d.tables
    # the banner: navy, white text, the title in it, an orange rule under it
    (cover,) = banner._tbl.iter(f"{W}tc")
    assert cell_fill(cover) == "123A5A"
    texts = [p.text for p in banner.rows[0].cells[0].paragraphs]
    assert texts == ["Customer agreement", "Hosting SLA", "Q4 · version 3"]
    assert {str(r.font.color.rgb) for p in banner.rows[0].cells[0].paragraphs for r in p.runs} == {"FFFFFF"}
    assert banner.rows[0].cells[0].paragraphs[1].style.name == "Title"
    bottom = banner._tbl.find(f"{W}tblPr/{W}tblBorders/{W}bottom")
    assert bottom.get(f"{W}color") == "F2A93B"
    # the strikes tile: edged in rust, centred, the figure large and bold
    edge = tile._tbl.find(f"{W}tblPr/{W}tblBorders/{W}left")
    assert edge.get(f"{W}color") == "A4452C"
    figure, label, rule = tile.rows[0].cells[0].paragraphs
    assert figure.text == "3 strikes" and figure.runs[0].font.size.pt == 16 and figure.runs[0].font.bold
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in (figure, label, rule))
    assert label.runs[0].font.all_caps and rule.text == "Each missed month counts."
    # the timeline: one cell per date, each with its dot (the end filled)
    cells = timeline.rows[0].cells
    assert [c.paragraphs[0].text for c in cells] == ["◎", "◉"]  # not the parties' marks
    assert [c.paragraphs[1].text for c in cells] == ["Start of term", "End of term"]
    assert cells[1].paragraphs[2].text == "30 September 2027"
    # the stage strip: one paragraph of shaded steps, every word kept, kept with the first stage
    (strip,) = [p for p in d.paragraphs if "Monitoring" in p.text and p.style.name != "Heading 2"]
    assert " ".join(strip.text.split()) == "1 Monitoring ▶ 2 Maintenance · no goal"
    assert strip.paragraph_format.keep_with_next
    fills = {
        r._r.find(f"{W}rPr/{W}shd").get(f"{W}fill") for r in strip.runs if r.text.strip() not in ("▶", "")
    }
    assert {"123A5A", "E7EEF5"} <= fills  # a navy number, a light step


def test_spacing_and_padding_come_from_the_pages_css_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from slagen.docx import css

    parsed = []
    rules = css._rules
    monkeypatch.setattr(css, "_rules", lambda root: parsed.append(1) or rules(root))
    style = (
        "<style>p { margin: 0 0 7pt; } li { margin: 0 0 3pt; } ul, ol { margin: 0 0 4pt; padding-left: 20pt; }"
        " th, td { padding: 2pt 5pt; } td ul { margin: 1pt 0 0; }</style>"
    )
    body = "<p>Text.</p><ul><li>One</li><li>Two</li></ul><table><tr><td>Cell<ul><li>in a cell</li></ul></td></tr></table>"
    d = docx.Document(io.BytesIO(convert(body, style)))
    assert parsed == [1]  # one parse of the page's CSS for the whole document
    assert d.styles["Normal"].paragraph_format.space_after == Pt(7)
    assert d.styles["List Paragraph"].paragraph_format.space_after == Pt(3)
    items = [p for p in d.paragraphs if p.text in ("One", "Two")]
    assert items[-1].paragraph_format.space_after == Pt(4)  # the list's own bottom margin
    mar = d.tables[0]._tbl.tblPr.find(f"{W}tblCellMar")
    assert [mar.find(f"{W}{s}").get(f"{W}w") for s in ("top", "left")] == ["40", "100"]
    in_cell = d.tables[0].rows[0].cells[0].paragraphs[1]
    assert in_cell.text == "in a cell" and in_cell.paragraph_format.space_before == Pt(1)
    # without the rules, base.css's values
    bare = docx.Document(io.BytesIO(convert(body)))
    assert bare.styles["Normal"].paragraph_format.space_after == Pt(5)
    assert bare.styles["List Paragraph"].paragraph_format.space_after == Pt(2)


def test_italic_faces_are_embedded_only_for_italic_text() -> None:
    def faces(body: str) -> set[str]:
        z = zipfile.ZipFile(io.BytesIO(convert(body)))
        table = etree.fromstring(z.read("word/fontTable.xml"))
        (sans,) = [f for f in table.iter(f"{W}font") if f.get(f"{W}name") == "DejaVu Sans"]
        return {etree.QName(e).localname for e in sans if etree.QName(e).localname.startswith("embed")}

    assert faces("<h1 class='title'>SLA</h1><p>Plain <strong>bold</strong></p>") == {
        "embedRegular",
        "embedBold",
    }
    assert "embedItalic" in faces("<p>Some <em>italic</em></p>")
