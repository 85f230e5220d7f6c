"""The lint rules' registry: each rule has an id, a short reason, and a check.

A rule is a function of a :class:`Context` that yields :class:`Finding` s, each at
a key path of the agreement; :func:`rule` registers it under its id. Rules live
in small modules by group (availability, goals, funnel, clauses, reporting).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from slagen.agreement.model import Agreement
from slagen.agreement.source import Path_, Source

from ..targets import TargetSet


@dataclass(frozen=True)
class Finding:
    """What a rule found, at the key path it is about."""

    path: Path_
    message: str


@dataclass(frozen=True)
class Context:
    """What a rule may look at: the agreement, where it was written, the targets and today."""

    agreement: Agreement
    source: Source
    targets: TargetSet
    """The agreement's computed targets for its term's period (those its check computed)."""
    today: date


Check = Callable[[Context], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    """A lint rule: an id such as ``SLA001``, a name, the practice it checks, and the check."""

    id: str
    name: str
    summary: str
    check: Check


RULES: dict[str, Rule] = {}


def rule(rule_id: str, name: str, summary: str) -> Callable[[Check], Check]:
    """Register the decorated check as rule ``rule_id``."""

    def register(check: Check) -> Check:
        if rule_id in RULES:  # pragma: no cover - a programming error caught at import
            raise RuntimeError(f"lint rule {rule_id} is registered twice")
        RULES[rule_id] = Rule(rule_id, name, summary, check)
        return check

    return register


def strings(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every text of ``value`` (an agreement as data: ``model_dump(mode="json")``), with its key path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from strings(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from strings(v, (*path, i))
