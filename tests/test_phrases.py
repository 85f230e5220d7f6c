"""The typed phrases clauses are built from: lists, sentences, leads, subjects and figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from slagen.i18n import using
from slagen.render.phrases import (
    Figures,
    Subject,
    capitalise_terms,
    clause_text,
    full_stop,
    join_and,
    lead,
    sentence,
    stop_after,
)


def test_lists_are_joined_a_b_and_c() -> None:
    assert join_and(["A"]) == "A"
    assert join_and(["A", "B"]) == "A and B"
    assert join_and(("A", "B", "C")) == "A, B and C"
    assert join_and(("A", "B", "C"), "or") == "A, B or C"
    with pytest.raises(ValueError, match="empty"):
        join_and([])


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (
            ("notices go to", "Meridian Freight Logistics B.V."),
            "Notices go to Meridian Freight Logistics B.V.",
        ),
        (("notices go to Northwind Software Inc.",), "Notices go to Northwind Software Inc."),
        (("notices go to Stratus Cloud Services GmbH",), "Notices go to Stratus Cloud Services GmbH."),
        (("a claim is made within the Goal",), "A claim is made within the Goal."),
    ],
)
def test_a_sentence_ends_in_one_full_stop(parts: tuple[str, ...], expected: str) -> None:
    assert sentence(*parts) == expected


def test_a_lead_ends_in_a_colon_after_any_name() -> None:
    assert lead("the following do not count against Stratus Cloud Services GmbH") == (
        "The following do not count against Stratus Cloud Services GmbH:"
    )
    assert (
        lead("notices go to Meridian Freight Logistics B.V.")
        == "Notices go to Meridian Freight Logistics B.V.:"
    )


def test_author_text_loses_its_own_end_but_not_an_abbreviation() -> None:
    assert clause_text("Deducted from the next invoice.") == "Deducted from the next invoice"
    assert clause_text("faults of the network;") == "faults of the network"
    assert clause_text("Acme Ltd.") == "Acme Ltd."
    assert full_stop("Acme B.V.") == "Acme B.V."
    assert full_stop("Acme GmbH") == "Acme GmbH."
    assert (stop_after("Acme Inc."), stop_after("Acme")) == ("", ".")


def test_the_parties_acting_together_are_named_in_the_documents_language() -> None:
    assert Subject(("Meridian",)).text == "Meridian"
    assert Subject(("A", "B", "C")).text == "A, B and C"
    with using("pl-PL"):
        assert Subject(("Stratus", "Meridian")).text == "Stratus i Meridian"
        assert Subject(("A", "B", "C")).text == "A, B i C"


def test_figures_in_words_only_where_the_style_says() -> None:
    legal, plain = Figures(True, "en-GB", "EUR"), Figures(False, "en-GB", "EUR")
    assert legal.count(30, "days") == "thirty (30) days"
    assert legal.count(1, "days") == "one (1) day"
    assert plain.count(30, "days") == "30 days"
    assert legal.percent(Decimal("10")) == "ten percent (10%)"
    assert plain.percent(Decimal("99.95")) == "99.95%"
    assert legal.money(Decimal(12000)) == "twelve thousand euros (EUR 12,000.00)"
    assert plain.money(Decimal(12000)) == "12,000.00 EUR"


def test_defined_terms_are_capitalised_in_the_authors_text() -> None:
    assert capitalise_terms("The heads of all parties review the agreement's goals") == (
        "The heads of all Parties review the Agreement's Goals"
    )
    assert capitalise_terms("Either party gives notice at the end of the term") == (
        "Either Party gives notice at the end of the Term"
    )
    assert capitalise_terms("long-term, targeted and termless") == "long-term, targeted and termless"
    assert capitalise_terms("services of third parties the party chose") == (
        "services of third parties the Party chose"
    )


def test_a_count_of_slagens_own_words_takes_one_path_in_figures_and_in_words() -> None:
    from slagen.i18n import using

    with using("en-GB"):
        legal, plain = Figures(True, "en-GB", "EUR"), Figures(False, "en-GB", "EUR")
        assert legal.counted(5, "business day") == "five (5) business days"
        assert legal.counted(1, "hour") == "one (1) hour"
        assert plain.counted(1, "business day") == "1 business day"
        assert plain.counted(Decimal("2.5"), "hour") == "2.5 hours"
    with using("pl-PL"):
        legal, plain = Figures(True, "pl-PL", "EUR"), Figures(False, "pl-PL", "EUR")
        # "godzina" is feminine: its count agrees with it (was "2 (słownie: dwa) godziny")
        assert legal.counted(2, "hour") == "2 (słownie: dwie) godziny"
        assert legal.counted(1, "hour") == "1 (słownie: jedna) godzina"
        assert legal.counted(22, "minute") == "22 (słownie: dwadzieścia dwie) minuty"
        assert legal.counted(2, "business day") == "2 (słownie: dwa) dni robocze"
        assert legal.counted(5, "business day") == "5 (słownie: pięć) dni roboczych"
        assert plain.counted(Decimal("2.5"), "hour") == "2,5 godziny"
        assert plain.counted(10, "hour") == "10 godzin"


def test_the_polish_maintenance_window_counts_its_hours_in_the_feminine() -> None:
    from conftest import AGREEMENTS

    from slagen.agreement.load import load_agreement
    from slagen.i18n import using
    from slagen.render.context.terms import maintenance_words

    a = load_agreement(AGREEMENTS / "it-service.yaml").agreement
    _planned, patches = a.inputs.availability.maintenance_windows
    with using("pl-PL"):
        assert maintenance_words(patches, a.calendar, Figures(True, "pl-PL", "EUR")) == (
            "emergency security patches, zapowiadane z wyprzedzeniem nie krótszym niż 4 (słownie: cztery) "
            "godziny (najwyżej 2 (słownie: dwie) godziny miesięcznie)"
        )


def test_straight_quotes_an_author_typed_are_typographic_in_the_documents_language() -> None:
    from slagen.i18n import using

    with using("en-GB"):
        assert clause_text('a ticket marked "credit claim".') == "a ticket marked “credit claim”"
        assert clause_text('a lone " stays') == 'a lone " stays'
    with using("pl-PL"):
        assert clause_text('zgłoszenie oznaczone "reklamacja"') == "zgłoszenie oznaczone „reklamacja”"
