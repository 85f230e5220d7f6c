"""Signed-off periods: their documents are final.

When every signatory has signed off an agreement for its term's period, the build keeps a copy
of the YAML they signed in ``<output>/<id>/.signed/<period>.yaml``. From then on the period's
documents are never overwritten: a build whose result would differ stops that agreement with an
error naming the agreement, the period and what changed since sign-off (the terms and targets,
from :mod:`slagen.diff`, or the templates and software). ``--force`` is the only way past it.

A PDF that carries digital signatures (``slagen sign``, or any e-signature service) is never
overwritten, whatever ``--force`` says: its inputs unchanged, it is left as it is; changed, the
build refuses that document. ``--replace-signed`` replaces it, after moving the signed file to
``<output>/<id>/.signed/<name>.replaced-<sha256 prefix>.pdf``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from ..errors import AgreementError
from ..util.files import resolve
from .plan import AgreementPlan

SIGNED = ".signed"


def signed_copy(out_dir: Path, plan: AgreementPlan) -> Path:
    """Where the YAML signed off for the plan's period is kept."""
    return out_dir / plan.facts.id / SIGNED / f"{plan.period}.yaml"


def _logo_of(text: bytes) -> str | None:
    from slagen.agreement.source import parse_source

    data = parse_source(text, "signed").data
    presentation = data.get("presentation") if isinstance(data, dict) else None
    logo = presentation.get("logo") if isinstance(presentation, dict) else None
    return logo if isinstance(logo, str) and logo.strip() else None


def agreement_changes(plan: AgreementPlan, signed_text: bytes) -> list[str]:
    """What changed in the agreement since the signed version, as ``slagen diff`` shows it."""
    from ..diff import text
    from ..diff.git import diff_files

    with tempfile.TemporaryDirectory(prefix="slagen-signed-") as tmp:
        old = Path(tmp) / plan.path.name
        old.write_bytes(signed_text)
        logo = _logo_of(signed_text)
        source_logo = resolve(plan.path.resolve().parent / logo) if logo else None
        if logo and source_logo and source_logo.is_file():
            dest = Path(tmp) / logo
            if dest.resolve().is_relative_to(Path(tmp).resolve()):
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source_logo, dest)
        try:
            report = diff_files(old, plan.path)
        except AgreementError:
            return ["the agreement file (the signed version no longer validates, so it is not compared)"]
    if not report.agreements:
        return ["the agreement file's comments or layout (not its terms); the version stamp would change"]
    lines = text(report).splitlines()[2:]
    return [line.removeprefix("  ") for line in lines if line.strip()]


def refusal(plan: AgreementPlan, copy: Path, changes: list[str]) -> tuple[str, ...]:
    """The error lines of a build that would change a signed-off period's documents."""
    head = (
        f"{plan.file}: {plan.facts.id} {plan.period} is signed off ({copy}); "
        "building it again would change its documents, so nothing was written. "
        "Changed since sign-off:"
    )
    return (head, *(f"  {c}" for c in changes), "  (pass --force to replace the signed documents)")


def set_aside(out_dir: Path, plan: AgreementPlan, target: Path) -> Path:
    """Move the signed PDF ``target`` into the agreement's ``.signed`` folder; return where."""
    digest = hashlib.sha256(target.read_bytes()).hexdigest()[:12]
    aside = out_dir / plan.facts.id / SIGNED / f"{target.stem}.replaced-{digest}{target.suffix}"
    aside.parent.mkdir(parents=True, exist_ok=True)
    os.replace(target, aside)
    return aside


def signed_pdf_refusal(shown: str) -> str:
    """The error line of a build that would overwrite a PDF carrying signatures."""
    return (
        f"{shown} carries digital signatures and its inputs changed; it is never overwritten, so "
        "nothing was written for it (pass --replace-signed to replace it; the signed file is kept aside)"
    )
