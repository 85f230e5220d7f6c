"""`slagen lint` through the CLI: each rule fires on a case made to break it, at its line,
and stays silent on the examples that follow the practice."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import AGREEMENTS, EXAMPLES, example_data, example_text, run

TODAY = "2026-11-27"


def lint(*args: str) -> tuple[int, list[str]]:
    """Run ``slagen lint`` on a fixed day; the exit code and the output's lines."""
    result = run("lint", "--today", TODAY, *args)
    return result.exit_code, result.output.splitlines()


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line of ``text`` that contains ``needle``."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "a.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def dump(tmp_path: Path, data: dict) -> tuple[Path, str]:  # type: ignore[type-arg]
    text = yaml.safe_dump(data, sort_keys=False)
    return write(tmp_path, text), text


def test_the_examples_are_the_five_agreements() -> None:
    # The parametrized test below runs once per example: an empty glob would pass it vacuously.
    assert [p.name for p in EXAMPLES] == [
        "it-service.yaml",
        "paper-supplier.yaml",
        "sales-marketing-service.yaml",
        "sales-marketing.yaml",
        "sprzedaz-marketing.yaml",
    ]


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_are_lint_clean(example: Path) -> None:
    code, lines = lint("--strict", str(example))
    assert code == 0, "\n".join(lines)
    assert lines == ["linted 1 agreement: 0 errors, 0 warnings"]


def test_five_nines_spells_out_the_downtime(tmp_path: Path) -> None:
    text = example_text("it-service").replace("    target: 99.95\n", "    target: 99.999\n", 1)
    p = write(tmp_path, text)
    code, lines = lint(str(p))
    assert code == 0
    n = line_of(text, "target: 99.999")
    assert lines == [
        f"{p}:{n}:13: inputs.availability.target: warning: SLA001 99.999% allows 5 min 16 s of downtime "
        "a year (365.25-day year, to the second, half-up): one misplaced 9 makes it 32 s; make sure "
        "the service can keep it",
        "linted 1 agreement: 0 errors, 1 warning",
    ]


def test_six_nines_and_a_literal_uptime_goal(tmp_path: Path) -> None:
    data = example_data("it-service")
    data["inputs"]["availability"]["target"] = "99.9999"
    data["goals"][0]["target"] = {"value": "99.9999"}
    p, _ = dump(tmp_path, data)
    _, lines = lint(str(p))
    found = [line.split(": warning: ")[1] for line in lines[:-1]]
    message = (
        "SLA001 99.9999% allows 32 s of downtime a year (365.25-day year, to the second, half-up): "
        "one misplaced 9 makes it 3 s; make sure the service can keep it"
    )
    assert found == [message, message]
    assert ": inputs.availability.target: warning" in lines[0]
    assert ": goals[0].target.value: warning" in lines[1]


@pytest.mark.parametrize(
    ("key", "rule", "reason"),
    [
        ("measured_by", "SLA002", "does not say how it is measured: add measured_by (the source)"),
        ("owner", "SLA003", "has no owner: name the person responsible (owner)"),
        (
            "interval",
            "SLA004",
            "has no interval: say whether the target is per day, week, month, quarter or year",
        ),
    ],
)
def test_goal_without_measure_owner_or_interval(tmp_path: Path, key: str, rule: str, reason: str) -> None:
    text = example_text()
    start = line_of(text, "- id: campaign-feedback")
    lines = text.splitlines(keepends=True)
    drop = next(i for i in range(start, len(lines)) if lines[i].strip().startswith(f"{key}:"))
    p = write(tmp_path, "".join(lines[:drop] + lines[drop + 1 :]))
    code, out = lint(str(p))
    assert code == 0
    assert out == [
        f"{p}:{start}:5: goals[5]: warning: {rule} goal 'campaign-feedback' {reason}",
        "linted 1 agreement: 0 errors, 1 warning",
    ]


def test_leads_goal_below_the_funnel(tmp_path: Path) -> None:
    text = example_text().replace("target: {computed: funnel.leads_needed}", "target: {value: 80}")
    p = write(tmp_path, text)
    code, lines = lint(str(p))
    n = line_of(text, "target: {value: 80}")
    assert code == 0
    assert lines[0] == (
        f"{p}:{n}:21: goals[0].target.value: warning: SLA005 goal 'qualified-leads' asks 80 leads a month, "
        "but the funnel recomputed from the inputs needs 100 (funnel.leads_needed: 100 a month): sales "
        "cannot reach its quota; use {computed: funnel.leads_needed}"
    )


def test_leads_goal_per_week_is_compared_over_the_period(tmp_path: Path) -> None:
    data = example_data()
    data["goals"][0].update(target={"value": "20"}, interval="week")
    p, _ = dump(tmp_path, data)
    _, lines = lint(str(p))
    # 2026-Q4 has 92 days: 300 leads / (92 / 7) weeks = 22.8..., so 23 a week
    assert (
        "SLA005 goal 'qualified-leads' asks 20 leads a week, but the funnel recomputed from the " in lines[0]
    )
    assert "needs 23 (funnel.leads_needed: 100 a month)" in lines[0]
    data["goals"][0]["target"] = {"value": "23"}
    p, _ = dump(tmp_path, data)
    assert lint(str(p))[1] == ["linted 1 agreement: 0 errors, 0 warnings"]


def test_leads_goal_equal_to_the_funnel_is_silent(tmp_path: Path) -> None:
    p = write(
        tmp_path, example_text().replace("target: {computed: funnel.leads_needed}", "target: {value: 100}")
    )
    assert lint("--strict", str(p)) == (0, ["linted 1 agreement: 0 errors, 0 warnings"])


def test_follow_up_over_capacity(tmp_path: Path) -> None:
    text = example_text().replace("hours_per_rep: 60", "hours_per_rep: 40")
    p = write(tmp_path, text)
    _, lines = lint(str(p))
    assert lines[0] == (
        f"{p}:{line_of(text, 'first_follow_up_minutes:')}:5: inputs.follow_up: warning: SLA006 50 leads per "
        "rep x 6 attempts x 10 minutes take 50 hours per rep a month, 125% of the 40 hours each rep has: "
        "add reps or hours, or lower the attempts"
    )


@pytest.mark.parametrize(
    ("drop", "rule", "path", "reason"),
    [
        (
            "unexpected_events",
            "SLA007",
            "unexpected_events",
            "no unexpected_events clause: say which events excuse a miss and which minimum standards still hold",
        ),
        (
            "cancellation",
            "SLA008",
            "cancellation",
            "no cancellation conditions: say when the agreement ends early (e.g. goals missed three months "
            "in a row)",
        ),
    ],
)
def test_missing_clauses(tmp_path: Path, drop: str, rule: str, path: str, reason: str) -> None:
    data = example_data()
    del data[drop]
    p, _ = dump(tmp_path, data)
    code, lines = lint(str(p))
    assert code == 0
    assert lines == [f"{p}:1:1: {path}: warning: {rule} {reason}", "linted 1 agreement: 0 errors, 1 warning"]


def test_no_mid_term_review(tmp_path: Path) -> None:
    data = example_data()
    del data["review"]["mid_term"]
    p, text = dump(tmp_path, data)
    _, lines = lint(str(p))
    assert lines[0] == (
        f"{p}:{line_of(text, '  end_of_term:')}:3: review: warning: SLA009 no mid-term review: set "
        "review.mid_term to a date inside the term"
    )


def test_party_without_signatory(tmp_path: Path) -> None:
    data = example_data()
    data["sign_off"] = [s for s in data["sign_off"] if s["person"] != "kendra"]
    p, text = dump(tmp_path, data)
    _, lines = lint(str(p))
    assert lines[0] == (
        f"{p}:{line_of(text, '- id: sales')}:3: parties[1]: warning: SLA010 party 'sales' has no signatory: "
        "add one of its people (kendra, raj) to sign_off"
    )


def test_review_date_past_depends_on_today(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = AGREEMENTS / "sales-marketing.yaml"
    n = line_of(example_text(), "end_of_term:")
    expected = (
        f"{p}:{n}:16: review.end_of_term: warning: SLA011 review.end_of_term 2026-12-15 is already past "
        "(today is 2026-12-16) and no later review is set: hold the review and schedule the next one"
    )
    assert run("lint", "--today", "2026-12-15", str(p)).output.splitlines()[0].endswith("0 warnings")
    assert run("lint", "--today", "2026-12-16", str(p)).output.splitlines()[0] == expected
    monkeypatch.setenv("SLAGEN_TODAY", "2026-12-16")
    assert run("lint", str(p)).output.splitlines()[0] == expected


def test_report_not_visible_to_both_teams(tmp_path: Path) -> None:
    text = example_text()
    at = line_of(text, "id: monthly-leads")
    lines = text.splitlines(keepends=True)
    vis = next(i for i in range(at, len(lines)) if "visible_to:" in lines[i])
    lines[vis] = "    visible_to: [marketing]\n"
    p = write(tmp_path, "".join(lines))
    _, out = lint(str(p))
    assert out[0] == (
        f"{p}:{vis + 1}:17: reports[1].visible_to: warning: SLA012 report 'monthly-leads' is not visible "
        "to sales: both teams need access to both teams' reports"
    )


def test_reports_one_way_only(tmp_path: Path) -> None:
    data = example_data()
    data["reports"] = [r for r in data["reports"] if r["id"] != "monthly-leads"]
    p, text = dump(tmp_path, data)
    _, lines = lint(str(p))
    assert lines == [
        f"{p}:{line_of(text, 'id: weekly-status')}:1: reports: warning: SLA013 no report from marketing to "
        "sales: each side of a working relationship reports to the other",
        "linted 1 agreement: 0 errors, 1 warning",
    ]


def test_customer_agreements_need_no_report_from_the_customer() -> None:
    code, lines = lint(str(AGREEMENTS / "paper-supplier.yaml"))
    assert (code, lines) == (0, ["linted 1 agreement: 0 errors, 0 warnings"])


def test_strict_fails_on_warnings_and_ignore_skips_a_rule(tmp_path: Path) -> None:
    data = example_data()
    del data["unexpected_events"]
    p, _ = dump(tmp_path, data)
    code, lines = lint("--strict", str(p))
    assert code == 1
    assert lines[-1] == "linted 1 agreement: 0 errors, 1 warning (--strict: warnings fail)"
    assert "SLA007" in lines[0]
    assert lint("--strict", "--ignore", "sla007", str(p)) == (0, ["linted 1 agreement: 0 errors, 0 warnings"])


def test_invalid_agreement_is_reported_like_check(tmp_path: Path) -> None:
    p = write(tmp_path, example_text().replace("  reporting_interval: month", "  reporting_intervl: month"))
    code, lines = lint(str(p))
    assert code == 1
    assert lines == [
        f"{p}:12:3: term.reporting_intervl: unknown key 'reporting_intervl' (did you mean 'reporting_interval'?)",
        "linted 1 agreement: 1 error, 0 warnings",
    ]


def test_usage_errors() -> None:
    result = run("lint", "--ignore", "SLA999")
    assert result.exit_code == 2
    assert "no lint rule 'SLA999'; the rules are SLA001, SLA002" in result.output
    result = run("lint", "--today", "27/11/2026")
    assert result.exit_code == 2
    assert "--today: expected a date written YYYY-MM-DD, got '27/11/2026'" in result.output


def test_rules_are_listed_with_ids() -> None:
    result = run("lint", "--rules")
    assert result.exit_code == 0
    ids = [line.split()[0] for line in result.output.splitlines()]
    assert ids == [f"SLA{n:03d}" for n in range(1, 20)]


def test_a_customer_agreement_without_its_essential_clauses(tmp_path: Path) -> None:
    text = example_text("it-service")
    text = text[: text.index("\nclauses:\n")] + "\n"
    p = write(tmp_path, text)
    code, lines = lint(str(p))
    assert code == 0
    # a finding about a mapping points at its first key, the line after its own
    kind, credits = line_of(text, "kind: customer"), line_of(text, "  service_credits:") + 1
    assert lines == [
        f"{p}:{kind}:7: kind: warning: SLA014 a customer agreement without clauses.measurement: say what "
        "counts as downtime (measurement.downtime) and how partial periods count "
        "(measurement.partial_periods); the formula of each goal is generated from it",
        f"{p}:{kind}:7: kind: warning: SLA016 a customer agreement without clauses.exclusions: list the "
        "causes that do not count against the provider (force-majeure, customer-equipment, "
        "customer-breach, beta-features, third-party)",
        f"{p}:{kind}:7: kind: warning: SLA017 a customer agreement without clauses.governing_law: name the "
        "law (law), the courts (courts) and whether they alone decide (exclusive)",
        f"{p}:{credits}:5: inputs.service_credits: warning: SLA015 service credits without clauses.claims: "
        "say who claims (claimant), how, within how many days (deadline_days), with what evidence, how "
        "fast the claim is decided (processing_days) and whether credits are automatic",
        "linted 1 agreement: 0 errors, 4 warnings",
    ]


def test_essential_clause_rules_leave_internal_agreements_alone(tmp_path: Path) -> None:
    p = write(tmp_path, example_text("sales-marketing"))
    code, lines = lint("--strict", str(p))
    assert (code, lines) == (0, ["linted 1 agreement: 0 errors, 0 warnings"])


def test_a_defined_term_no_text_uses_is_a_warning_at_its_definition(tmp_path: Path) -> None:
    text = example_text("it-service").replace(
        "    - term: Incident\n",
        "    - term: Service Window\n      meaning: a window of service\n    - term: Incident\n",
        1,
    )
    p = write(tmp_path, text)
    code, lines = lint(str(p))
    assert code == 0
    assert lines == [
        f"{p}:{line_of(text, 'term: Service Window')}:13: clauses.definitions[2].term: warning: SLA019 the "
        "defined term 'Service Window' is used by no text of the agreement: use it where the texts mean it, "
        "or drop its definition",
        "linted 1 agreement: 0 errors, 1 warning",
    ]
    # Used in another text (here a requirement), the term is silent again.
    used = text.replace("A named on-call contact", "A named on-call contact for each Service Window", 1)
    assert lint(str(write(tmp_path, used)))[1] == ["linted 1 agreement: 0 errors, 0 warnings"]


def test_a_defined_term_is_used_in_any_form_its_language_declines() -> None:
    from slagen.i18n import using
    from slagen.lint.terms import _pattern

    with using("pl-PL"):
        business_day = _pattern("Dzień Roboczy")  # the catalogue's forms: "dni roboczych" is no stem of it
        assert business_day.search("w ciągu pięciu dni roboczych od nieosiągnięcia celu")
        assert business_day.search("jednego Dnia Roboczego")
        assert not business_day.search("w każdy dzień tygodnia")
        lead = _pattern("Kwalifikowany Lead")  # no forms in the catalogue: the words with any ending
        assert lead.search("100 Kwalifikowanych Leadów miesięcznie")
    with using("en-GB"):
        assert _pattern("Business Hours").search("business-hours support for requests")
        assert _pattern("Incident").search("answers and resolves incidents within the times set")
