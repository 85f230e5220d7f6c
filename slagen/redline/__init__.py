"""Redlines: an agreement's document with every change from an older version marked.

``slagen diff OLD NEW --format pdf|docx|html`` renders both versions in one style to the HTML
that PDF and DOCX both come from, compares the two trees (:mod:`.compare`: blocks aligned, then
words), and writes the new version with deletions struck through and insertions underlined.
The PDF and HTML open with a summary page (:mod:`.summary`); the DOCX carries the same marks as
Word tracked changes (``w:ins`` / ``w:del``), so accepting every change gives the new version's
text and rejecting every change the old one's. Comparing the rendered structure, not PDF text,
means a line that reflows is not a change.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from ..agreement.load import Loaded
from ..diff.compare import AgreementDiff, DiffReport
from ..errors import UsageError
from ..render import Rendered, document_date, encode, render_html
from ..render.options import RenderOptions
from ..render.stamp import version_stamp
from ..util.atomic import write_atomic

FORMATS = ("pdf", "docx", "html")


@dataclass(frozen=True)
class RedlineJob:
    """What ``slagen diff --format pdf|docx|html`` was asked for."""

    fmt: str
    style: str | None = None
    period: str | None = None
    templates: Path | None = None
    out: Path | None = None
    """A file (one agreement) or a folder; default ``output/<id>/``."""


@dataclass(frozen=True)
class Written:
    """One redline written: where, and how many places it marks."""

    path: Path
    changes: int


def _render(loaded: Loaded, style: str, period: str | None, templates: Path | None) -> Rendered:
    return render_html(loaded, style=style, options=RenderOptions(period=period, templates=templates))


def _author_and_date(report: DiffReport, new: Loaded, cwd: Path) -> tuple[str, datetime]:
    """The newer commit's author and date when the new version was read from a git revision,
    else ``slagen`` and the new document's date (never the wall clock: the same input gives the
    same bytes). A file or the working tree asks git nothing: a file's name may also be a ref."""
    if report.new_revision is None:
        return "slagen", document_date(new)
    proc = subprocess.run(
        ["git", "log", "-1", "--format=%an%x00%ct", report.new_revision, "--"],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    if proc.returncode == 0 and "\0" in proc.stdout:
        name, stamp = proc.stdout.strip().split("\0")
        return name or "slagen", datetime.fromtimestamp(int(stamp), UTC).replace(tzinfo=None)
    return "slagen", document_date(new)


@dataclass(frozen=True)
class _Redline:
    """What one agreement's redline is made of: both versions, in one style and period."""

    diff: AgreementDiff
    new: Loaded
    style: str
    period: str


def _planned(diff: AgreementDiff, new: Loaded, job: RedlineJob) -> _Redline:
    """The style (the new version's first by default) and period (its term's by default)."""
    style = job.style or new.agreement.presentation.styles[0]
    period = job.period or new.agreement.term.period
    return _Redline(_for_period(diff, period), new, style, period)


def _for_period(diff: AgreementDiff, period: str) -> AgreementDiff:
    """``diff`` with the targets that move over ``period``, the one the redline renders
    (``slagen diff`` compares the term's period; ``--period`` may name another)."""
    from ..diff.compare import diff_targets, values_of
    from ..render.inputs import period_in_term
    from ..targets import TargetError, compute_targets

    versions = diff.versions
    if not diff.targets or all(v is None or v.agreement.term.period == period for v in versions):
        return diff
    try:
        sets = tuple(
            compute_targets(v.agreement, period_in_term(v, period), goal_lines=False) if v else None
            for v in versions
        )
    except TargetError:
        return diff  # the render of that version reports it
    values = [values_of(v.agreement, ts) if v and ts else {} for v, ts in zip(versions, sets, strict=True)]
    return replace(diff, targets=diff_targets(*values), target_sets=(sets[0], sets[1]))


def redline_one(plan: _Redline, report: DiffReport, job: RedlineJob, cwd: Path) -> tuple[bytes, int]:
    """The bytes of one agreement's redline and the number of marked places."""
    from ..docx.tree import parse_html
    from ..i18n import using
    from .compare import redline
    from .html import add_change_bars, add_style, css, prepend_to_body, serialize
    from .summary import summary_page

    old, new = plan.diff.versions[0], plan.new
    after = _render(new, plan.style, plan.period, job.templates)
    if old is None:
        before_root = parse_html("<html><head></head><body></body></html>")
    else:
        before = _render(old, plan.style, plan.period, job.templates)
        before_root = parse_html(before.html)
    marked = redline(before_root, parse_html(after.html))
    if job.fmt == "docx":
        from ..docx import DocxOptions, html_to_docx

        author, when = _author_and_date(report, new, cwd)
        options = DocxOptions(
            page_size=new.agreement.presentation.page_size,
            when=after.when,
            revision_author=author,
            revision_date=when,
        )
        return html_to_docx(serialize(marked.root), options), len(marked.changes)
    old_stamp = version_stamp(old.path, old.source.raw).text if old else "none"
    new_stamp = version_stamp(new.path, new.source.raw).text
    with using(new.agreement.presentation.locale):
        add_style(marked.root, css())
        summary = summary_page(
            plan.diff, marked.changes, old_stamp, new_stamp, report.old_label, report.new_label
        )
    add_change_bars(marked.root)
    prepend_to_body(marked.root, summary)
    html = serialize(marked.root)
    return encode(new, html, fmt=job.fmt, roots=after.roots, when=after.when), len(marked.changes)


def write_redlines(report: DiffReport, job: RedlineJob, cwd: Path | None = None) -> list[Written]:
    """Write the redline of every agreement ``report`` compared; each write is atomic."""
    if job.fmt not in FORMATS:
        raise UsageError(f"unknown redline format {job.fmt!r}; expected pdf, docx or html")
    here = cwd or Path.cwd()
    plans = [_planned(d, new, job) for d in report.compared if (new := d.versions[1]) is not None]
    one_file = job.out is not None and bool(job.out.suffix)
    if one_file and len(plans) > 1:
        raise UsageError(f"-o {job.out}: {len(plans)} agreements changed; give a folder for their redlines")
    written = []
    for plan in plans:
        data, n = redline_one(plan, report, job, here)
        name = f"{plan.new.agreement.id}-{plan.period}-{plan.style}-redline.{job.fmt}"
        if job.out is not None and one_file:
            path = job.out
        else:
            path = (job.out or Path("output") / plan.new.agreement.id) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
        written.append(Written(path, n))
    return written


__all__ = ["FORMATS", "RedlineJob", "Written", "write_redlines"]
