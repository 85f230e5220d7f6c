"""The validation checks' registry: each check has a name, a short reason, and a function.

A check is a function of a :class:`Context` that yields :class:`Finding` s, each at
a key path of the agreement; :func:`check` registers it under its name. Checks live
in small modules by what they look at (ids, parties, term, inputs, cancellation,
presentation, references) and run in the order they are registered. A new check is
one function in one of those modules (or a new module imported by ``__init__``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slagen.agreement.model import Agreement
from slagen.agreement.source import Path_, Source


@dataclass(frozen=True)
class Finding:
    """What a check found, at the key path it is about."""

    path: Path_
    message: str
    severity: str = "error"
    """``error`` (the agreement is invalid) or ``warning``."""


@dataclass(frozen=True)
class Context:
    """What a check may look at: the agreement, where and how it was written."""

    agreement: Agreement
    source: Source
    file: Path
    """The agreement's file: paths it names (its logo) are relative to its folder."""
    data: dict[str, Any]
    """The agreement as written (plain data), for checks of references by id."""


CheckFn = Callable[[Context], Iterator[Finding]]


@dataclass(frozen=True)
class Check:
    """A validation check: a name such as ``unique-ids``, what it checks, and the function."""

    name: str
    summary: str
    run: CheckFn


CHECKS: dict[str, Check] = {}


def check(name: str, summary: str) -> Callable[[CheckFn], CheckFn]:
    """Register the decorated function as validation check ``name``."""

    def register(fn: CheckFn) -> CheckFn:
        if name in CHECKS:  # pragma: no cover - a programming error caught at import
            raise RuntimeError(f"validation check {name} is registered twice")
        CHECKS[name] = Check(name, summary, fn)
        return fn

    return register
