"""Ids are unique among their kind: parties, people, goals, reports."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from slagen.agreement.source import Path_

from .registry import Context, Finding, check


def _repeated(items: list[tuple[Path_, str]], what: str) -> Iterator[Finding]:
    """A finding at each use of an id after its first."""
    counts = Counter(i for _, i in items)
    seen: set[str] = set()
    for path, ident in items:
        if counts[ident] > 1 and ident in seen:
            yield Finding(path, f"{what} id {ident!r} is used more than once")
        seen.add(ident)


@check("unique-ids", "party, person, goal and report ids are each used once")
def unique_ids(ctx: Context) -> Iterator[Finding]:
    """Every id used more than once, at its second and later uses."""
    a = ctx.agreement
    yield from _repeated([(("parties", i, "id"), p.id) for i, p in enumerate(a.parties)], "party")
    yield from _repeated(
        [
            (("parties", i, "people", j, "id"), person.id)
            for i, p in enumerate(a.parties)
            for j, person in enumerate(p.people)
        ],
        "person",
    )
    yield from _repeated([(("goals", i, "id"), g.id) for i, g in enumerate(a.goals)], "goal")
    yield from _repeated([(("reports", i, "id"), r.id) for i, r in enumerate(a.reports)], "report")
