"""``slagen build``: every agreement of a folder, in parallel, rendering only what changed."""

from __future__ import annotations

import hashlib
import json
import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from build_helpers import agreement, mtimes, progress_lines, summary, write_folder
from conftest import ROOT, run
from render_helpers import pdf_text, reader

import slagen

#: Whole builds, most with worker processes: end to end.
pytestmark = pytest.mark.slow


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three unsigned agreements (a, b, c), one style, PDF, in ``tmp_path/agreements``."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return write_folder(tmp_path, {name: agreement(name) for name in ("a", "b", "c")})


def test_build_renders_each_agreement_once_then_only_what_changed(folder: Path, tmp_path: Path) -> None:
    first = run("build", "agreements", "-j", "2")
    assert first.exit_code == 0, first.stderr
    assert summary(first) == "built 3 agreements: 3 documents rendered, 0 unchanged, 0 failed"
    # Not a terminal: one plain line per document, numbered in the order they finished.
    lines = progress_lines(first)
    assert [line.split("] ")[0] for line in lines] == ["[1/3", "[2/3", "[3/3"]
    assert sorted(line.split("] ")[1] for line in lines) == [
        f"rendered output/{n}/{n}-2026-Q4.pdf" for n in "abc"
    ]
    out = tmp_path / "output"
    for n in "abc":
        pdf = reader(out / n / f"{n}-2026-Q4.pdf")
        assert pdf.metadata.title == "Sales and Marketing Service-Level Agreement"
    assert "At least 100 leads a month; 300 leads over 2026-Q4" in pdf_text(out / "a" / "a-2026-Q4.pdf")
    before = mtimes(out)

    second = run("build", "agreements", "-j", "2")
    assert second.exit_code == 0, second.stderr
    assert summary(second) == "built 3 agreements: 0 documents rendered, 3 unchanged, 0 failed"
    assert progress_lines(second) == []
    assert mtimes(out) == before

    (folder / "b.yaml").write_text(agreement("b", quota=6000), encoding="utf-8")
    third = run("build", "agreements")
    assert third.exit_code == 0, third.stderr
    assert summary(third) == "built 3 agreements: 1 document rendered, 2 unchanged, 0 failed"
    assert progress_lines(third) == ["[1/1] rendered output/b/b-2026-Q4.pdf"]
    after = mtimes(out)
    assert [k for k in after if after[k] != before[k]] == ["b/b-2026-Q4.pdf"]
    assert "At least 120 leads a month; 360 leads over 2026-Q4" in pdf_text(out / "b" / "b-2026-Q4.pdf")


def test_a_missing_or_modified_output_is_rendered_again(folder: Path, tmp_path: Path) -> None:
    (folder / "c.yaml").unlink()
    assert run("build", "agreements").exit_code == 0
    out = tmp_path / "output"
    good = (out / "a" / "a-2026-Q4.pdf").read_bytes()
    (out / "a" / "a-2026-Q4.pdf").write_bytes(good + b"% tampered\n")
    (out / "b" / "b-2026-Q4.pdf").unlink()

    again = run("build", "agreements", "-j", "1")
    assert again.exit_code == 0, again.stderr
    assert summary(again) == "built 2 agreements: 2 documents rendered, 0 unchanged, 0 failed"
    assert (out / "a" / "a-2026-Q4.pdf").read_bytes() == good  # same input, same bytes
    assert (out / "b" / "b-2026-Q4.pdf").is_file()


def test_a_broken_agreement_fails_alone_with_its_errors_at_file_line(folder: Path, tmp_path: Path) -> None:
    broken = agreement("b").replace("sales_quota: 5000\n", "sales_quota: lots\n")
    (folder / "b.yaml").write_text(broken, encoding="utf-8")
    line = broken.splitlines().index("    sales_quota: lots") + 1
    (folder / "d.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    (folder / "c.yaml").unlink()

    result = run("build", "agreements", "-j", "2")
    assert result.exit_code == 1
    assert summary(result) == "built 3 agreements: 1 document rendered, 0 unchanged, 2 failed"
    assert progress_lines(result) == ["[1/1] rendered output/a/a-2026-Q4.pdf"]
    errors = result.stderr.splitlines()
    assert f"agreements/b.yaml:{line}:18: inputs.funnel.sales_quota: expected a number, got 'lots'" in errors
    assert "agreements/d.yaml:2:1: invalid YAML: did not find expected ',' or ']'" in errors
    assert "Traceback" not in result.stderr
    assert (tmp_path / "output" / "a" / "a-2026-Q4.pdf").is_file()
    assert not (tmp_path / "output" / "b").exists()

    # Fixed, it is built, and the good one is left alone.
    (folder / "b.yaml").write_text(agreement("b"), encoding="utf-8")
    (folder / "d.yaml").unlink()
    fixed = run("build", "agreements")
    assert (fixed.exit_code, summary(fixed)) == (
        0,
        "built 2 agreements: 1 document rendered, 1 unchanged, 0 failed",
    )


def test_period_option_and_a_period_outside_the_term(folder: Path, tmp_path: Path) -> None:
    (folder / "b.yaml").unlink()
    late = agreement("c").replace("  start: 2026-01-01\n", "  start: 2026-10-01\n", 1)
    late = late.replace("  mid_term: 2026-07-01\n", "  mid_term: 2026-11-01\n", 1)
    (folder / "c.yaml").write_text(late, encoding="utf-8")
    result = run("build", "agreements", "--period", "2026-Q3")
    assert result.exit_code == 0, result.stderr
    assert (
        "note: agreements/c.yaml: its term (2026-10-01 to 2026-12-31) does not overlap --period 2026-Q3 "
        "(2026-07-01 to 2026-09-30): no document for it" in result.stderr
    )
    assert summary(result) == "built 2 agreements: 1 document rendered, 0 unchanged, 0 failed"
    assert not (tmp_path / "output" / "c").exists()
    assert "2026-Q3" in pdf_text(tmp_path / "output" / "a" / "a-2026-Q3.pdf")

    bad = run("build", "agreements", "--period", "2026-Q5")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("Error: --period: ")


def test_manifest_records_each_output_and_its_inputs(folder: Path, tmp_path: Path) -> None:
    (folder / "b.yaml").unlink()
    (folder / "c.yaml").unlink()
    assert run("build", "agreements", "-o", "out").exit_code == 0
    manifest = json.loads((tmp_path / "out" / ".slagen-manifest.json").read_text())
    entry = manifest["outputs"]["a/a-2026-Q4.pdf"]

    assert entry["sha256"] == hashlib.sha256((tmp_path / "out/a/a-2026-Q4.pdf").read_bytes()).hexdigest()
    assert entry["inputs"]["agreement"] == hashlib.sha256((folder / "a.yaml").read_bytes()).hexdigest()
    assert (
        entry["inputs"]["templates"]["two-column/document.html"]
        == hashlib.sha256((ROOT / "templates/two-column/document.html").read_bytes()).hexdigest()
    )
    assert "tabular/document.html" not in entry["inputs"]["templates"]  # another style's file
    assert entry["inputs"]["engine"]["slagen"] == slagen.__version__
    assert (entry["period"], entry["style"], entry["format"], entry["signed"]) == (
        "2026-Q4",
        "two-column",
        "pdf",
        False,
    )
    assert list(tmp_path.joinpath("out", "a").iterdir()) == [tmp_path / "out/a/a-2026-Q4.pdf"]

    # An unreadable manifest: everything is rendered again, with a note.
    (tmp_path / "out" / ".slagen-manifest.json").write_text("{not json")
    again = run("build", "agreements", "-o", "out")
    assert again.exit_code == 0
    assert again.stderr.startswith("note: out/.slagen-manifest.json is unreadable (")
    assert summary(again) == "built 1 agreement: 1 document rendered, 0 unchanged, 0 failed"


def test_two_agreements_with_one_id_and_bad_options(folder: Path) -> None:
    (folder / "c.yaml").write_text(agreement("a"), encoding="utf-8")
    (folder / "b.yaml").unlink()
    result = run("build", "agreements", "-o", "out", "--recycle-after", "1", "-j", "3")
    assert result.exit_code == 1
    assert (
        "agreements/c.yaml: id 'a' is also the id of agreements/a.yaml; "
        "their documents would overwrite each other"
    ) in result.stderr.splitlines()
    assert summary(result) == "built 2 agreements: 1 document rendered, 0 unchanged, 1 failed"

    assert run("build", "agreements", "-j", "0").exit_code == 2
    missing = run("build", "nowhere")
    assert missing.exit_code == 2
    assert "nowhere" in missing.stderr


def test_progress_bar_on_a_terminal(folder: Path, tmp_path: Path) -> None:
    (folder / "b.yaml").unlink()
    (folder / "c.yaml").unlink()
    primary, secondary = pty.openpty()
    chunks: list[bytes] = []

    def read() -> None:
        while True:
            try:
                data = os.read(primary, 4096)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader_thread = threading.Thread(target=read, daemon=True)
    reader_thread.start()
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("SOURCE_DATE_EPOCH", None)
    done = subprocess.run(
        [sys.executable, "-m", "slagen", "build", "agreements"],
        cwd=tmp_path,
        stderr=secondary,
        stdout=subprocess.DEVNULL,
        env=env,
        check=False,
        timeout=300,
    )
    os.close(secondary)
    reader_thread.join(timeout=10)
    os.close(primary)
    shown = b"".join(chunks).decode()
    assert done.returncode == 0, shown
    assert "rendering  [" in shown and "1/1" in shown
    assert "[1/1] rendered" not in shown
    assert "built 1 agreement: 1 document rendered, 0 unchanged, 0 failed" in shown


def _git(cwd: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_AUTHOR_DATE": "2026-10-01T00:00:00Z",
        "GIT_COMMITTER_DATE": "2026-10-01T00:00:00Z",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", "-C", str(cwd), *args], check=True, capture_output=True, env=env)


def test_committing_an_agreement_renders_it_again_with_the_commit_in_its_stamp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    write_folder(tmp_path, {"open": agreement("open"), "final": agreement("final", signed=True)})
    _git(tmp_path, "init", "-q")
    assert run("build", "agreements", "-j", "1").exit_code == 0
    out = tmp_path / "output"
    assert "git:" not in pdf_text(out / "open" / "open-2026-Q4.pdf")
    signed_before = (out / "final" / "final-2026-Q4.pdf").read_bytes()

    _git(tmp_path, "add", "agreements")
    _git(tmp_path, "commit", "-q", "-m", "agreements")
    again = run("build", "agreements", "-j", "1")
    assert again.exit_code == 0, again.stderr
    # The unsigned document now carries the commit; the signed-off one is final and kept.
    assert summary(again) == "built 2 agreements: 1 document rendered, 1 unchanged, 0 failed"
    assert "git:" in pdf_text(out / "open" / "open-2026-Q4.pdf")
    assert (out / "final" / "final-2026-Q4.pdf").read_bytes() == signed_before
