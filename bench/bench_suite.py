"""How long the test suite takes, at two commits, measured one after the other in one run.

    python3 bench/bench_suite.py [--before REV] [--after REV] [-- PYTEST-ARGS...]

Each commit is checked out into a temporary folder (``git worktree``) and its suite is run by the
same interpreter and libraries, with that folder first on ``PYTHONPATH`` and ``make test``'s
pytest options of that commit (its ``pyproject.toml``). The default *before* is d8b8f14, the tree
issue 11 measured at 306 s of pytest; *after* is ``HEAD``. Reported per commit: wall time, the
tests that ran and their outcome, and the seconds per test; then the ratio after/before of both.

The two suites differ (tests are added every round), so both the whole-suite ratio and the
per-test ratio are printed: the first is what a developer waits for, the second what a test costs.
Run it on a quiet machine: the ratio of two runs minutes apart is only as steady as the load.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The commit issue 11 measured (``make test`` about 5 minutes, 306 s of it pytest).
BEFORE = "d8b8f14"


@dataclass(frozen=True)
class Run:
    rev: str
    seconds: float
    counts: dict[str, int]
    failures: tuple[str, ...] = ()
    """pytest's ``FAILED``/``ERROR`` lines (with ``-rfE``): a time is only worth a passing run."""

    @property
    def tests(self) -> int:
        return sum(self.counts.values())

    def line(self) -> str:
        outcome = ", ".join(f"{n} {k}" for k, n in sorted(self.counts.items()))
        per = self.seconds / self.tests if self.tests else float("nan")
        return f"{self.rev:>10}: {self.seconds:7.1f} s wall, {outcome} ({per:.3f} s per test)"


def _counts(summary: str) -> dict[str, int]:
    """``{'passed': 856, 'xfailed': 28}`` from pytest's last line."""
    found = re.findall(r"(\d+) (passed|failed|errors?|xfailed|xpassed|skipped)", summary)
    return {kind.rstrip("s") if kind.startswith("error") else kind: int(n) for n, kind in found}


def run_suite(rev: str, pytest_args: list[str]) -> Run:
    with tempfile.TemporaryDirectory(prefix="bench-suite-") as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), rev],
            check=True,
            capture_output=True,
        )
        try:
            env = {**os.environ, "PYTHONPATH": str(tree)}
            env.pop("SOURCE_DATE_EPOCH", None)
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *pytest_args],
                cwd=tree,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            seconds = time.perf_counter() - start
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                check=False,
                capture_output=True,
            )
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    failures = tuple(line for line in lines if line.startswith(("FAILED ", "ERROR ")))
    return Run(rev, seconds, _counts(lines[-1] if lines else ""), failures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", default=BEFORE)
    parser.add_argument("--after", default="HEAD")
    parser.add_argument("pytest_args", nargs="*")
    args = parser.parse_args()
    before = run_suite(args.before, args.pytest_args)
    print(before.line(), *before.failures, sep="\n    ", flush=True)
    after = run_suite(args.after, args.pytest_args)
    print(after.line(), *after.failures, sep="\n    ")
    print(f"whole suite: after/before = {after.seconds / before.seconds:.2f}")
    if before.tests and after.tests:
        ratio = (after.seconds / after.tests) / (before.seconds / before.tests)
        print(f"per test:    after/before = {ratio:.2f} ({after.tests} tests against {before.tests})")


if __name__ == "__main__":
    main()
