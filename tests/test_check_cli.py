"""`slagen check` through the CLI: valid examples, and errors that point at the line."""

from __future__ import annotations

from pathlib import Path

from conftest import AGREEMENTS, example_text, run


def test_examples_are_valid_in_strict_mode() -> None:
    result = run("check", "--strict", str(AGREEMENTS))
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.output


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    bad = tmp_path / "a.yaml"
    bad.write_text(example_text().replace("  reporting_interval: month", "  reporting_intervl: month"))
    result = run("check", str(bad))
    assert result.exit_code == 1
    assert (
        f"{bad}:12:3: term.reporting_intervl: unknown key 'reporting_intervl' "
        "(did you mean 'reporting_interval'?)"
    ) in result.output


def test_check_defaults_to_the_agreements_folder(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(AGREEMENTS.parent)
    result = run("check")
    assert result.stdout == ""
    assert f"checked {len(list(AGREEMENTS.glob('*.yaml')))} agreements:" in result.stderr


def test_errors_go_to_stderr_and_nothing_to_stdout(tmp_path: Path) -> None:
    bad = tmp_path / "a.yaml"
    bad.write_text(example_text().replace("kind: internal", "kind: internl"))
    result = run("check", str(bad))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"{bad}:6:7: kind: expected one of 'customer', 'internal' or 'multi-level', got 'internl' "
        "(did you mean 'internal'?)\n1 error\n"
    )


def test_a_folder_skips_hidden_files_and_actuals(tmp_path: Path) -> None:
    (tmp_path / "actuals").mkdir()
    (tmp_path / "actuals" / "2026-10.yaml").write_text("not: an agreement\n")
    (tmp_path / ".draft.yaml").write_text("not: an agreement\n")
    (tmp_path / "a.yml").write_text(example_text("paper-supplier"))
    result = run("check", "--strict", str(tmp_path))
    assert (result.exit_code, result.stderr) == (0, "checked 1 agreement: 0 errors, 0 warnings\n")


def test_a_folder_inside_a_folder_named_actuals_is_checked(tmp_path: Path) -> None:
    """Only the searched folder's own ``actuals/`` (and ``*.actuals.yaml``) are data: a folder
    named ``actuals`` above it is just where it lies."""
    folder = tmp_path / "actuals" / "agreements"
    (folder / "actuals").mkdir(parents=True)
    (folder / "a.yaml").write_text(example_text("paper-supplier"))
    (folder / "team").mkdir()
    (folder / "team" / "b.yaml").write_text(example_text("it-service"))
    (folder / "actuals" / "2026-10.yaml").write_text("not: an agreement\n")
    (folder / "b.actuals.yaml").write_text("not: an agreement\n")
    result = run("check", "--strict", str(folder))
    assert (result.exit_code, result.stderr) == (0, "checked 2 agreements: 0 errors, 0 warnings\n")
