"""The visual style organised by the process of each kind of agreement, with a picture of its
targets: read back from the real PDF (pdfplumber: text, words and the chart's vector paths) and
the real DOCX (python-docx: the charts as pictures, their captions)."""

from __future__ import annotations

import base64
import hashlib
import io
import itertools
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import docx
import pdfplumber
import pytest
from click.testing import CliRunner
from conftest import AGREEMENTS, Examples
from PIL import Image

from slagen.agreement.load import load_agreement
from slagen.cli import cli
from slagen.i18n import using
from slagen.render.context.process import process_of, process_stages
from slagen.render.process_charts import FUNNEL_FILLS, _draw_funnel, funnel_bars
from slagen.targets import compute_targets

KINDS = ("it-service", "paper-supplier", "sales-marketing", "sales-marketing-service")

#: The stage strip each example shows: every stage of its kind's process, in the order the
#: process runs, with what the agreement has there (counted by hand from the example files).
STRIPS = {
    "it-service": [
        ("Monitoring", "2 goals"),
        ("Maintenance", "1 goal"),
        ("Incident", "4 severity levels"),
        ("Response", "2 goals"),
        ("Resolution", "2 goals"),
        ("Report", "2 reports"),
        ("Credit", "3 credit tiers"),
    ],
    "paper-supplier": [
        ("Order", "no goal"),
        ("Delivery", "2 goals"),
        ("Confirmation", "1 goal"),
        ("Returns", "1 goal"),
        ("Payment", "1 goal"),
    ],
    "sales-marketing": [
        ("Goals", "2 goals"),
        ("Lead qualification", "1 goal"),
        ("Hand-off", "1 goal"),
        ("Nurturing and follow-up", "2 goals"),
        ("Service", "no goal"),
    ],
}
PROCESS_LABELS = {
    "it-service": "The service process",
    "paper-supplier": "The supply process",
    "sales-marketing": "The sales and marketing process",
    "sales-marketing-service": "The sales and marketing process",
}
#: The charts of each kind, by caption, in order.
CHARTS = {
    "it-service": [
        "Allowed downtime by month at 99.95% availability",
        "Service credit by monthly availability",
        "Response and resolution by severity",
    ],
    "paper-supplier": ["Deliveries by month", "Time limits per event"],
    "sales-marketing": ["The funnel: from leads to revenue"],
    "sales-marketing-service": ["The funnel: from leads to revenue"],
}


def _doc(examples: Examples, name: str, ext: str) -> Path:
    """The visual document of example ``name`` from the session's build."""
    return examples.document(name, "visual", ext)


def _words(page: pdfplumber.page.Page) -> str:
    return " ".join(w["text"] for w in page.extract_words())


@pytest.mark.parametrize("name", list(STRIPS))
def test_the_strip_shows_the_process_of_the_kind(examples: Examples, name: str) -> None:
    with pdfplumber.open(_doc(examples, name, "pdf")) as pdf:
        (page,) = [p for p in pdf.pages if PROCESS_LABELS[name] in (p.extract_text() or "")]
        strip_top = next(
            w["top"] for w in page.extract_words() if w["text"] == PROCESS_LABELS[name].split()[-1]
        )
        # the strip is one row of boxes: each stage's number, label and note, left to right
        row = page.crop((0, strip_top + 8, page.width, strip_top + 60))
        words = sorted(row.extract_words(), key=lambda w: (round(w["x0"]), w["top"]))
        text = _words(row)
        expected = STRIPS[name]
        for n, (label, note) in enumerate(expected, start=1):
            assert f"{n} {label.split()[0]}" in text or f"{n}" in text, (n, label, text)
            assert note.split()[-1] in text, (note, text)
        firsts = [label.split()[0] for label, _ in expected]
        xs = [next(w["x0"] for w in words if w["text"] == first) for first in firsts]
        assert xs == sorted(xs), "the stages run left to right in process order"
    # every stage with goals has its section, numbered as in the strip
    with pdfplumber.open(_doc(examples, name, "pdf")) as pdf:
        full = " ".join(_words(p) for p in pdf.pages)
    for n, (label, note) in enumerate(expected, start=1):
        if note.endswith(("goal", "goals")) and note != "no goal":
            assert f"{n} {label}" in full, (n, label)


def test_the_process_follows_the_goals_stages() -> None:
    assert process_of(["monitoring", "response", None]) == "it-service"
    assert process_of(["delivery", "payment"]) == "supply"
    assert process_of(["goals", "service", "delivery"]) == "sales"  # most of them
    assert process_of([None]) == "other"
    # a stage outside the process follows it
    assert process_stages(["order", "delivery", "monitoring"])[-1] == "monitoring"
    assert process_stages(["order"])[:2] == ("order", "delivery")
    a = load_agreement(AGREEMENTS / "sales-marketing-service.yaml").agreement
    assert process_stages([g.stage for g in a.goals]) == (
        "goals",
        "qualification",
        "hand-off",
        "nurturing",
        "service",
    )


def _chart_regions(page: pdfplumber.page.Page, captions: list[str]) -> list[tuple[float, float, float]]:
    """(x0, top, bottom) of each caption's chart: from the caption down to the next caption in
    its column, or 230 pt below it."""
    words = page.extract_words()
    found = []
    for caption in captions:
        first, second = caption.split()[:2]
        found.append(
            next(
                (w["x0"], w["top"])
                for i, w in enumerate(words[:-1])
                if w["text"] == first
                and words[i + 1]["text"] == second
                and abs(words[i + 1]["top"] - w["top"]) < 2
            )
        )
    regions = []
    for x0, top in found:
        below = [t for x, t in found if t > top + 5 and abs(x - x0) < 40]
        regions.append((x0, top, min(below) if below else min(top + 230, page.height)))
    return regions


@pytest.mark.parametrize("name", KINDS)
def test_each_kind_has_its_charts_drawn_on_the_page(examples: Examples, name: str) -> None:
    """Each chart is drawn under its caption on the caption's page (the charts may run on to
    the next page, a chart with its caption: never a caption at the foot of a page and its
    chart on the next), and the first one under the section's heading."""
    with pdfplumber.open(_doc(examples, name, "pdf")) as pdf:
        texts = [" ".join((p.extract_text() or "").split()) for p in pdf.pages]
        (heading,) = [n for n, t in enumerate(texts) if "The targets at a glance" in t]
        pages = {}
        for caption in CHARTS[name]:
            # (the first words: a caption in a column of two is drawn line by line with its neighbour)
            on = [n for n, t in enumerate(texts) if " ".join(caption.split()[:3]) in t]
            assert len(on) == 1, f"{caption!r} on pages {[n + 1 for n in on]}"
            pages[caption] = on[0]
        assert pages[CHARTS[name][0]] == heading, "the first chart is not under the section's heading"
        assert list(pages.values()) == sorted(pages.values()), "the charts are not in order"
        for n in sorted(set(pages.values())):
            page = pdf.pages[n]
            captions = [c for c in CHARTS[name] if pages[c] == n]
            for (x0, top, bottom), caption in zip(_chart_regions(page, captions), captions, strict=True):
                region = page.crop((max(0, x0 - 20), top + 8, min(page.width, x0 + 260), bottom))
                # the chart is vector paths in the page (its bars, axes and the glyphs of its labels)
                paths = len(region.curves) + len(region.rects) + len(region.lines)
                assert paths > 40, f"{caption!r}: {paths} paths under it on page {n + 1}"


def _pixels(pdf: Path, page: int, colour: str, tmp: Path) -> int:
    prefix = tmp / f"p{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(prefix),
        ],
        check=True,
    )
    want = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    img = Image.open(f"{prefix}.png").convert("RGB")
    return sum(
        n
        for n, px in img.getcolors(1 << 20) or []
        if all(abs(c - g) <= 6 for c, g in zip(px, want, strict=True))
    )


def test_the_funnel_narrows_from_the_furthest_stage_to_the_customers(
    examples: Examples, tmp_path: Path
) -> None:
    pdf = _doc(examples, "sales-marketing-service", "pdf")
    with pdfplumber.open(pdf) as doc:
        (n,) = [i + 1 for i, p in enumerate(doc.pages) if "The funnel" in (p.extract_text() or "")]
    # four funnel fills (250 MQLs, 100 leads, 50 customers) drawn, widest first and lightest
    counts = [_pixels(pdf, n, fill, tmp_path) for fill in FUNNEL_FILLS[-4:-1]]
    assert all(c > 50 for c in counts), counts
    assert counts[0] > counts[1] > counts[2], counts  # each bar narrower than the one above
    html = _doc(examples, "sales-marketing-service", "html").read_text(encoding="utf-8")
    (alt,) = re.findall(r'alt="(The funnel[^"]*)"', html)
    assert alt == (
        "The funnel: from leads to revenue. Marketing-qualified leads: 250; Leads needed, all tiers: 100; "
        "Customers needed: 50; Marketing revenue goal: 5,000.00 USD."
    )


def test_the_charts_show_the_documents_own_figures(examples: Examples) -> None:
    # one figure per quantity: the chart's figures are those the document prints in its tables
    html = _doc(examples, "it-service", "html").read_text(encoding="utf-8")
    with pdfplumber.open(_doc(examples, "it-service", "pdf")) as pdf:
        text = " ".join(_words(p) for p in pdf.pages)
    alts = dict(
        re.findall(
            r'alt="((?:Allowed downtime|Service credit|Response and)[^.]*(?:\.\d+[^.]*)*)\. ([^"]+)"', html
        )
    )
    assert alts, "the IT charts have their figures in words"
    downtime = next(v for k, v in alts.items() if k.startswith("Allowed downtime"))
    assert downtime == "2026-10: 22.05; 2026-11: 21.30; 2026-12: 22.08."
    for month, minutes in re.findall(r"(2026-\d\d): ([\d.]*\d)", downtime):
        assert f"{month} {minutes} minutes" in text
    support = next(v for k, v in alts.items() if k.startswith("Response and"))
    assert support.startswith("P1: 15 minutes, 4 hours; P2: 60 minutes, 8 hours")
    credits = next(v for k, v in alts.items() if k.startswith("Service credit"))
    assert "99% to 99.95%: 10% (1,200.00 EUR)" in credits and "below 95%: 50% (6,000.00 EUR)" in credits
    assert "1,200.00 EUR" in text
    supply = _doc(examples, "paper-supplier", "html").read_text(encoding="utf-8")
    # 13 Monday deliveries in 2026-Q4, the one of 28 December moved by Boxing Day (observed)
    assert (
        "Deliveries by month. 2026-10: 4 (moved by a holiday: 0); 2026-11: 5 (moved by a holiday: 0); "
        "2026-12: 4 (moved by a holiday: 1)."
    ) in supply
    # the time limits are the goals' targets as the cards state them
    assert "Time limits per event. Confirmation: 2 hours; Payment: 30 days." in supply
    assert "at most 2 hours for each delivery" in supply and "at most 30 days for each invoice" in supply


@pytest.mark.parametrize("name", KINDS)
def test_the_docx_has_every_chart_as_a_picture_with_its_caption(examples: Examples, name: str) -> None:
    html = _doc(examples, name, "html").read_text(encoding="utf-8")
    pngs = [
        base64.b64decode(p) for p in re.findall(r'data-png="data:image/png;base64,([A-Za-z0-9+/=]+)"', html)
    ]
    d = docx.Document(str(_doc(examples, name, "docx")))
    blobs = [
        d.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
        for shape in d.inline_shapes
    ]
    # every chart of the HTML is a picture of the DOCX, the same PNG, in the same order
    assert [hashlib.sha256(b).hexdigest() for b in blobs if b in pngs] == [
        hashlib.sha256(p).hexdigest() for p in pngs
    ]
    captions = [
        p.text
        for t in d.tables
        for row in t.rows
        for cell in row.cells
        for p in cell.paragraphs
        if p.style is not None and p.style.name == "Caption"
    ] + [p.text for p in d.paragraphs if p.style is not None and p.style.name == "Caption"]
    for caption in CHARTS[name]:
        assert caption in captions, (caption, captions)
    for png in pngs:
        assert Image.open(io.BytesIO(png)).size[0] >= 450  # printable (150 dpi at 3.3 in)


def test_the_charts_read_in_black_and_white() -> None:
    # the funnel's fills differ in grey, lightest outermost
    greys = [Image.new("RGB", (1, 1), f).convert("L").getpixel((0, 0)) for f in FUNNEL_FILLS]
    assert greys == sorted(greys, reverse=True)
    assert min(a - b for a, b in itertools.pairwise(greys)) >= 25


_DRAW = """
import hashlib, sys
from slagen.agreement.load import load_agreement
from slagen.render.inputs import period_in_term
from slagen.render.process_charts import process_charts
from slagen.targets import compute_targets
for name in sys.argv[1:]:
    loaded = load_agreement(f"agreements/{name}.yaml")
    ts = compute_targets(loaded.agreement, period_in_term(loaded, None))
    for c in process_charts(loaded.agreement, ts):
        print(c.id, hashlib.sha256((c.src + c.png).encode()).hexdigest())
"""


def test_the_charts_are_the_same_bytes_every_run() -> None:
    root = Path(__file__).resolve().parent.parent
    runs = [
        subprocess.run(
            [sys.executable, "-c", _DRAW, *KINDS],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin", "PYTHONPATH": str(root)},
        ).stdout
        for seed in ("1", "2")
    ]
    assert runs[0] == runs[1]
    assert runs[0].split()[::2] == [
        "downtime",
        "credits",
        "support",
        "deliveries",
        "limits",
        "funnel",
        "funnel",
    ]


def _html(tmp_path: Path, name: str, edit: Callable[[str], str]) -> str:
    """The visual HTML of example ``name`` after ``edit`` of its YAML text."""
    src = tmp_path / f"{name}.yaml"
    src.write_text(edit((AGREEMENTS / f"{name}.yaml").read_text(encoding="utf-8")), encoding="utf-8")
    out = tmp_path / "out"
    args = ["render", str(src), "--style", "visual", "--format", "html", "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return next(out.rglob("*.html")).read_text(encoding="utf-8")


def _steps(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<span class="step-no">(\d+)</span> ([^<]+)<br><span class="note">', html)


def test_goals_without_a_stage_have_no_strip(tmp_path: Path) -> None:
    html = _html(tmp_path, "paper-supplier", lambda t: re.sub(r"\n    stage: \w+", "", t))
    assert _steps(html) == []
    assert "The supply process" not in html and 'class="flow"' not in html
    assert 'id="stage-other">Other goals' in html  # every goal still shown, under one heading
    assert html.count('class="block goal-card') == 5


def test_a_stage_outside_the_process_follows_it(tmp_path: Path) -> None:
    html = _html(tmp_path, "paper-supplier", lambda t: t.replace("stage: payment", "stage: monitoring"))
    assert _steps(html) == [
        ("1", "Order"),
        ("2", "Delivery"),
        ("3", "Confirmation"),
        ("4", "Returns"),
        ("5", "Payment"),
        ("6", "Monitoring"),
    ]
    assert '<h3 id="stage-monitoring"><span class="step-no">6</span> Monitoring</h3>' in html


@pytest.mark.parametrize(
    ("name", "under"),
    [
        ("sales-marketing", ("50% close rate", "× 100.00 USD a sale")),
        ("sprzedaz-marketing", ("50% skuteczności", "× 100,00\u00a0USD na transakcję")),
    ],
)
def test_the_funnel_says_what_each_customer_brings_to_the_revenue_goal(
    name: str, under: tuple[str, ...]
) -> None:
    """Between the customers and the revenue goal the funnel writes the average deal (50
    customers × 100 USD = 5000 USD), as it writes the close rate between leads and customers;
    the band was empty."""
    from matplotlib.figure import Figure

    a = load_agreement(AGREEMENTS / f"{name}.yaml").agreement
    with using(a.presentation.locale):
        bars, texts = funnel_bars(a, compute_targets(a))
        revenue = bars[-1]  # any bar will do for the box under the funnel
        fig = Figure()
        _draw_funnel(bars, texts, revenue)(fig)
    assert [b.text for b in bars] == ["100", "50"] and texts == under
    drawn = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert "▼ " + under[0] in drawn and under[1] in drawn
