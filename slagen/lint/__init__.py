"""``slagen lint``: warnings for the practices the SLA guide names, each at ``file:line``.

Rules are grouped in small modules; importing them registers them in
:data:`~slagen.lint.registry.RULES` under ids such as ``SLA001``.
"""

from __future__ import annotations

from . import availability, clauses, essentials, funnel, goals, reporting, terms, times
from .registry import RULES, Context, Finding, Rule
from .run import LintFailed, LintReport, lint_paths, rules_table, today_from

__all__ = [
    "RULES",
    "Context",
    "Finding",
    "LintFailed",
    "LintReport",
    "Rule",
    "availability",
    "clauses",
    "essentials",
    "funnel",
    "goals",
    "lint_paths",
    "reporting",
    "rules_table",
    "terms",
    "times",
    "today_from",
]
