"""References by id: parties, people and goals named elsewhere exist."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from slagen.agreement.source import Path_, Source
from slagen.errors import Problem
from slagen.util.text import did_you_mean

from .registry import Context, Finding, check


@check("references", "every party, person and goal named by id exists")
def references(ctx: Context) -> Iterator[Finding]:
    """Every reference that does not resolve (see :func:`reference_findings`)."""
    yield from reference_findings(ctx.data)


def reference_problems(data: dict[str, Any], src: Source) -> list[Problem]:
    """Every reference to a party or a person that does not resolve, read from the plain data.

    Works on the data as written (not the model), so the references are checked even when
    the structure has errors elsewhere; a reference that is not text is left to the model.
    """
    return [src.problem(f.path, f.message, severity=f.severity) for f in reference_findings(data)]


def _items(data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    """The mappings of the list at ``data[key]`` with their index (others are skipped)."""
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _texts(value: Any) -> list[tuple[int, str]]:
    return [(i, v) for i, v in enumerate(value) if isinstance(v, str)] if isinstance(value, list) else []


def reference_findings(data: dict[str, Any]) -> Iterator[Finding]:
    """The findings of :func:`reference_problems`, in the order they are written."""
    parties_raw = _items(data, "parties")
    parties = {p["id"] for _, p in parties_raw if isinstance(p.get("id"), str)}
    people = {
        person["id"]
        for _, p in parties_raw
        for _, person in _items(p, "people")
        if isinstance(person.get("id"), str)
    }

    def unknown(path: Path_, ident: Any, known: set[str], what: str) -> Iterator[Finding]:
        if isinstance(ident, str) and known and ident not in known:
            yield Finding(
                path,
                f"expected a {what} id ({', '.join(sorted(known))}), got {ident!r}"
                + did_you_mean(ident, known),
            )

    def party(path: Path_, ident: Any) -> Iterator[Finding]:
        return unknown(path, ident, parties, "party")

    def person(path: Path_, ident: Any) -> Iterator[Finding]:
        return unknown(path, ident, people, "person")

    for i, p in parties_raw:
        own = [x["id"] for _, x in _items(p, "people") if isinstance(x.get("id"), str)]
        lead = p.get("lead")
        if isinstance(lead, str) and own and lead not in own:
            yield Finding(
                ("parties", i, "lead"),
                f"expected one of the party's own people ({', '.join(own)}), got {lead!r}"
                + did_you_mean(lead, own),
            )
    for i, g in _items(data, "goals"):
        yield from party(("goals", i, "party"), g.get("party"))
        for j, other in _texts(g.get("shared_with")):
            yield from party(("goals", i, "shared_with", j), other)
            if other == g.get("party"):
                yield Finding(
                    ("goals", i, "shared_with", j), f"a goal is not shared with its own party {other!r}"
                )
        yield from person(("goals", i, "owner"), g.get("owner"))
    for i, r in _items(data, "requirements"):
        yield from party(("requirements", i, "party"), r.get("party"))
        yield from party(("requirements", i, "from_party"), r.get("from_party"))
        if isinstance(r.get("party"), str) and r.get("party") == r.get("from_party"):
            yield Finding(
                ("requirements", i, "from_party"), "expected another party than the one that needs it"
            )
    for i, c in _items(data, "contacts"):
        yield from person(("contacts", i, "person"), c.get("person"))
    for i, rep in _items(data, "reports"):
        yield from person(("reports", i, "from_person"), rep.get("from_person"))
        yield from person(("reports", i, "to_person"), rep.get("to_person"))
        for j, v in _texts(rep.get("visible_to")):
            yield from party(("reports", i, "visible_to", j), v)
    goal_ids = {g["id"] for _, g in _items(data, "goals") if isinstance(g.get("id"), str)}
    missed = data.get("missed_goals")
    if isinstance(missed, dict):
        for i, who in _texts(missed.get("diagnosed_by")):
            yield from person(("missed_goals", "diagnosed_by", i), who)
        strikes = missed.get("strikes")
        if isinstance(strikes, dict):
            for j, ident in _texts(strikes.get("goals")):
                yield from unknown(("missed_goals", "strikes", "goals", j), ident, goal_ids, "goal")
    cancellation = data.get("cancellation")
    if isinstance(cancellation, dict):
        for i, c in _items(cancellation, "conditions"):
            for j, ident in _texts(c.get("goals")):
                yield from unknown(("cancellation", "conditions", i, "goals", j), ident, goal_ids, "goal")
    signers: set[str] = set()
    for i, signatory in _items(data, "sign_off"):
        signer = signatory.get("person")
        yield from person(("sign_off", i, "person"), signer)
        if isinstance(signer, str) and signer in signers:
            yield Finding(("sign_off", i, "person"), f"{signer!r} is already a signatory")
        if isinstance(signer, str):
            signers.add(signer)
    clauses = data.get("clauses")
    if isinstance(clauses, dict):
        claims = clauses.get("claims")
        if isinstance(claims, dict):
            yield from party(("clauses", "claims", "claimant"), claims.get("claimant"))
        for i, n in _items(clauses, "notices"):
            yield from party(("clauses", "notices", i, "party"), n.get("party"))
            yield from person(("clauses", "notices", i, "attention"), n.get("attention"))
        for i, e in _items(clauses, "escalation"):
            yield from person(("clauses", "escalation", i, "person"), e.get("person"))
