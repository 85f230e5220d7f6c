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


@check(
    "review-dates",
    "the reviews lie inside the term and not before the last signature, the mid-term one before "
    "the end-of-term one",
)
def review_dates(ctx: Context) -> Iterator[Finding]:
    """The mid-term review strictly inside the term, the end-of-term review inside it (on its last
    day at the latest), neither before the last signature date of ``sign_off`` (a review the
    agreement promises cannot be held before it is signed), and the mid-term review first."""
    a = ctx.agreement
    t, rv = a.term, a.review
    signed = [(s.signed_on, s.person) for s in a.sign_off if s.signed_on is not None]
    last = max(signed) if signed else None
    for key, day, inside in (
        ("mid_term", rv.mid_term, rv.mid_term is not None and t.start < rv.mid_term < t.end),
        ("end_of_term", rv.end_of_term, t.start < rv.end_of_term <= t.end),
    ):
        if day is None:
            continue
        if not inside:
            yield Finding(
                ("review", key), f"expected a date inside the term ({t.start} to {t.end}), got {day}"
            )
        elif last is not None and day < last[0]:
            yield Finding(
                ("review", key),
                f"expected a date on or after the last signature ({last[0]}, by {last[1]}), got {day}",
            )
    if rv.mid_term is not None and rv.mid_term >= rv.end_of_term:
        yield Finding(
            ("review", "end_of_term"),
            f"expected a date after the mid-term review ({rv.mid_term}), got {rv.end_of_term}",
        )
