"""The clause sections: the version history ends at this version, escalation levels rise,
each party has one notice address, a notice goes to one of the party's own people."""

from __future__ import annotations

from collections.abc import Iterator

from .registry import Context, Finding, check


@check("version-history", "the amendment history is in date order and ends at the agreement's version")
def version_history(ctx: Context) -> Iterator[Finding]:
    """The last entry of ``clauses.amendments.history`` is this version; dates never go back."""
    a = ctx.agreement
    if a.clauses is None or a.clauses.amendments is None:
        return
    history = a.clauses.amendments.history
    if history[-1].version != a.version:
        yield Finding(
            ("clauses", "amendments", "history", len(history) - 1, "version"),
            f"expected the last version to be this agreement's version ({a.version!r}), "
            f"got {history[-1].version!r}",
        )
    for j in range(1, len(history)):
        if history[j].date < history[j - 1].date:
            yield Finding(
                ("clauses", "amendments", "history", j, "date"),
                f"expected a date on or after the version before ({history[j - 1].date}), got {history[j].date}",
            )


@check("escalation-levels", "escalation levels rise one by one from 1")
def escalation_levels(ctx: Context) -> Iterator[Finding]:
    """Levels 1, 2, 3... in order, none skipped or repeated."""
    c = ctx.agreement.clauses
    if c is None or not c.escalation:
        return
    levels = [e.level for e in c.escalation]
    if levels != list(range(1, len(levels) + 1)):
        yield Finding(("clauses", "escalation"), f"expected levels 1 to {len(levels)} in order, got {levels}")


@check("notice-addresses", "one notice address per party, addressed to one of its own people")
def notice_addresses(ctx: Context) -> Iterator[Finding]:
    """A second address for a party, or notices for a party sent to another party's person."""
    a = ctx.agreement
    if a.clauses is None:
        return
    seen: set[str] = set()
    parties = {p.id for p in a.parties}
    for j, n in enumerate(a.clauses.notices):
        if n.party in seen:
            yield Finding(
                ("clauses", "notices", j, "party"), f"party {n.party!r} already has a notice address"
            )
        seen.add(n.party)
        people = {x.id for party in a.parties if party.id == n.party for x in party.people}
        if n.party in parties and people and n.attention not in people:
            yield Finding(
                ("clauses", "notices", j, "attention"),
                f"expected one of the people of {n.party!r} ({', '.join(sorted(people))}), got {n.attention!r}",
            )
