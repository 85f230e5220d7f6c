"""Numbers, amounts and dates as the legal narrative writes them: exact, in words and figures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from slagen.i18n import using
from slagen.render import words
from slagen.render.words import (
    FILTERS,
    figure,
    formal_date,
    hours,
    long_date,
    money,
    number_words,
    ordinal,
    percent,
    quantity,
    spelled,
)


@pytest.mark.parametrize(
    ("n", "us", "gb"),
    [
        (0, "zero", "zero"),
        (7, "seven", "seven"),
        (13, "thirteen", "thirteen"),
        (24, "twenty-four", "twenty-four"),
        (90, "ninety", "ninety"),
        (100, "one hundred", "one hundred"),
        (105, "one hundred five", "one hundred and five"),
        (1005, "one thousand five", "one thousand and five"),
        (5000, "five thousand", "five thousand"),
        (
            1_234_567,
            "one million two hundred thirty-four thousand five hundred sixty-seven",
            "one million two hundred and thirty-four thousand five hundred and sixty-seven",
        ),
        (2_000_000_001, "two billion one", "two billion and one"),
    ],
)
def test_whole_numbers_by_locale(n: int, us: str, gb: str) -> None:
    assert number_words(n) == us
    assert number_words(Decimal(n), "en-GB") == gb


def test_fractions_are_spelled_digit_by_digit_and_exactly() -> None:
    assert number_words(Decimal("99.95")) == "ninety-nine point nine five"
    assert number_words(Decimal("99.9990")) == "ninety-nine point nine nine nine"
    assert number_words(Decimal("0.05")) == "zero point zero five"
    assert number_words(Decimal("-3")) == "minus three"
    assert number_words(Decimal("5000.00")) == "five thousand"
    assert number_words(Decimal("1E+3")) == "one thousand"
    # 0.1 + 0.2 as floats is 0.30000000000000004; as Decimals it stays 0.3.
    assert number_words(Decimal("0.1") + Decimal("0.2")) == "zero point three"


def test_figures_group_thousands_and_keep_every_digit() -> None:
    assert figure(Decimal("5000")) == "5,000"
    assert figure(Decimal("99.950")) == "99.95"
    assert figure(Decimal("1234567.891")) == "1,234,567.891"
    assert figure(Decimal("5000"), 2) == "5,000.00"
    assert figure(Decimal("-0.5")) == "-0.5"
    with pytest.raises(ValueError, match=r"0.125 does not fit in 2 decimal places"):
        figure(Decimal("0.125"), 2)


def test_spelled_with_units() -> None:
    assert spelled(30, "days") == "thirty (30) days"
    assert spelled(Decimal(100), "qualified leads") == "one hundred (100) qualified leads"
    assert spelled(1, "business days") == "one (1) business day"
    assert spelled(1, "hours") == "one (1) hour"
    assert spelled(1, "USD") == "one (1) USD"
    assert spelled(Decimal("1.5"), "hours") == "one point five (1.5) hours"
    assert spelled(Decimal(2500)) == "two thousand five hundred (2,500)"
    assert hours(24) == "twenty-four (24) hours"


def test_money_percent_and_quantity() -> None:
    assert money(Decimal("5000.00"), "USD") == "five thousand United States dollars (USD 5,000.00)"
    assert money(Decimal("1234.56"), "EUR", "en-GB") == (
        "one thousand two hundred and thirty-four and 56/100 euros (EUR 1,234.56)"
    )
    assert money(Decimal("12"), "SEK") == "twelve SEK (SEK 12.00)"
    with pytest.raises(ValueError, match=r"0.005 USD is not a whole number of cents"):
        money(Decimal("0.005"), "USD")
    assert percent(Decimal("99.95")) == "ninety-nine point nine five percent (99.95%)"
    assert quantity(Decimal("5000.00"), "USD", "USD") == "five thousand United States dollars (USD 5,000.00)"
    assert quantity(Decimal("50"), "%", "USD") == "fifty percent (50%)"
    assert quantity(Decimal("100"), "leads", "USD") == "one hundred (100) leads"


def test_only_exact_numbers_are_accepted() -> None:
    with pytest.raises(TypeError, match="expected a Decimal or int, got float"):
        number_words(0.1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a Decimal or int, got bool"):
        spelled(True)
    with pytest.raises(ValueError, match="cannot write NaN in words"):
        number_words(Decimal("NaN"))
    with pytest.raises(ValueError, match="too large to write in words"):
        number_words(10**18)


def test_dates() -> None:
    d = date(2026, 10, 1)
    assert formal_date(d) == "the 1st day of October, 2026"
    assert formal_date(d, "en-GB") == "the 1st day of October 2026"
    assert long_date(d, "en-US") == "October 1, 2026"
    assert long_date(d, "en-GB") == "1 October 2026"
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th", "112th",
    ]  # fmt: skip


def test_filters_are_the_functions() -> None:
    assert FILTERS["spelled"] is spelled
    assert FILTERS["formal_date"] is formal_date
    assert FILTERS["spelled_quantity"] is quantity
    assert all(callable(fn) and fn.__doc__ for fn in FILTERS.values())


# --- Polish: the figure, then "(słownie: ...)" from num2words -----------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        ("5000", "USD", "5000,00\u00a0USD (słownie: pięć tysięcy dolarów amerykańskich 00/100)"),
        (
            "1234.56",
            "PLN",
            "1234,56\u00a0zł (słownie: tysiąc dwieście trzydzieści cztery złote polskie 56/100)",
        ),
        ("1.01", "USD", "1,01\u00a0USD (słownie: jeden dolar amerykański 01/100)"),
        ("22.5", "PLN", "22,50\u00a0zł (słownie: dwadzieścia dwa złote polskie 50/100)"),
        (
            "15000.00",
            "USD",
            "15\u00a0000,00\u00a0USD (słownie: piętnaście tysięcy dolarów amerykańskich 00/100)",
        ),
        ("12345678901234567.89", "PLN", None),
    ],
)
def test_polish_amounts_are_spelled_with_their_grosze(
    amount: str, currency: str, expected: str | None
) -> None:
    with using("pl-PL"):
        text = words.money(Decimal(amount), currency, "pl-PL")
    if expected is None:  # far beyond a float's 15 digits: still exact to the grosz
        assert text.endswith(" 89/100)") and "siedemnaście" not in text
        assert text.startswith("12\u00a0345\u00a0678\u00a0901\u00a0234\u00a0567,89")
    else:
        assert text == expected


def test_a_polish_amount_finer_than_a_grosz_is_refused() -> None:
    with using("pl-PL"), pytest.raises(ValueError, match="whole number of cents"):
        words.money(Decimal("10.005"), "PLN", "pl-PL")


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "1 (słownie: jeden) dzień"),
        (2, "2 (słownie: dwa) dni"),
        (5, "5 (słownie: pięć) dni"),
        (12, "12 (słownie: dwanaście) dni"),
        (22, "22 (słownie: dwadzieścia dwa) dni"),
        (25, "25 (słownie: dwadzieścia pięć) dni"),
    ],
)
def test_polish_counts_are_spelled_in_the_form_their_number_needs(n: int, expected: str) -> None:
    with using("pl-PL"):
        assert words.days(n, "pl-PL") == expected
        forms = {"one": "lead", "few": "leady", "many": "leadów", "other": "leada"}
        lead = words.quantity(Decimal(n), "leadów", "USD", "pl-PL", forms)
    assert lead.endswith({1: " lead", 2: " leady", 22: " leady"}.get(n, " leadów"))


@pytest.mark.parametrize(
    ("n", "hours", "minutes"),
    [
        (1, "1 (słownie: jedna) godzina", "1 (słownie: jedna) minuta"),
        (2, "2 (słownie: dwie) godziny", "2 (słownie: dwie) minuty"),
        (12, "12 (słownie: dwanaście) godzin", "12 (słownie: dwanaście) minut"),
        (21, "21 (słownie: dwadzieścia jeden) godzin", "21 (słownie: dwadzieścia jeden) minut"),
        (22, "22 (słownie: dwadzieścia dwie) godziny", "22 (słownie: dwadzieścia dwie) minuty"),
        (1002, "1002 (słownie: tysiąc dwie) godziny", "1002 (słownie: tysiąc dwie) minuty"),
        (2000, "2000 (słownie: dwa tysiące) godzin", "2000 (słownie: dwa tysiące) minut"),
    ],
)
def test_polish_hours_and_minutes_agree_with_their_feminine_noun(n: int, hours: str, minutes: str) -> None:
    with using("pl-PL"):
        assert words.hours(n, "pl-PL") == hours
        assert words.minutes(n, "pl-PL") == minutes


def test_polish_percentages_and_dates_in_words() -> None:
    with using("pl-PL"):
        assert words.percent(Decimal("99.95"), "pl-PL") == (
            "99,95% (słownie: dziewięćdziesiąt dziewięć przecinek dziewięć pięć procent)"
        )
        assert words.formal_date(date(2026, 10, 1), "pl-PL") == "1 października 2026 r."
        assert words.number_words(Decimal("-3"), "pl-PL") == "minus trzy"
