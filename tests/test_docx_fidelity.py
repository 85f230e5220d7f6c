"""Word files that look like the PDF: embedded fonts, keeps, title, signatures.

The DOCX is read back as a zip and with python-docx; the embedded fonts are de-obfuscated as
Word does and opened with fontTools, which must find a glyph for every character of the text.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
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
