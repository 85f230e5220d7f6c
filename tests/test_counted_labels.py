"""Computed targets' labels that count (days of a stretch, hours of maintenance) take the plural
form of their count in the document's language: "(1 day)", "(2 days)"; "(1 dzień)", "(2 dni)"."""

from __future__ import annotations

from pathlib import Path

from conftest import run
from language_helpers import html_text

AGREEMENTS = Path(__file__).resolve().parent.parent / "agreements"
#: The last day of October and the first two of November: one day of one month, two of the next.
PERIOD = "2026-10-31..2026-11-02"


def _page(tmp_path: Path, locale: str) -> str:
    source = (AGREEMENTS / "it-service.yaml").read_text(encoding="utf-8")
    assert "locale: en-GB" in source
    path = tmp_path / "it-service.yaml"
    path.write_text(source.replace("locale: en-GB", f"locale: {locale}"), encoding="utf-8")
    out = tmp_path / "out"
    result = run(
        "render", str(path), "--format", "html", "--style", "tabular", "--period", PERIOD, "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    (page,) = out.rglob("*.html")
    return " ".join(html_text(page).split())


def test_english_labels_count_one_day_in_the_singular(tmp_path: Path) -> None:
    text = _page(tmp_path, "en-GB")
    assert "Allowed downtime in 2026-10 (1 day)" in text
    assert "Allowed downtime in 2026-11 (2 days)" in text
    assert "(3 days)" in text
    assert "(1 days)" not in text


def test_polish_labels_take_the_form_of_their_count(tmp_path: Path) -> None:
    text = _page(tmp_path, "pl-PL")
    assert "Dopuszczalna niedostępność w miesiącu 2026-10 (1 dzień)" in text
    assert "Dopuszczalna niedostępność w miesiącu 2026-11 (2 dni)" in text
    assert "(3 dni)" in text
    assert "(1 dni)" not in text
