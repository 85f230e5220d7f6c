"""The goal-line charts in Polish documents and reports, and a month clipped to the term."""

from __future__ import annotations

import base64
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from conftest import AGREEMENTS

from slagen.cli import cli
from slagen.render.goal_chart import goal_line_chart
from slagen.targets.base import BreakdownRow
from slagen.targets.breakdown import goal_lines


def svg_texts(svg: bytes) -> list[str]:
    """The texts of a chart as drawn (matplotlib writes each text drawn as paths in a comment)."""
    return [t.decode() for t in re.findall(rb"<!-- (.*?) -->", svg)]


def html_charts(html: str) -> list[tuple[str, list[str]]]:
    """Each image of ``html``: its alt text and, for an SVG, the texts it draws."""
    out = []
    for alt, uri in re.findall(r'alt="([^"]*)"[^>]*src="([^"]*)"', html) + [
        (a, u) for u, a in re.findall(r'src="([^"]*)"[^>]*alt="([^"]*)"', html)
    ]:
        texts = svg_texts(base64.b64decode(uri.split(",", 1)[1])) if uri.startswith("data:image/svg") else []
        out.append((alt, texts))
    return out


def rendered(tmp_path: Path, *args: str) -> str:
    try:
        cli([*args, "--format", "html", "-o", str(tmp_path)])
    except SystemExit as e:
        assert not e.code
    (page,) = tmp_path.rglob("*.html")
    return page.read_text()


def goal_chart(html: str) -> tuple[str, list[str]]:
    charts = {alt: texts for alt, texts in html_charts(html) if "linia celu" in alt and "100 leadów" in alt}
    ((alt, texts),) = charts.items()  # one chart of the leads (the same image may stand twice)
    return alt, texts


def test_polish_report_chart_in_polish_words_and_numbers(tmp_path: Path) -> None:
    html = rendered(
        tmp_path,
        "report",
        str(AGREEMENTS / "sprzedaz-marketing.yaml"),
        str(AGREEMENTS / "actuals" / "sprzedaz-marketing-2026.yaml"),
    )
    alt, texts = goal_chart(html)
    assert "paź 2026: 100 leadów, lis 2026: 100 leadów, gru 2026: 100 leadów" in alt
    assert "narastające wyniki rzeczywiste" in alt
    assert not re.search(r"\b(cumulative|goal line|rising|with|actuals|in)\b", alt)
    assert "Narastająco (leadów)" in texts


def test_polish_document_chart_in_polish_with_the_count_form(tmp_path: Path) -> None:
    html = rendered(tmp_path, "render", str(AGREEMENTS / "sprzedaz-marketing.yaml"), "--style", "visual")
    alt, texts = goal_chart(html)
    assert "(paź 2026: 100 leadów, lis 2026: 100 leadów, gru 2026: 100 leadów)." in alt
    assert not re.search(r"\b(cumulative|goal line|rising|in)\b", alt)
    assert "Narastająco (leadów)" in texts
    assert not any("leada" in t for t in texts)


def test_clipped_month_axis_names_the_real_days() -> None:
    # A term from 15 October: the month's line runs 17 days, from the 15th to the 31st.
    (line,) = goal_lines(
        [BreakdownRow("2026-10", date(2026, 10, 15), date(2026, 10, 31), 17, Decimal("54.84"))]
    )
    c = goal_line_chart((line,), title="Leads", unit="leads")
    texts = svg_texts(c.svg)
    axis = texts[: texts.index("Day of Oct 2026")]
    assert axis == ["15", "20", "25", "31"]
    whole = goal_line_chart(
        goal_lines([BreakdownRow("2026-10", date(2026, 10, 1), date(2026, 10, 31), 31, Decimal(100))]),
        title="Leads",
        unit="leads",
    )
    texts = svg_texts(whole.svg)
    assert texts[: texts.index("Day of Oct 2026")] == ["1", "5", "10", "15", "20", "25", "31"]


def test_english_alt_text_unchanged_in_words() -> None:
    (line,) = goal_lines([BreakdownRow("2026-10", date(2026, 10, 1), date(2026, 10, 31), 31, Decimal(100))])
    c = goal_line_chart((line,), title="Leads", unit="leads", actuals={date(2026, 10, 2): Decimal(5)})
    assert c.alt == (
        "Leads: cumulative goal line rising each day to 100 leads in Oct 2026, with cumulative actuals against it."
    )


def test_a_bar_charts_text_alternative_is_in_the_documents_language() -> None:
    """Each bar says how its interval did in the document's language: the words a screen reader
    speaks for the report's bar chart, and the DOCX's picture description."""
    from slagen.i18n import using
    from slagen.render.goal_chart import BarValue, bar_chart

    bars = [
        BarValue("2026-10", Decimal(120), Decimal(100), True, "120"),
        BarValue("2026-11", Decimal(90), Decimal(100), False, "90"),
        BarValue("2026-12", None, Decimal(100), None, ""),
    ]
    english = bar_chart(bars, title="Leads", unit="leads", target_label="Target: 100").alt
    assert "2026-10: 120 (met); 2026-11: 90 (missed); 2026-12: no data (no data)" in english
    with using("pl-PL"):
        polish = bar_chart(bars, title="Leady", unit="leadów", target_label="Cel: 100").alt
    assert (
        "2026-10: 120 (osiągnięty); 2026-11: 90 (nieosiągnięty); 2026-12: brak danych (brak danych)" in polish
    )
    assert not re.search(r"\b(met|missed|no data)\b", polish)
