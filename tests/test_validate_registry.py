"""The validation checks' registry: every check is named and described, and a new check is
one registered function whose findings `slagen check` reports at their line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import example_text, run

from slagen.agreement.validate import CHECKS, Context, Finding, check


def test_every_check_has_a_name_a_summary_and_a_docstring() -> None:
    assert len(CHECKS) >= 10
    for name, c in CHECKS.items():
        assert c.name == name and name == name.lower() and " " not in name
        assert c.summary and c.run.__doc__, name


def test_a_registered_check_is_run_by_slagen_check_and_points_at_its_line(tmp_path: Path) -> None:
    text = example_text("paper-supplier")

    @check("test-title", "a check added by a test")
    def title(ctx: Context) -> Iterator[Finding]:
        """Finds the title, always."""
        yield Finding(("title",), "found by the test check")

    try:
        p = tmp_path / "a.yaml"
        p.write_text(text, encoding="utf-8")
        result = run("check", str(p))
    finally:
        del CHECKS["test-title"]
    line = next(n for n, s in enumerate(text.splitlines(), 1) if s.startswith("title:"))
    assert result.exit_code == 1
    assert result.stderr == f"{p}:{line}:8: title: found by the test check\n1 error\n"


def test_a_check_name_is_registered_once() -> None:
    with pytest.raises(RuntimeError, match="registered twice"):
        check("unique-ids", "again")(lambda ctx: iter(()))
