"""Hardening of ``slagen build``: what an attacker or an accident can do to a build, a signed
period or the machine (issue 12). Real processes, real file edits during a build, a real full
file system."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from build_helpers import ALL_STYLES, agreement, write_folder
from conftest import ROOT, run
from render_helpers import pdf_text

#: Whole builds, killed, full or edited under way: end to end.
pytestmark = pytest.mark.slow

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
    text = agreement(agreement_id, signed=True, quota=quota)
    assert "styles: [two-column]" in text and ALL_STYLES  # build_helpers' one style
    return text.replace("styles: [two-column]", "styles: [two-column, tabular, visual, legal-narrative]")


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


def test_a_period_changed_in_the_manifest_does_not_let_a_build_overwrite_signed_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 5: the manifest is a cache; what it says never moves the guard."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    folder = write_folder(tmp_path, {"acme": agreement("acme", signed=True)})
    assert run("build", "agreements").exit_code == 0
    pdf = Path("output/acme/acme-2026-Q4.pdf")
    signed = pdf.read_bytes()
    manifest = Path("output/.slagen-manifest.json")
    data = json.loads(manifest.read_text())
    (entry,) = data["agreements"].values()
    entry["facts"]["period"] = "2026-Q3"
    manifest.write_text(json.dumps(data))

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # other bytes: a new date on every page
    faked = run("build", "agreements")
    assert faked.exit_code == 1, faked.stderr
    assert "manifest" in faked.stderr and "nothing was written" in faked.stderr
    assert pdf.read_bytes() == signed
    assert not Path("output/acme/acme-2026-Q3.pdf").exists()
    again = run("build", "agreements")  # the faked facts were forgotten: the guard refuses
    assert again.exit_code == 1
    assert "acme 2026-Q4 is signed off" in again.stderr
    assert pdf.read_bytes() == signed
    assert (folder / "acme.yaml").is_file()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MiB file system (tmpfs), unmounted afterwards."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True, text=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """Fill ``disk`` but ``leave`` bytes with one file; returns the file."""
    filler = disk / "filler"
    st = os.statvfs(disk)
    free = st.f_bavail * st.f_frsize
    filler.write_bytes(b"\0" * (free - leave))
    return filler


def test_a_full_disk_during_the_first_build_of_a_signed_period_leaves_no_unguarded_document(
    tmp_path: Path, small_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 6: the signed copy is kept before the documents; the manifest failure is reported."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    folder = write_folder(tmp_path, {"acme": agreement("acme", signed=True)})
    assert run("build", "agreements", "-o", "reference").exit_code == 0
    size = Path("reference/acme/acme-2026-Q4.pdf").stat().st_size
    page = 4096
    out = small_disk / "output"
    out.mkdir()
    # room for the PDF and not much more: not for the PDF, the signed copy and the manifest
    filler = fill(small_disk, -(-size // page) * page + page)

    full = run("build", "agreements", "-o", str(out))
    assert full.exit_code == 1
    assert "No space left on device" in full.stderr
    assert "Traceback" not in full.stderr
    pdf, copy = out / "acme/acme-2026-Q4.pdf", out / "acme/.signed/2026-Q4.yaml"
    assert not pdf.exists() or copy.read_bytes() == (folder / "acme.yaml").read_bytes()
    assert not list(out.rglob("*.tmp")) and not list(out.rglob(".slagen-staging-*"))

    filler.unlink()
    (folder / "acme.yaml").write_text(agreement("acme", signed=True, quota=9000), encoding="utf-8")
    after = run("build", "agreements", "-o", str(out))
    sealed = copy.read_bytes().decode()
    # whatever the first build left, the documents state the terms the sealed copy states
    if "sales_quota: 9000" in sealed:
        assert after.exit_code == 0, after.stderr
        assert "9,000.00 USD" in pdf_text(pdf)
    else:  # sealed before the disk was full: the changed terms are refused, nothing written
        assert after.exit_code == 1
        assert "acme 2026-Q4 is signed off" in after.stderr
        assert not pdf.exists() or "5,000.00 USD" in pdf_text(pdf)


def test_a_manifest_that_cannot_be_saved_is_an_error_not_a_traceback(
    tmp_path: Path, small_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 6: saving the manifest on a full disk is reported; the documents built are kept."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    write_folder(tmp_path, {"acme": agreement("acme")})
    out = small_disk / "output"
    assert run("build", "agreements", "-o", str(out)).exit_code == 0
    manifest = out / ".slagen-manifest.json"
    before = manifest.read_bytes()
    Path("agreements/acme.yaml").write_text(agreement("acme", quota=6000), encoding="utf-8")
    fill(small_disk, 0)
    full = run("build", "agreements", "-o", str(out))
    assert full.exit_code == 1
    assert "cannot" in full.stderr and "No space left on device" in full.stderr
    assert manifest.read_bytes() == before
    assert not list(out.rglob("*.tmp"))


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def test_workers_stop_when_the_build_is_killed(tmp_path: Path) -> None:
    """Item 17: a killed parent build leaves no worker rendering."""
    write_folder(tmp_path, {"acme": four_styles("acme"), "beta": four_styles("beta")})
    proc = slagen_process(tmp_path, "build", "agreements", "-j", "2", cwd=tmp_path)
    workers: list[int] = []
    deadline = time.monotonic() + 120
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
        workers = [w for child in _children(proc.pid) for w in _children(child)]
    assert len(workers) >= 2, "no workers started"
    time.sleep(1)  # they are rendering now
    proc.kill()
    proc.communicate()
    deadline = time.monotonic() + 1.5
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [w for w in workers if Path(f"/proc/{w}").exists() and "Z" not in _state(w)]
    assert not alive, f"workers {alive} are still running after the build was killed"


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_a_template_loop_without_output_fails_its_documents_in_the_workers(tmp_path: Path) -> None:
    """Item 13 in a build: the step bound holds in the worker processes, each document of
    the looping style fails with the template's file and line, the others are written, and
    the build exits 1 without a traceback."""
    mine = tmp_path / "mine" / "tabular"
    mine.mkdir(parents=True)
    (mine / "document.html").write_text(
        "<!doctype html><html><body>\n"
        "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}\n"
        "</body></html>\n",
        encoding="utf-8",
    )
    both = "styles: [two-column, tabular]"
    write_folder(
        tmp_path,
        {n: agreement(n).replace("styles: [two-column]", both) for n in ("acme", "beta")},
    )
    proc = slagen_process(
        tmp_path, "build", "agreements", "-j", "2", "--templates", str(tmp_path / "mine"), cwd=tmp_path
    )
    try:
        out, err = proc.communicate(timeout=240)
    finally:
        proc.kill()
    assert proc.returncode == 1, err
    assert "Traceback" not in out + err
    where = f"{mine / 'document.html'}:2: template error: more than 1,000,000 loop iterations and calls"
    assert err.count(where) == 2, err
    written = sorted(p.name for p in (tmp_path / "output").rglob("*.pdf"))
    assert written == ["acme-2026-Q4-two-column.pdf", "beta-2026-Q4-two-column.pdf"]
    assert not [p for p in (tmp_path / "output").rglob("*") if p.name.startswith(".") and p.suffix != ".json"]
