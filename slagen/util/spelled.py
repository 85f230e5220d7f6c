"""Numbers written in English words in free text: "ninety-nine point nine percent", "sixty days",
"thirty (30) days", read back as figures so ``check`` can compare them with the agreement's data.

:func:`spelled_figures` finds each run of number words (``zero`` to ``nineteen``, the tens,
``hundred``, ``thousand``, ``million``, ``and`` between them, ``point`` and digit words for
decimals) and reads its value exactly, with the numeral written after it in parentheses (the
legal "thirty (30) days") and the unit after that, if any.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

#: The English number words below twenty, by value (also what ``render/words.py`` spells with).
ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
#: The tens by their digit (``TENS[2]`` is "twenty"; 0 and 1 have none).
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = {w: n for n, w in enumerate(ONES)}
_TENS = {w: 10 * n for n, w in enumerate(TENS) if w}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
#: A run of number words: "ninety-nine", "one hundred and twenty", "ninety-nine point nine five".
_RUN = re.compile(
    rf"\b(?:{_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{_WORD}))*(?:\s+point(?:\s+(?:{'|'.join(_UNITS)}))+)?\b",
    re.I,
)
#: What may follow: the numeral in parentheses, then a unit.
_AFTER = re.compile(
    r"\s*(?:\((?P<numeral>\d[\d,]*(?:\.\d+)?)\s*(?P<pct>%)?\))?\s*"
    r"(?P<unit>%|percent\b|per cent\b|(?:business |calendar |working )?days?\b|hours?\b|minutes?\b|"
    r"weeks?\b|months?\b|quarters?\b|years?\b|strikes?\b|times\b|euros?\b|dollars?\b|pounds?\b)?",
    re.I,
)


@dataclass(frozen=True)
class SpelledFigure:
    """A number written in words, where it stands in the text and what follows it."""

    start: int
    end: int
    """Where the words (and the numeral and unit after them, if any) end."""
    words: str
    value: Decimal
    numeral: Decimal | None
    """The figure written after the words in parentheses (``thirty (30) days``), if any."""
    unit: str | None
    """The unit after the words, lower case and singular-free as written (``percent``, ``days``)."""

    @property
    def percent(self) -> bool:
        """Whether the figure is a percentage."""
        return self.unit is not None and self.unit in ("%", "percent", "per cent")


def _whole(words: list[str]) -> int:
    total, current = 0, 0
    for w in words:
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * _SCALES[w]
            current = 0
    return total + current


def value_of(words: str) -> Decimal:
    """The value of number words: ``ninety-nine point nine`` -> ``99.9``."""
    whole, _, decimals = words.lower().partition(" point ")
    parts = [w for w in re.split(r"[\s-]+", whole) if w and w != "and"]
    value = Decimal(_whole(parts))
    if decimals:
        digits = "".join(str(_UNITS[w]) for w in decimals.split())
        value += Decimal(f"0.{digits}")
    return value


def spelled_figures(text: str) -> Iterator[SpelledFigure]:
    """Every number written in words in ``text``, with its numeral and unit when written."""
    for m in _RUN.finditer(text):
        words = m.group(0)
        after = _AFTER.match(text, m.end())
        numeral = unit = None
        end = m.end()
        if after is not None and after.group(0).strip():
            if after.group("numeral"):
                numeral = Decimal(after.group("numeral").replace(",", ""))
            if after.group("unit"):
                unit = after.group("unit").lower()
            elif after.group("pct"):
                unit = "%"
            if numeral is not None or unit is not None:
                end = after.end()
        if words.lower() == "one" and unit is None and numeral is None:
            continue  # "one of the parties": a pronoun as often as a number, counted with a unit only
        yield SpelledFigure(m.start(), end, words, value_of(words), numeral, unit)
