"""Helpers of the tests that need git: a repository in a temporary folder with a fixed author."""

from __future__ import annotations

import subprocess
from pathlib import Path

AGREEMENT = "agreements/sales-marketing.yaml"


class GitRepo:
    """A git repository in a temporary folder, committed to with a fixed author and date."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        """Run git in the repository; fail the test if it fails."""
        proc = subprocess.run(["git", *args], cwd=self.root, capture_output=True, text=True, check=False)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    def write(self, rel: str, text: str) -> None:
        p = self.root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")

    def commit(self, message: str, files: dict[str, str] | None = None) -> None:
        """Write ``files``, stage everything and commit."""
        for rel, text in (files or {}).items():
            self.write(rel, text)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
