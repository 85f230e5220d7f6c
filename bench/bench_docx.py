"""How long the DOCX takes, and how LibreOffice's DOCX-to-PDF compares with slagen's own PDF.

For each example agreement (in the style given, default tabular), timed as whole processes,
least CPU time (user + system) of R runs, taken in turns between the trees:

- ``python -m slagen render FILE --format docx`` (load, targets, templates, HTML, Word);
- ``python -m slagen render FILE --format pdf`` (the same, then WeasyPrint; not with ``--no-pdf``);
- ``soffice --headless --convert-to pdf`` on the DOCX (a fresh profile made once, outside the
  timing, as a reviewer's machine would have one).

Prints, per agreement and tree, the DOCX seconds, the PDF seconds and LibreOffice's, and the
ratio LibreOffice DOCX->PDF / slagen PDF; with two trees, the DOCX time of the second over the
first, per agreement and in total. Each ``--tree`` is a checkout of slagen (default: this one),
put first on ``PYTHONPATH``; give two (e.g. an export of an older commit and this one) to compare
them in one run. CPU time, not wall time, so that other work on the machine counts less.
Run: ``python3 bench/bench_docx.py [--runs R] [--style STYLE] [--no-pdf] [--tree DIR ...]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cpu(cmd: list[str], tree: Path) -> float:
    """The CPU time (user + system) of running ``cmd`` with ``tree``'s slagen."""
    env = {**os.environ, "PYTHONPATH": str(tree), "SOURCE_DATE_EPOCH": "0"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, cwd=tree, capture_output=True, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    """Time every example in every tree; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--style", default="tabular")
    parser.add_argument("--no-pdf", action="store_true", help="time the DOCX and LibreOffice only")
    parser.add_argument("--tree", type=Path, action="append", help="a slagen checkout (repeatable)")
    args = parser.parse_args()
    trees = [t.resolve() for t in args.tree or [ROOT]]
    with tempfile.TemporaryDirectory() as tmp:
        profile = f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}"
        soffice = shutil.which("soffice") or "soffice"
        lo = [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", tmp]
        subprocess.run([*lo, "--version"], check=False, capture_output=True)  # makes the profile
        print(f"{'agreement':<26}{'tree':>5}{'docx s':>8}{'pdf s':>8}{'LO s':>8}{'LO/pdf':>8}")
        totals = [0.0] * len(trees)
        for path in sorted((ROOT / "agreements").glob("*.yaml")):
            times: list[dict[str, list[float]]] = [{"docx": [], "pdf": [], "lo": []} for _ in trees]
            for _ in range(args.runs):
                for i, tree in enumerate(trees):
                    out = Path(tmp) / f"t{i}" / path.stem
                    base = [sys.executable, "-m", "slagen", "render", str(path), "--style", args.style]
                    times[i]["docx"].append(cpu([*base, "--format", "docx", "-o", str(out)], tree))
                    if not args.no_pdf:
                        times[i]["pdf"].append(cpu([*base, "--format", "pdf", "-o", str(out)], tree))
                    (docx,) = out.rglob("*.docx")
                    times[i]["lo"].append(cpu([*lo, str(docx)], tree))
            for i, t in enumerate(times):
                docx_s, lo_s = min(t["docx"]), min(t["lo"])
                totals[i] += docx_s
                pdf = f"{min(t['pdf']):>8.2f}{lo_s / min(t['pdf']):>7.2f}x" if t["pdf"] else f"{'-':>8}"
                print(f"{path.stem:<26}{i + 1:>5}{docx_s:>8.2f}{pdf[:8]}{lo_s:>8.2f}{pdf[8:]}")
            if len(trees) == 2:
                print(f"{'':<26}{'2/1':>5}{min(times[1]['docx']) / min(times[0]['docx']):>7.2f}x")
        if len(trees) == 2:
            print(
                f"DOCX total: tree 1 {totals[0]:.2f} s, tree 2 {totals[1]:.2f} s, ratio {totals[1] / totals[0]:.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
