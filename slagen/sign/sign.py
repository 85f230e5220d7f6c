"""``slagen sign``: one signatory's PAdES signature into their field, as an incremental update.

Baseline B-B (a CMS signature with the signing certificate bound to it, ``ETSI.CAdES.detached``),
or B-T when a time-stamp server is given (an RFC 3161 token over the signature). The bytes
before the update are kept as they are, so every earlier signature stays valid and a PDF/A-3b
input stays PDF/A-3b (the appearance's font is embedded). Nothing is written unless the
signature is complete: the file is replaced atomically.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from slagen.errors import SlagenError
from slagen.util.atomic import write_atomic

from .appearance import stamp_style
from .document import attached_source, open_pdf
from .fields import field_name, signature_fields
from .keys import load_signer


class SigningError(SlagenError):
    """The PDF cannot be signed as asked (exit code 1); nothing was written."""


@dataclass(frozen=True)
class Signed:
    """What ``slagen sign`` did."""

    path: Path
    person: str
    name: str
    field: str
    timestamped: bool

    @property
    def summary(self) -> str:
        """One line for the terminal."""
        level = "PAdES B-T (time-stamped)" if self.timestamped else "PAdES B-B"
        return f"signed {self.path} for {self.name} ({self.person}) in field {self.field}: {level}"


def sign_pdf(
    path: Path,
    *,
    key: Path,
    passphrase_file: Path | None,
    signatory: str,
    timestamp_url: str | None = None,
) -> Signed:
    """Sign ``path`` for ``signatory`` with the PKCS#12 ``key`` and replace the file."""
    doc = open_pdf(path)
    agreement = attached_source(doc).agreement
    people = [s.person for s in agreement.sign_off]
    if signatory not in people:
        raise SigningError(
            f"{path}: {signatory!r} is not a signatory of {agreement.id} "
            f"(its signatories: {', '.join(people)}); nothing was signed"
        )
    name = field_name(signatory)
    fields = {f.name: f for f in signature_fields(doc)}
    if name not in fields:
        raise SigningError(
            f"{path}: no signature field {name!r} for {signatory}; render the PDF again with this "
            "slagen, which places one on each signatory's signature line"
        )
    if fields[name].signed:
        raise SigningError(f"{path}: {signatory} has already signed (field {name!r}); nothing was signed")
    signer = load_signer(key, passphrase_file)
    stamper = None
    if timestamp_url:
        from .tsa import timestamper

        stamper = timestamper(timestamp_url)

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import PdfSignatureMetadata, PdfSigner
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko.sign.general import SigningError as HankoSigningError
    from pyhanko.sign.timestamps.common_utils import TimestampRequestError

    person = agreement.person(signatory)
    meta = PdfSignatureMetadata(
        field_name=name,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        reason=f"Signs off {agreement.id} for {agreement.party_of(signatory).name}",
        name=person.name,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(doc.data), strict=False)
    cert_name = signer.signing_cert.subject.native.get("common_name") or person.name
    pdf_signer = PdfSigner(meta, signer=signer, timestamper=stamper, stamp_style=stamp_style(str(cert_name)))
    try:
        out = pdf_signer.sign_pdf(writer)
    except TimestampRequestError as exc:
        raise SigningError(f"{path}: {exc}; nothing was signed") from None
    except HankoSigningError as exc:
        raise SigningError(f"{path}: cannot be signed: {exc}; nothing was signed") from None
    write_atomic(path, out.getvalue())
    return Signed(path, signatory, person.name, name, stamper is not None)
