"""How long `slagen render` takes, as a ratio to WeasyPrint alone on the same HTML.

Both are timed as whole processes (start-up included), least CPU time of R runs (3R for the
short document, whose runs are short), the commands taking turns so that a slow spell of the
machine hits both alike. On this shared machine the CPU time of one and the same loop varies
by up to 60% from run to run; the least of many runs is the machine's quiet time:

- ``python -m slagen render FILE --style tabular`` (load, validate, targets, context,
  templates, the confined fetcher, PDF with metadata and attachment, atomic write);
- ``python -m weasyprint IN.html OUT.pdf`` on the HTML that ``slagen render --format html``
  wrote for the same agreement and style: the target's baseline;
- the same WeasyPrint command with what slagen does to WeasyPrint's own work: its collector
  thresholds (:mod:`slagen.gcpolicy`), which make layout faster, and its library loading
  (:mod:`slagen.render.weasy`), which starts no ``gcc``. Against it the ratio is slagen's own
  added work alone; against the plain command, what a user gains or loses by using slagen.

The compiled templates come from the cache a previous run left (:mod:`slagen.render.bytecode`),
as they do for a user after the first render.

It also shows how time grows with the document: the sales-marketing example (8 pages in the
tabular style) and the same with 200 more goals, requirements and contacts (49 pages). Run:
``python3 bench/bench_render.py [R]`` (R = 5 by default). Exit code 1 when a ratio is over 1.10x.
"""

from __future__ import annotations

import copy
import resource
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pypdf
import yaml

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.10
STYLE = "tabular"


def long_agreement(extra: int) -> dict[str, Any]:
    """The sales-marketing example with ``extra`` more goals, requirements and contacts."""
    data: dict[str, Any] = yaml.safe_load((ROOT / "agreements" / "sales-marketing.yaml").read_text())
    goal = next(g for g in data["goals"] if g["id"] == "follow-up-depth")
    for i in range(extra):
        g = copy.deepcopy(goal)
        g["id"] = f"extra-{i}"
        g["metric"] = f"Follow-up attempts on leads of campaign {i + 1} not yet connected"
        g["target"] = {"value": str(4 + i % 5)}
        data["goals"].append(g)
        data["requirements"].append(
            {
                "party": "marketing",
                "from_party": "sales",
                "text": f"Feedback on the leads of campaign {i + 1}",
            }
        )
        data["contacts"].append({"person": "raj", "responsibility": f"Questions on campaign {i + 1}"})
    data["presentation"]["styles"] = [STYLE]
    return data


def cpu(cmd: list[str]) -> float:
    """The CPU time (user + system) of one run of ``cmd``.

    CPU time, not wall time: on this shared two-core machine the wall time of one and the same
    WeasyPrint command varies by 30% from run to run, the CPU time by less.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def best(cmds: list[list[str]], runs: int) -> list[float]:
    """The least CPU time of ``runs`` runs of each of ``cmds``, the commands taking turns."""
    times: list[list[float]] = [[] for _ in cmds]
    for _ in range(runs):
        for cmd, t in zip(cmds, times, strict=True):
            t.append(cpu(cmd))
    return [min(t) for t in times]


TUNED_WEASYPRINT = f"""
import importlib.util, runpy, sys
def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
load("gcpolicy", {str(ROOT / "slagen" / "gcpolicy.py")!r}).use_batch_thresholds()
load("weasy", {str(ROOT / "slagen" / "render" / "weasy.py")!r})
sys.argv[0] = "weasyprint"
runpy.run_module("weasyprint", run_name="__main__")
"""


def measure(path: Path, out: Path, runs: int) -> tuple[int, float, float, float]:
    """Pages, slagen's time, WeasyPrint's and tuned WeasyPrint's for the agreement at ``path``."""
    slagen = [sys.executable, "-m", "slagen", "render", str(path), "--style", STYLE, "-o", str(out)]
    subprocess.run([*slagen, "--format", "html"], check=True, capture_output=True, cwd=ROOT)
    subprocess.run(slagen, check=True, capture_output=True, cwd=ROOT)  # fills the template cache
    html = next((out).rglob("*.html"))
    pages = len(pypdf.PdfReader(str(html.with_suffix(".pdf"))).pages)
    args = ["-u", html.parent.as_uri() + "/", str(html), str(out / "w.pdf")]
    weasy = [sys.executable, "-m", "weasyprint", *args]
    tuned = [sys.executable, "-c", TUNED_WEASYPRINT, *args]
    t_slagen, t_weasy, t_tuned = best([slagen, weasy, tuned], runs)
    return pages, t_slagen, t_weasy, t_tuned


def main() -> int:
    """Run the benchmark and print the figures."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for label, extra, n in (("short", 0, 3 * runs), ("long", 200, runs)):
            folder = Path(tmp) / label
            folder.mkdir()
            path = folder / "sla.yaml"
            path.write_text(yaml.safe_dump(long_agreement(extra), sort_keys=False))
            pages, t_s, t_w, t_t = measure(path, folder / "out", n)
            rows.append((label, pages, t_s, t_w, t_t))
            ok = ok and t_s / t_w <= TARGET
    print(
        f"CPU seconds (user + system) of the whole process, least of {3 * runs} (short) and {runs} (long) runs"
    )
    print(
        f"{'document':<10}{'pages':>6}{'slagen render':>15}{'weasyprint':>12}{'ratio':>8}"
        f"{'weasyprint, tuned':>23}{'ratio':>8}"
    )
    for label, pages, t_s, t_w, t_t in rows:
        print(
            f"{label:<10}{pages:>6}{t_s:>14.2f}s{t_w:>11.2f}s{t_s / t_w:>7.2f}x"
            f"{t_t:>22.2f}s{t_s / t_t:>7.2f}x"
        )
    (_, p1, s1, _, _), (_, p2, s2, _, _) = rows
    print(
        f"growth: {p2 / p1:.1f}x the pages took {s2 / s1:.1f}x the time ({s1 / p1:.2f}s -> {s2 / p2:.2f}s a page)"
    )
    print(f"target: ratio <= {TARGET:.2f}x: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
