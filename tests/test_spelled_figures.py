"""Figures written in words in free text (issue 13): read as figures, so `slagen check` (and
`slagen lint`, which runs it first) catches a share or an amount in words in a consequence, words
that disagree with the numeral beside them, and a cancellation ground whose words state another
count or floor than its data, each at file:line:column."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import build_tree, example_text, run

from slagen.util.spelled import spelled_figures, value_of


def at(text: str, snippet: str, column_of: str) -> str:
    """``line:column`` of ``column_of`` on the line holding ``snippet``."""
    for n, line in enumerate(text.splitlines(), 1):
        if snippet in line:
            return f"{n}:{line.index(column_of) + 1}"
    raise AssertionError(f"{snippet!r} not in the text")


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def check(tmp_path: Path, text: str, command: str = "check") -> tuple[Path, int, list[str]]:
    p = build_tree(tmp_path, {"a.yaml": text}) / "a.yaml"
    result = run(command, "--strict", str(p)) if command == "check" else run(command, str(p))
    assert "Traceback" not in result.output
    return p, result.exit_code, result.stderr.splitlines()


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("ninety-nine point nine", "99.9"),
        ("ninety-nine point nine five", "99.95"),
        ("one hundred and twenty", "120"),
        ("two thousand five hundred", "2500"),
        ("thirty", "30"),
        ("zero point five", "0.5"),
    ],
)
def test_number_words_are_read_exactly(words: str, value: str) -> None:
    assert value_of(words) == Decimal(value)


def test_words_with_their_numeral_and_unit() -> None:
    found = list(spelled_figures("paid within thirty (30) days, at ninety-nine point nine percent"))
    assert [(f.words, f.value, f.numeral, f.unit) for f in found] == [
        ("thirty", Decimal(30), Decimal(30), "days"),
        ("ninety-nine point nine", Decimal("99.9"), None, "percent"),
    ]
    assert list(spelled_figures("one of the parties")) == []  # a pronoun, not a count


def test_a_share_in_words_in_a_consequence_is_a_warning(tmp_path: Path) -> None:
    line = "    - Each missed Monday delivery takes five percent off that month's invoice"
    text = edit(example_text("paper-supplier"), "  consequences:\n", f"  consequences:\n{line}\n")
    p, code, err = check(tmp_path, text)
    assert code == 1
    assert err == [
        f"{p}:{at(text, line, 'Each')}: missed_goals.consequences[0]: a consequence with a figure "
        "('five' (5%)) is free text no calculation or report can check: state it as data (a goal's "
        "credits, clauses.claims, strikes), and keep the text for what has no number",
        "1 error",  # --strict: a warning fails the check
    ]


def test_words_that_disagree_with_their_numeral_are_an_error(tmp_path: Path) -> None:
    old = "text: Meridian leaves an undisputed invoice unpaid for sixty days after a written reminder"
    new = "text: Meridian leaves an undisputed invoice unpaid for sixty (90) days after a written reminder"
    text = edit(example_text("it-service"), old, new)
    p, code, err = check(tmp_path, text)
    assert code == 1
    assert err == [
        f"{p}:{at(text, new, 'Meridian')}: cancellation.conditions[2].text: 'sixty' is 60, but the figure "
        "beside it is 90: the words and the figure must say the same",
        "1 error",
    ]


def test_a_ground_whose_words_count_other_months_than_its_data_is_an_error(tmp_path: Path) -> None:
    old = "text: Monthly availability is below 99.0% for three months in a row"
    new = "text: Monthly availability is below ninety-eight point five percent for two months in a row"
    text = edit(example_text("it-service"), old, new)
    p, code, err = check(tmp_path, text)
    assert code == 1
    where = f"{p}:{at(text, new, 'Monthly')}: cancellation.conditions[0].text"
    assert err == [
        f"{where}: the text says 'ninety-eight point five' (98.5%), but the ground's floor (below) is 99%: "
        "the tracking report counts the data; make the text say the same",
        f"{where}: the text says 'two' (2 months) in a row, but missed_in_a_row is 3: the documents and "
        "the tracking report count the data; make the text say the same",
        "2 errors",
    ]
    # lint runs check first: the same errors, and a failing exit
    _, lint_code, lint_err = check(tmp_path, text, "lint")
    assert lint_code == 1
    assert any("'two' (2 months) in a row" in line for line in lint_err)


def test_a_ground_in_numerals_is_held_to_its_data_too(tmp_path: Path) -> None:
    old = "text: Monthly availability is below 99.0% for three months in a row"
    new = "text: Monthly availability is below 99.0% for 4 months in a row"
    text = edit(example_text("it-service"), old, new)
    _, code, err = check(tmp_path, text)
    assert code == 1
    assert err[0].endswith(
        "cancellation.conditions[0].text: the text says '4 months' in a row, but missed_in_a_row is 3: "
        "the documents and the tracking report count the data; make the text say the same"
    )


def test_the_examples_words_agree_with_their_data(tmp_path: Path) -> None:
    for name in ("it-service", "paper-supplier", "sales-marketing", "sales-marketing-service"):
        _, code, err = check(tmp_path, example_text(name))
        assert code == 0, (name, err)
