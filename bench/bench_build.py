"""How fast `slagen build` is in parallel and when nothing changed, and how its workers' memory behaves.

Writes N (default 100) variations of the sales-marketing example (ids and sales quotas
changed; one style, PDF) to a temporary folder, then times whole processes
(``python -m slagen build DIR -o OUT ...``, start-up included):

1. ``-j 1`` into an empty output folder;
2. ``-j 2`` into another empty output folder (target: at least 1.7x faster than 1);
3. ``-j 2`` again on 2's output, nothing changed (target: under 5% of 2's time);
4. memory: ``-j 1 --recycle-after 1000`` (one worker for the whole build) into an empty
   folder, against run 1 (``--recycle-after 20``: a fresh worker every 20 documents).

While each build runs, its worker processes (children of the fork server) are sampled from
``/proc`` every 0.1 s: peak resident memory (VmHWM) per worker, and for run 4 the resident
memory against the number of documents written, to get the growth per document.

The machine may be shared: the load average before and after each run, and the CPU time of
each build's processes (the build itself, plus its workers as last sampled), are printed
with the times. Run: ``python3 bench/bench_build.py [N]``
(``--no-memory`` skips run 4). Exit code 1 when a target is missed.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARALLEL_TARGET = 1.7
REBUILD_TARGET = 0.05
RECYCLE = 20


def variations(n: int, folder: Path) -> None:
    """Write ``n`` valid agreements: the sales-marketing example with its own id and quota."""
    base = (ROOT / "agreements" / "sales-marketing.yaml").read_text(encoding="utf-8")
    base = base.replace("styles: [two-column, tabular, visual, legal-narrative]", "styles: [two-column]")
    assert "styles: [two-column]" in base
    folder.mkdir(parents=True)
    for i in range(n):
        text = re.sub(r"^id: (\S+)$", rf"id: \1-{i:04d}", base, count=1, flags=re.M)
        text = text.replace("sales_quota: 5000\n", f"sales_quota: {5000 + 100 * (i % 40)}\n")
        (folder / f"agreement-{i:04d}.yaml").write_text(text, encoding="utf-8")


def _ppid(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _cpu(pid: int) -> float:
    """User and system CPU seconds of ``pid`` so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _status(pid: int) -> dict[str, int]:
    out: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                out[key] = int(value.split()[0])
    except OSError:
        pass
    return out


@dataclass
class Sampler:
    """Samples the workers of a running build: grandchildren of the build process."""

    root: int
    out_dir: Path
    peak: dict[int, int] = field(default_factory=dict)
    """Peak VmHWM (KiB) per worker pid."""
    cpu: dict[int, float] = field(default_factory=dict)
    """CPU seconds per worker pid, as last sampled."""
    order: list[int] = field(default_factory=list)
    curve: list[tuple[int, int]] = field(default_factory=list)
    """(documents written, VmRSS KiB of the newest worker) over time."""
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self.stop.wait(0.1):
            pids = [int(p) for p in os.listdir("/proc") if p.isdigit()]
            parents = {p: _ppid(p) for p in pids}
            servers = {p: _cmdline(p) for p, pp in parents.items() if pp == self.root}
            servers = {p: c for p, c in servers.items() if b"forkserver" in c}
            # Workers are forked by the fork server, so they show its command line (git and
            # other programs the workers run do not).
            workers = [p for p, pp in parents.items() if pp in servers and _cmdline(p) == servers[pp]]
            for w in workers:
                st = _status(w)
                if "VmHWM" in st:
                    if w not in self.peak:
                        self.order.append(w)
                    self.peak[w] = max(self.peak.get(w, 0), st["VmHWM"])
                    self.cpu[w] = max(self.cpu.get(w, 0.0), _cpu(w))
            if workers and self.order:
                st = _status(self.order[-1])
                if "VmRSS" in st:
                    done = sum(1 for _ in self.out_dir.rglob("*.pdf")) if self.out_dir.is_dir() else 0
                    self.curve.append((done, st["VmRSS"]))


@dataclass
class Run:
    """One timed build."""

    label: str
    seconds: float
    cpu: float
    load: tuple[float, float]
    summary: str
    workers: list[int]
    curve: list[tuple[int, int]]


def build(label: str, folder: Path, out: Path, *args: str) -> Run:
    """Run ``slagen build`` as a whole process and sample its workers."""
    before_load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "slagen", "build", str(folder), "-o", str(out), *args],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    sampler = Sampler(proc.pid, out)
    thread = threading.Thread(target=sampler.run, daemon=True)
    thread.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.stop.set()
    thread.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime) + sum(sampler.cpu.values())
    last = err.strip().splitlines()[-1] if err.strip() else ""
    if proc.returncode != 0:
        sys.exit(f"{label}: slagen build failed ({proc.returncode}):\n{err}")
    workers = [sampler.peak[p] for p in sampler.order]
    return Run(label, seconds, cpu, (before_load, os.getloadavg()[0]), last, workers, sampler.curve)


def show(run: Run) -> None:
    """One line per run."""
    print(
        f"  {run.label:<30} {run.seconds:8.2f} s   cpu ~{run.cpu:6.1f} s   "
        f"load {run.load[0]:.2f} -> {run.load[1]:.2f}   {run.summary}"
    )


def growth_per_doc(curve: list[tuple[int, int]]) -> float | None:
    """Least-squares slope of resident memory (KiB) over documents written, after the first 5."""
    points = [(d, r) for d, r in curve if d >= 5]
    if len({d for d, _ in points}) < 2:
        return None
    n = len(points)
    mx = sum(d for d, _ in points) / n
    my = sum(r for _, r in points) / n
    sxx = sum((d - mx) ** 2 for d, _ in points)
    return sum((d - mx) * (r - my) for d, r in points) / sxx


def mib(kib: int) -> str:
    return f"{kib / 1024:.1f}"


def main() -> int:
    """Run the benchmark and print its figures; 1 when a target is missed."""
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 100
    memory = "--no-memory" not in sys.argv
    ok = True
    print(f"slagen build: {n} generated agreements, one style, PDF; {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="slagen-bench-build-") as tmp:
        folder = Path(tmp) / "agreements"
        variations(n, folder)
        env_note = f"load average at start: {', '.join(f'{x:.2f}' for x in os.getloadavg())}"
        print(env_note)
        recycle = ("--recycle-after", str(RECYCLE))
        one = build("1. -j 1 (fresh)", folder, Path(tmp) / "out1", "-j", "1", *recycle)
        show(one)
        two = build("2. -j 2 (fresh)", folder, Path(tmp) / "out2", "-j", "2", *recycle)
        show(two)
        again = build("3. -j 2 (nothing changed)", folder, Path(tmp) / "out2", "-j", "2", *recycle)
        show(again)
        speedup = one.seconds / two.seconds
        rebuild = again.seconds / two.seconds
        print(f"-j 2 against -j 1: {speedup:.2f}x faster (target: at least {PARALLEL_TARGET}x)")
        print(
            f"no-change rebuild: {rebuild:.1%} of the first build's time (target: under {REBUILD_TARGET:.0%})"
        )
        ok = speedup >= PARALLEL_TARGET and rebuild < REBUILD_TARGET
        print(f"workers of run 1 (a fresh one every {RECYCLE} documents), peak RSS in MiB:")
        print("  " + ", ".join(mib(k) for k in one.workers))
        if memory:
            long = build(
                "4. -j 1 --recycle-after 1000",
                folder,
                Path(tmp) / "out4",
                "-j",
                "1",
                "--recycle-after",
                "1000",
            )
            show(long)
            print(f"one worker for all {n} documents: peak RSS {', '.join(mib(k) for k in long.workers)} MiB")
            slope = growth_per_doc(long.curve)
            recycled = growth_per_doc(one.curve)
            if slope is not None:
                print(f"  resident memory grows {slope:.0f} KiB per document without recycling")
            if recycled is not None:
                print(f"  with a fresh worker every {RECYCLE} documents: {recycled:.0f} KiB per document")
            if one.workers and long.workers:
                print(
                    f"  highest worker peak: {mib(max(one.workers))} MiB recycled, "
                    f"{mib(max(long.workers))} MiB not recycled"
                )
        print(f"load average at end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
