"""Real Word lists: numbering definitions in ``numbering.xml`` and ``w:numPr`` on paragraphs.

One abstract definition per kind of list (bullets, decimal numbers, legal clause numbers
1. / 1.1 / 1.1.1); each HTML list gets its own ``w:num`` so that every numbered list restarts
at its first item, as it does in the PDF.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips

LEVELS = 9
_BULLETS = ("•", "◦", "▪")
_BASE_ID = 100  # above the ids of the definitions python-docx's default template ships


def _level(ilvl: int, fmt: str, text: str) -> str:
    left = 360 * (ilvl + 1)
    font = '<w:rPr><w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans"/></w:rPr>' if fmt == "bullet" else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="270"/></w:pPr>{font}</w:lvl>'
    )


def _abstract(num_id: int, kind: str) -> str:
    levels = []
    for i in range(LEVELS):
        if kind == "bullet":
            levels.append(_level(i, "bullet", _BULLETS[i % len(_BULLETS)]))
        elif kind == "legal":
            levels.append(_level(i, "decimal", ".".join(f"%{k + 1}" for k in range(i + 1)) + "."))
        else:
            levels.append(_level(i, "decimal", f"%{i + 1}."))
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
    )


class Numbering:
    """Adds list definitions to a document and hands out a ``numId`` per HTML list."""

    KINDS = ("bullet", "decimal", "legal")

    def __init__(self, document: Any) -> None:
        self._root = document.part.numbering_part.element
        first_num = self._root.find(qn("w:num"))
        self._abstract: dict[str, int] = {}
        for i, kind in enumerate(self.KINDS):
            el = parse_xml(_abstract(_BASE_ID + i, kind))
            if first_num is not None:
                first_num.addprevious(el)
            else:
                self._root.append(el)
            self._abstract[kind] = _BASE_ID + i
        self._next = _BASE_ID

    def new_list(self, kind: str, start: int = 1) -> int:
        """A fresh ``numId`` of ``kind`` whose every level starts at ``start`` (level 0) or 1."""
        num_id = self._next
        self._next += 1
        overrides = "".join(
            f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{start if i == 0 else 1}"/></w:lvlOverride>'
            for i in range(LEVELS)
        )
        self._root.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{self._abstract[kind]}"/>{overrides}</w:num>'
            )
        )
        return num_id


def set_num(paragraph: Any, num_id: int, ilvl: int) -> None:
    """Make ``paragraph`` an item of list ``num_id`` at level ``ilvl`` (a real ``w:numPr``)."""
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.insert_element_before(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        ),
        *_AFTER_NUMPR,
    )


def indent_like_item(paragraph: Any, ilvl: int) -> None:
    """Indent a continuation paragraph of a list item to the item's text."""
    paragraph.paragraph_format.left_indent = Twips(360 * (ilvl + 1))


# Successors of w:numPr and w:ind in CT_PPr's sequence, so the new element lands in schema order.
_AFTER_NUMPR = (
    "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
    "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)
