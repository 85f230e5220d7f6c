"""The clause sections of the model: `init` writes them, `schema` describes them, `check` checks
their references, with the line of each problem."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import at, run

from slagen.agreement.load import load_agreement

CLAUSE_KEYS = {
    "definitions",
    "measurement",
    "claims",
    "exclusions",
    "remedies",
    "governing_law",
    "notices",
    "precedence",
    "amendments",
    "counterparts",
    "confidentiality",
    "data_protection",
    "escalation",
}


def test_schema_describes_every_clause_section() -> None:
    result = run("schema")
    schema = json.loads(result.stdout)
    clauses = schema["$defs"]["Clauses"]["properties"]
    assert set(clauses) == CLAUSE_KEYS
    assert all(p.get("description") for p in clauses.values())
    assert "capacity" in schema["$defs"]["Signatory"]["properties"]
    assert "phone" in schema["$defs"]["Person"]["properties"]
    assert schema["properties"]["clauses"]["description"].startswith("The standard clauses")


def test_init_customer_agreement_has_every_clause_with_comments(tmp_path: Path) -> None:
    target = tmp_path / "new.yaml"
    run("init", str(target), "--kind", "customer", "--style", "legal-narrative")
    text = target.read_text(encoding="utf-8")
    a = load_agreement(target).agreement
    assert a.clauses is not None
    filled = {k for k in CLAUSE_KEYS if getattr(a.clauses, k)}
    assert filled == CLAUSE_KEYS
    assert "  # The claims procedure for service credits.\n  claims:\n" in text
    assert (
        "    # The party (by id) that claims credits (usually the customer).\n    claimant: customer\n"
        in text
    )


def _customer(tmp_path: Path) -> tuple[Path, str]:
    target = tmp_path / "a.yaml"
    run("init", str(target), "--kind", "customer", "--style", "tabular")
    return target, target.read_text(encoding="utf-8")


def test_check_reports_unknown_people_and_parties_in_clauses(tmp_path: Path) -> None:
    target, text = _customer(tmp_path)
    text = text.replace("    claimant: customer\n", "    claimant: custmer\n")
    text = text.replace("      person: casey\n", "      person: nobody\n", 1)
    target.write_text(text, encoding="utf-8")
    result = run("check", str(target))
    assert result.exit_code == 1
    assert f"{target}:{at(text, 'claimant: custmer', 'custmer')}: clauses.claims.claimant: " in result.stderr
    assert (
        "expected a party id (customer, provider), got 'custmer' (did you mean 'customer'?)" in result.stderr
    )
    assert f"{target}:{at(text, 'person: nobody', 'nobody')}: clauses.escalation[1].person: " in result.stderr


def test_check_wants_the_history_to_end_at_the_agreement_version(tmp_path: Path) -> None:
    target, text = _customer(tmp_path)
    text = text.replace('version: "0.1"\n', 'version: "0.2"\n', 1).replace(
        'version: "0.1"\n', "version: '0.1'\n"
    )
    target.write_text(text, encoding="utf-8")
    result = run("check", str(target))
    assert result.exit_code == 1
    assert (
        "clauses.amendments.history[0].version: expected the last version to be this agreement's "
        "version ('0.2'), got '0.1'" in result.stderr
    )


def test_check_rejects_a_phone_number_that_is_not_one(tmp_path: Path) -> None:
    target, text = _customer(tmp_path)
    text = text.replace('phone: "+1 555 010 0001"', "phone: call Pat", 1)
    target.write_text(text, encoding="utf-8")
    result = run("check", str(target))
    assert result.exit_code == 1
    assert "clauses.escalation[0].phone" in result.stderr
