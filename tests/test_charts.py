"""The goal-line chart: the guide's d x g / n line, reproducible to the byte, readable in print."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

import pytest
from chart_helpers import ACTUALS, Q4
from conftest import AGREEMENTS, ROOT

from slagen.render.goal_chart import PNG_DPI, WIDTH_IN, goal_line_chart

SVG = "{http://www.w3.org/2000/svg}"


DIGEST = """
import hashlib, sys
sys.path.insert(0, {tests!r})
from chart_helpers import ACTUALS, Q4
from slagen.render.goal_chart import goal_line_chart
c = goal_line_chart(Q4, title="Qualified leads", unit="leads", actuals=ACTUALS)
print(hashlib.sha256(c.svg).hexdigest(), hashlib.sha256(c.png).hexdigest())
"""


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    out, i = [], 8
    while i < len(data):
        length = int.from_bytes(data[i : i + 4], "big")
        out.append((data[i + 4 : i + 8], data[i + 8 : i + 8 + length]))
        i += 12 + length
    return out


def test_same_bytes_on_every_call() -> None:
    a = goal_line_chart(Q4, title="Qualified leads", unit="leads", actuals=ACTUALS)
    b = goal_line_chart(Q4, title="Qualified leads", unit="leads", actuals=ACTUALS)
    assert a.svg == b.svg
    assert a.png == b.png


@pytest.mark.slow
def test_same_bytes_in_separate_processes() -> None:
    here = goal_line_chart(Q4, title="Qualified leads", unit="leads", actuals=ACTUALS)
    expected = f"{hashlib.sha256(here.svg).hexdigest()} {hashlib.sha256(here.png).hexdigest()}"
    code = DIGEST.format(tests=str(ROOT / "tests"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == expected


def test_no_dates_or_software_in_metadata() -> None:
    c = goal_line_chart(Q4, title="Qualified leads", unit="leads")
    root = ET.fromstring(c.svg)
    assert root.tag == f"{SVG}svg"
    assert b"<dc:date>" not in c.svg
    assert b"2026-1" not in c.svg.split(b"<g id=")[0]  # nothing date-like before the drawing
    kinds = [kind for kind, _ in png_chunks(c.png)]
    assert b"tIME" not in kinds
    texts = [body for kind, body in png_chunks(c.png) if kind in (b"tEXt", b"iTXt", b"zTXt")]
    assert not any(t.startswith(b"Software") for t in texts)


def test_fixed_size_and_font_drawn_as_paths() -> None:
    c = goal_line_chart(Q4, title="Qualified leads", unit="leads")
    ihdr = dict(png_chunks(c.png))[b"IHDR"]
    assert int.from_bytes(ihdr[:4], "big") == int(WIDTH_IN * PNG_DPI)
    root = ET.fromstring(c.svg)
    assert root.get("width") == f"{WIDTH_IN * 72:g}pt"
    # Text is drawn as DejaVu Sans glyph outlines: the PDF needs no font, and prints the same anywhere.
    assert not list(root.iter(f"{SVG}text"))
    assert b'id="DejaVuSans-' in c.svg


def test_goal_and_actuals_differ_by_line_style_not_only_colour() -> None:
    plain = goal_line_chart(Q4, title="Qualified leads", unit="leads")
    both = goal_line_chart(Q4, title="Qualified leads", unit="leads", actuals=ACTUALS)
    assert both.svg.count(b"stroke-dasharray") > plain.svg.count(b"stroke-dasharray")
    assert both.svg.count(b"<use ") > plain.svg.count(b"<use ")  # square markers on the actuals


def test_alt_text_says_what_the_chart_shows() -> None:
    c = goal_line_chart(Q4, title="Qualified leads", unit="leads")
    assert c.alt == (
        "Qualified leads: cumulative goal line rising each day to 100 leads in Oct 2026, "
        "100 leads in Nov 2026, 100 leads in Dec 2026."
    )
    with_actuals = goal_line_chart(
        Q4[:1], title="Revenue", unit="USD", actuals={date(2026, 10, 2): Decimal(5)}
    )
    assert with_actuals.alt.endswith("with cumulative actuals against it.")


def test_data_uris() -> None:
    c = goal_line_chart(Q4[:1], title="Qualified leads", unit="leads")
    assert c.svg_uri.startswith("data:image/svg+xml;base64,PD94bWwg")  # "<?xml "
    assert c.png_uri.startswith("data:image/png;base64,iVBORw0KGgo")


def test_bad_input_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="needs at least one month"):
        goal_line_chart((), title="Leads", unit="leads")
    with pytest.raises(ValueError, match="actual for 2027-01-01 falls outside the chart's months"):
        goal_line_chart(Q4, title="Leads", unit="leads", actuals={date(2027, 1, 1): Decimal(1)})


def test_check_never_imports_matplotlib() -> None:
    code = (
        "import sys\nfrom slagen.cli import cli\nimport slagen.render.goal_chart\n"
        f"try:\n    cli(['check', {str(AGREEMENTS)!r}])\nexcept SystemExit as e:\n    code = e.code\n"
        "print(code, 'matplotlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split()[-1] == "False"
