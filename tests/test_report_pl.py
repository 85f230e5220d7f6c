"""`slagen report` of a Polish agreement: the tracking report is written in Polish, as its documents are.

The Polish example (agreements/sprzedaz-marketing.yaml, term from 1 October 2026) against its
actuals (agreements/actuals/sprzedaz-marketing-2026.yaml: October and November 2026) is
rendered through the CLI and read back. No word slagen writes in English may be left in it: the
words are those of the same report rendered with ``locale: en-US``, less every word the
agreement's authors wrote (the check of tests/test_i18n.py). Its figures are worked out by
hand in the comments, from the actuals file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import AGREEMENTS, ROOT
from language_helpers import NBSP, SHARED_WORDS, html_text, unmarked, words, written
from render_helpers import pdf_text
from test_report import render, table_rows

from slagen.agreement.load import load_agreement
from slagen.report import report_context

pytestmark = pytest.mark.slow

POLISH = AGREEMENTS / "sprzedaz-marketing.yaml"
ACTUALS = AGREEMENTS / "actuals" / "sprzedaz-marketing-2026.yaml"
PERIOD = "2026-Q4"
#: The report templates: the base one and every style's own.
TEMPLATES = sorted(p.relative_to(ROOT / "templates").as_posix() for p in ROOT.glob("templates/*/report.html"))
#: Every style with its own report template, and one that has none (it takes the base one).
STYLES = ("two-column", "tabular", "visual", "legal-narrative", "bulleted")
#: The command a Polish sentence names as it is typed.
COMMAND = frozenset({"slagen", "recalc"})


def _basis_words() -> set[str]:
    """The words of the report's "measured as" cells, as :mod:`slagen.tracking` writes them for
    the Polish agreement: those sentences are that package's (not the report's) to translate;
    once they are Polish, no English word is left out of the check."""
    ctx, _ = report_context(load_agreement(POLISH), ACTUALS, PERIOD)
    texts = [g.basis for g in ctx.goals] + [r.basis for s in ctx.sales for r in s.rows]
    return set().union(*(words(t) for t in texts))


def _in_style(tmp: Path, style: str, locale: str = "pl-PL") -> Path:
    """The Polish example with ``style`` first (a report wears its agreement's first style) and
    ``locale``, written to ``tmp``."""
    source = POLISH.read_text(encoding="utf-8")
    styles = "  styles: [two-column, tabular, visual, legal-narrative, bulleted, summary-first]"
    assert styles in source
    order = [style, *(s for s in styles.split("[")[1].rstrip("]").split(", ") if s != style)]
    data = source.replace(styles, f"  styles: [{', '.join(order)}]").replace(
        "locale: pl-PL", f"locale: {locale}"
    )
    path = tmp / style / POLISH.name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def english_words(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The words the report itself writes in English: the report of the same agreement and
    actuals with ``locale: en-US``, in every style, less the words of the agreement's YAML."""
    tmp = tmp_path_factory.mktemp("report-en")
    found: set[str] = set()
    for style in STYLES:
        html = render(_in_style(tmp, style, "en-US"), ACTUALS, PERIOD, "html", tmp / style / "out")
        found |= words(html_text(html))
    assert {"the", "goal", "attainment", "recalculated", "holiday"} <= found
    authored = written(yaml.safe_load(POLISH.read_text(encoding="utf-8")))
    return found - authored - SHARED_WORDS - COMMAND - _basis_words()


@pytest.fixture(scope="module")
def polish_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Polish report's PDF (the agreement's own first style, two-column)."""
    return render(POLISH, ACTUALS, PERIOD, "pdf", tmp_path_factory.mktemp("report-pl"))


@pytest.fixture(scope="module")
def polish_pdf(polish_file: Path) -> str:
    """The text of the Polish report's PDF."""
    return pdf_text(polish_file).replace(NBSP, " ")


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_text_of_a_report_template_is_marked(name: str) -> None:
    assert unmarked(ROOT / "templates" / name) == []


@pytest.mark.parametrize("style", STYLES)
def test_no_english_word_is_left_in_the_polish_report(
    tmp_path: Path, english_words: set[str], style: str
) -> None:
    html = render(_in_style(tmp_path, style), ACTUALS, PERIOD, "html", tmp_path / "out")
    assert sorted(words(html_text(html)) & english_words) == []


def test_no_english_word_is_left_in_the_polish_report_pdf(polish_pdf: str, english_words: set[str]) -> None:
    assert sorted(words(polish_pdf) & english_words) == []


def test_the_polish_report_pdf_states_its_figures_as_polish_writes_them(
    polish_pdf: str, polish_file: Path
) -> None:
    daily = yaml.safe_load(ACTUALS.read_text(encoding="utf-8"))["daily"]
    # October 2026 has 22 weekdays at 5 leads (110); November 21 weekdays less Wednesday
    # 11 November (Independence Day) at 4 (80): 190 leads in the quarter, against 3 months of
    # 100 (quota 5,000 / deal size 100 = 50 customers / 50% close rate = 100 leads a month).
    assert sum(d["qualified_leads"] for d in daily) == 190
    # The actuals cover October and November: the quarter's total is not yet measured.
    assert "co najmniej 300 leadów w okresie 2026-Q4 190 leadów Jeszcze niezmierzony" in polish_pdf
    # Revenue: 5,600 in October and 3,900 in November, against 3 x 5,000; CLDR writes 9500,00
    # (no separator in four digits) and 15 000,00.
    assert "co najmniej 15 000,00 USD w okresie 2026-Q4 9500,00 USD Jeszcze niezmierzony" in polish_pdf
    # The monthly leads report is due on the second Wednesday, 11 November, and made on the 12th.
    rows = [[c.replace(NBSP, " ") for c in r] for r in table_rows(polish_file)]
    assert [
        "11.11.2026",
        "środa",
        "Narodowe Święto Niepodległości",
        "raport-leadow: realizowana w następnym dniu roboczym (12.11.2026)",
    ] in rows
    # October's gap: 110 leads against the line's 100 on 31 October; November's 80 against 100.
    assert "+10 leadów: powyżej linii celu" in polish_pdf
    assert "-20 leadów: poniżej linii celu" in polish_pdf
    # The recalculated share of revenue from marketing: 9,500 / 10,200 = 93.137...% -> 93,14%.
    assert "Udział przychodu z leadów marketingowych 100% 93,14%" in polish_pdf
    # November's 3 weekly reports of the 4 a month miss the goal whatever December holds
    assert "Okres 2026-Q4: osiągnięto 0 z 3 celów, nieosiągnięte: 1, jeszcze niezmierzone: 2." in polish_pdf
    assert "2026-12 Jeszcze niezmierzony brak" in polish_pdf
    # the plan applies (November missed): a goal the quarter has not judged missed names the month
    assert (
        "Nieosiągnięte w okresie 2026-Q4: Kwalifikowane Leady przekazane kierowniczce sprzedaży (w okresie "
        "2026-11); Przychód z leadów marketingowych (w okresie 2026-11); Tygodniowe raporty statusu dla "
        "marketingu." in polish_pdf
    )


def _from_mid_october(tmp: Path, locale: str) -> Path:
    """The Polish example with its term from 15 October 2026 (a partial first month) in ``locale``."""
    source = POLISH.read_text(encoding="utf-8")
    assert "  start: 2026-10-01\n" in source
    path = tmp / locale / POLISH.name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = source.replace("  start: 2026-10-01\n", "  start: 2026-10-15\n", 1)
    path.write_text(text.replace("locale: pl-PL", f"locale: {locale}"), encoding="utf-8")
    return path


def test_a_partial_period_and_a_missing_recalculation_are_said_in_polish(tmp_path: Path) -> None:
    # October clipped to a term from 15 October: 15 to 31 October, 17 of its 31 days. No tracked
    # month lies inside those days (October's figures are the whole month's), so nothing is
    # recalculated; the report says both in the agreement's language.
    pl = render(_from_mid_october(tmp_path, "pl-PL"), ACTUALS, "2026-10", "pdf", tmp_path / "pl")
    text = " ".join(pdf_text(pl).replace(NBSP, " ").split())
    assert (
        "od 15 października 2026 do 31 października 2026: 17 z 31 dni okresu 2026-10, ponieważ umowa "
        "obowiązuje od 15 października 2026"
    ) in text
    assert (
        "Żaden miesiąc okresu 2026-10 nie ma śledzonych danych, więc dane wejściowe lejka nie są przeliczane."
        in text
    )
    assert not {"of", "the", "days", "term", "recalculation", "tracked"} & words(text)
    # the same report in English says the same (and names no file: it is a document, not a message)
    en = render(_from_mid_october(tmp_path, "en-US"), ACTUALS, "2026-10", "pdf", tmp_path / "en")
    text = " ".join(pdf_text(en).split())
    assert (
        "October 15, 2026 to October 31, 2026: 17 of the 31 days of 2026-10, as the term starts on "
        "October 15, 2026"
    ) in text
    assert "No month inside 2026-10 has tracked figures, so the funnel's inputs are not recalculated." in text
    assert ACTUALS.name + ":" not in text


def test_the_chart_names_the_unit_as_a_count_of_many_takes_it() -> None:
    # "Narastająco (leada)" took the form of a fraction; an axis of counts is "leadów" (as
    # "100 leadów"), and the English example's "leads"
    from slagen.agreement.period import parse_period
    from slagen.i18n import using
    from slagen.report.charts import marketing, unit_label
    from slagen.targets import compute_targets
    from slagen.tracking import load_actuals

    a = load_agreement(POLISH).agreement
    goal = next(g for g in a.goals if g.id == "qualified-leads")
    with using("pl-PL"):
        assert unit_label(goal) == "leadów"
        (chart,) = marketing(
            a, load_actuals(ACTUALS), parse_period(PERIOD), compute_targets(a, parse_period(PERIOD))
        )
    assert "100 leadów" in chart.chart.alt and "leada" not in chart.chart.alt
    english = load_agreement(AGREEMENTS / "sales-marketing.yaml").agreement
    with using("en-US"):
        assert unit_label(next(g for g in english.goals if g.id == "qualified-leads")) == "leads"
