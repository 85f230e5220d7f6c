"""Exact arithmetic and the rounding rules every calculation states.

Intermediate results are :class:`~fractions.Fraction` (exact, whatever the
division); a value becomes a :class:`~decimal.Decimal` only when it is rounded
by a named rule. No float is ever involved.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from slagen.agreement.source import Path_
from slagen.i18n import N_

from .base import TargetError

Mode = Literal["up", "down", "half-up"]

ONE = Decimal(1)
CENT = Decimal("0.01")
HUNDRED = Fraction(100)

#: The rounding rules, as stated in derivations and in the README.
WHOLE_UP = N_("rounded up to a whole number")
MONEY = N_("to the cent, half-up")
EXACT = N_("exact (no rounding)")
TWO_PLACES = N_("to 2 decimal places, half-up")
AS_SET = N_("as set in the agreement")


def frac(d: Decimal | int) -> Fraction:
    """``d`` as an exact fraction."""
    return Fraction(d)


def _round_int(q: Fraction, mode: Mode) -> int:
    if mode == "up":
        return -((-q.numerator) // q.denominator)
    if mode == "down":
        return q.numerator // q.denominator
    half = Fraction(1, 2)
    return int((q + half) // 1) if q >= 0 else -int((-q + half) // 1)


def round_to(x: Fraction, quantum: Decimal, mode: Mode) -> Decimal:
    """``x`` rounded to a multiple of ``quantum`` (a power of ten) by ``mode``, exactly."""
    exp = quantum.as_tuple().exponent
    assert isinstance(exp, int)
    n = _round_int(x / Fraction(quantum), mode)
    return Decimal(f"{n}E{exp}")


def whole_up(x: Fraction) -> Decimal:
    """``x`` rounded up to a whole number."""
    return round_to(x, ONE, "up")


def cents(x: Fraction) -> Decimal:
    """``x`` to the cent, half-up."""
    return round_to(x, CENT, "half-up")


def exact(x: Fraction) -> Decimal:
    """``x`` as an exact decimal; ``ValueError`` when its expansion does not end."""
    d = x.denominator
    twos = fives = 0
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    if d != 1:
        raise ValueError(f"{x} has no finite decimal expansion")
    places = max(twos, fives)
    return Decimal(f"{x.numerator * 10**places // x.denominator}E-{places}")


def largest_remainder(parts: Sequence[Fraction], total: Decimal, quantum: Decimal) -> list[Decimal]:
    """Round ``parts`` to multiples of ``quantum`` so that they add up to ``total``.

    Each part is first rounded down; the units still missing go one each to the
    parts with the largest remainders (ties: the earlier part first).
    """
    q = Fraction(quantum)
    units = [p / q for p in parts]
    floors = [u.numerator // u.denominator for u in units]
    missing = int(Fraction(total) / q) - sum(floors)
    order = sorted(range(len(parts)), key=lambda i: (-(units[i] - floors[i]), i))
    for i in order[: max(missing, 0)]:
        floors[i] += 1
    exp = quantum.as_tuple().exponent
    return [Decimal(f"{n}E{exp}") for n in floors]


def divide(a: Fraction, b: Fraction, path: Path_, what: str) -> Fraction:
    """``a / b``, or a :class:`TargetError` at ``path`` naming ``what`` when ``b`` is zero."""
    if b == 0:
        raise TargetError(path, f"{what} is zero, and it is a divisor: expected a value above zero")
    return a / b


def fmt(d: Decimal) -> str:
    """A decimal as written in a derivation: as stored (``5000.00`` stays so), no exponent."""
    return format(d, "f")


def pct(d: Decimal) -> str:
    """A percentage as written in a derivation."""
    return f"{fmt(d)}%"
