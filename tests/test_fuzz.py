"""Fuzzing (issue 12): a few hundred mutated agreements through ``check`` and ``render
--format html``, with no traceback (every outcome an exit code and a message)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from fuzz_helpers import mutants

from slagen.cli import cli

COUNT = 300


def _invoke(*args: str) -> tuple[int, BaseException | None, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=True)
    bad = result.exception if not isinstance(result.exception, SystemExit) else None
    return result.exit_code, bad, result.output


@pytest.mark.slow
def test_mutated_agreements_give_messages_never_tracebacks(tmp_path: Path) -> None:
    rendered = 0
    failures = []
    for i, (name, text) in enumerate(mutants(COUNT, seed=12)):
        path = tmp_path / f"m{i:03d}.yaml"
        path.write_text(text, encoding="utf-8")
        code, bad, output = _invoke("check", str(path))
        if bad is not None or code not in (0, 1):
            failures.append((i, name, "check", code, repr(bad), output[-300:]))
            continue
        if code == 0:
            code, bad, output = _invoke(
                "render", str(path), "--format", "html", "--style", "tabular", "-o", str(tmp_path / "out")
            )
            rendered += 1
            if bad is not None or code not in (0, 1):
                failures.append((i, name, "render", code, repr(bad), output[-300:]))
        path.unlink()
    assert not failures, failures[:5]
    assert rendered > 20  # enough valid mutants reach the renderer
