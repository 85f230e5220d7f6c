"""The redline of a pl-PL agreement: its first page, the list of changes, is Polish (read back
from the PDF, and from LibreOffice's layout of the DOCX), as the document after it is: no word
that slagen writes in English, the targets named as the document's appendix names them, and
every figure in Polish number format with the plural its count takes."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
import yaml
from conftest import AGREEMENTS, example_text, run
from language_helpers import NBSP, SHARED_WORDS, slagen_english, words, written
from render_helpers import page_texts

from slagen.layoutcheck.docx import convert_docx

POLISH = AGREEMENTS / "sprzedaz-marketing.yaml"


def _quota(folder: Path, locale: str) -> tuple[Path, Path]:
    """The Polish example (in ``locale``) and the same with its sales quota raised 5000 -> 7500."""
    text = example_text("sprzedaz-marketing")
    assert "sales_quota: 5000" in text and "locale: pl-PL" in text
    text = text.replace("locale: pl-PL", f"locale: {locale}")
    old, new = folder / "old.yaml", folder / "new.yaml"
    folder.mkdir(parents=True, exist_ok=True)
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("sales_quota: 5000", "sales_quota: 7500"), encoding="utf-8")
    return old, new


@pytest.fixture(scope="module")
def first_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], str]:
    """The first page of the quota change's redline, ``(locale, "pdf" | "docx")``: the PDF's as
    pdftotext reads it, the DOCX's as LibreOffice lays it out (one soffice start for both).
    ``("files", "")`` holds the versions' file names, which the summary names."""
    tmp = tmp_path_factory.mktemp("redline-pl")
    pages: dict[tuple[str, str], str] = {("files", ""): str(tmp)}
    docx: dict[str, Path] = {}
    for locale in ("pl-PL", "en-US"):
        old, new = _quota(tmp / locale, locale)
        for fmt in ("pdf", "docx"):
            out = tmp / locale / f"red.{fmt}"
            r = run("diff", str(old), str(new), "--format", fmt, "-o", str(out))
            assert r.exit_code == 1, r.output
            if fmt == "pdf":
                pages[locale, fmt] = page_texts(out)[0].replace(NBSP, " ")
            else:
                docx[locale] = out
    for locale, pdf in zip(docx, convert_docx(list(docx.values()), tmp / "word"), strict=True):
        pages[locale, "docx"] = page_texts(pdf)[0].replace(NBSP, " ")
    return pages


@pytest.fixture(scope="module")
def english_words(
    first_pages: dict[tuple[str, str], str], tmp_path_factory: pytest.TempPathFactory
) -> set[str]:
    """The words slagen writes in English: on those first pages (the en-US redline's, less every
    word of the agreement's YAML, what its authors wrote in Polish, and of its files' names),
    and in the agreement's documents (the English-word check of the Polish documents)."""
    found = words(first_pages["en-US", "pdf"]) | words(first_pages["en-US", "docx"])
    assert {"redline", "targets", "needed", "leads", "month", "over", "changed", "page"} <= found
    authored = written(yaml.safe_load(POLISH.read_text(encoding="utf-8")))
    documents = slagen_english(POLISH.read_text(encoding="utf-8"), tmp_path_factory.mktemp("en"))
    return (found - authored - words(first_pages["files", ""]) - SHARED_WORDS) | documents


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_no_english_word_is_on_the_first_page_of_a_polish_redline(
    first_pages: dict[tuple[str, str], str], english_words: set[str], fmt: str
) -> None:
    assert sorted(words(first_pages["pl-PL", fmt]) & english_words) == []


@pytest.mark.slow
def test_the_polish_change_list_names_and_writes_the_targets_as_the_document_does(
    first_pages: dict[tuple[str, str], str],
) -> None:
    first = first_pages["pl-PL", "pdf"]
    assert "Porównanie: zmiany w tej wersji" in first
    assert "Stara wersja: " in first and "Nowa wersja: " in first
    assert "Wstawione słowa są podkreślone, usunięte przekreślone" in first
    assert "Cele, które się zmieniają" in first
    assert "cel stara nowa zmiana" in first, "the targets table's head"
    # the appendix's labels and figures, in Polish number format, each count with its plural
    assert "Cel przychodu z marketingu 5000,00 USD miesięcznie 7500,00 USD miesięcznie +50%" in first
    assert "Potrzebne leady 100 leadów miesięcznie 150 leadów miesięcznie +50%" in first
    assert "Potrzebni klienci 50 klientów miesięcznie 75 klientów miesięcznie +50%" in first
    assert "300 leadów w okresie 2026-Q4" in first and "450 leadów w okresie 2026-Q4" in first
    assert "15 000,00 USD w okresie 2026-Q4" in first and "22 500,00 USD w okresie 2026-Q4" in first
    assert "Oznaczone miejsca (" in first and "zmieniono: " in first and "(s. " in first
    for english in ("leada", "5,000.00", "7,500.00", "per month", "total over"):
        assert english not in first, english


@pytest.mark.slow
def test_the_english_change_list_names_the_targets_as_the_english_appendix_does(
    first_pages: dict[tuple[str, str], str],
) -> None:
    first = first_pages["en-US", "pdf"]
    assert "Marketing revenue goal 5,000.00 USD a month 7,500.00 USD a month +50%" in first
    assert "Leads needed 100 leads a month 150 leads a month +50%" in first


@pytest.mark.slow
def test_the_polish_docx_redline_writes_its_figures_in_polish(
    first_pages: dict[tuple[str, str], str],
) -> None:
    # LibreOffice draws a tracked deletion and the insertion after it side by side ("5000,00
    # USD7500,00 USD"): each figure is there whole, in Polish format
    first = first_pages["pl-PL", "docx"]
    for figure in (
        "5000,00 USD",
        "7500,00 USD",
        "15 000,00 USD",
        "22 500,00 USD",
        "leadów w okresie 2026-Q4",
    ):
        assert figure in first, figure
    assert "5,000.00" not in first and "leada" not in first


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
