"""Dates in order: the term, its period, the reviews."""

from __future__ import annotations

from collections.abc import Iterator

from slagen.agreement.period import parse_period

from .registry import Context, Finding, check


@check("term-dates", "the term ends after it starts, and its period lies within it")
def term_dates(ctx: Context) -> Iterator[Finding]:
    """The term's end after its start; the period (e.g. 2026-Q4) inside the term."""
    t = ctx.agreement.term
    if t.end <= t.start:
        yield Finding(("term", "end"), f"expected a date after the start ({t.start}), got {t.end}")
    period = parse_period(t.period)
    if period.start < t.start or period.end > t.end:
        yield Finding(
            ("term", "period"),
            f"expected a period within the term ({t.start} to {t.end}), "
            f"got {t.period} ({period.start} to {period.end})",
        )


@check("review-dates", "the mid-term review lies inside the term and before the end-of-term review")
def review_dates(ctx: Context) -> Iterator[Finding]:
    """The mid-term review inside the term, and before the end-of-term review."""
    t, rv = ctx.agreement.term, ctx.agreement.review
    if rv.mid_term is not None and not t.start < rv.mid_term < t.end:
        yield Finding(
            ("review", "mid_term"),
            f"expected a date inside the term ({t.start} to {t.end}), got {rv.mid_term}",
        )
    if rv.mid_term is not None and rv.mid_term >= rv.end_of_term:
        yield Finding(
            ("review", "end_of_term"),
            f"expected a date after the mid-term review ({rv.mid_term}), got {rv.end_of_term}",
        )
