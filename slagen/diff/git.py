"""``slagen diff`` against git history: which agreement files changed, and their versions.

git is run as a subprocess; nothing here changes the repository. Revisions are checked
before use, so a typo is reported as an unknown revision rather than as git's output.
"""

from __future__ import annotations

import os
import posixpath
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path, PurePosixPath

from slagen.agreement.load import Loaded, is_data, load_agreement, validate_source
from slagen.agreement.source import Source, parse_source

from ..errors import Problem, UsageError
from .compare import DiffError, DiffReport, compare, gather

#: Folder compared when no path is given (as ``slagen check`` does).
DEFAULT_PATHS = ("agreements",)
WORKING_TREE = "working tree"


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``git args`` in ``cwd`` and return the finished process (not checked)."""
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed (slagen diff REV reads the history with it)") from None


def _stderr(proc: subprocess.CompletedProcess[bytes]) -> str:
    text = proc.stderr.decode("utf-8", "replace").strip()
    return text.removeprefix("fatal: ") or f"git exited with {proc.returncode}"


def repo_root(cwd: Path) -> Path:
    """The top folder of the git repository around ``cwd``."""
    proc = git(cwd, "rev-parse", "--show-toplevel")
    if proc.returncode != 0:
        raise UsageError(
            f"{cwd} is not inside a git repository; to compare two files, "
            "name both: slagen diff OLD.yaml NEW.yaml"
        )
    return Path(proc.stdout.decode("utf-8").strip())


def is_commit(cwd: Path, rev: str) -> bool:
    """Whether ``rev`` names a commit of the repository."""
    if rev.startswith("-"):
        return False
    return (
        git(cwd, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}").returncode == 0
    )


def is_agreement(rel: str) -> bool:
    """Whether a repository path is an agreement file (YAML, not hidden, not actuals)."""
    p = Path(rel)
    return (
        p.suffix in (".yaml", ".yml") and not any(part.startswith(".") for part in p.parts) and not is_data(p)
    )


def _split(cwd: Path, args: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Revisions first (at most two), then paths, as ``git diff`` reads them."""
    revs: list[str] = []
    paths: list[str] = []
    for arg in args:
        if not paths and len(revs) < 2 and is_commit(cwd, arg):
            revs.append(arg)
        elif (cwd / arg).exists():
            paths.append(arg)
        else:
            raise UsageError(
                f"unknown revision or path: {arg!r} is neither a commit of this repository "
                "nor a file in the working tree (put paths after '--')"
            )
    return revs, paths


def _changed_files(cwd: Path, revs: list[str], paths: list[str]) -> list[tuple[str, str]]:
    """(status letter, repository path) of each file that differs, sorted by path."""
    proc = git(cwd, "diff", "--name-status", "-z", "--no-renames", "--no-ext-diff", *revs, "--", *paths)
    if proc.returncode != 0:
        raise UsageError(f"git diff failed: {_stderr(proc)}")
    fields = proc.stdout.decode("utf-8").split("\0")
    out = [(fields[i][0], fields[i + 1]) for i in range(0, len(fields) - 1, 2)]
    if len(revs) < 2:  # a new agreement not yet added to git is still a change to review
        proc = git(cwd, "ls-files", "-z", "--others", "--exclude-standard", "--full-name", "--", *paths)
        out += [("A", f) for f in proc.stdout.decode("utf-8").split("\0") if f]
    return sorted((s, f) for s, f in out if is_agreement(f))


def _matches(cwd: Path, revs: list[str], path: str) -> bool:
    """Whether ``path`` names a file or folder in the working tree or in one of ``revs``."""
    if os.path.lexists(cwd / path):
        return True
    for rev in revs:
        proc = git(cwd, "ls-tree", "-r", "--name-only", rev, "--", path)
        if proc.returncode == 0 and proc.stdout.strip():
            return True
    return False


def _show(cwd: Path, rev: str, rel: str) -> bytes:
    proc = git(cwd, "show", "--no-textconv", f"{rev}:{rel}")
    if proc.returncode != 0:
        raise UsageError(f"cannot read {rev}:{rel}: {_stderr(proc)}")
    return proc.stdout


def diff_revisions(args: tuple[str, ...], paths: tuple[str, ...], cwd: Path) -> DiffReport:
    """Compare agreements between two commits, or a commit (default HEAD) and the working tree."""
    root = repo_root(cwd)
    revs, more = _split(cwd, args)
    wanted = more + list(paths)
    for p in wanted:
        if not (cwd / p).resolve().is_relative_to(root.resolve()):
            raise UsageError(f"{p} is outside the repository at {root}")
    for p in wanted:
        if not _matches(cwd, revs or ["HEAD"], p):
            raise UsageError(
                f"{p} matches no file, neither in the working tree nor in {' or '.join(revs or ['HEAD'])} "
                "(a typo? a path that matches nothing would compare nothing)"
            )
    if not wanted:
        wanted = [os.path.relpath(root / d, cwd) for d in DEFAULT_PATHS]
    old_rev = revs[0] if revs else "HEAD"
    if not revs and not is_commit(cwd, "HEAD"):
        raise UsageError("the repository has no commit yet to compare with (HEAD)")
    new_rev = revs[1] if len(revs) == 2 else None
    report = DiffReport(old_rev, new_rev or WORKING_TREE, new_revision=new_rev)
    problems: list[Problem] = []
    for status, rel in _changed_files(cwd, [old_rev, *([new_rev] if new_rev else [])], wanted):
        old = None if status == "A" else gather(problems, _revision, cwd, old_rev, rel, root)
        if status == "D":
            new = None
        elif new_rev:
            new = gather(problems, _revision, cwd, new_rev, rel, root)
        else:
            new = gather(problems, _working_tree, root, rel)
        if (old is None and status != "A") or (new is None and status != "D"):
            continue
        diff = compare(rel, old, new)
        report.compared.append(diff)
        if diff.changed:
            report.agreements.append(diff)
        else:
            report.unchanged.append(rel)
    if problems:
        raise DiffError(problems)
    return report


def _working_tree(root: Path, rel: str) -> Loaded:
    """The agreement in the working tree, named by its path in the repository."""
    return load_agreement(root / rel, display=rel)


def _revision(cwd: Path, rev: str, rel: str, root: Path) -> Loaded:
    """The agreement at ``rev:rel``, checked as ``slagen check`` would have checked it then.

    It is checked as if it lay in a temporary folder that holds the logo it names (from the
    same revision), so that every check, the logo's included, sees that revision's files.
    """
    src = parse_source(_show(cwd, rev, rel), f"{rev}:{rel}")
    with tempfile.TemporaryDirectory(prefix="slagen-diff-") as tmp:
        logo = _logo(src)
        if logo is not None:
            folder = PurePosixPath(rel).parent
            logo_rel = posixpath.normpath(str(folder / logo))
            if not logo_rel.startswith("..") and PurePosixPath(logo_rel).is_relative_to(folder):
                proc = git(cwd, "show", "--no-textconv", f"{rev}:{logo_rel}")
                if proc.returncode == 0:
                    dest = Path(tmp) / PurePosixPath(logo_rel).relative_to(folder)
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    dest.write_bytes(proc.stdout)
        loaded = validate_source(src, Path(tmp) / PurePosixPath(rel).name)
    return replace(loaded, path=root / rel)


def _logo(src: Source) -> str | None:
    """The logo path an agreement's text names, if any (read before validating it)."""
    data = src.data
    presentation = data.get("presentation") if isinstance(data, dict) else None
    logo = presentation.get("logo") if isinstance(presentation, dict) else None
    return logo if isinstance(logo, str) and logo.strip() else None


def diff_files(old: Path, new: Path) -> DiffReport:
    """Compare two agreement files."""
    problems: list[Problem] = []
    before = gather(problems, load_agreement, old)
    after = gather(problems, load_agreement, new)
    if problems or before is None or after is None:
        raise DiffError(problems)
    report = DiffReport(str(old), str(new))
    diff = compare(str(new), before, after)
    report.compared.append(diff)
    if diff.changed:
        report.agreements.append(diff)
    elif before.source.text != after.source.text:
        report.unchanged.append(str(new))
    return report


def run_diff(args: tuple[str, ...], paths: tuple[str, ...], cwd: Path | None = None) -> DiffReport:
    """``slagen diff``: two files when given two existing files, otherwise git revisions."""
    here = cwd or Path.cwd()
    if not paths and len(args) == 2 and all((here / a).is_file() for a in args):
        return diff_files(Path(args[0]), Path(args[1]))
    return diff_revisions(args, paths, here)
