"""Each signature of a PDF checked with pyHanko: signer, time, integrity, trust, later changes."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from slagen.errors import UsageError

from .document import Opened
from .fields import person_of


@dataclass(frozen=True)
class SignatureCheck:
    """What one signature proves."""

    field: str
    person: str | None
    """The signatory whose field it is (``signature-<person>``), or ``None``."""
    signer: str
    """The signing certificate's subject (common name)."""
    issuer: str
    time: str | None
    """When it was signed: the time-stamp's time when there is one, else the signer's claim."""
    timestamped: bool
    intact: bool
    """The bytes it covers are unchanged and the signature over them is valid."""
    trust: str
    """``trusted``, ``self-signed`` or why it is untrusted."""
    later: str
    """What changed after it: ``nothing``, ``only further signatures`` or the other change."""
    problems: tuple[str, ...]


def load_roots(paths: tuple[Path, ...]) -> list[Any]:
    """The trusted root certificates in ``paths`` (PEM or DER); raise :class:`UsageError`."""
    from pyhanko.keys import load_certs_from_pemder

    roots: list[Any] = []
    for path in paths:
        if not path.is_file():
            raise UsageError(f"--trust: {path}: no such file")
        try:
            roots.extend(load_certs_from_pemder([str(path)]))  # type: ignore[no-untyped-call]
        except (ValueError, TypeError, OSError) as exc:
            raise UsageError(f"--trust: {path} is not a PEM or DER certificate ({exc})") from None
    return roots


def _iso(when: datetime | None) -> str | None:
    return when.strftime("%Y-%m-%d %H:%M:%S %Z").strip() if when else None


def _cn(name: Any) -> str:
    return str(name.native.get("common_name") or name.human_friendly)


def _trust(status: Any, roots_given: bool, when: datetime | None) -> tuple[str, str | None]:
    """(trust, problem) for a signature status."""
    cert = status.signing_cert
    not_after = cert["tbs_certificate"]["validity"]["not_after"].native
    if status.trusted:
        return "trusted", None
    if (when is not None and not_after < when) or not_after < datetime.now(not_after.tzinfo):
        when_text = not_after.strftime("%Y-%m-%d")
        return f"expired on {when_text}", f"the certificate of {_cn(cert.subject)} expired on {when_text}"
    if cert.self_signed in ("yes", "maybe"):
        return "self-signed", f"the certificate of {_cn(cert.subject)} is self-signed: it is not trusted"
    issuer = _cn(cert.issuer)
    if roots_given:
        why = f"it does not chain to a trusted root given with --trust (issued by {issuer})"
    else:
        why = f"no trusted root was given (--trust CERT.pem); issued by {issuer}"
    indic = status.trust_problem_indic
    if indic is not None and indic.name not in ("NO_CERTIFICATE_CHAIN_FOUND", "CHAIN_CONSTRAINTS_FAILURE"):
        why += f"; {indic.name.lower().replace('_', ' ')}"
    return "untrusted", f"the certificate of {_cn(cert.subject)} is not trusted: {why}"


def _later(status: Any, last: bool) -> tuple[str, str | None]:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return "nothing", None
    level = status.modification_level
    further = status.coverage == SignatureCoverageLevel.ENTIRE_REVISION and not last
    if further and level is not None and level <= ModificationLevel.FORM_FILLING:
        return "only further signatures", None
    what = {
        ModificationLevel.ANNOTATIONS: "annotations were added or changed",
        ModificationLevel.OTHER: "the document was changed (pages, content or objects)",
    }.get(level, "bytes were added that no later signature covers")
    if last and level is not None and level <= ModificationLevel.FORM_FILLING:
        what = "bytes were added after it that no signature covers"
    return "other changes", f"changed after it other than by further signatures: {what}"


def check_signatures(doc: Opened, roots: list[Any]) -> list[SignatureCheck]:
    """Check every signature of ``doc`` against the trusted ``roots``, earliest first."""
    from pyhanko.sign.validation import async_validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    sigs = sorted(doc.reader.embedded_signatures, key=lambda s: s.signed_revision)

    async def run() -> list[Any]:
        out = []
        for emb in sigs:
            context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
            out.append(await async_validate_pdf_signature(emb, context))
        return out

    statuses = asyncio.run(run())
    checks = []
    for i, (emb, status) in enumerate(zip(sigs, statuses, strict=True)):
        checks.append(_check(emb, status, roots_given=bool(roots), last=i == len(sigs) - 1))
    return checks


def _check(emb: Any, status: Any, *, roots_given: bool, last: bool) -> SignatureCheck:
    field = str(emb.field_name)
    problems: list[str] = []
    intact = bool(status.intact and status.valid)
    if not intact:
        problems.append("the bytes it covers were changed, or the signature over them is not valid")
    ts = status.timestamp_validity
    when = ts.timestamp if ts is not None else status.signer_reported_dt
    if ts is not None and not (ts.intact and ts.valid):
        problems.append("its time-stamp token is not valid")
    elif ts is not None and not ts.trusted:
        problems.append(
            f"its time-stamp (by {_cn(ts.signing_cert.subject)}) does not chain to a trusted root"
        )
    trust, trust_problem = _trust(status, roots_given, when)
    if trust_problem:
        problems.append(trust_problem)
    later, later_problem = _later(status, last)
    if later_problem:
        problems.append(later_problem)
    cert = status.signing_cert
    return SignatureCheck(
        field=field,
        person=person_of(field),
        signer=_cn(cert.subject),
        issuer=_cn(cert.issuer),
        time=_iso(when),
        timestamped=ts is not None,
        intact=intact,
        trust=trust,
        later=later,
        problems=tuple(problems),
    )
