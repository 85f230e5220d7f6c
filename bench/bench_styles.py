"""Render time per page of every style, for every example agreement.

For each example and each style it declares, the least CPU time (user + system, whole process,
start-up included) of R runs of ``python -m slagen render FILE --style S``, divided by the
document's page count. The per-style figure is the mean over the examples of that style. Run:
``python3 bench/bench_styles.py [R] [--root DIR]`` (R = 3 by default; ``--root`` renders with the
slagen and templates of another checkout, to compare before and after a change on one machine).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import pypdf
import yaml

ROOT = Path(__file__).resolve().parent.parent


def cpu(cmd: list[str], root: Path) -> float:
    """The CPU time (user + system) of one run of ``cmd`` with slagen imported from ``root``."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, capture_output=True, cwd=root, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> int:
    """Time every style of every example and print seconds per page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="?", type=int, default=3)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to render with")
    args = parser.parse_args()
    root: Path = args.root.resolve()
    per_style: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted((root / "agreements").glob("*.yaml")):
            styles = yaml.safe_load(path.read_text())["presentation"]["styles"]
            for style in styles:
                out = Path(tmp) / path.stem / style
                cmd = [sys.executable, "-m", "slagen", "render", str(path), "--style", style, "-o", str(out)]
                times = [cpu(cmd, root) for _ in range(args.runs)]
                pdf = next(out.rglob("*.pdf"))
                pages = len(pypdf.PdfReader(str(pdf)).pages)
                per_page = min(times) / pages
                per_style.setdefault(style, []).append(per_page)
                print(
                    f"{path.stem:<26}{style:<18}{pages:>4} pages {min(times):>7.2f}s {per_page:>6.3f}s/page"
                )
    print(f"CPU seconds per page, least of {args.runs} runs, mean over the examples:")
    for style, values in sorted(per_style.items()):
        print(f"  {style:<18}{sum(values) / len(values):.3f}s/page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
