"""The derivations table gives its formula column its share of the width (issue 16).

The Polish example's appendix, rendered as PDF and read back with pdfplumber: its ids
("funnel.marketing_revenue_goal", "calendar.business_days.2026-10") and values ("5000,00 USD
miesięcznie") once widened their columns to the whole unbroken word, leaving the formula a
quarter of the table (4-6 lines a formula). An id now wraps before a dot, a value before its
interval, a figure never inside itself.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pdfplumber
import pytest

from slagen.render import RenderOptions, render_agreement

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def appendix(tmp_path_factory: pytest.TempPathFactory) -> list[list[str]]:
    out = tmp_path_factory.mktemp("derivations")
    options = RenderOptions(formats=("pdf",), out_dir=out)
    (pdf,) = render_agreement(
        ROOT / "agreements" / "sprzedaz-marketing.yaml", style="tabular", options=options
    )
    with pdfplumber.open(str(pdf)) as doc:
        for page in doc.pages:
            for table in page.find_tables():
                rows = table.extract()
                if rows and rows[0][:3] == ["Cel", "Wartość", "Wzór i dane wejściowe"]:
                    left, _, right, _ = table.bbox
                    xs = [cell[0] for cell in table.rows[0].cells] + [right]
                    shares = [(b - a) / (right - left) for a, b in itertools.pairwise(xs)]
                    return [[f"{s:.2f}" for s in shares], *rows]
    raise AssertionError("no derivations table")


def test_the_formula_column_has_its_share(appendix: list[list[str]]) -> None:
    name, value, formula, _ = (float(s) for s in appendix[0])
    assert formula >= 0.40, appendix[0]  # its 44% (it had 27%)
    assert name <= 0.25 and value <= 0.16, appendix[0]  # 22% and 14%, not the ids' and values' widths


def test_ids_wrap_before_a_dot_and_figures_stay_whole(appendix: list[list[str]]) -> None:
    rows = {r[0].split("\n")[0]: r for r in appendix[2:]}
    goal = rows["Cel przychodu"]
    assert goal[0].endswith("funnel\n.marketing_revenue_goal")  # wrapped before the dot
    assert goal[1] == "5000,00 USD\nmiesięcznie"  # the figure whole, its interval after
    assert all(r[0].replace("\n", "").count("calendar.business_days.2026-1") == 1 for r in appendix[5:])
