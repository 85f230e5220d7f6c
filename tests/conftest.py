"""Shared test helpers: the example agreements, a file-tree builder, the CLI runner, a git
repository, and where a snippet is in a text."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from git_helpers import GitRepo

from slagen.cli import cli

ROOT = Path(__file__).resolve().parent.parent
AGREEMENTS = ROOT / "agreements"
EXAMPLES = sorted(p for p in AGREEMENTS.glob("*.yaml"))


@pytest.fixture(autouse=True, scope="session")
def _template_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Compiled templates go to a folder of the test session, not the user's cache."""
    before = os.environ.get("SLAGEN_CACHE_DIR")
    os.environ["SLAGEN_CACHE_DIR"] = str(tmp_path_factory.mktemp("template-cache"))
    yield
    if before is None:
        del os.environ["SLAGEN_CACHE_DIR"]
    else:
        os.environ["SLAGEN_CACHE_DIR"] = before


def run(*args: str, input: str | None = None) -> Result:
    """Invoke the CLI in-process, as a user would from the shell."""
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def build_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (relative path -> content) below ``root`` and return ``root``."""
    for rel, content in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
    return root


def at(text: str, snippet: str, column_of: str | None = None) -> str:
    """``line:column`` of ``snippet`` in ``text`` (column of ``column_of`` within its line)."""
    for n, line in enumerate(text.splitlines(), 1):
        if snippet in line:
            return f"{n}:{line.index(column_of or snippet) + 1}"
    raise AssertionError(f"{snippet!r} not in the text")


def example_text(name: str = "sales-marketing") -> str:
    """The YAML text of an example agreement."""
    return (AGREEMENTS / f"{name}.yaml").read_text(encoding="utf-8")


def example_data(name: str = "sales-marketing") -> dict:  # type: ignore[type-arg]
    """An example agreement as plain data, to change and dump in a test."""
    return yaml.safe_load(example_text(name))  # type: ignore[no-any-return]


@pytest.fixture
def write_agreement(tmp_path: Path) -> Callable[..., Path]:
    """Write an agreement (text or data) into ``tmp_path`` and return its path."""

    def write(content: str | dict, name: str = "agreement.yaml") -> Path:  # type: ignore[type-arg]
        text = content if isinstance(content, str) else yaml.safe_dump(content, sort_keys=False)
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        return p

    return write


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """An empty repository as the current folder, isolated from the user's git configuration."""
    env = {
        "GIT_AUTHOR_NAME": "Ana Reviewer",
        "GIT_AUTHOR_EMAIL": "ana@example.com",
        "GIT_AUTHOR_DATE": "2026-10-01T09:00:00+00:00",
        "GIT_COMMITTER_NAME": "Ana Reviewer",
        "GIT_COMMITTER_EMAIL": "ana@example.com",
        "GIT_COMMITTER_DATE": "2026-10-01T09:00:00+00:00",
        "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CEILING_DIRECTORIES": str(tmp_path),
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    root = tmp_path / "repo"
    root.mkdir()
    monkeypatch.chdir(root)
    return GitRepo(root)
