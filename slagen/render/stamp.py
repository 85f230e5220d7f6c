"""The version stamp: which source a printed page came from."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Stamp:
    """A short content hash of the agreement file, and its git commit when it has one."""

    digest: str
    """The first 12 hex digits of the file's sha256."""
    commit: str | None
    """The last commit of the file, when it is tracked and unchanged since."""

    @property
    def text(self) -> str:
        """The stamp as printed in the footer."""
        if self.commit:
            return f"sha256:{self.digest} · git:{self.commit}"
        return f"sha256:{self.digest}"


def _git(cwd: Path, *args: str) -> str | None:
    git = shutil.which("git")
    if git is None:
        return None
    done = subprocess.run(
        [git, "-C", str(cwd), *args], capture_output=True, text=True, check=False, timeout=30
    )
    return done.stdout.strip() if done.returncode == 0 else None


def git_commit(path: Path) -> str | None:
    """The short id of the last commit of ``path``, if tracked with no uncommitted change."""
    folder = path.resolve().parent
    name = path.resolve().name
    if _git(folder, "ls-files", "--error-unmatch", "--", name) is None:
        return None
    status = _git(folder, "status", "--porcelain", "--", name)
    if status is None or status:
        return None
    return _git(folder, "log", "-1", "--format=%h", "--abbrev=12", "--", name) or None


def version_stamp(path: Path, data: bytes) -> Stamp:
    """The stamp of the agreement at ``path`` whose bytes are ``data``."""
    return Stamp(hashlib.sha256(data).hexdigest()[:12], git_commit(path))
