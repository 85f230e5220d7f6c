"""Reviewing agreement changes: terms, moved targets and redlined prose between two versions.

The pipeline: :mod:`.git` finds the versions (two files, or git revisions), :mod:`.compare`
loads and compares them (terms from :mod:`.terms`, wording from :mod:`.redline`), and
:mod:`.present` shows the result as terminal text, Markdown or JSON.
"""

from __future__ import annotations

from .compare import AgreementDiff, DiffError, DiffReport, TargetChange
from .git import run_diff
from .present import as_json, markdown, text

__all__ = [
    "AgreementDiff",
    "DiffError",
    "DiffReport",
    "TargetChange",
    "as_json",
    "markdown",
    "render",
    "run_diff",
    "text",
]


def render(report: DiffReport, fmt: str, *, color: bool = False) -> str:
    """The report in format ``fmt`` (``text``, ``markdown`` or ``json``)."""
    if fmt == "markdown":
        return markdown(report)
    if fmt == "json":
        return as_json(report)
    return text(report, color=color)
