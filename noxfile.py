"""The test suite on every supported Python, and against the newest releases of the libraries.

``nox`` (``make matrix``) runs:

- ``tests-3.11``, ``tests-3.12``, ``tests-3.13``: the package built as a wheel and installed
  with the known-good versions of ``constraints.txt``, then the suite;
- ``newest``: the same with the newest releases that ``pyproject.toml``'s ranges allow, so a
  new release of click, Jinja or pydantic that breaks slagen shows here before a user meets it.

Each range's lower bound is the release ``constraints.txt`` pins (what these sessions install), so
it is one the suite passes with; lowering a bound needs a session that installs the lower one.

The interpreters are looked up as ``python3.X`` on ``PATH`` (with pyenv, ``make matrix`` makes
all three visible). pytest runs from the installed package, not the source tree, so the
wheel's own templates are what the render tests use.
"""

from __future__ import annotations

import nox

PYTHONS = ["3.11", "3.12", "3.13"]
nox.options.sessions = [*(f"tests-{v}" for v in PYTHONS), "newest"]
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
