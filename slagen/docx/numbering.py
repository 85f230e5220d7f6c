"""Real Word lists: numbering definitions in ``numbering.xml`` and ``w:numPr`` on paragraphs.

One abstract definition per kind of list; each HTML list gets its own ``w:num`` so that every
list restarts at its first item, as it does in the PDF. The kinds copy the PDF's markers:
bullets (and the visual style's ticks and warnings), 1. 2. 3., (a) (b) (c), (1) (2) (3), and
the legal narrative's clause numbers (1. for a clause, 1.1 for a sub-clause; in Polish § 1. for
a clause and 1. for its paragraphs).
"""

from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips

from .oxml import insert_ppr

LEVELS = 9
_BASE_ID = 100  # above the ids of the definitions python-docx's default template ships


def _levels(kind: str) -> list[tuple[str, str, int, int]]:
    """(numFmt, lvlText, left indent, hanging indent) of each level of a kind, in twips."""
    out = []
    for i in range(LEVELS):
        step = 360 * (i + 1)
        if kind in ("bullet", "ticks", "warn"):
            mark = {"ticks": "✓", "warn": "!"}.get(kind, "•◦▪"[i % 3])
            out.append(("bullet", mark, step, 270))
        elif kind == "decimal":
            out.append(("decimal", f"%{i + 1}.", step, 330))
        elif kind == "alpha":
            out.append(("lowerLetter", f"(%{i + 1})", 1040 + 360 * i, 480))
        elif kind == "paren":
            out.append(("decimal", f"(%{i + 1})", 440 + 360 * i, 440))
        elif kind == "paragraphs" and i == 0:  # a Polish contract's clause: § 1.
            out.append(("decimal", "§\u00a0%1.\u00a0", 900, 900))  # a space even past the tab stop
        elif kind == "paragraphs" and i == 1:  # and its paragraphs: 1., 2.
            out.append(("decimal", "%2.", 520, 520))
        elif i == 0:  # legal: clause
            out.append(("decimal", "%1.", 520, 520))
        elif i == 1:  # legal: sub-clause
            out.append(("decimal", "%1.%2", 520, 520))
        else:
            out.append(("lowerLetter", f"(%{i + 1})", 1040 + 360 * (i - 2), 480))
    return out


def _abstract(abstract_id: int, kind: str) -> str:
    levels = []
    for i, (fmt, text, left, hanging) in enumerate(_levels(kind)):
        font = (
            '<w:rPr><w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans"/></w:rPr>'
            if fmt == "bullet"
            else ""
        )
        levels.append(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{font}</w:lvl>'
        )
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
    )


class Numbering:
    """Adds list definitions to a document and hands out a ``numId`` per HTML list."""

    KINDS = ("bullet", "ticks", "warn", "decimal", "alpha", "paren", "legal", "paragraphs")

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
        self._kind: dict[int, str] = {}
        self._next = _BASE_ID

    def new_list(self, kind: str, start: int = 1) -> int:
        """A fresh ``numId`` of ``kind`` whose level 0 starts at ``start`` and others at 1."""
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
        self._kind[num_id] = kind
        return num_id

    def text_indent(self, num_id: int, ilvl: int) -> int:
        """Where the text of an item of list ``num_id`` at ``ilvl`` starts, in twips."""
        return _levels(self._kind[num_id])[ilvl][2]


def set_num(paragraph: Any, num_id: int, ilvl: int) -> None:
    """Make ``paragraph`` an item of list ``num_id`` at level ``ilvl`` (a real ``w:numPr``)."""
    inner = f'<w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/>'
    insert_ppr(paragraph._p.get_or_add_pPr(), "w:numPr", inner=inner)


def indent(paragraph: Any, twips: int) -> None:
    """Indent a paragraph (a list item's continuation) to ``twips``."""
    paragraph.paragraph_format.left_indent = Twips(twips)
