"""The meaning of an agreement: references resolve, dates are ordered, terms make sense.

Structure and types are the model's job; this pass checks what only the whole
agreement can tell, and returns every problem at the line it comes from.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .errors import Problem
from .model import Agreement
from .period import parse_period
from .source import Path_, Source


def semantic_problems(a: Agreement, src: Source, file: Path) -> list[Problem]:
    """Every semantic problem in ``a`` (errors and warnings)."""
    out: list[Problem] = []

    def err(path: Path_, message: str, severity: str = "error") -> None:
        out.append(src.problem(path, message, severity=severity))

    # ids are unique
    def unique(items: list[tuple[Path_, str]], what: str) -> None:
        counts = Counter(i for _, i in items)
        seen: set[str] = set()
        for path, ident in items:
            if counts[ident] > 1 and ident in seen:
                err(path, f"{what} id {ident!r} is used more than once")
            seen.add(ident)

    parties = {p.id for p in a.parties}
    people = {person.id for p in a.parties for person in p.people}
    unique([(("parties", i, "id"), p.id) for i, p in enumerate(a.parties)], "party")
    unique(
        [
            (("parties", i, "people", j, "id"), person.id)
            for i, p in enumerate(a.parties)
            for j, person in enumerate(p.people)
        ],
        "person",
    )
    unique([(("goals", i, "id"), g.id) for i, g in enumerate(a.goals)], "goal")
    unique([(("reports", i, "id"), r.id) for i, r in enumerate(a.reports)], "report")

    def ref_party(path: Path_, ident: str) -> None:
        if ident not in parties:
            err(path, f"expected a party id ({', '.join(sorted(parties))}), got {ident!r}")

    def ref_person(path: Path_, ident: str) -> None:
        if ident not in people:
            err(path, f"expected a person id ({', '.join(sorted(people))}), got {ident!r}")

    # kinds and parties
    providers = [p for p in a.parties if "provider" in p.roles]
    consumers = [p for p in a.parties if "consumer" in p.roles]
    if not providers or not consumers:
        err(("parties",), "expected at least one provider and one consumer among the parties")
    if a.kind in ("customer", "internal") and len(a.parties) != 2:
        err(
            ("parties",),
            f"a {a.kind} agreement has exactly 2 parties, got {len(a.parties)}; "
            "use kind: multi-level for more",
        )
    if a.kind == "multi-level" and len(providers) < 2 and len(consumers) < 2:
        err(
            ("kind",),
            "a multi-level agreement has more than one provider or more than one "
            "consumer; this one has one of each",
        )
    for i, p in enumerate(a.parties):
        if p.lead not in {person.id for person in p.people}:
            err(
                ("parties", i, "lead"),
                f"expected one of the party's own people "
                f"({', '.join(person.id for person in p.people)}), got {p.lead!r}",
            )

    # the term
    t = a.term
    if t.end <= t.start:
        err(("term", "end"), f"expected a date after the start ({t.start}), got {t.end}")
    period = parse_period(t.period)
    if period.start < t.start or period.end > t.end:
        err(
            ("term", "period"),
            f"expected a period within the term ({t.start} to {t.end}), "
            f"got {t.period} ({period.start} to {period.end})",
        )

    # goals
    for i, g in enumerate(a.goals):
        ref_party(("goals", i, "party"), g.party)
        for j, other in enumerate(g.shared_with):
            ref_party(("goals", i, "shared_with", j), other)
            if other == g.party:
                err(("goals", i, "shared_with", j), f"a goal is not shared with its own party {other!r}")
        if g.owner is not None:
            ref_person(("goals", i, "owner"), g.owner)

    for i, r in enumerate(a.requirements):
        ref_party(("requirements", i, "party"), r.party)
        ref_party(("requirements", i, "from_party"), r.from_party)
        if r.party == r.from_party:
            err(("requirements", i, "from_party"), "expected another party than the one that needs it")
    for i, c in enumerate(a.contacts):
        ref_person(("contacts", i, "person"), c.person)
    for i, rep in enumerate(a.reports):
        ref_person(("reports", i, "from_person"), rep.from_person)
        ref_person(("reports", i, "to_person"), rep.to_person)
        for j, v in enumerate(rep.visible_to):
            ref_party(("reports", i, "visible_to", j), v)
    for i, who in enumerate(a.missed_goals.diagnosed_by):
        ref_person(("missed_goals", "diagnosed_by", i), who)

    # review dates
    rv = a.review
    if rv.mid_term is not None and not t.start < rv.mid_term < t.end:
        err(
            ("review", "mid_term"),
            f"expected a date inside the term ({t.start} to {t.end}), got {rv.mid_term}",
        )
    if rv.mid_term is not None and rv.mid_term >= rv.end_of_term:
        err(
            ("review", "end_of_term"),
            f"expected a date after the mid-term review ({rv.mid_term}), got {rv.end_of_term}",
        )

    # sign-off
    seen_signers: set[str] = set()
    for i, s in enumerate(a.sign_off):
        ref_person(("sign_off", i, "person"), s.person)
        if s.person in seen_signers:
            err(("sign_off", i, "person"), f"{s.person!r} is already a signatory")
        seen_signers.add(s.person)

    # rates used as divisors
    inp = a.inputs
    if inp.funnel is not None:
        f = inp.funnel
        for key in ("average_deal_size", "close_rate"):
            if getattr(f, key) <= 0:
                err(
                    ("inputs", "funnel", key),
                    f"expected a value above zero (it is a divisor), got {getattr(f, key)}",
                )
        for j, stage in enumerate(f.stages):
            if stage.rate <= 0:
                err(
                    ("inputs", "funnel", "stages", j, "rate"),
                    f"expected a rate above zero (it is a divisor), got {stage.rate}",
                )
    for j, tier in enumerate(inp.lead_tiers):
        if tier.close_rate <= 0:
            err(
                ("inputs", "lead_tiers", j, "close_rate"),
                f"expected a rate above zero (it is a divisor), got {tier.close_rate}",
            )
    if inp.lead_tiers and sum(t.share_of_customers for t in inp.lead_tiers) != 100:
        total = sum(t.share_of_customers for t in inp.lead_tiers)
        err(("inputs", "lead_tiers"), f"expected the tiers' share_of_customers to add up to 100, got {total}")
    if inp.service_credits is not None:
        sc = inp.service_credits
        if not sc.tiers and sc.linear is None:
            err(("inputs", "service_credits"), "expected 'tiers', 'linear' or both")
        if sc.linear is not None and sc.linear.per_step <= 0:
            err(
                ("inputs", "service_credits", "linear", "per_step"),
                "expected a step above zero (it is a divisor)",
            )
        if sc.basis == "availability" and inp.availability is None:
            err(("inputs", "service_credits", "basis"), "availability credits need inputs.availability")

    # presentation
    if a.presentation.logo is not None:
        base = file.resolve().parent
        logo = (base / a.presentation.logo).resolve()
        if not logo.is_relative_to(base):
            err(
                ("presentation", "logo"),
                f"expected a path inside the agreement's folder, got "
                f"{a.presentation.logo!r}, which leads outside it",
            )
        elif not logo.is_file():
            err(
                ("presentation", "logo"),
                f"expected an image file, got {a.presentation.logo!r}, which does not exist",
            )

    if not out:
        out.extend(_target_problems(a, src))
    return out


def _target_problems(a: Agreement, src: Source) -> list[Problem]:
    """Computed targets resolve, and their inputs give no division by zero."""
    from .targets import TargetError, compute_targets

    out: list[Problem] = []
    try:
        targets = compute_targets(a)
    except TargetError as exc:
        return [src.problem(exc.path, exc.message)]
    for i, g in enumerate(a.goals):
        name = g.target.computed
        if name is not None and name not in targets.values:
            hint = ""
            import difflib

            close = difflib.get_close_matches(name, list(targets.values), n=1)
            if close:
                hint = f" (did you mean {close[0]!r}?)"
            available = ", ".join(sorted(targets.values)) or "none: the agreement has no inputs"
            out.append(
                src.problem(
                    ("goals", i, "target", "computed"),
                    f"no computed target named {name!r}{hint}; available: {available}",
                )
            )
    for w in targets.warnings:
        out.append(src.problem(w.path, w.message, severity="warning"))
    return out
