"""Scalar field types read strictly from the text the author wrote.

Every scalar reaches the model as a string (see :mod:`slagen.agreement.source`). These
types read that text as their field declares, or reject it with a message
that says what was expected and what was found. Nothing is coerced silently:
``012`` is not a whole number, ``1:20`` not a number, ``no`` not a boolean.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from slagen.util import scalars


def describe(value: Any) -> str:
    """How a found value is named in an error message."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (empty value)"
    return repr(value)


def _fail(expected: str, value: Any, note: str = "") -> PydanticCustomError:
    return PydanticCustomError(
        "slagen",
        "expected {expected}, got {found}{note}",
        {"expected": expected, "found": describe(value), "note": note},
    )


def _text(value: Any) -> Any:
    if isinstance(value, str) or value is None:
        return value
    raise _fail("text", value)


def _decimal(value: Any, expected: str = "a number") -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str):
        try:
            return scalars.number(value.strip())
        except scalars.Unreadable as exc:
            raise _fail(expected, value, exc.note) from None
    raise _fail(expected, value)


def _percent(value: Any) -> Decimal:
    if isinstance(value, str) and value.strip().endswith("%"):
        value = value.strip()[:-1].rstrip()
    d = _decimal(value, "a percentage such as 99.95 or 50%")
    if not Decimal(0) <= d <= Decimal(100):
        raise PydanticCustomError(
            "slagen", "expected a percentage from 0 to 100, got {found}", {"found": f"{d}"}
        )
    return d


def _integer(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        try:
            return scalars.whole(value.strip())
        except scalars.Unreadable as exc:
            raise _fail("a whole number", value, exc.note) from None
    raise _fail("a whole number", value)


def _date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return scalars.calendar_date(value.strip())
        except scalars.Unreadable as exc:
            raise _fail(exc.expected, value) from None
    raise _fail("a date written YYYY-MM-DD", value)


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return bool(value == "true")
    raise _fail("true or false", value)


_NUM_SCHEMA = {
    "anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^[+-]?(?:(?:0|[1-9]\d*)(?:\.\d+)?|\.\d+)$"}]
}
_PCT_SCHEMA = {
    "anyOf": [
        {"type": "number", "minimum": 0, "maximum": 100},
        {"type": "string", "pattern": r"^(?:100(?:\.0+)?|[1-9]?\d(?:\.\d+)?)\s*%?$"},
    ]
}

#: Free text; must not be empty.
Text = Annotated[str, BeforeValidator(_text), StringConstraints(strip_whitespace=True, min_length=1)]
#: An identifier other parts of the agreement refer to.
Slug = Annotated[str, BeforeValidator(_text), StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
#: An exact decimal number (money, counts of units, durations).
Dec = Annotated[Decimal, BeforeValidator(_decimal), WithJsonSchema(_NUM_SCHEMA)]
#: A percentage from 0 to 100; ``50`` and ``50%`` mean the same.
Pct = Annotated[Decimal, BeforeValidator(_percent), WithJsonSchema(_PCT_SCHEMA)]
#: A whole number written without a leading zero.
Int = Annotated[int, BeforeValidator(_integer), WithJsonSchema({"type": "integer"})]
#: A calendar date written ``YYYY-MM-DD``.
Date = Annotated[date, BeforeValidator(_date), WithJsonSchema({"type": "string", "format": "date"})]
#: ``true`` or ``false`` (never ``yes``/``no``/``on``/``off``).
Bool = Annotated[bool, BeforeValidator(_boolean), WithJsonSchema({"type": "boolean"})]
