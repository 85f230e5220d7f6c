"""E-mail addresses wrap at their dots in a narrow column, not mid-word (``|breakable``).

Rendered with WeasyPrint and read back with pdftotext; the DOCX keeps the address one word.
"""

from __future__ import annotations

import io
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import docx
from weasyprint import HTML

from slagen.docx import DocxOptions, html_to_docx
from slagen.render.breaks import breakable

ADDRESS = "sven.lindqvist@northwind.example"


def test_breakable_marks_the_places_an_address_may_wrap() -> None:
    assert str(breakable(ADDRESS)) == "sven.lindqvist@<wbr>northwind<wbr>.example"
    assert str(breakable("a<b>@x.y")) == "a&lt;b&gt;@<wbr>x<wbr>.y"  # escaped
    assert str(breakable("no address")) == "no address"


def test_a_narrow_column_wraps_the_address_after_the_at_sign(tmp_path: Path) -> None:
    page = (
        "<div style='width: 120pt; font: 10pt \"DejaVu Sans\"; overflow-wrap: break-word'>"
        "Knowledge Base Manager · {}</div>"
    )
    lines = {}
    for name, text in (("plain", ADDRESS), ("breakable", str(breakable(ADDRESS)))):
        HTML(string=page.format(text)).write_pdf(tmp_path / f"{name}.pdf")
        out = subprocess.run(
            ["pdftotext", "-raw", str(tmp_path / f"{name}.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        lines[name] = [ln.strip() for ln in out.splitlines() if ln.strip()]
    assert "sven.lindqvist@" in lines["breakable"] and "northwind.example" in lines["breakable"]
    assert "northwind.example" not in lines["plain"]  # cut inside a word without it


def test_the_docx_keeps_the_address_one_word() -> None:
    html = f"<!doctype html><html><body><p>Contact: {breakable(ADDRESS)}</p></body></html>"
    data = html_to_docx(html, DocxOptions(when=datetime(2026, 9, 29, tzinfo=UTC)))
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert f"Contact: {ADDRESS}" in texts
