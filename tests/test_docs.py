"""The README stays true to the CLI: every command has help text and is documented."""

from __future__ import annotations

import re

from conftest import ROOT, run

from slagen.cli import cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_has_help_text() -> None:
    for name, command in cli.commands.items():
        assert command.help and command.help.strip(), f"`slagen {name}` has no help text"
        result = run(name, "--help")
        assert result.exit_code == 0
        first_line = " ".join(command.help.strip().splitlines()[0].split())
        assert first_line in " ".join(result.output.split())


def test_every_command_is_in_the_readme_table() -> None:
    documented = set(re.findall(r"^\| `slagen (\w+)", README, flags=re.MULTILINE))
    assert documented == set(cli.commands), "README's command table differs from the CLI"


def test_readme_starts_with_the_two_setup_commands() -> None:
    block = re.search(r"```sh\n(.*?)```", README, flags=re.DOTALL)
    assert block is not None
    commands = [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]
    assert commands == ["make render", "make test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
