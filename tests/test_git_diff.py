"""`slagen diff REV [REV2] [-- PATHS]` in real temporary git repositories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import example_text, run
from diff_helpers import BASE, PIPELINE_GOAL, SERVICE_PARTY, edit
from git_helpers import AGREEMENT, GitRepo


@pytest.fixture
def history(repo: GitRepo) -> GitRepo:
    """Four commits: the example, a quota change, a new party (multi-level), a reworded clause."""
    repo.commit("Sales and marketing SLA", {AGREEMENT: BASE})
    quota = edit(BASE, "sales_quota: 5000", "sales_quota: 6000")
    repo.commit("Raise the sales quota", {AGREEMENT: quota})
    party = edit(edit(quota, "\noverview:\n", "\n" + SERVICE_PARTY), "kind: internal", "kind: multi-level")
    repo.commit("Customer service joins", {AGREEMENT: party})
    clause = edit(
        party,
        "text: The agreement no longer has the support of both department heads",
        "text: The agreement no longer has the written support of all department heads",
    )
    repo.commit("Reword the cancellation clause", {AGREEMENT: clause})
    return repo


def section(output: str, title: str) -> list[str]:
    """The indented lines under ``title`` in the text output."""
    out = output.splitlines()
    start = out.index(title) + 1
    end = next((i for i in range(start, len(out)) if not out[i].startswith("    ")), len(out))
    return out[start:end]


def test_each_commit_reports_its_change_and_the_targets_that_moved(history: GitRepo) -> None:
    quota = run("diff", "HEAD~3", "HEAD~2")
    assert quota.exit_code == 1
    assert quota.stdout.splitlines()[:2] == [
        f"{AGREEMENT}: changed: Sales and Marketing Service-Level Agreement [sales-marketing]",
        f"  (HEAD~3:{AGREEMENT} -> HEAD~2:{AGREEMENT})",
    ]
    assert "    Leads needed per month: 100 -> 120 (+20%)" in section(quota.stdout, "  Targets that move:")
    assert section(quota.stdout, "  Terms that changed:") == ["    inputs.funnel.sales_quota: 5000 -> 6000"]
    assert quota.stderr == "1 agreement changed (HEAD~3 -> HEAD~2)\n"

    party = run("diff", "HEAD~2", "HEAD~1")
    assert party.exit_code == 1
    assert "  Targets that move:" not in party.stdout
    assert party.stdout.splitlines()[3:5] == [
        "    kind: internal -> multi-level",
        "  + parties[service]: added: Customer Service Department, Northwind Software Inc.",
    ]

    clause = run("diff", "HEAD~1", "HEAD")
    assert clause.stdout.splitlines()[2:] == [
        "  Wording:",
        "    cancellation.conditions[1].text:",
        "      The agreement no longer has the {+written+} support of [-both-] {+all+} department heads",
    ]

    whole = run("diff", "HEAD~3", "HEAD")
    assert "    Leads needed per month: 100 -> 120 (+20%)" in whole.stdout
    assert "  + parties[service]: added: Customer Service Department, Northwind Software Inc." in whole.stdout
    assert "{+written+}" in whole.stdout


def test_working_tree_against_head_by_default(history: GitRepo) -> None:
    clean = run("diff")
    assert (clean.exit_code, clean.stdout, clean.stderr) == (
        0,
        "",
        "no agreement changed (HEAD -> working tree)\n",
    )
    text = (history.root / AGREEMENT).read_text(encoding="utf-8")
    history.write(AGREEMENT, edit(text, "close_rate: 50%", "close_rate: 40%"))
    result = run("diff")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1] == f"  (HEAD:{AGREEMENT} -> {AGREEMENT})"
    assert "    Leads needed per month: 120 -> 150 (+25%)" in result.stdout
    assert result.stderr == "1 agreement changed (HEAD -> working tree)\n"
    since = run("diff", "HEAD~3")
    assert "    Leads needed per month: 100 -> 150 (+50%)" in since.stdout


def test_layout_only_changes_are_no_change(history: GitRepo) -> None:
    text = (history.root / AGREEMENT).read_text(encoding="utf-8")
    history.write(AGREEMENT, "# reviewed in October\n" + text.replace("close_rate: 50%", "close_rate: 50"))
    result = run("diff")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == (
        "no agreement changed; 1 file changed in layout or comments only (HEAD -> working tree)\n"
    )


def test_inserted_goal_between_commits_is_the_only_change(repo: GitRepo) -> None:
    repo.commit("base", {AGREEMENT: BASE})
    repo.commit("goal", {AGREEMENT: edit(BASE, "  - id: new-customers\n", PIPELINE_GOAL)})
    result = run("diff", "--format", "json", "HEAD~1", "HEAD")
    (a,) = json.loads(result.stdout)["agreements"]
    assert [(t["path"], t["change"]) for t in a["terms"]] == [("goals[pipeline-reviews]", "added")]
    assert a["targets"] == []


def test_added_removed_and_untracked_agreements(repo: GitRepo) -> None:
    second = "agreements/second.yaml"
    other = edit(BASE, "id: sales-marketing", "id: second")
    repo.commit("two agreements", {AGREEMENT: BASE, second: other})
    (repo.root / second).unlink()
    repo.write("agreements/third.yaml", edit(BASE, "id: sales-marketing", "id: third"))
    result = run("diff")
    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert f"{second}: removed agreement: Sales and Marketing Service-Level Agreement [second]" in out
    assert "agreements/third.yaml: new agreement: Sales and Marketing Service-Level Agreement [third]" in out
    assert "    Leads needed per month: — -> 100 (new)" in out
    assert "    Leads needed per month: 100 -> — (removed)" in out
    md = run("diff", "--format", "markdown").stdout.splitlines()
    assert "*New agreement `third`.*" in md
    assert "| Leads needed per month | — | 100 | new |" in md


def test_paths_limit_the_agreements_compared(repo: GitRepo) -> None:
    second = "agreements/second.yaml"
    repo.commit("two", {AGREEMENT: BASE, second: edit(BASE, "id: sales-marketing", "id: second")})
    for rel in (AGREEMENT, second):
        text = (repo.root / rel).read_text(encoding="utf-8")
        repo.write(rel, edit(text, "sales_quota: 5000", "sales_quota: 7000"))
    repo.commit("both")
    only = run("diff", "HEAD~1", "HEAD", "--", second)
    assert only.stdout.splitlines()[0].startswith(f"{second}: changed:")
    assert AGREEMENT not in only.stdout
    assert only.stderr == "1 agreement changed (HEAD~1 -> HEAD)\n"
    both = run("diff", "HEAD~1", "HEAD")
    assert both.stderr == "2 agreements changed (HEAD~1 -> HEAD)\n"
    # a path without '--' works as in git diff
    assert run("diff", "HEAD~1", second).stdout == run("diff", "HEAD~1", "--", second).stdout


def test_yaml_outside_agreements_is_not_read(repo: GitRepo) -> None:
    repo.commit("base", {AGREEMENT: BASE, ".pre-commit-config.yaml": "repos: []\n"})
    repo.write(".pre-commit-config.yaml", "repos: [1]\n")
    repo.write(".github/workflows/ci.yaml", "on: push\n")
    hidden = run("diff", "--", ".")
    assert (hidden.exit_code, hidden.stdout) == (0, "")
    repo.write("docs/ci.yaml", "on: push\n")
    default = run("diff")  # agreements/ only, as `slagen check`
    assert (default.exit_code, default.stdout) == (0, "")


def test_bad_revision_and_paths_are_errors_with_exit_code_2(history: GitRepo, tmp_path: Path) -> None:
    bad = run("diff", "no-such-branch")
    assert bad.exit_code == 2
    assert bad.stderr == (
        "Error: unknown revision or path: 'no-such-branch' is neither a commit of this repository "
        "nor a file in the working tree (put paths after '--')\n"
    )
    outside = run("diff", "HEAD", "--", str(tmp_path))
    assert outside.exit_code == 2
    assert outside.stderr == f"Error: {tmp_path} is outside the repository at {history.root}\n"


def test_outside_any_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    monkeypatch.chdir(tmp_path)
    result = run("diff", "HEAD~1")
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.stderr


def test_an_invalid_old_revision_is_named_rev_colon_path(repo: GitRepo) -> None:
    broken = edit(BASE, "  reporting_interval: month", "  reporting_intervl: month")
    repo.commit("broken", {AGREEMENT: broken})
    repo.commit("fixed", {AGREEMENT: BASE})
    result = run("diff", "HEAD~1", "HEAD")
    assert result.exit_code == 2
    assert (
        f"HEAD~1:{AGREEMENT}:12:3: term.reporting_intervl: unknown key 'reporting_intervl' "
        "(did you mean 'reporting_interval'?)\n"
    ) in result.stderr
    assert result.stdout == ""
    repo.write(AGREEMENT, broken)
    worktree = run("diff")
    assert worktree.exit_code == 2
    assert worktree.stderr.startswith(f"{AGREEMENT}:12:3: term.reporting_intervl: unknown key")


def test_a_subfolder_as_the_current_folder(history: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(history.root / "agreements")
    result = run("diff", "HEAD~3", "HEAD~2", "--", "sales-marketing.yaml")
    assert "    Leads needed per month: 100 -> 120 (+20%)" in result.stdout
    default = run("diff", "HEAD~3", "HEAD~2")
    assert default.stdout == result.stdout


def test_base_is_the_example_with_only_the_reps_hours_pinned() -> None:
    example = example_text().splitlines()
    differ = [(a, b) for a, b in zip(example, BASE.splitlines(), strict=True) if a != b]
    assert all(a.startswith("    hours_per_rep: ") and b == "    hours_per_rep: 60" for a, b in differ), (
        differ
    )


def test_pre_commit_hook_runs_slagen_check_on_agreements() -> None:
    import re

    import yaml
    from conftest import ROOT

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"]) == ("slagen-check", "slagen check", "python")
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])

    def selected(path: str) -> bool:
        return bool(files.search(path)) and not exclude.search(path)

    assert selected(AGREEMENT)
    assert not selected(".pre-commit-config.yaml")
    assert not selected("agreements/actuals/2026-10.yaml")
    assert not selected("docs/pr-diff-workflow.yml")
    result = run(*hook["entry"].split()[1:], str(ROOT / AGREEMENT))
    assert result.exit_code == 0, result.output


def test_the_example_workflow_runs_a_diff_this_cli_accepts(history: GitRepo) -> None:
    import shlex

    import yaml
    from conftest import ROOT

    workflow = yaml.safe_load((ROOT / "docs" / "pr-diff-workflow.yml").read_text(encoding="utf-8"))
    script = "\n".join(step.get("run", "") for step in workflow["jobs"]["diff"]["steps"])
    comment, redlines = [line for line in script.splitlines() if line.strip().startswith("slagen diff")]
    args = shlex.split(comment.split(">")[0].replace('"origin/${{ github.base_ref }}"', "HEAD~3"))
    assert args[:4] == ["slagen", "diff", "--format", "markdown"]
    result = run(*args[1:])
    assert result.exit_code == 1
    assert "| Leads needed per month | 100 | 120 | +20% |" in result.stdout.splitlines()
    # The next step builds the redline PDFs the workflow attaches (path: redlines/*.pdf).
    args = shlex.split(redlines.replace('"origin/${{ github.base_ref }}"', "HEAD~3"))
    assert args[:4] == ["slagen", "diff", "--format", "pdf"]
    result = run(*args[1:])
    assert result.exit_code == 1, result.output
    pdfs = sorted((history.root / "redlines").glob("*.pdf"))
    assert len(pdfs) == 1, result.output
    assert pdfs[0].read_bytes().startswith(b"%PDF")


def test_a_revision_is_checked_with_its_own_logo_file(repo: GitRepo) -> None:
    with_logo = edit(BASE, "  page_size: A4\n", "  page_size: A4\n  logo: img/logo.png\n")
    repo.commit("logo", {AGREEMENT: with_logo, "agreements/img/logo.png": "not really a png"})
    (repo.root / "agreements/img/logo.png").unlink()
    repo.commit("no logo", {AGREEMENT: BASE})
    result = run("diff", "HEAD~1", "HEAD")
    assert result.exit_code == 1, result.output
    assert "  - presentation.logo: removed: img/logo.png" in result.stdout.splitlines()
    repo.commit("logo again, without its file", {AGREEMENT: with_logo})
    missing = run("diff", "HEAD~1", "HEAD")
    assert missing.exit_code == 2
    assert missing.stderr.startswith(f"HEAD:{AGREEMENT}:")
    assert (
        "presentation.logo: expected an image file, got 'img/logo.png', which does not exist"
        in missing.stderr
    )


def test_a_path_that_matches_nothing_is_a_usage_error(history: GitRepo) -> None:
    """Issue 12, item 16: a typo in a path must not pass a CI gate as "no agreement changed"."""
    result = run("diff", "--", "agreemnts/sales-marketing.yaml")
    assert result.exit_code == 2
    assert "agreemnts/sales-marketing.yaml matches no file" in result.output
    (history.root / AGREEMENT).unlink()  # deleted in the working tree, still in HEAD: a real path
    assert run("diff", "--", AGREEMENT).exit_code == 1
    assert run("diff", "HEAD~1", "HEAD", "--", "agreements").exit_code == 1
