"""Signed-off periods: once every signatory has signed, the period's documents are final."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from build_helpers import agreement, progress_lines, summary, write_folder
from conftest import ROOT, run
from render_helpers import pdf_text

#: Whole builds of signed periods: end to end.
pytestmark = pytest.mark.slow

PDF = Path("output/acme/acme-2026-Q4.pdf")
COPY = Path("output/acme/.signed/2026-Q4.yaml")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """One signed agreement (acme, 2026-Q4), one style, PDF."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return write_folder(tmp_path, {"acme": agreement("acme", signed=True)})


def test_a_changed_signed_agreement_is_refused_and_the_pdf_kept_until_forced(folder: Path) -> None:
    first = run("build", "agreements")
    assert first.exit_code == 0, first.stderr
    signed_pdf = PDF.read_bytes()
    assert COPY.read_bytes() == (folder / "acme.yaml").read_bytes()
    records = json.loads(Path("output/.slagen-manifest.json").read_text())["outputs"]

    (folder / "acme.yaml").write_text(agreement("acme", signed=True, quota=6000), encoding="utf-8")
    refused = run("build", "agreements")
    assert refused.exit_code == 1
    lines = refused.stderr.splitlines()
    assert lines[:3] == [
        "agreements/acme.yaml: acme 2026-Q4 is signed off (output/acme/.signed/2026-Q4.yaml); "
        "building it again would change its documents, so nothing was written. Changed since sign-off:",
        "  Targets that move:",
        "    Marketing revenue goal per month: 5,000.00 USD -> 6,000.00 USD (+20%)",
    ]
    assert "    Leads needed per month: 100 -> 120 (+20%)" in lines
    assert lines[-4:-1] == [
        "  Terms that changed:",
        "    inputs.funnel.sales_quota: 5000 -> 6000",
        "  (pass --force to replace the signed documents)",
    ]
    assert summary(refused) == "built 1 agreement: 0 documents rendered, 0 unchanged, 1 failed"
    assert progress_lines(refused) == []
    assert PDF.read_bytes() == signed_pdf
    assert COPY.read_bytes() == agreement("acme", signed=True).encode()
    assert json.loads(Path("output/.slagen-manifest.json").read_text())["outputs"] == records
    assert not list(Path("output").rglob("*.tmp")) and not list(Path("output").glob(".slagen-staging-*"))

    forced = run("build", "agreements", "--force")
    assert forced.exit_code == 0, forced.stderr
    assert summary(forced) == "built 1 agreement: 1 document rendered, 0 unchanged, 0 failed"
    assert "At least 120 leads a month" in pdf_text(PDF)
    assert COPY.read_bytes() == (folder / "acme.yaml").read_bytes()  # the newly signed version
    assert (
        summary(run("build", "agreements"))
        == "built 1 agreement: 0 documents rendered, 1 unchanged, 0 failed"
    )


def test_signing_makes_the_period_final_and_unsigning_needs_force(folder: Path) -> None:
    (folder / "acme.yaml").write_text(agreement("acme"), encoding="utf-8")
    assert run("build", "agreements").exit_code == 0
    assert not COPY.exists()  # not signed by everyone yet: not final

    (folder / "acme.yaml").write_text(agreement("acme", signed=True), encoding="utf-8")
    signing = run("build", "agreements")
    assert summary(signing) == "built 1 agreement: 1 document rendered, 0 unchanged, 0 failed"
    assert COPY.is_file()
    signed_pdf = PDF.read_bytes()

    # Withdrawing a signature is a change too: refused, then forced (the period is open again).
    (folder / "acme.yaml").write_text(agreement("acme"), encoding="utf-8")
    refused = run("build", "agreements")
    assert refused.exit_code == 1
    assert "  - sign_off[kendra].signed_on: removed: 2025-12-16" in refused.stderr.splitlines()
    assert PDF.read_bytes() == signed_pdf
    assert run("build", "agreements", "--force").exit_code == 0
    assert not COPY.exists()
    assert PDF.read_bytes() != signed_pdf


def test_a_comment_only_change_is_refused_too(folder: Path) -> None:
    assert run("build", "agreements").exit_code == 0
    signed_pdf = PDF.read_bytes()
    (folder / "acme.yaml").write_text(agreement("acme", signed=True) + "# a note\n", encoding="utf-8")
    refused = run("build", "agreements")
    assert refused.exit_code == 1
    assert (
        "  the agreement file's comments or layout (not its terms); the version stamp would change"
        in refused.stderr.splitlines()
    )
    assert PDF.read_bytes() == signed_pdf


def test_changed_templates_are_compared_by_the_bytes_they_give(folder: Path, tmp_path: Path) -> None:
    """A change of the template files that leaves the signed PDF's bytes as they were is
    accepted; one that changes them is refused, naming the template, and the PDF is kept."""
    mine = tmp_path / "mine" / "two-column"
    mine.mkdir(parents=True)
    css = ROOT / "templates" / "two-column" / "style.css"
    shutil.copyfile(css, mine / "style.css")
    assert run("build", "agreements", "--templates", "mine").exit_code == 0
    signed_pdf = PDF.read_bytes()

    (mine / "NOTES.txt").write_text("Reviewed by legal, 2026-10-02.\n")  # used by no template
    same = run("build", "agreements", "--templates", "mine")
    assert same.exit_code == 0, same.stderr
    assert progress_lines(same) == ["[1/1] unchanged output/acme/acme-2026-Q4.pdf (signed off; same bytes)"]
    assert summary(same) == "built 1 agreement: 0 documents rendered, 1 unchanged, 0 failed"
    assert PDF.read_bytes() == signed_pdf
    assert summary(run("build", "agreements", "--templates", "mine")).endswith("1 unchanged, 0 failed")

    (mine / "style.css").write_text(css.read_text() + "\nh1 { color: #c00; }\n")
    refused = run("build", "agreements", "--templates", "mine")
    assert refused.exit_code == 1
    assert refused.stderr.splitlines()[-3:-1] == [
        "  output/acme/acme-2026-Q4.pdf: template two-column/style.css",
        "  (pass --force to replace the signed documents)",
    ]
    assert PDF.read_bytes() == signed_pdf
    assert not list(Path("output").glob(".slagen-staging-*"))


def test_a_missing_signed_pdf_is_rendered_again_when_its_bytes_are_the_same(folder: Path) -> None:
    assert run("build", "agreements").exit_code == 0
    signed_pdf = PDF.read_bytes()
    PDF.unlink()
    again = run("build", "agreements")
    assert again.exit_code == 0, again.stderr
    assert progress_lines(again) == ["[1/1] rendered output/acme/acme-2026-Q4.pdf (signed off; was missing)"]
    assert PDF.read_bytes() == signed_pdf
    entry = json.loads(Path("output/.slagen-manifest.json").read_text())["outputs"]["acme/acme-2026-Q4.pdf"]
    assert entry["signed"] is True


def test_another_period_of_a_signed_agreement_is_not_final(folder: Path) -> None:
    """Signatures are for the term's period; a document for another period is a draft."""
    result = run("build", "agreements", "--period", "2026-Q3")
    assert result.exit_code == 0, result.stderr
    assert Path("output/acme/acme-2026-Q3.pdf").is_file()
    assert not Path("output/acme/.signed").exists()
