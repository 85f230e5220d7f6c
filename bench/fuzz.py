"""A longer fuzz run than the test suite's: mutated example agreements through ``slagen check``
and ``slagen render --format html`` (every style), counting inputs tried and tracebacks.

The mutants are those of ``tests/fuzz_helpers.py`` (seeded, so a run can be repeated).
Run: ``python3 bench/fuzz.py [N] [--seed S]`` (default 2,000 inputs, seed 1). Prints how many
inputs were tried, how many were valid and rendered, and every input that raised a traceback
(saved under the printed folder); exit code 1 when any did.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from click.testing import CliRunner  # noqa: E402
from fuzz_helpers import mutants  # noqa: E402

from slagen.cli import cli  # noqa: E402

STYLES = ("two-column", "tabular", "visual", "legal-narrative")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    runner = CliRunner()
    out = Path(tempfile.mkdtemp(prefix="slagen-fuzz-"))
    tried = valid = rendered = 0
    crashes: list[Path] = []
    started = time.perf_counter()
    for i, (name, text) in enumerate(mutants(args.n, args.seed)):
        path = out / f"input-{i:05d}.yaml"
        path.write_text(text, encoding="utf-8")
        tried += 1
        runs = [["check", str(path)]]
        result = runner.invoke(cli, runs[0], catch_exceptions=True)
        if result.exit_code == 0:
            valid += 1
            style = STYLES[i % len(STYLES)]
            runs.append(["render", str(path), "--format", "html", "--style", style, "-o", str(out / "html")])
            result2 = runner.invoke(cli, runs[1], catch_exceptions=True)
            rendered += result2.exit_code == 0
            results = [result, result2]
        else:
            results = [result]
        bad = [r for r in results if r.exception is not None and not isinstance(r.exception, SystemExit)]
        if bad:
            crashes.append(path)
            exc = bad[0].exception
            assert exc is not None
            print(f"TRACEBACK {path} (from {name}):", file=sys.stderr)
            traceback.print_exception(exc, file=sys.stderr)
        else:
            path.unlink()
    seconds = time.perf_counter() - started
    print(
        f"tried {tried} inputs (seed {args.seed}) in {seconds:.1f} s: {valid} valid, {rendered} rendered "
        f"to HTML, {len(crashes)} tracebacks" + (f" (inputs kept in {out})" if crashes else "")
    )
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
