"""The meaning of an agreement: references resolve, dates are ordered, terms make sense.

Structure and types are the model's job; this pass checks what only the whole
agreement can tell, and returns every problem at the line it comes from.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from slagen.agreement.model import Agreement
from slagen.agreement.period import parse_period
from slagen.agreement.source import Path_, Source, did_you_mean
from slagen.errors import Problem
from slagen.targets import TargetError, TargetSet, compute_targets


def semantic_problems(a: Agreement, src: Source, file: Path) -> list[Problem]:
    """Every semantic problem in ``a`` but those of its computed targets (see
    :func:`target_problems`, which needs inputs that make sense)."""
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

    data = src.data if isinstance(src.data, dict) else a.model_dump(mode="python")
    out.extend(reference_problems(data, src))
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

    # what a cancellation condition counts
    goals = {g.id: g for g in a.goals}
    for i, c in enumerate(a.cancellation.conditions if a.cancellation else []):
        at = ("cancellation", "conditions", i)
        if c.missed_in_a_row is None:
            for key in ("goals", "below"):
                if getattr(c, key) is not None:
                    err(
                        (*at, key), f"'{key}' says what 'missed_in_a_row' counts; this condition has no count"
                    )
        elif c.below is not None and c.goals is None:
            err((*at, "below"), "'below' needs 'goals': the goals whose actual it is compared with")
        if c.below is not None:
            for j, ident in enumerate(c.goals or []):
                goal = goals.get(ident)
                if goal is not None and goal.comparison != "at-least":
                    err(
                        (*at, "goals", j),
                        f"'below' counts falling under a floor, so its goals are compared 'at-least'; "
                        f"{ident!r} is '{goal.comparison}'",
                    )

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
    return out


def target_problems(a: Agreement, src: Source) -> tuple[TargetSet | None, list[Problem]]:
    """The targets for the term's period (without daily goal lines; None when they cannot be
    computed), and their problems: goals name targets that exist, no input divides by zero,
    and the targets' warnings (e.g. follow-up over capacity)."""
    out: list[Problem] = []
    try:
        targets = compute_targets(a, goal_lines=False)
    except TargetError as exc:
        return None, [src.problem(exc.path, exc.message)]
    for i, g in enumerate(a.goals):
        name = g.target.computed
        if name is not None and name not in targets.values:
            hint = did_you_mean(name, targets.values)
            available = (
                ", ".join(sorted(targets.values)) or "none: the agreement's inputs give no computed targets"
            )
            out.append(
                src.problem(
                    ("goals", i, "target", "computed"),
                    f"no computed target named {name!r}{hint}; available: {available}",
                )
            )
    for w in targets.warnings:
        out.append(src.problem(w.path, w.message, severity="warning"))
    return targets, out


def _items(data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    """The mappings of the list at ``data[key]`` with their index (others are skipped)."""
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _texts(value: Any) -> list[tuple[int, str]]:
    return [(i, v) for i, v in enumerate(value) if isinstance(v, str)] if isinstance(value, list) else []


def reference_problems(data: dict[str, Any], src: Source) -> list[Problem]:
    """Every reference to a party or a person that does not resolve, read from the plain data.

    Works on the data as written (not the model), so the references are checked even when
    the structure has errors elsewhere; a reference that is not text is left to the model.
    """
    out: list[Problem] = []
    parties_raw = _items(data, "parties")
    parties = {p["id"] for _, p in parties_raw if isinstance(p.get("id"), str)}
    people = {
        person["id"]
        for _, p in parties_raw
        for _, person in _items(p, "people")
        if isinstance(person.get("id"), str)
    }

    def check(path: Path_, ident: Any, known: set[str], what: str) -> None:
        if isinstance(ident, str) and known and ident not in known:
            out.append(
                src.problem(
                    path,
                    f"expected a {what} id ({', '.join(sorted(known))}), got {ident!r}"
                    + did_you_mean(ident, known),
                )
            )

    def party(path: Path_, ident: Any) -> None:
        check(path, ident, parties, "party")

    def person(path: Path_, ident: Any) -> None:
        check(path, ident, people, "person")

    for i, p in parties_raw:
        own = [x["id"] for _, x in _items(p, "people") if isinstance(x.get("id"), str)]
        lead = p.get("lead")
        if isinstance(lead, str) and own and lead not in own:
            out.append(
                src.problem(
                    ("parties", i, "lead"),
                    f"expected one of the party's own people ({', '.join(own)}), got {lead!r}"
                    + did_you_mean(lead, own),
                )
            )
    for i, g in _items(data, "goals"):
        party(("goals", i, "party"), g.get("party"))
        for j, other in _texts(g.get("shared_with")):
            party(("goals", i, "shared_with", j), other)
            if other == g.get("party"):
                out.append(
                    src.problem(
                        ("goals", i, "shared_with", j), f"a goal is not shared with its own party {other!r}"
                    )
                )
        person(("goals", i, "owner"), g.get("owner"))
    for i, r in _items(data, "requirements"):
        party(("requirements", i, "party"), r.get("party"))
        party(("requirements", i, "from_party"), r.get("from_party"))
        if isinstance(r.get("party"), str) and r.get("party") == r.get("from_party"):
            out.append(
                src.problem(
                    ("requirements", i, "from_party"), "expected another party than the one that needs it"
                )
            )
    for i, c in _items(data, "contacts"):
        person(("contacts", i, "person"), c.get("person"))
    for i, rep in _items(data, "reports"):
        person(("reports", i, "from_person"), rep.get("from_person"))
        person(("reports", i, "to_person"), rep.get("to_person"))
        for j, v in _texts(rep.get("visible_to")):
            party(("reports", i, "visible_to", j), v)
    goal_ids = {g["id"] for _, g in _items(data, "goals") if isinstance(g.get("id"), str)}
    missed = data.get("missed_goals")
    if isinstance(missed, dict):
        for i, who in _texts(missed.get("diagnosed_by")):
            person(("missed_goals", "diagnosed_by", i), who)
        strikes = missed.get("strikes")
        if isinstance(strikes, dict):
            for j, ident in _texts(strikes.get("goals")):
                check(("missed_goals", "strikes", "goals", j), ident, goal_ids, "goal")
    cancellation = data.get("cancellation")
    if isinstance(cancellation, dict):
        for i, c in _items(cancellation, "conditions"):
            for j, ident in _texts(c.get("goals")):
                check(("cancellation", "conditions", i, "goals", j), ident, goal_ids, "goal")
    signers: set[str] = set()
    for i, signatory in _items(data, "sign_off"):
        signer = signatory.get("person")
        person(("sign_off", i, "person"), signer)
        if isinstance(signer, str) and signer in signers:
            out.append(src.problem(("sign_off", i, "person"), f"{signer!r} is already a signatory"))
        if isinstance(signer, str):
            signers.add(signer)
    return out
