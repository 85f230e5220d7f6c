"""`slagen textconv`: agreements as normalized text, and plain `git diff` configured to use it."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run
from diff_helpers import BASE, PIPELINE_GOAL, edit
from git_helpers import AGREEMENT, GitRepo

TEXTCONV = f"{shlex.quote(sys.executable)} -m slagen textconv"


def convert(tmp_path: Path, text: str, name: str = "a.yaml") -> str:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    result = run("textconv", str(p))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_terms_in_a_fixed_order_then_computed_targets(tmp_path: Path) -> None:
    out = convert(tmp_path, BASE).splitlines()
    assert out[:4] == [
        "Sales and Marketing Service-Level Agreement",
        "===========================================",
        "",
        "id: sales-marketing",
    ]
    i = out.index("inputs:")
    assert out[i : i + 8] == [
        "inputs:",
        "  currency: USD",
        "  funnel:",
        "    per: month",
        "    sales_quota: 5000",
        "    marketing_share: 100%",
        "    average_deal_size: 100",
        "    close_rate: 50%",
    ]
    assert "  [marketing]" in out
    assert "      [amir]" in out
    assert "  - party: marketing" in out  # requirements have no id
    i = out.index("computed targets (2026-Q4):")
    assert "  Leads needed per month [funnel.leads_needed]: 100" in out[i:]
    assert (
        "    = customers needed / lead-to-customer close rate (customers needed 50, close rate 50%); "
        "rounded up to a whole number"
    ) in out[i:]
    assert "  Qualified leads delivered to the head of sales, total over 2026-Q4: 300" in out


def test_the_same_terms_written_differently_give_the_same_bytes(tmp_path: Path) -> None:
    rewritten = "# a comment\n" + edit(BASE, 'version: "1.0"', "version: '1.0'")
    rewritten = edit(rewritten, "  diagnosed_by: [amir, kendra]", "  diagnosed_by:\n    - amir\n    - kendra")
    rewritten = edit(rewritten, "  notice_hours: 24", '  notice_hours: "24"')
    assert convert(tmp_path, BASE, "a.yaml") == convert(tmp_path, rewritten, "b.yaml")
    assert convert(tmp_path, BASE, "a.yaml") == convert(tmp_path, BASE, "c.yaml")


def test_a_version_that_does_not_validate_is_shown_raw_under_a_note(tmp_path: Path) -> None:
    broken = edit(BASE, "  reporting_interval: month", "  reporting_intervl: month")
    out = convert(tmp_path, broken)
    assert out.splitlines()[:2] == [
        "slagen textconv: this version of the agreement does not validate; its raw text follows.",
        "  line 12, column 3: term.reporting_intervl: unknown key 'reporting_intervl' "
        "(did you mean 'reporting_interval'?)",
    ]
    assert out.endswith(broken)
    not_yaml = convert(tmp_path, "id: [unclosed\n", "c.yaml")
    assert not_yaml.startswith("slagen textconv: this version of the agreement does not validate")
    assert not_yaml.endswith("id: [unclosed\n")


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    result = run("textconv", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert result.stderr == f"Error: cannot read {tmp_path / 'nope.yaml'}: No such file or directory\n"


def configure(repo: GitRepo) -> None:
    repo.commit(
        "slagen textconv for agreements",
        {".gitattributes": "agreements/*.yaml diff=slagen\n", AGREEMENT: BASE},
    )
    repo.git("config", "diff.slagen.textconv", TEXTCONV)


def changed_lines(diff: str) -> list[str]:
    return [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]


@pytest.mark.slow
def test_git_diff_shows_terms_and_targets(repo: GitRepo) -> None:
    configure(repo)
    repo.commit("quota", {AGREEMENT: edit(BASE, "sales_quota: 5000", "sales_quota: 6000")})
    diff = repo.git("diff", "HEAD~1", "HEAD")
    changed = changed_lines(diff)
    assert "-    sales_quota: 5000" in changed
    assert "+    sales_quota: 6000" in changed
    assert "-  Leads needed per month [funnel.leads_needed]: 100" in changed
    assert "+  Leads needed per month [funnel.leads_needed]: 120" in changed
    log = repo.git("log", "-p", "-1")
    assert "+  Leads needed per month [funnel.leads_needed]: 120" in log


@pytest.mark.slow
def test_git_diff_of_an_inserted_goal_adds_only_its_lines(repo: GitRepo) -> None:
    configure(repo)
    repo.commit("goal", {AGREEMENT: edit(BASE, "  - id: new-customers\n", PIPELINE_GOAL)})
    changed = changed_lines(repo.git("diff", "HEAD~1", "HEAD"))
    assert changed == [
        "+  [pipeline-reviews]",
        "+    party: sales",
        "+    metric: Weekly pipeline reviews held with marketing",
        "+    comparison: at-least",
        "+    target:",
        "+      value: 4",
        "+    unit: meetings",
        "+    interval: month",
        "+    owner: kendra",
        "+    accrues: false",
    ]


@pytest.mark.slow
def test_git_diff_from_a_broken_revision_still_shows_something(repo: GitRepo) -> None:
    configure(repo)
    broken = edit(BASE, "  reporting_interval: month", "  reporting_intervl: month")
    repo.commit("broken", {AGREEMENT: broken})
    repo.commit("fixed", {AGREEMENT: BASE})
    diff = repo.git("diff", "HEAD~1", "HEAD")
    changed = changed_lines(diff)
    assert changed[0] == (
        "-slagen textconv: this version of the agreement does not validate; its raw text follows."
    )
    assert "+Sales and Marketing Service-Level Agreement" in changed


@pytest.mark.slow
def test_textconv_runs_as_a_subprocess_without_a_repository(tmp_path: Path) -> None:
    p = tmp_path / "a.yaml"
    p.write_text(BASE, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "slagen", "textconv", str(p)], capture_output=True, text=True, check=False
    )
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout == run("textconv", str(p)).stdout
