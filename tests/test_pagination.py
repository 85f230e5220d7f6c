"""A short table too tall for a page with its heading breaks like a long one (issue 16).

base.css keeps a table of up to six rows on one page. When such a table of tall rows does not
fit on a page with the heading and introduction kept with it, WeasyPrint alone leaves the heading
alone on a page and starts the table on the next, without its header row. slagen lays the page
out again with that table marked ``tall`` (:mod:`slagen.render.pagination`). Pages are laid out
by slagen's PDF writer with the real base.css and read back with pdfplumber and the layout check.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pdfplumber
import weasyprint

from slagen.layoutcheck import check_pdf
from slagen.render.environment import make_environment
from slagen.render.pagination import mark_tall
from slagen.render.pdf import PdfJob, write_pdf

CLAUSE = "<p>" + "Text of a clause that fills the page with ordinary body text. " * 6 + "</p>"


def page(clauses: int, lines: int, rows: int = 6) -> str:
    """A document of ``clauses`` paragraphs, then a heading, its introduction and a table of
    ``rows`` rows, each ``lines`` lines high, with slagen's base.css."""
    css = make_environment(None).get_template("base/base.css").render()
    body = "".join(
        f"<tr><td>Target {r}</td><td>{'<br>'.join(f'input {r}.{i}' for i in range(lines))}</td></tr>"
        for r in range(1, rows + 1)
    )
    return (
        f"<!doctype html><html><head><style>{css}</style></head><body>"
        "<div class='running-header'>Test agreement</div><div class='running-footer'>Version 1</div>"
        f"{CLAUSE * clauses}<h2>Appendix: how the targets are computed</h2>"
        "<p>Each computed target follows from the inputs by the formula shown.</p>"
        f"<table class='derivations'><thead><tr><th>Name</th><th>Formula</th></tr></thead>"
        f"<tbody>{body}</tbody></table></body></html>"
    )


def slagen_pdf(tmp_path: Path, html: str) -> Path:
    when = datetime(2026, 9, 29, tzinfo=UTC)
    job = PdfJob(
        base_url=tmp_path.as_uri() + "/", roots=(tmp_path,), source_name="a.yaml", source=b"", when=when
    )
    out = tmp_path / "slagen.pdf"
    out.write_bytes(write_pdf(html, job))
    return out


def weasyprint_pdf(tmp_path: Path, html: str) -> Path:
    out = tmp_path / "weasyprint.pdf"
    weasyprint.HTML(string=html).write_pdf(out)
    return out


def pages_of(path: Path) -> list[str]:
    with pdfplumber.open(str(path)) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


def test_a_tall_short_table_starts_under_its_heading_and_repeats_its_header(tmp_path: Path) -> None:
    html = page(clauses=4, lines=11)
    alone = pages_of(weasyprint_pdf(tmp_path, html))
    heading = next(i for i, t in enumerate(alone) if "Appendix" in t)
    assert "Target 1" not in alone[heading]  # the defect: the heading left without its table

    path = slagen_pdf(tmp_path, html)
    texts = pages_of(path)
    heading = next(i for i, t in enumerate(texts) if "Appendix" in t)
    on = [i for i, t in enumerate(texts) if "Target " in t]
    assert on[0] == heading and len(on) == 2
    assert all("Name Formula" in texts[i] for i in on)  # the header row on both pages
    assert [t.count("Target ") for t in (texts[i] for i in on)][-1] >= 2  # no lone last row
    assert [str(f) for r in check_pdf(path) for f in r.findings] == []


def test_a_short_table_that_fits_a_page_stays_whole(tmp_path: Path) -> None:
    html = page(clauses=9, lines=3)
    path = slagen_pdf(tmp_path, html)
    texts = pages_of(path)
    on = [i for i, t in enumerate(texts) if "Target " in t]
    assert len(on) == 1 and "Appendix" in texts[on[0]]  # moved whole with its heading
    assert path.read_bytes() == slagen_pdf(tmp_path, html).read_bytes()
    assert [str(f) for r in check_pdf(path) for f in r.findings] == []


def test_mark_tall_adds_the_class_to_the_tables_counted() -> None:
    html = "<table class=\"a\"><tr></tr></table><table><tr></tr></table><table id=x class='b c'></table>"
    assert mark_tall(html, [1, 2]) == (
        '<table class="a"><tr></tr></table><table class="tall"><tr></tr></table>'
        "<table id=x class='b c tall'></table>"
    )
