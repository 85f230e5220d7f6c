"""slagen installed as a user installs it: a wheel in a fresh virtual environment, run
from a folder outside the checkout, renders every style of an example."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import AGREEMENTS, ROOT
from pypdf import PdfReader

pytestmark = pytest.mark.slow

EXAMPLE = "paper-supplier"


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False
    )


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel, the wheel built from the sdist (as pip does from PyPI)."""
    out = tmp_path_factory.mktemp("dist")
    build = [sys.executable, "-c", "import sys, hatchling.build as b; print(b.build_sdist(sys.argv[1]))", out]
    r = _run(*build, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    sdist = out / r.stdout.strip()
    unpacked = tmp_path_factory.mktemp("sdist")
    shutil.unpack_archive(sdist, unpacked, filter="data")
    (src,) = unpacked.iterdir()
    r = _run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", out, src, cwd=out
    )
    assert r.returncode == 0, r.stderr
    return out


@pytest.fixture(scope="module")
def venv(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with only the wheel and its dependencies, installed by this
    interpreter's pip into it (``pip --python``: no second pip is bootstrapped into the
    environment) without compiling their byte code ahead (Python compiles a module when it is
    first imported): the same files a user's ``pip install`` puts there, in about half the time."""
    env_dir = tmp_path_factory.mktemp("venv")
    r = _run(sys.executable, "-m", "venv", "--without-pip", env_dir, cwd=env_dir)
    assert r.returncode == 0, r.stderr
    (wheel,) = dist.glob("slagen-*.whl")
    r = _run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        env_dir / "bin" / "python",
        "install",
        "-q",
        "--no-compile",
        "--disable-pip-version-check",
        "-c",
        ROOT / "constraints.txt",
        wheel,
        cwd=env_dir,
    )
    assert r.returncode == 0, r.stderr
    return env_dir


def test_the_wheel_carries_the_templates(dist: Path) -> None:
    (wheel,) = dist.glob("slagen-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.relative_to(ROOT).as_posix() for p in (ROOT / "templates").rglob("*") if p.is_file()}
    assert shipped, "no templates in the checkout"
    assert {f"slagen/{n}" for n in shipped} <= names
    assert not any(n.startswith("templates/") for n in names), "templates also at the top of the wheel"


def test_a_wheel_install_renders_every_style_outside_the_checkout(venv: Path, tmp_path: Path) -> None:
    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(AGREEMENTS / f"{EXAMPLE}.yaml", work)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["SLAGEN_CACHE_DIR"] = str(tmp_path / "cache")
    where = _run(venv / "bin" / "python", "-c", "import slagen; print(slagen.__file__)", cwd=work, env=env)
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout + where.stderr

    r = _run(venv / "bin" / "slagen", "render", f"{EXAMPLE}.yaml", cwd=work, env=env)
    assert r.returncode == 0, r.stderr
    styles = yaml.safe_load((work / f"{EXAMPLE}.yaml").read_text())["presentation"]["styles"]
    pdfs = sorted((work / "output" / EXAMPLE).glob("*.pdf"))
    assert len(pdfs) == len(styles) >= 2
    title = yaml.safe_load((work / f"{EXAMPLE}.yaml").read_text())["title"]
    for style, pdf in zip(sorted(styles), pdfs, strict=True):
        assert pdf.name.endswith(f"-{style}.pdf")
        text = PdfReader(pdf).pages[0].extract_text()
        assert title.split()[0] in text


def test_a_zipped_slagen_finds_its_templates(venv: Path, tmp_path: Path) -> None:
    """From a zip on sys.path the templates are copied out once and the render works."""
    archive = tmp_path / "slagen.zip"
    site = next((venv / "lib").glob("python3*/site-packages"))
    with zipfile.ZipFile(archive, "w") as z:
        for f in sorted((site / "slagen").rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts:
                z.write(f, f.relative_to(site).as_posix())
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(AGREEMENTS / f"{EXAMPLE}.yaml", work)
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    env["PYTHONPATH"] = str(archive)
    env["SLAGEN_CACHE_DIR"] = ""
    probe = "import slagen.render.builtin as b; print(b.__file__); print(b.builtin_templates())"
    r = _run(venv / "bin" / "python", "-c", probe, cwd=work, env=env)
    assert r.returncode == 0, r.stderr
    module, folder = r.stdout.split()
    assert module.startswith(str(archive))
    assert not Path(folder).is_relative_to(venv)
    r = _run(
        venv / "bin" / "python",
        "-m",
        "slagen",
        "render",
        f"{EXAMPLE}.yaml",
        "--format",
        "html",
        "--style",
        "tabular",
        cwd=work,
        env=env,
    )
    assert r.returncode == 0, r.stderr
    html = next((work / "output" / EXAMPLE).glob("*-tabular.html")).read_text()
    assert "<table" in html
