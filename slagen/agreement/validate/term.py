"""Dates in order: the term, its period, the reviews."""

from __future__ import annotations

from collections.abc import Iterator

from slagen.agreement.period import in_term

from .registry import Context, Finding, check


@check("term-dates", "the term ends after it starts, and its period overlaps it (a range lies within it)")
def term_dates(ctx: Context) -> Iterator[Finding]:
    """The term's end after its start; the period (e.g. 2026-Q4) overlaps the term, and a range
    (2026-11-15..2026-11-30) lies within it."""
    t = ctx.agreement.term
    if t.end <= t.start:
        yield Finding(("term", "end"), f"expected a date after the start ({t.start}), got {t.end}")
    try:
        in_term(t.period, t.start, t.end)
    except ValueError as exc:
        yield Finding(("term", "period"), str(exc))


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
