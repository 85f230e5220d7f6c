"""Time of a redline against rendering the two versions separately, as whole processes.

``python bench/bench_redline.py [RUNS]``: for the sales-marketing example with its sales quota
raised, runs ``slagen diff OLD NEW --format pdf`` and ``slagen render`` of OLD and of NEW (the same
style), RUNS times each in turns, and prints the least CPU time of each and the ratio
redline / (render old + render new). The redline renders both versions to HTML, compares them
and writes one PDF, so it should cost about one render plus the HTML of the other version.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STYLE = "two-column"


def cpu(cmd: list[str], cwd: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, cwd=cwd, check=False, capture_output=True, env={**os.environ, "SLAGEN_CACHE_DIR": ""})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        text = (ROOT / "agreements" / "sales-marketing.yaml").read_text()
        (work / "old.yaml").write_text(text)
        (work / "new.yaml").write_text(text.replace("sales_quota: 5000", "sales_quota: 7500"))
        slagen = [sys.executable, "-m", "slagen"]
        cmds = {
            "redline": [
                *slagen,
                "diff",
                "old.yaml",
                "new.yaml",
                "--format",
                "pdf",
                "--style",
                STYLE,
                "-o",
                "r.pdf",
            ],
            "render old": [*slagen, "render", "old.yaml", "--style", STYLE, "-o", "o"],
            "render new": [*slagen, "render", "new.yaml", "--style", STYLE, "-o", "n"],
        }
        best = {k: float("inf") for k in cmds}
        for _ in range(runs):
            for name, cmd in cmds.items():
                best[name] = min(best[name], cpu(cmd, work))
        for name, t in best.items():
            print(f"{name:12s} {t:6.2f} s CPU")
        ratio = best["redline"] / (best["render old"] + best["render new"])
        print(f"redline / (render old + render new) = {ratio:.2f}x  (least of {runs} runs each)")


if __name__ == "__main__":
    main()
