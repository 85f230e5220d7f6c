"""The test suite on every supported Python, and against the newest releases of the libraries.

``nox`` (``make matrix``) runs:

- ``tests-3.11``, ``tests-3.12``, ``tests-3.13``: the package built as a wheel and installed
  with the known-good versions of ``constraints.txt``, then the suite;
- ``newest``: the same with the newest releases that ``pyproject.toml``'s ranges allow, so a
  new release of click, Jinja or pydantic that breaks slagen shows here before a user meets it;
- ``oldest``: the same with the lowest release each range allows (its ``>=`` bound pinned), so
  a lower bound is one the suite has passed with.

The interpreters are looked up as ``python3.X`` on ``PATH`` (with pyenv, ``make matrix`` makes
all three visible). pytest runs from the installed package, not the source tree, so the
wheel's own templates are what the render tests use.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import nox

PYTHONS = ["3.11", "3.12", "3.13"]
nox.options.sessions = [*(f"tests-{v}" for v in PYTHONS), "newest", "oldest"]
nox.options.reuse_existing_virtualenvs = True


def _pytest(session: nox.Session) -> None:
    session.run("pytest", "-q", "-p", "no:cacheprovider", *session.posargs)


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The suite with the pinned, known-good libraries."""
    session.install("-c", "constraints.txt", ".[dev]")
    _pytest(session)


@nox.session(python=PYTHONS[-1])
def newest(session: nox.Session) -> None:
    """The suite with the newest library releases the dependency ranges allow."""
    session.install("--upgrade", "--upgrade-strategy", "eager", ".[dev]")
    session.run("pip", "list", "--format=freeze", silent=False)
    _pytest(session)


def lower_bounds() -> list[str]:
    """``name==X`` for every runtime dependency declared ``name>=X,...`` in pyproject.toml."""
    deps = tomllib.loads(Path("pyproject.toml").read_text())["project"]["dependencies"]
    pins = []
    for dep in deps:
        m = re.match(r"^([A-Za-z0-9_.\-]+)\s*>=\s*([^,;\s]+)", dep)
        if m:
            pins.append(f"{m.group(1)}=={m.group(2)}")
    return pins


@nox.session(python=PYTHONS[0])
def oldest(session: nox.Session) -> None:
    """The suite with the lowest release of each runtime dependency its range allows."""
    session.install(".[dev]", *lower_bounds())
    session.run("pip", "list", "--format=freeze", silent=False)
    _pytest(session)
