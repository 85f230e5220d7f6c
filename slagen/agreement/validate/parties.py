"""The parties fit the kind of agreement: who provides, who consumes, how many."""

from __future__ import annotations

from collections.abc import Iterator

from .registry import Context, Finding, check


@check("party-roles", "at least one provider and one consumer; as many parties as the kind allows")
def party_roles(ctx: Context) -> Iterator[Finding]:
    """A provider and a consumer; two parties for customer and internal agreements, more than
    one provider or consumer for multi-level ones."""
    a = ctx.agreement
    providers = [p for p in a.parties if "provider" in p.roles]
    consumers = [p for p in a.parties if "consumer" in p.roles]
    if not providers or not consumers:
        yield Finding(("parties",), "expected at least one provider and one consumer among the parties")
    if a.kind in ("customer", "internal") and len(a.parties) != 2:
        yield Finding(
            ("parties",),
            f"a {a.kind} agreement has exactly 2 parties, got {len(a.parties)}; use kind: multi-level for more",
        )
    if a.kind == "multi-level" and len(providers) < 2 and len(consumers) < 2:
        yield Finding(
            ("kind",),
            "a multi-level agreement has more than one provider or more than one consumer; this one has one of each",
        )
