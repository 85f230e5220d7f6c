"""Polish typography: a one-letter word ("w", "z", "i", "a", "o", "u") and "§" never end a line."""

from __future__ import annotations

import re

import pdfplumber
import pytest
from conftest import Examples
from test_docx import docx_text

from slagen.render.typography import bind_lone_letters

NBSP = "\u00a0"
#: A line's last word is one of the letters (or "§") a Polish line must not end with.
LONE_AT_END = re.compile(r"[\s(„][aiouwzAIOUWZ§]$")  # (the draft mark filtered out)
LONE_SPACE = re.compile(r"(?:^|[\s(„])[aiouwzAIOUWZ§] ")


def test_one_letter_words_are_bound_to_the_next_in_text_only() -> None:
    html = '<p class="a b">Umowa zawarta w Warszawie i (w dniu) § 3 z „a kot”</p><style>a i { }</style>'
    assert bind_lone_letters(html, "pl") == (
        f'<p class="a b">Umowa zawarta w{NBSP}Warszawie i{NBSP}(w{NBSP}dniu) §{NBSP}3 z{NBSP}„a{NBSP}kot”</p>'
        "<style>a i { }</style>"
    )
    assert bind_lone_letters(html, "en") == html
    assert (
        bind_lone_letters("<p>Wojna i pokój, a <b>x</b></p>", "pl")
        == f"<p>Wojna i{NBSP}pokój, a{NBSP}<b>x</b></p>"
    )
    assert (
        bind_lone_letters("<p>Firma sp. z o.o. i S.A.</p>", "pl")
        == f"<p>Firma sp.{NBSP}z{NBSP}o.o. i{NBSP}S.A.</p>"
    )


@pytest.mark.parametrize("style", ["legal-narrative", "bulleted"])
def test_no_line_of_the_polish_example_ends_with_a_one_letter_word(examples: Examples, style: str) -> None:
    pdf, word = (examples.document("sprzedaz-marketing", style, fmt) for fmt in ("pdf", "docx"))
    with pdfplumber.open(pdf) as doc:
        pages = [p.filter(lambda o: o["object_type"] != "char" or o["size"] < 20) for p in doc.pages]
        lines = [line["text"].strip() for page in pages for line in page.extract_text_lines()]
    assert len(lines) > 100
    assert not any("PROJEKT" in line for line in lines)  # the draft mark's large letters are left out
    # a paragraph may end with one ("...; a" before the next party of the legal preamble)
    paragraphs = [" ".join(p.split()) for p in docx_text(word).replace(NBSP, " ").splitlines()]
    ends = [p for p in paragraphs if LONE_AT_END.search(p)]
    inside = [
        line
        for line in lines
        if LONE_AT_END.search(line) and not any(p.endswith(line.replace(NBSP, " ")) for p in ends)
    ]
    assert inside == []
    # the DOCX carries the no-break spaces too, so Word and LibreOffice keep the words together
    text = docx_text(word)
    assert f"Northwind Software sp.{NBSP}z{NBSP}o.o." in text  # one name, not broken after "sp."
    if style == "legal-narrative":
        assert f"w{NBSP}Warszawie" in text
    assert LONE_SPACE.findall(text) == []
