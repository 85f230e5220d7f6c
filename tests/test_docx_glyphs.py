"""The Word files' letters are drawn: LibreOffice's PDF of a DOCX embeds every font it uses and
draws no character as a missing-glyph box (issue 16).

A DOCX carries subsets of its fonts (:mod:`slagen.docx.fonts`). LibreOffice keeps the embedded
faces of the first document it opens in a session and lays out later ones with them, so the test
opens an English and a Polish document in one LibreOffice run, in both orders, and reads the
glyphs each PDF draws (:func:`docx_helpers.missing_glyphs`), not its extracted text (which reads
right even where a box is drawn). ``tests/test_layout.py`` checks every example the same way.
"""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx_helpers import missing_glyphs

from slagen.docx import DocxOptions, html_to_docx
from slagen.layoutcheck import convert_docx

pytestmark = pytest.mark.slow

ENGLISH = "Straße, “quoted”: the Provider’s 99.95% — fees in € (Landstraße 291)."
POLISH = "Umowa o poziomie usług między działem „Sprzedaż” a Zażółć gęślą jaźń; ŻÓŁW, Śląsk."


def document(lang: str, text: str, font: str) -> bytes:
    html = (
        f'<!doctype html><html lang="{lang}"><head><title>SLA</title><meta name="font" content="{font}">'
        '</head><body><div class="running-header">SLA · 2026-Q4</div>'
        f"<h1 class='title'>{text}</h1><h2>{text}</h2><p>{text} <strong>{text}</strong></p>"
        f"<ul><li>{text}</li></ul><table><thead><tr><th>{text}</th></tr></thead>"
        f"<tbody><tr><td>{text}</td></tr></tbody></table></body></html>"
    )
    return html_to_docx(html, DocxOptions(when=datetime(2026, 10, 1, tzinfo=UTC)))


@pytest.mark.parametrize("font", ["DejaVu Serif", "DejaVu Sans"])
def test_an_english_and_a_polish_word_file_opened_in_one_session_draw_every_letter(
    tmp_path: Path, font: str
) -> None:
    files = []
    for name, lang, text in (
        ("1-english", "en", ENGLISH),
        ("2-polish", "pl", POLISH),
        ("3-english-again", "en", ENGLISH),
    ):
        files.append(tmp_path / f"{name}.docx")
        files[-1].write_bytes(document(lang, text, font))
    pdfs = convert_docx(files, tmp_path / "lo")
    for pdf in pdfs:
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(r.split()[-5] == "yes" for r in rows), fonts  # every font embedded
        assert any(font.replace(" ", "") in r for r in rows), fonts
        assert missing_glyphs(pdf) == [], pdf.name
