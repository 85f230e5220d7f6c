"""`slagen render` through the CLI: output paths, periods, determinism, the version stamp."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, Examples, example_data, example_text, run
from render_helpers import pdf_text, reader


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _render_in_process(agreement: Path, out: Path, env: dict[str, str] | None = None) -> Path:
    """Render in a separate Python process, as `make render` does (``SOURCE_DATE_EPOCH`` only
    when ``env`` sets it)."""
    subprocess.run(
        [sys.executable, "-m", "slagen", "render", str(agreement), "--style", "tabular", "-o", str(out)],
        check=True,
        cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}, **(env or {})},
        capture_output=True,
    )
    return out / "sales-marketing" / "sales-marketing-2026-Q4-tabular.pdf"


@pytest.mark.slow
def test_another_process_gives_the_bytes_of_the_build(tmp_path: Path, examples: Examples) -> None:
    agreement = ROOT / "agreements" / "sales-marketing.yaml"
    first = _render_in_process(agreement, tmp_path / "a")
    assert _sha(first) == _sha(examples.document("sales-marketing", "tabular"))
    # the date of the last signature (sales-marketing.yaml: 2025-12-15 and 2025-12-16)
    assert reader(first).metadata["/CreationDate"] == "D:20251216000000Z"


@pytest.mark.slow
def test_source_date_epoch_sets_every_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    agreement = ROOT / "agreements" / "sales-marketing.yaml"
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    first = _render_in_process(agreement, tmp_path / "a", env)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    here = run("render", str(agreement), "--style", "tabular", "-o", str(tmp_path / "b"))
    assert here.exit_code == 0, here.output
    assert _sha(first) == _sha(tmp_path / "b" / first.relative_to(tmp_path / "a"))
    assert reader(first).metadata["/CreationDate"] == "D:20231114221320Z"
    assert b"/CreationDate (D:20231114221320Z)" in first.read_bytes()


def test_every_declared_style_is_rendered_by_default(
    tmp_path: Path, write_agreement: Callable[..., Path]
) -> None:
    data = example_data()
    data["presentation"]["styles"] = ["two-column", "tabular"]
    path = write_agreement(data)
    result = run("render", str(path), "--format", "html", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / "sales-marketing"
    assert result.output == (
        f"wrote {folder / 'sales-marketing-2026-Q4-two-column.html'}\n"
        f"wrote {folder / 'sales-marketing-2026-Q4-tabular.html'}\n"
    )


def test_a_single_declared_style_has_no_style_in_the_name(
    tmp_path: Path, write_agreement: Callable[..., Path]
) -> None:
    data = example_data()
    data["presentation"]["styles"] = ["tabular"]
    path = write_agreement(data)
    result = run("render", str(path), "--format", "html", "--period", "2026-11", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    html = tmp_path / "out" / "sales-marketing" / "sales-marketing-2026-11.html"
    assert result.output == f"wrote {html}\n"
    assert "November 1, 2026 to November 30, 2026" in html.read_text()


def test_a_period_outside_the_term_is_a_usage_error(tmp_path: Path) -> None:
    agreement = ROOT / "agreements" / "sales-marketing.yaml"
    result = run("render", str(agreement), "--period", "2027-Q1", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert result.output == (
        "Error: --period: expected a period that overlaps the term (2026-01-01 to 2026-12-31), got 2027-Q1 (2027-01-01 to 2027-03-31)\n"
    )
    result = run("render", str(agreement), "--period", "Q4", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert (
        result.output
        == "Error: --period: expected a period such as 2026, 2026-Q4, 2026-11, 2026-W47 or 2026-11-15..2026-11-30, got 'Q4'\n"
    )


def test_an_invalid_agreement_renders_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(example_text().replace("title: Sales and Marketing", "titel: Sales and Marketing"))
    result = run("render", str(bad), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.output == f"{bad}:5:1: titel: unknown key 'titel' (did you mean 'title'?)\n1 error\n"
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_pdf_a_3b_variant(tmp_path: Path) -> None:
    agreement = ROOT / "agreements" / "sales-marketing.yaml"
    # In a separate process: WeasyPrint leaves its sRGB profile file open for PDF/A, and the
    # suite turns that ResourceWarning into an error.
    args = ["render", str(agreement), "--style", "tabular", "--pdf-variant", "pdf/a-3b", "-o", str(tmp_path)]
    subprocess.run(
        [sys.executable, "-m", "slagen", *args],
        check=True,
        capture_output=True,
    )
    pdf = reader(tmp_path / "sales-marketing" / "sales-marketing-2026-Q4-tabular.pdf")
    assert b'pdfaid:part="3" pdfaid:conformance="B"' in pdf.trailer["/Root"]["/Metadata"].get_data()
    assert list(pdf.attachments) == ["sales-marketing.yaml"]


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e.x", "GIT_COMMITTER_NAME": "t"}
    env["GIT_COMMITTER_EMAIL"] = "t@e.x"
    done = subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True)
    return done.stdout.strip()


@pytest.mark.slow
def test_the_footer_stamp_names_the_hash_and_the_clean_commit(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    path = repo / "sla.yaml"
    path.write_text(example_text())
    _git(repo, "init", "-q")
    _git(repo, "add", "sla.yaml")
    _git(repo, "commit", "-q", "-m", "add")
    commit = _git(repo, "log", "-1", "--format=%h", "--abbrev=12")
    digest = _sha(path)[:12]
    assert run("render", str(path), "--style", "two-column", "-o", str(tmp_path / "a")).exit_code == 0
    text = pdf_text(tmp_path / "a" / "sales-marketing" / "sales-marketing-2026-Q4-two-column.pdf")
    assert f"Version 1.0 · sha256:{digest} · git:{commit}" in text
    path.write_text(example_text() + "\n# changed\n")
    assert run("render", str(path), "--style", "two-column", "-o", str(tmp_path / "b")).exit_code == 0
    text = pdf_text(tmp_path / "b" / "sales-marketing" / "sales-marketing-2026-Q4-two-column.pdf")
    assert f"Version 1.0 · sha256:{_sha(path)[:12]} Page" in text
    assert "git:" not in text
