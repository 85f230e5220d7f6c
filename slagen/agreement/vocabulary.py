"""The closed vocabularies of an agreement: the words a field such as ``kind`` or a style may be.

Kept apart from :mod:`slagen.agreement.model` so that the command line can offer them as
choices (and print its help) without building the pydantic model.
"""

from __future__ import annotations

from typing import Literal

Interval = Literal["day", "week", "month", "quarter", "year"]
Kind = Literal["customer", "internal", "multi-level"]
Style = Literal["two-column", "tabular", "visual", "legal-narrative", "bulleted", "summary-first"]
Format = Literal["pdf", "docx", "html"]
PluralCategory = Literal["zero", "one", "two", "few", "many", "other"]
PLURAL_CATEGORIES: tuple[str, ...] = ("zero", "one", "two", "few", "many", "other")
Stage = Literal[
    # a sales and marketing funnel
    "goals",
    "qualification",
    "hand-off",
    "nurturing",
    "service",
    # an IT service
    "monitoring",
    "maintenance",
    "incident",
    "response",
    "resolution",
    "report",
    "credit",
    # a supply of goods
    "order",
    "delivery",
    "confirmation",
    "returns",
    "payment",
]
Measure = Literal["total", "average", "per-event", "share"]
Comparison = Literal["at-least", "at-most", "exactly"]
STYLES: tuple[str, ...] = ("two-column", "tabular", "visual", "legal-narrative", "bulleted", "summary-first")
