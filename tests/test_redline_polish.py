"""The redline of a pl-PL agreement: its first page, the list of changes, is Polish (read back
from the PDF), as the document after it is."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from conftest import example_text, run

ENGLISH = (
    "Redline: changes in this version",
    "Old version",
    "Inserted words are underlined",
    "Targets that move",
    "Marked places",
    "changed:",
    "(page",
)


def test_the_redline_summary_of_a_polish_agreement_is_polish(tmp_path: Path) -> None:
    text = example_text("sprzedaz-marketing")
    assert "sales_quota: 5000" in text
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("sales_quota: 5000", "sales_quota: 7500"), encoding="utf-8")
    out = tmp_path / "red.pdf"
    r = run("diff", str(old), str(new), "--format", "pdf", "-o", str(out))
    assert r.exit_code == 1, r.output
    with pdfplumber.open(out) as pdf:
        first = " ".join((pdf.pages[0].extract_text() or "").split())
        summary = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages[:2])
    assert "Porównanie: zmiany w tej wersji" in first
    assert "Stara wersja: " in first and "Nowa wersja: " in first
    assert "Wstawione słowa są podkreślone, usunięte przekreślone" in first
    assert "Cele, które się zmieniają" in first
    assert "cel stara nowa zmiana" in first, "the targets table's head"
    assert "Oznaczone miejsca (" in summary
    assert "zmieniono: " in summary and "(s. " in summary, "each place's kind and page, in Polish"
    for words in ENGLISH:
        assert words not in summary, words


def test_an_unchanged_polish_agreement_says_so_in_polish(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    for path in (old, new):
        path.write_text(example_text("sprzedaz-marketing"), encoding="utf-8")
    out = tmp_path / "same.pdf"
    r = run("diff", str(old), str(new), "--format", "pdf", "-o", str(out))
    assert r.exit_code == 0, r.output
    with pdfplumber.open(out) as pdf:
        first = " ".join((pdf.pages[0].extract_text() or "").split())
    assert "Bez zmian: obie wersje dają ten sam dokument." in first
    assert "No change" not in first
