"""Hardening of reading agreements (issue 12): alias amplification, long text, what is read
before its size and type are known, digits, control characters in keys."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, example_text, run


def _peak_check(path: Path) -> tuple[subprocess.CompletedProcess[str], int]:
    """``slagen check path`` in a new process under a 1 GiB address-space limit; its result and
    peak resident memory in MiB."""
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from slagen.__main__ import main\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print('peak', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code, "check", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    peak = int(done.stderr.rsplit("peak ", 1)[1].split()[0])
    return done, peak


def test_one_long_string_aliased_many_times_is_refused_in_little_memory(tmp_path: Path) -> None:
    """Item 3: aliases are bounded by the text they repeat, not only by how many values."""
    word = "x" * 15_000
    refs = ", ".join(["*big"] * 2_000)  # 2,000 values: far below the value limit; 30 MB of text
    path = tmp_path / "bomb.yaml"
    path.write_text(
        example_text().replace(
            "id: sales-marketing\n", f"id: sales-marketing\nx-pad: [&big {word}, {refs}]\n"
        ),
        encoding="utf-8",
    )
    assert path.stat().st_size < 100_000
    done, peak = _peak_check(path)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "aliases repeat more than 262,144 characters of text; refusing it" in done.stdout + done.stderr
    assert f"{path}:5:" in done.stdout + done.stderr
    assert peak < 300, peak


def test_a_text_value_longer_than_the_limit_is_an_error_at_its_line(tmp_path: Path) -> None:
    """Item 3: the length of one text value is bounded."""
    text = example_text()
    assert "\ntitle: Sales" in text
    long = "word " * 5_000
    path = tmp_path / "long.yaml"
    path.write_text(text.replace("\ntitle: Sales", f"\ntitle: {long}Sales", 1), encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{path}:5:8: title: text of 25,043 characters; the limit is 20,000 (split it or shorten it)",
        "1 error",
    ]
