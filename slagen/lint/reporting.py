"""Reporting lines: both teams see both reports, and every pair reports both ways."""

from __future__ import annotations

from collections.abc import Iterator

from .registry import Context, Finding, rule


@rule("SLA012", "report-not-shared", "a report not visible to every party")
def report_not_shared(ctx: Context) -> Iterator[Finding]:
    """Each report is visible to all parties, so both sides see both sides' figures."""
    a = ctx.agreement
    parties = [p.id for p in a.parties]
    for i, r in enumerate(a.reports):
        hidden = [p for p in parties if p not in r.visible_to]
        if hidden:
            yield Finding(
                ("reports", i, "visible_to"),
                f"report {r.id!r} is not visible to {', '.join(hidden)}: both teams need access "
                "to both teams' reports",
            )


@rule("SLA013", "report-one-way", "two teams linked by a requirement without reports both ways")
def report_one_way(ctx: Context) -> Iterator[Finding]:
    """In internal and multi-level agreements, teams that depend on each other report both ways.

    Pairs are the parties a requirement links (one needs something from the other).
    A customer agreement is left alone: customers seldom report to their supplier.
    """
    a = ctx.agreement
    if a.kind == "customer":
        return
    flows = {(a.party_of(r.from_person).id, a.party_of(r.to_person).id) for r in a.reports}
    pairs = sorted({tuple(sorted((r.party, r.from_party))) for r in a.requirements})
    where = ("reports",) if a.reports else ("requirements",)
    for one, other in pairs:
        for src, dst in ((one, other), (other, one)):
            if (src, dst) not in flows:
                yield Finding(
                    where,
                    f"no report from {src} to {dst}: each side of a working relationship reports to "
                    "the other",
                )
