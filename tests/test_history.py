"""`slagen history FILE`: version entries drafted from `git log` of the file, in a real repository."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import example_text, run
from git_helpers import GitRepo

FILE = "agreements/paper-supplier.yaml"


def test_one_entry_per_version_dated_by_its_first_commit(
    repo: GitRepo,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = example_text("paper-supplier")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-06-16T09:00:00+00:00")
    repo.commit(
        "First supply agreement for the office.", {FILE: text.replace('version: "2.1"', 'version: "1.0"', 1)}
    )
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-07-01T09:00:00+00:00")
    repo.commit("Fix a typo", {FILE: text.replace('version: "2.1"', 'version: "1.0"', 1) + "# typo fixed\n"})
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-06-15T09:00:00+00:00")
    repo.commit("Named contacts for the delivery confirmations", {FILE: text})
    result = run("history", FILE)
    assert result.exit_code == 0, result.output
    entries = yaml.safe_load(result.stdout)
    assert entries == [
        {
            "version": "1.0",
            "date": yaml.safe_load("2025-06-16"),
            "summary": "First supply agreement for the office",
        },
        {
            "version": "2.1",
            "date": yaml.safe_load("2026-06-15"),
            "summary": "Named contacts for the delivery confirmations",
        },
    ]
    assert result.stdout.startswith(f"# Versions of {FILE} from git log")


def test_a_file_never_committed_is_a_clear_error(repo: GitRepo) -> None:
    repo.commit("Something else", {"README.md": "x\n"})
    Path(FILE).parent.mkdir(exist_ok=True)
    Path(FILE).write_text(example_text("paper-supplier"), encoding="utf-8")
    result = run("history", FILE)
    assert result.exit_code == 2
    assert f"{FILE}: no commit of this file in git (commit it first)" in result.output
    assert "Traceback" not in result.output
