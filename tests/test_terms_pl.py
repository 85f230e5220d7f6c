"""Service credits, strikes and availability in a Polish document: the credit tiers, the goal's
credit, both caps, the strike rule and the availability labels are Polish, with their figures as
CLDR writes them, in every style, read back from the PDF and the DOCX.

The agreement is ``tests/data/umowa-bonifikaty.yaml``: the Polish customer starter of
``slagen init`` with availability measured over rolling windows of 30 days (less a maintenance
window with no schedule, so no figure changes), a rolling cap and strikes counted on one goal. Its figures, worked out by hand from the YAML:

- monthly charge 20 000 zł; tiers 10% below 99.9% and 25% below 99%: 2000,00 zł and 5000,00 zł;
- the P1 response goal's credit 5% per miss: 1000,00 zł; monthly cap 25%: 5000,00 zł;
- rolling cap 15% of twelve months' charges: 0.15 x 12 x 20 000 = 36 000,00 zł;
- allowed downtime at 99.9%: 30 days x 1440 min x 0.1% = 43.2 min in any 30 days, 92 x 1440 x
  0.1% = 132.48 min in 2026-Q4, 31 x 1440 x 0.1% = 44.64 min in October.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run
from docx_helpers import docx_text
from language_helpers import NBSP, slagen_english, words
from render_helpers import pdf_text, raw_page_texts

pytestmark = pytest.mark.slow

AGREEMENT = Path(__file__).parent / "data" / "umowa-bonifikaty.yaml"
#: A letter of the diagonal PROJEKT watermark that pdftotext puts between two words it crosses.
WATERMARK = re.compile(r"(?<!\S)[PROJEKT](?!\S) ?")
STYLES = ("tabular", "two-column", "visual", "legal-narrative", "bulleted", "summary-first")
LEGAL = "legal-narrative"


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], str]:
    """The text of the agreement's PDF and DOCX in every style, read back, spaces made one:
    ``{(style, "pdf" | "pdf-raw" | "docx"): text}`` ("pdf-raw" in drawing order)."""
    out = tmp_path_factory.mktemp("umowa")
    result = run("render", str(AGREEMENT), "--format", "pdf,docx", "-o", str(out))
    assert result.exit_code == 0, result.output
    texts = {}
    for style in STYLES:
        for fmt, read in (("pdf", pdf_text), ("docx", docx_text)):
            (path,) = out.rglob(f"*-{style}.{fmt}")
            text = " ".join(read(path).replace(NBSP, " ").split())
            texts[style, fmt] = WATERMARK.sub("", text) if fmt == "pdf" else text
            if fmt == "pdf":  # in drawing order: each table cell whole, a wrapped id one word
                texts[style, "pdf-raw"] = " ".join(raw_page_texts(path))
    return texts


def has(text: str, phrase: str) -> bool:
    """Whether ``text`` says ``phrase``, in either case (a sentence may begin with it), where a
    line may end at a " - " or after the "-" of "30-dniowym", which pdftotext drops as a
    hyphen."""
    pattern = re.escape(phrase.casefold()).replace(r"\ \-\ ", r" (?:- )?").replace(r"\-", "-?")
    return re.search(pattern, text.casefold()) is not None


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The words slagen writes in English into the same agreement rendered in en-US."""
    return slagen_english(AGREEMENT.read_text(encoding="utf-8"), tmp_path_factory.mktemp("en"))


CASES = [(style, fmt) for style in STYLES for fmt in ("pdf", "docx")]


@pytest.mark.parametrize(("style", "fmt"), CASES)
def test_the_credit_tiers_are_polish_with_their_amounts(
    documents: dict[tuple[str, str], str], style: str, fmt: str
) -> None:
    text = documents[style, fmt]
    if style == LEGAL:  # in words and figures, the amount after "tj."
        assert (
            "Dostępność poniżej 99,9% (słownie: dziewięćdziesiąt dziewięć przecinek dziewięć procent) "
            "i co najmniej 99% (słownie: dziewięćdziesiąt dziewięć procent): 10% (słownie: dziesięć "
            "procent) opłaty miesięcznej, tj. 2000,00 zł (słownie: dwa tysiące złotych polskich 00/100)"
        ) in text
        assert (
            "Dostępność poniżej 99% (słownie: dziewięćdziesiąt dziewięć procent): 25% (słownie: "
            "dwadzieścia pięć procent) opłaty miesięcznej, tj. 5000,00 zł"
        ) in text
        assert (
            "5% (słownie: pięć procent) opłaty miesięcznej, tj. 1000,00 zł (słownie: tysiąc złotych "
            "polskich 00/100), za każde niedotrzymanie limitu w przypadku zgłoszenia o priorytecie 1"
        ) in text
        assert (
            "15% (słownie: piętnaście procent) opłat za dwanaście miesięcy, tj. 36 000,00 zł "
            "(słownie: trzydzieści sześć tysięcy złotych polskich 00/100)"
        ) in text
        assert "Bonifikaty nie przekroczą 25% (słownie: dwadzieścia pięć procent) opłaty miesięcznej" in text
    else:
        assert "Dostępność poniżej 99,9% i co najmniej 99%: 10% opłaty miesięcznej (2000,00 zł)" in text
        assert "Dostępność poniżej 99%: 25% opłaty miesięcznej (5000,00 zł)" in text
        assert (
            "5% opłaty miesięcznej (1000,00 zł) za każde niedotrzymanie limitu w przypadku zgłoszenia "
            "o priorytecie 1"
        ) in text
        assert "15% opłat za dwanaście miesięcy (36 000,00 zł)" in text
        assert (
            "25% opłaty miesięcznej (5000,00 zł) w jednym miesiącu, łącznie dla wszystkich bonifikat" in text
        )
    assert "tylko z jednego progu, w którym mieści się jego wynik; bonifikaty z różnych progów" in text
    days = "30 (słownie: trzydzieści) dni" if style == LEGAL else "30 dni"
    assert f"gdy zostanie zgłoszona nie później niż {days} po zakończeniu miesiąca" in text


@pytest.mark.parametrize(("style", "fmt"), CASES)
def test_the_strike_rule_is_polish(documents: dict[tuple[str, str], str], style: str, fmt: str) -> None:
    text = documents[style, fmt]
    if style == LEGAL:  # "Cel" and "Ostrzeżenie" as defined, the goal by its title in Polish quotes
        assert re.search(
            r"Każdy miesiąc, w którym nie został osiągnięty Cel „Dostępność usługi”, liczy się jako "
            r"jedno Ostrzeżenie\. Jeżeli liczba Ostrzeżeń w jednym kwartale osiągnie 3 \(słownie: "
            r"trzy\), zarządy obu stron przeglądają",
            text,
        ), text
        return
    assert (
        "Każdy miesiąc, w którym nie został osiągnięty cel „Dostępność usługi”, liczy się jako jedno ostrzeżenie."
        in text
    )
    if style == "visual":  # the limit and its window as a tile, beside the rule
        assert "3 ostrzeżenia" in text.casefold() and "w jednym kwartale" in text.casefold()
    else:
        assert "Gdy liczba ostrzeżeń w jednym kwartale osiągnie 3: Zarządy obu stron przeglądają" in text


@pytest.mark.parametrize(("style", "fmt"), CASES)
def test_availability_is_labelled_in_polish(
    documents: dict[tuple[str, str], str], style: str, fmt: str
) -> None:
    text = documents[style, fmt]
    window = "30 (słownie: trzydzieści) kolejnych dni" if style == LEGAL else "30 kolejnych dni"
    assert f"w każdym kroczącym oknie {window}" in text.casefold()
    # the labels and rows in drawing order (in pdftotext's default order a label's lines are read
    # apart around the next cells', and the next table's first column between a label and its value)
    cells = " ".join(documents[style, "pdf-raw"].replace(NBSP, " ").split()) if fmt == "pdf" else text
    # the downtime rows (every style's table), the figures of 99.9% by hand
    assert re.search(r"dowolne 30 kolejnych dni:? 43,20 minuty", cells)
    assert re.search(r"2026-Q4 \(92 dni\):? 132,48 minuty", cells)
    # the appendix's derivations: label, formula and rounding
    assert "Dopuszczalna niedostępność w miesiącu 2026-10 (31 dni)" in cells
    assert "Dopuszczalna niedostępność w dowolnych 30 kolejnych dniach" in cells
    assert has(text, "minuty w 30-dniowym oknie (dni x 1440) x (100% - docelowa dostępność)")
    # the maintenance window, listed with the target, and left out of every downtime figure
    assert has(text, "Pilne poprawki bezpieczeństwa")
    assert has(text, "prace serwisowe w oknach wymienionych przy docelowej dostępności są wyłączone")
    assert has(text, "czasy trwania z dokładnością do sekundy, połówki w górę (43 min 12 s)")
    # the label's cell may be read in two pieces, around the next column's lines
    assert re.search(r"Bonifikata przy dostępności (?:.{0,120} )?< 99,9%, kwota", text)
    assert "24x7, całą dobę, każdego dnia" in text and "w godzinach pracy: poniedziałek" in text


@pytest.mark.parametrize(("style", "fmt"), CASES)
def test_no_english_word_slagen_writes_is_left(
    documents: dict[tuple[str, str], str], english: set[str], style: str, fmt: str
) -> None:
    # a PDF read in drawing order: pdftotext's default order reads the lines of a table cell
    # apart, an id wrapped before its dot ("availability" / ".downtime_minutes") as two words
    assert sorted(words(documents[style, "pdf-raw" if fmt == "pdf" else fmt]) & english) == []


@pytest.mark.parametrize(("style", "fmt"), CASES)
def test_no_deadline_takes_a_count_in_the_wrong_case(
    documents: dict[tuple[str, str], str], style: str, fmt: str
) -> None:
    # "w ciągu" takes the genitive ("w ciągu 4 godzin"): "w ciągu 4 godziny" and "w ciągu 1
    # godzina" were written; the support times and notices say "najwyżej 4 godziny" and "nie
    # później niż 24 godziny od ..." instead, where the count keeps its own form
    text = documents[style, fmt]
    wrong = r"w ciągu:? \d+ (?:\(słownie: [^)]*\) )?(?:godzin[ay]|minut[ay])\b"
    assert re.findall(wrong, text) == []
    if style in ("bulleted", "summary-first"):
        assert (
            "czas pierwszej odpowiedzi najwyżej 30 minut; czas rozwiązania najwyżej 4 godziny"
            in text.casefold()
        )
