"""``slagen verify``: every signature, the source, and who has signed.

For a PDF signed by slagen or by any other tool. Each check that fails adds one line to
:attr:`Verification.problems`; the command exits 1 when there is any.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .document import attached_source, build_facts, open_pdf
from .fields import field_name, signature_fields
from .rebuild import Rebuild, rebuild, repository
from .signatures import SignatureCheck, check_signatures, load_roots

_STAMP = re.compile(r"sha256:([0-9a-f]{12})(?: · git:([0-9a-f]+))?")


@dataclass(frozen=True)
class SourceCheck:
    """The attached agreement against the stamp, and the rebuild."""

    name: str
    digest: str
    """The first 12 hex digits of the attached YAML's sha256."""
    stamp: str
    """The version stamp the document carries (empty when it records none)."""
    printed: str | None
    """The stamp as read from the first page's text (``None`` when it could not be read)."""
    rebuild: Rebuild


@dataclass(frozen=True)
class Verification:
    """The verdict on one PDF."""

    path: Path
    agreement: str
    signatures: tuple[SignatureCheck, ...]
    source: SourceCheck
    signed: tuple[str, ...]
    """Signatories whose field holds a signature whose bytes are intact."""
    unsigned: tuple[str, ...]
    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """Whether everything holds."""
        return not self.problems


def _printed_stamp(path: Path) -> str | None:
    """The version stamp printed on the first page (``pdftotext``), or ``None``."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    done = subprocess.run(
        [tool, "-q", "-f", "1", "-l", "1", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=False,
        timeout=60,
    )
    match = _STAMP.search(done.stdout.decode("utf-8", "replace"))
    return match.group(0) if match else None


def verify_pdf(path: Path, *, trust: tuple[Path, ...] = (), rev: str | None = None) -> Verification:
    """Verify the PDF at ``path`` (see the module docstring)."""
    roots = load_roots(trust)
    doc = open_pdf(path)
    source = attached_source(doc)
    facts = build_facts(doc)
    problems: list[str] = []
    checks = tuple(check_signatures(doc, roots))
    for c in checks:
        problems.extend(f"signature in {c.field} ({c.signer}): {p}" for p in c.problems)

    digest = hashlib.sha256(source.data).hexdigest()[:12]
    stamp = facts.get("Stamp", "")
    printed = _printed_stamp(path)
    if not stamp:
        problems.append(f"the PDF records no version stamp, so the attached {source.name} cannot be checked")
    elif not stamp.startswith(f"sha256:{digest}"):
        problems.append(
            f"the attached {source.name} (sha256:{digest}) is not the one its stamp names ({stamp})"
        )
    if stamp and printed is not None and printed != stamp:
        problems.append(f"the stamp printed on the pages ({printed}) is not the recorded one ({stamp})")
    repos = list(dict.fromkeys(r for r in (repository(Path.cwd()), repository(path.resolve().parent)) if r))
    built = rebuild(doc, facts, source.data, rev, repos)
    if built.problem:
        problems.append(built.problem)

    a = source.agreement
    people = [s.person for s in a.sign_off]
    intact = {c.person for c in checks if c.intact and c.person}
    for c in checks:
        if c.person not in people:
            problems.append(
                f"signature in {c.field} ({c.signer}) is not in a signatory's field of {a.id} "
                f"(its signatories: {', '.join(people)})"
            )
    names = {f.name for f in signature_fields(doc)}
    unsigned = tuple(p for p in people if p not in intact)
    missing_fields = [p for p in unsigned if field_name(p) not in names]
    if unsigned:
        problems.append(f"not signed by: {', '.join(unsigned)}")
    if missing_fields:
        problems.append(f"no signature field for: {', '.join(missing_fields)}")
    return Verification(
        path=path,
        agreement=a.id,
        signatures=checks,
        source=SourceCheck(source.name, digest, stamp, printed, built),
        signed=tuple(p for p in people if p in intact),
        unsigned=unsigned,
        problems=tuple(problems),
    )
