"""The first revision of a signed PDF against what slagen builds now at its commit.

The first revision is the file as slagen wrote it: the bytes before the first incremental
update (every signature is one). The rebuild takes the agreement file at the commit (the
stamp's ``git:<commit>``, or ``--rev``), in a clone of the repository in a temporary folder
(``git clone --shared``: the repository itself is never written), and renders it with this
slagen, in the style, period, PDF variant and document date the build facts record. The
output is byte-reproducible, so an honest first revision is byte-identical to the rebuild.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from slagen.errors import SlagenError

from .document import Opened


def first_revision(doc: Opened) -> bytes:
    """The bytes of the PDF's first revision (through its first ``%%EOF`` line)."""
    xrefs = doc.reader.xrefs
    end = xrefs.get_xref_container_info(0).end_location
    eof = doc.data.find(b"%%EOF", end)
    if eof < 0:
        return doc.data
    stop = eof + 5
    while stop < len(doc.data) and doc.data[stop : stop + 1] in (b"\r", b"\n"):
        stop += 1
    return doc.data[:stop]


@dataclass(frozen=True)
class Rebuild:
    """How the rebuild went."""

    status: str
    """``identical``, ``different``, ``skipped`` or ``failed``."""
    detail: str
    problem: str | None = None


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    git = shutil.which("git") or "git"
    return subprocess.run([git, "-C", str(cwd), *args], capture_output=True, check=False, timeout=120)


def repository(start: Path) -> Path | None:
    """The top folder of the git repository ``start`` is in, or ``None``."""
    if shutil.which("git") is None:
        return None
    done = _git(start, "rev-parse", "--show-toplevel")
    return Path(done.stdout.decode().strip()) if done.returncode == 0 else None


def _find_source(repo: Path, commit: str, name: str, data: bytes) -> str | None:
    """The path at ``commit`` of the agreement named ``name``: the one whose bytes are
    ``data`` when several have that name."""
    done = _git(repo, "ls-tree", "-r", "--name-only", "-z", commit)
    paths = [p for p in done.stdout.decode().split("\0") if p and Path(p).name == name]
    for p in paths:
        blob = _git(repo, "cat-file", "blob", f"{commit}:{p}")
        if blob.returncode == 0 and blob.stdout == data:
            return p
    return paths[0] if paths else None


@contextmanager
def _epoch(when: str) -> Iterator[None]:
    """``SOURCE_DATE_EPOCH`` set to the recorded document date while rendering."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = datetime.strptime(when, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(stamp.timestamp()))
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def rebuild(doc: Opened, facts: dict[str, str], source: bytes, rev: str | None, repos: list[Path]) -> Rebuild:
    """Rebuild the document at its commit, from the first of ``repos`` that has it, and compare
    it with the first revision."""
    stamp = facts.get("Stamp", "")
    commit = rev or (stamp.split("git:", 1)[1].strip() if "git:" in stamp else None)
    if not facts:
        return Rebuild("skipped", "not rebuilt: the PDF holds no slagen build facts")
    if commit is None:
        return Rebuild(
            "skipped", "not rebuilt: its stamp names no commit (the YAML was not committed when rendered)"
        )
    if not repos:
        return Rebuild("skipped", f"not rebuilt: not in a git repository (commit {commit})")
    if facts.get("Templates") == "custom":
        return Rebuild(
            "skipped", "not rebuilt: it was rendered with --templates, which the PDF does not hold"
        )
    found = [(r, _git(r, "rev-parse", "--verify", "--quiet", f"{commit}^{{commit}}")) for r in repos]
    have = [(r, done.stdout.decode().strip()) for r, done in found if done.returncode == 0]
    if not have:
        where = " or ".join(str(r) for r in repos)
        noun = "repository" if len(repos) == 1 else "repositories"
        return Rebuild("failed", "", f"commit {commit} is not in the {noun} {where}")
    repo, sha = have[0]
    name = facts.get("Source", "")
    path = _find_source(repo, sha, name, source)
    if path is None:
        return Rebuild("failed", "", f"there is no {name} in commit {commit}")
    with tempfile.TemporaryDirectory(prefix="slagen-verify-") as tmp:
        clone = Path(tmp) / "repo"
        for args in (
            ("clone", "--quiet", "--shared", "--no-checkout", str(repo), str(clone)),
            ("-C", str(clone), "checkout", "--quiet", "--detach", sha),
        ):
            done = subprocess.run(
                [shutil.which("git") or "git", *args], capture_output=True, check=False, timeout=300
            )
            if done.returncode != 0:
                return Rebuild("failed", "", f"cannot check out {commit}: {done.stderr.decode().strip()}")
        try:
            built = _render(clone / path, facts, Path(tmp) / "out")
        except SlagenError as exc:
            return Rebuild("failed", "", f"the rebuild of {path} at {commit} failed: {exc.format_message()}")
    first = first_revision(doc)
    where = f"{path} at {commit} ({facts.get('Style')}, {facts.get('Period')})"
    if built == first:
        return Rebuild("identical", f"the first revision is byte-identical to the rebuild of {where}")
    digest = hashlib.sha256(built).hexdigest()[:12]
    return Rebuild(
        "different",
        "",
        f"the first revision ({len(first)} bytes, sha256:{hashlib.sha256(first).hexdigest()[:12]}) "
        f"differs from the rebuild of {where} ({len(built)} bytes, sha256:{digest})",
    )


def _render(path: Path, facts: dict[str, str], out: Path) -> bytes:
    from slagen.render import render_documents
    from slagen.render.options import RenderOptions

    options = RenderOptions(
        formats=("pdf",),
        period=facts.get("Period") or None,
        out_dir=out,
        pdf_variant=facts.get("Variant") or None,
    )
    with _epoch(facts.get("Date", "")):
        ((_, data),) = render_documents(path, style=facts.get("Style", ""), options=options)
    return data
