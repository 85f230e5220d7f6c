"""`slagen report`: tracking reports read back from their PDFs, as a reader sees them.

The example actuals (agreements/actuals/) give a month where every goal is met
(sales-marketing, 2026-10), a quarter missed three months running (2026-Q3), and a
month of the IT service whose outage earns a service credit (it-service, 2026-11).
Each report is rendered once per session. The figures asserted are worked out by
hand in the comments, from the actuals files.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from conftest import AGREEMENTS, ROOT, run
from render_helpers import page_texts, pdf_text, reader

#: Every report case rendered to PDF and DOCX: end to end.
pytestmark = pytest.mark.slow

ACTUALS = AGREEMENTS / "actuals"
SALES = AGREEMENTS / "sales-marketing.yaml"
SALES_ACTUALS = ACTUALS / "sales-marketing-2026.yaml"
IT = AGREEMENTS / "it-service.yaml"
IT_ACTUALS = ACTUALS / "it-service-2026.yaml"

CASES = {
    "met": (SALES, SALES_ACTUALS, "2026-10", "pdf"),
    "missed": (SALES, SALES_ACTUALS, "2026-Q3", "pdf"),
    "credit": (IT, IT_ACTUALS, "2026-11", "pdf"),
    "credit-docx": (IT, IT_ACTUALS, "2026-11", "docx"),
    "met-html": (SALES, SALES_ACTUALS, "2026-10", "html"),
}


def render(agreement: Path, actuals: Path, period: str, fmt: str, out: Path, *extra: str) -> Path:
    """Run `slagen report` and return the file it says it wrote."""
    result = run(
        "report", str(agreement), str(actuals), "--period", period, "--format", fmt, "-o", str(out), *extra
    )
    assert result.exit_code == 0, result.output
    (written,) = re.findall(r"^wrote (\S+)$", result.output, flags=re.MULTILINE)
    return Path(written)


@pytest.fixture(scope="session")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every case rendered once per session."""
    out = tmp_path_factory.mktemp("reports")
    return {name: render(*case, out) for name, case in CASES.items()}


def layout(path: Path) -> str:
    """The PDF's text with its layout kept (table rows on one line), runs of spaces collapsed."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return "\n".join(re.sub(r" {2,}", " ", line.strip()) for line in text.splitlines())


def table_rows(path: Path) -> list[list[str]]:
    """Every row of every table of the PDF, each cell's text whole (its wrapped lines joined),
    as a reader sees the row: layout text would interleave the lines of wrapped cells."""
    rows = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                rows.extend([" ".join((c or "").split()) for c in row] for row in table)
    return rows


def path_operators(path: Path) -> list[int]:
    """Per page, the path operators (move, line, curve, rectangle) in its content stream."""
    ops = re.compile(rb"\s(?:m|l|c|re)\s")
    return [len(ops.findall(page.get_contents().get_data())) for page in reader(path).pages]


def image_xobjects(path: Path) -> int:
    """Raster images placed in the PDF (the charts must not be among them)."""
    count = 0
    for page in reader(path).pages:
        xobjects = page["/Resources"].get("/XObject")
        for x in (xobjects.get_object() if xobjects else {}).values():
            count += x.get_object().get("/Subtype") == "/Image"
    return count


def test_output_paths(reports: dict[str, Path]) -> None:
    assert reports["met"].name == "sales-marketing-report-2026-10.pdf"
    assert reports["missed"].name == "sales-marketing-report-2026-Q3.pdf"
    assert reports["credit"].name == "it-service-report-2026-11.pdf"
    assert reports["credit-docx"].name == "it-service-report-2026-11.docx"
    assert reports["met"].parent.name == "sales-marketing"


def test_a_month_where_every_goal_is_met(reports: dict[str, Path]) -> None:
    text, rows = pdf_text(reports["met"]), layout(reports["met"])
    assert "6 of 6 goals met, 0 missed over 2026-10." in text
    # 104 qualified leads in October (the daily rows) against 100 a month.
    assert "at least 100 leads in 104 leads Met qualified_leads: sum of" in rows
    # 5,408 USD from marketing leads against 50 customers x 100 USD.
    assert "at least 5,000.00 USD 5,408.00 USD Met marketing_revenue" in rows
    # On October 31 the goal line stands at 31 x 100 / 31 = 100; 104 delivered: 4 ahead.
    assert "October 2026 100 leads October 31, 2026 100 leads 104 leads +4 leads: ahead of the line" in rows
    assert "No goal was missed in 2026-10: the plan for missed goals does not apply." in text
    assert "No cancellation condition that counts missed goals is met." in text
    assert "Not met: 0 missed months in a row (3 needed)." in text
    assert "Cancellation condition met" not in text


def test_the_recalculated_targets_of_the_met_month(reports: dict[str, Path]) -> None:
    rows = layout(reports["met"])
    # October's figures: 52 of 104 leads became customers (50%), 5,408 / 52 = 104.00 USD a
    # deal, 5,408 of 5,600 USD from marketing (96.571...% -> 96.57%).
    assert "Lead-to-customer close rate 50% 50%" in rows
    assert "Average deal size 100.00 USD 104.00 USD" in rows
    assert "Share of revenue from marketing 100% 96.57%" in rows
    # November with them: 5,000 x 96.57% = 4,828.50 USD; / 104 = 46.4 -> 47 customers;
    # / 50% = 94 leads, 47 a rep, 47 x 6 x 10 / 60 = 47 hours of 60 (78.33%).
    assert "Marketing revenue goal 5,000.00 USD a month 4,828.50 USD a month -171.50 USD" in rows
    assert "Customers needed 50 customers a month 47 customers a month -3 customers" in rows
    assert "Leads needed 100 leads a month 94 leads a month -6 leads" in rows
    assert "83.33% a month 78.33% a month -5 percentage points" in rows


def test_three_months_missed_in_a_row(reports: dict[str, Path]) -> None:
    text, rows = pdf_text(reports["missed"]), layout(reports["missed"])
    assert "0 of 6 goals met, 6 missed over 2026-Q3." in text
    # 78 + 81 + 74 = 233 qualified leads against 3 x 100.
    assert "at least 300 leads in 233 leads Missed qualified_leads: sum of" in rows
    # Revenue 3,430 + 3,663 + 3,201 = 10,294 USD against 3 x 5,000.
    assert [
        "Revenue closed from marketing leads Sales Department, Northwind Software Inc.",
        "at least 15,000.00 USD in 2026-Q3",
        "10,294.00 USD",
        "Missed",
        "marketing_revenue: sum of 3 tracked months",
    ] in table_rows(reports["missed"])
    for month, actual, gap in (("July", 78, 22), ("August", 81, 19), ("September", 74, 26)):
        assert f"{actual} leads -{gap} leads: behind the line" in rows, month
    assert (
        "A cancellation condition is now met: either party may end the agreement with 30 days' notice."
        in text
    )
    assert "Cancellation condition met: 3 missed months in a row (3 needed)." in text


def test_the_plan_for_missed_goals_names_its_consequences(reports: dict[str, Path]) -> None:
    text = pdf_text(reports["missed"])
    assert (
        "Marketing and sales meet within five business days of a missed month to agree a recovery plan"
        in text
    )
    assert "A lead shortfall is carried into the next month's lead goal" in text
    assert (
        "Who diagnoses the shortfall: Amir Haddad (Chief Marketing Officer), Kendra Mills (Head of Sales)."
        in text
    )
    assert (
        "Strikes: 3 missed months counted in 2026-Q3, against a limit of 3: the limit is reached. "
        "The Chief Revenue Officer reviews both teams' plans and the agreement's inputs." in text
    )


def test_the_recalculated_targets_after_a_missed_quarter(reports: dict[str, Path]) -> None:
    rows = layout(reports["missed"])
    # Q3: 105 of 233 leads (45.064% -> 45.06%), 10,294 / 105 = 98.038 -> 98.04 USD,
    # 10,294 of 11,800 USD (87.237% -> 87.24%).
    assert "Lead-to-customer close rate 50% 45.06%" in rows
    assert "Average deal size 100.00 USD 98.04 USD" in rows
    assert "Share of revenue from marketing 100% 87.24%" in rows
    # Q4 with them: 5,000 x 87.24% = 4,362.00 USD; / 98.04 = 44.49 -> 45 customers;
    # / 45.06% = 99.87 -> 100 leads; over the quarter 3 x 4,362 = 13,086 USD, 135 customers.
    assert "Marketing revenue goal 5,000.00 USD a month 4,362.00 USD a month -638.00 USD" in rows
    assert "Customers needed 50 customers a month 45 customers a month -5 customers" in rows
    assert "Leads needed 100 leads a month 100 leads a month no change" in rows
    assert "15,000.00 USD 13,086.00 USD -1,914.00 USD" in rows
    assert "150 customers 135 customers -15 customers" in rows


def test_the_service_credit_owed(reports: dict[str, Path]) -> None:
    text, rows = pdf_text(reports["credit"]), layout(reports["credit"])
    # November's Maximum Available Minutes are 43,200 less its five Sundays' maintenance (600):
    # 52 minutes down is 100 x (1 - 52 / 42,600) = 99.87793...% -> 99.8779% (down); 99.95% of
    # them allows 42,600 x 0.05% = 21.3 min = 21 min 18 s.
    assert "November 2026 99.8779% 21 min 18 s 52 min Missed" in rows
    # Below 99.95% (strict): the 10% tier, of 12,000 EUR, under the 50% cap.
    assert "A service credit of 1,200.00 EUR is owed for 2026-11." in text
    credits = table_rows(reports["credit"])
    i = credits.index(["Month", "Measured availability", "Credit", "Amount", "Why"])
    # Availability is promised for every rolling 30 days: the month's figure is its worst
    # window's, 24 October to 22 November (660 minutes of maintenance): 52 / 42,540 ->
    # 99.8777%, said under the table.
    assert credits[i + 1] == [
        "2026-11",
        "99.8777%",
        "10% of the monthly charge",
        "1,200.00 EUR",
        "99.8777% < 99.95%: 10%",
    ]
    assert (
        "A month's availability is the lowest of the rolling windows of 30 days that end in it "
        "(availability is promised for every window)"
    ) in " ".join(text.split())
    # The one severity-1 ticket was answered in 12 minutes, within 15: no credit of that goal;
    # all credits of the month together: 10%, under the 50% cap.
    assert [
        "2026-11",
        "Time to first response to a severity-1 incident",
        "0 of 1 severity-1 incident missed the limit (at most 15 minutes)",
        "0% of the monthly charge",
        "0 x 5% = 0%",
    ] in credits
    i = credits.index(["Month", "Tiers", "Goals", "Together", "Granted", "Amount", "Caps"])
    assert credits[i + 1 : i + 3] == [
        ["2026-11", "10%", "0%", "10%", "10% of the monthly charge", "1,200.00 EUR", "within the caps"],
        ["Total", "", "", "", "", "1,200.00 EUR", ""],
    ]
    assert "Availability below 95%: 50% of the monthly charge" in text
    assert (
        "At most 50% of the monthly charge (6,000.00 EUR) in one month, all credits together, and 15% of "
        "twelve months' charges (21,600.00 EUR) over any twelve months" in text
    )
    assert (
        "Who diagnoses the shortfall: Marco Bianchi (Head of Site Reliability Engineering), Amira Benali"
        in text
    )
    # The condition counts months with availability below 99.0%: November's 99.8777% is not.
    assert [
        "Monthly availability is below 99.0% for three months in a row",
        "Not met: 0 months in a row with availability below 99% (3 needed).",
    ] in credits
    # The strikes count missed availability goals only.
    assert "Strikes: 1 month with availability missed counted in 2026-Q4, against a limit of 3" in text
    # The downtime goal is per quarter: its target is Q4's, and November alone does not judge it.
    assert "3 of 7 goals met, 3 missed, 1 judged over a longer interval over 2026-11." in text
    assert [  # Q4's 92 days less 1,620 minutes of maintenance, x 0.05%
        "Unplanned downtime of the portal over the quarter Stratus Cloud Services GmbH",
        "at most 65.43 minutes in 2026-Q4",
        "—",
        "Not judged",
        "a goal per quarter: judged over 2026-Q4 as a whole, not over 2026-11",
    ] in credits
    # The IT service has no funnel: no recalculation section.
    assert "Recalculated inputs" not in text


def test_charts_are_drawn_as_vectors_on_their_pages(reports: dict[str, Path]) -> None:
    # WeasyPrint draws the SVG charts as paths in the page itself: a page with a chart has
    # many times the path operators of a page of tables and text.
    for name, heading in (("missed", "Marketing: qualified leads"), ("credit", "Service: availability")):
        pages = page_texts(reports[name])
        ops = path_operators(reports[name])
        (chart_page,) = [i for i, t in enumerate(pages) if heading in t]
        quiet = min(ops)
        assert ops[chart_page] > 5 * quiet, (name, ops)
        assert image_xobjects(reports[name]) == 0


def test_every_chart_has_svg_png_and_alt_text(reports: dict[str, Path]) -> None:
    html = reports["met-html"].read_text(encoding="utf-8")
    alts = re.findall(
        r'<figure class="chart"><img src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+" '
        r'data-png="data:image/png;base64,[A-Za-z0-9+/=]+" alt="([^"]+)"></figure>',
        html,
    )
    assert [a.split(":")[0].split(",")[0] for a in alts] == [
        "Qualified leads delivered to the head of sales",
        "Average time from hand-off to first follow-up",
        "Follow-up attempts on leads not yet connected",
    ]
    assert "W41: 38.04 (met)" in alts[1]
    assert alts[2].endswith("Target: at least 6 attempts a month.")


def test_the_report_wears_the_agreements_first_style(reports: dict[str, Path], tmp_path: Path) -> None:
    # sales-marketing's first style is two-column: its CSS is in the report.
    assert ".column-head { color: #fff;" in reports["met-html"].read_text(encoding="utf-8")
    text = SALES.read_text(encoding="utf-8").replace(
        "styles: [two-column, tabular, visual, legal-narrative, bulleted, summary-first]",
        "styles: [legal-narrative]",
    )
    (tmp_path / "sales-marketing.yaml").write_text(text, encoding="utf-8")
    html = render(tmp_path / "sales-marketing.yaml", SALES_ACTUALS, "2026-10", "html", tmp_path / "out")
    page = html.read_text(encoding="utf-8")
    assert 'html { font: 10pt/1.5 "DejaVu Serif", serif; }' in page
    assert ".column-head { color: #fff;" not in page


def test_docx_has_the_chart_as_a_picture(reports: dict[str, Path]) -> None:
    import docx

    document = docx.Document(str(reports["credit-docx"]))
    assert len(document.inline_shapes) == 1
    texts = [p.text for p in document.paragraphs]
    assert "A service credit of 1,200.00 EUR is owed for 2026-11." in texts


def test_same_bytes_from_another_process(reports: dict[str, Path], tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONHASHSEED": "123"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "slagen",
            "report",
            str(IT),
            str(IT_ACTUALS),
            "--period",
            "2026-11",
            "-o",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    again = tmp_path / "it-service" / "it-service-report-2026-11.pdf"
    digest = hashlib.sha256(again.read_bytes()).hexdigest()
    assert digest == hashlib.sha256(reports["credit"].read_bytes()).hexdigest()


def test_bad_actuals_exact_error_and_no_output(tmp_path: Path) -> None:
    bad = tmp_path / "actuals.yaml"
    bad.write_text(
        "agreement: sales-marketing\ndaily:\n  - {date: 2026-10-01, qualified_leads: lots}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run("report", str(SALES), str(bad), "--period", "2026-10", "-o", str(out))
    assert result.exit_code == 1
    assert result.output == (
        f"{bad}:3:41: daily[0].qualified_leads: expected a whole number of zero or more, got 'lots'\n1 error\n"
    )
    assert not out.exists()


def test_actuals_of_another_agreement(tmp_path: Path) -> None:
    other = tmp_path / "actuals.yaml"
    other.write_text(
        "agreement: it-service\ndaily:\n  - {date: 2026-10-01, qualified_leads: 4}\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = run("report", str(SALES), str(other), "-o", str(out))
    assert result.exit_code == 1
    assert result.output == (
        f"{other}:1:12: agreement: these actuals are for agreement 'it-service', but {SALES} is "
        "'sales-marketing'\n1 error\n"
    )
    assert not out.exists()


def test_a_period_outside_the_term(tmp_path: Path) -> None:
    result = run("report", str(IT), str(IT_ACTUALS), "--period", "2026-09", "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.output == (
        "Error: --period: expected a period that overlaps the term (2026-10-01 to 2027-09-30), got 2026-09 (2026-09-01 to 2026-09-30)\n"
    )
    assert not (tmp_path / "out").exists()


def test_a_style_report_opens_like_its_agreement(reports: dict[str, Path], tmp_path: Path) -> None:
    # two-column (the examples' first style): a column per party under the title.
    rows = layout(reports["met"]).split("Attainment")[0]
    assert "Marketing Department, Northwind Sales Department, Northwind" in rows
    assert "Led by Amir Haddad, Chief Marketing Officer Led by Kendra Mills, Head of Sales" in rows
    opening = {
        "tabular": "Period of this report 2026-10: October 1, 2026 to October 31, 2026",
        "visual": "Tracking report · 2026-10",  # the banner's kicker
        "legal-narrative": "This report records the performance of the Parties under the Sales and "
        "Marketing Service-Level Agreement",
    }
    for style, words in opening.items():
        text = SALES.read_text(encoding="utf-8").replace(
            "styles: [two-column, tabular, visual, legal-narrative, bulleted, summary-first]",
            f"styles: [{style}]",
        )
        (tmp_path / style).mkdir()
        (tmp_path / style / "sales-marketing.yaml").write_text(text, encoding="utf-8")
        html = render(tmp_path / style / "sales-marketing.yaml", SALES_ACTUALS, "2026-10", "html", tmp_path)
        page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.read_text(encoding="utf-8")))
        cover = page.split("6 of 6 goals met")[0]
        assert words in cover, style


def test_templates_folder_overrides_the_report(tmp_path: Path) -> None:
    tpl = tmp_path / "tpl" / "two-column"
    tpl.mkdir(parents=True)
    (tpl / "report.html").write_text(
        '{% extends "base/report.html" %}{% block report_title %}<h1 class="title">Ops review</h1>'
        "{% endblock %}",
        encoding="utf-8",
    )
    html = render(
        SALES, SALES_ACTUALS, "2026-10", "html", tmp_path / "out", "--templates", str(tmp_path / "tpl")
    )
    page = html.read_text(encoding="utf-8")
    assert '<h1 class="title">Ops review</h1>' in page
    assert "6 of 6 goals met, 0 missed over 2026-10." in page


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "{{ ''.__class__.__mro__ }}",
            "template error: access to attribute '__class__' of 'str' object is unsafe",
        ),
        (
            "\n{{ doc.penalty }}",
            "template error: 'slagen.report.views.ReportContext object' has no attribute 'penalty'",
        ),
        ('<img src="file:///etc/passwd">', "refused to fetch file:///etc/passwd"),
    ],
)
def test_report_templates_are_sandboxed(tmp_path: Path, body: str, message: str) -> None:
    tpl = tmp_path / "tpl" / "two-column"
    tpl.mkdir(parents=True)
    (tpl / "report.html").write_text(
        '{% extends "base/report.html" %}{% block report_title %}' + body + "{% endblock %}", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = run(
        "report",
        str(SALES),
        str(SALES_ACTUALS),
        "--period",
        "2026-10",
        "-o",
        str(out),
        "--templates",
        str(tmp_path / "tpl"),
    )
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and message in result.output, result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_templates_must_be_a_folder(tmp_path: Path) -> None:
    result = run(
        "report",
        str(SALES),
        str(SALES_ACTUALS),
        "-o",
        str(tmp_path / "out"),
        "--templates",
        str(tmp_path / "none"),
    )
    assert result.exit_code == 2
    assert result.output == f"Error: --templates: {tmp_path / 'none'} is not a folder\n"
