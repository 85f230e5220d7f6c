"""Time of a redline against rendering the two versions separately, as whole processes, for
the PDF and the DOCX redline.

``python bench/bench_redline.py [--runs N] [--tree DIR ...]``: for the sales-marketing example
with its sales quota raised, runs ``slagen diff OLD NEW --format F`` and ``slagen render`` of OLD
and of NEW (the same style and format F), for F in pdf and docx, N times each in turns, and
prints the least CPU time of each and the ratio redline / (render old + render new). The redline
renders both versions to HTML, compares them and writes one document, so it should cost about
one render plus the HTML of the other version.

Each ``--tree`` is a checkout of slagen (default: this one), put first on ``PYTHONPATH``; give two
(e.g. a worktree of an older commit and this one) to compare them in one run, turn by turn.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STYLE = "two-column"
FORMATS = ("pdf", "docx")


def cpu(cmd: list[str], cwd: Path, tree: Path) -> float:
    """The CPU time (user + system) of running ``cmd`` with ``tree``'s slagen."""
    env = {**os.environ, "SLAGEN_CACHE_DIR": "", "PYTHONPATH": str(tree)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(cmd, cwd=cwd, check=False, capture_output=True, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # diff exits 1 when the versions differ
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def commands(fmt: str) -> dict[str, list[str]]:
    """The three processes measured for one format."""
    slagen = [sys.executable, "-m", "slagen"]
    common = ["--format", fmt, "--style", STYLE]
    return {
        "redline": [*slagen, "diff", "old.yaml", "new.yaml", *common, "-o", f"r.{fmt}"],
        "render old": [*slagen, "render", "old.yaml", *common, "-o", "o"],
        "render new": [*slagen, "render", "new.yaml", *common, "-o", "n"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tree", type=Path, action="append", help="a slagen checkout (repeatable)")
    args = parser.parse_args()
    trees = [t.resolve() for t in args.tree or [ROOT]]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        text = (ROOT / "agreements" / "sales-marketing.yaml").read_text()
        (work / "old.yaml").write_text(text)
        (work / "new.yaml").write_text(text.replace("sales_quota: 5000", "sales_quota: 7500"))
        best = {(t, f, k): float("inf") for t in trees for f in FORMATS for k in commands(f)}
        for _ in range(args.runs):
            for fmt in FORMATS:
                for name, cmd in commands(fmt).items():
                    for tree in trees:
                        best[tree, fmt, name] = min(best[tree, fmt, name], cpu(cmd, work, tree))
        for tree in trees:
            print(f"{tree}:")
            for fmt in FORMATS:
                t = {k: best[tree, fmt, k] for k in commands(fmt)}
                ratio = t["redline"] / (t["render old"] + t["render new"])
                shown = "  ".join(f"{k} {v:5.2f} s" for k, v in t.items())
                print(f"  {fmt:4s}  {shown}  redline / (old + new) = {ratio:.2f}x")
        print(f"(least CPU time of {args.runs} runs each, taken in turns)")


if __name__ == "__main__":
    main()
