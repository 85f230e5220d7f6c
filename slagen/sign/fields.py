"""The signatories' signature fields in a PDF, and whether a file carries signatures."""

from __future__ import annotations

from dataclasses import dataclass

from slagen.render.pdf_finish import FIELD_PREFIX, field_name
from slagen.util.signed_pdf import carries_signatures

from .document import Opened

__all__ = ["Field", "carries_signatures", "field_name", "person_of", "signature_fields"]


def person_of(name: str) -> str | None:
    """The person whose field ``name`` is (``signature-<person>``), or ``None``."""
    return name.removeprefix(FIELD_PREFIX) if name.startswith(FIELD_PREFIX) else None


@dataclass(frozen=True)
class Field:
    """A signature field of the PDF."""

    name: str
    signed: bool


def signature_fields(doc: Opened) -> list[Field]:
    """The signature fields of the PDF in document order, signed or not."""
    from pyhanko.sign.fields import enumerate_sig_fields

    return [
        Field(str(name), value is not None)
        for name, value, _ref in enumerate_sig_fields(doc.reader, filled_status=None)
    ]
