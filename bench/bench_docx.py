"""How long the DOCX takes, and how LibreOffice's DOCX-to-PDF compares with slagen's own PDF.

For each example agreement (in the style given, default tabular), timed as whole processes,
best of R runs:

- ``python -m slagen render FILE --format docx`` (load, targets, templates, HTML, Word);
- ``python -m slagen render FILE --format pdf`` (the same, then WeasyPrint);
- ``soffice --headless --convert-to pdf`` on the DOCX (a fresh profile made once, outside the
  timing, as a reviewer's machine would have one).

Prints DOCX seconds per agreement, and the ratio LibreOffice DOCX->PDF / slagen PDF.
Run: ``python3 bench/bench_docx.py [R] [STYLE]``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def best(cmd: list[str], runs: int) -> float:
    """The fastest of ``runs`` runs of ``cmd``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, cwd=ROOT, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    """Time every example; return the exit code."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    style = sys.argv[2] if len(sys.argv) > 2 else "tabular"
    with tempfile.TemporaryDirectory() as tmp:
        profile = f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}"
        lo = [
            shutil.which("soffice") or "soffice",
            profile,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
        ]
        subprocess.run([*lo, "--version"], check=False, capture_output=True)  # makes the profile
        print(f"{'agreement':<26}{'docx s':>8}{'pdf s':>8}{'LO s':>8}{'LO/pdf':>8}")
        for path in sorted((ROOT / "agreements").glob("*.yaml")):
            out = Path(tmp) / path.stem
            base = [sys.executable, "-m", "slagen", "render", str(path), "--style", style, "-o", str(out)]
            t_docx = best([*base, "--format", "docx"], runs)
            t_pdf = best([*base, "--format", "pdf"], runs)
            (docx,) = out.rglob("*.docx")
            t_lo = best([*lo, str(docx)], runs)
            print(f"{path.stem:<26}{t_docx:>8.2f}{t_pdf:>8.2f}{t_lo:>8.2f}{t_lo / t_pdf:>7.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
