"""Hardening of ``slagen build``: what an attacker or an accident can do to a build, a signed
period or the machine (issue 12). Real processes, real file edits during a build, a real full
file system."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from build_helpers import ALL_STYLES, agreement, write_folder
from conftest import ROOT, run
from render_helpers import pdf_text

#: Runs slagen as its console script does: the script's folder, not the working folder, is
#: first on sys.path.
RUNNER = "import sys\nfrom slagen.__main__ import main\nif __name__ == '__main__':\n    sys.exit(main())\n"


def slagen_process(tmp: Path, *args: str, cwd: Path) -> subprocess.Popen[str]:
    """``slagen ARGS`` in a new process in ``cwd``, started as the installed command is."""
    bin_dir = tmp / "bin"
    bin_dir.mkdir(exist_ok=True)
    script = bin_dir / "slagen"
    script.write_text(RUNNER, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "PYTHONSAFEPATH")}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.Popen(
        [sys.executable, str(script), *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def four_styles(agreement_id: str, *, quota: int = 5000) -> str:
    """The signed sales-marketing example as ``agreement_id`` in its four styles, PDF only."""
    return agreement(agreement_id, signed=True, quota=quota).replace("styles: [two-column]", ALL_STYLES)


def test_an_edit_during_the_first_build_of_a_signed_period_changes_no_document(tmp_path: Path) -> None:
    """Item 1: the bytes every document is rendered from are the bytes hashed and sealed."""
    folder = write_folder(tmp_path, {"acme": four_styles("acme")})
    planned = (folder / "acme.yaml").read_bytes()
    proc = slagen_process(tmp_path, "build", "agreements", "-j", "2", cwd=tmp_path)
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if "] rendered " in line:  # the first document is done, the others are still to come
            (folder / "acme.yaml").write_text(four_styles("acme", quota=9000), encoding="utf-8")
            break
    _, rest = proc.communicate(timeout=300)
    err = "".join(seen) + rest
    assert proc.returncode == 0, err
    pdfs = sorted((tmp_path / "output" / "acme").glob("*.pdf"))
    assert len(pdfs) == 4
    for pdf in pdfs:
        text = pdf_text(pdf)
        assert "9,000.00" not in text, pdf
        assert "5,000.00 USD" in text, pdf
    sealed = tmp_path / "output" / "acme" / ".signed" / "2026-Q4.yaml"
    assert sealed.read_bytes() == planned

    os.chdir(tmp_path)
    try:
        changed = run("build", "agreements")
        assert changed.exit_code == 1, changed.stderr
        assert "inputs.funnel.sales_quota: 5000 -> 9000" in changed.stderr
        (folder / "acme.yaml").write_bytes(planned)
        again = run("build", "agreements")
        assert again.exit_code == 0, again.stderr
        assert "0 documents rendered, 4 unchanged, 0 failed" in again.stderr
    finally:
        os.chdir(ROOT)


def test_a_module_planted_in_the_working_folder_is_not_imported_by_the_workers(tmp_path: Path) -> None:
    """Item 2: the workers' fork server does not put the working folder on sys.path."""
    write_folder(tmp_path, {"acme": agreement("acme")})
    marker = tmp_path / "PLANTED-CODE-RAN"
    for name in ("inspect", "jinja2", "weasyprint", "html"):  # imported by the renderers
        (tmp_path / f"{name}.py").write_text(
            f"open({str(marker)!r}, 'a').write({name!r} + '\\n')\n", encoding="utf-8"
        )
    proc = slagen_process(tmp_path, "build", "agreements", "-j", "1", cwd=tmp_path)
    _, err = proc.communicate(timeout=300)
    assert not marker.exists(), marker.read_text()
    assert proc.returncode == 0, err
    assert (tmp_path / "output" / "acme" / "acme-2026-Q4.pdf").is_file()
