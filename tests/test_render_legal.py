"""The legal-narrative style read back from its PDF: a contract with recitals, numbered
clauses, defined terms and every computed target spelled out in words and figures."""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pytest
from conftest import AGREEMENTS, Examples, run
from docx import Document
from render_helpers import outline_titles, pdf_text, reader

from slagen.agreement.load import load_agreement
from slagen.render import words
from slagen.render.context import Headings
from slagen.render.phrases import CAPITALISED, capitalise_terms
from slagen.targets import compute_targets

STYLE = "legal-narrative"
EXAMPLES = ("sales-marketing", "paper-supplier", "it-service", "sales-marketing-service")
# en-US internal, en-GB customer, a customer service with credits, multi-level with shared goals

# Every cross-reference the clauses make, with what the referenced clause must say. Clauses are
# numbered by the PDF's CSS counters (and by Word's numbering in the DOCX): every numbered
# clause is always there (an absent section is a sentence), so the numbers are fixed, and this
# checks them against the text of each example.
CLAUSES = (
    "Definitions",
    Headings().overview,
    "Goals",
    "Requirements",
    "Contacts and reporting",
    "Plan for missed goals",
    "Cancellation",
    "Unexpected events",
    "Review",
    "General provisions",
)
REFERENCES = {
    "set out in clause 3": (3, r"^3\. Goals 3\.1 Each Party shall meet the Goals"),
    "listed in clause 2.1": (2, r"2\.1 The Parties shall provide the following services \(the “Services”\)"),
    "counted as set out in clause 6": (6, r"^6\. Plan for missed goals .*counts as one Strike"),
    "falls short as set out in clause 6": (
        6,
        r"^6\. Plan for missed goals .*entitled to the following Service Credits",
    ),
    "listed in clause 8.1": (8, r"8\.1 No Party shall be in breach [^.]*\(each an “Unexpected Event”\)"),
    "cancelled earlier under clause 7": (7, r"^7\. Cancellation 7\.1"),
    "requires under clause 4.1": (
        4,
        r"4\.1 To enable each Party to meet its Goals, the Parties shall provide",
    ),
}


@pytest.fixture(scope="session")
def legal(examples: Examples) -> dict[str, Path]:
    """Each example as PDF and as HTML, from the session's build of the examples."""
    return {
        f"{name}.{fmt}": examples.document(name, STYLE, fmt) for name in EXAMPLES for fmt in ("pdf", "html")
    }


@pytest.mark.parametrize("name", EXAMPLES)
def test_recitals_operative_words_and_numbered_clauses(legal: dict[str, Path], name: str) -> None:
    text = pdf_text(legal[f"{name}.pdf"])
    assert text.count("WHEREAS,") >= 3
    assert (
        "NOW, THEREFORE, in consideration of the mutual covenants set out herein, the Parties agree as follows:"
        in text
    )
    assert "IN WITNESS WHEREOF, the Parties have caused this Agreement to be executed" in text
    html = legal[f"{name}.html"].read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="[\w-]+" class="clause">(.*?)</h2>', html)
    # the fixed clauses (the calendar, where the agreement has one, numbered after them, so no
    # cross-reference moves), then the agreement's own standard clauses, the general provisions
    has_calendar = load_agreement(AGREEMENTS / f"{name}.yaml").agreement.calendar is not None
    fixed = [*CLAUSES[:-2], *[h for h in headings if h.startswith("Calendar:")][:1], CLAUSES[-2]]
    assert len(fixed) == len(CLAUSES) - 1 + has_calendar
    assert headings[: len(fixed)] == fixed and headings[-1] == CLAUSES[-1]
    for number, title in enumerate(headings, start=1):
        assert f"{number}. {title}" in text, title
    for sub in (
        "1.1 In this Agreement",
        "2.1 The Parties shall provide",
        "3.1 Each Party shall meet",
        "4.1 To enable",
    ):
        assert sub in text
    assert "(a) “Agreement” means this" in text
    assert "Schedule 1: How these targets were computed" in text
    for heading in vars(Headings()).values():
        assert heading in text, heading


@pytest.mark.parametrize("name", EXAMPLES)
def test_computed_targets_are_spelled_out_in_words_and_figures(legal: dict[str, Path], name: str) -> None:
    text = pdf_text(legal[f"{name}.pdf"])
    a = load_agreement(AGREEMENTS / f"{name}.yaml").agreement
    loc, cur = a.presentation.locale, a.inputs.currency
    targets = compute_targets(a)
    defined = (*CAPITALISED, *(d.term for d in a.clauses.definitions)) if a.clauses else CAPITALISED
    for g in a.goals:
        gt = targets.goals[g.id]
        # a unit the agreement defines ("Business Days") is written as defined
        assert capitalise_terms(words.quantity(gt.value, g.unit, cur, loc), defined) in text, g.id
        if gt.period_total is not None:
            assert f"being {words.quantity(gt.period_total, g.unit, cur, loc)} over the Period" in text, g.id
    assert f"made and entered into as of {words.formal_date(a.term.start, loc)}" in text
    if a.cancellation is not None:
        assert f"of no less than {words.days(a.cancellation.notice_days, loc)}:" in text
    if a.unexpected_events is not None:
        assert f"within {words.hours(a.unexpected_events.notice_hours, loc)} of the start" in text


def test_service_credits_are_in_words_and_figures_in_the_legal_style_only(
    legal: dict[str, Path], examples: Examples
) -> None:
    text = " ".join(pdf_text(legal["it-service.pdf"]).split())
    a = load_agreement(AGREEMENTS / "it-service.yaml").agreement
    sc = a.inputs.service_credits
    assert sc is not None
    charge = a.inputs.monthly_charge or sc.monthly_charge
    assert charge is not None
    assert f"the monthly charge being {words.money(charge, 'EUR')}:" in text
    tiers = sorted(sc.tiers, key=lambda t: t.below, reverse=True)
    for upper, lower in pairwise(tiers):
        credit = (upper.credit * charge / 100).quantize(Decimal("0.01"))
        assert (
            f"Availability below {words.percent(upper.below)} and at least {words.percent(lower.below)}: "
            f"{words.percent(upper.credit)} of the monthly charge, that is {words.money(credit, 'EUR')};"
        ) in text
    assert (
        f"Service Credits shall not exceed {words.percent(sc.monthly_cap)} of the monthly charge, that is "
        in text
    )
    assert "claimed within thirty (30) days after the end of the month" in text
    # every other style: figures only
    tabular = " ".join(pdf_text(examples.document("it-service", "tabular", "pdf")).split())
    assert "Availability below 99.95% and at least 99%: 10% of the monthly charge (1,200.00 EUR)" in tabular
    assert not re.search(r"percent \(\d|\w \(\d+\) days|\(EUR ", tabular)


def test_the_guide_example_reads_as_a_contract(legal: dict[str, Path]) -> None:
    text = pdf_text(legal["sales-marketing.pdf"])
    assert (
        "Marketing shall achieve at least one hundred (100) leads a month, "
        "being three hundred (300) leads over the Period." in text
    )
    assert "Sales shall achieve at least five thousand United States dollars (USD 5,000.00) a month" in text
    assert "of no less than thirty (30) days:" in text
    assert "within twenty-four (24) hours of the start of an Unexpected Event" in text
    assert "After three (3) Strikes in one quarter" in text
    assert "the 1st day of January, 2026 (the “Effective Date”)" in text
    british = pdf_text(legal["paper-supplier.pdf"])
    assert "the 1st day of July 2026" in british


def test_defined_terms_are_bold_and_quoted(legal: dict[str, Path]) -> None:
    html = legal["sales-marketing.html"].read_text(encoding="utf-8")
    for defined in (
        "Agreement",
        "Effective Date",
        "Term",
        "Period",
        "Goal",
        "Target",
        "Party",
        "Parties",
        "Strike",
    ):
        assert f'<strong class="defined">“{defined}”</strong>' in html, defined
    assert '<strong class="defined">“Marketing”</strong>' in html
    assert '<strong class="defined">“Unexpected Event”</strong>' in html


def test_outline_has_the_clauses_and_the_schedule(legal: dict[str, Path]) -> None:
    titles = outline_titles(reader(legal["sales-marketing.pdf"]).outline)
    for t in ("Recitals", "Definitions", "Goals", "Sign-off", "Schedule 1: How these targets were computed"):
        assert any(t in title for title in titles), (t, titles)


@pytest.mark.parametrize("name", EXAMPLES)
def test_clause_cross_references_point_at_the_right_clause(legal: dict[str, Path], name: str) -> None:
    text = pdf_text(legal[f"{name}.pdf"])
    body = text[: text.index("Schedule 1: How these targets")]
    found = [
        m.group(0)
        for m in re.finditer(r"[^.;:]{0,40}\bclauses? \d+(?:\.\d+)?", body)
        if not body.startswith(" of ", m.end())  # a clause of another document (the MSA)
    ]
    unknown = [f for f in found if not any(f.endswith(ref) for ref in REFERENCES)]
    assert unknown == [], "cross-references this test does not know"
    operative = body.index("NOW, THEREFORE")
    checked = 0
    for ref, (number, pattern) in REFERENCES.items():
        if ref not in body:
            continue
        start = body.index(f" {number}. {CLAUSES[number - 1]} ", operative) + 1
        nxt = re.compile(rf" {number + 1}\. [A-Z][^.]* {number + 1}\.1 ")  # the next clause, whatever it is
        end = nxt.search(body, start).start()  # type: ignore[union-attr]
        assert re.search(pattern, body[start:end]), (ref, body[start : start + 200])
        checked += 1
    assert checked >= 4


@pytest.fixture(scope="module")
def it_service(examples: Examples) -> dict[str, str]:
    """The it-service legal document's text, from its PDF and from its DOCX (Word's text), from
    the session's build."""
    pdf, docx = (examples.document("it-service", STYLE, ext) for ext in ("pdf", "docx"))
    word = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    word += "\n" + "\n".join(c.text for t in Document(str(docx)).tables for r in t.rows for c in r.cells)
    return {"pdf": " ".join(pdf_text(pdf).split()), "docx": " ".join(word.split())}


def test_the_calendar_is_a_numbered_clause_in_the_defined_terms(it_service: dict[str, str]) -> None:
    text = it_service["pdf"]
    # numbered after clause 8 (Unexpected events), its paragraphs too, and Review follows as 10
    calendar = text.index(
        "9. Calendar: time zone, Business Days and holidays 9.1 All times of day in this Agreement"
    )
    assert (
        text.index("8. Unexpected events 8.1")
        < calendar
        < text.index("10. Review 10.1 The Parties shall hold")
    )
    assert "9.2 Business Hours are Monday to Friday, 08:00-18:00 Europe/Berlin time" in text
    for fmt, t in it_service.items():
        # the author's place name, everywhere the document names the place
        assert "Hessen" not in t, fmt
        assert "public holidays of Hesse, Germany" in t and "holiday in Hesse, Germany" in t, fmt
        assert "Business hours are" not in t, fmt
        # the defined term, in the goal (3.8) and in its measurement
        assert (
            "Meridian shall achieve at most two (2) Business Days for each announced Maintenance Window" in t
        ), fmt
        assert "at least five (5) Business Days ahead" in t and "five (5) business days" not in t, fmt


def test_the_terms_the_agreement_defines_are_written_as_defined(it_service: dict[str, str]) -> None:
    """Below the definitions and above the Schedule, a defined term is never in lower case
    (headings such as "Plan for missed goals" are titles, not uses of a term)."""
    a = load_agreement(AGREEMENTS / "it-service.yaml").agreement
    assert a.clauses is not None
    text = it_service["pdf"]
    body = text[text.index("(p) “Schedule 1” means") : text.index("Schedule 1: How")]
    for term in ("Business Day", "Business Hours", "Incident", "Downtime", "Maintenance Window"):
        found = re.findall(rf"(?<![\w-]){re.escape(term)}s?(?![\w-])", body, re.IGNORECASE)
        assert found and all(w.startswith(term) for w in found), (term, sorted(set(found)))


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_other_party_or_parties_by_their_number(legal: dict[str, Path], name: str) -> None:
    """Two parties read "the other Party", three or more "the other Parties"."""
    text = pdf_text(legal[f"{name}.pdf"])
    others = (
        "the other Party"
        if len(load_agreement(AGREEMENTS / f"{name}.yaml").agreement.parties) == 2
        else "the other Parties"
    )
    wrong = "the other Parties" if others == "the other Party" else "the other Party "
    assert f"each Party shall have access to the reports of {others}." in text
    assert wrong not in text
    if "Unexpected Event" in text:
        assert f"The affected Party shall notify {others} in writing" in text


@pytest.fixture(scope="module")
def polish_legal(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The text of the Polish example's legal PDF, as rendered by the command a user runs."""
    out = tmp_path_factory.mktemp("polish-legal")
    result = run("render", str(AGREEMENTS / "sprzedaz-marketing.yaml"), "--style", STYLE, "-o", str(out))
    assert result.exit_code == 0, result.output
    (pdf,) = (out / "sprzedaz-marketing").glob(f"*-{STYLE}.pdf")
    return pdf_text(pdf)


# Sentences of the Polish legal document as a Polish lawyer writes them, each with the broken
# form it replaced (an English sentence with the Polish words pasted into its order).
POLISH_SENTENCES = (
    (
        "Wartość Docelowa, obliczana zgodnie z Załącznikiem nr 1, to wartość „potrzebne leady”.",
        "Wartością Docelową jest potrzebne leady",
    ),
    ("ZWAŻYWSZY, że Strony zawierają Umowę w następującym celu: Marketing dostarcza", "aby: Marketing"),
    (
        "ZWAŻYWSZY, że Marketing występuje w Umowie jako usługodawca w zakresie opisanych w niej świadczeń;",
        "usługodawca usług",
    ),
    ("ZWAŻYWSZY, że określone w Umowie Wartości Docelowe zostały obliczone", "wartości docelowe zostały"),
    ("Odbiorcą Usług jest Dział sprzedaży Northwind Software sp. z o.o.", "Odbiorcą Usług jest:"),
    (
        "Kendra Mills przesyła co tydzień raport „Tygodniowy raport statusu sprzedaży” zawierający:",
        "przesyła do:",
    ),
    ("(do wiadomości: Kendra Mills; prawo wglądu: Marketing i Sprzedaż).", "udostępnia go:"),
    ("a Cel jest osiągnięty, gdy wartość ta wynosi co najmniej 100 (słownie: sto) leadów.", "gdy wynosi co"),
    # "w imieniu" takes the genitive, which a party's name as written is not: the name follows "Strony:"
    ("w imieniu Strony: Dział Marketingu", "w imieniu: Dział"),
)


@pytest.mark.parametrize(("sentence", "broken"), POLISH_SENTENCES, ids=[b for _, b in POLISH_SENTENCES])
def test_the_polish_legal_sentences_read_as_a_polish_lawyer_writes_them(
    polish_legal: str, sentence: str, broken: str
) -> None:
    assert sentence in polish_legal
    assert broken not in polish_legal
