"""The document's base styles: body text, headings, list paragraphs and captions."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

BODY_FONT = "DejaVu Sans"


def _font(style: Any, name: str) -> None:
    """Set a style's font, dropping theme fonts (which would win over the named one)."""
    style.font.name = name
    r_fonts = style.element.rPr.rFonts
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        r_fonts.attrib.pop(qn(f"w:{attr}"), None)


def set_styles(document: Any) -> None:
    """Set fonts and spacing close to the PDF's (DejaVu Sans, 10 pt body)."""
    styles = document.styles
    normal = styles["Normal"]
    _font(normal, BODY_FONT)
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.15
    for level, size in ((1, 18), (2, 14), (3, 11.5)):
        h = styles[f"Heading {level}"]
        _font(h, BODY_FONT)
        h.font.size = Pt(size)
        h.font.color.rgb = RGBColor(0x1F, 0x2A, 0x44)
        h.paragraph_format.space_before = Pt(14 if level == 1 else 10)
        h.paragraph_format.space_after = Pt(4)
        h.paragraph_format.keep_with_next = True
    lp = styles["List Paragraph"]
    lp.paragraph_format.space_after = Pt(2)
    lp.paragraph_format.contextual_spacing = False
    cap = styles["Caption"]
    _font(cap, BODY_FONT)
    cap.font.size = Pt(9)
