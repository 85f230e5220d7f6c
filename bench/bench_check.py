"""How long `slagen check` takes over 1,000 agreements, as a ratio to bare `yaml.safe_load`.

Writes 1,000 variations of the example agreements (ids, figures and names changed) to a
temporary folder, then times:

- ``slagen check`` as a whole process (``python -m slagen check DIR``: start-up included);
- the same check in-process (``slagen.agreement.check.collect``: read, compose, model, meaning, targets);
- bare ``yaml.safe_load`` of the same files (the issue's baseline), and libyaml's
  ``CSafeLoader`` for comparison (the fastest plain load PyYAML offers).

It also checks that checking imports neither WeasyPrint nor python-docx. Run:
``python3 bench/bench_check.py [N]``. Exit code 1 when the in-process ratio is over 3x or a
renderer was imported.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TARGET = 3.0


def variations(n: int, folder: Path) -> list[Path]:
    """Write ``n`` valid agreements, each a variation of one of the examples."""
    examples = sorted((ROOT / "agreements").glob("*.yaml"))
    texts = [p.read_text(encoding="utf-8") for p in examples]
    out = []
    for i in range(n):
        base = texts[i % len(texts)]
        text = re.sub(r"^id: (\S+)$", rf"id: \1-{i:04d}", base, count=1, flags=re.M)
        text = text.replace("sales_quota: 5000", f"sales_quota: {5000 + 100 * (i % 50)}")
        text = text.replace("target: {value: 50}", f"target: {{value: {50 + i % 25}}}")
        text = text.replace("notice_days: 30", f"notice_days: {30 + i % 60}")
        p = folder / f"agreement-{i:04d}.yaml"
        p.write_text(text, encoding="utf-8")
        out.append(p)
    return out


def timed(fn: Callable[[], object], repeat: int = 2) -> float:
    """Best of ``repeat`` wall-clock times of ``fn()``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    """Run the benchmark and print the times and ratios."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    sys.path.insert(0, str(ROOT))
    from slagen.agreement.check import collect

    with tempfile.TemporaryDirectory(prefix="slagen-bench-") as tmp:
        folder = Path(tmp)
        files = variations(n, folder)

        def safe_load() -> None:
            for f in files:
                yaml.safe_load(f.read_bytes())

        def c_load() -> None:
            for f in files:
                yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)

        def check() -> None:
            report = collect([str(folder)])
            errors = [p for p in report.problems if p.severity == "error"]
            if errors:
                raise SystemExit(f"a generated agreement is invalid: {errors[0]}")

        def process() -> None:
            subprocess.run(
                [sys.executable, "-m", "slagen", "check", str(folder)], check=True, capture_output=True
            )

        t_safe = timed(safe_load)
        t_c = timed(c_load)
        t_check = timed(check)
        t_proc = timed(process, repeat=1)

    probe = (
        "import sys\nfrom slagen.agreement.check import collect\n"
        f"collect([{str(ROOT / 'agreements')!r}])\n"
        "print(sorted(m for m in ('weasyprint', 'docx', 'pydyf') if m in sys.modules))"
    )
    imported = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.strip()

    print(f"{n} agreements")
    print(f"  yaml.safe_load (baseline)      {t_safe:7.3f} s")
    print(f"  yaml CSafeLoader               {t_c:7.3f} s")
    print(f"  slagen check, in-process       {t_check:7.3f} s   {t_check / t_safe:5.2f}x safe_load")
    print(f"  slagen check, whole process    {t_proc:7.3f} s   {t_proc / t_safe:5.2f}x safe_load")
    print(f"  (in-process vs CSafeLoader: {t_check / t_c:.2f}x)")
    print(f"  renderers imported by check: {imported}")
    ok = t_check / t_safe <= TARGET and imported == "[]"
    print(f"target <= {TARGET:.0f}x: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
