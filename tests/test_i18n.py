"""Documents in Polish and English: CLDR formats and plural forms through Babel, complete
gettext catalogues extracted from the marked templates and code, and the Polish example read
back from its PDF and DOCX."""

from __future__ import annotations

import html
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from conftest import AGREEMENTS, ROOT, run
from render_helpers import pdf_text
from test_docx import docx_text

from slagen.i18n import numbers, plurals, using
from slagen.i18n.catalogue import po_path
from slagen.render import formatting as f

NBSP = "\u00a0"
POLISH = AGREEMENTS / "sprzedaz-marketing.yaml"
#: Templates whose every text is marked for translation (the others: see the report of issue 19).
TRANSLATED = ("base/base.html", "base/macros.html", "base/base.css", "bulleted/document.html")


# --- CLDR formats -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "pl", "en"),
    [
        ("1000", "1000", "1,000"),
        ("10000", f"10{NBSP}000", "10,000"),
        ("1234.5", "1234,5", "1,234.5"),
        ("1234567.25", f"1{NBSP}234{NBSP}567,25", "1,234,567.25"),
        ("0.5", "0,5", "0.5"),
    ],
)
def test_numbers_as_cldr_writes_them(value: str, pl: str, en: str) -> None:
    assert numbers.number(Decimal(value), "pl-PL") == pl
    assert numbers.number(Decimal(value), "en-US") == en == numbers.number(Decimal(value), "en-GB")


def test_money_percent_and_dates() -> None:
    assert numbers.money(Decimal(5000), "PLN", "pl-PL") == f"5000,00{NBSP}zł"
    assert numbers.money(Decimal(1200), "EUR", "pl-PL") == f"1200,00{NBSP}EUR"
    assert numbers.money(Decimal(15000), "USD", "pl-PL") == f"15{NBSP}000,00{NBSP}USD"
    assert numbers.money(Decimal(5000), "USD", "en-US") == "5,000.00 USD"
    assert numbers.percent(Decimal("99.95"), "pl-PL") == "99,95%"
    assert numbers.long_date(date(2026, 10, 1), "pl-PL") == "1 października 2026"
    assert numbers.long_date(date(2026, 10, 1), "en-US") == "October 1, 2026"
    assert numbers.long_date(date(2026, 10, 1), "en-GB") == "1 October 2026"
    assert numbers.short_date(date(2026, 10, 1), "pl-PL") == "01.10.2026"


# --- plural forms -------------------------------------------------------------------------

COUNTS = (1, 2, 5, 12, 22, 25)
LEADS = {"one": "lead", "few": "leady", "many": "leadów", "other": "leada"}


def test_polish_plural_categories_of_cldr() -> None:
    assert [plurals.category(n, "pl-PL") for n in COUNTS] == ["one", "few", "many", "many", "few", "many"]
    assert plurals.categories("pl-PL") == ("one", "few", "many", "other")
    assert plurals.categories("en-US") == ("one", "other")


def test_a_unit_given_with_its_forms() -> None:
    with using("pl-PL"):
        got = [f.quantity(Decimal(n), "leadów", "USD", LEADS) for n in COUNTS]
    assert got == ["1 lead", "2 leady", "5 leadów", "12 leadów", "22 leady", "25 leadów"]
    with using("en-US"):
        assert f.quantity(Decimal(1), "leads", "USD") == "1 lead"


def test_slagens_own_words_take_the_catalogues_plural_forms() -> None:
    with using("pl-PL"):
        days = [f.plural(n, "day") for n in COUNTS]
        hours = [f.plural(n, "hour") for n in COUNTS]
    assert days == ["1 dzień", "2 dni", "5 dni", "12 dni", "22 dni", "25 dni"]
    assert hours == ["1 godzina", "2 godziny", "5 godzin", "12 godzin", "22 godziny", "25 godzin"]
    with using("en-GB"):
        assert [f.plural(n, "day") for n in (1, 2)] == ["1 day", "2 days"]


def test_check_names_the_forms_a_locale_needs(tmp_path: Path) -> None:
    text = POLISH.read_text(encoding="utf-8")
    one_text = tmp_path / "one.yaml"
    one_text.write_text(
        text.replace("unit: {one: lead, few: leady, many: leadów, other: leada}", "unit: leadów")
    )
    result = run("check", "--strict", str(one_text))
    assert result.exit_code == 1
    assert (
        "goals[0].unit: the unit 'leadów' is one text, but pl-PL counts with the forms one, few, many, other"
        in (result.stderr)
    )
    missing = tmp_path / "missing.yaml"
    missing.write_text(text.replace("few: leady, ", ""))
    result = run("check", str(missing))
    assert result.exit_code == 1
    assert "expected the plural forms one, few, many, other for pl-PL, got no few form" in result.stderr
    assert run("check", "--strict", str(POLISH)).exit_code == 0


# --- catalogues ---------------------------------------------------------------------------


def _extracted() -> set[str]:
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT),
        method_map,
        options_map,
        keywords={"_": None, "gettext": None, "ngettext": (1, 2), "N_": None},
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def test_every_marked_message_is_translated_into_polish() -> None:
    with po_path("pl").open("rb") as fp:
        catalog = read_po(fp, locale="pl")
    translated = {
        (m.id[0] if isinstance(m.id, tuple) else m.id): m.string for m in catalog if m.id and not m.fuzzy
    }
    extracted = _extracted()
    assert len(extracted) > 100
    missing = sorted(m for m in extracted if m not in translated)
    assert missing == [], "messages missing from slagen/locale/pl/LC_MESSAGES/slagen.po (make messages)"
    empty = sorted(m for m, s in translated.items() if not (all(s) if isinstance(s, tuple) else s))
    assert empty == []


_JINJA = re.compile(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}", re.S)


def _unmarked(path: Path) -> list[str]:
    text = _JINJA.sub(" ", path.read_text(encoding="utf-8"))
    if path.suffix == ".css":  # only the text CSS adds to the page
        return [t for t in re.findall(r'content:\s*"([^"]*)"', text) if re.search(r"[A-Za-z]", t)]
    text = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)  # CSS: see the .css files
    text = re.sub(r"<[^>]*>", " ", text)
    text = text.replace("&nbsp;", " ").replace("DejaVu Sans", "")
    return [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text)]


@pytest.mark.parametrize("name", TRANSLATED)
def test_every_text_of_a_translated_template_is_marked(name: str) -> None:
    assert _unmarked(ROOT / "templates" / name) == []


def test_an_unmarked_string_is_found() -> None:
    # the check itself: a template with a plain word fails it
    assert _unmarked(ROOT / "templates" / "tabular" / "document.html")


# --- the Polish example -------------------------------------------------------------------

ENGLISH = (
    "Agreement overview",
    "Goals",
    "Requirements",
    "Contacts and reporting",
    "Plan for missed goals",
    "Cancellation",
    "Review",
    "Sign-off",
    "Appendix",
    "Owner:",
    "Measured by:",
    "Page ",
    "DRAFT",
    "Version",
    "period",
    "a month",
    "at least",
    "provider",
    "Signed",
    "Date:",
)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Words an English and a Polish document may both print (a Polish word spelt like an English one).
SHARED_WORDS = frozenset({"data", "minimum", "status", "plan", "raport"})


def _watermark(docx_file: Path) -> str:
    """The text of the diagonal watermark shape in the DOCX's header (what Word draws on every
    page), which python-docx's paragraph text leaves out."""
    from docx import Document

    header = Document(str(docx_file)).sections[0].header._element
    shapes = header.iter("{urn:schemas-microsoft-com:vml}textpath")
    return " ".join(s.get("string", "") for s in shapes if s.get("string"))


def words(text: str) -> set[str]:
    """The words of ``text`` (three letters or more, not part of a token with digits), folded."""
    return {w.casefold() for w in re.findall(r"(?<![\w:])[^\W\d_]{3,}(?![\w])", text)}


def _html_text(path: Path) -> str:
    text = re.sub(r"<style.*?</style>", " ", path.read_text(encoding="utf-8"), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


@pytest.fixture(scope="module")
def polish(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("pl")
    result = run("render", str(POLISH), "--format", "pdf,docx", "-o", str(out))
    assert result.exit_code == 0, result.output
    (pdf,) = out.rglob("*.pdf")
    (docx_file,) = out.rglob("*.docx")
    from docx import Document

    section = Document(str(docx_file)).sections[0]
    footer = " ".join(p.text for p in (*section.header.paragraphs, *section.footer.paragraphs))
    return {
        "pdf": pdf_text(pdf),
        "docx": " ".join(docx_text(docx_file).split()) + " " + footer,
        "watermark": _watermark(docx_file),
    }


@pytest.fixture(scope="module")
def english_words(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The words slagen itself writes in English into the Polish example's documents: those of
    the same agreement rendered with ``locale: en-US``, less every word of its YAML (what the
    agreement's authors wrote in Polish, names and addresses)."""
    tmp = tmp_path_factory.mktemp("en")
    source = POLISH.read_text(encoding="utf-8")
    english = tmp / POLISH.name
    english.write_text(source.replace("locale: pl-PL", "locale: en-US"), encoding="utf-8")
    result = run("render", str(english), "--format", "html", "-o", str(tmp / "out"))
    assert result.exit_code == 0, result.output
    found = set().union(*(words(_html_text(p)) for p in (tmp / "out").rglob("*.html")))
    assert {"the", "goals", "appendix"} <= found
    return found - words(source) - SHARED_WORDS


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_polish_example_is_polish(polish: dict[str, str], fmt: str) -> None:
    text = polish[fmt].replace(NBSP, " ")
    for heading in ("Przedmiot umowy", "Cele", "Wymagania", "Kontakty i raportowanie", "Podpisy"):
        assert heading.casefold() in text.casefold()
    assert [e for e in ENGLISH if e in text] == []
    assert "co najmniej 100 leadów miesięcznie" in text
    assert "300 leadów w okresie 2026-Q4" in text
    assert "5000,00 USD" in text and "15 000,00 USD" in text
    assert "4 raporty" in text
    assert "od 1 października 2026 do 31 grudnia 2026" in text
    assert "Strona" in text


def test_the_polish_docx_is_marked_as_a_draft_in_polish(polish: dict[str, str]) -> None:
    # the DOCX draws the draft mark as Word's own watermark: a shape in the header, whose text
    # python-docx's paragraphs do not give (the PDF draws it in CSS: see base.css)
    assert polish["watermark"] == "PROJEKT"
    assert "DRAFT" not in polish["docx"]


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_no_english_word_slagen_writes_is_left_in_the_polish_documents(
    polish: dict[str, str], english_words: set[str], fmt: str
) -> None:
    assert sorted(words(polish[fmt]) & english_words) == []
