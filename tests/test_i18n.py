"""Documents in Polish and English: CLDR formats and plural forms through Babel, complete
gettext catalogues extracted from the marked templates and code, and the Polish example read
back from its PDF and DOCX."""

from __future__ import annotations

import html
import re
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from conftest import AGREEMENTS, ROOT, Examples, run
from figures import figures, stated
from language_helpers import NBSP, slagen_english, unmarked, words
from render_helpers import pdf_text, raw_page_texts
from test_docx import docx_text

from slagen.agreement.load import load_agreement
from slagen.i18n import numbers, plurals, using
from slagen.i18n.catalogue import po_path
from slagen.render import formatting as f
from slagen.targets import compute_targets

POLISH = AGREEMENTS / "sprzedaz-marketing.yaml"
#: Templates whose every text is marked for translation (the others: see the report of issue 19).
TRANSLATED = (
    "base/base.html",
    "base/macros.html",
    "base/base.css",
    "bulleted/document.html",
    "two-column/document.html",
    "two-column/parts.html",
    "tabular/document.html",
    "visual/document.html",
    "visual/parts.html",
    "summary-first/document.html",
    "legal-narrative/document.html",
    "legal-narrative/parts.html",
)
#: The styles of the Polish example (it declares every one), each read back from its PDF and DOCX.
POLISH_STYLES = ("two-column", "tabular", "visual", "legal-narrative", "bulleted", "summary-first")


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


def _extracted() -> set[tuple[str | None, str]]:
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT),
        method_map,
        options_map,
        keywords={"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "N_": None},
    ):
        found.add((_context, message[0] if isinstance(message, tuple) else message))
    return found


def test_every_marked_message_is_translated_into_polish() -> None:
    with po_path("pl").open("rb") as fp:
        catalog = read_po(fp, locale="pl")
    translated = {
        (m.context, m.id[0] if isinstance(m.id, tuple) else m.id): m.string
        for m in catalog
        if m.id and not m.fuzzy
    }
    extracted = _extracted()
    assert len(extracted) > 100
    missing = sorted(m for m in extracted if m not in translated)
    assert missing == [], "messages missing from slagen/locale/pl/LC_MESSAGES/slagen.po (make messages)"
    empty = sorted(m for m, s in translated.items() if not (all(s) if isinstance(s, tuple) else s))
    assert empty == []


@pytest.mark.parametrize("name", TRANSLATED)
def test_every_text_of_a_translated_template_is_marked(name: str) -> None:
    assert unmarked(ROOT / "templates" / name) == []


def test_an_unmarked_string_is_found(tmp_path: Path) -> None:
    # the check itself: a template with a plain word fails it, a marked one passes
    marked = (ROOT / "templates" / "tabular" / "document.html").read_text(encoding="utf-8")
    plain = tmp_path / "document.html"
    plain.write_text(
        marked.replace('{{ _("Why this agreement?") }}', "Why this agreement?"), encoding="utf-8"
    )
    assert unmarked(plain) == ["Why", "this", "agreement"]
    plain.write_text(marked, encoding="utf-8")
    assert unmarked(plain) == []


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


def _watermark(docx_file: Path) -> str:
    """The text of the diagonal watermark shape in the DOCX's header (what Word draws on every
    page), which python-docx's paragraph text leaves out."""
    from docx import Document

    header = Document(str(docx_file)).sections[0].header._element
    shapes = header.iter("{urn:schemas-microsoft-com:vml}textpath")
    return " ".join(s.get("string", "") for s in shapes if s.get("string"))


@pytest.fixture(scope="module")
def polish_files(examples: Examples) -> dict[str, tuple[Path, Path]]:
    """The Polish example in every style it declares (all six), from the session's build:
    ``{style: (pdf, docx)}``."""
    return {
        style: (examples.document(POLISH.stem, style, "pdf"), examples.document(POLISH.stem, style, "docx"))
        for style in POLISH_STYLES
    }


@pytest.fixture(scope="module")
def polish(polish_files: dict[str, tuple[Path, Path]]) -> dict[tuple[str, str], str]:
    """The text of the Polish example's PDF and DOCX in every style, read back
    (``(style, "pdf" | "pdf-raw" | "docx" | "watermark")``: the DOCX's header and footer
    included, its watermark shape apart; "pdf-raw" in drawing order, each table cell whole)."""
    from docx import Document

    texts = {}
    for style, (pdf, docx_file) in polish_files.items():
        section = Document(str(docx_file)).sections[0]
        footer = " ".join(p.text for p in (*section.header.paragraphs, *section.footer.paragraphs))
        texts[style, "pdf"] = pdf_text(pdf)
        texts[style, "pdf-raw"] = " ".join(raw_page_texts(pdf))
        texts[style, "docx"] = " ".join(docx_text(docx_file).split()) + " " + footer
        texts[style, "watermark"] = _watermark(docx_file)
    return texts


@pytest.fixture(scope="module")
def english_words(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The words slagen itself writes in English into the Polish example's documents: those of
    the same agreement rendered with ``locale: en-US``, less every word of its YAML (what the
    agreement's authors wrote in Polish, names and addresses)."""
    return slagen_english(POLISH.read_text(encoding="utf-8"), tmp_path_factory.mktemp("en"))


@pytest.mark.parametrize("style", POLISH_STYLES)
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_polish_example_is_polish(polish: dict[tuple[str, str], str], style: str, fmt: str) -> None:
    text = polish[style, fmt].replace(NBSP, " ")
    for heading in ("Przedmiot umowy", "Cele", "Wymagania", "Kontakty i raportowanie", "Podpisy"):
        assert heading.casefold() in text.casefold()
    assert [e for e in ENGLISH if e in text] == []
    if style == "legal-narrative":  # figures in words too: see the test of the Polish contract
        assert "co najmniej 100 (słownie: sto) leadów miesięcznie" in text
    else:
        assert "co najmniej 100 leadów miesięcznie" in text.casefold()
    assert "300 leadów" in text and "2026-Q4" in text
    assert "5000,00 USD" in text and "15 000,00 USD" in text
    assert ("4 (słownie: cztery) raporty" if style == "legal-narrative" else "4 raporty") in text
    assert "od 1 października 2026 do 31 grudnia 2026" in text
    assert "Strona" in text


@pytest.mark.parametrize("style", POLISH_STYLES)
def test_the_polish_docx_is_marked_as_a_draft_in_polish(
    polish: dict[tuple[str, str], str], style: str
) -> None:
    # the DOCX draws the draft mark as Word's own watermark: a shape in the header, whose text
    # python-docx's paragraphs do not give (the PDF draws it in CSS: see base.css)
    assert polish[style, "watermark"] == "PROJEKT"
    assert "DRAFT" not in polish[style, "docx"]


@pytest.mark.parametrize("style", POLISH_STYLES)
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_no_english_word_slagen_writes_is_left_in_the_polish_documents(
    polish: dict[tuple[str, str], str], english_words: set[str], style: str, fmt: str
) -> None:
    # a PDF read in drawing order: pdftotext's default order reads the lines of a table cell
    # apart, an id wrapped before its dot ("funnel" / ".marketing_revenue_goal") as two words
    text = polish[style, "pdf-raw" if fmt == "pdf" else fmt]
    assert sorted(words(text) & english_words) == []


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_polish_legal_style_is_a_polish_contract(polish: dict[tuple[str, str], str], fmt: str) -> None:
    text = " ".join(polish["legal-narrative", fmt].replace(NBSP, " ").split())
    # the opening: concluded on a day, in a place, between the parties, the second after "a"
    assert (
        "Umowa o poziomie usług między działem marketingu a działem sprzedaży (dalej: „Umowa”) "
        "zawarta w dniu 1 października 2026 r. w Warszawie (dalej: „Data Wejścia w Życie”) pomiędzy:"
    ) in text
    assert "(dalej: „Marketing”); a" in text and "(dalej: „Sprzedaż”);" in text
    assert "Marketing i Sprzedaż (dalej łącznie: „Strony”, a każda z osobna: „Strona”)." in text
    # the preamble "zważywszy, że" and "Strony postanawiają, co następuje"
    assert text.count("ZWAŻYWSZY, że ") == 5
    assert "STRONY POSTANAWIAJĄ, co następuje:" in text
    # paragraphs numbered § 1, § 2 ..., their sub-clauses 1., 2. (not 1.1), references "§ 2 ust. 1"
    for n, heading in enumerate(("Definicje", "Przedmiot umowy", "Cele", "Wymagania"), start=1):
        assert f"§ {n}. {heading}" in text
    assert "1. Użyte w Umowie pojęcia mają następujące znaczenie:" in text
    assert "§ 1.1" not in text and "1.1 " not in text
    assert "usługi wymienione w § 2 ust. 1" in text
    # figures in figures and in Polish words, amounts with their grosze as xx/100
    assert "co najmniej 100 (słownie: sto) leadów miesięcznie, tj. 300 (słownie: trzysta) leadów" in text
    assert "co najmniej 5000,00 USD (słownie: pięć tysięcy dolarów amerykańskich 00/100) miesięcznie" in text
    assert "15 000,00 USD (słownie: piętnaście tysięcy dolarów amerykańskich 00/100)" in text
    assert "co najmniej 4 (słownie: cztery) raporty miesięcznie" in text
    assert "nie krótszym niż 30 (słownie: trzydzieści) dni" in text
    assert "nie później niż 24 (słownie: dwadzieścia cztery) godziny od jego wystąpienia" in text
    assert "NA DOWÓD POWYŻSZEGO" in text and "Załącznik nr 1" in text


@pytest.mark.parametrize("style", POLISH_STYLES)
def test_every_polish_style_states_the_targets_as_cldr_writes_them(
    polish_files: dict[str, tuple[Path, Path]], style: str
) -> None:
    # the figures of the PDF (breakdown rows, amounts and counts up to the appendix) are the
    # computed targets in Polish: "5000,00 USD", "15 000,00 USD", "23 leady", "4 raporty"
    a = load_agreement(POLISH).agreement
    targets = compute_targets(a)
    rows: Counter[tuple[str, str]] = Counter()
    promised = []
    with using(a.presentation.locale):
        for g in a.goals:
            gt = targets.goals[g.id]
            forms = g.unit_forms
            promised.append(f.quantity(gt.value, gt.unit, a.inputs.currency, forms))
            if gt.period_total is not None:
                promised.append(f.quantity(gt.period_total, gt.unit, a.inputs.currency, forms))
            for r in gt.breakdown:
                rows[r.label, f.quantity(r.value, gt.unit, a.inputs.currency, forms).replace(NBSP, " ")] += 1
        # the calendar's: each month's business days (the appendix) and the days of deliveries
        days = [
            f.quantity(c.value, "days", a.inputs.currency)
            for n, c in targets.values.items()
            if n.startswith(("calendar.business_days.", "calendar.deliveries."))
        ]
    assert days == ["22 dni", "20 dni", "21 dni", "3 dni"]
    found = figures(polish_files[style][0], "pl-PL")
    assert found.rows == rows
    assert {"5000,00 USD", "15 000,00 USD", "300 leadów", "4 raportów"} <= stated(" ".join(promised), "pl-PL")
    assert stated(" ".join(promised), "pl-PL") <= found.figures
    # the delivery days are stated by the calendar section (the business days by the appendix,
    # which the figures reader stops before: test_calendar reads them)
    assert stated(days[-1], "pl-PL") <= found.figures
    assert sorted(found.figures - stated(" ".join(promised + days + [r for _, r in rows]), "pl-PL")) == [
        "24 godzin",  # the notice of an unexpected event, and of cancellation
        "30 dni",
    ]


# --- slagen init --locale -----------------------------------------------------------------


@pytest.mark.parametrize("style", ["legal-narrative", "tabular"])
def test_init_writes_a_polish_agreement_that_renders_in_polish(
    tmp_path: Path, english_words: set[str], style: str
) -> None:
    path = tmp_path / "umowa.yaml"
    result = run("init", str(path), "--kind", "internal", "--locale", "pl", "--style", style)
    assert result.exit_code == 0, result.output
    assert "locale: pl-PL" in path.read_text(encoding="utf-8")
    assert run("check", "--strict", str(path)).exit_code == 0
    result = run("render", str(path), "--format", "pdf", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    (pdf,) = (tmp_path / "out").rglob("*.pdf")
    text = " ".join(pdf_text(pdf).replace(NBSP, " ").split())
    assert sorted(words(" ".join(raw_page_texts(pdf))) & english_words) == []  # drawing order
    assert "Strona 1 z" in text and "20 000,00 zł" in text
    if style == "legal-narrative":
        assert "zawarta w dniu 1 stycznia" in text and "r. w Warszawie" in text
        assert "co najmniej 100 (słownie: sto) leadów miesięcznie" in text
        assert "co najmniej 50 (słownie: pięćdziesiąt) klientów miesięcznie" in text


def test_init_writes_the_locale_it_is_given(tmp_path: Path) -> None:
    path = tmp_path / "umowa.yaml"
    result = run("init", str(path), "--kind", "customer", "--locale", "en-GB")
    assert result.exit_code == 0 and "locale: en-GB" in path.read_text(encoding="utf-8")
    # every kind has a Polish starter: see test_init


# --- plural forms in the documents --------------------------------------------------------

#: Term starts in 2026-Q4 whose first week and first month have these numbers of days.
_STARTS = {"2026-10-04": (1, 28), "2026-10-10": (2, 22), "2026-10-07": (5, 25), "2026-10-20": (6, 12)}


def _bullet_rows(tmp_path: Path, start: str, locale: str) -> list[str]:
    """The bulleted style's breakdown rows of the Polish example with its term starting on
    ``start``, in ``locale``: the text of each row's item in the rendered HTML."""
    from slagen.render import render_html

    text = POLISH.read_text(encoding="utf-8").replace("start: 2026-10-01", f"start: {start}")
    path = tmp_path / f"{locale}.yaml"
    path.write_text(text.replace("locale: pl-PL", f"locale: {locale}"), encoding="utf-8")
    doc = render_html(load_agreement(path), style="bulleted").html
    return [html.unescape(r) for r in re.findall(r"<li>(2026-(?:W\d\d|\d\d) \(.*?)</li>", doc)]


@pytest.mark.parametrize("start", sorted(_STARTS))
def test_a_breakdown_rows_days_take_the_plural_form_of_their_number(tmp_path: Path, start: str) -> None:
    week, month = _STARTS[start]
    rows = _bullet_rows(tmp_path, start, "pl-PL")
    polish = {n: f"{n} dni" for n in (2, 5, 6, 12, 22, 25, 28)} | {1: "1 dzień"}
    first_month = next(r for r in rows if r.startswith("2026-10 "))
    first_week = next(r for r in rows if "-W" in r)
    assert f", {polish[month]}): " in first_month, first_month
    assert f", {polish[week]}): " in first_week, first_week
    assert [r for r in rows if re.search(r"\d+ days?\b", r)] == []
    if week <= 2:  # English: 1 day, 2 days
        rows = _bullet_rows(tmp_path, start, "en-US")
        first_week = next(r for r in rows if "-W" in r)
        assert f", {week} {'day' if week == 1 else 'days'}): " in first_week, first_week
        assert [r for r in rows if re.search(r"\b1 days\b", r)] == []
