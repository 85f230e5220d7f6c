"""``slagen build``: plan every agreement's documents, render what changed, record it.

1. Plan (in this process): each agreement is checked (or its facts are taken from the manifest
   when its text and slagen did not change) and its documents listed with their input hashes.
2. Decide: a document whose key and file match the manifest is unchanged. A signed-off period's
   documents are guarded (:mod:`.guard`): a changed agreement is refused before any rendering,
   and changed templates or software are rendered into a staging folder and compared first.
3. Render the rest in worker processes (:mod:`.workers`), with progress (:mod:`.progress`).
4. Record: the manifest (:mod:`.manifest`) and the signed copies are written at the end, also
   when the build is interrupted. One failing agreement never stops the others.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import click

from slagen.agreement.load import agreement_files
from slagen.agreement.period import parse_period
from slagen.agreement.source import MAX_BYTES
from slagen.util.text import plural

from ..errors import AgreementError, Problem, ReportedFailure, SlagenError, UsageError
from ..render.options import DEFAULTS, RenderOptions
from ..util.atomic import write_atomic
from ..util.files import FileRefused, read_regular, resolve
from ..util.signed_pdf import carries_signatures
from .guard import agreement_changes, refusal, set_aside, signed_copy, signed_pdf_refusal
from .manifest import Manifest
from .plan import (
    AgreementPlan,
    Doc,
    NotInPeriod,
    Settings,
    changed_inputs,
    engine,
    file_sha,
    forget_templates,
    load_facts,
    plan_agreement,
    sha256,
)
from .progress import Progress
from .workers import Outcome, Task, run_tasks

#: Documents a worker renders before it is replaced (WeasyPrint's memory grows ~0.2 MiB each).
RECYCLE_AFTER = 50


@dataclass
class BuildReport:
    """What a build did."""

    agreements: int = 0
    rendered: list[str] = field(default_factory=list)
    unchanged: int = 0
    failures: dict[str, list[str]] = field(default_factory=dict)
    """Error lines per failed agreement file."""
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        """Whether any agreement failed."""
        return bool(self.failures)

    @property
    def summary(self) -> str:
        """The last line of the build."""
        return (
            f"built {plural(self.agreements, 'agreement')}: "
            f"{plural(len(self.rendered), 'document')} rendered, {self.unchanged} unchanged, "
            f"{len(self.failures)} failed ({self.seconds:.1f} s)"
        )

    @property
    def text(self) -> str:
        """Notes, every failed agreement's errors (as ``check`` prints them), and the summary."""
        failures = [line for file in sorted(self.failures) for line in self.failures[file]]
        return "\n".join([*self.notes, *failures, self.summary])

    def fail(self, file: str, lines: Iterable[str]) -> None:
        """Record errors of the agreement in ``file``."""
        self.failures.setdefault(file, []).extend(lines)


class BuildFailed(ReportedFailure):
    """Some agreements failed to build (exit code 1); the others were built."""

    def __init__(self, report: BuildReport) -> None:
        super().__init__(report.text)
        self.report = report


@dataclass
class _Build:
    """The state of one build between planning and recording."""

    settings: Settings
    force: bool
    manifest: Manifest
    report: BuildReport
    progress: Progress
    replace_signed: bool = False
    """Replace PDFs that carry digital signatures (kept aside first)."""
    tasks: list[Task] = field(default_factory=list)
    work: dict[int, tuple[AgreementPlan, Doc]] = field(default_factory=dict)
    refused: dict[str, list[str]] = field(default_factory=dict)
    """Changes that would alter a signed period's documents, per agreement file."""
    written: set[str] = field(default_factory=set)
    open: dict[str, int] = field(default_factory=dict)
    """Documents queued and not yet finished, per agreement file (an interrupted build)."""

    @property
    def out_dir(self) -> Path:
        return self.settings.out_dir

    def shown(self, doc: Doc) -> str:
        return str(self.out_dir / doc.output)

    def record(self, plan: AgreementPlan, doc: Doc, digest: str) -> None:
        self.written.add(doc.output)
        self.manifest.record(
            doc.output,
            {
                "agreement": plan.file,
                "id": plan.facts.id,
                "period": plan.period,
                "style": doc.style,
                "format": doc.fmt,
                "signed": plan.signed,
                "inputs": doc.inputs,
                "key": doc.key,
                "git": doc.git,
                "sha256": digest,
            },
        )

    def queue(self, plan: AgreementPlan, doc: Doc, *, staged: bool) -> None:
        index = len(self.tasks)
        self.work[index] = (plan, doc)
        self.open[plan.file] = self.open.get(plan.file, 0) + 1
        s = self.settings
        self.tasks.append(
            Task(
                index,
                os.getcwd(),
                str(plan.path),
                doc.style,
                doc.fmt,
                plan.period,
                str(s.templates) if s.templates else None,
                str(s.out_dir),
                os.environ.get("SOURCE_DATE_EPOCH", "").strip() or None,
                staged,
                plan.text,
                doc.output,
                tuple(plan.facts.to_json().items()),
            )
        )

    # --- deciding -----------------------------------------------------------------------

    def decide(self, plan: AgreementPlan) -> None:
        """Queue the plan's documents that must be rendered; count the unchanged ones."""
        copy = signed_copy(self.out_dir, plan)
        guarded = copy.is_file() and not self.force
        if guarded:
            signed_text = copy.read_bytes()
            if signed_text != plan.text:
                self.report.fail(plan.file, refusal(plan, copy, agreement_changes(plan, signed_text)))
                return
        elif plan.signed and not self._seal_first(plan, copy):
            return
        for doc in plan.docs:
            rec = self.manifest.outputs.get(doc.output) or {}
            have = file_sha(self.out_dir / doc.output)
            same_inputs = have is not None and rec.get("key") == doc.key
            if self.signed_pdf(plan, doc, same_inputs=same_inputs):
                continue
            if guarded and same_inputs:
                self.report.unchanged += 1
                if have != rec.get("sha256"):
                    self.report.notes.append(
                        f"note: {self.shown(doc)} changed since it was built; it is signed off, so it is left as it is"
                    )
            elif guarded:
                self.queue(plan, doc, staged=True)
            elif same_inputs and have == rec.get("sha256") and rec.get("git") == doc.git:
                self.report.unchanged += 1
            else:
                self.queue(plan, doc, staged=False)

    def _seal_first(self, plan: AgreementPlan, copy: Path) -> bool:
        """Keep the signed YAML before any of the period's documents is rendered, so that no
        signed document exists unguarded (a full disk fails the agreement here, before its
        documents). The facts are worked out from the text itself, not taken from the manifest.
        Returns whether the agreement may be rendered."""
        if copy.is_file() and copy.read_bytes() == plan.text:
            return True
        try:
            facts, _ = load_facts(plan.path, plan.text, None)
        except AgreementError as exc:
            self.report.fail(plan.file, (str(p) for p in exc.problems))
            return False
        if facts != plan.facts:
            self.manifest.agreements.pop(str(plan.path.resolve()), None)
            self.report.fail(
                plan.file,
                [
                    f"{plan.file}: the output folder's manifest holds facts the agreement does not state; "
                    "nothing was written (it is forgotten now: build again)"
                ],
            )
            return False
        try:
            write_atomic(copy, plan.text)
        except OSError as exc:
            self.report.fail(
                plan.file,
                [
                    f"{plan.file}: cannot keep the signed copy {copy}: {exc.strerror or exc}; "
                    "none of its documents was rendered"
                ],
            )
            return False
        return True

    def signed_pdf(self, plan: AgreementPlan, doc: Doc, *, same_inputs: bool) -> bool:
        """Whether the document is a PDF carrying signatures that this build must not touch
        (counted or refused here); with ``--replace-signed`` it is moved aside and built."""
        target = self.out_dir / doc.output
        if doc.fmt != "pdf" or not carries_signatures(target):
            return False
        if same_inputs:
            self.report.unchanged += 1
            self.report.notes.append(f"note: {self.shown(doc)} carries digital signatures; left as it is")
            return True
        if not self.replace_signed:
            self.report.fail(plan.file, [signed_pdf_refusal(self.shown(doc))])
            return True
        aside = set_aside(self.out_dir, plan, target)
        self.report.notes.append(f"note: the signed {self.shown(doc)} was moved to {aside}")
        return False

    # --- outcomes -----------------------------------------------------------------------

    def outcome(self, task: Task, out: Outcome) -> None:
        """Take in a finished task."""
        plan, doc = self.work[task.index]
        self.open[plan.file] -= 1
        try:
            if out.errors:
                self.report.fail(plan.file, out.errors)
                self.progress.step(f"failed {self.shown(doc)}")
                if any("manifest is out of date" in e for e in out.errors):
                    self.manifest.agreements.pop(str(plan.path.resolve()), None)
            elif task.staged:
                self._staged(plan, doc, out)
            else:
                self._written(plan, doc, out)
        except OSError as exc:
            self.report.fail(plan.file, [f"{self.shown(doc)}: cannot put it in place: {exc.strerror or exc}"])
            self.progress.step(f"failed {self.shown(doc)}")
        finally:
            if out.staging:
                shutil.rmtree(out.staging, ignore_errors=True)

    def _written(self, plan: AgreementPlan, doc: Doc, out: Outcome) -> None:
        assert out.written is not None and out.sha256 is not None
        if Path(out.written) != self.out_dir / doc.output:
            self.report.fail(plan.file, [f"{plan.file}: wrote {out.written}, expected {self.shown(doc)}"])
            self.progress.step(f"failed {self.shown(doc)}")
            return
        self.record(plan, doc, out.sha256)
        self.report.rendered.append(self.shown(doc))
        self.progress.step(f"rendered {self.shown(doc)}")

    def _staged(self, plan: AgreementPlan, doc: Doc, out: Outcome) -> None:
        """A signed-off document rendered aside: identical bytes are kept, others refused."""
        assert out.written is not None and out.sha256 is not None
        target = self.out_dir / doc.output
        rec = self.manifest.outputs.get(doc.output) or {}
        have = file_sha(target)
        if out.sha256 == have:
            self.record(plan, doc, out.sha256)
            self.report.unchanged += 1
            self.progress.step(f"unchanged {self.shown(doc)} (signed off; same bytes)")
            return
        if have is None and rec.get("sha256") in (None, out.sha256):
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(out.written, target)
            self.record(plan, doc, out.sha256)
            self.report.rendered.append(self.shown(doc))
            self.progress.step(f"rendered {self.shown(doc)} (signed off; was missing)")
            return
        old_inputs = rec.get("inputs")
        if not isinstance(old_inputs, dict):
            changes = ["its bytes (there is no record of what it was built from)"]
        else:
            changes = changed_inputs(old_inputs, doc.inputs) or [
                "its bytes, though no input changed (is rendering reproducible here? see libharfbuzz-subset0)"
            ]
        what = f"{self.shown(doc)}: " + ", ".join(changes)
        self.refused.setdefault(plan.file, []).append(what)
        self.progress.step(f"refused {self.shown(doc)}")

    # --- recording ----------------------------------------------------------------------

    def seal(self, plans: list[AgreementPlan]) -> None:
        """Turn refusals into errors, and keep or drop the signed copies of finished agreements."""
        for plan in plans:
            if plan.file in self.refused:
                copy = signed_copy(self.out_dir, plan)
                self.report.fail(plan.file, refusal(plan, copy, self.refused[plan.file]))
            if plan.file in self.report.failures or self.open.get(plan.file):
                continue
            copy = signed_copy(self.out_dir, plan)  # a signed plan's copy was kept before rendering
            if not plan.signed and self.force and copy.is_file():
                try:
                    copy.unlink()
                except OSError as exc:
                    self.report.fail(plan.file, [f"{plan.file}: cannot remove {copy}: {exc.strerror or exc}"])

    def save(self) -> None:
        """Write the manifest; a failure (a full disk) is reported, the build goes on to its end."""
        try:
            self.manifest.save(self.written)
        except OSError as exc:
            self.report.fail(
                str(self.manifest.path),
                [
                    f"{self.manifest.path}: cannot save the build manifest: {exc.strerror or exc} "
                    "(the next build compares or renders everything again; signed periods stay guarded)"
                ],
            )


def _plans(folder: Path, b: _Build) -> list[AgreementPlan]:
    """Check and plan every agreement in ``folder``; failures go to the report."""
    out_root = b.out_dir.resolve()
    files = [f for f in agreement_files([folder]) if not (resolve(f) or f).is_relative_to(out_root)]
    plans: list[AgreementPlan] = []
    ids: dict[str, str] = {}
    for f in files:
        b.report.agreements += 1
        key = str(resolve(f) or f.absolute())
        try:
            try:
                text = read_regular(f, MAX_BYTES)
            except FileRefused as exc:
                raise AgreementError([Problem(str(f), 1, 1, "", exc.message)]) from None
            facts, warnings = load_facts(f, text, b.manifest.agreements.get(key))
            for w in warnings:
                click.echo(str(w), err=True)
            b.manifest.agreements[key] = {
                "sha256": sha256(text),
                "engine": engine(),
                "facts": facts.to_json(),
            }
            if facts.id in ids:
                raise SlagenError(
                    f"id {facts.id!r} is also the id of {ids[facts.id]}; their documents would overwrite each other"
                )
            ids[facts.id] = str(f)
            plans.append(plan_agreement(f, text, facts, b.settings))
        except AgreementError as exc:
            b.report.fail(str(f), (str(p) for p in exc.problems))
        except NotInPeriod as exc:
            b.report.notes.append(f"note: {f}: {exc.format_message()}")
        except SlagenError as exc:
            b.report.fail(str(f), [f"{f}: {exc.format_message()}"])
    return plans


def build_folder(
    folder: Path,
    options: RenderOptions = DEFAULTS,
    *,
    jobs: int | None = None,
    force: bool = False,
    recycle_after: int = RECYCLE_AFTER,
    progress: Progress | None = None,
    replace_signed: bool = False,
) -> BuildReport:
    """Check and render every agreement in ``folder`` into ``options.out_dir`` (see the module
    docstring), for ``options.period`` from ``options.templates``; raise :class:`BuildFailed`
    after the build when any agreement failed. A build renders the styles and formats each
    agreement declares (``options.style``, ``formats`` and ``pdf_variant`` are refused).

    ``progress`` defaults to a bar when stderr is a terminal, else one line per document.
    """
    started = time.perf_counter()
    if not folder.is_dir():
        raise UsageError(f"no such folder: {folder}")
    options.check()
    if options.style is not None or options.formats is not None or options.pdf_variant is not None:
        raise UsageError("a build renders the styles and formats each agreement declares")
    period, out_dir, templates = options.period, options.out_dir, options.templates
    try:
        wanted = parse_period(period) if period is not None else None
    except ValueError as exc:
        raise UsageError(f"--period: {exc}") from None
    forget_templates()
    settings = Settings(out_dir, wanted, templates)
    manifest = Manifest.load(out_dir)
    if progress is None:
        progress = Progress(tty=sys.stderr.isatty())
    b = _Build(settings, force, manifest, BuildReport(), progress, replace_signed)
    if manifest.problem:
        click.echo(f"note: {manifest.problem}", err=True)
    plans = _plans(folder, b)
    for plan in plans:
        b.decide(plan)
    workers = min(jobs or os.cpu_count() or 1, len(b.tasks))
    b.progress.start(len(b.tasks))
    try:
        run_tasks(b.tasks, workers=workers, recycle_after=recycle_after, on_outcome=b.outcome)
    finally:
        b.progress.close()
        b.seal(plans)
        b.save()
    b.report.seconds = time.perf_counter() - started
    if b.report.failed:
        raise BuildFailed(b.report)
    return b.report
