"""How long `slagen sign` and `slagen verify` take, as a ratio to one `slagen render`.

The it-service example (tabular style, PDF/A-3b) is committed in a temporary git repository and
rendered there; the commands are then timed as whole processes (start-up included), least CPU
time (user + system, this process's children) of R runs, taking turns:

- ``slagen render`` of the document: the baseline;
- ``slagen sign`` of a fresh copy for the first signatory (PKCS#12 key, passphrase file, B-B);
- ``slagen verify`` of the twice-signed PDF outside any repository (signatures, source,
  signatories: no rebuild);
- ``slagen verify`` of it inside the repository, which also checks out the stamped commit into
  a temporary clone and renders the document again (so about one render more).

The certificates are made here (``tests/sign_helpers.py``). Run:
``python3 bench/bench_sign.py [R]`` (R = 3 by default).
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from sign_helpers import PASSPHRASE, make_pki  # noqa: E402

GIT_ENV = {
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.com",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.com",
}


def cpu(run: Callable[[], None]) -> float:
    """CPU seconds (user + system) the child processes of ``run`` took."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def slagen(*args: str, cwd: Path) -> None:
    subprocess.run([sys.executable, "-m", "slagen", *args], cwd=cwd, check=True, capture_output=True)


def main(runs: int) -> int:
    with tempfile.TemporaryDirectory(prefix="slagen-bench-sign-") as tmp:
        base = Path(tmp)
        repo = base / "repo"
        (repo / "agreements").mkdir(parents=True)
        data = yaml.safe_load((ROOT / "agreements" / "it-service.yaml").read_text(encoding="utf-8"))
        data["presentation"]["styles"] = ["tabular"]
        data["presentation"]["formats"] = ["pdf"]
        source = repo / "agreements" / "it-service.yaml"
        source.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        env = {**os.environ, **GIT_ENV}
        for args in (("init", "-q"), ("add", "."), ("commit", "-q", "-m", "it-service")):
            subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)
        pki = make_pki(base, {"first": "Ingrid Vogel", "second": "Pieter de Vries"})
        passfile = base / "pass"
        passfile.write_bytes(PASSPHRASE + b"\n")
        out = repo / "out"
        render = ("render", str(source), "--pdf-variant", "pdf/a-3b", "-o", str(out))
        slagen(*render, cwd=repo)
        pdf = out / "it-service" / "it-service-2026-Q4.pdf"
        unsigned = pdf.read_bytes()
        signed = repo / "signed.pdf"
        signed.write_bytes(unsigned)
        for key, person in (("first", "ingrid"), ("second", "pieter")):
            slagen(
                "sign", str(signed), "--key", str(pki.signers[key]), "--passphrase-file", str(passfile),
                "--signatory", person, cwd=base,
            )  # fmt: skip
        outside = base / "outside"
        outside.mkdir()
        copy = outside / "signed.pdf"
        shutil.copyfile(signed, copy)
        trust = ("--trust", str(pki.root_pem))

        def sign_once() -> None:
            target = outside / "to-sign.pdf"
            target.write_bytes(unsigned)
            slagen(
                "sign", str(target), "--key", str(pki.signers["first"]), "--passphrase-file", str(passfile),
                "--signatory", "ingrid", cwd=outside,
            )  # fmt: skip

        commands: dict[str, Callable[[], None]] = {
            "render": lambda: slagen(*render, cwd=repo),
            "sign": sign_once,
            "verify (no rebuild)": lambda: slagen("verify", str(copy), *trust, cwd=outside),
            "verify (with rebuild)": lambda: slagen("verify", str(signed), *trust, cwd=repo),
        }
        best = dict.fromkeys(commands, float("inf"))
        for _ in range(runs):
            for name, command in commands.items():
                best[name] = min(best[name], cpu(command))
    base_time = best["render"]
    print(f"least CPU time of {runs} runs (it-service, tabular, PDF/A-3b):")
    for name, seconds in best.items():
        print(f"  {name:<22} {seconds:6.2f} s  {seconds / base_time:5.2f}x render")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3))
