"""Paragraph properties python-docx has no API for (shading, borders, numbering, keeps),
inserted into ``w:pPr`` where the schema wants them."""

from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

#: The children of ``w:pPr`` in the order the schema (``CT_PPr``) requires; Word rejects a
#: document whose properties are out of order.
PPR_ORDER = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def insert_ppr(p_pr: Any, tag: str, attrs: str = "", inner: str = "") -> Any:
    """Insert ``<tag attrs>inner</tag>`` (``w:`` names) into the paragraph properties ``p_pr``
    before every property the schema puts after ``tag``; return the new element."""
    xml = f"<{tag} {nsdecls('w')} {attrs}>{inner}</{tag}>"
    return p_pr.insert_element_before(parse_xml(xml), *PPR_ORDER[PPR_ORDER.index(tag) + 1 :])
