"""``slagen history FILE``: version entries for ``clauses.amendments.history``, offered from
``git log`` of the file.

The document states what the YAML says; this only drafts the entries for the author to review
and paste: one per version the file's ``version`` key has had, dated by the first commit that
carried it and summarised by that commit's subject. Nothing is written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from slagen.agreement.source import parse_source

from ..errors import UsageError
from .git import git, repo_root


@dataclass(frozen=True)
class Entry:
    """One version of the file as the history first shows it."""

    version: str
    date: str
    summary: str
    commit: str


def version_entries(file: Path) -> list[Entry]:
    """The versions of ``file``, oldest first, each from the first commit that carried it."""
    root = repo_root(file.resolve().parent)
    rel = file.resolve().relative_to(root).as_posix()
    log = git(root, "log", "--reverse", "--format=%H%x00%cs%x00%s", "--", rel)
    lines = [x for x in log.stdout.decode("utf-8", "replace").splitlines() if x]
    if log.returncode != 0 or not lines:
        raise UsageError(f"{file}: no commit of this file in git (commit it first)")
    entries: list[Entry] = []
    for line in lines:
        commit, day, subject = line.split("\0", 2)
        shown = git(root, "show", f"{commit}:{rel}")
        if shown.returncode != 0:
            continue
        data = parse_source(shown.stdout, rel).data
        version = data.get("version") if isinstance(data, dict) else None
        if isinstance(version, str) and (not entries or entries[-1].version != version):
            entries.append(Entry(version, day, subject.rstrip("."), commit[:12]))
    return entries


def history_yaml(file: Path) -> str:
    """The entries as YAML for ``clauses.amendments.history``, with a note to review them."""
    out = [
        f"# Versions of {file.as_posix()} from git log, oldest first: review each summary, then",
        "# paste under clauses.amendments.history (the document states what the YAML says).",
    ]
    for e in version_entries(file):
        out += [
            f"- version: {json.dumps(e.version)}  # commit {e.commit}",
            f"  date: {e.date}",
            f"  summary: {json.dumps(e.summary, ensure_ascii=False)}",
        ]
    return "\n".join(out) + "\n"
