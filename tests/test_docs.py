"""The README and the documentation site stay true to the CLI and build without a warning."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run

from slagen.cli import cli

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS_PAGE = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")


def test_every_command_has_help_text() -> None:
    for name, command in cli.commands.items():
        assert command.help and command.help.strip(), f"`slagen {name}` has no help text"
        result = run(name, "--help")
        assert result.exit_code == 0
        first_line = " ".join(command.help.strip().splitlines()[0].split())
        assert first_line in " ".join(result.output.split())


def test_every_command_is_in_the_commands_page() -> None:
    documented = set(re.findall(r"^\| `slagen (\w+)", COMMANDS_PAGE, flags=re.MULTILINE))
    assert documented == set(cli.commands), "docs/commands.md's table differs from the CLI"


def test_readme_starts_with_the_two_setup_commands() -> None:
    block = re.search(r"```sh\n(.*?)```", README, flags=re.DOTALL)
    assert block is not None
    commands = [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]
    assert commands == ["make render", "make test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_the_readme_links_to_pages_that_exist() -> None:
    links = re.findall(r"\]\(([^)#:]+)\)", README)
    assert links, "the README links to no documentation page"
    for link in links:
        assert (ROOT / link).exists(), f"README links to a missing file: {link}"


@pytest.mark.slow
def test_the_documentation_site_builds_strictly(tmp_path: Path) -> None:
    """``mkdocs build --strict``: a broken link, a page missing from the navigation or a
    command reference that does not import fails the build."""
    r = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    reference = (tmp_path / "site" / "reference" / "index.html").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"slagen {name}" in reference, f"the command reference lacks `slagen {name}`"
