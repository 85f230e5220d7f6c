"""E-mail addresses and ids wrap at their dots in a narrow column, not mid-word (``|breakable``),
and period ids and postal codes never break at their hyphen in the PDF (``unbroken_ids``).

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
from slagen.render.breaks import breakable, unbroken_ids
from slagen.render.environment import make_environment
from slagen.render.pdf import PdfJob, write_pdf

ADDRESS = "sven.lindqvist@northwind.example"


def test_breakable_marks_the_places_an_address_may_wrap() -> None:
    assert str(breakable(ADDRESS)) == "sven.lindqvist@<wbr>northwind<wbr>.example"
    assert str(breakable("a<b>@x.y")) == "a&lt;b&gt;@<wbr>x<wbr>.y"  # escaped
    assert str(breakable("no address")) == "no address"
    # a computed target's id wraps before its dots ("funnel" / ".leads_needed"), no hyphen added
    assert str(breakable("funnel.leads_needed")) == "funnel<wbr>.leads_needed"
    assert str(breakable("calendar.business_days.2026-10")) == "calendar<wbr>.business_days<wbr>.2026-10"


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


def test_ids_are_wrapped_in_the_text_only() -> None:
    html = (
        '<html><head><title>Plan 2026-Q4</title></head><body><p title="2026-Q4">'
        "For 2026-Q4 and 2026-W47, ul. Prosta 20, 00-850 Warszawa; a 50-sheet ream.</p></body></html>"
    )
    assert unbroken_ids(html) == (
        '<html><head><title>Plan 2026-Q4</title></head><body><p title="2026-Q4">'
        'For <span class="nobr">2026-Q4</span> and <span class="nobr">2026-W47</span>, ul. Prosta 20, '
        '<span class="nobr">00-850</span> Warszawa; a 50-sheet ream.</p></body></html>'
    )


def test_a_period_id_is_not_broken_at_its_hyphen_and_copies_as_written(tmp_path: Path) -> None:
    css = make_environment(None).get_template("base/base.css").render()
    html = (
        f"<!doctype html><html><head><style>{css}</style></head><body>"
        "<div style='width: 100pt; font-size: 10pt'>the target for 2026-Q4 of it</div></body></html>"
    )
    alone = tmp_path / "weasyprint.pdf"
    HTML(string=html).write_pdf(alone)
    when = datetime(2026, 9, 29, tzinfo=UTC)
    job = PdfJob(
        base_url=tmp_path.as_uri() + "/", roots=(tmp_path,), source_name="a.yaml", source=b"", when=when
    )
    ours = tmp_path / "slagen.pdf"
    ours.write_bytes(write_pdf(html, job))
    lines = {}
    for name, path in (("alone", alone), ("slagen", ours)):
        out = subprocess.run(
            ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
        )
        lines[name] = [ln.strip() for ln in out.stdout.splitlines() if ln.strip()]
    assert "the target for 2026-" in lines["alone"]  # the break the span prevents
    assert "2026-Q4 of it" in lines["slagen"]  # whole, with its plain hyphen
