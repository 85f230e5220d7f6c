"""The last step of a PDF before its trailer: empty signature fields and the build facts.

Each signatory gets one empty signature field (``/FT /Sig``) placed on their signature line,
named ``signature-<person id>`` and described with their name and party, so ``slagen sign``
(or any PAdES tool) signs into it as an incremental update. The line is found by its HTML id
(``signature-<person id>`` on ``p.sign-line``): WeasyPrint keeps each id's box as an anchor
of the page it lands on. The field covers the line above its last 11 pt, where the YAML's
"Signed electronically on ..." stands, so a digital signature's appearance never covers it.

The build facts (``/SlagenBuild`` in the document catalog: stamp, style, period, PDF variant,
document date, source file name) tell ``slagen verify`` how to rebuild the document.

Everything here is plain pydyf objects in a fixed order: the same input gives the same bytes,
and each widget has an appearance stream and the print flag, as PDF/A-3b asks. No signing
library is imported by rendering.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .context import DocumentContext

#: Prefix of the HTML id of a signature line and of the PDF field name: ``signature-<person>``.
FIELD_PREFIX = "signature-"
#: The catalog key holding the build facts.
BUILD_KEY = "SlagenBuild"
#: Height (pt) kept free at the bottom of a signature line for the YAML's sign-off text.
_TEXT_ROOM = 11.0
_PX_TO_PT = 0.75
_PRINT = 4


def field_name(person: str) -> str:
    """The signature field (and HTML id) of the signatory ``person``."""
    return f"{FIELD_PREFIX}{person}"


@dataclass(frozen=True)
class SignatureSlot:
    """One signatory's empty signature field."""

    person: str
    """The person's id (the field is ``signature-<person>``)."""
    label: str
    """Shown by PDF readers for the field: "Signature of <name> for <party>"."""


@dataclass(frozen=True)
class BuildFacts:
    """What a document was built from and with, kept in the PDF for ``slagen verify``."""

    stamp: str
    style: str
    period: str
    variant: str
    """``pdf/a-3b``, or empty for a plain PDF."""
    date: str
    """The document date, ``YYYY-MM-DDTHH:MM:SS`` (UTC)."""
    source: str
    """The attached agreement's file name."""
    templates: str
    """``built-in``, or ``custom`` when ``--templates`` was given."""

    def items(self) -> tuple[tuple[str, str], ...]:
        """The facts as catalog keys and values."""
        return (
            ("Stamp", self.stamp),
            ("Style", self.style),
            ("Period", self.period),
            ("Variant", self.variant),
            ("Date", self.date),
            ("Source", self.source),
            ("Templates", self.templates),
        )


def _widget(pydyf: Any, pdf: Any, page: Any, slot: SignatureSlot, rect: list[float]) -> Any:
    width, height = rect[2] - rect[0], rect[3] - rect[1]
    appearance = pydyf.Stream(
        [],
        extra={
            "Type": "/XObject",
            "Subtype": "/Form",
            "BBox": pydyf.Array([0, 0, round(width, 3), round(height, 3)]),
            "Resources": pydyf.Dictionary({}),
        },
    )
    pdf.add_object(appearance)
    widget = pydyf.Dictionary(
        {
            "Type": "/Annot",
            "Subtype": "/Widget",
            "FT": "/Sig",
            "T": pydyf.String(field_name(slot.person)),
            "TU": pydyf.String(slot.label),
            "F": _PRINT,
            "Rect": pydyf.Array([round(v, 3) for v in rect]),
            "P": page.reference,
            "AP": pydyf.Dictionary({"N": appearance.reference}),
        }
    )
    pdf.add_object(widget)
    return widget


def finisher(slots: tuple[SignatureSlot, ...], facts: BuildFacts | None) -> Callable[[Any, Any], None]:
    """A WeasyPrint ``finisher``: add a signature field per slot found on a page, and the facts."""

    def finish(document: Any, pdf: Any) -> None:
        import pydyf

        fields = []
        for slot in slots:
            name = field_name(slot.person)
            for number, page in zip(pdf.pages["Kids"][::3], document.pages, strict=True):
                if name not in page.anchors:
                    continue
                x1, y1, x2, y2 = page.anchors[name]  # CSS px from the top-left corner
                top = (page.height - y1) * _PX_TO_PT
                bottom = (page.height - y2) * _PX_TO_PT + _TEXT_ROOM
                rect = [x1 * _PX_TO_PT, bottom, x2 * _PX_TO_PT, max(top, bottom + 1)]
                pdf_page = pdf.objects[number]
                widget = _widget(pydyf, pdf, pdf_page, slot, rect)
                pdf_page.setdefault("Annots", pydyf.Array()).append(widget.reference)
                fields.append(widget.reference)
                break
        if fields:
            form = pdf.catalog.setdefault("AcroForm", pydyf.Dictionary({"Fields": pydyf.Array()}))
            form["Fields"].extend(fields)
        if facts is not None:
            pdf.catalog[BUILD_KEY] = pydyf.Dictionary({k: pydyf.String(v) for k, v in facts.items()})

    return finish


def slots_and_facts(
    context: DocumentContext | None,
    source: str,
    when: datetime,
    variant: str | None,
    *,
    custom_templates: bool,
) -> tuple[tuple[SignatureSlot, ...], BuildFacts | None]:
    """The signature fields and build facts of a document with ``context`` (none without one)."""
    if context is None:
        return (), None
    slots = tuple(
        SignatureSlot(s.person.id, f"Signature of {s.person.name} for {s.person.party.name}")
        for s in context.signatories
    )
    facts = BuildFacts(
        stamp=context.stamp,
        style=context.style,
        period=context.period,
        variant=variant or "",
        date=when.strftime("%Y-%m-%dT%H:%M:%S"),
        source=source,
        templates="custom" if custom_templates else "built-in",
    )
    return slots, facts
