"""Every style states every clause the agreement has, in its PDF and its DOCX, with the same
figures: the it-service documents state the availability formula, the claim deadline, the
exclusions, sole remedy, governing law and jurisdiction and the escalation phones."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from conftest import AGREEMENTS, Examples, run
from docx_helpers import docx_text
from render_helpers import pdf_text

from slagen.agreement.load import load_agreement
from slagen.agreement.model import Agreement
from slagen.render.phrases import clause_text

STYLES = ("legal-narrative", "two-column", "tabular", "visual", "bulleted", "summary-first")
EXAMPLES = ("it-service", "paper-supplier")
FORMULA = "(Maximum Available Minutes − Downtime) ÷ Maximum Available Minutes × 100"


def _cell(text: str | None) -> str:
    """A table cell's text on one line: a line broken after a hyphen joins without a space."""
    return re.sub(r"-\n", "-", text or "").replace("\n", " ")


def pdf_words(path: Path) -> str:
    """What a reader of the PDF reads: the running text, each table cell whole and each half of
    a page on its own (pdftotext interleaves the lines of cells and of side-by-side signature
    blocks; the DRAFT watermark's big letters are left out)."""
    cells = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                cells.extend(_cell(c) for row in table for c in row)
            # the legal style's signature blocks are 46% wide each, the right one starting at half
            # the page less its margin: a cut a little left of the middle parts them
            w, h = page.width, page.height
            cut = w * 0.485
            upright = page.filter(lambda o: o.get("object_type") != "char" or o.get("size", 0) < 40)
            cells.extend(_cell(upright.crop(box).extract_text()) for box in ((0, 0, cut, h), (cut, 0, w, h)))
            cells.append(_cell(upright.extract_text()))  # the running text, without the watermark
    return pdf_text(path) + " " + _body(path) + " " + " ".join(" ".join(cells).split())


def _body(path: Path) -> str:
    """The pages' text without their running header and footer, so a sentence that runs on to
    the next page reads whole."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    kept = []
    for page in out.split("\f"):
        lines = [x for x in page.splitlines() if x.strip()][1:]  # the running header
        # the DRAFT watermark's letters come out as lines of one capital letter between others
        kept += [
            x
            for x in lines
            if not re.match(r"^(Version .*sha256:|Page \d+ of \d+$)", x)
            and not re.fullmatch(r"[A-Z]", x.strip())
        ]
    return " ".join(" ".join(kept).split())


class _Texts(dict[str, str]):
    """The text of each example in each style, as ``<id>/<style>.<pdf|docx>``, read from the
    session's build when a test first asks for it (each xdist worker reads only its own)."""

    def __init__(self, examples: Examples) -> None:
        super().__init__()
        self.examples = examples

    def __missing__(self, key: str) -> str:
        name, _, rest = key.partition("/")
        style, fmt = rest.rsplit(".", 1)
        p = self.examples.document(name, style, fmt)
        self[key] = pdf_words(p) if fmt == "pdf" else " ".join(docx_text(p).split())
        return self[key]


@pytest.fixture(scope="module")
def texts(examples: Examples) -> dict[str, str]:
    """The text of each example in each style (see :class:`_Texts`)."""
    return _Texts(examples)


def _said(a: Agreement, style: str) -> list[str]:
    """What each style must state for the clauses ``a`` has (figures as the style writes them)."""
    c = a.clauses
    assert c is not None
    legal = style == "legal-narrative"
    out = [d.term for d in c.definitions]
    if c.claims:
        days = c.claims.deadline_days
        out += [f"({days}) days" if legal else f"{days} days", clause_text(c.claims.how)]
        out += [clause_text(e)[1:] for e in c.claims.evidence]
    out += [clause_text(e.text)[1:] for e in c.exclusions]  # the first letter is capitalised in lists
    if c.remedies and c.remedies.sole_remedy:
        out.append("sole and exclusive remedy")
    if c.remedies and not c.remedies.cash:
        out.append("never paid in cash")
    if c.governing_law:
        out += [clause_text(c.governing_law.law), clause_text(c.governing_law.courts)[1:], "jurisdiction"]
    out += [n.email for n in c.notices] + [clause_text(n.address) for n in c.notices]
    out += [clause_text(d) for d in (c.precedence.order if c.precedence else [])]
    out += [v.version for v in (c.amendments.history if c.amendments else [])]
    if c.counterparts and c.counterparts.electronic:
        out.append("Electronic signatures bind")
    for ref in (c.confidentiality, c.data_protection):
        if ref:
            out.append(clause_text(ref.document))
    out += [e.phone for e in c.escalation]
    out += [clause_text(s.capacity) for s in a.sign_off if s.capacity]
    return out


@pytest.mark.parametrize("fmt", [".pdf", ".docx"])
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("name", EXAMPLES)
def test_every_clause_is_stated(texts: dict[str, str], name: str, style: str, fmt: str) -> None:
    a = load_agreement(AGREEMENTS / f"{name}.yaml").agreement
    text = texts[f"{a.id}/{style}{fmt}"]
    missing = [s for s in _said(a, style) if " ".join(s.split()) not in text]
    assert missing == []


@pytest.mark.parametrize("fmt", [".pdf", ".docx"])
@pytest.mark.parametrize("style", STYLES)
def test_it_service_states_formula_deadline_remedy_law_and_phone(
    texts: dict[str, str], style: str, fmt: str
) -> None:
    text = texts[f"it-service/{style}{fmt}"]
    legal = style == "legal-narrative"
    for said in (
        FORMULA,
        "thirty (30) days after the end of the month" if legal else "30 days after the end of the month",
        "orce majeure, such as natural disasters",  # a list item: capitalised outside legal-narrative
        "sole and exclusive remedy of " + ("Meridian" if legal else "Meridian Freight Logistics B.V."),
        "This Agreement is governed by the laws of the Federal Republic of Germany",
        "The courts of Frankfurt am Main have exclusive jurisdiction",
        "+49 69 4005 1200",
        "“Downtime”" if legal else "Downtime",
    ):
        assert said in text, said
    assert "B.V.." not in text


#: What every style of the Polish example states for its clauses, in Polish (a list item's first
#: letter is capitalised outside legal-narrative, so items are looked for from their second).
POLISH = (
    "Pomiar",
    "Każdą mierzoną wartość oblicza się w następujący sposób",
    "to suma zliczona w każdym miesiącu na podstawie danych:",
    "objęty Okresem Obowiązywania tylko w części mierzy się za dni objęte Okresem Obowiązywania",
    "Wyłączenia",
    "z którejkolwiek z poniższych przyczyn nie obciąża Strony",
    "iła wyższa, w tym klęski żywiołowe",
    "Zawiadomienia",
    "zawiadamia o tym drugą Stronę na piśmie",  # two parties: "the other Party"
    "marketing@northwind.example",
    "Zmiana Umowy wymaga nowej wersji w formie pisemnej, podpisanej przez każdą ze Stron",
    "Niniejszy dokument stanowi wersję 1.0 z dnia 15 września 2026",
    "Podpisy elektroniczne wiążą osoby, które je złożyły",
    "Eskalacja",
    "+48 22 555 0140",
    "Dzień Roboczy",
    "Kwalifikowany Lead",
)


@pytest.mark.parametrize("fmt", [".pdf", ".docx"])
@pytest.mark.parametrize("style", STYLES)
def test_the_polish_example_states_its_clauses_in_polish(texts: dict[str, str], style: str, fmt: str) -> None:
    text = texts[f"sprzedaz-marketing/{style}{fmt}"]
    legal = style == "legal-narrative"
    leads = "100 (słownie: sto) leadów" if legal else "co najmniej 100 leadów"
    revenue = "5000,00 USD (słownie: pięć tysięcy dolarów amerykańskich 00/100)" if legal else "5000,00 USD"
    missing = [s for s in (*POLISH, leads, revenue) if s not in text]
    assert missing == []
    for english in ("Measurement", "Exclusions", "shall", "Notices", "Escalation", "Electronic signatures"):
        assert english not in text


# --- one window for the availability promise -----------------------------------------------------

#: A calendar period the availability target must not be promised over (the it-service inputs
#: measure it per rolling window of 30 days).
CALENDAR_PERIOD = r"(?:,? (?:measured )?(?:over |in |for )?(?:a|per|each|every) (?:calendar )?(?:month|quarter)\b|,? monthly\b)"


@pytest.mark.parametrize("fmt", [".pdf", ".docx"])
@pytest.mark.parametrize("style", STYLES)
def test_it_service_promises_availability_over_one_window(
    texts: dict[str, str], examples: Examples, style: str, fmt: str
) -> None:
    # The inputs measure availability per rolling window of 30 days (measured_per: rolling), the
    # goal's interval (month) is when results are reported, and credits are per month: every style
    # promises the target for every window, in the goal and in the service levels, says how a
    # month's figure follows from the windows (as tracking evaluates it), and never binds the
    # target to a calendar month or quarter.
    text = texts[f"it-service/{style}{fmt}"]
    legal = style == "legal-narrative"
    target = re.escape("ninety-nine point nine five percent (99.95%)" if legal else "99.95%")
    days = "thirty (30)" if legal else "30"
    window = re.escape(f"every rolling window of {days} consecutive days")
    assert re.search(rf"[Aa]t least {target} in {window}", text), "the goal"
    # (the visual style's service levels are in capitals, by its style sheet)
    assert re.search(rf"{target}[^.]{{0,20}}measured over {window}", text, re.I), "the service levels"
    assert (
        f"The availability of a month is the lowest availability of the rolling windows of {days} "
        "consecutive days that end in it"
    ) in text
    # read as running text (the PDF's cells cut out and laid side by side would put another
    # cell's "a month" after the target)
    running = _body(examples.document("it-service", style, "pdf")) if fmt == ".pdf" else text
    assert [m.group(0) for m in re.finditer(target + CALENDAR_PERIOD, running)] == []
    # every rolling window the document names is the availability's or the severity-2 goal's
    named = re.findall(r"rolling windows? of (?:[a-z-]+ \()?(\d+)\)? consecutive days", text)
    assert set(named) == {"30", "28"}
    if legal:  # the legal style writes every count in words and figures (docs/clauses.md)
        assert re.findall(r"rolling windows? of \d+", text) == []


def test_an_availability_goal_over_another_calendar_window_fails_check(tmp_path: Path) -> None:
    text = (AGREEMENTS / "it-service.yaml").read_text(encoding="utf-8")
    text = text.replace("    measured_per: rolling\n    rolling_days: 30\n", "    measured_per: quarter\n")
    path = tmp_path / "it-service.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1
    goal = text.index("  - id: availability\n")
    line = text.count("\n", 0, text.index("    interval: month", goal)) + 1
    assert result.output.splitlines() == [
        f"{path}:{line}:15: goals[0].interval: expected quarter (inputs.availability.measured_per), got month: "
        "the availability target is promised over the window it is measured in",
        "1 error",
    ]
