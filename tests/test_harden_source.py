"""Hardening of reading agreements (issue 12): alias amplification, long text, what is read
before its size and type are known, digits, control characters in keys."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
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
    assert peak < 600, peak  # 1.58 GB before the fix; about 300 MiB with it, more under load


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


def test_a_device_a_fifo_and_a_huge_sparse_file_are_refused_before_reading(tmp_path: Path) -> None:
    """Item 4: type and size are checked first, and at most the limit plus one byte is read."""
    folder = tmp_path / "agreements"
    folder.mkdir()
    (folder / "zero.yaml").symlink_to("/dev/zero")
    os.mkfifo(folder / "fifo.yaml")
    with open(folder / "sparse.yaml", "wb") as f:
        f.truncate(600 * 1024 * 1024)
    (folder / "ok.yaml").write_text(example_text(), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", "from slagen.__main__ import main; main()", "check", str(folder)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = (done.stdout + done.stderr).splitlines()
    assert f"{folder}/fifo.yaml:1:1: expected a regular file, found a named pipe (FIFO)" in lines
    assert f"{folder}/zero.yaml:1:1: expected a regular file, found a device" in lines
    assert f"{folder}/sparse.yaml:1:1: file is 629145600 bytes; the limit is 5242880" in lines
    assert not any(line.startswith(f"{folder}/ok.yaml") for line in lines)


def test_a_growing_file_is_read_to_the_limit_plus_one_byte() -> None:
    """Item 4: /dev/zero through the reader itself stops at the limit."""
    from slagen.util.files import FileRefused, read_regular

    with pytest.raises(FileRefused, match="expected a regular file, found a device"):
        read_regular("/dev/zero", 10)


def test_logo_names_too_long_and_logo_loops_are_errors_in_check_lint_and_render(tmp_path: Path) -> None:
    """Item 12: a 300-character logo name and a symlink loop are clear errors."""
    text = example_text()
    assert "  locale: en-US\n" in text
    (tmp_path / "loop.png").symlink_to(tmp_path / "loop.png")
    for name, logo in (("long", "x" * 300 + ".png"), ("loop", "loop.png")):
        path = tmp_path / f"{name}.yaml"
        path.write_text(
            text.replace("  locale: en-US\n", f"  locale: en-US\n  logo: {logo}\n"), encoding="utf-8"
        )
        for command in (["check"], ["lint"], ["render", "--format", "html", "-o", str(tmp_path / "out")]):
            result = run(*command, str(path))
            assert result.exit_code == 1, (command, result.output)
            assert "presentation.logo: expected an image file" in result.output, (command, result.output)
            assert "a name too long or a loop of symbolic links" in result.output


@pytest.mark.slow
def test_a_looping_symlink_among_the_agreements_fails_alone_in_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 12: one looping symlink does not stop the build."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "agreements"
    folder.mkdir()
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    (folder / "ok.yaml").write_text(
        re.sub(r"^  styles: \[.*\]$", "  styles: [tabular]", example_text(), count=1, flags=re.M),
        encoding="utf-8",
    )
    result = run("build", "agreements", "-j", "1")
    assert result.exit_code == 1
    assert "agreements/loop.yaml:1:1: cannot read file: a loop of symbolic links" in result.stderr
    assert "1 document rendered, 0 unchanged, 1 failed" in result.stderr
    assert Path("output/sales-marketing/sales-marketing-2026-Q4.pdf").is_file()


@pytest.mark.parametrize("epoch", ["253402300800", "١٧٩٠٠٠٠٠٠٠", "99999999999999999999999"])
def test_a_source_date_epoch_out_of_range_or_not_ascii_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, epoch: str
) -> None:
    """Item 12: SOURCE_DATE_EPOCH beyond the year 9999 or in other digits."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    path = tmp_path / "a.yaml"
    path.write_text(example_text(), encoding="utf-8")
    result = run("render", str(path), "--format", "html", "--style", "tabular", "-o", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert "SOURCE_DATE_EPOCH must be" in result.output
    assert not (tmp_path / "out").exists()


def test_render_to_an_output_path_that_is_a_folder_writes_nothing(tmp_path: Path) -> None:
    """Item 12: all or nothing, and an error instead of IsADirectoryError."""
    path = tmp_path / "a.yaml"
    path.write_text(
        re.sub(r"^  styles: \[.*\]$", "  styles: [tabular, two-column]", example_text(), count=1, flags=re.M),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    (out / "sales-marketing" / "sales-marketing-2026-Q4-two-column.html").mkdir(parents=True)
    result = run("render", str(path), "--format", "html", "-o", str(out))
    assert result.exit_code == 1, result.output
    assert "cannot write" in result.output and "no document was written" in result.output
    assert not (out / "sales-marketing" / "sales-marketing-2026-Q4-tabular.html").exists()
    assert not list(out.rglob("*.tmp"))


def test_control_characters_in_key_names_are_escaped_in_messages(tmp_path: Path) -> None:
    """Item 14: a key name cannot set a terminal's title (or anything else) through a message."""
    path = tmp_path / "esc.yaml"
    path.write_text(example_text() + '"\\e]0;owned\\a\\nfake: line": 1\n', encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    (line,) = [t for t in result.output.splitlines() if "owned" in t]
    assert "\\x1b]0;owned\\x07\\x0afake: line" in line


@pytest.mark.parametrize(("field", "value"), [("sales_quota", "5\u066000"), ("reps", "1\u0660")])
def test_numbers_take_ascii_digits_only(tmp_path: Path, field: str, value: str) -> None:
    """Item 10: an Arabic-Indic zero (drawn like a dot) is not a digit."""
    text = example_text()
    assert f"    {field}: " in text
    lines = [f'    {field}: "{value}"' if t.startswith(f"    {field}: ") else t for t in text.splitlines()]
    path = tmp_path / "digits.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1
    assert f"{field}: expected" in result.output and repr(value) in result.output


def test_actuals_take_ascii_digits_only(tmp_path: Path) -> None:
    """Item 10: the actuals' numbers are read by the same readers."""
    from slagen.tracking.read import read_raw  # noqa: F401  (the reader recalc and report use)

    actuals = (ROOT / "agreements" / "actuals" / "it-service-2026.yaml").read_text(encoding="utf-8")
    assert "downtime_minutes: 52}" in actuals
    path = tmp_path / "actuals.yaml"
    path.write_text(
        actuals.replace("downtime_minutes: 52}", 'downtime_minutes: "5\u0662"}'), encoding="utf-8"
    )
    result = run(
        "report",
        str(ROOT / "agreements" / "it-service.yaml"),
        str(path),
        "--format",
        "html",
        "-o",
        str(tmp_path / "o"),
    )
    assert result.exit_code == 1, result.output
    assert "'5\u0662'" in result.output
    assert not (tmp_path / "o").exists()
