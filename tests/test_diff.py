"""`slagen diff OLD NEW` on two files: terms, moved targets, redlines; text, Markdown, JSON."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run
from diff_helpers import BASE, PIPELINE_GOAL, SERVICE_PARTY, edit

NEW_REQUIREMENT = """\
  - party: sales
    from_party: marketing
    text: A monthly list of the campaigns planned for the next quarter
  - party: sales
    from_party: marketing
    text: Qualified leads delivered"""


def versions(tmp_path: Path, new_text: str, old_text: str = BASE) -> tuple[str, str]:
    """Write the two versions and return their paths."""
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(old_text, encoding="utf-8")
    new.write_text(new_text, encoding="utf-8")
    return str(old), str(new)


def lines(output: str) -> list[str]:
    return output.splitlines()


def test_a_quota_change_shows_the_term_and_every_target_that_moves(tmp_path: Path) -> None:
    old, new = versions(tmp_path, edit(BASE, "sales_quota: 5000", "sales_quota: 6000"))
    result = run("diff", old, new)
    assert result.exit_code == 1
    out = lines(result.stdout)
    assert out[0] == f"{new}: changed: Sales and Marketing Service-Level Agreement [sales-marketing]"
    assert "    Leads needed per month: 100 -> 120 (+20%)" in out
    assert "    Customers needed per month: 50 -> 60 (+20%)" in out
    assert "    Marketing revenue goal per month: 5,000.00 USD -> 6,000.00 USD (+20%)" in out
    assert "    Qualified leads delivered to the head of sales, total over 2026-Q4: 300 -> 360 (+20%)" in out
    assert out[out.index("  Terms that changed:") + 1 :] == ["    inputs.funnel.sales_quota: 5000 -> 6000"]
    assert result.stderr == f"1 agreement changed ({old} -> {new})\n"


def test_relative_change_is_rounded_to_one_decimal_and_shares_move_in_points(tmp_path: Path) -> None:
    old, new = versions(tmp_path, edit(BASE, "close_rate: 50%", "close_rate: 60%"))
    out = lines(run("diff", old, new).stdout)
    # 50 customers / 60% = 83.3 -> 84 leads; 84 / 100 = -16%; 84 / 2 reps = 42 a rep
    assert "    Leads needed per month: 100 -> 84 (-16%)" in out
    assert "    Leads per rep per month: 50 -> 42 (-16%)" in out
    assert "    inputs.funnel.close_rate: 50% -> 60%" in out
    old, new = versions(tmp_path, edit(BASE, "average_deal_size: 100", "average_deal_size: 150"))
    out = lines(run("diff", old, new).stdout)
    # 5000 / 150 = 33.3 -> 34 customers: -32%; 34 / 50% = 68 leads
    assert "    Customers needed per month: 50 -> 34 (-32%)" in out
    assert "    Share of the reps' hours the follow-up needs per month: 83.33% -> 56.67% (-26.66 pp)" in out


def test_the_same_terms_written_differently_are_no_change(tmp_path: Path) -> None:
    rewritten = edit(BASE, "marketing_share: 100%", "marketing_share: 100  # all of it")
    rewritten = edit(rewritten, 'version: "1.0"', "version: '1.0'")
    rewritten = edit(rewritten, "close_rate: 50%", "close_rate: 50.0")
    old, new = versions(tmp_path, rewritten)
    result = run("diff", old, new)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == (
        f"no agreement changed; 1 file changed in layout or comments only ({old} -> {new})\n"
    )
    same = run("diff", old, old)
    assert (same.exit_code, same.stdout, same.stderr) == (0, "", f"no agreement changed ({old} -> {old})\n")


def test_inserting_a_goal_in_the_middle_reports_that_goal_only(tmp_path: Path) -> None:
    old, new = versions(tmp_path, edit(BASE, "  - id: new-customers\n", PIPELINE_GOAL))
    result = run("diff", old, new)
    assert result.exit_code == 1
    out = lines(result.stdout)
    terms = out[out.index("  Terms that changed:") + 1 :]
    assert terms == [
        "  + goals[pipeline-reviews]: added: Weekly pipeline reviews held with marketing",
        "  +     party: sales",
        "  +     metric: Weekly pipeline reviews held with marketing",
        "  +     comparison: at-least",
        "  +     target.value: 4",
        "  +     unit: meetings",
        "  +     interval: month",
        "  +     owner: kendra",
        "  +     accrues: false",
    ]
    assert "  Targets that move:" not in out


def test_inserting_a_requirement_without_id_reports_that_requirement_only(tmp_path: Path) -> None:
    old, new = versions(
        tmp_path,
        edit(
            BASE,
            "  - party: sales\n    from_party: marketing\n    text: Qualified leads delivered",
            NEW_REQUIREMENT,
        ),
    )
    out = lines(run("diff", old, new).stdout)
    assert out[out.index("  Terms that changed:") + 1 :] == [
        "  + requirements[2]: added: A monthly list of the campaigns planned for the next quarter",
        "  +     party: sales",
        "  +     from_party: marketing",
        "  +     text: A monthly list of the campaigns planned for the next quarter",
    ]


def test_adding_a_party_makes_a_multi_level_agreement(tmp_path: Path) -> None:
    changed = edit(BASE, "\noverview:\n", "\n" + SERVICE_PARTY)
    changed = edit(changed, "kind: internal", "kind: multi-level")
    old, new = versions(tmp_path, changed)
    result = run("diff", old, new)
    assert result.exit_code == 1, result.output
    out = lines(result.stdout)
    assert out[out.index("  Terms that changed:") + 1 :] == [
        "    kind: internal -> multi-level",
        "  + parties[service]: added: Customer Service Department, Northwind Software Inc.",
        "  +     name: Customer Service Department, Northwind Software Inc.",
        "  +     roles: consumer",
        "  +     description: Keeps new customers happy after the sale.",
        "  +     people[joan].name: Joan Brooks",
        "  +     people[joan].role: VP of Customer Service",
        "  +     people[joan].email: joan.brooks@northwind.example",
        "  +     lead: joan",
    ]
    back = run("diff", new, old)
    assert "  - parties[service]: removed: Customer Service Department, Northwind Software Inc." in lines(
        back.stdout
    )


def test_a_reworded_clause_is_redlined_word_by_word(tmp_path: Path) -> None:
    changed = edit(
        BASE,
        "text: Either party's goals are missed for the last three months in a row",
        "text: Either party's goals are missed for two consecutive months",
    )
    old, new = versions(tmp_path, changed)
    result = run("diff", "--no-color", old, new)
    out = lines(result.stdout)
    assert out[out.index("  Wording:") + 1 :] == [
        "    cancellation.conditions[0].text:",
        "      Either party's goals are missed for [-the last three-] {+two consecutive+} months "
        "[-in a row-]",
    ]
    assert "  Terms that changed:" not in out
    colored = run("diff", "--color", old, new)
    assert (
        "Either party's goals are missed for \x1b[31m\x1b[9mthe last three\x1b[0m "
        "\x1b[32m\x1b[4mtwo consecutive\x1b[0m months \x1b[31m\x1b[9min a row\x1b[0m"
    ) in colored.stdout


def test_markdown_is_ready_for_a_pull_request_comment(tmp_path: Path) -> None:
    changed = edit(BASE, "sales_quota: 5000", "sales_quota: 6000")
    changed = edit(
        changed, "that sales needs to meet its revenue quota", "that sales needs to reach its quota"
    )
    changed = edit(changed, "  - id: new-customers\n", PIPELINE_GOAL)
    old, new = versions(tmp_path, changed)
    result = run("diff", "--format", "markdown", old, new)
    assert result.exit_code == 1
    out = lines(result.stdout)
    assert out[:9] == [
        f"### Agreement changes: `{old}` -> `{new}`",
        "",
        f"#### Sales and Marketing Service-Level Agreement (`{new}`)",
        "",
        "**Targets that move**",
        "",
        "| target | old | new | change |",
        "|---|---:|---:|---:|",
        "| Marketing revenue goal per month | 5,000.00 USD | 6,000.00 USD | +20% |",
    ]
    assert "| Leads needed per month | 100 | 120 | +20% |" in out
    assert "| Share of the reps' hours the follow-up needs per month | 83.33% | 100.00% | +16.67 pp |" in out
    i = out.index("**Terms**")
    assert out[i : i + 6] == [
        "**Terms**",
        "",
        "| term | old | new |",
        "|---|---|---|",
        "| `inputs.funnel.sales_quota` | 5000 | 6000 |",
        "",
    ]
    assert out[i + 6] == "- **added** `goals[pipeline-reviews]`: Weekly pipeline reviews held with marketing"
    assert "  - target.value: 4" in out
    i = out.index("**Wording**")
    assert out[i + 2 : i + 5] == [
        "`overview.summary`",
        "",
        "> Marketing supplies the qualified leads that sales needs to ~~meet~~ **reach** its "
        "~~revenue~~ quota, and sales follows up every lead promptly and reports on what became of "
        "it, so that both teams work towards one revenue number.",
    ]
    assert out[-1].startswith("<sub>Change: relative, in percent, rounded half away from zero")


def test_markdown_escapes_what_markdown_would_read(tmp_path: Path) -> None:
    changed = edit(BASE, "Day-to-day questions on campaigns", "Day-to-day *urgent* questions | on campaigns")
    old, new = versions(tmp_path, changed)
    out = run("diff", "--format", "markdown", old, new).stdout
    assert "> Day-to-day **\\*urgent\\*** questions **\\|** on campaigns and lead scoring" in out


def test_json_is_stable_and_complete(tmp_path: Path) -> None:
    changed = edit(BASE, "sales_quota: 5000", "sales_quota: 6000")
    changed = edit(
        changed, "Notice of upcoming campaigns at least two weeks", "Notice of upcoming campaigns three weeks"
    )
    old, new = versions(tmp_path, changed)
    result = run("diff", "--format", "json", old, new)
    assert result.exit_code == 1
    assert result.stdout == run("diff", "--format", "json", old, new).stdout
    data = json.loads(result.stdout)
    assert list(data) == ["old", "new", "changed", "percent_rounding", "agreements", "unchanged"]
    (a,) = data["agreements"]
    assert (a["id"], a["status"], a["old"], a["new"]) == ("sales-marketing", "modified", old, new)
    leads = next(t for t in a["targets"] if t["name"] == "funnel.leads_needed")
    assert leads == {
        "name": "funnel.leads_needed",
        "label": "Leads needed per month",
        "unit": "leads",
        "old": "100",
        "new": "120",
        "change_percent": "20.0",
    }
    assert a["terms"] == [
        {"path": "inputs.funnel.sales_quota", "change": "changed", "old": "5000", "new": "6000"},
        {
            "path": "requirements[3].text",
            "change": "changed",
            "old": "Notice of upcoming campaigns at least two weeks before launch",
            "new": "Notice of upcoming campaigns three weeks before launch",
            "redline": [
                {"op": "=", "text": "Notice of upcoming campaigns"},
                {"op": "-", "text": "at least two"},
                {"op": "+", "text": "three"},
                {"op": "=", "text": "weeks before launch"},
            ],
        },
    ]


def test_a_removed_goal_and_a_reordered_list(tmp_path: Path) -> None:
    goals = BASE.split("\ngoals:\n")[1].split("\nrequirements:\n")[0]
    items = ["  - id:" + g for g in goals.split("  - id:")[1:]]
    reordered = [items[1], items[0], *items[2:5]]  # revenue first; campaign-feedback removed
    changed = BASE.replace(goals, "".join(reordered).rstrip("\n") + "\n")
    old, new = versions(tmp_path, changed)
    out = lines(run("diff", old, new).stdout)
    terms = out[out.index("  Terms that changed:") + 1 :]
    assert terms[0] == (
        "    goals: order qualified-leads, revenue, new-customers, follow-up-speed, follow-up-depth "
        "-> revenue, qualified-leads, new-customers, follow-up-speed, follow-up-depth"
    )
    assert (
        terms[1] == "  - goals[campaign-feedback]: removed: Joint review of lead quality and campaign results"
    )


def test_an_invalid_version_is_reported_at_its_line_with_exit_code_2(tmp_path: Path) -> None:
    old, new = versions(tmp_path, edit(BASE, "  reporting_interval: month", "  reporting_intervl: month"))
    result = run("diff", old, new)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"{new}:12:3: term.reporting_intervl: unknown key 'reporting_intervl' "
        "(did you mean 'reporting_interval'?)\n"
    )
    assert result.stderr.endswith(" error\n") or result.stderr.endswith(" errors\n")
    assert "Traceback" not in result.output


def test_a_missing_file_outside_a_repository_is_an_error(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    (tmp_path / "a.yaml").write_text(BASE, encoding="utf-8")
    result = run("diff", "a.yaml", "b.yaml")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {tmp_path} is not inside a git repository; to compare two files, "
        "name both: slagen diff OLD.yaml NEW.yaml\n"
    )
