"""The clauses a realistic agreement has: unexpected events, cancellation, reviews, sign-off."""

from __future__ import annotations

from collections.abc import Iterator

from .registry import Context, Finding, rule


@rule("SLA007", "no-unexpected-events", "no unexpected-events clause")
def no_unexpected_events(ctx: Context) -> Iterator[Finding]:
    """Outages, weather and staffing problems happen; say what they excuse and what still holds."""
    if ctx.agreement.unexpected_events is None:
        yield Finding(
            ("unexpected_events",),
            "no unexpected_events clause: say which events excuse a miss and which minimum "
            "standards still hold",
        )


@rule("SLA008", "no-cancellation", "no cancellation condition")
def no_cancellation(ctx: Context) -> Iterator[Finding]:
    """An agreement that cannot end is kept alive after it stops working."""
    if ctx.agreement.cancellation is None:
        yield Finding(
            ("cancellation",),
            "no cancellation conditions: say when the agreement ends early "
            "(e.g. goals missed three months in a row)",
        )


@rule("SLA009", "no-mid-term-review", "no mid-term review")
def no_mid_term(ctx: Context) -> Iterator[Finding]:
    """A review halfway through catches drifting inputs before the term is lost."""
    if ctx.agreement.review.mid_term is None:
        yield Finding(("review",), "no mid-term review: set review.mid_term to a date inside the term")


@rule("SLA010", "party-not-signing", "a party with no signatory")
def party_not_signing(ctx: Context) -> Iterator[Finding]:
    """Every party agrees to the goals: each has someone in sign_off."""
    a = ctx.agreement
    signers = {s.person for s in a.sign_off}
    for i, p in enumerate(a.parties):
        if not signers & {person.id for person in p.people}:
            yield Finding(
                ("parties", i),
                f"party {p.id!r} has no signatory: add one of its people "
                f"({', '.join(person.id for person in p.people)}) to sign_off",
            )


@rule("SLA011", "review-past", "the last scheduled review date is already past")
def review_past(ctx: Context) -> Iterator[Finding]:
    """A review date in the past with none after it: the agreement is overdue for review."""
    rv = ctx.agreement.review
    dates = [("mid_term", rv.mid_term), ("end_of_term", rv.end_of_term)]
    upcoming = [d for _, d in dates if d is not None and d >= ctx.today]
    if upcoming:
        return
    key, last = max(((k, d) for k, d in dates if d is not None), key=lambda kd: kd[1])
    yield Finding(
        ("review", key),
        f"review.{key} {last} is already past (today is {ctx.today}) and no later review is "
        "set: hold the review and schedule the next one",
    )
