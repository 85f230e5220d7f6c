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
